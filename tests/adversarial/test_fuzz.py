"""Fuzz every reader with generated and mutated bytes, under memory and CPU limits.

Each format runs in its own subprocess (``fuzz_worker.py``) with ``RLIMIT_AS`` at
1.5 GiB and ``RLIMIT_CPU`` at 60 s, so that a hang or a memory blow-up fails the test
instead of taking the machine down. Only argmap errors may escape a reader; the
worker's Hypothesis run prints the shrunk input otherwise. The default run tries
150 inputs per format (about half a minute for all); the ``slow`` run 1,500 with
another seed (CI runs both).
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

HERE = Path(__file__).resolve().parent
SRC = HERE.parents[1] / "src"
WORKER = HERE / "fuzz_worker.py"
FORMATS = (
    "yaml",
    "json",
    "kialo",
    "argdown",
    "aif",
    "ova3",
    "xaif",
    "sadface",
    "graphml",
    "node-link",
    "i23",
    "apx",
    "tgf",
)
MEMORY = 1536 * 2**20
CPU_SECONDS = 60

resource = pytest.importorskip("resource")  # POSIX only


def _limits() -> None:  # runs in the child, before exec
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY, MEMORY))
    resource.setrlimit(resource.RLIMIT_CPU, (CPU_SECONDS, CPU_SECONDS))


def _fuzz(fmt: str, examples: int, seed: int) -> None:
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(SRC), env.get("PYTHONPATH")]))
    proc = subprocess.run(
        [sys.executable, str(WORKER), fmt, str(examples), str(seed)],
        capture_output=True,
        text=True,
        env=env,
        preexec_fn=_limits,
        timeout=CPU_SECONDS * 3,  # wall clock: a sleeping hang
    )
    if proc.returncode < 0:
        pytest.fail(
            f"{fmt}: the reader was killed by signal {-proc.returncode} (the CPU or memory "
            f"limit: a hang or a blow-up)\n{proc.stderr[-3000:]}"
        )
    assert proc.returncode == 0, f"{fmt}: a non-argmap error escaped\n{proc.stderr[-6000:]}"
    assert "only argmap errors" in proc.stdout


@pytest.mark.parametrize("fmt", FORMATS)
def test_fuzz_reader(fmt):
    _fuzz(fmt, 150, 0)


@pytest.mark.slow
@pytest.mark.parametrize("fmt", FORMATS)
def test_fuzz_reader_long(fmt):
    _fuzz(fmt, 1500, 1)
