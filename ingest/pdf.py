"""PDF text as lines: pypdf's page texts without page furniture, hard wraps joined, tables read back as rows."""
from __future__ import annotations

import io
import re

from . import messages as msg
from . import tables
from .load import LoadError
from .settings import Settings


def pdf_lines(data: bytes, name: str = "", max_pages: int = Settings.max_pdf_pages) -> list[str]:
    try:
        from pypdf import PdfReader
    except ImportError:
        raise LoadError(msg.NEEDS_PDF) from None
    try:
        pages = _pdf_pages(PdfReader(io.BytesIO(data)), name, max_pages)
    except LoadError:
        raise
    except Exception:  # pypdf raises many kinds for broken files, in words that mean nothing to staff
        raise LoadError(msg.BAD_PDF) from None
    raw = [line for page in pages for line in _page_body(page, len(pages))]
    found = tables.pdf_tables(raw)  # first: a table's cells would pass for hard-wrapped lines
    grids = {start: grid for start, _, grid in found}
    cells = {i for start, end, _ in found for i in range(start, end)}
    full = _full_width([line for i, line in enumerate(raw) if i not in cells])
    lines: list[str] = []
    wrapped = False
    for i, line in enumerate(raw):
        if i in cells:
            lines += tables.lines_of(grids[i], lines) if i in grids else []
        elif wrapped and line:
            lines[-1] += line
        else:
            lines.append(line)
        # PDF text is hard-wrapped: a line that runs to the margin without ending a sentence continues on the
        # next one. A short line ends its block even unpunctuated: a title, a heading, a date under a title.
        wrapped = i not in cells and bool(line) and line[-1] not in "。!?;:!?;:”」)" \
            and _width(line) >= WRAPPED_WIDTH * full
    return lines


# Page furniture: "— 1 —", "- 2 -", "第3页 共5页", "4/12"; a bare "7" only as a page's first or last line.
_PAGE_NUMBER = re.compile(r"^(?:[-—–]+\s*\d{1,4}\s*[-—–]+|第\s*\d{1,4}\s*页(?:\s*[,,/]?\s*共\s*\d{1,4}\s*页)?|\d{1,4}\s*/\s*\d{1,4})$")


def _page_body(page: str, pages: int = 1) -> list[str]:
    """A page's lines without its page number: a PDF report's first line was "— 1 —", taken as its title. A bare
    number at the page's top or foot is its number only when the page has no other and the document that many
    pages: 176, a table's last cell on page 1 of 2, had been dropped."""
    lines = [line.strip() for line in page.splitlines()]
    filled = [i for i, line in enumerate(lines) if line]
    ends = {filled[0], filled[-1]} if filled else set()
    numbered = any(_PAGE_NUMBER.match(line) for line in lines)
    return [line for i, line in enumerate(lines)
            if not (_PAGE_NUMBER.match(line) or (i in ends and not numbered and line.isdigit()
                                                 and int(line) <= pages + _FRONT_PAGES))]


_FRONT_PAGES = 5  # pages before page 1 (a cover, a contents page): a page's number may run that much past the count


WRAPPED_WIDTH = 0.8  # of a full line: wrapped lines measured 0.85-1.0 of it in five reports, headings 0.1-0.5


def _width(line: str) -> int:
    return sum(2 if ord(c) >= 0x2E80 else 1 for c in line)


def _full_width(lines: list[str]) -> float:
    """A full line's width: the upper quartile of the line widths (most lines of a report run to the margin)."""
    widths = sorted(_width(line) for line in lines if line)
    return widths[3 * len(widths) // 4] if widths else 0.0


def _pdf_pages(reader, name: str, max_pages: int) -> list[str]:
    """Page texts, refused past max_pages before any text is extracted (20,000 pages were 25 s): by the
    count the page tree declares, then by the real count, which a lying /Count cannot hide."""
    try:
        declared = int(reader.trailer["/Root"]["/Pages"]["/Count"])
    except (KeyError, TypeError, ValueError):
        declared = 0
    count = declared if declared > max_pages else len(reader.pages)
    if count > max_pages:
        raise LoadError(msg.TOO_MANY_PAGES.format(name=name, pages=count, limit=max_pages))
    return [page.extract_text() or "" for page in reader.pages]
