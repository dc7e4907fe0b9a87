"""Whether reports agree on a figure (app/engine/cross_agree.py)."""
from __future__ import annotations

from app.engine.cross_agree import both, combine, figure_question, sides, stating
from ingest.schema import Answer, Citation, Fact


def test_the_figure_asked_without_its_yes_no_and_the_reports_named():
    assert figure_question("全委会报告、推进计划和公众号推文中2025年“返家乡”岗位数是否一致?是多少?") == "2025年“返家乡”岗位数是多少?"
    assert figure_question("三下乡重点团队资助总额在汇总表和全委会报告中分别怎么写?") == "三下乡重点团队资助总额是多少?"
    assert figure_question("监测表中2025年青年之家合计比2024年增加了多少个?与全委会报告一致吗?") == \
        "监测表中2025年青年之家合计比2024年增加了多少个?"
    assert figure_question("铜川注册了多少志愿者?") is None


def test_a_place_or_programme_named_with_the_report_stays_in_the_figure_asked():
    assert figure_question("永胜台账里新发展团员完成数和表1-1的实际发展数一致吗?") == "永胜新发展团员完成数实际发展数是多少?"
    assert figure_question("同心行总结和全委会报告中澳门青年参与人次是否一致?") == "同心行澳门青年参与人次是多少?"
    assert figure_question("宣传片里说的注册青年志愿者人数和全委会报告的全市数字对得上吗?") == "注册青年志愿者人数全市数字是多少?"
    assert figure_question("歙县24年底注册志愿者,简报和全委会表1说的一样吗?") == "歙县24年底注册志愿者是多少?"


def _cite(source, text, paragraph=1):
    return Citation(source, source.split(".")[0], "2025-07-30", paragraph, text, text, 1.0)


def test_reports_agree_when_another_gives_the_same_figure_of_the_same_thing():
    single = Answer("q", "427人次。原文:“…”", "427人次", True, (_cite("summary.pdf", "澳门青年427人次"),))
    others = [_cite("summary.pdf", "澳门青年427人次"), _cite("report.docx", "全年举办交流活动23场,参与青年1.12万人次;同心行五日营"
                                                                      "参与珠海青年310人次、澳门青年427人次。", 37),
              _cite("sheet.xlsx", "横琴合作区其中澳门居民青年驿站入住236人次。", 6)]
    terms = ("澳门", "青年", "参与", "人次")
    got = combine("q", single, others, terms, lambda term: 1.0)
    assert got.value == "一致,427人次" and [c.source for c in got.citations] == ["summary.pdf", "report.docx"]
    # another figure of the same words is not said to disagree: 1.12万人次 is another thing
    assert combine("q", single, others[:1] + others[2:], terms, lambda term: 1.0) is None


def _fact(source, figure, value, paragraph=24):
    return Fact(indicator="注册青年志愿者", value=value, unit="名", figure=figure, qualifier="", place="丽江", year=2025, period="",
                doc_id=source, source=source, title=source.split(".")[0], date="2026-01-16", paragraph=paragraph,
                quote=f"{figure}注册青年志愿者")


def test_a_report_the_passages_missed_agrees_through_its_facts_written_loosely():
    single = Answer("q", "82260名。", "82260名", True, (_cite("report.docx", "全市合计注册青年志愿者82260名;", 42),))
    facts = [(_fact("script.txt", "八万两千余名", 82000.0), 1.3), (_fact("news.html", "10218名", 10218.0), 1.3),
             (_fact("other.txt", "82260名", 82260.0), 0.4)]  # the last: an indicator matched too loosely
    stated = stating(single, facts, lambda doc, paragraph: "旁白:八万两千余名注册青年志愿者。", 1.0)
    assert [(c.source, figure) for c, figure in stated] == [("script.txt", "八万两千余名")]
    got = combine("q", single, [], ("注册", "志愿者"), lambda term: 1.0, stated)
    assert got.value == "一致,82260名" and "写作八万两千余名" in got.text
    assert [c.source for c in got.citations] == ["report.docx", "script.txt"]


def test_sides_worded_apart_are_asked_alone_and_agree_only_from_two_reports():
    """Blind set 62: "全委会报告的核定贴息额和青创贷台账的贴息合计一致吗?" words the figure twice apart (核定贴息额,
    贴息合计): each side asked alone, the reports named kept; one figure from two reports agrees."""
    assert sides("全委会报告的核定贴息额和青创贷台账的贴息合计一致吗?") == ("全委会报告的核定贴息额是多少?", "青创贷台账的贴息合计是多少?")
    assert sides("全委会报告、推进计划和公众号推文中2025年“返家乡”岗位数是否一致?") is None  # three reports, one figure
    assert sides("“青春与城市”和全委会报告一致吗?") is None  # a side too short to ask
    # blind set 66: a second side naming no figure ("…表1里叙永县的") is of the figure the first names
    assert sides("叙永附表合计的青年之家个数和全委会报告表1里叙永县的一致吗？") == (
        "叙永附表合计的青年之家个数是多少?", "全委会报告表1里叙永县的青年之家个数是多少?")
    report = Answer("q", "155700元。", "155700元", True, (_cite("report.docx", "核定贴息155700元", 37),))
    ledger = Answer("q", "155700元。", "155700元", True, (_cite("ledger.xlsx", "合计贴息金额155700元。", 25),))
    got = both("q", report, ledger)
    assert got.value == "一致,155700元" and [c.source for c in got.citations] == ["report.docx", "ledger.xlsx"]
    assert both("q", report, report) is None  # one report's paragraph twice agrees with nothing
    other = Answer("q", "130950元。", "130950元", True, (_cite("ledger.xlsx", "已拨付130950元", 24),))
    assert both("q", report, other) is None  # a different figure is no "不一致": as often a side answered wrong
