"""Where a report writes what an answer says of the report itself: its date (the 落款 line, the header's
"(2024年1月18日)") and its title. An answer giving them cites that paragraph, not whichever passage led to the
report: staff check a date against the line that states it.
"""
from __future__ import annotations

import re

_GAP = 3  # empty paragraph numbers in a row taken as the report's end
_LIMIT = 2000


def paragraphs(doc_id: str, paragraph_text):
    """(number, text) of every paragraph of a report, in order."""
    empty, n = 0, 1
    while empty < _GAP and n < _LIMIT:
        text = paragraph_text(doc_id, n)
        if text:
            empty = 0
            yield n, text
        else:
            empty += 1
        n += 1


def date_pattern(iso: str) -> re.Pattern | None:
    """2024-01-15 as reports write it: 2024年1月15日, 2024年01月15日, 2024-01-15, 2024.1.15; None without a day."""
    parts = iso.split("-")
    if len(parts) != 3 or not all(p.isdigit() for p in parts):
        return None
    y, m, d = parts[0], int(parts[1]), int(parts[2])
    return re.compile(rf"{y}\s*年\s*0?{m}\s*月\s*0?{d}\s*[日号]|{y}\s*[-./]\s*0?{m}\s*[-./]\s*0?{d}(?!\d)")


def text_pattern(text: str) -> re.Pattern | None:
    """A title as a paragraph may write it: spaces inside it anywhere (全角 spaces in slogans)."""
    chars = [c for c in text if not c.isspace()]
    return re.compile(r"\s*".join(map(re.escape, chars))) if chars else None


def holding(doc_id: str, paragraph_text, pattern: re.Pattern | None) -> tuple[int, str] | None:
    """(number, text) of the paragraph that is most nearly just the match: the 落款 line over a sentence that
    mentions the same day; the last of equals (a sign-off comes after the body)."""
    if pattern is None:
        return None
    best = None
    for n, text in paragraphs(doc_id, paragraph_text):
        if pattern.search(text) and (best is None or len(text) <= len(best[1])):
            best = (n, text)
    return best
