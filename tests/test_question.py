import pytest

from app.engine.question import PEOPLE, analyse


@pytest.mark.parametrize("question, kind", [
    ("铜川的志愿汇平台注册了多少志愿者?", "numeric"),
    ("天心区2021年推报了几名市级青年岗位能手?", "numeric"),
    ("How many volunteers are registered in Tongchuan?", "numeric"),
    ("宁夏自治区民政厅社工处的负责人是谁?", "person"),
    ("出席活动的团济宁市委书记叫什么?", "person"),
    ("希望工程是哪一年进入新疆的?", "date"),
    ("When was the loan programme launched?", "date"),
    ("培训班是在哪所高校举办的?", "entity"),
    ("三年行动计划全称是什么?", "name"),
    ("团市委做了哪些工作", "open"),
])
def test_question_kind(question, kind):
    assert analyse(question).kind == kind


@pytest.mark.parametrize("question, units", [
    ("注册了多少志愿者?", PEOPLE),
    ("发放了多少份禁毒宣传资料?", {"份"}),
    ("贷款总额是多少?", {"元"}),
    ("学习率达到多少?", {"%"}),
    ("开展宣讲多少场次?", {"场", "次", "场次"}),
])
def test_expected_units(question, units):
    assert analyse(question).units == frozenset(units)


def test_subject_terms_and_years():
    q = analyse("2019年以来清镇市共青团累计招募了多少名青年志愿者?")
    assert q.subject == "青年志愿者"
    assert q.years == ("2019",)
    assert "清镇市" in q.terms and "多少" not in q.terms


def test_traditional_and_full_width_normalised():
    q = analyse("銅川的誌願匯平臺註冊了多少誌願者?")
    assert "铜川" in q.text and "?" in q.text


def test_settings_accept_strings_for_paths():
    from pathlib import Path

    from ingest import Settings

    assert Settings(index="some/dir").index == Path("some/dir")
