"""Follow-up questions made standalone: a follow-up inherits the conversation's scope and replaces only what
it names (app/engine/scope.py says what a scope is).

"那海南呢?" swaps the place, "那2021年呢?" the year, "那同年福州呢?" both, "城市志愿者呢?" the thing counted
(its parallel in the previous question: 赛会志愿者); "帮助了多少名学生?" keeps the place, year, programme and
report; "其中女性占多少?" narrows within that report; a question naming its own place starts over. Each turn is
made standalone from the one before, so the scope carries through a whole conversation. With a configured LLM
an elliptical follow-up is rewritten by the model, as before.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from . import scope
from .numbers import UNITS
from .question import is_english
from .retrieve import normalise_query

_MARKER = re.compile(r"^\s*(?:那么|那|还有|and|what about|how about)\s*|\s*(?:呢|怎么样)?\s*[??]?\s*$", re.I)
_ASKS = re.compile(r"多少|几|谁|哪|什么|如何|怎么|how|who|when|which|what", re.I)
# When-words around a year ("那截至2013年呢?"): the year is swapped, they are no thing counted.
_YEAR_WORDS = re.compile(r"(?:截至|截止|到|至|在|于)?\s*(?:(?:19|20)\d{2}\s*年?(?:底|初|末|度|以来)?|同年|当年|该年)|"
                         r"\b(?:in|the same year|same year)\b", re.I)
# A year told relative to the previous question's: "前一年呢?" after a 2023 question asks about 2022.
_RELATIVE = {"前一年": -1, "上一年": -1, "去年": -1, "上年": -1, "前年": -2, "次年": 1, "后一年": 1, "下一年": 1,
             "第二年": 1, "明年": 1, "来年": 1, "the year before": -1, "previous year": -1, "the year after": 1, "next year": 1}
_RELATIVE_WORDS = re.compile("|".join(sorted(map(re.escape, _RELATIVE), key=len, reverse=True)), re.I)
# "其中章贡区有多少?": a part of the place asked before, with nothing else of its own.
_NARROW = re.compile(r"^其中(?P<part>.+?)(?:的)?(?:有|是|为|占)?(?:多少|几)[万亿]?[个名人所家]?\s*[??]?$")
# A programme's own name: not "少名西部计划" out of "多少名西部计划志愿者".
_PROGRAMME = re.compile(r"“[^”]{1,20}”|《[^》]{1,30}》|[^\W\d多少几个名人的了是在有和与及为其中a-zA-Z]{2,4}?(?:计划|工程|行动)|"
                        r"(?:暑期)?(?:“)?三下乡(?:”)?|青年大学习|青创贷|12355(?:青少年服务台|热线)?|青年之家|希望小屋|"
                        r"七彩假期|童心港湾|创青春|青基会|青少年发展基金会")  # the league's programmes (named without
# 计划/工程) and its foundation: what a follow-up asks of stays theirs
_LEVEL = re.compile(r"全国|国家级|省级|全省|市级|全市|县级|区级|校级")  # "省级的呢?" after a 全国 question
_PART = re.compile(r"其中(?P<part>[^多少几有占是为,,??]+)")  # "其中女性多少?": 女性, swapped by "党员呢?"
_MEASURE = "|".join(u for u in UNITS if re.fullmatch(r"[\u4e00-\u9fff]+", u))  # numbers.py's: 件 is a unit, not a thing
_SUBJECT = re.compile(rf"(?P<ask>多少|几)(?P<unit>[万亿]?(?:{_MEASURE})?+)(?P<subject>“[^”]{{1,12}}”|[\u4e00-\u9fff]{{1,8}})")
# What kind of figure, not what is counted: "连云港累计呢?" keeps 青创贷 and asks its running total.
_KIND_WORDS = ("累计", "总计", "一共", "新增", "当年", "全年")
_KIND = re.compile("|".join(_KIND_WORDS + ("计划", "目标")))
_KIND_SWAPPED = re.compile("|".join(_KIND_WORDS))  # what a new kind replaces; 计划 stays: 西部计划 is a name
_ASK_BEFORE = re.compile(r"(?P<ask>(?:多少|几)[个名人所家位]?)(?![个名人所家位])[\u4e00-\u9fff]{1,3}$")  # the noun the phrase ends began here
_NOT_NOUN = re.compile(r"[了的是在有和与及为多少几个名]")  # a parallel phrase is a noun phrase: none of these
# A change or a share asked with nothing named: the previous question's figure's ("同比增长多少?", "占比多少?").
_OF_FIGURE = re.compile(r"^(?:那|那么)?(?:同比|比上年|较上年|环比)?(?:增长|增加|下降|减少|增幅|降幅|占比|比例|比重|占)了?"
                        r"(?:多少|几|百分之几)[%个]?(?:百分点)?\s*[??]?$")
# A place and the question word alone: "宁阳县是多少?".
_BARE_ASK = re.compile(r"^(?:那|那么)?(?P<focus>[^,,。??]{1,12}?)(?:的)?(?:是|有|为)?多少[??]?$")
# A rank asked ("…参学率最高的是哪个单位?"): a place named next asks that place's figure.
_RANKED = re.compile(r"^(?P<head>.+?)(?:最[高低多少大小]|排名?第[一二三四五六七八九十\d]+)的?(?:是)?哪(?:个|家|所|里|一个)"
                     r"[\u4e00-\u9fff]{0,4}[??]?$")
# The whole of the place asked before: "全市合计呢?" after a county's figure.
_TOTAL = re.compile(r"(?:全[市县区省州盟]|全校)?(?:合计|总计|汇总|总数|总量)|全[市县区省州盟]|"
                    r"(?:(?:\d+|[一二三四五六七八九十]+)个|各)?县(?:\(?市\)?)?区(?:加起来|合计|一共|总计)?|加起来")
# Where a question's whole ends and a part or a figure of it was appended ("…多少,其中女性有多少?", "…,同比增长多少?"):
# a turn that asks another part or a target replaces what was appended, it does not pile up after it.
_WHOLE = re.compile(r"[,,](?:其中|同比|比上年|较上年|环比|增长|增加|下降|减少|增幅|降幅|占比|比例|比重|计划|目标)")
# A kind of the figure just asked and nothing else ("当年新增了多少?"): the thing counted stays.
# The figure reached, after a target was asked ("那24年实际完成了多少?"): the thing counted, as done.
_ACTUAL = re.compile(r"^(?:那|那么)?(?P<when>[^,,??]{0,8}?)的?(?:实际(?:完成|达到|实现)?|总量|总数)了?(?:是|有|为)?"
                     r"(?:多少|几)[万亿]?(?:个|名|人)?[??]?$")  # and "那2021年的总量是多少?": the whole asked before
_NOW_WORDS = re.compile(r"去年|今年|本年|上年|前年")  # a year said relative to the report, which a year replaces
_KIND_ONLY = re.compile(r"^(?:那|那么)?(?:了|的)?(?:有|是|为)?(?:多少|几)[万亿]?(?:个|名|人)?[??]?$")
# The verbs a league figure is asked with, longest first: a kind word goes before them ("青创贷累计发了多少?").
_VERB_END = re.compile(r"(?:新发展|发展|发放|新建|建成|募集|筹集|资助|帮助|招募|注册|服务|培训|受理|接听|开展|举办|组织|"
                       r"表彰|派出|惠及|扶持|贷给|放贷|发|放|建|筹|募|招|接|派|评|有|是|为)$")
_TOWN = re.compile(r"[一-鿿]{1,5}?(?:镇|乡|街道)")  # below the gazetteer's counties: 陈淋子镇, 段集镇
# A target asked with no thing named, at most a verb ("明年计划多少?", "2025年计划资助多少?", "目标是多少?"): of the
# thing counted before, for the whole (a target is not set for the part narrowed to).
_TARGET = re.compile(rf"^(?:那|那么)?的?(?P<ask>(?:计划|目标)[\u4e00-\u9fff]{{0,2}}?(?:要|将)?(?:达到|增加到|突破)?(?:是|有|为)?"
                     rf"(?:多少|几)[万亿]?(?:{_MEASURE})?)[??]?$")
_STOCK = re.compile(r"(?:总数|总量|总额|人数|数量)$")
_CATEGORY = re.compile(r"(?:类|方面|领域|型)$")
_FOCUS_CHARS = 16  # an elliptical follow-up is short: "那同年桂林理工大学呢?" is 12
_TURN_CHARS = 1000  # an earlier turn is cut like a question (Settings.max_question_chars): history is untrusted


@dataclass(frozen=True)
class Turn:
    text: str  # the question, standalone
    quote: str = ""  # a sentence of the previous answer: its report answers a follow-up that names no scope


def condense(question: str, history: list, llm=None) -> str:
    """Return a standalone question. history: [(question, answer_text), ...] or chat messages."""
    return resolve(question, history, llm).text


def resolve(question: str, history: list, llm=None) -> Turn:
    standalone, answer = "", ""
    # Full-width punctuation and digits as the rules read them (那2020年呢?, not 那２０２０年呢？).
    for asked, said in _turns(history):  # each earlier turn made standalone from the one before it
        standalone, answer = _step(normalise_query(asked[:_TURN_CHARS]), standalone)[0][:_TURN_CHARS], said
    text, keeps_report = _step(normalise_query(question), standalone, llm)
    return Turn(text, _quote(answer) if keeps_report else "")


def _step(question: str, previous: str, llm=None) -> tuple[str, bool]:
    """(standalone question, whether it stays with the previous answer's report)."""
    if not previous or not question:
        return question, False
    own = scope.of_text(question)
    focus = _focus(question)
    if focus is not None and _OF_FIGURE.match(f"{focus}多少?"):  # "占比呢?": of the figure just asked
        return f"{previous.rstrip('??')},{focus}多少?", True
    if focus is None and (bare := _BARE_ASK.match(question)) and (_only_scope(bare["focus"]) or
                                                                  _TOTAL.fullmatch(bare["focus"])):
        focus = bare["focus"]  # "宁阳县是多少?", "全市合计是多少?": as elliptical as "宁阳县呢?"
    if focus is not None:
        if llm is not None:
            return llm.condense(question, previous), not own
        return _swap(previous, focus), not own
    part = _NARROW.match(question)
    if part and (own.mentions and own.mentions[0].start == 2 and _phrase(question, own.mentions[0]) == part["part"]):
        return _narrow(previous, part["part"]), True
    if question.startswith("其中") and not own.mentions:  # "其中女性多少?": a part of the count just asked
        return f"{_whole(previous)},{question}", True
    if own.mentions and not question.startswith("其中"):
        return question, False  # a question with its own place is a new question; 其中临汾 narrows
    if _OF_FIGURE.match(question):  # "同比增长多少?", "占比多少?": of the figure just asked, in its report
        return f"{previous.rstrip('??')},{question}", True
    relative, before = _RELATIVE_WORDS.search(question), scope.of_text(previous).years
    if relative and before and not own.years:  # "明年计划发展多少?" after a 2024 question asks about 2025
        year = before[0] + _RELATIVE[relative.group().lower()]
        question = question[:relative.start()] + f"{year}年" + question[relative.end():]
        own = scope.of_text(question)
    if target := _TARGET.match(_YEAR_WORDS.sub("", question).strip()):  # "明年计划多少?": the thing asked before
        text = _swap_year(previous, own.years[0]) if own.years else previous
        return f"{_whole(text)},{target['ask']}?", bool(relative) or not own.years
    if (actual := _ACTUAL.match(question)) and _only_scope(actual["when"] or "年"):
        text = _whole(previous) + "?"
        return (_swap_year(text, own.years[0]) if own.years else text), True
    kinds = _KIND_SWAPPED.findall(question)
    if kinds and not own.years and _KIND_ONLY.match(_KIND_SWAPPED.sub("", question)):
        return _qualify(previous, "".join(kinds)), True
    # Naming a year or a programme of its own moves on from the previous report, unless it narrows (其中).
    moves = bool(own.years) or any(p not in previous for p in _PROGRAMME.findall(question))
    # A new thing after a narrowed one ("…,其中龙凤区有多少?" then "留用率多少?") is asked of the whole.
    return _inherit(question, previous, own, whole=True), question.startswith("其中") or not moves or bool(relative)


def _focus(question: str) -> str | None:
    """What an elliptical follow-up names ("那同年福州呢?" -> "同年福州"), None for a full question."""
    focus = _MARKER.sub("", question).strip()
    marked = focus != question.strip().rstrip("??")
    if not focus or not marked or len(focus) > _FOCUS_CHARS or _ASKS.search(focus):
        return None
    return focus


def _swap(previous: str, focus: str) -> str:
    named = scope.of_text(focus)
    text = previous
    if (rank := _RANKED.match(previous)) and named.mentions:  # "参学率最高的是哪个单位?" + 宁阳县: its figure
        text = f"{rank['head']}是多少?"
    relative = _RELATIVE_WORDS.search(focus)
    before = scope.of_text(previous).years
    if named.years:
        text = _swap_year(text, named.years[0])
    elif relative and before:
        text = _swap_year(text, before[0] + _RELATIVE[relative.group().lower()])
    elif relative:  # no year to count from: the relative word leads the question (上年 figures are narrated so)
        text = f"{relative.group()} {text}" if is_english(text) else f"{relative.group()}{text}"
    rest = _YEAR_WORDS.sub("", _RELATIVE_WORDS.sub("", focus)).strip()
    places = [m for m in scope.of_text(rest).mentions if m.start == 0]
    if places:  # "桂林理工大学": the institution, not only its city, replaces the previous place
        phrase = _phrase(rest, places[0])
        text, rest = _swap_place(text, phrase, places[0].place), rest[len(phrase):]
    rest = rest.removeprefix("的").removesuffix("的").strip()
    if not places and _TOWN.fullmatch(rest):  # "陈淋子镇呢?": a town of the county asked, or instead of its town
        return _town(text, rest)
    if _TOTAL.fullmatch(rest):  # "全市合计呢?" after a county's figure: the whole place's
        return _total(text, rest)
    if _KIND.fullmatch(rest):
        return _qualify(text, rest)
    if rest.startswith("其中") and not _PART.search(text) and _ASKS.search(text):
        return f"{text.rstrip('??')},{rest}有多少?"  # narrows the thing counted, which stays named
    return _swap_subject(text, rest) if rest else text


def _swap_year(text: str, year: int) -> str:
    old = scope.of_text(text).years
    if not old and (said := _NOW_WORDS.search(text)) and not is_english(text):  # "汉中12355去年接了…" + 2023
        return f"{year}年" + text[:said.start()] + text[said.end():]
    if not old:
        return f"In {year}, {text}" if is_english(text) else f"{year}年{text}"
    return re.sub(rf"(?<!\d){old[0]}(?!\d)", str(year), text)


def _swap_place(text: str, place: str, new: scope.Place | None = None) -> str:
    """The previous place of the new one's level is replaced ("绵阳江油市" + 三台县 -> "绵阳三台县"), else the first."""
    mentions = scope.of_text(text).mentions
    if not mentions:
        return f"{place} {text}" if is_english(text) else f"{place}{text}"
    same = [m for m in mentions if new is not None and m.place.level == new.level]
    first = (same or mentions)[0]
    for m in sorted((m for m in mentions if m.place == first.place), key=lambda m: -m.start):
        text = text[:m.start] + place + text[m.start + len(_phrase(text, m)):]
    return text


def _qualify(previous: str, kind: str) -> str:
    """The previous question's figure of another kind: the word goes before its verb ("青创贷发放了多少?" + 累计 ->
    "青创贷累计发放了多少?"), replacing the kind it named."""
    text = _KIND_SWAPPED.sub("", previous)
    if kind in ("计划", "目标"):  # a target is set for the whole, not the part narrowed to ("其中非学生领域")
        text = _whole(text) + "?"
    ask = re.search(r"了?(?:多少|几)", text)
    if not ask or is_english(text):
        return previous
    verb = _verb_before(text[:ask.start()])
    return text[:ask.start() - verb] + kind + text[ask.start() - verb:]


def _verb_before(text: str) -> int:
    """The length of the verb the text ends with (青创贷发 -> 1, 新建 -> 2, 注册青年志愿者 -> 0): taking the last
    two characters for the verb had put 累计 inside 青创贷 ("青创累计贷发了")."""
    verb = _VERB_END.search(text)
    return len(verb.group()) if verb else 0


def _whole(question: str) -> str:
    """A question without the part it narrowed to and its question mark: "…资助了多少学生,其中圆梦行动有多少?" ->
    "…资助了多少学生"."""
    return _WHOLE.split(question)[0].rstrip("??")


def _only_scope(text: str) -> bool:
    """The text is nothing but places and years ("宁阳县", "2024年叶县")."""
    found = scope.of_text(text)
    rest = _YEAR_WORDS.sub("", text)
    for m in sorted(found.mentions, key=lambda m: -m.start):
        phrase = _phrase(text, m)
        rest = rest.replace(phrase, "")
    return bool(found.mentions or found.years) and not rest.strip()


def _total(previous: str, total: str) -> str:
    """The previous question about its whole place: the lowest place named gives way to "全市合计"."""
    mentions = scope.of_text(previous).mentions
    if len(mentions) < 2:
        return f"{previous.rstrip('??')},{total}是多少?"
    low = max(mentions, key=lambda m: (m.place.level, m.start))
    return previous[:low.start] + total + previous[low.start + len(_phrase(previous, low)):]


def _town(previous: str, town: str) -> str:
    """The previous question about a town of its county: it follows the county's name, replacing a town there."""
    mentions = scope.of_text(previous).mentions
    if not mentions:
        return f"{town}{previous}"
    low = max(mentions, key=lambda m: (m.place.level, m.start))
    at = low.start + len(_phrase(previous, low))
    old = _TOWN.match(previous, at)
    return previous[:at] + town + previous[old.end() if old else at:]


def _narrow(previous: str, part: str) -> str:
    """The previous question about a part of its place: "2023年赣州注册了多少青年志愿者?" + 章贡区 -> "2023年赣州
    章贡区注册了多少青年志愿者?"."""
    mentions = scope.of_text(previous).mentions
    if not mentions:
        return f"{part}{previous}"
    at = mentions[0].start + len(_phrase(previous, mentions[0]))
    return previous[:at] + part + previous[at:]


def _phrase(text: str, m: scope.Mention) -> str:
    """A place as named, with the institution it is part of: 桂林理工大学, not 桂林."""
    return text[m.start:m.end + (scope.institution(text[m.end:]) if m.institution else 0)]


def _swap_subject(previous: str, focus: str) -> str:
    """'铜川为十四运招募培训了多少名赛会志愿者?' + '城市志愿者' -> '…多少名城市志愿者?': the part a narrowed question
    named (其中女性 -> 其中党员); a level for a level (全国 -> 省级); the phrase ending like the focus (市级/省级,
    心理咨询/法律咨询), from the ask word when it begins the phrase (多少少先队员 -> 多少辅导员); else the thing counted."""
    if (part := _PART.search(previous)) and not _LEVEL.fullmatch(focus):
        return previous[:part.start("part")] + focus + previous[part.end("part"):]
    if _LEVEL.fullmatch(focus) and (level := _LEVEL.search(previous)):
        return previous[:level.start()] + focus + previous[level.end():]
    for k in range(len(focus) - 1, 0, -1):
        at = previous.find(focus[-k:])
        start = at + k - len(focus)
        window = previous[start:at + k] if at >= 0 and start >= 0 else ""
        if window and window != focus and re.fullmatch(r"[\u4e00-\u9fff]+", window) and not _NOT_NOUN.search(window):
            asked = _ASK_BEFORE.search(previous[:start])
            start = asked.end("ask") if asked else start
            return previous[:start] + focus + previous[at + k:]
    if focus.endswith("率") and "率" not in previous and not is_english(previous):  # "留用率呢?" after a count:
        return _inherit(f"{focus}是多少?", previous, scope.of_text(focus))    # another figure of the same scope
    if _STOCK.search(focus) and not is_english(previous):  # "团员总数呢?" after "发展了多少团员?": a stock, not the flow
        return _inherit(f"{focus}是多少?", previous, scope.of_text(focus))
    m = _SUBJECT.search(previous)
    if m:  # a measure word was the old thing's (多少次志愿服务 -> 多少累计服务时数), but for 个 (any thing) and 几
        unit = m.group("unit") if m.group("ask") == "几" or m.group("unit").endswith("个") else ""
        return previous[:m.end("ask")] + unit + focus + previous[m.end("subject"):]
    if is_english(previous) or _CATEGORY.search(focus):  # "法律类的呢?": a kind of what was counted
        return f"{previous.rstrip('??')}{focus}?"
    # Nothing of the previous question to swap it for ("注册青年志愿者多少人?" + 志愿服务时长): another figure of the
    # same scope.
    return _inherit(f"{focus}是多少?", previous, scope.of_text(focus))


def _inherit(question: str, previous: str, own: scope.Scope, whole: bool = False) -> str:
    """A full question that names no place: the previous places, years (unless it names its own) and
    programmes come first ("帮助了多少名学生?" -> "福建希望工程圆梦行动帮助了多少名学生?"). whole: a new thing after
    a narrowed one ("…,其中龙凤区有多少?" then "留用率多少?") is the whole place's; its programme stays (圆梦行动)."""
    programmes = [p for p in dict.fromkeys(_programmes(previous, scope.of_text(previous).mentions))
                  if p not in question]
    before = scope.of_text(_whole(previous) if whole else previous)
    years = [] if own.years else [str(y) for y in before.years]
    # A place by its short name (四川, not 四川省: the reports' own wording), an institution in full.
    named = (_phrase(previous, m) if m.institution else m.place.short for m in before.mentions)
    places = [p for p in dict.fromkeys(named) if not any(p in x for x in programmes)]  # “湖南希望工程…行动” names its own place
    if is_english(previous):
        return " ".join(years + places + [question])
    return "".join([f"{y}年" for y in years] + places + programmes) + question


def _programmes(text: str, mentions) -> list[str]:
    """The programmes a question names, none starting inside a place's name (富平县希望工程: not "平县希望工程")."""
    spans = [(m.start, m.start + len(_phrase(text, m))) for m in mentions]
    text = re.sub(r"(?:19|20)\d{2}\s*年?", lambda m: " " * len(m.group()), text)
    found, at = [], 0
    while (m := _PROGRAMME.search(text, at)):
        inside = next((end for start, end in spans if start < m.start() < end), None)
        if inside is None:
            found.append(m.group())
        at = inside if inside is not None else m.end()
    return found


def _turns(history: list) -> list[tuple[str, str]]:
    """(question, answer text) of each earlier turn, from pairs or chat messages."""
    turns: list[list[str]] = []
    for turn in history or []:
        if isinstance(turn, dict):
            if turn.get("role") == "user":
                turns.append([str(turn.get("content", "")), ""])
            elif turn.get("role") == "assistant" and turns:
                turns[-1][1] = str(turn.get("content", ""))
        elif isinstance(turn, (list, tuple)) and turn:
            turns.append([str(turn[0]), str(turn[1]) if len(turn) > 1 else ""])
    return [(q, a) for q, a in turns]


def _quote(answer: str) -> str:
    """The sentence an answer quotes (原文:“…”), or its first line (an open answer is the paragraph itself)."""
    m = re.search(r"原文:“([^”]{6,})", answer)
    return m.group(1) if m else answer.strip().splitlines()[0] if answer.strip() else ""
