"""Years of a report's figures and the figures it compares with: a figure's year is the last one named before it;
"较2019年底的39.6万人", "比上年的17350名" and ",2022年为12430名" count what the figure before them counts, in the
year their clause names; "从2020年底的58.3万人增长到2024年底的102.6万人" one thing in two years (ingest/facts.py).
"""
from __future__ import annotations

import re

from .fact_indicator import before_words
from .schema import Fact


def year_for(head: str, years: list[int]) -> int:
    """The last year named before the figure in its sentence (head), else the only one its sentence names."""
    from app.engine.scope import years as years_of
    from app.engine.signals import respective_year

    if listed := respective_year(head):  # "2023年、2024年…分别…2,946名、3,214名": 2,946 is 2023's
        return int(listed)
    before = years_of(head)  # the last named, not the latest: "…情况,青年之家(个)2023年118个" in a 2024 caption
    return max(before, key=lambda y: (head.rfind(str(y)), y)) if before else years[0] if len(years) == 1 else 0


PERIOD = re.compile(r"(?:19|20)\d{2}\s*年?\s*[-—–~至到]\s*(?:19|20)\d{2}\s*年?|[一二三四五六七八九十]+五(?:期间|以来)")


def period_of(sentence: str) -> str:
    m = PERIOD.search(sentence)
    return m.group() if m else ""


# -- comparisons. Figures a sentence compares with or restates for another year: "较2019年底的39.6万人", "比上年的17350名",
# "由2019年的38.5%", and "全年新发展团员11960名,2022年为12430名".
#
# Such a figure counts what the figure before it in its sentence counts (the words before it are the comparison,
# "较2019年底的", which name nothing), in the year the clause names, 上年 being the year before that figure's. And
# the clause's year is not the year of the sentence's other figures: in "接听热线咨询7892人次……比2022年增长31%"
# the 7892 are the report's year's, not 2022's.

_THEN = r"(?:(?P<year>(?:19|20)\d{2})\s*年(?:度|底|末|同期)?|(?P<last>上年|去年|上一年|前一年)(?:度|底|末|同期)?)"
_COMPARED = re.compile(rf"(?:较|比|同比|相比|对比|由|从|[((])\s*{_THEN}\s*(?:的|为)?$")  # the text just before the
# figure; "3126名(上年2784名)" too
_RESTATED = re.compile(rf"[,,;;]\s*(?:其中)?\s*{_THEN}\s*(?:为|是)$")  # ",其中2024年底为31.6万人" too
# A figure's move between two years, both given: "从2020年底的58.3万人增长到2024年底的102.6万人", "由2019年的38.5%提高至2023年的52%"
_FROM = re.compile(r"[从由]\s*(?:(?P<year>(?:19|20)\d{2})\s*年|(?P<last>上年|去年|上一年))(?:度|底|末|初)?的?\s*$")
_TO = re.compile(r"\s*(?:增长|增加|提高|提升|上升|跃升|扩大|发展|下降|减少|降低|增|升|降)?\s*(?:到|至|为)\s*"
                 r"(?P<year>(?:19|20)\d{2})\s*年(?:度|底|末)?的?\s*")
_TO_NOW = re.compile(r"\s*(?:增长|增加|提高|提升|上升|跃升|扩大|发展|下降|减少|降低|增|升|降)\s*(?:到|至)\s*")  # "…增加到52个"
# A year named by a comparison ("比2022年增长31%", "较2019年底") or a restatement (",2022年为"), blanked before the
# sentence's years are read.
_COMPARISON_YEAR = re.compile(r"(?<=[较比由从])\s*(?:19|20)\d{2}\s*年(?:度|底|末|同期)?"
                              r"|(?<=[,,;;])\s*(?:19|20)\d{2}\s*年(?:度|底|末)?(?=\s*(?:为|是))")


def move_of(paragraph: str, start: int, q, following, own_year: int = 0) -> tuple[str, int, int] | None:
    """The first figure of "注册志愿者从2020年底的58.3万人增长到2024年底的102.6万人": what both count (the words before
    从), its year and the year of the figure it moved to. "青年之家由上年的38个增加到52个": own_year - 1 and own_year;
    "由2024年底的23.46万名增加到24.12万名": 2024 and own_year (own_year: the year the sentence's figures are of)."""
    if following is None or following.unit != q.unit:
        return None
    since = _FROM.search(paragraph, start, q.start)
    # "由上年的38个增加到52个", "由2024年底的23.46万名增加到24.12万名" (a 2025 report): the second is the sentence's year's
    now = since and (since["last"] or (own_year and int(since["year"]) < own_year))
    to = _TO.fullmatch(paragraph, q.end, following.start) or \
        (_TO_NOW.fullmatch(paragraph, q.end, following.start) if now else None)
    if not since or not to or (since["last"] and not own_year):
        return None
    to_year = int(to["year"]) if "year" in to.re.groupindex and to["year"] else own_year
    return before_words(paragraph, since.start()), int(since["year"]) if since["year"] else own_year - 1, to_year


def then_year(head: str, before_year: int) -> int | None:
    """The year the figure after head is compared at or restated for (0: unknown), None when it is not such a
    figure; before_year: the year of the figure it is compared with."""
    m = _COMPARED.search(head) or _RESTATED.search(head)
    if not m:
        return None
    if m["year"]:
        return int(m["year"])
    return before_year - 1 if before_year else 0


def without_comparisons(text: str) -> str:
    """The text with the years of its comparisons blanked (same length, so offsets hold)."""
    return _COMPARISON_YEAR.sub(lambda m: " " * len(m.group()), text)


# A change or a share counts what the figure it is the change or share of counts: "较2022年的7215人次增长36.5%",
# "比上年增加15万元", "由2019年的38.5%下降至31.2%", "其中学生团员21.05万名,占70.5%"; "分别比2022年增长18.2%和23.5%"
# pairs its figures with as many before it.
_CHANGE = re.compile(r"(?:较|比|同比|相比|由|从)[^,,;;。]*?(?:增长|增加|减少|净增|净减|下降|上升|提高|降低|增|减)"
                     r"(?:了|至|到)?(?:[^,,;;。]*[和、])?\s*$")
_SHARE = re.compile(r"^\s*(?:约|分别)?占(?:到)?[\u4e00-\u9fff]{0,8}?的?(?:比例|比重)?(?:为|达到?)?\s*$")
_CLAUSE = re.compile(r"[,,;;]")


_PLAN = re.compile(r"(?:任务|计划|目标)$")  # a plan's figure: "完成全年任务2800名的51.3%"


def compared_with(made: list[Fact], q) -> Fact:
    """What a figure compared counts ("比去年同期的1312名"): what the last figure of its unit counts, a plan passed over."""
    same = [f for f in reversed(made) if f.unit == q.unit]
    return next((f for f in same if not _PLAN.search(f.indicator)), same[0] if same else made[-1])


def _base_of(before: list[Fact], q) -> Fact:
    """What a change counts: the last figure of its unit ("增加124名" of "发展团员1436名"), or for a percentage change the
    last count ("同比增长9.5%"); a plan and its share done ("完成全年任务2800名的51.3%") passed over."""
    fits = [f for f in reversed(before) if (f.unit != "%" if q.unit == "%" else f.unit == q.unit)]
    return next((f for f in fits if not _PLAN.search(f.indicator) and not f.indicator.endswith("完成率")), before[-1])


def changed_from(head: str, before: list[Fact], inside: list, q, start: int) -> Fact | None:
    """The figure the figure after head (q) is a change or share of, among the facts before it (those that restate
    another year left out); None when it is not such a figure."""
    clause = _CLAUSE.split(head)[-1]
    change = _CHANGE.search(clause)
    if not before or not (change or _SHARE.match(clause)):
        return None
    if not (change and "分别" in clause):
        return _base_of(before, q)
    clause_start = start + len(head) - len(clause)
    after_verb = [x for x in inside if x.start >= clause_start + change.start()]  # the change figures, in order
    k, n = after_verb.index(q), len(after_verb)
    bases = before[:len(before) - k]  # the facts before the first of them
    return bases[k - n] if n <= len(bases) else before[-1]
