"""A Traditional Chinese report quoted as it is written.

Ingest reads such a report in simplified characters (ingest/script.py), so that a question in either script finds
it; the answer is cut out of that reading. Each character keeps its place in the fold, so the paragraph as written
(kept in the report's record) gives the quote and the value at the same offsets: 梁穎詩, not 梁颖诗.
"""
from __future__ import annotations

from dataclasses import replace

from ingest.schema import Answer, Citation


def restore(answer: Answer, originals_of) -> Answer:
    """originals_of(citation) -> {paragraph number: text as written} of its report, or None."""
    text, value = answer.text, answer.value
    cites = []
    for c in answer.citations:
        written = _written(c, originals_of(c))
        if written is not c:
            if c.quote and c.quote != written.quote:
                text = text.replace(c.quote, written.quote)
            if value and (at := c.text.find(value)) >= 0:  # the value's characters as the paragraph writes them
                text = text.replace(value, written.text[at:at + len(value)])
                value = written.text[at:at + len(value)]
        cites.append(written)
    if not cites:
        return answer
    passages = tuple(_written(c, originals_of(c)) for c in answer.passages)
    return replace(answer, text=text, value=value, citations=tuple(cites), passages=passages)


def _written(c: Citation, originals: dict[int, str] | None) -> Citation:
    original = (originals or {}).get(c.paragraph)
    if not original or len(original) != len(c.text):  # not folded, or the report re-read since
        return c
    at = c.text.find(c.quote) if c.quote else -1
    quote = original[at:at + len(c.quote)] if at >= 0 else c.quote
    return replace(c, text=original, quote=quote)
