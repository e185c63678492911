"""Tests for argmap.formats.argdown: Argdown import and export (no Argdown CLI needed)."""

from __future__ import annotations

import json
import re

import pytest
from hypothesis import HealthCheck, given, settings

import argmap
from argmap.formats import detect_format
from argmap.formats.argdown import dumps_argdown, loads_argdown, sniff_argdown
from strategies import maps


def load(text):
    return loads_argdown(text)


def rels(m):
    return {(r.from_, r.kind, r.to) for r in m.relations()}


class TestStatements:
    def test_titled_statement_and_argument(self):
        m, losses = load("[Eat out]: We should eat out.\n\n<Cheap>: Eating out is cheap.\n")
        assert losses == []
        eat, cheap = m.statements()
        assert (eat.id, eat.text, eat.meta) == (
            "eat-out",
            "We should eat out.",
            {"argdown_title": "Eat out"},
        )
        assert (cheap.id, cheap.meta) == ("Cheap", {"argdown": "argument"})

    def test_title_that_is_an_id_is_kept(self):
        m, _ = load("[eat-out]: We should eat out.\n")
        assert m["eat-out"].meta == {}

    def test_equivalence_by_title(self):
        m, _ = load("[A]: First text.\n\n[A]\n  + [B]: Reason.\n\n[A]: Second text.\n")
        assert len(m) == 2
        assert m["A"].text == "First text."
        assert m["A"].meta == {"argdown_texts": ["Second text."]}
        assert rels(m) == {("B", "supports", "A")}

    def test_untitled_paragraphs_are_statements(self):
        m, _ = load("Some prose that runs\nover two lines.\n\nMore prose.\n")
        assert [s.text for s in m.statements()] == [
            "Some prose that runs over two lines.",
            "More prose.",
        ]

    def test_reference_only_takes_the_title_as_text(self):
        m, _ = load("[A]\n  + <B>\n")
        assert m["A"].text == "A" and m["B"].text == "B"

    def test_escapes(self):
        m, _ = load("[a]: Not a \\#tag, not \\{data\\}, not a \\/\\/ comment.\n")
        assert m["a"].text == "Not a #tag, not {data}, not a // comment."
        assert m["a"].tags == ()


class TestTags:
    def test_trailing_tags_leave_the_text(self):
        m, _ = load("[a]: A claim. #pro #(with spaces)\n")
        assert m["a"].text == "A claim."
        assert m["a"].tags == ("pro", "with spaces")

    def test_inline_tags_stay_in_the_text(self):
        m, _ = load("[a]: A #pro claim.\n")
        assert m["a"].text == "A #pro claim." and m["a"].tags == ("pro",)

    def test_url_anchor_is_no_tag(self):
        m, _ = load("[a]: See [top](#heading-one) and https://x.org/p#frag.\n")
        assert m["a"].tags == ()


class TestRelations:
    @pytest.mark.parametrize(
        ("op", "expected"),
        [
            ("+", ("b", "supports", "a")),
            ("<+", ("b", "supports", "a")),
            ("+>", ("a", "supports", "b")),
            ("-", ("b", "objects", "a")),
            ("<-", ("b", "objects", "a")),
            ("->", ("a", "objects", "b")),
            ("><", ("a", "contradicts", "b")),
        ],
    )
    def test_operators(self, op, expected):
        m, _ = load(f"[a]: A.\n  {op} [b]: B.\n")
        assert rels(m) == {expected}

    def test_roles_follow_the_attack_chain(self):
        m, _ = load("[t]: T.\n  - [o]: O.\n    - [r]: R.\n      - [c]: C.\n  + [p]: P.\n")
        assert {s.id: s.kind for s in m.statements()} == {
            "t": "claim",
            "o": "objection",
            "r": "rebuttal",
            "c": "objection",
            "p": "claim",
        }
        assert rels(m) == {
            ("o", "objects", "t"),
            ("r", "rebuts", "o"),
            ("c", "objects", "r"),
            ("p", "supports", "t"),
        }

    def test_nesting_and_continuation_lines(self):
        m, _ = load(
            "[t]: T.\n"
            "  + <a>: A reason that\n"
            "  runs on.\n"
            "    - [x]: Attack on a.\n"
            "  - [y]: Attack on t.\n"
        )
        assert m["a"].text == "A reason that runs on."
        assert rels(m) == {("a", "supports", "t"), ("x", "objects", "a"), ("y", "objects", "t")}

    def test_undercut_targets_the_relation_leaving_its_target(self):
        m, losses = load("[t]: T.\n  + <a>: A.\n    _ [u]: U.\n")
        (cut,) = m.relations("undercuts")
        target = m.relation(cut.to)
        assert (cut.from_, target.from_, target.kind, target.to) == ("u", "a", "supports", "t")
        assert m["u"].kind == "objection"
        assert losses == []

    def test_undercut_directed_forms(self):
        m, _ = load("[t]: T.\n  + <a>: A.\n\n[u]: U.\n  _> <a>\n")
        (cut,) = m.relations("undercuts")
        assert cut.from_ == "u" and m.relation(cut.to).from_ == "a"

    def test_undercut_of_a_statement_without_relations_is_an_attack(self):
        m, losses = load("[t]: T.\n  _ [u]: U.\n")
        assert rels(m) == {("u", "objects", "t")}
        assert "no outgoing relation" in losses[0] and "line 2" in losses[0]

    def test_attack_the_roles_cannot_carry_becomes_contradicts(self):
        m, losses = load("[t]: T.\n  - [o1]: O1.\n  - [o2]: O2.\n\n[o1]\n  -> [o2]\n")
        assert ("o1", "contradicts", "o2") in rels(m)
        (r,) = m.relations("contradicts")
        assert r.meta == {"argdown": "attack"}
        assert "line 6" in losses[0] and "contradicts" in losses[0]

    def test_repeated_relation_is_kept_once(self):
        m, _ = load("[a]: A.\n  + [b]: B.\n\n[a]\n  + [b]\n")
        assert len(m.relations()) == 1


class TestPremiseConclusion:
    PCS = (
        "<Arg>: The argument.\n\n"
        "(1) [P1]: First premise.\n"
        "(2) Second premise.\n"
        "-- Modus ponens {uses: [1, 2]} --\n"
        "(3) [C]: The conclusion.\n"
        "  -> [Other]: Something else.\n"
    )

    def test_premises_and_argument_support_the_conclusion(self):
        m, losses = load(self.PCS)
        assert losses == []
        pcs = {(r.from_, r.to) for r in m.relations() if r.meta == {"argdown": "pcs"}}
        assert pcs == {("P1", "C"), ("second-premise", "C"), ("Arg", "C")}
        assert m["C"].meta["argdown_inference"] == [
            {"argument": "Arg", "rule": "Modus ponens", "data": {"uses": [1, 2]}}
        ]
        assert ("C", "objects", "Other") in rels(m)

    def test_long_inference_and_several_steps(self):
        m, _ = load(
            "<A>\n\n(1) a\n(2) b\n--\nRule one\n--\n(3) c\n----\n(4) d\n(5) e\n----\n(6) f\n"
        )
        supports = {(r.from_, r.to) for r in m.relations()}
        assert supports == {
            ("a", "c"),
            ("b", "c"),
            ("c", "d"),
            ("d", "f"),
            ("e", "f"),
            ("A", "f"),
        }
        assert m["c"].meta["argdown_inference"][0]["rule"] == "Rule one"

    def test_pcs_without_inference_is_reported(self):
        m, losses = load("<A>\n\n(1) a\n(2) b\n")
        assert len(m) == 3 and not m.relations()
        assert "no inference line" in losses[0]


class TestGroupsDataComments:
    def test_headings_are_kept_as_section_paths(self):
        m, _ = load("# One\n\n[a]: A.\n\n## Two\n\n[b]: B.\n\n# Three\n\n[c]: C.\n")
        sections = {s.id: s.meta.get("argdown_section") for s in m.statements()}
        assert sections == {"a": ["One"], "b": ["One", "Two"], "c": ["Three"]}

    def test_data_goes_to_meta(self):
        m, _ = load('[a]: A. {source: "C1a", isInMap: false}\n')
        assert m["a"].text == "A."
        assert m["a"].meta["argdown_data"] == {"source": "C1a", "isInMap": False}

    def test_front_matter(self):
        m, losses = load(
            "===\ntitle: Censorship\nauthor: Gregor Betz\ndate: 24/10/2018\n"
            "color:\n  colorScheme: x\n===\n\n[a]: A.\n"
        )
        assert m.title == "Censorship"
        assert m.source.author == "Gregor Betz" and m.source.note == "date: 24/10/2018"
        assert losses == ["front matter keys not kept (Argdown settings): color"]

    def test_comments_are_skipped(self):
        m, _ = load(
            "// a line comment\n[a]: A. // trailing\n\n/* block\n[x]: X.\n*/\n"
            "<!-- html\n[y]: Y.\n-->\n[b]: B, see https://example.org/x.\n"
        )
        assert [s.id for s in m.statements()] == ["a", "b"]
        assert m["a"].text == "A."
        assert m["b"].text == "B, see https://example.org/x."


class TestMalformed:
    @pytest.mark.parametrize(
        ("text", "line", "words"),
        [
            ("[a]: A.\n\n# H\n  + [b]: B.\n", 4, "has no parent"),
            ("  - [b]: B.\n", 1, "has no parent"),
            ("[a]: A.\n\n[b]: B. {source: [1, 2\n", 3, "unclosed '{'"),
            ("[a]: A. {a: [b, c}\n", 1, "unclosed '{'"),
            ("===\ntitle: x\n\n[a]: A.\n", 1, "never closed"),
            ("[a]: A. {: : :}\n", 1, "not valid YAML"),
            ("<A>\n\n(1) a\n----\n", 3, "no conclusion"),
        ],
    )
    def test_errors_name_the_line(self, text, line, words):
        with pytest.raises(argmap.FormatError, match=re.escape(words)) as exc:
            loads_argdown(text, path="m.argdown")
        assert exc.value.line == line
        assert str(exc.value).startswith(f"m.argdown, line {line}:")

    def test_bad_argmap_data(self):
        with pytest.raises(argmap.FormatError, match="unknown kind 'thing'"):
            load('[a]: A. {"argmap": {"kind": "thing"}}\n')
        with pytest.raises(argmap.FormatError, match="unknown actor"):
            load('[a]: A. {"argmap": {"by": "nobody"}}\n')

    @pytest.mark.parametrize(
        ("text", "words"),
        [
            ('[a]: A. {"argmap": {"tags": "abc"}}\n', "'argmap.tags' of [a] must be a list"),
            ('[a]: A. {"argmap": {"meta": 5}}\n', "'argmap.meta' of [a] must be a mapping"),
            ('[a]: A. {"argmap": {"relations": 5}}\n', "'argmap.relations' of [a] must be a list"),
            (
                '[a]: A. {"argmap": {"relations": [{"to": ["b"], "kind": "supports"}]}}\n'
                "  +> [b]: B.\n",
                "is not a relation",
            ),
            ('===\nargmap: {"actors": 5}\n===\n[a]: A.\n', "'argmap.actors' must be a list"),
        ],
    )
    def test_misshapen_argmap_data_is_a_format_error(self, text, words):
        with pytest.raises(argmap.FormatError, match=re.escape(words)):
            loads_argdown(text, path="m.argdown")

    def test_damaged_argmap_data_gives_argmap_errors_only(self):
        """Damaged ``argmap`` data blocks give a FormatError (or load), never a TypeError."""
        import random

        from damage import mutations

        m = argmap.ArgumentMap(title="Lunch", source={"title": "Notes"})
        m.actor("ann", "Ann Lee", kind="person")
        c = m.claim("We eat out.", id="c", by="ann", tags=["food", "a tag, with comma"])
        o = m.objection("It costs too much.", id="o", against=c, quote="Too dear", weight=0.5)
        r = m.relations()[0]
        m.relate(c, o, "contradicts", id="clash", note="both ways", meta={"x": 1})
        m.rebuttal("Money is not the point.", id="u", against=r, meta={"k": [1]})
        lines = dumps_argdown(m).split("\n")
        places = [i for i, line in enumerate(lines) if line.startswith(("argmap: ", "[", "<"))]
        places = [i for i in places if "{" in lines[i]]
        rng = random.Random(4)
        for _ in range(300):
            damaged = list(lines)
            i = rng.choice(places)
            head, _, block = damaged[i].partition("{")
            data = json.loads("{" + block)
            damaged[i] = head + json.dumps(next(mutations(data, rng, 1)))
            try:
                loads_argdown("\n".join(damaged))
            except argmap.ArgmapError:
                pass


class TestSniffAndRegistry:
    def test_detect(self):
        assert detect_format("m.argdown").name == "argdown"
        assert detect_format("m.ad").name == "argdown"

    def test_sniff(self):
        assert sniff_argdown("[a]: A.\n  + [b]: B.\n")
        assert not sniff_argdown("argmap: 1\n")

    def test_load_and_dump_files(self, tmp_path):
        m = argmap.ArgumentMap(title="T")
        m.claim("C.", id="c")
        argmap.dump(m, tmp_path / "m.argdown")
        assert argmap.load(tmp_path / "m.argdown") == m


class TestExport:
    def test_every_field_rides_in_the_data(self):
        m = argmap.ArgumentMap(title="Lunch", source={"author": "Ann", "date": "2024"})
        m.actor("ann", "Ann", affiliation="Canteen")
        t = m.claim("We should eat out.", id="t", tags=["food", "two words"])
        o = m.objection(
            "Costly {really} #not-a-tag // no comment.", id="o", against=t, by="ann", quote="Q"
        )
        r = m.rebuttal("Cheap\nenough.", id="r", against=o, note="n", weight=0.5)
        m.evidence("Menu.", id="e", supports=r, source={"url": "https://x.org/a#b"})
        m.objection("Undercut.", id="u", against=m.relations_from("e")[0])
        text = dumps_argdown(m)
        assert "[t]: We should eat out. #food #(two words)" in text
        assert "\\{really\\} \\#not\\-a\\-tag \\/\\/ no comment." in text
        back, _ = load(text)
        assert back == m

    def test_statement_kinds_the_roles_would_not_give_are_written(self):
        m = argmap.ArgumentMap()
        m.objection("Lonely objection.", id="o")
        text = dumps_argdown(m)
        assert '"kind": "objection"' in text
        assert load(text)[0] == m

    def test_concession_and_qualifier_ride_in_the_data(self):
        m = argmap.ArgumentMap()
        c = m.claim("We should.", id="c", qualifier="probably")
        o = m.objection("It costs.", id="o", against=c)
        m.relate(c, o, "concedes", note="a little")
        text = dumps_argdown(m)
        assert "\n  -> [c]" in text and text.count("->") == 1  # the objection's attack only
        assert '"qualifier": "probably"' in text and '"kind": "concedes"' in text
        assert load(text)[0] == m

    def test_imported_titles_come_back(self):
        text = "[Eat out]: We should.\n  - <Too costly>: It costs.\n"
        m, _ = load(text)
        out = dumps_argdown(m)
        assert "[Eat out]: We should." in out and "<Too costly>: It costs." in out
        assert load(out)[0] == m


class TestRoundTrip:
    @settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
    @given(maps())
    def test_native_argdown_native(self, m):
        back, _ = loads_argdown(dumps_argdown(m))
        assert back == m


# ------------------------------------------------------------------ corpus
def _reference(corpus, stem):
    path = corpus / "argdown" / "cli-output-1.7.5" / f"{stem}.json"
    if not path.exists():
        pytest.skip(f"no reference output for {stem}")
    return json.loads(path.read_text(encoding="utf-8"))


_KIND = {"support": "supports", "attack": "attack", "contrary": "attack"}


class TestCorpus:
    @pytest.mark.parametrize("stem", ["argdown-primer", "greenspan-schefczyk_hardwrap"])
    def test_matches_argdown_reference_output(self, corpus, stem):
        data = _reference(corpus, stem)
        m, _ = argmap.read(corpus / "argdown" / f"{stem}.argdown")
        assert len(m) == len(data["statements"]) + len(data["arguments"])
        by_title = {s.meta.get("argdown_title", s.id): s for s in m.statements()}
        for title in list(data["statements"]) + list(data["arguments"]):
            if not title.startswith("Untitled"):
                assert title in by_title
        for title in data["arguments"]:
            if title in by_title:
                assert by_title[title].meta.get("argdown") == "argument"
        ours = [r for r in m.relations() if r.meta.get("argdown") != "pcs"]
        assert len(ours) == len(data["relations"])
        titled = {s.id: s.meta.get("argdown_title", s.id) for s in m.statements()}
        mine = set()
        for r in ours:
            kind = "attack" if r.kind in ("objects", "rebuts") else r.kind
            if r.kind == "contradicts" and r.meta.get("argdown") != "attack":
                kind = "contradictory"
            elif r.kind == "contradicts":
                kind = "attack"
            mine.add((titled[r.from_], titled[r.to], kind))
        theirs = {
            (r["from"], r["to"], _KIND.get(r["relationType"], r["relationType"]))
            for r in data["relations"]
            if not (r["from"].startswith("Untitled") or r["to"].startswith("Untitled"))
        }
        assert theirs <= mine

    def test_every_corpus_file_imports_and_round_trips(self, corpus):
        files = sorted((corpus / "argdown").glob("*.argdown"))
        assert files
        for path in files:
            m, losses = argmap.read(path)
            assert len(m) > 0, path
            for msg in losses:
                assert msg.startswith(("line ", "front matter")), msg
            back, _ = loads_argdown(dumps_argdown(m))
            assert back == m, path
