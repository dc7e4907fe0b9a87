"""The catalogue: every report's scope (places, years), worked out when a lexical base is written and for the
reports changed since, with indexes so that a question's covering reports cost a few set operations, not a
pass over every report (30 ms a question at 11,700 reports). Ingest keeps each report's scope in its record
(stored_scope), so a new base reads them instead of working out 11,700 scopes (2.4 s of its 100k-chunk build).
"""
from __future__ import annotations

import json
import re
from functools import cached_property, lru_cache
from pathlib import Path

from .periods import PRIOR_FIGURE, SITE_PARAGRAPH, report_period, years
from .gazetteer import COMMON, Place, table
from .scope import SCOPE_VERSION, Mention, Report, Scope, _LOCALITY, _pinyin, find, schools

# A report whose title and file name name no place is about the places its text names at least half as often as
# its most-named one (one 北京 in a 宁夏 report is not its subject); reasoned, unused by the 37 practice reports.
FOCUS_SHARE = 0.5


def _first_two(focus: set, titled: dict, gazetteer: dict) -> dict[str, Place]:
    """A place reports are about, of a long short name, by its first two characters as staff write it (堆龙 for
    堆龙德庆区), where no division and no other such place goes by them."""
    cut: dict[str, set] = {}
    for p in focus:
        if len(p.short) >= 4 and p.code:
            cut.setdefault(p.short[:2], set()).add(p)
    return {two: next(iter(ps)) for two, ps in cut.items() if len(ps) == 1 and gazetteer.get(two) is None
            and two not in titled}


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

    @cached_property
    def schools(self) -> tuple[str, ...]:
        """The universities and colleges the report titles name (共青团辽宁科技大学委员会…)."""
        return tuple(dict.fromkeys(name for m in self.metas.values() for _, _, name in schools(m["title"])))

    @cached_property
    def asked_names(self) -> dict[str, Place]:
        """The title names, and a short name the reports use for a place other than the gazetteer's first reading
        of it: "东港" is 日照's 东港区 to the gazetteer, 丹东's 东港市 in a knowledge base whose reports name that."""
        shorts: dict[str, set] = {}
        for p in self.known:
            shorts.setdefault(p.short, set()).add(p)
        gazetteer = table()
        focus = {p for r in self.reports.values() for p in r.focus}
        # Of two known places sharing a short name, the one a report is about ("滨海": 滨海新区's report, where
        # another report's text named 滨海县 once)
        chosen = {short: ps if len(ps) == 1 else ps & focus for short, ps in shorts.items()}
        ambiguous = {short: next(iter(ps)) for short, ps in chosen.items() if len(ps) == 1 and short not in self.titled
                     and (hit := gazetteer.get(short)) is not None and hit[0] not in ps}
        # 和平 for 和平区, 铁西 for 铁西区: an everyday word the gazetteer leaves out, staff's name for a report's place
        everyday = {short: ps.pop() for short in COMMON if len(ps := {p for p in focus if p.short == short}) == 1}
        return {**everyday, **_first_two(focus, self.titled, gazetteer), **self.titled, **ambiguous}

    def to_json(self) -> dict:
        return {"titled": {k: _place_row(p) for k, p in self.titled.items()},
                "reports": {d: _report_row(r) for d, r in self.reports.items()}}

    @staticmethod
    def decode(data: dict) -> tuple[dict, dict]:
        """(titled, reports) of a stored catalogue (to_json)."""
        place = Places()
        return ({k: place(v) for k, v in data["titled"].items()},
                {d: _report_of_row(row, place) for d, row in data["reports"].items()})

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
        found = None
        for hit in [self.naming(m) for m in scope.mentions] + [self.of_year(y) for y in scope.years]:
            found = set(hit) if found is None else found & hit
        return set(self.reports) if found is None else found

    def about(self, scope: Scope) -> set[str]:
        """The reports about every place the scope names (their focus holds it: 海东's own 通报, not 互助县's report that
        names 海东 in passing); empty when it names none."""
        places = {m.place for m in scope.mentions if not m.institution}
        if not places or any(p.within(o) for p in places for o in places):  # 鞍山铁西区: a part is asked
            return set()
        return set.intersection(*(self._by_focus.get(p, set()) for p in places))

    @cached_property
    def _by_focus(self) -> dict[Place, set[str]]:
        """The reports about each place; a university's report is its own, whatever city it stands in (西南石油大学's
        is no 南充 report). An index, not a pass over every report per question (11,700 of them at 100k chunks)."""
        return _inverted((d, r.focus) for d, r in self.reports.items() if not schools(self.metas[d]["title"]))

    @cached_property
    def holding(self) -> set[str]:
        """The reports about a place that holds another report's place: a city's among its counties' (the
        knowledge base's whole, for a question that names no place). A report's place is its deepest focus
        (红花岗区's "共青团遵义市红花岗区委员会" is 红花岗's, not 遵义's); an index of those places' ancestors, not
        a pass over every pair of reports."""
        deepest = {d: max(r.focus, key=lambda p: p.level) for d, r in self.reports.items()
                   if r.focus and not schools(self.metas[d]["title"])}
        ancestors = {(level, p.code[:2 * (level + 1)]) for p in deepest.values() if p.code for level in range(p.level)}
        return {d for d, p in deepest.items() if p.code and (p.level, p.code[:2 * (p.level + 1)]) in ancestors}

    def titled_with(self, names) -> set[str]:
        """The reports whose title names one of these universities (their own reports)."""
        return {d for d, m in self.metas.items() if any(n in m["title"] for n in names)} if names else set()

    def naming(self, mention: Mention) -> set[str]:
        """The reports that name the place, or for an institution's place any place inside it (scope._names); the
        place itself asked (中山市), not from reports that name it only in an institution's name (中山大学)."""
        named = self._by_place.get(mention.place, set())
        if not mention.institution:
            return named - self._schooled.get(mention.place, set())
        if not mention.place.code:
            return named
        level = mention.place.level
        return named | self._by_ancestor.get((level, mention.place.code[:2 * (level + 1)]), set())

    def of_year(self, year: int) -> set[str]:
        return self._by_year.get(year, set())

    @cached_property
    def _by_place(self) -> dict[Place, set[str]]:
        return _inverted((d, r.named) for d, r in self.reports.items())

    @cached_property
    def _schooled(self) -> dict[Place, set[str]]:
        return _inverted((d, r.schooled) for d, r in self.reports.items())

    @cached_property
    def _by_ancestor(self) -> dict[tuple[int, str], set[str]]:
        """(level, code prefix) of every place a named place lies strictly within (Place.within) -> reports."""
        index: dict[tuple[int, str], set[str]] = {}
        for p, docs in self._by_place.items():
            for level in range(p.level) if p.code else ():
                index.setdefault((level, p.code[:2 * (level + 1)]), set()).update(docs)
        return index

    @cached_property
    def _by_year(self) -> dict[int, set[str]]:
        return _inverted((d, r.years) for d, r in self.reports.items())

    def locate(self, quote: str) -> set[str]:
        """The reports whose text holds a quoted sentence (which report a previous answer came from)."""
        head = re.sub(r"\s+", "", quote)[:24]  # a quote may span the pieces of a long paragraph
        if len(head) < 6:
            return set()
        if self._locate is not None:
            return self._locate(head[:12])  # a chunk boundary may fall after 12 characters, rarely before
        return {d for d, text in self.texts.items() if head in re.sub(r"\s+", "", text)}


class Places:
    """Each place of stored rows made once: a frozen dataclass's __init__ is slow, and 11,700 reports name
    44,000 places, few of them different."""

    def __init__(self):
        self._made: dict[tuple, Place] = {}

    def __call__(self, row) -> Place:
        key = tuple(row)
        found = self._made.get(key)
        if found is None:
            found = self._made[key] = Place(*row)
        return found


def _place_row(p: Place) -> list:
    return [p.name, p.short, p.code, p.level]


def _report_row(r: Report) -> list:
    return [[_place_row(p) for p in r.focus], [_place_row(p) for p in r.named], sorted(r.years), sorted(r.main_years),
            [_place_row(p) for p in r.schooled]]


def _report_of_row(row, place: Places) -> Report:
    f, n, y, m, s = row
    return Report(frozenset(map(place, f)), frozenset(map(place, n)), frozenset(y), frozenset(m), frozenset(map(place, s)))




def stored_scope(meta: dict, text: str) -> str:
    """A report's scope as its record keeps it (ingest): report_of without other reports' title names (a base
    works out again the reports whose text names one, views.Views.add). meta: title, date, source."""
    return json.dumps([SCOPE_VERSION, _report_row(report_of(meta, text, {}))], ensure_ascii=False)


def read_scope(raw: str, place: Places) -> Report | None:
    """A stored_scope, or None for none or one of another version."""
    try:
        version, row = json.loads(raw)
        return _report_of_row(row, place) if version == SCOPE_VERSION else None
    except (ValueError, TypeError):
        return None


def _inverted(items) -> dict:
    """{key: the reports whose keys hold it} from (report, keys) pairs."""
    index: dict = {}
    for doc, keys in items:
        for key in keys:
            index.setdefault(key, set()).add(doc)
    return index


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
    in_title = find(meta["title"], titled)
    # the title's places settle a name several counties share in the text (和平区: the 沈阳 report's own)
    mentions = find(text, titled, tuple(m.place for m in in_title)) if in_text is None else []
    in_text = [m.place for m in mentions] if in_text is None else in_text
    titled_focus = _organisation_first(meta["title"], in_title)
    named = set(in_text) | titled_focus
    schooled = {m.place for m in mentions if m.institution} - {m.place for m in mentions if not m.institution}
    # jingzhou-*.docx spells 荆州区 as well as the 荆州市 its title names: the title's place, not its namesake
    spelled = {p for p in _from_file(meta["source"], named) if not any(p.short == t.short for t in titled_focus - {p})}
    focus = titled_focus | spelled
    if not focus and in_text:
        top = max(map(in_text.count, set(in_text)))
        focus = {p for p in set(in_text) if in_text.count(p) >= FOCUS_SHARE * top}
    dated = {int(meta["date"][:4])} if re.match(r"\d{4}", meta["date"]) else set()
    period = report_period(meta["title"], text)
    # 共青团南通市委2023年工作总结和2024年工作思路, read out in January 2024: its figures are 2023's; its 2024 is
    # the plan's, which the paragraph itself names ("2024年力争…").
    main = {period} if period else dated | years(meta["title"]) | years(Path(meta["source"]).stem.replace("-", " "))
    # 三江's 2024 report "较上年的312.4万元" answers 2023's figure: the year before its own is covered too
    prior = {y - 1 for y in main} if PRIOR_FIGURE.search(text) else set()
    covered = main | prior | years(SITE_PARAGRAPH.sub("", text))
    return Report(frozenset(focus), frozenset(named), frozenset(covered), frozenset(main), frozenset(schooled - focus))


# "…凤城青春建新功——在共青团银川市第十二届委员会…上的工作报告": the league committee's place is the report's own.
_OF_ORGANISATION = re.compile(r"[市县区州旗盟]?(?:团[市县区州旗盟]?委|委员会|第[一二三四五六七八九十]+届)")


def _organisation_first(title: str, mentions: list) -> set:
    """The places a title names; of those, the league committee's alone when the others lie outside it (a slogan's
    凤城, Liaoning's city, beside 共青团银川市委员会): a part it names (翠屏区 of 宜宾) stays."""
    places = {m.place for m in mentions}
    own = {m.place for m in mentions if title[:m.start].endswith("共青团") or _OF_ORGANISATION.match(title, m.end)}
    if own and all(any(p == o or p.within(o) or o.within(p) for o in own) for p in places):
        return places
    return own or places


def _title_names(titles) -> dict[str, Place]:
    """Place names in report titles that the table does not know (十八洞村): jieba's ns alone also tags 青春."""
    from ingest.words import posseg

    jieba_posseg = posseg()

    return {w.word: Place(w.word, w.word, "", 3) for title in titles if _LOCALITY.search(title)
            for w in jieba_posseg.cut(title)
            if w.flag == "ns" and _LOCALITY.fullmatch(w.word) and w.word not in table() and not find(w.word)}


def _from_file(source: str, named: set) -> set:
    """Places a file name spells in pinyin (tianjin-volunteer-summary-2024.pdf), among those the report names."""
    words = set(re.split(r"[^a-z]+", Path(source).stem.lower()))
    return {p for p in named if _spelled(p.short) in words}


@lru_cache(maxsize=4096)
def _spelled(name: str) -> str:
    """A place name in pinyin: ingest asks for each report's places (pypinyin costs ~0.2 ms a name)."""
    from ingest.words import lazy_pinyin  # pypinyin's, remembered per machine

    return "".join(lazy_pinyin(name))


def romanise(titles, towns=()) -> dict[str, str]:
    """Pinyin of the 2-3 character runs in report titles, and of the towns and streets the reports name ("Mudu
    town": 木渎镇, which no gazetteer holds), so English questions can name places."""
    from ingest.words import lazy_pinyin  # pypinyin's, remembered per machine; None without pypinyin

    if lazy_pinyin is None:
        return {}
    table: dict[str, str] = {}
    for title in titles:
        for run in re.findall(r"[\u4e00-\u9fff]+", title):
            for n in (2, 3):
                for i in range(len(run) - n + 1):
                    table.setdefault("".join(lazy_pinyin(run[i:i + n])), run[i:i + n])
    for town in sorted(towns):
        table.setdefault("".join(lazy_pinyin(town)), town)
    return table


def towns_of(text: str) -> set[str]:
    """The 2 and 3 characters before each 镇, 乡 and 街道 of a report's text (木渎, 长桥; "中玉山" beside 玉山 too: no
    English word spells it): what English writes before "town" or "subdistrict"."""
    return {text[m.start() - n:m.start()] for m in _TOWN_END.finditer(text) for n in (2, 3)
            if m.start() >= n and _HAN_RUN.fullmatch(text[m.start() - n:m.start()])}


_TOWN_END = re.compile(r"镇|乡(?!镇)|街道")
_HAN_RUN = re.compile(r"[\u4e00-\u9fff]+")


def remember_pinyin(titles, texts=()) -> None:
    """Leave in the machine's pinyin memo what a worker looks up: the titles' runs and the texts' towns (romanise)
    and every province's and city's name (scope's English names). Ingest calls it, so a worker never imports
    pypinyin (56 MB of phrase dictionary in every worker)."""
    from ingest.words import lazy_pinyin

    if lazy_pinyin is not None:
        romanise(titles, set().union(*map(towns_of, texts)))
        _pinyin(())
        for ch in sorted({ch for text in texts for ch in text if "\u4e00" <= ch <= "\u9fff"}):
            lazy_pinyin(ch)  # each character's, for the names English questions spell (pinyin_names.py)
