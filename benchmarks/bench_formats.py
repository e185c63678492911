"""Load-time benchmarks for the interchange formats (issue 4): each must load in under 1 s.

Run ``python benchmarks/bench_formats.py``; the figures go to stdout and to
``benchmarks/results/bench_formats.md``. Each section is a function that returns
``(name, size, best, median, limit)`` (seconds); add a format by adding a function to
``SECTIONS``.
"""

from __future__ import annotations

import json
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


def _best(fn) -> tuple[float, float]:
    """The best and the median time of ``REPEAT`` calls."""
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


def _timed_read(path: Path, text: str, n: int):
    """Write ``text`` to ``path``, check it loads ``n`` statements, and time ``argmap.read``."""
    path.write_text(text, encoding="utf-8")
    m, _ = read(path)
    assert len(m) == n, len(m)
    return (m, *_best(lambda: read(path)))


def bench_kialo(tmp: Path):
    m, best, median = _timed_read(tmp / "generated.kialo.txt", kialo_export(10_000), 10_000)
    return (
        "Kialo plain text, 10,000 claims (argmap.read)",
        f"{len(m)} statements, {len(m.relations())} relations",
        best,
        median,
        1.0,
    )


# ---------------------------------------------------------------- AIF (part A)
def aif_nodeset(n: int, *, seed: int = 4) -> str:
    """An AIFdb nodeset with ``n`` I nodes, each spoken (L -> YA -> I) by one of 20 people.

    Every I node but the first is a premise of an RA into an earlier node (linked
    arguments of two premises now and then) or the source of a CA against an earlier
    node; every tenth CA targets an RA node (an undercut).
    """
    rng = random.Random(seed)
    nodes: list[dict] = []
    edges: list[dict] = []
    locutions: list[dict] = []
    next_id = iter(range(1, 10 * n + 100))

    def node(kind: str, text: str) -> str:
        nid = str(next(next_id))
        nodes.append(
            {"nodeID": nid, "text": text, "type": kind, "timestamp": "2024-01-01 10:00:00"}
        )
        return nid

    def edge(a: str, b: str) -> None:
        edges.append({"edgeID": str(len(edges) + 1), "fromID": a, "toID": b, "formEdgeID": None})

    people = [f"Speaker {i}" for i in range(20)]
    i_nodes: list[str] = []
    ra_nodes: list[str] = []
    for k in range(n):
        who = rng.randrange(len(people))
        text = f"Proposition {k}: the argument goes on with point {rng.randrange(10**6)}."
        i = node("I", text)
        loc = node("L", f"{people[who]} : {text}")
        ya = node("YA", "Asserting")
        edge(loc, ya)
        edge(ya, i)
        locutions.append({"nodeID": loc, "personID": str(who), "timestamp": "2024-01-01 10:00:00"})
        if i_nodes:
            target = i_nodes[rng.randrange(len(i_nodes))]
            roll = rng.random()
            if roll < 0.7:
                ra = node("RA", "Default Inference")
                edge(i, ra)
                if len(i_nodes) > 2 and rng.random() < 0.1:
                    other = i_nodes[rng.randrange(len(i_nodes))]
                    if other != target:
                        edge(other, ra)
                edge(ra, target)
                ra_nodes.append(ra)
            else:
                ca = node("CA", "Default Conflict")
                edge(i, ca)
                if ra_nodes and rng.random() < 0.1:
                    edge(ca, ra_nodes[rng.randrange(len(ra_nodes))])
                else:
                    edge(ca, target)
        i_nodes.append(i)
    participants = [
        {"participantID": str(i), "firstname": "Speaker", "surname": str(i)} for i in range(20)
    ]
    doc = {"nodes": nodes, "edges": edges, "locutions": locutions, "participants": participants}
    return json.dumps(doc, indent=1)


def bench_aif(tmp: Path):
    m, best, median = _timed_read(tmp / "generated.aif.json", aif_nodeset(10_000), 10_000)
    return (
        "AIF nodeset, 10,000 I nodes + RA/CA, L/YA (argmap.read)",
        f"{len(m)} statements, {len(m.relations())} relations, {len(m.actors())} actors",
        best,
        median,
        1.0,
    )


SECTIONS = [bench_kialo, bench_aif]


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
