"""What-if analysis and load-bearing statements, checked against a brute-force recomputation.

The brute force builds the defeat into a real copy of the map: a fresh statement that
attacks the defeated statement (an objection, or a rebuttal for an objection) or
undercuts the defeated relation, and that nothing attacks; then it labels that map with
the public :func:`argmap.statuses` and :func:`argmap.objection_statuses`. The maps come
from a seeded generator (every single defeat of every generated map, up to 30 statements).
"""

from __future__ import annotations

import itertools
import random

import pytest

import argmap
from argmap import ArgumentMap, RuleError, UnknownIdError
from argmap.analysis.whatif import (
    MAX_K,
    LoadBearingTimeoutError,
    WhatIfError,
    load_bearing,
    verdict,
    what_if,
)

KINDS = ("claim", "objection", "rebuttal", "evidence")
DEFEATABLE = ("supports", "objects", "rebuts", "undercuts")


def random_map(seed: int, n: int) -> ArgumentMap:
    """A rule-abiding map of ``n`` statements with supports, attacks, undercuts and cycles."""
    rng = random.Random(seed)
    m = ArgumentMap(title=f"random {seed}")
    ids: list[str] = []
    for i in range(n):
        kind = "claim" if i == 0 else rng.choice(KINDS)
        sid = f"s{i}"
        m.statement(kind, f"Statement {i}.", id=sid)
        ids.append(sid)
    for _ in range(rng.randint(n, 2 * n)):
        a, b = rng.choice(ids), rng.choice(ids)
        if a == b:
            continue
        ka, kb = m.get(a).kind, m.get(b).kind
        if ka == "objection" and kb != "objection":
            kind = "objects"
        elif ka == "rebuttal" and kb == "objection":
            kind = "rebuts"
        else:
            kind = rng.choice(("supports", "supports", "contradicts", "concedes"))
        try:
            m.relate(a, b, kind)
        except (RuleError, argmap.DuplicateIdError):
            pass
    for _ in range(rng.randint(0, max(1, n // 5))):  # undercuts
        rels = [r for r in m.relations() if r.kind in DEFEATABLE]
        cutters = [s.id for s in m.statements() if s.kind in ("objection", "rebuttal")]
        if not rels or not cutters:
            break
        try:
            m.relate(rng.choice(cutters), rng.choice(rels), "undercuts")
        except (RuleError, argmap.DuplicateIdError):
            pass
    return m


def brute_defeat(m: ArgumentMap, key: str) -> ArgumentMap:
    """A copy of ``m`` with a fresh, unattacked statement attacking ``key``."""
    m2 = m.copy()
    fresh = "zz-defeater"
    if key in m:
        if m.get(key).kind == "objection":
            m2.rebuttal("Defeats it.", id=fresh, against=key)
        else:
            m2.objection("Defeats it.", id=fresh, against=key)
    else:
        m2.objection("Defeats it.", id=fresh, against=m2.relation(key))
    return m2


def brute_defeat_many(m: ArgumentMap, keys) -> ArgumentMap:
    m2 = m.copy()
    for i, key in enumerate(keys):
        kind = "rebuttal" if m.get(key).kind == "objection" else "objection"
        m2.statement(kind, "Defeats it.", id=f"zz-defeater-{i}", against=key)
    return m2


MAPS = [(seed, n) for seed, n in enumerate([1, 2, 3, 5, 8, 10, 12, 15, 20, 25, 30, 30])]
READINGS = [
    ("grounded", "ignored"),
    ("grounded", "deductive"),
    ("grounded", "necessary"),
    ("preferred", "ignored"),
]


class TestWhatIfAgainstBruteForce:
    @pytest.mark.parametrize("seed,n", MAPS)
    @pytest.mark.parametrize("semantics,support", READINGS)
    def test_every_single_statement_defeat(self, seed, n, semantics, support):
        m = random_map(seed, n)
        before = argmap.statuses(m, semantics, support=support)
        for s in m.statements():
            w = what_if(m, defeat=[s.id], semantics=semantics, support=support)
            brute = argmap.statuses(brute_defeat(m, s.id), semantics, support=support)
            expected = {k: brute[k] for k in before}
            assert w.before == before
            assert w.after == expected, s.id
            assert {c.id for c in w.changes} == {k for k in before if before[k] != expected[k]}
            assert w.after[s.id] == "out"

    @pytest.mark.parametrize("seed,n", MAPS)
    def test_every_relation_defeat(self, seed, n):
        m = random_map(seed, n)
        for r in m.relations():
            if r.kind not in DEFEATABLE:
                continue
            w = what_if(m, defeat=r.key)
            brute = argmap.statuses(brute_defeat(m, r.key))
            assert w.after == {k: brute[k] for k in w.before}, r.key

    @pytest.mark.parametrize("seed,n", MAPS)
    def test_objection_statuses(self, seed, n):
        m = random_map(seed, n)
        before = {st.objection.id: st for st in argmap.objection_statuses(m)}
        for s in m.statements():
            w = what_if(m, defeat=s.id)
            brute = {st.objection.id: st for st in argmap.objection_statuses(brute_defeat(m, s.id))}
            changed = {o.id: o for o in w.objections}
            for oid, st in before.items():
                after = brute[oid]
                reason = after.reason
                if oid == s.id:  # the brute force's rebuttal stands for the what-if's defeat
                    assert reason == "rebutted"
                    reason = "defeated"
                if (st.answered, st.reason) == (after.answered, reason):
                    assert oid not in changed
                else:
                    c = changed[oid]
                    assert (c.before, c.reason_before) == (st.answered, st.reason)
                    assert (c.after, c.reason_after) == (after.answered, reason)
            expected_unanswered = tuple(
                o for o, st in brute.items() if not st.answered and o in before
            )
            assert w.unanswered_after == expected_unanswered

    @pytest.mark.parametrize("seed,n", MAPS[:8])
    def test_every_removal(self, seed, n):
        m = random_map(seed, n)
        for s in m.statements():
            w = what_if(m, remove=s.id)
            m2 = m.copy()
            m2.remove(s.id, cascade=True)
            assert w.after == dict(argmap.statuses(m2))
            assert s.id not in w.after
            assert any(c.id == s.id and c.after is None for c in w.changes)


class TestLoadBearingAgainstBruteForce:
    @pytest.mark.parametrize("seed,n", MAPS)
    @pytest.mark.parametrize("semantics,support", READINGS)
    def test_singles(self, seed, n, semantics, support):
        m = random_map(seed, n)
        label = argmap.statuses(m, semantics, support=support)
        for t in m.statements("claim"):
            lb = load_bearing(m, t.id, semantics=semantics, support=support)
            assert lb.label == label[t.id]
            statements = [
                s.id
                for s in m.statements()
                if s.id != t.id
                and argmap.statuses(brute_defeat(m, s.id), semantics, support=support)[t.id]
                != label[t.id]
            ]
            relations = [
                r.key
                for r in m.relations()
                if r.kind in DEFEATABLE
                and argmap.statuses(brute_defeat(m, r.key), semantics, support=support)[t.id]
                != label[t.id]
            ]
            assert lb.statements == statements
            assert lb.relations == relations
            assert lb.sets == ()

    @pytest.mark.parametrize("seed,n", [(s, n) for s, n in MAPS if n <= 12])
    @pytest.mark.parametrize("support", ["ignored", "deductive"])
    def test_minimal_sets_up_to_three(self, seed, n, support):
        m = random_map(seed, n)
        label = argmap.statuses(m, support=support)
        for t in m.statements("claim"):
            lb = load_bearing(m, t.id, k=3, support=support)
            others = [s.id for s in m.statements() if s.id != t.id]
            changes = {
                frozenset(c)
                for size in (1, 2, 3)
                for c in itertools.combinations(others, size)
                if argmap.statuses(brute_defeat_many(m, c), support=support)[t.id] != label[t.id]
            }
            minimal = {c for c in changes if not any(o < c for o in changes)}
            assert {frozenset(d.ids) for d in lb.sets} == {c for c in minimal if len(c) > 1}
            assert set(lb.statements) == {next(iter(c)) for c in minimal if len(c) == 1}


@pytest.fixture
def tax() -> ArgumentMap:
    m = ArgumentMap(title="Sugar tax")
    c = m.claim("Tax sugar.", id="tax", tags=["thesis"])
    o = m.objection("It hurts the poor.", id="regressive", against=c)
    m.rebuttal("Revenue funds health care.", id="revenue", against=o)
    m.evidence("Mexico's tax cut consumption.", id="mexico", supports=c)
    m.claim("Sugar is cheap.", id="side")
    m.relate("side", "regressive", "concedes")
    m.objection("Consumers switch brands.", id="switch", against="mexico")
    m.relate("switch", "side", "contradicts")
    return m


class TestWhatIf:
    def test_nothing(self, tax):
        w = what_if(tax)
        assert w.changes == () and w.objections == ()
        assert [(t.id, t.before, t.after, t.verdict) for t in w.theses] == [
            ("tax", "in", "in", "stands")
        ]

    def test_map_unchanged(self, tax):
        copy = tax.copy()
        what_if(tax, defeat=["revenue"], remove=["mexico"], add=[{"id": "x", "kind": "claim",
                "text": "X."}])  # fmt: skip
        assert tax == copy

    def test_defeat_a_rebuttal(self, tax):
        w = tax.what_if(defeat="revenue")
        assert w.flipped == ["tax", "regressive", "revenue"]
        assert w.newly_unanswered == ["regressive"]
        assert w.fallen == ["tax"]
        assert w.theses[0].verdict == "falls"
        d = w.to_dict()
        assert d["theses"] == [{"id": "tax", "before": "in", "after": "out", "verdict": "falls"}]
        assert d["changes"][0] == {"id": "tax", "kind": "claim", "before": "in", "after": "out"}

    def test_defeated_objection_has_reason_defeated(self, tax):
        tax.objection("Nobody asked.", id="nobody", against="tax")
        w = what_if(tax, defeat="nobody")
        (o,) = w.objections
        assert (o.id, o.before, o.after, o.reason_after) == ("nobody", False, True, "defeated")
        assert w.newly_answered == ["nobody"]

    def test_defeat_a_relation(self, tax):
        key = tax.relations_from("revenue")[0].key
        w = what_if(tax, defeat=key)
        assert w.after["revenue"] == "in"  # the statement stands; its attack does not
        assert w.after["regressive"] == "in" and w.after["tax"] == "out"

    def test_add_and_defeat_the_added(self, tax):
        w = what_if(
            tax,
            add=[
                {"id": "counter", "kind": "objection", "text": "Revenue is not earmarked."},
                {"from": "counter", "to": "revenue", "kind": "objects"},
            ],
        )
        assert w.added == ("counter", "counter>objects>revenue")
        assert w.after["tax"] == "out" and w.after["counter"] == "in"
        w2 = what_if(tax, add=[argmap.Objection(id="c2", text="C.")], defeat="c2")
        assert w2.after["c2"] == "out" and w2.defeated == ("c2",)

    def test_support_reading(self, tax):
        # deductive: defeating the thesis also defeats what supports it
        assert what_if(tax, defeat="tax", support="deductive").after["mexico"] == "out"
        assert what_if(tax, defeat="tax").after["mexico"] == argmap.statuses(tax)["mexico"]

    def test_table_and_text(self, tax):
        w = what_if(tax, defeat="revenue")
        t = w.table()
        assert t.columns[:5] == ("id", "kind", "thesis", "before", "after")
        assert [r["id"] for r in t] == ["tax", "regressive", "revenue"]
        assert "thesis tax falls (in -> out)" in str(w)
        assert "newly unanswered: regressive" in str(w)
        assert w._repr_html_().startswith('<div class="argmap-whatif">')

    def test_to_pandas(self, tax):
        pytest.importorskip("pandas")
        df = what_if(tax, defeat="revenue").to_pandas()
        assert list(df.columns) == [
            "kind", "thesis", "before", "after", "answered before", "answered after",
        ]  # fmt: skip
        assert df.index.name == "id"
        assert df.loc["regressive", "answered after"] == False  # noqa: E712
        assert df.loc["tax", "after"] == "out"


class TestWhatIfErrors:
    def test_unknown_id(self, tax):
        with pytest.raises(UnknownIdError, match="cannot defeat 'revenu'.*did you mean 'revenue'"):
            what_if(tax, defeat="revenu")

    def test_unknown_remove(self, tax):
        with pytest.raises(UnknownIdError, match="cannot remove 'nothing'"):
            what_if(tax, remove=["nothing"])

    def test_relation_not_there(self, tax):
        msg = "cannot defeat 'revenue>objects>tax': the map has no relation"
        with pytest.raises(UnknownIdError, match=msg):
            what_if(tax, defeat="revenue>objects>tax")

    def test_contradicts_cannot_be_defeated(self, tax):
        with pytest.raises(WhatIfError, match="symmetric"):
            what_if(tax, defeat="switch>contradicts>side")

    def test_concedes_cannot_be_defeated(self, tax):
        with pytest.raises(WhatIfError, match="concession"):
            what_if(tax, defeat="side>concedes>regressive")

    def test_removed_and_defeated(self, tax):
        with pytest.raises(UnknownIdError, match="removed"):
            what_if(tax, remove="revenue", defeat="revenue")

    def test_bad_add(self, tax):
        with pytest.raises(WhatIfError, match="item 0"):
            what_if(tax, add=[42])
        with pytest.raises(WhatIfError, match="not a valid statement"):
            what_if(tax, add={"id": "x", "kind": "thing", "text": "X."})
        with pytest.raises(RuleError):
            what_if(tax, add={"from": "revenue", "to": "tax", "kind": "rebuts"})

    def test_errors_are_argmap_errors(self, tax):
        with pytest.raises(argmap.ArgmapError):
            what_if(tax, defeat="x>objects>y")

    def test_unknown_semantics(self, tax):
        with pytest.raises(argmap.UnknownSemanticsError):
            what_if(tax, defeat="revenue", semantics="nonsense")


class TestLoadBearing:
    def test_statements_and_relations(self, tax):
        lb = load_bearing(tax, "tax")
        assert lb.label == "in"
        assert lb.statements == ["revenue"]
        assert lb.relations == ["revenue>rebuts>regressive"]
        assert lb.to_dict()["singles"][0] == {"ids": ["revenue"], "kind": "statement",
                                              "after": "out"}  # fmt: skip

    def test_minimal_sets(self):
        m = ArgumentMap()
        c = m.claim("C.", id="c")
        o = m.objection("O.", id="o", against=c)
        m.rebuttal("R1.", id="r1", against=o)
        m.rebuttal("R2.", id="r2", against=o)
        m.rebuttal("R3.", id="r3", against=o)
        assert load_bearing(m, "c", k=2).sets == ()
        lb = load_bearing(m, "c", k=3)
        assert [d.ids for d in lb.sets] == [("r1", "r2", "r3")]
        assert lb.k == 3 and "r1, r2, r3" in str(lb)

    def test_out_thesis_can_come_back(self):
        m = ArgumentMap()
        c = m.claim("C.", id="c")
        m.objection("O.", id="o", against=c)
        lb = load_bearing(m, "c")
        assert lb.label == "out" and lb.statements == ["o"] and lb.singles[0].after == "in"

    def test_irrelevant_statements_are_not_candidates(self, tax):
        # supports ignored: only 'regressive' and 'revenue' have an attack path to 'tax'
        assert load_bearing(tax, "tax").candidates == 2
        # deductive: defeating 'mexico' reaches only what supports it (nothing)
        assert load_bearing(tax, "tax", support="deductive").candidates == 2
        # necessary: defeating 'mexico' reaches 'tax', which 'switch' (and 'side') then attack
        lb = load_bearing(tax, "tax", support="necessary")
        assert lb.candidates == 5 and "mexico" in lb.statements
        assert load_bearing(tax, "tax", semantics="stable").candidates == 5

    def test_table_and_frame(self, tax):
        lb = load_bearing(tax, "tax")
        assert lb.table().columns == ("defeat", "size", "kind", "thesis before", "thesis after")
        pytest.importorskip("pandas")
        df = lb.to_pandas()
        assert list(df["kind"]) == ["statement", "relation"]

    @pytest.mark.parametrize("k", [0, MAX_K + 1, 2.0, True, None])
    def test_k_out_of_bounds(self, tax, k):
        with pytest.raises(WhatIfError, match=f"from 1 to {MAX_K}"):
            load_bearing(tax, "tax", k=k)

    def test_not_a_claim(self, tax):
        msg = "asked of a claim; 'regressive' is of kind 'objection'"
        with pytest.raises(WhatIfError, match=msg):
            load_bearing(tax, "regressive")

    def test_unknown_thesis(self, tax):
        with pytest.raises(UnknownIdError, match="did you mean 'tax'"):
            load_bearing(tax, "taxx")

    def test_timeout(self, tax):
        with pytest.raises(LoadBearingTimeoutError, match="gave up") as info:
            load_bearing(tax, "tax", k=2, timeout=0)
        assert info.value.partial.k == 0 and info.value.partial.singles == ()
        assert isinstance(info.value, argmap.ArgmapError)


def test_verdicts():
    assert [verdict(x) for x in ("in", "out", "undec", None)] == [
        "stands", "falls", "undecided", "removed",
    ]  # fmt: skip
