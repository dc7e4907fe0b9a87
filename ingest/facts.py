"""Figures of a report as facts: what is counted, how many, where and when, with the sentence that says so.

"注册志愿者20357人" gives (注册志愿者, 20357, 人); "组织动员2万余名青年志愿者" gives (青年志愿者, 20000, 名, 余): the
indicator is the noun after a measure word when there is one, else the words before the figure. The place is
the one the sentence names before the figure (a county in a table row), else the report's own (its title, file
name, or the place its text names most: app/engine/scope.py). Years, dates, ordinals, durations, ages,
anniversaries and distances are not figures (the rules of tests/data/facts/README.md).

Figures and places are read by app.engine.numbers and app.engine.scope, two leaf modules with no app imports:
ingest otherwise never imports app/, and these are imported lazily so that it still loads without it.
"""
from __future__ import annotations

import re

from .schema import Document, Fact

_SENTENCE = re.compile(r"[^。!?;!?;\n]+[。!?;!?;]?")
_CLAUSE_END = re.compile(r"[,,、::()()“”\"《》]")
# Words between an indicator and its figure ("志愿者已达528740人"), taken off the indicator's end.
_LINK = frozenset("已经 已 累计 共计 总计 合计 共 达到 达 为 是 有 约 超过 逾 近 将近 接近 计 全年 增加 增长 增至 提高 已有 已达 已达到 达到了 低至 拿到 "
                  "提升 突破 至 到 了 的 将 在 将在 保持 保持在 分别 各 就 都 也 还 仅 仅仅 用 拿 提供 涉及".split())
# Where an indicator before its figure begins: after these words the rest names what is counted.
_LEAD = frozenset("其中 截至 目前 今年 去年 全年 累计 共计 共 先后 已经 已 在 为 向 对 给 帮助 通过 依托 围绕 并 "
                  "等 将 把 被 让 使 从 于 中 后 前 里 上 下 就 也 还 又 再 并且 同时 此外 另外 其 该 这 那 即".split())
_EDGE = frozenset("名 个 家 所 位 支 项 场 次 期 篇 条 份 笔 处 的 了 和 与 及 是")  # a stray measure word or particle at either end
# After a measure word, the counted noun runs until a verb or function word starts the rest of the clause.
_AFTER_STOP = re.compile(r"(?:参与|参加|开展|进行|提供|获得|受益|实现|完成|共同|先后|投身|报名|在|和|及|与|等|为|到|"
                         r"次|以上|左右|走进|深入|奔赴|赴|到|就此|将|已|被|把|从|来自|用作|用于|作为)")
_OF = "的"  # "50名家境贫寒的大学生": the noun after the last 的 is what is counted
_MEASURE = frozenset("名 个 家 所 位 支 项 场 次 期 篇 条 份 笔 处 户 座 件 本 册 届 队 台 辆 种 类 张 套 人 人次 场次".split())
_NOT_FIGURES = frozenset("月 日 年 周年 个月 天 周 岁 公里 千米 米 平方米".split())  # dates, durations, ages, distances
_LARGE = re.compile(r"[万亿]")
_CN_DIGITS = "一二三四五六七八九十"
_NAMED_SESSION = re.compile(r"[一二三四五六七八九十]中全会|全国|中央|全运")
_PEOPLE = frozenset("名 人 位".split())
_JOINED = re.compile(r"(?:到场参加|参加会议|参加活动|参加|参与|出席|到场)")
_PERSON = re.compile(r"(?:者|员|家|生|青年|干部|儿童|代表|群众|老师|教师|学子)$")
_QUOTES = "“\"「《"
# A measure word counts the noun after it ("2万余名青年志愿者"); money reads on too ("20万元贷款", "230.8万元的资助").
_AFTER_FIRST = _MEASURE | {"元"}
_MAX_INDICATOR = 12  # characters: longer runs are clauses, not names of a count
_CJK = re.compile(r"[\u4e00-\u9fff]+")


def extract_facts(doc: Document) -> list[Fact]:
    """Every figure of every paragraph (table rows included: ingest/tables.py renders them as text). Places and
    figures are found once per paragraph (the report's scope is made from the same places): 2.4 ms a report."""
    from app.engine import scope

    titled = scope._title_names([doc.title])
    named = [scope.find(p, titled) for p in doc.paragraphs]
    report_place, report_year = _report_scope(doc, scope, titled, [m.place for ms in named for m in ms])
    facts: list[Fact] = []
    for number, (paragraph, mentions) in enumerate(zip(doc.paragraphs, named), start=1):
        facts.extend(_paragraph_facts(paragraph, number, [m for m in mentions if not m.institution], doc,
                                      report_place, report_year, scope))
    return facts


def _paragraph_facts(paragraph: str, number: int, mentions: list, doc: Document, report_place: str,
                     report_year: int, scope) -> list[Fact]:
    from app.engine.numbers import find_quantities

    quantities = [q for q in find_quantities(paragraph) if _is_figure(q, paragraph)]
    out: list[Fact] = []
    for span in _SENTENCE.finditer(paragraph) if quantities else ():
        start, end = span.span()
        inside = [q for q in quantities if start <= q.start < end]
        if not inside:
            continue
        sentence = span.group().strip()
        years, period = sorted(scope.years(sentence)), _period(sentence)
        for q in inside:
            indicator = _indicator(paragraph, q)
            if not indicator:
                continue
            place = _place(mentions, q, start, end, report_place)
            out.append(Fact(indicator, q.value, q.unit, q.qualifier, q.text, place,
                            _year_for(paragraph[start:q.start], years) or report_year, period, doc.doc_id, doc.source,
                            doc.title, doc.date, number, sentence, doc.origin))
    return out


def _place(mentions: list, q, start: int, end: int, report_place: str) -> str:
    """The place its sentence names last before the figure, else first after it, else the one its paragraph named
    last before the sentence ("在各地之中,银川市金凤区……。该局……4万余人"), else the report's."""
    before = [m for m in mentions if start <= m.start and m.end <= q.start]
    after = [m for m in mentions if q.start <= m.start < end]
    earlier = [m for m in mentions if m.end <= start]
    found = before[-1] if before else after[0] if after else earlier[-1] if earlier else None
    return found.place.short if found else report_place


def _is_figure(q, text: str) -> bool:
    """A count or an amount. Not a year (2021年, 2024届), a date (8月16日), an ordinal (第3期), a duration, age,
    anniversary or distance (三年来, 18岁, 100周年, 42公里), a name (十九届六中全会), a bare code (12355), nor the
    article-like 一 (一场活动); a figure with 万/亿 and no unit counts ("粉丝6万")."""
    if q.unit in _NOT_FIGURES or (not q.unit and not _LARGE.search(q.text)):
        return False
    if q.value == 1 and not re.search(r"\d", q.text):
        return False
    if q.unit == "届" and (1900 <= q.value <= 2100 or _NAMED_SESSION.match(text, q.end)):
        return False
    before, after = text[max(0, q.start - 1):q.start], text[q.end:q.end + 1]
    vague = before == "数" and q.text[:1] in _CN_DIGITS  # 数十名; but 总数11184名 is a figure
    return before != "第" and not vague and not (after and after in _CN_DIGITS)  # 第3期, “七个一”


def _indicator(text: str, q) -> str:
    after = _after(text, q)
    if q.unit in _PEOPLE and (joined := _JOINED.match(text, q.end)):  # "600余人参加": what they did is the count
        return joined.group()
    return after if after and q.unit in _AFTER_FIRST else _before(text, q) or after


def _after(text: str, q) -> str:
    """The noun right after the figure: "18个“青翼家园”", "16个区1453个社区", "3位企业家的认领资助"."""
    run = _CJK.match(text, q.end + (text[q.end:q.end + 1] in _QUOTES))
    if not run:
        return ""
    words = _AFTER_STOP.split(run.group(), maxsplit=1)[0]
    if _OF in words:
        head, tail = words.rsplit(_OF, 1)
        words = head if q.unit in _PEOPLE and _PERSON.search(head) else tail if len(tail) >= 2 else words
    alone = run.end() < len(text) and not _CJK.match(text, run.end())  # a one-character noun before a figure or stop
    return words[:_MAX_INDICATOR] if len(words) >= 2 or (words and alone and words == run.group()) else ""


def _before(sentence: str, q) -> str:
    """The words just before the figure in its clause, link words ("已达") off the end, whole words only."""
    from ingest.words import jieba as mapped

    jieba = mapped()

    head = sentence[:q.start].rstrip(_QUOTES + "”」》\" ")  # 打造示范性“青年之家”10处以上
    runs = _CJK.findall(_CLAUSE_END.split(head)[-1])
    words = jieba.lcut(runs[-1]) if runs else []
    while words and words[-1] in _LINK:
        words.pop()
    kept: list[str] = []
    for word in reversed(words):
        if word in _LEAD or len(word) + sum(map(len, kept)) > _MAX_INDICATOR:
            break
        kept.insert(0, word)
    while kept and kept[0] in _EDGE:
        kept.pop(0)
    text = "".join(kept)
    return text if len(text) >= 2 else ""


def _year_for(head: str, years: list[int]) -> int:
    """The last year named before the figure in its sentence (head), else the only one its sentence names."""
    from app.engine.scope import years as years_of

    before = sorted(years_of(head))
    return before[-1] if before else years[0] if len(years) == 1 else 0


_SUMMARY_YEAR = re.compile(r"((?:19|20)\d{2})\s*年度?(?:工作)?(?:总结|报告|计划|任务)")
_PERIOD = re.compile(r"(?:19|20)\d{2}\s*年?\s*[-—–~至到]\s*(?:19|20)\d{2}\s*年?|[一二三四五六七八九十]+五(?:期间|以来)")


def _period(sentence: str) -> str:
    m = _PERIOD.search(sentence)
    return m.group() if m else ""


def _report_scope(doc: Document, scope, titled: dict, in_text: list) -> tuple[str, int]:
    """The report's own place (short name, "" when none) and year, as app/engine/scope.py decides them."""
    meta = {"title": doc.title, "date": doc.date, "source": doc.source}
    report = scope.report_of(meta, "\n".join(doc.paragraphs), titled, in_text)
    focus = sorted(report.focus, key=lambda p: (-p.level, p.code))  # the most specific: 铜川 before 陕西
    # 共青团天心区委2021年度工作总结, published in 2022: its figures are 2021's (but 2020年度平安建设 is an award's year).
    titled_year = _SUMMARY_YEAR.search(doc.title)
    dated = int(doc.date[:4]) if re.match(r"\d{4}", doc.date) else max(report.main_years, default=0)  # title, file name
    year = int(titled_year.group(1)) if titled_year else dated
    return (focus[0].short if focus else ""), year
