"""``argmap batch``: one task over many maps, a table with a row per file.

::

    argmap batch analyze corpus/ --out table.parquet --jobs 2
    argmap batch check 'nodesets/**/*.json' --out table.csv
    argmap batch convert maps/ --to aif --out-dir aif/ --out log.jsonl
    argmap batch solve iccma/*.i23 -p SE-PR --dask tcp://scheduler:8786

Without ``--out`` the rows go to stdout as JSON Lines. Exit status: 0 when every
file was processed, 1 when some failed (their errors are in their rows), 2 when
the batch could not start (no input matched, a bad option, a missing extra, a
Dask scheduler that cannot be reached within ``--dask-timeout`` seconds).
"""

from __future__ import annotations

import argparse
import json
import sys

__all__ = ["register"]


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add the ``batch`` subcommand."""
    p = sub.add_parser(
        "batch",
        help="run check/analyze/convert/solve over many files: one table, a row per file",
        description="Run a task over files, directories (walked for known suffixes) and glob "
        "patterns, and write one table with a row per file (counts, theses, unanswered "
        "objections, semantics statistics, time taken, or the error). A bad file never stops "
        "the batch. Exit 0 when all files were processed, 1 when some failed, 2 on bad usage.",
    )
    p.add_argument("task", choices=("check", "analyze", "convert", "solve"))
    p.add_argument("inputs", nargs="+", metavar="PATH", help="files, directories or globs")
    p.add_argument(
        "--out",
        metavar="FILE",
        help="write the table (.parquet, .csv or .jsonl); default: JSON Lines on stdout",
    )
    p.add_argument("--jobs", "-j", type=int, default=1, metavar="N", help="worker processes")
    p.add_argument("--dask", metavar="ADDRESS", help="run on this Dask scheduler (argmap[dask])")
    p.add_argument(
        "--dask-timeout",
        type=float,
        default=10.0,
        metavar="S",
        help="seconds to wait for the Dask scheduler (default 10)",
    )
    p.add_argument("--from", dest="from_format", metavar="FORMAT", help="input format")
    p.add_argument("--to", metavar="FORMAT", help="convert: the target format")
    p.add_argument("--out-dir", metavar="DIR", help="convert: where to write (default: beside)")
    p.add_argument("-p", "--problem", default="SE-GR", help="solve: ICCMA problem (SE-GR)")
    p.add_argument("-a", "--argument", metavar="ARG", help="solve: query argument (DC, DS)")
    p.add_argument(
        "--progress",
        action=argparse.BooleanOptionalAction,
        default=None,
        help="progress bar on stderr (default: when stderr is a terminal)",
    )
    p.set_defaults(func=run_batch)


def run_batch(args: argparse.Namespace) -> int:
    from ..corpus import batch

    result = batch(
        args.inputs,
        args.task,
        jobs=args.jobs,
        dask=args.dask,
        dask_timeout=args.dask_timeout,
        progress=args.progress,
        from_format=args.from_format,
        to=args.to,
        out_dir=args.out_dir,
        problem=args.problem,
        argument=args.argument,
    )
    if args.out and args.out != "-":
        result.write(args.out)
        where = f"; wrote {args.out}"
    else:
        cols = result.columns
        for row in result:
            sys.stdout.write(json.dumps({c: row.get(c) for c in cols}, ensure_ascii=False) + "\n")
        sys.stdout.flush()
        where = ""
    rate = len(result) / result.seconds if result.seconds else 0.0
    print(
        f"{len(result)} files, {result.failed} failed, {result.seconds:.1f} s "
        f"({rate:.0f} files/s){where}",
        file=sys.stderr,
    )
    failed = [row for row in result if not row["ok"]]
    for row in failed[:_SHOWN]:  # first lines only: the rows hold the whole messages
        print(f"failed: {row['path']}: {row['error'].splitlines()[0]}", file=sys.stderr)
    if len(failed) > _SHOWN:
        print(f"... and {len(failed) - _SHOWN} more (see the table)", file=sys.stderr)
    return 1 if failed else 0


_SHOWN = 20
