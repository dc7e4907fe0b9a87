"""Follow-up questions ("那团员呢?", "宝鸡呢?") rewritten into standalone ones, by rule or by the LLM."""
from __future__ import annotations

import re

_FOLLOWUP = re.compile(r"^(?:那|那么|还有|and|what about|how about)?\s*(?P<focus>.{1,12}?)\s*(?:呢|怎么样|如何)?\s*[??]?$", re.I)
_ASKS = re.compile(r"多少|几|谁|哪|什么|how|who|when|which|what", re.I)


def condense(question: str, history: list, llm=None) -> str:
    """Return a standalone question. history: [(question, answer_text), ...] or chat messages."""
    question = question.strip()
    previous = _last_question(history)
    if not previous or _ASKS.search(question) or not _FOLLOWUP.match(question):
        return question
    if llm is not None:
        return llm.condense(question, previous)
    focus = _FOLLOWUP.match(question)["focus"].strip()
    return _substitute(previous, focus)


def _last_question(history: list) -> str:
    for turn in reversed(history or []):
        if isinstance(turn, dict) and turn.get("role") == "user":
            return str(turn.get("content", ""))
        if isinstance(turn, (list, tuple)) and turn:
            return str(turn[0])
    return ""


_PLACE = re.compile(r"^[\u4e00-\u9fff]{2,4}(?:省|市|区|县|州)?$")


def _substitute(previous: str, focus: str) -> str:
    """'铜川...注册了多少志愿者?' + '团员' -> '铜川...注册了多少团员?'; + '宝鸡' -> '宝鸡...志愿者?'."""
    place = _place(previous)
    if place and _PLACE.match(focus) and _place(focus + "的") == focus:
        return previous.replace(place, focus, 1)
    m = re.search(r"(多少|几)[个名人所家期场次项条笔份篇处支位]?(?P<subject>[\u4e00-\u9fff]{1,8})", previous)
    if m:
        return previous[:m.start("subject")] + focus + previous[m.end("subject"):]
    return f"{previous.rstrip('??')}{focus}?"


def _place(text: str) -> str:
    """The first place name (jieba tag ns) in a text, or ""."""
    import jieba.posseg

    return next((w.word for w in jieba.posseg.cut(text) if w.flag == "ns"), "")
