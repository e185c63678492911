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
0.6-1.2 s on a 2-core machine (the well-formed case of a file over 256 KB is
checked and parsed with vectorised numpy byte operations; anything unusual, and
every smaller file, goes to a line-by-line reader that finds the exact line).

i23 has no names: writing a framework as i23 numbers its arguments in index
order, and reading one names them ``"1" .. "N"``.
"""

from __future__ import annotations

import codecs
import os
import re
from array import array
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from .. import limits
from ..analysis.framework import ArgumentationFramework, _numpy
from ..errors import FormatError, LimitError, UsageError
from ..io import read_bytes

_Path = str | os.PathLike[str] | None  # where the text came from, for error messages

__all__ = [
    "AF_FORMATS",
    "read_af",
    "parse_af",
    "write_af",
    "format_af",
    "af_format_of",
    "check_size",
]

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
        if not isinstance(format, str):
            raise UsageError(f"format must be a name such as 'i23', not {format!r}")
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
    if not isinstance(path, str | os.PathLike):
        raise UsageError(f"expected a file name, got {type(path).__name__} {path!r:.60}")
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
    if not isinstance(text, str | bytes):
        raise UsageError(f"parse_af reads text or bytes, not {type(text).__name__}")
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

_NUMPY_MIN_BYTES = 1 << 18
"""Smaller files are read line by line, so that small frameworks never import numpy.

256 KB is about 2x10^4 attack lines, where the framework itself starts using
numpy (``framework._NUMPY_MIN_ATTACKS``: the file-to-answer crossover, measured,
lies near 10^4 arguments and 2x10^4 attacks). The line reader also stays for
files with comments and for every malformed file, whose error names the line.
"""

_HEADER = re.compile(r"p\s+af\s+(\d+)\s*$", re.ASCII)


def _parse_i23(data: str | bytes, path: _Path) -> ArgumentationFramework:
    raw = data.encode("utf-8") if isinstance(data, str) else data
    if len(raw) >= _NUMPY_MIN_BYTES and b"#" not in raw:
        fast = _parse_i23_numpy(_numpy(), raw, path)
        if fast is not None:
            return fast
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise FormatError(f"not UTF-8 text ({exc.reason})", path=path) from None
    return _parse_i23_lines(text, path)


_BYTES_PER_ARGUMENT = 48
"""Memory a framework takes per argument (index arrays both ways, labels, solver
variables), a lower bound used to refuse a header before allocating."""


def check_size(n: int, path: _Path = None, line: int | None = None) -> int:
    """Refuse a framework of ``n`` arguments over ``limits.max_arguments`` or free memory.

    Raises
    ------
    LimitError
        Naming the limit (``max_arguments``) and how to raise it, or the memory needed.

    Examples
    --------
    >>> check_size(10)
    10
    """
    if n > limits.max_arguments:
        raise LimitError(
            f"the framework declares {n:,} arguments, more than {limits.max_arguments:,} "
            f"(limit max_arguments; {limits.how_to_raise('max_arguments')})",
            limit="max_arguments",
            path=path,
            line=line,
        )
    need = n * _BYTES_PER_ARGUMENT
    free = _free_memory()
    if free is not None and need > free:
        raise LimitError(
            f"the framework declares {n:,} arguments, which needs about {need / 2**30:.1f} GiB; "
            f"only {free / 2**30:.1f} GiB of memory is free",
            limit="max_arguments",
            path=path,
            line=line,
        )
    return n


def _free_memory() -> int | None:
    """Bytes of memory this process may still take (free RAM, or an address-space limit)."""
    free = None
    try:  # Linux: free memory including the page cache the kernel can reclaim
        with open("/proc/meminfo", "rb") as fh:
            for line in fh:
                if line.startswith(b"MemAvailable:"):
                    free = int(line.split()[1]) * 1024
                    break
    except (OSError, ValueError, IndexError):
        pass
    if free is None:
        try:
            free = os.sysconf("SC_AVPHYS_PAGES") * os.sysconf("SC_PAGE_SIZE")
        except (ValueError, OSError, AttributeError):
            pass
    try:
        import resource

        soft, _ = resource.getrlimit(resource.RLIMIT_AS)
        if soft != resource.RLIM_INFINITY:
            free = soft if free is None else min(free, soft)
    except (ImportError, ValueError, OSError):
        pass
    return free


_MAX_INDEX_DIGITS = 18  # below 2**63: anything longer is out of range whatever N is


def _header(line: str, lineno: int, path: _Path) -> int:
    match = _HEADER.match(line)
    if match is None:
        raise FormatError(
            f"missing 'p af N' line: the first line that is not a comment is {line!r}",
            path=path,
            line=lineno,
        )
    digits = match.group(1).lstrip("0") or "0"
    if len(digits) > _MAX_INDEX_DIGITS:
        raise LimitError(
            f"the framework declares {digits[:20]}... arguments ({len(digits)} digits), more "
            f"than {limits.max_arguments:,} (limit max_arguments; "
            f"{limits.how_to_raise('max_arguments')})",
            limit="max_arguments",
            path=path,
            line=lineno,
        )
    return check_size(int(digits), path, lineno)


# Lines end at "\n" (a "\r" before it, or anywhere, is a blank), and tokens are separated
# by the ASCII blanks only: the same rules as the vectorised reader of large files.
_BLANKS = str.maketrans("\t\r\f\v", "    ")


def _parse_i23_lines(text: str, path: _Path) -> ArgumentationFramework:
    n = None
    sources, targets = array("i"), array("i")
    for lineno, line in enumerate(text.split("\n"), start=1):
        stripped = line.translate(_BLANKS).strip(" ")
        if not stripped or stripped.startswith("#"):
            continue
        if n is None:
            n = _header(stripped, lineno, path)
            continue
        parts = [p for p in stripped.split(" ") if p]
        if len(parts) != 2 or not all(p.isascii() and p.isdigit() for p in parts):
            raise FormatError(f"expected an attack 'i j', got {stripped!r}", path=path, line=lineno)
        for p in parts:
            if len(p.lstrip("0")) > _MAX_INDEX_DIGITS:
                shown = p if len(p) <= 40 else f"{p[:20]}... ({len(p)} digits)"
                raise FormatError(
                    f"argument {shown} is out of range 1..{n}", path=path, line=lineno
                )
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


def _parse_i23_numpy(np: Any, raw: bytes, path: _Path) -> ArgumentationFramework | None:
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


def _ints(np: Any, body: bytes, count: int) -> Any:
    import warnings

    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DeprecationWarning)
        values = np.fromstring(body, dtype=np.int64, sep=" ")
    if len(values) != count:  # pragma: no cover - guarded by the character check
        values = np.array(body.split(), dtype=np.int64)
    return values


# -- apx ---------------------------------------------------------------------------------

_NAME = r'("(?:[^"\\]|\\.)*"|[^\s(),%";]+)'
_FACT = re.compile(rf"\s*(?:arg\s*\(\s*{_NAME}\s*\)|att\s*\(\s*{_NAME}\s*,\s*{_NAME}\s*\))\s*\.")
"""One fact. As clingo (ASPARTIX) reads them, white space (line breaks too) may stand
between any two tokens: ``arg (a) .`` and ``att( a ,`` / ``b ).`` are facts; white
space inside a name, or between ``ar`` and ``g``, is not. A name is an ASP constant or
a quoted string (``"a.b"``)."""
_COMMENT = re.compile(r'"(?:[^"\\]|\\.)*"|%\*.*?(?:\*%|\Z)|%[^\n]*', re.S)
"""A quoted string (kept: a ``%`` inside it is no comment), or a comment (dropped): ``%
...`` to the end of the line, or clingo's block comment ``%* ... *%``. A name holds no
``;``: clingo reads ``arg(a;b).`` as two arguments (a pool), so it is refused rather than
misread."""
_OTHER_SPACE = re.compile(r"[^\S \t\r\n]")
"""White space clingo's lexer does not skip (form feed, vertical tab, no-break space,
U+2028, ...); Python's ``\\s`` and ``str.split`` would."""


def _no_other_space(text: str, path: _Path, allowed: str) -> None:
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
# names written bare in apx: ASP constants (lower-case start) and plain non-negative integers;
# anything else (upper case: a variable; ~, ., :, blanks, parentheses ...) is quoted
_ASP_CONSTANT = re.compile(r"[a-z][A-Za-z0-9_]*|0|[1-9][0-9]*")
_APX_UNQUOTABLE = re.compile("[\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029]")


def _apx_name(name: str) -> str:
    """``name`` as an apx term: bare when it is an ASP constant, else a quoted string.

    Examples
    --------
    >>> [_apx_name(n) for n in ["a1", "~r0", "a.b", "X", 'say "hi"']]
    ['a1', '"~r0"', '"a.b"', '"X"', '"say \\\\"hi\\\\""']
    """
    if _ASP_CONSTANT.fullmatch(name):
        return name
    escaped = name.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n")
    return f'"{escaped}"'


def _apx_unquote(token: str) -> str:
    if not token.startswith('"'):
        return token
    return re.sub(r"\\(.)", lambda m: "\n" if m.group(1) == "n" else m.group(1), token[1:-1])


def _without_comments(text: str, path: _Path) -> str:
    """The text with its comments blanked (their line breaks kept, so lines stay put)."""
    pieces, pos = [], 0
    for match in _COMMENT.finditer(text):
        comment = match.group()
        if comment.startswith('"'):
            continue
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


def _apx_read_name(written: str, forms: dict[str, str], path: _Path, lineno: int) -> str:
    """The name a written apx name stands for (a quoted one without its quotes), refusing one
    written both quoted and not (``arg(a).`` and ``arg("a").`` are two arguments to clingo)."""
    name = _apx_unquote(written)
    form = forms.setdefault(name, written)
    if form != written:
        raise FormatError(
            f"argument {name!r} is written both as {form} and as {written}",
            path=path,
            line=lineno,
        )
    return name


def _parse_apx(text: str, path: _Path) -> ArgumentationFramework:
    names: dict[str, int] = {}
    attacks: list[tuple[str, str, int]] = []
    forms: dict[str, str] = {}  # name -> how it was first written (quoted or not)
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
            names.setdefault(_apx_read_name(arg, forms, path, lineno), len(names))
        else:
            attacks.append(
                (
                    _apx_read_name(attacker, forms, path, lineno),
                    _apx_read_name(target, forms, path, lineno),
                    lineno,
                )
            )
        pos = match.end()
    return _from_named(names, attacks, path)


def _from_named(
    names: dict[str, int], attacks: Iterable[tuple[str, str, int]], path: _Path
) -> ArgumentationFramework:
    check_size(len(names), path)
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


def _parse_tgf(text: str, path: _Path) -> ArgumentationFramework:
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
    if not isinstance(af, ArgumentationFramework):
        raise UsageError(f"format_af expects an ArgumentationFramework, got {type(af).__name__}")
    fmt = af_format_of("", format)
    return "".join(_lines(af, fmt))


def _lines(af: ArgumentationFramework, fmt: str) -> Iterator[str]:
    ptr, adj = af.csr()
    n = af.num_arguments
    if fmt == "i23":
        yield f"p af {n}\n"
        for i in range(n):
            a: int | str = i + 1
            yield "".join(f"{a} {j + 1}\n" for j in adj[ptr[i] : ptr[i + 1]])
        return
    names = af.names
    if fmt == "apx":
        for name in names:
            if _APX_UNQUOTABLE.search(name):
                raise FormatError(
                    f"argument name {name!r} cannot be written in apx (a line break other than "
                    "\\n); write numbered names (argmap export-af --numbered)"
                )
        names = [_apx_name(name) for name in names]
    for name in names:
        if not name or (fmt == "tgf" and (re.search(r"\s", name) or name == "#")):
            raise FormatError(f"argument name {name!r} cannot be written in {fmt}")
    if fmt == "apx":
        yield "".join(f"arg({name}).\n" for name in names)
        for i in range(n):
            a = names[i]
            yield "".join(f"att({a},{names[j]}).\n" for j in adj[ptr[i] : ptr[i + 1]])
    else:
        yield "".join(f"{name}\n" for name in names)
        yield "#\n"
        for i in range(n):
            a = names[i]
            yield "".join(f"{a} {names[j]}\n" for j in adj[ptr[i] : ptr[i + 1]])


def write_af(
    af: ArgumentationFramework, path: str | os.PathLike[str], format: str | None = None
) -> None:
    """Write a framework to ``path``; the format comes from ``format`` or the suffix.

    The file is written through :func:`argmap.io.write_atomic`: if a name
    cannot be written, the old file is left as it was.
    """
    from .._safewrite import write_atomic

    fmt = af_format_of(path, format)
    write_atomic(path, _lines(af, fmt))
