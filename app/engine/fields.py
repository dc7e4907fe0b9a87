"""Three ways reports state what a question asks that no sentence says: an item of a numbered list ("第5个发言的是
什么组织": the paragraph "5.秦岭青年生态俱乐部…"), a labelled field ("承办单位:共青团眉县委员会", "邮政编码:721000")
and a time of day ("9:45—10:15 团市委书记讲话", a 会议日程). The candidates and the features that weigh them read
these; the model learns how much they count."""
from __future__ import annotations

import re

from .numbers import chinese_to_int

# "第5个发言的", "名单里排第一个的", "第6项是什么", "第二条": the position in a list asked (not 第一名, a rank)
_ASKED_ITEM = re.compile(r"第\s*(\d{1,2}|[一二三四五六七八九十]{1,3})\s*(?:个|项|条|位|家|件|批|点|组)(?!月)")
# a numbered item opening its paragraph or row: "5.秦岭…", "5、", "(五)", "五、", a table's "序号5"
_ITEM_MARK = re.compile(r"^\s*(?:(\d{1,2})\s*[.、．](?!\d)|[((]\s*(\d{1,2}|[一二三四五六七八九十]{1,3})\s*[))]"
                        r"|([一二三四五六七八九十]{1,3})\s*、)|(?:^|[,;])[^,;]{0,30}?序号\s*(\d{1,3})(?!\d)")

# A label ending the clause before the value: "承办单位:", "现场联络:", "邮政编码:"
FIELD_LABEL = re.compile(r"([\u4e00-\u9fffA-Za-z]{2,8})\s*[::]\s*$")
# A time of day or a span of them: "8:30", "9:45—10:15", "14:30-16:30"
CLOCK = re.compile(r"(?<![\d:])(?:[01]?\d|2[0-3])[::][0-5]\d(?:\s*[—–\-~至到]{1,2}\s*(?:[01]?\d|2[0-3])[::][0-5]\d)?(?![\d:])")
_ASKS_CLOCK = re.compile(r"几点|几时|什么时间|哪个时间|时间段|时段|时间安排|\bwhat time\b|\bat what time\b", re.I)


def _number(written: str) -> int | None:
    return int(written) if written.isdigit() else chinese_to_int(written)


def asked_item(question: str) -> int | None:
    """The list position a question asks, or None."""
    m = _ASKED_ITEM.search(question)
    return _number(m.group(1)) if m else None


def item_of(text: str) -> int | None:
    """The number a paragraph or table row opens with as a list item, or None."""
    m = _ITEM_MARK.search(text)
    return _number(next(g for g in m.groups() if g)) if m else None


def item_fit(asked: int | None, text: str) -> dict[str, float]:
    """item_fit: the passage is the item asked; item_misfit: it is another numbered item."""
    if asked is None:
        return {}
    number = item_of(text)
    return {"item_fit": float(number == asked), "item_misfit": float(number is not None and number != asked)}


def asks_clock(question: str) -> bool:
    return bool(_ASKS_CLOCK.search(question))


def field_value(clause: str) -> tuple[str, int] | None:
    """(value, offset) of a labelled field's value: the clause after its label, without its closing mark or an
    English gloss in brackets ("宝鸡市青年志愿者协会(Baoji Youth Volunteers Association,BYVA)")."""
    value = re.sub(r"[,,;;。!?!?::\s]+$", "", clause)
    value = re.sub(r"\s*[((][^()()]*[A-Za-z][^()()]*[))]$", "", value)
    start = len(clause) - len(clause.lstrip())
    value = value.strip()
    return (value, start) if 2 <= len(value) <= 60 else None
