"""Function tasks for the batch tests: module-level, so worker processes can import them."""

from __future__ import annotations

import os
from pathlib import Path

GOOD = """\
argmap: 1
title: {title}
statements:
  - {{id: t, kind: claim, text: Thesis., tags: [thesis]}}
  - {{id: t2, kind: claim, text: Other thesis., tags: [thesis]}}
  - {{id: r, kind: claim, text: Reason., supports: t}}
  - {{id: o1, kind: objection, text: Against the reason., against: r}}
  - {{id: o2, kind: objection, text: Against the thesis., against: t}}
  - {{id: b, kind: rebuttal, text: Answer., against: o2}}
  - {{id: o3, kind: objection, text: Against the other., against: t2}}
"""


def strip_time(rows):
    return [{k: v for k, v in r.items() if k != "seconds"} for r in rows]


def title_length(m) -> dict:
    """An extra column: the length of the map's title."""
    return {"title_length": len(m.title or "")}


def die_on_marked_maps(m) -> dict:
    """Kill the worker process on certain maps, by their title.

    ``die-once:PATH``: the first time only (creates the marker file PATH, then exits),
    so a retry succeeds. ``die-always``: every time. Others: one extra column.
    """
    title = m.title or ""
    if title.startswith("die-once:"):
        marker = Path(title.split(":", 1)[1])
        if not marker.exists():
            marker.touch()
            os._exit(3)
    elif title == "die-always":
        os._exit(4)
    return {"title_length": len(title)}
