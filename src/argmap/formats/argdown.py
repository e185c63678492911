"""Argdown documents (argdown.org): import of the practical language, export of any map.

Import
------
What the importer reads, and where it goes in the map:

=================================  ==================================================
Argdown                            argmap
=================================  ==================================================
``[Title]: text``, ``[Title]``     a statement; the title gives its id (kept as is when
                                   it is a valid id, else slugged; the original title is
                                   then kept in ``meta["argdown_title"]``). The same
                                   title again is the same statement (equivalence);
                                   further texts go to ``meta["argdown_texts"]``.
``<Title>: text``, ``<Title>``     a statement with ``meta["argdown"] == "argument"``;
                                   its kind follows its role like any statement.
an untitled paragraph, list item   a statement (Argdown's model counts them too); its id
(``* x``, ``1. x``) or relation    is made from its text.
child
``+`` ``<+`` / ``+>``              ``supports`` (child to parent / parent to child)
``-`` ``<-`` / ``->``              an attack: ``objects`` or ``rebuts`` by role
``_`` ``<_`` / ``_>``              ``undercuts`` the relation that leaves its target (the
                                   argument's inference); under an inference bar or a
                                   conclusion, or aimed at a reconstructed argument: the
                                   argument's support of its conclusion (an intermediate
                                   step: its first premise's support, with a warning)
``><``                             ``contradicts``
strict mode (front matter          ``+`` between statements: ``supports`` with
``model: {mode: strict}``)         ``meta={"argdown": "entails"}``; ``-``: one
                                   ``contradicts`` with ``meta={"argdown": "contrary"}``
indentation                        nested relation trees
``(1) premise`` ... ``--`` /       premise-conclusion structure: each premise
``----`` / ``-- rule --`` ...      ``supports`` the conclusion of its inference step, and
``(n) conclusion``                 the argument ``supports`` its main conclusion; these
                                   relations carry ``meta={"argdown": "pcs"}``; the
                                   inference rule and its data go to the conclusion's
                                   ``meta["argdown_inference"]``
``#tag``, ``#(tag with spaces)``   ``tags`` (trailing tags leave the text, inline ones
                                   stay in it)
``# Heading``, ``## Sub``          groups, kept as the heading path in
                                   ``meta["argdown_section"]`` (a list of titles)
``{...}`` data (also over several  ``meta["argdown_data"]``; the ``argmap`` key holds
lines, and YAML block format)      what argmap itself wrote (see Export)
``@include(file)``                 the file's text, resolved against the including file
                                   (each file once, :data:`MAX_INCLUDE_DEPTH` deep)
``=== ... ===`` front matter       ``title`` gives the map title, ``author``/``date``/
                                   ``subTitle`` its source; ``argmap`` holds the actors
                                   and source argmap wrote; other keys (Argdown's
                                   display settings) are reported as not kept
``//``, ``/* */``, ``<!-- -->``    comments: skipped (a comment-only line is no blank)
``\\#`` and other escapes          the character itself
=================================  ==================================================

Relations are those of Argdown's model (``argdown json``), see
:func:`_argdown_relations`: an outgoing relation of a reconstructed argument is its main
conclusion's (so an argument and its conclusion relating to one target give one
relation), and an attack implied by one on a premise is not repeated. The details, and
the conformance suite against ``@argdown/cli`` 1.7.5, are in ``docs/argdown.md``.

Statement roles follow the attack graph (:mod:`argmap.formats._roles`): what attacks a
claim is an objection, what attacks an objection a rebuttal, and so on down the
chain; a statement that only undercuts is an objection. An attack the roles cannot
carry (an objection attacking an objection) is kept as ``contradicts`` with
``meta={"argdown": "attack"}`` and a warning. An undercut aimed at a statement with
no outgoing relation is kept as an attack, with a warning.

Export
------
:func:`dumps_argdown` writes any map: each statement as ``[id]: text`` (``<id>: text``
for arguments), grouped under its headings, with its outgoing relations beneath it
(``+>``, ``->``, ``><``, ``_>``). An argument with a one-step premise-conclusion
structure (see :func:`reconstructions`) gets it back as ``(1) ... ---- (n)``, with
intermediate conclusions, rules and data; others are written as their ``+>`` relations.
A map with entailments or contrary pairs is written in strict mode where that reads back
the same. What Argdown has no syntax for goes into the
statement's ``{argmap: {...}}`` data (``by``, ``quote``, ``source``, ``note``,
``qualifier``, ``weight``, ``meta``, a ``kind`` the roles would not give back, texts
with line breaks, relation ids, notes and metadata, ``concedes`` relations) and the
front matter's ``argmap`` key (actors, the map's source), so a map survives
native -> Argdown -> native whole. Text is escaped with backslashes so that Argdown
reads it literally.
"""

from __future__ import annotations

import json
import os
import re
import textwrap
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple

from pydantic import ValidationError

from ..errors import ArgmapError, FormatError
from ..model import ID_PATTERN, Actor, Relation, Source, statement_adapter
from . import Format, Loaded, register_format
from ._roles import attack_kind, infer_roles

if TYPE_CHECKING:
    from ..map import ArgumentMap
    from ..model import Statement

__all__ = [
    "loads_argdown",
    "dumps_argdown",
    "sniff_argdown",
    "reconstructions",
    "argdown_relation_type",
    "MAX_INCLUDE_DEPTH",
    "MAX_DATA_NODES",
    "MAX_DATA_DEPTH",
]

# ----------------------------------------------------------------------------- lexing
_ID = re.compile(ID_PATTERN)
_OPS = {
    "+": ("support", False),
    "<+": ("support", False),
    "+>": ("support", True),
    "-": ("attack", False),
    "<-": ("attack", False),
    "->": ("attack", True),
    "_": ("undercut", False),
    "<_": ("undercut", False),
    "_>": ("undercut", True),
    "><": ("contradict", True),
}
"""Relation operator: (type, whether the parent is the source)."""
_RELATION = re.compile(r"([ \t]*)(?!--)(\+>|<\+|->|<-|_>|<_|><|\+|-|_(?=[ \t]))[ \t]*(\S.*)")
"""A relation line. As in Argdown's lexer, no space is needed after the operator (``+[B]``,
``-<A>``, ``-text``) except after ``_``; ``--`` starts an inference line instead."""
_PREMISE = re.compile(r"([ \t]*)\((\d+)\)[ \t]+(.*)")
_HEADING = re.compile(r"(#{1,6})[ \t]+(.*)")
_TITLED = re.compile(r"\[((?:[^\]\\]|\\.)+)\](?!\()(:)?[ \t]*(.*)", re.S)
_ARGUMENT = re.compile(r"<((?:[^>\\]|\\.)+)>(:)?[ \t]*(.*)", re.S)
_WORD_TAG = re.compile(r"[\w-]+")
_LIST_ITEM = re.compile(r"([ \t]*)(?:\*|\d+\.)[ \t]+(\S.*)")
"""A Markdown list item (``* item``, ``1. item``): Argdown makes each one a statement."""
MAX_INCLUDE_DEPTH = 20
"""How deep ``@include`` may nest before the reader refuses (a cycle guard also applies)."""
_UNESCAPE = re.compile(r"\\([!-/:-@\[-`{-~])")


_COMMENT = re.compile(
    r"\\.|/\*.*?(?:\*/|\Z)|<!--.*?(?:-->|\Z)|(?:(?<=[ \t\n])|(?<![\s\S]))//[^\n]*", re.S
)
"""An escape (kept), or a comment: ``/* */``, ``<!-- -->``, ``//`` after a blank."""


_WORD_CHAR = re.compile(r"\w")


def _inference_rule(line: str) -> str | None:
    """The rule of an inference line (``----``, ``-- rule --``): "" for none, None when the
    line is no inference line.

    A plain scan: the regular expression it replaces (``--(.*?)--+`` and the like)
    backtracked quadratically over a long run of dashes followed by a letter.

    Examples
    --------
    >>> _inference_rule("  -----"), _inference_rule("-- Modus ponens {uses: [1]} ---")
    ('', 'Modus ponens {uses: [1]}')
    >>> _inference_rule("---x") is None, _inference_rule("- -") is None
    (True, True)
    """
    s = line.strip(" \t")
    if not s.startswith("--"):
        return None
    if not s.strip("-"):
        return ""
    body = s[2:].rstrip(" \t")
    rule = body.rstrip("-")
    if len(body) - len(rule) < 2:
        return None
    return rule.strip(" \t")


def _scan_tags(raw: str) -> tuple[list[str], int]:
    """The hashtags in a text, and where the run of tags that ends it starts.

    ``#tag`` and ``#(tag with spaces)`` count where the ``#`` does not follow a
    backslash, a word character or ``(`` (so URL anchors and ``\\#`` are no tags).
    One pass with ``str.find``; the next ``)`` is remembered, so a line full of
    unclosed ``#(`` stays linear (a regular expression backtracked quadratically).

    Examples
    --------
    >>> _scan_tags("Eat #(really) out #now #(tonight)")
    (['really', 'now', 'tonight'], 18)
    >>> _scan_tags("see x.org#anchor")
    ([], 16)
    """
    tags: list[str] = []
    spans: list[tuple[int, int]] = []
    i, close = 0, -2  # close: the first ')' at or after some earlier start (-1: none)
    while True:
        j = raw.find("#", i)
        if j < 0:
            break
        if j and (raw[j - 1] in "\\(" or _WORD_CHAR.match(raw[j - 1])):
            i = j + 1
            continue
        if raw.startswith("(", j + 1):
            if close != -1 and close < j + 2:
                close = raw.find(")", j + 2)
            if close > j + 2:
                tags.append(raw[j + 2 : close])
                spans.append((j, close + 1))
                i = close + 1
                continue
        m = _WORD_TAG.match(raw, j + 1)
        if m is not None:
            tags.append(m.group())
            spans.append((j, m.end()))
            i = m.end()
            continue
        i = j + 1
    end = len(raw)
    for start, stop in reversed(spans):
        if raw[stop:end].strip(" \t"):
            break
        end = start
    return tags, end


def _blank(match: re.Match[str]) -> str:
    text = match.group()
    return text if text[0] == "\\" else re.sub(r"[^\n]", " ", text)


def _blank_comments(text: str) -> str:
    """The text with comments replaced by spaces (newlines kept, so lines stay put).

    Examples
    --------
    >>> _blank_comments("a // b\\n/* c */ d <!-- e --> https://x.org")
    'a     \\n        d            https://x.org'
    """
    return _COMMENT.sub(_blank, text)


def _unescape(text: str) -> str:
    return _UNESCAPE.sub(r"\1", text)


# ----------------------------------------------------------------------------- parse tree
@dataclass
class _Element:
    """One Argdown statement or argument (an equivalence class), as read."""

    key: tuple[str, str]
    title: str | None
    line: int
    texts: list[str] = field(default_factory=list)
    tags: list[str] = field(default_factory=list)
    data: dict[str, Any] = field(default_factory=dict)
    section: tuple[str, ...] = ()
    inference: list[dict[str, Any]] = field(default_factory=list)
    defined: bool = False

    @property
    def is_argument(self) -> bool:
        return self.key[0] == "a"


@dataclass
class _Rel:
    source: tuple[str, str]
    target: tuple[str, str]
    type: str  # support, attack, undercut, contradict, pcs; entails, contrary (strict mode)
    line: int
    step: int | None = None
    """For an undercut of a premise-conclusion structure: the inference step it targets
    (the target is then the argument)."""


@dataclass
class _Open:
    """An element whose text may continue on the next lines."""

    element: _Element
    parts: list[str]
    line: int
    indent: int
    braces: tuple[int, str | None] = (0, None)
    """The depth of an open ``{...}`` data block in the parts so far, and its open quote."""

    def add(self, part: str) -> None:
        self.parts.append(part)
        self.braces = _brace_state(part, *self.braces)

    @property
    def in_data(self) -> bool:
        return self.braces[0] > 0


def _open(el: _Element, own: str | None, line: int, indent: int) -> _Open:
    op = _Open(el, [], line, indent)
    if own is not None:
        op.add(own)
    return op


def _brace_state(text: str, depth: int, quote: str | None) -> tuple[int, str | None]:
    """Track a ``{...}`` data block across lines: its bracket depth and open quote.

    Before the block opens only an unescaped ``{`` counts; inside it, brackets and
    quoted strings do, as in :meth:`_Parser.split_data`.

    Examples
    --------
    >>> _brace_state("[T]: text {a: [1,", 0, None)
    (2, None)
    >>> _brace_state("  2]}", 2, None)
    (0, None)
    """
    i, n = 0, len(text)
    while i < n:
        c = text[i]
        if c == "\\":
            i += 2
            continue
        if depth == 0:
            if c == "{":
                depth = 1
        elif quote:
            if c == quote:
                quote = None
        elif c in "\"'" and (i == 0 or text[i - 1] in "{[:, \t"):
            quote = c
        elif c in "{[":
            depth += 1
        elif c in "}]":
            depth -= 1
        i += 1
    return depth, quote


class _Parser:
    def __init__(self, path: str | None):
        self.path = path
        self.elements: dict[tuple[str, str], _Element] = {}
        self.relations: list[_Rel] = []
        self.section: tuple[str, ...] = ()
        self.losses: list[str] = []
        self.untitled = 0
        self.front: dict[str, Any] = {}
        self.structures: dict[
            tuple[str, str],
            list[tuple[tuple[str, str], list[tuple[str, str]], list[tuple[str, str]]]],
        ] = {}
        """Reconstructed arguments: each inference step's conclusion and premises."""

    def error(self, message: str, line: int) -> FormatError:
        return FormatError(message, path=self.path, line=line)

    # -- elements
    def element(self, kind: str, title: str | None, line: int) -> _Element:
        if title is None:
            self.untitled += 1
            key = ("u", str(self.untitled))
        else:
            key = (kind, title)
        el = self.elements.get(key)
        if el is None:
            el = self.elements[key] = _Element(key, title, line, section=self.section)
        return el

    def parse_element(self, content: str, line: int) -> tuple[_Element, str | None]:
        """The element a line starts, and its own text (None for a bare reference)."""
        for kind, pattern in (("s", _TITLED), ("a", _ARGUMENT)):
            m = pattern.match(content)
            if m is not None:
                el = self.element(kind, _unescape(m.group(1)).strip(), line)
                if m.group(2):
                    self.define(el)
                    return el, m.group(3)
                return el, _rest_or_none(m.group(3))
        el = self.element("s", None, line)
        self.define(el)
        return el, content

    def define(self, el: _Element) -> None:
        """An element belongs to the section of its first definition (else first mention)."""
        if not el.defined:
            el.defined = True
            el.section = self.section

    def finish(self, op: _Open | None) -> None:
        """Close an element: split off data and tags, keep its text."""
        if op is None:
            return
        el = op.element
        data, raw = self.split_data("\n".join(op.parts).strip(), op.line)
        raw = " ".join(p.strip() for p in raw.split("\n")).strip()
        found, trailing = _scan_tags(raw)
        tags = [_unescape(t) for t in found]
        raw = raw[:trailing]
        text = _unescape(raw).strip()
        for t in tags:
            if t not in el.tags:
                el.tags.append(t)
        if data:
            for k, v in data.items():
                if k in el.data and el.data[k] != v:
                    self.losses.append(
                        f"line {op.line}: data key {k!r} of {_name(el)} given twice; "
                        "the first value is kept"
                    )
                else:
                    el.data[k] = v
        if text and text not in el.texts:
            el.texts.append(text)

    def split_data(self, raw: str, line: int) -> tuple[dict[str, Any] | None, str]:
        """Cut a trailing ``{...}`` data block off a text and parse it."""
        start = _unescaped_index(raw, "{") if "{" in raw else -1
        if start < 0:
            return None, raw
        depth, quote, i = 0, None, start
        while i < len(raw):
            c = raw[i]
            if quote:
                if c == "\\":
                    i += 1
                elif c == quote:
                    quote = None
            elif c in "\"'" and raw[i - 1] in "{[:, \t\n":
                quote = c
            elif c in "{[":
                depth += 1
            elif c in "}]":
                depth -= 1
                if depth == 0:
                    break
            i += 1
        if depth != 0:
            raise self.error(f"unclosed '{{' data block: {raw[start : start + 40]!r}", line)
        block, rest = raw[start : i + 1], raw[:start] + raw[i + 1 :]
        if re.match(r"\{[ \t]*\n", block):
            # YAML block format: a line break right after '{' (the brackets are not YAML)
            block = textwrap.dedent(block[1:-1].split("\n", 1)[1].rstrip() + "\n")
        return _parse_data(block, lambda msg: self.error(msg, line)), rest

    # -- the document
    def parse(self, text: str) -> None:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
        written = text.split("\n")
        lines = _blank_comments(text).split("\n")
        i = self.front_matter(lines)
        # parents of relations: (indent, element, (argument, inference step) it stands for)
        stack: list[tuple[int, _Element, tuple[_Element, int] | None]] = []
        current: _Open | None = None
        pcs: _Pcs | None = None
        blank = True
        last_argument: _Element | None = None
        while i < len(lines):
            raw = lines[i]
            lineno = i + 1
            i += 1
            if current is not None and current.in_data:
                current.add(raw.rstrip())  # inside a {...} data block: YAML, not Argdown
                continue
            stripped = raw.strip()
            if not stripped and written[lineno - 1].strip():
                continue  # a line of comment only is not a blank line: it is not there at all
            if not stripped:
                self.finish(current)
                current = None
                blank = True
                if pcs is not None:  # an empty line ends a premise-conclusion structure
                    self.close_pcs(pcs)
                    pcs, last_argument = None, None
                continue
            indent = len(raw) - len(raw.lstrip(" \t"))
            heading = _HEADING.fullmatch(raw) if indent == 0 else None
            if heading is not None:
                self.finish(current)
                if pcs is not None:
                    self.close_pcs(pcs)
                current, pcs, stack, last_argument = None, None, [], None
                title = [heading.group(2)]
                while (  # a heading runs on to a blank line or a relation
                    i < len(lines)
                    and lines[i].strip()
                    and not _RELATION.fullmatch(lines[i])
                    and not _PREMISE.fullmatch(lines[i])
                ):
                    title.append(lines[i].strip())
                    i += 1
                self.heading(len(heading.group(1)), " ".join(t.strip() for t in title), lineno)
                blank = False
                continue
            rel = _RELATION.fullmatch(raw)
            if rel is not None:
                self.finish(current)
                current = None
                level = indent
                if stack and indent <= stack[-1][0]:
                    # as Argdown's lexer: close the levels deeper than this line; the line
                    # then stands in the list of the level left open (a sibling there),
                    # even where it is indented less than that level's lines
                    while len(stack) > 1 and indent < stack[-1][0]:
                        stack.pop()
                    level = min(indent, stack[-1][0])
                    stack.pop()
                if not stack:
                    raise self.error(
                        f"relation {rel.group(2)!r} has no parent: put it under the "
                        "statement or argument it relates to (indented, on the next line)",
                        lineno,
                    )
                _, parent, inference = stack[-1]
                child, own = self.parse_element(rel.group(3), lineno)
                rtype, parent_first = _OPS[rel.group(2)]
                if inference is not None and rtype == "undercut" and not parent_first:
                    # under an inference bar or a conclusion: undercuts that inference
                    arg, step = inference
                    self.relations.append(_Rel(child.key, arg.key, rtype, lineno, step))
                elif inference is not None and parent is inference[0]:
                    raise self.error(
                        f"relation {rel.group(2)!r} under an inference: only an undercut "
                        "('_' or '<_') can attack an inference",
                        lineno,
                    )
                else:
                    src, dst = (parent, child) if parent_first else (child, parent)
                    self.relations.append(_Rel(src.key, dst.key, rtype, lineno))
                stack.append((level, child, None))
                current = _open(child, own, lineno, indent)
                # (last_argument stays: the block's top-level argument takes the pcs)
                blank = False
                continue
            prem = _PREMISE.fullmatch(raw)
            if prem is not None:
                self.finish(current)
                if pcs is None:
                    if last_argument is None:
                        self.untitled += 1
                        last_argument = self.element(
                            "a", f"Untitled argument {self.untitled}", lineno
                        )
                    pcs = _Pcs(last_argument)
                    self.define(last_argument)
                el, own = self.parse_element(prem.group(3), lineno)
                # a conclusion (the member right after an inference) stands for its inference
                is_conclusion = bool(pcs.steps) and pcs.steps[-1][0] == len(pcs.members)
                pcs.members.append(el)
                current = _open(el, own, lineno, indent)
                step = (pcs.argument, len(pcs.steps) - 1) if is_conclusion else None
                stack = [(indent, el, step)]
                blank = False
                continue
            rule = _inference_rule(raw)
            if rule is not None and pcs is not None:
                self.finish(current)
                current = None
                if stripped == "--":  # the long form: rule lines up to the closing --
                    end = i
                    while end < len(lines) and lines[end].strip() != "--":
                        if _PREMISE.fullmatch(lines[end]):
                            break  # a bare '--' before the conclusion: no rule
                        end += 1
                    if end < len(lines) and lines[end].strip() == "--":
                        rule = "\n".join(b.rstrip() for b in lines[i:end] if b.strip())
                        i = end + 1
                data, rule = self.split_data(rule, lineno) if rule else (None, rule)
                rule = " ".join(rule.split())
                pcs.steps.append((len(pcs.members), _unescape(rule).strip(), data or {}))
                stack = [(indent, pcs.argument, (pcs.argument, len(pcs.steps) - 1))]
                blank = False
                continue
            item = _LIST_ITEM.fullmatch(raw)
            if current is not None and not blank and item is None:
                current.add(raw.rstrip())
                continue
            # a new top-level element, a list item (or an indented paragraph)
            self.finish(current)
            if pcs is not None:
                self.close_pcs(pcs)
                pcs = None
            el, own = self.parse_element(item.group(2) if item else stripped, lineno)
            current = _open(el, own, lineno, indent)
            stack = [(indent, el, None)]
            last_argument = el if el.is_argument else None
            blank = False
        if current is not None and current.in_data:
            raise self.error("unclosed '{' data block", current.line)
        self.finish(current)
        if pcs is not None:
            self.close_pcs(pcs)

    def front_matter(self, lines: list[str]) -> int:
        first = next((k for k, ln in enumerate(lines) if ln.strip()), None)
        if first is None or lines[first].strip() != "===":
            return 0
        for end in range(first + 1, len(lines)):
            if lines[end].strip() == "===":
                break
        else:
            raise self.error("front matter opened with '===' is never closed", first + 1)
        from ._safe import load_yaml  # bounded: limits, duplicate keys

        block = "\n".join(lines[first + 1 : end])
        data = load_yaml(block, path=self.path, line=first + 1, what="front matter")
        if data is not None and not isinstance(data, dict):
            raise self.error("front matter must be a YAML mapping", first + 1)
        problem = _unbounded(data)
        if problem:
            raise self.error(f"front matter {problem}", first + 1)
        self.front = data or {}
        return end + 1

    def heading(self, level: int, text: str, line: int) -> None:
        data, text = self.split_data(text, line)
        tags, trailing = _scan_tags(text)
        title = _unescape(text[:trailing]).strip()
        if tags:
            self.losses.append(
                f"line {line}: the tags of heading {title!r} "
                f"({', '.join('#' + _unescape(t) for t in tags)}) are not kept"
            )
        if data:
            self.losses.append(
                f"line {line}: the data of heading {title!r} ({', '.join(map(str, data))}) "
                "is not kept"
            )
        self.section = self.section[: level - 1] + ("",) * max(0, level - 1 - len(self.section))
        self.section = self.section + (title,)

    def close_pcs(self, pcs: _Pcs) -> None:
        if not pcs.members:
            return
        arg = pcs.argument
        if not pcs.steps:
            self.losses.append(
                f"line {pcs.members[0].line}: the premises of {_name(arg)} have no inference "
                "line ('--' or '----') and no conclusion; they are kept as statements only"
            )
            return
        start = 0
        conclusion = None
        conclusions = {end for end, _, _ in pcs.steps}
        steps = self.structures[arg.key] = []
        for end, rule, data in pcs.steps:
            if end >= len(pcs.members):
                raise self.error(
                    f"the inference of {_name(arg)} has no conclusion after it",
                    pcs.members[-1].line,
                )
            conclusion = pcs.members[end]
            for premise in pcs.members[start:end]:
                self.relations.append(_Rel(premise.key, conclusion.key, "pcs", premise.line))
            steps.append(
                (
                    conclusion.key,
                    [p.key for k, p in enumerate(pcs.members[start:end], start)],
                    [p.key for k, p in enumerate(pcs.members) if k not in conclusions],
                )
            )
            info: dict[str, Any] = {"argument": arg.title}
            if rule:
                info["rule"] = rule
            if data:
                info["data"] = data
            if len(info) > 1 or len(pcs.steps) > 1:
                conclusion.inference.append(info)
            start = end
        if len(pcs.members) > pcs.steps[-1][0] + 1:
            extra = pcs.members[pcs.steps[-1][0] + 1]
            self.losses.append(
                f"line {extra.line}: {_name(arg)} has statements after its conclusion with no "
                "inference line before them; they are kept as statements only"
            )
        self.relations.append(_Rel(arg.key, conclusion.key, "pcs", pcs.members[0].line))


@dataclass
class _Pcs:
    argument: _Element
    members: list[_Element] = field(default_factory=list)
    steps: list[tuple[int, str, dict[str, Any]]] = field(default_factory=list)


def _rest_or_none(rest: str) -> str | None:
    return rest if rest.strip() else None


def _name(el: _Element) -> str:
    if el.title is None:
        return "an untitled statement"
    return f"<{el.title}>" if el.is_argument else f"[{el.title}]"


def _unescaped_index(text: str, char: str) -> int:
    i = 0
    while i < len(text):
        if text[i] == "\\":
            i += 2
            continue
        if text[i] == char:
            return i
        i += 1
    return -1


def _parse_data(block: str, error: Callable[[str], FormatError]) -> dict[str, Any]:
    from ..errors import LimitError
    from ._safe import load_json, load_yaml  # bounded: limits, duplicate keys

    try:
        try:
            data = load_json(block, what="data block")
        except LimitError:
            raise
        except FormatError:
            data = load_yaml(block, what="data block")
    except LimitError as exc:
        where = error("")
        raise LimitError(exc.message, limit=exc.limit, path=where.path, line=where.line) from None
    except FormatError as exc:
        raise error(f"data block {block[:40]!r} is not valid YAML: {exc.message}") from None
    if not isinstance(data, dict):
        raise error(f"data block {block[:40]!r} is not a mapping")
    problem = _unbounded(data)
    if problem:
        raise error(f"data block {block[:40]!r} {problem}")
    return data


MAX_DATA_NODES = 100_000
"""How many values a data block or the front matter may hold, YAML aliases counted each
time they are used (a "billion laughs" block of nested aliases is refused, not expanded)."""
MAX_DATA_DEPTH = 100
"""How deep a data block or the front matter may nest (a recursive alias never ends)."""


def _unbounded(data: Any) -> str | None:
    """Why parsed YAML is too large to keep (None when it is not), counted in one bounded
    walk: more than :data:`MAX_DATA_NODES` values with aliases expanded, or deeper than
    :data:`MAX_DATA_DEPTH` (a recursive alias, ``&a [*a]``, is infinitely deep).

    Examples
    --------
    >>> _unbounded({"a": [1, 2]}) is None
    True
    >>> loop = []; loop.append(loop)
    >>> _unbounded({"a": loop})
    'nests deeper than 100 levels (a recursive YAML alias?)'
    """
    todo: list[tuple[Any, int]] = [(data, 0)]
    count = 0
    while todo:
        value, depth = todo.pop()
        count += 1
        if count > MAX_DATA_NODES:
            return (
                f"holds more than {MAX_DATA_NODES:,} values (YAML aliases expanded; "
                "argmap.formats.argdown.MAX_DATA_NODES)"
            )
        if depth > MAX_DATA_DEPTH:
            return f"nests deeper than {MAX_DATA_DEPTH} levels (a recursive YAML alias?)"
        if isinstance(value, dict):
            todo.extend((v, depth + 1) for v in value.values())
            todo.extend((k, depth + 1) for k in value if isinstance(k, tuple))
        elif isinstance(value, (list, tuple, set)):
            todo.extend((v, depth + 1) for v in value)
    return None


# ----------------------------------------------------------------------------- build
def _slug(text: str, words: int = 6) -> str:
    parts = re.findall(r"[a-z0-9]+", text.lower())
    return "-".join(parts[:words])[:60].strip("-") or "s"


def _id_for(title: str) -> str:
    """The id a title becomes: itself when it is a valid id, else a slug of it."""
    if _ID.fullmatch(title) and len(title) <= 200:
        return title
    return _slug(title, words=12)


def loads_argdown(text: str, *, path: str | None = None, file_access: bool = True) -> Loaded:
    """Read an Argdown document.

    Parameters
    ----------
    text : str
        The document.
    path : str, optional
        File name, for messages and to resolve ``@include(file)`` against.
    file_access : bool
        Whether ``@include(file)`` may read files. When False, or when there is no
        ``path``, each directive is left out with a warning.

    Returns
    -------
    Loaded
        The map and the warnings (what could not be represented).

    Raises
    ------
    FormatError
        With the line: a relation with no parent, an unclosed ``{`` data block or
        front matter, invalid YAML data, an inference with no conclusion, an included
        file that is missing, not a regular file or nested deeper than
        :data:`MAX_INCLUDE_DEPTH`.

    Examples
    --------
    >>> m, _ = loads_argdown("[T]: Eat out.\\n  - [O]: Costly.\\n    - [R]: Canteen.\\n")
    >>> [(s.id, s.kind) for s in m.statements()]
    [('T', 'claim'), ('O', 'objection'), ('R', 'rebuttal')]
    >>> [r.kind for r in m.relations()]
    ['objects', 'rebuts']
    """
    parser = _Parser(path)
    text = text.removeprefix("\ufeff")  # a byte order mark is no part of the first title
    text = _include(text, path, file_access, parser.losses)
    parser.parse(text)
    return _build(parser, path)


def _include(
    text: str,
    path: str | None,
    file_access: bool,
    losses: list[str],
    *,
    done: set[Path] | None = None,
    depth: int = 0,
) -> str:
    """The text with each ``@include(file)`` replaced by the file, as Argdown's CLI does.

    Files resolve relative to the including file; each is included once (a second
    ``@include`` of it, a cycle included, is left out with a warning). As in the CLI, the
    list of included files starts empty: a cycle back to the first file includes it once
    more (its untitled statements then count twice, as in Argdown's model); nesting deeper
    than :data:`MAX_INCLUDE_DEPTH` is an error. Line numbers in later messages count
    the text with the files in place.
    """
    if "@include(" not in text:
        return text
    from ..io import read_text

    base = _resolve(path, path, None, 1) if path is not None else None
    done = done if done is not None else set()
    out: list[str] = []
    pos, line, counted = 0, 1, 0
    for start, end, name in _includes(text):
        out.append(text[pos:start])
        pos = end
        line += text.count("\n", counted, start)  # counted on from the last match: linear
        counted = start
        name = name.strip()
        where = f"line {line}: @include({name})"
        if not file_access or base is None:
            why = "file access is off" if not file_access else "the text has no file path"
            losses.append(f"{where} not followed ({why}); the included file is missing")
            continue
        target = _resolve(base.parent / name, path, name, line)
        if target in done:
            losses.append(f"{where}: {target} is already included; included once only")
            continue
        if depth >= MAX_INCLUDE_DEPTH:
            raise FormatError(
                f"@include({name}) nests deeper than {MAX_INCLUDE_DEPTH} files "
                "(argmap.formats.argdown.MAX_INCLUDE_DEPTH)",
                path=path,
                line=line,
            )
        try:
            exists, regular = target.exists(), target.is_file()
        except (OSError, ValueError) as exc:
            raise FormatError(f"@include({name}): {exc}", path=path, line=line) from None
        if not exists:
            raise FormatError(f"@include({name}): no such file {target}", path=path, line=line)
        if not regular:
            raise FormatError(
                f"@include({name}): {target} is not a regular file", path=path, line=line
            )
        done.add(target)
        included = read_text(target)
        out.append(
            _include(included, str(target), file_access, losses, done=done, depth=depth + 1)
        )
    out.append(text[pos:])
    return "".join(out)


def _includes(text: str) -> Iterator[tuple[int, int, str]]:
    """Where ``@include(name)`` stands in a text: (start, end, name), as Argdown's
    ``/@include\\(([^\\)]+)\\)/g`` finds them, in one pass (the regular expression
    scanned to the end of the text again for each unclosed ``@include(``).

    Examples
    --------
    >>> list(_includes("@include() @include(a.ad) @include(b"))
    [(11, 25, 'a.ad')]
    """
    i = 0
    while True:
        start = text.find("@include(", i)
        if start < 0:
            return
        close = text.find(")", start + 9)
        if close < 0:
            return  # no ')' after this one: none after it either
        if close > start + 9:
            yield start, close + 1, text[start + 9 : close]
            i = close + 1
        else:
            i = start + 1


def _resolve(where: str | os.PathLike[str], path: str | None, name: str | None, line: int) -> Path:
    """The absolute path of a file (symbolic links followed), or a FormatError saying why not
    (a loop of symbolic links, a NUL byte, a name too long)."""
    try:
        return Path(where).resolve()
    except (OSError, RuntimeError, ValueError) as exc:  # RuntimeError: a symlink loop (3.11)
        what = f"@include({name})" if name is not None else "the file's path"
        raise FormatError(f"{what}: cannot resolve the path: {exc}", path=path, line=line) from None


def _argdown_relations(p: _Parser, strict: bool) -> list[_Rel]:
    """The relations of Argdown's model (``@argdown/cli`` 1.7), from those as written.

    As Argdown's ModelPlugin does: an outgoing relation of a reconstructed argument
    becomes one of its main conclusion (one the conclusion already has, or one to
    itself, is implied and dropped); an undercut of a reconstructed argument targets
    its last inference; in strict mode, ``+`` between statements is entailment and
    ``-`` contrariness (symmetric: ``[A] - [B]`` and ``[B] - [A]`` are one relation);
    a statement's attack on a reconstructed argument is dropped where the statement
    already attacks, contradicts or is contrary to one of the argument's premises.
    """
    main = {arg: steps[-1][0] for arg, steps in p.structures.items() if steps}
    out: list[_Rel] = []
    seen: set[tuple[str, tuple[str, str], tuple[str, str], int | None]] = set()
    for r in p.relations:
        if r.type != "pcs":
            if r.source in main:
                r = _Rel(main[r.source], r.target, r.type, r.line, r.step)
                if r.source == r.target:
                    continue  # the argument supports its own conclusion: implied by the pcs
            if r.type == "undercut" and r.step is None and r.target in main:
                r = _Rel(r.source, r.target, r.type, r.line, len(p.structures[r.target]) - 1)
            if strict and r.source[0] != "a" and r.target[0] != "a" and r.step is None:
                if r.type == "support":
                    r = _Rel(r.source, r.target, "entails", r.line)
                elif r.type == "attack":
                    r = _Rel(r.source, r.target, "contrary", r.line)
                    if ("contrary", r.target, r.source, None) in seen:
                        continue
            key = (r.type, r.source, r.target, r.step)
            if key in seen and not (r.type == "undercut" and r.step is None):
                continue  # (an undercut of a statement stands for one of its relations)
            seen.add(key)
        out.append(r)
    # a statement's attack on a reconstructed argument, implied by one on a premise
    links: set[tuple[tuple[str, str], tuple[str, str]]] = set()
    for r in out:
        if r.type in ("attack", "contrary", "contradict"):
            links.add((r.source, r.target))
            if r.type != "attack":
                links.add((r.target, r.source))
    premises = {arg: set(steps[-1][2]) for arg, steps in p.structures.items() if steps}
    return [
        r
        for r in out
        if not (
            r.type == "attack"
            and r.source[0] != "a"
            and r.target in premises
            and any((r.source, q) in links for q in premises[r.target])
        )
    ]


def _build(p: _Parser, path: str | None) -> Loaded:
    from ..map import ArgumentMap

    losses = list(p.losses)
    front = dict(p.front)
    ours = front.pop("argmap", None) or {}
    if not isinstance(ours, Mapping):
        raise FormatError("front matter key 'argmap' must be a mapping", path=path)
    title = front.pop("title", None)
    model = front.get("model")
    strict = isinstance(model, Mapping) and model.get("mode") == "strict"
    if isinstance(model, Mapping) and set(model) <= {"mode"}:
        del front["model"]  # the interpretation mode is read; other model settings are not
    relations = _argdown_relations(p, strict)
    source = _front_source(front, ours, path)
    if front:
        losses.append(
            "front matter keys not kept (Argdown settings): " + ", ".join(map(str, front))
        )
    m = ArgumentMap(None if title is None else str(title), source=source)
    if not isinstance(ours.get("actors") or [], list):
        raise FormatError("front matter key 'argmap.actors' must be a list", path=path)
    for a in ours.get("actors") or []:
        try:
            m.add_actor(Actor.model_validate(a))
        except (ValidationError, ArgmapError) as exc:  # both carry a clear message
            raise FormatError(f"front matter actor {a!r}: {exc}", path=path) from None

    # ids
    ids: dict[tuple[str, str], str] = {}
    taken: set[str] = set()
    for key, el in p.elements.items():
        base = _id_for(el.title) if el.title else _slug(el.texts[0] if el.texts else "s")
        sid, n = base, 2
        while sid in taken:
            sid, n = f"{base}-{n}", n + 1
        taken.add(sid)
        ids[key] = sid

    extras: dict[str, dict[str, Any]] = {}
    for key, el in p.elements.items():
        data = dict(el.data)
        mine = data.pop("argmap", {})
        if not isinstance(mine, dict):
            raise FormatError(
                f"data key 'argmap' of {_name(el)} must be a mapping", path=path, line=el.line
            )
        for name, shape in (("relations", list), ("tags", list), ("meta", dict)):
            if name in mine and not isinstance(mine[name], shape):
                raise FormatError(
                    f"data key 'argmap.{name}' of {_name(el)} must be a "
                    + ("list" if shape is list else "mapping"),
                    path=path,
                    line=el.line,
                )
        for entry in mine.get("relations", []):
            if not (
                isinstance(entry, dict)
                and isinstance(entry.get("to"), str)
                and isinstance(entry.get("kind"), str)
            ):
                raise FormatError(
                    f"data key 'argmap.relations' of {_name(el)}: {entry!r} is not a "
                    "relation ({to: ID, kind: KIND, ...})",
                    path=path,
                    line=el.line,
                )
        extras[ids[key]] = {"data": data, "mine": mine, "el": el}

    # roles: attacks (with the targets of undercuts resolved later) decide
    order = [ids[k] for k in p.elements]
    attacks = [(ids[r.source], ids[r.target]) for r in relations if r.type == "attack"]
    fixed = {}
    for sid, ex in extras.items():
        kind = ex["mine"].get("kind")
        if kind is not None:
            if kind not in ("claim", "objection", "rebuttal", "evidence"):
                raise FormatError(
                    f"unknown kind {kind!r} in the argmap data of {_name(ex['el'])}",
                    path=path,
                    line=ex["el"].line,
                )
            fixed[sid] = kind
    kinds = _roles(
        order, attacks, fixed, {ids[r.source] for r in relations if r.type == "undercut"}
    )

    # statements
    for key, el in p.elements.items():
        sid = ids[key]
        ex = extras[sid]
        mine = ex["mine"]
        meta: dict[str, Any] = {}
        if el.is_argument:
            meta["argdown"] = "argument"
        if el.title is not None and el.title != sid:
            meta["argdown_title"] = el.title
        if len(el.texts) > 1:
            meta["argdown_texts"] = el.texts[1:]
        if any(el.section):
            meta["argdown_section"] = list(el.section)
        if el.inference:
            meta["argdown_inference"] = el.inference
        if ex["data"]:
            meta["argdown_data"] = ex["data"]
        if "meta" in mine:
            meta = dict(mine["meta"])
        text = mine.get("text") or (el.texts[0] if el.texts else None) or el.title or sid
        tags = list(el.tags) + [t for t in mine.get("tags", []) if t not in el.tags]
        if el.tags and set(el.tags) <= set(mine.get("tags", [])):
            tags = list(mine["tags"])  # the data lists every tag: its order is the map's
        fields = {
            "id": sid,
            "kind": kinds[sid],
            "text": text,
            "tags": tags,
            "meta": meta,
            **{
                k: mine[k]
                for k in ("by", "quote", "source", "note", "qualifier", "weight")
                if k in mine
            },
        }
        try:
            stmt = statement_adapter.validate_python(fields)
            m.add(stmt)
        except (ValidationError, ArgmapError) as exc:
            raise FormatError(
                f"{_name(el)}: {exc}", path=path, line=el.line, statement=sid
            ) from None

    # relation extras written by argmap: ids, notes, metadata, undercut targets
    rel_extras: dict[tuple[str, str, str], dict[str, Any]] = {}
    for sid, ex in extras.items():
        for entry in ex["mine"].get("relations", []):
            rel_extras[(sid, entry["kind"], entry["to"])] = entry

    # relation -> the meta it was read with
    seen: dict[tuple[str, str, str], dict[str, Any] | None] = {}

    def add(
        src: str, dst: str, kind: str, line: int, meta: dict[str, Any] | None = None
    ) -> None:
        if src == dst:
            losses.append(f"line {line}: {src!r} relates to itself; skipped")
            return
        before = seen.get((src, kind, dst))
        if before is None and kind == "contradicts":
            before = seen.get((dst, kind, src))
        if before is not None:
            if before != (meta or {}):  # two relations in Argdown's model, one in argmap's
                losses.append(
                    f"line {line}: {src!r} {kind} {dst!r} is there already (as "
                    f"{before.get('argdown', kind)}); this {(meta or {}).get('argdown', kind)} "
                    "relation is not kept apart from it"
                )
            return  # the same relation again (Argdown allows repeating it)
        entry = rel_extras.get((src, kind, dst), {})
        try:
            rel = Relation(
                from_=src,
                to=dst,
                kind=kind,
                id=entry.get("id"),
                note=entry.get("note"),
                meta=entry.get("meta", meta or {}),
            )
            m.add_relation(rel)
        except (ValidationError, ArgmapError) as exc:  # a bad id or note in data, a rule broken
            raise FormatError(
                f"relation {src} -{kind}-> {dst}: {exc}", path=path, line=line
            ) from None
        seen[(src, kind, dst)] = meta or {}

    undercuts = []
    inferences = []
    for r in relations:
        src, dst = ids[r.source], ids[r.target]
        if r.type in ("support", "pcs", "entails"):
            add(src, dst, "supports", r.line, {"argdown": r.type} if r.type != "support" else None)
        elif r.type == "contradict":
            add(src, dst, "contradicts", r.line)
        elif r.type == "contrary":
            add(src, dst, "contradicts", r.line, {"argdown": "contrary"})
        elif r.step is not None:
            inferences.append(r)
        elif r.type == "attack":
            kind = attack_kind(kinds[src], kinds[dst])
            if kind is None:
                if (src, "contradicts", dst) not in rel_extras:
                    losses.append(
                        f"line {r.line}: the attack of {kinds[src]} {src!r} on {kinds[dst]} "
                        f"{dst!r} does not fit the rule table; kept as 'contradicts'"
                    )
                add(src, dst, "contradicts", r.line, {"argdown": "attack"})
            else:
                add(src, dst, kind, r.line)
        else:
            undercuts.append((src, dst, r.line))

    # contradictions with arguments, and concessions, for which Argdown has no syntax, ride
    # in the data only
    for src, kind, dst in list(rel_extras):
        if kind in ("contradicts", "concedes") and dst in m and (src, kind, dst) not in seen:
            add(src, dst, kind, extras[src]["el"].line)

    # an undercut of an inference: the last one is the argument's support of its conclusion,
    # an earlier one (argmap has no node for it) the support from that step's first premise
    for r in inferences:
        src, arg = ids[r.source], ids[r.target]
        steps = p.structures[r.target]
        conclusion, first, _ = steps[r.step]
        if r.step == len(steps) - 1:
            link = (arg, ids[conclusion])
        else:
            link = (ids[first[0]], ids[conclusion])
            losses.append(
                f"line {r.line}: {src!r} undercuts inference {r.step + 1} of {arg!r}, an "
                f"intermediate step; kept as undercutting the support of {link[1]!r} by "
                f"{link[0]!r}"
            )
        target = next(
            (x for x in m.relations_from(link[0]) if x.to == link[1] and x.kind == "supports"),
            None,
        )
        if target is None:  # the support was merged away (a premise repeated): say so
            losses.append(f"line {r.line}: {src!r} undercuts an inference of {arg!r}; not kept")
            continue
        add(src, m._ensure_relation_id(target), "undercuts", r.line)

    # undercuts target a relation leaving their target; undercuts of undercuts need theirs first
    pending = undercuts
    while pending:
        later = []
        for src, dst, line in pending:
            hinted = {to for (s, k, to) in rel_extras if s == src and k == "undercuts"}
            leaving = [r for r in m.relations() if r.from_ == dst and r.kind != "contradicts"]
            chosen = [r for r in leaving if r.id in hinted] if hinted else leaving
            if not chosen:
                later.append((src, dst, line))
                continue
            if len(chosen) > 1 and not hinted:
                losses.append(
                    f"line {line}: {src!r} undercuts {dst!r}, which has {len(chosen)} "
                    f"outgoing relations; taken as undercutting the first ({chosen[0].key})"
                )
            for target in chosen if hinted else chosen[:1]:
                add(src, m._ensure_relation_id(target), "undercuts", line)
        if len(later) == len(pending):
            for src, dst, line in later:
                kind = attack_kind(kinds[src], kinds[dst])
                losses.append(
                    f"line {line}: {src!r} undercuts {dst!r}, which has no outgoing relation "
                    f"to undercut; kept as {kind or 'contradicts'!r}"
                )
                add(src, dst, kind or "contradicts", line, {"argdown": "undercut"})
            break
        pending = later
    return Loaded(m, losses)


def argdown_relation_type(r: Relation) -> str | None:
    """The ``relationType`` Argdown's JSON export gives a relation read from Argdown.

    ``None`` for the supports a premise-conclusion structure stands for (``meta``
    ``{"argdown": "pcs"}``): Argdown has no relation there. A kind Argdown has no
    syntax for (``concedes``) gives its own name.

    Examples
    --------
    >>> m, _ = loads_argdown("===\\nmodel: {mode: strict}\\n===\\n\\n[a]\\n  - [b]\\n  + [c]\\n")
    >>> sorted(argdown_relation_type(r) for r in m.relations())
    ['contrary', 'entails']
    """
    tag = r.meta.get("argdown")
    if tag == "pcs":
        return None
    if tag in ("undercut", "attack", "contrary", "entails"):
        return str(tag)
    return {
        "supports": "support",
        "objects": "attack",
        "rebuts": "attack",
        "undercuts": "undercut",
        "contradicts": "contradictory",
    }.get(r.kind, r.kind)


def _roles(
    order: list[str], attacks: list[tuple[str, str]], fixed: dict[str, str], undercutters: set[str]
) -> dict[str, str]:
    """Roles from the attacks; an undercutter they leave a claim or evidence is an objection."""
    kinds = infer_roles(order, attacks, fixed)
    for sid in undercutters:
        if sid not in fixed and kinds[sid] in ("claim", "evidence"):
            kinds[sid] = "objection"
    return kinds


def _front_source(
    front: dict[str, Any], ours: Mapping[str, Any], path: str | None
) -> Source | None:
    if "source" in ours:
        try:
            return Source.model_validate(ours["source"])
        except ValidationError as exc:
            raise FormatError(f"front matter argmap.source: {exc}", path=path) from None
    fields: dict[str, Any] = {}
    author = front.get("author")
    if author is not None:
        front.pop("author")
        fields["author"] = (
            "; ".join(map(str, author)) if isinstance(author, list) else str(author).strip()
        )
    date = front.get("date")
    if date is not None:
        front.pop("date")
        iso = re.fullmatch(r"\d{4}(-\d{2}(-\d{2})?)?", str(date))
        if iso:
            fields["date"] = str(date)
        else:
            fields["note"] = f"date: {date}"
    sub = front.pop("subTitle", None)
    if sub is not None:
        fields["title"] = str(sub).strip()
    return Source(**fields) if fields else None


# ----------------------------------------------------------------------------- export
_ESCAPE = re.compile(r"([\\#\[\]<>{}@/*_+\-=~`|^])")


def _escape(text: str) -> str:
    """Text Argdown reads literally; ``@include(`` becomes ``\\@include\\(``, which
    Argdown's include rule (it ignores backslashes) does not match."""
    return _ESCAPE.sub(r"\\\1", text).replace("include(", "include\\(")


def _data(value: Any) -> str:
    """Data as JSON, which Argdown's lexer and YAML both read, with risky characters escaped.

    Inside strings, brackets, braces, ``#``, ``/`` and the like become ``\\u`` escapes,
    so that neither Argdown's data lexer nor its comment and tag rules see them.
    """
    dumped = json.dumps(value, ensure_ascii=False, separators=(", ", ": "))
    out, in_str, i = [], False, 0
    while i < len(dumped):
        c = dumped[i]
        if in_str:
            if c == "\\":
                out.append(dumped[i : i + 2])
                i += 2
                continue
            if c == '"':
                in_str = False
                out.append(c)
            elif c in "{}[]#/<>*@`=" or (c != " " and (c.isspace() or not c.isprintable())):
                out.append(f"\\u{ord(c):04x}" if ord(c) < 0x10000 else f"\\U{ord(c):08x}")
            else:
                out.append(c)
        else:
            if c == '"':
                in_str = True
            out.append(c)
        i += 1
    return "".join(out)


def _title(s: Statement) -> str:
    wanted = s.meta.get("argdown_title")
    if isinstance(wanted, str) and _id_for(wanted) == s.id and _TITLE_OK.fullmatch(wanted):
        return wanted
    return s.id


_TITLE_OK = re.compile(r"[^\[\]<>\\{}#@\n]+")


def _ref(s: Statement) -> str:
    t = _title(s)
    return f"<{t}>" if s.meta.get("argdown") == "argument" else f"[{t}]"


def _tag(t: str) -> str | None:
    if re.fullmatch(r"[\w-]+", t):
        return f"#{t}"
    if re.fullmatch(r"[^()\n#\\{}\[\]<>/@]+", t) and t == t.strip():
        return f"#({t})"
    return None  # braces would open data, '//' a comment, and so on: the tag rides in data


def dumps_argdown(m: ArgumentMap) -> str:
    """The map as an Argdown document (see the module docstring for what goes where).

    Examples
    --------
    >>> from argmap import ArgumentMap
    >>> m = ArgumentMap(title="Lunch")
    >>> t = m.claim("Eat out.", id="t")
    >>> _ = m.objection("It costs too much.", id="o", against=t)
    >>> print(dumps_argdown(m), end="")
    ===
    title: "Lunch"
    ===
    <BLANKLINE>
    [t]: Eat out.
    <BLANKLINE>
    [o]: It costs too much.
      -> [t]
    """
    statements = m.statements()
    kinds = _exported_kinds(m)
    out: list[str] = []
    front: dict[str, Any] = {}
    if m.title is not None:
        front["title"] = m.title
    mine: dict[str, Any] = {}
    if m.actors():
        mine["actors"] = [a.model_dump(mode="json", exclude_none=True) for a in m.actors()]
    if m.source is not None:
        mine["source"] = m.source.model_dump(mode="json", exclude_none=True)
    if mine:
        front["argmap"] = mine
    structures = reconstructions(m)
    in_pcs = {r.key for rec in structures.values() for r in (*rec.relations, rec.own)}
    strict = _strict_mode(m, in_pcs)
    if strict:
        front["model"] = {"mode": "strict"}
    if front:
        out.append("===")
        for k, v in front.items():
            out.append(f"{k}: {_data(v)}")
        out += ["===", ""]

    under_bars = {
        u.key
        for rec in structures.values()
        for _, link in _bar_links(rec)
        if link is not None
        for u in m.relations_to(link)
    }
    by_source: dict[str, list[Relation]] = {}
    in_data: dict[str, list[Relation]] = {}
    for r in m.relations():
        if r.key not in in_pcs and r.key not in under_bars:
            by_source.setdefault(r.from_, []).append(r)
        else:
            in_data.setdefault(r.from_, []).append(r)
    relations = {r.key: r for r in m.relations()}
    # Argdown cannot leave a section: statements without one come first, then each group
    groups: dict[tuple[str, ...], list[Statement]] = {(): []}
    for s in statements:
        wanted = s.meta.get("argdown_section")
        groups.setdefault(tuple(wanted) if _is_section(wanted) else (), []).append(s)
    section: tuple[str, ...] = ()
    for sec, members in groups.items():
        if sec != section:
            common = 0
            while common < min(len(sec), len(section)) and sec[common] == section[common]:
                common += 1
            for level in range(min(common + 1, len(sec)), len(sec) + 1):
                out += [f"{'#' * level} {_escape(sec[level - 1])}", ""]
            section = sec
        for s in members:
            _write_statement(
                out, m, s, kinds, by_source, relations, structures.get(s.id), strict, in_data
            )
    return "\n".join(out).rstrip("\n") + "\n"


def _write_statement(
    out: list[str],
    m: ArgumentMap,
    s: Statement,
    kinds: set[str],
    by_source: Mapping[str, list[Relation]],
    relations: Mapping[str, Relation],
    structure: Reconstruction | None = None,
    strict: bool = False,
    in_data: Mapping[str, list[Relation]] | None = None,
) -> None:
    """A statement's definition line, its premise-conclusion structure, its relations."""
    rels = by_source.get(s.id, [])
    data_only = [r for r in rels if not _in_syntax(m, r)]
    # relations written as structures carry their ids and notes in their source's data
    extra = [r for r in in_data.get(s.id, []) if r.id or r.note or r.kind == "undercuts"]
    out.append(_definition(s, kinds, rels + extra, data_only, strict))
    if structure is not None:
        out.append("")
        title = s.meta.get("argdown_title", s.id)
        links = dict(_bar_links(structure))
        for n, sid in enumerate(structure.members):
            if n in structure.bars:
                out += _inference_bar(m.get(sid), title)
                for u in m.relations_to(links[n]) if links.get(n) else []:
                    out.append(f"  <_ {_ref(m.get(u.from_))}")  # undercuts this inference
            out.append(f"({n + 1}) {_ref(m.get(sid))}")
        out.append("")
        if rels:
            out.append(_ref(s))
    for r in rels:
        if _in_syntax(m, r):
            # an undercut points at the statement whose inference it attacks
            target = m.get(relations[r.to].from_ if r.kind == "undercuts" else r.to)
            out.append(f"  {_operator(r, strict)} {_ref(target)}")
    out.append("")


class Reconstruction(NamedTuple):
    """How an argument's premise-conclusion structure is written (see :func:`reconstructions`)."""

    relations: list[Relation]
    """The ``pcs`` supports the structure stands for (the argument's own one not included)."""
    own: Relation
    """The argument's support of its main conclusion."""
    members: list[str]
    """The statement ids in the order written, ``(1)`` to ``(n)``."""
    bars: list[int]
    """The indices of ``members`` an inference bar comes before (the conclusions)."""


def reconstructions(m: ArgumentMap) -> dict[str, Reconstruction]:
    """Arguments whose support relations can be written as a premise-conclusion structure.

    An argument qualifies when it supports one conclusion with a ``pcs`` relation, the
    conclusion's other ``pcs`` supports come from statements (not arguments), and any
    intermediate conclusion (a premise whose ``meta["argdown_inference"]`` names the
    argument) is the only one its step uses, so the steps form Argdown's chain
    ``(1) ... ---- (k) ... ---- (n)``. Relations are not written in one when Argdown
    would read them back differently: the argument has other outgoing relations (Argdown
    moves them to its conclusion), a structure relation has an id or a note or is
    undercut (except the argument's own support: that is its inference), a conclusion
    belongs to two arguments, or a statement attacks both the argument and one of its
    premises (Argdown drops the first as implied). Others are written as plain ``+>``
    relations, which keeps the same map.

    Returns
    -------
    dict
        ``{argument id: Reconstruction}``.
    """

    def is_pcs(r: Relation) -> bool:
        return r.kind == "supports" and r.meta == {"argdown": "pcs"}

    def is_argument(sid: str) -> bool:
        return m.get(sid).meta.get("argdown") == "argument"

    into: dict[str, list[Relation]] = {}
    for r in m.relations("supports"):
        if is_pcs(r) and not is_argument(r.from_):
            into.setdefault(r.to, []).append(r)
    undercut = {r.to for r in m.relations("undercuts")}
    attackers: dict[str, set[str]] = {}  # statement -> what it attacks or contradicts
    for r in m.relations():
        if r.kind in ("objects", "rebuts", "contradicts"):
            attackers.setdefault(r.from_, set()).add(r.to)
            if r.kind == "contradicts" and r.meta.get("argdown") != "attack":
                attackers.setdefault(r.to, set()).add(r.from_)
    found: dict[str, Reconstruction] = {}
    claimed: dict[str, list[str]] = {}  # conclusion -> arguments whose structure has it
    for s in m.statements():
        if not is_argument(s.id):
            continue
        out = m.relations_from(s.id)
        if len(out) != 1 or out[0].kind != "supports" or out[0].meta != {"argdown": "pcs"}:
            continue  # (its own support may have an id and a note: they go in its data)
        own = out[0]
        title = s.meta.get("argdown_title", s.id)
        chain, x, ok = [own.to], own.to, True
        while ok:  # walk back along the intermediate conclusions
            rels = into.get(x, [])
            steps = [
                r.from_
                for r in rels
                if any(
                    isinstance(i, dict) and i.get("argument") == title
                    for i in (m.get(r.from_).meta.get("argdown_inference") or [])
                )
                and r.from_ in into
            ]
            if not rels or len(steps) > 1 or is_argument(x):
                ok = False
            elif steps:
                if steps[0] in chain:
                    ok = False
                chain.append(steps[0])
                x = steps[0]
            else:
                break
        if not ok:
            continue
        members: list[str] = []
        bars: list[int] = []
        relations: list[Relation] = []
        previous = None
        first: set[str] = set()  # an intermediate step's first link stands for its inference
        for conclusion in reversed(chain):
            start = len(members) - 1 if previous is not None else len(members)
            for r in into[conclusion]:
                if r.from_ != previous:
                    members.append(r.from_)
                relations.append(r)
            if conclusion != own.to and len(members) > start >= 0:
                pair = (members[start], conclusion)
                first |= {r.key for r in relations if (r.from_, r.to) == pair}
            bars.append(len(members))
            members.append(conclusion)
            previous = conclusion
        leaves = set(members) - set(chain)
        if (
            len(set(members)) != len(members)
            or any(r.key in undercut and r.key not in first for r in relations)
            or any(
                leaves & attackers.get(r.from_, set())
                for r in m.relations_to(s.id)
                if r.kind != "supports"
            )
        ):
            continue
        for c in chain:
            claimed.setdefault(c, []).append(s.id)
        found[s.id] = Reconstruction(relations, own, members, bars)
    shared = {a for args in claimed.values() if len(args) > 1 for a in args}
    return {a: rec for a, rec in found.items() if a not in shared}


def _strict_mode(m: ArgumentMap, in_pcs: set[str]) -> bool:
    """Whether to write Argdown's strict mode: the map has entailments or contrary pairs
    between statements (read from a strict file), and every relation between two
    statements written with an operator reads back the same in strict mode."""
    if not any(r.meta.get("argdown") in ("entails", "contrary") for r in m.relations()):
        return False
    for r in m.relations():
        if r.key in in_pcs or r.kind in ("undercuts", "concedes"):
            continue
        if any(m.get(end).meta.get("argdown") == "argument" for end in (r.from_, r.to)):
            continue
        tag = r.meta.get("argdown")
        if r.kind == "supports" and tag not in ("entails", "pcs"):
            return False
        if r.kind in ("objects", "rebuts") or (r.kind == "contradicts" and tag in (
            "attack",
            "undercut",
        )):
            return False
    return True


def _bar_links(rec: Reconstruction) -> list[tuple[int, str | None]]:
    """Each inference bar (index into ``rec.members``) but the last, with the relation that
    stands for its inference: the support of its conclusion by the step's first member."""
    out: list[tuple[int, str | None]] = []
    start = 0
    for bar in rec.bars[:-1]:
        pair = (rec.members[start], rec.members[bar])
        link = next((r.key for r in rec.relations if (r.from_, r.to) == pair), None)
        out.append((bar, link))
        start = bar
    return out


def _inference_bar(conclusion: Statement, argument: str) -> list[str]:
    """The inference line(s) before a conclusion: ``----``, or ``--`` rule, data ``--``."""
    infos = conclusion.meta.get("argdown_inference")
    info = next(
        (i for i in infos or [] if isinstance(i, dict) and i.get("argument") == argument), {}
    )
    rule, data = info.get("rule"), info.get("data")
    if not (isinstance(rule, str) and rule.strip()) and not (isinstance(data, dict) and data):
        return ["----"]
    lines = ["--"]
    if isinstance(rule, str) and rule.strip():
        lines.append(_escape(" ".join(rule.split())))
    if isinstance(data, dict) and data:
        lines.append(_data(data))
    return [*lines, "--"]


def _in_syntax(m: ArgumentMap, r: Relation) -> bool:
    """Whether Argdown has syntax for a relation (``><`` links statements, not arguments).

    A concession has none: it is neither an attack nor a support.
    """
    if r.kind == "concedes":
        return False
    if _operator(r) != "><":
        return True
    return all(m.get(end).meta.get("argdown") != "argument" for end in (r.from_, r.to))


def _is_section(value: Any) -> bool:
    return (
        isinstance(value, list)
        and bool(value)
        and all(isinstance(v, str) and v.strip() == v and v and "\n" not in v for v in value)
    )


def _definition(
    s: Statement,
    explicit: set[str],
    rels: list[Relation],
    data_only: list[Relation],
    strict: bool = False,
) -> str:
    text = " ".join(s.text.split())
    line = f"{_ref(s)}: {_escape(text)}"
    mine: dict[str, Any] = {}
    if text != s.text:
        mine["text"] = s.text
    if s.id in explicit:
        mine["kind"] = s.kind
    for k in ("by", "quote", "note", "qualifier", "weight"):
        v = getattr(s, k)
        if v is not None:
            mine[k] = v
    if s.source is not None:
        mine["source"] = s.source.model_dump(mode="json", exclude_none=True)
    written: list[str] = []
    rest: list[str] = []
    for t in s.tags:
        tag = _tag(t)
        (written if tag else rest).append(tag or t)
    if rest:  # tags Argdown cannot hold ride in the data (all of them, to keep the order)
        in_order = all(_tag(t) for t in s.tags[: len(written)])
        mine["tags"] = rest if in_order else list(s.tags)
    meta = dict(s.meta)
    derived = _derived_meta(s)
    if meta != derived:
        mine["meta"] = meta
    entries = []
    for r in rels:
        entry: dict[str, Any] = {}
        if r.id:
            entry["id"] = r.id
        if r.note:
            entry["note"] = r.note
        if r.meta != _derived_relation_meta(r, strict):
            entry["meta"] = r.meta
        if entry or r.kind == "undercuts" or r in data_only:
            entries.append({"to": r.to, "kind": r.kind, **entry})
    if entries:
        mine["relations"] = entries
    if written:
        line += " " + " ".join(written)
    data = s.meta.get("argdown_data")
    block = dict(data) if isinstance(data, dict) and "argmap" not in data else {}
    if mine:
        block["argmap"] = mine
    if block:
        line += " " + _data(block)
    return line


def _derived_relation_meta(r: Relation, strict: bool = False) -> dict[str, Any]:
    """The relation metadata the importer rebuilds from the operator the exporter writes."""
    if r.kind == "contradicts" and r.meta == {"argdown": "attack"}:
        return r.meta
    if strict and (r.kind, r.meta) in (
        ("supports", {"argdown": "entails"}),
        ("contradicts", {"argdown": "contrary"}),
    ):
        return r.meta
    return {}


def _operator(r: Relation, strict: bool = False) -> str:
    if r.meta.get("argdown") == "undercut":
        return "_>"
    if r.kind == "contradicts" and r.meta.get("argdown") == "attack":
        return "->"
    if r.kind == "contradicts" and r.meta.get("argdown") == "contrary" and strict:
        return "->"
    return {"supports": "+>", "contradicts": "><", "undercuts": "_>"}.get(r.kind, "->")


def _derived_meta(s: Statement) -> dict[str, Any]:
    """The metadata the importer rebuilds by itself from what the exporter writes."""
    meta: dict[str, Any] = {}
    if s.meta.get("argdown") == "argument":
        meta["argdown"] = "argument"
    if _title(s) != s.id:
        meta["argdown_title"] = _title(s)
    section = s.meta.get("argdown_section")
    if _is_section(section):
        meta["argdown_section"] = section
    data = s.meta.get("argdown_data")
    if isinstance(data, dict) and data and "argmap" not in data:
        meta["argdown_data"] = data
    return meta


def _exported_kinds(m: ArgumentMap) -> set[str]:
    """The statements whose kind the exporter must write, as the roles would not give it back.

    Writing a kind fixes it for the importer, which changes what the roles give the
    statements around it, so this repeats until nothing differs.
    """
    order = [s.id for s in m.statements()]
    attacks = [
        (r.from_, r.to)
        for r in m.relations()
        if r.kind in ("objects", "rebuts")
        or (r.kind == "contradicts" and r.meta.get("argdown") == "attack")
    ]
    undercutters = {r.from_ for r in m.relations("undercuts")}
    fixed: dict[str, str] = {}
    while True:
        kinds = _roles(order, attacks, fixed, undercutters)
        wrong = {s.id: s.kind for s in m.statements() if kinds[s.id] != s.kind}
        if not wrong:
            return set(fixed)
        fixed.update(wrong)


def sniff_argdown(text: str) -> bool:
    """True when the text looks like Argdown (titles followed by relations or pcs)."""
    head = text[:4000]
    return bool(
        re.search(r"^[ \t]*(?:\[[^\]\n]+\]|<[^>\n]+>):", head, re.M)
        and re.search(r"^[ \t]*(?:[+\-_]>?|<[+\-_]|><|\(\d+\))[ \t]", head, re.M)
    )


def _read(text: str, path: str | None = None, *, file_access: bool = True) -> Loaded:
    return loads_argdown(text, path=path, file_access=file_access)


register_format(
    Format(
        name="argdown",
        extensions=(".argdown", ".ad"),
        description="Argdown document (argdown.org)",
        read=_read,
        write=dumps_argdown,
        sniff=sniff_argdown,
        file_access=True,
    )
)
