"""Which objections are still unanswered: the dialectical check of a map.

An objection is *answered* when a standing statement answers it: it is
defeated (an accepted rebuttal or contradicting statement attacks it), or
every attack it makes is undercut by an accepted statement. "Standing" is the
grounded semantics (Dung 1995) of the map's framework
(:mod:`argmap.analysis.bipolar`), computed by the usual labelling: a
statement is *in* when every attacker is *out*, *out* when some attacker is
*in*, and *undecided* otherwise. So a rebuttal that is itself defeated by an
unanswered counter-objection answers nothing, to any depth.

Cycles get the sceptical answer: in an attack cycle that nothing outside
breaks (say a rebuttal and an objection that contradict each other, or an odd
cycle), the statements are *undecided*; an undecided rebuttal does not count
as standing, so the objection is reported as unanswered with reason
``"undecided"``. The computation is iterative and linear in the size of the map
(no recursion, no hang).

Relation to the semantics: an objection is answered exactly when it is *out*
in the grounded labelling, or all its attacks are.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal

from .bipolar import bipolar_framework

if TYPE_CHECKING:
    from ..map import ArgumentMap
    from ..model import Objection

__all__ = [
    "Label",
    "grounded_labels",
    "ObjectionStatus",
    "ObjectionStatuses",
    "UnansweredObjections",
    "objection_statuses",
    "find_unanswered_objections",
]

Label = Literal["in", "out", "undec"]
Reason = Literal["rebutted", "undercut", "no-answer", "answers-defeated", "undecided"]


def grounded_labels(
    arguments: Iterable[str], attacks: Iterable[tuple[str, str]]
) -> dict[str, Label]:
    """Grounded labelling of an abstract framework, in linear time.

    Parameters
    ----------
    arguments : iterable of str
    attacks : iterable of (attacker, target)

    Returns
    -------
    dict
        Argument -> ``"in"``, ``"out"`` or ``"undec"``.

    Examples
    --------
    >>> labels = grounded_labels("abcd", [("a", "b"), ("b", "c"), ("d", "d")])
    >>> [labels[x] for x in "abcd"]
    ['in', 'out', 'in', 'undec']
    """
    # one implementation: the linear-time grounded labelling of analysis.semantics
    # (imported here so that ``import argmap`` stays light)
    from .framework import ArgumentationFramework
    from .semantics import grounded_labelling

    af = ArgumentationFramework.from_edges(arguments, attacks)
    lab = grounded_labelling(af)
    return {a: "in" if a in lab.in_ else "out" if a in lab.out else "undec" for a in af.names}


@dataclass(frozen=True)
class ObjectionStatus:
    """Whether one objection is answered, and by what.

    Attributes
    ----------
    objection : Objection
    answered : bool
    reason : str
        ``"rebutted"`` or ``"undercut"`` when answered; ``"no-answer"`` (nothing
        attacks it), ``"answers-defeated"`` (every answer is itself defeated) or
        ``"undecided"`` (caught in an unresolved cycle) when not.
    answered_by : tuple of str
        Ids of the standing statements that answer it.
    answers : tuple of str
        Ids of every statement that attacks it or undercuts its attacks.
    targets : tuple of str
        What the objection attacks: statement ids or relation keys.
    """

    objection: Objection
    answered: bool
    reason: Reason
    answered_by: tuple[str, ...]
    answers: tuple[str, ...]
    targets: tuple[str, ...]


class ObjectionStatuses(list):
    """A list of :class:`ObjectionStatus` that notebooks display as a table.

    ``map`` is the map the statuses belong to (for actor names in the table).
    See :func:`argmap.render.jupyter.objections_table`.
    """

    def __init__(self, statuses: Iterable[ObjectionStatus] = (), map: ArgumentMap | None = None):
        super().__init__(statuses)
        self.map = map

    def table(self):
        """These statuses as a :class:`~argmap.render.table.Table`."""
        from ..render.jupyter import objections_table

        return objections_table(self.map, statuses=self)

    def _repr_html_(self) -> str:
        return self.table().to_html()


class UnansweredObjections(list):
    """A list of unanswered :class:`~argmap.Objection` that notebooks display as a table."""

    def __init__(self, statuses: Iterable[ObjectionStatus] = (), map: ArgumentMap | None = None):
        self.statuses = tuple(s for s in statuses if not s.answered)
        super().__init__(s.objection for s in self.statuses)
        self.map = map

    def table(self):
        """These objections, with why each is unanswered, as a table."""
        from ..render.jupyter import objections_table

        return objections_table(self.map, statuses=self.statuses, unanswered_only=True)

    def _repr_html_(self) -> str:
        return self.table().to_html()


def objection_statuses(m: ArgumentMap) -> ObjectionStatuses:
    """The dialectical status of every objection in the map, in map order.

    Examples
    --------
    >>> from argmap import ArgumentMap
    >>> m = ArgumentMap()
    >>> c = m.claim("C.", id="c")
    >>> o = m.objection("O.", id="o", against=c)
    >>> [(s.objection.id, s.answered, s.reason) for s in objection_statuses(m)]
    [('o', False, 'no-answer')]
    """
    from ..map import require_map

    require_map(m, "objection_statuses")
    baf = bipolar_framework(m)
    labels = grounded_labels(baf.arguments, baf.attacks)
    out = ObjectionStatuses(map=m)

    def attackers(key: str) -> list[str]:
        return [r.from_ if r.to == key else r.to for r in m.relations_to(key) if r.is_attack]

    for o in m.statements("objection"):
        attacks = [r for r in m.relations_from(o.id) if r.is_attack]
        undercut_attacks = [r for r in attacks if r.key in baf.relation_of]
        answers = attackers(o.id)
        for r in undercut_attacks:
            answers += attackers(r.key)
        answers = list(dict.fromkeys(answers))
        standing = tuple(a for a in answers if labels[a] == "in")
        targets = tuple(r.to if r.from_ == o.id else r.from_ for r in attacks)
        if labels[o.id] == "out":
            answered, reason = True, "rebutted"
        elif attacks and all(labels.get(r.key) == "out" for r in attacks):
            answered, reason = True, "undercut"
        elif not answers:
            answered, reason = False, "no-answer"
        elif all(labels[a] == "out" for a in answers):
            answered, reason = False, "answers-defeated"
        else:
            answered, reason = False, "undecided"
        out.append(ObjectionStatus(o, answered, reason, standing, tuple(answers), targets))
    return out


def find_unanswered_objections(m: ArgumentMap) -> UnansweredObjections:
    """Every objection that no standing rebuttal answers, in map order.

    See the module docstring for what "standing" means, and how cycles are
    treated (sceptically: an objection in an unresolved cycle is unanswered).

    Parameters
    ----------
    m : ArgumentMap

    Returns
    -------
    list of Objection

    See Also
    --------
    objection_statuses : the same check with reasons and the answering statements.

    Examples
    --------
    >>> from argmap import ArgumentMap
    >>> m = ArgumentMap()
    >>> c = m.claim("Tax sugar.", id="tax")
    >>> o = m.objection("It hurts the poor.", id="regressive", against=c)
    >>> r = m.rebuttal("Revenue funds health care.", id="revenue", against=o)
    >>> [s.id for s in find_unanswered_objections(m)]
    []
    >>> o2 = m.objection("Revenue is not earmarked.", id="not-earmarked", against=r)
    >>> [s.id for s in find_unanswered_objections(m)]
    ['regressive', 'not-earmarked']
    """
    from ..map import require_map

    require_map(m, "find_unanswered_objections")
    return UnansweredObjections(objection_statuses(m), map=m)
