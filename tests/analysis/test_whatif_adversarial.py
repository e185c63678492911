"""Adversarial tests of what-if analysis and load-bearing statements.

An independent brute force builds every what-if into a real copy of the map (remove,
add, then a fresh unattacked statement that attacks each defeated statement or
undercuts each defeated relation) and labels it with the public
:func:`argmap.statuses` and :func:`argmap.objection_statuses`. The maps come from a
seeded generator with undercuts (also of undercuts), contradicts (odd cycles through
undercut meta-arguments), concessions and several theses; every semantics and every
support reading is checked. Bad input must raise argmap errors, the timeout must cut
the search at a deterministic point (a fake clock) and leave nothing behind.
"""

from __future__ import annotations

import itertools
import math
import random
import subprocess
import sys
from pathlib import Path

import pytest

import argmap
from argmap import ArgumentMap, DuplicateIdError, RuleError
from argmap.analysis import whatif as whatif_module
from argmap.analysis.whatif import (
    DEFEATABLE_RELATIONS,
    LoadBearingTimeoutError,
    WhatIfError,
    load_bearing,
    what_if,
)

ROOT = Path(__file__).resolve().parents[2]
KINDS = ("claim", "objection", "rebuttal", "evidence")
SEMANTICS = ("grounded", "complete", "preferred", "stable", "semi-stable", "stage", "ideal")
SUPPORTS = ("ignored", "deductive", "necessary")
FRESH = "zz-defeater"


def generated(seed: int, n: int) -> ArgumentMap:
    """A rule-abiding map: attacks, supports, contradicts, concedes, undercuts of undercuts."""
    rng = random.Random(seed)
    m = ArgumentMap(title=f"generated {seed}")
    ids = []
    for i in range(n):
        tags = ["thesis"] if rng.random() < 0.25 else []
        m.statement(rng.choice(KINDS), f"Statement {i}.", id=f"s{i}", tags=tags)
        ids.append(f"s{i}")
    for _ in range(rng.randint(n, 2 * n + 1)):
        a, b = rng.choice(ids), rng.choice(ids)
        if a == b:
            continue
        ka, kb = m.get(a).kind, m.get(b).kind
        kinds = ["supports", "contradicts", "concedes"]
        if ka == "objection" and kb != "objection":
            kinds += ["objects"] * 3
        if ka == "rebuttal" and kb == "objection":
            kinds += ["rebuts"] * 3
        try:
            m.relate(a, b, rng.choice(kinds))
        except (RuleError, DuplicateIdError):
            pass
    for _ in range(rng.randint(0, max(1, n // 2))):  # undercuts, later ones also of undercuts
        rels = [r for r in m.relations() if r.kind in DEFEATABLE_RELATIONS]
        cutters = [s.id for s in m.statements() if s.kind in ("objection", "rebuttal")]
        if not rels or not cutters:
            break
        try:
            m.relate(rng.choice(cutters), rng.choice(rels), "undercuts")
        except (RuleError, DuplicateIdError):
            pass
    return m


def brute(m: ArgumentMap, defeat=(), remove=(), add=()) -> ArgumentMap:
    """The what-if built into a copy of the map, with real statements as the defeaters."""
    m2 = m.copy()
    for key in remove:
        if key in m2 or key in {r.key for r in m2.relations()}:
            m2.remove(key, cascade=True)
    for item in add:
        if "from" not in item:
            m2.add(argmap.model.statement_adapter.validate_python(item))
    for item in add:
        if "from" in item:
            m2.add_relation(argmap.model.Relation.model_validate(item))
    relations = {r.key: r for r in m2.relations()}
    targets = [(key, m2.get(key).kind if key in m2 else None, relations.get(key)) for key in defeat]
    for i, (key, kind, rel) in enumerate(targets):
        if kind is None:  # a relation: undercut it (also an undercut relation)
            m2.objection("Defeats it.", id=f"{FRESH}-{i}", against=rel)
        elif kind == "objection":
            m2.rebuttal("Defeats it.", id=f"{FRESH}-{i}", against=key)
        else:
            m2.objection("Defeats it.", id=f"{FRESH}-{i}", against=key)
    return m2


def labels(m: ArgumentMap, semantics: str, support: str) -> dict[str, str]:
    return dict(argmap.statuses(m, semantics, support=support))


def expected_reason(status, defeated: bool, grounded: dict[str, str]) -> str:
    """The what-if's reason for an objection: the brute force's defeaters are no answers."""
    if defeated:
        return "defeated"
    if status.reason in ("rebutted", "undercut", "partly-undercut"):
        # partly-undercut: some attacks are out (undercut, or defeated by the what-if)
        return status.reason
    answers = [a for a in status.answers if not a.startswith(FRESH)]
    if len(answers) == len(status.answers):
        return status.reason  # no brute-force defeater among the answers: the same reading
    if not answers:
        return "no-answer"
    if all(grounded[a] == "out" for a in answers):
        return "answers-defeated"
    return "undecided"


def check_against_brute(m, w, defeat, remove, add, semantics, support):
    m2 = brute(m, defeat, remove, add)
    before = labels(m, semantics, support)
    after_all = labels(m2, semantics, support)
    after = {s.id: after_all[s.id] for s in m2.statements() if not s.id.startswith(FRESH)}
    assert w.before == before
    assert w.after == after
    order = list(dict.fromkeys([*before, *after]))
    assert [(c.id, c.before, c.after) for c in w.changes] == [
        (k, before.get(k), after.get(k)) for k in order if before.get(k) != after.get(k)
    ]
    theses = list(dict.fromkeys([t.id for t in m.theses()] + [t.id for t in m2.theses()]))
    assert [(t.id, t.before, t.after) for t in w.theses] == [
        (t, before.get(t), after.get(t)) for t in theses
    ]
    grounded = labels(m2, "grounded", "ignored")
    ob = {st.objection.id: st for st in argmap.objection_statuses(m)}
    oa = {
        st.objection.id: st
        for st in argmap.objection_statuses(m2)
        if not st.objection.id.startswith(FRESH)
    }
    expected = []
    for oid in dict.fromkeys([*ob, *oa]):
        b, a = ob.get(oid), oa.get(oid)
        kb = None if b is None else (b.answered, _coarse(b.reason))
        reason = None if a is None else expected_reason(a, oid in defeat, grounded)
        ka = None if a is None else (a.answered, _coarse(reason))
        if kb != ka:
            expected.append((oid, kb, ka))
    got = [
        (
            o.id,
            None if o.before is None else (o.before, _coarse(o.reason_before)),
            None if o.after is None else (o.after, _coarse(o.reason_after)),
        )
        for o in w.objections
    ]
    got = [g for g in got if g[1] != g[2]]
    assert got == expected


def _coarse(reason: str) -> str:
    """Why an objection is open depends on what counts as an answer, and the brute force's
    defeaters are real statements; the answered flag and how an objection is answered
    (rebutted, undercut, defeated) must agree exactly, the kind of openness need not
    (exact reasons: tests/analysis/test_whatif.py)."""
    open_ = {"undecided", "partly-undercut", "answers-defeated", "no-answer"}
    return "open" if reason in open_ else reason


READINGS = [(s, p) for s in SEMANTICS for p in SUPPORTS]


class TestWhatIfAgainstBruteForce:
    @pytest.mark.parametrize("semantics,support", READINGS)
    def test_defeats_removals_additions(self, semantics, support):
        """Random mixes of defeats (statements, relations, undercuts), removals, additions."""
        for seed in range(12):
            rng = random.Random(1000 * seed + len(semantics) + len(support))
            m = generated(seed * 31 + len(semantics), rng.randint(1, 10))
            statements = [s.id for s in m.statements()]
            relations = [r.key for r in m.relations()]
            for _ in range(4):
                pool = statements + relations
                remove = rng.sample(pool, min(len(pool), rng.randint(0, 2)))
                kept = brute(m, remove=remove)
                add = []
                if rng.random() < 0.5:
                    kind = rng.choice(KINDS)
                    add.append({"id": "new", "kind": kind, "text": "New.", "tags": ["thesis"]})
                    if len(kept):
                        to = rng.choice([s.id for s in kept.statements()])
                        rel = (
                            "objects" if kind == "objection" and kept.get(to).kind != "objection"
                            else "rebuts" if kind == "rebuttal" and kept.get(to).kind == "objection"
                            else rng.choice(["supports", "contradicts", "concedes"])
                        )  # fmt: skip
                        add.append({"from": "new", "to": to, "kind": rel})
                m3 = brute(m, remove=remove, add=add)
                keys = [s.id for s in m3.statements()]
                keys += [r.key for r in m3.relations() if r.kind in DEFEATABLE_RELATIONS]
                defeat = rng.sample(keys, min(len(keys), rng.randint(0, 3)))
                w = what_if(
                    m, defeat=defeat, remove=remove, add=add, semantics=semantics, support=support
                )
                check_against_brute(m, w, defeat, remove, add, semantics, support)

    def test_undercut_of_an_undercut(self):
        m = ArgumentMap()
        c = m.claim("C.", id="c", tags=["thesis"])
        o = m.objection("O.", id="o", against=c)
        u = m.rebuttal("U.", id="u", against=m.relations_from("o")[0])
        m.objection("V.", id="v", against=m.relations_from("u")[0])
        assert (o.id, u.id) == ("o", "u")
        for key in [r.key for r in m.relations()]:
            for semantics, support in READINGS:
                w = what_if(m, defeat=key, semantics=semantics, support=support)
                check_against_brute(m, w, [key], [], [], semantics, support)

    def test_duplicates_and_empty_lists(self):
        m = generated(5, 8)
        keys = [s.id for s in m.statements()][:2]
        once = what_if(m, defeat=keys)
        twice = what_if(m, defeat=keys + keys, remove=[], add=[])
        assert twice.defeated == once.defeated and twice.after == once.after
        nothing = what_if(m, defeat=[], remove=[], add=[])
        assert nothing.changes == () and nothing.after == nothing.before
        removed = what_if(m, remove=["s7", "s7"])
        assert removed.removed == ("s7",)

    def test_remove_a_statement_and_defeat_its_relation(self):
        m = ArgumentMap()
        c = m.claim("C.", id="c")
        o = m.objection("O.", id="o", against=c)
        m.rebuttal("R.", id="r", against=o)
        # the relation goes with 'o': the error says so, not that the map lacks it
        with pytest.raises(argmap.UnknownIdError, match="goes with what this what-if removes"):
            what_if(m, remove="o", defeat="r>rebuts>o")
        with pytest.raises(argmap.UnknownIdError, match="removed by this what-if"):
            what_if(m, remove="r>rebuts>o", defeat="r>rebuts>o")

    def test_remove_then_add_the_same_id(self):
        m = ArgumentMap()
        c = m.claim("C.", id="c", tags=["thesis"])
        m.objection("O.", id="o", against=c)
        w = what_if(m, remove="o", add={"id": "o", "kind": "claim", "text": "Now a claim."})
        assert w.after == {"c": "in", "o": "in"} and w.kinds["o"] == "claim"
        with pytest.raises(DuplicateIdError):
            what_if(m, add={"id": "o", "kind": "claim", "text": "Taken."})


class TestLoadBearingAgainstBruteForce:
    @pytest.mark.parametrize("semantics,support", READINGS)
    def test_minimal_sets(self, semantics, support):
        for seed in range(8):
            rng = random.Random(seed * 7 + len(semantics))
            m = generated(seed * 13 + len(support), rng.randint(2, 7))
            claims = [s.id for s in m.statements("claim")]
            if not claims:
                continue
            thesis = rng.choice(claims)
            k = rng.randint(1, 3)
            lb = load_bearing(m, thesis, k=k, semantics=semantics, support=support, timeout=None)
            label = labels(m, semantics, support)[thesis]
            assert lb.label == label
            others = [s.id for s in m.statements() if s.id != thesis]
            flips = {}
            for size in range(1, k + 1):
                for combo in itertools.combinations(others, size):
                    after = labels(brute(m, combo), semantics, support)[thesis]
                    if after != label:
                        flips[frozenset(combo)] = after
            minimal = {c: a for c, a in flips.items() if not any(o < c for o in flips)}
            found = [d for d in lb.singles if d.kind == "statement"] + list(lb.sets)
            got = {frozenset(d.ids): d.after for d in found}
            assert len(got) == len(found)  # no set twice
            assert got == minimal
            assert not any(a < b for a in got for b in got)  # no superset of another
            for d in found:  # each really flips, as what_if sees it too
                assert what_if(m, defeat=d.ids, semantics=semantics, support=support).after[
                    thesis
                ] == d.after
            relations = [
                (r.key, labels(brute(m, [r.key]), semantics, support)[thesis])
                for r in m.relations()
                if r.kind in DEFEATABLE_RELATIONS
            ]
            assert [(d.ids[0], d.after) for d in lb.singles if d.kind == "relation"] == [
                (key, a) for key, a in relations if a != label
            ]


class FakeClock:
    """``time.monotonic`` that advances one second a reading: timeouts cut deterministically."""

    def __init__(self):
        self.now = 0.0

    def __call__(self):
        self.now += 1.0
        return self.now


class TestTimeout:
    def test_partial_is_a_prefix_and_nothing_is_left_behind(self, monkeypatch):
        m = generated(3, 9)
        thesis = next(s.id for s in m.statements("claim"))
        full = load_bearing(m, thesis, k=3, semantics="preferred", timeout=None)
        cut_points = 0
        for limit in range(0, full.checked + 2):
            monkeypatch.setattr(whatif_module.time, "monotonic", FakeClock())
            try:
                lb = load_bearing(m, thesis, k=3, semantics="preferred", timeout=limit)
            except LoadBearingTimeoutError as exc:
                cut_points += 1
                part = exc.partial
                assert part.checked <= limit and part.k < 3
                assert part.singles == (full.singles if part.k >= 1 else ())
                assert part.sets == tuple(d for d in full.sets if len(d.ids) <= part.k)
                assert isinstance(exc, argmap.ArgmapError)
            else:
                assert lb == full
        assert cut_points > 0
        monkeypatch.undo()
        assert load_bearing(m, thesis, k=3, semantics="preferred", timeout=None) == full

    def test_no_labelling_is_started_that_would_overrun(self, monkeypatch):
        """Each labelling takes 5 s; with 12 s the search stops at 10 s, not at 15 s."""
        clock = FakeClock()
        reads = []

        def monotonic():
            clock.now += 4.0  # plus FakeClock's 1: 5 s a labelling (one read each)
            reads.append(clock())
            return reads[-1]

        m = ArgumentMap()
        c = m.claim("C.", id="c")
        for i in range(3):
            m.objection("O.", id=f"o{i}", against=c)
        monkeypatch.setattr(whatif_module.time, "monotonic", monotonic)
        with pytest.raises(LoadBearingTimeoutError, match="gave up within 12 s") as info:
            load_bearing(m, "c", timeout=12)
        assert reads[-1] - reads[0] <= 12
        assert info.value.partial.checked == 1

    @pytest.mark.parametrize("timeout", [-1, math.nan, "5", True, [1]])
    def test_bad_timeout(self, timeout):
        m = generated(3, 5)
        with pytest.raises(WhatIfError, match="timeout must be None or a number"):
            load_bearing(m, "s0" if m.get("s0").kind == "claim" else m.statements("claim")[0],
                         timeout=timeout)  # fmt: skip

    def test_zero_and_infinite_timeouts_are_accepted(self, monkeypatch):
        m = ArgumentMap()
        c = m.claim("C.", id="c")
        m.objection("O.", id="o", against=c)
        assert load_bearing(m, "c", timeout=math.inf).statements == ["o"]
        monkeypatch.setattr(whatif_module.time, "monotonic", FakeClock())
        with pytest.raises(LoadBearingTimeoutError):
            load_bearing(m, "c", timeout=0)


@pytest.fixture
def tax() -> ArgumentMap:
    m = ArgumentMap(title="Sugar tax")
    c = m.claim("Tax sugar.", id="tax", tags=["thesis"])
    o = m.objection("It hurts the poor.", id="regressive", against=c)
    m.rebuttal("Revenue funds health care.", id="revenue", against=o)
    return m


BAD_WHAT_IF = {
    "defeat a number": {"defeat": 42},
    "defeat a list with a number": {"defeat": [42]},
    "defeat a list with None": {"defeat": [None]},
    "remove a number": {"remove": 5},
    "remove a list with a float": {"remove": [3.5]},
    "add a number": {"add": 5},
    "negative max_extensions": {"max_extensions": -1},
    "max_extensions a string": {"max_extensions": "many"},
}


class TestBadInput:
    @pytest.mark.parametrize("kwargs", BAD_WHAT_IF.values(), ids=list(BAD_WHAT_IF))
    def test_what_if(self, tax, kwargs):
        with pytest.raises(WhatIfError):
            what_if(tax, **kwargs)

    @pytest.mark.parametrize("thing", ["map.yaml", Path("map.yaml"), None, {"argmap": 1}])
    def test_not_a_map(self, thing):
        with pytest.raises(WhatIfError, match="what_if needs an ArgumentMap"):
            what_if(thing, defeat="x")
        with pytest.raises(WhatIfError, match="load_bearing needs an ArgumentMap"):
            load_bearing(thing, "x")

    def test_path_names_the_fix(self):
        with pytest.raises(WhatIfError, match=r"argmap.load\(path\)"):
            what_if("map.yaml")

    @pytest.mark.parametrize("thesis", [42, None, 1.5])
    def test_load_bearing_thesis_of_the_wrong_type(self, tax, thesis):
        with pytest.raises(WhatIfError, match="thesis: expected the id of a claim"):
            load_bearing(tax, thesis)

    def test_load_bearing_max_extensions(self, tax):
        with pytest.raises(WhatIfError, match="max_extensions"):
            load_bearing(tax, "tax", semantics="preferred", max_extensions=-1)

    def test_still_value_errors(self, tax):
        # a WhatIfError is a ValueError, as label_framework's own check was
        with pytest.raises(ValueError):
            what_if(tax, max_extensions=-1)


def _cli(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "argmap", *args],
        capture_output=True,
        text=True,
        timeout=120,
        env={"PYTHONPATH": str(ROOT / "src"), "PATH": "/usr/bin:/bin"},
    )


class TestCli:
    @pytest.mark.parametrize(
        "extra,message",
        [
            (["--timeout", "nan"], "timeout must be"),
            (["--timeout", "-1"], "timeout must be"),
            (["--k", "4"], "k must be a whole number from 1 to 3"),
            (["--k", "0"], "k must be a whole number from 1 to 3"),
        ],
    )
    def test_bad_bounds_are_argmap_errors(self, tmp_path, tax, extra, message):
        path = tmp_path / "tax.yaml"
        argmap.dump(tax, path)
        done = _cli("analyze", str(path), "--strength", "none", "--load-bearing", "tax", *extra)
        assert done.returncode == 2, done.stdout + done.stderr
        assert done.stderr.startswith("error: ") and message in done.stderr
        assert "Traceback" not in done.stderr

    @pytest.mark.parametrize("thesis", ["nope", "regressive", "revenue>rebuts>regressive"])
    def test_bad_thesis(self, tmp_path, tax, thesis):
        path = tmp_path / "tax.yaml"
        argmap.dump(tax, path)
        done = _cli("analyze", str(path), "--strength", "none", "--load-bearing", thesis)
        assert done.returncode == 2 and done.stderr.startswith("error: ")
        assert "Traceback" not in done.stderr


def test_analysis_never_imports_render():
    """Importing every analysis module, running what-if and load-bearing, and showing
    objection statuses as tables loads no render module."""
    code = """
import importlib, pkgutil, sys
import argmap.analysis as analysis
for info in pkgutil.iter_modules(analysis.__path__):
    importlib.import_module("argmap.analysis." + info.name)
from argmap import ArgumentMap
from argmap.analysis.whatif import load_bearing, what_if
m = ArgumentMap()
c = m.claim("C.", id="c", tags=["thesis"])
o = m.objection("O.", id="o", against=c)
m.rebuttal("R.", id="r", against=o)
w = what_if(m, defeat="r", remove=[], add={"id": "n", "kind": "claim", "text": "N."})
lb = load_bearing(m, "c", k=2)
for result in (w, lb):
    str(result), result.to_dict(), result.table().to_text(), result._repr_html_()
from argmap.analysis.dialectic import find_unanswered_objections, objection_statuses
for shown in (objection_statuses(m), find_unanswered_objections(m)):
    shown.table().to_text(), shown._repr_html_()
print(sorted(name for name in sys.modules if name.startswith("argmap.render")))
"""
    done = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        timeout=120,
        env={"PYTHONPATH": str(ROOT / "src"), "PATH": "/usr/bin:/bin"},
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "[]"


class TestDataFrameDtypes:
    """An empty frame has the dtypes of a full one (it was all ``object``)."""

    @staticmethod
    def frames(m: ArgumentMap) -> dict:
        thesis = next((t.id for t in m.theses()), None)
        report = argmap.analyze(m, strength=None)
        frames = {
            "statements": (m.to_pandas(), {"thesis": "bool", "weight": "float64",
                                           "attackers": "int64", "supporters": "int64"}),
            "relations": (m.relations_frame(), {"attack": "bool"}),
            "objections": (argmap.objection_statuses(m).to_pandas(), {"answered": "bool"}),
            "what-if": (what_if(m).to_pandas(), {"thesis": "bool"}),
            "report": (report.to_pandas(), {"unanswered": "bool"}),
            "actors": (report.to_pandas("actors"), {"statements": "int64", "in": "int64"}),
        }  # fmt: skip
        if thesis is not None:
            frames["load-bearing"] = (load_bearing(m, thesis).to_pandas(), {"size": "int64"})
        return frames

    def test_empty_and_full_frames_agree(self):
        pytest.importorskip("pandas")
        full = ArgumentMap()
        full.actor("bo", "Bo")
        c = full.claim("Tax sugar — 北京.", id="tax", tags=["thesis"], by="bo")
        full.objection("O.", id="o", against=c)
        empty = ArgumentMap()
        empty.claim("Lonely.", id="lonely")  # a thesis with nothing to bear it
        for m in (full, empty, ArgumentMap()):
            for name, (frame, dtypes) in self.frames(m).items():
                for column, dtype in dtypes.items():
                    assert str(frame[column].dtype) == dtype, (name, column, len(frame))

    def test_unset_weights_are_nan(self):
        pd = pytest.importorskip("pandas")
        m = ArgumentMap()
        m.claim("A.", id="a")
        df = m.to_pandas()
        assert str(df["weight"].dtype) == "float64" and pd.isna(df.loc["a", "weight"])


def test_defeats_from_a_generator_are_not_lost():
    m = ArgumentMap()
    c = m.claim("C.", id="c", tags=["thesis"])
    o = m.objection("O.", id="o", against=c)
    m.rebuttal("R.", id="r", against=o)
    w = what_if(m, defeat=(s.id for s in m.statements("rebuttal")))
    assert w.defeated == ("r",) and w.fallen == ["c"]
    w = what_if(m, remove=iter(["r"]), add=iter([{"id": "n", "kind": "claim", "text": "N."}]))
    assert w.removed == ("r",) and w.added == ("n",)


def test_self_attack_and_odd_cycle_every_single_defeat():
    """``o`` supports and objects to ``c``: under the deductive reading ``o`` attacks itself
    and the map has no stable extension; ``r`` undercuts an attack on ``d`` that ``d``
    answers by contradicting ``r``; a concession that changes nothing."""
    m = ArgumentMap()
    c = m.claim("C.", id="c", tags=["thesis"])
    o = m.objection("O.", id="o", against=c)
    m.relate(o, c, "supports")
    d = m.claim("D.", id="d")
    u = m.objection("U.", id="u", against=d)
    r = m.rebuttal("R.", id="r", against=m.relations_from("u")[0])
    m.relate(d, r, "contradicts")  # r undercuts u->d, which attacks d, which attacks r
    m.relate(r, c, "concedes")
    assert u.id == "u"
    keys = [s.id for s in m.statements()]
    keys += [k.key for k in m.relations() if k.kind in DEFEATABLE_RELATIONS]
    for semantics, support in READINGS:
        for key in keys:
            w = what_if(m, defeat=key, semantics=semantics, support=support)
            check_against_brute(m, w, [key], [], [], semantics, support)


@pytest.mark.parametrize(
    "add",
    [
        {"id": "regressive", "kind": "claim", "text": "Taken by a statement."},
        [{"id": "n", "kind": "claim", "text": "N."}, {"id": "n", "kind": "claim", "text": "M."}],
        {"from": "regressive", "to": "tax", "kind": "objects"},  # the same relation again
        {"id": "tax", "from": "revenue", "to": "regressive", "kind": "supports"},
    ],
    ids=["statement id", "twice in add", "same relation", "relation id of a statement"],
)
def test_add_colliding_ids(tax, add):
    with pytest.raises(DuplicateIdError):
        what_if(tax, add=add)
    assert len(tax) == 3 and len(tax.relations()) == 2  # untouched
