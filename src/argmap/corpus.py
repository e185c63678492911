"""Run one task over a corpus of maps: a table with a row per file (``argmap batch``).

:func:`batch` reads every file named by a list of files, directories and glob
patterns, runs a task on each (``"check"``, ``"analyze"``, ``"convert"``,
``"solve"``, or a function of the map), and returns a :class:`BatchResult`: one
row per file, in input order, with the same columns whatever happened
(:data:`COLUMNS`). A file that cannot be read, or whose task fails, gets a row
with ``ok=False`` and its error; it never stops the batch.

Where the work runs:

* in this process (``jobs=1``, the default);
* in ``jobs`` worker processes on this machine (``jobs=N``); files go out in
  small chunks, and a worker that dies (a crash in a C extension, the OOM killer)
  loses only its chunk: its files are retried one by one in a fresh worker, and a
  file that kills a worker twice gets an error row naming the exit status;
* on a :mod:`dask.distributed` cluster (``client=`` a ``distributed.Client``, or
  ``dask=ADDRESS`` to connect to a scheduler): the same chunks become Dask tasks.
  Dask reschedules the tasks of a worker that dies; the files of a chunk that
  still fails are run again one at a time, and a file that fails alone gets an
  error row (``lost on the Dask cluster: KilledWorker ...``). An address
  that cannot be reached raises :class:`BatchError` after ``dask_timeout``
  seconds (default :data:`DASK_TIMEOUT`, 10 s).

Whichever runs it, the rows are the same, except ``seconds`` (the time the task
took in its worker). Dask, pandas and pyarrow are optional extras
(``argmap[dask]``, ``argmap[pandas]``, ``argmap[parquet]``), imported only when
used; a missing one raises :class:`BatchError` naming the extra.

Examples
--------
>>> import tempfile, pathlib
>>> d = pathlib.Path(tempfile.mkdtemp())
>>> _ = (d / "a.yaml").write_text(
...     "argmap: 1\\nstatements:\\n  - {id: t, kind: claim, text: T.}\\n"
...     "  - {id: o, kind: objection, text: O., against: t}\\n")
>>> _ = (d / "b.yaml").write_text("argmap: 1\\nstatements: [oops\\n")
>>> result = batch([str(d)], "check", progress=False)
>>> [(r["statements"], r["unanswered"], r["ok"]) for r in result]
[(2, 1, True), (None, None, False)]
>>> result.failed
1
"""

from __future__ import annotations

import glob
import json
import os
import sys
import time
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .errors import ArgmapError

if TYPE_CHECKING:
    from .map import ArgumentMap

__all__ = ["batch", "BatchResult", "BatchError", "COLUMNS", "TASKS", "DASK_TIMEOUT", "expand"]

TASKS: tuple[str, ...] = ("check", "analyze", "convert", "solve")
"""The built-in tasks; a function ``f(map) -> dict`` may be given instead."""

DASK_TIMEOUT = 10.0
"""Seconds to wait for a Dask scheduler before :class:`BatchError` (``dask_timeout=``)."""

COLUMNS: dict[str, str] = {
    "path": "string",
    "task": "string",
    "format": "string",
    "ok": "bool",
    "error": "string",
    "statements": "int64",
    "claims": "int64",
    "objections": "int64",
    "rebuttals": "int64",
    "evidence": "int64",
    "relations": "int64",
    "actors": "int64",
    "theses": "int64",
    "thesis_ids": "string",
    "unanswered": "int64",
    "unanswered_by_thesis": "string",
    "problems": "int64",
    "losses": "int64",
    "grounded_in": "int64",
    "grounded_out": "int64",
    "grounded_undec": "int64",
    "output": "string",
    "problem": "string",
    "arguments": "int64",
    "attacks": "int64",
    "answer": "string",
    "extension_size": "int64",
    "seconds": "float64",
}
"""Every row's columns and their types (``None`` where a task does not fill one).

``thesis_ids`` joins the theses' ids with ``;``. ``unanswered_by_thesis`` is a JSON
object: thesis id -> how many unanswered objections have a path of relations to
it. ``problems`` counts the map's rule problems (``check``), ``losses`` what the
importer could not represent. ``grounded_*`` count the grounded labels of the
map's bipolar framework (``analyze``). ``output`` is the written file
(``convert``); ``problem``, ``arguments``, ``attacks``, ``answer`` and
``extension_size`` describe a ``solve`` (``answer``: ``YES``/``NO`` for
acceptance, else the extension's size or ``NO`` when there is none). A function
task's keys follow as extra columns.
"""

_CHUNK_MAX = 32
_ATTEMPTS = 2
"""A file that kills this many local workers gets an error row."""


class BatchError(ArgmapError, ValueError):
    """A batch cannot start: no input matches, a bad option, a missing extra or cluster."""


# -------------------------------------------------------------------- the table


class BatchResult(Sequence[dict[str, Any]]):
    """The rows of a batch: one dict per file, in input order, columns as :data:`COLUMNS`.

    A sequence of dicts; :meth:`to_pandas` gives a DataFrame, :meth:`write` a
    Parquet, CSV or JSON Lines file. ``failed`` counts the rows with ``ok=False``.
    """

    def __init__(self, rows: Iterable[dict[str, Any]], *, seconds: float = 0.0) -> None:
        self.rows = list(rows)
        self.seconds = seconds
        """Wall-clock time of the whole batch."""

    def __len__(self) -> int:
        return len(self.rows)

    def __getitem__(self, i: Any) -> Any:
        return self.rows[i]

    def __iter__(self) -> Iterator[dict[str, Any]]:
        return iter(self.rows)

    def __repr__(self) -> str:
        return f"BatchResult({len(self.rows)} rows, {self.failed} failed)"

    @property
    def failed(self) -> int:
        """How many files could not be read or processed."""
        return sum(not r["ok"] for r in self.rows)

    @property
    def columns(self) -> list[str]:
        """:data:`COLUMNS`, then any a function task added."""
        extra = dict.fromkeys(k for r in self.rows for k in r if k not in COLUMNS)
        return [*COLUMNS, *extra]

    def to_pandas(self) -> Any:
        """The table as a :class:`pandas.DataFrame` (nullable dtypes; needs ``argmap[pandas]``)."""
        pd = _require("pandas", "pandas", "a DataFrame")
        cols = self.columns
        frame = pd.DataFrame([[r.get(c) for c in cols] for r in self.rows], columns=cols)
        dtypes = {"string": "string", "int64": "Int64", "float64": "Float64", "bool": "boolean"}
        return frame.astype({c: dtypes[t] for c, t in COLUMNS.items()})

    def write(self, path: str | os.PathLike[str]) -> Path:
        """Write the table: ``.parquet`` (needs ``argmap[parquet]``), ``.csv`` or ``.jsonl``."""
        from .io import write_atomic

        path = Path(path)
        suffix = path.suffix.lower()
        cols = self.columns
        if suffix == ".parquet":
            pa = _require("pyarrow", "parquet", "Parquet output")
            import pyarrow.parquet as pq

            types = {"string": pa.string(), "int64": pa.int64(), "float64": pa.float64(),
                     "bool": pa.bool_()}
            fields = [pa.field(c, types[t]) for c, t in COLUMNS.items()]
            data = {c: [r.get(c) for r in self.rows] for c in cols}
            schema = pa.schema(fields)
            table = pa.Table.from_pydict({c: data[c] for c in COLUMNS}, schema=schema)
            for c in cols[len(COLUMNS) :]:
                table = table.append_column(c, pa.array([_plain(v) for v in data[c]]))
            tmp = path.with_name(path.name + ".tmp")
            pq.write_table(table, tmp)
            os.replace(tmp, path)
        elif suffix == ".csv":
            import csv
            import io

            buf = io.StringIO()
            writer = csv.writer(buf, lineterminator="\n")
            writer.writerow(cols)
            for r in self.rows:
                writer.writerow(["" if r.get(c) is None else _plain(r.get(c)) for c in cols])
            write_atomic(path, buf.getvalue())
        elif suffix == ".jsonl":
            lines = (json.dumps({c: r.get(c) for c in cols}, ensure_ascii=False) for r in self.rows)
            write_atomic(path, "".join(line + "\n" for line in lines))
        else:
            raise BatchError(
                f"cannot write a table to {str(path)!r}: unknown suffix {suffix!r} "
                "(must be one of ['.parquet', '.csv', '.jsonl'])"
            )
        return path


def _plain(value: Any) -> Any:
    """A value a CSV cell or an Arrow column holds: JSON for lists and dicts."""
    return json.dumps(value) if isinstance(value, (list, dict, tuple)) else value


def _require(module: str, extra: str, what: str) -> Any:
    import importlib

    try:
        return importlib.import_module(module)
    except ImportError:
        raise BatchError(
            f"{what} needs {module}, which is not installed: pip install 'argmap[{extra}]'"
        ) from None


# -------------------------------------------------------------------- the inputs


def _map_suffixes() -> tuple[str, ...]:
    from .formats import list_formats

    return tuple(sorted({e for f in list_formats() if f.read is not None for e in f.extensions}))


def _af_suffixes() -> tuple[str, ...]:
    return (".i23", ".af", ".apx", ".tgf")


def _scandir(path: str) -> Any:
    return os.scandir(path)


def _walk(root: str, suffixes: tuple[str, ...], errors: list[tuple[str, str]]) -> list[str]:
    """Files under ``root`` whose names end in one of ``suffixes``; hidden entries skipped.

    A directory that cannot be listed is recorded in ``errors`` (it becomes a row).
    """
    found: list[str] = []
    stack = [root]
    while stack:
        d = stack.pop()
        try:
            with _scandir(d) as it:
                entries = sorted(it, key=lambda e: e.name)
        except OSError as exc:
            errors.append((d, f"cannot read directory: {exc.strerror or exc}"))
            continue
        subdirs = []
        for e in entries:
            if e.name.startswith("."):
                continue
            if e.is_dir():
                subdirs.append(e.path)
            elif e.name.lower().endswith(suffixes):
                found.append(e.path)
        stack.extend(reversed(subdirs))
    return found


def expand(
    inputs: Iterable[str | os.PathLike[str]], task: str | Callable[..., Any] = "check"
) -> list[str]:
    """The files a batch reads: files as given, directories walked, glob patterns matched.

    Directories are walked recursively for the suffixes ``task`` reads (map formats,
    or for ``"solve"`` the framework formats ``.i23 .af .apx .tgf``); a file named
    directly or matched by a pattern is read whatever its suffix (an unknown format
    becomes an error row). Duplicates are dropped; the order is the inputs'.

    Raises
    ------
    BatchError
        When a pattern matches nothing or a named file does not exist.
    """
    files, _ = _expand(inputs, task)
    return files


def _expand(inputs: Any, task: Any) -> tuple[list[str], list[tuple[str, str]]]:
    suffixes = _af_suffixes() if task == "solve" else _map_suffixes()
    files: list[str] = []
    errors: list[tuple[str, str]] = []
    for item in inputs:
        name = os.fspath(item)
        if os.path.isdir(name):
            files += _walk(name, suffixes, errors)
        elif os.path.exists(name) or os.path.islink(name):
            files.append(name)
        elif glob.has_magic(name):
            matches = sorted(glob.glob(name, recursive=True))
            if not matches:
                raise BatchError(f"{name!r} matches no file")
            for match in matches:
                if os.path.isdir(match):
                    files += _walk(match, suffixes, errors)
                else:
                    files.append(match)
        else:
            raise BatchError(f"{name!r}: no such file or directory")
    return list(dict.fromkeys(files)), errors


# -------------------------------------------------------------------- one file


def _count(m: ArgumentMap) -> dict[str, Any]:
    kinds = {"claim": 0, "objection": 0, "rebuttal": 0, "evidence": 0}
    for s in m.statements():
        kinds[s.kind] = kinds.get(s.kind, 0) + 1
    return {
        "statements": len(m),
        "claims": kinds["claim"],
        "objections": kinds["objection"],
        "rebuttals": kinds["rebuttal"],
        "evidence": kinds["evidence"],
        "relations": len(m.relations()),
        "actors": len(m.actors()),
    }


def _dialectic(m: ArgumentMap) -> dict[str, Any]:
    """Theses and unanswered objections, in total and per thesis they reach."""
    from .analysis.dialectic import objection_statuses

    theses = [t.id for t in m.theses()]
    unanswered = [st.objection.id for st in objection_statuses(m) if not st.answered]
    # statement -> the statements its relations point at (through an undercut relation
    # to that relation's target), to find the theses each objection argues against
    reach: dict[str, list[str]] = {}
    for r in m.relations():
        to = r.to if r.to in m else m.relation(r.to).to
        reach.setdefault(r.from_, []).append(to)
    per_thesis = dict.fromkeys(theses, 0)
    for o in unanswered:
        seen, stack = {o}, [o]
        while stack:
            for nxt in reach.get(stack.pop(), ()):
                if nxt not in seen:
                    seen.add(nxt)
                    stack.append(nxt)
        for t in theses:
            if t in seen:
                per_thesis[t] += 1
    return {
        "theses": len(theses),
        "thesis_ids": ";".join(theses),
        "unanswered": len(unanswered),
        "unanswered_by_thesis": json.dumps(per_thesis, ensure_ascii=False),
    }


def _grounded(m: ArgumentMap) -> dict[str, int]:
    labels = list(m.status().values())
    return {
        "grounded_in": labels.count("in"),
        "grounded_out": labels.count("out"),
        "grounded_undec": labels.count("undec"),
    }


def _check_problem(problem: str, argument: str | None) -> tuple[str, str]:
    """``(task, semantics)`` of an ICCMA problem name, or BatchError / UnknownSemanticsError."""
    from .analysis.semantics import _code

    task, _, code = str(problem).upper().partition("-")
    if task not in ("SE", "DC", "DS", "CE") or not code:
        raise BatchError(
            f"unsupported problem {problem!r} (SE-, DC-, DS- or CE- and a semantics, e.g. SE-GR)"
        )
    if task in ("DC", "DS") and argument is None:
        raise BatchError(f"{problem} needs a query argument (argument=... / -a ARG)")
    return task, _code(code)


def _solve(path: str, options: Mapping[str, Any]) -> dict[str, Any]:
    from .analysis import semantics as sem
    from .formats.iccma import af_format_of, read_af

    problem = options.get("problem") or "SE-GR"
    task, code = _check_problem(problem, options.get("argument"))
    fmt = af_format_of(path, options.get("from_format"))
    af = read_af(path, fmt)
    row: dict[str, Any] = {
        "format": fmt,
        "problem": problem.upper(),
        "arguments": af.num_arguments,
        "attacks": af.num_attacks,
    }
    if task == "SE":
        ext = sem.find_extension(af, code)
        row["answer"] = "NO" if ext is None else str(len(ext))
        row["extension_size"] = None if ext is None else len(ext)
    elif task == "CE":
        row["answer"] = str(sem.count_extensions(af, code))
    else:
        arg = options["argument"]
        ask = sem.is_credulously_accepted if task == "DC" else sem.is_sceptically_accepted
        row["answer"] = "YES" if ask(af, arg, code) else "NO"
    return row


def _convert(m: ArgumentMap, path: str, options: Mapping[str, Any]) -> str:
    from .formats import get_format
    from .io import write_atomic

    to = options.get("to")
    if not to:
        raise BatchError("convert needs a target format (to=... / --to)")
    fmt = get_format(to)
    if fmt.write is None:
        raise BatchError(f"argmap can read {fmt.name} but not write it")
    src = Path(path)
    base = options.get("base")
    rel = Path(os.path.abspath(path)).relative_to(base) if base else Path(src.name)
    out_dir = Path(options.get("out_dir") or src.parent)
    target = out_dir / rel.parent / (_stem(src.name) + fmt.extensions[0])
    if target.resolve() == src.resolve():
        raise BatchError(f"converting {path} to {fmt.name} would overwrite it")
    target.parent.mkdir(parents=True, exist_ok=True)
    write_atomic(target, fmt.write(m))
    return str(target)


def _stem(name: str) -> str:
    """The file name without its map suffix (``x.aif.json`` -> ``x``)."""
    lower = name.lower()
    for ext in sorted(_map_suffixes(), key=len, reverse=True):
        if lower.endswith(ext):
            return name[: -len(ext)]
    return Path(name).stem


def _empty_row(path: str, task: str) -> dict[str, Any]:
    row = dict.fromkeys(COLUMNS)
    row.update(path=path, task=task, ok=True)
    return row


def run_one(
    path: str, task: str | Callable[..., Any], options: Mapping[str, Any] | None = None
) -> dict[str, Any]:
    """One row: run ``task`` on the file at ``path``; an error is caught into the row.

    Every exception is caught, not only :class:`ArgmapError`: a corpus holds files
    no reader was written for, and one of them must not stop the other thousands;
    the row names the exception's type and message.
    """
    options = options or {}
    name = task if isinstance(task, str) else getattr(task, "__name__", "function")
    row = _empty_row(path, name)
    start = time.perf_counter()
    try:
        if task == "solve":
            row.update(_solve(path, options))
        else:
            from .errors import FormatError
            from .formats import detect_format, get_format
            from .io import read_text

            given = options.get("from_format")
            text = read_text(path)
            fmt = get_format(given) if given else detect_format(path, text)
            row["format"] = fmt.name
            if fmt.read is None:
                raise FormatError(f"argmap can write {fmt.name} but not read it", path=path)
            m, losses = fmt.read(text, path)
            row["losses"] = len(losses)
            row.update(_count(m))
            if task in ("check", "analyze"):
                row.update(_dialectic(m))
                row["problems"] = len(m.problems())
            if task == "analyze":
                row.update(_grounded(m))
            elif task == "convert":
                row["output"] = _convert(m, path, options)
            elif callable(task):
                row.update(task(m))
            elif task not in TASKS:
                raise BatchError(f"unknown task {task!r} (must be one of {list(TASKS)})")
    except Exception as exc:  # noqa: BLE001 - see the docstring: a bad file is a row
        keep = {"path", "task", "format"}
        row = {k: (v if k in keep else None) for k, v in row.items()}
        row.update(ok=False, error=_describe(exc))
    row["seconds"] = round(time.perf_counter() - start, 6)
    return row


def _describe(exc: BaseException) -> str:
    text = str(exc).strip() or repr(exc)
    return f"{type(exc).__name__}: {text}"


def _run_unit(paths: Sequence[str], task: Any, options: Any) -> list[dict[str, Any]]:
    """A chunk of files in one worker (a local process or a Dask task)."""
    return [run_one(p, task, options) for p in paths]


# -------------------------------------------------------------------- where it runs


def _chunks(items: list[tuple[int, str]], workers: int) -> list[list[tuple[int, str]]]:
    size = max(1, min(_CHUNK_MAX, len(items) // (workers * 8) or 1))
    return [items[i : i + size] for i in range(0, len(items), size)]


def _lost_row(path: str, task: Any, why: str) -> dict[str, Any]:
    name = task if isinstance(task, str) else getattr(task, "__name__", "function")
    row = _empty_row(path, name)
    row.update(ok=False, error=why, seconds=0.0)
    return row


def _worker_main(conn: Any) -> None:  # pragma: no cover - runs in a child process
    conn.send("ready")
    while True:
        try:
            msg = conn.recv()
        except EOFError:
            return
        if msg is None:
            return
        paths, task, options = msg
        conn.send(_run_unit(paths, task, options))


_IN_FLIGHT = 2
"""Chunks sent ahead to each local worker."""

_READY_TIMEOUT = 120.0
"""Seconds a spawned worker may take to import argmap and report ready."""


def _exit_status(code: int | None) -> str:
    return f"signal {-code}" if code is not None and code < 0 else f"exit {code}"


def _run_local(
    items: Any, task: Any, options: Any, jobs: int, done: Callable[[int, dict[str, Any]], None]
) -> None:
    """Chunks over ``jobs`` worker processes, surviving the death of any of them.

    Each worker holds up to :data:`_IN_FLIGHT` chunks, so it starts the next one
    without waiting for this process to read its rows. When a worker dies, the
    chunk it was working on is split into single files (retried; a file that kills
    :data:`_ATTEMPTS` workers gets an error row) and the chunks it had not started
    go back to the queue as they were.
    """
    import multiprocessing as mp
    from collections import deque
    from multiprocessing.connection import wait

    ctx = mp.get_context("spawn")  # no fork: the parent may run threads (Dask, Jupyter)
    queue: list[list[tuple[int, str]]] = _chunks(items, jobs)
    queue.reverse()  # popped from the end
    attempts: dict[int, int] = {}
    workers: dict[Any, tuple[Any, deque[Any]]] = {}  # conn -> (process, chunks sent, oldest first)

    def start(count: int = 1) -> None:
        """Start workers and wait until each says it is ready (or raise BatchError)."""
        new = []
        for _ in range(count):
            parent, child = ctx.Pipe()
            proc = ctx.Process(target=_worker_main, args=(child,), daemon=True)
            proc.start()
            child.close()
            new.append((parent, proc))
        failed = None
        for parent, proc in new:
            if parent in wait([parent, proc.sentinel], timeout=_READY_TIMEOUT):
                try:
                    if parent.recv() == "ready":
                        workers[parent] = (proc, deque())
                        continue
                except (EOFError, OSError):
                    pass
            proc.join(1)
            if proc.is_alive():
                proc.kill()
                proc.join()
            parent.close()
            failed = proc.exitcode
        if failed is not None:
            raise BatchError(
                f"a worker process exited ({_exit_status(failed)}) before it was ready. In a "
                'script, call batch(..., jobs=N) under `if __name__ == "__main__":` (the '
                "workers are spawned and import the main module); or use jobs=1"
            )

    def feed() -> None:
        for conn, (_, sent) in workers.items():
            while queue and len(sent) < _IN_FLIGHT:
                unit = queue.pop()
                sent.append(unit)  # if the send fails, the worker died: buried() requeues it
                try:
                    conn.send(([p for _, p in unit], task, options))
                except OSError:
                    break

    def buried(conn: Any) -> None:
        """The worker behind ``conn`` died: requeue its chunks, report a repeated culprit."""
        proc, sent = workers.pop(conn)
        proc.join(5)
        code = proc.exitcode
        conn.close()
        queue.extend(reversed(list(sent)[1:]))  # not started: as they were
        unit = sent[0]
        if len(unit) > 1:
            queue.extend([x] for x in reversed(unit))
            return
        i, path = unit[0]
        attempts[i] = attempts.get(i, 0) + 1
        if attempts[i] < _ATTEMPTS:
            queue.append(unit)
        else:
            why = (
                f"WorkerDied: the worker process died ({_exit_status(code)}) while processing "
                f"this file, {_ATTEMPTS} times"
            )
            done(i, _lost_row(path, task, why))

    try:
        start(min(jobs, len(queue)))
        feed()
        while any(sent for _, sent in workers.values()):
            busy = {c: p for c, (p, sent) in workers.items() if sent}
            ready = wait([*busy, *(p.sentinel for p in busy.values())])
            for conn, proc in busy.items():
                if conn in ready:
                    try:
                        rows = conn.recv()
                    except (EOFError, OSError):
                        rows = None
                    if rows is not None:
                        unit = workers[conn][1].popleft()
                        for (i, _), row in zip(unit, rows, strict=True):
                            done(i, row)
                        continue
                elif proc.sentinel not in ready:
                    continue
                buried(conn)
                start()
            feed()
    finally:
        for conn in workers:
            try:
                conn.send(None)
            except OSError:
                pass
        for conn, (proc, _) in workers.items():
            proc.join(5)
            if proc.is_alive():
                proc.kill()
                proc.join()
            conn.close()


def _connect(address: str, timeout: float) -> Any:
    _require("distributed", "dask", "--dask / client=")
    from distributed import Client

    try:
        return Client(address, timeout=timeout, set_as_default=False)
    except (OSError, TimeoutError) as exc:
        raise BatchError(
            f"cannot reach the Dask scheduler at {address!r} within {timeout:g} s "
            f"({type(exc).__name__}: {exc})"
        ) from None


def _run_dask(
    client: Any, items: Any, task: Any, options: Any, done: Callable[[int, dict[str, Any]], None]
) -> None:
    """The same chunks as Dask tasks; the files of a chunk that fails are retried one by one.

    Dask reschedules the tasks of a worker that dies, but it blames every task that
    worker held, queued ones included, and gives up on a task (``KilledWorker``)
    after ``distributed.scheduler.allowed-failures`` deaths. So a failed chunk may
    hold only innocent files: its files are run again one at a time, alone on the
    cluster, after the rest; a file that fails then gets an error row.
    """
    import uuid

    from distributed import as_completed

    n_workers = max(1, len(client.scheduler_info().get("workers", {})))
    tag = uuid.uuid4().hex[:8]

    def submit(unit: Any, k: int) -> Any:
        paths = [p for _, p in unit]
        return client.submit(
            _run_unit, paths, task, options, key=f"argmap-batch-{tag}-{k}", pure=False
        )

    chunks = _chunks(items, n_workers)
    futures = {submit(unit, k): unit for k, unit in enumerate(chunks)}
    suspects: list[tuple[int, str]] = []
    for fut in as_completed(list(futures)):
        unit = futures.pop(fut)
        try:
            rows = fut.result()
        except Exception:  # noqa: BLE001 - KilledWorker, a lost connection, ...
            suspects += unit
            continue
        finally:
            fut.release()
        for (i, _), row in zip(unit, rows, strict=True):
            done(i, row)
    for k, (i, path) in enumerate(suspects, start=len(chunks)):
        fut = submit([(i, path)], k)
        try:
            (row,) = fut.result()
        except Exception as exc:  # noqa: BLE001 - as above, for this one file
            row = _lost_row(path, task, f"lost on the Dask cluster: {_describe(exc)}")
        finally:
            fut.release()
        done(i, row)


class _Progress:
    """A tqdm bar on stderr when it is a terminal (or when asked); else nothing."""

    def __init__(self, total: int, show: bool | None) -> None:
        self.bar = None
        if show is None:
            show = sys.stderr.isatty()
        if show and total:
            from tqdm import tqdm

            self.bar = tqdm(total=total, unit="map", file=sys.stderr, dynamic_ncols=True)
        self.failed = 0

    def update(self, row: dict[str, Any]) -> None:
        if self.bar is not None:
            self.failed += not row["ok"]
            if self.failed:
                self.bar.set_postfix(failed=self.failed, refresh=False)
            self.bar.update(1)

    def close(self) -> None:
        if self.bar is not None:
            self.bar.close()


def batch(
    paths: str | os.PathLike[str] | Iterable[str | os.PathLike[str]],
    task: str | Callable[[ArgumentMap], Mapping[str, Any]] = "analyze",
    *,
    jobs: int = 1,
    client: Any = None,
    dask: str | None = None,
    dask_timeout: float = DASK_TIMEOUT,
    progress: bool | None = None,
    from_format: str | None = None,
    to: str | None = None,
    out_dir: str | os.PathLike[str] | None = None,
    problem: str = "SE-GR",
    argument: str | None = None,
) -> BatchResult:
    """Run a task on every map named by ``paths``: one row per file.

    Parameters
    ----------
    paths : path, glob pattern, or iterable of them
        Files, directories (walked recursively for known suffixes) and glob
        patterns (``**`` recurses). See :func:`expand`.
    task : {"check", "analyze", "convert", "solve"} or callable, default "analyze"
        ``check``: counts, theses, unanswered objections (in total and per thesis),
        rule problems. ``analyze``: the same and the grounded labelling's counts.
        ``convert``: write each map in format ``to`` (into ``out_dir``, keeping the
        folders below the inputs' common directory; default beside the file).
        ``solve``: an ICCMA ``problem`` (``SE-``, ``DC-``, ``DS-``, ``CE-`` and a
        semantics; ``argument`` for DC/DS) on framework files (i23, apx, tgf).
        A callable gets each loaded map and returns a dict of extra columns; for
        ``jobs`` or Dask it must be importable (a module-level function).
    jobs : int, default 1
        Worker processes on this machine (1: in this process).
    client : distributed.Client, optional
        Run on this Dask cluster instead (``argmap[dask]``).
    dask : str, optional
        Connect to the Dask scheduler at this address (e.g. ``tcp://host:8786``).
    dask_timeout : float, default 10
        Seconds to wait for that scheduler before :class:`BatchError`.
    progress : bool, optional
        A progress bar on stderr; default: only when stderr is a terminal.
    from_format : str, optional
        Read every file in this format instead of detecting it.

    Returns
    -------
    BatchResult
        One row per file (:data:`COLUMNS`), in input order; a directory that
        could not be listed has a row too.

    Raises
    ------
    BatchError
        Before any work: when an input matches nothing, an option is wrong, an
        extra is missing or the Dask scheduler cannot be reached.
    """
    if isinstance(paths, (str, os.PathLike)):
        paths = [paths]
    if isinstance(task, str) and task not in TASKS:
        raise BatchError(f"unknown task {task!r} (must be one of {list(TASKS)})")
    if not callable(task) and not isinstance(task, str):
        raise BatchError(f"task must be one of {list(TASKS)} or a function, not {task!r}")
    if not isinstance(jobs, int) or isinstance(jobs, bool) or jobs < 1:
        raise BatchError(f"jobs must be a whole number >= 1, got {jobs!r}")
    if client is not None and dask is not None:
        raise BatchError("give client= or dask=, not both")
    if task == "convert":
        from .formats import get_format

        if not to:
            raise BatchError("the convert task needs a target format (to=... / --to)")
        get_format(to)  # FormatError listing the formats
    if task == "solve":
        _check_problem(problem, argument)
    files, dir_errors = _expand(list(paths), task)
    options: dict[str, Any] = {
        "from_format": from_format,
        "to": to,
        "out_dir": None if out_dir is None else os.fspath(out_dir),
        "problem": problem,
        "argument": argument,
    }
    if task == "convert" and out_dir is not None and files:
        options["base"] = os.path.commonpath([os.path.dirname(os.path.abspath(f)) for f in files])
    if jobs > 1 and client is None and dask is None and callable(task):
        import pickle

        try:
            pickle.dumps(task)
        except Exception as exc:  # noqa: BLE001 - whatever pickle refuses
            raise BatchError(
                f"with jobs > 1 the task is sent to worker processes, but {task!r} cannot be "
                f"pickled ({exc}); use a module-level function, or jobs=1"
            ) from None
    own_client = None
    if dask is not None:
        own_client = client = _connect(dask, dask_timeout)
    rows: list[dict[str, Any] | None] = [None] * len(files)
    bar = _Progress(len(files), progress)

    def done(i: int, row: dict[str, Any]) -> None:
        rows[i] = row
        bar.update(row)

    start = time.perf_counter()
    items = list(enumerate(files))
    try:
        if client is not None:
            _run_dask(client, items, task, options, done)
        elif jobs > 1 and len(files) > 1:
            _run_local(items, task, options, jobs, done)
        else:
            for i, path in items:
                done(i, run_one(path, task, options))
    finally:
        bar.close()
        if own_client is not None:
            own_client.close()
    missing = [files[i] for i, r in enumerate(rows) if r is None]
    if missing:  # pragma: no cover - every path above reports every file
        raise AssertionError(f"batch lost {len(missing)} files: {missing[:3]}")
    name = task if isinstance(task, str) else getattr(task, "__name__", "function")
    for d, why in dir_errors:
        rows.append(_lost_row(d, name, f"OSError: {why}"))
    return BatchResult(rows, seconds=time.perf_counter() - start)  # type: ignore[arg-type]
