"""The web page without a browser: its data, its escaping, its policy, its writer."""

from __future__ import annotations

import base64
import hashlib
import html
import json
import re

import pytest
from render_fixtures import needs_engine

import argmap
from argmap import ArgumentMap
from argmap.render import format_for_path, render
from argmap.render.html import json_for_script, page_data, to_html


@pytest.fixture
def lunch() -> ArgumentMap:
    m = ArgumentMap(title="Lunch")
    m.actor("ann", "Ann", affiliation="Canteen")
    thesis = m.claim("Eat out.", id="out", by="ann", tags=("food",), note="n")
    better = m.claim("Better food.", id="better", supports=thesis)
    cost = m.objection("Too dear.", id="dear", against=thesis, quote="q", source={"date": "2024"})
    m.rebuttal("Cheap canteen.", id="cheap", against=cost)
    m.objection("Food is not the point.", id="moot", against=m.relations_from(better)[0])
    m.claim("Stay in.", id="in")
    m.relate("in", "out", "contradicts")
    return m


class TestJsonForScript:
    @pytest.mark.parametrize(
        "text", ["</script>", "<!--", "]]>", "&amp;", "\u2028\u2029", '"\\', "</SCRIPT >"]
    )
    def test_round_trip_and_no_markup(self, text):
        out = json_for_script({"t": text})
        assert json.loads(out) == {"t": text}
        assert not re.search(r"[<>&\u2028\u2029]", out)

    def test_empty(self):
        assert json_for_script({}) == "{}"


class TestPageData:
    def test_empty_map(self):
        assert page_data(ArgumentMap()) == {"title": None, "source": None, "statements": []}

    def test_links(self, lunch):
        d = {s["id"]: s for s in page_data(lunch)["statements"]}
        assert d["out"]["thesis"] and not d["better"]["thesis"]
        assert d["out"]["attackers"] == ["dear", "in"]  # contradicts attacks both ways
        assert d["out"]["supporters"] == ["better"]
        assert d["in"]["attackers"] == ["out"]
        assert d["better"]["attackers"] == ["moot"]  # it undercuts better's support
        assert d["moot"]["targets"] == ["better", "out"]
        undercut = lunch.relations_from("better")[0].key
        assert set(d["better"]["links"]) == {undercut, "moot>undercuts>" + undercut}
        assert d["dear"]["status"] == {
            "answered": True,
            "reason": "rebutted",
            "answered_by": ["cheap"],
        }
        assert "status" not in d["out"]

    def test_concession_is_neither_attacker_nor_supporter_nor_target(self, lunch):
        lunch.relate("out", "dear", "concedes")
        lunch.claim("Lunch out may be dear.", id="may", qualifier="may", concedes="dear")
        d = {s["id"]: s for s in page_data(lunch)["statements"]}
        assert d["dear"]["conceded_by"] == ["out", "may"] and d["out"]["concedes"] == ["dear"]
        assert "out" not in d["dear"]["attackers"] + d["dear"]["supporters"]
        assert d["out"]["targets"] == ["in"] and d["may"]["targets"] == []  # contradicts only
        assert "out>concedes>dear" in d["dear"]["links"]
        assert d["may"]["qualifier"] == "may" and "qualifier" not in d["out"]

    def test_source_text_stays_out_of_the_page(self):
        m = ArgumentMap(source={"title": "Article", "text": "The whole article."})
        assert page_data(m)["source"] == {"title": "Article"}

    def test_fields(self, lunch):
        d = {s["id"]: s for s in page_data(lunch)["statements"]}
        assert d["out"]["actor"] == {"name": "Ann", "affiliation": "Canteen"}
        assert d["out"]["tags"] == ["food"] and d["out"]["note"] == "n"
        assert d["dear"]["quote"] == "q" and d["dear"]["source"] == {"date": "2024"}
        assert "quote" not in d["out"] and "actor" not in d["better"]

    def test_is_json(self, lunch):
        data = page_data(lunch)
        assert json.loads(json.dumps(data)) == data


@needs_engine
class TestToHtml:
    def test_self_contained(self, lunch):
        page = to_html(lunch)
        assert page.startswith("<!DOCTYPE html>")
        # nothing to fetch: no src/href attributes except in-page ones, no @import, no url()
        assert not re.search(r"\s(src|href)=", page)
        assert "@import" not in page and "url(" not in page
        assert "<?xml" not in page and "<!DOCTYPE svg" not in page

    def test_policy_allows_exactly_the_page_script(self, lunch):
        page = to_html(lunch)
        found = re.search(r'http-equiv="Content-Security-Policy" content="([^"]*)"', page)
        csp = html.unescape(found.group(1))
        assert "default-src 'none'" in csp and "connect-src 'none'" in csp
        script = re.search(r"<script>(.*?)</script>", page, re.S).group(1)
        digest = base64.b64encode(hashlib.sha256(script.encode()).digest()).decode()
        assert f"'sha256-{digest}'" in csp
        assert "unsafe-inline" not in csp.split("script-src")[1].split(";")[0]

    def test_highlight_option_reaches_the_drawing(self, lunch):
        marked = to_html(lunch, highlight="unanswered").replace("&#45;", "-")
        assert 'class="node argmap-statement argmap-objection argmap-unanswered"' in marked
        assert "unanswered objection</li>" in marked  # and the legend explains it
        plain = to_html(lunch).replace("&#45;", "-")
        assert "argmap-unanswered" not in plain and "unanswered objection</li>" not in plain

    def test_title_heads_the_page_not_the_drawing(self, lunch):
        assert to_html(lunch).count(">Lunch<") == 2  # <title> and <h1>
        page = to_html(lunch, title="Other")
        assert '<h1 id="am-title">Other</h1>' in page and ">Lunch<" not in page
        assert "<h1" not in to_html(lunch, title=False)

    def test_summary_line(self, lunch):
        page = to_html(lunch)
        assert "6 statements, 5 relations, 2 objections (1 unanswered)" in page

    def test_untitled_empty_map(self):
        page = to_html(ArgumentMap())
        assert "<title>Argument map</title>" in page
        assert '<h1 id="am-title">Argument map</h1>' in page
        assert "This map has no statements yet." in page and "<svg" not in page

    def test_render_to_file(self, lunch, tmp_path):
        assert format_for_path("map.html") == "html" and format_for_path("x.HTM") == "html"
        out = render(lunch, tmp_path / "map.html")
        assert out.read_text(encoding="utf-8") == to_html(lunch)
        assert argmap.render.render_bytes(lunch, "html").decode() == to_html(lunch)

    def test_no_engine(self, lunch, monkeypatch):
        from argmap.render import engines

        monkeypatch.setattr(engines, "_locate", lambda name: None)
        with pytest.raises(argmap.ExecutableNotFoundError, match="graphviz-pure"):
            to_html(lunch)

    def test_engine_without_svg(self, lunch, monkeypatch):
        from argmap.render import output

        monkeypatch.setattr(output, "render_svg", lambda m, **options: "digraph {}")
        with pytest.raises(argmap.RenderError, match="no <svg> element"):
            to_html(lunch)


@needs_engine
class TestCli:
    def test_render_html(self, lunch, tmp_path, capsys):
        from argmap.cli import main

        src = tmp_path / "lunch.yaml"
        argmap.dump(lunch, src)
        out = tmp_path / "lunch.html"
        assert main(["render", str(src), "-o", str(out), "--highlight", "unanswered"]) == 0
        page = out.read_text(encoding="utf-8")
        assert page == to_html(lunch, highlight="unanswered")
        assert "wrote" in capsys.readouterr().err
