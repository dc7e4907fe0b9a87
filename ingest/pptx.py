"""PowerPoint decks (.pptx): a 汇报 is often a deck, not a document. Each slide is read top to bottom, left to
right: its title, its text boxes' paragraphs, its tables (ingest/tables.py: a line per row with its headers), its
charts (ingest/charts.py: the figures only the chart part holds) and then its speaker notes, which often say the
figures the slide only shows."""
from __future__ import annotations

import io

from . import messages as msg
from . import tables
from .charts import chart_lines
from .load import LoadError

NOTES = "备注:"  # a slide's speaker notes, after the slide


def pptx_lines(data: bytes, name: str = "") -> list[str]:
    try:
        from pptx import Presentation
    except ImportError:
        raise LoadError(msg.NEEDS_PPTX) from None
    try:
        deck = Presentation(io.BytesIO(data))
    except Exception:  # python-pptx raises many kinds for broken packages; their text means nothing to staff
        raise LoadError(msg.BAD_PPTX) from None
    lines: list[str] = []
    authors = _comment_authors(deck)
    for slide in deck.slides:
        shapes = _in_order(slide.shapes)
        title = " ".join(shapes[0].text_frame.text.split()) if shapes and _is_title(shapes[0]) else ""
        for shape in shapes:
            lines.extend(_shape_lines(shape, lines, title))
        if slide.has_notes_slide and (said := slide.notes_slide.notes_text_frame):
            notes = [p for p in (" ".join(x.text.split()) for x in said.paragraphs) if p]
            lines.extend(f"{NOTES}{p}" for p in notes)
        lines.extend(_comments(slide, authors))
    return lines


_P = "{http://schemas.openxmlformats.org/presentationml/2006/main}"


def _comment_authors(deck) -> dict[str, str]:
    """Who wrote the deck's review comments, by author id (ppt/commentAuthors.xml), read once per deck."""
    authors = {}
    for r in deck.part.rels.values():
        if r.reltype.endswith("/commentAuthors") and not r.is_external:
            for a in _xml(r.target_part.blob).iter(f"{_P}cmAuthor"):
                authors[a.get("id")] = a.get("name", "")
    return authors


def _comments(slide, authors: dict[str, str]) -> list[str]:
    """A slide's review comments (批注), after the slide: "批注(郑雅琳):…". A reviewer's figure is often in no text
    box ("秋季班415人次中含旁听学员63人次")."""
    lines = []
    for r in slide.part.rels.values():
        if r.reltype.endswith("/comments") and not r.is_external:
            for cm in _xml(r.target_part.blob).iter(f"{_P}cm"):
                text = " ".join("".join(t.text or "" for t in cm.iter(f"{_P}text")).split())
                who = authors.get(cm.get("authorId"), "")
                lines.extend([f"批注({who}):{text}" if who else f"批注:{text}"] if text else [])
    return lines


def _xml(blob: bytes):
    from lxml import etree

    return etree.fromstring(blob, etree.XMLParser(resolve_entities=False, no_network=True))


def _in_order(shapes) -> list:
    """Shapes in reading order, a group's own shapes in its place; the title first."""
    flat = []
    for shape in shapes:
        if shape.shape_type is not None and getattr(shape, "shapes", None) is not None:  # a group
            flat.extend([shape] if _card(shape) else _in_order(shape.shapes))
        else:
            flat.append(shape)
    title = [s for s in flat if _is_title(s)]
    rest = sorted((s for s in flat if s not in title), key=lambda s: ((s.top or 0) // 50_000, s.left or 0))
    return title + rest


def _is_title(shape) -> bool:
    if not shape.is_placeholder:
        return False
    try:
        return "TITLE" in str(shape.placeholder_format.type)
    except ValueError:
        return False


def _card(group) -> str:
    """A figure card, a group of a few short text boxes one of which is a figure ("900个" over "征集“返家乡”岗位"): one
    line, "征集“返家乡”岗位:900个"; read box by box in reading order, a slide of four cards put its four figures on
    one row and their four labels on the next. "" for any other group."""
    texts = [" ".join(x.text_frame.text.split()) for x in _in_order(group.shapes) if getattr(x, "has_text_frame", False)]
    texts = [t for t in texts if t]
    figures = [t for t in texts if tables.is_number(tables.norm(t))]
    if not 2 <= len(texts) <= CARD_BOXES or len(figures) != 1 or any(len(t) > CARD_CHARS for t in texts):
        return ""
    return " ".join(t for t in texts if t not in figures) + ":" + figures[0]


CARD_BOXES, CARD_CHARS = 4, 30  # a card's text boxes, and the longest label one holds


def _shape_lines(shape, before: list[str], title: str) -> list[str]:
    """A shape's lines; a table on a titled slide takes the slide's title as its caption."""
    if getattr(shape, "shapes", None) is not None:  # a group kept whole: a figure card
        return [_card(shape)]
    if shape.has_text_frame:
        return [p for p in _numbered(shape.text_frame.paragraphs) if p]
    if getattr(shape, "has_table", False) and shape.has_table:
        return tables.lines_of(_grid(shape.table), before, title)
    if getattr(shape, "has_chart", False) and shape.has_chart:
        return chart_lines(shape.chart.part.blob, before)
    return _diagram_lines(shape) or _alt_text(shape)


def _numbered(paragraphs) -> list[str]:
    """Each paragraph's text, an auto-numbered one (a:buAutoNum) with the number PowerPoint shows before it: "下一步打算"
    items numbered 1.–4. on the slide hold the numbers nowhere in their text."""
    out, count = [], {}
    for para in paragraphs:
        text = " ".join("".join(r.text for r in para.runs).split())
        auto = para._p.find(f"{_A}pPr/{_A}buAutoNum")
        level = para.level
        if auto is None or not text:
            count = {k: v for k, v in count.items() if k < level} if text else count
            out.append(text)
            continue
        kind = auto.get("type", "arabicPeriod")
        at = count.get(level, (kind, int(auto.get("startAt", "1")) - 1))
        number = (at[1] if at[0] == kind else int(auto.get("startAt", "1")) - 1) + 1
        count = {**{k: v for k, v in count.items() if k < level}, level: (kind, number)}
        label = _AUTO_NUMBER.get(kind, "{}.").format(_chinese(number) if kind.startswith("ea1Chs") else number)
        out.append(label + " " * text[:1].isdigit() + text)  # "1. 2027年…", not the figure 1.2027
    return out


_AUTO_NUMBER = {"arabicPeriod": "{}.", "arabicParenR": "{})", "arabicParenBoth": "({})", "arabicPlain": "{} ",
                "ea1ChsPeriod": "{}、", "ea1ChsPlain": "{}"}


def _chinese(n: int) -> str:
    digits = "零一二三四五六七八九"
    return digits[n] if n < 10 else ("十" if n // 10 == 1 else digits[n // 10] + "十") + (digits[n % 10] if n % 10 else "")


_DGM = "{http://schemas.openxmlformats.org/drawingml/2006/diagram}"
_A = "{http://schemas.openxmlformats.org/drawingml/2006/main}"
_R = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"


def _diagram_lines(shape) -> list[str]:
    """A SmartArt diagram's nodes, a line each, its first paragraph leading the rest ("集中上岗:7月6日,首批上岗196名"):
    the text lives in the diagram's data part, not in the slide (a process's dates and figures stood nowhere else)."""
    ids = next(shape._element.iter(f"{_DGM}relIds"), None)
    if ids is None or not (rid := ids.get(f"{_R}dm")):
        return []
    try:
        data = _xml(shape.part.related_part(rid).blob)
    except (KeyError, ValueError):
        return []
    lines = []
    for pt in data.iter(f"{_DGM}pt"):
        if pt.get("type", "node") != "node":
            continue
        paras = [t for t in ("".join(x.text or "" for x in p.iter(f"{_A}t")).strip() for p in pt.iter(f"{_A}p")) if t]
        lines.extend([paras[0] + (":" + ",".join(paras[1:]) if paras[1:] else "")] if paras else [])
    return lines


def _alt_text(shape) -> list[str]:
    """A picture's alternative text when it says something (a photo's caption: its day, place and figures), not a
    file name or "图片 3"."""
    described = next((e for e in shape._element.iter() if e.tag.endswith("}cNvPr")), None)
    text = " ".join((described.get("descr") or "").split()) if described is not None else ""
    return [text] if _described_enough(text) else []


def _described_enough(text: str) -> bool:
    return len(text) >= 8 and sum("\u4e00" <= c <= "\u9fff" for c in text) >= 4 and \
        not text.lower().endswith((".jpg", ".jpeg", ".png", ".gif", ".bmp"))


def _grid(table) -> list[list[tuple]]:
    """A table's cells as (key, text); a position a merge covers repeats the merged cell."""
    grid: list[list[tuple]] = []
    covered: dict[tuple[int, int], tuple] = {}
    for r, row in enumerate(table.rows):
        out = []
        for c, cell in enumerate(row.cells):
            if (r, c) in covered:
                out.append(covered[(r, c)])
                continue
            item = ((r, c), " ".join(cell.text.split()))
            if cell.is_merge_origin:
                for dr in range(min(cell.span_height, 50)):
                    for dc in range(min(cell.span_width, 50)):
                        covered.setdefault((r + dr, c + dc), item)
            out.append(item)
        grid.append(out)
    return grid
