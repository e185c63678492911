"""The rules of ``argmap check``: each a code, a kebab name, a default severity and a function.

A rule function takes a :class:`Context` (the map, the theses the check is
scoped to, the analyses it needs, computed once and shared) and returns
:class:`Hit` objects; the engine (:mod:`argmap.check.engine`) turns them into
:class:`~argmap.check.findings.Finding` objects with the configured severity and
the file and line. Codes are stable once published: ``AM1xx`` dialectic (what
threatens a thesis), ``AM2xx`` structure and provenance, ``AM3xx`` the source
text. docs/checking.md documents each rule with a map that triggers it.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from functools import cached_property
from typing import TYPE_CHECKING, Any, TypeVar

from ..analysis.bipolar import bipolar_framework
from ..analysis.dialectic import REASON_TEXT, Label, _objection_statuses, grounded_labels

if TYPE_CHECKING:
    from ..analysis.bipolar import BipolarFramework
    from ..analysis.dialectic import ObjectionStatuses
    from ..anchor import Coverage, QuoteMatches, SourceText
    from ..map import ArgumentMap
    from ..model import Statement

__all__ = ["Hit", "Rule", "Context", "RULES", "rule_by_selector"]


@dataclass(frozen=True)
class Hit:
    """What a rule found, before the engine adds code, severity and location."""

    statement: str | None
    message: str
    hint: str | None = None
    thesis: str | None = None
    path: tuple[str, ...] = ()
    extra: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class Rule:
    """A check rule.

    Attributes
    ----------
    code : str
        ``AM`` and three digits, stable once published.
    name : str
        kebab-case name, accepted wherever the code is.
    severity : {"info", "warning", "error"}
        Default severity (a configuration may override it).
    summary : str
        One line, for ``argmap check --list-rules`` and SARIF.
    func : callable
        ``(Context) -> list[Hit]``.
    needs_source : bool
        The rule runs only when the map's source text is available.
    """

    code: str
    name: str
    severity: str
    summary: str
    func: Callable[[Context], list[Hit]]
    needs_source: bool = False


class Context:
    """What the rules look at; each analysis is computed on first use, once.

    Parameters
    ----------
    m : ArgumentMap
    theses : list of str
        Thesis ids (already checked) the dialectic rules are scoped to.
    source : argmap.anchor.SourceText or None
        The map's source text, when one is available.
    map_path : str, optional
        The map's file (statements' own ``source.file`` are relative to its folder).
    """

    def __init__(
        self,
        m: ArgumentMap,
        theses: list[str],
        source: SourceText | None = None,
        *,
        coverage_window: Mapping[str, Any] | None = None,
        map_path: str | os.PathLike[str] | None = None,
    ) -> None:
        self.m = m
        self.theses = theses
        self.source = source
        # a statement's own source.file is relative to the map's folder
        self.map_path = map_path
        self.coverage_window = dict(coverage_window or {})

    @cached_property
    def baf(self) -> BipolarFramework:
        return bipolar_framework(self.m)

    @cached_property
    def labels(self) -> dict[str, Label]:
        return grounded_labels(self.baf.arguments, self.baf.attacks)

    @cached_property
    def statuses(self) -> ObjectionStatuses:
        """Every objection's status, ``threatens`` limited to ``theses``."""
        return _objection_statuses(
            self.m, self.labels, self.baf.relation_of, theses=self.theses, baf=self.baf
        )

    @cached_property
    def quotes(self) -> QuoteMatches:
        from ..anchor import locate_quotes

        # a statement's own source.file is resolved against the map's folder
        return locate_quotes(self.m, self.source, map_path=self.map_path)

    @cached_property
    def coverage(self) -> Coverage:
        from ..anchor import coverage

        return coverage(self.m, self.source, matches=self.quotes, **self.coverage_window)

    @cached_property
    def order(self) -> dict[str, int]:
        return {s.id: i for i, s in enumerate(self.m.statements())}

    def who(self, statement: Statement) -> str:
        """`` (by Name, Affiliation)`` or nothing."""
        if not statement.by:
            return ""
        actor = self.m.get_actor(statement.by)
        return f" (by {actor.label})"

    def touched(self) -> set[str]:
        """Statement ids some relation starts from or points to."""
        out: set[str] = set()
        for r in self.m.relations():
            out.add(r.from_)
            out.add(r.to)
        return out


RULES: dict[str, Rule] = {}
"""Code -> rule, in code order."""


_RuleFunc = TypeVar("_RuleFunc", bound="Callable[[Context], list[Hit]]")


def _rule(
    code: str, name: str, severity: str, summary: str, *, needs_source: bool = False
) -> Callable[[_RuleFunc], _RuleFunc]:
    def register(func: _RuleFunc) -> _RuleFunc:
        RULES[code] = Rule(code, name, severity, summary, func, needs_source)
        return func

    return register


def rule_by_selector(selector: str) -> list[Rule]:
    """The rules a selector names: a code, a name, a code prefix (``AM1``) or ``ALL``.

    Returns an empty list for a selector that names nothing.

    Examples
    --------
    >>> [r.code for r in rule_by_selector("unused-actor")]
    ['AM202']
    >>> len(rule_by_selector("AM1")) == len([c for c in RULES if c.startswith("AM1")])
    True
    """
    sel = selector.strip()
    if sel.upper() == "ALL":
        return list(RULES.values())
    by_name = [r for r in RULES.values() if r.name == sel.lower()]
    if by_name:
        return by_name
    if re.fullmatch(r"AM\d{0,3}", sel.upper()):
        return [r for c, r in RULES.items() if c.startswith(sel.upper())]
    return []


def _ids(ids: Iterable[str]) -> str:
    return ", ".join(repr(i) for i in ids)


# --------------------------------------------------------------------- AM1xx dialectic



@_rule("AM101", "unanswered-objection", "error", "unanswered objection bearing on a thesis")
def unanswered_objection(ctx: Context) -> list[Hit]:
    hits = []
    for st in ctx.statuses:
        if st.answered or st.reason == "undecided":
            continue
        o = st.objection
        for thesis, path in st.threatens.items():
            if st.reason == "partly-undercut":
                hint = (
                    f"{_ids(st.answered_by)} undercut some of its attacks; answer the "
                    "attacks that stand, or undercut them too"
                )
            elif st.reason == "answers-defeated":
                hint = (
                    f"its answers ({_ids(st.answers)}) are defeated: answer the objections "
                    "raised against them"
                )
            else:
                hint = (
                    f"if the source answers it, add that rebuttal (against: [{o.id}]) or "
                    "the undercut of its attack; if the source does not, the objection stands"
                )
            hits.append(
                Hit(
                    o.id,
                    f"objection {o.id!r}{ctx.who(o)} bears on thesis {thesis!r} and is "
                    f"unanswered ({REASON_TEXT[st.reason]}); path: {' -> '.join(path)}",
                    hint,
                    thesis=thesis,
                    path=path,
                    extra={"reason": st.reason, "text": o.text},
                )
            )
    return hits


@_rule("AM102", "undecided-objection", "error", "objection bearing on a thesis left undecided")
def undecided_objection(ctx: Context) -> list[Hit]:
    hits = []
    for st in ctx.statuses:
        if st.answered or st.reason != "undecided":
            continue
        o = st.objection
        cycle = [a for a in st.answers if ctx.labels.get(a) == "undec"]
        for thesis, path in st.threatens.items():
            hits.append(
                Hit(
                    o.id,
                    f"objection {o.id!r}{ctx.who(o)} bears on thesis {thesis!r} and is left "
                    f"undecided: its answers ({_ids(cycle)}) are caught in a cycle of attacks "
                    f"that nothing outside settles; path: {' -> '.join(path)}",
                    "decide which side the text takes: an answer the other side does not "
                    "answer breaks the cycle (or drop a 'contradicts' link the text does "
                    "not make)",
                    thesis=thesis,
                    path=path,
                    extra={"reason": st.reason, "cycle": cycle, "text": o.text},
                )
            )
    return hits


@_rule(
    "AM103",
    "objection-off-thesis",
    "info",
    "unanswered objection that bears on no thesis (threatens none)",
)
def objection_off_thesis(ctx: Context) -> list[Hit]:
    hits = []
    for st in ctx.statuses:
        if st.answered or st.threatens:
            continue
        o = st.objection
        against = _ids(st.targets) or "nothing"
        if st.reason == "partly-undercut":  # the attacks that reach a thesis are undercut
            against += f" (partly undercut by {_ids(st.answered_by)})"
        hits.append(
            Hit(
                o.id,
                f"objection {o.id!r}{ctx.who(o)} is unanswered but bears on no thesis "
                f"({_ids(ctx.theses) or 'the map has none'}): it attacks {against}",
                None
                if ctx.theses
                else "tag the claim the map argues for with 'thesis', or pass --thesis",
                extra={"reason": st.reason, "text": o.text},
            )
        )
    return hits


@_rule(
    "AM104",
    "redundant-rebuttal",
    "info",
    "rebuttal answering an objection already defeated by another answer",
)
def redundant_rebuttal(ctx: Context) -> list[Hit]:
    hits = []
    m, labels = ctx.m, ctx.labels
    for o in m.statements("objection"):
        if labels[o.id] != "out":
            continue
        standing = []
        for rel in m.relations_to(o.id):
            if not rel.is_attack:
                continue
            src = rel.from_ if rel.to == o.id else rel.to
            effective = rel.key if rel.key in ctx.baf.relation_of else src
            if labels.get(effective) == "in" and src not in standing:
                standing.append(src)
        standing.sort(key=lambda a: ctx.order[a])
        if len(standing) < 2:
            continue
        first, rest = standing[0], standing[1:]
        for r in rest:
            if m[r].kind != "rebuttal":
                continue
            hits.append(
                Hit(
                    r,
                    f"rebuttal {r!r} answers objection {o.id!r}, which {first!r} already defeats",
                    "keep it if the text gives both answers; otherwise merge them",
                    extra={"objection": o.id, "defeated_by": first},
                )
            )
    return hits


@_rule("AM105", "rebuttal-answers-nothing", "warning", "rebuttal that attacks nothing")
def rebuttal_answers_nothing(ctx: Context) -> list[Hit]:
    return [
        Hit(
            r.id,
            f"rebuttal {r.id!r} answers nothing: it rebuts no objection and undercuts no relation",
            f"link it: add 'against: [<objection id>]' to {r.id!r}, or make it a claim",
        )
        for r in _attacking_nothing(ctx, "rebuttal")
    ]


@_rule(
    "AM106",
    "conceded-unanswered",
    "warning",
    "objection conceded and not answered: it still stands",
)
def conceded_unanswered(ctx: Context) -> list[Hit]:
    hits = []
    m = ctx.m
    for st in ctx.statuses:
        if st.answered:
            continue
        o = st.objection
        by = [r.from_ for r in m.relations_to(o.id) if r.kind == "concedes" and r.to == o.id]
        if by:
            hits.append(
                Hit(
                    o.id,
                    f"objection {o.id!r} is conceded by {_ids(by)} and nothing answers it: "
                    "a concession changes no status, so the objection still stands",
                    "say in the concession's note what is granted, and answer the rest "
                    "with a rebuttal; if everything is granted, the objection stands",
                    extra={"conceded_by": by},
                )
            )
    return hits


@_rule("AM107", "bare-thesis", "warning", "thesis that nothing supports or attacks")
def bare_thesis(ctx: Context) -> list[Hit]:
    m = ctx.m
    hits = []
    isolated = _isolated(ctx)
    for t in ctx.theses:
        if t in isolated:
            continue  # reported as an isolated statement
        incoming = [r for r in m.relations_to(t) if r.kind == "supports" or r.is_attack]
        if not incoming:
            hits.append(
                Hit(
                    t,
                    f"thesis {t!r} is supported by nothing and attacked by nothing",
                    "give the reasons the text offers for it ('supports'), or the "
                    "objections it meets",
                )
            )
    return hits


@_rule("AM108", "support-cycle", "warning", "statements that support each other in a cycle")
def support_cycle(ctx: Context) -> list[Hit]:
    import networkx as nx

    g = nx.DiGraph()
    g.add_edges_from((r.from_, r.to) for r in ctx.m.relations("supports"))
    hits = []
    for comp in nx.strongly_connected_components(g):
        if len(comp) < 2:
            continue
        members = sorted(comp, key=ctx.order.__getitem__)
        hits.append(
            Hit(
                members[0],
                f"support cycle: {', '.join(repr(s) for s in members)} support each other "
                "(circular reasoning)",
                "drop the support that the text does not make",
                extra={"cycle": members},
            )
        )
    return hits


@_rule("AM109", "objection-targets-nothing", "warning", "objection that attacks nothing")
def objection_targets_nothing(ctx: Context) -> list[Hit]:
    return [
        Hit(
            o.id,
            f"objection {o.id!r} attacks nothing",
            f"add 'against: [<id>]' to {o.id!r}: the claim, evidence or rebuttal it objects to",
        )
        for o in _attacking_nothing(ctx, "objection")
    ]


def _attacking_nothing(ctx: Context, kind: str) -> list[Statement]:
    """Statements of ``kind`` linked to something but attacking nothing (an isolated one
    is reported as such, by AM203)."""
    m, isolated = ctx.m, _isolated(ctx)
    return [
        s
        for s in m.statements(kind)
        if s.id not in isolated and not any(rel.is_attack for rel in m.relations_from(s.id))
    ]


# --------------------------------------------------------------------- AM2xx structure


@_rule("AM201", "missing-actor", "warning", "claim or objection without an actor ('by')")
def missing_actor(ctx: Context) -> list[Hit]:
    return [
        Hit(
            s.id,
            f"{s.kind} {s.id!r} says nobody: it has no 'by'",
            "name who makes it with 'by: <actor id>' (declare the actor under 'actors')",
        )
        for s in ctx.m.statements()
        if s.kind in ("claim", "objection") and not s.by
    ]


@_rule("AM202", "unused-actor", "warning", "actor named by no statement")
def unused_actor(ctx: Context) -> list[Hit]:
    used = {s.by for s in ctx.m.statements() if s.by}
    return [
        Hit(
            a.id,
            f"actor {a.id!r} ({a.label}) is named by no statement",
            "remove it, or give its statements 'by: " + a.id + "'",
            extra={"actor": a.id},
        )
        for a in ctx.m.actors()
        if a.id not in used
    ]


def _isolated(ctx: Context) -> set[str]:
    if len(ctx.m) < 2:
        return set()
    touched = ctx.touched()
    return {s.id for s in ctx.m.statements() if s.id not in touched}


@_rule("AM203", "isolated-statement", "warning", "statement linked to nothing")
def isolated_statement(ctx: Context) -> list[Hit]:
    isolated = _isolated(ctx)
    return [
        Hit(
            s.id,
            f"{s.kind} {s.id!r} is linked to nothing",
            "link it to what it supports or attacks, or remove it",
        )
        for s in ctx.m.statements()
        if s.id in isolated
    ]


def _normal(text: str) -> str:
    return " ".join(re.findall(r"\w+", text.casefold()))


@_rule("AM204", "duplicate-text", "warning", "two statements with the same text")
def duplicate_text(ctx: Context) -> list[Hit]:
    first: dict[str, str] = {}
    hits = []
    for s in ctx.m.statements():
        key = _normal(s.text)
        if not key:
            continue
        if key in first:
            hits.append(
                Hit(
                    s.id,
                    f"{s.kind} {s.id!r} has the same text as {first[key]!r}",
                    f"merge them (point {s.id!r}'s relations at {first[key]!r}), or say "
                    "what differs",
                    extra={"same_as": first[key]},
                )
            )
        else:
            first[key] = s.id
    return hits


@_rule("AM205", "unsourced-evidence", "warning", "evidence without a quote or a source")
def unsourced_evidence(ctx: Context) -> list[Hit]:
    return [
        Hit(
            s.id,
            f"evidence {s.id!r} has neither a quote nor a source",
            "add the source's words ('quote') or where it comes from ('source')",
        )
        for s in ctx.m.statements("evidence")
        if not s.quote and s.source is None
    ]


# --------------------------------------------------------------------- AM3xx source


def _source_name(ctx: Context) -> str:
    path = getattr(ctx.source, "path", None)
    return str(path) if path else "the source text"


@_rule("AM301", "quote-not-found", "error", "quote found nowhere in the source", needs_source=True)
def quote_not_found(ctx: Context) -> list[Hit]:
    return [
        Hit(
            q.statement,
            f"the quote of {q.statement!r} is found nowhere in {_source_name(ctx)}",
            q.hint or "copy the words from the source, or drop the quote if it is a paraphrase",
            extra={"quote": q.quote},
        )
        for q in ctx.quotes
        if not q.found
    ]


@_rule(
    "AM302",
    "quote-not-verbatim",
    "warning",
    "quote that differs from the nearest passage of the source",
    needs_source=True,
)
def quote_not_verbatim(ctx: Context) -> list[Hit]:
    hits = []
    for q in ctx.quotes:
        if q.verbatim or not q.found:
            continue
        where = f"{_source_name(ctx)}:{q.line}:{q.column}" if q.line else _source_name(ctx)
        differs = "; ".join(q.differences) or "the wording"
        hits.append(
            Hit(
                q.statement,
                f"the quote of {q.statement!r} is not verbatim: the nearest passage "
                f"({where}) differs in {differs}",
                q.hint or f"replace the quote with the source's words: {q.nearest!r}",
                extra={
                    "quote": q.quote,
                    "nearest": q.nearest,
                    "differences": list(q.differences),
                    "source_line": q.line,
                    "source_column": q.column,
                    "score": q.score,
                },
            )
        )
    return hits


@_rule(
    "AM303",
    "missing-quote",
    "info",
    "statement without a quote although the map has its source text",
    needs_source=True,
)
def missing_quote(ctx: Context) -> list[Hit]:
    return [
        Hit(
            s.id,
            f"{s.kind} {s.id!r} has no quote, so it is anchored nowhere in {_source_name(ctx)}",
            "add the source's words as 'quote' (or leave it: an analyst's premise has none)",
        )
        for s in ctx.m.statements()
        if not s.quote
    ]


@_rule(
    "AM304",
    "ambiguous-quote",
    "info",
    "quote found in several places of the source",
    needs_source=True,
)
def ambiguous_quote(ctx: Context) -> list[Hit]:
    return [
        Hit(
            q.statement,
            f"the quote of {q.statement!r} occurs {q.occurrences} times in "
            f"{_source_name(ctx)}; it is anchored at the first (line {q.line})",
            "quote more of the sentence, so that it names one place",
            extra={"occurrences": q.occurrences, "source_line": q.line},
        )
        for q in ctx.quotes
        if getattr(q, "occurrences", 0) > 1
    ]
