"""Scope: the places and years a question names, those each report covers, and which passages may answer.

A figure belongs to the place and year of its report: "北京市注册了多少志愿者?" is not answered with 宁夏's 528740人,
nor a 2021 question with a 2019 figure. Places come from the division table (app/engine/gazetteer.py) plus names
in report titles, each known by its full and short name (宁夏回族自治区/宁夏), its parents (铜川 is in 陕西) and its
pinyin (Tongchuan, Xi'an). A place in an institution's
name (青岛科技大学) is where it stands: a "我校" report names no university, but its 崂山校区 lies in 青岛.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import lru_cache

from .gazetteer import ENGLISH, Place, county_names, divisions, table as _table
from .localities import LOCALITY_AFTER, ZONES, localities, schools, zones  # noqa: F401  (re-exported)
from .periods import (LEAD_CHARS, LEAD_YEAR, PRIOR, PRIOR_WORDS, REVIEWED_YEAR, SECTION, SUMMARY_YEAR,  # noqa: F401
                      TITLED_REVIEW, _RANGE, _YEAR, lead_year, one_year, part_heading, report_period, section_year,
                      years)

LISTED = 10  # places (or years) a refusal names: one line; more reads as a dump
_AROUND = 8  # characters either side that settle whether a county's short name is a word
# No name runs on past a quote mark, and 大学习 is 大+学习 ("青年大学习", a study campaign), not a university.
_INSTITUTION = re.compile(r"^[^在的和与及是有了哪几多少什么个所家,,。、“”\"「」\s]{0,4}?(?:大学(?![生习])|学院|学校|职业技术|医专|师专|高专|职院)")
_INSTITUTION_EN = re.compile(r"^(?:\s+[A-Z][a-z]+){0,3}\s+(?:University|College|Institute|School)\b")
_CLAUSE = re.compile(r"[^,,;;。!?!?:]+")
# Raise when report_of's rules change: scopes stored by another version are worked out again, and a node's base
# (which keeps its reports' scopes) is built anew once, in a folder of its own (app/engine/retrieve.py).
SCOPE_VERSION = 27  # 27: a report whose first part reviews a year ("一、2025年工作回顾") under an opening longer than 300 characters is that year's; 26: a place named only inside an institution's name (中山大学, 北京师范大学珠海校区) is kept apart: a question about the place itself (中山市) is not answered from it; 25: a report whose first part is "一、2024年主要工作" is 2024's (a 全委会 report of February 2025 with no year in its title); 24: 龙江 alone is 黑龙江 (龙江全面振兴), not 龙江县; 23: a place after another and 和/与/、 begins there though jieba joins 和丰 (路南和丰南); 22: a county name several counties share (和平区, 铁西区) is read, the one inside the place named before it; 21: 林区 ends only 神农架林区 (万柏林区 is 万柏林, not 万柏); 20: 郫县 named 郫都区 (2016), added to the division changes; 19: a brief opening "2024年重点工作完成情况" is 2024's; 18: a city short name before 区/县 where that county name exists (朝阳区) names no city; 17: a meeting report opening "会议指出,2024年," reviews 2024; 16: a portal's site paragraph (© 2018-2025) covers no year; 15: a report stating 上年's figures covers the year before its own; 14: peoples named without 族 in an autonomous division (伊犁哈萨克自治州: 伊犁); 13: a full name jieba runs on into the next character (平安区新发展); 12: an autonomous county's short name + 县 whose short name is an everyday word (互助县); 11: a short name after punctuation or a year begins a word; 5: a county's full name whose short one is an everyday word (解放区); 6: divisions
# named since cpca's table (潞州区), 长治县区 is 长治's counties; 7: 医专, 师专, 高专, 职院 end an institution's name;
# 8: a file name's place that is the namesake of the title's (荆州区 in 荆州市's jingzhou-*.docx) is not the report's;
# 9: "乡镇和县直单位" names no 和县; 10: a bare name opening a town's (朝阳镇) names no place
_LOCALITY = re.compile(r"[\u4e00-\u9fff]{2,}(?:村|镇|乡|街道|社区|新区|开发区|园区|岛)")


@dataclass(frozen=True)
class Mention:
    place: Place
    surface: str  # as written: 铜川市, 铜川, Tongchuan
    start: int
    end: int
    institution: bool = False  # the place of an institution's name (青岛科技大学), not of the figure


@dataclass(frozen=True)
class Scope:
    mentions: tuple[Mention, ...] = ()
    years: tuple[int, ...] = ()

    def __bool__(self) -> bool:
        return bool(self.mentions or self.years)


@dataclass(frozen=True)
class Report:
    focus: frozenset  # the places it is about: named in its title or file name, else the most named in its text
    named: frozenset  # every place its title or text names
    years: frozenset  # its date's year and every year its title or text names
    main_years: frozenset  # its date's, its title's and its file name's years (pudong-youth-stations-2018.html)
    schooled: frozenset = frozenset()  # the places it names only in an institution's name (中山 of 中山大学珠海校区)


def find(text: str, extra: dict | None = None, known: tuple = ()) -> list[Mention]:
    """The places a text names, longest name first at each position. extra: title names {surface: Place};
    known: the places the reports name (English names their counties too)."""
    if not extra and not known:  # a passage's places, read again for every question it is retrieved for
        return list(_find_plain(text))
    return _find(text, extra, known)


@lru_cache(maxsize=4096)
def _find_plain(text: str) -> tuple[Mention, ...]:
    return tuple(_find(text, None, ()))


def _find(text: str, extra: dict | None, known: tuple) -> list[Mention]:
    extra, found, next_free = extra or _NO_EXTRA, [], 0
    starts = _starts(text, _name_table(extra))
    begins = {start for start, _ in starts}
    for start, candidates in starts:
        if start < next_free:
            continue
        for surface, (place, bounded) in candidates:  # longest first
            end = start + len(surface)
            if _TOWN_NAMED.match(text, end) and not _SUFFIXED.search(surface) and end not in begins:
                continue  # 朝阳镇 in 辉南县, 岫岩镇: a town's name, not 朝阳市 or 岫岩县 (苏州镇江 names 镇江)
            if place.level < 2 and not _SUFFIXED.search(surface) and text[end:end + 1] in ("区", "县") \
                    and (counties := county_names().get(surface + text[end])):
                # 朝阳区 (北京's, 长春's) is no 朝阳市: a county the table leaves out, the one in a province the
                # reports' titles name
                place = _of_around(counties, found, extra, known)  # 长春市朝阳区: 长春's
                surface, end, bounded = surface + text[end], end + 1, False
            elif place.level == 2 and len(counties := county_names().get(surface, ())) > 1:
                place = _of_around(counties, found, extra, known)  # 沈阳市和平区, not 天津's
            if surface.endswith("县") and _COUNTIES_OF.match(text, end):  # 长治县区: 长治's counties, not 长治县
                whole = _name_table(extra)[0].get(surface[:-1])
                if whole is not None and whole[0].level < 2:
                    surface, place, bounded, end = surface[:-1], whole[0], False, end - 1
            if _CONJOINED.match(surface) and _COUNTY_WORD.match(text, end - 1):
                continue  # "乡镇和县直单位": 和 joins 县直 (the county's organs), no 和县
            listed = bool(found) and found[-1].end == start - 1 and text[start - 1] in _JOINS  # 路南和丰南: 和丰 no word
            if not bounded or _word(text, start, end, listed):
                found.append(Mention(place, surface, start, end, bool(institution(text[end:]))))
                next_free = end
                break
    english = re.search(r"[A-Z][a-z]", text)
    return found + _find_english(text, tuple(extra.values()) + tuple(known)) if english else found


def _of_around(counties: tuple[Place, ...], found: list, extra: dict, known: tuple) -> Place:
    """Of the counties sharing a name, the one inside the place named last before it; else one the knowledge base's
    reports name (known: a report's own title places for its text); else in a province of the titles; else the first."""
    around = [m.place.code[:2 * (m.place.level + 1)] for m in reversed(found) if m.place.code]
    return next((c for a in around for c in counties if c.code.startswith(a)), None) or \
        next((c for c in counties if c in known), None) or \
        next((c for a in (p.code[:2 * (p.level + 1)] for p in known if p.code and p.level < 2) for c in counties
              if c.code.startswith(a)), None) or \
        next((c for a in (p.code[:2] for p in extra.values() if p.code) for c in counties if c.code.startswith(a)),
             counties[0])


_MAX_NAME = 16
# A bare place name opening a town's (朝阳镇, 长春镇, 朝阳街道); not 乡镇 (岫岩乡镇 are 岫岩's), 乡村, 乡贤.
_TOWN_NAMED = re.compile(r"镇(?![街村镇长级域])|乡(?![村镇贤亲土愁风音情里间野])|街道")
_SUFFIXED = re.compile(r"[省市县区旗州盟]$")
_CONJOINED = re.compile(r"^[和与及或同跟]县$")  # 和县 (安徽) is also 和 + a word beginning with 县
_COUNTY_WORD = re.compile(r"县(?:直|级|域|委|里|内|城|乡|区|市)")
_COUNTIES_OF = re.compile(r"区(?!域)|[((]\s*(?:市|区|市、区)\s*[))]|市区")  # after 县: a city's counties and districts
_NO_EXTRA: dict = {}
_NAMES: dict = {}  # id(extra) -> (extra, names): a catalogue's title names are one dict, asked 3x per report


def _name_table(extra: dict):
    """Every division name and title name (extra wins a surface) -> its hit, the lengths of the names starting
    with each two characters, and those two characters' codes, sorted: where a name may start is found for a
    whole text at once with numpy, then looked up there (Aho-Corasick, pyahocorasick, stepped ~200 ns a
    character: 2 s of a 100k-chunk base's build)."""
    held = _NAMES.get(id(extra))
    if held is not None and held[0] is extra:
        return held[1]
    import numpy as np

    names = {k: v for k, v in _table().items() if v is not None and 2 <= len(k) <= _MAX_NAME}
    names.update({k: (v, False) for k, v in extra.items() if 2 <= len(k) <= _MAX_NAME})
    lengths: dict[str, set] = {}
    for name in names:
        lengths.setdefault(name[:2], set()).add(len(name))
    codes = np.array(sorted(_pair_code(p) for p in lengths), np.int64)
    table = (names, {p: sorted(n, reverse=True) for p, n in lengths.items()}, codes)
    if len(_NAMES) > 8:
        _NAMES.clear()
    _NAMES[id(extra)] = (extra, table)
    return table


def _pair_code(pair: str) -> int:
    return (ord(pair[0]) << 21) | ord(pair[1])


def _starts(text: str, table):
    """(start, [(surface, hit), longest first]) of every name in the text, by start."""
    import numpy as np

    names, lengths, codes = table
    if len(text) < 2 or not len(codes):
        return []
    points = np.frombuffer(text.encode("utf-32-le"), np.uint32).astype(np.int64)
    pairs = (points[:-1] << 21) | points[1:]
    where = np.minimum(np.searchsorted(codes, pairs), len(codes) - 1)
    found = []
    for start in np.flatnonzero(codes[where] == pairs).tolist():
        hits = [(text[start:start + n], names[text[start:start + n]]) for n in lengths[text[start:start + 2]]
                if start + n <= len(text) and text[start:start + n] in names]
        if hits:
            found.append((start, hits))
    return found


_JOINS = "和与及同跟、"


def _word(text: str, start: int, end: int, listed: bool = False) -> bool:
    """Whether text[start:end] is a word of its sentence (jieba, on the few characters around it); listed: it
    follows another place and a conjunction, so it begins there whatever jieba joins."""
    from ingest.words import jieba as mapped

    jieba = mapped()

    left = max(0, start - _AROUND)
    tokens = list(jieba.tokenize(text[left:end + _AROUND]))
    edges = {left + e for _, a, b in tokens for e in (a, b)}
    return (start in edges or listed or _hard_start(text, start)) and (end in edges or not _CJK.match(text, end)
                                                           or _guessed_across(text, start, end, left, tokens, jieba))


def _guessed_across(text: str, start: int, end: int, left: int, tokens, jieba) -> bool:
    """A division's full name (平安区) that jieba's guess for unknown words ran on into the next character
    ("区新" of 平安区新发展团员, no word of its dictionary): the name ends there all the same."""
    if not _SUFFIXED.search(text[start:end]):
        return False
    across = next((word for word, a, b in tokens if left + a < end < left + b), None)
    return across is not None and jieba.dt.FREQ.get(across) is None


_CJK = re.compile(r"[\u4e00-\u9fff]")
_YEAR_BEFORE = re.compile(r"\d年$")


def _hard_start(text: str, start: int) -> bool:
    """A name right after punctuation or a year begins there whatever jieba joins ("2023年谯城、涡阳": 年谯)."""
    return start == 0 or not _CJK.match(text, start - 1) or bool(_YEAR_BEFORE.search(text, 0, start))


def _find_english(text: str, known: tuple) -> list[Mention]:
    names = _pinyin(known)
    words = list(re.finditer(r"[A-Z][a-z]+(?:'(?!s\b)[a-z]+)?", text))  # Xi'an, Huai'an; not Tongchuan's
    found, skip = [], -1
    for i, word in enumerate(words):
        pair = words[i + 1] if i + 1 < len(words) and words[i + 1].start() == word.end() + 1 else None
        for m in ([word, pair], [word]) if pair else ([word],):  # "Inner Mongolia" before "Inner"
            surface = text[m[0].start():m[-1].end()]
            # "Cao County": 曹县, whose one-character name keeps its suffix (caoxian); "Taihe County": 太和县
            suffixed = len(m) == 2 and m[0].group().lower() + _SUFFIX_EN.get(m[1].group(), "-")
            key = suffixed if suffixed in names else re.sub(r"[' -]", "", surface.lower())
            if i > skip and key in names:
                found.append((names[key], Mention(names[key][0], surface, m[0].start(), m[-1].end(),
                                                  bool(institution(text[m[-1].end():])))))
                skip = i + len(m) - 1
                break
    return [_within_named(m, places, found) for places, m in found]


def _within_named(mention: Mention, places: tuple, found: list) -> Mention:
    """Of places spelled alike (Taihe: 太和县 in 阜阳, 泰和县 in 吉安, 太和区 in 锦州), the one inside, or around, another
    place the question names ("Taihe County in Fuyang"); else the first (a place the reports name, the larger)."""
    others = [m.place for _, m in found if m is not mention]
    fit = next((p for p in places if any(p.within(o) or o.within(p) for o in others)), None)
    return replace(mention, place=fit) if fit is not None and fit != mention.place else mention


_SUFFIX_EN = {"County": "xian", "District": "qu", "City": "shi", "Banner": "qi"}
_SUFFIX_PINYIN = {"县": "xian", "区": "qu", "市": "shi", "旗": "qi"}


@lru_cache(maxsize=8)
def _pinyin(known: tuple[Place, ...]) -> dict[str, tuple[Place, ...]]:
    """Pinyin of provinces, cities and the counties the reports name (all ~2,800 counties would catch words) ->
    the places spelled so, the reports' and the larger first."""
    from ingest.words import lazy_pinyin  # pypinyin's, remembered per machine

    table: dict[str, list[Place]] = {}
    # The reports' places first, the larger first, then in the order given (a catalogue's asked names lead: Binhai
    # is 滨海新区 where its report is held, not 滨海县, which another report named once); never a set's order.
    order = {p: i for i, p in enumerate(dict.fromkeys(known))}
    for p in sorted(set(known) | {p for p in divisions() if p.level < 2},
                    key=lambda p: (p not in order, p.level, order.get(p, 0), p.code, p.name)):
        others = ENGLISH.get(p.short, "").lower().replace(" ", "").replace("-", "").replace("'", "").split("|")
        keys = ["".join(lazy_pinyin(p.short)), *others]
        if p.level == 2 and p.short != p.name and p.name[-1] in _SUFFIX_PINYIN:  # "Taihe County": 太和县, not 太和区
            keys.append(keys[0] + _SUFFIX_PINYIN[p.name[-1]])
        for key in filter(None, keys):
            table.setdefault(key, []).append(p)
    # Any other county only with its English suffix ("Chengmai County", blind set 39): a bare pinyin catches words.
    for p in (p for p in divisions() if p.level == 2 and p not in order and p.name[-1] in _SUFFIX_PINYIN):
        table.setdefault("".join(lazy_pinyin(p.short)) + _SUFFIX_PINYIN[p.name[-1]], []).append(p)
    return {key: tuple(places) for key, places in table.items()}


def of_text(text: str, catalogue=None) -> Scope:
    """A question's scope: the places and years it names ("团市委" names none)."""
    mentions = find(text, catalogue.asked_names, catalogue.known) if catalogue else find(text)
    return Scope(tuple(mentions), tuple(dict.fromkeys(map(int, _YEAR.findall(text)))))


# not an event held for the whole province ("全省集中培训几天": the 培训's days, blind set 60)
_WHOLE_PROVINCE = re.compile(r"全省(?!集中|统一|培训|会议|大会|比赛|大赛|表彰|评选|联赛|宣讲|巡回|示范|推进会|现场会)|"
                             r"\b(?:province-?wide|across the province|the whole province)\b", re.I)


def of_the_one_province(text: str, catalogue) -> str:
    """"全省2023年发放青创贷多少?" naming no place asks of the one province every report of the knowledge base is in
    (blind set 39: 琼海's 2023 figure answered it); with reports of several provinces, or a place named, as asked."""
    if not _WHOLE_PROVINCE.search(text) or find(text, catalogue.asked_names, catalogue.known):
        return text
    codes = {p.code[:2] for r in catalogue.reports.values() for p in r.focus if p.code}
    if len(codes) != 1:
        return text
    code = codes.pop()
    province = next((p for p in divisions() if p.level == 0 and p.code[:2] == code), None)
    if province is None:
        return text
    return f"{text.rstrip('?？ ')} in {province.english}?" if text.isascii() else province.short + text


def school_place(name: str) -> Place:
    """An institution as the place of its figures: its reports' facts and the questions that name it."""
    return Place(name, name, "", 3)


def institution(rest: str) -> int:
    """How long the institution's name goes on after its place ("理工大学" after 桂林), 0 for none."""
    m = _INSTITUTION.match(rest) or _INSTITUTION_EN.match(rest)
    return m.end() if m else 0


def match(scope: Scope, report: Report, paragraph: str, context: str, figure: bool = True, section: str = "") -> bool:
    """May a paragraph of this report answer a question of this scope? Each place the question names is the
    report's subject, or the paragraph (with its neighbours: reports narrate across paragraphs) names it; a
    question about a province is answered from a report about one of its cities only when the paragraph gives
    the province's figure (names it, or says 全省, as the subject of a figure when a figure is asked: `figure`).
    Each year is the report's (date, title), its paragraph's or its section heading's ("三、2025年工作安排": the
    targets under it are 2025's)."""
    for mention in dict((m.place, m) for m in scope.mentions).values():
        place = mention.place
        if place in report.focus or (mention.institution and _names(report, mention)):
            continue
        inside = any(f.within(place) for f in report.focus)  # a report about a part of the place asked
        words = (place.short, place.name)
        # 全市 in a report of 韶山市 (a county-level city) is 韶山's, not the 湘潭市 it lies in
        if not any(set(f.whole) & set(place.whole) for f in report.focus if f.within(place)):
            words += place.whole
        if inside and not (_gives_figure(paragraph, words) if figure else any(w in paragraph for w in words)):
            return False
        if not inside and not any(w in context for w in (place.short, place.name)):
            return False
    # "较上年的986名" in a 2023 report gives 2022's figure.
    prior = {y - 1 for y in report.main_years} if PRIOR.search(context) else set()
    return all(y in report.main_years or y in years(context) or y in prior or y in years(section) for y in scope.years)


def _gives_figure(paragraph: str, words) -> bool:
    """A city's report speaks for its province only where the province is the subject of a figure: named in a
    clause that holds one, not inside a title or an honour (获评“江西省五四红旗团委”, 黑龙江省“无毒校园”, “志愿四川”)."""
    from .numbers import find_quantities

    pattern = "|".join(map(re.escape, sorted(set(words), key=len, reverse=True)))  # 黑龙江省 before 黑龙江
    for m in re.finditer(pattern, paragraph):
        before, after = paragraph[:m.start()], paragraph[m.end():m.end() + 1]
        if before.count("“") > before.count("”") or before.count("《") > before.count("》") or (after and after in "“《"):
            continue
        clause = _CLAUSE.search(paragraph, _clause_start(paragraph, m.start()))
        if any(q.unit not in ("年", "月", "日") for q in find_quantities(clause.group())):
            return True
    return False


def _clause_start(text: str, at: int) -> int:
    return max(text.rfind(c, 0, at) for c in ",,;;。!?!?:") + 1


def refusal(scope: Scope, catalogue, english: bool = False) -> str:
    """A one-line message when no report names a place or year of the scope, saying which ones the knowledge base
    covers; "" otherwise (reports that cover each but not together leave it to the passages: app/api.py)."""
    reports = catalogue.reports.values()
    name = (lambda p: p.english) if english else (lambda p: p.short)
    listed = lambda xs, sep: sep.join(xs[:LISTED]) + ("……" if len(xs) > LISTED else "")  # noqa: E731
    for mention in scope.mentions:
        if not catalogue.naming(mention):
            # Reports inside the place asked come first: a 陕西 question is shown the 铜川 report.
            focus = sorted({p for r in reports for p in r.focus}, key=lambda p: (not p.within(mention.place), p.code))
            places = list(dict.fromkeys(map(name, focus)))
            return (f"The knowledge base has no report about {mention.surface}. Reports cover: {listed(places, ', ')}."
                    if english else f"知识库中没有关于{mention.surface}的报告。现有报告涉及:{listed(places, '、')}。")
    for year in scope.years:
        if not catalogue.of_year(year):
            known = [str(y) for y in sorted({y for r in reports for y in r.main_years})]
            return (f"The knowledge base has no report for {year}. Reports are from: {listed(known, ', ')}."
                    if english else f"知识库中没有{year}年的报告。现有报告的年份:{listed(known, '、')}。")
    return ""


def _names(report: Report, mention: Mention) -> bool:
    """Whether a report names the place, or for an institution's place any place inside it."""
    return mention.place in report.named or (mention.institution and any(p.within(mention.place) for p in report.named))


def catalogue(index):
    """The catalogue of a lexical state (app/engine/retrieve.py keeps it beside the state)."""
    return index.catalogue
