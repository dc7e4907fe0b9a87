"""Whether reports agree on a figure: "全委会报告、推进计划和公众号推文中2025年“返家乡”岗位数是否一致?是多少?". The
figure is asked on the single-report path without the yes/no; every other retrieved report whose paragraph gives the
same figure among the question's terms agrees: "一致", each cited. Fewer than two reports giving it leaves the
question as it was.
"""
from __future__ import annotations

import re

from ingest.schema import Answer, Citation

from .conflict import agree
from .coverage import coverage
from .numbers import find_quantities, parse_quantity, same_quantity

ASKS_AGREE = re.compile(r"(?:是否|有没有|是不是)(?:一致|相同|吻合|对得上)|(?:一致|相同|吻合|对得上|一样)(?:吗|么|不)|"
                        r"(?:分别|各)(?:是)?怎么(?:写|说)的?")
SAME_THING = 0.6  # share (idf-weighted) of the figure question's terms a paragraph must hold around the figure
# A report named by what it is ("永胜督办台账", "全委会报告表1-2", "宣传片"): its kind word, the words that say which
# one of that kind (督办, 全委会, 分季度) and where in it (里, 中, 说的). A place or programme before them stays in the
# figure asked (永胜, 希望工程, 同心行): without it "新发展团员完成数" is any county's.
_KIND = (r"(?:工作|调研|总结|全委会|年度)?报告(?:表\d+(?:-\d+)?)?|台账|简报表?|推文|宣传片|汇总表?|明细表?|预算表|透视表|"
         r"监测表|推荐表|方案批注|方案|批注|总结|纪要|通报|新闻|团讯[^\s,,、和与跟里中的]{0,6}|推进计划|表\d+(?:-\d+)?|"
         r"全委会(?=说|里|中|的)")
_WHICH = r"(?:市|团市委|全委会|督办|分季度|验收|公众号|自己的|各自|全会)?"
_REF = re.compile(rf"{_WHICH}(?:{_KIND})(?:里面|里|中|上)?(?:说的|写的|所说的)?的?")
_PIECES = re.compile(r"[|,,;;]|(?<![参给])[和与跟]")
_JOIN = re.compile(r"^[和与跟、在,,]+|[和与跟、在,,]+$")


def figure_question(question: str) -> str | None:
    """The question of the figure itself, the yes/no and the reports it names dropped; None when it asks no agreement.
    "…增加了多少个?与全委会报告一致吗?": the figure is the other sentence's. Each side's words are kept once:
    "永胜台账里新发展团员完成数和表1-1的实际发展数" asks 永胜's 新发展团员完成数实际发展数."""
    sentences = [s for s in re.split(r"[?\uff1f]", question) if s.strip()]
    at = next((i for i, s in enumerate(sentences) if ASKS_AGREE.search(s)), None)
    if at is None:
        return None
    parts: list[str] = []
    for piece in _PIECES.split(_REF.sub("|", ASKS_AGREE.sub("", sentences[at]))):
        piece = _JOIN.sub("", re.sub(r"^(?:各?是多少|多少|是)$", "", piece.strip()))
        if piece and not any(piece in p for p in parts):
            parts = [p for p in parts if p not in piece] + [piece]
    if parts:
        return "".join(parts) + "是多少?"
    others = [s for i, s in enumerate(sentences) if i != at and re.search(r"多少|几", s)]
    return f"{others[0].strip()}?" if others else None


def combine(question: str, single: Answer, passages, terms, idf, stated=()) -> Answer | None:
    """"一致" and the figure, each report that gives it cited; None unless another report gives the same figure for
    the same thing (written loosely counts: 八万两千余名 is 82260名, conflict.agree). A different figure is not said to
    disagree: a paragraph's other figure of the same words is as often another thing (参与青年1.12万人次 beside 澳门
    青年427人次), and a false "不一致" costs more than none. stated: (citation, figure as written) of facts that give
    it (stating)."""
    value = _figure(single)
    if not value:
        return None
    first = single.citations[0]
    given, written = {first.source: first}, {first.source: value}
    for p in passages:
        if p.source in given:
            continue
        for q in find_quantities(p.text):
            near = p.text[max(0, q.start - 30):q.end + 4]
            if agree(value, q.text) and coverage(terms, near, idf) >= SAME_THING:
                given[p.source] = Citation(p.source, p.title, p.date, p.paragraph, p.text, near, p.score)
                written[p.source] = q.text
                break
    for cited, figure in stated:
        if cited.source not in given:
            given[cited.source], written[cited.source] = cited, figure
    if len(given) < 2:
        return None
    if all(same_quantity(value, w) for w in written.values()):
        said = "、".join(f"《{c.title}》" for c in given.values()) + f"都写作{value}"
    else:
        said = ";".join(f"《{c.title}》写作{written[c.source]}" for c in given.values())
    return Answer(question, f"一致,{value}。{said}。", f"一致,{value}", True, tuple(given.values()))


def sides(question: str) -> tuple[str, str] | None:
    """Each side of "A的…和B的…一致吗?" asked alone, reports named kept ("全委会报告的核定贴息额", "青创贷台账的贴息
    合计"): where the two sides word the figure apart, the one figure question holds neither side's words whole."""
    sentence = next((s for s in re.split(r"[?\uff1f]", question) if ASKS_AGREE.search(s)), "")
    body = ASKS_AGREE.sub("", sentence).strip(" ,,")
    joins = [m for m in re.finditer(r"(?<![参给])[和与跟]", body) if body.count("“", 0, m.start()) == body.count("”", 0, m.start())]
    if len(joins) != 1:
        return None
    first, second = body[:joins[0].start()].strip(" ,,"), body[joins[0].end():].strip(" ,,")
    if any(len(_REF.sub("", side).strip(" 、,,")) < 2 for side in (first, second)):
        return None  # a side that is only reports named ("全委会报告、推进计划和…"): one figure, asked whole
    if second.endswith("的") and (counted := re.split(r"[的里中]", first)[-1]):  # "…和全委会报告表1里叙永县的一致吗":
        second += counted  # the figure the first side names (团员总数), of what the second names
    return f"{first}是多少?", f"{second}是多少?"


def both(question: str, first: Answer, second: Answer) -> Answer | None:
    """"一致" and the figure when each side, asked alone, is answered from a report of its own with the same figure;
    None otherwise (a different figure is as often a side answered wrong: no "不一致" is said, as in combine)."""
    a, b = _figure(first), _figure(second)
    if not (a and b and agree(a, b)) or first.citations[0].source == second.citations[0].source:
        return None
    cites = (first.citations[0], second.citations[0])
    said = ";".join(f"《{c.title}》写作{v}" for c, v in zip(cites, (a, b)))
    return Answer(question, f"一致,{a}。{said}。", f"一致,{a}", True, cites)


def stating(single: Answer, facts, paragraph, least: float) -> list[tuple[Citation, str]]:
    """(paragraph, figure as written) of other reports' facts that give the answer's figure, of an indicator matched
    as well as a cross answer's (score >= least): the report a question names beside the one answering ("和全委会报告
    表1-2里的") is often not among the figure question's passages, which keep to the place's own report."""
    value = _figure(single)
    if not value:
        return []
    first = single.citations[0].source
    return [(Citation(f.source, f.title, f.date, f.paragraph, paragraph(f.doc_id, f.paragraph) or f.quote, f.quote, s,
                      f.origin), f.figure) for f, s in facts if s >= least and f.source != first and agree(value, f.figure)]


def _figure(single: Answer) -> str:
    """The figure the single-report path found and cited, or ""."""
    found = single.found and single.value and single.citations and parse_quantity(single.value)
    return single.value if found else ""
