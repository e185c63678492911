"""Regression tests for issue 9's resource shapes and silently accepted input.

Each test failed on the code before the limits (commit 58c14b5): the note on each
says how (a hang, MemoryError, RecursionError, a traceback, or bad input accepted).
The hostile inputs are small and each is refused within milliseconds, so these run
in-process; ``test_fuzz.py`` runs the same shapes under resource limits.
"""

from __future__ import annotations

import io
import json
import sys
import warnings

import pytest

import argmap
from argmap import (
    AnalysisTimeout,
    ArgmapError,
    ArgumentationFramework,
    ArgumentMap,
    FormatError,
    LimitError,
    MapValidationError,
    limits,
)
from argmap.cli import main


def _bomb(levels: int = 9, fan: int = 9) -> str:
    """A YAML flow sequence whose aliases expand to fan**levels nodes ("billion laughs")."""
    items = ["&l0 [x, x]"]
    for k in range(1, levels):
        items.append(f"&l{k} [" + ", ".join([f"*l{k - 1}"] * fan) + "]")
    return "[" + ", ".join(items) + "]"


def _native_yaml(where: str, value: str) -> str:
    return (
        f"argmap: 1\nstatements:\n  - id: c\n    kind: claim\n    text: C.\n    {where}: {value}\n"
    )


def _deep_json(depth: int) -> str:
    return "[" * depth + "]" * depth


# ------------------------------------------------------------------ alias bombs
class TestAliasExpansion:
    # before: validate hung or died with MemoryError (the alias graph is small, its
    # expansion into pydantic objects is not)
    def test_native_bomb(self):
        with pytest.raises(LimitError, match="max_alias_nodes") as exc:
            argmap.loads(_native_yaml("tags", _bomb()))
        assert exc.value.limit == "max_alias_nodes" and exc.value.line == 6

    # before: passed validate, then exhausted memory in convert
    def test_bomb_in_meta(self):
        with pytest.raises(LimitError, match="max_alias_nodes"):
            argmap.loads(_native_yaml("meta", "{x: " + _bomb() + "}"))

    def test_bomb_in_argdown_data_block(self):
        with pytest.raises(LimitError, match="max_alias_nodes"):
            argmap.loads("[C]: We act. {x: " + _bomb() + "}\n", format="argdown")

    def test_bomb_in_argdown_front_matter(self):
        with pytest.raises(LimitError, match="max_alias_nodes") as exc:
            argmap.loads("===\nx: " + _bomb() + "\n===\n\n[C]: We act.\n", format="argdown")
        assert exc.value.line == 2

    def test_recursive_alias(self):
        with pytest.raises(LimitError, match="its own anchor"):
            argmap.loads(_native_yaml("meta", "&a {x: *a}"))

    def test_a_few_aliases_are_fine(self):
        text = "argmap: 1\nstatements:\n"
        text += "  - {id: a, kind: claim, text: A., source: &s {title: T, date: '2024'}}\n"
        text += "  - {id: b, kind: claim, text: B., source: *s}\n"
        m = argmap.loads(text)
        assert m["b"].source.title == "T"

    def test_the_limit_can_be_raised(self):
        text = _native_yaml("meta", "{x: " + _bomb(4, 9) + "}")  # 9**3 * 2 nodes and more
        with limits.override(max_alias_nodes=100), pytest.raises(LimitError):
            argmap.loads(text)
        assert argmap.loads(text)["c"].meta["x"]


# ------------------------------------------------------------------ nesting depth
class TestDepth:
    # before: RecursionError (JSON, Argdown data and front matter, GraphML meta) or a
    # segmentation fault (libyaml's C composer on 100,000 '[')
    @pytest.mark.parametrize("depth", [101, 3000, 100_000])
    def test_native_yaml(self, depth):
        with pytest.raises(LimitError, match="max_depth"):
            argmap.loads(_native_yaml("meta", "{x: " + _deep_json(depth) + "}"))

    @pytest.mark.parametrize("depth", [101, 3000, 100_000])
    def test_native_json(self, depth):
        text = json.dumps({"argmap": 1, "statements": []})[:-1] + ', "x": ' + _deep_json(depth)
        with pytest.raises(LimitError, match="max_depth"):
            argmap.loads(text + "}", format="json")

    def test_argdown_data_block(self):
        with pytest.raises(LimitError, match="max_depth"):
            argmap.loads("[C]: We act. {x: " + _deep_json(5000) + "}\n", format="argdown")

    def test_argdown_front_matter(self):
        with pytest.raises(LimitError, match="max_depth"):
            argmap.loads("===\nx: " + _deep_json(5000) + "\n===\n[C]: A.\n", format="argdown")

    @pytest.mark.parametrize("fmt", ["aif", "sadface", "node-link"])
    def test_json_formats(self, fmt):
        text = argmap.dumps(_small_map(), format=fmt).rstrip()
        with pytest.raises(LimitError, match="max_depth"):
            argmap.loads(text[:-1] + ', "zz": ' + _deep_json(5000) + "}", format=fmt)

    def test_graphml_meta(self):
        m = _small_map()
        m.claim("With meta.", id="x", meta={"a": 1})
        text = argmap.dumps(m, format="graphml").replace('{"a": 1}', _deep_json(5000), 1)
        with pytest.raises(LimitError, match="max_depth"):
            argmap.loads(text, format="graphml")

    # before: validated, then could not be written back (RecursionError in the dump)
    def test_meta_too_deep_to_write_back_is_refused_at_build_time(self):
        deep: dict = {}
        cur = deep
        for _ in range(260):
            cur["k"] = {}
            cur = cur["k"]
        with pytest.raises(MapValidationError, match="max_depth"):
            ArgumentMap().claim("C.", meta=deep)

    def test_meta_within_the_limit_round_trips(self):
        deep: dict = {}
        cur = deep
        for _ in range(90):
            cur["k"] = {}
            cur = cur["k"]
        m = ArgumentMap()
        m.claim("C.", id="c", meta=deep)
        for fmt in ("yaml", "json"):
            assert argmap.loads(argmap.dumps(m, format=fmt), format=fmt) == m


# ------------------------------------------------------------------ numbers
class TestNumbers:
    # before: ValueError traceback ("Exceeds the limit (4300 digits)")
    @pytest.mark.parametrize("fmt", ["yaml", "json"])
    def test_huge_int(self, fmt):
        big = "9" * 5000
        text = (
            _native_yaml("meta", "{x: " + big + "}")
            if fmt == "yaml"
            else '{"argmap": 1, "statements": [{"id": "c", "kind": "claim", "text": "C.", '
            f'"meta": {{"x": {big}}}}}]}}'
        )
        with pytest.raises(LimitError, match="max_int_digits"):
            argmap.loads(text, format=fmt)

    # before: NaN and inf in meta were accepted, then written as null
    @pytest.mark.parametrize("value", [".nan", ".inf", "-.inf"])
    def test_nan_in_yaml_meta(self, value):
        with pytest.raises(MapValidationError, match="finite"):
            argmap.loads(_native_yaml("meta", "{x: [" + value + "]}"))

    @pytest.mark.parametrize("value", ["NaN", "Infinity", "-Infinity"])
    def test_nan_in_json(self, value):
        text = '{"argmap": 1, "statements": [{"id": "c", "kind": "claim", "text": "C.", '
        text += f'"meta": {{"x": {value}}}}}]}}'
        with pytest.raises(FormatError, match="non-standard JSON constant"):
            argmap.loads(text, format="json")

    def test_overflowing_float_in_json_meta(self):
        text = '{"argmap": 1, "statements": [{"id": "c", "kind": "claim", "text": "C.", '
        text += '"meta": {"x": 1e999}}]}'
        with pytest.raises(MapValidationError, match="finite"):
            argmap.loads(text, format="json")

    # before: accepted as 1.0 and as version 1
    def test_weight_true(self):
        with pytest.raises(MapValidationError, match="weight"):
            argmap.loads(_native_yaml("weight", "true"))

    def test_weight_numeric_string_still_reads(self):
        # YAML 1.1 reads 1e-09 as a string; it was and is a number to argmap
        assert argmap.loads(_native_yaml("weight", "1e-09"))["c"].weight == 1e-09

    def test_argmap_true(self):
        with pytest.raises(MapValidationError, match="not a boolean"):
            argmap.loads("argmap: true\nstatements: []\n")


# ------------------------------------------------------------------ duplicate keys
class TestDuplicateKeys:
    # before: the last value silently won
    def test_yaml(self):
        text = "argmap: 1\nstatements:\n  - id: c\n    kind: claim\n    text: C.\n    text: D.\n"
        with pytest.raises(FormatError, match="duplicate key 'text'") as exc:
            argmap.loads(text)
        assert exc.value.line == 6 and "first at line 5" in str(exc.value)

    def test_json(self):
        text = '{"argmap": 1,\n "statements": [\n  {"id": "c", "kind": "claim",\n'
        text += '   "text": "C.",\n   "text": "D."}]}'
        with pytest.raises(FormatError, match="duplicate key 'text'") as exc:
            argmap.loads(text, format="json")
        assert exc.value.line == 5 and "first at line 4" in str(exc.value)

    def test_same_key_in_different_objects_is_fine(self):
        text = '{"argmap": 1, "statements": [{"id": "a", "kind": "claim", "text": "A."}, '
        text += '{"id": "b", "kind": "claim", "text": "B."}]}'
        assert len(argmap.loads(text, format="json")) == 2

    def test_aif(self):
        text = '{"nodes": [{"nodeID": "1", "nodeID": "2", "text": "x", "type": "I"}], '
        text += '"edges": []}'
        with pytest.raises(FormatError, match="duplicate key 'nodeID'"):
            argmap.loads(text, format="aif")


# ------------------------------------------------------------------ ICCMA frameworks
class TestIccma:
    # before: MemoryError
    def test_huge_header(self):
        with pytest.raises(LimitError, match="max_arguments"):
            argmap.parse_af("p af 1000000000000\n1 2\n", "i23")

    # before: OverflowError / ValueError tracebacks
    def test_header_with_thousands_of_digits(self):
        with pytest.raises(LimitError, match="max_arguments"):
            argmap.parse_af("p af " + "9" * 5000 + "\n", "i23")

    def test_oversized_attack_number(self):
        with pytest.raises(FormatError, match="out of range"):
            argmap.parse_af("p af 3\n1 " + "9" * 5000 + "\n", "i23")

    def test_the_limit_can_be_raised(self):
        with limits.override(max_arguments=5), pytest.raises(LimitError):
            argmap.parse_af("p af 6\n", "i23")
        assert argmap.parse_af("p af 6\n", "i23").num_arguments == 6

    def test_apx_size(self):
        with limits.override(max_arguments=2), pytest.raises(LimitError):
            argmap.parse_af("arg(a). arg(b). arg(c).", "apx")

    # before: files of 1 MB or more read \r, \v, \f as blanks, smaller ones as line ends
    @pytest.mark.parametrize("blank", ["\r", "\v", "\f", "\t"])
    def test_blanks_read_the_same_whatever_the_size(self, blank):
        pytest.importorskip("numpy")
        small = f"p af 3\n1{blank}2\n".encode()
        large = small + b"2 3\n" * 300_000  # over the 1 MB fast path threshold
        a, b = argmap.parse_af(small, "i23"), argmap.parse_af(large, "i23")
        assert list(a.attacks()) == [("1", "2")]
        assert list(b.attacks())[0] == ("1", "2")

    def test_crlf_line_ends(self):
        small = b"p af 3\r\n1 2\r\n"
        large = small + b"2 3\r\n" * 300_000
        assert list(argmap.parse_af(small, "i23").attacks()) == [("1", "2")]
        assert sorted(argmap.parse_af(large, "i23").attacks()) == [("1", "2"), ("2", "3")]


# ------------------------------------------------------------------ messages
class TestMessages:
    # before: "missing required key 0"
    def test_missing_key_is_named(self):
        with pytest.raises(MapValidationError, match="missing required key 'text'"):
            argmap.loads("argmap: 1\nstatements:\n  - {id: c, kind: claim}\n")

    # before: the duplicate was reported at the first use's line, and not in line order
    def test_unknown_kind_hides_nothing(self):
        text = (
            "argmap: 1\nstatements:\n"
            "  - {id: a, kind: claim, text: A.}\n"  # 3
            "  - {id: b, kind: objecton, text: B.}\n"  # 4
            "  - {id: c, kind: claim, text: C., colour: red}\n"  # 5
            "  - {id: a, kind: claim, text: Again.}\n"  # 6
            "relations:\n"
            "  - {from: c, to: zz, kind: supports}\n"  # 8
        )
        with pytest.raises(MapValidationError) as exc:
            argmap.loads(text)
        lines = [p.split(":")[0] for p in exc.value.problems]
        assert lines == ["line 4", "line 5", "line 6", "line 8"]
        assert "objecton" in exc.value.problems[0]
        assert "colour" in exc.value.problems[1]
        assert "used twice" in exc.value.problems[2]
        assert "'zz'" in exc.value.problems[3]

    # before: a traceback
    def test_non_utf8_stdin(self, monkeypatch, capsys):
        data = b"argmap: 1\nstatements: []\ntitle: \xff\n"

        class Stdin:
            buffer = io.BytesIO(data)

        monkeypatch.setattr(sys, "stdin", Stdin())
        assert main(["convert", "-", "-", "--from", "yaml", "--to", "json"]) == 2
        err = capsys.readouterr().err
        assert "not UTF-8" in err and "offset 32" in err and "line 3" in err

    # before: dot failed with "longer than 16384?" and no statement named
    def test_long_quote_names_the_statement(self):
        m = ArgumentMap()
        m.claim("C.", id="long-one", quote="q" * 20_000)
        with pytest.warns(argmap.EngineWarning, match="statement 'long-one'"):
            source = argmap.to_graphviz(m).source
        longest = max(len(part) for part in source.split('"'))
        assert longest < limits.max_text_length


# ------------------------------------------------------------------ model_copy
class TestModelCopy:
    # before: added, then written into a file that load rejects
    def test_add_validates(self):
        m = ArgumentMap()
        c = m.claim("C.", id="c")
        bad = c.model_copy(update={"id": "bad id", "weight": 5})
        with pytest.raises(MapValidationError) as exc:
            m.add(bad)
        assert "weight" in str(exc.value) and "id" in str(exc.value)
        assert "bad id" not in m

    def test_replace_validates(self):
        m = ArgumentMap()
        c = m.claim("C.", id="c")
        with pytest.raises(MapValidationError):
            m.replace(c.model_copy(update={"text": ""}))
        assert m["c"].text == "C."

    def test_add_relation_validates(self):
        m = ArgumentMap()
        m.claim("A.", id="a")
        m.claim("B.", id="b")
        rel = argmap.Relation(from_="a", to="b", kind="supports")
        with pytest.raises(MapValidationError):
            m.add_relation(rel.model_copy(update={"kind": "likes"}))


# ------------------------------------------------------------------ timeouts
def _contradictions(n: int) -> ArgumentMap:
    m = ArgumentMap()
    for i in range(n):
        m.claim(f"S{i}.", id=f"s{i}")
    for i in range(n):
        for j in range(i + 1, n):
            m.relate(f"s{i}", f"s{j}", "contradicts")
    return m


class TestTimeout:
    # before: no timeout; 2,000 mutually contradicting statements ran past 600 s
    def test_analyze_stops(self):
        with pytest.raises(AnalysisTimeout, match="timeout"):
            argmap.analyze(_contradictions(6), timeout=1e-9)

    def test_statuses_and_solve_stop(self):
        from argmap.cli.solve import solve

        with pytest.raises(AnalysisTimeout):
            argmap.statuses(_contradictions(6), "preferred", timeout=1e-9)
        af = ArgumentationFramework.from_edges("ab", [("a", "b"), ("b", "a")])
        with pytest.raises(AnalysisTimeout):
            solve(af, "EE-PR", timeout=1e-9)

    def test_enough_time_gives_the_answer(self):
        r = argmap.analyze(_contradictions(6), timeout=600)
        assert r.extension_counts["preferred"] == 6

    def test_cli_timeout_exits_2_with_nothing_on_stdout(self, tmp_path, capsys):
        path = tmp_path / "m.yaml"
        argmap.dump(_contradictions(5), path)
        assert main(["analyze", str(path), "--timeout", "1e-9"]) == 2
        out, err = capsys.readouterr()
        assert out == "" and "timeout" in err

    def test_cli_timeout_for_solve(self, tmp_path, capsys):
        path = tmp_path / "af.i23"
        path.write_text("p af 2\n1 2\n2 1\n")
        assert main(["solve", "-p", "EE-PR", "-f", str(path), "--timeout", "1e-9"]) == 2
        out, err = capsys.readouterr()
        assert out == "" and "timeout" in err

    # before: the message told CLI users to pass max_extensions, which the CLI had not
    def test_cli_max_extensions(self, tmp_path, capsys):
        path = tmp_path / "m.yaml"
        argmap.dump(_contradictions(5), path)
        args = ["analyze", str(path), "--semantics", "semi-stable", "--strength", "none"]
        assert main([*args, "--max-extensions", "2"]) == 2
        assert "--max-extensions" in capsys.readouterr().err
        assert main([*args, "--max-extensions", "10"]) == 0

    def test_many_extensions_answered_by_shared_queries(self):
        # more preferred extensions than max_extensions: acceptance queries label the rest
        r = argmap.analyze(_contradictions(40), max_extensions=5, strength=None)
        assert set(r.statuses["preferred"].values()) == {"undec"}
        assert r.extension_counts["preferred"] is None


class TestProgress:
    def test_nothing_on_a_pipe(self):
        from argmap.analysis.deadline import progress

        stream = io.StringIO()
        with progress("work", stream=stream, after=0):
            pass
        assert stream.getvalue() == ""

    def test_a_line_on_a_terminal_erased_at_the_end(self):
        import threading

        from argmap.analysis.deadline import progress, stage

        class Tty(io.StringIO):
            def isatty(self):
                return True

        stream = Tty()
        drawn = threading.Event()
        write = stream.write

        def spy(text):
            if "work" in text:
                drawn.set()
            return write(text)

        stream.write = spy
        with progress("work", stream=stream, after=0):
            stage("step one")
            assert drawn.wait(10)
        text = stream.getvalue()
        assert "work (step one)" in text and text.endswith("\r\x1b[K")


def _small_map() -> ArgumentMap:
    m = ArgumentMap(title="Small")
    c = m.claim("We act.", id="c")
    o = m.objection("It costs.", id="o", against=c)
    m.rebuttal("It pays.", id="r", against=o)
    return m


def test_every_limit_error_is_an_argmap_error():
    assert issubclass(LimitError, FormatError) and issubclass(LimitError, ArgmapError)
    assert issubclass(AnalysisTimeout, ArgmapError) and issubclass(AnalysisTimeout, TimeoutError)
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        assert limits.max_depth == 100


def test_kialo_number_longer_than_an_id():
    # before: a raw pydantic ValidationError (ids hold at most 200 characters)
    text = "Discussion Title: T\n\n1. Thesis.\n1." + "9" * 5000 + ". Pro: A reason.\n"
    with pytest.raises(FormatError, match="5002 characters") as exc:
        argmap.loads(text, format="kialo")
    assert exc.value.line == 4


class TestXml:
    # these passed before too (expat refuses entity amplification itself; ElementTree
    # builds deep trees without recursion): kept as guards
    def test_entity_bomb(self):
        text = argmap.dumps(_small_map(), format="graphml")
        steps = zip("abcdefg", "bcdefgh", strict=True)
        ents = ['<!ENTITY a "aaaaaaaaaa">'] + [
            f'<!ENTITY {b} "{("&" + a + ";") * 10}">' for a, b in steps
        ]
        dtd = '<?xml version="1.0"?><!DOCTYPE x [' + "".join(ents) + "]>"
        bomb = dtd + text.split("?>", 1)[1].replace(">We act.<", ">&h;<", 1)
        with pytest.raises(FormatError, match="amplification"):
            argmap.loads(bomb, format="graphml")

    def test_deep_elements(self):
        text = argmap.dumps(_small_map(), format="graphml")
        deep = text.replace("<graph ", "<x>" * 100_000 + "</x>" * 100_000 + "<graph ", 1)
        assert len(argmap.loads(deep, format="graphml")) == 3


def test_labels_by_queries_agree_with_enumeration():
    # the shared-solver credulous queries (credulous_arguments) against enumeration
    import random

    rng = random.Random(5)
    for _ in range(150):
        n = rng.randint(1, 8)
        names = [str(i) for i in range(n)]
        pairs = {(rng.choice(names), rng.choice(names)) for _ in range(rng.randint(0, 2 * n))}
        edges = sorted(pairs)
        af = ArgumentationFramework.from_edges(names, edges)
        for sem in ("preferred", "stable"):
            full = argmap.label_framework(af, sem, max_extensions=1000).labels
            assert argmap.label_framework(af, sem, max_extensions=1).labels == full, edges
