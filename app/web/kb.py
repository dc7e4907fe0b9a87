"""The knowledge base's edits behind the web server (a part of app.web.service.Service): upload, delete, undo
of the last delete, re-index. Each is refused whole while the index is busy, and written to the audit log
(app/web/audit.py) with the user and its outcome, failures included.
"""
from __future__ import annotations

import time
from pathlib import Path

from ingest import messages as msg

from . import audit, uploads
from .errors import UserError

UPLOAD_TYPES = (".txt", ".md", ".html", ".htm", ".docx", ".pdf", ".xlsx", ".pptx", ".csv")


class KnowledgeBase:
    """Mixed into Service, which provides settings, uploads (the folder) and _editing()."""

    def upload(self, paths: list, progress=None, user: str = "") -> list[list]:
        """Check type and size, ingest, keep a copy in the index's uploads folder; one row per file.
        progress(fraction, description) hears of each step; user (when logged in) goes into the origin.
        A busy or unreachable knowledge base fails every accepted file with the reason why."""
        rows, accepted = [], []
        limit = self.settings.max_file_mb * 2**20
        for path in map(Path, paths):
            if path.suffix.lower() not in UPLOAD_TYPES:
                rows.append(_failed(path.name, msg.UNSUPPORTED.format(suffix=path.suffix or msg.NO_SUFFIX,
                                                                      supported=" ".join(UPLOAD_TYPES))))
            elif path.stat().st_size > limit:
                rows.append(_failed(path.name, msg.TOO_BIG.format(mb=path.stat().st_size / 2**20,
                                                                  limit=self.settings.max_file_mb)))
            else:
                accepted.append(path)
        try:
            rows += self._ingest_uploads(accepted, progress, user) if accepted else []
        except UserError as err:  # busy, unreachable, cannot be opened
            rows += [_failed(path.name, str(err)) for path in accepted]
        for name, status, reason, _ in rows:
            audit.record(self.settings, user, "upload", name, f"{status}:{reason}" if reason else status)
        return rows

    def _ingest_uploads(self, accepted: list[Path], progress, user: str) -> list[list]:
        """Outside the questions' lock. Each file is ingested as uploads/<content id>/<name> from a staging
        copy, and moved there only once ingested: a different file of the same name is another document,
        the same file again is unchanged, and a failed one leaves no file behind and touches no good one."""
        from ingest import ingest_paths

        origin = msg.UPLOAD_ORIGIN.format(time=time.strftime('%Y-%m-%d %H:%M')) + (f" · {user}" if user else "")
        with self._editing():
            with uploads.staging(self.uploads, accepted, origin) as staged:
                results = ingest_paths(list(staged), self.settings, staged=staged, report=progress).results
                for r in results:  # into place only once in the index; an unchanged one is there already
                    if r.status in ("added", "updated") or (r.status == "unchanged" and not Path(r.path).exists()):
                        uploads.commit(staged[Path(r.path)].copy, Path(r.path))
        return [_row(r) for r in results]

    def delete(self, doc_id: str, user: str = "") -> str:
        """Remove exactly the document doc_id (a row of the knowledge-base table) and its uploaded copy,
        keeping a copy of its file for undo() in place of the last one."""
        try:
            with self._editing() as store:
                record = store.document(doc_id) if store and doc_id else None
                if record is not None:
                    kept = uploads.set_aside(self.settings.index, self.uploads, record)
                    store.delete_document(record.doc_id)
                    store.log_changes([record.doc_id], "remove")  # every worker's lexical index drops it
                    uploads.discard(self.uploads, Path(record.path))  # only once it is out of the index
                    store.touch()
        except UserError as err:
            audit.record(self.settings, user, "delete", str(doc_id)[:64], str(err))
            raise
        if record is None:
            message = msg.NOT_FOUND.format(doc_id=" ".join(str(doc_id).split())[:64])
            audit.record(self.settings, user, "delete", str(doc_id)[:64], message)
            return message
        message = msg.DELETED.format(source=record.source, origin=origin_text(record.origin), chunks=record.chunks)
        audit.record(self.settings, user, "delete", _label(record.source, record.origin), message)
        return message + (msg.CAN_UNDO if kept else "")

    def undoable(self) -> str:
        """The file name of the report undo() would restore, "" if none."""
        kept = uploads.set_aside_entry(self.settings.index)
        return kept.source if kept else ""

    def undo(self, user: str = "") -> str:
        """Re-ingest the last deleted report from its kept copy, under its old path and origin."""
        from ingest import ingest_paths
        from ingest.pipeline import Staged

        kept = uploads.set_aside_entry(self.settings.index)
        if kept is None:
            return msg.NOTHING_TO_UNDO.format(hours=uploads.UNDO_HOURS)
        final = Path(kept.path)
        try:
            with self._editing():
                result = ingest_paths([final], self.settings, staged={final: Staged(Path(kept.copy), kept.origin)}).results[0]
                if result.status != "failed" and kept.upload and not final.exists():
                    uploads.commit(Path(kept.copy), final)
        except UserError as err:
            audit.record(self.settings, user, "undo", _label(kept.source, kept.origin), str(err))
            raise
        if result.status == "failed":
            message = msg.UNDO_FAILED.format(source=kept.source, reason=result.reason)
        else:
            uploads.clear_undo(self.settings.index)
            message = msg.RESTORED.format(source=kept.source, origin=origin_text(kept.origin), chunks=result.chunks)
        audit.record(self.settings, user, "undo", _label(kept.source, kept.origin), message)
        return message

    def reindex(self, user: str = "") -> list[list]:
        """Re-ingest every indexed file from disk (changed ones are replaced); drop files that are gone."""
        from ingest import ingest_paths

        rows, present = [], []
        try:
            with self._editing() as store:
                for record in store.documents() if store else []:
                    if Path(record.path).exists():
                        present.append(record.path)
                    else:
                        store.delete_document(record.doc_id)
                        store.log_changes([record.doc_id], "remove")
                        rows.append([record.source, _status("removed"), msg.FILE_GONE, 0])
                if rows:
                    store.touch()
                if present:
                    rows += [_row(r) for r in ingest_paths(present, self.settings).results]
        except UserError as err:
            audit.record(self.settings, user, "reindex", msg.AUDIT_ALL, str(err))
            raise
        audit.record(self.settings, user, "reindex", msg.AUDIT_ALL, reindexed(rows))
        return rows

    def audit_rows(self) -> list[list[str]]:
        return audit.rows(audit.recent(self.settings))


def origin_text(origin: str) -> str:
    """A document's origin as the knowledge-base table shows it."""
    return origin or msg.CLI_ORIGIN


def reindexed(rows: list[list]) -> str:
    """The one-line outcome of a re-index, from its table rows."""
    counts = {k: sum(1 for r in rows if r[1] == _status(k)) for k in ("updated", "removed", "failed")}
    return msg.REINDEXED.format(**counts)


def _label(source: str, origin: str) -> str:
    return f"{source} · {origin_text(origin)}"


def _row(result) -> list:
    """An ingest FileResult as a row of the upload / re-index table."""
    return [result.source, _status(result.status), result.reason, result.chunks]


def _failed(name: str, reason: str) -> list:
    return [name, _status("failed"), reason, 0]


def _status(status: str) -> str:
    return msg.STATUS.get(status, status)
