"""List answers whose items are the next paragraphs.

Work reports announce a list in one paragraph ("发挥共青团参与社会治理3支核心队伍作用。") and give one item
per following paragraph ("一是发挥团干部的引领攻坚作用。…", "二是…", "三是…"). A list question about the
announcing paragraph is answered with the items' names, each cited to its own paragraph.
"""
from __future__ import annotations

import re

_ORDINALS = "一二三四五六七八九十"
NUMERALS = {"两": 2, **{c: i for i, c in enumerate(_ORDINALS, start=1)}}  # Chinese numeral -> count
_COUNT = re.compile(r"(\d{1,2}|[两一二三四五六七八九十])\s*(?:个|支|项|类|大|条|种|件|点|方面|层次|环节|部分)")
_QUOTED = re.compile(r"“([^”]{2,30})”")
# The verb an item opens with: "发挥团干部的…作用" names 团干部, "做响“…工程”" a quoted name.
_LEAD = re.compile(r"^(?:发挥|做响|做牢|做实|做强|做优|做好|做细|加强|推进|实施|开展|打造|建设|完善|健全|深化|强化|提升|"
                   r"坚持|聚焦|突出|抓好|抓实|推动|注重|用好|建好|建立|搭建)")


def counts(text: str) -> set[int]:
    """The sizes a text announces or asks for: {3} for "3支核心队伍", {5} for "五项工程"."""
    return {int(n) if n.isdigit() else NUMERALS[n] for n in _COUNT.findall(text)}


def following_items(doc_id: str, paragraph: int, paragraph_text) -> list[tuple[int, str]]:
    """(paragraph number, text) of the 一是/二是/… paragraphs right after `paragraph`, in order."""
    items = []
    for k, ordinal in enumerate(_ORDINALS, start=1):
        text = paragraph_text(doc_id, paragraph + k)
        if not text.startswith(f"{ordinal}是"):
            break
        items.append((paragraph + k, text))
    return items


def item_name(text: str) -> str:
    """The short name of one item: its quoted name, else what its opening verb acts on, up to 的."""
    first = re.split(r"[。;;!!]", text[2:], maxsplit=1)[0]  # after 一是
    if quoted := _QUOTED.search(first):
        return quoted.group(1)
    rest = _LEAD.sub("", first)
    head = rest.split("的", 1)[0]
    return head if 0 < len(head) <= 12 else first[:20]


def enumerated(question_text: str, announcing: str, items: list[tuple[int, str]]) -> list[str]:
    """Item names when the list really is what was asked: as many items as the question or the
    announcing paragraph counts (no count at all: no answer from here)."""
    sizes = counts(question_text) or counts(announcing)
    if len(items) < 2 or len(items) not in sizes:
        return []
    return [item_name(text) for _, text in items]
