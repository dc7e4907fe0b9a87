"""How much of a question's content a text holds: idf-weighted terms, a term missing as a whole earning partial
credit for its character bigrams ("青年志愿者" vs "志愿者"). Used by the features and the conflict check."""
from __future__ import annotations

import re
from functools import lru_cache


def term_weight(term: str, idf) -> float:
    grams = grams_of(term)
    return sum(idf(g) for g in grams) / len(grams)


def coverage(terms, text: str, idf, weights: dict | None = None) -> float:
    """Share of the question's content, weighted by rarity, that a text contains."""
    if not terms:
        return 0.0
    hit = total = 0.0
    for term in terms:
        weight = weights[term] if weights else term_weight(term, idf)
        total += weight
        hit += weight * partial(term, text)
    return hit / (total or 1.0)


# Staff's word and the reports' for the same group or act: "新团员里女生有几个" is asked of "新发展团员中女性1,968名".
_SAME = (("女生", "女性", "女团员", "女青年", "女大学生", "女干部", "女党员", "女职工", "女志愿者", "女创业者", "女代表"),
         ("男生", "男性", "男团员", "男青年"), ("放款", "发放", "放贷"), ("募集", "筹集", "筹措", "募捐"),
         ("募资", "筹资", "募集资金", "筹集资金", "筹款", "募款"), ("青年驿站", "青春驿站"),
         ("经开区", "经济开发区", "经济技术开发区"), ("高新区", "高新技术产业开发区"))
# Staff's shorthand for what reports spell out: "推优入党" is "推荐优秀团员作为党的发展对象/入党积极分子". The
# retriever adds the first form to a question that uses the shorthand (its bigrams share none).
JARGON = {"推优": ("推荐优秀团员", "优秀团员作为"), "入党": ("党的发展对象", "入党积极分子"), "入团": ("发展团员",),
          # a rate staff name that reports write as the act: "增长4.2%", "完成年度计划(1800名)的104.0%"
          "增速": ("增长",), "增幅": ("增长",), "涨幅": ("增长",), "增长率": ("增长",), "完成率": ("完成",),
          # a change on the year before as staff say it, as reports write it: "同比涨了多少" / "比上年增长7.5%"
          "同比": ("比上年", "较上年", "比去年", "较去年", "上年同期"),
          "研支团": ("研究生支教团",)}  # staff's short name of the graduate teaching corps
# Words staff ask with that reports write otherwise, not shorthand to spell out (cross.spelled_out leaves them):
# a plan table's actuals column ("实际新发展团员" of "新发展团员2024年完成7,152名"), a target as plans write it
# ("计划新发展多少" of "2024年力争新发展团员5500名").
WRITTEN_AS = {"实际": ("完成",), "计划": ("目标", "力争", "争取", "将重点")}
VARIANTS = {word: tuple(w for w in group if w != word) for group in _SAME for word in group} | JARGON | WRITTEN_AS


def partial(term: str, text: str) -> float:
    """1 when the text holds the term (or a word of the same meaning), else the share of its bigrams it holds
    (terms of 3+ characters)."""
    forms, grams = _forms(term)
    for form in forms:  # loops, not any(): ~2,000 calls a question
        if form in text:
            return 1.0
    if not grams:
        return 0.0
    held = 0
    for gram in grams:
        if gram in text:
            held += 1
    return held / len(grams)


# An age (or any) range is written with whichever dash or word the writer likes: "14到18岁" asks "14至18周岁".
_RANGE = re.compile(r"(\d+)(?:到|至|—|–|-|~|～|－)(\d+)")
_RANGE_SIGNS = ("至", "到", "—", "-", "~", "～", "－", "–")


def variants(term: str) -> tuple[str, ...]:
    """The term and the words a report may write for it (推优 is 推荐优秀团员)."""
    return (term, *VARIANTS.get(term, ()))


@lru_cache(maxsize=4096)
def _forms(term: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """(the term, its words of the same meaning and its range's other spellings, its bigrams when it has 3+
    characters)."""
    ranges = tuple(f"{m[1]}{sign}{m[2]}" for m in _RANGE.finditer(term) for sign in _RANGE_SIGNS)
    return (*variants(term), *ranges, *_ranks(term)), (tuple(grams_of(term)) if len(term) > 2 else ())


_RANK = re.compile(r"第([一二三四五六七八九十\d]{1,3})(?:名|位)")
_DIGITS = "零一二三四五六七八九"


def _ranks(term: str) -> tuple[str, ...]:
    """A place in a ranking as staff write it and as a table writes it: 第二名 is a row's "排名2", 第2名, 排名第二."""
    m = _RANK.search(term)
    if not m:
        return ()
    n = m[1] if m[1].isdigit() else str(_DIGITS.index(m[1])) if len(m[1]) == 1 and m[1] in _DIGITS else ""
    if not n:
        return ()
    return (f"排名{n}", f"第{n}名", f"排名第{n}", f"排名第{_DIGITS[int(n)]}" if int(n) < 10 else f"第{n}位")


def grams_of(term: str) -> list[str]:
    if len(term) <= 2 or not "\u4e00" <= term[0] <= "\u9fff":
        return [term]
    return [term[i:i + 2] for i in range(len(term) - 1)]
