"""Tests for argmap.map.ArgumentMap: builder, queries, removal, equality, validation."""

import networkx as nx
import pytest

import argmap
from argmap import (
    ArgumentMap,
    DanglingRelationError,
    DuplicateIdError,
    MapValidationError,
    RuleError,
    UnknownIdError,
)


@pytest.fixture
def m():
    m = ArgumentMap(title="Office")
    m.actor("beebe", "George Beebe", affiliation="Quincy Institute", kind="person")
    m.actor("author", "Author")
    thesis = m.claim("The office serves the alliance.", id="thesis", by="author")
    m.evidence("NATO had an office in Tashkent.", id="tashkent", supports=thesis)
    rift = m.objection("It splits the allies.", id="rift", against=thesis, by="beebe")
    m.rebuttal("It narrows perception gaps.", id="gaps", against=rift, by="author")
    return m


class TestEmpty:
    def test_empty_map(self):
        m = ArgumentMap()
        assert len(m) == 0 and m.statements() == [] and m.roots() == []
        assert m.unanswered_objections() == [] and m.problems() == []
        assert m == ArgumentMap()


class TestBuilder:
    def test_statements_and_relations(self, m):
        assert [s.id for s in m] == ["thesis", "tashkent", "rift", "gaps"]
        assert [(r.from_, r.kind, r.to) for r in m.relations()] == [
            ("tashkent", "supports", "thesis"),
            ("rift", "objects", "thesis"),
            ("gaps", "rebuts", "rift"),
        ]

    def test_auto_ids_are_unique_slugs(self):
        m = ArgumentMap()
        a = m.claim("Taxes are too high!")
        b = m.claim("Taxes are too high!")
        assert (a.id, b.id) == ("taxes-are-too-high", "taxes-are-too-high-2")

    def test_rebuttal_against_claim_raises_and_leaves_map_unchanged(self, m):
        before = m.copy()
        with pytest.raises(RuleError, match="rebuts must point to an objection") as info:
            m.rebuttal("Nope.", id="bad", against="thesis")
        assert "bad" in str(info.value) and "thesis" in str(info.value)
        assert m == before and "bad" not in m

    def test_claim_cannot_be_against(self, m):
        with pytest.raises(RuleError, match="contradicts"):
            m.claim("X.", against="thesis")

    def test_duplicate_id(self, m):
        with pytest.raises(DuplicateIdError, match="'thesis'"):
            m.claim("Again.", id="thesis")

    def test_unknown_target_suggests(self, m):
        with pytest.raises(UnknownIdError, match="did you mean 'thesis'"):
            m.objection("X.", against="thesys")

    def test_unknown_actor(self, m):
        with pytest.raises(UnknownIdError, match="unknown actor 'bebe'.*did you mean 'beebe'"):
            m.claim("X.", by="bebe")

    def test_duplicate_relation(self, m):
        with pytest.raises(DuplicateIdError, match="given twice"):
            m.relate("tashkent", "thesis", "supports")

    def test_contradicts_is_symmetric_for_duplicates(self, m):
        m.relate("thesis", "tashkent", "contradicts")
        with pytest.raises(DuplicateIdError):
            m.relate("tashkent", "thesis", "contradicts")

    def test_undercut_gives_target_an_id(self, m):
        rel = m.relations("objects")[0]
        u = m.rebuttal("The split does not bear on the office.", id="irrelevant", against=rel)
        objects = m.relations("objects")[0]
        assert objects.id == "rift-objects-thesis"
        assert m.relations("undercuts")[0].to == objects.id
        assert m.targets(u) == [objects]
        assert [s.id for s in m.attackers(objects.id)] == ["irrelevant"]

    def test_undercut_of_contradicts_is_refused(self, m):
        r = m.relate("thesis", "tashkent", "contradicts", id="c1")
        with pytest.raises(RuleError, match="undercuts"):
            m.objection("X.", against=r)

    def test_counter_rebuttal_chain_any_depth(self):
        m = ArgumentMap()
        prev = m.claim("Thesis.", id="t")
        for depth in range(8):
            if depth % 2 == 0:
                prev = m.objection(f"O{depth}.", id=f"o{depth}", against=prev)
            else:
                prev = m.rebuttal(f"R{depth}.", id=f"r{depth}", against=prev)
        assert len(m.relations()) == 8
        m.validate()


class TestQueries:
    def test_get_and_suggestion(self, m):
        assert m["rift"].by == "beebe"
        with pytest.raises(UnknownIdError, match="did you mean 'rift'"):
            m.get("rif")
        with pytest.raises(KeyError):  # the builtin too
            m["nope"]

    def test_by_kind_and_actor(self, m):
        assert [s.id for s in m.statements("objection")] == ["rift"]
        assert [s.id for s in m.statements(by="author")] == ["thesis", "gaps"]
        with pytest.raises(ValueError, match="unknown kind"):
            m.statements("opinion")

    def test_attackers_supporters_targets(self, m):
        assert [s.id for s in m.attackers("thesis")] == ["rift"]
        assert [s.id for s in m.supporters("thesis")] == ["tashkent"]
        assert [s.id for s in m.targets("gaps")] == ["rift"]

    def test_contradicts_both_ways(self, m):
        m.relate("tashkent", "gaps", "contradicts")
        assert [s.id for s in m.attackers("tashkent")] == ["gaps"]
        assert [s.id for s in m.attackers("gaps")] == ["tashkent"]

    def test_roots_and_theses(self, m):
        assert [s.id for s in m.roots()] == ["thesis"]
        assert [s.id for s in m.theses()] == ["thesis"]

    def test_concession_is_neither_attack_nor_support(self, m):
        m.claim("Granted, part of it.", id="grant", concedes="rift", qualifier="probably")
        assert m["grant"].qualifier == "probably"
        assert [(r.from_, r.kind, r.to) for r in m.relations("concedes")] == [
            ("grant", "concedes", "rift")
        ]
        assert [s.id for s in m.concessions("rift")] == ["grant"]
        assert [s.id for s in m.attackers("rift")] == ["gaps"]
        assert m.supporters("rift") == [] and m.targets("grant") == []
        assert "grant" in [s.id for s in m.roots()]
        assert not m.relations("concedes")[0].is_attack

    def test_concedes_cannot_be_undercut(self, m):
        m.relate("gaps", "rift", "concedes")
        with pytest.raises(RuleError):
            m.rebuttal("No.", against="gaps>concedes>rift")

    def test_to_networkx_is_plain(self, m):
        G = m.to_networkx()
        assert isinstance(G, nx.MultiDiGraph)
        assert G.nodes["rift"]["kind"] == "objection"
        assert nx.is_directed_acyclic_graph(G)
        assert nx.descendants(G, "gaps") == {"rift", "thesis"}

    def test_to_networkx_undercut_edge(self, m):
        rel = m.relations("objects")[0]
        m.rebuttal("Irrelevant.", id="irr", against=rel)
        G = m.to_networkx()
        ((u, v, data),) = [(u, v, d) for u, v, d in G.edges(data=True) if d["kind"] == "undercuts"]
        assert (u, v, data["undercuts"]) == ("irr", "thesis", "rift-objects-thesis")


class TestRemoval:
    def test_remove_refuses_dangling(self, m):
        with pytest.raises(DanglingRelationError, match="rift>objects>thesis"):
            m.remove("rift")
        assert "rift" in m

    def test_remove_cascade(self, m):
        removed = m.remove("rift", cascade=True)
        assert {r.key for r in removed} == {"rift>objects>thesis", "gaps>rebuts>rift"}
        assert "rift" not in m and m.problems() == []

    def test_cascade_removes_undercuts_of_removed_relations(self, m):
        rel = m.relations("objects")[0]
        m.rebuttal("Irrelevant.", id="irr", against=rel)
        m.remove("rift", cascade=True)
        assert m.relations("undercuts") == [] and m.problems() == []

    def test_remove_leaf_and_relation(self, m):
        m.remove(m.relations("rebuts")[0])
        assert m.remove("gaps") == []

    def test_remove_actor(self, m):
        with pytest.raises(DanglingRelationError, match="rift"):
            m.remove_actor("beebe")

    def test_replace_keeps_relations_and_checks_kind(self, m):
        new = m["thesis"].model_copy(update={"text": "Edited."})
        m.replace(new)
        assert m["thesis"].text == "Edited." and len(m.relations()) == 3
        bad = argmap.Objection(id="thesis", text="Now an objection.")
        with pytest.raises(RuleError):
            m.replace(bad)
        assert m["thesis"].kind == "claim"


class TestEqualityAndCopy:
    def test_copy_is_independent(self, m):
        c = m.copy()
        assert c == m
        c.claim("More.", id="more")
        assert c != m and "more" not in m

    def test_order_of_statements_does_not_matter(self):
        a, b = ArgumentMap(), ArgumentMap()
        a.claim("X.", id="x"), a.claim("Y.", id="y")
        b.claim("Y.", id="y"), b.claim("X.", id="x")
        assert a == b

    def test_repr(self, m):
        assert repr(m) == "<ArgumentMap 'Office': 4 statements, 3 relations, 2 actors>"


class TestValidate:
    def test_reports_every_problem(self):
        doc = argmap.MapDocument(
            statements=(
                argmap.Claim(id="c", text="C.", by="ghost"),
                argmap.Rebuttal(id="r", text="R."),
            ),
            relations=(
                argmap.Relation(from_="r", to="c", kind="rebuts"),
                argmap.Relation(from_="c", to="missing", kind="supports"),
            ),
        )
        m = ArgumentMap.from_document(doc, validate=False)
        problems = m.problems()
        assert len(problems) == 3
        assert any("ghost" in p for p in problems)
        assert any("rebuts must point to an objection" in p for p in problems)
        assert any("'missing'" in p for p in problems)
        with pytest.raises(MapValidationError) as info:
            m.validate()
        assert len(info.value.problems) == 3
        with pytest.raises(MapValidationError):
            ArgumentMap.from_document(doc)
