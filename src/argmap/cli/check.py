"""``argmap check`` and ``argmap validate``: the rule-based check and the file check.

The engine is :mod:`argmap.check`; this module only parses options and prints.
"""

from __future__ import annotations

import argparse
import sys

from ..check.findings import SEVERITIES
from ..errors import ArgmapError
from . import read_map


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser(
        "check",
        help="check maps: unanswered objections, structure, quotes (exit 1 on errors)",
        description="Check argument maps with rules like a linter: objections that threaten "
        "a thesis and nothing answers, structure and provenance problems, quotes that the "
        "source text does not hold. Every finding has a rule code, a severity, a location "
        "and, where there is one, a fix hint (see docs/checking.md). Exit 0 when no finding "
        "reaches --fail-on (default error), 1 when one does, 2 when a file or an option "
        "cannot be used.",
    )
    p.add_argument("files", nargs="*", metavar="FILE", help="map files (any readable format)")
    p.add_argument(
        "--thesis",
        action="append",
        metavar="ID",
        help="scope the objection rules to this thesis (repeatable; default: the map's "
        "theses: claims tagged 'thesis', else root claims)",
    )
    p.add_argument(
        "--select",
        action="append",
        metavar="RULES",
        help="run only these rules (codes, "
        "names or prefixes, comma-separated; replaces the configured selection)",
    )
    p.add_argument("--ignore", action="append", metavar="RULES", help="do not run these rules")
    p.add_argument(
        "--severity",
        choices=SEVERITIES,
        help="minimum severity shown and counted (default info)",
    )
    p.add_argument(
        "--fail-on",
        choices=SEVERITIES,
        help="lowest severity that makes the exit status 1 (default error)",
    )
    p.add_argument(
        "--format",
        choices=("text", "json", "github", "sarif"),
        default="text",
        help="output format (github: workflow-command annotations; sarif: SARIF 2.1.0)",
    )
    p.add_argument("--source", metavar="FILE", help="the source text (overrides the map's own)")
    p.add_argument("--from", dest="from_format", metavar="FORMAT", help="input format")
    p.add_argument(
        "--isolated", action="store_true", help="ignore [tool.argmap.check] in pyproject.toml"
    )
    p.add_argument("--list-rules", action="store_true", help="list every rule and exit")
    p.set_defaults(func=run_check, parser=p)

    v = sub.add_parser(
        "validate",
        help="check that a file is a valid map",
        description="Read a map and report every problem in it (exit 2), or 'ok' (exit 0).",
    )
    v.add_argument("file")
    v.add_argument("--from", dest="from_format", metavar="FORMAT", help="input format")
    v.set_defaults(func=run_validate)


def _selectors(values: list[str] | None) -> list[str] | None:
    if values is None:
        return None
    return [part.strip() for v in values for part in v.split(",") if part.strip()]


def _list_rules() -> int:
    from ..check.rules import RULES

    for rule in RULES.values():
        print(f"{rule.code}  {rule.name:<28} {rule.severity:<8} {rule.summary}")
    return 0


def run_check(args: argparse.Namespace) -> int:
    from ..check import CheckConfig, check_file, resolve_selectors
    from ..check.output import FORMATS

    if args.list_rules:
        return _list_rules()
    if not args.files:
        args.parser.error("at least one FILE is required (or --list-rules)")
    select = _selectors(args.select)
    overrides = CheckConfig(
        select=None if select is None else tuple(resolve_selectors(select)),
        ignore=frozenset(resolve_selectors(_selectors(args.ignore) or [], where="--ignore")),
        min_severity=args.severity,
        fail_on=args.fail_on,
    )
    results, errors = [], []
    for path in args.files:
        try:
            result = check_file(
                path,
                format=args.from_format,
                thesis=args.thesis,
                overrides=overrides,
                source=args.source,
                isolated=args.isolated,
            )
        except ArgmapError as exc:
            print(f"error: {exc}", file=sys.stderr)
            errors.append((path, str(exc)))
            continue
        for msg in result.warnings:
            print(f"warning: {path}: {msg}", file=sys.stderr)
        results.append(result)
    if results or (errors and args.format != "text"):
        # machine-readable reports name the files that could not be checked, and are
        # printed even when none could (an empty SARIF file breaks an upload step)
        sys.stdout.write(FORMATS[args.format](results, errors=errors))
    if errors:
        return 2
    return 1 if any(r.failed for r in results) else 0


def run_validate(args: argparse.Namespace) -> int:
    m = read_map(args.file, args.from_format)
    print(
        f"{args.file}: ok ({len(m)} statements, {len(m.relations())} relations, "
        f"{len(m.actors())} actors)"
    )
    return 0
