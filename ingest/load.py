"""Files in, raw article lines out: format detection, bounds, decoding; each format's reader in a module of its own
(html, markdown, word, pdf, xlsx, pptx; plain text and CSV here).

Every failure is a LoadError whose message is one line naming the problem; the pipeline
puts it next to the file name in the ingest summary.
"""
from __future__ import annotations

import hashlib
import io
import re
import unicodedata
import zipfile
import zlib
from pathlib import Path
from typing import NamedTuple

from .text_tree import tree_lines
from . import messages as msg
from . import records, subtitles, table_grids, tables
from .markdown import markdown_lines
from .settings import Settings

SUPPORTED = (".txt", ".md", ".markdown", ".html", ".htm", ".docx", ".pdf", ".xlsx", ".pptx", ".csv")
_MAX_DOCX_UNCOMPRESSED = 200 * 1024 * 1024  # all parts of a .docx (images too); its XML has a lower bound
_XML_PARTS = (".xml", ".rels")  # what python-docx parses into a tree, at ~11x its size in memory
MAX_LINE_CHARS = 100_000


# Part of every content hash: a change to cleaning or chunking re-indexes files that look unchanged.
PIPELINE_VERSION = "58"  # 58: a column headed 其中… is a part of the column before it (青年之家其中当年新建), not after a time, a share or another unit; 57: an .xlsx column's drop-down list read under its header; an organisation chart drawn in text (├─ │ └─) a line per branch; 56: a CSV's delimiter from Excel's "sep=" line (or semicolons outnumbering commas); a fillable PDF form's field values read with their labels, a form's printed field line (推荐单位(盖章):…) no wrap of the line above, an attachment's mark (附件2) no title; a Word text box read once (mc:Choice, not its mc:Fallback copy); a deck's auto-numbered items with their numbers, a list number kept off a figure after it (1. 2027年); rows numbered within groups (1.1, 1.2) named by their label, a filer's line (填报单位:…) merged across a table's top no caption; 55: joint issuers over a document number leave the subject the title; a PDF issuer's line is no wrap of the title above; a table laid out with <div>s (CSS grid rows of cells) read as a table; a Markdown text bar chart (文化街道 ████ 24) a line per bar, its scale line's unit; a deck's and a PDF's review comments (批注) read; Excel's text guard (="TM2026-001") no part of a CSV cell; a byline of organisation, post and name no title; a document number over its issuer and subject titled by both; 汇总日期 and an issuer's dotted date (2026.10.12) date a report; 54: two pages of tables naming the same rows are no forms; a PDF table's numbered rows run from one 序号 to the next (an empty 备注, check marks); a classification mark atop each page is no title; a CSV cell's line breaks are no rows; a subtitle script (SRT) reads as running text; a deck's figure card is one line and its presenter no title; a Markdown rule of one hyphen a cell; a table of a figure a row reads as a report says it; a reviewer's credit line goes with the article's information; 53: an inline SVG chart in a web page read as its table; a table's rows keyed by a column several rows share (a 台账's county) named by their name cell too; a pivot table's fuller second header row is its header; 52: PowerPoint decks (.pptx: slides, tables, charts, notes) and .csv files read; a Word chart read as its table; 51: a Traditional Chinese line is read in simplified characters (ingest/script.py); 50: a line of several label:value fields (填表人:杨柏霖 审核:陈嘉豪 …) has a clause per field; 49: a table row led by a code or a day (SX25-08, 7月16日(星期三)) is named by its name cell too in every clause; an HTML <summary> (a folded Q&A's question) is a block; Word content controls (w:sdt) and smart tags read; a form's field (填报日期:…) is no table's caption; a PDF line opening a numbered heading starts a block; a PDF table's header cell wrapped onto two lines is one, and a serial table's 合计 row of figures only is read; a header's bracket naming the column again (社区(村)) is no unit; a 其中 row names the row above it; an .xlsx hidden sheet the visible ones name is read; a Markdown fenced block keeps its lines and a mermaid Gantt block reads a sentence per task; a 公众号 byline and a form's 填报日期 or a contract's 签订日期 date the report; 48: a CSV export saved as text is a table; an e-mail thread is titled by its subject and dated by its newest message, its quote marks and banner rules dropped; a Word draft reads with its tracked changes accepted, a line per change and per comment; an .xlsx percentage cell reads as a percentage; 编制单位 names no unit; 导出时间 dates an export; 47: a PDF form's field that every page fills alike (团市委审核意见) stays on each page; 46: an .xlsx with several sheets of tables leads each table's caption with its sheet's name (a sheet per county), a cell's comment (批注) is a line after its sheet; a Markdown cell's <br> lists its items (、); a 合计 row written in a 序号 column keeps its name; a table inside a Word table's cell is read as a table of its own after it; a PDF of one form per page (its labels on lines over their values, on every page) reads as one record per page; an exported chat's message heads (2024-09-25 08:56 杜若溪) open their messages and its header lines stay; 45: 部 is no unit cell (其他学院(部) had read as one); 44: .xlsx workbooks read (ingest/xlsx.py); a Word document's footnotes and endnotes after what refers to them; numbered records with bracketed fields (1．何振邦〔男；…；推荐单位：…〕) are table rows; 43: a table's 计量单位 column beside a 备注 column of notes gives the row's figures their unit (统计公报), 间/处/册/本 are units; 42: a subject title "关于…的公示" of up to 80 characters is a title; 41: a Word list's numbers (numbering.xml) open its paragraphs, a text box's paragraphs follow its anchor; a Markdown front matter's fields are lines; records of field lines (姓　　名：…) are table rows; 40: a PDF table's column of text after its figures (备注) read, left empty or not, and a table continued over a page break (表1(续)) runs on; a page header over the page number is no title; a figure with its signed change in brackets, 418(+32); a meeting's 时间 line beside its 地点 is kept and dates its 纪要; a strip of figures between bars is a clause a figure; 39: a date and a venue under a speech's speaker stay a paragraph (2025年2月26日 哈尔滨音乐厅); 38: a Markdown task's box said in words ([已完成]/[未完成]); an item's 完成时间:/会议时间: is no portal meta line; a definition list's term and description one line (站点数量:14个); a PDF table whose header cells and row labels are each a Chinese line over an English one; a figure with its share in brackets, 1952(8.7%), two columns; a 分值 column in 分; a table's unit in the sentence introducing it (见表1(单位:%)); a speech's title over a transcript note; 37: an infographic's figure and label in two blocks of their own are one line (数说: 0.92万 / 名青年志愿者在册); 36: a meeting's 主办单位/承办单位 line stays in a report with no portal furniture; circled footnote marks (①) stay marks; a tab-separated table, month columns as its headers; 35: an issuer over a 纪要 or 简报 title is its title's, an issuer with a date under a title dates the report; a Markdown table's blank cell in its first column or a column of grades or groups (等次, 单项) is the one above; 34: names listed under the heading that says what they are (授予…称号, …名单) open with it; 33: a column of points added or taken (加分, 扣分, 基础分) is in 分; 32: a plain-text table ruled off under its header is read as one; a speech's title over its subtitle, speaker and date stays its title; 31: a Word table with a numbered caption above takes it, not the next table's below it (丰南's 表1/表2); a column of units headed 备注 is one (迁安), a PDF row may end in it, and a label with digits (12355咨询) is no figure; 30: a Markdown list item under a heading naming one unit ("### 第1名 迁安市") opens with the heading; 29: a caption listing several units (单位:名、个、万小时) gives none to the cells, and a unit line under a table's caption keeps the caption; a merged header's unit goes to the columns under it; a count in brackets is no unit (其他乡镇(9个)); a table of people reads each row as unit, post and name, then what they won; 28: a leading column of groups (学科类别 merged down over its 学院) leaves the row named by the next column, the group opening the row (its 小计 named by it); 27: a column headed 单位 is a column of units only when its cells are units (not 蜀山区); 26: a PDF's running header or footer is kept only where it first stands; 25: a portal's sidebar (id/class side…, related…) and a block under a 相关新闻/推荐阅读 heading are not the article, summaries included; 24: a rank column headed 全市排名 (or 综合排名) names its row by the next column; 23: a report's 落款 date line under its prose is a paragraph; 22: a table led by a column of ranks is named by its next column (吉首市排名1;吉首市…); 21: a header unit with a note after it, (名,截至6月底); 20: a table header merged over columns that names only a year is kept over them; 19: a document number alone over the title is no title; 18: a portal's footer lines naming its owner and ICP number are read wherever they stand,
# a plain-text table lined up with spaces is read as rows with headers; 17: a speech's subtitle "——2025年1月16日在…会议上" is its date; 2: table rows carry their headers; 3: a notice's subject under its issuer and number is its title;
# 4: not the rule under the number (a line of dashes); 5: a slogan title takes its subtitle, a site name is no title;
# 6: a PDF's tables read back from its cell lines; 7: years in Chinese numerals as digits, an issuer over its subject
# titles a report, a portal article's source, editor, time and views kept as its last paragraph; 8: a portal's
# title is the article's heading the <title> repeats, not the logo's <h1>; 9: a table's 序号 column names no row;
# 10: a 单位 column's unit goes with its row's figures, a PDF table's rows may hold a unit cell before the figures;
# 11: a PDF table whose rows a 序号 column numbers is read without it; 12: a portal page's site (name, owner, ICP
# number) kept as a paragraph after its article's; 13: a PDF table's cell lines may have blank lines between them;
# 14: a PDF table's header cells wrapped onto two lines are joined, a table's last cell at a page's foot is no page number;
# 15: a Markdown table's cells without their emphasis marks (**全校合计**)
# 16: a table header of two rows (a cell merged across columns over their own labels) read as one, a score column's
# figures in 分, a speech's date from "(2024年1月18日在…全体会议上)", a PDF line ending in a closing quote runs on
# unless a sentence ended inside it ("开展“青春暖冬”" / "行动,为…": 6 paragraphs of 5 practice PDFs were split)


class LoadError(Exception):
    """A file that cannot be ingested; str(err) is the one-line reason."""


class Limits(NamedTuple):
    """Per-file bounds (Settings.max_*): a file past one is refused before the costly step it would cost."""

    docx_xml_bytes: int = Settings.max_docx_xml_mb * 2**20
    lines: int = Settings.max_lines
    pdf_pages: int = Settings.max_pdf_pages

    @classmethod
    def of(cls, settings: Settings) -> Limits:
        return cls(settings.max_docx_xml_mb * 2**20, settings.max_lines, settings.max_pdf_pages)


class Loaded(NamedTuple):
    lines: list[str]
    title_hint: str  # "" unless the format carries a title (HTML <h1>/<title>)
    digest: str  # content hash of the bytes, for "unchanged" detection


def load_file(path: Path, max_bytes: int, limits: Limits = Limits()) -> Loaded:
    data = _read(path, max_bytes)
    lines, hint = _extract(path, data, limits)
    _check_lines(path.name, len(lines), limits.lines)
    longest = max((len(line) for line in lines), default=0)
    if longest > MAX_LINE_CHARS:  # a report paragraph is hundreds of characters, not megabytes
        raise LoadError(msg.LINE_TOO_LONG.format(chars=longest, limit=MAX_LINE_CHARS))
    return Loaded(lines, hint, hashlib.sha256(PIPELINE_VERSION.encode() + data).hexdigest()[:16])


def _read(path: Path, max_bytes: int) -> bytes:
    suffix = path.suffix.lower()
    if suffix not in SUPPORTED:
        raise LoadError(msg.UNSUPPORTED.format(suffix=suffix or msg.NO_SUFFIX, supported=" ".join(SUPPORTED)))
    try:
        size = path.stat().st_size
        if size > max_bytes:
            raise LoadError(msg.TOO_BIG.format(mb=size / 2**20, limit=max_bytes / 2**20))
        if size == 0:
            raise LoadError(msg.EMPTY_FILE)
        return path.read_bytes()
    except FileNotFoundError:
        raise LoadError(msg.DISAPPEARED) from None
    except IsADirectoryError:
        raise LoadError(msg.IS_DIRECTORY) from None
    except PermissionError:
        raise LoadError(msg.NO_PERMISSION) from None


def _extract(path: Path, data: bytes, limits: Limits) -> tuple[list[str], str]:
    lines, hint = _extract_lines(path, data, limits)
    return records.field_tables(lines), hint


def _extract_lines(path: Path, data: bytes, limits: Limits) -> tuple[list[str], str]:
    suffix = path.suffix.lower()
    if suffix == ".docx":
        from .word import (
            docx_lines,  # here, as the other readers: they raise this module's LoadError
        )

        return docx_lines(data, path.name, limits.docx_xml_bytes), ""
    if suffix == ".pdf":
        from .pdf import pdf_lines  # here: pdf.py raises this module's LoadError

        return pdf_lines(data, path.name, limits.pdf_pages), ""
    if suffix == ".xlsx":
        from .xlsx import xlsx_lines

        check_zip(data, path.name, limits.docx_xml_bytes, msg.NOT_XLSX)  # a zip of XML, as a .docx: bounded alike
        return xlsx_lines(data, path.name), ""
    if suffix == ".pptx":
        from .pptx import pptx_lines

        check_zip(data, path.name, limits.docx_xml_bytes, msg.NOT_PPTX)
        return pptx_lines(data, path.name), ""
    text = decode(data)
    if suffix in (".html", ".htm"):
        from .html import html_lines

        return html_lines(text)
    _check_lines(path.name, text.count("\n") + 1, limits.lines)  # before splitting or joining them
    if suffix in (".md", ".markdown"):
        return markdown_lines(text), ""
    if suffix == ".csv":
        text = table_grids.csv_records(text)
    return text_lines(text), ""


_RULE = re.compile(r"[-=_—─━*·]{5,}")


_BANNER = re.compile(r"[-=_—─━*·]{5,}\s*[^-=_—─━*·]{0,12}\s*[-=_—─━*·]{5,}")  # "==== 邮件导出 ====", "---- 原始邮件 ----"
_QUOTED = re.compile(r"^(?:[ \t]*>)+[ \t]?")  # an e-mail's quoted lines, at any depth


def text_lines(text: str) -> list[str]:
    """A plain-text report's lines; a table it lines up with spaces read as a Word table is (rows with headers). A rule
    line ("-----", under a header or around the table) or a banner between rules is no text, and an e-mail's quote
    marks ("> ") are none of the words quoted."""
    unquoted = (_QUOTED.sub("", line) for line in text.splitlines())
    raw_lines = [line for line in unquoted if not _RULE.fullmatch(line.strip()) and not _BANNER.fullmatch(line.strip())]
    if subtitles.is_subtitles(raw_lines):
        return subtitles.subtitle_lines(raw_lines)
    raw_lines = tree_lines(raw_lines)  # an organisation chart drawn ├─ │ └─: a line per branch, led by its parent
    lines, i = [], 0
    while i < len(raw_lines):
        if grid := table_grids.text_grid(raw_lines, i) or table_grids.pipe_grid(raw_lines, i) \
                or table_grids.csv_grid(raw_lines, i):
            lines += tables.lines_of(grid, [line for line in lines if line.strip()][-2:])  # its caption above
            i += len(grid)
            continue
        lines.append(raw_lines[i])
        i += 1
    return lines


def _check_lines(name: str, lines: int, limit: int) -> None:
    if lines > limit:  # 40,000 one-line paragraphs were 107 s of embedding
        raise LoadError(msg.TOO_MANY_LINES.format(name=name, lines=lines, limit=limit))


def decode(data: bytes) -> str:
    """UTF-8 (with or without BOM), else GB18030, the superset of GBK that government pages use."""
    for bom, encoding in ((b"\xff\xfe", "utf-16-le"), (b"\xfe\xff", "utf-16-be")):
        if data.startswith(bom):  # Windows Notepad's "Unicode"; random bytes can start like this too
            try:
                text = data[2:].decode(encoding)
            except UnicodeDecodeError:
                break
            if _looks_like_text(text):
                return text
            break
    if b"\x00" in data[:8192]:
        raise LoadError(msg.BINARY_NUL)
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        if _looks_like_text(text):
            return text
        raise LoadError(msg.BINARY_CONTROL.format(encoding=encoding))
    raise LoadError(msg.UNDECODABLE)


def _looks_like_text(text: str) -> bool:
    sample = text[:20000]
    bad = sum(1 for ch in sample if (ord(ch) < 32 and ch not in "\r\n\t\f")
              or unicodedata.category(ch) in ("Cn", "Co", "Cs"))  # unassigned, private use, surrogates
    return bad <= len(sample) * 0.01


def check_zip(data: bytes, name: str, xml_limit: int, not_zip: str = msg.NOT_DOCX) -> None:
    """Refuse a package whose XML (parsed by python-docx or openpyxl) or whole content inflates past its bound, by
    the sizes it declares first, then (a zip can lie) by inflating it in pieces, stopping once over."""
    mb = xml_limit / 2**20
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            xml = [i for i in archive.infolist() if i.filename.lower().endswith(_XML_PARTS)]
            declared = sum(info.file_size for info in xml)
            if declared > xml_limit:
                raise LoadError(msg.DOCX_XML_DECLARED.format(name=name, mb=declared / 2**20, limit=mb))
            if _inflated(archive, xml, xml_limit) > xml_limit:
                raise LoadError(msg.DOCX_XML_INFLATED.format(name=name, mb=declared / 2**20, limit=mb))
            others, limit = [i for i in archive.infolist() if i not in xml], _MAX_DOCX_UNCOMPRESSED
            if sum(i.file_size for i in others) > limit or _inflated(archive, others, limit) > limit:
                raise LoadError(msg.DOCX_TOO_BIG.format(name=name, limit=limit // 2**20))
    except (zipfile.BadZipFile, OSError, EOFError, zlib.error, NotImplementedError):
        raise LoadError(not_zip) from None


def _inflated(archive: zipfile.ZipFile, members, limit: int) -> int:
    """Real uncompressed bytes of members, read in bounded pieces and given up past the limit."""
    total = 0
    for info in members:
        with archive.open(info) as member:
            while total <= limit and (piece := member.read(1 << 20)):
                total += len(piece)
    return total
