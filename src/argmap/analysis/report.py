"""One report of a map's analysis: statuses, unanswered objections, strengths, actors.

:func:`analyze` gathers what the other analyses say about a map into an
:class:`AnalysisReport`, which prints as tables in a terminal (``str``), shows as
HTML tables in a notebook (``_repr_html_``) and serialises to plain data
(``to_dict``, what ``argmap analyze --format json`` prints). Tables use
:class:`argmap.table.Table`.
"""

from __future__ import annotations

import html
import textwrap
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from ..errors import UsageError
from .deadline import stage, time_limit
from .dialectic import ObjectionStatus, objection_statuses
from .status import Label, label_framework
from .strength import Strength
from .strength import strength as compute_strength
from .translate import translate

if TYPE_CHECKING:
    from ..map import ArgumentMap
    from ..table import Table

__all__ = ["ActorSummary", "AnalysisReport", "analyze"]

_NO_ACTOR = "(no actor)"


@dataclass(frozen=True)
class ActorSummary:
    """What became of one actor's statements.

    Attributes
    ----------
    actor : str or None
        Actor id (``None`` for statements attributed to no one).
    name : str
    statements : int
    labels : dict
        ``{"in": n, "out": n, "undec": n}`` under the report's first semantics.
    objections : int
        How many of the statements are objections.
    objections_standing : int
        Objections labelled *in* under the first semantics.
    objections_unanswered : int
        Objections that :func:`argmap.find_unanswered_objections` reports.
    """

    actor: str | None
    name: str
    statements: int
    labels: dict[str, int]
    objections: int
    objections_standing: int
    objections_unanswered: int

    def to_dict(self) -> dict[str, Any]:
        return {
            "actor": self.actor,
            "name": self.name,
            "statements": self.statements,
            "labels": dict(self.labels),
            "objections": self.objections,
            "objections_standing": self.objections_standing,
            "objections_unanswered": self.objections_unanswered,
        }


@dataclass(frozen=True)
class AnalysisReport:
    """The analysis of a map; see :func:`analyze`.

    Attributes
    ----------
    title : str or None
        The map's title.
    semantics : tuple of str
        Full names of the semantics, in the order asked.
    support : str
        The support interpretation used for the statuses.
    statuses : dict
        Semantics -> statement id -> label.
    extension_counts : dict
        Semantics -> number of extensions (``None`` when not counted: for
        complete semantics, and when a part of the map had more than
        ``max_extensions`` preferred or stable extensions). 0 means there is none (stable
        semantics on an odd cycle); every label is then ``"undec"``.
    unanswered : tuple of ObjectionStatus
        The unanswered objections, with why.
    strength : Strength or None
        Gradual strengths (``None`` when not asked for).
    credulous_only : tuple of str
        Statements in some preferred extension but not in all: the contested ones.
    actors : tuple of ActorSummary
    statements : tuple of (id, kind, by, text)
    qualifiers : dict
        Statement id -> its qualifier ("probably"), for the statements that have one.
    """

    title: str | None
    semantics: tuple[str, ...]
    support: str
    statuses: dict[str, dict[str, Label]]
    extension_counts: dict[str, int | None]
    unanswered: tuple[ObjectionStatus, ...]
    strength: Strength | None
    credulous_only: tuple[str, ...]
    actors: tuple[ActorSummary, ...]
    statements: tuple[tuple[str, str, str | None, str], ...]
    qualifiers: dict[str, str] = field(default_factory=dict)

    # ------------------------------------------------------------------ data
    def to_dict(self) -> dict[str, Any]:
        """The report as plain data (JSON-ready)."""
        return {
            "title": self.title,
            "semantics": list(self.semantics),
            "support": self.support,
            "extension_counts": dict(self.extension_counts),
            "statements": [
                {
                    "id": sid,
                    "kind": kind,
                    "by": by,
                    "text": text,
                    "qualifier": self.qualifiers.get(sid),
                    "status": {sem: self.statuses[sem][sid] for sem in self.semantics},
                    "strength": None if self.strength is None else self.strength.scores[sid],
                }
                for sid, kind, by, text in self.statements
            ],
            "unanswered_objections": [
                {
                    "id": st.objection.id,
                    "by": st.objection.by,
                    "reason": st.reason,
                    "targets": list(st.targets),
                }
                for st in self.unanswered
            ],
            "credulous_only": list(self.credulous_only),
            "strength": None
            if self.strength is None
            else {
                "method": self.strength.method,
                "converged": self.strength.converged,
                "iterations": self.strength.iterations,
            },
            "actors": [a.to_dict() for a in self.actors],
        }

    def to_pandas(self, table: str = "statements") -> Any:
        """One of the report's tables as a :class:`pandas.DataFrame`.

        Parameters
        ----------
        table : {"statements", "unanswered", "actors"}, default "statements"
            ``"statements"``: indexed by statement ``id``, columns ``kind``,
            ``by`` (actor id), ``text`` (shortened), one column per semantics
            (its label), ``strength`` (float, or None without strengths) and
            ``unanswered`` (bool: an unanswered objection).
            ``"unanswered"``: as ``ObjectionStatuses.to_pandas()``, for the
            unanswered objections. ``"actors"``: indexed by ``actor`` (id, None
            for no actor), columns ``name``, ``statements``, ``in``, ``out``,
            ``undec`` (under the first semantics), ``objections``,
            ``objections_standing``, ``objections_unanswered``.

        Raises
        ------
        OptionError
            For another ``table``.
        MissingExtraError
            When pandas is not installed (``pip install 'argmap[pandas]'``).
        """
        from ..table import data_frame

        if table == "statements":
            unanswered = {st.objection.id for st in self.unanswered}
            rows = [
                {
                    "id": sid,
                    "kind": kind,
                    "by": by,
                    "text": text,
                    **{sem: self.statuses[sem][sid] for sem in self.semantics},
                    "strength": None if self.strength is None else self.strength.scores[sid],
                    "unanswered": sid in unanswered,
                }
                for sid, kind, by, text in self.statements
            ]
            columns = ("id", "kind", "by", "text", *self.semantics, "strength", "unanswered")
            return data_frame(rows, columns, "id", {"unanswered": "bool"})
        if table == "unanswered":
            from .dialectic import _objections_frame

            return _objections_frame(self.unanswered)
        if table == "actors":
            rows = [
                {
                    "actor": a.actor,
                    "name": a.name,
                    "statements": a.statements,
                    **a.labels,
                    "objections": a.objections,
                    "objections_standing": a.objections_standing,
                    "objections_unanswered": a.objections_unanswered,
                }
                for a in self.actors
            ]
            columns = (
                "actor", "name", "statements", "in", "out", "undec",
                "objections", "objections_standing", "objections_unanswered",
            )  # fmt: skip
            return data_frame(rows, columns, "actor", dict.fromkeys(columns[2:], "int64"))
        from ..errors import OptionError

        choices = ["statements", "unanswered", "actors"]
        raise OptionError(f"unknown table {table!r} (must be one of {choices})")

    # ------------------------------------------------------------------ tables
    def statements_table(self) -> Table:
        """Every statement with its label under each semantics and its strength."""
        from ..table import Table

        rows = []
        for sid, kind, by, _text in self.statements:
            row: dict[str, Any] = {"id": sid, "kind": kind, "by": by}
            if self.qualifiers:
                row["qualifier"] = self.qualifiers.get(sid)
            for sem in self.semantics:
                row[sem] = self.statuses[sem][sid]
            if self.strength is not None:
                row[self.strength.method] = f"{self.strength.scores[sid]:.3f}"
            rows.append(row)
        return Table(rows, title="Statements")

    def actors_table(self) -> Table:
        """Per actor: statements, their labels, objections standing and unanswered."""
        from ..table import Table

        first = self.semantics[0]
        rows = [
            {
                "actor": a.name,
                "statements": a.statements,
                f"in/out/undec ({first})": "/".join(
                    str(a.labels[k]) for k in ("in", "out", "undec")
                ),
                "objections": a.objections,
                "standing": a.objections_standing,
                "unanswered": a.objections_unanswered,
            }
            for a in self.actors
        ]
        return Table(rows, title="Actors")

    def unanswered_table(self) -> Table:
        """The unanswered objections, with their author and why."""
        from ..table import Table

        names = {a.actor: a.name for a in self.actors}
        rows = [
            {
                "objection": st.objection.id,
                "by": names.get(st.objection.by, st.objection.by),
                "against": list(st.targets),
                "reason": st.reason,
            }
            for st in self.unanswered
        ]
        return Table(
            rows, columns=("objection", "by", "against", "reason"), title="Unanswered objections"
        )

    def _summary_lines(self) -> list[str]:
        lines = [f"Analysis of {self.title!r}" if self.title else "Analysis"]
        parts = []
        for sem in self.semantics:
            counts = {k: 0 for k in ("in", "out", "undec")}
            for label in self.statuses[sem].values():
                counts[label] += 1
            n = self.extension_counts[sem]
            ext = "" if n is None else f", {n} extension{'s' if n != 1 else ''}"
            parts.append(
                f"{sem}: {counts['in']} in, {counts['out']} out, {counts['undec']} undec{ext}"
            )
        lines.append(f"supports: {self.support}")
        lines += parts
        if self.strength is not None:
            s = self.strength
            how = "converged" if s.converged else "did NOT converge"
            lines.append(f"strength: {s.method} ({how}, {s.iterations} iteration(s))")
        contested = ", ".join(self.credulous_only) or "none"
        lines.append(f"credulously but not sceptically accepted (preferred): {contested}")
        return lines

    def __str__(self) -> str:
        blocks = ["\n".join(self._summary_lines())]
        blocks += [
            self.statements_table().to_text(),
            self.unanswered_table().to_text(),
            self.actors_table().to_text(),
        ]
        return "\n\n".join(blocks)

    def _repr_html_(self) -> str:
        head = "".join(f"<p>{html.escape(line)}</p>" for line in self._summary_lines())
        return (
            f'<div class="argmap-report">{head}{self.statements_table().to_html()}'
            f"{self.unanswered_table().to_html()}{self.actors_table().to_html()}</div>"
        )

    def __repr__(self) -> str:
        n, sems = len(self.statements), list(self.semantics)
        return f"<AnalysisReport {self.title!r}: {n} statements, semantics {sems}>"


def analyze(
    m: ArgumentMap,
    *,
    semantics: tuple[str, ...] | list[str] | str = ("grounded", "preferred", "stable"),
    support: str = "ignored",
    strength: str | None = "df-quad",
    max_extensions: int = 1000,
    timeout: float | None = None,
) -> AnalysisReport:
    """Analyse a map: statuses under several semantics, objections, strengths, actors.

    Parameters
    ----------
    m : ArgumentMap
    semantics : sequence of str, default ("grounded", "preferred", "stable")
        The semantics to label statements under (see
        :func:`argmap.analysis.status.statuses`); the first one is used for the
        per-actor summary.
    support : {"ignored", "deductive", "necessary"}, default "ignored"
        How supports become attacks for the statuses.
    strength : str or None, default "df-quad"
        Gradual semantics for the strengths (:func:`argmap.analysis.strength.strength`),
        or ``None`` for none.
    max_extensions : int, default 1000
        See :func:`argmap.analysis.status.label_framework`.
    timeout : float, optional
        Stop after this many seconds with :class:`~argmap.errors.AnalysisTimeout`
        (checked between steps; see :mod:`argmap.analysis.deadline`). No limit by default.

    Returns
    -------
    AnalysisReport

    Raises
    ------
    UnknownSemanticsError, UnknownSupportError, UnknownStrengthError
        For an unknown name, or no semantics at all (each lists the valid ones).
    TooManyExtensionsError
        Under semi-stable or stage semantics, when a part of the map has more
        than ``max_extensions`` extensions.
    AnalysisTimeout
        When ``timeout`` seconds pass before the report is complete.

    Examples
    --------
    >>> from argmap import ArgumentMap
    >>> m = ArgumentMap(title="Lunch")
    >>> _ = m.actor("bo", "Bo")
    >>> c = m.claim("We should eat out.", id="eat-out")
    >>> _ = m.objection("It costs too much.", id="cost", against=c, by="bo")
    >>> r = analyze(m)
    >>> r.statuses["grounded"]
    {'eat-out': 'out', 'cost': 'in'}
    >>> [(a.name, a.objections, a.objections_unanswered) for a in r.actors]
    [('Bo', 1, 1), ('(no actor)', 0, 0)]
    """
    with time_limit(timeout, "the analysis"):
        return _analyze(m, semantics, support, strength, max_extensions)


def _analyze(
    m: Any, semantics: Any, support: str, strength: Any, max_extensions: int
) -> AnalysisReport:
    from ..map import ArgumentMap
    from .semantics import SEMANTICS, UnknownSemanticsError, _code

    if not isinstance(m, ArgumentMap):
        raise UsageError(f"analyze expects an ArgumentMap, got {type(m).__name__}")
    if isinstance(semantics, str):
        semantics = [s for s in semantics.split(",") if s.strip()]
    if not isinstance(semantics, list | tuple) or not all(isinstance(s, str) for s in semantics):
        raise UsageError(f"semantics must be a name or a list of names, not {semantics!r:.80}")
    names = list(dict.fromkeys(SEMANTICS[_code(s)] for s in semantics))
    if not names:
        raise UnknownSemanticsError(
            f"give at least one semantics (of {', '.join(SEMANTICS.values())})"
        )
    t = translate(m, support=support)
    statement_ids = t.statements
    statuses: dict[str, dict[str, Label]] = {}
    counts: dict[str, int | None] = {}
    labellings = {}
    for sem in names:
        lab = label_framework(t.framework, sem, max_extensions=max_extensions)
        labellings[sem] = lab
        statuses[sem] = {s: lab.labels[s] for s in statement_ids}
        counts[sem] = lab.count
    pref = labellings.get("preferred") or label_framework(
        t.framework, "preferred", max_extensions=max_extensions
    )
    contested = pref.credulous()
    credulous_only = tuple(s for s in statement_ids if s in contested and pref.labels[s] != "in")
    ostats = objection_statuses(m)
    unanswered = tuple(st for st in ostats if not st.answered)
    unanswered_ids = {st.objection.id for st in unanswered}
    if strength is not None:
        stage(f"{strength} strengths")
    strengths = None if strength is None else compute_strength(m, strength)

    first = statuses[names[0]]
    actors = []
    groups: list[tuple[str | None, str]] = [(a.id, a.name) for a in m.actors()]
    if any(s.by is None for s in m.statements()):
        groups.append((None, _NO_ACTOR))
    for actor_id, name in groups:
        mine = (
            m.statements(by=actor_id) if actor_id else [s for s in m.statements() if s.by is None]
        )
        labels = {k: 0 for k in ("in", "out", "undec")}
        for s in mine:
            labels[first[s.id]] += 1
        objections = [s for s in mine if s.kind == "objection"]
        actors.append(
            ActorSummary(
                actor_id,
                name,
                len(mine),
                labels,
                len(objections),
                sum(1 for o in objections if first[o.id] == "in"),
                sum(1 for o in objections if o.id in unanswered_ids),
            )
        )
    rows = tuple(
        (s.id, s.kind, s.by, textwrap.shorten(s.text, 80, placeholder=" ..."))
        for s in m.statements()
    )
    return AnalysisReport(
        m.title,
        tuple(names),
        support,
        statuses,
        counts,
        unanswered,
        strengths,
        credulous_only,
        tuple(actors),
        rows,
        {s.id: s.qualifier for s in m.statements() if s.qualifier is not None},
    )
