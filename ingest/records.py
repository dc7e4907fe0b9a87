"""A table written as records: one heading per unit, its figures as list items under it (blind set 49's 通报:
"### 第3名 丰南区" over "- 综合得分94.6分,等次“优秀”,上年位次第5名" and "- 新发展团员2,308名(计划2,200名,完成率104.9%);
青年之家52个"). Read back as the table it is, so its rows carry their unit and labels as a Word table's do
(ingest/tables.py) and a question on a rank, a column's top or a row's cell works as it does on a table.

markdown_lines writes a unit heading as "# 第3名 丰南区" and each item under it as "第3名 丰南区:item"."""
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
