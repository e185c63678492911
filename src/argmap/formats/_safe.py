"""Bounded YAML and JSON loading shared by every reader: limits, duplicate keys, clear errors.

Every format that parses YAML or JSON (the native format, Argdown's data blocks and
front matter, AIF, SADFace, Kialo's JSON, node-link JSON, GraphML's ``meta``) goes
through :func:`load_yaml` or :func:`load_json`, which

* refuse nesting deeper than :data:`argmap.limits.max_depth` before the parser
  recurses (libyaml's C composer would crash the interpreter on 100,000 ``[``);
* count the nodes YAML aliases expand to (a "billion laughs" document) against
  :data:`argmap.limits.max_alias_nodes`, and refuse an alias inside its own anchor;
* refuse duplicate keys, naming the key and the lines of both occurrences
  (YAML and JSON would silently keep the last);
* turn an integer over :data:`argmap.limits.max_int_digits` digits and JSON's
  non-standard ``NaN``/``Infinity`` into errors;

all as :class:`~argmap.errors.FormatError` (:class:`~argmap.errors.LimitError` for
a limit) with the file and line. The YAML composer is PyYAML's, in Python, over
libyaml's C event parser; the cyclic garbage collector is paused during a load (a
parse makes many containers and no cycles), which more than pays for the checks.
"""

from __future__ import annotations

import gc
import json
import re
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import yaml
from yaml.composer import Composer
from yaml.events import (
    AliasEvent,
    MappingEndEvent,
    MappingStartEvent,
    ScalarEvent,
    SequenceStartEvent,
)
from yaml.nodes import MappingNode, ScalarNode, SequenceNode

from .. import limits
from ..errors import FormatError, LimitError

__all__ = ["load_yaml", "load_json", "compose_yaml", "check_depth"]

_Base = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _Stop(Exception):
    """Raised inside the composer; carries a message, a limit name and a YAML mark."""

    def __init__(self, message: str, mark: Any, limit: str | None = None):
        super().__init__(message)
        self.message, self.mark, self.limit = message, mark, limit


_STR, _SEQ, _MAP = (f"tag:yaml.org,2002:{t}" for t in ("str", "seq", "map"))


class BoundedLoader(_Base):  # type: ignore[misc,valid-type]
    """PyYAML's safe loader with depth, alias-expansion and duplicate-key checks in compose."""

    def __init__(self, stream: str) -> None:
        super().__init__(stream)
        self.anchors: dict[str, Any] = {}
        self._depth = 0
        self._open: set[str] = set()  # anchors whose node is still being composed
        self._sizes: dict[int, int] = {}  # id(node) -> node count with aliases expanded
        self._expanded = 0
        self._anchored: set[int] = set()  # id() of the collection nodes with an anchor
        self._max_depth = limits.max_depth
        self._max_alias = limits.max_alias_nodes

    get_single_node = Composer.get_single_node
    compose_document = Composer.compose_document
    compose_scalar_node = Composer.compose_scalar_node
    compose_sequence_node = Composer.compose_sequence_node

    def compose_node(self, parent: Any, index: Any) -> Any:
        if self.check_event(AliasEvent):
            event = self.get_event()
            anchor = event.anchor
            if anchor not in self.anchors:
                raise _Stop(f"found undefined alias {anchor!r}", event.start_mark)
            if anchor in self._open:
                raise _Stop(
                    f"alias *{anchor} refers to its own anchor (a structure containing "
                    "itself has no end)",
                    event.start_mark,
                    "max_alias_nodes",
                )
            node = self.anchors[anchor]
            self._expanded += self._size(node)
            if self._expanded > self._max_alias:
                raise _Stop(
                    f"YAML aliases expand to more than {self._max_alias:,} nodes "
                    f"(limit max_alias_nodes; {limits.how_to_raise('max_alias_nodes')})",
                    event.start_mark,
                    "max_alias_nodes",
                )
            return node
        event = self.peek_event()
        anchor = event.anchor
        if anchor is not None and anchor in self.anchors:
            raise _Stop(f"found duplicate anchor {anchor!r}", event.start_mark)
        if self.check_event(ScalarEvent):
            return self.compose_scalar_node(anchor)
        self._depth += 1
        if self._depth > self._max_depth:
            raise _Stop(
                f"nesting deeper than {self._max_depth} levels "
                f"(limit max_depth; {limits.how_to_raise('max_depth')})",
                event.start_mark,
                "max_depth",
            )
        if anchor is not None:
            self._open.add(anchor)
        if self.check_event(SequenceStartEvent):
            node = self.compose_sequence_node(anchor)
        elif self.check_event(MappingStartEvent):
            node = self.compose_mapping_node(anchor)
        else:  # pragma: no cover - the parser emits no other node event
            raise _Stop(f"unexpected {type(event).__name__}", event.start_mark)
        if anchor is not None:
            self._open.discard(anchor)
            self._anchored.add(id(node))
        self._depth -= 1
        return node

    def compose_mapping_node(self, anchor: str | None) -> Any:
        start = self.get_event()
        tag = start.tag
        if tag is None or tag == "!":
            tag = self.resolve(MappingNode, None, start.implicit)
        node = MappingNode(tag, [], start.start_mark, None, flow_style=start.flow_style)
        if anchor is not None:
            self.anchors[anchor] = node
        seen: dict[tuple[str, str], Any] = {}
        while not self.check_event(MappingEndEvent):
            key = self.compose_node(node, None)
            value = self.compose_node(node, key)
            if isinstance(key, ScalarNode) and key.tag != "tag:yaml.org,2002:merge":
                k = (key.tag, key.value)
                first = seen.get(k)
                if first is not None:
                    raise _Stop(
                        f"duplicate key {key.value!r} (first at line {first.line + 1}; "
                        "a mapping's keys must differ)",
                        key.start_mark,
                    )
                seen[k] = key.start_mark
            node.value.append((key, value))
        node.end_mark = self.get_event().end_mark
        return node

    def construct_document(self, node: Any) -> Any:
        """The data of ``node``: plain strings, lists and mappings built here directly
        (PyYAML's generic constructor costs most of a large file's load); any other
        node (numbers, dates, merge keys, other tags) by PyYAML's safe constructor."""
        memo: dict[int, Any] = {}
        try:  # an alias gives the same object as its anchor, as in PyYAML
            return self._construct_plain(node, self._anchored, memo)
        finally:
            self.constructed_objects: dict[Any, Any] = {}
            self.recursive_objects: dict[Any, Any] = {}
            self.deep_construct = False

    def _construct_plain(self, node: Any, shared: set[int], memo: dict[int, Any]) -> Any:
        cls = node.__class__
        if cls is ScalarNode:
            if node.tag == _STR:
                return node.value
            return self.construct_object(node, deep=True)
        if id(node) in memo:
            return memo[id(node)]
        if cls is SequenceNode and node.tag == _SEQ:
            data: Any = [self._construct_plain(item, shared, memo) for item in node.value]
        elif cls is MappingNode and node.tag == _MAP and all(
            k.__class__ is ScalarNode and k.tag == _STR for k, _ in node.value
        ):
            data = {k.value: self._construct_plain(v, shared, memo) for k, v in node.value}
        else:
            data = self.construct_object(node, deep=True)
        if id(node) in shared:
            memo[id(node)] = data
        return data

    def _size(self, node: Any) -> int:
        """Nodes under ``node`` (itself included) with every alias written out; memoised."""
        sizes = self._sizes
        if id(node) in sizes:
            return sizes[id(node)]
        stack = [(node, False)]
        while stack:
            n, ready = stack.pop()
            if id(n) in sizes:
                continue
            if isinstance(n, ScalarNode):
                sizes[id(n)] = 1
                continue
            kids = n.value if isinstance(n, SequenceNode) else [x for kv in n.value for x in kv]
            if ready:
                sizes[id(n)] = 1 + sum(sizes[id(k)] for k in kids)
            else:
                stack.append((n, True))
                stack.extend((k, False) for k in kids if id(k) not in sizes)
        return sizes[id(node)]


def _yaml_error(exc: BaseException, path: str | None, line: int, what: str) -> FormatError:
    if isinstance(exc, _Stop):
        mark = exc.mark
        where: dict[str, Any] = {
            "path": path,
            "line": line + mark.line + 1 if mark is not None else None,
            "column": mark.column + 1 if mark is not None else None,
        }
        if exc.limit:
            return LimitError(exc.message, limit=exc.limit, **where)
        return FormatError(f"{what}: {exc.message}", **where)
    if isinstance(exc, yaml.MarkedYAMLError):
        mark = exc.problem_mark or exc.context_mark
        return FormatError(
            f"{what} syntax error: {exc.problem or exc.context}",
            path=path,
            line=line + mark.line + 1 if mark else None,
            column=mark.column + 1 if mark else None,
        )
    if isinstance(exc, ValueError) and "digits" in str(exc):
        return _int_error(path)
    return FormatError(f"{what} error: {exc}", path=path)


def _int_error(path: str | None, line: int | None = None) -> LimitError:
    return LimitError(
        f"an integer has more than {limits.max_int_digits} digits "
        f"(limit max_int_digits; {limits.how_to_raise('max_int_digits')})",
        limit="max_int_digits",
        path=path,
        line=line,
    )


@contextmanager
def gc_paused() -> Iterator[None]:
    """Pause the cyclic garbage collector (building a large map makes many containers
    and no cycles: the collector's passes would cost more than the build)."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


@contextmanager
def _bounded() -> Iterator[None]:
    """Pause the cyclic collector and apply ``limits.max_int_digits`` to int parsing."""
    enabled = gc.isenabled()
    gc.disable()
    digits = sys.get_int_max_str_digits()
    if digits != limits.max_int_digits:
        sys.set_int_max_str_digits(limits.max_int_digits)
    try:
        yield
    finally:
        if digits != limits.max_int_digits:
            sys.set_int_max_str_digits(digits)
        if enabled:
            gc.enable()


def compose_yaml(text: str) -> Any:
    """The YAML node tree of ``text`` (for line numbers), or None; the limits apply.

    Examples
    --------
    >>> compose_yaml("a: [1, 2]").value[0][0].value
    'a'
    """
    loader = BoundedLoader(text)
    try:
        return loader.get_single_node()
    finally:
        loader.dispose()


def load_yaml(text: str, *, path: str | None = None, line: int = 0, what: str = "YAML") -> Any:
    """Parse one YAML document safely (no object construction) within the limits.

    Parameters
    ----------
    text : str
        The YAML text.
    path : str, optional
        The file, for messages.
    line : int
        Lines before ``text`` in its file (for a block inside a larger file).
    what : str
        What the text is, for messages (``"front matter"``, ``"data block"``).

    Raises
    ------
    FormatError
        For a syntax error or a duplicate key, with the line.
    LimitError
        For nesting deeper than ``limits.max_depth``, aliases expanding beyond
        ``limits.max_alias_nodes`` or an integer over ``limits.max_int_digits`` digits.

    Examples
    --------
    >>> load_yaml("a: &x [1, 2]\\nb: *x")
    {'a': [1, 2], 'b': [1, 2]}
    >>> load_yaml("a: 1\\na: 2", path="m.yaml")
    Traceback (most recent call last):
    ...
    argmap.errors.FormatError: m.yaml, line 2, column 1: YAML: duplicate key 'a' \
(first at line 1; a mapping's keys must differ)
    """
    loader = BoundedLoader(text)
    try:
        with _bounded():
            return loader.get_single_data()
    except (yaml.YAMLError, _Stop, ValueError, RecursionError) as exc:
        raise _yaml_error(exc, path, line, what) from None
    finally:
        loader.dispose()


class _Duplicate(Exception):
    def __init__(self, key: str):
        self.key = key


def _pairs(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    d = dict(pairs)
    if len(d) != len(pairs):
        seen: set[str] = set()
        for k, _ in pairs:
            if k in seen:
                raise _Duplicate(k)
            seen.add(k)
    return d


def _constant(name: str) -> Any:
    raise ValueError(f"non-standard JSON constant {name}")


_TOKEN = re.compile(r'"(?:[^"\\]|\\.)*"|[{}\[\]]')
_COLON = re.compile(r"\s*:")


def _duplicate_lines(text: str, key: str) -> tuple[int | None, int | None]:
    """Lines of the first key ``key`` that repeats within one JSON object (slow path)."""
    stack: list[dict[str, int] | None] = []
    for m in _TOKEN.finditer(text):
        tok = m.group()
        if tok in ("{", "["):
            stack.append({} if tok == "{" else None)
        elif tok in ("}", "]"):
            if stack:
                stack.pop()
        elif stack and stack[-1] is not None and _COLON.match(text, m.end()):
            try:
                k = json.loads(tok)
            except ValueError:
                continue
            if k != key:
                continue
            line = text.count("\n", 0, m.start()) + 1
            if k in stack[-1]:
                return stack[-1][k], line
            stack[-1][k] = line
    return None, None


def check_depth(value: Any, *, path: str | None = None, what: str = "JSON") -> None:
    """Raise :class:`LimitError` if lists and dicts in ``value`` nest deeper than the limit.

    Iterative, so any depth is measured without recursion.

    Examples
    --------
    >>> check_depth({"a": [[1]]})
    >>> from argmap import limits
    >>> with limits.override(max_depth=2):
    ...     check_depth({"a": [[1]]})
    Traceback (most recent call last):
    ...
    argmap.errors.LimitError: JSON nests deeper than 2 levels (limit max_depth; \
raise it with argmap.limits.max_depth = N (now 2))
    """
    limit = limits.max_depth
    stack = [(value, 1)]
    containers = (dict, list)
    while stack:
        v, d = stack.pop()
        if d > limit:
            raise LimitError(
                f"{what} nests deeper than {limit} levels "
                f"(limit max_depth; {limits.how_to_raise('max_depth')})",
                limit="max_depth",
                path=path,
            )
        for c in v.values() if type(v) is dict else v:
            if type(c) in containers:
                stack.append((c, d + 1))


def load_json(text: str, *, path: str | None = None, line: int = 0, what: str = "JSON") -> Any:
    """Parse JSON text within the limits, refusing duplicate keys and NaN/Infinity.

    Raises
    ------
    FormatError
        For a syntax error (with line and column) or a duplicate key (naming both lines).
    LimitError
        For nesting deeper than ``limits.max_depth`` or an integer over
        ``limits.max_int_digits`` digits.

    Examples
    --------
    >>> load_json('{"a": [1, {"b": null}]}')
    {'a': [1, {'b': None}]}
    >>> load_json('{"a": 1,\\n "a": 2}', path="x.json")
    Traceback (most recent call last):
    ...
    argmap.errors.FormatError: x.json, line 2: JSON: duplicate key 'a' (first at line 1; \
an object's keys must differ)
    """
    try:
        with _bounded():
            value = json.loads(text, object_pairs_hook=_pairs, parse_constant=_constant)
    except _Duplicate as dup:
        first, second = _duplicate_lines(text, dup.key)
        at = f"first at line {line + first}; " if first else ""
        raise FormatError(
            f"{what}: duplicate key {dup.key!r} ({at}an object's keys must differ)",
            path=path,
            line=line + second if second else None,
        ) from None
    except json.JSONDecodeError as exc:
        raise FormatError(
            f"{what} syntax error: {exc.msg}", path=path, line=line + exc.lineno, column=exc.colno
        ) from None
    except RecursionError:
        raise LimitError(
            f"{what} nests deeper than {limits.max_depth} levels "
            f"(limit max_depth; {limits.how_to_raise('max_depth')})",
            limit="max_depth",
            path=path,
        ) from None
    except ValueError as exc:
        if "digits" in str(exc):
            raise _int_error(path) from None
        raise FormatError(f"{what}: {exc}", path=path) from None
    # nesting can only pass the limit if the text has that many brackets
    if type(value) in (dict, list) and (
        text.count("[") + text.count("{") > limits.max_depth
    ):
        check_depth(value, path=path, what=what)
    return value
