"""``argmap solve``: an ICCMA 2023 style solver for abstract argumentation frameworks.

Usage follows the ICCMA 2023 solver interface, so argmap drops into ICCMA
harnesses (e.g. probo2) as ``argmap solve``::

    argmap solve -p SE-PR -f af.i23          # one extension:   w 1 4   (or NO)
    argmap solve -p DC-ST -f af.i23 -a 3     # credulous:       YES + w ...  | NO
    argmap solve -p DS-PR -f af.apx -a a1    # sceptical:       YES | NO + w ...
    argmap solve -p EE-CO -f af.tgf          # enumerate (ICCMA'17 style): [[a,b],[c]]
    argmap solve -p CE-ST -f af.i23          # count: 2
    argmap solve --problems                  # [SE-GR,DC-GR,...]
    argmap solve --formats                   # [i23,apx,tgf]

The format comes from ``-fo`` or the file's suffix. ``w`` alone is the empty
extension. Arguments are printed by name (for i23, their numbers) in file order.
"""

from __future__ import annotations

import argparse
from collections.abc import Iterable

from ..analysis import semantics as sem
from ..analysis.deadline import stage, time_limit
from ..analysis.framework import ArgumentationFramework
from ..errors import ArgmapError, UsageError

__all__ = ["register", "solve", "PROBLEMS"]

TASKS = ("SE", "DC", "DS", "EE", "CE")
PROBLEMS: tuple[str, ...] = tuple(f"{t}-{s}" for s in sem.SEMANTICS for t in TASKS)
"""Every supported TASK-SEMANTICS pair."""


class ProblemError(ArgmapError, ValueError):
    """An ICCMA problem name argmap does not support, or a missing query argument."""


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add the ``solve`` subcommand."""
    parser = subparsers.add_parser(
        "solve",
        help="solve an ICCMA problem on an argumentation framework file",
        description="Answer an ICCMA problem (ICCMA 2023 interface and output).",
    )
    parser.add_argument("-p", "--problem", metavar="TASK-SEM", help="e.g. SE-PR, DC-ST, DS-PR")
    parser.add_argument("-f", "--file", metavar="FILE", help="the framework file")
    parser.add_argument("-fo", "--format", metavar="FORMAT", help="i23, apx or tgf")
    parser.add_argument("-a", "--argument", metavar="ARG", help="the query argument (DC, DS)")
    parser.add_argument(
        "--timeout",
        type=float,
        metavar="SECONDS",
        help="stop with an error (exit 2, nothing on stdout) after SECONDS (default: no limit)",
    )
    parser.add_argument("--problems", action="store_true", help="print the supported problems")
    parser.add_argument("--formats", action="store_true", help="print the supported formats")
    parser.set_defaults(func=_handle)


def _handle(args: argparse.Namespace) -> int:
    from .. import __version__
    from ..formats.iccma import AF_FORMATS, read_af

    if args.problems:
        print("[" + ",".join(PROBLEMS) + "]")
        return 0
    if args.formats:
        print("[" + ",".join(AF_FORMATS) + "]")
        return 0
    if args.problem is None and args.file is None:
        print(f"argmap {__version__}\nargmap developers")  # ICCMA: no arguments -> name, version
        return 0
    if args.problem is None or args.file is None:
        raise ProblemError("solve needs both -p TASK-SEM and -f FILE")
    from ..analysis.deadline import progress

    with progress("argmap solve"):
        af = read_af(args.file, args.format)
        answer = solve(af, args.problem, args.argument, timeout=args.timeout)
    print(answer, end="")
    return 0


def _in_file_order(af: ArgumentationFramework, ext: Iterable[str]) -> list[str]:
    return [af.name(i) for i in sorted(af.index(name) for name in ext)]


def _witness(af: ArgumentationFramework, ext: Iterable[str]) -> str:
    return " ".join(["w", *_in_file_order(af, ext)])


def _bracket(af: ArgumentationFramework, ext: Iterable[str]) -> str:
    return "[" + ",".join(_in_file_order(af, ext)) + "]"


def solve(
    af: ArgumentationFramework,
    problem: str,
    argument: str | None = None,
    *,
    timeout: float | None = None,
) -> str:
    """The ICCMA output for ``problem`` (e.g. ``"DC-PR"``) on ``af``, with a final newline.

    ``timeout`` (seconds) stops the work with :class:`~argmap.errors.AnalysisTimeout`;
    nothing partial is returned.

    Examples
    --------
    >>> af = ArgumentationFramework.from_edges(["1", "2", "3"], [("1", "2"), ("2", "3")])
    >>> print(solve(af, "SE-PR"), end="")
    w 1 3
    >>> print(solve(af, "DS-ST", "2"), end="")
    NO
    w 1 3
    >>> print(solve(af, "CE-CO"), end="")
    1
    """
    if not isinstance(af, ArgumentationFramework):
        raise UsageError(f"solve expects an ArgumentationFramework, got {type(af).__name__}")
    if not isinstance(problem, str):
        raise UsageError(f"problem must be a string such as 'DC-PR', not {problem!r}")
    task, _, code = problem.upper().partition("-")
    if task not in TASKS or code not in sem.SEMANTICS:
        raise ProblemError(f"unsupported problem {problem!r} (must be one of {list(PROBLEMS)})")
    with time_limit(timeout, f"solve {problem}"):
        stage(problem.upper())
        return _solve(af, task, code, problem, argument)


def _solve(
    af: ArgumentationFramework, task: str, code: str, problem: str, argument: str | None
) -> str:
    if task == "SE":
        ext = sem.find_extension(af, code)
        return "NO\n" if ext is None else _witness(af, ext) + "\n"
    if task == "EE":
        exts = []
        for e in sem.enumerate_extensions(af, code):
            exts.append(_bracket(af, e))
            stage(f"{problem.upper()}: {len(exts)} extensions")
        return "[" + ",".join(exts) + "]\n"
    if task == "CE":
        return f"{sem.count_extensions(af, code)}\n"
    if argument is None:
        raise ProblemError(f"{problem} needs a query argument: -a ARG")
    if task == "DC":
        answer = sem.is_credulously_accepted(af, argument, code)
    else:
        answer = sem.is_sceptically_accepted(af, argument, code)
    lines = "YES\n" if answer.accepted else "NO\n"
    if answer.witness is not None:
        lines += _witness(af, answer.witness) + "\n"
    return lines
