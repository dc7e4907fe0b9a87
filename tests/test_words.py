"""ingest/words.py: jieba's dictionaries read from a mapped table give jieba's own cuts."""
from __future__ import annotations

import jieba
import jieba.posseg

from ingest import words

TEXT = ("2023年,铜川市共青团组织实名注册志愿者20357人,团市委书记王娜带领青年之家46个服务青少年12万人次。"
        "十八洞村的青年在湘西州花垣县开展志愿服务;How many volunteers? 江油市2021年36751")


def test_table_holds_jiebas_dictionaries(tmp_path):
    jieba.dt.check_initialized()
    freq, tags = jieba.dt.FREQ, jieba.posseg.dt.word_tag_tab
    path = tmp_path / "words.table"
    words.write(path, freq, jieba.dt.total, tags)
    table = words.Table(path)
    mapped_freq, mapped_tags = words.Freq(table), words.Tags(table)
    assert table.total == jieba.dt.total
    assert all(mapped_freq[w] == f for w, f in freq.items())
    assert all(mapped_tags.get(w, "x") == t for w, t in tags.items())
    for absent in ("不存在的词语啊", "", "\udc80", "zz"):
        assert absent not in mapped_freq and mapped_freq.get(absent, 7) == 7 and mapped_tags.get(absent, "x") == "x"
    mapped_freq["新词语"] = 3  # add_word's writes
    assert mapped_freq["新词语"] == 3 and "新词语" in mapped_freq

    tokenizer = jieba.Tokenizer()
    tokenizer.FREQ, tokenizer.total, tokenizer.initialized = words.Freq(table), table.total, True
    pos = jieba.posseg.POSTokenizer(tokenizer)
    pos.word_tag_tab = words.Tags(table)
    assert tokenizer.lcut(TEXT) == jieba.lcut(TEXT)
    assert list(tokenizer.tokenize(TEXT)) == list(jieba.tokenize(TEXT))
    assert [(w.word, w.flag) for w in pos.cut(TEXT)] == [(w.word, w.flag) for w in jieba.posseg.cut(TEXT)]
