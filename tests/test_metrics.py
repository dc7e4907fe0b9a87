import json

import pytest

from app.evaluation.metrics import GoldError, answer_matches, contains_evidence, load_gold, normalise, percentile


@pytest.mark.parametrize("accepted, value, text", [
    (("2.1万",), "21000", ""),
    (("21000",), "2.1万人", ""),
    (("2100余",), "2100余名", ""),
    (("20357人",), "", "注册志愿者20357人。"),
    (("青春微讲堂",), "", "铜川市“青春微讲堂”被纳入团中央典型案例"),
    (("Ma Xilin", "马希林"), "马希林", ""),
])
def test_matches(accepted, value, text):
    assert answer_matches(accepted, value, text)


@pytest.mark.parametrize("accepted, value, text", [
    (("20357人",), "20358人", ""),
    (("122个",), "122场次", ""),
    (("赵鑫",), "", ""),
    ((), "", "任何文字"),
])
def test_mismatches(accepted, value, text):
    assert not answer_matches(accepted, value, text)


def test_normalise_and_evidence():
    assert normalise(" “青春 微讲堂”! ") == "青春微讲堂"
    assert contains_evidence("评星晋级\u00a0活力提升", "评星晋级 活力提升")
    assert not contains_evidence("anything", None)


def test_percentile_empty_and_small():
    assert percentile([], 0.5) == 0.0
    assert percentile([3, 1, 2], 0.5) == 2


def _write(tmp_path, rows):
    path = tmp_path / "gold.jsonl"
    path.write_text("\n".join(r if isinstance(r, str) else json.dumps(r, ensure_ascii=False) for r in rows), encoding="utf-8")
    return path


def test_gold_validation_names_lines(tmp_path, corpus):
    good = {"id": "a", "question": "q?", "answers": ["1"], "doc": "tongchuan-youth-league-2021-08-16.txt",
            "evidence": "注册志愿者20357人", "type": "numeric"}
    path = _write(tmp_path, [good, "{not json", dict(good), dict(good, id="b", evidence="不存在的证据")])
    with pytest.raises(GoldError) as err:
        load_gold(path, corpus)
    message = str(err.value)
    assert ":2: malformed" in message and ":3: duplicate id 'a'" in message and ":4: evidence" in message


def test_shipped_gold_sets_are_valid(corpus):
    from pathlib import Path

    for name in ("practice.jsonl", "tongchuan.jsonl", "heldout.jsonl"):
        items = load_gold(Path(__file__).parent / "data" / "gold" / name, corpus)
        assert items and all(i.type != "unanswerable" or not i.answers for i in items)


# The evidence check reads reports as youthqa does (ingest's loader and cleaner), not as raw UTF-8.

def _docx(path, paragraphs, table=()):
    import docx

    document = docx.Document()
    for text in paragraphs:
        document.add_paragraph(text)
    if table:
        grid = document.add_table(rows=len(table), cols=len(table[0]))
        for r, row in enumerate(table):
            for c, cell in enumerate(row):
                grid.cell(r, c).text = cell
    document.save(path)


def _question(id, doc, evidence, kind="numeric"):
    return {"id": id, "question": "多少?", "answers": ["1"], "doc": doc, "evidence": evidence, "type": kind}


def test_evidence_found_in_docx_and_gb18030(tmp_path):
    reports = tmp_path / "reports"
    reports.mkdir()
    _docx(reports / "a.docx", ["标题", "全县团员总数11184名。"], table=[["指标", "数量"], ["示范基地", "3074个"]])
    (reports / "b.txt").write_bytes("湘西州\n已建成营地29个。\n".encode("gb18030"))
    (reports / "sources.tsv").write_text("file\tsource_url\n", encoding="utf-8")  # not a report: ignored
    path = _write(tmp_path, [_question("a", "a.docx", "团员总数11184名", "person"), _question("b", "b.docx", "x"),
                             _question("c", "a.docx", "示范基地数量3074个"), _question("d", "b.txt", "已建成营地29个")])
    with pytest.raises(GoldError) as err:
        load_gold(path, reports)
    assert str(err.value).count("\n") == 0 and "'b'" in str(err.value) and "not in the corpus" in str(err.value)


def test_unextractable_evidence_is_a_warning_unless_strict(tmp_path):
    reports = tmp_path / "reports"
    reports.mkdir()
    (reports / "p.html").write_text("<html><body><nav>导航里有注册志愿者99人</nav><p>正文:注册志愿者20357人。</p>"
                                    "</body></html>", encoding="utf-8")
    path = _write(tmp_path, [_question("ok", "p.html", "注册志愿者20357人"), _question("nav", "p.html", "注册志愿者99人")])
    with pytest.raises(GoldError, match=r":2: evidence for 'nav' is not in the text youthqa extracts from p.html"):
        load_gold(path, reports)
    ok, nav = load_gold(path, [reports], strict=False)
    assert not ok.warning and "not in the text youthqa extracts" in nav.warning


def test_conversations_parse_and_validate(tmp_path):
    turn = {"question": "铜川的志愿汇平台注册了多少志愿者?", "answers": ["20357人"],
            "doc": "tongchuan-youth-league-2021-08-16.txt", "evidence": "注册志愿者20357人", "type": "numeric"}
    refuse = {"question": "那海南呢?", "answers": [], "doc": "", "evidence": "", "type": "unanswerable"}
    good = {"id": "c", "corpus": "corpus", "turns": [turn, refuse]}
    path = _write(tmp_path, [good, dict(good, id="one", turns=[turn]), dict(good, id="nocorpus", corpus=""),
                             dict(good, id="bad", turns=[turn, dict(refuse, answers=["1"])])])
    with pytest.raises(GoldError) as err:
        load_gold(path)
    assert [line.split(": ", 1)[0].rsplit(":", 1)[1] for line in str(err.value).splitlines()] == ["2", "3", "4"]
    (conversation,) = load_gold(_write(tmp_path, [good]))
    assert [t.id for t in conversation.turns] == ["c#1", "c#2"] and conversation.turns[1].corpus == "corpus"


def test_practice2_followups_and_near_misses_are_valid():
    from pathlib import Path

    from app.evaluation.metrics import Conversation, check_evidence

    root = Path(__file__).parent.parent
    gold = root / "tests" / "data" / "gold"
    for name, folder in (("practice2-a", "A"), ("practice2-b", "B")):
        items = load_gold(gold / f"{name}.jsonl", root / "tests" / "data" / "practice2" / folder)
        assert len(items) >= 90 and any(i.type == "person" for i in items)
    third = load_gold(gold / "practice3.jsonl", root / "tests" / "data" / "practice3", strict=False)
    # Only the six "when was this report issued" questions quote a line youthqa keeps as the date, not as text.
    assert len(third) >= 200 and sum(bool(g.warning) for g in third) <= 6
    conversations = load_gold(gold / "followups.jsonl")
    # 2-5 turns each, blind set 36's up to 7
    assert len(conversations) >= 30 and all(isinstance(c, Conversation) and 2 <= len(c.turns) <= 8 for c in conversations)
    # fu33-06 turn 5 (去年金塔植树种了多少?) asks blind set 33's 金塔 news page's 相关新闻 sidebar item (金塔县520名青年志愿者
    # 戈壁植树9000株), which youthqa never extracts (b33-q313's warning below): the turn allowed a warning. (fu19-05 and
    # fu24-11 turn 2, which ask notices' sign-off dates, warned until the sign-off line was kept as text, PIPELINE_VERSION 23.)
    warned = {"fu33-06#5"}
    for c in conversations:  # each against its own reports
        if any(t.id in warned for t in c.turns):
            (checked,) = check_evidence([c], root / c.corpus, strict=False)
            assert {t.id for t in checked.turns if t.warning} == {t.id for t in c.turns if t.id in warned}
        else:
            check_evidence([c], root / c.corpus)
    near = load_gold(gold / "nearmiss.jsonl")
    fourth = load_gold(gold / "practice4.jsonl", root / "tests" / "data" / "practice4", strict=False)
    assert len(fourth) >= 250
    fifth = load_gold(gold / "practice5.jsonl", root / "tests" / "data" / "practice5", strict=False)
    assert len(fifth) >= 240 and sum(bool(g.warning) for g in fifth) <= 5  # the five report-date questions
    from app.evaluation.goldsets import LAST_PRACTICE, REPORT_SETS

    for name in (f"practice{n}" for n in range(6, LAST_PRACTICE + 1) if n not in (18, 24, 54)):  # blind sets 7-18, 20-24, 26-54 (19, 25, 55 below)
        later = load_gold(gold / f"{name}.jsonl", root / "tests" / "data" / name, strict=False)
        # sign-off blocks, meta lines and a list quoted across lines: evidence youthqa keeps as the date or apart;
        # 225: blind set 14 (practice13) has 229 questions, blind set 15 (practice14) 228, blind set 16 (practice15) 236,
        # blind set 17 (practice16) 301, blind set 18 (practice17) 411, blind set 20 (practice19) 442 (4 warnings: the
        # sign-off dates of the 荆州, 孝感, 咸宁 and 秭归 reports, kept as the date), blind set 21 (practice20) 452
        # (7 warnings: the sign-off dates of the 锦州, 营口 and 岫岩 reports, kept as the date, and four questions on
        # the 盘锦 news page's chrome, which youthqa drops: 浏览次数, 来源, 责任编辑, ICP 备案号), blind set 22 (practice21)
        # 484 (10 warnings: the sign-off dates of the 漳州 and 霞浦 reports, kept as the date, and eight questions on the
        # 龙岩 news page's chrome, which youthqa drops: 来源, 浏览次数, ICP and 公安 备案号, 主办, 发布时间, 当前位置, 责任编辑),
        # blind set 23 (practice22) 423 (8 warnings: the sign-off dates of the 东莞, 汕头 and 梅州 reports, kept as the date,
        # the 华农 report's 报告人 line, dropped, and four questions on the 湛江 news page's chrome, which youthqa drops:
        # the site's name, ICP 备案号, 主办单位, 当前位置), blind set 24 (practice23) 452 (6 warnings: the sign-off dates of
        # the 四平 and 通化 reports, kept as the date, the 白山 report's two-line title, the first line taken as the title,
        # and three questions on the 松原 news page's title and chrome: its title, the site's name, ICP 备案号), blind set 26
        # (practice25) 406 (5 warnings: the sign-off dates of the 大兴安岭 and 嘉荫 reports, kept as the date, and three
        # questions on the 鸡西 news page's chrome, which youthqa drops: the site's name, ICP 备案号, 主办单位), blind set 27
        # (practice26) 444 (3 warnings: the 林芝 report's dated line, kept as the date, and two questions on the 昌都
        # news page's chrome, which youthqa drops or never extracts: its footer's 技术支持 line, the 上一篇 link), blind set 28
        # (practice27) 415 (5 warnings: the sign-off dates of the 抚州, 吉安 and 婺源 reports, kept as the date, and two
        # questions on the 景德镇 news page's chrome, which youthqa drops or never extracts: 当前位置, the 上一篇 link),
        # blind set 29 (practice28) 420 (9 warnings: the sign-off dates of the 海东, 海南州, 互助 and 海西 reports (海西's
        # quoted with its issuer), kept as the date, three titles asked (西宁 2023's, 西宁 2024's and 海南州's two-line
        # title, each taken as the document's title), and two questions on the 海北 news page: its title (the title) and
        # the 下一篇 link (never extracted)), blind set 30 (practice29) 402 (2 warnings: the sign-off date of the 库车
        # report, kept as the date, and the 伊犁 团代会 speech's title asked (第几次代表大会), taken as the document's title),
        # blind set 31 (practice30) 454 (5 warnings: the sign-off date of the 桂林 report, kept as the date, and four
        # questions on the 河池 news page: its title (the title) and its chrome, which youthqa drops or never extracts:
        # ICP 备案号, the 版权所有 footer line, a 相关新闻 item's date), blind set 32 (practice31) 448 (1 warning: the
        # sign-off date of the 曲靖 PDF report, kept as the date), blind set 33 (practice32) 451 (7 warnings: the
        # sign-off dates of the 甘南 and 麦积 reports, kept as the date (麦积's in Chinese numerals, 二〇二五年一月十日),
        # and five questions on the 金塔 news page's chrome, which youthqa never extracts: four on its 相关新闻 sidebar
        # items (2023's 480 volunteers, 2024's 520 and 9000株, 酒泉's 11万) and the 上一篇 link), blind set 34
        # (practice33) 448 (1 warning: the sign-off date of the 呼伦贝尔 通报, kept as the date), blind set 35
        # (practice34) 413 (2 warnings: the 湘西 通报's sign-off date, kept as the date, and the 株洲 report's joined
        # title asked, of which youthqa keeps the subtitle only)
        assert len(later) >= 225 and sum(bool(g.warning) for g in later) <= 10
    # blind set 19 (practice18, 502 questions): 12 warnings, more than the 10 allowed above: four sign-off dates and the
    # 黔南 annual report's 发布日期 line (kept as the date), and seven questions on its portal page's chrome, which youthqa
    # drops or never extracts (发布时间, 作者, 责任编辑, ICP 备案号, 浏览次数, the 上一篇 link, a 相关新闻 item's date)
    later = load_gold(gold / "practice18.jsonl", root / "tests" / "data" / "practice18", strict=False)
    assert len(later) >= 225 and sum(bool(g.warning) for g in later) <= 12
    # blind set 55 (practice54, 740 questions): 13 warnings: 11 answers computed over several table rows or list items,
    # whose evidence quotes them all as the writer saw them (two rows of 表2, of the speech's station table, of 表1's
    # years, the rubric's items, the 台账's tasks), the 全会 report's two-part title (the document's title), and the
    # news page's 下一篇 link (never extracted)
    later = load_gold(gold / "practice54.jsonl", root / "tests" / "data" / "practice54", strict=False)
    assert len(later) >= 225 and sum(bool(g.warning) for g in later) <= 13
    # blind set 25 (practice24, 432 questions): 12 warnings, as blind set 19: the sign-off dates of the 自贡, 攀枝花 and
    # 大竹 reports (kept as the date), four titles asked (南充 2023's, 德阳's notice, 自贡's and the 广元 article: each
    # taken as the document's title), and five questions on the 广元 news page's chrome, which youthqa drops or never
    # extracts (ICP 备案号, 主办单位, 地址, the 下一篇 link, a 相关新闻 item)
    later = load_gold(gold / "practice24.jsonl", root / "tests" / "data" / "practice24", strict=False)
    assert len(later) >= 225 and sum(bool(g.warning) for g in later) <= 12
    sources = {g.id for name, _ in REPORT_SETS
               for g in load_gold(gold / f"{name}.jsonl")}
    assert len(near) >= 300 and all(n.type == "unanswerable" and n.source_id in sources and n.corpus for n in near)


def test_hand_written_unanswerable_questions_name_their_report():
    from pathlib import Path

    from app.evaluation.trainset import _groups

    root = Path(__file__).parent.parent
    items = load_gold(root / "tests" / "data" / "gold" / "unanswerable.jsonl")
    assert len(items) >= 100 and all(g.type == "unanswerable" and len(g.docs) == 1 for g in items)
    assert all((root / g.corpus / g.docs[0]).is_file() for g in items)
    # Cross-validation keeps each with its report's other questions (leave-reports-out).
    assert _groups([("unanswerable", g) for g in items]) == [g.docs[0] for g in items]


def test_near_miss_place_swap_keeps_the_level_and_leaves_the_corpus():
    import random

    from app.evaluation.nearmiss import find_places, mentioned, place_variant

    [(_, _, tongchuan, form)] = find_places("铜川的志愿汇平台注册了多少志愿者?")
    assert (tongchuan.name, tongchuan.level, form) == ("铜川市", "city", "short")
    assert [p[2].name for p in find_places("湖南省青少年发展基金会理事长是谁?")] == ["湖南省"]  # no 会理(县)
    assert [(p[2].name, p[3]) for p in find_places("How many volunteers did Tianjin register?")] == [("天津市", "english")]
    banned = mentioned("铜川 宝鸡 渭南 咸阳 西安")
    made = [place_variant("在平安铜川建设表彰会上,铜川团市委书记是谁?", banned, random.Random(7)) for _ in range(2)]
    assert made[0] == made[1]  # seeded
    question, swap = made[0]
    [new] = {p[2] for p in find_places(question)}
    assert "铜川" not in question and new.level == "city" and new.province == tongchuan.province and new not in banned
    assert swap.startswith("铜川 → ") and place_variant("团员有多少名?", banned, random.Random(7)) is None


def test_near_miss_year_swap_avoids_covered_years():
    import random

    from app.evaluation.nearmiss import year_variant, years_covered

    assert years_covered("行动计划(2016—2020年),2023年") == {2016, 2017, 2018, 2019, 2020, 2023}
    question, swap = year_variant("2017年重庆西部计划出征的志愿者有多少名?", {2016, 2017, 2018}, random.Random(1))
    assert swap in ("2017 → 2015", "2017 → 2019") and question.endswith("年重庆西部计划出征的志愿者有多少名?")
    assert year_variant("On what date was the 2023 ceremony held?", {2023}, random.Random(1))[0] != \
        "On what date was the 2023 ceremony held?"
    assert year_variant("重庆西部计划出征的志愿者有多少名?", set(), random.Random(1)) is None


def test_near_miss_part_narrows_a_count_of_people_to_a_group_the_report_never_names():
    import random

    from app.evaluation.metrics import Gold
    from app.evaluation.nearmiss import GROUPS, part_variant

    g = Gold("t-1", "铜川注册了多少志愿者?", ("20357人",), "a.txt", "注册志愿者20357人", "numeric")
    report = "注册志愿者20357人,其中女性11000人。" + "".join(GROUPS[2:])  # names every group but 男性
    question, swap = part_variant(g, report, random.Random(1))
    assert question == "铜川注册了多少志愿者,其中男性有多少?" and swap == "+ 其中男性"
    assert part_variant(g, "".join(GROUPS), random.Random(1)) is None  # no group left to ask for
    money = Gold("t-2", "铜川筹集了多少善款?", ("120万元",), "a.txt", "善款120万元", "numeric")
    english = Gold("t-3", "How many volunteers did Tongchuan register?", ("20357人",), "a.txt", "20357人", "numeric")
    assert part_variant(money, "", random.Random(1)) is None and part_variant(english, "", random.Random(1)) is None


def test_committed_near_misses_are_up_to_date():
    """`make nearmiss` regenerates the file; a gold edit without it fails here."""
    import json
    from pathlib import Path

    from app.evaluation.nearmiss import generate

    committed = Path(__file__).parent / "data" / "gold" / "nearmiss.jsonl"
    assert [json.loads(line) for line in committed.read_text(encoding="utf-8").splitlines()] == generate()


def test_near_miss_actual_asks_a_later_years_target_as_what_was_done():
    from app.evaluation.metrics import Gold
    from app.evaluation.nearmiss import actual_variant

    g = Gold("t-1", "聊城2025年计划新发展团员多少?", ("5000名",), "liaocheng_2024_report.md", "计划新发展团员5000名", "numeric")
    assert actual_variant(g, []) == ("聊城2025年实际新发展团员多少?", "计划 → 实际")
    assert actual_variant(g, ["liaocheng_2025_report.md"]) is None  # that year's own report tells it
    assert actual_variant(Gold("t-2", "聊城2024年计划新发展团员多少?", ("1名",), "liaocheng_2024_report.md", "", "numeric"), []) is None


def test_near_miss_edition_asks_the_edition_before_the_one_the_reports_name():
    """Blind set 57: "第四届…大赛金奖有哪些" was answered from 第五届's 决定, "灵丘团讯第1期讲了什么" from 第2期."""
    from app.evaluation.metrics import Gold
    from app.evaluation.nearmiss import edition_variant

    g = Gold("t-1", "第五届项目大赛金奖有几个?", ("4个",), "datong.docx", "金奖(4个)", "numeric")
    assert edition_variant(g, "第五届大同市青年志愿服务项目大赛") == ("第四届项目大赛金奖有几个?", "第五届 → 第四届")
    assert edition_variant(g, "第五届大赛…第四届大赛金奖3个") is None  # a report names the one before
    first = Gold("t-2", "灵丘团讯第1期有几条要目?", ("5条",), "lingqiu.txt", "本期要目", "numeric")
    assert edition_variant(first, "灵丘团讯 第1期")[0] == "灵丘团讯第2期有几条要目?"


def test_near_miss_period_asks_a_part_of_the_year_the_reports_give_no_figure_for():
    import random

    from app.evaluation.metrics import Gold
    from app.evaluation.nearmiss import period_variant

    g = Gold("t-1", "吴忠上半年发放青创贷多少?", ("1,560万元",), "wuzhong_2025_shangbannian.pdf", "发放青创贷1,560万元", "numeric")
    report = "吴忠团市委2025年上半年工作总结\n上半年发放青创贷1,560万元。\n三、下半年工作打算\n下半年发放不少于2,240万元。"
    made = {period_variant(g, report, report, random.Random(i)) for i in range(40)}
    assert ("吴忠下半年实际发放青创贷多少?", "上半年 → 下半年实际") in made  # 下半年 only in what it plans
    assert ("吴忠一季度发放青创贷多少?", "上半年 → 一季度") in made
    assert not any("二季度" in m[0] for m in made)  # 截至二季度末 is the half-year's figure
    assert ("吴忠全年发放青创贷多少?", "上半年 → 全年") in made  # a half-year report gives no year's figure
    annual = "铜川团市委2024年工作总结\n全年新发展团员900名,一季度发展团员200名。"
    g2 = Gold("t-2", "铜川全年新发展团员多少?", ("900名",), "tongchuan_2024.md", "全年新发展团员900名", "numeric")
    made = {period_variant(g2, annual, annual, random.Random(i)) for i in range(40)}
    assert made and not any("一季度" in m[0] for m in made)  # the report gives 一季度's figure


def test_a_figure_answer_is_matched_whole():
    from app.evaluation.metrics import answer_matches

    assert not answer_matches(("18个", "18"), "180个", "180个。原文:“建成180个”")  # "18" had been found in "180"
    assert not answer_matches(("3.93",), "39344人", "39344人")  # 3.93 is no part of 39344
    assert answer_matches(("18个", "18"), "18个", "") and answer_matches(("1,286",), "1286名", "")
