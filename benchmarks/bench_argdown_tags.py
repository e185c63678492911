"""Scaling of the Argdown tag scan on long lines (issue 9: it was quadratic).

The trailing-tags regular expression the reader used backtracked quadratically: a
60 KB line of tags took over 60 s. The reader now finds tags in one pass
(``argmap.formats.argdown._scan_tags``). This measures both on the same lines, for
n, 2n and 4n characters, and writes ``benchmarks/results/argdown_tags.md``. The old
expression is measured on shorter lines (it would run for minutes on the long ones);
the ratio column is time(2n)/time(n): about 2 is linear, about 4 quadratic.

Run ``python benchmarks/bench_argdown_tags.py`` (under a minute).
"""

from __future__ import annotations

import re
import sys
import time
from pathlib import Path

from argmap.formats.argdown import _scan_tags, loads_argdown

HERE = Path(__file__).resolve().parent
RESULTS = HERE / "results" / "argdown_tags.md"

_OLD_TAG = re.compile(r"(?<![\\\w(])#(?:\(([^)]+)\)|([\w-]+))")
_OLD_TRAILING = re.compile(r"(?:[ \t]*(?<![\\\w(])#(?:\([^)]+\)|[\w-]+))+[ \t]*$")
"""The expressions the reader used before (kept here only to measure them)."""


def _old_scan(s: str) -> None:
    _OLD_TAG.findall(s)
    _OLD_TRAILING.search(s)

SHAPES = {
    "tags, then a word (not trailing)": lambda n: "text " + "#tag " * (n // 5) + "end",
    "unclosed '#(x ' repeated": lambda n: "text " + "#(x " * (n // 4),
    "tags to the end of the line": lambda n: "text " + "#a " * (n // 3),
}


def _time(fn, repeat: int = 3) -> float:
    best = float("inf")
    for _ in range(repeat):
        t = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - t)
    return best


def main() -> int:
    rows = []
    for name, make in SHAPES.items():
        for label, sizes, fn in (
            ("old regexes", (2_500, 5_000, 10_000), _old_scan),
            ("one pass", (50_000, 100_000, 200_000), _scan_tags),
            ("loads_argdown", (50_000, 100_000, 200_000), lambda s: loads_argdown("[T]: " + s)),
        ):
            times = [_time(lambda s=make(n), fn=fn: fn(s)) for n in sizes]  # noqa: B008
            ratios = [times[1] / times[0], times[2] / times[1]]
            cells = [f"{n // 1000} KB: {t * 1e3:.1f} ms" for n, t in zip(sizes, times, strict=True)]
            rows.append(
                f"| {name} | {label} | "
                + " | ".join(cells)
                + f" | {ratios[0]:.1f}, {ratios[1]:.1f} |"
            )
            print(rows[-1], flush=True)
    text = "\n".join(
        [
            "# bench_argdown_tags: the tag scan on long lines",
            "",
            f"Python {sys.version.split()[0]}, best of 3. "
            "Run with `python benchmarks/bench_argdown_tags.py`.",
            "The ratios are time(2n)/time(n) and time(4n)/time(2n): 2 is linear, 4 quadratic.",
            "",
            "| line | scan | n | 2n | 4n | ratios |",
            "|---|---|---|---|---|---|",
            *rows,
            "",
        ]
    )
    RESULTS.write_text(text, encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
