"""ICCMA framework formats: i23, apx, tgf readers and writers."""

from __future__ import annotations

import random

import pytest

from argmap.analysis import framework
from argmap.analysis.framework import ArgumentationFramework
from argmap.errors import FormatError
from argmap.formats import iccma
from argmap.formats.iccma import af_format_of, format_af, parse_af, read_af, write_af


@pytest.fixture(params=["numpy", "pure"])
def engine(request, monkeypatch):
    """Run each test on the numpy path (large files) and the line reader (small files)."""
    big = 1 << 62
    if request.param == "pure":
        monkeypatch.setattr(iccma, "_NUMPY_MIN_BYTES", big)
        monkeypatch.setattr(framework, "_NUMPY_MIN_ATTACKS", big)
    else:
        monkeypatch.setattr(iccma, "_NUMPY_MIN_BYTES", 0)
        monkeypatch.setattr(framework, "_NUMPY_MIN_ATTACKS", 0)
    return request.param


class TestI23:
    def test_basic(self, engine):
        af = parse_af("p af 4\n1 2\n2 1\n3 4\n", "i23")
        assert list(af.names) == ["1", "2", "3", "4"]
        assert sorted(af.attacks()) == [("1", "2"), ("2", "1"), ("3", "4")]

    def test_harmless_variations(self, engine):
        text = "# header comment\n\np af 3 \n1  2\n\n  2\t3\r\n# between\n3 3"
        af = parse_af(text, "i23")
        assert sorted(af.attacks()) == [("1", "2"), ("2", "3"), ("3", "3")]

    def test_no_attacks_and_bytes(self, engine):
        assert parse_af(b"p af 5\n", "i23").num_arguments == 5
        assert parse_af("p af 0\n", "i23").num_arguments == 0

    @pytest.mark.parametrize(
        ("text", "line", "message"),
        [
            ("1 2\n", 1, "missing 'p af N'"),
            ("", 1, "missing 'p af N'"),
            ("# only a comment\n", 1, "missing 'p af N'"),
            ("p af 3\n1 2\n1 4\n", 3, "argument 4 is out of range 1..3"),
            ("p af 3\n1 99999999999999999999\n", 2, "argument 99999999999999999999 is out"),
            ("p af 3\n0 2\n", 2, "argument 0 is out of range"),
            ("p af 3\n1 2\n2 3\nfoo\n", 4, "expected an attack"),
            ("p af 3\n1 2 3\n", 2, "expected an attack"),
            ("p af 3\n1\n2 3\n", 2, "expected an attack"),
            ("p af 3\n1 2\np af 3\n", 3, "expected an attack"),
            ("p af x\n", 1, "missing 'p af N'"),
            ("p af \u0663\n", 1, "missing 'p af N'"),  # only ASCII digits count
            ("p af 3\n1 \u00b2\n", 2, "expected an attack"),  # isdigit, but not int()
            ("p af 3\n\u0661 2\n", 2, "expected an attack"),
        ],
    )
    def test_malformed(self, engine, text, line, message):
        with pytest.raises(FormatError, match=message) as info:
            parse_af(text, "i23", path="af.i23")
        assert info.value.line == line and info.value.path == "af.i23"
        assert f"line {line}" in str(info.value)

    def test_round_trip_large(self, engine, tmp_path):
        rng = random.Random(1)
        n = 3000
        src = [rng.randrange(n) for _ in range(4 * n)]
        tgt = [rng.randrange(n) for _ in range(4 * n)]
        af = ArgumentationFramework.from_indices(n, src, tgt)
        write_af(af, tmp_path / "x.i23")
        assert read_af(tmp_path / "x.i23") == af


@pytest.mark.parametrize(
    ("fmt", "text"),
    [("i23", "p af 2\n1 2\n"), ("apx", "arg(1).arg(2).att(1,2)."), ("tgf", "1\n2\n#\n1 2\n")],
)
def test_byte_order_mark_is_skipped(engine, fmt, text):
    for data in ("\ufeff" + text, ("\ufeff" + text).encode()):
        af = parse_af(data, fmt)
        assert list(af.names) == ["1", "2"] and list(af.attacks()) == [("1", "2")]


class TestApx:
    def test_basic_and_variations(self):
        text = "% comment\narg(a).\narg( b ).  arg(c).\n\natt(a, b).\natt(b,c). % trailing\n"
        af = parse_af(text, "apx")
        assert list(af.names) == ["a", "b", "c"]
        assert sorted(af.attacks()) == [("a", "b"), ("b", "c")]

    def test_attack_before_declaration_is_fine(self):
        af = parse_af("att(a,b).\narg(a).\narg(b).\n", "apx")
        assert list(af.attacks()) == [("a", "b")]

    @pytest.mark.parametrize(
        ("text", "line", "message"),
        [
            ("arg(a).\natt(a,b).\n", 2, "'b', which is never declared"),
            ("arg(a).\narg(b).\natt(a,b).\nfoo\n", 4, "expected arg"),
            ("arg(a)\n", 1, "expected arg"),
            ("arg(a).\natt(a).\n", 2, "expected arg"),
        ],
    )
    def test_malformed(self, text, line, message):
        with pytest.raises(FormatError, match=message) as info:
            parse_af(text, "apx")
        assert info.value.line == line


class TestTgf:
    def test_basic(self):
        af = parse_af("a\nb\n\n#\na b\nb  a\n", "tgf")
        assert sorted(af.attacks()) == [("a", "b"), ("b", "a")]

    @pytest.mark.parametrize(
        ("text", "line", "message"),
        [
            ("a\nb\n#\na c\n", 4, "'c', which is never declared"),
            ("a\nb\n#\na b\nx y z\n", 5, "expected an attack"),
            ("a b\n#\n", 1, "expected one argument name"),
        ],
    )
    def test_malformed(self, text, line, message):
        with pytest.raises(FormatError, match=message) as info:
            parse_af(text, "tgf")
        assert info.value.line == line


class TestWriting:
    af = ArgumentationFramework.from_edges(["x", "y", "z"], [("x", "y"), ("z", "z")])

    @pytest.mark.parametrize("fmt", ["apx", "tgf"])
    def test_round_trip_keeps_names(self, fmt, tmp_path):
        write_af(self.af, tmp_path / f"f.{fmt}")
        assert read_af(tmp_path / f"f.{fmt}") == self.af

    def test_i23_numbers_arguments(self):
        assert format_af(self.af, "i23") == "p af 3\n1 2\n3 3\n"

    def test_bad_names(self):
        af = ArgumentationFramework.from_edges(["a b"], [])
        with pytest.raises(FormatError, match="cannot be written"):
            format_af(af, "apx")
        with pytest.raises(FormatError, match="cannot be written"):
            format_af(af, "tgf")

    def test_missing_file(self, tmp_path):
        with pytest.raises(FormatError, match="no such file") as info:
            read_af(tmp_path / "missing.apx")
        assert info.value.path == str(tmp_path / "missing.apx")

    def test_format_names(self):
        assert af_format_of("x.I23") == "i23" and af_format_of("x", "apx") == "apx"
        with pytest.raises(FormatError, match="must be one of"):
            af_format_of("x.apx", "gml")
        with pytest.raises(FormatError, match="cannot tell"):
            af_format_of("x.txt")
