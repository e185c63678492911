"""Diagrams of argument maps: Graphviz (SVG, PNG, PDF, DOT) and Mermaid.

:func:`to_graphviz` builds the diagram as a :class:`graphviz.Digraph` without
starting any program; :func:`render` lays it out with a layout engine
(:mod:`argmap.render.engines`: the system ``dot``, else ``graphviz-pure``) and
writes the file atomically. :func:`to_mermaid` gives the same picture as
Mermaid text. The visual language is data in :mod:`argmap.render.style`.

Examples
--------
>>> from argmap import ArgumentMap
>>> from argmap.render import to_graphviz, to_mermaid
>>> m = ArgumentMap(title="Lunch")
>>> c = m.claim("We should eat out.", id="eat-out")
>>> o = m.objection("It costs too much.", id="cost", against=c)
>>> to_graphviz(m).source.startswith("digraph argmap {")
True
>>> to_mermaid(m).splitlines()[3]
'flowchart BT'
"""

from .dot import ILLEGIBLE_MAP, LARGE_MAP, LegibilityWarning, to_graphviz
from .engines import ENGINES, Engine, EngineWarning, find_engine, run_engine
from .html import to_html
from .jupyter import diagram, objections_table
from .mermaid import to_mermaid
from .output import (
    WRITERS,
    Writer,
    format_for_path,
    register_writer,
    render,
    render_bytes,
    render_svg,
)
from .table import Table

__all__ = [
    "to_graphviz",
    "to_mermaid",
    "render",
    "render_bytes",
    "render_svg",
    "format_for_path",
    "Writer",
    "WRITERS",
    "register_writer",
    "ENGINES",
    "Engine",
    "EngineWarning",
    "find_engine",
    "run_engine",
    "to_html",
    "diagram",
    "objections_table",
    "Table",
    "LARGE_MAP",
    "ILLEGIBLE_MAP",
    "LegibilityWarning",
]
