"""Questions over several reports, as the Assistant asks them: from the facts of many reports (app/engine/cross.py),
or by asking each part on the single-report path and combining the answers (cross_parts, cross_gap, cross_agree,
cross_chain, cross_each). A mixin of app/api.py's Assistant: it reads the Assistant's retriever and fact table."""
from __future__ import annotations

import re
import time
from dataclasses import replace

from ingest.schema import Answer, Fact

from .engine import cross, cross_agree, cross_chain, cross_each, cross_gap, cross_mention, cross_parts, scope
from .engine.answer import unobserved
from .engine.question import analyse


class AcrossReports:
    def _plan(self, text: str) -> tuple:
        """(the knowledge base's catalogue, the parts the question asks, when they are asked apart), once per
        question; (None, None, "") on an empty knowledge base."""
        index = self.retriever.index()
        if not len(index):
            return None, None, ""
        catalogue = scope.catalogue(index)
        return (catalogue, *cross_parts.plan(text, catalogue))

    def _across(self, text: str, planned: tuple) -> Answer | None:
        """The answer from the facts of many reports (app/engine/cross.py), or from each part of a question asking
        several figures (cross_parts), or None for the single-report path."""
        catalogue, parts, when = planned
        if catalogue is None:
            return None
        if when == "first" and (got := self._by_parts(text, parts, catalogue)):
            return got
        got = self._across_facts(text, self.retriever.index(), catalogue)
        if when == "after facts" and (got is None or not got.found or
                                      (parts.how == "each" and len(parts.labels) > _rows(got.text))):
            return self._by_parts(text, parts, catalogue) or got
        return got

    def _ranks_unnamed(self, text: str, catalogue) -> bool:
        """The question ranks parts of the knowledge base naming none of them ("哪个县区团员最多?")."""
        if catalogue is None:
            return False
        asked = cross.detect(text, catalogue)  # "各县区自己的报告里…最多": the reports' own figures, the facts'
        return asked is not None and asked.kind == "rank" and not asked.places and not _OWN_REPORTS.search(text)

    def _part(self, question: str) -> Answer:
        """One part of a question asked on its own: one question to whoever observes answers (training)."""
        from .api import Assistant  # the Assistant's own ask, not a subclass's that records answers

        with unobserved():
            return Assistant.ask(self, question)

    def _agree(self, text: str) -> Answer | None:
        """Whether reports agree on a figure: the figure asked alone, then each retrieved report that gives it."""
        figure = cross_agree.figure_question(text)
        if figure is None:
            return None
        single = self._part(figure)
        index = self.retriever.index()
        normal, mentions, places = cross.place_mentions(figure, scope.catalogue(index))
        facts = cross.match(self.fact_table, str(index.seq), self.retriever.embedder, cross.indicator_of(normal, mentions),
                            places=[p.key for p in places], threshold=False) if single.found else []
        stated = cross_agree.stating(single, facts, self.retriever.paragraph, cross.MATCH_MIN)
        got = cross_agree.combine(text, single, single.passages, analyse(figure).terms, self.retriever.idf, stated)
        if got is None and (sides := cross_agree.sides(text)):  # worded apart: each side asked alone
            got = cross_agree.both(text, *(self._part(side) for side in sides))
        return got

    def _chained(self, text: str) -> Answer | None:
        """A rank's winner asked another figure: the rank alone, then the figure of the place it names."""
        chain = cross_chain.split(text)
        if chain is None:
            return None
        rank = self._part(chain.rank)
        places = cross.place_mentions(rank.value, scope.catalogue(self.retriever.index()))[2] if rank.found else []
        if not places:
            return None
        winner = places[0].name if chain.kind.startswith("县") and places[0].level == 2 else places[0].short
        return cross_chain.combine(text, chain, winner, rank, self._part(cross_chain.then_question(chain, winner)))

    def _gap(self, text: str, gap: cross_gap.Gap) -> Answer | None:
        """Each side of a gap asked alone, subtracted; the second asked even when the question states its figure, for
        the reports that state it too."""
        first = self._part(gap.sides[0])
        second = self._part(gap.sides[1]) if first.found else None  # a stated figure: where a report states it too
        return cross_gap.combine(text, gap, first, second)

    def _by_parts(self, text: str, parts: cross_parts.Parts, catalogue) -> Answer | None:
        """Each part asked alone, combined; each figure cited from every report that states it (cross_also)."""
        got = cross_parts.combine(text, parts, [self._part(q) for q in parts.questions])
        if got is None:
            return None
        stamp, facts = str(self.retriever.index().seq), []
        for one in parts.questions:
            normal, mentions, places = cross.place_mentions(one, catalogue)
            if indicator := cross.indicator_of(normal, mentions):
                facts += cross.match(self.fact_table, stamp, self.retriever.embedder, indicator,
                                     places=[p.key for p in places], threshold=False)
        return cross.corroborated(got, facts, self.retriever.paragraph)

    def _across_facts(self, text: str, index, catalogue) -> Answer | None:
        asked = cross.detect(text, catalogue)
        if asked is None:
            return None
        if asked.kind == "each":
            return self._each(text, catalogue)
        if asked.kind == "mention":
            hits = cross_mention.mentions(index, asked.indicator, catalogue, asked.verbatim)
            return cross.answer(asked, text, [], self.retriever.paragraph, hits)
        places = [p.key for p in asked.places] if asked.kind != "rank" else []
        over_parts = len(asked.places) == 1 and asked.kind in ("rank", "list")
        if over_parts:  # over its parts: only theirs are read, not
            whole = asked.places[0]  # the nearest FACT_K of every report's identical indicator ("希望小屋")
            local, docs = cross.local_parts(self.fact_table, str(index.seq), whole)  # its towns, its colleges
            parts = [p.key if p.key != whole.key else p.name for p in catalogue.known if p.within(whole)]  # 东营区
            places = parts + scope.zones(whole.short) + local or places
        facts = cross.match(self.fact_table, str(index.seq), self.retriever.embedder, asked.indicator, places=places,
                            threshold=False, both=bool(cross.mixed_years(asked, text)))  # cross.answer: MATCH_MIN
        if over_parts:
            facts = cross.parts_from(facts, whole, docs)
        return cross.answer(asked, text, facts, self.retriever.paragraph)

    def _parts_sum(self, text: str, single: Answer) -> Answer | None:
        index = self.retriever.index()
        asked = cross.parts_sum(text, scope.catalogue(index)) if len(index) else None
        if asked is None:
            return None
        if states_sum(single, [p.short for p in asked.places]):
            return None
        facts = cross.match(self.fact_table, str(index.seq), self.retriever.embedder, asked.indicator,
                            places=[p.key for p in asked.places], threshold=False)
        return cross.answer(asked, text, facts, self.retriever.paragraph)

    def _each(self, text: str, catalogue) -> Answer | None:
        """A name asked of several places: each asked apart on the single-report path (app/engine/cross_each.py)."""
        text, named, _ = cross.place_mentions(text, catalogue)
        asked = [(place, self._part(one)) for place, one in cross_each.one_place_questions(text, named)]
        return cross_each.combine(text, asked) if asked else None

    def facts(self, query: str, limit: int = 200) -> list[Fact]:
        """The figures of every report whose indicator matches the query ("注册志愿者"), best match first;
        a place the query names ("铜川注册志愿者") keeps that place's only."""
        index = self.retriever.index()
        if not len(index) or not query.strip():
            return []
        catalogue = scope.catalogue(index)
        mentions = [m for m in scope.find(query, catalogue.asked_names, catalogue.known) if not m.institution]
        indicator = cross.indicator_of(query, mentions) or query
        places = {m.place.key for m in mentions}
        return [f for f, _ in cross.match(self.fact_table, str(index.seq), self.retriever.embedder, indicator, limit,
                                          sorted(places))]


_OWN_REPORTS = re.compile(r"(?:自己|各自|本地)的?(?:报告|材料|总结)|(?:这些|各份|所有)(?:报告|材料)")
_SUMMED = re.compile(r"合计|共计|总计|总共|一共|加起来|共")


def _rows(text: str) -> int:
    """How many cited figures a facts answer lists (cross.row: "…(2024年 · title · date · 第7段)")."""
    return sum(bool(re.search(r"第\d+段\)$", line)) for line in text.splitlines())


def states_sum(answer: Answer, parts: list[str]) -> bool:
    """Whether a found answer's quote states the parts' sum: names every part and a sum ("两县…合计612名"), not
    one part's figure in a sentence that lists them ("永城市、夏邑县、虞城县分列前三位,宁陵县…284名")."""
    quote = answer.citations[0].quote if answer.citations else answer.text
    return answer.found and all(p in quote for p in parts) and bool(_SUMMED.search(quote))


def from_facts(across: Answer, question: str, started: float) -> Answer:
    """The facts' answer (or refusal) as asked, timed from the question's arrival."""
    total = round(1000 * (time.perf_counter() - started), 2)
    return replace(across, question=question, timings={"retrieve_ms": total, "total_ms": total},
                   passages=across.citations)
