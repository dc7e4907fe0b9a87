"""A gap between two figures that no sentence states: "青年见习岗位从2024年到2025年增加了多少个?" (6348 - 5667),
"2025年底青年之家距离行动方案2027年的目标还差多少个?" (180 - 126), "12355实际服务量比合同约定的最低服务量多多少人次?".
Each side is asked on its own through the single-report path (two years: the question at each year; a figure and
what it is measured against: each side of 比/距离/较, the other side's words added where it names no indicator); the
answer is their difference in their one unit, citing both. A figure the question states itself ("距离60万名的目标")
is that side.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from ingest.schema import Answer

from .numbers import find_quantities, parse_quantity, same_quantity

# "还差多少", "多多少", "增加了多少个", "多了几场", "相差多少"; not a rate ("增长了多少%", "增长率")
ASKS_GAP = re.compile(r"(?:还)?差(?:了)?(?:多少|几)|(?<![大更])多(?:出|了)?(?:多少|几)|少(?:了)?(?:多少|几)|相差(?:多少|几)|"
                      r"差距(?:是|有)?多少|(?:净增|净减|增加|增长|减少|下降|新增|提高)了?(?:多少|几)(?![%%率])")
_YEAR = re.compile(r"(?:从|由)?\s*((?:19|20)\d{2})\s*年(?:底|末|初)?\s*(?:到|至|比|较|与|和|相比)?")
# A figure measured against another: the side after the word is what it is measured against.
_AGAINST = re.compile(r"距离|距|离|比|较|相比于?|是否达到|有没有达到|达到了?")
_TAIL = re.compile(r"[,，]?\s*(?:是否达到[^,，?？]*|有没有达到[^,，?？]*)?[,，]?\s*$")
_FILLER = re.compile(r"(?:\d{1,2}\s*[—\-–~至]\s*\d{1,2}\s*月|\d{1,2}月(?:底|末)?|上半年|下半年|前三季度|"  # a side's own period
                     r"全市|全年|实际|数量|的|了|底|年底|年末|共|一共|总共|目前|截至)")


@dataclass(frozen=True)
class Gap:
    sides: tuple[str, str]  # the question about each side, asked alone (or a side's figure the question states)
    stated: str = ""  # the figure the question states for its second side ("60万名"), else ""


def asked(question: str) -> Gap | None:
    """The two sides of a gap the question asks, or None when it asks none."""
    question = _as_more(question)
    m = ASKS_GAP.search(question)
    if not m:
        return None
    unit = question[m.end():m.end() + 3]
    unit = re.match(r"[^\s?？,，。、]{0,2}", unit).group()
    how = f"多少{unit}"
    years = list(dict.fromkeys(_YEAR_ONLY.findall(question)))
    body = question[:m.start()]
    if not _PLACE.search(body):  # naming no place it asks the whole's figures: so does each side alone
        body = "全市" + body.removeprefix("全市")
    if len(years) == 2 and not _AGAINST.search(_YEAR.sub("", body)):
        base = _YEAR.sub("", body).strip(" ,，")
        return Gap(tuple(f"{y}年{base}{how}" for y in years)) if len(base) >= 2 else None
    split = next((s for s in _AGAINST.finditer(body) if s.start() >= 2), None)
    if split is None:
        return None
    first = body[:split.start()].strip(" ,，")
    second = re.sub(r"[?？]", "", _TAIL.sub("", body[split.end():])).strip(" ,，")
    if len(first) < 2 or len(second) < 2:
        return None
    stated = next((q.text for q in find_quantities(second) if q.unit not in ("年", "月", "日")), "")
    missing = "".join(w for w in _words(first) if w not in second)
    return Gap((f"{first}{how}", f"{missing}{second}{how}"), stated)


_BEYOND = re.compile(r"(超出|超过|高出)([^,,。??多少几]{2,12}?)(多少|几)")


def _as_more(question: str) -> str:
    """"…超出全年任务多少" as "…比全年任务多多少": a figure beyond another asked as the gap it is."""
    return _BEYOND.sub(r"比\2多\3", question)
_PLACE = re.compile(r"[\u4e00-\u9fff](?:省|市|区|县|州|旗|镇|乡|街道)(?![委长])|全[省市区县州]")
_YEAR_ONLY = re.compile(r"((?:19|20)\d{2})\s*年")


def _words(text: str) -> list[str]:
    """The indicator's words of a side: its text without years and fillers (全市, 实际, 数量)."""
    return [w for w in re.split(r"\s+", _FILLER.sub(" ", _YEAR.sub(" ", text))) if len(w) >= 2]


def combine(question: str, gap: Gap, first: Answer, second: Answer | None) -> Answer | None:
    """The difference of the two sides' figures in their one unit, citing both; None unless both are figures of
    one unit (a side the single path refused, or a count against a sum of money, leaves the question as it was)."""
    a = parse_quantity(first.value) if first.found and first.value else None
    b = parse_quantity(gap.stated) if gap.stated else (parse_quantity(second.value) if second and second.found and
                                                         second.value else None)
    if a is None or b is None or not _one_unit(a.unit, b.unit) or same_quantity(first.value, gap.stated or second.value):
        return None
    unit = a.unit or b.unit
    diff = abs(a.value - b.value)
    shown = f"{diff:.2f}".rstrip("0").rstrip(".")
    value = f"{shown}{'个百分点' if unit == '%' else unit}"
    other = gap.stated or second.value
    text = f"{value}({first.value}与{other}相差{value})。"
    cites = _sources(first, first.value) + (_sources(second, other) if second is not None else ())
    return Answer(question, text, value, True, tuple(dict.fromkeys(cites)))


def _sources(side: Answer, figure: str) -> tuple:
    """The side's answering paragraph (when it found the figure), then each other report's paragraph among those it
    retrieved that states the same figure: staff check a figure against every source (the 2024 base in both the
    监测表 and the 政策解读)."""
    own = tuple(side.citations[:1]) if side.found and same_quantity(side.value, figure) else ()
    seen = {c.source for c in own}
    also = []
    for c in side.passages:
        if c.source not in seen and any(same_quantity(figure, q.text) for q in find_quantities(c.text)):
            seen.add(c.source)
            also.append(c)
    return own + tuple(also)


def _one_unit(a: str, b: str) -> bool:
    same = {"名": "人"}
    return same.get(a, a) == same.get(b, b) or not a or not b


_CHANGE_BEFORE = re.compile(r"(净增|净减|增加|增长|减少|下降|提高|新增|多|少|较|比|相差|差距|超出|超过)[^。;;,,]{0,8}$")


def states_change(answer: Answer, question: str = "") -> bool:
    """The single path's answer is a change its report states ("比上年增加681个"), not one side's level; a word the
    question's own indicator holds is none ("绥德县新增注册志愿者离全年任务还差多少": 新增注册志愿者1036名 is the level)."""
    if not answer.found or not answer.value:
        return False
    quote = answer.text.partition("原文:")[2] or answer.text
    at = quote.find(answer.value)
    m = _CHANGE_BEFORE.search(quote[:at]) if at >= 0 else None
    if m is None:
        return False
    if (ref := _FROM_POINT.search(quote[:at])) and ref.group(1) not in question:
        return False  # "团员总数较年初增减+12名" for "…离全年任务还差多少": a change against what was not asked
    question = _as_more(question)
    asked = question[:g.start()] if (g := ASKS_GAP.search(question)) else ""
    if g and not _GROWTH.search(g.group()) and (q := parse_quantity(answer.value)) and q.unit == "%" \
            and not _RATE_ASKED.search(question):
        return False  # "上岗人数2026年比2025年多多少": 38名, not the 增长17.8% its sentence states (增长了多少: either)
    return not (len(m.group(1)) > 1 and m.group(1) in asked)


_GROWTH = re.compile(r"增加|增长|减少|下降|提高|新增")
_FROM_POINT = re.compile(r"(?:较|比)(年初|年末|年底|月初|月底|期初)[^。;;,,]{0,8}$")  # a point of the year a change is from
_RATE_ASKED = re.compile(r"%|率|百分|几成|比例|比重|占比|倍|\bpercent|\brate\b", re.I)
