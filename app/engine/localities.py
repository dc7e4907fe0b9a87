"""Places no gazetteer lists: towns and zones written after their county or city ("固始段集镇", "菏泽高新区") and the
universities a text names ("共青团江南大学委员会"). Re-exported by app/engine/scope.py.
"""
from __future__ import annotations

import re

# A town, street or zone written right after its county or city ("固始段集镇", "滨州高新区"): no gazetteer has them.
ZONES = ("高新区", "经开区", "经济技术开发区", "经济开发区", "开发区")
LOCALITY_AFTER = re.compile(r"[\u4e00-\u9fff]{2,3}?(?:镇|乡|街道)|" + "|".join(ZONES))


def zones(place: str) -> list[str]:
    """The zones a place may have, as facts name them ("菏泽高新区"): a city's parts beside its counties."""
    return [place + zone for zone in ZONES]


def localities(text: str, mentions) -> tuple[str, ...]:
    """The towns and zones a question names after a place, or first of all ("小河镇有几个青年之家?"); a passage
    answers it only where it names them too."""
    after = [m.group() for x in mentions if (m := LOCALITY_AFTER.match(text, x.end))]
    first = _TOWN_FIRST.match(text) if not mentions else None  # "参加清镇这次…" names 清镇, no town 参加清镇
    return tuple(dict.fromkeys(after + ([first.group("town")] if first else [])))


# A town that opens a question, its county unsaid: not 乡镇 (every town), 城乡, 全市各镇, 三下乡, 返家乡.
_TOWN_FIRST = re.compile(r"(?:那|那么)?(?P<town>(?![全各每])[\u4e00-\u9fff]{2,3}?(?<![乡城村下家])(?:镇|乡|街道))")


_SCHOOL_END = re.compile(r"(?:大学|学院)(?!生|习|路|城|园区|梦|堂)")  # not 大学生, 青年大学习, 共筑大学梦
_SCHOOL_STOP = set("和与及的在是从向对、,,。;;::“”\"()（）")
SCHOOL_CHARS = 8  # 中国科学技术 + 大学


def schools(text: str) -> list[tuple[int, int, str]]:
    """The universities and colleges a text names, as (start, end, name): "合肥工业大学", "江南大学" in
    "共青团江南大学委员会". Read back from 大学/学院 to the nearest break; no gazetteer lists them."""
    found = []
    for m in _SCHOOL_END.finditer(text):
        start = m.start()
        while start > 0 and m.start() - start < SCHOOL_CHARS and "\u4e00" <= text[start - 1] <= "\u9fff" \
                and text[start - 1] not in _SCHOOL_STOP:
            start -= 1
        if text.startswith("共青团", start):
            start += 3
        if m.start() - start >= 2:
            found.append((start, m.end(), text[start:m.end()]))
    return found
