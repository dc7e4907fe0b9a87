"""The lexical base's numpy build: lexical.tokenize's tokens and bm25s's weights, bit for bit."""
from __future__ import annotations

import numpy as np

from ingest import ngrams
from ingest.lexical import B, K1, tokenize

TEXTS = ["铜川志愿汇平台注册志愿者20357人。", "Tongchuan registered 20,357 volunteers in 2021", "",
         "ＡＢＣ全角１２３与半角abc 3.5万元", "青年之家建成46个,服务青少年12万人次。青年之家", "。。!!"]
TITLES = ["铜川团市委工作总结", "Tongchuan report", "铜川团市委工作总结", "", "海南青年志愿者工作", "海南青年志愿者工作"]
DOC_OF = np.array([0, 0, 0, 1, 2, 2])
HEADS = ["铜川团市委工作总结 tongchuan.txt", "全角 a.md", "海南青年志愿者工作 hainan-2021.html"]


def reference(token_lists):
    import bm25s

    bm25 = bm25s.BM25(k1=K1, b=B)
    bm25.index(token_lists, show_progress=False)
    return bm25


def weights(data, rows, indptr, vocab: dict, token: str) -> dict:
    col = vocab[token]
    return {int(r): float(w) for r, w in zip(rows[indptr[col]:indptr[col + 1]], data[indptr[col]:indptr[col + 1]])}


def check_part(part, token_lists):
    data, rows, indptr, vocab, n, avgdl = part
    bm25 = reference(token_lists)
    s = bm25.scores
    assert set(vocab) == set(bm25.vocab_dict) - {""} and n == len(token_lists)
    assert avgdl == float(np.mean([len(t) for t in token_lists]))
    for token in vocab:
        assert weights(data, rows, indptr, vocab, token) == weights(s["data"], s["indices"], s["indptr"],
                                                                     bm25.vocab_dict, token), token


def test_chunk_and_document_parts_are_bm25s_bit_for_bit():
    chunks, docs, text_df = ngrams.build(TEXTS, TITLES, DOC_OF, HEADS, K1, B)
    check_part(chunks, [tokenize(f"{title} {text}") for title, text in zip(TITLES, TEXTS)])
    per_doc = [[t for text, d in zip(TEXTS, DOC_OF) if d == i for t in tokenize(text)] + tokenize(head) * 2
               for i, head in enumerate(HEADS)]
    check_part(docs, per_doc)
    for token, col in chunks[3].items():  # chunks whose text, not title, holds the token
        assert text_df[col] == sum(token in tokenize(text) for text in TEXTS), token


def test_tokens_decode_to_what_tokenize_gives():
    codes = ngrams.Codes()
    rows, found = codes.occurrences(["青年abc 12.5", "志愿"])
    assert sorted((int(r), codes.token(int(c))) for r, c in zip(rows, found)) == sorted(
        [(0, t) for t in tokenize("青年abc 12.5")] + [(1, t) for t in tokenize("志愿")])


def test_no_chunks():
    chunks, docs, text_df = ngrams.build([], [], np.zeros(0, np.int64), [], K1, B)
    assert chunks[4] == 0 and chunks[3] == {} and len(text_df) == 0
