"""A month drawn as a calendar grid in a PDF (活动月历): seven columns under 星期一 … 星期日, each cell a day's number,
its 农历 day and the events of that day. pypdf's plain text runs the cells together ("星期二,2 初八星期四3 初九"),
and a day's weekday is only its column (blind set 60: 56 questions on one such 月历, 0.27 right). Read with the
text's positions, each day becomes a line: "7月16日(星期三,农历廿二):西部计划志愿者出征仪式(临沂大学体育馆);青马培训(续)。"
"""
from __future__ import annotations

import re

WEEKDAYS = ("星期一", "星期二", "星期三", "星期四", "星期五", "星期六", "星期日")
_DAY = re.compile(r"\s*(\d{1,2})\s*")
_LUNAR = re.compile(r"\s*(初[一二三四五六七八九十]|十[一二三四五六七八九]|二十|廿[一二三四五六七八九]|三十|"
                    r"闰?[正一二三四五六七八九十冬腊]{1,2}月(?:初一|大|小)?)\s*")
_MONTH = re.compile(r"((?:19|20)\d{2})\s*年\s*(\d{1,2})\s*月")
_PAGE = re.compile(r"第\s*\d+\s*页")
WRAP = 11  # characters of a cell's line that ran to its edge: the line goes on below


def is_calendar(text: str) -> bool:
    return all(day in text for day in WEEKDAYS) and bool(_MONTH.search(text))


def calendar_lines(page, text: str) -> list[str] | None:
    """The page's lines: those above the grid as they are, then a line per day; None when no grid is found."""
    fragments: list[tuple[float, str]] = []

    def visit(piece, cm, tm, font, size):
        if piece.strip():
            fragments.append((cm[4] + tm[4] * cm[0], piece))

    page.extract_text(visitor_text=visit)
    heads = [x for x, piece in fragments if piece.strip() in WEEKDAYS]
    if len(heads) != 7 or not (month := _MONTH.search(text)):
        return None
    step = (heads[-1] - heads[0]) / 6
    days, below, cell = [], [], None
    first = next(i for i, (_, piece) in enumerate(fragments) if piece.strip() == WEEKDAYS[0])
    above = [piece.strip() for _, piece in fragments[:first] if not _PAGE.search(piece)]  # not the running header
    for x, piece in fragments[first + 7:]:
        column = round((x - heads[0]) / step) if step else -1
        if _DAY.fullmatch(piece) and 0 <= column <= 6:
            cell = {"day": int(piece), "column": column, "lunar": "", "events": []}
            days.append(cell)
        elif cell is not None and _LUNAR.fullmatch(piece) and not cell["lunar"] and not cell["events"]:
            cell["lunar"] = piece.strip()
        elif cell is not None and column == cell["column"]:
            cell["events"].append(piece.strip())
        else:  # under the grid, or beside it: a line of its own
            below.append(piece.strip())
    if len(days) < 20:
        return None
    apart = [x for line in above for x in (line, "")]  # "": each its own line, not hard-wrapped into the next
    return apart + [_day_line(int(month[2]), c) for c in days] + below


def _day_line(month: int, cell: dict) -> str:
    said = f"{month}月{cell['day']}日({WEEKDAYS[cell['column']]}" + (f",农历{cell['lunar']})" if cell["lunar"] else ")")
    events = _events(cell["events"])
    return f"{said}:{';'.join(events)}。" if events else f"{said}。"


def _events(pieces: list[str]) -> list[str]:
    """A cell's lines as its events: a line that ran to the cell's edge, or left a bracket open, goes on below."""
    events: list[str] = []
    last = ""
    for piece in pieces:
        open_bracket = events and events[-1].count("（") + events[-1].count("(") > events[-1].count("）") + events[-1].count(")")
        if events and (open_bracket or (len(last) >= WRAP and not last.endswith(("）", ")")))):
            events[-1] += piece
        else:
            events.append(piece)
        last = piece
    return events
