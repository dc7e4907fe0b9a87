"""Traditional Chinese read as simplified (ingest/script.py): the fold, the cleaned report, a question, an answer."""
from pathlib import Path

from app import Assistant
from app.engine.retrieve import normalise_query
from app.evaluation.metrics import normalise
from ingest import ingest_paths
from ingest.clean import clean_document
from ingest.script import fold, traditional

MINUTES = """泉台青年交流活動紀要
2025年8月12日
本次交流活動由泉州市青年聯合會與金門縣青年發展協會共同主辦，兩岸青年共148名參加。
金門縣青年發展協會會長陳韻詩表示，兩地青年將攜手開展鄉村研學。
活動總經費為人民幣36.5萬元。
"""


def test_fold_reads_traditional_characters_in_place():
    line = "澳門濠江青年交流協會會長何嘉欣"
    assert fold(line) == "澳门濠江青年交流协会会长何嘉欣"
    assert len(fold(MINUTES)) == len(MINUTES)  # an offset in the folded text is the original's
    assert traditional(line) and not traditional("共青团泉州市委2025年新发展团员3,214名")


def test_simplified_text_is_left_as_it_is():
    for text in ("彬州市、乾县、三原县分别募集", "乾安县团委", "共青团泉州市委"):  # t2s wrote 干县
        assert fold(text) == text
    assert "乾县" in normalise_query("乾县募集了多少资金?")


def test_a_traditional_report_is_cleaned_as_simplified_and_kept_as_written():
    doc = clean_document(MINUTES.splitlines(), Path("quantai.txt"))
    assert doc.title == "泉台青年交流活动纪要" and doc.date == "2025-08-12"
    assert doc.paragraphs[1] == "金门县青年发展协会会长陈韵诗表示,两地青年将携手开展乡村研学。"
    assert doc.originals[1] == "金門縣青年發展協會會長陳韻詩表示,兩地青年將攜手開展鄉村研學。"
    assert clean_document(["铜川团市委工作总结", "全年发展团员120名。"], Path("t.txt")).originals == ()


def test_gold_written_in_either_script_scores_the_same():
    assert normalise("陳韻詩") == normalise("陈韵诗")


def test_a_simplified_question_is_answered_from_a_traditional_report(make_settings, tmp_path):
    folder = tmp_path / "reports"
    folder.mkdir()
    (folder / "quantai.txt").write_text(MINUTES, encoding="utf-8")
    settings = make_settings()
    ingest_paths([folder], settings)
    assistant = Assistant.open(settings)
    try:
        answer = assistant.ask("泉台青年交流活动有多少名青年参加?")
        assert answer.found and answer.value == "148名"
        assert answer.citations[0].source == "quantai.txt" and answer.citations[0].paragraph == 1
        who = assistant.ask("金门县青年发展协会会长是谁?")
        assert who.found and who.value == "陳韻詩"  # quoted as the report writes it
        top = who.citations[0]
        assert top.text.startswith("金門縣青年發展協會會長陳韻詩") and "陳韻詩" in top.quote and "陳韻詩" in who.text
        assert assistant.ask("金門縣青年發展協會會長是誰?").value == "陳韻詩"  # asked as the report writes it, too
    finally:
        assistant.close()
