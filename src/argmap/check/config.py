"""Configuration of ``argmap check``: ``[tool.argmap.check]``, the map's ``check:`` key, options.

The same keys everywhere (a TOML table in the nearest ``pyproject.toml``, the
top-level ``check:`` mapping of a native map file, or ``ArgumentMap.check_config``
for a map built in Python):

``select``
    Rules to run: codes (``AM101``), names (``unanswered-objection``), code
    prefixes (``AM1``) or ``ALL``. Default: every rule.
``ignore``
    Rules not to run (same selectors).
``severity``
    Rule -> ``error``, ``warning`` or ``info``: a severity other than the default.
``min-severity``
    Findings below it are neither shown nor counted (default ``info``).
``fail-on``
    The lowest severity that makes the exit status 1 (default ``error``).
``per-statement-ignores``
    Statement id (or relation key, or actor id) -> rules not reported for it.
``coverage-start``, ``coverage-end``, ``coverage-skip``
    Limit the coverage of the source text to the sentences from the one holding
    ``coverage-start`` to the one holding ``coverage-end``, leaving out those the
    regular expression ``coverage-skip`` matches (a site's navigation, a byline).
``per-file-ignores``
    ``pyproject.toml`` only: glob pattern (relative to the ``pyproject.toml``'s
    folder, or a bare file name) -> rules not reported for matching map files.

A statement can also carry its own suppression as a tag ``noqa:AM203`` (or
``noqa:isolated-statement``). Precedence: command-line options over the map's
``check:`` over ``pyproject.toml``; ``select`` replaces, ``ignore`` and the
ignore tables add up, ``severity`` overrides merge.
"""

from __future__ import annotations

import fnmatch
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any, cast

from ..errors import OptionError
from .findings import SEVERITIES, Severity
from .rules import RULES, Rule, rule_by_selector

__all__ = ["CheckConfig", "parse_config", "find_pyproject_config", "resolve_selectors"]

_KEYS = (
    "select",
    "ignore",
    "severity",
    "min-severity",
    "fail-on",
    "per-statement-ignores",
    "per-file-ignores",
    "coverage-start",
    "coverage-end",
    "coverage-skip",
)


def resolve_selectors(selectors: Iterable[str], *, where: str = "--select") -> list[str]:
    """Rule codes for a list of selectors, in code order.

    Raises
    ------
    OptionError
        For a selector that names no rule.

    Examples
    --------
    >>> resolve_selectors(["AM20", "unanswered-objection"])[:3]
    ['AM101', 'AM201', 'AM202']
    >>> resolve_selectors(["AM999"])
    Traceback (most recent call last):
    ...
    argmap.errors.OptionError: --select: unknown rule 'AM999' (see argmap check --list-rules)
    """
    codes: set[str] = set()
    for sel in selectors:
        rules = rule_by_selector(sel) if isinstance(sel, str) else []
        if not rules:
            raise OptionError(f"{where}: unknown rule {sel!r} (see argmap check --list-rules)")
        codes.update(r.code for r in rules)
    return [c for c in RULES if c in codes]


@dataclass(frozen=True)
class CheckConfig:
    """Resolved settings of a check (see the module docstring for the keys).

    Examples
    --------
    >>> cfg = CheckConfig().merged(parse_config({"ignore": ["AM2"]}, origin="test"))
    >>> "AM201" in [r.code for r in cfg.rules()], "AM101" in [r.code for r in cfg.rules()]
    (False, True)
    """

    select: tuple[str, ...] | None = None
    ignore: frozenset[str] = frozenset()
    severity: Mapping[str, str] = field(default_factory=dict)
    min_severity: str | None = None
    fail_on: str | None = None
    per_statement_ignores: Mapping[str, frozenset[str]] = field(default_factory=dict)
    per_file_ignores: tuple[tuple[str, Path | None, frozenset[str]], ...] = ()
    coverage: Mapping[str, str] = field(default_factory=dict)
    """``start``, ``end``, ``skip`` for :func:`argmap.anchor.coverage`."""

    def merged(self, other: CheckConfig) -> CheckConfig:
        """These settings overridden by ``other`` (select replaces; ignores add up)."""
        statement_ignores = {k: set(v) for k, v in self.per_statement_ignores.items()}
        for k, v in other.per_statement_ignores.items():
            statement_ignores.setdefault(k, set()).update(v)
        return replace(
            self,
            select=other.select if other.select is not None else self.select,
            ignore=self.ignore | other.ignore,
            severity={**self.severity, **other.severity},
            min_severity=other.min_severity or self.min_severity,
            fail_on=other.fail_on or self.fail_on,
            per_statement_ignores={k: frozenset(v) for k, v in statement_ignores.items()},
            per_file_ignores=self.per_file_ignores + other.per_file_ignores,
            coverage={**self.coverage, **other.coverage},
        )

    def rules(self) -> list[Rule]:
        """The rules to run, in code order."""
        chosen = self.select if self.select is not None else tuple(RULES)
        return [RULES[c] for c in chosen if c not in self.ignore]

    def severity_of(self, rule: Rule) -> Severity:
        return cast(Severity, self.severity.get(rule.code, rule.severity))

    def ignored_for_file(self, path: str | None) -> frozenset[str]:
        """Codes the per-file ignores switch off for this map file."""
        if path is None or not self.per_file_ignores:
            return frozenset()
        target = Path(path).resolve()
        out: set[str] = set()
        for pattern, base, codes in self.per_file_ignores:
            names = [target.name, target.as_posix()]
            if base is not None:
                try:
                    names.append(target.relative_to(base).as_posix())
                except ValueError:
                    pass
            if any(fnmatch.fnmatchcase(n, pattern) for n in names):
                out |= codes
        return frozenset(out)


def _str_list(value: Any, key: str, origin: str) -> list[str]:
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise OptionError(f"{origin}: '{key}' must be a list of rule codes or names, got {value!r}")
    return value


def _level(value: Any, key: str, origin: str) -> str:
    if value not in SEVERITIES:
        raise OptionError(
            f"{origin}: '{key}' must be one of {', '.join(SEVERITIES)}, got {value!r}"
        )
    return str(value)  # one of SEVERITIES


def _ignore_table(value: Any, key: str, origin: str) -> dict[str, frozenset[str]]:
    if not isinstance(value, Mapping):
        raise OptionError(
            f"{origin}: '{key}' must be a table of {{name: [rule, ...]}}, got {value!r}"
        )
    return {
        str(k): frozenset(resolve_selectors(_str_list(v, f"{key}.{k}", origin), where=origin))
        for k, v in value.items()
    }


def parse_config(
    table: Any, *, origin: str, base: Path | None = None, allow_per_file: bool = True
) -> CheckConfig:
    """Validate one configuration table (TOML table, map ``check:`` mapping, dict).

    Parameters
    ----------
    table : mapping
        The keys of the module docstring.
    origin : str
        Where it comes from, for messages (``pyproject.toml [tool.argmap.check]``).
    base : Path, optional
        Folder per-file patterns are relative to.
    allow_per_file : bool
        False for a map's own ``check:`` (a map cannot ignore rules for other files).

    Raises
    ------
    OptionError
        For a table that is not a mapping, an unknown key, a value of the wrong
        type, an unknown rule or severity; the message names ``origin``.
    """
    if table is None:
        return CheckConfig()
    if not isinstance(table, Mapping):
        raise OptionError(f"{origin}: must be a table of settings, got {type(table).__name__}")
    unknown = [
        k for k in table if k not in _KEYS or (k == "per-file-ignores" and not allow_per_file)
    ]
    if unknown:
        valid = [k for k in _KEYS if allow_per_file or k != "per-file-ignores"]
        raise OptionError(f"{origin}: unknown key {unknown[0]!r} (valid keys: {', '.join(valid)})")
    select = ignore = None
    if "select" in table:
        select = tuple(
            resolve_selectors(_str_list(table["select"], "select", origin), where=origin)
        )
    if "ignore" in table:
        ignore = frozenset(
            resolve_selectors(_str_list(table["ignore"], "ignore", origin), where=origin)
        )
    severity: dict[str, str] = {}
    if "severity" in table:
        value = table["severity"]
        if not isinstance(value, Mapping):
            raise OptionError(
                f"{origin}: 'severity' must be a table of {{rule: level}}, got {value!r}"
            )
        for k, v in value.items():
            level = _level(v, f"severity.{k}", origin)
            for code in resolve_selectors([str(k)], where=origin):
                severity[code] = level
    per_file: tuple[tuple[str, Path | None, frozenset[str]], ...] = ()
    if "per-file-ignores" in table:
        per_file = tuple(
            (pattern, base, codes)
            for pattern, codes in _ignore_table(
                table["per-file-ignores"], "per-file-ignores", origin
            ).items()
        )
    coverage = {}
    for key in ("coverage-start", "coverage-end", "coverage-skip"):
        if key in table:
            if not isinstance(table[key], str) or not table[key]:
                raise OptionError(f"{origin}: '{key}' must be a non-empty string")
            if key == "coverage-skip":
                try:
                    re.compile(table[key])
                except re.error as exc:
                    raise OptionError(
                        f"{origin}: 'coverage-skip' is not a valid regular expression: {exc}"
                    ) from None
            coverage[key.removeprefix("coverage-")] = table[key]
    return CheckConfig(
        coverage=coverage,
        select=select,
        ignore=ignore or frozenset(),
        severity=severity,
        min_severity=_level(table["min-severity"], "min-severity", origin)
        if "min-severity" in table
        else None,
        fail_on=_level(table["fail-on"], "fail-on", origin) if "fail-on" in table else None,
        per_statement_ignores=_ignore_table(
            table["per-statement-ignores"], "per-statement-ignores", origin
        )
        if "per-statement-ignores" in table
        else {},
        per_file_ignores=per_file,
    )


def find_pyproject_config(start: str | Path) -> CheckConfig:
    """The ``[tool.argmap.check]`` table of the nearest ``pyproject.toml`` that has one.

    Looks in ``start`` (a file's folder, or a folder) and its parents; a
    ``pyproject.toml`` without the table is passed over, as ruff does.

    Raises
    ------
    OptionError
        If a ``pyproject.toml`` on the way is not valid TOML, or its table is malformed.
    """
    import tomllib

    here = Path(start).resolve()
    if not here.is_dir():
        here = here.parent
    for folder in (here, *here.parents):
        candidate = folder / "pyproject.toml"
        if not candidate.is_file():
            continue
        try:
            data = tomllib.loads(candidate.read_text(encoding="utf-8"))
        except (tomllib.TOMLDecodeError, UnicodeDecodeError, OSError) as exc:
            raise OptionError(f"{candidate}: cannot read it as TOML: {exc}") from None
        tool = data.get("tool", {})
        argmap_table = tool.get("argmap", {}) if isinstance(tool, Mapping) else {}
        if not isinstance(argmap_table, Mapping) or "check" not in argmap_table:
            continue
        return parse_config(
            argmap_table["check"], origin=f"{candidate} [tool.argmap.check]", base=folder
        )
    return CheckConfig()
