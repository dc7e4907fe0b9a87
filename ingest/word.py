"""A Word document's lines: paragraphs and tables where they stand, a table's caption above or below it, charts and
tables inside cells, footnotes and comments after what refers to them (ingest/docx_text.py)."""
from __future__ import annotations

import io
import re

from . import messages as msg
from . import table_grids, tables
from .load import Limits, LoadError, check_zip


def docx_lines(data: bytes, name: str = "", xml_limit: int = Limits().docx_xml_bytes) -> list[str]:
    check_zip(data, name, xml_limit)
    try:
        import docx
    except ImportError:
        raise LoadError(msg.NEEDS_DOCX) from None
    try:
        document = docx.Document(io.BytesIO(data))
    except Exception:  # python-docx raises many kinds for broken packages; their text means nothing to staff
        raise LoadError(msg.BAD_DOCX) from None
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    from .docx_text import Comments, Notes, Numbering, paragraph_lines, unwrap_controls

    unwrap_controls(document.element.body)
    lines: list[str] = []
    body, numbering, notes = list(document.element.body.iterchildren()), Numbering(document), Notes(document)
    comments = Comments(document)
    for i, element in enumerate(body):  # tables where they stand, between paragraphs
        if element.tag.endswith("}p"):
            lines.extend(paragraph_lines(element, document, numbering))
            lines.extend(_chart_lines(element, document, lines))
        elif element.tag.endswith("}tbl"):  # Word puts a caption ("表1 …") below its table as often as above
            below = Paragraph(body[i + 1], document).text if body[i + 1:] and body[i + 1].tag.endswith("}p") else ""
            above = next((line for line in reversed(lines) if line.strip()), "")
            # a numbered caption above is this table's; the one below is then the next table's (丰南's 表1, 表2)
            caption = "" if tables.numbered(above) else tables.numbered(below)
            table = Table(element, document)
            lines.extend(tables.lines_of(table_grids.docx_grid(table), lines, caption))
            lines.extend(_nested_lines(table, lines))
        lines.extend(notes.after(element))
        lines.extend(comments.after(element))
    return lines + _margins(document)


_PAGE_ONLY = re.compile(r"[-—\s]*(?:第\s*\d*\s*页(?:\s*[,，/]?\s*共\s*\d*\s*页)?|\d+|PAGE|Page\s*\d*)[-—\s]*")


_PAGE_AFTER = re.compile(r"\s+(?:第\s*\d+\s*页(?:\s*[,，/]?\s*共\s*\d+\s*页)?|-\s*\d+\s*-)$")  # "…(共印180份) 第 1 页"


def _margins(document) -> list[str]:
    """The page header's and footer's own text, once each, after the body: a meeting's 文件之三, a print run (共印180份)
    stand nowhere else. A page number alone is none."""
    seen, lines = set(), []
    for section in document.sections:
        for kind, part in (("页眉", section.header), ("页脚", section.footer)):
            try:
                if part.is_linked_to_previous and section is not document.sections[0]:
                    continue
                texts = [_PAGE_AFTER.sub("", " ".join(p.text.split())) for p in part.paragraphs]
            except (AttributeError, KeyError, ValueError):
                continue
            for text in texts:
                if text and not _PAGE_ONLY.fullmatch(text) and (kind, text) not in seen:
                    seen.add((kind, text))
                    lines.append(f"{kind}:{text}")
    return lines


def _chart_lines(element, document, before: list[str]) -> list[str]:
    """The charts a paragraph anchors (an embedded Word chart keeps its figures only in its chart part)."""
    from .charts import CHART, R_ID, chart_lines

    found = []
    for chart in element.iter(CHART):
        part = document.part.related_parts.get(chart.get(R_ID))
        if part is not None:
            found.extend(chart_lines(part.blob, before + found))
    return found


def _nested_lines(table, before: list[str]) -> list[str]:
    """Tables inside a table's cells (a cell's text leaves them out), each read as a table of its own after the
    outer one, its caption the outer cell's row and column: "表2…,青年驿站完成情况" over "洛龙区 | 4 | 11"."""
    from docx.oxml.ns import qn
    from docx.table import Table

    lines, seen, rows = [], set(), table.rows
    head = [cell.text.strip() for cell in rows[0].cells] if rows else []
    for row in rows:
        for j, cell in enumerate(row.cells):
            if cell._tc in seen:
                continue
            seen.add(cell._tc)
            for inner in cell._tc.iterchildren(qn("w:tbl")):
                label = next((t for c in row.cells if (t := c.text.strip()) and not t.isdigit()), "")  # not its 序号
                caption = label + (head[j] if j < len(head) and row is not rows[0] else "")
                lines.extend(tables.lines_of(table_grids.docx_grid(Table(inner, cell)), before + lines, caption))
    return lines
