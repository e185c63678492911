"""Resource limits: the nesting, alias expansion, number size and framework size argmap accepts.

Every reader checks its input against these limits and raises
:class:`argmap.errors.LimitError` (a :class:`~argmap.errors.FormatError`) naming
the limit, its value and how to raise it, instead of exhausting memory or the
stack. The limits are plain module attributes, read at each call: raise one for
the whole process by assigning to it, or for a block with :func:`override`.
``docs/limits.md`` lists them with what happens at each.

Examples
--------
>>> from argmap import limits
>>> limits.max_depth
100
>>> with limits.override(max_depth=200):
...     limits.max_depth
200
>>> limits.max_depth
100
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from contextlib import contextmanager

__all__ = [
    "max_depth",
    "max_alias_nodes",
    "max_int_digits",
    "max_arguments",
    "max_text_length",
    "override",
    "how_to_raise",
]

max_depth: int = 100
"""Deepest nesting of lists and mappings in YAML, JSON and the ``meta`` of a statement
or relation (a native file uses 4 levels around its ``meta``)."""

max_alias_nodes: int = 100_000
"""Most YAML nodes reachable through aliases (``*name``) in one document, counted as
if each alias were written out: a "billion laughs" file stops here."""

max_int_digits: int = 4300
"""Most decimal digits of an integer in any input (Python's own default limit)."""

max_arguments: int = 10_000_000
"""Most arguments of an ICCMA framework (``p af N``, or the arguments an apx/tgf file
names); a header asking for more is refused before any memory is taken."""

max_text_length: int = 16_384
"""Longest quoted string in DOT text (Graphviz's scanner's own limit, in bytes): a
statement's tooltip longer than this is cut, with a warning naming the statement."""

_NAMES = (
    "max_depth",
    "max_alias_nodes",
    "max_int_digits",
    "max_arguments",
    "max_text_length",
)


def how_to_raise(name: str) -> str:
    """The sentence that error messages end with, telling how to raise limit ``name``.

    Examples
    --------
    >>> how_to_raise("max_depth")
    'raise it with argmap.limits.max_depth = N (now 100)'
    """
    return f"raise it with argmap.limits.{name} = N (now {getattr(sys.modules[__name__], name)})"


@contextmanager
def override(**values: int) -> Iterator[None]:
    """Set some limits for the duration of a ``with`` block, then restore them.

    Raises
    ------
    argmap.errors.UsageError
        For a name that is not a limit, or a value that is not a positive integer.
    """
    from .errors import UsageError

    module = sys.modules[__name__]
    for name, value in values.items():
        if name not in _NAMES:
            raise UsageError(f"unknown limit {name!r} (must be one of {list(_NAMES)})")
        if not isinstance(value, int) or isinstance(value, bool) or value < 1:
            raise UsageError(f"limit {name} must be a positive integer, not {value!r}")
    old = {name: getattr(module, name) for name in values}
    for name, value in values.items():
        setattr(module, name, value)
    try:
        yield
    finally:
        for name, value in old.items():
            setattr(module, name, value)
