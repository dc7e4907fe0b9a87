"""A question that asks two or more figures and combines them: "云冈青春守护24年全年服务游客和25年暑期服务游客哪个多?",
"全市注册志愿者:24年底多少、25年6月底多少、25年目标多少?", "全委会定的25年新发展团员目标,上半年完成后还差多少?".

The facts keep a figure's place and year, not its month, season or whether it is a target, and the two figures may
count different things (三下乡参与学生 against 上岗志愿者): each part is asked apart through the single-report path,
which reads the passage, and the answers are combined here: listed (分别), the larger named (哪个多), subtracted
(多多少, 还差多少, 变化多少) or added (加起来). Parts that differ only by place are left to the facts' compare and
list (cross.py), parts that differ only by whole years to its trend, unless it cannot answer (blind sets 53-57: 25
cross questions of two periods, a target and a result, or two counts).
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, replace

from ingest import messages as msg
from ingest.schema import Answer

from . import cross_each
from .cross_also import distinct
from .numbers import find_quantities

# How the parts are combined, read at the question's end.
_EACH = re.compile(r"[,]?\s*(?:分别|各自|各)(?:是|有|为)?[\u4e00-\u9fff]{0,5}?(?:多少|几)[^,。]{0,3}$")  # 分别发放多少
_WHICH = re.compile(r"[,]?\s*(?:相比|比)?[,]?\s*(?:哪个|哪一个|哪项|哪一项|谁)(?:的)?(?:人数|数量|数字|规模)?(?:更|要)?"
                    r"(?P<more>多|少|高|低|大)(?:一些|些|点)?$")
_DIFF = re.compile(r"(?:(?:多|少)了?(?:多少|几)|相差(?:多少|几)|(?:还)?差(?:了)?(?:多少|几)|变化(?:了)?(?:多少|几)|"
                   r"(?:增加|减少|增长|下降)了?(?:多少|几))[^,。]{0,3}$")
_SUM = re.compile(r"[,]?\s*(?:加起来|合起来|加在一起|合计|一共|总共|共计)(?:是|有|为)?(?:多少|几)[^,。]{0,3}$")
_ASKS = re.compile(r"(?:是|有|为)?(?:多少|几)[个名人间家次项支场期所元件户]*$")

# What separates two parts; not inside a word (参与, 达到, 比例, 和平, 以及时).
_JOIN = re.compile(r"(?<![参给赋])与|(?<!温)和(?![平谐美])|跟|以及|及(?![时早格])|、|,|(?<![对占相评好])比(?![例重率赛较])|"
                   r"(?<=[年月底末度期])到|(?<=[年月底末度期]\d)到")
# A time a part is asked at: a year (24年 once spelt out is 2024年), a part of one, a date.
_TIME = re.compile(r"(?:截至|截止|到|至)?\s*(?:(?:19|20)?\d{2}\s*年)?\s*(?:全年|暑期|暑假|寒假|上半年|下半年|前三季度|"
                   r"第?[一二三四]季度末?|\d{1,2}\s*[—\-–~至到]\s*\d{1,2}\s*月份?|\d{1,2}\s*月(?:\d{1,2}\s*日|底|末|份)?|"
                   r"年底|年末|底|末|国庆|五一|春节)|(?:19|20)\d{2}\s*年|\d{2}年|(?:19|20)\d{2}(?=[、和与至到]|[两三四五]年)")
_YEAR = re.compile(r"(?:19|20)?\d{2}\s*年")
# A whole year leading a part (2024年底, 2025年目标), and a time within a year (6月底, 暑期, 上半年).
_WHOLE_YEAR = re.compile(r"(?:截至|截止|到)?\s*(?:(?:19|20)?\d{2}\s*年|(?:19|20)\d{2}$)")
_WITHIN = re.compile(r"半年|季度|\d\s*月|暑期|暑假|寒假|国庆|五一|春节")
# A part that is a time relative to the report's own ("比上年增加多少", "比年初多了"): the change its report states.
_RELATIVE = re.compile(r"上年|去年|前一年|上一年|上年度|上[个一]?(?:季度|月|周|学年|学期)|年初|同期|往年|历年|以往")
# What a bare first part may be (it then takes what the last part counts): a time, an edition (第十期).
_LEAD = re.compile(_TIME.pattern + r"|第[一二三四五六七八九十百\d]+[期届批次轮]")
_TRAIL = re.compile(r"[的,:\s]+$")


@dataclass(frozen=True)
class Parts:
    how: str  # each | which | diff | sum
    labels: tuple[str, ...]  # each part as the question writes it
    questions: tuple[str, ...]  # each part asked alone
    fewer: bool = False  # which: the smaller one
    years_only: bool = False  # each part a whole year's (2024年, 2025年目标): the facts' trend answers first


def split(text: str, masked=()) -> Parts | None:
    """The parts a question asks and how they combine, or None when it asks one figure (or names no parts);
    masked: (start, end) spans of names not to split (和平区)."""
    body = re.sub(r"[?。.!\s]+$", "", unicodedata.normalize("NFKC", text))  # ,:? as the engine reads them
    how, fewer, ask = "", False, "是多少"
    for name, pattern in (("each", _EACH), ("which", _WHICH), ("sum", _SUM), ("diff", _DIFF)):
        if m := pattern.search(body):
            how, fewer, body = name, name == "which" and m["more"] in "少低", body[:m.start()]
            if name == "each":  # "分别多少团员", "各有多少个": what each part is asked
                ask = re.sub(r"^[,\s]*(?:分别|各自|各)", "", m.group())
            break
    body = _TRAIL.sub("", body)
    if how in ("which", "sum", "diff"):  # "各多少,多了几名": each asked, then their difference
        body = _TRAIL.sub("", _EACH.sub("", body))
    pieces = _pieces(body, masked)
    if pieces is None:
        return None
    head, slots = pieces
    asking = all(_ASKS.search(s) for s in slots)  # "24年底多少、25年6月底多少": the head says what is counted
    if not how:
        if len(slots) < 2 or not asking:
            return None
        how = "each"
    asks = [m.group() if (m := _ASKS.search(s)) else ask for s in slots]
    slots = [_ASKS.sub("", s) for s in slots]
    names = {body[a:b] for a, b in masked if b <= len(body)}
    slots = slots if asking else _counted(slots, names)
    if slots is None:
        return None
    slots = _years_filled(slots)
    if len(slots) < 2 or len(set(slots)) < len(slots) or any(len(s) < 2 for s in slots):
        return None
    head = re.sub(r"(?:从|在)$", "", head)
    joined = "," if re.search(r"[中里内]$", head) else ""  # "在团市委综合考评中,2024年度…": the frame, then the time
    questions = tuple(f"{head}{joined}{s}{ask}?" for s, ask in zip(slots, asks))
    if any(_RELATIVE.search(s) for s in slots):
        return None  # "比上年增加多少": a change its report states, of no second part to ask
    # each part a whole year's and nothing else told apart ("2023年和2024年", not "24年实际设立的和25年计划设立的")
    years_only = all(_WHOLE_YEAR.match(s) and not _WITHIN.search(s) for s in slots) and \
        len({_TRAIL.sub("", _WHOLE_YEAR.sub("", s, count=1)).strip("底末度") for s in slots}) == 1
    return Parts(how, tuple(_TRAIL.sub("", s) for s in slots), questions, fewer, years_only)


def plan(text: str, catalogue) -> tuple[Parts | None, str]:
    """(the parts a question asks, when they are asked apart: "first", "after facts" or "after passages"). Parts
    that are places are the facts' to compare and list (and the single path's _parts_sum's to add; not subtract);
    whole years the facts' trend; two figures added or subtracted ("共计", "多了多少") the passages', whose report
    may state it ("2024年发展团员比2023年多了多少": "比上年多73名")."""
    from .cross_detect import place_mentions  # cross_detect asks within_year of this module
    from .localities import schools

    normal, mentions, _ = place_mentions(text, catalogue)
    parts = split(normal, [(m.start, m.end) for m in mentions])
    if parts is None:
        return None, ""
    # each part a place or a university of its own ("九江修水县、都昌县…", "…宁夏大学、同心")
    named = [[p.key for p in place_mentions(label, catalogue)[2]] + [n for *_, n in schools(label)]
             for label in parts.labels]
    if all(named) and len({n[-1] for n in named}) == len(named):
        return {"diff": (parts, "first"), "sum": (None, "")}.get(parts.how, (parts, "after facts"))
    if parts.how in ("diff", "sum"):
        return parts, "after passages"
    return parts, "after facts" if parts.years_only else "first"


def within_year(text: str) -> bool:
    """The question lists times within a year (截至3月底和6月底, 全年和上半年): asked apart, not a trend of years."""
    parts = split(text)
    return bool(parts and any(_WITHIN.search(label) for label in parts.labels))


def _pieces(body: str, masked=()) -> tuple[str, list[str]] | None:
    """(the head every part shares, the parts): parts joined by 和/与/、/比/到 (or by commas between timed parts),
    the first starting at its clause's time ("西部计划志愿者|24年派了多少") or after the comma before it."""
    joins = [m for m in _JOIN.finditer(body) if not _quoted(body, m.start()) and not _inside(m.start(), masked)]
    for first in joins:
        left = body[:first.start()]
        cut = max(left.rfind(","), left.rfind(":")) + 1
        clause = left[cut:]
        if first.group() == "," and not (_TIME.match(body, first.end()) and
                                         (_ASKS.search(clause) or _TIME.fullmatch(clause.strip()))):
            continue  # a comma ends the head ("云冈青春守护,24年全年…"), unless it parts clauses that each ask
        # the part's time: the one right before the join ("北海2025年累计新发展团员|截至3月底和…"), else its first
        # ("24年全年服务游客和…", "…2023、2024")
        times = [m for m in _TIME.finditer(body, cut) if m.start() < first.start()]
        timed = next((m for m in times if not body[m.end():first.start()].strip("的 ")), times[0] if times else None)
        start = timed.start() if timed else cut
        if timed and any(a == first.end() for a, _ in masked):  # "库车市2024年的…和阿克苏市2023年的…": places lead
            start = min([a for a, _ in masked if cut <= a < start], default=start)
        slots, at, end = [], start, len(body)
        for m in joins:
            if m.start() < first.start():
                continue
            if m.group() == "," and not _TIME.match(body, m.end()):
                end = m.start()  # a comma before a clause of no time ends the parts ("…和…,其中…")
                break
            slots.append(body[at:m.start()])
            at = m.end()
        slots.append(body[at:end])
        if body[start:start + 1] == "从":
            slots[0] = slots[0][1:]
        slots[-1] = re.sub(r"[两三四五]年度?$", "", slots[-1])  # "2023、2024两年"
        slots = [_TRAIL.sub("", s.strip()) for s in slots]
        if len(slots) >= 2 and all(slots):
            return body[:start], slots
        return None
    return None


def _inside(at: int, spans) -> bool:
    return any(a <= at < b for a, b in spans)


def _quoted(text: str, at: int) -> bool:
    """Inside “…” or (…): a name or a gloss ("各县(市、区)"), not a list of parts."""
    return text.count("“", 0, at) > text.count("”", 0, at) or text.count("(", 0, at) > text.count(")", 0, at)


def _counted(slots: list[str], names=frozenset()) -> list[str] | None:
    """A bare time, edition or place takes what the last part counts after its own ("25年上半年和暑期服务游客":
    25年上半年服务游客; "第十期和第十一期青马骨干班学员"; "长春和白山2025年发展团员的目标"); None when that is a frame
    the parts stand in ("3月、7月和年底三期简报中")."""
    def lead(slot: str) -> int:  # where what a part counts starts: after its time, edition or place
        if m := _LEAD.match(slot):
            return m.end()
        return max((len(n) for n in names if slot.startswith(n)), default=0)

    rest = slots[-1][lead(slots[-1]):]
    if not rest.strip() or not lead(slots[-1]):
        return _counted_after(slots)
    if re.search(r"[中里内]$", rest):
        return None
    return [s + rest if lead(s) == len(s.strip()) else s for s in slots[:-1]] + slots[-1:]


def _counted_after(slots: list[str]) -> list[str]:
    """A bare time after a counted first part takes what the first counts ("2026年1—10月发展团员比2025年全年":
    2025年全年发展团员; "2026年青春护边选派人数比2025年": 2025年青春护边选派人数)."""
    timed = _TIME.match(slots[0])
    rest = slots[0][timed.end():] if timed else ""
    if not rest.strip() or re.search(r"[中里内]$", rest):
        return slots
    return slots[:1] + [s + rest if _TIME.fullmatch(s.strip()) else s for s in slots[1:]]


def _years_filled(slots: list[str]) -> list[str]:
    """A part with no year takes the year (and 截至) of the part before it ("截至2025年3月底和6月底", 暑期 of 25年)."""
    out = list(slots)
    for i in range(1, len(out)):
        before = re.match(r"(截至|截止|到)?\s*((?:19|20)?\d{2}\s*年)?", out[i - 1])
        if before[2] and _TIME.match(out[i]) and not _YEAR.search(out[i]):
            out[i] = (before[1] or "") * (not re.match(r"截至|截止|到", out[i])) + before[2] + out[i]
    return out


def combine(question: str, parts: Parts, answers: list[Answer]) -> Answer | None:
    """The parts' answers combined as asked, each part's answering paragraph cited; None when a part has no answer
    (or, to compare or add them, no figure of one unit)."""
    if parts.how == "each":  # listed as a name asked of several places is (a part with no figure has none)
        return cross_each.combine(question, [(label, a if a.value else replace(a, found=False))
                                             for label, a in zip(parts.labels, answers)], msg.CROSS_PARTS)
    found = [(label, a) for label, a in zip(parts.labels, answers) if a.found and a.value]
    if len(found) != len(answers):
        return None
    figures = [_figure(a.value) for _, a in found]
    if any(f is None for f in figures) or len({f.unit for f in figures}) > 1:
        return None
    lines = [f"{label}:{a.value}" for label, a in found]
    if parts.how == "which":
        best = (min if parts.fewer else max)(range(len(found)), key=lambda i: figures[i].value)
        value = found[best][0]
        head = msg.CROSS_PARTS_WHICH.format(winner=value, more=msg.CROSS_LESS if parts.fewer else msg.CROSS_MORE)
    elif parts.how == "sum":
        value = _written(sum(f.value for f in figures), figures)
        head = msg.CROSS_PARTS_SUM.format(value=value)
    else:
        if len(found) != 2:
            return None
        value = _written(abs(figures[0].value - figures[1].value), figures)
        head = msg.CROSS_PARTS_DIFF.format(value=value)
    cites = distinct(c for _, a in found for c in a.citations[:1])  # each part's answering paragraph, once
    return Answer(question, "\n".join([head] + lines), value, True, cites)


def _figure(value: str):
    found = find_quantities(value)
    return found[0] if found else None


def _written(number: float, figures) -> str:
    """In the scale both figures are written in (25.38万人 and 26万人: 0.62万人), else whole (247436人: 6364人), with
    its 万 rounded to the places the figures give beside it (52.7万 and 386472: 913472人次, 约91.3万人次)."""
    units = [m.group(2) if (m := re.search(r"[\d.]+\s*(万|亿)?[余多]?([^\d.]*?)(?:以上|左右)?$", f.text)) else f.unit
             for f in figures]
    unit = next((u for u in units if u), figures[0].unit)
    scaled = ["万" in f.text for f in figures]
    if all(scaled):
        return f"{_digits(number / 1e4)}万{unit}"
    whole = f"{_digits(number)}{unit}"
    if any(scaled):
        places = max(len(m.group(1)) if (m := re.search(r"\.(\d+)\s*万", f.text)) else 0 for f in figures)
        return f"{whole}(约{_digits(round(number / 1e4, places))}万{unit})"
    return whole


def _digits(number: float) -> str:
    return str(int(number)) if number == int(number) else f"{number:.4f}".rstrip("0").rstrip(".")
