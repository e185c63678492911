"""Build a Graphviz diagram of a map: a :class:`graphviz.Digraph`, never starting a program.

The diagram speaks the visual language of :mod:`argmap.render.style`. Every
piece of user text goes through one of two escapers: :func:`html_text` for the
HTML-like labels (statement text, actor, quote, title) and :func:`esc_string`
for the plain attributes (tooltips, ids), so no text can end a label, add an
attribute or a statement to the DOT source.

In the SVG that a layout engine makes from the diagram, each statement is a
group with ``id="s-<statement id>"`` and ``class="argmap-statement
argmap-<kind>"`` (plus ``argmap-thesis``, ``argmap-unanswered``); each relation
an edge with ``id="r-<relation key>"`` and ``class="argmap-relation
argmap-<kind>"``. The ``<title>`` of a statement's group is its id.

Large maps: above :data:`LARGE_MAP` drawn statements the diagram takes a fast
path (``fast=None``, the default, decides by size): plain-text labels instead of
HTML tables, straight edges (``splines=line``), no staggered rows, and bounded
crossing-minimisation and positioning passes (``mclimit``, ``nslimit``). Shapes,
fills, borders, ids and classes stay, so kinds and unanswered objections still
show. Measured with the system ``dot`` (``benchmarks/bench_render.py --large``), it
cuts dot's CPU time 3.4x at 1,000 statements (0.51 -> 0.15 s) and 11x at 5,000
(26 -> 2.2 s). Above
:data:`ILLEGIBLE_MAP` statements a :class:`LegibilityWarning` says that the
picture cannot be read as a whole; ``focus``/``depth`` draw a neighbourhood.
"""

from __future__ import annotations

import functools
import html
import re
from collections import deque
from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, Any

from ..errors import OptionError
from . import style as S

if TYPE_CHECKING:
    import graphviz

    from ..map import ArgumentMap
    from ..model import Relation, Statement

__all__ = [
    "LARGE_MAP",
    "ILLEGIBLE_MAP",
    "LegibilityWarning",
    "DIRECTIONS",
    "COLOR_BY",
    "GROUP_BY",
    "to_graphviz",
    "normalize_direction",
    "clean_text",
    "html_text",
    "bounded_string",
    "esc_string",
    "wrap_lines",
]

DIRECTIONS: dict[str, str] = {
    "BT": "BT",
    "TB": "TB",
    "LR": "LR",
    "RL": "RL",
    "up": "BT",
    "bottom-to-top": "BT",
    "down": "TB",
    "top-to-bottom": "TB",
    "right": "LR",
    "left-to-right": "LR",
    "left": "RL",
    "right-to-left": "RL",
}
"""Accepted ``direction`` values and the Graphviz ``rankdir`` each means."""

COLOR_BY: tuple[str, ...] = ("kind", "actor", "status")
GROUP_BY: tuple[str | None, ...] = (None, "actor")

LARGE_MAP = 500
"""From this many drawn statements, ``fast=None`` takes the fast layout path.

Measured with system ``dot`` 2.43 (SVG, generated maps, CPU time of ``dot``, one
run of ``benchmarks/bench_render.py --large``): full / fast path 0.08 / 0.05 s at
300 statements, 0.17 / 0.08 s at 500, 0.51 / 0.15 s at 1,000, 26 / 2.2 s at
5,000. At 300 the full path takes a tenth of a second and its HTML labels and
curved edges read better; from 500 on the fast path halves dot's time and more,
so the switch sits at 500 (the table is in ``docs/performance.md``).
"""

ILLEGIBLE_MAP = 2_000
"""From this many drawn statements, :func:`to_graphviz` warns about legibility."""


class LegibilityWarning(UserWarning):
    """A diagram is too large to be read as a whole (draw a neighbourhood instead)."""


_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f\u2028\u2029]")
_HIGHLIGHTS = ("unanswered", "load-bearing")


# ----------------------------------------------------------------- escaping
def clean_text(text: str) -> str:
    r"""Normalise line ends and replace control characters (which SVG cannot hold) by spaces.

    Examples
    --------
    >>> clean_text("a\r\nb\x00c\td")
    'a\nb c d'
    """
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\t", " ")
    return _CONTROL.sub(" ", text)


def html_text(text: str) -> str:
    """Escape text for a Graphviz HTML-like label (entities for ``& < > " '``).

    Backslashes are doubled: Graphviz expands ``\\N``, ``\\G``, ``\\l`` and
    ``\\\\`` even in HTML-like labels (after decoding entities), so ``C:\\New``
    would show the node's name.

    Examples
    --------
    >>> html_text('<b>"Tom" & \\'Jerry\\'</b>')
    '&lt;b&gt;&quot;Tom&quot; &amp; &#39;Jerry&#39;&lt;/b&gt;'
    >>> html_text(chr(92) + "N") == chr(92) * 2 + "N"
    True
    """
    text = clean_text(text).replace("\\", "\\\\")
    return html.escape(text, quote=True).replace("&#x27;", "&#39;")


def esc_string(text: str) -> str:
    r"""Escape text for a plain Graphviz attribute (tooltip, id, class).

    Graphviz decodes backslashes in a tooltip twice (once as an *escString*,
    where ``\N`` is the node's name, once more when writing it), so each
    backslash is written as four; line ends become ``\n``; ``&`` is written
    ``&amp;`` (the SVG writers keep ``&lt;``, ``&amp;``, ... as entities, so
    the text ``&lt;`` would show as ``<``); and the result is never taken for
    an HTML label. Both engines read it back as ``text``.

    Examples
    --------
    >>> print(esc_string('C:' + chr(92) + 'new' + chr(10) + '<b>'))
    C:\\\\new\n<b>
    """
    import graphviz

    lines = clean_text(text).replace("\\", "\\" * 4).replace("&", "&amp;").split("\n")
    return str(graphviz.nohtml("\\n".join(lines)))


def bounded_string(text: str, who: str, what: str) -> str:
    """:func:`esc_string` of ``text``, cut to fit Graphviz's longest quoted string.

    Graphviz's DOT scanner fails on a quoted string over 16,384 bytes
    (``argmap.limits.max_text_length``) without saying which node it is in; a
    longer text is cut (ending in " [...]") with an
    :class:`~argmap.render.engines.EngineWarning` naming ``who`` (e.g. the statement).

    Examples
    --------
    >>> import warnings
    >>> with warnings.catch_warnings(record=True) as w:
    ...     warnings.simplefilter("always")
    ...     cut = bounded_string("x" * 20000, "statement 'c'", "tooltip")
    >>> len(cut) < 16384, "statement 'c'" in str(w[0].message)
    (True, True)
    """
    from .. import limits

    limit = limits.max_text_length - 64  # room for the attribute's quotes and name
    escaped = esc_string(text)
    size = len(escaped.encode("utf-8"))
    if size <= limit:
        return escaped
    import warnings

    from .engines import EngineWarning

    cut = text
    while size > limit:
        cut = cut[: max(0, int(len(cut) * limit / size) - 8)]
        escaped = esc_string(cut + " [...]")
        size = len(escaped.encode("utf-8"))
    warnings.warn(
        f"{who}: its {what} is longer than Graphviz's {limits.max_text_length:,}-byte limit "
        f"for a string; cut to {len(cut):,} characters on the diagram",
        EngineWarning,
        stacklevel=2,
    )
    return escaped


def wrap_lines(text: str, width: int | None) -> list[str]:
    """Wrap text to ``width`` characters per line, keeping its own line breaks.

    Examples
    --------
    >>> wrap_lines("one two three\\nfour", 8)
    ['one two', 'three', 'four']
    """
    out: list[str] = []
    for para in clean_text(text).split("\n"):
        if not width:
            out.append(para)
            continue
        out += _wrap(para, width)
    return out


def _wrap(para: str, width: int) -> list[str]:
    """Greedy word wrap (what ``textwrap.wrap`` does here, several times faster)."""
    lines: list[str] = []
    line = ""
    for word in para.split():
        while len(word) > width:  # a word longer than a line is cut
            if line:
                lines.append(line)
                line = ""
            lines.append(word[:width])
            word = word[width:]
        if not line:
            line = word
        elif len(line) + 1 + len(word) <= width:
            line += " " + word
        else:
            lines.append(line)
            line = word
    if line or not lines:
        lines.append(line)
    return lines


def _html_lines(text: str, width: int | None) -> str:
    return "<BR/>".join(html_text(line) or " " for line in wrap_lines(text, width))


# ----------------------------------------------------------------- options
def normalize_direction(direction: str) -> str:
    """The Graphviz ``rankdir`` for a direction name.

    Examples
    --------
    >>> normalize_direction("up"), normalize_direction("lr")
    ('BT', 'LR')
    """
    key = direction.strip() if isinstance(direction, str) else direction
    for name, rankdir in DIRECTIONS.items():
        if isinstance(key, str) and key.lower() == name.lower():
            return rankdir
    raise OptionError(f"unknown direction {direction!r} (must be one of {list(DIRECTIONS)})")


def _check_choice(name: str, value: Any, choices: Iterable[Any]) -> None:
    choices = list(choices)
    if value not in choices:
        raise OptionError(f"unknown {name} {value!r} (must be one of {choices})")


def _neighbourhood(m: ArgumentMap, focus: str, depth: int) -> set[str]:
    """Statements within undirected distance ``depth`` of ``focus``."""
    adj: dict[str, set[str]] = {s.id: set() for s in m.statements()}
    for a, b in _statement_links(m):
        adj[a].add(b)
        adj[b].add(a)
    seen = {focus: 0}
    queue = deque([focus])
    while queue:
        cur = queue.popleft()
        if seen[cur] == depth:
            continue
        for nxt in adj[cur]:
            if nxt not in seen:
                seen[nxt] = seen[cur] + 1
                queue.append(nxt)
    return set(seen)


def _statement_links(m: ArgumentMap) -> Iterable[tuple[str, str]]:
    """Pairs of statements that a relation links (an undercut links to both ends)."""
    for r in m.relations():
        if r.kind != "undercuts":
            yield r.from_, r.to
            continue
        target = m.relation(r.to)
        while target.kind == "undercuts":
            yield r.from_, target.from_
            target = m.relation(target.to)
        yield r.from_, target.from_
        yield r.from_, target.to


def _source_line(m: ArgumentMap) -> str | None:
    src = m.source
    if src is None:
        return None
    parts = [src.author, src.title if src.title != m.title else None, src.publisher, src.date]
    parts = [p for p in parts if p]
    return " · ".join(p for p in parts if p is not None) or None


# ----------------------------------------------------------------- building
class _Builder:
    """One diagram's worth of state; :func:`to_graphviz` is its public face."""

    def __init__(
        self, m: ArgumentMap, opts: dict[str, Any], rankdir: str, visible: set[str] | None
    ):
        self.m = m
        self.o = opts
        self.rankdir = rankdir
        self.visible = visible
        """The statements to draw; None for all."""
        self.actor_index = {a.id: i for i, a in enumerate(m.actors())}
        self.theses = {s.id for s in m.theses()}
        self.unanswered: dict[str, str] = {}
        self.load_bearing: dict[str, list[str]] = {}
        """Load-bearing statement id or relation key -> the theses that rest on it."""
        self.marked: set[str] = set()
        self.status: dict[str, str] = {}
        self.status_fill: dict[str, str] = {}

    # -- analysis hooks
    def prepare(self) -> None:
        o, m = self.o, self.m
        hl = o["highlight"]
        if hl == "unanswered":
            from ..analysis.dialectic import objection_statuses

            for st in objection_statuses(m):
                if not st.answered:
                    self.unanswered[st.objection.id] = st.reason
        elif hl == "load-bearing":
            from ..analysis.whatif import load_bearing

            for t in m.theses():
                lb = load_bearing(m, t.id)
                for key in (*lb.statements, *lb.relations):
                    self.load_bearing.setdefault(key, []).append(t.id)
        elif hl is not None:
            for id_ in hl:
                m.get(id_)  # UnknownIdError with a suggestion
                self.marked.add(id_)
        if o["color_by"] == "status":
            status = o["status"]
            if status is None:
                from ..analysis.bipolar import bipolar_framework
                from ..analysis.dialectic import grounded_labels

                baf = bipolar_framework(m)
                status = grounded_labels(baf.arguments, baf.attacks)
            self.status = {k: str(v) for k, v in status.items() if k in m}
            extra = 0
            for label in dict.fromkeys(self.status.values()):
                if label in S.STATUS_COLORS:
                    self.status_fill[label] = S.STATUS_COLORS[label]
                else:
                    self.status_fill[label] = S.palette_color(extra)
                    extra += 1

    # -- nodes
    def status_name(self, s: Statement) -> str:
        """The statement's label for ``color_by="status"``, as its header names it."""
        label = self.status.get(s.id)
        return S.STATUS_NAMES.get(label, label) if label is not None else "no label"

    def node_style(self, s: Statement) -> S.NodeStyle:
        return S.THESIS_STYLE if s.id in self.theses else S.KIND_STYLES[s.kind]

    def fill(self, s: Statement, st: S.NodeStyle) -> str:
        by = self.o["color_by"]
        if by == "actor":
            return S.palette_color(self.actor_index[s.by]) if s.by else S.UNKNOWN_FILL
        if by == "status":
            label = self.status.get(s.id)
            return self.status_fill[label] if label is not None else S.UNKNOWN_FILL
        return st.fill

    def label(self, s: Statement, st: S.NodeStyle, hidden: int) -> str:
        o, m = self.o, self.m
        wrap = o["wrap"]
        thesis = s.id in self.theses
        head = f"<B>{st.name}</B>"
        if o["color_by"] == "status":
            head += f" · {html_text(self.status_name(s))}"
        if o["show_ids"]:
            head += f' · <FONT COLOR="#6b7280">{html_text(s.id)}</FONT>'
        rows = [
            f'<TR><TD ALIGN="LEFT"><FONT POINT-SIZE="10" COLOR="{st.ink}">{head}</FONT></TD></TR>'
        ]
        if s.id in self.load_bearing:
            lbs = S.LOAD_BEARING
            rows.append(
                f'<TR><TD ALIGN="LEFT" BGCOLOR="{lbs["color"]}"><FONT COLOR="{lbs["badge_ink"]}" '
                f'POINT-SIZE="10"><B> {lbs["badge"]} </B></FONT></TD></TR>'
            )
        if s.id in self.unanswered:
            u = S.UNANSWERED
            rows.append(
                f'<TR><TD ALIGN="LEFT" BGCOLOR="{u["color"]}"><FONT COLOR="{u["badge_ink"]}" '
                f'POINT-SIZE="10"><B> {u["badge"]} </B></FONT></TD></TR>'
            )
        if s.qualifier:
            q = _html_lines(s.qualifier, wrap)
            rows.append(
                f'<TR><TD ALIGN="LEFT" BALIGN="LEFT"><FONT POINT-SIZE="11" '
                f'COLOR="{S.QUALIFIER_INK}"><I>{q}</I></FONT></TD></TR>'
            )
        text = _html_lines(s.text, int(wrap * 0.85) if thesis and wrap else wrap)
        if thesis:
            text = f"<B>{text}</B>"
        rows.append(f'<TR><TD ALIGN="LEFT" BALIGN="LEFT">{text}</TD></TR>')
        if o["show_quotes"] and s.quote:
            q = _html_lines(f"\u201c{s.quote}\u201d", wrap)
            rows.append(
                f'<TR><TD ALIGN="LEFT" BALIGN="LEFT"><FONT POINT-SIZE="10" COLOR="#374151">'
                f"<I>{q}</I></FONT></TD></TR>"
            )
        if s.by:
            who = _html_lines("\u2014 " + m.get_actor(s.by).label, wrap)
            rows.append(
                f'<TR><TD ALIGN="LEFT" BALIGN="LEFT"><FONT POINT-SIZE="11" COLOR="#1f2937">'
                f"<I>{who}</I></FONT></TD></TR>"
            )
        if hidden:
            more = f"+{hidden} link{'s' if hidden > 1 else ''} not shown"
            rows.append(
                f'<TR><TD ALIGN="RIGHT"><FONT POINT-SIZE="9" COLOR="#6b7280">{more}</FONT>'
                "</TD></TR>"
            )
        return (
            '<<TABLE BORDER="0" CELLBORDER="0" CELLSPACING="0" CELLPADDING="2">'
            + "".join(rows)
            + "</TABLE>>"
        )

    def plain_label(self, s: Statement, st: S.NodeStyle, hidden: int) -> str:
        """The fast path's label: plain text lines (no HTML table for dot to size)."""
        o, m = self.o, self.m
        head = st.name.upper()
        if o["color_by"] == "status":
            head += f" · {self.status_name(s)}"
        if s.id in self.unanswered:
            head += f" · {S.UNANSWERED['badge']}"
        if o["show_ids"]:
            head += f" · {s.id}"
        lines = [head, *wrap_lines(s.text, o["wrap"])]
        if o["show_quotes"] and s.quote:
            lines += wrap_lines(f"\u201c{s.quote}\u201d", o["wrap"])
        if s.by:
            lines += wrap_lines("\u2014 " + m.get_actor(s.by).label, o["wrap"])
        if hidden:
            lines.append(f"+{hidden} link{'s' if hidden > 1 else ''} not shown")
        return esc_string("\n".join(lines))

    def tooltip(self, s: Statement) -> str:
        m = self.m
        parts = [f"{s.kind.upper()} {s.id}", s.text]
        if s.qualifier:
            parts.append(f"Qualifier: {s.qualifier}")
        if s.quote:
            parts.append(f"\u201c{s.quote}\u201d")
        if s.by:
            parts.append("\u2014 " + m.get_actor(s.by).label)
        if s.source is not None:
            src = s.source
            bits = [src.author, src.title, src.publisher, src.date, src.url, src.note]
            parts.append("Source: " + ", ".join(b for b in bits if b))
        if s.id in self.unanswered:
            parts.append(f"UNANSWERED ({self.unanswered[s.id]})")
        if s.id in self.load_bearing:
            parts.append("LOAD-BEARING for " + ", ".join(self.load_bearing[s.id]))
        return bounded_string("\n\n".join(parts), f"statement {s.id!r}", "tooltip")

    def node_attrs(self, s: Statement, hidden: int) -> dict[str, str]:
        st = self.node_style(s)
        classes = ["argmap-statement", f"argmap-{s.kind}"]
        attrs = {
            "shape": st.shape,
            "style": st.style,
            "fillcolor": self.fill(s, st),
            "color": st.border,
            "penwidth": str(st.penwidth),
            "peripheries": str(st.peripheries),
            "label": (self.plain_label if self.o["fast"] else self.label)(s, st, hidden),
            "tooltip": self.tooltip(s),
            "id": esc_string(f"s-{s.id}"),
        }
        if s.id in self.theses:
            attrs["fontsize"] = str(S.THESIS_FONTSIZE)
            attrs["margin"] = "0.2,0.12"
            classes.append("argmap-thesis")
        if s.id in self.unanswered:
            attrs["color"] = S.UNANSWERED["color"]
            attrs["penwidth"] = str(S.UNANSWERED["penwidth"])
            classes.append("argmap-unanswered")
        if s.id in self.load_bearing:
            attrs["color"] = S.LOAD_BEARING["color"]
            attrs["penwidth"] = str(S.LOAD_BEARING["penwidth"])
            classes.append("argmap-load-bearing")
        if s.id in self.marked or s.id == self.o["focus"]:
            attrs["color"] = S.HIGHLIGHT["color"]
            attrs["penwidth"] = str(S.HIGHLIGHT["penwidth"])
            classes.append("argmap-highlighted")
        attrs["class"] = esc_string(" ".join(classes))
        return attrs

    # -- edges
    def edge_attrs(self, r: Relation, *, part: str) -> dict[str, str]:
        es = S.EDGE_STYLES[r.kind]
        attrs = {
            "color": es.color,
            "style": es.style,
            "penwidth": str(es.penwidth),
            "arrowhead": es.arrowhead if part != "tail" else "none",
            "tooltip": esc_string(
                f"{r.from_} {r.kind} {r.to}" + (f"\n\n{r.note}" if r.note else "")
            ),
            "class": esc_string(f"argmap-relation argmap-{r.kind}"),
            "id": esc_string(f"r-{r.key}" + ("" if part == "whole" else f"-{part}")),
        }
        if r.key in self.load_bearing:
            attrs["color"] = S.LOAD_BEARING["color"]
            attrs["penwidth"] = str(S.LOAD_BEARING["penwidth"] * 0.7)
            attrs["class"] = esc_string(f"argmap-relation argmap-{r.kind} argmap-load-bearing")
            attrs["tooltip"] = esc_string(
                f"{r.from_} {r.kind} {r.to}\nLOAD-BEARING for {', '.join(self.load_bearing[r.key])}"
            )
        if es.dir == "both":  # a symmetric relation: no rank order between its ends
            attrs["dir"] = "both"
            attrs["arrowtail"] = es.arrowhead
            attrs["constraint"] = "false"
        if not es.constraint:
            attrs["constraint"] = "false"
        if self.o["edge_labels"] and part != "tail":
            attrs["xlabel"] = r.kind
            attrs["fontcolor"] = es.color
            attrs["fontsize"] = "9"
        return attrs


def _is_count(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and value >= 0


def _builder(
    m: ArgumentMap,
    *,
    direction: str,
    highlight: str | Iterable[str] | None,
    color_by: str,
    status: Mapping[str, str] | None,
    group_by: str | None,
    focus: str | None,
    depth: int | None,
    wrap: int | None,
    show_quotes: bool,
    show_ids: bool,
    edge_labels: bool,
    stagger: int | None,
    fast: bool | None = False,
) -> _Builder:
    """Check the options of :func:`to_graphviz` and ``to_mermaid``; the builder, prepared."""
    rankdir = normalize_direction(direction)
    _check_choice("color_by", color_by, COLOR_BY)
    _check_choice("group_by", group_by, GROUP_BY)
    if highlight is not None and not isinstance(highlight, str | Iterable):
        raise OptionError(f"highlight must be 'unanswered' or a list of ids, not {highlight!r}")
    if isinstance(highlight, str) and highlight not in _HIGHLIGHTS:
        raise OptionError(
            f"unknown highlight {highlight!r} (must be one of {list(_HIGHLIGHTS)} "
            "or a list of statement ids)"
        )
    if status is not None and not isinstance(status, Mapping):
        raise OptionError("status must be a mapping from statement id to label")
    if wrap is not None and not _is_count(wrap):
        raise OptionError(f"wrap must be a positive number of characters or None, got {wrap!r}")
    if depth is not None and focus is None:
        raise OptionError("depth needs focus: the statement whose neighbourhood to draw")
    if depth is not None and not _is_count(depth):
        raise OptionError(f"depth must be a whole number >= 0, got {depth!r}")
    if stagger is not None and not _is_count(stagger):
        raise OptionError(f"stagger must be a whole number of rows or None, got {stagger!r}")
    visible = None
    if focus is not None:
        m.get(focus)
        visible = _neighbourhood(m, focus, 2 if depth is None else depth)
    if fast is None:
        fast = (len(m) if visible is None else len(visible)) >= LARGE_MAP
    opts = {
        "highlight": highlight,
        "color_by": color_by,
        "status": status,
        "focus": focus,
        "wrap": wrap or None,
        "show_quotes": show_quotes,
        "show_ids": show_ids,
        "edge_labels": edge_labels,
        "fast": fast,
    }
    b = _Builder(m, opts, rankdir, visible)
    b.prepare()
    return b


def to_graphviz(
    m: ArgumentMap,
    *,
    direction: str = "BT",
    highlight: str | Iterable[str] | None = None,
    color_by: str = "kind",
    status: Mapping[str, str] | None = None,
    group_by: str | None = None,
    focus: str | None = None,
    depth: int | None = None,
    legend: bool = False,
    title: bool | str = True,
    wrap: int | None = 32,
    show_quotes: bool = False,
    show_ids: bool = False,
    edge_labels: bool = False,
    stagger: int | None = 3,
    fast: bool | None = None,
) -> graphviz.Digraph:
    """Draw a map as a Graphviz digraph (DOT source; no program is started).

    Parameters
    ----------
    m : ArgumentMap
    direction : str, default "BT"
        Which way the arrows run, from reasons and objections to what they
        target: ``"BT"`` (bottom to top: the thesis on top), ``"TB"``, ``"LR"``,
        ``"RL"``, or the names ``"up"``, ``"down"``, ``"right"``, ``"left"``,
        ``"bottom-to-top"``, ... The thesis is always on the last rank.
    highlight : "unanswered", "load-bearing" or iterable of ids, optional
        ``"unanswered"`` marks every unanswered objection
        (:func:`argmap.objection_statuses`) with a thick red border and an
        "UNANSWERED" badge; ``"load-bearing"`` marks, with a thick violet border
        and a "LOAD-BEARING" badge, the statements and relations whose defeat
        alone would change the label of a thesis (:func:`argmap.load_bearing`
        for each of :meth:`~argmap.ArgumentMap.theses`, grounded semantics,
        supports ignored); a list of ids outlines those statements.
    color_by : {"kind", "actor", "status"}
        What the fill colour shows. Shapes, borders and headers always show
        the kind.
    status : mapping of id to label, optional
        The labels for ``color_by="status"`` (any labels; ``"in"``, ``"out"``
        and ``"undec"`` have fixed colours). When omitted, the grounded
        labelling of :func:`argmap.bipolar_framework` is used.
    group_by : {None, "actor"}
        ``"actor"`` draws a cluster per actor around their statements.
    focus : str, optional
        Draw only the statements within ``depth`` steps of this one (links
        taken in either direction); a statement with links to statements
        left out says how many.
    depth : int, optional
        Radius of the focus (default 2). Requires ``focus``.
    legend : bool, default False
        Add a legend node explaining the shapes, colours and lines.
    title : bool or str, default True
        True shows the map's title (and its source); a string replaces it.
    wrap : int or None, default 32
        Characters per line of statement text; None keeps lines as they are.
    show_quotes : bool, default False
        Put the verbatim quote in the node (it is always in the tooltip).
    show_ids : bool, default False
        Show each statement's id in its header.
    edge_labels : bool, default False
        Write the relation kind beside each edge.
    stagger : int or None, default 3
        When four or more statements point at the same statement, spread them
        over this many rows instead of one wide row (as Graphviz's
        ``unflatten``); None or 1 keeps one row.
    fast : bool or None, default None
        The fast layout path for large maps: plain-text labels, straight edges,
        no staggering, bounded layout passes. None takes it from
        :data:`LARGE_MAP` (500) drawn statements on; True or False forces it.

    Returns
    -------
    graphviz.Digraph
        Render it with :func:`argmap.render.render` or read ``.source``.

    Warns
    -----
    LegibilityWarning
        When more than :data:`ILLEGIBLE_MAP` (2,000) statements are drawn.

    Raises
    ------
    OptionError
        For an unknown option value (the message lists the valid ones).
    UnknownIdError
        For a ``focus`` or ``highlight`` id that is not in the map.

    Examples
    --------
    >>> from argmap import ArgumentMap
    >>> m = ArgumentMap(title="Lunch")
    >>> c = m.claim("We should eat out.", id="eat-out")
    >>> o = m.objection("It costs too much.", id="cost", against=c)
    >>> g = to_graphviz(m, highlight="unanswered")
    >>> "cost -> \\"eat-out\\"" in g.source, "UNANSWERED" in g.source
    (True, True)
    """
    from ..map import require_map

    require_map(m, "to_graphviz")
    import graphviz

    b = _builder(
        m,
        direction=direction,
        highlight=highlight,
        color_by=color_by,
        status=status,
        group_by=group_by,
        focus=focus,
        depth=depth,
        wrap=wrap,
        show_quotes=show_quotes,
        show_ids=show_ids,
        edge_labels=edge_labels,
        stagger=stagger,
        fast=fast,
    )
    rankdir, visible = b.rankdir, b.visible
    drawn_count = len(m) if visible is None else len(visible)
    if drawn_count > ILLEGIBLE_MAP:
        import warnings

        warnings.warn(
            f"drawing {drawn_count} statements: the layout takes seconds and the picture "
            "cannot be read as a whole; draw a neighbourhood with focus=ID and depth=K "
            "(CLI: --focus ID --depth K)",
            LegibilityWarning,
            stacklevel=2,
        )

    g = graphviz.Digraph(name="argmap")
    g.attr(
        "graph",
        rankdir=rankdir,
        nodesep="0.35",
        ranksep="0.55",
        newrank="true",
        fontname=S.FONT,
        bgcolor="white",
        pad="0.3",
        tooltip=esc_string(m.title or "argument map"),
    )
    if b.o["fast"]:
        # straight edges and bounded crossing-minimisation / positioning passes: measured
        # on 1,000 and 5,000 statements, together with plain labels, 3-4x less time in dot
        g.attr("graph", splines="line", mclimit="0.05", nslimit="0.1")
        stagger = None  # staggered rows add long edges: more virtual nodes to place
    g.attr("node", fontname=S.FONT, fontsize=str(S.FONTSIZE), margin="0.14,0.08")
    g.attr("edge", fontname=S.FONT, arrowsize="0.9")
    heading = m.title if title is True else (title or None)
    if heading:
        lines = [f'<FONT POINT-SIZE="22"><B>{_html_lines(heading, 70)}</B></FONT>']
        src = _source_line(m) if title is True else None
        if src:
            lines.append(f'<FONT POINT-SIZE="13" COLOR="#4b5563">{_html_lines(src, 90)}</FONT>')
        g.attr("graph", label="<" + "<BR/>".join(lines) + ">", labelloc="t", labeljust="c")

    shown = [s for s in m.statements() if visible is None or s.id in visible]
    shown_ids = {s.id for s in shown}
    hidden = dict.fromkeys(shown_ids, 0)
    if visible is not None:
        for a, c in _statement_links(m):
            if a in shown_ids and c not in shown_ids:
                hidden[a] += 1
            elif c in shown_ids and a not in shown_ids:
                hidden[c] += 1

    # nodes, in actor clusters when asked
    node_lines = {s.id: b.node_attrs(s, hidden[s.id]) for s in shown}
    if group_by == "actor":
        for actor in m.actors():
            members = [s for s in shown if s.by == actor.id]
            if not members:
                continue
            with g.subgraph(name=f"cluster_actor_{b.actor_index[actor.id]}") as c:
                c.attr(
                    label="<" + f"<B>{_html_lines(actor.label, 48)}</B>" + ">",
                    # cluster labels sit at the "bottom" rank end, i.e. on top for BT
                    labelloc="b" if rankdir == "BT" else "t",
                    style="rounded,filled",
                    fillcolor=S.palette_color(b.actor_index[actor.id]) + "55",
                    color="#9ca3af",
                    fontsize="12",
                    tooltip=esc_string(actor.label),
                )
                for s in members:
                    c.body.append(_stmt_line(s.id, node_lines[s.id]))
        for s in shown:
            if not s.by:
                g.body.append(_stmt_line(s.id, node_lines[s.id]))
    else:
        for s in shown:
            g.body.append(_stmt_line(s.id, node_lines[s.id]))
        tops = [s.id for s in shown if s.id in b.theses]
        if tops:
            g.body.append(
                "\t{rank=max; " + " ".join(graphviz.quoting.quote(t) for t in tops) + "}\n"
            )

    # relations; an undercut relation is split by a junction point it can aim at
    drawn = _drawn_relations(m, shown_ids)
    undercut = {r.to for r in drawn.values() if r.kind == "undercuts"}
    junction = {key: f"_j{i}" for i, key in enumerate(k for k in drawn if k in undercut)}
    for key, name in junction.items():
        es = S.EDGE_STYLES[drawn[key].kind]
        g.node(
            name,
            label="",
            shape="point",
            width="0.11",
            color=es.color,
            tooltip=esc_string(f"{drawn[key].kind} link {key}, undercut"),
            id=esc_string(f"j-{key}"),
        )
    minlen = _stagger(drawn, stagger)
    for key, r in drawn.items():
        head = junction[r.to] if r.kind == "undercuts" else r.to
        if key in junction:
            _edge(g, r.from_, junction[key], b.edge_attrs(r, part="tail"))
            _edge(g, junction[key], head, b.edge_attrs(r, part="head"))
        else:
            attrs = b.edge_attrs(r, part="whole")
            if minlen.get(key, 1) > 1:
                attrs["minlen"] = str(minlen[key])
            _edge(g, r.from_, head, attrs)

    if legend:
        g.node("_legend", label=_legend_label(b, shown), shape="plain", id="legend")
    return g


def _drawn_relations(m: ArgumentMap, shown: set[str]) -> dict[str, Relation]:
    """Relations whose ends are all drawn, by key, in map order (undercuts after targets)."""
    drawn: dict[str, Relation] = {}
    pending = []
    for r in m.relations():
        if r.kind == "undercuts":
            pending.append(r)
        elif r.from_ in shown and r.to in shown:
            drawn[r.key] = r
    progress = True
    while pending and progress:  # undercuts of undercuts: targets first
        progress = False
        for r in list(pending):
            if r.to in drawn and r.from_ in shown:
                drawn[r.key] = r
                pending.remove(r)
                progress = True
    return drawn


def _stagger(drawn: Mapping[str, Relation], levels: int | None) -> dict[str, int]:
    """Edge lengths that spread the children of a busy statement over ``levels`` ranks.

    Like Graphviz's ``unflatten``: a statement that many statements point at
    would put them all in one very wide row; giving their edges lengths 1, 2,
    ..., ``levels`` in turn stacks them instead. Edges that take part in an
    undercut keep length 1, so the junction stays between its ends.
    """
    if not levels or levels < 2:
        return {}
    incoming: dict[str, list[Relation]] = {}
    for r in drawn.values():
        if r.kind not in ("contradicts", "undercuts", "concedes"):
            incoming.setdefault(r.to, []).append(r)
    undercutters = {r.from_ for r in drawn.values() if r.kind == "undercuts"}
    undercut = {r.to for r in drawn.values() if r.kind == "undercuts"}
    out = {}
    for rels in incoming.values():
        free = [r for r in rels if r.from_ not in undercutters and r.key not in undercut]
        if len(free) < 4:
            continue
        for i, r in enumerate(free):
            out[r.key] = 1 + i % levels
    return out


def _quote(value: str) -> str:
    """DOT identifier or quoted string, exactly as ``graphviz.quoting.quote`` makes it.

    Called for every attribute, so it skips that function's per-call decorator.
    """
    q = _QUOTING or _load_quoting()
    if value[:1] == "<" and q["HTML_STRING"].match(value) and not isinstance(value, q["NoHtml"]):
        return value
    if q["ID"].match(value) and value.lower() not in q["KEYWORDS"]:
        return value
    if '"' not in value:
        return f'"{value}"'
    return f'"{q["ESCAPE_UNESCAPED_QUOTES"](value)}"'


_QUOTING: dict[str, Any] = {}


def _load_quoting() -> dict[str, Any]:
    from graphviz import quoting

    for name in ("ESCAPE_UNESCAPED_QUOTES", "HTML_STRING", "ID", "KEYWORDS", "NoHtml"):
        _QUOTING[name] = getattr(quoting, name)
    return _QUOTING


@functools.lru_cache(maxsize=512)
def _quote_short(value: str) -> str:
    return _quote(value)


def _attrs(attrs: dict[str, str]) -> str:
    # names, colours, shapes and numbers repeat on every node: quote them once
    return " ".join(
        f"{k}={_quote_short(v) if len(v) < 24 and type(v) is str else _quote(v)}"
        for k, v in sorted(attrs.items())
    )


def _stmt_line(name: str, attrs: dict[str, str]) -> str:
    return f"\t{_quote(name)} [{_attrs(attrs)}]\n"


def _edge(g: graphviz.Digraph, tail: str, head: str, attrs: dict[str, str]) -> None:
    # Digraph.edge would read "a:b" as node a, port b; statement ids may hold colons.
    g.body.append(f"\t{_quote(tail)} -> {_quote(head)} [{_attrs(attrs)}]\n")


_EDGE_GLYPHS = {
    "supports": "\u2501\u2501\u2501\u25b6",
    "objects": "\u2501\u2501\u2501\u25b6",
    "rebuts": "\u2505\u2505\u2505\u2503",
    "undercuts": "\u2508\u2508\u2508\u25cf",
    "contradicts": "\u25c0\u2501\u2501\u25b6",
    "concedes": "\u2505\u2505\u2505\u25b7",
}
_EDGE_WORDS = {
    "supports": "supports",
    "objects": "objects to",
    "rebuts": "rebuts",
    "undercuts": "undercuts a link (into its dot)",
    "contradicts": "contradicts",
    "concedes": "concedes (grants in part)",
}


def _legend_label(b: _Builder, shown: Any) -> str:
    def swatch(fill: str, border: str, width: int = 2) -> str:
        return (
            f'<TD BGCOLOR="{fill}" COLOR="{border}" BORDER="{width}" WIDTH="26" HEIGHT="16"> </TD>'
        )

    def row(cell: str, text: str) -> str:
        return f'<TR>{cell}<TD ALIGN="LEFT"><FONT POINT-SIZE="11">{text}</FONT></TD></TR>'

    rows = ['<TR><TD COLSPAN="2" ALIGN="LEFT"><B>Legend</B></TD></TR>']
    t = S.THESIS_STYLE
    rows.append(row(swatch(t.fill, t.border, 3), "thesis"))
    for kind, st in S.KIND_STYLES.items():
        rows.append(row(swatch(st.fill, st.border), kind))
    if b.unanswered or b.o["highlight"] == "unanswered":
        u = S.UNANSWERED
        rows.append(row(swatch("#ffffff", u["color"], 4), "unanswered objection"))
    if b.o["highlight"] == "load-bearing":
        rows.append(
            row(swatch("#ffffff", S.LOAD_BEARING["color"], 4), "load-bearing: a thesis rests on it")
        )
    for kind, es in S.EDGE_STYLES.items():
        glyph = f'<TD ALIGN="CENTER"><FONT COLOR="{es.color}">{_EDGE_GLYPHS[kind]}</FONT></TD>'
        rows.append(row(glyph, _EDGE_WORDS[kind]))
    by = b.o["color_by"]
    if by == "actor":
        rows.append('<TR><TD COLSPAN="2" ALIGN="LEFT"><B>Fill: actor</B></TD></TR>')
        used = {s.by for s in shown}
        for a in b.m.actors():
            if a.id in used:
                fill = S.palette_color(b.actor_index[a.id])
                rows.append(row(swatch(fill, "#6b7280", 1), html_text(a.label)))
    elif by == "status":
        rows.append('<TR><TD COLSPAN="2" ALIGN="LEFT"><B>Fill: status</B></TD></TR>')
        for label, fill in b.status_fill.items():
            rows.append(
                row(swatch(fill, "#6b7280", 1), html_text(S.STATUS_NAMES.get(label, label)))
            )
    return (
        '<<TABLE BORDER="1" COLOR="#9ca3af" CELLBORDER="0" CELLSPACING="3" CELLPADDING="2" '
        'BGCOLOR="#ffffff">' + "".join(rows) + "</TABLE>>"
    )
