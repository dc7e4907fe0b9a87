import json

import pytest

from app.metrics import GoldError, answer_matches, contains_evidence, load_gold, normalise, percentile


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
