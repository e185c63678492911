"""Run the rules over a map (or a file) and collect the findings: the engine of ``argmap check``."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..analysis.dialectic import resolve_theses
from ..errors import OptionError
from .config import CheckConfig, find_pyproject_config, parse_config, resolve_selectors
from .findings import Finding, severity_rank
from .rules import Context

if TYPE_CHECKING:
    from ..formats.native import Locations
    from ..map import ArgumentMap

__all__ = ["CheckResult", "check_map", "check_file"]

NOQA_PREFIX = "noqa:"
"""A statement tag ``noqa:<rule>`` suppresses that rule's findings on the statement."""


@dataclass
class CheckResult:
    """The outcome of checking one map.

    Attributes
    ----------
    file : str or None
        The map file, as given.
    map : ArgumentMap
    theses : list of str
        The thesis ids the dialectic rules were scoped to.
    findings : list of Finding
        Reported findings (not suppressed, at or above the minimum severity),
        in the order of the map file.
    suppressed : int
        Findings a ``per-statement-ignores`` entry or a ``noqa:`` tag silenced.
    hidden : int
        Findings below the minimum severity.
    statuses : list of ObjectionStatus
        Every objection's status, ``threatens`` limited to ``theses``.
    coverage : dict or None
        ``{"source", "share", "sentences", "mapped", "unmapped": [{"line", "text"}]}``
        when the map's source text was available.
    fail_on : str
        The lowest severity that fails the check.
    warnings : list of str
        What the map's importer could not represent.
    """

    file: str | None
    map: ArgumentMap = field(repr=False)
    theses: list[str]
    findings: list[Finding] = field(repr=False)
    suppressed: int = 0
    hidden: int = 0
    statuses: list[Any] = field(default_factory=list, repr=False)
    coverage: dict[str, Any] | None = field(default=None, repr=False)
    source: str | None = None
    fail_on: str = "error"
    min_severity: str = "info"
    warnings: list[str] = field(default_factory=list)

    @property
    def failed(self) -> bool:
        """True when a finding is at or above ``fail_on`` (exit status 1)."""
        limit = severity_rank(self.fail_on)
        return any(severity_rank(f.severity) >= limit for f in self.findings)

    def __str__(self) -> str:
        """The text report (what ``argmap check`` prints)."""
        from .output import format_text

        return format_text([self])

    def counts(self) -> dict[str, int]:
        """Findings per severity."""
        out = {"error": 0, "warning": 0, "info": 0}
        for f in self.findings:
            out[f.severity] += 1
        return out

    def to_dict(self) -> dict[str, Any]:
        """Plain data (one entry of ``--format json``'s ``files``)."""
        m = self.map
        unanswered = []
        for st in self.statuses:
            if st.answered:
                continue
            o = st.objection
            actor = m.get_actor(o.by) if o.by else None
            against = []
            for t in st.targets:
                if t in m:
                    s = m.get(t)
                    against.append({"id": s.id, "kind": s.kind, "text": s.text})
                else:
                    rel = m.relation(t)
                    against.append(
                        {"relation": t, "kind": rel.kind, "from": rel.from_, "to": rel.to}
                    )
            unanswered.append(
                {
                    "id": o.id,
                    "text": o.text,
                    "quote": o.quote,
                    "by": None
                    if actor is None
                    else {"id": actor.id, "name": actor.name, "affiliation": actor.affiliation},
                    "against": against,
                    "reason": st.reason,
                    "answers": list(st.answers),
                    "threatens": {t: list(p) for t, p in st.threatens.items()},
                }
            )
        return {
            "file": self.file,
            "theses": [{"id": t, "text": m.get(t).text} for t in self.theses],
            "objections": len(self.statuses),
            "unanswered_count": len(unanswered),
            "threatening_count": sum(1 for u in unanswered if u["threatens"]),
            "unanswered": unanswered,
            "findings": [f.to_dict() for f in self.findings],
            "counts": self.counts(),
            "suppressed": self.suppressed,
            "hidden": self.hidden,
            "coverage": self.coverage,
            "failed": self.failed,
        }


def _load_source(
    m: ArgumentMap, path: str | None, source: str | os.PathLike[str] | None
) -> Any:
    try:
        from ..anchor import load_source
    except ImportError:  # pragma: no cover - until the anchoring module is present
        if source is not None:
            raise OptionError(
                "--source: source anchoring (argmap.anchor) is not available"
            ) from None
        return None
    return load_source(m, map_path=path, source=source)


def _coverage_data(ctx: Context) -> dict[str, Any]:
    cov = ctx.coverage
    sentences = list(cov.sentences)
    unmapped = []
    for item in cov.unmapped:
        sentence = getattr(item, "sentence", item)
        unmapped.append({"line": sentence.line, "text": sentence.text})
    return {
        "source": str(path) if (path := getattr(ctx.source, "path", None)) else None,
        "share": round(float(cov.share), 4),
        "quoted_share": round(float(getattr(cov, "quoted_share", cov.share)), 4),
        "sentences": len(sentences),
        "mapped": sum(1 for s in sentences if s.mapped),
        "unmapped": unmapped,
    }


def _noqa(m: ArgumentMap, where: str) -> dict[str, frozenset[str]]:
    out: dict[str, frozenset[str]] = {}
    for s in m.statements():
        selectors = [t[len(NOQA_PREFIX) :] for t in s.tags if t.startswith(NOQA_PREFIX)]
        if selectors:
            origin = f"{where}statement {s.id!r}: tag"
            out[s.id] = frozenset(resolve_selectors(selectors, where=origin))
    return out


def check_map(
    m: ArgumentMap,
    *,
    path: str | None = None,
    thesis: str | list[str] | None = None,
    config: CheckConfig | None = None,
    overrides: CheckConfig | None = None,
    source: str | os.PathLike[str] | None = None,
    locations: Locations | None = None,
) -> CheckResult:
    """Check one map with the configured rules.

    Parameters
    ----------
    m : ArgumentMap
    path : str, optional
        The map file (for locations, the source's relative path, per-file ignores).
    thesis : str or list of str, optional
        Theses to scope the dialectic rules to; default the map's theses.
    config : CheckConfig, optional
        Project settings (``pyproject.toml``); the map's own ``check_config``
        overrides them, and ``overrides`` (the command line) override both.
    source : path, optional
        The source text, instead of the one the map names.
    locations : argmap.formats.native.Locations, optional
        Lines of the map's parts, for findings.

    Raises
    ------
    UnknownIdError, OptionError
        For a thesis that is unknown or not a claim, or malformed settings.
    argmap.errors.SourceError
        When the source named cannot be read.

    Examples
    --------
    >>> from argmap import ArgumentMap
    >>> m = ArgumentMap()
    >>> _ = m.actor("ann", "Ann")
    >>> t = m.claim("T.", id="t", by="ann")
    >>> _ = m.objection("O.", id="o", against=t, by="ann")
    >>> [(f.code, f.statement, f.thesis) for f in check_map(m).findings]
    [('AM101', 'o', 't')]
    """
    where = f"{path}: " if path else ""
    own = parse_config(m.check_config, origin=f"{where}check", allow_per_file=False)
    cfg = (config or CheckConfig()).merged(own).merged(overrides or CheckConfig())
    theses = resolve_theses(m, thesis)
    rules = cfg.rules()
    off = cfg.ignored_for_file(path)
    rules = [r for r in rules if r.code not in off]
    src = _load_source(m, path, source)
    ctx = Context(m, theses, src, coverage_window=cfg.coverage, map_path=path)
    ignores = dict(cfg.per_statement_ignores)
    for sid, codes in _noqa(m, where).items():
        ignores[sid] = ignores.get(sid, frozenset()) | codes
    min_rank = severity_rank(cfg.min_severity or "info")
    found: list[Finding] = []
    suppressed = hidden = 0
    for rule in rules:
        if rule.needs_source and src is None:
            continue
        severity = cfg.severity_of(rule)
        for hit in rule.func(ctx):
            if hit.statement is not None and rule.code in ignores.get(hit.statement, ()):
                suppressed += 1
                continue
            if severity_rank(severity) < min_rank:
                hidden += 1
                continue
            line = None
            if locations and hit.statement:
                # an actor may share its id with a statement: cite the actor's own line
                actor = hit.extra.get("actor")
                line = locations.actors.get(actor) if actor else locations.line(hit.statement)
            found.append(
                Finding(
                    rule.code,
                    rule.name,
                    severity,
                    hit.message,
                    file=path,
                    line=line,
                    statement=hit.statement,
                    hint=hit.hint,
                    thesis=hit.thesis,
                    path=hit.path,
                    extra=dict(hit.extra),
                )
            )
    order = ctx.order
    found.sort(key=lambda f: (f.line or 0, order.get(f.statement or "", -1), f.code))
    return CheckResult(
        file=path,
        map=m,
        theses=theses,
        findings=found,
        suppressed=suppressed,
        hidden=hidden,
        statuses=list(ctx.statuses),
        coverage=_coverage_data(ctx) if src is not None else None,
        source=str(src.path) if src is not None and getattr(src, "path", None) else None,
        fail_on=cfg.fail_on or "error",
        min_severity=cfg.min_severity or "info",
    )


def check_file(
    path: str | os.PathLike[str],
    *,
    format: str | None = None,
    thesis: str | list[str] | None = None,
    overrides: CheckConfig | None = None,
    source: str | os.PathLike[str] | None = None,
    isolated: bool = False,
) -> CheckResult:
    """Read a map file and check it, with the settings of the nearest ``pyproject.toml``.

    Parameters
    ----------
    path : path
        The map file (any readable format; native YAML/JSON files give lines).
    format : str, optional
        Input format name, when the extension does not tell.
    isolated : bool
        Ignore ``pyproject.toml`` settings.

    Notes
    -----
    See :func:`check_map` for the other parameters and what is raised.
    """
    from ..formats import detect_format, get_format
    from ..formats.native import locations as find_locations
    from ..io import read_text

    name = str(path)
    text = read_text(path)
    fmt = get_format(format) if format else detect_format(name, text)
    if fmt.read is None:
        from ..errors import FormatError

        raise FormatError(f"argmap can write {fmt.name} but not read it", path=name)
    m, losses = fmt.read(text, name)
    config = CheckConfig() if isolated else find_pyproject_config(Path(name).parent or ".")
    result = check_map(
        m,
        path=name,
        thesis=thesis,
        config=config,
        overrides=overrides,
        source=source,
        locations=find_locations(text) if fmt.name in ("yaml", "json") else None,
    )
    result.warnings = list(losses)
    return result
