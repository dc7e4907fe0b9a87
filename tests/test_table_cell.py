"""A text cell of the table row a question names, from rows rendered as ingest renders them."""
from __future__ import annotations

from types import SimpleNamespace

from app.engine import table_cell
from ingest.table_grids import markdown_grid
from ingest.tables import row_lines

TABLE = """表1 2024年重点社会实践和志愿服务项目
| 序号 | 项目 | 负责学部 | 参与学生（人） | 实践地点 | 所获荣誉 |
|---|---|---|---|---|---|
| 1 | “乡村教师AI助教”实践团 | 教育学部 | 36 | 河北省阜平县 | 海淀青年创新创业大赛二等奖 |
| 2 | “黄河口湿地鸟类监测”团队 | 生命科学学院 | 28 | 山东省东营市 | 全国暑期“三下乡”优秀团队 |
| 3 | “社区心理护航”志愿服务项目 | 心理学部 | 52 | 北京市海淀区学院路街道 | 首都志愿服务项目大赛银奖 |"""


def ask(question: str):
    lines = TABLE.splitlines()
    texts = dict(enumerate([lines[0], *row_lines(markdown_grid(lines, 1), lines[0])], start=1))
    passage = SimpleNamespace(doc_id="d", source="bnu.docx", title="工作报告", date="2025-01-10", paragraph=3,
                              text=texts[3], score=0.9)
    return table_cell.answer(question, [passage], lambda d, n: texts.get(n, ""))


def _asked(table: list[str], at: int):
    """A function asking table_cell's `answer` (or `how`) of a table rendered as ingest renders it, the passage
    retrieved being its paragraph `at` (1: the caption)."""
    texts = dict(enumerate([table[0], *row_lines(markdown_grid(table, 1), table[0])], start=1))
    passage = SimpleNamespace(doc_id="d", source="report.md", title="通报", date="2025-02-20", paragraph=at,
                              text=texts[at], score=0.9)
    return lambda question, how=table_cell.answer: how(question, [passage], lambda d, n: texts.get(n, ""))


def test_the_column_asked_of_the_row_named():
    where = ask("乡村教师AI助教实践团在哪里实践？")
    assert where.value == "河北省阜平县" and where.citations[0].paragraph == 2
    assert ask("黄河口湿地鸟类监测团队获得了什么荣誉？").value == "全国暑期“三下乡”优秀团队"
    assert ask("社区心理护航项目由哪个学部负责？").value == "心理学部"


def test_no_row_named_or_no_column_asked_is_left_to_the_answer_step():
    assert ask("红领巾科学小课堂在哪里开展？") is None  # no such row
    assert ask("乡村教师AI助教实践团有什么特色？") is None  # no column asked


def test_a_table_with_no_caption_line_is_read_alike():
    """Rows with no caption ("“甲组”实践团实践地点河北省阜平县;…"), as table_rank reads them: cells split the same way."""
    rows = ["“甲组”实践团负责学部教育学部;“甲组”实践团实践地点河北省阜平县;", "“乙组”团队负责学部心理学部;“乙组”团队实践地点山东省东营市;",
            "“丙组”项目负责学部物理学系;“丙组”项目实践地点北京市密云区;"]
    texts = dict(enumerate(rows, start=1))
    passage = SimpleNamespace(doc_id="d", source="t.docx", title="工作报告", date="", paragraph=2, text=rows[1], score=0.9)
    assert table_cell.answer("乙组团队在哪里实践？", [passage], lambda d, n: texts.get(n, "")).value == "山东省东营市"


RANKING = """表1 2024年度全区市级共青团工作综合考核排名
| 单位 | 排名 | 新发展团员（名） | 综合得分 | 较上年排名变化 |
|---|---|---|---|---|
| 银川市 | 1 | 2946 | 96.2 | 持平 |
| 吴忠市 | 2 | 1870 | 93.5 | ↑1 |
| 固原市 | 3 | 1321 | 91.0 | ↓1 |"""


def test_a_rankings_change_is_its_column_of_the_row_named_without_its_city_suffix():
    """"吴忠市较上年排名变化" is the row's ↑1, not the nearest figure (blind sets 38-42 asked it; 6.3%, 2946名 were
    answered); the row is named as staff say it, 吴忠 for 吴忠市."""
    lines = RANKING.splitlines()
    texts = dict(enumerate([lines[0], *row_lines(markdown_grid(lines, 1), lines[0])], start=1))
    passage = SimpleNamespace(doc_id="d", source="tongbao.md", title="通报", date="2025-03-01", paragraph=3,
                              text=texts[3], score=0.9)

    def asked(question):
        found = table_cell.answer(question, [passage], lambda d, n: texts.get(n, ""))
        return found.value if found else None

    assert asked("吴忠排名较上年变化") == "↑1" and asked("银川市的排名较上年有什么变化？") == "持平"
    assert asked("固原排名升降情况") == "↓1" and asked("吴忠综合得分排名") == "2"  # its rank: no change asked


def test_a_rankings_change_headed_较上年():
    """Blind set 45's 通报 heads the change column 较上年 (上升2位, 持平)."""
    lines = ["表1 2024年度综合考核排名", "| 排名 | 单位 | 综合得分 | 较上年 |", "|---|---|---|---|", "| 1 | 蜀山区 | 97.2 | 上升1位 |",
             "| 2 | 包河区 | 96.5 | 下降1位 |", "| 3 | 高新区 | 95.8 | 上升2位 |"]
    texts = dict(enumerate([lines[0], *row_lines(markdown_grid(lines[1:], 0), lines[0])], start=1))
    passage = SimpleNamespace(doc_id="d", source="tongbao.md", title="通报", date="2025-02-26", paragraph=4,
                              text=texts[4], score=0.9)
    found = table_cell.answer("高新区名次比上年有什么变化？", [passage], lambda d, n: texts.get(n, ""))
    assert found.value == "上升2位"


def test_a_rows_grade_and_its_own_rank_not_the_rank_a_remark_gives():
    """Blind set 47 (济南's 通报): "市中的等次" is the row's 等次 cell (a figure of the row had been taken); "市中排第几"
    its 位次 cell, not the 上年第4 its 备注 cell gives."""
    table = ["表1 2024年度综合考评得分及位次", "| 位次 | 单位 | 总分 | 等次 | 备注 |", "| --- | --- | --- | --- | --- |",
             "| 4 | 历城区 | 92.7 | 优秀 | 上年第3 |", "| 5 | 市中区 | 91.9 | 良好 | 上年第4 |", "| 6 | 槐荫区 | 90.8 | 良好 | 上年第5 |"]
    ask = _asked(table, 3)
    grade = ask("市中的等次")
    assert grade.value == "良好" and grade.citations[0].paragraph == 3
    assert ask("市中排第几").value == "5"


PRIZES = ["表2 2024年主要获奖项目", "| 项目 | 团队所在学院 | 赛事 | 获奖等级 |", "| --- | --- | --- | --- |",
          "| 泉水水质微纳传感监测系统 | 水利与环境学院 | 第十四届“挑战杯”山东省大学生课外学术科技作品竞赛 | 特等奖 |",
          "| 大葱智能收获机 | 机械工程学院 | 中国国际大学生创新大赛(2024)山东省赛 | 金奖 |",
          "| 固废基低碳胶凝材料 | 材料科学与工程学院 | 第十四届“挑战杯”山东省大学生课外学术科技作品竞赛 | 一等奖 |",
          "| 泉城多模态导览机器人 | 信息科学与工程学院 | 全国大学生电子设计竞赛山东赛区 | 一等奖 |"]


def test_the_row_a_grade_and_its_contest_name():
    """Blind set 47 (济南大学's prize table): "哪个项目拿了…金奖" is the row whose 获奖等级 cell holds that grade, the
    contest telling two 一等奖 apart; a grade alone, of another contest, names no row of this table."""
    ask, how = _asked(PRIZES, 2), table_cell.row_named_by_cells
    gold = ask("济大哪个项目拿了国创赛山东省赛金奖？", how)
    assert gold.value == "大葱智能收获机" and gold.citations[0].quote.startswith("大葱智能收获机")
    assert ask("哪个项目在挑战杯拿了一等奖", how).value == "固废基低碳胶凝材料"
    assert ask("历下青创大赛一等奖是什么项目", how) is None


def test_last_years_rank_is_not_the_rows_own():
    """CV (blind set 44's 通报): "杏花岭区上年排第几?" and "阳曲县2023年度考评排第几" of a 2024 ranking ask the 上年排名
    column; the row's own 排名 cell is not the answer (read from the 上年排名 column since blind set 48)."""
    table = ["表1 2024年度各县(市、区)共青团工作综合考评排名", "| 排名 | 县(市、区) | 综合得分 | 上年排名 |",
             "| --- | --- | --- | --- |", "| 1 | 小店区 | 96.5 | 2 |", "| 2 | 杏花岭区 | 95.1 | 3 |", "| 3 | 阳曲县 | 90.2 | 10 |"]
    ask = _asked(table, 3)
    assert ask("杏花岭区上年排第几？").value == "3" and ask("阳曲县2023年度考评排第几").value == "10"  # blind set 48
    assert ask("阳曲县2022年度考评排第几") is None  # two years before: no column gives it
    assert ask("杏花岭区排第几").value == "2" and ask("阳曲县2024年度考评排第几").value == "3"


def test_a_rank_written_第n名_a_position_asked_by_its_column_and_a_grade_asked_by_its_options():
    """Blind set 49's 通报 (read as a table by ingest/records.py): its 位次 cells write 第1名; "迁安2024年度考评位次"
    ends in the column's name; "路南是优秀还是良好" asks the 等次 cell by its options. The caption names no year:
    the report's title does, so a 2024 question of a 2024 notice asks the row's own rank, not the 上年位次."""
    table = ["二、各区县(市)考评结果", "| 单位 | 位次 | 综合得分 | 等次 | 上年位次 |", "| --- | --- | --- | --- | --- |",
             "| 迁安市 | 第1名 | 95.8分 | 优秀 | 第2名 |", "| 路南区 | 第2名 | 95.1分 | 优秀 | 第1名 |",
             "| 古冶区 | 第14名 | 86.9分 | 合格 | 第14名 |"]
    texts = dict(enumerate([table[0], *row_lines(markdown_grid(table, 1), table[0])], start=1))

    def ask(question, at=2):
        passage = SimpleNamespace(doc_id="d", source="tongbao.md", title="关于2024年度考评结果的通报", date="2025-02-20",
                                  paragraph=at, text=texts[at], score=0.9)
        return table_cell.answer(question, [passage], lambda d, n: texts.get(n, ""))

    assert ask("迁安2024年度考评位次").value == "第1名"
    assert ask("路南上年排第几", at=3).value == "第1名"
    assert ask("古冶是优秀还是良好", at=4).value == "合格"


def test_a_rank_change_asked_of_its_位次():
    """Blind set 50: "袁州位次较上年怎么变的", "上高县比上年进了还是退了" ask the 位次变化 column."""
    table = ["二、考评排名", "| 位次 | 单位 | 综合得分 | 位次变化 |", "| --- | --- | --- | --- |", "| 1 | 丰城市 | 96.2 | 上升1位 |",
             "| 2 | 袁州区 | 95.4 | 下降1位 |", "| 5 | 上高县 | 91.6 | 持平 |"]
    assert _asked(table, 3)("袁州位次较上年怎么变的").value == "下降1位"
    assert _asked(table, 4)("上高县比上年进了还是退了").value == "持平"


def test_a_records_field_and_a_rows_courses_asked_in_everyday_words():
    # blind sets 58 and 59: a 公示's or a form's rows ("温佳琪推荐单位共青团洛宁县委员会"), a 夜校 table's courses
    from ingest.records import field_tables

    fields = [line for name, job, by in (("王嘉铭", "中信重工数控车间班组长", "中信重工团委"),
                                         ("温佳琪", "长水镇党政办工作人员", "共青团洛宁县委员会"),
                                         ("马骁", "瀍东社区党委副书记", "团瀍河区委"))
              for line in (f"姓名:{name}", "性别:男", f"工作单位及职务:{job}", f"推荐单位:{by}", "")]
    texts = dict(enumerate(field_tables(["候选人推荐审批表", *fields]), start=1))
    passage = SimpleNamespace(doc_id="d", source="forms.pdf", title="审批表", date="", paragraph=3, text=texts[3],
                              score=0.9)
    asked = lambda question: table_cell.answer(question, [passage], lambda d, n: texts.get(n, ""))  # noqa: E731
    assert asked("温佳琪是谁推荐的？").value == "共青团洛宁县委员会"
    assert asked("温佳琪是做什么的").value == "长水镇党政办工作人员"
    courses = ["表 秋季班", "| 县区 | 开设课程 | 课程数（门） |", "|---|---|---|", "| 老城区 | 汉服礼仪<br>古琴入门 | 2 |",
               "| 西工区 | 八段锦 | 1 |", "| 孟津区 | 唐三彩彩绘<br>乡村摄影 | 2 |"]
    assert _asked(courses, 4)("孟津区秋季班开了哪些课").value == "唐三彩彩绘、乡村摄影"


KEYED = ["2025年三下乡重点团队立项汇总表",
         "| 编号 | 团队名称 | 学校 | 负责人 | 指导老师 | 实践地 | 队员（人） |", "|---|---|---|---|---|---|---|",
         "| SX25-01 | “湾区青研”乡村振兴调研团 | 北京师范大学珠海校区 | 李思远 | 周敏 | 斗门区莲洲镇 | 15 |",
         "| SX25-02 | “海岛守望”支教队 | 中山大学珠海校区 | 郑可欣 | 何立 | 万山区桂山镇 | 12 |",
         "| SX25-08 | “健康乡村”义诊队 | 遵义医科大学珠海校区 | 杨紫涵 | 孙伟 | 斗门区白蕉镇 | 18 |"]


def test_a_row_keyed_by_a_code_is_named_by_its_name_too_and_a_column_by_its_label():
    """Blind set 61's 立项汇总表: rows led by a code (SX25-08) were asked by the team's name ("健康乡村团队去哪里实践") and
    the cell by its column's label ("…的指导老师", "…的实践地"); each clause now names the row by code and name."""
    lines = row_lines(markdown_grid(KEYED, 1), KEYED[0])
    assert lines[2].startswith("2025年三下乡重点团队立项汇总表,SX25-08“健康乡村”义诊队团队名称“健康乡村”义诊队;"
                               "SX25-08“健康乡村”义诊队学校遵义医科大学珠海校区;")
    ask = _asked(KEYED, 3)
    assert ask("健康乡村团队去哪里实践").value == "斗门区白蕉镇"
    assert ask("“海岛守望”支教队是哪个学校的").value == "中山大学珠海校区"
    assert ask("健康乡村的指导老师").value == "孙伟"  # its label, before the 负责人 "是谁" would ask
    assert ask("SX25-02团队由谁负责").value == "郑可欣"
    assert ask("SX25-01来自哪所高校").value == "北京师范大学珠海校区"
    assert ask("健康乡村团队有多少队员") is None  # a figure is the model's to weigh


def test_a_schedule_row_keyed_by_its_day_is_asked_by_day_or_by_activity():
    table = ["二、活动安排", "| 日期 | 活动内容 | 地点 | 珠海青年（人次） |", "|---|---|---|---|",
             "| 7月14日（星期一） | 开营仪式暨破冰活动 | 横琴·澳门青年创业谷 | 62 |",
             "| 7月15日（星期二） | 科创企业参访 | 高新区港湾1号科创园 | 58 |",
             "| 7月18日（星期五） | 闭营仪式 | 澳门大学横琴校区 | 66 |"]
    ask = _asked(table, 3)
    assert ask("7月15日的同心行活动是什么").value == "科创企业参访"
    assert ask("闭营仪式在哪里举办").value == "澳门大学横琴校区"


def test_a_row_named_by_a_text_cell_and_a_column_by_its_labels_last_word():
    table = ["青创贷贴息台账", "| 县(市、区) | 申请人 | 项目名称 | 所属行业 | 合作银行 | 贷款金额(元) | 审核状态 |",
             "| --- | --- | --- | --- | --- | --- | --- |",
             "| 晋江市 | 许嘉豪 | 运动鞋服跨境电商 | 电子商务 | 晋江农商银行 | 300000 | 已拨付 |",
             "| 南安市 | 黄志远 | 石材数字化设计工作室 | 科技服务 | 泉州银行 | 200000 | 已拨付 |",
             "| 晋江市 | 粘雅雯 | 智能袜业设计 | 纺织服装 | 晋江农商银行 | 250000 | 审核通过待拨付 |"]
    assert _asked(table, 3)("石材数字化设计工作室在哪家银行贷款?").value == "泉州银行"  # by its project, 合作银行 by 银行
    assert _asked(table, 4)("粘雅雯的贴息现在是什么状态?").value == "审核通过待拨付"
    assert _asked(table, 3)("黄志远申请的项目叫什么?").value == "石材数字化设计工作室"


def test_a_day_asked_of_a_code_keyed_row_is_its_date_cell_whole():
    """Blind set 64's 智慧团建 export: "批次TM2026-017的入团仪式哪天" was its 仪式地点 (the label's first word, 仪式, is
    the question's), and a column of dates all in 2026 had "2026/" taken into its label."""
    table = ["2026年发展团员批次明细", "| 批次编号 | 所属团组织 | 入团仪式日期 | 人数 | 仪式地点 |", "|---|---|---|---|---|",
             "| TM2026-016 | 向上街道团工委 | 2026/10/16 | 6 | 向上街道党群服务中心 |",
             "| TM2026-017 | 月宫街道团工委 | 2026/10/23 | 5 | 月宫街道党群服务中心 |",
             "| TM2026-018 | 石岘镇团委 | 2026/10/30 | 5 | 石岘镇青年之家 |"]
    ask_row = _asked(table, 3)
    assert ask_row("批次TM2026-017的入团仪式哪天").value == "2026/10/23"
    assert ask_row("TM2026-017的入团仪式在哪举行").value == "月宫街道党群服务中心"


LEDGER = """2026年青年夜校开班运行台账
| 序号 | 教学点 | 课程名称 | 课程类别 | 开班期数 | 报名人次 | 运行状态 | 备注 |
|---|---|---|---|---|---|---|---|
|  | 江阳区小计 |  |  | 27 | 736 |  |  |
| 1.1 | 北城街道青年之家 | 酿酒技艺体验 | 非遗传承 | 12 | 312 | 已结业 | 报名通道开放3分钟报满 |
| 1.2 | 大山坪街道青年之家 | 短视频拍摄 | 电商直播 | 9 | 236 | 已结业 |  |
| 1.3 | 泸州市图书馆 | 竹编 | 非遗传承 | 6 | 188 | 在授课 |  |
|  | 龙马潭区小计 |  |  | 20 | 373 |  |  |
| 2.1 | 小市街道青年之家 | 川剧变脸入门 | 非遗传承 | 9 | 205 | 已结业 | 结业学员中9人登台演出 |
| 2.2 | 鱼塘街道青年之家 | 无人机操控 | 职业技能 | 11 | 168 | 在授课 |  |"""


def test_a_ledgers_row_of_several_widths_is_read_by_its_labels():
    """Blind set 66's 夜校台账: 小计 rows and an empty 备注 left rows of three widths, and no cell was read ("竹编属于什么
    课程类别" had answered the row's first clause); a name column's two-character 竹编 names its row, and a note
    holding a figure answers what it says."""
    lines = LEDGER.splitlines()
    texts = dict(enumerate([lines[0], *row_lines(markdown_grid(lines, 1), lines[0])], start=1))

    def asked(question, number):
        passage = SimpleNamespace(doc_id="d", source="taizhang.md", title="台账", date="2026-12-03", paragraph=number,
                                  text=texts[number], score=0.9)
        found = table_cell.answer(question, [passage], lambda d, n: texts.get(n, ""))
        return found.value if found else None

    row = {t.split(",", 1)[1][:4]: n for n, t in texts.items() if "," in t}
    assert asked("竹编属于什么课程类别", row["泸州市图"]) == "非遗传承"
    assert asked("无人机操控现在是什么状态", row["鱼塘街道"]) == "在授课"
    assert asked("台账备注里川剧变脸入门课有什么说明", row["小市街道"]) == "结业学员中9人登台演出"
    assert asked("无人机操控课程开班期数", row["鱼塘街道"]) is None  # a count asked: no 课程类别 cell, the figures'


def test_a_day_asked_of_a_rows_time_cell_is_its_date():
    """Blind set 66's 志愿汇 export: "青春护苗宣讲是哪天" of "开始时间2026-09-15 15:00" is the day, without its clock."""
    lines = ["志愿汇活动导出", "| 活动编号 | 活动名称 | 开始时间 | 参与人数 |", "|---|---|---|---|",
             "| HJ20260903 | 赤水河岸线清洁 | 2026-09-13 08:30 | 34 |", "| HJ20260904 | 青春护苗宣讲 | 2026-09-15 15:00 | 12 |",
             "| HJ20260905 | 尧坝古镇游客服务 | 2026-09-20 09:00 | 16 |"]
    texts = dict(enumerate([lines[0], *row_lines(markdown_grid(lines, 1), lines[0])], start=1))
    number = next(n for n, t in texts.items() if "青春护苗" in t)
    passage = SimpleNamespace(doc_id="d", source="daochu.csv", title="导出", date="2026-12-01", paragraph=number,
                              text=texts[number], score=0.9)
    found = table_cell.answer("青春护苗宣讲是哪天", [passage], lambda d, n: texts.get(n, ""))
    assert found is not None and found.value == "2026-09-15"
