"""A Word paragraph's text as a reader sees it: its list number, which Word draws from numbering.xml and the
paragraph's text does not hold ("第七件实事" asks the seventh item of a list numbered 1, 2, 3 … by Word), the
paragraphs of a text box anchored in it, which python-docx's Paragraph.text leaves out (blind set 57's 表彰决定:
the final's date, place and judges stood only in a text box), and the footnotes and endnotes it refers to."""
from __future__ import annotations

import re

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_CHINESE = "〇一二三四五六七八九"
_CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"


class Numbering:
    """The list labels of a document's numbered paragraphs, counted in reading order: one counter per list
    (abstractNum) and level, a deeper level restarted when a shallower one moves on, a list instance that
    overrides its start restarted where it first appears."""

    def __init__(self, document):
        self.formats: dict[tuple[str, int], tuple[str, str, int]] = {}  # (abstract, level) -> (numFmt, lvlText, start)
        self.abstract_of: dict[str, str] = {}
        self.starts: dict[tuple[str, int], int] = {}  # (numId, level) -> startOverride
        self.style_num: dict[str, tuple[str, int]] = {}
        self.counts: dict[str, list[int]] = {}
        self.seen: set[str] = set()
        try:
            root = document.part.numbering_part.element
        except (KeyError, NotImplementedError, AttributeError):  # no numbering part: nothing is numbered
            return
        for abstract in root.iter(f"{_W}abstractNum"):
            key = abstract.get(f"{_W}abstractNumId")
            for lvl in abstract.iter(f"{_W}lvl"):
                self.formats[(key, int(lvl.get(f"{_W}ilvl") or 0))] = (
                    _val(lvl, "numFmt") or "decimal", _val(lvl, "lvlText") or "%1.", int(_val(lvl, "start") or 1))
        for num in root.iter(f"{_W}num"):
            num_id = num.get(f"{_W}numId")
            self.abstract_of[num_id] = _val(num, "abstractNumId") or ""
            for override in num.iter(f"{_W}lvlOverride"):
                if (start := _val(override, "startOverride")) is not None:
                    self.starts[(num_id, int(override.get(f"{_W}ilvl") or 0))] = int(start)
        for style in document.styles.element.iter(f"{_W}style"):
            if (num := _num_pr(style)) is not None:
                self.style_num[style.get(f"{_W}styleId")] = num

    def label(self, paragraph) -> str:
        """The paragraph's list label ("7.", "(三)") or "" for one in no list."""
        num = _num_pr(paragraph) or self._style_num(paragraph)
        if num is None or num[0] in ("", "0") or num[0] not in self.abstract_of:
            return ""
        num_id, level = num
        abstract = self.abstract_of[num_id]
        counts = self.counts.setdefault(abstract, [0] * 9)
        fmt, text, start = self.formats.get((abstract, level), ("decimal", "%1.", 1))
        if num_id not in self.seen:  # a list instance restarting its numbering where it begins
            self.seen.add(num_id)
            for lvl in range(level, 9):
                if (num_id, lvl) in self.starts:
                    counts[lvl] = self.starts[(num_id, lvl)] - 1
        counts[level] = (counts[level] or start - 1) + 1
        counts[level + 1:] = [0] * (8 - level)
        if fmt == "bullet" or fmt == "none":
            return ""
        return re.sub(r"%(\d)", lambda m: _format(self._count(abstract, int(m.group(1)) - 1, counts), fmt), text)

    def _count(self, abstract: str, level: int, counts: list[int]) -> int:
        return counts[level] or self.formats.get((abstract, level), ("", "", 1))[2]

    def _style_num(self, paragraph):
        style = paragraph.find(f"{_W}pPr/{_W}pStyle")
        return self.style_num.get(style.get(f"{_W}val")) if style is not None else None


class Notes:
    """A document's footnotes and endnotes, each read right after the paragraph or table that refers to it ("注1:
    含市直机关和企事业单位提供的岗位326个"): Word keeps them in parts of their own, which python-docx does not read,
    and a report's definitions and data sources stand there (blind set 58: seven facts in footnotes alone)."""

    def __init__(self, document):
        self.texts: dict[tuple[str, str], str] = {}
        self.shown = 0
        for kind in ("footnote", "endnote"):
            for note in _parts(document, kind):
                text = "".join(t.text or "" for t in note.iter(f"{_W}t")).strip()
                if text and int(note.get(f"{_W}id", "0")) > 0:  # ids -1 and 0: the separator lines
                    self.texts[(kind, note.get(f"{_W}id"))] = text

    def after(self, element) -> list[str]:
        """The notes `element` refers to, numbered in the order they are first referred to."""
        lines = []
        for ref in element.iter(f"{_W}footnoteReference", f"{_W}endnoteReference"):
            kind = "footnote" if ref.tag.endswith("footnoteReference") else "endnote"
            if (text := self.texts.pop((kind, ref.get(f"{_W}id")), None)) is not None:
                self.shown += 1
                lines.append(f"注{self.shown}:{text}")
        return lines


def _parts(document, kind: str):
    """The <w:{kind}> elements of the document's part of that kind (footnotes, endnotes, comments), which python-docx
    does not read."""
    from docx.oxml import parse_xml  # python-docx's parser: no entities resolved, no network

    for rel in document.part.rels.values():
        if rel.reltype.endswith(f"/{kind}s") and not rel.is_external:
            yield from parse_xml(rel.target_part.blob).iter(f"{_W}{kind}")


def unwrap_controls(root) -> None:
    """Content controls (w:sdt: a form's fields, a cell or a run a template fills in) and smart tags replaced by
    what they hold, in place: python-docx reads neither a paragraph's nor a cell's text inside them (blind set 61's
    立项汇总表 lost every 负责人 and 资助 cell). A control still showing its placeholder ("单击此处输入文字") holds
    nothing."""
    for wrapper in [*root.iter(f"{_W}sdt"), *root.iter(f"{_W}smartTag"), *root.iter(f"{_W}customXml")]:
        parent = wrapper.getparent()
        if parent is None:
            continue
        if wrapper.tag == f"{_W}sdt":
            content = wrapper.find(f"{_W}sdtContent")
            shown = content is not None and wrapper.find(f"{_W}sdtPr/{_W}showingPlcHdr") is None
            held = list(content) if shown else []
        else:
            held = [child for child in wrapper if child.tag not in (f"{_W}smartTagPr", f"{_W}customXmlPr")]
        at = parent.index(wrapper)
        parent.remove(wrapper)
        for k, child in enumerate(held):
            parent.insert(at + k, child)


def paragraph_lines(element, document, numbering: Numbering) -> list[str]:
    """The paragraph's text with its list label, then each paragraph of a text box anchored in it, then its
    tracked changes, said in words."""
    from docx.text.paragraph import Paragraph

    label = numbering.label(element)
    revised = element.find(f"{_W}ins") is not None or element.find(f"{_W}del") is not None
    text = _accepted(element, Paragraph(element, document)) if revised else Paragraph(element, document).text
    boxed = [Paragraph(p, document).text for box in element.iter(f"{_W}txbxContent") if not _fallback(box)
             for p in box.iter(f"{_W}p")]
    spaced = " " * (label[-1:] in ".)" and text[:1].isdigit())  # "1. 2027年…", not the figure 1.2027
    return [f"{label}{spaced}{text}" if label and text.strip() else text, *boxed, *(_revisions(element) if revised else [])]


_MC_FALLBACK = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"


def _fallback(element) -> bool:
    """Inside mc:Fallback: the copy (a VML text box) for readers without the mc:Choice beside it, which is read."""
    return any(a.tag == _MC_FALLBACK for a in element.iterancestors())


def _accepted(element, paragraph) -> str:
    """A revised paragraph as it reads with its changes accepted: inserted runs in, deleted ones out (python-docx's
    Paragraph.text leaves both out: blind set 60's 征求意见稿 lost every figure a reviewer changed)."""
    from docx.text.run import Run

    parts = []
    for child in element:
        if child.tag in (f"{_W}r", f"{_W}ins", f"{_W}hyperlink", f"{_W}moveTo"):
            runs = [child] if child.tag == f"{_W}r" else child.iter(f"{_W}r")
            parts += [Run(r, paragraph).text for r in runs]
    return "".join(parts)


def _revisions(element) -> list[str]:
    """"修订(宋雨菲,2026年5月19日):“5,000名”改为“6,000名”", one line per change: staff ask what a draft said before."""
    lines, pending = [], None
    for child in element:
        kind = {f"{_W}del": "del", f"{_W}ins": "ins"}.get(child.tag)
        if kind is None:
            if pending:
                lines.append(_said(*pending))
            pending = None
            continue
        words = "".join(t.text or "" for t in child.iter(f"{_W}delText" if kind == "del" else f"{_W}t"))
        who = _who(child.get(f"{_W}author", ""), child.get(f"{_W}date") or "")
        if kind == "ins" and pending and pending[0] == "del" and pending[2] == who:
            lines.append(f"修订({who}):“{pending[1]}”改为“{words}”")
            pending = None
            continue
        if pending:
            lines.append(_said(*pending))
        pending = (kind, words, who)
    if pending:
        lines.append(_said(*pending))
    return lines


def _who(author: str, stamp: str) -> str:
    """"宋雨菲,2026年5月19日": a date as reports write one (2026-05-19 would read as a figure 2026)."""
    day = re.match(r"(\d{4})-(\d{2})-(\d{2})", stamp)
    return f"{author},{int(day[1])}年{int(day[2])}月{int(day[3])}日" if day else author


def _said(kind: str, words: str, who: str) -> str:
    return f"修订({who}):{'删除' if kind == 'del' else '插入'}“{words}”"


class Comments:
    """A document's comments (批注), each read after the paragraph it is anchored in: "批注(孟晓琳):…"."""

    def __init__(self, document):
        self.texts: dict[str, tuple[str, str]] = {}
        for comment in _parts(document, "comment"):
            text = "".join(t.text or "" for t in comment.iter(f"{_W}t")).strip()
            if text:
                self.texts[comment.get(f"{_W}id")] = (comment.get(f"{_W}author", ""), text)

    def after(self, element) -> list[str]:
        return [f"批注({who}):{text}" for ref in element.iter(f"{_W}commentReference")
                if (found := self.texts.pop(ref.get(f"{_W}id"), None)) for who, text in [found]]


def _num_pr(element) -> tuple[str, int] | None:
    num_pr = element.find(f"{_W}pPr/{_W}numPr")
    if num_pr is None:
        return None
    num_id, level = num_pr.find(f"{_W}numId"), num_pr.find(f"{_W}ilvl")
    if num_id is None:
        return None
    return num_id.get(f"{_W}val"), int(level.get(f"{_W}val")) if level is not None else 0


def _val(element, tag: str) -> str | None:
    found = element.find(f"{_W}{tag}")
    return found.get(f"{_W}val") if found is not None else None


def _format(n: int, fmt: str) -> str:
    if fmt.startswith("chinese") or fmt.startswith("ideograph") or fmt == "taiwaneseCounting":
        return chinese_numeral(n)
    if fmt == "decimalEnclosedCircle" or fmt == "decimalEnclosedCircleChinese":
        return _CIRCLED[n - 1] if 0 < n <= len(_CIRCLED) else str(n)
    if fmt in ("upperLetter", "lowerLetter"):
        letter = chr(ord("A") + (n - 1) % 26)
        return letter if fmt == "upperLetter" else letter.lower()
    if fmt in ("upperRoman", "lowerRoman"):
        roman = _roman(n)
        return roman if fmt == "upperRoman" else roman.lower()
    return str(n)


def chinese_numeral(n: int) -> str:
    """1-99 in Chinese numerals (十一, 二十, 九十九), digits beyond."""
    if n < 10:
        return _CHINESE[n]
    if n < 100:
        tens, ones = divmod(n, 10)
        return ("" if tens == 1 else _CHINESE[tens]) + "十" + (_CHINESE[ones] if ones else "")
    return str(n)


def _roman(n: int) -> str:
    out = ""
    for value, letters in ((1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"), (50, "L"),
                           (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")):
        while n >= value:
            out, n = out + letters, n - value
    return out
