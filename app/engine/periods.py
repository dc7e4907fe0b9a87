"""Years: those a text names (ranges included), the year a report is about (its title's work summary, the year
its opening reviews), a paragraph's lead year and a numbered section's year. Read by the scope check
(app/engine/scope.py), the features and the facts.
"""
from __future__ import annotations

import re

_YEAR = re.compile(r"(?<![\d.])((?:19|20)\d{2})(?=\s*(?:年|届)|\s*[-—–~至到]\s*(?:19|20)\d{2}|[^\d\u4e00-\u9fff%.]|$)")
_RANGE = re.compile(r"(?<![\d.])((?:19|20)\d{2})\s*年?\s*[-—–~至到]\s*((?:19|20)\d{2})(?!\d)")
YEAR_WORD = re.compile(r"(?:19|20)\d{2}\s*年")  # a year as written before what it dates: "2024年", "2025 年"
PRIOR_WORDS = ("上年", "去年", "上一年", "同比", "较上", "比上")  # a figure of the year before the report's
PRIOR = re.compile("|".join(PRIOR_WORDS))
SUMMARY_YEAR = re.compile(r"((?:19|20)\d{2})\s*年度?(?:工作)?(?:总结|报告|计划|任务)")  # the year a work report is of
# A report opening with the year it reviews: "召开2025年全市共青团工作会议,总结2024年全市共青团工作" (a meeting early
# in 2025; its 全年 figures are 2024's). Not a span ("回顾2019年以来").
REVIEWED_YEAR = re.compile(r"(?:总结|回顾)了?((?:19|20)\d{2})\s*年(?!以来|来)|"
                           r"报告((?:19|20)\d{2})\s*年度?工作|"  # "我向全会报告2024年工作和2025年工作安排"
                           r"会议(?:指出|认为|肯定|充分肯定了?)[,,:]?\s*((?:19|20)\d{2})\s*年(?!以来|来)|"  # "会议指出,2024年,…"
                           r"((?:19|20)\d{2})\s*年度?(?:[\u4e00-\u9fff]{0,5}?工作)?(?:情况)?(?:回顾|总结)|"  # its first
                           r"((?:19|20)\d{2})\s*年度?(?:重点|主要)?工作(?:完成|开展|进展)情况|"  # a brief's 年终盘点
                           r"(?:^|\n)[一1][、.]\s*((?:19|20)\d{2})\s*年度?(?:主要|重点)?工作(?:成绩|成效)?(?=\n|$)")  # a
# report's first part "一、2024年主要工作" (a 全委会 report of February 2025 with no year in its title)
# part: "一、2023年工作回顾", "一、2023年主要工作回顾", "2023年全市共青团工作总结"
# A title reviewing a year: "青春之力涌动晋中大地——2024年晋中共青团工作综述", published in January 2025.
TITLED_REVIEW = re.compile(r"((?:19|20)\d{2})\s*年度?[^,,。:]{0,12}?(?:综述|回顾|盘点|总结)")
LEAD_CHARS = 300
# The report's first part reviewing a year, under an opening longer than LEAD_CHARS ("一、2025年工作回顾" after a
# 全委会 speech's greeting and its long paragraph on the year: blind set 63's, dated 2026-01-16, had read as 2026's too)
REVIEW_PART = re.compile(r"(?:^|\n)[一1][、.]\s*((?:19|20)\d{2})\s*年度?[\u4e00-\u9fff]{0,5}?(?:工作)?(?:情况)?(?:回顾|总结)(?=\n|$)")
PART_CHARS = 3000
YEAR_MEETING = re.compile(r"召开((?:19|20)\d{2})\s*年(?:度)?(?:(?!半年|季度|月)[^,,。:])*?共青团工作会议")
# A paragraph led by its year ("2025年,全市各级团组织要重点抓好以下工作:…;…"): the year of the figures after it that
# name none, though ; splits them into sentences.
LEAD_YEAR = re.compile(r"\s*[◆◇●○■□▲△★☆•▶►▪*]?\s*(?:\(?[一二三四五六七八九十\d]{1,2}[)、.]\s*)?(?:截至|截止|到|在)?((?:19|20)\d{2})年[^,,。::;;]{0,12}[,,::]")
# A table row as youthqa writes it: its caption, a comma, its cells as clauses ("2023年丰南区各镇(街道)共青团基础数据,稻地镇
# 团员数2080名;稻地镇新发展团员251名;…"): the caption's year is every cell's, though the caption is longer than a lead.
_ROW_CAPTION = re.compile(r"\s*(?:表\s*\d+\s*)?((?:19|20)\d{2})年[^,,。::;;]{0,40},(?=[^。]*;)")


def lead_year(text: str) -> str:
    """The year leading a paragraph (LEAD_YEAR) or a table row's caption; "" when none does."""
    found = LEAD_YEAR.match(text) or _ROW_CAPTION.match(text)
    return found.group(1) if found else ""


def report_period(title: str, text: str) -> int | None:
    """The year a report is about when it says so: its title's work summary ("2023年工作总结和2024年工作思路" is
    2023's), else the year its opening reviews; None when it says neither (its date and title years stand)."""
    found = SUMMARY_YEAR.search(title) or TITLED_REVIEW.search(title) or REVIEWED_YEAR.search(text[:LEAD_CHARS]) \
        or REVIEW_PART.search(text[:PART_CHARS])
    if found:
        return int(next(g for g in found.groups() if g))
    meeting = YEAR_MEETING.search(title)  # a year's work meeting is held at its start: its 全年 figures are the last year's
    return int(meeting.group(1)) - 1 if meeting else None


# A report's part: "三、2025年工作安排", "二、存在的不足" (numbered, short, no sentence); (一)… items are inside one.
SECTION = re.compile(r"[一二三四五六七八九十]{1,3}[、.][^。;;]{1,30}")


# A part above the numbered sections: "第二部分  2025年工作要点", "下篇 2025年工作安排". Its sections ("一、强化思想引领")
# name no year of their own: what stands under them is the part's year's (blind set 39: a summary with next year's 要点).
# A brief's bracketed part ("【年度回顾】2024年团市委重点工作完成情况", "【进度通报】2025年1—5月重点工作进展") alike.
PART = re.compile(r"(?:第[一二三四五六七八九十]{1,3}(?:部分|篇)|[上下]篇|【[^】]{1,10}】)\s*[^。;;,,]{0,30}")


def part_heading(paragraph: str) -> bool:
    return bool(PART.fullmatch(paragraph.strip()))


def section_year(paragraph: str) -> int | None:
    """The one year a numbered section heading names ("三、2025年工作安排" -> 2025), 0 for none or several; None
    when the paragraph is no section heading."""
    if not SECTION.fullmatch(paragraph.strip()):
        return None
    return one_year(years(paragraph))


def one_year(named: set[int]) -> int:
    """The one year of a set, 0 for none or several."""
    return next(iter(named)) if len(named) == 1 else 0


# A portal's footer, kept as the report's last paragraph (ingest/clean.py SITE_INFO) or a line of it: its "© 2018-2025"
# dates the site, not the report. The footer words are looked for from a line's start only (^, re.M): the same
# matches as trying every position, which scanned the rest of the line from each (0.6 ms a report, 1/8 of ingest's
# Python time: each report's scope is worked out twice).
SITE_PARAGRAPH = re.compile(r"网站信息:[^\n]*|^[^\n]*(?:©|版权所有|Copyright|ICP备)[^\n]*", re.M)
# "比上年的128500人增加17700人", "上年同期为": the figure of the year before the report's, which it covers too.
PRIOR_FIGURE = re.compile(r"(?:上年|去年|上一年|前一年)(?:同期|底|末)?(?:的|为|是)\s*\d")


def years(text: str) -> set[int]:
    """Every year a text names, with the years inside its ranges (2016—2020年 covers 2017 to 2019)."""
    return {int(y) for y in _YEAR.findall(text)}.union(*(range(int(a), int(b) + 1) for a, b in _RANGE.findall(text)))
