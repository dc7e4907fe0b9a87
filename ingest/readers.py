"""Questions first: an ingest running in a web server's thread writes to Chroma between questions.

Chroma's Python bindings hold the GIL through a write (~0.45 ms a chunk: a 2,048-chunk add holds every
other thread of the process for 1.1 s), so a question asked while an upload is written would wait for the
whole write. In a process that answers questions (app.web.service marks it `serving`), Store.put_documents
therefore writes in slices of SLICE chunks (~0.1 s each) and, before each, waits for a moment when no
question is being answered, but never longer than PATIENCE seconds, so that a stream of questions cannot
starve an upload. A command-line ingest (no questions) writes in full batches and never waits.
"""
from __future__ import annotations

import threading
import time
from contextlib import contextmanager

SLICE = 256  # chunks per Chroma call while questions may come: ~0.1 s of GIL
PATIENCE = 1.0  # seconds a slice waits for the questions in flight


class Questions:
    def __init__(self):
        self.serving = False
        self._active = 0
        self._idle = threading.Condition()

    @contextmanager
    def answering(self):
        """Around each step of answering a question."""
        with self._idle:
            self._active += 1
        try:
            yield
        finally:
            with self._idle:
                self._active -= 1
                if not self._active:
                    self._idle.notify_all()

    def slice(self, batch: int) -> int:
        """Chunks per Chroma write."""
        return min(batch, SLICE) if self.serving else batch

    def wait_for_quiet(self) -> float:
        """Before a write: wait until no question is being answered (at most PATIENCE s) -> seconds waited."""
        if not self.serving:
            return 0.0
        started = time.monotonic()
        time.sleep(0.002)  # let go of the GIL: a question waiting for it gets to say it is answering
        with self._idle:
            self._idle.wait_for(lambda: not self._active, timeout=PATIENCE)
        return time.monotonic() - started


QUESTIONS = Questions()  # of this process
