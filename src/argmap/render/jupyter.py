"""Notebook display: a map shows itself as an SVG diagram, analysis results as tables.

:class:`~argmap.ArgumentMap` gets its ``_repr_mimebundle_`` from here, so a map
that ends a Jupyter cell is drawn. As in the ``graphviz`` package, a small
table of MIME types (:data:`MIME_TYPES`) drives the display and SVG is the
default; ask for PNG with ``include=["image/png"]``. Options of the renderer
(``highlight``, ``color_by``, ``direction``, ...) go through :func:`diagram`.

A repr never raises: where no layout engine is installed (neither Graphviz's
``dot`` nor ``graphviz-pure``), or the engine fails, the map displays as text
saying what is missing.

:func:`objections_table` shows the dialectical status of every objection (or
only the unanswered ones) as a :class:`~argmap.render.table.Table`: an HTML
table in a notebook, an aligned text table in a terminal.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import TYPE_CHECKING, Any

from ..analysis.dialectic import REASON_TEXT
from ..table import Table

if TYPE_CHECKING:
    from ..analysis.dialectic import ObjectionStatus
    from ..map import ArgumentMap

__all__ = [
    "MIME_TYPES",
    "DEFAULT_MIME_TYPE",
    "Diagram",
    "diagram",
    "repr_mimebundle",
    "objections_table",
    "REASONS",
]


def _svg(m: ArgumentMap, options: Mapping[str, Any]) -> str:
    from .output import render_svg

    return render_svg(m, **options)


def _png(m: ArgumentMap, options: Mapping[str, Any]) -> bytes:
    from .output import render_bytes

    return render_bytes(m, "png", **options)


MIME_TYPES: dict[str, Callable[[ArgumentMap, Mapping[str, Any]], str | bytes]] = {
    "image/svg+xml": _svg,
    "image/png": _png,
}
"""MIME type -> function ``(map, options)`` that renders the map in it."""

DEFAULT_MIME_TYPE = "image/svg+xml"
"""What a map displays as when the front end does not ask for anything else."""


def repr_mimebundle(
    m: ArgumentMap,
    include: Iterable[str] | None = None,
    exclude: Iterable[str] | None = None,
    **options: Any,
) -> dict[str, str | bytes]:
    """The map rendered for IPython: ``{mime type: data}``.

    Parameters
    ----------
    m : ArgumentMap
    include : iterable of str, optional
        MIME types wanted (of :data:`MIME_TYPES`); default: SVG only.
    exclude : iterable of str, optional
        MIME types not wanted; overrides ``include``.
    **options
        Passed to the renderer (see :func:`argmap.render.to_graphviz`).

    Returns
    -------
    dict
        MIME type -> data. When no layout engine exists, or rendering fails,
        ``{"text/plain": ...}`` with the map's repr and the reason instead: a
        repr must never raise.

    Examples
    --------
    >>> from argmap import ArgumentMap
    >>> repr_mimebundle(ArgumentMap(), include=[])
    {}
    """
    wanted = set(include) if include is not None else {DEFAULT_MIME_TYPE}
    wanted -= set(exclude or ())
    bundle: dict[str, str | bytes] = {}
    for mime, render in MIME_TYPES.items():
        if mime not in wanted:
            continue
        try:
            bundle[mime] = render(m, options)
        # A repr must not raise, whatever went wrong in the engine: show why instead.
        except Exception as exc:  # noqa: BLE001
            return {"text/plain": f"{m!r}\n(no diagram: {exc})"}
    return bundle


class Diagram:
    """A map with rendering options, for display in a notebook.

    Parameters
    ----------
    m : ArgumentMap
    **options
        Passed to the renderer: ``highlight``, ``color_by``, ``group_by``,
        ``direction``, ``focus``, ``depth``, ``legend``, ``title``, ...

    Examples
    --------
    >>> from argmap import ArgumentMap
    >>> d = Diagram(ArgumentMap(title="T"), highlight="unanswered")
    >>> d.options
    {'highlight': 'unanswered'}
    """

    def __init__(self, m: ArgumentMap, **options: Any) -> None:
        self.map = m
        self.options = options

    def _repr_mimebundle_(
        self, include: Iterable[str] | None = None, exclude: Iterable[str] | None = None, **_: Any
    ) -> dict[str, str | bytes]:
        return repr_mimebundle(self.map, include, exclude, **self.options)

    def __repr__(self) -> str:
        opts = "".join(f", {k}={v!r}" for k, v in self.options.items())
        return f"Diagram({self.map!r}{opts})"


def diagram(m: ArgumentMap, **options: Any) -> Diagram:
    """The map drawn with options, for display in a notebook.

    ``diagram(m, highlight="unanswered", group_by="actor")`` at the end of a
    cell shows that drawing; ``m`` alone shows the default one.
    """
    return Diagram(m, **options)


REASONS: dict[str, str] = REASON_TEXT
"""Each :class:`~argmap.ObjectionStatus` reason, in words
(:data:`argmap.analysis.dialectic.REASON_TEXT`)."""


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
        from ..analysis.dialectic import objection_statuses

        statuses = objection_statuses(m)
    rows = [
        {
            "objection": st.objection.id,
            "by": _actor_label(m, st.objection.by),
            "against": st.targets,
            "answered": st.answered,
            "why": REASONS.get(st.reason, st.reason),
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
    return Table(
        rows, columns, title=f"{title} ({len(rows)})", nowrap=("objection", "against", "answered")
    )
