"""A table a page lays out with <div>s (CSS grid or flex rows: no <table>, <tr>, <td>) read as the table it shows.

Read as blocks, each cell became a paragraph of its own ("14", "62", "3472"): the rows' figures lost their headers
and their row's label. A block whose children are rows of the same number of leaf cells, at least three rows, two
cells and a figure among them (tables.is_data_table), becomes a <table>; the page reader then reads it as one.
"""
from __future__ import annotations

from . import tables

MIN_ROWS = 3
_ROW_TAGS = {"div", "li", "section"}
_CELL_TAGS = {"div", "span", "p", "li", "dd", "dt", "strong", "b", "em"}
_BLOCKS = {"div", "p", "table", "ul", "ol", "li", "section", "article", "h1", "h2", "h3", "h4", "h5", "h6"}


def div_tables(root) -> None:
    """Rename each div grid's elements to table, tr and td in place (the outermost grid only)."""
    for element in list(root.iter("div", "section", "ul")):
        if element.getparent() is None or any(a.tag == "table" for a in element.iterancestors()):
            continue
        rows = _rows(element)
        if rows is None:
            continue
        grid = [[(cell, " ".join(cell.text_content().split())) for cell in row] for row in rows]
        if not tables.is_data_table(grid):
            continue
        element.tag = "table"
        for row in element:
            if isinstance(row.tag, str):
                row.tag = "tr"
                for cell in row:
                    if isinstance(cell.tag, str):
                        cell.tag = "td"


def _rows(element):
    """Its children as rows of cells, or None unless every child is a row of the same width (>= 2) of leaf cells."""
    children = [c for c in element if isinstance(c.tag, str)]
    if len(children) < MIN_ROWS or any(c.tag not in _ROW_TAGS for c in children):
        return None
    rows = [[c for c in child if isinstance(c.tag, str)] for child in children]
    widths = {len(r) for r in rows}
    if len(widths) != 1 or min(widths) < 2:
        return None
    for row in rows:
        for cell in row:
            if cell.tag not in _CELL_TAGS or any(isinstance(d.tag, str) and d.tag in _BLOCKS for d in cell.iterdescendants()):
                return None
    return rows
