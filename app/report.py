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
        f"<tr><td>{escape(o.id)}</td><td>{escape(o.type)}</td><td>{escape(o.question)}</td>"
        f"<td>{escape(' / '.join(o.expected) or '(refuse)')}</td><td>{escape(o.got)}</td>"
        f"<td>{escape(o.cited_paragraph)}</td></tr>"
        for o in outcomes if not o.correct)
    return f"""<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>youthqa evaluation</title>
<style>body{{font-family:sans-serif;margin:2em;max-width:1100px}}table{{border-collapse:collapse;margin:1em 0}}
td,th{{border:1px solid #ccc;padding:4px 8px;text-align:left;vertical-align:top}}.bar{{fill:#3b7dd8}}</style></head>
<body><h1>youthqa 评测报告 / evaluation report</h1>
<h2>Summary</h2><table>{metrics}</table>
<h2>Accuracy by question type</h2>{_chart(summary.get("by_type", {}))}
<h2>Failures ({sum(not o.correct for o in outcomes)})</h2>
<table><tr><th>id</th><th>type</th><th>question</th><th>expected</th><th>got</th><th>cited paragraph</th></tr>{failures}</table>
</body></html>"""


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
