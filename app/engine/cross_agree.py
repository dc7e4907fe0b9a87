"""Whether reports agree on a figure: "全委会报告、推进计划和公众号推文中2025年“返家乡”岗位数是否一致?是多少?". The
figure is asked on the single-report path without the yes/no; every other retrieved report whose paragraph gives the
same figure among the question's terms agrees: "一致", each cited. Fewer than two reports giving it leaves the
question as it was.
"""
from __future__ import annotations

import re

from ingest.schema import Answer, Citation

from .coverage import coverage
from .numbers import find_quantities, parse_quantity, same_quantity

ASKS_AGREE = re.compile(r"(?:是否|有没有|是不是)(?:一致|相同|吻合|对得上)|(?:一致|相同|吻合|对得上)(?:吗|么|不)|"
                        r"(?:分别|各)(?:是)?怎么(?:写|说)的?")
_DOCS = re.compile(r"^(?:在|按|据)?[^,,。??]{2,40}?(?:中|里|里面|上)(?:的)?")  # "全委会报告、推进计划和推文中"
SAME_THING = 0.6  # share (idf-weighted) of the figure question's terms a paragraph must hold around the figure


def figure_question(question: str) -> str | None:
    """The question of the figure itself, the yes/no and the reports it names dropped; None when it asks no agreement.
    "…增加了多少个?与全委会报告一致吗?": the figure is the other sentence's."""
    sentences = [s for s in re.split(r"[?\uff1f]", question) if s.strip()]
    at = next((i for i, s in enumerate(sentences) if ASKS_AGREE.search(s)), None)
    if at is None:
        return None
    core = ASKS_AGREE.sub("", sentences[at])
    core = _WITH_DOC.sub("", _IN_DOCS.sub("", core))
    core = _DOCS.sub("", core, count=1) if len(_DOCS.sub("", core, count=1)) >= 4 else core
    core = re.sub(r"(?:是多少|多少)$", "", core.strip(" ,,"))
    if len(core) >= 3:
        return f"{core}是多少?"
    others = [s for i, s in enumerate(sentences) if i != at and re.search(r"多少|几", s)]
    return f"{others[0].strip()}?" if others else None


_IN_DOCS = re.compile(r"在[^,,。]{2,30}?(?:中|里)")
_WITH_DOC = re.compile(r"(?:与|和|跟)[^,,。]{2,20}?(?:报告|计划|方案|推文|总结|汇总表|监测表|通报|简报)[^,,。]{0,4}?$")


def combine(question: str, single: Answer, passages, terms, idf) -> Answer | None:
    """"一致" and the figure, each report that gives it cited; None unless another report gives the same figure for
    the same thing. A different figure is not said to disagree: a paragraph's other figure of the same words is as
    often another thing (参与青年1.12万人次 beside 澳门青年427人次), and a false "不一致" costs more than none."""
    value = single.value if single.found and single.value and parse_quantity(single.value) else ""
    if not value or not single.citations:
        return None
    first = single.citations[0]
    given = {first.source: first}
    for p in passages:
        if p.source in given:
            continue
        for q in find_quantities(p.text):
            near = p.text[max(0, q.start - 30):q.end + 4]
            if same_quantity(value, q.text) and coverage(terms, near, idf) >= SAME_THING:
                given[p.source] = Citation(p.source, p.title, p.date, p.paragraph, p.text, near, p.score)
                break
    if len(given) < 2:
        return None
    listed = "、".join(f"《{c.title}》" for c in given.values())
    return Answer(question, f"一致,{value}。{listed}都写作{value}。", f"一致,{value}", True, tuple(given.values()))
