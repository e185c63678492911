"""Scaling of the input shapes that were quadratic or recursive (issue 9).

Each shape is timed at n, 2n and 4n; the ratio of consecutive times shows the
growth (about 2 for linear, about 4 for quadratic). Run::

    python benchmarks/bench_hardening.py            # writes benchmarks/results/hardening.md
    python benchmarks/bench_hardening.py --small --out -   # small sizes, to stdout

``--small`` uses sizes that old, quadratic code still finishes in seconds (the
"before" figures in the results file were measured that way, with
``PYTHONPATH`` pointing at the old sources).
"""

from __future__ import annotations

import argparse
import json
import platform
import sys
import time
import tracemalloc
import warnings
from pathlib import Path

import argmap
from argmap.formats.native import map_from_data
from argmap.io import loads

HERE = Path(__file__).resolve().parent
RESULTS = HERE / "results" / "hardening.md"


def _undercut_chain(n: int) -> dict:
    """An objection, then ``n`` objections each undercutting the previous relation."""
    st = [
        {"id": "c", "kind": "claim", "text": "C."},
        {"id": "o0", "kind": "objection", "text": "O."},
    ]
    rel = [{"id": "r0", "from": "o0", "to": "c", "kind": "objects"}]
    for i in range(1, n + 1):
        st.append({"id": f"u{i}", "kind": "objection", "text": f"U{i}."})
        rel.append({"id": f"r{i}", "from": f"u{i}", "to": f"r{i - 1}", "kind": "undercuts"})
    return {"argmap": 1, "statements": st, "relations": rel}


def _dangling(n: int) -> dict:
    """``n`` supports whose targets are misspelt ids (each close to a real one)."""
    st = [{"id": f"statement-{i}", "kind": "claim", "text": "C."} for i in range(n)]
    rel = [
        {"from": f"statement-{i}", "to": f"statment-{i}", "kind": "supports"} for i in range(n)
    ]
    return {"argmap": 1, "statements": st, "relations": rel}


def _reverse_chain(n: int) -> argmap.ArgumentMap:
    """A chain of ``n`` supporting claims, listed from the last to the first."""
    st = [{"id": f"s{i}", "kind": "claim", "text": f"S{i}."} for i in reversed(range(n))]
    rel = [
        {"from": f"s{i + 1}", "to": f"s{i}", "kind": "supports"} for i in reversed(range(n - 1))
    ]
    return map_from_data({"argmap": 1, "statements": st, "relations": rel})


def _aif_conflict_chain(n: int) -> str:
    """AIF: ``n`` CA nodes, each attacking the previous CA, listed in reverse order."""
    nodes = [{"nodeID": "i0", "text": "Claim.", "type": "I"}]
    edges = []
    prev = "i0"
    for k in range(1, n + 1):
        nodes.append({"nodeID": f"i{k}", "text": f"Attack {k}.", "type": "I"})
        nodes.append({"nodeID": f"ca{k}", "text": "Default Conflict", "type": "CA"})
        edges.append({"edgeID": f"e{k}a", "fromID": f"i{k}", "toID": f"ca{k}"})
        edges.append({"edgeID": f"e{k}b", "fromID": f"ca{k}", "toID": prev})
        prev = f"ca{k}"
    nodes.reverse()
    edges.reverse()
    return json.dumps({"nodes": nodes, "edges": edges, "locutions": []})


def _sadface_conflict_chain(n: int) -> str:
    """SADFace 0.5: ``n`` conflict nodes, each attacking the previous one, reversed."""
    nodes = [{"id": "a0", "type": "atom", "text": "Claim."}]
    edges = []
    prev = "a0"
    for k in range(1, n + 1):
        nodes.append({"id": f"a{k}", "type": "atom", "text": f"Attack {k}."})
        nodes.append({"id": f"c{k}", "type": "conflict", "name": "conflict"})
        edges.append({"id": f"e{k}a", "source_id": f"a{k}", "target_id": f"c{k}"})
        edges.append({"id": f"e{k}b", "source_id": f"c{k}", "target_id": prev})
        prev = f"c{k}"
    nodes.reverse()
    edges.reverse()
    data = {"metadata": {"core": {"id": "x", "version": "0.5"}}, "nodes": nodes, "edges": edges}
    return json.dumps(data)


def _api_chain(n: int) -> int:
    return n


def _build_api_chain(n: int) -> None:
    """Through the API: each new objection undercuts the previous (id-less) relation."""
    m = argmap.ArgumentMap()
    m.claim("C.", id="c")
    m.objection("O.", id="o0", against="c")
    target = m.relations_from("o0")[0]
    for i in range(1, n + 1):
        m.objection(f"U{i}.", id=f"u{i}", against=target)
        target = m.relations_from(f"u{i}")[0]


def _check(data: dict) -> None:
    from argmap.analysis.dialectic import objection_statuses

    objection_statuses(map_from_data(data))


def _validate(data: dict) -> None:
    try:
        map_from_data(data)
    except argmap.MapValidationError:
        pass


def _load(fmt: str):
    def run(text: str) -> None:
        try:
            loads(text, format=fmt)
        except RecursionError:
            raise SystemExit(f"{fmt}: RecursionError") from None

    return run


#: name -> (build input of size n, run on it, n of the full run, n of --small)
SHAPES = {
    "load + check, chain of n undercuts": (_undercut_chain, _check, 2500, 500),
    "API build, chain of n undercuts of id-less relations": (
        _api_chain,
        _build_api_chain,
        2500,
        500,
    ),
    "validate, n dangling ids with close matches": (_dangling, _validate, 1000, 150),
    "OVA3 export, chain of n claims in reverse order": (
        _reverse_chain,
        lambda m: argmap.dumps(m, format="ova3"),
        5000,
        500,
    ),
    "AIF import, n conflicts on conflicts (reversed)": (
        _aif_conflict_chain,
        _load("aif"),
        2500,
        200,
    ),
    "SADFace import, n conflicts on conflicts (reversed)": (
        _sadface_conflict_chain,
        _load("sadface"),
        2500,
        200,
    ),
}


def measure(small: bool) -> list[tuple[str, list[tuple[int, float, float]]]]:
    """For each shape: [(n, seconds, peak MiB)] at n, 2n, 4n."""
    out = []
    for name, (build, run, n_full, n_small) in SHAPES.items():
        n0 = n_small if small else n_full
        rows = []
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            run(build(10))  # warm-up: imports and caches
        for n in (n0, 2 * n0, 4 * n0):
            data = build(n)
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                t = time.perf_counter()
                run(data)
                dt = time.perf_counter() - t
                tracemalloc.start()  # a second run, for the memory peak only
                run(data)
                peak = tracemalloc.get_traced_memory()[1] / 2**20
                tracemalloc.stop()
            rows.append((n, dt, peak))
            print(f"{name}: n={n}: {dt:.3f} s, peak {peak:.1f} MiB", file=sys.stderr)
        out.append((name, rows))
    return out


def table(results) -> str:
    lines = [
        "| shape | n | time | ×(2n/n) | peak memory |",
        "|---|---|---|---|---|",
    ]
    for name, rows in results:
        prev = None
        for n, dt, peak in rows:
            ratio = "" if prev is None else f"{dt / prev:.1f}"
            lines.append(f"| {name} | {n:,} | {dt:.3f} s | {ratio} | {peak:.1f} MiB |")
            prev = dt
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--small", action="store_true", help="small sizes (for old, slow code)")
    ap.add_argument("--out", default=str(RESULTS), help="results file, or - for stdout")
    args = ap.parse_args(argv)
    results = measure(args.small)
    head = (
        "# bench_hardening: scaling of the shapes that were quadratic or recursive\n\n"
        f"argmap {argmap.__version__}, Python {platform.python_version()}, "
        "one timed run each after a warm-up; the memory peak from a second run under tracemalloc.\n"
        "Run with `python benchmarks/bench_hardening.py`. A ratio near 2 is linear, "
        "near 4 quadratic.\n\n"
    )
    text = head + table(results)
    if args.out == "-":
        sys.stdout.write(text)
    else:
        Path(args.out).write_text(text, encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
