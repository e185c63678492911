"""to_mermaid: flowchart text with the visual language, and text that cannot break out."""

from __future__ import annotations

import json
import re

import pytest
from render_fixtures import HOSTILE_TEXTS, build_hostile

from argmap import ArgumentMap, UnknownIdError
from argmap.errors import OptionError
from argmap.render import render_bytes, to_mermaid
from argmap.render import style as S
from argmap.render.dot import clean_text
from argmap.render.mermaid import mermaid_text

OPEN = {"(": ")", "([": "])", "[(": ")]", "[/": "\\]", "[[": "]]", "((": "))"}
NODE = re.compile(
    r'^\s*(?P<id>[sj]\d+)(?P<open>\(\[|\[\(|\[/|\[\[|\(\(|\()"(?P<text>[^"]*)"(?P<close>\S+)$'
)
EDGE = re.compile(
    r"^\s*(?P<a>[sj]\d+) (?P<arrow>-->|==>|-\.->|---|<-->|-\.-o)"
    r"(?P<label>\|\"[^\"]*\"\|)? (?P<b>[sj]\d+)$"
)
TAGS = re.compile(r"</?b>|</?i>|<br/>")


def decode(text: str) -> str:
    """A label as Mermaid shows it: our tags dropped, #NN; entities decoded."""
    text = TAGS.sub(lambda mo: "\n" if mo.group() == "<br/>" else "", text)
    return re.sub(r"#(\d+);", lambda mo: chr(int(mo.group(1))), text)


def parse(src: str):
    """(front matter lines, header, nodes {id: (open, text)}, edges, other lines)."""
    lines = src.splitlines()
    front = []
    if lines[0] == "---":
        end = lines.index("---", 1)
        front, lines = lines[1:end], lines[end + 1 :]
    header, rest = lines[0], lines[1:]
    nodes, edges, other = {}, [], []
    for line in rest:
        if m := NODE.match(line):
            assert OPEN[m["open"]] == m["close"], line
            nodes[m["id"]] = (m["open"], m["text"])
        elif m := EDGE.match(line):
            edges.append((m["a"], m["arrow"], m["b"]))
        else:
            other.append(line.strip())
    return front, header, nodes, edges, other


class TestMermaidText:
    def test_escapes(self):
        assert mermaid_text('a "b" <c> & #d `e` 50% \\') == (
            "a #34;b#34; #60;c#62; #38; #35;d #96;e#96; 50#37; #92;"
        )

    def test_wrap_and_breaks(self):
        assert mermaid_text("one two three\nfour", 8) == "one two<br/>three<br/>four"


class TestToMermaid:
    def test_empty(self):
        front, header, nodes, edges, _ = parse(to_mermaid(ArgumentMap()))
        assert front == [] and header == "flowchart BT" and nodes == {} and edges == []

    def test_structure(self, sample):
        front, header, nodes, edges, other = parse(to_mermaid(sample))
        assert front == ['title: "Sample map"'] and header == "flowchart BT"
        statements = sample.statements()
        assert {f"s{i}" for i in range(len(statements))} <= set(nodes)
        for kind in S.KIND_STYLES:
            assert any(line.startswith(f"classDef {kind} fill:") for line in other)
        assert any(line.startswith("classDef thesis") for line in other)
        classes = dict(line.split()[1:3] for line in other if line.startswith("class "))
        ids = {s.id: f"s{i}" for i, s in enumerate(statements)}
        assert classes[ids["rift"]] == "objection" and classes[ids["thesis"]] == "thesis"
        assert classes[ids["narrow"]] == "rebuttal" and classes[ids["ev"]] == "evidence"
        assert nodes[ids["rift"]][0] == S.KIND_STYLES["objection"].mermaid_shape[0]
        assert "George Beebe, Quincy Institute" in decode(nodes[ids["rift"]][1])

    def test_relations(self, sample):
        _, _, nodes, edges, other = parse(to_mermaid(sample))
        s = {st.id: f"s{i}" for i, st in enumerate(sample.statements())}
        assert (s["rift"], "==>", s["thesis"]) in edges
        assert (s["reason"], "-->", s["thesis"]) in edges
        assert (s["narrow"], "-.->", s["rift"]) in edges
        assert (s["not-host"], "<-->", s["reason"]) in edges
        # the undercut link ev -> reason is split by a junction the rebuttal aims at
        (j,) = [n for n in nodes if n.startswith("j")]
        assert {(s["ev"], "---", j), (j, "-->", s["reason"]), (s["symbolic"], "-.->", j)} <= set(
            edges
        )
        styles = [line for line in other if line.startswith("linkStyle")]
        assert len(styles) == len(S.EDGE_STYLES)
        indexed = sorted(int(i) for line in styles for i in line.split()[1].split(","))
        assert indexed == list(range(len(edges)))

    def test_unanswered(self, sample):
        src = to_mermaid(sample, highlight="unanswered")
        _, _, nodes, _, other = parse(src)
        s = {st.id: f"s{i}" for i, st in enumerate(sample.statements())}
        assert f"class {s['stay']} unanswered" in other
        assert f"class {s['rift']} unanswered" not in other
        assert "UNANSWERED" in decode(nodes[s["stay"]][1])

    def test_color_by_status_and_actor(self, sample):
        _, _, _, _, other = parse(to_mermaid(sample, color_by="status"))
        s = {st.id: f"s{i}" for i, st in enumerate(sample.statements())}
        assert f"style {s['rift']} fill:{S.STATUS_COLORS['out']}" in other
        _, _, _, _, other = parse(to_mermaid(sample, color_by="actor"))
        assert f"style {s['rift']} fill:{S.palette_color(0)}" in other

    def test_group_by_actor(self, sample):
        src = to_mermaid(sample, group_by="actor")
        assert 'subgraph actor0 ["George Beebe, Quincy Institute"]' in src
        assert src.count("\n  end\n") == 2

    def test_focus_and_direction(self, sample):
        _, header, nodes, edges, _ = parse(
            to_mermaid(sample, focus="rift", depth=1, direction="LR")
        )
        assert header == "flowchart LR"
        assert len(nodes) == 3 and len(edges) == 3  # narrow rebuts and concedes rift

    def test_concession_and_qualifier(self, sample):
        _, _, nodes, edges, other = parse(to_mermaid(sample))
        s = {st.id: f"s{i}" for i, st in enumerate(sample.statements())}
        assert (s["narrow"], "-.-o", s["rift"]) in edges
        assert nodes[s["reason"]][1].startswith("<b>CLAIM</b><br/><i>probably</i><br/>Japan")
        es = S.EDGE_STYLES["concedes"]
        assert any(
            line.startswith("linkStyle") and f"stroke:{es.color}" in line and "dasharray" in line
            for line in other
        )

    def test_legend_and_title(self, sample):
        src = to_mermaid(sample, legend=True, title="Other")
        assert 'subgraph legend ["Legend"]' in src and 'title: "Other"' in src
        assert not to_mermaid(sample, title=False).startswith("---")

    def test_bad_options(self, sample):
        with pytest.raises(OptionError):
            to_mermaid(sample, direction="diagonal")
        with pytest.raises(OptionError):
            to_mermaid(sample, color_by="mood")
        with pytest.raises(OptionError):
            to_mermaid(sample, depth=2)
        with pytest.raises(UnknownIdError):
            to_mermaid(sample, focus="nope")

    def test_options_checked_as_for_graphviz(self, sample):
        # one check for both renderers: a negative wrap used to loop for ever here
        with pytest.raises(OptionError, match="wrap"):
            to_mermaid(sample, wrap=-1)
        with pytest.raises(OptionError, match="mapping"):
            to_mermaid(sample, color_by="status", status=["in"])
        with pytest.raises(OptionError, match="depth"):
            to_mermaid(sample, focus="rift", depth=-1)
        with pytest.raises(OptionError, match="stagger"):
            to_mermaid(sample, stagger="x")
        with pytest.raises(OptionError, match=r"\['unanswered', 'load-bearing'\]"):
            to_mermaid(sample, highlight="open")

    def test_takes_every_graphviz_option(self, sample):
        # render() hands the same options to every writer; Mermaid ignores stagger
        assert to_mermaid(sample, stagger=2) == to_mermaid(sample)
        assert render_bytes(sample, "mermaid", stagger=1).decode() == to_mermaid(sample)


class TestHostile:
    def test_nothing_breaks_out(self):
        m = build_hostile()
        src = to_mermaid(m, show_quotes=True, group_by="actor", edge_labels=True, legend=True)
        front, header, nodes, edges, other = parse(src)
        assert header == "flowchart BT"
        assert len(edges) == len(m.relations())
        for line in other:  # only our own statements besides nodes and edges
            assert re.match(r"(classDef|class|style|linkStyle|subgraph|end$|legend_)", line), line
        for _, text in nodes.values():
            assert not re.search(r"[<>]", TAGS.sub("", text)), text
            assert "%%" not in text and "`" not in text and "\\" not in text
        title = json.loads(front[0].removeprefix("title: "))
        assert title == " ".join(clean_text(m.title).split())
        assert "%" not in front[0].replace("\\u0025", "")

    @pytest.mark.parametrize("name", sorted(HOSTILE_TEXTS))
    def test_text_survives(self, name):
        m = build_hostile()
        _, _, nodes, _, _ = parse(to_mermaid(m, wrap=None))
        shown = " ".join(decode(t) for _, t in nodes.values())
        for line in clean_text(HOSTILE_TEXTS[name]).split("\n"):
            assert line in shown
