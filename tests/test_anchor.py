"""Anchoring a map in its source text: sentences, quotes located, coverage, loading."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

import argmap
from argmap import ArgumentMap, SourceError
from argmap.anchor import (
    MAX_SOURCE_BYTES,
    Coverage,
    QuoteMatch,
    SourceText,
    coverage,
    load_source,
    locate_quotes,
)

REPO = Path(__file__).resolve().parents[1]
ARTICLE = REPO.parent / "shared" / "article" / "nato-liaison-office-japan.txt"
EXAMPLE = REPO / "examples" / "nato_japan.yaml"

TEXT = (
    "Budget Debate\n"
    "\n"
    "The council met on Monday. Dr. Smith said the plan \u2018will cost too much\u2019. "
    "Mr. Jones disagreed \u2013 strongly.\n"
    "He said most people support it, e.g. the teachers. The U.S. Army was not consulted.\n"
    "\n"
    "Join our mailing list!\n"
)


def one(text: str, quote: str, source: str = TEXT) -> QuoteMatch:
    m = ArgumentMap(source={"text": source})
    m.claim(text, id="s", quote=quote)
    (match,) = locate_quotes(m)
    return match


class TestSentences:
    def test_empty(self):
        assert SourceText("").sentences() == ()
        assert SourceText("  \n\n ").sentences() == ()

    def test_headings_paragraphs_abbreviations(self):
        got = [s.text for s in SourceText(TEXT).sentences()]
        assert got == [
            "Budget Debate",
            "The council met on Monday.",
            "Dr. Smith said the plan \u2018will cost too much\u2019.",
            "Mr. Jones disagreed \u2013 strongly.",
            "He said most people support it, e.g. the teachers.",
            "The U.S. Army was not consulted.",
            "Join our mailing list!",
        ]

    def test_offsets_and_lines(self):
        src = SourceText(TEXT)
        for s in src.sentences():
            assert src.text[s.start : s.end] == s.text
            assert src.line_col(s.start)[0] == s.line
        assert [s.line for s in src.sentences()] == [1, 3, 3, 3, 4, 4, 6]

    def test_initials_and_quotes(self):
        src = SourceText(
            "George W. Bush spoke. \u201cWe will win.\u201d Then he left! Why? 'Because.' "
            "2023 was late."
        )
        assert [s.text for s in src.sentences()] == [
            "George W. Bush spoke.",
            "\u201cWe will win.\u201d",
            "Then he left!",
            "Why?",
            "'Because.'",
            "2023 was late.",
        ]

    def test_abbreviations_before_numbers(self):
        src = SourceText("See No. 5 and p. 12 of Vol. 3 here. We said no. Then we left.")
        assert [s.text for s in src.sentences()] == [
            "See No. 5 and p. 12 of Vol. 3 here.",
            "We said no.",
            "Then we left.",
        ]

    def test_no_break_before_lowercase_or_inside_ellipsis(self):
        src = SourceText(
            "It was \u2018a thorn in Asia\u2026The office is real\u2019, it said. Fine."
        )
        assert [s.text for s in src.sentences()] == [
            "It was \u2018a thorn in Asia\u2026The office is real\u2019, it said.",
            "Fine.",
        ]

    def test_wrapped_prose_is_one_sentence(self):
        line = "This sentence is long enough that the writer wrapped it onto"
        src = SourceText(f"{line}\nthe next line. Then another.\n- a list item\n- another item")
        assert [s.text for s in src.sentences()] == [
            f"{line}\nthe next line.",
            "Then another.",
            "- a list item",
            "- another item",
        ]

    def test_repr_is_short(self):
        assert repr(SourceText("x" * 10_000, "a.txt")) == "SourceText('a.txt', 10,000 characters)"
        assert repr(SourceText("")) == "SourceText(0 characters)"

    def test_cached(self):
        src = SourceText(TEXT)
        assert src.sentences() is src.sentences()


class TestLineCol:
    def test_positions(self):
        src = SourceText("ab\ncd\n\nef")
        assert [src.line_col(i) for i in (0, 1, 2, 3, 5, 6, 7, 8)] == [
            (1, 1),
            (1, 2),
            (1, 3),
            (2, 1),
            (2, 3),
            (3, 1),
            (4, 1),
            (4, 2),
        ]

    def test_match_positions_agree(self):
        q = one("x", "Army was not consulted")
        assert (q.line, q.column) == (4, 61)
        assert TEXT[q.start : q.end] == "Army was not consulted"


class TestLocate:
    def test_exact(self):
        q = one("x", "The council met on Monday.")
        assert (q.verbatim, q.how, q.score, q.differences, q.hint) == (
            True,
            "exact",
            1.0,
            (),
            None,
        )
        assert (q.line, q.column) == (3, 1)

    def test_typographic_quotes(self):
        q = one("x", "the plan 'will cost too much'")
        assert q.found and not q.verbatim and q.how == "normalised"
        assert q.hint == "the plan \u2018will cost too much\u2019"
        assert any(d.startswith("typographic quotes") and "\u2019" in d for d in q.differences)

    def test_dash(self):
        q = one("x", "Mr. Jones disagreed - strongly.")
        assert q.how == "normalised" and q.differences == ("dashes (\u2013 for -)",)

    def test_whitespace_and_newline(self):
        q = one("x", "support it,   e.g. the teachers. The U.S.\nArmy")
        assert q.how == "normalised"
        assert q.differences == ("whitespace (spaces or line breaks differ)",)
        assert q.hint == "support it, e.g. the teachers. The U.S. Army"

    def test_line_break_in_source(self):
        q = one("x", "strongly. He said")
        assert q.how == "normalised" and q.start == TEXT.index("strongly.")

    def test_case(self):
        q = one("x", "the council met on monday")
        assert q.how == "normalised" and q.differences[0].startswith("letter case")

    def test_case_of_other_scripts(self):
        quote = "\u039f\u0394\u03a5\u03a3\u03a3\u0395\u03a5\u03a3 \u03b5\u03af\u03c0\u03b5"
        source = "\u039f \u03bf\u03b4\u03c5\u03c3\u03c3\u03b5\u03c5\u03c2 \u03b5\u03af\u03c0\u03b5."
        q = one("x", quote, source=source)
        assert q.how == "normalised" and q.start == 2
        q = one("x", "stra\u00dfe und \u0130stanbul", source="Die STRA\u00dfE und \u0130stanbul.")
        assert q.how == "normalised" and q.start == 4

    def test_ellipsis_character(self):
        src = "He wrote: wait... and see."
        q = one("x", "wait\u2026 and see", source=src)
        assert q.found and not q.verbatim
        assert any(d.startswith("ellipsis") for d in q.differences)

    def test_elided_parts_in_order(self):
        q = one("x", "Dr. Smith said ... will cost too much")
        assert q.verbatim and q.how == "elided"
        assert TEXT[q.start : q.end] == "Dr. Smith said the plan \u2018will cost too much"
        assert "leaves out" in q.differences[0]

    def test_elided_with_brackets_and_typography(self):
        q = one("x", "Dr. Smith said [\u2026] 'will cost")
        assert q.how == "elided" and not q.verbatim
        assert q.hint == "Dr. Smith said \u2026 \u2018will cost"

    def test_leading_ellipsis(self):
        q = one("x", "\u2026the plan \u2018will cost too much\u2019")
        assert q.verbatim and q.how == "elided" and "goes on" in q.differences[0]
        assert TEXT[q.start : q.end] == "the plan \u2018will cost too much\u2019"

    def test_spaced_ellipsis_matches_the_sources_own(self):
        src = "It was \u2018a thorn in Asia\u2026The office is real\u2019, it said."
        q = one("x", "a thorn in Asia ... The office", source=src)
        assert q.how == "normalised" and q.hint == "a thorn in Asia\u2026The office"

    def test_long_quote_with_changed_case(self):
        sentence = "The Office in Tokyo would serve NATO partnerships in the region. "
        src = "Intro.\n\n" + sentence * 400
        quote = (sentence * 300).replace("NATO", "Nato").strip()
        q = one("x", quote, source=src)
        assert q.how == "normalised" and q.start == len("Intro.\n\n")
        assert q.differences == ("letter case (NATO for Nato)",)
        assert q.hint == (sentence * 300).strip()

    def test_empty_quote(self):
        assert one("x", "   ").how == "not-found"

    def test_elided_parts_out_of_order_not_elided(self):
        q = one("x", "will cost too much ... Dr. Smith said")
        assert q.how != "elided"

    def test_changed_word(self):
        q = one("x", "He said more people support it, e.g. the teachers.")
        assert q.found and q.how == "fuzzy" and not q.verbatim
        assert "word 'more' in the quote, 'most' in the source" in q.differences
        assert q.hint == "He said most people support it, e.g. the teachers."
        assert 0.6 <= q.score < 1

    def test_missing_words(self):
        q = one("x", "The U.S. Army was consulted.")
        assert q.how == "fuzzy"
        assert "words missing: 'not'" in q.differences
        assert q.hint == "The U.S. Army was not consulted."

    def test_added_words(self):
        q = one("x", "The council met again on Monday.")
        assert "words added: 'again'" in q.differences

    def test_not_found(self):
        q = one("x", "Penguins are flightless birds of the southern seas.")
        assert not q.found and not q.verbatim and q.how == "not-found"
        assert (q.start, q.end, q.line, q.column, q.hint) == (None,) * 5
        assert q.score < argmap.anchor.MIN_SCORE

    def test_not_found_keeps_nearest(self):
        q = one("x", "Smith said the budget will surely cost far too much money overall")
        if not q.found:
            assert q.nearest is not None and "Smith" in q.nearest

    def test_first_occurrence_and_exact_preferred(self):
        src = "It\u2019s late. It's late."
        q = one("x", "It's late.", source=src)
        assert q.verbatim and q.start == src.index("It's") and q.occurrences == 2

    def test_occurrences(self):
        assert one("x", "The council met").occurrences == 1
        assert one("x", "abab", source="ababab. Then abab.").occurrences == 2

    def test_statement_with_own_source(self, tmp_path):
        (tmp_path / "speech.txt").write_text("We shall fight on the beaches.", encoding="utf-8")
        m = ArgumentMap(source={"text": "Something else entirely."})
        m.claim("Fight.", id="fight", quote="fight on the beaches", source={"file": "speech.txt"})
        m.claim("Else.", id="else", quote="Something else")
        got = locate_quotes(m, map_path=tmp_path / "map.yaml")
        assert [(q.statement, q.how, q.own_source, q.column) for q in got] == [
            ("fight", "exact", True, 10),
            ("else", "exact", False, 1),
        ]

    def test_map_order_and_statements_without_quote(self):
        m = ArgumentMap(source={"text": TEXT})
        m.claim("A.", id="a", quote="Join our mailing list!")
        m.claim("B.", id="b")
        m.claim("C.", id="c", quote="Budget Debate")
        assert [q.statement for q in locate_quotes(m)] == ["a", "c"]

    def test_no_source(self):
        m = ArgumentMap()
        m.claim("A.", id="a", quote="x")
        with pytest.raises(SourceError, match="names no source"):
            locate_quotes(m)
        m2 = ArgumentMap()
        m2.claim("A.", id="a")
        assert locate_quotes(m2) == []

    def test_table(self):
        html = locate_quotes(ArgumentMap(source={"text": TEXT}))._repr_html_()
        assert "<table" in html
        m = ArgumentMap(source={"text": TEXT})
        m.claim("A.", id="a", quote="<script> & co")
        html = locate_quotes(m)._repr_html_()
        assert "<script>" not in html and "&lt;script&gt;" in html


class TestCoverage:
    def make(self) -> ArgumentMap:
        m = ArgumentMap(source={"text": TEXT})
        m.claim("Cost.", id="cost", quote="will cost too much")
        m.claim("Jones.", id="jones", quote="strongly. He said most people")
        m.claim("Gone.", id="gone", quote="Penguins are flightless birds of the southern seas.")
        return m

    def test_numbers(self):
        cov = coverage(self.make())
        sents = SourceText(TEXT).sentences()
        assert [c.statements for c in cov.sentences] == [
            (),
            (),
            ("cost",),
            ("jones",),
            ("jones",),
            (),
            (),
        ]
        mapped = sum(len(sents[i].text) for i in (2, 3, 4))
        total = sum(len(s.text) for s in sents)
        assert cov.share == pytest.approx(mapped / total)
        quoted = len("will cost too much") + len("strongly.") + len("He said most people")
        assert cov.quoted_share == pytest.approx(quoted / total)
        assert [s.text for s in cov.unmapped] == [
            "Budget Debate",
            "The council met on Monday.",
            "The U.S. Army was not consulted.",
            "Join our mailing list!",
        ]
        assert "of the source mapped" in str(cov) and repr(cov).startswith("<Coverage: ")
        assert "Coverage" in cov._repr_html_()

    def test_empty_map(self):
        cov = coverage(ArgumentMap(source={"text": TEXT}))
        assert cov.share == 0 and cov.quoted_share == 0
        assert len(cov.unmapped) == len(cov.sentences) == 7

    def test_markers_and_skip(self):
        m = self.make()
        cov = coverage(m, start="The council", end="Army", skip=r"^He said")
        assert [c.sentence.text[:6] for c in cov.sentences] == [
            "The co",
            "Dr. Sm",
            "Mr. Jo",
            "The U.",
        ]
        with pytest.raises(SourceError, match="start marker"):
            coverage(m, start="nowhere")

    def test_overlapping_quotes_count_once(self):
        m = ArgumentMap(source={"text": "One two three. Four."})
        m.claim("A.", id="a", quote="One two")
        m.claim("B.", id="b", quote="two three")
        cov = coverage(m)
        assert cov.sentences[0].statements == ("a", "b")
        assert cov.quoted_share == pytest.approx(len("One two three") / len("One two three.Four."))

    def test_is_a_result(self):
        assert isinstance(coverage(self.make()), Coverage)


class TestLoadSource:
    def test_none(self):
        assert load_source(ArgumentMap()) is None
        assert load_source(ArgumentMap(source={"title": "T"})) is None

    def test_text_and_file(self, tmp_path):
        (tmp_path / "a.txt").write_bytes("\ufeffHello.\r\nWorld.".encode())
        m = ArgumentMap(source={"file": "a.txt"})
        src = load_source(m, map_path=tmp_path / "m.yaml")
        assert src.text == "Hello.\nWorld." and src.path == str(tmp_path / "a.txt")
        assert load_source(ArgumentMap(source={"text": "\ufeffHi."})).text == "Hi."

    def test_relative_to_cwd(self, tmp_path, monkeypatch):
        (tmp_path / "a.txt").write_text("Here.", encoding="utf-8")
        monkeypatch.chdir(tmp_path)
        assert load_source(ArgumentMap(source={"file": "a.txt"})).text == "Here."

    def test_explicit_overrides(self, tmp_path):
        (tmp_path / "b.txt").write_text("Other.", encoding="utf-8")
        m = ArgumentMap(source={"text": "Own."})
        assert load_source(m, source=tmp_path / "b.txt").text == "Other."

    def test_missing(self, tmp_path):
        m = ArgumentMap(source={"file": "gone.txt"})
        with pytest.raises(SourceError, match=r"gone\.txt: source text file not found"):
            load_source(m, map_path=tmp_path / "m.yaml")

    def test_directory(self, tmp_path):
        with pytest.raises(SourceError, match="is a directory"):
            load_source(ArgumentMap(), source=tmp_path)

    def test_fifo(self, tmp_path):
        if not hasattr(os, "mkfifo"):
            pytest.skip("no FIFOs here")
        fifo = tmp_path / "pipe"
        os.mkfifo(fifo)
        with pytest.raises(SourceError, match="not a regular file"):
            load_source(ArgumentMap(), source=fifo)

    def test_not_utf8(self, tmp_path):
        (tmp_path / "l1.txt").write_bytes(b"Caf\xe9 au lait.\n")
        with pytest.raises(SourceError, match=r"l1\.txt: .*not UTF-8.*offset 3 \(line 1\)"):
            load_source(ArgumentMap(), source=tmp_path / "l1.txt")

    def test_both_set(self):
        m = ArgumentMap(source={"file": "a.txt", "text": "A."})
        with pytest.raises(SourceError, match="both 'file' and 'text'"):
            load_source(m)

    def test_too_large(self, tmp_path):
        big = tmp_path / "big.txt"
        with open(big, "wb") as f:
            f.truncate(MAX_SOURCE_BYTES + 1)
        with pytest.raises(SourceError, match="too large"):
            load_source(ArgumentMap(), source=big)

    def test_unreadable(self, tmp_path):
        p = tmp_path / "secret.txt"
        p.write_text("x", encoding="utf-8")
        p.chmod(0)
        try:
            if os.access(p, os.R_OK):
                pytest.skip("running as root: every file is readable")
            with pytest.raises(SourceError, match="cannot read"):
                load_source(ArgumentMap(), source=p)
        finally:
            p.chmod(0o600)

    def test_is_an_argmap_error(self):
        assert issubclass(SourceError, argmap.ArgmapError)


@pytest.mark.skipif(not ARTICLE.is_file(), reason="the article is not on this machine")
class TestArticle:
    def test_every_quote_located(self):
        m = argmap.load(EXAMPLE)
        src = load_source(m, source=ARTICLE)
        matches = locate_quotes(m, src)
        assert matches, "the example has quotes"
        for q in matches:
            assert q.found, q
            assert src.text[q.start : q.end] == q.quote or not q.verbatim
            line, col = src.line_col(q.start)
            assert (q.line, q.column) == (line, col)
            assert src.text.splitlines()[line - 1][col - 1 :].startswith(
                src.text[q.start : q.end].split("\n")[0]
            )

    def test_sentences_and_coverage(self):
        m = argmap.load(EXAMPLE)
        src = load_source(m, source=ARTICLE)
        sents = src.sentences()
        texts = [s.text for s in sents]
        assert "Why Japan?" in texts and "No-one likes a bully." in texts
        assert "They roughly fall into three categories." in texts
        assert all(s.text == src.text[s.start : s.end] for s in sents)
        cov = coverage(m, src)
        assert 0 < cov.quoted_share <= cov.share <= 1
        assert "Join our mailing list!" in [s.text for s in cov.unmapped]

    def test_altered_quotes_are_explained(self):
        src = SourceText(ARTICLE.read_text(encoding="utf-8"))
        m = ArgumentMap(source={"text": src.text})
        m.claim(
            "Hedge lost.",
            id="hedge",
            quote="The third type of NATO liaison office, which has a regional scope, is the "
            "most relevant for imagining what the Japan office could look like.",
        )
        m.claim("Straight.", id="straight", quote="Beijing's rhetoric about NATO")
        m.claim("Lost.", id="lost", quote="to build a security defence around China")
        (hedge, straight, lost) = locate_quotes(m)
        assert lost.differences == ("words missing: 'so-called'",)
        assert hedge.how == "fuzzy" and "probably more" in hedge.differences[0]
        assert hedge.hint.startswith("The third type") and "probably more relevant" in hedge.hint
        assert (
            straight.how == "normalised" and straight.hint == "Beijing\u2019s rhetoric about NATO"
        )


class TestAgainstStrFind:
    """Exact quotes land where ``str.find`` finds them; straightened ones at the same place."""

    PROSE = (
        "The alliance\u2019s office \u2013 if it opens \u2013 would serve partners in the "
        "region. \u201cIt is a thorn,\u201d said the paper\u2026 Others disagreed. Mr. Lee "
        "wrote on p. 4 that the U.S. view differs.\n\nA new paragraph starts here. It "
        "repeats: the region. The region matters.\n"
    ) * 3

    def spans(self, n=150):
        import random

        rng = random.Random(7)
        text = self.PROSE
        for _ in range(n):
            a = rng.randrange(len(text) - 10)
            b = rng.randrange(a + 5, min(len(text), a + 120))
            quote = text[a:b].strip()
            if quote:
                yield quote

    def test_exact(self):
        for quote in self.spans():
            q = one("x", quote, source=self.PROSE)
            assert q.verbatim and q.start == self.PROSE.find(quote), quote
            assert self.PROSE[q.start : q.end] == quote

    def test_straightened(self):
        table = str.maketrans("\u2019\u201c\u201d\u2013", '\'""-')
        for quote in self.spans():
            plain = quote.translate(table).replace("\u2026", "...")
            q = one("x", plain, source=self.PROSE)
            assert q.found and q.how in ("exact", "normalised"), plain
            assert q.verbatim == (plain == quote)
            # the located passage, normalised, is the quote normalised
            assert self.PROSE[q.start : q.end].translate(table).replace("\u2026", "...") == plain
            assert q.hint in (None, self.PROSE[q.start : q.end])

    def test_word_left_out(self):
        import re

        checked = 0
        for quote in self.spans(300):
            words = list(re.finditer(r"\w+", quote))
            if len(words) < 8 or "\u2026" in quote:  # a gap after "…" is an elision
                continue
            w = words[len(words) // 2]
            if quote.count(w.group()) > 1:
                continue
            short = quote[: w.start()] + quote[w.end() :].lstrip()
            q = one("x", short, source=self.PROSE)
            assert q.found and q.how == "fuzzy", short
            assert f"words missing: '{w.group()}'" in q.differences, (short, q.differences)
            assert q.hint.strip(" .,") in self.PROSE and w.group() in q.hint
            checked += 1
        assert checked > 20

    def test_word_changed(self):
        import re

        checked = 0
        for quote in self.spans(300):
            words = list(re.finditer(r"\w+", quote))
            if len(words) < 8 or "\u2026" in quote:
                continue
            w = words[len(words) // 2]
            changed = quote[: w.start()] + "zebra" + quote[w.end() :]
            q = one("x", changed, source=self.PROSE)
            assert q.found and q.how == "fuzzy", changed
            assert f"word 'zebra' in the quote, '{w.group()}' in the source" in q.differences
            checked += 1
        assert checked > 20
