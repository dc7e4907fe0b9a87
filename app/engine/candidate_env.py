"""What one question's candidates share (Env): the question's asks, read once, and each retrieved passage's and
clause's signals, computed once and reused by every candidate of it (app/engine/features.py)."""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cached_property
from typing import Callable

from . import derive
from .numbers import chinese_to_int, find_quantities, stated_figures
from .people import ROLE
from .cross_period import asked as asked_kind, asks_plan
from .coverage import coverage, partial, term_weight, variants
from .asked_units import RANKS
from .fields import ASKS_CONTACT, asked_item, asks_clock, item_fit
from .question import ASKS_NUMBER, Question
from .localities import LED_BY_PART, schools
from .retrieve import Passage
from .signals import heading_months, months_asked
from .value_context import WHOLE_AT, position, row_caption, row_start, sentence_span, towns, towns_asked

PARTS_NUMBER = r"[\d一二两三四五六七八九十]+个?"
PARTS = r"(?:乡镇|乡|镇|街道|县|区|县区|县市|县市区|县\(市\)|县\(市、区\)|县\(区\)|学院|院系|单位|地市|市州)"
# Terms that say where and when, which a report's scope or a sentence's head supplies for every clause.
_SCOPE_TERM = re.compile(r"^(?:截至|截止|年底|年初|年末|年中|全年|当年|今年|去年|明年|目前|现在|当前|上半年|下半年|年度|以来|期间|"
                         r"团[省市区县州]?委|共青团|全[省市区县州]|全校|[省市区县州])$")
_HEADINGS_BACK = 60  # paragraphs read back for the heading that dates a passage's part (a 季度通报's quarter)
# What there is, not what was added ("How many Youth Homes did Nankai have at the end of 2023?": 64, not the 8 new)
_STOCK = re.compile(r"总数|总量|现有|共有|目前有|一共有|有(?:多少|几)(?![新个]?(?:新|发展|增))|\b(?:do|does|did)\b(?:(?!\bnew).){0,60}?\bhave\b|\bin total\b|"
                    r"\btotal number\b", re.I)
# A figure asked as of a date ("截至2024年底…有多少", "by the end of 2023"): what there is then, unless what was added
_AS_OF = re.compile(r"(?:截至|截止|到)[^,,。??]{0,10}?(?:底|末|\d日)|年[底末]|\bby the end of\b|\bas of\b", re.I)
_ASKS_NEW = re.compile(r"新(?:发展|吸收|增|建|注册|招募|组建|入团|加入)|(?:发展|吸收|招募)了?多少|\bnew(?:ly)?\b|\brecruit",
                       re.I)
_ASKS_HONOUR = re.compile(r"表彰|评选|评为|授予|获评|荣获|获得|命名|优秀|先进|红旗|奖章|标兵|称号|十佳|最美|荣誉|奖|"
                          r"\b(?:awards?|awarded|honou?rs?|honou?red|outstanding|excellent|model|commend\w*)\b", re.I)
_WHOLE_SCHOOL = re.compile(r"全校|我校|本校|学校共|全体学生")
_DIVISION_ENDS = ("县", "区", "市", "州", "旗", "镇", "乡", "新区")
_TOWN_ENDS = ("街道", "镇", "乡")
_ASKS_CHANGE = re.compile(r"(?:净增|净减|增加|增长|减少|下降|提高|提升|上升|降低|多|少|差)了?(?:多少|几|百分之|\d)|增幅|增速|增长率|涨|变化|"
                          r"同比|比上年|比去年|较上年|较去年|比\d{2,4}年|较\d{2,4}年|\b(?:increase|grow|growth|rise|more than)", re.I)
# The parts asked: "6个乡镇合计", "各县区加起来", "表中合计", "全校合计" (a table's total row).
_PARTS_ASKED = re.compile(rf"{PARTS_NUMBER}{PARTS}|各{PARTS}|以上|上述|合计|小计|加起来")
_ACTUAL = re.compile(r"实际|实有|\bactual(?:ly)?\b", re.I)
_ASKS_DAY = re.compile(r"哪天|哪一天|几号|几月几日")
_ASKS_YEAR = re.compile(r"哪一?年|what year|which year")
# A reason asked, and a sentence that gives one ("改由区科技局统一认定", "受学校集中咨询分流影响", "获评…(加2.0分)")
_ASKS_REASON = re.compile(r"为什么|为何|原因|因为什么|因为啥|因何|什么理由|怎么回事|\bwhy\b|\breasons?\b", re.I)
_REASON_AT = re.compile(r"因为|由于|原因|改由|调整为|受[^,,。;;]{0,16}影响|导致|所致|[(（][加扣]\d")
_ASKS_RANK = re.compile(r"第几|排名|名次|位次|\brank", re.I)

EDITION = re.compile(r"第\s*([一二三四五六七八九十两\d]{1,4})\s*(届|期)")  # 第五届, 第1期: its number, its kind


def editions(text: str) -> set[tuple[int, str]]:
    """The numbered editions a text names: 第五届 → (5, 届), 第1期 → (1, 期)."""
    found = set()
    for m in EDITION.finditer(text):
        n = int(m.group(1)) if m.group(1).isdigit() else chinese_to_int(m.group(1))
        if n:
            found.add((n, m.group(2)))
    return found



@dataclass
class Env:
    """What the features of one question's candidates share: the question and per-passage signals."""

    question: Question
    passages: list[Passage]
    idf: Callable[[str], float]
    context: Callable[[Passage], str]
    doc_contains: Callable[[str, str], bool] | None = None
    announces: Callable[[Passage], bool] = lambda p: False
    places: tuple[str, ...] = ()
    paragraph_text: Callable[[str, int], str] | None = None  # a report's paragraph by number (dated headings)
    _passage: dict = field(default_factory=dict)
    _hits: dict = field(default_factory=dict)
    _mentions: dict = field(default_factory=dict)
    _sub: dict = field(default_factory=dict)  # passage title -> the parts of its place the question asks
    _filled: dict = field(default_factory=dict)  # (rank, clause span) -> its candidates' shared features
    _months: dict = field(default_factory=dict)  # rank -> the month its dated heading names (dated_months)
    _holds: dict = field(default_factory=dict)  # doc_id -> its report's places (report_places)
    _holds_others: dict = field(default_factory=dict)  # doc_id -> whether its place holds another report's (holds_others)
    _wholes: list | None = None  # the places of the retrieved reports holding another's (wholes)

    def __post_init__(self):
        q = self.question
        self.months = months_asked(q.text)
        self.weights = {t: term_weight(t, self.idf) for t in q.terms}
        self.asks_day, self.asks_year = q.weekday or bool(_ASKS_DAY.search(q.text)), bool(_ASKS_YEAR.search(q.text.lower()))
        self.asks_number = bool(ASKS_NUMBER.search(q.text))
        self.stated = stated_figures(q.text)  # "1600多名…里女生": 1600余名 only repeats the question
        self.schools = tuple(name for *_, name in schools(q.text))  # the colleges and universities it names
        self.asks_plan = asks_plan(q.text)
        self.asks_contact = bool(ASKS_CONTACT.search(q.text))
        self.asked_item, self.asks_clock = asked_item(q.text), asks_clock(q.text)
        self.asks_end, self.asks_start = bool(derive.ENDS_ASKED.search(q.text)), bool(derive.STARTS_ASKED.search(q.text))
        self.asks_before = bool(derive.BEFORE_ASKED.search(q.text))
        self.asks_whole = not self.places and bool(WHOLE_AT.search(q.text))  # 全市, naming no place (whole_of_kb)
        self.unplaced = not self.places and not self.schools and not self.asks_whole and not towns_asked(q.text)
        self.asks_reason = bool(_ASKS_REASON.search(q.text))
        self.asks_actual = bool(_ACTUAL.search(q.text))
        self.asks_kind = asked_kind(q.text, q.text, q.years)  # running, new, year or "" (cross_period.asked)
        asks_new = bool(_ASKS_NEW.search(q.text))
        # a year named asks that year's stock as well ("截至2023年底团员总数"); a flow asked ("全年新发展") does not
        self.asks_stock = self.asks_kind in ("", "year") and bool(_STOCK.search(q.text) or
                                                                  (_AS_OF.search(q.text) and not asks_new))
        self.asks_new = asks_new and not self.asks_stock
        self.asks_parts = bool(_PARTS_ASKED.search(q.text))
        self.asks_honour = bool(_ASKS_HONOUR.search(q.text))
        self.asks_change = bool(_ASKS_CHANGE.search(q.text))
        self.asked_position = position(q.text) if q.kind in ("entity", "name", "list", "person") else None
        self.asks_rank = bool(q.units & RANKS) or bool(_ASKS_RANK.search(q.text))
        # the last role named: "团长沙市委的副书记" reads 团长 first
        self.role_asked = roles[-1].group() if q.kind == "person" and (roles := list(ROLE.finditer(q.text))) else None
        self.asked_chars = set(q.text) | set("".join(q.terms))
        self.topic = tuple(t for t in q.terms if not _SCOPE_TERM.match(t)
                           and not any(t in p or p in t for p in self.places + self.schools))
        self.topic_weights = {t: self.weights[t] for t in self.topic}
        self.topic_top = max(self.topic_weights.values(), default=0.0) or 1.0

    def topic_coverage(self, text: str) -> float:
        return coverage(self.topic, text, self.idf, self.topic_weights) if self.topic else 0.0

    def topic_missing(self, holds) -> float:
        """The heaviest topic term `holds` says is absent, / the heaviest topic term."""
        return max((w for t, w in self.topic_weights.items() if not holds(t)), default=0.0) / self.topic_top

    def coverage(self, text: str) -> float:
        for name in self.namesakes:  # "长沙县实名注册志愿者" holds no 长沙 a question of the city asks
            if name in text:
                text = text.replace(name, "\x00" * len(name))
        if self.schools and _WHOLE_SCHOOL.search(text):  # "全校注册志愿者2.84万人" in 中南大学's report is 中南大学's
            text += " " + " ".join(self.schools)
        return coverage(self.question.terms, text, self.idf, self.weights)

    @cached_property
    def namesakes(self) -> tuple[str, ...]:
        """Other divisions whose names start with a place asked: 长沙县 and 长沙市 for 长沙 are two places; and the
        town or 街道 named after it, which no gazetteer lists (海淀街道 in 海淀区's table), unless asked."""
        from .gazetteer import table

        names, asked = table(), {m.place for m in self.asked}
        stems = {m.place.short for m in self.asked} | {m.surface for m in self.asked}  # Changsha is 长沙
        towns = tuple(stem + end for stem in stems for end in _TOWN_ENDS if stem + end not in self.question.text)
        return tuple(stem + end for stem in stems for end in _DIVISION_ENDS
                     if (hit := names.get(stem + end)) and hit[0] not in asked) + towns

    def dated_months(self, rank: int) -> list[int]:
        """The month the heading above the passage dates its part of the report to, read once a passage."""
        if rank not in self._months:
            p, read = self.passages[rank], self.paragraph_text
            above = (read(p.doc_id, n) for n in range(p.paragraph - 1, max(0, p.paragraph - _HEADINGS_BACK), -1))
            self._months[rank] = heading_months(above) if read else []
        return self._months[rank]

    @cached_property
    def editions(self) -> set[tuple[int, str]]:
        return editions(self.question.text)

    def _editions(self, p, around: str) -> dict:
        if not self.editions:
            return {"edition_fit": 0.0, "edition_other": 0.0}
        named = editions(around)
        fit = bool(self.editions & named)
        other = not fit and any(kind == k for _, kind in self.editions for _, k in named)
        return {"edition_fit": float(fit), "edition_other": float(other)}

    def _school_other(self, p) -> bool:
        own = [name for *_, name in schools(p.title)]
        return bool(self.schools and own) and not any(s in o or o in s for s in self.schools for o in own) \
            and not any(s in p.text for s in self.schools)

    def passage(self, rank: int) -> dict:
        """Signals of the passage at this rank, computed once."""
        if rank not in self._passage:
            p, top = self.passages[rank], self.passages[0]
            around = p.title + self.context(p)
            absent = [w for t, w in self.weights.items() if not any(v in around for v in variants(t))]
            # a report about 2024 speaks of 2024 throughout; a section's heading of its paragraphs ("三、2026年主要工作")
            years = f"{p.title} {p.text} {p.date} {p.period} {p.section}"
            self._passage[rank] = {
                "rank": rank / 4, "score": p.score, "score_rel": p.score / (top.score or 1.0),
                "top_doc": float(p.doc_id == top.doc_id), "cov_paragraph": self.coverage(p.text),
                "cov_context": self.coverage(around), "cov_title": self.coverage(p.title),
                "missing_max": max(absent, default=0.0) / max(self.weights.values(), default=1.0),
                "places_in_doc": share(self.places, lambda t: self.doc_contains(p.doc_id, t)) if self.doc_contains
                else share(self.places, lambda t: t in around),
                "places_in_context": share(self.places, lambda t: t in around),
                "school_other": float(self._school_other(p)),
                **self._editions(p, around),
                "cov_doc": sum(w for t, w in self.weights.items() if any(self.doc_contains(p.doc_id, v) for v in variants(t)))
                / (sum(self.weights.values()) or 1.0) if self.doc_contains else 0.0,
                "years_in_passage": share(self.question.years, lambda y: y in years),
                "topic_missing_doc": self.topic_missing(lambda t: any(
                    self.doc_contains(p.doc_id, v) for v in variants(t))) if self.doc_contains else 0.0,
                "part_lacks_paragraph": lacks(self.question.part, p.text),
                "announces_items": float(self.question.kind == "list" and self.announces(p)),
                "beside": float(p.beside),
            } | item_fit(self.asked_item, p.text)
            self._hits[rank] = [m.span() for t in self.question.terms for m in re.finditer(re.escape(t), p.text)]
        return self._passage[rank]

    @cached_property
    def named(self) -> list:
        """The gazetteer's places in the question (scope.Mention), an institution's place (青岛科技大学) included."""
        from .scope import find

        if self.question.english and self.question.scope is not None:  # "Shouguang": found by its pinyin (api)
            return list(self.question.scope.mentions)
        return find(self.question.text)

    def names_place(self, surface: str, text: str) -> bool:
        """Whether the text names the place asked as `surface`, as written or by its full name (海南州 in
        "共青团海南藏族自治州委": a title writes the full name of a prefecture staff shorten)."""
        if surface in text:
            return True
        return any(m.place.name in text for m in self.asked if m.surface == surface)

    @cached_property
    def asked(self) -> list:
        """The places the question asks of: those it names, not as part of an institution's name."""
        return [m for m in self.named if not m.institution]

    def report_places(self, rank: int) -> frozenset:
        """The places the passage's report is about: its title's and its focus city's."""
        p = self.passages[rank]
        if p.doc_id not in self._holds:
            from .scope import find

            self._holds[p.doc_id] = frozenset(m.place for m in find(f"{p.title} {p.focus}") if not m.institution)
        return self._holds[p.doc_id]

    def holds_others(self, rank: int) -> bool:
        """The passage's report is of a place that holds another retrieved report's place: the city's report among
        its counties' ("全市…" asked naming no place is the knowledge base's whole, not a 县级市's 全市)."""
        doc = self.passages[rank].doc_id
        if doc not in self._holds_others:  # once a report, not once a clause
            own = self._deepest(rank)  # 红花岗's "共青团遵义市红花岗区委员会" holds no 汇川
            self._holds_others[doc] = own is not None and any(
                (o := self._deepest(r)) is not None and o != own and o.within(own)
                for r, p in enumerate(self.passages) if p.doc_id != doc)
        return self._holds_others[doc]

    def wholes(self) -> list:
        """The places of the retrieved reports that hold another retrieved report's place (the knowledge base's
        whole: the city among its counties), found once."""
        if self._wholes is None:
            self._wholes = list(dict.fromkeys(self._deepest(r) for r in range(len(self.passages)) if self.holds_others(r)))
        return self._wholes

    def _deepest(self, rank: int):
        return max(self.report_places(rank), key=lambda p: p.level, default=None)

    def sub_places(self, rank: int) -> list[tuple[str, ...]]:
        """The names of each place asked that lies inside a place the passage's report is about (its title's, or
        the city of a "关于2024年全市…的通报" its file or text names: a county of the report's city, a town:
        镇/乡/街道), or [] for none."""
        title, focus = self.passages[rank].title, self.passages[rank].focus
        if (title, focus) not in self._sub:
            from .scope import find

            held = {m.place for m in find(f"{title} {focus}")}
            parts = [(m.surface, m.place.name, m.place.key) for m in self.asked
                     if m.place not in held and any(m.place.within(h) for h in held)]
            parts += [(t,) for t in towns(self.question.text, self.named) if t not in title]
            self._sub[title, focus] = parts
        return self._sub[title, focus]

    def clause(self, rank: int, span: tuple[int, int], window: str) -> dict:
        """Signals of one clause (and its sentence); _filled keeps them for all the clause's values."""
        q, text = self.question, self.passages[rank].text
        at = sentence_span(text, span)
        clause, sentence = text[span[0]:span[1]], row_caption(text, at[0]) + text[slice(*at)]
        upto = text[:at[1]]  # "银川市金凤区民政局…。该局…注册了…": named before, carried on
        # a place the report is about (its title's, a portal's own city) needs no naming in the sentence
        below = [t for t in self.places if not self.names_place(t, self.passages[rank].title + self.passages[rank].focus)]
        parts = self.sub_places(rank)
        row, cov_sentence = row_start(text) >= 0, self.coverage(sentence)
        found = {"cov_clause": self.coverage(clause), "cov_window": self.coverage(window),
                 "place_lacks_sentence": 1.0 - share(below, lambda t: t in upto) if below else 0.0,
                 "sub_place_lacks_sentence": float(any(not any(f in upto for f in forms) for forms in parts)),
                 "part_led_unasked": float(bool(led := LED_BY_PART.match(text)) and led["name"] not in q.text),
                 "whole_of_kb": float(self.asks_whole and self.holds_others(rank)),
                 "unplaced_of_kb": float(self.unplaced and self.holds_others(rank)),
                 "reason_row": float(self.asks_reason and row),
                 "reason_cue": float(self.asks_reason and bool(_REASON_AT.search(sentence))),
                 "cov_sentence": cov_sentence,  # a table row's line is its paragraph, whose coverage is the passage's
                 "cov_row": self.passage(rank)["cov_paragraph"] if row else cov_sentence,
                 "topic_clause": self.topic_coverage(clause),
                 "topic_sentence": self.topic_coverage(sentence),
                 "topic_missing_sentence": self.topic_missing(
                     lambda t: partial(t, sentence + self.passages[rank].title) >= 0.5),
                 "years_in_clause": share(q.years, lambda y: y in clause),
                 "clause_len": min(len(clause), 80) / 80, "enumeration": float(bool(re.search(r"、|和|及", clause)))}
        if q.kind == "numeric":
            found["values_in_sentence"] = min(len(find_quantities(sentence)), 10) / 10
        if q.part:
            found |= {"part_lacks_clause": lacks(q.part, clause), "part_lacks_window": lacks(q.part, window),
                      "part_lacks_sentence": lacks(q.part, sentence)}
        if q.subject:
            found |= {"subject_clause": partial(q.subject, clause), "subject_window": partial(q.subject, window)}
        return found


def lacks(part: str, text: str) -> float:
    return 1.0 - partial(part, text) if part else 0.0


def share(items, test) -> float:
    return sum(1 for x in items if test(x)) / len(items) if items else 0.0