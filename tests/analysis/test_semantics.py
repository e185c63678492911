"""Semantics against the shared ICCMA reference answers and a brute-force oracle."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from argmap.analysis.framework import ArgumentationFramework
from argmap.analysis.semantics import (
    SEMANTICS,
    Acceptance,
    UnknownSemanticsError,
    count_extensions,
    enumerate_extensions,
    find_extension,
    grounded_extension,
    grounded_labelling,
    ideal_extension,
    is_credulously_accepted,
    is_sceptically_accepted,
)
from argmap.errors import ArgmapError, UnknownIdError

CODES = tuple(SEMANTICS)


def extensions(af, code, limit=None) -> set[frozenset[str]]:
    found = list(enumerate_extensions(af, code, limit))
    assert len(found) == len(set(found)), "an extension was enumerated twice"
    return set(found)


# -- the brute-force oracle ----------------------------------------------------------------


def oracle(n: int, attacks: set[tuple[int, int]]) -> dict[str, set[int]]:
    """Every extension of every semantics, as bitmasks, by trying all 2^n subsets."""
    full = (1 << n) - 1
    attackers, targets = [0] * n, [0] * n
    for a, b in attacks:
        attackers[b] |= 1 << a
        targets[a] |= 1 << b
    plus = [0] * (1 << n)
    for s in range(1, 1 << n):
        low = s & -s
        plus[s] = plus[s ^ low] | targets[low.bit_length() - 1]
    cf, adm, co, st_ = [], [], [], []
    for s in range(1 << n):
        if plus[s] & s:
            continue
        cf.append(s)
        defended = sum(1 << i for i in range(n) if attackers[i] & ~plus[s] == 0)
        if s & ~defended == 0:
            adm.append(s)
            if defended == s:
                co.append(s)
        if s | plus[s] == full:
            st_.append(s)

    def maximal(sets, key=lambda s: s):
        keys = {s: key(s) for s in sets}
        return {
            s for s in sets if not any(keys[s] & ~keys[t] == 0 and keys[s] != keys[t] for t in sets)
        }

    pr = maximal(co)
    common = full
    for p in pr:
        common &= p
    ideal = max((s for s in adm if s & ~common == 0), key=lambda s: bin(s).count("1"))
    grounded = min(co, key=lambda s: bin(s).count("1"))
    return {
        "GR": {grounded},
        "CO": set(co),
        "PR": pr,
        "ST": set(st_),
        "SST": maximal(co, key=lambda s: s | plus[s]),
        "STG": maximal(cf, key=lambda s: s | plus[s]),
        "ID": {ideal},
    }


@st.composite
def frameworks(draw, max_n=10):
    n = draw(st.integers(0, max_n))
    pairs = st.tuples(st.integers(0, max(n - 1, 0)), st.integers(0, max(n - 1, 0)))
    attacks = set(draw(st.lists(pairs, max_size=3 * n))) if n else set()
    return n, attacks


def build(n, attacks):
    names = [f"a{i}" for i in range(n)]
    af = ArgumentationFramework.from_edges(names, [(names[a], names[b]) for a, b in attacks])
    return af, names


def as_names(masks, names):
    return {frozenset(names[i] for i in range(len(names)) if s >> i & 1) for s in masks}


ORACLE_SETTINGS = settings(
    max_examples=1000, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)


class TestOracle:
    @ORACLE_SETTINGS
    @given(frameworks())
    def test_enumeration_counting_and_one_extension(self, case):
        n, attacks = case
        af, names = build(n, attacks)
        expected = oracle(n, attacks)
        for code in CODES:
            want = as_names(expected[code], names)
            assert extensions(af, code) == want, code
            assert count_extensions(af, code) == len(want), code
            one = find_extension(af, code)
            assert (one is None) == (not want) and (one is None or one in want), code
            if want:
                assert len(extensions(af, code, limit=1)) == 1
        assert grounded_extension(af) in as_names(expected["GR"], names)
        assert ideal_extension(af) in as_names(expected["ID"], names)

    @settings(max_examples=800, deadline=None, suppress_health_check=[HealthCheck.too_slow])
    @given(frameworks(max_n=8), st.data())
    def test_acceptance_and_certificates(self, case, data):
        n, attacks = case
        if n == 0:
            return
        af, names = build(n, attacks)
        expected = oracle(n, attacks)
        arg = data.draw(st.sampled_from(names))
        for code in CODES:
            want = as_names(expected[code], names)
            cred = is_credulously_accepted(af, arg, code)
            assert cred.accepted == any(arg in e for e in want), code
            if cred.accepted:
                assert cred.witness in want and arg in cred.witness, code
            else:
                assert cred.witness is None
            scep = is_sceptically_accepted(af, arg, code)
            assert scep.accepted == all(arg in e for e in want), code
            if scep.accepted:
                assert scep.witness is None
            else:
                assert scep.witness in want and arg not in scep.witness, code

    @settings(max_examples=300, deadline=None)
    @given(st.integers(1, 7))
    def test_odd_cycles_have_no_stable_extension(self, half):
        k = 2 * half + 1
        names = [str(i) for i in range(k)]
        af = ArgumentationFramework.from_edges(
            names, [(names[i], names[(i + 1) % k]) for i in range(k)]
        )
        assert find_extension(af, "stable") is None
        assert count_extensions(af, "preferred") == 1
        assert find_extension(af, "preferred") == frozenset()
        assert is_sceptically_accepted(af, "0", "stable").accepted  # vacuously


class TestEdgeCases:
    def test_empty_framework(self):
        af = ArgumentationFramework()
        for code in CODES:
            assert extensions(af, code) == {frozenset()}
            assert count_extensions(af, code) == 1
            assert find_extension(af, code) == frozenset()

    def test_isolated_arguments_are_in_every_extension(self):
        af = ArgumentationFramework.from_edges("abc", [("b", "c"), ("c", "b")])
        for code in CODES:
            assert all("a" in e for e in extensions(af, code))
            assert is_sceptically_accepted(af, "a", code).accepted

    def test_self_attack(self):
        af = ArgumentationFramework.from_edges("ab", [("a", "a"), ("a", "b")])
        assert extensions(af, "preferred") == {frozenset()}
        assert extensions(af, "stable") == set()
        assert extensions(af, "stage") == {frozenset({"b"})}

    def test_acyclic_all_semantics_coincide(self):
        af = ArgumentationFramework.from_edges("abcd", [("a", "b"), ("b", "c"), ("c", "d")])
        assert af.is_acyclic()
        for code in CODES:
            assert extensions(af, code) == {frozenset({"a", "c"})}

    def test_stage_may_leave_out_the_grounded_extension(self):
        af = ArgumentationFramework.from_edges("abc", [("a", "b"), ("b", "c"), ("c", "c")])
        assert grounded_extension(af) == {"a"}
        assert extensions(af, "stage") == {frozenset("a"), frozenset("b")}
        assert not is_sceptically_accepted(af, "a", "stage").accepted

    def test_labelling(self):
        af = ArgumentationFramework.from_edges("abcd", [("a", "b"), ("c", "d"), ("d", "c")])
        lab = grounded_labelling(af)
        assert (lab.in_, lab.out, lab.undec) == ({"a"}, {"b"}, {"c", "d"})

    def test_unknown_semantics_and_argument(self):
        af = ArgumentationFramework.from_edges("ab", [])
        with pytest.raises(UnknownSemanticsError, match="must be one of"):
            find_extension(af, "naive")
        with pytest.raises(ValueError):
            list(enumerate_extensions(af, "nope"))
        with pytest.raises(UnknownIdError):
            is_credulously_accepted(af, "z", "preferred")
        with pytest.raises(ArgmapError):
            is_sceptically_accepted(af, "z", "grounded")

    def test_long_names_and_aliases(self):
        af = ArgumentationFramework.from_edges("ab", [("a", "b"), ("b", "a")])
        assert count_extensions(af, "semi-stable") == count_extensions(af, "sst") == 2
        assert Acceptance(True) and not Acceptance(False)

    def test_enumeration_limit(self):
        names = [str(i) for i in range(12)]
        pairs = [(names[i], names[i + 1]) for i in range(0, 12, 2)]
        af = ArgumentationFramework.from_edges(names, pairs + [(b, a) for a, b in pairs])
        assert count_extensions(af, "stable") == 64
        assert count_extensions(af, "stable", limit=5) == 5
        assert list(enumerate_extensions(af, "preferred", limit=0)) == []

    def test_large_grounded_pure_python_and_numpy_agree(self, monkeypatch):
        import random

        from argmap.analysis import framework, semantics

        rng = random.Random(3)
        n = 60_000
        src = [rng.randrange(n) for _ in range(2 * n)]
        tgt = [rng.randrange(n) for _ in range(2 * n)]
        fast = grounded_extension(ArgumentationFramework.from_indices(n, src, tgt))
        # the pure-Python paths that small frameworks take
        monkeypatch.setattr(framework, "_NUMPY_MIN_ATTACKS", 1 << 62)
        monkeypatch.setattr(semantics, "_NUMPY_MIN_ARGS", 1 << 62)
        slow = grounded_extension(ArgumentationFramework.from_indices(n, src, tgt))
        assert fast == slow and len(fast) > 1000
