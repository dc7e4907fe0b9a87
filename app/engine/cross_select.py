"""Which of the facts matched answer a cross question (cross.answer): those that pass MATCH_MIN, and for each place
the question names, the figures it is asked about even when their indicator reads apart from the question's."""
from __future__ import annotations

import re

from ingest.schema import Fact

from .cross_units import unit_family

_CLAUSE = re.compile(r"[,,;;。]")


def passing(facts: list[tuple[Fact, float]], q, family: str) -> list[tuple[Fact, float]]:
    """The facts that pass MATCH_MIN; and for a place the question names that has none, its best match in the
    family counted. The threshold decides which places have the figure when none is named; a place named is asked
    about, so its nearest figure is shown (with its quote) rather than none, with the place's other figures of
    that indicator (its other years and reports, which a trend lists). A fact whose indicator's core is that of
    one kept counts the same thing and is kept too (遵义's 全市共有团员 with 赣州's): the threshold judges
    indicators, and the context half of the score differs between reports that word one indicator alike."""
    from .cross import MATCH_MIN, core

    kept = [(f, s) for f, s in facts if s >= MATCH_MIN]
    same = {core(f.indicator) for f, _ in kept if unit_family(f.unit) == family}
    kept += [(f, s) for f, s in facts if s < MATCH_MIN and unit_family(f.unit) == family and core(f.indicator) in same]
    have = {f.place for f, _ in kept}
    # A named place's figures stated in one sentence with one kept are kept too: "新建“青年之家”综合服务平台46个,全市
    # 累计建成268个,其中星级“青年之家”52个" words the running total apart, and the period asked chooses among them.
    named = {p.key for p in q.places}
    said = {(f.place, f.quote) for f, _ in kept if f.place in named}
    kept += [(f, s) for f, s in facts if s < MATCH_MIN and unit_family(f.unit) == family and (f.place, f.quote) in said
             and core(f.indicator) not in same]
    own, head = dict(q.place_years), _head(q.indicator)
    for place in (p.key for p in q.places):
        mine = [(f, s) for f, s in facts if f.place == place and unit_family(f.unit) == family]
        years = (own[place],) if place in own else q.years
        added = [x for year in years for x in _of_a_year(mine, kept, place, year, q.indicator)]
        if place not in have and not added and mine:
            added = _nearest(mine, q.indicator)
        kept += added
        kept += _saying(head, mine, [x for x in kept if x[0].place == place], years)
    return sorted(kept, key=lambda x: -x[1])


def _head(indicator: str) -> str:
    """The last content word of what is counted: "西部计划报名人数" asks 报名, what a sentence must say."""
    from .cross import core
    from .cross_mention import words

    found = words(core(indicator))
    return found[-1] if len(found) > 1 else ""


def _clause(f: Fact) -> str:
    return next((c for c in _CLAUSE.split(f.quote) if f.figure and f.figure in c), f.quote)


def _saying(head: str, mine, kept, years) -> list[tuple[Fact, float]]:
    """A named place's figures whose clause says the head word, for each year asked (or at all) none of whose kept
    figures does: 重庆's "全国报名服务重庆的应届大学毕业生共18000余名" and "51136人意向报名", where what passes
    counts the volunteers recruited ("累计招募西部计划志愿者3.5万余名")."""
    if not head:
        return []
    out = []
    for group in ([(y,) for y in years] if years else [None]):
        here = lambda f: group is None or f.year in group  # noqa: E731
        if not any(head in _clause(f) for f, _ in kept if here(f)):
            out += [(f, s) for f, s in mine if here(f) and head in _clause(f) and (f, s) not in kept]
    return out


def _of_a_year(mine, kept, place: str, year: int, asked: str) -> list[tuple[Fact, float]]:
    """A year asked is each named place's too: 泉州's figure since 2003 passes, its 2024 one ("最终录取志愿者138名")
    is asked; 重庆's 2017 报名 figure, when its 2020 and 2023 ones pass. Its nearest of that year, when none kept."""
    if any(f.place == place and f.year == year for f, _ in kept):
        return []
    return _nearest([(f, s) for f, s in mine if f.year == year], asked)


def _nearest(mine, asked: str) -> list[tuple[Fact, float]]:
    """The facts of the indicator nearest the question's, with the whole a part of theirs belongs to."""
    from .cross import core

    if not mine:
        return []
    nearest = core(max(mine, key=lambda x: x[1])[0].indicator)
    found = [(f, s) for f, s in mine if core(f.indicator) == nearest]
    return found + [x for x in mine if x not in found and any(_whole_of(x[0], f, asked) for f, _ in found)]


_PART = re.compile(r"^\s*(?:其中|含)")


def _whole_of(whole: Fact, part: Fact, asked: str) -> bool:
    """`whole` is the figure `part` is a share of ("受理各类来电来信16382件,其中心理咨询类9846件") and the question
    does not ask for that share: an indicator's nearest embedding may be the part's, the sentence says which is all."""
    if whole.quote != part.quote or not _PART.match(_clause(part)) or _PART.match(_clause(whole)):
        return False
    return not part_asked(part, asked) and whole.quote.find(whole.figure) < whole.quote.find(part.figure)


def part_asked(f: Fact, asked: str) -> bool:
    """f is a share its sentence states ("其中心理咨询类9846件") and the question names it: it beats the whole."""
    clause = _clause(f)
    if not _PART.match(clause):
        return False
    named = re.sub(r"[“”\"‘’「」]", "", _PART.sub("", clause).split(f.figure)[0]) if f.figure else ""
    return bool(named) and named in re.sub(r"[“”\"‘’「」]", "", asked)  # 其中星级“青年之家”: 星级青年之家 asked?


def of_years(facts: list[tuple[Fact, float]], years, own=None) -> list[tuple[Fact, float]]:
    """A place's figures of the years asked, when it has any (else all of them: the answer then says the years);
    own: a place's own year ("绵阳(2023年)") instead of the question's."""
    own = own or {}
    wanted = lambda place: (own[place],) if place in own else years  # noqa: E731
    have = {f.place for f, _ in facts if f.year in wanted(f.place)}
    return [(f, s) for f, s in facts if f.place not in have or f.year in wanted(f.place)]
