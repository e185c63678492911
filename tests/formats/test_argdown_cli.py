"""Our Argdown export, checked against Argdown's own parser (@argdown/cli 1.7.5).

``scripts/test.sh`` installs the CLI into ``.tools/node_modules/.bin/argdown``; the
tests find it there or on PATH and skip, saying why, where neither has it. For each
exported file the CLI's JSON model must hold exactly our statements (equivalence
classes plus arguments) and our relations.
"""

from __future__ import annotations

import json
import random
import subprocess
from pathlib import Path

import pytest

import argmap
from argmap.formats.argdown import dumps_argdown, loads_argdown
from support import argdown_cli

ROOT = Path(__file__).resolve().parents[2]
CORPUS = ROOT.parent / "shared" / "corpus" / "argdown"


_cli = argdown_cli


CLI = _cli()
pytestmark = pytest.mark.skipif(
    CLI is None,
    reason="the Argdown CLI is not installed (scripts/test.sh installs @argdown/cli@1.7.5 "
    "into .tools with npm; npm or the network is unavailable here)",
)


def run_argdown(documents: dict[str, str], folder: Path) -> dict[str, dict]:
    """Argdown's own model of each document, from one ``argdown json`` run over them all."""
    src = folder / "in"
    src.mkdir()
    for name, text in documents.items():
        (src / f"{name}.argdown").write_text(text, encoding="utf-8")
    out = folder / "out"
    proc = subprocess.run(
        [CLI, "json", f"{src}/*.argdown", str(out)], capture_output=True, text=True, timeout=300
    )
    log = proc.stdout + proc.stderr
    assert proc.returncode == 0, log
    models = {}
    for name in documents:
        result = out / f"{name}.json"
        assert result.exists(), f"Argdown wrote no model for {name}:\n{log}"
        models[name] = json.loads(result.read_text(encoding="utf-8"))
    return models


_TYPES = {
    "supports": "support",
    "objects": "attack",
    "rebuts": "attack",
    "undercuts": "undercut",
    "contradicts": "contradictory",
}


def expected_model(m: argmap.ArgumentMap):
    """What Argdown should find in our export: titles of statements and arguments, relations."""
    from argmap.formats.argdown import (
        _in_syntax,
        _operator,
        _strict_mode,
        _title,
        reconstructions,
    )

    title = {s.id: _title(s) for s in m.statements()}
    statements = {title[s.id] for s in m.statements() if s.meta.get("argdown") != "argument"}
    arguments = {title[s.id] for s in m.statements() if s.meta.get("argdown") == "argument"}
    in_pcs = {r.key for rec in reconstructions(m).values() for r in (*rec.relations, rec.own)}
    strict = _strict_mode(m, in_pcs)
    relations = set()
    for r in m.relations():
        if r.key in in_pcs:
            continue  # written as a premise-conclusion structure, not as a relation
        if not _in_syntax(m, r):
            continue  # a contradiction with an argument: only in our data
        to = m.relation(r.to).from_ if r.kind == "undercuts" else r.to
        kind = {"+>": "support", "->": "attack", "><": "contradictory", "_>": "undercut"}[
            _operator(r, strict)
        ]
        if strict and title[r.from_] in statements and title[to] in statements:
            kind = {"support": "entails", "attack": "contrary"}.get(kind, kind)
        relations.add(_relation_key(title[r.from_], title[to], kind))
    return statements, arguments, relations


def _relation_key(a: str, b: str, kind: str):
    if kind in ("contradictory", "contrary"):  # symmetric
        return (kind, frozenset((a, b)))
    return (kind, a, b)


def found_model(data: dict):
    relations = {_relation_key(r["from"], r["to"], r["relationType"]) for r in data["relations"]}
    return set(data["statements"]), set(data["arguments"]), relations


def assert_same_model(m: argmap.ArgumentMap, data: dict) -> None:
    statements, arguments, relations = expected_model(m)
    got_s, got_a, got_r = found_model(data)
    assert got_s == statements
    assert got_a == arguments
    assert got_r == relations
    assert len(data["relations"]) == len(relations)
    from argmap.formats.argdown import _title, reconstructions

    for arg, rec in reconstructions(m).items():
        pcs = data["arguments"][_title(m.get(arg))]["pcs"]
        assert [p["title"] for p in pcs] == [_title(m.get(sid)) for sid in rec.members]
        assert pcs[-1]["role"] == "main-conclusion"


def example_maps() -> dict[str, argmap.ArgumentMap]:
    every = argmap.ArgumentMap(title="Lunch")
    every.actor("ann", "Ann", affiliation="Canteen & Co")
    t = every.claim("We should eat out #tonight, {really}.", id="eat-out", tags=["food"])
    o = every.objection("It costs too much // say [the] <accounts>.", id="cost", against=t)
    r = every.rebuttal("The canteen is cheap.", id="cheap", against=o, by="ann", quote="Cheap!")
    e = every.evidence("Menu prices: 5 EUR.", id="menu", supports=r)
    every.relate(e, o, "contradicts")
    every.objection("Prices change.", id="prices", against=every.relations_from(e)[0])
    every.relate(r, o, "concedes", note="it costs something")  # only in our data
    every.claim("Lunch may be short.", id="short", qualifier="may", supports=t)

    sections = argmap.ArgumentMap()
    sections.claim("T.", id="t", meta={"argdown_section": ["Part one"]})
    sections.claim(
        "An argument.",
        id="arg",
        supports="t",
        meta={"argdown": "argument", "argdown_section": ["Part one", "Details"]},
    )
    return {"every-kind": every, "sections": sections}


_ALPHABET = (
    "abcdefghijklmnopqrstuvwxyz ABC 0123456789 .,;:!?'\"()[]{}<>#@/*_+-=~`|^\\%&$ "
    "\u00e9\u00df\u0394\u2014"
)


def generated_map(seed: int) -> argmap.ArgumentMap:
    """A random rule-abiding map with every statement and relation kind and awkward texts."""
    rng = random.Random(seed)

    def text() -> str:
        t = "".join(rng.choice(_ALPHABET) for _ in range(rng.randint(1, 30))).strip()
        return t or "x"

    m = argmap.ArgumentMap(title=text() if rng.random() < 0.5 else None)
    names = [f"s{i}-{rng.randint(0, 99)}" for i in range(rng.randint(1, 8))]
    for sid in names:
        m.statement(
            rng.choice(["claim", "objection", "rebuttal", "evidence"]),
            text(),
            id=sid,
            tags=rng.sample(["a", "b c", "d-e"], rng.randint(0, 2)),
            meta={"argdown": "argument"} if rng.random() < 0.3 else None,
        )
    for _ in range(rng.randint(0, 12)):
        kind = rng.choice(["supports", "objects", "rebuts", "contradicts"])
        try:
            m.relate(rng.choice(names), rng.choice(names), kind)
        except argmap.ArgmapError:
            pass
    attackers = [s.id for s in m.statements() if s.kind in ("objection", "rebuttal")]
    for _ in range(rng.randint(0, 2)):
        rels = [r for r in m.relations() if r.kind != "contradicts"]
        if rels and attackers:
            try:
                m.relate(rng.choice(attackers), rng.choice(rels), "undercuts")
            except argmap.ArgmapError:
                pass
    return m


GENERATED = 25
CORPUS_FILES = sorted(p.name for p in CORPUS.glob("*.argdown")) if CORPUS.is_dir() else []


@pytest.fixture(scope="module")
def models(tmp_path_factory):
    """Every document these tests check, with Argdown's model of it (one CLI run)."""
    maps: dict[str, argmap.ArgumentMap] = dict(example_maps())
    maps.update({f"generated-{i}": generated_map(i) for i in range(GENERATED)})
    documents = {name: dumps_argdown(m) for name, m in maps.items()}
    originals = {}
    for name in CORPUS_FILES:
        text = (CORPUS / name).read_text(encoding="utf-8")
        stem = name.removesuffix(".argdown")
        originals[stem] = loads_argdown(text).map
        documents[f"original-{stem}"] = text
        documents[f"reexport-{stem}"] = dumps_argdown(originals[stem])
    return maps, originals, run_argdown(documents, tmp_path_factory.mktemp("argdown"))


class TestExports:
    @pytest.mark.parametrize("name", ["every-kind", "sections"])
    def test_examples(self, models, name):
        maps, _, data = models
        assert_same_model(maps[name], data[name])

    @pytest.mark.parametrize("i", range(GENERATED))
    def test_generated(self, models, i):
        maps, _, data = models
        assert_same_model(maps[f"generated-{i}"], data[f"generated-{i}"])


class TestCorpus:
    @pytest.mark.parametrize("name", CORPUS_FILES)
    def test_reexported_corpus_file(self, models, name):
        _, originals, data = models
        stem = name.removesuffix(".argdown")
        assert_same_model(originals[stem], data[f"reexport-{stem}"])

    @pytest.mark.parametrize("name", CORPUS_FILES)
    def test_importer_finds_what_argdown_finds(self, models, name):
        _, originals, data = models
        stem = name.removesuffix(".argdown")
        m, model = originals[stem], data[f"original-{stem}"]
        assert len(m) == len(model["statements"]) + len(model["arguments"])
        ours = [r for r in m.relations() if r.meta.get("argdown") != "pcs"]
        assert len(ours) == len(model["relations"])
        titled = {s.meta.get("argdown_title", s.id) for s in m.statements()}
        named = {t for t in model["statements"] if not t.startswith("Untitled")}
        assert named <= titled
        assert {t for t in model["arguments"] if not t.startswith("Untitled")} <= titled
