"""The package's types reach its users: mypy checks a user's script against argmap.

argmap ships ``py.typed``; a script that uses the public API as documented must pass
``mypy --strict``, and a wrong call must be reported. The package itself is checked by
``mypy`` from the repository root (the ``[tool.mypy]`` section of pyproject.toml),
which ``scripts/test.sh`` runs in CI.
"""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

pytest.importorskip("mypy", reason="mypy is not installed (pip install -e '.[test]')")

SRC = Path(__file__).resolve().parents[1] / "src"

GOOD = """\
import argmap
from argmap import ArgumentMap, Statement

m: ArgumentMap = argmap.load("x.yaml")
s: Statement = m.get("a")
c = m.claim("Eating out is worth it.", id="eat-out", tags=["thesis"])
o = m.objection("It costs too much.", against=c)
r = m.rebuttal("Lunch menus are cheap.", against=o)
text: str = c.text
ids: list[str] = [x.id for x in argmap.find_unanswered_objections(m, thesis="eat-out")]
labels: dict[str, str] = {k: v for k, v in m.status("grounded").items()}
m.relate(r, c, "supports")
argmap.dump(m, "out.yaml")
af = argmap.argumentation_framework(m)
ext: frozenset[str] | None = argmap.find_extension(af, "preferred")
svg: str = argmap.render_svg(m)
"""


def _mypy(tmp_path: Path, code: str) -> subprocess.CompletedProcess[str]:
    script = tmp_path / "user_script.py"
    script.write_text(textwrap.dedent(code))
    # an empty config: the user's settings, not the project's [tool.mypy]
    config = tmp_path / "mypy.ini"
    config.write_text("[mypy]\n")
    env = dict(os.environ, MYPYPATH=str(SRC))
    return subprocess.run(
        [
            sys.executable,
            "-m",
            "mypy",
            "--strict",
            "--config-file",
            str(config),
            "--no-incremental",
            "--cache-dir",
            os.devnull,
            # argmap's own modules are checked by the project's mypy run; here only
            # the user's script must type-check against them
            "--follow-imports=silent",
            "--ignore-missing-imports",
            str(script),
        ],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        env=env,
        timeout=600,
    )


def test_a_correct_user_script_passes_mypy_strict(tmp_path: Path) -> None:
    out = _mypy(tmp_path, GOOD)
    assert out.returncode == 0, out.stdout + out.stderr
    assert "Success" in out.stdout


def test_a_wrong_call_is_reported(tmp_path: Path) -> None:
    out = _mypy(
        tmp_path,
        """\
        import argmap

        m = argmap.load(42)
        m.claim(text=3)
        argmap.lod("x.yaml")
        """,
    )
    assert out.returncode == 1, out.stdout + out.stderr
    assert 'Argument 1 to "load" has incompatible type "int"' in out.stdout, out.stdout
    assert 'Argument "text" to "claim" of "ArgumentMap" has incompatible type "int"' in out.stdout
    # the lazy exports are declared to type checkers: a misspelt name is caught, not Any
    assert 'Module has no attribute "lod"' in out.stdout, out.stdout
