"""ArgumentationFramework: construction, lookups, CSR tables, conversions."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from argmap.analysis import framework
from argmap.analysis.framework import ArgumentationFramework, FrameworkError, build_csr
from argmap.errors import ArgmapError, DuplicateIdError, UnknownIdError


class TestConstruction:
    def test_empty(self):
        af = ArgumentationFramework()
        assert len(af) == 0 and af.num_attacks == 0
        assert list(af.attacks()) == []
        assert af.is_acyclic()
        assert repr(af) == "ArgumentationFramework(0 arguments, 0 attacks)"

    def test_from_edges_drops_duplicate_attacks(self):
        af = ArgumentationFramework.from_edges("abc", [("a", "b"), ("a", "b"), ("c", "c")])
        assert af.num_attacks == 2
        assert sorted(af.attacks()) == [("a", "b"), ("c", "c")]
        assert af.self_attacking() == {"c"}

    def test_duplicate_name(self):
        with pytest.raises(DuplicateIdError, match="'a'"):
            ArgumentationFramework.from_edges(["a", "b", "a"], [])

    def test_unknown_name_in_attack(self):
        with pytest.raises(UnknownIdError, match="'z'"):
            ArgumentationFramework.from_edges("ab", [("a", "z")])

    def test_from_indices_numbered_names(self):
        af = ArgumentationFramework.from_indices(4, [0, 3], [1, 0])
        assert list(af.names) == ["1", "2", "3", "4"]
        assert af.index("4") == 3 and af.name(0) == "1"
        assert "4" in af and "5" not in af and "04" not in af and 1 not in af
        assert "\u00b2" not in af and "\u0661" not in af  # digits, but not ASCII ones
        with pytest.raises(UnknownIdError):
            af.index("\u0661")
        with pytest.raises(UnknownIdError):
            af.index("0")

    def test_from_indices_rejects_out_of_range(self):
        with pytest.raises(FrameworkError, match="not in 0..2"):
            ArgumentationFramework.from_indices(3, [0], [3])
        with pytest.raises(ArgmapError):
            ArgumentationFramework.from_indices(3, [0, 1], [1])
        with pytest.raises(DuplicateIdError):
            ArgumentationFramework.from_indices(["x", "x"], [], [])


class TestQueries:
    af = ArgumentationFramework.from_edges("abcd", [("a", "b"), ("b", "c"), ("d", "c"), ("c", "d")])

    def test_attackers_and_targets(self):
        assert self.af.attackers("c") == {"b", "d"}
        assert self.af.attacked_by("c") == {"d"}
        assert list(self.af.attackers_of(2)) == [1, 3]
        assert list(self.af.targets_of(0)) == [1]

    def test_cycles(self):
        assert not self.af.is_acyclic()
        assert ArgumentationFramework.from_edges("a", [("a", "a")]).is_acyclic() is False

    def test_to_networkx(self):
        g = self.af.to_networkx()
        assert set(g.nodes) == set("abcd") and set(g.edges) == set(self.af.attacks())

    def test_equality(self):
        same = ArgumentationFramework.from_edges("abcd", list(self.af.attacks())[::-1])
        assert same == self.af
        assert ArgumentationFramework.from_edges("abcd", []) != self.af


pairs = st.lists(st.tuples(st.integers(0, 30), st.integers(0, 30)), max_size=120)


@settings(max_examples=200, deadline=None)
@given(pairs)
def test_csr_matches_the_edge_set(edges):
    n = 31
    ptr, adj = build_csr(n, [a for a, _ in edges], [b for _, b in edges])
    got = {(i, j) for i in range(n) for j in adj[ptr[i] : ptr[i + 1]]}
    assert got == set(edges) and len(adj) == len(set(edges))
    af = ArgumentationFramework.from_indices(n, [a for a, _ in edges], [b for _, b in edges])
    bptr, badj = af.backward_csr()
    assert {(j, i) for i in range(n) for j in badj[bptr[i] : bptr[i + 1]]} == set(edges)


def test_numpy_and_pure_python_csr_agree(monkeypatch):
    import random

    rng = random.Random(7)
    n, m = 5000, 30_000
    src = [rng.randrange(n) for _ in range(m)]
    tgt = [rng.randrange(n) for _ in range(m)]
    fast = build_csr(n, src, tgt)
    monkeypatch.setattr(framework, "_NUMPY_MIN_ATTACKS", 1 << 62)  # the small-input path
    assert build_csr(n, src, tgt) == fast
    af = ArgumentationFramework.from_indices(n, src, tgt)
    pure_indices = af.attack_indices()
    monkeypatch.setattr(framework, "_NUMPY_MIN_ATTACKS", 0)
    assert af.attack_indices() == pure_indices


def test_public_names_are_exported():
    import argmap
    from argmap.analysis import semantics, status

    exported = {
        "FrameworkError": FrameworkError,
        "grounded_labelling": semantics.grounded_labelling,
        "label_framework": status.label_framework,
        "FrameworkLabelling": status.FrameworkLabelling,
    }
    for name, value in exported.items():
        assert name in argmap.__all__ and getattr(argmap, name) is value
