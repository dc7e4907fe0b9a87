"""Whether reports agree on a figure (app/engine/cross_agree.py)."""
from __future__ import annotations

from app.engine.cross_agree import combine, figure_question
from ingest.schema import Answer, Citation


def test_the_figure_asked_without_its_yes_no_and_the_reports_named():
    assert figure_question("全委会报告、推进计划和公众号推文中2025年“返家乡”岗位数是否一致?是多少?") == "2025年“返家乡”岗位数是多少?"
    assert figure_question("三下乡重点团队资助总额在汇总表和全委会报告中分别怎么写?") == "三下乡重点团队资助总额是多少?"
    assert figure_question("监测表中2025年青年之家合计比2024年增加了多少个?与全委会报告一致吗?") == \
        "监测表中2025年青年之家合计比2024年增加了多少个?"
    assert figure_question("铜川注册了多少志愿者?") is None


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
