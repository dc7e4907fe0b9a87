"""The page's 数据汇总 tab (part of app.web.ui's page): search an indicator ("注册志愿者"), see every report's
figures of it in a sortable table and a bar chart by place, download them as .xlsx or .csv (app/export.py).

The same figures come from Python (`Assistant.facts`), HTTP (`GET /api/facts?q=`) and `youthqa facts QUERY --csv`.
Report text reaches the page only as table cells (plain text) and escaped status lines (app.web.render).
Downloads are written under fixed names to a fresh folder inside Gradio's cache (so Gradio serves that file
and copies nothing), and removed after KEEP_SECONDS, or sooner once MAX_EXPORTS are held, and when the server exits.
"""
from __future__ import annotations

import atexit
import logging
import os
import shutil
import tempfile
import threading
import time
from pathlib import Path

import gradio as gr
import pandas as pd

from ingest import messages as msg

from ..export import csv_bytes, number, xlsx_bytes
from .render import message_html
from .service import Service, UserError

log = logging.getLogger(__name__)
PRIVATE = {"api_visibility": "private"}
LIMIT = 200  # rows per search: the table, the chart and the downloads
CHART_BARS = 30
KEEP_SECONDS = 3600  # a download stays this long after its search
MAX_EXPORTS = 200  # folders held at once, whatever their age
EXAMPLES = ["注册志愿者", "青年志愿者", "贫困学生"]  # each has figures in corpus/ (tests/test_ui_facts.py)

_exports: list[tuple[float, Path]] = []  # (created, folder) of this process's downloads, oldest first
_exports_lock = threading.Lock()


def table_rows(facts) -> list[list]:
    """地方 · 指标 · 数值(原文) · 折合数 · 单位 · 日期 · 出处 (report · date · 第N段)."""
    return [[f.place or msg.FACTS_NO_PLACE, f.indicator, f.figure, number(f.value), f.unit,
             f.date or msg.FACTS_NO_DATE,
             msg.FACTS_SOURCE.format(title=f.title or f.source, date=f.date or msg.FACTS_NO_DATE,
                                     paragraph=f.paragraph)] for f in facts]


def chart(facts) -> tuple[dict | None, str]:
    """-> ({"地方": labels, "数值": values, "单位": unit} or None, a note). Figures of one unit only: when the
    units differ, the largest group (the first of equal ones in match order), and a note saying so."""
    groups: dict[str, list] = {}
    for f in facts:
        groups.setdefault(f.unit, []).append(f)
    if not groups:
        return None, ""
    unit, shown = max(groups.items(), key=lambda item: len(item[1]))
    notes = []
    if len(groups) > 1:
        units = "、".join(f"{u or '-'} {len(g)} 条" for u, g in groups.items())
        notes.append(msg.FACTS_UNITS_DIFFER.format(units=units, unit=unit or "-", n=len(shown)))
    shown = sorted(shown, key=lambda f: -f.value)
    if len(shown) > CHART_BARS:
        shown = shown[:CHART_BARS]
        notes.append(msg.FACTS_CHART_TOP.format(n=CHART_BARS))
    places = [f.place or msg.FACTS_NO_PLACE for f in shown]
    labels, seen = [], set()
    for place, f in zip(places, shown):  # one bar per figure: a place with several gets its indicator
        label = place if places.count(place) == 1 else f"{place}·{f.indicator[:10]}"
        base, n = label, 2
        while label in seen:
            label, n = f"{base}({n})", n + 1
        seen.add(label)
        labels.append(label)
    return {"地方": labels, "数值": [number(f.value) for f in shown], "单位": unit}, "".join(notes)


def _forget_old(now: float) -> None:
    with _exports_lock:
        while _exports and (now - _exports[0][0] > KEEP_SECONDS or len(_exports) >= MAX_EXPORTS):
            shutil.rmtree(_exports.pop(0)[1], ignore_errors=True)


@atexit.register
def _forget_all() -> None:
    _forget_old(float("inf"))


def export(facts) -> tuple[str, str]:
    """-> (xlsx path, csv path): fixed names in a new private folder in Gradio's cache; older ones go."""
    from gradio.utils import get_upload_folder

    now = time.time()
    _forget_old(now)
    root = get_upload_folder()
    os.makedirs(root, exist_ok=True)
    folder = Path(tempfile.mkdtemp(prefix="youthqa-facts-", dir=root))  # mode 0700, a random name
    with _exports_lock:
        _exports.append((now, folder))
    xlsx, csv = folder / f"{msg.FACTS_SHEET}.xlsx", folder / f"{msg.FACTS_SHEET}.csv"
    xlsx.write_bytes(xlsx_bytes(facts))
    csv.write_bytes(csv_bytes(facts))
    return str(xlsx), str(csv)


def nothing(text: str) -> tuple:
    """The outputs of a search that shows no figures: an empty table, no chart, no downloads, one line why."""
    return ([], gr.update(value=None, visible=False), message_html(text, "notice"),
            gr.DownloadButton(value=None, visible=False), gr.DownloadButton(value=None, visible=False))


def tab(service: Service) -> None:
    """Lay out the tab inside the page's gr.Tabs and wire its events."""

    def on_facts(query):
        """-> table, chart, note, xlsx button, csv button; nothing found: an empty table and one line why."""
        query = (query or "").strip()
        if not query:
            return nothing(msg.FACTS_EMPTY.format(example=EXAMPLES[0]))
        try:
            facts = service.facts(query, LIMIT)
        except UserError as err:  # too long; no, a busy or an unreachable knowledge base
            return nothing(str(err))
        except Exception:
            log.exception("facts for %r failed", query)
            return nothing(msg.FACTS_FAILED)
        if not facts:
            return nothing(msg.FACTS_NONE.format(query=query[:50]))
        data, chart_note = chart(facts)
        note = msg.FACTS_FOUND.format(n=len(facts), reports=len({f.doc_id for f in facts}))
        note += (msg.FACTS_CAPPED.format(limit=LIMIT) if len(facts) >= LIMIT else "") + chart_note
        plot = gr.BarPlot(value=pd.DataFrame({"地方": data["地方"], "数值": data["数值"]}), visible=True,
                          y_title=msg.FACTS_CHART_Y.format(unit=data["单位"] or "-"))
        xlsx, csv = export(facts)
        return (table_rows(facts), plot, message_html(note, "notice"),
                gr.DownloadButton(value=xlsx, visible=True), gr.DownloadButton(value=csv, visible=True))

    def on_facts_example(index):
        """A click on an example indicator searches it."""
        query = EXAMPLES[index] if isinstance(index, int) and 0 <= index < len(EXAMPLES) else ""
        return query, *on_facts(query)

    with gr.Tab("数据汇总", id="facts"):
        gr.Markdown(msg.FACTS_INTRO)
        with gr.Row():
            query = gr.Textbox(show_label=False, scale=5, max_lines=1, elem_id="yq-facts-query",
                               placeholder=msg.FACTS_PLACEHOLDER.format(example=EXAMPLES[0]))
            search = gr.Button("汇总", variant="primary", scale=1, elem_id="yq-facts-search")
        picks = gr.Dataset(components=[query], samples=[[q] for q in EXAMPLES], type="index",
                           label=msg.FACTS_EXAMPLES, elem_id="yq-facts-examples")
        with gr.Row(equal_height=True):
            note = gr.HTML(elem_id="yq-facts-note")
            xlsx = gr.DownloadButton(msg.FACTS_XLSX, visible=False, variant="primary", size="md", scale=0,
                                     min_width=170, elem_id="yq-facts-xlsx")
            csv = gr.DownloadButton(msg.FACTS_CSV, visible=False, size="md", scale=0, min_width=120,
                                    elem_id="yq-facts-csv")
        table = gr.Dataframe(headers=msg.FACTS_TABLE, datatype=["str", "str", "str", "number", "str", "str", "str"],
                             type="array", interactive=False, wrap=True, latex_delimiters=[],
                             column_widths=["9%", "20%", "12%", "10%", "7%", "11%", "31%"], elem_id="yq-facts-table")
        plot = gr.BarPlot(x="地方", y="数值", x_title=msg.FACTS_CHART_X, title=msg.FACTS_CHART, sort="-y",
                          x_label_angle=-30, height=320, visible=False, elem_id="yq-facts-chart")

    outputs = [table, plot, note, xlsx, csv]
    search.click(on_facts, [query], outputs, **PRIVATE)
    query.submit(on_facts, [query], outputs, **PRIVATE)
    picks.click(on_facts_example, [picks], [query, *outputs], **PRIVATE)
