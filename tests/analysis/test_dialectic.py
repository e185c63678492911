"""Tests for argmap.analysis.dialectic: unanswered objections, to any depth, with cycles."""

import networkx as nx
import pytest
from hypothesis import given, settings

from argmap import ArgumentMap, find_unanswered_objections, grounded_labels, objection_statuses
from strategies import maps


def ids(objs):
    return [o.id for o in objs]


def chain(depth):
    """thesis <- o1 <- r2 <- o3 <- r4 ... (``depth`` attackers)."""
    m = ArgumentMap()
    prev = m.claim("Thesis.", id="t")
    for d in range(1, depth + 1):
        kind = "objection" if d % 2 else "rebuttal"
        prev = m.statement(kind, f"Step {d}.", id=f"{kind[0]}{d}", against=prev)
    return m


class TestGroundedLabels:
    def test_empty(self):
        assert grounded_labels([], []) == {}

    def test_unattacked_is_in(self):
        assert grounded_labels(["a"], []) == {"a": "in"}

    def test_self_attack_is_undecided(self):
        assert grounded_labels(["a", "b"], [("a", "a"), ("a", "b")]) == {
            "a": "undec",
            "b": "undec",
        }

    def test_even_cycle_and_odd_cycle(self):
        assert set(grounded_labels("ab", [("a", "b"), ("b", "a")]).values()) == {"undec"}
        odd = grounded_labels("abc", [("a", "b"), ("b", "c"), ("c", "a")])
        assert set(odd.values()) == {"undec"}

    def test_reinstatement(self):
        labels = grounded_labels("abc", [("a", "b"), ("b", "c")])
        assert labels == {"a": "in", "b": "out", "c": "in"}

    def test_long_chain_no_recursion_limit(self):
        n = 50_000
        args = [str(i) for i in range(n)]
        labels = grounded_labels(args, [(str(i + 1), str(i)) for i in range(n - 1)])
        assert labels["0"] == ("in" if (n - 1) % 2 == 0 else "out")


class TestUnanswered:
    def test_empty_map(self):
        assert find_unanswered_objections(ArgumentMap()) == []

    def test_objection_alone(self):
        assert ids(find_unanswered_objections(chain(1))) == ["o1"]

    @pytest.mark.parametrize("depth", [2, 3, 4, 5, 6, 9])
    def test_chains(self, depth):
        # the last step stands; it defeats the one before, which reinstates the one before that
        m = chain(depth)
        expected = [f"o{d}" for d in range(1, depth + 1, 2) if (depth - d) % 2 == 0]
        assert ids(find_unanswered_objections(m)) == expected

    def test_defeated_rebuttal_does_not_answer(self):
        m = chain(3)  # t <- o1 <- r2 <- o3
        st = {s.objection.id: s for s in objection_statuses(m)}
        assert st["o1"].reason == "answers-defeated" and st["o1"].answers == ("r2",)
        assert st["o3"].reason == "no-answer"

    def test_one_standing_rebuttal_is_enough(self):
        m = chain(3)
        m.rebuttal("Another answer.", id="r-extra", against="o1")
        assert ids(find_unanswered_objections(m)) == ["o3"]
        st = {s.objection.id: s for s in objection_statuses(m)}
        assert st["o1"].answered_by == ("r-extra",)

    def test_objection_to_rebuttal_answered_in_turn(self):
        m = chain(4)  # t <- o1 <- r2 <- o3 <- r4
        assert ids(find_unanswered_objections(m)) == []

    def test_cycle_gets_sceptical_answer(self):
        m = ArgumentMap()
        t = m.claim("T.", id="t")
        o = m.objection("O.", id="o", against=t)
        r = m.rebuttal("R.", id="r", against=o)
        m.relate(o, r, "objects")  # o and r attack each other: an even cycle
        (st,) = objection_statuses(m)
        assert (st.answered, st.reason) == (False, "undecided")

    def test_contradiction_cycle_broken_from_outside(self):
        m = ArgumentMap()
        t = m.claim("T.", id="t")
        o = m.objection("O.", id="o", against=t)
        r = m.rebuttal("R.", id="r", against=o)
        m.relate(o, r, "objects")
        m.rebuttal("R2.", id="r2", against=o)  # an unattacked rebuttal breaks the cycle
        assert find_unanswered_objections(m) == []

    def test_odd_cycle_terminates(self):
        m = ArgumentMap()
        t = m.claim("T.", id="t")
        o1 = m.objection("O1.", id="o1", against=t)
        r1 = m.rebuttal("R1.", id="r1", against=o1)
        o2 = m.objection("O2.", id="o2", against=r1)
        r2 = m.rebuttal("R2.", id="r2", against=o2)
        m.relate(r2, "o1", "rebuts")
        m.relate(o1, r2, "objects")
        m.relate("o2", "t", "objects")
        assert {s.reason for s in objection_statuses(m) if not s.answered} <= {
            "undecided",
            "answers-defeated",
        }

    def test_undercut_answers_an_objection(self):
        m = ArgumentMap()
        t = m.claim("T.", id="t")
        o = m.objection("O.", id="o", against=t)
        m.rebuttal("O does not bear on T.", id="u", against=m.relations()[0])
        (st,) = objection_statuses(m)
        assert (st.answered, st.reason, st.answered_by) == (True, "undercut", ("u",))
        assert o.id not in ids(find_unanswered_objections(m))

    def test_defeated_undercut_does_not_answer(self):
        m = ArgumentMap()
        t = m.claim("T.", id="t")
        m.objection("O.", id="o", against=t)
        u = m.rebuttal("U.", id="u", against=m.relations()[0])
        m.objection("U is wrong.", id="o2", against=u)
        assert ids(find_unanswered_objections(m)) == ["o", "o2"]

    def test_undercut_of_an_undercut(self):
        m = ArgumentMap()
        t = m.claim("T.", id="t")
        m.objection("O.", id="o", against=t)
        m.rebuttal("U.", id="u", against=m.relations()[0])
        m.objection("U's inference fails.", id="uu", against=m.relations("undercuts")[0])
        # uu undercuts u's undercut, so o's attack stands again
        assert ids(find_unanswered_objections(m)) == ["o", "uu"]

    def test_objection_with_two_targets_needs_both_undercut(self):
        m = ArgumentMap()
        a, b = m.claim("A.", id="a"), m.claim("B.", id="b")
        m.objection("O.", id="o", against=[a, b])
        m.rebuttal("Not about A.", id="u", against=m.relations()[0])
        assert ids(find_unanswered_objections(m)) == ["o"]

    def test_method_on_map(self):
        assert ids(chain(1).unanswered_objections()) == ["o1"]


@settings(max_examples=150, deadline=None)
@given(maps(rich=False))
def test_answered_iff_out_or_attacks_undercut(m):
    """The stated relation to grounded semantics, on generated maps."""
    from argmap import bipolar_framework

    baf = bipolar_framework(m)
    labels = grounded_labels(baf.arguments, baf.attacks)
    unanswered = set(ids(find_unanswered_objections(m)))
    for o in m.statements("objection"):
        attacks = [r for r in m.relations_from(o.id) if r.is_attack]
        neutralised = bool(attacks) and all(labels.get(r.key) == "out" for r in attacks)
        assert (o.id not in unanswered) == (labels[o.id] == "out" or neutralised)


@settings(max_examples=100, deadline=None)
@given(maps(rich=False, undercuts=False))
def test_grounded_is_a_fixpoint(m):
    """Without undercuts: in = all attackers out; out = some attacker in."""
    G = nx.DiGraph()
    for s in m.statements():
        G.add_node(s.id)
    for r in m.relations():
        if r.kind in ("objects", "rebuts"):
            G.add_edge(r.from_, r.to)
        elif r.kind == "contradicts":
            G.add_edge(r.from_, r.to)
            G.add_edge(r.to, r.from_)
    labels = grounded_labels(G.nodes, G.edges)
    for v in G:
        attackers = [labels[u] for u in G.predecessors(v)]
        if labels[v] == "in":
            assert all(a == "out" for a in attackers)
        elif labels[v] == "out":
            assert "in" in attackers
        else:
            assert "in" not in attackers and "undec" in attackers
