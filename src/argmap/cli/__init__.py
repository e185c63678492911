"""The ``argmap`` command line: subcommands over the library.

Each subcommand lives in a module of this package with a ``register(subparsers)``
function that adds its parser and sets ``func`` to a handler ``(args) -> int``.
Exit status: 0 success, 1 when ``check`` finds unanswered objections, 2 for
unusable input or usage. Library errors (:class:`~argmap.ArgmapError`) print as
``error: ...`` lines on stderr, never as a traceback.
"""

from __future__ import annotations

import argparse
import importlib
import sys
import warnings
from collections.abc import Sequence
from typing import TYPE_CHECKING, TextIO

from ..errors import ArgmapError

if TYPE_CHECKING:
    from ..map import ArgumentMap

__all__ = ["main", "build_parser", "read_map"]

SUBCOMMANDS: tuple[str, ...] = (
    "check",
    "schema",
    "solve",
    "analyze",
    "render",
    "convert",
    "batch",
)
"""Modules of this package that register subcommands, in help order."""

COMMANDS: dict[str, str] = {
    "check": "check",
    "validate": "check",
    "schema": "schema",
    "solve": "solve",
    "analyze": "analyze",
    "export-af": "analyze",
    "render": "render",
    "convert": "convert",
    "formats": "convert",
    "batch": "batch",
}
"""Subcommand name -> the module that registers it; lets ``main`` import only that module,
so that a quick command (``argmap solve`` in an ICCMA harness) starts quickly."""


def build_parser(only: str | None = None) -> argparse.ArgumentParser:
    """The argument parser with every subcommand registered (or only one module's)."""
    from .. import __version__

    parser = argparse.ArgumentParser(
        prog="argmap",
        description="Argument maps: check them for unanswered objections, render, convert.",
    )
    parser.add_argument("--version", action="version", version=f"argmap {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)
    for name in (only,) if only else SUBCOMMANDS:
        importlib.import_module(f"{__name__}.{name}").register(sub)
    return parser


def read_map(path: str, format: str | None = None) -> ArgumentMap:
    """Read a map for a subcommand; what the importer could not represent goes to stderr."""
    from ..io import read

    m, losses = read(path, format=format)
    for msg in losses:
        print(f"warning: {path}: {msg}", file=sys.stderr)
    return m


def _show_warning(
    message: Warning | str,
    category: type[Warning],
    filename: str,
    lineno: int,
    file: TextIO | None = None,
    line: str | None = None,
) -> None:
    print(f"warning: {message}", file=sys.stderr)


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the exit status."""
    argv = list(sys.argv[1:] if argv is None else argv)
    parser = build_parser(COMMANDS.get(argv[0]) if argv else None)
    args = parser.parse_args(argv)
    saved = warnings.showwarning
    warnings.showwarning = _show_warning
    try:
        status: int = args.func(args)
        return status
    except ArgmapError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    except BrokenPipeError:
        return 0
    finally:
        warnings.showwarning = saved
