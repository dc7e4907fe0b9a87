"""Traditional Chinese read as simplified: one fold for report text and questions alike.

A 港澳台 partner's 活動紀要, or a 澳門 association quoted in a simplified report, is asked about in simplified
characters (梁颖诗 for 梁穎詩); matching either side as written finds nothing. OpenCC's t2s table does the
reading; the fold keeps every character's position (a phrase that would change length is read character by
character), so an offset found in the folded text is the same in the original.
"""
from __future__ import annotations

from functools import lru_cache

# Characters t2s would change that simplified Chinese writes as they are: 乾县, 乾安县 (t2s: 干县). A traditional
# text's 乾淨 keeps its 乾; no question asks of it.
KEEP = frozenset("乾")


@lru_cache(maxsize=1)
def _converter():
    try:
        import opencc
    except ImportError as err:  # a dependency of the project: a broken install
        raise ImportError("youthqa reads Traditional Chinese with OpenCC: pip install opencc-python-reimplemented") from err
    return opencc.OpenCC("t2s")


@lru_cache(maxsize=1)
def _traditional() -> frozenset:
    """The characters t2s changes on their own (about 2,700 of the CJK block)."""
    convert = _converter().convert
    return frozenset(ch for ch in map(chr, range(0x4E00, 0xA000)) if ch not in KEEP and convert(ch) != ch)


def traditional(text: str) -> bool:
    """Whether any character of `text` is one t2s changes: most lines have none and are left alone."""
    return not _traditional().isdisjoint(text)


def fold(text: str) -> str:
    """`text` in simplified characters, of the same length, character for character."""
    if not traditional(text):
        return text
    convert = _converter().convert
    folded = convert(text)
    if len(folded) != len(text):
        folded = "".join(one if len(one := convert(ch)) == 1 else ch for ch in text)
    return "".join(o if o in KEEP else f for o, f in zip(text, folded))
