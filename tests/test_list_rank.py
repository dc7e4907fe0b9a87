"""Which part one sentence lists is first or last, from passages as the answer step sees them."""
from __future__ import annotations

from types import SimpleNamespace

from app.engine import list_rank
from app.engine.question import analyse


def _passage(text, paragraph=3):
    return SimpleNamespace(doc_id="d", source="yingze.docx", title="工作总结", date="2025-01-20", paragraph=paragraph,
                           text=text, score=0.9)


LISTED = ("全年发展新团员1948名,完成发展计划1850名的105.3%。分街道(镇)看,柳巷街道286名、老军营街道265名、文庙街道241名、"
          "郝庄镇224名、庙前街道173名,其他街道合计759名。")


def ask(question, *passages, paragraph_text=None):
    found = list_rank.answer(question, analyse(question).terms, list(passages), paragraph_text)
    return found.value if found else None


def test_the_most_and_the_least_of_a_sentences_parts_and_the_aggregate_left_out():
    assert ask("迎泽哪个街道发展团员最多？", _passage(LISTED)) == "柳巷街道"
    assert ask("列出的街道（镇）里发展团员最少的是哪个", _passage(LISTED)) == "庙前街道"  # not 其他街道's
    found = list_rank.answer("迎泽哪个街道发展团员最多？", analyse("迎泽哪个街道发展团员最多？").terms, [_passage(LISTED)])
    assert found.citations[0].paragraph == 3 and "柳巷街道286名" in found.text


def test_parts_before_分别_and_what_is_counted_in_the_paragraph_before():
    respective = "东曲街道、桃园街道、屯兰街道分别新发展团员132名、118名、96名,河口镇、马兰镇分别新发展团员57名、43名。"
    assert ask("古交三个街道里发展团员最多的是哪个", _passage(respective)) == "东曲街道"
    bare = "分单位看,千峰街道312名、兴华街道286名、和平街道254名。"
    assert ask("哪个街道发展团员最多", _passage(bare)) is None  # the list says not what it counts
    before = {2: "1至9月,全区新发展团员1736名,完成全年计划的75.5%。"}
    assert ask("哪个街道发展团员最多", _passage(bare), paragraph_text=lambda d, n: before.get(n, "")) == "千峰街道"


def test_no_part_asked_or_parts_of_another_kind_or_unit_are_left_to_the_answer_step():
    assert ask("迎泽发展团员最多的是哪一年？", _passage(LISTED)) is None
    assert ask("哪个学院发展团员最多？", _passage(LISTED)) is None
    mixed = "柳巷街道286名、老军营街道26.5万元、文庙街道241个。"
    assert ask("哪个街道发展团员最多？", _passage("全年发展团员。" + mixed)) is None
