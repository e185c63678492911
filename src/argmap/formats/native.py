"""The native file format, in YAML and JSON: one structure, validated by the pydantic models.

A file holds ``argmap`` (the format version), ``title``, ``source``, ``actors``,
``statements`` and ``relations`` (``{from, to, kind}``, optional ``id``).
Hand-written files may also give relations inline on a statement:
``against: [id, ...]`` (``objects`` for an objection, ``rebuts`` for a
rebuttal, ``undercuts`` when the id is a relation's), ``supports: [id, ...]``
and ``concedes: [id, ...]``.
Dumps always use the ``relations`` list.

YAML is read with PyYAML's safe loader (no object construction), bounded by
:mod:`argmap.limits` (see :mod:`argmap.formats._safe`). Errors carry
the file, the line (taken from the YAML/JSON node positions) and the statement id.
"""

from __future__ import annotations

import json
import re
import reprlib
from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING, Any

import yaml
from pydantic import TypeAdapter, ValidationError

from ..errors import ArgmapError, FormatError, MapValidationError
from ..model import (
    FORMAT_VERSION,
    Actor,
    MapDocument,
    Relation,
    Statement,
    document_adapter,
    statement_adapter,
)
from . import Format, Loaded, register_format
from ._safe import compose_yaml, gc_paused, load_json, load_yaml

if TYPE_CHECKING:
    from ..map import ArgumentMap

__all__ = [
    "document_to_dict",
    "map_from_data",
    "loads_yaml",
    "loads_json",
    "dumps_yaml",
    "dumps_json",
    "json_schema",
    "Locations",
    "locations",
]

_INLINE = ("against", "supports", "concedes")
_OMIT_WHEN_EMPTY = ("tags", "meta")


def document_to_dict(doc: MapDocument) -> dict[str, Any]:
    """Plain data for a document: no ``None`` fields, no empty tags or metadata."""
    data = doc.model_dump(mode="json", by_alias=True, exclude_none=True)
    for key in ("actors", "statements", "relations"):
        items = data.get(key)
        if not items:
            data.pop(key, None)
            continue
        if key == "statements":
            items = data[key] = [{"id": s["id"], "kind": s["kind"], **s} for s in items]
        for item in items:
            for field in _OMIT_WHEN_EMPTY:
                if field in item and not item[field]:
                    del item[field]
    return data


# libyaml's C parser and emitter where PyYAML was built with them (10x faster)
_SafeDumper = getattr(yaml, "CSafeDumper", yaml.SafeDumper)


class _Lines:
    """Line numbers of the nodes of a YAML (or JSON) text, by data path.

    The text is parsed for positions only when a message needs a line number,
    so that files without problems are parsed once.
    """

    def __init__(self, text: str | None):
        self._text = text
        self._index: dict[tuple[Any, ...], int] | None = None
        # relation index -> path of its inline key
        self.inline_origin: dict[int, tuple[Any, ...]] = {}

    @property
    def index(self) -> dict[tuple[Any, ...], int]:
        if self._index is None:
            self._index = {}
            try:
                node = compose_yaml(self._text) if self._text else None
            except Exception:  # positions are a courtesy: no line numbers, not a failure
                node = None
            if node is not None:
                self._walk(node, ())
        return self._index

    def _walk(self, node: yaml.Node, path: tuple[Any, ...]) -> None:
        self.index[path] = node.start_mark.line + 1
        if isinstance(node, yaml.MappingNode):
            for k, v in node.value:
                key = k.value
                self.index[path + (key,)] = k.start_mark.line + 1
                self._walk(v, path + (key,))
        elif isinstance(node, yaml.SequenceNode):
            for i, v in enumerate(node.value):
                self._walk(v, path + (i,))

    def line(self, path: tuple[Any, ...]) -> int | None:
        while path:
            if path in self.index:
                return self.index[path]
            path = path[:-1]
        return self.index.get(())


class Locations:
    """Line numbers (1-based) of a native file's parts, by id: what ``argmap check`` cites.

    Attributes
    ----------
    statements, actors : dict
        Id -> line of the item.
    relations : dict
        Relation key (its id, else ``from>kind>to``) -> line; a relation given
        inline on a statement has the line of the id in the ``against`` or
        ``supports`` list.
    keys : dict
        Top-level key (``source``, ``check``, ...) -> line.
    """

    def __init__(self) -> None:
        self.statements: dict[str, int] = {}
        self.actors: dict[str, int] = {}
        self.relations: dict[str, int] = {}
        self.keys: dict[str, int] = {}

    def line(self, ref: str) -> int | None:
        """The line of a statement, relation or actor id, if known."""
        return self.statements.get(ref) or self.relations.get(ref) or self.actors.get(ref)


def _scalar(node: yaml.Node, key: str) -> str | None:
    if isinstance(node, yaml.MappingNode):
        for k, v in node.value:
            if k.value == key and isinstance(v, yaml.ScalarNode):
                return str(v.value)
    return None


def locations(text: str) -> Locations:
    """Where each statement, relation and actor of a native YAML or JSON text is.

    One extra parse of the text (node positions only), done on request: reading a
    map does not pay for it. Text that does not parse gives empty locations.

    Examples
    --------
    >>> text = "argmap: 1\\nstatements:\\n  - {id: c, kind: claim, text: C.}\\n"
    >>> loc = locations(text)
    >>> loc.statements, loc.keys["statements"]
    ({'c': 3}, 2)
    """
    from ._safe import compose_yaml

    loc = Locations()
    try:
        root = compose_yaml(text)  # bounded: depth, aliases, duplicate keys
    except (yaml.YAMLError, ArgmapError):
        return loc
    if not isinstance(root, yaml.MappingNode):
        return loc
    for k, v in root.value:
        loc.keys[k.value] = k.start_mark.line + 1
        if not isinstance(v, yaml.SequenceNode):
            continue
        for item in v.value:
            line = item.start_mark.line + 1
            if k.value == "actors" and (aid := _scalar(item, "id")):
                loc.actors.setdefault(aid, line)
            elif k.value == "relations":
                rid = _scalar(item, "id")
                ends = (_scalar(item, "from"), _scalar(item, "kind"), _scalar(item, "to"))
                key = rid or ">".join(str(e) for e in ends)
                loc.relations.setdefault(key, line)
            elif k.value == "statements" and (sid := _scalar(item, "id")):
                loc.statements.setdefault(sid, line)
                for field, value in item.value if isinstance(item, yaml.MappingNode) else ():
                    if field.value not in _INLINE:
                        continue
                    targets = value.value if isinstance(value, yaml.SequenceNode) else [value]
                    kinds = ("supports",) if field.value == "supports" else _ATTACKS
                    for t in targets:
                        if isinstance(t, yaml.ScalarNode):
                            for kind in kinds:
                                key = f"{sid}>{kind}>{t.value}"
                                loc.relations.setdefault(key, t.start_mark.line + 1)
    return loc


_ATTACKS = ("objects", "rebuts", "undercuts")


def _statement_id(data: Any, path: tuple[Any, ...]) -> str | None:
    if len(path) >= 2 and path[0] == "statements" and isinstance(path[1], int):
        try:
            sid = data["statements"][path[1]].get("id")
        except (KeyError, IndexError, TypeError, AttributeError):
            return None
        return sid if isinstance(sid, str) else None
    return None


def _data_path(data: Any, loc: tuple[Any, ...]) -> tuple[Any, ...]:
    """Map a pydantic error location onto a path in the data (dropping union tags)."""
    path, cur = [], data
    for part in loc:
        if isinstance(cur, Mapping) and part in cur:
            cur = cur[part]
        elif isinstance(cur, list) and isinstance(part, int) and 0 <= part < len(cur):
            cur = cur[part]
        elif isinstance(part, str) and isinstance(cur, Mapping):
            continue  # discriminator tag such as 'claim', or an alias like 'from'
        else:
            path.append(part)
            break
        path.append(part)
    return tuple(path)


def _describe_error(err: Mapping[str, Any], data: Any, path: tuple[Any, ...]) -> str:
    field = ".".join(str(p) for p in path) or "(top level)"
    kind = err["type"]
    if kind == "extra_forbidden":
        return f"unknown key {path[-1]!r} at {field}"
    if kind == "union_tag_invalid":
        tag = err.get("input", {}).get("kind") if isinstance(err.get("input"), Mapping) else None
        expected = err.get("ctx", {}).get("expected_tags", "")
        return f"unknown kind {tag!r} at {field} (must be one of {expected})"
    if kind == "union_tag_not_found":
        return f"missing 'kind' at {field} (claim, objection, rebuttal or evidence)"
    if kind == "missing":
        key = err["loc"][-1] if err.get("loc") else ""
        if path and path[-1] == key:
            path = path[:-1]
        where = ".".join(str(p) for p in path) or "(top level)"
        return f"missing required key {key!r} at {where}"
    if kind == "literal_error" and path == ("argmap",):
        return (
            f"unsupported format version {err.get('input')!r} (this argmap reads {FORMAT_VERSION})"
        )
    msg = err["msg"].removeprefix("Value error, ")
    if kind == "value_error":
        return f"{field}: {msg}"
    got = reprlib.repr(err.get("input"))  # bounded: the input may be huge or deep
    return f"{field}: {msg} (got {got})"


def _expand_inline(
    data: dict[str, Any], lines: _Lines, path: str | None
) -> dict[str, Any]:
    """Turn inline ``against``/``supports``/``concedes`` lists into relations."""
    statements = data.get("statements")
    if not isinstance(statements, list):
        return data
    kinds = {s.get("id"): s.get("kind") for s in statements if isinstance(s, Mapping)}
    relation_ids = {
        r.get("id") for r in data.get("relations") or [] if isinstance(r, Mapping) and r.get("id")
    }
    new_statements, extra = [], []
    for i, s in enumerate(statements):
        if not isinstance(s, Mapping) or not any(k in s for k in _INLINE):
            new_statements.append(s)
            continue
        s = dict(s)
        for field in _INLINE:
            targets = s.pop(field, None)
            if targets is None:
                continue
            if isinstance(targets, str):
                targets = [targets]
            if not isinstance(targets, list) or not all(isinstance(t, str) for t in targets):
                raise FormatError(
                    f"'{field}' must be an id or a list of ids",
                    path=path,
                    line=lines.line(("statements", i, field)),
                    statement=s.get("id"),
                )
            for t in targets:
                if field in ("supports", "concedes"):
                    kind = field
                elif t in relation_ids and t not in kinds:
                    kind = "undercuts"
                elif s.get("kind") == "objection":
                    kind = "objects"
                elif s.get("kind") == "rebuttal":
                    kind = "rebuts"
                else:
                    raise FormatError(
                        f"a {s.get('kind')} cannot be 'against' {t!r}: only objections and "
                        "rebuttals attack (use a 'contradicts' relation for symmetric conflict)",
                        path=path,
                        line=lines.line(("statements", i, field)),
                        statement=s.get("id"),
                    )
                extra.append({"from": s.get("id"), "to": t, "kind": kind})
                lines.inline_origin[len(extra) - 1] = ("statements", i, field)
        new_statements.append(s)
    if not extra:
        return data
    data = dict(data)
    data["statements"] = new_statements
    explicit = list(data.get("relations") or [])
    data["relations"] = explicit + extra
    lines.inline_origin = {len(explicit) + k: v for k, v in lines.inline_origin.items()}
    return data


def map_from_data(
    data: Any, *, path: str | None = None, text: str | None = None, lines: _Lines | None = None
) -> ArgumentMap:
    """Validate native-format data and build the map, reporting every problem at once.

    Parameters
    ----------
    data : mapping
        Parsed YAML or JSON.
    path : str, optional
        File name, for messages.
    text : str, optional
        The source text, for line numbers in messages.

    Raises
    ------
    FormatError
        When the data is not a map at all.
    MapValidationError
        Listing every problem, each with its line and statement id where known.
    """
    with gc_paused():
        return _map_from_data(data, path=path, text=text, lines=lines)


def _map_from_data(
    data: Any, *, path: str | None, text: str | None, lines: _Lines | None
) -> ArgumentMap:
    from ..map import ArgumentMap

    lines = lines or _Lines(text)
    if data is None:
        raise FormatError("the file is empty: expected an argument map", path=path)
    if not isinstance(data, Mapping):
        raise FormatError(
            f"expected a mapping with 'argmap', 'statements', ... at the top, "
            f"got {type(data).__name__}",
            path=path,
            line=lines.line(()),
        )
    if "argmap" not in data and "statements" not in data:
        raise FormatError(
            "this is not an argmap file: it has neither an 'argmap' version key nor "
            f"'statements' (top-level keys: {', '.join(map(str, list(data)[:8]))})",
            path=path,
        )
    data = _expand_inline(dict(data), lines, path)
    problems: list[str] = []
    broken: set[str] = set()

    def check(adapter: Any, value: Any, loc: tuple[Any, ...]) -> Any:
        try:
            return adapter.validate_python(value)
        except ValidationError as exc:
            for err in exc.errors():
                dpath = _data_path(data, loc + tuple(err["loc"]))
                if err["type"] == "union_tag_invalid":
                    dpath += ("kind",)
                line = lines.line(dpath)
                sid = _statement_id(data, dpath)
                if sid:
                    broken.add(sid)
                where = f"line {line}: " if line else ""
                who = f"statement {sid!r}: " if sid else ""
                problems.append(where + who + _describe_error(err, data, dpath))
            return None

    header = {k: v for k, v in data.items() if k not in _SECTIONS}
    head = check(_header_adapter, header, ())
    sections: dict[str, list[Any]] = {}
    for key, adapter in _SECTIONS.items():
        items = data.get(key)
        if items is None:
            items = []
        if not isinstance(items, list):
            problems.append(
                f"line {lines.line((key,))}: '{key}' must be a list, got {type(items).__name__}"
            )
            items = []
        try:  # the common, valid case: the whole list at once
            sections[key] = _LIST_ADAPTERS[key].validate_python(items)
            continue
        except ValidationError:
            pass  # item by item, for every problem with its place (as below)
        sections[key] = [
            v for i, item in enumerate(items) if (v := check(adapter, item, (key, i))) is not None
        ]
    if problems:
        # a broken statement also breaks the relations naming it: report the cause only
        rest = _map_problems(head, sections, data, lines, skip=broken) if head else []
        raise MapValidationError(_in_line_order(problems + rest), path=path)
    try:
        return ArgumentMap.from_document(_document(head, sections))
    except MapValidationError as exc:
        locate = _locator(data, lines)
        located = [locate(p) for p in exc.problems]
        raise MapValidationError(_in_line_order(located), path=path) from None


def _in_line_order(problems: list[str]) -> list[str]:
    """Problems without repeats, sorted by their ``line N:`` prefix (those without last)."""

    def line(p: str) -> float:
        if p.startswith("line "):
            head = p[5:].split(":", 1)[0]
            if head.isdigit():
                return int(head)
        return float("inf")

    return sorted(dict.fromkeys(problems), key=line)


_SECTIONS = {
    "actors": TypeAdapter(Actor),
    "statements": statement_adapter,
    "relations": TypeAdapter(Relation),
}
_header_adapter = TypeAdapter(MapDocument)
_LIST_ADAPTERS: dict[str, TypeAdapter[Any]] = {
    "actors": TypeAdapter(list[Actor]),
    "statements": TypeAdapter(list[Statement]),
    "relations": TypeAdapter(list[Relation]),
}


def _document(head: MapDocument, sections: dict[str, list[Any]]) -> MapDocument:
    return head.model_copy(update={k: tuple(v) for k, v in sections.items()})


def _map_problems(
    head: MapDocument,
    sections: dict[str, list[Any]],
    data: Any,
    lines: _Lines,
    *,
    skip: set[str],
) -> list[str]:
    from ..map import ArgumentMap

    try:
        ArgumentMap.from_document(_document(head, sections))
    except MapValidationError as exc:
        locate = _locator(data, lines)
        return [
            locate(p)
            for p in exc.problems
            if skip.isdisjoint(re.findall(r"'([^']*)'", p))
        ]
    return []


def _locator(data: Mapping[str, Any], lines: _Lines) -> Callable[[str], str]:
    """A function that prefixes problems with their line, from one index of the items.

    Built once per file, so locating thousands of problems stays linear.
    """
    if not lines.index:
        return lambda problem: problem
    heads: dict[str, tuple[Any, ...]] = {}
    # a repeated id is reported at the repeat, not its first use
    repeats: dict[str, tuple[Any, ...]] = {}
    for i, r in enumerate(data.get("relations") or []):
        if isinstance(r, Mapping):
            key = f"relation {r.get('from')} -{r.get('kind')}-> {r.get('to')}"
            heads.setdefault(key, lines.inline_origin.get(i, ("relations", i)))
    for i, s in enumerate(data.get("statements") or []):
        if isinstance(s, Mapping):
            head = f"statement {s.get('id')!r}"
            heads.setdefault(head, ("statements", i))
            repeats[head] = ("statements", i)

    def locate(problem: str) -> str:
        head = problem.split(": ", 1)[0]
        where = (repeats if "is used twice" in problem else heads).get(head)
        return problem if where is None else f"line {lines.line(where)}: {problem}"

    return locate


def loads_yaml(text: str, *, path: str | None = None) -> ArgumentMap:
    """Read a map from native YAML text (safely: no object construction; within
    :mod:`argmap.limits`; duplicate keys refused)."""
    data = load_yaml(text, path=path)
    return map_from_data(data, path=path, text=text)


def loads_json(text: str, *, path: str | None = None) -> ArgumentMap:
    """Read a map from native JSON text (within :mod:`argmap.limits`; duplicate keys refused)."""
    data = load_json(text, path=path)
    return map_from_data(data, path=path, text=text)


class _Dumper(_SafeDumper):  # type: ignore[misc,valid-type]  # CSafeDumper when libyaml is there
    """Safe dumper that writes multi-line strings as literal blocks and keeps key order."""


_LINE_BREAKS = ("\r", "\x85", "\u2028", "\u2029")


def _str_representer(dumper: yaml.SafeDumper, value: str) -> yaml.ScalarNode:
    style: str | None
    if any(c in value for c in _LINE_BREAKS):
        style = '"'  # YAML folds these into newlines unless they are escaped
    else:
        style = "|" if "\n" in value else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


_Dumper.add_representer(str, _str_representer)


def dumps_yaml(m: ArgumentMap) -> str:
    """The map as native YAML text."""
    with gc_paused():  # many containers, no cycles: the collector's passes are waste
        return _dumps_yaml(m)


def _dumps_yaml(m: ArgumentMap) -> str:
    return yaml.dump(m.to_dict(), Dumper=_Dumper, sort_keys=False, allow_unicode=True, width=88)


def dumps_json(m: ArgumentMap) -> str:
    """The map as native JSON text (UTF-8, indented)."""
    with gc_paused():  # many containers, no cycles: the collector's passes are waste
        return json.dumps(m.to_dict(), ensure_ascii=False, indent=2) + "\n"


def json_schema() -> dict[str, Any]:
    """The JSON Schema of the native format, generated from the models.

    Statements also accept the inline ``against``, ``supports`` and ``concedes``
    lists that hand-written files may use.

    Examples
    --------
    >>> schema = json_schema()
    >>> schema["title"], sorted(schema["$defs"])[:3]
    ('MapDocument', ['Actor', 'Claim', 'Evidence'])
    """
    schema = document_adapter.json_schema(by_alias=True)
    ids = {"type": "array", "items": {"type": "string"}}
    for name in ("Claim", "Objection", "Rebuttal", "Evidence"):
        props = schema["$defs"][name]["properties"]
        props["supports"] = {
            "anyOf": [{"type": "string"}, ids],
            "description": "Inline: ids of statements this one supports.",
        }
        props["against"] = {
            "anyOf": [{"type": "string"}, ids],
            "description": "Inline: ids this one attacks (objects, rebuts, or undercuts "
            "a relation id).",
        }
        props["concedes"] = {
            "anyOf": [{"type": "string"}, ids],
            "description": "Inline: ids of statements this one grants, in part "
            "(neither an attack nor a support).",
        }
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    return schema


def _sniff_native(text: str) -> bool:
    head = text[:2000]
    return '"argmap"' in head or "argmap:" in head


def _reader(parse: Callable[..., ArgumentMap]) -> Callable[[str, str | None], Loaded]:
    def read(text: str, path: str | None = None) -> Loaded:
        return Loaded(parse(text, path=path), [])

    return read


register_format(
    Format(
        name="yaml",
        extensions=(".yaml", ".yml"),
        description="argmap native format (YAML)",
        read=_reader(loads_yaml),
        write=dumps_yaml,
        sniff=_sniff_native,
    )
)
register_format(
    Format(
        name="json",
        extensions=(".json",),
        description="argmap native format (JSON)",
        read=_reader(loads_json),
        write=dumps_json,
        sniff=_sniff_native,
    )
)
