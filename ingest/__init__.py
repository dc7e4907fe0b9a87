"""youthqa ingest: report files in, a Chroma knowledge base out."""
from .pipeline import FileResult, IngestSummary, ingest_paths
from .schema import Answer, Chunk, Citation, Document
from .settings import Settings

__all__ = ["ingest_paths", "IngestSummary", "FileResult", "Settings", "Document", "Chunk", "Citation", "Answer"]
