"""Near misses: unanswerable variants of every answerable gold question, to measure (and learn) refusals.

place: the most specific place a question names (province, city or county, found with the administrative-
division table the `cpca` package ships) swapped for another of the same level that no report of the
question's corpus mentions, from the same province when one is left;
year: the first year a question names swapped for the nearest year that neither its report nor any report
of the corpus naming the same place (any report, for a question naming none) covers;
part: a count of people narrowed to a group its report never names ("…，其中少数民族有多少?"): the whole
figure is not the answer (the commonest wrong answer on blind sets: 女性, 研究生支教团, 来自山东 asked of a total);
actual: a target asked for a year after its report's ("南宁2025年计划发放青创贷多少?") asked as what was done
("…2025年实际发放…"): the report could not know it, and its target is no answer;
edition: an edition asked (第五届…大赛, 第2期) swapped for the one before it that no report of its place names.
`make nearmiss` writes tests/data/gold/nearmiss.jsonl; a seed gives the same file on every machine.
"""
from __future__ import annotations

import argparse
import json
import random
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from ..engine.periods import PRIOR_FIGURE, SITE_PARAGRAPH
from ..engine.signals import PART_OF_YEAR
from .goldsets import REPORT_SETS
from .metrics import corpus_paragraphs, load_gold

ROOT = Path(__file__).resolve().parents[2]
SOURCES = REPORT_SETS
SEED = 10
LEVELS = ("county", "city", "province")  # most specific first
# County names that are everyday words in these reports (平安铜川, 五四红旗, 新华社, 白云社区...).
COMMON = frozenset("平安 红旗 和平 白云 新华 光明 东方 城关 城中 市中 河东 河西 江南 江北 长安 解放 友谊 向阳 青山 "
                   "东风 永和 前进 胜利 新城 朝阳 西湖 大方 安宁 开平 永康 南山 北山 团结 文明 共青城 桥东 桥西 "
                   "铁西 铁东 矿区 郊区 城区 东安 宝山 新建 普陀 中山 民主 合作 振兴 双城 会理 会东 安定 "
                   "和平 青年 希望 团风 通道 阳光 新兴 永兴 兴业 长春 开放 文化 红星 城厢".split())
ABROAD = ("香港", "澳门", "台湾")  # other systems: "团香港特别行政区委" is not a near miss
ENGLISH = {"哈尔滨": "Harbin", "内蒙古": "Inner Mongolia", "陕西": "Shaanxi", "西藏": "Tibet"}
_SHORT = re.compile(r"^(.{2,}?)(?:(?:[^族]{1,5}族|维吾尔|蒙古)+自治[区州县旗]|自治[区州县旗]|特别行政区|新区|省|市|地区|盟|县|区|旗)$")
# Groups a count of people is often narrowed to; a variant uses one its report never names.
GROUPS = ("女性", "男性", "少数民族", "党员", "研究生", "农村青年", "残疾人", "退役军人", "港澳台青年", "高中生",
          "留学生", "外省籍", "35岁以下", "00后", "硕士", "博士")
_PEOPLE_END = ("人", "名", "位")
_YEAR_ZH = re.compile(r"(?<!\d)((?:19|20)\d{2})(?=\s*年)")
_YEAR_EN = re.compile(r"(?<![\d.])((?:19|20)\d{2})(?![\d%])")
_RANGE = re.compile(r"((?:19|20)\d{2})\s*年?\s*[-—–~至到]+\s*((?:19|20)\d{2})")


@dataclass(frozen=True)
class Division:
    name: str  # 淮安市
    short: str  # 淮安
    level: str  # province | city | county
    province: str  # the adcode's first two digits

    @property
    def kind(self) -> str:
        """What a swap keeps: 自治区 for 宁夏, 市 for 天津, 县 for 临沭县, 自治州 for 湘西."""
        return ("自治" if "自治" in self.name else "") + self.name[-1]

    @property
    def english(self) -> str:
        from pypinyin import lazy_pinyin

        return ENGLISH.get(self.short) or "".join(lazy_pinyin(self.short)).capitalize()


@lru_cache(maxsize=1)
def divisions() -> tuple[Division, ...]:
    """The divisions of cpca's table (app.engine.gazetteer reads it), with the level and province a swap must keep."""
    from ..engine.gazetteer import adcode_rows, level_of

    out = []
    for code, name in adcode_rows("near misses"):
        m = _SHORT.match(name)
        out.append(Division(name, m.group(1) if m else name, LEVELS[2 - level_of(code)], code[:2]))
    return tuple(out)


@lru_cache(maxsize=1)
def _surfaces() -> dict[str, tuple[Division, str]]:
    """How a question writes a place -> (division, form): 'full', 'short', or a tail kept ('县', '州')."""
    table: dict[str, tuple[Division, str]] = {}
    for d in sorted(divisions(), key=lambda d: LEVELS.index(d.level), reverse=True):  # a province wins a name
        forms = [(d.name, "full")]
        if d.short != d.name and (d.level != "county" or d.short not in COMMON):
            forms.append((d.short, "short"))
        if "自治" in d.name and d.level != "province":  # 松桃苗族自治县 is 松桃县, 湘西土家族苗族自治州 湘西州
            forms.append((d.short + d.name[-1], d.name[-1]))
        for surface, form in forms:
            table.setdefault(surface, (d, form))
    return table


def find_places(question: str) -> list[tuple[int, int, Division, str]]:
    """(start, end, division, form) of each place named, longest first at each position, no overlaps."""
    table, found, i, bounds = _surfaces(), [], 0, None
    while i < len(question):
        for size in range(min(12, len(question) - i), 1, -1):
            hit = table.get(question[i:i + size])
            if hit and hit[0].level == "county" and hit[1] == "short":
                bounds = _word_bounds(question) if bounds is None else bounds
                hit = hit if {i, i + size} <= bounds else None  # a bare county name is a word: 基金会理事长 names no 会理
            if hit:
                found.append((i, i + size, *hit))
                i += size
                break
        else:
            i += 1
    if re.search(r"[A-Za-z]{3}", question):  # English: provinces and cities by their pinyin (Tianjin, Huai'an)
        for d, pattern in _english():
            found += [(m.start(), m.end(), d, "english") for m in pattern.finditer(question)]
    return sorted(found, key=lambda f: f[0])


def _word_bounds(text: str) -> set[int]:
    import jieba

    return {edge for _, start, end in jieba.tokenize(text) for edge in (start, end)}


@lru_cache(maxsize=1)
def _english() -> tuple:
    from pypinyin import lazy_pinyin

    out = []
    for d in divisions():
        if d.level != "county":
            parts = [ENGLISH[d.short]] if d.short in ENGLISH else lazy_pinyin(d.short)
            words = "'?".join(map(re.escape, [parts[0].capitalize(), *parts[1:]]))
            out.append((d, re.compile(rf"(?<![A-Za-z]){words}(?![a-z])")))
    return tuple(out)


def mentioned(text: str) -> frozenset[Division]:
    """The divisions a corpus names: none of them may replace a place."""
    return frozenset(d for d in divisions() if d.short in text or d.name in text)


def place_variant(question: str, banned: frozenset, rng: random.Random, report: str = "") -> tuple[str, str] | None:
    """(question with its most specific place swapped everywhere, 'old → new'), or None when it names none.
    banned: divisions the corpus names; report: its text breaks ties towards the report's own place."""
    places = find_places(question)
    if not places:
        return None
    old = min(places, key=lambda p: (LEVELS.index(p[2].level), -report.count(p[2].short), p[0]))[2]
    candidates = [d for d in divisions() if d.level == old.level and d.kind == old.kind and len(d.short) >= 2
                  and d.short not in COMMON and d.short not in ABROAD and d.short != old.short
                  and d not in banned and d.short not in question]
    if not candidates:
        return None
    near = [d for d in candidates if d.province == old.province]
    new = rng.choice(sorted(near or candidates, key=lambda d: d.name))
    out, swaps = [], []
    last = 0
    for start, end, d, form in places:  # every mention of that place: 海南省 ... 海南全省
        if d == old:
            written = {"full": new.name, "short": new.short, "english": new.english}.get(form, new.short + form)
            out += [question[last:start], written]
            swaps.append(f"{question[start:end]} → {written}")
            last = end
    out.append(question[last:])
    return "".join(out), "; ".join(dict.fromkeys(swaps))


def years_covered(text: str) -> set[int]:
    """Every year a text names, with the years inside its ranges (2016—2020年 covers 2017 to 2019); not the site's."""
    text = SITE_PARAGRAPH.sub("", text)
    years = {int(y) for y in re.findall(r"(?<!\d)((?:19|20)\d{2})(?!\d)", text)}
    for a, b in _RANGE.findall(text):
        years.update(range(int(a), int(b) + 1))
    if PRIOR_FIGURE.search(text):  # "比上年的128500人增加17700人": the year before's figure is given too
        years |= {y - 1 for y in years}
    return years


def year_variant(question: str, covered: set[int], rng: random.Random) -> tuple[str, str] | None:
    m = (_YEAR_ZH if re.search(r"[\u4e00-\u9fff]", question) else _YEAR_EN).search(question)
    if not m:
        return None
    year = int(m.group(1))
    for distance in range(1, 30):
        options = [y for y in (year - distance, year + distance) if 1990 <= y <= 2025 and y not in covered]
        if options:
            new = rng.choice(options)
            return question[:m.start(1)] + str(new) + question[m.end(1):], f"{year} → {new}"
    return None


def generate(seed: int = SEED, root: Path = ROOT, sources=SOURCES) -> list[dict]:
    rows = []
    for name, corpus in sources:
        texts = _texts(root / corpus)
        banned = mentioned("\n".join(texts.values()))
        for g in load_gold(root / "tests" / "data" / "gold" / f"{name}.jsonl"):
            if not g.answerable:
                continue
            rng = random.Random(f"{seed}:{g.id}")  # per question: one edit elsewhere changes no other line
            place = place_variant(g.question, banned, rng, texts.get(g.doc, ""))
            shorts = {p[2].short for p in find_places(g.question)}
            # a question naming no place may be answered by any report of the corpus: none may cover the year
            near = [t for t in texts.values() if not shorts or any(short in t for short in shorts)]
            year = year_variant(g.question, years_covered("\n".join([texts.get(g.doc, ""), g.doc or "", *near])), rng)
            part = part_variant(g, texts.get(g.doc, ""), random.Random(f"{seed}:{g.id}:part"))
            actual = actual_variant(g, [n for n, t in texts.items() if n != g.doc and any(s in t for s in shorts)])
            role = role_variant(g, "\n".join([texts.get(g.doc, ""), *near]))
            period = period_variant(g, texts.get(g.doc, ""), "\n".join([texts.get(g.doc, ""), *near]),
                                    random.Random(f"{seed}:{g.id}:period"))
            edition = edition_variant(g, "\n".join([texts.get(g.doc, ""), *near]))
            for variant, made in (("place", place), ("year", year), ("part", part), ("actual", actual),
                                  ("role", role), ("period", period), ("edition", edition)):
                if made:
                    rows.append({"id": f"nm-{g.id}-{variant}", "question": made[0], "answers": [], "doc": "",
                                 "evidence": "", "type": "unanswerable", "corpus": corpus, "source_id": g.id,
                                 "variant": variant, "swap": made[1]})
    return rows


def part_variant(g, report: str, rng: random.Random) -> tuple[str, str] | None:
    """A Chinese count-of-people question narrowed to a group its report never names."""
    english = re.search(r"[A-Za-z]{3,}", g.question)
    if g.type != "numeric" or english or not any(a.endswith(_PEOPLE_END) for a in g.answers):
        return None
    absent = [group for group in GROUPS if group not in report]
    if not absent:
        return None
    group = rng.choice(absent)
    return f"{g.question.rstrip('?？ ')},其中{group}有多少?", f"+ 其中{group}"


_PLAN_ASKED = re.compile(r"(?<![部北帆])(?:计划|力争|预计|打算)(?=[再新要将于到完达建招发募开筹资注培举组]|多少|几)")


def actual_variant(g, others: list[str]) -> tuple[str, str] | None:
    """A target asked of a year after the one its report's file is named for, asked as what was reached; none
    when another report of the place (others: their file names) is that year's."""
    asked, named = _YEAR_ZH.search(g.question), [int(y) for y in re.findall(r"(?:19|20)\d{2}", g.doc or "")]
    plan = _PLAN_ASKED.search(g.question)
    if g.type != "numeric" or not (plan and asked and named) or int(asked.group(1)) <= max(named) or \
            any(asked.group(1) in name for name in others):
        return None
    return g.question[:plan.start()] + "实际" + g.question[plan.end():], f"{plan.group()} → 实际"


# The parts of a year a question may ask, each with the other ways a report writes it (上半年: 1-6月).
_PERIODS = {"上半年": ("上半年", "1-6月", "1—6月", "1至6月", "年中"), "下半年": ("下半年", "7-12月", "7—12月"),
            "一季度": ("一季度", "1-3月", "1—3月"), "二季度": ("二季度", "4-6月", "4—6月"),
            "三季度": ("三季度", "7-9月", "7—9月"), "四季度": ("四季度", "10-12月", "10—12月"), "全年": ("全年", "全年度")}
_ENDS = {period: PART_OF_YEAR.get(period, 12) for period in _PERIODS}  # the month each ends in (全年: 12)
_PERIOD_ASKED = re.compile(r"上半年|下半年|第?[一二三四]季度|全年")
_PLANNED = re.compile(r"计划|打算|力争|确保|目标|预计|将|要|不少于|争取|安排")
_PART_REPORT = re.compile(r"上半年|季度|\d{1,2}[-—至]\d{1,2}月")


def period_variant(g, report: str, around: str, rng: random.Random) -> tuple[str, str] | None:
    """A figure asked of a part of the year (上半年, 一季度) asked of another the report gives no figure for: it names
    it nowhere, or only in what it plans ("下半年工作打算", "完成全年目标3000名"), and then 实际 is asked; around: the
    reports of its place, none of which may give it. 全年 only of a report on part of a year (a half-year summary's 全年
    figure is its target). Not one ending in the same month: 截至二季度末 is 上半年's figure, 四季度末 the year's."""
    m = _PERIOD_ASKED.search(g.question)
    if g.type != "numeric" or not m:
        return None
    asked = m.group().removeprefix("第")
    title = report.split("\n", 1)[0]
    sentences = re.split(r"[。;;!!\n]", around)
    options = []
    for period, forms in _PERIODS.items():
        if _ENDS[period] == _ENDS[asked] or (period == "全年" and not _PART_REPORT.search(title + (g.doc or ""))):
            continue
        said = [s for s in sentences if any(f in s for f in forms)]
        if all(_PLANNED.search(s) for s in said):
            options.append((period, bool(said)))
    if not options:
        return None
    period, planned = rng.choice(options)
    actual = "实际" if planned and "实际" not in g.question and not _PLAN_ASKED.search(g.question) else ""
    return g.question[:m.start()] + period + actual + g.question[m.end():], f"{m.group()} → {period}{actual}"


# A post with a deputy: "铜川团市委副书记是谁?" is not answered by the 书记 when the report names no 副书记. Not 团长/队长/
# 社长 (团长沙, 支队长 read wrongly).
_ROLE = re.compile(r"(?<!副)(书记|主任|部长|会长|主席|校长|秘书长|理事长)")


def role_variant(g, report: str) -> tuple[str, str] | None:
    """A person asked by a post, asked for the post's deputy when neither its report nor another of its place names
    a deputy of it."""
    if g.type != "person" or not (m := _ROLE.search(g.question)) or f"副{m.group(1)}" in report:
        return None
    return g.question[:m.start()] + "副" + g.question[m.start():], f"{m.group(1)} → 副{m.group(1)}"


def edition_variant(g, around: str) -> tuple[str, str] | None:
    """An edition asked (第五届…大赛, 第2期) asked of the one before it (after it, for the first) when neither its
    report nor another of its place names that one: 第四届's winners are not in 第五届's 决定."""
    from ingest.docx_text import chinese_numeral

    from ..engine.candidate_env import EDITION, editions

    m = EDITION.search(g.question)
    if not m or g.type == "unanswerable":
        return None
    (n, kind), = editions(m.group()) or {(0, "")}
    if not n:
        return None
    other = n - 1 if n > 1 else n + 1
    if (other, kind) in editions(around):
        return None
    written = str(other) if m.group(1).isdigit() else chinese_numeral(other)
    return g.question[:m.start(1)] + written + g.question[m.end(1):], f"第{m.group(1)}{kind} → 第{written}{kind}"


def _texts(corpus: Path) -> dict[str, str]:
    """file name -> the text youthqa extracts from it (paragraphs, title, dropped lines)."""
    return {name: "\n".join(v[0] + v[1]) for name, v in corpus_paragraphs(corpus, raw=True).items() if not isinstance(v, str)}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m app.evaluation.nearmiss", description=__doc__.splitlines()[0])
    parser.add_argument("--seed", type=int, default=SEED)
    parser.add_argument("--out", type=Path, default=ROOT / "tests" / "data" / "gold" / "nearmiss.jsonl")
    args = parser.parse_args(argv)
    rows = generate(args.seed)
    args.out.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    kinds = {v: sum(r["variant"] == v for r in rows) for v in ("place", "year", "part", "actual", "role", "period",
                                                                "edition")}
    print(f"{len(rows)} near misses ({', '.join(f'{n} {v}' for v, n in kinds.items())}) -> {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
