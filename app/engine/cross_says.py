"""The sentence a report ranks its own places in ("民和县新发展团员705名……居全市首位", "其中资助困难学生最多的是遂川县"): a
rank answered from one report's figures cites it first, before the figures compared, since it states the answer.
"""
from __future__ import annotations

import re

from ingest.schema import Citation, Fact

from .report_lines import paragraphs

_NUMERALS = "一二三四五六七八九十"
_SENTENCE = re.compile(r"[^。;;!?!?\n]+")


def rank_words(fewest: bool, nth: int, top: int) -> re.Pattern:
    """How a report says the place asked is at that rank."""
    if top > 1:
        return re.compile(rf"前(?:{top}|{_numeral(top)})")
    if nth > 1:
        return re.compile(rf"第(?:{nth}|{_numeral(nth)})" + ("|次之" if nth == 2 else ""))
    if fewest:
        return re.compile(r"最少|最低|末位|倒数第一|最后一位")
    return re.compile(r"首位|第一|第1(?!\d)|最多|最高|居首|榜首|之首")


def _numeral(n: int) -> str:
    """一 … 十 (cross_detect reads ranks up to 99: 排第12 has none, and no IndexError)."""
    return _NUMERALS[n - 1] if n <= len(_NUMERALS) else str(n)


def ranking(winners: list[Fact], others: list[Fact], words: re.Pattern, topic: set[str], paragraph_text,
            shown) -> Citation | None:
    """The paragraph of the winners' report with a sentence that names the (first) winner and says its rank next
    to it (before the next place it names, after the one before), about the thing asked (half of its bigrams, or
    "三项指标均…"); None when the report says no such thing or the figures come from several reports."""
    from .cross import bigrams  # cross imports this module

    f = winners[0]
    if any(o.doc_id != f.doc_id for o in others):
        return None
    names = {shown(f), f.place} - {""}
    rivals = {n for o in others if o.place not in {w.place for w in winners} for n in (shown(o), o.place) if n}
    for n, text in paragraphs(f.doc_id, paragraph_text):
        for m in _SENTENCE.finditer(text):
            sentence = m.group()
            if not (len(topic & bigrams(sentence)) * 2 >= len(topic) > 0 or "指标" in sentence):
                continue
            for name in names:
                at = sentence.find(name)
                if at >= 0 and words.search(_own_stretch(sentence, at, len(name), rivals)):
                    return Citation(f.source, f.title, f.date, n, text, sentence.strip(" ,,"), 1.0, f.origin)
    return None


def _own_stretch(sentence: str, at: int, length: int, rivals: set[str]) -> str:
    """The part of the sentence about the place at `at`: from the last rival named before it to the next after."""
    before = max((sentence.rfind(r, 0, at) + len(r) for r in rivals if sentence.rfind(r, 0, at) >= 0), default=0)
    after = min((i for r in rivals if (i := sentence.find(r, at + length)) >= 0), default=len(sentence))
    return sentence[before:after]
