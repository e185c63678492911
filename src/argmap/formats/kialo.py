"""Kialo discussions: the plain-text export that kialo.com writes, read and written.

A Kialo export looks like this::

    Discussion Title: Should we eat out?

    1. We should eat out tonight.
    1.1. Pro: The kitchen is a mess.
    1.2. Con: It costs too much.
    1.2.1. Con: The canteen is cheap.
    1.3. Pro: -> See 1.2.1.

The parent of a claim is its number with the last part dropped. A text may run
over several lines (every line up to the next numbered ``Pro:``/``Con:`` line).
``-> See 1.2.1.`` places a claim that exists elsewhere under a second parent, so a
discussion is a DAG, not a tree.

Import
------
Each numbered claim becomes a statement whose id is its Kialo number (``1.2.1``),
with ``meta={"kialo": "1.2.1"}``. A Pro becomes ``supports``; a Con an attack. Roles
follow the attack graph (:mod:`argmap.formats._roles`): a Con aimed at the thesis or at
a Pro is an objection, a Con aimed at an objection a rebuttal, a Con aimed at a
rebuttal an objection again; a Pro is a claim (a Pro of an objection still
``supports`` it). A ``-> See`` link becomes one more relation from the linked claim to
the link's parent, with ``meta={"kialo": <the link's own number>}``; it is not a
second statement. A link whose attack the roles cannot carry (the linked claim is an
objection and the parent an objection too) is kept as ``contradicts`` with a warning.

Export
------
Writes the same format back. The thesis is the one root of the map (the statement
that supports and attacks nothing); every other statement is placed once, under the
parent its ``kialo`` number names (else its first target); its other targets become
``-> See`` links. Children keep the order of their Kialo numbers, so an imported
discussion is written back line for line. Kialo cannot hold actors, quotes, sources,
tags, notes, qualifiers, weights, evidence (written as a plain claim),
``contradicts``, ``undercuts`` or ``concedes``; each such loss is announced as an
:class:`argmap.LossWarning`.
"""

from __future__ import annotations

import re
import warnings
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from ..errors import FormatError
from ..model import Claim, MapDocument, Objection, Rebuttal, Relation
from . import Format, Loaded, register_format
from ._roles import attack_kind, infer_roles

if TYPE_CHECKING:
    from ..map import ArgumentMap
    from ..model import Statement

__all__ = ["loads_kialo", "dumps_kialo", "sniff_kialo"]

_CLAIM = re.compile(r"((?:\d+\.)+)[ \t]+(?:(Pro|Con):(?:[ \t]+|$))?(.*)")
_SEE = re.compile(r"->[ \t]*See[ \t]+((?:\d+\.)*\d+)\.?[ \t]*")
_TITLE = "Discussion Title:"
_CLASSES = {"claim": Claim, "objection": Objection, "rebuttal": Rebuttal}


def sniff_kialo(text: str) -> bool:
    """True when the text looks like a Kialo export.

    Examples
    --------
    >>> sniff_kialo("Discussion Title: T\\n\\n1. A.\\n1.1. Pro: B.\\n")
    True
    >>> sniff_kialo("just some notes\\n")
    False
    """
    head = text.lstrip("\ufeff \t\r\n")[:4000]
    if head.startswith(_TITLE):
        return True
    return bool(re.match(r"1\.[ \t]", head)) and bool(
        re.search(r"^1\.\d+\.[ \t]+(?:Pro|Con):", head, re.M)
    )


class _Item:
    __slots__ = ("number", "stance", "lines", "line")

    def __init__(self, number: str, stance: str | None, first: str, line: int):
        self.number = number
        self.stance = stance
        self.lines = [first]
        self.line = line


def _parse(text: str, path: str | None) -> tuple[str | None, list[_Item]]:
    """One pass over the lines: the title and the numbered items with their texts."""
    title = None
    items: list[_Item] = []
    cur: _Item | None = None
    match = _CLAIM.fullmatch
    for lineno, raw in enumerate(text.replace("\r\n", "\n").replace("\r", "\n").split("\n"), 1):
        line = raw.rstrip()
        m = match(line)
        if m is not None:
            number, stance, rest = m.group(1)[:-1], m.group(2), m.group(3)
            depth = number.count(".") + 1
            if depth == 1 and stance is None and not items:
                cur = _Item(number, None, rest, lineno)
                items.append(cur)
                continue
            if depth > 1 and items and number.startswith(items[0].number + "."):
                if stance is None:
                    raise FormatError(
                        f"claim {number}. has no 'Pro:' or 'Con:' after its number",
                        path=path,
                        line=lineno,
                    )
                cur = _Item(number, stance, rest, lineno)
                items.append(cur)
                continue
        if cur is not None:
            cur.lines.append(line)
        elif line.startswith(_TITLE) and title is None:
            title = line[len(_TITLE) :].strip() or None
        elif line.strip():
            raise FormatError(
                "expected 'Discussion Title: ...' or the thesis '1. ...' "
                f"before any other text, got {line.strip()[:40]!r}",
                path=path,
                line=lineno,
            )
    if not items:
        raise FormatError("no thesis: a Kialo export starts its claims with '1. ...'", path=path)
    return title, items


def loads_kialo(text: str, *, path: str | None = None) -> Loaded:
    """Read a Kialo plain-text export.

    Parameters
    ----------
    text : str
        The export.
    path : str, optional
        File name, for messages.

    Returns
    -------
    Loaded
        The map and the warnings (links that repeat a relation or that the roles
        cannot carry).

    Raises
    ------
    FormatError
        With the line: a claim whose parent does not exist, a number given twice,
        an empty claim, a link to a claim that does not exist.

    Examples
    --------
    >>> m, _ = loads_kialo("1. Eat out.\\n1.1. Con: Costly.\\n1.1.1. Con: Canteen is cheap.\\n")
    >>> [(s.id, s.kind) for s in m.statements()]
    [('1', 'claim'), ('1.1', 'objection'), ('1.1.1', 'rebuttal')]
    >>> [r.kind for r in m.relations()]
    ['objects', 'rebuts']
    """
    from ..map import ArgumentMap

    title, items = _parse(text, path)
    claims: dict[str, _Item] = {}
    links: list[tuple[_Item, str]] = []
    texts: dict[str, str] = {}
    link_lines: dict[str, int] = {}
    for it in items:
        body = "\n".join(it.lines).strip()
        see = _SEE.fullmatch(body)
        if len(it.number) > 200:  # statement ids hold at most 200 characters
            raise FormatError(
                f"claim number {it.number[:20]}... is {len(it.number)} characters long; "
                "argmap keeps it as the statement id, which holds at most 200",
                path=path,
                line=it.line,
            )
        if it.number in claims or it.number in link_lines:
            first = claims[it.number].line if it.number in claims else link_lines[it.number]
            raise FormatError(
                f"claim number {it.number}. is given twice (first on line {first})",
                path=path,
                line=it.line,
            )
        parent = it.number.rpartition(".")[0]
        if parent and parent in link_lines:
            raise FormatError(
                f"claim {it.number}. sits under {parent}., which is a '-> See' link "
                "(a link has no claims of its own)",
                path=path,
                line=it.line,
            )
        if parent and parent not in claims:
            raise FormatError(
                f"claim {it.number}. has no parent: there is no claim {parent}. before it",
                path=path,
                line=it.line,
            )
        if see is not None:
            if not parent:
                raise FormatError("the thesis cannot be a '-> See' link", path=path, line=it.line)
            links.append((it, see.group(1)))
            link_lines[it.number] = it.line
            continue
        if not body:
            raise FormatError(f"claim {it.number}. has no text", path=path, line=it.line)
        claims[it.number] = it
        texts[it.number] = body

    edges: list[tuple[str, str, str | None, _Item | None]] = []  # from, to, stance, link item
    for num, it in claims.items():
        if it.stance is not None:
            edges.append((num, num.rpartition(".")[0], it.stance, None))
    losses: list[str] = []
    seen = {(f, t, s) for f, t, s, _ in edges}
    for it, target in links:
        parent = it.number.rpartition(".")[0]
        if target not in claims:
            raise FormatError(
                f"link {it.number}. points to claim {target}., which does not exist",
                path=path,
                line=it.line,
            )
        if target == parent:
            losses.append(f"line {it.line}: link {it.number}. points to its own parent; skipped")
            continue
        if (target, parent, it.stance) in seen:
            losses.append(
                f"line {it.line}: link {it.number}. repeats the {it.stance} relation "
                f"{target}. -> {parent}.; kept once"
            )
            continue
        seen.add((target, parent, it.stance))
        edges.append((target, parent, it.stance, it))

    order = list(claims)
    kinds = _roles(order, [(f, t, lk is not None) for f, t, s, lk in edges if s == "Con"])
    statements = [
        _CLASSES[kinds[num]](id=num, text=texts[num], meta={"kialo": num}) for num in order
    ]
    relations = []
    pairs: set[frozenset[str]] = set()
    for f, t, stance, link in edges:
        meta = {"kialo": link.number} if link is not None else {}
        kind: str | None
        if stance == "Pro":
            kind = "supports"
        else:
            kind = attack_kind(kinds[f], kinds[t])
            if kind is None:
                line = (link or claims[f]).line
                what = f"link {link.number}." if link else f"claim {f}."
                if frozenset((f, t)) in pairs:
                    losses.append(
                        f"line {line}: {what} Con against {t}. repeats a contradiction; kept once"
                    )
                    continue
                losses.append(
                    f"line {line}: {what} is a Con from {kinds[f]} {f}. against "
                    f"{kinds[t]} {t}., which the rule table cannot hold as an attack; "
                    "kept as 'contradicts'"
                )
                kind = "contradicts"
                meta = {**meta, "kialo_stance": "Con"}
                pairs.add(frozenset((f, t)))
        relations.append(Relation(from_=f, to=t, kind=kind, meta=meta))
    doc = MapDocument(title=title, statements=tuple(statements), relations=tuple(relations))
    # the parse guarantees unique ids and rule-abiding relations: skip the quadratic check
    return Loaded(ArgumentMap.from_document(doc, validate=False), losses)


def _roles(order: list[str], cons: list[tuple[str, str, bool]]) -> dict[str, str]:
    """Roles from the Con edges ``(from, to, is_link)``: a claim's own place decides first."""
    tree = infer_roles(order, [(f, t) for f, t, link in cons if not link])
    fixed = {f: tree[f] for f, _, link in cons if not link}
    return infer_roles(order, [(f, t) for f, t, _ in cons], fixed)


def _number_key(number: object) -> tuple[int, ...]:
    """Sort key of a ``kialo`` number from ``meta``: anything but ``1.2.3`` goes last."""
    if not isinstance(number, str) or not number:
        return (1 << 30,)
    try:
        return tuple(int(p) for p in number.split("."))
    except ValueError:
        return (1 << 30,)


def dumps_kialo(m: ArgumentMap) -> str:
    """The map as a Kialo plain-text export.

    Raises
    ------
    FormatError
        When the map has no single thesis that every statement leads to (Kialo holds
        one tree-like discussion).

    Warns
    -----
    LossWarning
        For everything Kialo cannot hold (see the module docstring).

    Examples
    --------
    >>> from argmap import ArgumentMap
    >>> m = ArgumentMap(title="Lunch")
    >>> t = m.claim("Eat out.", id="t")
    >>> _ = m.objection("Costly.", id="o", against=t)
    >>> print(dumps_kialo(m), end="")
    Discussion Title: Lunch
    <BLANKLINE>
    1. Eat out.
    1.1. Con: Costly.
    """
    statements = m.statements()
    if not statements:
        raise FormatError("cannot write an empty map as Kialo: a discussion needs a thesis")
    outgoing: dict[str, list[Relation]] = {s.id: [] for s in statements}
    incoming: dict[str, list[Relation]] = {s.id: [] for s in statements}
    for r in m.relations():
        if _is_tree(r):
            outgoing[r.from_].append(r)
            incoming[r.to].append(r)
    roots = [s for s in statements if not outgoing[s.id]]
    if len(roots) != 1:
        named = [s for s in roots if s.meta.get("kialo") == "1"]
        if len(named) != 1:
            listed = ", ".join(s.id for s in roots[:8]) + (", ..." if len(roots) > 8 else "")
            raise FormatError(
                "cannot write this map as Kialo: a Kialo discussion has one thesis that every "
                f"claim leads to, but this map has {len(roots)} statements that support or "
                f"attack nothing ({listed or 'none: every statement is in a cycle'})"
            )
        roots = named
    root = roots[0]

    # place each statement once, preferring the parent its Kialo number names
    def primary(s: Statement) -> Relation | None:
        number = s.meta.get("kialo")
        rels = outgoing[s.id]
        if isinstance(number, str) and "." in number:
            parent = number.rpartition(".")[0]
            for r in rels:
                if m.get(r.to).meta.get("kialo") == parent and not r.meta.get("kialo"):
                    return r
        return rels[0] if rels else None

    by_id = {s.id: s for s in statements}
    placed: dict[str, Relation | None] = {root.id: None}
    children: dict[str, list[tuple[tuple[Any, ...], int, Relation]]] = {}
    stack = [root.id]
    pending = {s.id: primary(s) for s in statements if s.id != root.id}
    while True:
        while stack:
            t = stack.pop()
            for r in incoming[t]:
                if r.from_ not in placed and pending.get(r.from_) is r:
                    placed[r.from_] = r
                    stack.append(r.from_)
        # statements whose preferred parent is unreachable hang under any placed target
        moved = False
        for sid in list(pending):
            if sid in placed:
                continue
            for r in outgoing[sid]:
                if r.to in placed:
                    pending[sid] = r
                    placed[sid] = r
                    stack.append(sid)
                    moved = True
                    break
        if not moved and not stack:
            break
    missing = [sid for sid in by_id if sid not in placed]
    if missing:
        listed = ", ".join(missing[:8]) + (", ..." if len(missing) > 8 else "")
        raise FormatError(
            f"cannot write this map as Kialo: {len(missing)} statements do not lead to the "
            f"thesis {root.id!r} ({listed})"
        )
    for idx, r in enumerate(m.relations()):
        if not _is_tree(r):
            continue
        is_primary = placed.get(r.from_) is r
        number = by_id[r.from_].meta.get("kialo") if is_primary else r.meta.get("kialo")
        children.setdefault(r.to, []).append((_number_key(number), idx, r))
    for kids in children.values():
        kids.sort(key=lambda k: k[:2])

    # number every claim first: a '-> See' link may name a claim written after it
    numbers: dict[str, str] = {root.id: "1"}
    link_numbers: dict[int, str] = {}
    todo = [root.id]
    while todo:
        node = todo.pop()
        for i, (_, _, r) in enumerate(children.get(node, ()), 1):
            num = f"{numbers[node]}.{i}"
            if placed.get(r.from_) is r:
                numbers[r.from_] = num
                todo.append(r.from_)
            else:
                link_numbers[id(r)] = num
    lines = []
    if m.title:
        lines += [f"{_TITLE} {_one_line(m.title)}", ""]
    lines.append(f"1. {_safe_text(root.text, thesis=True)}")

    stack_it = [iter(children.get(root.id, ()))]  # depth first, in number order
    while stack_it:
        kid = next(stack_it[-1], None)
        if kid is None:
            stack_it.pop()
            continue
        r = kid[2]
        stance = "Pro" if r.kind == "supports" else "Con"
        if placed.get(r.from_) is r:
            lines.append(f"{numbers[r.from_]}. {stance}: {_safe_text(by_id[r.from_].text)}")
            stack_it.append(iter(children.get(r.from_, ())))
        else:
            lines.append(f"{link_numbers[id(r)]}. {stance}: -> See {numbers[r.from_]}.")
    cons = [(r.from_, r.to, placed.get(r.from_) is not r) for r in m.relations() if _is_con(r)]
    _warn_losses(m, statements, _roles([s.id for s in statements], cons))
    return "\n".join(lines) + "\n"


def _is_tree(r: Relation) -> bool:
    """Relations Kialo holds: Pro and Con (a Con the roles kept as contradicts included)."""
    return r.kind in ("supports", "objects", "rebuts") or (
        r.kind == "contradicts" and r.meta.get("kialo_stance") == "Con"
    )


def _one_line(text: str) -> str:
    """The title as Kialo's one title line holds it (line breaks and outer blanks go)."""
    if "\n" not in text and "\r" not in text and text == text.strip():
        return text
    return " ".join(text.split())


def _safe_text(text: str, *, thesis: bool = False) -> str:
    r"""The text as written, changed only where Kialo would read it as structure.

    A later line that looks like a numbered claim (``1.2. Pro: ...``) gets one
    space in front (else it would become a claim of its own); a whole text
    ``-> See 1.2.`` gets ``→`` for ``->`` (else it would become a link); a
    thesis that starts with ``Pro:`` or ``Con:`` gets a space before the colon.
    :func:`_warn_losses` reports each change.

    Examples
    --------
    >>> _safe_text("Costly.\n1.2. Pro: It is answered.")
    'Costly.\n 1.2. Pro: It is answered.'
    >>> _safe_text("-> See 1.1.")
    '→ See 1.1.'
    """
    lines = _lf(text).split("\n")
    while len(lines) > 1 and not lines[0].strip():
        lines.pop(0)  # a blank first line would leave a bare number, which reads as no claim
    for i in range(1, len(lines)):
        if _CLAIM.fullmatch(lines[i].rstrip()):
            lines[i] = " " + lines[i]
    if thesis and re.match(r"(Pro|Con):", lines[0].lstrip(" \t")):
        head = lines[0].lstrip(" \t")
        lines[0] = head[:3] + " " + head[3:]
    out = "\n".join(lines)
    if _SEE.fullmatch(out.strip()):
        out = out.replace("->", "\u2192", 1)
    return out


def _lf(text: str) -> str:
    """Line breaks as Kialo reads them: CR LF and CR are LF."""
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _is_con(r: Relation) -> bool:
    return _is_tree(r) and r.kind != "supports"


def _warn_losses(
    m: ArgumentMap, statements: Iterable[Statement], kinds: dict[str, str]
) -> None:
    from ..io import LossWarning

    lost: list[str] = []
    if m.actors():
        lost.append(f"{len(m.actors())} actors")
    if m.source is not None:
        lost.append("the map's source")
    if m.title and _one_line(m.title) != m.title:
        lost.append("the line breaks or outer blanks of the title")
    for field in ("by", "quote", "source", "note", "qualifier", "weight"):
        n = sum(1 for s in statements if getattr(s, field) is not None)
        if n:
            lost.append(f"'{field}' of {n} statements")
    n = sum(1 for s in statements if s.tags)
    if n:
        lost.append(f"the tags of {n} statements")
    n = sum(1 for s in statements if set(s.meta) - {"kialo"})
    if n:
        lost.append(f"the metadata of {n} statements")
    n = sum(1 for s in statements if s.text != s.text.strip())
    if n:
        lost.append(f"leading or trailing blanks in the text of {n} statements")
    n = sum(1 for s in statements if "\r" in s.text)
    if n:
        lost.append(f"carriage returns in the text of {n} statements (read back as line breaks)")
    n = sum(1 for s in statements if _safe_text(s.text, thesis=True) != _lf(s.text))
    if n:
        lost.append(
            f"{n} texts as they are: a line that looks like a numbered claim got a space in "
            "front, a text '-> See N.' got '\u2192' for '->', a thesis starting 'Pro:' or "
            "'Con:' a space before the colon (else they would read back as claims or links)"
        )
    n = sum(1 for s in statements if any(x != x.rstrip() for x in s.text.split("\n")[:-1]))
    if n:
        lost.append(f"blanks at the end of lines inside the text of {n} statements")
    for kind in ("contradicts", "undercuts", "concedes"):
        n = sum(1 for r in m.relations(kind) if not _is_tree(r))
        if n:
            lost.append(f"{n} '{kind}' relations")
    n = sum(1 for r in m.relations() if r.id or r.note or (set(r.meta) - {"kialo", "kialo_stance"}))
    if n:
        lost.append(f"ids, notes or metadata of {n} relations")
    n = sum(1 for s in statements if kinds[s.id] != s.kind)
    if n:
        lost.append(
            f"the kind of {n} statements (Kialo has only Pro and Con: kinds are inferred again)"
        )
    if lost:
        warnings.warn("Kialo cannot hold " + "; ".join(lost), LossWarning, stacklevel=3)


def _read(text: str, path: str | None = None) -> Loaded:
    return loads_kialo(text, path=path)


register_format(
    Format(
        name="kialo",
        extensions=(".kialo.txt", ".kialo", ".txt"),
        description="Kialo discussion, plain-text export",
        read=_read,
        write=dumps_kialo,
        sniff=sniff_kialo,
    )
)
