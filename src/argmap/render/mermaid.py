"""Draw a map as a Mermaid flowchart (for GitHub and Markdown) in argmap's visual language.

One ``classDef`` per statement kind (plus ``thesis`` and ``unanswered``) carries
the colours of :mod:`argmap.render.style`; each relation kind has its own
arrow and ``linkStyle``. Node ids are generated (``s0``, ``s1``, ...) so that no
statement id can clash with a Mermaid keyword; every piece of text is quoted
and each character that means something to Mermaid or HTML is written as a
Mermaid entity (``#34;``), so no text can end a label or inject markup.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING

from . import style as S
from .dot import _builder, _drawn_relations, clean_text, wrap_lines

if TYPE_CHECKING:
    from ..map import ArgumentMap
    from ..model import Relation, Statement

__all__ = ["to_mermaid", "mermaid_text"]

_SPECIAL = set('"#&<>`%\\')
"""Characters written as entities: ``"`` ends a label, ``#`` starts an entity, ``<>&`` are
HTML, a backtick starts a Markdown string, ``%`` could make a ``%%{init: ...}%%`` directive
(which Mermaid looks for anywhere in the text), and a backslash before our closing quote
could be read as escaping it. Everything else is literal inside quotes."""


def mermaid_text(text: str, width: int | None = None) -> str:
    """Escape text for a quoted Mermaid label, wrapping lines with ``<br/>``.

    Examples
    --------
    >>> mermaid_text('Say "hi" <b>')
    'Say #34;hi#34; #60;b#62;'
    """
    lines = wrap_lines(text, width)
    return "<br/>".join(
        "".join(f"#{ord(c)};" if c in _SPECIAL else c for c in line) for line in lines
    )


def _css(fill: str, border: str, width: float, dash: str | None = None) -> str:
    out = f"fill:{fill},stroke:{border},stroke-width:{width}px,color:#111827"
    return out + (f",stroke-dasharray:{dash}" if dash else "")


def to_mermaid(
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
) -> str:
    """The map as Mermaid flowchart text; options as in :func:`argmap.render.to_graphviz`.

    ``stagger`` is checked but has no effect: Mermaid lays out busy statements itself;
    ``fast`` (Graphviz's large-map path) is accepted and ignored.

    Returns
    -------
    str
        A ``flowchart`` definition, with the title as front matter.

    Examples
    --------
    >>> from argmap import ArgumentMap
    >>> m = ArgumentMap()
    >>> c = m.claim("Eat out.", id="eat-out")
    >>> o = m.objection("Too dear.", id="cost", against=c)
    >>> print(to_mermaid(m).splitlines()[0])
    flowchart BT
    >>> [line.strip() for line in to_mermaid(m).splitlines() if "==>" in line]
    ['s1 ==> s0']
    """
    from ..map import require_map

    require_map(m, "to_mermaid")
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
    )
    shown = [s for s in m.statements() if b.visible is None or s.id in b.visible]
    names = {s.id: f"s{i}" for i, s in enumerate(m.statements())}

    out: list[str] = []
    heading = m.title if title is True else (title or None)
    if heading:
        one_line = " ".join(clean_text(heading).split())
        # YAML reads JSON strings; \u0025 keeps "%%{" (a Mermaid directive) out of the text
        quoted = json.dumps(one_line).replace("%", "\\u0025")
        out += ["---", f"title: {quoted}", "---"]
    out.append(f"flowchart {b.rankdir}")
    for kind, st in S.KIND_STYLES.items():
        out.append(f"  classDef {kind} {_css(st.fill, st.border, st.penwidth)}")
    t = S.THESIS_STYLE
    out.append(f"  classDef thesis {_css(t.fill, t.border, t.penwidth)},font-weight:bold")
    u = S.UNANSWERED
    out.append(f"  classDef unanswered stroke:{u['color']},stroke-width:{u['penwidth']}px")
    out.append(f"  classDef highlighted stroke:{S.HIGHLIGHT['color']},stroke-width:5px")
    out.append("  classDef junction fill:#6b7280,stroke:#6b7280")

    def node(s: Statement) -> str:
        st = b.node_style(s)
        head = st.name
        if color_by == "status":
            head += " · " + b.status_name(s)
        if show_ids:
            head += " · " + s.id
        parts = [f"<b>{mermaid_text(head)}</b>"]
        if s.id in b.unanswered:
            parts.append("<b>UNANSWERED</b>")
        if s.qualifier:
            parts.append("<i>" + mermaid_text(s.qualifier, wrap or None) + "</i>")
        parts.append(mermaid_text(s.text, wrap or None))
        if show_quotes and s.quote:
            parts.append("<i>" + mermaid_text(f"\u201c{s.quote}\u201d", wrap or None) + "</i>")
        if s.by:
            parts.append("<i>" + mermaid_text("\u2014 " + m.get_actor(s.by).label, wrap) + "</i>")
        o, c = st.mermaid_shape
        return f'{names[s.id]}{o}"{"<br/>".join(parts)}"{c}'

    if group_by == "actor":
        for a in m.actors():
            members = [s for s in shown if s.by == a.id]
            if members:
                idx = b.actor_index[a.id]
                out.append(f'  subgraph actor{idx} ["{mermaid_text(a.label)}"]')
                out += [f"    {node(s)}" for s in members]
                out.append("  end")
        out += [f"  {node(s)}" for s in shown if not s.by]
    else:
        out += [f"  {node(s)}" for s in shown]

    drawn = _drawn_relations(m, {s.id for s in shown})
    undercut = {r.to for r in drawn.values() if r.kind == "undercuts"}
    junction = {k: f"j{i}" for i, k in enumerate(k for k in drawn if k in undercut)}
    for name in junction.values():
        out.append(f'  {name}((" "))')
    link_styles: dict[str, list[int]] = {}
    count = 0

    def link(a: str, c: str, r: Relation, *, tail: bool = False) -> None:
        nonlocal count
        es = S.EDGE_STYLES[r.kind]
        arrow = "---" if tail else es.mermaid_arrow
        text = f'|"{mermaid_text(r.kind)}"|' if edge_labels and not tail else ""
        out.append(f"  {a} {arrow}{text} {c}")
        link_styles.setdefault(r.kind, []).append(count)
        count += 1

    for key, r in drawn.items():
        head = junction[r.to] if r.kind == "undercuts" else names[r.to]
        if key in junction:
            link(names[r.from_], junction[key], r, tail=True)
            link(junction[key], head, r)
        else:
            link(names[r.from_], head, r)

    if legend:
        looks = {"thesis": S.THESIS_STYLE, **S.KIND_STYLES}
        out.append('  subgraph legend ["Legend"]')
        for kind, st in looks.items():
            o, c = st.mermaid_shape
            out.append(f'    legend_{kind}{o}"{st.name}"{c}')
        out.append("  end")
        out += [f"  class legend_{kind} {kind}" for kind in looks]

    for s in shown:
        out.append(f"  class {names[s.id]} {'thesis' if s.id in b.theses else s.kind}")
        fill = b.fill(s, b.node_style(s))
        if color_by != "kind":
            out.append(f"  style {names[s.id]} fill:{fill}")
        if s.id in b.unanswered:
            out.append(f"  class {names[s.id]} unanswered")
        if s.id in b.marked or s.id == focus or s.id in b.load_bearing:
            out.append(f"  class {names[s.id]} highlighted")
    for name in junction.values():
        out.append(f"  class {name} junction")
    for kind, idxs in link_styles.items():
        es = S.EDGE_STYLES[kind]
        dash = {"dashed": ",stroke-dasharray:6 4", "dotted": ",stroke-dasharray:2 3"}.get(
            es.style, ""
        )
        out.append(
            f"  linkStyle {','.join(map(str, idxs))} "
            f"stroke:{es.color},stroke-width:{es.penwidth}px{dash}"
        )
    return "\n".join(out) + "\n"
