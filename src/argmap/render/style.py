"""The visual language of argmap diagrams, as data: node styles per kind, edge styles per relation.

Every renderer (Graphviz, Mermaid, and the HTML page built on the SVG) reads
its colours and shapes from here, so one table changes them all.

==============  ===============================================================
statement       look
==============  ===============================================================
claim           blue rounded box; a *thesis* (:meth:`ArgumentMap.theses`) is larger, bold, with
                a thick border and a "THESIS" header
objection       red box with clipped corners and an "OBJECTION" header
rebuttal        green box with an "REBUTTAL" header (rounded, double border)
evidence        sand-coloured "note" (a page with a folded corner)
==============  ===============================================================

==============  ===============================================================
relation        look
==============  ===============================================================
supports        green solid arrow
objects         red solid arrow, heavier
rebuts          green dashed arrow ending in a bar
undercuts       red dotted arrow into a junction point on the relation it
                undercuts
contradicts     purple bold line with arrowheads at both ends
concedes        grey dashed arrow with an open head (neither attack nor support)
==============  ===============================================================

A statement's ``qualifier`` ("probably") is drawn in italics above its text.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

__all__ = [
    "FONT",
    "NodeStyle",
    "EdgeStyle",
    "KIND_STYLES",
    "THESIS_STYLE",
    "EDGE_STYLES",
    "QUALIFIER_INK",
    "UNANSWERED",
    "LOAD_BEARING",
    "ACTOR_PALETTE",
    "STATUS_COLORS",
    "STATUS_NAMES",
    "palette_color",
]

FONT = "Helvetica"
"""Font of every label: known to both engines' metrics; SVG viewers and fontconfig fall back
to a sans-serif (e.g. Liberation Sans, Arimo) where Helvetica itself is absent."""


@dataclass(frozen=True)
class NodeStyle:
    """How one statement kind is drawn.

    Attributes
    ----------
    name : str
        Header shown in the node (e.g. ``"OBJECTION"``) and in the legend.
    shape : str
        Graphviz shape.
    style : str
        Graphviz ``style`` (always includes ``filled``).
    fill, border, ink : str
        Fill, border and header colours (``#rrggbb``).
    penwidth : float
        Border width.
    peripheries : int
        Number of borders.
    mermaid_shape : tuple of str
        Opening and closing brackets of the Mermaid node shape.
    """

    name: str
    shape: str
    style: str
    fill: str
    border: str
    ink: str
    penwidth: float = 1.4
    peripheries: int = 1
    mermaid_shape: tuple[str, str] = ("[", "]")


@dataclass(frozen=True)
class EdgeStyle:
    """How one relation kind is drawn.

    Attributes
    ----------
    color : str
    style : str
        Graphviz edge style (solid, dashed, dotted, bold).
    arrowhead : str
    penwidth : float
    dir : str
        ``forward`` or ``both``.
    mermaid_arrow : str
        Mermaid link syntax.
    constraint : bool
        Whether the edge ranks its ends (Graphviz ``constraint``); a link that
        neither supports nor attacks should not pull the layout.
    """

    color: str
    style: str
    arrowhead: str
    penwidth: float
    dir: str = "forward"
    mermaid_arrow: str = "-->"
    constraint: bool = True


KIND_STYLES: dict[str, NodeStyle] = {
    "claim": NodeStyle(
        "CLAIM", "box", "rounded,filled", "#e8f0fe", "#1a56db", "#1a56db", mermaid_shape=("(", ")")
    ),
    "objection": NodeStyle(
        "OBJECTION",
        "box",
        "filled,diagonals",
        "#fde8e8",
        "#c81e1e",
        "#c81e1e",
        penwidth=1.8,
        mermaid_shape=("[/", "\\]"),
    ),
    "rebuttal": NodeStyle(
        "REBUTTAL",
        "box",
        "rounded,filled",
        "#def7ec",
        "#057a55",
        "#057a55",
        peripheries=2,
        mermaid_shape=("[[", "]]"),
    ),
    "evidence": NodeStyle(
        "EVIDENCE", "note", "filled", "#fdf6e3", "#8e4b10", "#8e4b10", mermaid_shape=("[(", ")]")
    ),
}
"""Node style per statement kind."""

THESIS_STYLE = NodeStyle(
    "THESIS",
    "box",
    "rounded,filled,bold",
    "#dbe6ff",
    "#1e3a8a",
    "#1e3a8a",
    penwidth=3.5,
    mermaid_shape=("([", "])"),
)
"""The style of a thesis (a claim tagged thesis, else a root claim): bigger, bolder, darker."""

THESIS_FONTSIZE = 17
FONTSIZE = 13

EDGE_STYLES: dict[str, EdgeStyle] = {
    "supports": EdgeStyle("#2f855a", "solid", "normal", 1.6, mermaid_arrow="-->"),
    "objects": EdgeStyle("#c81e1e", "solid", "normal", 2.4, mermaid_arrow="==>"),
    "rebuts": EdgeStyle("#057a55", "dashed", "tee", 2.0, mermaid_arrow="-.->"),
    "undercuts": EdgeStyle("#c81e1e", "dotted", "normal", 2.2, mermaid_arrow="-.->"),
    "contradicts": EdgeStyle("#6b21a8", "bold", "normal", 2.0, dir="both", mermaid_arrow="<-->"),
    "concedes": EdgeStyle(
        "#6b7280", "dashed", "empty", 1.4, mermaid_arrow="-.-o", constraint=False
    ),
}
"""Edge style per relation kind."""

QUALIFIER_INK = "#4b5563"
"""Colour of a statement's qualifier line."""

UNANSWERED: dict[str, Any] = {
    "color": "#dc2626",
    "penwidth": 5.0,
    "badge": "UNANSWERED",
    "badge_ink": "#ffffff",
}
"""How ``highlight="unanswered"`` marks an unanswered objection."""

LOAD_BEARING: dict[str, Any] = {
    "color": "#7c3aed",
    "penwidth": 5.0,
    "badge": "LOAD-BEARING",
    "badge_ink": "#ffffff",
}
"""How ``highlight="load-bearing"`` marks what a thesis rests on (statements and relations)."""

HIGHLIGHT: dict[str, Any] = {"color": "#f59e0b", "penwidth": 5.0}
"""How statements passed to ``highlight`` as ids are marked."""

ACTOR_PALETTE: tuple[str, ...] = (
    "#cfe2ff",
    "#ffd8a8",
    "#d3f9d8",
    "#ffc9c9",
    "#e5dbff",
    "#fff3bf",
    "#c5f6fa",
    "#fcc2d7",
    "#d8f5a2",
    "#dee2e6",
    "#b2f2bb",
    "#ffe8cc",
)
"""Fill colours for ``color_by="actor"`` and clusters, in order of the actors' declaration."""

STATUS_COLORS: dict[str, str] = {"in": "#bbf7d0", "out": "#e5e7eb", "undec": "#fde68a"}
"""Fill colours for the grounded labels; other labels get :data:`ACTOR_PALETTE` colours."""

STATUS_NAMES: dict[str, str] = {
    "in": "IN (accepted)",
    "out": "OUT (defeated)",
    "undec": "UNDECIDED",
}
"""How the grounded labels are named in badges and legends."""

UNKNOWN_FILL = "#ffffff"
"""Fill for a statement that has no actor (``color_by="actor"``) or no label."""


def palette_color(index: int) -> str:
    """The ``index``-th colour of :data:`ACTOR_PALETTE`, cycling.

    Examples
    --------
    >>> palette_color(0) == palette_color(len(ACTOR_PALETTE))
    True
    """
    return ACTOR_PALETTE[index % len(ACTOR_PALETTE)]
