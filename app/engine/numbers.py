"""Quantities in Chinese reports: "2100余名", "6.91亿元", "两万多", "超过200%".

Used to pull the key figure out of a passage for "how many / how much" questions and to
decide in evaluation whether an answer states the same figure as a gold answer.
"""
from __future__ import annotations

import math
import re
import unicodedata
from functools import lru_cache
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from ingest.tables import CIRCLED  # ① … ⑳: ingest keeps them as marks (tables.fold)


@dataclass(frozen=True)
class Quantity:
    value: float  # multipliers applied: "8.1万" -> 81000.0
    unit: str  # "人", "元" (for 万元/亿元), "%", "" when none
    qualifier: str  # "余", "近", "以上", ... or ""
    text: str  # exact surface text in the source, qualifier and unit included
    start: int  # offsets into the source string
    end: int


_UNIT_WORDS = (
    "人次 场次 小时 个月 周年 周岁 工作日 个工作日 平方米 公里 千米 公斤 千克 "
    "人 名 个 家 所 期 元 % 笔 份 篇 支 条 项 年 月 日 处 场 次 岁 倍 "
    "位 户 座 件 本 册 天 周 届 队 台 辆 种 类 张 套 亩 吨 米 门"
)
# Longest first so the regex alternation prefers "人次" over "人" and "个月" over "个".
# "批" is deliberately absent: "一批" is a vague "a batch", not a count.
UNITS: tuple[str, ...] = tuple(sorted(set(_UNIT_WORDS.split()), key=lambda u: (-len(u), u)))

# Qualifiers grouped by what they claim about the true figure; only a clash of kinds
# ("余" vs "近") makes two otherwise equal answers different.
_MORE = ("不少于", "不低于", "超过", "有余", "以上", "逾", "超", "余", "多", "+")
_APPROX = ("接近", "将近", "大约", "左右", "近", "约")
_LESS = ("不足", "不到", "以下", "以内")
_KIND = {q: kind for kind, qs in (("more", _MORE), ("approx", _APPROX), ("less", _LESS)) for q in qs}

_PRE = "不少于|不低于|超过|接近|将近|大约|不足|不到|逾|近|约|超"
_POST = "以上|左右|以下|以内|有余|(?<=[wWkK])\\+"  # 10w+: more than 10万

# 大写 too, as contracts and budgets write sums: 肆拾捌万陆仟元整 (486,000元)
_CN_DIGITS = {c: i for i, c in enumerate("零一二三四五六七八九")} | {c: i for i, c in enumerate("零壹贰叁肆伍陆柒捌玖")} \
    | {"〇": 0, "两": 2, "貳": 2, "參": 3, "陸": 6}
_CN_SMALL = {"十": 10, "百": 100, "千": 1000, "拾": 10, "佰": 100, "仟": 1000}
_MULT = {"百": 100, "千": 1000, "万": 10_000, "亿": 100_000_000, "w": 10_000, "W": 10_000, "k": 1000, "K": 1000}
_CN_RUN = "〇零一二两三四五六七八九十百千万亿壹贰貳叁參肆伍陆陸柒捌玖拾佰仟"

# Digits glued to Latin letters or "_" are file names and IDs ("qz_2019.jpg"), not figures.
# ... but for the internet's "68.4w", "3.2k", "10w+" (w: 万, k: 千), which 新媒体 reports write.
_ARABIC = r"(?<![A-Za-z0-9_.])(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?(?:(?![0-9A-Za-z_])|(?=[wWkK](?![A-Za-z0-9_])))"
# A Chinese numeral must start with a digit or 十 ("万人" is not a number) and must not
# continue a word such as 统一 / 唯一 / 逐一.
_CHINESE = rf"(?<![统唯专逐单同如归合{_CN_RUN}])(?<!齐划)[〇零一二两三四五六七八九十壹贰貳叁參肆伍陆陸柒捌玖拾][{_CN_RUN}]*"  # not 整齐划一; 计划一千名 is
# 千/百 right before 瓦/克/米/分 belong to a unit word (千米, 百分点), not a multiplier.
_MULT_RE = r"千万|百万|万亿|亿|万|千(?![瓦克米])|百(?!分)|(?<=\d)[wWkK](?![A-Za-z0-9_])"
# 分: a score (考核得分93.2分), not 三分之一, 10分钟, 分别, 分会, 分台…
SCORE = r"分(?![之钟别享布为类会院团台队局公校管析批期层解配成散数组工步红区级支站中值制])"
_UNIT_RE = "|".join(re.escape(u) for u in UNITS) + "|" + SCORE

_QUANTITY = re.compile(
    rf"(?:(?P<minus>零下|(?<![0-9A-Za-z])[-−]))?"  # a temperature below zero ("零下31°C", "-31°C"); not a range's "2020-2024"
    rf"(?:(?P<pre>{_PRE}) *)?"
    rf"(?P<pct>百分之)?"
    rf"(?:(?P<arabic>{_ARABIC})|(?P<chinese>{_CHINESE})(?:点(?P<tenths>[〇零一二三四五六七八九]+))?)"  # 九十八点四
    rf"(?: *(?P<q1>余|多))?"  # "10余万人": qualifier before the multiplier
    rf"(?: *(?P<mult>{_MULT_RE}))?"
    rf"(?: *(?P<q2>余|多))?"  # "4万余人": qualifier after it
    rf"(?: *(?P<unit>{_UNIT_RE}|°C))?"  # ℃ is °C once NFKC'd (_normalise)
    rf"(?: *(?P<post>{_POST}))?"
)
TEMPERATURE = "°C"
_CODE_BEFORE = re.compile(r"[A-Za-z][A-Za-z0-9]*[-_]?(?:\d+[-_])*$")
_CODE_AFTER = re.compile(r"[A-Za-z]")
_CLOCK_AFTER = re.compile(r"[::]\d{2}")
_YMD = re.compile(r"(?<![\d.])(?:19|20)\d{2}([./-])(?:0?[1-9]|1[0-2])(?:\1(?:0?[1-9]|[12]\d|3[01]))?(?![\d%万亿千百元人名个])")


def _in_date(source: str, start: int, end: int) -> bool:
    at = max(0, start - 10)
    return any(m.start() + at <= start and end <= m.end() + at for m in _YMD.finditer(source[at:end + 10]))


_RANGE_AFTER = re.compile(r"\s*[—–\-~～至到]\s*\d{1,4}\s*(?:月|日|号|季度|周)")
_IDIOM_AFTER = re.compile(r"难求")
_PLACE_AFTER = re.compile(r"子(?:镇|乡|村|屯|街道|沟)")
_CLOCK_BEFORE = re.compile(r"(?<!\d)\d{1,2}[::]$")
_ITEM_AFTER = re.compile(r"(?:[.．、](?=\s*[\u4e00-\u9fff“《(（])|[))](?=\s*[\u4e00-\u9fff“《]))")
_ITEM_BEFORE = re.compile(r"(?:^|[\s\n;;::>])[((]?$")

# Units that name the same thing in answers; "人次" (attendances) stays apart from "人".
_UNIT_ALIASES = {"名": "人", "场次": "场"}


def _normalise(text: str) -> tuple[str, list[int]]:
    """NFKC per character, so every normalised index maps back to a source offset."""
    if unicodedata.is_normalized("NFKC", text):  # ingest normalised every paragraph: each character maps to itself
        return text, range(len(text))
    chars: list[str] = []
    origin: list[int] = []
    for i, ch in enumerate(text):
        norm = "\u203b" if CIRCLED.match(ch) else unicodedata.normalize("NFKC", ch)  # a footnote mark: no digit
        chars.append(norm)
        origin.extend([i] * len(norm))
    return "".join(chars), origin


def _positional(run: str) -> int | None:
    """Digit-by-digit numerals like 二〇二一; "三四" / "七八" mean "three or four", not 34."""
    if len(run) > 1 and not any(c in "〇零" for c in run):
        return None
    return int("".join(str(_CN_DIGITS[c]) for c in run))


def chinese_to_int(run: str) -> int | None:
    """Value of a Chinese numeral ("两万" -> 20000, "一百零五" -> 105); None if malformed."""
    if all(c in _CN_DIGITS for c in run):
        return _positional(run)
    total = wan = section = 0  # 亿-level, 万-level and below-万 parts
    digit: int | None = None
    for c in run:
        if c in _CN_DIGITS:
            if digit:  # two digits in a row without a place word ("十四五")
                return None
            digit = _CN_DIGITS[c]
        elif c in _CN_SMALL:
            section += (1 if digit is None else digit) * _CN_SMALL[c]
            digit = None
        elif c == "万":
            wan = (section + (digit or 0)) * 10_000
            section, digit = 0, None
        else:  # 亿
            total = (total + wan + section + (digit or 0)) * 100_000_000
            wan, section, digit = 0, 0, None
    return total + wan + section + (digit or 0)


def _multiplier(word: str | None) -> int:
    factor = 1
    for c in word or "":
        factor *= _MULT[c]
    return factor


def _number(m: re.Match[str]) -> Decimal | None:
    if m["arabic"]:
        try:
            return Decimal(m["arabic"].replace(",", ""))
        except InvalidOperation:  # pragma: no cover - the regex only admits valid digits
            return None
    run = m["chinese"]
    # A lone Chinese numeral is only a figure with a unit ("九名"); "一是" is a list marker.
    if not (m["unit"] or m["pct"]) and len(run) + len(m["mult"] or "") < 2:
        return None
    n = chinese_to_int(run)
    if n is None:
        return None
    return Decimal(n) + (Decimal("0." + "".join(str(_CN_DIGITS[c]) for c in m["tenths"])) if m["tenths"] else 0)


def _to_quantity(m: re.Match[str], source: str, origin: list[int]) -> Quantity | None:
    number = _number(m)
    if number is None:
        return None
    value = float(number * _multiplier(m["mult"]))
    unit = "%" if m["pct"] else (m["unit"] or "")
    end = origin[m.end() - 1] + 1
    if m["minus"] == "零下" and not unit and source[end:end + 1] == "度":  # "零下三十一度"
        unit, end = TEMPERATURE, end + 1
    at = m.start()
    if m["minus"] and unit == TEMPERATURE:
        value = -value
    elif m["minus"]:  # a sign elsewhere ("同比-5.2%") is read as it was: the figure after it
        at = m.end("minus")
    qualifier = next((q for q in (m["pre"], m["q1"], m["q2"], m["post"]) if q), "")
    start = origin[at]
    if not unit and m["arabic"] and start and source[start - 1] in "¥￥":  # "(¥486,000.00)": 元
        unit, start = "元", start - 1
    code = _CODE_BEFORE.search(source, max(0, start - 16), start)
    if (code and (not unit or source[start - 1] in "-_")) or (not unit and _CODE_AFTER.match(source, end)):
        return None  # the digits of a code (编号LYWS-2025-04, G20, 5G), its serial whatever follows (TM2026-009所属)
    if not unit and _in_date(source, start, end):
        return None  # a part of a date written with / . or - (2026/11/28, 2026.4.28, 2025-05-04): no figure
    if not unit and _RANGE_AFTER.match(source, end):
        return None  # a span's first month or day (1—10月完成…): the span is read with its last
    if not m["arabic"] and (_IDIOM_AFTER.match(source, end) or (unit != "个" and _PLACE_AFTER.match(source, end))):
        return None  # 一座难求; 八家子镇, a town named by a numeral and a measure word
    if not unit and (_CLOCK_AFTER.match(source, end) or _CLOCK_BEFORE.search(source, 0, start)):
        return None  # a time of day (8:30—17:30), read as such elsewhere (fields.CLOCK)
    if not unit and end - start <= 2 and _ITEM_AFTER.match(source, end) and (start == 0 or _ITEM_BEFORE.search(source, 0, start)):
        return None  # a list item's number ("3.县区配套资金…", "(1)全体志愿者", "1、"), not a figure
    return Quantity(value, unit, qualifier, source[start:end], start, end)


def find_quantities(text: str) -> list[Quantity]:
    """Every quantity in the text, in reading order, with offsets into the original string."""
    return list(_quantities(text))


@lru_cache(maxsize=8192)
def _quantities(text: str) -> tuple[Quantity, ...]:
    """Remembered: a question's features read the quantities of the same clauses and paragraphs many times."""
    norm, origin = _normalise(text)
    found = (_to_quantity(m, text, origin) for m in _QUANTITY.finditer(norm))
    return tuple(q for q in found if q is not None)


def stated_figures(text: str) -> frozenset:
    """The values of the figures a text (a question) states; not its dates, ages or durations ("24年", "3月")."""
    return frozenset(round(f.value, 6) for f in find_quantities(text) if f.unit not in _WHEN_UNITS)


_WHEN_UNITS = frozenset("年 月 日 天 周 岁 个月 周年 小时".split())


def parse_quantity(text: str) -> Quantity | None:
    """The first quantity in a short string such as an answer ("2.1万人")."""
    found = find_quantities(text)
    return found[0] if found else None


def _units_match(a: str, b: str) -> bool:
    if not a or not b:  # a bare "21000" answers "2.1万人"
        return True
    return _UNIT_ALIASES.get(a, a) == _UNIT_ALIASES.get(b, b)


def _qualifiers_match(a: str, b: str) -> bool:
    # "近800名" still states 800; only "800余" against "近800" claims different things.
    if not a or not b:
        return True
    return _KIND.get(a, a) == _KIND.get(b, b)


def same_quantity(a: str, b: str) -> bool:
    """Whether two answers state the same figure: value, unit and qualifier kind agree."""
    qa, qb = parse_quantity(a), parse_quantity(b)
    if qa is None or qb is None:
        return False
    return (
        math.isclose(qa.value, qb.value, rel_tol=1e-6)
        and _units_match(qa.unit, qb.unit)
        and _qualifiers_match(qa.qualifier, qb.qualifier)
    )
