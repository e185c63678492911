"""The rule table: which relation kinds may link which statement kinds.

=============  ===============================  ==========================================
kind           from                             to
=============  ===============================  ==========================================
supports       claim, objection, rebuttal,      any other statement
               evidence
objects        objection                        claim, evidence, rebuttal
rebuts         rebuttal                         objection
undercuts      objection, rebuttal              a relation of kind supports, objects, rebuts
                                                or undercuts (not contradicts)
contradicts    any statement                    any other statement (symmetric)
concedes       any statement                    any other statement (grants it, in part;
                                                neither attack nor support)
=============  ===============================  ==========================================

No relation links a statement to itself, no two relations have the same
``(from, to, kind)`` (for ``contradicts``, either way round), and an undercut
never targets itself or a relation that (through other undercuts) targets it.
An objection to a rebuttal (a counter-rebuttal) is ``objects``; the chain
objection, rebuttal, objection, ... may go to any depth.
"""

from __future__ import annotations

from .model import Relation

__all__ = ["RULES", "UNDERCUTTABLE", "relation_problem"]

_ANY = frozenset({"claim", "objection", "rebuttal", "evidence"})

RULES: dict[str, tuple[frozenset[str], frozenset[str]]] = {
    "supports": (_ANY, _ANY),
    "objects": (frozenset({"objection"}), frozenset({"claim", "evidence", "rebuttal"})),
    "rebuts": (frozenset({"rebuttal"}), frozenset({"objection"})),
    "undercuts": (frozenset({"objection", "rebuttal"}), frozenset()),
    "contradicts": (_ANY, _ANY),
    "concedes": (_ANY, _ANY),
}
"""For each relation kind: the statement kinds it may start from and point to."""

UNDERCUTTABLE = frozenset({"supports", "objects", "rebuts", "undercuts"})
"""Relation kinds an undercut may target."""

_HINT = {
    ("objects", "rebuttal"): "a rebuttal answers an objection with 'rebuts'",
    ("rebuts", "objection"): "an objection raised against something uses 'objects'",
    ("objects", "objection"): "to answer an objection, make a rebuttal that 'rebuts' it",
    ("rebuts", "claim"): "to attack a claim, make an objection that 'objects' to it",
    ("rebuts", "evidence"): "to attack evidence, make an objection that 'objects' to it",
    ("rebuts", "rebuttal"): "to attack a rebuttal, make an objection that 'objects' to it",
}


def _describe(kinds: frozenset[str]) -> str:
    return " or ".join(sorted(kinds))


def relation_problem(
    relation: Relation,
    from_kind: str | None,
    to_kind: str | None,
    *,
    to_relation_kind: str | None = None,
) -> str | None:
    """Say what is wrong with a relation under the rule table, or return None.

    Parameters
    ----------
    relation : Relation
        The relation to check.
    from_kind : str or None
        Kind of the source statement (None when unknown, which is not checked here).
    to_kind : str or None
        Kind of the target statement (None for undercuts or when unknown).
    to_relation_kind : str, optional
        For undercuts, the kind of the relation undercut.

    Examples
    --------
    >>> r = Relation.model_validate({"from": "r1", "to": "c1", "kind": "rebuts"})
    >>> relation_problem(r, "rebuttal", "claim")
    "relation r1 -rebuts-> c1: rebuts must point to an objection, not a claim \
(to attack a claim, make an objection that 'objects' to it)"
    """
    name = f"relation {relation.from_} -{relation.kind}-> {relation.to}"
    if relation.from_ == relation.to:
        return f"{name}: a statement cannot relate to itself"
    sources, targets = RULES[relation.kind]
    if from_kind is not None and from_kind not in sources:
        return (
            f"{name}: {relation.kind} must start from {_a(_describe(sources))}, not {_a(from_kind)}"
        )
    if relation.kind == "undercuts":
        if to_relation_kind is not None and to_relation_kind not in UNDERCUTTABLE:
            allowed = ", ".join(sorted(UNDERCUTTABLE))
            return f"{name}: undercuts may target a {allowed} relation, not {to_relation_kind}"
        return None
    if to_kind is not None and to_kind not in targets:
        msg = f"{name}: {relation.kind} must point to {_a(_describe(targets))}, not {_a(to_kind)}"
        hint = _HINT.get((relation.kind, to_kind))
        return f"{msg} ({hint})" if hint else msg
    return None


def _a(phrase: str) -> str:
    return ("an " if phrase[0] in "aeiou" else "a ") + phrase
