"""Facts (ingest/schema.py) as a spreadsheet: rows, CSV text, CSV bytes Excel opens (UTF-8 with BOM), .xlsx bytes.

Used by the page's 数据汇总 downloads (app/web/ui_facts.py) and `youthqa facts --csv`; from Python:

    from app.api import Assistant
    from app.export import xlsx_bytes
    Path("数据汇总.xlsx").write_bytes(xlsx_bytes(Assistant.open().facts("注册志愿者")))

Columns are ingest/messages.py's FACTS_HEADER: the value is a number (万/亿 folded), the figure as written
beside it. Report text is untrusted: a cell that starts like a formula (=, +, -, @) is written as text, never
as a formula (a leading ' in the CSV, a string cell in the .xlsx).
"""
from __future__ import annotations

import csv
import io
import re

from ingest import messages as msg

HEADER = msg.FACTS_HEADER.split(",")
WIDTHS = [8, 24, 12, 6, 6, 14, 6, 40, 11, 6, 70, 36]  # characters, per HEADER column (the .xlsx)
VALUE = HEADER.index("数值")
_FORMULA = ("=", "+", "-", "@", "\t", "\r")
_ILLEGAL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")  # not allowed in .xlsx XML


def number(value: float) -> int | float:
    """20357.0 -> 20357; 2.35 stays 2.35 (a CSV shows 1349000, not 1.349e+06)."""
    value = float(value)
    return int(value) if value.is_integer() and abs(value) < 2**53 else value


def rows(facts) -> list[list]:
    """One row per fact, in HEADER's order: numbers as numbers (value, year or None, paragraph)."""
    return [[f.place, f.indicator, number(f.value), f.unit, f.qualifier, f.figure, f.year or None,
             f.title or f.source, f.date, f.paragraph, f.quote, f.source] for f in facts]


def _text(cell) -> str:
    """A text cell that cannot become a formula in a spreadsheet."""
    text = _ILLEGAL.sub("", str(cell))
    return "'" + text if text.startswith(_FORMULA) else text


def csv_text(facts) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(HEADER)
    for row in rows(facts):
        writer.writerow(["" if c is None else c if isinstance(c, (int, float)) else _text(c) for c in row])
    return out.getvalue()


def csv_bytes(facts) -> bytes:
    """UTF-8 with a BOM: Excel opens the Chinese correctly (without it, it guesses the ANSI code page)."""
    return csv_text(facts).encode("utf-8-sig")


def xlsx_bytes(facts) -> bytes:
    """One sheet: a bold, frozen header row with a filter, set column widths, numbers as numbers."""
    from openpyxl import Workbook
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter

    book = Workbook()
    sheet = book.active
    sheet.title = msg.FACTS_SHEET
    sheet.append(HEADER)
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for r, row in enumerate(rows(facts), start=2):
        for c, value in enumerate(row, start=1):
            cell = sheet.cell(row=r, column=c)
            if value is None or isinstance(value, (int, float)):
                cell.value = value
            else:
                cell.value = _ILLEGAL.sub("", value)
                cell.data_type = "s"  # openpyxl reads "=..." as a formula; report text never is one
    for c, width in enumerate(WIDTHS, start=1):
        sheet.column_dimensions[get_column_letter(c)].width = width
    sheet.freeze_panes = "A2"
    sheet.auto_filter.ref = sheet.dimensions
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()
