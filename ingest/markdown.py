"""A Markdown report's lines: one per heading, list item or paragraph; pipe tables and fenced blocks read as tables
and charts (ingest/tables.py, ingest/md_fences.py)."""
from __future__ import annotations

import re

from . import md_fences, records, table_grids, tables

# A task list's box: "- [x] 青马班开班" is done, "- [ ]" open; said in words, the mark alone says nothing to a reader.
_TASK = re.compile(r"^\[([ xX])\]\s*")
_MD_MARK = re.compile(r"^\s*(#{1,6}\s+|[-*+]\s+|\d+[.)]\s+|>\s*)")


# A heading that is one unit's name, with its rank before it: "第1名 迁安市", "路南区", "(三)丰南区"
_UNIT_HEADING = re.compile(r"(?:第[\d一二三四五六七八九十]{1,3}名\s*|[((][一二三四五六七八九十]{1,3}[))]\s*)?"
                           r"[\u4e00-\u9fff]{2,12}(?:区|县|市|镇|乡|街道|学院|旗|州|盟)")


def markdown_lines(text: str) -> list[str]:
    """One line per heading, list item or paragraph; soft-wrapped paragraph lines are joined; a pipe table's rows
    carry their headers (ingest/tables.py), as a Word table's do."""
    lines, raw_lines = _front_matter(text.splitlines())
    joinable = False
    body = ""  # a heading naming one unit ("### 第1名 迁安市"): the list items under it are its figures
    i = 0
    while i < len(raw_lines):
        if grid := table_grids.markdown_grid(raw_lines, i):
            lines += tables.lines_of(grid, [line.removeprefix("# ") for line in lines[-2:]])  # a heading: its text
            i += len(grid) + 1  # the header, its rule and the rows
            joinable = False
            continue
        if block := md_fences.fenced(raw_lines, i):
            lines += block[0]
            i += block[1]
            joinable = False
            continue
        stripped = raw_lines[i].strip()
        i += 1
        if not stripped:
            joinable = False
            continue
        marker = _MD_MARK.match(stripped)
        content = table_grids.strip_inline_md(stripped[marker.end():] if marker else stripped)
        content = _TASK.sub(lambda m: "[未完成]" if m.group(1) == " " else "[已完成]", content)
        if marker and marker.group(1).startswith("#"):
            body = content if len(marker.group(1).strip()) >= 2 and _UNIT_HEADING.fullmatch(content) else ""
            content = "# " + content  # keeps the heading recognisable as a title candidate
        elif body and marker and marker.group(1).strip() in "-*+":
            content = f"{body}:{content}"  # "- 综合得分95.8分…" names no unit: its heading's, as a table row would
        if joinable and not marker:
            lines[-1] += content
        else:
            lines.append(content)
        joinable = not marker
    return records.as_tables(lines)


_FRONT_FIELD = re.compile(r"([^:：\s][^:：]{0,15})\s*[:：]\s*(.*)")


def _front_matter(raw_lines: list[str]) -> tuple[list[str], list[str]]:
    """A YAML front matter's fields (文号, 会议时间, 主持人 …) as lines of their own, its title as a heading; then the
    lines after it. It had been joined into one line that began with "---" and was dropped as the title."""
    if not raw_lines or raw_lines[0].strip() != "---":
        return [], raw_lines
    end = next((i for i, line in enumerate(raw_lines[1:40], 1) if line.strip() in ("---", "...")), None)
    fields = [_FRONT_FIELD.fullmatch(line.strip()) for line in raw_lines[1:end or 1] if line.strip()]
    if end is None or not fields or not all(fields):
        return [], raw_lines
    return [f"# {value.strip()}" if key.strip().lower() == "title" else f"{key.strip()}:{value.strip()}"
            for key, value in (f.groups() for f in fields) if value.strip()], raw_lines[end + 1:]
