"""What a check reports: findings (rule, severity, location, message, hint) and their levels."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal

__all__ = ["Severity", "SEVERITIES", "severity_rank", "Finding"]

Severity = Literal["info", "warning", "error"]
SEVERITIES: tuple[str, ...] = ("info", "warning", "error")
"""Severities from the lowest to the highest."""


def severity_rank(severity: str) -> int:
    """0 for info, 1 for warning, 2 for error.

    Examples
    --------
    >>> severity_rank("warning") > severity_rank("info")
    True
    """
    return SEVERITIES.index(severity)


@dataclass(frozen=True)
class Finding:
    """One problem a rule found in a map.

    Attributes
    ----------
    code, name : str
        The rule's code (``AM101``) and kebab-case name (``unanswered-objection``).
    severity : {"info", "warning", "error"}
        After the configuration's overrides.
    message : str
        One sentence naming what is wrong and where (statement ids).
    file : str or None
        The map file, as given.
    line : int or None
        1-based line of the statement (or relation) in the map file, where known.
    statement : str or None
        The statement id, relation key or actor id the finding is about.
    hint : str or None
        How to fix it, where there is a fix.
    thesis : str or None
        For objections: the thesis they bear on (the report groups by it).
    path : tuple of str
        For objections bearing on a thesis: the path from the objection to it
        (statement ids and relation keys).
    extra : dict
        Rule-specific data (e.g. the nearest passage of the source for a quote).

    Examples
    --------
    >>> f = Finding("AM202", "unused-actor", "warning", "actor 'bob' says nothing", statement="bob")
    >>> f.to_dict()["code"], f.location
    ('AM202', '<map>')
    """

    code: str
    name: str
    severity: Severity
    message: str
    file: str | None = None
    line: int | None = None
    statement: str | None = None
    hint: str | None = None
    thesis: str | None = None
    path: tuple[str, ...] = ()
    extra: dict[str, Any] = field(default_factory=dict)

    @property
    def location(self) -> str:
        """``file:line`` (or as much of it as is known), for text output."""
        where = self.file or "<map>"
        return f"{where}:{self.line}" if self.line else where

    def to_dict(self) -> dict[str, Any]:
        """Plain data, as ``--format json`` prints it."""
        data: dict[str, Any] = {
            "code": self.code,
            "name": self.name,
            "severity": self.severity,
            "message": self.message,
            "file": self.file,
            "line": self.line,
            "statement": self.statement,
            "hint": self.hint,
        }
        if self.thesis is not None:
            data["thesis"] = self.thesis
            data["path"] = list(self.path)
        data.update(self.extra)
        return data
