"""`Service`: the Assistant and the knowledge base behind one web server, shared by the page (app.ui) and
the HTTP API (app.server); thread-safe. Its errors are `UserError`s whose one-line Chinese message the
page and the API show: an empty or too long question, an empty, busy or unreachable knowledge base.
"""
from __future__ import annotations

import json
import logging
import shutil
import threading
import time
from contextlib import contextmanager
from pathlib import Path

from ingest.lock import IndexBusy, acquire
from ingest.settings import Settings
from ingest.store import StoreUnavailable

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
    """The Assistant and the knowledge base behind one server; thread-safe through one lock."""

    def __init__(self, settings: Settings):
        self.settings = settings
        self.uploads = settings.index / "uploads"
        self._assistant = None
        self._lock = threading.RLock()

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
        with self._lock:
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
        with self._lock, self._reaching():
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
        assistant = self.assistant()
        with self._lock, self._reaching():
            if assistant is None or assistant.store.count() == 0:
                raise UserError(MSG_NO_INDEX, status=503)
            parts = assistant.stream(question, history or [])
        while True:
            with self._lock, self._reaching():  # held per step, never across a yield
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
        """DocRecords, those whose file name, title or date contain `query` when one is given."""
        with self._lock, self._reaching():
            store = self._store()
            docs = store.documents() if store else []
        return self.matching(docs, query)

    @staticmethod
    def matching(docs: list, query: str) -> list:
        q = (query or "").strip().lower()
        return [d for d in docs if not q or q in f"{d.source}\n{d.title}\n{d.date}".lower()]

    def upload(self, paths: list) -> list[list]:
        """Check type and size, copy into the index's uploads folder, ingest; one row per file.
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
            return rows + (self._ingest_uploads(accepted) if accepted else [])
        except UserError as err:  # busy, unreachable, cannot be opened
            return rows + [[path.name, _status("failed"), str(err), 0] for path in accepted]

    def _ingest_uploads(self, accepted: list[Path]) -> list[list]:
        from ingest import ingest_paths

        with self._editing():
            self.uploads.mkdir(parents=True, exist_ok=True)
            fresh = {p.name for p in accepted if not (self.uploads / p.name).exists()}
            targets = [shutil.copyfile(p, self.uploads / p.name) for p in accepted]
            try:
                results = ingest_paths(targets, self.settings).results
            except BaseException:  # e.g. the Chroma server went away: keep no copy the index does not know
                for name in fresh:
                    (self.uploads / name).unlink(missing_ok=True)
                raise
        for r in results:
            if r.status == "failed" and r.source in fresh:
                (self.uploads / r.source).unlink(missing_ok=True)
        return [_row(r) for r in results]

    def delete(self, source: str) -> str:
        with self._editing() as store:
            records = [d for d in (store.documents() if store else []) if d.source == source]
            if not records:
                return f"没有找到文档 {source}。"
            for record in records:
                store.delete_document(record.doc_id)
                path = Path(record.path)
                if path.parent == self.uploads.resolve():  # only once it is out of the index
                    path.unlink(missing_ok=True)
            store.touch()  # the retriever rebuilds its lexical index on the next question
        return f"已删除 {source}({sum(r.chunks for r in records)} 个分块)。"

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


def _row(result) -> list:
    """An ingest FileResult as a row of the upload / re-index table."""
    return [result.source, _status(result.status), result.reason, result.chunks]


def _status(status: str) -> str:
    return f"{STATUS_ZH.get(status, status)} ({status})"
