"""Tables of analysis results: HTML, Markdown and plain text, always escaped."""

from __future__ import annotations

from html.parser import HTMLParser

import pytest

from argmap.render.table import Table, cell_text, text_width


class _Cells(HTMLParser):
    """Collect the text of every cell, and any tag that is not part of a table."""

    def __init__(self):
        super().__init__()
        self.cells: list[str] = []
        self.other_tags: list[str] = []
        self._in = False

    def handle_starttag(self, tag, attrs):
        if tag in ("td", "th"):
            self._in = True
            self.cells.append("")
        elif tag not in ("table", "thead", "tbody", "tr", "caption", "br", "p", "em"):
            self.other_tags.append(tag)

    def handle_endtag(self, tag):
        if tag in ("td", "th"):
            self._in = False

    def handle_data(self, data):
        if self._in:
            self.cells[-1] += data


class TestTable:
    def test_empty(self):
        t = Table([])
        assert len(t) == 0 and t.columns == ()
        assert "(no rows)" in t.to_text()
        assert "(no rows)" in t.to_html()

    def test_empty_with_columns(self):
        t = Table([], ["a", "b"])
        assert t.to_text().splitlines()[0] == "a  b"

    def test_columns_in_order_of_first_appearance(self):
        t = Table([{"b": 1}, {"a": 2, "b": 3}])
        assert t.columns == ("b", "a")
        assert [r for r in t] == [{"b": 1}, {"a": 2, "b": 3}]

    def test_missing_cells_are_empty(self):
        t = Table([{"a": 1}, {"b": 2}])
        lines = t.to_text().splitlines()
        assert lines[2].rstrip() == "1"
        assert lines[3] == "   2"

    def test_html_escapes_everything(self):
        hostile = '<script>alert("x")</script> & </td></tr>'
        t = Table([{hostile: hostile}], title=hostile)
        parser = _Cells()
        parser.feed(t.to_html())
        assert parser.other_tags == []  # no <script>, nothing injected
        assert parser.cells == [hostile, hostile]

    def test_html_keeps_line_breaks(self):
        assert "a<br>b" in Table([{"x": "a\nb"}]).to_html()

    def test_nowrap_columns(self):
        html = Table([{"id": "a-b", "text": "x"}], nowrap=["id"]).to_html()
        assert html.count("white-space:nowrap") == 1
        assert 'nowrap">a-b</td>' in html

    def test_markdown_escapes_pipes_and_newlines(self):
        md = Table([{"x": "a|b\nc <i>"}]).to_markdown()
        assert md.splitlines()[2] == "| a\\|b<br>c &lt;i&gt; |"
        assert len(md.splitlines()) == 3

    def test_text_wraps_long_cells(self):
        t = Table([{"id": "x", "text": "word " * 40}], max_width=20)
        lines = t.to_text().splitlines()
        assert len(lines) > 5
        assert all(len(line) <= 2 + 2 + 20 for line in lines)

    def test_text_aligns_wide_characters(self):
        t = Table([{"a": "北京", "b": "x"}, {"a": "ab", "b": "y"}])
        lines = t.to_text().splitlines()
        # the second column starts at the same display column in both rows
        assert text_width(lines[2][: lines[2].index("x")]) == lines[3].index("y") == 6

    def test_text_drops_control_characters(self):
        text = Table([{"a": "x\x1b[31mred\ty"}]).to_text()
        assert "\x1b" not in text and "\t" not in text
        assert "x[31mred y" in text

    def test_str_and_repr_are_the_text_table(self):
        t = Table([{"a": 1}], title="T")
        assert str(t) == repr(t) == t.to_text()
        assert t.to_text().splitlines()[0] == "T"

    def test_equality(self):
        assert Table([{"a": 1}]) == Table([{"a": 1}])
        assert Table([{"a": 1}]) != Table([{"a": 2}])

    def test_bad_width(self):
        with pytest.raises(ValueError, match="max_width"):
            Table([], max_width=0)


class TestCellText:
    @pytest.mark.parametrize(
        "value, text",
        [(None, ""), (True, "yes"), (False, "no"), ((), ""), (["a", 1], "a, 1"), (1.5, "1.5")],
    )
    def test_values(self, value, text):
        assert cell_text(value) == text
