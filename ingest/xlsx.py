"""Excel workbooks (.xlsx): staff keep 台账 as spreadsheets. Each visible sheet's table (and a hidden one the report
names) is read as a report's table
(ingest/tables.py: a line per row carrying its headers, a title merged across its top as its caption); rows of one
cell above or below it (a title typed in A1, 填表说明) are lines of their own."""
from __future__ import annotations

import datetime
import io
import re

from . import messages as msg
from . import tables
from .load import LoadError

MAX_CELLS = 200_000  # a report's 台账 has hundreds; a sheet's declared size beyond this is not read


def xlsx_lines(data: bytes, name: str = "") -> list[str]:
    try:
        import openpyxl
    except ImportError:
        raise LoadError(msg.NEEDS_XLSX) from None
    try:
        book = openpyxl.load_workbook(io.BytesIO(data), data_only=True)  # the values shown, not the formulas
    except Exception:  # openpyxl raises many kinds for broken packages; their text means nothing to staff
        raise LoadError(msg.BAD_XLSX) from None
    sheets = _read_sheets(book.worksheets)
    if sum(sheet.max_row * sheet.max_column for sheet in sheets) > MAX_CELLS:
        raise LoadError(msg.XLSX_TOO_BIG.format(cells=MAX_CELLS))
    grids = [sheet_grid(sheet) for sheet in sheets]
    bounds = [_table_rows(grid) for grid in grids]
    tabled = sum(first <= last for first, last in bounds)
    lines: list[str] = []
    for sheet, grid, bound in zip(sheets, grids, bounds):
        # A 台账 with a sheet per county, each titled alike: the tab is all that says whose rows they are.
        named = sheet.title if tabled > 1 and not _GENERIC.fullmatch(sheet.title) else ""
        lines.extend(_sheet_lines(grid, bound, lines, named))
        lines.extend(_comments(sheet, named))
        lines.extend(_choices(sheet, named))
    return lines


def _read_sheets(worksheets) -> list:
    """The visible sheets, and a hidden one the visible ones name ("2024年基数见隐藏工作表“2024年基数”"): the report
    points its reader there. Any other hidden sheet (a 草稿, a lookup list) is no part of it."""
    visible = [sheet for sheet in worksheets if sheet.sheet_state == "visible"]
    if len(visible) == len(worksheets):
        return visible
    said = " ".join(str(c.value) for sheet in visible for row in sheet.iter_rows() for c in row
                    if isinstance(c.value, str))
    return [sheet for sheet in worksheets if sheet in visible or (len(sheet.title) >= 2 and sheet.title in said)]


_GENERIC = re.compile(r"(?i)sheet\s*\d*|工作表\s*\d*|表\s*\d+")


def _choices(sheet, named: str) -> list[str]:
    """A column's drop-down list (data validation of a list typed in): "课程类别下拉选项:文化艺术、体育健身、…" under
    the column's header (the row above the validated range). A 台账's options are asked of: which one no row uses."""
    found = []
    for rule in getattr(sheet.data_validations, "dataValidation", []):
        items = (rule.formula1 or "").strip()
        if rule.type != "list" or not (items.startswith('"') and items.endswith('"')):
            continue  # a list drawn from cells elsewhere is read with those cells
        options = [o.strip() for o in items.strip('"').split(",") if o.strip()]
        first = next(iter(rule.sqref.ranges), None)
        header = cell_text(sheet.cell(first.min_row - 1, first.min_col).value) if first and first.min_row > 1 else ""
        if options and header:
            found.append(f"{named}{header}下拉选项:{'、'.join(options)}")
    return found


def _comments(sheet, named: str) -> list[str]:
    """A cell's comment (批注) as a line naming its row: "栾川县资助金额(万元)批注:另有…3.5万元,未计入本表"."""
    found = []
    for row in sheet.iter_rows():
        for c in row:
            if c.comment is not None and (note := " ".join(str(c.comment.text).split())):
                label = cell_text(sheet.cell(c.row, 1).value) if c.column > 1 else ""
                found.append(f"{named}{label}批注:{note}")
    return found


def sheet_grid(sheet) -> list[list[tuple]]:
    """Rows of (key, text), a merged range one key at every position it covers (as table_grids' other grids);
    empty rows and trailing empty columns dropped."""
    owner = {}
    for merged in sheet.merged_cells.ranges:
        top = sheet.cell(merged.min_row, merged.min_col)
        for row in range(merged.min_row, merged.max_row + 1):
            for column in range(merged.min_col, merged.max_col + 1):
                owner[(row, column)] = (merged, top)
    grid = []
    for row in sheet.iter_rows():
        cells = [owner.get((c.row, c.column), (c, c)) for c in row]
        grid.append([(key, cell_text(top.value, top.number_format)) for key, top in cells])
    grid = [row for row in grid if any(text for _, text in row)]
    width = max((max(j for j, (_, text) in enumerate(row) if text) + 1 for row in grid), default=0)
    return [row[:width] for row in grid]


def cell_text(value, number_format: str = "General") -> str:
    """A cell as a report writes it: 12 not 12.0, a date as 2025年6月30日, a fraction shown as a percentage as one
    (0.2489 under "0.0%": 24.9%)."""
    if value is None:
        return ""
    if "%" in (number_format or "") and isinstance(value, int | float) and not isinstance(value, bool):
        places = len(m.group(1)) if (m := re.search(r"\.(0+)", number_format)) else 0
        return f"{value * 100:.{places}f}%"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, datetime.datetime | datetime.date):
        return f"{value.year}年{value.month}月{value.day}日"
    return " ".join(str(value).split())


def _table_rows(grid: list[list[tuple]]) -> tuple[int, int]:
    """(first, last) rows of more than one cell: the sheet's table; last < first when it has none."""
    ones = [sum(1 for j, (key, text) in enumerate(row) if text and (not j or key is not row[j - 1][0])) <= 1
            for row in grid]
    first = next((i for i, one in enumerate(ones) if not one), len(grid))
    return first, max((i for i, one in enumerate(ones) if not one), default=-1)


def _sheet_lines(grid: list[list[tuple]], bound: tuple[int, int], before: list[str], named: str = "") -> list[str]:
    """Rows of one cell before and after the sheet's table (bound: its first and last rows, _table_rows) as lines;
    the table between as tables read it, its caption led by the sheet's name when `named` (the title merged over
    it, else a title of its own)."""
    first, last = bound
    start = first - 1 if first and _merged(grid[first - 1]) else first  # a title merged over it: the table's own
    lines = [_only(row) for row in grid[:start]]
    if last < first:  # no table: a sheet of notes
        return lines
    table = grid[start:last + 1]
    if named and start < first and named not in _only(table[0]):
        table = [[(key, named + text) for key, text in table[0]], *table[1:]]
    elif named and start == first:
        title = object()
        table = [[(title, named)] * len(table[0]), *table]
    return lines + tables.lines_of(table, before + lines) + [_only(row) for row in grid[last + 1:]]


def _only(row: list[tuple]) -> str:
    return next((text for _, text in row if text), "")


def _merged(row: list[tuple]) -> bool:
    """A title row merged across the table's top: the table's own caption (tables._title_rows)."""
    return len(row) > 1 and all(key is row[0][0] for key, _ in row)
