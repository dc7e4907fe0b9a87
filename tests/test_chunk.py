"""ingest.chunk: chunks stay inside one paragraph, split at sentence ends, with exact offsets."""
from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ingest.chunk import MAX_CHARS, chunk_document, sentences
from ingest.clean import clean_document
from ingest.load import load_file
from ingest.schema import Document

CORPUS = Path(__file__).resolve().parent.parent / "corpus"


def doc(*paragraphs: str, doc_id: str = "d0c", title: str = "团市委工作总结") -> Document:
    return Document(doc_id=doc_id, source="r.txt", title=title, date="2021-08-16",
                    paragraphs=tuple(paragraphs), content_hash="h")


def check_invariants(document: Document, max_chars: int = MAX_CHARS) -> None:
    chunks = chunk_document(document, max_chars)
    by_paragraph: dict[int, list] = {}
    for chunk in chunks:
        paragraph = document.paragraphs[chunk.paragraph - 1]
        assert paragraph[chunk.start:chunk.end] == chunk.text
        assert 0 < len(chunk.text) <= max_chars
        assert chunk.chunk_id == f"{document.doc_id}:{chunk.paragraph}:{chunk.start}"
        by_paragraph.setdefault(chunk.paragraph, []).append(chunk)
    # Per paragraph the chunks tile it exactly: in order, no gaps, no overlap, nothing lost.
    for number, paragraph in enumerate(document.paragraphs, start=1):
        parts = by_paragraph.get(number, [])
        assert "".join(c.text for c in parts) == paragraph
        assert [c.start for c in parts] == sorted(c.start for c in parts)
    assert len({c.chunk_id for c in chunks}) == len(chunks)


def test_short_paragraphs_one_chunk_each():
    d = doc("第一段。", "第二段,没有句号", "第三段!")
    chunks = chunk_document(d)
    assert [(c.paragraph, c.start, c.end, c.text) for c in chunks] == [
        (1, 0, 4, "第一段。"), (2, 0, 8, "第二段,没有句号"), (3, 0, 4, "第三段!")]
    assert all((c.doc_id, c.source, c.title, c.date) == ("d0c", "r.txt", "团市委工作总结", "2021-08-16")
               for c in chunks)


def test_paragraph_numbers_are_one_based():
    chunks = chunk_document(doc("甲。", "乙。"))
    assert [c.paragraph for c in chunks] == [1, 2]


def test_chunks_never_cross_paragraphs():
    # Two short paragraphs that would fit in one chunk together must still be two chunks.
    chunks = chunk_document(doc("短段落一。", "短段落二。"), max_chars=1000)
    assert [c.text for c in chunks] == ["短段落一。", "短段落二。"]


def test_long_paragraph_split_at_sentence_ends():
    sentence = "共青团铜川市委组织青年志愿者开展普法宣传活动,覆盖全市在校学生。"  # 32 chars
    paragraph = sentence * 30  # 960 chars
    chunks = chunk_document(doc(paragraph))
    assert len(chunks) > 1
    for chunk in chunks:
        assert chunk.text.endswith("。")  # the full stop stays with its sentence
        assert not chunk.text.startswith("。")
        assert chunk.text.startswith("共青团")
        assert len(chunk.text) <= MAX_CHARS
        assert len(chunk.text) % len(sentence) == 0  # whole sentences only
    check_invariants(doc(paragraph))


def test_closing_quotes_stay_with_their_sentence():
    assert sentences("他说:“好!”然后走了。最后") == [(0, 7), (7, 12), (12, 14)]
    paragraph = "他说:“好!”然后走了。最后"
    assert [paragraph[s:e] for s, e in sentences(paragraph)] == ["他说:“好!”", "然后走了。", "最后"]


def test_mixed_punctuation_sentence_ends():
    paragraph = "第一句。第二句!第三句?第四句;第五句!第六句?第七句;尾巴"
    assert [paragraph[s:e] for s, e in sentences(paragraph)] == [
        "第一句。", "第二句!", "第三句?", "第四句;", "第五句!", "第六句?", "第七句;", "尾巴"]


def test_greedy_packing():
    paragraph = "一二三。" * 5  # five 4-char sentences
    chunks = chunk_document(doc(paragraph), max_chars=10)
    assert [c.text for c in chunks] == ["一二三。一二三。", "一二三。一二三。", "一二三。"]
    assert [(c.start, c.end) for c in chunks] == [(0, 8), (8, 16), (16, 20)]


def test_over_long_sentence_is_cut_hard():
    paragraph = "长" * 25 + "。短句。"
    chunks = chunk_document(doc(paragraph), max_chars=10)
    assert [c.text for c in chunks] == ["长" * 10, "长" * 10, "长" * 5 + "。短句。"]
    check_invariants(doc(paragraph), max_chars=10)


def test_chunk_ids_deterministic():
    d = doc("第一段。" * 50, "第二段。", doc_id="abc123")
    first, second = chunk_document(d), chunk_document(d)
    assert first == second
    assert [c.chunk_id for c in first] == [f"abc123:{c.paragraph}:{c.start}" for c in first]
    other = chunk_document(doc("第一段。" * 50, "第二段。", doc_id="zzz"))
    assert not {c.chunk_id for c in first} & {c.chunk_id for c in other}


def test_embedding_text_carries_the_title():
    chunk = chunk_document(doc("正文。", title="标题"))[0]
    assert chunk.embedding_text() == "标题\n正文。"
    assert chunk_document(doc("正文。", title=""))[0].embedding_text() == "正文。"


def test_empty_document():
    assert chunk_document(doc()) == []


@pytest.mark.parametrize("path", sorted(CORPUS.iterdir()), ids=lambda p: p.name)
def test_corpus_invariants(path):
    loaded = load_file(path, 2**25)
    check_invariants(clean_document(loaded.lines, path, loaded.title_hint))


def test_tongchuan_long_paragraph_splits_at_a_full_stop():
    path = CORPUS / "tongchuan-youth-league-2021-08-16.txt"
    loaded = load_file(path, 2**25)
    chunks = chunk_document(clean_document(loaded.lines, path, loaded.title_hint))
    split = [c for c in chunks if c.paragraph == 10]  # “二是做牢‘青护航·筑基工程’”: over 360 characters
    assert len(split) == 2
    assert split[0].text.endswith("。") and split[1].start == split[0].end


_TEXT = st.text(alphabet=st.sampled_from(list("共青团志愿者活动青年12 ,、。!?;!?;”」)\"'")), max_size=400)


@settings(max_examples=300, deadline=None)
@given(paragraphs=st.lists(_TEXT.filter(bool), max_size=5), max_chars=st.integers(min_value=1, max_value=120))
def test_invariants_hold_for_any_text(paragraphs, max_chars):
    check_invariants(doc(*paragraphs), max_chars)
