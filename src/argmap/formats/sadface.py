"""SADFace: the Simple Argument Description Format (Simon Wells), read and written.

A SADFace document is ``{"metadata": {"core": {...}, ...}, "resources": [...],
"nodes": [...], "edges": [{id, source_id, target_id}]}``. Nodes are ``atom`` (a
proposition: ``text``, ``sources``, ``metadata``) or argument nodes: in v0.2 a
``"type": "scheme"`` node whose ``name`` is ``support`` or ``conflict`` (or a scheme
name, read as a support), in v0.5 ``inference`` and ``conflict`` nodes.

Reading
-------
The graph is read with the AIF rules (:mod:`argmap.formats.aif`): atoms are
statements, an inference (or support scheme) gives ``supports`` from each premise,
a conflict gives an attack, and a conflict aimed at an inference or conflict node
gives ``undercuts``. Statement kinds are inferred from the attacks exactly as for AIF
(claim unless it attacks; what attacks a claim is an objection, what attacks an
objection a rebuttal, ...; symmetric conflicts and attacks the roles cannot carry
become ``contradicts``). The scheme name is kept in ``Relation.meta["scheme"]``, an
atom's ``sources`` and non-argmap ``metadata`` in ``meta["sadface"]``, the document
title in the map's title.

SADFace namespaces its metadata, so argmap writes what SADFace has no field for in
an ``argmap`` namespace: the statement's kind, ``by``, ``quote``, ``source``,
``tags``, ``note``, ``qualifier``, ``weight`` and ``meta``; the relation's kind, id,
note and meta; the map's actors and source; its ``concedes`` relations (SADFace
has no node for a concession, which neither supports nor conflicts: they are a
list ``concessions`` of ``{from, to, id, note, meta}``, and other SADFace tools do
not see them). The map's ``source.text`` is a ``text`` resource. Files written by
argmap therefore read back whole (kinds stated there are kept, not inferred).

Reading, a document's single ``text`` resource becomes the map's ``source.text``.
Not kept (reported as warnings): other ``resources`` (source texts), the
``core`` metadata other than ``title`` (analyst, dates, description, notes),
other metadata namespaces of the document and of argument nodes. Edge ids are not
kept either, without a warning: an edge is known by its ends, and the writer makes
its ids from them.

Writing
-------
Writes SADFace 0.5 (``atom``, ``inference``, ``conflict`` nodes), one argument
node per relation: a linked argument read from SADFace (one inference, several
premises) is written back as one inference per premise. A ``contradicts`` is one
conflict node (marked as such in its ``argmap`` metadata). What SADFace
(with the ``argmap`` namespace) cannot hold: nothing; other SADFace tools see only
the texts and the support/conflict structure.

Examples
--------
>>> import argmap
>>> m = argmap.ArgumentMap(title="Lunch")
>>> c = m.claim("We eat out.", id="c")
>>> o = m.objection("It costs too much.", id="o", against=c)
>>> back, warnings = read_sadface(dumps_sadface(m))
>>> back == m, warnings
(True, [])
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from pydantic import ValidationError

from ..errors import FormatError
from ..model import STATEMENT_KINDS, Actor, Source, document_adapter
from . import Format, Loaded, _load_builtin, register_format
from ._json import line_of, parse_json, sniff_json
from .aif import _bulk, _Reader

if TYPE_CHECKING:
    from ..map import ArgumentMap

__all__ = ["map_from_sadface", "sadface_from_map", "read_sadface", "dumps_sadface"]

SADFACE_VERSION = "0.5"
_NS = "argmap"
_CONFLICT_NAMES = ("conflict",)


def _kind_of(node: Mapping[str, Any]) -> str | None:
    """The AIF node type a SADFace node plays: I, RA or CA (None when unknown)."""
    t = node.get("type")
    if t == "atom":
        return "I"
    if t == "inference":
        return "RA"
    if t == "conflict":
        return "CA"
    if t == "scheme":
        name = str(node.get("name") or "").strip().lower()
        return "CA" if name in _CONFLICT_NAMES else "RA"
    return None


def map_from_sadface(data: Any, *, path: str | None = None, text: str | None = None) -> Loaded:
    """Build a map from parsed SADFace data; see the module docstring for the rules.

    Raises
    ------
    FormatError
        For data that is not SADFace, naming the node or edge at fault (and its line).
    """

    def fail(message: str, *, key: str | None = None, value: Any = None) -> FormatError:
        line = line_of(text, key, value) if key is not None else None
        return FormatError(f"SADFace: {message}", path=path, line=line)

    if not isinstance(data, Mapping):
        raise fail(f"expected a JSON object, found {type(data).__name__}")
    for key in ("nodes", "edges"):
        if not isinstance(data.get(key, []), list):
            raise fail(f"{key!r} must be a list")
    metadata = data.get("metadata") or {}
    if not isinstance(metadata, Mapping):
        raise fail("'metadata' must be an object")
    warnings: list[str] = []
    core = metadata.get("core") or {}
    if not isinstance(core, Mapping):
        raise fail("'metadata.core' must be an object")
    lost_core = sorted(
        k for k, v in core.items() if k not in ("title", "version") and v not in (None, "", [])
    )
    if lost_core:
        warnings.append(f"document metadata not kept: core {', '.join(lost_core)}")
    other_ns = sorted(k for k, v in metadata.items() if k not in ("core", _NS) and v)
    if other_ns:
        warnings.append(f"document metadata namespace(s) not kept: {', '.join(other_ns)}")
    resources = data.get("resources") or []
    # one text resource is the mapped text: the map's source.text
    texts = [
        r
        for r in (resources if isinstance(resources, list) else [])
        if isinstance(r, Mapping) and r.get("type") == "text" and isinstance(r.get("content"), str)
    ]
    source_text = texts[0]["content"] if len(texts) == 1 else None
    rest = len(resources) - (source_text is not None) if isinstance(resources, list) else "the"
    if rest:
        warnings.append(f"{rest} resource(s) (source texts) not kept")
    ours: Any = metadata.get(_NS) if isinstance(metadata.get(_NS), Mapping) else {}

    nodes, by_id, stated_kinds = [], {}, {}
    stated_contradicts: set[str] = set()
    stated_conflicts: set[str] = set()
    lost_meta = []
    for i, node in enumerate(data.get("nodes") or []):
        if not isinstance(node, Mapping) or not isinstance(node.get("id"), (str, int)):
            raise fail(f"node {i + 1} has no 'id'")
        nid = str(node["id"])
        if nid in by_id:
            raise fail(f"node id {nid!r} is used twice", key="id", value=node["id"])
        kind = _kind_of(node)
        if kind is None:
            raise fail(
                f"node {nid!r} has unknown type {node.get('type')!r} "
                "(must be atom, inference, conflict or scheme)",
                key="id",
                value=node["id"],
            )
        by_id[nid] = node
        meta: Any = node.get("metadata") if isinstance(node.get("metadata"), Mapping) else {}
        mine: Any = meta.get(_NS) if isinstance(meta.get(_NS), Mapping) else {}
        if kind == "I":
            if not isinstance(node.get("text", ""), str):
                raise fail(f"atom {nid!r}: 'text' must be a string", key="id", value=node["id"])
            if mine.get("kind") is not None:
                if mine["kind"] not in STATEMENT_KINDS:
                    raise fail(
                        f"atom {nid!r}: argmap kind {mine['kind']!r} is not one of "
                        f"{', '.join(STATEMENT_KINDS)}",
                        key="id",
                        value=node["id"],
                    )
                stated_kinds[nid] = mine["kind"]
        else:
            if mine.get("kind") == "contradicts":
                stated_contradicts.add(nid)
            if kind == "CA" and mine.get("kind"):
                stated_conflicts.add(nid)
            if any(k != _NS and v for k, v in meta.items()):
                lost_meta.append(nid)
        aif_node = {"nodeID": nid, "type": kind, "text": node.get("text") or ""}
        if kind != "I":
            aif_node["text"] = node.get("name") or ("Default Conflict" if kind == "CA" else "")
        nodes.append(aif_node)
    if lost_meta:
        warnings.append(
            f"metadata of {len(lost_meta)} inference/conflict node(s) not kept: "
            + ", ".join(map(repr, lost_meta[:3]))
        )
    edges = []
    for i, edge in enumerate(data.get("edges") or []):
        if not isinstance(edge, Mapping):
            raise fail(f"edge {i + 1} is not an object")
        eid = edge.get("id", i + 1)
        for end in ("source_id", "target_id"):
            ref = edge.get(end)
            if ref is None or str(ref) not in by_id:
                raise fail(f"edge {eid!r}: {end} {ref!r} names no node", key="id", value=eid)
        edges.append({"fromID": str(edge["source_id"]), "toID": str(edge["target_id"])})

    reader = _Reader(
        {"nodes": nodes, "edges": edges},
        path=path,
        text=None,
        stated_kinds=stated_kinds,
        stated_contradicts=frozenset(stated_contradicts),
        stated_conflicts=frozenset(stated_conflicts),
    )
    with _bulk():
        statements, relations = reader.parts()
    warnings += [w.replace("RA", "inference").replace("CA", "conflict") for w in reader.warnings]

    # carry the SADFace node itself, and what the argmap namespace states, onto the map
    actors = {a.id: a for a in reader.actors.values()}
    if not isinstance(ours.get("actors") or [], list):
        raise fail("metadata.argmap.actors must be a list")
    for raw in ours.get("actors") or []:
        try:
            a = Actor.model_validate(raw)
        except ValidationError as exc:
            raise fail(f"metadata.argmap.actors: {exc.errors()[0]['msg']}: {raw!r}") from None
        actors[a.id] = a
    for s in statements:
        node = by_id[s["meta"]["aif"]["nodeID"]]
        meta = dict(node["metadata"]) if isinstance(node.get("metadata"), Mapping) else {}
        mine = meta.pop(_NS, None)
        mine = mine if isinstance(mine, Mapping) else {}
        s["meta"] = {}
        sad = {}
        if isinstance(node.get("sources"), list) and node["sources"]:
            sad["sources"] = node["sources"]
        elif node.get("sources"):
            warnings.append(f"atom {s['id']!r}: 'sources' is not a list; not kept")
        if meta:
            sad["metadata"] = meta
        if sad:
            s["meta"]["sadface"] = sad
        for field in ("by", "quote", "source", "tags", "note", "qualifier", "weight"):
            if mine.get(field) is not None:
                s[field] = mine[field]
        if isinstance(mine.get("meta"), Mapping):
            s["meta"].update(mine["meta"])
        if isinstance(s.get("by"), str) and s["by"] not in actors:  # else the model says why
            actors[s["by"]] = Actor(id=s["by"], name=s["by"])
            warnings.append(f"statement {s['id']!r}: actor {s['by']!r} not declared; added")
    renamed: dict[str, str | None] = {}
    olds: list[str] = []
    for r in relations:
        node = by_id[r["meta"]["aif"]["nodeID"]]
        old_id = r["id"]
        meta = node.get("metadata") if isinstance(node.get("metadata"), Mapping) else {}
        mine = meta.get(_NS) if isinstance(meta.get(_NS), Mapping) else {}
        r["meta"] = {"scheme": node["name"]} if node.get("name") else {}
        if mine:
            if "id" in mine:
                if mine["id"] is not None and not isinstance(mine["id"], str):
                    raise fail(f"node {node['id']!r}: argmap id {mine['id']!r} is not a string")
                r["id"] = mine["id"]
            if mine.get("note") is not None:
                r["note"] = mine["note"]
            r["meta"] = dict(mine["meta"]) if isinstance(mine.get("meta"), Mapping) else {}
        renamed[old_id] = r["id"]
        olds.append(old_id)
    for r in relations:
        if r["kind"] == "undercuts":
            r["to"] = renamed.get(r["to"]) or r["to"]
    targets = {r["to"] for r in relations if r["kind"] == "undercuts"}
    for r, old in zip(relations, olds, strict=True):
        if r["id"] is None:
            if old in targets:  # something undercuts it: it needs its id
                r["id"] = old
            else:
                del r["id"]
    # concessions are no SADFace node (they neither support nor conflict): argmap's own list
    concessions = ours.get("concessions") or []
    if not isinstance(concessions, list) or not all(isinstance(c, Mapping) for c in concessions):
        raise fail("metadata.argmap.concessions must be a list of objects")
    relations += [{**c, "kind": "concedes"} for c in concessions]
    title = core.get("title") if isinstance(core.get("title"), str) else None
    try:
        source = None if ours.get("source") is None else Source.model_validate(ours["source"])
    except ValidationError as exc:
        raise fail(f"metadata.argmap.source: {exc.errors()[0]['msg']}") from None
    if source_text is not None and (source is None or source.text is None):
        source = (source or Source()).model_copy(update={"text": source_text})
    try:
        doc = document_adapter.validate_python(
            {
                "title": title,
                "source": source,
                "actors": list(actors.values()),
                "statements": statements,
                "relations": relations,
            }
        )
    except ValidationError as exc:
        err = exc.errors()[0]
        where = ".".join(str(p) for p in err["loc"])
        raise fail(f"argmap metadata does not fit the model at {where}: {err['msg']}") from None
    from ..map import ArgumentMap

    m = ArgumentMap.from_document(doc, validate=False)
    problems = m.problems()
    if problems:
        raise FormatError(
            "SADFace: the argmap metadata breaks the map's rules: " + "; ".join(problems),
            path=path,
        )
    return Loaded(m, warnings)


def read_sadface(text: str, path: str | None = None) -> Loaded:
    """Read SADFace JSON text: ``(map, warnings)``."""
    return map_from_sadface(parse_json(text, path, what="SADFace JSON"), path=path, text=text)


# --------------------------------------------------------------------------- writing


def _clean(value: Any) -> Any:
    return json.loads(json.dumps(value, ensure_ascii=False))


def sadface_from_map(m: ArgumentMap) -> dict[str, Any]:
    """The map as a SADFace 0.5 document (plain data).

    Examples
    --------
    >>> import argmap
    >>> m = argmap.ArgumentMap(title="T")
    >>> _ = m.claim("A.", id="a", supports=m.claim("B.", id="b"))
    >>> doc = sadface_from_map(m)
    >>> [(n["id"], n["type"]) for n in doc["nodes"]]
    [('b', 'atom'), ('a', 'atom'), ('a>supports>b', 'inference')]
    """
    core: dict[str, Any] = {"version": SADFACE_VERSION}
    if m.title is not None:
        core["title"] = m.title
    ns: dict[str, Any] = {}
    if m.actors():
        ns["actors"] = [a.model_dump(mode="json", exclude_none=True) for a in m.actors()]
    resources: list[dict[str, Any]] = []
    if m.source is not None:
        ns["source"] = m.source.model_dump(mode="json", exclude_none=True, exclude={"text"})
        if m.source.text is not None:
            # the id the atoms' sources name, when they name one (as in the file read)
            named = {
                src.get("resource_id")
                for s in m.statements()
                if isinstance(s.meta.get("sadface"), Mapping)
                and isinstance(s.meta["sadface"].get("sources"), list)
                for src in s.meta["sadface"]["sources"]
                if isinstance(src, Mapping) and isinstance(src.get("resource_id"), str)
            }
            rid = named.pop() if len(named) == 1 else "source-text"
            resources.append({"id": rid, "type": "text", "content": m.source.text, "metadata": {}})
    concessions = [
        r.model_dump(mode="json", by_alias=True, exclude={"kind"}, exclude_none=True)
        for r in m.relations("concedes")
    ]
    for c in concessions:
        if not c.get("meta"):
            c.pop("meta", None)
    if concessions:
        ns["concessions"] = concessions
    metadata: dict[str, Any] = {"core": core}
    if ns:
        metadata[_NS] = ns
    nodes: list[dict[str, Any]] = []
    edges: list[dict[str, Any]] = []
    used = {s.id for s in m.statements()}
    for s in m.statements():
        sad: Any = s.meta.get("sadface") if isinstance(s.meta.get("sadface"), Mapping) else {}
        mine: dict[str, Any] = {"kind": s.kind}
        for field in ("by", "quote", "note", "qualifier", "weight"):
            if getattr(s, field) is not None:
                mine[field] = getattr(s, field)
        if s.tags:
            mine["tags"] = list(s.tags)
        if s.source is not None:
            mine["source"] = s.source.model_dump(mode="json", exclude_none=True)
        rest = {k: v for k, v in s.meta.items() if k != "sadface"}
        if rest:
            mine["meta"] = _clean(rest)
        theirs = sad.get("metadata")
        node_meta = dict(theirs) if isinstance(theirs, Mapping) else {}
        node_meta[_NS] = mine
        sources = sad.get("sources")
        nodes.append(
            {
                "id": s.id,
                "type": "atom",
                "text": s.text,
                "sources": list(sources) if isinstance(sources, list) else [],
                "metadata": node_meta,
            }
        )
    node_of: dict[str, str] = {}
    drawn = [r for r in m.relations() if r.kind != "concedes"]
    for r in drawn:
        nid = r.id or r.key
        while nid in used:
            nid += "'"
        used.add(nid)
        node_of[r.key] = nid
    for r in drawn:
        nid = node_of[r.key]
        mine = {"kind": r.kind, "id": r.id}  # a null id says: no id, not the node's
        if r.note is not None:
            mine["note"] = r.note
        if r.meta:
            mine["meta"] = _clean(r.meta)
        node: dict[str, Any] = {"id": nid}
        if r.kind == "supports":
            scheme = r.meta.get("scheme")
            node.update(type="inference", name=scheme if isinstance(scheme, str) else "support")
        else:
            node.update(type="conflict", name="conflict")
        node["metadata"] = {_NS: mine}
        nodes.append(node)
        target = node_of[r.to] if r.kind == "undercuts" else r.to
        for a, b in ((r.from_, nid), (nid, target)):
            edges.append({"id": f"{a}->{b}", "source_id": a, "target_id": b})
    return {"metadata": metadata, "resources": resources, "nodes": nodes, "edges": edges}


def dumps_sadface(m: ArgumentMap) -> str:
    """The map as SADFace JSON text (see :func:`sadface_from_map`)."""
    return json.dumps(sadface_from_map(m), ensure_ascii=False, indent=2) + "\n"


def sniff_sadface(text: str) -> bool:
    """True for SADFace: ``metadata``, and ``nodes`` typed atom, scheme, inference or conflict."""
    data = sniff_json(text)
    if not isinstance(data, Mapping) or not isinstance(data.get("metadata"), Mapping):
        return False
    nodes = data.get("nodes")
    if not isinstance(nodes, list) or "edges" not in data:
        return False
    sample = [n for n in nodes[:50] if isinstance(n, Mapping)]
    return all(_kind_of(n) is not None for n in sample)


# the native formats come first in the registry, so that they win ties on '.json'
_load_builtin()

register_format(
    Format(
        name="sadface",
        extensions=(".sadface.json", ".json"),
        description="SADFace JSON (v0.2 and v0.5): atoms, inference and conflict nodes",
        read=read_sadface,
        write=dumps_sadface,
        sniff=sniff_sadface,
    )
)
