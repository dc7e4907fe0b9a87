"""The evaluation report as one self-contained HTML file: a per-type chart and the failures."""
from __future__ import annotations

from html import escape
from pathlib import Path


def write_report(path: Path, summary: dict, outcomes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(render(summary, outcomes), encoding="utf-8")


def render(summary: dict, outcomes) -> str:
    metrics = "".join(f"<tr><th>{escape(k)}</th><td>{escape(str(v))}</td></tr>"
                      for k, v in summary.items() if not isinstance(v, dict))
    failures = "".join(
        f"<tr><td>{escape(o.id)}</td><td>{escape(o.type + (' / ' + o.variant if o.variant else ''))}</td>"
        f"<td>{escape(o.question)}{_asked(o)}</td>"
        f"<td>{escape(' / '.join(o.expected) or '(refuse)')}</td><td>{escape(o.got)}</td>"
        f"<td>{escape(o.cited_paragraph)}</td></tr>"
        for o in outcomes if not o.correct)
    return f"""<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>youthqa evaluation</title>
<style>body{{font-family:sans-serif;margin:2em;max-width:1100px}}table{{border-collapse:collapse;margin:1em 0}}
td,th{{border:1px solid #ccc;padding:4px 8px;text-align:left;vertical-align:top}}.bar{{fill:#3b7dd8}}</style></head>
<body><h1>youthqa 评测报告 / evaluation report</h1>
<h2>Summary</h2><table>{metrics}</table>
{_files(summary.get("by_file", {}), "gold file")}{_files(summary.get("by_corpus", {}), "reports folder")}
<h2>Accuracy by question type</h2>{_chart(summary.get("by_type", {}))}
<h2>Failures ({sum(not o.correct for o in outcomes)})</h2>
<table><tr><th>id</th><th>type</th><th>question</th><th>expected</th><th>got</th><th>cited paragraph</th></tr>{failures}</table>
</body></html>"""


def _asked(o) -> str:
    """A follow-up turn: which turn, and the standalone question it was rewritten into."""
    if not o.turn:
        return ""
    return f"<br><small>turn {o.turn}" + (f" → {escape(o.asked)}" if o.asked else "") + "</small>"


def _files(by_file: dict, what: str) -> str:
    if not by_file:
        return ""
    columns = ("questions", "accuracy", "citation_accuracy", "refusal_accuracy", "false_refusal_rate",
               "follow_up_turns_right")
    head = "".join(f"<th>{c}</th>" for c in columns)
    rows = "".join(f"<tr><th>{escape(f)}</th>" + "".join(f"<td>{escape(str(s.get(c, '-')))}</td>" for c in columns)
                   + "</tr>" for f, s in by_file.items())
    return f"<h2>By {what}</h2><table><tr><th>{what}</th>{head}</tr>{rows}</table>"


def _chart(by_type: dict) -> str:
    """An inline SVG bar chart: readable offline, no scripts."""
    width, row = 600, 28
    bars = []
    for i, (kind, v) in enumerate(by_type.items()):
        share = v["correct"] or 0
        y = i * row
        bars.append(f'<text x="0" y="{y + 18}">{escape(kind)} (n={v["n"]})</text>'
                    f'<rect class="bar" x="170" y="{y + 4}" width="{share * (width - 240):.0f}" height="18"/>'
                    f'<text x="{175 + share * (width - 240):.0f}" y="{y + 18}">{share:.0%}</text>')
    return f'<svg width="{width}" height="{row * len(by_type) + 8}" role="img">{"".join(bars)}</svg>'
