"""app/engine/records_ask.py: the youngest, how many women, the only 回族 of a list of people's records."""
from types import SimpleNamespace

import pytest

from app.engine import records_ask

_FORMS = [  # a record table's rows (blind set 59's PDF of one form per page, ingest/records.py)
    "推荐审批表,王嘉铭编号LYWS-01;王嘉铭性别男;王嘉铭出生年月1994年5月;王嘉铭民族汉族;王嘉铭政治面貌中共党员",
    "推荐审批表,乔雨桐编号LYWS-02;乔雨桐性别女;乔雨桐出生年月1999年11月;乔雨桐民族汉族;乔雨桐政治面貌中共预备党员",
    "推荐审批表,付晓冉编号LYWS-03;付晓冉性别女;付晓冉出生年月1997年3月;付晓冉民族汉族;付晓冉政治面貌共青团员",
    "推荐审批表,马骁编号LYWS-04;马骁性别男;马骁出生年月1993年12月;马骁民族回族;马骁政治面貌中共党员",
    "推荐审批表,温佳琪编号LYWS-05;温佳琪性别女;温佳琪出生年月2000年6月;温佳琪民族汉族;温佳琪政治面貌中共党员",
]
_LISTED = [  # a numbered list of people (blind set 54's 公示), a two-character name spaced out
    "一、拟表彰对象(5名)",
    "1.马宁远 男,回族,1992年7月生,中共党员,千阳县青年苹果种植大户",
    "2.王梓萱 女,汉族,1995年3月生,中共党员,熔炼车间主任",
    "3.白 露 女,汉族,1994年12月生,中共党员,急诊科护士长",
    "4.韩一鸣 男,汉族,2000年2月生,共青团员,泥塑青年传承人",
    "二、拟表彰集体(3个)",
]


def _ask(question, paragraphs, at):
    passage = SimpleNamespace(doc_id="d", source="r.txt", title="公示", date="2025-04-10", paragraph=at,
                              text=paragraphs[at - 1], score=1.0)
    found = records_ask.answer(question, [passage], lambda _, n: paragraphs[n - 1] if 0 < n <= len(paragraphs) else "")
    return found.value if found else None


@pytest.mark.parametrize("question, value", [
    ("五四奖章候选人中有几位女性", "3位"), ("候选人里年龄最大的是谁", "马骁"), ("五位候选人里谁最年轻", "温佳琪"),
    ("哪位候选人不是党员(含预备党员)", "付晓冉"), ("唯一的回族是谁", "马骁"), ("候选人有几个党员", "4个"),
    ("候选人里有几个女的", "3个"),
])
def test_a_record_tables_people(question, value):
    assert _ask(question, _FORMS, 2) == value


@pytest.mark.parametrize("question, value", [
    ("名单里最年轻的是谁", "韩一鸣"), ("名单上唯一的回族是谁", "马宁远"), ("拟表彰对象有几位女性", "2位"), ("年龄最大的是谁", "马宁远"),
])
def test_a_numbered_list_of_people(question, value):
    assert _ask(question, _LISTED, 3) == value


@pytest.mark.parametrize("question", ["王嘉铭的出生年月", "候选人里谁是工程师", "全市有多少名团员", "有几位女性"])
def test_other_questions_are_left_to_the_answer_step(question):
    assert _ask(question, _FORMS, 2) is None


def test_a_paragraph_of_no_list_answers_nothing():
    prose = ["全市新发展团员7037名,其中女性3210名。", "注册志愿者52万名。", "青年之家186个。"]
    assert _ask("有几位女性", prose, 1) is None
