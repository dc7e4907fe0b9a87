"""app.engine.report_lines: the line a report writes its own date or title on, which an answer about them cites."""
from __future__ import annotations

from app.engine.report_lines import date_pattern, holding, paragraphs, text_pattern

REPORT = {1: "共青团海东市委文件", 2: "海团发〔2025〕3号", 3: "2025年2月10日,团市委召开考核会议,全市6个县(区)团委参加。",
          4: "全市新发展团员3297名。", 6: "共青团海东市委", 7: "2025年2月10日"}  # 5 is a table's gap


def text(doc_id: str, n: int) -> str:
    return REPORT.get(n, "") if doc_id == "d" else ""


def test_paragraphs_run_past_a_gap_to_the_end():
    assert [n for n, _ in paragraphs("d", text)] == [1, 2, 3, 4, 6, 7]
    assert list(paragraphs("other", text)) == []


def test_the_sign_off_line_holds_the_report_s_date_over_a_sentence_naming_the_same_day():
    assert holding("d", text, date_pattern("2025-02-10")) == (7, "2025年2月10日")
    assert date_pattern("2025-02-10").search("2025-02-10 10:30") and date_pattern("2025-02-10").search("2025年02月10日")
    assert not date_pattern("2025-02-10").search("2025年2月1日") and date_pattern("2025-02") is None
    assert holding("d", text, date_pattern("2024-01-15")) is None


def test_a_title_is_found_whatever_its_spacing():
    assert holding("d", text, text_pattern("共青团 海东市委文件")) == (1, "共青团海东市委文件")
