"""A question over several places that asks no figure: "洛阳、阜阳、海东的团市委书记分别是谁?". The facts hold only
figures, so each place is asked apart through the single-report path ("洛阳的团市委书记是谁?") and the answers are
listed, each with its citations; a place its path cannot answer is said to have none.
"""
from __future__ import annotations

import re

from ingest import messages as msg
from ingest.schema import Answer

from .cross_also import distinct

# What is asked is a person or a name, not a count.
ASKS_NAME = re.compile(r"谁|哪位|什么名字|叫什么|姓名|名字")
_JOIN = re.compile(r"^\s*(?:、|和|与|及|以及|,|,)\s*$")
_EACH_WORD = re.compile(r"分别|各自|各")


def one_place_questions(text: str, mentions) -> list[tuple[str, str]]:
    """(place key, the question about it alone): the list of places named ("洛阳、阜阳、海东") replaced
    by each, and 分别/各 dropped. [] when the places are not one list."""
    mentions = sorted(mentions, key=lambda m: m.start)
    if len(mentions) < 2 or any(not _JOIN.match(text[a.end:b.start]) for a, b in zip(mentions, mentions[1:])):
        return []
    head, tail = text[:mentions[0].start], _EACH_WORD.sub("", text[mentions[-1].end:], count=1)
    return [(m.place.key, head + text[m.start:m.end] + tail) for m in mentions]


def combine(question: str, asked: list[tuple[str, Answer]], heading: str = msg.CROSS_EACH) -> Answer | None:
    """One answer listing each place's (or each part's: cross_parts), or None when no path found one."""
    found = [(place, a) for place, a in asked if a.found]
    if not found:
        return None
    lines = [heading.format(n=len(found))]
    lines += [f"{place}:{a.value or a.text.splitlines()[0]}" for place, a in found]
    missing = [place for place, a in asked if not a.found]
    if missing:
        lines.append(msg.CROSS_EACH_MISSING.format(places="、".join(missing)))
    cites = distinct(c for _, a in found for c in a.citations[:1])  # each place's answering paragraph, once
    return Answer(question, "\n".join(lines), "、".join(a.value for _, a in found if a.value), True, cites)
