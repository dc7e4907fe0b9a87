"""A table written as records: one heading per unit, its figures as list items under it (blind set 49's 通报:
"### 第3名 丰南区" over "- 综合得分94.6分,等次“优秀”,上年位次第5名" and "- 新发展团员2,308名(计划2,200名,完成率104.9%);
青年之家52个"). Read back as the table it is, so its rows carry their unit and labels as a Word table's do
(ingest/tables.py) and a question on a rank, a column's top or a row's cell works as it does on a table.

markdown_lines writes a unit heading as "# 第3名 丰南区" and each item under it as "第3名 丰南区:item".

Records written as field lines under a head (a 公示's "【候选人1】 / 姓　　名：段晨曦 / 单位职务：…") are read as a
table too, in any format (field_tables)."""
from __future__ import annotations

import re

from . import tables

MIN_UNITS = 3  # units in a run of records before it is read as a table
_RANK = re.compile(r"第([\d一二三四五六七八九十]{1,3})名\s*")
# "综合得分95.8分", "等次“优秀”", "上年位次第2名", "12355咨询968人次": a label, then one value ending the clause
_PAIR = re.compile(r"(?P<label>.*?[^\d\s.,])\s*(?P<value>第\d{1,3}名|“[^“”]{1,6}”|\d[\d,]*(?:\.\d+)?\s*(?:万|亿)?"
                   r"[^\d\s,;。()()“”]{0,3})")
_BRACKET = re.compile(r"[((]([^()()]*)[))]$")


def as_tables(lines: list[str]) -> list[str]:
    """The lines with each run of unit records replaced by its table's row lines, then the items that hold no
    figures (a remark on the unit) as they were."""
    out, i = [], 0
    while i < len(lines):
        run, end = _run(lines, i)
        table = _table(run, _caption(out)) if len(run) >= MIN_UNITS else None
        if table is None:
            out.append(lines[i])
            i += 1
            continue
        rows, remarks = table
        out += rows + remarks
        i = end
    return out


def _run(lines: list[str], i: int) -> tuple[list[tuple[str, list[str]]], int]:
    """The consecutive unit blocks from line i: (heading, items under it), and the line after them."""
    run = []
    while i < len(lines) and lines[i].startswith("# ") and (unit := lines[i][2:]):
        items, k = [], i + 1
        while k < len(lines) and lines[k].startswith(f"{unit}:"):
            items.append(lines[k][len(unit) + 1:])
            k += 1
        if not items:
            break
        run.append((unit, items))
        i = k
    return run, i


def _caption(before: list[str]) -> str:
    """The heading the records stand under ("二、各区县(市)考评结果")."""
    return next((line[2:] for line in reversed(before) if line.startswith("# ")), "")


def _table(run, caption: str) -> tuple[list[str], list[str]] | None:
    records, remarks = [], []
    for unit, items in run:
        cells: dict[str, str] = {}
        for item in items:
            pairs = pairs_of(item)
            if pairs is None:
                remarks.append(f"{unit}:{item}")
            else:
                cells.update(pairs)
        records.append((unit, cells))
    labels = list(dict.fromkeys(label for _, cells in records for label in cells))
    shared = [label for label in labels if sum(label in cells for _, cells in records) >= 0.8 * len(records)]
    if len(shared) < 2:
        return None
    ranked = all(_RANK.match(unit) for unit, _ in records)
    header = ["单位", *(["位次"] if ranked else []), *labels]
    grid = [header]
    for unit, cells in records:
        rank = _RANK.match(unit)
        name = unit[rank.end():] if rank else unit
        grid.append([name, *([rank.group()] if ranked else []), *(cells.get(label, "") for label in labels)])
    keyed = [[(object(), text) for text in row] for row in grid]
    return tables.row_lines(keyed, caption), remarks


def pairs_of(item: str) -> dict[str, str] | None:
    """An item's label-value clauses ({"综合得分": "95.8分", "新发展团员计划": "2,300名"}), a bracket's clauses under
    the label before it; None when any clause is no such pair (a remark)."""
    found: dict[str, str] = {}
    for clause in _clauses(tables.norm(item)):
        note = _BRACKET.search(clause)
        head = clause[:note.start()] if note else clause
        pair = _PAIR.fullmatch(head)
        if not pair:
            return None
        label, value = pair.group("label").strip(), pair.group("value").strip("“”")
        found[label] = value
        for inner in _clauses(note.group(1)) if note else ():
            if not (sub := _PAIR.fullmatch(inner)):
                return None
            found[label + sub.group("label").strip()] = sub.group("value").strip("“”")
    return found or None


def _clauses(text: str) -> list[str]:
    """The clauses split at , ; outside brackets."""
    out, depth, start = [], 0, 0
    for k, ch in enumerate(text):
        if ch in "((":
            depth += 1
        elif ch in "))":
            depth -= 1
        elif depth == 0 and ch in ",;,;" and not (text[k - 1:k].isdigit() and re.match(r"\d{3}(?!\d)", text[k + 1:])):
            out.append(text[start:k])
            start = k + 1
    out.append(text[start:])
    return [c.strip().rstrip("。") for c in out if c.strip().rstrip("。")]


# "姓　　名：段晨曦": a field of a record written as lines; its label a few Chinese characters, spaced out or not
_FIELD = re.compile(r"\s*([\u4e00-\u9fff](?:[\u4e00-\u9fff\s\u3000]{0,10}[\u4e00-\u9fff])?)\s*[:：]\s*(\S.*)")
_HEAD = re.compile(r"\s*[【\[((]?\s*([^\d【】\[\]()()]{1,8}?)\s*(\d{1,3})\s*[】\]))]?\s*")
MIN_FIELDS = 3  # field lines in a record
_NAMING = ("姓名", "名称", "单位名称", "集体名称")  # the field a record is named by, wherever it stands


# "1．何振邦〔男；1992年3月出生；…；推荐单位：湛江经开区团工委〕": a numbered record, its fields in brackets
_BRACKETED = re.compile(r"\s*\d{1,3}\s*[.．、]\s*([^〔［\[]{2,60}?)\s*[〔［\[]([^〔〕［］\[\]]{4,})[〕］\]]\s*[。;；]?\s*")
_LABELLED = re.compile(r"([\u4e00-\u9fff]{2,6})\s*[:：]\s*(\S.*)")
_SEX = re.compile(r"[男女]")
_BORN = re.compile(r"((?:19|20)\d{2}年\d{1,2}月)(?:出生|生)")


def bracketed_tables(lines: list[str]) -> list[str]:
    """Runs of numbered records whose fields stand in brackets (blind set 58's 公示: "1．何振邦〔男；1992年3月出生；
    宝钢…作业长；推荐单位：湛江经开区团工委〕") read as tables: one row per record named by its name, each field a
    clause under its label (性别, 出生年月, 单位职务 where the record leaves it unnamed)."""
    out, i = [], 0
    while i < len(lines):
        k = i
        while k < len(lines) and _BRACKETED.fullmatch(lines[k]):
            k += 1
        if k - i < 2:
            out.append(lines[i])
            i += 1
            continue
        run = [_bracket_fields(_BRACKETED.fullmatch(line)) for line in lines[i:k]]
        out += _field_rows(run, next((line for line in reversed(out) if line.strip()), ""))
        i = k
    return out


def _bracket_fields(matched) -> tuple[str, list[tuple[str, str]]]:
    """("", [("名称", name), (label, value) …]): unnamed fields labelled by what they hold."""
    fields = [("名称", matched.group(1).strip())]
    for part in (p.strip() for p in re.split(r"[;；]", matched.group(2)) if p.strip()):
        if labelled := _LABELLED.fullmatch(part):
            fields.append((labelled.group(1), labelled.group(2).strip()))
        elif _SEX.fullmatch(part):
            fields.append(("性别", part))
        elif born := _BORN.fullmatch(part):
            fields.append(("出生年月", born.group(1)))
        elif re.search(r"\d", part):
            fields.append(("", part))  # a figure stated ("青年职工38人,占职工总数的76.0%"): its own words
        else:
            fields.append(("单位职务", part))
    return "", fields


def field_tables(lines: list[str]) -> list[str]:
    """Records written as field lines, each under its head or not ("【候选人1】", "姓　　名：段晨曦", "性　　别：男" …,
    blind set 57's 公示), two or more with the same first field in a run: read as the table they are, one row per
    record named by its first field, so "霍佳怡的单位职务" finds the 单位职务 in 霍佳怡's row, not in a line five
    paragraphs on."""
    lines, out, i = bracketed_tables(lines), [], 0
    while i < len(lines):
        run, end = _field_run(lines, i)
        if len(run) < 2:
            out.append(lines[i])
            i += 1
            continue
        out += _field_rows(run, next((line for line in reversed(out) if line.strip()), ""))
        i = end
    return out


def _field_run(lines: list[str], i: int) -> tuple[list[tuple[str, list[tuple[str, str]]]], int]:
    run, first = [], None
    while (block := _field_block(lines, i)) is not None:
        head, fields, end = block
        if first is not None and fields[0][0] != first:
            break
        first = fields[0][0]
        run.append((head, fields))
        i = end
    return run, i


def _field_block(lines: list[str], i: int):
    """(head, [(label, value)], the line after the block and the blank lines after it), or None."""
    head = ""
    if i < len(lines) and not _FIELD.fullmatch(lines[i]) and (matched := _HEAD.fullmatch(lines[i])):
        head, i = f"{matched.group(1)}{matched.group(2)}", i + 1
    fields = []
    while i < len(lines) and (field := _FIELD.fullmatch(lines[i])):
        fields.append((re.sub(r"[\s\u3000]", "", field.group(1)), field.group(2).strip()))
        i += 1
    while i < len(lines) and not lines[i].strip():
        i += 1
    return (head, fields, i) if len(fields) >= MIN_FIELDS else None


def _field_rows(run, caption: str) -> list[str]:
    """One line per record as a table's row line (ingest/tables.py): each field its own clause naming the record
    ("段晨曦单位职务云州区…"), its head ("候选人1") one of them. The header is given: row_lines would not take a
    row of names and dates for one."""
    labels = list(dict.fromkeys(label for _, fields in run for label, _ in fields if label))
    prefix, _ = tables.caption_of(caption)
    key = next((x for x in labels if x in _NAMING), labels[0])  # 姓名, not a form's 编号 above it
    lines = []
    for head, fields in run:
        cells = dict(fields)
        name = cells.get(key, "")
        clauses = [name + head] if head else []
        clauses += [tables._join(name, tables._cell(tables._label(label), tables.norm(cells[label]).replace(";", "、"), ""))
                    for label in labels if label != key and cells.get(label)]
        clauses += [tables._join(name, tables.norm(value)) for label, value in fields if not label]  # unlabelled
        lines.append(tables._opened(prefix, "", ";".join(clauses)))
    return lines
