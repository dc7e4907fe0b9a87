"""What a follow-up asks of the thing the turn before counted, written as one question: a rank over its parts
("哪个乡镇最少?"), its rate against the target ("完成率呢?"), its count in another measure ("多少人?")."""
from __future__ import annotations

import re

from . import scope
from .followup_edit import FIGURE_PART, MEASURE, SUBJECT, TOWN, actual, place_phrase, verb_before, whole, without_towns
from .localities import schools


_WHOLE_WORDS = re.compile(r"全[市县省区州旗校]|其中|合计|总计")


def ranked_parts(previous: str, rank: re.Match) -> str:
    """"龙岩2024年全市发展了多少团员?" + "其中哪个县最多?" -> "龙岩2024年哪个县发展团员最多?"."""
    from .cross_detect import indicator_of

    previous = without_towns(previous)  # "…乃琼镇新发展了多少团员?" + 哪个乡镇最少: over all the towns
    named = scope.of_text(previous)
    where = place_phrase(previous, named.mentions[0]) if named.mentions else ""
    when = f"{named.years[0]}年" if named.years else ""
    thing = _WHOLE_WORDS.sub("", indicator_of(previous, named.mentions))
    return f"{where}{when}{part_word(previous, rank['which'])}{thing}{rank['most']}?"


def rate_of(previous: str, rate: str) -> str:
    """"拉萨2024年新发展了多少团员,比上年增加了多少?" + 完成率 -> "拉萨2024年新发展团员完成率是多少?": the thing the
    question counted first, its places and year, without its ask (as one question: "…,完成率是多少?" was read for
    its first figure)."""
    counted = _ASKED.sub("", actual(FIGURE_PART.split(previous)[0])).rstrip("??有是为")
    counted = _ACTUALLY.sub("", counted)
    if verb_before(counted) == 1:  # "伊春青年之家建": the thing, not its verb (希望工程募集 stays)
        counted = counted[:-1]
    return f"{counted}{rate}是多少?"


_ASKED = re.compile(rf"了?(?:是|有|为)?(?:多少|几)[万亿]?(?:钱|{MEASURE})?")
_ACTUALLY = re.compile(r"实际|一共|总共|共计|(?:完成|实现|达到)$")


def part_word(previous: str, which: str) -> str:
    """"哪个" alone ("哪个最少?") asks of the parts the turn before counted: a school's colleges, a county's towns,
    else a city's 县区."""
    if which not in ("哪", "哪个", "哪一个", "哪些"):
        return which
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
