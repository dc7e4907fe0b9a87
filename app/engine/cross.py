"""Questions across reports, answered from the facts collection (ingest/facts.py) with every figure cited.

compare  "苏州和福州哪个注册青年志愿者更多?"   two or more places named: the winner is the value
rank     "哪里注册青年志愿者最多?"            every place with the figure: the winner is the value
list     "各地希望工程分别资助了多少学生?"     every place's figure, largest first
total    "各地一共资助了多少学生?"            summed only where unit and indicator agree; the rest named
mention  "哪些报告提到了12355?"              the reports, each with its first paragraph that says it
trend    "铜川历年注册志愿者有多少?"           one place's figures in date order

Detection is conservative: a question that names one place and asks 多少 stays on the single-report path.
"""
from __future__ import annotations

import functools
import re
import threading

from ingest import messages as msg
from ingest.schema import Answer, Citation, Fact

from . import cross_also, cross_period, cross_years
from .cross_also import same_figure
from .cross_places import is_local, level, part_of
from .cross_says import ranking, rank_words
from .gazetteer import written
from .localities import ZONES
from .cross_units import units as _units, unit_family  # noqa: F401  (re-exported)
from .cross_select import of_years as _of_years, part_asked, passing as _passing  # noqa: F401  (re-exported)
from .cross_period import planned  # noqa: F401  (re-exported: a target is no figure reached)
from .coverage import JARGON
from .cross_detect import LESS, WHICH_YEAR
from .cross_detect import CrossQuestion, detect, fold, indicator_of, parts_sum, place_mentions  # noqa: F401  (the detection half, re-exported)

# How a fact is matched to a question's indicator: the cosine of their embeddings (the facts collection), plus the
# mean of two character measures: how alike the two indicators' cores read (difflib's ratio: "青年志愿服务组织" is
# nearer "注册青年志愿组织" than "优秀青年志愿服务集体") and the share of the question's bigrams its sentence and
# report title hold ("希望工程" is in the title of the report whose sentence says "受资助的大中小学生"). Each lies in
# [0, 1]; MATCH_MIN is the least sum kept, and decides which places have a figure when the question names none (a
# place named gets its nearest figure anyway: _passing). Learnt, not tuned: benchmarks/cross_match_cv.py answers
# the 71 dev cross questions (cross.jsonl, crossdev's odd ids) under thresholds 0.4-1.6 over one index of their 47
# reports; folds leave reports out. 1.0 is best on all of them (50/71; 0.9: 49, 1.2: 48, 0.6: 43) and is chosen
# in 4 of 5 folds (the fifth 1.3); held-out accuracy 45/71 = 0.63.
MATCH_MIN = 1.0
# Nearest indicators scored: ids and distances only (Chroma: k=20 0.9 ms, k=200 1.3 ms); 200 missed 松桃's 团员, and
# 500 海南's 注册青年志愿者 once 225 reports were indexed (a rank over every place: +17 ms a question at 1000).
FACT_K = 1000

def bigrams(text: str) -> set[str]:
    return {text[i:i + 2] for i in range(len(text) - 1)} or {text}


def score(query: str, fact: Fact, cos: float, context=None) -> float:
    """cos plus the character evidence that the fact counts what the question asks (see MATCH_MIN); below
    MATCH_MIN without the costlier half computed when even a perfect ratio could not lift it there.
    context: the fact's folded quote and title, when the caller keeps them (FactTable.context)."""
    asked, wanted = _asked(query)
    text = context or fold(f"{fact.quote}\n{fact.title}")
    context = sum(b in text for b in wanted) / len(wanted)  # a few substring tests: cheaper than the text's bigrams
    if cos + (1 + context) / 2 < MATCH_MIN:
        return cos + context / 2
    return cos + (_alike(asked, fact.indicator) + context) / 2


@functools.lru_cache(maxsize=256)
def _asked(query: str) -> tuple[str, set[str]]:
    """(the core of the query folded, its bigrams): one word for a family of paraphrases (cross_detect.fold),
    筹钱 and 募集款物; once per query, not per fact scored."""
    folded = fold(query)
    return core(folded), bigrams(folded)


@functools.lru_cache(maxsize=4096)
def _alike(asked: str, indicator: str) -> float:
    """difflib's ratio of the two cores: once per indicator, which many facts share."""
    from difflib import SequenceMatcher

    return SequenceMatcher(None, asked, core(fold(indicator))).ratio()


# Words around what is counted that are not part of it: the scope a report speaks for and its verbs of having
# ("全市共有团员" counts 团员), and the "count of" a question adds ("团员人数": the unit already says people).
_SCOPE_WORDS = re.compile(r"^(?:全[市县省区州旗国校]|[市县省区州]内)?(?:共有|现有|拥有|已有|共计|共|有|达)?")
_COUNT_WORDS = re.compile(r"(?:的)?(?:人数|数量|总数|总量|规模|数目|数)?(?:的)?(?:目标(?:任务)?|任务)?$")  # 发展团员目标: 发展团员


def core(indicator: str) -> str:
    """What an indicator counts, without its scope and count words; unchanged when nothing would be left."""
    bare = _COUNT_WORDS.sub("", _SCOPE_WORDS.sub("", indicator))
    return bare or indicator


class FactTable:
    """Every fact by indicator and by place, read from Chroma once per ingest stamp (as the lexical index is): a facts
    query then asks Chroma for the nearest indicators' keys and distances only."""

    def __init__(self, store):
        self.store, self.stamp = store, None
        self.by_indicator: dict[str, list[Fact]] = {}  # indicator_key -> its facts, in id order
        self.by_place: dict[str, list[tuple[str, Fact]]] = {}  # place -> (indicator_key, fact) of its facts
        self._folded: dict[int, str] = {}  # id(fact) -> its quote and title folded, as the queries meet it
        self._lock = threading.Lock()

    def context(self, fact: Fact) -> str:
        """The fact's quote and title as score() reads them, folded once (a fact is scored by many queries)."""
        held = self._folded.get(id(fact))
        if held is None:
            if len(self._folded) > FOLDED_KEPT:
                self._folded.clear()
            held = self._folded[id(fact)] = fold(f"{fact.quote}\n{fact.title}")
        return held

    def get(self, stamp: str) -> "FactTable":
        from ingest.facts_store import indicator_key

        with self._lock:
            if stamp != self.stamp:
                by_indicator, by_place = {}, {}
                for f in self.store.all_facts():
                    key = indicator_key(f.indicator)
                    by_indicator.setdefault(key, []).append(f)
                    by_place.setdefault(f.place, []).append((key, f))
                self.by_indicator, self.by_place, self.stamp = by_indicator, by_place, stamp
                self._folded = {}
            return self


FOLDED_KEPT = 50_000  # facts' folded contexts a worker keeps (~100 characters each)
# A facts query over these places reads the cosine of every indicator they count, exactly; beyond, the nearest ones.
EXACT_INDICATORS = 2000


def match(table: FactTable, stamp: str, embedder, indicator: str, limit: int = FACT_K,
          places=(), threshold: bool = True, both: bool = False) -> list[tuple[Fact, float]]:
    """Facts whose indicator matches, best first (MATCH_MIN; threshold=False: every fact scored, for answer() to
    choose); places: only theirs (Place.key)."""
    vector = embedder.embed_query(spelled_out(indicator))  # the encoder does not know staff's 推优
    table = table.get(stamp)
    found = _nearest(table, vector, max(limit, FACT_K), set(places))
    scored = [(f, score(indicator, f, cos, table.context(f))) for f, cos in found]
    plans = cross_period.asks_plan(indicator)  # "2025年分别计划发展多少团员": the targets, not what was reached
    scored = [(f, s) for f, s in scored if (s >= MATCH_MIN or not threshold) and (both or planned(f) == plans)]
    return sorted(scored, key=lambda x: -x[1])[:limit]


def local_parts(table: FactTable, stamp: str, whole) -> tuple[list[str], set[str]]:
    """(the towns, streets and colleges a report of `whole` gives facts of, those reports' doc_ids): the reports
    with facts of the whole's own (东莞's 通报, whose title names no place: its 全市共发展团员5126名 is 东莞's)."""
    facts = table.get(stamp).by_place
    docs = {f.doc_id for _, f in facts.get(whole.key, ())}
    return [place for place, items in facts.items() if is_local(place) and any(f.doc_id in docs for _, f in items)], docs


def colleges(table: FactTable, stamp: str) -> tuple[str, ...]:
    """The colleges (学院, 学部, 书院) the reports give figures of."""
    return tuple(p for p in table.get(stamp).by_place if p.endswith(("学院", "学部", "书院")) and is_local(p))


def parts_from(facts: list[tuple[Fact, float]], whole, docs: set[str]) -> list[tuple[Fact, float]]:
    """The facts a rank or list over `whole`'s parts reads: its own reports' (docs) when they give two parts or
    more of the indicator (四平's 通报 ranks its counties; 长春's report on 公主岭, which a gazetteer still puts in
    四平, does not join), else every report's, save a town of the same name in another report."""
    own = [(f, s) for f, s in facts if f.doc_id in docs and f.place != whole.key]
    if len({f.place for f, s in own if s >= MATCH_MIN}) >= 2:
        return own
    return [(f, s) for f, s in facts if not is_local(f.place) or f.doc_id in docs]


def spelled_out(indicator: str) -> str:
    """Staff's shorthand as reports write it: "推优人数" as "推荐优秀团员人数" (app/engine/coverage.JARGON)."""
    for word, forms in JARGON.items():
        if word in indicator:
            indicator = indicator.replace(word, forms[0])
    return indicator


def _nearest(table: FactTable, vector, k: int, places: set[str]) -> list[tuple[Fact, float]]:
    """(fact, cosine of its indicator), nearest indicator first: with places, every fact of theirs (scored exactly:
    an HNSW search filtered to them missed some); else the facts of the nearest indicators, until k facts."""
    if places:
        theirs = [kf for place in sorted(places) for kf in table.by_place.get(place, ())]
        keys = sorted({key for key, _ in theirs})
        if len(keys) <= EXACT_INDICATORS:
            sims = table.store.indicator_similarities(vector, keys)
            return sorted(((f, sims[key]) for key, f in theirs if key in sims), key=lambda x: -x[1])
    found = []
    for key, cos in table.store.nearest_indicators(vector, k, len(table.by_indicator)):
        found.extend((f, cos) for f in table.by_indicator.get(key, ()) if not places or f.place in places)
        if len(found) >= k:
            break
    return found


# "2024年度综合评估排名第一的市县是哪个?", "考核排名最后的": the ranking an assessment states, which the facts would read
# as the most of some count (blind set 39: the 18个市县 海南大学's students went to).
STATED_RANK = re.compile(r"(?:评估|考核|评比|测评|评价|评议)[^,,。;;??]{0,8}(?:排名|名次|位次|排)[^,,。;;??]{0,3}(?:第|最后|末|倒数)")


def answer(q: CrossQuestion, question: str, facts: list[tuple[Fact, float]], paragraph, mentions=None) -> Answer | None:
    """The Answer, or None when the facts cannot answer (the single-report path then tries); each figure cited
    from every report that states it (cross_also)."""
    got = _answer_facts(q, question, facts, paragraph, mentions)
    return got if got is None or q.kind == "mention" else corroborated(got, facts, paragraph)


def corroborated(got: Answer, facts: list[tuple[Fact, float]], paragraph) -> Answer:
    """got citing, after its own, the other reports that state its figures (cross_also), of facts matched as well
    as a kept one (MATCH_MIN)."""
    return cross_also.corroborated(got, facts, paragraph, MATCH_MIN)


def _answer_facts(q: CrossQuestion, question: str, facts: list[tuple[Fact, float]], paragraph, mentions=None):
    if q.kind == "mention":
        from .cross_mention import answer_mention

        return answer_mention(q, question, mentions or [], paragraph)
    if q.kind == "rank" and STATED_RANK.search(question):
        return None  # a position an assessment gave (综合评估排名第一): stated in a table or a sentence, no figure's order
    units = _units(question, q.indicator)
    facts = [(f, s) for f, s in facts if not units or unit_family(f.unit) in units]
    if not facts:
        return None
    facts = [(f, s) for f, s in facts if not q.levels or level(f.place) in q.levels]
    over_parts = (q.kind == "rank" and q.places) or (q.kind == "list" and len(q.places) == 1)
    if over_parts:  # "九江哪个县…最多", "湖州各县区…分别是多少": the parts of the place named
        facts = [(f, s) for f, s in facts if part_of(f.place, q.places[0]) or is_local(f.place)]
    if not facts:
        return None
    family = unit_family(next((f for f, s in facts if s >= MATCH_MIN), facts[0][0]).unit)  # the best match's unit
    facts = _passing(facts, q, family)
    # A target whose plan word is in a sentence part the quote left out ("力争…;…;发放青年创业贷款6亿元以上"):
    # read in its paragraph; only for the facts kept, a paragraph read each.
    plans = cross_period.asks_plan(q.indicator)
    targets = mixed_years(q, question)  # "2023年、2024年分别是多少,2025年目标多少?": each year's kind
    wanted = (lambda f: f.year in targets) if targets else (lambda f: plans)  # noqa: E731
    facts = [(f, s) for f, s in facts if planned(f, paragraph(f.doc_id, f.paragraph) or "") == wanted(f)]
    other = [(f, s) for f, s in facts if unit_family(f.unit) != family]
    years = cross_years.asked_years(q.kind, q.years, q.places)
    facts = _of_years([(f, s) for f, s in facts if unit_family(f.unit) == family], years, dict(q.place_years))
    if q.years and q.kind in ("rank", "list") and (not q.places or over_parts):  # "哪里…2023年最多": a place of other years is not in it
        kept = [(f, s) for f, s in facts if f.year in q.years]
        if not kept:  # "焦作哪个县区2023年…最少" of a 2024 table, "2022年度…排名第一的" (blind set 39): no figure of the
            return None  # year asked; another year's would answer it
        facts = kept
    period = cross_period.asked(question, q.indicator, q.years)
    if q.kind == "total" and len(q.places) == 1 and period != "running":  # years added up: running totals do not add
        period = "new"
    if period == "new" and not q.places:  # a place whose only figure is a running total has not said how many
        facts = [(f, s) for f, s in facts if cross_period.agrees(period, f.quote, f.figure)]
    best = _best_per_place(facts, wanted=q.indicator, period=period)
    if q.kind == "compare":
        wanted = [p.key for p in q.places]
        found = {p: best[p] for p in wanted if p in best}
        if len(found) < 2:
            return None
        return _ranked(q, question, list(found.values()), paragraph, [p for p in wanted if p not in found])
    if q.kind == "rank":  # each report's figure for each place: a place's reports may differ
        rows = list(_best_per_place(facts, lambda f: f.place and (f.place, f.doc_id), q.indicator,
                                     period).values())
        return _ranked(q, question, rows, paragraph) if len(best) >= 2 else None
    if q.kind == "trend" or (q.kind == "total" and len(q.places) == 1):  # one place over years
        place = q.places[0].key
        rows = cross_years.per_year(facts, place, _best_per_place, q.indicator, period, dated=q.kind == "total")
        if q.kind == "total":
            return _total(q, question, rows, paragraph) if len(rows) >= 2 else None
        if not rows:
            return None
        shown = re.sub(r"目标|计划|打算|实际|依次", "", q.indicator) if targets else q.indicator  # each year's kind
        head = msg.CROSS_TREND.format(place=place, indicator=shown or q.indicator)
        value = rows[-1].label()
        if (which := WHICH_YEAR.search(question)) and len({f.year for f in rows}) >= 2:
            less = (which.group(1) or which.group(2)) in LESS
            value = f"{(min if less else max)(rows, key=lambda f: f.value).year}年"
        return _answer(question, head, rows, paragraph, value, over_years=True)
    chosen = [best[p.key] for p in q.places if p.key in best] if q.places and not over_parts else list(best.values())
    if not chosen:
        return None
    chosen.sort(key=lambda f: -f.value)
    if q.kind == "total":
        summed = {f.place for f in chosen}
        left = [f for p, f in _best_per_place(other).items() if p not in summed and (not q.places or
                                                                                    p in {x.key for x in q.places})]
        missing = [p.key for p in q.places if p.key not in summed and p.key not in {f.place for f in left}]
        return _total(q, question, chosen, paragraph, left, missing)
    head = msg.CROSS_LIST.format(indicator=q.indicator, n=len(chosen))
    return _answer(question, head, chosen, paragraph, f"{len(chosen)}")


def mixed_years(q: CrossQuestion, question: str) -> set[int]:
    """The years a trend asks the target of, when it asks others' figures reached too ("平顶山…2023年、2024年分别是
    多少,2025年目标多少?"); empty otherwise."""
    if q.kind != "trend":
        return set()
    targets = {int(y) for y in _TARGET_YEAR.findall(question)}
    return targets if targets and set(q.years) - targets else set()


# A year a plan word follows: "2025年目标", "25年目标又是多少" (years written whole by then), "2025年计划".
_TARGET_YEAR = re.compile(r"((?:19|20)\d{2})\s*年(?:的|底|末)?(?:目标|计划|打算|力争)")


def _best_per_place(facts: list[tuple[Fact, float]], key=lambda f: f.place, wanted: str = "",
                    period: str = "") -> dict[str, Fact]:
    """Each place's figure: one whose indicator names what is asked (wanted's core) first, then its largest that
    matches (of the period asked, cross_period: a running total or this year's), an exact one, one no later report
    restates, the place's own report and the newest report first on a tie. The parts a report breaks a place's figure into
    (605 of 217340 students funded, 10 of 3.9万 organisations) are smaller; but a larger figure of the same
    paragraph that counts something else (鄂尔多斯's 青年之家 host 326家 组织, it has 247个 青年之家) passes the
    threshold on its context, and only its indicator tells them apart. Of one figure stated alike by the place's own
    report and a later one of many places (a 通报's table row), the place's own is cited: staff read on from there."""
    best: dict[str, Fact] = {}
    asked = core(wanted)
    order = lambda f: (bool(asked) and asked in f.indicator, bool(wanted) and part_asked(f, wanted),  # noqa
                       cross_period.agrees(period, f.quote, f.figure), f.value, not f.qualifier, not _restated(f),
                       bool(f.place) and f.place in f.title, f.date)
    for f, _ in facts:
        if key(f) and (key(f) not in best or order(f) > order(best[key(f)])):
            best[key(f)] = f
    for k, chosen in best.items():  # the same figure in the place's own report, worded otherwise (发展团员 for a
        # 通报 row's 新发展团员) or written more exactly (24.68万名 for its 24.7): cited from there
        if chosen.place and chosen.place not in chosen.title:
            own = [f for f, _ in facts if key(f) == k and f.place in f.title and same_figure(f, chosen)
                   and f.unit == chosen.unit and f.year == chosen.year]
            best[k] = max(own, key=order) if own else chosen
    return best


def _restated(f: Fact) -> bool:
    """A year's figure a later report restates ("比上年的1842名增加133名"): its own year's report tells it first."""
    return bool(re.search(r"(?:上年|去年|上一年|前一年|(?:19|20)\d{2}年)(?:同期)?的?" + re.escape(f.figure), f.quote))


def _shown(f: Fact, asked=()) -> str:
    """The place as its quote writes it: 牡丹区, not the short name 牡丹 the facts are keyed by; else as a name that
    reads back as the place asked (海南州, whose short name 海南 is the province's)."""
    m = re.search(re.escape(f.place) + rf"[区县市州旗盟]?(?:{'|'.join(ZONES)})?", f.quote) if f.place else None
    if m:
        return m.group()
    return next((written(p) for p in asked if p.key == f.place and p.code), f.place)


def _ranked(q: CrossQuestion, question: str, rows: list[Fact], paragraph, missing=()) -> Answer:
    rows = sorted(rows, key=lambda f: f.value, reverse=not q.fewest)
    winners = rows[:q.top] if q.top > 1 else rows[q.nth - 1:q.nth] if q.nth > 1 else rows[:1]
    winner = _shown(rows[0], q.places)
    more = msg.CROSS_LEAST if q.fewest else msg.CROSS_MOST
    if q.kind == "compare":
        head = msg.CROSS_COMPARE.format(indicator=q.indicator, winner=winner,
                                        more=msg.CROSS_LESS if q.fewest else msg.CROSS_MORE)
    elif q.top > 1:  # "前三名": the first places, every figure still listed
        winner = "、".join(_shown(f, q.places) for f in rows[:q.top])
        head = msg.CROSS_TOP.format(indicator=q.indicator, top=q.top, places=winner, n=len(rows), more=more)
    elif q.nth > 1:  # "排第二": the place at that rank
        if len(rows) < q.nth:
            return None
        winner = _shown(rows[q.nth - 1], q.places)
        head = msg.CROSS_NTH.format(indicator=q.indicator, winner=winner, nth=q.nth, n=len(rows), more=more)
    else:
        head = msg.CROSS_RANK.format(indicator=q.indicator, winner=winner, n=len(rows), more=more)
    tail = [msg.CROSS_MISSING.format(places="、".join(missing))] if missing else []
    says = winners and ranking(winners, rows, rank_words(q.fewest, q.nth, q.top), bigrams(core(q.indicator)),
                               paragraph, lambda f: _shown(f, q.places))
    return _answer(question, head, rows, paragraph, winner, tail, lead=says or None)


def _total(q: CrossQuestion, question: str, rows: list[Fact], paragraph, left=(), missing=()) -> Answer:
    """Summed only within one unit family; the figures in another unit, and places without one, are named."""
    total, unit = _scaled(sum(f.value for f in rows), rows)
    approx = msg.CROSS_TOTAL_APPROX if any(f.qualifier for f in rows) else ""
    head = msg.CROSS_TOTAL.format(indicator=q.indicator, total=_number(total), unit=unit, approx=approx,
                                  n=len({f.doc_id for f in rows}))
    tail = [msg.CROSS_LEFT_OUT.format(rows="、".join(f"{f.place} {f.label()}" for f in left))] if left else []
    tail += [msg.CROSS_MISSING.format(places="、".join(missing))] if missing else []
    over_years = len(q.places) == 1 and len({f.place for f in rows}) == 1
    return _answer(question, head, rows, paragraph, f"{_number(total)}{unit}", tail, over_years)


def _scaled(total: float, rows: list[Fact]) -> tuple[float, str]:
    """The sum in the scale every figure is written in: 1058万元 + 1236万元 is 2294万元, not 22940000元."""
    unit = rows[0].unit
    scales = {m.group(1) if (m := re.search(rf"([万亿]){re.escape(unit)}$", f.figure)) else "" for f in rows}
    scale = scales.pop() if len(scales) == 1 else ""
    return (round(total / (1e8 if scale == "亿" else 1e4), 4), scale + unit) if scale else (total, unit)


def _answer(question: str, head: str, rows: list[Fact], paragraph, value: str, tail=(), over_years=False,
            lead: Citation | None = None) -> Answer:
    """over_years: one place's figures of several years, asked as such (no warning that their years differ);
    lead: a paragraph that states the answer itself, cited first (cross_says)."""
    lines = [head] + [row(f, f.label()) for f in rows]
    years = sorted({f.year for f in rows if f.year})
    if len(years) > 1 and not over_years:
        lines.append(msg.CROSS_YEARS.format(years="、".join(map(str, years))))
    qualified = [f.label() for f in rows if f.qualifier]
    if qualified:
        lines.append(msg.CROSS_QUALIFIED.format(figures="、".join(qualified)))
    lines += list(tail)
    cites = cross_also.distinct(Citation(f.source, f.title, f.date, f.paragraph, paragraph(f.doc_id, f.paragraph) or f.quote,
                              f.quote, 1.0, f.origin) for f in rows)
    if lead:
        cites = (lead, *(c for c in cites if (c.source, c.paragraph) != (lead.source, lead.paragraph)))
    return Answer(question, "\n".join(lines), value, True, cites)


def row(f: Fact, figure: str) -> str:
    """One cited figure: 铜川:20357人(2021年 · title · 2021-08-16 · 第7段); also `youthqa facts`."""
    return msg.CROSS_ROW.format(place=f.place or "-", figure=figure, year=f"{f.year}年 · " if f.year else "",
                                title=f.title or f.source, date=f.date or "-", paragraph=f.paragraph)


def _number(value: float) -> str:
    return f"{value:,.0f}".replace(",", "") if value == int(value) else f"{value:.4f}".rstrip("0")
