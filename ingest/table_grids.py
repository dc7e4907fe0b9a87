"""Grids of (key, text) cells from the formats that carry table structure (Word, HTML, Markdown, text aligned in
columns), a merged cell repeating its key over the positions it covers: what ingest/tables.py reads row by row."""
from __future__ import annotations

import csv
import io
import re

from .tables import MAX_POSITIONS, is_number, norm


def docx_grid(table) -> list[list[tuple]]:
    """python-docx Table -> grid; a merged cell is the same XML element at every position it covers."""
    return [[(cell._tc, cell.text) for cell in row.cells] for row in table.rows]


def html_grid(table) -> list[list[tuple]]:
    """lxml <table> -> grid, colspan/rowspan expanded (bounded: a hostile span cannot blow up the grid)."""
    grid: list[list[tuple]] = []
    pending: dict[tuple[int, int], tuple] = {}  # (row, column) -> cell spanning down into it
    budget = MAX_POSITIONS
    rows = [tr for tr in table.iter("tr") if tr.getparent() is not None and _owner(tr) is table]
    for r, tr in enumerate(rows):
        out, c = [], 0
        for cell in (x for x in tr if isinstance(x.tag, str) and x.tag in ("td", "th")):
            while (r, c) in pending:
                out.append(pending.pop((r, c)))
                c += 1
            item = (cell, " ".join(cell.text_content().split()))
            cols, down = _span(cell, "colspan"), _span(cell, "rowspan")
            for k in range(cols):
                out.append(item)
                for d in range(1, min(down, len(rows) - r)):
                    pending[(r + d, c + k)] = item
            c += cols
            budget -= cols * down
            if budget < 0:  # spans that would fill more positions than a report's table has: not read as one
                return []
        while (r, c) in pending:
            out.append(pending.pop((r, c)))
            c += 1
        grid.append(out)
    return grid


def _owner(tr):
    parent = tr.getparent()
    while parent is not None and parent.tag != "table":
        parent = parent.getparent()
    return parent


def _span(cell, name: str) -> int:
    try:
        return max(1, min(int(cell.get(name, "1")), 50))
    except ValueError:
        return 1


# -- Markdown: pipe tables -------------------------------------------------------------------------------

# The rule under a pipe table's header: GFM asks one hyphen a cell (| :-: | --: |), a lone rule three
_MD_RULE = re.compile(r"^\|?\s*:?-+:?\s*(?:\|\s*:?-+:?\s*)+\|?$|^\|?\s*:?-{3,}:?\s*\|?$")


def markdown_grid(lines: list[str], start: int) -> list[list[tuple]] | None:
    """The pipe table whose header is lines[start] (its rule line next), as grid rows; None when none starts there."""
    if start + 1 >= len(lines) or "|" not in lines[start] or not _MD_RULE.match(lines[start + 1].strip()):
        return None
    rows = [_md_cells(lines[start])]
    for line in lines[start + 2:]:
        if "|" not in line or not line.strip():
            break
        rows.append(_md_cells(line))
    return _merged_down([[(object(), cell) for cell in row] for row in rows]) if len(rows) >= 2 else None


# A column of groups or grades, whose blank cell a Markdown table means as the one above (it cannot merge cells):
# "| 团员发展 | 邳州市 |…" then "|   | 铜山区 |…"; "等次" written once over the rows it covers.
_GROUP_HEAD = re.compile(r"等次|等级|档次|类别|类型|片区|分组|组别|单项|级别|领域|板块")


def _merged_down(grid: list[list[tuple]]) -> list[list[tuple]]:
    """The grid with such blanks merged into the cell above (one key, as a Word table's merged cells are)."""
    head, rows = grid[0], grid[1:]
    for j in range(len(head)):
        column = [row[j][1].strip() if j < len(row) else "" for row in rows]
        if not (j == 0 or _GROUP_HEAD.search(head[j][1])) or not column[0] or all(column) \
                or any(is_number(norm(c)) for c in column if c):
            continue
        for i in range(1, len(rows)):
            if j < len(rows[i]) and not column[i]:
                rows[i][j] = rows[i - 1][j]
    return [head, *rows]


_PIPE = re.compile(r"\s*[|｜]\s*")


def pipe_grid(lines: list[str], start: int) -> list[list[tuple]] | None:
    """A table a plain-text report draws with bars and no rule line ("编号｜项目名称｜申报人｜扶持金额" over
    "XZ-2024-01｜矿山智能巡检机器人研发｜周书恒｜4.80万元"): a header of three or more labels, then two rows or more
    of as many cells. None when no such table starts at lines[start]."""
    header = _PIPE.split(lines[start].strip().strip("|｜"))
    if len(header) < 3 or not all(header) or any(_figure(cell) for cell in header):
        return None
    return _grid_under(header, lines[start + 1:], lambda line: _PIPE.split(line.strip().strip("|｜")), lambda cells: True)


def csv_grid(lines: list[str], start: int) -> list[list[tuple]] | None:
    """A CSV export saved as text ("序号,县区,应学团员数,…" over "1,兰山区,\"47,980\",…", quoted figures with
    thousands separators): a header of three or more labels, then two rows or more of as many fields, each with a
    figure. None when no such table starts at lines[start]."""
    if lines[start].count(",") < 2:
        return None
    header = next(csv.reader([lines[start].strip()]))
    if len(header) < 3 or any(_figure(h) or len(h) > 24 for h in header):
        return None
    has_figure = lambda cells: any(is_number(norm(c)) for c in cells)  # noqa: E731
    if all(h.strip() for h in header):
        return _grid_under(header, lines[start + 1:], _csv_fields, has_figure)
    if start + 1 >= len(lines) or (top := _merged_header(header, _csv_fields(lines[start + 1]))) is None:
        return None
    grid = _grid_under(header, lines[start + 2:], _csv_fields, has_figure)
    return [*top, *grid[1:]] if grid else None


def _merged_header(top: list[str], under: list[str]) -> list[list[tuple]] | None:
    """A two-row header flattened into CSV: a group's label stands over the first of its columns only (新发展团员(名),
    blank, blank over 2025年1—10月 | 2026年1—10月 | 同比增长), a label over a blank cell stands for both rows (单位, 备注).
    The rows as a merged Word header's cells are (one key per merged cell), so tables.py reads them alike; None
    unless every blank above is a group's continuation over a label of its own below."""
    if len(under) != len(top) or not top[0].strip() or any(_figure(u) or len(u) > 24 for u in under):
        return None
    if any(not t.strip() and not u.strip() for t, u in zip(top, under)):
        return None
    upper, key, label = [], None, ""
    for cell in top:
        if cell.strip():
            key, label = object(), cell.strip()
        upper.append((key, label))
    lower = [(object(), u.strip()) if u.strip() else upper[j] for j, u in enumerate(under)]
    return [upper, lower]


def csv_records(text: str) -> str:
    """A CSV file with a record a line: a quoted cell's line breaks (a 项目简介 over two lines) had split its row in
    two, and the table's reading stopped there. Text whose quotes do not pair is left as it is."""
    text, delimiter = _delimited(text)
    if text.count('"') % 2:
        return text
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    for row in csv.reader(io.StringIO(text), delimiter=delimiter):
        cells = [_LINE_BREAK.sub(_rejoin, cell.strip()) for cell in row]
        if len(cells) > 1 and cells[0] and not any(cells[1:]):  # a title or a note in the first cell: a line
            cells = cells[:1]
        writer.writerow(cells)
    return out.getvalue()


def _delimited(text: str) -> tuple[str, str]:
    """(the text, its delimiter): Excel's "sep=;" first line says it (and is no row); else the one of ;/tab that
    outnumbers the comma on the first lines (a European Excel's export), else the comma."""
    text = text.lstrip("\ufeff")
    if m := _SEP_LINE.match(text):
        return text[m.end():], m.group(1)
    head = text.splitlines()[:5]
    for delimiter in (";", "\t"):
        if head and all(line.count(delimiter) > line.count(",") for line in head if line.strip()):
            return text, delimiter
    return text, ","


_SEP_LINE = re.compile(r"sep=(.)\r?\n")
_LINE_BREAK = re.compile(r"(.?)[ \t]*\r?\n\s*(.?)")


def _rejoin(m: re.Match) -> str:
    """A line break inside a cell: nothing between Chinese, a space between Latin words."""
    latin = m.group(1).isascii() and m.group(1).isalnum() and m.group(2).isascii() and m.group(2).isalnum()
    return m.group(1) + (" " if latin else "") + m.group(2)


def _csv_fields(line: str) -> list[str]:
    return [_GUARD.sub(r"\1", c.strip()) for c in next(csv.reader([line.strip()]), [])]


_GUARD = re.compile(r'^="(.*)"$')  # Excel's text guard on an export's code (="TM2026-001"): the code, as shown


def _grid_under(header: list[str], lines: list[str], split, fits) -> list[list[tuple]] | None:
    """The header and the rows after it, each line split into as many cells as the header has, while `fits` holds;
    None for fewer than two rows."""
    rows = [header]
    for line in lines:
        cells = split(line)
        if len(cells) != len(header) or not fits(cells):
            break
        rows.append(cells)
    return [[(object(), cell) for cell in row] for row in rows] if len(rows) >= 3 else None


_PERIOD = re.compile(r"\d{1,4}(?:年|月|月份|季度)(?:\d{1,2}月)?")
_NO_FIGURE = frozenset("—–-／/")  # a cell with no figure: "—" where nothing is set


def _figure(cell: str) -> bool:
    """A header cell is a label; a figure there means the line is a row. A period is a label ("3月", "上年3月")."""
    return is_number(norm(cell)) and not _PERIOD.fullmatch(norm(cell))


_ALIGNED = re.compile(r"\t[\t ]*|(?:\s|\u3000){2,}")  # a tab, or spaces lining columns up
_WIDE = re.compile(r"\t[\t ]*|(?:\s|\u3000){2,}|\u3000")  # ...or one full-width space


def text_grid(lines: list[str], start: int) -> list[list[tuple]] | None:
    """A table a plain-text report lines up with spaces or tabs ("县市　　青年之家(个)  希望工程募集(万元)" over "大理市  42
    318.6"; "指标→3月→2月→环比" pasted from a spreadsheet): a header of three or more labels, then rows of the same number of cells, a label and figures. None
    when no such table starts at lines[start]."""
    # ...or columns a single full-width space apart ("活動名稱　泉州青年（人次）　金門青年（人次）"), tried only where one stands
    for gap in (_ALIGNED, _WIDE) if "\u3000" in lines[start] else (_ALIGNED,):
        header = gap.split(lines[start].strip())
        if len(header) < 3 or any(_figure(cell) for cell in header):
            continue
        grid = _grid_under(header, lines[start + 1:], lambda line: gap.split(line.strip()),
                           lambda cells: not is_number(norm(cells[0])) and all(is_number(norm(c)) or c in _NO_FIGURE
                                                                               for c in cells[1:]))
        if grid:
            return grid
    return None


def _md_cells(line: str) -> list[str]:
    line = line.strip()
    # "**全校合计**": the words, not the marks; "汉服礼仪<br>非遗面塑": a cell's items, listed
    return [strip_inline_md(re.sub(r"\s*<br\s*/?>\s*", "、", cell, flags=re.I)) for cell in line.strip("|").split("|")]


def strip_inline_md(text: str) -> str:
    """Markdown's inline marks dropped: links and images to their text, emphasis and code to their content."""
    text = re.sub(r"!\[([^\]]*)\]\([^)]*\)", r"\1", text)
    text = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", text)
    return re.sub(r"(\*{1,3}|_{2,3}|`)(.+?)\1", r"\2", text).strip()
