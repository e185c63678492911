"""The README's set-up commands: exactly two, and the main job does what it says."""

import re
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
README = (ROOT / "README.md").read_text(encoding="utf-8")


def setup_commands() -> list[str]:
    section = README.split("## Set-up on a fresh machine", 1)[1].split("\n## ", 1)[0]
    return re.findall(r"```sh\n(.*?)\n```", section, flags=re.S)


def test_exactly_two_setup_commands_and_ci_runs_the_second():
    main_job, tests = setup_commands()
    assert main_job.startswith("pip install .")
    assert tests == "bash scripts/test.sh"
    assert "bash scripts/test.sh" in (ROOT / ".ci" / "run").read_text()


@pytest.mark.skipif(shutil.which("dot") is None, reason="Graphviz dot not installed")
def test_main_job_checks_and_renders(tmp_path):
    main_job = setup_commands()[0]
    inner = main_job.split("&& (", 1)[1].rstrip(")")
    statuses = []
    for command in inner.split(";"):
        argv = shlex.split(command.replace("examples/", f"{ROOT}/examples/"))
        assert argv[0] == "argmap"
        proc = subprocess.run(
            [sys.executable, "-m", "argmap", *argv[1:]],
            cwd=tmp_path,
            capture_output=True,
            text=True,
            timeout=300,
        )
        statuses.append(proc.returncode)
        assert "Traceback" not in proc.stderr
    assert statuses == [1, 0]  # check finds the article's unanswered objections; render works
    svg = (tmp_path / "nato_japan.svg").read_text(encoding="utf-8")
    assert "<svg" in svg and "UNANSWERED" in svg
