"""From a map to an abstract argumentation framework: supports become attacks.

A map means a bipolar framework (:func:`argmap.bipolar_framework`: statements
and the meta-arguments of undercut relations, attacks and supports). Dung's
semantics know attacks only, so :func:`translate` turns each support into the
attacks it induces under a chosen *interpretation* of support, after Cayrol and
Lagasquie-Schiex [1]_ (who call the induced attacks *complex attacks*):

``"ignored"``
    Supports are dropped; the attacks are the map's own (the reading used by
    :func:`argmap.find_unanswered_objections`).

``"deductive"`` (Boella, Gabbay, van der Torre, Villata [2]_; [1]_ section 4.1)
    ``a supports b`` means "if a is accepted, b is accepted". It induces

    * *mediated attacks*: ``a`` supports ``b`` and ``c`` attacks ``b``, so
      ``c`` attacks ``a``;
    * *supported attacks* (Cayrol and Lagasquie-Schiex 2005 [3]_): ``a``
      supports ``b`` and ``b`` attacks ``c``, so ``a`` attacks ``c``.

``"necessary"`` (Nouioua and Risch [4]_; [1]_ section 4.2)
    ``a supports b`` means "b cannot be accepted without a". It induces

    * *secondary attacks* (the *extended attacks* of Nouioua and Risch):
      ``a`` supports ``b`` and ``c`` attacks ``a``, so ``c`` attacks ``b``;
    * *extended attacks* in the sense of [1]_: ``a`` supports ``b`` and ``a``
      attacks ``c``, so ``b`` attacks ``c``.

Both rules of an interpretation are applied to every attack, the induced ones
included, up to a fixpoint; supports chain (``a`` supports ``b`` supports
``c`` is a support path from ``a`` to ``c``). With ``S*`` the reflexive and
transitive closure of the support relation and ``A`` the map's attacks, the
fixpoint is, in closed form:

* deductive: ``x`` attacks ``y`` iff ``x S* c``, ``c A b`` and ``y S* b``
  for some ``c, b``;
* necessary: ``x`` attacks ``y`` iff ``c S* x``, ``c A b`` and ``b S* y``
  for some ``c, b``.

(A necessary support from ``a`` to ``b`` is a deductive support from ``b`` to
``a``: the two readings are mirror images, [1]_ proposition 5.) Every induced
attack remembers the map attack ``c -> b`` it comes from (:attr:`Translation.origin`),
so explanations can say "through the support of ...".

Undercuts need no interpretation: they already are attacks on the
meta-argument of the relation they target (see :mod:`argmap.analysis.bipolar`).
Argument names are kept, so results map straight back to statement ids;
meta-arguments are named by relation key (``r``: "relation r holds") and
``~key`` ("the source of r is not accepted").

References
----------
.. [1] C. Cayrol, M.-C. Lagasquie-Schiex, "Bipolarity in argumentation graphs:
   Towards a better understanding", International Journal of Approximate
   Reasoning 54(7), 876-899, 2013.
.. [2] G. Boella, D. M. Gabbay, L. van der Torre, S. Villata, "Support in
   abstract argumentation", COMMA 2010, 111-122.
.. [3] C. Cayrol, M.-C. Lagasquie-Schiex, "On the acceptability of arguments in
   bipolar argumentation frameworks", ECSQARU 2005, 378-389.
.. [4] F. Nouioua, V. Risch, "Argumentation frameworks with necessities",
   SUM 2011, 163-176.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Literal

from ..errors import ArgmapError
from .bipolar import BipolarFramework, bipolar_framework
from .framework import ArgumentationFramework

if TYPE_CHECKING:
    from ..map import ArgumentMap

__all__ = [
    "SUPPORT_INTERPRETATIONS",
    "SupportInterpretation",
    "UnknownSupportError",
    "Translation",
    "translate",
    "argumentation_framework",
    "close_supports",
    "format_framework",
]

SupportInterpretation = Literal["ignored", "deductive", "necessary"]
SUPPORT_INTERPRETATIONS: tuple[str, ...] = ("ignored", "deductive", "necessary")
"""The readings of ``supports`` that :func:`translate` knows."""


class UnknownSupportError(ArgmapError, ValueError):
    """A support interpretation that argmap does not know."""


def _check_support(support: str) -> str:
    if support not in SUPPORT_INTERPRETATIONS:
        raise UnknownSupportError(
            f"unknown support interpretation {support!r} "
            f"(must be one of {list(SUPPORT_INTERPRETATIONS)})"
        )
    return support


@dataclass(frozen=True)
class Translation:
    """A map's abstract argumentation framework and where each attack comes from.

    Attributes
    ----------
    framework : ArgumentationFramework
        Arguments named by statement id (map order), then meta-arguments.
    support : str
        The support interpretation used.
    statements : tuple of str
        The statement ids (the arguments that are not meta-arguments).
    relation_of : dict
        Meta-argument name -> key of the map relation it stands for.
    origin : dict
        Each *induced* attack ``(x, y)`` -> the map attack ``(c, b)`` it comes
        from. Attacks of the map itself are not in it.
    bipolar : BipolarFramework
        The bipolar framework the translation started from.
    """

    framework: ArgumentationFramework
    support: str
    statements: tuple[str, ...]
    relation_of: dict[str, str]
    origin: dict[tuple[str, str], tuple[str, str]] = field(repr=False)
    bipolar: BipolarFramework = field(repr=False)

    def is_meta(self, name: str) -> bool:
        """Whether ``name`` is a meta-argument (a relation key or ``~key``)."""
        return name in self.relation_of

    def is_negation(self, name: str) -> bool:
        """Whether ``name`` is a ``~key`` meta-argument ("the source of r is not accepted")."""
        return name in self.relation_of and name != self.relation_of[name]


def _reach(edges: Iterable[tuple[str, str]]) -> dict[str, set[str]]:
    """For each node with an out-edge: every node reachable from it in >= 1 step."""
    succ: dict[str, list[str]] = defaultdict(list)
    for a, b in edges:
        succ[a].append(b)
    out: dict[str, set[str]] = {}
    for start in list(succ):
        seen: set[str] = set()
        stack = list(succ[start])
        while stack:
            x = stack.pop()
            if x in seen:
                continue
            seen.add(x)
            stack.extend(succ.get(x, ()))
        out[start] = seen
    return out


def close_supports(
    attacks: Iterable[tuple[str, str]],
    supports: Iterable[tuple[str, str]],
    support: str,
) -> dict[tuple[str, str], tuple[str, str] | None]:
    """The attacks of a bipolar framework under a support interpretation.

    Parameters
    ----------
    attacks, supports : iterable of (str, str)
    support : {"ignored", "deductive", "necessary"}

    Returns
    -------
    dict
        Every attack -> ``None`` for a given attack, or the given attack
        ``(c, b)`` an induced attack comes from. Given attacks come first, in
        input order.

    Raises
    ------
    UnknownSupportError
        For any other ``support``.

    Examples
    --------
    ``e`` supports ``o``; ``r`` attacks ``o``; ``o`` attacks ``c``:

    >>> att, sup = [("r", "o"), ("o", "c")], [("e", "o")]
    >>> sorted(close_supports(att, sup, "deductive").items())  # doctest: +NORMALIZE_WHITESPACE
    [(('e', 'c'), ('o', 'c')), (('o', 'c'), None), (('r', 'e'), ('r', 'o')),
     (('r', 'o'), None)]
    >>> sorted(close_supports(att, [("o", "e")], "necessary"))
    [('e', 'c'), ('o', 'c'), ('r', 'e'), ('r', 'o')]
    """
    _check_support(support)
    result: dict[tuple[str, str], tuple[str, str] | None] = dict.fromkeys(attacks)
    if support == "ignored":
        return result
    supports = list(supports)
    if not supports:
        return result
    # deductive: attacker side grows to whatever supports c, target side to whatever
    # supports b (follow supports backwards); necessary: both grow forwards.
    if support == "deductive":
        reach = _reach((b, a) for a, b in supports)
    else:
        reach = _reach(supports)
    for c, b in list(result):
        for x in (c, *reach.get(c, ())):
            for y in (b, *reach.get(b, ())):
                if (x, y) not in result:
                    result[(x, y)] = (c, b)
    return result


def translate(m: ArgumentMap, *, support: str = "ignored") -> Translation:
    """The abstract argumentation framework of a map, under a support interpretation.

    See the module docstring for the rules.

    Parameters
    ----------
    m : ArgumentMap
    support : {"ignored", "deductive", "necessary"}, default "ignored"

    Returns
    -------
    Translation

    Raises
    ------
    UnknownSupportError
        For an unknown ``support``.

    Examples
    --------
    >>> from argmap import ArgumentMap
    >>> m = ArgumentMap()
    >>> c = m.claim("C.", id="c")
    >>> e = m.evidence("E.", id="e", supports=c)
    >>> o = m.objection("O.", id="o", against=c)
    >>> sorted(translate(m).framework.attacks())
    [('o', 'c')]
    >>> t = translate(m, support="deductive")
    >>> sorted(t.framework.attacks())
    [('o', 'c'), ('o', 'e')]
    >>> t.origin[("o", "e")]
    ('o', 'c')
    >>> sorted(translate(m, support="necessary").framework.attacks())
    [('o', 'c')]
    """
    from ..map import require_map

    require_map(m, "translate")
    _check_support(support)
    baf = bipolar_framework(m)
    closed = close_supports(baf.attacks, baf.supports, support)
    af = ArgumentationFramework.from_edges(baf.arguments, closed)
    origin = {pair: via for pair, via in closed.items() if via is not None}
    statements = tuple(a for a in baf.arguments if a not in baf.relation_of)
    return Translation(af, support, statements, dict(baf.relation_of), origin, baf)


def argumentation_framework(m: ArgumentMap, *, support: str = "ignored") -> ArgumentationFramework:
    """Just the framework of :func:`translate`.

    Examples
    --------
    >>> from argmap import ArgumentMap
    >>> m = ArgumentMap()
    >>> c = m.claim("C.", id="c")
    >>> _ = m.objection("O.", id="o", against=c)
    >>> argumentation_framework(m)
    ArgumentationFramework(2 arguments, 1 attacks)
    """
    return translate(m, support=support).framework


def format_framework(t: Translation, format: str, *, numbered: bool = False) -> str:
    """A translated map's framework as ICCMA text (i23, apx or tgf), names kept findable.

    i23 numbers the arguments ``1 .. N`` in framework order; a comment line
    ``# k name`` after the ``p af N`` line gives each number's statement id or
    meta-argument. apx and tgf keep the names, unless ``numbered`` (for tools
    that accept only plain identifiers): apx arguments are then ``a1 .. aN``
    with ``% aK name`` comment lines, tgf arguments ``1 .. N`` (tgf has no
    comments: write the mapping yourself, as ``argmap export-af`` does).

    Raises
    ------
    FormatError
        For an unknown format, or a name apx/tgf cannot hold.

    Examples
    --------
    >>> from argmap import ArgumentMap
    >>> m = ArgumentMap()
    >>> c = m.claim("C.", id="c")
    >>> _ = m.objection("O.", id="o", against=c)
    >>> print(format_framework(translate(m), "i23"), end="")
    p af 2
    # 1 c
    # 2 o
    2 1
    >>> print(format_framework(translate(m), "apx", numbered=True), end="")
    % a1 c
    % a2 o
    arg(a1).
    arg(a2).
    att(a2,a1).
    """
    from ..formats.iccma import af_format_of, format_af

    fmt = af_format_of("", format)
    af = t.framework
    names = list(af.names)
    if fmt == "i23":
        head, sep, body = format_af(af, "i23").partition("\n")
        comments = "".join(f"# {k} {name}\n" for k, name in enumerate(names, start=1))
        return head + sep + comments + body
    if not numbered:
        return format_af(af, fmt)
    prefix = "a" if fmt == "apx" else ""
    renamed = [f"{prefix}{k}" for k in range(1, len(names) + 1)]
    numbered_af = ArgumentationFramework.from_indices(renamed, *af.attack_indices(), check=False)
    text = format_af(numbered_af, fmt)
    if fmt == "apx":
        text = "".join(f"% {r} {n}\n" for r, n in zip(renamed, names, strict=True)) + text
    return text
