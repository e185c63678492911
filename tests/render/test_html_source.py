"""The web page shows each quote in its source: the sentence before and after, escaped."""

from __future__ import annotations

import json
import re
import warnings

import pytest
from render_fixtures import needs_engine

from argmap import ArgumentMap, SourceError
from argmap.anchor import SourceText
from argmap.cli import main
from argmap.render.html import page_data, to_html
from support import CHROMIUM, CHROMIUM_ARGS

TEXT = (
    "Lunch matters.\n\n"
    "We should eat out today. The canteen\u2019s food is far too dear for us. "
    "Prices rose again in May. Nobody <script>alert(1)</script> complained.\n"
)


def lunch(**source) -> ArgumentMap:
    m = ArgumentMap(title="Lunch", source=source or None)
    thesis = m.claim("We should eat out.", id="out", quote="We should eat out today.")
    m.objection("Too dear.", id="dear", against=thesis, quote="far too dear for us")
    m.objection("Canteen.", id="canteen", against=thesis, quote="The canteen's food")
    m.claim("Gone.", id="gone", supports=thesis, quote="Penguins fly south in winter.")
    m.claim("Hostile.", id="hostile", supports=thesis, quote="Nobody <script>alert(1)</script>")
    m.claim("No quote.", id="plain", supports=thesis)
    return m


def data_of(page: str) -> dict:
    block = re.search(r'<script type="application/json" id="argmap-data">(.*?)</script>', page)
    return json.loads(block.group(1))


class TestPageData:
    def test_no_source_no_context(self):
        d = page_data(lunch())
        assert all("context" not in s for s in d["statements"])

    def test_context_of_each_quote(self):
        d = page_data(lunch(), source=SourceText(TEXT))
        ctx = {s["id"]: s.get("context") for s in d["statements"]}
        assert ctx["plain"] is None
        out = ctx["out"]
        assert (out["before"], out["passage"], out["verbatim"], out["line"]) == (
            "Lunch matters. ",
            "We should eat out today.",
            True,
            3,
        )
        assert out["after"] == " The canteen\u2019s food is far too dear for us."
        dear = ctx["dear"]
        assert dear["before"].startswith("We should eat out today. The canteen")
        assert dear["after"] == ". Prices rose again in May."
        canteen = ctx["canteen"]
        assert not canteen["verbatim"] and canteen["passage"] == "The canteen\u2019s food"
        assert canteen["differences"][0].startswith("typographic quotes")
        assert ctx["gone"]["found"] is False and "before" not in ctx["gone"]

    def test_statement_with_its_own_source(self, tmp_path):
        (tmp_path / "speech.txt").write_text("Intro. We fight on. The end.", encoding="utf-8")
        m = lunch(text=TEXT)
        m.claim("Fight.", id="fight", quote="We fight on.", source={"file": "speech.txt"})
        d = page_data(m, source=SourceText(TEXT), map_path=tmp_path / "m.yaml")
        fight = next(s for s in d["statements"] if s["id"] == "fight")["context"]
        assert (fight["before"], fight["after"]) == ("Intro. ", " The end.")


@needs_engine
class TestToHtml:
    def test_map_text_used_by_default_and_escaped(self):
        page = to_html(lunch(text=TEXT))
        ctx = {s["id"]: s.get("context") for s in data_of(page)["statements"]}
        assert ctx["out"]["passage"] == "We should eat out today."
        assert ctx["hostile"]["passage"] == "Nobody <script>alert(1)</script>"
        assert "<script>alert(1)" not in page
        assert page.count("<script") == 2  # the data block and the page's own script

    def test_explicit_source_path(self, tmp_path):
        (tmp_path / "a.txt").write_text(TEXT, encoding="utf-8")
        page = to_html(lunch(), source=tmp_path / "a.txt")
        assert data_of(page)["statements"][0]["context"]["line"] == 3

    def test_false_means_no_context(self):
        page = to_html(lunch(text=TEXT), source=False)
        assert all("context" not in s for s in data_of(page)["statements"])

    def test_map_file_relative_to_map_path(self, tmp_path):
        (tmp_path / "a.txt").write_text(TEXT, encoding="utf-8")
        page = to_html(lunch(file="a.txt"), map_path=tmp_path / "map.yaml")
        assert "context" in data_of(page)["statements"][0]

    def test_unreadable_map_source_warns_and_draws(self, tmp_path):
        with pytest.warns(UserWarning, match=r"gone\.txt.*without their context"):
            page = to_html(lunch(file="gone.txt"), map_path=tmp_path / "map.yaml")
        assert all("context" not in s for s in data_of(page)["statements"])

    def test_unreadable_explicit_source_is_an_error(self, tmp_path):
        with pytest.raises(SourceError, match="not found"):
            to_html(lunch(), source=tmp_path / "gone.txt")

    def test_no_warning_without_a_source(self):
        with warnings.catch_warnings():
            warnings.simplefilter("error")
            to_html(lunch())


@needs_engine
class TestCli:
    def test_render_with_source(self, tmp_path, capsys):
        (tmp_path / "a.txt").write_text(TEXT, encoding="utf-8")
        from argmap import dump

        dump(lunch(), tmp_path / "m.yaml")
        out = tmp_path / "m.html"
        assert main(["render", str(tmp_path / "m.yaml"), "-o", str(out), "--source",
                     str(tmp_path / "a.txt")]) == 0  # fmt: skip
        assert data_of(out.read_text(encoding="utf-8"))["statements"][0]["context"]["line"] == 3

    def test_map_file_resolved_next_to_the_map(self, tmp_path, monkeypatch):
        from argmap import dump

        (tmp_path / "maps").mkdir()
        (tmp_path / "maps" / "a.txt").write_text(TEXT, encoding="utf-8")
        dump(lunch(file="a.txt"), tmp_path / "maps" / "m.yaml")
        monkeypatch.chdir(tmp_path)
        assert main(["render", "maps/m.yaml", "-o", "m.html"]) == 0
        page = (tmp_path / "m.html").read_text(encoding="utf-8")
        assert "context" in data_of(page)["statements"][0]

    @pytest.mark.parametrize(
        "content, message",
        [(None, "source text file not found"), (b"caf\xe9", "not UTF-8")],
    )
    def test_bad_source_exit_2(self, tmp_path, capsys, content, message):
        from argmap import dump

        dump(lunch(), tmp_path / "m.yaml")
        src = tmp_path / "a.txt"
        if content is not None:
            src.write_bytes(content)
        code = main(["render", str(tmp_path / "m.yaml"), "-o", str(tmp_path / "m.html"),
                     "--source", str(src)])  # fmt: skip
        err = capsys.readouterr().err
        assert code == 2 and err.startswith("error: ") and message in err
        assert "Traceback" not in err

    def test_source_with_another_format_exit_2(self, tmp_path, capsys):
        from argmap import dump

        dump(lunch(), tmp_path / "m.yaml")
        code = main(["render", str(tmp_path / "m.yaml"), "-o", str(tmp_path / "m.dot"),
                     "--source", "x.txt"])  # fmt: skip
        assert code == 2 and "--source applies to html output only" in capsys.readouterr().err




@needs_engine
def test_panel_in_a_browser(tmp_path):
    if CHROMIUM is None:
        pytest.skip("chromium is not installed (apt-get install chromium)")
    sync_api = pytest.importorskip("playwright.sync_api", reason="playwright is not installed")
    path = tmp_path / "p.html"
    path.write_text(to_html(lunch(text=TEXT)), encoding="utf-8")
    with sync_api.sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        try:
            page = b.new_page()
            errors: list[str] = []
            page.on("pageerror", lambda e: errors.append(str(e)))
            page.route(
                "**/*", lambda r: r.continue_() if r.request.url.startswith("file:") else r.abort()
            )
            page.goto(path.as_uri())
            page.wait_for_selector("body[data-ready]")
            page.hover('[id="s-dear"]')
            page.wait_for_selector("#am-panel mark")
            assert page.inner_text("#am-panel mark") == "far too dear for us"
            text = page.inner_text("#am-panel")
            assert "The canteen\u2019s food is far too dear for us. Prices rose" in text
            assert "source, line 3" in text
            page.hover('[id="s-canteen"]')
            page.wait_for_function(
                "() => document.querySelector('#am-panel').textContent.includes('differ')"
            )
            assert "\u201cThe canteen's food\u201d" in page.inner_text("#am-panel")
            page.hover('[id="s-hostile"]')
            page.wait_for_selector("#am-panel mark")
            assert page.inner_text("#am-panel mark") == "Nobody <script>alert(1)</script>"
            assert page.eval_on_selector_all("#am-panel script", "els => els.length") == 0
            page.hover('[id="s-gone"]')
            page.wait_for_function(
                "() => document.querySelector('#am-panel').textContent"
                ".includes('not in the source')"
            )
            assert errors == []
        finally:
            b.close()
