"""Statement roles inferred from an attack graph, for formats that only say "attacks".

Argdown and Kialo (like AIF) say that one statement attacks another, not whether it
is an objection or a rebuttal. The rule table needs that, so the role follows the
attack graph:

- a statement that attacks nothing is a claim (unless the file says otherwise);
- a statement that attacks a claim, a piece of evidence or a rebuttal is an objection;
- a statement that attacks an objection is a rebuttal.

Roles are given breadth-first from the statements that attack nothing, so a
statement gets its role from the target nearest the root of its chain. A statement
caught in a pure attack cycle (nothing outside reaches it) starts as an objection.
An attack that the chosen roles cannot carry (an objection that also attacks an
objection, say) is reported by :func:`attack_kind` returning None; callers keep it
as ``contradicts`` and say so in a warning.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Iterable, Mapping, Sequence

__all__ = ["infer_roles", "attack_kind"]


def infer_roles(
    ids: Sequence[str],
    attacks: Iterable[tuple[str, str]],
    fixed: Mapping[str, str] | None = None,
) -> dict[str, str]:
    """The statement kind of every id, from who attacks whom.

    Parameters
    ----------
    ids : sequence of str
        Every statement id, in document order (the order breaks ties).
    attacks : iterable of (attacker, target)
        Attack edges between ids.
    fixed : mapping, optional
        Kinds the file states explicitly; they are kept and propagate.

    Returns
    -------
    dict
        ``{id: 'claim' | 'objection' | 'rebuttal' | 'evidence'}``.

    Examples
    --------
    >>> roles = infer_roles(["t", "o", "r", "c"], [("o", "t"), ("r", "o"), ("c", "r")])
    >>> [roles[i] for i in "torc"]
    ['claim', 'objection', 'rebuttal', 'objection']
    """
    fixed = dict(fixed or {})
    attackers: dict[str, list[str]] = {}
    attacking: set[str] = set()
    for s, t in attacks:
        attackers.setdefault(t, []).append(s)
        attacking.add(s)
    kinds: dict[str, str] = {}
    queue: deque[str] = deque()
    for i in ids:
        if i in fixed:
            kinds[i] = fixed[i]
            queue.append(i)
        elif i not in attacking:
            kinds[i] = "claim"
            queue.append(i)

    def spread() -> None:
        while queue:
            t = queue.popleft()
            role = "rebuttal" if kinds[t] == "objection" else "objection"
            for s in attackers.get(t, ()):
                if s not in kinds:
                    kinds[s] = role
                    queue.append(s)

    spread()
    for i in ids:
        if i not in kinds:  # a pure attack cycle
            kinds[i] = "objection"
            queue.append(i)
            spread()
    return kinds


def attack_kind(from_kind: str, to_kind: str) -> str | None:
    """The relation kind for an attack between two kinds, or None if the rules forbid it.

    Examples
    --------
    >>> attack_kind("objection", "claim"), attack_kind("rebuttal", "objection")
    ('objects', 'rebuts')
    >>> attack_kind("objection", "objection") is None
    True
    """
    if from_kind == "objection" and to_kind in ("claim", "evidence", "rebuttal"):
        return "objects"
    if from_kind == "rebuttal" and to_kind == "objection":
        return "rebuts"
    return None
