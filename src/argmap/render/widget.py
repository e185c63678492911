"""The interactive map widget for Jupyter: explore a map, defeat statements, watch what falls.

:func:`widget` (or :meth:`argmap.ArgumentMap.explore`) returns a :class:`MapWidget`, an
`anywidget <https://anywidget.dev>`_ widget, so it runs in JupyterLab, Notebook 7 and
VS Code. It shows argmap's own SVG drawing (:func:`argmap.render.render_svg`: no
second layout engine), which pans (drag) and zooms (wheel, or the buttons).
Hovering a statement shows its text, quote, actor and source in a side panel;
clicking it selects it and highlights its attackers (red), supporters (green) and
targets (blue). The "Defeat this statement" toggle adds the statement to
:attr:`MapWidget.defeated`; Python then runs :func:`argmap.what_if` and the drawing
is recoloured with the new labels (in green, out grey, undecided yellow), the
unanswered objections (red border), the statements whose label changed (violet
glow) and each thesis's verdict (in the bar above).

The selection and the current what-if are ordinary traits, readable and writable
from Python: ``w.selected`` (a statement id or None), ``w.defeated`` (a list of
statement ids or relation keys), ``w.result`` (the :class:`~argmap.WhatIf`). A
what-if that cannot be run leaves the one that stands (``defeated``, ``result`` and
the page stay in step; the page shows the error; an assignment from Python raises it).

It works offline: the script and the style are package data (``widget.js``,
``widget.css`` next to this module), loaded by anywidget from the kernel; nothing
is fetched from a CDN. anywidget is the optional extra ``argmap[widget]``,
imported only when a widget is made.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..errors import ArgmapError, MissingExtraError

if TYPE_CHECKING:
    from ..analysis.whatif import WhatIf
    from ..map import ArgumentMap

__all__ = ["MapWidget", "NotAMapError", "widget", "ASSETS"]

ASSETS = Path(__file__).resolve().parent
"""The folder that holds ``widget.js`` and ``widget.css`` (package data)."""


class NotAMapError(ArgmapError, TypeError):
    """The widget was given something that is not an :class:`~argmap.ArgumentMap`."""


_CLASS: type | None = None

MapWidget: type
"""The widget class (an ``anywidget.AnyWidget``), made on first use: see :func:`_widget_class`."""


def _status(result: WhatIf, m: ArgumentMap) -> dict[str, Any]:
    """What the script needs of a what-if: labels, objections, theses, what changed."""
    from ..analysis.dialectic import objection_statuses

    ob = {st.objection.id: st for st in objection_statuses(m)}
    objections: dict[str, dict[str, Any]] = {
        oid: {"answered": st.answered, "reason": st.reason} for oid, st in ob.items()
    }
    for c in result.objections:
        objections[c.id] = {"answered": c.after, "reason": c.reason_after}
    return {
        "semantics": result.semantics,
        "support": result.support,
        "defeated": list(result.defeated),
        "labels": dict(result.after),
        "before": dict(result.before),
        "changed": result.flipped,
        "unanswered": list(result.unanswered_after),
        "newly_unanswered": result.newly_unanswered,
        "newly_answered": result.newly_answered,
        "objections": objections,
        "theses": [
            {"id": t.id, "before": t.before, "after": t.after, "verdict": t.verdict}
            for t in result.theses
        ],
    }


def _widget_class() -> type:
    """Make :class:`MapWidget` (once): anywidget is imported only here."""
    global _CLASS
    if _CLASS is not None:
        return _CLASS
    try:
        import anywidget
        import traitlets
    except ImportError as exc:
        raise MissingExtraError(
            "the map widget needs anywidget; install the optional extra: "
            "pip install 'argmap[widget]'"
        ) from exc

    class MapWidget(anywidget.AnyWidget):
        """An argument map in a notebook, to explore and to try defeats on; see :func:`widget`.

        Attributes
        ----------
        selected : str or None
            The id of the statement selected (clicked), or None.
        defeated : list of str
            Statement ids (and relation keys) defeated in the current what-if.
        result : WhatIf
            The current what-if (:func:`argmap.what_if` of :attr:`defeated`).
        map : ArgumentMap
            The map shown (never changed by the widget).
        """

        _esm = ASSETS / "widget.js"
        _css = ASSETS / "widget.css"
        svg = traitlets.Unicode("").tag(sync=True)
        data = traitlets.Dict().tag(sync=True)
        status = traitlets.Dict().tag(sync=True)
        selected = traitlets.Unicode(None, allow_none=True).tag(sync=True)
        defeated = traitlets.List(traitlets.Unicode()).tag(sync=True)
        height = traitlets.Int(560).tag(sync=True)

        def __init__(
            self,
            m: ArgumentMap,
            *,
            semantics: str = "grounded",
            support: str = "ignored",
            height: int = 560,
            **options: Any,
        ) -> None:
            from ..analysis.dialectic import REASON_TEXT
            from ..analysis.whatif import what_if
            from ..render.html import page_data
            from ..render.output import render_svg
            from ..render.style import STATUS_COLORS

            self._map = m
            self._semantics = semantics
            self._support = support
            result = what_if(m, semantics=semantics, support=support)  # checks both names
            self._result = result
            self._shown: list[str] = []  # the defeats of ``_result``, as ``defeated`` gave them
            data = page_data(m)
            data["colors"] = dict(STATUS_COLORS)
            data["reasons"] = dict(REASON_TEXT)
            svg = render_svg(m, title=False, **options) if len(m) else ""
            super().__init__(svg=svg, data=data, status=_status(result, m), height=height)

        @property
        def map(self) -> ArgumentMap:
            return self._map

        @property
        def result(self) -> WhatIf:
            return self._result

        @traitlets.validate("selected")
        def _check_selected(self, proposal: Any) -> Any:
            value = proposal["value"]
            if value is not None and value not in self._map:
                self._map.get(value)  # UnknownIdError with a suggestion
            return value

        @traitlets.validate("defeated")
        def _check_defeated(self, proposal: Any) -> Any:
            from ..analysis.whatif import _split_defeats

            value = list(dict.fromkeys(proposal["value"]))
            _split_defeats(self._map, value)  # UnknownIdError / WhatIfError for a bad id
            return value

        @traitlets.observe("defeated")
        def _rerun(self, change: Any) -> None:
            from ..analysis.whatif import what_if

            if change["new"] == self._shown:  # back to the what-if that stands (see below)
                self.status = _status(self._result, self._map)
                return
            try:
                result = what_if(
                    self._map,
                    defeat=change["new"],
                    semantics=self._semantics,
                    support=self._support,
                )
            except ArgmapError as exc:
                # the what-if that stands stays: Python and the page go back to it, and the
                # page says why (a change from the page raises nothing: it has no caller)
                from_page = "defeated" in getattr(self, "_property_lock", {})
                self.defeated = list(self._shown)
                self.status = {**self.status, "error": f"cannot run this what-if: {exc}"}
                if from_page:
                    return
                raise
            self._result = result
            self._shown = list(change["new"])
            self.status = _status(result, self._map)

        def __repr__(self) -> str:
            n = len(self._map)
            return (
                f"<MapWidget of {self._map.title or 'a map'!r}: {n} statements, "
                f"selected={self.selected!r}, defeated={self.defeated!r}>"
            )

    MapWidget.__module__ = __name__
    MapWidget.__qualname__ = "MapWidget"
    _CLASS = MapWidget
    return MapWidget


def widget(
    m: ArgumentMap,
    *,
    semantics: str = "grounded",
    support: str = "ignored",
    height: int = 560,
    **options: Any,
) -> Any:
    """An interactive widget of the map for Jupyter (see the module docstring).

    Parameters
    ----------
    m : ArgumentMap
    semantics : str, default "grounded"
        The semantics of the labels and of each what-if (:func:`argmap.what_if`).
    support : {"ignored", "deductive", "necessary"}, default "ignored"
        The support reading.
    height : int, default 560
        Height of the drawing, in pixels.
    **options
        Drawing options of :func:`argmap.render.to_graphviz` (``direction``,
        ``group_by``, ``wrap``, ``show_quotes``, ...). The widget fills each
        statement with its label, whatever ``color_by`` says; what ``highlight``
        draws into the SVG (badges) stays as drawn, and does not follow a what-if.

    Returns
    -------
    MapWidget
        Display it (end a cell with it); read ``w.selected``, ``w.defeated``,
        ``w.result`` in the next cell.

    Raises
    ------
    NotAMapError
        When ``m`` is not an :class:`~argmap.ArgumentMap`.
    MissingExtraError
        When anywidget is not installed (``pip install 'argmap[widget]'``).
    UnknownSemanticsError, UnknownSupportError, OptionError
        For a bad semantics, support reading or drawing option.
    ExecutableNotFoundError
        When no layout engine is installed.
    """
    from ..map import ArgumentMap

    if not isinstance(m, ArgumentMap):
        hint = " (read a file first: argmap.load(path))" if isinstance(m, (str, Path)) else ""
        raise NotAMapError(
            f"argmap.widget needs an ArgumentMap, not {type(m).__name__}{hint}"
        )
    if isinstance(height, bool) or not isinstance(height, int) or height < 100:
        from ..errors import OptionError

        raise OptionError(f"height must be a whole number of pixels, at least 100; got {height!r}")
    return _widget_class()(m, semantics=semantics, support=support, height=height, **options)


def __getattr__(name: str) -> Any:
    if name == "MapWidget":
        return _widget_class()
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")

