"""The documentation: every Python example in docs/ runs, and the site builds strictly."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
DOCS = ROOT / "docs"
NO_RUN = "<!-- docs: no-run -->"
_BLOCK = re.compile(r"(?P<before>[^\n]*)\n```python\n(?P<code>.*?)\n```", re.S)


def python_blocks(text: str) -> list[tuple[int, str]]:
    """(line, code) of each ```python block, less those marked no-run."""
    blocks = []
    for match in _BLOCK.finditer("\n" + text):
        if match.group("before").strip() == NO_RUN:
            continue
        line = text[: match.start("code")].count("\n")
        blocks.append((line, match.group("code")))
    return blocks


PAGES = sorted(p for p in DOCS.rglob("*.md") if python_blocks(p.read_text(encoding="utf-8")))


def test_some_pages_have_examples():
    assert len(PAGES) >= 3


@pytest.mark.parametrize("page", PAGES, ids=lambda p: str(p.relative_to(DOCS)))
def test_page_examples_run(page, tmp_path, monkeypatch):
    """The blocks of one page run in order, in one namespace where ``argmap`` is imported,
    in a scratch folder holding a copy of examples/ (so they may read the article's map
    and write files)."""
    shutil.copytree(ROOT / "examples", tmp_path / "examples")
    monkeypatch.chdir(tmp_path)
    import argmap
    from argmap import limits

    # a page may change the limits "from now on" (docs/limits.md): not for later tests
    for name in limits.__all__:
        if isinstance(getattr(limits, name), int):
            monkeypatch.setattr(limits, name, getattr(limits, name))
    namespace: dict = {"__name__": "__docs__", "argmap": argmap}
    for line, code in python_blocks(page.read_text(encoding="utf-8")):
        try:
            exec(compile(code, f"{page.name}:{line}", "exec"), namespace)
        except Exception as exc:  # noqa: BLE001 - report which block failed, then re-raise
            raise AssertionError(f"{page.relative_to(ROOT)}, line {line}: {exc!r}") from exc


def test_no_run_marker_is_honoured():
    text = "intro\n" + NO_RUN + "\n```python\nraise SystemExit\n```\n\n```python\nx = 1\n```\n"
    assert [code for _, code in python_blocks(text)] == ["x = 1"]


@pytest.mark.slow
def test_site_builds_strictly(tmp_path):
    """``mkdocs build --strict``: a broken link, a missing page, a docstring reference that
    does not resolve, or an error in the executed tutorial fails the build."""
    pytest.importorskip("mkdocs")
    pytest.importorskip("material")
    pytest.importorskip("mkdocstrings")
    pytest.importorskip("mkdocs_jupyter")
    env = dict(os.environ, PYTHONPATH=str(ROOT / "src"), NO_MKDOCS_2_WARNING="1")
    proc = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(tmp_path / "site")],
        cwd=ROOT,
        capture_output=True,
        text=True,
        env=env,
        timeout=600,
    )
    assert proc.returncode == 0, proc.stdout[-4000:] + proc.stderr[-4000:]
    site = tmp_path / "site"
    tutorial = (site / "tutorial.html").read_text(encoding="utf-8")
    assert "<svg" in tutorial, "the executed tutorial shows no diagram"
    cli = (site / "reference" / "cli.html").read_text(encoding="utf-8")
    assert "argmap solve" in cli and "--problem" in cli
    assert "ArgumentMap" in (site / "reference" / "api.html").read_text(encoding="utf-8")
    # offline: no page loads a script, style or font from another host
    remote = re.compile(r"""(?:src=|import\(|@import\s+url\()["']?https?://""")
    for page in site.rglob("*.html"):
        found = remote.search(page.read_text(encoding="utf-8"))
        assert found is None, f"{page.relative_to(site)} loads a remote asset: {found.group(0)}"
