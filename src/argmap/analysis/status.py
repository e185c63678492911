"""Which statements stand: in / out / undec labels under a semantics, and why.

:func:`statuses` labels every statement of a map, :func:`explain` says why one
statement has its label, as data and as text. Both work on the framework of
:func:`argmap.analysis.translate.translate` (so the ``support`` interpretation
applies) and use :mod:`argmap.analysis.semantics` to compute extensions.

The labels
----------
``grounded`` and ``complete``
    The grounded labelling (Dung 1995; Caminada 2006): *in* when every attacker
    is *out*, *out* when some attacker is *in*, *undec* otherwise (the least
    fixpoint). It is also the sceptical labelling of complete semantics: the
    grounded extension is the intersection of the complete extensions, and an
    argument is attacked by every complete extension exactly when the grounded
    one attacks it.
``ideal``
    The labelling of the (unique) ideal extension E: *in* when in E, *out* when
    E attacks it, *undec* otherwise.
``preferred``, ``stable``, ``semi-stable``, ``stage``
    The sceptical labelling over all extensions E1 .. Ek of the semantics:
    *in* when the statement is in every Ei (sceptically accepted); *out* when
    every Ei attacks it (so it is *out* in every extension's labelling, and
    credulously rejected); *undec* otherwise, which covers both "accepted in
    some extensions but not in all" and "in no extension, but not defeated in
    all". When there is no extension at all (stable semantics on an odd cycle)
    every statement is *undec* (:attr:`FrameworkLabelling.count` is then 0,
    so the two cases stay apart).

How: the grounded labelling comes first (linear time); every complete-based
extension contains its *in* arguments and attacks its *out* ones, so only the
arguments it leaves *undec* remain open. They split into weakly connected
parts that do not interact: the extensions of the whole are the products of the
parts' extensions, so each part's extensions are enumerated on their own
(through the SAT solver) and labelled, and a map with a hundred independent
contradictions costs a hundred small enumerations, not 2^100. (Stage semantics,
which may leave out grounded arguments, is split into parts without the grounded
step.) A single part with more than ``max_extensions`` extensions is labelled
by SAT acceptance queries instead, one argument at a time, under preferred and
stable semantics; under semi-stable and stage semantics it raises
:class:`TooManyExtensionsError` rather than answer wrongly. Acyclic maps have
no open part: one extension under every semantics, in linear time.

Relation to :func:`argmap.find_unanswered_objections`: with ``support="ignored"``
an objection is *answered* exactly when it is *out* in the grounded labelling,
or it makes at least one attack and every attack it makes is (as the
meta-argument of an undercut relation) *out*. The tests check this on
generated maps.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Literal

from ..errors import ArgmapError, OptionError, UnknownIdError, UsageError
from .deadline import check as check_deadline
from .deadline import stage, time_limit
from .framework import ArgumentationFramework
from .translate import Translation, translate

if TYPE_CHECKING:
    from ..map import ArgumentMap
    from ..table import Table

__all__ = [
    "Label",
    "TooManyExtensionsError",
    "FrameworkLabelling",
    "label_framework",
    "Statuses",
    "statuses",
    "Explanation",
    "AttackStep",
    "explain",
]

Label = Literal["in", "out", "undec"]
Reason = Literal["unattacked", "defended", "defeated", "undecided", "cut-off", "repeated"]

_SINGLE = {"GR", "CO", "ID"}


class TooManyExtensionsError(ArgmapError, ValueError):
    """A framework has more extensions than the caller allowed to enumerate."""


def _semantics_code(semantics: str) -> tuple[str, str]:
    """``(ICCMA code, full name)``; raises UnknownSemanticsError for a bad name."""
    from .semantics import SEMANTICS, _code

    code = _code(semantics)
    return code, SEMANTICS[code]


@dataclass(frozen=True)
class FrameworkLabelling:
    """The in / out / undec labels of every argument of a framework.

    Attributes
    ----------
    semantics : str
        Full name of the semantics ("grounded", "preferred", ...).
    labels : dict
        Argument name -> ``"in"``, ``"out"`` or ``"undec"``, in framework order.
    count : int or None
        The number of extensions; ``None`` when not counted: for complete
        semantics (its labels are the grounded ones), and for preferred or
        stable semantics when a part had more than ``max_extensions``
        extensions and was labelled by acceptance queries instead.
    accepted : frozenset or None
        The arguments in at least one extension, the credulously accepted ones
        (``None`` for complete semantics).
    """

    semantics: str
    labels: dict[str, Label]
    count: int | None
    accepted: frozenset[str] | None = field(repr=False)

    def credulous(self) -> frozenset[str]:
        """Arguments in at least one extension (:attr:`accepted`)."""
        if self.accepted is None:
            raise ValueError("complete semantics does not enumerate its extensions")
        return self.accepted


def _parts(
    names: list[str], edges: list[tuple[str, str]]
) -> list[tuple[list[str], list[tuple[str, str]]]]:
    """Weakly connected parts: ``[(names, attacks among them)]``, in first-name order."""
    parent = {x: x for x in names}

    def find(x: str) -> str:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for a, b in edges:
        ra, rb = find(a), find(b)
        if ra != rb:
            parent[ra] = rb
    parts: dict[str, tuple[list[str], list[tuple[str, str]]]] = {}
    for x in names:
        parts.setdefault(find(x), ([], []))[0].append(x)
    for a, b in edges:
        parts[find(a)][1].append((a, b))
    return list(parts.values())


def _check_max_extensions(max_extensions: object) -> int:
    if isinstance(max_extensions, bool) or not isinstance(max_extensions, int):
        raise UsageError(f"max_extensions must be an integer, not {max_extensions!r}")
    if max_extensions < 0:
        raise OptionError(f"max_extensions must be 0 or more, got {max_extensions}")
    return max_extensions


def label_framework(
    af: ArgumentationFramework,
    semantics: str = "grounded",
    *,
    max_extensions: int = 1000,
    timeout: float | None = None,
) -> FrameworkLabelling:
    """Label every argument of ``af`` in / out / undec under ``semantics``.

    See the module docstring for the definition of each semantics' labels.

    Parameters
    ----------
    af : ArgumentationFramework
    semantics : str, default "grounded"
        grounded, complete, preferred, stable, semi-stable, stage or ideal (or
        the ICCMA codes GR, CO, PR, ST, SST, STG, ID).
    max_extensions : int, default 1000
        How many extensions multi-extension semantics may enumerate, per
        independent part of the framework.
    timeout : float, optional
        Stop after this many seconds (see :mod:`argmap.analysis.deadline`).

    Raises
    ------
    UnknownSemanticsError
        For an unknown semantics.
    TooManyExtensionsError
        Under semi-stable or stage semantics, when a part of the framework has
        more than ``max_extensions`` extensions.
    OptionError
        For a negative ``max_extensions``.
    AnalysisTimeout
        When ``timeout`` seconds pass first.

    Examples
    --------
    >>> af = ArgumentationFramework.from_edges("abc", [("a", "b"), ("b", "a"), ("b", "c")])
    >>> label_framework(af).labels
    {'a': 'undec', 'b': 'undec', 'c': 'undec'}
    >>> label_framework(af, "preferred").labels
    {'a': 'undec', 'b': 'undec', 'c': 'undec'}
    >>> attacks = [("a", "b"), ("b", "a"), ("a", "c"), ("b", "c")]
    >>> af = ArgumentationFramework.from_edges("abc", attacks)
    >>> label_framework(af, "preferred").labels
    {'a': 'undec', 'b': 'undec', 'c': 'out'}
    """
    code, name = _semantics_code(semantics)
    _check_max_extensions(max_extensions)
    if not isinstance(af, ArgumentationFramework):
        raise UsageError(f"expected an ArgumentationFramework, got {type(af).__name__}")
    with time_limit(timeout, f"{name} labelling"):
        stage(f"{name} semantics")
        return _label_framework(af, code, name, max_extensions)


def _label_framework(
    af: ArgumentationFramework, code: str, name: str, max_extensions: int
) -> FrameworkLabelling:
    from . import semantics as sem

    names = af.names
    if code in ("GR", "CO"):
        lab = sem.grounded_labelling(af)
        labels: dict[str, Label] = {}
        for x in names:
            labels[x] = "in" if x in lab.in_ else "out" if x in lab.out else "undec"
        if code == "CO":
            return FrameworkLabelling(name, labels, None, None)
        return FrameworkLabelling(name, labels, 1, lab.in_)
    if code == "ID":
        ideal = sem.ideal_extension(af)
        beaten = _attacked_by(af, ideal)
        labels = {x: "in" if x in ideal else "out" if x in beaten else "undec" for x in names}
        return FrameworkLabelling(name, labels, 1, ideal)
    labels = {}
    if code == "STG":  # stage may leave out grounded arguments: no grounded step
        open_args = list(names)
    else:
        lab = sem.grounded_labelling(af)
        for x in lab.in_:
            labels[x] = "in"
        for x in lab.out:
            labels[x] = "out"
        open_args = [x for x in names if x in lab.undec]
    accepted = {x for x, v in labels.items() if v == "in"}
    count: int | None = 1
    if open_args:
        inside = set(open_args)
        edges = [(a, b) for a, b in af.attacks() if a in inside and b in inside]
        for part, part_edges in _parts(open_args, edges):
            check_deadline()
            sub = ArgumentationFramework.from_edges(part, part_edges)
            exts = list(sem.enumerate_extensions(sub, code, limit=max_extensions + 1))
            if len(exts) > max_extensions:
                if code not in ("PR", "ST"):
                    raise TooManyExtensionsError(
                        f"a part of the framework ({len(part)} arguments, e.g. {part[0]!r}) "
                        f"has more than {max_extensions} {name} extensions; pass a larger "
                        "max_extensions (--max-extensions N on the command line), or use "
                        "grounded semantics"
                    )
                part_labels, part_accepted = _label_by_queries(sub, part, code, exts)
                labels.update(part_labels)
                accepted.update(part_accepted)
                count = None
                continue
            if not exts:  # no stable extension anywhere, then
                return FrameworkLabelling(name, dict.fromkeys(names, "undec"), 0, frozenset())
            if count is not None:
                count *= len(exts)
            sceptical = frozenset.intersection(*exts)
            defeated = frozenset.intersection(*(_attacked_by(sub, e) for e in exts))
            accepted.update(*exts)
            for x in part:
                labels[x] = "in" if x in sceptical else "out" if x in defeated else "undec"
    return FrameworkLabelling(name, {x: labels[x] for x in names}, count, frozenset(accepted))


def _label_by_queries(
    sub: ArgumentationFramework, part: list[str], code: str, found: list[frozenset[str]]
) -> tuple[dict[str, Label], set[str]]:
    """Labels of a part with too many extensions to enumerate, by acceptance queries.

    Preferred and stable only. ``found`` (some of the extensions) settles what
    it can: an argument outside one of them is not sceptically accepted, one
    inside is credulously accepted, one that some extension does not attack is
    not out. The rest is asked of the SAT solver: sceptical and credulous
    acceptance directly, and "every extension attacks x" as the sceptical
    acceptance of a fresh argument ``h`` in the framework extended by ``g``
    (attacked by the attackers of x) and ``h`` (attacked by g only): neither
    attacks an original argument, so the extensions correspond one to one, and
    ``h`` belongs to an extension exactly when it attacks x.
    """
    from . import semantics as sem

    inter = frozenset.intersection(*found)
    accepted = set().union(*found)
    not_out = set().union(*(set(part) - _attacked_by(sub, e) for e in found))
    attacks = list(sub.attacks())
    g = "\0"
    while g in accepted or g in part:  # fresh names
        g += "g"
    h = g + "h"
    labels: dict[str, Label] = {}
    # every credulous query of the part on one incremental SAT instance, not one each
    accepted.update(sem.credulous_arguments(sub, code, [x for x in part if x not in accepted]))
    for x in part:
        check_deadline()
        if x in inter and sem.is_sceptically_accepted(sub, x, code):
            labels[x] = "in"
            continue
        if x in not_out or x in accepted:
            labels[x] = "undec"
            continue
        extra = [(a, g) for a in sub.attackers(x)]
        gadget = ArgumentationFramework.from_edges([*part, g, h], [*attacks, *extra, (g, h)])
        labels[x] = "out" if sem.is_sceptically_accepted(gadget, h, code) else "undec"
    return labels, accepted


def _attacked_by(af: ArgumentationFramework, ext: Iterable[str]) -> frozenset[str]:
    out: set[int] = set()
    for x in ext:
        out.update(af.targets_of(af.index(x)))
    return af.names_of(out)


class Statuses(dict[str, Label]):
    """Statement id -> label (a plain ``dict``), that also gives a table and a DataFrame.

    Attributes
    ----------
    semantics, support : str
        How the labels were computed.
    kinds : dict
        Statement id -> kind.
    """

    def __init__(
        self,
        labels: Mapping[str, Label] | Iterable[tuple[str, Label]] = (),
        *,
        semantics: str = "",
        support: str = "",
        kinds: Mapping[str, str] | None = None,
    ) -> None:
        super().__init__(labels)
        self.semantics = semantics
        self.support = support
        self.kinds = dict(kinds or {})

    def _rows(self) -> list[dict[str, Any]]:
        return [{"id": k, "kind": self.kinds.get(k), "status": v} for k, v in self.items()]

    def table(self) -> Table:
        """The labels as a :class:`~argmap.table.Table` (columns ``id``, ``kind``, ``status``)."""
        from ..table import Table

        title = f"Statuses ({self.semantics}, supports {self.support})"
        return Table(self._rows(), ("id", "kind", "status"), title=title, nowrap=("id",))

    def to_pandas(self) -> Any:
        """The labels as a :class:`pandas.DataFrame` indexed by ``id``: ``kind``, ``status``."""
        from ..table import data_frame

        return data_frame(self._rows(), ("id", "kind", "status"), "id")


def statuses(
    m: ArgumentMap,
    semantics: str = "grounded",
    *,
    support: str = "ignored",
    max_extensions: int = 1000,
    timeout: float | None = None,
) -> dict[str, Label]:
    """Label every statement of a map ``"in"``, ``"out"`` or ``"undec"``.

    Parameters
    ----------
    m : ArgumentMap
    semantics : str, default "grounded"
        Any semantics of :func:`label_framework`; see the module docstring for
        what the labels mean under each.
    support : {"ignored", "deductive", "necessary"}, default "ignored"
        How supports turn into attacks (:func:`argmap.analysis.translate.translate`).
    max_extensions : int, default 1000
        See :func:`label_framework`.
    timeout : float, optional
        Stop after this many seconds with :class:`~argmap.errors.AnalysisTimeout`.

    Returns
    -------
    Statuses
        Statement id -> label (a ``dict``), in map order (meta-arguments are
        left out); ``.to_pandas()`` and ``.table()`` give it as a table.

    Examples
    --------
    >>> from argmap import ArgumentMap
    >>> m = ArgumentMap()
    >>> c = m.claim("Tax sugar.", id="tax")
    >>> o = m.objection("It hurts the poor.", id="regressive", against=c)
    >>> statuses(m)
    {'tax': 'out', 'regressive': 'in'}
    >>> _ = m.rebuttal("Revenue funds health care.", id="revenue", against=o)
    >>> statuses(m, "preferred")
    {'tax': 'in', 'regressive': 'out', 'revenue': 'in'}
    """
    with time_limit(timeout, "the statuses"):
        t = translate(m, support=support)
        lab = label_framework(t.framework, semantics, max_extensions=max_extensions)
    return Statuses(
        {s: lab.labels[s] for s in t.statements},
        semantics=lab.semantics,
        support=support,
        kinds={s.id: s.kind for s in m.statements()},
    )


# -- explanations ----------------------------------------------------------------------


@dataclass(frozen=True)
class AttackStep:
    """One attack on the explained argument.

    Attributes
    ----------
    attacker : str
        The attacking argument (statement id or meta-argument).
    label : str
        The attacker's label.
    via : (str, str) or None
        For an attack induced by a support interpretation, the map attack it
        comes from.
    explanation : Explanation or None
        When the attacker defeats the explained argument: why the attacker is *in*.
    defeated_by : tuple of Explanation
        When the explained argument is *in*: the accepted arguments that defeat
        this attacker, each explained (its defenders).
    """

    attacker: str
    label: Label
    via: tuple[str, str] | None = None
    explanation: Explanation | None = None
    defeated_by: tuple[Explanation, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return {
            "attacker": self.attacker,
            "label": self.label,
            "via": list(self.via) if self.via else None,
            "explanation": self.explanation.to_dict() if self.explanation else None,
            "defeated_by": [e.to_dict() for e in self.defeated_by],
        }


@dataclass(frozen=True)
class Explanation:
    """Why an argument has its label; a tree of :class:`AttackStep`.

    Attributes
    ----------
    argument : str
        Statement id or meta-argument name.
    title : str
        How the argument reads in text: ``id (kind)`` for a statement, a
        description for a meta-argument.
    label : str
    semantics, support : str
    reason : str
        ``"unattacked"`` (in, nothing attacks it); ``"defended"`` (in: every
        attacker is defeated, see :attr:`attacks`); ``"defeated"`` (out: see the
        accepted attackers in :attr:`attacks`, or, under a multi-extension
        semantics where no single attacker is sceptically accepted, the
        attackers that are accepted in some extension); ``"undecided"``
        (undec: :attr:`attacks` lists the attackers that are not out);
        ``"cut-off"`` (the depth limit was reached) and ``"repeated"`` (already
        explained higher up the same branch) have no attacks.
    attacks : tuple of AttackStep
    credulous : bool or None
        For an undec statement under a multi-extension semantics: whether it is
        in at least one extension.
    """

    argument: str
    title: str
    label: Label
    semantics: str
    support: str
    reason: Reason
    attacks: tuple[AttackStep, ...] = ()
    credulous: bool | None = None

    def to_dict(self) -> dict[str, Any]:
        """The explanation as plain data (for JSON)."""
        return {
            "argument": self.argument,
            "title": self.title,
            "label": self.label,
            "semantics": self.semantics,
            "support": self.support,
            "reason": self.reason,
            "credulous": self.credulous,
            "attacks": [a.to_dict() for a in self.attacks],
        }

    def text(self) -> str:
        """The explanation as indented English."""
        lines: list[str] = []
        self._lines(lines, 0, head=True)
        return "\n".join(lines)

    __str__ = text

    def _lines(self, lines: list[str], indent: int, *, head: bool = False) -> None:
        pad = "  " * indent
        label = self.label.upper()
        where = f" under {self.semantics} semantics" if head else ""
        if head and self.support != "ignored":
            where += f" ({self.support} support)"
        r = self.reason
        if r == "unattacked":
            lines.append(f"{pad}{self.title} is {label}{where}: nothing attacks it.")
        elif r == "defended":
            lines.append(f"{pad}{self.title} is {label}{where}: every attacker is defeated.")
            for step in self.attacks:
                lines.append(f"{pad}- {step.attacker} attacks it{_via(step)}; defeated by:")
                if not step.defeated_by:
                    lines.append(f"{pad}    (a different accepted argument in each extension)")
                for e in step.defeated_by:
                    e._lines(lines, indent + 2)
        elif r == "defeated":
            accepted = [s for s in self.attacks if s.label == "in"]
            if accepted:
                lines.append(
                    f"{pad}{self.title} is {label}{where}: defeated by an accepted attacker."
                )
            else:
                lines.append(
                    f"{pad}{self.title} is {label}{where}: every extension accepts one of its "
                    f"attackers: {', '.join(s.attacker for s in self.attacks)}."
                )
            for step in accepted:
                lines.append(f"{pad}- {step.attacker} attacks it{_via(step)}:")
                if step.explanation is not None:
                    step.explanation._lines(lines, indent + 2)
        elif r == "undecided":
            names = ", ".join(f"{s.attacker} ({s.label})" for s in self.attacks)
            extra = ""
            if self.credulous is True:
                extra = " It is accepted in some extensions, not in all."
            elif self.credulous is False:
                extra = " It is in no extension, but not defeated in all."
            lines.append(
                f"{pad}{self.title} is {label}{where}: attackers not defeated: {names or 'none'}."
                + extra
            )
        elif r == "repeated":
            lines.append(f"{pad}{self.title} is {label} (explained above).")
        else:
            lines.append(f"{pad}{self.title} is {label} (explanation cut off at the depth limit).")


def _via(step: AttackStep) -> str:
    if step.via is None:
        return ""
    c, b = step.via
    return f" (induced by the attack of {c} on {b} through supports)"


class _Explainer:
    def __init__(self, m: ArgumentMap, t: Translation, lab: FrameworkLabelling):
        self.m, self.t, self.lab = m, t, lab
        self.af = t.framework
        self.labels = lab.labels
        # several extensions (or uncounted ones, labelled by queries): say which hold x
        several = lab.count is None or lab.count > 1
        self.credulous = lab.accepted if several else None

    def title(self, x: str) -> str:
        t = self.t
        if x in t.relation_of:
            key = t.relation_of[x]
            r = self.m.relation(key)
            if t.is_negation(x):
                return f"{x} (the source {r.from_} of relation {key} is not accepted)"
            return f"{x} (relation: {r.from_} {r.kind} {r.to})"
        return f"{x} ({self.m.get(x).kind})"

    def attackers(self, x: str) -> list[str]:
        af = self.af
        return [af.name(i) for i in af.attackers_of(af.index(x))]

    def via(self, a: str, x: str) -> tuple[str, str] | None:
        return self.t.origin.get((a, x))

    def explain(self, x: str, depth: int, path: frozenset[str]) -> Explanation:
        label = self.labels[x]
        base: dict[str, Any] = dict(
            argument=x,
            title=self.title(x),
            label=label,
            semantics=self.lab.semantics,
            support=self.t.support,
        )
        if x in path:
            return Explanation(**base, reason="repeated")
        attackers = self.attackers(x)
        if label == "in" and not attackers:
            return Explanation(**base, reason="unattacked")
        if depth < 0:
            return Explanation(**base, reason="cut-off")
        path = path | {x}
        labels = self.labels
        if label == "in":
            steps = []
            for a in attackers:
                defenders = [d for d in self.attackers(a) if labels[d] == "in"]
                steps.append(
                    AttackStep(
                        a,
                        labels[a],
                        self.via(a, x),
                        defeated_by=tuple(self.explain(d, depth - 1, path) for d in defenders),
                    )
                )
            return Explanation(**base, reason="defended", attacks=tuple(steps))
        if label == "out":
            accepted = [a for a in attackers if labels[a] == "in"]
            if accepted:
                steps = [
                    AttackStep(
                        a, "in", self.via(a, x), explanation=self.explain(a, depth - 1, path)
                    )
                    for a in accepted
                ]
            else:
                somewhere = self.credulous or frozenset()
                steps = [
                    AttackStep(a, labels[a], self.via(a, x)) for a in attackers if a in somewhere
                ]
            return Explanation(**base, reason="defeated", attacks=tuple(steps))
        steps = [AttackStep(a, labels[a], self.via(a, x)) for a in attackers if labels[a] != "out"]
        cred = None if self.credulous is None else x in self.credulous
        return Explanation(**base, reason="undecided", attacks=tuple(steps), credulous=cred)


def explain(
    m: ArgumentMap,
    id: str,
    *,
    semantics: str = "grounded",
    support: str = "ignored",
    depth: int = 3,
    max_extensions: int = 1000,
) -> Explanation:
    """Why a statement (or meta-argument) is in, out or undec.

    An *out* statement is explained by the accepted attackers that defeat it,
    each explained in turn; an *in* statement by, for each of its attackers,
    the accepted statements that defeat that attacker (its defenders), each
    explained in turn; an *undec* statement by the attackers that are not
    defeated. The recursion stops ``depth`` levels down, and where an argument
    repeats on the same branch (an argument that defends itself).

    Parameters
    ----------
    m : ArgumentMap
    id : str
        A statement id, or a meta-argument name (relation key or ``~key``).
    semantics, support, max_extensions
        As for :func:`statuses`.
    depth : int, default 3
        How many levels of attackers and defenders to follow.

    Returns
    -------
    Explanation
        ``str()`` gives the text; ``to_dict()`` the data.

    Raises
    ------
    UnknownIdError
        When ``id`` names no statement or meta-argument of the map.

    Examples
    --------
    >>> from argmap import ArgumentMap
    >>> m = ArgumentMap()
    >>> c = m.claim("Tax sugar.", id="tax")
    >>> o = m.objection("It hurts the poor.", id="regressive", against=c)
    >>> _ = m.rebuttal("Revenue funds health care.", id="revenue", against=o)
    >>> print(explain(m, "tax"))
    tax (claim) is IN under grounded semantics: every attacker is defeated.
    - regressive attacks it; defeated by:
        revenue (rebuttal) is IN: nothing attacks it.
    >>> explain(m, "regressive").reason
    'defeated'
    """
    t = translate(m, support=support)
    if id not in t.framework:
        raise UnknownIdError(f"no statement {id!r} in the map (nor a meta-argument of one)")
    lab = label_framework(t.framework, semantics, max_extensions=max_extensions)
    return _Explainer(m, t, lab).explain(id, depth, frozenset())
