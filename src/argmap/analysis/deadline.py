"""Time limits for analyses, and a progress line on a terminal for long runs.

:func:`time_limit` sets a deadline for the code inside a ``with`` block. The
analyses check it between steps (between SAT calls, strength rounds, extensions
and acceptance queries) through :func:`check`, and raise
:class:`~argmap.errors.AnalysisTimeout` once it has passed: nothing partial is
returned. A single SAT call is not interrupted (CaDiCaL, through python-sat,
offers no interrupt), so a run stops at the first check after the deadline;
on argumentation frameworks single calls take milliseconds to seconds.

:func:`stage` names what is being computed, for the timeout message and for
:func:`progress`, which the command line wraps around ``analyze`` and ``solve``:
after two seconds it shows the stage and elapsed time on stderr, only when
stderr is a terminal, and erases the line at the end.

Examples
--------
>>> with time_limit(60, "an example"):
...     check()  # well within the limit: nothing happens
>>> with time_limit(1e-9, "an example"):
...     check()
Traceback (most recent call last):
...
argmap.errors.AnalysisTimeout: an example stopped at the 1e-09 s timeout; \
give a longer timeout (--timeout SECONDS, or timeout= in Python)
"""

from __future__ import annotations

import sys
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from typing import TextIO

from ..errors import AnalysisTimeout, UsageError

__all__ = ["time_limit", "check", "stage", "progress", "validate_timeout"]


class _Deadline:
    __slots__ = ("end", "seconds", "what")

    def __init__(self, seconds: float, what: str) -> None:
        self.seconds = seconds
        self.what = what
        self.end = time.monotonic() + seconds


_deadline: ContextVar[_Deadline | None] = ContextVar("argmap_deadline", default=None)
_stage = {"name": ""}  # read by the progress thread


def validate_timeout(seconds: object) -> float | None:
    """``seconds`` as a float (``None`` stays ``None``), or :class:`UsageError`.

    Examples
    --------
    >>> validate_timeout(2), validate_timeout(None)
    (2.0, None)
    """
    if seconds is None:
        return None
    if isinstance(seconds, bool) or not isinstance(seconds, int | float) or not seconds > 0:
        raise UsageError(f"timeout must be a positive number of seconds, not {seconds!r}")
    return float(seconds)


@contextmanager
def time_limit(seconds: float | None, what: str = "the analysis") -> Iterator[None]:
    """Stop the analyses run inside the block after ``seconds`` (``None``: no limit).

    An inner limit never extends an outer one.

    Raises
    ------
    AnalysisTimeout
        From the first check after the deadline.
    UsageError
        If ``seconds`` is not a positive number.
    """
    seconds = validate_timeout(seconds)
    outer = _deadline.get()
    if outer is None:
        _stage["name"] = ""  # a stage left over from an earlier run means nothing here
    if seconds is None or (outer is not None and outer.end <= time.monotonic() + seconds):
        yield
        return
    token = _deadline.set(_Deadline(seconds, what))
    try:
        yield
    finally:
        _deadline.reset(token)


def check() -> None:
    """Raise :class:`AnalysisTimeout` if the current deadline has passed (cheap otherwise)."""
    d = _deadline.get()
    if d is not None and time.monotonic() > d.end:
        doing = f" while computing {_stage['name']}" if _stage["name"] else ""
        raise AnalysisTimeout(
            f"{d.what} stopped at the {d.seconds:g} s timeout{doing}; give a longer "
            "timeout (--timeout SECONDS, or timeout= in Python)"
        )


def stage(name: str) -> None:
    """Name the step being computed (for the progress line and the timeout message)."""
    _stage["name"] = name
    check()


@contextmanager
def progress(what: str, *, stream: TextIO | None = None, after: float = 2.0) -> Iterator[None]:
    """Show ``what``, the current stage and the elapsed seconds on a terminal while working.

    Nothing is written unless ``stream`` (default stderr) is a terminal, nor
    before ``after`` seconds; the line is erased when the block ends. The line
    is redrawn from a daemon thread, so it pauses while one long C call (a SAT
    solve) holds the interpreter.
    """
    stream = sys.stderr if stream is None else stream
    isatty = getattr(stream, "isatty", None)
    if not (isatty and isatty()):
        yield
        return
    done = threading.Event()
    start = time.monotonic()
    shown = [False]

    def run() -> None:
        if done.wait(after):
            return
        frames = "|/-\\"
        k = 0
        while not done.wait(0.25):
            elapsed = time.monotonic() - start
            doing = f" ({_stage['name']})" if _stage["name"] else ""
            stream.write(f"\r{frames[k % 4]} {what}{doing}: {elapsed:.0f} s\x1b[K")
            stream.flush()
            shown[0] = True
            k += 1

    thread = threading.Thread(target=run, name="argmap-progress", daemon=True)
    thread.start()
    try:
        yield
    finally:
        done.set()
        thread.join()
        _stage["name"] = ""
        if shown[0]:
            stream.write("\r\x1b[K")
            stream.flush()
