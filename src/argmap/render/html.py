"""A self-contained web page of a map: inline SVG, hover for details, click to trace attacks.

:func:`to_html` writes one HTML file that needs nothing else: the diagram is
the SVG of :func:`argmap.render.render_svg` inlined, the style and the script
are inline, and the page loads no font, script or image from anywhere (its
Content-Security-Policy forbids every network request, and allows only the
page's own script, by its hash). Hovering a statement shows its full text,
quote (in its context, the sentence before and after, when the page has the
source text: see :func:`to_html`), qualifier, actor, source and status in a side
panel; clicking it highlights what attacks it (red), what supports it (green), what
it targets (blue) and what it concedes or is conceded by (grey: a concession is
neither an attack nor a support), and dims the rest; clicking the background or
pressing Esc clears. Statements can also be reached with the Tab key and selected
with Enter.

The statements' data travels as JSON in a ``<script type="application/json">``
block, with ``<``, ``>`` and ``&`` written as ``\\u003c``, ``\\u003e`` and
``\\u0026``, so no text can close the block or open markup. The script builds
the panel with ``textContent`` only, and links only ``http(s)`` source URLs.

The page finds statements in the SVG by the ids the Graphviz builder gives
them (``s-<statement id>``; relations ``r-<key>``, junctions ``j-<key>``: see
:mod:`argmap.render.dot`).

Limits: a large map makes a large SVG (about 4 kB per statement); the page
stays responsive to a few thousand statements, but legibility needs
``focus``/``depth`` long before that.
"""

from __future__ import annotations

import base64
import hashlib
import html
import json
import os
import warnings
from typing import TYPE_CHECKING, Any

from ..analysis.dialectic import REASON_TEXT
from ..errors import RenderError, SourceError
from . import style as S

if TYPE_CHECKING:
    from ..anchor import SourceText
    from ..map import ArgumentMap
    from ..model import Relation, Source

__all__ = ["to_html", "page_data", "json_for_script"]


def json_for_script(data: Any) -> str:
    """JSON text that is safe inside an HTML ``<script>`` element.

    ``<``, ``>`` and ``&`` become ``\\u003c``, ``\\u003e``, ``\\u0026`` (so
    ``</script>`` and ``<!--`` cannot occur), and U+2028/U+2029 are escaped
    too; ``JSON.parse`` reads the same values back.

    Examples
    --------
    >>> json_for_script({"t": "</script><!-- & \\u2028"})
    '{"t": "\\\\u003c/script\\\\u003e\\\\u003c!-- \\\\u0026 \\\\u2028"}'
    """
    text = json.dumps(data, ensure_ascii=False, sort_keys=False)
    for ch, esc in (
        ("<", "\\u003c"),
        (">", "\\u003e"),
        ("&", "\\u0026"),
        ("\u2028", "\\u2028"),
        ("\u2029", "\\u2029"),
    ):
        text = text.replace(ch, esc)
    return text


def _source_dict(src: Source | None) -> dict[str, str] | None:
    if src is None:
        return None
    # the full text of the source stays out of the page: the panel shows where it is from
    return src.model_dump(exclude_none=True, exclude={"text"}) or None


def page_data(
    m: ArgumentMap,
    *,
    source: SourceText | None = None,
    map_path: str | os.PathLike[str] | None = None,
) -> dict[str, Any]:
    """What the page's script knows about the map: statements, links, statuses.

    Parameters
    ----------
    m : ArgumentMap
    source : SourceText, optional
        The source text: each quote is located in it and shown in context
        (see :func:`argmap.anchor.quote_contexts`).
    map_path : path, optional
        The map's file, against which statements' own ``source.file`` paths
        are resolved.

    Returns
    -------
    dict
        ``title``, ``source`` and ``statements``: a list with, per statement,
        ``id``, ``kind``, ``text``, ``thesis``, the optional ``quote``,
        ``qualifier``, ``actor`` (name, affiliation, role), ``source``, ``note``,
        ``tags``, ``status`` (objections: answered, reason, answered_by), and the
        ids of its ``attackers`` (including statements that undercut its own
        attacks and supports), ``supporters`` and ``targets`` (what it attacks or
        supports), of what it ``concedes`` and is ``conceded_by``, and the keys
        of the relations to light up with it (``links``); with a ``source``, a
        statement with a quote has its ``context`` (``before``, ``passage``,
        ``after``, ``line``, ``verbatim``, ...).

    Examples
    --------
    >>> from argmap import ArgumentMap
    >>> m = ArgumentMap(title="Lunch")
    >>> c = m.claim("Eat out.", id="out")
    >>> o = m.objection("Too dear.", id="dear", against=c)
    >>> d = page_data(m)
    >>> [(s["id"], s["attackers"], s["targets"]) for s in d["statements"]]
    [('out', ['dear'], []), ('dear', [], ['out'])]
    >>> d["statements"][1]["status"]["answered"]
    False
    """
    from ..analysis.dialectic import objection_statuses

    statuses = {st.objection.id: st for st in objection_statuses(m)}
    contexts: dict[str, dict[str, Any]] = {}
    if source is not None:
        from ..anchor import quote_contexts

        contexts = quote_contexts(m, source, map_path=map_path)
    theses = {s.id for s in m.theses()}
    # one pass over the relations (asking the map per statement would be quadratic)
    into: dict[str, list[Relation]] = {}
    out_of: dict[str, list[Relation]] = {}
    for r in m.relations():
        into.setdefault(r.to, []).append(r)
        out_of.setdefault(r.from_, []).append(r)
        if r.kind == "contradicts":
            into.setdefault(r.from_, []).append(r)
            out_of.setdefault(r.to, []).append(r)
    out = []
    for s in m.statements():
        incoming, outgoing = into.get(s.id, []), out_of.get(s.id, [])
        other = [r.from_ if r.to == s.id else r.to for r in incoming]
        attackers = [o for r, o in zip(incoming, other, strict=True) if r.is_attack]
        supporters = [o for r, o in zip(incoming, other, strict=True) if r.kind == "supports"]
        conceded_by = [r.from_ for r in incoming if r.kind == "concedes"]
        concedes = [r.to for r in outgoing if r.kind == "concedes"]
        targets: list[str] = []
        links = [r.key for r in incoming]
        for r in outgoing:
            links.append(r.key)
            if r.kind == "concedes":
                continue  # neither attacked nor supported: see "concedes"
            if r.kind == "undercuts":
                # the undercut relation's ends are what this statement argues about
                target = m.relation(r.to)
                while target.kind == "undercuts":
                    target = m.relation(target.to)
                targets += [target.from_, target.to]
            else:
                targets.append(r.to if r.from_ == s.id else r.from_)
            # an undercut of this statement's own attack or support attacks it too
            for u in into.get(r.key, []):
                attackers.append(u.from_)
                links.append(u.key)
        item: dict[str, Any] = {
            "id": s.id,
            "kind": s.kind,
            "thesis": s.id in theses,
            "text": s.text,
        }
        if s.quote:
            item["quote"] = s.quote
            if s.id in contexts:
                item["context"] = contexts[s.id]
        if s.qualifier:
            item["qualifier"] = s.qualifier
        if s.by:
            try:
                a = m.get_actor(s.by)
                item["actor"] = {
                    k: v
                    for k, v in (("name", a.name), ("affiliation", a.affiliation), ("role", a.role))
                    if v
                }
            except KeyError:  # an unvalidated map may name an undeclared actor
                item["actor"] = {"name": s.by}
        if s.source is not None:
            item["source"] = _source_dict(s.source)
        if s.note:
            item["note"] = s.note
        if s.tags:
            item["tags"] = list(s.tags)
        st = statuses.get(s.id)
        if st is not None:
            item["status"] = {
                "answered": st.answered,
                "reason": st.reason,
                "answered_by": list(st.answered_by),
            }
        item["attackers"] = list(dict.fromkeys(attackers))
        item["supporters"] = list(dict.fromkeys(supporters))
        item["targets"] = list(dict.fromkeys(t for t in targets if t != s.id))
        item["concedes"] = list(dict.fromkeys(concedes))
        item["conceded_by"] = list(dict.fromkeys(conceded_by))
        item["links"] = list(dict.fromkeys(links))
        out.append(item)
    return {"title": m.title, "source": _source_dict(m.source), "statements": out}


def _svg_body(svg: str) -> str:
    """The ``<svg>`` element alone: no XML declaration, doctype or leading comments."""
    start = svg.find("<svg")
    if start < 0:
        raise RenderError("the layout engine returned no <svg> element")
    return svg[start:].strip()


def _legend_html(unanswered: bool) -> str:
    esc = html.escape
    rows = []

    def box(fill: str, border: str, width: float, label: str, extra: str = "") -> None:
        rows.append(
            f'<li><span class="am-swatch" style="background:{fill};border:{width}px solid '
            f'{border}{extra}"></span>{esc(label)}</li>'
        )

    t = S.THESIS_STYLE
    box(t.fill, t.border, 3, "thesis", ";border-radius:6px")
    for kind, st in S.KIND_STYLES.items():
        radius = ";border-radius:6px" if "rounded" in st.style else ""
        box(st.fill, st.border, 2, kind, radius)
    if unanswered:
        box("#ffffff", S.UNANSWERED["color"], 4, "unanswered objection")
    words = {
        "supports": "supports",
        "objects": "objects to",
        "rebuts": "rebuts",
        "undercuts": "undercuts a link",
        "contradicts": "contradicts",
        "concedes": "concedes (grants in part)",
    }
    dash = {"dashed": "dashed", "dotted": "dotted"}
    for kind, es in S.EDGE_STYLES.items():
        line = dash.get(es.style, "solid")
        rows.append(
            f'<li><span class="am-line" style="border-top:3px {line} {es.color}"></span>'
            f"{esc(words.get(kind, kind))}</li>"
        )
    rows.append('<li class="am-sep">after a click:</li>')
    for cls, label in (
        ("am-k-selected", "the statement clicked"),
        ("am-k-attacker", "attacks it"),
        ("am-k-supporter", "supports it"),
        ("am-k-target", "what it attacks or supports"),
        ("am-k-concession", "concedes it, or is conceded by it"),
    ):
        rows.append(f'<li><span class="am-swatch {cls}"></span>{esc(label)}</li>')
    return '<ul class="am-legend">' + "".join(rows) + "</ul>"


_CSS = """
:root { --am-sel: #f59e0b; --am-att: #dc2626; --am-sup: #16a34a; --am-tgt: #2563eb;
  --am-con: #6b7280; }
* { box-sizing: border-box; }
html, body { margin: 0; height: 100%; }
body { font: 14px/1.45 Helvetica, Arial, sans-serif; color: #111827; background: #f9fafb;
  display: flex; flex-direction: column; }
header { padding: 10px 18px; background: #fff; border-bottom: 1px solid #e5e7eb; }
header h1 { font-size: 20px; margin: 0 0 2px; }
header .am-sub { color: #4b5563; font-size: 13px; }
header .am-help { color: #6b7280; font-size: 12px; margin-top: 4px; }
.am-zoom { float: right; margin-left: 12px; }
.am-zoom button { font: inherit; font-size: 12px; padding: 2px 8px; margin-left: 2px;
  border: 1px solid #d1d5db; background: #fff; border-radius: 4px; cursor: pointer; }
main { flex: 1; display: flex; min-height: 0; }
#am-canvas { flex: 1; overflow: auto; background: #fff; min-width: 0; }
#am-canvas svg { display: block; margin: 0 auto; }
#am-canvas .am-empty { color: #6b7280; padding: 24px; }
aside { width: 380px; max-width: 45vw; overflow: auto; border-left: 1px solid #e5e7eb;
  padding: 12px 16px; background: #f9fafb; }
#am-panel { background: #fff; border: 1px solid #e5e7eb; border-radius: 8px; padding: 10px 12px;
  min-height: 120px; }
#am-panel .am-empty { color: #6b7280; }
#am-panel h2 { font-size: 12px; letter-spacing: .06em; margin: 0 0 6px; }
#am-panel .am-id { font: 12px ui-monospace, Menlo, Consolas, monospace; color: #6b7280;
  font-weight: normal; letter-spacing: 0; margin-left: 6px; }
#am-panel .am-text { font-size: 15px; margin: 0 0 8px; white-space: pre-wrap; }
#am-panel blockquote { margin: 0 0 8px; padding: 4px 10px; border-left: 3px solid #9ca3af;
  color: #374151; font-style: italic; white-space: pre-wrap; }
#am-panel .am-context { font-style: normal; color: #4b5563; }
#am-panel .am-context mark { background: #fef3c7; color: #111827; font-style: italic;
  padding: 0 1px; }
#am-panel .am-where { font-size: 12px; color: #6b7280; margin: -4px 0 8px; }
#am-panel dl { margin: 0; display: grid; grid-template-columns: max-content 1fr; gap: 2px 10px; }
#am-panel dt { color: #6b7280; }
#am-panel dd { margin: 0; white-space: pre-wrap; overflow-wrap: anywhere; }
#am-panel ul { margin: 2px 0 0; padding-left: 18px; }
#am-panel .am-status { display: inline-block; padding: 1px 8px; border-radius: 10px;
  font-size: 12px; font-weight: bold; margin-bottom: 6px; }
.am-status.am-open { background: #dc2626; color: #fff; }
.am-status.am-closed { background: #def7ec; color: #057a55; }
.am-ref { cursor: pointer; text-decoration: underline dotted; }
aside h3 { font-size: 13px; margin: 16px 0 6px; }
.am-legend { list-style: none; padding: 0; margin: 0; font-size: 12px; }
.am-legend li { display: flex; align-items: center; gap: 8px; margin: 3px 0; }
.am-legend .am-sep { color: #6b7280; margin-top: 8px; }
.am-swatch { display: inline-block; width: 26px; height: 15px; flex: none; }
.am-line { display: inline-block; width: 26px; height: 0; flex: none; }
.am-k-selected { border: 3px solid var(--am-sel); box-shadow: 0 0 6px var(--am-sel); }
.am-k-attacker { border: 3px solid var(--am-att); box-shadow: 0 0 6px var(--am-att); }
.am-k-supporter { border: 3px solid var(--am-sup); box-shadow: 0 0 6px var(--am-sup); }
.am-k-target { border: 3px solid var(--am-tgt); box-shadow: 0 0 6px var(--am-tgt); }
.am-k-concession { border: 3px dashed var(--am-con); box-shadow: 0 0 6px var(--am-con); }
g.am-node { cursor: pointer; }
g.am-node:focus { outline: none; }
g.am-node:focus-visible, g.am-node.am-hover { filter: drop-shadow(0 0 3px #6b7280); }
svg g.node, svg g.edge { transition: opacity .15s; }
.am-large svg g.node, .am-large svg g.edge { transition: none; }
@media (prefers-reduced-motion: reduce) { svg g.node, svg g.edge { transition: none; } }
.am-focus g.node, .am-focus g.edge { opacity: .15; }
.am-focus g.node.am-on, .am-focus g.edge.am-lit { opacity: 1; }
g.am-selected { filter: drop-shadow(0 0 10px var(--am-sel)) drop-shadow(0 0 4px var(--am-sel)); }
g.am-attacker { filter: drop-shadow(0 0 10px var(--am-att)) drop-shadow(0 0 4px var(--am-att)); }
g.am-supporter { filter: drop-shadow(0 0 10px var(--am-sup)) drop-shadow(0 0 4px var(--am-sup)); }
g.am-target { filter: drop-shadow(0 0 10px var(--am-tgt)) drop-shadow(0 0 4px var(--am-tgt)); }
g.am-concession { filter: drop-shadow(0 0 8px var(--am-con)); }
g.am-node.am-on a > :first-child { stroke-width: 5px; }
g.am-selected a > :first-child { stroke: var(--am-sel); stroke-width: 6px; }
g.am-attacker a > :first-child { stroke: var(--am-att); }
g.am-supporter a > :first-child { stroke: var(--am-sup); }
g.am-target a > :first-child { stroke: var(--am-tgt); }
g.am-concession a > :first-child { stroke: var(--am-con); stroke-dasharray: 6 3; }
@media print { aside, .am-help, .am-zoom { display: none; } }
"""

_JS = r"""
(function () {
  "use strict";
  var XLINK = "http://www.w3.org/1999/xlink";
  var data = JSON.parse(document.getElementById("argmap-data").textContent);
  var byId = new Map();
  data.statements.forEach(function (s) { byId.set(s.id, s); });
  var canvas = document.getElementById("am-canvas");
  var panel = document.getElementById("am-panel");
  var svg = canvas.querySelector("svg");
  var nodes = new Map();
  var selected = null;
  var KINDS = { claim: "CLAIM", objection: "OBJECTION", rebuttal: "REBUTTAL",
    evidence: "EVIDENCE" };
  var REASONS = __REASONS__;

  function statementOf(g) {
    if (g.id && g.id.slice(0, 2) === "s-" && byId.has(g.id.slice(2))) return g.id.slice(2);
    var t = g.querySelector("title");
    if (t && byId.has(t.textContent)) return t.textContent;
    return null;
  }

  if (svg) {
    svg.querySelectorAll("g.node").forEach(function (g) {
      var id = statementOf(g);
      if (id === null) return;
      var s = byId.get(id);
      nodes.set(id, g);
      g.classList.add("am-node");
      g.setAttribute("data-statement", id);
      g.setAttribute("tabindex", "0");
      g.setAttribute("role", "button");
      g.setAttribute("aria-label", (KINDS[s.kind] || s.kind) + ": " + s.text);
      // the side panel shows all a tooltip would; a native tooltip would cover it
      g.querySelectorAll("title").forEach(function (t) { t.remove(); });
      g.querySelectorAll("a").forEach(function (a) {
        a.removeAttributeNS(XLINK, "title");
        a.removeAttribute("title");
      });
      g.addEventListener("mouseenter", function () { g.classList.add("am-hover"); show(id); });
      g.addEventListener("mouseleave", function () {
        g.classList.remove("am-hover");
        show(selected);
      });
      g.addEventListener("focus", function () { show(id); });
      g.addEventListener("click", function (ev) { ev.stopPropagation(); select(id); });
      g.addEventListener("keydown", function (ev) {
        if (ev.key === "Enter" || ev.key === " ") { ev.preventDefault(); select(id); }
      });
    });
  }

  // fading hundreds of groups at once costs frames; large maps switch at once
  if (nodes.size > 200) document.body.classList.add("am-large");

  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    // a lone carriage return is no line break in HTML; the drawing shows one
    if (text !== undefined && text !== null) e.textContent = String(text).replace(/\r\n?/g, "\n");
    return e;
  }

  function refList(ids) {
    var ul = el("ul");
    ids.forEach(function (rid) {
      var r = byId.get(rid);
      var li = el("li");
      var a = el("span", "am-ref", rid);
      a.setAttribute("data-ref", rid);
      a.addEventListener("click", function (ev) { ev.stopPropagation(); select(rid); });
      li.appendChild(a);
      if (r) {
        var t = r.text.length > 90 ? r.text.slice(0, 88) + "\u2026" : r.text;
        li.appendChild(document.createTextNode(": " + t));
      }
      ul.appendChild(li);
    });
    return ul;
  }

  function row(dl, term, value) {
    if (value === undefined || value === null || value === "") return;
    dl.appendChild(el("dt", null, term));
    var dd = el("dd");
    if (value instanceof Node) dd.appendChild(value);
    else dd.textContent = String(value).replace(/\r\n?/g, "\n");
    dl.appendChild(dd);
  }

  function sourceNode(src) {
    var parts = [src.author, src.title, src.publisher, src.date, src.note].filter(Boolean);
    var span = el("span", null, parts.join(", "));
    if (src.url) {
      if (parts.length) span.appendChild(document.createTextNode(" "));
      if (/^https?:\/\//i.test(src.url)) {
        var a = el("a", null, src.url);
        a.href = src.url;
        a.rel = "noopener noreferrer";
        a.target = "_blank";
        span.appendChild(a);
      } else {
        span.appendChild(document.createTextNode(src.url));
      }
    }
    return span;
  }

  function show(id) {
    panel.textContent = "";
    var s = id === null ? null : byId.get(id);
    if (!s) {
      panel.appendChild(el("p", "am-empty",
        "Hover a statement to read it in full; click it to see what attacks and supports it."));
      return;
    }
    var h = el("h2", "am-kind-" + s.kind, s.thesis ? "THESIS" : (KINDS[s.kind] || s.kind));
    h.appendChild(el("span", "am-id", s.id));
    panel.appendChild(h);
    if (s.status) {
      var open = !s.status.answered;
      var why = REASONS[s.status.reason] || s.status.reason;
      panel.appendChild(el("span", "am-status " + (open ? "am-open" : "am-closed"),
        (open ? "UNANSWERED: " : "ANSWERED: ") + why));
    }
    panel.appendChild(el("p", "am-text", s.text));
    var c = s.context;
    if (s.quote && !(c && c.found && c.verbatim)) {
      panel.appendChild(el("blockquote", "am-quote", "\u201c" + s.quote + "\u201d"));
    }
    if (c && c.found) {
      // the quote in its source: the sentence before and after, the passage marked
      var q = el("blockquote", "am-quote am-context");
      q.appendChild(document.createTextNode(c.before));
      q.appendChild(el("mark", null, c.passage));
      q.appendChild(document.createTextNode(c.after));
      panel.appendChild(q);
      var where = "source, line " + c.line + (c.verbatim ? "" : ": the source's words differ");
      if (!c.verbatim && c.differences && c.differences.length) {
        where += " (" + c.differences.join("; ") + ")";
      }
      panel.appendChild(el("p", "am-where", where));
    } else if (c) {
      panel.appendChild(el("p", "am-where", "this quote is not in the source text"));
    }
    var dl = el("dl");
    if (s.qualifier) row(dl, "qualifier", s.qualifier);
    if (s.actor) {
      var who = [s.actor.name, s.actor.affiliation].filter(Boolean).join(", ");
      if (s.actor.role) who += " (" + s.actor.role + ")";
      row(dl, "by", who);
    }
    if (s.source) row(dl, "source", sourceNode(s.source));
    if (s.note) row(dl, "note", s.note);
    if (s.tags && s.tags.length) row(dl, "tags", s.tags.join(", "));
    if (s.attackers.length) row(dl, "attacked by", refList(s.attackers));
    if (s.supporters.length) row(dl, "supported by", refList(s.supporters));
    if (s.targets.length) row(dl, "targets", refList(s.targets));
    if (s.concedes.length) row(dl, "concedes", refList(s.concedes));
    if (s.conceded_by.length) row(dl, "conceded by", refList(s.conceded_by));
    panel.appendChild(dl);
  }

  function light(key) {
    ["r-" + key, "r-" + key + "-tail", "r-" + key + "-head", "j-" + key].forEach(function (x) {
      var e = document.getElementById(x);
      if (e) { e.classList.add("am-lit"); e.classList.add("am-on"); }
    });
  }

  function mark(ids, cls) {
    ids.forEach(function (x) {
      var g = nodes.get(x);
      if (g) { g.classList.add(cls); g.classList.add("am-on"); }
    });
  }

  function clear() {
    selected = null;
    document.body.classList.remove("am-focus");
    ["am-selected", "am-attacker", "am-supporter", "am-target", "am-concession", "am-on",
      "am-lit"]
      .forEach(function (cls) {
        document.querySelectorAll("." + cls).forEach(function (e) { e.classList.remove(cls); });
      });
    show(null);
  }

  function select(id) {
    if (!byId.has(id)) return;
    clear();
    var s = byId.get(id);
    selected = id;
    document.body.classList.add("am-focus");
    mark(s.concedes.concat(s.conceded_by), "am-concession");
    mark(s.targets, "am-target");
    mark(s.supporters, "am-supporter");
    mark(s.attackers, "am-attacker");
    mark([id], "am-selected");
    s.links.forEach(light);
    show(id);
    var g = nodes.get(id);
    if (g && document.activeElement !== g) g.focus({ preventScroll: true });
    if (g) {
      var r = g.getBoundingClientRect(), c = canvas.getBoundingClientRect();
      if (r.right < c.left || r.left > c.right || r.bottom < c.top || r.top > c.bottom) {
        g.scrollIntoView({ block: "center", inline: "center" });
      }
    }
  }

  canvas.addEventListener("click", function () { clear(); });
  document.addEventListener("keydown", function (ev) { if (ev.key === "Escape") clear(); });

  // zoom: fit the drawing to the window, or show it at its natural size
  var natural = svg ? svg.viewBox.baseVal : null;
  var scale = 1;
  function zoom(z) {
    if (!svg || !natural || !natural.width) return;
    scale = Math.max(0.05, Math.min(z, 8));
    svg.style.width = (natural.width * 4 / 3 * scale) + "px";
    svg.style.height = (natural.height * 4 / 3 * scale) + "px";
  }
  function fit() {
    if (!natural || !natural.width) return;
    // fit the width (a tall map scrolls), but keep text large enough to aim at
    zoom(Math.max(0.3, Math.min(1, (canvas.clientWidth - 4) / (natural.width * 4 / 3))));
  }
  canvas.addEventListener("wheel", function (ev) {
    if (!ev.ctrlKey) return;  // ctrl + wheel zooms around the pointer; the wheel alone scrolls
    ev.preventDefault();
    var box = canvas.getBoundingClientRect();
    var x = canvas.scrollLeft + ev.clientX - box.left, y = canvas.scrollTop + ev.clientY - box.top;
    var old = scale;
    zoom(scale * (ev.deltaY < 0 ? 1.15 : 1 / 1.15));
    canvas.scrollLeft = x * scale / old - (ev.clientX - box.left);
    canvas.scrollTop = y * scale / old - (ev.clientY - box.top);
  }, { passive: false });
  document.querySelectorAll("[data-zoom]").forEach(function (b) {
    b.addEventListener("click", function () {
      var z = b.getAttribute("data-zoom");
      if (z === "fit") fit(); else if (z === "in") zoom(scale * 1.25);
      else if (z === "out") zoom(scale / 1.25); else zoom(1);
    });
  });
  fit();
  show(null);
  document.body.setAttribute("data-ready", "1");
})();
"""
# the reasons' wording comes from the analysis, as in the tables and the check's messages
_JS = _JS.replace("__REASONS__", json.dumps(REASON_TEXT, ensure_ascii=False))


def _csp(script: str) -> str:
    digest = base64.b64encode(hashlib.sha256(script.encode("utf-8")).digest()).decode("ascii")
    # no network at all: nothing may be fetched, only this page's own script runs
    return (
        "default-src 'none'; "
        f"script-src 'sha256-{digest}'; "
        "style-src 'unsafe-inline'; img-src data:; font-src 'none'; connect-src 'none'; "
        "base-uri 'none'; form-action 'none'"
    )


def _page_source(
    m: ArgumentMap, source: Any, map_path: str | os.PathLike[str] | None
) -> SourceText | None:
    """The source text the page shows quotes in (None for none)."""
    from ..anchor import SourceText, load_source

    if source is False:
        return None
    if isinstance(source, SourceText):
        return source
    return load_source(m, map_path=map_path, source=source)


def to_html(
    m: ArgumentMap,
    *,
    engine: str | None = None,
    title: bool | str = True,
    source: Any = None,
    map_path: str | os.PathLike[str] | None = None,
    **options: Any,
) -> str:
    """The map as one self-contained, interactive HTML page.

    Parameters
    ----------
    m : ArgumentMap
    engine : {"dot", "graphviz-pure"}, optional
        The layout engine (see :func:`argmap.render.engines.find_engine`).
    title : bool or str, default True
        The page's heading: True for the map's title (and its source), a
        string to replace it, False for none. The drawing never repeats it.
    source : SourceText, path or False, optional
        The text in which each statement's panel shows its quote in context
        (the sentence before and after, the quote marked; not verbatim or not
        found is said). Default: the map's own source text (``source.text``,
        or ``source.file`` relative to ``map_path``); if that file cannot be
        read, the page is drawn without context and a warning says why.
        False: no context. A path or text given here must be readable.
    map_path : path, optional
        The map's file, for the map's ``source.file`` paths (default: the
        current directory).
    **options
        Drawing options of :func:`argmap.render.to_graphviz` (e.g.
        ``highlight="unanswered"``, ``color_by="actor"``, ``legend=True``).

    Returns
    -------
    str
        The page, UTF-8 text.

    Raises
    ------
    ExecutableNotFoundError
        When no layout engine is installed.
    RenderError, OptionError
        As :func:`argmap.render.render_svg`.
    SourceError
        The ``source`` given cannot be read.

    See Also
    --------
    page_data : the data the page's script reads.
    argmap.render.render : ``render(m, "map.html")`` writes the page atomically.
    """
    from .output import render_svg

    explicit = source is not None and source is not False
    try:
        text = _page_source(m, source, map_path)
        data = page_data(m, source=text, map_path=map_path)
    except SourceError as exc:
        if explicit:
            raise
        warnings.warn(f"{exc}; the page shows quotes without their context", stacklevel=2)
        data = page_data(m)
    svg = _svg_body(render_svg(m, engine=engine, title=False, **options))
    esc = html.escape
    heading = ((m.title or "Argument map") if title is True else title) or ""
    page_title = heading or m.title or "Argument map"
    if not len(m):
        svg = '<p class="am-empty">This map has no statements yet.</p>'
    sub = []
    if m.source is not None and title is True:
        src = m.source
        sub = [p for p in (src.author, src.publisher, src.date) if p]
        if src.title and src.title != m.title:
            sub.insert(0, src.title)
    n_obj = sum(1 for s in data["statements"] if s["kind"] == "objection")
    n_open = sum(1 for s in data["statements"] if "status" in s and not s["status"]["answered"])
    counts = f"{len(m)} statements, {len(m.relations())} relations, {n_obj} objections"
    counts += f" ({n_open} unanswered)" if n_obj else ""
    sub_line = " \u00b7 ".join([*sub, counts])
    script = _JS
    return (
        "<!DOCTYPE html>\n"
        '<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        f'<meta http-equiv="Content-Security-Policy" content="{esc(_csp(script))}">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        '<meta name="generator" content="argmap">\n'
        f"<title>{esc(page_title)}</title>\n<style>{_CSS}</style>\n</head>\n<body>\n"
        '<header><div class="am-zoom" role="toolbar" aria-label="zoom">'
        '<button type="button" data-zoom="out" title="zoom out">\u2212</button>'
        '<button type="button" data-zoom="fit" title="fit to window">fit</button>'
        '<button type="button" data-zoom="1" title="actual size">1:1</button>'
        '<button type="button" data-zoom="in" title="zoom in">+</button></div>'
        + (f'<h1 id="am-title">{esc(heading)}</h1>\n' if heading else "")
        + f'<div class="am-sub">{esc(sub_line)}</div>\n'
        '<div class="am-help">Hover a statement for its full text, quote, author and source. '
        "Click it to highlight what attacks it (red) and supports it (green) and what it "
        "targets (blue), and concessions (grey); click the background or press Esc to clear."
        "</div></header>\n"
        f'<main><div id="am-canvas">{svg}</div>\n'
        '<aside><div id="am-panel" aria-live="polite"></div>\n'
        f"<h3>Legend</h3>{_legend_html(options.get('highlight') == 'unanswered')}</aside></main>\n"
        f'<script type="application/json" id="argmap-data">{json_for_script(data)}</script>\n'
        f"<script>{script}</script>\n"
        "</body>\n</html>\n"
    )
