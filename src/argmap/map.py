"""ArgumentMap: the typed argument graph over networkx, its builder, queries and validation."""

from __future__ import annotations

import difflib
import functools
import re
from collections.abc import (
    Callable,
    Collection,
    ItemsView,
    Iterable,
    Iterator,
    KeysView,
    Mapping,
    ValuesView,
)
from typing import TYPE_CHECKING, Any, Literal, ParamSpec, TypeAlias, TypeVar, cast

from pydantic import ValidationError

from .errors import (
    DanglingRelationError,
    DuplicateIdError,
    MapValidationError,
    OptionError,
    RuleError,
    UnknownIdError,
    UsageError,
)
from .model import (
    STATEMENT_KINDS,
    Actor,
    Claim,
    Evidence,
    MapDocument,
    Objection,
    Rebuttal,
    Relation,
    Source,
    Statement,
)
from .rules import relation_problem

if TYPE_CHECKING:
    import os
    from pathlib import Path

    import networkx as nx

    from .analysis.whatif import WhatIf
    from .check.engine import CheckResult
    from .model import ActorKind

__all__ = ["ArgumentMap", "require_map", "STATEMENT_COLUMNS", "RELATION_COLUMNS"]

STATEMENT_COLUMNS: tuple[str, ...] = (
    "id",
    "kind",
    "text",
    "thesis",
    "by",
    "actor",
    "quote",
    "qualifier",
    "tags",
    "note",
    "weight",
    "source_title",
    "source_author",
    "source_publisher",
    "source_date",
    "source_url",
    "attackers",
    "supporters",
)
"""Columns of :meth:`ArgumentMap.to_pandas` (``id`` is the index)."""

RELATION_COLUMNS: tuple[str, ...] = ("key", "id", "from", "to", "kind", "attack", "note")
"""Columns of :meth:`ArgumentMap.relations_frame` (``key`` is the index)."""

#: At most this many id comparisons are spent on "did you mean" suggestions in
#: one validation (see ``ArgumentMap._suggest``).
SUGGESTION_BUDGET = 30_000

_CLASSES: dict[str, type[Claim | Objection | Rebuttal | Evidence]] = {
    "claim": Claim,
    "objection": Objection,
    "rebuttal": Rebuttal,
    "evidence": Evidence,
}
_STATEMENT_CLASSES = (Claim, Objection, Rebuttal, Evidence)
_ATTACK_BY_KIND = {"objection": "objects", "rebuttal": "rebuts"}

Ref: TypeAlias = "str | Statement | Relation"
"""A statement or relation, or its id (what ``against=``, ``supports=`` ... take)."""


def _ref_id(ref: Any) -> str:
    if isinstance(ref, str):
        return ref
    if isinstance(ref, Relation):
        return ref.key
    if hasattr(ref, "id") and hasattr(ref, "kind") and isinstance(ref.id, str):
        return ref.id
    raise UsageError(f"expected a statement, a relation or an id string, got {ref!r}")


def _refs(refs: Any) -> list[Any]:
    if refs is None:
        return []
    if isinstance(refs, (str, Relation)) or hasattr(refs, "kind"):
        return [refs]
    if not isinstance(refs, Iterable):
        raise UsageError(f"expected a statement, an id or a list of them, got {refs!r}")
    return list(refs)


def _ends(rel: Relation) -> tuple[str, str, str]:
    """What makes two relations the same: their ends and kind (either way round for
    ``contradicts``, which is symmetric)."""
    if rel.kind == "contradicts" and rel.to < rel.from_:
        return (rel.to, rel.from_, rel.kind)
    return (rel.from_, rel.to, rel.kind)


def _problems_of(exc: ValidationError, who: str) -> list[str]:
    """One message per error of a pydantic ValidationError, prefixed with ``who``."""
    out = []
    for err in exc.errors():
        field = ".".join(str(p) for p in err["loc"]) or "(value)"
        msg = err["msg"].removeprefix("Value error, ")
        out.append(f"{who}: {field}: {msg}")
    return out


_P = ParamSpec("_P")
_R = TypeVar("_R")

Refs: TypeAlias = "Ref | Iterable[Ref] | None"
"""One reference, several, or none."""


def _validating(method: Callable[_P, _R]) -> Callable[_P, _R]:
    """Report a model's validation errors from a builder method as MapValidationError."""

    @functools.wraps(method)
    def wrapper(*args: _P.args, **kwargs: _P.kwargs) -> _R:
        try:
            return method(*args, **kwargs)
        except ValidationError as exc:
            name = kwargs.get("id")
            who = f"{method.__name__} {name!r}" if isinstance(name, str) else method.__name__
            raise MapValidationError(_problems_of(exc, who)) from None

    return wrapper


def _revalidated(obj: Any, cls: type | tuple[type, ...], what: str) -> Any:
    """Check an object given by the caller: its type, and its fields again (an object
    made with ``model_copy(update=...)`` skipped validation)."""
    if not isinstance(obj, cls):
        raise UsageError(f"expected {what}, got {type(obj).__name__} {obj!r:.80}")
    try:
        # its own fields as they are (nested models are taken as they are): no dump needed
        type(obj).model_validate(obj.__dict__)  # type: ignore[attr-defined]  # a model: checked above
    except ValidationError as exc:
        who = f"{what} {getattr(obj, 'id', None)!r}" if getattr(obj, "id", None) else what
        raise MapValidationError(_problems_of(exc, who)) from None
    return obj


def _check_id(id: Any, what: str) -> None:
    if not isinstance(id, str):
        raise UsageError(f"{what} ids are strings, got {type(id).__name__} {id!r:.80}")


def _slug(text: str, words: int = 5) -> str:
    parts = re.findall(r"[a-z0-9]+", text.lower())
    return "-".join(parts[:words]) or "s"


class _Relations(dict[str, Relation]):
    """Relations by key, in map order; :meth:`rename` keeps a relation's place.

    Renaming a key (a relation getting an id because something undercuts it)
    moves the entry to the end and restores map order lazily, on the next
    iteration, so that a run of renames costs one sort rather than a rebuild of
    the whole table each time. Lookups never reorder.
    """

    _rank: dict[str, int] | None = None  # position of each key, once something was renamed
    _next = 0
    _dirty = False

    def __setitem__(self, key: str, value: Relation) -> None:
        if self._rank is not None and key not in self:
            self._rank[key] = self._next
            self._next += 1
        super().__setitem__(key, value)

    def __delitem__(self, key: str) -> None:
        if self._rank is not None:
            self._rank.pop(key, None)
        super().__delitem__(key)

    def pop(self, key: str, *default: Any) -> Any:
        if self._rank is not None:
            self._rank.pop(key, None)
        return super().pop(key, *default)

    def rename(self, old: str, new: str, value: Relation) -> None:
        if self._rank is None:
            self._rank = {k: i for i, k in enumerate(super().__iter__())}
            self._next = len(self._rank)
        rank = self._rank.pop(old)
        super().__delitem__(old)
        super().__setitem__(new, value)
        self._rank[new] = rank
        self._dirty = True

    def _order(self) -> None:
        if self._dirty:
            rank = cast(dict[str, int], self._rank)
            items = sorted(super().items(), key=lambda kv: rank[kv[0]])
            super().clear()
            super().update(items)
            self._dirty = False

    def __iter__(self) -> Iterator[str]:
        self._order()
        return super().__iter__()

    def keys(self) -> KeysView[str]:  # type: ignore[override]  # a view all the same
        self._order()
        return super().keys()

    def values(self) -> ValuesView[Relation]:  # type: ignore[override]  # a view all the same
        self._order()
        return super().values()

    def items(self) -> ItemsView[str, Relation]:  # type: ignore[override]  # a view all the same
        self._order()
        return super().items()


class ArgumentMap:
    """An argument map: statements linked by supports and attacks.

    The map is a typed graph over a :class:`networkx.MultiDiGraph`: each node is
    a statement (a frozen :class:`~argmap.Claim`, :class:`~argmap.Objection`,
    :class:`~argmap.Rebuttal` or :class:`~argmap.Evidence`), each edge a
    :class:`~argmap.Relation`. Every mutation checks the rule table
    (:mod:`argmap.rules`) at once and raises, naming the ids involved.

    Parameters
    ----------
    title : str, optional
        Title of the map.
    source : Source or dict, optional
        The document mapped.

    Examples
    --------
    >>> m = ArgumentMap(title="Lunch")
    >>> _ = m.actor("ann", "Ann")
    >>> thesis = m.claim("We should eat out.", id="eat-out", by="ann")
    >>> cost = m.objection("It costs too much.", id="cost", against=thesis)
    >>> _ = m.rebuttal("The canteen is cheap.", id="cheap", against=cost)
    >>> [s.id for s in m.statements()]
    ['eat-out', 'cost', 'cheap']
    >>> [s.id for s in m.attackers("cost")]
    ['cheap']
    >>> m.unanswered_objections()
    []
    """

    @_validating
    def __init__(
        self, title: str | None = None, *, source: Source | Mapping[str, Any] | None = None
    ) -> None:
        if title is not None and not isinstance(title, str):
            raise UsageError(f"title must be a string, not {title!r:.80}")
        if source is not None and not isinstance(source, Source | Mapping):
            raise UsageError(f"source must be a Source or a mapping, not {source!r:.80}")
        self.title = title
        self.source = Source.model_validate(source) if isinstance(source, Mapping) else source
        import networkx as nx  # imported on first use, to keep ``import argmap`` light

        self._actors: dict[str, Actor] = {}
        self._graph = nx.MultiDiGraph()
        self._relations: _Relations = _Relations()
        # see _incidence
        self._index: tuple[dict[str, list[Relation]], dict[str, list[Relation]]] | None = None
        self.check_config: dict[str, Any] | None = None
        """Settings for ``argmap check`` carried by the map (the native format's
        ``check:`` key; see :mod:`argmap.check.config`)."""

    # ------------------------------------------------------------------ builder
    @_validating
    def actor(
        self,
        id: str,
        name: str,
        *,
        affiliation: str | None = None,
        role: str | None = None,
        kind: ActorKind | None = None,
    ) -> Actor:
        """Declare an actor, who can then be named in a statement's ``by``.

        Raises
        ------
        DuplicateIdError
            If an actor with this id exists already.
        """
        return self.add_actor(
            Actor(id=id, name=name, affiliation=affiliation, role=role, kind=kind)
        )

    def add_actor(self, actor: Actor) -> Actor:
        """Add an :class:`Actor` object; see :meth:`actor`."""
        _revalidated(actor, Actor, "an Actor")
        if actor.id in self._actors:
            raise DuplicateIdError(f"actor {actor.id!r} is already declared")
        self._actors[actor.id] = actor
        return actor

    def claim(
        self, text: str, *, supports: Refs = None, against: Refs = None, **fields: Any
    ) -> Claim:
        """Add a claim; ``supports`` names what it supports.

        Takes the fields of :meth:`statement` (``id``, ``by``, ``quote``,
        ``source``, ``tags``, ``note``, ``qualifier``, ``weight``, ``meta``,
        ``concedes``).
        """
        stmt = self.statement("claim", text, supports=supports, against=against, **fields)
        return cast(Claim, stmt)

    def evidence(
        self, text: str, *, supports: Refs = None, against: Refs = None, **fields: Any
    ) -> Evidence:
        """Add evidence (a fact, precedent or datum); ``supports`` names what it backs."""
        stmt = self.statement("evidence", text, supports=supports, against=against, **fields)
        return cast(Evidence, stmt)

    def objection(
        self, text: str, *, against: Refs = None, supports: Refs = None, **fields: Any
    ) -> Objection:
        """Add an objection ``against`` a claim, evidence or rebuttal (or a relation).

        ``against`` takes a statement, an id, a :class:`Relation` (an undercut)
        or a list of them.
        """
        stmt = self.statement("objection", text, against=against, supports=supports, **fields)
        return cast(Objection, stmt)

    def rebuttal(
        self, text: str, *, against: Refs = None, supports: Refs = None, **fields: Any
    ) -> Rebuttal:
        """Add a rebuttal ``against`` an objection (or, as an undercut, a relation)."""
        stmt = self.statement("rebuttal", text, against=against, supports=supports, **fields)
        return cast(Rebuttal, stmt)

    @_validating
    def statement(
        self,
        kind: str,
        text: str,
        *,
        id: str | None = None,
        by: str | None = None,
        quote: str | None = None,
        source: Source | Mapping[str, Any] | None = None,
        tags: Iterable[str] = (),
        note: str | None = None,
        qualifier: str | None = None,
        weight: float | None = None,
        meta: Mapping[str, Any] | None = None,
        against: Refs = None,
        supports: Refs = None,
        concedes: Refs = None,
    ) -> Statement:
        """Add a statement of any kind, with its relations, in one atomic step.

        Parameters
        ----------
        kind : {'claim', 'objection', 'rebuttal', 'evidence'}
            The statement kind.
        text : str
            The statement as a full sentence.
        id : str, optional
            A unique slug; made from the text when omitted.
        by : str, optional
            Id of a declared actor.
        against : statement, id, Relation or list of them, optional
            What the statement attacks: ``objects`` for an objection,
            ``rebuts`` for a rebuttal, ``undercuts`` when a relation is given.
        supports : statement, id or list of them, optional
            What the statement supports.
        concedes : statement, id or list of them, optional
            What the statement grants, in part (``concedes``: neither an
            attack nor a support; see :meth:`concessions`).
        qualifier : str, optional
            The source's modality in its own words ("probably", "may").

        Returns
        -------
        Statement
            The new frozen statement.

        Raises
        ------
        RuleError, UnknownIdError, DuplicateIdError
            If the statement or one of its relations breaks a rule; the map is
            left unchanged.
        """
        if not isinstance(kind, str) or kind not in _CLASSES:
            raise RuleError(f"unknown statement kind {kind!r} (must be one of {list(_CLASSES)})")
        if not isinstance(text, str):
            raise UsageError(f"a statement's text is a string, not {text!r:.80}")
        if isinstance(tags, str) or not isinstance(tags, Iterable):
            raise UsageError(f"tags must be a list of strings, not {tags!r:.80}")
        if meta is not None and not isinstance(meta, Mapping):
            raise UsageError(f"meta must be a mapping, not {meta!r:.80}")
        if source is not None and not isinstance(source, Source | Mapping):
            raise UsageError(f"source must be a Source or a mapping, not {source!r:.80}")
        if id is None:
            id = self._fresh_id(_slug(text))
        stmt = _CLASSES[kind](
            id=id,
            text=text,
            by=by,
            quote=quote,
            source=Source.model_validate(source) if isinstance(source, Mapping) else source,
            tags=tuple(tags),
            note=note,
            qualifier=qualifier,
            weight=weight,
            meta=dict(meta or {}),
        )
        relations = []
        for target in _refs(against):
            if isinstance(target, Relation) or (
                isinstance(target, str) and target in self._relations
            ):
                target = self._ensure_relation_id(target)
                relations.append(Relation(from_=id, to=target, kind="undercuts"))
            elif kind in _ATTACK_BY_KIND:
                relations.append(Relation(from_=id, to=_ref_id(target), kind=_ATTACK_BY_KIND[kind]))
            else:
                raise RuleError(
                    f"statement {id!r}: a {kind} cannot be 'against' {_ref_id(target)!r}; "
                    "make it an objection (or a rebuttal, against an objection), "
                    "or use relate(..., 'contradicts')"
                )
        relations += [Relation(from_=id, to=_ref_id(t), kind="supports") for t in _refs(supports)]
        relations += [Relation(from_=id, to=_ref_id(t), kind="concedes") for t in _refs(concedes)]
        self._check_new_statement(stmt)
        self._graph.add_node(stmt.id, statement=stmt)
        try:
            for rel in relations:
                self._add_relation(rel)
        except Exception:
            for rel in relations:
                self._drop_relation(rel.key)
            self._graph.remove_node(stmt.id)
            self.__dict__.pop("_fresh_next", None)
            raise
        return stmt

    def add(self, statement: Statement) -> Statement:
        """Add a statement object (no relations).

        Raises
        ------
        DuplicateIdError, UnknownIdError
            If the id is taken or ``by`` names an undeclared actor.
        MapValidationError
            If a field is invalid (an object made with ``model_copy(update=...)``
            is not validated by pydantic, so it is checked here).
        """
        _revalidated(statement, _STATEMENT_CLASSES, "a statement (Claim, Objection, ...)")
        self._check_new_statement(statement)
        self._graph.add_node(statement.id, statement=statement)
        return statement

    @_validating
    def relate(
        self,
        from_: Ref,
        to: Ref,
        kind: str,
        *,
        id: str | None = None,
        note: str | None = None,
        meta: Mapping[str, Any] | None = None,
    ) -> Relation:
        """Add a relation ``from_ -kind-> to`` and return it.

        Examples
        --------
        >>> m = ArgumentMap()
        >>> a, b = m.claim("A.", id="a"), m.claim("B.", id="b")
        >>> m.relate(a, b, "contradicts").key
        'a>contradicts>b'
        """
        if meta is not None and not isinstance(meta, Mapping):
            raise UsageError(f"meta must be a mapping, not {meta!r:.80}")
        to_id = self._ensure_relation_id(to) if kind == "undercuts" else _ref_id(to)
        rel = Relation(
            id=id,
            from_=_ref_id(from_),
            to=to_id,
            kind=kind,
            note=note,
            meta=dict(meta or {}),
        )
        return self._add_relation(rel)

    def add_relation(self, relation: Relation) -> Relation:
        """Add a :class:`Relation` object, checking the rule table.

        Raises
        ------
        UnknownIdError
            If an end does not exist.
        RuleError
            If the rule table forbids it (e.g. a rebuttal aimed at a claim).
        DuplicateIdError
            If the same relation, or its id, exists already.
        """
        _revalidated(relation, Relation, "a Relation")
        return self._add_relation(relation)

    def _add_relation(self, relation: Relation) -> Relation:
        problems = self._relation_problems(relation, self._relations)
        if problems:
            kind, msg = problems[0]
            raise {"unknown": UnknownIdError, "duplicate": DuplicateIdError}.get(kind, RuleError)(
                msg
            )
        self._insert_relation(relation)
        return relation

    def _insert_relation(self, rel: Relation) -> None:
        if self._index is not None:
            # keep the index current (appending keeps map order): rebuilding it
            # after every insertion would make building a map quadratic
            by_from, by_to = self._index
            by_from.setdefault(rel.from_, []).append(rel)
            by_to.setdefault(rel.to, []).append(rel)
            if rel.kind == "contradicts":
                by_from.setdefault(rel.to, []).append(rel)
                by_to.setdefault(rel.from_, []).append(rel)
        self._relations[rel.key] = rel
        if rel.kind != "undercuts":
            self._graph.add_edge(rel.from_, rel.to, key=rel.key, relation=rel)

    def _drop_relation(self, key: str) -> None:
        self.__dict__.pop("_fresh_next", None)  # a freed id may be given again
        self._index = None
        rel = self._relations.pop(key, None)
        if rel is not None and rel.kind != "undercuts":
            self._graph.remove_edge(rel.from_, rel.to, key=key)

    def _ensure_relation_id(self, ref: Ref) -> str:
        """Give an undercut target an explicit id (files refer to relations by id)."""
        key = _ref_id(ref)
        rel = self._relations.get(key)
        if rel is None or rel.id is not None:
            return key
        new_id = self._fresh_id(f"{rel.from_}-{rel.kind}-{rel.to}")
        new = rel.model_copy(update={"id": new_id})
        self._relations.rename(key, new_id, new)  # keeps its place in map order
        if self._index is not None:
            # nothing can target a relation without an id: only its own entries change
            for table, end in ((0, rel.from_), (1, rel.to), (0, rel.to), (1, rel.from_)):
                entries = self._index[table].get(end, [])
                for i, r in enumerate(entries):
                    if r is rel:
                        entries[i] = new
        if rel.kind != "undercuts":
            self._graph.remove_edge(rel.from_, rel.to, key=key)
            self._graph.add_edge(rel.from_, rel.to, key=new_id, relation=new)
        return new_id

    def _fresh_id(self, base: str) -> str:
        base = base[:60].strip("-") or "s"
        if not base[0].isalnum():
            base = "s" + base
        # start after the last suffix given for this base (every smaller one is taken until
        # something is removed, which clears this): many equal texts stay linear
        seen = self.__dict__.setdefault("_fresh_next", {})
        n = seen.get(base, 2)
        candidate = base if n == 2 else f"{base}-{n}"
        while candidate in self._graph or candidate in self._relations:
            candidate, n = f"{base}-{n}", n + 1
        seen[base] = n
        return candidate

    # ------------------------------------------------------------------ checks
    def _check_new_statement(self, stmt: Statement) -> None:
        if stmt.id in self._graph:
            raise DuplicateIdError(f"statement {stmt.id!r}: id is already used by a statement")
        if stmt.id in self._relations:
            raise DuplicateIdError(f"statement {stmt.id!r}: id is already used by a relation")
        if stmt.by is not None and stmt.by not in self._actors:
            raise UnknownIdError(
                f"statement {stmt.id!r}: unknown actor {stmt.by!r}"
                + self._suggest(stmt.by, self._actors)
                + f" (declare it first, e.g. m.actor({stmt.by!r}, 'Name'))"
            )

    def _relation_problems(
        self,
        rel: Relation,
        existing: Mapping[str, Relation],
        cycles: set[str] | None = None,
    ) -> list[tuple[str, str]]:
        """Return ``[(category, message)]`` for one relation against the others.

        ``cycles`` holds the keys of the undercuts that lead into a cycle of
        undercuts (from :meth:`_undercut_cycles`), when the caller has them.
        """
        out = []
        name = f"relation {rel.from_} -{rel.kind}-> {rel.to}"
        src = self._graph.nodes[rel.from_]["statement"] if rel.from_ in self._graph else None
        if src is None:
            out.append(
                (
                    "unknown",
                    f"{name}: unknown statement {rel.from_!r}"
                    + self._suggest(rel.from_, self._graph),
                )
            )
        to_kind = to_rel_kind = None
        if rel.kind == "undercuts":
            target = existing.get(rel.to)
            if target is None or target.id is None:
                hint = (
                    " (undercuts must name a relation by its id)" if rel.to in self._graph else ""
                )
                out.append(("unknown", f"{name}: unknown relation id {rel.to!r}{hint}"))
            else:
                to_rel_kind = target.kind
                if cycles is None:
                    cycles = self._undercut_cycles(existing, start=rel)
                if rel.key in cycles:
                    out.append(("rule", f"{name}: undercuts form a cycle"))
                if rel.id is not None and rel.id == rel.to:
                    out.append(("rule", f"{name}: a relation cannot undercut itself"))
        elif rel.to in self._graph:
            to_kind = self._graph.nodes[rel.to]["statement"].kind
        else:
            out.append(
                (
                    "unknown",
                    f"{name}: unknown statement {rel.to!r}" + self._suggest(rel.to, self._graph),
                )
            )
        if src is not None:
            problem = relation_problem(rel, src.kind, to_kind, to_relation_kind=to_rel_kind)
            if problem:
                out.append(("rule", problem))
        if rel.id is not None and (rel.id in self._graph):
            out.append(("duplicate", f"{name}: id {rel.id!r} is already used by a statement"))
        # only relations between the same two ends can repeat this one
        if existing is not self._relations:
            candidates = list(existing.values())
        elif rel.kind == "undercuts":
            candidates = [r for r in self._incidence()[0].get(rel.from_, ()) if r.to == rel.to]
        else:
            g = self._graph
            candidates = [
                d["relation"]
                for u, v in ((rel.from_, rel.to), (rel.to, rel.from_))
                for d in (g.get_edge_data(u, v) or {}).values()
            ]
        if rel.id is not None and rel.id in existing:
            candidates.append(existing[rel.id])
        candidates = list({id(c): c for c in candidates}.values())
        for other in candidates:
            if other is rel:
                continue
            if rel.id is not None and other.id == rel.id:
                out.append(("duplicate", f"{name}: relation id {rel.id!r} is used twice"))
            same = (other.from_, other.to, other.kind) == (rel.from_, rel.to, rel.kind)
            mirror = rel.kind == "contradicts" == other.kind and (
                (other.from_, other.to) == (rel.to, rel.from_)
            )
            if same or mirror:
                out.append(("duplicate", f"{name}: the same relation is given twice"))
        return out

    def _undercut_cycles(
        self, existing: Mapping[str, Relation], *, start: Relation | None = None
    ) -> set[str]:
        """Keys of the undercuts whose chain of targets runs into a cycle.

        Each undercut names one target, so the undercuts form a functional
        graph: one pass with colours finds every cycle in linear time, without
        recursion. With ``start`` (a relation about to be added), only its
        chain is walked, and not at all when nothing undercuts it yet (then it
        cannot close a cycle).
        """
        if start is not None:
            if existing is self._relations and start.key not in self._incidence()[1]:
                return set()
            heads = [start]
        else:
            heads = [r for r in existing.values() if r.kind == "undercuts"]
        verdict: dict[str, bool] = {}
        for head in heads:
            path: list[str] = []
            on_path: set[str] = set()
            cur: Relation | None = head
            result = False
            while cur is not None and cur.kind == "undercuts":
                if cur.key in verdict:
                    result = verdict[cur.key]
                    break
                if cur.key in on_path:
                    result = True
                    break
                path.append(cur.key)
                on_path.add(cur.key)
                nxt = existing.get(cur.to)
                cur = start if nxt is None and start is not None and cur.to == start.key else nxt
            for key in path:
                verdict[key] = result
        return {key for key, bad in verdict.items() if bad}

    def _suggest(self, name: str, pool: Collection[str]) -> str:
        """" (did you mean 'x'?)" for the closest id in ``pool``, within a budget.

        Each suggestion compares ``name`` with every id in ``pool``; one
        validation pass spends at most :data:`SUGGESTION_BUDGET` comparisons in
        all, so thousands of dangling ids in a large map stay linear (the
        first ones get suggestions, the rest none).
        """
        budgeted = "_suggestions_left" in self.__dict__  # inside problems()
        left = self.__dict__.get("_suggestions_left", SUGGESTION_BUDGET)
        if len(pool) > left:
            return ""
        if budgeted:
            self._suggestions_left = left - len(pool)
        close = difflib.get_close_matches(name, list(pool), n=1)
        return f" (did you mean {close[0]!r}?)" if close else ""

    def problems(self) -> list[str]:
        """Every problem in the map, one message each (empty when the map is sound).

        Maps built through the methods above are always sound; maps assembled
        with :meth:`from_document` (``validate=False``) may not be.
        """
        self._suggestions_left = SUGGESTION_BUDGET
        try:
            return self._problems()
        finally:
            del self._suggestions_left

    def _problems(self) -> list[str]:
        out = []
        for stmt in self.statements():
            if stmt.by is not None and stmt.by not in self._actors:
                out.append(
                    f"statement {stmt.id!r}: unknown actor {stmt.by!r}"
                    + self._suggest(stmt.by, self._actors)
                )
            if stmt.id in self._relations:
                out.append(f"statement {stmt.id!r}: id is also used by a relation")
        cycles = self._undercut_cycles(self._relations)
        # one pass over indexes clears the relations that are certainly sound (known
        # ends, allowed by the rule table, given once, an id no statement has); only
        # the others get the full check, whose messages are then the same as if every
        # relation had been checked (a sound relation has none)
        kinds = {sid: d["statement"].kind for sid, d in self._graph.nodes(data=True)}
        ends: dict[tuple[str, str, str], int] = {}
        for rel in self._relations.values():
            end = _ends(rel)
            ends[end] = ends.get(end, 0) + 1
        for rel in self._relations.values():
            from_kind, to_kind = kinds.get(rel.from_), kinds.get(rel.to)
            if (
                from_kind is not None
                and to_kind is not None
                and rel.kind != "undercuts"
                and (rel.id is None or rel.id not in kinds)
                and ends[_ends(rel)] == 1
                and relation_problem(rel, from_kind, to_kind) is None
            ):
                continue
            out += [msg for _, msg in self._relation_problems(rel, self._relations, cycles)]
        return list(dict.fromkeys(out))

    def validate(self) -> None:
        """Raise :class:`MapValidationError` listing every problem, if there is any."""
        problems = self.problems()
        if problems:
            raise MapValidationError(problems)

    # ------------------------------------------------------------------ queries
    def __getitem__(self, id: str) -> Statement:
        return self.get(id)

    def get(self, id: str) -> Statement:
        """The statement with this id.

        Raises
        ------
        UnknownIdError
            If there is none; the message suggests a close id.
        """
        _check_id(id, "statement")
        try:
            return cast(Statement, self._graph.nodes[id]["statement"])
        except KeyError:
            raise UnknownIdError(
                f"unknown statement {id!r}" + self._suggest(id, self._graph)
            ) from None

    def relation(self, key: str) -> Relation:
        """The relation with this id (or ``from>kind>to`` key)."""
        _check_id(key, "relation")
        try:
            return self._relations[key]
        except KeyError:
            raise UnknownIdError(
                f"unknown relation {key!r}" + self._suggest(key, self._relations)
            ) from None

    def __contains__(self, id: object) -> bool:
        return id in self._graph

    def __iter__(self) -> Iterator[Statement]:
        return iter(self.statements())

    def __len__(self) -> int:
        return int(self._graph.number_of_nodes())

    def statements(self, kind: str | None = None, *, by: str | None = None) -> list[Statement]:
        """Statements in insertion order, optionally of one ``kind`` and/or ``by`` one actor."""
        if kind is not None and kind not in STATEMENT_KINDS:
            raise OptionError(f"unknown kind {kind!r} (must be one of {list(STATEMENT_KINDS)})")
        return [
            s
            for _, s in self._graph.nodes(data="statement")
            if (kind is None or s.kind == kind) and (by is None or s.by == by)
        ]

    def relations(self, kind: str | None = None) -> list[Relation]:
        """Relations in insertion order, optionally of one ``kind``."""
        return [r for r in self._relations.values() if kind is None or r.kind == kind]

    def actors(self) -> list[Actor]:
        """Declared actors, in order."""
        return list(self._actors.values())

    def get_actor(self, id: str) -> Actor:
        """The actor with this id."""
        _check_id(id, "actor")
        try:
            return self._actors[id]
        except KeyError:
            raise UnknownIdError(
                f"unknown actor {id!r}" + self._suggest(id, self._actors)
            ) from None

    def relations_to(self, ref: Ref) -> list[Relation]:
        """Relations whose target is this statement or relation (contradicts both ways)."""
        key = _ref_id(ref)
        self._require(key)
        return list(self._incidence()[1].get(key, ()))

    def relations_from(self, ref: Ref) -> list[Relation]:
        """Relations that start at this statement (contradicts both ways)."""
        key = _ref_id(ref)
        self._require(key)
        return list(self._incidence()[0].get(key, ()))

    def _incidence(self) -> tuple[dict[str, list[Relation]], dict[str, list[Relation]]]:
        """Relations by source and by target, in map order; rebuilt after a change."""
        if self._index is None:
            by_from: dict[str, list[Relation]] = {}
            by_to: dict[str, list[Relation]] = {}
            for r in self._relations.values():
                by_from.setdefault(r.from_, []).append(r)
                by_to.setdefault(r.to, []).append(r)
                if r.kind == "contradicts":
                    by_from.setdefault(r.to, []).append(r)
                    by_to.setdefault(r.from_, []).append(r)
            self._index = (by_from, by_to)
        return self._index

    def _require(self, key: str) -> None:
        if key not in self._graph and key not in self._relations:
            self.get(key)

    def _other_end(self, rel: Relation, key: str) -> str:
        return rel.from_ if rel.to == key else rel.to

    def attackers(self, ref: Ref) -> list[Statement]:
        """Statements that attack this statement (or, given a relation, undercut it)."""
        key = _ref_id(ref)
        return [
            self.get(r.from_ if r.to == key else r.to)
            for r in self.relations_to(key)
            if r.is_attack
        ]

    def supporters(self, ref: Ref) -> list[Statement]:
        """Statements that support this statement."""
        key = _ref_id(ref)
        return [self.get(r.from_) for r in self.relations_to(key) if r.kind == "supports"]

    def concessions(self, ref: Ref) -> list[Statement]:
        """Statements that concede (grant part of) this statement.

        A concession is neither an attack nor a support: it changes no status.

        Examples
        --------
        >>> m = ArgumentMap()
        >>> c = m.claim("C.", id="c")
        >>> o = m.objection("O.", id="o", against=c)
        >>> r = m.rebuttal("R.", id="r", against=o, concedes=o)
        >>> [s.id for s in m.concessions(o)], [s.id for s in m.attackers(o)]
        (['r'], ['r'])
        """
        key = _ref_id(ref)
        return [self.get(r.from_) for r in self.relations_to(key) if r.kind == "concedes"]

    def targets(self, ref: Ref) -> list[Statement | Relation]:
        """What this statement supports or attacks: statements, or relations it undercuts.

        What it concedes is not among them (see :meth:`concessions`).
        """
        key = _ref_id(ref)
        out: list[Statement | Relation] = []
        for r in self.relations_from(key):
            if r.kind == "concedes":
                continue
            if r.kind == "undercuts":
                out.append(self._relations[r.to])
            else:
                out.append(self.get(r.to if r.from_ == key else r.from_))
        return out

    def roots(self) -> list[Statement]:
        """Statements that support or attack nothing (``contradicts`` and ``concedes`` aside).

        The root claims among them are the map's default theses (see :meth:`theses`).
        """
        busy = {
            r.from_ for r in self._relations.values() if r.kind not in ("contradicts", "concedes")
        }
        return [s for s in self.statements() if s.id not in busy]

    def theses(self) -> list[Claim]:
        """The positions the map argues for: its claims tagged ``thesis``, in map order.

        A map that tags no claim ``thesis`` has its root claims as theses (claims
        that support or attack nothing). Tag the theses when the map also holds side
        claims (someone else's claim the author argues against, say), so that checks
        scoped to the theses do not read objections to a side claim as challenges
        to the author.
        """
        tagged = [s for s in self.statements("claim") if "thesis" in s.tags]
        return cast(list[Claim], tagged or [s for s in self.roots() if s.kind == "claim"])

    def unanswered_objections(self, thesis: str | Iterable[str] | None = None) -> list[Objection]:
        """Objections no standing rebuttal answers (:func:`argmap.find_unanswered_objections`).

        ``thesis`` (an id or several) keeps only the objections that bear on it.
        """
        from .analysis.dialectic import find_unanswered_objections

        return find_unanswered_objections(self, thesis)

    def check(
        self,
        *,
        thesis: str | list[str] | None = None,
        source: str | os.PathLike[str] | None = None,
    ) -> CheckResult:
        """Run ``argmap check``'s rules on the map (:func:`argmap.check.check_map`).

        ``print(m.check())`` shows the text report; ``.findings`` lists the findings.
        """
        from .check import check_map

        return check_map(self, thesis=thesis, source=source)

    def status(
        self, semantics: str = "grounded", *, support: str = "ignored"
    ) -> dict[str, Literal["in", "out", "undec"]]:
        """Statement id -> ``"in"``, ``"out"`` or ``"undec"``.

        See :func:`argmap.analysis.status.statuses` for the semantics and support options.
        """
        from .analysis.status import statuses

        return statuses(self, semantics, support=support)

    def what_if(
        self, *, defeat: Refs = None, remove: Refs = None, add: Any = None, **options: Any
    ) -> WhatIf:
        """What changes if statements or relations are defeated, removed or added.

        The map itself is not changed. See :func:`argmap.analysis.whatif.what_if`
        (``semantics``, ``support``, ...).
        """
        from .analysis.whatif import what_if

        return what_if(self, defeat=defeat, remove=remove, add=add, **options)

    def explore(self, **options: Any) -> Any:
        """An interactive widget of the map for Jupyter (:func:`argmap.widget`)."""
        from .render.widget import widget

        return widget(self, **options)

    def to_pandas(self) -> Any:
        """The statements as a :class:`pandas.DataFrame` indexed by ``id``, in map order.

        Columns: ``kind``, ``text``, ``thesis`` (bool: one of :meth:`theses`),
        ``by`` (actor id), ``actor`` (its name and affiliation), ``quote``,
        ``qualifier``, ``tags`` (tuple), ``note``, ``weight`` (float, NaN when unset),
        ``source_title``, ``source_author``, ``source_publisher``,
        ``source_date``, ``source_url`` (the statement's own source), and
        ``attackers``, ``supporters`` (how many statements attack and support it).
        Missing values test true with ``pandas.isna``. Needs pandas
        (``pip install 'argmap[pandas]'``).
        """
        from .table import data_frame

        theses = {t.id for t in self.theses()}
        attackers: dict[str, int] = {}
        supporters: dict[str, int] = {}
        for r in self._relations.values():
            if r.is_attack:
                for end in (r.to, r.from_) if r.kind == "contradicts" else (r.to,):
                    attackers[end] = attackers.get(end, 0) + 1
            elif r.kind == "supports":
                supporters[r.to] = supporters.get(r.to, 0) + 1
        rows = []
        for s in self.statements():
            src = s.source
            actor = self._actors.get(s.by) if s.by else None
            rows.append(
                {
                    "id": s.id,
                    "kind": s.kind,
                    "text": s.text,
                    "thesis": s.id in theses,
                    "by": s.by,
                    "actor": actor.label if actor else s.by,
                    "quote": s.quote,
                    "qualifier": s.qualifier,
                    "tags": tuple(s.tags),
                    "note": s.note,
                    "weight": s.weight,
                    **{
                        f"source_{f}": (getattr(src, f) if src is not None else None)
                        for f in ("title", "author", "publisher", "date", "url")
                    },
                    "attackers": attackers.get(s.id, 0),
                    "supporters": supporters.get(s.id, 0),
                }
            )
        return data_frame(
            rows,
            STATEMENT_COLUMNS,
            "id",
            {"thesis": "bool", "weight": "float64", "attackers": "int64", "supporters": "int64"},
        )

    def relations_frame(self) -> Any:
        """The relations as a :class:`pandas.DataFrame` indexed by ``key``, in map order.

        Columns: ``id`` (None when the relation has none), ``from``, ``to`` (a
        statement id, or a relation key for ``undercuts``), ``kind``, ``attack``
        (bool: objects, rebuts, undercuts, contradicts), ``note``. The ``key`` is
        the relation's id, else ``from>kind>to``. Needs pandas.
        """
        from .table import data_frame

        rows = [
            {
                "key": r.key,
                "id": r.id,
                "from": r.from_,
                "to": r.to,
                "kind": r.kind,
                "attack": r.is_attack,
                "note": r.note,
            }
            for r in self._relations.values()
        ]
        return data_frame(rows, RELATION_COLUMNS, "key", {"attack": "bool"})

    # ------------------------------------------------------------------ mutation
    def remove(self, ref: Ref, *, cascade: bool = False) -> list[Relation]:
        """Remove a statement (or a relation) from the map.

        Parameters
        ----------
        ref : statement, relation or id
            What to remove.
        cascade : bool, default False
            Policy for dangling relations. When False, removing something that
            relations still touch raises :class:`DanglingRelationError` listing
            them, and nothing changes. When True those relations go too, and so
            do undercuts of removed relations, transitively.

        Returns
        -------
        list of Relation
            The relations removed with it.
        """
        key = _ref_id(ref)
        self._require(key)
        doomed: dict[str, Relation] = {}
        todo = [key]
        by_from, by_to = self._incidence()
        while todo:
            k = todo.pop()
            for r in by_from.get(k, []) + by_to.get(k, []):
                if r.key not in doomed and r.key != key:
                    doomed[r.key] = r
                    todo.append(r.key)
        if doomed and not cascade:
            listed = ", ".join(sorted(doomed))
            raise DanglingRelationError(
                f"cannot remove {key!r}: relations still use it ({listed}); "
                "pass cascade=True to remove them too"
            )
        for k in doomed:
            self._drop_relation(k)
        if key in self._relations:
            self._drop_relation(key)
        else:
            self._graph.remove_node(key)
            self.__dict__.pop("_fresh_next", None)  # its id may be given again
        return list(doomed.values())

    def remove_actor(self, id: str) -> None:
        """Remove an actor that no statement names."""
        self.get_actor(id)
        users = [s.id for s in self.statements(by=id)]
        if users:
            raise DanglingRelationError(
                f"cannot remove actor {id!r}: statements still name it ({', '.join(users)})"
            )
        del self._actors[id]

    def replace(self, statement: Statement) -> Statement:
        """Replace the statement with the same id (e.g. an edited copy), keeping its relations.

        Raises
        ------
        RuleError
            If the new kind breaks a rule for an existing relation; nothing changes.
        """
        _revalidated(statement, _STATEMENT_CLASSES, "a statement (Claim, Objection, ...)")
        old = self.get(statement.id)
        if statement.by is not None and statement.by not in self._actors:
            raise UnknownIdError(f"statement {statement.id!r}: unknown actor {statement.by!r}")
        self._graph.nodes[statement.id]["statement"] = statement
        problems = [
            msg
            for r in self._relations.values()
            if statement.id in (r.from_, r.to)
            for _, msg in self._relation_problems(r, self._relations)
        ]
        if problems:
            self._graph.nodes[statement.id]["statement"] = old
            raise RuleError(problems[0])
        return statement

    # ------------------------------------------------------------------ conversion
    def copy(self) -> ArgumentMap:
        """An independent copy (statements and relations are immutable, so shared)."""
        new = ArgumentMap(self.title, source=self.source)
        new.check_config = self.check_config
        new._actors = dict(self._actors)
        new._graph = self._graph.copy()
        new._relations = _Relations(self._relations)
        return new

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, ArgumentMap):
            return NotImplemented
        return (
            self.title == other.title
            and self.source == other.source
            and self._actors == other._actors
            and {s.id: s for s in self.statements()} == {s.id: s for s in other.statements()}
            and self._relations == other._relations
            and self.check_config == other.check_config
        )

    __hash__ = None  # type: ignore[assignment]  # mutable, so unhashable

    def __repr__(self) -> str:
        title = f" {self.title!r}" if self.title else ""
        return (
            f"<ArgumentMap{title}: {len(self)} statements, "
            f"{len(self._relations)} relations, {len(self._actors)} actors>"
        )

    def _repr_mimebundle_(
        self, include: Any = None, exclude: Any = None, **_: Any
    ) -> dict[str, Any]:
        """Jupyter display: the map as an SVG diagram (see :mod:`argmap.render.jupyter`)."""
        from .render.jupyter import repr_mimebundle

        return repr_mimebundle(self, include, exclude)

    def render(
        self,
        path: str | os.PathLike[str],
        *,
        format: str | None = None,
        engine: str | None = None,
        **options: Any,
    ) -> Path:
        """Draw the map into a file (svg, png, pdf, dot, mermaid, ...), atomically.

        The format follows the extension unless given; ``options`` are those of
        :func:`argmap.render.to_graphviz` (``highlight="unanswered"``,
        ``direction``, ``color_by``, ``group_by``, ``focus``, ``legend``, ...).
        See :func:`argmap.render.render`.

        Returns
        -------
        pathlib.Path
            The file written.
        """
        from .render.output import render

        return render(self, path, format=format, engine=engine, **options)

    def to_networkx(self) -> nx.MultiDiGraph:
        """A plain :class:`networkx.MultiDiGraph` copy with attributes, for any networkx algorithm.

        Nodes are statement ids with the statement's fields as attributes
        (``kind``, ``text``, ``by``, ...). Edges carry ``kind`` (and
        ``id`` when set). An undercut, which targets a relation, becomes an edge
        from the undercutter to the undercut relation's target statement with
        ``undercuts`` set to the undercut relation's key. The graph carries
        ``title``, and ``source`` and ``actors`` (plain dicts) when set, so that
        :func:`argmap.from_networkx` can rebuild the map.

        Examples
        --------
        >>> m = ArgumentMap()
        >>> c = m.claim("C.", id="c")
        >>> o = m.objection("O.", id="o", against=c)
        >>> G = m.to_networkx()
        >>> sorted(G.nodes), [(u, v, d["kind"]) for u, v, d in G.edges(data=True)]
        (['c', 'o'], [('o', 'c', 'objects')])
        """
        import networkx as nx

        G = nx.MultiDiGraph(title=self.title)
        if self.source is not None:
            G.graph["source"] = self.source.model_dump(exclude_none=True)
        if self._actors:
            G.graph["actors"] = [a.model_dump(exclude_none=True) for a in self._actors.values()]
        for s in self.statements():
            G.add_node(s.id, **s.model_dump(exclude={"id"}, exclude_none=True))
        for r in self._relations.values():
            attrs = r.model_dump(by_alias=True, exclude={"from_", "to"}, exclude_none=True)
            attrs.pop("from", None)
            if r.kind == "undercuts":
                target = r.to
                while target in self._relations:
                    attrs.setdefault("undercuts", target)
                    target = self._relations[target].to
                G.add_edge(r.from_, target, key=r.key, **attrs)
            else:
                G.add_edge(r.from_, r.to, key=r.key, **attrs)
        return G

    def to_document(self) -> MapDocument:
        """The map as a :class:`MapDocument` (the native file format's model)."""
        return MapDocument(
            title=self.title,
            source=self.source,
            actors=tuple(self._actors.values()),
            statements=tuple(self.statements()),
            relations=tuple(self._relations.values()),
            check=self.check_config,
        )

    @classmethod
    def from_document(cls, doc: MapDocument, *, validate: bool = True) -> ArgumentMap:
        """Build a map from a :class:`MapDocument`, reporting every problem at once.

        Raises
        ------
        MapValidationError
            Listing every problem (duplicate ids, dangling ids, broken rules).
        """
        if not isinstance(doc, MapDocument):
            raise UsageError(f"expected a MapDocument, got {type(doc).__name__}")
        m = cls(doc.title, source=doc.source)
        m.check_config = doc.check
        problems = []
        for a in doc.actors:
            if a.id in m._actors:
                problems.append(f"actor {a.id!r}: id is used twice")
            m._actors[a.id] = a
        nodes: dict[str, Statement] = {}
        for s in doc.statements:
            if s.id in nodes:
                problems.append(f"statement {s.id!r}: id is used twice")
                continue
            nodes[s.id] = s
        # bulk insertion: networkx clears its caches once, not once per node or edge
        m._graph.add_nodes_from((sid, {"statement": s}) for sid, s in nodes.items())
        for r in doc.relations:
            if r.key in m._relations:
                problems.append(
                    f"relation {r.from_} -{r.kind}-> {r.to}: "
                    + (
                        f"relation id {r.id!r} is used twice"
                        if r.id
                        else "the same relation is given twice"
                    )
                )
                continue
            m._relations[r.key] = r
        m._graph.add_edges_from(
            (r.from_, r.to, r.key, {"relation": r})
            for r in m._relations.values()
            if r.kind != "undercuts" and r.from_ in nodes and r.to in nodes
        )
        if validate:
            problems = list(dict.fromkeys(problems + m.problems()))
            if problems:
                raise MapValidationError(problems)
        return m

    def to_dict(self) -> dict[str, Any]:
        """The map as plain data in the native format (what YAML and JSON files hold).

        Examples
        --------
        >>> m = ArgumentMap(title="T")
        >>> _ = m.claim("C.", id="c")
        >>> m.to_dict()
        {'argmap': 1, 'title': 'T', 'statements': [{'id': 'c', 'kind': 'claim', 'text': 'C.'}]}
        """
        from .formats.native import document_to_dict

        return document_to_dict(self.to_document())

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> ArgumentMap:
        """Build a map from plain data in the native format (inverse of :meth:`to_dict`)."""
        from .formats.native import map_from_data

        return map_from_data(data)


def require_map(m: Any, where: str) -> None:
    """Raise :class:`UsageError` unless ``m`` is an :class:`ArgumentMap` (API entry checks).

    Examples
    --------
    >>> require_map(ArgumentMap(), "analyze")
    >>> require_map("map.yaml", "analyze")
    Traceback (most recent call last):
    ...
    argmap.errors.UsageError: analyze expects an ArgumentMap, got str 'map.yaml' \
(load a file with argmap.load)
    """
    if not isinstance(m, ArgumentMap):
        raise UsageError(
            f"{where} expects an ArgumentMap, got {type(m).__name__} {m!r:.60}"
            + (" (load a file with argmap.load)" if isinstance(m, str) else "")
        )
