"""argmap.batch on a real dask.distributed LocalCluster (two worker processes)."""

from __future__ import annotations

import faulthandler
import logging
import os
import socket

import pytest

pytest.importorskip("distributed")

from argmap.corpus import BatchError, batch  # noqa: E402
from batch_tasks import GOOD, strip_time  # noqa: E402


@pytest.fixture(autouse=True)
def _watchdog():
    """A hung cluster must fail the run, not stall CI: dump the stacks and exit."""
    faulthandler.dump_traceback_later(180, exit=True)
    yield
    faulthandler.cancel_dump_traceback_later()


@pytest.fixture(scope="module")
def client():
    import dask
    from distributed import Client, LocalCluster

    # a task whose worker dies is retried on another once, then reported (KilledWorker)
    with dask.config.set({"distributed.scheduler.allowed-failures": 1}):
        cluster = LocalCluster(
            n_workers=2,
            threads_per_worker=1,
            processes=True,
            dashboard_address=None,
            silence_logs=logging.CRITICAL,
        )
        c = Client(cluster, timeout=60)
        try:
            c.wait_for_workers(2, timeout=60)
            yield c
        finally:
            c.close(timeout=30)
            cluster.close(timeout=30)


@pytest.fixture
def maps(tmp_path):
    d = tmp_path / "maps"
    (d / "sub").mkdir(parents=True)
    for i in range(12):
        (d / ("sub" if i % 3 == 0 else ".") / f"m{i:02}.yaml").write_text(
            GOOD.format(title=f"Map {i}"), encoding="utf-8"
        )
    (d / "bad.yaml").write_text("argmap: 1\nstatements: [oops\n", encoding="utf-8")
    (d / "notes.md").write_text("no map", encoding="utf-8")
    return d


def test_same_rows_as_serial_including_failures(client, maps):
    inputs = [maps, maps / "notes.md"]
    serial = batch(inputs, "analyze", progress=False)
    on_dask = batch(inputs, "analyze", client=client, progress=False)
    assert serial.failed == 2 and len(serial) == 14
    assert strip_time(on_dask) == strip_time(serial)


def test_a_killed_worker_mid_batch(client, maps, tmp_path):
    """A worker dies on one map: the batch finishes, that map is retried, nothing is missing."""
    from batch_tasks import die_on_marked_maps

    marker = tmp_path / "died-once"
    (maps / "once.yaml").write_text(GOOD.format(title=f"'die-once:{marker}'"), encoding="utf-8")
    result = batch([maps], die_on_marked_maps, client=client, progress=False)
    assert marker.exists()  # a worker did die
    serial = batch([maps], die_on_marked_maps, progress=False)  # the marker exists: no death
    assert strip_time(result) == strip_time(serial)
    client.wait_for_workers(2, timeout=60)  # the nanny restarted it


def test_a_map_that_always_kills_its_worker_is_reported(client, maps):
    from batch_tasks import die_on_marked_maps

    (maps / "always.yaml").write_text(GOOD.format(title="die-always"), encoding="utf-8")
    result = batch([maps], die_on_marked_maps, client=client, progress=False)
    by_name = {os.path.basename(r["path"]): r for r in result}
    assert len(result) == 14 and len(by_name) == 14
    always = by_name["always.yaml"]
    assert not always["ok"] and always["error"].startswith("lost on the Dask cluster:")
    assert "KilledWorker" in always["error"]
    assert {r["path"] for r in result if not r["ok"]} == {
        always["path"],
        by_name["bad.yaml"]["path"],
    }
    client.wait_for_workers(2, timeout=60)


def test_address_via_dask_option(client, maps):
    serial = batch([maps], "check", progress=False)
    remote = batch([maps], "check", dask=client.scheduler.address, progress=False)
    assert strip_time(remote) == strip_time(serial)


def test_unreachable_scheduler(maps):
    with socket.socket() as s:  # a port nobody listens on
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    expected = rf"cannot reach the Dask scheduler at 'tcp://127\.0\.0\.1:{port}' within 2 s"
    with pytest.raises(BatchError, match=expected):
        batch([maps], dask=f"tcp://127.0.0.1:{port}", dask_timeout=2)
