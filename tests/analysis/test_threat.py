"""Objections scoped to a thesis: which objections bear on it, and through which path."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import argmap
from argmap.analysis.bipolar import NOT_PREFIX, bipolar_framework
from argmap.analysis.dialectic import _threat_search, _walk, resolve_theses, threat_paths
from strategies import maps


def chain() -> argmap.ArgumentMap:
    """thesis <- reason <- objection <- rebuttal <- counter; side claim with its own objection."""
    m = argmap.ArgumentMap()
    t = m.claim("Thesis.", id="t", tags=["thesis"])
    why = m.claim("Reason.", id="why", supports=t)
    o = m.objection("Not so.", id="o", against=why)
    r = m.rebuttal("Yes so.", id="r", against=o)
    m.objection("Counter.", id="counter", against=r)
    side = m.claim("Side claim.", id="side")
    m.objection("Against the side claim.", id="aside", against=side)
    return m


class TestThreatPaths:
    def test_empty_map_has_no_theses(self):
        assert resolve_theses(argmap.ArgumentMap()) == []
        assert argmap.objection_statuses(argmap.ArgumentMap(), thesis=[]) == []

    def test_direct_attack(self):
        m = argmap.ArgumentMap()
        t = m.claim("T.", id="t")
        m.objection("O.", id="o", against=t)
        assert threat_paths(m, "t") == {"o": ("o", "t")}

    def test_attack_on_a_support_and_on_a_defending_rebuttal(self):
        paths = threat_paths(chain(), "t")
        assert paths == {"o": ("o", "why", "t"), "counter": ("counter", "r", "o", "why", "t")}
        # the rebuttal has an even walk only: it defends the thesis
        assert "r" not in paths

    def test_undercut_of_a_support_threatens_undercut_of_an_attack_does_not(self):
        m = argmap.ArgumentMap()
        t = m.claim("T.", id="t")
        why = m.claim("Why.", id="why", supports=t)
        link = m.relations()[0]
        m.objection("The reason does not bear on T.", id="u", against=link)
        o = m.objection("O.", id="o", against=t)
        attack = m.relations("objects")[0]
        m.rebuttal("O's point is beside T.", id="v", against=attack)
        paths = threat_paths(m, "t")
        assert link.id is None  # the undercut gave the relation an id
        assert paths["u"] == ("u", m.relations("supports")[0].key, "t")
        assert paths["o"][0] == "o" and paths["o"][-1] == "t"
        assert "v" not in paths and "why" not in paths
        assert not any(a.startswith(NOT_PREFIX) for p in paths.values() for a in p)
        assert why.id not in paths and o.id in paths

    def test_concession_is_no_path(self):
        m = argmap.ArgumentMap()
        t = m.claim("T.", id="t")
        o = m.objection("O.", id="o")
        m.relate(t, o, "concedes")
        assert threat_paths(m, "t") == {}

    def test_objection_to_a_side_claim_bears_on_no_thesis(self):
        m = chain()
        statuses = argmap.objection_statuses(m)
        by_id = {s.objection.id: s for s in statuses}
        assert by_id["aside"].threatens == {}
        assert by_id["counter"].threatens == {"t": ("counter", "r", "o", "why", "t")}
        assert [o.id for o in m.unanswered_objections()] == ["o", "counter", "aside"]
        assert [o.id for o in m.unanswered_objections(thesis="t")] == ["o", "counter"]
        assert [o.id for o in argmap.find_unanswered_objections(m, thesis="side")] == ["aside"]
        both = argmap.objection_statuses(m, thesis=["t", "side"])
        assert [s.objection.id for s in both] == ["o", "counter", "aside"]

    def test_default_theses_are_root_claims(self):
        m = chain()
        m.replace(m["t"].model_copy(update={"tags": ()}))
        assert resolve_theses(m) == ["t", "side"]
        by_id = {s.objection.id: s for s in argmap.objection_statuses(m)}
        assert set(by_id["aside"].threatens) == {"side"}


class TestThesisErrors:
    def test_unknown_thesis(self):
        with pytest.raises(argmap.UnknownIdError, match="unknown thesis 'tt'.*did you mean 't'"):
            argmap.objection_statuses(chain(), thesis="tt")

    def test_not_a_claim(self):
        with pytest.raises(argmap.OptionError, match="thesis 'o' is an objection, not a claim"):
            chain().unanswered_objections(thesis="o")

    def test_a_relation(self):
        m = chain()
        with pytest.raises(argmap.OptionError, match="is a relation, not a claim"):
            argmap.find_unanswered_objections(m, thesis=m.relations()[0].key)


# ---------------------------------------------------------------- properties


def _oracle(m: argmap.ArgumentMap, thesis: str) -> set[str]:
    """Arguments with an odd walk to the thesis, by a naive fixpoint (no BFS, no parents)."""
    baf = bipolar_framework(m)
    edges = [(a, b, 1) for a, b in baf.attacks] + [(a, b, 0) for a, b in baf.supports]
    reach = {(thesis, 0)}
    changed = True
    while changed:
        changed = False
        for a, b, att in edges:
            for p in (0, 1):
                if (b, p) in reach and (a, p ^ att) not in reach:
                    reach.add((a, p ^ att))
                    changed = True
    return {a for a, p in reach if p == 1}


def _maps_with_thesis():
    return maps(max_statements=10, rich=False).filter(lambda m: m.statements("claim"))


_RANK = {"out": 0, "undec": 1, "in": 2}


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.filter_too_much])
@given(m=_maps_with_thesis(), data=st.data())
def test_paths_agree_with_a_naive_fixpoint_and_are_odd_walks(m, data):
    thesis = data.draw(st.sampled_from([c.id for c in m.statements("claim")]))
    baf = bipolar_framework(m)
    parent = _threat_search(baf, thesis)
    walks = {arg: _walk(parent, (arg, 1)) for arg, parity in parent if parity == 1}
    assert set(walks) == _oracle(m, thesis)
    attacks, supports = set(baf.attacks), set(baf.supports)
    for arg, walk in walks.items():
        assert walk[0] == arg and walk[-1] == thesis
        steps = list(zip(walk, walk[1:], strict=False))
        assert all(s in attacks or s in supports for s in steps)
        if not any(s in attacks and s in supports for s in steps):  # else ambiguous
            assert sum(1 for s in steps if s in attacks) % 2 == 1
    public = threat_paths(m, thesis)
    statements = {s.id for s in m.statements()}
    assert set(public) == set(walks) & statements
    for sid, path in public.items():
        assert path == tuple(a for a in walks[sid] if not a.startswith(NOT_PREFIX))


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.filter_too_much])
@given(m=_maps_with_thesis(), data=st.data())
def test_a_thesis_not_in_has_an_unanswered_objection_bearing_on_it(m, data):
    """Grounded, supports ignored: if T is not *in* and only objections attack it (no
    ``contradicts`` touches it), some unanswered objection bears on T."""
    claims = [
        c.id
        for c in m.statements("claim")
        if not any(r.kind == "contradicts" for r in m.relations_to(c.id))
    ]
    if not claims:
        return
    thesis = data.draw(st.sampled_from(claims))
    if m.status("grounded", support="ignored")[thesis] != "in":
        assert argmap.find_unanswered_objections(m, thesis=thesis)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.filter_too_much])
@given(m=_maps_with_thesis(), data=st.data())
def test_an_objection_bearing_on_no_thesis_cannot_lower_it(m, data):
    """Grounded, supports ignored: removing an objection that does not bear on T never
    raises T's label (out < undec < in); such an objection can only defend T."""
    thesis = data.draw(st.sampled_from([c.id for c in m.statements("claim")]))
    bearing = threat_paths(m, thesis)
    before = m.status("grounded", support="ignored")[thesis]
    for o in m.statements("objection"):
        if o.id in bearing:
            continue
        smaller = m.copy()
        smaller.remove(o.id, cascade=True)
        after = smaller.status("grounded", support="ignored")[thesis]
        assert _RANK[after] <= _RANK[before], o.id
