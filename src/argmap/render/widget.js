// argmap's map widget (anywidget ESM). No imports, no network: everything it shows comes
// from the model's traits: `svg` (argmap's own drawing), `data` (statements and links, see
// argmap.render.html.page_data), `status` (labels, unanswered objections, theses, computed
// in Python by argmap.what_if), `selected` and `defeated` (read and written by both sides).
// Text goes into the page with textContent only.

const KINDS = { claim: "CLAIM", objection: "OBJECTION", rebuttal: "REBUTTAL", evidence: "EVIDENCE" };
const LABELS = { in: "IN (accepted)", out: "OUT (defeated)", undec: "UNDECIDED" };
const VERDICTS = { in: "STANDS", out: "FALLS", undec: "UNDECIDED" };
const XLINK = "http://www.w3.org/1999/xlink";
const STATE_CLASSES = ["amw-st-in", "amw-st-out", "amw-st-undec", "amw-defeated",
  "amw-unanswered", "amw-changed"];
const FOCUS_CLASSES = ["amw-selected", "amw-attacker", "amw-supporter", "amw-target",
  "amw-on", "amw-lit"];

function el(tag, cls, text) {
  const e = document.createElement(tag);
  if (cls) e.className = cls;
  if (text !== undefined && text !== null) e.textContent = String(text).replace(/\r\n?/g, "\n");
  return e;
}

function render({ model, el: host }) {
  const root = el("div", "argmap-widget");
  const bar = el("div", "amw-bar");
  const verdicts = el("div", "amw-verdicts");
  const tools = el("div", "amw-tools");
  const buttons = {};
  for (const [name, label, title] of [["out", "\u2212", "zoom out"], ["fit", "fit", "fit"],
    ["in", "+", "zoom in"], ["reset", "clear what-if", "defeat nothing"]]) {
    const b = el("button", "amw-btn", label);
    b.type = "button";
    b.title = title;
    b.dataset.action = name;
    tools.appendChild(b);
    buttons[name] = b;
  }
  bar.append(verdicts, tools);
  const main = el("div", "amw-main");
  const canvas = el("div", "amw-canvas");
  const side = el("div", "amw-side");
  const panel = el("div", "amw-panel");
  const toggleRow = el("label", "amw-defeat");
  const toggle = el("input");
  toggle.type = "checkbox";
  toggle.className = "amw-defeat-toggle";
  toggleRow.append(toggle, el("span", null, "Defeat this statement"));
  const summary = el("div", "amw-summary");
  // the toggle and the what-if's summary first: a long statement must not push them away
  side.append(toggleRow, summary, panel);
  main.append(canvas, side);
  root.append(bar, main);
  host.appendChild(root);

  let byId = new Map();
  let nodes = new Map();
  let svg = null;
  let view = null; // the viewBox: {x, y, w, h}
  let natural = null;
  let hovered = null;

  function selected() { return model.get("selected") || null; }
  function defeated() { return model.get("defeated") || []; }
  function status() { return model.get("status") || {}; }
  // each objection status reason in words (argmap.analysis.dialectic.REASON_TEXT)
  const reasons = (model.get("data") || {}).reasons || {};

  // ------------------------------------------------------------------ drawing
  function loadSvg() {
    canvas.textContent = "";
    nodes = new Map();
    byId = new Map();
    const data = model.get("data") || {};
    for (const s of data.statements || []) byId.set(s.id, s);
    // the status fills come from argmap.render.style.STATUS_COLORS
    for (const [label, color] of Object.entries(data.colors || {})) {
      root.style.setProperty("--amw-" + label, color);
    }
    const holder = el("div");
    holder.innerHTML = model.get("svg") || "";
    svg = holder.querySelector("svg");
    if (!svg) {
      canvas.appendChild(el("p", "amw-empty", "This map has nothing to draw."));
      return;
    }
    const vb = svg.viewBox.baseVal;
    natural = vb && vb.width ? { x: vb.x, y: vb.y, w: vb.width, h: vb.height } : null;
    svg.removeAttribute("width");
    svg.removeAttribute("height");
    svg.setAttribute("preserveAspectRatio", "xMidYMid meet");
    canvas.appendChild(svg);
    svg.querySelectorAll("g.node").forEach((g) => {
      const id = g.id && g.id.startsWith("s-") ? g.id.slice(2) : null;
      if (id === null || !byId.has(id)) return;
      const s = byId.get(id);
      nodes.set(id, g);
      g.classList.add("amw-node");
      g.setAttribute("data-statement", id);
      g.setAttribute("tabindex", "0");
      g.setAttribute("role", "button");
      g.setAttribute("aria-label", (KINDS[s.kind] || s.kind) + ": " + s.text);
      // the side panel shows all a tooltip would; a native tooltip would cover the drawing
      g.querySelectorAll("title").forEach((t) => t.remove());
      g.querySelectorAll("a").forEach((a) => {
        a.removeAttributeNS(XLINK, "title");
        a.removeAttribute("title");
      });
      g.addEventListener("mouseenter", () => { hovered = id; g.classList.add("amw-hover"); show(); });
      g.addEventListener("mouseleave", () => { hovered = null; g.classList.remove("amw-hover"); show(); });
      g.addEventListener("click", (ev) => {
        ev.stopPropagation();
        if (!dragged) select(id);
      });
      g.addEventListener("keydown", (ev) => {
        if (ev.key === "Enter" || ev.key === " ") { ev.preventDefault(); select(id); }
      });
    });
    fit();
  }

  // ------------------------------------------------------------------ pan and zoom
  function apply() {
    if (svg && view) svg.setAttribute("viewBox", `${view.x} ${view.y} ${view.w} ${view.h}`);
  }
  function fit() {
    if (!natural) return;
    view = { ...natural };
    apply();
  }
  function zoomAt(factor, cx, cy) {
    if (!view) return;
    const w = Math.min(Math.max(view.w / factor, natural.w / 40), natural.w * 4);
    const k = w / view.w;
    view = { x: cx - (cx - view.x) * k, y: cy - (cy - view.y) * k, w, h: view.h * k };
    apply();
  }
  function toSvg(ev) {
    const r = svg.getBoundingClientRect();
    // preserveAspectRatio meet: one scale, the drawing centred
    const s = Math.max(view.w / r.width, view.h / r.height);
    const ox = (r.width - view.w / s) / 2, oy = (r.height - view.h / s) / 2;
    return { x: view.x + (ev.clientX - r.left - ox) * s, y: view.y + (ev.clientY - r.top - oy) * s, s };
  }
  canvas.addEventListener("wheel", (ev) => {
    if (!svg || !view) return;
    ev.preventDefault();
    const p = toSvg(ev);
    zoomAt(ev.deltaY < 0 ? 1.15 : 1 / 1.15, p.x, p.y);
  }, { passive: false });
  let drag = null;
  let dragged = false;
  canvas.addEventListener("pointerdown", (ev) => {
    if (!svg || !view || ev.button !== 0) return;
    drag = { x: ev.clientX, y: ev.clientY, view: { ...view }, s: toSvg(ev).s, id: ev.pointerId };
    dragged = false;
  });
  canvas.addEventListener("pointermove", (ev) => {
    if (!drag) return;
    const dx = ev.clientX - drag.x, dy = ev.clientY - drag.y;
    if (!dragged && Math.hypot(dx, dy) < 4) return;
    if (!dragged) { dragged = true; canvas.setPointerCapture(drag.id); canvas.classList.add("amw-panning"); }
    view = { ...drag.view, x: drag.view.x - dx * drag.s, y: drag.view.y - dy * drag.s };
    apply();
  });
  const endDrag = () => {
    drag = null;
    canvas.classList.remove("amw-panning");
    // the click that ends a drag is not a selection; the next one is
    setTimeout(() => { dragged = false; }, 0);
  };
  canvas.addEventListener("pointerup", endDrag);
  canvas.addEventListener("pointercancel", endDrag);
  canvas.addEventListener("click", () => { if (!dragged) select(null); });
  buttons.in.addEventListener("click", () => view && zoomAt(1.25, view.x + view.w / 2, view.y + view.h / 2));
  buttons.out.addEventListener("click", () => view && zoomAt(0.8, view.x + view.w / 2, view.y + view.h / 2));
  buttons.fit.addEventListener("click", fit);
  buttons.reset.addEventListener("click", () => { model.set("defeated", []); model.save_changes(); });

  // ------------------------------------------------------------------ selection
  function select(id) {
    model.set("selected", id);
    model.save_changes();
  }

  function light(key) {
    for (const x of ["r-" + key, "r-" + key + "-tail", "r-" + key + "-head", "j-" + key]) {
      const e = svg && svg.querySelector(`[id="${CSS.escape(x)}"]`);
      if (e) e.classList.add("amw-lit", "amw-on");
    }
  }

  function mark(ids, cls) {
    for (const x of ids) {
      const g = nodes.get(x);
      if (g) g.classList.add(cls, "amw-on");
    }
  }

  function showSelection() {
    for (const cls of FOCUS_CLASSES) root.querySelectorAll("." + cls).forEach((e) => e.classList.remove(cls));
    const id = selected();
    const s = id === null ? null : byId.get(id);
    root.classList.toggle("amw-focus", Boolean(s));
    root.dataset.selected = s ? id : "";
    if (s) {
      mark(s.targets, "amw-target");
      mark(s.supporters, "amw-supporter");
      mark(s.attackers, "amw-attacker");
      mark([id], "amw-selected");
      s.links.forEach(light);
    }
    toggleRow.classList.toggle("amw-hidden", !s);
    side.scrollTop = 0;
    toggle.checked = Boolean(s) && defeated().includes(id);
    show();
  }

  toggle.addEventListener("change", () => {
    const id = selected();
    if (!id) return;
    const now = defeated().filter((x) => x !== id);
    if (toggle.checked) now.push(id);
    root.dataset.pending = "1";
    model.set("defeated", now);
    model.save_changes();
  });

  // ------------------------------------------------------------------ the side panel
  function row(dl, term, value) {
    if (value === undefined || value === null || value === "") return;
    dl.appendChild(el("dt", null, term));
    const dd = el("dd");
    if (value instanceof Node) dd.appendChild(value);
    else dd.textContent = String(value).replace(/\r\n?/g, "\n");
    dl.appendChild(dd);
  }

  function refList(ids) {
    const ul = el("ul");
    for (const rid of ids) {
      const r = byId.get(rid);
      const li = el("li");
      const a = el("span", "amw-ref", rid);
      a.addEventListener("click", (ev) => { ev.stopPropagation(); select(rid); });
      li.appendChild(a);
      if (r) li.appendChild(document.createTextNode(": " + (r.text.length > 80 ? r.text.slice(0, 78) + "\u2026" : r.text)));
      ul.appendChild(li);
    }
    return ul;
  }

  function sourceText(src) {
    return [src.author, src.title, src.publisher, src.date, src.url, src.note].filter(Boolean).join(", ");
  }

  function show() {
    panel.textContent = "";
    const id = hovered || selected();
    const s = id === null ? null : byId.get(id);
    if (!s) {
      panel.appendChild(el("p", "amw-empty",
        "Hover a statement to read it; click it to see what attacks and supports it, " +
        "and to defeat it. Drag to pan, scroll to zoom."));
      return;
    }
    const st = status();
    const label = (st.labels || {})[id];
    const h = el("h3", "amw-kind-" + s.kind, s.thesis ? "THESIS" : (KINDS[s.kind] || s.kind));
    h.appendChild(el("span", "amw-id", s.id));
    panel.appendChild(h);
    if (label) {
      const before = (st.before || {})[id];
      const chip = el("span", "amw-chip amw-chip-" + label, LABELS[label] || label);
      panel.appendChild(chip);
      if (before && before !== label) panel.appendChild(el("span", "amw-was", "was " + (LABELS[before] || before)));
    }
    const obj = (st.objections || {})[id];
    if (obj) {
      panel.appendChild(el("div", "amw-answer " + (obj.answered ? "amw-answered" : "amw-open"),
        (obj.answered ? "ANSWERED: " : "UNANSWERED: ") + (reasons[obj.reason] || obj.reason)));
    }
    panel.appendChild(el("p", "amw-text", s.text));
    if (s.quote) panel.appendChild(el("blockquote", "amw-quote", "\u201c" + s.quote + "\u201d"));
    const dl = el("dl");
    if (s.actor) {
      let who = [s.actor.name, s.actor.affiliation].filter(Boolean).join(", ");
      if (s.actor.role) who += " (" + s.actor.role + ")";
      row(dl, "by", who);
    }
    if (s.source) row(dl, "source", sourceText(s.source));
    if (s.note) row(dl, "note", s.note);
    if (s.attackers.length) row(dl, "attacked by", refList(s.attackers));
    if (s.supporters.length) row(dl, "supported by", refList(s.supporters));
    if (s.targets.length) row(dl, "targets", refList(s.targets));
    panel.appendChild(dl);
  }

  // ------------------------------------------------------------------ statuses
  function showStatus() {
    const st = status();
    const labels = st.labels || {};
    const unanswered = new Set(st.unanswered || []);
    const gone = new Set(st.defeated || []);
    const changed = new Set(st.changed || []);
    for (const [id, g] of nodes) {
      g.classList.remove(...STATE_CLASSES);
      if (labels[id]) g.classList.add("amw-st-" + labels[id]);
      if (gone.has(id)) g.classList.add("amw-defeated");
      if (unanswered.has(id)) g.classList.add("amw-unanswered");
      if (changed.has(id)) g.classList.add("amw-changed");
    }
    verdicts.textContent = "";
    for (const t of st.theses || []) {
      const v = el("span", "amw-verdict amw-verdict-" + (t.after || "gone"));
      v.dataset.thesis = t.id;
      v.appendChild(el("b", null, "Thesis " + t.id + ": "));
      v.appendChild(document.createTextNode(t.after ? VERDICTS[t.after] : "REMOVED"));
      if (t.before !== t.after) v.appendChild(el("span", "amw-was", " (was " + (VERDICTS[t.before] || "-") + ")"));
      v.addEventListener("click", () => select(t.id));
      verdicts.appendChild(v);
    }
    summary.textContent = "";
    if (st.error) summary.appendChild(el("p", "amw-error", st.error));
    const d = st.defeated || [];
    if (d.length) {
      summary.appendChild(el("p", null, "What if " + d.join(", ") + (d.length > 1 ? " are" : " is") +
        " defeated (" + st.semantics + ", supports " + st.support + "): " +
        (st.changed || []).length + " label(s) change."));
      if ((st.newly_unanswered || []).length) summary.appendChild(el("p", "amw-open-text", "Newly unanswered: " + st.newly_unanswered.join(", ")));
      if ((st.newly_answered || []).length) summary.appendChild(el("p", null, "Newly answered: " + st.newly_answered.join(", ")));
    } else {
      summary.appendChild(el("p", "amw-muted", "Nothing defeated: the map as it stands (" +
        st.semantics + ", supports " + st.support + "); " + unanswered.size + " unanswered objection(s)."));
    }
    buttons.reset.disabled = d.length === 0;
    root.dataset.defeated = d.join(" ");
    delete root.dataset.pending;
    toggle.checked = Boolean(selected()) && defeated().includes(selected());
    show();
  }

  const onSvg = () => { loadSvg(); showStatus(); showSelection(); };
  // the drawing and the side panel share one height; the panel scrolls
  const onHeight = () => { main.style.height = (model.get("height") || 560) + "px"; };
  model.on("change:svg", onSvg);
  model.on("change:data", onSvg);
  model.on("change:status", showStatus);
  model.on("change:selected", showSelection);
  model.on("change:defeated", showSelection);
  model.on("change:height", onHeight);
  onHeight();
  onSvg();
  root.dataset.ready = "1";
  return () => {
    model.off("change:svg", onSvg);
    model.off("change:data", onSvg);
    model.off("change:status", showStatus);
    model.off("change:selected", showSelection);
    model.off("change:defeated", showSelection);
    model.off("change:height", onHeight);
  };
}

export default { render };
