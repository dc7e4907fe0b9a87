"""An elliptical follow-up's focus ("那同年福州呢?" -> 同年福州) and the previous question with it swapped in: the place,
the year, a town, a college, a role, a grade or an honour it names takes the place of the one asked before
(app/engine/followup.py decides which turn it follows and when a follow-up is elliptical)."""
from __future__ import annotations

import re

from . import scope
from .followup_answer import NAMED_NOUN, RANKED, WHO_WON, named_before
from .followup_asks import targeted
from .followup_edit import (THIS_YEAR, KIND, MEASURED, NOW_WORDS, PART, TOTAL, TOWN, WHEN, YEAR_WORDS, colleges_after_school,
                            narrow, place_phrase, qualify, scope_words, swap_place, swap_subject, swap_when, swap_year, total, town,
                            whole, without_towns, zone)
from .localities import SIBLING_ZONE, ZONES, schools
from .people import ROLE
from .question import is_english

MARKER = re.compile(r"^\s*(?:那么|那|还有|换成|换到|改成|改为|如果是|要是|若是|and|what about|how about)\s*|\s*(?:呢|怎么样)?\s*[??]?\s*$", re.I)
ASKS = re.compile(r"多少|几|谁|哪|什么|如何|怎么|how|who|when|which|what", re.I)
# A year told relative to the previous question's: "前一年呢?" after a 2023 question asks about 2022.
RELATIVE = {"前一年": -1, "上一年": -1, "去年": -1, "上年": -1, "前年": -2, "次年": 1, "后一年": 1, "下一年": 1,
             "第二年": 1, "明年": 1, "来年": 1, "the year before": -1, "previous year": -1, "the year after": 1, "next year": 1}
RELATIVE_WORDS = re.compile("|".join(sorted(map(re.escape, RELATIVE), key=len, reverse=True)), re.I)
# The year the staff are in, which the previous turn may have told as 去年 (not counted from any year named).
# 计划 alone qualifies the verb: "计划新建了几所"; "定的目标" is the target.
_TARGET_WORD = re.compile(r"(?:年度|全年)?(?:定|制定|确定|设定|提出|下达)?的?(?:目标|目标任务)")  # 年度目标: the year's
_FOCUS_CHARS = 16  # an elliptical follow-up is short: "那同年桂林理工大学呢?" is 12


def focus_of(question: str) -> str | None:
    """What an elliptical follow-up names ("那同年福州呢?" -> "同年福州"), None for a full question."""
    focus = MARKER.sub("", question).strip()
    marked = focus != question.strip().rstrip("??")
    if not focus or not marked or len(focus) > _FOCUS_CHARS or ASKS.search(focus):
        return None
    return focus


GRADE = re.compile(r"[一二三四五六七八九特]等奖|[金银铜]奖|优秀奖|[金银铜]牌")
_ONE_YEAR = re.compile(r"当年|这一年|那一年|单年")
_RUNNING = re.compile(r"自?(?:19|20)\d{2}\s*年[^,,。]{0,6}?以来|(?<!\d)(?:[一二三四五六七八九十两]|\d{1,2})年(?:来|以来)?"
                      r"(?:累计|共计|合计)?|累计|以来")


# An honour named alone, asked of after "…谁获得了宁夏青年五四奖章?": who won that one instead.
HONOUR = re.compile(r"[\u4e00-\u9fff“”]{2,24}?(?:之星|奖章|称号|标兵|先进个人|先进集体|优秀(?:共青)?团(?:员|干部)|"
                     r"五四红旗团(?:委|支部))")


_TABLE_NAMED = re.compile(r"^(?:在)?表\s*\d+(?:里|中|内)?的?")  # "表1里2023年呢?": the same table's figure, another year
_AFTERTHOUGHT = re.compile(r"^(?P<focus>.+?)[((](?P<when>[^()()]{2,12})[))]$")  # "全市合计呢(2024年底)?"


def swap(previous: str, focus: str) -> str:
    if m := _AFTERTHOUGHT.match(focus):
        focus = m["when"] + m["focus"]
    if (noun := NAMED_NOUN.search(focus)) and (before := named_before(previous, noun.group())) and before != focus:
        return previous.replace(before, focus, 1)  # "亚布力镇站呢?" after "…亚布力站…": the station, not a town
    if HONOUR.fullmatch(focus) and (won := WHO_WON.search(previous)):  # an honour's own name may hold a place
        return previous[:won.start("award")] + focus + previous[won.end("award"):]
    named = scope.of_text(focus)
    text = previous
    if _ONE_YEAR.search(focus):  # "2025年当年呢?" after a five-year total: that year's own figure
        text = _RUNNING.sub("", text)
    if (rank := RANKED.match(previous)) and named.mentions:  # "参学率最高的是哪个单位?" + 宁阳县: its figure
        text = f"{rank['head']}是多少?"
    relative = RELATIVE_WORDS.search(focus)
    before = scope.of_text(previous).years
    rest = YEAR_WORDS.sub("", RELATIVE_WORDS.sub("", focus)).strip()
    # "去年底呢?" after "…现在多少?": the year's end (底 no new thing counted), as of then, not now
    ended = bool(relative) and bool(_YEAR_END.fullmatch(rest))
    if ended:
        text, rest = _NOW.sub("", text), ""
    end = _YEAR_END_SAID.search(focus)
    bare = _BARE_MONTH_END.search(text) if end and not before else None
    if bare:  # "2025年底呢?" after "古蔺10月底团员多少?": that year's end in place of the month's
        text = text[:bare.start()] + end.group() + text[bare.end():]
    elif named.years:
        text = swap_year(text, named.years[0])
        if end and (dated := _MONTH_END.search(text)):  # "那固原2024年底呢?"
            text = text[:dated.start()] + end.group() + text[dated.end():]  # after "2024年6月底…": the year's end
    elif relative and before:
        text = swap_year(text, before[0] + RELATIVE[relative.group().lower()])
    elif relative and (said := RELATIVE_WORDS.search(text) or THIS_YEAR.search(text)):  # "上年全年呢?" after
        # "去年…", "去年呢?" after "今年…": one year said once
        text = text[:said.start()] + relative.group() + text[said.end():]
    elif relative:  # no year to count from: the relative word leads the question (上年 figures are narrated so)
        word = relative.group() + "底" * ended
        text = f"{word} {text}" if is_english(text) else f"{word}{text}"
    if relative and _SAME_PERIOD.fullmatch(rest):  # "去年同期呢?" after 上半年's: that year's same part, same count
        rest = ""
    # "长春镇呢?" names a town, not the city 长春 it shares a name with
    places = [m for m in scope.of_text(rest).mentions if m.start == 0] if not TOWN.fullmatch(rest) else []
    if places and (school := _institution_for(text, rest, places[0])) is not None:  # "泉州师范学院呢?" after
        return school  # 华侨大学's figure: the school asked before, not a place, gives way
    if places:  # "桂林理工大学": the institution, not only its city, replaces the previous place
        phrase = place_phrase(rest, places[0])
        narrowed = PART.search(text)
        text, rest = swap_place(text, phrase, places[0].place), rest[len(phrase):]
        if narrowed and not rest and f"其中{narrowed['part']}" in text and _outside(narrowed["part"], places[0].place):
            text = whole(text) + "?"  # "那株洲呢?" after "长沙…,其中岳麓区有多少?": 株洲's own, no 岳麓区 of it
        if SIBLING_ZONE.fullmatch(rest):  # "那蜀山经开区呢?" after a town of 蜀山: the place's zone, no town
            return narrow(without_towns(text), rest)
    text, rest = _this_year(text, _AS_OF_NOW.sub("", rest))  # "到今年10月底呢?": as of 今年 10月底
    rest = _TABLE_NAMED.sub("", rest).removeprefix("的").removesuffix("的").strip()
    if not places and (at := TOWN.match(rest)) and WHEN.fullmatch(rest[at.end():]):  # "玫瑰镇一季度呢?"
        return swap_when(town(text, at.group()), rest[at.end():])
    if _TARGET_WORD.fullmatch(rest):  # "今年的目标呢?": the target for the thing counted before
        if _OF_YEAR.match(rest):  # "年度目标呢?" after "…1—10月发展团员多少?": the year's, no part of it
            text = _MONTHS.sub("", text)
        return targeted(whole(text), "目标是多少")
    if not places and TOWN.fullmatch(rest):  # "陈淋子镇呢?": a town of the county asked, or instead of its town
        return town(text, rest)
    if not places and (rest in ZONES or SIBLING_ZONE.fullmatch(rest)):  # "那经开区呢?" after a county's figure:
        # the city's zone instead
        return zone(text, rest)
    if (school := _school_for(text, rest)) is not None:  # "那计算机工程学院呢?" after 航海学院's figure
        return school
    if WHEN.fullmatch(rest):  # "截至7月呢?", "全年呢?" after a bulletin's 一季度 figure: as of that time
        return swap_when(text, rest)
    if WHOLE_YEAR.fullmatch(rest):  # "全年一共多少?" after a quarter's figure: the year's, as "全年呢?"
        return swap_when(text, "全年")
    if TOTAL.fullmatch(rest):  # "全市合计呢?" after a county's figure: the whole place's
        return total(text, rest)
    if KIND.fullmatch(rest):
        return qualify(text, rest)
    if (role := _role_swapped(text, rest)) is not None:  # "副书记呢?" after "白山团市委书记是谁?"
        return role
    if _MONEY_COLUMN.fullmatch(rest) and (columns := list(_MONEY_COLUMN.finditer(text))):  # "执行率呢?" after
        column = columns[-1]  # "…决算里亚冬会筹备预算多少?": the same row's other column, the one asked last
        return text[:column.start()] + rest + text[column.end():]
    if GRADE.fullmatch(rest) and (grade := GRADE.search(text)):  # "那二等奖呢?" after "…一等奖的是什么项目?"
        return text[:grade.start()] + rest + text[grade.end():]
    if MEASURED.search(rest) and PART.search(text):  # "阿克苏市希望工程资助金额呢?" after its 其中女性: a figure of its
        # own, of the scope asked (not the part narrowed to)
        return f"{scope_words(text)}{rest}是多少?"
    if rest.startswith("其中") and not PART.search(text) and ASKS.search(text):
        return f"{text.rstrip('??')},{rest}有多少?"  # narrows the thing counted, which stays named
    return swap_subject(text, rest) if rest else text


_YEAR_END = re.compile(r"年?[底末]")
_AS_OF_NOW = re.compile(r"^(?:到|截至|截止)(?=今年|本年)")
_OF_YEAR = re.compile(r"年度|全年")
_MONTHS = re.compile(r"(?:截至|截止|到)?(?:(?:1[0-2]|0?[1-9])\s*[—\-–~至到]\s*)?(?:1[0-2]|0?[1-9])月(?:份|底|末)?")
# The columns of a budget's table: one asked after another is of the same item
_MONEY_COLUMN = re.compile(r"(?:预算|决算)(?:数|金额)?|执行率|结余|实际支出|支出")
_NOW = re.compile(r"现在|目前|当前|眼下")
WHOLE_YEAR = re.compile(r"全年(?:一共|总共|合计|共计|累计)")  # "全年一共多少?": as "全年呢?"
_SAME_PERIOD = re.compile(r"的?同期的?|的?同一时期")
_ROLE_PHRASE = re.compile(rf"(?:指导|项目|带队|团队)?(?:{ROLE.pattern})")  # "指导教师呢?" after "…项目的负责人是谁?"


def _role_swapped(text: str, rest: str) -> str | None:
    """The previous question with its role swapped for the one named ("团市委书记" + 副书记 -> "团市委副书记"), when the
    focus is a role alone and the previous question asks of one; None otherwise."""
    if not _ROLE_PHRASE.fullmatch(rest) or not (old := _ROLE_PHRASE.search(text)):
        return None
    return text[:old.start()] + rest + text[old.end():]


def _school_for(text: str, rest: str) -> str | None:
    """The previous question with its last college (or university) swapped for the one named, when the focus is
    exactly one: "集美大学…,航海学院有多少团员?" + 计算机工程学院; None otherwise."""
    named = schools(rest)
    if len(named) != 1 or named[0][:2] != (0, len(rest)):
        return None
    same = [s for s in schools(text) if s[2][-2:] == rest[-2:]]
    if not same and rest.endswith(("学院", "学部", "书院")) and (college := colleges_after_school(text)):
        at = text.find(college[-1])  # "青海大学医学部…" + 财经学院: the college after the university
        return text[:at] + rest + text[at + len(college[-1]):]
    return text[:same[-1][0]] + rest + text[same[-1][1]:] if same else None


def _institution_for(text: str, rest: str, named) -> str | None:
    """The previous question with its school swapped for the institution the focus is exactly ("泉州师范学院" after
    "华侨大学组建了几支…"), when it named one and no place; None otherwise."""
    phrase = place_phrase(rest, named)
    if not named.institution or phrase != rest or scope.of_text(text).mentions:
        return None
    inner = colleges_after_school(text)
    own = [s for s in schools(text) if s[2] not in inner]
    return text[:own[0][0]] + phrase + text[own[0][1]:] if own else None


def _outside(part: str, place) -> bool:
    """The part narrowed to (其中岳麓区) is a place not inside the one swapped in, or a town of the one before."""
    named = scope.of_text(part).mentions
    if named and named[0].start == 0:
        return not named[0].place.within(place)
    return bool(TOWN.fullmatch(part))


_YEAR_END_SAID = re.compile(r"(?:19|20)\d{2}年(?:底|末)")
_BARE_MONTH_END = re.compile(r"(?<![年\d])(?:1[0-2]|0?[1-9])月(?:底|末)")  # "10月底", its year the report's
_MONTH_END = re.compile(r"(?:19|20)\d{2}年(?:1[0-2]|0?[1-9])月(?:底|末|份)?")
_A_YEAR = re.compile(r"(?:19|20)\d{2}年(?:度)?")


def _this_year(text: str, rest: str) -> tuple[str, str]:
    """"今年…" leading what a follow-up names takes the place of the year word the previous turn used."""
    if now := THIS_YEAR.match(rest):
        if NOW_WORDS.search(text):
            text = NOW_WORDS.sub(now.group(), text, count=1)
        elif year := _A_YEAR.search(text):  # "那樟树今年上半年呢?" after "2023年樟树…": 今年, not 今年2023年
            text = text[:year.start()] + now.group() + text[year.end():]
        else:
            text = now.group() + text
        rest = rest[now.end():]
    return text, rest
