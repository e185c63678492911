"""The web page in a real browser: Debian's Chromium driven by Playwright for Python.

The page is opened from a file:// URL with every request routed through a
handler that fails the test on anything but file: (and data:) URLs. Skips,
with the reason, when Chromium or Playwright is missing; ``scripts/test.sh``
installs both.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from hostile_map import hostile_map
from render_fixtures import needs_engine

from argmap import ArgumentMap
from argmap.render.html import to_html
from support import CHROMIUM, CHROMIUM_ARGS

ROOT = Path(__file__).resolve().parents[2]
ARGS = CHROMIUM_ARGS

pytestmark = [needs_engine]


@pytest.fixture(scope="module")
def browser():
    if CHROMIUM is None:
        pytest.skip("chromium is not installed (apt-get install chromium)")
    sync_api = pytest.importorskip(
        "playwright.sync_api", reason="playwright is not installed (pip install playwright)"
    )
    with sync_api.sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=ARGS, headless=True)
        # one context for the module (pages are cheap, contexts are not); each test its page
        # reduced motion: the page then skips its 150 ms fades (and the tests wait anyway)
        context = b.new_context(
            viewport={"width": 1400, "height": 900}, reduced_motion="reduce"
        )
        yield context
        context.close()
        b.close()


class Page:
    """A loaded page, with what the browser did while loading and using it."""

    def __init__(self, browser, path: Path):
        self.requests: list[str] = []
        self.blocked: list[str] = []
        self.errors: list[str] = []
        self.dialogs: list[str] = []
        self.page = browser.new_page()
        self.page.route("**/*", self._route)
        self.page.on("pageerror", lambda e: self.errors.append(str(e)))
        self.page.on("console", lambda m: self.errors.append(m.text) if m.type == "error" else None)
        self.page.on("dialog", self._dialog)
        self.page.goto(path.as_uri())
        self.page.wait_for_selector("body[data-ready]", timeout=10_000)

    def _route(self, route):
        url = route.request.url
        self.requests.append(url)
        if url.startswith(("file:", "data:")):
            route.continue_()
        else:
            self.blocked.append(url)
            route.abort()

    def _dialog(self, dialog):
        self.dialogs.append(dialog.message)
        dialog.dismiss()

    def classes(self, statement_id: str) -> set[str]:
        return set(self.page.eval_on_selector(f'[id="s-{statement_id}"]', "e => [...e.classList]"))

    def panel(self) -> str:
        return self.page.inner_text("#am-panel")

    def close(self):
        self.page.close()


@pytest.fixture
def lunch() -> ArgumentMap:
    m = ArgumentMap(title="Lunch", source={"author": "Ann Author", "date": "2024"})
    m.actor("ann", "Ann Smith", affiliation="Canteen", role="cook")
    thesis = m.claim("We should eat out.", id="eat-out", by="ann")
    m.claim("The food is better.", id="better", supports=thesis)
    m.evidence("A review gave it five stars.", id="review", supports="better")
    cost = m.objection(
        "It costs too much.",
        id="cost",
        against=thesis,
        by="ann",
        quote="far too dear for us",
        source={"title": "Staff survey", "publisher": "Canteen News", "url": "https://e.org/s"},
    )
    m.rebuttal("The canteen is cheap.", id="cheap", against=cost)
    m.objection("It is raining.", id="rain", against=thesis)
    m.rebuttal("Umbrellas exist.", id="umbrella", against=m.relations_from("better")[0])
    return m


@pytest.fixture
def open_page(browser, tmp_path):
    pages = []

    def open_(m: ArgumentMap, **options) -> Page:
        path = tmp_path / f"page{len(pages)}.html"
        path.write_text(to_html(m, **options), encoding="utf-8")
        page = Page(browser, path)
        pages.append(page)
        return page

    yield open_
    for p in pages:
        assert p.blocked == [], f"the page tried the network: {p.blocked}"
        assert p.dialogs == [], f"a dialog opened: {p.dialogs}"
        p.close()


class TestPage:
    def test_loads_offline_and_finds_every_statement(self, open_page, lunch):
        p = open_page(lunch)
        assert p.errors == []
        assert p.requests and all(u.startswith("file:") for u in p.requests)
        ids = p.page.eval_on_selector_all(
            "g.am-node", "els => els.map(e => e.getAttribute('data-statement'))"
        )
        assert sorted(ids) == sorted(s.id for s in lunch.statements())
        assert p.page.inner_text("h1") == "Lunch"
        assert p.page.title() == "Lunch"
        assert "Legend" in p.page.inner_text("aside")

    def test_hover_shows_text_quote_actor_and_source(self, open_page, lunch):
        p = open_page(lunch)
        p.page.hover('[id="s-cost"]')
        text = p.panel()
        assert "It costs too much." in text
        assert "\u201cfar too dear for us\u201d" in text
        assert "Ann Smith, Canteen (cook)" in text
        assert "Staff survey" in text and "Canteen News" in text
        assert "ANSWERED" in text
        p.page.mouse.move(1, 1)  # leaving shows the selection again: none
        assert "Hover a statement" in p.panel()

    def test_hover_an_unanswered_objection(self, open_page, lunch):
        p = open_page(lunch)
        p.page.hover('[id="s-rain"]')
        assert "UNANSWERED: nothing answers it" in p.panel()

    def test_click_marks_concessions_apart(self, open_page, lunch):
        lunch.relate("cheap", "cost", "concedes", note="it is not free")
        lunch.claim("Prices may rise.", id="rise", qualifier="may", concedes="cost")
        p = open_page(lunch)
        p.page.click('[id="s-cost"]')
        assert {"am-concession", "am-on"} <= p.classes("rise")
        assert "am-attacker" in p.classes("cheap") and "am-concession" in p.classes("cheap")
        assert not {"am-attacker", "am-supporter", "am-target"} & p.classes("rise")
        assert "conceded by" in p.panel()
        p.page.hover('[id="s-rise"]')
        p.page.wait_for_function(
            "() => document.getElementById('am-panel').innerText.includes('qualifier')"
        )
        assert "may" in p.panel() and "concedes" in p.panel()

    def test_click_highlights_attackers_and_supporters(self, open_page, lunch):
        p = open_page(lunch)
        p.page.click('[id="s-eat-out"]')
        assert "am-selected" in p.classes("eat-out")
        assert {"am-attacker", "am-on"} <= p.classes("cost")
        assert "am-attacker" in p.classes("rain")
        assert "am-supporter" in p.classes("better")
        for far in ("review", "cheap", "umbrella"):
            assert "am-on" not in p.classes(far)
            # wait for the state (the fade may be running), never read it at a moment
            p.page.wait_for_function(
                "id => parseFloat(getComputedStyle(document.getElementById(id)).opacity) < 0.5",
                arg=f"s-{far}",
                timeout=10_000,
            )
        assert p.page.eval_on_selector("body", "b => b.classList.contains('am-focus')")
        lit = p.page.eval_on_selector_all("g.edge.am-lit", "els => els.map(e => e.id).sort()")
        undercut = lunch.relations_from("better")[0].key  # drawn in two parts, via a junction
        assert lit == sorted(
            [
                "r-cost>objects>eat-out",
                "r-rain>objects>eat-out",
                f"r-{undercut}-head",
                f"r-{undercut}-tail",
            ]
        )
        assert "It costs too much." in p.panel()  # the attackers are listed

    def test_reduced_motion_turns_the_fade_off(self, open_page, lunch):
        p = open_page(lunch)
        duration = p.page.eval_on_selector(
            '[id="s-cost"]', "e => getComputedStyle(e).transitionDuration"
        )
        assert duration == "0s"

    def test_click_an_undercut_supporter(self, open_page, lunch):
        p = open_page(lunch)
        p.page.click('[id="s-better"]')
        assert "am-attacker" in p.classes("umbrella")  # undercuts its support
        assert "am-supporter" in p.classes("review")
        assert "am-target" in p.classes("eat-out")

    def test_click_background_and_escape_clear(self, open_page, lunch):
        p = open_page(lunch)
        p.page.click('[id="s-cost"]')
        assert "am-attacker" in p.classes("cheap")
        p.page.click("#am-canvas", position={"x": 3, "y": 3})
        assert p.page.eval_on_selector_all(".am-on, .am-selected", "els => els.length") == 0
        assert not p.page.eval_on_selector("body", "b => b.classList.contains('am-focus')")
        p.page.click('[id="s-cost"]')
        p.page.keyboard.press("Escape")
        assert p.page.eval_on_selector_all(".am-on", "els => els.length") == 0

    def test_panel_links_select_other_statements(self, open_page, lunch):
        p = open_page(lunch)
        p.page.click('[id="s-cost"]')
        p.page.click('#am-panel [data-ref="cheap"]')
        assert "am-selected" in p.classes("cheap")
        assert "am-target" in p.classes("cost")

    def test_keyboard(self, open_page, lunch):
        p = open_page(lunch)
        p.page.focus('[id="s-rain"]')
        p.page.keyboard.press("Enter")
        assert "am-selected" in p.classes("rain")
        assert "am-target" in p.classes("eat-out")

    def test_zoom_buttons(self, open_page, lunch):
        p = open_page(lunch)
        width = lambda: p.page.eval_on_selector("#am-canvas svg", "s => s.clientWidth")  # noqa: E731
        p.page.click('[data-zoom="1"]')
        natural = width()
        p.page.click('[data-zoom="in"]')
        assert width() > natural
        p.page.click('[data-zoom="out"]')
        p.page.click('[data-zoom="out"]')
        assert width() < natural


class TestHostilePage:
    def test_no_script_runs_and_texts_show_exactly(self, open_page):
        m = hostile_map()
        p = open_page(m, show_quotes=True, legend=True)
        assert p.errors == []
        assert p.page.title() == m.title
        assert p.page.inner_text("h1") == m.title
        for s in m.statements():
            p.page.hover(f'[id="s-{s.id}"]')
            shown = p.page.eval_on_selector("#am-panel .am-text", "e => e.textContent")
            assert shown == s.text.replace("\r\n", "\n").replace("\r", "\n"), s.id
        p.page.click('[id="s-thesis"]')
        # the javascript: URL of the source is shown as text, never as a link
        assert p.page.eval_on_selector_all("a[href^='javascript']", "els => els.length") == 0
        # every hostile text that went through the page made no element of its own
        assert p.page.eval_on_selector_all("img, iframe, object, embed", "els => els.length") == 0
        assert p.page.eval_on_selector_all("script", "els => els.length") == 2


class TestExamplePage:
    def test_the_article_map(self, open_page):
        import argmap

        m = argmap.load(ROOT / "examples" / "nato_japan.yaml")
        p = open_page(m)
        assert p.errors == []
        n = p.page.eval_on_selector_all("g.am-node", "els => els.length")
        assert n == len(m)
        thesis = m.theses()[0].id
        p.page.click(f'[id="s-{thesis}"]')
        attackers = {s.id for s in m.attackers(thesis)}
        for a in attackers:
            assert "am-attacker" in p.classes(a)
