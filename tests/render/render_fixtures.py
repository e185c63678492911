"""Maps and markers for the rendering tests: every kind and relation; hostile text everywhere.

Importable from any test module once ``tests/render`` is on ``sys.path`` (its
conftest puts it there): ``from render_fixtures import build_hostile``.
"""

from __future__ import annotations

import shutil

import pytest

from argmap import ArgumentMap
from argmap.render.engines import _locate

HAS_DOT = shutil.which("dot") is not None
HAS_PURE = _locate("graphviz-pure") is not None

needs_dot = pytest.mark.skipif(not HAS_DOT, reason="Graphviz `dot` is not on PATH")
needs_graphviz_pure = pytest.mark.skipif(not HAS_PURE, reason="graphviz-pure is not installed")
needs_engine = pytest.mark.skipif(
    not (HAS_DOT or HAS_PURE), reason="no layout engine (dot or graphviz-pure)"
)

HOSTILE_TEXTS = {
    "quotes": "He said \"no\" and 'never' \u201cquoted\u201d",
    "backslash": "C:\\new\\table \\N \\G \\l \\\\ ends with \\",
    "markup": "<b>bold</b> & <script>alert(1)</script> &amp; &lt;",
    "braces": "{rank=same; x} [label=y] (z) |w|",
    "newlines": "line one\nline two\r\nline three\n\nlast",
    "emoji": "Peace \U0001f54a\ufe0f and flags \U0001f1ef\U0001f1f5 \u2014 ok",
    "rtl": "\u0627\u0644\u0633\u0644\u0627\u0645 \u05e9\u05dc\u05d5\u05dd mixed RTL",
    "keywords": "graph digraph node edge subgraph strict",
    "inject": '"]; a -> b [color=red label="pwned',
    "html-inject": '>]; evil [label=<<b>x</b>>]; "',
    "mermaid": "end --> x; click A call alert() ; %% comment ; classDef x fill:#f00 `md`",
    "control": "bell\x07 nul\x00 tab\t done",
}
"""Statement texts that try to break out of a label in every output format."""


def build_sample() -> ArgumentMap:
    """Every statement kind and relation kind, two actors, a quote and a source."""
    m = ArgumentMap(title="Sample map", source={"author": "A. Writer", "date": "2024"})
    m.actor("beebe", "George Beebe", affiliation="Quincy Institute")
    m.actor("mfa", "China's Foreign Ministry", kind="government")
    thesis = m.claim("A NATO liaison office in Tokyo serves the alliance.", id="thesis")
    reason = m.claim(
        "Japan is a natural host.", id="reason", supports=thesis, qualifier="probably"
    )
    m.evidence("NATO and Japan signed a partnership programme.", id="ev", supports=reason)
    rift = m.objection(
        "The office would deepen transatlantic differences over China.",
        id="rift",
        against=thesis,
        by="beebe",
        quote="exacerbate differences between the United States and some Europeans",
        source={"title": "Interview", "publisher": "Nikkei Asia", "date": "2023-05-03"},
    )
    m.rebuttal(
        "A liaison office can narrow perception gaps.",
        id="narrow",
        against=rift,
        concedes=rift,  # the gaps exist
    )
    m.objection("NATO should stay in the North Atlantic.", id="stay", against=thesis, by="mfa")
    link = m.relations("supports")[1]  # ev supports reason
    m.rebuttal("The programme is symbolic only.", id="symbolic", against=link)
    m.claim("Japan is not a natural host.", id="not-host")
    m.relate("not-host", reason, "contradicts")
    return m


def build_hostile() -> ArgumentMap:
    """A map whose every text, actor name, quote and title is hostile; ids are awkward too."""
    m = ArgumentMap(title='Title "quoted" <b>&</b> \\ {x} ]; a -> b [\nsecond line')
    m.actor("a:1", 'Actor "<i>x</i>" \\ ]; -> [', affiliation="Aff & <co>")
    thesis = m.claim("Thesis " + HOSTILE_TEXTS["inject"], id="graph")
    prev = thesis
    for i, (name, text) in enumerate(HOSTILE_TEXTS.items()):
        kind = "objection" if i % 2 else "rebuttal"
        if kind == "objection":
            prev = m.objection(
                text, id=f"node.{name}", against=thesis, by="a:1", quote=text, qualifier=text
            )
        else:
            if prev.kind != "objection":
                prev = m.objection(text, id=f"edge:{name}-o", against=thesis)
            m.rebuttal(text, id=f"strict-{name}", against=prev, quote=text)
            m.relate(f"strict-{name}", prev, "concedes", note=text)
    return m
