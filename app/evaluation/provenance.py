"""What an evaluation measured, so that a filed report can be traced and repeated: the gold files and their
hashes, the reports (folders, or the index) and how many, the embedding model, youthqa's version and git
commit, the date, and whether the questions were ones youthqa was tuned on (in-sample) or not.

`youthqa eval` puts it in the HTML report (app/evaluation/report.py) and in `--json` as "provenance".
"""
from __future__ import annotations

import hashlib
import subprocess
import time
from importlib import metadata
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
BUNDLED_GOLD = REPO / "tests" / "data" / "gold"  # the sets the answer rules and model were tuned on


def provenance(settings, gold_paths: list[Path], corpora: list[tuple], cv: bool = False) -> dict:
    """corpora: the report folders of each group scored, () for the existing index (settings.index).
    scoring: "cv", else "in-sample" when a gold file is one of the bundled sets youthqa was tuned on."""
    gold = [{"file": str(p), "sha256": _sha256(p)} for p in gold_paths]
    folders = sorted({str(folder) for group in corpora for folder in group})
    documents, embedding = _reports(settings, [Path(f) for f in folders], any(not g for g in corpora))
    bundled = {_sha256(p) for p in BUNDLED_GOLD.glob("*.jsonl")} if BUNDLED_GOLD.is_dir() else set()
    scoring = "cv" if cv else "in-sample" if any(g["sha256"] in bundled for g in gold) else "held-out"
    return {"gold": gold, "corpus": folders, "index": "" if folders and all(corpora) else settings.location(),
            "documents": documents, "embedding": embedding, "llm": settings.llm, "youthqa": _version(),
            "commit": _commit(), "date": time.strftime("%Y-%m-%d %H:%M:%S %z"), "scoring": scoring}


def _reports(settings, folders: list[Path], uses_index: bool) -> tuple[int, str]:
    """(documents, embedding model): report files in the folders, plus those in the index if it is used."""
    from ingest.load import SUPPORTED
    from ingest.pipeline import expand

    documents = sum(1 for p in expand(folders) if p.suffix.lower() in SUPPORTED)
    embedding = settings.embedding
    if uses_index:
        from ingest.store import Store

        store = Store.open(settings)
        try:
            documents, embedding = documents + len(store.documents()), store.model
        finally:
            store.close()
    return documents, embedding


def _sha256(path: Path) -> str:
    with Path(path).open("rb") as f:
        return hashlib.file_digest(f, "sha256").hexdigest()


def _version() -> str:
    try:
        return metadata.version("youthqa")
    except metadata.PackageNotFoundError:
        return "unknown"


def _commit() -> str:
    """The checkout's commit, "+changes" when tracked files differ from it; "" outside a git checkout."""
    def git(*args: str) -> str:
        return subprocess.run(["git", "-C", str(REPO), *args], capture_output=True, text=True, timeout=10).stdout.strip()

    try:
        commit = git("rev-parse", "--short=12", "HEAD")
        return commit + ("+changes" if commit and git("status", "--porcelain", "--untracked-files=no") else "")
    except (OSError, subprocess.SubprocessError):
        return ""
