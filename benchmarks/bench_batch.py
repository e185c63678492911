"""Benchmark: ``argmap.batch("analyze")`` over generated AIF maps, serially, ``jobs=2``, Dask.

The maps are AIF JSON files written by argmap's AIF writer from generated maps
(claims, reasons, objections, rebuttals, evidence). Their sizes are drawn like
the AIF files in ``../shared/corpus/aif``: the number of I-nodes of a random
corpus file, times a log-normal factor (sigma 0.3), at least 2. Without that
folder, sizes come from a fixed distribution (log-normal, median 9, sigma 0.8,
at most 200), and the report says so.

The same files are analysed three ways in one run: in this process (serial),
with ``jobs=2`` worker processes, and on a ``LocalCluster(n_workers=2,
processes=True, threads_per_worker=1)`` (cluster start-up not timed; worker
start-up is, for ``jobs=2``, since every batch starts its own). Reports
throughput (maps/s) and the speed-up over serial, and checks that the three
tables agree row for row. Writes ``benchmarks/results/batch.md``.

Run: ``python benchmarks/bench_batch.py`` (``--n 10000``, the default).
"""

from __future__ import annotations

import argparse
import json
import logging
import os
import platform
import random
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
RESULTS = HERE / "results" / "batch.md"
CORPUS = HERE.parent.parent / "shared" / "corpus" / "aif"
WORDS = "policy trade risk summit treaty alliance security dialogue pressure region".split()


def corpus_sizes(corpus: Path = CORPUS) -> list[int] | None:
    """I-node counts of the AIF files in the shared corpus, or None when it is absent."""
    if not corpus.is_dir():
        return None
    sizes = []
    for path in sorted(corpus.glob("*.json")):
        data = json.loads(path.read_text(encoding="utf-8"))
        data = data.get("AIF", data)
        nodes = data.get("nodes", []) if isinstance(data, dict) else []
        count = sum(1 for n in nodes if isinstance(n, dict) and n.get("type") == "I")
        if count:
            sizes.append(count)
    return sizes or None


def draw_size(rng: random.Random, sizes: list[int] | None) -> int:
    if sizes:
        return max(2, round(rng.choice(sizes) * rng.lognormvariate(0, 0.3)))
    return max(2, min(200, round(9 * rng.lognormvariate(0, 0.8))))


def make_map(n: int, rng: random.Random, title: str):
    from argmap import ArgumentMap

    def text():
        return " ".join(rng.choice(WORDS) for _ in range(rng.randint(5, 14))).capitalize() + "."

    m = ArgumentMap()  # AIF holds no title
    claims = [m.claim(text(), id="s0")]
    objections = []
    for i in range(1, n):
        roll = rng.random()
        if roll < 0.45:
            claims.append(m.claim(text(), id=f"s{i}", supports=rng.choice(claims)))
        elif roll < 0.7 or not objections:
            objections.append(m.objection(text(), id=f"s{i}", against=rng.choice(claims)))
        elif roll < 0.85:
            m.rebuttal(text(), id=f"s{i}", against=rng.choice(objections))
        else:
            m.evidence(text(), id=f"s{i}", supports=rng.choice(claims))
    return m


def generate(
    workdir: Path, count: int, seed: int = 1, corpus: Path = CORPUS
) -> tuple[Path, list[int], bool]:
    import warnings

    from argmap.formats import get_format

    warnings.simplefilter("ignore")  # AIF has no kinds: the writer says so for every map
    sizes = corpus_sizes(corpus)
    folder = workdir / f"aif-{count}-{seed}-{'corpus' if sizes else 'fixed'}"
    rng = random.Random(seed)
    drawn = [draw_size(rng, sizes) for _ in range(count)]
    if not (folder / "done").exists():
        folder.mkdir(parents=True, exist_ok=True)
        write = get_format("aif").write
        for k, n in enumerate(drawn):
            sub = folder / f"{k // 1000:02}"
            sub.mkdir(exist_ok=True)
            m = make_map(n, rng, f"Generated map {k}")
            (sub / f"map{k:05}.json").write_text(write(m), encoding="utf-8")
        (folder / "done").write_text("ok")
    return folder, drawn, sizes is not None


def strip(rows):
    return [{k: v for k, v in r.items() if k != "seconds"} for r in rows]


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=10_000, help="number of maps (10,000)")
    default_dir = Path(tempfile.gettempdir()) / "argmap-batch"
    parser.add_argument("--workdir", type=Path, default=default_dir)
    parser.add_argument("--corpus", type=Path, default=CORPUS, help="AIF files to mimic")
    parser.add_argument("--rounds", type=int, default=2, help="runs of each mode (best counts)")
    args = parser.parse_args(argv)

    from argmap import batch

    t0 = time.perf_counter()
    folder, drawn, from_corpus = generate(args.workdir, args.n, corpus=args.corpus)
    gen = time.perf_counter() - t0
    print(f"{args.n} maps in {folder} ({gen:.1f} s)", file=sys.stderr)
    import dask
    from distributed import Client, LocalCluster

    names = ("serial (in-process)", "`jobs=2` (worker processes)",
             "Dask `LocalCluster`, 2 workers")
    times: dict[str, list[float]] = {name: [] for name in names}
    tables = {}
    with dask.config.set({"distributed.worker.daemon": True}):
        cluster = LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                               dashboard_address=None, silence_logs=logging.ERROR)
        client = Client(cluster)
        try:
            client.wait_for_workers(2)
            client.run(lambda: __import__("argmap.corpus"))  # imports, as jobs=2 pays for
            for _ in range(args.rounds):  # alternating, so a busy spell hits every mode
                for name, kwargs in zip(names, ({}, {"jobs": 2}, {"client": client}),
                                        strict=True):
                    result = batch([folder], "analyze", progress=False, **kwargs)
                    times[name].append(result.seconds)
                    tables[name] = result
                    print(f"{name}: {result.seconds:.1f} s", file=sys.stderr)
        finally:
            client.close()
            cluster.close()
    serial, jobs, on_dask = (tables[name] for name in names)
    agree = strip(serial) == strip(jobs) == strip(on_dask)
    statements = sum(r["statements"] or 0 for r in serial)
    mean = sum(drawn) / len(drawn)
    median = sorted(drawn)[len(drawn) // 2]
    import distributed

    lines = [
        "# Batch benchmark: analysing a corpus of AIF maps",
        "",
        f"`python benchmarks/bench_batch.py --n {args.n}`: {args.n:,} generated AIF maps "
        f"({statements:,} statements; {median} I-nodes median, {mean:.1f} mean, "
        f"{max(drawn)} at most), sizes drawn "
        + (f"like the AIF files in `../shared/corpus/aif` (I-node counts "
           f"{corpus_sizes(args.corpus)}, times a log-normal factor, sigma 0.3)" if from_corpus else
           "from the fixed fallback distribution (log-normal, median 9; the shared corpus "
           "was absent)")
        + ". Task `analyze` (counts, theses, unanswered objections per thesis, grounded "
        "labelling). Wall-clock time of `argmap.batch`, worker start-up included for "
        "`jobs=2` (every batch spawns its workers), cluster start-up not included for Dask "
        "(a cluster outlives its batches).",
        "",
        f"Machine: {os.cpu_count()} cores, Python {platform.python_version()}, dask "
        f"{distributed.__version__}; load average at the end {os.getloadavg()[0]:.1f} "
        "(other processes share the cores).",
        "",
        f"Each mode ran {args.rounds} times, alternating; the best run counts (all runs "
        "listed: the spread is the machine's load).",
        "",
        "| run | best time (s) | maps/s | speed-up over serial | all runs (s) | failed |",
        "|---|---:|---:|---:|---|---:|",
    ]
    best_serial = min(times[names[0]])
    for name in names:
        best = min(times[name])
        lines.append(
            f"| {name} | {best:.1f} | {args.n / best:.0f} | {best_serial / best:.2f}x "
            f"| {', '.join(f'{t:.1f}' for t in times[name])} | {tables[name].failed} |"
        )
    lines += [
        "",
        "The three tables agree row for row (all columns but `seconds`)."
        if agree else "**The tables differ** (a bug: they must agree).",
        "",
    ]
    RESULTS.write_text("\n".join(lines), encoding="utf-8")
    print("\n".join(lines))
    return 0 if agree else 1


if __name__ == "__main__":
    raise SystemExit(main())
