"""Reports that disagree on a figure: the answer says so, gives every figure newest first and cites each.

Once the figure is chosen from report D, the other reports about the same place and period are asked the
same question with the same extraction (the retrieved passages, plus a search restricted to those reports).
A confident figure for the same indicator with another value is a conflict: a newer report, a 更正 notice
or a tampered re-upload must not silently win or lose. Few reports qualify, so the check stays quiet on
ordinary questions: a false "reports disagree" costs more than a missed one.
"""
from __future__ import annotations

import bisect
import itertools
import math
import re
from dataclasses import dataclass
from datetime import date
from typing import Callable

from .numbers import parse_quantity, same_quantity
from .retrieve import Passage

# Reports of one place further apart than this describe different moments (a half-year and an annual
# summary, or 2017 and 2023 send-offs): their figures differ because time passed. A correction or a
# re-issue follows its report within weeks; a quarter leaves room for late ones.
MAX_GAP_DAYS = 92
# A figure stated loosely (近53万, 2万余) agrees with another this close: 余/多/近 in these reports stay within
# a tenth. Figures without such a word agree within half their last stated digit (2.1万 ~ 21357).
ROUNDING = 0.1
# Share (idf-weighted) of the question's words next to the chosen figure that another report's clause must
# repeat to count the same thing. Measured on the Tongchuan question: a notice's bare "注册志愿者应为20537人"
# keeps 0.65 of "“志愿汇”管理平台注册志愿者20357人", "参加活动的志愿者达3000人" keeps 0.32.
SAME_INDICATOR = 0.6
PER_REPORT, MAX_PASSAGES = 3, 30  # passages asked of each other report in the targeted search, and in all

NOTE = "各报告数字不一致,答案采用最新报告的数字,其余数字及出处见正文。(reports disagree: newest figure shown, all cited)"
_CORRECTION = re.compile(r"更正|勘误")
_UNIT_ALIAS = {"名": "人", "位": "人", "场次": "场", "次": "场"}
_RETRACT = re.compile(r"^[”’\"']?\s*(?:应为|应是|更正为|改为|修改为|有误)")


@dataclass(frozen=True)
class Library:
    """What the check may ask of the knowledge base beyond the retrieved passages (wired in app/api.py)."""

    titles: Callable[[], dict[str, tuple[str, str]]]  # doc_id -> (title, date) of every report
    search: Callable[[str, set[str], int], list[Passage]]  # (question, doc_ids, k) -> passages of those reports


def retracted(candidate) -> bool:
    """A figure a correction notice takes back: "注册志愿者20357人应为20537人" answers with 20537人 only."""
    p = candidate.passage
    if not _CORRECTION.search(p.title + p.text):
        return False
    clause = p.text[candidate.clause[0]:candidate.clause[1]]
    at = clause.find(candidate.value)
    return at >= 0 and bool(_RETRACT.match(clause[at + len(candidate.value):]))


def readings(question, best, passages: list[Passage], best_of, context, coverage, library: Library | None = None):
    """The chosen candidate and every other report's confident figure for the same indicator, place and
    period, newest first; just [best] unless some figure disagrees. best_of(passages) is the answer step's
    own choice (None when not confident); coverage(terms, text) its idf-weighted share of terms in a text."""
    from ingest.words import posseg

    jieba_posseg = posseg()

    places = {w.word for w in jieba_posseg.cut(question.text) if w.flag == "ns"} | set(question.places)
    scope = _scope(question, best, places, context)
    indicator = [t for t in question.terms if t in _clause(best)]
    if not indicator:
        return [best]  # nothing ties the figure to the question's words: no ground to compare on
    found = [best]
    for doc_passages in _other_reports(question, best, passages, scope, library):
        # A report none of whose passages could pass the checks below is not asked (its extraction is most of
        # the check's cost: 30-75 ms a question over the benchmark's 10k chunks). Exact: the clause lies in its
        # passage, so its coverage is at most the passage's.
        if not any(_comparable(best.passage, p, scope, context)
                   and coverage(indicator, p.text) >= SAME_INDICATOR for p in doc_passages):
            continue
        other = best_of(doc_passages)
        if (other and _unit(other.value) == _unit(best.value) and _comparable(best.passage, other.passage, scope, context)
                and coverage(indicator, _clause(other)) >= SAME_INDICATOR):
            found.append(other)
    if all(agree(best.value, o.value) for o in found[1:]):
        return [best]
    return sorted(found, key=_recency, reverse=True)


def summary(found, quotes: list[str]) -> str:
    """'各报告数字不一致:88888人(《…》2021-08-20);20357人(《…》2021-08-16)。原文:“…”;“…”'"""
    listed = ";".join(f"{c.value}({_source(c.passage)})" for c in found)
    return f"{found[0].value}。各报告数字不一致:{listed}。原文:" + ";".join(f"“{q}”" for q in quotes)


def _source(p: Passage) -> str:
    # Two uploads of one file name may share title and date: the upload (origin) tells them apart.
    return ",".join(x for x in (f"《{p.title}》{p.date or '日期不详'}", p.origin) if x)


def _scope(question, best, places: set[str], context) -> list[str]:
    """Words naming whose figure it is: the question's places, and its words in D's title but not next to
    the figure ("铜川" for 《铜川团市委荣获…》, not "注册")."""
    p = best.passage
    named = [t for t in places if t in p.title or t in context(p)]
    titled = [t for t in question.terms if t in p.title and t not in _clause(best)]
    return list(dict.fromkeys(named + titled))


def _other_reports(question, best, passages, scope, library):
    """Passages of each other report that may speak for the same place and period, grouped by report."""
    d = best.passage
    titles = library.titles() if library is not None else {p.doc_id: (p.title, p.date) for p in passages}
    near = (_titles(titles) if library is not None else TitleIndex(titles)).worth_asking(d, scope) - {d.doc_id}
    found = [p for p in passages if p.doc_id in near]
    if library is not None and near:
        found += library.search(question.text, near, min(PER_REPORT * len(near), MAX_PASSAGES))
    by_doc: dict[str, dict] = {}
    for p in found:
        by_doc.setdefault(p.doc_id, {}).setdefault(p.paragraph, p)
    return [sorted(ps.values(), key=lambda p: -p.score) for ps in by_doc.values()]


class TitleIndex:
    """Which reports could speak for D's place and period at all, before any extraction: the same title (re-issued
    or tampered with, whatever its date) and every notice (read below); a report whose title names a scope word,
    dated close to D, or, when D is a notice, any such report and any whose title D quotes (what it corrects came
    before it). Titles by text, notices, and one string to find scope words in: a pass over 11,700 titles took
    20 ms a question."""

    def __init__(self, titles: dict[str, tuple[str, str]]):
        self.titles = titles
        self.docs = list(titles)
        self.by_title: dict[str, set[str]] = {}
        for doc, (title, _) in titles.items():
            self.by_title.setdefault(title, set()).add(doc)
        self.notices = {doc for doc, (title, _) in titles.items() if _CORRECTION.search(title)}
        self.joined = "\x00".join(t for t, _ in titles.values())
        self.starts = list(itertools.accumulate((len(t) + 1 for t, _ in titles.values()), initial=0))

    def worth_asking(self, d: Passage, scope) -> set[str]:
        found = self.by_title.get(d.title, set()) | self.notices
        naming = self._containing(scope)
        if _correction(d):
            return found | naming | {doc for doc, (title, _) in self.titles.items() if title in d.text}
        return found | {doc for doc in naming if _close(d.date, self.titles[doc][1])}

    def _containing(self, words) -> set[str]:
        if any(w == "" for w in words):
            return set(self.docs)  # as `"" in title`
        found: set[str] = set()
        for word in words:
            at = self.joined.find(word)
            while at >= 0:
                row = bisect.bisect_right(self.starts, at) - 1
                found.add(self.docs[row])
                at = self.joined.find(word, self.starts[row + 1])  # the next title on
        return found


_TITLES: tuple = (None, None)


def _titles(titles: dict) -> TitleIndex:
    """One index per titles dict (app/api.py keeps one per lexical state)."""
    global _TITLES
    if _TITLES[0] is not titles:
        _TITLES = (titles, TitleIndex(titles))
    return _TITLES[1]


def _comparable(d: Passage, e: Passage, scope, context) -> bool:
    """Same place (the same title, a notice quoting the report, or a report naming the place) and period."""
    notice = _correction(d) or _correction(e)
    quoted = notice and (d.title in e.title + context(e) or e.title in d.title + context(d))
    retitled = d.title == e.title and all(t in e.title + context(e) for t in scope)
    if not (retitled or quoted or _same_place(scope, e, context)):
        return False
    return notice or _close(d.date, e.date) or _copy(d, e)


def _copy(d: Passage, e: Passage) -> bool:
    """A re-upload of the very report, figures aside, whatever date it claims."""
    return d.title == e.title and re.sub(r"[\d.,]", "", d.text) == re.sub(r"[\d.,]", "", e.text)


def _same_place(scope, e: Passage, context) -> bool:
    # The report's title must name the place: a provincial summary that mentions the city is not about it.
    text = e.title + context(e)
    return bool(scope) and any(t in e.title for t in scope) and all(t in text for t in scope)


def _close(a: str, b: str) -> bool:
    try:
        return abs((date.fromisoformat(a) - date.fromisoformat(b)).days) <= MAX_GAP_DAYS
    except ValueError:  # an undated report cannot be placed in time
        return False


def agree(a: str, b: str) -> bool:
    """Whether two figures can both be true: 2.1万人 = 21000人 ~ 21357人, 近53万人 ~ 528740人, but 134.9万人 is
    not 134.97万人 (a tenth of a 万 is stated). Values that are not figures (十大, a name) -> True."""
    if same_quantity(a, b):
        return True
    qa, qb = parse_quantity(a), parse_quantity(b)
    if qa is None or qb is None:
        return True
    if qa.qualifier or qb.qualifier:  # 近53万, 2万余, 超过1.09万: stated loosely
        return math.isclose(qa.value, qb.value, rel_tol=ROUNDING)
    return abs(qa.value - qb.value) <= max(_step(qa), _step(qb)) / 2


def _step(q) -> float:
    """The place of the last digit a figure states: 1 for 20357人, 1000 for 134.9万人, 10000 for 两万人."""
    m = re.search(r"\d+(?:\.(\d+))?", q.text.replace(",", ""))
    if m is None or not float(m.group()):
        return 10 ** math.floor(math.log10(q.value)) if q.value > 0 else 1.0
    return q.value / float(m.group()) / 10 ** len(m.group(1) or "")


def _unit(value: str) -> str | None:
    """The unit a figure counts in (名 = 人); 人 against 人次, or a bare figure, is another indicator."""
    q = parse_quantity(value)
    return None if q is None else _UNIT_ALIAS.get(q.unit, q.unit)


def _recency(c) -> tuple:
    # An undated correction notice corrects what came before it; on the same day the notice wins too.
    p = c.passage
    return (_correction(p) and not p.date, p.date, _correction(p))


def _correction(p: Passage) -> bool:
    return bool(_CORRECTION.search(p.title))


def _clause(c) -> str:
    return c.passage.text[c.clause[0]:c.clause[1]]

