"""Questions over a list of people's records that no sentence answers: who is youngest or oldest (by 出生年月),
how many are women or 党员, who is the only 回族 or the one not a 党员. Every recent blind set had a 公示 or a form of
candidates (blind sets 52-59: "五四奖章里最年轻的是谁", "候选人里有几个女的", "名单上唯一的回族是谁"), and the answer
step read one record's figure or refused.

Records come in two shapes: a record table's rows ("caption,马骁性别男;马骁出生年月1993年12月;…", ingest/records.py)
and a numbered list of people ("1.马宁远 男,回族,1992年7月生,中共党员,…")."""
from __future__ import annotations

import os
import re
from dataclasses import dataclass

from ingest.schema import Answer, Citation

from .table_rank import ASKED_TOP, _prefix, around, cells_of

_YOUNGEST = re.compile(r"最年轻|(?:年龄|岁数|年纪)最小|谁最小|最小的是谁|出生最晚|\byoungest\b", re.I)
_OLDEST = re.compile(r"最年长|(?:年龄|岁数|年纪)最大|谁最大|最大的是谁|出生最早|\boldest\b", re.I)
_COUNTED = re.compile(r"(?:几|多少)\s*(?:位|个|名|人)")
_WHO = re.compile(r"是谁|哪位|哪个人|哪一位|谁是|谁不是|叫什么")
# A trait is counted among a list's people only when the question speaks of the list ("全市有多少名团员" is no count
# of a 公示's 共青团员)
_GROUP = re.compile(r"候选|名单|人选|对象|获得者|获奖者|得主|入选|表彰|推荐|认定|奖章|能手|标兵|先锋|好青年|这些人|名同志|[五六七八九十\d]+[位名个]人?(?:里|中)")
_ONLY = re.compile(r"唯一|仅有|只有|不是|非")
# A trait asked -> (the field that holds it, the value's word in it)
_TRAITS = ((re.compile(r"(?<![妇少])女(?:性|生|的|同志|士)?"), "性别", "女"), (re.compile(r"男(?:性|生|的|同志|士)?"), "性别", "男"),
           (re.compile(r"党员"), "政治面貌", "党员"), (re.compile(r"团员"), "政治面貌", "团员"),
           (re.compile(r"群众"), "政治面貌", "群众"),
           (re.compile(r"((?:土家|蒙古|维吾尔|哈萨克|朝鲜|布依|[汉回满苗壮藏彝侗瑶白黎傣畲佤羌纳])族)(?!自治)"), "民族", ""))
_LABELS = {"性别": "性别", "民族": "民族", "出生年月": "出生", "出生日期": "出生", "出生": "出生", "政治面貌": "政治面貌"}
_BORN = re.compile(r"((?:19|20)\d{2})\s*[年.\-/]\s*(\d{1,2})")
_NUMBERED = re.compile(r"^\s*\d{1,2}\s*[.、．]")
# "4.白 露 女,汉族,…": a two-character name may be spaced out to the width of three
_LISTED = re.compile(r"^\s*\d{1,2}\s*[.、．]\s*([\u4e00-\u9fff][\s　]?[\u4e00-\u9fff·]{1,7})[\s　,,]+(.+)$")


@dataclass(frozen=True)
class Record:
    name: str
    fields: dict  # 性别 / 民族 / 出生 / 政治面貌 -> value as written
    number: int  # paragraph
    text: str


def answer(question: str, passages, paragraph_text) -> Answer | None:
    """The record(s) asked, cited; None when the question asks none of these or no list of records holds it."""
    age = "young" if _YOUNGEST.search(question) else "old" if _OLDEST.search(question) else None
    trait = _trait(question) if age is None else None
    if age is None and (trait is None or not (_COUNTED.search(question) or _WHO.search(question))
                        or not (_GROUP.search(question) or (_WHO.search(question) and _ONLY.search(question)))):
        return None
    for p in passages[:ASKED_TOP]:
        records = _records(p, paragraph_text)
        if len(records) < 3:
            continue
        if age and (found := _by_age(records, age)):
            born = found.fields["出生"].removesuffix("生")
            return _cited(question, p, found.name, [found], f"(出生{born},名单{len(records)}人中{'最晚' if age == 'young' else '最早'})")
        if trait and (chosen := _having(records, *trait, negated=bool(re.search(r"不是|非", question)))) is not None:
            if _COUNTED.search(question):
                measure = re.search(r"(位|个|名|人)", _COUNTED.search(question).group()).group(1)
                return _cited(question, p, f"{len(chosen)}{measure}", chosen, f"(共{len(records)}人,按名单逐一数出)")
            if len(chosen) == 1 or not _ONLY.search(question):
                return _cited(question, p, "、".join(r.name for r in chosen), chosen, "") if chosen else None
    return None


def _trait(question: str):
    for pattern, field, word in _TRAITS:
        if m := pattern.search(question):
            return field, word or m.group(1)
    return None


def _by_age(records: list[Record], age: str) -> Record | None:
    born = [(int(m[1]) * 12 + int(m[2]), r) for r in records if (m := _BORN.search(r.fields.get("出生", "")))]
    if len(born) < 3:
        return None
    pick = max if age == "young" else min
    best = pick(born, key=lambda x: x[0])[0]
    tied = [r for month, r in born if month == best]
    return tied[0] if len(tied) == 1 else None


def _having(records: list[Record], field: str, word: str, negated: bool) -> list[Record] | None:
    held = [r for r in records if field in r.fields]
    if len(held) < 3:
        return None
    return [r for r in held if (word in r.fields[field]) != negated]


def _cited(question: str, p, value: str, records: list[Record], said: str) -> Answer:
    quote = records[0].text if records else ""
    cites = tuple(Citation(p.source, p.title, p.date, r.number, r.text, r.text, p.score) for r in records)
    return Answer(question, f"{value}{said}。原文:“{quote}”", value, True, cites)


def _records(p, paragraph_text) -> list[Record]:
    """The records around a passage: the rows of its record table, else its numbered list of people."""
    prefix = _prefix(p.text)
    lines = around(p, paragraph_text, lambda t: _prefix(t) == prefix) if prefix is not None else []
    found = [r for n, t in lines if (r := _row_record(n, t, prefix))]
    if found:
        return found
    if _LISTED.match(p.text):
        return [r for n, t in around(p, paragraph_text, lambda t: bool(_NUMBERED.match(t))) if (r := _listed(n, t))]
    return []


def _row_record(number: int, text: str, prefix: str) -> Record | None:
    cells = cells_of(text, prefix)
    # the name every cell opens with; the first cell may carry the rest of a caption with a comma in it
    head = os.path.commonprefix(cells[1:]) if len(cells) >= 3 else ""
    fields = {}
    for cell in cells:
        rest = cell[len(head):]
        label = next((label for label in _LABELS if rest.startswith(label)), None)
        if label:
            fields.setdefault(_LABELS[label], rest[len(label):].strip(" ::"))
    return Record(head, fields, number, text) if 2 <= len(head) <= 8 and fields else None


def _listed(number: int, text: str) -> Record | None:
    """"1.马宁远 男,回族,1992年7月生,中共党员,千阳县…": the name, then its traits in any order."""
    m = _LISTED.match(text)
    if not m:
        return None
    fields = {}
    for part in re.split(r"[,,;;]", m.group(2))[:6]:
        part = part.strip()
        if part in ("男", "女"):
            fields["性别"] = part
        elif re.fullmatch(r"[\u4e00-\u9fff]{1,3}族", part):
            fields["民族"] = part
        elif _BORN.match(part) and part.endswith("生"):
            fields["出生"] = part
        elif re.search(r"党员|团员|群众", part) and len(part) <= 8:
            fields["政治面貌"] = part
    return Record(re.sub(r"[\s　]", "", m.group(1)), fields, number, text) if fields else None
