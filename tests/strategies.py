"""Hypothesis strategies for argument maps that obey the rule table.

Import with ``from strategies import maps`` (``tests/`` is put on sys.path by conftest).
"""

from __future__ import annotations

from hypothesis import strategies as st

import argmap
from argmap.model import Source

ids = st.from_regex(r"[a-z][a-z0-9-]{0,11}", fullmatch=True)
texts = st.text(
    alphabet=st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00"),
    min_size=1,
    max_size=40,
).filter(lambda t: t.strip() != "")
opt_text = st.none() | texts
sources = st.none() | st.builds(
    Source,
    title=opt_text,
    author=opt_text,
    publisher=opt_text,
    url=st.none() | st.just("https://example.org/a?b=c&d"),
    date=st.none() | st.sampled_from(["2023", "2023-05", "2023-05-03"]),
    note=opt_text,
    file=st.none() | st.just("texts/source.txt"),
    text=opt_text,
)
qualifiers = st.none() | st.sampled_from(["probably", "may", "it seems unlikely"]) | texts

KINDS = ("claim", "objection", "rebuttal", "evidence")


@st.composite
def maps(draw, *, max_statements: int = 12, undercuts: bool = True, rich: bool = True):
    """An ArgumentMap with random statements, actors and rule-abiding relations."""
    m = argmap.ArgumentMap(title=draw(opt_text), source=draw(sources) if rich else None)
    actor_ids = draw(st.lists(ids, max_size=3, unique=True))
    for a in actor_ids:
        m.actor(
            a,
            draw(texts),
            affiliation=draw(opt_text),
            role=draw(opt_text) if rich else None,
            kind=draw(st.none() | st.sampled_from(["person", "government", "media"])),
        )
    stmt_ids = draw(st.lists(ids, min_size=1, max_size=max_statements, unique=True))
    for sid in stmt_ids:
        kind = draw(st.sampled_from(KINDS))
        m.statement(
            kind,
            draw(texts),
            id=sid,
            by=draw(st.none() | st.sampled_from(actor_ids)) if actor_ids else None,
            quote=draw(opt_text) if rich else None,
            source=draw(sources) if rich else None,
            tags=draw(st.lists(ids, max_size=2, unique=True)) if rich else (),
            note=draw(opt_text) if rich else None,
            qualifier=draw(qualifiers) if rich else None,
            weight=draw(st.none() | st.floats(0, 1)) if rich else None,
        )
    n_rel = draw(st.integers(0, 2 * len(stmt_ids)))
    for _ in range(n_rel):
        a = draw(st.sampled_from(stmt_ids))
        b = draw(st.sampled_from(stmt_ids))
        ka, kb = m[a].kind, m[b].kind
        options = ["supports", "contradicts", "concedes"]
        if ka == "objection" and kb in ("claim", "evidence", "rebuttal"):
            options.append("objects")
        if ka == "rebuttal" and kb == "objection":
            options.append("rebuts")
        kind = draw(st.sampled_from(options))
        try:
            m.relate(a, b, kind)
        except argmap.ArgmapError:
            pass  # self-loops and duplicates are simply skipped
    if undercuts:
        attackers = [s.id for s in m.statements() if s.kind in ("objection", "rebuttal")]
        for _ in range(draw(st.integers(0, 2))):
            targets = [r for r in m.relations() if r.kind not in ("contradicts", "concedes")]
            if not attackers or not targets:
                break
            u = draw(st.sampled_from(attackers))
            r = draw(st.sampled_from(targets))
            try:
                m.relate(u, r, "undercuts")
            except argmap.ArgmapError:
                pass
    return m
