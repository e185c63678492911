"""Hostile text renders correctly in every output and can inject nothing.

Two maps: ``hostile_map`` (every text field: statements, quotes, notes, tags,
actors, title, source; every relation kind) and ``render_fixtures.build_hostile``
(awkward ids such as ``graph``, ``a:1`` and ``node.x``, control characters).
Each output is parsed back by a real parser (Graphviz, an XML parser, Python's
HTML parser, JSON, YAML) and checked for the exact texts and for nothing extra.
"""

from __future__ import annotations

import html
import json
import re
import xml.etree.ElementTree as ET
from html.parser import HTMLParser

import pytest
import yaml
from hostile_map import HOSTILE, hostile_map
from render_fixtures import HAS_DOT, HAS_PURE, build_hostile, needs_dot, needs_engine

import argmap
from argmap.render import to_graphviz, to_mermaid
from argmap.render.dot import clean_text
from argmap.render.engines import run_engine
from argmap.render.html import page_data, to_html

SVG = "{http://www.w3.org/2000/svg}"
XLINK_TITLE = "{http://www.w3.org/1999/xlink}title"
ENGINES = [e for e, ok in (("dot", HAS_DOT), ("graphviz-pure", HAS_PURE)) if ok]

# every option that puts more text on the drawing
LOUD = {"highlight": "unanswered", "legend": True, "show_quotes": True, "edge_labels": True}


@pytest.fixture(params=["texts", "ids"])
def m(request) -> argmap.ArgumentMap:
    return hostile_map() if request.param == "texts" else build_hostile()


def squash(text: str) -> str:
    """Text as a drawing shows it, whitespace aside (labels wrap lines anywhere)."""
    return "".join(clean_text(text).split())


def spaced(text: str) -> str:
    """Text with runs of white space made one space (Graphviz writes runs as no-break spaces)."""
    return " ".join(clean_text(text).replace("\xa0", " ").split())


def html_label_text(label: str) -> str:
    r"""The text of a Graphviz HTML-like label: tags dropped, entities and ``\x`` decoded."""
    return re.sub(r"\\(.)", r"\1", html.unescape(re.sub(r"<[^>]*>", "", label)))


# ----------------------------------------------------------------------------- DOT
class TestDot:
    @needs_dot
    def test_dot_reads_back_exactly_the_nodes_and_texts(self, m):
        g = to_graphviz(m, **LOUD)
        out = json.loads(_dot_json(g.source))  # dot parses the source back
        objects = {o["name"]: o for o in out.get("objects", []) if "nodes" not in o}
        ids = {s.id for s in m.statements()}
        extra = set(objects) - ids
        assert all(n.startswith("_j") or n == "_legend" for n in extra), extra
        assert ids <= set(objects)
        # no injected node, no injected attribute value
        for name, attrs in objects.items():
            assert attrs.get("label") != "pwned"
            assert attrs.get("color") not in ("red",), name
            assert attrs.get("shape") != "star"
        for s in m.statements():
            attrs = objects[s.id]
            assert attrs["id"] == f"s-{s.id}"
            assert squash(s.text) in squash(html_label_text(attrs["label"]))
            if s.quote:
                assert squash(s.quote) in squash(html_label_text(attrs["label"]))
            # tooltips are checked as the engines show them, in the SVG tests
        drawn = len(m.relations()) + len({r.to for r in m.relations("undercuts")})
        assert len(out.get("edges", [])) == drawn

    @pytest.mark.parametrize("engine", ENGINES)
    def test_svg_from_each_engine(self, m, engine):
        svg = run_engine(to_graphviz(m, **LOUD).source, "svg", engine=engine)
        _check_svg(m, svg.decode("utf-8"))


def _dot_json(source: str) -> bytes:
    import subprocess

    proc = subprocess.run(["dot", "-Tjson"], input=source.encode(), capture_output=True)
    assert proc.returncode == 0, proc.stderr.decode()
    return proc.stdout


def _check_svg(m: argmap.ArgumentMap, svg: str) -> None:
    root = ET.fromstring(svg)  # well-formed XML, or this raises
    groups = {g.get("id"): g for g in root.iter(f"{SVG}g") if "node" in g.get("class", "")}
    statement_groups = {k for k in groups if k and k.startswith("s-")}
    assert statement_groups == {f"s-{s.id}" for s in m.statements()}
    for s in m.statements():
        g = groups[f"s-{s.id}"]
        shown = "".join(t.text or "" for t in g.iter(f"{SVG}text"))
        assert squash(s.text) in squash(shown), s.id
        tips = [spaced(a.get(XLINK_TITLE)) for a in g.iter(f"{SVG}a") if a.get(XLINK_TITLE)]
        assert any(spaced(s.text) in t for t in tips), (s.id, tips)
        if s.quote:
            assert any(spaced(s.quote) in t for t in tips), (s.id, tips)
        if s.by:
            assert any(spaced(m.get_actor(s.by).label) in t for t in tips), (s.id, tips)
    for el in root.iter():
        tag = el.tag.split("}")[-1]
        assert tag != "script"
        assert not any(k.lower().startswith("on") for k in el.attrib), el.attrib
        assert el.get("stroke") != "red" and el.get("fill") != "red"


class TestSvg:
    @needs_engine
    def test_render_svg(self, m):
        _check_svg(m, argmap.render.render_svg(m, **LOUD))


# ----------------------------------------------------------------------------- Mermaid
_NODE = re.compile(r'^  (s\d+)(\(\[|\[/|\[\[|\[\(|\(|\[)"([^"]*)"(\]\)|\\\]|\]\]|\)\]|\)|\])$')
_LINK = re.compile(r"^  [sj]\d+ (-->|==>|-\.->|---|<-->|<==>|-\.-o) [sj]\d+$")
_OTHER = re.compile(
    r"^(---|flowchart (BT|TB|LR|RL)|  classDef \w+ [^\n]*|  class [sj]\d+ [\w ]+"
    r'|  linkStyle [\d,]+ [^\n]*|  j\d+\(\("? "?\)\))$'
)
_OWN_TAGS = re.compile(r"</?(b|i)>|<br/>")


class TestMermaid:
    def test_structure_and_texts(self, m):
        text = to_mermaid(m, highlight="unanswered", show_quotes=True)
        assert "%%" not in text  # Mermaid reads %%{init: ...}%% directives anywhere
        labels = {}
        for line in text.splitlines():
            if line.startswith("title: "):
                assert yaml.safe_load(line)["title"] == " ".join(clean_text(m.title).split())
                continue
            node = _NODE.match(line)
            if node:
                labels[node.group(1)] = node.group(3)
                continue
            assert _LINK.match(line) or _OTHER.match(line), line
        assert len(labels) == len(m)
        shown = [html.unescape(re.sub(r"#(\d+);", r"&#\1;", v)) for v in labels.values()]
        for label in labels.values():
            assert not re.search(r"<(?!/?(b|i)>|br/>)", label), label  # only our own tags
        for s, label in zip(m.statements(), labels.values(), strict=True):
            decoded = html.unescape(re.sub(r"#(\d+);", r"&#\1;", _OWN_TAGS.sub(" ", label)))
            assert squash(s.text) in squash(decoded), s.id
        assert shown


# ----------------------------------------------------------------------------- HTML
class _Page(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.scripts: list[tuple[dict, str]] = []
        self.tags: list[str] = []
        self.handlers: list[tuple[str, str]] = []
        self.title = ""
        self._script: dict | None = None
        self._in_title = False

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)
        self.handlers += [(tag, k) for k, _ in attrs if k.lower().startswith("on")]
        if tag == "script":
            self._script = dict(attrs)
            self.scripts.append((self._script, ""))
        self._in_title = tag == "title" and len(self.tags) < 8  # the page's <title>

    def handle_endtag(self, tag):
        if tag == "script":
            self._script = None
        self._in_title = False

    def handle_data(self, data):
        if self._script is not None:
            attrs, text = self.scripts[-1]
            self.scripts[-1] = (attrs, text + data)
        elif self._in_title:
            self.title += data


@needs_engine
class TestHtml:
    def test_one_code_script_and_exact_data(self, m):
        page = _Page()
        page.feed(to_html(m, **LOUD))
        code = [t for a, t in page.scripts if "type" not in a]
        data = [t for a, t in page.scripts if a.get("type") == "application/json"]
        assert len(code) == 1 and len(data) == 1 and len(page.scripts) == 2
        assert page.handlers == []
        assert "img" not in page.tags and "iframe" not in page.tags
        assert page.title == m.title
        parsed = json.loads(data[0])
        assert parsed == json.loads(json.dumps(page_data(m)))
        by_id = {s["id"]: s for s in parsed["statements"]}
        for s in m.statements():
            assert by_id[s.id]["text"] == s.text  # exact, not cleaned
            assert by_id[s.id].get("quote") == s.quote
            assert by_id[s.id].get("qualifier") == s.qualifier
            if s.by:
                assert by_id[s.id]["actor"]["name"] == m.get_actor(s.by).name
        assert parsed["title"] == m.title

    def test_all_hostile_texts_survive(self):
        m = hostile_map()
        texts = {s["text"] for s in page_data(m)["statements"]}
        for value in HOSTILE.values():
            assert any(value in t for t in texts)


# ----------------------------------------------------------------------------- native
class TestNativeRoundTrip:
    @pytest.mark.parametrize("fmt", ["yaml", "json"])
    def test_round_trip(self, m, fmt):
        assert argmap.loads(argmap.dumps(m, format=fmt), format=fmt) == m
