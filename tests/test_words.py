"""ingest/words.py: jieba's dictionaries read from a mapped table give jieba's own cuts."""
from __future__ import annotations

import jieba
import jieba.posseg

from ingest import words

TEXT = ("2023年,铜川市共青团组织实名注册志愿者20357人,团市委书记王娜带领青年之家46个服务青少年12万人次。"
        "十八洞村的青年在湘西州花垣县开展志愿服务;How many volunteers? 江油市2021年36751")


def test_table_holds_jiebas_dictionaries(tmp_path):
    real = jieba.Tokenizer()  # not jieba.dt: another test may have mapped it already
    real.initialize()
    real_pos = jieba.posseg.POSTokenizer(real)
    freq, tags = real.FREQ, real_pos.word_tag_tab
    path = tmp_path / "words.table"
    words.write(path, freq, real.total, tags)
    table = words.Table(path)
    mapped_freq, mapped_tags = words.Freq(table), words.Tags(table)
    assert table.total == real.total
    assert all(mapped_freq[w] == f for w, f in freq.items())
    assert all(mapped_tags.get(w, "x") == t for w, t in tags.items())
    for absent in ("不存在的词语啊", "", "\udc80", "zz"):
        assert absent not in mapped_freq and mapped_freq.get(absent, 7) == 7 and mapped_tags.get(absent, "x") == "x"
    mapped_freq["新词语"] = 3  # add_word's writes
    assert mapped_freq["新词语"] == 3 and "新词语" in mapped_freq

    mapped = jieba.Tokenizer()
    mapped.FREQ, mapped.total, mapped.initialized = words.Freq(table), table.total, True
    mapped_pos = jieba.posseg.POSTokenizer(mapped)
    mapped_pos.word_tag_tab = words.Tags(table)
    assert mapped.lcut(TEXT) == real.lcut(TEXT)
    assert list(mapped.tokenize(TEXT)) == list(real.tokenize(TEXT))
    assert [(w.word, w.flag) for w in mapped_pos.cut(TEXT)] == [(w.word, w.flag) for w in real_pos.cut(TEXT)]


def test_pinyin_is_pypinyins_and_is_remembered(tmp_path, monkeypatch):
    from pypinyin import lazy_pinyin

    monkeypatch.setattr(words, "_PINYIN_FILE", tmp_path / "pinyin.jsonl")
    monkeypatch.setattr(words, "_pinyin", None)
    monkeypatch.setattr(words, "_pinyin_read", 0)
    texts = ["铜川", "重庆", "长沙市", "西安", "十八洞村", "abc团委", "乐山"]
    assert [words.lazy_pinyin(t) for t in texts] == [lazy_pinyin(t) for t in texts]
    monkeypatch.setattr(words, "_pinyin", None)  # another process: read back from the file
    monkeypatch.setattr(words, "_pinyin_read", 0)
    with (tmp_path / "pinyin.jsonl").open("a", encoding="utf-8") as fh:
        fh.write('["半行')  # a line cut short by a crash is skipped
    assert [words.lazy_pinyin(t) for t in texts] == [lazy_pinyin(t) for t in texts]
    assert len(words._pinyin) == len(texts)
    with (tmp_path / "pinyin.jsonl").open("a", encoding="utf-8") as fh:  # appended by an ingest meanwhile
        fh.write('\n["试验市", ["from", "the", "file"]]\n')
    assert words.lazy_pinyin("试验市") == ["from", "the", "file"]


def test_a_worker_after_ingest_needs_no_pypinyin(tmp_path, corpus):
    """Ingest leaves the titles' pinyin in the machine's memo, so a process answering from the index (a worker)
    never imports pypinyin: its phrase dictionary is 56 MB in every worker (issue 13's RSS)."""
    import subprocess
    import sys

    env = {**__import__("os").environ, "TMPDIR": str(tmp_path), "YOUTHQA_EMBED_THREADS": "1"}
    index = tmp_path / "idx"
    subprocess.run([sys.executable, "-m", "app.cli", "ingest", str(corpus), "--index", str(index)], env=env,
                   check=True, capture_output=True)
    worker = ("import sys; from app.api import Assistant; from ingest.settings import Settings; "
              f"a = Assistant.open(Settings(index={str(index)!r})); "
              "print(a.ask('How many volunteers registered in Tongchuan?').value, a.ask('铜川的志愿汇平台注册了多少志愿者?').value, "
              "'pypinyin' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", worker], env=env, check=True, capture_output=True, text=True).stdout
    assert out.split() == ["20357人", "20357人", "False"]
