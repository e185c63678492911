"""File safety of argmap's one write path (``argmap.io.write_atomic``) and its users.

Never touches the machine's real special files: FIFOs and device nodes are made
under a temporary folder.
"""

from __future__ import annotations

import contextlib
import os
import signal
import stat
import subprocess
import sys
import tempfile
import threading
from pathlib import Path

import pytest

import argmap
from argmap.analysis.framework import ArgumentationFramework
from argmap.cli import main
from argmap.errors import ArgmapError, FormatError
from argmap.formats.iccma import write_af
from argmap.io import write_atomic
from argmap.render.output import render

SRC = Path(argmap.__file__).resolve().parent.parent
POSIX = pytest.mark.skipif(os.name != "posix", reason="POSIX file semantics")


def _leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(".tmp"))


def _small_map() -> argmap.ArgumentMap:
    m = argmap.ArgumentMap(title="t")
    m.claim("A claim.", id="c")
    m.objection("An objection.", id="o", against="c")
    return m


class TestRegularFile:
    def test_new_file_gets_umask_mode(self, tmp_path):
        write_atomic(tmp_path / "a.txt", "x")
        umask = os.umask(0)
        os.umask(umask)
        assert stat.S_IMODE((tmp_path / "a.txt").stat().st_mode) == 0o666 & ~umask

    def test_replacing_keeps_mode(self, tmp_path):
        target = tmp_path / "a.txt"
        target.write_text("old")
        target.chmod(0o640)
        write_atomic(target, "new")
        assert target.read_text() == "new"
        assert stat.S_IMODE(target.stat().st_mode) == 0o640
        assert _leftovers(tmp_path) == []

    def test_chunks_and_bytes(self, tmp_path):
        write_atomic(tmp_path / "a", [b"a", "b", "\u00e9"])
        assert (tmp_path / "a").read_bytes() == "ab\u00e9".encode()

    def test_error_mid_write_keeps_old_file(self, tmp_path):
        target = tmp_path / "a.txt"
        target.write_text("old")

        def chunks():
            yield "partial " * 1000
            raise FormatError("the exporter failed")

        with pytest.raises(FormatError, match="exporter failed"):
            write_atomic(target, chunks())
        assert target.read_text() == "old"
        assert _leftovers(tmp_path) == []

    def test_from_another_thread(self, tmp_path):
        # signal handlers can only be set in the main thread: the write works without them
        done: list[bool] = []
        t = threading.Thread(target=lambda: done.append(write_atomic(tmp_path / "a", "x") is None))
        t.start()
        t.join(timeout=30)
        assert done == [True] and (tmp_path / "a").read_text() == "x"
        assert signal.getsignal(signal.SIGTERM) == signal.SIG_DFL or callable(
            signal.getsignal(signal.SIGTERM)
        )

    def test_signal_handlers_are_restored(self, tmp_path):
        before = {sig: signal.getsignal(sig) for sig in (signal.SIGTERM, signal.SIGINT)}
        write_atomic(tmp_path / "a", "x")
        assert {sig: signal.getsignal(sig) for sig in before} == before

    def test_missing_folder(self, tmp_path):
        with pytest.raises(FormatError, match="folder does not exist"):
            write_atomic(tmp_path / "no" / "a.txt", "x")

    def test_file_as_folder(self, tmp_path):
        (tmp_path / "f").write_text("x")
        with pytest.raises(FormatError, match="folder in the path is a file"):
            write_atomic(tmp_path / "f" / "a.txt", "x")
        assert (tmp_path / "f").read_text() == "x"


class TestDirectoryTarget:
    def test_refused(self, tmp_path):
        (tmp_path / "d").mkdir()
        with pytest.raises(FormatError, match="is a folder"):
            write_atomic(tmp_path / "d", "x")
        assert (tmp_path / "d").is_dir()
        assert _leftovers(tmp_path) == []

    def test_cli_convert_to_directory(self, tmp_path, capsys):
        src = tmp_path / "m.yaml"
        argmap.dump(_small_map(), src)
        (tmp_path / "out.json").mkdir()
        assert main(["convert", str(src), str(tmp_path / "out.json")]) == 2
        err = capsys.readouterr().err
        assert err.startswith("error: ") and "is a folder" in err
        assert "Traceback" not in err

    def test_dump_and_write_af_to_directory(self, tmp_path):
        (tmp_path / "d.yaml").mkdir()
        (tmp_path / "d.apx").mkdir()
        with pytest.raises(ArgmapError, match="is a folder"):
            argmap.dump(_small_map(), tmp_path / "d.yaml")
        af = ArgumentationFramework.from_edges(["a"], [])
        with pytest.raises(ArgmapError, match="is a folder"):
            write_af(af, tmp_path / "d.apx")


@POSIX
class TestSymlink:
    def test_link_stays_a_link(self, tmp_path):
        (tmp_path / "real.yaml").write_text("old")
        (tmp_path / "real.yaml").chmod(0o600)
        link = tmp_path / "link.yaml"
        link.symlink_to("real.yaml")
        argmap.dump(_small_map(), link)
        assert link.is_symlink()
        assert os.readlink(link) == "real.yaml"
        assert "A claim." in (tmp_path / "real.yaml").read_text()
        assert stat.S_IMODE((tmp_path / "real.yaml").stat().st_mode) == 0o600
        assert _leftovers(tmp_path) == []

    def test_chain_of_links_into_another_folder(self, tmp_path):
        (tmp_path / "data").mkdir()
        (tmp_path / "data" / "real.txt").write_text("old")
        (tmp_path / "mid").symlink_to(tmp_path / "data" / "real.txt")
        (tmp_path / "top").symlink_to("mid")
        write_atomic(tmp_path / "top", "new")
        assert (tmp_path / "top").is_symlink() and (tmp_path / "mid").is_symlink()
        assert (tmp_path / "data" / "real.txt").read_text() == "new"
        # the temporary file was made beside the real target, then renamed
        assert _leftovers(tmp_path / "data") == []

    def test_dangling_link_creates_its_target(self, tmp_path):
        (tmp_path / "link").symlink_to("new.txt")
        write_atomic(tmp_path / "link", "x")
        assert (tmp_path / "link").is_symlink()
        assert (tmp_path / "new.txt").read_text() == "x"

    def test_link_loop_is_a_clear_error(self, tmp_path):
        (tmp_path / "loop").symlink_to("loop")
        with pytest.raises(FormatError, match="cannot write"):
            write_atomic(tmp_path / "loop", "x")

    def test_render_through_link(self, tmp_path):
        (tmp_path / "real.mmd").write_text("old")
        (tmp_path / "out.mmd").symlink_to("real.mmd")
        render(_small_map(), tmp_path / "out.mmd")
        assert (tmp_path / "out.mmd").is_symlink()
        assert "flowchart" in (tmp_path / "real.mmd").read_text()


@POSIX
class TestSpecialFiles:
    def test_fifo_is_streamed_not_replaced(self, tmp_path):
        fifo = tmp_path / "pipe"
        os.mkfifo(fifo)
        got: list[bytes] = []
        reader = threading.Thread(target=lambda: got.append(fifo.read_bytes()), daemon=True)
        reader.start()
        write_atomic(fifo, ["one\n", "two\n"])
        reader.join(timeout=30)
        assert got == [b"one\ntwo\n"]
        assert stat.S_ISFIFO(fifo.stat().st_mode)
        assert _leftovers(tmp_path) == []

    def test_convert_into_fifo(self, tmp_path):
        src = tmp_path / "m.yaml"
        argmap.dump(_small_map(), src)
        fifo = tmp_path / "pipe"
        os.mkfifo(fifo)
        got: list[bytes] = []
        reader = threading.Thread(target=lambda: got.append(fifo.read_bytes()), daemon=True)
        reader.start()
        assert main(["convert", str(src), str(fifo), "--to", "json"]) == 0
        reader.join(timeout=30)
        assert b'"A claim."' in got[0]
        assert stat.S_ISFIFO(fifo.stat().st_mode)

    @pytest.mark.skipif(
        not hasattr(os, "getuid") or os.getuid() != 0, reason="mknod of a device needs root"
    )
    def test_device_node_is_streamed_not_replaced(self, tmp_path):
        # A node with the numbers of the null device, made in the temporary folder.
        node = tmp_path / "null"
        try:
            os.mknod(node, stat.S_IFCHR | 0o666, os.makedev(1, 3))
            with open(node, "wb") as probe:
                probe.write(b"")
        except OSError as exc:  # e.g. a nodev mount
            pytest.skip(f"cannot use a device node here: {exc}")
        argmap.dump(_small_map(), node, format="yaml")
        af = ArgumentationFramework.from_edges(["a", "b"], [("a", "b")])
        write_af(af, node, "apx")
        render(_small_map(), node, format="mermaid")
        st = node.stat()
        assert stat.S_ISCHR(st.st_mode) and st.st_rdev == os.makedev(1, 3)
        assert _leftovers(tmp_path) == []


@contextlib.contextmanager
def _unprivileged():
    """Root ignores file permissions: act as 'nobody' (effective ids) meanwhile."""
    if not hasattr(os, "geteuid") or os.geteuid() != 0:
        yield
        return
    os.setegid(65534)
    os.seteuid(65534)
    try:
        yield
    finally:
        os.seteuid(0)
        os.setegid(0)


@POSIX
class TestReadOnlyFolder:
    def test_read_only_folder_is_a_clear_error(self):
        folder = Path(tempfile.mkdtemp())  # not under tmp_path: 'nobody' must reach it
        try:
            folder.chmod(0o755)
            (folder / "a.txt").write_text("old")
            (folder / "a.txt").chmod(0o666)
            folder.chmod(0o555)
            with _unprivileged(), pytest.raises(FormatError, match="Permission denied"):
                write_atomic(folder / "a.txt", "new")
            assert (folder / "a.txt").read_text() == "old"
            assert _leftovers(folder) == []
        finally:
            folder.chmod(0o755)
            for p in folder.iterdir():
                p.unlink()
            folder.rmdir()

    def test_read_only_file_in_writable_folder_is_replaced_keeping_its_mode(self, tmp_path):
        # Like an editor's "save": the folder decides; the read-only mode is kept.
        target = tmp_path / "a.txt"
        target.write_text("old")
        target.chmod(0o444)
        write_atomic(target, "new")
        assert target.read_text() == "new"
        assert stat.S_IMODE(target.stat().st_mode) == 0o444


_KILL_CHILD = """
import sys, time
sys.path.insert(0, {src!r})
import argmap
from argmap.io import write_atomic
from argmap.render.output import render

m = argmap.ArgumentMap()
for i in range(2000):
    m.claim("A long statement text " * 20, id=f"c{{i}}")
text = argmap.dumps(m, format="json")

def chunks():
    yield text
    print("written", flush=True)
    time.sleep(120)   # the parent kills us here, mid-write
    yield "never"

write_atomic({target!r}, chunks())
"""


@POSIX
@pytest.mark.parametrize("signame", ["SIGTERM", "SIGINT"])
def test_kill_mid_write_leaves_no_temporary_file(tmp_path, signame):
    target = tmp_path / "big.json"
    target.write_text("old")
    code = _KILL_CHILD.format(src=str(SRC), target=str(target))
    proc = subprocess.Popen(
        [sys.executable, "-c", code], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
    )
    try:
        line = proc.stdout.readline()
        assert line == "written\n", proc.stderr.read()
        assert len(_leftovers(tmp_path)) == 1  # the large temporary file exists now
        assert next(tmp_path.glob("*.tmp")).stat().st_size > 100_000
        proc.send_signal(getattr(signal, signame))
        proc.wait(timeout=60)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
    if signame == "SIGTERM":
        assert proc.returncode == -signal.SIGTERM  # still dies of the signal
    else:
        assert "KeyboardInterrupt" in proc.stderr.read()
    assert _leftovers(tmp_path) == []
    assert target.read_text() == "old"


class TestSystemPaths:
    """Paths under /dev and /proc are streamed into, never replaced or created.

    The real /dev and /proc are never touched: the rule is pointed at a temporary folder.
    """

    def test_regular_file_there_is_written_in_place(self, tmp_path, monkeypatch):
        from argmap import _safewrite

        monkeypatch.setattr(_safewrite, "_STREAMED_ROOTS", (f"{tmp_path}/",))
        target = tmp_path / "stdout"
        target.write_text("old content, longer than the new one")
        inode = target.stat().st_ino
        write_atomic(target, "new")
        assert target.read_text() == "new"  # truncated, as a shell's > would
        assert target.stat().st_ino == inode  # the same file, not a replacement
        assert _leftovers(tmp_path) == []

    def test_nothing_is_created_there(self, tmp_path, monkeypatch):
        from argmap import _safewrite

        monkeypatch.setattr(_safewrite, "_STREAMED_ROOTS", (f"{tmp_path}/",))
        with pytest.raises(FormatError, match="argmap creates no file here"):
            write_atomic(tmp_path / "nope", "x")
        assert list(tmp_path.iterdir()) == []


class TestWriteAf:
    def test_bad_name_keeps_old_file(self, tmp_path):
        target = tmp_path / "f.tgf"
        target.write_text("old\n")
        af = ArgumentationFramework.from_edges(["a", "b c"], [])
        with pytest.raises(FormatError):
            write_af(af, target)
        assert target.read_text() == "old\n"
        assert _leftovers(tmp_path) == []
