"""``argmap check`` as a library: rule-based checks of a map, with codes, severities and hints.

>>> import argmap
>>> from argmap.check import check_map
>>> m = argmap.ArgumentMap()
>>> t = m.claim("Tax sugar.", id="tax", tags=["thesis"])
>>> o = m.objection("It hurts the poor.", id="regressive", against=t)
>>> for f in check_map(m).findings:
...     print(f.code, f.name, f.severity, f.statement)
AM201 missing-actor warning tax
AM101 unanswered-objection error regressive
AM201 missing-actor warning regressive

The pieces: :mod:`~argmap.check.rules` (the rules, each a code, a name, a
default severity and a function over the map), :mod:`~argmap.check.config`
(``[tool.argmap.check]``, the map's ``check:`` key), :mod:`~argmap.check.engine`
(runs the rules, applies suppressions and severities) and
:mod:`~argmap.check.output` (text, JSON, GitHub, SARIF). See docs/checking.md.
"""

from __future__ import annotations

from .config import CheckConfig, find_pyproject_config, parse_config, resolve_selectors
from .engine import CheckResult, check_file, check_map
from .findings import SEVERITIES, Finding, Severity
from .rules import RULES, Rule

__all__ = [
    "CheckConfig",
    "CheckResult",
    "Finding",
    "RULES",
    "Rule",
    "SEVERITIES",
    "Severity",
    "check_file",
    "check_map",
    "find_pyproject_config",
    "parse_config",
    "resolve_selectors",
]
