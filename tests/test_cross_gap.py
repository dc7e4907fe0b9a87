"""A gap between two figures no sentence states, each side asked alone (app/engine/cross_gap.py)."""
from __future__ import annotations

from app.engine.cross_gap import Gap, asked, combine, states_change
from ingest.schema import Answer, Citation


def _found(value: str, quote: str, paragraph: int = 1) -> Answer:
    cite = Citation("r.docx", "报告", "2026-01-23", paragraph, quote, quote, 1.0)
    return Answer("q", f"{value}。原文:“{quote}”", value, True, (cite,))


def test_the_sides_of_a_gap_between_two_years_or_a_figure_and_its_target():
    assert asked("青年见习岗位从2024年到2025年增加了多少个？") == Gap(("2024年全市青年见习岗位多少个", "2025年全市青年见习岗位多少个"))
    assert asked("香洲区青年之家从2024年到2025年增加了多少个？").sides[0] == "2024年香洲区青年之家多少个"
    target = asked("2025年底注册青年志愿者距离2027年60万名的目标还差多少？")
    assert target.sides[0] == "全市2025年底注册青年志愿者多少" and target.stated == "60万名"
    contract = asked("2025年12355实际服务量比采购合同约定的最低服务量多多少人次？")
    assert contract.sides == ("全市2025年12355实际服务量多少人次", "12355采购合同约定的最低服务量多少人次")
    assert asked("铜川注册了多少志愿者?") is None and asked("全年增长了多少%?") is None


def test_the_gap_is_the_difference_in_the_one_unit_citing_both():
    gap = Gap(("2024年全市青年见习岗位多少个", "2025年全市青年见习岗位多少个"))
    got = combine("q", gap, _found("5667个", "全市青年见习岗位5667个;"), _found("6348个", "募集青年见习岗位6348个", 2))
    assert got.value == "681个" and [c.paragraph for c in got.citations] == [1, 2]
    stated = Gap(("2025年底注册青年志愿者多少", "…60万名的目标多少"), "60万名")
    assert combine("q", stated, _found("555557名", "注册青年志愿者555557名"), None).value == "44443名"
    refused = Answer("q", "资料中没有找到", "", False)
    assert combine("q", gap, _found("5667个", "…"), refused) is None  # a side not found: no gap
    assert combine("q", gap, _found("5667个", "…"), _found("3.9万元", "…")) is None  # a count against money
    assert combine("q", gap, _found("5667个", "…"), _found("5667个", "…")) is None  # one figure twice


def test_a_change_its_report_states_stands():
    assert states_change(_found("681个", "全市募集青年见习岗位6348个,比上年增加681个"))
    assert not states_change(_found("2000个", "2026年“返家乡”岗位预计达到2000个"))


def test_beyond_a_target_and_a_new_count_the_question_names_are_gaps_not_stated_changes():
    """Blind set 65: "…超出全年任务多少" asks the figure against its target as 比…多多少 does, without the side's own
    period (1—10月 is no part of the year's target); a 新增 the question's indicator holds ("新增注册志愿者1036名")
    is the level, not a change its report states."""
    beyond = asked("榆阳区1—10月新增注册志愿者超出全年任务多少？")
    assert beyond.sides == ("榆阳区1—10月新增注册志愿者多少", "榆阳区新增注册志愿者全年任务多少")
    level = _found("1036名", "绥德县新增注册志愿者1036名")
    assert not states_change(level, "绥德县新增注册志愿者离全年任务还差多少？")
    assert states_change(_found("1036名", "比上年新增1036名"), "绥德县注册志愿者离全年任务还差多少？")


def test_a_stated_rate_is_no_difference_in_people_asked():
    """Blind set 65's deck: "上岗人数较去年的214名增长17.8%" does not answer "…2026年比2025年多多少?" (38名); "增长了多少"
    is asked as a rate as often, and a rate asked takes it."""
    rate = _found("17.8%", "上岗人数较去年的214名增长17.8%")
    assert not states_change(rate, "神木返家乡上岗人数2026年比2025年多多少？")
    assert states_change(rate, "神木返家乡上岗人数比上年增长了多少？")
    assert states_change(rate, "上岗人数比上年多了百分之多少？")


def test_a_change_from_a_point_the_question_does_not_name_is_no_stated_gap():
    """Blind set 65: "县属中学团员总数较年初增减+12名" does not answer "…离团市委下达的全年任务还差多少" (280 against 320)."""
    since = _found("12名", "县属中学(含职教中心)团员总数较年初增减+12名")
    assert not states_change(since, "定边2026年1—10月发展团员离团市委下达的全年任务还差多少？")
    assert states_change(since, "县属中学团员总数较年初增加了多少？")
