"""The 数据汇总 tab (app/web/ui_facts.py) and its exports (app/export.py), the handlers called as Gradio calls
them over corpus/ ingested: the table, the chart of one unit, the .xlsx read back with openpyxl (numbers as
numbers), the .csv as UTF-8 with a BOM, one Chinese line for an empty query or no match, report text that
looks like a formula kept as text, and downloads in Gradio's cache under fixed names, removed later."""
from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest
from openpyxl import load_workbook

from app import export
from app.web import ui_facts
from app.web.render import message_html
from app.web.service import Service
from ingest import messages as msg
from ingest.schema import Fact

from test_ui import handlers


@pytest.fixture(scope="module")
def on(corpus_index):
    return handlers(Service(corpus_index[0]))


def fact(place="铜川", value=20357.0, unit="人", figure="20357人", indicator="注册志愿者", quote="", **kw) -> Fact:
    return Fact(indicator=indicator, value=value, unit=unit, qualifier=kw.pop("qualifier", ""), figure=figure,
                place=place, year=2021, period="", doc_id=kw.pop("doc_id", "d1"), source="t.txt", title="报告",
                date="2021-08-16", paragraph=7, quote=quote, **kw)


def test_the_table_lists_every_report_figure_with_its_source(on):
    table, plot, note, xlsx, csv_button = on["on_facts"]("注册志愿者")
    assert ["铜川", "“志愿汇”管理平台注册志愿者", "20357人", 20357, "人", "2021-08-16",
            "铜川团市委荣获铜川市2020年度平安建设工作先进集体 · 2021-08-16 · 第7段"] in table
    assert ["海南", "全省线上注册的青年志愿者", "134.9万人", 1349000] == next(r for r in table if r[0] == "海南")[:4]
    assert any(r[2] == "4万余人" and r[3] == 40000 for r in table)  # the qualifier stays in the figure as written
    assert len(table) <= ui_facts.LIMIT and all(len(r) == len(msg.FACTS_TABLE) for r in table)
    # units differ (人, 名, 个): one Chinese line says so, and the chart shows the largest group only
    assert "单位不同" in note and "“人”" in note and note.count("<div") == 1
    assert plot.visible is True and plot.y_title == msg.FACTS_CHART_Y.format(unit="人")
    bars = {place: value for place, value in plot.value["data"]}
    assert bars["铜川"] == 20357 and len(bars) == sum(r[4] == "人" for r in table)
    assert xlsx.visible and csv_button.visible


def test_the_xlsx_has_numbers_as_numbers_and_the_csv_opens_in_excel(on):
    _, _, _, xlsx, csv_button = on["on_facts"]("注册志愿者")
    xlsx_path, csv_path = Path(xlsx.value["path"]), Path(csv_button.value["path"])
    assert (xlsx_path.name, csv_path.name) == ("数据汇总.xlsx", "数据汇总.csv")  # no user text in a path
    sheet = load_workbook(xlsx_path).active
    rows = list(sheet.iter_rows(values_only=True))
    assert list(rows[0]) == export.HEADER and sheet.freeze_panes == "A2"
    tongchuan = next(r for r in rows[1:] if r[0] == "铜川" and r[5] == "20357人")
    assert tongchuan[export.VALUE] == 20357 and isinstance(tongchuan[export.VALUE], int)
    assert tongchuan[9] == 7 and tongchuan[6] == 2021  # paragraph and year are numbers too
    hainan = next(r for r in rows[1:] if r[0] == "海南" and r[3] == "人")
    assert hainan[export.VALUE] == 1349000
    assert sheet.column_dimensions["B"].width == export.WIDTHS[1]

    raw = csv_path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # the BOM Excel needs to read UTF-8
    table = list(csv.reader(io.StringIO(raw.decode("utf-8-sig"))))
    assert table[0] == export.HEADER and ["铜川", "“志愿汇”管理平台注册志愿者", "20357"] == table[1:][
        [r[5] for r in table[1:]].index("20357人")][:3]
    assert all(r[export.VALUE] != "1.349e+06" for r in table)


def test_an_empty_query_or_no_match_is_one_chinese_line(on):
    for query, text in (("", msg.FACTS_EMPTY.format(example=ui_facts.EXAMPLES[0])),
                        ("   ", msg.FACTS_EMPTY.format(example=ui_facts.EXAMPLES[0])),
                        ("xyzzy", msg.FACTS_NONE.format(query="xyzzy"))):
        table, plot, note, xlsx, csv_button = on["on_facts"](query)
        assert table == [] and note == message_html(text, "notice") and "<br>" not in note
        assert plot["visible"] is False and xlsx.visible is False and csv_button.visible is False


def test_a_failure_or_an_empty_knowledge_base_is_one_chinese_line(tmp_path, monkeypatch):
    from ingest import Settings

    service = Service(Settings(index=tmp_path / "idx"))  # no index yet
    on = handlers(service)
    table, plot, note, *_ = on["on_facts"]("注册志愿者")
    assert table == [] and note == message_html(msg.NO_INDEX, "notice")

    def broken(query, limit):
        raise RuntimeError("boom")

    monkeypatch.setattr(service, "facts", broken)
    assert on["on_facts"]("注册志愿者")[2] == message_html(msg.FACTS_FAILED, "notice")


def test_the_examples_search_and_have_figures_in_the_corpus(on):
    for i, example in enumerate(ui_facts.EXAMPLES):
        query, table, plot, note, *_ = on["on_facts_example"](i)
        assert query == example and table and plot.visible, example
    assert on["on_facts_example"](99)[0] == ""


def test_mixed_units_chart_the_largest_group_and_one_unit_charts_all():
    same = [fact("铜川", 20357.0), fact("海南", 1349000.0, figure="134.9万人")]
    data, note = ui_facts.chart(same)
    assert data == {"地方": ["海南", "铜川"], "数值": [1349000, 20357], "单位": "人"} and note == ""
    mixed = same + [fact("宁夏", 18.0, "个", "18个"), fact("宁夏", 122.0, "个", "122个"),
                    fact("宁夏", 3.0, "个", "3个", indicator="志愿项目")]
    data, note = ui_facts.chart(mixed)
    assert data["单位"] == "个" and len(data["地方"]) == len(set(data["地方"])) == 3  # one bar per figure
    assert note == msg.FACTS_UNITS_DIFFER.format(units="人 2 条、个 3 条", unit="个", n=3)
    assert ui_facts.chart([]) == (None, "")


def test_report_text_that_looks_like_a_formula_stays_text():
    hostile = [fact(place="=1+1", indicator="@SUM(A1)", quote='=HYPERLINK("http://x.example","点我")',
                    figure="-2+3人")]
    sheet = load_workbook(io.BytesIO(export.xlsx_bytes(hostile))).active
    cells = {c.value: c.data_type for c in sheet[2] if isinstance(c.value, str)}
    assert cells['=HYPERLINK("http://x.example","点我")'] == "s" and cells["=1+1"] == "s"
    row = list(csv.reader(io.StringIO(export.csv_bytes(hostile).decode("utf-8-sig"))))[1]
    assert row[0] == "'=1+1" and row[1] == "'@SUM(A1)" and row[5] == "'-2+3人" and row[10].startswith("'=")
    assert row[export.VALUE] == "20357"  # numbers are not prefixed


def test_downloads_live_in_gradios_cache_and_are_removed_later(monkeypatch):
    from gradio.utils import get_upload_folder

    monkeypatch.setattr(ui_facts, "_exports", [])
    xlsx, csv_path = map(Path, ui_facts.export([fact()]))
    assert xlsx.parent == csv_path.parent and xlsx.parent.parent == Path(get_upload_folder())
    assert (xlsx.parent.stat().st_mode & 0o777) == 0o700
    monkeypatch.setattr(ui_facts.time, "time", lambda: ui_facts._exports[0][0] + ui_facts.KEEP_SECONDS + 1)
    newer = Path(ui_facts.export([fact()])[0]).parent
    assert not xlsx.parent.exists() and newer.exists()  # the old search's folder went
    ui_facts._forget_all()
    assert not newer.exists()
