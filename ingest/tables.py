"""Table rows as sentences that carry their headers: one line (so one paragraph, cited as such) per data row.

A table is a grid of (key, text) cells, a merged cell repeating its key over the positions it covers (python-docx
repeats merged cells; HTML colspan/rowspan are expanded the same way), read once per row. With header row
[地区, 2021年, 2022年] and row [曲阳县, 3120, 3560] the row reads "曲阳县2021年3120;曲阳县2022年3560。": each cell is
one clause naming its row and column, since answers are chosen clause by clause (with "曲阳县:2021年3120;2022年3560"
the model took a later column's question to the first column's figure more often). A unit in a header's
parentheses follows the figure ("注册志愿者(人)" -> "注册志愿者3120人"), as does one the caption states
("单位:万元"). A short caption or paragraph just before the table (≤ 30 characters, not a sentence; "表1" dropped)
opens every row, so the row names its indicator. A leading 序号 column is dropped, so the label beside it names the
row. Empty cells are skipped; a 合计 row is a row like the others.
Tables that are not data tables (no figure, long text: layout) are left to the caller.
"""
from __future__ import annotations

import re
import unicodedata

CAPTION_CHARS = 40
MAX_POSITIONS = 100_000  # grid positions an HTML table may expand to
CELL_CHARS = 60  # a data table's cells are labels and figures, not paragraphs
_NUMBER = re.compile(r"[约近超逾]?[-+]?\d[\d,]*(?:\.\d+)?\s*(?:万|亿|千)?\s*(?:[%‰]|[\u4e00-\u9fff]{1,2})?(?:余|多|以上|左右)?")
_YEAR = re.compile(r"(?:19|20)\d{2}\s*年(?:度|底|末|初)?|(?:19|20)\d{2}(?:[-—~至](?:19|20)?\d{2})?年?")
_UNIT = re.compile(r"\s*[((](?:单位[::]\s*)?([^()(),,;;\d]{1,4})[))]\s*$")  # not "其他乡镇(9个)": a count
# "单位:万元"; "单位:名、个、万名、万小时" lists the units of several columns, which it does not match to them: none
# not who compiled it: "编制单位:共青团临沂市委员会" names no unit (blind set 60's budget read 共青团临 as one)
_CAPTION_UNIT = re.compile(r"[((]?\s*(?<!编制|填报|报送|制表|填表|主办|承办|责任|申报|推荐|工作|所在|发布|来文)单位\s*[::]\s*([^\s()(),,;;。、/]{1,4}(?:[、/][^\s()(),,;;。、/]{1,4})*)\s*[))]?")
# "表1 ", "附表2:", "表 " (a caption numbering none: "表 2024年宜春学院…", whose 2024 is its year, not its number)
_TABLE_NO = re.compile(r"^(?:附?表\s*(?:[\d一二三四五六七八九十]+(?![\d年])(?:[-.]\d+)?)?[\s.、::]*|附表\s*[::]\s*)")


def norm(text: str) -> str:
    return " ".join(fold(text).replace("\u3000", " ").split())


CIRCLED = re.compile("[\u2460-\u2473\u24ea\u2776-\u2793]")  # ① … ⑳, ❶ …
_CIRCLED_SPLIT = re.compile(f"({CIRCLED.pattern})")


def fold(text: str) -> str:
    """NFKC (full-width digits, letters and punctuation as ASCII) but for circled numbers: a footnote mark
    ("宝鸡高新区①", "合计③") or an item mark would otherwise become a digit glued to the figures around it."""
    if not CIRCLED.search(text):
        return unicodedata.normalize("NFKC", text)
    parts = _CIRCLED_SPLIT.split(text)
    return "".join(part if i % 2 else unicodedata.normalize("NFKC", part) for i, part in enumerate(parts))


def is_number(cell: str) -> bool:
    """A figure ("3120", "7371.5万名", "12.5%"), not a year label ("2021年", "2021")."""
    return bool(cell) and bool(_NUMBER.fullmatch(cell)) and not _YEAR.fullmatch(cell)


def is_data_table(grid: list[list[tuple]]) -> bool:
    texts = [norm(t) for row in grid for _, t in row]
    return (len(grid) >= 2 and max(len(r) for r in grid) >= 2 and all(len(t) <= CELL_CHARS for t in texts)
            and any(is_number(t) for t in texts))


def caption_of(text: str) -> tuple[str, str]:
    """(caption to prefix, unit it states) from a caption or the paragraph before a table; ("", "") if unfit."""
    text = norm(text)
    unit = m.group(1) if (m := _CAPTION_UNIT.search(text)) and not re.search(r"[、/]", m.group(1)) else ""
    unit = "" if keyed_units(text) else unit  # "金额单位:元 人数单位:名": each column's, none the table's
    # "按综合得分由高到低排列如下(位次变化与2023年度考评相比):": the year in brackets is a comparison's, not the rows'
    text = _TABLE_NO.sub("", _CAPTION_UNIT.sub("", _COMPARED.sub("", text))).strip(" ::,,")
    if len(text) > CAPTION_CHARS or (text and text[-1] in "。!?;!?;"):
        return "", unit
    return text, unit


# Units a caption gives by what they measure ("金额单位:元 人数单位:名"): a column whose label names the measure (资助
# 人数, 金额大写) or, for money, a sum of it (资助标准) takes its unit; the first had been every column's (资助人数54元).
_KEYED_UNIT = re.compile(r"(金额|资金|人数|数量|时长|面积|人次)单位\s*[::]\s*([^\s()(),,;;。、/]{1,4})")
_MONEY_LABEL = re.compile(r"金额|资金|经费|标准|补贴|补助|款")


def keyed_units(caption: str) -> dict[str, str]:
    return dict(_KEYED_UNIT.findall(norm(caption)))


def _unit_keyed(name: str, keyed: dict[str, str]) -> str:
    for key, unit in keyed.items():
        if key in name or (key in ("金额", "资金") and _MONEY_LABEL.search(name)):
            return unit
    return ""


_COMPARED = re.compile(r"[((][^()()]*(?:相比|比较|对比|较上年)[^()()]*[))]")


def numbered(text: str) -> str:
    """The text if it is a numbered caption ("表1 2021—2023年各县注册青年志愿者人数"), else ""."""
    return text if _TABLE_NO.match(norm(text)) else ""


def _label(header: str) -> tuple[str, str]:
    """'注册志愿者(人)' -> ('注册志愿者', '人'); '2021年' -> ('2021年', ''); '综合得分' -> ('综合得分', '分')."""
    if m := _FULL_MARKS.search(header):  # "基础团务(40分)": its full marks; the figures under it are 分
        return header[:m.start()].strip(), "分"
    m = _UNIT.search(header) or _UNIT_NOTED.search(header)  # "注册青年志愿者(名,截至6月底)": 名, as of a date
    if m and not _NAMED_TOO.fullmatch(m.group(1).strip()):  # "社区(村)": another name for the column, no unit
        return header[:m.start()].strip(), m.group(1).strip()
    return header, "分" if _SCORE.search(header) else ""


_NAMED_TOO = re.compile(r"(?:含|不含|其中)?.{0,2}(?:村|社区|镇|乡|街道|区|县|市|州|省|校|园区|企业|单位)")
_UNIT_NOTED = re.compile(r"\s*[((](?:单位[::]\s*)?([^()(),,;;]{1,4})[,,;;][^()()]{1,12}[))]\s*$")
# a score's column: its figures are 分 (综合得分 95.6: 95.6分); so are a 通报's points added or taken (加分 3.0: 3.0分)
_SCORE = re.compile(r"(?:得分|评分|分数|总分|基础分|加分|扣分|减分|附加分|奖励分|分值|满分|权重分)$")
_FULL_MARKS = re.compile(r"\s*[((](?:满分)?\d+(?:\.\d+)?分[))]\s*$")  # "(40分)": the part's full marks


def lines_of(grid: list[list[tuple]], before: list[str], caption: str = "") -> list[str]:
    """A data table: a line per row carrying its headers; any other table: its cells' text, a line per row.
    before: the lines read so far (the last one is the caption when the table has none of its own)."""
    grid, inside = _title_rows(grid)
    if inside:  # a title (and a unit line) merged across the table's top: its caption, over any line before it;
        # kept as lines too ("表1单位是啥": 单位:人、个)
        named = [t for t in inside if not _FORM_FIELD.match(t)]  # "填报单位:…;统计截至:…" says who filed it
        caption = " ".join(named) if not caption else f"{caption} {' '.join(named[1:])}".strip()
        return inside + lines_of(grid, before, caption)
    if pairs := label_pairs(grid):
        return pairs
    if is_data_table(grid):
        return row_lines(grid, caption or _caption_before(before))
    if labelled := _labelled_rows(grid):
        return labelled
    return [" ".join(text for j, (key, text) in enumerate(row) if not j or key is not row[j - 1][0]) for row in grid]


def label_pairs(grid: list[list[tuple]]) -> list[str]:
    """A grid of labels and values side by side ("索引号: | 11371300… | 主题分类: | 建议提案办理", a 信息公开 block): a
    line per pair, "索引号:11371300…"; [] for any other grid."""
    rows = [[text.strip() for j, (key, text) in enumerate(row) if not j or key is not row[j - 1][0]] for row in grid]
    if not rows or any(len(r) % 2 or not r for r in rows):
        return []
    labels = [r[i] for r in rows for i in range(0, len(r), 2)]
    if not all(re.fullmatch(r"[\u4e00-\u9fff\s]{2,8}[::]", norm(label)) for label in labels):
        return []
    return [f"{norm(r[i]).rstrip('::').replace(' ', '')}:{r[i + 1]}" for r in rows for i in range(0, len(r), 2) if r[i + 1]]


def _title_rows(grid: list[list[tuple]]) -> tuple[list[list[tuple]], list[str]]:
    """The grid without the rows at its top that are one cell merged across it ("表1 2024年各县(市、区)共青团基础
    数据", "单位:人、个"), and their texts: a caption and a unit line written inside the table, not its header."""
    inside = []
    while len(grid) > 2 and len(grid[0]) > 1 and all(key is grid[0][0][0] for key, _ in grid[0]):
        inside.append(norm(grid[0][0][1]))
        grid = grid[1:]
    return grid, [t for t in inside if t]


def _caption_before(before: list[str]) -> str:
    """The last line before a table; a line stating units alone ("单位:名、个、万小时") with the caption above it."""
    lines = [line for line in before[-2:] if line.strip()]
    if len(lines) == 2 and (m := _CAPTION_UNIT.search(norm(lines[1]))) and not _TABLE_NO.sub("", _CAPTION_UNIT.sub(
            "", norm(lines[1]))).strip(" ::,,"):
        return f"{lines[0]} {norm(lines[1])[m.start():]}"
    if len(lines) == 2 and not _CAPTION_UNIT.search(norm(lines[1])) and (m := _INTRODUCED_UNIT.search(norm(lines[0]))):
        return f"{lines[1]} {m.group(1)}"  # "…结果见表1(单位:%)。" over the caption: the unit is the table's
    return lines[-1] if lines and not _FORM_FIELD.match(norm(lines[-1])) else ""


# A form's field above its table (填报日期:2025年6月20日, 填 报 人:程可馨) says who filed it, not what the rows are.
_FORM_FIELD = re.compile(r"(?:填\s*报|填\s*表|制\s*表|审\s*核|编\s*制|报\s*送|统\s*计)\s*(?:单\s*位|人|日\s*期|时\s*间)?\s*[::]")


# The sentence introducing a table gives its unit: "结果见表1(单位:%)".
_INTRODUCED_UNIT = re.compile(r"见(?:下)?表\s*\d*\s*[((]\s*(单位\s*[::]\s*[^\s()(),,;;。、/]{1,4})\s*[))]")


def _labelled_rows(grid: list[list[tuple]]) -> list[str]:
    """A table of names under labels ("奖项 | 项目名称 | 学院 | 项目负责人"): a sentence per row, each cell after its
    label ("…,学院为软件学院,项目负责人为亓梓涵。"), as a report would write it; [] for any other table."""
    labels = [norm(t) for _, t in grid[0]]
    rows = [[norm(t) for _, t in row] for row in grid[1:]]
    if len(labels) < 3 or not rows or len(set(labels)) < len(labels) \
            or any(not t or len(t) > 12 or is_number(t) for t in labels) \
            or any(len(row) != len(labels) or any(len(t) > CELL_CHARS for t in row) for row in rows):
        return []
    if (who := _column(labels, _NAME_HEAD)) is not None:
        return [_person_row(labels, row, who) for row in rows if any(row)]
    return [",".join(f"{label}为{text}" for label, text in zip(labels, row) if text) + "。" for row in rows if any(row)]


_NAME_HEAD = re.compile(r"姓名|名字|人员姓名")
_ORG_HEAD = re.compile(r"(?:工作|所在|所属)?单位|所在学院|学院|工作单位及职务")
_ROLE_HEAD = re.compile(r"职务|岗位|职务/岗位|职务(职称)|职位|身份")
_HONOUR_HEAD = re.compile(r"(?:所获|获得)?(?:荣誉|荣誉称号|称号|奖项|表彰|表彰类别|获奖情况)")


def _column(labels: list[str], head: re.Pattern) -> int | None:
    return next((j for j, label in enumerate(labels) if head.fullmatch(label)), None)


def _person_row(labels: list[str], row: list[str], who: int) -> str:
    """A row of a table of people ("姓名 | 单位 | 职务 | 荣誉") as a report names a person: unit, post and name, then
    what they won ("大西街道团工委书记岳晴川获得沈阳市优秀共青团干部"), so the post reads as the role before the name."""
    org, role, honour = (_column(labels, h) for h in (_ORG_HEAD, _ROLE_HEAD, _HONOUR_HEAD))
    lead = "".join(row[j] for j in (org, role) if j is not None) + row[who]
    said = f"{lead}获得{row[honour]}" if honour is not None and row[honour] else lead
    rest = [f"{label}为{text}" for j, (label, text) in enumerate(zip(labels, row)) if text and j not in (who, org, role, honour)]
    return ",".join([said, *rest]) + "。"


def row_lines(grid: list[list[tuple]], caption: str = "") -> list[str]:
    """One line per row of a data table; caption: its caption or the paragraph just before it."""
    prefix, table_unit = caption_of(caption)
    # a cell's own ";" ("上年第5;与莱芜区并列") is no clause break: the row's clauses are its cells
    rows = _split_pairs([[(key, norm(text).replace(";", "、")) for key, text in row] for row in grid if row])
    width = max(len(r) for r in rows)
    numbers = [sum(is_number(t) for _, t in r) for r in rows]
    header = None
    if len(rows) >= 2 and numbers[0] <= len(rows[0]) / 3 and max(numbers[1:]) > numbers[0]:
        labels = [t for _, t in rows[0]]
        if len(rows) >= 3 and (under := _under_merged(rows[0], rows[1])):  # a second header row
            labels, rows = under, rows[1:]
        elif len(rows) >= 3 and not numbers[1] and _filled(rows[1]) > _filled(rows[0]):  # a pivot table's "求和项:… |
            labels, rows = [t for _, t in rows[1]], rows[1:]  # 列标签" over its "行标签 | 圆梦行动 | …": the fuller one
        header = _of_whole([_label(t) for t in labels]) + [("", "")] * (width - len(labels))
        if keyed := keyed_units(caption):
            header = [(name, unit or _unit_keyed(name, keyed)) for name, unit in header]
        rows = rows[1:]
    if _serial(rows, header):  # "序号 | 指标 | 目标 | 完成": the row is named by its 指标, not by its number
        # ...and a total by its 序号 cell: "| 合计 | 11个 | 20个 |…" (Markdown cannot merge 合计 over both)
        rows = [[r[0], *r[2:]] if _TOTAL_CELL.fullmatch(r[0][1]) else r[1:] for r in rows]
        header = header[1:] if header else None
    units = [""] * len(rows)  # each row's own unit, from a column of units
    if (column := _unit_column(header, rows)) is not None:  # "指标 | 单位 | 2023年 | 2024年": it goes with the row's figures
        units = [r[column][1] if len(r) > column else "" for r in rows]
        rows = [[*r[:column], *r[column + 1:]] for r in rows]
        header = [*header[:column], *header[column + 1:]]
    if (long := _long_form(header, rows)) is not None:  # "县(区) | 季度 | 指标 | 数值": a row a figure
        return [_opened(prefix, "", _long_line(row, header, unit or table_unit, *long)) for row, unit in zip(rows, units)
                if any(text for _, text in row)]
    if _ranked(rows, header):  # "排名 | 县市 | …": the row is named by its 县市, its rank one of its cells
        rows = [[r[1], r[0], *r[2:]] for r in rows]
        header = [header[1], header[0], *header[2:]]
    if _numbered_in_groups(rows, header):  # "等次 | 序号 | 项目名称 …", 金奖 merged down over 1, 2, 3: named by the 项目名称
        rows, header = [[r[0], r[2], r[1], *r[3:]] for r in rows], [header[0], header[2], header[1], *header[3:]]
    groups = [""] * len(rows)  # each row's group, from a column of groups before the rows' own labels
    if _grouped(rows, header):  # "学科类别 | 学院 | 团员…", 理工类 merged down over its 学院: the row is its 学院
        groups = [r[0][1] if r[1][0] is not r[0][0] else "" for r in rows]
        rows = [r[1:] for r in rows]  # a 合计 merged across both keeps its name in the second
        header = header[1:] if header else None
    named = _keyed(rows, header)  # "SX25-08 | “健康乡村”义诊队 | …", "7月16日(星期三) | 乡村振兴研学 | …"
    firsts = [r[0][1] for r in rows if len(r) > 1]
    row_heads = bool(firsts) and sum(not bare_figure(t) for t in firsts) >= 0.8 * len(firsts)
    # Indicators as rows ("实际发展团员(名)"), the bodies as columns (历下区 | 市中区 | …): each clause names the body
    # first, as a report writes it ("历下区实际发展团员2,786名"), the indicator without its unit
    bodies = [label for label, _ in (header or [])[1:] if label]
    transposed = (row_heads and sum(bool(_label(t)[1]) for t in firsts) >= len(firsts) / 2 and len(bodies) >= 2
                  and sum(bool(_BODY.search(b)) for b in bodies) >= 0.8 * len(bodies))
    lines, parent = [], ""
    for row, unit, group in zip(rows, units, groups):
        cells = [(j, key, text) for j, (key, text) in enumerate(row) if j == 0 or key is not row[j - 1][0]]
        cells = [c for c in cells if c[2]]
        if not cells:
            continue
        head = cells[0][2] if row_heads and cells[0][0] == 0 else ""
        if (part := _PART_ROW.fullmatch(head)) and parent:  # "其中:澳门居民青年" under 横琴合作区: a part of it
            head = f"{parent}其中{part.group(1)}"
        elif head:
            parent = _label(head)[0]
        if group and _SUBTOTAL.fullmatch(head):  # "理工类 | 小计": the group's subtotal names its group
            head, group = group + head, ""
        values = cells[1:] if head else cells
        # "志愿服务时长(万小时)": the row's figures are in 万小时; "其他学院(部)" names no unit
        row_unit = unit or (_label(head)[1] if _UNIT_CELL.fullmatch(_label(head)[1]) else "")
        if transposed and header:  # body, indicator, figure: "历下区" + "实际发展团员" + "2,786名"
            indicator = _label(head)[0]
            lines.append(_opened(prefix, group, ";".join(
                _join(header[j][0], indicator + _cell(("", ""), text, row_unit or table_unit)) for j, _, text in values)))
            continue
        parts = [(j, _cell(header[j] if header else ("", ""), text, row_unit or table_unit)) for j, _, text in values]
        # Each cell its own clause that names its row: answers are chosen clause by clause (app/engine/answer.py);
        # a row keyed by a code or a date is named by its name too ("SX25-08“健康乡村”义诊队队员18人")
        full = _join(head, row[1][1]) if named and head and len(row) > 1 and row[1][0] is not row[0][0] else head
        line = ";".join(_join(full, p) for _, p in parts if p) or head
        lines.append(_opened(prefix, group, line))
    return lines


_PART_ROW = re.compile(r"其中\s*[::]?\s*(\S.*)")
_INDICATOR_HEAD = re.compile(r"指标|指标名称|统计指标|统计项目|项目")
_VALUE_HEAD = re.compile(r"数值|数据|数量|值|完成数|完成值|统计值")


def _long_form(header: list | None, rows: list) -> tuple[int, int] | None:
    """A table a figure a row ("县(区) | 季度 | 指标 | 数值 | 备注", an export one can filter): (the indicator's column,
    the figure's), or None. Read cell by cell, a row said "古城区指标新发展团员;古城区数值98名"."""
    labels = [label for label, _ in header or []]
    indicator = [j for j, label in enumerate(labels) if _INDICATOR_HEAD.fullmatch(label)]
    value = [j for j, label in enumerate(labels) if _VALUE_HEAD.fullmatch(label)]
    # a column of keys before the indicator (县区, 季度), and the figures in no column but the value's
    if len(indicator) != 1 or len(value) != 1 or not 0 < indicator[0] < value[0] or len(rows) < 2:
        return None
    figures = [j for j in range(len(labels)) if _mostly_figures([r[j][1] for r in rows if len(r) > j and r[j][1]])]
    return (indicator[0], value[0]) if figures == value else None


def _mostly_figures(cells: list[str]) -> bool:
    return bool(cells) and sum(map(is_number, cells)) >= 0.8 * len(cells)


def _long_line(row: list[tuple], header: list, unit: str, indicator: int, value: int) -> str:
    """A row of a figure-a-row table as a report says it: "古城区一季度新发展团员98名", then its other cells
    ("…备注含“五四”集中入团仪式68名")."""
    texts = [text for _, text in row] + [""] * (len(header) - len(row))
    named = "".join(t for j, t in enumerate(texts[:indicator]) if t) + texts[indicator]
    head = _join(named, _cell(("", header[value][1]), texts[value], unit)) if texts[value] else named
    rest = [_join(named, _cell(header[j], t, "")) for j, t in enumerate(texts) if t and j > value]
    return ";".join([head, *rest])


def _filled(row: list[tuple]) -> int:
    return sum(bool(text.strip()) for _, text in row)


def _opened(prefix: str, group: str, line: str) -> str:
    lead = ",".join(t for t in (prefix, group) if t)
    return (f"{lead},{line}" if lead else line).rstrip("。;;") + "。"


_SUBTOTAL = re.compile(r"小计|合计|总计|计")
# A column's label that names a body (a place, a college, an office), not a year or a measure: 历下区, 济南高新区, 合计.
_BODY = re.compile(r"(?:区|县|市|镇|乡|街道|学院|学部|大学|旗|州|盟|团委|工委|局|中心|公司|合计|总计)$")


def _grouped(rows: list[list[tuple]], header: list | None) -> bool:
    """A leading column of groups (each merged down over, or repeated beside, several rows) before a column of the
    rows' own labels: "学科类别 | 学院 | 团支部…", 理工类 over 信息科学与工程学院, 机械工程学院…; 铜川 over its
    indicators in a long table."""
    rows = [r for r in rows if len(r) >= 3 and r[1][0] is not r[0][0]]  # a 合计 merged across both is no member
    if not header or len(header) < 3 or len(rows) < 4:
        return False
    groups = [r[0][1] for r in rows]
    labels = [r[1][1] for r in rows]
    return (all(g and not is_number(g) for g in groups) and len(set(groups)) <= len(rows) / 2
            and sum(bool(t) and not is_number(t) for t in labels) >= 0.8 * len(rows)
            and len(set(labels)) >= 0.8 * len(rows))


def _under_merged(top: list[tuple], row: list[tuple]) -> list[str] | None:
    """The labels of a header of two rows: a cell merged across columns ("2024年完成情况") over the columns' own
    labels (新发展团员(名) | 注册志愿者(名)), each column's two joined; a cell merged down (县(区), 综合得分) once.
    None when the row under it is no header (it holds a figure, or nothing is merged across above it)."""
    if len(row) != len(top) or any(is_number(t) for _, t in row):
        return None
    across = [j for j in range(1, len(top)) if top[j][0] is top[j - 1][0] and row[j][0] is not row[j - 1][0]]
    if not across:
        return None
    # the merged label only where a column's own label is not enough ("2023年|2024年" over 团员|志愿者 each):
    # each row's clause names it before every figure, words a question rarely says; but a year it names always
    # ("2024年" over 计划 | 完成 beside "2025年目标": the plan and the result are 2024's)
    own = [t if key is top_key or not text else text for (top_key, t), (key, text) in zip(top, row)]
    return [_under(t, label, own) if label != t else label for (_, t), label in zip(top, own)]


def _under(top: str, label: str, own: list[str]) -> str:
    """A column's label under a merged one: joined with it where its own is not enough, and in the merged label's
    unit when it states none ("团员发展(名)" over 计划 | 实际: "团员发展计划(名)")."""
    (above, unit), (name, own_unit) = _label(top), _label(label)
    if own.count(label) > 1 or _YEAR.fullmatch(top) or _GENERIC.fullmatch(name) or _TIME_LABEL.fullmatch(name):
        label = _join(above if unit else top, label)
    return f"{label}({unit})" if unit and not own_unit else label


# A column's own label that is a time alone ("2025年1—10月", "2026年10月底" under 新发展团员(名)): it names no thing.
_TIME_LABEL = re.compile(r"(?:19|20)\d{2}\s*年(?:底|末|初)|(?:(?:19|20)\d{2}\s*年)?(?:\d{1,2}\s*[—\-–~至]\s*\d{1,2}\s*月(?:份)?|\d{1,2}\s*月(?:底|末|份)?|"
                         r"年底|年末|年初|上半年|下半年|全年|前三季度|[一二三四]季度)")
# A column's own label that names no thing of its own ("团员发展" over 计划 | 实际 | 完成率, "青年之家" over 总数 |
# 其中新建): the merged label above it goes with it ("青年之家总数").
_GENERIC = re.compile(r"(?:其中)?(?:计划|实际|完成|完成数|完成率|总数|数量|人数|个数|次数|人次|新建|新增|累计|合计|小计|目标|"
                      r"金额|时长|同比|增长|增幅|占比|比例|得分|同比增长|同比增减|(?:较|比)(?:上年|年初)(?:增减|增长|增加))")


_TOTAL_CELL = re.compile(r"\s*(?:合\s*计|总\s*计|小\s*计|共\s*计|全[市省区县州]合计)\s*")
_SERIAL_HEAD = re.compile(r"序号|编号|序|no\.?|#", re.I)


def bare_figure(text: str) -> bool:
    """A cell that is nothing but a figure: 12355来电 (a hotline's calls) names a row."""
    return bool(re.fullmatch(r"[\d.,%+\-]+", text))


def _numbered_in_groups(rows: list[list[tuple]], header: list | None) -> bool:
    """A column of groups, then row numbers counted within each group, then the rows' labels (blind set 57's
    获奖项目名单: 金奖 1-4, 银奖 1-6 …)."""
    if not header or len(header) < 4 or len(rows) < 4 or any(len(r) < 4 for r in rows):
        return False
    groups, numbers = [r[0][1] for r in rows], [r[1][1] for r in rows]
    restarts = [n for g, n, before in zip(groups, numbers, [None, *groups]) if g != before]
    return (all(g and not is_number(g) for g in groups) and len(set(groups)) <= len(rows) / 2
            and all(n.isdigit() for n in numbers) and set(restarts) == {"1"}
            and sum(not bare_figure(r[2][1]) for r in rows) >= 0.8 * len(rows))


def _of_whole(header: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """A column headed 其中… ("青年之家 | 其中当年新建") is a part of the column before it: named with it
    ("青年之家其中当年新建"), as a report writes it; a run of 其中 columns all go with the one before them."""
    out, whole, counted = [], "", ""
    for name, unit in header:
        if name.startswith("其中") and whole and not (unit and counted and unit != counted):  # 其中五星级(个) is no
            out.append((whole + name, unit))  # part of 服务青少年(人次)
            continue
        # "截至2024年底累计 | 其中:2024年新增": a time, no thing; "占比 | 其中女性": a share, no count of them
        whole, counted = ("" if _WHEN_HEAD.search(name) or _SHARE_HEAD.search(name) else name), unit
        out.append((name, unit))
    return out


_SHARE_HEAD = re.compile(r"占比|比例|比重|[率%]")
_WHEN_HEAD = re.compile(r"累计|截至|截止|\d|(?<![青少])年|月|季度|底$|末$")


def _serial(rows: list[list[tuple]], header: list | None) -> bool:
    """A leading column of row numbers (序号 1, 2, 3…) before a column of labels."""
    if any(len(r) < 3 for r in rows) or (header and not _SERIAL_HEAD.fullmatch(header[0][0])):
        return False
    numbers = [t for (_, t), *_ in rows if t.isdigit()]
    labels = sum(not bare_figure(r[1][1]) for r in rows)
    if labels < 0.8 * len(rows):
        return False
    if len(numbers) >= 2 and numbers == [str(k) for k in range(1, len(numbers) + 1)]:
        return True
    # numbered within groups (1.1, 1.2, 2.1 …), a group's 小计 row unnumbered between them
    outline = [tuple(map(int, t.split("."))) for (_, t), *_ in rows if _OUTLINE_NUMBER.fullmatch(t)]
    return len(outline) >= 2 and outline == sorted(set(outline)) and len(outline) + sum(not t for (_, t), *_ in rows) == len(rows)


_OUTLINE_NUMBER = re.compile(r"\d{1,3}\.\d{1,3}")


# A table of some parts only (its caption: 重点街道(镇), 部分区县, 所列), not 重点工作/重点任务: its 合计 sums its rows alone.
CHOSEN_PARTS = re.compile(r"部分|重点(?!工作|任务|指标|项目)|示范|试点|抽查|所列")
_RANK_HEAD = re.compile(r"(?:全[市省州区县盟]|综合|总)?(?:排名|名次|位次|排序)")  # 全市排名 too


# "团员发展(实际/计划,名)" over "1,688/1,600": two columns in one, 实际 and 计划
_PAIR_HEAD = re.compile(r"(?P<base>[^()()/]+)[((](?P<a>[^()()/,,]{1,4})/(?P<b>[^()()/,,]{1,4})(?:[,,](?P<unit>[^()()]{1,4}))?[))]")
_PAIR_CELL = re.compile(r"[\d,.]+\s*/\s*[\d,.]+|[—\-]?")


# "新发展团员(名)(占全市比重)" over "1,952(8.7%)": a figure and, in brackets, its share
_NOTED_HEAD = re.compile(r"(?P<base>[^()()]+?)(?P<unit>[((][^()()]{1,4}[))])?[((](?P<note>[^()()\d]{2,12})[))]")
_NOTED_CELL = re.compile(r"(?P<a>[\d,.]+)\s*[((](?P<b>[\d.]+%?)[))]|[—\-]?")


def _split_pairs(rows: list[list[tuple]]) -> list[list[tuple]]:
    """Each column whose header names two figures in one ("团员发展(实际/计划,名)", cells "1688/1600"; "新发展团员(名)
    (占全市比重)", cells "1952(8.7%)") as two columns ("团员发展实际(名)", "团员发展计划(名)"; "新发展团员(名)",
    "新发展团员占全市比重"), so each figure is read under its own label."""
    if len(rows) < 3:  # a header and two rows at least
        return rows
    rows = _split_noted(rows)
    for j in reversed(range(len(rows[0]))):
        head = _PAIR_HEAD.fullmatch(rows[0][j][1])
        if not head or not all(len(r) > j and _PAIR_CELL.fullmatch(r[j][1]) for r in rows[1:]):
            continue
        unit = f"({head['unit']})" if head["unit"] else ""
        labels = (f"{head['base']}{head['a']}{unit}", f"{head['base']}{head['b']}{unit}")
        cells = [labels, *(tuple(r[j][1].split("/")) if "/" in r[j][1] else (r[j][1], r[j][1]) for r in rows[1:])]
        rows = [[*r[:j], (r[j][0], a.strip()), (object(), b.strip()), *r[j + 1:]] for r, (a, b) in zip(rows, cells)]
    return rows


def _split_noted(rows: list[list[tuple]]) -> list[list[tuple]]:
    for j in reversed(range(len(rows[0]))):
        head = _NOTED_HEAD.fullmatch(rows[0][j][1])
        cells = [_NOTED_CELL.fullmatch(r[j][1]) if len(r) > j else None for r in rows[1:]]
        if not head or not all(cells) or not any(c["a"] for c in cells):
            continue
        labels = (f"{head['base']}{head['unit'] or ''}", f"{head['base']}{head['note']}")
        split = [labels, *((c["a"], c["b"]) if c["a"] else (c[0], c[0]) for c in cells)]
        rows = [[*r[:j], (r[j][0], a), (object(), b), *r[j + 1:]] for r, (a, b) in zip(rows, split)]
    return rows


# A row's key that is no name: a code (SX25-08, A-01, ZH2025003) or a day (7月16日(星期三)), the day its group.
KEY_CELL = re.compile(r"[A-Za-z]{1,8}[-_]?\d[0-9A-Za-z_-]*|(\d{1,2}月\d{1,2}日)(?:[((]星期.[))])?")


def _keyed(rows: list[list[tuple]], header: list | None) -> bool:
    """A leading column of keys (codes or days), or of groups several rows share (a 台账's 县(市、区) over one row per
    applicant), before a column of the rows' names, each its own: staff ask a row by its name ("健康乡村团队去哪里实践",
    "许嘉豪贷了多少") as often as by its key."""
    rows = [r for r in rows if len(r) >= 3 and not _TOTAL_CELL.fullmatch(r[0][1])]
    keys = [r[0][1] for r in rows]
    if not header or len(rows) < 2 or not (all(KEY_CELL.fullmatch(k) for k in keys) or len(set(keys)) < len(keys)):
        return False
    names = [r[1][1] for r in rows]
    if not all(len(t) >= 2 and not is_number(t) and len(t) <= CELL_CHARS for t in names):
        return False
    # ...or a few categories each group splits into (米脂县 | 本科, 米脂县 | 高职(专科)): the pair names the row
    categories = len(set(names)) <= min(MAX_CATEGORIES, len(names) - 1) and len(set(zip(keys, names))) == len(rows)
    return len(set(names)) == len(names) or (len(set(keys)) < len(keys) and categories)


MAX_CATEGORIES = 4


def _ranked(rows: list[list[tuple]], header: list | None) -> bool:
    """A leading column of ranks (排名 1, 2, 3… or —) before a column of names: 湘西州's 县市 ranking."""
    if not header or len(header) < 2 or not _RANK_HEAD.fullmatch(header[0][0]) or any(len(r) < 3 for r in rows):
        return False
    return sum(not bare_figure(r[1][1]) for r in rows) >= 0.8 * len(rows)


_UNIT_HEAD = re.compile(r"(?:计量)?单位|备注")  # 迁安's 备注 column holds each row's unit and nothing else


# A unit as a table's 单位 column writes it: 名, 万人, 个, 万元, 万小时, %; not a unit's name (蜀山区: "单位" also heads
# a column of the places or bodies ranked, blind set 45's 通报).
_UNIT_CELL = re.compile(r"[万亿千百]?(?:人次|小时|平方米|公里|[名人个元家所支项户件份篇条期届批吨亩天年月日张套台辆座笔位队类种场次间处册本])|%|—|-|")


def _unit_column(header: list | None, rows: list | None = None) -> int | None:
    """The position of a column of units ("单位": 名, 万人, 个), after the row's label; None when there is none."""
    found = [j for j, (label, _) in enumerate(header or []) if j and _UNIT_HEAD.fullmatch(label)]
    # "计量单位" beside a "备注" of notes (运行中, 2021年起建设): the one whose every cell is a unit
    units = [j for j in found if (cells := [r[j][1] for r in rows or [] if len(r) > j])
             and all(_UNIT_CELL.fullmatch(c) for c in cells) and any(cells)]
    return units[0] if len(units) == 1 else None


def is_unit(text: str) -> bool:
    """A cell that is a unit alone (名, 万元, 人次): a table's 单位 or 备注 column."""
    return bool(text) and bool(_UNIT_CELL.fullmatch(text))


def _cell(header: tuple[str, str], text: str, table_unit: str) -> str:
    label, unit = header
    unit = unit or table_unit
    if m := _CHANGED.fullmatch(text):  # "418(+32)": the figure and its change on the year before, in its unit
        own = "" if m["b"].endswith("%") else unit
        text = f"{m['a']}{unit}(较上年{'增加' if m['sign'] == '+' else '减少'}{m['b']}{own})"
    elif unit and re.fullmatch(r"[\d.,+\-]+", text):
        text += unit
    return text if label == text else _join(label, text)


# a figure with its signed change in brackets: 新发展团员(名) "205(-8)", a 说明 saying 括号内为较上年增减数
_CHANGED = re.compile(r"(?P<a>[\d,.]+)\s*[((](?P<sign>[+\-−])(?P<b>[\d,.]+%?)[))]")


def _join(left: str, right: str) -> str:
    """'2021年' + '3120' as one; '2021' + '3120' kept apart, or they would read as one figure."""
    apart = left[-1:].isascii() and left[-1:].isalnum() and right[:1].isascii() and right[:1].isalnum()
    return f"{left} {right}" if apart else left + right
