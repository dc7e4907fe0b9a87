"""An advisory lock on an embedded index: Chroma's PersistentClient is not process-safe.

One lock file per index directory, taken with fcntl.flock and never waited for (LOCK_NB):

- a writer (ingest_paths) holds it exclusively for the whole ingest;
- a reader (Assistant, `status`, `serve`) holds it shared for as long as its Store is open, because a
  process that reads while another writes sees a half-written index, and the two processes' copies
  of Chroma's vector segments drift apart.

A process that cannot get the lock fails at once with one line naming the live holder (pid and command,
from /proc/locks, else the pid noted in the lock file if that process is still alive) and pointing to
server mode. Inside one process the lock is counted, not re-taken: readers and writers of the same index
share one file descriptor (flock locks on two descriptors of one file conflict even in one process), and
a reader's Store that writes (the web UI deleting a document) upgrades to exclusive for that write.
Server mode (YOUTHQA_CHROMA_HOST) takes no lock: the Chroma server serialises its clients.
The kernel drops the lock when the process dies, SIGKILL included, so a crash never leaves it stuck.
"""
from __future__ import annotations

import fcntl
import os
import threading
from contextlib import contextmanager
from pathlib import Path

from . import messages as msg

LOCK_FILE = ".youthqa.lock"


class IndexBusy(RuntimeError):
    """Another process holds the index; str(err) is the one-line reason. `writing`: the holder writes (else it
    has the index open for reading); `holder`: who it is, for messages that add their own advice."""

    def __init__(self, message: str, writing: bool = True, holder: str = ""):
        super().__init__(message)
        self.writing, self.holder = writing, holder


class _Held:
    """This process's lock on one index: one descriptor, counted readers and writers."""

    def __init__(self, index: Path):
        self.index = index
        try:
            self.fd = os.open(index / LOCK_FILE, os.O_RDWR | os.O_CREAT | os.O_CLOEXEC, 0o644)
        except PermissionError:  # someone else's index, readable only: flock works on a read-only descriptor
            self.fd = os.open(index / LOCK_FILE, os.O_RDONLY | os.O_CLOEXEC)
        self.readers = self.writers = 0

    def take(self, exclusive: bool) -> None:
        if exclusive:
            if not self.writers:
                self._flock(fcntl.LOCK_EX)
            self.writers += 1
        else:
            if not self.readers and not self.writers:
                self._flock(fcntl.LOCK_SH)
            self.readers += 1

    def give(self, exclusive: bool) -> None:
        if exclusive:
            self.writers -= 1
            if not self.writers and self.readers:
                self._downgrade()
        else:
            self.readers -= 1

    @property
    def idle(self) -> bool:
        return not self.readers and not self.writers

    def close(self) -> None:
        os.close(self.fd)  # drops the flock

    def _flock(self, op: int) -> None:
        try:
            fcntl.flock(self.fd, op | fcntl.LOCK_NB)
        except BlockingIOError:
            if self.readers:  # a failed shared -> exclusive conversion has dropped our shared lock
                try:
                    fcntl.flock(self.fd, fcntl.LOCK_SH | fcntl.LOCK_NB)
                except BlockingIOError:
                    pass
            raise self._busy(op == fcntl.LOCK_EX) from None
        self._note("write" if op == fcntl.LOCK_EX else "read")

    def _downgrade(self) -> None:
        try:
            fcntl.flock(self.fd, fcntl.LOCK_SH | fcntl.LOCK_NB)
            self._note("read")
        except BlockingIOError:  # another process took it in the instant between; our readers go on unlocked
            pass

    def _note(self, mode: str) -> None:
        """Who holds the lock, for the message another process prints (the latest holder wins)."""
        try:
            os.ftruncate(self.fd, 0)
            os.pwrite(self.fd, f"{os.getpid()} {mode}\n".encode(), 0)
        except OSError:
            pass

    def _busy(self, want_write: bool) -> IndexBusy:
        """The live processes holding the lock: the note names the latest holder only, which may have exited
        while an earlier reader still holds it, so the kernel's lock table comes first."""
        holders = _kernel_holders(self.fd)
        if not holders:
            try:
                pid, _, mode = os.pread(self.fd, 64, 0).decode().strip().partition(" ")
            except (OSError, UnicodeDecodeError):
                pid, mode = "", ""
            if pid.isdigit() and _alive(int(pid)):
                holders = {int(pid): mode != "read"}
        writing = any(holders.values()) if holders else not want_write
        who = "; ".join(msg.HOLDER.format(pid=pid, command=_command(pid)) for pid in sorted(holders)) \
            or msg.HOLDER_UNKNOWN
        text = (msg.INDEX_WRITING if writing else msg.INDEX_OPEN).format(index=self.index, holder=who)
        return IndexBusy(text + msg.BUSY_HINT, writing, who)


def _kernel_holders(fd: int) -> dict[int, bool]:
    """{pid: exclusive} of the other live processes holding a flock on fd's file (Linux /proc/locks)."""
    inode = str(os.fstat(fd).st_ino)
    holders = {}
    try:
        with open("/proc/locks", encoding="ascii", errors="replace") as table:
            for line in table:
                fields = line.split()
                if "->" in fields or len(fields) < 6 or fields[1] != "FLOCK":
                    continue  # a waiter, or not a flock
                pid = int(fields[4]) if fields[4].isdigit() else 0
                if fields[5].rsplit(":", 1)[-1] == inode and pid != os.getpid() and _alive(pid):
                    holders[pid] = holders.get(pid, False) or fields[3] == "WRITE"
    except OSError:  # not Linux, or /proc not mounted
        return {}
    return holders


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # alive, another user's
        return True
    return pid > 0


def _command(pid: int) -> str:
    """The holder's command line, short: `youthqa serve --port 7860`, `python3 -m app.cli ingest corpus`."""
    try:
        with open(f"/proc/{pid}/cmdline", "rb") as f:
            argv = f.read().decode(errors="replace").split("\0")
    except OSError:
        return "?"
    argv = [os.path.basename(argv[0])] + [a for a in argv[1:] if a]
    text = " ".join(argv)
    return text if len(text) <= 80 else text[:79] + "…"


_held: dict[Path, _Held] = {}
_mutex = threading.Lock()


class Lease:
    """One Store's share of this process's lock on an index. release() is idempotent."""

    def __init__(self, index: Path, exclusive: bool):
        self.index, self.exclusive, self.released = index, exclusive, False

    def release(self) -> None:
        with _mutex:
            if self.released:
                return
            self.released = True
            _give(self.index, self.exclusive)

    @contextmanager
    def writing(self):
        """Exclusive for the duration of one write made through a reader's Store."""
        if self.exclusive:
            yield
            return
        with _mutex:
            _take(self.index, True)
        try:
            yield
        finally:
            with _mutex:
                _give(self.index, True)


def acquire(index: Path, exclusive: bool) -> Lease:
    """Lock the embedded index at `index` (created if missing); IndexBusy if another process holds it."""
    index = Path(index).resolve()
    index.mkdir(parents=True, exist_ok=True)
    with _mutex:
        _take(index, exclusive)
    return Lease(index, exclusive)


def _take(index: Path, exclusive: bool) -> None:
    held = _held.get(index) or _Held(index)
    try:
        held.take(exclusive)
    except BaseException:
        if held.idle:
            held.close()
        raise
    _held[index] = held


def _give(index: Path, exclusive: bool) -> None:
    held = _held[index]
    held.give(exclusive)
    if held.idle:
        held.close()
        del _held[index]
