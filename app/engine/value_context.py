"""What the text around a candidate's value says: its sentence, the table row and caption it sits in, the place
or college named before it, whether it is a target, a position stated after a name, and the towns a text names.
Read by app/engine/features.py for the feature vector and by app/engine/answer.py."""
from __future__ import annotations

import re
from bisect import bisect_right
from functools import lru_cache
from typing import TYPE_CHECKING

from ingest.tables import CHOSEN_PARTS

from .cross_period import plan_at, plan_section
from .localities import LOCALITY_AFTER, TOWN, TOWN_END, schools
from .numbers import chinese_to_int, find_quantities
from .people import ROLE

if TYPE_CHECKING:
    from .candidate_env import Env

_TOWN_AT = re.compile(TOWN)
_LED_TOWN = re.compile(r"(?P<town>[\u4e00-\u9fff]{1,4}?(?:镇|乡|街道))[::]")  # a paragraph led by its town (马镇:)
_CELL_DONE = re.compile(r"完成|实际|实有|达成|获奖|情况")  # a table cell's header: the result, or the plan
_CELL_PLAN = re.compile(r"计划|目标|任务|预计")
_TOTAL_ROW = re.compile(r"\s*(?:合计|总计)")  # a table's total row (or a sentence of a total): the whole place's
WHOLE_AT = re.compile(r"全(?:[市区县州省旗盟]|地区)(?![\u4e00-\u9fff]?(?:委|直|级))")  # 全区, not 全区委/全市直/全县级
_NAMESAKE_TOWN = re.compile(TOWN_END)  # right after a county's name: the town named after it
_TOWN = re.compile(rf"^[年月]?({TOWN})")  # 茅坪镇, at a run's start once places are cut
_JOINED = re.compile(r"[、和与及,,]|以及")  # places listed together
SENTENCE = re.compile(r"[^。!?!?;;]+[。!?!?;;]*[”’」)]*")


def towns_asked(text: str) -> bool:
    """Whether a question names a town (马镇 too: one character and 镇, which TOWN leaves to paragraphs it leads)."""
    return bool(towns(text)) or bool(_ONE_CHAR_TOWN.search(text))


_ONE_CHAR_TOWN = re.compile(r"(?<![\u4e00-\u9fff])[\u4e00-\u9fff]镇(?![街村长级域])|^[\u4e00-\u9fff]镇")


def towns(text: str, mentions: list | None = None) -> list[str]:
    """Towns a question names ("固始段集镇", "秭归2024年茅坪镇"): no gazetteer holds them; 乡镇团委 names none.
    mentions: the text's places (scope.find), when the caller has them."""
    from .scope import find

    for m in reversed(find(text) if mentions is None else mentions):
        text = text[:m.start] + " " + text[m.end:]
    return [m.group(1) for run in re.findall(r"[\u4e00-\u9fff]+", text) if (m := _TOWN.match(run))]


def place_at_value(env: Env, rank: int, begin: int, at: int) -> dict:
    """Whether the place named nearest before the value, in its sentence, is one the question asks."""
    if not env.places and not env.unplaced and not env.asks_whole:
        return {}
    if rank not in env._mentions:
        from .scope import find

        env._mentions[rank] = [m for m in find(env.passages[rank].text) if not m.institution]
    near = [m for m in env._mentions[rank] if begin <= m.start and m.end <= at]
    text = env.passages[rank].text
    if not env.places:
        return _unplaced_part(env, rank, near, text, begin)
    total = not near and total_row(text, begin)
    if not near and not total and (caption := row_caption(text, begin)):
        near = [m for m in env._mentions[rank] if m.end < len(caption)]  # the caption's place is every cell's
    towns = list(_TOWN_AT.finditer(text, begin, at))
    if towns and (not near or towns[-1].start() >= near[-1].end):  # "莞城街道发展团员186名": the town's, below the city
        town = towns[-1].group()  # may start one character early ("在虎门镇"): its name is the last 3 (4: 莞城街道)
        fit = any(town[i:] in env.question.text for i in range(len(town) - (4 if town.endswith("街道") else 3) + 1))
        return {"place_at_value": float(fit), "place_other_at_value": float(not fit)}
    if not near and (led := _LED_TOWN.match(text)):  # "马镇:全年新发展团员17名": the paragraph is the town's
        fit = led["town"] in env.question.text
        return {"place_at_value": float(fit), "place_other_at_value": float(not fit)}
    whole = [m for m in WHOLE_AT.finditer(text, begin, at) if not near or m.start() >= near[-1].end]
    if total:
        whole = [True]  # "…完成情况,合计新发展团员12874名;合计实名注册志愿者186.4万人": the row of all the parts
    if whole and any(env.names_place(p, env.passages[rank].title + env.passages[rank].focus) for p in env.places):
        # "全年全区新发展团员236名": the report's place (its title's, or its focus city's), which the question asks
        fit = not towns_asked(env.question.text)
        return {"place_at_value": float(fit), "place_other_at_value": float(not fit)}
    if not near:
        return {}
    last = _respective(near, text, at) or near[-1]
    # the place itself, not a name: 荆州区 (short name 荆州) is not the 荆州 a question asks
    fit = any(last.place == m.place for m in env.asked) or last.surface in env.places
    if fit and (part := LOCALITY_AFTER.match(text, last.end)):  # "菏泽高新区3916名" is a zone's, not 菏泽's
        fit = part.group() in env.question.text
    elif fit and (town := _NAMESAKE_TOWN.match(text, last.end)):  # "岫岩镇发展团员58名" is the town's, not 岫岩县's
        fit = last.surface + town.group() in env.question.text
    return {"place_at_value": float(fit), "place_other_at_value": float(not fit)}


def _unplaced_part(env: Env, rank: int, near: list, text: str, begin: int) -> dict:
    """A question naming no place (or only 全市), asked of a knowledge base one of whose retrieved reports holds the
    others' places: whether the value is a part's (its sentence or its row's caption names a place inside that whole:
    渭滨区's row for "2024年全市新发展团员多少" of 宝鸡's KB)."""
    if not near and (caption := row_caption(text, begin)):
        near = [m for m in env._mentions[rank] if m.end < len(caption)]
    wholes = env.wholes()
    return {"unplaced_part_at_value": float(bool(wholes) and any(m.place.within(w) for m in near for w in wholes))}


def is_target(text: str, at: int, section: str, period: str = "") -> bool:
    """A target, not a result: a table row's cell says which by its own header ("新发展团员2024年计划6,800名;新发展团员
    2024年完成7,152名", below a 2025 plan's heading); prose by its words and its section's heading, which also plans
    when it names a year after the one the report is about (period: "三、2026年主要工作" of a 2025 report)."""
    if (comma := row_start(text)) > 0:
        cell = text[max(comma, *(text.rfind(c, 0, at) for c in ";;")) + 1:at]
        for says in (cell, text[:comma]):  # the cell's header, else the caption's ("…指标完成情况")
            done, plan = bool(_CELL_DONE.search(says)), bool(_CELL_PLAN.search(says))
            if done != plan:
                return plan
    return plan_at(text, at) or plan_section(section) or (period.isdigit() and any(
        int(year) > int(period) for year in _SECTION_YEAR.findall(section)))


_SECTION_YEAR = re.compile(r"((?:19|20)\d{2})\s*年")


def row_start(text: str) -> int:
    """Where a table row's cells start (after its caption's comma), when every cell repeats the row's header; -1 in
    prose."""
    comma = _caption_comma(text)
    starts, _ = _sentences(text)
    label = text[comma + 1:comma + 3]
    if comma < 2 or len(starts) < 2 or not all(text.startswith(label, a) for a in starts[1:]):
        return -1
    return comma + 1


def line_caption(text: str, start: int) -> str:
    """The caption of a table row's line ("附:表1 2024年各区县…主要指标,屯溪区…;黄山区…") for a cell after the first, its
    bodies as columns or not; "" for the first cell (its sentence holds it) or a paragraph with no such caption."""
    comma = _caption_comma(text)
    if comma <= 0 or comma > 40 or start <= comma or ";" in text[:comma] or ";" not in text[comma:]:
        return ""
    return text[:comma + 1]


def _caption_comma(text: str) -> int:
    """The first comma (either width) after the paragraph's first character; -1 for none."""
    return min((i for i in (text.find(","), text.find(",")) if i > 0), default=-1)


# A position: 第N(名/位), a ranking table's 排名N, 首位/榜首/第一名 (1), or the last (末位/垫底/倒数第一; 最少/最低 asked of a place).
_POSITION_NTH = re.compile(r"(?:第|排名第?|名列第?)([一二三四五六七八九十]|\d{1,2})(?!\d)(?:名|位)?|(首位|榜首|头名|冠军)|"
                           r"(末位|垫底|倒数第一|最后一名)")
_POSITION_SUPER = re.compile(r"最(?:多|高|大|好|快)|(最(?:少|低|小|差|慢))")
POSITION_REACH = 24  # characters after the name within its sentence: "民和县团委综合得分96.3分,位列全市第一"


def _position(m: re.Match) -> int | str | None:
    if m.group(1):
        return chinese_to_int(m.group(1)) if not m.group(1).isdigit() else int(m.group(1))
    return 1 if m.group(2) else "last"


def position(text: str) -> int | str | None:
    """The position a which-question asks ("考核第一名是哪个" 1, "排名第三的县" 3, "最少的是哪个镇" last), or the one a
    sentence states right after a name ("…,位列全市第一", "居全市首位", "排名垫底")."""
    if m := _POSITION_NTH.search(text):
        return _position(m)
    if m := _POSITION_SUPER.search(text):
        return "last" if m.group(1) else 1
    return None


def deputy_misfit(env: Env, before: str) -> bool:
    """The role written right before a person is the deputy of the one asked, or the one asked of a deputy asked:
    "铜川团市委副书记是谁?" is not answered by "团市委书记王娜"."""
    if env.role_asked is None:
        return False
    written = list(ROLE.finditer(before))
    if not written:
        return False
    # Or a town's or college's deputy for the report's own league committee's asked (blind set 39: "海口团市委副书记是谁?"
    # and "美兰区演丰镇团委副书记陈雅琪").
    lower = _OWN_COMMITTEE.search(env.question.text) and _LOWER_COMMITTEE.search(before, 0, written[-1].start())
    # Or the city's (团市委书记) for a district's or county's asked (blind set 55: "香坊区团委书记是谁").
    higher = _COUNTY_COMMITTEE.search(env.question.text) and _CITY_COMMITTEE.search(before, 0, written[-1].start())
    return bool(lower or higher) or written[-1].group().startswith("副") != env.role_asked.startswith("副")


_COUNTY_COMMITTEE = re.compile(r"[\u4e00-\u9fff]{1,6}[区县旗](?:团委|团工委)|团[\u4e00-\u9fff]{0,6}[区县旗]委")  # 团西工区委 too
_CITY_COMMITTEE = re.compile(r"(?:团[市省州]委|[市省]团委)$")
_OWN_COMMITTEE = re.compile(r"团[省市区县州]委|[省市区县州]团委|校团委")
_LOWER_COMMITTEE = re.compile(r"(?:镇|乡|街道|社区|村|学院|院系|团支部|园区|企业|公司|中学|小学)(?:团委|团工委|团总支|团支部)?$")


def total_row(text: str, begin: int) -> bool:
    """Whether the sentence (a row's cell) at `begin` is a total's; the first cell after its row's caption. Not a
    table of chosen parts ("重点街道(镇)…", "部分区县…"): its 合计 sums only the rows shown."""
    comma = _caption_comma(text)
    if comma > 0 and CHOSEN_PARTS.search(text, 0, comma):
        return False
    return bool(_TOTAL_ROW.match(text, comma + 1 if 0 <= begin < comma else begin))


def school_at_value(env: Env, before: str) -> dict:
    """A college named nearest before the value (a table row's "财经学院团支部51个") is the place at the value: the
    question's when it names that college, another's when it names another or only the university."""
    named = schools(before)
    if not named:
        return {}
    college = named[-1][2]
    fit = college in env.question.text or any(college in s or s.endswith(college) for s in env.schools)
    return {"place_at_value": float(fit), "place_other_at_value": float(not fit)}


def _respective(near: list, text: str, at: int):
    """"宝丰县、叶县分别发展团员438名和415名": the place a value pairs with, by order, where places listed together
    are followed by 分别 and as many figures; None otherwise."""
    last = near[-1]
    word = text.find("分别", last.end, at)
    if word < 0 or word - last.end > 12:
        return None
    listed = [last]
    for m in reversed(near[:-1]):
        if not _JOINED.fullmatch(text[m.end:listed[0].start]):
            break
        listed.insert(0, m)
    end = sentence.end() if (sentence := SENTENCE.match(text, at)) else len(text)
    figures = [q.start + word for q in find_quantities(text[word:end]) if q.unit not in ("年", "月", "日")]
    if len(listed) < 2 or len(figures) < len(listed) or at not in figures[:len(listed)]:
        return None
    return listed[figures.index(at)]


def row_caption(text: str, start: int) -> str:
    """A table row's caption, for each cell after the first ("2021-2023年各县注册志愿者人数,望都县2021年2050人;望都县
    2023年2300人。": the caption says what every cell counts); "" in prose or the first cell."""
    cells = row_start(text)
    if cells < 0 or start < cells or not text.startswith(text[cells:cells + 2], start):
        return ""
    return text[:cells]


def sentence_span(text: str, span: tuple[int, int]) -> tuple[int, int]:
    """The sentence a span starts in (the span itself when no sentence holds it)."""
    starts, spans = _sentences(text)
    i = bisect_right(starts, span[0]) - 1
    return spans[i] if i >= 0 and span[0] < spans[i][1] else span


@lru_cache(maxsize=256)
def _sentences(text: str) -> tuple[list[int], list[tuple[int, int]]]:
    """A paragraph's sentences, found once: every candidate of it asks (~3 times each)."""
    spans = [m.span() for m in SENTENCE.finditer(text)]
    return [a for a, _ in spans], spans
