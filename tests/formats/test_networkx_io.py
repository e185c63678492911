"""Tests for argmap.formats.networkx_io: from_networkx, GraphML and node-link JSON."""

from __future__ import annotations

import io
import json
import xml.etree.ElementTree as ET

import networkx as nx
import pytest
from hypothesis import HealthCheck, given, settings

import argmap
from argmap.formats import detect_format
from argmap.formats.networkx_io import (
    dumps_graphml,
    dumps_node_link,
    from_networkx,
    graphml_graph,
    node_link_data,
    read_graphml,
    read_node_link,
)
from strategies import maps


@pytest.fixture
def m():
    m = argmap.ArgumentMap(title="Lunch", source={"title": "Notes", "date": "2024-05"})
    m.actor("ann", "Ann Lee", affiliation="Canteen", kind="person")
    c = m.claim("We eat out.", id="c", by="ann", tags=["food", "plan"], weight=0.25)
    o = m.objection("It costs too much.", id="o", against=c, meta={"aif": {"nodeID": "7"}})
    r = m.relations()[0]
    m.rebuttal("Money is not the point.", id="u", against=r, note="undercut")
    m.evidence("Prices rose 10%.", id="e", supports=o, source={"url": "https://x.org"})
    return m


class TestFromNetworkx:
    def test_empty(self):
        assert len(from_networkx(nx.MultiDiGraph())) == 0

    def test_inverse_of_to_networkx(self, m):
        G = m.to_networkx()
        assert G.graph["actors"][0]["name"] == "Ann Lee"
        assert from_networkx(G) == m

    def test_plain_digraph(self):
        G = nx.DiGraph(title="T")
        G.add_node("c", kind="claim", text="C.")
        G.add_node(2, kind="objection", text="O.")
        G.add_edge(2, "c", kind="objects", id="r1")
        back = from_networkx(G)
        assert [s.id for s in back.statements()] == ["c", "2"]
        assert back.relation("r1").from_ == "2" and back.title == "T"

    def test_missing_kind_names_node(self):
        G = nx.DiGraph()
        G.add_node("a", text="A.")
        with pytest.raises(argmap.FormatError) as err:
            from_networkx(G)
        assert err.value.statement == "a" and "missing attribute 'kind'" in str(err.value)

    def test_missing_text(self):
        G = nx.DiGraph()
        G.add_node("a", kind="claim")
        with pytest.raises(argmap.FormatError, match="statement 'a': missing attribute 'text'"):
            from_networkx(G)

    def test_invalid_kind(self):
        G = nx.DiGraph()
        G.add_node("a", kind="thing", text="A.")
        with pytest.raises(argmap.FormatError, match="statement 'a': invalid attribute"):
            from_networkx(G)

    def test_invalid_weight(self):
        G = nx.DiGraph()
        G.add_node("a", kind="claim", text="A.", weight=3)
        with pytest.raises(argmap.FormatError, match="statement 'a': invalid attribute weight"):
            from_networkx(G)

    def test_unknown_attribute(self):
        G = nx.DiGraph()
        G.add_node("a", kind="claim", text="A.", pagerank=0.5)
        with pytest.raises(argmap.FormatError, match="unknown attribute.*'pagerank'"):
            from_networkx(G)
        assert from_networkx(G, extra="meta")["a"].meta == {"pagerank": 0.5}
        assert from_networkx(G, extra="ignore")["a"].meta == {}
        with pytest.raises(ValueError, match="extra must be"):
            from_networkx(G, extra="keep")

    def test_edge_errors(self):
        G = nx.DiGraph()
        G.add_node("a", kind="claim", text="A.")
        G.add_node("b", kind="claim", text="B.")
        G.add_edge("a", "b")
        with pytest.raises(argmap.FormatError, match="edge a -> b: missing attribute 'kind'"):
            from_networkx(G)
        G.edges["a", "b"]["kind"] = "undercuts"
        with pytest.raises(argmap.FormatError, match="needs an 'undercuts' attribute"):
            from_networkx(G)

    def test_rule_breaks_are_reported(self):
        G = nx.DiGraph()
        G.add_node("a", kind="claim", text="A.")
        G.add_node("b", kind="claim", text="B.")
        G.add_edge("a", "b", kind="rebuts")
        with pytest.raises(argmap.MapValidationError, match="rebuts must start from a rebuttal"):
            from_networkx(G)

    def test_undirected_refused(self):
        with pytest.raises(argmap.FormatError, match="must be directed"):
            from_networkx(nx.Graph())

    def test_actors(self):
        G = nx.DiGraph()
        G.add_node("a", kind="claim", text="A.", by="zed")
        assert [a.name for a in from_networkx(G).actors()] == ["zed"]
        G.graph["actors"] = [{"id": "ann", "name": "Ann"}]
        with pytest.raises(argmap.FormatError, match="not in the graph's actors"):
            from_networkx(G)

    def test_bad_node_id(self):
        G = nx.DiGraph()
        G.add_node(("a", 1), kind="claim", text="A.")
        with pytest.raises(argmap.FormatError, match="ids must be strings"):
            from_networkx(G)


class TestGraphML:
    def test_scalar_attributes_only(self, m):
        G = graphml_graph(m)
        values = [*G.graph.values()]
        values += [v for _, a in G.nodes(data=True) for v in a.values()]
        values += [v for _, _, a in G.edges(data=True) for v in a.values()]
        assert all(isinstance(v, (str, float)) for v in values)
        assert G.nodes["c"]["tags"] == "food, plan"
        assert G.nodes["c"]["label"] == "We eat out."
        assert G.nodes["e"]["source_url"] == "https://x.org"

    def test_valid_graphml_for_other_tools(self, m):
        text = dumps_graphml(m)
        root = ET.fromstring(text.encode())
        assert root.tag == "{http://graphml.graphdrawing.org/xmlns}graphml"
        G = nx.read_graphml(io.BytesIO(text.encode()))
        assert G.nodes["c"]["weight"] == 0.25 and G.nodes["o"]["kind"] == "objection"

    def test_round_trip(self, m):
        back, losses = read_graphml(dumps_graphml(m))
        assert back == m and losses == []

    def test_control_character_refused(self):
        m = argmap.ArgumentMap()
        m.claim("bell\x07", id="a")
        with pytest.raises(argmap.FormatError, match="text of statement 'a'.*U\\+0007"):
            dumps_graphml(m)

    def test_tag_with_separator_announced(self):
        m = argmap.ArgumentMap()
        m.claim("A.", id="a", tags=["x, y"])
        with pytest.warns(argmap.LossWarning, match="tags of 1 statements"):
            dumps_graphml(m)

    def test_carriage_return_kept(self):
        m = argmap.ArgumentMap()
        m.claim("a\r\nb\r", id="a")
        assert read_graphml(dumps_graphml(m)).map["a"].text == "a\r\nb\r"

    def test_syntax_error(self):
        with pytest.raises(argmap.FormatError) as err:
            read_graphml("<graphml>\n<graph>\n</graphml>", "g.graphml")
        assert err.value.path == "g.graphml" and err.value.line == 3

    def test_missing_attribute_named(self):
        text = dumps_graphml(argmap.ArgumentMap())
        G = nx.MultiDiGraph()
        G.add_node("x", text="X.")
        text = "\n".join(nx.generate_graphml(G))
        with pytest.raises(argmap.FormatError, match="statement 'x': missing attribute 'kind'"):
            read_graphml(text, "g.graphml")

    def test_repeated_ids_refused_not_merged(self, m):
        text = dumps_graphml(m)
        node = text[text.index("<node ") : text.index("</node>") + len("</node>")]
        with pytest.raises(argmap.FormatError, match="node id 'c' is used 2 times"):
            read_graphml(text.replace(node, node + node), "g.graphml")
        edge = text[text.index("<edge ") : text.index("</edge>") + len("</edge>")]
        with pytest.raises(argmap.FormatError, match="share an id"):
            read_graphml(text.replace(edge, edge + edge), "g.graphml")

    def test_by_extension(self, m, tmp_path):
        argmap.dump(m, tmp_path / "m.graphml")
        assert argmap.load(tmp_path / "m.graphml") == m


class TestNodeLink:
    def test_data(self, m):
        data = node_link_data(m)
        assert data["directed"] and data["multigraph"]
        assert {e["kind"] for e in data["edges"]} == {"objects", "undercuts", "supports"}
        json.dumps(data)  # JSON-ready

    def test_networkx_reads_it(self, m):
        data = json.loads(dumps_node_link(m))
        G = nx.node_link_graph(data, edges="edges")
        assert from_networkx(G) == m

    def test_links_key_and_errors(self, m):
        data = json.loads(dumps_node_link(m))
        data["links"] = data.pop("edges")
        assert read_node_link(json.dumps(data)).map == m
        data["links"][0]["target"] = "nowhere"
        with pytest.raises(argmap.FormatError, match="target 'nowhere' names no node"):
            read_node_link(json.dumps(data), "x.nodelink.json")
        with pytest.raises(argmap.FormatError, match="line 1, column"):
            read_node_link("{", "x.nodelink.json")

    def test_repeated_ids_refused_not_merged(self, m):
        data = node_link_data(m)
        data["nodes"].append({**data["nodes"][0], "text": "Another text."})
        with pytest.raises(argmap.FormatError, match="node 5: id 'c' is used twice"):
            read_node_link(json.dumps(data), "x.nodelink.json")
        data = node_link_data(m)
        data["edges"].append({**data["edges"][0], "kind": "contradicts"})
        with pytest.raises(argmap.FormatError, match="edge 4: key .* is used twice"):
            read_node_link(json.dumps(data), "x.nodelink.json")

    def test_detection(self, m, tmp_path):
        argmap.dump(m, tmp_path / "m.nodelink.json")
        text = (tmp_path / "m.nodelink.json").read_text()
        assert detect_format("m.json", text).name == "node-link"
        assert argmap.load(tmp_path / "m.nodelink.json") == m


_SETTINGS = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@_SETTINGS
@given(m=maps())
def test_networkx_round_trip(m):
    assert from_networkx(m.to_networkx()) == m


@_SETTINGS
@given(m=maps())
def test_node_link_round_trip(m):
    assert read_node_link(dumps_node_link(m)).map == m


_XML_SAFE = {"\t", "\n", "\r"}


def _xml_safe(m):
    """GraphML (XML 1.0) cannot carry most control characters; argmap refuses those maps."""
    texts = [m.title or ""]  # actors and meta travel as JSON, which escapes them
    for s in m.statements():
        texts += [s.text, s.quote or "", s.note or "", s.qualifier or "", *s.tags]
        if s.source is not None:
            texts += [v for v in s.source.model_dump().values() if isinstance(v, str)]
    if m.source is not None:
        texts += [v for v in m.source.model_dump().values() if isinstance(v, str)]
    return all(
        not (ord(ch) < 32 and ch not in _XML_SAFE) and ch not in "\ufffe\uffff"
        for t in texts
        for ch in t
    )


@_SETTINGS
@given(m=maps())
def test_graphml_round_trip(m):
    """GraphML holds everything but control characters (refused) and tags with ', '."""
    if not _xml_safe(m):
        with pytest.raises(argmap.FormatError, match="XML 1.0 forbids"):
            dumps_graphml(m)
        return
    assert read_graphml(dumps_graphml(m)).map == m


def test_damaged_node_link_gives_argmap_errors_only(m):
    """Damaged node-link files give a FormatError (or load), never a bare TypeError."""
    import random

    from damage import mutations

    for data in mutations(node_link_data(m), random.Random(4), 300):
        try:
            read_node_link(json.dumps(data))[0].validate()
        except argmap.ArgmapError:
            pass


def test_graphml_reader_warnings_are_returned():
    text = dumps_graphml(argmap.ArgumentMap()).replace(
        "<graph ", '<key id="z9" for="graph" attr.name="odd" /><graph ', 1
    )
    text = text.replace("</graph>", '<data key="z9">1</data></graph>')
    back, losses = read_graphml(text)
    assert len(back) == 0 and losses == ["GraphML: No key type for id z9. Using string"]
    G = graphml_graph(argmap.ArgumentMap())
    G.graph["odd"] = "1"
    back, losses = read_graphml("\n".join(nx.generate_graphml(G)))
    assert losses == ["graph attribute(s) 'odd' not kept"]


def test_node_link_unknown_graph_attribute_reported(m):
    data = node_link_data(m)
    data["graph"]["name"] = "x"
    back, losses = read_node_link(json.dumps(data))
    assert back == m and losses == ["graph attribute(s) 'name' not kept"]
