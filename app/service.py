"""`Service`: the Assistant and the knowledge base behind one web server, shared by the page (app.ui) and
the HTTP API (app.server); thread-safe. Its errors are `UserError`s whose one-line Chinese message the
page and the API show: an empty or too long question, an empty, busy or unreachable knowledge base.
"""
from __future__ import annotations

import json
import logging
import threading
import time
from contextlib import contextmanager
from pathlib import Path

from ingest.lock import IndexBusy, acquire
from ingest.readers import QUESTIONS
from ingest.settings import Settings
from ingest.store import StoreUnavailable

from . import uploads

log = logging.getLogger(__name__)

UPLOAD_TYPES = (".txt", ".md", ".html", ".htm", ".docx", ".pdf")
STATUS_ZH = {"added": "新增", "updated": "已更新", "unchanged": "未变化", "failed": "失败", "removed": "已移除"}

MSG_EMPTY = "请输入问题。"
MSG_LONG = "问题太长了:最多 {limit} 个字,这个问题有 {n} 个字。请精简后再问。"
MSG_NO_INDEX = "知识库还是空的:没有导入任何报告。请先在「上传报告」页上传报告,或运行 youthqa ingest corpus/。"
MSG_FAILED = "抱歉,回答这个问题时出错了,请稍后再试。"
MSG_BUSY = "知识库正被另一个进程{doing},请稍后再试。原因:{reason}"
MSG_UNREACHABLE = "无法连接知识库服务器 {where},请确认 Chroma 服务器已启动,稍后再试。原因:{reason}"
NO_INDEX_YET = "no knowledge base at"  # the StoreUnavailable of a reachable store that has no index yet


class UserError(Exception):
    """A problem the user can fix; its message is shown as is."""

    def __init__(self, message: str, status: int = 400):
        super().__init__(message)
        self.status = status


class Unavailable(UserError):
    """The knowledge base is busy (IndexBusy) or its server unreachable (StoreUnavailable): worth a retry.
    Nothing is cached on failure, so the next request tries again and recovers by itself."""

    def __init__(self, err: Exception, settings: Settings):
        reason = " ".join(str(err).split())  # one line
        where = f"{settings.chroma_host}:{settings.chroma_port}" if settings.server_mode else settings.location()
        super().__init__(MSG_BUSY.format(doing="写入" if "being written" in reason else "使用", reason=reason)
                         if isinstance(err, IndexBusy) else MSG_UNREACHABLE.format(where=where, reason=reason), 503)


class Service:
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
        from .api import Assistant

        with self._lock:
            if self._assistant is None:
                try:
                    self._assistant = Assistant.open(self.settings)
                except (IndexBusy, StoreUnavailable) as err:
                    if NO_INDEX_YET in str(err):
                        return None
                    raise Unavailable(err, self.settings) from None
                except Exception as err:  # e.g. an index built with another embedding model
                    raise UserError(f"无法打开知识库:{err}", status=503) from None
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
        ingest_paths included, share the lock); the retriever then looks at the new stamp."""
        with self._edit_lock, self._reaching():
            lease = None if self.settings.server_mode else acquire(self.settings.index, exclusive=True)
            try:
                yield self._store()
                self._changed()
            finally:
                if lease:
                    lease.release()

    def check(self, question: str) -> str:
        question = (question or "").strip()
        if not question:
            raise UserError(MSG_EMPTY)
        if len(question) > self.settings.max_question_chars:
            raise UserError(MSG_LONG.format(limit=self.settings.max_question_chars, n=len(question)))
        return question

    def stream(self, question: str, history: list | None = None):
        """Yield str parts, then the Answer; UserError for an empty/too long question or an empty,
        busy or unreachable knowledge base."""
        question = self.check(question)
        with QUESTIONS.answering():
            assistant = self.assistant()
        with self._lock, self._reaching():
            if assistant is None or assistant.store.count() == 0:
                raise UserError(MSG_NO_INDEX, status=503)
            parts = assistant.stream(question, history or [])
        while True:
            with self._lock, self._reaching(), QUESTIONS.answering():  # held per step, never across a yield
                part = next(parts, None)
            if part is None:
                return
            yield part

    def ask(self, question: str, history: list | None = None):
        answer = None
        for answer in self.stream(question, history):
            pass
        return answer

    # -- knowledge base: Unavailable when it is busy (refused before anything changes) or unreachable --
    def _changed(self) -> None:
        """The store's stamp moved: have the retriever look at it on the next question, rather than
        after its REFRESH_SECONDS throttle (meant for changes made by other processes)."""
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

    @staticmethod
    def matching(docs: list, query: str) -> list:
        q = (query or "").strip().lower()
        return [d for d in docs if not q or q in "\n".join((d.source, d.title, d.date, origin_text(d.origin))).lower()]

    def upload(self, paths: list, progress=None, user: str = "") -> list[list]:
        """Check type and size, ingest, keep a copy in the index's uploads folder; one row per file.
        progress(fraction, description) hears of each step; user (when logged in) goes into the origin.
        A busy or unreachable knowledge base fails every accepted file with the reason why."""
        rows, accepted = [], []
        limit = self.settings.max_file_mb * 2**20
        for path in map(Path, paths):
            if path.suffix.lower() not in UPLOAD_TYPES:
                rows.append([path.name, _status("failed"), f"不支持的文件类型 {path.suffix or '(无扩展名)'};支持 "
                             + " ".join(UPLOAD_TYPES), 0])
            elif path.stat().st_size > limit:
                rows.append([path.name, _status("failed"), f"文件 {path.stat().st_size / 2**20:.1f} MB,"
                             f"超过 {self.settings.max_file_mb} MB 上限", 0])
            else:
                accepted.append(path)
        try:
            return rows + (self._ingest_uploads(accepted, progress, user) if accepted else [])
        except UserError as err:  # busy, unreachable, cannot be opened
            return rows + [[path.name, _status("failed"), str(err), 0] for path in accepted]

    def _ingest_uploads(self, accepted: list[Path], progress, user: str) -> list[list]:
        """Outside the questions' lock. Each file is ingested as uploads/<content id>/<name> from a staging
        copy, and moved there only once ingested: a different file of the same name is another document,
        the same file again is unchanged, and a failed one leaves no file behind and touches no good one."""
        from ingest import ingest_paths

        origin = f"上传 {time.strftime('%Y-%m-%d %H:%M')}" + (f" · {user}" if user else "")
        with self._editing():
            with uploads.staging(self.uploads, accepted, origin) as staged:
                results = ingest_paths(list(staged), self.settings, staged=staged, report=progress).results
                for r in results:  # into place only once in the index; an unchanged one is there already
                    if r.status in ("added", "updated") or (r.status == "unchanged" and not Path(r.path).exists()):
                        uploads.commit(staged[Path(r.path)].copy, Path(r.path))
        return [_row(r) for r in results]

    def delete(self, doc_id: str) -> str:
        """Remove exactly the document doc_id (a row of the knowledge-base table) and its uploaded copy."""
        with self._editing() as store:
            record = store.document(doc_id) if store and doc_id else None
            if record is None:
                return f"没有找到文档 {' '.join(str(doc_id).split())[:64]},它可能已被删除;请刷新列表后再选。"
            store.delete_document(record.doc_id)
            uploads.discard(self.uploads, Path(record.path))  # only once it is out of the index
            store.touch()  # the retriever rebuilds its lexical index on the next question
        return f"已删除 {record.source}({origin_text(record.origin)},{record.chunks} 个分块)。"

    def reindex(self) -> list[list]:
        """Re-ingest every indexed file from disk (changed ones are replaced); drop files that are gone."""
        from ingest import ingest_paths

        rows, present = [], []
        with self._editing() as store:
            for record in store.documents() if store else []:
                if Path(record.path).exists():
                    present.append(record.path)
                else:
                    store.delete_document(record.doc_id)
                    rows.append([record.source, _status("removed"), "文件已不存在", 0])
            if rows:
                store.touch()
            if present:
                rows += [_row(r) for r in ingest_paths(present, self.settings).results]
        return rows

    def record_feedback(self, turn: dict, liked) -> None:
        entry = {"question": turn.get("question", ""), "answer": turn.get("text", ""), "value": turn.get("value", ""),
                 "citations": turn.get("citations", []), "liked": liked,
                 "time": time.strftime("%Y-%m-%dT%H:%M:%S%z")}
        path = Path(self.settings.feedback)
        with self._lock:
            path.parent.mkdir(parents=True, exist_ok=True)
            with path.open("a", encoding="utf-8") as f:
                f.write(json.dumps(entry, ensure_ascii=False) + "\n")


def origin_text(origin: str) -> str:
    """A document's origin as the knowledge-base table shows it."""
    return origin or "命令行导入"


def _row(result) -> list:
    """An ingest FileResult as a row of the upload / re-index table."""
    return [result.source, _status(result.status), result.reason, result.chunks]


def _status(status: str) -> str:
    return f"{STATUS_ZH.get(status, status)} ({status})"
