"""The exceptions argmap raises: one base class, each subclass also a fitting builtin."""

from __future__ import annotations

from collections.abc import Iterable
from os import PathLike
from typing import Any

__all__ = [
    "ArgmapError",
    "FormatError",
    "RuleError",
    "DuplicateIdError",
    "UnknownIdError",
    "DanglingRelationError",
    "ValidationReport",
    "MapValidationError",
    "ExecutableNotFoundError",
    "OptionError",
    "RenderError",
    "SourceError",
    "MissingExtraError",
    "LimitError",
    "UsageError",
    "AnalysisTimeout",
]


class ArgmapError(Exception):
    """Base class of every error argmap raises on purpose.

    Catch this to handle any problem with a map, a file or an option; errors
    that do not derive from it are bugs.
    """


def _where(path: str | PathLike[str] | None, line: int | None, column: int | None) -> str:
    parts = []
    if path is not None:
        parts.append(str(path))
    if line is not None:
        parts.append(f"line {line}")
        if column is not None:
            parts[-1] += f", column {column}"
    return ", ".join(parts)


class FormatError(ArgmapError, ValueError):
    """A file or text cannot be read as the format it claims to be.

    Parameters
    ----------
    message : str
        What is wrong, in words a user can act on.
    path : str or path-like, optional
        The file being read.
    line, column : int, optional
        1-based position of the problem, where the format has lines.
    statement : str, optional
        The id of the statement (or relation) concerned.

    Examples
    --------
    >>> str(FormatError("unknown kind 'thing'", path="map.yaml", line=4, statement="s1"))
    "map.yaml, line 4: statement 's1': unknown kind 'thing'"
    """

    def __init__(
        self,
        message: str,
        *,
        path: str | PathLike[str] | None = None,
        line: int | None = None,
        column: int | None = None,
        statement: str | None = None,
    ) -> None:
        self.message = message
        self.path = None if path is None else str(path)
        self.line = line
        self.column = column
        self.statement = statement
        super().__init__(self.__str__())

    def __str__(self) -> str:
        where = _where(self.path, self.line, self.column)
        what = f"statement {self.statement!r}: " if self.statement else ""
        return f"{where}: {what}{self.message}" if where else f"{what}{self.message}"


class RuleError(ArgmapError, ValueError):
    """A mutation would break the map's rule table (e.g. a rebuttal aimed at a claim)."""


class DuplicateIdError(ArgmapError, ValueError):
    """An id is already used by another statement, actor or relation."""


class UnknownIdError(ArgmapError, KeyError):
    """No statement, actor or relation has this id."""

    def __str__(self) -> str:  # KeyError would repr() the message
        return str(self.args[0]) if self.args else ""


class DanglingRelationError(ArgmapError, ValueError):
    """Removing a statement or relation would leave relations pointing at nothing."""


class ValidationReport(tuple[str, ...]):
    """The problems found by :meth:`ArgumentMap.validate`, one message each (a tuple of str)."""

    def __str__(self) -> str:
        return "\n".join(self)


class MapValidationError(ArgmapError, ValueError):
    """A map (or a file) has one or more problems; ``problems`` lists every one.

    Examples
    --------
    >>> err = MapValidationError(["relation 1: unknown id 'x'", "statement 'a': empty text"])
    >>> print(err)
    2 problems:
      relation 1: unknown id 'x'
      statement 'a': empty text
    """

    def __init__(self, problems: Iterable[str], *, path: str | PathLike[str] | None = None):
        self.problems = ValidationReport(problems)
        self.path = None if path is None else str(path)
        super().__init__(self.__str__())

    def __str__(self) -> str:
        head = f"{self.path}: " if self.path else ""
        if len(self.problems) == 1:
            return head + str(self.problems[0])
        body = "\n".join("  " + p for p in self.problems)
        return f"{head}{len(self.problems)} problems:\n{body}"


class ExecutableNotFoundError(ArgmapError, RuntimeError):
    """A program argmap needs (e.g. a Graphviz layout engine) is not installed."""


class OptionError(ArgmapError, ValueError):
    """An option has a value argmap does not know; the message lists the valid ones."""


class RenderError(ArgmapError, RuntimeError):
    """A layout engine ran but failed; the message carries what it printed."""


class SourceError(ArgmapError, ValueError):
    """A map's source text cannot be used: missing, unreadable, not UTF-8, too large.

    Examples
    --------
    >>> str(SourceError("source text file not found", path="article.txt"))
    'article.txt: source text file not found'
    """

    def __init__(self, message: str, *, path: str | PathLike[str] | None = None) -> None:
        self.message = message
        self.path = None if path is None else str(path)
        super().__init__(self.__str__())

    def __str__(self) -> str:
        return f"{self.path}: {self.message}" if self.path else self.message


class MissingExtraError(ArgmapError, ImportError):
    """An optional dependency is not installed; the message names the extra that brings it.

    E.g. pandas for ``to_pandas()`` (``pip install 'argmap[pandas]'``), anywidget
    for :func:`argmap.widget` (``pip install 'argmap[widget]'``).
    """


class LimitError(FormatError):
    """Input exceeds one of argmap's resource limits (see :mod:`argmap.limits`).

    The message names the limit, its value and how to raise it; ``limit`` holds the
    name of the setting in :mod:`argmap.limits` (e.g. ``'max_depth'``).

    Examples
    --------
    >>> err = LimitError("nesting deeper than 100 levels", limit="max_depth", path="m.yaml")
    >>> err.limit, isinstance(err, FormatError)
    ('max_depth', True)
    """

    def __init__(self, message: str, *, limit: str, **where: Any) -> None:
        self.limit = limit
        super().__init__(message, **where)


class UsageError(ArgmapError, TypeError):
    """A function or method was called with an argument of the wrong type or shape."""


class AnalysisTimeout(ArgmapError, TimeoutError):
    """An analysis ran past its ``timeout`` and was stopped; nothing partial is returned."""
