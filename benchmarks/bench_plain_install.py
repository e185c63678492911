"""``argmap solve -p SE-GR`` on a plain install: before numpy was core, and now.

Issue 11, part 1. Before, ``pip install argmap`` brought no numpy and the solver
took its pure-Python paths; now numpy is a core dependency. This benchmark runs
the same i23 file (``er_N`` of ``bench_semantics.py``: N arguments, 2N random
attacks) through two source trees in alternation, in the same run:

* *before*: an older ``src/`` tree (``--before DIR``, e.g. made with
  ``git archive 58c14b5 src | tar -x -C /tmp/before``) with numpy hidden, as on a
  plain install of that version (a stub package that raises ImportError);
* *after*: this tree's ``src/``, numpy importable.

Each run is a fresh ``python -m argmap solve`` process, timed from start to exit.
Usage::

    python benchmarks/bench_plain_install.py --before /tmp/before/src --n 1000000 --runs 3
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from bench_semantics import instance  # noqa: E402

HERE = Path(__file__).resolve().parent
SRC = HERE.parent / "src"


def _run(src: Path, file: Path, hide_numpy: Path | None) -> float:
    path = [str(src)] + ([str(hide_numpy)] if hide_numpy else [])
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(reversed(path))}
    cmd = [sys.executable, "-m", "argmap", "solve", "-p", "SE-GR", "-f", str(file)]
    start = time.perf_counter()
    subprocess.run(cmd, env=env, check=True, stdout=subprocess.DEVNULL)
    return time.perf_counter() - start


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--before", type=Path, required=True, help="the older src/ tree")
    parser.add_argument("--n", type=int, default=1_000_000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--workdir", type=Path, default=Path(tempfile.gettempdir()) / "argmap-af")
    args = parser.parse_args(argv)
    args.workdir.mkdir(parents=True, exist_ok=True)
    file, _ = instance(args.workdir, "er", args.n)
    stub = args.workdir / "no-numpy"
    (stub / "numpy").mkdir(parents=True, exist_ok=True)
    (stub / "numpy" / "__init__.py").write_text("raise ImportError('numpy hidden')\n")
    before, after = [], []
    for _ in range(args.runs):
        before.append(_run(args.before, file, stub))
        after.append(_run(SRC, file, None))
    b, a = statistics.median(before), statistics.median(after)
    print(f"`argmap solve -p SE-GR` on er_{args.n} ({file.stat().st_size / 1e6:.0f} MB i23), "
          f"{args.runs} alternating runs, load average {os.getloadavg()[0]:.1f}\n")
    print("| install | runs (s) | median (s) |")
    print("|---|---|---|")
    print(f"| before (no numpy) | {', '.join(f'{x:.2f}' for x in before)} | {b:.2f} |")
    print(f"| after (numpy core) | {', '.join(f'{x:.2f}' for x in after)} | {a:.2f} |")
    print(f"\nspeed-up: {b / a:.1f}x")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
