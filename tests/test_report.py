"""The evaluation report (app/evaluation/report.py) and its provenance (app/evaluation/provenance.py): Chinese headings with the
English in small print, "—" where a measure does not apply, where the figures come from, failures naming the
report they cited, readable on a 390 px phone; the same provenance in `youthqa eval --json`."""
from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest

from app.cli import main
from app.evaluation.evaluate import Outcome, summarise
from app.evaluation.report import NA, render

CHROMIUM = Path("/usr/bin/chromium")
GOLD = [
    {"id": "t1", "question": "铜川的志愿汇平台注册了多少志愿者?", "answers": ["20357人"],
     "doc": "tongchuan-youth-league-2021-08-16.txt", "evidence": "注册志愿者20357人", "type": "numeric"},
    {"id": "t2", "question": "铜川的志愿汇平台注册了多少名外星人?", "answers": ["1人"],
     "doc": "tongchuan-youth-league-2021-08-16.txt", "evidence": "注册志愿者20357人", "type": "numeric"},
]


def failed(i: int) -> Outcome:
    return Outcome(f"q{i}", "numeric", "铜川<b>注册</b>了多少志愿者?", ("20357人",), "资料中没有找到", False, False,
                   False, 2, "市、县两级青志协实现组织全覆盖," * 6, 3.0,
                   cited_label="铜川团市委荣获铜川市2020年度平安建设工作先进集体 · 2021-08-16 · 第7段")


SOURCE = {"gold": [{"file": "/data/gold/一个很长的文件名-" * 3 + ".jsonl", "sha256": "ab" * 32}], "corpus": ["corpus"],
          "index": "", "documents": 9, "embedding": "use-multilingual", "llm": "", "youthqa": "0.1.0",
          "commit": "82a1bf6f00aa+changes", "date": "2026-11-30 14:02:11 +0800", "scoring": "held-out"}


def test_the_report_is_chinese_says_where_it_comes_from_and_names_the_cited_report():
    outcomes = [failed(i) for i in range(3)]
    html = render(summarise(outcomes), outcomes, SOURCE)
    for heading in ("<h2>出处 <small>provenance</small></h2>", "<h2>总体结果 <small>summary</small></h2>",
                    "<h2>未答对的问题(3) <small>failures</small></h2>", "回答准确率 <small>answer accuracy</small>"):
        assert heading in html
    assert "None" not in html and f"<td class=\"num\">{NA}</td>" in html  # refusals: no unanswerable questions
    for shown in ("ab" * 32, "use-multilingual", "82a1bf6f00aa+changes", "2026-11-30 14:02:11", "样本外", ">9<"):
        assert shown in html, shown
    assert "铜川团市委荣获铜川市2020年度平安建设工作先进集体 · 2021-08-16 · 第7段" in html
    assert "&lt;b&gt;注册&lt;/b&gt;" in html  # question text escaped


@pytest.mark.skipif(not CHROMIUM.exists(), reason="needs /usr/bin/chromium")
def test_the_report_reads_on_a_phone(tmp_path):
    from playwright.sync_api import sync_playwright

    outcomes = [failed(i) for i in range(5)]
    (tmp_path / "eval.html").write_text(render(summarise(outcomes), outcomes, SOURCE), encoding="utf-8")
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=["--headless", "--no-sandbox"])
        page = browser.new_page(viewport={"width": 390, "height": 844})
        page.goto((tmp_path / "eval.html").as_uri())
        assert page.evaluate("document.documentElement.scrollWidth") <= 390  # was 632 px wide
        browser.close()


def test_eval_json_and_report_carry_the_provenance(tmp_path, capsys, corpus_index):
    settings, _ = corpus_index
    gold = tmp_path / "mine.jsonl"
    gold.write_text("".join(json.dumps(g, ensure_ascii=False) + "\n" for g in GOLD), encoding="utf-8")
    args = ["eval", str(gold), "--index", str(settings.index), "--json", "--report", str(tmp_path / "eval.html")]
    assert main(args) == 0
    source = json.loads(capsys.readouterr().out)["provenance"]
    assert source["gold"] == [{"file": str(gold), "sha256": hashlib.sha256(gold.read_bytes()).hexdigest()}]
    assert source["corpus"] == [] and source["index"] == settings.location() and source["documents"] == 9
    assert source["embedding"] == "use-multilingual" and source["scoring"] == "held-out"
    assert source["youthqa"] and source["date"] and set(source) >= {"commit", "llm"}
    html = (tmp_path / "eval.html").read_text(encoding="utf-8")
    assert source["gold"][0]["sha256"] in html and "youthqa 评测报告" in html

    bundled = Path(__file__).parent / "data" / "gold" / "practice.jsonl"  # a set youthqa was tuned on
    from app.evaluation.provenance import provenance

    assert provenance(settings, [bundled], [()])["scoring"] == "in-sample"
