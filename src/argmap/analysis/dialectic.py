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

Which objections *bear on* a thesis (:func:`threat_paths`): an objection O bears
on thesis T when the map's bipolar framework has a walk from O to T, along attack
and support edges, with an odd number of attacks. So O bears on T when it attacks
T, or attacks something that supports T (transitively), or attacks a rebuttal that
defends one of those, and so on; undercuts count through the meta-arguments
(undercutting a support on T's chain is a threat, undercutting an attack on it is
not); concessions are absent from the framework and count for nothing. The walks
are found by one breadth-first search backwards from (T, even) over the product
graph (argument, parity of attacks so far): linear in the size of the framework,
and each reported path is a shortest one. See docs/checking.md for how this
relates to the grounded semantics.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Literal, TypeAlias, cast

from ..errors import OptionError, UnknownIdError
from .bipolar import NOT_PREFIX, BipolarFramework, bipolar_framework

if TYPE_CHECKING:
    from ..map import ArgumentMap
    from ..model import Objection
    from ..table import Table

__all__ = [
    "Label",
    "grounded_labels",
    "ObjectionStatus",
    "ObjectionStatuses",
    "UnansweredObjections",
    "OBJECTION_COLUMNS",
    "objection_statuses",
    "find_unanswered_objections",
    "resolve_theses",
    "threat_paths",
    "REASON_TEXT",
    "objections_table",
]

Label = Literal["in", "out", "undec"]
# a breadth-first search's parent pointers over (argument, parity of attacks)
_Parents: TypeAlias = "dict[tuple[str, int], tuple[str, int] | None]"
Reason = Literal[
    "rebutted",
    "undercut",
    "defeated",
    "no-answer",
    "answers-defeated",
    "undecided",
    "partly-undercut",
]

REASON_TEXT: dict[str, str] = {
    "rebutted": "a standing statement defeats it",
    "undercut": "every attack it makes is undercut",
    "defeated": "the what-if defeats it",
    "no-answer": "nothing answers it",
    "answers-defeated": "every answer to it is itself defeated",
    "undecided": "its answers are caught in an unresolved cycle of attacks",
    "partly-undercut": "some of its attacks are undercut, the others stand",
}
"""Each :class:`ObjectionStatus` reason, in words: the one wording that tables, the
check's messages, the web page and the notebook widget show."""


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
        ``"rebutted"`` or ``"undercut"`` when answered (``"defeated"`` in a
        what-if that defeats the objection itself: :mod:`argmap.analysis.whatif`);
        ``"no-answer"`` (nothing attacks it), ``"answers-defeated"`` (every answer is
        itself defeated), ``"undecided"`` (caught in an unresolved cycle) or
        ``"partly-undercut"`` (some of its attacks are undercut by standing answers, the
        others stand) when not.
    answered_by : tuple of str
        Ids of the standing statements that answer it.
    answers : tuple of str
        Ids of every statement that attacks it or undercuts its attacks.
    targets : tuple of str
        What the objection attacks: statement ids or relation keys.
    threatens : dict
        Thesis id -> the shortest path (statement ids and relation keys, from the
        objection to the thesis) through which the objection bears on that thesis;
        one entry per thesis considered that it bears on (see :func:`threat_paths`).
        Empty when it bears on none. For a ``"partly-undercut"`` objection only
        the attacks that stand count: one whose only paths to a thesis start with
        an undercut attack does not threaten it.
    """

    objection: Objection
    answered: bool
    reason: Reason
    answered_by: tuple[str, ...]
    answers: tuple[str, ...]
    targets: tuple[str, ...]
    threatens: dict[str, tuple[str, ...]] = field(default_factory=dict)


class ObjectionStatuses(list["ObjectionStatus"]):
    """A list of :class:`ObjectionStatus` that notebooks display as a table.

    ``map`` is the map the statuses belong to (for actor names in the table).
    See :func:`objections_table`.
    """

    def __init__(self, statuses: Iterable[ObjectionStatus] = (), map: ArgumentMap | None = None):
        super().__init__(statuses)
        self.map = map

    def table(self) -> Table:
        """These statuses as a :class:`~argmap.render.table.Table`."""
        return objections_table(self.map, statuses=self)

    def _repr_html_(self) -> str:
        return self.table().to_html()

    def to_pandas(self) -> Any:
        """These statuses as a :class:`pandas.DataFrame` indexed by ``objection`` id.

        Columns: see :data:`OBJECTION_COLUMNS` (``by`` is the actor id; ``against``,
        ``answered_by`` and ``answers`` are tuples of ids). Needs pandas.
        """
        return _objections_frame(self)


OBJECTION_COLUMNS: tuple[str, ...] = (
    "objection",
    "by",
    "against",
    "answered",
    "reason",
    "answered_by",
    "answers",
    "text",
)
"""Columns of ``ObjectionStatuses.to_pandas()`` (``objection`` is the index)."""


def _objections_frame(statuses: Iterable[ObjectionStatus]) -> Any:
    from ..table import data_frame

    rows = [
        {
            "objection": st.objection.id,
            "by": st.objection.by,
            "against": st.targets,
            "answered": st.answered,
            "reason": st.reason,
            "answered_by": st.answered_by,
            "answers": st.answers,
            "text": st.objection.text,
        }
        for st in statuses
    ]
    return data_frame(rows, OBJECTION_COLUMNS, "objection", {"answered": "bool"})


class UnansweredObjections(list["Objection"]):
    """A list of unanswered :class:`~argmap.Objection` that notebooks display as a table."""

    def __init__(self, statuses: Iterable[ObjectionStatus] = (), map: ArgumentMap | None = None):
        self.statuses = tuple(s for s in statuses if not s.answered)
        super().__init__(s.objection for s in self.statuses)
        self.map = map

    def table(self) -> Table:
        """These objections, with why each is unanswered, as a table."""
        return objections_table(self.map, statuses=self.statuses, unanswered_only=True)

    def _repr_html_(self) -> str:
        return self.table().to_html()

    def to_pandas(self) -> Any:
        """The unanswered objections' statuses as a DataFrame (as ``ObjectionStatuses``)."""
        return _objections_frame(self.statuses)


def resolve_theses(m: ArgumentMap, thesis: str | Iterable[str] | None = None) -> list[str]:
    """The thesis ids a check is scoped to: those given, else the map's theses.

    Parameters
    ----------
    m : ArgumentMap
    thesis : str, iterable of str, or None
        One thesis id, several, or None for :meth:`ArgumentMap.theses`.

    Raises
    ------
    UnknownIdError
        If an id names no statement (the message suggests close ids).
    OptionError
        If an id names a statement that is not a claim, or a relation.

    Examples
    --------
    >>> from argmap import ArgumentMap
    >>> m = ArgumentMap()
    >>> c = m.claim("C.", id="c")
    >>> o = m.objection("O.", id="o", against=c)
    >>> resolve_theses(m), resolve_theses(m, "c")
    (['c'], ['c'])
    >>> resolve_theses(m, "o")
    Traceback (most recent call last):
    ...
    argmap.errors.OptionError: thesis 'o' is an objection, not a claim (claims: c)
    """
    if thesis is None:
        return [t.id for t in m.theses()]
    ids = [thesis] if isinstance(thesis, str) else list(dict.fromkeys(thesis))
    claims = [s.id for s in m.statements("claim")]
    listed = ", ".join(claims[:10]) + (", ..." if len(claims) > 10 else "") or "none"
    for t in ids:
        if t not in m:
            if t in {r.key for r in m.relations()}:
                raise OptionError(f"thesis {t!r} is a relation, not a claim (claims: {listed})")
            raise UnknownIdError(
                f"unknown thesis {t!r}: no statement has this id" + m._suggest(t, claims)
            )
        kind = m.get(t).kind
        if kind != "claim":
            article = "an" if kind[0] in "aeiou" else "a"
            raise OptionError(f"thesis {t!r} is {article} {kind}, not a claim (claims: {listed})")
    return ids


def _edges_into(baf: BipolarFramework) -> dict[str, list[tuple[str, int]]]:
    """Argument -> ``(source, 1 for an attack else 0)`` of the edges into it."""
    into: dict[str, list[tuple[str, int]]] = {}
    for a, b in baf.attacks:
        into.setdefault(b, []).append((a, 1))
    for a, b in baf.supports:
        into.setdefault(b, []).append((a, 0))
    return into


def _threat_search(
    baf: BipolarFramework, thesis: str, into: dict[str, list[tuple[str, int]]] | None = None
) -> _Parents:
    """Parent pointers of a breadth-first search backwards from ``(thesis, 0)`` over the
    product graph ``(argument, parity of attacks)``: each reached state -> the next
    state on a shortest walk to the thesis (None for the start). ``into`` (from
    :func:`_edges_into`) is shared by the searches for several theses; the search is
    linear in what reaches the thesis."""
    if into is None:
        into = _edges_into(baf)
    start = (thesis, 0)
    parent: dict[tuple[str, int], tuple[str, int] | None] = {start: None}
    queue = deque([start])
    while queue:
        node, parity = state = queue.popleft()
        for src, attack in into.get(node, ()):
            nxt = (src, parity ^ attack)
            if nxt not in parent:
                parent[nxt] = state
                queue.append(nxt)
    return parent


def _walk(parent: _Parents, state: tuple[str, int]) -> tuple[str, ...]:
    walk: list[str] = []
    cur: tuple[str, int] | None = state
    while cur is not None:
        walk.append(cur[0])
        cur = parent[cur]
    return tuple(walk)


def _standing_walk(
    baf: BipolarFramework,
    parent: _Parents,
    o: str,
    out_relations: set[str],
    steps: list[tuple[str, int]],
) -> tuple[str, ...] | None:
    """A shortest odd walk from ``o`` to the thesis of ``parent`` whose first step (one of
    ``steps``: next argument, 1 for an attack) is not one of ``o``'s undercut (``out``)
    relations, or None."""
    best: tuple[str, ...] | None = None
    for nxt, attack in steps:
        if baf.relation_of.get(nxt) in out_relations:
            continue
        state = (nxt, 1 ^ attack)
        if state in parent:
            walk = (o, *_walk(parent, state))
            if best is None or len(walk) < len(best):
                best = walk
    return best


def threat_paths(m: ArgumentMap, thesis: str) -> dict[str, tuple[str, ...]]:
    """Every statement that bears on ``thesis``, with a shortest path to it.

    A statement X bears on thesis T when the map's bipolar framework
    (:mod:`argmap.analysis.bipolar`) has a walk from X to T along attack and
    support edges with an odd number of attacks (see the module docstring).

    Parameters
    ----------
    m : ArgumentMap
    thesis : str
        Id of a claim (checked by :func:`resolve_theses`).

    Returns
    -------
    dict
        Statement id -> the path from it to the thesis: statement ids and relation
        keys (a meta-argument stands for the key of the relation it reifies; the
        ``~`` meta-arguments are left out). Objections, and any other statement
        kind, in map order.

    Examples
    --------
    >>> from argmap import ArgumentMap
    >>> m = ArgumentMap()
    >>> t = m.claim("Thesis.", id="t")
    >>> why = m.claim("Reason.", id="why", supports=t)
    >>> o = m.objection("Not so.", id="o", against=why)
    >>> r = m.rebuttal("Yes so.", id="r", against=o)
    >>> threat_paths(m, "t")
    {'o': ('o', 'why', 't')}
    """
    (thesis,) = resolve_theses(m, thesis)
    parent = _threat_search(bipolar_framework(m), thesis)
    # walks read off the parent pointers for statements only (not every meta-argument)
    return {
        s.id: tuple(a for a in _walk(parent, (s.id, 1)) if not a.startswith(NOT_PREFIX))
        for s in m.statements()
        if (s.id, 1) in parent
    }


def objection_statuses(
    m: ArgumentMap, thesis: str | Iterable[str] | None = None
) -> ObjectionStatuses:
    """The dialectical status of every objection in the map, in map order.

    Parameters
    ----------
    m : ArgumentMap
    thesis : str, iterable of str or None
        None: every objection, each with the map's theses (:meth:`ArgumentMap.theses`)
        it bears on in ``threatens``. A thesis id (or several): only the objections
        that bear on one of them, with ``threatens`` limited to them.

    Raises
    ------
    UnknownIdError, OptionError
        If a thesis id is unknown or names something that is not a claim.

    Examples
    --------
    >>> from argmap import ArgumentMap
    >>> m = ArgumentMap()
    >>> c = m.claim("C.", id="c")
    >>> o = m.objection("O.", id="o", against=c)
    >>> [(s.objection.id, s.answered, s.reason, s.threatens) for s in objection_statuses(m)]
    [('o', False, 'no-answer', {'c': ('o', 'c')})]
    """
    from ..map import require_map

    require_map(m, "objection_statuses")
    theses = resolve_theses(m, thesis)
    baf = bipolar_framework(m)
    labels = grounded_labels(baf.arguments, baf.attacks)
    return _objection_statuses(
        m, labels, baf.relation_of, theses=theses, only_bearing=thesis is not None, baf=baf
    )


def _objection_statuses(
    m: ArgumentMap,
    labels: dict[str, Label],
    relation_of: dict[str, str],
    defeated: frozenset[str] = frozenset(),
    *,
    theses: Iterable[str] = (),
    only_bearing: bool = False,
    baf: BipolarFramework | None = None,
) -> ObjectionStatuses:
    """The statuses from grounded ``labels`` of the map's framework (plus what-if attackers).

    ``relation_of`` names the meta-arguments (relations split because they are
    undercut, or defeated by a what-if); ``defeated`` holds the objections a
    what-if defeats directly (reason ``"defeated"``). ``theses`` (resolved ids) fill
    each status's ``threatens`` from the walks of ``baf`` (the map's framework by
    default); with ``only_bearing`` only the objections bearing on one are kept.
    """
    theses = list(theses)
    if theses and baf is None:
        baf = bipolar_framework(m)
    objections = m.statements("objection")
    searches: dict[str, _Parents] = {}
    # objection -> {thesis: search that reaches it}: one pass per thesis over what reaches
    # it, not a look-up in every thesis's search for every objection; walks are read off
    # the parent pointers only for the objections (a deep chain costs its depth per
    # objection, not per argument)
    reached: dict[str, dict[str, _Parents]] = {}
    steps_from: dict[str, list[tuple[str, int]]] = {}
    if baf is not None and theses:
        into = _edges_into(baf)
        is_objection = {o.id for o in objections}
        for t in theses:
            searches[t] = parent = _threat_search(baf, t, into)
            for arg, parity in parent:
                if parity == 1 and arg in is_objection:
                    reached.setdefault(arg, {})[t] = parent
    out = ObjectionStatuses(map=m)
    rank = {"out": 0, "undec": 1, "in": 2}

    def _steps(arg: str) -> list[tuple[str, int]]:
        # the first steps out of an argument, indexed once and only when a partly
        # undercut objection needs them (rare)
        if not steps_from and baf is not None:
            for a, b in baf.attacks:
                steps_from.setdefault(a, []).append((b, 1))
            for a, b in baf.supports:
                steps_from.setdefault(a, []).append((b, 0))
        return steps_from.get(arg, [])

    def attackers(key: str) -> list[tuple[str, str]]:
        # (statement, the argument that carries its attack): an undercut relation's own
        # meta-argument, so that an answer whose undercut is itself undercut is defeated
        found = []
        for r in m.relations_to(key):
            if r.is_attack:
                other = r.from_ if r.to == key else r.to
                found.append((other, r.key if r.key in relation_of else other))
        return found

    for o in objections:
        attacks = [r for r in m.relations_from(o.id) if r.is_attack]
        full = {t: _walk(p, (o.id, 1)) for t, p in reached.get(o.id, {}).items()}
        # an objection some of whose attacks are undercut threatens only through the others
        out_relations = {r.key for r in attacks if labels.get(r.key) == "out"}
        if out_relations and labels[o.id] != "out" and len(out_relations) < len(attacks):
            full = {
                t: walk
                for t in full
                if (
                    walk := _standing_walk(
                        cast(BipolarFramework, baf), searches[t], o.id, out_relations, _steps(o.id)
                    )
                )
                is not None
            }
        threatens = {
            t: tuple(a for a in walk if not a.startswith(NOT_PREFIX)) for t, walk in full.items()
        }
        if only_bearing and not threatens:
            continue
        undercut_attacks = [r for r in attacks if r.key in relation_of]
        pairs = attackers(o.id)
        for r in undercut_attacks:
            pairs += attackers(r.key)
        effective: dict[str, str] = {}  # answering statement -> its best answer's label
        for a, carrier in pairs:
            lab = labels[carrier]
            if a not in effective or rank[lab] > rank[effective[a]]:
                effective[a] = lab
        answers = list(effective)
        standing = tuple(a for a in answers if effective[a] == "in")
        targets = tuple(r.to if r.from_ == o.id else r.from_ for r in attacks)
        if o.id in defeated:
            answered, reason = True, "defeated"
        elif labels[o.id] == "out":
            answered, reason = True, "rebutted"
        elif attacks and all(labels.get(r.key) == "out" for r in attacks):
            answered, reason = True, "undercut"
        elif not answers:
            answered, reason = False, "no-answer"
        elif all(effective[a] == "out" for a in answers):
            answered, reason = False, "answers-defeated"
        elif (
            out_relations
            and labels[o.id] == "in"
            and "undec" not in {labels.get(r.key) for r in attacks}
        ):
            # some attacks undercut by standing answers, the others stand: no cycle
            answered, reason = False, "partly-undercut"
        else:
            answered, reason = False, "undecided"
        out.append(
            ObjectionStatus(
                cast("Objection", o),
                answered,
                cast(Reason, reason),
                standing,
                tuple(answers),
                targets,
                threatens,
            )
        )
    return out


def _actor_label(m: ArgumentMap | None, actor_id: str | None) -> str | None:
    if actor_id is None or m is None:
        return actor_id
    try:
        return m.get_actor(actor_id).label
    except KeyError:  # a map read with validate=False may name an undeclared actor
        return actor_id


def objections_table(
    m: ArgumentMap | None,
    *,
    unanswered_only: bool = False,
    statuses: Sequence[ObjectionStatus] | None = None,
) -> Table:
    """The dialectical status of each objection, as a table.

    Parameters
    ----------
    m : ArgumentMap or None
        The map (for actor names); may be None when ``statuses`` is given.
    unanswered_only : bool, default False
        Keep only the objections that no standing statement answers.
    statuses : sequence of ObjectionStatus, optional
        Statuses computed already (default: :func:`argmap.objection_statuses`).

    Returns
    -------
    Table
        Columns ``objection`` (id), ``by`` (actor name and affiliation),
        ``against`` (what it attacks), ``answered``, ``why`` (the reason in
        words), ``answered by`` (ids of the standing answers) and ``text``.

    Examples
    --------
    >>> from argmap import ArgumentMap
    >>> m = ArgumentMap()
    >>> _ = m.actor("ann", "Ann", affiliation="Canteen")
    >>> c = m.claim("Eat out.", id="out")
    >>> o = m.objection("Too dear.", id="dear", against=c, by="ann")
    >>> print(objections_table(m))
    Objections (1)
    objection  by            against  answered  why                 answered by  text
    ---------  ------------  -------  --------  ------------------  -----------  ---------
    dear       Ann, Canteen  out      no        nothing answers it               Too dear.
    """
    if statuses is None:
        if m is None:
            raise TypeError("objections_table needs a map or statuses")
        statuses = objection_statuses(m)
    rows = [
        {
            "objection": st.objection.id,
            "by": _actor_label(m, st.objection.by),
            "against": st.targets,
            "answered": st.answered,
            "why": REASON_TEXT.get(st.reason, st.reason),
            "answered by": st.answered_by,
            "qualifier": st.objection.qualifier,
            "text": st.objection.text,
        }
        for st in statuses
        if not (unanswered_only and st.answered)
    ]
    title = "Unanswered objections" if unanswered_only else "Objections"
    columns = ["objection", "by", "against", "answered", "why", "answered by", "text"]
    if any(row["qualifier"] for row in rows):  # the source's hedge, when it gives one
        columns.insert(-1, "qualifier")
    if unanswered_only:  # always "no" and empty there
        columns.remove("answered")
        columns.remove("answered by")
    from ..table import Table

    return Table(
        rows, columns, title=f"{title} ({len(rows)})", nowrap=("objection", "against", "answered")
    )


def find_unanswered_objections(
    m: ArgumentMap, thesis: str | Iterable[str] | None = None
) -> UnansweredObjections:
    """Every objection that no standing rebuttal answers, in map order.

    See the module docstring for what "standing" means, and how cycles are
    treated (sceptically: an objection in an unresolved cycle is unanswered).

    Parameters
    ----------
    m : ArgumentMap
    thesis : str, iterable of str or None
        When given, only the objections that bear on this thesis (or one of
        these theses): see :func:`threat_paths`.

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
    >>> side = m.claim("Sugar is sweet.", id="sweet", tags=["side"])
    >>> _ = m.objection("Not all of it.", id="not-all", against=side)
    >>> [s.id for s in find_unanswered_objections(m, thesis="tax")]
    ['regressive', 'not-earmarked']
    """
    from ..map import require_map

    require_map(m, "find_unanswered_objections")
    return UnansweredObjections(objection_statuses(m, thesis), map=m)
