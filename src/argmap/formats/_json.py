"""JSON parsing shared by the JSON-based formats: clear syntax errors, one parse per text.

Several formats share the ``.json`` extension, so :func:`argmap.formats.detect_format`
asks each one's ``sniff`` whether it recognises the content. Each sniff parses the
text; :func:`sniff_json` keeps the last result so that a file is parsed once for all
the sniffs and the reader that follows; :func:`parse_json` (the reader's call) takes
it out of the cache.
"""

from __future__ import annotations

import gc
import json
from functools import lru_cache
from typing import Any

from ..errors import FormatError

__all__ = ["parse_json", "sniff_json", "line_of"]


@lru_cache(maxsize=2)
def _cached(text: str) -> tuple[bool, Any]:
    # a large file makes many containers and no cycles: the cyclic collector's passes
    # over them would only slow the parse down
    enabled = gc.isenabled()
    gc.disable()
    try:
        return True, json.loads(text)
    except (json.JSONDecodeError, RecursionError):
        return False, None
    finally:
        if enabled:
            gc.enable()


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
    try:
        json.loads(text)
    except json.JSONDecodeError as exc:
        raise FormatError(
            f"{what} syntax error: {exc.msg}", path=path, line=exc.lineno, column=exc.colno
        ) from None
    except RecursionError:
        raise FormatError(f"{what}: nesting too deep", path=path) from None
    raise AssertionError("unreachable")  # pragma: no cover


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
