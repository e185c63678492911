"""Helpers several test modules share: external programs and limited child processes.

``tests/`` is on ``sys.path`` (see ``conftest.py``), so any test imports these as
``from support import ...``.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

CHROMIUM = shutil.which("chromium") or (
    "/usr/bin/chromium" if Path("/usr/bin/chromium").exists() else None
)
"""Debian's Chromium, driven through Playwright (never a browser of Playwright's own)."""

CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
"""Flags for a quiet headless Chromium that makes no request of its own."""


def argdown_cli() -> str | None:
    """The Argdown CLI that ``scripts/test.sh`` installs into ``.tools``, else one on PATH."""
    local = ROOT / ".tools" / "node_modules" / ".bin" / "argdown"
    if local.exists():
        return str(local)
    return shutil.which("argdown")


def run_limited(
    code: str, cpu_seconds: int = 20, memory_bytes: int | None = None
) -> subprocess.CompletedProcess:
    """Run Python code in a child with a CPU-time limit (a hang becomes a kill, not a
    stall) and, given ``memory_bytes``, an address-space limit (a blow-up becomes a
    MemoryError, not a swapping machine)."""
    prelude = (
        "import resource\n"
        f"resource.setrlimit(resource.RLIMIT_CPU, ({cpu_seconds}, {cpu_seconds}))\n"
    )
    if memory_bytes is not None:
        prelude += f"resource.setrlimit(resource.RLIMIT_AS, ({memory_bytes}, {memory_bytes}))\n"
    env = dict(os.environ, PYTHONPATH=str(ROOT / "src"))
    return subprocess.run(
        [sys.executable, "-c", prelude + textwrap.dedent(code)],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )
