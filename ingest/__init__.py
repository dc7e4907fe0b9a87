"""youthqa ingest: report files in, a Chroma knowledge base out."""
from .schema import Answer, Chunk, Citation, Document
from .settings import Settings

__all__ = ["ingest_paths", "IngestSummary", "FileResult", "Settings", "Document", "Chunk", "Citation", "Answer"]


def __getattr__(name: str):
    # The pipeline (and its encoder and Chroma imports) only when asked for: `youthqa ask` starts faster.
    if name in ("ingest_paths", "IngestSummary", "FileResult"):
        from . import pipeline

        return getattr(pipeline, name)
    raise AttributeError(name)
