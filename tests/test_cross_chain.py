"""A rank chained into another figure (app/engine/cross_chain.py)."""
from __future__ import annotations

from app.engine.cross_chain import combine, split, then_question
from ingest.schema import Answer, Citation


def test_the_rank_and_the_figure_asked_apart():
    chain = split("在岗西部计划志愿者最多的县,2025年新发展团员多少名?")
    assert (chain.rank, chain.then) == ("在岗西部计划志愿者最多的是哪个县?", "2025年新发展团员多少名?")
    assert then_question(chain, "宁蒗县") == "宁蒗县2025年新发展团员多少名?"
    assert split("海大三下乡派驻学生最多的那个县,24年新发展团员多少?").rank == "海大三下乡派驻学生最多的是哪个县?"
    assert split("铜川的志愿汇平台注册了多少志愿者?") is None
    assert split("哪个县在岗西部计划志愿者最多?") is None  # a rank alone is the rank's


def _cite(source, paragraph):
    return Citation(source, source, "2026-01-16", paragraph, "t", "t", 1.0)


def test_the_winners_figure_is_the_answer_and_both_parts_are_cited():
    chain = split("在岗西部计划志愿者最多的县,2025年新发展团员多少名?")
    rank = Answer("r", "宁蒗县。", "宁蒗县", True, (_cite("deck.pptx", 29),))
    figure = Answer("f", "352名。", "352名", True, (_cite("report.docx", 18),))
    got = combine("q", chain, "宁蒗县", rank, figure)
    assert got.value == "352名" and "宁蒗县" in got.text
    assert [c.source for c in got.citations] == ["report.docx", "deck.pptx"]
    assert combine("q", chain, "宁蒗县", rank, Answer("f", "", "", False)) is None
