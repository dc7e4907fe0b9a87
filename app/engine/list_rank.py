"""Which of the parts a sentence lists is first or last: "迎泽哪个街道发展团员最多?" of "分街道(镇)看,柳巷街道286名、
老军营街道265名、…、庙前街道173名". table_rank answers it of a table; a report as often lists its towns, streets or
colleges in one sentence, and the answer step, which reads one figure at a time, had refused (blind set 44: five of
them) or named the list's first item.

The parts are the sentence's items that name a town, a street, a county or a college and give one figure each, all
in one unit; the question must ask of that kind of part ("哪个街道", "哪个乡镇", "哪个学院") and word what the
paragraph counts before the list."""
from __future__ import annotations

import re

from ingest.schema import Answer, Citation

from .localities import COLLEGE, TOWN
from .numbers import find_quantities
from .table_rank import excepted, position_of, set_aside

# The part asked which one of: 哪个街道, 哪个乡镇, 哪个县(市、区), 哪个学院.
_WHICH_PART = re.compile(r"哪(?:个|一个|家)?(?P<part>街道|乡镇|镇街|街镇|镇|乡|县区|区县|县市区|县|区|学院|学部|社区)")
# … or named before it, with which-word anywhere after: "古交三个街道里发展团员最多的是哪个", "列出的街道（镇）里…".
_AMONG_PARTS = re.compile(r"(?P<part>街道|乡镇|镇街|街镇|县市区|县区|区县|学院|学部|社区|镇|乡|县|区)(?:[（(][^）)]{1,4}[）)])?"
                          r"(?:里|中|当中|之中)(?=.*哪)")
_KINDS = {"街道": ("街道", "镇", "乡"), "乡镇": ("镇", "乡", "街道"), "镇街": ("镇", "街道", "乡"), "街镇": ("镇", "街道", "乡"),
          "镇": ("镇", "乡", "街道"), "乡": ("乡", "镇"), "社区": ("社区",), "学院": ("学院", "学部", "书院"),
          "学部": ("学院", "学部"), "县区": ("县", "区", "市"), "区县": ("县", "区", "市"), "县市区": ("县", "区", "市"),
          "县": ("县", "区", "市"), "区": ("区", "县", "市")}
_ITEM_SPLIT = re.compile(r"[、;；,，]")
_LABEL = re.compile(rf"(?:其中|分别为|分别是|分别|包括|依次为)?[::]?(?P<label>{TOWN}|{COLLEGE}|[\u4e00-\u9fff]{{2,6}}?(?:县|区|市))"
                    r"(?:团委|团工委)?[\u4e00-\u9fff]{0,8}?$")
_SENTENCES = re.compile(r"[^。!?!?]+[。!?!?]?")
_MIN_ITEMS = 3
PASSAGES = 6  # a list sentence is its paragraph's tail: it ranks below the sentences naming the place


def answer(question: str, terms, passages, paragraph_text=None) -> Answer | None:
    """The listed part first or last in the figure asked, cited; None when no sentence of the best passages lists
    such parts of what the question counts. terms: the question's content words; paragraph_text(doc_id, n): the
    paragraph before a list may say what it counts ("1至9月,全区新发展团员1736名。" then "分单位看,千峰街道312名、…")."""
    which = _WHICH_PART.search(question) or _AMONG_PARTS.search(question)
    nth = position_of(question)
    if not which or nth not in ("most", "least"):
        return None
    kinds = _KINDS[which["part"]]
    aside = set_aside(question)  # "除了榆阳区,哪个县…": the rest of the list
    topic = [t for t in terms if len(t) >= 2 and not re.search(r"哪|最|多|少|高|低", t) and t not in kinds]
    for p in passages[:PASSAGES]:
        start = 0
        earlier = paragraph_text(p.doc_id, p.paragraph - 1) if paragraph_text and p.paragraph > 1 else ""
        for sentence in _SENTENCES.findall(p.text):
            items = [item for item in _items(sentence, kinds) if not excepted(item[0], aside)]
            before = earlier + p.text[:start + len(sentence)]
            start += len(sentence)
            if len(items) < _MIN_ITEMS or not any(t in before for t in topic):
                continue
            label, quote, _ = (max if nth == "most" else min)(items, key=lambda item: item[2])
            said = "最多" if nth == "most" else "最少"
            return Answer(question, f"{label}。原文:“{quote}”(句中所列{len(items)}项中{said})", label, True,
                          (Citation(p.source, p.title, p.date, p.paragraph, p.text, sentence.strip(), p.score),))
    return None


# "东曲街道、桃园街道、屯兰街道分别新发展团员132名、118名、96名": the parts first, their figures after 分别.
_RESPECTIVE = re.compile(r"(?P<labels>(?:[\u4e00-\u9fff]{2,10}、)+[\u4e00-\u9fff]{2,10}?(?:和[\u4e00-\u9fff]{2,10}?)?)"
                         r"分别(?P<rest>[^。;；,，]*)")


def _items(sentence: str, kinds: tuple[str, ...]) -> list[tuple[str, str, float]]:
    """(label, its piece of the sentence, value) of each listed part of the kinds asked, when they share one unit."""
    if (both := _RESPECTIVE.search(sentence)) and (paired := _respective(both, kinds)):
        return paired
    found, units = [], set()
    for piece in _ITEM_SPLIT.split(sentence):
        quantities = [q for q in find_quantities(piece) if q.unit not in ("年", "月", "日")]
        if len(quantities) != 1:
            continue
        q = quantities[0]
        label = _LABEL.search(piece[:q.start])
        if not label or not label["label"].endswith(kinds) or label["label"].startswith(("其他", "其余", "全")):
            continue
        found.append((label["label"], piece.strip(), q.value))
        units.add(q.unit)
    return found if len(units) == 1 else []


def _respective(m: re.Match, kinds: tuple[str, ...]) -> list[tuple[str, str, float]]:
    labels = re.split(r"、|和", m["labels"])
    quantities = [q for q in find_quantities(m["rest"]) if q.unit not in ("年", "月", "日")]
    if len(labels) != len(quantities) or len({q.unit for q in quantities}) != 1 \
            or not all(label.endswith(kinds) and _LABEL.fullmatch(label) for label in labels):
        return []
    return [(label, f"{label}{q.text}", q.value) for label, q in zip(labels, quantities)]
