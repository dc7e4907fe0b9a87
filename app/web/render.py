"""HTML for the web page: answers with the key figure in bold, citations that open to the paragraph.

Report text is untrusted. Every piece of it goes through `safe()` before it touches HTML: html.escape,
then Markdown and LaTeX punctuation as numeric entities, so that neither a Markdown
renderer ([x](javascript:…), ![](http://…)) nor KaTeX ($$…$$) can turn report text into markup.
Only the tags written in this module (strong, mark, details, summary, div, span, p, br) are real.
"""
from __future__ import annotations

import html

from ingest.schema import Answer, Citation

# After html.escape; none of these occur in the entities html.escape writes (&amp; &lt; &#x27; …).
_MARKUP = str.maketrans({c: f"&#{ord(c)};" for c in "[]()!*_`~$\\|{}:="})


def safe(text: str) -> str:
    """Text -> HTML that shows exactly that text, and cannot become a tag, link, image or formula."""
    return html.escape(str(text or ""), quote=True).translate(_MARKUP)


def lines(text: str) -> str:
    return "<br>".join(safe(line) for line in str(text or "").split("\n"))


def emphasise(text: str, value: str) -> str:
    """The answer text with the first occurrence of the key value in bold."""
    if value and value in text:
        before, _, after = text.partition(value)
        return f"{lines(before)}<strong class=\"yq-value\">{safe(value)}</strong>{lines(after)}"
    return lines(text)


def highlight(paragraph: str, quote: str) -> str:
    """The whole paragraph with the supporting span in <mark>."""
    quote = (quote or "").strip()
    if quote and quote in paragraph:
        before, _, after = paragraph.partition(quote)
        return f"{safe(before)}<mark>{safe(quote)}</mark>{safe(after)}"
    return safe(paragraph)


def citation_html(i: int, c: Citation, open_: bool = False) -> str:
    return (f"<details class=\"yq-cite\"{' open' if open_ else ''}>"
            f"<summary>[{i}] {safe(c.label())}</summary>"
            f"<div class=\"yq-para\">{highlight(c.text, c.quote)}</div>"
            f"<div class=\"yq-src\">{safe(c.source)} · 第{c.paragraph}段 · 相关度 {c.score:.2f}</div>"
            f"</details>")


def answer_html(answer: Answer) -> str:
    """The chat message for a final answer: text, then the numbered citations."""
    body = emphasise(answer.text, answer.value if answer.found else "")
    parts = [f"<div class=\"yq-answer\">{body}</div>"]
    if answer.note:
        parts.append(f"<div class=\"yq-note\">{safe(answer.note)}</div>")
    shown = answer.citations if answer.found else answer.passages[:3]
    if shown:
        title = "来源" if answer.found else "最接近的段落"
        cites = "".join(citation_html(i, c) for i, c in enumerate(shown, start=1))
        parts.append(f"<div class=\"yq-cites\"><div class=\"yq-cites-title\">{title}</div>{cites}</div>")
    return "".join(parts)


def message_html(text: str, kind: str = "info") -> str:
    """A plain message (a question typed by the user, a partial answer, an error) as safe HTML."""
    return f"<div class=\"yq-{kind}\">{lines(text)}</div>"


def passages_html(answer: Answer | None) -> str:
    """The side panel: the passages retrieved for the last question, with their scores."""
    if answer is None or not answer.passages:
        return "<div class=\"yq-empty\">提问后,这里列出检索到的段落及其相关度。</div>"
    items = []
    for i, c in enumerate(answer.passages, start=1):
        text = c.text if len(c.text) <= 240 else c.text[:240] + "…"
        items.append(f"<div class=\"yq-passage\"><div class=\"yq-passage-head\">"
                     f"<span class=\"yq-score\">{c.score:.2f}</span> [{i}] {safe(c.label())}</div>"
                     f"<div class=\"yq-passage-text\">{highlight(text, c.quote)}</div>"
                     f"<div class=\"yq-src\">{safe(c.source)}</div></div>")
    return "<div class=\"yq-passages\">" + "".join(items) + "</div>"


CSS = """
.yq-value { font-weight: 700; color: #b91c1c; }
.yq-cites { margin-top: .6em; border-top: 1px solid #e5e7eb; padding-top: .4em; }
.yq-cites-title { font-size: .85em; color: #6b7280; margin-bottom: .2em; }
.yq-cite summary { cursor: pointer; color: #1d4ed8; }
.yq-para, .yq-passage-text { margin: .3em 0 .3em 1em; line-height: 1.6; }
.yq-para mark, .yq-passage-text mark { background: #fde68a; padding: 0 .1em; }
.yq-src { font-size: .8em; color: #6b7280; margin-left: 1em; }
.yq-note, .yq-error { color: #92400e; }
.yq-passage { border-bottom: 1px solid #e5e7eb; padding: .4em 0; font-size: .9em; }
.yq-score { display: inline-block; min-width: 3em; font-weight: 600; color: #047857; }
.yq-empty { color: #6b7280; font-size: .9em; }
.yq-notice { color: #92400e; font-size: .9em; }
/* The examples must show without scrolling at 1366x768: a compact title, no room kept for an empty notice,
   small example chips (app/web/ui.py sizes the chat to the window). */
#yq-title h2 { margin: 0 0 .1em; }
#yq-title p { margin: 0; }
#yq-notice:has(.prose:empty), #yq-upload-note:has(.prose:empty) { display: none; }
#yq-examples .gallery { gap: 6px; }
#yq-examples .gallery-item { padding: 1px 6px; font-size: .85em; }
#yq-examples .gallery-item .gallery { padding: 2px 4px; }
"""
