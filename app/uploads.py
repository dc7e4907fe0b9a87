"""The index's uploads folder: one folder per file content, each file written there only once it is ingested.

    <index>/uploads/<content id>/<name>      content id: the first 12 hex digits of the file's SHA-256

A different file of the same name lands in another folder, so it is another document (document ids come
from paths) and never overwrites the first; the same file again lands on the same path, which the ingest
finds unchanged. An upload is ingested from a copy under uploads/.staging/ and moved into place only once
it is in the index: a failed upload leaves nothing behind, and a good file is never touched.
"""
from __future__ import annotations

import hashlib
import os
import shutil
import uuid
from contextlib import contextmanager
from pathlib import Path

from ingest.pipeline import Staged

STAGING = ".staging"


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
    folder = folder.resolve()
    if path.parent == folder:  # the flat uploads/<name> of earlier versions
        path.unlink(missing_ok=True)
    elif path.parent.parent == folder and path.parent.name != STAGING:
        path.unlink(missing_ok=True)
        _rmdir(path.parent)  # unless the same content stays under another name


def _rmdir(folder: Path) -> None:
    try:
        folder.rmdir()
    except OSError:  # not empty, or gone
        pass
