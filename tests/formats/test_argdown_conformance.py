"""Conformance with Argdown's own parser (@argdown/cli 1.7.5), one file per construct.

``tests/fixtures/argdown/`` holds small Argdown files written for argmap, one (or a few)
per construct of the Argdown syntax guide (argdown.org/syntax); ``docs/argdown.md``
lists them in its construct table. For each file, argmap's reading must give the same
counts as ``argdown json``: statements (equivalence classes), arguments, and relations
by ``relationType``. argmap's export of the map must then be read by the CLI with the
same counts again, and by argmap as the same map.

The tests run the CLI twice in all (once over the fixtures, once over the exports) and
skip, saying why, where the CLI is not installed (``scripts/test.sh`` installs it).
"""

from __future__ import annotations

import json
import random
import re
import subprocess
from collections import Counter
from pathlib import Path

import pytest

import argmap
from argmap.formats.argdown import argdown_relation_type, dumps_argdown, loads_argdown
from support import argdown_cli

ROOT = Path(__file__).resolve().parents[2]
FIXTURES = ROOT / "tests" / "fixtures" / "argdown"
NAMES = sorted(p.stem for p in FIXTURES.glob("*.argdown"))


_cli = argdown_cli


CLI = _cli()
needs_cli = pytest.mark.skipif(
    CLI is None,
    reason="the Argdown CLI is not installed (scripts/test.sh installs @argdown/cli@1.7.5 "
    "into .tools with npm; npm or the network is unavailable here)",
)


def counts_of_map(m: argmap.ArgumentMap) -> tuple[int, int, dict[str, int]]:
    """(statements, arguments, relations by Argdown relationType) of a map read from Argdown."""
    relations = Counter(argdown_relation_type(r) for r in m.relations())
    relations.pop(None, None)
    arguments = sum(1 for s in m.statements() if s.meta.get("argdown") == "argument")
    return len(m) - arguments, arguments, dict(sorted(relations.items()))


def counts_of_json(data: dict) -> tuple[int, int, dict[str, int]]:
    """The same counts from ``argdown json`` output."""
    relations = Counter(r["relationType"] for r in data["relations"])
    return len(data["statements"]), len(data["arguments"]), dict(sorted(relations.items()))


def run_cli(folder: Path, out: Path) -> dict[str, dict]:
    """``argdown json`` over every ``*.argdown`` file in a folder, into ``out``: {stem: model}."""
    proc = subprocess.run(
        [CLI, "json", f"{folder}/*.argdown", str(out)], capture_output=True, text=True, timeout=300
    )
    log = proc.stdout + proc.stderr
    assert proc.returncode == 0, log
    assert "syntax error" not in log.lower(), log
    return {p.stem: json.loads(p.read_text(encoding="utf-8")) for p in out.glob("*.json")}


def read_fixture(name: str) -> argmap.formats.Loaded:
    path = FIXTURES / f"{name}.argdown"
    return loads_argdown(path.read_text(encoding="utf-8"), path=str(path))


_HOSTILE = [
    "\n", "{", "}", "[", "]", "<", ">", "#", "@", "* ", "1. ", "- ", "+ ", "(1) ", "----",
    "===", "//", "/*", "*/", "<!--", "-->", "\\", ":", "@include(x.argdown)", "#(t)",
    "{a: 1}", "[T]: ", "<A>: ", "word", " ",
]  # fmt: skip


def hostile_map(seed: int) -> argmap.ArgumentMap:
    """A map with hostile strings in every text field (deterministic per seed)."""
    rng = random.Random(seed)

    def text() -> str:
        t = "".join(rng.choice(_HOSTILE) for _ in range(rng.randint(1, 8)))
        return t if t.strip() else "x"

    m = argmap.ArgumentMap(title=text())
    m.actor("ann", text())
    ids = [f"s{i}" for i in range(rng.randint(2, 6))]
    for sid in ids:
        meta = {"argdown": "argument"} if rng.random() < 0.3 else {}
        if rng.random() < 0.3:
            meta["argdown_section"] = [text()]
        m.statement(
            rng.choice(["claim", "evidence"]),
            text(),
            id=sid,
            by="ann",
            quote=text(),
            note=text(),
            tags=[text()],
            meta=meta,
        )
    for _ in range(rng.randint(1, 6)):
        try:
            m.relate(rng.choice(ids), rng.choice(ids), "supports", note=text())
        except argmap.ArgmapError:
            pass
    return m


HOSTILE = 12


@pytest.fixture(scope="module")
def models(tmp_path_factory):
    """Argdown's model of each fixture and of argmap's export of it, and of the exports of
    maps with hostile strings (two CLI runs)."""
    maps = {name: read_fixture(name).map for name in NAMES}
    maps.update({f"hostile-{i}": hostile_map(i) for i in range(HOSTILE)})
    exported = tmp_path_factory.mktemp("exported")
    for name, m in maps.items():
        (exported / f"{name}.argdown").write_text(dumps_argdown(m), encoding="utf-8")
    original = run_cli(FIXTURES, tmp_path_factory.mktemp("original-json"))
    return maps, original, run_cli(exported, tmp_path_factory.mktemp("exported-json"))


@needs_cli
class TestAgainstArgdown:
    @pytest.mark.parametrize("name", NAMES)
    def test_reading_counts_equal_argdowns(self, models, name):
        maps, original, _ = models
        assert counts_of_map(maps[name]) == counts_of_json(original[name])

    @pytest.mark.parametrize("name", NAMES)
    def test_export_is_read_by_argdown_with_the_same_counts(self, models, name):
        maps, _, exported = models
        assert counts_of_json(exported[name]) == counts_of_map(maps[name])

    @pytest.mark.parametrize("i", range(HOSTILE))
    def test_export_with_hostile_strings_is_read_by_argdown_whole(self, models, i):
        maps, _, exported = models
        m, data = maps[f"hostile-{i}"], exported[f"hostile-{i}"]
        assert counts_of_json(data) == counts_of_map(m)
        assert loads_argdown(dumps_argdown(m)) == (m, [])


class TestWithoutArgdown:
    @pytest.mark.parametrize("name", NAMES)
    def test_export_reads_back_as_the_same_map(self, name):
        m = read_fixture(name).map
        assert loads_argdown(dumps_argdown(m)).map == m

    def test_every_fixture_is_in_the_docs_table(self):
        docs = (ROOT / "docs" / "argdown.md").read_text(encoding="utf-8")
        listed = set(re.findall(r"`([a-z0-9-]+)\.argdown`", docs))
        assert listed == set(NAMES)


class TestConstructs:
    """What the fixtures show, stated without the CLI (the numbers are Argdown's)."""

    def test_yaml_block_data(self):
        m, losses = read_fixture("data-block")
        assert m.get("Quote").meta["argdown_data"] == {
            "sources": ["Hamlet, Act 2", "A commonplace book"]
        }
        assert m.get("Argument with data".lower().replace(" ", "-")) is not None
        assert losses == []

    def test_multi_line_inline_data(self):
        m, _ = read_fixture("data-inline")
        assert m.get("Quote").meta["argdown_data"]["sources"][0] == "Hamlet, Act 2"
        assert m.get("Quote").text == "Brevity is the soul of wit."

    def test_undercut_under_an_inference_bar_targets_the_inference(self):
        m, losses = read_fixture("undercut-under-inference")
        (u,) = m.relations("undercuts")
        assert (u.from_, m.relation(u.to).from_, m.relation(u.to).to) == ("t1", "a", "s3")
        assert losses == []

    def test_undercut_of_an_intermediate_step_is_reported(self):
        m, losses = read_fixture("complex-undercut")
        (u,) = m.relations("undercuts")
        assert m.relation(u.to).to == "s3"
        assert any("intermediate step" in msg for msg in losses)

    @pytest.mark.parametrize("name", ["list-unordered", "list-ordered"])
    def test_list_items_are_statements(self, name):
        m, _ = read_fixture(name)
        assert [s.id for s in m.statements()] == ["Slogan", "Design", "Idea"]
        assert m.get("Design").text == "The world looks designed."

    def test_doubled_relations_are_one(self):
        m, _ = read_fixture("doubled-relations")
        supports = [r for r in m.relations("supports") if r.meta != {"argdown": "pcs"}]
        assert [(r.from_, r.to) for r in supports] == [("C", "T")]

    def test_strict_mutual_attack_is_one_contrary_relation(self):
        m, losses = read_fixture("strict-mutual-contrary")
        (c,) = m.relations("contradicts")
        assert c.meta == {"argdown": "contrary"}
        assert {c.from_, c.to} == {"Pricey", "Cheap"}
        assert not any("front matter" in msg for msg in losses)

    def test_comment_lines_do_not_split_a_statement(self):
        m, _ = read_fixture("comments")
        assert [s.id for s in m.statements()] == ["A1", "a"]
        assert m.get("a").text == "The description."
