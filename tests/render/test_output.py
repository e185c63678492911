"""render / render_bytes / render_svg: formats by extension, engines, atomic writes."""

from __future__ import annotations

import stat
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from render_fixtures import (
    HOSTILE_TEXTS,
    build_hostile,
    needs_dot,
    needs_engine,
    needs_graphviz_pure,
)

from argmap import ExecutableNotFoundError
from argmap.errors import ArgmapError, OptionError, RenderError
from argmap.render import (
    WRITERS,
    Writer,
    engines,
    format_for_path,
    register_writer,
    render,
    render_bytes,
    render_svg,
)
from argmap.render.dot import clean_text

SVG = "{http://www.w3.org/2000/svg}"
XLINK = "{http://www.w3.org/1999/xlink}"


@pytest.fixture
def failing_engine(monkeypatch, tmp_path):
    """Only a `dot` that writes half its output, complains and fails."""
    folder = tmp_path / "bin"
    folder.mkdir()
    fake = folder / "dot"
    fake.write_text("#!/bin/sh\nPATH=/usr/bin:/bin\nhead -c 10\necho 'Error: boom' >&2\nexit 3\n")
    fake.chmod(fake.stat().st_mode | stat.S_IXUSR)
    monkeypatch.setenv("PATH", str(folder))
    monkeypatch.setattr(engines, "_scripts_dirs", lambda: [])


class TestFormatForPath:
    @pytest.mark.parametrize(
        ("name", "fmt"),
        [
            ("a.svg", "svg"),
            ("a.PNG", "png"),
            ("x/a.pdf", "pdf"),
            ("a.dot", "dot"),
            ("a.gv", "dot"),
            ("a.mmd", "mermaid"),
            ("a.mermaid", "mermaid"),
        ],
    )
    def test_extensions(self, name, fmt):
        assert format_for_path(name) == fmt

    def test_unknown_extension_lists_known(self):
        with pytest.raises(OptionError, match=r"'\.txt' names no output format.*\.svg"):
            format_for_path("map.txt")
        with pytest.raises(OptionError, match="no extension") as err:
            format_for_path("map")
        assert "names no" not in str(err.value)  # not "no extension names no output format"

    def test_register_writer(self, sample, tmp_path):
        register_writer(Writer("count", ("count",), lambda m, e, o: str(len(m)), "statements"))
        try:
            render(sample, tmp_path / "n.count")
            assert (tmp_path / "n.count").read_text() == "8"
        finally:
            del WRITERS["count"]


class TestTextFormats:
    """dot and mermaid need no engine at all."""

    def test_dot_without_any_engine(self, sample, tmp_path, monkeypatch):
        monkeypatch.setenv("PATH", "")
        monkeypatch.setattr(engines, "_scripts_dirs", lambda: [])
        out = render(sample, tmp_path / "map.gv", highlight="unanswered")
        text = out.read_text(encoding="utf-8")
        assert text.startswith("digraph argmap {") and "UNANSWERED" in text

    def test_mermaid(self, sample, tmp_path):
        render(sample, tmp_path / "map.mmd")
        assert "flowchart BT" in (tmp_path / "map.mmd").read_text(encoding="utf-8")

    def test_format_overrides_extension(self, sample, tmp_path):
        render(sample, tmp_path / "map.txt", format="dot")
        assert (tmp_path / "map.txt").read_text().startswith("digraph")

    def test_unknown_format(self, sample):
        with pytest.raises(OptionError, match="unknown format 'bmp'"):
            render_bytes(sample, "bmp")

    def test_options_reach_the_builder(self, sample):
        text = render_bytes(sample, "dot", direction="LR", focus="rift", depth=0).decode()
        assert "rankdir=LR" in text and "narrow" not in text


class TestAtomic:
    def test_failing_engine_leaves_existing_file(self, sample, tmp_path, failing_engine):
        target = tmp_path / "map.svg"
        target.write_text("old contents")
        with pytest.raises(RenderError, match="Error: boom"):
            render(sample, target)
        assert target.read_text() == "old contents"
        assert sorted(p.name for p in tmp_path.iterdir()) == ["bin", "map.svg"]

    def test_failing_engine_creates_nothing(self, sample, tmp_path, failing_engine):
        with pytest.raises(RenderError):
            sample.render(tmp_path / "new.png")
        assert not (tmp_path / "new.png").exists()

    def test_missing_engine_creates_nothing(self, sample, tmp_path, monkeypatch):
        monkeypatch.setenv("PATH", "")
        monkeypatch.setattr(engines, "_scripts_dirs", lambda: [])
        with pytest.raises(ExecutableNotFoundError, match="pip install graphviz-pure"):
            render(sample, tmp_path / "map.svg")
        assert list(tmp_path.iterdir()) == []

    def test_missing_folder(self, sample, tmp_path):
        with pytest.raises(ArgmapError, match="folder does not exist"):
            render(sample, tmp_path / "no" / "map.dot")

    def test_bad_option_creates_nothing(self, sample, tmp_path):
        with pytest.raises(OptionError):
            render(sample, tmp_path / "map.dot", color_by="mood")
        assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize(
    "engine",
    [
        pytest.param("dot", marks=needs_dot),
        pytest.param("graphviz-pure", marks=needs_graphviz_pure),
    ],
)
class TestLayoutFormats:
    def test_svg_has_ids_classes_tooltips(self, sample, engine):
        svg = render_svg(sample, engine=engine, highlight="unanswered", legend=True)
        root = ET.fromstring(svg)
        groups = {g.get("id"): g for g in root.iter(f"{SVG}g")}
        for s in sample.statements():
            assert f"s-{s.id}" in groups, s.id
        rift = groups["s-rift"]
        assert "argmap-objection" in rift.get("class")
        tips = [a.get(f"{XLINK}title") for a in rift.iter(f"{SVG}a")]
        assert any(t and "exacerbate differences" in t and "Nikkei Asia" in t for t in tips)
        assert "argmap-unanswered" in groups["s-stay"].get("class")
        text = " ".join(t.text or "" for t in root.iter(f"{SVG}text"))
        assert "UNANSWERED" in text and "George Beebe, Quincy Institute" in text

    def test_empty_map(self, engine):
        from argmap import ArgumentMap

        assert "<svg" in render_svg(ArgumentMap(), engine=engine)
        assert render_bytes(ArgumentMap(), "png", engine=engine, legend=True)[:4] == b"\x89PNG"

    def test_png_file(self, sample, tmp_path, engine):
        out = sample.render(tmp_path / "map.png", engine=engine)
        assert out.read_bytes().startswith(b"\x89PNG")

    def test_every_option_renders(self, sample, engine):
        svg = render_svg(
            sample,
            engine=engine,
            direction="LR",
            color_by="status",
            group_by="actor",
            legend=True,
            show_quotes=True,
            show_ids=True,
            edge_labels=True,
        )
        assert "cluster" in svg

    def test_hostile_text_in_svg(self, engine):
        m = build_hostile()
        root = ET.fromstring(render_svg(m, engine=engine, wrap=None, show_quotes=True))
        text = "\n".join(t.text or "" for t in root.iter(f"{SVG}text"))
        flat = " ".join(text.split())
        for name, value in HOSTILE_TEXTS.items():
            for line in clean_text(value).split("\n"):
                if line.strip():
                    assert " ".join(line.split()) in flat, name
        for g in root.iter(f"{SVG}g"):
            if (g.get("id") or "").startswith("s-"):
                s = m.get(g.get("id")[2:])
                tip = next(a.get(f"{XLINK}title") for a in g.iter(f"{SVG}a"))
                squash = " ".join(tip.replace("\xa0", " ").split())
                assert " ".join(clean_text(s.text).split()) in squash, s.id
                assert " ".join(m.get_actor(s.by).label.split()) in squash if s.by else True
        titles = {g.findtext(f"{SVG}title") for g in root.iter(f"{SVG}g")}
        assert {s.id for s in m.statements()} <= titles
        edges = [g for g in root.iter(f"{SVG}g") if g.get("class", "").startswith("edge")]
        assert len(edges) == len(m.relations())


@needs_dot
def test_pdf(sample, tmp_path):
    assert render(sample, tmp_path / "map.pdf").read_bytes().startswith(b"%PDF")


@needs_graphviz_pure
def test_pdf_with_graphviz_pure_refused(sample, tmp_path):
    with pytest.raises(OptionError, match="cannot write 'pdf'"):
        render(sample, tmp_path / "map.pdf", engine="graphviz-pure")


@needs_engine
def test_map_render_method(sample, tmp_path):
    out = sample.render(str(tmp_path / "m.svg"), highlight="unanswered")
    assert isinstance(out, Path) and "<svg" in out.read_text(encoding="utf-8")
