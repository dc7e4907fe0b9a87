"""app/engine/value_context.py: what the text around a value says (its row, caption, college, target, position)."""
from types import SimpleNamespace

from app.engine.localities import schools
from app.engine.question import analyse
from app.engine.value_context import is_target, position, row_caption, row_start, school_at_value


def env(question: str):
    q = analyse(question)
    return SimpleNamespace(question=q, schools=tuple(name for *_, name in schools(q.text)))


def test_a_college_at_the_value_is_the_place_there():
    """Blind set 22's 集美大学: "集美大学有多少个团支部?" was answered with a college table row's "财经学院团支部51个"."""
    e = env("集美大学有多少个团支部？")
    assert school_at_value(e, "2024—2025学年8个学院团建工作主要数据,财经学院团支部") == \
        {"place_at_value": 0.0, "place_other_at_value": 1.0}
    assert school_at_value(env("集美大学财经学院有多少个团支部？"), "财经学院团支部")["place_at_value"] == 1.0
    assert school_at_value(e, "全校共有团员24860名,团支部") == {}


def test_a_table_rows_caption_says_what_every_cell_counts():
    text = "2021-2023年各县注册志愿者人数,望都县2021年2050人;望都县2022年2210人;望都县2023年2300人。"
    assert row_caption(text, text.index("望都县2023")) == "2021-2023年各县注册志愿者人数,"
    assert row_caption(text, 0) == ""  # the first cell's sentence has it already
    prose = "2024年,全市新发展团员1842名;学生团员1517名。"
    assert row_caption(prose, prose.index("学生")) == ""


def test_a_plan_tables_cell_says_whether_its_figure_is_the_target_or_the_result():
    """Blind set 35's 株洲: the 附表 below the 2025 plan's heading holds 2024's 计划 and 完成 columns and 2025's 目标;
    each cell is a target or a result by its own header, not by the section it stands in; the caption's place is
    every cell's."""
    row = ("附表:株洲市共青团2024年主要指标完成情况及2025年目标,新发展团员2024年计划6800名;新发展团员2024年完成7152名;"
           "新发展团员2025年目标7300名。")
    section = "二、2025年工作安排"
    assert is_target(row, row.index("6800"), section)
    assert not is_target(row, row.index("7152"), section)
    assert is_target(row, row.index("7300"), section)
    done = "附表:2024年各区县(市)共青团重点工作指标完成情况,芙蓉区新发展团员1126名;芙蓉区青年之家38个。"
    assert not is_target(done, done.index("38"), section)  # the caption says 完成情况
    prose = "2025年,团市委将重点做好以下工作:一是全年新发展团员5500名;二是新建青年之家20个。"
    assert is_target(prose, prose.index("20个"), section)


def test_a_row_asked_by_a_cell_other_than_its_label_is_covered_by_the_row():
    """Blind set 56's 公示: "汪子航的项目得了几分" names the row by its 申报人 cell, so the 综合得分 clause covered none of
    the question (the right value, refused at p 0.25); cov_row counts the row's cells, prose only the sentence."""
    row = ("2025年“青耘徽州”青年返乡创业扶持项目评审结果,齐云山茶旅融合青年民宿排名1;齐云山茶旅融合青年民宿申报人汪子航;"
           "齐云山茶旅融合青年民宿综合得分92.60分。")
    assert row_start(row) > 0
    assert row_start("全年新发展团员3114名,较上年增加188名;歙县发展462名。") < 0


def test_the_position_a_which_question_asks_and_the_one_a_sentence_states_after_a_name():
    """"海东2024年县区团委考核第一名是哪个?": 民和县 of "民和县团委综合得分96.3分,位列全市第一" (features rank_fit)."""
    assert position("海东2024年县区团委考核第一名是哪个？") == 1
    assert position("2024年度考核排名第三的是哪个区？") == 3
    assert position("大竹10个镇街里团员数最少的是哪个？") == "last"
    assert position("谁获得了青年五四奖章?") is None
    assert position("团委综合得分96.3分,位列全市第一") == 1
    assert position("排名12;河东区新发展团员1214名") == 12  # a ranking table's row
    assert position("新发展团员705名,两项指标均居全市首位") == 1
    assert position("一季度排名垫底") == "last"


def test_a_section_naming_a_year_after_the_reports_own_holds_targets():
    """Blind set 63's 全委会: "三、2026年主要工作" over "(三)服务全市中心大局" over "“青创贷”发放额突破1.5亿元" in a 2025
    report: a target, though neither the paragraph nor its heading says 计划 or 目标."""
    text = "征集“返家乡”社会实践岗位1000个;“青创贷”发放额突破1.5亿元。"
    assert is_target(text, text.index("1.5"), "三、2026年主要工作", "2025")
    assert not is_target(text, text.index("1.5"), "一、2025年主要工作", "2025")
    assert not is_target(text, text.index("1.5"), "三、2026年主要工作")  # no period known: its words only
