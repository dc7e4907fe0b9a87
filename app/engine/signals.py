"""Signals of one candidate that need nothing but the question and the text around its value: its unit against the
one asked, the year it is of, how far the question's terms are, and how much of the counted noun reads in order before
it. app/engine/features.py assembles them into the feature vector.
"""
from __future__ import annotations

import re
from functools import lru_cache

from .periods import PRIOR_WORDS, SUMMARY_YEAR, YEAR_WORD, lead_year
from .question import PEOPLE, Question

NEAR = 12  # characters either side of a value read as its immediate context
FAR = 40  # term distances are capped here (a clause is rarely longer)
_ALIAS = {"名": "人", "位": "人", "场次": "场", "次": "场", "周岁": "岁"}
_YEAR = re.compile(r"((?:19|20)\d{2})年")
_PRIOR = re.compile("|".join(PRIOR_WORDS + ("前一年",)))  # the value's own clause: 前一年 too
_PRIOR_ASKED = re.compile(r"上年|上一年|前一年|\b(?:previous|prior) year\b", re.I)
# Staff's own last year: the year before the report was written ("小店去年入团的" of a 2024 report dated 2025-01),
# not the year before the one it is about, as its own 上年 is.
_LAST_YEAR_ASKED = re.compile(r"去年|\blast year\b", re.I)
# A year compared with ("较2023年增长19.5%") names no year of the figures around it, only of one right after it.
_COMPARISON_YEAR = re.compile(r"[较比由从]\s*(?:19|20)\d{2}\s*年(?:度|底|末|初|同期)?")
_COMPARED_AT = re.compile(r"[较比由从]\s*(?:19|20)\d{2}\s*年(?:度|底|末|初|同期)?的?\s*$")


def in_order(word: str, text: str) -> float:
    """Share of the word's characters found in order in the text (a longest common subsequence)."""
    row = [0] * (len(text) + 1)
    for c in word:
        previous = 0
        for j, d in enumerate(text, 1):
            previous, row[j] = row[j], previous + 1 if c == d else max(row[j], row[j - 1])
    return row[-1] / len(word) if word else 0.0


# A share, a rate or a change asked: the only questions a percentage answers ("完成了全年目标的多少?" included).
_ASKS_SHARE = re.compile(r"率|比例|比重|占|百分|成[??]?$|增|降|涨|减|提高|提升|上升|变化|的多少|几成|"
                         r"\b(?:percent|percentage|rate|share|proportion|ratio|growth|increase|decrease|rise|fall)\b|%", re.I)


def unit_fit(q: Question, unit: str, text: str, end: int) -> dict:
    wanted = {_ALIAS.get(u, u) for u in q.units}
    asked = bool(unit) and _ALIAS.get(unit, unit) in wanted
    fits = not q.units or (not unit and q.units <= PEOPLE) or asked
    return {"unit_asked": float(asked), "unit_bare": float(not unit),
            "unit_fits": float(fits and (unit not in ("年", "月", "日") or "年" in q.units)),
            "unit_other": float(bool(unit) and bool(q.units) and not asked and not (unit in PEOPLE and "人" in wanted)),
            "unit_time": float(unit in ("年", "月", "日") or text[end:end + 1] == "后"),
            "generation": float(not unit and text[end:end + 1] == "后"),
            "share_unasked": float(unit in ("%", "百分点", "个百分点") and not _ASKS_SHARE.search(q.text))}


def years_of(q: Question, p, before: str, sentence: str) -> dict:
    """Which year a figure is of, from its clause up to the value: the nearest year named, or a prior-year
    word (较上年的986名) read against the report's own year (its title's, else its date's). Read more widely
    (period_*): the nearest year before it in its sentence, else the year leading its paragraph, else its section
    heading's, else the period the report is about: its title's
    year (a 2020 work summary dated 2021 is 2020's), else its date's; none for a title spanning years."""
    if not _COMPARED_AT.search(before):  # "较2022年的3750名" is 2022's; "…476个" after "较2023年增长19.5%," is not
        before, sentence = _COMPARISON_YEAR.sub(",", before), _COMPARISON_YEAR.sub(",", sentence)
    named = _YEAR.findall(before)
    nearest = respective_year(sentence) or (named[-1] if named else "")
    prior = bool(_PRIOR.search(before[-NEAR:]))
    own, previous, fallback = _passage_years(p.title, p.period, p.date, p.text, p.section)
    written = (p.date or "")[:4]
    last = (str(int(written) - 1) if written.isdigit() else previous) if _LAST_YEAR_ASKED.search(q.text) else ""
    # "临夏 12355 上年 受理咨询": the report's year before, as it says; 去年 when that is the year it was written after
    asks_prior = bool(_PRIOR_ASKED.search(q.text)) or (bool(last) and last == previous)
    in_sentence = _YEAR.findall(sentence)
    period = previous if prior else nearest or (in_sentence[-1] if in_sentence else "") or fallback
    # 上年 asked with no year names the report's year before ("通辽上年12355咨询来电": not 2024's 3864个)
    asked = q.years or ((previous,) if asks_prior and previous else (last,) if last else ())
    return {"year_at_value": float(bool(nearest) and nearest in q.years),
            "year_other_at_value": float(bool(nearest) and bool(q.years) and nearest not in q.years),
            "prior_fit": float(prior and (previous in q.years or asks_prior)),
            "prior_misfit": float(prior and not asks_prior and (not q.years or own in q.years)),
            "period_fit": float(bool(period) and period in asked),
            "period_misfit": float(bool(period) and bool(asked) and period not in asked),
            "own_year_fit": float(own in q.years or (not q.years and last == own)),
            # no year asked: the report's own is ("铁西年底团员总数" in a 2024 report, not its table's 2023 column)
            "period_before_own": float(not asked and period.isdigit() and own.isdigit() and int(period) < int(own))}


_YEARS_LISTED = re.compile(r"(?:19|20)\d{2}\s*年?(?:\s*[、和及与]\s*(?:19|20)\d{2}\s*年?)+")
_LISTED_FIGURE = re.compile(r"\d[\d,.]*[^\d、,,;;和及与]{0,6}[、和及与]")


def respective_year(sentence: str) -> str:
    """The year of a figure listed after 分别 against a list of years: "2023年、2024年全区分别新发展团员2,946名、3,214名"
    gives 3,214 the second year (blind set 41's two-year report); "" when the sentence lists none."""
    at = sentence.rfind("分别")
    listed = list(_YEARS_LISTED.finditer(sentence, 0, at)) if at > 0 else []
    if not listed or _YEAR.search(sentence, at):
        return ""
    years = re.findall(r"(?:19|20)\d{2}", listed[-1].group())
    k = len(_LISTED_FIGURE.findall(sentence, at))
    return years[k] if k < len(years) else ""


@lru_cache(maxsize=256)
def _passage_years(title: str, period: str, date: str, text: str, section: str) -> tuple[str, str, str]:
    """(the report's own year, the year before, the year its figures are of when nothing nearer names one), once
    a passage: the year leading its paragraph, else its section heading's, else its own when it has one."""
    summary = SUMMARY_YEAR.search(title)  # "2023年工作总结和2024年工作思路" is 2023's
    titled = [period] if period else [summary.group(1)] if summary else sorted(set(_YEAR.findall(title)))
    own = (titled or [date[:4]])[0]
    previous = str(int(own) - 1) if own.isdigit() else ""
    part = _YEAR.findall(section)  # "三、2025年工作安排": its paragraphs' figures are 2025's
    fallback = (lead_year(text) or (part[0] if part else "")
                or (own if len(titled) <= 1 and own.isdigit() else ""))
    return own, previous, fallback


_MONTH = re.compile(r"(?<!\d)(1[0-2]|0?[1-9])\s*月(?!份?以来)")
PART_OF_YEAR = {"一季度": 3, "第一季度": 3, "上半年": 6, "二季度": 6, "前三季度": 9, "三季度": 9, "年中": 6,
                 "四季度": 12, "下半年": 12}
_ENGLISH_MONTHS = ("january", "february", "march", "april", "may", "june", "july", "august", "september",
                   "october", "november", "december")
_ENGLISH_PARTS = {"first quarter": 3, "q1": 3, "second quarter": 6, "q2": 6, "first half": 6, "mid-year": 6,
                  "third quarter": 9, "q3": 9, "first three quarters": 9, "fourth quarter": 12, "q4": 12}
_ENGLISH_MONTH = re.compile(r"\b(?:(?:the )?end of |by |as of |in |through |until )(" + "|".join(_ENGLISH_MONTHS) + r")\b"
                            r"|\b(" + "|".join(_ENGLISH_PARTS) + r")\b", re.I)
# A heading that dates the part of a report under it ("2025年第一季度工作通报", "二、上半年工作情况"): short, no sentence.
_DATED_HEADING = 40
_SENTENCE_MARK = re.compile(r"[。;;,,!?!?]")
_DAY = re.compile(r"\d{1,2}\s*月\s*\d{1,2}\s*日")  # "(2025年4月8日)" under a heading dates the issue, not its figures


def months_asked(question: str) -> frozenset[int]:
    """The months a question is as of: "截至7月", "2023年7月", "一季度" (its last month); "by the end of March"."""
    found = {int(m) for m in _MONTH.findall(question)}
    found |= {month for word, month in PART_OF_YEAR.items() if word in question}
    for month, part in _ENGLISH_MONTH.findall(question):
        found.add(_ENGLISH_MONTHS.index(month.lower()) + 1 if month else _ENGLISH_PARTS[part.lower()])
    return frozenset(found)


def months_named(text: str) -> list[int]:
    """The last month a text names: "截至7月20日" 7, "二季度" 6; [] for none. The nearest the end wins: a table row
    "…1—9月…(数据截至2025.9),志愿服务活动一季度186场" is the first quarter's."""
    found = [(m.end(), int(m.group(1))) for m in _MONTH.finditer(text)]
    found += [(text.rfind(word) + len(word), month) for word, month in PART_OF_YEAR.items() if word in text]
    return [max(found)[1]] if found else []


def heading_months(paragraphs) -> list[int]:
    """The month of the nearest heading above that dates its part of the year, from the paragraphs above a passage
    (nearest first): a 季度通报 of two quarters gives each quarter's table rows no month of their own. A heading that
    names a year but no part of it ("三、2025年工作安排") ends the search: what stands under it is the year's."""
    for text in paragraphs:
        text = text.strip()
        if not text or len(text) > _DATED_HEADING or _SENTENCE_MARK.search(text) or _DAY.search(text):
            continue
        if named := months_named(text):
            return named
        if YEAR_WORD.search(text):
            return []
    return []


def month_at_value(asked: frozenset[int], before: str, heading=None, paragraph: str = "", title: str = "") -> dict:
    """Whether the month nearest before the value in its sentence ("截至7月20日,…57460人") is one asked / another;
    where the sentence names none, the month of the heading its part of the report stands under (heading()), the
    paragraph's before the value, the report title's (一季度工作通报). month_unsaid: none of them names one, as an
    annual report's figure asked of a quarter ("一季度发展团员多少" of a 2024年工作总结: the year's figure)."""
    if not asked:
        return {}
    named = months_named(before) or (heading() if heading else []) or months_named(paragraph) or months_named(title)
    if not named:
        return {"month_unsaid": 1.0}
    return {"month_fit": float(named[0] in asked), "month_misfit": float(named[0] not in asked)}


# A span from the year's start (前三季度, 上半年, 1至9月) or one quarter after the first (三季度): both end in month 9,
# and a 季度通报 gives both ("1至9月,全区新发展团员1736名" then "三季度发展471名").
_FROM_START = re.compile(r"前[二三两]季度|[上下]半年|1\s*[至到—\-~]\s*\d{1,2}\s*月|前\d{1,2}个月|截至\s*\d{1,2}\s*月|"
                         r"\bfirst (?:three quarters|half)\b", re.I)
_ONE_QUARTER = re.compile(r"(?<![前第一])(?:第?[二三四]季度)|\b(?:second|third|fourth) quarter\b|\bQ[234]\b", re.I)


def quarter_fit(question: str, before: str) -> dict:
    """A span from the year's start asked and the value's nearest period word is one quarter, or the reverse."""
    asked = "span" if _FROM_START.search(question) else "quarter" if _ONE_QUARTER.search(question) else ""
    if not asked:
        return {}
    spans, quarters = list(_FROM_START.finditer(before)), list(_ONE_QUARTER.finditer(before))
    last = max([(m.end(), "span") for m in spans] + [(m.end(), "quarter") for m in quarters], default=(0, ""))[1]
    return {"quarter_misfit": float(bool(last) and last != asked)}


def distance(hits, start: int, end: int) -> float:
    """Characters from the value to the nearest whole question term in the paragraph, / FAR, capped at 1."""
    gaps = (start - b if b <= start else a - end if a >= end else 0 for a, b in hits)
    return min(min(gaps, default=FAR), FAR) / FAR


_ITEM_END = re.compile(r"[、,，;；:：。]")
_ITEM_LEAD = re.compile(r"^\s*(?:其中|其余|另有|包括|含|分[\u4e00-\u9fff（）()]{1,8}看)?")
_PARTS_NEXT = re.compile(r"[。\s]*(?:其中|分[\u4e00-\u9fff（）()]{1,8}看)")
_ITEM_YEAR = re.compile(r"(?:19|20)\d{2}\s*年(?:度|底|末|初)?")
_ITEM_FIGURE = re.compile(r"\d|[一二两三四五六七八九十百千万]+[名个人项支场次]")
_HAN_RUN = re.compile(r"[\u4e00-\u9fff]+")


def items_named(text: str, sentence: tuple[int, int], at: int, question: str) -> dict:
    """How much of the label of the value's list item the question names, and the most of another item's label in
    the sentence ("2024年全市新发展团员4386名…其中玉山镇612名、昆山开发区538名" asked 昆山开发区: 538名's label
    is named whole, 4386名's hardly, and 4386名 has a sibling that is)."""
    end = sentence[1]
    if _PARTS_NEXT.match(text, end) and (stop := text.find("。", end + 1)) > 0:
        end = stop  # "…4386名。其中玉山镇612名、…": the parts the next sentence lists are the whole's siblings
    own, other = 0.0, 0.0
    for start, stop, label, share in _item_labels(text[sentence[0]:end], question):
        if start <= at - sentence[0] < stop:
            own = named_share(text[sentence[0] + start:at], question)
        else:
            other = max(other, share)
    return {"item_named": own, "item_other_named": other}


@lru_cache(maxsize=4096)
def _item_labels(span: str, question: str) -> tuple[tuple[int, int, str, float], ...]:
    """(start, end, label, how much of it the question names) of each list item of a span, once per span and
    question: every candidate of the sentence asks."""
    out, pos = [], 0
    for piece in _ITEM_END.split(span):
        start, pos = pos, pos + len(piece) + 1
        m = _ITEM_FIGURE.search(_ITEM_YEAR.sub(lambda y: "年" * len(y.group()), piece))
        label = piece[:m.start()] if m else ""
        out.append((start, pos, label, named_share(label, question) if m else 0.0))
    return tuple(out)


@lru_cache(maxsize=16384)
def named_share(label: str, question: str) -> float:
    """Share of a label's Chinese characters in its longest run that the question also writes (2 characters or more)."""
    han = "".join(_HAN_RUN.findall(_ITEM_YEAR.sub("", _ITEM_LEAD.sub("", label))))
    if len(han) < 2:
        return 0.0
    best = _common_run(han, question)
    return best / len(han) if best >= 2 else 0.0


def _common_run(a: str, b: str) -> int:
    """Length of the longest substring a and b share (a is a short label: its substrings, longest first)."""
    for n in range(len(a), 0, -1):
        if any(a[i:i + n] in b for i in range(len(a) - n + 1)):
            return n
    return 0
