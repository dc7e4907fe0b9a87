"""app.engine.lists: list answers whose items are the next paragraphs (一是…二是…三是…)."""
from app.engine.lists import counts, enumerated, following_items, item_name

PARAGRAPHS = {
    ("d", 4): "“3”即:发挥共青团参与社会治理3支核心队伍作用。",
    ("d", 5): "一是发挥团干部的引领攻坚作用。将市域社会治理纳入团干部“必修课”。",
    ("d", 6): "二是发挥共青团员的示范带动作用。依托“智慧团建”平台开展工作。",
    ("d", 7): "三是发挥青年志愿者的助力参与作用。市、县两级青志协实现组织全覆盖。",
    ("d", 8): "“X”即:对标平安建设所需,重点实施五项工程。",
    ("d", 9): "一是做响“青声音·引领工程”。突出分众化。",
}


def text_of(doc_id, n):
    return PARAGRAPHS.get((doc_id, n), "")


def test_counts_in_questions_and_announcements():
    assert counts("铜川共青团参与社会治理的3支核心队伍分别是哪些?") == {3}
    assert counts("重点实施五项工程。") == {5}
    assert counts("由哪两个部分组成?") == {2}
    assert counts("有哪些做法?") == set()


def test_items_stop_at_the_first_paragraph_out_of_order():
    assert [n for n, _ in following_items("d", 4, text_of)] == [5, 6, 7]
    assert [n for n, _ in following_items("d", 8, text_of)] == [9]
    assert following_items("d", 9, text_of) == []


def test_item_names():
    assert item_name(PARAGRAPHS[("d", 5)]) == "团干部"
    assert item_name(PARAGRAPHS[("d", 9)]) == "青声音·引领工程"
    assert item_name("三是强化阵地建设。新建青年之家12个。") == "阵地建设"


def test_only_as_many_items_as_counted():
    items = following_items("d", 4, text_of)
    assert enumerated("3支核心队伍分别是哪些?", PARAGRAPHS[("d", 4)], items) == ["团干部", "共青团员", "青年志愿者"]
    assert enumerated("核心队伍有哪些?", PARAGRAPHS[("d", 4)], items) == ["团干部", "共青团员", "青年志愿者"]
    assert enumerated("哪两支队伍?", PARAGRAPHS[("d", 4)], items) == []  # asks for 2, the report lists 3
    assert enumerated("有哪些做法?", "团市委开展了以下工作。", items) == []  # nothing counted anywhere
    assert enumerated("实施了哪五项工程?", PARAGRAPHS[("d", 8)], following_items("d", 8, text_of)) == []
