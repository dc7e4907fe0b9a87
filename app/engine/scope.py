"""Scope: the places and years a question names, those each report covers, and which passages may answer.

A figure belongs to the place and year of its report: "北京市注册了多少志愿者?" is not answered with 宁夏's 528740人,
nor a 2021 question with a 2019 figure. Places come from the administrative-division table `cpca` ships (read as
data in ~10 ms: importing cpca builds a matcher) plus names in report titles, each known by its full and short name
(宁夏回族自治区/宁夏), its parents (铜川 is in 陕西) and its pinyin (Tongchuan, Xi'an). A place in an institution's
name (青岛科技大学) is where it stands: a "我校" report names no university, but its 崂山校区 lies in 青岛.
"""
from __future__ import annotations

import csv
import importlib.util
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

# A report whose title and file name name no place is about the places its text names at least half as often as
# its most-named one (one 北京 in a 宁夏 report is not its subject); reasoned, unused by the 37 practice reports.
FOCUS_SHARE = 0.5
LISTED = 10  # places (or years) a refusal names: one line; more reads as a dump
_AROUND = 8  # characters either side that settle whether a county's short name is a word
# County names that are everyday words in these reports (平安铜川, 白云社区, 新华社, 合作, 城区...).
COMMON = frozenset("平安 红旗 和平 白云 新华 光明 东方 城关 城中 市中 河东 河西 江南 江北 长安 解放 友谊 向阳 青山 东风 永和 "
                   "前进 胜利 新城 朝阳 西湖 大方 安宁 开平 永康 南山 北山 团结 文明 共青城 桥东 桥西 铁西 铁东 矿区 郊区 城区 "
                   "东安 宝山 新建 普陀 中山 民主 合作 振兴 双城 会理 会东 安定 青年 希望 团风 通道 阳光 新兴 永兴 兴业 开放 "
                   "文化 红星 城厢 新区 高新 海港 西区 东区 南区 北区 中原 鼓楼 先锋 和顺 安远 元宝 会同 资源 互助 友好 复兴 "
                   "公安 华龙 凌云 全州 安国".split())
ENGLISH = {"陕西": "Shaanxi", "内蒙古": "Inner Mongolia", "西藏": "Tibet", "哈尔滨": "Harbin", "香港": "Hong Kong",
           "澳门": "Macau", "乌鲁木齐": "Urumqi", "呼和浩特": "Hohhot"}
_SHORT = re.compile(r"^(.{2,}?)(?:(?:[^族]{1,5}族|维吾尔|蒙古)+自治[区州县旗]|自治[区州县旗]|特别行政区|新区|林区|省|市|地区|盟|县|区|旗)$")
# No name runs on past a quote mark, and 大学习 is 大+学习 ("青年大学习", a study campaign), not a university.
_INSTITUTION = re.compile(r"^[^在的和与及是有了哪几多少什么个所家,,。、“”\"「」\s]{0,4}?(?:大学(?![生习])|学院|学校|职业技术)")
_INSTITUTION_EN = re.compile(r"^(?:\s+[A-Z][a-z]+){0,3}\s+(?:University|College|Institute|School)\b")
_YEAR = re.compile(r"(?<![\d.])((?:19|20)\d{2})(?=\s*(?:年|届)|\s*[-—–~至到]\s*(?:19|20)\d{2}|[^\d\u4e00-\u9fff%.]|$)")
_RANGE = re.compile(r"(?<![\d.])((?:19|20)\d{2})\s*年?\s*[-—–~至到]\s*((?:19|20)\d{2})(?!\d)")
_CLAUSE = re.compile(r"[^,,;;。!?!?:]+")
PRIOR_WORDS = ("上年", "去年", "上一年", "同比", "较上", "比上")  # a figure of the year before the report's
_PRIOR = re.compile("|".join(PRIOR_WORDS))
_LOCALITY = re.compile(r"[\u4e00-\u9fff]{2,}(?:村|镇|乡|街道|社区|新区|开发区|园区|岛)")


@dataclass(frozen=True)
class Place:
    name: str  # 铜川市
    short: str  # 铜川
    code: str  # the 12-digit adcode; "" for a name known only from a report title
    level: int  # 0 province, 1 city or prefecture, 2 county, 3 a title name

    def within(self, other: "Place") -> bool:
        """Strictly inside `other` (铜川市 in 陕西省)."""
        n = 2 * (other.level + 1)
        return bool(self.code and other.code) and self.level > other.level and self.code[:n] == other.code[:n]

    @property
    def whole(self) -> tuple[str, ...]:
        """How a report speaks for all of it: 全省 or 团省委 for 陕西省, 全区 for 宁夏回族自治区, 全州 for 湘西州."""
        return "全" + self.name[-1], self.name[-1] + "委"

    @property
    def english(self) -> str:
        from ingest.words import lazy_pinyin  # pypinyin's, remembered per machine

        return ENGLISH.get(self.short) or "".join(lazy_pinyin(self.short)).capitalize()


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


def adcode_rows(purpose: str = "place names") -> list[tuple[str, str]]:
    """(adcode, name) of every real division in cpca's resources/adcodes.csv, read as data (importing cpca
    needs pkg_resources and builds a matcher); placeholders (市辖区, 县, 省直辖县级行政区划) left out."""
    spec = importlib.util.find_spec("cpca")
    if spec is None or not spec.submodule_search_locations:
        raise ImportError(f"{purpose} need the administrative-division table of cpca: pip install cpca")
    table = Path(list(spec.submodule_search_locations)[0]) / "resources" / "adcodes.csv"
    with table.open(encoding="utf-8") as f:
        return [(r["adcode"], r["name"]) for r in csv.DictReader(f)
                if "行政区划" not in r["name"] and r["name"] not in ("市辖区", "县")]


def level_of(code: str) -> int:
    """0 province, 1 city or prefecture, 2 county, from the adcode's zero padding."""
    return 0 if code[2:] == "0" * 10 else 1 if code[4:] == "0" * 8 else 2


@lru_cache(maxsize=1)
def divisions() -> tuple[Place, ...]:
    rows = [(code, name, _SHORT.match(name)) for code, name in adcode_rows()]
    return tuple(Place(name, m.group(1) if m else name, code, level_of(code)) for code, name, m in rows)


@lru_cache(maxsize=1)
def _table() -> dict[str, tuple[Place, bool]]:
    """surface -> (place, needs word bounds); a province wins a name over a city, a city over a county.
    Each name's first two characters are in it too (as None): a text is scanned only where a name may start."""
    table: dict[str, tuple[Place, bool]] = {}
    for p in sorted(divisions(), key=lambda p: p.level):
        forms = [p.name] + [p.short] * (p.short != p.name)
        if "自治" in p.name and p.level:  # 湘西土家族苗族自治州 is also 湘西州, 松桃苗族自治县 松桃县
            forms.append(p.short + p.name[-1])
        for form in forms:
            if p.level < 2 or (form not in COMMON and p.short not in COMMON):
                table.setdefault(form, (p, p.level == 2 and form == p.short))  # 基金会理事长 names no 会理
    return {**{form[:2]: None for form in table}, **table}


def find(text: str, extra: dict | None = None, known: tuple = ()) -> list[Mention]:
    """The places a text names, longest name first at each position. extra: title names {surface: Place};
    known: the places the reports name (English names their counties too)."""
    table, extra = _table(), extra or {}
    found, i = [], 0
    while i < len(text):
        if text[i:i + 2] not in table and not any(text.startswith(e, i) for e in extra):
            i += 1
            continue
        for size in range(min(16, len(text) - i), 1, -1):
            surface = text[i:i + size]
            hit = (extra[surface], False) if surface in extra else table.get(surface)
            if hit and (not hit[1] or _word(text, i, i + size)):
                found.append(Mention(hit[0], surface, i, i + size, bool(institution(text[i + size:]))))
                i += size - 1
                break
        i += 1
    english = re.search(r"[A-Z][a-z]", text)
    return found + _find_english(text, tuple(extra.values()) + tuple(known)) if english else found


def _word(text: str, start: int, end: int) -> bool:
    """Whether text[start:end] is a word of its sentence (jieba, on the few characters around it)."""
    from ingest.words import jieba as mapped

    jieba = mapped()

    left = max(0, start - _AROUND)
    edges = {left + e for _, a, b in jieba.tokenize(text[left:end + _AROUND]) for e in (a, b)}
    return start in edges and end in edges


def _find_english(text: str, known: tuple) -> list[Mention]:
    names = _pinyin(known)
    words = list(re.finditer(r"[A-Z][a-z]+(?:'(?!s\b)[a-z]+)?", text))  # Xi'an, Huai'an; not Tongchuan's
    found, skip = [], -1
    for i, word in enumerate(words):
        pair = words[i + 1] if i + 1 < len(words) and words[i + 1].start() == word.end() + 1 else None
        for m in ([word, pair], [word]) if pair else ([word],):  # "Inner Mongolia" before "Inner"
            surface = text[m[0].start():m[-1].end()]
            place = names.get(re.sub(r"[' ]", "", surface.lower()))
            if i > skip and place:
                found.append(Mention(place, surface, m[0].start(), m[-1].end(),
                                     bool(institution(text[m[-1].end():]))))
                skip = i + len(m) - 1
                break
    return found


@lru_cache(maxsize=8)
def _pinyin(known: tuple[Place, ...]) -> dict[str, Place]:
    """Pinyin of provinces, cities and the counties the reports name (all ~2,800 counties would catch words)."""
    from ingest.words import lazy_pinyin  # pypinyin's, remembered per machine

    table: dict[str, Place] = {}
    for p in sorted(set(known) | {p for p in divisions() if p.level < 2}, key=lambda p: (p not in known, p.level)):
        for key in filter(None, ("".join(lazy_pinyin(p.short)), ENGLISH.get(p.short, "").lower().replace(" ", ""))):
            table.setdefault(key, p)
    return table


def years(text: str) -> set[int]:
    """Every year a text names, with the years inside its ranges (2016—2020年 covers 2017 to 2019)."""
    return {int(y) for y in _YEAR.findall(text)}.union(*(range(int(a), int(b) + 1) for a, b in _RANGE.findall(text)))


def of_text(text: str, catalogue: "Catalogue | None" = None) -> Scope:
    """A question's scope: the places and years it names ("团市委" names none)."""
    mentions = find(text, catalogue.titled, catalogue.known) if catalogue else find(text)
    return Scope(tuple(mentions), tuple(dict.fromkeys(map(int, _YEAR.findall(text)))))


def institution(rest: str) -> int:
    """How long the institution's name goes on after its place ("理工大学" after 桂林), 0 for none."""
    m = _INSTITUTION.match(rest) or _INSTITUTION_EN.match(rest)
    return m.end() if m else 0


class Catalogue:
    """Every report's scope, from what the retriever holds (chunk texts and metadata): no Chroma round trip."""

    def __init__(self, texts: dict[str, str], metas: dict[str, dict], titled: dict | None = None,
                 reports: dict | None = None, locate=None):
        """texts, metas: {doc_id: whole text}, {doc_id: title, date, source} of the reports to work out;
        reports: those already worked out (a stored catalogue), kept; locate: quote -> doc ids, when the
        texts are not all here (the lexical index keeps them in Chroma)."""
        self.texts = texts
        self.metas = {d: {k: m.get(k) or "" for k in ("title", "date", "source")} for d, m in metas.items()}
        self.titled = _title_names(m["title"] for m in self.metas.values()) if titled is None else titled
        self.reports = {**(reports or {}), **{d: self._report(d) for d in texts}}
        self.known = tuple(sorted({p for r in self.reports.values() for p in r.named}, key=lambda p: p.code))
        self._locate = locate

    def to_json(self) -> dict:
        place = lambda p: [p.name, p.short, p.code, p.level]  # noqa: E731
        return {"titled": {k: place(p) for k, p in self.titled.items()},
                "reports": {d: [[place(p) for p in r.focus], [place(p) for p in r.named], sorted(r.years),
                                sorted(r.main_years)] for d, r in self.reports.items()}}

    @staticmethod
    def decode(data: dict) -> tuple[dict, dict]:
        """(titled, reports) of a stored catalogue (to_json). Each place is made once (a frozen dataclass's
        __init__ is slow, and 11,700 reports name 44,000 places, few of them different)."""
        places: dict[tuple, Place] = {}

        def place(row) -> Place:
            key = tuple(row)
            found = places.get(key)
            if found is None:
                found = places[key] = Place(*row)
            return found

        return ({k: place(v) for k, v in data["titled"].items()},
                {d: Report(frozenset(map(place, f)), frozenset(map(place, n)), frozenset(y), frozenset(m))
                 for d, (f, n, y, m) in data["reports"].items()})

    @classmethod
    def stored(cls, decoded: tuple, live: dict[str, dict], texts: dict[str, str], locate) -> "Catalogue":
        """A stored catalogue's reports still live, plus the reports in `texts` (changed since it was stored)."""
        titled, reports = decoded
        kept = reports if len(live) == len(reports) and not texts else \
            {d: r for d, r in reports.items() if d in live and d not in texts}
        return cls(texts, live, titled, kept, locate)

    def _report(self, doc_id: str) -> Report:
        return _remembered_report(self.metas[doc_id], self.texts[doc_id], self.titled)

    def covering(self, scope: Scope) -> set[str]:
        """The reports that name every place and year of the scope somewhere."""
        return {d for d, r in self.reports.items()
                if all(_names(r, m) for m in scope.mentions) and all(y in r.years for y in scope.years)}

    def locate(self, quote: str) -> set[str]:
        """The reports whose text holds a quoted sentence (which report a previous answer came from)."""
        head = re.sub(r"\s+", "", quote)[:24]  # a quote may span the pieces of a long paragraph
        if len(head) < 6:
            return set()
        if self._locate is not None:
            return self._locate(head[:12])  # a chunk boundary may fall after 12 characters, rarely before
        return {d for d, text in self.texts.items() if head in re.sub(r"\s+", "", text)}


_REPORTS: tuple = (None, {})  # (the titled table, {(title, date, source, text): Report}) of the latest catalogue
_REPORTS_MAX = 20_000


def _remembered_report(meta: dict, text: str, titled: dict) -> Report:
    """report_of, remembered for the texts of the reports changed since the lexical base: a catalogue is made
    for every catch-up, and working out each changed report's scope again cost 2 ms a report (0.5 s with 231
    changed reports at 100k chunks) for each new one. Same inputs, same Report; another titled table starts over."""
    global _REPORTS
    held, memo = _REPORTS
    if held is not titled or len(memo) > _REPORTS_MAX:
        memo = {}
        _REPORTS = (titled, memo)
    key = (meta["title"], meta["date"], meta["source"], text)
    found = memo.get(key)
    if found is None:
        found = memo[key] = report_of(meta, text, titled)
    return found


def report_of(meta: dict, text: str, titled: dict, in_text: list | None = None) -> Report:
    """A report's scope from its title, date, file name (meta) and text; in_text: the places its text names, when
    the caller has found them already (ingest/facts.py)."""
    in_text = [m.place for m in find(text, titled)] if in_text is None else in_text
    named = set(in_text) | {m.place for m in find(meta["title"], titled)}
    focus = {m.place for m in find(meta["title"], titled)} | _from_file(meta["source"], named)
    if not focus and in_text:
        top = max(map(in_text.count, set(in_text)))
        focus = {p for p in set(in_text) if in_text.count(p) >= FOCUS_SHARE * top}
    dated = {int(meta["date"][:4])} if re.match(r"\d{4}", meta["date"]) else set()
    main = dated | years(meta["title"]) | years(Path(meta["source"]).stem.replace("-", " "))
    return Report(frozenset(focus), frozenset(named), frozenset(main | years(text)), frozenset(main))


def match(scope: Scope, report: Report, paragraph: str, context: str, figure: bool = True) -> bool:
    """May a paragraph of this report answer a question of this scope? Each place the question names is the
    report's subject, or the paragraph (with its neighbours: reports narrate across paragraphs) names it; a
    question about a province is answered from a report about one of its cities only when the paragraph gives
    the province's figure (names it, or says 全省, as the subject of a figure when a figure is asked: `figure`).
    Each year is the report's (date, title) or its paragraph's."""
    for mention in dict((m.place, m) for m in scope.mentions).values():
        place = mention.place
        if place in report.focus or (mention.institution and _names(report, mention)):
            continue
        inside = any(f.within(place) for f in report.focus)  # a report about a part of the place asked
        words = (place.short, place.name) + place.whole
        if inside and not (_gives_figure(paragraph, words) if figure else any(w in paragraph for w in words)):
            return False
        if not inside and not any(w in context for w in (place.short, place.name)):
            return False
    # "较上年的986名" in a 2023 report gives 2022's figure.
    prior = {y - 1 for y in report.main_years} if _PRIOR.search(context) else set()
    return all(y in report.main_years or y in years(context) or y in prior for y in scope.years)


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


def refusal(scope: Scope, catalogue: Catalogue, english: bool = False) -> str:
    """A one-line message when no report names a place or year of the scope, saying which ones the knowledge base
    covers; "" otherwise (reports that cover each but not together leave it to the passages: app/api.py)."""
    reports = catalogue.reports.values()
    name = (lambda p: p.english) if english else (lambda p: p.short)
    listed = lambda xs, sep: sep.join(xs[:LISTED]) + ("……" if len(xs) > LISTED else "")  # noqa: E731
    for mention in scope.mentions:
        if not any(_names(r, mention) for r in reports):
            # Reports inside the place asked come first: a 陕西 question is shown the 铜川 report.
            focus = sorted({p for r in reports for p in r.focus}, key=lambda p: (not p.within(mention.place), p.code))
            places = list(dict.fromkeys(map(name, focus)))
            return (f"The knowledge base has no report about {mention.surface}. Reports cover: {listed(places, ', ')}."
                    if english else f"知识库中没有关于{mention.surface}的报告。现有报告涉及:{listed(places, '、')}。")
    for year in scope.years:
        if not any(year in r.years for r in reports):
            known = [str(y) for y in sorted({y for r in reports for y in r.main_years})]
            return (f"The knowledge base has no report for {year}. Reports are from: {listed(known, ', ')}."
                    if english else f"知识库中没有{year}年的报告。现有报告的年份:{listed(known, '、')}。")
    return ""


def _names(report: Report, mention: Mention) -> bool:
    """Whether a report names the place, or for an institution's place any place inside it."""
    return mention.place in report.named or (mention.institution and any(p.within(mention.place) for p in report.named))


def _title_names(titles) -> dict[str, Place]:
    """Place names in report titles that the table does not know (十八洞村): jieba's ns alone also tags 青春."""
    from ingest.words import posseg

    jieba_posseg = posseg()

    return {w.word: Place(w.word, w.word, "", 3) for title in titles if _LOCALITY.search(title)
            for w in jieba_posseg.cut(title)
            if w.flag == "ns" and _LOCALITY.fullmatch(w.word) and w.word not in _table() and not find(w.word)}


def _from_file(source: str, named: set) -> set:
    """Places a file name spells in pinyin (tianjin-volunteer-summary-2024.pdf), among those the report names."""
    words = set(re.split(r"[^a-z]+", Path(source).stem.lower()))
    return {p for p in named if _spelled(p.short) in words}


@lru_cache(maxsize=4096)
def _spelled(name: str) -> str:
    """A place name in pinyin: ingest asks for each report's places (pypinyin costs ~0.2 ms a name)."""
    from ingest.words import lazy_pinyin  # pypinyin's, remembered per machine

    return "".join(lazy_pinyin(name))


def catalogue(index) -> Catalogue:
    """The catalogue of a lexical state (app/engine/retrieve.py keeps it beside the state)."""
    return index.catalogue
