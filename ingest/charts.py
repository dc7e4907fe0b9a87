"""Office charts (DrawingML chart parts in .docx and .pptx) read as the tables they draw.

A 汇报 deck's bar chart or a report's embedded chart keeps its figures only in the chart part's cached values
(c:strCache / c:numCache): no paragraph says them. Each chart is read as a table, a row per category and a
column per series, under the chart's title as its caption (ingest/tables.py: a line per row with its headers).
"""
from __future__ import annotations

from . import tables

_C = "{http://schemas.openxmlformats.org/drawingml/2006/chart}"
_A = "{http://schemas.openxmlformats.org/drawingml/2006/main}"
R_ID = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id"
CHART = f"{_C}chart"  # the reference to a chart part inside a drawing (w:drawing, p:graphicFrame)
MAX_POINTS = 2_000  # a report's chart has dozens; a part declaring more is not read


def chart_lines(xml: bytes, before: list[str]) -> list[str]:
    """The lines of a chart part: its title, then its table's rows ([] for a part that is no readable chart)."""
    from lxml import etree

    try:
        root = etree.fromstring(xml, etree.XMLParser(resolve_entities=False, no_network=True))
    except etree.XMLSyntaxError:
        return []
    title = _text(root.find(f"{_C}chart/{_C}title"))
    series = [(_text(ser.find(f"{_C}tx")), _points(ser.find(f"{_C}cat")), _points(ser.find(f"{_C}val")))
              for ser in root.iter(f"{_C}ser")]
    categories = list(dict.fromkeys(c for _, cats, _ in series for c in cats.values()))
    if not series or not categories or len(categories) * len(series) > MAX_POINTS:
        return [title] if title else []
    header = ["类别", *(name or f"系列{n}" for n, (name, _, _) in enumerate(series, start=1))]
    rows = [header]
    where = [{c: i for i, c in reversed(cats.items())} for _, cats, _ in series]  # a category's first point index
    for category in categories:
        rows.append([category, *(vals.get(at.get(category), "") for at, (_, _, vals) in zip(where, series))])
    grid = [[((r, c), text) for c, text in enumerate(row)] for r, row in enumerate(rows)]
    return ([title] if title else []) + tables.lines_of(grid, before + ([title] if title else []), title)


def _text(element) -> str:
    """A title's or a series name's words: its rich text runs, else its cached string."""
    if element is None:
        return ""
    words = "".join(t.text or "" for t in element.iter(f"{_A}t"))
    return " ".join((words or "".join(v.text or "" for v in element.iter(f"{_C}v"))).split())


def _points(element) -> dict[int, str]:
    """{index: shown value} of a category or value reference's cache; a percentage format shows 0.384 as 38.4%."""
    if element is None:
        return {}
    percent = any("%" in (f.text or "") for f in element.iter(f"{_C}formatCode"))
    out = {}
    for pt in element.iter(f"{_C}pt"):
        value = pt.find(f"{_C}v")
        if value is None or value.text is None or len(out) >= MAX_POINTS:
            continue
        out[int(pt.get("idx", len(out)))] = _shown(value.text.strip(), percent)
    return out


def _shown(text: str, percent: bool) -> str:
    try:
        number = float(text)
    except ValueError:
        return text
    if percent:
        number = round(number * 100, 2)
    if abs(number) >= 1e15:
        return text
    shown = str(int(number)) if number.is_integer() else f"{number:.10g}"
    return f"{shown}%" if percent else shown
