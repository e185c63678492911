"""Anchoring a map in its source text: sentences, quotes located, coverage.

A map names the text it maps in its ``source`` (``file``: a path relative to
the map file, or ``text``: the text itself). :func:`load_source` reads it into
a :class:`SourceText`; :func:`locate_quotes` finds every statement's ``quote``
in it (exactly, after normalising typography, across an ellipsis, or as the
nearest similar passage), and :func:`coverage` lists the sentences of the
source that no quote touches, with the share of the text mapped.

Limits: sentence splitting is rule-based (English-like punctuation,
a fixed list of abbreviations), not linguistic; offsets count characters
(code points) of the text with its line ends normalised to ``\\n``; source
files are plain UTF-8 of at most :data:`MAX_SOURCE_BYTES` bytes. The search
is exact first, then on normalised text, and only then fuzzy, on windows
found through the quote's rarest words, so its cost grows with the number of
quotes times the occurrences of those words, not with the text's length.
"""

from __future__ import annotations

import difflib
import os
import re
import stat
import unicodedata
from bisect import bisect_right
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, cast

from .errors import SourceError

if TYPE_CHECKING:
    from .map import ArgumentMap
    from .table import Table

__all__ = [
    "MAX_FUZZY_WORDS",
    "MAX_SOURCE_BYTES",
    "MIN_SCORE",
    "Coverage",
    "QuoteMatch",
    "QuoteMatches",
    "Sentence",
    "SentenceCoverage",
    "SourceText",
    "coverage",
    "load_source",
    "locate_quotes",
    "quote_contexts",
    "read_source",
]

MAX_SOURCE_BYTES = 50 * 1024 * 1024
"""The largest source file :func:`load_source` reads (50 MiB)."""

MAX_FUZZY_WORDS = 5000
"""Longest quote (in words) searched fuzzily: a longer quote that is not found exactly,
normalised or across ellipses is reported not found (comparing word sequences costs up
to the square of their length: a 60,000-word quote took 4 s, a 150,000-word one minutes)."""

MIN_SCORE = 0.6
"""Similarity below which a quote that is not found verbatim counts as not found."""

# ---------------------------------------------------------------------------- sentences


@dataclass(frozen=True, slots=True)
class Sentence:
    """One sentence (or heading, or short line) of a source text.

    ``start`` and ``end`` are character offsets (``text == source[start:end]``),
    ``line`` the 1-based line it starts on.
    """

    start: int
    end: int
    line: int
    text: str


_ABBREVIATIONS = frozenset(
    """mr mrs ms dr prof st sr jr gen col lt sgt capt cpt maj adm gov sen rep pres rev hon
    mt ft vs cf al approx eds inc ltd corp bros dept
    jan feb mar apr jun jul aug sep sept oct nov dec e.g i.e u.s u.k u.n e.u a.m p.m""".split()
)
# abbreviations only before a number ("No. 5", "p. 12"): "we said no. Then" ends a sentence
_NUMBER_ABBREVIATIONS = frozenset("no nos vol vols p pp fig figs art sec ch".split())
_END = re.compile(r"[.!?\u2026]+[\"'\u2019\u201d\u00bb)\]]*(?=\s)")
_OPENERS = "\"'\u2018\u201c\u00ab([\u2039\u201e"
_BLANK = re.compile(r"\n[^\S\n]*\n\s*")
_BULLET = re.compile(r"\s*(?:[-*\u2022\u2023\u25e6]|\d{1,3}[.)])\s")
_HEADING_MAX = 60  # a line shorter than this, not ending mid-phrase, stands alone


def _is_abbreviation(text: str, dot: int) -> bool:
    """Whether the '.' at ``text[dot]`` ends an abbreviation or an initial."""
    start = dot
    while start > 0 and not text[start - 1].isspace():
        start -= 1
    word = text[start:dot].lstrip(_OPENERS)
    if not word:
        return False
    if len(word) == 1 and word.isalpha() and word.isupper():  # an initial: "George W. Bush"
        return True
    if word.lower() in _NUMBER_ABBREVIATIONS:
        rest = text[dot + 1 : dot + 3].lstrip()
        return rest[:1].isdigit()
    return word.lower() in _ABBREVIATIONS or bool(re.fullmatch(r"(?:[A-Za-z]\.)+[A-Za-z]", word))


def _split_block(text: str, start: int, end: int) -> Iterable[tuple[int, int]]:
    """Sentence spans of one paragraph ``text[start:end]`` (already stripped)."""
    # lines that stand alone (headings, list items) are hard breaks
    pieces: list[tuple[int, int]] = []
    seg = start
    pos = start
    while True:
        nl = text.find("\n", pos, end)
        if nl < 0:
            break
        line = text[pos:nl].strip()
        stands_alone = (
            len(line) < _HEADING_MAX and not line.endswith((",", ";", ":", "-", "("))
        ) or (_BULLET.match(text, nl + 1, end) is not None)
        if stands_alone and line:
            pieces.append((seg, nl))
            seg = nl + 1
        pos = nl + 1
    pieces.append((seg, end))
    for a, b in pieces:
        s = a
        for m in _END.finditer(text, a, b):
            e = m.end()
            k = e
            while k < b and text[k].isspace():
                k += 1
            if k >= b:
                break
            c = text[k]
            if not (c.isupper() or c.isdigit() or c in _OPENERS):
                continue
            if m.group().startswith(".") and len(m.group().rstrip("\"'\u2019\u201d\u00bb)]")) == 1:
                if _is_abbreviation(text, m.start()):
                    continue
            yield s, e
            s = k
        yield s, b


def _strip_span(text: str, a: int, b: int) -> tuple[int, int]:
    while a < b and text[a].isspace():
        a += 1
    while b > a and text[b - 1].isspace():
        b -= 1
    return a, b


# ---------------------------------------------------------------------------- normalising

_CHAR_MAP = {
    **dict.fromkeys(map(ord, "\u2018\u2019\u201a\u201b\u2032\u02bc\u0060\u00b4"), "'"),
    **dict.fromkeys(map(ord, "\u201c\u201d\u201e\u201f\u2033\u00ab\u00bb"), '"'),
    **dict.fromkeys(map(ord, "\u2010\u2011\u2012\u2013\u2014\u2015\u2212"), "-"),
}
_QUOTE_CHARS = frozenset(
    "'\"\u2018\u2019\u201a\u201b\u2032\u02bc\u0060\u00b4\u201c\u201d\u201e\u201f\u2033\u00ab\u00bb"
)
_DASH_CHARS = frozenset("-\u2010\u2011\u2012\u2013\u2014\u2015\u2212")
# runs that change length: an ellipsis ("…" or "...") with the spaces around it, which
# read as "...", and whitespace other than one plain space, which reads as one space
_RESHAPE = re.compile(
    r"\s*(?:\u2026|\.\.\.)\s*|\s{2,}|[^\S ]"
    # a letter with combining marks reads as its composed form (NFC: "e\u0301" as "\u00e9");
    # invisible characters (soft hyphen, zero-width spaces and joiners, BOM) as nothing
    r"|[^\W\d_]?[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]+"
    r"|[\u00ad\u200b-\u200d\u2060\ufeff]+"
)
_INVISIBLE = frozenset("\u00ad\u200b\u200c\u200d\u2060\ufeff")
_WORD = re.compile(r"\w+")
_PUNCT = ".,;:!?'\"()[]-"  # of normalised text
_ELLIPSIS = re.compile(r"\s*(?:\[\s*(?:\.\s*){3}\]|\[\u2026\]|\u2026|\.\s?\.\s?\.)\s*")


class _Normalised:
    """A text with typography, whitespace and case normalised, and a map back to offsets."""

    __slots__ = ("text", "_nstarts", "_segs")

    def __init__(self, raw: str) -> None:
        s = raw.translate(_CHAR_MAP)
        low = s.lower()
        if len(low) != len(s):  # a few characters lower-case to two: keep them as they are
            low = "".join(c if len(c.lower()) != 1 else c.lower() for c in s)
        # the one context-dependent mapping: a final capital sigma lower-cases to "ς"
        low = low.replace("\u03c2", "\u03c3")
        parts: list[str] = []
        # segments: (norm_start, src_start, src_len, linear)
        nstarts: list[int] = []
        segs: list[tuple[int, int, bool]] = []
        n = 0
        last = 0
        for m in _RESHAPE.finditer(low):
            a, b = m.span()
            if a > last:
                nstarts.append(n)
                segs.append((last, a - last, True))
                parts.append(low[last:a])
                n += a - last
            g = m.group()
            if g.isspace():
                rep = " "
            elif set(g) <= _INVISIBLE:
                rep = ""
            elif "." in g or "\u2026" in g:
                rep = "..."
            else:
                rep = unicodedata.normalize("NFC", g)
            nstarts.append(n)
            segs.append((a, b - a, False))
            parts.append(rep)
            n += len(rep)
            last = b
        if last < len(low) or not segs:
            nstarts.append(n)
            segs.append((last, len(low) - last, True))
            parts.append(low[last:])
        self.text = "".join(parts)
        self._nstarts = nstarts
        self._segs = segs

    def span(self, a: int, b: int) -> tuple[int, int]:
        """The raw span of the normalised span ``[a, b)`` (``b > a``)."""
        return self._start(a), self._end(b - 1)

    def _start(self, i: int) -> int:
        k = bisect_right(self._nstarts, i) - 1
        src, length, linear = self._segs[k]
        return src + (i - self._nstarts[k]) if linear else src

    def _end(self, i: int) -> int:
        k = bisect_right(self._nstarts, i) - 1
        src, length, linear = self._segs[k]
        return src + (i - self._nstarts[k]) + 1 if linear else src + length


def _squash(text: str) -> str:
    """Runs of whitespace as one space, ends kept (a space at an end stays one space)."""
    return re.sub(r"\s+", " ", text)


def _norm(text: str) -> str:
    return _Normalised(text).text.strip()


# ---------------------------------------------------------------------------- source text


@dataclass(frozen=True)
class SourceText:
    """The full text of a source, with its lines and sentences.

    Parameters
    ----------
    text : str
        The text; offsets elsewhere in this module index it.
    path : str, optional
        Where it was read from (for messages).

    Examples
    --------
    >>> src = SourceText("First line.\\nSecond one. Third!")
    >>> src.line_col(12), src.line_col(24)
    ((2, 1), (2, 13))
    >>> [s.text for s in src.sentences()]
    ['First line.', 'Second one.', 'Third!']
    """

    text: str
    path: str | None = None
    _line_starts: tuple[int, ...] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        starts = [0]
        starts += [m.end() for m in re.finditer("\n", self.text)]
        object.__setattr__(self, "_line_starts", tuple(starts))

    def __len__(self) -> int:
        return len(self.text)

    def __repr__(self) -> str:  # the text may be megabytes long
        where = f"{self.path!r}, " if self.path else ""
        return f"SourceText({where}{len(self.text):,} characters)"

    def line_col(self, offset: int) -> tuple[int, int]:
        """The 1-based line and column (in characters) of a character offset."""
        line = bisect_right(self._line_starts, offset)
        return line, offset - self._line_starts[line - 1] + 1

    def sentences(self) -> tuple[Sentence, ...]:
        """The sentences, headings and short lines of the text, in order (computed once).

        Paragraphs (blank lines) always break; a sentence ends at ``.``, ``!``,
        ``?`` or ``…`` (with any closing quotes) followed by a space and a
        capital, a digit or an opening quote, but not after a common
        abbreviation (Dr., e.g., U.S.) or an initial; a line shorter than 60
        characters that does not end in ``,``, ``;`` or ``:`` stands alone.
        """
        cached = self.__dict__.get("_sentences")
        if cached is None:
            text = self.text
            spans: list[tuple[int, int]] = []
            pos = 0
            for m in (*_BLANK.finditer(text), None):
                a, b = _strip_span(text, pos, m.start() if m else len(text))
                if a < b:
                    spans += (_strip_span(text, x, y) for x, y in _split_block(text, a, b))
                if m:
                    pos = m.end()
            cached = tuple(
                Sentence(a, b, self.line_col(a)[0], text[a:b]) for a, b in spans if a < b
            )
            object.__setattr__(self, "_sentences", cached)
        return cached

    def context(
        self, start: int, end: int, *, sentences: int = 1, max_chars: int = 400
    ) -> tuple[str, str, str]:
        """A passage in context: the text before it, the passage, and the text after it.

        The context runs from the start of the sentence ``sentences`` before
        the passage's first sentence to the end of the sentence ``sentences``
        after its last one; each side is cut to about ``max_chars`` characters
        (at a space, marked with ``…``). Runs of whitespace read as one space.

        Examples
        --------
        >>> src = SourceText("One. Two is here. Three.\\n\\nFour.")
        >>> src.context(9, 16)
        ('One. Two ', 'is here', '. Three.')
        >>> src.context(0, 3, sentences=0)
        ('', 'One', '.')
        """
        sents = self.sentences()
        starts = self.__dict__.get("_sentence_starts")
        if starts is None:
            starts = [x.start for x in sents]
            object.__setattr__(self, "_sentence_starts", starts)
        a, b = start, end
        if sents:
            i = max(bisect_right(starts, start) - 1, 0)
            j = max(bisect_right(starts, max(end - 1, start)) - 1, 0)
            a = min(start, sents[max(i - sentences, 0)].start)
            b = max(end, sents[min(j + sentences, len(sents) - 1)].end)
        before, after = (_squash(self.text[a:start]), _squash(self.text[end:b]))
        if len(before) > max_chars:
            cut = before.find(" ", len(before) - max_chars)
            before = "\u2026" + before[cut if cut >= 0 else len(before) - max_chars :]
        if len(after) > max_chars:
            cut = after.rfind(" ", 0, max_chars)
            after = after[: cut if cut > 0 else max_chars] + "\u2026"
        return before, _squash(self.text[start:end]), after

    # --------------------------------------------------------------- search indexes
    def _normalised(self) -> _Normalised:
        cached = self.__dict__.get("_norm")
        if cached is None:
            cached = _Normalised(self.text)
            object.__setattr__(self, "_norm", cached)
        return cached

    def _index(self) -> _WordIndex:
        cached = self.__dict__.get("_words")
        if cached is None:
            cached = _WordIndex(self._normalised().text)
            object.__setattr__(self, "_words", cached)
        return cached


class _WordIndex:
    """Word tokens of a normalised text, their offsets, and where each word occurs."""

    __slots__ = ("words", "starts", "ends", "where")

    def __init__(self, text: str) -> None:
        self.words: list[str] = []
        self.starts: list[int] = []
        self.ends: list[int] = []
        where: dict[str, list[int]] = {}
        for i, m in enumerate(_WORD.finditer(text)):
            w = m.group()
            self.words.append(w)
            self.starts.append(m.start())
            self.ends.append(m.end())
            where.setdefault(w, []).append(i)
        self.where = where

    def count(self, word: str) -> int:
        return len(self.where.get(word, ()))


# ---------------------------------------------------------------------------- loading


def _decode(data: bytes, path: str) -> str:
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        raise SourceError(
            f"source text is not UTF-8: invalid byte at offset {exc.start} (line {line})",
            path=path,
        ) from None
    if text.startswith("\ufeff"):
        text = text[1:]
    return text.replace("\r\n", "\n").replace("\r", "\n")


def read_source(path: str | os.PathLike[str]) -> SourceText:
    """Read a UTF-8 source text file, refusing what is not one.

    Raises
    ------
    SourceError
        The file is missing, a directory or other non-regular file,
        unreadable, larger than :data:`MAX_SOURCE_BYTES`, or not UTF-8.
    """
    name = str(path)
    try:
        st = os.stat(path)
    except FileNotFoundError:
        raise SourceError("source text file not found", path=name) from None
    except OSError as exc:
        raise SourceError(f"cannot read source text: {exc.strerror or exc}", path=name) from None
    if stat.S_ISDIR(st.st_mode):
        raise SourceError("source text is a directory, not a file", path=name)
    if not stat.S_ISREG(st.st_mode):
        raise SourceError("source text is not a regular file", path=name)
    if st.st_size > MAX_SOURCE_BYTES:
        raise SourceError(
            f"source text is too large ({st.st_size:,} bytes; the limit is {MAX_SOURCE_BYTES:,})",
            path=name,
        )
    try:
        with open(path, "rb") as f:
            data = f.read(MAX_SOURCE_BYTES + 1)
    except OSError as exc:
        raise SourceError(f"cannot read source text: {exc.strerror or exc}", path=name) from None
    if len(data) > MAX_SOURCE_BYTES:
        raise SourceError(f"source text is larger than {MAX_SOURCE_BYTES:,} bytes", path=name)
    return SourceText(_decode(data, name), name)


def _from_source(src: Any, base: Path, where: str) -> SourceText | None:
    """The text a :class:`~argmap.Source` carries or names, else None."""
    if src is None:
        return None
    file, text = getattr(src, "file", None), getattr(src, "text", None)
    if file is not None and text is not None:
        raise SourceError(f"{where} sets both 'file' and 'text'; give one of them")
    if text is not None:
        if text.startswith("\ufeff"):
            text = text[1:]
        return SourceText(text.replace("\r\n", "\n").replace("\r", "\n"))
    if file is not None:
        try:
            return read_source(base / file)
        except SourceError as exc:  # say who named the file
            raise SourceError(f"{exc.message} (named by {where})", path=exc.path) from None
    return None


def load_source(
    m: ArgumentMap | Any,
    *,
    map_path: str | os.PathLike[str] | None = None,
    source: str | os.PathLike[str] | None = None,
) -> SourceText | None:
    """The source text of a map: ``source`` if given, else what the map's source names.

    Parameters
    ----------
    m : ArgumentMap or MapDocument
        The map; its ``source.text`` or ``source.file`` is used.
    map_path : path, optional
        The map's file: ``source.file`` is relative to its folder (default:
        the current directory).
    source : path, optional
        A text file that overrides the map's own (``--source`` on the CLI).

    Returns
    -------
    SourceText or None
        None when the map names no source text.

    Raises
    ------
    SourceError
        The file is missing, unreadable, a directory, too large or not UTF-8,
        or the source sets both ``file`` and ``text``.

    Examples
    --------
    >>> from argmap import ArgumentMap
    >>> load_source(ArgumentMap(source={"text": "It rains. We stay."})).sentences()[1].text
    'We stay.'
    >>> load_source(ArgumentMap()) is None
    True
    """
    if source is not None:
        return read_source(source)
    base = Path(map_path).parent if map_path is not None else Path()
    where = f"the map's source ({map_path})" if map_path is not None else "the map's source"
    return _from_source(getattr(m, "source", None), base, where)


# ---------------------------------------------------------------------------- matching


@dataclass(frozen=True)
class QuoteMatch:
    """Where one statement's quote lies in the source, and how faithfully.

    Attributes
    ----------
    statement : str
        The statement's id.
    quote : str
        Its quote.
    verbatim : bool
        True when the quote is the source's exact words (an ellipsis in the
        quote may stand for words left out: each part must then be exact).
    start, end : int or None
        Character offsets of the passage in the source; None when not found.
    line, column : int or None
        1-based position of ``start``.
    nearest : str or None
        The closest passage of the source when the quote is not verbatim.
    differences : tuple of str
        What differs between quote and source, one phrase each.
    hint : str or None
        The fix: the source's exact passage, to paste as the quote.
    score : float
        Similarity of quote and passage, 0 to 1 (1 when verbatim).
    how : str
        ``"exact"``, ``"normalised"`` (equal after typography, whitespace and
        case), ``"elided"`` (parts around an ellipsis, in order),
        ``"fuzzy"`` (a similar passage) or ``"not-found"``.
    own_source : bool
        True when the statement's own ``source`` text was searched instead of
        the map's.
    occurrences : int
        How many places of the source hold the quote (exactly or once
        normalised; counted up to 64): more than 1 means the quote is
        ambiguous, and ``start`` is the first of them (the verbatim one
        first). 0 for elided and fuzzy matches, which are not counted.
    """

    statement: str
    quote: str
    verbatim: bool
    start: int | None
    end: int | None
    line: int | None
    column: int | None
    nearest: str | None = None
    differences: tuple[str, ...] = ()
    hint: str | None = None
    score: float = 0.0
    how: str = "not-found"
    own_source: bool = False
    occurrences: int = 0

    @property
    def found(self) -> bool:
        """Whether the quote was located (verbatim or not)."""
        return self.start is not None

    def row(self) -> dict[str, Any]:
        """This match as one table row."""
        return {
            "statement": self.statement,
            "quote": self.quote,
            "line": self.line,
            "column": self.column,
            "how": self.how,
            "score": round(self.score, 2),
            "differences": "; ".join(self.differences),
            "hint": self.hint,
        }


class QuoteMatches(list["QuoteMatch"]):
    """A list of :class:`QuoteMatch` that notebooks display as a table."""

    def table(self) -> Table:
        """These matches as a :class:`~argmap.render.table.Table`."""
        from .render.table import Table

        return Table((q.row() for q in self), title="Quotes in the source", nowrap=("statement",))

    def _repr_html_(self) -> str:
        return self.table().to_html()


_TOKENS = re.compile(r"\s+|\w+|[^\w\s]")


def _opcodes(a: str, b: str) -> list[tuple[str, int, int, int, int]]:
    """difflib's opcodes of two strings, character by character, in near-linear time.

    The strings are aligned word by word first (cheap for the long, nearly
    equal strings a quote and its passage are); only the pieces that differ
    are compared character by character.
    """
    ta, tb = _TOKENS.findall(a), _TOKENS.findall(b)
    pa = [0]
    for t in ta:
        pa.append(pa[-1] + len(t))
    pb = [0]
    for t in tb:
        pb.append(pb[-1] + len(t))
    out: list[tuple[str, int, int, int, int]] = []
    # autojunk: spaces and words common in a long text anchor nothing (they would make
    # the alignment quadratic); they are still compared, character by character, below
    words = difflib.SequenceMatcher(None, ta, tb)
    for op, i1, i2, j1, j2 in words.get_opcodes():
        a1, a2, b1, b2 = pa[i1], pa[i2], pb[j1], pb[j2]
        if op != "replace" or (a2 - a1) * (b2 - b1) > 40_000:  # a long rewrite: one piece
            out.append((op, a1, a2, b1, b2))
            continue
        chars = difflib.SequenceMatcher(None, a[a1:a2], b[b1:b2], autojunk=False)
        out += [
            (o, a1 + x1, a1 + x2, b1 + y1, b1 + y2) for o, x1, x2, y1, y2 in chars.get_opcodes()
        ]
    return out


def _similarity(a: str, b: str) -> float:
    """Like ``difflib.SequenceMatcher(None, a, b).ratio()``, in near-linear time."""
    if not a and not b:
        return 1.0
    same = sum(i2 - i1 for op, i1, i2, _, _ in _opcodes(a, b) if op == "equal")
    return 2 * same / (len(a) + len(b))


def _classify(q: str, p: str) -> tuple[str, tuple[str, str]] | None:
    """What kind of difference a piece ``q`` of the quote and ``p`` of the source make."""
    qs, ps = q.strip(), p.strip()
    if (not qs and not ps) or q.split() == p.split():
        return "whitespace", ("", "")
    if qs and ps and set(qs) <= _QUOTE_CHARS and set(ps) <= _QUOTE_CHARS:
        return "quotes", (ps, qs)
    if qs and ps and set(qs) <= _DASH_CHARS and set(ps) <= _DASH_CHARS:
        return "dashes", (ps, qs)
    if "\u2026" in q + p and "".join(q.replace("\u2026", "...").split()) == "".join(
        p.replace("\u2026", "...").split()
    ):
        return "ellipsis", (ps, qs)
    if qs and ps and qs.lower() == ps.lower():
        return "case", (ps, qs)
    if set(q + p) <= _INVISIBLE | {" "}:
        return "invisible", ("", "")
    if unicodedata.normalize("NFC", q) == unicodedata.normalize("NFC", p):
        return "composed", ("", "")
    if not _WORD.search(q + p):
        return "punctuation", (ps, qs)
    return None


def _phrases(found: dict[str, set[tuple[str, str]]]) -> list[str]:
    out = []
    for key, pairs in found.items():
        shown = ", ".join(f"{p or ' '} for {q or ' '}" for p, q in sorted(pairs)[:3])
        out.append(
            {
                "whitespace": "whitespace (spaces or line breaks differ)",
                "quotes": f"typographic quotes ({shown})",
                "dashes": f"dashes ({shown})",
                "ellipsis": f"ellipsis ({shown})",
                "case": f"letter case ({shown})",
                "punctuation": f"punctuation ({shown})",
                "invisible": "invisible characters (soft hyphen, zero-width space or BOM)",
                "composed": "accents written as one character in one, as two in the other",
            }[key]
        )
    return out


def _word_at(text: str, a: int, b: int) -> str:
    """``text[a:b]`` widened to whole words (for showing a change of case)."""
    while a > 0 and text[a - 1].isalnum():
        a -= 1
    while b < len(text) and text[b].isalnum():
        b += 1
    return text[a:b]


def _describe_normalised(quote: str, passage: str) -> tuple[list[str], int]:
    """What differs between a quote and a passage equal to it once normalised, and how
    many characters of the quote differ; linear time (no alignment is needed)."""
    nq, npas = _Normalised(quote), _Normalised(passage)
    if nq.text != npas.text:  # not equal after all (cannot happen for a normalised match)
        return _describe_chars(quote, passage), len(quote)
    runs: list[list[int]] = []  # [qa, qb, pa, pb] of consecutive differing pieces
    last = None
    for k in range(len(nq.text)):
        qa, qb = nq.span(k, k + 1)
        pa, pb = npas.span(k, k + 1)
        if (qa, pa) == last:
            continue
        last = (qa, pa)
        if quote[qa:qb] == passage[pa:pb]:
            continue
        word = quote[qa:qb].isalnum()
        prev = runs[-1] if runs else None
        if prev and prev[1] >= qa and prev[3] >= pa and quote[prev[0] : prev[1]].isalnum() == word:
            prev[1], prev[3] = max(prev[1], qb), max(prev[3], pb)
        else:
            runs.append([qa, qb, pa, pb])
    found: dict[str, set[tuple[str, str]]] = {}
    for qa, qb, pa, pb in runs:
        kind = _classify(quote[qa:qb], passage[pa:pb])
        if kind is None:
            continue
        key, pair = kind
        if key == "case":
            pair = (_word_at(passage, pa, pb), _word_at(quote, qa, qb))
        found.setdefault(key, set())
        if pair != ("", ""):
            found[key].add(pair)
    # invisible characters normalise to nothing: no normalised character visits them
    invisible = sum(1 for c in quote if c in _INVISIBLE) + sum(
        1 for c in passage if c in _INVISIBLE
    )
    if invisible:
        found.setdefault("invisible", set())
    return _phrases(found), sum(qb - qa for qa, qb, _, _ in runs) + invisible


def _describe_chars(quote: str, passage: str) -> list[str]:
    """Typographic, whitespace, case and punctuation differences of two close strings."""
    found: dict[str, set[tuple[str, str]]] = {}
    for op, i1, i2, j1, j2 in _opcodes(quote, passage):
        if op == "equal":
            continue
        kind = _classify(quote[i1:i2], passage[j1:j2])
        if kind is not None:
            found.setdefault(kind[0], set())
            if kind[1] != ("", ""):
                found[kind[0]].add(kind[1])
    return _phrases(found)


def _words_phrase(text: str, words: Sequence[re.Match[str]]) -> str:
    """The words as the text writes them ("so-called", not "so called"), cut to 60 characters."""
    phrase = " ".join(text[words[0].start() : words[-1].end()].split())
    return phrase if len(phrase) <= 60 else phrase[:57] + "..."


def _describe_words(quote: str, passage: str) -> list[str]:
    """Words changed, missing from or added to the quote, compared with the passage."""
    qw, pw = list(_WORD.finditer(quote)), list(_WORD.finditer(passage))
    lq, lp = [w.group().lower() for w in qw], [w.group().lower() for w in pw]
    # a very long quote: common words anchor nothing (else the alignment is quadratic)
    sm = difflib.SequenceMatcher(None, lq, lp, autojunk=len(lq) > 2000)
    out = []
    for op, i1, i2, j1, j2 in sm.get_opcodes():
        if op == "replace" and lq[i1:i2] == lp[j1:j2]:
            continue
        if op == "replace":
            q, p = _words_phrase(quote, qw[i1:i2]), _words_phrase(passage, pw[j1:j2])
            noun = "word" if i2 - i1 == 1 and j2 - j1 == 1 else "words"
            out.append(f"{noun} '{q}' in the quote, '{p}' in the source")
        elif op == "delete":
            out.append(f"words added: '{_words_phrase(quote, qw[i1:i2])}'")
        elif op == "insert":
            out.append(f"words missing: '{_words_phrase(passage, pw[j1:j2])}'")
    return out


class _Locator:
    """Finds quotes in one source text."""

    def __init__(self, source: SourceText) -> None:
        self.source = source
        self.norm = source._normalised()
        self.index = source._index()

    def _raw(self, a: int, b: int) -> tuple[int, int]:
        """The source span of a normalised span, without the whitespace at its ends
        (an ellipsis takes in the spaces around it)."""
        return _strip_span(self.source.text, *self.norm.span(a, b))

    # ----------------------------------------------------------- exact or normalised
    def _norm_hits(self, nq: str, limit: int = 64) -> list[int]:
        """Offsets in the normalised text where ``nq`` (normalised) occurs."""
        ntext = self.norm.text
        qwords = list(_WORD.finditer(nq))
        # words wholly inside the quote are whole words of any passage it matches
        inner = [w for w in qwords if w.start() > 0 and w.end() < len(nq)]
        hits: list[int] = []
        if inner:
            best = min(inner, key=lambda w: self.index.count(w.group()))
            for ti in self.index.where.get(best.group(), ()):
                cand = self.index.starts[ti] - best.start()
                if cand >= 0 and ntext.startswith(nq, cand):
                    hits.append(cand)
                    if len(hits) >= limit:
                        break
            return hits
        pos = ntext.find(nq)
        while pos >= 0 and len(hits) < limit:
            hits.append(pos)
            pos = ntext.find(nq, pos + 1)
        return hits

    def exact(self, quote: str) -> tuple[int, int, bool, int] | None:
        """(start, end, verbatim, occurrences) of the first occurrence, exact preferred."""
        nq = _norm(quote)
        if not nq:
            return None
        hits = self._norm_hits(nq)
        if not hits:
            return None
        text = self.source.text
        # overlapping hits ("abab" in "ababab") are one place
        spans = [self._raw(h, h + len(nq)) for h in hits]
        places = 1 + sum(1 for x, y in zip(hits, hits[1:], strict=False) if y >= x + len(nq))
        for a, b in spans:
            if text[a:b] == quote:
                return a, b, True, places
        # a quote whose end cuts into an ellipsis or a run of spaces ("They left." in
        # "They left... Then") maps to the whole run: look for it verbatim close by
        for a, b in spans:
            pos = text.find(quote, max(a - len(quote), 0), b + len(quote))
            if pos >= 0:
                return pos, pos + len(quote), True, places
        a, b = spans[0]
        return a, b, False, places

    # ----------------------------------------------------------- ellipsis
    def elided(self, quote: str) -> tuple[list[tuple[int, int]], bool] | None:
        """Spans of the parts of a quote split at ellipses, found in order close together."""
        parts = [p for p in _ELLIPSIS.split(quote) if p.strip()]
        if len(parts) < 2 and not _ELLIPSIS.search(quote):
            return None
        if not parts:
            return None
        text = self.source.text
        gap = max(400, 4 * len(quote))
        first = parts[0]
        nq = _norm(first)
        heads = self._norm_hits(nq, limit=256) if nq else []
        for h in heads:
            spans = [self._raw(h, h + len(nq))]
            ok = True
            for part in parts[1:]:
                np_ = _norm(part)
                # search the normalised text after the previous part, within the gap
                prev_end_norm = self._to_norm(spans[-1][1])
                pos = self.norm.text.find(np_, prev_end_norm, prev_end_norm + gap + len(np_))
                if pos < 0:
                    ok = False
                    break
                spans.append(self._raw(pos, pos + len(np_)))
            if ok:
                exact = all(text[a:b] == p.strip() for (a, b), p in zip(spans, parts, strict=True))
                return spans, exact
        return None

    def _to_norm(self, raw: int) -> int:
        """A normalised offset at or after the raw offset (approximate inside reshaped runs)."""
        segs, nstarts = self.norm._segs, self.norm._nstarts
        lo, hi = 0, len(segs)
        while lo < hi:  # the last segment starting at or before raw
            mid = (lo + hi) // 2
            if segs[mid][0] <= raw:
                lo = mid + 1
            else:
                hi = mid
        k = max(lo - 1, 0)
        src, length, linear = segs[k]
        return nstarts[k] + (raw - src if linear else (1 if raw > src else 0))

    # ----------------------------------------------------------- fuzzy
    def fuzzy(
        self, quote: str, *, anchors: int = 4, per_word: int = 64
    ) -> tuple[int, int, float] | None:
        """(start, end, score) of the most similar passage, found through rare words."""
        nq = _norm(_ELLIPSIS.sub(" ", quote))
        qwords = _WORD.findall(nq)
        if not qwords:
            return None
        idx = self.index
        present = sorted({w for w in qwords if w in idx.where}, key=lambda w: (idx.count(w), w))[
            :anchors
        ]
        if not present:
            return None
        n = len(qwords)
        positions = {w: [i for i, x in enumerate(qwords) if x == w] for w in present}
        bin_size = max(4, n // 3)
        votes: Counter[int] = Counter()
        for w in present:
            occ = idx.where[w]
            if len(occ) > per_word:  # a common word anchors nothing useful
                occ = occ[:per_word] if w == present[0] else []
            for ti in occ:
                for qi in positions[w][:4]:
                    votes[max(ti - qi, 0) // bin_size] += 1
        best: tuple[float, int, int] | None = None
        slack = n // 2 + 3
        # the quote is the sequence difflib indexes, once; each window is compared with it
        sm = difflib.SequenceMatcher(None, autojunk=n > 500)  # as in _describe_words
        sm.set_seq2(qwords)
        for b, _ in votes.most_common(6):
            lo = max(b * bin_size - slack, 0)
            hi = min(b * bin_size + bin_size + n + slack, len(idx.words))
            sm.set_seq1(idx.words[lo:hi])
            # blocks as (window index, quote index, size)
            blocks = [(bl.a, bl.b, bl.size) for bl in sm.get_matching_blocks() if bl.size]
            # a stray short match far from the rest (a common word) does not bound the passage
            while (
                len(blocks) > 1
                and blocks[0][2] <= 2
                and (blocks[1][0] - blocks[0][0] > blocks[1][1] - blocks[0][1] + 2)
            ):
                blocks.pop(0)
            while (
                len(blocks) > 1
                and blocks[-1][2] <= 2
                and (blocks[-1][0] - blocks[-2][0] > blocks[-1][1] - blocks[-2][1] + 2)
            ):
                blocks.pop()
            if not blocks:
                continue
            t0, t1 = lo + blocks[0][0], lo + blocks[-1][0] + blocks[-1][2] - 1
            # widen to the quote's first and last words when they are missing
            t0 = max(t0 - blocks[0][1], lo)
            t1 = min(t1 + (n - blocks[-1][1] - blocks[-1][2]), hi - 1)
            # rank windows by words in common (cheap); characters are compared once, below
            matched = sum(size for _, _, size in blocks)
            score = 2 * matched / (n + t1 - t0 + 1)
            if best is None or score > best[0]:
                best = (score, idx.starts[t0], idx.ends[t1])
        if best is None:
            return None
        score, na, nb = best
        # take in the punctuation the quote starts or ends with (quotes, a full stop)
        ntext = self.norm.text
        lead = len(nq) - len(nq.lstrip(_PUNCT))
        trail = len(nq) - len(nq.rstrip(_PUNCT))
        while lead and na > 0 and ntext[na - 1] in _PUNCT:
            na, lead = na - 1, lead - 1
        while trail and nb < len(ntext) and ntext[nb] in _PUNCT:
            nb, trail = nb + 1, trail - 1
        score = _similarity(nq, ntext[na:nb])
        a, b = self._raw(na, nb)
        return a, b, score

    # ----------------------------------------------------------- one quote
    def locate(self, statement: str, quote: str, *, own_source: bool = False) -> QuoteMatch:
        text = self.source.text
        q = quote.strip()

        def match(a: int, b: int, **kw: Any) -> QuoteMatch:
            line, col = self.source.line_col(a)
            return QuoteMatch(
                statement, quote, start=a, end=b, line=line, column=col, own_source=own_source, **kw
            )

        found = self.exact(q)
        if found is not None:
            a, b, verbatim, places = found
            if verbatim:
                return match(a, b, verbatim=True, score=1.0, how="exact", occurrences=places)
            passage = text[a:b]
            differences, changed = _describe_normalised(q, passage)
            # equal once normalised: located, whatever the raw similarity of a tiny quote
            score = max(1 - changed / max(len(q), 1), MIN_SCORE)
            return match(
                a,
                b,
                verbatim=False,
                nearest=passage,
                score=score,
                how="normalised",
                differences=tuple(differences),
                hint=passage,
                occurrences=places,
            )
        el = self.elided(q)
        if el is not None:
            spans, exact = el
            a, b = spans[0][0], spans[-1][1]
            left_out = sum(spans[i + 1][0] - spans[i][1] for i in range(len(spans) - 1))
            if len(spans) > 1:
                gaps = f"{len(spans) - 1} place{'s' if len(spans) > 2 else ''}"
                diffs = [f"ellipsis: the quote leaves out {left_out} characters in {gaps}"]
            else:
                diffs = ["ellipsis: the quote marks that the source's sentence goes on"]
            passage = text[a:b]
            if not exact:
                joined = " \u2026 ".join(text[x:y] for x, y in spans)
                parts = [p for p in _ELLIPSIS.split(q) if p.strip()]
                diffs += _describe_chars(" \u2026 ".join(p.strip() for p in parts), joined)
            return match(
                a,
                b,
                verbatim=exact,
                nearest=None if exact else passage,
                score=1.0 if exact else 0.95,
                how="elided",
                differences=tuple(diffs),
                hint=None if exact else " \u2026 ".join(text[x:y] for x, y in spans),
            )
        words = len(_WORD.findall(q))
        fz = self.fuzzy(q) if words <= MAX_FUZZY_WORDS else None
        if fz is None and words > MAX_FUZZY_WORDS:
            return QuoteMatch(
                statement,
                quote,
                False,
                None,
                None,
                None,
                None,
                differences=(
                    f"not in the source as it stands; too long ({words:,} words) to look "
                    f"for a similar passage (the limit is {MAX_FUZZY_WORDS:,})",
                ),
                own_source=own_source,
            )
        if fz is None:
            return QuoteMatch(
                statement,
                quote,
                False,
                None,
                None,
                None,
                None,
                differences=("not in the source",),
                own_source=own_source,
            )
        a, b, score = fz
        passage = text[a:b]
        if score < MIN_SCORE:
            return QuoteMatch(
                statement,
                quote,
                False,
                None,
                None,
                None,
                None,
                nearest=passage,
                differences=("not in the source",),
                score=score,
                own_source=own_source,
            )
        diffs = _describe_words(q, passage) + _describe_chars(q, passage)
        return match(
            a,
            b,
            verbatim=False,
            nearest=passage,
            score=score,
            how="fuzzy",
            differences=tuple(dict.fromkeys(diffs)),
            hint=passage,
        )


def _statement_source(
    s: Any, base: Path, cache: dict[tuple[Any, Any], SourceText | None]
) -> SourceText | None:
    src = getattr(s, "source", None)
    if src is None or (src.file is None and src.text is None):
        return None
    key = (src.file, src.text)
    if key not in cache:
        cache[key] = _from_source(src, base, f"statement {s.id!r}: source")
    return cache[key]


def locate_quotes(
    m: ArgumentMap,
    source: SourceText | None = None,
    *,
    map_path: str | os.PathLike[str] | None = None,
) -> QuoteMatches:
    """Locate every statement's quote in the source text, in map order.

    Parameters
    ----------
    m : ArgumentMap
        The map.
    source : SourceText, optional
        The text to search (default: :func:`load_source` of the map). A
        statement whose own ``source`` carries a ``text`` or ``file`` is
        searched in that text instead.
    map_path : path, optional
        The map's file, against which ``file`` paths are resolved.

    Returns
    -------
    QuoteMatches
        One :class:`QuoteMatch` per statement with a quote.

    Raises
    ------
    SourceError
        No source text to search, or one cannot be read.

    Examples
    --------
    >>> from argmap import ArgumentMap
    >>> m = ArgumentMap(source={"text": "We don\\u2019t agree. It costs too much."})
    >>> _ = m.claim("No.", id="no", quote="We don't agree.")
    >>> _ = m.objection("Cost.", id="cost", against="no", quote="It costs too much.")
    >>> [(q.statement, q.how, q.line, q.column) for q in locate_quotes(m)]
    [('no', 'normalised', 1, 1), ('cost', 'exact', 1, 17)]
    >>> locate_quotes(m)[0].differences
    ("typographic quotes (\\u2019 for ')",)
    """
    return QuoteMatches(q for q, _ in _locate(m, source, map_path))


def _locate(
    m: Any, source: SourceText | None, map_path: str | os.PathLike[str] | None
) -> list[tuple[QuoteMatch, SourceText]]:
    """Each quote's match with the text it was searched in."""
    base = Path(map_path).parent if map_path is not None else Path()
    if source is None:
        source = load_source(m, map_path=map_path)
    locators: dict[int, _Locator] = {}
    own_cache: dict[tuple[Any, Any], SourceText | None] = {}
    out = []
    for s in m.statements() if callable(getattr(m, "statements", None)) else m.statements:
        if not s.quote:
            continue
        text = _statement_source(s, base, own_cache)
        own = text is not None
        if text is None:
            text = source
        if text is None:
            raise SourceError(
                f"statement {s.id!r} has a quote but the map names no source text; "
                "set source.file or source.text, or pass a source"
            )
        loc = locators.get(id(text))
        if loc is None:
            loc = locators[id(text)] = _Locator(text)
        out.append((loc.locate(s.id, s.quote, own_source=own), text))
    return out


def quote_contexts(
    m: ArgumentMap,
    source: SourceText | None = None,
    *,
    map_path: str | os.PathLike[str] | None = None,
    sentences: int = 1,
    max_chars: int = 400,
) -> dict[str, dict[str, Any]]:
    """Each quote in its context in the source, as plain data (e.g. for a web page).

    Parameters
    ----------
    m, source, map_path
        As :func:`locate_quotes`.
    sentences, max_chars
        As :meth:`SourceText.context`.

    Returns
    -------
    dict
        Statement id -> ``found``, ``verbatim``, ``how``; and, when found,
        ``line``, ``column``, ``before``, ``passage`` (the source's words,
        which the quote should be), ``after``; when not verbatim, the
        ``differences``.

    Examples
    --------
    >>> from argmap import ArgumentMap
    >>> m = ArgumentMap(source={"text": "It rains. We stay in. The end."})
    >>> _ = m.claim("Stay.", id="stay", quote="We stay in.")
    >>> c = quote_contexts(m)["stay"]
    >>> c["before"], c["passage"], c["after"], c["verbatim"]
    ('It rains. ', 'We stay in.', ' The end.', True)
    """
    out: dict[str, dict[str, Any]] = {}
    for q, text in _locate(m, source, map_path):
        item: dict[str, Any] = {"found": q.found, "verbatim": q.verbatim, "how": q.how}
        if q.found:
            before, passage, after = text.context(
                cast(int, q.start), cast(int, q.end), sentences=sentences, max_chars=max_chars
            )
            item.update(line=q.line, column=q.column, before=before, passage=passage, after=after)
        if not q.verbatim:
            item["differences"] = list(q.differences)
        out[q.statement] = item
    return out


# ---------------------------------------------------------------------------- coverage


@dataclass(frozen=True)
class SentenceCoverage:
    """One sentence of the source and the statements whose quotes overlap it."""

    sentence: Sentence
    mapped: bool
    statements: tuple[str, ...] = ()


@dataclass(frozen=True)
class Coverage:
    """Which sentences of the source the map's quotes touch.

    Attributes
    ----------
    source : SourceText
    sentences : tuple of SentenceCoverage
        Every sentence counted, in order.
    share : float
        Characters of mapped sentences / characters of all sentences.
    quoted_share : float
        Characters inside located quotes / characters of all sentences.
    matches : tuple of QuoteMatch
        The located quotes the figures come from.
    """

    source: SourceText
    sentences: tuple[SentenceCoverage, ...]
    share: float
    quoted_share: float
    matches: tuple[QuoteMatch, ...] = ()

    @property
    def unmapped(self) -> tuple[Sentence, ...]:
        """The sentences no quote touches, in order."""
        return tuple(c.sentence for c in self.sentences if not c.mapped)

    @property
    def mapped(self) -> tuple[Sentence, ...]:
        """The sentences some quote touches, in order."""
        return tuple(c.sentence for c in self.sentences if c.mapped)

    def table(self, *, unmapped_only: bool = False) -> Table:
        """The sentences as a :class:`~argmap.render.table.Table`."""
        from .render.table import Table

        rows = (
            {
                "line": c.sentence.line,
                "mapped": c.mapped,
                "statements": c.statements,
                "sentence": c.sentence.text,
            }
            for c in self.sentences
            if not (unmapped_only and c.mapped)
        )
        title = (
            f"Coverage: {self.share:.0%} of the text mapped "
            f"({len(self.sentences) - len(self.unmapped)} of {len(self.sentences)} sentences; "
            f"{self.quoted_share:.0%} quoted)"
        )
        return Table(rows, title=title, max_width=72, nowrap=("statements",))

    def _repr_html_(self) -> str:
        return self.table().to_html()

    def __repr__(self) -> str:
        return f"<Coverage: {self}>"

    def __str__(self) -> str:
        return (
            f"{self.share:.0%} of the source mapped: "
            f"{len(self.sentences) - len(self.unmapped)} of {len(self.sentences)} sentences "
            f"({self.quoted_share:.0%} of the characters quoted)"
        )


def coverage(
    m: ArgumentMap,
    source: SourceText | None = None,
    *,
    map_path: str | os.PathLike[str] | None = None,
    matches: Sequence[QuoteMatch] | None = None,
    start: str | None = None,
    end: str | None = None,
    skip: str | re.Pattern[str] | None = None,
) -> Coverage:
    """How much of the source text the map's quotes cover, sentence by sentence.

    Parameters
    ----------
    m : ArgumentMap
        The map.
    source : SourceText, optional
        The text (default: :func:`load_source` of the map).
    map_path : path, optional
        The map's file, for ``source.file`` paths.
    matches : sequence of QuoteMatch, optional
        Quotes already located by :func:`locate_quotes` (else located here).
    start, end : str, optional
        Count only the sentences from the one containing ``start`` up to the
        one containing ``end`` (e.g. to leave out a site's navigation).
    skip : str or regex, optional
        Leave out sentences this pattern matches (``re.search``).

    Returns
    -------
    Coverage

    Examples
    --------
    >>> from argmap import ArgumentMap
    >>> m = ArgumentMap(source={"text": "Tea is good. Coffee is better. Water wins."})
    >>> _ = m.claim("Tea.", id="tea", quote="Tea is good")
    >>> cov = coverage(m)
    >>> [c.mapped for c in cov.sentences], round(cov.share, 2)
    ([True, False, False], 0.3)
    >>> [s.text for s in cov.unmapped]
    ['Coffee is better.', 'Water wins.']
    """
    if source is None:
        source = load_source(m, map_path=map_path)
        if source is None:
            raise SourceError("the map names no source text; set source.file or source.text")
    if matches is None:
        matches = locate_quotes(m, source, map_path=map_path)
    located = [q for q in matches if q.found and not q.own_source]
    sentences = list(source.sentences())
    if start is not None:
        k = next((i for i, s in enumerate(sentences) if start in s.text), None)
        if k is None:
            raise SourceError(f"start marker {start!r} is not in the source", path=source.path)
        sentences = sentences[k:]
    if end is not None:
        k = next((i for i, s in enumerate(sentences) if end in s.text), None)
        if k is None:
            after = " at or after the start marker" if start is not None else ""
            raise SourceError(
                f"end marker {end!r} is in no sentence of the source{after}", path=source.path
            )
        sentences = sentences[: k + 1]
    if skip is not None:
        pattern = re.compile(skip) if isinstance(skip, str) else skip
        sentences = [s for s in sentences if not pattern.search(s.text)]
    starts = [s.start for s in sentences]
    touched: list[list[str]] = [[] for _ in sentences]
    for q in located:
        q_start, q_end = cast(int, q.start), cast(int, q.end)  # found: both set
        i = max(bisect_right(starts, q_start) - 1, 0)
        while i < len(sentences) and sentences[i].start < q_end:
            if sentences[i].end > q_start and q.statement not in touched[i]:
                touched[i].append(q.statement)
            i += 1
    rows = tuple(
        SentenceCoverage(s, bool(t), tuple(t)) for s, t in zip(sentences, touched, strict=True)
    )
    total = sum(s.end - s.start for s in sentences)
    mapped = sum(c.sentence.end - c.sentence.start for c in rows if c.mapped)
    # characters inside quotes: the union of the quote spans, clipped to the sentences
    spans = sorted((cast(int, q.start), cast(int, q.end)) for q in located)
    merged: list[list[int]] = []
    for a, b in spans:
        if merged and a <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], b)
        else:
            merged.append([a, b])
    quoted = 0
    for a, b in merged:
        i = max(bisect_right(starts, a) - 1, 0)
        while i < len(sentences) and sentences[i].start < b:
            quoted += max(0, min(b, sentences[i].end) - max(a, sentences[i].start))
            i += 1
    return Coverage(
        source,
        rows,
        mapped / total if total else 0.0,
        quoted / total if total else 0.0,
        tuple(matches),
    )
