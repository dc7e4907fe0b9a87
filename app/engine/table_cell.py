"""A text cell of the table row a question names: "乡村教师AI助教实践团在哪里实践?" is the row's 实践地点 cell,
"社区心理护航项目负责人是谁?" its 负责人 cell. A row is stored as "caption,head+label+value;…" (ingest/tables.py), and
the answer step read the nearest figure of it instead ("…参与学生36人", blind set 41's project table).

The column asked is read from the question's words for it (where, who, which honour, which unit); the label of each
column is what every row's cell of it starts with after the row's head."""
from __future__ import annotations

import os
import re

from ingest.schema import Answer, Citation
from ingest.tables import KEY_CELL

from .asked_units import RANK_NAMED_LAST
from .table_rank import ASKED_TOP, PRIOR_ASKED, Row, _prefix, _table, cells_of, prior_rank_label

# A row's own place in the ranking asked ("市中排第几", "位次是多少"): the rank column, not a 上年第4 in its 备注.
RANK_ASKED = re.compile(rf"排(?:名|在)?第几|第几名|第几位|(?:排名|名次|位次)(?:是)?(?:多少|第几|几)|{RANK_NAMED_LAST}")
# The question's words for a column -> the column labels that answer them.
_ASKS = (
    (re.compile(r"哪里|在哪|何地|什么地方|哪个地方|去了哪|地点"), re.compile(r"地点|地区|地方|服务地|实践地|地址|服务县")),
    (re.compile(r"负责人|谁负责|带队|领队|指导老师|指导教师|队长|是谁|叫什么名字|谁申请|申请人"),
     re.compile(r"负责人|带队|领队|指导教师|队长|姓名|申请人")),
    (re.compile(r"荣誉|奖项|什么奖|获奖|表彰"), re.compile(r"荣誉|奖项|获奖|表彰")),
    # a record's fields asked in everyday words (a 公示's or a form's rows: "温佳琪是谁推荐的", "邵明哲是哪个学校的")
    (re.compile(r"谁推荐|推荐的|推荐单位|由哪.{0,3}推荐"), re.compile(r"推荐单位|推荐")),
    (re.compile(r"在哪(?:里|儿|个单位|家单位)?(?:工作|上班|任职)|哪个(?:学校|单位|医院|公司)的|做什么的|干什么的|"
                r"什么(?:职务|职位|职称)|哪所(?:学校|高校|大学|院校)|来自哪(?:所|个|里)"),
     re.compile(r"单位职务|工作单位|职务|单位|学校|院校|高校")),
    # a schedule's row asked by its day ("7月16日的同心行活动是什么"): its 活动内容 cell
    (re.compile(r"什么活动|活动是什么|哪(?:个|项|场)活动|安排了什么|有什么安排"), re.compile(r"活动内容|活动名称|^内容$|^活动$|^安排$")),
    # a 青年夜校's courses per county or point ("孟津区秋季班开了哪些课": its 开设课程 cell, not its 课程数)
    (re.compile(r"(?:哪些|什么)课|开了哪些|开设(?:了)?哪些"), re.compile(r"^(?:开设)?课程(?:名称)?$|开设课程")),
    (re.compile(r"哪个(?:学部|学院|院系|单位|部门)|(?:学部|学院|院系|单位|部门)负责"), re.compile(r"学部|学院|院系|单位|部门")),
    # "石嘴山排名较上年变化", "排名有什么变化": the ranking's change column (↑1, 持平, 前进一位), no figure near it
    (re.compile(r"(?:排名|名次|位次)[^,,。]{0,7}(?:变化|怎么变|变了|有没有变)|(?:排名|名次|位次)(?:是)?(?:上升|下降|升|降|进|退)|"
                r"升降|进了还是退了|退了还是进了"),
     re.compile(r"排名变化|名次变化|位次变化|升降|^较上年$")),
    # 优秀 / 良好 / 合格, asked by name or by its grades ("路南是优秀还是良好")
    (re.compile(r"等次|等级|档次|评级|评定|(?:优秀|良好|合格|达标)还是"), re.compile(r"等次|等级|档次|评级|评定")),
    (RANK_ASKED, re.compile(r"^(?:全[市省州区县]|综合|考评|考核)?(?:排名|名次|位次|排序)$")),  # "市中排第几": its own column
    # a day asked of a row ("批次TM2026-017的入团仪式哪天"): its 日期 cell, not the 仪式地点 its label's words also name
    (re.compile(r"哪天|哪一天|几号|几月几日|什么时候|何时|什么日期|哪个日期"), re.compile(r"日期|时间$")),
)
_SUFFIX = re.compile(r"(?<=[\u4e00-\u9fff]{2})(?:市|县|区|旗)$")  # a row's 石嘴山市, asked as 石嘴山
_NAMED_CELL = re.compile(r"[^\d]{3,30}")  # a text cell long enough to name its row (a project's, a person's name)
_QUOTED = re.compile(r"[“\"]([^”\"]{2,30})[”\"]")


def answer(question: str, passages, paragraph_text) -> Answer | None:
    """The cell asked of the row the question names, cited; None when it names no row or asks no column."""
    wanted = [labels for asks, labels in _ASKS if asks.search(question)]
    for p in passages[:ASKED_TOP]:
        rows = _table(p, paragraph_text) if wanted or _ROW_LINE.search(p.text) else []
        named = [r for r in rows if _names(question, r.head)] if len(rows) >= 3 else []
        table = _cells(rows) if len(rows) >= 3 else {}
        if not named and table:  # "石材数字化设计工作室属于什么行业": the row whose text cell the question names
            named = [r for r in rows if any((_NAMED_CELL.fullmatch(v) or "名称" in label and len(v) >= 2) and v in question
                                            for label, v, _ in table[r.number])]  # a name column's 竹编 names its row
        if len(named) != 1:
            continue
        row = named[0]
        cells = table[row.number]
        # a text column the question names by its label first ("“渔港新貌”调研队的实践地", "…的指导老师是谁"; a
        # figure's column is the model's to weigh: another table's year may hold it too), then its words for one
        counts = bool(re.search(r"多少|几", question))  # a figure asked is the model's; a note's "9人开设网店" is text
        found = next(((label, value, clause) for label, value, clause in cells if _LABEL.fullmatch(label)
                      and label in question and value and value not in question
                      and not (re.search(r"\d", value) and (counts or not _NOTE.search(label)))), None)
        found = found or next(((label, value, clause) for labels in wanted for label, value, clause in cells
                               if labels.search(label) and value), None)
        # ...or by its label's last or first word, beside the row's name ("在哪家银行贷款": 合作银行, "什么状态": 审核状态,
        # "申请的项目叫什么": 项目名称)
        asked = _without_row(question, row, cells)
        for word in (lambda label: label[-2:], lambda label: label[:2]):
            found = found or next(((label, value, clause) for label, value, clause in cells if _LABEL.fullmatch(label)
                                   and len(label) >= 3 and word(label) in asked and value and value not in question
                                   and not re.search(r"\d", value)), None)
        dated = f"{row.text} {p.title}"  # a caption naming no year: the report's title does (唐山's 通报)
        if found and RANK_ASKED.search(question) and _of_another_year(question, dated):
            # "杏花岭区上年排第几?": last year's rank, not the row's own: its 上年位次 column, else the passages
            found = next(((label, value, clause) for label, value, clause in cells if prior_rank_label(label)
                          and value and _the_year_before(question, dated)), None)
        if found and _COUNTED.search(question) and not re.search(r"\d", found[1]):
            found = None  # "无人机操控课程开班期数" asks the row's count, not its 课程类别 a loose label matched
        if found and _DAY_ASKED.search(question) and (clock := _CLOCK_AFTER.search(found[1])):
            found = (found[0], found[1][:clock.start()], found[2])  # "是哪天": 2026-09-15, not its 15:00 too
        if found:
            label, value, clause = found
            return Answer(question, f"{value}。原文:“{clause}”", value, True,
                          (Citation(p.source, p.title, p.date, row.number, row.text, clause, p.score),))
    return None


def _without_row(question: str, row, cells) -> str:
    """The question without the row's name and the cell it names the row by: what is left asks the column."""
    for name in [row.head, *(v for _, v, _ in cells if _NAMED_CELL.fullmatch(v or ""))]:
        for written in (name, re.sub(r"[“”\"]", "", name or "")):
            if written and written in question:
                question = question.replace(written, " ")
    return re.sub(r"“[^”]*”", " ", question)


# "哪个项目拿了国创赛山东省赛金奖?": the row whose cells hold the grade (and the contest) the question names.
_WHICH_ROW = re.compile(r"哪(?:个|一个|支)?(?:项目|团队|作品|实践团)|什么项目")
_GRADE = re.compile(r"[一二三特]等奖|[金银铜]奖|优秀奖")


def row_named_by_cells(question: str, passages, paragraph_text) -> Answer | None:
    """The one row of a table whose cells hold the grade the question names and most of its other words (the
    contest), cited; None when no row or more than one fits. A prize table's rows are the projects
    ("大葱智能收获机获奖等级金奖;大葱智能收获机赛事中国国际大学生创新大赛(2024)山东省赛")."""
    grade = _GRADE.search(question)
    if not (_WHICH_ROW.search(question) and grade):
        return None
    for p in passages[:ASKED_TOP]:
        rows = _table(p, paragraph_text)
        graded = [r for r in rows if any(c.endswith(grade.group()) for c in cells_of(r.text, _prefix(r.text) or ""))]
        if len(rows) < 3 or not graded:
            continue
        scored = sorted(((_overlap(question, r), r.number, r) for r in graded), key=lambda t: (-t[0], t[1]))
        if len(scored) > 1 and scored[0][0] == scored[1][0]:
            return None  # two projects of that grade the question does not tell apart
        row = scored[0][2]
        if scored[0][0] - _overlap(grade.group(), row) < 2:  # the question names nothing of it but the grade: another
            continue                                        # contest's (历下青创大赛一等奖 is no row of 济大's table)
        clause = next(c for c in cells_of(row.text, _prefix(row.text) or "") if c.endswith(grade.group()))
        return Answer(question, f"{row.head}。原文:“{clause}”", row.head, True,
                      (Citation(p.source, p.title, p.date, row.number, row.text, clause, p.score),))
    return None


def _overlap(question: str, row: Row) -> int:
    """Two-character runs of the question in the row's cells past its head (its contest, college)."""
    rest = row.text.replace(row.head, "")
    return sum(question[i:i + 2] in rest for i in range(len(question) - 1))


def _the_year_before(question: str, row_text: str) -> bool:
    """The question asks of the year before the table's: 上年, or that year by its number ("2023年度…排第几" of a 2024
    ranking, as a follow-up rewrites 上年)."""
    asked = {int(y) for y in re.findall(r"(?:19|20)\d{2}", question)}
    own = {int(y) for y in re.findall(r"(?:19|20)\d{2}", row_text)}
    return not asked if PRIOR_ASKED.search(question) else bool(asked) and all(y + 1 in own for y in asked)


def _of_another_year(question: str, row_text: str) -> bool:
    """The question asks of a year before the table's (上年, or a year its caption does not name)."""
    years = set(re.findall(r"(?:19|20)\d{2}", question))
    return bool(PRIOR_ASKED.search(question)) or bool(years and not years & set(re.findall(r"(?:19|20)\d{2}", row_text)))


_LABEL = re.compile(r"[\u4e00-\u9fff]{2,8}")
_COUNTED = re.compile(r"(?:期数|人数|人次|次数|个数|数量|场次|时长|金额)[??]?$")  # a row's count asked, no 多少 said
_DAY_ASKED = re.compile(r"哪天|哪一天|几号|几月几[日号]|什么日期")
_CLOCK_AFTER = re.compile(r"\s+\d{1,2}:\d{2}(?::\d{2})?$")
_NOTE = re.compile(r"备注|说明")  # a column of notes, whose text holds figures (结业学员中9人开设网店)
_ROW_LINE = re.compile(r"[^;]{2,};[^;]{2,};")  # a passage that is a table's row line: two clauses at least


def _names(question: str, head: str) -> bool:
    """The question names the row: its quoted name ("社区心理护航") or its whole head without quotes; a row keyed by a
    code or a day, by its key ("SX25-08", "7月16日") or by its name after it ("乡村振兴研学")."""
    quoted = _QUOTED.search(head)
    bare = _QUOTED.sub(r"\1", head)
    if bool(quoted and quoted.group(1) in question) or (len(head) >= 3 and bare in question) or \
            (len(short := _SUFFIX.sub("", bare)) >= 2 and short != bare and short in question):
        return True
    key = KEY_CELL.match(bare)  # a row's key before its name (ingest/tables.py _keyed)
    return bool(key) and (key.group(1) or key.group()) in question or \
        bool(key) and len(rest := bare[key.end():]) >= 3 and rest in question


def _cells(rows: list[Row]) -> dict[int, list[tuple[str, str, str]]]:
    """Per row (paragraph number): (label, value, clause) of each cell; a column's label is what all its cells share
    after their row's head."""
    prefix = _prefix(rows[0].text) or ""  # the caption every row of the table starts with
    split = {r.number: cells_of(r.text, prefix) for r in rows}
    width = {len(cells) for cells in split.values()}
    if len(width) != 1:
        return _labelled(rows, split)
    out: dict[int, list[tuple[str, str, str]]] = {r.number: [] for r in rows}
    for column in range(width.pop()):
        rest = {r.number: split[r.number][column].removeprefix(r.head) for r in rows}
        label = _label(list(rest.values()))
        for n, text in rest.items():
            out[n].append((label, text[len(label):].strip(), split[n][column]))
    return out


def _label(values: list[str]) -> str:
    """What a column's cells share after their rows' heads: 位次第1名, 位次第10名: 位次; dates all of one year
    (2026/3/27, 2026/10/23) share no label's "2026/"."""
    return re.sub(r"[\d/.\-]+$", "", re.sub(r"第\d*$", "", os.path.commonprefix(values)))


def _labelled(rows: list[Row], split: dict) -> dict[int, list[tuple[str, str, str]]]:
    """Rows of several widths (a 台账's 小计 rows, a 备注 some rows leave empty): the labels of the widest rows' columns,
    each row's cells read by the label they start with."""
    widest = max(len(cells) for cells in split.values())
    found = set()
    for column in range(widest):  # each column's label from every row as wide (more rows: fewer shared values)
        wide = [r for r in rows if len(split[r.number]) > column]
        if len(wide) >= 2 and len(wide) >= len(rows) // 3:
            found.add(_label([split[r.number][column].removeprefix(r.head) for r in wide]))
    labels = sorted(found - {""}, key=len, reverse=True)
    out: dict[int, list[tuple[str, str, str]]] = {}
    for r in rows:
        out[r.number] = []
        for cell in split[r.number]:
            rest = cell.removeprefix(r.head)
            label = next((lab for lab in labels if rest.startswith(lab)), "")
            if label:
                out[r.number].append((label, rest[len(label):].strip(), cell))
    return out
