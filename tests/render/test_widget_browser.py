"""The map widget in a real browser: a headless JupyterLab, driven in Debian's Chromium.

The test starts JupyterLab on 127.0.0.1 with a free port and a random token, in a
temporary folder with its own Jupyter config, runtime and settings folders, and a
notebook that builds a small map and shows ``argmap.widget(m)``. Chromium (through
Playwright, never ``playwright install``) opens the notebook, runs it, hovers and
clicks a statement, toggles "Defeat this statement", and checks what the page shows
and what the kernel reads back (``w.selected``, ``w.defeated``, ``w.result``). Every
request must go to the local server: the widget loads nothing from a CDN.

Every wait is for a state (a selector, a class, a text), with a bounded timeout; the
server is shut down through its API (then terminated) whatever happens. Skips, with
the reason, when Chromium, Playwright, JupyterLab or anywidget is missing;
``scripts/test.sh`` installs them all.
"""

from __future__ import annotations

import json
import os
import re
import secrets
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest
from render_fixtures import needs_engine

from support import CHROMIUM, CHROMIUM_ARGS

ROOT = Path(__file__).resolve().parents[2]
ARGS = CHROMIUM_ARGS
START_TIMEOUT = 90  # seconds for JupyterLab to answer
WAIT = 60_000  # milliseconds for any one state in the page (page waits and expect() alike)
STARTS = 3  # tries to start JupyterLab, each on a fresh free port (another may take one)

pytestmark = [needs_engine, pytest.mark.slow]

BUILD = """\
import argmap

m = argmap.ArgumentMap(title="Sugar tax")
m.actor("bo", "Bo Baker", affiliation="Sugar Industry")
tax = m.claim("We should tax sugary drinks.", id="tax", tags=["thesis"])
hurts = m.objection("The tax hurts the poor most.", id="regressive", against=tax, by="bo",
                    quote="a tax on the poor", source={"title": "Trade Weekly"})
m.rebuttal("The revenue funds health care for the poor.", id="revenue", against=hurts)
m.evidence("Mexico's tax cut consumption by 12%.", id="mexico", supports=tax)
w = argmap.widget(m, height=420)
w"""

READ_BACK = """\
print("READBACK", w.selected, w.defeated, w.result.fallen, w.result.newly_unanswered,
      w.status["labels"]["tax"])"""

HOSTILE = f"""\
import sys
sys.path.insert(0, {str(ROOT / "tests" / "render")!r})
from hostile_map import hostile_map
h = argmap.widget(hostile_map(), height=420)
h"""

# defeating x leaves 2**11 stage extensions: more than the widget lists
EXPLOSIVE = """\
e = argmap.ArgumentMap(title="Explosive")
e.objection("X.", id="x")
for i in range(11):
    e.claim("A.", id=f"a{i}")
    e.claim("B.", id=f"b{i}")
    e.relate("x", f"a{i}", "objects")
    e.relate("x", f"b{i}", "objects")
    e.relate(f"a{i}", f"b{i}", "contradicts")
x = argmap.widget(e, semantics="stage", height=420)
x"""


def _notebook() -> dict:
    def cell(source: str) -> dict:
        return {
            "cell_type": "code",
            "execution_count": None,
            "id": secrets.token_hex(4),
            "metadata": {},
            "outputs": [],
            "source": source,
        }

    return {
        "cells": [cell(BUILD), cell(READ_BACK), cell(HOSTILE), cell(EXPLOSIVE)],
        "metadata": {
            "kernelspec": {"display_name": "Python 3", "language": "python", "name": "python3"},
            "language_info": {"name": "python"},
        },
        "nbformat": 4,
        "nbformat_minor": 5,
    }


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _port_taken(log: str) -> bool:
    return "already in use" in log or "Address in use" in log or "EADDRINUSE" in log


def _request(url: str, token: str, method: str = "GET") -> int:
    req = urllib.request.Request(url, method=method, headers={"Authorization": f"token {token}"})
    with urllib.request.urlopen(req, timeout=5) as r:
        return r.status


class Lab:
    """A JupyterLab server in a temporary folder; ``stop()`` always ends it."""

    def __init__(self, folder: Path):
        self.folder = folder
        self.port = _free_port()
        self.token = secrets.token_hex(24)
        self.base = f"http://127.0.0.1:{self.port}"
        env = dict(os.environ)
        env["PYTHONPATH"] = os.pathsep.join(
            p for p in (str(ROOT / "src"), env.get("PYTHONPATH")) if p
        )
        for var, sub in (
            ("JUPYTER_CONFIG_DIR", "config"),
            ("JUPYTER_RUNTIME_DIR", "runtime"),
            ("JUPYTER_DATA_DIR", "data"),
            ("JUPYTERLAB_SETTINGS_DIR", "settings"),
            ("JUPYTERLAB_WORKSPACES_DIR", "workspaces"),
            ("IPYTHONDIR", "ipython"),
        ):
            env[var] = str(folder / ".jupyter" / sub)
        self.log = open(folder / "lab.log", "w+b")  # noqa: SIM115 (closed in stop)
        self.proc = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "jupyterlab",
                "--no-browser",
                "--allow-root",
                "--ServerApp.ip=127.0.0.1",
                f"--ServerApp.port={self.port}",
                "--ServerApp.port_retries=0",
                f"--IdentityProvider.token={self.token}",
                f"--ServerApp.root_dir={folder}",
                "--LabApp.expose_app_in_browser=True",
                "--LabApp.news_url=",
                "--LabApp.check_for_updates_class=jupyterlab.NeverCheckForUpdate",
            ],
            cwd=folder,
            env=env,
            stdout=self.log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )

    def wait_ready(self) -> bool:
        """True once the server answers; False when it exits because its port is taken."""
        deadline = time.monotonic() + START_TIMEOUT
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                if _port_taken(self.output()):
                    return False
                pytest.fail(f"JupyterLab exited early:\n{self.output()}")
            try:
                if _request(f"{self.base}/api/status", self.token) == 200:
                    return True
            except (urllib.error.URLError, ConnectionError, TimeoutError):
                pass
            time.sleep(0.2)  # polling a server for a state, not waiting for a moment
        pytest.fail(f"JupyterLab did not answer in {START_TIMEOUT} s:\n{self.output()}")

    def output(self) -> str:
        self.log.flush()
        self.log.seek(0)
        return self.log.read().decode("utf-8", "replace")[-4000:]

    def stop(self) -> None:
        try:
            if self.proc.poll() is None:
                try:
                    _request(f"{self.base}/api/shutdown", self.token, method="POST")
                except (urllib.error.URLError, ConnectionError, TimeoutError):
                    pass
                try:
                    self.proc.wait(timeout=20)
                except subprocess.TimeoutExpired:
                    os.killpg(self.proc.pid, signal.SIGTERM)
                    try:
                        self.proc.wait(timeout=10)
                    except subprocess.TimeoutExpired:
                        os.killpg(self.proc.pid, signal.SIGKILL)
                        self.proc.wait(timeout=10)
        finally:
            self.log.close()


@pytest.fixture(scope="module")
def lab(tmp_path_factory):
    if CHROMIUM is None:
        pytest.skip("chromium is not installed (apt-get install chromium)")
    pytest.importorskip("playwright.sync_api", reason="playwright is not installed (test extra)")
    pytest.importorskip("jupyterlab", reason="jupyterlab is not installed (test extra)")
    pytest.importorskip("anywidget", reason="anywidget is not installed (test extra)")
    folder = tmp_path_factory.mktemp("lab")
    (folder / "widget.ipynb").write_text(json.dumps(_notebook()), encoding="utf-8")
    server = _start_lab(folder)
    try:
        yield server
    finally:
        server.stop()


def _start_lab(folder: Path) -> Lab:
    """A JupyterLab that answers, on a fresh free port for each try."""
    for _ in range(STARTS):
        server = Lab(folder)
        try:
            ready = server.wait_ready()
        except BaseException:
            server.stop()
            raise
        if ready:
            return server
        log = server.output()
        server.stop()  # the free port was taken before the server bound it: another one
    pytest.fail(f"JupyterLab found no free port in {STARTS} tries:\n{log}")


@pytest.fixture(scope="module")
def page(lab):
    from playwright.sync_api import expect, sync_playwright

    # expect() has its own default timeout (5 s), which set_default_timeout does not
    # change: on a busy machine running the first cell takes longer than that
    expect.set_options(timeout=WAIT)

    blocked: list[str] = []
    errors: list[str] = []

    def route(r):
        url = r.request.url
        if url.startswith((lab.base + "/", "data:", "blob:")):
            r.continue_()
        else:
            blocked.append(url)
            r.abort()

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS, headless=True)
        context = browser.new_context(viewport={"width": 1400, "height": 1000})
        pg = context.new_page()
        pg.set_default_timeout(WAIT)
        pg.route("**/*", route)
        pg.on("pageerror", lambda e: errors.append(str(e)))
        pg.goto(f"{lab.base}/lab/tree/widget.ipynb?token={lab.token}")
        pg.blocked, pg.errors = blocked, errors  # type: ignore[attr-defined]
        try:
            yield pg
        finally:
            expect.set_options(timeout=None)
            context.close()
            browser.close()


def _kernel_idle(page) -> None:
    page.wait_for_function(
        """() => {
          const w = window.jupyterapp && window.jupyterapp.shell.currentWidget;
          const k = w && w.sessionContext && w.sessionContext.session
            && w.sessionContext.session.kernel;
          return Boolean(k) && k.status === "idle";
        }"""
    )


def _run_cell(page, index: int) -> None:
    # not awaited: page.evaluate has no timeout, and a cell that never ends would hang
    # the test; the caller waits for what the cell shows, with a bounded timeout
    page.evaluate(
        """(i) => {
          const app = window.jupyterapp;
          app.shell.currentWidget.content.activeCellIndex = i;
          app.commands.execute("notebook:run-cell");
        }""",
        index,
    )


@pytest.fixture(scope="module")
def shown(page):
    """The page with the notebook's first cell run: the widget is on it."""
    from playwright.sync_api import expect

    _kernel_idle(page)
    _run_cell(page, 0)
    expect(page.locator(".argmap-widget[data-ready] g.amw-node")).to_have_count(4)
    return page


def test_select_defeat_and_read_back(shown):
    from playwright.sync_api import expect

    page = shown
    widget = page.locator(".argmap-widget[data-ready]")
    expect(widget).to_have_count(1)

    def node(sid: str):
        return page.locator(f".argmap-widget g.amw-node[data-statement='{sid}']")

    expect(node("tax")).to_have_class(re.compile(r"\bamw-st-in\b"))
    verdict = page.locator(".argmap-widget .amw-verdict[data-thesis='tax']")
    expect(verdict).to_contain_text("STANDS")

    # hover: the panel shows the text, quote, actor and source
    node("regressive").hover()
    panel = page.locator(".argmap-widget .amw-panel")
    expect(panel).to_contain_text("The tax hurts the poor most.")
    expect(panel).to_contain_text("\u201ca tax on the poor\u201d")
    expect(panel).to_contain_text("Bo Baker, Sugar Industry")
    expect(panel).to_contain_text("Trade Weekly")

    # click: selected, with its target lit and the rest dimmed
    node("revenue").click()
    expect(node("revenue")).to_have_class(re.compile(r"\bamw-selected\b"))
    expect(node("regressive")).to_have_class(re.compile(r"\bamw-target\b"))
    expect(widget).to_have_class(re.compile(r"\bamw-focus\b"))
    expect(node("mexico")).not_to_have_class(re.compile(r"\bamw-on\b"))

    # defeat it: Python runs the what-if and the page is recoloured
    page.locator(".argmap-widget .amw-defeat-toggle").check()
    expect(verdict).to_contain_text("FALLS")
    expect(verdict).to_contain_text("was STANDS")
    expect(node("revenue")).to_have_class(re.compile(r"\bamw-defeated\b"))
    expect(node("revenue")).to_have_class(re.compile(r"\bamw-st-out\b"))
    expect(node("regressive")).to_have_class(re.compile(r"\bamw-unanswered\b"))
    expect(node("tax")).to_have_class(re.compile(r"\bamw-st-out\b"))
    expect(page.locator(".argmap-widget .amw-summary")).to_contain_text(
        "Newly unanswered: regressive"
    )

    # the kernel reads the selection and the what-if back
    _kernel_idle(page)
    _run_cell(page, 1)
    out = page.locator(".jp-Cell").nth(1).locator(".jp-OutputArea-output")
    expect(out).to_contain_text(
        "READBACK revenue ['revenue'] ['tax'] ['regressive'] out", timeout=WAIT
    )

    # clearing the what-if from the page restores the map as it stands
    page.locator(".argmap-widget .amw-btn[data-action='reset']").click()
    expect(verdict).to_contain_text("STANDS")
    expect(node("revenue")).not_to_have_class(re.compile(r"\bamw-defeated\b"))

    assert page.blocked == [], "the page asked for something off the local server"
    assert [e for e in page.errors if "amw" in e or "argmap" in e] == []


def test_pan_and_zoom_change_the_view(shown):
    from playwright.sync_api import expect

    page = shown
    canvas = page.locator(".argmap-widget .amw-canvas")
    expect(canvas).to_have_count(1)
    canvas.scroll_into_view_if_needed()
    svg = canvas.locator("svg")
    before = svg.get_attribute("viewBox")
    box = canvas.bounding_box()
    page.mouse.move(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
    page.mouse.wheel(0, -300)
    expect(svg).not_to_have_attribute("viewBox", before)
    zoomed = svg.get_attribute("viewBox")
    page.mouse.move(box["x"] + 20, box["y"] + 20)
    page.mouse.down()
    page.mouse.move(box["x"] + 120, box["y"] + 80, steps=5)
    page.mouse.up()
    expect(svg).not_to_have_attribute("viewBox", zoomed)
    page.locator(".argmap-widget .amw-btn[data-action='fit']").click()
    expect(svg).to_have_attribute("viewBox", before)


def test_a_taken_port_is_retried(tmp_path, monkeypatch):
    """Between choosing a free port and binding it, another process may take it."""
    pytest.importorskip("jupyterlab", reason="jupyterlab is not installed (test extra)")
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        ports = [taken.getsockname()[1]]
        free = _free_port
        monkeypatch.setattr(
            sys.modules[__name__], "_free_port", lambda: ports.pop() if ports else free()
        )
        server = _start_lab(tmp_path)
        try:
            assert ports == [] and server.port != taken.getsockname()[1]
            assert _request(f"{server.base}/api/status", server.token) == 200
        finally:
            server.stop()
        assert server.proc.poll() is not None


def test_hostile_text_runs_nothing(shown):
    """A map whose every text is markup and script: shown as text, nothing runs."""
    from playwright.sync_api import expect

    page = shown
    dialogs: list[str] = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    _kernel_idle(page)
    _run_cell(page, 2)
    cell = page.locator(".jp-Cell").nth(2)
    widget = cell.locator(".argmap-widget[data-ready]")
    expect(widget).to_have_count(1)
    nodes = widget.locator("g.amw-node")
    expect(nodes).not_to_have_count(0)
    panel = widget.locator(".amw-panel")
    node = widget.locator("g.amw-node[data-statement='attack-script']")
    node.scroll_into_view_if_needed()
    node.hover()
    expect(panel).to_contain_text("<script>alert(1)</script></script><!-- x --><img src=x")
    widget.locator("g.amw-node[data-statement='thesis']").click()
    expect(panel).to_contain_text("https://example.org/?a=1&b=<2>")  # its source, as text
    widget.locator(".amw-defeat-toggle").check()
    expect(widget).to_have_attribute("data-defeated", "thesis")
    counts = widget.evaluate(
        """(w) => ({
          scripts: w.querySelectorAll("script, img, iframe, object, embed").length,
          handlers: [...w.querySelectorAll("*")].filter((e) =>
            [...e.attributes].some((a) => a.name.toLowerCase().startsWith("on"))).length,
          links: [...w.querySelectorAll("a")].filter((a) =>
            /^\\s*javascript:/i.test(a.getAttribute("href") || a.getAttribute("xlink:href") || "")
          ).length,
        })"""
    )
    assert counts == {"scripts": 0, "handlers": 0, "links": 0}
    assert dialogs == [] and page.blocked == []
    assert [e for e in page.errors if "alert" in e] == []


def test_a_what_if_that_fails_is_undone_on_the_page(shown):
    """The page asks for a what-if Python cannot run: the page says why and goes back."""
    from playwright.sync_api import expect

    page = shown
    _kernel_idle(page)
    _run_cell(page, 3)
    widget = page.locator(".jp-Cell").nth(3).locator(".argmap-widget[data-ready]")
    expect(widget).to_have_count(1)
    node = widget.locator("g.amw-node[data-statement='x']")
    node.scroll_into_view_if_needed()
    node.click()
    toggle = widget.locator(".amw-defeat-toggle")
    toggle.check()
    expect(widget.locator(".amw-summary .amw-error")).to_contain_text(
        "more than 1000 stage extensions"
    )
    expect(toggle).not_to_be_checked()
    expect(widget).to_have_attribute("data-defeated", "")
    expect(widget).not_to_have_attribute("data-pending", "1")
    # the next what-if runs, and the error goes
    widget.locator("g.amw-node[data-statement='a0']").click()
    toggle.check()
    expect(widget).to_have_attribute("data-defeated", "a0")
    expect(widget.locator(".amw-summary .amw-error")).to_have_count(0)
