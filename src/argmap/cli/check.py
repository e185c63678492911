"""``argmap check`` and ``argmap validate``: the dialectical check and the file check."""

from __future__ import annotations

import json
import sys
import textwrap

from ..analysis.dialectic import objection_statuses
from . import read_map

_REASONS = {
    "no-answer": "nothing answers it",
    "answers-defeated": "every answer to it is itself defeated",
    "undecided": "its answers are caught in an unresolved cycle of attacks",
}


def register(sub) -> None:
    p = sub.add_parser(
        "check",
        help="list unanswered objections (exit 1 if any)",
        description="List every objection that no standing rebuttal answers, with its author "
        "and what it attacks. Exit 0 when there is none, 1 when there are some, 2 when the "
        "file cannot be used.",
    )
    p.add_argument("file", help="map file (native YAML/JSON or any readable format)")
    p.add_argument("--format", choices=("text", "json"), default="text", help="output format")
    p.add_argument("--from", dest="from_format", metavar="FORMAT", help="input format")
    p.set_defaults(func=run_check)

    v = sub.add_parser(
        "validate",
        help="check that a file is a valid map",
        description="Read a map and report every problem in it (exit 2), or 'ok' (exit 0).",
    )
    v.add_argument("file")
    v.add_argument("--from", dest="from_format", metavar="FORMAT", help="input format")
    v.set_defaults(func=run_validate)


def check_report(m, *, path: str | None = None) -> dict:
    """The check's result as plain data (what ``--format json`` prints)."""
    statuses = objection_statuses(m)
    unanswered = []
    for st in statuses:
        if st.answered:
            continue
        o = st.objection
        actor = m.get_actor(o.by) if o.by else None
        targets = []
        for t in st.targets:
            if t in m:
                s = m.get(t)
                targets.append({"id": s.id, "kind": s.kind, "text": s.text})
            else:
                rel = m.relation(t)
                targets.append({"relation": t, "kind": rel.kind, "from": rel.from_, "to": rel.to})
        unanswered.append(
            {
                "id": o.id,
                "text": o.text,
                "quote": o.quote,
                "by": None
                if actor is None
                else {"id": actor.id, "name": actor.name, "affiliation": actor.affiliation},
                "against": targets,
                "reason": st.reason,
                "answers": list(st.answers),
            }
        )
    return {
        "file": path,
        "objections": len(statuses),
        "unanswered_count": len(unanswered),
        "unanswered": unanswered,
    }


def _print_text(report: dict) -> None:
    n, total = report["unanswered_count"], report["objections"]
    head = f"{report['file']}: " if report["file"] else ""
    if n == 0:
        print(f"{head}all {total} objections are answered")
        return
    print(f"{head}{n} of {total} objections unanswered")
    for item in report["unanswered"]:
        by = item["by"]
        who = (
            ""
            if by is None
            else f"  (by {by['name']}" + (f", {by['affiliation']})" if by["affiliation"] else ")")
        )
        print(f"\n- {item['id']}{who}")
        print(textwrap.indent(textwrap.fill(item["text"], 76), "    "))
        if item["quote"]:
            print(textwrap.indent(textwrap.fill(f"\u201c{item['quote']}\u201d", 76), "    "))
        for t in item["against"]:
            if "relation" in t:
                print(f"    undercuts: {t['from']} -{t['kind']}-> {t['to']}")
            else:
                print(f"    against: {t['id']} ({t['kind']}): {textwrap.shorten(t['text'], 60)}")
        print(f"    why unanswered: {_REASONS[item['reason']]}")


def run_check(args) -> int:
    m = read_map(args.file, args.from_format)
    report = check_report(m, path=args.file)
    if args.format == "json":
        json.dump(report, sys.stdout, indent=2, ensure_ascii=False)
        sys.stdout.write("\n")
    else:
        _print_text(report)
    return 1 if report["unanswered_count"] else 0


def run_validate(args) -> int:
    m = read_map(args.file, args.from_format)
    print(
        f"{args.file}: ok ({len(m)} statements, {len(m.relations())} relations, "
        f"{len(m.actors())} actors)"
    )
    return 0
