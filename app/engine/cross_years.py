"""One place's figures over years: a trend ("铜川历年注册志愿者有多少?", "芜湖12355来电量这两年怎么变的?") lists
them in year order; a sum over years ("邯郸2023年和2024年一共资助了多少学生?", "九江2022到2024年…合计") adds them
up, which no report states. A report also states years before its own ("2022年底为63.2万人"): each year has one
figure, the best of every report's (cross._best_per_place).
"""
from __future__ import annotations

from ingest.schema import Fact


def per_year(facts, place: str, best_per_place, indicator: str, period: str, dated: bool = False) -> list[Fact]:
    """The place's figure of each year, in year order; dated: only figures with a year (a sum needs them)."""
    mine = [(f, s) for f, s in facts if f.place == place and (f.year or not dated)]
    rows = best_per_place(mine, lambda f: f.year or f.doc_id, indicator, period).values()
    return sorted(rows, key=lambda f: (f.year, f.date))


def asked_years(kind: str, years: tuple, places: tuple) -> tuple | range:
    """The years asked: a span's ends ("2021到2023年") stand for the years between when one place's figures over
    years are asked (a trend or their sum)."""
    over_years = kind == "trend" or (kind == "total" and len(places) == 1)
    return range(min(years), max(years) + 1) if over_years and years else years
