"""Benchmark argmap's argumentation semantics against pygarg and clingo.

Instances (seeded): ``er_N``, N arguments and 2N distinct random attacks without
self-loops; ``tree_N``, a random recursive tree where argument i attacks a random
earlier argument and is attacked back with probability 0.1 (argument-map-like).
Each measurement runs in its own subprocess and reports wall time (interpreter
start, imports, loading and solving), the in-process time from opening the file
to the answer, and peak memory (``ru_maxrss``).

Tasks: GR (grounded, loading the i23 file included), SE-PR and SE-ST (one
preferred / stable extension), DS-PR (sceptical preferred acceptance of the
first argument the grounded labelling leaves undecided). Peers: ``python -m
pygarg -p TASK -fo apx -f FILE`` and clingo with the encodings in
``benchmarks/peers/`` (written for this benchmark: guess-and-check stable, and
complete labellings made subset-maximal with clingo's domain heuristic).

Usage::

    pip install -e '.[bench]'
    python benchmarks/bench_semantics.py            # ~10 minutes on 2 cores
    python benchmarks/bench_semantics.py --max-n 10000 --no-write
"""

from __future__ import annotations

import argparse
import json
import os
import random
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
PEERS = HERE / "peers"
RESULTS = HERE / "results" / "semantics.md"
SIZES = (1_000, 10_000, 100_000, 1_000_000)
KINDS = ("er", "tree")
# the largest size at which each tool runs each task in the default run
LIMITS = {
    ("argmap", "GR"): 1_000_000,
    ("argmap", "SE-PR"): 1_000_000,
    ("argmap", "SE-ST"): 1_000_000,
    ("argmap", "DS-PR"): 100_000,
    ("clingo", "SE-PR"): 100_000,
    ("clingo", "SE-ST"): 1_000_000,
    ("pygarg", "SE-ST"): 10_000,
    ("pygarg", "SE-PR"): 10_000,
    ("pygarg", "GR"): 1_000,
}


# -- instances ---------------------------------------------------------------------------


def make_attacks(kind: str, n: int, seed: int = 1) -> list[tuple[int, int]]:
    rng = random.Random(seed)
    if kind == "er":
        edges: set[tuple[int, int]] = set()
        while len(edges) < 2 * n:
            a, b = rng.randrange(n), rng.randrange(n)
            if a != b:
                edges.add((a, b))
        return sorted(edges)
    edges = set()
    for i in range(1, n):
        parent = rng.randrange(i)
        edges.add((i, parent))
        if rng.random() < 0.1:
            edges.add((parent, i))
    return sorted(edges)


def instance(workdir: Path, kind: str, n: int) -> tuple[Path, Path]:
    i23, apx = workdir / f"{kind}_{n}.i23", workdir / f"{kind}_{n}.apx"
    if not (i23.exists() and apx.exists()):
        attacks = make_attacks(kind, n)
        with open(i23, "w") as f:
            f.write(f"p af {n}\n")
            f.writelines(f"{a + 1} {b + 1}\n" for a, b in attacks)
        with open(apx, "w") as f:
            f.writelines(f"arg(a{i + 1}).\n" for i in range(n))
            f.writelines(f"att(a{a + 1},a{b + 1}).\n" for a, b in attacks)
    return i23, apx


# -- workers (one per subprocess) ----------------------------------------------------------


def _rss_mb(who=resource.RUSAGE_SELF) -> float:
    return resource.getrusage(who).ru_maxrss / 1024


def work_argmap(task: str, path: str) -> dict:
    from argmap.analysis import semantics as sem
    from argmap.formats.iccma import read_af

    query = None
    if task == "DS-PR":  # pick the query before timing: the first undecided argument
        af = read_af(path)
        labels = sem._grounded_labels(af)
        first = labels.find(0)
        query = af.name(first if first >= 0 else 0)
        del af
    t0 = time.perf_counter()
    af = read_af(path)
    t1 = time.perf_counter()
    if task == "GR":
        size = len(sem.grounded_extension(af))
    elif task == "DS-PR":
        size = int(sem.is_sceptically_accepted(af, query, "PR").accepted)
    else:
        ext = sem.find_extension(af, task[3:])
        size = -1 if ext is None else len(ext)
    t2 = time.perf_counter()
    return {"load": t1 - t0, "solve": t2 - t1, "inproc": t2 - t0, "result": size}


def work_clingo(task: str, path: str) -> dict:
    import clingo

    encoding = PEERS / ("stable.lp" if task == "SE-ST" else "preferred.lp")
    args = ["--models=1"]
    if task == "SE-PR":
        args += ["--heuristic=Domain", "--enum-mode=domRec"]
    sizes: list[int] = []
    t0 = time.perf_counter()
    ctl = clingo.Control(args)
    ctl.load(str(encoding))
    ctl.load(path)
    ctl.ground([("base", [])])
    t1 = time.perf_counter()
    ctl.solve(on_model=lambda m: sizes.append(sum(1 for s in m.symbols(shown=True))))
    t2 = time.perf_counter()
    return {
        "load": t1 - t0,
        "solve": t2 - t1,
        "inproc": t2 - t0,
        "result": sizes[-1] if sizes else -1,
    }


def work_pygarg(task: str, path: str, cap: float) -> dict:
    t0 = time.perf_counter()
    out = subprocess.run(
        [sys.executable, "-m", "pygarg", "-p", "SE-GR" if task == "GR" else task]
        + ["-fo", "apx", "-f", path],
        capture_output=True,
        text=True,
        timeout=cap,
    )
    t1 = time.perf_counter()
    words = out.stdout.split()
    if (
        out.returncode != 0
        or not words
        or not (words[0] in ("w", "NO", "YES") or words[0][0] == "[")
    ):
        raise RuntimeError(f"pygarg gave no answer: {(out.stdout + out.stderr)[-80:]!r}")
    return {"load": None, "solve": None, "inproc": t1 - t0, "result": len(words) - 1, "child": True}


def worker(tool: str, task: str, path: str, cap: float) -> None:
    if tool == "argmap":
        data = work_argmap(task, path)
    elif tool == "clingo":
        data = work_clingo(task, path)
    else:
        data = work_pygarg(task, path, cap)
    data["rss_mb"] = _rss_mb(
        resource.RUSAGE_CHILDREN if data.get("child") else resource.RUSAGE_SELF
    )
    print(json.dumps(data))


# -- the driver --------------------------------------------------------------------------


def measure(tool: str, task: str, path: Path, cap: float) -> dict:
    cmd = [sys.executable, __file__, "--worker", tool, task, str(path), str(cap)]
    t0 = time.perf_counter()
    try:
        out = subprocess.run(cmd, capture_output=True, text=True, timeout=cap + 5)
    except subprocess.TimeoutExpired:
        return {"status": f"timeout >{cap:.0f}s"}
    wall = time.perf_counter() - t0
    if out.returncode != 0 or not out.stdout.strip():
        last = (out.stderr.strip().splitlines() or ["?"])[-1]
        status = f"timeout >{cap:.0f}s" if "TimeoutExpired" in last else f"error: {last[:60]}"
        return {"status": status}
    data = json.loads(out.stdout.strip().splitlines()[-1])
    data["wall"] = wall
    data["status"] = "ok"
    return data


def fmt_time(x) -> str:
    return "" if x is None else f"{x:.2f}"


def run(max_n: int, cap: float, workdir: Path, tools: list[str]) -> list[dict]:
    rows = []
    failed: set[tuple[str, str, str]] = set()
    for n in [s for s in SIZES if s <= max_n]:
        for kind in KINDS:
            i23, apx = instance(workdir, kind, n)
            for task in ("GR", "SE-PR", "SE-ST", "DS-PR"):
                for tool in tools:
                    if LIMITS.get((tool, task), 0) < n or (tool, task, kind) in failed:
                        continue
                    path = i23 if tool == "argmap" else apx
                    row = {"tool": tool, "task": task, "instance": f"{kind}_{n}", "n": n}
                    row.update(measure(tool, task, path, cap))
                    if row["status"] != "ok":
                        failed.add((tool, task, kind))  # do not try larger sizes
                    rows.append(row)
                    print(_line(row), flush=True)
    return rows


def _line(row: dict) -> str:
    return (
        f"{row['tool']:7} {row['task']:6} {row['instance']:13} "
        f"{row['status'] if row['status'] != 'ok' else '':16}"
        f"wall={fmt_time(row.get('wall')):>7} inproc={fmt_time(row.get('inproc')):>7} "
        f"load={fmt_time(row.get('load')):>6} rss={row.get('rss_mb', 0):7.0f}MB "
        f"result={row.get('result', '')}"
    )


def table(rows: list[dict]) -> str:
    """Markdown: one line per (task, instance), argmap vs peers with ratios of wall times."""
    by = {(r["tool"], r["task"], r["instance"]): r for r in rows}
    keys = []
    for r in rows:
        k = (r["task"], r["instance"], r["n"])
        if k not in keys:
            keys.append(k)
    head = (
        "| task | instance | argmap wall s | argmap load+solve s | argmap MB "
        "| clingo wall s | clingo/argmap wall | clingo load+solve s | clingo/argmap load+solve "
        "| pygarg wall s | pygarg/argmap wall |\n"
        "|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n"
    )
    lines = []
    for task, inst, _ in keys:
        a = by.get(("argmap", task, inst))
        cells = [task, inst]
        if a and a["status"] == "ok":
            cells += [fmt_time(a["wall"]), fmt_time(a["inproc"]), f"{a['rss_mb']:.0f}"]
        else:
            cells += [a["status"] if a else "-", "", ""]
        for peer in ("clingo", "pygarg"):
            p = by.get((peer, task, inst))
            blank = ["-", "", "", ""] if peer == "clingo" else ["-", ""]
            if p is None:
                cells += blank
            elif p["status"] != "ok":
                cells += [p["status"], *blank[1:]]
            else:
                ok = a is not None and a["status"] == "ok"
                cells += [fmt_time(p["wall"]), f"{p['wall'] / a['wall']:.1f}x" if ok else ""]
                if peer == "clingo":
                    ratio = f"{p['inproc'] / a['inproc']:.1f}x" if ok else ""
                    cells += [fmt_time(p["inproc"]), ratio]
        lines.append("| " + " | ".join(cells) + " |")
    return head + "\n".join(lines) + "\n"


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--max-n", type=int, default=1_000_000, help="largest framework size")
    parser.add_argument("--cap", type=float, default=30.0, help="time cap per run, seconds")
    parser.add_argument("--tools", default="argmap,clingo,pygarg")
    parser.add_argument("--workdir", default=os.path.join(tempfile.gettempdir(), "argmap-bench"))
    parser.add_argument("--no-write", action="store_true", help="do not update results/")
    parser.add_argument("--worker", nargs=4, metavar=("TOOL", "TASK", "FILE", "CAP"))
    args = parser.parse_args(argv)
    if args.worker:
        tool, task, path, cap = args.worker
        worker(tool, task, path, float(cap))
        return 0
    workdir = Path(args.workdir)
    workdir.mkdir(parents=True, exist_ok=True)
    started = time.time()
    rows = run(args.max_n, args.cap, workdir, args.tools.split(","))
    text = table(rows)
    print()
    print(text)
    if not args.no_write:
        RESULTS.parent.mkdir(parents=True, exist_ok=True)
        import platform

        versions = _versions()
        RESULTS.write_text(
            "# Semantics benchmark\n\n"
            f"`python benchmarks/bench_semantics.py --max-n {args.max_n} --cap {args.cap:.0f}` "
            f"on {os.cpu_count()} cores, Python {platform.python_version()}, {versions}; "
            f"{time.time() - started:.0f} s in all; load average at the end "
            f"{os.getloadavg()[0]:.1f} (other processes share the cores).\n\n"
            "wall = one subprocess: interpreter start, imports, loading the file and solving "
            "(argmap reads i23, the peers apx). load+solve = in-process time from opening the "
            "file to the answer. MB = peak resident memory. Ratios are peer wall / argmap wall.\n\n"
            + text
        )
    return 0


def _versions() -> str:
    from importlib.metadata import PackageNotFoundError, version

    parts = []
    for pkg in ("python-sat", "numpy", "clingo", "pygarg"):
        try:
            parts.append(f"{pkg} {version(pkg)}")
        except PackageNotFoundError:
            parts.append(f"{pkg} absent")
    return ", ".join(parts)


if __name__ == "__main__":
    raise SystemExit(main())
