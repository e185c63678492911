"""networkx interop: ``from_networkx`` (inverse of ``to_networkx``), GraphML and node-link JSON.

:meth:`ArgumentMap.to_networkx` gives a :class:`networkx.MultiDiGraph` whose nodes
are statement ids with the statement's fields as attributes and whose edges carry
the relation's fields (an undercut is an edge to the undercut relation's target
statement, with ``undercuts`` naming the relation). :func:`from_networkx` reads such
a graph back, checking every attribute and naming the node or edge at fault.

Two file formats build on it:

``graphml`` (``.graphml``)
    For yEd, Gephi and Cytoscape: GraphML allows only scalar attributes, so none is
    ``None`` (missing values are simply absent), ``tags`` are joined with ``", "``, the
    statement's ``source`` becomes ``source_title``, ``source_author``, ... (an
    empty source is ``source="{}"``) and ``meta`` is a JSON string; nodes also get a
    ``label`` (the text, which Gephi shows). The map's title, source and actors are
    graph attributes (actors as a JSON string). argmap reads these files back whole,
    except a tag that contains ``", "`` (it is split in two); a text with a control
    character that XML 1.0 forbids (U+0001, ...) cannot be written (a clear error).
``node-link`` (``.nodelink.json``)
    networkx's node-link JSON (``{"directed", "multigraph", "graph", "nodes",
    "edges"}``; ``links`` is read too), which holds every attribute as it is: read
    back whole, and readable by ``networkx.node_link_graph`` and d3.

Examples
--------
>>> import argmap
>>> m = argmap.ArgumentMap(title="Lunch")
>>> c = m.claim("We eat out.", id="c", tags=["food"])
>>> _ = m.objection("It costs too much.", id="o", against=c)
>>> from_networkx(m.to_networkx()) == m
True
>>> read_graphml(dumps_graphml(m)).map == m
True
"""

from __future__ import annotations

import io
import json
import re
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from pydantic import ValidationError

from ..errors import FormatError, MapValidationError
from ..model import Actor, Relation, Source, statement_adapter
from . import Format, Loaded, _load_builtin, register_format
from ._json import parse_json, sniff_json
from ._safe import load_json

if TYPE_CHECKING:
    import networkx as nx

    from ..map import ArgumentMap

__all__ = [
    "from_networkx",
    "graphml_graph",
    "dumps_graphml",
    "read_graphml",
    "node_link_data",
    "dumps_node_link",
    "read_node_link",
]

_STATEMENT_FIELDS = (
    "kind",
    "text",
    "by",
    "quote",
    "source",
    "tags",
    "note",
    "qualifier",
    "weight",
    "meta",
)
_RELATION_FIELDS = ("kind", "id", "note", "meta", "undercuts")
_SOURCE_FIELDS = tuple(Source.model_fields)
_TAG_SEPARATOR = ", "
_GRAPH_FIELDS = ("title", "source", "actors")


def _first_error(exc: ValidationError) -> str:
    err = exc.errors()[0]
    loc = list(err["loc"])
    if loc and loc[0] in ("claim", "objection", "rebuttal", "evidence"):
        loc = loc[1:]  # the union's tag, not a field
    field = ".".join(str(p) for p in loc) or "value"
    return f"{field}: {err['msg']}"


def from_networkx(G: nx.Graph, *, extra: str = "error") -> ArgumentMap:
    """Build a map from a directed networkx graph: the inverse of ``ArgumentMap.to_networkx``.

    Parameters
    ----------
    G : networkx.DiGraph or networkx.MultiDiGraph
        Nodes are statement ids (strings, or integers made strings) with ``kind`` and
        ``text`` attributes and optionally ``by``, ``quote``, ``source`` (a dict),
        ``tags``, ``note``, ``qualifier``, ``weight``, ``meta``. Edges have ``kind``
        and optionally ``id``, ``note``, ``meta``; an ``undercuts`` edge names the relation it
        undercuts in its ``undercuts`` attribute. Graph attributes ``title``,
        ``source`` and ``actors`` (a list of dicts) are read when present (others
        are ignored; the file readers warn about them); without ``actors``, every
        ``by`` becomes an actor named by its id.
    extra : {'error', 'meta', 'ignore'}
        What to do with node or edge attributes argmap does not know (the result of
        a networkx algorithm, say): raise, keep them in ``meta``, or drop them.

    Returns
    -------
    ArgumentMap

    Raises
    ------
    FormatError
        For a missing or invalid attribute, naming the node (or edge) and the attribute.
    MapValidationError
        For relations that break the rule table, listing every one.

    Examples
    --------
    >>> import networkx as nx
    >>> G = nx.DiGraph()
    >>> G.add_node("c", kind="claim", text="We eat out.")
    >>> G.add_node("o", kind="objection", text="Too dear.", score=0.3)
    >>> G.add_edge("o", "c", kind="objects")
    >>> m = from_networkx(G, extra="meta")
    >>> m["o"].meta, [r.key for r in m.relations()]
    ({'score': 0.3}, ['o>objects>c'])
    >>> from_networkx(nx.DiGraph([("a", "b")]))
    Traceback (most recent call last):
    ...
    argmap.errors.FormatError: statement 'a': missing attribute 'kind'
    """
    import networkx as nx

    from ..errors import OptionError, UsageError
    from ..map import ArgumentMap
    from ..model import MapDocument

    if extra not in ("error", "meta", "ignore"):
        raise OptionError(f"extra must be 'error', 'meta' or 'ignore', not {extra!r}")
    if not isinstance(G, nx.Graph):
        raise UsageError(f"from_networkx expects a networkx graph, got {type(G).__name__}")
    if not G.is_directed():
        raise FormatError("the graph must be directed (a DiGraph or MultiDiGraph)")
    graph = dict(G.graph)
    title = graph.get("title")
    if title is not None and not isinstance(title, str):
        raise FormatError(f"graph attribute 'title' must be a string, not {title!r}")
    try:
        source = None if graph.get("source") is None else Source.model_validate(graph["source"])
    except ValidationError as exc:
        raise FormatError(f"graph attribute 'source': {_first_error(exc)}") from None
    actors: dict[str, Actor] = {}
    declared = "actors" in graph
    if not isinstance(graph.get("actors") or [], (list, tuple)):
        raise FormatError("graph attribute 'actors' must be a list of actors")
    for raw in graph.get("actors") or []:
        try:
            a = Actor.model_validate(raw)
        except ValidationError as exc:
            raise FormatError(f"graph attribute 'actors': {_first_error(exc)} in {raw!r}") from None
        actors[a.id] = a

    statements = []
    ids: dict[Any, str] = {}
    for node, attrs in G.nodes(data=True):
        if isinstance(node, bool) or not isinstance(node, (str, int)):
            raise FormatError(f"node {node!r}: ids must be strings (or integers)")
        sid = str(node)
        ids[node] = sid
        data = {k: v for k, v in attrs.items() if k in _STATEMENT_FIELDS}
        unknown = {k: v for k, v in attrs.items() if k not in _STATEMENT_FIELDS}
        for field in ("kind", "text"):
            if field not in data:
                raise FormatError(f"missing attribute {field!r}", statement=sid)
        if unknown:
            if extra == "error":
                raise FormatError(
                    f"unknown attribute(s) {', '.join(map(repr, sorted(unknown)))} "
                    f"(argmap knows {', '.join(_STATEMENT_FIELDS)}; "
                    "pass extra='meta' to keep them in meta)",
                    statement=sid,
                )
            if extra == "meta":
                data["meta"] = {**dict(data.get("meta") or {}), **unknown}
        if data.get("meta") is None:
            data.pop("meta", None)
        try:
            stmt = statement_adapter.validate_python({"id": sid, **data})
        except ValidationError as exc:
            raise FormatError(f"invalid attribute {_first_error(exc)}", statement=sid) from None
        if stmt.by is not None and stmt.by not in actors:
            if declared:
                raise FormatError(
                    f"'by' names actor {stmt.by!r}, which is not in the graph's actors",
                    statement=sid,
                )
            actors[stmt.by] = Actor(id=stmt.by, name=stmt.by)
        statements.append(stmt)

    relations = []
    edges = G.edges(keys=True, data=True) if G.is_multigraph() else G.edges(data=True)
    for edge in edges:
        u, v, attrs = edge[0], edge[1], edge[-1]
        name = f"edge {ids[u]} -> {ids[v]}"
        data = {k: val for k, val in attrs.items() if k in _RELATION_FIELDS}
        unknown = {k: val for k, val in attrs.items() if k not in _RELATION_FIELDS}
        if "kind" not in data:
            raise FormatError(f"{name}: missing attribute 'kind'")
        if unknown:
            if extra == "error":
                raise FormatError(
                    f"{name}: unknown attribute(s) {', '.join(map(repr, sorted(unknown)))} "
                    f"(argmap knows {', '.join(_RELATION_FIELDS)}; "
                    "pass extra='meta' to keep them in meta)"
                )
            if extra == "meta":
                data["meta"] = {**dict(data.get("meta") or {}), **unknown}
        target: Any = ids[v]
        if data.get("kind") == "undercuts":
            target = data.get("undercuts")
            if not isinstance(target, str):
                raise FormatError(
                    f"{name}: an undercuts edge needs an 'undercuts' attribute naming the "
                    "relation it undercuts (its id)"
                )
        data.pop("undercuts", None)
        for key in ("meta", "id", "note"):
            if data.get(key) is None:
                data.pop(key, None)
        try:
            rel = Relation.model_validate({"from": ids[u], "to": target, **data})
        except ValidationError as exc:
            raise FormatError(f"{name}: invalid attribute {_first_error(exc)}") from None
        relations.append(rel)

    doc = MapDocument(
        title=title,
        source=source,
        actors=tuple(actors.values()),
        statements=tuple(statements),
        relations=tuple(relations),
    )
    return ArgumentMap.from_document(doc)


# --------------------------------------------------------------------------- GraphML


def graphml_graph(m: ArgumentMap) -> nx.MultiDiGraph:
    """The map as a graph with GraphML-safe attributes (strings and floats, no None).

    Examples
    --------
    >>> import argmap
    >>> m = argmap.ArgumentMap()
    >>> _ = m.claim("C.", id="c", tags=["a", "b"], weight=0.5)
    >>> sorted(graphml_graph(m).nodes["c"].items())
    [('kind', 'claim'), ('label', 'C.'), ('tags', 'a, b'), ('text', 'C.'), ('weight', 0.5)]
    """
    G = m.to_networkx()
    H = type(G)()
    if m.title is not None:
        H.graph["title"] = m.title
    if m.source is not None:
        H.graph.update(_flat({"source": m.source.model_dump(exclude_none=True)}))
    if m.actors():
        H.graph["actors"] = json.dumps(
            [a.model_dump(exclude_none=True) for a in m.actors()], ensure_ascii=False
        )
    for node, attrs in G.nodes(data=True):
        H.add_node(node, **_flat(attrs, label=attrs["text"]))
    for u, v, key, attrs in G.edges(keys=True, data=True):
        H.add_edge(u, v, key=key, **_flat(attrs))
    return H


def _flat(attrs: Mapping[str, Any], *, label: str | None = None) -> dict[str, Any]:
    out: dict[str, Any] = {} if label is None else {"label": label}
    for k, v in attrs.items():
        if v is None or (k in ("tags", "meta") and not v):
            continue
        if k == "source":
            fields = {f"source_{sk}": sv for sk, sv in v.items() if sv is not None}
            out.update(fields or {"source": "{}"})  # an empty source still exists
        elif k == "tags":
            out[k] = _TAG_SEPARATOR.join(v)
        elif k == "meta":
            out[k] = json.dumps(v, ensure_ascii=False, sort_keys=True)
        elif isinstance(v, (str, float)):
            out[k] = v
        elif isinstance(v, int) and not isinstance(v, bool):
            out[k] = float(v)
        else:
            out[k] = str(v)
    return out


_XML_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def dumps_graphml(m: ArgumentMap) -> str:
    """The map as GraphML text that yEd, Gephi and Cytoscape open (see the module docstring).

    Raises
    ------
    FormatError
        If a text holds a control character that XML 1.0 cannot carry, naming the
        statement (or relation).
    """
    import networkx as nx

    G = graphml_graph(m)
    items = [("graph", G.graph)]
    items += [(f"statement {n!r}", a) for n, a in G.nodes(data=True)]
    items += [(f"relation {k!r}", a) for _, _, k, a in G.edges(keys=True, data=True)]
    for where, attrs in items:
        for key, value in attrs.items():
            bad = _XML_ILLEGAL.search(value) if isinstance(value, str) else None
            if bad and key != "label":
                raise FormatError(
                    f"GraphML cannot hold the {key} of {where}: it contains the control "
                    f"character U+{ord(bad.group()):04X}, which XML 1.0 forbids"
                )
    split = [s.id for s in m.statements() if any(_TAG_SEPARATOR in t or not t for t in s.tags)]
    if split:
        import warnings

        from ..io import LossWarning

        warnings.warn(
            f"GraphML joins tags with {_TAG_SEPARATOR!r}: the tags of {len(split)} statements "
            f"(e.g. {split[0]!r}) hold it, or are empty, and will not read back the same",
            LossWarning,
            stacklevel=3,
        )
    buffer = io.BytesIO()
    nx.write_graphml_xml(G, buffer, encoding="utf-8")
    # XML readers turn a raw carriage return into a newline: write it as a reference
    return buffer.getvalue().decode("utf-8").replace("\r", "&#13;")


def _unflat(attrs: Mapping[str, Any], where: str, path: str | None) -> dict[str, Any]:
    out: dict[str, Any] = {}
    source: dict[str, Any] = {}
    for k, v in attrs.items():
        if k == "label":
            continue
        if k.startswith("source_") and k[7:] in _SOURCE_FIELDS:
            source[k[7:]] = v
        elif k == "source" and v == "{}":
            out["source"] = {}
        elif k == "tags":
            out[k] = [t for t in str(v).split(_TAG_SEPARATOR) if t]
        elif k == "meta":
            if not isinstance(v, str):
                raise FormatError(f"{where}: 'meta' is not JSON: {v!r}", path=path)
            out[k] = load_json(v, path=path, what=f"{where}: 'meta'")
        else:
            out[k] = v
    if source:
        out["source"] = source
    return out


def read_graphml(text: str, path: str | None = None) -> Loaded:
    """Read GraphML written by argmap (or any GraphML with its attributes): ``(map, warnings)``.

    What networkx's GraphML reader warns about (a data key without a type, say) comes
    back among the warnings.
    """
    import warnings
    import xml.etree.ElementTree as ET

    import networkx as nx

    try:
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            G = nx.parse_graphml(text, force_multigraph=True)
    except ET.ParseError as exc:
        line, column = exc.position
        raise FormatError(
            f"GraphML syntax error: {exc.msg}", path=path, line=line, column=column + 1
        ) from None
    except (nx.NetworkXError, ValueError, KeyError) as exc:
        raise FormatError(f"not GraphML argmap can read: {exc}", path=path) from None
    _refuse_merged(ET.fromstring(text), G, path)
    H = type(G)()
    # networkx's own bookkeeping, not data of the file
    graph = _unflat(
        {k: v for k, v in G.graph.items() if k not in ("node_default", "edge_default")},
        "graph",
        path,
    )
    if "actors" in graph:
        if not isinstance(graph["actors"], str):
            raise FormatError("graph attribute 'actors' is not JSON", path=path)
        graph["actors"] = load_json(graph["actors"], path=path, what="graph attribute 'actors'")
    H.graph.update(graph)
    for node, attrs in G.nodes(data=True):
        H.add_node(node, **_unflat(attrs, f"node {node!r}", path))
    for u, v, key, attrs in G.edges(keys=True, data=True):
        H.add_edge(u, v, key=key, **_unflat(attrs, f"edge {u} -> {v}", path))
    notes = list(dict.fromkeys(f"GraphML: {w.message}" for w in caught))
    return Loaded(_located(H, path), notes + _unknown_graph_attributes(H.graph))


def _refuse_merged(root: Any, G: nx.MultiDiGraph, path: str | None) -> None:
    """Refuse what networkx's reader merged silently: a node id, or an edge id, given twice."""
    from collections import Counter

    ns = "{http://graphml.graphdrawing.org/xmlns}"
    for nid, n in Counter(el.get("id") for el in root.iter(f"{ns}node")).items():
        if n > 1:
            raise FormatError(f"GraphML: node id {nid!r} is used {n} times", path=path)
    pairs = Counter((el.get("source"), el.get("target")) for el in root.iter(f"{ns}edge"))
    for (u, v), n in pairs.items():
        if G.number_of_edges(u, v) < n:
            raise FormatError(
                f"GraphML: edges {u} -> {v} share an id (or key), so one would replace another",
                path=path,
            )


def _located(G: nx.Graph, path: str | None) -> ArgumentMap:
    """from_networkx, with the file named in its errors."""
    try:
        return from_networkx(G)
    except FormatError as exc:
        raise FormatError(exc.message, path=path, statement=exc.statement) from None
    except MapValidationError as exc:
        raise MapValidationError(exc.problems, path=path) from None


# --------------------------------------------------------------------------- node-link JSON


def node_link_data(m: ArgumentMap) -> dict[str, Any]:
    """The map as networkx node-link data (``edges`` key), JSON-ready.

    Examples
    --------
    >>> import argmap
    >>> m = argmap.ArgumentMap()
    >>> _ = m.claim("A.", id="a", supports=m.claim("B.", id="b"))
    >>> node_link_data(m)["edges"]
    [{'source': 'a', 'target': 'b', 'key': 'a>supports>b', 'kind': 'supports'}]
    """
    G = m.to_networkx()
    graph = {k: v for k, v in G.graph.items() if v is not None}
    nodes = [{"id": n, **_jsonable(a)} for n, a in G.nodes(data=True)]
    edges = [
        {"source": u, "target": v, "key": k, **_jsonable(a)}
        for u, v, k, a in G.edges(keys=True, data=True)
    ]
    return {"directed": True, "multigraph": True, "graph": graph, "nodes": nodes, "edges": edges}


def _jsonable(attrs: Mapping[str, Any]) -> dict[str, Any]:
    out = {}
    for k, v in attrs.items():
        if k in ("tags", "meta") and not v:
            continue
        out[k] = list(v) if isinstance(v, tuple) else v
    return out


def dumps_node_link(m: ArgumentMap) -> str:
    """The map as node-link JSON text (see :func:`node_link_data`)."""
    return json.dumps(node_link_data(m), ensure_ascii=False, indent=2) + "\n"


def read_node_link(text: str, path: str | None = None) -> Loaded:
    """Read node-link JSON (``edges`` or ``links``): ``(map, warnings)``."""
    import networkx as nx

    data = parse_json(text, path, what="node-link JSON")
    if not isinstance(data, Mapping) or not isinstance(data.get("nodes"), list):
        raise FormatError("node-link JSON: expected an object with a 'nodes' list", path=path)
    links = data.get("edges", data.get("links", []))
    if not isinstance(links, list):
        raise FormatError("node-link JSON: 'edges' must be a list", path=path)
    if data.get("directed") is False:
        raise FormatError("node-link JSON: the graph must be directed", path=path)
    G = nx.MultiDiGraph()
    graph = data.get("graph") or {}
    if not isinstance(graph, Mapping):
        raise FormatError("node-link JSON: 'graph' must be an object", path=path)
    G.graph.update(graph)
    for i, node in enumerate(data["nodes"]):
        if not isinstance(node, Mapping) or not _is_id(node.get("id")):
            raise FormatError(
                f"node-link JSON: node {i + 1} has no 'id' (a string or an integer)", path=path
            )
        if node["id"] in G:  # networkx would merge the two silently
            raise FormatError(
                f"node-link JSON: node {i + 1}: id {node['id']!r} is used twice", path=path
            )
        G.add_node(node["id"], **{k: v for k, v in node.items() if k != "id"})
    for i, link in enumerate(links):
        if not isinstance(link, Mapping) or "source" not in link or "target" not in link:
            raise FormatError(
                f"node-link JSON: edge {i + 1} needs 'source' and 'target'", path=path
            )
        for end in ("source", "target"):
            if not _is_id(link[end]) or link[end] not in G:
                raise FormatError(
                    f"node-link JSON: edge {i + 1}: {end} {link[end]!r} names no node",
                    path=path,
                )
        key = link.get("key")
        if key is not None and not _is_id(key):
            raise FormatError(
                f"node-link JSON: edge {i + 1}: 'key' must be a string or an integer", path=path
            )
        if key is not None and G.has_edge(link["source"], link["target"], key):
            raise FormatError(
                f"node-link JSON: edge {i + 1}: key {key!r} is used twice between "
                f"{link['source']!r} and {link['target']!r}",
                path=path,
            )
        attrs = {k: v for k, v in link.items() if k not in ("source", "target", "key")}
        G.add_edge(link["source"], link["target"], key=key, **attrs)
    return Loaded(_located(G, path), _unknown_graph_attributes(G.graph))


def _unknown_graph_attributes(graph: Mapping[str, Any]) -> list[str]:
    unknown = sorted(k for k in graph if k not in _GRAPH_FIELDS)
    if not unknown:
        return []
    return [f"graph attribute(s) {', '.join(map(repr, unknown))} not kept"]


def _is_id(value: Any) -> bool:
    return isinstance(value, (str, int)) and not isinstance(value, bool)


def _sniff_node_link(text: str) -> bool:
    data = sniff_json(text)
    return (
        isinstance(data, Mapping)
        and "directed" in data
        and isinstance(data.get("nodes"), list)
        and ("edges" in data or "links" in data)
    )


# the native formats come first in the registry, so that they win ties on '.json'
_load_builtin()

register_format(
    Format(
        name="graphml",
        extensions=(".graphml",),
        description="GraphML for yEd, Gephi, Cytoscape (scalar attributes)",
        read=read_graphml,
        write=dumps_graphml,
    )
)
register_format(
    Format(
        name="node-link",
        extensions=(".nodelink.json", ".json"),
        description="networkx node-link JSON (d3)",
        read=read_node_link,
        write=dumps_node_link,
        sniff=_sniff_node_link,
    )
)
