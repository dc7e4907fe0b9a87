"""Which reports (and places) say something: "哪些报告提到了12355?", "哪些地方开展了青少年禁毒宣传教育?".

A report is a hit when one of its chunks holds every content word of the term, not only the term verbatim: people
ask in their own words ("学雷锋志愿服务活动" where a report says "开展学雷锋志愿服务"), and a verbatim match found
one report of three for "青年文明号创建". Each row names the report's place and the places its paragraph names, as
people ask "哪些地方".
"""
from __future__ import annotations

import re
import unicodedata

from ingest import messages as msg
from ingest.schema import Answer, Citation

from .gazetteer import written

# Words that say an activity happened, not which: a report rarely repeats them next to the name of the thing.
_GENERIC = re.compile(r"^(?:活动|工作|情况|创建|开展|建设|相关|方面|组织|有关|举办|进行|实施|获评|获得|内容|问题|事情|系统|产业|行业|领域|地区|青年工作)$")
_FRAMED = re.compile(r"(?<=[\u4e00-\u9fff]{2})地区$")


def words(term: str) -> list[str]:
    """The term's content words (jieba), or the term itself when it has none of two characters or more. A
    one-character piece stays with its neighbour: "青年之家" is 青年+之+家 to jieba, and 青年 alone is in every
    report; "学雷锋" is 学+雷锋."""
    from ingest.words import jieba as mapped

    jieba = mapped()
    glued: list[str] = []
    for piece in (w.strip() for w in jieba.lcut(term)):
        if glued and (len(piece) == 1 or len(glued[-1]) == 1):
            glued[-1] += piece
        elif piece:
            glued.append(piece)
    glued = [_FRAMED.sub("", w) for w in glued]  # "边境地区": 边境 (a report says 边境县)
    found = [w for w in glued if len(w) >= 2 and not _GENERIC.match(w)]
    return list(dict.fromkeys(found)) or [term]


def mentions(index, term: str, catalogue=None, verbatim: bool = False) -> list[tuple[str, dict]]:
    """The first chunk of each report that holds every word of the term (NFKC: the reports' text is), reports in
    date order, each meta with "places": the report's and its paragraph's; found in the lexical state's texts
    (index: ingest/lexstate.State). verbatim: the term itself (a name quoted: 大竹's
    "达州青年五四奖章" is no "四川青年五四奖章", though its chunk holds 四川, 青年, 五四 and 奖章)."""
    term = unicodedata.normalize("NFKC", term).strip()
    found = [index.holding(wanted) for wanted in alternatives(term) if wanted and wanted[0]]
    first: dict[str, tuple[str, dict]] = {}
    said: dict[str, list[str]] = {}  # every chunk's text that says it: the places it is done in may be in a later one
    for _, text, meta in (row for rows in found for row in rows):
        if verbatim and _without_quotes(term) not in _without_quotes(text):  # 全国示范性“青年之家” says 全国示范性青年之家
            continue
        key = meta["doc_id"]
        where = (meta["paragraph"], meta["start"])
        said.setdefault(key, []).append(text)
        if key not in first or where < (first[key][1]["paragraph"], first[key][1]["start"]):
            first[key] = (text, meta)
    first = {k: (text, {**meta, "places": _places("\n".join(said[k]), k, catalogue, meta.get("title") or "")})
             for k, (text, meta) in first.items()}
    return sorted(first.values(), key=lambda x: (x[1].get("date") or "", x[1]["source"]))


def alternatives(term: str) -> list[list[str]]:
    """The term's content words, one list per alternative it joins with 或: "12355青少年服务台或热线" is 12355 青少年
    服务台, or 12355 热线 (a short alternative shares the first one's head word)."""
    first, *rest = [part for part in re.split(r"或者|或", term) if part] or [term]
    head = words(first)
    return [head] + [([head[0]] if len(part) <= 3 else []) + words(part) for part in rest]


def _without_quotes(text: str) -> str:
    return re.sub(r"[“”\"‘’「」『』]", "", text)


def _places(text: str, doc_id: str, catalogue, title: str = "") -> str:
    """The report's places, then those its paragraph names: 广西(南宁); a school's report is the school's
    (长江大学, not the 湖北 and 荆州 it names)."""
    if catalogue is None:
        return ""
    from . import scope

    report = catalogue.reports.get(doc_id)
    school = [name for _, _, name in scope.schools(title)][:1]
    focus = school or (sorted({written(p) for p in report.focus}) if report else [])  # 海南州, not the province
    named = [written(m.place) for m in scope.find(text, catalogue.asked_names, catalogue.known) if not m.institution]
    more = [p for p in dict.fromkeys(named) if p not in focus][:3]
    return "、".join(focus) + (f"({'、'.join(more)})" if more else "")


def answer_mention(q, question: str, hits: list[tuple[str, dict]], paragraph) -> Answer | None:
    """hits: (paragraph text, chunk metadata), one per report, in date order."""
    if not hits:
        return None
    lines = [msg.CROSS_MENTION.format(n=len(hits), term=q.indicator)]
    lines += [msg.CROSS_MENTION_ROW.format(title=m["title"] or m["source"], date=m["date"] or "-",
                                           paragraph=m["paragraph"], places=m.get("places") or "-") for _, m in hits]
    cites = tuple(Citation(m["source"], m["title"], m["date"], m["paragraph"],
                           paragraph(m["doc_id"], m["paragraph"]) or text, q.indicator, 1.0, m.get("origin", ""))
                  for text, m in hits)
    return Answer(question, "\n".join(lines), f"{len(hits)}份报告", True, cites)
