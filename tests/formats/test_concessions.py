"""Every format keeps concessions, qualifiers and the source text, or says it loses them."""

import warnings

import pytest

import argmap
from argmap.formats import list_formats

FORMATS = [f for f in list_formats() if f.read is not None and f.write is not None]


def rich_map() -> argmap.ArgumentMap:
    m = argmap.ArgumentMap(
        title="Lunch", source={"title": "The menu", "text": "Soup. Bread.\nIt costs too much."}
    )
    thesis = m.claim("We should eat out.", id="out")
    cost = m.objection("It costs too much.", id="cost", against=thesis, qualifier="probably")
    m.rebuttal("It costs a little, but the canteen is cheap.", id="cheap", against=cost)
    m.relate("cheap", cost, "concedes", note="it costs something")
    m.claim("The food may be better.", id="better", supports=thesis, qualifier="may")
    return m


@pytest.mark.parametrize("fmt", FORMATS, ids=lambda f: f.name)
def test_kept_or_reported(fmt):
    m = rich_map()
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        text = fmt.write(m)
    losses = " ".join(str(w.message) for w in caught if issubclass(w.category, argmap.LossWarning))
    back, _ = fmt.read(text, None)
    by_text = {s.text: s for s in back.statements()}
    old_to_new = {s.id: by_text[s.text].id for s in m.statements()}

    concessions = {(r.from_, r.to) for r in back.relations("concedes")}
    if (old_to_new["cheap"], old_to_new["cost"]) not in concessions:
        assert "'concedes'" in losses or "concessions" in losses, losses
    # a concession never comes back as an attack or a support
    pair = {old_to_new["cheap"], old_to_new["cost"]}
    kinds = {r.kind for r in back.relations() if {r.from_, r.to} == pair}
    assert kinds <= {"rebuts", "concedes"}

    qualifiers = {s.text: s.qualifier for s in back.statements()}
    if qualifiers["It costs too much."] != "probably" or qualifiers[
        "The food may be better."
    ] != "may":
        assert "'qualifier' of 2 statements" in losses, losses

    if back.source is None or back.source.text != m.source.text:
        assert "the map's source" in losses, losses
    else:
        assert back.source.text == "Soup. Bread.\nIt costs too much."


@pytest.mark.parametrize("fmt", FORMATS, ids=lambda f: f.name)
def test_statuses_survive_the_trip(fmt):
    m = rich_map()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        back, _ = fmt.read(fmt.write(m), None)
    status = back.status()
    by_text = {s.text: status[s.id] for s in back.statements()}
    assert by_text == {s.text: m.status()[s.id] for s in m.statements()}
