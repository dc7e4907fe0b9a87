"""English questions to Chinese terms: the league glossary first, then CC-CEDICT read backwards, kept to the words
the knowledge base uses."""
from app.engine.glossary import chinese_terms, dictionary_terms
from app.engine.retrieve import heading

# A stand-in for the knowledge base's idf: the words its reports use (lower: commoner).
REPORTS = {"团员": 1.0, "招募": 2.0, "吸收": 2.5, "毕业生": 1.5, "辅导员": 2.0, "律师": 3.0, "平台": 1.2}


def rarity(word):
    return REPORTS.get(word)


def test_dictionary_finds_the_reports_words():
    terms = dictionary_terms("how many graduates did they recruit", rarity)
    assert "毕业生" in terms and "招募" in terms
    assert terms.index("毕业生") < terms.index("招募")  # in the question's order


def test_dictionary_keeps_only_words_some_report_uses():
    terms = dictionary_terms("How many practising lawyers joined?", rarity)
    assert terms == ["律师"]  # 律师 is in the reports; the other glosses of the phrase are not
    assert dictionary_terms("How many lawyers?", lambda w: None) == []


def test_dictionary_reads_plurals_and_skips_function_words():
    assert dictionary_terms("graduates", rarity) == ["毕业生"]
    assert dictionary_terms("how many are there in it", lambda w: 1.0) == []


def test_glossary_phrases_come_first_and_are_not_looked_up_again():
    terms = chinese_terms("How many volunteers did Zunyi recruit?", rarity)
    assert terms[0] == "志愿者" and "招募" in terms
    assert chinese_terms("How many volunteers did Zunyi recruit?") == ("志愿者", "招募")  # no rarity: glossary only


def test_headings_are_short_lines_without_punctuation():
    assert heading("四、青年岗位能手") and heading("共青团台州市委")
    assert not heading("全年新发展团员14826名,比上年减少2524名。")
    assert not heading("二" * 60)  # a long unpunctuated run is text, not a heading
    assert not heading("吴晓雯　山东港口烟台港集团调度员")  # a person of a 名单: who they are answers 谁


def test_english_question_finds_its_paragraph_through_the_dictionary(corpus_index):
    from app import Assistant

    settings, _ = corpus_index
    retriever = Assistant.open(settings).retriever
    assert retriever.rarity("志愿者") is not None and retriever.rarity("马拉松") is None
    top = retriever.search("How many volunteers registered on the Zhiyuanhui platform in Tongchuan?", 3)
    assert any(p.paragraph == 7 and "20357人" in p.text for p in top)


def test_the_dictionary_is_read_once_per_machine(tmp_path, monkeypatch):
    import tempfile

    from app.engine import glossary

    monkeypatch.setattr(tempfile, "gettempdir", lambda: str(tmp_path))
    glossary._english_to_chinese.cache_clear()
    try:
        read = glossary._english_to_chinese()
        [cache] = tmp_path.glob("youthqa-cedict-*.json")
        glossary._english_to_chinese.cache_clear()
        assert glossary._english_to_chinese() == read and "毕业生" in read["graduate"]
        cache.write_text("{broken", encoding="utf-8")  # a damaged cache is read again from the dictionary
        glossary._english_to_chinese.cache_clear()
        assert glossary._english_to_chinese() == read
    finally:
        glossary._english_to_chinese.cache_clear()


def test_members_recruited_are_new_league_members():
    """Blind set 24: "How many league members did Changchun recruit in 2023?" read as 招募 (volunteers), refused."""
    assert chinese_terms("How many league members did Changchun recruit in 2023?")[0] == "发展团员"
    assert "发展团员" not in chinese_terms("How many volunteers were recruited?")


def test_a_phrase_is_written_as_the_reports_write_it():
    # "Youth Stations" is 青年驿站 in one city's reports and 青春驿站 in another's: the form the knowledge base uses
    stations = "How many Youth Stations does the High-tech Zone have?"
    assert chinese_terms(stations, {"青春驿站": 2.0, "高新区": 3.0}.get) == ("高新区", "青春驿站")
    assert chinese_terms(stations, {"青年驿站": 2.0, "青春驿站": 4.0}.get)[1] == "青年驿站"  # both: the commoner
    assert chinese_terms(stations) == ("高新区", "青年驿站")  # no knowledge base: the first form
    # the longest phrase first whatever the table's order: "youth" does not take the "Youth" of "Youth Stations"
    assert "青年" not in chinese_terms(stations)
    zone = chinese_terms("League members in the Economic Development Zone", {"经济技术开发区": 1.0, "团员": 1.0}.get)
    assert zone == ("经济技术开发区", "团员")


def test_coverage_reads_a_form_as_the_same_word():
    from app.engine.coverage import partial

    assert partial("青年驿站", "共设立“青春驿站”42个") == 1.0 and partial("经开区", "临沂经济技术开发区团员5317名") == 1.0


def test_blind_set_63s_english_names_the_reports_words():
    """A 宣传片's 字幕稿 and who 审核 it, a deck's 汇报, a 突击队, 返家乡 as "Return Home" (blind set 63)."""
    from app.engine.glossary import chinese_terms

    assert {"宣传片", "字幕稿", "审核"} <= set(chinese_terms("Who approved the subtitle script of the promo film?", lambda t: 1.0))
    assert {"突击队", "雪山"} <= set(chinese_terms("Who leads the Snow Mountain Youth Commando Team?", lambda t: 1.0))
    assert "返家乡" in chinese_terms("Who presented the Return Home report?", lambda t: 1.0)
