"""app/engine/cross_parts.py: a question asking several figures, each part asked apart and combined."""
from __future__ import annotations

import pytest

from ingest.schema import Answer, Citation

from app.engine import cross
from app.engine.cross_parts import combine, split, within_year


@pytest.mark.parametrize("question, how, labels, questions", [
    ("云冈青春守护，24年全年服务游客和25年暑期服务游客哪个多？", "which", ("24年全年服务游客", "25年暑期服务游客"),
     ("云冈青春守护,24年全年服务游客是多少?", "云冈青春守护,25年暑期服务游客是多少?")),
    # a bare time takes what the last part counts, a part with no year the year before it
    ("云冈青春守护25年上半年和暑期服务游客加起来多少？", "sum", ("25年上半年服务游客", "25年暑期服务游客"), None),
    # parts that each ask ("…多少、…多少"): the head says what is counted
    ("全市注册志愿者：24年底多少、25年6月底多少、25年目标多少？", "each", ("24年底", "25年6月底", "25年目标"),
     ("全市注册志愿者:24年底多少?", "全市注册志愿者:25年6月底多少?", "全市注册志愿者:25年目标多少?")),
    ("西部计划志愿者24年派了多少，25年招多少？", "each", ("24年派了", "25年招"),
     ("西部计划志愿者24年派了多少?", "西部计划志愿者25年招多少?")),
    ("北海市注册志愿者截至2025年3月底和6月底分别是多少?", "each", ("截至2025年3月底", "截至2025年6月底"), None),
    ("儋州青创贷2024年全年和2025年上半年分别发放多少？", "each", ("2024年全年", "2025年上半年"),
     ("儋州青创贷2024年全年发放多少?", "儋州青创贷2025年上半年发放多少?")),
    ("注册青年志愿者从24年底到25年6月底变化多少？", "diff", ("24年底", "25年6月底"), None),
    ("第十期和第十一期青马骨干班学员各多少，多了几名？", "diff", ("第十期青马骨干班学员", "第十一期青马骨干班学员"), None),
    ("25年暑期，大同大学三下乡参与学生和云冈青春守护上岗志愿者，哪个人数多？", "which",
     ("大同大学三下乡参与学生", "云冈青春守护上岗志愿者"), None),  # 参与 is no join
    ("黄山学院派到风景区的国庆志愿者，25年比24年多了多少？", "diff", ("25年", "24年"), None),  # nor is 派到
    # a bare time after a counted first part takes what the first counts (blind set 64)
    ("延吉2026年1—10月发展团员比2025年全年少多少？", "diff", ("2026年1—10月发展团员", "2025年全年发展团员"),
     ("延吉2026年1—10月发展团员是多少?", "延吉2025年全年发展团员是多少?")),
    ("2026年青春护边全州选派人数比2025年多多少？", "diff", ("2026年青春护边全州选派人数", "2025年青春护边全州选派人数"), None),
    ("2024年拉萨、林芝、山南各新发展了多少团员？", "each", ("2024年拉萨", "林芝", "山南"), None),  # places take no time's rest
])
def test_parts_and_how_they_combine(question, how, labels, questions):
    parts = split(question)
    assert (parts.how, parts.labels) == (how, labels)
    assert questions is None or parts.questions == questions


@pytest.mark.parametrize("question", [
    "铜川注册了多少志愿者？",
    "滨海新区注册青年志愿者比上年增加多少人？",  # a change its report states
    "河西新发展团员比年初计划多了多少名？",
    "通化各县（市、区）的青年之家一共多少个",  # a gloss, not a list
    "克拉玛依注册志愿者在3月、7月和年底三期简报中分别是多少?",  # the times of a frame
    "北海截至6月底新发展团员多少?",
])
def test_one_figure_asked_is_no_parts(question):
    assert split(question) is None


def test_times_within_a_year_are_no_trend_of_years():
    assert within_year("北海市注册志愿者截至2025年3月底和6月底分别是多少?")
    assert not within_year("迎泽新发展团员2023年和2024年分别是多少？")
    assert split("迎泽新发展团员2023年和2024年分别是多少？").years_only
    assert cross.detect("北海市注册志愿者截至2025年3月底和6月底分别是多少?") is None


def _found(value: str, source: str) -> Answer:
    return Answer("", value, value, True, (Citation(source, source, "2025-01-01", 3, "…", value, 1.0),))


def test_answers_are_listed_compared_added_and_subtracted():
    text = "云冈青春守护25年上半年和暑期服务游客加起来多少？"
    parts = split(text)
    added = combine(text, parts, [_found("52.7万人次", "a.md"), _found("386472人次", "b.html")])
    assert added.value == "913472人次(约91.3万人次)" and [c.source for c in added.citations] == ["a.md", "b.html"]
    which = split("云冈青春守护，24年全年服务游客和25年暑期服务游客哪个多？")
    assert combine("", which, [_found("126.4万人次", "a"), _found("38.6万人次", "b")]).value == "24年全年服务游客"
    apart = split("注册青年志愿者从24年底到25年6月底变化多少？")
    assert combine("", apart, [_found("24.71万名", "a"), _found("25.38万名", "b")]).value == "0.67万名"
    assert combine("", apart, [_found("不少于220名", "a"), _found("236名", "b")]).value == "16名"
    assert combine("", apart, [_found("24.71万名", "a"), _found("3个", "b")]) is None  # no one unit
    listed = split("全市注册志愿者：24年底多少、25年6月底多少、25年目标多少？")
    none = Answer("", "资料中没有找到", "", False)
    got = combine("", listed, [_found("247436人", "a"), none, _found("26万人", "c")])
    assert got.value == "247436人、26万人" and "25年6月底" in got.text.splitlines()[-1]
    assert combine("", which, [_found("126.4万人次", "a"), none]) is None  # a comparison wants both


def test_each_part_is_answered_from_its_own_report(tmp_path, make_settings):
    """Two reports, two periods of one programme: compared, added and listed, each figure cited from its report."""
    from app import Assistant
    from ingest import ingest_paths

    (tmp_path / "datong-2024.txt").write_text(
        "共青团大同市委2024年工作总结\n\n2024年,“云冈青春守护”志愿服务全年上岗志愿者3120人,服务游客126.4万人次。\n",
        encoding="utf-8")
    (tmp_path / "yungang-2025.txt").write_text(
        "云冈区2025年暑期“青春守护”志愿服务总结\n\n2025年暑期,“云冈青春守护”上岗志愿者482人,服务游客38.6万人次。\n",
        encoding="utf-8")
    settings = make_settings()
    ingest_paths(sorted(tmp_path.glob("*.txt")), settings)
    assistant = Assistant.open(settings)
    which = assistant.ask("云冈青春守护，2024年全年服务游客和2025年暑期服务游客哪个多？")
    assert which.value == "2024年全年服务游客"
    assert {c.source for c in which.citations} == {"datong-2024.txt", "yungang-2025.txt"}
    assert assistant.ask("云冈青春守护2024年全年和2025年暑期服务游客加起来多少？").value == "165万人次"
    listed = assistant.ask("云冈青春守护上岗志愿者，2024年全年和2025年暑期分别是多少？")
    assert "3120人" in listed.text and "482人" in listed.text


def test_a_change_between_two_reports_periods_is_their_difference_not_the_later_figure(tmp_path, make_settings):
    """Blind set 64: "从2025年底到2026年6月底增加了几个?" was the facts' trend of the two, whose value is the later
    figure (17个); the facts subtract nothing, so each period is asked alone and the two subtracted."""
    from app import Assistant
    from ingest import ingest_paths

    (tmp_path / "zhou-2025.txt").write_text(
        "团州委2025年工作报告\n\n截至2025年底,敦化市建成青年之家15个,图们市建成青年之家7个。\n", encoding="utf-8")
    (tmp_path / "dunhua-2026.txt").write_text(
        "团敦化市委2026年上半年工作总结\n\n截至6月底,全市建成青年之家17个,上半年新发展团员218名。\n",
        encoding="utf-8")
    settings = make_settings()
    ingest_paths(sorted(tmp_path.glob("*.txt")), settings)
    got = Assistant.open(settings).ask("敦化青年之家从2025年底到2026年6月底增加了几个？")
    assert got.value == "2个"
    assert {c.source for c in got.citations} == {"zhou-2025.txt", "dunhua-2026.txt"}


@pytest.mark.parametrize("question, when", [
    ("云冈青春守护，24年全年服务游客和25年暑期服务游客哪个多？", "first"),  # two periods: the facts keep no month
    ("2024年新发展团员，凤翔和眉县谁多？", "after facts"),  # places: the facts' compare first
    ("今年暑期返家乡计划岗位，歙县比黄山区多几个？", "first"),  # the facts do not subtract
    ("凤翔和眉县24年新发展团员合计多少", ""),  # a sum of places: the single path's _parts_sum
    ("迎泽新发展团员2023年和2024年分别是多少？", "after facts"),  # whole years alone: the facts' trend first
    ("防溺水劝导点，24年实际设立的和25年计划设立的，哪个多？", "first"),  # years and what was done: apart
    ("长春2024年发展团员比2023年多了多少？", "after passages"),  # its report may state the change
    ("铜川注册了多少志愿者？", ""),
])
def test_when_parts_are_asked_apart(question, when):
    from app.engine.cross_parts import plan

    assert plan(question, None)[1] == when
