"""The figures facts are made of: app.engine.numbers' quantities, read the way tests/data/facts/README.md counts.

app.engine.numbers serves answers too, so what only facts need is added here rather than there:
- measure words it does not know ("13款扶贫产品", "41万通电话", "心理危机干预57例", "3批次", "牵手成功2300对"): a figure
  with no unit takes the word after it, but not one before another figure ("1对1帮扶");
- a 个 before a measure word is that word ("106个班次"), before a time word a duration ("连续四个季度");
- round numbers written as a bare place word with a qualifier ("参学人数破万", "推介百余次", "超过千万元",
  "点击量突破百万"): it reads a Chinese numeral only from a digit or 十 on, so that "万人" is not a number;
- names are not figures ("“10万+”资助", "1+3+X").
"""
from __future__ import annotations

import re
from dataclasses import replace

# Measure words beyond app.engine.numbers.UNITS, with the words they start that are not measure words.
EXTRA_UNITS = {"款": ("款项",), "通": ("通过", "通知", "通讯", "通报", "通道"), "枚": (), "间": ("间隔",),
               "门": ("门户",), "节": ("节日", "节点"), "堂": (), "首": ("首批", "首次", "首届"), "幅": ("幅度",),
               "例": ("例如",), "集": ("集中", "集体", "集团", "集聚", "集结", "集合"), "对": ("对接", "对象", "对于", "对口", "对标"),
               "批次": (), "批": ("批准", "批示", "批复", "批评")}
# After 个: a measure word it stands for ("106个班次"), or a time word that makes a duration ("四个季度").
_GE_MEASURES = ("班次", "批次", "场次", "人次")
_GE_DURATIONS = ("季度", "小时", "工作日", "星期")
# What a bare place word means, longest first ("百万" before "百").
_PLACE_WORDS = {"千万": 10_000_000, "百万": 1_000_000, "亿": 100_000_000, "万": 10_000, "千": 1_000, "百": 100}
# The README's qualifiers: 破/突破 -> 超过, 上万 -> 以上.
_BARE_PRE = {"突破": "超过", "超过": "超过", "破": "超过", "逾": "逾", "近": "近", "上": "以上", "约": "约"}


def _bare_pattern():
    from app.engine.numbers import UNITS

    units = "|".join(re.escape(u) for u in UNITS)
    pre = "|".join(sorted(_BARE_PRE, key=len, reverse=True))
    # Not after a numeral (that quantity is already read) nor inside 百分之/千米.
    return re.compile(rf"(?P<pre>{pre})?(?<![〇零一二两三四五六七八九十百千万亿\d])(?P<word>千万|百万|亿|万|千(?![米克瓦])|百(?!分))"
                      rf"(?P<q>余|多)?(?P<unit>{units})?")


_BARE = None
_VAGUE = set("数几")  # 数万余人, 几百: no figure (nor 成千上万)


def figures(text: str) -> list:
    """Every quantity of the text (app.engine.numbers.Quantity), in reading order, with the additions above."""
    from app.engine.numbers import find_quantities

    found = [q for q in (_with_extra_unit(q, text) for q in find_quantities(text)) if q is not None]
    found += [q for q in _bare(text) if not any(o.start < q.end and q.start < o.end for o in found)]
    return sorted((q for q in found if not _named(q, text)), key=lambda q: q.start)


def _with_extra_unit(q, text: str):
    """q with the measure word after it read; None for a duration."""
    if q.unit == "个":
        ge = next((w for w in _GE_MEASURES + _GE_DURATIONS if text.startswith(w, q.end)), "")
        return None if ge in _GE_DURATIONS else replace(q, unit=ge, text=q.text + ge, end=q.end + len(ge)) if ge else q
    word = next((w for w in sorted(EXTRA_UNITS, key=len, reverse=True) if text.startswith(w, q.end)), "")
    after = text[q.end + len(word):q.end + len(word) + 1]
    if q.unit or not word or any(text.startswith(x, q.end) for x in EXTRA_UNITS[word]) \
            or (after and (after.isdigit() or after in "一二两三四五六七八九十")):
        return q
    return replace(q, unit=word, text=q.text + word, end=q.end + len(word))


def _bare(text: str) -> list:
    """"破万", "百余次", "突破百万": a bare place word counts only with a qualifier before or after it (not "百万青年")."""
    from app.engine.numbers import Quantity

    global _BARE
    _BARE = _BARE or _bare_pattern()
    out = []
    for m in _BARE.finditer(text):
        if not (m["pre"] or m["q"]) or text[m.start("word") - 1:m.start("word")] in _VAGUE \
                or text[max(0, m.start() - 2):m.start()] == "成千":
            continue
        qualifier = _BARE_PRE[m["pre"]] if m["pre"] else m["q"]
        out.append(Quantity(float(_PLACE_WORDS[m["word"]]), m["unit"] or "", qualifier, m.group(), m.start(), m.end()))
    return out


def _named(q, text: str) -> bool:
    """"“10万+”", "1+3+X": a figure joined to a + is part of a name."""
    return text[q.end:q.end + 1] in ("+", "+") or text[max(0, q.start - 1):q.start] in ("+", "+")
