"""Names an English question spells in pinyin ("When was Wen Jiaqi born?", "the Funiu Mountain … project"), in the
Chinese the knowledge base writes them: 温佳琪, 伏牛. Places come from the gazetteer and the titles (retrieve.expand);
people and local names are in no dictionary, and blind sets 57-59 asked 1 in 6 of their English questions by one.

The characters come from the knowledge base's own: each pinyin syllable's characters among those its reports use,
joined only where the reports use each two of them together (a name's every bigram), so a spelling becomes a word of
the reports, not a guess from a dictionary."""
from __future__ import annotations

import re
from functools import lru_cache
from typing import Callable

_RUN = re.compile(r"\b[A-Z][a-z]+(?:[ -][A-Z][a-z]+){0,2}\b")
_LONGEST = 6  # letters in one syllable (zhuang, shuang)
MAX_SYLLABLES = 4
PER_NAME = 2  # spellings kept per name


def chinese(text: str, characters: frozenset, known: Callable[[str], bool], english: Callable[[str], bool],
            idf: Callable[[str], float]) -> tuple[str, ...]:
    """The Chinese of each capitalised run of pinyin in text. characters: those the knowledge base's reports use;
    known: whether the reports use a bigram; english: whether a word is an English one (China, League, Talent are
    not spelled names); idf: a bigram's rarity, the commonest spelling first (河洛 of 河洛英才, not 和落)."""
    table = _syllables(characters)
    found: list[str] = []
    for run in _RUN.findall(text):
        words = [w.lower() for w in re.split(r"[ -]", run) if not english(w.lower())]
        # a surname and a given name together ("Wen Jiaqi"), else each word alone ("Funiu", "Heluo")
        joined = _written("".join(words), table, known, idf) if len(words) == 2 else []
        found += joined or [w for word in words for w in _written(word, table, known, idf)]
    return tuple(dict.fromkeys(found))


@lru_cache(maxsize=4)
def _syllables(chars: frozenset) -> dict[str, tuple[str, ...]]:
    """Each syllable's characters, read from the machine's pinyin memo, which ingest fills with every character of
    the reports (catalogue.remember_pinyin): a worker never imports pypinyin (56 MB in each, issue 13)."""
    from ingest.words import lazy_pinyin

    table: dict[str, list[str]] = {}
    for ch in sorted(chars) if lazy_pinyin is not None else ():
        for reading in lazy_pinyin(ch)[:1]:
            table.setdefault(reading.replace("ü", "v"), []).append(ch)
    return {k: tuple(v) for k, v in table.items()}


def _written(letters: str, table: dict, known: Callable[[str], bool], idf: Callable[[str], float]) -> list[str]:
    words: list[str] = []
    for syllables in _segmentations(letters, table):
        if len(syllables) < 2:
            continue  # one syllable is one character: any of dozens
        beam = list(table[syllables[0]])
        for syllable in syllables[1:]:
            beam = [w + ch for w in beam for ch in table[syllable] if known(w[-1] + ch)]
            if not beam or len(beam) > 50:
                beam = []
                break
        words += beam
    rarest = {w: max(idf(w[i:i + 2]) for i in range(len(w) - 1)) for w in words}
    return sorted(words, key=rarest.__getitem__)[:PER_NAME]


def _segmentations(letters: str, table: dict, start: int = 0) -> list[list[str]]:
    if start == len(letters):
        return [[]]
    out = []
    for end in range(start + 1, min(len(letters), start + _LONGEST) + 1):
        head = letters[start:end]
        if head in table:
            out += [[head] + rest for rest in _segmentations(letters, table, end) if len(rest) < MAX_SYLLABLES]
    return out
