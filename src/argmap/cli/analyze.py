"""``argmap analyze`` and ``argmap export-af``: a map's semantics, strengths and framework.

::

    argmap analyze FILE [--semantics grounded,preferred,stable] [--support ignored]
                        [--strength df-quad|none] [--explain ID] [--format text|json]
                        [--load-bearing THESIS [--k K]] [--timeout SECONDS]
                        [--max-extensions N]
    argmap export-af FILE -o OUT [--format i23|apx|tgf] [--support ...] [--numbered]
"""

from __future__ import annotations

import argparse
import json
import sys

from ..analysis.deadline import progress, time_limit
from ..analysis.strength import STRENGTH_METHODS
from ..analysis.translate import SUPPORT_INTERPRETATIONS
from ..analysis.whatif import MAX_K
from . import read_map

__all__ = ["register", "run_analyze", "run_export_af"]


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser(
        "analyze",
        help="statuses under argumentation semantics, strengths, per-actor summary",
        description="Label every statement in/out/undec under each semantics, list the "
        "unanswered objections, the contested statements (credulously but not sceptically "
        "accepted under preferred semantics), gradual strengths and a per-actor summary.",
    )
    p.add_argument("file", help="map file (native YAML/JSON or any readable format)")
    p.add_argument(
        "--semantics",
        default="grounded,preferred,stable",
        metavar="LIST",
        help="comma-separated: grounded, complete, preferred, stable, semi-stable, stage, "
        "ideal (default: grounded,preferred,stable)",
    )
    p.add_argument(
        "--support",
        choices=SUPPORT_INTERPRETATIONS,
        default="ignored",
        help="how supports become attacks (default: ignored)",
    )
    p.add_argument(
        "--strength",
        choices=(*STRENGTH_METHODS, "none"),
        default="df-quad",
        help="gradual semantics for strengths (default: df-quad)",
    )
    p.add_argument(
        "--explain",
        metavar="ID",
        action="append",
        default=[],
        help="also explain why statement ID has its label (under the first semantics); repeatable",
    )
    p.add_argument(
        "--load-bearing",
        metavar="THESIS",
        action="append",
        default=[],
        help="also list the statements and relations whose defeat alone would change claim "
        "THESIS's label (under the first semantics), and the minimal sets of up to --k "
        "statements; repeatable",
    )
    p.add_argument(
        "--k",
        type=int,
        default=1,
        metavar="K",
        help=f"largest set size for --load-bearing, 1 to {MAX_K} (default: 1)",
    )
    p.add_argument("--format", choices=("text", "json"), default="text", help="output format")
    p.add_argument("--from", dest="from_format", metavar="FORMAT", help="input format")
    p.add_argument(
        "--timeout",
        type=float,
        metavar="SECONDS",
        help="stop with an error (exit 2, nothing printed on stdout) after SECONDS, "
        "--load-bearing included (default: no limit)",
    )
    p.add_argument(
        "--max-extensions",
        type=int,
        default=1000,
        metavar="N",
        help="extensions to enumerate per independent part before preferred/stable switch "
        "to acceptance queries and semi-stable/stage give up (default: 1000)",
    )
    p.set_defaults(func=run_analyze)

    e = sub.add_parser(
        "export-af",
        help="write a map's abstract argumentation framework (i23, apx, tgf)",
        description="Translate a map into an abstract argumentation framework (supports "
        "interpreted as --support says) and write it in an ICCMA format. i23 numbers the "
        "arguments; '# k id' comment lines map the numbers back to statement ids.",
    )
    e.add_argument("file", help="map file")
    e.add_argument("-o", "--output", required=True, metavar="OUT", help="file to write")
    e.add_argument(
        "--format",
        choices=("i23", "apx", "tgf"),
        help="framework format (default: from OUT's suffix, .i23/.af, .apx, .tgf)",
    )
    e.add_argument(
        "--support",
        choices=SUPPORT_INTERPRETATIONS,
        default="ignored",
        help="how supports become attacks (default: ignored)",
    )
    e.add_argument(
        "--numbered",
        action="store_true",
        help="apx/tgf: name arguments a1..aN / 1..N (for tools that want plain identifiers); "
        "apx gets '%% aK id' comments, tgf a sidecar OUT.names.tsv",
    )
    e.add_argument("--from", dest="from_format", metavar="FORMAT", help="input format")
    e.set_defaults(func=run_export_af)


def run_analyze(args: argparse.Namespace) -> int:
    from ..analysis.report import analyze
    from ..analysis.status import explain
    from ..analysis.whatif import load_bearing

    m = read_map(args.file, args.from_format)
    strength = None if args.strength == "none" else args.strength
    with progress("argmap analyze"), time_limit(args.timeout, "argmap analyze"):
        report = analyze(
            m,
            semantics=args.semantics,
            support=args.support,
            strength=strength,
            max_extensions=args.max_extensions,
        )
        explanations = [
            explain(m, sid, semantics=report.semantics[0], support=args.support)
            for sid in args.explain
        ]
        bearing = [
            load_bearing(
                m,
                thesis,
                k=args.k,
                semantics=report.semantics[0],
                support=args.support,
                timeout=args.timeout,
            )
            for thesis in args.load_bearing
        ]
    if args.format == "json":
        data = {"file": args.file, **report.to_dict()}
        if explanations:
            data["explanations"] = [e.to_dict() for e in explanations]
        if bearing:
            data["load_bearing"] = [b.to_dict() for b in bearing]
        json.dump(data, sys.stdout, indent=2, ensure_ascii=False)
        sys.stdout.write("\n")
    else:
        print(report)
        for e in explanations:
            print()
            print(e.text())
        for b in bearing:
            print()
            print(b)
    return 0


def run_export_af(args: argparse.Namespace) -> int:
    from ..analysis.translate import format_framework, translate
    from ..formats.iccma import af_format_of
    from ..io import write_atomic

    m = read_map(args.file, args.from_format)
    fmt = af_format_of(args.output, args.format)
    t = translate(m, support=args.support)
    write_atomic(args.output, format_framework(t, fmt, numbered=args.numbered))
    if args.numbered and fmt == "tgf":
        names = "".join(f"{k}\t{name}\n" for k, name in enumerate(t.framework.names, start=1))
        write_atomic(f"{args.output}.names.tsv", names)
    af = t.framework
    conceded = len(m.relations("concedes"))
    print(
        f"{args.output}: {af.num_arguments} arguments, {af.num_attacks} attacks "
        f"({fmt}, support {args.support})"
        + (f"; {conceded} concessions left out (a concession is no attack)" if conceded else ""),
        file=sys.stderr,
    )
    return 0
