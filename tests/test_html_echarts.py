"""ingest/html_echarts.py: a chart an ECharts <script> draws read as the table of its figures, where the page draws it."""
from __future__ import annotations

from ingest.html import html_lines

PAGE = """<html><head><title>数据发布</title></head><body><div class="article"><h1>2026年1—10月青年志愿服务数据发布</h1>
<p>今年以来,全市注册青年志愿者达到269400名。</p><div id="chart-county"></div><p>从月度看,7月新增最多。</p>
<div id="chart-month"></div><div id="chart-share"></div></div>
<script>
  var a = echarts.init(document.getElementById('chart-county'));
  a.setOption({
    title: { text: '各县（市、区）新增注册志愿者和服务时长' },
    dataset: { source: [
        ['县（市、区）', '新增注册志愿者（名）', '志愿服务时长（万小时）'],
        ['榆阳区', 5412, 86.4],
        ['横山区', 1386, 21.7],
    ] },
    series: [{ type: 'bar' }, { type: 'line', yAxisIndex: 1 }]
  });
</script>
<script>
  var b = echarts.init(document.getElementById("chart-month"));
  b.setOption({ title: { text: "每月新增注册青年志愿者（名）" },
    xAxis: { type: 'category', data: ['1月', '2月', '3月'] }, yAxis: { type: 'value' },
    series: [{ name: '新增注册志愿者', type: 'line', data: [1126, 986, 2840] }] });
  var c = echarts.init(document.getElementById('chart-share'));
  c.setOption({ title: { text: '志愿者年龄结构' },
    series: [{ name: '人数（名）', type: 'pie', data: [{ value: 1200, name: '18岁以下' }, { value: 3400, name: '18—35岁' }] }] });
</script></body></html>"""


def test_a_datasets_rows_a_series_per_category_and_a_pies_slices_read_where_the_page_draws_them():
    lines, _ = html_lines(PAGE)
    text = "\n".join(lines)
    assert "榆阳区新增注册志愿者5412名;榆阳区志愿服务时长86.4万小时" in text
    assert "2月新增注册志愿者986名" in text  # the title's unit for a series naming none
    assert "18—35岁人数3400名" in text
    # the county chart where its <div> stands: between the prose around it
    first = next(i for i, line in enumerate(lines) if "榆阳区" in line)
    assert lines.index("今年以来,全市注册青年志愿者达到269400名。") < first < lines.index("从月度看,7月新增最多。")


def test_a_script_that_draws_no_chart_adds_nothing():
    page = "<html><body><p>正文。</p><script>var x = {setOption: 1}; echarts.version;</script></body></html>"
    assert html_lines(page)[0] == ["正文。"]
