"""Benchmark: the map-level analyses (issue 5 part B) on generated argument-map trees.

For maps of 1,000 and 10,000 statements (a random tree of claims, evidence,
objections and rebuttals, plus a few ``contradicts`` pairs so that cycles occur),
reports the time of: the translation to a framework under each support
interpretation, the statuses under grounded and preferred semantics, each
gradual strength method, ``explain`` on the root claim, and the whole
``argmap.analyze`` report. Best of 3 runs. Writes ``benchmarks/results/analysis.md``.

Run: ``python benchmarks/bench_analysis.py`` (``--quick`` for 1,000 only).
"""

from __future__ import annotations

import argparse
import platform
import random
import time
from pathlib import Path

import argmap
from argmap.analysis.status import explain, statuses
from argmap.analysis.strength import STRENGTH_METHODS, strength
from argmap.analysis.translate import SUPPORT_INTERPRETATIONS, translate

HERE = Path(__file__).resolve().parent
RESULTS = HERE / "results" / "analysis.md"
REPEAT = 3


def tree_map(n: int, *, seed: int = 5) -> argmap.ArgumentMap:
    """A random argument-map tree of ``n`` statements with n/100 contradicting pairs."""
    rng = random.Random(seed)
    m = argmap.ArgumentMap(title=f"generated tree of {n}")
    m.claim("Thesis.", id="s0")
    kinds = {"s0": "claim"}
    for i in range(1, n):
        parent = f"s{rng.randrange(i)}"
        if kinds[parent] == "objection":
            kind = rng.choice(["rebuttal", "rebuttal", "evidence"])
        else:
            kind = rng.choice(["objection", "objection", "evidence", "claim"])
        sid = f"s{i}"
        if kind in ("claim", "evidence"):
            m.statement(kind, "A statement.", id=sid, supports=parent)
        else:
            m.statement(kind, "A statement.", id=sid, against=parent)
        kinds[sid] = kind
    claims = [s for s, k in kinds.items() if k == "claim"]
    for _ in range(n // 100):
        a, b = rng.sample(claims, 2)
        try:
            m.relate(a, b, "contradicts")
        except argmap.ArgmapError:
            pass
    return m


def best(fn, *args, **kwargs) -> float:
    times = []
    for _ in range(REPEAT):
        t = time.perf_counter()
        fn(*args, **kwargs)
        times.append(time.perf_counter() - t)
    return min(times)


def run(sizes: list[int]) -> list[tuple[int, str, float]]:
    rows = []
    for n in sizes:
        t = time.perf_counter()
        m = tree_map(n)
        steps = [("build the map", time.perf_counter() - t)]
        for support in SUPPORT_INTERPRETATIONS:
            steps.append((f"translate, support={support}", best(translate, m, support=support)))
        for sem in ("grounded", "preferred"):
            steps.append((f"statuses, {sem}", best(statuses, m, sem)))
        for method in STRENGTH_METHODS:
            steps.append((f"strength, {method}", best(strength, m, method)))
        steps.append(("explain the root (depth 3)", best(explain, m, "s0")))
        steps.append(("argmap.analyze (default options)", best(argmap.analyze, m)))
        for name, sec in steps:
            print(f"{n:>6}  {name:<36} {sec:8.3f} s", flush=True)
            rows.append((n, name, sec))
    return rows


def write(rows) -> None:
    lines = [
        "# Map-level analyses (issue 5 part B)",
        "",
        f"`python benchmarks/bench_analysis.py` on {platform.machine()} / Python "
        f"{platform.python_version()}; best of {REPEAT} runs (map building: one run).",
        "Maps: random trees of claims, evidence, objections and rebuttals with n/100 "
        "`contradicts` pairs.",
        "",
        "| statements | step | seconds |",
        "|---:|---|---:|",
    ]
    lines += [f"| {n:,} | {name} | {sec:.3f} |" for n, name, sec in rows]
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text("\n".join(lines) + "\n", encoding="utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="1,000 statements only")
    args = parser.parse_args()
    write(run([1000] if args.quick else [1000, 10000]))
    print(f"written to {RESULTS}")


if __name__ == "__main__":
    main()
