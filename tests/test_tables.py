"""Tables end to end: a Word report's statistics table, ingested and asked about a cell (issue 10, item 6).

Each row is one paragraph whose cells carry their headers (ingest/tables.py), so the answer's figure is the
cell's and its citation is that row.
"""
import docx
import pytest

from app import Assistant
from ingest import ingest_paths
from ingest.table_grids import markdown_grid
from ingest.tables import row_lines

INDICATORS = [["地区", "注册志愿者(人)", "志愿服务项目(个)", "服务时长(小时)"],
              ["曲阳县", "3120", "45", "15600"],
              ["阜平县", "2050", "38", "9800"],
              ["唐县", "4010", "52", "21300"],
              ["合计", "9180", "135", "46700"]]
YEARS = [["地区", "2021年", "2022年", "2023年"], ["望都县", "2050", "2210", "2300"], ["顺平县", "1830", "1990", "2140"]]


def _report(path, caption, rows):
    document = docx.Document()
    document.add_heading("保定市青年志愿服务工作报告", level=1)
    document.add_paragraph("全市各级团组织深入推进青年志愿服务,志愿者队伍持续壮大,服务领域不断拓展。")
    document.add_paragraph(caption)
    table = document.add_table(rows=len(rows), cols=len(rows[0]))
    for r, row in enumerate(rows):
        for c, value in enumerate(row):
            table.cell(r, c).text = value
    document.add_paragraph("下一步,团市委将继续完善志愿服务激励机制。")
    document.save(path)
    return path


@pytest.fixture
def ask(tmp_path, make_settings):
    def make(caption, rows):
        settings = make_settings()
        ingest_paths([_report(tmp_path / "baoding-volunteers.docx", caption, rows)], settings)
        return Assistant.open(settings).ask

    return make


def test_a_cell_is_answered_and_its_row_cited(ask):
    ask = ask("表1 2022年各县青年志愿服务情况", INDICATORS)
    answer = ask("2022年阜平县注册了多少志愿者?")
    assert answer.found and answer.value == "2050人"
    top = answer.citations[0]
    assert top.text == "2022年各县青年志愿服务情况,阜平县注册志愿者2050人;阜平县志愿服务项目38个;阜平县服务时长9800小时。"
    assert top.paragraph == 4  # lead paragraph, caption, then the rows in order (the heading is the title)
    hours = ask("唐县的志愿服务时长是多少小时?")
    assert hours.value == "21300小时" and hours.citations[0].paragraph == 5


def test_a_year_column_is_answered(ask):
    ask = ask("表2 2021-2023年各县注册志愿者人数(单位:人)", YEARS)
    answer = ask("2023年望都县注册志愿者有多少人?")
    assert answer.citations[0].text.startswith("2021-2023年各县注册志愿者人数,望都县2021年2050人;")
    assert answer.value == "2300人"


def test_a_serial_column_gives_way_to_the_label_beside_it():
    """Blind set 24: "序号 | 指标 | 2024年目标 | 2024年完成 | 完成率" read as rows named 1, 2, 3…, so a question on one
    indicator's completion rate matched no clause and the bare figures lost the unit its label states."""
    from ingest.tables import row_lines

    grid = [[(object(), t) for t in row] for row in (["序号", "指标", "2024年目标", "2024年完成", "完成率"],
                                                     ["1", "志愿服务时长(万小时)", "550", "538", "97.8%"],
                                                     ["2", "发展团员(名)", "6500", "6915", "106.4%"])]
    assert row_lines(grid) == ["志愿服务时长(万小时)2024年目标550万小时;志愿服务时长(万小时)2024年完成538万小时;"
                               "志愿服务时长(万小时)完成率97.8%。",
                               "发展团员(名)2024年目标6500名;发展团员(名)2024年完成6915名;发展团员(名)完成率106.4%。"]
    figures = [[(object(), t) for t in row] for row in (["县区", "团员", "团支部"], ["1", "2", "3"], ["4", "5", "6"])]
    assert row_lines(figures)[0] == "县区1;团员2;团支部3。"  # a column of figures is no serial column



def test_rows_numbered_within_merged_groups_are_named_by_their_label():
    """Blind set 57's 获奖项目名单: "等次 | 序号 | 项目名称 | 申报单位 | 决赛得分", 金奖 merged down over 1, 2 and 银奖 over
    1, 2: the rows had been named 金奖 ("金奖项目负责人…"), so no question naming a project found its row."""
    gold, silver = object(), object()
    rows = [["等次", "序号", "项目名称", "申报单位", "决赛得分"], [gold, "1", "“石窟微光”项目", "团云冈区委", "94.6"],
            [gold, "2", "“黄花地”项目", "团云州区委", "93.2"], [silver, "1", "“古城墙”项目", "团平城区委", "90.4"],
            [silver, "2", "“恒山云梯”项目", "团浑源县委", "89.7"]]
    grid = [[(c, {gold: "金奖", silver: "银奖"}[c]) if not isinstance(c, str) else (object(), c) for c in row]
            for row in rows]
    assert row_lines(grid)[2] == ("银奖,“古城墙”项目序号1;“古城墙”项目申报单位团平城区委;“古城墙”项目决赛得分90.4分。")

def test_a_unit_column_goes_with_its_rows_figures():
    """Blind set 25: "序号 | 指标 | 单位 | 2024年目标 | 2024年完成 | 完成率" read "发展新团员单位名;发展新团员2024年目标7000":
    the unit a clause of its own, the figures bare."""
    from ingest.tables import row_lines

    grid = [[(object(), t) for t in row] for row in (["序号", "指标", "单位", "2024年目标", "2024年完成", "完成率"],
                                                     ["1", "发展新团员", "名", "7000", "7126", "101.8%"],
                                                     ["2", "注册志愿者", "万人", "55", "56.2", "102.2%"])]
    assert row_lines(grid) == ["发展新团员2024年目标7000名;发展新团员2024年完成7126名;发展新团员完成率101.8%。",
                               "注册志愿者2024年目标55万人;注册志愿者2024年完成56.2万人;注册志愿者完成率102.2%。"]


def test_a_pdf_tables_rows_may_hold_a_unit_cell_before_their_figures():
    """Blind set 25's PDF: pypdf writes "指标 单位 2023年 2024年 增减" then each row's five cells a line each; the rows
    were taken for text (one label was all a row could start with)."""
    from ingest.pdf_tables import pdf_tables
    from ingest.tables import row_lines

    lines = ["指标", "单位", "2023年", "2024年", "增减", "发展新团员", "名", "2712", "2936", "+224",
             "注册志愿者", "万人", "20.1", "21.7", "+1.6", "三、先进典型"]
    [(start, end, grid)] = pdf_tables(lines)
    assert (start, end) == (0, 15)
    assert row_lines(grid)[1] == "注册志愿者2023年20.1万人;注册志愿者2024年21.7万人;注册志愿者增减+1.6万人。"


def test_a_pdf_table_numbered_by_a_serial_column_is_read_without_it():
    """Blind set 26's PDF: "序号 指标 单位 2023年 2024年", then "1 新发展团员 名 1,298 1,386": each row began with a
    figure (its number), so no row was read and the 2023 column was lost."""
    from ingest.pdf_tables import pdf_tables
    from ingest.tables import lines_of

    lines = ["表1 主要工作指标", "序号", "指标", "单位", "2023年", "2024年", "1", "新发展团员", "名", "1,298", "1,386",
             "2", "12355来电", "件", "2,417", "2,684", "3", "青年之家", "个", "46", "52", "七、荣誉和典型"]
    [(start, end, grid)] = pdf_tables(lines)
    assert (start, end) == (1, 21)
    rows = lines_of(grid, ["表1 主要工作指标"])
    assert [row.endswith(text) for row, text in zip(rows, ("新发展团员2023年1,298名;新发展团员2024年1,386名。",
                                                            "12355来电2023年2,417件;12355来电2024年2,684件。"))] == [True, True]


def test_a_pdf_tables_cell_lines_may_have_blank_lines_between_them():
    """Blind set 27's PDF: a wrapped header cell left blank lines among the cells, which ended the run there, so the
    counties' rows were lost (7 of 54 questions)."""
    from ingest.pdf_tables import pdf_tables
    from ingest.tables import lines_of

    lines = ["2024年各县(区)主要指标完成情况如下:", "单位", "新发展团员(名)", "注册志愿者(人)", "", "青年之家(个)", "",
             "巴宜区", "168", "4,215", "9", "米林市", "92", "2,034", "5", "", "全市", "550", "11,792", "29", "六、荣誉表彰"]
    [(start, end, grid)] = pdf_tables(lines)
    assert (start, end) == (1, 20)
    assert lines_of(grid, lines[:1])[0].endswith("巴宜区新发展团员168名;巴宜区注册志愿者4,215人;巴宜区青年之家9个。")


def test_a_pdf_tables_header_cells_wrapped_onto_two_lines_are_joined():
    """Blind set 28's PDF (a narrow column: "注册青年志愿" / "者(名)"): the header was taken from the wrapped halves,
    so every county's row lost its indicators; a bracketed unit ends a header cell."""
    from ingest.pdf_tables import pdf_tables
    from ingest.tables import lines_of

    lines = ["各县(市、区)主要指标完成情况如下:", "单位", "新发展团员", "(名)", "注册青年志愿", "者(名)", "希望工程资助",
             "学生(名)", "吉州区", "892", "16,420", "318", "青原区", "465", "8,736", "205", "合计", "1,357", "25,156",
             "523", "(五)荣誉表彰。井冈山市团委荣获称号。"]
    [(start, end, grid)] = pdf_tables(lines)
    assert (start, end) == (1, 20)
    assert lines_of(grid, lines[:1])[0].endswith(
        "吉州区新发展团员892名;吉州区注册青年志愿者16,420名;吉州区希望工程资助学生318名。")
    # a wrap whose cells carry no units cannot be told from two columns: left as it was read
    assert all("希望工程资助学生" not in str(g) for _, _, g in pdf_tables([x.replace("(名)", "") for x in lines]))


def test_a_tables_last_cell_at_a_pages_foot_is_no_page_number():
    """Blind set 28's PDF: page 1 of 2 ended on the cell "176", dropped as a page number (its number was "— 1 —")."""
    from ingest.pdf import _page_body

    assert _page_body("— 1 —\n井冈山市\n388\n9,105\n176", pages=2)[-1] == "176"
    assert _page_body("正文第一行\n正文第二行\n2", pages=2) == ["正文第一行", "正文第二行"]  # a bare page number
    assert _page_body("正文第一行\n176", pages=2)[-1] == "176"  # no report of 2 pages has a page 176


def test_a_markdown_tables_emphasis_marks_are_no_part_of_its_cells():
    """Blind set 28's school table bolded its total row: "**全校合计**团员数**15938**" kept the marks, and the figure,
    no bare number then, lost its unit."""
    from ingest.markdown import markdown_lines

    lines = markdown_lines("各学院情况如下:\n\n| 学院 | 团员数(名) |\n|---|---|\n| 会计学院 | 3,412 |\n| **全校合计** | **15,938** |\n")
    assert lines[-1].endswith("全校合计团员数15,938名。")


def test_a_header_of_two_rows_under_a_merged_cell_is_read_as_one(tmp_path, make_settings):
    """Blind set 29's Word 通报: "县(区) | 2024年完成情况 (merged over three columns) | 综合得分" above "新发展团员(名) |
    注册志愿者(名) | 青年之家(个)", 县(区) and 综合得分 merged down. The second row was read as a row of data and every
    figure kept only the merged label ("乐都区2024年完成情况612"). The merged label goes where the columns' own
    labels are not enough (the test below): here each figure is "平安区注册志愿者9720名"."""
    document = docx.Document()
    document.add_heading("关于2024年度全市县(区)团委工作考核结果的通报", level=1)
    document.add_paragraph("各县(区)主要指标完成情况及综合得分见下表。")
    table = document.add_table(rows=4, cols=5)
    top = ["县(区)", "2024年完成情况", "", "", "综合得分"]
    for c, text in enumerate(top):
        table.cell(0, c).text = text
    for c, text in enumerate(["新发展团员(名)", "注册志愿者(名)", "青年之家(个)"], start=1):
        table.cell(1, c).text = text
    table.cell(0, 1).merge(table.cell(0, 3)).text = "2024年完成情况"
    table.cell(0, 0).merge(table.cell(1, 0)).text = "县(区)"
    table.cell(0, 4).merge(table.cell(1, 4)).text = "综合得分"
    for r, row in enumerate((["乐都区", "612", "15860", "21", "95.6"], ["平安区", "438", "9720", "14", "93.2"]), start=2):
        for c, text in enumerate(row):
            table.cell(r, c).text = text
    document.save(tmp_path / "haidong.docx")
    settings = make_settings()
    ingest_paths([tmp_path / "haidong.docx"], settings)
    answer = Assistant.open(settings).ask("平安区注册志愿者多少名?")
    assert answer.value == "9720名"
    assert answer.citations[0].text.endswith("平安区注册志愿者9720名;平安区青年之家14个;平安区综合得分93.2分。")


def test_a_merged_header_label_is_kept_where_the_columns_own_labels_repeat():
    from ingest.tables import row_lines

    y23, y24, county = object(), object(), object()
    grid = [[(county, "县"), (y23, "2023年"), (y23, "2023年"), (y24, "2024年"), (y24, "2024年")],
            [(county, "县"), *[(object(), t) for t in ("团员(名)", "志愿者(名)", "团员(名)", "志愿者(名)")]],
            [(object(), t) for t in ("甲县", "1", "2", "3", "4")], [(object(), t) for t in ("乙县", "5", "6", "7", "8")]]
    assert row_lines(grid)[0] == "甲县2023年团员1名;甲县2023年志愿者2名;甲县2024年团员3名;甲县2024年志愿者4名。"


def test_a_merged_header_naming_only_a_year_is_kept_over_its_columns():
    """Blind set 34's 鄂尔多斯 table: "2024年" merged over 计划 | 完成, beside "2025年目标". Without the year, 计划1000名
    and 完成1126名 read as of no year, and "2024年…的计划数" and "2025年…的目标" took the wrong column."""
    from ingest.tables import row_lines

    y24, name, unit, target = object(), object(), object(), object()
    grid = [[(name, "指标"), (unit, "单位"), (y24, "2024年"), (y24, "2024年"), (target, "2025年目标")],
            [(name, "指标"), (unit, "单位"), (object(), "计划"), (object(), "完成"), (target, "2025年目标")],
            [(object(), t) for t in ("推荐优秀团员入党", "名", "1,000", "1,126", "1,150")]]
    assert row_lines(grid)[0] == "推荐优秀团员入党2024年计划1,000名;推荐优秀团员入党2024年完成1,126名;推荐优秀团员入党2025年目标1,150名。"


def test_a_header_unit_with_a_note_after_it_is_the_columns_unit():
    """Blind set 34's 呼伦贝尔 table: "注册青年志愿者(名,截至6月底)" left its figures bare (11860), which then fitted a
    question on 青年之家 (个)."""
    from ingest.tables import _label

    assert _label("注册青年志愿者(名,截至6月底)") == ("注册青年志愿者", "名")
    assert _label("青年之家(个,累计)") == ("青年之家", "个")


def test_a_table_of_names_under_labels_reads_as_a_sentence_per_row():
    """Blind set 32's 云南大学 report listed its awards (奖项 | 项目名称 | 学院 | 项目负责人) with no figure: its rows had
    lost their labels, and "“咖语云南”项目负责人" found no one."""
    from ingest.markdown import markdown_lines

    lines = markdown_lines("| 奖项 | 项目名称 | 学院 | 项目负责人 |\n|---|---|---|---|\n"
                           "| 金奖 | “菌智链——云南野生食用菌全产业链数字化服务平台” | 软件学院 | 亓梓涵 |\n"
                           "| 银奖 | “咖语云南——精品咖啡产地品牌孵化” | 经济学院 | 晁雨萌 |\n")
    assert lines[1] == "奖项为银奖,项目名称为“咖语云南——精品咖啡产地品牌孵化”,学院为经济学院,项目负责人为晁雨萌。"
    assert markdown_lines("| 甲 | 乙 |\n|---|---|\n| 一 | 二 |\n") == ["甲 乙", "一 二"]  # two columns: no labels


def test_a_ranking_tables_rows_are_named_by_their_place_not_their_rank():
    """Blind set 35's 湘西州 通报: "| 排名 | 县市 | 新发展团员(名) | 综合得分 |" rows read "排名2;县市凤凰县;…", no cell
    naming its row; a question asking 第二名 or 凤凰县's figure needs both in one row."""
    from ingest.markdown import markdown_lines

    text = ("| 排名 | 县市 | 新发展团员(名) | 综合得分 |\n| --- | --- | --- | --- |\n| 1 | 吉首市 | 286 | 96.5 |\n"
            "| 2 | 凤凰县 | 178 | 93.1 |\n| — | 全州合计 | 1,268 | — |\n")
    lines = markdown_lines(text)
    assert "凤凰县排名2;凤凰县新发展团员178名;凤凰县综合得分93.1分。" in lines
    assert any(line.startswith("全州合计排名—;全州合计新发展团员1,268名") for line in lines)
    # blind set 36's 通报: a rank column headed 全市排名, under a caption "附表:…" whose number is left out
    text = ("附表:2025年第一季度部分区县“青年大学习”及团员教育管理工作情况\n\n| 全市排名 | 区县 | 参学率(%) |\n"
            "| :---: | :--- | ---: |\n| 1 | 江北区 | 98.5 |\n| 31 | 秀山县 | 92.4 |\n")
    lines = markdown_lines(text)
    assert "2025年第一季度部分区县“青年大学习”及团员教育管理工作情况,秀山县全市排名31;秀山县参学率92.4%。" in lines


def test_a_column_headed_单位_of_names_is_the_rows_label_not_their_unit():
    """Blind set 45's 通报: "| 排名 | 单位 | 综合得分 | …" names the ranked bodies under 单位 (蜀山区), which had been
    read as each row's unit ("排名1蜀山区;综合得分97.2分")."""
    lines = ["| 排名 | 单位 | 综合得分 | 新发展团员（名） |", "|---|---|---|---|", "| 1 | 蜀山区 | 97.2 | 2,856 |",
             "| 2 | 包河区 | 96.5 | 3,318 |", "| 3 | 高新区 | 95.8 | 1,690 |"]
    rows = row_lines(markdown_grid(lines, 0), "表1 2024年度综合考核排名")
    assert rows[0].startswith("2024年度综合考核排名,蜀山区排名1;蜀山区综合得分97.2分")
    units = ["| 指标 | 单位 | 2024年 |", "|---|---|---|", "| 新发展团员 | 名 | 2,856 |", "| 青年之家 | 个 | 74 |",
             "| 注册青年志愿者 | 万人 | 21.4 |"]
    assert "青年之家2024年74个" in row_lines(markdown_grid(units, 0), "表2 主要指标")[1]


def _cells(rows, merged_down=0):
    """A grid; the first `merged_down` columns' equal neighbours are one merged cell (one key), as python-docx gives."""
    grid, above = [], None
    for row in rows:
        keyed = []
        for j, text in enumerate(row):
            same = above is not None and j < merged_down and above[j][1] == text
            keyed.append(above[j] if same else ((keyed[-1][0] if keyed and keyed[-1][1] == text else object()), text))
        grid.append(keyed)
        above = keyed
    return grid


def test_a_column_of_groups_leaves_each_row_named_by_its_own_label():
    """Blind set 47 (济南大学): "学科类别 | 学院 | 团员…" with 理工类 merged down over its 学院 read every row as 理工类's
    ("理工类团员3,912名"): the row is its 学院, the group opens it, a 小计 is the group's, a 合计 across both its own."""
    grid = _cells([["学科类别", "学院", "团支部(个)", "团员(名)"],
                   ["理工类", "信息科学与工程学院", "68", "3,912"], ["理工类", "机械工程学院", "54", "3,105"],
                   ["理工类", "小计", "122", "7,017"], ["人文社科类", "商学院", "62", "3,644"],
                   ["人文社科类", "文学院", "33", "1,852"], ["合计", "合计", "217", "12,513"]], merged_down=1)
    lines = row_lines(grid)
    assert lines[0] == "理工类,信息科学与工程学院团支部68个;信息科学与工程学院团员3,912名。"
    assert lines[2] == "理工类小计团支部122个;理工类小计团员7,017名。"
    assert lines[-1] == "合计团支部217个;合计团员12,513名。"


def test_indicators_as_rows_name_the_body_of_each_column_first_and_full_marks_are_no_unit():
    """Blind set 47 (济南's 通报): 表2 has the indicators as rows and the 15 bodies as columns; each clause reads as a
    report writes it ("历下区实际发展团员2,786名"). 表1's "基础团务(40分)" is the part's full marks, not a unit "40分"."""
    grid = _cells([["指标", "历下区", "市中区", "合计"], ["实际发展团员(名)", "2,786", "2,615", "5,401"],
                   ["完成率", "107.2%", "104.6%", "105.9%"]])
    assert row_lines(grid) == ["历下区实际发展团员2,786名;市中区实际发展团员2,615名;合计实际发展团员5,401名。",
                               "历下区完成率107.2%;市中区完成率104.6%;合计完成率105.9%。"]
    scores = _cells([["单位", "基础团务(40分)", "总分"], ["历下区", "38.6", "95.2"], ["市中区", "37.9", "91.9"]])
    assert row_lines(scores)[0] == "历下区基础团务38.6分;历下区总分95.2分。"


def test_a_merged_label_goes_with_a_column_label_that_names_no_thing():
    """Blind set 47 (历下): "团员发展" over 计划 | 实际, "青年之家" over 总数: the columns read "团员发展计划", "青年之家总数"
    (they had lost the thing they count); a label naming its own thing stays alone (新发展团员(名) under 2024年完成情况)."""
    grid = _cells([["街道", "团员发展", "团员发展", "青年之家"], ["街道", "计划", "实际", "总数"],
                   ["解放路街道", "210", "226", "5"], ["千佛山街道", "175", "191", "4"]], merged_down=1)
    assert row_lines(grid)[0] == "解放路街道团员发展计划210;解放路街道团员发展实际226;解放路街道青年之家总数5。"


def test_a_caption_listing_several_units_gives_none_and_keeps_the_caption_above_it():
    """Blind set 48 (和平): "单位:名、个、万名、万小时" under "表1 …情况" was read as the unit "名、个、" glued to every figure
    ("青年之家6名、个、") and the rest of it as each row's caption; the list names no column's unit."""
    from ingest.tables import lines_of

    grid = _cells([["街道(单位)", "团员总数", "青年之家", "注册志愿者"], ["太原街街道", "2,860", "6", "1.86"],
                   ["北市场街道", "2,140", "4", "1.32"]])
    rows = lines_of(grid, ["表1 2024年和平区各街道共青团基础工作情况", "单位:名、个、万名、万小时"])
    assert rows[0] == "2024年和平区各街道共青团基础工作情况,太原街街道团员总数2,860;太原街街道青年之家6;太原街街道注册志愿者1.86。"
    assert "北市场街道青年之家4万元;" in lines_of(grid, ["表1 情况", "单位:万元"])[1]  # one unit: every figure's


def test_a_merged_headers_unit_goes_to_the_columns_under_it_and_a_count_in_brackets_is_no_unit():
    """Blind set 48 (新民): "团员发展(名)" over 计划 | 实际 read "团员发展(名)计划90", and "其他乡镇(9个)" gave its
    row the unit "9个" ("计划1809个")."""
    grid = _cells([["镇(街道)", "团员发展(名)", "团员发展(名)", "青年之家(个)"], ["镇(街道)", "计划", "实际", "青年之家(个)"],
                   ["东城街道", "90", "96", "3"], ["其他乡镇(9个)", "180", "188", "6"]], merged_down=1)
    lines = row_lines(grid)
    assert lines[0] == "东城街道团员发展计划90名;东城街道团员发展实际96名;东城街道青年之家3个。"
    assert lines[1] == "其他乡镇(9个)团员发展计划180名;其他乡镇(9个)团员发展实际188名;其他乡镇(9个)青年之家6个。"


def test_a_table_of_people_reads_as_a_report_names_them():
    """Blind set 48 (铁西, 沈河): "姓名 | 单位 | 职务 | 荣誉" rows read "姓名为岳晴川,单位为…,职务为书记,…": no role stood
    before the name, so "大西街道团工委书记是谁" and "谁获得了全国青年岗位能手" were refused."""
    from ingest.tables import lines_of

    grid = _cells([["姓名", "单位", "职务", "荣誉", "备注"], ["岳晴川", "大西街道团工委", "书记", "沈阳市优秀共青团干部", "连续两年"],
                   ["高子墨", "沈阳鼓风机集团股份有限公司", "数控车工", "全国青年岗位能手", ""]])
    assert lines_of(grid, []) == ["大西街道团工委书记岳晴川获得沈阳市优秀共青团干部,备注为连续两年。",
                                  "沈阳鼓风机集团股份有限公司数控车工高子墨获得全国青年岗位能手。"]


def test_two_figures_in_one_column_a_comparison_in_the_caption_and_a_caption_numbering_none():
    """Blind set 50 (宜春's 通报): "团员发展(实际/计划,名)" over "1,688/1,600" is two columns; the caption "…如下(位次变化与
    2023年度考评相比)" dates no row 2023; "表 2024年宜春学院…" numbers no table 2024; "其他学院(部)" names no unit."""
    grid = _cells([["位次", "单位", "团员发展(实际/计划,名)", "完成率"], ["1", "丰城市", "1,688/1,600", "105.5%"],
                   ["2", "袁州区", "1,872/1,800", "104.0%"], ["—", "合计", "10,085/9,760", "103.3%"]])
    lines = row_lines(grid, "按综合得分由高到低排列如下(位次变化与2023年度考评相比):")
    assert lines[0] == "按综合得分由高到低排列如下,丰城市位次1;丰城市团员发展实际1,688名;丰城市团员发展计划1,600名;丰城市完成率105.5%。"
    colleges = _cells([["学院", "团支部", "团员"], ["医学院", "62", "2,140"], ["其他学院(部)", "236", "5,580"]])
    lines = row_lines(colleges, "表 2024年宜春学院各学院团员与志愿服务情况")
    assert lines[1] == "2024年宜春学院各学院团员与志愿服务情况,其他学院(部)团支部236;其他学院(部)团员5,580。"


def test_points_added_or_taken_are_in_分():
    """Blind set 51: "加分 | 扣分" columns gave bare figures, so "汇川加了几分" took the 总分."""
    grid = _cells([["单位", "基础分", "加分", "扣分", "总分"], ["汇川区", "93.5", "3.0", "—", "96.5"],
                   ["红花岗区", "92.8", "2.5", "0.5", "94.8"]])
    assert row_lines(grid)[1] == "红花岗区基础分92.8分;红花岗区加分2.5分;红花岗区扣分0.5分;红花岗区总分94.8分。"


def test_a_rubric_s_分值_is_in_分_and_a_figure_s_bracketed_share_is_a_column_of_its_own():
    """Blind set 55: a 考核细则's "分值" column gave bare figures ("青年之家分值10"), so "青年之家占多少分" took a criterion's
    6分; "新发展团员(名)(占全市比重)" over "1,952(8.7%)" read as no figure at all, so no rank could order the counties."""
    rubric = _cells([["项目", "分值", "责任部门"], ["青年之家", "10", "社区部"], ["志愿服务", "12", "志愿者部"]])
    assert row_lines(rubric)[0] == "青年之家分值10分;青年之家责任部门社区部。"
    shares = _cells([["区县", "新发展团员(名)(占全市比重)", "青年之家(个)"], ["道里区", "1,486(6.6%)", "42"],
                     ["南岗区", "1,952(8.7%)", "48"], ["市直", "—", "36"]])
    lines = row_lines(shares)
    assert lines[1] == "南岗区新发展团员1,952名;南岗区新发展团员占全市比重8.7%;南岗区青年之家48个。"
    assert lines[2] == "市直新发展团员—;市直新发展团员占全市比重—;市直青年之家36个。"  # a dash stays one, in both


def test_a_title_and_a_unit_line_merged_across_the_table_s_top_are_its_caption():
    """Blind set 52's 表1: "表1 2024年各县(市、区)共青团基础数据" and "单位:人、个" merged across every column above the
    header. Read as its header, every row was "襄城区表1 2024年…16842"; read as its caption, "襄城区团员总数16842"."""
    title, unit = object(), object()
    grid = [[(title, "表1 2024年各县(市、区)共青团基础数据")] * 3, [(unit, "单位:人、个")] * 3,
            *[[(object(), t) for t in row] for row in (["县(市、区)", "团员总数", "新发展团员"],
                                                        ["襄城区", "16,842", "1,124"], ["樊城区", "24,517", "1,586"])]]
    from ingest import tables

    lines = tables.lines_of(grid, ["各县(市、区)基础数据见表1。"])
    assert lines[:2] == ["表1 2024年各县(市、区)共青团基础数据", "单位:人、个"]  # kept: "表1单位是啥"
    assert lines[2] == "2024年各县(市、区)共青团基础数据,襄城区团员总数16,842;襄城区新发展团员1,124。"
    assert len(lines) == 4


def test_a_markdown_table_s_blank_group_or_grade_cell_is_the_one_above():
    """Blind set 53's 通报: a Markdown table cannot merge cells, so "等次" is written once over the rows it covers and
    "单项" once over its units; read as blanks, "沛县什么等次" found none. A blank figure stays blank."""
    lines = ["| 排名 | 单位 | 综合得分 | 等次 |", "|---|---|---|---|", "| 1 | 邳州市 | 97.2 | 优秀 |",
             "| 2 | 铜山区 | 96.5 |   |", "| 3 | 沛县 |   | 良好 |", "| 4 | 丰县 | 90.2 |   |"]
    grid = markdown_grid(lines, 0)
    assert [row[3][1] for row in grid[1:]] == ["优秀", "优秀", "良好", "良好"]
    assert grid[2][3][0] is grid[1][3][0]  # one merged cell, as Word's
    assert grid[3][2][1].strip() == ""
    groups = markdown_grid(["| 单项 | 单位 | 主要指标 |", "|---|---|---|", "| 团员发展 | 邳州市 | 新发展团员2,318名 |",
                            "|   | 铜山区 | 新发展团员2,236名 |"], 0)
    assert groups[2][0][1] == "团员发展"


def test_a_plain_text_table_drawn_with_bars_is_read_as_one():
    """Blind set 53's policy Q&A lists its projects as "编号｜项目名称｜申报人｜扶持金额" over one row a line, no rule
    line: read as lines, "XZ-2024-07扶持了多少钱" found no cell."""
    from ingest.load import text_lines

    lines = text_lines("附件:2024年度青年创业扶持项目名单\n编号｜项目名称｜申报人｜扶持金额\n"
                       "XZ-2024-01｜矿山智能巡检机器人研发｜周书恒｜4.80万元\nXZ-2024-02｜“汉风”文创礼品设计｜韩若溪｜0.80万元\n"
                       "政策咨询电话:0516-12355")
    assert lines[1] == "附件:2024年度青年创业扶持项目名单,XZ-2024-01矿山智能巡检机器人研发项目名称矿山智能巡检机器人研发;" \
                       "XZ-2024-01矿山智能巡检机器人研发申报人周书恒;XZ-2024-01矿山智能巡检机器人研发扶持金额4.80万元。"
    # (a row keyed by a code is named by its name too: blind set 61's "健康乡村团队几个人" of a code-keyed row)
    assert lines[-1] == "政策咨询电话:0516-12355" and len(lines) == 4


def test_a_tab_separated_table_with_month_columns_carries_its_headers():
    """Blind set 54's 简报 (GB18030 txt): a table pasted from a spreadsheet, tab-separated, its columns "3月 | 2月 | 环比 |
    上年3月 | 同比": no row was read (a single tab was no column break, a month no header)."""
    from ingest.load import text_lines

    lines = text_lines("二、3月份主要工作数据\n指标\t3月\t2月\t环比\t上年3月\t同比\n"
                       "新发展团员（名）\t48\t21\t+128.6%\t42\t+14.3%\n12355咨询转介（件）\t14\t17\t-17.6%\t12\t—\n")
    assert any("新发展团员(名)上年3月42名" in line and "新发展团员(名)环比+128.6%" in line for line in lines)
    assert any("12355咨询转介(件)2月17件" in line for line in lines)


def test_a_figure_with_its_signed_change_in_brackets_is_the_figure_and_its_change():
    """Blind set 56's 表1 (indicators as rows): "新发展团员(名)" over "418(+32)", a 说明 saying the brackets hold the
    change on the year before. Read as no figure, "屯溪新发展团员多少" had no unit and "比上年增加了多少" no change."""
    grid = _cells([["指标", "屯溪区", "黄山区", "徽州区"], ["新发展团员(名)", "418(+32)", "236(+15)", "205(-8)"],
                   ["青年之家(个)", "21", "14", "11"]])
    lines = row_lines(grid)
    assert lines[0] == "屯溪区新发展团员418名(较上年增加32名);黄山区新发展团员236名(较上年增加15名);" \
                       "徽州区新发展团员205名(较上年减少8名)。"
    assert lines[1] == "屯溪区青年之家21个;黄山区青年之家14个;徽州区青年之家11个。"


def test_a_pdf_tables_text_column_after_its_figures_may_be_left_empty():
    """Blind set 56's PDF: "日期 星期 进山游客 上岗志愿者 服务游客 备注" with 备注 empty on most days; pypdf writes no
    line for an empty cell, and a last column of text was read as the next row's label, so every row was a column
    off (9 of 91 questions on the report right). A continuation over a page break ("表1(续)" and the header again)
    runs on; a caption above the header is no header cell; a column of text last is read when every row fills it."""
    from ingest.pdf_tables import continued, pdf_tables
    from ingest.tables import lines_of

    head = ["日期", "星期", "进山游客(万人次)", "上岗志愿者(人)", "服务游客(人次)", "备注"]
    lines = ["表1 假期每日进山游客及志愿服务情况", *head, "10月1日", "星期三", "4.12", "428", "36,540", "国庆节",
             "10月2日", "星期四", "4.86", "465", "41,280", "10月3日", "星期五", "4.53", "452", "39,870",
             "表1(续)", *head, "10月8日", "星期三", "2.41", "318", "19,860", "假期最后一天", "合计", "—", "30.86",
             "3,316", "266,710", "注:上岗志愿者为当日实际上岗人数。"]
    [(start, end, grid)] = pdf_tables(continued(lines))
    rows = lines_of(grid, lines[:1])
    assert rows[0].endswith("10月1日星期星期三;10月1日进山游客4.12万人次;10月1日上岗志愿者428人;10月1日服务游客"
                            "36,540人次;10月1日备注国庆节。")
    assert rows[1].endswith("10月2日服务游客41,280人次。") and rows[3].endswith("10月8日备注假期最后一天。")
    assert rows[4].endswith("合计服务游客266,710人次。") and len(rows) == 5
    posts = ["表2 固定岗位点日均上岗情况", "岗位点", "计划招募(人)", "实际日均上岗(人)", "主要服务内容",
             "迎客松", "40-50", "48", "观景平台秩序维护", "光明顶", "30-40", "37", "日出观景引导", "合计", "230-295", "270"]
    [(start, end, grid)] = pdf_tables(posts)
    assert lines_of(grid, posts[:1])[0].endswith("迎客松计划招募40-50人;迎客松实际日均上岗48人;迎客松主要服务内容观景平台秩序维护。")


def test_a_running_header_over_the_page_number_is_no_title():
    """Blind set 56's PDF: every page opens "共青团黄山风景区工作委员会 志愿服务工作总结(内部资料)" over "第 1 页 共 3 页";
    kept where it first stood (a report's own title may run on every page), it became the report's title."""
    from ingest.pdf import _over_number

    page = "共青团黄山风景区工作委员会 志愿服务工作总结(内部资料)\n第 1 页 共 3 页\n2025年国庆中秋假期志愿服务工作总结\n"
    assert _over_number(page, "共青团黄山风景区工作委员会 志愿服务工作总结(内部资料)")
    assert not _over_number(page, "2025年国庆中秋假期志愿服务工作总结")


def test_a_grid_of_labels_and_values_side_by_side_is_a_line_per_pair():
    """Blind set 60's 信息公开 block: "索引号: | 11371300… | 主题分类: | 建议提案办理" had read one cell a line."""
    from ingest.tables import label_pairs

    grid = [[(object(), t) for t in ("索引号：", "11371300MB2860412X/2025-00037", "主题分类：", "建议提案办理")],
            [(object(), t) for t in ("文　号：", "临团提字〔2025〕5号", "答复类别：", "A类")]]
    assert label_pairs(grid) == ["索引号:11371300MB2860412X/2025-00037", "主题分类:建议提案办理", "文号:临团提字〔2025〕5号",
                                 "答复类别:A类"]
    assert label_pairs([[(object(), t) for t in ("县区", "团员数")], [(object(), t) for t in ("兰山区", "48632")]]) == []


def _grid(rows):
    return [[((r, c), text) for c, text in enumerate(row)] for r, row in enumerate(rows)]


def test_rows_of_a_group_column_several_share_are_named_by_their_name_too():
    # a 青创贷 台账: one row per applicant, the county repeated; "许嘉豪贷了多少" names the applicant
    rows = [["县(市、区)", "申请人", "贷款金额(元)"], ["晋江市", "许嘉豪", "300000"], ["晋江市", "施雨彤", "100000"],
            ["石狮市", "蔡俊杰", "300000"]]
    lines = row_lines(_grid(rows))
    assert lines[1].startswith("晋江市施雨彤") and "晋江市施雨彤贷款金额100000元" in lines[1]


def test_a_pivot_tables_fuller_second_header_row_is_its_header():
    rows = [["求和项:资助金额", "列标签", "", ""], ["行标签", "圆梦行动", "希望小屋", "总计"],
            ["鲤城区", "312", "96", "408"], ["洛江区", "136", "", "136"]]
    lines = row_lines(_grid(rows), "单位:千元")
    assert lines[0].endswith("鲤城区圆梦行动312千元;鲤城区希望小屋96千元;鲤城区总计408千元。")
    assert "洛江区总计136千元" in lines[1] and "希望小屋" not in lines[1]  # a blank cell shifts no column


def test_a_table_of_a_figure_a_row_reads_as_a_report_says_it():
    """Blind set 63's 分季度数据明细 (县(区) | 季度 | 指标 | 数值 | 单位 | 备注, a row per county, quarter and
    indicator) had read "古城区指标新发展团员;古城区数值98名"; a table of several figure columns keeps its clauses."""
    grid = [[(object(), t) for t in row] for row in [
        ["序号", "县（区）", "季度", "指标", "数值", "单位", "备注"],
        ["1", "古城区", "一季度", "新发展团员", "98", "名", ""],
        ["2", "古城区", "二季度", "新发展团员", "152", "名", "含“五四”集中入团仪式68名"],
        ["3", "华坪县", "三季度", "青年夜校学员", "167", "人次", "7月受强降雨影响停课1周"]]]
    lines = row_lines(grid, "2025年各县(区)分季度数据明细")
    assert lines[0] == "2025年各县(区)分季度数据明细,古城区一季度新发展团员98名。"
    assert lines[2] == "2025年各县(区)分季度数据明细,华坪县三季度青年夜校学员167人次;华坪县三季度青年夜校学员备注7月受强降雨影响停课1周。"
    budget = [[(object(), t) for t in row] for row in [["项目", "单价", "数量", "金额"], ["实践补贴", "600元", "520", "312000元"],
                                                        ["保险", "30元", "520", "15600元"]]]
    assert "单价600元" in row_lines(budget)[0]  # its 项目 column leads: no figure-a-row table


def test_a_group_split_into_a_few_categories_names_its_rows_by_both():
    """Blind set 65's 助学台账: a row per county and category (米脂县 | 本科, 米脂县 | 高职(专科)); named by the county
    alone, the two rows said the same thing ("台账里米脂本科批次资助人数" refused)."""
    from ingest.table_grids import markdown_grid

    table = ["助学台账", "| 县（市、区） | 类别 | 资助人数（名） | 资助金额（元） |", "|---|---|---|---|",
             "| 米脂县 | 本科 | 22 | 110000 |", "| 米脂县 | 高职（专科） | 16 | 48000 |",
             "| 佳县 | 本科 | 24 | 120000 |", "| 佳县 | 高职（专科） | 18 | 54000 |"]
    lines = row_lines(markdown_grid(table, 1), table[0])
    assert "米脂县本科资助人数22名" in lines[0] and "米脂县高职(专科)资助金额48000元" in lines[1]


def test_rows_numbered_within_groups_are_named_by_their_label_and_a_filers_line_is_no_caption():
    """Blind set 66's 夜校台账: 序号 1.1, 1.2 … under each county's unnumbered 小计 row; "填报单位:…;统计截至:…" merged
    across the table's top under its title. Rows had been named "序号1.1" and captioned by who filed them."""
    from ingest import tables

    filed = object()
    grid = [[(filed, "填报单位:共青团泸州市委员会青少年发展部;统计截至:2026年11月30日")] * 4,
            *[[(object(), t) for t in row] for row in (["序号", "教学点", "课程名称", "开班期数"],
                                                        ["", "江阳区小计", "", "51"],
                                                        ["1.1", "北城街道青年之家", "泸州老窖酿酒技艺体验", "12"],
                                                        ["1.2", "大山坪街道青年之家", "短视频拍摄与剪辑", "9"],
                                                        ["", "龙马潭区小计", "", "39"],
                                                        ["2.1", "小市街道青年之家", "川剧变脸入门", "9"])]]
    lines = tables.lines_of(grid, ["2026年泸州市青年夜校开班运行台账"])
    row = next(line for line in lines if "北城街道" in line)
    assert row.startswith("2026年泸州市青年夜校开班运行台账,北城街道青年之家课程名称泸州老窖酿酒技艺体验;")
    assert "序号" not in row and "填报单位" not in row


def test_a_column_headed_其中_is_a_part_of_the_column_before_it():
    """Blind set 66's 表1: "青年之家 | 其中当年新建" read "龙马潭区其中当年新建5", which names no 青年之家 ("2025年当年新建了
    几个青年之家" took the 18 beside it); not after a time or a share (截至2024年底累计 | 其中:2024年新增, 占比 | 其中女性),
    nor of another unit (服务青少年(人次) | 其中五星级(个))."""
    from ingest.tables import row_lines

    def first_row(header, row):
        return row_lines([[(object(), t) for t in header], [(object(), t) for t in row], [(object(), t) for t in row]])[0]

    assert "龙马潭区青年之家其中当年新建5" in first_row(["单位", "青年之家", "其中当年新建"], ["龙马潭区", "18", "5"])
    assert "学生其中女性6472名" in first_row(["类别", "占比", "其中女性(名)"], ["学生", "78.6%", "6472"])
    assert "赤坎区其中五星级3个" in first_row(["县区", "服务青少年(人次)", "其中五星级(个)"], ["赤坎区", "15860", "3"])
