"""The bipolar argumentation framework (attacks + supports) that a map means.

Every relation of a map becomes attacks or supports between *arguments*. The
arguments are the statements, plus two meta-arguments for each relation that
is undercut (after the meta-argumentation flattening of attacks on attacks,
Boella, Gabbay, van der Torre and Villata 2009; Cayrol, Cohen and
Lagasquie-Schiex 2021):

=============  ===========================================================
relation       meaning in the framework
=============  ===========================================================
a supports b   support (a, b)
a objects b    attack (a, b)
a rebuts b     attack (a, b)
a contradicts  attacks (a, b) and (b, a)
b
a concedes b   nothing: a concession grants (part of) b; it neither attacks
               nor supports, so no status depends on it
u undercuts r  attack (u, ``r``), where ``r`` is the meta-argument "relation r
               holds"
=============  ===========================================================

A relation ``r`` from ``s`` to ``t`` that is undercut is rerouted through its
meta-arguments ``~r`` ("s is not accepted") and ``r`` ("r holds"): ``s``
attacks ``~r``, ``~r`` attacks ``r``, and ``r`` then attacks (or supports)
``t`` in place of ``s``. So ``r`` is accepted exactly when ``s`` is and no
undercutter is, and undercuts of undercuts nest to any depth. A map without
undercuts has no meta-arguments: its arguments are its statements.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ..map import ArgumentMap

__all__ = ["BipolarFramework", "bipolar_framework", "NOT_PREFIX"]

NOT_PREFIX = "~"
"""Prefix of the meta-argument "the source of relation r is not accepted"."""


@dataclass(frozen=True)
class BipolarFramework:
    """Arguments with attack and support pairs; see the module docstring.

    Attributes
    ----------
    arguments : tuple of str
        Statement ids in map order, then meta-arguments (relation keys and
        ``~key``).
    attacks, supports : tuple of (str, str)
        Directed pairs (from, to) over ``arguments``.
    relation_of : dict
        Meta-argument name -> the key of the relation it stands for.
    """

    arguments: tuple[str, ...]
    attacks: tuple[tuple[str, str], ...]
    supports: tuple[tuple[str, str], ...]
    relation_of: dict[str, str]


def bipolar_framework(m: ArgumentMap, *, undercut: Iterable[str] = ()) -> BipolarFramework:
    """Translate a map into its bipolar argumentation framework.

    Parameters
    ----------
    m : ArgumentMap
    undercut : iterable of str, optional
        Keys of further relations to split into meta-arguments as though they
        were undercut (what-if analysis attacks them: :mod:`argmap.analysis.whatif`).
        The statuses of statements do not change by the split alone.

    Examples
    --------
    >>> from argmap import ArgumentMap
    >>> m = ArgumentMap()
    >>> c = m.claim("C.", id="c")
    >>> o = m.objection("O.", id="o", against=c)
    >>> r = m.relations()[0]
    >>> _ = m.rebuttal("R.", id="r", against=m.relations()[0])
    >>> baf = bipolar_framework(m)
    >>> baf.arguments
    ('c', 'o', 'r', 'o-objects-c', '~o-objects-c')
    >>> for pair in sorted(baf.attacks):
    ...     print(*pair)
    o ~o-objects-c
    o-objects-c c
    r o-objects-c
    ~o-objects-c o-objects-c
    """
    relations = m.relations()
    undercut = {r.to for r in relations if r.kind == "undercuts"} | set(undercut)
    arguments = [s.id for s in m.statements()]
    attacks: list[tuple[str, str]] = []
    supports: list[tuple[str, str]] = []
    relation_of: dict[str, str] = {}
    for r in relations:
        if r.key not in undercut:
            continue
        arguments += [r.key, NOT_PREFIX + r.key]
        relation_of[r.key] = relation_of[NOT_PREFIX + r.key] = r.key
        attacks += [(r.from_, NOT_PREFIX + r.key), (NOT_PREFIX + r.key, r.key)]
    for r in relations:
        if r.kind == "concedes":
            continue
        src = r.key if r.key in undercut else r.from_
        if r.kind == "supports":
            supports.append((src, r.to))
        elif r.kind == "contradicts":
            attacks += [(r.from_, r.to), (r.to, r.from_)]
        else:  # objects, rebuts, and undercuts (whose target is the meta-argument r.to)
            attacks.append((src, r.to))
    return BipolarFramework(tuple(arguments), tuple(attacks), tuple(supports), relation_of)
