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
        assert format_af(af, "apx") == 'arg("a b").\n'  # quoted, as clingo reads it
        with pytest.raises(FormatError, match="cannot be written"):
            format_af(af, "tgf")
        with pytest.raises(FormatError, match="cannot be written in apx"):
            format_af(ArgumentationFramework.from_edges(["a\rb"], []), "apx")

    def test_apx_quotes_what_is_not_an_asp_constant(self):
        names = ["a1", "~r0", "a.b", "x:y", "(p)", "q,r", "%c", "X", 'say "hi"\\', "l1\nl2"]
        names += ["01", "7", "-3", ""]
        af = ArgumentationFramework.from_edges(
            names, [(a, b) for a, b in zip(names, names[1:], strict=False)]
        )
        text = format_af(af, "apx")
        assert "arg(a1)." in text and "arg(7)." in text
        assert 'arg("~r0").' in text and 'arg("X").' in text and 'arg("01").' in text
        assert 'arg("say \\"hi\\"\\\\").' in text and 'arg("l1\\nl2").' in text
        back = parse_af(text, "apx")
        assert list(back.names) == names and back == af

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


class TestSolverWhitespace:
    """The white space the solver interface allows (clingo reads apx: any white space
    between tokens; tgf: fields split on white space), and what it does not."""

    @pytest.mark.parametrize(
        "text",
        [
            "arg (a).\narg (b).\natt (a,b).\n",  # a space before the parenthesis
            "arg( a ).\narg(b ) .\natt( a , b ).\n",  # around names, commas and the dot
            "arg(a).arg(b).att(a,b).",  # several facts on a line, no spaces
            "arg(a).\narg(b).\natt(a,\n    b).\n",  # a fact over two lines
            "\targ(a).\t\narg(b).   \n\natt(a,b).\n",  # tabs, trailing spaces, blank lines
            "arg(a).\r\narg(b).\r\natt(a,b).\r\n",  # CRLF
            "arg(a). % a\narg(b).\natt(a, % split\nb).\n",  # comments inside and after
        ],
    )
    def test_apx_accepts(self, text):
        af = parse_af(text, "apx")
        assert list(af.names) == ["a", "b"] and list(af.attacks()) == [("a", "b")]

    @pytest.mark.parametrize(
        ("text", "line"),
        [
            ("arg(a b).\n", 1),  # white space inside a name
            ("ar g(a).\n", 1),  # inside the predicate
            ("arg(a).\narg(b)\natt(a,b).\n", 2),  # a missing dot
            ("arg().\n", 1),  # no name
            ("arg(a).\natt(a,b,c).\n", 2),  # three arguments
            ("arg(a).\n\nattack(a,a).\n", 3),  # an unknown predicate
            ("arg(a).\narg((b)).\n", 2),  # nested parentheses
            ("arg(a).\natt(a\n,\nb\n", 2),  # never closed: the line where the fact starts
        ],
    )
    def test_apx_rejects(self, text, line):
        with pytest.raises(FormatError, match="expected arg") as info:
            parse_af(text, "apx")
        assert info.value.line == line

    def test_apx_line_of_an_undeclared_name_after_a_multi_line_fact(self):
        with pytest.raises(FormatError, match="'c', which is never declared") as info:
            parse_af("arg(a).\narg(\nb).\natt(b,a).\natt(\n a,\n c).\n", "apx")
        assert info.value.line == 5

    @pytest.mark.parametrize(
        "text",
        [
            "a\nb\n#\na b\n",
            "  a  \n\tb\n\n # \na\tb\n",  # spaces and tabs around fields, blank lines
            "a\r\nb\r\n#\r\na   b\r\n",  # CRLF, several spaces between the fields
        ],
    )
    def test_tgf_accepts(self, text):
        af = parse_af(text, "tgf")
        assert list(af.names) == ["a", "b"] and list(af.attacks()) == [("a", "b")]

    @pytest.mark.parametrize(
        ("text", "line", "message"),
        [
            ("a b\n#\n", 1, "one argument name"),  # white space inside a name
            ("a\nb\n#\na b c\n", 4, "an attack"),  # three fields
            ("a\nb\n#\na\n", 4, "an attack"),  # one field
            ("a\nb\n#\n#\n", 4, "an attack"),  # a second '#'
            ("a\nb\n# edges\n", 3, "one argument name"),  # text after '#'
        ],
    )
    def test_tgf_rejects(self, text, line, message):
        with pytest.raises(FormatError, match=message) as info:
            parse_af(text, "tgf")
        assert info.value.line == line


# Found by an adversarial review against clingo 5.8 (the ASPARTIX reader of apx): each
# case below was read differently before (white space Python's \s and str.split skip but
# clingo's lexer does not; a block comment; a pool).
_CLINGO_REJECTS_SPACE = ["\f", "\v", "\u00a0", "\u2003", "\x1c", "\x85", "\u2028"]


class TestAgainstClingo:
    @pytest.mark.parametrize("space", _CLINGO_REJECTS_SPACE)
    def test_apx_white_space_clingo_does_not_skip_is_refused(self, space):
        with pytest.raises(FormatError, match=f"U\\+{ord(space):04X}") as info:
            parse_af(f"arg(a).\narg(b).{space}att(a,b).\n", "apx")
        assert info.value.line == 2

    @pytest.mark.parametrize("space", _CLINGO_REJECTS_SPACE)
    def test_tgf_white_space_other_than_spaces_and_tabs_is_refused(self, space):
        # 'a b<NBSP>c' was read as an attack a -> b and c dropped; U+2028 split a line
        with pytest.raises(FormatError, match=f"U\\+{ord(space):04X}") as info:
            parse_af(f"a\nb\n#\na b{space}\n", "tgf")
        assert info.value.line == 4

    @pytest.mark.parametrize(
        "text",
        [
            "%* a block\ncomment *%\narg(a).\narg(b).\natt(a,b).\n",  # refused before
            "%* one line *% arg(a). arg(b).\natt(a,b).\n",  # arg(a), arg(b) were dropped
        ],
    )
    def test_apx_block_comments(self, text):
        af = parse_af(text, "apx")
        assert list(af.names) == ["a", "b"] and list(af.attacks()) == [("a", "b")]

    def test_apx_unclosed_block_comment_and_its_line(self):
        with pytest.raises(FormatError, match="never closed") as info:
            parse_af("arg(a).\n%* open\narg(b).\n", "apx")
        assert info.value.line == 2

    def test_apx_line_numbers_count_the_lines_of_block_comments(self):
        with pytest.raises(FormatError, match="never declared") as info:
            parse_af("%* x\ny\n*% arg(a).\natt(a,b).\n", "apx")
        assert info.value.line == 4

    def test_apx_pool_is_refused_not_read_as_one_name(self):
        # clingo reads arg(a;b). as arg(a). arg(b).; argmap had one argument 'a;b'
        with pytest.raises(FormatError, match="expected arg"):
            parse_af("arg(a;b).\n", "apx")
        af = ArgumentationFramework.from_edges(["a;b"], [])
        text = format_af(af, "apx")  # written quoted, so clingo reads one argument
        assert 'arg("a;b").' in text
        assert list(parse_af(text, "apx").names) == ["a;b"]

    @pytest.mark.parametrize(
        ("text", "accepted"),
        [
            ("arg (a).\natt(a ,\n a) .", True),
            ("arg(a).\rarg(b).", True),
            ("arg(a).\farg(b).", False),
            ("arg(a).\u00a0arg(b).", False),
            ("arg(a b).", False),
            ("%* c\n*% arg(a).", True),
            ("arg(a;b).", None),  # clingo: two arguments; argmap refuses
        ],
    )
    def test_clingo_agrees(self, text, accepted):
        """Where clingo is installed (the ``bench`` extra), it accepts what argmap does."""
        pytest.importorskip("clingo")
        import json
        import subprocess
        import sys

        code = (
            "import sys, clingo\n"
            "ctl = clingo.Control(['--warn=none'])\n"
            "try:\n"
            "    ctl.add('base', [], sys.stdin.read()); ctl.ground([('base', [])])\n"
            "    print('accept')\n"
            "except RuntimeError:\n"
            "    print('reject')\n"
        )
        proc = subprocess.run(
            [sys.executable, "-c", code], input=text, capture_output=True, text=True,
            encoding="utf-8", errors="replace", timeout=60,
        )  # fmt: skip
        clingo_accepts = proc.stdout.strip() == "accept"
        try:
            parse_af(text, "apx")
            ours = True
        except FormatError:
            ours = False
        if accepted is None:
            assert clingo_accepts and not ours
        else:
            assert (clingo_accepts, ours) == (accepted, accepted), json.dumps(text)

    _NAMES = ["eat-out", "b", "a.b", 'q"x', "É", "Eat", "-3", "_x"]

    def test_apx_names_clingo_would_not_read_as_themselves_are_quoted(self):
        # 'arg(eat-out).' is arithmetic to clingo (eat - out): it dropped the argument and
        # its attacks without a word; statement ids have hyphens, so export-af wrote them
        af = ArgumentationFramework.from_edges(self._NAMES, [("eat-out", "b"), ("a.b", 'q"x')])
        text = format_af(af, "apx")
        assert 'arg("eat-out").' in text and "arg(b)." in text and 'arg("q\\"x").' in text
        assert parse_af(text, "apx") == af

    def test_apx_name_written_quoted_and_not_is_refused(self):
        with pytest.raises(FormatError, match="written both") as info:
            parse_af('arg(a).\n\natt("a",a).\n', "apx")
        assert info.value.line == 3

    def test_clingo_reads_every_argument_argmap_writes(self):
        pytest.importorskip("clingo")
        import json
        import subprocess
        import sys

        af = ArgumentationFramework.from_edges(self._NAMES, [("eat-out", "b"), ("a.b", 'q"x')])
        code = (
            "import sys, json, clingo\n"
            "ctl = clingo.Control(['--warn=none'])\n"
            "ctl.add('base', [], sys.stdin.read()); ctl.ground([('base', [])])\n"
            "with ctl.solve(yield_=True) as h:\n"
            "    print(json.dumps([[s.name, len(s.arguments)] for m in h"
            " for s in m.symbols(atoms=True)]))\n"
        )
        proc = subprocess.run(
            [sys.executable, "-c", code], input=format_af(af, "apx"), capture_output=True,
            text=True, encoding="utf-8", errors="replace", timeout=60,
        )  # fmt: skip
        atoms = json.loads(proc.stdout)
        assert sorted(atoms) == sorted([["arg", 1]] * len(self._NAMES) + [["att", 2]] * 2)
