"""The evaluation report as one self-contained HTML file, to be filed: where the figures come from
(app/evaluation/provenance.py), the measures, a per-type chart and every failure with the report it cited.

Chinese headings with the English term in small print; "—" where a measure does not apply (no
unanswerable questions, no conversations); readable on a 390 px phone (tables scroll or stack).
"""
from __future__ import annotations

from html import escape
from pathlib import Path

NA = "—"
MEASURES = {  # summary key: (Chinese, English)
    "questions": ("问题数", "questions"), "accuracy": ("回答准确率", "answer accuracy"),
    "citation_accuracy": ("引用准确率", "citation accuracy"), "evidence_hit@1": ("证据命中@1", "evidence hit@1"),
    "evidence_hit@3": ("证据命中@3", "evidence hit@3"), "evidence_hit@5": ("证据命中@5", "evidence hit@5"),
    "mrr": ("平均倒数排名", "MRR"), "refusal_accuracy": ("无答案时正确拒答", "refusals on unanswerable"),
    "false_refusal_rate": ("有答案却拒答", "false refusals"), "latency_p50_ms": ("耗时中位数(毫秒)", "latency p50 ms"),
    "latency_p95_ms": ("耗时 p95(毫秒)", "latency p95 ms"),
    "evidence_not_extracted": ("证据不在提取正文中", "evidence not extracted"),
    "conversations": ("多轮对话数", "conversations"), "follow_up_turns": ("追问轮数", "follow-up turns"),
    "follow_up_turns_right": ("追问回答正确率", "follow-up turns right"),
    "conversations_all_right": ("整段对话全对", "conversations all right"),
}
SCORING = {"in-sample": ("样本内", "youthqa 的规则和模型据这些问题调整过,分数偏乐观"),
           "held-out": ("样本外", "这些问题没有用来调整 youthqa"),
           "cv": ("交叉验证", "每份报告的问题由没见过它们的模型回答")}
CSS = """body{font-family:system-ui,"Noto Sans CJK SC","Microsoft YaHei",sans-serif;margin:1em auto;max-width:1100px;
padding:0 1em;line-height:1.5;color:#111}h1{font-size:1.5em}h2{font-size:1.2em;margin-top:1.6em}
small{color:#6b7280;font-weight:normal}.scroll{overflow-x:auto}table{border-collapse:collapse;margin:.6em 0}
td,th{border:1px solid #d1d5db;padding:4px 8px;text-align:left;vertical-align:top}.num{text-align:right}
.bar{fill:#3b7dd8}svg{max-width:100%;height:auto}code{word-break:break-all;font-size:.85em}
@media (max-width:600px){table.cards thead{display:none}table.cards tr{display:block;border:1px solid #d1d5db;
margin:.6em 0}table.cards td{display:block;border:none;border-bottom:1px solid #f3f4f6}
table.cards td::before{content:attr(data-label);display:block;font-size:.8em;color:#6b7280}}"""


def write_report(path: Path, summary: dict, outcomes, source: dict | None = None) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(render(summary, outcomes, source), encoding="utf-8")


def render(summary: dict, outcomes, source: dict | None = None) -> str:
    failures = [o for o in outcomes if not o.correct]
    return f"""<!doctype html><html lang="zh-CN"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width,initial-scale=1"><title>youthqa 评测报告</title>
<style>{CSS}</style></head><body><h1>youthqa 评测报告 <small>evaluation report</small></h1>
{_provenance(source) if source else ""}
{_heading("总体结果", "summary")}<div class="scroll"><table>{_measures(summary)}</table></div>
{_files(summary.get("by_file", {}), ("按标准答案文件", "by gold file"), "标准答案文件")}
{_files(summary.get("by_corpus", {}), ("按报告目录", "by reports folder"), "报告目录")}
{_heading("按问题类型的准确率", "accuracy by question type")}{_chart(summary.get("by_type", {}))}
{_heading(f"未答对的问题({len(failures)})", "failures")}{_failures(failures)}
</body></html>"""


def _heading(chinese: str, english: str) -> str:
    return f"<h2>{escape(chinese)} <small>{escape(english)}</small></h2>"


def _label(key: str) -> str:
    chinese, english = MEASURES.get(key, (key, ""))
    return f"{escape(chinese)} <small>{escape(english)}</small>" if english else escape(chinese)


def _value(value) -> str:
    return NA if value is None else escape(str(value))


def _measures(summary: dict) -> str:
    return "".join(f"<tr><th>{_label(k)}</th><td class=\"num\">{_value(v)}</td></tr>"
                   for k, v in summary.items() if not isinstance(v, dict))


def _provenance(source: dict) -> str:
    scoring, meaning = SCORING.get(source.get("scoring", ""), (source.get("scoring", ""), ""))
    gold = "<br>".join(f"{escape(g['file'])}<br><small>sha256 <code>{escape(g['sha256'])}</code></small>"
                       for g in source.get("gold", []))
    rows = [("标准答案文件", "gold files", gold),
            ("报告目录", "reports folders", "<br>".join(map(escape, source.get("corpus", []))) or NA),
            ("知识库", "index", escape(source.get("index") or NA)),
            ("报告数", "documents", _value(source.get("documents"))),
            ("向量模型", "embedding model", _value(source.get("embedding"))),
            ("大模型", "LLM", escape(source.get("llm") or NA)),
            ("youthqa 版本", "version", _value(source.get("youthqa"))),
            ("git 提交", "commit", f"<code>{escape(source.get('commit') or NA)}</code>"),
            ("日期", "date", _value(source.get("date"))),
            ("评分方式", "scoring", f"{escape(scoring)} <small>{escape(source.get('scoring', ''))}</small>"
                                    f"<br><small>{escape(meaning)}</small>")]
    body = "".join(f"<tr><th>{escape(c)} <small>{escape(e)}</small></th><td>{v}</td></tr>" for c, e, v in rows)
    return f"{_heading('出处', 'provenance')}<div class=\"scroll\"><table>{body}</table></div>"


def _files(by_file: dict, heading: tuple[str, str], column: str) -> str:
    if not by_file:
        return ""
    columns = ("questions", "accuracy", "citation_accuracy", "refusal_accuracy", "false_refusal_rate",
               "follow_up_turns_right")
    head = "".join(f"<th>{_label(c)}</th>" for c in columns)
    rows = "".join(f"<tr><th>{escape(f)}</th>" + "".join(f"<td class=\"num\">{_value(s.get(c))}</td>" for c in columns)
                   + "</tr>" for f, s in by_file.items())
    return (f"{_heading(*heading)}<div class=\"scroll\"><table><tr><th>{escape(column)}</th>{head}</tr>"
            f"{rows}</table></div>")


def _failures(failures) -> str:
    if not failures:
        return "<p>全部答对。<small>no failures</small></p>"
    labels = ("编号", "类型", "问题", "标准答案", "系统回答", "引用")
    head = "".join(f"<th>{label}</th>" for label in labels)
    rows = "".join("<tr>" + "".join(f"<td data-label=\"{label}\">{cell}</td>" for label, cell in zip(labels, (
        escape(o.id), escape(o.type + (" / " + o.variant if o.variant else "")), escape(o.question) + _asked(o),
        escape(" / ".join(o.expected) or "(应拒答)"), escape(o.got), _cited(o)))) + "</tr>" for o in failures)
    return f"<table class=\"cards\"><thead><tr>{head}</tr></thead><tbody>{rows}</tbody></table>"


def _cited(o) -> str:
    """The cited report (title · date · 第N段), its paragraph behind a click."""
    if not o.cited_paragraph:
        return NA
    return (f"<details><summary>{escape(o.cited_label or '(引用)')}</summary>{escape(o.cited_paragraph)}"
            f"</details>")


def _asked(o) -> str:
    """A follow-up turn: which turn, and the standalone question it was rewritten into."""
    if not o.turn:
        return ""
    return f"<br><small>第{o.turn}轮" + (f" → {escape(o.asked)}" if o.asked else "") + "</small>"


def _chart(by_type: dict) -> str:
    """An inline SVG bar chart that scales to the page: readable offline, no scripts."""
    width, row = 600, 28
    bars = []
    for i, (kind, v) in enumerate(by_type.items()):
        share = v["correct"] or 0
        y = i * row
        bars.append(f'<text x="0" y="{y + 18}">{escape(kind)} (n={v["n"]})</text>'
                    f'<rect class="bar" x="170" y="{y + 4}" width="{share * (width - 240):.0f}" height="18"/>'
                    f'<text x="{175 + share * (width - 240):.0f}" y="{y + 18}">{share:.0%}</text>')
    height = row * len(by_type) + 8
    return (f'<svg viewBox="0 0 {width} {height}" width="{width}" height="{height}" role="img">'
            f'{"".join(bars)}</svg>')
