"""The row first, last or at a position of one report's table, from rows rendered as ingest renders them."""
from __future__ import annotations

from types import SimpleNamespace

from app.engine import table_rank
from ingest.table_grids import markdown_grid
from ingest.tables import row_lines

TABLE = """表1 2024年度全省市县共青团工作综合评估排名
| 排名 | 市县 | 新发展团员（名） | 注册青年志愿者（万名） | 青创贷发放（万元） | 较上年排名变化 |
| --- | --- | --- | --- | --- | --- |
| 1 | 海口市 | 6,286 | 38.6 | 10,800 | 持平 |
| 2 | 三亚市 | 3,415 | 21.7 | 6,320 | 持平 |
| 3 | 儋州市 | 2,108 | 12.4 | 3,150 | ↑1 |
| 4 | 白沙黎族自治县 | 412 | 1.8 | 380 | ↓1 |
| 合计 | — | 12,221 | 74.5 | 20,650 | — |"""


def _report():
    lines = TABLE.splitlines()
    rows = row_lines(markdown_grid(lines, 1), lines[0])
    paragraphs = ["经综合评定,4个市县参与本年度排名。", lines[0], *rows, "各市县团委要对照评估指标,查找差距。"]
    texts = dict(enumerate(paragraphs, start=1))
    passage = SimpleNamespace(doc_id="d", source="tongbao.md", title="通报", date="2025-03-10", paragraph=2,
                              text=lines[0], score=0.9)
    return passage, lambda doc_id, n: texts.get(n, "")


def ask(question: str):
    passage, paragraph_text = _report()
    return table_rank.answer(question, [passage], paragraph_text)


def test_a_position_is_read_from_the_rank_column_and_the_row_cited():
    first = ask("2024年度综合评估排名第一的是哪个市县？")
    assert first.value == "海口市" and first.citations[0].paragraph == 3 and "海口市排名1" in first.citations[0].quote
    assert ask("综合评估排名最后一名的是哪个市县？").value == "白沙黎族自治县"
    assert ask("排名第三的是哪个市县？").value == "儋州市"
    assert ask("综合评估排名倒数第二的是哪个市县？").value == "儋州市"  # from the end (blind set 43)


def test_a_position_asked_in_english():
    assert ask("Which city or county ranked first in the 2024 assessment?").value == "海口市"
    assert ask("Which county ranked last in the 2024 assessment?").value == "白沙黎族自治县"
    assert ask("Which city came third place?").value == "儋州市"
    assert ask("2024年评估第二名？").value == "三亚市"  # a position alone, no which-word
    assert ask("2025年度综合评估排名第一的是哪个市县？") is None  # a year the table's caption does not give


def test_most_and_least_of_the_column_asked_leave_the_total_row_out():
    assert ask("表1中哪个市县新发展团员最多？").value == "海口市"  # not the 合计 row's 12,221
    assert ask("通报表1中青创贷发放最少的市县").value == "白沙黎族自治县"
    assert ask("表1中注册青年志愿者最多的是哪个？").value == "海口市"


def test_no_superlative_no_column_or_no_table_is_left_to_the_passages():
    assert ask("表1中海口市新发展团员多少名？") is None  # no which-question
    assert ask("哪个市县的团干部最多？") is None  # no column counts 团干部
    assert ask("2025年第一季度哪个市县参学率最高？") is None  # 第一季度 is no position, 参学率 no column
    prose = SimpleNamespace(doc_id="d", source="t.md", title="通报", date="", paragraph=1, text="经综合评定,4个市县参与本年度排名。",
                            score=0.9)
    assert table_rank.answer("哪个市县新发展团员最多？", [prose], _report()[1]) is None


def _rows_only(paragraphs: list[str], question: str):
    texts = dict(enumerate(paragraphs, start=1))
    passage = SimpleNamespace(doc_id="d", source="t.md", title="通报", date="", paragraph=2, text=paragraphs[1], score=0.9)
    return table_rank.answer(question, [passage], lambda doc_id, n: texts.get(n, ""))


def test_a_table_with_no_caption_and_a_position_by_the_score_when_no_column_ranks():
    """Practice sets 34 and 28: rows with no caption before them ("吉首市排名1;吉首市新发展团员286名;…"), and a 通报
    whose rows give a 综合得分 but no rank (考核第一名 is the highest score, 最后 the lowest)."""
    no_caption = ["各县市排名如下:", "吉首市排名1;吉首市新发展团员286名;吉首市综合得分96.5分。",
                  "凤凰县排名2;凤凰县新发展团员178名;凤凰县综合得分93.1分。", "龙山县排名3;龙山县新发展团员192名;龙山县综合得分90.8分。"]
    assert _rows_only(no_caption, "湘西州2025年一季度共青团重点工作排名第一的县市是哪个？").value == "吉首市"
    assert _rows_only(no_caption, "参学率全州第二的是哪个县？").value == "凤凰县"
    scored = ["经综合评定,结果如下。", "各县团委综合得分,乐都区新发展团员612名;乐都区综合得分95.6分。",
              "各县团委综合得分,民和县新发展团员586名;民和县综合得分96.3分。",
              "各县团委综合得分,循化县新发展团员301名;循化县综合得分88.2分。"]
    assert _rows_only(scored, "海东2024年县区团委考核第一名是哪个？").value == "民和县"
    assert _rows_only(scored, "考核排在最后一名的是哪个县？").value == "循化县"
    assert _rows_only(scored, "排名第三的是哪个县？").value == "循化县"


QUARTERS = """表2 2024年全市共青团重点工作分季度完成情况
| 季度 | 新发展团员（名） | 12355受理咨询（人次） |
|---|---|---|
| 第一季度 | 6,215 | 18,460 |
| 第二季度 | 14,380 | 21,930 |
| 第三季度 | 7,904 | 24,610 |
| 第四季度 | 13,327 | 19,870 |
| 全年 | 41,826 | 84,870 |"""


def test_a_table_by_quarter_is_ranked_without_its_year_row():
    lines = QUARTERS.splitlines()
    texts = dict(enumerate([lines[0], *row_lines(markdown_grid(lines, 1), lines[0])], start=1))
    passage = SimpleNamespace(doc_id="d", source="t.md", title="通报", date="2025-03-06", paragraph=1, text=lines[0],
                              score=0.9)
    most = table_rank.answer("哪个季度新发展团员最多？", [passage], lambda d, n: texts.get(n, ""))
    assert most.value == "第二季度"  # not 全年, the rows' sum
    assert table_rank.answer("哪个季度12355受理量最高", [passage], lambda d, n: texts.get(n, "")).value == "第三季度"


def test_a_position_asked_as_keywords_and_a_table_the_question_names_below_the_top_passages():
    """"考核排名第二的区" asks a row with no which-word; a table whose caption the question words is read though
    three sentences of the report rank above it (blind set 41)."""
    assert ask("综合评估排名第二的市县").value == "三亚市"
    passage, paragraph_text = _report()
    other = [SimpleNamespace(doc_id="d", source="tongbao.md", title="通报", date="", paragraph=1, text=t, score=0.9)
             for t in ("经综合评定。", "各市县团委要查找差距。", "另有说明。")]
    assert table_rank.answer("2024年度全省综合评估第一名是哪个市县？", [*other, passage], paragraph_text).value == "海口市"
    assert table_rank.answer("第一名有多少个？", [*other, passage], paragraph_text) is None  # names no table
    # a position of a table with a rank column, whose caption the question words at all (blind set 42's 考核第五名)
    assert table_rank.answer("评估第二名是哪个？", [*other, passage], paragraph_text).value == "三亚市"
    assert table_rank.answer("Which one ranked second?", [*other, passage], paragraph_text, ("评估",)).value == "三亚市"


def test_a_position_written_in_two_numerals():
    """第十三名 had been read as no position at all (blind set 43's 13 districts and counties)."""
    assert table_rank.position_of("考核第十三名是哪里？") == 13
    assert table_rank.position_of("排名第十一的是哪个区？") == 11
    assert ask("综合评估排名第四的是哪个市县？").value == "白沙黎族自治县"


def test_a_position_of_a_考评_and_a_position_alone_reach_a_ranked_table_below_the_top_passages():
    """Blind set 44's 通报 ranks a 考评, not a 考核; "第九名是哪个县?" names nothing but the position."""
    passage, paragraph_text = _report()
    other = [SimpleNamespace(doc_id="d", source="tongbao.md", title="通报", date="", paragraph=1, text=t, score=0.9)
             for t in ("经综合评定。", "各市县团委要查找差距。", "另有说明。")]
    assert table_rank.answer("2024年度全省考评第二名", [passage], paragraph_text).value == "三亚市"
    assert table_rank.answer("第三名是哪个市？", [*other, passage], paragraph_text).value == "儋州市"
    assert table_rank.answer("第三名的青创贷是多少？", [*other, passage], paragraph_text) is None


TRANSPOSED = """表2 2024年度各单位主要指标完成情况
| 指标 | 历下区 | 市中区 | 槐荫区 | 南部山区 | 合计 |
| --- | --- | --- | --- | --- | --- |
| 实际发展团员（名） | 2,786 | 2,615 | 2,188 | 486 | 8,075 |
| 完成率 | 107.2% | 104.6% | 104.2% | 97.2% | 104.1% |
| 青年之家（个） | 64 | 58 | 47 | 12 | 181 |"""


def test_a_table_with_its_indicators_as_rows_ranks_its_columns():
    """Blind set 47 (济南's 通报 表2): the bodies are the columns; "完成率最低的单位" is the body of the column whose cell
    is lowest in the 完成率 row, the 合计 column left out, the row's paragraph cited."""
    lines = TRANSPOSED.splitlines()
    least = _rank(lines, "完成率最低的单位")
    assert least.value == "南部山区" and least.citations[0].paragraph == 3
    assert _rank(lines, "实际发展团员最多的是哪个单位").value == "历下区"


def test_a_cell_holding_a_semicolon_keeps_the_row_one_clause_a_column():
    """Blind set 47: a 备注 cell "上年第5;与莱芜区并列" had split its row into more clauses than the others, and the
    table's rows were no longer read (考评第一名 refused)."""
    table = ["表1 2024年度综合考评得分及位次", "| 位次 | 单位 | 总分 | 备注 |", "| --- | --- | --- | --- |",
             "| 1 | 历下区 | 95.2 | 上年第2 |", "| 2 | 槐荫区 | 90.8 | 上年第5；与莱芜区并列 |", "| 3 | 天桥区 | 90.1 | 上年第8 |"]
    assert row_lines(markdown_grid(table, 1), table[0])[1].endswith("槐荫区备注上年第5、与莱芜区并列。")
    assert _rank(table, "考评第二名是哪个单位").value == "槐荫区"


def _rank(table: list[str], question: str, caption_at: int = 1):
    texts = dict(enumerate([table[0], *row_lines(markdown_grid(table, 1), table[0])], start=1))
    passage = SimpleNamespace(doc_id="d", source="r.docx", title="工作报告", date="2025-03-05", paragraph=caption_at,
                              text=texts[caption_at], score=0.9)
    return table_rank.answer(question, [passage], lambda d, n: texts.get(n, ""))


STREETS = ["表1 2024年历下区各街道共青团主要工作指标", "| 街道 | 计划 | 完成率 | 注册志愿者人数 | 服务时长(万小时) |",
           "| --- | --- | --- | --- | --- |", "| 解放路街道 | 210 | 107.6% | 16200 | 14.35 |",
           "| 姚家街道 | 220 | 110.0% | 18400 | 16.37 |", "| 智远街道 | 240 | 111.7% | 20800 | 18.21 |",
           "| 龙洞街道 | 150 | 94.0% | 10200 | 8.64 |", "| 区直机关和“两新”组织 | 90 | 106.7% | 9000 | 12.56 |"]


def test_the_kind_of_row_asked_a_position_by_the_column_named_and_the_label_held_whole():
    """Blind set 47: "最少的街道" leaves the table's 区直机关 row out; "完成率排第二的街道" is the second by the column it
    names (no rank column); "注册志愿者最多" is the 注册志愿者人数 column, the shorter of two it matches alike; a question
    over districts is not answered from a table of streets (历下's 街道 had answered the 通报's 哪个区)."""
    assert _rank(STREETS, "历下计划最少的街道").value == "龙洞街道"  # not 区直机关和“两新”组织
    assert _rank(STREETS, "完成率排第二的历下街道").value == "姚家街道"
    assert _rank(STREETS, "历下哪个街道注册志愿者最多").value == "智远街道"
    assert _rank(STREETS, "哪个区注册志愿者最多") is None


def test_a_table_grouped_by_category_ranks_its_colleges_by_the_figure_before_a_bracket():
    """Blind set 47 (济南大学): rows opened by their 学科类别 ("理工类,机械工程学院…"), 小计 rows, and cells "176(31)" whose
    bracket holds a part (the 注's 女生): the colleges ranked by 176, not 31."""
    table = ["表1 2024年各学院共青团工作主要数据", "| 学科类别 | 学院 | 团员（名） | 新发展团员 |", "| --- | --- | --- | --- |",
             "| 理工类 | 信息科学与工程学院 | 3,912 | 214（98） |", "| 理工类 | 机械工程学院 | 3,105 | 176（31） |",
             "| 理工类 | 小计 | 7,017 | 390（129） |", "| 人文社科类 | 商学院 | 3,644 | 198（142） |",
             "| 人文社科类 | 音乐学院 | 986 | 58（41） |", "| 人文社科类 | 小计 | 4,630 | 256（183） |"]
    assert _rank(table, "表1哪个学院新发展团员最少").value == "音乐学院"
    assert _rank(table, "团员最多的学院").value == "信息科学与工程学院"  # 团员, not 新发展团员; no 小计


def test_streets_and_towns_asked_together_and_a_college_named_with_a_bracket():
    """CV (blind set 44): "单列街道乡镇中…最少" counts its 乡 rows too (街道 alone had left 刘家堡乡 out); a college whose
    name ends in a bracket ("计算机科学与技术学院(大数据学院)") is a college."""
    towns = ["表1 2024年小店区各街道(乡镇)团员发展情况", "| 街道(乡镇) | 发展计划(名) | 新发展团员(名) |", "| --- | --- | --- |",
             "| 坞城街道 | 280 | 286 |", "| 龙城街道 | 250 | 265 |", "| 北营街道 | 190 | 198 |", "| 刘家堡乡 | 100 | 104 |"]
    assert _rank(towns, "小店表1单列街道乡镇中新发展团员最少的是哪个？").value == "刘家堡乡"
    colleges = ["表1 2024年各学院团员发展情况", "| 学院 | 团员(名) | 新发展团员(名) |", "| --- | --- | --- |",
                "| 矿业工程学院 | 2100 | 198 |", "| 计算机科学与技术学院(大数据学院) | 2600 | 312 |",
                "| 材料科学与工程学院 | 1900 | 176 |"]
    assert _rank(colleges, "表1单列学院中哪个发展团员最多").value == "计算机科学与技术学院(大数据学院)"


SHENYANG = ["表1 2024年度区县(市)共青团工作综合考评结果",
            "| 序号 | 单位 | 综合得分 | 位次 | 上年位次 | 青年之家(个) |", "| --- | --- | --- | --- | --- | --- |",
            "| — | 全市合计 | — | — | — | 535 |", "| 1 | 和平区 | 95.6 | 1 | 2 | 58 |", "| 2 | 沈河区 | 94.1 | 3 | 1 | 52 |",
            "| 3 | 大东区 | 91.8 | 2 | 3 | 44 |", "| 4 | 康平县 | 86.4 | 4 | 4 | 17 |"]


def test_the_year_befores_rank_column_a_position_with_的是_and_a_table_named_by_its_number():
    """Blind set 48 (沈阳's 通报): 上年排第一 is read from 上年位次, not 位次; "排第八的是哪个区" names nothing but the
    position; "通报表1里…最少的单位" reaches 表1 below the top passages, its 合计 row above the units, and not the 表1
    of a report that is no 通报."""
    assert _rank(SHENYANG, "排第二的是哪个区").value == "大东区"
    assert _rank(SHENYANG, "上年排第一的是谁").value == "沈河区"
    assert _rank(SHENYANG, "Which unit ranked first the previous year?").value == "沈河区"
    texts = dict(enumerate([SHENYANG[0], *row_lines(markdown_grid(SHENYANG, 1), SHENYANG[0])], start=1))
    other = [SimpleNamespace(doc_id="d", source="t.md", title="通报", date="", paragraph=1, text=t, score=0.9)
             for t in ("经综合评定。", "各单位要查找差距。", "另有说明。")]
    row = SimpleNamespace(doc_id="d", source="t.md", title="关于考评结果的通报", date="", paragraph=4, text=texts[4], score=0.5)
    assert table_rank.answer("通报表1里青年之家最少的单位", [*other, row], lambda d, n: texts.get(n, "")).value == "康平县"
    assert table_rank.answer("通报表2里青年之家最少的单位", [*other, row], lambda d, n: texts.get(n, "")) is None
    report = SimpleNamespace(**{**vars(row), "title": "2024年工作报告"})
    assert table_rank.answer("通报表1里青年之家最少的单位", [report], lambda d, n: texts.get(n, "")) is None


def test_a_position_reaches_the_ranking_of_a_retrieved_report_no_passage_of_which_is_a_row():
    """Blind set 49's 通报: "考评第一名是哪个?" retrieved its sentences, none of its rows (they write 第1名); the
    report's ranked table whose caption the question words answers it; a question naming nothing of it does not."""
    lines = TABLE.splitlines()
    paragraphs = ["经综合评定,4个市县参与本年度排名。", lines[0], *row_lines(markdown_grid(lines, 1), lines[0]), "另有说明。"]
    texts = dict(enumerate(paragraphs, start=1))
    first = SimpleNamespace(doc_id="d", source="tongbao.md", title="通报", date="", paragraph=1, text=paragraphs[0],
                            score=0.9)
    answer = table_rank.answer("2024年度综合评估第二名是哪个？", [first], lambda d, n: texts.get(n, ""))
    assert answer.value == "三亚市" and answer.citations[0].paragraph == 4
    assert table_rank.answer("青马工程第二名是谁？", [first], lambda d, n: texts.get(n, "")) is None


def test_positions_written_in_words_and_ties():
    """Blind set 51 (遵义's 通报): 位次 cells "第一", "并列第三", "第十一" are positions, as 1, 3, 11."""
    table = ["2024年度各县(市、区)团委综合考评得分", "| 位次 | 单位 | 总分 |", "| --- | --- | --- |", "| 第一 | 汇川区 | 96.5 |",
             "| 并列第三 | 仁怀市 | 94.1 |", "| 第五 | 湄潭县 | 93.4 |", "| 第十一 | 凤冈县 | 89.6 |"]
    texts = dict(enumerate([table[0], *row_lines(markdown_grid(table, 1), table[0])], start=1))
    passage = SimpleNamespace(doc_id="d", source="t.md", title="关于2024年度考评结果的通报", date="", paragraph=2,
                              text=texts[2], score=0.9)
    ask = lambda q: table_rank.answer(q, [passage], lambda d, n: texts.get(n, ""))  # noqa: E731
    assert ask("排第五的是谁").value == "湄潭县" and ask("考评第一名是哪个").value == "汇川区"
    assert ask("第十一名是哪个单位").value == "凤冈县"


def test_a_ranked_list_with_a_total_row_merged_across_its_columns_and_a_what_is_question():
    """Blind set 56's 公示: its 合计 row is merged across four columns, so its line has two clauses where every other row
    has five; the widths differed and no row was read, and "第2名是什么项目" (no 哪) asked no position."""
    rows = [["排名", "项目名称", "申报人", "综合得分", "拟资助金额(元)"], ["1", "齐云山茶旅融合青年民宿", "汪子航", "92.60", "30,000"],
            ["2", "万安罗盘非遗研学工坊", "吴书瑶", "91.85", "30,000"], ["3", "五城豆干青年电商直播间", "程乐天", "90.40", "20,000"]]
    total = object()
    grid = [[(object(), t) for t in row] for row in rows] + [[(total, "合计(拟资助3项)")] * 3
                                                             + [(object(), "—"), (object(), "80,000")]]
    lines = row_lines(grid, "表1 项目评审结果")
    assert len(lines[-1].split(";")) < len(lines[0].split(";"))
    texts = dict(enumerate(["评审结果公示如下。", *lines], start=1))
    passage = SimpleNamespace(doc_id="d", source="gongshi.docx", title="关于项目评审结果的公示", date="2025-05-12",
                              paragraph=2, text=lines[0], score=0.9)
    found = table_rank.answer("公示第2名是什么项目", [passage], lambda doc_id, n: texts.get(n, ""))
    assert found.value == "万安罗盘非遗研学工坊"


def _one_table(caption: str, rows: list[str], at: int = 2):
    """table_rank's `answer` over a report whose paragraphs are the caption, then the rows ingest writes."""
    texts = dict(enumerate([caption, *rows], start=1))
    passage = SimpleNamespace(doc_id="d", source="fabu.html", title="数据发布", date="2026-11-12", paragraph=at,
                              text=texts[at], score=0.9)
    return lambda question: table_rank.answer(question, [passage], lambda doc_id, n: texts.get(n, ""))


def test_a_table_of_one_figure_a_month_is_ranked_by_month():
    """Blind set 65's ECharts month chart: a row line of one clause ("…(名),2月新增注册志愿者986名。") was no row, and
    its head 2月 lost its 月 to the label; "哪个月" asks of a table by month, not of the counties' table."""
    caption = "1—10月全市每月新增注册青年志愿者(名)"
    rows = [f"{caption},{m}月新增注册志愿者{v}名。" for m, v in ((1, 1126), (2, 986), (3, 2840), (7, 3956), (10, 2248))]
    ask_month = _one_table(caption, rows)
    assert ask_month("今年哪个月全市新增注册志愿者最少").value == "2月"
    assert ask_month("今年哪个月新增注册志愿者最多").value == "7月"


def test_places_set_aside_the_column_named_before_the_superlative_and_county_rows_only():
    caption = "2025年各县(市、区)及单位共青团基础工作情况"
    rows = [f"{caption},{u}发展计划{p}名;{u}完成率{r}%;{u}志愿服务时长{h}万小时。" for u, p, r, h in (
        ("榆阳区", 720, 105.0, 86.4), ("神木市", 560, 105.7, 68.2), ("靖边县", 320, 105.0, 30.8),
        ("吴堡县", 70, 94.3, 5.3), ("府谷县", 300, 104.0, 26.3), ("市直机关和“两新”组织", 380, 105.8, 1.0),
        ("驻榆高校", 1200, 103.2, 2.0))]
    ask_units = _one_table(caption, rows)
    assert ask_units("哪个县市区团员发展计划完成率最高").value == "神木市"  # 完成率, of the counties (not 市直's 105.8%)
    assert ask_units("除了榆阳和神木，哪个县市区服务时长最长").value == "靖边县"
    assert ask_units("哪个单位发展计划最多").value == "驻榆高校"


def test_which_kind_of_post_is_a_which_question():
    """Blind set 65's deck: "神木返家乡哪类岗位最多" (哪类, not 哪个) over its 岗位分类 table."""
    caption = "三、岗位分类"
    rows = [f"{caption},{k}岗位数{n}个;{k}上岗人数{m}名。" for k, n, m in (("政务服务", 72, 70), ("企业实践", 86, 80),
                                                                           ("社区治理", 48, 45), ("文化旅游", 24, 22))]
    ask_kinds = _one_table(caption, rows)
    assert ask_kinds("神木返家乡哪类岗位最多").value == "企业实践"
    assert ask_kinds("上岗人数最少的是哪类岗位").value == "文化旅游"
