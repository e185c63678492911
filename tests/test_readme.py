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
    # check: no objection bearing on a thesis is unanswered (the author's objections to the
    # side claim bear on none); render works
    assert statuses == [0, 0]
    svg = (tmp_path / "nato_japan.svg").read_text(encoding="utf-8")
    assert "<svg" in svg and "UNANSWERED" in svg


def test_quick_start_runs(tmp_path, monkeypatch):
    """The README's Python quick start runs as shown."""
    block = README.split("## Quick start", 1)[1].split("```python\n", 1)[1].split("\n```", 1)[0]
    monkeypatch.chdir(tmp_path)
    exec(compile(block, "README.md quick start", "exec"), {"__name__": "__readme__"})
    assert (tmp_path / "office.yaml").is_file() and (tmp_path / "office.svg").is_file()


def test_readme_is_a_front_door():
    """Under 200 lines, with an Installation section, and every local link resolves."""
    assert len(README.splitlines()) < 200
    assert "\n## Installation\n" in README
    targets = re.findall(r"\]\(([^)#\s]+)(?:#[^)]*)?\)", README)
    local = [t for t in targets if not t.startswith(("http://", "https://", "mailto:"))]
    assert local, "the README links into the documentation"
    missing = [t for t in local if not (ROOT / t).exists()]
    assert missing == []
