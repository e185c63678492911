"""Reports of ``argmap check``: text (grouped), JSON, GitHub workflow commands, SARIF 2.1.0.

Each function takes the results of one or more files and returns a string;
nothing here runs rules or reads files.
"""

from __future__ import annotations

import json
import textwrap
from collections.abc import Sequence
from pathlib import PurePath
from typing import Any
from urllib.parse import quote

from .engine import CheckResult
from .findings import Finding
from .rules import RULES

__all__ = ["format_text", "format_json", "format_github", "format_sarif", "FORMATS", "plural"]

SARIF_SCHEMA = (
    "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
)


def plural(n: int, word: str, many: str | None = None) -> str:
    """``1 objection``, ``2 objections``.

    Examples
    --------
    >>> plural(1, "objection"), plural(0, "objection"), plural(2, "thesis", "theses")
    ('1 objection', '0 objections', '2 theses')
    """
    return f"{n} {word if n == 1 else (many or word + 's')}"


# ------------------------------------------------------------------ text


def _finding_lines(f: Finding, indent: str = "  ") -> list[str]:
    # one line per finding, as linters print them (grep-able; the terminal wraps)
    lines = [f"{indent}{f.location}: {f.code} {f.severity}: {f.message}"]
    if f.extra.get("text"):
        lines.append(f"{indent}    {textwrap.shorten(f.extra['text'], 100)}")
    if f.hint:
        lines.append(f"{indent}    hint: {f.hint}")
    return lines


def _summary(r: CheckResult) -> str:
    total = len(r.statuses)
    unanswered = [s for s in r.statuses if not s.answered]
    threatening = [s for s in unanswered if s.threatens]
    if total == 0:
        head = "no objections"
    elif not unanswered:
        head = f"all {total} objections are answered" if total > 1 else "the objection is answered"
    else:
        head = f"{len(unanswered)} of {plural(total, 'objection')} unanswered"
        head += f", {len(threatening)} bearing on " + (
            "the thesis" if len(r.theses) == 1 else "the theses"
        )
    counts = r.counts()
    parts = [
        plural(counts[s], s, "info" if s == "info" else None)
        for s in ("error", "warning", "info")
        if counts[s]
    ]
    found = plural(len(r.findings), "finding") + (f" ({', '.join(parts)})" if parts else "")
    extra = []
    if r.suppressed:
        extra.append(f"{r.suppressed} suppressed")
    if r.hidden:
        extra.append(f"{r.hidden} below {r.min_severity}")
    return f"{head}; {found}" + (f"; {', '.join(extra)}" if extra else "")


def _text_one(r: CheckResult) -> list[str]:
    m = r.map
    out = [f"{r.file or '<map>'}: {_summary(r)}"]
    dialectic = [f for f in r.findings if f.thesis is not None]
    off = [f for f in r.findings if f.code == "AM103"]
    other = [f for f in r.findings if f.thesis is None and f.code != "AM103"]
    for t in r.theses:
        mine = [f for f in dialectic if f.thesis == t]
        text = textwrap.shorten(m.get(t).text, 70)
        # unanswered objections bearing on t whose finding is not shown (rule off,
        # suppressed, below the minimum severity): never reported as "no threat"
        shown = {f.statement for f in mine}
        unshown = [
            s
            for s in r.statuses
            if not s.answered and t in s.threatens and s.objection.id not in shown
        ]
        not_reported = (
            f"{plural(len(unshown), 'unanswered objection')} "
            f"{'threatens' if len(unshown) == 1 else 'threaten'} it, not reported (rule off, "
            f"suppressed or below {r.min_severity}): {', '.join(s.objection.id for s in unshown)}"
        )
        if not mine:
            if unshown:
                out += ["", f"Thesis {t!r} ({text}): {not_reported}"]
            else:
                out += ["", f"Thesis {t!r} ({text}): no unanswered objection threatens it"]
            continue
        out += ["", f"Objections that threaten thesis {t!r} ({text}): {len(mine)}"]
        for f in mine:
            out += _finding_lines(f)
        if unshown:
            out.append(f"  and {not_reported}")
    if off:
        out += [
            "",
            "Unanswered objections that bear on no thesis (they threaten none of the theses "
            f"{', '.join(repr(t) for t in r.theses) or '(none)'}): {len(off)}",
        ]
        for f in off:
            out += _finding_lines(f)
    if other:
        out += ["", f"Other findings: {len(other)}"]
        for f in other:
            out += _finding_lines(f)
    cov = r.coverage
    if cov is not None:
        out += [
            "",
            f"Source {cov['source'] or '(the map text)'}: {cov['share']:.0%} of the text mapped; "
            f"{cov['mapped']} of {plural(cov['sentences'], 'sentence')} quoted, "
            f"{len(cov['unmapped'])} unmapped:",
        ]
        for u in cov["unmapped"]:
            out.append(f"  line {u['line']}: {textwrap.shorten(u['text'], 90)}")
    return out


def format_text(results: Sequence[CheckResult], errors: Sequence[tuple[str, str]] = ()) -> str:
    """The terminal report: per file, findings grouped by the thesis they threaten.

    ``errors`` (file, message) of files that could not be checked are left to
    the caller, which prints them on stderr.
    """
    out: list[str] = []
    for i, r in enumerate(results):
        if i:
            out.append("")
        out += _text_one(r)
    if len(results) > 1:
        failed = sum(1 for r in results if r.failed)
        total = sum(len(r.findings) for r in results)
        out += [
            "",
            f"{plural(len(results), 'file')} checked: {plural(total, 'finding')}, "
            f"{plural(failed, 'file')} failing",
        ]
    return "\n".join(out) + "\n"


# ------------------------------------------------------------------ json


def format_json(results: Sequence[CheckResult], errors: Sequence[tuple[str, str]] = ()) -> str:
    """``{"files": [...], "errors": [...], "failed": bool}``; each file as
    :meth:`CheckResult.to_dict`, each file that could not be checked as
    ``{"file", "message"}`` (``failed`` is then true)."""
    data = {
        "files": [r.to_dict() for r in results],
        "errors": [{"file": f, "message": msg} for f, msg in errors],
        "failed": bool(errors) or any(r.failed for r in results),
    }
    return json.dumps(data, indent=2, ensure_ascii=False) + "\n"


# ------------------------------------------------------------------ github

_GITHUB_LEVEL = {"error": "error", "warning": "warning", "info": "notice"}


def _escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


def format_github(results: Sequence[CheckResult], errors: Sequence[tuple[str, str]] = ()) -> str:
    """GitHub Actions workflow commands: ``::error file=F,line=L,title=T::message``.

    A file that could not be checked (``errors``: file, message) is an error
    annotation titled ``argmap``.

    Examples
    --------
    >>> _escape_property("AM101: a, b"), _escape_data("50%\\nmore")
    ('AM101%3A a%2C b', '50%25%0Amore')
    """
    lines = [
        f"::error file={_escape_property(file)},title=argmap::{_escape_data(msg)}"
        for file, msg in errors
    ]
    for r in results:
        for f in r.findings:
            props = []
            if f.file:
                props.append(f"file={_escape_property(f.file)}")
            if f.line:
                props.append(f"line={f.line}")
            props.append(f"title={_escape_property(f'{f.code} {f.name}')}")
            message = f.message + (f" (hint: {f.hint})" if f.hint else "")
            lines.append(
                f"::{_GITHUB_LEVEL[f.severity]} {','.join(props)}::{_escape_data(message)}"
            )
        cov = r.coverage
        if cov is not None:
            head = f"file={_escape_property(r.file)}," if r.file else ""
            lines.append(
                f"::notice {head}title=argmap coverage::"
                + _escape_data(
                    f"{cov['share']:.0%} of the source text mapped; "
                    f"{len(cov['unmapped'])} of {cov['sentences']} sentences unmapped"
                )
            )
    return "".join(line + "\n" for line in lines)


# ------------------------------------------------------------------ sarif

_SARIF_LEVEL = {"error": "error", "warning": "warning", "info": "note"}


def _uri(path: str) -> str:
    return quote(PurePath(path).as_posix())


def format_sarif(results: Sequence[CheckResult], errors: Sequence[tuple[str, str]] = ()) -> str:
    """One SARIF 2.1.0 log with one run; every rule in ``tool.driver.rules``.

    The run's invocation is successful unless a file could not be checked
    (``errors``: file, message); each such file is a tool execution notification.
    """
    from .. import __version__

    rules = list(RULES.values())
    index = {r.code: i for i, r in enumerate(rules)}
    sarif_results: list[dict[str, Any]] = []
    artifacts: list[str] = []
    for r in results:
        if r.file and r.file not in artifacts:
            artifacts.append(r.file)
        for f in r.findings:
            res: dict[str, Any] = {
                "ruleId": f.code,
                "ruleIndex": index[f.code],
                "level": _SARIF_LEVEL[f.severity],
                "message": {"text": f.message + (f" Hint: {f.hint}" if f.hint else "")},
            }
            if f.file:
                physical: dict[str, Any] = {"artifactLocation": {"uri": _uri(f.file)}}
                if f.line:
                    physical["region"] = {"startLine": f.line}
                location: dict[str, Any] = {"physicalLocation": physical}
                if f.statement:
                    location["logicalLocations"] = [{"name": f.statement, "kind": "member"}]
                res["locations"] = [location]
            elif f.statement:
                res["locations"] = [{"logicalLocations": [{"name": f.statement, "kind": "member"}]}]
            source_line = f.extra.get("source_line")
            if r.source and source_line:
                region = {"startLine": source_line}
                if f.extra.get("source_column"):
                    region["startColumn"] = f.extra["source_column"]
                res["relatedLocations"] = [
                    {
                        "id": 1,
                        "physicalLocation": {
                            "artifactLocation": {"uri": _uri(r.source)},
                            "region": region,
                        },
                        "message": {"text": "nearest passage of the source"},
                    }
                ]
            props: dict[str, Any] = {"name": f.name}
            if f.statement:
                props["statement"] = f.statement
            if f.thesis is not None:
                props["thesis"] = f.thesis
                props["path"] = list(f.path)
            if f.hint:
                props["hint"] = f.hint
            res["properties"] = props
            sarif_results.append(res)
    log = {
        "$schema": SARIF_SCHEMA,
        "version": "2.1.0",
        "runs": [
            {
                "tool": {
                    "driver": {
                        "name": "argmap",
                        "version": __version__,
                        "rules": [
                            {
                                "id": rule.code,
                                "name": rule.name,
                                "shortDescription": {"text": rule.summary},
                                "help": {"text": f"docs/checking.md, {rule.code} {rule.name}"},
                                "defaultConfiguration": {"level": _SARIF_LEVEL[rule.severity]},
                            }
                            for rule in rules
                        ],
                    }
                },
                "invocations": [
                    {
                        "executionSuccessful": not errors,
                        "toolExecutionNotifications": [
                            {
                                "level": "error",
                                "message": {"text": msg},
                                "locations": [
                                    {"physicalLocation": {"artifactLocation": {"uri": _uri(f)}}}
                                ],
                            }
                            for f, msg in errors
                        ],
                    }
                ],
                "artifacts": [{"location": {"uri": _uri(a)}} for a in artifacts],
                "results": sarif_results,
            }
        ],
    }
    return json.dumps(log, indent=2, ensure_ascii=False) + "\n"


FORMATS = {"text": format_text, "json": format_json, "github": format_github, "sarif": format_sarif}
"""Output format name -> function ``(results) -> str``."""
