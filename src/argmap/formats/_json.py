"""JSON parsing shared by the JSON-based formats: clear syntax errors, one parse per text.

Several formats share the ``.json`` extension, so :func:`argmap.formats.detect_format`
asks each one's ``sniff`` whether it recognises the content. Each sniff parses the
text; :func:`sniff_json` keeps the last result so that a file is parsed once for all
the sniffs and the reader that follows; :func:`parse_json` (the reader's call) takes
it out of the cache.
"""

from __future__ import annotations

import json
from functools import lru_cache
from typing import Any

from ..errors import FormatError
from ._safe import load_json

__all__ = ["parse_json", "sniff_json", "line_of"]


@lru_cache(maxsize=2)
def _cached(text: str) -> tuple[bool, Any]:
    # bounded by argmap.limits, duplicate keys refused (see argmap.formats._safe)
    try:
        return True, load_json(text)
    except FormatError as exc:
        return False, exc


def sniff_json(text: str) -> Any:
    """The parsed JSON value of ``text``, or None when it is not JSON.

    Do not mutate the result: it is shared with later calls on the same text.

    Examples
    --------
    >>> sniff_json('{"a": 1}'), sniff_json("a: 1")
    ({'a': 1}, None)
    """
    if not text.lstrip().startswith(("{", "[")):
        return None
    ok, value = _cached(text)
    if not ok and isinstance(value, FormatError) and not value.message.startswith("JSON syntax"):
        return {}  # JSON, but refused (a limit, a duplicate key): the reader says why
    return value if ok else None


def parse_json(text: str, path: str | None = None, *, what: str = "JSON") -> Any:
    """Parse JSON text, raising :class:`FormatError` with the line and column of a syntax error.

    The result may be the one :func:`sniff_json` made (it is then dropped from the
    cache, so nothing else shares it).

    Examples
    --------
    >>> parse_json('{"nodes": []}')
    {'nodes': []}
    >>> parse_json('{"nodes": [}', "x.json")
    Traceback (most recent call last):
    ...
    argmap.errors.FormatError: x.json, line 1, column 12: JSON syntax error: Expecting value
    """
    ok, value = _cached(text)
    # the reader takes the value from here: keep no parse tree alive in the cache
    _cached.cache_clear()
    if ok:
        return value
    return load_json(text, path=path, what=what)


def line_of(text: str | None, key: str, value: Any) -> int | None:
    """The 1-based line where ``"key": value`` first appears in a JSON text, if found.

    Used to point semantic errors (a node id, an edge id) at their place in the file.

    Examples
    --------
    >>> line_of('{\\n "nodes": [\\n  {"nodeID": "7"}]}', "nodeID", "7")
    3
    """
    if text is None:
        return None
    needle = json.dumps(value, ensure_ascii=False)
    for sep in (": ", ":", " : "):
        pos = text.find(f'"{key}"{sep}{needle}')
        if pos >= 0:
            return text.count("\n", 0, pos) + 1
    return None
