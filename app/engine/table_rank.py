"""Which row of one report's table is first, last or at a position ("表1中哪个条线重点项目最多?", "综合评估排名最后一名
的是哪个市县?"): worked out from the table's rows, which no sentence of the report states (blind sets 37-39: the
caption or the 合计 row was taken for the answer, or the question refused).

A table row is stored as one paragraph, "caption,head+label+value;head+label+value;…" (ingest/tables.py row_lines);
the rows of one table are consecutive paragraphs sharing the caption."""
from __future__ import annotations

import os
import re
from collections import Counter
from dataclasses import dataclass
from types import SimpleNamespace

from ingest.schema import Answer, Citation

from .numbers import chinese_to_int, parse_quantity

# A which-question over a superlative or a position: 最多/最少, 排名第一, 最后一名, 倒数第一.
_WHICH = re.compile(r"哪[一个些家所支位里儿类项种]|是谁|谁的|\bwhich\b|最[多少高低大小]的[\u4e00-\u9fff]{1,4}[??]?$|"
                    r"第[一二三四五六七八九十\d]{1,3}(?:名|位)?的[\u4e00-\u9fff]{1,6}[??]?$|"  # 排名第二的(历下)街道
                    r"第[一二三四五六七八九十\d]{1,3}(?:名|位)是(?:什么|啥)[\u4e00-\u9fff]{0,4}[??]?$|"  # 第2名是什么项目
                    r"(?:考核|考评|评比|测评|排名|评估)第[一二三四五六七八九十\d]{1,3}(?:名|位)[?？]?$", re.I)  # "2024年考核第三名?"
_MOST = re.compile(r"最(?:多|高|大|快|强|长)|第一多|\b(?:most|highest|largest|longest)\b", re.I)
_LEAST = re.compile(r"最(?:少|低|小|慢|弱|短)|\b(?:fewest|least|lowest|smallest|shortest)\b", re.I)
_NTH = re.compile(r"(?:排名|排|名次|位次|位列|列|全[市省州区县国]|考评|考核|评比|评估|测评)第([一二三四五六七八九十\d]{1,3})|第([一二三四五六七八九十\d]{1,3})(?:名|位)"
                  r"|\b(?:rank(?:ed|s)?|placed|came|finished)\s+(?:no\.\s*)?(first|second|third|fourth|fifth|sixth|seventh|"
                  r"eighth|ninth|tenth|\d{1,2})(?:st|nd|rd|th)?\b|\b(first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|"
                  r"tenth)\s+place\b", re.I)
_LAST = re.compile(r"最后一?名?|倒数第一|末位|垫底|\b(?:rank(?:ed|s)?|placed|came|finished)\s+last\b|\blast place\b|"
                   r"\bbottom\b", re.I)
_FROM_END = re.compile(r"倒数第([二三四五六七八九\d])")
_ENGLISH_NTH = {w: i for i, w in enumerate("first second third fourth fifth sixth seventh eighth ninth tenth".split(), 1)}
_RANK_LABEL = re.compile(r"(?:全[市省州区县]|综合|总)?(?:排名|名次|位次|排序)")
_SCORE_LABEL = re.compile(r"(?:综合|考核|总|评估)?(?:得分|评分|分数|总分)")  # ranked by, when no column says the rank
_TOTAL_ROW = re.compile(r"^(?:合计|总计|小计|共计|全[市省区县州校年]|平均|总数|其他|其余|其它)")  # 全年: a table by quarter; 其他学院: many
_VALUE = re.compile(r"(?<![\d.,])(\d[\d,]*(?:\.\d+)?)\s*(万|亿)?[^\d;;。]{0,4}$")
_WRITTEN_RANK = re.compile(r"(?:并列)?第([一二三四五六七八九十]{1,3})(?:名|位)?$")  # a position in words: 第十一, 并列第三
_HEAD_END = re.compile(r"^(?:市|县|区|镇|乡|街道|旗|州|部|院|校|队|组|月份|月|季度)")  # 1月, 2月: a table by month
TABLE_ROWS = 60  # a table's rows read at most, each way from the one retrieved
ASKED_TOP = 3  # the table must be among the best passages
CAPTION_SHARED = 3  # … or its caption share this many two-character runs with the question, its years aside
_YEARS = re.compile(r"\d+年?度?")


@dataclass(frozen=True)
class Row:
    number: int  # paragraph
    text: str
    head: str
    cells: dict  # label -> (value, clause)


def answer(question: str, passages, paragraph_text, terms=()) -> Answer | None:
    """The row asked for, cited, or None when the question asks no such thing or no table holds it. terms: the
    question's words in Chinese (an English question's glossary terms), which a caption is compared with too."""
    if not _WHICH.search(question):
        return None
    nth = position_of(question)
    if nth is None:
        return None
    for i, p in enumerate(passages):
        rows = _table(p, paragraph_text)
        kinded = _of_kind(question, rows) if rows else None  # the rows of the kind asked; None: another kind's table
        if i >= ASKED_TOP and not _named_below_top(question, terms, rows, kinded, nth, p, paragraph_text):
            continue
        if rows and _other_year(question, _prefix(rows[0].text) or ""):  # "2025年度…第一名" of a 2024 ranking
            continue
        if rows and kinded is None:  # "哪个街道…最多" of a table of districts: another's
            continue
        if rows and (kind := _DOCUMENT_ASKED.search(question)) and kind.group(1) not in p.title:
            continue  # "通报表1…" of another report's 表1
        rows = kinded if rows else rows
        if len(rows) >= 3 and (found := _pick(question, rows, nth)):
            return _cited(question, nth, p, found)
    if nth in ("most", "least"):
        return None
    firsts: dict = {}
    for p in passages[:RANKING_PASSAGES]:
        firsts.setdefault(p.doc_id, p)  # each report once, by its best passage, best first
    for p in firsts.values():
        if (ranking := _ranking_of_report(question, p, paragraph_text)) and (found := _pick(question, ranking, nth)):
            return _cited(question, nth, p, found)
    return None


def _cited(question: str, nth, p, found) -> Answer:
    row, label, clause = found
    quote = clause.strip()
    text = f"{row.head}。原文:“{quote}”" + (f"(表中{label}{_said(nth)})" if nth in ("most", "least") else "")
    return Answer(question, text, row.head, True, (Citation(p.source, p.title, p.date, row.number, row.text, quote, p.score),),
                  note=NOTE)


NOTE = "表中各行比较得出。(ranked over one table's rows)"


REPORT_PARAGRAPHS = 400  # a report's paragraphs read for its ranking table, at most
RANKING_PASSAGES = 8  # the reports of this many best passages are read for one


def _ranking_of_report(question: str, p, paragraph_text) -> list[Row]:
    """A position asked of a retrieved passage's report when no passage is a row of its ranking ("考评第一名是哪个?":
    the rows write 第1名, the question 第一名, and its sentences were retrieved): the report's first table with a rank
    column whose caption or report title the question words (as _named_below_top asks of one retrieved); [] for none."""
    n = 1
    while n <= REPORT_PARAGRAPHS and (text := paragraph_text(p.doc_id, n)):
        at = SimpleNamespace(doc_id=p.doc_id, paragraph=n, text=text)
        rows = _table(at, paragraph_text) if _prefix(text) is not None else []
        caption = (_prefix(rows[0].text) or "") if rows else ""
        if len(rows) >= 3 and _ranked(rows) and _of_kind(question, rows) and not _other_year(question, caption) \
                and _shared(question, _YEARS.sub("", f"{caption} {p.title}")) >= _bare_floor(question) \
                and (not _TABLE_ASKED.search(question) or _numbered_as_asked(question, rows, at, paragraph_text)):
            return rows
        n = max([n, *(r.number for r in rows)]) + 1
    return []


# A position and its which-word, nothing else: "第九名是哪个县?" names no table, the first ranked one answers.
_ONLY_POSITION = re.compile(r"^(?:那|那么)?(?:上年|去年)?(?:排名|排)?(?:倒数)?第[一二三四五六七八九十\d]{1,3}(?:名|位)?(?:的是|的|是)?"
                            r"(?:哪[个一里家所位]?[\u4e00-\u9fff]{0,2}|谁)?[?？]?$")


# The kind of row a which-question asks for, and the ends of the row names of that kind: a street, a town, a college.
_KINDS = (("街道乡镇", ("街道", "镇", "乡")), ("街道(乡镇)", ("街道", "镇", "乡")), ("镇街", ("街道", "镇", "乡")),
          ("街镇", ("街道", "镇", "乡")), ("乡镇", ("镇", "乡", "街道")), ("街道", ("街道", "办事处")),
          ("学院", ("学院", "学部", "书院", "研究院")))  # the longer words first: "单列街道乡镇中…最少" has 乡 rows
_PARTS = tuple(end for _, ends in _KINDS for end in ends)  # a place's parts, below a county
_KINDS += (("哪个月", ("月", "月份")), ("哪一个月", ("月", "月份")), ("哪个月份", ("月", "月份")),  # a table by month
           ("县市区", ("县", "市", "区", "旗")), ("县(市、区)", ("县", "市", "区", "旗")), ("县区", ("县", "区", "旗")))


_BRACKET_END = re.compile(r"[((][^()()]*[))]$")


def _asked_kind(question: str) -> tuple[str, ...] | None:
    return next((ends for word, ends in _KINDS if word in question), None)


def _of_kind(question: str, rows: list[Row]) -> list[Row] | None:
    """The table's rows of the kind the question asks for ("哪个街道", "最少的街道", "哪个学院": its 区直机关 row left
    out), all of them when it names none; None when most rows are of another kind: a question over streets is not
    answered from a table of districts, nor one over districts or counties from a table of towns or colleges."""
    asked = _asked_kind(question)
    if asked is not None:  # "计算机科学与技术学院(大数据学院)": a college all the same
        kept = [r for r in rows if _BRACKET_END.sub("", r.head).endswith(asked)]
        return kept if len(kept) * 2 >= len(rows) else None
    if re.search(r"哪(?:个|一个|些)?(?:县|区|市|县区|县市区|区县)|(?:县|区)(?:是哪|最)", question):
        return rows if sum(_BRACKET_END.sub("", r.head).endswith(_PARTS) for r in rows) * 2 < len(rows) else None
    return rows


def _named_below_top(question: str, terms, rows: list[Row], kinded, nth, p, paragraph_text) -> bool:
    """Beyond the best passages, only a table whose caption the question words ("2024年度…考核第一名" of "表1 2024年度
    各参评区…考核排名"): a table a question names, ranked below its report's sentences; or, for a position asked, a
    table with a rank column whose caption it words at all ("考核第五名是哪个区"); a table of the kind of row asked
    ("哪个街道…最多" of a table of 街道) needs its caption named less; a table the question numbers ("通报表1") none."""
    if _numbered_as_asked(question, rows, p, paragraph_text):
        return True
    if not rows:
        return False
    if nth in ("most", "least") and kinded and not _TABLE_ASKED.search(question) \
            and any(len(label) >= 3 and label in question for label in rows[0].cells):
        return True  # "青年之家最多的区县": a column the question names
    floor = (_bare_floor(question) if nth not in ("most", "least") and _ranked(rows) else
             1 if _asked_kind(question) and kinded else CAPTION_SHARED)
    return _shared(question + " ".join(terms), _YEARS.sub("", _prefix(rows[0].text) or "")) >= floor


_DOCUMENT_ASKED = re.compile(r"(通报|简报|工作报告|工作总结|报告|总结)(?:的|中|里)?\s*(?:附?表|表格)")
_TABLE_ASKED = re.compile(r"表\s*([1-9]\d?|[一二三四五六七八九十]+)(?![\d一二三四五六七八九十])")


def _numbered_as_asked(question: str, rows: list[Row], p, paragraph_text) -> bool:
    """The question names the table by its number ("通报表1里…最少的单位") and its caption above the rows is that one."""
    if not rows or not (m := _TABLE_ASKED.search(question)):
        return False
    named = re.compile(rf"附?表\s*{m.group(1)}(?![\d一二三四五六七八九十])")
    # the caption above the first row read (a 合计 row over the rows is no row of its own)
    return any(named.match((paragraph_text(p.doc_id, n) or "").strip()) for n in range(rows[0].number - 1,
                                                                                         rows[0].number - 3, -1))


def _bare_floor(question: str) -> int:
    """Two-character runs a ranked table's caption must share with a question asking a position of it: none for a
    question that names nothing but the position."""
    return 0 if _ONLY_POSITION.match(question.strip()) else 1


def _other_year(question: str, caption: str) -> bool:
    """The question names a year and the table's caption names others only."""
    asked, captioned = set(_YEAR.findall(question)), set(_YEAR.findall(caption))
    return bool(asked and captioned and not asked & captioned)


_YEAR = re.compile(r"((?:19|20)\d{2})\s*年")


def positional(question: str) -> bool:
    """A position is asked (第五名, the last, "ranked first"), not a superlative of a column."""
    return position_of(question) not in (None, "most", "least")


def position_of(question: str):
    """'most', 'least', 'last', an int position (negative from the end: 倒数第二 -2), or None."""
    if _LAST.search(question):
        return "last"
    if m := _FROM_END.search(question):
        n = m.group(1)
        return -(int(n) if n.isdigit() else chinese_to_int(n))
    if m := _NTH.search(question):
        n = next(g for g in m.groups() if g)
        return int(n) if n.isdigit() else _ENGLISH_NTH.get(n.lower()) or chinese_to_int(n)  # 第十三名
    if _MOST.search(question):
        return "most"
    if _LEAST.search(question):
        return "least"
    return None


def _said(nth) -> str:
    return "最多" if nth == "most" else "最少"


def _table(p, paragraph_text) -> list[Row]:
    """The rows of the table a passage is a row or the caption of, in order; [] for none."""
    prefix = _prefix(p.text)
    number = p.paragraph
    if prefix is None and (one := _one_column(p.text)) is not None:  # "…(名),1月新增注册志愿者1126名。" under its caption
        rows = around(p, paragraph_text, lambda text: _one_column(text) == one)
        return _rows(rows, one) if len(rows) >= 3 else []
    if prefix is None:  # a caption ("表1 2025年…安排(按条线)"): its rows follow
        following = paragraph_text(p.doc_id, number + 1)
        prefix, number = _prefix(following), number + 1
        if prefix is None or prefix not in p.text:
            return []
    at = SimpleNamespace(doc_id=p.doc_id, paragraph=number, text=paragraph_text(p.doc_id, number))
    return _rows(around(at, paragraph_text, lambda text: _prefix(text) == prefix), prefix)


def around(p, paragraph_text, same) -> list[tuple[int, str]]:
    """(number, text) of the passage's paragraph and the run of paragraphs each way for which `same` holds (a
    table's rows under one caption), TABLE_ROWS at most each way, in order."""
    texts = {p.paragraph: p.text}
    for step in (-1, 1):
        n = p.paragraph + step
        while abs(n - p.paragraph) <= TABLE_ROWS and n > 0 and (text := paragraph_text(p.doc_id, n)) and same(text):
            texts[n] = text
            n += step
    return sorted(texts.items())


def _prefix(text: str) -> str | None:
    """The caption a row line starts with ("" for a table with none: "吉首市排名1;吉首市新发展团员286名;…"), None when
    the text is no row line (two clauses at least)."""
    head, sep, rest = text.partition(",")
    if sep and head and len(head) <= 40 and ";" not in head and rest.count(";") >= 1:
        return head
    if not sep and text.count(";") >= 2 and "。" not in text.rstrip("。"):
        return ""
    return None


def _one_column(text: str) -> str | None:
    """The caption of a row line of one figure ("1—10月…(名),1月新增注册志愿者1126名。"), a table of one column; None for
    any other text (a sentence's comma parts no row from its caption: the rows around must share it, _table)."""
    head, sep, rest = text.partition(",")
    if sep and head and len(head) <= 40 and not re.search(r"[;,,。]", rest.rstrip("。")) and _VALUE.search(rest.rstrip("。")):
        return head
    return None


def cells_of(text: str, prefix: str) -> list[str]:
    """A row line's cells ("head+label+value"), after its caption (prefix; "" for a table with none)."""
    cells = [c for c in text[len(prefix) + 1 if prefix else 0:].rstrip("。").split(";") if c]
    if cells and (group := _GROUP.match(cells[0])):  # "理工类,信息科学与工程学院团支部68个": the row's group first
        cells[0] = cells[0][group.end():]
    return cells


_BRACKETED = re.compile(r"[((][\d,.]+[))]$")
_GROUP = re.compile(r"^[^\d,;。]{1,12},(?=[\u4e00-\u9fff“])")  # a group opening a row (ingest/tables.py _grouped)


def _rows(texts: list[tuple[int, str]], prefix: str) -> list[Row]:
    """Each row's head and labelled cells: a label is what stands before a value in the same column of every row."""
    split = [(n, t, cells_of(t, prefix)) for n, t in texts]
    if by_column := _by_column(split):
        return by_column
    widths = {len(clauses) for _, _, clauses in split}
    if len(widths) != 1:  # a 合计 row merged across columns ("合计(拟资助8项)…") is shorter: the rows without it
        split = [row for row in split if not _TOTAL_ROW.match(row[2][0] if row[2] else "")]
        widths = {len(clauses) for _, _, clauses in split}
    if len(widths) != 1:  # a 台账's 小计 rows are shorter, a 备注 some rows fill longer: the rows as wide as most,
        common = Counter(len(clauses) for _, _, clauses in split).most_common(1)[0][0]  # their first columns
        split = [(n, t, clauses[:common]) for n, t, clauses in split if len(clauses) >= common]
        widths = {common}
    if len(split) < 2:
        return []
    stems = [[_VALUE.sub("", c) for c in clauses] for _, _, clauses in split]
    heads = [os.path.commonprefix(row) for row in stems]  # the head and any start its labels share
    suffix = os.path.commonprefix([r[0][::-1] for r in stems])[::-1]  # the first column's label
    rows = []
    for (n, text, clauses), stem, head in zip(split, stems, heads):
        short = stem[0][: len(stem[0]) - len(suffix)] if suffix and len(suffix) < len(stem[0]) else head
        if len(short) < len(head) and _HEAD_END.match(head[len(short):]):
            short += _HEAD_END.match(head[len(short):]).group()  # 海口 + 市: every head ended so
        head = min(head, short, key=len) if short else head
        if not re.search(r"[\w]", head) or _TOTAL_ROW.match(head):  # "—": a 合计 row's empty name cell
            continue
        cells = {}
        for clause in clauses:
            bare = _BRACKETED.sub("", clause)  # "新发展团员214(98)": 214, the bracket a part (a table note's 女生)
            m = _VALUE.search(bare)
            if m and clause.startswith(head) and (q := parse_quantity(bare[m.start():])) is not None:  # not a date's day
                label = bare[len(head):m.start()].removesuffix("第")  # "位次第1名": 位次
                cells[label] = (q.value, clause)
            elif (m := _WRITTEN_RANK.search(bare)) and clause.startswith(head):  # "位次并列第三": 3
                cells[bare[len(head):m.start()]] = (float(chinese_to_int(m.group(1))), clause)
        rows.append(Row(n, text, head, cells))
    return rows


def _by_column(split: list[tuple[int, str, list[str]]]) -> list[Row]:
    """A table with its indicators as rows and its bodies as columns ("历下区实际发展团员2,786名;市中区实际发展团员
    2,615名;…", ingest/tables.py): a Row per body and indicator, the indicator its one cell; [] for any other table.
    Every line's clauses end with its indicator and share no start."""
    rows = []
    for n, text, clauses in split:
        stems = [_VALUE.sub("", c) for c in clauses]
        indicator = os.path.commonprefix([s[::-1] for s in stems])[::-1]
        if len(clauses) < 3 or len(indicator) < 2 or len(os.path.commonprefix(stems)) >= 2 or \
                any(len(s) <= len(indicator) for s in stems):
            return []
        for stem, clause in zip(stems, clauses):
            body = stem[:-len(indicator)]
            if (m := _VALUE.search(clause)) and not _TOTAL_ROW.match(body) and \
                    (q := parse_quantity(clause[m.start():])) is not None:
                rows.append(Row(n, text, body, {indicator: (q.value, clause)}))
    return rows


def _ranked(rows: list[Row]) -> list[str]:
    """The table's rank columns (排名, 名次)."""
    return sorted(label for label in {label for row in rows for label in row.cells}
                  if _RANK_LABEL.fullmatch(_PRIOR_RANK.sub("", label)))


# The year before's rank column ("上年位次") and a question asking it ("上年排第一的是谁")
_PRIOR_RANK = re.compile(r"^(?:上年|去年|上一年|前一年)度?")
PRIOR_ASKED = re.compile(r"上年|去年|上一年|前一年|\b(?:previous|last) year\b", re.I)


def prior_rank_label(label: str) -> bool:
    """A column of the year before's rank: 上年位次, 去年排名."""
    return bool(_PRIOR_RANK.match(label)) and bool(_RANK_LABEL.fullmatch(_PRIOR_RANK.sub("", label)))


def _rank_column(question: str, ranked: list[str]) -> str | None:
    prior = bool(PRIOR_ASKED.search(question))
    return next((label for label in ranked if prior_rank_label(label) == prior), None)


def _pick(question: str, rows: list[Row], nth):
    """(row, label, clause) of the row asked, or None."""
    labels = {label for row in rows for label in row.cells}
    ranked = _ranked(rows)
    if nth in ("most", "least"):
        aside = set_aside(question)
        rows = [r for r in rows if not excepted(r.head, aside)] or rows  # "除了榆阳和神木,哪个县…最长": the rest
        label = _asked_label(question, labels - set(ranked))
        return _extreme(rows, label, nth == "most") if label else None
    if ranked:
        column = _rank_column(question, ranked)
        return _at_rank(rows, column, nth) if column else None
    if label := _asked_label(question, labels):  # "完成率排第二的街道": the position by the column it names
        return _by_score(rows, label, nth)
    # no rank column: the position by the score ("考核第一名是哪个?"); a table of indicators by year (固原's 2023 and
    # 2024 columns) ranks nothing
    scored = sorted(label for label in labels if _SCORE_LABEL.fullmatch(label))
    return _by_score(rows, scored[0], nth) if scored else None


# "除了榆阳区,…", "除榆阳、神木外…": the rows set aside before the best is named.
EXCEPT = re.compile(r"除(?:了)?([^,，。?？]{2,30}?)(?:以外|之外|外)?[,，]")
_NAMES = re.compile(r"和|与|及|、")


def set_aside(question: str) -> list[str]:
    """The names a question sets aside (除了榆阳和神木: 榆阳, 神木), [] for none."""
    m = EXCEPT.search(question)
    return [n for n in (n.strip() for n in _NAMES.split(m.group(1))) if len(n) >= 2] if m else []


def excepted(head: str, aside: list[str]) -> bool:
    return any(n in head or head in n for n in aside)


def _values(rows: list[Row], label: str) -> list[tuple[float, Row]]:
    return [(row.cells[label][0], row) for row in rows if label in row.cells]


def _found(row: Row, label: str):
    return row, label, row.cells[label][1]


def _at_rank(rows: list[Row], label: str, nth):
    values = _values(rows, label)
    top = max(v for v, _ in values)
    target = top if nth == "last" else top + nth + 1 if nth < 0 else nth
    row = next((r for v, r in values if v == target), None)
    return _found(row, label) if row else None


def _by_score(rows: list[Row], label: str, nth):
    values = sorted(_values(rows, label), key=lambda vr: -vr[0])
    at = len(values) - 1 if nth == "last" else len(values) + nth if nth < 0 else nth - 1
    if len(values) < 3 or not 0 <= at < len(values) or [v for v, _ in values].count(values[at][0]) > 1:
        return None  # a tie names no one row
    return _found(values[at][1], label)


def _extreme(rows: list[Row], label: str, most: bool):
    values = _values(rows, label)
    if len(values) < 3:
        return None
    best = (max if most else min)(values, key=lambda vr: vr[0])
    if sum(v == best[0] for v, _ in values) > 1:  # a tie names no one row
        return None
    return _found(best[1], label)


def _shared(question: str, label: str) -> int:
    """The two-character runs of the label the question has."""
    return sum(label[i:i + 2] in question for i in range(len(label) - 1)) if len(label) > 1 else int(label in question)


def _asked_label(question: str, labels: set) -> str | None:
    """The column the question names the most of (shared two-character runs), None for none or a tie."""
    # ties broken by the label the question holds whole ("团员最多的学院": 团员, not 新发展团员)
    # and then by the shorter (注册志愿者最多: 注册志愿者人数, not 注册志愿者服务时长)
    # the column named right before the superlative first ("团员发展计划完成率最高": 完成率, not 发展计划)
    most = _MOST.search(question) or _LEAST.search(question)
    before = question[:most.start()].rstrip("的") if most else ""
    if last := max((label for label in labels if label and before.endswith(label)), key=len, default=None):
        return last
    scored = sorted(((_shared(question, label), label in question, -len(label)), label) for label in labels)[::-1]
    if not scored or scored[0][0][0] == 0 or (len(scored) > 1 and scored[1][0] == scored[0][0]):
        return None
    return scored[0][1]
