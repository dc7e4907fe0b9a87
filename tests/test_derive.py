"""Weekdays and day counts worked out from the dates a paragraph gives (app/engine/derive.py)."""
import datetime as dt

import pytest

from app.engine import derive
from app.engine.question import analyse


@pytest.mark.parametrize("value, text, dated, day", [
    ("2025年1月17日", "", "", dt.date(2025, 1, 17)),
    ("9月6日", "9月6日晚,超强台风“摩羯”在徐闻县沿海再次登陆。", "2024", dt.date(2024, 9, 6)),  # the year reviewed
    ("7月5日", "2023年起…7月5日(星期六)上午9时", "2025-06-20", dt.date(2023, 7, 5)),  # the year written before it
    ("2024-05-30", "", "", dt.date(2024, 5, 30)),
    ("7月", "", "2025", None),  # a month names no day
    ("2月30日", "", "2025", None),
])
def test_the_day_a_date_names(value, text, dated, day):
    assert derive.day_of(value, text, text.find(value), dated) == day


def test_weekday_in_chinese_and_english():
    friday = dt.date(2025, 4, 25)
    assert derive.weekday(friday) == "星期五"
    assert derive.weekday_text("4月25日", friday, english=True).startswith("星期五(4月25日是星期五, Friday")


@pytest.mark.parametrize("clause, dated, days", [
    ("(二)集中行动阶段(7月1日—8月31日)。", "2025", 62),
    ("1月14日至2月22日春运期间", "2025-04-25", 40),
    ("公示期为2025年4月15日至4月21日", "", 7),
    ("4月15日到25日", "2025", 11),  # the month carried over
    ("12月20日至1月5日", "2024", 17),  # across the new year
])
def test_a_span_of_dates_counts_both_ends(clause, dated, days):
    assert [d for _, _, d in derive.spans(clause, dated=dated)] == [days]


def test_no_span_without_two_days():
    assert list(derive.spans("7月至8月", dated="2025")) == []


@pytest.mark.parametrize("question, weekday, days, kind", [
    ("全委会开会那天是星期几", True, False, "date"),
    ("摩羯台风登陆那天周几?", True, False, "date"),
    ("返家乡上岗情况每周几报", False, False, None),  # a routine's day, as written
    ("防溺水行动一共持续多少天", False, True, "numeric"),
    ("What day of the week was the plenary held?", True, False, "date"),
])
def test_what_the_question_asks(question, weekday, days, kind):
    q = analyse(question)
    assert (q.weekday, q.days) == (weekday, days)
    assert kind is None or q.kind == kind


def test_a_span_names_its_last_day_and_which_end_a_date_is():
    text = "文化节4月1日至5月5日举行,志愿服务5月6日至8日开展"
    assert list(derive.span_ends(text)) == [(text.index("8日"), "5月8日")]  # the month carried to the last day
    sides = [derive.span_side(text, text.index(d)) for d in ("4月1日", "5月5日", "5月6日", "8日")]
    assert sides == ["start", "end", "start", "end"]
    assert derive.span_side("5月6日召开", 0) == ""


@pytest.mark.parametrize("question, end, start", [
    ("志愿服务闭幕那天是星期几", True, False),
    ("报名截止到哪天", True, False),
    ("夏令营哪天开营", False, True),
    ("When did the festival end?", True, False),
    ("活动在哪里举办", False, False),
])
def test_which_end_of_a_span_is_asked(question, end, start):
    assert (bool(derive.ENDS_ASKED.search(question)), bool(derive.STARTS_ASKED.search(question))) == (end, start)


def test_a_value_a_change_replaced_and_the_one_it_put_in():
    """Blind set 60's 征求意见稿: "原稿计划招募多少人" asks the value a tracked change replaced, any other question the
    one in force (features revised_fit / revised_misfit)."""
    from app.engine.derive import BEFORE_ASKED, revision_side

    line = "修订(宋雨菲,2026年5月19日):“5000名”改为“6000名”"
    old, new = line.index("5000名"), line.index("6000名")
    assert revision_side(line, old, old + 5) == "old" and revision_side(line, new, new + 5) == "new"
    said = "同意将平邑县出征人数由3名调整为2名"
    assert revision_side(said, said.index("3名"), said.index("3名") + 2) == "old"
    assert revision_side(said, said.index("2名"), said.index("2名") + 2) == "new"
    assert revision_side("全年招募志愿者6000名", 6, 11) == ""
    assert BEFORE_ASKED.search("原稿计划招募多少名学生") and BEFORE_ASKED.search("What was the deadline before it was revised?")
    assert not BEFORE_ASKED.search("计划招募多少名学生")
