"""Follow-up questions made standalone: a follow-up inherits the conversation's scope and replaces only what
it names (app/engine/scope.py says what a scope is; app/engine/followup_answer.py what the previous answer named;
app/engine/followup_swap.py how an elliptical follow-up's focus takes its place in the previous question).

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
from .followup_answer import of_person, person_of, WHO_WON, named_by_answer, of_winner
from .followup_asks import ANY_VERB, BARE_MEASURE, actual, asked_of, asks_plan, measured, rate_of, ranked_parts, targeted
from .localities import schools
from .periods import YEAR_WORD
from .followup_swap import GRADE, HONOUR, MARKER, RELATIVE, RELATIVE_WORDS, THIS_YEAR, WHOLE_YEAR, focus_of, swap
from .followup_edit import (FIGURE_PART, KIND_SWAPPED, PART, glued, MEASURE, NOW_WORDS, PROGRAMME, TOTAL, YEAR_WORDS, inherit, narrow, outside_whole,
                            only_scope, place_phrase, qualify, swap_place, programmes_of, scope_words, SUBJECT, swap_when,
                            swap_year, whole, WHEN, without_towns)
from .question import is_english
from .retrieve import normalise_query

# "其中章贡区有多少?": a part of the place asked before, with nothing else of its own.
_NARROW = re.compile(r"^其中(?P<part>.+?)(?:的)?(?:有|是|为|占)?(?:多少|几)[万亿]?[个名人所家]?\s*[??]?$")
# A change or a share asked with nothing named: the previous question's figure's ("同比增长多少?", "占比多少?").
_OF_FIGURE = re.compile(rf"^(?:那|那么)?(?:一年|全年|当年|这一年|[两三四五]年(?:来|间)?)?(?:同比|[比较](?:上年|去年|前一年|年初|上半年|(?:19|20)?\d{{2}}年)(?:底|末)?|环比)?"
                        rf"(?:增长|增加|下降|减少|增幅|降幅|占比|比例|比重|占|多|少)了?"
                        rf"(?:多少|几|百分之几)[万亿]?(?:%|{MEASURE})?(?:百分点)?\s*[??]?$")
_OF_TARGET = re.compile(r"(?:目标)?完成率|完成进度|完成比例|完成了?(?:全年|年度)?(?:计划|目标)(?:任务)?(?:的)?(?:百分之)?")
# A place and the question word alone: "宁阳县是多少?".
_BARE_ASK = re.compile(rf"^(?:那|那么)?(?P<focus>[^,,。??]{{1,12}}?)(?:的)?(?:是|有|为)?多少(?P<unit>{MEASURE})?[??]?$")
# The figure reached, after a target was asked ("那24年实际完成了多少?"), or the whole in another year ("那2021年的
# 总量是多少?"): the thing counted before.
_ACTUAL = re.compile(r"^(?:那|那么)?(?P<when>[^,,??]{0,8}?)的?(?:实际(?:完成|达到|实现)?|完成|总量|总数)了?(?:是|有|为)?"
                     r"(?:多少|几)[万亿]?(?:个|名|人)?[??]?$")
# A kind of the figure just asked and nothing else ("当年新增了多少?"): the thing counted stays.
_KIND_ONLY = re.compile(r"^(?:那|那么)?(?:了|的)?(?:有|是|为)?(?:多少|几)[万亿]?(?:个|名|人)?[??]?$")
# A target asked with no thing named, at most a verb ("明年计划多少?", "2025年计划资助多少?", "目标是多少?"): of the
# thing counted before, for the whole (a target is not set for the part narrowed to).
_TARGET = re.compile(rf"^(?:那|那么)?(?:全[市县省区州旗校])?的?(?P<report>(?:工作)?(?:总结|报告)里?(?:给|为)?(?:定|制定|确定|提出)?的?)?"
                     rf"(?:年度|全年)?(?P<ask>(?:计划|目标|打算)[\u4e00-\u9fff]{{0,2}}?(?:要|将)?(?:达到|增加到|突破|到)?(?:是|有|为)?"
                     rf"(?:多少|几)[万亿]?(?:{MEASURE})?)[??]?$")
# A verb alone ("发展了多少?", "一共资助了几名?"): the thing the previous question counted with it.
_VERB_ONLY = re.compile(rf"^(?:那|那么)?(?:一共|共|总共|实际)?(?P<verb>新发展|发展|发放|新建|建成|募集|筹集|资助|帮助|招募|注册|培训|"
                        rf"受理|接听|开展|举办|派出|惠及|扶持)了?(?:多少|几)[万亿]?(?:{MEASURE})?[??]?$")
_TURN_CHARS = 1000  # an earlier turn is cut like a question (Settings.max_question_chars): history is untrusted


@dataclass(frozen=True)
class Turn:
    text: str  # the question, standalone
    quote: str = ""  # a sentence of the previous answer: its report answers a follow-up that names no scope
    loose: str = ""  # the question without the year it inherited, asked when that year finds no answer
    rewritten: bool = False  # the text is not the question as asked: words of earlier turns were carried in


def condense(question: str, history: list, llm=None) -> str:
    """Return a standalone question. history: [(question, answer_text), ...] or chat messages."""
    return resolve(question, history, llm).text


def resolve(question: str, history: list, llm=None, spell=lambda text: text, english_places=None) -> Turn:
    """spell: writes out what staff shorten (华农: Assistant._spelled_out), so a short name carries as the scope;
    english_places: the places an English text names (Xishui), read against the knowledge base's."""
    standalone, answer, earlier, said_to, person = "", "", [], [], ""
    # Full-width punctuation and digits as the rules read them (那2020年呢?, not 那２０２０年呢？).
    question = _LATE_WHEN.sub(r"(\1)呢\2", normalise_query(question))  # "全市合计呢(2024年底)?": the time is part of the focus
    for asked, said in _turns(history):  # each earlier turn made standalone from the one before it
        asked = named_by_answer(spell(normalise_query(asked[:_TURN_CHARS])), standalone, answer)
        if (named := of_person(asked, person)) is not None:
            asked = named
        person = person_of(asked, said, person)
        asked = _of_part(asked, standalone)
        if (english := _english_step(asked, standalone, english_places)) is not None:
            standalone, answer = english[:_TURN_CHARS], said
            earlier.append(standalone)
            said_to.append(said)
            continue
        standalone, answer = _step(asked, _antecedent(asked, standalone, earlier))[0][:_TURN_CHARS], said
        earlier.append(standalone)  # as asked: the position or measure a later turn swaps
        said_to.append(said)
        standalone = of_winner(standalone, said)  # "汕头哪个区…最多?" answered 潮阳区: what follows asks of 潮阳区
    question = named_by_answer(spell(normalise_query(question)), standalone, answer)
    if (named := of_person(question, person)) is not None:  # 他/她 of the person named turns before: of that person
        return Turn(named, "", "", True)
    if (english := _english_step(question, standalone, english_places)) is not None:
        return Turn(english, "", "", english != question)
    question = _of_part(_chinese_ellipsis(question, standalone, english_places), standalone)
    antecedent = _antecedent(question, standalone, earlier)
    text, keeps_report = _step(question, antecedent, llm)
    if antecedent != standalone and antecedent in earlier:  # "最后一名呢?" two turns after "…第一名是哪里?": the
        answer = said_to[len(earlier) - 1 - earlier[::-1].index(antecedent)]  # report that answered the ranking
    return Turn(text, _quote(answer) if keeps_report else "", _loose(question, text) if standalone else "",
                bool(standalone) and text != question)


_THEY = re.compile(r"^(?:那|那么)?(?:她们|他们|这些人|这部分人)")


def _of_part(question: str, previous: str) -> str:
    """"她们人均志愿时长多少?" after "…,其中女生多少?": of the part narrowed to (女生), which a later "男生呢?" swaps."""
    if not (they := _THEY.match(question)) or not (part := PART.search(previous)):
        return question
    return part["part"] + question[they.end():]


def _english_step(question: str, previous: str, places) -> str | None:
    """An English question that names a place of its own stands alone ("Who is the Xishui League secretary?"); one
    that names none after a question that did is asked of that place ("What was its assessment score?" after
    Xishui's figure: "Xishui What was its…"), in any report of it (a new thing asked: its score is the 通报's, not in
    the report that gave the figure; nor its year); None: not English, or an ellipsis ("And in 2023?") the rules
    swap."""
    if places is None or not previous or not is_english(question) or _ellipsis_en(question):
        return None
    if places(question):
        return question
    before = [m.surface for m in places(previous) if m.surface not in question]
    return " ".join(before + [question]) if before else None


def _chinese_ellipsis(question: str, previous: str, places) -> str:
    """"And Daowai?" after a Chinese question: "那道外区呢?", so the rules swap the place into it (in English the
    place was put before the Chinese question, which kept its own)."""
    if places is None or not previous or is_english(previous) or not (m := _ELLIPSIS_EN.match(question)):
        return question
    named = places(question)
    rest = question[m.end():].strip(" ??")
    if len(named) != 1 or rest != named[0].surface:
        return question
    return f"那{named[0].place.name}呢?"


_ELLIPSIS_EN = re.compile(r"^\s*(?:and|what about|how about|and what about)\b", re.I)


def _ellipsis_en(question: str) -> bool:
    """"And in 2024?", "What about Shenmu?": the rest of the question to be swapped in; "And how many new members were
    recruited that year?" is a question of its own, of the place asked before (its "And" had sent it to the rules,
    which read Yulin as the gazetteer's first Yulin, 玉林, not the knowledge base's 榆林)."""
    m = _ELLIPSIS_EN.match(question)
    return bool(m) and len(question[m.end():].strip(" ?？").split()) <= 4


_YEAR_IN = re.compile(YEAR_WORD.pattern + "(?:底|末|度)?")
_ASKED_MEASURE = re.compile(rf"(?:多少|几)[万亿]?(?P<unit>{MEASURE})")


def _measure(text: str) -> str | None:
    return m["unit"] if (m := _ASKED_MEASURE.search(whole(text))) else None


_POSITION = re.compile(r"(?:排名|排)?(?:第[一二三四五六七八九十\d]{1,3}(?:名|位)?|最后一名|倒数第[一二三四五六七八九十\d]{1,3}(?:名|位)?)")


def _antecedent(question: str, previous: str, earlier: list[str]) -> str:
    """The earlier question an ask naming nothing counted takes its thing from: the last one counting with the same
    measure word. "明年计划搞多少场?" after "…交流活动搞了几场?" and "参与的青少年有多少人次?" plans the activities' 场,
    not the 人次 of the turn just before. A position alone ("第二名呢?") swaps the last position asked."""
    focus = focus_of(question)
    for kind in (_POSITION, GRADE, WHO_WON):  # "那二等奖呢?", "那中国大学生自强之星呢?" after turns on the project
        if focus is not None and _FOCUS_OF[kind].fullmatch(focus) and not kind.search(previous):
            return next((text for text in reversed(earlier) if kind.search(text)), previous)
    unit = _measure(question)
    bare = RELATIVE_WORDS.sub("", YEAR_WORDS.sub("", question)).strip()
    if unit is None or _measure(previous) in (None, unit) or not (
            _TARGET.match(bare) or _VERB_ONLY.match(bare) or ANY_VERB.match(bare)):
        return previous
    return next((text for text in reversed(earlier) if _measure(text) == unit), previous)


def _loose(question: str, text: str) -> str:
    """A new place or town named with no year ("阳朔县呢?" after "那2023年呢?", "独峒镇资助了多少学生?" after "上年呢?")
    inherits the year, which the place's report may give no figure of (its 上年's were the city's): the question
    without it, asked only when the year finds none. The answer's citation tells its own year."""
    from .value_context import towns_asked

    own = scope.of_text(question)
    if own.years or RELATIVE_WORDS.search(question) or THIS_YEAR.search(question) or is_english(question):
        return ""
    if not (own.mentions or towns_asked(MARKER.sub("", question))) or not _YEAR_IN.search(text):
        return ""
    return _YEAR_IN.sub("", text)


def _step(question: str, previous: str, llm=None) -> tuple[str, bool]:
    """(standalone question, whether it stays with the previous answer's report)."""
    if not previous or not question:
        return question, False
    if (two := _THEN_ASK.match(question)) and (named := focus_of(two["focus"])) is not None:  # "丹东呢?25年计划新建几个?"
        thing = _THEN.sub("", named)
        if programmes_of(thing, ()) == [thing] and thing not in previous and not scope.of_text(two["ask"]).mentions:
            return _step(glued([thing], [two["ask"]]), previous, llm)  # "青年夜校呢,开了多少期?": the programme
            # named asked of, none of the previous one
        swapped, _ = _step(two["focus"], previous, llm)
        return _step(two["ask"], swapped, llm)
    if focus_of(question) is None:  # "那黑龙江青年五四奖章是谁拿的?": 那 leads a full question, no part of its scope
        question = _THEN.sub("", question)
    if focus_of(question) is None and not _SUMMED.search(question):  # "全市合计是多少?": total() swaps the county out
        previous = outside_whole(previous, question)
    if (bare := BARE_MEASURE.match(question)) and not re.search(r"多少|几", previous) and (topic := _topic(previous)) \
            and _carries_nothing_else(inherit(question, previous, scope.of_text(question), of_whole=True), question, topic,
                                      previous):
        return f"{topic}{question}", True  # "几天?" after "青马培训在哪?": no count before to measure otherwise
    if bare:  # "多少人?" after "组建了多少支突击队?": the people of those
        return measured(previous, bare["unit"]), True
    own = scope.of_text(question)
    focus = focus_of(question)
    if focus is not None and _POSITION.fullmatch(focus) and (at := _POSITION.search(previous)):
        kept = at.group()[-1] if at.group()[-1] in "名位" and focus[-1] not in "名位" else ""  # "第二呢?": 第二名
        return previous[:at.start()] + focus + kept + previous[at.end():], True  # "第二名呢?" after "…第一名是哪个区?"
    if focus is not None and _OF_FIGURE.match(f"{focus}多少?"):  # "占比呢?": of the figure just asked
        return f"{previous.rstrip('??')},{focus}多少?", True
    if focus is None and (bare := _BARE_ASK.match(question)) and _OF_TARGET.fullmatch(bare["focus"]):
        focus = bare["focus"]  # "完成率是多少?" as "完成率呢?"
    if focus is not None and _OF_TARGET.fullmatch(focus):  # "完成率呢?": of the thing counted, against its target
        return rate_of(previous, focus), True
    if focus is None and (bare := _BARE_ASK.match(question)) and (only_scope(bare["focus"]) or
                                                                  TOTAL.fullmatch(bare["focus"]) or
                                                                  RELATIVE_WORDS.fullmatch(bare["focus"]) or
                                                                  _YEAR_PART.fullmatch(bare["focus"]) or
                                                                  WHOLE_YEAR.fullmatch(bare["focus"])) \
            and (not bare["unit"] or f"多少{bare['unit']}" in previous):  # "上年是多少件?": the 件 counted before
        focus = bare["focus"]  # "宁阳县是多少?", "全市合计是多少?": as elliptical as "宁阳县呢?"
        previous = FIGURE_PART.split(previous)[0].rstrip("??") + "?"  # "23年是多少?" after "…,比23年增长了多少?"
    if focus is not None and _YEAR_PART.fullmatch(focus) and asks_plan(previous):
        previous = actual(previous).rstrip("??") + "?"
    if focus is not None:
        if llm is not None:
            return llm.condense(question, previous), not own
        return swap(previous, focus), not own
    part = _NARROW.match(question)
    if part and (own.mentions and own.mentions[0].start == 2 and place_phrase(question, own.mentions[0]) == part["part"]):
        return narrow(previous, part["part"]), True
    if (rank := _PART_RANK.match(question)) and not own.mentions:  # "其中哪个县最多?" after a place's count
        return ranked_parts(previous, rank), True
    if question.startswith("其中") and not own.mentions:  # "其中女性多少?": a part of the count just asked
        if own_programme := _programme_asked(question, previous):  # "其中“圆梦行动”资助了多少名大学新生?": its own count
            return f"{scope_words(previous)}{own_programme}", True
        return f"{actual(previous)},{question}", True  # "其中宁围街道多少?" after "目标是多少?": of the count
    if own.mentions and own.mentions[0].start == 0 and (verb := _placed_verb(question, previous, own)):
        return verb, False  # "芜湖2024年新建了多少?" after 张家口's 青年之家: the thing counted before, of 芜湖
    if own.mentions and own.mentions[0].start == 0 and (change := _placed_change(question, previous, own)):
        return change, False  # "伊春比上年增加了多少?" after 鹤岗's: the thing counted before, of 伊春
    if own.mentions and own.mentions[0].start == 0 and (figure := _placed_actual(question, previous, own)):
        return figure, False  # "盘锦去年实际是多少?": the thing counted before, of the place named
    if own.mentions and own.mentions[0].start == 0 and (ellipsis := _scoped_ellipsis(question, previous, own)):
        return ellipsis, False  # "抚州招了多少?", "东营2024年新增几个?": the thing counted before, of the place named
    if own.mentions and not question.startswith("其中"):
        return question, False  # a question with its own place is a new question; 其中临汾 narrows
    if _new_school(question, previous):  # "西藏大学西部计划录取了多少人?" after 拉萨's: the university's own
        return question, False
    if _OF_FIGURE.match(question):  # "同比增长多少?", "占比多少?": of the figure just asked, in its report
        if narrowed := _NARROWED_ASK.search(previous):  # "…,其中非学生团员有多少?" + 占比多少: the part's share
            return previous[:narrowed.end(1)] + question, True
        return f"{previous.rstrip('??')},{question}", True
    relative, before = RELATIVE_WORDS.search(question), scope.of_text(previous).years
    if relative and before and not own.years:  # "明年计划发展多少?" after a 2024 question asks about 2025
        year = before[0] + RELATIVE[relative.group().lower()]
        question = question[:relative.start()] + f"{year}年" + question[relative.end():]
        own = scope.of_text(question)
    if (target := _TARGET.match(YEAR_WORDS.sub("", question).strip())) and _WHICH.search(previous):
        # "明年全区要发展多少?" after "哪个街道没完成计划?": nothing counted to set a target for; its own words, scoped
        return inherit(question, previous, own, of_whole=True), True
    if target:  # "明年计划多少?": the thing asked before
        # "2023年的总结里给2024年定的目标是多少?": the target is for the year named last (the report's is the first)
        year = own.years[-1] if target["report"] and own.years else own.years[0] if own.years else None
        text = swap_year(previous, year) if year else previous
        text = without_towns(text)  # a target is set for the whole, not for a town narrowed to
        if "全年" in question:  # "全年目标多少?" after a quarter's or a half-year's figure: the year's
            text = _YEAR_PART.sub("", text)
        return targeted(whole(text), target['ask']), bool(relative) or not own.years
    if (reached := _ACTUAL.match(question)) and (not reached["when"] or only_scope(reached["when"])
                                                  or NOW_WORDS.fullmatch(reached["when"])):
        text = _said_actual(question, actual(previous)) + "?"
        if said := NOW_WORDS.fullmatch(reached["when"]):  # "去年完成多少?" after "…今年全市目标多少?": 去年's
            text = NOW_WORDS.sub(said.group(), text, count=1) if NOW_WORDS.search(text) else said.group() + text
        return (swap_year(text, own.years[0]) if own.years else text), True
    if not own.mentions and (ellipsis := _scoped_ellipsis(question, previous, own)):  # "2024年新建了几家?"
        return ellipsis, True
    if (verb := _VERB_ONLY.match(question)) and verb["verb"] in previous and not own.years:
        return whole(previous).rstrip("??") + "?", True  # "发展了多少?" after "…潮阳区发展团员多少?": that figure
    kinds = KIND_SWAPPED.findall(question)
    if kinds and not own.years and _KIND_ONLY.match(KIND_SWAPPED.sub("", question)):
        return qualify(previous, "".join(kinds)), True
    if not own.mentions and not own.years and _attribute_only(question) and (topic := _topic(previous)) \
            and _carries_nothing_else(inherit(question, previous, own, of_whole=True), question, topic, previous):
        return f"{topic}{question}", True  # "在哪?" after "西部计划出征仪式哪天": the same thing's place
    # Naming a year or a programme of its own moves on from the previous report, unless it narrows (其中).
    moves = bool(own.years) or any(p not in previous for p in PROGRAMME.findall(question))
    # A new thing after a narrowed one ("…,其中龙凤区有多少?" then "留用率多少?") is asked of the whole.
    return inherit(question, previous, own, of_whole=True), question.startswith("其中") or not moves or bool(relative)


# An elliptical turn and a question after it, the question naming no place: "丹东呢?25年计划新建几个?".
_THEN_ASK = re.compile(r"^(?P<focus>[^,,。??]{1,16}?呢)[??,,\s]+(?P<ask>[^??]*?[^\W\d_][^??]*[??]?)$")
# A part of the year ("二季度", "3月份", "上半年"): asked bare ("二季度多少?") as elliptically as "二季度呢?", and of the
# figure reached, not a target (a plan is set for the year: "二季度多少?" after "计划呢?" is the quarter's 742名)
_YEAR_PART = re.compile(r"(?:(?:19|20)?\d{2}年)?(?:第?[一二三四]季度|[上下]半年|前三季度|(?:1[0-2]|0?[1-9])月份?(?:底|末)?)")
_SUMMED = re.compile(r"合计|总计|汇总|加起来|总共|一共")
_THEN = re.compile(r"^(?:那么|那)(?![个些里样年一天时次])")
_NARROWED_ASK = re.compile(r"(,其中[^,,]+?)(?:有|是)?多少[??]?$")
# "其中哪个县最多?", "哪个县最多?": which of the place's parts has most of what was just counted.
_PART_RANK = re.compile(r"^(?:其中)?(?P<group>(?:[一二三四五六七八九十两\d]+个|各|所有)?(?:县市区|县市|县区|区县|乡镇|镇街|[县区镇]|学院)"
                        r"(?:里|中|之中|当中)[,,]?)?"
                        r"(?P<which>哪(?:个|一个|些)?(?:[\u4e00-\u9fff]{0,3}?(?:县|区|市|镇|乡|街道|学院|单位))?)"
                        r"(?:[建办发招]得)?(?P<most>最多|最少|最高|最低)[??]?$")
_OWN_COUNT = re.compile(r"(?:资助|帮助|发放|筹集|募集|新建|建成|发展|招募|培训|开展|举办|派出|惠及|扶持|受理|接听|组建|服务)了?"
                        r"(?:多少|几)")


# What a question asks, after what it asks of: "哪天开班", "是多少", "在哪", "是谁", "几个人"
_ASK_TAIL = re.compile(r"(?:是|有|为|在)?(?:哪天|哪一天|哪日|什么时候|何时|几月几[日号]|几号|多少|几|是谁|谁|哪里|哪儿|在哪|哪个|哪些|什么|"
                       r"星期几|周几)[^,,。;;??]{0,6}[??]?$")
_ASK_WORDS = re.compile(r"是|有|在|哪天|哪里|哪儿|哪|多少|几|谁|什么|呢|吗|的|了|[??]")


def _topic(previous: str) -> str:
    """What the previous turn asked about, without its ask: "西部计划出征仪式哪天" -> "西部计划出征仪式"."""
    m = _ASK_TAIL.search(previous)
    topic = previous[:m.start()].rstrip(",,") if m else ""
    return topic if len(topic) >= 2 else ""


def _carries_nothing_else(inherited: str, question: str, topic: str, previous: str) -> bool:
    """What inherit would put before the question is nothing, or inside the topic (西部计划 of 西部计划出征仪式) of a
    previous turn that counted nothing (after a count, "参与学生多少?" is a new count of the same scope)."""
    return inherited == question or (inherited.endswith(question) and inherited[:-len(question)] in topic
                                     and not re.search(r"多少|几", previous))


def _attribute_only(question: str) -> bool:
    """A turn that asks one attribute and names nothing else ("在哪?", "几天?", "学员多少?", "联系人是谁?")."""
    return len(_ASK_WORDS.sub("", question)) <= 4 and not question.startswith(("其中", "那"))


def _programme_asked(question: str, previous: str) -> str:
    """A programme inside the last one, with a count of its own ("其中“圆梦行动”资助了多少名大学新生?" after 希望工程's
    funds): the question without 其中 and with the last one's programmes first; "" for a part of the same count."""
    rest = question.removeprefix("其中").lstrip(",,")
    named = programmes_of(rest, [])
    if not named or not rest.startswith(named[0]) or named[0] in previous or not _OWN_COUNT.search(rest):
        return ""
    before, now = SUBJECT.search(previous), SUBJECT.search(rest)  # 多少名学生 then 多少名大学生: a part of that count
    if before and now and before["unit"] == now["unit"]:
        return ""
    kept = [p for p in programmes_of(previous, scope.of_text(previous).mentions) if p not in rest]
    return "".join(dict.fromkeys(kept)) + rest


def _new_school(question: str, previous: str) -> bool:
    """A question naming a university the previous one did not: its own place, as a city's would be."""
    named = [name for *_, name in schools(question) if name.endswith("大学")]
    return bool(named) and not any(name in previous for name in named)


def _placed_verb(question: str, previous: str, own) -> str | None:
    """A place, a year and a verb alone ("芜湖2024年新建了多少?"): the previous thing counted with that verb, there."""
    phrase = place_phrase(question, own.mentions[0])
    verb = _VERB_ONLY.match(YEAR_WORDS.sub("", question[len(phrase):]).strip())
    if not verb or verb["verb"] not in previous:
        return None
    text = swap_place(actual(previous) + "?", phrase, own.mentions[0].place)
    return swap_year(text, own.years[0]) if own.years else text


def _scoped_ellipsis(question: str, previous: str, own) -> str | None:
    """A place and/or a year with an ask that names nothing counted: a target ("滨海2024年的目标是多少?", "镇江2025年
    打算建几家?"), a kind ("东营2024年新增几个?") or a verb ("抚州招了多少?", "2024年新建了几家?" after 青年之家 有多少家):
    that ask of the previous thing counted, the place and year swapped. A unit of its own that the previous question did
    not count ("鄞州服务了多少人次?") asks something new."""
    relative, before = RELATIVE_WORDS.search(question), scope.of_text(previous).years
    if relative and before and not own.years:  # "奉贤明年的目标是多少?" after a 2024 question: 2025's
        year = before[0] + RELATIVE[relative.group().lower()]
        question = question[:relative.start()] + f"{year}年" + question[relative.end():]
        own = scope.of_text(question)
    phrase = place_phrase(question, own.mentions[0]) if own.mentions and own.mentions[0].start == 0 else ""
    if not phrase and not (own.years and YEAR_WORDS.match(question.strip())) or phrase and own.mentions[0].institution:
        return None  # a university named asks of its own report, whose school year is no city's year
    bare = YEAR_WORDS.sub("", question[len(phrase):]).strip().removeprefix("的")
    when = WHEN.match(bare) if phrase else None  # "岳阳上半年新建了几个?": as of that time
    bare = bare[when.end():].removeprefix("的") if when else bare
    kinds, verb = KIND_SWAPPED.findall(bare), ANY_VERB.match(bare)
    if verb and verb["unit"] not in (None, "个") and not re.search(rf"(?:多少|几)[万亿]?{verb['unit']}", previous):
        return None
    if phrase and not kinds and not when and _KIND_ONLY.match(bare):  # "南岗几个?": the previous question, of 南岗
        text = swap_place(previous, phrase, own.mentions[0].place)
        return swap_year(text, own.years[0]) if own.years else text
    if not (_TARGET.match(bare) or verb or kinds and _KIND_ONLY.match(KIND_SWAPPED.sub("", bare))):
        return None
    text = swap_place(previous, phrase, own.mentions[0].place) if phrase else previous
    text = swap_year(text, own.years[0]) if own.years else text
    text = swap_when(text, when.group()) if when else text
    if verb and not kinds and not _TARGET.match(bare) and verb["verb"] not in text:
        return asked_of(actual(text), bare)
    return _step(bare, text)[0]


def _placed_change(question: str, previous: str, own) -> str | None:
    """A place and a change alone ("伊春比上年增加了多少?"): the previous figure's change, of the place named."""
    phrase = place_phrase(question, own.mentions[0])
    if not _OF_FIGURE.match(question[len(phrase):]):
        return None
    base = swap_place(FIGURE_PART.split(whole(previous))[0].rstrip("??") + "?", phrase, own.mentions[0].place)
    return f"{base.rstrip('??')},{question[len(phrase):]}"


_LAST_ASK = re.compile(r"(?:是|有|为)?了?(?:多少|几)[^,,??]*$")


def _said_actual(question: str, text: str) -> str:
    """"实际" carried into the question made of the previous one ("中卫2024年新发展团员实际是多少"): what was done is
    asked, not the target the report set for that year (blind sets 39 and 40 answered 力争…1700名)."""
    text = text.rstrip("??")
    if "实际" not in question or "实际" in text:
        return text
    at = max((m.end() for m in _YEAR_IN.finditer(text)), default=None)  # "漯河2024年实际募集多少…"
    if at is None and (ask := _LAST_ASK.search(text)):
        at = ask.start()
    return text if at is None else f"{text[:at]}实际{text[at:]}"


def _placed_actual(question: str, previous: str, own) -> str | None:
    """A place, a year word and 实际/总数 alone ("盘锦去年实际是多少?"): the previous thing counted, swapped there."""
    phrase = place_phrase(question, own.mentions[0])
    reached = _ACTUAL.match(question[len(phrase):])
    when = reached["when"] if reached else ""
    now = bool(when) and bool(NOW_WORDS.fullmatch(when))
    if not reached or not (not when or now or only_scope(when)):
        return None
    text = swap_place(_said_actual(question, actual(previous)) + "?", phrase, own.mentions[0].place)
    if own.years:
        return swap_year(text, own.years[0])
    return NOW_WORDS.sub(when, text, count=1) if now else text


_FOCUS_OF = {_POSITION: _POSITION, GRADE: GRADE, WHO_WON: HONOUR}
_WHICH = re.compile(r"哪(?:个|一个|些|里|家|所)")
_LATE_WHEN = re.compile(r"呢\s*[((]([^()()]{2,12})[))]\s*([??]?)$")


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
