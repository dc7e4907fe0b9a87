"""The units a cross question's figures may have (cross.answer keeps the facts of those), and families of units
that compare with one another."""
from __future__ import annotations

import re

# Families of units: 528740人 compares with 195万名, and 72家 青年之家 with 247个.
_PEOPLE = {"名": "人", "位": "人", "家": "个"}


def unit_family(unit: str) -> str:
    return _PEOPLE.get(unit, unit)


def core(indicator: str) -> str:
    """cross.core (what an indicator counts), imported when called: cross imports this module."""
    from .cross import core as core_of

    return core_of(indicator)


# Units an indicator can end in, naming what it counts in ("参学人次", "服务时长小时"): compound units only, as a
# bare 人/个 at the end is a noun's last character (青年之家 is no count of 家).
_UNIT_NAMED = re.compile(r"(人次|场次|批次|课时|小时)$")
# Measure words read before the indicator's people nouns, and for a list question too (analyse reads units only for
# a numeric one): "牵手成功多少对" is 430对, not the 6200人次 of the same sentence.
_MEASURES = re.compile(r"(?:多少|几)\s*(对|间)")
# Money by what is counted, not by a verb (资助, 补贴 also give people and things).
_MONEY = re.compile(r"钱|资金|筹资|募资|融资|金额|总额|善款|经费|贷款|发放额|放款|投资|奖金|捐款|筹款|募款|募集额")


def units(question: str, indicator: str = "") -> set[str]:
    """The unit families a question's figure may have: "资助了多少学生" counts people, whatever the verb, and so
    does "…资助的学生，加起来有多少" (the indicator's head noun, where no noun follows 多少)."""
    from .cross_english import is_english
    from .asked_units import HOURS_NOUNS as _HOURS_NOUNS, PEOPLE_NOUNS as _PEOPLE_NOUNS
    from .asked_units import PERCENT_NOUNS as _PERCENT_NOUNS, UNIT_AFTER as _UNIT_AFTER
    from .question import analyse

    if is_english(question):  # the unit words read are Chinese; "How many … organizations" is not people
        return set()
    counted = core(indicator)
    named = _UNIT_NAMED.search(counted) or _MEASURES.search(question)
    if named:  # "参学人次": the indicator names its unit, so 42期 of the same sentence is not an answer
        return {named.group(1)}
    asked = re.search(r"(?:多少|几)(.*)", question)
    if asked and not _UNIT_AFTER.search(question) and (_PEOPLE_NOUNS.search(asked.group(1)) or
                                                       _PEOPLE_NOUNS.search(counted[-3:])):
        return {"人"}
    asked_units = {unit_family(u) for u in analyse(question).units}
    if asked_units:
        return asked_units
    # A which-question has no 多少 to read a unit after: "希望工程募集资金,株洲和德州哪个更多" compares money,
    # not the 2048名 its report counts in the next clause. What is counted, last, names it: "资助的学生" people.
    if _PEOPLE_NOUNS.search(counted[-3:]) or re.search(r"(?:的|多少)人(?:数)?$", counted):
        return {"人"}
    for pattern, found in ((_MONEY, {"元"}), (_PERCENT_NOUNS, {"%"}), (_HOURS_NOUNS, {"小时"})):
        if pattern.search(counted):
            return found
    return set()
