"""The example notebook runs from start to end, headlessly, in the examples folder.

``examples/nato_japan.ipynb`` is executed with nbclient on the ``python3``
kernel (ipykernel); any cell that raises fails the test. The notebook is
committed with its outputs, so that it reads well on a code host; a second test
checks that every code cell was run, in order, without an error (re-run it with
nbclient after changing the map or the notebook: see docs/notebook.md).
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from render_fixtures import needs_engine

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = ROOT / "examples"
NOTEBOOK = EXAMPLES / "nato_japan.ipynb"

nbformat = pytest.importorskip("nbformat", reason="nbformat is not installed (test extra)")


def _outputs(cell) -> list[dict]:
    return list(cell.get("outputs", []))


def test_committed_with_outputs():
    nb = nbformat.read(NOTEBOOK, as_version=4)
    nbformat.validate(nb)
    assert nb.metadata.kernelspec.name == "python3"
    code = [c for c in nb.cells if c.cell_type == "code"]
    assert code and [c.execution_count for c in code] == list(range(1, len(code) + 1))
    assert all(c.outputs for c in code if c.source.rstrip().splitlines()[-1][:1] not in ("", " "))
    assert not [o for c in code for o in c.outputs if o.output_type == "error"]
    assert "widgets" not in nb.metadata  # widget state would only make the file larger


@needs_engine
@pytest.mark.slow
def test_runs_without_errors():
    pytest.importorskip("nbclient", reason="nbclient is not installed (test extra)")
    pytest.importorskip("ipykernel", reason="ipykernel is not installed (test extra)")
    from nbclient import NotebookClient

    out_dir = EXAMPLES / "out"
    existed = out_dir.exists()
    nb = nbformat.read(NOTEBOOK, as_version=4)
    client = NotebookClient(
        nb,
        kernel_name="python3",
        timeout=300,
        resources={"metadata": {"path": str(EXAMPLES)}},
    )
    try:
        client.execute()  # raises CellExecutionError, naming the cell, if one fails
    finally:
        if not existed:
            shutil.rmtree(out_dir, ignore_errors=True)

    cells = [c for c in nb.cells if c.cell_type == "code"]
    errors = [o for c in cells for o in _outputs(c) if o.output_type == "error"]
    assert errors == []

    def data_of(snippet: str) -> dict:
        cell = next(c for c in cells if snippet in c.source)
        found = {}
        for o in _outputs(cell):
            found.update(o.get("data", {}))
        return found

    # the map draws itself as SVG; the unanswered objections show as an HTML table
    drawn = next(c for c in cells if c.source.strip() == "m")
    assert any("<svg" in o.get("data", {}).get("image/svg+xml", "") for o in drawn.outputs)
    table = data_of("unanswered = m.unanswered_objections()")["text/html"]
    assert table.startswith("<table") and "not-first-in-asia" in table
    statuses = data_of("statuses = argmap.objection_statuses(m)")["text/html"]
    assert statuses.count("<tr>") == 1 + 7  # header and one row per objection
    highlighted = data_of('diagram(m, highlight="unanswered"')["image/svg+xml"]
    assert "UNANSWERED" in highlighted

    # what-if, load-bearing statements, the widget, a DataFrame query
    whatif = data_of("w = m.what_if(defeat=[principles])")["text/html"]
    assert whatif.startswith('<div class="argmap-whatif">') and "shared-principles" in whatif
    bearing = data_of("display(argmap.load_bearing(m, thesis.id, k=2))")["text/html"]
    assert bearing.startswith('<div class="argmap-load-bearing">')
    overlay = data_of('diagram(without_bully, highlight="load-bearing"')["image/svg+xml"]
    assert "LOAD&#45;BEARING" in overlay or "LOAD-BEARING" in overlay
    widget = data_of("explorer = argmap.widget(m)")
    assert "application/vnd.jupyter.widget-view+json" in widget
    assert "<MapWidget of" in widget["text/plain"]
    frame = data_of('statements.query("kind == \'objection\'")')["text/html"]
    assert "<table" in frame and "attackers" in frame
