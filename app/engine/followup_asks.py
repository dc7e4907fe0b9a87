"""What a follow-up asks of the thing the turn before counted, written as one question: a rank over its parts
("哪个乡镇最少?"), its rate against the target ("完成率呢?"), its count in another measure ("多少人?"), its target
("明年的目标呢?") and, after a target, the figure reached ("实际完成了多少?")."""
from __future__ import annotations

import re

from . import scope
from .cross_period import asks_plan
from .followup_edit import (FIGURE_PART, KIND_SWAPPED, MEASURE, PARTS, STOCK, SUBJECT, TOWN, place_phrase, verb_before,
                            whole, without_towns)
from .localities import schools
from .question import is_english


_WHOLE_WORDS = re.compile(rf"全[市县省区州旗校]|其中|(?:(?:\d+|[一二三四五六七八九十两]+)个|各|以上|上述)(?:{PARTS})(?:合计|总计)?|"
                          rf"(?:{PARTS})?(?:合计|总计)")


def ranked_parts(previous: str, rank: re.Match) -> str:
    """"龙岩2024年全市发展了多少团员?" + "其中哪个县最多?" -> "龙岩2024年哪个县发展团员最多?"."""
    from .cross_detect import indicator_of

    previous = without_towns(previous)  # "…乃琼镇新发展了多少团员?" + 哪个乡镇最少: over all the towns
    named = scope.of_text(previous)
    where = place_phrase(previous, named.mentions[0]) if named.mentions else ""
    when = f"{named.years[0]}年" if named.years else ""
    bare = previous  # the university's name is no part of the thing ranked ("青海大学全校合计志愿服务时长")
    for start, end, _ in sorted(schools(previous), reverse=True):
        bare = bare[:start] + bare[end:]
    thing = _WHOLE_WORDS.sub("", indicator_of(bare, scope.of_text(bare).mentions))
    return f"{where}{when}{part_word(previous, rank['which'], rank)}{thing}{rank['most']}?"


def rate_of(previous: str, rate: str) -> str:
    """"拉萨2024年新发展了多少团员,比上年增加了多少?" + 完成率 -> "拉萨2024年新发展团员完成率是多少?": the thing the
    question counted first, its places and year, without its ask (as one question: "…,完成率是多少?" was read for
    its first figure)."""
    counted = _ASKED.sub("", actual(FIGURE_PART.split(previous)[0])).rstrip("??有是为")
    counted = _ACTUALLY.sub("", counted)
    if verb_before(counted) == 1:  # "伊春青年之家建": the thing, not its verb (希望工程募集 stays)
        counted = counted[:-1]
    if re.search(r"(?:计划|目标|任务)$", rate):  # "完成了年度计划": its share, "…计划的多少" (not its count)
        return f"{counted}{rate}的多少?"
    return f"{counted}{rate}是多少?"


_ASKED = re.compile(rf"了?(?:是|有|为)?(?:多少|几)[万亿]?(?:钱|{MEASURE})?")
_ACTUALLY = re.compile(r"实际|一共|总共|共计|(?:完成|实现|达到)$")


def part_word(previous: str, which: str, rank: re.Match | None = None) -> str:
    """"哪个" alone ("哪个最少?") asks of the parts the turn before counted: a school's colleges, a county's towns,
    else a city's 县区."""
    if which not in ("哪", "哪个", "哪一个", "哪些"):
        return which
    if rank is not None and (group := rank.groupdict().get("group")):  # "五个县市里哪个最多?": those parts
        return "哪个" + re.sub(r"^(?:[一二三四五六七八九十两\d]+个|各|所有)|(?:里|中|之中|当中)[,,]?$", "", group)
    if "全校" in previous or any(s[2].endswith("学院") for s in schools(previous)):
        return "哪个学院"
    return "哪个镇" if TOWN.search(previous) else "哪个县区"


BARE_MEASURE = re.compile(rf"^(?:一共|共|总共)?(?:有|是)?(?:多少|几)(?P<unit>{MEASURE})[??]?$")


def measured(previous: str, unit: str) -> str:
    """The previous question asking its thing's count in another measure ("…组建了多少支突击队?" + 多少人 ->
    "…组建了突击队有多少人?"), or as it was when the measure is its own."""
    text = whole(previous)
    m = SUBJECT.search(text)
    if m and not m.group("unit").endswith(unit):
        return f"{text[:m.start()]}{m.group('subject')}{text[m.end():]}有多少{unit}?"
    asked = re.search(rf"(?:多少|几)[万亿]?(?:{MEASURE})$", text)  # "…突击队有多少人" + 几支: 有多少支
    return f"{text[:asked.start()]}多少{unit}?" if asked and not m else text + "?"


# The figure a question asks, at its end: "资助了多少学生" (学生 the noun counted), "推优是多少", "新发展团员多少名".
_ASK_END = re.compile(rf"(?:的)?(?:是|有|为)?了?(?:多少|几)[万亿]?(?:{MEASURE})?(?P<noun>[^\W\d多少几]{{0,8}})$")
# What a target ask says beyond its plan word: a verb of its own ("计划发放多少": 发放), or nothing ("目标是多少").
_PLAN_ASK = re.compile(rf"^(?:计划|目标|打算)(?P<verb>[\u4e00-\u9fff]{{0,3}}?)(?:要|将)?(?:达到|增加到|突破|到)?(?:是|有|为)?"
                       rf"(?:多少|几)[万亿]?(?:{MEASURE})?$")


_ALL = re.compile(r"(?:一共|共计|总共|合计)$")
_ACTUAL = re.compile(r"实际(?:上)?(?=[\u4e00-\u9fff])")
_MEASURE_LEFT = re.compile(r"^[个名间所支家项场次位人件]")


def targeted(question: str, ask: str) -> str:
    """The target of the figure a question asked, as staff ask a target in one question: "汕头2025年希望工程资助了
    多少学生" + 目标是多少 -> "汕头2025年希望工程资助学生的目标是多少?"; + 计划发放多少 (a verb of its own) ->
    "…希望工程计划发放多少?". A two-part question ("…资助了多少学生,目标是多少?") had read as asking the actual figure."""
    if asks_plan(question):  # a target's question already ("…注册志愿者的目标是多少", then "那盘锦今年的目标呢?")
        return question + ("" if re.search("多少|几", question) else "是多少") + "?"
    end, plan = _ASK_END.search(question), _PLAN_ASK.match(ask)
    if not end or not plan or is_english(question):
        return f"{question},{ask}?"
    # a target is no figure reached: "…实际发展了多少新团员?" + 计划 asks the plan, not 实际's plan
    head, noun = _ACTUAL.sub("", _ALL.sub("", question[:end.start()])), _MEASURE_LEFT.sub("", end["noun"])
    if not (verb := plan["verb"].removesuffix("要")):
        return f"{head}{noun}的目标是多少?"
    before = head[len(head) - verb_before(head):] if verb_before(head) < len(head) else ""
    if not before and head.endswith(verb) and len(verb) < len(head):  # 搞 of "…交流活动搞了几场", a verb no list knows
        before = verb
    head = head[:len(head) - len(before)]
    # the noun counted goes with the target's verb when it is the verb asked before, or none was ("一共有多少个青年之家")
    return f"{head}{ask}{noun if before.endswith(verb) or before in ('', '有', '是', '为') else ''}?"


_TARGET_FORM = re.compile(r"的?目标(?=(?:是|有|为)?多少$)|(?:计划|打算|拟)(?=[\u4e00-\u9fff]{1,3}?(?:多少|几))")


def actual(question: str) -> str:
    """The figure reached of what a question asked, without its target (targeted's forms undone): "盘锦今年注册志愿者的
    目标是多少" -> "盘锦今年注册志愿者是多少", "漯河2024年计划募集多少就业见习岗位" -> "漯河2024年募集多少就业见习岗位"."""
    text = whole(question)
    if not asks_plan(text):
        return text
    forms = list(_TARGET_FORM.finditer(text))  # 拟 first: "西部计划拟招多少人" is 西部计划's plan, 计划 its name
    form = next((m for m in forms if m.group() == "拟"), forms[0] if forms else None)
    return text[:form.start()] + text[form.end():] if form else text


# An ask with a verb and nothing counted ("招了多少?", "新建了几家?"): a noun would follow the measure word.
ANY_VERB = re.compile(rf"^(?:一共|共|总共|实际)?(?P<verb>[\u4e00-\u9fff]{{1,2}})了?(?:多少|几)[万亿]?(?P<unit>{MEASURE})?[??]?$")
_LAST_ASK = re.compile(rf"(?:的)?(?:有|是|为)?了?(?:多少|几)[万亿]?(?:{MEASURE})?(?P<noun>[^\W\d多少几]{{0,8}})[??]?$")


def asked_of(previous: str, ask: str) -> str:
    """The thing the previous question counted, asked with another verb: "上饶2024年西部计划志愿者多少" + 招了多少 ->
    "上饶2024年西部计划志愿者招了多少?"; "青年之家有多少家" + 新建了几家 -> "青年之家新建了几家?"."""
    end = _LAST_ASK.search(previous.rstrip("??"))
    if not end:  # the ask was cut with a target's or a rate's words ("…志愿者完成率是多少": actual() left the thing)
        return f"{previous.rstrip('??')}{ask.rstrip('??')}?"
    head = STOCK.sub("", KIND_SWAPPED.sub("", previous[:end.start()]))  # the ask brings its kind: no 累计, 总数
    head = head[:len(head) - verb_before(head)] if verb_before(head) < len(head) else head
    return f"{head}{end['noun']}{ask.rstrip('??')}?"
