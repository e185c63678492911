"""Tests for argmap.analysis.strength: gradual semantics against hand-computed values."""

from __future__ import annotations

import math

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import argmap
from argmap.analysis.strength import (
    STRENGTH_METHODS,
    UnknownStrengthError,
    df_quad,
    euler,
    gradual_strength,
    h_categorizer,
    quad,
    quadratic_energy,
    strength,
)
from strategies import maps

GOLDEN = (math.sqrt(5) - 1) / 2  # the fixpoint of x = 1 / (1 + x)


class TestInfluenceFunctions:
    def test_h_categorizer(self):
        # Besnard & Hunter 2001: Cat(a) = 1 / (1 + sum of the attackers' values)
        assert h_categorizer(1.0, []) == 1.0
        assert h_categorizer(1.0, [1.0, 1.0]) == pytest.approx(1 / 3)
        assert h_categorizer(0.6, [0.5]) == pytest.approx(0.4)  # weighted: w / (1 + sum)
        assert h_categorizer(1.0, [0.5], [1.0]) == pytest.approx(2 / 3)  # supports ignored

    def test_quad(self):
        assert quad(0.5, [0.5, 0.5], []) == pytest.approx(0.125)  # 0.5 * 0.5 * 0.5
        assert quad(0.5, [], [0.5, 0.5]) == pytest.approx(0.875)  # 1 - 0.5 * 0.25
        assert quad(0.5, [0.5, 0.5], [0.5, 0.5]) == pytest.approx(0.5)  # the average
        assert quad(0.3, [], []) == 0.3
        # the discontinuity DF-QuAD removes: a zero-strength attacker halves the way
        assert quad(0.5, [], [1.0]) == 1.0
        assert quad(0.5, [0.0], [1.0]) == pytest.approx(0.75)

    def test_df_quad(self):
        # Rago et al. 2016: probabilistic-sum aggregation, then combine with the base
        assert df_quad(0.5, [0.8], [0.4]) == pytest.approx(0.3)  # 0.5 - 0.5 * 0.4
        assert df_quad(0.5, [0.4], [0.8]) == pytest.approx(0.7)  # 0.5 + 0.5 * 0.4
        assert df_quad(0.5, [0.5, 0.5], []) == pytest.approx(0.125)  # va = 0.75
        assert df_quad(0.2, [0.6], [0.6]) == pytest.approx(0.2)
        assert df_quad(0.5, [0.0], [1.0]) == 1.0  # no discontinuity

    def test_euler(self):
        # Amgoud & Ben-Naim 2018: 1 - (1 - w^2) / (1 + w e^E)
        assert euler(0.5, [], []) == pytest.approx(0.5)
        assert euler(0.5, [1.0], []) == pytest.approx(1 - 0.75 / (1 + 0.5 / math.e))
        assert euler(0.5, [], [1.0]) == pytest.approx(1 - 0.75 / (1 + 0.5 * math.e))
        assert euler(0.0, [1.0], []) == 0.0
        assert euler(1.0, [1.0], []) == 1.0
        assert euler(0.5, [9.0], []) > 0.25  # bounded below by w^2

    def test_quadratic_energy(self):
        # Potyka 2018: w - w h(-E) + (1 - w) h(E), h(x) = max(x,0)^2 / (1 + max(x,0)^2)
        assert quadratic_energy(0.5, [1.0], []) == pytest.approx(0.25)  # h(1) = 1/2
        assert quadratic_energy(0.5, [], [1.0]) == pytest.approx(0.75)
        assert quadratic_energy(0.5, [1.0, 1.0], []) == pytest.approx(0.5 - 0.5 * 0.8)
        assert quadratic_energy(0.4, [0.5], [0.5]) == pytest.approx(0.4)

    @settings(max_examples=200, deadline=None)
    @given(
        st.sampled_from(list(STRENGTH_METHODS)),
        st.floats(0, 1),
        st.lists(st.floats(0, 1), max_size=4),
        st.lists(st.floats(0, 1), max_size=4),
    )
    def test_scores_stay_in_unit_interval(self, method, base, att, sup):
        f = STRENGTH_METHODS[method][0]
        assert -1e-12 <= f(base, att, sup) <= 1 + 1e-12

    @settings(max_examples=200, deadline=None)
    @given(
        st.sampled_from(list(STRENGTH_METHODS)),
        st.floats(0, 1),
        st.lists(st.floats(0, 1), min_size=1, max_size=4),
    )
    def test_attacks_never_raise_supports_never_lower(self, method, base, values):
        f = STRENGTH_METHODS[method][0]
        assert f(base, values, []) <= base + 1e-12
        assert f(base, [], values) >= base - 1e-12


class TestGradualStrength:
    def test_empty(self):
        assert gradual_strength([], []) == ({}, True, 1)

    def test_h_categorizer_tree(self):
        # a attacked by b and c, b attacked by d: d = c = 1, b = 1/2, a = 1/(1 + 1/2 + 1)
        scores, converged, rounds = gradual_strength(
            "abcd", [("b", "a"), ("c", "a"), ("d", "b")], method="h-categorizer"
        )
        assert scores == pytest.approx({"a": 0.4, "b": 0.5, "c": 1.0, "d": 1.0})
        assert (converged, rounds) == (True, 1)

    def test_h_categorizer_cycles(self):
        for attacks in ([("a", "b"), ("b", "a")], [("a", "a")]):
            scores, converged, rounds = gradual_strength("ab", attacks, method="h-categorizer")
            assert scores["a"] == pytest.approx(GOLDEN, abs=1e-8)
            assert converged and rounds > 1
        # odd cycle: by symmetry every score is the golden ratio too
        odd = [("a", "b"), ("b", "c"), ("c", "a")]
        scores, converged, _ = gradual_strength("abc", odd, method="h-categorizer")
        assert converged and all(v == pytest.approx(GOLDEN, abs=1e-8) for v in scores.values())

    def test_h_categorizer_ignores_support_cycles(self):
        # supports are no part of the method: a support cycle leaves the map acyclic
        scores, converged, rounds = gradual_strength(
            "abc", [("c", "a")], [("a", "b"), ("b", "a")], method="h-categorizer"
        )
        assert scores == {"a": 0.5, "b": 1.0, "c": 1.0}
        assert (converged, rounds) == (True, 1)
        with pytest.raises(argmap.UnknownIdError, match="support"):
            gradual_strength("ab", [], [("a", "z")], method="h-categorizer")

    def test_acyclic_parts_after_a_cycle(self):
        # a <-> b, b -> c: c = 1 / (1 + golden)
        scores, converged, _ = gradual_strength(
            "abc", [("a", "b"), ("b", "a"), ("b", "c")], method="h-categorizer"
        )
        assert scores["c"] == pytest.approx(1 / (1 + GOLDEN), abs=1e-8)

    def test_df_quad_chain_with_support(self):
        # e supports c, o attacks c: c = 0.5 - 0.5 * (0.5 - 0.5) = 0.5
        scores, _, _ = gradual_strength("ceo", [("o", "c")], [("e", "c")], method="df-quad")
        assert scores == pytest.approx({"c": 0.5, "e": 0.5, "o": 0.5})

    def test_oscillation_is_reported(self):
        # DF-QuAD with base 1 on a 2-cycle: a = 1 - b flips between (1, 1) and (0, 0)
        scores, converged, rounds = gradual_strength(
            "ab",
            [("a", "b"), ("b", "a")],
            method="df-quad",
            base={"a": 1.0, "b": 1.0},
            max_iterations=50,
        )
        assert not converged and rounds == 50
        # with base 0.5 the update is a contraction: a = 0.5 (1 - a) -> 1/3
        scores, converged, _ = gradual_strength("ab", [("a", "b"), ("b", "a")], method="df-quad")
        assert converged and scores["a"] == pytest.approx(1 / 3, abs=1e-8)

    def test_base_scores_and_defaults(self):
        scores, _, _ = gradual_strength("ab", [], method="euler", base={"a": 0.9})
        assert scores == {"a": 0.9, "b": 0.5}
        scores, _, _ = gradual_strength("a", [], method="h-categorizer")
        assert scores == {"a": 1.0}

    def test_aliases(self):
        for alias, name in [
            ("euler-based", "euler"),
            ("QE", "quadratic-energy"),
            ("df_quad", "df-quad"),
        ]:
            assert gradual_strength("a", [], method=alias) == gradual_strength("a", [], method=name)

    @settings(max_examples=150, deadline=None)
    @given(
        st.lists(st.tuples(st.sampled_from("abcdef"), st.sampled_from("abcdef")), max_size=10),
        st.lists(st.tuples(st.sampled_from("abcdef"), st.sampled_from("abcdef")), max_size=6),
    )
    def test_component_order_equals_global_iteration(self, attacks, supports):
        # h-categorizer converges from anywhere (Pu et al. 2014): iterate the whole
        # graph at once and compare with the component-by-component computation
        scores, converged, _ = gradual_strength("abcdef", attacks, supports, method="hcat")
        assert converged
        glob = dict.fromkeys("abcdef", 1.0)
        for _ in range(2000):
            glob = {x: h_categorizer(1.0, [glob[a] for a, b in attacks if b == x]) for x in glob}
        assert scores == pytest.approx(glob, abs=1e-6)

    def test_bad_input(self):
        with pytest.raises(argmap.UnknownIdError, match="attack \\('a', 'z'\\)"):
            gradual_strength("a", [("a", "z")])
        with pytest.raises(UnknownStrengthError, match="h-categorizer"):
            gradual_strength("a", [], method="pagerank")
        with pytest.raises(ValueError, match="not in \\[0, 1\\]"):
            gradual_strength("a", [], base={"a": 1.5})
        with pytest.raises(ValueError, match="tolerance"):
            gradual_strength("a", [], tolerance=0)
        with pytest.raises(ValueError, match="max_iterations"):
            gradual_strength("a", [], max_iterations=0)


class TestStrengthOfMaps:
    def test_weights_are_base_scores(self):
        m = argmap.ArgumentMap()
        c = m.claim("C.", id="c", weight=0.8)
        m.objection("O.", id="o", against=c, weight=0.5)
        s = strength(m, "df-quad")
        assert s.scores == pytest.approx({"c": 0.4, "o": 0.5})
        assert s.base == {"c": 0.8, "o": 0.5}
        assert (s.converged, s.iterations, s.method) == (True, 1, "df-quad")

    def test_default_weight(self):
        m = argmap.ArgumentMap()
        m.claim("C.", id="c")
        assert strength(m, "quad").scores == {"c": 0.5}
        assert strength(m, "h-categorizer").scores == {"c": 1.0}
        assert strength(m, "quad", default_weight=0.2).scores == {"c": 0.2}

    def test_undercut_weakens_the_relation(self):
        # DF-QuAD: the relation o -> c holds with s(o) * (1 - s(u)) = 0.25
        m = argmap.ArgumentMap()
        c = m.claim("C.", id="c")
        m.objection("O.", id="o", against=c)
        m.rebuttal("U.", id="u", against=m.relations()[0])
        key = m.relations()[0].key
        s = strength(m, "df-quad")
        assert s.meta_scores[key] == pytest.approx(0.25)
        assert s.scores["c"] == pytest.approx(0.5 * (1 - 0.25))
        assert set(s.scores) == {"c", "o", "u"}

    def test_plain_relation_weighs_its_source(self):
        # without an undercut, the same map with the plain attack gives c = 0.25
        m = argmap.ArgumentMap()
        c = m.claim("C.", id="c")
        m.objection("O.", id="o", against=c)
        assert strength(m).scores["c"] == pytest.approx(0.25)

    def test_to_dict(self):
        m = argmap.ArgumentMap()
        m.claim("C.", id="c")
        d = strength(m, "euler").to_dict()
        assert d["method"] == "euler" and d["scores"] == {"c": 0.5} and d["converged"]

    @settings(max_examples=30, deadline=None)
    @given(maps(max_statements=10, rich=False), st.sampled_from(list(STRENGTH_METHODS)))
    def test_every_statement_gets_a_score_in_range(self, m, method):
        s = strength(m, method)
        assert list(s.scores) == [x.id for x in m.statements()]
        assert all(-1e-9 <= v <= 1 + 1e-9 for v in s.scores.values())
        if s.converged:
            assert s.iterations <= 1000
