"""ingest.clean: portal boilerplate out, title and date into metadata, every article paragraph kept."""
from __future__ import annotations

import re
import unicodedata
from pathlib import Path

import pytest

from ingest.clean import ARTICLE_INFO, SITE_INFO, clean_document, doc_id_for, parse_date
from ingest.load import load_file

CORPUS = Path(__file__).resolve().parent.parent / "corpus"
TONGCHUAN = CORPUS / "tongchuan-youth-league-2021-08-16.txt"
LIMIT = 20 * 2**20


def norm(line: str) -> str:
    """The cleaner's whitespace normalisation, restated: NFKC, ideographic space, whitespace runs collapsed, and a line
    of several label:value fields a clause per field ("更新时间:21年08月16日;点击数:4129")."""
    line = " ".join(unicodedata.normalize("NFKC", line).replace("\u3000", " ").split())
    fields = r"[\u4e00-\u9fff]{1,6}:\S+"
    return re.sub(r"\s+(?=[\u4e00-\u9fff]{1,6}:)", ";", line) if re.fullmatch(rf"{fields}(?:\s+{fields})+", line) else line


def clean(path: Path):
    loaded = load_file(path, LIMIT)
    return clean_document(loaded.lines, path, loaded.title_hint)


@pytest.fixture(scope="module")
def tongchuan():
    return clean(TONGCHUAN)


@pytest.fixture(scope="module")
def corpus_docs():
    return {p.name: clean(p) for p in sorted(CORPUS.iterdir())}


# -- the user's report ----------------------------------------------------------------------
TONGCHUAN_DROPPED = [
    "您好,欢迎来到陕西共青团!",
    "基层团组织工作动态专栏",
    "您现在的位置: 首页 > 资讯列表 > 详情页",
    "更新时间:21年08月16日 点击数:4129",
    "1629106025219934.png",
    "上一篇文章:共青团金台区委召开学习贯彻习近平总书记“七一”重要讲话精神学习交流分享会",
    "下一篇文章: 延安大学“三下乡”:传承延安精神,奉献青春力量",
]
TONGCHUAN_TITLE = "铜川团市委荣获铜川市2020年度平安建设工作先进集体"


def test_tongchuan_dropped_lines_exactly(tongchuan):
    assert list(tongchuan.dropped) == [norm(line) for line in TONGCHUAN_DROPPED]


def test_tongchuan_title_and_date(tongchuan):
    assert tongchuan.title == TONGCHUAN_TITLE
    assert tongchuan.date == "2021-08-16"
    assert tongchuan.source == TONGCHUAN.name
    assert tongchuan.doc_id == doc_id_for(TONGCHUAN)


def test_tongchuan_keeps_every_article_paragraph_in_order(tongchuan):
    raw = [norm(line) for line in TONGCHUAN.read_text(encoding="utf-8").splitlines()]
    dropped = {norm(line) for line in TONGCHUAN_DROPPED} | {TONGCHUAN_TITLE}
    expected = [line for line in raw if line and line not in dropped]
    assert list(tongchuan.paragraphs[:-1]) == expected
    assert len(tongchuan.paragraphs) == 15
    assert tongchuan.paragraphs[0].startswith("在8月12日召开的平安铜川建设工作")
    assert tongchuan.paragraphs[6].startswith("三是发挥青年志愿者的助力参与作用")  # paragraph 7
    assert "20357人" in tongchuan.paragraphs[6]
    assert tongchuan.paragraphs[-2].startswith("下一步,团市委将以贯彻落实")
    # the page's meta line, which staff ask about ("点击数"), follows the article as its last paragraph
    assert tongchuan.paragraphs[-1] == "文章信息:更新时间:21年08月16日;点击数:4129"


def test_tongchuan_nothing_lost(tongchuan):
    """Every non-empty line of the file is either a paragraph, the title, or a dropped line."""
    raw = [norm(line) for line in TONGCHUAN.read_text(encoding="utf-8").splitlines() if norm(line)]
    assert sorted(raw) == sorted([*tongchuan.paragraphs[:-1], tongchuan.title, *tongchuan.dropped])


def test_content_hash_follows_paragraphs(tongchuan):
    again = clean(TONGCHUAN)
    assert again.content_hash == tongchuan.content_hash
    lines = TONGCHUAN.read_text(encoding="utf-8").splitlines()
    lines[-1] = "下一篇文章: 另一篇文章"  # boilerplate change: the article itself is unchanged
    assert clean_document(lines, TONGCHUAN).content_hash == tongchuan.content_hash
    lines[10] += "新增一句。"
    assert clean_document(lines, TONGCHUAN).content_hash != tongchuan.content_hash


# -- dates ------------------------------------------------------------------------------------
@pytest.mark.parametrize("text, iso", [
    ("更新时间:21年08月16日", "2021-08-16"),
    ("更新时间:21年08月16日 点击数:4129", "2021-08-16"),
    ("2021-02-26 08:36", "2021-02-26"),
    ("2019年3月5日", "2019-03-05"),
    ("发布时间:2019-03-05", "2019-03-05"),
    ("2019/6/24", "2019-06-24"),
    ("2019.06.24", "2019-06-24"),
    ("来源:清镇市共青团 2019-6-24 阅读:689", "2019-06-24"),
    ("2022 年 4 月 6 日", "2022-04-06"),
    ("", ""),
    ("点击数:4129", ""),
    ("12月5日", ""),  # no year: no date
    ("2021-13-01", ""),  # no such month
])
def test_parse_date(text, iso):
    assert parse_date(text) == iso


def test_a_speech_s_date_under_its_title(tmp_path):
    """"(2024年1月18日在共青团西宁市第十五届委员会第五次全体会议上)" dates the report (blind set 29: asked 哪天作的)."""
    lines = ["凝心聚力担使命 青春建功新西宁", "(2024年1月18日在共青团西宁市第十五届委员会第五次全体会议上)", "各位委员:",
             "2023年,全市团员青年奋发有为。"]
    assert clean_document(lines, tmp_path / "xining.md").date == "2024-01-18"


def test_date_from_file_name_when_the_text_has_none(tmp_path):
    doc = clean_document(["团市委召开会议", "会议总结了全年工作。"], tmp_path / "report-2020-05-04.txt")
    assert doc.date == "2020-05-04"
    doc = clean_document(["团市委召开会议", "会议总结了全年工作。"], tmp_path / "report-2020.txt")
    assert doc.date == ""


# -- the rest of the corpus ---------------------------------------------------------------------
CORPUS_META = {
    "hainan-youth-volunteers.md": ("海南线上注册青年志愿者达134.9万人", ""),  # the page gives only 12月5日
    "hubei-qingchuangdai-2022.html": ("湖北“青创贷”:给创业青年量身定制的“加油站”", "2022-02-24"),
    "jining-learn-from-leifeng-2019.txt": ("济宁举办“青春志愿行 共创文明城”主题志愿服务活动", "2019-03-05"),
    "luoyang-league-tasks-2022.md": ("洛阳团市委亮出2022年任务书 将打造3个以上青年会客厅", "2022-03-16"),
    "ningxia-registered-volunteers-2017.txt": ("宁夏实名注册志愿者人数接近53万", "2017-11-22"),
    "qingzhen-antidrug-2019.txt": ("【清镇共青团】“与毒说‘不’·青春不毒行”禁毒宣传活动在市政府广场举行", "2019-06-24"),
    "tianxin-league-summary-2021.html": ("共青团天心区委2021年度工作总结", "2022-04-06"),
    "tongchuan-youth-league-2021-08-16.txt": (TONGCHUAN_TITLE, "2021-08-16"),
    "xinjiang-hope-project-2019.md": ("希望工程在新疆27年 累计帮助87800多名贫困学生", "2019-04-02"),
}


def test_corpus_titles_and_dates(corpus_docs):
    assert {name: (d.title, d.date) for name, d in corpus_docs.items()} == CORPUS_META


_FOOTER = re.compile(r"上一篇|下一篇|ICP|版权所有|Copyright|©|分享到|责任编辑|【打印|【关闭|您(现在|当前)?的?位置|欢迎您?(来到|访问|光临)")


@pytest.mark.parametrize("name", sorted(CORPUS_META))
def test_no_boilerplate_survives(corpus_docs, name):
    doc = corpus_docs[name]
    assert doc.paragraphs
    kept_last = [p for p in doc.paragraphs if p.startswith((ARTICLE_INFO, SITE_INFO))]
    assert kept_last == list(doc.paragraphs[len(doc.paragraphs) - len(kept_last):])  # after the article, in order
    for paragraph in doc.paragraphs:
        if paragraph.startswith(ARTICLE_INFO):  # the article's own source, time and views
            assert not re.search(r"ICP|版权|Copyright", paragraph)
            continue
        if paragraph.startswith(SITE_INFO):  # the site's name, owner and record number, one clause each
            assert re.search(r"ICP|主办|承办|网站标识码", paragraph) and "\n" not in paragraph
            continue
        assert not _FOOTER.search(paragraph), paragraph
        assert not re.fullmatch(r"\S+\.(png|jpe?g|gif)", paragraph), paragraph
        assert paragraph != doc.title
    # The title is metadata, not a paragraph; the meta line (date/source) is dropped.
    assert not any(p.startswith(("来源:", "发布时间:", "日期:", "更新时间:")) for p in doc.paragraphs)


def test_html_sidebars_and_navigation_absent(corpus_docs):
    text = "\n".join(corpus_docs["hubei-qingchuangdai-2022.html"].paragraphs)
    for chrome in ("首页", "小微企业融资服务持续优化", "请输入关键词", "打印本页", "财经观察网"):
        assert chrome not in text
    assert "累计发放贷款2792笔,总额达6.91亿元" in text


@pytest.mark.parametrize("name, first, last", [
    ("ningxia-registered-volunteers-2017.txt", "本报讯(记者 张文攀)11月21日", "在各地之中,银川市金凤区民政局"),
    ("jining-learn-from-leifeng-2019.txt", "3月4日下午,由中共济宁市委宣传部", "现场,张茂路老先生"),
    ("qingzhen-antidrug-2019.txt", "第32个国际禁毒日临近", "据了解,进入2019年以来"),
])
def test_portal_txt_article_boundaries(corpus_docs, name, first, last):
    doc = corpus_docs[name]
    assert doc.paragraphs[0].startswith(first)
    article = [p for p in doc.paragraphs if not p.startswith((ARTICLE_INFO, SITE_INFO))]
    assert article[-1].startswith(last) and doc.paragraphs[len(article)].startswith(ARTICLE_INFO)


def test_markdown_headings_kept_as_paragraphs(corpus_docs):
    doc = corpus_docs["xinjiang-hope-project-2019.md"]
    assert "希望工程在新疆" in doc.paragraphs
    assert "资助贫困学生8.78万余人;" in doc.paragraphs
    assert not any("记者 李志豪" in p for p in doc.paragraphs)


def test_full_width_text_normalised():
    doc = clean_document(["团市委召开会议", "发布时间:2021-01-02", "注册志愿者２０３５７人,　活动　６７７场次。"],
                         Path("x.txt"))
    assert doc.paragraphs == ("注册志愿者20357人, 活动 677场次。", "文章信息:发布时间:2021-01-02")
    assert doc.date == "2021-01-02"


def test_title_falls_back_to_file_stem():
    doc = clean_document(["会议总结了全年工作,全市新发展团员1200名,注册志愿者2万余人。"], Path("/x/年度总结.txt"))
    assert doc.title == "年度总结"
    assert doc.paragraphs == ("会议总结了全年工作,全市新发展团员1200名,注册志愿者2万余人。",)


def test_a_document_number_over_the_title_is_no_title():
    """Blind set 33's 兰州 report opens with its number alone: "兰团发〔2025〕2号" was its title (and its citation)."""
    doc = clean_document(["兰团发〔2025〕2号", "共青团兰州市委员会2024年工作总结和2025年工作打算",
                          "2024年,全市新发展团员6415名。"], Path("lanzhou.docx"))
    assert doc.title == "共青团兰州市委员会2024年工作总结和2025年工作打算"
    assert doc.paragraphs == ("兰团发〔2025〕2号", "2024年,全市新发展团员6415名。")


def test_empty_input():
    doc = clean_document(["", "   ", "\u3000"], Path("blank.txt"))
    assert doc.paragraphs == ()


def test_a_short_report_signed_off_with_a_date_keeps_its_text():
    """A sign-off date within the first lines is not a portal's meta line: the whole report is above it."""
    lines = ["关于2024年全市“青年之家”建设运行情况的通报", "各县(市、区)团委:", "现将有关情况通报如下。",
             "一、基本情况", "截至2024年11月30日,全市共建成“青年之家”312家。", "共青团阜阳市委员会", "2024年12月6日"]
    doc = clean_document(lines, Path("fuyang.txt"))
    assert doc.title == lines[0] and doc.date == "2024-12-06"
    assert doc.paragraphs == tuple(lines[1:])  # the 落款 date too: staff ask it and check it against that line


def test_a_date_line_over_the_article_is_no_sign_off():
    lines = ["共青团铜川市委", "2024年6月3日", "铜川举行青年志愿者出征仪式", "6月3日,铜川市青年志愿者出征仪式举行。"]
    doc = clean_document(lines, Path("news.txt"))
    assert "2024年6月3日" not in doc.paragraphs and doc.date == "2024-06-03"


def test_thousands_separators_are_read_as_one_figure_and_chinese_commas_stay_breaks():
    doc = clean_document(["芜湖共青团2023年工作总结", "全年受理来电18,640人次,较上年增加2,075人次,共计1,234,567元。",
                          "组织活动15场，200余人参加;2021,2022年连续获评。"], Path("wuhu.txt"))
    assert doc.paragraphs[0] == "全年受理来电18640人次,较上年增加2075人次,共计1234567元。"
    assert doc.paragraphs[1] == "组织活动15场,200余人参加;2021,2022年连续获评。"


def test_a_bracketed_date_line_dates_a_speech_and_stays_in_its_text():
    doc = clean_document(["凝心聚力 奋力开创新时代九江共青团工作新局面", "——在共青团九江市第十七届委员会第五次全体会议上的工作报告",
                          "团市委书记 刘雅琴", "(2025年1月16日)", "各位委员,同志们:"], Path("jiujiang.docx"))
    assert doc.date == "2025-01-16" and "(2025年1月16日)" in doc.paragraphs


def test_a_red_header_decision_keeps_its_body_above_the_sign_off_and_takes_its_subject_as_title():
    """A 表彰决定: document number, subject over two lines, prose, sign-off date, then long 附件 lists. The date is
    no portal meta line (prose above it) and the subject, not "…文件", is the title."""
    lines = ["共青团扬州市委员会文件", "扬团发〔2025〕6号", "关于表彰2024年度扬州市五四红旗团委(团支部)、",
             "优秀共青团员和优秀共青团干部的决定", "各县(市、区)团委:",
             "2024年,全市各级团组织和广大团员青年深入学习贯彻党的二十大精神。全年全市新发展团员3846名,新建青年之家18个。",
             "共青团扬州市委员会", "2025年4月28日", "附件"] + [f"扬州市第{i}中学团委 扬州市第{i}中学高二(3)班团支部" for i in range(30)]
    doc = clean_document(lines, Path("yangzhou.txt"))
    assert doc.title == "关于表彰2024年度扬州市五四红旗团委(团支部)、优秀共青团员和优秀共青团干部的决定"
    assert doc.date == "2025-04-28" and any("新发展团员3846名" in p for p in doc.paragraphs)
    assert "扬团发〔2025〕6号" in doc.paragraphs


def test_an_issuer_over_a_document_number_heads_a_notice_whose_subject_is_the_title():
    """"共青团泰安市委员会 / 泰团通〔2025〕3号 / 关于…的通报" (blind set 16): the issuer alone, no "…文件", is no title;
    the subject is, and its year (2024年度) is the year the notice reviews."""
    lines = ["共青团泰安市委员会", "泰团通〔2025〕3号", "关于2024年度全市共青团重点工作情况的通报", "各县(市、区)团委:",
             "2024年,全市各级团组织扎实推进重点工作。截至2024年12月31日,全市共有团员127385名。", "2025年1月24日"]
    doc = clean_document(lines, Path("taian.docx"))
    assert doc.title == "关于2024年度全市共青团重点工作情况的通报"
    assert "泰团通〔2025〕3号" in doc.paragraphs


def test_the_rule_under_a_document_number_is_no_part_of_the_title():
    """Blind set 17's 通报: the red header's rule typed as dashes had become the title's head (————…共青团焦作市委员会…)."""
    lines = ["共青团焦作市委员会文件", "焦团〔2025〕6号", "—" * 24, "共青团焦作市委员会", "关于2024年度全市共青团重点工作完成情况的通报",
             "各县(市)区团委:", "2024年,全市各级团组织扎实推进重点工作,全年新发展团员2585名。", "2025年1月22日"]
    doc = clean_document(lines, Path("jiaozuo.docx"))
    assert doc.title == "共青团焦作市委员会关于2024年度全市共青团重点工作完成情况的通报"


def test_a_slogan_title_takes_its_subtitle_which_says_whose_report_it_is():
    """A slogan over "——共青团…会议工作报告" named no place and no report: the 2024 report's figures lost to the
    2023 report's targets for 2024, whose title did name the city (practice15, under CV)."""
    lines = ["# 凝心聚力勇担当　青春建功新时代", "——共青团平顶山市第十一届委员会第二次全体(扩大)会议工作报告",
             "(2025年1月17日)", "各位委员、同志们:", "希望工程全年筹集资金1402.6万元。"]
    doc = clean_document(lines, Path("pds.md"))
    assert doc.title == "凝心聚力勇担当 青春建功新时代——共青团平顶山市第十一届委员会第二次全体(扩大)会议工作报告"
    assert doc.paragraphs[0] == lines[1]  # still its first paragraph: paragraph numbers do not move
    formal = clean_document(["# 共青团常德市委员会2024年工作报告", "——在共青团常德市第十届委员会第四次全体会议上", "同志们:"],
                            Path("cd.md"))
    assert formal.title == "共青团常德市委员会2024年工作报告"  # a title that says it already keeps to itself


def test_a_site_name_over_its_breadcrumb_is_no_article_title():
    lines = ["日照共青团", "当前位置:首页 > 工作动态 > 正文", "我市2024年大学生志愿服务西部计划报名人数创新高",
             "发布时间:2024-06-03 来源:团市委志愿者工作部", "6月2日,2024年西部计划日照市报名工作圆满结束,全市共有1286人报名。"]
    doc = clean_document(lines, Path("rizhao.html"), title_hint="日照共青团")
    assert doc.title == "我市2024年大学生志愿服务西部计划报名人数创新高" and doc.date == "2024-06-03"


def test_a_slogan_over_a_heading_subtitle_and_an_issuer_over_its_report_give_whose_report_it_is():
    """Blind set 18: "# 青春向党 奋斗强国 / # 在共青团漯河市…会议上的工作报告" and "共青团大庆市委员会 / 关于2024年全市共青团
    工作情况的报告" (no document number) had titles naming no report and no subject."""
    doc = clean_document(["# 青春向党 奋斗强国", "# 在共青团漯河市第九届委员会第六次全体(扩大)会议上的工作报告",
                          "(2025年1月17日)", "各位委员,同志们:"], Path("luohe.md"))
    assert doc.title == "青春向党 奋斗强国——在共青团漯河市第九届委员会第六次全体(扩大)会议上的工作报告"
    doc = clean_document(["共青团大庆市委员会", "关于2024年全市共青团工作情况的报告", "市委:",
                          "2024年,团市委坚持从严治团,全年新发展团员3120名。"], Path("daqing.txt"))
    assert doc.title == "共青团大庆市委员会关于2024年全市共青团工作情况的报告"
    assert doc.paragraphs[:2] == ("共青团大庆市委员会", "关于2024年全市共青团工作情况的报告")


def test_years_and_dates_in_chinese_numerals_read_as_digits_and_an_issuer_over_its_subject_titles_it():
    """Blind set 22's 三明 (GB18030): "共青团三明市委 / 二〇二四年工作总结和二〇二五年工作计划 / (二〇二五年一月八日)": its
    title was the issuer alone and no stage read its years, so every 2025 target was refused."""
    doc = clean_document(["共青团三明市委", "二〇二四年工作总结和二〇二五年工作计划", "(二〇二五年一月八日)",
                          "二、二〇二五年工作计划", "全年发展团员1950名。"], Path("sanming.txt"))
    assert doc.title == "共青团三明市委2024年工作总结和2025年工作计划" and doc.date == "2025-01-08"
    assert "二、2025年工作计划" in doc.paragraphs
    assert clean_document(["标题", "二〇二四年十二月三十一日前完成,一二三四年不是年份。"], Path("x.txt")).paragraphs == \
        ("2024年12月31日前完成,一二三四年不是年份。",)


def test_a_portal_pages_site_is_kept_after_its_article_a_clause_an_item():
    lines = ["<TITLE>鸡西团市委:凝聚青春力量", "鸡西共青团网", "来源:鸡西日报 发布时间:2024-11-20 09:35 浏览次数:1268",
             "鸡西团市委全年发展新团员1052名。", "主办单位:共青团鸡西市委员会　　承办:团市委宣传部",
             "黑ICP备12003456号-1　　网站标识码:2303000012", "Copyright © 2024 鸡西共青团网 版权所有"]
    doc = clean_document([line.removeprefix("<TITLE>") for line in lines], Path("jixi.html"), "鸡西团市委:凝聚青春力量")
    assert doc.paragraphs[-1].startswith("网站信息:") and doc.paragraphs[-1].endswith(
        "主办单位:共青团鸡西市委员会;承办:团市委宣传部;ICP备案号:黑ICP备12003456号-1;网站标识码:2303000012")
    assert doc.paragraphs[-2].startswith(ARTICLE_INFO) and any("1052名" in p for p in doc.paragraphs)


def test_a_speechs_title_over_its_subtitle_speaker_and_date_stays_its_title():
    """Blind set 50 (宜春学院): "…工作报告 / ——在…会议上 / 校团委书记 曾思源 / 2025年1月15日": the date line was read as a
    portal's meta line, the speaker above it as the title and the title dropped, so no question of 宜春学院 found its
    report. The speaker stays a paragraph ("校团委书记是谁")."""
    doc = clean_document(["宜春学院团委2024年工作报告", "——在共青团宜春学院第九次代表大会第二次会议上", "校团委书记\u3000曾思源",
                          "2025年1月15日", "同志们:", "2024年,校团委坚持立德树人,全年发展团员412名。"], Path("ycu.txt"))
    assert doc.title == "宜春学院团委2024年工作报告" and doc.date == "2025-01-15"
    assert "校团委书记 曾思源" in doc.paragraphs


def test_a_speech_titled_讲话_over_a_transcript_note_keeps_its_title():
    """Blind set 55's 表彰会 speech: "在…表彰会上的讲话 / (根据录音整理,未经本人审阅) / 团市委书记 祁梦然 / 2025年2月26日 …":
    the speaker had been taken for the title, so "哪些报告提到了周牧辰" named the report "团市委书记 祁梦然"."""
    doc = clean_document(["在第九届亚冬会城市志愿服务总结表彰会上的讲话", "(根据录音整理,未经本人审阅)", "团市委书记\u3000祁梦然",
                          "2025年2月26日\u3000哈尔滨音乐厅", "同志们:", "刚刚过去的十四天,一万二千三百六十名城市志愿者守在站点上。"],
                         Path("speech.docx"))
    assert doc.title == "在第九届亚冬会城市志愿服务总结表彰会上的讲话" and doc.date == "2025-02-26"
    assert "团市委书记 祁梦然" in doc.paragraphs
    assert "2025年2月26日 哈尔滨音乐厅" in doc.paragraphs  # where it was given is asked ("表彰会在哪开的")


def test_an_item_s_完成时间_or_a_meeting_s_会议时间_is_no_portal_meta_line():
    """Blind set 55's 台账: "[已完成]青马班开班(牵头:组织部;完成时间:5月12日)" had been dropped as a portal's meta line
    (时间:) with every finished task; a portal's own "发布时间:" line still is one."""
    lines = ["重点工作任务推进台账", "一、政治引领", "[已完成]第十一期青马班开班(牵头:组织部;完成时间:5月12日;学员160名)",
             "会议时间:2025年4月8日(星期二)上午9:00", "发布时间:2025-07-04 来源:团市委", "全年发展团员22500名。"]
    doc = clean_document(lines, Path("taizhang.md"))
    assert lines[2] in doc.paragraphs and lines[3] in doc.paragraphs
    assert not any(p.startswith("发布时间") for p in doc.paragraphs)


def test_names_listed_under_the_heading_that_says_what_they_are_open_with_it():
    """Blind set 52's 表彰决定: "宜城获红旗团委的是哪个单位" is answered by an item whose words are its heading's. Not
    the 落款 under an 附件 line, nor a short list of two."""
    from ingest.clean import captioned_items

    listed = ["一、授予3个团委“襄阳市五四红旗团委”称号", "樊城区清河口街道团工委", "宜城市鄢城街道团工委",
              "国网襄阳供电公司团委", "二、授予2名同志“襄阳市优秀共青团员”称号", "韩雨萱(襄州区程河镇大学生志愿者)、龚子墨(…)。"]
    assert captioned_items(listed)[2] == "授予3个团委“襄阳市五四红旗团委”称号,宜城市鄢城街道团工委"
    assert captioned_items(listed)[4:] == listed[4:]
    signed = ["附件:2024年度扬州市优秀共青团员名单", "共青团扬州市委员会", "2025年4月20日", "共青团扬州市委"]
    assert captioned_items(signed) == signed
    assert captioned_items(listed[:3]) == listed[:3]  # two items: no list


def test_an_issuer_over_a_minutes_title_and_an_issuer_with_a_date_under_a_title():
    """Blind set 53: "共青团邳州市委员会 / 书记办公会议纪要 / 〔2025〕第4期" is the 纪要's title under its issuer (the
    printing office's line had been taken for it); "中国矿业大学团委 2024年11月20日" and "…办公室 编 2025年2月26日" under
    a title date the report (30 reports of the practice sets had no date for it)."""
    from ingest.clean import clean_document

    minutes = clean_document(["共青团邳州市委员会", "书记办公会议纪要", "〔2025〕第4期", "团邳州市委办公室 2025年4月9日印发",
                              "会议时间:2025年4月8日上午", "会议听取了各部门工作汇报。"], Path("pizhou.docx"))
    assert minutes.title == "共青团邳州市委员会书记办公会议纪要"
    survey = clean_document(["关于2024年大学生暑期“三下乡”社会实践情况的调研报告", "中国矿业大学团委 2024年11月20日",
                             "一、基本情况", "2024年暑期,共组建团队206支。"], Path("cumt.pdf"))
    assert survey.date == "2024-11-20" and survey.paragraphs[0] == "中国矿业大学团委 2024年11月20日"
    brief = clean_document(["睢宁共青团工作简报", "2025年第2期(总第88期)", "共青团睢宁县委员会办公室 编 2025年2月26日",
                            "【工作动态】", "全县新发展团员118名。"], Path("suining.txt"))
    assert brief.date == "2025-02-26"


def test_a_meetings_organisers_in_a_report_stay_and_a_portals_footer_owner_goes():
    """Blind set 54's 会议手册: "主办单位:…。承办单位:…。协办单位:…" under "三、主办和承办单位" were dropped as a portal's footer,
    so "推进会的承办单位" had no paragraph. A footer's owner line goes where the page has a portal's furniture or the line
    names the site (ICP, 地址)."""
    doc = clean_document(["推进会会议手册", "三、主办和承办单位", "主办单位:共青团宝鸡市委员会、宝鸡市青年志愿者协会。",
                          "承办单位:共青团眉县委员会。协办单位:眉县河长制办公室。"], Path("shouce.docx"))
    assert "承办单位:共青团眉县委员会。协办单位:眉县河长制办公室。" in doc.paragraphs
    portal = clean_document(["团市委开展学雷锋活动", "全市500名志愿者参加。", "上一篇文章:全市少先队工作会议召开",
                             "主办:共青团济宁市委员会"], Path("jining.txt"))
    assert not any("主办" in p for p in portal.paragraphs if not p.startswith(SITE_INFO))
    footer = clean_document(["福建希望工程", "资助学生300名。", "主办单位:共青团福建省委员会  地址:福州市"], Path("fj.txt"))
    assert not any(p.startswith("主办单位") for p in footer.paragraphs)


def test_a_circled_footnote_mark_stays_a_mark_not_a_digit():
    """Blind set 54's 附表1: "宝鸡高新区①" and "合计③" were folded by NFKC into "宝鸡高新区1", "合计3", a digit glued to the
    row's figures; "注:①…②…" read as figures too."""
    doc = clean_document(["2024年工作报告", "合计③新发展团员15256名。", "注:①宝鸡高新区数据含其托管镇(街道)。"], Path("r.txt"))
    assert doc.paragraphs == ("合计③新发展团员15256名。", "注:①宝鸡高新区数据含其托管镇(街道)。")
    assert clean_document(["报告", "全年发展团员１２３名。"], Path("r.txt")).paragraphs == ("全年发展团员123名。",)


def test_a_meetings_时间_beside_its_地点_is_the_meeting_s_and_dates_its_纪要():
    """Blind set 56's 纪要 ("- **时间**:2025年6月27日(星期五)下午3:00" over 地点, 主持): dropped as a portal's meta line,
    so "调度会哪天开的 / 几点开始 / 星期几" had nothing to answer from; the meeting's day dates the 纪要. A portal's
    time line with no meeting beside it is still its meta."""
    lines = ["团黄山区委暑期调度会会议纪要", "黄团区纪〔2025〕3号", "时间:2025年6月27日(星期五)下午3:00",
             "地点:区青少年活动中心三楼会议室", "主持:叶清扬(团区委书记)", "会议听取了各镇团委的汇报。"]
    doc = clean_document(lines, Path("jiyao.md"))
    assert lines[2] in doc.paragraphs and doc.date == "2025-06-27"
    portal = clean_document(["团市委召开全会", "时间:2025-06-27 来源:团市委", "全会总结了全年工作。"], Path("news.html"))
    assert not any(p.startswith("时间") for p in portal.paragraphs)


def test_a_strip_of_figures_between_bars_is_a_clause_a_figure():
    """Blind set 56's portal page opened with "驿站 6个|上岗志愿者 386人|服务时长 4920小时|…": one clause of five
    figures, so no figure was its label's alone. A line with bars around words is left as it is."""
    from ingest.clean import _stat_strip

    assert _stat_strip("驿站 6个|上岗志愿者 386人|服务时长 4920小时|服务游客 12.3万人次") == \
        "驿站 6个;上岗志愿者 386人;服务时长 4920小时;服务游客 12.3万人次。"
    assert _stat_strip("首页|新闻中心|通知公告") == "首页|新闻中心|通知公告"


def test_a_long_subject_title_is_the_title():
    """Blind set 54's 公示 opened with its 47-character subject ("关于2024年度…拟表彰对象的公示"), longer than a title
    was let be: the file's stem was its title, so a mention answer named the report by it."""
    title = "关于2024年度“宝鸡青年五四奖章”和宝鸡市五四红旗团委(团支部)拟表彰对象的公示"
    doc = clean_document([title, "根据通知要求,现将拟表彰对象予以公示。"], Path("baoji_gongshi.txt"))
    assert doc.title == title and doc.paragraphs == ("根据通知要求,现将拟表彰对象予以公示。",)
    long_line = "2024年全市共青团工作围绕中心服务大局取得新成效各项指标全面完成团员发展质量稳步提升的情况汇报"
    assert clean_document([long_line, "正文一段。"], Path("x.txt")).title == "x"  # a long line that is no subject


def test_an_exported_chat_keeps_its_header_lines_and_each_message_opens_with_its_time_and_sender():
    # blind set 59's 栾川 骨干群: "2024-09-25 08:56  杜若溪（团栾川县委）" heads are messages, not a portal's date lines
    lines = ["栾川青年志愿者骨干群聊天记录", "群主：杜若溪（团栾川县委副书记）",
             "2024-09-25 08:56  杜若溪（团栾川县委）", "请各单位接龙报名。",
             "2024-09-26 10:12  孟凡硕（洛阳钼业）", "收到。", "2024-09-27 11:05  王磊（职教中心）", "改为6人。"]
    doc = clean_document(lines, Path("chat.txt"))
    assert doc.title == "栾川青年志愿者骨干群聊天记录" and doc.date == "2024-09-27"
    assert doc.paragraphs == ("群主:杜若溪(团栾川县委副书记)", "2024-09-25 08:56 杜若溪(团栾川县委):请各单位接龙报名。",
                              "2024-09-26 10:12 孟凡硕(洛阳钼业):收到。", "2024-09-27 11:05 王磊(职教中心):改为6人。")


def test_a_caption_over_a_list_of_figures_by_name_opens_the_list():
    """Blind set 60: "兰山区西部计划名额" was refused; the list says 兰山区5名, only the caption above says what of."""
    from ingest.clean import captioned_items

    caption = "附件1:2025年西部计划志愿者名额分配(按推荐单位)"
    listed = "临沂大学21名、临沂职业学院6名、兰山区5名、罗庄区3名、河东区3名。合计68名。"
    assert captioned_items([caption, listed]) == [caption, f"{caption},{listed}"]
    prose = "全年新发展团员9553名,其中兰山区1126名、罗庄区620名、河东区588名、沂南县530名。"
    assert captioned_items(["二、主要成绩", prose]) == ["二、主要成绩", prose]  # prose, not a list


def test_a_byline_and_a_forms_filing_date_date_the_report(tmp_path):
    """A 公众号 article's byline ("原创 苏雨桐 珠海共青团 2025年08月29日 20:30 广东") and, where nothing else dates
    it, a form's 填报日期 or a contract's 签订日期 wherever it stands (blind set 61's 监测表 and 合同 had no date)."""
    article = clean_document(["这个夏天,1652名大学生“返家乡”!", "原创苏雨桐珠海共青团2025年08月29日 20:30广东",
                              "今年全市征集岗位1800个。"], Path("a.html"))
    assert article.date == "2025-08-29"
    form = clean_document(["2025年重点指标监测表", "统计截至:2025年12月31日", "香洲区青年之家38个。",
                           "填表人:杨柏霖 审核:陈嘉豪 填报日期:2026年1月12日"], Path("m.xlsx"))
    assert form.date == "2026-01-12"


def test_a_line_of_several_fields_has_a_clause_per_field(tmp_path):
    """Blind set 61: "文字:苏雨桐 图片:罗晨 编辑:谢可儿 审核:温子航" was one clause: 推文审核人 read 2026年 out of a line
    like it. Each field is now a clause; a value with a space in it stays whole."""
    doc = clean_document(["推文", "今年全市征集岗位1800个。", "文字:苏雨桐 图片:罗晨 编辑:谢可儿 审核:温子航",
                          "解读人:团市委副书记 黄芷晴"], Path("a.html"))
    assert "文字:苏雨桐;图片:罗晨;编辑:谢可儿;审核:温子航" in doc.paragraphs
    assert "解读人:团市委副书记 黄芷晴" in doc.paragraphs


def test_a_reviewers_credit_line_is_kept_with_the_articles_information():
    """Blind set 63's 字幕稿: "审核：周子涵（团市委宣传部部长）" under its title was dropped as a portal's credit line;
    staff ask who reviewed it. It goes with the article's information, as 作者 and 责任编辑 do."""
    doc = clean_document(["《青春丽江·2025》年度宣传片　字幕稿（定稿）", "出品：共青团丽江市委员会", "审核：周子涵（团市委宣传部部长）",
                          "旁白：全市各级团组织新发展团员三千零八十一名。"], Path("zimu.txt"))
    assert doc.paragraphs[-1] == "文章信息:审核:周子涵(团市委宣传部部长)"


def test_a_speechs_date_line_with_its_weekday_dates_it():
    """Blind set 63's 全委会: "（2026年1月16日（星期五））" under the speaker left the report undated."""
    doc = clean_document(["凝心聚力强担当　青春建功新丽江", "——在共青团丽江市第五届委员会第六次全体（扩大）会议上的报告",
                          "共青团丽江市委书记　和雅琴", "（2026年1月16日（星期五））", "同志们：", "现在，我代表常委会向全会报告工作。"],
                         Path("baogao.docx"))
    assert doc.date == "2026-01-16"


def test_a_scanned_copys_receipt_stamp_is_neither_its_title_nor_its_date():
    """Blind set 65's scanned 红头文件: a receiving office stamped its copy between the number and the subject (the
    subject wrapped by the OCR layer); the stamp had been the title and its day the report's date."""
    lines = ["共青团榆林市委员会文件", "榆团发〔2026〕5号", "共青团榆林市横山区委员会", "收文　2026-018号", "2026年3月2日",
             "关于下达2026年度全市共青团重点工作目标任务", "的通知", "各县（市、区）团委：现将目标任务下达给你们。",
             "共青团榆林市委员会", "2026年2月26日"]
    doc = clean_document(lines, Path("tongzhi.pdf"))
    assert doc.title == "关于下达2026年度全市共青团重点工作目标任务的通知" and doc.date == "2026-02-26"
    assert "收文 2026-018号 2026年3月2日" in doc.paragraphs and "榆团发〔2026〕5号" in doc.paragraphs


def test_a_bulletins_issue_line_with_its_issuer_and_day_dates_it():
    """Blind sets 60 and 65's 简报: "2026年第2期(总第14期) 榆林学院团委编 2026年9月5日" under the title; the issue number
    before the issuer had kept the line from dating the report (no date at all)."""
    lines = ["# 榆林学院“三下乡”社会实践工作简报", "2026年第2期（总第14期）　　榆林学院团委编　　2026年9月5日",
             "今年暑期，学校共立项“三下乡”社会实践团队88支。"]
    assert clean_document(lines, Path("jianbao.md")).date == "2026-09-05"
