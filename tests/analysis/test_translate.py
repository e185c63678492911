"""Tests for argmap.analysis.translate: supports turned into attacks."""

from __future__ import annotations

import itertools

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import argmap
from argmap.analysis.translate import (
    UnknownSupportError,
    close_supports,
    format_framework,
    translate,
)
from argmap.formats.iccma import parse_af
from strategies import maps


def _closure_by_rules(attacks, supports, support):
    """The rule-by-rule fixpoint, written independently of the closed form."""
    att = set(attacks)
    while True:
        new = set()
        for a, b in supports:
            for x, y in att:
                if support == "deductive":
                    if y == b:  # mediated: a supports b, x attacks b => x attacks a
                        new.add((x, a))
                    if x == b:  # supported: a supports b, b attacks y => a attacks y
                        new.add((a, y))
                else:
                    if y == a:  # secondary: a supports b, x attacks a => x attacks b
                        new.add((x, b))
                    if x == a:  # extended: a supports b, a attacks y => b attacks y
                        new.add((b, y))
        if new <= att:
            return att
        att |= new


class TestCloseSupports:
    def test_empty(self):
        for support in ("ignored", "deductive", "necessary"):
            assert close_supports([], [], support) == {}

    def test_ignored_drops_supports(self):
        assert set(close_supports([("c", "b")], [("a", "b")], "ignored")) == {("c", "b")}

    def test_mediated_attack(self):
        # Boella et al. 2010: a supports b, c attacks b => c attacks a
        out = close_supports([("c", "b")], [("a", "b")], "deductive")
        assert set(out) == {("c", "b"), ("c", "a")}
        assert out[("c", "a")] == ("c", "b")
        assert out[("c", "b")] is None

    def test_supported_attack(self):
        out = close_supports([("b", "c")], [("a", "b")], "deductive")
        assert set(out) == {("b", "c"), ("a", "c")}

    def test_necessary_secondary_attack(self):
        # Nouioua & Risch 2011: a supports b, c attacks a => c attacks b
        out = close_supports([("c", "a")], [("a", "b")], "necessary")
        assert set(out) == {("c", "a"), ("c", "b")}

    def test_necessary_extended_attack(self):
        out = close_supports([("a", "c")], [("a", "b")], "necessary")
        assert set(out) == {("a", "c"), ("b", "c")}

    def test_chains_to_a_fixpoint(self):
        # a supports b supports c; x attacks c => x attacks b and a (deductive)
        sup = [("a", "b"), ("b", "c")]
        assert set(close_supports([("x", "c")], sup, "deductive")) == {
            ("x", "c"),
            ("x", "b"),
            ("x", "a"),
        }
        # x attacks a => x attacks b and c (necessary)
        assert set(close_supports([("x", "a")], sup, "necessary")) == {
            ("x", "a"),
            ("x", "b"),
            ("x", "c"),
        }

    def test_support_cycle_terminates(self):
        sup = [("a", "b"), ("b", "a")]
        out = close_supports([("x", "a")], sup, "deductive")
        assert set(out) == {("x", "a"), ("x", "b")}

    def test_self_attack_from_support_and_attack(self):
        # a supports b and b attacks a: accepting a would force b, which attacks a
        assert ("a", "a") in close_supports([("b", "a")], [("a", "b")], "deductive")

    def test_unknown_interpretation(self):
        with pytest.raises(UnknownSupportError, match="'ignored', 'deductive', 'necessary'"):
            close_supports([], [], "evidential")

    @settings(max_examples=150, deadline=None)
    @given(
        st.lists(st.tuples(st.sampled_from("abcde"), st.sampled_from("abcde")), max_size=8),
        st.lists(st.tuples(st.sampled_from("abcde"), st.sampled_from("abcde")), max_size=6),
        st.sampled_from(["deductive", "necessary"]),
    )
    def test_closed_form_equals_rule_fixpoint(self, attacks, supports, support):
        supports = [(a, b) for a, b in supports if a != b]
        assert set(close_supports(attacks, supports, support)) == _closure_by_rules(
            attacks, supports, support
        )

    @settings(max_examples=100, deadline=None)
    @given(
        st.lists(st.tuples(st.sampled_from("abcd"), st.sampled_from("abcd")), max_size=6),
        st.lists(st.tuples(st.sampled_from("abcd"), st.sampled_from("abcd")), max_size=5),
    )
    def test_necessary_is_deductive_reversed(self, attacks, supports):
        # C&LS 2013: necessary support a->b is deductive support b->a
        nec = set(close_supports(attacks, supports, "necessary"))
        ded = set(close_supports(attacks, [(b, a) for a, b in supports], "deductive"))
        assert nec == ded

    @settings(max_examples=100, deadline=None)
    @given(
        st.lists(st.tuples(st.sampled_from("abcd"), st.sampled_from("abcd")), max_size=6),
        st.lists(st.tuples(st.sampled_from("abcd"), st.sampled_from("abcd")), max_size=5),
    )
    def test_origin_is_a_given_attack_linked_by_supports(self, attacks, supports):
        out = close_supports(attacks, supports, "deductive")
        for (x, y), via in out.items():
            if via is None:
                assert (x, y) in attacks
            else:
                assert via in attacks


class TestTranslate:
    def test_empty_map(self):
        t = translate(argmap.ArgumentMap())
        assert t.framework.num_arguments == 0
        assert t.statements == ()

    def test_names_are_statement_ids_then_meta_arguments(self):
        m = argmap.ArgumentMap()
        c = m.claim("C.", id="c")
        m.objection("O.", id="o", against=c)
        m.rebuttal("R.", id="r", against=m.relations()[0])
        r = m.relations()[0]  # undercutting gave it an id
        t = translate(m)
        assert list(t.framework.names) == ["c", "o", "r", r.key, "~" + r.key]
        assert t.statements == ("c", "o", "r")
        assert t.is_meta(r.key) and not t.is_negation(r.key)
        assert t.is_negation("~" + r.key) and not t.is_meta("c")
        assert set(t.framework.attacks()) == {
            ("o", "~" + r.key),
            ("~" + r.key, r.key),
            (r.key, "c"),
            ("r", r.key),
        }

    def test_contradicts_is_mutual_attack(self):
        m = argmap.ArgumentMap()
        m.claim("A.", id="a")
        m.claim("B.", id="b")
        m.relate("a", "b", "contradicts")
        assert set(translate(m).framework.attacks()) == {("a", "b"), ("b", "a")}

    def test_deductive_on_a_map(self):
        m = argmap.ArgumentMap()
        c = m.claim("C.", id="c")
        m.evidence("E.", id="e", supports=c)
        m.objection("O.", id="o", against=c)
        t = translate(m, support="deductive")
        assert set(t.framework.attacks()) == {("o", "c"), ("o", "e")}
        assert t.origin == {("o", "e"): ("o", "c")}

    def test_undercut_support_routes_through_meta_argument(self):
        m = argmap.ArgumentMap()
        c = m.claim("C.", id="c")
        m.evidence("E.", id="e")
        rel = m.relate("e", c, "supports", id="e-c")
        m.objection("O.", id="o", against=c)
        m.objection("U.", id="u")
        m.relate("u", rel, "undercuts")
        t = translate(m, support="deductive")
        # the support now starts at its meta-argument: o attacks c => o attacks "e-c"
        assert ("o", "e-c") in set(t.framework.attacks())
        assert ("o", "e") not in set(t.framework.attacks())

    def test_unknown_support(self):
        with pytest.raises(UnknownSupportError):
            translate(argmap.ArgumentMap(), support="strong")

    @settings(max_examples=60, deadline=None)
    @given(maps(max_statements=8, rich=False))
    def test_ignored_keeps_exactly_the_bipolar_attacks(self, m):
        t = translate(m)
        baf = argmap.bipolar_framework(m)
        assert set(t.framework.attacks()) == set(baf.attacks)
        assert list(t.framework.names) == list(baf.arguments)

    @settings(max_examples=60, deadline=None)
    @given(maps(max_statements=8, rich=False), st.sampled_from(["deductive", "necessary"]))
    def test_interpretations_only_add_attacks(self, m, support):
        plain = set(translate(m).framework.attacks())
        t = translate(m, support=support)
        attacks = set(t.framework.attacks())
        assert plain <= attacks
        assert set(t.origin) == attacks - plain


class TestFormatFramework:
    @pytest.fixture
    def t(self):
        m = argmap.ArgumentMap()
        c = m.claim("C.", id="c")
        o = m.objection("O.", id="o", against=c)
        m.rebuttal("R.", id="r", against=o)
        return translate(m)

    @pytest.mark.parametrize("fmt", ["i23", "apx", "tgf"])
    @pytest.mark.parametrize("numbered", [False, True])
    def test_round_trip(self, t, fmt, numbered):
        text = format_framework(t, fmt, numbered=numbered)
        af = parse_af(text, fmt)
        assert af.num_arguments == 3
        names = list(t.framework.names)
        back = list(af.names)
        pairs = {(names[back.index(a)], names[back.index(b)]) for a, b in af.attacks()}
        assert pairs == set(t.framework.attacks())

    def test_i23_comments_map_numbers_to_ids(self, t):
        text = format_framework(t, "i23")
        comments = [line for line in text.splitlines() if line.startswith("#")]
        assert comments == ["# 1 c", "# 2 o", "# 3 r"]
        assert text.splitlines()[0] == "p af 3"

    def test_every_pair_of_formats_agrees(self, t):
        frameworks = [parse_af(format_framework(t, f), f) for f in ("i23", "apx", "tgf")]
        for a, b in itertools.combinations(frameworks, 2):
            assert a.num_attacks == b.num_attacks
