"""Round trips with hostile strings: export then import gives the same map, or says what it lost.

No exporter may let a text become structure (a fake claim, link, node or
attack), and what it changes must be reported as a LossWarning (or the export
refused with an argmap error). The Argdown exporter is tested in its own suite.
"""

from __future__ import annotations

import os
import re
import warnings

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import argmap
from argmap.analysis.framework import ArgumentationFramework
from argmap.errors import ArgmapError
from argmap.formats import get_format
from argmap.formats.iccma import format_af, parse_af
from argmap.render.table import Table

PIECES = [
    "\n",
    "\r\n",
    "\r",
    "1.2. Pro: fake claim",
    "\n1.1. Con: injected",
    "-> See 1.",
    "Pro: ",
    "Con:",
    "{",
    "}",
    "{x: 1}",
    "[",
    "]",
    "[link](https://evil.example/x)",
    "![img](https://evil.example/p.png)",
    "<b>",
    "</script>",
    "&amp;",
    '"',
    "'",
    "\\",
    "#tag",
    "*em*",
    "_u_",
    "`code`",
    "|",
    "%",
    "\x00",
    "\x01",
    "\x1b[31m",
    "\t",
    "\u2028",
    "\u200b",
    "é",
    "  ",
]
hostile = (
    st.lists(
        st.sampled_from(PIECES)
        | st.text(st.characters(blacklist_categories=("Cs",)), min_size=1, max_size=6),
        min_size=1,
        max_size=5,
    )
    .map("".join)
    .filter(lambda t: t.strip() != "")
)


def _map(texts: list[str], title: str, note: str) -> argmap.ArgumentMap:
    """A thesis with objections and rebuttals: the shape every format holds."""
    m = argmap.ArgumentMap(title=title)
    thesis = m.claim(texts[0], id="t", note=note, quote=note)
    for i, text in enumerate(texts[1:]):
        if i % 3 == 0:
            m.objection(text, id=f"o{i}", against=thesis, note=note)
        elif i % 3 == 1:
            m.rebuttal(text, id=f"r{i}", against=f"o{i - 1}")
        else:
            m.claim(text, id=f"s{i}", supports=thesis)
    return m


def _round_trip(m: argmap.ArgumentMap, fmt: str):
    f = get_format(fmt)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        try:
            text = f.write(m)
        except ArgmapError:
            return None  # refused, with an argmap error: allowed
        back, losses = f.read(text, None)
    reported = [str(w.message) for w in caught if issubclass(w.category, argmap.LossWarning)]
    return back, reported + list(losses)


# Derandomized, so CI sees the same examples every run; set ARGMAP_EXPLORE=N to try N
# fresh random examples per test instead (how the escaping bugs were found).
_EXPLORE = int(os.environ.get("ARGMAP_EXPLORE", "0"))
SETTINGS = settings(
    max_examples=_EXPLORE or 25,
    derandomize=not _EXPLORE,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)


@pytest.mark.parametrize("fmt", ["yaml", "json", "node-link"])
@SETTINGS
@given(texts=st.lists(hostile, min_size=1, max_size=5), title=hostile, note=hostile)
def test_lossless_formats_give_the_same_map(fmt, texts, title, note):
    m = _map(texts, title, note)
    result = _round_trip(m, fmt)
    assert result is not None
    back, lost = result
    assert lost == []
    assert back == m


@pytest.mark.parametrize("fmt", ["aif", "ova3", "xaif", "sadface", "graphml", "kialo"])
@SETTINGS
@given(texts=st.lists(hostile, min_size=1, max_size=5), title=hostile, note=hostile)
def test_no_injection_and_changes_are_reported(fmt, texts, title, note):
    m = _map(texts, title, note)
    result = _round_trip(m, fmt)
    if result is None:
        return
    back, lost = result
    # never a statement or relation more or less: no text became structure
    assert len(back.statements()) == len(m.statements())
    assert len(back.relations()) == len(m.relations())
    before = sorted(s.text for s in m.statements())
    after = sorted(s.text for s in back.statements())
    if after != before:
        assert lost, f"{fmt} changed a text without a LossWarning"


@st.composite
def rich_maps(draw) -> argmap.ArgumentMap:
    """A map with a hostile string in every text field: title, source, actors, statements
    (text, quote, note, tags, source, metadata) and relation notes."""
    h = hostile
    opt = st.none() | h
    source = st.none() | st.builds(
        dict, title=opt, author=opt, publisher=opt, note=opt
    ).map(lambda d: {k: v for k, v in d.items() if v is not None} or None)
    m = argmap.ArgumentMap(title=draw(opt), source=draw(source))
    actors = []
    for i in range(draw(st.integers(0, 2))):
        m.actor(f"a{i}", draw(h), affiliation=draw(opt), role=draw(opt))
        actors.append(f"a{i}")
    by = st.none() | st.sampled_from(actors) if actors else st.none()

    def fields():
        return dict(
            by=draw(by),
            quote=draw(opt),
            note=draw(opt),
            tags=draw(st.lists(h, max_size=2, unique=True)),
            source=draw(source),
            meta=draw(st.none() | st.dictionaries(st.sampled_from(["k", "x y"]), h, max_size=2)),
        )

    thesis = m.claim(draw(h), id="t", **fields())
    for i in range(draw(st.integers(0, 4))):
        shape = i % 3
        if shape == 0:
            m.objection(draw(h), id=f"o{i}", against=thesis, **fields())
        elif shape == 1:
            m.rebuttal(draw(h), id=f"r{i}", against=f"o{i - 1}", **fields())
        else:
            m.claim(draw(h), id=f"s{i}", supports=thesis, **fields())
    for r in list(m.relations()):
        if draw(st.booleans()):
            m._relations[r.key] = r.model_copy(update={"note": draw(h)})
    return m


#: which words a LossWarning must use when a field did not survive
_WORDS = {
    "text": ("text",),
    "by": ("'by'", "actor"),
    "quote": ("quote",),
    "source": ("source",),
    "tags": ("tags",),
    "note": ("note",),
    "weight": ("weight",),
    "kind": ("kind",),
}


def _unreported(m: argmap.ArgumentMap, back: argmap.ArgumentMap, lost: list[str]) -> list[str]:
    """The differences between ``m`` and ``back`` that no loss message names."""
    said = " ".join(lost).lower()
    missing = []

    def check(what: str, words: tuple[str, ...]) -> None:
        if not any(w in said for w in words):
            missing.append(what)

    if (back.title or None) != (m.title or None):
        check("title", ("title",))
    if back.source != m.source:
        check("source", ("source",))
    if [(a.name, a.affiliation, a.role) for a in back.actors()] != [
        (a.name, a.affiliation, a.role) for a in m.actors()
    ]:
        check("actors", ("actor",))
    for s, s2 in zip(m.statements(), back.statements(), strict=True):
        for field, words in _WORDS.items():
            a, b = getattr(s, field), getattr(s2, field)
            if field == "by" and a is not None and b is not None:
                a, b = m.get_actor(a).name, back.get_actor(b).name
            if a != b and not (field == "kind" and "kind" in said):
                check(f"{s.id}.{field}", words)
        if any(s2.meta.get(k) != v for k, v in s.meta.items()):
            check(f"{s.id}.meta", ("metadata",))
    notes = sorted(r.note or "" for r in m.relations())
    if sorted(r.note or "" for r in back.relations()) != notes:
        check("relation notes", ("relation",))
    return missing


@pytest.mark.parametrize(
    "fmt", ["yaml", "json", "node-link", "aif", "ova3", "xaif", "sadface", "graphml", "kialo"]
)
@SETTINGS
@given(m=rich_maps())
def test_every_field_survives_or_its_loss_is_reported(fmt, m):
    result = _round_trip(m, fmt)
    if result is None:
        return  # refused with an argmap error
    back, lost = result
    assert len(back.statements()) == len(m.statements())
    if len(back.relations()) != len(m.relations()):
        assert "relation" in " ".join(lost)
    assert _unreported(m, back, lost) == []


class TestKialo:
    def test_multiline_text_cannot_inject_a_rebuttal(self):
        m = argmap.ArgumentMap(title="T")
        t = m.claim("Thesis.", id="t")
        m.objection("Costly.\n1.1.1. Con: The objection is answered.", id="o", against=t)
        with pytest.warns(argmap.LossWarning, match="looks like a numbered claim"):
            text = argmap.dumps(m, format="kialo")
        back = argmap.loads(text, format="kialo")
        assert [s.kind for s in back.statements()] == ["claim", "objection"]
        assert back.unanswered_objections()  # still unanswered: nothing was injected

    def test_see_link_and_stance_texts(self):
        m = argmap.ArgumentMap()
        t = m.claim("Pro: the thesis.", id="t")
        m.objection("-> See 1.", id="o", against=t)
        with pytest.warns(argmap.LossWarning):
            back = argmap.loads(argmap.dumps(m, format="kialo"), format="kialo")
        assert len(back.relations()) == 1 and back.relations()[0].kind == "objects"


names = st.text(
    st.characters(
        blacklist_categories=("Cs",),
        blacklist_characters="\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029",
    ),
    max_size=8,
)


@SETTINGS
@given(st.lists(names, min_size=1, max_size=6, unique=True), st.data())
def test_apx_round_trip_keeps_every_name(names, data):
    edges = data.draw(
        st.lists(st.tuples(st.sampled_from(names), st.sampled_from(names)), max_size=8)
    )
    af = ArgumentationFramework.from_edges(names, edges)
    text = format_af(af, "apx")
    back = parse_af(text, "apx")
    assert list(back.names) == names
    assert back == af
    for line in text.splitlines():  # one fact per line: a name never breaks a line
        assert re.fullmatch(r"(arg|att)\(.*\)\.", line)


@pytest.mark.parametrize("name", ["~r0", "a.b", "x:y", "b c", "(p)", "Upper", "01", "-1"])
def test_apx_quotes_names_asp_would_misread(name):
    text = format_af(ArgumentationFramework.from_edges([name], []), "apx")
    assert text.startswith('arg("')


@SETTINGS
@given(hostile)
def test_markdown_cells_hold_text_only(text):
    md = Table([{"a": text}]).to_markdown()
    cell = md.split("\n")[-1][2:-2]  # Markdown breaks lines at LF (CR was made <br>)
    unescaped = re.sub(r"\\.", "", cell).replace("<br>", "")  # drop escapes and breaks
    assert not re.search(r"[\[\]()!`*_~|<>\\]", unescaped)
    assert "\n" not in cell


def test_markdown_links_and_images_do_not_render():
    markdown_it = pytest.importorskip("markdown_it")
    md = Table([{"a": "[x](https://evil.example) ![i](https://evil.example/p.png) <img src=x>"}])
    html = markdown_it.MarkdownIt("commonmark").enable("table").render(md.to_markdown())
    assert "<a " not in html and "<img" not in html
