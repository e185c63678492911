"""What-if analysis: what changes when statements or relations are defeated, removed or added.

:func:`what_if` answers "what if this rebuttal fails?" without editing the map:
it labels the map's statements under a semantics and a support reading
(:func:`argmap.analysis.status.statuses`) before and after the change, and
reports, statement by statement, which labels flip, which objections become
answered or unanswered (:func:`argmap.objection_statuses`), and which theses
fall or stand. :func:`load_bearing` asks the converse question for one thesis:
which defeats would change its status?

What "defeat" means
-------------------
Defeating a **statement** ``x`` adds to the map's framework a fresh argument
that attacks ``x`` and that nothing attacks: an *unattackable attacker*. It is
added before the support reading turns supports into attacks
(:mod:`argmap.analysis.translate`), so it has the consequences any accepted
attack has under that reading (under ``"deductive"``, it also attacks what
supports ``x``; under ``"necessary"``, what ``x`` supports). Under every
semantics built on complete extensions (grounded, complete, preferred, stable,
semi-stable, ideal) an unattacked argument is in every extension, so ``x`` is
*out*; under stage semantics (conflict-free sets of maximal range) the attacker
need not be in every extension and ``x`` need not be *out*.

Defeating a **relation** (by its key: its id, else ``from>kind>to``) adds an
unattackable undercutter of it: the relation is split into its meta-arguments as
an undercut relation is (:mod:`argmap.analysis.bipolar`), and the fresh argument
attacks the meta-argument "the relation holds". The relation then carries no
attack and no support; its two statements stay. Only relations that can be
undercut can be defeated: ``supports``, ``objects``, ``rebuts`` and
``undercuts``. A ``contradicts`` relation is symmetric and has no direction to
cut (remove it, or defeat one of its statements); a ``concedes`` relation is
neither attack nor support, so defeating it could change nothing.

**Removing** a statement takes it out with every relation that touches it (and
undercuts of those, transitively); removing a relation takes it out with its
undercuts. **Adding** puts statements and relations into a copy of the map,
checked by the rule table as :meth:`argmap.ArgumentMap.add` and
:meth:`~argmap.ArgumentMap.add_relation` check them. The order is: remove, add,
then defeat (so a defeat may name an added statement). The map itself is never
changed.

Objection statuses are, as everywhere in argmap, the grounded labelling with
supports ignored (:mod:`argmap.analysis.dialectic`), whatever ``semantics`` and
``support`` say; an objection that the what-if defeats is answered with reason
``"defeated"``.

Load-bearing statements
-----------------------
A statement (or relation) is *load-bearing* for a thesis when defeating it
alone changes the thesis's label (from *in* to *out* or *undec*, or, for a
thesis that is already down, back up). :func:`load_bearing` also finds the
*minimal sets* of two to ``k`` statements whose joint defeat changes the label
while no smaller part of the set does. It is exact: every candidate set is
labelled. The candidates are the statements other than the thesis, and, for
the single defeats, every relation that can be defeated. Under the semantics
that satisfy *directionality* (grounded, complete, preferred, ideal: the label
of an argument depends only on the arguments with an attack path to it) a
statement whose defeat reaches no argument with a path to the thesis cannot
change it, and is left out; under stable, semi-stable and stage semantics
every statement is a candidate.

**Cost.** With ``n`` candidate statements and ``r`` relations, at most
``n + r + C(n, 2) + ... + C(n, k)`` labellings, each linear in the size of the
map under grounded semantics (and a SAT-backed enumeration under the others).
``k`` is bounded by :data:`MAX_K` (3: about ``n**3 / 6`` labellings, some
20,000 for 50 candidates), and the search stops within ``timeout`` seconds (it
does not start a labelling that would likely overrun them) with
:class:`LoadBearingTimeoutError`, which carries the sizes finished so far.
"""

from __future__ import annotations

import html
import itertools
import time
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import asdict, dataclass, field
from os import PathLike
from typing import TYPE_CHECKING, Any

from ..errors import ArgmapError, UnknownIdError
from .bipolar import BipolarFramework, bipolar_framework
from .framework import ArgumentationFramework
from .status import Label, label_framework
from .translate import _check_support, close_supports

if TYPE_CHECKING:
    from ..map import ArgumentMap
    from ..table import Table
    from .dialectic import ObjectionStatuses

__all__ = [
    "MAX_K",
    "DEFEATABLE_RELATIONS",
    "WhatIfError",
    "LoadBearingTimeoutError",
    "StatusChange",
    "ObjectionChange",
    "ThesisOutcome",
    "WhatIf",
    "what_if",
    "Defeat",
    "LoadBearing",
    "load_bearing",
    "verdict",
]

MAX_K = 3
"""The largest set size :func:`load_bearing` accepts (see the module docstring for the cost)."""

DEFEATABLE_RELATIONS: frozenset[str] = frozenset({"supports", "objects", "rebuts", "undercuts"})
"""Relation kinds a what-if can defeat (those that can be undercut)."""

_DEFEATER = "!defeat:"
"""Prefix of the unattackable attackers' names (no statement id or relation key starts so)."""

_DIRECTIONAL = {"grounded", "complete", "preferred", "ideal"}

_VERDICTS = {"in": "stands", "out": "falls", "undec": "undecided"}


class WhatIfError(ArgmapError, ValueError):
    """A what-if or load-bearing query that cannot be answered as asked (the message says why)."""


class LoadBearingTimeoutError(ArgmapError, TimeoutError):
    """:func:`load_bearing` ran out of time; ``partial`` holds the set sizes it finished.

    Attributes
    ----------
    partial : LoadBearing
        The singles and the minimal sets of every size it checked completely
        (``partial.k`` is the largest such size, 0 when not even the singles).
    """

    def __init__(self, message: str, partial: LoadBearing) -> None:
        super().__init__(message)
        self.partial = partial


def verdict(label: Label | None) -> str:
    """A thesis's label in words: ``"stands"``, ``"falls"``, ``"undecided"`` (``"removed"``).

    Examples
    --------
    >>> verdict("in"), verdict("out"), verdict("undec"), verdict(None)
    ('stands', 'falls', 'undecided', 'removed')
    """
    return "removed" if label is None else _VERDICTS[label]


# -- the computation -----------------------------------------------------------------


class _Scenario:
    """A map (already with removals and additions) whose labels can be asked under defeats."""

    def __init__(self, m: ArgumentMap, semantics: str, support: str, max_extensions: int):
        from .status import _semantics_code

        if (
            isinstance(max_extensions, bool)
            or not isinstance(max_extensions, int)
            or max_extensions < 0
        ):
            raise WhatIfError(
                f"max_extensions must be a whole number, 0 or more; got {max_extensions!r}"
            )
        self.m = m
        self.semantics = _semantics_code(semantics)[1]
        self.support = _check_support(support)
        self.max_extensions = max_extensions
        self._bafs: dict[frozenset[str], BipolarFramework] = {}

    def baf(self, relations: frozenset[str]) -> BipolarFramework:
        baf = self._bafs.get(relations)
        if baf is None:
            baf = self._bafs[relations] = bipolar_framework(self.m, undercut=relations)
        return baf

    def framework(
        self, statements: Iterable[str], relations: Iterable[str]
    ) -> tuple[BipolarFramework, list[str], list[tuple[str, str]]]:
        """The bipolar framework, its arguments and its attacks with the defeaters added."""
        statements, relations = list(statements), frozenset(relations)
        baf = self.baf(relations)
        targets = [*statements, *sorted(relations)]
        defeaters = [_DEFEATER + t for t in targets]
        attacks = [*baf.attacks, *zip(defeaters, targets, strict=True)]
        return baf, [*baf.arguments, *defeaters], attacks

    def labels(
        self, statements: Iterable[str] = (), relations: Iterable[str] = ()
    ) -> dict[str, Label]:
        """Every argument's label (statements, meta-arguments, defeaters)."""
        baf, arguments, attacks = self.framework(statements, relations)
        closed = close_supports(attacks, baf.supports, self.support)
        af = ArgumentationFramework.from_edges(arguments, closed)
        return label_framework(af, self.semantics, max_extensions=self.max_extensions).labels

    def objections(
        self, statements: Iterable[str] = (), relations: Iterable[str] = ()
    ) -> ObjectionStatuses:
        """Objection statuses (grounded, supports ignored) under the defeats."""
        from .dialectic import _objection_statuses, grounded_labels

        statements = list(statements)
        baf, arguments, attacks = self.framework(statements, relations)
        labels = grounded_labels(arguments, attacks)
        return _objection_statuses(self.m, labels, baf.relation_of, frozenset(statements))


def _kind_of(m: ArgumentMap, key: str, verb: str) -> str:
    """``"statement"`` or ``"relation"`` for a key of the map; UnknownIdError otherwise."""
    import difflib

    if key in m:
        return "statement"
    keys = [r.key for r in m.relations()]
    if key in keys:
        return "relation"
    what = "relation" if ">" in key else "statement or relation"
    close = difflib.get_close_matches(key, [s.id for s in m.statements()] + keys, n=1)
    hint = f" (did you mean {close[0]!r}?)" if close else ""
    raise UnknownIdError(f"cannot {verb} {key!r}: the map has no {what} with this id{hint}")


def _key(
    ref: Any, what: str, expected: str = "a statement id, a relation key, a statement or a relation"
) -> str:
    """The id or key ``ref`` names; WhatIfError (not TypeError) for anything else."""
    from ..map import _ref_id

    try:
        return _ref_id(ref)
    except TypeError:
        raise WhatIfError(f"{what}: expected {expected}, got {ref!r}") from None


def _check_map(m: Any, name: str) -> None:
    from ..map import ArgumentMap

    if not isinstance(m, ArgumentMap):
        hint = " (read a file first: argmap.load(path))" if isinstance(m, (str, PathLike)) else ""
        raise WhatIfError(f"{name} needs an ArgumentMap, not {type(m).__name__}{hint}")


def _split_defeats(
    m: ArgumentMap, defeat: Iterable[Any] | str | None
) -> tuple[list[str], list[str]]:
    statements: list[str] = []
    relations: list[str] = []
    for ref in _as_list(defeat, "defeat"):
        key = _key(ref, "defeat")
        if _kind_of(m, key, "defeat") == "statement":
            statements.append(key)
            continue
        r = m.relation(key)
        if r.kind not in DEFEATABLE_RELATIONS:
            why = (
                "it is symmetric, with no direction to cut; remove it, or defeat one of "
                f"its statements ({r.from_!r}, {r.to!r})"
                if r.kind == "contradicts"
                else "a concession is neither an attack nor a support, so no status depends on it"
            )
            raise WhatIfError(f"cannot defeat the {r.kind} relation {key!r}: {why}")
        relations.append(key)
    return list(dict.fromkeys(statements)), list(dict.fromkeys(relations))


def _as_list(refs: Any, what: str) -> list[Any]:
    if refs is None:
        return []
    if isinstance(refs, str) or hasattr(refs, "kind"):
        return [refs]
    try:
        return list(refs)
    except TypeError:
        raise WhatIfError(
            f"{what}: expected an id, a statement, a relation or a list of them, got {refs!r}"
        ) from None


def _apply(
    m: ArgumentMap, remove: Iterable[Any] | str | None, add: Any
) -> tuple[ArgumentMap, list[Any], list[Any]]:
    """A copy of ``m`` with ``remove`` taken out and ``add`` put in; and what each was.

    With nothing to remove or add, ``m`` itself (which is then only read).
    """
    from pydantic import ValidationError

    from ..model import RELATION_KINDS, Relation, statement_adapter

    removals = _as_list(remove, "remove")
    items = [] if add is None else ([add] if isinstance(add, Mapping) else _as_list(add, "add"))
    if not removals and not items:
        return m, [], []
    m2 = m.copy()
    removed: list[str] = []
    for ref in removals:
        key = _key(ref, "remove")
        if key in removed:
            continue
        _kind_of(m, key, "remove")
        if key not in m2 and key not in {r.key for r in m2.relations()}:
            continue  # gone with something removed before it
        m2.remove(key, cascade=True)
        removed.append(key)
    added: list[str] = []
    parsed = []
    for i, item in enumerate(items):
        try:
            if isinstance(item, Relation) or hasattr(item, "kind") and hasattr(item, "id"):
                parsed.append(item)
            elif isinstance(item, Mapping):
                if "from" in item or "from_" in item or item.get("kind") in RELATION_KINDS:
                    parsed.append(Relation.model_validate(item))
                else:
                    parsed.append(statement_adapter.validate_python(item))
            else:
                raise WhatIfError(
                    f"add: item {i} is {type(item).__name__}, not a statement, a relation "
                    "or a dict in the native format"
                )
        except ValidationError as exc:
            raise WhatIfError(f"add: item {i} is not a valid statement or relation: {exc}") from exc
    for item in parsed:  # statements first, so relations may name them
        if not isinstance(item, Relation):
            m2.add(item)
            added.append(item.id)
    for item in parsed:
        if isinstance(item, Relation):
            m2.add_relation(item)
            added.append(item.key)
    return m2, removed, added


# -- what-if -------------------------------------------------------------------------


@dataclass(frozen=True)
class StatusChange:
    """One statement whose label differs after the what-if.

    Attributes
    ----------
    id, kind : str
    before, after : str or None
        The labels; ``None`` when the statement is not in that map (added or removed).
    """

    id: str
    kind: str
    before: Label | None
    after: Label | None


@dataclass(frozen=True)
class ObjectionChange:
    """One objection whose answered / unanswered status differs after the what-if.

    Attributes
    ----------
    id : str
    before, after : bool or None
        Whether it is answered (``None``: not in that map).
    reason_before, reason_after : str or None
        The :class:`~argmap.ObjectionStatus` reasons.
    """

    id: str
    before: bool | None
    after: bool | None
    reason_before: str | None
    reason_after: str | None


@dataclass(frozen=True)
class ThesisOutcome:
    """A thesis's label before and after, with the verdict in words.

    Attributes
    ----------
    id : str
    before, after : str or None
    """

    id: str
    before: Label | None
    after: Label | None

    @property
    def changed(self) -> bool:
        return self.before != self.after

    @property
    def verdict(self) -> str:
        """``"stands"``, ``"falls"``, ``"undecided"`` or ``"removed"``, after the what-if."""
        return verdict(self.after)


@dataclass(frozen=True)
class WhatIf:
    """The changes a what-if causes; see :func:`what_if`.

    Attributes
    ----------
    semantics, support : str
        Full name of the semantics; the support reading.
    defeated, removed, added : tuple of str
        What the what-if did (statement ids and relation keys).
    before, after : dict
        Statement id -> label in the map as it is, and after the what-if.
    changes : tuple of StatusChange
        Every statement whose label differs (or that was added or removed), in map order.
    objections : tuple of ObjectionChange
        Every objection whose answered status or reason differs.
    theses : tuple of ThesisOutcome
        Every thesis of the map (and any added one), changed or not.
    """

    semantics: str
    support: str
    defeated: tuple[str, ...]
    removed: tuple[str, ...]
    added: tuple[str, ...]
    before: dict[str, Label] = field(repr=False)
    after: dict[str, Label] = field(repr=False)
    changes: tuple[StatusChange, ...]
    objections: tuple[ObjectionChange, ...]
    theses: tuple[ThesisOutcome, ...]
    unanswered_before: tuple[str, ...] = field(repr=False, default=())
    unanswered_after: tuple[str, ...] = field(repr=False, default=())
    kinds: Mapping[str, str] = field(repr=False, default_factory=dict)
    """Statement id -> kind, for every statement of either map."""

    @property
    def flipped(self) -> list[str]:
        """Ids of the statements in both maps whose label changed."""
        return [c.id for c in self.changes if c.before is not None and c.after is not None]

    @property
    def newly_unanswered(self) -> list[str]:
        """Objections answered before and unanswered after."""
        return [o.id for o in self.objections if o.before is True and o.after is False]

    @property
    def newly_answered(self) -> list[str]:
        """Objections unanswered before and answered after."""
        return [o.id for o in self.objections if o.before is False and o.after is True]

    @property
    def fallen(self) -> list[str]:
        """Theses *in* before and not after."""
        return [t.id for t in self.theses if t.before == "in" and t.after != "in"]

    def to_dict(self) -> dict[str, Any]:
        """The result as plain data (JSON-ready)."""
        return {
            "semantics": self.semantics,
            "support": self.support,
            "defeated": list(self.defeated),
            "removed": list(self.removed),
            "added": list(self.added),
            "changes": [asdict(c) for c in self.changes],
            "objections": [asdict(o) for o in self.objections],
            "theses": [
                {"id": t.id, "before": t.before, "after": t.after, "verdict": t.verdict}
                for t in self.theses
            ],
            "unanswered_before": list(self.unanswered_before),
            "unanswered_after": list(self.unanswered_after),
        }

    def _rows(self) -> list[dict[str, Any]]:
        objections = {o.id: o for o in self.objections}
        theses = {t.id for t in self.theses}
        rows = []
        for c in self.changes:
            o = objections.get(c.id)
            rows.append(
                {
                    "id": c.id,
                    "kind": c.kind,
                    "thesis": c.id in theses,
                    "before": c.before,
                    "after": c.after,
                    "answered before": None if o is None else o.before,
                    "answered after": None if o is None else o.after,
                }
            )
        seen = {c.id for c in self.changes}
        kinds = self.kinds
        for o in self.objections:  # answered status changed, label did not
            if o.id not in seen:
                rows.append(
                    {
                        "id": o.id,
                        "kind": kinds.get(o.id, "objection"),
                        "thesis": False,
                        "before": self.before.get(o.id),
                        "after": self.after.get(o.id),
                        "answered before": o.before,
                        "answered after": o.after,
                    }
                )
        return rows

    def table(self) -> Table:
        """The changes as a :class:`~argmap.table.Table` (one row per changed statement)."""
        from ..table import Table

        what = ", ".join(
            f"{verb} {', '.join(ids)}"
            for verb, ids in (
                ("defeat", self.defeated),
                ("remove", self.removed),
                ("add", self.added),
            )
            if ids
        )
        return Table(
            self._rows(),
            columns=_WHATIF_COLUMNS,
            title=f"What if: {what or 'nothing'} ({self.semantics}, supports {self.support})",
            nowrap=("id",),
        )

    def to_pandas(self) -> Any:
        """The changes as a :class:`pandas.DataFrame` indexed by statement ``id``.

        Columns: ``kind``, ``thesis`` (bool), ``before`` and ``after`` (labels,
        ``None`` for a statement not in that map), ``answered before`` and
        ``answered after`` (objections only, else ``None``).
        """
        from ..table import data_frame

        return data_frame(self._rows(), _WHATIF_COLUMNS, "id", {"thesis": "bool"})

    def _summary(self) -> list[str]:
        lines = []
        for t in self.theses:
            if t.changed:
                lines.append(
                    f"thesis {t.id} {verdict(t.after)} ({t.before or '-'} -> {t.after or '-'})"
                )
            else:
                lines.append(f"thesis {t.id} still {verdict(t.after)} ({t.after})")
        flipped = len(self.flipped)
        lines.append(f"{flipped} statement label{'s' if flipped != 1 else ''} changed")
        if self.newly_unanswered:
            lines.append("newly unanswered: " + ", ".join(self.newly_unanswered))
        if self.newly_answered:
            lines.append("newly answered: " + ", ".join(self.newly_answered))
        return lines

    def __str__(self) -> str:
        return "\n".join([*self._summary(), "", self.table().to_text()])

    def _repr_html_(self) -> str:
        head = "".join(f"<p>{html.escape(line)}</p>" for line in self._summary())
        return f'<div class="argmap-whatif">{head}{self.table().to_html()}</div>'


_WHATIF_COLUMNS = ("id", "kind", "thesis", "before", "after", "answered before", "answered after")


def what_if(
    m: ArgumentMap,
    *,
    defeat: Iterable[Any] | str | None = None,
    remove: Iterable[Any] | str | None = None,
    add: Any = None,
    semantics: str = "grounded",
    support: str = "ignored",
    max_extensions: int = 1000,
) -> WhatIf:
    """What changes if statements or relations are defeated, removed or added.

    See the module docstring for what each operation means. The map is not changed.

    Parameters
    ----------
    m : ArgumentMap
    defeat : id, statement, relation, or a list of them, optional
        Statements and relations to defeat (each gets an unattackable attacker).
    remove : id, statement, relation, or a list of them, optional
        Statements (with their relations) and relations to take out.
    add : statement, relation, dict, or a list of them, optional
        Statements and relations to put in (model objects, or dicts in the
        native format: a dict with ``from`` is a relation).
    semantics : str, default "grounded"
        Any semantics of :func:`argmap.analysis.status.label_framework`.
    support : {"ignored", "deductive", "necessary"}, default "ignored"
        The support reading (:func:`argmap.analysis.translate.translate`).
    max_extensions : int, default 1000
        See :func:`argmap.analysis.status.label_framework`.

    Returns
    -------
    WhatIf
        Data (``changes``, ``objections``, ``theses``, ``to_dict()``) and a
        table (``table()``, ``to_pandas()``, shown in notebooks).

    Raises
    ------
    UnknownIdError
        For an id in ``defeat`` or ``remove`` that the map does not have (a
        relation key that names no relation included).
    WhatIfError
        For a relation that cannot be defeated (contradicts, concedes), or an
        ``add`` item that is not a statement or relation.
    RuleError, DuplicateIdError
        For an ``add`` that breaks the rule table or repeats an id.
    UnknownSemanticsError, UnknownSupportError
        For an unknown semantics or support reading.

    Examples
    --------
    >>> from argmap import ArgumentMap
    >>> m = ArgumentMap()
    >>> c = m.claim("Tax sugar.", id="tax")
    >>> o = m.objection("It hurts the poor.", id="regressive", against=c)
    >>> _ = m.rebuttal("Revenue funds health care.", id="revenue", against=o)
    >>> w = what_if(m, defeat=["revenue"])
    >>> [(c.id, c.before, c.after) for c in w.changes]
    [('tax', 'in', 'out'), ('regressive', 'out', 'in'), ('revenue', 'in', 'out')]
    >>> w.newly_unanswered, w.fallen
    (['regressive'], ['tax'])
    >>> [(c.id, c.after) for c in what_if(m, remove="revenue").changes]
    [('tax', 'out'), ('regressive', 'in'), ('revenue', None)]
    >>> len(m)  # unchanged
    3
    """
    _check_map(m, "what_if")
    base = _Scenario(m, semantics, support, max_extensions)
    m2, removed, added = _apply(m, remove, add)
    defeat = _as_list(defeat, "defeat")  # once: a generator would be empty the second time
    if removed:
        kept = {r.key for r in m2.relations()}
        for ref in defeat:
            key = _key(ref, "defeat")
            if key in removed:
                raise UnknownIdError(
                    f"{key!r} is removed by this what-if; it cannot also be defeated"
                )
            if key not in m2 and key not in kept and _kind_of(m, key, "defeat"):
                raise UnknownIdError(
                    f"{key!r} goes with what this what-if removes ({', '.join(removed)}); "
                    "it cannot also be defeated"
                )
    statements, relations = _split_defeats(m2, defeat)
    # the same map when nothing is removed or added: its bipolar framework is built once
    after_s = base if m2 is m else _Scenario(m2, base.semantics, support, max_extensions)

    before_all = base.labels()
    after_all = after_s.labels(statements, relations)
    old_statements = m.statements()
    new_statements = old_statements if m2 is m else m2.statements()
    before = {s.id: before_all[s.id] for s in old_statements}
    after = {s.id: after_all[s.id] for s in new_statements}
    kinds = {s.id: s.kind for s in old_statements}
    kinds.update((s.id, s.kind) for s in new_statements)
    order = list(dict.fromkeys([*before, *after]))
    changes = tuple(
        StatusChange(sid, kinds[sid], before.get(sid), after.get(sid))
        for sid in order
        if before.get(sid) != after.get(sid)
    )

    ob = {st.objection.id: st for st in base.objections()}
    oa = {st.objection.id: st for st in after_s.objections(statements, relations)}
    objections = []
    for oid in dict.fromkeys([*ob, *oa]):
        b, a = ob.get(oid), oa.get(oid)
        key_b = None if b is None else (b.answered, b.reason)
        key_a = None if a is None else (a.answered, a.reason)
        if key_b != key_a:
            objections.append(
                ObjectionChange(
                    oid,
                    None if b is None else b.answered,
                    None if a is None else a.answered,
                    None if b is None else b.reason,
                    None if a is None else a.reason,
                )
            )
    old_theses = [t.id for t in m.theses()]
    new_theses = old_theses if m2 is m else [t.id for t in m2.theses()]
    thesis_ids = list(dict.fromkeys([*old_theses, *new_theses]))
    theses = tuple(ThesisOutcome(t, before.get(t), after.get(t)) for t in thesis_ids)
    return WhatIf(
        base.semantics,
        support,
        tuple(statements + relations),
        tuple(removed),
        tuple(added),
        before,
        after,
        changes,
        tuple(objections),
        theses,
        tuple(oid for oid, st in ob.items() if not st.answered),
        tuple(oid for oid, st in oa.items() if not st.answered),
        kinds,
    )


# -- load-bearing --------------------------------------------------------------------


@dataclass(frozen=True)
class Defeat:
    """A set of statements (or one relation) whose defeat changes the thesis's label.

    Attributes
    ----------
    ids : tuple of str
        The statement ids (or the one relation key), in map order.
    kind : {"statement", "relation"}
    after : str
        The thesis's label after the defeat.
    """

    ids: tuple[str, ...]
    kind: str
    after: Label


@dataclass(frozen=True)
class LoadBearing:
    """What a thesis's label rests on; see :func:`load_bearing`.

    Attributes
    ----------
    thesis : str
    label : str
        The thesis's label as the map stands.
    semantics, support : str
    k : int
        The largest set size searched completely.
    singles : tuple of Defeat
        Each statement, then each relation, whose defeat alone changes the label.
    sets : tuple of Defeat
        The minimal sets of 2 to ``k`` statements whose joint defeat changes the
        label (no smaller part of one does), smallest first.
    candidates : int
        How many statements were candidates (see the module docstring).
    checked : int
        How many defeats were labelled.
    """

    thesis: str
    label: Label
    semantics: str
    support: str
    k: int
    singles: tuple[Defeat, ...]
    sets: tuple[Defeat, ...]
    candidates: int
    checked: int

    @property
    def statements(self) -> list[str]:
        """The load-bearing statements (single defeats), in map order."""
        return [d.ids[0] for d in self.singles if d.kind == "statement"]

    @property
    def relations(self) -> list[str]:
        """The load-bearing relations (single defeats), by key."""
        return [d.ids[0] for d in self.singles if d.kind == "relation"]

    def to_dict(self) -> dict[str, Any]:
        """The result as plain data (JSON-ready)."""
        return {
            "thesis": self.thesis,
            "label": self.label,
            "semantics": self.semantics,
            "support": self.support,
            "k": self.k,
            "singles": [
                {"ids": list(d.ids), "kind": d.kind, "after": d.after} for d in self.singles
            ],
            "sets": [{"ids": list(d.ids), "after": d.after} for d in self.sets],
            "candidates": self.candidates,
            "checked": self.checked,
        }

    def _rows(self) -> list[dict[str, Any]]:
        return [
            {
                "defeat": d.ids,
                "size": len(d.ids),
                "kind": d.kind,
                "thesis before": self.label,
                "thesis after": d.after,
            }
            for d in (*self.singles, *self.sets)
        ]

    def table(self) -> Table:
        """One row per load-bearing statement, relation or minimal set."""
        from ..table import Table

        return Table(
            self._rows(),
            columns=_LB_COLUMNS,
            title=f"Load-bearing for {self.thesis} ({self.label} under {self.semantics}, "
            f"supports {self.support}; sets up to {self.k})",
            nowrap=("kind",),
        )

    def to_pandas(self) -> Any:
        """The rows of :meth:`table` as a :class:`pandas.DataFrame`.

        Columns: ``defeat`` (tuple of ids), ``size``, ``kind`` (statement or
        relation), ``thesis before``, ``thesis after`` (labels).
        """
        from ..table import data_frame

        return data_frame(self._rows(), _LB_COLUMNS, None, {"size": "int64"})

    def __str__(self) -> str:
        head = (
            f"{self.thesis} is {self.label} ({verdict(self.label)}); "
            f"{len(self.singles)} single defeat(s) and {len(self.sets)} minimal set(s) of up to "
            f"{self.k} change it ({self.checked} defeats checked)"
        )
        return head + "\n\n" + self.table().to_text()

    def _repr_html_(self) -> str:
        head = html.escape(str(self).split("\n", 1)[0])
        return f'<div class="argmap-load-bearing"><p>{head}</p>{self.table().to_html()}</div>'


_LB_COLUMNS = ("defeat", "size", "kind", "thesis before", "thesis after")


def _ancestors(arguments: Sequence[str], attacks: Iterable[tuple[str, str]], x: str) -> set[str]:
    """``x`` and every argument with an attack path to it."""
    preds: dict[str, list[str]] = {}
    for a, b in attacks:
        preds.setdefault(b, []).append(a)
    seen = {x}
    stack = [x]
    while stack:
        for p in preds.get(stack.pop(), ()):
            if p not in seen:
                seen.add(p)
                stack.append(p)
    return seen


def load_bearing(
    m: ArgumentMap,
    thesis: Any,
    *,
    k: int = 1,
    semantics: str = "grounded",
    support: str = "ignored",
    timeout: float | None = 30.0,
    max_extensions: int = 1000,
) -> LoadBearing:
    """The statements and relations whose defeat would change a thesis's label.

    See the module docstring for the definitions, the candidates and the cost.

    Parameters
    ----------
    m : ArgumentMap
    thesis : str or Claim
        A claim of the map (usually one of :meth:`~argmap.ArgumentMap.theses`).
    k : int, default 1
        Also find the minimal sets of up to ``k`` statements (1 to :data:`MAX_K`).
    semantics, support, max_extensions
        As for :func:`what_if`.
    timeout : float or None, default 30
        Seconds before giving up (None: no limit). The clock is read between
        labellings, and the search gives up as soon as the time left is shorter
        than the last labelling took (so that the next one would likely overrun);
        a labelling once started (a SAT enumeration, the map as it stands) runs
        to its end.

    Returns
    -------
    LoadBearing

    Raises
    ------
    UnknownIdError
        When ``thesis`` is not in the map.
    WhatIfError
        When ``thesis`` is not a claim, or ``k`` is not between 1 and :data:`MAX_K`.
    LoadBearingTimeoutError
        After ``timeout`` seconds; its ``partial`` holds the sizes finished.

    Examples
    --------
    >>> from argmap import ArgumentMap
    >>> m = ArgumentMap()
    >>> c = m.claim("Tax sugar.", id="tax")
    >>> o = m.objection("It hurts the poor.", id="regressive", against=c)
    >>> _ = m.rebuttal("Revenue funds health care.", id="revenue", against=o)
    >>> _ = m.rebuttal("The poor gain most in health.", id="health", against=o)
    >>> lb = load_bearing(m, "tax", k=2)
    >>> lb.label, lb.statements, [d.ids for d in lb.sets]
    ('in', [], [('revenue', 'health')])
    """
    _check_map(m, "load_bearing")
    if isinstance(k, bool) or not isinstance(k, int) or not 1 <= k <= MAX_K:
        raise WhatIfError(
            f"k must be a whole number from 1 to {MAX_K}, got {k!r}: the search labels about "
            f"C(n, k) sets of n statements, so k > {MAX_K} is not offered"
        )
    if timeout is not None and (
        isinstance(timeout, bool) or not isinstance(timeout, (int, float)) or not timeout >= 0
    ):
        raise WhatIfError(
            f"timeout must be None or a number of seconds, 0 or more; got {timeout!r}"
        )
    tid = _key(thesis, "thesis", "the id of a claim, or the claim")
    t = m.get(tid)
    if t.kind != "claim":
        raise WhatIfError(
            f"load-bearing statements are asked of a claim; {tid!r} is of kind {t.kind!r} "
            f"(the map's theses: {', '.join(s.id for s in m.theses()) or 'none'})"
        )
    sc = _Scenario(m, semantics, support, max_extensions)
    start = time.monotonic()
    label = sc.labels()[tid]
    rel_keys = [r.key for r in m.relations() if r.kind in DEFEATABLE_RELATIONS]
    ids = [s.id for s in m.statements() if s.id != tid]
    if sc.semantics in _DIRECTIONAL:
        baf = sc.baf(frozenset())
        closed = close_supports(baf.attacks, baf.supports, sc.support)
        up = _ancestors(baf.arguments, closed, tid)

        def reaches(x: str) -> bool:
            hit = close_supports([("!", x)], baf.supports, sc.support)
            return any(b in up for _, b in hit)

        ids = [x for x in ids if reaches(x)]
    order = {x: i for i, x in enumerate(ids)}
    checked = 0
    singles: list[Defeat] = []
    sets: list[Defeat] = []
    done = 0

    def partial() -> LoadBearing:
        return LoadBearing(
            tid, label, sc.semantics, sc.support, done, tuple(singles) if done else (),
            tuple(d for d in sets if len(d.ids) <= done), len(ids), checked,
        )  # fmt: skip

    mark = start  # the clock at the last tick: the labelling since took (now - mark)

    def tick(size: int) -> None:
        nonlocal mark
        if timeout is None:
            return
        now = time.monotonic()
        last, mark = now - mark, now
        if now - start + last > timeout:  # the next labelling would likely overrun
            raise LoadBearingTimeoutError(
                f"load_bearing({tid!r}, k={k}) gave up within {timeout:g} s while checking sets "
                f"of {size} ({checked} defeats labelled); sizes up to {done} are complete "
                "(see .partial); pass a larger timeout, a smaller k, or focus the map",
                partial(),
            )

    for x in ids:
        tick(1)
        after = sc.labels([x])[tid]
        checked += 1
        if after != label:
            singles.append(Defeat((x,), "statement", after))
    for key in rel_keys:
        tick(1)
        after = sc.labels((), [key])[tid]
        checked += 1
        if after != label:
            singles.append(Defeat((key,), "relation", after))
    done = 1
    minimal = [frozenset(d.ids) for d in singles if d.kind == "statement"]
    pool = [x for x in ids if frozenset([x]) not in minimal]
    for size in range(2, k + 1):
        found = []
        for combo in itertools.combinations(pool, size):
            s = frozenset(combo)
            if any(f <= s for f in minimal):
                continue
            tick(size)
            after = sc.labels(combo)[tid]
            checked += 1
            if after != label:
                found.append(s)
                sets.append(Defeat(tuple(sorted(combo, key=order.__getitem__)), "statement", after))
        minimal += found
        done = size
    return LoadBearing(
        tid, label, sc.semantics, sc.support, k, tuple(singles), tuple(sets), len(ids), checked
    )
