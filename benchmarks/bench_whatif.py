"""Benchmark: what-if analysis and load-bearing statements (issue 12).

Baseline, measured in the same run: one ``argmap.statuses(m)`` call (the labelling
a what-if does twice). Reported for the article's map and generated trees
(``bench_analysis.tree_map``) of 100 and 1,000 statements:

* ``what_if(m, defeat=[x])`` for a statement ``x`` halfway down the map, as a ratio
  to the baseline, and the brute force it replaces (copy the map, add an attacker,
  label it). ``what_if`` does more: both labellings, and the objection statuses
  before and after;
* ``load_bearing(m, thesis, k)`` for k = 1, 2, 3 on the article and on a tree of 60
  statements: seconds, labellings done, and seconds per labelling as a ratio to
  the baseline.

Best of 3 runs. Writes ``benchmarks/results/whatif.md``.
Run: ``python benchmarks/bench_whatif.py``.
"""

from __future__ import annotations

import os
import platform
import time
from pathlib import Path

from bench_analysis import tree_map

import argmap
from argmap.analysis.whatif import load_bearing, what_if

HERE = Path(__file__).resolve().parent
RESULTS = HERE / "results" / "whatif.md"
ARTICLE = HERE.parent / "examples" / "nato_japan.yaml"
REPEAT = 3


def best(fn, *args, **kwargs) -> float:
    times = []
    for _ in range(REPEAT):
        t = time.perf_counter()
        fn(*args, **kwargs)
        times.append(time.perf_counter() - t)
    return min(times)


def brute(m: argmap.ArgumentMap, x: str) -> dict:
    m2 = m.copy()
    kind = "rebuttal" if m.get(x).kind == "objection" else "objection"
    m2.statement(kind, "Defeats it.", id="zz-defeater", against=x)
    return argmap.statuses(m2)


def main() -> None:
    maps = [("article (44)", argmap.load(ARTICLE))]
    maps += [(f"tree ({n})", tree_map(n)) for n in (100, 1000)]
    lines = [
        "# What-if and load-bearing benchmark",
        "",
        f"Python {platform.python_version()} on {platform.machine()}, "
        f"{os.cpu_count()} cores (shared with other jobs); best of {REPEAT}. "
        "Ratios are to one `statuses(m)` call on the same map, measured in the same run.",
        "",
        "## what_if(m, defeat=[x])",
        "",
        "what_if labels the map before and after and computes the objection statuses "
        "before and after; the brute force only copies the map, adds an attacker and "
        "labels it once.",
        "",
        "| map | statuses(m) | what_if | ratio | brute force | ratio |",
        "|---|---|---|---|---|---|",
    ]
    for name, m in maps:
        ids = [s.id for s in m.statements()]
        x = ids[len(ids) // 2]
        base = best(argmap.statuses, m)
        wi = best(what_if, m, defeat=[x])
        bf = best(brute, m, x)
        lines.append(
            f"| {name} | {base * 1e3:.1f} ms | {wi * 1e3:.1f} ms | {wi / base:.1f} | "
            f"{bf * 1e3:.1f} ms | {bf / base:.1f} |"
        )
    lines += [
        "",
        "## load_bearing(m, thesis, k)",
        "",
        "| map | k | seconds | labellings | per labelling / statuses(m) |",
        "|---|---|---|---|---|",
    ]
    for name, m in [maps[0], ("tree (60)", tree_map(60))]:
        thesis = m.theses()[0].id
        base = best(argmap.statuses, m)
        for k in (1, 2, 3):
            lb = load_bearing(m, thesis, k=k, timeout=None)
            secs = best(load_bearing, m, thesis, k=k, timeout=None)
            lines.append(
                f"| {name} | {k} | {secs:.3f} | {lb.checked:,} | "
                f"{secs / lb.checked / base:.2f} |"
            )
    lines.append("")
    RESULTS.write_text("\n".join(lines), encoding="utf-8")
    print("\n".join(lines))


if __name__ == "__main__":
    main()
