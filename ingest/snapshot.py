"""Crash safety for an embedded index: never leave the only copy of Chroma's files to a process that can die.

A kill inside a Chroma write can leave its HNSW files (rewritten in place now and then) out of step with SQLite
(which survives a kill); Chroma 1.5.9 then segfaults or fails with "Failed to apply logs to the hnsw segment
writer" on every open (chroma-core/chroma#7678). So a write session (ingest_paths, the web UI's edits) holds the
index exclusively, keeps a marker naming the HNSW files as they were after its last completed write, and between
writes (at its end; in a long ingest, now and then) copies Chroma's files into a snapshot folder renamed into
place before the older one goes: a complete snapshot exists at every moment. The next open after a writer died
keeps the index if its HNSW files are as the marker says and a child process (which may segfault) can open,
count and query it; else it restores the snapshot (none yet: empties the index), and notes what it did for
`youthqa status`. The next ingest redoes what was lost. Server mode: none of this (README, "Crash safety").
"""
from __future__ import annotations

import functools
import json
import os
import re
import shutil
import subprocess
import sys
import threading
import time
from contextlib import contextmanager
from pathlib import Path

from .lock import acquire

MARKER = ".youthqa-writing"  # a write session is (or was, if its process died) in progress
NOTE = ".youthqa-recovery.json"  # what the last recovery did
SNAPSHOTS = ".youthqa-snapshots"
GENERATION = ".youthqa-generation"  # changed by each restore: other processes' cached Chroma clients are stale
COMPLETE = "complete.json"  # written last into a snapshot: the copy is whole
MIN_SECONDS, COST_RATIO = 10.0, 50  # between a session's checkpoints, and times the last copy's cost (under 2%)
CHECK_SECONDS = 300
_CHROMA = re.compile(r"chroma\.sqlite3.*|[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")
_CHECK = """import sys, chromadb
client = chromadb.PersistentClient(sys.argv[1], chromadb.config.Settings(anonymized_telemetry=False))
for c in map(client.get_collection, [c.name for c in client.list_collections()]):
    if len(got := c.get(limit=1, include=["embeddings"])["embeddings"]):
        c.query(query_embeddings=[got[0]], n_results=min(c.count(), 10))
"""
class Session:
    """One process's write session on one index."""

    def __init__(self, index: Path):
        self.index, self.failed, self.started = index, False, _now()
        self.last, self.cost = time.monotonic(), 0.0

    def wrote(self) -> None:
        """After each completed write: the HNSW files are sound as they are; checkpoint if one is due."""
        self.mark()
        if time.monotonic() - self.last >= max(MIN_SECONDS, COST_RATIO * self.cost):
            self.checkpoint()

    def mark(self) -> None:
        vectors = _fingerprint(self.index, vectors=True)
        _write_json(self.index / MARKER, {"pid": os.getpid(), "started": self.started, "vectors": vectors})

    def checkpoint(self) -> None:
        started = time.monotonic()
        if _fingerprint(self.index) != (latest(self.index) or {}).get("fingerprint"):
            take(self.index)
        self.last, self.cost = time.monotonic(), time.monotonic() - started


_live: dict[Path, Session] = {}  # this process's running write sessions, by index
_seen: dict[Path, dict | None] = {}  # the generation of each index when this process last opened it
_mutex = threading.Lock()


@contextmanager
def write_session(settings):
    """Hold the embedded index exclusively, marked as being written, and checkpoint it when the session ends.
    A session inside another on the same index is part of it; in server mode there is none (yields None)."""
    index = None if settings.server_mode else Path(settings.index).resolve()
    with _mutex:
        outer = _live.get(index)
    if outer or not index:
        yield outer
        return
    lease = acquire(index, exclusive=True)
    try:
        session = _begin(index)
        try:
            yield session
        except BaseException as err:
            session.failed = type(err).__module__.startswith("chromadb")  # it may have failed inside a write
            raise
        finally:
            _end(session)
    finally:
        lease.release()


def in_write_session(ingest):
    """Decorator: ingest(paths, settings, ...) runs as one write session."""
    @functools.wraps(ingest)
    def run(paths, settings, *args, **kwargs):
        with write_session(settings):
            return ingest(paths, settings, *args, **kwargs)
    return run


def wrote(settings) -> None:
    """Call after each completed write to the index: its session (if any in this process) takes note."""
    with _mutex:
        session = None if settings.server_mode else _live.get(Path(settings.index).resolve())
    if session:
        session.wrote()


def _begin(index: Path) -> Session:
    if _stale(index):
        recover(index)
    session = Session(index)
    if latest(index) is None and _entries(index):
        session.checkpoint()  # an index written before snapshots existed: copy it before changing it
    session.mark()
    with _mutex:
        _live[index] = session
    return session


def _end(session: Session) -> None:
    """Checkpoint, then unmark; a failed Chroma call leaves the marker: the next open treats it as a kill."""
    try:
        if not session.failed:
            session.checkpoint()
            (session.index / MARKER).unlink(missing_ok=True)
            note = _read_json(session.index / NOTE)
            if note and not note.get("resolved"):
                _write_json(session.index / NOTE, {**note, "resolved": _now()})
    finally:
        with _mutex:  # only now: while it is live, no thread of this process takes the marker for a dead writer's
            del _live[session.index]


def open_lease(index: Path, exclusive: bool):
    """acquire() for Store.open, after putting right what a writer that died left behind."""
    index = Path(index).resolve()
    if _stale(index):
        lease = acquire(index, exclusive=True)
        try:
            if _stale(index):
                recover(index)
        finally:
            lease.release()
    lease = acquire(index, exclusive)
    generation = _read_json(index / GENERATION)
    with _mutex:
        if _seen.setdefault(index, generation) != generation:  # restored by another process since
            _forget_clients(index)
        _seen[index] = generation
    return lease


def _stale(index: Path) -> bool:
    with _mutex:
        return (index / MARKER).exists() and index not in _live


def recover(index: Path) -> dict:
    """The writer died (the caller holds the lock): keep the index if it is sound, else restore the last snapshot."""
    writer = _read_json(index / MARKER) or {}
    if writer.get("restoring"):
        problem = "a restore was cut short"
    elif not _entries(index):
        problem = ""
    elif writer.get("vectors") != _fingerprint(index, vectors=True):
        problem = "its HNSW files changed after its last completed write"
    else:
        problem = check(index)
    snap = latest(index) if problem else None
    if problem:
        restore(index, snap)
    shutil.rmtree(index / "cache", ignore_errors=True)  # derived from Chroma, keyed by a stamp the writer never moved
    note = {"time": _now(), "writer_pid": writer.get("pid"), "writer_started": writer.get("started"),
            "action": "kept" if not problem else "restored" if snap else "emptied",
            "problem": problem, "snapshot_taken": (snap or {}).get("taken", "")}
    _write_json(index / NOTE, note)
    (index / MARKER).unlink(missing_ok=True)
    return note


def check(index: Path) -> str:
    """"" if a fresh process can open, count and query every collection; else what went wrong."""
    try:
        done = subprocess.run([sys.executable, "-c", _CHECK, str(index)], capture_output=True, text=True,
                              timeout=CHECK_SECONDS)
    except subprocess.TimeoutExpired:
        return f"checking the index took over {CHECK_SECONDS} s"
    if done.returncode == 0:
        return ""
    said = (done.stderr.strip().splitlines() or ["no message"])[-1][:300]
    return f"Chroma failed on it: {said} ({f'signal {-done.returncode}' if done.returncode < 0 else 'an error'})"


def take(index: Path) -> Path | None:
    """Copy Chroma's files into a new snapshot, complete or absent, then drop the older ones. None if a file
    changed while it was copied (a question's first read rewrites small HNSW files): the next checkpoint will do."""
    root, fingerprint = index / SNAPSHOTS, _fingerprint(index)
    tmp = root / f"tmp-{os.getpid()}-{time.time_ns()}"
    _copy(index, tmp)
    if _fingerprint(index) != fingerprint:
        shutil.rmtree(tmp)
        return None
    _write_json(tmp / COMPLETE, {"taken": _now(), "fingerprint": fingerprint})
    final = tmp.rename(root / f"snap-{time.time_ns()}")
    for old in root.iterdir():
        if old != final:
            shutil.rmtree(old, ignore_errors=True)
    return final


def latest(index: Path) -> dict | None:
    """The newest complete snapshot's record, with its "path"; None if there is none."""
    for snap in sorted((index / SNAPSHOTS).glob("snap-*"), key=lambda p: int(p.name[5:]), reverse=True):
        if record := _read_json(snap / COMPLETE):
            return {**record, "path": str(snap)}
    return None


def restore(index: Path, snap: dict | None) -> None:
    """Replace Chroma's files by the snapshot's (none: remove them). A kill midway is redone on the next open."""
    _write_json(index / MARKER, {**(_read_json(index / MARKER) or {}), "restoring": True})
    aside = index / ".youthqa-damaged"
    shutil.rmtree(aside, ignore_errors=True)
    aside.mkdir()
    for entry in _entries(index):
        entry.rename(aside / entry.name)
    if snap:
        _copy(Path(snap["path"]), index)
    _write_json(index / GENERATION, {"restored": time.time_ns()})
    with _mutex:
        _forget_clients(index)
        _seen[index] = _read_json(index / GENERATION)
    shutil.rmtree(aside, ignore_errors=True)


def report(index: Path) -> list[str]:
    """Lines for `youthqa status`: the last snapshot, and what the last recovery did."""
    from . import messages as msg

    snap, note = latest(index), _read_json(index / NOTE)
    lines = [msg.SNAPSHOT.format(taken=snap["taken"] if snap else msg.SNAPSHOT_NONE)]
    if note and note.get("resolved"):
        lines.append(msg.RECOVERY_RESOLVED.format(**note))
    elif note:
        lines.append(msg.RECOVERY.format(**note, done=msg.RECOVERY_DONE[note["action"]].format(**note)))
    return lines


def _forget_clients(index: Path) -> None:
    """chromadb caches one System per path: a later client must not reuse one opened on the replaced files."""
    shared = getattr(sys.modules.get("chromadb.api.shared_system_client"), "SharedSystemClient", None)
    for ident in list(getattr(shared, "_identifier_to_system", {})):
        if ident and Path(ident).resolve() == index:
            shared._identifier_to_system.pop(ident, None)
            shared._identifier_to_refcount.pop(ident, None)


def _entries(folder: Path) -> list[Path]:
    return sorted(p for p in folder.iterdir() if _CHROMA.fullmatch(p.name)) if folder.exists() else []


def _copy(source: Path, target: Path) -> None:
    target.mkdir(parents=True, exist_ok=True)  # parents: the snapshots folder, at the first checkpoint
    for entry in _entries(source):  # copy2 and copytree keep mtimes: a restored index matches its fingerprint
        (shutil.copytree if entry.is_dir() else shutil.copy2)(entry, target / entry.name)


def _fingerprint(index: Path, vectors: bool = False) -> list:
    """Name, size and mtime of Chroma's files, or of its HNSW files only."""
    files = [f for e in _entries(index) for f in (sorted(e.rglob("*")) if e.is_dir() else [] if vectors else [e])]
    stats = [(f, f.stat()) for f in files]
    return [[str(f.relative_to(index)), st.st_size, st.st_mtime_ns] for f, st in stats]


def _write_json(path: Path, data: dict) -> None:
    tmp = path.with_name(f"{path.name}.{os.getpid()}.tmp")
    tmp.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    tmp.replace(path)  # atomic: a kill leaves the old file or the new one


def _read_json(path: Path) -> dict | None:
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None


def _now() -> str:
    return time.strftime("%Y-%m-%d %H:%M:%S")
