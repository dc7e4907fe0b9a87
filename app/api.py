"""The Python API: `Assistant.open(...)`, `.ask(question, history)`, `.stream(...)`, `.as_retriever()`."""
from __future__ import annotations

import time
from dataclasses import replace
from pathlib import Path

import numpy as np

from ingest import messages as msg
from ingest.embed import load_embedder
from ingest.schema import Answer
from ingest.settings import Settings
from ingest.store import Store

from .across import AcrossReports, from_facts
from .engine import conflict, cross, cross_gap, localities, scope, table_rank
from .engine.answer import extract, refusal, with_passages
from .engine.followup import resolve
from .engine.question import analyse
from .engine.retrieve import HybridRetriever


class Assistant(AcrossReports):
    def __init__(self, settings: Settings, store: Store, retriever: HybridRetriever, llm=None):
        self.settings, self.store, self.retriever, self.llm = settings, store, retriever, llm
        self.fact_table = cross.FactTable(store)  # every fact by id, per ingest stamp
        self._asked: tuple = ("", None)  # (question, its embedding) for clause similarities
        self._titles: tuple = (None, {})  # (lexical index, doc_id -> (title, date)) for the conflict check
        self.library = conflict.Library(self._report_titles,
                                        lambda text, doc_ids, k: self.retriever.search(text, k=k, doc_ids=doc_ids))

    @classmethod
    def open(cls, settings: Settings | None = None, index: str | Path | None = None) -> "Assistant":
        settings = (settings or Settings.from_env()).with_(index=Path(index) if index else None)
        store = Store.open(settings, settings.embedding if settings.embedding else None)
        embedder = load_embedder(store.model, settings.embed_threads)
        retriever = HybridRetriever(store, embedder, cache_dir=settings.index / "cache")
        llm = None
        if settings.llm:
            from .engine.llm import LLMAnswerer

            llm = LLMAnswerer.from_settings(settings)
        return cls(settings, store, retriever, llm)

    def empty(self) -> bool:
        """No chunk to answer from, by the lexical state this process holds: no Chroma round trip a question
        (a count took 8.6 ms at 100k chunks, as long as the rest of the retrieval)."""
        return len(self.retriever.index()) == 0

    def close(self) -> None:
        """Stop following the index and give up its lock; the assistant answers no more."""
        self.retriever.close()
        self.store.close()

    def ask(self, question: str, history: list | None = None) -> Answer:
        answer = None
        for answer in self.stream(question, history):
            pass
        return answer

    def stream(self, question: str, history: list | None = None):
        """Yield partial answer text (str) while an LLM writes, then the final Answer."""
        for part in self._stream(question, history):
            yield self.retriever.as_written(part) if isinstance(part, Answer) else part

    def _stream(self, question: str, history: list | None = None):
        started = time.perf_counter()
        turn = resolve(question, history or [], self.llm, self._spelled_out, self._english_places)
        # Bounded and encodable: 100,000 characters took 11-26 s (embedded 6 times); a lone surrogate raised.
        asked = self._spelled_out(turn.text[: self.settings.max_question_chars].encode("utf-8", "replace").decode())
        q = replace(analyse(asked), followup=turn.rewritten)
        if (agreed := self._agree(asked)) is not None:  # "…中2025年“返家乡”岗位数是否一致?": each report's figure
            yield replace(with_passages(agreed, ()), question=question)
            return
        if (chained := self._chained(asked)) is not None:  # "…最多的县,2025年新发展团员多少名?": the winner's figure
            yield replace(with_passages(chained, ()), question=question)
            return
        planned = self._plan(asked)  # (catalogue, the parts it asks, when they are asked apart: cross_parts.plan)
        across = self._across(asked, planned)  # a question over many reports, answered from their facts
        catalogue, parts, when = planned
        late = when == "after passages"  # two figures added or subtracted: the passages' first, then each asked alone
        # "哪个县区团员最多?" naming no place: one report's table of every county ranks them in one year and one
        # indicator; the facts compare whichever reports give a figure (2 places, two years, bare cells left out)
        table_first = across is not None and across.found and self._ranks_unnamed(asked, catalogue)
        if across is not None and across.found and not (late and parts.how == "diff") and not table_first:
            yield from_facts(across, question, started)  # facts subtract nothing
            return
        # Facts that cannot answer it leave it to the passages: "2024年度考核排名第三的是哪个区?" is one 通报's table
        # row ("西青区排名3"), a rank naming no figure the facts could order; the facts' refusal stands if they fail too.
        q, passages, nearest, answer = self._extractive(q, turn.quote)
        if table_first and answer.note != table_rank.NOTE:
            yield from_facts(across, question, started)
            return
        unstated = not answer.found or (parts.how == "diff" and not cross_gap.states_change(answer, asked)) if late else False
        if unstated and (added := self._by_parts(asked, parts, catalogue)):
            yield from_facts(added, question, started)  # "…和…一共多少", "从…到…增加了几个": its report silent
            return
        if across is not None and not answer.found:
            yield from_facts(across, question, started)
            return
        if not answer.found and turn.loose:  # the year a follow-up only inherited found nothing: its report's own
            loose = self._extractive(replace(analyse(turn.loose), followup=True), turn.quote)
            if loose[3].found:
                q, passages, nearest, answer = loose
        if (gap := cross_gap.asked(asked)) is not None and not cross_gap.states_change(answer, asked):
            answer = self._gap(asked, gap) or answer  # "从2024年到2025年增加了多少": each year's figure, subtracted
        retrieved = time.perf_counter()
        if self.llm is not None and passages and answer.note != conflict.NOTE:
            # A model writing from the passages would pick one of the disagreeing figures.
            final = None
            for part in self.llm.stream(q.text, passages, answer):
                if isinstance(part, Answer):
                    final = part
                else:
                    yield part
            answer = final or answer
        # A sum of a place's parts its report does not state: added from their figures. A found answer stands only
        # when its quote names every part ("两县受助学生合计612名"); else it is one part's figure, or another's.
        answer = self._parts_sum(asked, answer) or answer
        answer = with_passages(self.retriever.with_origins(answer, passages), passages or nearest)
        timings = {"retrieve_ms": round(1000 * (retrieved - started), 2),
                   "total_ms": round(1000 * (time.perf_counter() - started), 2)}
        yield replace(answer, question=question, timings=timings)

    def _extractive(self, q, quote: str):
        """(question with its scope, passages, nearest passages, the answer cut out of them)."""
        unnamed = ()
        if q.english:
            q, unnamed = self._in_chinese(q)
        q, passages, nearest, outside = self._search(q, quote, unnamed)
        if outside:  # no report covers the place or year asked: say which ones the knowledge base has
            return q, passages, nearest, Answer(q.text, outside, "", False)
        if not passages:  # none from a report of the place and year asked: the nearest, for reference
            return q, passages, nearest, self._unheld(q, refusal(q, nearest))
        return q, passages, nearest, self._unheld(q, extract(q, passages, self.retriever.idf, self._similarity,
                                                             self.retriever.neighbourhood, self.retriever.doc_contains,
                                                             self.retriever.paragraph, self.library))

    def _unheld(self, q, answer):
        """A refusal of a university no report is about, only named in passing (北方民族大学 in 银川's 表注): said so,
        with the universities the knowledge base holds, as for one no report names."""
        asked = localities.universities_asked(q.text)
        reports = scope.catalogue(self.retriever.index()) if asked and not answer.found else None
        if reports is None or reports.titled_with(asked):
            return answer
        return replace(answer, text=self._not_about(sorted(asked)[0], reports, q.english))

    def _in_chinese(self, q):
        """An English question with its places and words in Chinese, and the places the lexical query lacks: the
        titles' romanised names go into it (retrieve.expand), a county only a report's text names ("Shouguang":
        寿光, in a 潍坊 report) would be missing from the features and the query alike."""
        from .engine.glossary import chinese_terms

        titled = self.retriever.expand(q.text)[1]
        index = self.retriever.index()
        named = scope.of_text(q.text, scope.catalogue(index)).mentions if len(index) else ()
        unnamed = tuple(dict.fromkeys(m.place.short for m in named if not m.institution and m.place.short not in titled))
        places = titled + unnamed
        inline = tuple(t for t in q.terms if not t.isascii())  # "How much 'Qingchuang loan' (青创贷) …": its own words
        spelled = self.retriever.spelled(q.text)  # "Wen Jiaqi": 温佳琪
        return replace(q, places=places, terms=places + inline + chinese_terms(q.text, self.retriever.rarity) + spelled), unnamed

    def _search(self, q, quote: str = "", unnamed: tuple = ()):
        """(question with its scope, passages that may answer it, the nearest passages, refusal line or "").
        Only reports whose scope matches the question's may answer (app/engine/scope.py); quote: a sentence of the
        previous answer, whose report a follow-up that names no scope stays with; unnamed: places to add to the
        lexical query (an English question's, in Chinese)."""
        index = self.retriever.index()
        if not len(index) or not q.text:
            return q, [], [], ""
        reports = scope.catalogue(index)
        scoped = table_rank.EXCEPT.sub("", q.text)  # "除了榆阳和神木,哪个县…": the places set aside are no scope
        q = replace(q, scope=scope.of_text(scoped, reports))
        if q.english:  # "Hezhou New Area": the reports' own 鹤洲新区, not the city 贺州 no report names
            q = replace(q, scope=replace(q.scope, mentions=tuple(
                m for m in q.scope.mentions if m.place in reports.known or not self.retriever.spelled(m.surface))))
        if not q.english:  # the places the knowledge base's own names find (和平 for 和平区), for the answer's features
            q = replace(q, places=tuple(dict.fromkeys(q.places + tuple(m.surface for m in q.scope.mentions
                                                                        if not m.institution))))
        outside = scope.refusal(q.scope, reports, q.english) or self._unknown_university(q.text, reports, q.english)
        if outside:
            return q, [], [], outside
        covering = reports.covering(q.scope) if q.scope or quote else set()
        named = localities.universities(q.text) + [s for s in reports.schools if s in q.text]  # 西南 is no place
        if own := reports.titled_with(named):  # 西藏大学's own report, not 日喀则's
            # (西藏 is an institution's place; "2024重庆马拉松" an event's: its own report, if no other of the place)
            covering = ((covering & own) or own) if q.scope else own
        towns = scope.localities(scoped, q.scope.mentions)
        # a place asked with nothing below it: its own reports first, not those of its counties that name it
        about = set() if towns else reports.about(q.scope) & covering
        located = covering & reports.locate(quote)
        docs = located or about or covering or None  # None: any report (the passages decide)
        beside = covering - about if about and not located else set()  # the others covering a place searched alone
        whole = not (q.scope.mentions or towns or named or located or unnamed)
        if whole:  # naming no place: the best paragraphs of the knowledge base's whole (a city's among its counties')
            beside = reports.holding & (docs if docs is not None else reports.holding)
        part = None if towns else lambda text: bool(m := localities.LED_BY_PART.match(text)) and m["name"] not in q.text
        query = " ".join((q.text,) + unnamed)
        found = _dated(self._passages(query, q.scope, docs, beside, part, whole), reports)
        admitted = self._admitted(q, found, reports, towns)
        if not admitted and found and (names := _names(q.scope)):  # a county of a city's table, its row crowded out
            retry = self.retriever.search(query, k=self.settings.top_k, doc_ids=docs, part=part, naming=names)
            admitted = self._admitted(q, _dated(retry, reports), reports, towns)  # by the rows of the words asked
        return q, localities.of_universities(localities.universities_asked(q.text), admitted), found, ""

    def _admitted(self, q, found: list, reports, towns) -> list:
        """The passages of a report whose scope matches the question's, naming the towns it asks."""
        return [p for p in found if scope.match(q.scope, reports.reports[p.doc_id], p.text,
                                                self.retriever.neighbourhood(p), q.kind == "numeric", p.section)
                and all(_names_town(t, p.title + self.retriever.neighbourhood(p)) for t in towns)]

    def _passages(self, query: str, asked, docs, beside: set, part, whole: bool = False) -> list:
        """The place's own reports' top k paragraphs; after them, from the other reports that cover it (a city's 通报
        with a row per county), the best BESIDE paragraphs naming it: a figure only the city's table gives, or of a
        year the county's own report does not cover. whole: no place asked, and beside are the reports of the
        knowledge base's whole: their best BESIDE paragraphs not in the top k. The model weighs them (features
        `beside`, `unplaced_of_kb`)."""
        k = self.settings.top_k
        if not beside:
            return self.retriever.search(query, k=k, doc_ids=docs, part=part)
        own, other = self.retriever.search_beside(query, k, docs, beside, BESIDE + k if whole else BESIDE, part)
        if whole:
            seen = {(p.doc_id, p.paragraph) for p in own}
            return own + [replace(p, beside=True) for p in other if (p.doc_id, p.paragraph) not in seen][:BESIDE]
        names = _names(asked)
        other = [replace(p, beside=True) for p in other if any(n in p.text for n in names)]
        return own + other

    def _unknown_university(self, text: str, reports, english: bool = False) -> str:
        """A refusal line when the question names a university no report names, in its title or its text
        ("东北农业大学…" where only 东北林业大学's report is held); "" otherwise, and always "" while a report says only
        我校 (浙江工商大学's, its name in no line youthqa keeps): which university that is, nothing says."""
        index = self.retriever.index()
        unknown = [name for name in localities.universities(text) if name not in reports.schools
                   and not index.holding([name], limit=1)]
        if not unknown:
            return ""
        ours = index.holding(["我校"], limit=200)
        if any(not localities.schools(m.get("title") or "") for *_, m in ours):
            return ""  # a 我校 report whose title names no university
        return self._not_about(unknown[0], reports, english)

    @staticmethod
    def _not_about(name: str, reports, english: bool) -> str:
        held = [s for s in reports.schools if s.endswith("大学")][:scope.LISTED]
        return (msg.NO_UNIVERSITY_EN if english else msg.NO_UNIVERSITY).format(
            name=name, schools=(", " if english else "、").join(held) or ("none" if english else "无"))

    def _english_places(self, text: str) -> list:
        """The places an English text names (scope.Mention: Xishui, 习水县), read against the knowledge base's places."""
        index = self.retriever.index()
        return list(scope.find(text, known=scope.catalogue(index).known)) if len(index) else []

    def _spelled_out(self, text: str) -> str:
        """辽科大, 华农 as 辽宁科技大学, 华南农业大学, where a report title names that university (localities.spelled_out);
        石工学院 as 石油与天然气工程学院, where a report gives that college's figures."""
        index = self.retriever.index()
        if not len(index):
            return text
        catalogue = scope.catalogue(index)
        text = scope.of_the_one_province(text, catalogue)  # "全省…": the one province of all the reports
        schools = catalogue.schools
        text = localities.english_schools(localities.spelled_out(text, schools), schools)
        text = localities.of_the_one_school(text, schools)  # "哪个学院团员最少?": the one university held
        if "院" not in text:  # the facts table (every fact, read from Chroma) is for questions that name a college
            return text
        return localities.colleges_spelled_out(text, cross.colleges(self.fact_table, str(index.seq)))

    def _report_titles(self) -> dict[str, tuple[str, str]]:
        """doc_id -> (title, date) of every report; rebuilt when the index changes."""
        index = self.retriever.index()
        if self._titles[0] is not index:
            self._titles = (index, {d: (m["title"], m["date"]) for d, m in index.documents().items()})
        return self._titles[1]

    def _similarity(self, query: str, texts: list[str]) -> list[float]:
        embedder = self.retriever.embedder
        asked = self._asked  # one question's similarities are asked again by the conflict check (threads: a local)
        if asked[0] != query:
            self._asked = asked = (query, np.asarray(embedder.embed_query(query)))
        q = asked[1]
        vectors = np.asarray(embedder.embed_documents(texts))
        return list(vectors @ q)

    def as_retriever(self, k: int | None = None):
        from .engine.lc import AssistantRetriever

        return AssistantRetriever(assistant=self, k=k or self.settings.top_k)


BESIDE = 2  # paragraphs of the reports beside a place's own (measured: issue 10, blind set 37's 通报)


def _dated(passages: list, reports) -> list:
    """The passages with their reports' period and focus, which the answer's features read."""
    return [replace(p, period=_period(report), focus=_focus(report))
            for p in passages for report in [reports.reports[p.doc_id]]]


def _names(asked) -> tuple[str, ...]:
    """The words a paragraph of a place asked holds: its name as asked, in full, short (澧县's short 澧 would match
    any text)."""
    return tuple(sorted({n for m in asked.mentions if not m.institution for n in (m.surface, m.place.name, m.place.short)
                         if len(n) > 1}))


def _names_town(town: str, text: str) -> bool:
    """The text names the town asked, or the town its county's name runs into ("互助威远镇": 威远镇)."""
    return any(town[i:] in text for i in range(max(len(town) - 2, 1)))


def _focus(report: scope.Report) -> str:
    return " ".join(f"{p.name} {p.short}" for p in sorted(report.focus, key=lambda p: (p.code, p.name)))


def _period(report: scope.Report) -> str:
    """The year a report is about, when it is about one: its figures that name no year are that year's."""
    return str(next(iter(report.main_years))) if len(report.main_years) == 1 else ""
