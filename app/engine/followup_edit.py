"""How a follow-up's previous question is edited into its standalone one (app/engine/followup.py decides which
edit a turn asks for): a year, a place, a town, a total, a part or the thing counted swapped; a kind of figure put
before its verb; the previous scope and programmes inherited by a question naming none.
"""
from __future__ import annotations

import re
from dataclasses import replace

from . import scope
from .cross_period import asks_plan
from .gazetteer import written
from . import localities
from .localities import schools
from .numbers import UNITS
from .periods import YEAR_WORD
from .question import is_english

# When-words around a year ("那截至2013年呢?"): the year is swapped, they are no thing counted.
YEAR_WORDS = re.compile(r"(?:截至|截止|到|至|在|于)?\s*(?:(?:19|20)\d{2}\s*年?(?:底|初|末|度|以来)?|同年|当年|该年)|"
                         r"\b(?:in|the same year|same year)\b", re.I)
# A programme's own name: not "少名西部计划" out of "多少名西部计划志愿者"; the league's programmes named without
# 计划/工程, and its foundation (青基会): what a follow-up asks of stays theirs.
PROGRAMME = re.compile(r"“[^”]{1,20}”|《[^》]{1,30}》|[^\W\d多少几个名人的了是在有和与及为其中没未完度a-zA-Z]{2,4}?(?:计划|工程|行动)|"
                        r"(?:暑期)?(?:“)?三下乡(?:”)?|青年大学习|青创贷|12355(?:青少年服务台|热线)?|青年之家|希望小屋|"
                        r"七彩假期|童心港湾|创青春|青基会|青少年发展基金会|(?:青年)?创业(?:担保)?贷款|青年夜校")
LEVEL = re.compile(r"全国|国家级|省级|全省|市级|全市|县级|区级|校级")  # "省级的呢?" after a 全国 question
PART = re.compile(r"其中(?P<part>[^多少几有占是为,,??]+)")  # "其中女性多少?": 女性, swapped by "党员呢?"
MEASURE = "|".join(u for u in UNITS if re.fullmatch(r"[\u4e00-\u9fff]+", u))  # numbers.py's: 件 is a unit, not a thing
SUBJECT = re.compile(rf"(?P<ask>多少|几)(?P<unit>[万亿]?(?:{MEASURE})?+)(?P<subject>“[^”]{{1,12}}”|[\u4e00-\u9fff]{{1,8}})")
# What kind of figure, not what is counted: "连云港累计呢?" keeps 青创贷 and asks its running total.
KIND_WORDS = ("累计", "总计", "一共", "新增", "当年", "全年")
KIND = re.compile("|".join(KIND_WORDS + ("计划", "目标")))
KIND_SWAPPED = re.compile("|".join(KIND_WORDS))  # what a new kind replaces; 计划 stays: 西部计划 is a name
ASK_BEFORE = re.compile(r"(?P<ask>(?:多少|几)[个名人所家位]?)(?![个名人所家位])[\u4e00-\u9fff]{1,3}$")  # the noun the phrase ends began here
NOT_NOUN = re.compile(r"[了的是在有和与及为多少几个名]")  # a parallel phrase is a noun phrase: none of these
# The whole of the place asked before: "全市合计呢?" after a county's figure.
# The parts a report lists and a question totals or ranks ("6个乡镇合计", "各县区"; 镇 and 乡 alone in a total only).
PARTS = r"县市区|县市|县区|区县|乡镇|镇街|街镇|街道|学院"
TOTAL = re.compile(r"(?:全[市县区省州盟]|全校)?(?:合计|总计|汇总|总数|总量)|(?:全[市县区省州盟]|全校)(?:一共|总共|共计)?|"
                    r"(?:全[市州])?(?:(?:\d+|[一二三四五六七八九十]+)个|各)?县(?:[((]市、区[))]|(?:\(?市\)?)?区)"
                    r"(?:加起来|合计|一共|总计)?|加起来|"
                    rf"(?:(?:\d+|[一二三四五六七八九十两]+)个|各|以上|上述)?(?:{PARTS}|镇|乡)"
                    r"(?:合计|总计|加起来|一共)")
_LISTED_PARTS = re.compile(r"(?:县市|县区|区县|乡镇|镇街|街镇|镇|乡|街道|学院)(?:合计|总计|加起来|一共)$")
# Where a question's whole ends and a part or a figure of it was appended ("…多少,其中女性有多少?", "…,同比增长多少?"):
# a turn that asks another part or a target replaces what was appended, it does not pile up after it.
_CHANGE = r"同比|[比较](?:上年|去年|前一年|年初|上半年|\d{2,4}年)|环比|增长|增加|下降|减少|增幅|降幅|占比|比例|比重"  # of the figure asked
WHOLE = re.compile(rf"[,,](?:其中|{_CHANGE}|计划|目标|完成率|完成进度)|(?<=[\u4e00-\u9fff])(?=完成率是多少)")
FIGURE_PART = re.compile(rf"[,,](?:{_CHANGE})")  # a change of the figure asked appended, without a part or a target
_ZONE_WORDS = re.compile("|".join(localities.ZONES))  # "七台河通报里经开区…": the zone carries, wherever it stands
# A rank over parts ("哪个学院最多?" after a college's figure): over all of them, none carried.
RANKED_PARTS = re.compile(r"哪(?:个|一个|些|几个)?[\u4e00-\u9fff]{0,2}?(?P<part>县市区|县区|区县|乡镇|镇街|学院|学部|县|区|镇|乡|街道)")
# The whole of the place or school, none of its towns or colleges: 全县, 8个学院…合计, 各县区.
WHOLE_PLACE = re.compile(r"全[市县区省州盟旗校]|(?:[\d一二三四五六七八九十]+个|各)(?:县区|县|区|镇|乡镇|学院)")
NOW_WORDS = re.compile(r"去年|今年|本年|上年|前年|明年")  # a year said relative to the report, which a year replaces
# The verbs a league figure is asked with, longest first: a kind word goes before them ("青创贷累计发了多少?").
VERB_END = re.compile(r"(?:新发展|发展|发放|新建|建成|募集|筹集|资助|帮助|招募|注册|服务|培训|受理|接听|开展|举办|组织|"
                       r"表彰|派出|惠及|扶持|贷给|放贷|发|放|建|筹|募|招|接|派|评|有|是|为)$")
TOWN = re.compile(localities.TOWN)  # below the gazetteer's counties: 陈淋子镇, 段集镇
HALF = re.compile(r"[上下]半年|前三季度|[一二三四]季度")
AS_OF = re.compile(r"(?:截至|截止|到)\s*(?:1[0-2]|[1-9])\s*月(?:底|末)?")  # a bulletin's "截至3月底"
# "同一时间的注册志愿者有多少?": as of the previous question's time (not 上年同期, a comparison)
SAME_TIME = re.compile(r"(?:在|于)?(?:同一时间|同一时期|同一时点|同一时段|同时期|(?<![上去]年)同期)的?")
_HALF_TOWN = re.compile(rf"(?:{HALF.pattern})?(?P<town>{TOWN.pattern})")
SPAN = re.compile(r"(?:19|20)\d{2}\s*[—\-–~至到]\s*(?:19|20)\d{2}\s*(?:学年|年度|年)")
MEASURED = re.compile(r"(?:时长|时数|金额|资金|总额|经费)$")  # a figure of its own unit, not a thing counted
MEASURED_IN = re.compile(MEASURED.pattern.removesuffix("$"))
STOCK = re.compile(r"(?:总数|总量|总额|人数|数量)$")
CATEGORY = re.compile(r"(?:类|方面|领域|型)$")


def swap_year(text: str, year: int) -> str:
    old = scope.of_text(text).years
    if not old and (said := NOW_WORDS.search(text)) and not is_english(text):  # "汉中12355去年接了…" + 2023
        return f"{year}年" + text[:said.start()] + text[said.end():]
    if not old:
        return f"In {year}, {text}" if is_english(text) else f"{year}年{text}"
    return re.sub(rf"(?<!\d){old[0]}(?!\d)", str(year), text)


def swap_place(text: str, place: str, new: scope.Place | None = None) -> str:
    """The previous place of the new one's level is replaced ("绵阳江油市" + 三台县 -> "绵阳三台县"), else the first."""
    mentions = scope.of_text(text).mentions
    if not mentions and (all_of := _WHOLE_OF.search(text)):  # "全市24年新发展团员多少" + 凤翔区: the district's
        return text[:all_of.start()] + place + text[all_of.end():]
    if not mentions:
        return f"{place} {text}" if is_english(text) else f"{place}{text}"
    same = [m for m in mentions if new is not None and m.place.level == new.level]
    first = (same or mentions)[0]
    for m in sorted((m for m in mentions if m.place == first.place), key=lambda m: -m.start):
        end = m.start + len(place_phrase(text, m))
        if new is not None and new.level > m.place.level and (all_of := _WHOLE_OF.match(text, end)):
            end = all_of.end()  # "林芝全市注册志愿者…" + 波密县: the county's, not 全市
        text = text[:m.start] + place + text[end:]
    return text


_WHOLE_OF = re.compile(r"全[市州省盟](?![\u4e00-\u9fff]?(?:委|直|级))")


def qualify(previous: str, kind: str) -> str:
    """The previous question's figure of another kind: the word goes before its verb ("青创贷发放了多少?" + 累计 ->
    "青创贷累计发放了多少?"), replacing the kind it named."""
    text = KIND_SWAPPED.sub("", previous)
    if kind in ("计划", "目标"):  # a target is set for the whole, not the part narrowed to ("其中非学生领域")
        text = whole(text) + "?"
    ask = re.search(r"了?(?:多少|几)", text)
    if not ask or is_english(text):
        return previous
    verb = verb_before(text[:ask.start()])
    return text[:ask.start() - verb] + kind + text[ask.start() - verb:]


def verb_before(text: str) -> int:
    """The length of the verb the text ends with (青创贷发 -> 1, 新建 -> 2, 注册青年志愿者 -> 0): taking the last
    two characters for the verb had put 累计 inside 青创贷 ("青创累计贷发了")."""
    verb = VERB_END.search(text)
    return len(verb.group()) if verb else 0


def whole(question: str) -> str:
    """A question without the part it narrowed to and its question mark: "…资助了多少学生,其中圆梦行动有多少?" ->
    "…资助了多少学生"."""
    return WHOLE.split(question)[0].rstrip("??")


def only_scope(text: str) -> bool:
    """The text is nothing but places and years ("宁阳县", "2024年叶县")."""
    found = scope.of_text(text)
    rest = YEAR_WORDS.sub("", text)
    for m in sorted(found.mentions, key=lambda m: -m.start):
        phrase = place_phrase(text, m)
        rest = rest.replace(phrase, "")
    return bool(found.mentions or found.years) and not rest.strip()


def total(previous: str, words: str) -> str:
    """The previous question about its whole place: the lowest place named gives way to "全市合计"."""
    colleges = [s for s in schools(previous) if s[2].endswith(("学院", "学部", "书院"))]
    if colleges and words.startswith("全校"):  # "全校合计呢?" after a college's figure: the school's
        start, end, _ = colleges[-1]
        return previous[:start] + words + previous[end:]
    mentions = scope.of_text(previous).mentions
    if len(mentions) < 2 and (_LISTED_PARTS.search(words) or without_towns(previous) != previous):
        # "6个乡镇合计呢?" after the county's (or a town's) figure; "全县一共多少?" after a town's: the county's
        return _inserted(without_towns(previous), words)
    if len(mentions) < 2:
        return f"{previous.rstrip('??')},{words}是多少?"
    low = max(mentions, key=lambda m: (m.place.level, m.start))
    return previous[:low.start] + words + previous[low.start + len(place_phrase(previous, low)):]


def without_towns(text: str) -> str:
    """The text without the towns and zones named after its places: "明年全县计划…" asks the county's target."""
    for m in sorted(scope.of_text(text).mentions, key=lambda m: -m.start):
        if after := scope.LOCALITY_AFTER.match(text, m.end):
            text = text[:after.start()] + text[after.end():]
    return text


def zone(previous: str, name: str) -> str:
    """The previous question about a zone of its city (经开区, 高新区): in place of the county it named, else after
    the city; a town named after the place goes (a zone is no part of a town)."""
    previous = without_towns(previous)
    mentions = scope.of_text(previous).mentions
    if not mentions:
        return f"{name}{previous}"
    low = max(mentions, key=lambda m: (m.place.level, m.start))
    # a city's district is the zone's sibling ("香洲区…" then "高新区呢?"); a county may have a zone of its own
    if low.place.level >= 2 and (len(mentions) > 1 or low.place.name.endswith("区")):
        return previous[:low.start] + name + previous[low.start + len(place_phrase(previous, low)):]
    at = mentions[0].start + len(place_phrase(previous, mentions[0]))
    return previous[:at] + name + previous[at:]


def town(previous: str, name: str) -> str:
    """The previous question about a town of its county: it follows the county's name, replacing a town there."""
    if narrowed := re.search(rf"其中({TOWN.pattern})", previous):  # "…,其中松城街道多少?" + 长春镇: that town instead
        return previous[:narrowed.start(1)] + name + previous[narrowed.end(1):]
    mentions = scope.of_text(previous).mentions
    if not mentions:
        return f"{name}{previous}"
    low = max(mentions, key=lambda m: (m.place.level, m.start))
    at = low.start + len(place_phrase(previous, low))
    old = _HALF_TOWN.match(previous, at)  # "东莞上半年虎门镇": the town after the half year
    if old and old.group("town"):
        return previous[:old.start("town")] + name + previous[old.end("town"):]
    if old := TOWN.search(_masked(previous, mentions), at):  # "三江希望工程独峒镇…": after the programme
        return previous[:old.start()] + name + previous[old.end():]
    return previous[:at] + name + previous[at:]


def _masked(text: str, mentions) -> str:
    """The text with its years, places and programmes blanked: what stands between them is a town's whole name."""
    spans = [m.span() for m in YEAR_WORD.finditer(text)]
    spans += [(m.start, m.start + len(place_phrase(text, m))) for m in mentions]
    spans += [m.span() for m in PROGRAMME.finditer(text)]
    chars = list(text)
    for a, b in spans:
        chars[a:b] = " " * (b - a)
    return "".join(chars)


def narrow(previous: str, part: str) -> str:
    """The previous question about a part of its place: "2023年赣州注册了多少青年志愿者?" + 章贡区 -> "2023年赣州
    章贡区注册了多少青年志愿者?"."""
    mentions = scope.of_text(previous).mentions
    if not mentions:
        return f"{part}{previous}"
    at = mentions[0].start + len(place_phrase(previous, mentions[0]))
    return previous[:at] + part + previous[at:]


THIS_YEAR = re.compile(r"今年|本年度?")
_WHOLE_LEVEL = {"省": 0, "市": 1, "州": 1, "盟": 1}


def outside_whole(previous: str, question: str) -> str:
    """The previous question without the places inside the whole a question naming none asks of: "全市2025年计划发多少?"
    after 汇川区's figure is the city's, not 汇川's. A county-level city is its own 全市 (仁怀市's report says so)."""
    wide = re.search(r"全([省市州盟])", question)
    if not wide or scope.of_text(question).mentions:
        return previous
    level = _WHOLE_LEVEL[wide.group(1)]
    at = -1
    for m in reversed(scope.of_text(previous).mentions):
        phrase = place_phrase(previous, m)
        if m.institution or m.place.level <= level or (wide.group(1) == "市" and m.place.name.endswith("市")):
            continue
        previous, at = previous[:m.start] + previous[m.start + len(phrase):], m.start
    if at >= 0 and not _WHOLE_OF.search(previous):  # the district had taken 全市's place ("汇川2024年青创贷…")
        previous = previous[:at] + wide.group() + previous[at:]
    return previous


def place_phrase(text: str, m: scope.Mention) -> str:
    """A place as named, with the institution it is part of: 桂林理工大学, not 桂林; with the ending a short name
    takes where the gazetteer knows another (罗江区, now a district, is its 罗江县)."""
    if m.institution:
        return text[m.start:m.end + scope.institution(text[m.end:])]
    renamed = m.surface == m.place.short and text[m.end:m.end + 1] in ("区", "县", "市", "旗")
    return text[m.start:m.end + renamed]


def swap_subject(previous: str, focus: str) -> str:
    """'铜川为十四运招募培训了多少名赛会志愿者?' + '城市志愿者' -> '…多少名城市志愿者?': the part a narrowed question
    named (其中女性 -> 其中党员); a level for a level (全国 -> 省级); the phrase ending like the focus (市级/省级,
    心理咨询/法律咨询), from the ask word when it begins the phrase (多少少先队员 -> 多少辅导员); else the thing counted."""
    part = PART.search(previous)
    if part and TOWN.fullmatch(part["part"]) and not TOWN.fullmatch(focus):  # "注册志愿者呢?" after "…,其中松城街道
        return inherit(f"{focus}是多少?", whole(previous), scope.of_text(focus))  # 多少?": the whole's, as after 龙凤区
    if part and not LEVEL.fullmatch(focus):  # "其中女性呢?" after 其中大学生: once 其中
        return previous[:part.start("part")] + focus.removeprefix("其中") + previous[part.end("part"):]
    if MEASURED.search(focus) and not MEASURED.search(previous) and not is_english(previous):
        return inherit(f"{focus}是多少?", previous, scope.of_text(focus))  # 时长 after a count: no 多少志愿服务时长
    if LEVEL.fullmatch(focus) and (level := LEVEL.search(previous)):
        return previous[:level.start()] + focus + previous[level.end():]
    named = _named_spans(previous)
    for k in range(len(focus) - 1, 0, -1):
        at = previous.find(focus[-k:])
        start = at + k - len(focus)
        window = previous[start:at + k] if at >= 0 and start >= 0 else ""
        if window and window != focus and re.fullmatch(r"[\u4e00-\u9fff]+", window) and not NOT_NOUN.search(window) \
                and not any(a < start < b or a < at + k < b for a, b in named):  # a name whole or not at all: not
            # 院男生 of 文理学院男生
            asked = ASK_BEFORE.search(previous[:start])
            start = asked.end("ask") if asked else start
            return previous[:start] + focus + previous[at + k:]
    if focus.endswith("率") and "率" not in previous and not is_english(previous):  # "留用率呢?" after a count:
        return inherit(f"{focus}是多少?", previous, scope.of_text(focus))    # another figure of the same scope
    if STOCK.search(focus) and not is_english(previous):  # "团员总数呢?" after "发展了多少团员?": a stock, not the flow
        return inherit(f"{focus}是多少?", previous, scope.of_text(focus))
    m = SUBJECT.search(previous)
    if m and _other_kind(m.group("subject"), focus) and not is_english(previous):
        # "青年之家呢?" after "金湾实际发展了多少团员?": a thing where people were counted, the verb theirs (发展)
        return inherit(f"{focus}是多少?", previous, scope.of_text(focus))
    if m:  # a measure word was the old thing's (多少次志愿服务 -> 多少累计服务时数), but for 个 (any thing) and 几
        unit = m.group("unit") if m.group("ask") == "几" or m.group("unit").endswith("个") else ""
        return previous[:m.end("ask")] + unit + focus + previous[m.end("subject"):]
    if is_english(previous) or CATEGORY.search(focus):  # "法律类的呢?": a kind of what was counted
        return f"{previous.rstrip('??')}{focus}?"
    # Nothing of the previous question to swap it for ("注册青年志愿者多少人?" + 志愿服务时长): another figure of the
    # same scope.
    return inherit(f"{focus}是多少?", previous, scope.of_text(focus))


def _named_spans(text: str) -> list[tuple[int, int]]:
    """Where the text names a place or a school: a phrase ending like a focus does not cut one."""
    spans = [(m.start, m.start + len(place_phrase(text, m))) for m in scope.of_text(text).mentions]
    return spans + [(start, end) for start, end, _ in schools(text)]


def _other_kind(old: str, new: str) -> bool:
    """What was counted and what is named count in units that share none (people and things: 团员, 青年之家)."""
    from .asked_units import THINGS, PEOPLE_NOUNS

    def kind(noun: str) -> str:
        thing, people = bool(THINGS.search(noun)), bool(PEOPLE_NOUNS.search(noun))
        return "thing" if thing and not people else "people" if people and not thing else ""

    was, now = kind(old), kind(new)
    return bool(was and now) and was != now


# A college named right after its university ("青海大学医学部有多少团员?"): no words of the question in it.
_COLLEGE_NAMED = re.compile(r"(?:(?![的了有多少几是在和与及各哪最其])[\u4e00-\u9fff]){1,8}?(?:学院|学部|书院)")


def colleges_after_school(text: str) -> list[str]:
    """The colleges named right after a university (医学部 of "青海大学医学部…")."""
    return [m.group() for *_, end, _ in [(0, *s) for s in schools(text)] if (m := _COLLEGE_NAMED.match(text, end))]


def inherit(question: str, previous: str, own: scope.Scope, of_whole: bool = False) -> str:
    """A full question that names no place: the previous places, years (unless it names its own) and
    programmes come first ("帮助了多少名学生?" -> "福建希望工程圆梦行动帮助了多少名学生?"). of_whole: a new thing after
    a narrowed one ("…,其中龙凤区有多少?" then "留用率多少?") is the whole place's; its programme stays (圆梦行动)."""
    # A question naming a programme of its own ("24年希望工程一共发了多少钱?" after 圆梦行动's) keeps none of the last's.
    # "建成多少个青年之家?": the thing counted, not a programme a new count is of (its 志愿服务时长 are the homes')
    measured = bool(MEASURED_IN.search(question))
    programmes = [p for p in dict.fromkeys(programmes_of(previous, scope.of_text(previous).mentions))
                  if p not in question and (measured or not _counted(p, previous))] \
        if not programmes_of(question, own.mentions) else []
    question = SAME_TIME.sub("", question)  # "同一时间的注册志愿者…": as of the time the last one asked (below)
    kept = whole(previous) if of_whole else previous
    before = scope.of_text(kept)
    before = replace(before, mentions=tuple(m for m in before.mentions if not localities.AWARD_AFTER.match(kept, m.end)))
    # A target's year ("明年计划发展多少?") is no scope for what was done: "助农直播搞了几场?" asks the report's year.
    planned = asks_plan(previous) and not asks_plan(question)
    # 今年 is the report's own year, not one a turn before named ("那今年计划开多少门?" after 去年's 2024)
    years = [] if own.years or planned or THIS_YEAR.search(question) else [str(y) for y in before.years]
    # A place by its short name (四川, not 四川省: the reports' own wording) unless that reads as another place or
    # as a word (海南州, not 海南, the province; 互助县, not 互助), an institution in full; a school
    # whose name holds no place ("长江大学") as well.
    named = [place_phrase(previous, m) if m.institution else written(m.place) for m in before.mentions]
    whole_place = WHOLE_PLACE.search(question)
    of_place = bool(whole_place) and whole_place.group().startswith("全") and whole_place.group() != "全校"  # not 8个学院
    if whole_place:  # "全州比上年增长了多少?" after 共和县's figure: the prefecture's, not the county's inside it
        named = [written(m.place) if m.institution and of_place else n  # 全市 after 泉州师范学院: 泉州's
                 for n, m in zip(named, before.mentions)
                 if m.institution or not any(m.place.within(o.place) for o in before.mentions)]
    ranked = RANKED_PARTS.search(question)
    if ranked and ranked["part"] in ("县市区", "县区", "区县", "县", "区") and \
            any(m.place.level < 2 for m in before.mentions):  # over the city's counties, none of them
        named = [n for n, m in zip(named, before.mentions) if m.place.level < 2 or m.institution]
    # 全市/全县 asks the place's whole, no school of it; 全校 the school's, none of its colleges
    named = [s for _, _, s in schools(kept) if s not in question and not any(s in n for n in named)
             and not ((whole_place or ranked) and s.endswith(("学院", "学部", "书院")))
             and not of_place] + named
    unhalved = HALF.sub("", kept)  # "东莞上半年虎门镇": the town after its city
    mentions = before.mentions if unhalved == kept else scope.of_text(unhalved).mentions
    if not (whole_place or (ranked and ranked["part"] not in ("学院", "学部"))):  # "全县一共多少…": the county's
        named += [t for t in scope.localities(unhalved, mentions) if not _town_named(t, question)]
        named += _towns_asked_of(unhalved, question, named)
    named += [z for z in _ZONE_WORDS.findall(kept) if z not in question and not any(z in n for n in named)]
    if not (whole_place or ranked) and not _COLLEGE_NAMED.search(question):  # "志愿服务时长呢?" after 青海大学医学部's
        named += [c for c in colleges_after_school(kept) if c not in named]
    named = sorted(named, key=lambda p: (kept.find(p) < 0, kept.find(p)))  # as the question had them: school, college
    places = [p for p in dict.fromkeys(named) if not any(p in x for x in programmes)]  # “湖南希望工程…行动” names its own place
    # 上半年, 截至3月底 stay with the year they divide, unless the question names its own time of year (全年, 一季度)
    # (a target is set for the year: "明年全区发展目标多少?" after a quarter's figure keeps no quarter)
    half = (HALF.search(kept) or AS_OF.search(kept)) \
        if not (HALF.search(question) or AS_OF.search(question) or WHEN.search(question) or asks_plan(question)) else None
    if is_english(previous):
        return " ".join(years + places + [question])
    span = SPAN.search(kept) if years else None  # "2023—2024学年" stays a school year, not 2023
    return glued([span.group()] if span else [f"{y}年" for y in years], places, programmes,
                  [half.group()] if half else [], [question])


def _towns_asked_of(text: str, question: str, named: list[str]) -> list[str]:
    """Towns the previous question asked of, wherever they stand ("万州重点街镇表里,高笋塘街道2024年…"), not one a 其中
    narrowed to: a new thing asked after a part is the whole's."""
    from .value_context import towns

    return [t for t in towns(text) if not _town_named(t, question) and not any(t in n or n in t for n in named)
            and not text[:text.find(t)].endswith("其中")]


_TOWN_SUFFIX = re.compile(rf"(?:{localities.TOWN_END})$")


def _town_named(town: str, question: str) -> bool:
    """The question names the previous town (满堂 for 满堂街道) or a town of its own, which takes its place
    ("灵泉街道注册志愿者多少?" after 珠泉街道's secretary)."""
    from .value_context import towns

    stem = _TOWN_SUFFIX.sub("", town)
    return town in question or (len(stem) >= 2 and stem in question) or bool(towns(question))


def glued(*parts: list[str]) -> str:
    """The pieces in order, a space between two figures that would run together ("大理12355" and "2023年…")."""
    out = ""
    for piece in (p for group in parts for p in group if p):
        out += " " + piece if out[-1:].isdigit() and piece[0].isdigit() else piece
    return out


def _counted(programme: str, question: str) -> bool:
    """The programme is what the question counts: "建成多少个青年之家?", "西乡塘区的青年之家有几个?"."""
    counted = SUBJECT.search(question)
    return bool(counted and counted["subject"].startswith(programme)) or \
        bool(re.search(re.escape(programme) + r"”?的?(?:(?:数量|总数)(?:有|是|为)?(?:多少|几)|(?:有|是|共有|一共有)?"
                                               r"(?:多少|几)[个家所处])", question))  # counted, not 青创贷多少 (money)


def programmes_of(text: str, mentions) -> list[str]:
    """The programmes a question names, none starting inside a place's name (富平县希望工程: not "平县希望工程") or
    a school's."""
    spans = [(m.start + 1, m.start + len(place_phrase(text, m))) for m in mentions]
    spans += [(start, end) for start, end, _ in schools(text)]  # 计算机工程学院 holds no programme 计算机工程
    text = re.sub(r"(?:19|20)\d{2}\s*年?", lambda m: " " * len(m.group()), text)
    found, at = [], 0
    while (m := PROGRAMME.search(text, at)):
        inside = next((end for start, end in spans if start <= m.start() < end), None)
        if inside is None:
            found.append(m.group())
        at = inside if inside is not None else m.end()
    return found


# A time of the year a figure is as of: "截至7月", "一季度", "上半年", "全年", "年底" (a bulletin's issues, a mid-year report).
_PART_OF_YEAR = rf"(?:\d{{1,2}}月(?:\d{{1,2}}日)?(?:底|末|份)?|第[一二三四1-4]季度|[1-4]季度|{HALF.pattern}|全年|年底|年末|年初)"
WHEN = re.compile(rf"(?:截至|截止|到)?{_PART_OF_YEAR}")
_WHEN_IN = re.compile(rf"(?:截至|截止|到)?(?P<year>(?:19|20)\d{{2}}(?=年[底末])|[今去明本](?=年[底末])|{YEAR_WORD.pattern})?"
                      rf"{_PART_OF_YEAR}")


def swap_when(text: str, when: str) -> str:
    """The previous question as of another time of its year: "克拉玛依2023年一季度新发展团员多少名?" + 截至7月 ->
    "克拉玛依2023年截至7月新发展团员多少名?"; a year written inside the old phrase (截至2023年7月) is kept."""
    old = _WHEN_IN.search(text)
    if old is None:
        return _inserted(text, when)
    year = old["year"] or ""
    year += "年" * bool(year and not year.endswith("年"))  # "截至2024年底": the year before its 年底
    return text[:old.start()] + (year + when if year and not re.match(r"(?:截至|截止|到)", when) else
                                 re.sub(r"^(截至|截止|到)", rf"\g<1>{year}", when) if year else when) + text[old.end():]


def _inserted(text: str, words: str) -> str:
    """The words after the question's place and year ("库车市2024年" + 6个乡镇合计 + "新发展团员多少名?")."""
    years = list(YEAR_WORD.finditer(text))
    mentions = scope.of_text(text).mentions
    at = max([y.end() for y in years[-1:]] + [m.start + len(place_phrase(text, m)) for m in mentions[:1]] + [0])
    return text[:at] + words + text[at:]


def scope_words(text: str) -> str:
    """The question's places and years as it writes them, in order: "2023年阿克苏市" of "2023年阿克苏市新发展了…"."""
    spans = [(y.start(), y.group()) for y in YEAR_WORD.finditer(text)]
    spans += [(m.start, place_phrase(text, m)) for m in scope.of_text(text).mentions
              if not localities.AWARD_AFTER.match(text, m.end)]  # 宁夏青年五四奖章's 宁夏 is the award's
    return "".join(words for _, words in sorted(spans))

