"""What the resource limits cost on valid input: ``argmap.load`` of a 10,000-statement map.

Run ``python benchmarks/bench_limits.py [BASELINE_SRC]``. It writes a generated map
(10,000 statements, about 10,000 relations, tags, sources and ``meta`` on some) as
native JSON and YAML to a temporary folder and times ``argmap.load`` on each, in a
fresh interpreter per code base, alternating runs: the first load (with the imports
and pydantic's schema building) and a second one in the same interpreter.
``BASELINE_SRC`` is the ``src`` folder of another checkout (e.g. the commit before the
limits, extracted with ``git archive``); with it, the table gives both and their
ratio, measured in the same run. Results go to stdout and ``benchmarks/results/limits.md``.
"""

from __future__ import annotations

import json
import os
import random
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
SRC = HERE.parent / "src"
RESULTS = HERE / "results" / "limits.md"
N = 10_000
REPEAT = 5

_TIMER = """
import sys, time
import argmap
path = sys.argv[1]
t = time.perf_counter()
m = argmap.load(path)
if len(sys.argv) > 2:  # warm: the second load in the same interpreter
    t = time.perf_counter()
    m = argmap.load(path)
print(time.perf_counter() - t)
"""


_ANALYZE = """
import sys, time
import argmap
from argmap.model import Relation
n, cap = int(sys.argv[1]), int(sys.argv[2])
m = argmap.ArgumentMap()
for i in range(n):
    m.claim(f"S{i}.", id=f"s{i}")
pairs = [(i, j) for i in range(n) for j in range(i + 1, n)]
rels = tuple(Relation(from_=f"s{i}", to=f"s{j}", kind="contradicts") for i, j in pairs)
m = argmap.ArgumentMap.from_document(m.to_document().model_copy(update={"relations": rels}))
t = time.perf_counter()
argmap.analyze(m, strength=None, max_extensions=cap)
print(time.perf_counter() - t)
"""
HARD = (40, 80, 160)
"""Sizes of the hard analysis: n statements that all contradict each other have n
preferred extensions, more than ``max_extensions=10``, so labels come from queries."""


def generate(n: int = N, *, seed: int = 9) -> dict:
    """Native-format data: ``n`` statements, each but the first attacking or supporting one."""
    rng = random.Random(seed)
    kinds = ("claim", "objection", "rebuttal", "evidence")
    statements, relations = [], []
    for i in range(n):
        kind = "claim" if i == 0 else rng.choice(kinds)
        s = {"id": f"s{i}", "kind": kind, "text": f"Statement {i} says something about x{i}."}
        if rng.random() < 0.3:
            s["tags"] = ["t" + str(rng.randrange(20)), "topic"]
        if rng.random() < 0.2:
            s["source"] = {"title": "A source", "date": "2024-05-01"}
        if rng.random() < 0.1:
            s["meta"] = {"imported": {"from": "aif", "n": i, "list": [1, 2.5, "x"]}}
        if rng.random() < 0.1:
            s["weight"] = 0.5
        statements.append(s)
        if i:
            j = rng.randrange(i)
            target = statements[j]
            if kind == "objection" and target["kind"] != "objection":
                rel = "objects"
            elif kind == "rebuttal" and target["kind"] == "objection":
                rel = "rebuts"
            elif kind in ("objection", "rebuttal"):
                rel = "contradicts"
            else:
                rel = "supports"
            relations.append({"from": s["id"], "to": target["id"], "kind": rel})
    return {"argmap": 1, "title": "Generated", "statements": statements, "relations": relations}


def _run(src: Path, code: str, *args: str) -> float:
    env = dict(os.environ, PYTHONPATH=str(src))
    out = subprocess.run(
        [sys.executable, "-c", code, *args], env=env, capture_output=True, text=True, check=True
    )
    return float(out.stdout.strip())


def main(argv: list[str]) -> None:
    import yaml

    baseline = Path(argv[0]).resolve() if argv else None
    data = generate()
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        files = {
            "JSON": Path(tmp, "map.json"),
            "YAML": Path(tmp, "map.yaml"),
        }
        files["JSON"].write_text(json.dumps(data, indent=2))
        files["YAML"].write_text(yaml.safe_dump(data, sort_keys=False))
        runs = [(f"{name}, {when}", path, when) for name, path in files.items()
                for when in ("first load", "second load")]
        for name, path, when in runs:
            extra = ("warm",) if when == "second load" else ()
            new, old = [], []
            for _ in range(REPEAT):
                new.append(_run(SRC, _TIMER, str(path), *extra))
                if baseline:
                    old.append(_run(baseline, _TIMER, str(path), *extra))
            row = [name, f"{min(new):.3f} s", f"{statistics.median(new):.3f} s"]
            if baseline:
                row += [f"{min(old):.3f} s", f"{statistics.median(old):.3f} s",
                        f"{min(new) / min(old):.2f}"]
            rows.append(row)
    hard = []
    if baseline:
        for n in HARD:
            new = min(_run(SRC, _ANALYZE, str(n), "10") for _ in range(2))
            old = min(_run(baseline, _ANALYZE, str(n), "10") for _ in range(2))
            hard.append([str(n), f"{new:.2f} s", f"{old:.2f} s", f"{old / new:.0f}x"])
    head = ["format, load", "limits: best", "limits: median"]
    if baseline:
        head += ["baseline: best", "baseline: median", "ratio (best/best)"]
    lines = [
        "# bench_limits: argmap.load of a 10,000-statement map, with and without the limits",
        "",
        f"Python {sys.version.split()[0]}, best and median of {REPEAT} runs, each in a fresh "
        "interpreter, runs alternating. Run with "
        "`python benchmarks/bench_limits.py BASELINE_SRC`.",
        "",
        "| " + " | ".join(head) + " |",
        "|" + "---|" * len(head),
        *("| " + " | ".join(r) + " |" for r in rows),
        "",
    ]
    if hard:
        lines += [
            "## analyze on n mutually contradicting statements, max_extensions=10",
            "",
            "n preferred extensions, more than max_extensions: labels come from acceptance "
            "queries. Before, each query built its own SAT instance of the part (n^2 "
            "clauses); now one incremental instance answers all of a part's credulous "
            "queries. Best of 2, strengths off.",
            "",
            "| n | now | baseline | speed-up |",
            "|---|---|---|---|",
            *("| " + " | ".join(r) + " |" for r in hard),
            "",
        ]
    text = "\n".join(lines)
    print(text)
    if baseline:
        RESULTS.write_text(text)


if __name__ == "__main__":
    main(sys.argv[1:])
