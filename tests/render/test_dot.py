"""to_graphviz: DOT building checked as text, with no layout engine."""

from __future__ import annotations

import html
import re

import pytest
from render_fixtures import HOSTILE_TEXTS, build_hostile

from argmap import ArgumentMap, UnknownIdError
from argmap.errors import OptionError
from argmap.render import style as S
from argmap.render import to_graphviz
from argmap.render.dot import clean_text, esc_string, html_text, normalize_direction, wrap_lines

# --------------------------------------------------------------- a small DOT reader
_TOKEN = re.compile(
    r"""\s*(?:
      (?P<str>"(?:\\.|[^"\\])*")
    | (?P<html><)
    | (?P<arrow>->)
    | (?P<punct>[\[\]{};=,])
    | (?P<id>[A-Za-z0-9_.\x80-\U0010ffff]+)
    )""",
    re.VERBOSE | re.DOTALL,
)


def _tokens(src: str):
    """DOT tokens: (kind, text); HTML strings are read with nesting, as Graphviz does."""
    i, out = 0, []
    while i < len(src):
        if src[i].isspace():
            i += 1
            continue
        m = _TOKEN.match(src, i)
        assert m, f"cannot tokenise DOT at {src[i : i + 40]!r}"
        if m.group("html"):
            depth, j = 0, m.start("html")
            while True:
                depth += {"<": 1, ">": -1}.get(src[j], 0)
                j += 1
                if depth == 0:
                    break
            out.append(("html", src[m.start("html") : j]))
            i = j
            continue
        kind = m.lastgroup
        out.append((kind, m.group(kind)))
        i = m.end()
    return out


def _value(tok):
    kind, text = tok
    if kind == "str":
        return text[1:-1].replace('\\"', '"')  # the DOT lexer unescapes only \"
    if kind == "html":
        return text[1:-1]
    return text


def parse_dot(src: str):
    """Nodes {name: attrs} and edges [(tail, head, attrs)] of a DOT source, all levels."""
    toks = _tokens(src)
    nodes, edges = {}, []
    i = 0

    def attrs_at(k):
        out = {}
        if k < len(toks) and toks[k][1] == "[":
            k += 1
            while toks[k][1] != "]":
                key = _value(toks[k])
                assert toks[k + 1][1] == "=", f"attribute {key} has no value"
                out[key] = _value(toks[k + 2])
                k += 3
                if toks[k][1] in (",", ";"):
                    k += 1
            k += 1
        return out, k

    while i < len(toks):
        kind, text = toks[i]
        if kind == "id" and text in ("digraph", "subgraph"):
            i += 2 if toks[i + 1][0] in ("id", "str") else 1
            continue
        if kind == "id" and text in ("graph", "node", "edge"):  # unquoted: a keyword
            _, i = attrs_at(i + 1)
            continue
        if kind in ("id", "str", "html"):
            name = _value(toks[i])
            if i + 1 < len(toks) and toks[i + 1][0] == "arrow":
                head = _value(toks[i + 2])
                attrs, i = attrs_at(i + 3)
                edges.append((name, head, attrs))
                continue
            if i + 1 < len(toks) and toks[i + 1][1] == "=":  # graph attribute a=b
                i += 3
                continue
            attrs, i = attrs_at(i + 1)
            nodes.setdefault(name, {}).update(attrs)
            continue
        i += 1
    return nodes, edges


def label_text(label: str) -> str:
    """The visible text of an HTML-like label: tags dropped, entities and ``\\\\`` decoded."""
    text = html.unescape(re.sub(r"<BR/>", "\n", re.sub(r"<(?!BR/>)[^<>]*>", "", label)))
    assert re.fullmatch(r"(?:[^\\]|\\\\)*", text), "a lone backslash would be an escape"
    return text.replace("\\\\", "\\")


def tooltip_text(tip: str) -> str:
    """A tooltip as both engines show it: ``\\\\\\\\`` is one backslash, ``\\n`` a line end.

    Every ``&`` is written ``&amp;`` (the SVG writers pass entities through).
    """
    assert re.fullmatch(r"(?:[^\\]|\\{4}|\\n)*", tip), "a backslash escape other than ours"
    assert re.fullmatch(r"(?:[^&]|&amp;)*", tip), "a bare & would start an entity in the SVG"
    text = re.sub(r"\\{4}|\\n", lambda mo: "\n" if mo.group() == "\\n" else "\\", tip)
    return text.replace("&amp;", "&")


def flat(text: str) -> str:
    return " ".join(text.split())


# --------------------------------------------------------------- helpers
class TestHelpers:
    def test_clean_text(self):
        assert clean_text("a\r\nb\rc\x00d\x1fe\tf") == "a\nb\nc d e f"

    def test_html_text_escapes_everything(self):
        assert html_text("<&>\"'") == "&lt;&amp;&gt;&quot;&#39;"

    def test_esc_string_quadruples_backslashes_and_is_not_html(self):
        out = esc_string("\\N <b>\nx")
        assert out == "\\\\\\\\N <b>\\nx"
        from graphviz.quoting import quote

        assert quote(out) == '"' + out + '"'
        assert tooltip_text(out) == "\\N <b>\nx"

    def test_wrap_lines_keeps_breaks_and_width(self):
        lines = wrap_lines("word " * 30 + "\n\nend", 20)
        assert all(len(line) <= 20 for line in lines)
        assert lines[-2:] == ["", "end"]

    def test_wrap_none(self):
        assert wrap_lines("a b c", None) == ["a b c"]

    @pytest.mark.parametrize(
        ("name", "rankdir"),
        [
            ("BT", "BT"),
            ("tb", "TB"),
            ("LR", "LR"),
            ("rl", "RL"),
            ("up", "BT"),
            ("top-to-bottom", "TB"),
            ("left-to-right", "LR"),
            ("left", "RL"),
        ],
    )
    def test_directions(self, name, rankdir):
        assert normalize_direction(name) == rankdir

    def test_bad_direction_lists_valid(self):
        with pytest.raises(OptionError, match="must be one of.*'BT'"):
            normalize_direction("sideways")


# --------------------------------------------------------------- the diagram
class TestToGraphviz:
    def test_empty_map(self):
        g = to_graphviz(ArgumentMap())
        nodes, edges = parse_dot(g.source)
        assert nodes == {} and edges == []
        assert "rankdir=BT" in g.source

    def test_no_process_started(self, sample, monkeypatch):
        import subprocess

        def boom(*a, **k):
            raise AssertionError("to_graphviz started a process")

        monkeypatch.setattr(subprocess, "Popen", boom)
        monkeypatch.setattr(subprocess, "run", boom)
        to_graphviz(sample, highlight="unanswered", color_by="status", legend=True)

    def test_one_node_per_statement_with_kind_style(self, sample):
        nodes, _ = parse_dot(to_graphviz(sample).source)
        theses = {s.id for s in sample.theses()}
        assert theses == {"thesis", "not-host"}
        for s in sample.statements():
            attrs = nodes[s.id]
            st = S.THESIS_STYLE if s.id in theses else S.KIND_STYLES[s.kind]
            assert attrs["shape"] == st.shape
            assert attrs["style"] == st.style
            assert attrs["fillcolor"] == st.fill
            assert attrs["color"] == st.border
            assert attrs["id"] == f"s-{s.id}"
            assert f"argmap-{s.kind}" in attrs["class"]
            assert st.name in label_text(attrs["label"])

    def test_kinds_look_different(self):
        looks = {(st.shape, st.style, st.fill, st.peripheries) for st in S.KIND_STYLES.values()}
        assert len(looks) == len(S.KIND_STYLES)
        looks = {(e.color, e.style, e.arrowhead, e.dir) for e in S.EDGE_STYLES.values()}
        assert len(looks) == len(S.EDGE_STYLES)

    def test_thesis_stands_out_on_top_rank(self, sample):
        g = to_graphviz(sample)
        nodes, _ = parse_dot(g.source)
        t = nodes["thesis"]
        assert float(t["penwidth"]) > float(nodes["reason"]["penwidth"]) + 1
        assert int(t["fontsize"]) > S.FONTSIZE
        assert "argmap-thesis" in t["class"]
        assert "THESIS" in label_text(t["label"]) and "<B>" in t["label"]
        ranks = re.findall(r"\{rank=max; ([^}]*)\}", g.source)
        assert ranks and set(ranks[0].split()) == {"thesis", '"not-host"'}

    def test_edges_styled_per_relation(self, sample):
        _, edges = parse_dot(to_graphviz(sample).source)
        by_id = {e[2]["id"]: e for e in edges}
        tail, head, attrs = by_id["r-rift>objects>thesis"]
        assert (tail, head) == ("rift", "thesis")
        es = S.EDGE_STYLES["objects"]
        assert (attrs["color"], attrs["style"], attrs["arrowhead"]) == (
            es.color,
            es.style,
            es.arrowhead,
        )
        _, _, attrs = by_id["r-narrow>rebuts>rift"]
        assert attrs["style"] == S.EDGE_STYLES["rebuts"].style
        c = by_id["r-not-host>contradicts>reason"][2]
        assert c["dir"] == "both" and c["constraint"] == "false"

    def test_concession_has_its_own_look_and_does_not_rank(self, sample):
        _, edges = parse_dot(to_graphviz(sample).source)
        tail, head, attrs = next(e for e in edges if e[2]["id"] == "r-narrow>concedes>rift")
        es = S.EDGE_STYLES["concedes"]
        assert (tail, head) == ("narrow", "rift")
        assert (attrs["color"], attrs["style"], attrs["arrowhead"]) == (
            es.color,
            "dashed",
            "empty",
        )
        others = [e for k, e in S.EDGE_STYLES.items() if k != "concedes"]
        looks = {(e.color, e.style, e.arrowhead) for e in others}
        assert (es.color, es.style, es.arrowhead) not in looks
        assert attrs["constraint"] == "false" and "argmap-concedes" in attrs["class"]
        assert tooltip_text(attrs["tooltip"]) == "narrow concedes rift"

    def test_relation_note_in_its_tooltip(self):
        m = ArgumentMap()
        o = m.objection("O.", id="o", against=m.claim("C.", id="c"))
        m.relate("c", o, "concedes", note="that it costs <something> & more")
        _, edges = parse_dot(to_graphviz(m).source)
        tip = next(a["tooltip"] for _, _, a in edges if "concedes" in a["id"])
        assert tooltip_text(tip) == "c concedes o\n\nthat it costs <something> & more"

    def test_qualifier_in_label_and_tooltip(self, sample):
        nodes, _ = parse_dot(to_graphviz(sample).source)
        label = nodes["reason"]["label"]
        assert "<I>probably</I>" in label
        assert label_text(label) == "CLAIMprobablyJapan is a natural host."  # rows, in order
        assert "Qualifier: probably" in tooltip_text(nodes["reason"]["tooltip"])
        assert "<I>" not in nodes["thesis"]["label"]

    def test_undercut_goes_into_a_junction(self, sample):
        nodes, edges = parse_dot(to_graphviz(sample).source)
        junctions = [n for n, a in nodes.items() if a.get("shape") == "point"]
        assert len(junctions) == 1
        j = junctions[0]
        pairs = {(t, h): a for t, h, a in edges}
        assert pairs[("ev", j)]["arrowhead"] == "none"  # the undercut link, split
        assert pairs[(j, "reason")]["arrowhead"] == S.EDGE_STYLES["supports"].arrowhead
        assert pairs[("symbolic", j)]["style"] == S.EDGE_STYLES["undercuts"].style
        assert ("ev", "reason") not in pairs

    def test_undercut_of_an_undercut(self):
        m = ArgumentMap()
        c = m.claim("C.", id="c")
        o = m.objection("O.", id="o", against=c)
        r1 = m.rebuttal("R1.", id="r1", against=m.relations()[0])
        m.objection("O2.", id="o2", against=m.relations_from(r1)[0])
        assert o
        nodes, edges = parse_dot(to_graphviz(m).source)
        junctions = {n for n, a in nodes.items() if a.get("shape") == "point"}
        assert len(junctions) == 2
        heads = {t: h for t, h, _ in edges if t in ("r1", "o2")}
        # r1's undercut is itself split, and o2 aims at its junction
        assert heads["r1"] == heads["o2"] and heads["r1"] in junctions
        inner = {(t, h) for t, h, _ in edges if t in junctions}
        (other,) = junctions - {heads["r1"]}
        assert inner == {(heads["r1"], other), (other, "c")}

    def test_actor_in_node_and_quote_source_in_tooltip(self, sample):
        nodes, _ = parse_dot(to_graphviz(sample).source)
        rift = nodes["rift"]
        assert "George Beebe, Quincy Institute" in flat(label_text(rift["label"]))
        assert "exacerbate" not in rift["label"]
        tip = tooltip_text(rift["tooltip"])
        assert "\u201cexacerbate differences between the United States" in tip
        assert "Nikkei Asia" in tip and "2023-05-03" in tip and "George Beebe" in tip

    def test_show_quotes(self, sample):
        nodes, _ = parse_dot(to_graphviz(sample, show_quotes=True).source)
        assert "exacerbate differences" in flat(label_text(nodes["rift"]["label"]))

    def test_wrap_width(self, sample):
        nodes, _ = parse_dot(to_graphviz(sample, wrap=12).source)
        label = nodes["rift"]["label"]
        body = re.search(r'BALIGN="LEFT">(.*?)</TD>', label).group(1)
        lines = [html.unescape(x) for x in body.split("<BR/>")]
        assert len(lines) > 3 and all(len(x) <= 12 for x in lines)

    def test_ids_shown(self, sample):
        nodes, _ = parse_dot(to_graphviz(sample, show_ids=True).source)
        assert "rift" in label_text(nodes["rift"]["label"])

    def test_edge_labels(self, sample):
        _, edges = parse_dot(to_graphviz(sample, edge_labels=True).source)
        assert {a.get("xlabel") for _, _, a in edges} >= {"supports", "objects", "rebuts"}


class TestAnalysisOnTheDiagram:
    def test_unanswered_marked(self, sample):
        nodes, _ = parse_dot(to_graphviz(sample, highlight="unanswered").source)
        stay, rift = nodes["stay"], nodes["rift"]
        assert "UNANSWERED" in label_text(stay["label"])
        assert stay["color"] == S.UNANSWERED["color"]
        assert float(stay["penwidth"]) >= 4
        assert "argmap-unanswered" in stay["class"]
        assert "UNANSWERED" not in label_text(rift["label"])  # rebutted
        assert rift["color"] == S.KIND_STYLES["objection"].border

    def test_no_highlight_by_default(self, sample):
        assert "UNANSWERED" not in to_graphviz(sample).source

    def test_highlight_ids(self, sample):
        nodes, _ = parse_dot(to_graphviz(sample, highlight=["reason"]).source)
        assert nodes["reason"]["color"] == S.HIGHLIGHT["color"]
        with pytest.raises(UnknownIdError, match="nope"):
            to_graphviz(sample, highlight=["nope"])

    def test_bad_highlight(self, sample):
        with pytest.raises(OptionError, match="unanswered"):
            to_graphviz(sample, highlight="everything")

    def test_color_by_actor(self, sample):
        nodes, _ = parse_dot(to_graphviz(sample, color_by="actor").source)
        assert nodes["rift"]["fillcolor"] == S.palette_color(0)
        assert nodes["stay"]["fillcolor"] == S.palette_color(1)
        assert nodes["reason"]["fillcolor"] == S.UNKNOWN_FILL
        assert nodes["rift"]["color"] == S.KIND_STYLES["objection"].border  # kind still shows

    def test_color_by_status_computed(self, sample):
        nodes, _ = parse_dot(to_graphviz(sample, color_by="status").source)
        assert nodes["stay"]["fillcolor"] == S.STATUS_COLORS["in"]
        assert nodes["rift"]["fillcolor"] == S.STATUS_COLORS["out"]
        assert "OUT" in label_text(nodes["rift"]["label"])

    def test_color_by_status_any_mapping(self, sample):
        status = {"thesis": "accepted", "rift": "rejected", "not-a-statement": "x"}
        nodes, _ = parse_dot(to_graphviz(sample, color_by="status", status=status).source)
        assert nodes["thesis"]["fillcolor"] == S.palette_color(0)
        assert nodes["rift"]["fillcolor"] == S.palette_color(1)
        assert nodes["reason"]["fillcolor"] == S.UNKNOWN_FILL
        assert "accepted" in label_text(nodes["thesis"]["label"])
        assert "no label" in label_text(nodes["reason"]["label"])

    def test_status_must_be_mapping(self, sample):
        with pytest.raises(OptionError, match="mapping"):
            to_graphviz(sample, color_by="status", status=["in"])

    def test_bad_color_by(self, sample):
        with pytest.raises(OptionError, match=r"\['kind', 'actor', 'status'\]"):
            to_graphviz(sample, color_by="mood")

    def test_group_by_actor(self, sample):
        src = to_graphviz(sample, group_by="actor").source
        clusters = re.findall(r"subgraph (cluster_actor_\d+) \{(.*?)\n\t\}", src, re.DOTALL)
        members = {name: re.findall(r"^\t\t(\S+) \[", body, re.M) for name, body in clusters}
        assert members == {"cluster_actor_0": ["rift"], "cluster_actor_1": ["stay"]}
        assert "George Beebe, Quincy Institute" in src
        assert "rank=max" not in src  # rank constraints and clusters do not mix in dot

    def test_bad_group_by(self, sample):
        with pytest.raises(OptionError, match="group_by"):
            to_graphviz(sample, group_by="kind")


class TestLayout:
    @pytest.mark.parametrize("direction", ["TB", "LR", "RL", "down"])
    def test_direction(self, sample, direction):
        src = to_graphviz(sample, direction=direction).source
        assert f"rankdir={normalize_direction(direction)}" in src

    def test_focus_depth(self, sample):
        nodes, edges = parse_dot(to_graphviz(sample, focus="rift", depth=1).source)
        assert set(nodes) == {"rift", "thesis", "narrow"}
        assert {(t, h) for t, h, _ in edges} == {("rift", "thesis"), ("narrow", "rift")}
        assert "+2 links not shown" in label_text(nodes["thesis"]["label"])
        assert nodes["rift"]["color"] == S.HIGHLIGHT["color"]

    def test_focus_default_depth_two(self, sample):
        nodes, _ = parse_dot(to_graphviz(sample, focus="narrow").source)
        assert set(nodes) == {"narrow", "rift", "thesis"}

    def test_focus_depth_zero(self, sample):
        nodes, edges = parse_dot(to_graphviz(sample, focus="reason", depth=0).source)
        assert set(nodes) == {"reason"} and edges == []

    def test_focus_undercut_counts_as_link(self, sample):
        nodes, _ = parse_dot(to_graphviz(sample, focus="symbolic", depth=1).source)
        assert {"symbolic", "ev", "reason"} <= set(nodes)
        assert any(a.get("shape") == "point" for a in nodes.values())

    def test_focus_errors(self, sample):
        with pytest.raises(UnknownIdError, match="ryft|rift"):
            to_graphviz(sample, focus="ryft")
        with pytest.raises(OptionError, match="depth needs focus"):
            to_graphviz(sample, depth=1)
        with pytest.raises(OptionError, match="depth"):
            to_graphviz(sample, focus="rift", depth=-1)

    def test_stagger_spreads_busy_targets(self):
        m = ArgumentMap()
        t = m.claim("T.", id="t")
        for i in range(6):
            m.claim(f"R{i}.", id=f"r{i}", supports=t)
        _, edges = parse_dot(to_graphviz(m).source)
        assert sorted(a.get("minlen", "1") for _, _, a in edges) == ["1", "1", "2", "2", "3", "3"]
        _, edges = parse_dot(to_graphviz(m, stagger=None).source)
        assert all("minlen" not in a for _, _, a in edges)

    def test_legend(self, sample):
        nodes, _ = parse_dot(to_graphviz(sample, legend=True, highlight="unanswered").source)
        text = label_text(nodes["_legend"]["label"])
        for word in (
            "thesis",
            "claim",
            "objection",
            "rebuttal",
            "evidence",
            "supports",
            "objects",
            "rebuts",
            "undercuts",
            "contradicts",
            "unanswered",
        ):
            assert word in text
        assert "_legend" not in parse_dot(to_graphviz(sample).source)[0]

    def test_legend_lists_actors_when_coloured_by_actor(self, sample):
        nodes, _ = parse_dot(to_graphviz(sample, legend=True, color_by="actor").source)
        assert "George Beebe, Quincy Institute" in label_text(nodes["_legend"]["label"])

    def test_title(self, sample):
        src = to_graphviz(sample).source
        assert "Sample map" in src and "A. Writer" in src
        assert "Other" in to_graphviz(sample, title="Other").source
        assert "<B>Sample map</B>" in src
        assert "<B>Sample map</B>" not in to_graphviz(sample, title=False).source

    def test_bad_wrap(self, sample):
        with pytest.raises(OptionError, match="wrap"):
            to_graphviz(sample, wrap=-3)

    def test_bad_stagger(self, sample):
        for bad in ("x", -1, 2.5):
            with pytest.raises(OptionError, match="stagger"):
                to_graphviz(sample, stagger=bad)


class TestHostileText:
    """No text can end a label, add an attribute, a node or an edge."""

    def test_structure_is_intact(self):
        m = build_hostile()
        src = to_graphviz(m, show_quotes=True, legend=True, group_by="actor").source
        nodes, edges = parse_dot(src)
        stmt_nodes = {n for n, a in nodes.items() if a.get("class", "").startswith("argmap-st")}
        assert stmt_nodes == {s.id for s in m.statements()}
        assert len(edges) == len(m.relations())
        assert {(t, h) for t, h, _ in edges} == {(r.from_, r.to) for r in m.relations()}
        allowed = {
            "shape",
            "style",
            "fillcolor",
            "color",
            "penwidth",
            "peripheries",
            "label",
            "tooltip",
            "id",
            "class",
            "fontsize",
            "margin",
        }
        for name in stmt_nodes:
            assert set(nodes[name]) <= allowed, name
        for _, _, attrs in edges:
            assert "label" not in attrs and attrs["color"] in {
                e.color for e in S.EDGE_STYLES.values()
            }

    @pytest.mark.parametrize("name", sorted(HOSTILE_TEXTS))
    def test_qualifier_and_relation_note_survive(self, name):
        m = build_hostile()
        nodes, edges = parse_dot(to_graphviz(m, wrap=None).source)
        text = clean_text(HOSTILE_TEXTS[name])
        stmt = next((s for s in m.statements() if s.qualifier == HOSTILE_TEXTS[name]), None)
        if stmt is not None:
            assert flat(text) in flat(label_text(nodes[stmt.id]["label"]))
            assert f"Qualifier: {text}" in tooltip_text(nodes[stmt.id]["tooltip"])
        notes = [tooltip_text(a["tooltip"]) for _, _, a in edges if "concedes" in a["id"]]
        assert stmt is not None or any(tip.endswith("\n\n" + text) for tip in notes)

    @pytest.mark.parametrize("name", sorted(HOSTILE_TEXTS))
    def test_text_survives_in_label_and_tooltip(self, name):
        m = build_hostile()
        nodes, _ = parse_dot(to_graphviz(m, wrap=None, show_quotes=True).source)
        text = HOSTILE_TEXTS[name]
        node = next(a for n, a in nodes.items() if n.endswith(name) and "label" in a)
        expected = clean_text(text)
        assert flat(expected) in flat(label_text(node["label"]))
        tip = tooltip_text(node["tooltip"])
        assert expected in tip

    def test_title_and_actor_escaped(self):
        src = to_graphviz(build_hostile(), group_by="actor").source
        assert "&lt;b&gt;&amp;&lt;/b&gt;" in src
        assert "Actor &quot;&lt;i&gt;x&lt;/i&gt;&quot;" in src


class TestFastPath:
    """Large maps: plain labels, straight edges, bounded passes; a legibility warning."""

    def _map(self, n: int) -> ArgumentMap:
        m = ArgumentMap(title="Chain")
        prev = m.claim("Thesis.", id="t")
        for i in range(1, n):
            kind = m.objection if i % 2 else m.rebuttal
            prev = kind(f"Step {i}.", id=f"s{i}", against=prev)
        return m

    def test_small_map_takes_the_full_path(self):
        src = to_graphviz(self._map(4)).source
        assert "<TABLE" in src and "splines" not in src

    def test_forced_fast_path(self):
        m = self._map(5)
        m.objection("Unanswered.", id="u", against="t")
        src = to_graphviz(m, highlight="unanswered", fast=True).source
        nodes, edges = parse_dot(src)
        assert "<TABLE" not in src and "splines=line" in src and "nslimit" in src
        assert {n for n, a in nodes.items() if "argmap-statement" in a.get("class", "")} == {
            s.id for s in m.statements()
        }
        assert len(edges) == len(m.relations())
        u = nodes["u"]
        assert "argmap-unanswered" in u["class"] and "UNANSWERED" in u["label"]
        lines = tooltip_text(u["label"]).splitlines()
        assert lines[:2] == ["OBJECTION · UNANSWERED", "Unanswered."]

    def test_size_decides_when_not_forced(self, monkeypatch):
        from argmap.render import dot

        monkeypatch.setattr(dot, "LARGE_MAP", 6)
        assert "splines=line" in to_graphviz(self._map(6)).source
        assert "splines=line" not in to_graphviz(self._map(5)).source
        assert "splines=line" not in to_graphviz(self._map(6), fast=False).source
        # focus: what is drawn counts, not the whole map
        assert "splines=line" not in to_graphviz(self._map(9), focus="s4", depth=1).source

    def test_no_stagger_on_the_fast_path(self):
        m = ArgumentMap()
        t = m.claim("T.", id="t")
        for i in range(6):
            m.objection(f"O{i}.", id=f"o{i}", against=t)
        assert "minlen" in to_graphviz(m).source
        assert "minlen" not in to_graphviz(m, fast=True).source

    def test_hostile_text_stays_inside_plain_labels(self):
        m = build_hostile()
        nodes, edges = parse_dot(to_graphviz(m, wrap=None, show_quotes=True, fast=True).source)
        assert {n for n, a in nodes.items() if "argmap-statement" in a.get("class", "")} == {
            s.id for s in m.statements()
        }
        assert len(edges) == len(m.relations())
        for name, text in HOSTILE_TEXTS.items():
            node = next(a for n, a in nodes.items() if n.endswith(name) and "label" in a)
            assert flat(clean_text(text)) in flat(tooltip_text(node["label"]))

    def test_legibility_warning_names_focus(self, monkeypatch):
        from argmap.render import LegibilityWarning, dot

        monkeypatch.setattr(dot, "ILLEGIBLE_MAP", 5)
        with pytest.warns(LegibilityWarning, match="focus=ID and depth=K"):
            to_graphviz(self._map(6))
        import warnings

        with warnings.catch_warnings():
            warnings.simplefilter("error")
            to_graphviz(self._map(5))
            to_graphviz(self._map(9), focus="s4", depth=1)
