"""app/engine/fields.py: list positions asked, labelled fields, times of day (blind set 54's 会议手册 and 公示)."""
import pytest

from app.engine.fields import CLOCK, asked_item, asks_clock, field_value, item_fit, item_of


@pytest.mark.parametrize("question, number", [("第5个发言的是什么组织", 5), ("名单里排第一个的是谁", 1),
                                              ("红花岗重点项目第十二项是什么", 12), ("第二条讲了什么", 2),
                                              ("第一名是哪个县", None), ("三季度推进什么", None)])
def test_the_list_position_asked(question, number):
    assert asked_item(question) == number


@pytest.mark.parametrize("text, number", [("5.秦岭青年生态俱乐部:守护嘉陵江源头", 5), ("(五)加强自身建设", 5),
                                          ("二、2025年工作安排", 2), ("表1,序号3;项目名称x", 3),
                                          ("2024年发展团员1395名。", None), ("3.5万名志愿者", None)])
def test_the_item_a_paragraph_opens(text, number):
    assert item_of(text) == number


def test_item_fit_marks_the_item_asked_and_the_others():
    assert item_fit(5, "5.秦岭青年生态俱乐部") == {"item_fit": 1.0, "item_misfit": 0.0}
    assert item_fit(5, "1.团渭滨区委") == {"item_fit": 0.0, "item_misfit": 1.0}
    assert item_fit(5, "全年开展活动") == {"item_fit": 0.0, "item_misfit": 0.0}
    assert item_fit(None, "5.秦岭") == {}


def test_a_fields_value_without_its_mark_or_english_gloss():
    assert field_value("共青团宝鸡市委员会、宝鸡市青年志愿者协会(Baoji Youth Volunteers Association,BYVA)。") == \
        ("共青团宝鸡市委员会、宝鸡市青年志愿者协会", 0)
    assert field_value("眉县河长制办公室。") == ("眉县河长制办公室", 0)
    assert field_value("。") is None


def test_times_of_day_and_questions_asking_one():
    assert CLOCK.findall("时间为9:45—10:15,议程为讲话;8:30签到;14:30-16:30分组") == ["9:45—10:15", "8:30", "14:30-16:30"]
    assert CLOCK.findall("团青比1:5.8,2025-01-01发布") == []
    assert asks_clock("贺嘉宁讲话安排在什么时间") and asks_clock("What time does check-in start?")
    assert not asks_clock("公示期哪天结束")


@pytest.mark.parametrize("question, labels", [
    ("何振邦在哪里工作", {"单位", "职务"}),
    ("梁晓彤在哪个学校当老师", {"单位", "职务"}),
    ("谭海燕是什么职称", {"职务", "职称"}),
    ("林晓彤是哪一年出生的", {"出生年月", "出生"}),
    ("湖光岩风景区游客服务中心是谁推荐的", {"推荐单位", "推荐"}),
    ("注册志愿者有多少", set()),
])
def test_a_record_field_asked_in_everyday_words(question, labels):
    from app.engine.fields import asked_labels

    assert set(asked_labels(question)) == labels


def test_an_item_asked_by_its_position_in_an_inline_list():
    """Blind set 59: "西工区的第二门课是什么" of a row's cell "西工区开设课程短视频剪辑、咖啡拉花、八段锦、牡丹国画"."""
    from app.engine.fields import asked_item, listed_item

    cell = "西工区开设课程短视频剪辑、咖啡拉花、八段锦、牡丹国画;"
    assert asked_item("西工区的第二门课是什么") == 2
    assert listed_item(cell, 2, ("西工区",)) == ("咖啡拉花", cell.index("咖啡拉花"))
    assert listed_item(cell, 1, ("西工区",))[0] == "短视频剪辑"  # after the cell's label
    assert listed_item(cell, 4, ("西工区",))[0] == "牡丹国画"
    assert listed_item(cell, 5, ("西工区",)) is None  # no fifth
    assert listed_item("西工区教学点西工区青年之家、王城公园青春驿站", 1, ("西工区", "教学点"))[0] == "西工区青年之家"
    assert listed_item("全市志愿者达到1.2万名", 1, ()) is None  # no list
