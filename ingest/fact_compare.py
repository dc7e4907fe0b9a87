"""Figures a sentence compares with or restates for another year: "较2019年底的39.6万人", "比上年的17350名",
"由2019年的38.5%", and "全年新发展团员11960名,2022年为12430名".

Such a figure counts what the figure before it in its sentence counts (the words before it are the comparison,
"较2019年底的", which name nothing), in the year the clause names, 上年 being the year before that figure's. And
the clause's year is not the year of the sentence's other figures: in "接听热线咨询7892人次……比2022年增长31%"
the 7892 are the report's year's, not 2022's.
"""
from __future__ import annotations

import re

_THEN = r"(?:(?P<year>(?:19|20)\d{2})\s*年(?:度|底|末|同期)?|(?P<last>上年|去年|上一年|前一年)(?:度|底|末|同期)?)"
_COMPARED = re.compile(rf"(?:较|比|同比|相比|对比|由|从)\s*{_THEN}\s*的?$")  # the text just before the figure
_RESTATED = re.compile(rf"[,,;;]\s*{_THEN}\s*(?:为|是)$")
# A year named by a comparison ("比2022年增长31%", "较2019年底") or a restatement (",2022年为"), blanked before the
# sentence's years are read.
_COMPARISON_YEAR = re.compile(r"(?<=[较比由从])\s*(?:19|20)\d{2}\s*年(?:度|底|末|同期)?"
                              r"|(?<=[,,;;])\s*(?:19|20)\d{2}\s*年(?:度|底|末)?(?=\s*(?:为|是))")


def then(head: str, before_year: int) -> int | None:
    """The year the figure after head is compared at or restated for (0: unknown), None when it is not such a
    figure; before_year: the year of the figure it is compared with."""
    m = _COMPARED.search(head) or _RESTATED.search(head)
    if not m:
        return None
    if m["year"]:
        return int(m["year"])
    return before_year - 1 if before_year else 0


def without_comparisons(text: str) -> str:
    """The text with the years of its comparisons blanked (same length, so offsets hold)."""
    return _COMPARISON_YEAR.sub(lambda m: " " * len(m.group()), text)
