"""``argmap convert`` and ``argmap formats``: move maps between file formats.

``convert`` reads any readable format and writes any writable one; the formats
follow the file names (and, where a name is ambiguous, the content) unless
``--from``/``--to`` name them. What the importer or the exporter cannot represent is
printed as ``warning: ...`` lines on stderr, never dropped silently; the exit status
is still 0. Unusable input (a missing file, a syntax error, an unknown format) exits 2.
"""

from __future__ import annotations

import argparse
import json
import sys
import warnings
from dataclasses import dataclass
from typing import Any

from ..errors import FormatError
from ..formats import detect_format, get_format, list_formats
from ..io import LossWarning, decode_text, read_text, serialise, write_atomic

__all__ = ["Conversion", "convert", "format_table"]


@dataclass(frozen=True)
class Conversion:
    """What :func:`convert` did: the formats used, the sizes and every loss reported."""

    source_format: str
    target_format: str
    statements: int
    relations: int
    warnings: tuple[str, ...]


def convert(
    source: str, target: str, *, from_format: str | None = None, to_format: str | None = None
) -> Conversion:
    """Convert a map file to another format; ``-`` means stdin or stdout.

    Parameters
    ----------
    source, target : str
        File paths, or ``-`` (then the format must be named).
    from_format, to_format : str, optional
        Format names (see ``argmap formats``); by default taken from the file names.

    Returns
    -------
    Conversion
        With the warnings of the importer (prefixed with the source) and of the
        exporter (prefixed with the target).

    Raises
    ------
    FormatError, MapValidationError
        For unusable input, an unknown format, or a format that cannot read or write.
    """
    if source == "-" and from_format is None:
        raise FormatError("reading stdin needs --from FORMAT (see 'argmap formats')")
    if target == "-" and to_format is None:
        raise FormatError("writing to stdout needs --to FORMAT (see 'argmap formats')")
    path = None if source == "-" else source
    text = None if path is None else read_text(path)
    fmt_in = get_format(from_format) if from_format else detect_format(source, text)
    if fmt_in.read is None:
        raise FormatError(f"argmap can write {fmt_in.name} but not read it", path=path)
    if text is None:
        stdin = getattr(sys.stdin, "buffer", None)  # bytes, to report bad UTF-8 clearly
        text = decode_text(stdin.read(), "<stdin>") if stdin else sys.stdin.read()
    m, losses = fmt_in.read(text, path)
    fmt_out = get_format(to_format) if to_format else detect_format(target, writing=True)
    if fmt_out.write is None:
        writers = ", ".join(f.name for f in list_formats() if f.write is not None)
        raise FormatError(f"argmap can read {fmt_out.name} but not write it (it writes {writers})")
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always", LossWarning)
        data = serialise(m, fmt_out)
    out_losses = [str(w.message) for w in caught if issubclass(w.category, LossWarning)]
    for w in caught:  # anything else is not ours to swallow
        if not issubclass(w.category, LossWarning):
            warnings.warn_explicit(w.message, w.category, w.filename, w.lineno)
    if target == "-":
        sys.stdout.write(data)
    else:
        write_atomic(target, data)
    src_name = "stdin" if source == "-" else source
    dst_name = "stdout" if target == "-" else target
    return Conversion(
        fmt_in.name,
        fmt_out.name,
        len(m),
        len(m.relations()),
        tuple(f"{src_name}: {msg}" for msg in losses)
        + tuple(f"{dst_name}: {msg}" for msg in out_losses),
    )


def format_table() -> list[dict[str, Any]]:
    """Every registered format: name, extensions, whether it reads and writes, description.

    Examples
    --------
    >>> rows = {r["name"]: r for r in format_table()}
    >>> rows["yaml"]["read"], rows["yaml"]["write"], rows["yaml"]["extensions"]
    (True, True, ['.yaml', '.yml'])
    """
    return [
        {
            "name": f.name,
            "extensions": list(f.extensions),
            "read": f.read is not None,
            "write": f.write is not None,
            "description": f.description,
        }
        for f in list_formats()
    ]


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser(
        "convert",
        help="convert a map to another format",
        description="Read a map in one format and write it in another. The formats follow "
        "the file names (and the content, where a name is ambiguous) unless --from/--to "
        "name them; '-' reads stdin or writes stdout. What a format cannot hold is printed "
        "as 'warning: ...' lines on stderr. Exit 0 on success, 2 for unusable input. "
        "'argmap formats' lists the formats.",
    )
    p.add_argument("input", metavar="IN", help="map file to read, or - for stdin")
    p.add_argument("output", metavar="OUT", help="file to write, or - for stdout")
    p.add_argument("--from", dest="from_format", metavar="FORMAT", help="input format")
    p.add_argument("--to", dest="to_format", metavar="FORMAT", help="output format")
    p.set_defaults(func=run_convert)

    f = sub.add_parser(
        "formats",
        help="list the file formats argmap reads and writes",
        description="List every file format with its extensions and whether argmap can "
        "read and write it.",
    )
    f.add_argument("--json", action="store_true", help="print the list as JSON")
    f.set_defaults(func=run_formats)


def run_convert(args: argparse.Namespace) -> int:
    result = convert(
        args.input, args.output, from_format=args.from_format, to_format=args.to_format
    )
    for msg in result.warnings:
        print(f"warning: {msg}", file=sys.stderr)
    if args.output != "-":
        print(
            f"{args.input} ({result.source_format}) -> {args.output} ({result.target_format}): "
            f"{result.statements} statements, {result.relations} relations",
            file=sys.stderr,
        )
    return 0


def run_formats(args: argparse.Namespace) -> int:
    rows = format_table()
    if args.json:
        json.dump(rows, sys.stdout, indent=2)
        sys.stdout.write("\n")
        return 0
    width = max(len(r["name"]) for r in rows)
    ext_width = max(len(" ".join(r["extensions"])) for r in rows)
    print(f"{'FORMAT':<{width}}  {'EXTENSIONS':<{ext_width}}  READ  WRITE  DESCRIPTION")
    for r in rows:
        print(
            f"{r['name']:<{width}}  {' '.join(r['extensions']):<{ext_width}}  "
            f"{'yes' if r['read'] else 'no':<4}  {'yes' if r['write'] else 'no':<5}  "
            f"{r['description']}"
        )
    return 0
