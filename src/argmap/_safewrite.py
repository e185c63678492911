"""The one write path of argmap: every file argmap writes goes through :func:`write_atomic`.

What it guarantees (see ``docs/limits.md``):

* a regular file is replaced in one step: the data goes to a temporary file
  in the *target's* folder, which is flushed, given the old file's mode, and
  renamed over the target; on any error the temporary file is removed and the
  old file is untouched;
* a symbolic link is followed: its (final) target is replaced and the link
  stays a link;
* a FIFO, a character or block device, a socket, or any path under ``/dev/``
  or ``/proc/`` (``/dev/stdout``, ``/proc/self/fd/1``) is never replaced: the
  data is streamed into it, as a shell's ``>`` would;
* a folder as the output path is a clear error;
* SIGTERM and SIGINT during a write remove the temporary file, then take
  their usual course (the process still dies of the signal, or raises
  :class:`KeyboardInterrupt`).
"""

from __future__ import annotations

import os
import signal
import stat
import tempfile
import threading
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from .errors import FormatError

__all__ = ["write_atomic"]

_STREAMED_ROOTS = ("/dev/", "/proc/")
_SIGNALS = tuple(getattr(signal, name) for name in ("SIGTERM", "SIGINT") if hasattr(signal, name))

# Temporary files being written, removed by the signal handler; guarded by _lock.
_pending: set[str] = set()
_previous: dict[int, Any] = {}
_depth = 0
_lock = threading.Lock()


def _chunks(data: str | bytes | Iterable[str | bytes]) -> Iterator[bytes]:
    if isinstance(data, str):
        yield data.encode("utf-8", "surrogatepass")
        return
    if isinstance(data, bytes | bytearray | memoryview):
        yield bytes(data)
        return
    for chunk in data:
        yield chunk.encode("utf-8", "surrogatepass") if isinstance(chunk, str) else bytes(chunk)


def _write_all(fd: int, data: str | bytes | Iterable[str | bytes]) -> None:
    for chunk in _chunks(data):
        view = memoryview(chunk)
        while view:
            view = view[os.write(fd, view) :]


def _on_signal(signum: int, frame: Any) -> None:
    previous = _previous.get(signum, signal.SIG_DFL)
    if callable(previous):
        # A Python handler (KeyboardInterrupt for SIGINT, or the program's own):
        # it decides; if it raises, the writer's own cleanup removes the file.
        previous(signum, frame)
        return
    for tmp in list(_pending):
        try:
            os.unlink(tmp)
        except OSError:
            pass
    _pending.clear()
    for sig, handler in _previous.items():
        signal.signal(sig, handler)
    # Die of the same signal, as the process would have without us.
    signal.signal(signum, signal.SIG_DFL)
    os.kill(os.getpid(), signum)


@contextmanager
def _removed_on_signal() -> Iterator[Any]:
    """Yield ``register(tmp)``: files registered are removed should SIGTERM/SIGINT arrive.

    The handlers are in place before the temporary file exists, so no moment is
    left in which a signal could orphan it.
    """
    global _depth
    main = threading.current_thread() is threading.main_thread()
    mine: list[str] = []
    with _lock:
        if main and _depth == 0:
            for sig in _SIGNALS:
                current = signal.getsignal(sig)
                if current not in (signal.SIG_IGN, None):
                    _previous[sig] = current
                    signal.signal(sig, _on_signal)
        if main:
            _depth += 1

    def register(tmp: str) -> None:
        mine.append(tmp)
        _pending.add(tmp)

    try:
        yield register
    finally:
        with _lock:
            for tmp in mine:
                _pending.discard(tmp)
            if main:
                _depth -= 1
                if _depth == 0:
                    for sig, handler in _previous.items():
                        signal.signal(sig, handler)
                    _previous.clear()


def _error(path: str | os.PathLike[str], exc: OSError) -> FormatError:
    return FormatError(f"cannot write: {exc.strerror or exc}", path=path)


def _stream(path: str | os.PathLike[str], data: Any, *, truncate: bool) -> None:
    flags = os.O_WRONLY | getattr(os, "O_NOCTTY", 0) | (os.O_TRUNC if truncate else 0)
    try:
        fd = os.open(path, flags)
    except OSError as exc:
        raise _error(path, exc) from None
    try:
        _write_all(fd, data)
    except OSError as exc:
        raise _error(path, exc) from None
    finally:
        os.close(fd)


def write_atomic(
    path: str | os.PathLike[str], data: str | bytes | Iterable[str | bytes]
) -> None:
    """Write text (UTF-8), bytes or an iterable of chunks to ``path`` safely.

    A regular file (or the file a symbolic link points to) is replaced
    atomically and keeps its permissions; a FIFO, a device or any path under
    ``/dev/`` or ``/proc/`` receives the data as a stream and is never
    replaced; a folder is refused.

    Parameters
    ----------
    path : str or path-like
        The file to write.
    data : str, bytes or iterable of str/bytes
        The content; text is encoded as UTF-8. An iterable is consumed while
        writing; if it raises, the old file is left untouched.

    Raises
    ------
    FormatError
        The path is a folder, its folder does not exist, or the system refuses
        the write (the message names the path and the reason); the target is
        untouched and no temporary file is left behind.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> folder = pathlib.Path(tempfile.mkdtemp())
    >>> write_atomic(folder / "a.txt", "one\\n")
    >>> (folder / "link.txt").symlink_to("a.txt")
    >>> write_atomic(folder / "link.txt", "two\\n")
    >>> (folder / "a.txt").read_text(), (folder / "link.txt").is_symlink()
    ('two\\n', True)
    >>> sorted(p.name for p in folder.iterdir())
    ['a.txt', 'link.txt']
    """
    name = os.fspath(path)
    if isinstance(name, bytes):
        name = os.fsdecode(name)
    if not name:
        raise FormatError("cannot write: empty file name")
    try:
        st: os.stat_result | None = os.stat(name)
    except FileNotFoundError:
        st = None
    except NotADirectoryError:
        raise FormatError("cannot write: a folder in the path is a file", path=path) from None
    except OSError as exc:  # a symlink loop, a name too long, ...
        raise _error(path, exc) from None
    if st is not None and stat.S_ISDIR(st.st_mode):
        raise FormatError("cannot write: is a folder (give a file name)", path=path)
    under_system = os.path.abspath(name).startswith(_STREAMED_ROOTS)
    if under_system and st is None:
        raise FormatError("cannot write: no such device or file (argmap creates no file here)",
                          path=path)
    if st is not None and (under_system or not stat.S_ISREG(st.st_mode)):
        _stream(name, data, truncate=stat.S_ISREG(st.st_mode))
        return
    _replace(path, os.path.realpath(name), st, data)


def _replace(
    path: str | os.PathLike[str], real: str, st: os.stat_result | None, data: Any
) -> None:
    folder = os.path.dirname(real) or "."
    if not os.path.isdir(folder):
        raise FormatError("cannot write: the folder does not exist", path=path)
    with _removed_on_signal() as register:
        try:
            fd, tmp = tempfile.mkstemp(
                prefix=f".{os.path.basename(real)}.", suffix=".tmp", dir=folder
            )
        except OSError as exc:
            raise _error(path, exc) from None
        register(tmp)
        try:
            try:
                try:
                    _write_all(fd, data)
                    os.fsync(fd)
                finally:
                    os.close(fd)
                if st is not None:
                    if hasattr(os, "chown") and (st.st_uid, st.st_gid) != _owner(tmp):
                        try:  # before chmod: a change of owner clears set-id bits
                            os.chown(tmp, st.st_uid, st.st_gid)
                        except OSError:
                            pass  # not allowed to give it away: keep our ownership
                    os.chmod(tmp, stat.S_IMODE(st.st_mode))
                else:
                    umask = os.umask(0)
                    os.umask(umask)
                    os.chmod(tmp, 0o666 & ~umask)
                os.replace(tmp, real)
            except OSError as exc:
                raise _error(path, exc) from None
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise


def _owner(path: str) -> tuple[int, int]:
    st = os.stat(path)
    return st.st_uid, st.st_gid
