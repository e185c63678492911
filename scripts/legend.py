"""Draw docs/legend.svg: one statement of each kind and one edge of each relation kind.

Run from the repository root after changing the visual language
(src/argmap/render/style.py): ``PYTHONPATH=src python scripts/legend.py``.
It needs Graphviz's ``dot`` (or graphviz-pure).
"""

from __future__ import annotations

from pathlib import Path

from argmap import ArgumentMap
from argmap.render import render_svg

OUT = Path(__file__).resolve().parents[1] / "docs" / "legend.svg"


def legend_map() -> ArgumentMap:
    """Every statement kind, every relation kind, a qualifier, an actor, an unanswered objection."""
    m = ArgumentMap(title="argmap's visual language")
    m.actor("critic", "A. Critic", affiliation="Some Institute")
    thesis = m.claim("Thesis: the position the map argues for.", id="thesis")
    claim = m.claim(
        "Claim: a reason that supports the thesis.",
        id="claim",
        supports=thesis,
        qualifier="Qualifier: probably (the source's hedge)",
    )
    m.evidence(
        "Evidence: a fact, precedent or datum behind a claim.", id="evidence", supports=claim
    )
    objection = m.objection(
        "Objection: raised against a claim, by its author.",
        id="objection",
        against=thesis,
        by="critic",
    )
    m.rebuttal(
        "Rebuttal: answers an objection, and here concedes part of it.",
        id="rebuttal",
        against=objection,
        concedes=objection,
    )
    m.objection(
        "Unanswered objection: nothing standing answers it.",
        id="unanswered",
        against=claim,
        by="critic",
    )
    support = m.relations_from("evidence")[0]
    m.objection(
        "Undercut: attacks the link from the evidence to the claim, not either statement.",
        id="undercut",
        against=support,
    )
    contra = m.evidence("Evidence that contradicts the claim.", id="contra")
    m.relate(contra, claim, "contradicts")
    return m


def main() -> None:
    svg = render_svg(
        legend_map(), highlight="unanswered", legend=True, edge_labels=True, wrap=28
    )
    OUT.write_text(svg, encoding="utf-8")
    print(f"{OUT}: {len(svg)} characters")


if __name__ == "__main__":
    main()
