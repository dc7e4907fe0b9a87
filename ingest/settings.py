"""One frozen settings object, read from YOUTHQA_* environment variables and passed explicitly."""
from __future__ import annotations

import os
from dataclasses import dataclass, fields, replace
from pathlib import Path

DEFAULT_EMBEDDING = "use-multilingual"


@dataclass(frozen=True)
class Settings:
    index: Path = Path(".youthqa-index")
    embedding: str = DEFAULT_EMBEDDING
    collection: str = "youthqa"
    chroma_host: str = ""
    chroma_port: int = 8000
    llm: str = ""  # "provider:model", e.g. "openai:deepseek-chat"; empty = extractive answers only
    llm_base_url: str = ""
    top_k: int = 8
    embed_threads: int = 0  # default encoder: BLAS threads, and worker processes for ingest; 0 = one per core
    max_file_mb: int = 20
    # Per-file bounds, checked before the costly step they guard (ingest/load.py, pipeline). The real reports
    # (corpus/, practice sets) reach 0.8 MB of Word XML, 169 raw lines, 4 PDF pages, 38 chunks.
    max_docx_xml_mb: int = 20  # inflated XML of a .docx: python-docx needs ~11x it (17.5 MB: 196 MB, 5 s)
    max_lines: int = 20_000
    max_pdf_pages: int = 500
    max_chunks: int = 5_000  # embedding ~15 s on 2 cores
    max_question_chars: int = 1000
    auth: str = ""  # "user:password[,user:password...]" for the web UI
    public_hosts: str = ""  # "qa.example.org[,10.0.0.5]": names the web server answers to besides loopback
    feedback: Path = Path(".youthqa-feedback.jsonl")
    audit: str = ""  # JSON lines of uploads, deletions, undo, re-index; "" = audit.jsonl in the index directory

    def __post_init__(self):
        # Callers pass strings as often as Paths; everything downstream wants Paths.
        for name in ("index", "feedback"):
            if not isinstance(getattr(self, name), Path):
                object.__setattr__(self, name, Path(getattr(self, name)))

    @classmethod
    def from_env(cls, env: dict | None = None, **overrides) -> "Settings":
        env = os.environ if env is None else env
        values = {}
        for f in fields(cls):
            raw = env.get(f"YOUTHQA_{f.name.upper()}")
            if raw is None or raw == "":
                continue
            values[f.name] = _convert(f.name, f.type, raw)
        values.update({k: v for k, v in overrides.items() if v is not None})
        return cls(**values)

    def with_(self, **changes) -> "Settings":
        return replace(self, **{k: v for k, v in changes.items() if v is not None})

    @property
    def server_mode(self) -> bool:
        return bool(self.chroma_host)

    def audit_file(self) -> Path:
        """A property of the index unless set: it moves with the index, as the uploads it records do."""
        return Path(self.audit) if self.audit else self.index / "audit.jsonl"

    def location(self) -> str:
        if self.server_mode:
            return f"chroma server {self.chroma_host}:{self.chroma_port}, collection {self.collection}"
        return f"{self.index.resolve()} (embedded), collection {self.collection}"


def _convert(name: str, kind, raw: str):
    kind = kind if isinstance(kind, str) else getattr(kind, "__name__", str(kind))
    try:
        if kind == "int":
            return int(raw)
        if kind == "Path":
            return Path(raw)
    except ValueError:
        raise ValueError(f"YOUTHQA_{name.upper()}: expected an integer, got {raw!r}") from None
    return raw
