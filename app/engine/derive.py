"""Answers worked out from dates a paragraph gives, which reports rarely write themselves: the weekday of a day
("全委会开会那天是星期几?": "2025年1月17日" is a Friday) and how many days a span of dates lasts ("春运一共多少天?":
"1月14日至2月22日" is 40 days, both ends counted). The date stays the cited value's source; the answer says how
it was worked out."""
from __future__ import annotations

import datetime as dt
import re

# "星期几", "周几", "礼拜几"; not "每周几" (a routine's day, written as the report writes it: "每周五报送")
WEEKDAY_ASKED = re.compile(r"(?<!每)(?:星期|周|礼拜)几|\bday of the week\b|\bwhat weekday\b|\bwhich weekday\b", re.I)
DAYS_ASKED = re.compile(r"(?:多少|几)(?:个)?(?:天|日)(?![期子])|\bhow many days\b", re.I)
NAMES = "一二三四五六日"
ENGLISH = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")

_DAY = re.compile(r"(?:(?P<y>(?:19|20)\d{2})\s*年)?\s*(?P<m>\d{1,2})\s*月\s*(?P<d>\d{1,2})\s*[日号]"
                  r"|(?P<y2>(?:19|20)\d{2})([.\-/])(?P<m2>\d{1,2})\5(?P<d2>\d{1,2})(?!\d)")
_YEAR = re.compile(r"((?:19|20)\d{2})\s*年")
# Two days joined as a span: "1月14日至2月22日", "7月1日—8月31日", "4月15日到25日" (the month carried over).
_SPAN = re.compile(r"(?P<a>(?:(?:19|20)\d{2}年)?\d{1,2}月\d{1,2}[日号])\s*(?:至|到|—|–|-|~|～|－)+\s*"
                   r"(?P<b>(?:(?:19|20)\d{2}年)?(?:\d{1,2}月)?\d{1,2}[日号])")


def _year_before(text: str, at: int, dated: str) -> int | None:
    """The year a date without one belongs to: the last year written before it in its paragraph, else the
    report's: the year it is about (a 2024 work report dated 2025-01-17 recounts 2024's 9月6日), else its date's."""
    years = _YEAR.findall(text[:max(at, 0)])
    if years:
        return int(years[-1])
    return int(dated[:4]) if dated[:4].isdigit() else None


def day_of(value: str, text: str = "", at: int = -1, dated: str = "") -> dt.date | None:
    """The day a date value names, its year read before it when it writes none; None without a day."""
    m = _DAY.search(value)
    if not m:
        return None
    year = m["y"] or m["y2"]
    year = int(year) if year else _year_before(text, at, dated)
    try:
        return dt.date(year, int(m["m"] or m["m2"]), int(m["d"] or m["d2"])) if year else None
    except ValueError:
        return None


def weekday(day: dt.date) -> str:
    return "星期" + NAMES[day.weekday()]


def spans(clause: str, text: str = "", at: int = 0, dated: str = ""):
    """(start in the clause, the span as written, its days counting both ends) for each span of two dates."""
    for m in _SPAN.finditer(clause):
        first = day_of(m["a"], text or clause, (at if text else 0) + m.start(), dated)
        if first is None:
            continue
        b = m["b"] if "月" in m["b"] else f"{first.month}月{m['b']}"  # "4月15日到25日"
        last = day_of(b if "年" in b else f"{first.year}年{b}")
        if last and "年" not in m["b"] and last < first:
            last = last.replace(year=last.year + 1)  # "12月20日至1月5日": the span crosses the new year
        if last and 0 < (last - first).days < 400:
            yield m.start(), m.group(), (last - first).days + 1


def weekday_text(value: str, day: dt.date, english: bool) -> str:
    said = f"{value}是{weekday(day)}"
    return f"{weekday(day)}({said}{', ' + ENGLISH[day.weekday()] if english else ''},按公历推算)"


# Which end of a span a question asks: "闭幕那天是星期几" is the last day of "5月6日至8日", "哪天开幕" the first.
ENDS_ASKED = re.compile(r"结束|闭幕|落幕|收官|截止|最后一天|到哪天|到几号|持续到|\b(?:end|ends|ended|close[sd]?|closing|until|"
                        r"deadline|last day)\b", re.I)
STARTS_ASKED = re.compile(r"开始|开幕|启动|开营|开班|开赛|第一天|首日|从哪天|从几号|\b(?:start|starts|started|begin|began|"
                          r"open(?:s|ed|ing)?|first day)\b", re.I)


# A value replaced by another: "“5000名”改为“6000名”" (a tracked change read as a line), "由3名调整为2名". A question
# asking the value before it ("原稿", "修改前", "原定") is answered by the first, any other by the second.
_CHANGED_TO = re.compile(r"(?:改为|改成|调整为|调整到|变更为|修改为|修订为|更正为|更改为|调为|调至|推迟到|推迟至|提前到|提前至)")
BEFORE_ASKED = re.compile(r"原稿|原文|原来|原先|原本|原定|原计划|原为|最初|起初|修改前|修订前|调整前|更正前|变更前|改之前|改前|"
                          r"\b(?:original(?:ly)?|before (?:the |it was )?(?:revis|chang|correct|adjust))", re.I)


def revision_side(text: str, at: int, end: int) -> str:
    """"old" when the value at text[at:end] is what a change replaced ("“5000名”改为…"), "new" when it is what
    replaced it ("…改为“6000名”", "调整为2名"), else ""."""
    after = text[end:end + 4].lstrip("”’\"'」)")
    if _CHANGED_TO.match(after):
        return "old"
    if _CHANGED_TO.search(text[max(0, at - 5):at]):
        return "new"
    return ""


def span_ends(clause: str):
    """(start in the clause, the date as a full month-day) of each span's last day written without its month
    ("5月6日至8日": 5月8日), which no date pattern finds on its own."""
    for m in _SPAN.finditer(clause):
        if "月" not in m["b"] and (month := re.search(r"(\d{1,2})月", m["a"])):
            yield m.start("b"), f"{month[1]}月{m['b']}"


def span_side(text: str, at: int) -> str:
    """"start" or "end" when a date at `at` opens or closes a span of two dates, else ""."""
    for m in _SPAN.finditer(text):
        if m.start("a") == at:
            return "start"
        if m.start("b") == at:
            return "end"
    return ""
