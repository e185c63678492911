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

from collections.abc import Callable, Iterable, Mapping
from typing import TYPE_CHECKING, Any

from ..analysis.dialectic import REASON_TEXT, objections_table

if TYPE_CHECKING:
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


