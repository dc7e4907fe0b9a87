"""Markdown fenced blocks (``` … ```): a mermaid Gantt chart read as a sentence per task, any other block a line
per line of it. A 推进计划 whose timetable was only a Gantt block lost every date into one run-on line."""
from __future__ import annotations

import datetime as dt
import re

_FENCE = re.compile(r"^\s*(```+|~~~+)\s*([\w-]*)")
_TASK = re.compile(r"^\s*([^:#%][^:]*?)\s*:\s*(.+)$")
_ISO = re.compile(r"^\d{4}-\d{1,2}-\d{1,2}$")
_DAYS = re.compile(r"^(\d+)\s*d$")
_WEEKDAYS = "一二三四五六日"


def fenced(raw_lines: list[str], i: int) -> tuple[list[str], int] | None:
    """(the block's lines as text, the lines it takes) when a fenced block opens at raw_lines[i], else None."""
    m = _FENCE.match(raw_lines[i])
    if not m:
        return None
    fence, end = m.group(1), i + 1
    while end < len(raw_lines) and not raw_lines[end].strip().startswith(fence):
        end += 1
    body = [line for line in raw_lines[i + 1:end] if line.strip()]
    lines = gantt(body) if m.group(2).lower() == "mermaid" and body and body[0].strip() == "gantt" else None
    if lines is None:
        lines = bars(body, next((line for line in reversed(raw_lines[:i]) if line.strip()), ""))
    return (lines if lines is not None else [line.strip() for line in body]), end + 1 - i


_BAR_MARKS = "█▇▆▅▄▃▂▁▉▊▋▌▍▎▏■▓▒░"
_BAR = re.compile(rf"^\s*(?P<label>[^{_BAR_MARKS}]+?)\s*[{_BAR_MARKS}]+\s*(?P<value>\d[\d,]*(?:\.\d+)?)\s*(?P<unit>[^\d\s]{{0,3}})\s*$")
_PER = re.compile(r"[(（]?每(?:个|格)?.代表\s*[\d,.]*\s*(?P<unit>[^\d\s,，、;；)）]{1,3})[^)）]*[)）]?")
_AS_FOLLOWS = re.compile(r"(?:情况)?如下|[:：]$")


def bars(body: list[str], before: str) -> list[str] | None:
    """A text bar chart ("文化街道  ████ 24" under "…新发展团员情况如下(每个█代表1名):") as a line per bar, the
    caption before it naming what is counted and the scale line its unit: "1—9月各镇(街道)新发展团员,文化街道24名"."""
    rows = [_BAR.match(line) for line in body]
    if len(rows) < 2 or not all(rows):
        return None
    per = _PER.search(before)
    caption = _AS_FOLLOWS.sub("", _PER.sub("", before).strip().strip("*#> ").strip()).strip()
    unit, head = (per.group("unit") if per else ""), _MEASURE.sub("", caption)
    return [f"{caption + ',' if caption else ''}{r['label'].strip()}{head}{r['value']}{r['unit'] or unit}" for r in rows]


# What the bars measure, the caption without its period and the parts it is broken down by: "1—9月各镇(街道)新发展团员"
# -> 新发展团员, so that each bar reads as a table's row does ("文化街道新发展团员24名").
_MEASURE = re.compile(r"^(?:(?:19|20)\d{2}年)?(?:\d{1,2}[—–\-~至]\d{1,2}月|[上下]半年|全年|前?[一二三四]季度)?(?:各[\u4e00-\u9fff]{1,4}"
                      r"(?:[(（][\u4e00-\u9fff、]{1,8}[)）])?)?|(?:情况|统计|分布)$")


def gantt(body: list[str]) -> list[str] | None:
    """"岗位征集与审核 :a1, 2025-05-26, 2025-06-13" under "section 准备阶段" as "准备阶段:岗位征集与审核,2025年5月26日
    (星期一)至2025年6月13日(星期五)。"; a task given by a duration ("1d") or after another ("after a1") from its dates."""
    lines, section, ends = [], "", {}
    for line in body[1:]:
        text = line.strip()
        if text.startswith("title "):
            lines.append(text[len("title "):].strip())
        elif text.startswith("section "):
            section = text[len("section "):].strip()
        elif (m := _TASK.match(text)) and not text.startswith(("dateFormat", "axisFormat", "excludes", "todayMarker")):
            span = _span(m.group(2), ends)
            if span is None:
                continue
            ident, start, end = span
            if ident:
                ends[ident] = end
            when = _day(start) if start == end else f"{_day(start)}至{_day(end)}"
            lines.append(f"{section + ':' if section else ''}{m.group(1)},{when}。")
    return lines or None


def _span(spec: str, ends: dict) -> tuple[str, dt.date, dt.date] | None:
    parts = [p.strip() for p in spec.split(",") if p.strip()]
    parts = [p for p in parts if p not in ("done", "active", "crit", "milestone")]
    ident = parts.pop(0) if len(parts) == 3 else ""  # "a1, 2025-05-26, 1d": its id first
    if len(parts) != 2:
        return None
    first, last = parts
    if first.startswith("after ") and first.split()[1] in ends:
        start = ends[first.split()[1]] + dt.timedelta(days=1)
    elif _ISO.match(first):
        start = dt.date.fromisoformat("-".join(f"{int(x):02d}" for x in first.split("-")))
    else:
        return None
    if _ISO.match(last):
        end = dt.date.fromisoformat("-".join(f"{int(x):02d}" for x in last.split("-")))
    elif m := _DAYS.match(last):
        end = start + dt.timedelta(days=int(m.group(1)) - 1)
    else:
        return None
    return ident, start, end


def _day(day: dt.date) -> str:
    return f"{day.year}年{day.month}月{day.day}日(星期{_WEEKDAYS[day.weekday()]})"
