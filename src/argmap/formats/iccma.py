"""Read and write abstract argumentation frameworks in the ICCMA formats: i23, apx and tgf.

* ``i23`` (ICCMA 2023): a line ``p af N``, then one attack ``i j`` per line over
  the arguments ``1 .. N``; lines starting with ``#`` are comments.
* ``apx`` (ASPARTIX): facts ``arg(a).`` and ``att(a,b).``; ``%`` starts a comment,
  ``%* ... *%`` is a block comment; white space (spaces, tabs, line breaks: what
  clingo's lexer skips, not form feeds or Unicode spaces) may stand between any two
  tokens (``arg (a) .``, a fact over two lines), as clingo allows, but not inside a
  name; a name holds no ``;`` (clingo would read a pool of two arguments). A name
  that clingo would not read as itself (``eat-out`` is arithmetic to it) is written
  quoted, ``arg("eat-out").``, and a quoted name is read without its quotes.
* ``tgf`` (Trivial Graph Format, ICCMA 2015-2019): one argument name per line,
  a line ``#``, then one attack ``a b`` per line; spaces and tabs around and between
  the fields and blank lines are allowed, a name with white space inside is not, nor
  white space other than spaces and tabs (``str.split`` would split on U+00A0).

Readers build an :class:`~argmap.analysis.framework.ArgumentationFramework`
directly, without an object per argument. They accept blank lines, extra
spaces (also after commas) and comments, and reject anything else with a
:class:`~argmap.errors.FormatError` that gives the line number: an attack on an
undeclared argument, a missing ``p af`` line, an index out of range, a line
that is not a fact. An i23 file of 10^6 arguments and 2*10^6 attacks reads in
0.6-1.2 s on a 2-core machine when numpy is installed (the well-formed case is checked
and parsed with vectorised byte operations; anything unusual falls back to a
line-by-line reader that finds the exact line).

i23 has no names: writing a framework as i23 numbers its arguments in index
order, and reading one names them ``"1" .. "N"``.
"""

from __future__ import annotations

import codecs
import os
import re
from array import array
from collections.abc import Iterator
from pathlib import Path

from ..analysis.framework import ArgumentationFramework, _numpy
from ..errors import FormatError
from ..io import read_bytes

__all__ = ["AF_FORMATS", "read_af", "parse_af", "write_af", "format_af", "af_format_of"]

AF_FORMATS: dict[str, str] = {
    "i23": "ICCMA 2023: 'p af N', then 'i j' attacks over 1..N",
    "apx": "ASPARTIX facts: arg(a). att(a,b).",
    "tgf": "Trivial Graph Format: names, '#', then 'a b' attacks",
}
"""The framework formats, name -> one-line description."""

_SUFFIXES = {".i23": "i23", ".af": "i23", ".apx": "apx", ".tgf": "tgf"}


def af_format_of(path: str | os.PathLike[str], format: str | None = None) -> str:
    """The format to use for ``path``: ``format`` if given, else from the file name.

    Examples
    --------
    >>> af_format_of("x/bench.apx"), af_format_of("x.txt", "TGF")
    ('apx', 'tgf')
    """
    if format is not None:
        name = format.lower().lstrip(".")
        if name not in AF_FORMATS:
            raise FormatError(
                f"unknown framework format {format!r} (must be one of {list(AF_FORMATS)})"
            )
        return name
    suffix = Path(path).suffix.lower()
    if suffix not in _SUFFIXES:
        raise FormatError(
            f"cannot tell the framework format of {str(path)!r} from its name; "
            f"give one of {list(AF_FORMATS)}",
            path=path,
        )
    return _SUFFIXES[suffix]


def read_af(path: str | os.PathLike[str], format: str | None = None) -> ArgumentationFramework:
    """Read a framework file; the format comes from ``format`` or the file's suffix.

    Raises
    ------
    FormatError
        When the file is missing or not valid in its format (with the line
        number), or its format cannot be told.
    """
    fmt = af_format_of(path, format)
    return parse_af(read_bytes(path), fmt, path=path)


def parse_af(
    text: str | bytes, format: str, *, path: str | os.PathLike[str] | None = None
) -> ArgumentationFramework:
    """Parse a framework from a string (or bytes) in ``format``.

    Examples
    --------
    >>> af = parse_af("p af 3\\n# a comment\\n1 2\\n\\n2 3\\n", "i23")
    >>> list(af.attacks())
    [('1', '2'), ('2', '3')]
    >>> sorted(parse_af("arg(a). arg(b).\\natt(a, b).", "apx").attacks())
    [('a', 'b')]
    >>> parse_af("p af 2\\n1 3\\n", "i23")
    Traceback (most recent call last):
    ...
    argmap.errors.FormatError: line 2: argument 3 is out of range 1..2
    """
    fmt = af_format_of("", format)
    # a byte order mark (as Windows editors write) is no part of the first line
    text = text.removeprefix(codecs.BOM_UTF8 if isinstance(text, bytes) else "\ufeff")  # type: ignore[arg-type]
    if fmt == "i23":
        return _parse_i23(text, path)
    if isinstance(text, bytes):
        try:
            text = text.decode("utf-8")
        except UnicodeDecodeError as exc:
            raise FormatError(f"not UTF-8 text ({exc.reason})", path=path) from None
    return _parse_apx(text, path) if fmt == "apx" else _parse_tgf(text, path)


# -- i23 ---------------------------------------------------------------------------------

_NUMPY_MIN_BYTES = 1 << 20
"""Smaller files parse as fast line by line as numpy takes to import."""

_HEADER = re.compile(r"p\s+af\s+(\d+)\s*$", re.ASCII)


def _parse_i23(data: str | bytes, path) -> ArgumentationFramework:
    raw = data.encode("utf-8") if isinstance(data, str) else data
    np = _numpy() if len(raw) >= _NUMPY_MIN_BYTES else None
    if np is not None and b"#" not in raw:
        fast = _parse_i23_numpy(np, raw, path)
        if fast is not None:
            return fast
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise FormatError(f"not UTF-8 text ({exc.reason})", path=path) from None
    return _parse_i23_lines(text, path)


def _header(line: str, lineno: int, path) -> int:
    match = _HEADER.match(line)
    if match is None:
        raise FormatError(
            f"missing 'p af N' line: the first line that is not a comment is {line!r}",
            path=path,
            line=lineno,
        )
    return int(match.group(1))


def _parse_i23_lines(text: str, path) -> ArgumentationFramework:
    n = None
    sources, targets = array("i"), array("i")
    for lineno, line in enumerate(text.splitlines(), start=1):
        stripped = line.strip()
        if not stripped or stripped.startswith("#"):
            continue
        if n is None:
            n = _header(stripped, lineno, path)
            continue
        parts = stripped.split()
        if len(parts) != 2 or not all(p.isascii() and p.isdigit() for p in parts):
            raise FormatError(f"expected an attack 'i j', got {stripped!r}", path=path, line=lineno)
        i, j = int(parts[0]), int(parts[1])
        for k in (i, j):
            if not 1 <= k <= n:
                raise FormatError(f"argument {k} is out of range 1..{n}", path=path, line=lineno)
        sources.append(i - 1)
        targets.append(j - 1)
    if n is None:
        raise FormatError("missing 'p af N' line (the file has no content)", path=path, line=1)
    return ArgumentationFramework.from_indices(n, sources, targets, check=False)


_WHITESPACE = bytes.maketrans(b"\t\r\f\v", b"    ")


def _parse_i23_numpy(np, raw: bytes, path) -> ArgumentationFramework | None:
    """Parse a comment-free i23 file with vectorised checks; ``None`` sends it to the slow path.

    A well-formed body holds only digits, blanks and newlines, and every line
    with a token has exactly two. Token starts are found as digit-after-blank
    positions, mapped to lines with ``searchsorted``, and counted per line.
    """
    end = raw.find(b"\n")
    head = (raw if end < 0 else raw[:end]).decode("utf-8", "replace").strip()
    if not head:
        return None  # leading blank lines: let the line reader handle them
    n = _header(head, 1, path)
    body = raw[end + 1 :] if end >= 0 else b""
    if b"\t" in body or b"\r" in body or b"\f" in body or b"\v" in body:
        body = body.translate(_WHITESPACE)
    if body.translate(None, b"0123456789 \n"):
        return None
    buf = np.frombuffer(body, dtype=np.uint8)
    digit = buf >= 48
    starts = np.flatnonzero(digit[1:] > digit[:-1]) + 1
    if len(buf) and digit[0]:
        starts = np.concatenate(([0], starts))
    ends = np.flatnonzero(buf == 10)
    if len(buf) and buf[-1] != 10:
        ends = np.concatenate((ends, [len(buf)]))
    if 2 * len(ends) != len(starts) or not (
        np.all(starts[1::2] < ends) and np.all(ends[:-1] < starts[2::2])
    ):
        # blank lines or a malformed line: count the tokens of each line
        line_of = np.searchsorted(ends, starts)
        per_line = np.bincount(line_of)
        if np.any((per_line != 0) & (per_line != 2)):
            return None  # the line reader reports it with its text
    if not len(starts):
        return ArgumentationFramework.from_indices(n, [], [], check=False)
    values = _ints(np, body, len(starts))
    if np.any((values < 1) | (values > n)):
        return None  # the line reader names the value as written (int64 would clip it)
    values -= 1
    return ArgumentationFramework.from_indices(n, values[0::2], values[1::2], check=False)


def _ints(np, body: bytes, count: int):
    import warnings

    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DeprecationWarning)
        values = np.fromstring(body, dtype=np.int64, sep=" ")
    if len(values) != count:  # pragma: no cover - guarded by the character check
        values = np.array(body.split(), dtype=np.int64)
    return values


# -- apx ---------------------------------------------------------------------------------

_NAME = r"([^\s(),%;]+)"
_FACT = re.compile(rf"\s*(?:arg\s*\(\s*{_NAME}\s*\)|att\s*\(\s*{_NAME}\s*,\s*{_NAME}\s*\))\s*\.")
"""One fact. As clingo (ASPARTIX) reads them, white space (line breaks too) may stand
between any two tokens: ``arg (a) .`` and ``att( a ,`` / ``b ).`` are facts; white
space inside a name, or between ``ar`` and ``g``, is not. A name holds no ``;``: clingo
reads ``arg(a;b).`` as two arguments (a pool), so it is refused rather than misread."""
_COMMENT = re.compile(r"%\*.*?(?:\*%|\Z)|%[^\n]*", re.S)
"""A comment: ``% ...`` to the end of the line, or clingo's block comment ``%* ... *%``."""
_OTHER_SPACE = re.compile(r"[^\S \t\r\n]")
"""White space clingo's lexer does not skip (form feed, vertical tab, no-break space,
U+2028, ...); Python's ``\\s`` and ``str.split`` would."""


def _no_other_space(text: str, path, allowed: str) -> None:
    """Refuse white space other than ``allowed`` (with its line), where a solver would.

    The text's line breaks are ``\\n`` only (the callers turn ``\\r\\n`` and ``\\r`` into it).
    """
    bad = _OTHER_SPACE.search(text)
    if bad is not None:
        raise FormatError(
            f"white space U+{ord(bad.group()):04X} where only {allowed} may stand",
            path=path,
            line=text.count("\n", 0, bad.start()) + 1,
        )


def _without_comments(text: str, path) -> str:
    """The text with its comments blanked (their line breaks kept, so lines stay put)."""
    pieces, pos = [], 0
    for match in _COMMENT.finditer(text):
        comment = match.group()
        if comment.startswith("%*") and not comment.endswith("*%"):
            raise FormatError(
                "a block comment '%*' is never closed with '*%'",
                path=path,
                line=text.count("\n", 0, match.start()) + 1,
            )
        pieces += [text[pos : match.start()], "\n" * comment.count("\n")]
        pos = match.end()
    pieces.append(text[pos:])
    return "".join(pieces)


def _parse_apx(text: str, path) -> ArgumentationFramework:
    names: dict[str, int] = {}
    forms: dict[str, str] = {}  # name -> how it was first written (quoted or not)
    attacks: list[tuple[str, str, int]] = []
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = _without_comments(text, path)
    _no_other_space(text, path, "spaces, tabs and line breaks")
    pos, size = 0, len(text.rstrip())
    lineno, at = 1, 0  # lineno: the line of text[at], counted as we go (linear)
    while pos < size:
        match = _FACT.match(text, pos)
        if match is None:
            start = size - len(text[pos:size].lstrip())
            lineno += text.count("\n", at, start)
            got = text[start:size].split("\n", 1)[0].strip()
            raise FormatError(
                f"expected arg(name). or att(name,name). but got {got!r}",
                path=path,
                line=lineno,
            )
        arg, attacker, target = match.groups()
        fact = match.group()
        start = match.start() + len(fact) - len(fact.lstrip())  # where the fact begins
        lineno += text.count("\n", at, start)
        at = start
        if arg is not None:
            names.setdefault(_apx_name(arg, forms, path, lineno), len(names))
        else:
            attacks.append(
                (
                    _apx_name(attacker, forms, path, lineno),
                    _apx_name(target, forms, path, lineno),
                    lineno,
                )
            )
        pos = match.end()
    return _from_named(names, attacks, path)


_CONSTANT = re.compile(r"_*[a-z][A-Za-z0-9_']*|-?[0-9]+")
"""A name clingo reads as itself: an identifier or an integer. Any other name (``eat-out``
is the term ``eat - out`` to clingo, whose arithmetic fails: the fact is dropped) is
written as a quoted string."""


def _apx_quote(name: str) -> str:
    """A name as written in apx: as it is when clingo reads it so, else quoted.

    Examples
    --------
    >>> _apx_quote("a1"), _apx_quote("eat-out"), _apx_quote('say"hi')
    ('a1', '"eat-out"', '"say\\\\"hi"')
    """
    if _CONSTANT.fullmatch(name):
        return name
    return '"' + name.replace("\\", "\\\\").replace('"', '\\"') + '"'


def _apx_name(written: str, forms: dict[str, str], path, lineno: int) -> str:
    """The name a written apx name stands for (a quoted one without its quotes), refusing one
    written both quoted and not (``arg(a).`` and ``arg("a").`` are two arguments to clingo)."""
    name = written
    if len(written) >= 2 and written[0] == written[-1] == '"':
        name = re.sub(r"\\(.)", r"\1", written[1:-1])
    form = forms.setdefault(name, written)
    if form != written:
        raise FormatError(
            f"argument {name!r} is written both as {form} and as {written}",
            path=path,
            line=lineno,
        )
    return name


def _from_named(names: dict[str, int], attacks, path) -> ArgumentationFramework:
    sources, targets = array("i"), array("i")
    for a, b, lineno in attacks:
        for name in (a, b):
            if name not in names:
                raise FormatError(
                    f"attack ({a}, {b}) names {name!r}, which is never declared as an argument",
                    path=path,
                    line=lineno,
                )
        sources.append(names[a])
        targets.append(names[b])
    return ArgumentationFramework.from_indices(list(names), sources, targets, check=False)


# -- tgf ---------------------------------------------------------------------------------


def _parse_tgf(text: str, path) -> ArgumentationFramework:
    names: dict[str, int] = {}
    attacks: list[tuple[str, str, int]] = []
    in_edges = False
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    _no_other_space(text, path, "spaces and tabs")  # str.split would split on U+00A0, ...
    for lineno, line in enumerate(text.split("\n"), start=1):
        parts = line.split()
        if not parts:
            continue
        if parts == ["#"] and not in_edges:
            in_edges = True
        elif in_edges and len(parts) == 2:
            attacks.append((parts[0], parts[1], lineno))
        elif not in_edges and len(parts) == 1:
            names.setdefault(parts[0], len(names))
        else:
            wanted = "an attack 'a b'" if in_edges else "one argument name (or '#')"
            raise FormatError(f"expected {wanted}, got {line.strip()!r}", path=path, line=lineno)
    return _from_named(names, attacks, path)


# -- writing -----------------------------------------------------------------------------


def format_af(af: ArgumentationFramework, format: str) -> str:
    """The framework as text in ``format`` (``"i23"``, ``"apx"`` or ``"tgf"``).

    Raises
    ------
    FormatError
        When a name cannot be written in apx or tgf (it contains white space,
        parentheses, commas or ``%``, or is ``#``).

    Examples
    --------
    >>> af = ArgumentationFramework.from_edges(["a", "b"], [("a", "b")])
    >>> print(format_af(af, "i23"), end="")
    p af 2
    1 2
    >>> print(format_af(af, "tgf"), end="")
    a
    b
    #
    a b
    """
    fmt = af_format_of("", format)
    return "".join(_lines(af, fmt))


def _lines(af: ArgumentationFramework, fmt: str) -> Iterator[str]:
    ptr, adj = af.csr()
    n = af.num_arguments
    if fmt == "i23":
        yield f"p af {n}\n"
        for i in range(n):
            a = i + 1
            yield "".join(f"{a} {j + 1}\n" for j in adj[ptr[i] : ptr[i + 1]])
        return
    names = af.names
    bad = re.compile(r"[\s(),%;]" if fmt == "apx" else r"\s")
    for name in names:
        if not name or bad.search(name) or (fmt == "tgf" and name == "#"):
            raise FormatError(f"argument name {name!r} cannot be written in {fmt}")
    if fmt == "apx":
        written = [_apx_quote(name) for name in names]
        yield "".join(f"arg({name}).\n" for name in written)
        for i in range(n):
            a = written[i]
            yield "".join(f"att({a},{written[j]}).\n" for j in adj[ptr[i] : ptr[i + 1]])
    else:
        yield "".join(f"{name}\n" for name in names)
        yield "#\n"
        for i in range(n):
            a = names[i]
            yield "".join(f"{a} {names[j]}\n" for j in adj[ptr[i] : ptr[i + 1]])


def write_af(
    af: ArgumentationFramework, path: str | os.PathLike[str], format: str | None = None
) -> None:
    """Write a framework to ``path``; the format comes from ``format`` or the suffix."""
    fmt = af_format_of(path, format)
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        f.writelines(_lines(af, fmt))
