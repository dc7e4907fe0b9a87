"""PDF tables from pypdf's text, which keeps no structure: a line per cell, row after row. Read back as grids by
the shape of their runs of short lines: a numbered table (序号 …), a header over rows of figures, a header wrapped
over two lines, a table of names, a bilingual one; a table continued over a page break runs on."""
from __future__ import annotations

import itertools
import re

from . import tables

_SENTENCE = re.compile(r"[。;;!?!?]|,(?!\d{3})")  # "3,200" is a figure (NFKC made "，" a ",")
PDF_CELL_CHARS = 20


def pdf_tables(lines: list[str]) -> list[tuple[int, int, list[list[tuple]]]]:
    """(start, end, grid) of each table in a PDF's lines. pypdf writes a table's cells one per line, row after
    row: a run of short lines without a sentence, whose first figure follows H header cells and one row label,
    is read back as H columns while each further run of H lines is a label and H-1 figures. The run may begin
    with short lines that are no cells (a title, a date, the table's caption): the header starts where the
    most rows follow."""
    found, i = [], 0
    while i < len(lines):
        at, end = [], i  # the run's cells; a blank line between two is skipped (a header cell wrapped in two)
        while end < len(lines) and (_pdf_cell(lines[end]) or (at and not lines[end].strip())):
            if lines[end].strip():
                at.append(end)
            end += 1
        run = [lines[k] for k in at]
        joined, origin = _rejoined(run)
        tries = ((joined, origin), (run, [[k] for k in range(len(run))])) if len(joined) < len(run) else ((run, None),)
        for cells, origin in tries:
            if got := _serial_grid(cells) or _bilingual_grid(cells) or _pdf_grid(cells) or _names_grid(cells):
                skip, table, used = got
                first, last = (skip, skip + used - 1) if origin is None else (origin[skip][0], origin[skip + used - 1][-1])
                found.append((at[first], at[last] + 1, table))
                break
        i = max(end, i + 1)
    return found


# Header words a narrow column wraps after their first character ("序" over "号").
_SPLIT_WORDS = frozenset({"序号", "合计", "备注", "单位", "姓名", "性别", "年龄", "职务", "地点", "日期", "时间", "名称",
                          "类别", "排名", "得分", "编号", "人数", "金额", "数量"})


def _rejoined(run: list[str]) -> tuple[list[str], list[list[int]]]:
    """The run's cells with a header cell wrapped onto two lines joined back ("珠海青年(" + "人次)", "序" + "号"), and
    the run lines each came from."""
    cells, origin, k = [], [], 0
    while k < len(run):
        line, after = tables.norm(run[k]), tables.norm(run[k + 1]) if k + 1 < len(run) else ""
        opened = line.count("(") + line.count("（") > line.count(")") + line.count("）")
        if after and (opened or line + after in _SPLIT_WORDS):
            cells.append(line + after)
            origin.append([k, k + 1])
            k += 2
            continue
        cells.append(run[k])
        origin.append([k])
        k += 1
    return cells, origin


def continued(lines: list[str]) -> list[str]:
    """Without a table's continuation caption over a page break ("表1(续)") and the header cells repeated under it,
    so that the rows run on under the first header."""
    out, i = [], 0
    while i < len(lines):
        if _CONTINUED.fullmatch(tables.norm(lines[i])):
            header = list(itertools.takewhile(lambda line: _pdf_cell(line) and not _figure(tables.norm(line)),
                                              lines[i + 1:i + 1 + 12]))
            while header and not _holds(out, header):
                header.pop()
            if len(header) >= 2:
                i += 1 + len(header)
                continue
        out.append(lines[i])
        i += 1
    return out


_CONTINUED = re.compile(r"(?:附)?表\s*[\d一二三四五六七八九十]*\s*[((]续[))]")


def _holds(lines: list[str], run: list[str]) -> bool:
    """Whether these lines hold the run, line after line (a header seen before)."""
    n = len(run)
    return any(lines[k:k + n] == run for k in range(len(lines) - n + 1))


def row_cells(lines: list[str]) -> list[str]:
    """A table drawn as one text line per row ("和田市 8,460 16,200 1,380", under "县(市) 团员数(名) …"): its cells one
    per line, as pypdf writes other tables, when a header of as many cells heads two rows or more that each have a
    label and figures. A header repeated over a page break is dropped, so the rows run on."""
    cells = [tables.norm(line).split(" ") for line in lines]
    out, i = [], 0
    while i < len(lines):
        head = cells[i]
        rows = _rows_under(cells, i) if 3 <= len(head) <= 12 and not any(map(tables.is_number, head)) \
            and all(len(c) <= PDF_CELL_CHARS for c in head) and not _SENTENCE.search(lines[i]) else []
        if len(rows) < 2:
            out.append(lines[i])
            i += 1
            continue
        out += head + [cell for k in rows for cell in cells[k]]
        i = rows[-1] + 1
    return out


def _rows_under(cells: list[list[str]], at: int) -> list[int]:
    """The indexes of the rows under the header at `at`: as many cells, a label then figures; a repeat of the
    header and blank lines skipped."""
    width, rows, k = len(cells[at]), [], at + 1
    while k < len(cells):
        row = cells[k]
        if row == cells[at] or row == [""]:
            k += 1
            continue
        if len(row) != width or tables.is_number(row[0]) or not all(map(tables.is_number, row[1:])):
            break
        rows.append(k)
        k += 1
    return rows


def _pdf_cell(line: str) -> bool:
    line = tables.norm(line)
    return 0 < len(line) <= PDF_CELL_CHARS and not _SENTENCE.search(line)


def _pdf_grid(run: list[str]) -> tuple[int, list[list[tuple]], int] | None:
    """(how many lines before the header, the grid, the lines it takes), or None. The first row's text cells (a label,
    a unit) end where the first figure stands, so each split of the lines before it into header cells and row cells
    is tried; the one under which the most rows follow wins (fewest lines skipped on a tie)."""
    run = [tables.norm(line) for line in run]
    first = next((k for k, line in enumerate(run) if tables.is_number(line)), None)
    if first is None:
        return None
    tries = ((skip, _pdf_rows(run[skip:], width)) for skip in range(max(0, first - 2))
             for width in range(2, first - skip) if not any(tables.is_number(c) for c in run[skip:skip + width])
             and not _TABLE_CAPTION.match(run[skip]))  # "表2 固定岗位点…情况" above its header is no header cell
    skip, rows = max(tries, key=lambda got: (len(got[1]), -got[0]), default=(0, []))
    if (wrapped := _wrapped_grid(run, first)) and len(wrapped[1]) >= len(rows) + 1:
        skip, grid, used = wrapped
        return skip, [[(object(), cell) for cell in row] for row in grid], used
    if len(rows) < 2:
        return None
    grid = [run[skip:skip + len(rows[0])], *rows]
    return skip, [[(object(), cell) for cell in row] for row in grid], sum(map(len, grid))


_TABLE_CAPTION = re.compile(r"(?:附)?表\s*[\d一二三四五六七八九十]+")
_CAPTION = re.compile(r"(?:19|20)\d{2}\s*年|(?:情况|统计|一览表?|汇总表?|表)$")
# A header cell's unit in brackets, the end of the cell: "新发展团员" + "(名)", "注册青年志愿" + "者(名)".
_HEAD_UNIT = re.compile(r"[((][^()()]{1,4}[))]$")


def _wrapped_grid(run: list[str], first: int) -> tuple[int, list[list[str]], int] | None:
    """A table whose header cells wrap onto two lines (a narrow column: "注册青年志愿" / "者(名)"): the rows start at
    the label before the first figure; the lines above, 1-2 per column, are joined into the header cells when one
    way does it (_joined). (skip, grid, lines used) or None."""
    start = first - 1
    best = None
    for width in range(2, start + 1):
        rows = _pdf_rows(run[start - width:], width)
        if len(rows) < 2 or (best and len(rows) <= len(best[1]) - 1):
            continue
        for lines in range(min(2 * width, start), width, -1):
            header = _joined(run[start - lines:start], width)
            if header:
                best = (start - lines, [header, *rows], lines + width * len(rows))
                break
    return best


def _joined(lines: list[str], width: int) -> list[str] | None:
    """The lines cut into `width` cells: the row labels' column first, then columns that each end at their bracketed
    unit and hold no other bracket; None unless exactly one cut does it (a wrap without units stays unread)."""
    from itertools import combinations

    found = []
    for cuts in combinations(range(1, len(lines)), width - 1):
        if cuts[0] > 1 and _CAPTION.search(lines[0]):  # the table's caption above its header is no header cell
            continue
        label, *cells = ["".join(lines[a:b]) for a, b in zip((0, *cuts), (*cuts, len(lines)))]
        if not label.startswith(("(", "(")) and all(
                (m := _HEAD_UNIT.search(c)) and m.start() and not re.search(r"[(()]", c[:m.start()]) for c in cells):
            found.append([label, *cells])
    return found[0] if len(found) == 1 else None


_NAMED_HEAD = re.compile(r"联系人|负责人|姓名|牵头单位|承办单位|责任单位|单位|部门|名称|活动|项目|地点|电话")
_PERSON = re.compile(r"[\u4e00-\u9fff]{2,4}")


def _names_grid(run: list[str]) -> tuple[int, list[list[tuple]], int] | None:
    """A table of names without figures, a cell a line (活动 | 牵头单位 | 联系人, then "“返家乡”启动… | 团市委青少年发展部 |
    宋雨菲"): H short header labels that name such columns, then three rows or more of H cells, one column of
    people's names. (skip, grid, lines used) or None (blind set 60's 活动联系人 table)."""
    run = [tables.norm(line) for line in run]
    for skip in range(0, min(3, len(run))):
        for width in range(2, 7):
            head = run[skip:skip + width]
            rows = len(run[skip + width:]) // width
            if rows < 3 or len(head) < width or not all(len(h) <= 6 and _NAMED_HEAD.search(h) for h in head):
                continue
            cells = [run[skip + width + r * width:skip + width + (r + 1) * width] for r in range(rows)]
            if any(tables.is_number(c) or _NAMED_HEAD.fullmatch(c) for row in cells for c in row):
                continue
            if any(all(_PERSON.fullmatch(row[j]) for row in cells) for j in range(width)):
                grid = [[(object(), t) for t in head], *[[(object(), t) for t in row] for row in cells]]
                return skip, grid, width * (rows + 1)
    return None


def _serial_grid(run: list[str]) -> tuple[int, list[list[tuple]], int] | None:
    """A table whose first column numbers its rows (序号 | 指标 | 单位 | 2023年 | 2024年, then 1 | 新发展团员 | …): the
    header runs from 序号 to the line "1", each row from its number to the next one's, so a row whose last cells are
    empty (a 备注 only some rows fill: pypdf writes nothing for the rest) is padded; a label may hold digits, and the
    number is no figure of its row (row_lines drops that column). (skip, grid, lines used) or None."""
    run = [tables.norm(line) for line in run]
    if "序号" not in run:
        return None
    skip = run.index("序号")
    width = next((k - skip for k in range(skip + 1, len(run)) if run[k] == "1"), 0)
    if width < 3:
        return None
    rows, kinds, k = [run[skip:skip + width]], None, skip + width
    while k < len(run) and run[k] == str(len(rows)):
        size = _serial_row(run, k, width, str(len(rows) + 1))
        row = run[k:k + size]
        shape = [tables.is_number(cell) for cell in row[2:]]  # a label may hold digits: 12355来电
        if size < 3 or tables.bare_figure(row[1]) or not any(s or c in _MARKS for s, c in zip(shape, row[2:])) \
                or (kinds is not None and shape[:len(kinds)] != kinds[:len(shape)]):
            break
        kinds = shape if kinds is None or len(shape) > len(kinds) else kinds
        rows.append(row + [""] * (width - size))
        k += size
    if len(rows) < 3:  # the header and two rows
        return None
    used = k - skip
    if kinds and kinds[-1] and (total := _total_row(run[k:k + width], width, kinds)):
        rows.append(total)  # "合计 | 310 | 427": its cells merged across the columns before the figures
        used += 1 + sum(1 for cell in total[2:] if cell)
    grid = rows  # row_lines names each row by its 指标, not its number
    return skip, [[(object(), cell) for cell in row] for row in grid], used


_MARKS = frozenset("■□√×✓✗●○☑☐")  # a check-box table's cells (达到 / 未达到, its caption says)


def _serial_row(run: list[str], k: int, width: int, following: str) -> int:
    """How many lines the row starting at k takes: up to the next row's number (the header's width first: a cell
    that equals it is no row number then), else, for the last row, up to the width or a 合计 row."""
    for size in range(width, 2, -1):
        if k + size < len(run) and run[k + size] == following:
            return size
    size = min(width, len(run) - k)
    return next((i for i in range(1, size) if run[k + i] in ("合计", "总计", "小计", "全市合计")), size)


def _total_row(cells: list[str], width: int, kinds: list[bool]) -> list[str] | None:
    """A serial table's 合计 row under its numbered rows, with only the figures of its last columns: the row, the
    figures under their columns, or None."""
    if not cells or cells[0] not in ("合计", "总计", "小计", "全市合计"):
        return None
    figures = list(itertools.takewhile(tables.is_number, cells[1:]))
    numeric = len(list(itertools.takewhile(bool, reversed(kinds))))  # the figure columns at the row's end
    if not 1 <= len(figures) <= numeric:
        return None
    return ["", cells[0], *[""] * (width - 2 - len(figures)), *figures]


_LATIN = re.compile(r"^[A-Za-z][A-Za-z .,&/()'-]*$")


def _bilingual_grid(run: list[str]) -> tuple[int, list[list[tuple]], int] | None:
    """A table whose every header cell and row label is a Chinese line over its English one ("非常满意" / "Very
    satisfied", "岗前培训" / "Pre-service training"): read one cell per pair, or the rows lose their columns' names.
    (skip, grid, lines used) or None."""
    run = [tables.norm(line) for line in run]
    first = next((k for k, line in enumerate(run) if tables.is_number(line)), None)
    if first is None or first < 2:
        return None
    figures = next((k for k in range(first, len(run)) if not tables.is_number(run[k])), len(run)) - first
    width, start = 2 + figures, first - 2
    rows = []
    for k in range(start, len(run) - width + 1, width):
        row = run[k:k + width]
        if not (_bilingual(row[0], row[1]) and all(map(tables.is_number, row[2:]))):
            break
        rows.append([f"{row[0]}({row[1]})", *row[2:]])
    skip = start - 2 * (figures + 1)
    if len(rows) < 2 or skip < 0 or not all(_bilingual(run[k], run[k + 1]) for k in range(skip, start, 2)):
        return None
    header = [f"{run[k]}({run[k + 1]})" for k in range(skip, start, 2)]
    return skip, [[(object(), cell) for cell in row] for row in [header, *rows]], start - skip + width * len(rows)


def _bilingual(chinese: str, english: str) -> bool:
    return bool(re.search(r"[\u4e00-\u9fff]", chinese)) and not tables.is_number(chinese) and bool(_LATIN.match(english))


def _pdf_rows(run: list[str], width: int) -> list[list[str]]:
    """The rows after `width` header cells, while they last: a label, then cells that are figures or not column by
    column as in the first row ("发展新团员 | 名 | 2712 | 2936 | +224"). A column of text after the last figure (备注,
    主要服务内容) may be left empty: pypdf writes no line for an empty cell, so a cell there that starts a row of its
    own (the cells after it fit the columns up to the last figure) is the next row's label."""
    rows, kinds, k = [], None, width
    while k + 1 < len(run):
        row = run[k:k + width]
        shape = [tables.bare_figure(row[0]), *map(_figure, row[1:])]  # a label may hold digits: 12355咨询
        if kinds is None:
            last = max((j for j, f in enumerate(shape) if f), default=0)  # columns of text or units may follow
            if len(row) < width or shape[0] or not last:
                break
            kinds, need = shape, last + 1
        taken = _row_length(run, k, kinds, need, width)
        if not taken or (not rows and taken < width):  # the first row fills every column
            break
        rows.append(run[k:k + taken])
        k += taken
    return rows


_RANGE = re.compile(r"\d+(?:\.\d+)?\s*[-—~～]\s*\d+(?:\.\d+)?")


def _figure(cell: str) -> bool:
    return tables.is_number(cell) or bool(_RANGE.fullmatch(cell))


def _fits(cells: list[str], kinds: list[bool]) -> bool:
    """Cells of the kinds of a row's columns: a figure where the first row has one, text where it has text; a dash
    (no figure) fits either."""
    return len(cells) == len(kinds) and not tables.bare_figure(cells[0]) and all(
        _figure(c) == want or c in _DASHES for c, want in zip(cells[1:], kinds[1:]))


_DASHES = {"—", "-", "–", "/", "——", "无"}


def _row_length(run: list[str], k: int, kinds: list[bool], need: int, width: int) -> int:
    """How many lines the row at k takes: its columns up to the last figure (need), then each text column unless
    the line there starts the next row; 0 when the row does not fit."""
    if not _fits(run[k:k + need], kinds[:need]):
        return 0
    taken = need
    while taken < width and k + taken < len(run):
        at = k + taken
        starts = _fits(run[at:at + need], kinds[:need]) and not _fits(run[at + 1:at + 1 + need], kinds[:need])
        if starts or _figure(run[at]) or _TABLE_CAPTION.match(run[at]):  # a note before a row that starts after it
            break
        taken += 1
    return taken
