"""Paragraph-aware chunking: a chunk never crosses a paragraph; long paragraphs split at sentence ends."""
from __future__ import annotations

import re

from .schema import Chunk, Document

MAX_CHARS = 360
# A sentence ends after 。!?; (full or half width), with any closing quotes kept on it.
_SENTENCE_END = re.compile(r"[。!?;!?;]+[”’」』)\"']*")


def sentences(paragraph: str) -> list[tuple[int, int]]:
    """(start, end) spans covering the paragraph, each ending with its punctuation."""
    spans, start = [], 0
    for m in _SENTENCE_END.finditer(paragraph):
        spans.append((start, m.end()))
        start = m.end()
    if start < len(paragraph):
        spans.append((start, len(paragraph)))
    return spans


def chunk_id(doc_id: str, paragraph: int, start: int) -> str:
    """A chunk's id: where it is, so that an index can place it from its id alone (lexical.Layout)."""
    return f"{doc_id}:{paragraph}:{start}"


REPORT_FIELDS = ("title", "source", "date", "origin", "script")  # a chunk's fields that are its report's: kept in its record


def record_of(meta: dict) -> dict:
    """A report's own fields (REPORT_FIELDS) from its chunks' metadata or its DocRecord's fields, "" for one missing."""
    return {k: meta.get(k) or "" for k in REPORT_FIELDS}


def chunk_place(chunk_id: str) -> tuple[str, int, int] | None:
    """(doc_id, paragraph, start) of a chunk id, or None for an id of another form."""
    doc_id, *numbers = chunk_id.rsplit(":", 2)
    if len(numbers) != 2 or not all(n.isdigit() for n in numbers):
        return None
    return doc_id, int(numbers[0]), int(numbers[1])


def chunk_document(doc: Document, max_chars: int = MAX_CHARS) -> list[Chunk]:
    chunks = []
    for number, paragraph in enumerate(doc.paragraphs, start=1):
        for start, end in _pack(sentences(paragraph), max_chars):
            chunks.append(Chunk(
                chunk_id=chunk_id(doc.doc_id, number, start),
                doc_id=doc.doc_id, source=doc.source, title=doc.title, date=doc.date,
                paragraph=number, start=start, end=end, text=paragraph[start:end], origin=doc.origin,
            ))
    return chunks


def _pack(spans: list[tuple[int, int]], max_chars: int) -> list[tuple[int, int]]:
    """Greedily join consecutive sentences while they fit; an over-long sentence is cut hard."""
    packed: list[tuple[int, int]] = []
    for start, end in spans:
        while end - start > max_chars:
            packed.append((start, start + max_chars))
            start += max_chars
        if packed and end - packed[-1][0] <= max_chars and packed[-1][1] == start:
            packed[-1] = (packed[-1][0], end)
        else:
            packed.append((start, end))
    return packed
