"""Benchmark: large maps load, check and save (issue 11 part 2).

Generates a map of 40,000 statements (deterministic seed): claims, objections
against them, rebuttals against the objections and objections against the
rebuttals again, in chains (the rule table respected; a few theses). Measures,
in the same run, this checkout and a baseline checkout (``--baseline DIR``, a
source tree such as ``git worktree add /tmp/perf2-base <commit>``; each
measured in its own subprocess with ``PYTHONPATH`` set to its ``src``):

* building the map through the Python API (``m.claim`` / ``m.objection`` /
  ``m.rebuttal``);
* ``argmap.dump`` to JSON and to YAML;
* ``argmap.load`` of the JSON and of the YAML file (each in a fresh process, so
  the first load pays its imports, as a user's ``argmap.load`` does);
* ``m.unanswered_objections()``.

Each figure is the minimum of N runs (the machine is shared: the load average is
reported). Then a scaling table (10^3 .. 10^5 statements) for this checkout.
Writes ``benchmarks/results/large.md``.

Run: ``python benchmarks/bench_large.py --baseline /tmp/perf2-base`` (``--quick``
for 10,000 statements and fewer repeats).
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import platform
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
RESULTS = HERE / "results" / "large.md"
STEPS = ("build", "dump_json", "dump_yaml", "load_json", "load_yaml", "unanswered")
SCALING = ("build", "build_nogc", "dump_json", "load_json", "load_yaml", "unanswered")
TARGETS = {
    "build": 1.5,
    "dump_json": 0.8,
    "load_json": 0.8,
    "load_yaml": 2.5,
    "unanswered": 0.3,
}
LABELS = {
    "build": "build through the Python API",
    "dump_json": "`argmap.dump` JSON",
    "dump_yaml": "`argmap.dump` YAML",
    "load_json": "`argmap.load` JSON",
    "load_yaml": "`argmap.load` YAML",
    "unanswered": "`m.unanswered_objections()`",
    "build_nogc": "build, collector paused",
}
WORDS = (
    "the city should build more bike lanes because traffic is dense and cheap "
    "transport matters to every household while costs rise and budgets shrink"
).split()


def plan(n: int, seed: int = 11) -> list[tuple[str, str, str, str | None, tuple]]:
    """``(kind, id, text, target, tags)`` rows of a map of ``n`` statements.

    A tenth of the statements are claims (some of them theses, some supporting
    another claim); the rest are objections and rebuttals in chains: each new
    attacker picks a recent statement it may attack (an objection attacks a
    claim or rebuttal, a rebuttal an objection), so chains grow deep.
    """
    rng = random.Random(seed)
    rows: list = []
    claims: list[str] = []
    attackable: list[str] = []  # claims and rebuttals
    objections: list[str] = []
    for i in range(n):
        text = " ".join(rng.choice(WORDS) for _ in range(rng.randint(8, 20))) + "."
        sid = f"s{i}"
        r = rng.random()
        if i == 0 or r < 0.1:
            target = claims[rng.randrange(len(claims))] if claims and rng.random() < 0.5 else None
            tags = ("thesis",) if target is None and rng.random() < 0.2 else ()
            rows.append(("claim", sid, text, target, tags))
            claims.append(sid)
            attackable.append(sid)
        elif r < 0.6 or not objections:
            pool = attackable[-50:] if rng.random() < 0.8 else attackable
            rows.append(("objection", sid, text, rng.choice(pool), ()))
            objections.append(sid)
        else:
            pool = objections[-50:] if rng.random() < 0.8 else objections
            rows.append(("rebuttal", sid, text, rng.choice(pool), ()))
            attackable.append(sid)
    return rows


def build(rows):
    import argmap

    m = argmap.ArgumentMap(title="Generated")
    for kind, sid, text, target, tags in rows:
        if kind == "claim":
            m.claim(text, id=sid, supports=target, tags=tags)
        elif kind == "objection":
            m.objection(text, id=sid, against=target)
        else:
            m.rebuttal(text, id=sid, against=target)
    return m


def _best(func, repeat: int) -> tuple[float, object]:
    times, result = [], None
    for _ in range(repeat):
        start = time.perf_counter()
        result = func()
        times.append(time.perf_counter() - start)
        if times[-1] > 5:  # a slow baseline step: once is enough (keeps the run short)
            break
    return min(times), result


def worker(n: int, repeat: int, tmp: str) -> dict[str, float]:
    """Measure each step with the argmap on ``sys.path``; the loads in fresh processes."""
    import argmap

    rows = plan(n)
    out: dict[str, float] = {}
    out["build"], m = _best(lambda: build(rows), repeat)
    gc.disable()  # the same build without the cyclic collector's full passes
    out["build_nogc"], _ = _best(lambda: build(rows), repeat)
    gc.enable()
    js, ym = os.path.join(tmp, "map.json"), os.path.join(tmp, "map.yaml")
    out["dump_json"], _ = _best(lambda: argmap.dump(m, js), repeat)
    out["dump_yaml"], _ = _best(lambda: argmap.dump(m, ym), max(1, repeat - 1))
    out["json_mb"] = os.path.getsize(js) / 1e6
    out["yaml_mb"] = os.path.getsize(ym) / 1e6
    for key, path, rep in (("load_json", js, repeat), ("load_yaml", ym, max(1, repeat - 1))):
        code = (
            "import time, argmap; t = time.perf_counter(); "
            f"m = argmap.load({path!r}); print(time.perf_counter() - t, len(m))"
        )
        times = []
        for _ in range(rep):
            res = subprocess.run(
                [sys.executable, "-c", code], capture_output=True, text=True, check=True
            )
            seconds, count = res.stdout.split()
            assert int(count) == n, (count, n)
            times.append(float(seconds))
        out[key] = min(times)
    loaded = argmap.load(js)
    assert loaded == m
    out["unanswered"], unanswered = _best(lambda: m.unanswered_objections(), repeat)
    out["unanswered_count"] = len(unanswered)
    return out


def run(src: Path, n: int, repeat: int) -> dict[str, float]:
    env = dict(os.environ, PYTHONPATH=str(src))
    with tempfile.TemporaryDirectory() as tmp:
        res = subprocess.run(
            [sys.executable, __file__, "--worker", str(n), "--repeat", str(repeat), "--tmp", tmp],
            env=env,
            capture_output=True,
            text=True,
        )
    if res.returncode:
        raise SystemExit(f"worker failed ({src}):\n{res.stderr}")
    return json.loads(res.stdout.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--baseline", type=Path, help="source tree of the baseline checkout")
    parser.add_argument("--quick", action="store_true")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--worker", type=int, help=argparse.SUPPRESS)
    parser.add_argument("--tmp", help=argparse.SUPPRESS)
    parser.add_argument("--no-scaling", action="store_true")
    args = parser.parse_args()
    if args.worker:
        print(json.dumps(worker(args.worker, args.repeat, args.tmp)))
        return
    n = 10_000 if args.quick else 40_000
    repeat = 2 if args.quick else args.repeat
    load_before = os.getloadavg()
    new = run(ROOT / "src", n, repeat)
    base = run(args.baseline / "src", n, repeat) if args.baseline else None
    scaling = []
    if not args.no_scaling:
        for size in (1_000, 10_000, 40_000, 100_000):
            res = new if size == n else run(ROOT / "src", size, 2 if size > n else repeat)
            scaling.append((size, res))
    load_after = os.getloadavg()
    lines = [
        "# Large maps: load, check, save",
        "",
        f"Python {platform.python_version()}, {platform.machine()}, {os.cpu_count()} cores; "
        f"{n:,} statements ({new['json_mb']:.1f} MB JSON, {new['yaml_mb']:.1f} MB YAML); "
        f"min of {repeat} runs (loads in a fresh process each, imports included); "
        f"load average {load_before[0]:.1f} before, {load_after[0]:.1f} after "
        "(the machine is shared). "
        "`python benchmarks/bench_large.py --baseline DIR`.",
        "",
    ]
    if base:
        lines += [
            "| step | baseline (s) | now (s) | speed-up | target (s) | met |",
            "|---|---:|---:|---:|---:|---|",
        ]
        for step in STEPS:
            target = TARGETS.get(step)
            met = "" if target is None else ("yes" if new[step] < target else "no")
            lines.append(
                f"| {LABELS[step]} | {base[step]:.2f} | {new[step]:.2f} | "
                f"{base[step] / new[step]:.1f}x | {target if target else '-'} | {met} |"
            )
    else:
        lines += ["| step | now (s) |", "|---|---:|"]
        lines += [f"| {LABELS[s]} | {new[s]:.2f} |" for s in STEPS]
    if scaling:
        lines += [
            "",
            "Scaling (this checkout; seconds, and microseconds per statement):",
            "",
            "| statements | " + " | ".join(LABELS[s] for s in SCALING) + " |",
            "|---:|" + "---:|" * len(SCALING),
        ]
        for size, res in scaling:
            cells = [f"{res[s]:.3f} ({res[s] / size * 1e6:.0f} µs)" for s in SCALING]
            lines.append(f"| {size:,} | " + " | ".join(cells) + " |")
    text = "\n".join(lines) + "\n"
    if not args.quick:
        RESULTS.write_text(text, encoding="utf-8")
    print(text)


if __name__ == "__main__":
    main()
