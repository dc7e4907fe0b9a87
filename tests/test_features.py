"""app/engine/features.py, candidate_env.py: signals needing no index (the rest on real candidates in test_model)."""
from types import SimpleNamespace

from app.engine import candidate_env, features, signals, value_context
from app.engine.cross_period import ASKS_PLAN
from app.engine.localities import schools
from app.engine.numbers import stated_figures
from app.engine.question import analyse


def env(question: str):
    q = analyse(question)
    return SimpleNamespace(question=q, stated=stated_figures(q.text), asked_chars=set(q.text) | set("".join(q.terms)),
                           schools=tuple(name for *_, name in schools(q.text)))


def cand(value: str, source: str = "quantity"):
    return SimpleNamespace(value=value, source=source)


def test_a_figure_the_question_states_is_an_echo_whatever_its_measure_word():
    e = env("重庆2020年西部计划最终入选的1600多名大学生里女生有多少？")
    assert features._echoes(e, cand("1600余名")) and features._echoes(e, cand("1600人"))
    assert not features._echoes(e, cand("520名")) and not features._echoes(e, cand("2019年", "date"))
    assert stated_figures("海南134.9万名注册志愿者中海口有多少?") == frozenset({1349000.0})
    assert stated_figures("2023年有多少团员?") == frozenset()  # a year is the question's scope, not a figure


def test_clause_extra_is_the_share_of_words_before_the_value_the_question_lacks():
    e = env("修水县有多少名团员？")
    assert features._extra(e, "修水县团员数") < features._extra(e, "修水县2024年新发展团员")
    assert features._extra(e, "") == 0.0


def test_a_target_is_read_at_its_value():
    from app.engine.cross_period import plan_at

    text = "全年新发展团员7630名。2025年,力争新发展团员8000名左右,发放青年创业贷款4亿元以上。西部计划志愿者148名"
    assert [plan_at(text, text.index(v)) for v in ("7630", "8000", "4亿", "148")] == [False, True, True, False]
    assert ASKS_PLAN.search("张家口今年计划再建多少?") and not ASKS_PLAN.search("台州2023年西部计划志愿者有多少名?")


def test_a_running_total_is_told_from_a_years_figure_on_both_sides():
    from app.engine.cross_period import RUNNING, asked

    text = "全年共募集善款8642万元;希望工程实施35年来,全省累计募集资金12.6亿元。"
    assert [bool(RUNNING.search(text[max(text.rfind(";", 0, text.index(v)), 0):text.index(v)])) for v in ("8642", "12.6")] == \
        [False, True]
    q = analyse("吉林省2024年希望工程一共筹到多少善款")
    assert asked(q.text, q.text, q.years) == "year"  # 一共 is no running total: a year's figure is asked
    q = analyse("江海青年创业贷到2024年累计发放多少贷款")
    assert asked(q.text, q.text, q.years) == "running"


def test_a_paragraph_led_by_its_year_gives_it_to_the_figures_after_it():
    text = "2025年,全市各级团组织要重点抓好以下工作:新发展团员4500名;希望工程募集资金1000万元。"
    p = SimpleNamespace(text=text, title="共青团宿迁市委2024年工作报告", date="2025-01-16", section="", period="")
    at = text.index("1000")
    sentence = text[text.rindex(";", 0, at) + 1:at]  # ; ends a sentence: this one names no year
    years = signals.years_of(analyse("宿迁2024年希望工程募集了多少资金"), p, sentence, sentence)
    assert years["period_misfit"] == 1.0 and years["period_fit"] == 0.0
    p.text = "希望工程全年募集资金903万元;资助学生2074名。"  # no lead: the report's own year
    assert signals.years_of(analyse("宿迁2024年希望工程募集了多少资金"), p, "希望工程全年募集资金", "")["period_fit"] == 1.0


def test_a_place_below_the_reports_must_be_in_the_values_sentence():
    from app.engine.retrieve import Passage

    text = "全市新发放青创贷1.2亿元。翠屏区发放3600万元,叙州区发放2100万元。"
    p = Passage("d", "yibin.md", "共青团宜宾市委2023年工作总结", "2024-01-10", 3, text, text, 1.0)
    e = candidate_env.Env(analyse("翠屏区2023年发放了多少青创贷?"), [p], lambda t: 1.0, lambda x: x.text, places=("翠屏区",))
    city, county = (0, text.index("。") + 1), (text.index("翠"), len(text))
    assert e.clause(0, city, "")["place_lacks_sentence"] == 1.0  # the city's figure is no district's
    assert e.clause(0, county, "")["place_lacks_sentence"] == 0.0
    e = candidate_env.Env(analyse("宜宾2023年发放了多少青创贷?"), [p], lambda t: 1.0, lambda x: x.text, places=("宜宾",))
    assert e.clause(0, city, "")["place_lacks_sentence"] == 0.0  # the report's own place: its title carries it
    text = "银川市金凤区民政局的做法较为突出。该局已登记注册志愿者3.1万名。"
    p = Passage("d", "ningxia.txt", "宁夏志愿服务工作报告", "2017-11-22", 4, text, text, 1.0)
    e = candidate_env.Env(analyse("金凤区民政局登记注册了多少志愿者?"), [p], lambda t: 1.0, lambda x: x.text, places=("金凤区",))
    assert e.clause(0, (text.index("该局"), len(text)), "")["place_lacks_sentence"] == 0.0  # named before, 该局 carries it


def test_a_section_heading_gives_its_year_and_says_a_plan():
    from app.engine.cross_period import plan_section
    from app.engine.scope import SECTION, section_year

    text = "(三)服务青年方面。募集就业见习岗位3300个;全年发放青创贷8000万元。"
    p = SimpleNamespace(text=text, title="共青团聊城市委2024年工作报告", date="2025-01-10", section="三、2025年工作安排", period="")
    at = text.index("8000")
    years = signals.years_of(analyse("聊城2024年青创贷发了多少"), p, "全年发放青创贷", "全年发放青创贷")
    assert years["period_misfit"] == 1.0  # a 2025 target, not 2024's figure
    assert plan_section(p.section) and not plan_section("一、2024年主要工作") and at > 0
    assert SECTION.fullmatch("三、2025年工作安排") and not SECTION.fullmatch("(三)服务青年方面。募集就业见习岗位3300个")
    assert section_year("三、2025年工作安排") == 2025 and section_year("一、2016—2020年工作回顾") == 0


def test_the_reports_own_day_is_asked_however_the_day_is_worded():
    from app.engine.features import _ASKS_DOCUMENT

    assert _ASKS_DOCUMENT.search("海口团市委工作报告在哪一天的会议上作的?")  # blind set 39
    assert _ASKS_DOCUMENT.search("这份通报是哪天发的?") and not _ASKS_DOCUMENT.search("青年节活动是哪一天?")


def test_staff_words_match_the_reports_words():
    from app.engine.coverage import partial

    assert partial("女生", "新发展团员中女性1968名") == 1.0 and partial("放款", "全年发放“青创贷”1860万元") == 1.0
    assert partial("女生", "新发展团员中学生团员3102名") == 0.0
    # Staff shorthand (blind set 19): 推优入党 is what reports spell out as 推荐优秀团员作为党的发展对象.
    assert partial("推优", "全年推荐优秀团员作为党的发展对象704名") == 1.0
    assert partial("入党", "推荐867名优秀团员作为入党积极分子人选") == 1.0
    assert partial("女性", "扶持女大学生创业者52名") == 1.0


def test_a_part_of_the_titles_place_must_be_in_the_values_paragraph():
    from app.engine.retrieve import Passage

    text = "全年发展团员3275名,推荐优秀团员作为入党积极分子人选1208名。"
    p = Passage("d", "xianning.txt", "共青团咸宁市委2024年工作总结", "2025-01-08", 6, text, text, 1.0)
    e = candidate_env.Env(analyse("咸宁2024年赤壁市发展了多少团员？"), [p], lambda t: 1.0, lambda x: x.text, places=("咸宁", "赤壁市"))
    assert e.clause(0, (0, 12), "")["sub_place_lacks_sentence"] == 1.0  # the city's total is no county's
    e = candidate_env.Env(analyse("咸宁2024年发展了多少团员？"), [p], lambda t: 1.0, lambda x: x.text, places=("咸宁",))
    assert e.clause(0, (0, 12), "")["sub_place_lacks_sentence"] == 0.0
    assert value_context.towns("秭归2024年茅坪镇发展了多少团员？") == ["茅坪镇"] and value_context.towns("固始段集镇团员多少") == ["段集镇"]
    assert value_context.towns("全市有多少个乡镇团委") == [] and value_context.towns("清镇市委书记是谁") == []


def test_a_district_named_as_its_city_is_not_the_city():
    from app.engine.retrieve import Passage

    text = "荆州区推荐优秀团员入党152名;"
    p = Passage("d", "jingzhou.docx", "共青团荆州市委通报", "2025-10-15", 12, text, text, 1.0)
    e = candidate_env.Env(analyse("前三季度荆州推荐优秀团员入党多少名？"), [p], lambda t: 1.0, lambda x: x.text, places=("荆州",))
    assert value_context.place_at_value(e, 0, 0, text.index("152")) == {"place_at_value": 0.0, "place_other_at_value": 1.0}
    e = candidate_env.Env(analyse("荆州区推荐优秀团员入党多少名？"), [p], lambda t: 1.0, lambda x: x.text, places=("荆州区",))
    assert value_context.place_at_value(e, 0, 0, text.index("152"))["place_at_value"] == 1.0


def test_how_far_a_target_was_reached_is_no_target_asked():
    from app.engine.cross_period import asks_plan

    assert not asks_plan("截至9月底荆州团员发展完成了年度目标的百分之几？") and not asks_plan("目标完成率是多少")
    assert asks_plan("25年注册志愿者目标多少？") and asks_plan("明年计划发展多少?")


def test_a_year_compared_with_is_not_the_year_of_the_figures_after_it():
    """Blind set 22's 厦门: "…1.53亿元,较2023年增长19.5%,扶持青年创业项目476个" is 2024's 476, not 2023's; the figure
    right after the compared year is that year's."""
    text = "全年发放青年创业小额贷款1.53亿元,较2023年增长19.5%,扶持青年创业项目476个,较2023年的438个有所增加。"
    p = SimpleNamespace(text=text, title="在共青团厦门市第十五届委员会第七次全体(扩大)会议上的报告", date="2025-01-17",
                        section="", period="2024")
    q = analyse("23年厦门青创贷款扶持了几个创业项目？")
    at = text.index("476")
    assert signals.years_of(q, p, text[text.rindex(",", 0, at) + 1:at], text[:at])["period_fit"] == 0.0
    at = text.index("438")
    assert signals.years_of(q, p, text[text.rindex(",", 0, at) + 1:at], text[:at])["period_fit"] == 1.0
    assert signals.years_of(analyse("厦门24年扶持了几个创业项目？"), p, "", "")["own_year_fit"] == 1.0


def test_a_target_reached_opens_no_list_of_targets():
    from app.engine.cross_period import plan_at

    text = "全市实名注册志愿者达到121.5万人,提前实现突破120万人的目标;全年志愿服务总时长2712万小时。力争达到128万人。"
    assert [plan_at(text, text.index(v)) for v in ("2712", "128")] == [False, True]


def test_a_rate_staff_name_reads_as_the_act_reports_write():
    from app.engine.coverage import partial

    q = analyse("厦门24年团员发展的增速是多少？")
    assert q.units == frozenset({"%"}) and partial("增速", "较2023年增加166名、增长4.2%") == 1.0
    assert partial("完成率", "完成年度计划(1800名)的104.0%") == 1.0


def test_a_list_item_naming_only_its_place_counts_what_an_item_before_names():
    """Blind set 22's 霞浦: "松城街道发展团员86名,居全县首位;松港街道64名;…溪南镇38名": 38名 counts 发展团员."""
    text = "分乡镇(街道)看,松城街道发展团员86名,居全县首位;松港街道64名;长春镇52名;溪南镇38名;全县团组织312个。"
    e = env("溪南镇2024年发展了多少团员？")
    e.topic = ("发展", "团员")
    e.topic_coverage = lambda t: sum(w in t for w in e.topic) / 2
    assert features._list_head_cover(e, text, text.index("38名")) == 1.0
    assert features._list_head_cover(e, text, text.index("86名")) == 0.0  # names what it counts itself
    assert features._list_head_cover(e, text, text.index("312个")) == 0.0


def test_a_college_named_by_one_character_and_none_by_each():
    from app.engine.localities import schools

    assert [s for *_, s in schools("法学院和商学院")] == ["法学院", "商学院"]
    assert schools("全市各学院") == [] and schools("8个学院团建工作") == []


def test_a_town_at_the_value_is_the_place_there():
    """Blind set 23's 东莞 (no county: its 镇街 are in no gazetteer): "东莞上半年全市发展了多少团员?" was answered with a
    table row's "莞城街道发展团员186名"."""
    from app.engine.retrieve import Passage

    text = "莞城街道发展团员186名;在虎门镇发展团员412名;全市共发展团员5126名"
    p = Passage("d", "dongguan.docx", "关于2025年上半年基层团组织建设工作情况的通报", "2025-07-15", 9, text, text, 1.0)
    e = candidate_env.Env(analyse("东莞上半年全市发展了多少团员？"), [p], lambda t: 1.0, lambda x: x.text, places=("东莞",))
    assert value_context.place_at_value(e, 0, 0, text.index("186")) == {"place_at_value": 0.0, "place_other_at_value": 1.0}
    e = candidate_env.Env(analyse("东莞虎门镇上半年发展了多少团员？"), [p], lambda t: 1.0, lambda x: x.text, places=("东莞",))
    assert value_context.place_at_value(e, 0, text.index("在"), text.index("412"))["place_at_value"] == 1.0
    assert [m.group() for m in value_context._TOWN_AT.finditer("推进乡村振兴,全市各乡镇、城乡社区,在全镇,送法下乡")] == []


def test_the_whole_place_or_a_town_leading_the_paragraph_is_the_place_at_the_value():
    """Blind set 27's 堆龙德庆: "全年全区新发展团员236名" is the district's own figure; "马镇:全年新发展团员17名" (a town
    of one character and 镇) a town's."""
    from app.engine.retrieve import Passage

    title = "共青团拉萨市堆龙德庆区委员会2024年工作总结"
    whole = "全年全区新发展团员236名,完成年度计划的107.3%。"
    town = "马镇:全年新发展团员17名,新增注册青年志愿者245人。"
    ps = [Passage("d", "duilong.txt", title, "2024-12-30", n, t, t, 1.0) for n, t in ((2, whole), (7, town))]
    e = candidate_env.Env(analyse("堆龙德庆区2024年新发展团员多少名？"), ps, lambda t: 1.0, lambda x: x.text,
                     places=("堆龙德庆区",))
    assert value_context.place_at_value(e, 0, 0, whole.index("236"))["place_at_value"] == 1.0
    assert value_context.place_at_value(e, 1, 0, town.index("17"))["place_other_at_value"] == 1.0
    e = candidate_env.Env(analyse("马镇新发展团员多少？"), ps, lambda t: 1.0, lambda x: x.text, places=("堆龙德庆区",))
    assert value_context.place_at_value(e, 1, 0, town.index("17"))["place_at_value"] == 1.0
    assert value_context.place_at_value(e, 0, 0, whole.index("236"))["place_other_at_value"] == 1.0


def test_a_stock_asked_is_no_figure_of_what_was_added():
    """Blind set 27: "察隅县团员总数是多少?" was answered with the table's 新发展团员54名."""
    from app.engine.retrieve import Passage

    text = "察隅县新发展团员54名;察隅县注册志愿者986人。"
    p = Passage("d", "nyingchi.pdf", "共青团林芝市委2024年工作总结", "2024-12-25", 18, text, text, 1.0)
    e = candidate_env.Env(analyse("察隅县团员总数是多少？"), [p], lambda t: 1.0, lambda x: x.text, places=("察隅县",))
    assert e.asks_stock
    e = candidate_env.Env(analyse("察隅县新发展团员多少？"), [p], lambda t: 1.0, lambda x: x.text, places=("察隅县",))
    assert not e.asks_stock


def test_a_figure_asked_as_of_a_date_or_with_its_year_is_a_stock():
    """CV: "沧州截至2024年底注册青年志愿者有多少" was answered with "全年新注册青年志愿者5.31万名" (a year named had
    turned the stock reading off: "截至2023年底团员总数" too); what was added, asked as of a date, stays a flow."""
    from app.engine.retrieve import Passage

    text = "全市注册青年志愿者达到48.26万名;全年新注册青年志愿者5.31万名。"
    p = Passage("d", "cangzhou.pdf", "沧州市2024年度青年志愿服务工作报告", "2025-01-10", 4, text, text, 1.0)

    def env(question):
        return candidate_env.Env(analyse(question), [p], lambda t: 1.0, lambda x: x.text, places=("沧州市",))

    assert env("沧州截至2024年底注册青年志愿者有多少").asks_stock
    assert env("截至2023年底，沧州团员总数是多少？").asks_stock
    assert not env("截至2024年底沧州新注册了多少青年志愿者").asks_stock
    assert not env("沧州2024年全年新注册志愿者多少").asks_stock


def test_parts_sums_changes_months_and_what_was_added():
    assert features._PARTS_SUM.search("以上6个乡镇合计注册志愿者") and features._PARTS_SUM.search("主要指标,合计注册志愿者")
    assert not features._PARTS_SUM.search("全年全市注册志愿者达到")
    assert candidate_env._PARTS_ASKED.search("库车6个乡镇合计注册志愿者多少人") and not candidate_env._PARTS_ASKED.search("库车市注册志愿者总数")
    assert features._DELTA_AT.search("比上年的128500人增加") and not features._DELTA_AT.search("比上年的")
    assert not features._DELTA_AT.search("至少") and candidate_env._ASKS_CHANGE.search("团员总数比2023年多了多少?")
    # blind set 66: "较2025年底的12306名净增182名" states the change asked as "净增多少名"
    assert features._DELTA_AT.search("较2025年底的12306名净增") and candidate_env._ASKS_CHANGE.search("团员净增多少名?")
    assert not candidate_env._ASKS_CHANGE.search("喀什地区2023年的注册志愿者是多少人?")
    assert signals.months_asked("截至2023年7月,克拉玛依全市注册志愿者多少人?") == {7}
    assert signals.months_asked("克拉玛依一季度新发展团员") == {3} and not signals.months_asked("3个月内")
    assert signals.month_at_value(frozenset({7}), "截至7月20日,全市注册志愿者") == {"month_fit": 1.0, "month_misfit": 0.0}
    assert candidate_env._ASKS_NEW.search("去年一年新吸收了多少名团员") and features._STOCK_AT.search("全地区共有团员")


def test_a_passage_under_a_heading_that_dates_its_part_of_the_year_takes_its_month():
    assert signals.months_asked("How many new League members did Hepu recruit by the end of March 2025?") == {3}
    assert signals.months_asked("in the first half of 2025") == {6} and not signals.months_asked("May I ask how many?")
    quarter = ["合浦县新发展团员504名;合浦县年度任务900名。", "### 一、主要指标完成情况", "现将2025年上半年(截至6月底)情况通报如下。",
               "(2025年7月7日)", "2025年第二季度工作通报", "2025年第一季度工作通报"]
    assert signals.heading_months(quarter[1:]) == [6]  # the date line and its sentences are no heading
    assert signals.heading_months(["三、2025年工作安排", "2024年上半年工作通报"]) == []  # a year's part ends it
    assert signals.month_at_value(frozenset({3}), "合浦县新发展团员", lambda: [6]) == {"month_fit": 0.0, "month_misfit": 1.0}
    assert signals.month_at_value(frozenset({3}), "截至3月底,全市", lambda: [6])["month_fit"] == 1.0


def test_a_quarter_asked_of_a_figure_no_month_dates_is_unsaid():
    """An annual report's figure is no answer to 一季度 (the near misses' period swaps): nothing before the value, above
    it or in the title names a month. The paragraph and the title date it where the sentence does not."""
    assert signals.month_at_value(frozenset({3}), "全市新发展团员", lambda: [], "", "2024年工作总结") == {"month_unsaid": 1.0}
    assert signals.month_at_value(frozenset({3}), "新发展团员", lambda: [], "", "2025年一季度工作通报")["month_fit"] == 1.0
    assert signals.month_at_value(frozenset({3}), "新发展团员", lambda: [], "上半年,全市团建扎实推进。", "")["month_misfit"] == 1.0


def test_a_county_named_after_its_city_is_no_cover_of_the_city_and_a_total_row_is_the_citys():
    """Blind set 35's 长沙: "长沙县实名注册志愿者25.7万人" outscored the table's 合计 row for a question of 长沙 (长沙县
    holds the characters of 长沙): the county's name covers nothing of the city, the 合计 row is the whole city's."""
    from app.engine.retrieve import Passage

    caption = "附表:2024年各区县(市)共青团重点工作指标完成情况,"
    county = caption + "长沙县新发展团员1635名;长沙县实名注册志愿者25.7万人。"
    total = caption + "合计新发展团员12874名;合计实名注册志愿者186.4万人。"
    ps = [Passage("d", "changsha.docx", "共青团长沙市委2024年工作总结", "2025-01-12", n, t, t, 1.0)
          for n, t in ((57, county), (60, total))]
    e = candidate_env.Env(analyse("长沙2024年实名注册的志愿者总共多少人？"), ps, lambda t: 1.0, lambda x: x.text,
                     places=("长沙",))
    assert "长沙县" in e.namesakes and "长沙市" not in e.namesakes
    assert e.coverage("长沙县实名注册志愿者25.7万人") == e.coverage("岳麓区实名注册志愿者31.8万人")
    assert e.coverage("长沙市实名注册志愿者") > e.coverage("长沙县实名注册志愿者")
    at = total.index("186.4")
    assert value_context.place_at_value(e, 1, total.index("合计实名"), at)["place_at_value"] == 1.0
    assert value_context.place_at_value(e, 1, 0, total.index("12874"))["place_at_value"] == 1.0
    assert value_context.place_at_value(e, 0, county.index("长沙县实名"), county.index("25.7"))["place_other_at_value"] == 1.0
    e = candidate_env.Env(analyse("长沙县新发展团员多少名？"), ps, lambda t: 1.0, lambda x: x.text, places=("长沙县",))
    assert e.namesakes == () or "长沙县" not in e.namesakes
    # blind set 36's 万州: a table of chosen parts (重点街道(镇), 部分区县) sums only its rows; its 合计 is no district's
    chosen = "2024年重点街道(镇)团建主要指标完成情况,合计新发展团员1106名;合计新建青年之家23个。"
    assert value_context.total_row(total, total.index("合计实名")) and not value_context.total_row(chosen, chosen.index("合计新建"))


def test_staff_ask_actuals_targets_and_fundraising_in_their_own_words():
    from app.engine.coverage import partial

    assert partial("实际", "新发展团员2024年完成7152名") == 1.0
    assert partial("募资", "希望工程募集资金1300万元") == 1.0
    assert ASKS_PLAN.search("长沙2025年实名注册志愿者要达到多少？")


def test_a_rank_asked_reads_a_ranking_tables_row_and_its_places_are_candidates():
    """Blind set 35's 湘西州 通报: "综合得分第二名是哪个县?" of the row "排名2;县市凤凰县;…": the rank as the table
    writes it, and the row's county as a candidate."""
    from app.engine import answer
    from app.engine.coverage import partial

    row = "排名2;县市凤凰县;新发展团员178名;综合得分93.1分。"
    assert partial("第二名", row) == 1.0 and partial("第2名", row) == 1.0 and partial("第三名", row) < 1.0
    q = analyse("湘西州综合得分第二名是哪个县？")
    found = [(c.value, c.source) for c in answer._values(q, row, (0, len(row)))]
    assert ("凤凰县", "place") in found
    q = analyse("湘西州综合得分第二名是什么项目？")
    assert not any(source == "place" for _, source in (
        (c.value, c.source) for c in answer._values(q, row, (0, len(row)))))


def test_a_place_in_a_ranking_asked_has_the_ordinals_as_candidates():
    """Blind set 35: "综合考核排名第几?" of "在全省共青团综合考核中排名第五" and of a ranking table's row "排名3;县市龙山县"."""
    from app.engine import answer

    prose = "团邵阳市委在全省共青团综合考核中排名第五,比上年前移两位。"
    q = analyse("团邵阳市委2023年全省共青团综合考核排名第几？")
    assert ("第五", "ordinal") in [(c.value, c.source) for c in answer._values(q, prose, (0, len(prose)))]
    row = "排名3;县市龙山县;新发展团员192名。"
    q = analyse("龙山县一季度在湘西州排名第几？")
    assert ("第3", "ordinal") in [(c.value, c.source) for c in answer._values(q, row, (0, len(row)))]
    q = analyse("龙山县一季度新发展团员多少名？")
    assert not any(c.source == "ordinal" for c in answer._values(q, row, (0, len(row))))


def test_a_universitys_own_report_says_全校_for_the_university_asked():
    """Blind set 35: "中南大学注册志愿者人数" of "全校注册志愿者2.84万人" lost to 邵阳's "全市志愿者注册人数61.2万人": the
    university asked is a scope (as a place is), which its own report writes as 全校."""
    e = candidate_env.Env(analyse("中南大学注册志愿者人数"), [], lambda t: 1.0, lambda x: x.text)
    assert "中南大学" not in e.topic
    assert e.coverage("全校注册志愿者2.84万人") > e.coverage("注册志愿者2.84万人")


def test_a_deputy_asked_is_not_the_post_named_before_a_person():
    """The user's own report: "铜川团市委副书记是谁?" was answered 王娜, the 书记."""
    e = candidate_env.Env(analyse("铜川团市委副书记是谁?"), [], lambda t: 1.0, lambda x: x.text)
    assert value_context.deputy_misfit(e, "团市委书记")
    assert not value_context.deputy_misfit(e, "团市委副书记")
    e = candidate_env.Env(analyse("团长沙市委书记是谁？"), [], lambda t: 1.0, lambda x: x.text)
    assert e.role_asked == "书记" and value_context.deputy_misfit(e, "团市委副书记")
    assert not value_context.deputy_misfit(e, "研发工程师")  # no post of the kind asked: nothing to say
    # Blind set 39: a town's or college's deputy is not the city's league committee's asked.
    e = candidate_env.Env(analyse("海口团市委副书记叫什么名字?"), [], lambda t: 1.0, lambda x: x.text)
    assert value_context.deputy_misfit(e, "美兰区演丰镇团委副书记") and not value_context.deputy_misfit(e, "团市委副书记")
    e = candidate_env.Env(analyse("演丰镇团委副书记是谁?"), [], lambda t: 1.0, lambda x: x.text)
    assert not value_context.deputy_misfit(e, "美兰区演丰镇团委副书记")
    # Blind set 59: a district's committee written 团西工区委 is not answered by the city's 书记.
    e = candidate_env.Env(analyse("团西工区委书记叫什么名字"), [], lambda t: 1.0, lambda x: x.text)
    assert value_context.deputy_misfit(e, "团市委书记") and not value_context.deputy_misfit(e, "团西工区委书记")


def test_figures_listed_after_fenbie_take_the_years_listed_before():
    """"2023年、2024年全区分别新发展团员2,946名、3,214名" (blind set 41's two-year report): the second figure is 2024's,
    though 2024 is the last year named before both."""
    sentence = "1.2023年、2024年全区分别新发展团员2946名、3214名,年度目标分别为3000名、"
    assert signals.respective_year("1.2023年、2024年全区分别新发展团员") == "2023"
    assert signals.respective_year("1.2023年、2024年全区分别新发展团员2946名、") == "2024"
    assert signals.respective_year(sentence) == "2024"  # the targets' second: 3200名
    assert signals.respective_year("2024年全区新发展团员") == "" and signals.respective_year("分别为126名、") == ""


def test_a_street_named_after_its_district_is_no_cover_of_the_district():
    """Blind set 41's 海淀: the 海淀街道 row of 海淀区's table covered "海淀 新发展团员 2024" wholly; a town or 街道 named
    like the place asked is another place, unless the question names it."""
    from app.engine.retrieve import Passage

    row = "2024年海淀区各街道(镇)团员发展情况,海淀街道新发展团员486名;海淀街道青年之家11个。"
    ps = [Passage("d", "haidian.docx", "共青团北京市海淀区委员会2024年工作报告", "2025-01-16", 29, row, row, 1.0)]
    e = candidate_env.Env(analyse("海淀 新发展团员 2024"), ps, lambda t: 1.0, lambda x: x.text, places=("海淀",))
    assert "海淀街道" in e.namesakes and e.coverage("海淀街道新发展团员486名") < e.coverage("海淀区新发展团员6248名")
    e = candidate_env.Env(analyse("海淀街道新发展团员多少名？"), ps, lambda t: 1.0, lambda x: x.text, places=("海淀",))
    assert "海淀街道" not in e.namesakes


def test_a_part_listed_after_the_whole_is_the_one_its_label_names():
    """"…全市新发展团员4,386名…。其中玉山镇612名、昆山开发区538名" asked 昆山开发区 (blind set 42): 538名's list item is
    named whole; 4,386名's hardly, and a part of its next sentence is."""
    text = "2024年全市新发展团员4386名,完成年度目标4300名的102.0%。其中玉山镇612名、昆山开发区538名、花桥经济开发区387名。"
    whole_end = text.index("其中")
    asked = "昆山开发区发展了多少团员"
    part = signals.items_named(text, (whole_end, len(text)), text.index("538名"), asked)
    whole = signals.items_named(text, (0, whole_end), text.index("4386名"), asked)
    assert part == {"item_named": 1.0, "item_other_named": signals.named_share("花桥经济开发区", asked)}
    assert whole["item_named"] < 0.5 and whole["item_other_named"] == 1.0
    assert signals.items_named(text, (0, whole_end), text.index("4386名"), "昆山新发展团员多少")["item_named"] > 0.7


def test_a_tables_change_column_and_a_shortfall_are_changes_and_a_task_a_target():
    assert features._DELTA_AT.search("新发展团员(名)增减+") and features._DELTA_AT.search("完成年度目标3000名的97.3%,差")
    assert candidate_env._ASKS_CHANGE.search("常熟团员发展差多少名没完成?")
    assert ASKS_PLAN.search("吴中团区委2024年团员发展任务定的是多少名?") and not ASKS_PLAN.search("团员发展完成任务多少")


def test_a_percentage_answers_only_a_share_a_rate_or_a_change():
    """"全年目标是多少?" of "完成全年目标800名的44.0%" is 800名 (blind set 43): the 44.0% is flagged, not for 完成率."""
    def flag(question):
        return signals.unit_fit(analyse(question), "%", "完成全年目标800名的44.0%", 20)["share_unasked"]

    assert flag("浦沿街道全年目标是多少？") == 1.0 and flag("佛山希望工程筹资多少？") == 1.0
    assert flag("浦沿街道完成率是多少？") == 0.0 and flag("同比增长多少？") == 0.0
    assert flag("完成了全年目标的多少？") == 0.0 and flag("What share of the target was met?") == 0.0


def test_staffs_last_year_is_the_year_before_the_report_was_written_and_the_reports_上年_the_one_before_its_own():
    """"小店去年入团的有多少人" of a 2024 report dated 2025-01 asks 2024's (blind set 44; the gold's 去年 questions are
    the report's own year); "上年" is the report's word for the year before its own."""
    p = SimpleNamespace(text="全年吸收新团员3126名。", title="小店团区委2024年工作报告", date="2025-01-16", section="",
                        period="")
    last = signals.years_of(analyse("小店去年入团的有多少人"), p, "全年吸收新团员", "")
    assert last["period_fit"] == 1.0 and last["own_year_fit"] == 1.0
    prior = signals.years_of(analyse("小店上年入团的有多少人"), p, "全年吸收新团员", "")
    assert prior["period_misfit"] == 1.0
    half = SimpleNamespace(text="2024年全年新发展团员2986名。", title="滨江2025年上半年工作总结", date="2025-07-08",
                           section="", period="")  # 去年 of a report on 2025 is its year before
    assert signals.years_of(analyse("滨江去年发展了多少团员"), half, "2024年全年新发展团员", "")["period_fit"] == 1.0


def test_a_level_where_a_change_is_asked_is_flagged():
    """"…注册青年志愿者多少,比上年底增加多少?" of a place whose report gives only its level (blind sets 43, 44)."""
    from app.engine import answer
    from app.engine.retrieve import Passage

    text = "截至2024年底,全区注册青年志愿者16.24万名,比上年底增加1.48万名。"
    p = Passage("d", "yingze.docx", "迎泽团区委2024年工作总结", "2025-01-20", 5, text, text, 1.0)

    def unmet(question):
        e = candidate_env.Env(analyse(question), [p], lambda t: 1.0, lambda x: x.text, places=("迎泽",))
        return {c.value: features.vector(e, 0, (0, len(text)), text, c)[features.INDEX["change_unmet"]]
                for c in answer._values(e.question, text, (0, len(text)), p)}

    asked = unmet("截至2024年底迎泽注册青年志愿者多少,比上年底增加多少?")
    assert asked["16.24万名"] == 1.0 and asked["1.48万名"] == 0.0
    assert unmet("截至2024年底迎泽注册青年志愿者多少?")["16.24万名"] == 0.0


def test_a_span_from_the_years_start_is_no_single_quarter():
    """Blind set 44's 万柏林: "前三季度新发展团员多少名?" of "1至9月,全区新发展团员1736名" and "三季度发展471名", both
    ending in September."""
    assert signals.quarter_fit("万柏林2025年前三季度新发展团员多少名？", "分季度看,一季度发展402名,二季度发展863名,三季度发展")[
        "quarter_misfit"] == 1.0
    assert signals.quarter_fit("万柏林2025年前三季度新发展团员多少名？", "1至9月,全区新发展团员")["quarter_misfit"] == 0.0
    assert signals.quarter_fit("三季度发展了多少团员？", "1至9月,全区新发展团员")["quarter_misfit"] == 1.0
    assert signals.quarter_fit("2024年发展了多少团员？", "三季度发展") == {}


def test_the_whole_asked_naming_no_place_is_the_report_holding_the_others_places():
    """Blind sets 49 and 51: "全市青年之家有多少个" of a knowledge base of 遵义's reports is 遵义's figure, not 赤水's "全市
    青年之家达到14个" (赤水 is a 县级市): whole_of_kb marks the report of a place holding another retrieved report's."""
    from app.engine.retrieve import Passage

    city = Passage("c", "zunyi.docx", "共青团遵义市委员会2024年工作报告", "2025-02-10", 9, "全市青年之家达到326个。",
                   "全市青年之家达到326个。", 1.0, focus="遵义")
    county = Passage("x", "chishui.txt", "共青团赤水市委2024年工作总结", "2025-03-08", 4, "全市青年之家达到14个。",
                     "全市青年之家达到14个。", 1.0, focus="赤水")
    e = candidate_env.Env(analyse("全市青年之家有多少个"), [county, city], lambda t: 1.0, lambda x: x.text)
    assert e.clause(1, (0, 12), "")["whole_of_kb"] == 1.0 and e.clause(0, (0, 12), "")["whole_of_kb"] == 0.0
    e = candidate_env.Env(analyse("赤水全市青年之家有多少个"), [county, city], lambda t: 1.0, lambda x: x.text, places=("赤水",))
    assert e.clause(1, (0, 12), "")["whole_of_kb"] == 0.0  # a place named: its own


def test_a_school_asked_is_not_another_school_s_report():
    e = SimpleNamespace(schools=("黄山职业技术学院",))
    other = SimpleNamespace(title="黄山学院团委书记2024年度述职报告", text="学校现有注册志愿者10860名。")
    assert candidate_env.Env._school_other(e, other)
    assert not candidate_env.Env._school_other(e, SimpleNamespace(title=other.title, text="黄山职业技术学院发展团员388名。"))
    assert not candidate_env.Env._school_other(SimpleNamespace(schools=("黄山学院",)), other)
    assert not candidate_env.Env._school_other(e, SimpleNamespace(title="共青团黄山市委工作报告", text=""))


def test_a_figure_under_a_rank_column_answers_a_position_asked_only():
    """Blind set 56's 公示 row "溪口古村落青年共享民宿排名4;…拟资助金额20000元": "溪口…资助多少" took the rank 4, a bare
    figure; rank_cell_misfit marks it for a question that asks no position, rank_cell_fit for one that does."""
    row = "项目评审结果,溪口古村落青年共享民宿排名4;溪口古村落青年共享民宿拟资助金额20000元。"
    at = row.index("4;")
    assert features._RANK_CELL.search(row, at - 6, at) and not features._RANK_CELL.search(row, 0, row.index("20000"))
    assert candidate_env._ASKS_RANK.search("古丈县排第几？") and not candidate_env._ASKS_RANK.search("溪口古村落青年共享民宿资助多少")


def test_a_table_rows_caption_year_dates_every_cell_of_the_row():
    """Blind set 56: "黄山区团员总数25年多少" was answered from "附:表1 2024年各区县…,屯溪区团员总数9860名;黄山区团员总数
    5120名" of a report dated 2025 with no year in its title: the second cell's sentence held no year, so the report's
    date dated it. The row's caption goes with each cell."""
    text = "附:表1 2024年各区县共青团基础工作主要指标,屯溪区团员总数9860名;黄山区团员总数5120名。"
    p = SimpleNamespace(text=text, title="扎根徽州大地 奋进青春征程", date="2025-02-26", section="", period="")
    begin = text.index("黄山区")
    before = value_context.line_caption(text, begin) + text[begin:text.index("5120")]
    got = signals.years_of(analyse("黄山区团员总数25年多少"), p, text[begin:text.index("5120")], before)
    assert got["period_misfit"] == 1.0 and got["period_fit"] == 0.0
    assert signals.years_of(analyse("黄山区2024年团员总数多少"), p, text[begin:text.index("5120")], before)["period_fit"] == 1.0


def test_editions_named_and_asked():
    """第四届 asked of a passage of 第五届's 大赛: another edition of its kind, no fit (blind set 57)."""
    assert candidate_env.editions("第四届青年志愿服务项目大赛金奖有哪些") == {(4, "届")}
    assert candidate_env.editions("2025年第2期(总第57期)") == {(2, "期"), (57, "期")}
    assert candidate_env.editions("第十五届委员会第六次全体会议") == {(15, "届")}
