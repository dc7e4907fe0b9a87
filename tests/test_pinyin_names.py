"""app/engine/pinyin_names.py: names an English question spells in pinyin, as the reports write them."""
from app.engine.glossary import english_word
from app.engine.pinyin_names import chinese

_REPORTS = "温佳琪出生年月2000年6月。乔雨桐领衔伏牛山珍菌菇项目。河洛英才大赛假期合格"
_BIGRAMS = {_REPORTS[i:i + 2] for i in range(len(_REPORTS) - 1)}
_CHARS = frozenset(ch for ch in _REPORTS if "\u4e00" <= ch <= "\u9fff")


def _spelled(question: str) -> tuple[str, ...]:
    common = {"河洛": 0.5}  # the reports' commonest spelling first
    return chinese(question, _CHARS, _BIGRAMS.__contains__, english_word, lambda g: common.get(g, 2.0))


def test_a_persons_name_is_the_reports_spelling_of_it():
    assert _spelled("When was Wen Jiaqi born?") == ("温佳琪",)  # the whole name, not 假期 for Jiaqi alone
    assert _spelled("Which unit recommended Qiao Yutong?") == ("乔雨桐",)


def test_a_local_name_beside_english_words():
    assert _spelled("Who led the Funiu Mountain Mushroom project?") == ("伏牛",)  # Mountain, Mushroom: English
    assert _spelled("How many projects registered for the Heluo Talent competition?")[0] == "河洛"


def test_english_words_and_names_the_reports_do_not_write_give_nothing():
    assert _spelled("How many volunteers did China register?") == ()
    assert _spelled("When was Zhang Wei born?") == ()
