"""Argdown reader and writer under hostile input: linear tag scanning, @include limits,
escaping on export, and a round-trip property with hostile strings in every text field."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import argmap
from argmap.errors import FormatError
from argmap.formats.argdown import MAX_INCLUDE_DEPTH, dumps_argdown, loads_argdown
from support import run_limited as _run_limited

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.skipif(sys.platform == "win32", reason="needs resource.setrlimit")
class TestLinearTags:
    """The trailing-tags regex backtracked quadratically (a 60 KB line: over 60 s)."""

    @pytest.mark.parametrize(
        "line",
        [
            "'[T]: text ' + '#tag ' * 40000 + 'end'",  # tags not trailing after all
            "'[T]: text ' + '#(x ' * 50000",  # bracketed tags never closed
            "'[T]: text ' + '#a ' * 60000",  # all trailing
            "'[T]: ' + 'x #(y ' * 30000 + ')'",
        ],
    )
    def test_a_200_kb_line_parses(self, line):
        proc = _run_limited(
            f"""
            from argmap.formats.argdown import loads_argdown
            text = {line}
            assert len(text) >= 180_000, len(text)
            m, _ = loads_argdown(text)
            print(len(m))
            """
        )
        assert proc.returncode == 0, proc.stderr[-2000:]
        assert proc.stdout.strip() == "1"

    def test_trailing_tags_leave_the_text_and_inline_ones_stay(self):
        m, _ = loads_argdown("[T]: Eat #(really) out. #now #(to night)\n")
        assert m.get("T").text == "Eat #(really) out."
        assert m.get("T").tags == ("really", "now", "to night")


class TestInclude:
    def test_included_relative_to_the_including_file(self, tmp_path):
        (tmp_path / "sub").mkdir()
        (tmp_path / "sub" / "part.argdown").write_text("[P]: Part.\n  - [M]\n")
        main = tmp_path / "main.argdown"
        main.write_text("[M]: Main.\n\n@include(sub/part.argdown)\n")
        m, losses = argmap.read(main)
        assert {s.id for s in m.statements()} == {"M", "P"}
        assert [(r.from_, r.to) for r in m.relations()] == [("M", "P")]
        assert losses == []

    def test_cycle_and_repeat_are_included_once_with_a_warning(self, tmp_path):
        (tmp_path / "a.argdown").write_text("[A]: a.\n\n@include(b.argdown)\n")
        (tmp_path / "b.argdown").write_text("[B]: b.\n\n@include(a.argdown)\n@include(b.argdown)\n")
        m, losses = argmap.read(tmp_path / "a.argdown")
        assert {s.id for s in m.statements()} == {"A", "B"}
        assert len([w for w in losses if "already included" in w]) == 2

    def test_depth_limit(self, tmp_path):
        for k in range(MAX_INCLUDE_DEPTH + 2):
            (tmp_path / f"f{k}.argdown").write_text(f"[S{k}]: s.\n\n@include(f{k + 1}.argdown)\n")
        (tmp_path / f"f{MAX_INCLUDE_DEPTH + 2}.argdown").write_text("[End]: e.\n")
        with pytest.raises(FormatError, match="nests deeper than"):
            argmap.read(tmp_path / "f0.argdown")

    def test_missing_file_and_folder_are_clear_errors(self, tmp_path):
        main = tmp_path / "main.argdown"
        main.write_text("[M]: m.\n\n@include(nope.argdown)\n")
        with pytest.raises(FormatError, match="no such file"):
            argmap.read(main)
        (tmp_path / "dir").mkdir()
        main.write_text("[M]: m.\n\n@include(dir)\n")
        with pytest.raises(FormatError, match="not a regular file"):
            argmap.read(main)

    @pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs os.mkfifo")
    def test_a_fifo_is_refused_not_read(self, tmp_path):
        os.mkfifo(tmp_path / "pipe")
        main = tmp_path / "main.argdown"
        main.write_text("[M]: m.\n\n@include(pipe)\n")
        with pytest.raises(FormatError, match="not a regular file"):
            argmap.read(main)

    def test_no_file_access_warns(self, tmp_path):
        (tmp_path / "part.argdown").write_text("[P]: Part.\n")
        main = tmp_path / "main.argdown"
        main.write_text("[M]: Main.\n\n@include(part.argdown)\n")
        m, losses = argmap.read(main, file_access=False)
        assert [s.id for s in m.statements()] == ["M"]
        assert any("file access is off" in w for w in losses)
        with pytest.warns(argmap.LossWarning, match="file access is off"):
            argmap.load(main, file_access=False)

    def test_text_without_a_path_warns(self):
        m, losses = loads_argdown("[M]: Main.\n\n@include(part.argdown)\n")
        assert [s.id for s in m.statements()] == ["M"]
        assert any("no file path" in w for w in losses)

    def test_an_include_in_a_text_is_written_so_that_nothing_follows_it(self, tmp_path):
        m = argmap.ArgumentMap()
        m.claim("See @include(secret.argdown) here.", id="c")
        out = dumps_argdown(m)
        assert "@include(" not in out
        back, losses = loads_argdown(out, path=str(tmp_path / "x.argdown"))
        assert back == m and losses == []


class TestTagsOnExport:
    @pytest.mark.parametrize(
        "tag", ["a{b}", "{x: 1}", "[t]", "a // b", "<x>", "@[T]", "x)y", "#", "a\nb", "q\\"]
    )
    def test_a_tag_argdown_cannot_hold_rides_in_the_data(self, tag):
        m = argmap.ArgumentMap()
        a = m.actor("ann", "Ann")
        m.claim("Text.", id="c", tags=[tag, "plain"], by=a.id, quote="Q {x}", note="N [y]")
        back, losses = loads_argdown(dumps_argdown(m))
        assert back == m
        assert losses == []


# ----------------------------------------------------------------------------- property
_HOSTILE = [
    "\n",
    "{",
    "}",
    "[",
    "]",
    "<",
    ">",
    "#",
    "@",
    "* ",
    "1. ",
    "- ",
    "+ ",
    "(1) ",
    "----",
    "===",
    "//",
    "/*",
    "*/",
    "<!--",
    "-->",
    "\\",
    ":",
    "@include(x.argdown)",
    "#(t)",
    "{a: 1}",
    "[T]: ",
    "<A>: ",
    "  ",
    "word",
    "é",
]
hostile = (
    st.lists(st.sampled_from(_HOSTILE), min_size=1, max_size=8)
    .map("".join)
    .filter(lambda t: t.strip() != "")
)
opt_hostile = st.none() | hostile


@st.composite
def hostile_maps(draw):
    m = argmap.ArgumentMap(title=draw(opt_hostile))
    m.actor("ann", draw(hostile), affiliation=draw(opt_hostile))
    ids = draw(st.lists(st.from_regex(r"[a-z][a-z0-9]{0,5}", fullmatch=True), min_size=1,
                        max_size=5, unique=True))
    for sid in ids:
        meta = {}
        if draw(st.booleans()):
            meta["argdown"] = "argument"
        if draw(st.booleans()):
            meta["argdown_section"] = [draw(hostile)]
        m.statement(
            draw(st.sampled_from(["claim", "objection", "rebuttal", "evidence"])),
            draw(hostile),
            id=sid,
            by=draw(st.none() | st.just("ann")),
            quote=draw(opt_hostile),
            note=draw(opt_hostile),
            tags=draw(st.lists(hostile, max_size=2, unique=True)),
            source=argmap.model.Source(title=draw(hostile)) if draw(st.booleans()) else None,
            meta=meta or None,
        )
    for _ in range(draw(st.integers(0, 6))):
        a, b = draw(st.sampled_from(ids)), draw(st.sampled_from(ids))
        try:
            m.relate(a, b, draw(st.sampled_from(["supports", "contradicts", "objects"])),
                     note=draw(opt_hostile))
        except argmap.ArgmapError:
            pass
    return m


class TestHostileRoundTrip:
    @settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
    @given(hostile_maps())
    def test_export_then_import_is_the_same_map(self, m):
        back, losses = loads_argdown(dumps_argdown(m))
        assert losses == []
        assert back == m
