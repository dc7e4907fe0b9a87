"""The answering side end to end: real Chroma index of the bundled corpus, real default embedder.

The answer choice is learned (app/engine/features.py, app/engine/answer_model.py): a question here that the model gets
wrong is marked `learned` (xfail, not strict), a known failure of its class counted in the CV figures
(tests/test_evaluate.py), not a rule to write for one question.
"""
import json

import pytest

learned = pytest.mark.xfail(reason="the learned answer choice gets this one wrong (counted in the CV figures)",
                            strict=False)

from app import Assistant
from app.cli import main
from ingest import ingest_paths

VOLUNTEERS = "铜川的志愿汇平台注册了多少志愿者?"


@pytest.fixture(scope="module")
def assistant(corpus_index):
    settings, _ = corpus_index
    return Assistant.open(settings)


def test_exact_figure_with_cited_paragraph(assistant):
    answer = assistant.ask(VOLUNTEERS)
    assert answer.found and answer.value == "20357人"
    top = answer.citations[0]
    assert (top.source, top.date, top.paragraph) == ("tongchuan-youth-league-2021-08-16.txt", "2021-08-16", 7)
    assert top.text.startswith("三是发挥青年志愿者的助力参与作用") and "20357人" in top.quote
    assert top.label().endswith("第7段")


def test_sources_are_only_the_supporting_paragraphs(assistant):
    answer = assistant.ask(VOLUNTEERS)
    assert [(c.source, c.paragraph) for c in answer.citations] == [("tongchuan-youth-league-2021-08-16.txt", 7)]
    assert len(answer.passages) > 1  # the other retrieved passages stay in the side panel
    panel = {(c.source, c.paragraph): c for c in answer.passages}
    assert panel[("tongchuan-youth-league-2021-08-16.txt", 7)].quote == answer.citations[0].quote


@pytest.mark.parametrize("question, value", [
    ("宁夏在全国志愿服务信息系统中实名注册的志愿者有多少人?", "528740人"),
    ("湖北“青创贷”项目的贷款总额是多少?", "6.91亿元"),
    ("铜川“扶贫青春行·共筑大学梦”行动为贫困大学生提供了多少资助?", "230.8万元"),
    ("宁夏自治区民政厅社工处的负责人是谁?", "马希林"),
])
def test_answers_across_reports(assistant, question, value):
    assert assistant.ask(question).value == value


@pytest.mark.parametrize("question", [pytest.param("铜川全市共有多少名留守儿童?", marks=learned),  # 3900个 wishes
                                      "宁夏2020年实名注册志愿者有多少人?"])
def test_refuses_without_support(assistant, question):
    answer = assistant.ask(question)
    assert not answer.found and answer.value == ""
    assert answer.text.startswith("资料中没有找到")
    assert answer.passages and not answer.citations  # the nearest are listed, but nothing is cited


def test_english_question_quotes_chinese_source(assistant):
    answer = assistant.ask("How many volunteers are registered on Tongchuan's 志愿汇 platform?")
    assert answer.value == "20357人" and answer.citations[0].paragraph == 7


def test_follow_ups_reuse_place_and_subject(assistant):
    history = [(VOLUNTEERS, "20357人")]
    assert assistant.ask("宁夏呢?", history=history).value == "528740人"


@learned  # made "铜川的志愿汇平台注册了多少团员?": the platform's verb kept for another noun; since the model of
# 2026-12-02 (threshold 0.387) its right pick (22804名, P 0.14) is refused. A rule giving "铜川团员有多少?" instead
# scored the same on the gold conversations (0.893 turns: one fixed, one broken) and dropped 上半年/1-9月; not kept.
def test_follow_up_swaps_the_thing_counted(assistant):
    assert assistant.ask("那团员呢?", history=[(VOLUNTEERS, "20357人")]).value == "22804名"


def test_stream_ends_with_answer(assistant):
    parts = list(assistant.stream(VOLUNTEERS))
    assert parts[-1].value == "20357人" and parts[-1].timings["total_ms"] > 0


def test_langchain_retriever(assistant):
    from langchain_core.documents import Document

    docs = assistant.as_retriever(k=3).invoke(VOLUNTEERS)
    assert len(docs) == 3 and isinstance(docs[0], Document)
    assert docs[0].metadata["paragraph"] == 7 and "20357" in docs[0].page_content


def test_place_steers_between_competing_figures(tmp_path, corpus, make_settings):
    """Two reports with the same kind of figure: the place named in the question decides."""
    extra = tmp_path / "baoji-youth-league-2021.txt"
    extra.write_text("宝鸡团市委青年志愿服务工作综述\n更新时间:21年09月01日\n\n"
                     "宝鸡市青年志愿者协会持续壮大队伍,“志愿汇”管理平台注册志愿者8888人,开展服务活动300场次。\n",
                     encoding="utf-8")
    settings = make_settings()
    ingest_paths([corpus, extra], settings)
    assistant = Assistant.open(settings)
    assert assistant.ask("宝鸡的志愿汇平台注册了多少志愿者?").value == "8888人"
    assert assistant.ask(VOLUNTEERS).value == "20357人"


@learned  # the right clause is cited, but its quoted name is not cut out as the value (value "")
def test_quoted_names_the_question_points_at(tmp_path, make_settings):
    """A quoted name right before the noun asked for ("什么工程?" -> “青春护航”工程), and a quoted name with as
    many parts as the question counts ("哪四个环节?" -> 学—思—践—悟); neither report is in the gold sets."""
    report = tmp_path / "yanan-youth-league-2022.txt"
    report.write_text("延安团市委青少年工作综述\n更新时间:22年03月01日\n\n"
                      "2021年以来,延安团市委围绕青少年成长需求,在全市启动“青春护航”工程,覆盖中小学校126所。\n\n"
                      "“学—思—践—悟”的团员教育链条\n\n"
                      "团市委坚持学用结合,形成了一条由四个环节构成的团员教育链条:\n\n"
                      "以理论学习为起点;以志愿实践为关键;以总结提高为落脚点。\n", encoding="utf-8")
    settings = make_settings()
    ingest_paths([report], settings)
    assistant = Assistant.open(settings)
    assert assistant.ask("延安团市委在全市启动的是什么工程?").value == "“青春护航”工程"
    answer = assistant.ask("延安团市委的团员教育链条由哪四个环节构成?")
    assert answer.value == "学—思—践—悟" and answer.citations[0].paragraph == 2


def test_list_items_in_the_following_paragraphs(assistant):
    answer = assistant.ask("铜川共青团参与社会治理的3支核心队伍分别是哪些?")
    assert answer.value == "团干部、共青团员、青年志愿者"
    assert [c.paragraph for c in answer.citations] == [4, 5, 6, 7]  # the announcement, then one item each
    assert answer.citations[3].quote == "三是发挥青年志愿者的助力参与作用。"


def test_cli_ask_json(corpus_index, capsys):
    settings, _ = corpus_index
    assert main(["ask", VOLUNTEERS, "--json", "--index", str(settings.index)]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["value"] == "20357人" and data["found"] is True
    assert data["citations"][0]["paragraph"] == 7


@pytest.mark.parametrize("question, value, paragraph", [
    ("How many League members did Tongchuan manage through the Smart League platform?", "22804名", 6),
    pytest.param("How many service hours were recorded in Ningxia's volunteer system?", "1237小时", 3,
                 marks=learned),  # 528740人: hours for people, the unit mismatch is learned too weak
])
def test_english_place_names_and_glossary(assistant, question, value, paragraph):
    answer = assistant.ask(question)
    assert (answer.value, answer.citations[0].paragraph) == (value, paragraph)


@pytest.mark.parametrize("question", [
    pytest.param("What were the total service hours logged by Tongchuan volunteers?", marks=learned),  # only Ningxia reports hours
    pytest.param("How many left-behind children live in Tongchuan?", marks=learned),  # 3900 wishes is not a head count
])
def test_english_refusals(assistant, question):
    assert not assistant.ask(question).found


def test_the_reports_own_date_when_the_question_asks_for_it(assistant):
    answer = assistant.ask("铜川团市委获先进集体的这篇稿子是哪天发布的?")
    assert answer.found and answer.value == "2021年8月16日"


def test_a_number_that_names_a_service_is_no_candidate_figure():
    from app.engine.answer import _values
    from app.engine.question import analyse

    clause = "12355青少年服务台受理心理健康类来电2980人次"
    values = [c.value for c in _values(analyse("心理健康类的有多少?"), clause, (0, len(clause)))]
    assert values == ["2980人次"]


def test_a_part_of_a_month_is_a_date_candidate_whole():
    """Blind set 64's 简报: "三月上旬", "十一月上旬完成…选址", "十二月中旬前完成…" are the dates a plan gives; the month
    alone (or nothing, in Chinese numerals) had been the only candidate, so the report's own date answered."""
    from app.engine.answer import _values
    from app.engine.question import analyse

    for clause, day in (("十一月上旬完成崇善镇青年之家选址工作", "十一月上旬"), ("十二月中旬前完成全市团员教育评议", "十二月中旬前"),
                        ("活动总结于9月上旬报送团州委", "9月上旬"), ("三月上旬,团市委组织开展志愿服务月活动", "三月上旬")):
        values = [c.value for c in _values(analyse("什么时候完成?"), clause, (0, len(clause)))]
        assert day in values, clause
    clause = "十月革命纪念日前后开展一个月的主题教育"  # a month's name in another word, a span of one month: none
    assert not [c for c in _values(analyse("什么时候开展?"), clause, (0, len(clause))) if "月" in c.value]


def test_a_sites_record_numbers_are_names_and_the_one_asked_is_offered():
    from app.engine.answer import _values
    from app.engine.question import analyse

    clause = "备案号:桂ICP备12003456号-1 桂公网安备45120202000123号"
    for question, wanted in (("河池共青团网的ICP备案号是多少?", "桂ICP备12003456号-1"),
                             ("网站的公网安备号是什么?", "桂公网安备45120202000123号")):
        q = analyse(question)
        assert q.kind == "name"
        assert [c.value for c in _values(q, clause, (0, len(clause))) if c.source == "docno"] == [wanted]


def test_a_document_number_from_the_reports_header(tmp_path, make_settings):
    """文号 sits under the title, a paragraph no question's words retrieve: it is read from the header of the
    reports retrieved, and cited there (CV: 12 of 14 such questions had been answered with a figure)."""
    report = tmp_path / "yanling_biaozhang_2025.txt"
    report.write_text("共青团延陵市委关于表彰2024年度延陵市五四红旗团委的决定\n\n延团发〔2025〕7号\n\n"
                      "各县(市、区)团委:\n\n2024年,全市各级团组织坚持服务青年,涌现出一批先进集体。"
                      "经研究,决定授予12个团委“延陵市五四红旗团委”称号,授予30名同志“优秀共青团员”称号。\n\n"
                      "共青团延陵市委\n\n2025年4月28日\n", encoding="utf-8")
    settings = make_settings()
    ingest_paths([report], settings)
    answer = Assistant.open(settings).ask("延陵这份表彰决定的文号是多少?")
    assert answer.value == "延团发〔2025〕7号"
    assert answer.citations[0].paragraph == 1 and answer.citations[0].quote == "延团发〔2025〕7号"


def test_the_reporter_from_the_reports_header(tmp_path, make_settings):
    """"谁作的工作报告?": the 报告人 line under the title shares no word with the question."""
    report = tmp_path / "yanling_quanhui_2024.md"
    report.write_text("# 凝心聚力跟党走 青春建功新延陵\n\n## ——在共青团延陵市第五届委员会第六次全体会议上的报告\n\n"
                      "报告人:共青团延陵市委书记 张明远\n\n(2024年1月26日)\n\n各位委员、同志们:\n\n"
                      "现在,我代表常务委员会向全会报告工作,请予审议。\n\n## 一、2023年工作回顾\n\n"
                      "全年全市共发展团员5862名,其中中学阶段发展4736名。组织“青年说”进基层宣讲活动1126场。\n",
                      encoding="utf-8")
    settings = make_settings()
    ingest_paths([report], settings)
    answer = Assistant.open(settings).ask("延陵五届六次全会的工作报告是谁作的?")
    assert answer.value == "张明远" and "报告人" in answer.citations[0].quote


def test_a_signed_header_line_is_the_reporter():
    """"共青团宜昌市委书记　刘思远" under the title, no 报告人 before it (blind set 20)."""
    from app.engine.answer import _SIGNED

    assert _SIGNED.fullmatch("共青团宜昌市委书记\u3000刘思远").group(1) == "刘思远"
    assert _SIGNED.fullmatch("现在,我代表共青团宜昌市第七届委员会常务委员会向全会报告工作") is None


def test_the_speaker_line_names_the_holder_of_its_role():
    """"海淀团区委书记是谁?" (blind set 41): the line under the title names the report's own 书记, a paragraph no question
    words retrieve; it is a candidate for that role, not for another."""
    from types import SimpleNamespace

    from app.engine.answer import _header

    lines = {1: "——在共青团北京市海淀区第十三届委员会第五次全体会议上", 2: "共青团北京市海淀区委员会书记 林晓彤", 3: "(2025年1月16日)"}
    passage = SimpleNamespace(doc_id="d", paragraph=9, text="…")
    found = list(_header(False, False, passage, (0, 1), lambda d, n: lines.get(n, ""), "书记"))
    assert [(c.value, c.held[0]) for c in found] == [("林晓彤", 2)]
    assert list(_header(False, False, passage, (0, 1), lambda d, n: lines.get(n, ""), "副书记")) == []


def test_staff_shorthand_finds_the_reports_words(tmp_path, make_settings):
    """"推优入党" shares no bigram with "推荐优秀团员作为党的发展对象": the retriever adds the report's words to the query
    and coverage counts them (blind set 19: refused in 4 of its reports)."""
    report = tmp_path / "yichun_2024.txt"
    report.write_text("共青团伊春市委2024年工作总结\n\n2024年,全市共发展团员1985名,同比增长6.2%。"
                      "推荐优秀团员作为党的发展对象704名。新建非公企业团组织35个。\n\n"
                      "全年募集希望工程资金318万元,资助困难学生612名。\n", encoding="utf-8")
    settings = make_settings()
    ingest_paths([report], settings)
    assert Assistant.open(settings).ask("伊春24年推优入党多少名?").value == "704名"


def test_a_figure_the_question_states_a_cohort_or_a_class_is_no_candidate():
    """"312名成员中禁毒民警有几名" repeats 312名; "2022级…1班" names a cohort and a class: none answers how many."""
    from app.engine import answer
    from app.engine.question import analyse

    def values(question, text):
        return [c.value for c in answer._values(analyse(question), text, (0, len(text)))]

    assert values("黔东南红丝带宣讲团312名成员中禁毒民警有几名？", "宣讲团成员达到312名,其中禁毒民警45名。") == ["45名"]
    assert values("数学与统计学院有几个团支部？", "2022级数学与应用数学1班团支部获评红旗团支部,全院团支部12个。") == ["12个"]
    assert values("偏岭镇24年发展了多少团员？", "偏岭镇发展团员24名。") == ["24名"]  # 24年 is the year asked



def test_the_noun_a_which_question_asks_of_ends_at_its_verb():
    from app.engine.answer import _HEAD

    assert _HEAD.search("第十八届“挑战杯”中广西大学哪个项目获得特等奖?").group(1) == "项目"
    assert _HEAD.search("实施的是什么行动?").group(1) == "行动" and not _HEAD.search("哪个项目的负责人获评优秀?")




def test_a_university_only_named_in_passing_is_refused_saying_which_are_held(tmp_path, make_settings):
    """A question of 北方民族大学, which only a city's table note names: no passage answering it names it, so it is
    refused as a university no report is about, naming the universities the knowledge base holds."""
    city = tmp_path / "yinchuan_2024.txt"
    city.write_text("共青团银川市委2024年工作报告\n\n全市青年之家达到96个,注册青年志愿者32.4万名。\n\n"
                    "注:市直及驻银高校含北方民族大学等驻银高校团组织数据。\n", encoding="utf-8")
    school = tmp_path / "nxu_2024.txt"
    school.write_text("共青团宁夏大学委员会2024年工作报告\n\n全校建成青年之家5个,注册青年志愿者2.3万名。\n", encoding="utf-8")
    settings = make_settings()
    ingest_paths([city, school], settings)
    answer = Assistant.open(settings).ask("北方民族大学有多少个青年之家?")
    assert not answer.found and "北方民族大学" in answer.text and "宁夏大学" in answer.text


def test_the_meeting_a_report_was_delivered_at_from_its_subtitle():
    """"报告是在哪次会议上作的?" (asked in every blind set since 12): the subtitle under the title names it."""
    from types import SimpleNamespace

    from app.engine.answer import _ASKS_MEETING, _header

    lines = {1: "——在共青团苏州大学第十七届委员会第五次全体(扩大)会议上", 2: "校团委书记 邵雨晨"}
    passage = SimpleNamespace(doc_id="d", paragraph=9, text="…")
    found = list(_header(False, False, passage, (0, 1), lambda d, n: lines.get(n, ""), "", True))
    assert [(c.value, c.source, c.held[0]) for c in found] == [("共青团苏州大学第十七届委员会第五次全体(扩大)会议", "meeting", 1)]
    assert _ASKS_MEETING.search("苏大团委报告在什么会上作的?") and not _ASKS_MEETING.search("常德2023年度工作报告是在哪天的全委会上作的?")


def test_a_zone_named_after_its_city_is_a_candidate_whole():
    from app.engine.answer import _clause_places

    assert ("苏州高新区", 0) in _clause_places("苏州高新区排名5", "2024年度苏州各县级市(区)考核第五名是哪个区?")


def test_a_county_row_crowded_out_by_rows_of_the_words_asked(tmp_path, make_settings):
    """A city's county table beside a month table whose rows hold every word asked but the county (blind set 65's
    ECharts page): the county's row is searched among the paragraphs that name it, not refused."""
    counties = {"榆阳区": 5412, "横山区": 1386, "神木市": 4286, "府谷县": 1652, "靖边县": 2104, "定边县": 1508,
                "绥德县": 1036, "米脂县": 742, "佳县": 688, "吴堡县": 352, "清涧县": 574, "子洲县": 596}
    rows = [f"2026年1—10月各县(市、区)新增注册志愿者和服务时长,{name}新增注册志愿者{n}名;{name}志愿服务时长"
            f"{n / 100:.1f}万小时。" for name, n in counties.items()]
    months = [f"1—10月全市每月新增注册青年志愿者(名),{m}月新增注册志愿者{1000 + 37 * m}名。" for m in range(1, 11)]
    report = tmp_path / "yulin_2026_zhiyuan_shuju_fabu.txt"
    report.write_text("2026年1—10月榆林市青年志愿服务数据发布\n发布时间:2026-11-12\n\n" + "\n\n".join(rows + months) + "\n",
                      encoding="utf-8")
    # a ledger naming every county often: the county's name weighs little against 1—10月
    ledger = tmp_path / "yulin_2026_zhuxuejin_taizhang.txt"
    ledger.write_text("2026年榆林市圆梦行动助学金台账\n2026-09-30\n\n" + "\n\n".join(
        f"{name}{kind}新生{n}名,{name}资助金额{n * 5000}元,{name}团委审核。"
        for name in counties for kind, n in (("本科", 22), ("专科", 30), ("研究生", 4))) + "\n", encoding="utf-8")
    settings = make_settings()
    ingest_paths([report, ledger], settings)
    assistant = Assistant.open(settings)
    assert assistant.ask("米脂今年1—10月新增注册志愿者多少").value == "742名"
    assert assistant.ask("横山前十个月新注册了多少青年志愿者").value == "1386名"
