"""Tests for argmap.formats.sadface: SADFace JSON (v0.2 and v0.5) import and export."""

from __future__ import annotations

import json
import re
from collections import Counter

import pytest
from hypothesis import HealthCheck, given, settings

import argmap
from argmap.formats import detect_format
from argmap.formats.sadface import (
    dumps_sadface,
    map_from_sadface,
    read_sadface,
    sadface_from_map,
    sniff_sadface,
)
from strategies import maps


def atom(nid, text, **extra):
    return {"id": nid, "type": "atom", "text": text, "sources": [], "metadata": {}, **extra}


def edge(a, b):
    return {"id": f"{a}-{b}", "source_id": a, "target_id": b}


V05 = {
    "metadata": {"core": {"version": "0.5", "title": "Lunch"}},
    "resources": [],
    "nodes": [
        atom("c", "We eat out."),
        atom("p", "The kitchen is a mess."),
        atom("o", "It costs too much."),
        atom("r", "The canteen is cheap."),
        atom("u", "A mess is no reason."),
        {"id": "i1", "type": "inference", "name": "Argument from Need", "metadata": {}},
        {"id": "x1", "type": "conflict", "name": "conflict", "metadata": {}},
        {"id": "x2", "type": "conflict", "metadata": {}},
        {"id": "x3", "type": "conflict", "metadata": {}},
    ],
    "edges": [
        edge("p", "i1"),
        edge("i1", "c"),
        edge("o", "x1"),
        edge("x1", "c"),
        edge("r", "x2"),
        edge("x2", "o"),
        edge("u", "x3"),
        edge("x3", "i1"),
    ],
}


def load(data):
    return map_from_sadface(json.loads(json.dumps(data)))


class TestRead:
    def test_empty(self):
        m, losses = load({"metadata": {"core": {"version": "0.5"}}, "nodes": [], "edges": []})
        assert len(m) == 0 and losses == []

    def test_v05(self):
        m, losses = load(V05)
        assert losses == []
        assert m.title == "Lunch"
        assert {s.id: s.kind for s in m.statements()} == {
            "c": "claim",
            "p": "claim",
            "o": "objection",
            "r": "rebuttal",
            "u": "objection",
        }
        assert {(r.from_, r.kind, r.to) for r in m.relations()} == {
            ("p", "supports", "c"),
            ("o", "objects", "c"),
            ("r", "rebuts", "o"),
            ("u", "undercuts", "i1"),
        }
        assert m.relation("i1").meta == {"scheme": "Argument from Need"}

    def test_v02_scheme_nodes(self):
        data = {
            "metadata": {"core": {"version": "0.2"}},
            "nodes": [
                atom("a", "A."),
                atom("b", "B."),
                atom("c", "C."),
                {"id": "s", "type": "scheme", "name": "support"},
                {"id": "k", "type": "scheme", "name": "Conflict"},
            ],
            "edges": [edge("a", "s"), edge("s", "b"), edge("c", "k"), edge("k", "b")],
        }
        m, _ = load(data)
        assert {(r.from_, r.kind, r.to) for r in m.relations()} == {
            ("a", "supports", "b"),
            ("c", "objects", "b"),
        }

    def test_atom_sources_and_metadata_kept(self):
        sources = [{"resource_id": "r1", "text": "eat out", "offset": 3, "length": 7}]
        data = {
            "metadata": {"core": {}},
            "nodes": [atom("a", "A.", sources=sources, metadata={"other": {"x": 1}})],
            "edges": [],
        }
        m, _ = load(data)
        assert m["a"].meta == {"sadface": {"sources": sources, "metadata": {"other": {"x": 1}}}}
        back = sadface_from_map(m)["nodes"][0]
        assert back["sources"] == sources and back["metadata"]["other"] == {"x": 1}

    def test_losses_reported(self):
        data = {
            "metadata": {
                "core": {"version": "0.2", "analyst_name": "Ann", "title": "T"},
                "mine": {"k": 1},
            },
            "resources": [{"id": "r1", "content": "text", "type": "text", "metadata": {}}],
            "nodes": [],
            "edges": [],
        }
        m, losses = load(data)
        assert losses == [
            "document metadata not kept: core analyst_name",
            "document metadata namespace(s) not kept: mine",
        ]
        assert m.source.text == "text"  # the one text resource is the mapped text
        second = {"id": "r2", "content": "more", "type": "text", "metadata": {}}
        m, losses = load({**data, "resources": [*data["resources"], second]})
        assert "2 resource(s) (source texts) not kept" in losses and m.source is None

    def test_source_text_is_a_text_resource_named_by_the_atoms(self):
        sources = [{"resource_id": "r1", "text": "eat out", "offset": 3, "length": 7}]
        data = {
            "metadata": {"core": {}},
            "resources": [{"id": "r1", "content": "We eat out.", "type": "text", "metadata": {}}],
            "nodes": [atom("a", "A.", sources=sources)],
            "edges": [],
        }
        m, losses = load(data)
        assert losses == [] and m.source.text == "We eat out."
        assert sadface_from_map(m)["resources"] == data["resources"]

    def test_concession_is_no_conflict_node(self):
        m = argmap.ArgumentMap()
        c = m.claim("C.", id="c")
        o = m.objection("O.", id="o", against=c, qualifier="may")
        m.rebuttal("True in part.", id="r", concedes=o, against=o)
        doc = sadface_from_map(m)
        assert [n["type"] for n in doc["nodes"]].count("conflict") == 2
        assert doc["metadata"]["argmap"]["concessions"] == [{"from": "r", "to": "o"}]
        back, losses = read_sadface(dumps_sadface(m))
        assert losses == [] and back == m and back["o"].qualifier == "may"


class TestErrors:
    def test_syntax(self):
        with pytest.raises(argmap.FormatError) as err:
            read_sadface('{"nodes": [\n}', "a.json")
        assert err.value.line == 2 and "SADFace JSON syntax error" in str(err.value)

    def test_edge_to_missing_node(self):
        text = json.dumps({"metadata": {}, "nodes": [atom("a", "A.")], "edges": [edge("a", "zz")]})
        with pytest.raises(argmap.FormatError, match=r"edge 'a-zz': target_id 'zz' names no node"):
            read_sadface(text)

    def test_unknown_node_type(self):
        text = json.dumps({"metadata": {}, "nodes": [{"id": "q", "type": "thing"}], "edges": []})
        with pytest.raises(argmap.FormatError, match="node 'q' has unknown type 'thing'"):
            read_sadface(text)

    def test_duplicate_id(self):
        text = json.dumps({"metadata": {}, "nodes": [atom("a", "A."), atom("a", "B.")]})
        with pytest.raises(argmap.FormatError, match="node id 'a' is used twice"):
            read_sadface(text)

    def test_bad_argmap_metadata(self):
        data = {"metadata": {}, "nodes": [atom("a", "A.")], "edges": []}
        data["nodes"][0]["metadata"] = {"argmap": {"kind": "claim", "weight": 7}}
        with pytest.raises(argmap.FormatError, match="does not fit the model"):
            read_sadface(json.dumps(data))

    @pytest.mark.parametrize(
        ("where", "value", "words"),
        [
            ("actors", 5, "metadata.argmap.actors must be a list"),
            ("source", 5, "metadata.argmap.source: Input should be a valid dictionary"),
            ("by", 5, "statements.0.claim.by: Input should be a valid string"),
            ("by", ["ann"], "statements.0.claim.by: Input should be a valid string"),
            ("relation id", ["r"], "node 'i': argmap id ['r'] is not a string"),
        ],
    )
    def test_misshapen_argmap_metadata_is_a_format_error(self, where, value, words):
        data = {
            "metadata": {"core": {}, "argmap": {}},
            "nodes": [
                atom("a", "A.", metadata={"argmap": {}}),
                atom("b", "B."),
                {"id": "i", "type": "inference", "metadata": {"argmap": {"kind": "supports"}}},
            ],
            "edges": [edge("a", "i"), edge("i", "b")],
        }
        if where == "by":
            data["nodes"][0]["metadata"]["argmap"]["by"] = value
        elif where == "relation id":
            data["nodes"][2]["metadata"]["argmap"]["id"] = value
        else:
            data["metadata"]["argmap"][where] = value
        with pytest.raises(argmap.FormatError, match=re.escape(words)):
            read_sadface(json.dumps(data))


class TestWrite:
    def test_document(self):
        m = argmap.ArgumentMap(title="T")
        m.actor("ann", "Ann")
        c = m.claim("C.", id="c", by="ann")
        o = m.objection("O.", id="o", against=c)
        m.relate(o, c, "contradicts")
        doc = sadface_from_map(m)
        assert doc["metadata"]["core"] == {"version": "0.5", "title": "T"}
        assert doc["metadata"]["argmap"]["actors"] == [{"id": "ann", "name": "Ann"}]
        assert Counter(n["type"] for n in doc["nodes"]) == {"atom": 2, "conflict": 2}
        assert doc["nodes"][0]["metadata"]["argmap"] == {"kind": "claim", "by": "ann"}
        back, losses = read_sadface(dumps_sadface(m))
        assert back == m and losses == []

    def test_foreign_reader_sees_structure(self):
        """Without the argmap namespace the same structure comes back, kinds inferred."""
        m, _ = load(V05)
        doc = sadface_from_map(m)
        for n in doc["nodes"]:
            n["metadata"].pop("argmap", None)
        doc["metadata"].pop("argmap", None)
        back, _ = load(doc)
        assert {s.id: s.kind for s in back.statements()} == {s.id: s.kind for s in m.statements()}
        assert {(r.from_, r.kind) for r in back.relations()} == {
            (r.from_, r.kind) for r in m.relations()
        }


class TestDetect:
    def test_sniff(self):
        assert sniff_sadface(json.dumps(V05))
        assert not sniff_sadface(json.dumps({"nodes": [], "edges": []}))
        assert not sniff_sadface('{"argmap": 1}')

    def test_by_extension_and_content(self, tmp_path):
        m, _ = load(V05)
        argmap.dump(m, tmp_path / "x.sadface.json")
        assert argmap.load(tmp_path / "x.sadface.json") == m
        (tmp_path / "y.json").write_text(json.dumps(V05))
        assert detect_format("y.json", json.dumps(V05)).name == "sadface"


@pytest.mark.parametrize("name", ["hangback.sadface.json", "minimal.sadface.json"])
def test_corpus(corpus, name):
    path = corpus / "sadface" / name
    raw = json.loads(path.read_text())
    types = Counter(n["type"] if n["type"] != "scheme" else n["name"].lower() for n in raw["nodes"])
    m, _ = argmap.read(path)
    m.validate()
    assert len(m) == types["atom"]
    nid = {n["id"]: n for n in raw["nodes"]}
    premises = sum(
        1
        for e in raw["edges"]
        if nid[e["target_id"]].get("name") == "support" and nid[e["source_id"]]["type"] == "atom"
    )
    assert len(m.relations("supports")) == premises
    attacks = [r for r in m.relations() if r.is_attack]
    assert len(attacks) == types["conflict"]
    assert m.title == raw["metadata"]["core"].get("title")
    # written back and read again: the same map
    back, _ = read_sadface(dumps_sadface(m))
    assert back == m


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(m=maps())
def test_native_round_trip(m):
    """SADFace with the argmap namespace holds everything: the map comes back equal."""
    back, losses = read_sadface(dumps_sadface(m))
    assert losses == []
    assert back == m


def test_malformed_input_gives_argmap_errors_only():
    """Damaged files give a FormatError (or warnings), never a bare TypeError or KeyError."""
    import random

    from damage import mutations

    base = sadface_from_map(load(V05)[0])
    for data in mutations(base, random.Random(4), 300):
        try:
            m, _ = map_from_sadface(data)
        except argmap.ArgmapError:
            continue
        m.validate()
        read_sadface(dumps_sadface(m))[0].validate()
