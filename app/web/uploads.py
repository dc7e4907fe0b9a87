"""The index's uploads folder: one folder per file content, each file written there only once it is ingested.

    <index>/uploads/<content id>/<name>      content id: the first 12 hex digits of the file's SHA-256

A different file of the same name lands in another folder, so it is another document (document ids come
from paths) and never overwrites the first; the same file again lands on the same path, which the ingest
finds unchanged. An upload is ingested from a copy under uploads/.staging/ and moved into place only once
it is in the index: a failed upload leaves nothing behind, and a good file is never touched.

The last deleted report is kept for 撤销 (undo) in <index>/.youthqa-undo/ (the service user's only): a
copy of its file and what its record said, until the next delete or UNDO_HOURS, whichever comes first.
"""
from __future__ import annotations

import hashlib
import json
import os
import shutil
import time
import uuid
from contextlib import contextmanager
from dataclasses import asdict, dataclass
from pathlib import Path

from ingest.pipeline import Staged

STAGING = ".staging"
UNDO = ".youthqa-undo"
UNDO_HOURS = 1


def content_id(path: Path) -> str:
    with path.open("rb") as f:
        return hashlib.file_digest(f, "sha256").hexdigest()[:12]


@contextmanager
def staging(folder: Path, files: list[Path], origin: str):
    """-> {final path: Staged(copy, origin)}: files copied under folder/.staging/, removed on the way out
    (whatever was not committed). The copy is what gets hashed and read: the original may change meanwhile."""
    root = folder / STAGING / uuid.uuid4().hex[:12]
    try:
        staged = {}
        for i, path in enumerate(files):
            copy = root / str(i) / path.name
            copy.parent.mkdir(parents=True)
            shutil.copyfile(path, copy)
            staged[folder / content_id(copy) / path.name] = Staged(copy, origin)
        yield staged
    finally:
        shutil.rmtree(root, ignore_errors=True)
        _rmdir(folder / STAGING)


def commit(copy: Path, final: Path) -> None:
    """Move an ingested staging copy to its final path (same file system: one atomic rename)."""
    final.parent.mkdir(parents=True, exist_ok=True)
    os.replace(copy, final)


def discard(folder: Path, path: Path) -> None:
    """Remove an uploaded file once its document is out of the index; a file ingested from anywhere else
    (corpus/, the command line) is never touched."""
    if is_upload(folder, path):
        path.unlink(missing_ok=True)
        if path.parent != folder.resolve():
            _rmdir(path.parent)  # unless the same content stays under another name


def is_upload(folder: Path, path: Path) -> bool:
    """Is path a file this folder keeps: uploads/<content id>/<name>, or the flat uploads/<name> of earlier versions."""
    folder = folder.resolve()
    return path.parent == folder or (path.parent.parent == folder and path.parent.name != STAGING)


@dataclass(frozen=True)
class SetAside:
    """The last deleted report, as its record said, and the copy of its file to restore it from."""

    source: str
    path: str  # where it was indexed from: its upload folder, or a file ingested from the command line
    origin: str
    upload: bool  # its file was the index's own copy (moved back on undo), not a file of the user's
    deleted: float  # time.time()
    copy: str = ""


def set_aside(index: Path, folder: Path, record) -> bool:
    """Keep a copy of a report about to be deleted, in place of the last one; False if its file is gone."""
    clear_undo(index)
    source = Path(record.path)
    if not source.is_file():
        return False
    root = index / UNDO
    root.mkdir(mode=0o700, parents=True)
    copy = root / source.name
    shutil.copy2(source, copy)
    kept = SetAside(record.source, record.path, record.origin, is_upload(folder, source), time.time(), str(copy))
    _write(root / "record.json", json.dumps(asdict(kept), ensure_ascii=False))  # last: a copy alone is no entry
    return True


def set_aside_entry(index: Path) -> SetAside | None:
    """The report that can be restored, or None (none kept, or kept longer than UNDO_HOURS: then removed)."""
    try:
        kept = SetAside(**json.loads((index / UNDO / "record.json").read_text(encoding="utf-8")))
    except (OSError, ValueError, TypeError):
        kept = None
    if kept is None or time.time() - kept.deleted > UNDO_HOURS * 3600 or not Path(kept.copy).is_file():
        clear_undo(index)
        return None
    return kept


def clear_undo(index: Path) -> None:
    shutil.rmtree(index / UNDO, ignore_errors=True)


def _write(path: Path, text: str) -> None:
    tmp = path.with_name(path.name + ".tmp")
    tmp.write_text(text, encoding="utf-8")
    os.replace(tmp, path)


def _rmdir(folder: Path) -> None:
    try:
        folder.rmdir()
    except OSError:  # not empty, or gone
        pass
