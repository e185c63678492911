"""Input shapes that were quadratic or recursive: each must now finish, linearly, without recursion.

No timing assertions (those live in benchmarks/bench_hardening.py); the tests use
sizes past Python's recursion limit and count work or memory instead.
"""

from __future__ import annotations

import json
import sys
import tracemalloc
import warnings
from pathlib import Path

import pytest

import argmap
from argmap.analysis.dialectic import objection_statuses
from argmap.formats.aif import _levels
from argmap.formats.native import map_from_data
from argmap.io import loads
from argmap.map import SUGGESTION_BUDGET
from argmap.render.table import cell_text

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "benchmarks"))
from bench_hardening import (  # noqa: E402
    _aif_conflict_chain,
    _dangling,
    _reverse_chain,
    _sadface_conflict_chain,
    _undercut_chain,
)

DEEP = 3 * sys.getrecursionlimit()


@pytest.mark.parametrize(
    ("fmt", "build"), [("aif", _aif_conflict_chain), ("sadface", _sadface_conflict_chain)]
)
def test_conflict_on_conflict_chain_in_reverse_order(fmt, build):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        m = loads(build(DEEP), format=fmt)
    kinds = [r.kind for r in m.relations()]
    assert len(kinds) == DEEP
    assert kinds.count("undercuts") == DEEP - 1


def test_ova3_export_of_a_reversed_chain_is_linear_in_memory():
    m = _reverse_chain(DEEP)
    tracemalloc.start()
    try:
        argmap.dumps(m, format="ova3")
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    # the old layout copied the path at every step: over 1 GiB here
    assert peak < 150 * 2**20


def test_levels_of_a_long_path_and_a_cycle():
    n = DEEP
    outs = {str(i): [str(i + 1)] for i in range(n)}
    outs[str(n)] = ["0"]  # close a cycle
    depth = _levels(outs, [str(i) for i in reversed(range(n + 1))])
    # from n: n -> 0 -> ... -> n-1, whose edge back to n is ignored (n is on the path)
    assert depth[str(n)] == n and depth["0"] == n - 1 and depth[str(n - 1)] == 0


class TestUndercuts:
    def test_long_chain_validates(self):
        m = map_from_data(_undercut_chain(DEEP))
        assert m.problems() == []
        assert len(m.relations("undercuts")) == DEEP

    def test_cycles_are_found_and_only_them(self):
        doc = {
            "argmap": 1,
            "statements": [
                {"id": "a", "kind": "objection", "text": "A."},
                {"id": "b", "kind": "objection", "text": "B."},
                {"id": "c", "kind": "objection", "text": "C."},
            ],
            "relations": [
                {"id": "ra", "from": "a", "to": "rb", "kind": "undercuts"},
                {"id": "rb", "from": "b", "to": "ra", "kind": "undercuts"},
                {"id": "rc", "from": "c", "to": "ra", "kind": "undercuts"},  # into the cycle
            ],
        }
        with pytest.raises(argmap.MapValidationError) as info:
            map_from_data(doc)
        cyclic = [p for p in info.value.problems if "undercuts form a cycle" in p]
        assert len(cyclic) == 3

    def test_building_a_chain_through_the_api(self):
        m = argmap.ArgumentMap()
        m.claim("C.", id="c")
        m.objection("O.", id="o0", against="c")
        target = m.relations()[-1]
        for i in range(1, 300):
            m.objection(f"U{i}.", id=f"u{i}", against=target)
            target = m.relations_from(f"u{i}")[0]
        assert m.problems() == []

    def test_an_answer_whose_attack_is_undercut_is_defeated(self):
        # u3 undercuts u2's undercut of u1's undercut: u2's answer to u1 fails
        m = map_from_data(_undercut_chain(3))
        why = {s.objection.id: (s.answered, s.reason, s.answered_by) for s in objection_statuses(m)}
        assert why["u1"] == (False, "answers-defeated", ())
        assert why["u3"] == (False, "no-answer", ())
        assert why["o0"][0] and why["u2"][0]


def test_suggestions_for_many_dangling_ids_stay_within_the_budget():
    n = 2000
    text = json.dumps(_dangling(n), indent=1)
    with pytest.raises(argmap.MapValidationError) as info:
        loads(text, format="json")
    problems = info.value.problems
    assert len(problems) == n
    assert "did you mean 'statement-0'" in problems[0]
    suggested = sum("did you mean" in p for p in problems)
    assert 0 < suggested <= SUGGESTION_BUDGET // n + 1
    assert all(p.startswith("line ") for p in problems)  # located through one index


def test_cell_text_of_deeply_nested_values():
    value: list = []
    cur = value
    for _ in range(DEEP):
        cur.append([])
        cur = cur[0]
    cur.append("x")
    assert cell_text(value) == "x"
