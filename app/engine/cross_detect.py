"""Which cross-report question a text asks (app/engine/cross.py answers it), read from cues of the question's form
rather than from fixed phrasings: the places it names, a which-word (哪/谁/还是), a comparative (多/少/高/大/长...),
a superlative (最多/排第一), a distributive (各/分别/列一下), a sum (加起来/合计) or a change over years (历年/变化/
two years named). Crossdev's writer asked "哪边多", "多还是…多", "排第一", "最少的是哪个地方", "各接了多少",
"加一起", "这几年是怎么变化的": each is one of these cues, none a phrasing of its own.

Conservative where the single-report path answers: one place and 多少 stays there unless the question asks a change
over years; a which-word needs two places named (compare) or none (rank).
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from . import cross_english as english
from .cross_each import ASKS_NAME
from .cross_parts import within_year
from .localities import AWARD_AFTER, schools
from .table_rank import EXCEPT

_ADJ = "多少高低大小长短"
LESS = set("少低小短")
# "…哪年多?", "哪一年希望工程资助的学生多?": the winner is a year (the adjective may end the clause the year begins)
WHICH_YEAR = re.compile(rf"哪一?年(?:的)?(?:更|较|比较)?([{_ADJ}])|哪一?年[^,,??。]{{1,16}}?(?:更|较|比较)?([{_ADJ}])(?=[??,,。!]|$|呢|一些|一点)")
# A comparative after a which-word, "多" not the start of 多少 and "少" not its end; or "A多还是B多".
_WHICH = r"(?:哪|谁|还是)"
# A bare 大/小 is also in 大学/小学: an adjective counts after 更/较 or where the clause ends.
_CMP = rf"(?:更|较|比较)([{_ADJ}])|(?<![多更较])([{_ADJ}])(?=还是|[?,。!]|$|呢|一些|一点|得多)"
_COMPARE = re.compile(rf"{_WHICH}.{{0,25}}?(?:{_CMP})|(?<!多)([{_ADJ}])还是")
# An ordering asked: "从多到少怎么排", "排个序": the first is the winner, every figure listed in order.
_ORDER = re.compile(r"从([多高大少低小])到[多高大少低小]|排(?:个|一下)?序|怎么排|如何排")
_SUPER = re.compile(rf"最([{_ADJ}])|(?:排|排名|位居|居)(?:第一|首位|前列)|(?:排名|排序|排行)")
# "排第二的是哪个县", "第三多的", "排名第2": the place at that rank; "前三名是哪几个": the first places.
_NUMERALS = "一二三四五六七八九十"
_ORDINAL = re.compile(rf"(?:排名?|位居|居|列)第([{_NUMERALS}\d]{{1,2}})(?:位|名)?|第([{_NUMERALS}\d]{{1,2}})([{_ADJ}])")
_TOP = re.compile(rf"排名?前([{_NUMERALS}\d]{{1,2}})|前([{_NUMERALS}\d]{{1,2}})(?:名|位)")
_EACH = re.compile(r"各[个份]?(?:地|有|自|接|资助|派|建|是|为|开|参|[市县区省州])|分别|逐一|列一下|列出|列举|每个(?:地方|地区|城市)"
                   r"|各(?![级类项种])[\u4e00-\u9fff]{1,4}?了?(?:多少|几)")  # "绥化、安顺、黑河各募集了多少": any verb
_ALL_PLACES = re.compile(r"各地|各[市县区省州]|各个(?:地方|地区|城市)|每个(?:地方|地区|城市)|哪些地方|不同地方|各份?报告|列一下|列出")
_SUM = re.compile(r"一共|总共|合计|总计|共计|加起来|加一起|加在一起|相加|之和")
_YEARS_SUM = re.compile(r"[两三几]年[^,,。??]{0,8}?共(?!青团)")  # "2023、2024两年希望工程共募集多少" (not 共青团)
# A change over years: "每年…多少" is a rate and "下降了多少" one figure, both single-report questions; so is
# "历年累计资助多少" (the running total over the years).
# A bare 几年 counts years ("连续几年保持全省首位"); 这几年/两年 span them.
_CHANGE = re.compile(r"历年(?!累计|来|以来|共|总)|逐年|各年|(?<!哪)(?:[这近][两几]|两)年(?!来|以来|内|间)|历次|变化|趋势|走势|(?<!五四|春节|国庆|暑期|寒假|暑假|开学|假期|元旦|五一|七一|节日)前后|"
                     r"(?:怎么|怎样|如何)(?:一路)?(?:变|增长|增加|减少|下降)")
# Two years as the ends of one span a figure accumulated over ("自2006年实施以来共筹集", "从2016年开始到2020年总共"):
# one figure, not two; unless each year's is asked ("累计数量2023年、2024年分别是多少"). A sum of years named
# without a span word ("2023年和2024年一共", "2022到2024年…合计") is one place's figures added up.
_SPAN = re.compile(r"累计|以来|开始")
# …哪年多; "镇江青创贷款发放额2023到2024年": a span of years after what is counted asks its figures over them
_HOW_MANY = re.compile(r"多少|几|数|变|增长|增加|减少|下降|(?:19|20)\d{2}\s*年?\s*[到至~]\s*(?:19|20)\d{2}\s*年?\s*[??]?$|"
                       + WHICH_YEAR.pattern)
# "哪些报告提到了12355" / "哪些地方开展了…" / "…在哪些报告里出现过": reports or places that say something, no figure.
# A which-word or a distributive over the counties of the one place named: "九江哪个县…最多", "九江各县区…最少".
# "新华、卫东、湛河三个中心城区一共…": parts counted as parts of one place, whose report states their sum.
_N_PARTS = re.compile(r"[两三四五六七八九十\d]+个\w{0,2}?(?:城区|县区|县市区|县市|市辖区|县|区)")
_NORM = re.compile(r"要求|应当|必须|不低于|不少于")
_INNER_PARTS = re.compile(r"哪(?:个|些|一|几个?)?(?:乡镇|镇|乡|街道|学院|院系|团支部|支部)")  # no report is a town's or a college's
# which day, post, station, group: one report's rows or items, none a place (黄山风景区's 岗位点, a holiday's days);
# an English question's are cross_english._INNER (detect reads English questions there, never here)
_INNER_ITEMS = re.compile(r"哪(?:个|一|两个|几个?)?(?:天|日|岗位点?|点位|驿站|站点|服务点|项目|队伍?|组|群体|类|批|期)")
# "乳源哪个镇…最多", "东莞试点镇街中…最多的是哪个", "华南农业大学哪个学院…最多": the towns or colleges of the one
# place or university named, which its report's rows give (ingest/facts.py reads them as the facts' places).
# Written as keywords, the part ends the question: "海东新发展团员最少的县", "青大新发展团员第二多的学院".
_PART_LAST = r"的(?:是)?(?:哪个)?{}(?:是哪一?个?)?[??]?$"  # …最少的学院是哪个?
_LOCAL_PARTS = re.compile(r"哪(?:个|些|一|几个?)?(?:乡镇|镇街|镇|乡|街道|学院|院系)|镇街|"
                          + _PART_LAST.format("(?:乡镇|镇|乡|街道|学院|院系)"))
_PARTS = re.compile(r"哪(?:个|些|一|几个?)?(?:县|区)|各县|各区|区县|县区|县市区|县市|县\(市、区\)|"
                    + _PART_LAST.format("(?:县|区|县区|县市|县市区)"))
_RATE = re.compile(r"百分之几|百分之多少|(?:多少|几)个?百分点|增长率|增幅|降幅|增长了?多少%|(?:增长|增加|下降|减少)了?几成")
_VERSUS = re.compile(r"比\s*(?:19|20)?\d{2}\s*年[^,,??。]{0,8}?(?:增长|增加|涨|多|少|减少|下降|提高|降低)了?(?:多少|几)")
_PRONOUN = re.compile(r"[他她它其该]")
_WHICH_PERIOD = re.compile(r"哪(?:个|一)?(?:季度|月份?)")
_TABLE_NAMED = re.compile(r"(?<![代发])表\s*\d+|附表")  # 表1, not 代表/发表
_ASKS_WHAT = re.compile(ASKS_NAME.pattern + "|什么")  # a name, or any thing named ("品牌项目分别是什么")
_SET = r"报告|文件|材料|文章|地方|地区|单位|城市|县|市"  # what a set of reports is called
_WHICH_SET = re.compile(rf"(?:哪些|哪几[份篇个家]?)(?:{_SET})")
# What makes "哪些地方…" ask which reports say something: the reports named as the set, or a verb of saying or
# doing; "团市委要对哪些地方进行专项督导?", "排前三的是哪几个地方?" ask a list or a rank of one report.
_SAYING = "提到|提及|涉及|讲到|说到|写到|谈到|出现|拿了|获得|开展|组织|搞"
# "哪些报告提到了四川青年五四奖章?": the reports asked for what they say, a place's name in it or not
_REPORTS_SAYING = re.compile(rf"(?:哪些|哪几[份篇个]?)(?:报告|文件|材料|文章)[里中上]?(?:都|也|曾)?(?:{_SAYING})")
_MENTIONS = re.compile(rf"(?:哪些|哪几[份篇个家]?)(?:报告|文件|材料|文章)|{_SAYING}|(?:都|也)有|有(?!多少)")
_THRESHOLD = re.compile(r"(?:超过|高于|低于|不足|大于|小于|不到)\s*\d|\d[\d.]*\s*[%％万]?[个名人]?(?:以上|以下)")
_MENTION_FORM = re.compile(rf"(?:哪些|哪几[份篇个家]?)(?:{_SET})(?:[或和、](?:{_SET}))?(?:的(?:报告|文件|材料))?"
                           r"(?:里|中|上)?|"
                           rf"(?:都|有|曾|也)?(?:{_SAYING}|有)(?:了|过)?|"
                           r"这块|方面|在|有|的|[“”\"「」‘’??,,。、:\s]")
# Words of the question's form, removed to leave what is counted ("注册青年志愿者").
_FORM = re.compile(r"的(?:是)?(?:哪个)?(?:乡镇|镇|乡|街道|学院|院系|县区|县市区|县市|县|区)(?:是哪一?个?)?(?=[??]?$)|哪[一几]?个?(?:乡镇|镇街|镇|乡|街道|学院|院系)|(?:试点)?镇街(?:之中|当中|中|里)?|从[多高大少低小]到[多高大少低小]排?|排(?:个|一下)?序|(?:怎么|如何)排|(?<!\d)\d{2}年|哪一?年|(?:有|是否)?(?:增长|增加|减少|下降)(?:了)?吗|[这近]?[两几]年|截[至止]|\d{1,2}\s*月(?:底|末|份|初)?|哪[一几]?[个家座边方]?(?:地方|地区|城市|县市区|县区|区县|县市|市|县|区|省|州|边|方)?|谁|还是|多少[个名所家位项支条人]?|几[个名所家位项支条]|"
                   rf"[\u4e00-\u9fff]{{1,2}}得(?=(?:更|较|最)?[{_ADJ}])|"  # "谁资助得多", "哪个建得最多": the verb's
                   rf"(?:更|较|最)[{_ADJ}]|(?<=\s)[{_ADJ}](?=还是|[??]|$)|[{_ADJ}](?=[??]?$)|排名?第一|排名|排序|排行|"
                   rf"(?:排名?|位居|居|列)?第[{_NUMERALS}\d]{{1,2}}(?:位|名|[{_ADJ}])?|(?:排名?)?前[{_NUMERALS}\d]{{1,2}}(?:名|位)?|"
                   r"(?:\d+个)?(?:县\(市、区\)|县市区|县区|县市)(?:之中|当中|中|里)?|"
                   r"相比|比较|对比|跟|比|各地|各[个份]?|分别|依次|逐一|列一下|列出|列举|每个(?:地方|地区|城市)|不同地方|报告|"
                   r"这些|里面|里|当中|之中|以来|一共|总共|合计|总计|共计|加起来|加一起|加在一起|相加|之和|[两三四五六七八九十几\d]+个?(?:地级市|城市|地方|地市|[市县区地])(?:之中|当中|中|里)?|两个|"
                   r"(?<=\s)(?:之中|当中|中|里)(?=[,,、\s])|"  # "鄂尔多斯、赤峰、通辽三市中," and "…四子王旗中,"
                   r"历年|逐年|各年|每年|这几年|近几年|历次|变化|趋势|走势|情况|怎么|怎样|如何|一路|前后|[两几各]份(?:总结|报告)?|"
                   r"是|的|了|和|与|及|以及|呢|吗|请问|有|为|到|从|啥|底|全年|年底|地级市|地级|地市|省份|区县|"
                   r"[“”\"「」‘’()()\[\]—\-+??,,。、:;;!!\s]")
# A year: followed by 年 or by the next of a list of years ("2017、2020、2023年", "2023、2024两年"), not "2000余名".
# The level of place a question compares: 0 province, 1 prefecture-level city, 2 county.
_LEVELS = ((re.compile(r"地级市|地级|地市|市州|\bwhich (?:city|cities|prefecture)", re.I), 1),
           (re.compile(r"哪(?:个|些|一)?省|省份|省级|省区|\bwhich provinces?\b", re.I), 0),
           (re.compile(r"哪(?:个|些|一)?[县区]|区县|县级|县区|\bwhich (?:district|count(?:y|ies))", re.I), 2))  # 哪个区: the districts, not their city
_YEAR = re.compile(r"(?<!\d)((?:19|20)\d{2})(?:\s*年|(?=\s*[、,,到至和与—\-~+]\s*(?:19|20)\d{2})|(?=[两三几]年)|"
                   r"(?<=[、,,到至和与—\-~+](?:19|20)\d{2})(?=\s*[))]))")  # the last of "(2023+2024)"
# "23年报告里给2024年定的目标", "按2023年工作报告的安排": that year names the report, not a year whose figure is asked.
# The year of a report a question names ("2023年全委会报告定的2024年…目标"): one report's, no second year of figures.
_REPORT_YEAR = re.compile(r"(?:19|20)\d{2}\s*年(?:度)?的?(?:[\u4e00-\u9fff]{0,4}?(?:全会|全委会|会议))?(?:工作)?"
                          r"(?:报告|总结|通报|材料|文件)")
# A year in brackets right after a place ("鄂尔多斯、绵阳(2023年)、永州") is that place's alone: the others are
# asked for their own (newest, largest) figure, not for a year their reports may only state in passing.
_PLACE_YEAR = re.compile(r"\s*[((]\s*((?:19|20)\d{2})\s*年?(?:底|末)?\s*[))]")
_YEAR_AFTER = re.compile(r"\s*((?:19|20)\d{2})\s*年(?:底|末|度)?")
# A span of a school year, its end year captured ("2024—2025学年").
_YEAR_SPAN = r"(?:19|20)\d{2}\s*[—\-–~至到]\s*((?:19|20)?\d{2})\s*"
# "东北林大2024—2025学年": a school year is its report's, dated by the year it ends in
_PLACE_SCHOOL_YEAR = re.compile(rf"\s*{_YEAR_SPAN}学年")


@dataclass(frozen=True)
class CrossQuestion:
    kind: str  # compare | rank | list | total | mention | trend | each (a name asked of each place) | periods
    indicator: str  # what is counted, or the term a mention question looks for
    places: tuple = ()  # app.engine.scope.Place, as named
    fewest: bool = False  # compare/rank: the least wins
    years: tuple = ()  # the years the question names: figures of those years are preferred
    levels: tuple = ()  # "地级市里面哪个…": only places of these levels (scope.Place.level) are compared
    place_years: tuple = ()  # (Place.key, year): a year written next to one place ("绵阳(2023年)"), its own
    nth: int = 1  # rank: the place at this rank is asked ("排第二的是哪个县")
    top: int = 0  # rank: the first places are asked ("前三名是哪几个县区")
    verbatim: bool = False  # mention: the term was quoted whole, so a report must say it as written


_PLAN_WORDS = re.compile(r"计划|完成|目标|实际")
_PRIOR_LISTED = re.compile(r"(?:上年|去年|上一年)(?=[、,,和与及]\s*((?:19|20)\d{2})\s*年)")


def detect(text: str, catalogue=None) -> CrossQuestion | None:
    """The cross-report reading of a question, or None to keep the single-report path."""
    if EXCEPT.search(text):  # "除了榆阳和神木,哪个县…最长": the rest of one report's table (table_rank), not a compare
        return None
    text = _PRIOR_LISTED.sub(lambda m: f"{int(m.group(1)) - 1}年", text)  # "上年、2024年和2025年": 2023, 2024, 2025
    text, mentions, places = place_mentions(text, catalogue)
    if english.is_english(text):
        return _english(text, places)
    if (not _unquoted(text, mentions) or _REPORTS_SAYING.search(text)) and _WHICH_SET.search(text) and not re.search(r"多少|(?<!哪)几[个名份]", text) \
            and not _PRONOUN.match(text) and _MENTIONS.search(text) and not _THRESHOLD.search(text):
        # not "她负责分管哪些县区?" (a follow-up about a person), nor "完成率超过80%的有哪些县区?" (a filter)
        term = _GLOSS.sub("", _MENTION_FORM.sub("", text))  # "防艾(预防艾滋病)宣传": the gloss says it again
        quoted = [m.group()[1:-1] for m in _QUOTED.finditer(text)]
        rest = term.replace(quoted[0], "", 1) if len(quoted) == 1 else term
        kind_after = len(quoted) == 1 and term.startswith(quoted[0]) and _DESCRIBED_KIND.fullmatch(rest)
        if len(quoted) == 1 and (_KIND_OF_NAME.fullmatch(rest) or kind_after or not _AWARD_FRAME.sub("", rest)):
            term = quoted[0]  # "“创青春”比赛": the name, which a report gives with its own kind word (大赛); an
            # honour whoever won it ("有集体获得“全国五四红旗团委”称号", "有人获评…"): as the reports name it
        return CrossQuestion("mention", term, verbatim=quoted == [term]) if len(term) >= 2 else None
    indicator = indicator_of(text, mentions)
    if not indicator or indicator == "其中":  # "其中哪个县最多?" counts nothing of its own: a follow-up's (followup.py)
        return None
    kind, fewest = _kind(text, places)
    if kind is None:
        return None
    if kind == "trend" and len(bare := _PLAN_WORDS.sub("", indicator)) >= 2:
        indicator = bare  # "上年、2024年和2025年计划依次": a year's figure each, the last a plan
    levels = tuple(level for pattern, level in _LEVELS if pattern.search(text)) if not places else ()
    own, rest = _place_years(text, mentions)
    return CrossQuestion(kind, indicator, places, fewest, tuple(sorted(int(y) for y in set(_YEAR.findall(rest)))),
                         levels, own, *(_rank_of(text) if kind == "rank" else (1, 0)))


_WHEN = re.compile(r"什么时[间候]|何时|哪[一]?天|几月几[日号]|几[日号]前")
_GLOSS = re.compile(r"\([^()]{1,12}\)")
# What a quoted name is, which reports write in their own words (“创青春”中国青年创新创业大赛)
_KIND_OF_NAME = re.compile(r"比赛|大赛|竞赛|赛事|活动|项目|工程|行动|品牌")
# a quoted name, then what kind of thing it is, described ("“石榴籽”民族团结交流活动": reports write "“石榴籽”青少年
# 交流营", "“石榴籽·青春同心”…交流活动"): the name is what they share
_DESCRIBED_KIND = re.compile(rf"[\u4e00-\u9fff]{{0,8}}?(?:{_KIND_OF_NAME.pattern})")
_AWARD_FRAME = re.compile(r"集体|个人|单位|团组织|获得|获评|荣获|被评为|被授予|荣誉称号|称号|荣誉|人|谁|了|过")


def _rank_of(text: str) -> tuple[int, int]:
    """(nth, top) of a rank question: (2, 0) for 排第二, (1, 3) for 前三名, (1, 0) for 最多."""
    if m := _ORDINAL.search(text):
        return _count(m.group(1) or m.group(2)), 0
    if m := _TOP.search(text):
        return 1, _count(m.group(1) or m.group(2))
    return 1, 0


def _count(numeral: str) -> int:
    if numeral.isdigit():
        return int(numeral)
    tens, _, ones = numeral.rpartition("十")
    if "十" not in numeral:
        return _NUMERALS.index(numeral) + 1
    return 10 * (_NUMERALS.index(tens) + 1 if tens else 1) + (_NUMERALS.index(ones) + 1 if ones else 0)


def parts_sum(text: str, catalogue=None) -> CrossQuestion | None:
    """"九江修水县和都昌县团员加起来有多少": a sum of parts of the place named first, which detect() leaves to that
    place's report (it may state the sum: "两县受助学生合计612名"). When that path finds none, the parts' own
    figures are added up (app/api.py)."""
    text, mentions, places = place_mentions(text, catalogue)
    if not _SUM.search(text):
        return None
    if _one_parent(places):  # "阿克苏市和库车市一共…": parts of a prefecture it does not name
        parts = places
    elif len(places) >= 3 and all(p.within(places[0]) for p in places[1:]):
        parts = places[1:]
    else:
        return None
    if "其中" in text:  # "…加起来有多少,其中外省籍有多少": a part of the sum is asked too, which no figure added gives
        return None
    indicator = indicator_of(text, mentions)
    return CrossQuestion("total", indicator, parts) if indicator else None


def _place_years(text: str, mentions) -> tuple[tuple, str]:
    """The years written in brackets (or a school year) right after a place, as (Place.key, year), and the text
    without them (whose years are every place's)."""
    own = []
    # "阿克苏地区2023年、库车市2024年、克拉玛依市2023年全年": each place its own year, when they differ
    direct = {m.start: y for m in mentions if (y := _YEAR_AFTER.match(text, m.end))}
    listed = len(direct) >= 2 and len({y.group(1) for y in direct.values()}) >= 2
    for m in sorted(mentions, key=lambda m: -m.start):
        after = _PLACE_YEAR.match(text, m.end) or _PLACE_SCHOOL_YEAR.match(text, m.end) or \
            (direct.get(m.start) if listed else None)
        if after:
            year = int(after.group(1))
            own.append((m.place.key, year + 2000 if year < 100 else year))
            text = text[:after.start()] + text[after.end():]
    return tuple(reversed(own)), text


def _english(text: str, places: tuple) -> CrossQuestion | None:
    term = None if places else english.mention_term(text)
    if term:
        return CrossQuestion("mention", term)
    kind, fewest = english.kind(text, places)
    what = english.indicator(text) if kind else ""
    for place in places:  # "Which college at 集美大学 …": the university named is no part of what is counted
        what = what.replace(place.name, "").replace(place.short, "") if len(what) > len(place.short) else what
    levels = tuple(level for pattern, level in _LEVELS if pattern.search(text)) if not places else ()
    return CrossQuestion(kind, what, places, fewest, english.years(text), levels) if what else None


_QUOTED = re.compile(r"[“\"「『][^”\"」』]{1,40}[”\"」』]")


def _unquoted(text: str, mentions) -> list:
    """The place mentions outside quotation marks: "哪些报告提到了“四川青年五四奖章”?" names an award, no place."""
    spans = [m.span() for m in _QUOTED.finditer(text)]
    return [x for x in mentions if not any(a <= x.start and x.end <= b for a, b in spans)]


# An award named after its place ("江西青年五四奖章", "聊城五四红旗团委").


def place_mentions(text: str, catalogue=None):
    """(text NFKC-normalised, its place mentions that are no institution, their places in order)."""
    from . import scope

    text = unicodedata.normalize("NFKC", text)
    mentions = [x for x in (scope.find(text, catalogue.asked_names, catalogue.known) if catalogue else scope.find(text))
                if not x.institution]
    # "吉安和抚州获得江西青年五四奖章的": a place naming an award given over the other places asked is the award's
    mentions = [x for x in mentions if not (AWARD_AFTER.match(text, x.end)
                                            and any(y.place.within(x.place) for y in mentions))]
    # A university compared or ranked with places ("江南大学录取的和固始县选派的谁多"): its reports' figures are its own.
    if _COMPARE.search(text) or _SUPER.search(text) or _ORDINAL.search(text) or english.ranks(text) or \
            (_EACH.search(text) and mentions):  # "银川、宁夏大学、同心…分别是多少": listed with places
        mentions += [scope.Mention(scope.school_place(name), name, a, b) for a, b, name in scope.schools(text)
                     if not any(x.start < b and a < x.end for x in mentions)]
    mentions.sort(key=lambda x: x.start)
    return text, mentions, tuple(dict.fromkeys(x.place for x in mentions))


# A change against the year before, which one report states ("上饶12355来电比上年是增加还是减少,变化多少").
# ...or against a year named, as keywords write it ("玉林 2024年新发展团员 较2020年 增长": its report states 29.0%).
_AGAINST_PRIOR = re.compile(r"[比较](?:上年|去年|上一年|前一年|上年度|上[个一]?(?:季度|月|学年|学期))|同比|环比|较\s*(?:19|20)\d{2}\s*年\s*(?:增长|增加|增幅|变化)")


# "喀什各县市指标表中,霍城县…是多少": one county's figure, asked of a table of the place's parts (whatever its county)
_AMONG = re.compile(r"各[\u4e00-\u9fff()（）、]{1,12}?(?:中|里)[,，\s]*(?=[\u4e00-\u9fff]{2,8}[县市区旗])")


def _one_parent(places: tuple) -> bool:
    """Two or more counties of one prefecture, which it does not name: its report may give their sum."""
    return len(places) >= 2 and all(p.level == 2 and p.code for p in places) and len({p.code[:4] for p in places}) == 1


def _kind(text: str, places: tuple) -> tuple[str | None, bool]:
    if _WHEN.search(text):
        return None, False  # "各县区2025年团员发展计划要在什么时间之前报送": a date its one report sets
    compare = _COMPARE.search(text)
    superlative = _SUPER.search(text) or _ORDINAL.search(text) or _TOP.search(text)
    which = re.search(_WHICH, text)
    # "柳州融水和三江两个县…加起来", "九江各县区…加起来": parts of the one place the question names first, whose
    # report states their sum itself.
    inside = any(q.within(places[0]) for q in places[1:])  # a later place lies within the first one named
    parts_of_one = (len(places) >= 3 and inside) or len(places) == 1 or bool(_N_PARTS.search(text)) \
        or _one_parent(places)  # "阿克苏市和库车市一共…": 阿克苏地区's report may state it ("两市合计2402名")
    # "…安康、大庆、浚县和长治各县区合计中哪个最少": a which-word over a superlative asks a winner; 合计 is a place's
    if _SUM.search(text) and (len(places) >= 2 or _ALL_PLACES.search(text)) and not parts_of_one \
            and not (superlative and which):
        return "total", False
    if len(places) == 2 and (inside or _AMONG.search(text)):  # "九江各县区中修水县的…": the county's own figure
        return None, False
    if inside and _ASKS_WHAT.search(text):
        return None, False  # "襄阳枣阳、宜城、老河口各自打造的品牌叫什么": names its one report lists
    if _RATE.search(text) or _VERSUS.search(text):
        return None, False  # "2023年比2022年增长了百分之几", "24年比23年涨了多少": a change its report states
    if len(places) >= 2 and _EACH.search(text) and ASKS_NAME.search(text) and not compare:
        return "each", False  # "洛阳、阜阳、海东的团市委书记分别是谁": no figure, each place asked apart
    if len(places) <= 1 and _EACH.search(text) and _HOW_MANY.search(text) and within_year(text):
        return None, False  # "北海…截至3月底和6月底分别是多少": times within a year, each asked apart (cross_parts)
    order = _ORDER.search(text)
    if len(places) >= 2 and (compare or (superlative and which) or order):
        return "compare", _less(compare or superlative or order) if not order or not order.group(1) \
            else order.group(1) in LESS
    if _WHICH_PERIOD.search(text) or (not places and _TABLE_NAMED.search(text) and not _PARTS.search(text)):
        # "哪个季度…最多?", "表1列出的8个街道中…最多的是哪个?": rows of one report's table (its 县区 are places the
        # facts rank: "表1里哪个县区最少?")
        return None, False
    # 哪个镇/学院, or any rank within a school ("集美大学学院团委考核排第三的是谁?"): one report's parts
    if not places and superlative and which and not _INNER_PARTS.search(text) and not _INNER_ITEMS.search(text) \
            and not schools(text):
        return "rank", _less(superlative)
    # "九江哪个县团员最多": over the place's parts; "发展团员最多的四个县区合计" asks a sum its report states.
    if len(places) == 1 and superlative and (_PARTS.search(text) or _LOCAL_PARTS.search(text)) and not _SUM.search(text):
        return "rank", _less(superlative)
    # with no place named, a list asks figures ("各地…分别资助了多少"), not names ("对哪些地方进行专项督导")
    if (len(places) >= 2 and _EACH.search(text)) or (not places and _ALL_PLACES.search(text) and _HOW_MANY.search(text)):
        if _NORM.search(text) and "分别" not in text:
            return None, False  # "2025年要求各县区参学率达到多少": one norm for every part, in one report
        return "list", False
    if len(places) == 1 and "分别" in text and _PARTS.search(text) and re.search(r"多少|几", text) \
            and not _SUM.search(text):
        return "list", False  # "湖州各县区2024年青创贷发放额分别是多少": each of the place's parts
    years = set(_YEAR.findall(_REPORT_YEAR.sub("", text)))
    if len(places) == 1 and (_CHANGE.search(text) or len(years) >= 2) and _HOW_MANY.search(text) and len(years) != 1 \
            and not _AGAINST_PRIOR.search(text):  # "比上年…变化多少": the change one report states
        if _SPAN.search(text) and not (_EACH.search(text) or _CHANGE.search(text) or len(years) >= 3):  # a span's two ends
            return None, False
        return ("total" if _SUM.search(text) or _YEARS_SUM.search(text) else "trend"), False
    return None, False


def _less(m: re.Match) -> bool:
    return next((g for g in m.groups() if g), "") in LESS


def indicator_of(text: str, mentions) -> str:
    """What a question counts: its text without the places named, years and question words."""
    for m in sorted(mentions, key=lambda m: -m.start):
        whole = _WHOLE_AFTER.match(text, m.end)  # "衡阳全市,哪个最少": the whole place, nothing counted
        text = text[:m.start] + " " + text[whole.end() if whole else m.end:]
    text = _YEAR.sub(" ", _SCHOOL_YEAR.sub(" ", text))
    return _FORM.sub("", text)


_WHOLE_AFTER = re.compile(r"全[市县省区州旗](?![\u4e00-\u9fff])")
# A school year is a period, no part of what is counted.
_SCHOOL_YEAR = re.compile(rf"{_YEAR_SPAN}(?:学年|年度)")


# Words people and reports use for one thing, folded to one before a question's indicator is compared with a
# fact's (cross.score): staff ask "筹了多少钱" where a report says "累计募集希望工程款物" or "筹集捐款和物资", and
# "青年志愿服务组织" where one says "登记志愿团体". The embedding already hears these as near; the character measures
# (difflib ratio, shared bigrams) did not, so a paraphrase fell below MATCH_MIN while a larger figure of another
# indicator in the same paragraph passed.
#
# Folded: verbs of raising money, nouns of money given, organisation nouns, verbs of sending people, platforms.
# Only words that name the same count in these reports; a verb of spending (资助, 发放) is not one of raising.
_FOLDS = (
    (re.compile(r"募集|筹集|筹措|筹得|募得|募捐|筹(?=了|钱|款)|接收(?=爱心)"), "筹集"),
    (re.compile(r"捐款和物资|款物|善款|捐款|(?<=[筹集])钱|资金(?=和物资)"), "款物"),
    (re.compile(r"团体"), "组织"),
    (re.compile(r"派遣|选派|派出"), "派出"),
    # Staff's 推优 is what reports spell out: "推荐优秀团员作为党的发展对象812名".
    (re.compile(r"推荐优秀团员(?:作为)?(?:党的发展对象|入党积极分子)?|优秀团员作为(?:党的发展对象|入党积极分子)|"
                r"推优(?:入党)?"), "推优"),
    # A quoted name and the platform that carries it count one thing: "“青年之家”综合服务平台236个" are 青年之家.
    (re.compile(r"“([^”]{2,8})”(?:综合)?服务平台"), r"\1"),
)


def fold(text: str) -> str:
    """The text with each word of a family replaced by the family's word."""
    for pattern, word in _FOLDS:
        text = pattern.sub(word, text)
    return text
