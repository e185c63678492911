"""Gradual strength: a score in [0, 1] for every statement, from attacks, supports and weights.

Extension semantics say *whether* a statement stands; gradual semantics say *how
strongly*: each argument gets a score from its base score and the scores of its
attackers and supporters. Five are provided, each an *influence function*
``f(base, attacker scores, supporter scores) -> score`` documented with its
formula and paper:

=====================  =================================  ============  ========
method                 paper                              supports      default
                                                                        base
=====================  =================================  ============  ========
``h-categorizer``      Besnard & Hunter 2001              ignored       1.0
``quad``               Baroni et al. 2015                 yes           0.5
``df-quad``            Rago et al. 2016                   yes           0.5
``euler``              Amgoud & Ben-Naim 2018             yes           0.5
``quadratic-energy``   Potyka 2018                        yes           0.5
=====================  =================================  ============  ========

Scores are computed on the map's bipolar framework
(:func:`argmap.bipolar_framework`), so supports count as supports and no
support interpretation applies. The **base score** of a statement is its
``weight``; a statement without one gets the method's default: 0.5 ("no
information either way") except for the h-categorizer, whose classic form
(Besnard & Hunter) gives every argument 1.0. The meta-arguments of undercut
relations (a relation key ``r`` and ``~r``) have base 1.0: with DF-QuAD, for
example, ``r`` then scores exactly ``s * (1 - u)`` for a source of score ``s``
and an undercutter of score ``u``, so an attack that nothing undercuts weighs
what its source weighs.

**Computation.** The strongly connected components of the attack-and-support
graph are processed in topological order. On an acyclic map every component is
a single argument and one pass suffices: each score is final when computed.
A cyclic component (a ``contradicts`` pair, a rebuttal cycle) is iterated
(all its scores updated together from the previous round, starting from the
base scores) until no score moves by more than ``tolerance``, or
``max_iterations`` rounds; :attr:`Strength.converged` reports which. The
h-categorizer always converges (Pu et al. 2014); DF-QuAD, Euler-based and
quadratic energy may oscillate on some cycles (Mossakowski & Neuhaus 2018;
Potyka 2018 introduces continuous-time dynamics for this reason).

References
----------
.. [1] P. Besnard, A. Hunter, "A logic-based theory of deductive arguments",
   Artificial Intelligence 128(1-2), 203-235, 2001.
.. [2] P. Baroni, M. Romano, F. Toni, M. Aurisicchio, G. Bertanza, "Automatic
   evaluation of design alternatives with quantitative argumentation", Argument
   & Computation 6(1), 24-49, 2015.
.. [3] A. Rago, F. Toni, M. Aurisicchio, P. Baroni, "Discontinuity-free decision
   support with quantitative argumentation debates", KR 2016, 63-73.
.. [4] L. Amgoud, J. Ben-Naim, "Evaluation of arguments in weighted bipolar
   graphs", International Journal of Approximate Reasoning 99, 39-55, 2018.
.. [5] N. Potyka, "Continuous dynamical systems for weighted bipolar
   argumentation", KR 2018, 148-157.
.. [6] F. Pu, J. Luo, Y. Zhang, G. Luo, "Argument ranking with categoriser
   function", KSEM 2014.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from ..errors import ArgmapError, UnknownIdError
from .deadline import check as check_deadline

if TYPE_CHECKING:
    from ..map import ArgumentMap

__all__ = [
    "STRENGTH_METHODS",
    "UnknownStrengthError",
    "Strength",
    "h_categorizer",
    "quad",
    "df_quad",
    "euler",
    "quadratic_energy",
    "gradual_strength",
    "strength",
]


class UnknownStrengthError(ArgmapError, ValueError):
    """A gradual semantics that argmap does not know."""


# -- influence functions --------------------------------------------------------------


def h_categorizer(
    base: float, attackers: Sequence[float], supporters: Sequence[float] = ()
) -> float:
    """Weighted h-categorizer (Besnard & Hunter 2001; weighted form Amgoud et al. 2017).

    ``s(a) = w(a) / (1 + sum of s(b) over the attackers b of a)``; supports are
    ignored. With every ``w = 1`` this is Besnard and Hunter's categoriser
    ``1 / (1 + sum)``.

    Examples
    --------
    >>> h_categorizer(1.0, []), h_categorizer(1.0, [1.0]), round(h_categorizer(1.0, [0.5]), 4)
    (1.0, 0.5, 0.6667)
    """
    return base / (1.0 + sum(attackers))


def _prob_sum(values: Sequence[float]) -> float:
    prod = 1.0
    for v in values:
        prod *= 1.0 - v
    return 1.0 - prod


def quad(base: float, attackers: Sequence[float], supporters: Sequence[float]) -> float:
    """QuAD (Baroni, Romano, Toni, Aurisicchio, Bertanza 2015).

    Attackers pull the base down multiplicatively, supporters push it up:
    ``va = w * prod(1 - s(b))`` over attackers, ``vs = 1 - (1 - w) * prod(1 - s(c))``
    over supporters. The score is ``w`` with neither, ``va`` with attackers
    only, ``vs`` with supporters only, and ``(va + vs) / 2`` with both (the
    averaging that DF-QuAD later replaced, since it jumps when the first
    attacker or supporter appears).

    Examples
    --------
    >>> quad(0.5, [], []), quad(0.5, [0.5], []), quad(0.5, [], [0.5]), quad(0.5, [0.5], [0.5])
    (0.5, 0.25, 0.75, 0.5)
    >>> quad(0.5, [], [1.0]), quad(0.5, [0.0], [1.0])  # a 0-strength attacker still counts
    (1.0, 0.75)
    """
    va = base
    for v in attackers:
        va *= 1.0 - v
    vs = 1.0 - (1.0 - base) * (1.0 - _prob_sum(supporters))
    if attackers and supporters:
        return (va + vs) / 2.0
    if attackers:
        return va
    if supporters:
        return vs
    return base


def df_quad(base: float, attackers: Sequence[float], supporters: Sequence[float]) -> float:
    """DF-QuAD (Rago, Toni, Aurisicchio, Baroni 2016).

    Aggregate each side by the probabilistic sum, ``F(v1..vn) = 1 - prod(1 - vi)``
    (0 for none): ``va = F(attackers)``, ``vs = F(supporters)``. Then the score
    is ``w`` when ``va = vs``, ``w - w * (va - vs)`` when attacks prevail and
    ``w + (1 - w) * (vs - va)`` when supports prevail.

    Examples
    --------
    >>> df_quad(0.5, [], []), df_quad(0.5, [0.5], []), df_quad(0.5, [], [0.5])
    (0.5, 0.25, 0.75)
    >>> df_quad(0.5, [0.5], [0.5]), df_quad(0.8, [1.0], [])
    (0.5, 0.0)
    """
    va, vs = _prob_sum(attackers), _prob_sum(supporters)
    if va > vs:
        return base - base * (va - vs)
    if vs > va:
        return base + (1.0 - base) * (vs - va)
    return base


def euler(base: float, attackers: Sequence[float], supporters: Sequence[float]) -> float:
    """Euler-based semantics (Amgoud & Ben-Naim 2018).

    With the energy ``E = sum(s(c) for supporters c) - sum(s(b) for attackers b)``,
    ``s(a) = 1 - (1 - w^2) / (1 + w * e^E)``. An argument with neither keeps
    ``w``; the score stays in ``[w^2, 1)`` whatever the attacks (for ``w < 1``).

    Examples
    --------
    >>> euler(0.5, [], [])
    0.5
    >>> round(euler(0.5, [0.5], []), 6), round(euler(0.5, [], [0.5]), 6)
    (0.424522, 0.588897)
    """
    energy = sum(supporters) - sum(attackers)
    return 1.0 - (1.0 - base * base) / (1.0 + base * math.exp(energy))


def _h(x: float) -> float:
    x = max(x, 0.0)
    return x * x / (1.0 + x * x)


def quadratic_energy(base: float, attackers: Sequence[float], supporters: Sequence[float]) -> float:
    """Quadratic energy model (Potyka 2018).

    With ``E = sum(supporters) - sum(attackers)`` and
    ``h(x) = max(x, 0)^2 / (1 + max(x, 0)^2)``,
    ``s(a) = w - w * h(-E) + (1 - w) * h(E)``: net attack pulls the score
    towards 0, net support towards 1.

    Examples
    --------
    >>> qe = quadratic_energy
    >>> qe(0.5, [], []), qe(0.5, [0.5], []), qe(0.5, [], [0.5])
    (0.5, 0.4, 0.6)
    >>> quadratic_energy(0.5, [1.0], [])
    0.25
    """
    energy = sum(supporters) - sum(attackers)
    return base - base * _h(-energy) + (1.0 - base) * _h(energy)


_Influence = Callable[[float, Sequence[float], Sequence[float]], float]

STRENGTH_METHODS: dict[str, tuple[_Influence, float]] = {
    "h-categorizer": (h_categorizer, 1.0),
    "quad": (quad, 0.5),
    "df-quad": (df_quad, 0.5),
    "euler": (euler, 0.5),
    "quadratic-energy": (quadratic_energy, 0.5),
}
"""Method name -> (influence function, default base score)."""

_ALIASES = {
    "hcat": "h-categorizer",
    "h-categoriser": "h-categorizer",
    "categorizer": "h-categorizer",
    "dfquad": "df-quad",
    "euler-based": "euler",
    "qe": "quadratic-energy",
    "quadratic": "quadratic-energy",
}


def _method(name: str) -> str:
    key = str(name).strip().lower().replace("_", "-")
    key = _ALIASES.get(key, key)
    if key not in STRENGTH_METHODS:
        raise UnknownStrengthError(
            f"unknown strength method {name!r} (must be one of {list(STRENGTH_METHODS)})"
        )
    return key


# -- computation ------------------------------------------------------------------------


@dataclass(frozen=True)
class Strength:
    """Gradual strengths of a map's statements.

    Attributes
    ----------
    method : str
        The method's name (a key of :data:`STRENGTH_METHODS`).
    scores : dict
        Statement id -> score in [0, 1], in map order.
    converged : bool
        False when some cyclic part was still moving by more than the tolerance
        after ``max_iterations`` rounds (its scores are then the last round's).
    iterations : int
        Rounds of the slowest cyclic part; 1 for an acyclic map (one pass).
    base : dict
        Statement id -> the base score used.
    meta_scores : dict
        Scores of the meta-arguments of undercut relations (relation key -> how
        strongly the relation holds; ``~key`` -> its negation).
    """

    method: str
    scores: dict[str, float]
    converged: bool
    iterations: int
    base: dict[str, float] = field(repr=False)
    meta_scores: dict[str, float] = field(default_factory=dict, repr=False)

    def to_dict(self) -> dict[str, Any]:
        """The result as plain data (for JSON)."""
        return {
            "method": self.method,
            "converged": self.converged,
            "iterations": self.iterations,
            "scores": dict(self.scores),
            "base": dict(self.base),
            "meta_scores": dict(self.meta_scores),
        }

    def to_pandas(self) -> Any:
        """The scores as a :class:`pandas.DataFrame` indexed by statement ``id``.

        Columns: ``score`` (the strength) and ``base`` (the base score used).
        Needs pandas (``pip install 'argmap[pandas]'``).
        """
        from ..table import data_frame

        rows = [{"id": k, "score": v, "base": self.base.get(k)} for k, v in self.scores.items()]
        return data_frame(rows, ("id", "score", "base"), "id")


def gradual_strength(
    arguments: Iterable[str],
    attacks: Iterable[tuple[str, str]],
    supports: Iterable[tuple[str, str]] = (),
    *,
    method: str = "df-quad",
    base: Mapping[str, float] | None = None,
    tolerance: float = 1e-9,
    max_iterations: int = 1000,
) -> tuple[dict[str, float], bool, int]:
    """Gradual strengths of the arguments of a bipolar framework.

    Parameters
    ----------
    arguments : iterable of str
    attacks, supports : iterable of (str, str)
    method : str, default "df-quad"
        A key of :data:`STRENGTH_METHODS` (or an alias: ``euler-based``, ``qe``).
    base : mapping, optional
        Base scores; arguments missing from it get the method's default.
    tolerance : float, default 1e-9
        A cyclic part has converged when no score moves by more than this.
    max_iterations : int, default 1000
        Cap on the rounds spent on one cyclic part.

    Returns
    -------
    (scores, converged, iterations)

    Raises
    ------
    UnknownStrengthError
        For an unknown method.
    UnknownIdError
        When an attack or support names an argument not in ``arguments``.
    ValueError
        For a base score outside [0, 1], a non-positive tolerance or cap.

    Examples
    --------
    >>> chain = [("a", "b"), ("b", "c")]
    >>> scores, converged, rounds = gradual_strength("abc", chain, method="h-categorizer")
    >>> {k: round(v, 4) for k, v in scores.items()}, converged, rounds
    ({'a': 1.0, 'b': 0.5, 'c': 0.6667}, True, 1)
    >>> cycle = [("a", "b"), ("b", "a")]
    >>> scores, converged, _ = gradual_strength("ab", cycle, method="h-categorizer")
    >>> round(scores["a"], 6), converged  # the fixpoint x = 1 / (1 + x): (sqrt(5) - 1) / 2
    (0.618034, True)
    """
    key = _method(method)
    influence, default = STRENGTH_METHODS[key]
    if not tolerance > 0:
        raise ValueError(f"tolerance must be positive, got {tolerance}")
    if max_iterations < 1:
        raise ValueError(f"max_iterations must be at least 1, got {max_iterations}")
    args = list(dict.fromkeys(arguments))
    base = dict(base or {})
    w: dict[str, float] = {}
    for a in args:
        v = base.get(a, default)
        if v is None:
            v = default
        if not 0.0 <= v <= 1.0:
            raise ValueError(f"base score of {a!r} is {v}, not in [0, 1]")
        w[a] = float(v)
    att_of: dict[str, list[str]] = defaultdict(list)
    sup_of: dict[str, list[str]] = defaultdict(list)
    succ: dict[str, list[str]] = defaultdict(list)
    for pairs, into, what in ((attacks, att_of, "attack"), (supports, sup_of, "support")):
        for a, b in pairs:
            if a not in w or b not in w:
                raise UnknownIdError(f"{what} ({a!r}, {b!r}) names an unknown argument")
            if into is sup_of and key == "h-categorizer":
                continue  # not part of the method, so no cycle either
            into[b].append(a)
            succ[a].append(b)
    score = dict(w)
    converged, rounds = True, 1

    def update(x: str, source: Mapping[str, float]) -> float:
        return influence(w[x], [source[b] for b in att_of[x]], [source[c] for c in sup_of[x]])

    for comp, cyclic in _components_in_order(args, succ):
        if not cyclic:
            score[comp[0]] = update(comp[0], score)
            continue
        for k in range(1, max_iterations + 1):
            check_deadline()
            new = {x: update(x, score) for x in comp}
            delta = max(abs(new[x] - score[x]) for x in comp)
            score.update(new)
            if delta <= tolerance:
                rounds = max(rounds, k)
                break
        else:
            converged, rounds = False, max(rounds, max_iterations)
    return {a: score[a] for a in args}, converged, rounds


def _components_in_order(
    nodes: list[str], succ: Mapping[str, list[str]]
) -> list[tuple[list[str], bool]]:
    """Strongly connected components, sources first: ``[(members, cyclic)]``.

    Iterative Tarjan; members keep their order in ``nodes``. A component is
    cyclic when it has several members or one that points at itself.
    """
    order = {x: i for i, x in enumerate(nodes)}
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    on_stack: set[str] = set()
    stack: list[str] = []
    out: list[tuple[list[str], bool]] = []
    for root in nodes:
        if root in index:
            continue
        work = [(root, iter(succ.get(root, ())))]
        index[root] = low[root] = len(index)
        stack.append(root)
        on_stack.add(root)
        while work:
            v, it = work[-1]
            for w in it:
                if w not in index:
                    index[w] = low[w] = len(index)
                    stack.append(w)
                    on_stack.add(w)
                    work.append((w, iter(succ.get(w, ()))))
                    break
                if w in on_stack:
                    low[v] = min(low[v], index[w])
            else:
                work.pop()
                if work:
                    u = work[-1][0]
                    low[u] = min(low[u], low[v])
                if low[v] == index[v]:
                    comp = []
                    while True:
                        w = stack.pop()
                        on_stack.discard(w)
                        comp.append(w)
                        if w == v:
                            break
                    cyclic = len(comp) > 1 or v in succ.get(v, ())
                    out.append((sorted(comp, key=order.__getitem__), cyclic))
    out.reverse()  # Tarjan emits sinks first
    return out


def strength(
    m: ArgumentMap,
    method: str = "df-quad",
    *,
    default_weight: float | None = None,
    tolerance: float = 1e-9,
    max_iterations: int = 1000,
) -> Strength:
    """Gradual strength of every statement of a map.

    Parameters
    ----------
    m : ArgumentMap
    method : str, default "df-quad"
        ``h-categorizer``, ``quad``, ``df-quad``, ``euler`` or ``quadratic-energy``.
    default_weight : float, optional
        Base score of statements without a ``weight``; default: the method's
        (1.0 for h-categorizer, 0.5 otherwise).
    tolerance, max_iterations
        See :func:`gradual_strength`.

    Returns
    -------
    Strength

    Examples
    --------
    >>> from argmap import ArgumentMap
    >>> m = ArgumentMap()
    >>> c = m.claim("Tax sugar.", id="tax")
    >>> o = m.objection("It hurts the poor.", id="regressive", against=c, weight=0.8)
    >>> _ = m.evidence("Mexico's tax cut consumption.", id="mexico", supports=c)
    >>> s = strength(m)
    >>> {k: round(v, 3) for k, v in s.scores.items()}, s.converged
    ({'tax': 0.35, 'regressive': 0.8, 'mexico': 0.5}, True)
    """
    from ..map import require_map

    require_map(m, "strength")
    from .bipolar import bipolar_framework

    key = _method(method)
    default = STRENGTH_METHODS[key][1] if default_weight is None else default_weight
    baf = bipolar_framework(m)
    statements = [s for s in m.statements()]
    base = {s.id: (default if s.weight is None else s.weight) for s in statements}
    for meta in baf.relation_of:
        base[meta] = 1.0
    scores, converged, rounds = gradual_strength(
        baf.arguments,
        baf.attacks,
        baf.supports,
        method=key,
        base=base,
        tolerance=tolerance,
        max_iterations=max_iterations,
    )
    return Strength(
        key,
        {s.id: scores[s.id] for s in statements},
        converged,
        rounds,
        {s.id: base[s.id] for s in statements},
        {a: scores[a] for a in baf.relation_of},
    )
