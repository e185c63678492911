"""Load-time benchmarks for the interchange formats (issue 4): each must load in under 1 s.

Run ``python benchmarks/bench_formats.py``; the figures go to stdout and to
``benchmarks/results/bench_formats.md``. Each section is a function that returns
``(name, size, seconds, limit)``; add a format by adding a function to ``SECTIONS``.
"""

from __future__ import annotations

import random
import statistics
import sys
import time
from pathlib import Path

import argmap
from argmap.io import read

HERE = Path(__file__).resolve().parent
RESULTS = HERE / "results" / "bench_formats.md"
REPEAT = 5


def _best(fn) -> float:
    times = []
    for _ in range(REPEAT):
        t = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t)
    return min(times), statistics.median(times)


# ---------------------------------------------------------------- Kialo (part B)
def kialo_export(n: int, *, seed: int = 4) -> str:
    """A Kialo plain-text export with ``n`` claims (thesis included) and some links."""
    rng = random.Random(seed)
    lines = ["Discussion Title: A generated discussion", "", "1. The thesis of the discussion."]
    numbers = ["1"]
    kids: dict[str, int] = {"1": 0}
    claims = 1
    while claims < n:
        parent = (
            numbers[min(len(numbers) - 1, int(rng.paretovariate(1.2)) - 1)]
            if rng.random() < 0.3
            else rng.choice(numbers)
        )
        kids[parent] += 1
        num = f"{parent}.{kids[parent]}"
        stance = rng.choice(("Pro", "Con"))
        if claims > 10 and rng.random() < 0.03:
            lines.append(f"{num}. {stance}: -> See {rng.choice(numbers[1:])}.")
            continue
        text = (
            f"Claim {claims} says something about {rng.choice(['cost', 'risk', 'law', 'trade'])}."
        )
        if rng.random() < 0.1:
            text += "\nIt continues on a second line with [a link](https://example.org/x\\(y\\))."
        lines.append(f"{num}. {stance}: {text}")
        numbers.append(num)
        kids[num] = 0
        claims += 1
    return "\n".join(lines) + "\n"


def bench_kialo(tmp: Path):
    path = tmp / "generated.kialo.txt"
    path.write_text(kialo_export(10_000), encoding="utf-8")
    m, _ = read(path)
    assert len(m) == 10_000, len(m)
    best, median = _best(lambda: read(path))
    return (
        "Kialo plain text, 10,000 claims (argmap.read)",
        f"{len(m)} statements, {len(m.relations())} relations",
        best,
        median,
        1.0,
    )


SECTIONS = [bench_kialo]


def main() -> int:
    import tempfile

    rows, failed = [], False
    with tempfile.TemporaryDirectory() as tmp:
        for section in SECTIONS:
            name, size, best, median, limit = section(Path(tmp))
            ok = best < limit
            failed |= not ok
            verdict = "ok" if ok else "TOO SLOW"
            rows.append(
                f"| {name} | {size} | {best:.3f} s | {median:.3f} s | < {limit:g} s | {verdict} |"
            )
            print(rows[-1])
    text = (
        "# bench_formats: load times of the interchange formats\n\n"
        f"argmap {argmap.__version__}, Python {sys.version.split()[0]}, "
        f"best and median of {REPEAT} runs.\n"
        "Run with `python benchmarks/bench_formats.py`.\n\n"
        "| what | size | best | median | target | |\n|---|---|---|---|---|---|\n"
        + "\n".join(rows)
        + "\n"
    )
    RESULTS.parent.mkdir(exist_ok=True)
    RESULTS.write_text(text, encoding="utf-8")
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
