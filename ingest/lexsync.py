"""Keeping a node's lexical index in step with the knowledge base through its change log.

Every process on a node shares one folder (the index's cache/ next to an embedded Chroma; in server mode a
node-local folder): base segments written there once (file lock) and memory-mapped by all. A process keeps
the reports changed since its base in memory (ingest/lexstate.py), reading only the log entries after the
last one it applied and the changed reports' chunks. When the delta grows past a share of the base, one
process of the node writes a new base in a separate process (no GIL shared with questions) and every
process switches to it at its next catch-up. Questions are answered from the last applied state meanwhile.
"""
from __future__ import annotations

import ctypes
import fcntl
import json
import logging
import shutil
import subprocess
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from pathlib import Path
from queue import Queue

from .chunk import record_of
from .lexical import Layout, Segment, batches, document_rows
from .lexstate import State

SLACK = 64  # log entries re-read behind the last applied one: two writers may have shared a seq number
MERGE_MIN, MERGE_SHARE = 2000, 0.05  # a new base once the delta holds this many chunks or this share
log = logging.getLogger(__name__)


@contextmanager
def node_lock(folder: Path, block: bool = True):
    """Yields True when this process holds the node's writer lock for the folder."""
    folder.mkdir(parents=True, exist_ok=True)
    with (folder / ".lock").open("a") as fh:
        try:
            fcntl.flock(fh, fcntl.LOCK_EX | (0 if block else fcntl.LOCK_NB))
        except BlockingIOError:
            yield False
            return
        try:
            yield True
        finally:
            fcntl.flock(fh, fcntl.LOCK_UN)


def trim_heap() -> None:
    """Hand the C heap's free pages back to the system: glibc keeps what Python freed (a base's records parsed
    from JSON, a replaced state, Gradio's start-up), 24 MB of a 100k-chunk worker's memory. Not on macOS."""
    try:
        ctypes.CDLL(None).malloc_trim(0)  # ctypes lets go of the GIL meanwhile
    except (OSError, AttributeError):
        pass


def segments(folder: Path) -> list[Path]:
    return sorted(p for p in folder.glob("seg-*") if not p.name.endswith(".tmp") and (p / "segment.json").exists())


def build(store, folder: Path, extra=None, unless_newer_than: float | None = None) -> Path:
    """Write a new base from every chunk of the store (under the node lock); keep the previous one.
    extra(records) -> the views a base keeps beside its BM25 (Segment.write), for reports with these records.
    unless_newer_than: a time; if another process of the node wrote a usable base since, that one is used."""
    with node_lock(folder):
        if unless_newer_than is not None:
            usable = [p for p in segments(folder) if p.stat().st_mtime >= unless_newer_than and _usable(p, store)]
            if usable:
                return usable[-1]  # the other worker that started with us built it while we waited
        head = store.change_head()  # before reading: changes made during the read are re-applied as delta
        path = folder / f"seg-{head:012d}-{int(time.time() * 1000)}"
        with ThreadPoolExecutor(1) as pool:  # the records are read while the layout is worked out
            records = pool.submit(store.documents)
            layout = Layout.of_ids(store.chunk_ids())  # where each chunk goes, before any text is read
            records = records.result()
        views = extra(records) if extra else None
        shared = {r.doc_id: record_of(vars(r)) for r in records}
        rows = prefetched(store.chunks_by_id(layout.ids, shared) if layout else store.all_chunks())
        Segment.write(path, rows, seq=head, stamp=_identity(store), views=views, layout=layout)
        for old in segments(folder)[:-2]:
            shutil.rmtree(old, ignore_errors=True)  # open readers keep their mappings (POSIX)
        return path


def prefetched(rows, batch: int = 1000, ahead: int = 20):
    """The rows of a reader, read by a thread (started now) ahead of its consumer: Chroma serves the next pages
    (4.9 s for 100k chunks, on the server's side) while the last ones are counted. Handed over in batches."""
    queue: Queue = Queue(maxsize=ahead)
    done = object()

    def read():
        try:
            for held in batches(rows, batch):
                queue.put(held)
            queue.put(done)
        except BaseException as err:  # handed to the consumer
            queue.put(err)

    def consume():
        while (held := queue.get()) is not done:
            if isinstance(held, BaseException):
                raise held
            yield from held

    threading.Thread(target=read, daemon=True, name="youthqa-prefetch").start()
    return consume()


def _usable(path: Path, store) -> bool:
    try:
        meta = json.loads((path / "segment.json").read_text())
    except (OSError, ValueError):
        return False
    return meta["stamp"] == _identity(store) and meta["seq"] <= store.change_head()


def _identity(store) -> str:
    """Which knowledge base a segment was built from: a re-created collection is another one."""
    return f"{store.settings.collection}:{store.chunks.id}"


class Follower:
    """One process's view of the node's lexical index: current() never blocks on a rebuild."""

    def __init__(self, store, folder: Path, extra=None, merge_command: list[str] | None = None):
        self.store, self.folder, self.extra, self.merge_command = store, Path(folder), extra, merge_command
        self._state: State | None = None
        self._lock = threading.Lock()
        self._seen: set[str] = set()
        self._merging: subprocess.Popen | None = None
        self._thread: threading.Thread | None = None
        self._stopped = threading.Event()
        self._drift = 0
        self.decorate = lambda state, store: None  # views a new state needs, made before it is swapped in

    def current(self) -> State:
        """The last applied state; the first call opens (or, with no usable base on the node, builds) one."""
        if self._state is None:
            with self._lock:
                if self._state is None:
                    self._state = self._swap(self._catch_up(self._open_base()))
        return self._state

    def catch_up(self) -> State:
        """Apply the log entries written since the last ones applied (and switch to a newer base)."""
        with self._lock:
            held = self._state
            state = self._state = self._swap(self._catch_up(held or self._open_base()))
        changed = state is not held
        del held  # often the last reference to the replaced state: let go of it before trimming
        if changed:
            trim_heap()
        return state

    def _swap(self, state: State) -> State:
        if state is not self._state:
            self.decorate(state, self.store)
        return state

    def start(self, interval: float) -> None:
        """Catch up every `interval` seconds in a daemon thread."""
        if self._thread is None:
            self._thread = threading.Thread(target=self._loop, args=(interval,), daemon=True, name="youthqa-lexsync")
            self._thread.start()

    def stop(self) -> None:
        """No more catch-ups: the index is let go (a process asking many indexes in turn, as training does, had kept
        a thread polling each earlier one)."""
        self._stopped.set()

    def _loop(self, interval: float) -> None:
        while not self._stopped.wait(interval):
            try:
                self._check_drift(self.catch_up())
            except Exception as err:  # a Chroma hiccup: answer from the state held, try again next time
                log.warning("lexical catch-up failed: %s", err)

    # -- internals -----------------------------------------------------------------------------
    def _open_base(self) -> State:
        asked = time.time()
        self._seen.clear()
        for path in reversed(segments(self.folder)):
            if _usable(path, self.store):
                try:
                    return State(Segment.open(path))
                except (OSError, ValueError, KeyError):
                    continue  # removed by a merge meanwhile, or written by an older version
        return State(Segment.open(self._build(unless_newer_than=asked - 1)))

    def _build(self, unless_newer_than: float | None = None) -> Path:
        """A base written in a child process when there is a command for it: reading and tokenising every chunk
        peaks at several times the base's size, which a worker would otherwise keep as RSS for good."""
        if self.merge_command:
            since = [] if unless_newer_than is None else [f"--unless-newer-than={unless_newer_than}"]
            subprocess.run(self.merge_command + since, check=False, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            usable = [p for p in segments(self.folder) if _usable(p, self.store)]
            if usable:
                return usable[-1]
        return build(self.store, self.folder, self.extra, unless_newer_than)

    def _catch_up(self, state: State) -> State:
        if self._merging is not None and self._merging.poll() is not None:
            self._merging = None  # finished: its base is opened below, before the delta can ask for another
        newest = segments(self.folder)
        if newest and newest[-1] != state.segment.folder and self._merging is None:
            state = self._open_base()  # a newer base from a merge on this node
        head = self.store.change_head()
        if head < state.seq:  # the log went back (a restored snapshot, a re-created knowledge base)
            return State(Segment.open(self._build()))
        if head > state.seq:
            entries = [e for e in self.store.changes_since(max(state.seq - SLACK, state.segment.seq))
                       if e[1] not in self._seen]
            if entries:
                doc_ids = list(dict.fromkeys(e[3] for e in entries))
                by_doc = {d: [] for d in doc_ids} | document_rows(self.store.chunks_of(doc_ids))
                state = state.with_changes(by_doc, max(head, max(e[0] for e in entries)))
                self._seen.update(e[1] for e in entries)
                self._seen = {i for i in self._seen if int(i.split("-")[0]) > state.seq - SLACK}
        self._merge_if_due(state)
        return state

    def _check_drift(self, state: State) -> None:
        """Chunks written without a log entry (an older writer) show as a count that stays off: rebuild."""
        self._drift = self._drift + 1 if self.store.count() != len(state) else 0
        if self._drift >= 3:
            self._drift = 0
            self._start_merge(force=True)

    def _merge_if_due(self, state: State) -> None:
        if state.delta_chunks() > max(MERGE_MIN, MERGE_SHARE * state.segment.chunks.n):
            self._start_merge()

    def _start_merge(self, force: bool = False) -> None:
        if self._merging is not None:
            return
        with node_lock(self.folder, block=False) as mine:
            if not mine:
                return  # another process of the node is writing one
        if self.merge_command:
            self._merging = subprocess.Popen(self.merge_command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        else:
            self._merging = _InProcess(lambda: build(self.store, self.folder, self.extra))


class _InProcess:
    """A merge on a thread of this process, polled like a child (an embedded index: no second process)."""

    def __init__(self, target):
        self.thread = threading.Thread(target=self._run, args=(target,), daemon=True, name="lexical-merge")
        self.thread.start()

    @staticmethod
    def _run(target) -> None:
        try:
            target()
        except Exception as err:  # the next catch-up tries again
            log.warning("lexical merge failed: %s", err)

    def poll(self) -> int | None:
        return None if self.thread.is_alive() else 0


def merge_main(folder: str, open_store, extra=None, unless_newer_than: float | None = None) -> int:
    """A new base for the node, in a child process of a Follower (app/engine/views.py)."""
    build(open_store(), Path(folder), extra, unless_newer_than)
    return 0
