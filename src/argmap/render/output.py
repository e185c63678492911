"""Render a map to a file or to bytes: SVG, PNG, PDF, DOT and Mermaid, written atomically.

Each output format is a :class:`Writer` in :data:`WRITERS`; the format of a
file follows its extension unless given. Layout formats (svg, png, pdf) run a
layout engine (:mod:`argmap.render.engines`); dot and mermaid are text made
without any program. A failing engine raises before anything is written, and
the file is replaced in one step (:func:`argmap.io.write_atomic`), so a failure
never leaves a half-written or clobbered file.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..errors import OptionError

if TYPE_CHECKING:
    from ..map import ArgumentMap

__all__ = [
    "Writer",
    "WRITERS",
    "register_writer",
    "format_for_path",
    "render",
    "render_bytes",
    "render_svg",
]


@dataclass(frozen=True)
class Writer:
    """One output format.

    Attributes
    ----------
    name : str
        Format name (``--format`` value).
    extensions : tuple of str
        File extensions, without dot; the first is the usual one.
    write : callable
        ``write(m, engine, options) -> str | bytes``.
    description : str
    """

    name: str
    extensions: tuple[str, ...]
    write: Callable[[ArgumentMap, str | None, dict[str, Any]], str | bytes]
    description: str = ""


_Writer = Callable[["ArgumentMap", str | None, dict[str, Any]], str | bytes]


def _layout(fmt: str) -> _Writer:
    def write(m: ArgumentMap, engine: str | None, options: dict[str, Any]) -> bytes:
        from .dot import to_graphviz
        from .engines import run_engine

        source = to_graphviz(m, **options).source
        return run_engine(source, fmt, engine=engine)

    return write


def _dot(m: ArgumentMap, engine: str | None, options: dict[str, Any]) -> str:
    from .dot import to_graphviz

    return str(to_graphviz(m, **options).source)


def _mermaid(m: ArgumentMap, engine: str | None, options: dict[str, Any]) -> str:
    from .mermaid import to_mermaid

    return to_mermaid(m, **options)


def _html(m: ArgumentMap, engine: str | None, options: dict[str, Any]) -> str:
    from .html import to_html

    return to_html(m, engine=engine, **options)


WRITERS: dict[str, Writer] = {}
"""Output formats by name; :func:`register_writer` adds one."""


def register_writer(writer: Writer) -> Writer:
    """Add (or replace) an output format, e.g. the HTML page.

    Examples
    --------
    >>> w = register_writer(Writer("txt", ("txt",), lambda m, e, o: "x", "plain text"))
    >>> format_for_path("a.txt")
    'txt'
    >>> del WRITERS["txt"]
    """
    WRITERS[writer.name] = writer
    return writer


for _w in (
    Writer("svg", ("svg",), _layout("svg"), "SVG image, with tooltips"),
    Writer("png", ("png",), _layout("png"), "PNG image"),
    Writer("pdf", ("pdf",), _layout("pdf"), "PDF (needs Graphviz's dot)"),
    Writer("dot", ("dot", "gv"), _dot, "Graphviz DOT source"),
    Writer("mermaid", ("mmd", "mermaid"), _mermaid, "Mermaid flowchart text"),
    Writer("html", ("html", "htm"), _html, "self-contained interactive web page"),
):
    register_writer(_w)


def format_for_path(path: str | os.PathLike[str]) -> str:
    """The output format a file name's extension asks for.

    Raises
    ------
    OptionError
        When the extension names no format (the message lists them).

    Examples
    --------
    >>> format_for_path("map.SVG"), format_for_path("map.gv")
    ('svg', 'dot')
    """
    ext = Path(path).suffix.lower().lstrip(".")
    for w in WRITERS.values():
        if ext in w.extensions:
            return w.name
    known = sorted(f".{e}" for w in WRITERS.values() for e in w.extensions)
    what = f"extension {'.' + ext!r} names no output format" if ext else "no extension"
    raise OptionError(f"{path}: {what} (use one of {known}, or give the format)")


def _writer(format: str) -> Writer:
    name = format.lower().lstrip(".")
    if name in WRITERS:
        return WRITERS[name]
    for w in WRITERS.values():
        if name in w.extensions:
            return w
    raise OptionError(f"unknown format {format!r} (must be one of {list(WRITERS)})")


def render_bytes(
    m: ArgumentMap, format: str, *, engine: str | None = None, **options: Any
) -> bytes:
    """The map drawn in one output format, as bytes (text formats in UTF-8).

    Parameters
    ----------
    m : ArgumentMap
    format : str
        ``svg``, ``png``, ``pdf``, ``dot``, ``mermaid`` (or another
        registered format).
    engine : {"dot", "graphviz-pure"}, optional
        The layout engine; by default ``dot`` when on PATH, else graphviz-pure.
    **options
        Drawing options of :func:`argmap.render.to_graphviz`.
    """
    from ..map import require_map

    require_map(m, "render")
    if not isinstance(format, str):
        raise OptionError(f"format must be a string such as 'svg', not {format!r}")
    writer = _writer(format)
    try:
        out = writer.write(m, engine, options)
    except TypeError as exc:
        if "unexpected keyword argument" not in str(exc):
            raise
        bad = str(exc).rsplit(" ", 1)[-1]
        raise OptionError(
            f"unknown drawing option {bad} for {format} (the options are those of "
            "argmap.render.to_graphviz: direction, highlight, color_by, focus, ...)"
        ) from None
    return out.encode("utf-8") if isinstance(out, str) else out


def render_svg(m: ArgumentMap, *, engine: str | None = None, **options: Any) -> str:
    """The map as an SVG document (text); see :func:`render_bytes`."""
    return render_bytes(m, "svg", engine=engine, **options).decode("utf-8")


def render(
    m: ArgumentMap,
    path: str | os.PathLike[str],
    *,
    format: str | None = None,
    engine: str | None = None,
    **options: Any,
) -> Path:
    """Draw the map into a file, atomically; the format follows the extension unless given.

    Parameters
    ----------
    m : ArgumentMap
    path : str or path-like
    format : str, optional
        One of :data:`WRITERS` (``svg``, ``png``, ``pdf``, ``dot``,
        ``mermaid``, ...); by default from the extension (``.gv`` is dot,
        ``.mmd`` mermaid).
    engine : {"dot", "graphviz-pure"}, optional
        The layout engine (see :func:`argmap.render.engines.find_engine`).
    **options
        Drawing options of :func:`argmap.render.to_graphviz`.

    Returns
    -------
    pathlib.Path
        The file written.

    Raises
    ------
    OptionError
        Unknown format, extension or option value.
    ExecutableNotFoundError
        No layout engine for the format is installed.
    RenderError
        The engine failed; the file, if it existed, is untouched.
    """
    from ..io import write_atomic

    if not isinstance(path, str | os.PathLike):
        raise OptionError(f"path must be a file name, not {path!r}")
    name = format or format_for_path(path)
    data = render_bytes(m, name, engine=engine, **options)
    write_atomic(path, data)
    return Path(path)
