"""Reports that disagree on a figure: real Chroma index, real default embedder, a few reports each.

The Tongchuan report says 注册志愿者20357人. A tampered re-upload of the same file name, or a 更正 notice,
must not silently replace (or lose to) it: the answer gives both figures, newest first, each cited.
"""
import pytest

from app import Assistant
from app.engine import conflict
from ingest import ingest_paths

VOLUNTEERS = "铜川的志愿汇平台注册了多少志愿者?"
TONGCHUAN = "tongchuan-youth-league-2021-08-16.txt"
TITLE = "铜川团市委荣获铜川市2020年度平安建设工作先进集体"


def ask(make_settings, corpus, extra, question=VOLUNTEERS):
    """Ingest the Tongchuan and Ningxia reports plus `extra` into a fresh index and ask."""
    settings = make_settings()
    ingest_paths([corpus / TONGCHUAN, corpus / "ningxia-registered-volunteers-2017.txt", *extra], settings)
    return Assistant.open(settings).ask(question)


def upload(tmp_path, text: str, name: str = TONGCHUAN):
    """A file of the given name in an uploads folder, as the web page stores a same-name upload."""
    path = tmp_path / "uploads" / name
    path.parent.mkdir(exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def assert_disagree(answer, newest: str, newest_date: str, older: str = "20357人"):
    assert answer.found and answer.value == newest and answer.note == conflict.NOTE
    listed = answer.text.split("原文")[0]
    assert "各报告数字不一致" in listed and listed.index(newest) < listed.index(older)
    first, second = answer.citations[:2]
    assert first.date == newest_date and newest.rstrip("人") in first.quote
    assert (second.source, second.date, second.paragraph) == (TONGCHUAN, "2021-08-16", 7) and older in second.quote


@pytest.mark.parametrize("stamp, date", [("21年08月20日", "2021-08-20"), ("23年05月01日", "2023-05-01")])
def test_tampered_same_name_upload_is_flagged(tmp_path, corpus, make_settings, stamp, date):
    """Days or years later: the same report, figures aside, is a copy whatever date it claims."""
    original = (corpus / TONGCHUAN).read_text(encoding="utf-8")
    tampered = original.replace("20357", "88888").replace("21年08月16日", stamp)
    answer = ask(make_settings, corpus, [upload(tmp_path, tampered)])
    assert_disagree(answer, "88888人", date)
    assert answer.citations[0].source == TONGCHUAN  # same name: the date and the figure tell them apart


@pytest.mark.parametrize("name, date", [("tongchuan-correction-2021-08-20.txt", "2021-08-20"),
                                        ("tongchuan-correction.txt", "")])
def test_correction_notice_is_newest(tmp_path, corpus, make_settings, name, date):
    """A two-line 更正 notice; dated (by its file name) or not, it corrects the report before it."""
    notice = upload(tmp_path, "关于铜川团市委平安建设工作报道的更正\n"
                              f"8月16日发布的《{TITLE}》一文中,“志愿汇”管理平台注册志愿者20357人应为20537人,特此更正。\n",
                    name)
    answer = ask(make_settings, corpus, [notice])
    assert_disagree(answer, "20537人", date)  # the retracted 20357人 in the notice is not its figure
    assert answer.citations[0].source == name
    assert ("日期不详" in answer.text) is (not date)


def test_short_notice_without_the_old_figure(tmp_path, corpus, make_settings):
    notice = upload(tmp_path, "关于铜川“志愿汇”平台数据的更正\n更正:铜川“志愿汇”管理平台注册志愿者应为20537人。\n",
                    "tongchuan-notice-2021-08-18.txt")
    assert_disagree(ask(make_settings, corpus, [notice]), "20537人", "2021-08-18")


def test_identical_reupload_is_no_conflict(tmp_path, corpus, make_settings):
    copy = upload(tmp_path, (corpus / TONGCHUAN).read_text(encoding="utf-8"))
    answer = ask(make_settings, corpus, [copy])
    assert (answer.value, answer.note) == ("20357人", "")
    assert "不一致" not in answer.text


def test_another_place_is_no_conflict(tmp_path, corpus, make_settings):
    """Ningxia's 528740人 (in every index here) and a Baoji report worded like Tongchuan's, dated two days
    later, count other places' volunteers: neither is a conflict, even for a question naming no place."""
    baoji = upload(tmp_path, "宝鸡团市委青年志愿服务工作综述\n更新时间:21年08月18日\n\n"
                             "三是发挥青年志愿者的助力参与作用。宝鸡市、县两级青志协实现组织全覆盖,"
                             "“志愿汇”管理平台注册志愿者8888人。\n", "baoji-youth-league-2021-08-18.txt")
    settings = make_settings()
    ingest_paths([corpus / TONGCHUAN, corpus / "ningxia-registered-volunteers-2017.txt", baoji], settings)
    assistant = Assistant.open(settings)
    for question, value in [(VOLUNTEERS, "20357人"), ("宝鸡的志愿汇平台注册了多少志愿者?", "8888人"),
                            ("宁夏在全国志愿服务信息系统中实名注册的志愿者有多少人?", "528740人")]:
        answer = assistant.ask(question)
        assert (answer.value, answer.note) == (value, "")
    assert assistant.ask("志愿汇平台注册了多少志愿者?").note == ""


def test_a_report_years_later_is_no_conflict(tmp_path, corpus, make_settings):
    """Two years on, the figure has grown: a later snapshot, not a disagreement."""
    later = upload(tmp_path, "铜川团市委2023年志愿服务工作综述\n更新时间:23年11月20日\n\n"
                             "铜川市、县两级青志协持续壮大,“志愿汇”管理平台注册志愿者31250人。\n",
                   "tongchuan-volunteers-2023.txt")
    assert ask(make_settings, corpus, [later]).note == ""


@pytest.mark.parametrize("a, b, same", [
    ("2.1万人", "21000人", True), ("2.1万人", "21357人", True), ("两万人", "20357人", True),
    ("近53万人", "528740人", True), ("2万余名", "20357人", True), ("94.9%", "95%", True),
    ("20357人", "20537人", False), ("134.9万人", "134.97万人", False), ("1.7万余名", "3.5万余名", False)])
def test_same_figure_in_other_words(a, b, same):
    assert conflict.agree(a, b) is same



def test_model_answer_does_not_hide_the_conflict(tmp_path, corpus, make_settings):
    """With an LLM configured, a model writing from the passages would state one figure: it is not asked."""
    from langchain_core.language_models.fake_chat_models import FakeListChatModel

    from app.engine.llm import LLMAnswerer

    original = (corpus / TONGCHUAN).read_text(encoding="utf-8")
    settings = make_settings()
    ingest_paths([corpus / TONGCHUAN, upload(tmp_path, original.replace("20357", "88888"))], settings)
    base = Assistant.open(settings)
    model = FakeListChatModel(responses=["注册志愿者20357人[1]。"])
    answer = Assistant(base.settings, base.store, base.retriever, llm=LLMAnswerer(model)).ask(VOLUNTEERS)
    assert answer.note == conflict.NOTE and "20357人" in answer.text and "88888人" in answer.text
