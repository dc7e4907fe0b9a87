"""PDF text as lines: pypdf's page texts without page furniture, hard wraps joined, tables read back as rows."""
from __future__ import annotations

import io
import re

from . import messages as msg
from . import tables
from .title import ISSUER
from .pdf_tables import continued, pdf_tables, row_cells
from .load import LoadError
from .settings import Settings


def pdf_lines(data: bytes, name: str = "", max_pages: int = Settings.max_pdf_pages) -> list[str]:
    try:
        from pypdf import PdfReader
    except ImportError:
        raise LoadError(msg.NEEDS_PDF) from None
    try:
        reader = PdfReader(io.BytesIO(data))
        pages, filled = _pdf_pages(reader, name, max_pages)
    except LoadError:
        raise
    except Exception:  # pypdf raises many kinds for broken files, in words that mean nothing to staff
        raise LoadError(msg.BAD_PDF) from None
    bodies = [_page_body(page, len(pages)) for page in pages]
    bodies, fields = _form_pages(bodies)
    fields |= filled  # a form's filled field is a line of its own: no wrap of the line above, none runs on from it
    furniture, seen = _running(bodies) - fields, set()  # a form's field every page fills alike is no running line
    seen |= {line for line in furniture if all(_over_number(page, line) for page in pages)  # a page header, no title
             or _MARKING.fullmatch("".join(line.split()))}  # nor a classification mark atop each page
    kept = []
    for body in bodies:  # a running line is kept where it first stands (the first page's may be its title)
        kept += [line for line in body if line not in furniture or line not in seen]
        seen |= furniture & set(body)
    raw = row_cells(continued(kept))
    found = pdf_tables(raw)  # first: a table's cells would pass for hard-wrapped lines
    grids = {start: grid for start, _, grid in found}
    cells = {i for start, end, _ in found for i in range(start, end)}
    full = _full_width([line for i, line in enumerate(raw) if i not in cells])
    lines: list[str] = []
    wrapped = False
    for i, line in enumerate(raw):
        if i in cells:
            lines += tables.lines_of(grids[i], lines) if i in grids else []
        elif wrapped and line and not _HEADING.match(line) and not ISSUER.fullmatch(line) and line not in filled \
                and not _FIELD_LINE.match(line):  # nor a form's printed field (推荐单位(盖章):…)
            # (nor its issuer under a title)
            lines[-1] += line
        else:
            lines.append(line)
        # PDF text is hard-wrapped: a line that runs to the margin without ending a sentence continues on the
        # next one. A short line ends its block even unpunctuated: a title, a heading, a date under a title.
        wrapped = i not in cells and bool(line) and not _ENDS.search(line) and _width(line) >= WRAPPED_WIDTH * full \
            and line not in fields
    return lines


_FIELD_LINE = re.compile(r"[\u4e00-\u9fff]{0,6}(?:单位|日期|时间|人|电话|地址)(?:[(\uff08][^()\uff08\uff09]{1,6}[)\uff09])?\s*[:\uff1a]")
# A document's classification mark, printed atop every page: 内部资料 注意保存, 秘密★1年.
_MARKING = re.compile(r"(?:内部资料|内部文件|内部刊物|内部参考|仅供参考|秘密|机密|绝密)(?:★.{0,4})?(?:注意保存|妥善保管|请勿外传)?")

# A line opening a numbered heading starts a block, whatever the line above ran to: a title as wide as the page
# took "一、基本情况" into itself.
_HEADING = re.compile(r"(?:批注[(（:]|[一二三四五六七八九十]{1,3}、|[（(][一二三四五六七八九十]{1,3}[）)]|第[一二三四五六七八九十]{1,3}[章节部分])")


# -- PDF: one form per page (审批表, 登记表), its labels on lines of their own ------------------------------

_LABEL_LINE = re.compile(r"[\u4e00-\u9fff][\u4e00-\u9fff\s\u3000]{1,12}")
MIN_LABELS = 4  # labels every page repeats before the pages are read as forms
FORM_SHARE = 0.1  # of a page's lines, at least, are a form's labels (a 登记表 page ~0.4, long 事迹 and all ~0.2)


def _form_pages(bodies: list[list[str]]) -> tuple[list[list[str]], set[str]]:
    """Pages that are each one filled-in form ("姓　　名" / "乔雨桐" / "性　　别" / "女" …): a label is a short line
    that (nearly) every page repeats, its value the lines under it up to the next label. Each page's fields become
    field lines ("姓名:乔雨桐"), which ingest/records.py reads as one record per page; the labels would otherwise
    go as running headers and a value run into the next label. Returns the bodies and the field lines made."""
    if len(bodies) < 2:
        return bodies, set()
    pages: dict[str, int] = {}
    for body in bodies:
        for line in {x for x in body if _LABEL_LINE.fullmatch(x)}:
            pages[line] = pages.get(line, 0) + 1
    shared = sorted((line for line, n in pages.items() if n == len(bodies) and len("".join(line.split())) > 1),
                    key=bodies[0].index)
    labels: set[str] = set()
    for line in shared:  # in page order: a value every page shares ("汉族" under "民族") stands under a label
        at = [body.index(line) for body in bodies]
        under = all(i and body[i - 1] in labels for i, body in zip(at, bodies))
        fielded = all(i + 1 < len(body) and re.search(r"[:：]", body[i + 1]) for i, body in zip(at, bodies))
        if not under and not fielded:  # ...and a title over a field line ("编号:…") is no label
            labels.add(line)
    # a form's label stands over its value; a table's header repeated on each page is a run of labels
    valued = [line for line in labels if all(body.index(line) + 1 < len(body) and body[body.index(line) + 1]
                                             not in labels for body in bodies)]
    # a running header ("内部资料", "团市委组织部编印" atop each page of two tables) is no field of a form
    edge = {line for line in valued if all(line in _edges(body) for body in bodies)}
    # and a form's labels are a good share of its lines: two pages of tables naming the same rows share a few
    lines = sum(len([x for x in body if x]) for body in bodies) / len(bodies)
    if len(set(valued) - edge) < MIN_LABELS or 2 * len(valued) < len(labels) or len(labels) < FORM_SHARE * lines:
        return bodies, set()
    out, made = [], set()
    for body in bodies:
        page, field, full = [], None, max((_width(x) for x in body), default=0)  # mostly short lines: the widest
        for line in [*body, None]:
            if line is None or line in labels:
                if field is not None:
                    text = "".join(field[0].split()) + ":" + _form_value(field[1], full)  # 姓　　名: 姓名
                    made.add(text)
                    page.append(text)
                field = (line, []) if line is not None else None
            elif field is not None:
                field[1].extend([line] if line else [])
            else:
                page.append(line)
        out.append([*page, ""])  # a blank line ends the page's record
    return out, made


def _edges(body: list[str]) -> set[str]:
    """The first and last RUNNING filled lines of a page, where running headers and footers stand."""
    filled = [line for line in body if line]
    return set(filled[:RUNNING] + filled[-RUNNING:])


def _form_value(lines: list[str], full: float) -> str:
    """A field's lines as one value: lines run to the margin (full) run on, shorter ones (an honour a line, a stamp,
    a date) are items."""
    value, previous = "", ""
    for line in lines:
        if value and _width(previous) < WRAPPED_WIDTH * full and not _ENDS.search(previous):
            value += ";"
        value, previous = value + line, line
    return value


# A line that ends its sentence; a closing quote or bracket only after the sentence's end inside it ("开展“青春暖冬”"
# runs on: "行动,为…").
_ENDS = re.compile(r"[。!?;:!?;:][”」)]?$")

# Page furniture: "— 1 —", "- 2 -", "第3页 共5页", "4/12"; a bare "7" only as a page's first or last line.
_PAGE_NUMBER = re.compile(r"^(?:[-—–]+\s*\d{1,4}\s*[-—–]+|第\s*\d{1,4}\s*页(?:\s*[,,/]?\s*共\s*\d{1,4}\s*页)?|\d{1,4}\s*/\s*\d{1,4})$")


def _page_body(page: str, pages: int = 1) -> list[str]:
    """A page's lines without its page number: a PDF report's first line was "— 1 —", taken as its title. A bare
    number at the page's top or foot is its number only when the page has no other and the document that many
    pages: 176, a table's last cell on page 1 of 2, had been dropped."""
    lines = [line.strip() for line in page.splitlines()]
    filled = [i for i, line in enumerate(lines) if line]
    ends = {filled[0], filled[-1]} if filled else set()
    numbered = any(_PAGE_NUMBER.match(line) for line in lines)
    return [line for i, line in enumerate(lines)
            if not (_PAGE_NUMBER.match(line) or (i in ends and not numbered and line.isdigit()
                                                 and int(line) <= pages + _FRONT_PAGES))]


def _over_number(page: str, line: str) -> bool:
    """Whether the line stands right above the page's number ("…工作总结(内部资料)" over "第 1 页 共 3 页"): a page
    header with the page's number under it on every page, the first page's too, is no title of the report."""
    lines = [x.strip() for x in page.splitlines() if x.strip()]
    return any(a == line and _PAGE_NUMBER.match(b) for a, b in zip(lines, lines[1:]))


def _running(bodies: list[list[str]]) -> set[str]:
    """Running headers and footers: a line among the first or last RUNNING lines of most pages ("大兴共青团 2025年上半年
    工作总结", "内部资料"). Left in after the first page, they broke a paragraph running across the page break (blind
    set 41: "开展“护苗·平安校" | header | "园”活动58场"); a table's header repeated on each page goes the same way."""
    if len(bodies) < 2:
        return set()
    seen: dict[str, int] = {}
    for body in bodies:
        if sum(1 for line in body if line) <= 2 * RUNNING:  # a page of a few lines has no header of its own to tell apart
            continue
        for line in _edges(body):
            seen[line] = seen.get(line, 0) + 1
    return {line for line, n in seen.items() if n >= 2 and 2 * n > len(bodies)}


RUNNING = 3  # lines at a page's top or foot that may be its running header or footer
_FRONT_PAGES = 5  # pages before page 1 (a cover, a contents page): a page's number may run that much past the count


WRAPPED_WIDTH = 0.8  # of a full line: wrapped lines measured 0.85-1.0 of it in five reports, headings 0.1-0.5


def _width(line: str) -> int:
    return sum(2 if ord(c) >= 0x2E80 else 1 for c in line)


def _full_width(lines: list[str]) -> float:
    """A full line's width: the upper quartile of the line widths (most lines of a report run to the margin)."""
    widths = sorted(_width(line) for line in lines if line)
    return widths[3 * len(widths) // 4] if widths else 0.0


def _pdf_pages(reader, name: str, max_pages: int) -> tuple[list[str], set[str]]:
    """(page texts, the lines of their filled form fields), refused past max_pages before any text is extracted
    (20,000 pages were 25 s): by the count the page tree declares, then by the real count, which a lying /Count
    cannot hide."""
    try:
        declared = int(reader.trailer["/Root"]["/Pages"]["/Count"])
    except (KeyError, TypeError, ValueError):
        declared = 0
    count = declared if declared > max_pages else len(reader.pages)
    if count > max_pages:
        raise LoadError(msg.TOO_MANY_PAGES.format(name=name, pages=count, limit=max_pages))
    fields = [filled_fields(page) for page in reader.pages]
    return [_page_text(page, own) for page, own in zip(reader.pages, fields)], {line for own in fields for line in own}


def _page_text(page, fields: list[str]) -> str:
    """A page's text, then its filled form fields' lines; a month calendar's grid read a line per day
    (ingest/pdf_calendar.py)."""
    from .pdf_calendar import calendar_lines, is_calendar

    text = page.extract_text() or ""
    lines = calendar_lines(page, text) if is_calendar(text) else None
    return "\n".join([*(lines or [text]), *fields, *_notes(page)])


def filled_fields(page) -> list[str]:
    """A fillable form's values (AcroForm text and choice fields), "label:value" a line, labelled by the field's
    tooltip (/TU, the label the form prints) else its name: a form filled in on screen holds its values nowhere in
    the page's text."""
    found = []
    try:
        for ref in page.get("/Annots") or []:
            widget = ref.get_object()
            if widget.get("/Subtype") != "/Widget":
                continue
            field = widget if "/V" in widget or "/Parent" not in widget else widget["/Parent"].get_object()
            value = " ".join(str(field.get("/V") or "").split())
            label = " ".join(str(field.get("/TU") or field.get("/T") or "").split())
            if value and field.get("/FT") in ("/Tx", "/Ch") and label:
                found.append(f"{label}:{value}")
    except Exception:  # a broken annotation array costs its fields, not the page
        return found
    return found


def _notes(page) -> list[str]:
    """A page's sticky notes (/Text and /FreeText annotations) after its text: "批注(张立新):…". A reviewer's note on a
    送审稿 holds figures the page does not ("六鼎山服务点实际在岗12名")."""
    found = []
    try:
        for ref in page.get("/Annots") or []:
            note = ref.get_object()
            if note.get("/Subtype") in ("/Text", "/FreeText") and (text := " ".join(str(note.get("/Contents") or "").split())):
                who = " ".join(str(note.get("/T") or "").split())
                found.append(f"批注({who}):{text}" if who else f"批注:{text}")
    except Exception:  # a broken annotation array costs its notes, not the page
        return found
    return found
