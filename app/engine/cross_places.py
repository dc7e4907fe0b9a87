"""Where a fact's place lies: its level (省 0, 地级市 1, 县 2) for "地级市里面哪个…最多", and whether it is part of a
place the question names, for "九江哪个县团员最多" (a rank over the parts of one place: a report's table of its
counties)."""
from __future__ import annotations

import functools
import re

from .localities import LOCAL_PART


@functools.lru_cache(maxsize=4096)
def _division(place: str):
    from . import scope

    found = scope.find(place)
    return found[0].place if found and found[0].surface == place else None


def level(place: str) -> int:
    """A fact's place's level (scope.Place.level), -1 when it is not a known division."""
    found = _division(place)
    return found.level if found else -1


def part_of(place: str, whole) -> bool:
    """The fact's place (a short name) lies strictly within whole (a scope.Place): any division of that name, since
    a short name read alone may be another county's (山阳: 商洛's 山阳县 before 焦作's 山阳区) or an everyday word's
    (解放), which scope.find does not take for a place."""
    if place in (whole.short, whole.name, whole.key):  # 九江 is the city's figure, not a county's of that name
        return False
    return any(p.within(whole) for p in _named(place))




def is_local(place: str) -> bool:
    """A town, street, college or zone: ingest/facts.py reads them off a report's rows; no gazetteer knows them, so
    they are parts of the place whose report gives them (cross.local_parts)."""
    return bool(LOCAL_PART.fullmatch(place))


@functools.lru_cache(maxsize=1)
def _by_name() -> dict:
    from .gazetteer import divisions

    table: dict = {}
    for p in divisions():
        for name in {p.name, p.short, p.key}:
            table.setdefault(name, []).append(p)
    return table


def _named(place: str) -> list:
    return _by_name().get(place, [])
