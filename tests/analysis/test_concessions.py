"""A concession (``concedes``) is neither an attack nor a support: no analysis depends on it."""

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import argmap
from argmap.analysis.semantics import SEMANTICS
from argmap.analysis.status import explain, statuses
from argmap.analysis.strength import STRENGTH_METHODS, strength
from argmap.analysis.translate import SUPPORT_INTERPRETATIONS, format_framework, translate
from strategies import maps


def without_concessions(m: argmap.ArgumentMap) -> argmap.ArgumentMap:
    bare = m.copy()
    for r in bare.relations("concedes"):
        bare.remove(r)
    return bare


def small():
    m = argmap.ArgumentMap()
    c = m.claim("We should.", id="c", qualifier="probably")
    o = m.objection("It costs.", id="o", against=c)
    m.rebuttal("It is cheap, though it costs a little.", id="r", against=o, concedes=o)
    m.claim("Costs matter.", id="g", concedes=o, supports=c)
    m.relate("c", "o", "concedes")
    return m


def test_small_map():
    m = small()
    assert m.status() == {"c": "in", "o": "out", "r": "in", "g": "in"}
    assert [s.id for s in m.attackers("o")] == ["r"]
    assert [s.id for s in m.concessions("o")] == ["r", "g", "c"]
    assert translate(m).framework.num_attacks == 2
    assert m.unanswered_objections() == []


def test_the_framework_and_its_export_ignore_concessions():
    m = small()
    for support in SUPPORT_INTERPRETATIONS:
        t, bare = translate(m, support=support), translate(without_concessions(m), support=support)
        assert sorted(t.framework.attacks()) == sorted(bare.framework.attacks())
        assert format_framework(t, "apx") == format_framework(bare, "apx")


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    maps(max_statements=8, rich=False),
    st.sampled_from(list(SEMANTICS.values())),
    st.sampled_from(SUPPORT_INTERPRETATIONS),
)
def test_no_status_depends_on_a_concession(m, semantics, support):
    bare = without_concessions(m)
    assert statuses(m, semantics, support=support) == statuses(bare, semantics, support=support)
    for s in m.statements()[:2]:
        assert explain(m, s.id, semantics=semantics, support=support) == explain(
            bare, s.id, semantics=semantics, support=support
        )


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(maps(max_statements=8, rich=False), st.sampled_from(list(STRENGTH_METHODS)))
def test_no_strength_depends_on_a_concession(m, method):
    assert strength(m, method).scores == strength(without_concessions(m), method).scores


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(maps(max_statements=8, rich=False))
def test_no_answer_depends_on_a_concession(m):
    bare = without_concessions(m)
    assert m.unanswered_objections() == bare.unanswered_objections()
    for s in m.statements():
        assert m.attackers(s) == bare.attackers(s)
        assert m.supporters(s) == bare.supporters(s)
        assert m.targets(s) == bare.targets(s)
