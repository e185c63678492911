"""Tests for argmap.analysis.status: labels under each semantics, and explanations."""

from __future__ import annotations

import json
from itertools import combinations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import argmap
from argmap.analysis.dialectic import grounded_labels, objection_statuses
from argmap.analysis.framework import ArgumentationFramework
from argmap.analysis.semantics import UnknownSemanticsError
from argmap.analysis.status import (
    TooManyExtensionsError,
    explain,
    label_framework,
    statuses,
)
from argmap.analysis.translate import translate
from strategies import maps

# -- a brute-force oracle over all subsets -------------------------------------------------


def _oracle_extensions(names, attacks, semantics):
    att = set(attacks)
    names = list(names)

    def attacked(s):
        return {b for a, b in att if a in s}

    def conflict_free(s):
        return not any((a, b) in att for a in s for b in s)

    def defends(s, x):
        hit = attacked(s)
        return all(a in hit for a, b in att if b == x)

    subsets = [frozenset(c) for k in range(len(names) + 1) for c in combinations(names, k)]
    cf = [s for s in subsets if conflict_free(s)]
    complete = [s for s in cf if all(defends(s, x) == (x in s) for x in names)]
    if semantics == "complete":
        return complete
    if semantics == "grounded":
        return [min(complete, key=len)]
    if semantics == "preferred":
        return [s for s in complete if not any(s < t for t in complete)]
    if semantics == "stable":
        return [s for s in cf if attacked(s) | s == set(names)]
    if semantics == "semi-stable":
        rng = {s: attacked(s) | s for s in complete}
        return [s for s in complete if not any(rng[s] < rng[t] for t in complete)]
    raise AssertionError(semantics)


def _oracle_labels(names, attacks, semantics):
    exts = _oracle_extensions(names, attacks, semantics)
    if not exts:
        return dict.fromkeys(names, "undec")
    att = set(attacks)
    inter = frozenset.intersection(*exts)
    beaten = [{b for a, b in att if a in e} for e in exts]
    out = set.intersection(*beaten)
    return {x: "in" if x in inter else "out" if x in out else "undec" for x in names}


frameworks = st.integers(0, 7).flatmap(
    lambda n: st.tuples(
        st.just([f"a{i}" for i in range(n)]),
        st.lists(st.tuples(st.integers(0, max(n - 1, 0)), st.integers(0, max(n - 1, 0))))
        if n
        else st.just([]),
    )
)


class TestLabelFramework:
    def test_empty(self):
        af = ArgumentationFramework.from_edges([], [])
        for sem in ("grounded", "complete", "preferred", "stable", "semi-stable", "ideal"):
            assert label_framework(af, sem).labels == {}

    def test_unknown_semantics(self):
        af = ArgumentationFramework.from_edges("a", [])
        with pytest.raises(UnknownSemanticsError, match="grounded"):
            label_framework(af, "naive-ish")

    def test_iccma_codes(self):
        af = ArgumentationFramework.from_edges("ab", [("a", "b")])
        assert label_framework(af, "PR").semantics == "preferred"
        assert label_framework(af, "PR").labels == {"a": "in", "b": "out"}

    def test_odd_cycle_has_no_stable_extension(self):
        af = ArgumentationFramework.from_edges("abc", [("a", "b"), ("b", "c"), ("c", "a")])
        lab = label_framework(af, "stable")
        assert lab.count == 0 and lab.credulous() == frozenset()
        assert set(lab.labels.values()) == {"undec"}

    def test_self_attack(self):
        af = ArgumentationFramework.from_edges("ab", [("a", "a"), ("a", "b")])
        for sem in ("grounded", "preferred", "semi-stable"):
            assert label_framework(af, sem).labels == {"a": "undec", "b": "undec"}

    def test_out_means_attacked_by_every_extension(self):
        # a <-> b, both attack c: c is out in every preferred extension, yet no
        # attacker of c is sceptically accepted
        af = ArgumentationFramework.from_edges(
            "abc", [("a", "b"), ("b", "a"), ("a", "c"), ("b", "c")]
        )
        lab = label_framework(af, "preferred")
        assert lab.labels == {"a": "undec", "b": "undec", "c": "out"}
        assert lab.count == 2
        assert lab.credulous() == {"a", "b"}

    def test_too_many_extensions(self):
        # one connected part with 4 preferred extensions: two 2-cycles joined by c -> e <- a
        pairs = [("a", "b"), ("b", "a"), ("c", "d"), ("d", "c"), ("a", "e"), ("c", "e")]
        af = ArgumentationFramework.from_edges("abcde", pairs)
        full = label_framework(af, "preferred", max_extensions=4)
        assert full.count == 4
        # beyond the limit, preferred and stable are labelled by acceptance queries
        queried = label_framework(af, "preferred", max_extensions=3)
        assert queried.count is None
        assert queried.labels == full.labels
        assert queried.credulous() == full.credulous()
        with pytest.raises(TooManyExtensionsError, match="more than 3 semi-stable"):
            label_framework(af, "semi-stable", max_extensions=3)
        # 0 means "query every part"; below that there is nothing to mean
        assert label_framework(af, "stable", max_extensions=0).labels == full.labels
        with pytest.raises(ValueError, match="max_extensions must be 0 or more, got -1"):
            label_framework(af, "preferred", max_extensions=-1)

    @settings(max_examples=150, deadline=None)
    @given(frameworks, st.sampled_from(["preferred", "stable"]))
    def test_acceptance_queries_agree_with_brute_force(self, fw, semantics):
        names, idx = fw
        attacks = [(names[i], names[j]) for i, j in idx]
        af = ArgumentationFramework.from_edges(names, attacks)
        lab = label_framework(af, semantics, max_extensions=1)
        assert lab.labels == _oracle_labels(names, attacks, semantics)
        exts = _oracle_extensions(names, attacks, semantics)
        assert lab.credulous() == frozenset().union(*exts)

    def test_independent_parts_are_enumerated_apart(self):
        # 30 independent 2-cycles: 2^30 preferred extensions, 2 per part
        names = [f"{p}{i}" for i in range(30) for p in "ab"]
        pairs = [(f"{x}{i}", f"{y}{i}") for i in range(30) for x, y in ("ab", "ba")]
        af = ArgumentationFramework.from_edges(names, pairs)
        lab = label_framework(af, "preferred", max_extensions=2)
        assert lab.count == 2**30
        assert set(lab.labels.values()) == {"undec"} and lab.credulous() == set(names)
        stable = label_framework(af, "stable", max_extensions=2)
        assert stable.count == 2**30
        # one odd cycle anywhere: no stable extension of the whole
        odd = ArgumentationFramework.from_edges(
            [*names, "x", "y", "z"], [*pairs, ("x", "y"), ("y", "z"), ("z", "x")]
        )
        assert label_framework(odd, "stable").count == 0
        assert label_framework(odd, "preferred").count == 2**30

    def test_complete_is_the_grounded_labelling(self):
        af = ArgumentationFramework.from_edges("abc", [("a", "b"), ("b", "a"), ("c", "c")])
        assert label_framework(af, "complete").labels == label_framework(af).labels
        assert label_framework(af, "complete").count is None

    def test_ideal(self):
        # 1 <-> 2, both attack 3, 3 <-> 4: ideal {4}, grounded empty
        af = ArgumentationFramework.from_edges(
            "1234", [("1", "2"), ("2", "1"), ("1", "3"), ("2", "3"), ("3", "4"), ("4", "3")]
        )
        assert label_framework(af, "ideal").labels == {
            "1": "undec",
            "2": "undec",
            "3": "out",
            "4": "in",
        }

    @settings(max_examples=300, deadline=None)
    @given(frameworks, st.sampled_from(["grounded", "preferred", "stable", "semi-stable"]))
    def test_agrees_with_brute_force(self, fw, semantics):
        names, idx = fw
        attacks = [(names[i], names[j]) for i, j in idx]
        af = ArgumentationFramework.from_edges(names, attacks)
        assert label_framework(af, semantics).labels == _oracle_labels(names, attacks, semantics)

    @settings(max_examples=100, deadline=None)
    @given(frameworks)
    def test_complete_sceptical_labels_are_grounded(self, fw):
        names, idx = fw
        attacks = [(names[i], names[j]) for i, j in idx]
        af = ArgumentationFramework.from_edges(names, attacks)
        # the definition applied to all complete extensions gives the grounded labels
        assert label_framework(af, "complete").labels == _oracle_labels(names, attacks, "complete")


class TestStatuses:
    def test_empty_map(self):
        assert statuses(argmap.ArgumentMap()) == {}
        assert argmap.ArgumentMap().status("preferred") == {}

    def test_rebutted_objection(self):
        m = argmap.ArgumentMap()
        c = m.claim("C.", id="c")
        o = m.objection("O.", id="o", against=c)
        m.rebuttal("R.", id="r", against=o)
        assert statuses(m) == {"c": "in", "o": "out", "r": "in"}
        assert m.status() == statuses(m)
        assert m.status("stable") == statuses(m)

    def test_meta_arguments_are_left_out(self):
        m = argmap.ArgumentMap()
        c = m.claim("C.", id="c")
        m.objection("O.", id="o", against=c)
        m.rebuttal("U.", id="u", against=m.relations()[0])
        assert statuses(m) == {"c": "in", "o": "in", "u": "in"}

    def test_contradiction_is_undecided_sceptically(self):
        m = argmap.ArgumentMap()
        m.claim("A.", id="a")
        m.claim("B.", id="b")
        m.relate("a", "b", "contradicts")
        for sem in ("grounded", "preferred", "stable"):
            assert statuses(m, sem) == {"a": "undec", "b": "undec"}

    def test_support_interpretation_changes_statuses(self):
        m = argmap.ArgumentMap()
        c = m.claim("C.", id="c")
        m.evidence("E.", id="e", supports=c)
        m.objection("O.", id="o", against=c)
        assert statuses(m)["e"] == "in"
        assert statuses(m, support="deductive")["e"] == "out"  # mediated attack o -> e
        assert statuses(m, support="necessary")["e"] == "in"
        assert m.status(support="deductive") == statuses(m, support="deductive")


class TestDialecticAgreement:
    """The unanswered-objections check agrees with the grounded labelling."""

    @settings(max_examples=80, deadline=None)
    @given(maps(max_statements=10, rich=False))
    def test_answered_iff_out_or_all_attacks_out(self, m):
        t = translate(m)
        labels = label_framework(t.framework, "grounded").labels
        for st_ in objection_statuses(m):
            o = st_.objection
            attacks = [r for r in m.relations_from(o.id) if r.is_attack]
            expected = labels[o.id] == "out" or (
                bool(attacks) and all(labels.get(r.key) == "out" for r in attacks)
            )
            assert st_.answered == expected, o.id

    @settings(max_examples=50, deadline=None)
    @given(maps(max_statements=10, rich=False))
    def test_dialectic_grounded_labels_is_the_one_implementation(self, m):
        baf = argmap.bipolar_framework(m)
        assert (
            grounded_labels(baf.arguments, baf.attacks)
            == label_framework(translate(m).framework).labels
        )

    def test_grounded_labels_rejects_unknown_argument(self):
        with pytest.raises(argmap.UnknownIdError):
            grounded_labels("ab", [("a", "z")])


class TestExplain:
    @pytest.fixture
    def m(self):
        m = argmap.ArgumentMap()
        m.actor("bo", "Bo")
        c = m.claim("Tax sugar.", id="tax")
        o = m.objection("It hurts the poor.", id="regressive", against=c, by="bo")
        m.rebuttal("Revenue funds health care.", id="revenue", against=o)
        m.objection("Nobody cares.", id="apathy", against=c)
        return m

    def test_out_names_the_accepted_attacker(self, m):
        e = explain(m, "tax")
        assert (e.label, e.reason) == ("out", "defeated")
        assert [s.attacker for s in e.attacks] == ["apathy"]
        assert e.attacks[0].explanation.reason == "unattacked"
        assert "defeated by an accepted attacker" in str(e)
        assert "apathy (objection) is IN: nothing attacks it." in e.text()

    def test_in_shows_defenders_for_each_attacker(self):
        m = argmap.ArgumentMap()
        c = m.claim("C.", id="c")
        o1 = m.objection("O1.", id="o1", against=c)
        o2 = m.objection("O2.", id="o2", against=c)
        m.rebuttal("R1.", id="r1", against=o1)
        m.rebuttal("R2.", id="r2", against=o2)
        e = explain(m, "c")
        assert (e.label, e.reason) == ("in", "defended")
        assert [(s.attacker, [d.argument for d in s.defeated_by]) for s in e.attacks] == [
            ("o1", ["r1"]),
            ("o2", ["r2"]),
        ]
        text = e.text()
        assert "- o1 attacks it; defeated by:" in text and "r2 (rebuttal) is IN" in text

    def test_recursion_is_bounded_by_depth(self):
        m = argmap.ArgumentMap()
        prev = m.claim("C.", id="s0")
        for i in range(1, 8):
            kind = "objection" if i % 2 else "rebuttal"
            prev = m.statement(kind, f"S{i}.", id=f"s{i}", against=prev)
        e = explain(m, "s0", depth=2)
        node, levels = e, 0
        while node.attacks:
            step = node.attacks[0]
            node = step.defeated_by[0] if step.defeated_by else step.explanation
            levels += 1
        assert node.reason == "cut-off"
        assert levels == 3
        assert "cut off" in e.text()

    def test_self_defence_is_marked_repeated(self):
        m = argmap.ArgumentMap()
        m.claim("A.", id="a")
        m.claim("B.", id="b")
        m.relate("a", "b", "contradicts")
        m.objection("X.", id="x", against="b")
        e = explain(m, "a")
        assert e.label == "in"
        (step,) = e.attacks
        assert step.attacker == "b"
        assert [d.argument for d in step.defeated_by] == ["a", "x"]
        assert step.defeated_by[0].reason == "repeated"

    def test_undecided(self):
        m = argmap.ArgumentMap()
        m.claim("A.", id="a")
        m.claim("B.", id="b")
        m.relate("a", "b", "contradicts")
        e = explain(m, "a")
        assert (e.label, e.reason, e.credulous) == ("undec", "undecided", None)
        assert [(s.attacker, s.label) for s in e.attacks] == [("b", "undec")]
        p = explain(m, "a", semantics="preferred")
        assert p.credulous is True
        assert "accepted in some extensions, not in all" in p.text()

    def test_out_in_every_extension_without_a_sceptical_attacker(self):
        m = argmap.ArgumentMap()
        c = m.claim("C.", id="c")
        m.objection("O1.", id="o1", against=c)
        m.objection("O2.", id="o2", against=c)
        m.relate("o1", "o2", "contradicts")
        e = explain(m, "c", semantics="preferred")
        assert (e.label, e.reason) == ("out", "defeated")
        assert sorted(s.attacker for s in e.attacks) == ["o1", "o2"]
        assert "every extension accepts one of its attackers" in e.text()

    def test_labelled_by_queries_still_names_the_attackers(self):
        # one part with 2 preferred extensions > max_extensions: labels come from SAT queries
        m = argmap.ArgumentMap()
        c = m.claim("C.", id="c")
        m.objection("O1.", id="o1", against=c)
        m.objection("O2.", id="o2", against=c)
        m.relate("o1", "o2", "contradicts")
        e = explain(m, "c", semantics="preferred", max_extensions=1)
        assert (e.label, e.reason) == ("out", "defeated")
        assert sorted(s.attacker for s in e.attacks) == ["o1", "o2"]
        assert "every extension accepts one of its attackers: o1, o2." in e.text()
        o1 = explain(m, "o1", semantics="preferred", max_extensions=1)
        assert (o1.label, o1.credulous) == ("undec", True)

    def test_induced_attack_says_where_it_comes_from(self):
        m = argmap.ArgumentMap()
        c = m.claim("C.", id="c")
        m.evidence("E.", id="e", supports=c)
        m.objection("O.", id="o", against=c)
        e = explain(m, "e", support="deductive")
        assert e.label == "out"
        assert e.attacks[0].via == ("o", "c")
        assert "induced by the attack of o on c through supports" in e.text()
        assert "(deductive support)" in e.text()

    def test_meta_arguments_are_described(self):
        m = argmap.ArgumentMap()
        c = m.claim("C.", id="c")
        m.objection("O.", id="o", against=c)
        m.rebuttal("U.", id="u", against=m.relations()[0])
        key = m.relations()[0].key
        e = explain(m, key)
        assert e.label == "out"
        assert e.title == f"{key} (relation: o objects c)"
        assert explain(m, "~" + key).title.startswith(f"~{key} (the source o of relation")
        c_why = explain(m, "c")  # the attack is undercut: c is defended by u
        assert c_why.reason == "defended"
        assert [(s.attacker, [d.argument for d in s.defeated_by]) for s in c_why.attacks] == [
            (key, ["u"])
        ]

    def test_to_dict_is_json(self, m):
        data = explain(m, "tax", semantics="preferred").to_dict()
        assert json.loads(json.dumps(data)) == data
        assert data["argument"] == "tax" and data["semantics"] == "preferred"
        assert data["attacks"][0]["explanation"]["reason"] == "unattacked"

    def test_unknown_id(self, m):
        with pytest.raises(argmap.UnknownIdError, match="'nope'"):
            explain(m, "nope")

    @settings(max_examples=30, deadline=None)
    @given(maps(max_statements=8, rich=False))
    def test_explanations_are_consistent_with_labels(self, m):
        labels = statuses(m)
        for sid, label in labels.items():
            e = explain(m, sid, depth=1)
            assert e.label == label
            if label == "out":
                assert e.attacks and all(s.label == "in" for s in e.attacks)
            if label == "in":
                assert all(s.label == "out" and s.defeated_by for s in e.attacks)
