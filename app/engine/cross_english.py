"""English cross-report questions: the same cues as cross_detect's, in English ("Which … more", "the most",
"each", "combined", "change", "Which reports mention"), and the indicator in the reports' Chinese: what the
question writes in Chinese ("西部计划") and the glossary's terms for its English phrases, in the order asked.
Answers stay in Chinese, as the figures and their quotes are.
"""
from __future__ import annotations

import re

from .question import is_english  # noqa: F401 (the one reading of "English" the single-report path uses too)

_COMPARE = re.compile(r"\b(?:which|who)\b.*?\b(more|less|fewer|higher|lower|larger|bigger|smaller|greater|longer)\b", re.I)
_SUPER = re.compile(r"\b(most|least|fewest|highest|lowest|largest|biggest|smallest|greatest)\b", re.I)
_WHICH = re.compile(r"\b(?:which|who|where|what place)\b", re.I)
# The parts of the one place named: "Which county-level unit in Deyang …", "Which college at 集美大学 …".
_PARTS = re.compile(r"\bwhich (?:county(?:-level)?(?: unit)?|district|town|township|street|college|place|unit)\b", re.I)
# "Which college at Jimei University…", "which town…": the parts of one report, not places the reports are about
_INNER = re.compile(r"\bwhich (?:college|school|department|faculty|town|township|branch|day|date|group|post|station|"
                    r"project|team)s?\b|\buniversity\b", re.I)  # a holiday's days, a report's posts: no places
# "list" as a verb ("List the …"), not a noun ("in the Lu'an commendation list")
_EACH = re.compile(r"\beach\b|\brespectively\b|^(?:please\s+)?list\b|\blist (?:the|each|all|every)\b", re.I)
_SUM = re.compile(r"\bcombined\b|\bin total\b|\baltogether\b|\badd(?:ed)? up\b|\bsum of\b|\btotal number\b", re.I)
_CHANGE = re.compile(r"\bchanged?\b|\btrend\b|\bover the years\b|\bgr[eo]w|\bincreas|\bdecreas", re.I)
_MENTION = re.compile(r"\bwhich (?:reports?|documents?|places|cities|units)\b.*?\b(?:mention|refer|talk about|discuss|cover)",
                      re.I)
_LESS = {"less", "fewer", "lower", "smaller", "least", "fewest", "lowest", "smallest"}
_YEAR = re.compile(r"\b((?:19|20)\d{2})\b")
# Phrases a figure's indicator has that the glossary, made for single-report questions, does not list.
_MORE_TERMS = (("organizations", "组织"), ("organisations", "组织"), ("service hours", "服务时长"),
               ("hours", "时长"), ("western china program", "西部计划"), ("marathon", "马拉松"),
               ("hotline", "热线"), ("new members", "新发展团员"), ("members", "团员"),
               ("university volunteers", "高校志愿者"), ("major events", "大型活动"))


def indicator(text: str) -> str:
    """The Chinese a question writes inline, then the Chinese terms of its English phrases in the order asked."""
    from .glossary import _PATTERNS

    found, rest = [], text.lower()
    patterns = [(re.compile(rf"\b{re.escape(en)}\b"), zh) for en, zh in _MORE_TERMS] + [(p, forms[0]) for p, forms in _PATTERNS]
    for pattern, zh in patterns:
        m = pattern.search(rest)
        if m:
            found.append((m.start(), zh))
            rest = rest[:m.start()] + " " * (m.end() - m.start()) + rest[m.end():]  # "league members" not "league"
    inline = "".join(re.findall(r"[\u4e00-\u9fff]+", text))
    terms = [zh for _, zh in sorted(found) if zh not in inline]
    return inline + "".join(dict.fromkeys(terms))


def kind(text: str, places: tuple) -> tuple[str | None, bool]:
    """(kind, fewest) of an English question, or (None, False) to keep the single-report path."""
    compare, superlative = _COMPARE.search(text), _SUPER.search(text)
    if _SUM.search(text) and len(places) >= 2:
        return "total", False
    if len(places) >= 2 and compare:
        return "compare", compare.group(1).lower() in _LESS
    if len(places) >= 2 and superlative and _WHICH.search(text):  # "Among Hegang, Qitaihe and …, which had the most"
        return "compare", superlative.group(1).lower() in _LESS
    if not places and superlative and _WHICH.search(text) and not _INNER.search(text):
        return "rank", superlative.group(1).lower() in _LESS
    if len(places) == 1 and superlative and _PARTS.search(text):  # "Which county or district in Qitaihe … most"
        return "rank", superlative.group(1).lower() in _LESS
    if len(places) >= 2 and _EACH.search(text):
        return "list", False
    if len(places) == 1 and _CHANGE.search(text) and (len(set(_YEAR.findall(text))) != 1):
        return "trend", False
    return None, False


def ranks(text: str) -> bool:
    """An English question asks a most or a least ("Which college at 集美大学 logged the most …")."""
    return bool(_SUPER.search(text))


def mention_term(text: str) -> str | None:
    """The term a "Which reports mention …" question looks for: its Chinese, else its glossary terms."""
    if not _MENTION.search(text):
        return None
    return indicator(text) or None


def years(text: str) -> tuple[int, ...]:
    return tuple(sorted({int(y) for y in _YEAR.findall(text)}))
