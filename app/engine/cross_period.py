"""Whether a figure is a running total or this period's: "累计招募西部计划志愿者3.5万余名" against "今年新招募…2200余名".

A report states both in one paragraph, and the largest passing figure used to win, so a running total answered
"新派出的西部计划志愿者" and a year's figure answered "实施以来累计募集". The question says which it asks (新/今年/
new, or 累计/以来/先后/total); the clause that states a figure says which it is. A place's figure that agrees is
preferred (cross._best_per_place), and when no place is named, a figure that disagrees is no answer at all: a
place whose only figure is a running total has not said how many were new.
"""
from __future__ import annotations

import re

# "新" but not in a name: 新疆, 新区, 新时代, 新冠, 创新, 更新, 新媒体 are not "new this time".
_NEW = re.compile(r"(?<![创更革清])新(?![疆区时冠媒型闻])|今年|当年|本年|\bnew\b|\bnewly\b", re.I)
_RUNNING = re.compile(r"累计|以来|先后|历年|总计|\bin total\b|\bcumulative(?:ly)?\b|\bso far\b|\bever\b", re.I)
_CLAUSE = re.compile(r"[,,;;。]")


def asked(question: str, indicator: str) -> str:
    """"running", "new" or "" (either), from the question's indicator (places removed: 新疆) or its English."""
    text = indicator + " " + (question if re.search(r"[A-Za-z]{3}", question) else "")
    if _RUNNING.search(text):
        return "running"
    return "new" if _NEW.search(text) else ""


def stated(quote: str, figure: str) -> str:
    """"running" or "new" or "", from the clause of the quote that states the figure."""
    clause = next((c for c in _CLAUSE.split(quote) if figure and figure in c), "")
    if _RUNNING.search(clause):
        return "running"
    return "new" if _NEW.search(clause) else ""


def agrees(wanted: str, quote: str, figure: str) -> bool:
    """The figure is of the kind asked: a new one is anything but a running total (most figures do not say 新),
    a running total says so."""
    if not wanted:
        return True
    kind = stated(quote, figure)
    return kind != "running" if wanted == "new" else kind == "running"
