"""Tests for argmap.formats.aif: AIF, OVA3 and xAIF import and export."""

from __future__ import annotations

import json
from collections import Counter

import pytest
from hypothesis import HealthCheck, given, settings

import argmap
from argmap.formats import detect_format
from argmap.formats.aif import (
    aif_from_map,
    dumps_aif,
    dumps_ova3,
    dumps_xaif,
    map_from_aif,
    read_aif,
    sniff_aif,
    sniff_ova3,
    sniff_xaif,
)
from strategies import maps


def node(nid, type_, text=None, **extra):
    return {"nodeID": nid, "text": type_ if text is None else text, "type": type_, **extra}


def edges(*pairs):
    return [{"edgeID": i, "fromID": a, "toID": b} for i, (a, b) in enumerate(pairs, 1)]


def load(data):
    return map_from_aif(json.loads(json.dumps(data)))


def rels(m):
    return {(r.from_, r.kind, r.to) for r in m.relations()}


def kinds(m):
    return {s.id: s.kind for s in m.statements()}


# A claim, a premise for it, an objection, a rebuttal and a counter-rebuttal.
CHAIN = {
    "nodes": [
        node("c", "I", "We should eat out."),
        node("p", "I", "The kitchen is a mess."),
        node("o", "I", "It costs too much."),
        node("r", "I", "The canteen is cheap."),
        node("k", "I", "The canteen is closed."),
        node("ra", "RA", "Default Inference", scheme="Default Inference", schemeID="72"),
        node("ca1", "CA", "Default Conflict"),
        node("ca2", "CA", "Default Conflict"),
        node("ca3", "CA", "Default Conflict"),
    ],
    "edges": edges(
        ("p", "ra"),
        ("ra", "c"),
        ("o", "ca1"),
        ("ca1", "c"),
        ("r", "ca2"),
        ("ca2", "o"),
        ("k", "ca3"),
        ("ca3", "r"),
    ),
    "locutions": [],
}


class TestRead:
    def test_empty(self):
        m, losses = load({"nodes": [], "edges": []})
        assert len(m) == 0 and m.relations() == [] and losses == []

    def test_chain_roles(self):
        m, losses = load(CHAIN)
        assert losses == []
        assert kinds(m) == {
            "c": "claim",
            "p": "claim",
            "o": "objection",
            "r": "rebuttal",
            "k": "objection",
        }
        assert rels(m) == {
            ("p", "supports", "c"),
            ("o", "objects", "c"),
            ("r", "rebuts", "o"),
            ("k", "objects", "r"),
        }
        m.validate()

    def test_scheme_and_ids_kept(self):
        m, _ = load(CHAIN)
        support = m.relations("supports")[0]
        assert support.id == "ra"
        assert support.meta["scheme"] == "Default Inference"
        assert support.meta["aif"]["schemeID"] == "72"
        assert m["c"].meta["aif"]["nodeID"] == "c"

    def test_evidence_scheme(self):
        data = {
            "nodes": [
                node("h", "I", "The patient has measles."),
                node("e", "I", "The patient has Koplik spots."),
                node("ra", "RA", "Argument From Sign"),
            ],
            "edges": edges(("e", "ra"), ("ra", "h")),
        }
        m, _ = load(data)
        assert kinds(m) == {"h": "claim", "e": "evidence"}

    def test_linked_argument(self):
        data = {
            "nodes": [
                node("c", "I", "C."),
                node("p1", "I", "P1."),
                node("p2", "I", "P2."),
                node("ra", "RA"),
                node("u", "I", "U."),
                node("ca", "CA"),
            ],
            "edges": edges(("p1", "ra"), ("p2", "ra"), ("ra", "c"), ("u", "ca"), ("ca", "ra")),
        }
        m, losses = load(data)
        assert losses == []
        assert {(r.id, r.from_, r.to) for r in m.relations("supports")} == {
            ("ra", "p1", "c"),
            ("ra.2", "p2", "c"),
        }
        # the undercut defeats the inference, so it undercuts each premise's link
        assert {(r.from_, r.to) for r in m.relations("undercuts")} == {("u", "ra"), ("u", "ra.2")}
        assert kinds(m)["u"] == "objection"
        out = aif_from_map(m)
        assert Counter(n["type"] for n in out["nodes"]) == {"I": 4, "RA": 1, "CA": 1}
        assert {(e["fromID"], e["toID"]) for e in out["edges"]} == {
            ("p1", "ra"),
            ("p2", "ra"),
            ("ra", "c"),
            ("u", "ca"),
            ("ca", "ra"),
        }

    def test_undercut_of_attack_is_a_rebuttal(self):
        data = {
            "nodes": [
                node("c", "I", "C."),
                node("o", "I", "O."),
                node("u", "I", "U."),
                node("ca1", "CA"),
                node("ca2", "CA"),
            ],
            "edges": edges(("o", "ca1"), ("ca1", "c"), ("u", "ca2"), ("ca2", "ca1")),
        }
        m, losses = load(data)
        assert losses == []
        assert kinds(m) == {"c": "claim", "o": "objection", "u": "rebuttal"}
        assert ("u", "undercuts", "ca1") in rels(m)
        assert m.relation("ca1").kind == "objects"

    def test_symmetric_conflict_is_contradicts(self):
        data = {
            "nodes": [
                node("a", "I", "Yes."),
                node("b", "I", "No."),
                node("x", "CA"),
                node("y", "CA"),
            ],
            "edges": edges(("a", "x"), ("x", "b"), ("b", "y"), ("y", "a")),
        }
        m, losses = load(data)
        assert losses == []
        assert kinds(m) == {"a": "claim", "b": "claim"}
        [r] = m.relations()
        assert (r.from_, r.kind, r.to) == ("a", "contradicts", "b")
        assert [x["node"]["nodeID"] for x in r.meta["aif_merged"]] == ["y"]
        back = aif_from_map(m)
        assert {(e["fromID"], e["toID"]) for e in back["edges"]} == {
            ("a", "x"),
            ("x", "b"),
            ("b", "y"),
            ("y", "a"),
        }

    def test_attack_on_claim_and_objection_becomes_contradicts(self):
        # x attacks the claim c (so x is an objection) and the objection o
        data = {
            "nodes": [
                node("c", "I", "C."),
                node("o", "I", "O."),
                node("x", "I", "X."),
                node("ca1", "CA"),
                node("ca2", "CA"),
                node("ca3", "CA"),
            ],
            "edges": edges(
                ("o", "ca1"), ("ca1", "c"), ("x", "ca2"), ("ca2", "c"), ("x", "ca3"), ("ca3", "o")
            ),
        }
        m, losses = load(data)
        assert kinds(m) == {"c": "claim", "o": "objection", "x": "objection"}
        assert ("x", "contradicts", "o") in rels(m)
        assert len(losses) == 1 and "'x' (objection) -> 'o' (objection)" in losses[0]
        # the direction survives: written back as one CA from x to o
        back = aif_from_map(m)
        assert {(e["fromID"], e["toID"]) for e in back["edges"]} >= {("x", "ca3"), ("ca3", "o")}
        assert Counter(n["type"] for n in back["nodes"])["CA"] == 3

    def test_attack_cycle(self):
        data = {
            "nodes": [node(n, "I", n.upper() + ".") for n in "abc"]
            + [node(f"ca{i}", "CA") for i in range(3)],
            "edges": edges(
                ("a", "ca0"), ("ca0", "b"), ("b", "ca1"), ("ca1", "c"), ("c", "ca2"), ("ca2", "a")
            ),
        }
        m, _ = load(data)
        m.validate()
        assert len(m.relations()) == 3

    def test_ma_and_pa_kept_as_metadata(self):
        data = {
            "nodes": [
                node("a", "I", "A."),
                node("b", "I", "A, said again."),
                node("c", "I", "C."),
                node("ma", "MA", "Default Rephrase"),
                node("pa", "PA", "Default Preference"),
            ],
            "edges": edges(("a", "ma"), ("ma", "b"), ("a", "pa"), ("pa", "c")),
        }
        m, losses = load(data)
        assert m.relations() == []
        links = m["a"].meta["aif_links"]
        assert [(x["node"]["type"], x["from"], x["to"]) for x in links] == [
            ("MA", ["a"], ["b"]),
            ("PA", ["a"], ["c"]),
        ]
        assert any("MA (rephrase)" in w for w in losses)
        assert any("PA (preference)" in w for w in losses)
        back = aif_from_map(m)
        assert {(e["fromID"], e["toID"]) for e in back["edges"]} == {
            ("a", "ma"),
            ("ma", "b"),
            ("a", "pa"),
            ("pa", "c"),
        }

    def test_ra_without_premise_is_metadata_with_warning(self):
        data = {"nodes": [node("c", "I", "C."), node("ra", "RA")], "edges": edges(("ra", "c"))}
        m, losses = load(data)
        assert m.relations() == []
        assert m["c"].meta["aif_links"][0]["node"]["nodeID"] == "ra"
        assert any("'ra'" in w for w in losses)

    def test_speakers_from_participants_and_locutions(self):
        data = {
            "nodes": [
                node("i1", "I", "Taxes should rise."),
                node("l1", "L", "Ann Lee: I think taxes should rise!"),
                node("y1", "YA", "Asserting"),
                node("i2", "I", "They should not."),
                node("l2", "L", "Bob: They should not."),
                node("y2", "YA", "Asserting"),
                node("t", "TA", "Default Transition"),
                node("ca", "CA"),
            ],
            "edges": edges(
                ("l1", "y1"),
                ("y1", "i1"),
                ("l2", "y2"),
                ("y2", "i2"),
                ("l1", "t"),
                ("t", "l2"),
                ("i2", "ca"),
                ("ca", "i1"),
            ),
            "participants": [
                {"participantID": 1, "firstname": "Ann", "surname": "Lee"},
                {"participantID": 2, "firstname": "Cy", "surname": "Silent"},
            ],
            "locutions": [{"nodeID": "l1", "personID": "1"}],
        }
        m, losses = load(data)
        assert {a.id: a.name for a in m.actors()} == {
            "ann-lee": "Ann Lee",
            "cy-silent": "Cy Silent",
            "bob": "Bob",  # no locution entry: the name before the colon
        }
        assert m["i1"].by == "ann-lee" and m["i2"].by == "bob"
        assert m["i1"].quote == "I think taxes should rise!"
        assert m["i2"].quote is None  # the same words as the proposition
        assert any("1 TA node(s) not kept" in w for w in losses)
        out = aif_from_map(m)
        locutions = {x["nodeID"]: x["personID"] for x in out["locutions"]}
        people = {
            p["participantID"]: p["firstname"] + " " + p["surname"] for p in out["participants"]
        }
        assert people[locutions["l1"]] == "Ann Lee"
        assert "l2" not in locutions  # as in the file: Bob is named by the L text only
        back, _ = load(out)
        assert back["i2"].by == "bob" and back == m

    def test_locution_without_person(self):
        data = {
            "nodes": [node("i", "I", "P."), node("l", "L", "Q: P."), node("y", "YA", "Asserting")],
            "edges": edges(("l", "y"), ("y", "i")),
            "locutions": [{"nodeID": "l", "personID": None}],
        }
        m, _ = load(data)
        assert m["i"].by is None and m["i"].quote == "Q: P."

    def test_empty_i_text(self):
        m, losses = load({"nodes": [node("i", "I", "")], "edges": []})
        assert m["i"].text == "(no text)"
        assert "no text" in losses[0]

    def test_ids_made_valid(self):
        m, _ = load({"nodes": [node("_x y", "I", "A.")], "edges": []})
        [s] = m.statements()
        assert s.id == "n_x-y" and s.meta["aif"]["nodeID"] == "_x y"
        assert aif_from_map(m)["nodes"][0]["nodeID"] == "_x y"

    def test_ova3_and_xaif_extras_reported(self):
        ova = {
            "AIF": CHAIN,
            "OVA": {"nodes": [{"nodeID": "c", "x": 1, "y": 2}]},
            "text": "<p>x</p>",
        }
        m, losses = load(ova)
        assert any("OVA layout" in w for w in losses)
        assert not any("analysed text" in w for w in losses)  # kept as the source's text
        assert m.source.text == "<p>x</p>"
        xaif = {"AIF": {**CHAIN, "schemefulfillments": None}, "ova": [], "text": {"txt": ""}}
        m, losses = load(xaif)
        assert losses == [] and len(m) == 5


class TestErrors:
    def test_json_syntax(self):
        with pytest.raises(argmap.FormatError) as err:
            read_aif('{"nodes": [\n  {"nodeID": "a",}\n]}', "x.json")
        assert (err.value.path, err.value.line) == ("x.json", 2)
        assert "JSON syntax error" in str(err.value)

    def test_not_an_object(self):
        with pytest.raises(argmap.FormatError, match="expected a JSON object"):
            read_aif("[1, 2]")

    def test_missing_nodes(self):
        with pytest.raises(argmap.FormatError, match="missing 'nodes'"):
            read_aif('{"edges": []}')

    def test_edge_names_missing_node(self):
        text = json.dumps(
            {
                "nodes": [node("a", "I", "A.")],
                "edges": [{"edgeID": 7, "fromID": "a", "toID": "zz"}],
            },
            indent=1,
        )
        with pytest.raises(argmap.FormatError) as err:
            read_aif(text, "f.json")
        assert "edge 7" in str(err.value) and "'zz'" in str(err.value)
        assert err.value.line == text[: text.index('"edgeID": 7')].count("\n") + 1

    def test_edge_without_id_located_by_its_reference(self):
        text = '{"nodes": [{"nodeID": "a", "type": "I", "text": "A"}],\n "edges": [\n'
        text += ' {"fromID": "a", "toID": "b"}]}'
        with pytest.raises(argmap.FormatError) as err:
            read_aif(text, "f.json")
        assert err.value.line == 3 and "toID 'b' names no node" in str(err.value)

    def test_duplicate_node(self):
        text = json.dumps({"nodes": [node("a", "I", "A."), node("a", "I", "B.")], "edges": []})
        with pytest.raises(argmap.FormatError, match="node id 'a' is used twice"):
            read_aif(text)

    def test_node_without_type(self):
        with pytest.raises(argmap.FormatError, match="node 'a' has no 'type'"):
            read_aif('{"nodes": [{"nodeID": "a", "text": "A."}], "edges": []}')

    def test_node_without_id(self):
        with pytest.raises(argmap.FormatError, match="node 1 has no valid 'nodeID'"):
            read_aif('{"nodes": [{"type": "I", "text": "A."}], "edges": []}')

    def test_unknown_node_type_is_a_warning(self):
        m, losses = load({"nodes": [node("a", "I", "A."), node("q", "XX")], "edges": []})
        assert len(m) == 1 and any("unknown type XX" in w for w in losses)


class TestWrite:
    def test_native_map(self):
        m = argmap.ArgumentMap()
        m.actor("ann", "Ann Lee")
        c = m.claim("C.", id="c", by="ann", quote="C, she said.")
        o = m.objection("O.", id="o", against=c)
        m.relate(o, c, "contradicts")
        out = aif_from_map(m)
        types = Counter(n["type"] for n in out["nodes"])
        assert types == {"I": 2, "L": 1, "YA": 1, "CA": 3}
        [loc] = [n for n in out["nodes"] if n["type"] == "L"]
        assert loc["text"] == "Ann Lee: C, she said."
        assert out["participants"] == [{"participantID": 1, "firstname": "Ann", "surname": "Lee"}]
        assert out["locutions"] == [{"nodeID": loc["nodeID"], "personID": 1}]

    def test_flavours(self):
        m, _ = load(CHAIN)
        ova = json.loads(dumps_ova3(m))
        assert set(ova) == {"AIF", "OVA", "text"}
        assert len(ova["OVA"]["nodes"]) == len(ova["AIF"]["nodes"])
        assert ova["AIF"]["schemefulfillments"] == [{"nodeID": "ra", "schemeID": "72"}]
        xaif = json.loads(dumps_xaif(m))
        assert all(isinstance(n["nodeID"], int) for n in xaif["AIF"]["nodes"])
        assert xaif["AIF"]["descriptorfulfillments"] is None
        back, _ = load(xaif)
        assert rels(back) == {
            (a, k, b)
            for a, k, b in (
                (str(_id(xaif, "p")), "supports", str(_id(xaif, "c"))),
                (str(_id(xaif, "o")), "objects", str(_id(xaif, "c"))),
                (str(_id(xaif, "r")), "rebuts", str(_id(xaif, "o"))),
                (str(_id(xaif, "k")), "objects", str(_id(xaif, "r"))),
            )
        }

    def test_losses_announced(self):
        m = argmap.ArgumentMap(title="T")
        m.actor("ann", "Ann", affiliation="X")
        m.evidence("E.", id="e", by="ann", tags=["t"], supports=m.claim("C.", id="c"))
        with pytest.warns(argmap.LossWarning) as caught:
            argmap.dumps(m, format="aif")
        [w] = caught
        text = str(w.message)
        assert text.startswith("AIF cannot hold the map's title")
        assert "the tags of 1 statements" in text and "affiliation, role or kind of 1" in text
        assert "the kind of 1 statements" in text  # evidence comes back a claim
        with pytest.warns(argmap.LossWarning, match="the ids of 2 statements"):
            argmap.dumps(m, format="xaif")

    def test_nothing_announced_for_an_aif_map(self, recwarn):
        m, _ = load(CHAIN)
        argmap.dumps(m, format="aif")
        assert not [w for w in recwarn if issubclass(w.category, argmap.LossWarning)]

    def test_deterministic(self):
        m, _ = load(CHAIN)
        assert dumps_aif(m) == dumps_aif(m)

    @pytest.mark.parametrize(
        ("key", "value"),
        [
            ("aif_locutions", 5),
            ("aif_locutions", ["chain"]),
            ("aif_locutions", [{"L": 5, "YA": {"nodeID": "y", "type": "YA"}}]),
            ("aif_locutions", [{"L": {"nodeID": "l"}, "YA": {"nodeID": "y"}, "locutions": [5]}]),
            ("aif_locutions", [{"L": {"nodeID": "l"}, "YA": {"nodeID": "y"}, "speaker": [1]}]),
            ("aif_links", [5]),
            ("aif_links", [{"from": ["c"]}]),
            ("aif_links", [{"node": {"nodeID": "m", "type": "MA"}, "to": "c"}]),
            ("aif_merged", {"node": {}}),
        ],
    )
    def test_misshapen_aif_metadata_is_a_format_error(self, key, value):
        m = argmap.ArgumentMap()
        c = m.claim("C.", id="c", meta={} if key == "aif_merged" else {key: value})
        m.relate(
            m.objection("O.", id="o"),
            c,
            "objects",
            meta={key: value} if key == "aif_merged" else {},
        )
        where = "relation o>objects>c" if key == "aif_merged" else "statement 'c'"
        for flavour in ("aif", "ova3", "xaif"):
            with pytest.raises(argmap.FormatError, match=f"meta\\['{key}'\\] of {where} is not"):
                argmap.dumps(m, format=flavour)


def _id(xaif, old):
    text = {n["nodeID"]: n["text"] for n in CHAIN["nodes"]}[old]
    return next(n["nodeID"] for n in xaif["AIF"]["nodes"] if n["text"] == text)


# --------------------------------------------------------------------------- detection


class TestDetect:
    def test_sniffs(self):
        aif = json.dumps(CHAIN)
        ova = json.dumps({"AIF": CHAIN, "OVA": {}, "text": ""})
        xaif = json.dumps({"AIF": CHAIN, "ova": [], "dialog": False})
        assert (sniff_aif(aif), sniff_ova3(aif), sniff_xaif(aif)) == (True, False, False)
        assert (sniff_aif(ova), sniff_ova3(ova), sniff_xaif(ova)) == (False, True, False)
        assert (sniff_aif(xaif), sniff_ova3(xaif), sniff_xaif(xaif)) == (False, False, True)
        assert not sniff_aif('{"argmap": 1}') and not sniff_aif("not json")

    def test_load_and_dump_by_extension(self, tmp_path):
        m, _ = load(CHAIN)
        for name, fmt in (("a.aif.json", "aif"), ("a.ova.json", "ova3"), ("a.xaif.json", "xaif")):
            argmap.dump(m, tmp_path / name)
            assert detect_format(name, (tmp_path / name).read_text()).name == fmt
            back, _ = argmap.read(tmp_path / name)
            assert len(back) == 5
        (tmp_path / "plain.json").write_text(json.dumps(CHAIN))
        assert argmap.read(tmp_path / "plain.json").map.get("o").kind == "objection"
        argmap.dump(m, tmp_path / "native.json")
        assert json.loads((tmp_path / "native.json").read_text())["argmap"] == 1


# --------------------------------------------------------------------------- the corpus

CORPUS_FILES = {
    "aifdb-nodeset-6064.json": "aif",
    "aifdb-nodeset-6064-arguebuf-roundtrip.json": "aif",
    "ova3-rebut-undercut.json": "ova3",
    "ova3-forecast-28010.json": "ova3",
    "ova3-forecast-28106.json": "ova3",
    "xaif-bert-te-argumentation.json": "xaif",
}


def _nodeset(data):
    return data.get("AIF", data)


def _s_nodes_kept(m):
    """Every S node id the map keeps (as relations, merged, or metadata), by type."""
    kept = {}
    for r in m.relations():
        kept[r.meta["aif"]["nodeID"]] = r.meta["aif"]["type"]
        for x in r.meta.get("aif_merged", []):
            kept[x["node"]["nodeID"]] = x["node"]["type"]
    for holder in [*m.statements(), *m.relations()]:
        for x in holder.meta.get("aif_links", []):
            kept[x["node"]["nodeID"]] = x["node"]["type"]
    return kept


@pytest.mark.parametrize("name", sorted(CORPUS_FILES))
class TestCorpus:
    def test_detected(self, corpus, name):
        path = corpus / "aif" / name
        assert detect_format(str(path), path.read_text()).name == CORPUS_FILES[name]

    def test_counts(self, corpus, name):
        path = corpus / "aif" / name
        raw = _nodeset(json.loads(path.read_text()))
        count = Counter(n["type"] for n in raw["nodes"])
        m, losses = argmap.read(path)
        m.validate()
        assert len(m) == count["I"]
        kept = Counter(_s_nodes_kept(m).values())
        for t in ("RA", "CA", "MA", "PA"):
            assert kept[t] == count[t], t
        # supports: one per premise of each RA
        ins = Counter(e["toID"] for e in raw["edges"])
        types = {str(n["nodeID"]): n["type"] for n in raw["nodes"]}
        premises = sum(
            1
            for e in raw["edges"]
            if types[str(e["toID"])] == "RA" and types[str(e["fromID"])] == "I"
        )
        assert len(m.relations("supports")) == premises
        assert ins  # edges were read
        # attacks: one relation per CA (the second of a symmetric pair merges into the first)
        attacks = [r for r in m.relations() if r.is_attack]
        merged = sum(len(r.meta.get("aif_merged", [])) for r in m.relations())
        assert len({r.meta["aif"]["nodeID"] for r in attacks}) + merged == count["CA"]
        # L nodes: those that anchor an I node (L -> YA -> I) are kept with the statement,
        # every other one is reported, as are all TA nodes
        anchoring = {
            str(e1["fromID"])
            for e1 in raw["edges"]
            for e2 in raw["edges"]
            if str(e1["toID"]) == str(e2["fromID"])
            and types[str(e1["fromID"])] == "L"
            and types[str(e1["toID"])] == "YA"
            and types[str(e2["toID"])] == "I"
        }
        kept_l = {
            str(c["L"]["nodeID"]) for s in m.statements() for c in s.meta.get("aif_locutions", [])
        }
        assert kept_l == anchoring
        others = count["L"] - len(anchoring)
        if others:
            assert any(f"{others} L node(s) not kept" in w for w in losses)
        if count["TA"]:
            assert any(f"{count['TA']} TA node(s) not kept" in w for w in losses)

    def test_speakers(self, corpus, name):
        path = corpus / "aif" / name
        raw = _nodeset(json.loads(path.read_text()))
        types = {str(n["nodeID"]): n["type"] for n in raw["nodes"]}
        text = {str(n["nodeID"]): n["text"] for n in raw["nodes"]}
        people = {
            str(p["participantID"]): f"{p['firstname']} {p['surname']}".strip()
            for p in raw.get("participants") or []
        }
        person = {}
        for loc in raw.get("locutions") or []:
            person.setdefault(str(loc["nodeID"]), str(loc["personID"]))
        ins = {}
        for e in raw["edges"]:
            ins.setdefault(str(e["toID"]), []).append(str(e["fromID"]))
        m, _ = argmap.read(path)
        assert {a.name for a in m.actors()} >= set(people.values())
        for s in m.statements():
            i = str(s.meta["aif"]["nodeID"])
            chains = [
                loc
                for ya in ins.get(i, [])
                if types[ya] == "YA"
                for loc in ins.get(ya, [])
                if types[loc] == "L"
            ]
            if not chains:
                assert s.by is None
                continue
            assert s.by is not None
            speaker = m.get_actor(s.by).name
            names = {
                people.get(person.get(loc), "") or text[loc].split(":")[0].strip() for loc in chains
            }
            assert speaker in names

    def test_round_trip(self, corpus, name):
        """AIF -> argmap -> AIF keeps every I and S node, their edges, and the speakers."""
        path = corpus / "aif" / name
        raw = _nodeset(json.loads(path.read_text()))
        m, _ = argmap.read(path)
        out = _nodeset(json.loads(argmap.dumps(m, format=CORPUS_FILES[name])))
        kept_types = ("I", "RA", "CA", "MA", "PA")

        def core(ns):
            types = {str(n["nodeID"]): n["type"] for n in ns["nodes"]}
            nodes = {
                (str(n["nodeID"]), n["type"], n["text"])
                for n in ns["nodes"]
                if n["type"] in kept_types
            }
            links = {
                (str(e["fromID"]), str(e["toID"]))
                for e in ns["edges"]
                if types[str(e["fromID"])] in kept_types and types[str(e["toID"])] in kept_types
            }
            return nodes, links

        assert core(out) == core(raw)

        # speakers: each I node's L -> YA -> I chains come back with their L and YA ids
        def chains(ns):
            types = {str(n["nodeID"]): n["type"] for n in ns["nodes"]}
            ins = {}
            for e in ns["edges"]:
                ins.setdefault(str(e["toID"]), []).append(str(e["fromID"]))
            return {
                (i, ya, loc)
                for i, t in types.items()
                if t == "I"
                for ya in ins.get(i, [])
                if types[ya] == "YA"
                for loc in ins.get(ya, [])
                if types[loc] == "L"
            }

        assert chains(out) == chains(raw)
        back, _ = map_from_aif(json.loads(argmap.dumps(m, format=CORPUS_FILES[name])))
        assert back == m


# --------------------------------------------------------------------------- round trips


def _project(m):
    """What AIF holds of a map: texts, speakers by name, quotes, supports, attacks, undercuts.

    Statement kinds are not held (they are inferred again); a ``contradicts`` counts as
    attacks both ways unless it came from one directed CA.
    """
    order = [s.id for s in m.statements()]

    def name(aid):
        return None if aid is None else m.get_actor(aid).name

    statements = [
        (s.text, name(s.by), s.quote if s.quote not in (None, s.text) else None)
        for s in m.statements()
    ]
    pos = {sid: i for i, sid in enumerate(order)}

    def shape(r):
        if r.kind in ("supports", "concedes"):
            return {(r.kind, pos[r.from_], pos[r.to])}
        if r.kind == "undercuts":
            return {("undercuts", pos[r.from_], *sorted(shape(m.relation(r.to))))}
        one_way = r.kind != "contradicts" or (
            r.meta.get("aif", {}).get("type") == "CA" and not r.meta.get("aif_merged")
        )
        pairs = {("attacks", pos[r.from_], pos[r.to])}
        return pairs if one_way else pairs | {("attacks", pos[r.to], pos[r.from_])}

    relations = set().union(*(shape(r) for r in m.relations())) if m.relations() else set()
    return statements, relations, sorted(a.name for a in m.actors())


@pytest.mark.parametrize("flavour", ["aif", "ova3", "xaif"])
@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(m=maps(rich=False))
def test_native_round_trip(flavour, m):
    back, _ = map_from_aif(json.loads(argmap.dumps(m, format=flavour)))
    back.validate()
    assert _project(back) == _project(m)
    # and the second trip is exact: AIF ids, speakers and structure are all kept
    again, _ = map_from_aif(json.loads(argmap.dumps(back, format=flavour)))
    assert again == back


def _conceding_map():
    m = argmap.ArgumentMap(source={"title": "Article", "text": "We should. They object."})
    m.actor("ann", "Ann")
    c = m.claim("We should.", id="c", by="ann")
    o = m.objection("They object.", id="o", against=c, qualifier="probably")
    m.rebuttal("Granted in part, but no.", id="r", against=o, concedes=o)
    m.claim("Some of it is true.", id="g", concedes=o)
    return m


@pytest.mark.parametrize("flavour", ["aif", "ova3", "xaif"])
def test_concession_is_an_iat_conceding_illocution(flavour):
    m = _conceding_map()
    with pytest.warns(argmap.LossWarning) as caught:
        text = argmap.dumps(m, format=flavour)
    (loss,) = [str(w.message) for w in caught]
    assert "'qualifier' of 1 statements" in loss
    assert "concession" not in loss
    data = json.loads(text)
    nodes = data.get("AIF", data)["nodes"]
    assert sorted(n["text"] for n in nodes if n["type"] == "YA") == [
        "Asserting",
        "Asserting",
        "Asserting",
        "Conceding",
        "Conceding",
    ]
    assert [n["type"] for n in nodes].count("CA") == 2  # the objection and the rebuttal only
    back, warnings = map_from_aif(data)
    assert [w for w in warnings if not w.startswith("OVA layout")] == []
    ids = {s.id: b.id for s, b in zip(m.statements(), back.statements(), strict=True)}
    assert [(r.from_, r.to) for r in back.relations("concedes")] == [
        (ids["r"], ids["o"]),
        (ids["g"], ids["o"]),
    ]
    status = back.status()
    assert {sid: status[ids[sid]] for sid in ids} == m.status()
    assert back.get(ids["o"]).by is None  # a concession does not make the conceder its speaker
    if flavour == "aif":
        assert "the map's source" in loss and back.source is None
    else:
        assert "the map's source, except its text" in loss
        assert back.source.text == "We should. They object."
    again, _ = map_from_aif(json.loads(argmap.dumps(back, format=flavour)))
    assert again == back


def test_ova_analysed_text_is_kept_as_the_source_text():
    data = {"AIF": CHAIN, "OVA": {"nodes": []}, "text": "<p>The text.</p>"}
    m, warnings = map_from_aif(data)
    assert m.source.text == "<p>The text.</p>" and warnings == []
    assert json.loads(argmap.dumps(m, format="ova3"))["text"] == "<p>The text.</p>"
    m, _ = map_from_aif({"AIF": CHAIN, "text": {"txt": "Plain."}, "ova": []})
    assert json.loads(argmap.dumps(m, format="xaif"))["text"] == {"txt": "Plain."}


def test_conceding_of_the_locutions_own_proposition_stays_a_speaker_chain():
    """An L node that anchors nothing else concedes as its speaker: no relation."""
    data = {
        **CHAIN,
        "participants": [{"participantID": 1, "firstname": "Bob", "surname": "B"}],
        "nodes": [*CHAIN["nodes"], node("l", "L", "Bob B: C."), node("y", "YA", "Conceding")],
        "edges": [*CHAIN["edges"], *edges(("l", "y"), ("y", "c"))],
        "locutions": [{"nodeID": "l", "personID": 1}],
    }
    m, _ = map_from_aif(data)
    assert m.relations("concedes") == [] and m["c"].by == "bob-b"


def test_concession_from_a_statement_whose_locution_asserts_others_too():
    """An L node asserting two statements: the concession gets an L node of its own."""
    data = {
        **CHAIN,
        "nodes": [
            *CHAIN["nodes"],
            node("l", "L", "C and P."),
            node("y1", "YA", "Asserting"),
            node("y2", "YA", "Asserting"),
        ],
        "edges": [*CHAIN["edges"], *edges(("l", "y1"), ("y1", "c"), ("l", "y2"), ("y2", "p"))],
        "locutions": [{"nodeID": "l", "personID": None}],
    }
    m, _ = map_from_aif(data)
    m.relate("c", "o", "concedes")
    back, _ = map_from_aif(json.loads(argmap.dumps(m, format="aif")))
    assert [(r.from_, r.to) for r in back.relations("concedes")] == [("c", "o")]
    again, _ = map_from_aif(json.loads(argmap.dumps(back, format="aif")))
    assert again == back


def test_malformed_input_gives_argmap_errors_only():
    """Damaged files give a FormatError (or warnings), never a bare TypeError or KeyError."""
    import random

    from damage import mutations

    rng = random.Random(4)
    base = {**CHAIN, "participants": [{"participantID": 1, "firstname": "A", "surname": "B"}]}
    base["nodes"] = [*CHAIN["nodes"], node("l", "L", "A B: C."), node("y", "YA", "Asserting")]
    base["edges"] = [*CHAIN["edges"], *edges(("l", "y"), ("y", "c"))]
    base["locutions"] = [{"nodeID": "l", "personID": 1}]
    for data in mutations({"AIF": base, "OVA": {"nodes": []}, "text": ""}, rng, 300):
        try:
            m, _ = map_from_aif(data)
        except argmap.ArgmapError:
            continue
        m.validate()
        for flavour in ("aif", "ova3", "xaif"):
            again, _ = map_from_aif(json.loads(json.dumps(aif_from_map(m, flavour=flavour))))
            again.validate()
