"""`Service`: the Assistant and the knowledge base behind one web server, shared by the page (app.web.ui) and
the HTTP API (app.web.server); thread-safe. Its errors are `UserError`s whose one-line Chinese message the
page and the API show: an empty or too long question, an empty, busy or unreachable knowledge base.
The knowledge base's edits (upload, delete, undo, re-index; each audited) are in app/web/kb.py.
"""
from __future__ import annotations

import json
import logging
import threading
import time
from contextlib import contextmanager
from pathlib import Path

from ingest import messages as msg
from ingest.lock import IndexBusy, acquire
from ingest.readers import QUESTIONS
from ingest.settings import Settings
from ingest.store import StoreUnavailable

from .errors import Unavailable, UserError
from .kb import UPLOAD_TYPES, KnowledgeBase, origin_text

log = logging.getLogger(__name__)

__all__ = ["Service", "UserError", "Unavailable", "UPLOAD_TYPES", "origin_text"]
MSG_EMPTY, MSG_NO_INDEX, MSG_FAILED = msg.EMPTY_QUESTION, msg.NO_INDEX, msg.ANSWER_FAILED  # app/web/server.py, tests
NO_INDEX_YET = "no knowledge base at"  # the StoreUnavailable of a reachable store that has no index yet


class Service(KnowledgeBase):
    """The Assistant and the knowledge base behind one server; thread-safe through two locks. Questions take
    `_lock`, edits of the knowledge base `_edit_lock`, so that a question never waits for an upload to
    ingest: it answers from the last committed state (the lexical index of the last stamp). Chroma's writes
    and reads from several threads are serialised inside the process by ingest/lock.py and Chroma itself."""

    def __init__(self, settings: Settings):
        self.settings = settings
        self.uploads = settings.index / "uploads"
        self._assistant = None
        self._lock = threading.RLock()  # the Assistant: opening, answering, closing
        self._edit_lock = threading.RLock()  # upload, delete, re-index: one at a time
        QUESTIONS.serving = True  # an upload's Chroma writes wait for the questions in flight (ingest/readers.py)

    def assistant(self):
        """The Assistant, opened on first use; None while there is no knowledge base; Unavailable while
        the index is locked by another process or its server cannot be reached."""
        from ..api import Assistant

        with self._lock:
            if self._assistant is None:
                try:
                    self._assistant = Assistant.open(self.settings)
                except (IndexBusy, StoreUnavailable) as err:
                    if NO_INDEX_YET in str(err):
                        return None
                    raise Unavailable(err, self.settings) from None
                except Exception as err:  # e.g. an index built with another embedding model
                    raise UserError(msg.CANNOT_OPEN.format(reason=err), status=503) from None
            return self._assistant

    def close(self) -> None:
        """Let go of the knowledge base (an embedded index's lock); the next request opens it again."""
        with self._edit_lock, self._lock:
            if self._assistant is not None:
                self._assistant.store.close()
                self._assistant = None

    @contextmanager
    def _reaching(self):
        """IndexBusy and StoreUnavailable -> Unavailable, whose one-line message the page and the API show."""
        try:
            yield
        except (IndexBusy, StoreUnavailable) as err:
            raise Unavailable(err, self.settings) from None

    @contextmanager
    def _editing(self):
        """The store (None while there is no index) to change. An embedded index is locked for writing
        first, so that a busy one leaves the index and the uploads folder as they were (in-process writers,
        ingest_paths included, share the lock); the retriever then looks at the new stamp. The session is
        marked and checkpointed, so that a kill midway cannot break the index (ingest/snapshot.py)."""
        from ingest.snapshot import write_session

        with self._edit_lock, self._reaching():
            lease = None if self.settings.server_mode else acquire(self.settings.index, exclusive=True)
            try:
                with write_session(self.settings):
                    yield self._store()
                    self._changed()
            finally:
                if lease:
                    lease.release()

    def check(self, question: str) -> str:
        question = (question or "").strip()
        if not question:
            raise UserError(msg.EMPTY_QUESTION)
        if len(question) > self.settings.max_question_chars:
            raise UserError(msg.LONG_QUESTION.format(limit=self.settings.max_question_chars, n=len(question)))
        return question

    def stream(self, question: str, history: list | None = None):
        """Yield str parts, then the Answer; UserError for an empty/too long question or an empty,
        busy or unreachable knowledge base."""
        question = self.check(question)
        with QUESTIONS.answering():
            assistant = self.assistant()
        with self._lock, self._reaching():
            if assistant is None or assistant.empty():
                raise UserError(msg.NO_INDEX, status=503)
            parts = assistant.stream(question, history or [])
        while True:
            with self._lock, self._reaching(), QUESTIONS.answering():  # held per step, never across a yield
                part = next(parts, None)
            if part is None:
                return
            yield part

    def facts(self, query: str, limit: int = 200) -> list:
        """Facts (ingest/schema.py) matching an indicator ("注册志愿者"), for GET /api/facts and the 数据汇总 tab;
        the same UserErrors as a question."""
        query = self.check(query)
        with QUESTIONS.answering():
            assistant = self.assistant()
        with self._lock, self._reaching(), QUESTIONS.answering():
            if assistant is None or assistant.empty():
                raise UserError(msg.NO_INDEX, status=503)
            return assistant.facts(query, limit)

    def ask(self, question: str, history: list | None = None):
        answer = None
        for answer in self.stream(question, history):
            pass
        return answer

    # -- knowledge base: Unavailable when it is busy (refused before anything changes) or unreachable --
    def _changed(self) -> None:
        """This process changed the knowledge base: the retriever applies the change log now, rather than
        at its next background catch-up (meant for changes made by other processes)."""
        retriever = getattr(self._assistant, "retriever", None)
        if retriever is not None:
            retriever.refresh()

    def _store(self):
        assistant = self.assistant()
        return assistant.store if assistant else None

    def documents(self, query: str = "") -> list:
        """DocRecords, those whose file name, title, date or origin contain `query` when one is given."""
        with self._lock, self._reaching():
            store = self._store()
            docs = store.documents() if store else []
        return self.matching(docs, query)

    def count_documents(self) -> int:
        with self._lock, self._reaching():
            store = self._store()
            return store.docs.count() if store else 0

    @staticmethod
    def matching(docs: list, query: str) -> list:
        q = (query or "").strip().lower()
        return [d for d in docs if not q or q in "\n".join((d.source, d.title, d.date, origin_text(d.origin))).lower()]

    def warm_up(self, question: str) -> None:
        """Load all that the first question would (encoder, jieba's dictionary, lexical index, answer model)
        by answering one, so that the first real one does not wait seconds. An LLM is not asked."""
        assistant = self.assistant()
        if assistant is None or assistant.store.count() == 0:
            return
        with self._lock:
            llm, assistant.llm = assistant.llm, None
            try:
                assistant.ask(question)
            finally:
                assistant.llm = llm

    def record_feedback(self, turn: dict, liked) -> None:
        entry = {"question": turn.get("question", ""), "answer": turn.get("text", ""), "value": turn.get("value", ""),
                 "citations": turn.get("citations", []), "liked": liked,
                 "time": time.strftime("%Y-%m-%dT%H:%M:%S%z")}
        path = Path(self.settings.feedback)
        with self._lock:
            path.parent.mkdir(parents=True, exist_ok=True)
            with path.open("a", encoding="utf-8") as f:
                f.write(json.dumps(entry, ensure_ascii=False) + "\n")
