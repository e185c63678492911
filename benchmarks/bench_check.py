"""Benchmark: ``argmap check`` on generated argument-map trees (issue 8 parts 2 and 3).

For maps of 1,000 and 10,000 statements (the random trees of ``bench_analysis``,
with ``contradicts`` pairs so that cycles occur), reports the time of: the
objection statuses without thesis scoping (the baseline, what the check did
before), the same with the threat paths to the thesis (one BFS over argument x
parity), and the whole rule-based check (every rule, no source text). Ratios are
against the baseline measured in the same run. Best of 3. Writes
``benchmarks/results/check.md``.

Run: ``python benchmarks/bench_check.py`` (``--quick`` for 1,000 only).
"""

from __future__ import annotations

import argparse
import platform
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from bench_analysis import tree_map  # noqa: E402

from argmap.analysis.dialectic import _objection_statuses  # noqa: E402
from argmap.check import check_map  # noqa: E402

RESULTS = HERE / "results" / "check.md"
REPEAT = 3


def best(func) -> float:
    times = []
    for _ in range(REPEAT):
        start = time.perf_counter()
        func()
        times.append(time.perf_counter() - start)
    return min(times)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--quick", action="store_true")
    args = parser.parse_args()
    sizes = [1000] if args.quick else [1000, 10000]
    rows = []
    for n in sizes:
        m = tree_map(n)
        m.replace(m["s0"].model_copy(update={"tags": ("thesis",)}))
        base = best(lambda m=m: _objection_statuses(m, [], only_bearing=False))
        scoped = best(lambda m=m: _objection_statuses(m, ["s0"], only_bearing=False))
        full = best(lambda m=m: check_map(m))
        rows.append((n, base, scoped, full))
    lines = [
        "# argmap check benchmark",
        "",
        f"Python {platform.python_version()}, {platform.machine()}; best of {REPEAT}; "
        "`python benchmarks/bench_check.py`. Baseline: objection statuses without thesis "
        "scoping (the check before issue 8).",
        "",
        "| statements | statuses (baseline) | + threat paths | ratio | whole check | ratio |",
        "|---:|---:|---:|---:|---:|---:|",
    ]
    for n, base, scoped, full in rows:
        lines.append(
            f"| {n:,} | {base:.3f} s | {scoped:.3f} s | {scoped / base:.2f} | "
            f"{full:.3f} s | {full / base:.2f} |"
        )
    RESULTS.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print("\n".join(lines))


if __name__ == "__main__":
    main()
