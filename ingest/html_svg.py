"""An inline SVG chart in a web page read as the table it draws.

A 综述 page may give its figures only as an <svg> bar chart: each bar's label and value are <text> elements, the
chart's title the first one; the prose never repeats them. The page reader drops <svg> (icons, logos); a chart
becomes an HTML table first, captioned by its title, so the rows read as any table's do (ingest/tables.py).
"""
from __future__ import annotations

import re

_NUMBER = re.compile(r"[-+]?\d[\d,]*(?:\.\d+)?%?")
_UNIT_END = re.compile(r"[(（][^()（）]{1,4}[)）]$")
_ROW_GAP = 6.0  # text baselines this close (in the chart's units) are one row: a bar's label and its value
MAX_TEXTS = 500


def charts_as_tables(root) -> None:
    """Replace each <svg> holding a labelled chart with a <table> (its title the caption); any other <svg> stays for
    the page reader to drop."""
    from lxml import html

    for svg in list(root.iter("svg")):
        rows = _rows(svg)
        figures = [r for r in rows if len(r) >= 2 and _NUMBER.fullmatch(r[-1]) and not _NUMBER.fullmatch(r[0])]
        if len(figures) < 2 or svg.getparent() is None:
            continue
        title = " ".join(rows[0]) if rows and rows[0] not in figures else ""
        table = html.Element("table")
        if title:
            caption = html.Element("caption")
            caption.text = title
            table.append(caption)
        if _UNIT_END.search(title):  # "…实践团队数（支）": the bars' measure and unit, as a column's header
            figures = [["", title], *figures]
        for row in figures:
            tr = html.Element("tr")
            for cell in (" ".join(row[:-1]), row[-1]):
                td = html.Element("td")
                td.text = cell
                tr.append(td)
            table.append(tr)
        table.tail = svg.tail
        svg.getparent().replace(svg, table)


def _rows(svg) -> list[list[str]]:
    """The chart's texts in rows of one baseline, top to bottom, each left to right."""
    placed = []
    for n, text in enumerate(svg.iter("text")):
        words = " ".join(text.text_content().split())
        if not words or n >= MAX_TEXTS:
            continue
        placed.append((_coordinate(text, "y"), _coordinate(text, "x"), words))
    rows: list[list[tuple]] = []
    for y, x, words in sorted(placed):
        if rows and y - rows[-1][0][0] <= _ROW_GAP:
            rows[-1].append((y, x, words))
        else:
            rows.append([(y, x, words)])
    return [[words for _, _, words in sorted(row, key=lambda t: t[1])] for row in rows]


def _coordinate(element, name: str) -> float:
    try:
        return float(re.match(r"\s*([-+]?[\d.]+)", element.get(name, "0")).group(1))
    except (AttributeError, ValueError):
        return 0.0
