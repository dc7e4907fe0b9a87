"""Files in, raw article lines out: format detection, decoding, HTML/Word/PDF extraction.

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

from . import messages as msg
from . import subtitles
from .html_divgrid import div_tables
from .html_svg import charts_as_tables
from . import md_fences, records, table_grids, tables
from .settings import Settings

SUPPORTED = (".txt", ".md", ".markdown", ".html", ".htm", ".docx", ".pdf", ".xlsx", ".pptx", ".csv")
_CODE_TAGS = ("script", "style")  # never text: dropped before a portal's site lines are read
_DROP_TAGS = ("nav", "header", "footer", "aside", "form", "noscript",
              "iframe", "select", "button", "input", "template", "svg")
_BLOCK_TAGS = {"p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "td", "th", "blockquote", "pre",
               "dd", "dt", "figcaption", "caption", "summary"}
_MAX_DOCX_UNCOMPRESSED = 200 * 1024 * 1024  # all parts of a .docx (images too); its XML has a lower bound
_XML_PARTS = (".xml", ".rels")  # what python-docx parses into a tree, at ~11x its size in memory
MAX_LINE_CHARS = 100_000


# Part of every content hash: a change to cleaning or chunking re-indexes files that look unchanged.
PIPELINE_VERSION = "55"  # 55: joint issuers over a document number leave the subject the title; a PDF issuer's line is no wrap of the title above; a table laid out with <div>s (CSS grid rows of cells) read as a table; a Markdown text bar chart (文化街道 ████ 24) a line per bar, its scale line's unit; a deck's and a PDF's review comments (批注) read; Excel's text guard (="TM2026-001") no part of a CSV cell; a byline of organisation, post and name no title; a document number over its issuer and subject titled by both; 汇总日期 and an issuer's dotted date (2026.10.12) date a report; 54: two pages of tables naming the same rows are no forms; a PDF table's numbered rows run from one 序号 to the next (an empty 备注, check marks); a classification mark atop each page is no title; a CSV cell's line breaks are no rows; a subtitle script (SRT) reads as running text; a deck's figure card is one line and its presenter no title; a Markdown rule of one hyphen a cell; a table of a figure a row reads as a report says it; a reviewer's credit line goes with the article's information; 53: an inline SVG chart in a web page read as its table; a table's rows keyed by a column several rows share (a 台账's county) named by their name cell too; a pivot table's fuller second header row is its header; 52: PowerPoint decks (.pptx: slides, tables, charts, notes) and .csv files read; a Word chart read as its table; 51: a Traditional Chinese line is read in simplified characters (ingest/script.py); 50: a line of several label:value fields (填表人:杨柏霖 审核:陈嘉豪 …) has a clause per field; 49: a table row led by a code or a day (SX25-08, 7月16日(星期三)) is named by its name cell too in every clause; an HTML <summary> (a folded Q&A's question) is a block; Word content controls (w:sdt) and smart tags read; a form's field (填报日期:…) is no table's caption; a PDF line opening a numbered heading starts a block; a PDF table's header cell wrapped onto two lines is one, and a serial table's 合计 row of figures only is read; a header's bracket naming the column again (社区(村)) is no unit; a 其中 row names the row above it; an .xlsx hidden sheet the visible ones name is read; a Markdown fenced block keeps its lines and a mermaid Gantt block reads a sentence per task; a 公众号 byline and a form's 填报日期 or a contract's 签订日期 date the report; 48: a CSV export saved as text is a table; an e-mail thread is titled by its subject and dated by its newest message, its quote marks and banner rules dropped; a Word draft reads with its tracked changes accepted, a line per change and per comment; an .xlsx percentage cell reads as a percentage; 编制单位 names no unit; 导出时间 dates an export; 47: a PDF form's field that every page fills alike (团市委审核意见) stays on each page; 46: an .xlsx with several sheets of tables leads each table's caption with its sheet's name (a sheet per county), a cell's comment (批注) is a line after its sheet; a Markdown cell's <br> lists its items (、); a 合计 row written in a 序号 column keeps its name; a table inside a Word table's cell is read as a table of its own after it; a PDF of one form per page (its labels on lines over their values, on every page) reads as one record per page; an exported chat's message heads (2024-09-25 08:56 杜若溪) open their messages and its header lines stay; 45: 部 is no unit cell (其他学院(部) had read as one); 44: .xlsx workbooks read (ingest/xlsx.py); a Word document's footnotes and endnotes after what refers to them; numbered records with bracketed fields (1．何振邦〔男；…；推荐单位：…〕) are table rows; 43: a table's 计量单位 column beside a 备注 column of notes gives the row's figures their unit (统计公报), 间/处/册/本 are units; 42: a subject title "关于…的公示" of up to 80 characters is a title; 41: a Word list's numbers (numbering.xml) open its paragraphs, a text box's paragraphs follow its anchor; a Markdown front matter's fields are lines; records of field lines (姓　　名：…) are table rows; 40: a PDF table's column of text after its figures (备注) read, left empty or not, and a table continued over a page break (表1(续)) runs on; a page header over the page number is no title; a figure with its signed change in brackets, 418(+32); a meeting's 时间 line beside its 地点 is kept and dates its 纪要; a strip of figures between bars is a clause a figure; 39: a date and a venue under a speech's speaker stay a paragraph (2025年2月26日 哈尔滨音乐厅); 38: a Markdown task's box said in words ([已完成]/[未完成]); an item's 完成时间:/会议时间: is no portal meta line; a definition list's term and description one line (站点数量:14个); a PDF table whose header cells and row labels are each a Chinese line over an English one; a figure with its share in brackets, 1952(8.7%), two columns; a 分值 column in 分; a table's unit in the sentence introducing it (见表1(单位:%)); a speech's title over a transcript note; 37: an infographic's figure and label in two blocks of their own are one line (数说: 0.92万 / 名青年志愿者在册); 36: a meeting's 主办单位/承办单位 line stays in a report with no portal furniture; circled footnote marks (①) stay marks; a tab-separated table, month columns as its headers; 35: an issuer over a 纪要 or 简报 title is its title's, an issuer with a date under a title dates the report; a Markdown table's blank cell in its first column or a column of grades or groups (等次, 单项) is the one above; 34: names listed under the heading that says what they are (授予…称号, …名单) open with it; 33: a column of points added or taken (加分, 扣分, 基础分) is in 分; 32: a plain-text table ruled off under its header is read as one; a speech's title over its subtitle, speaker and date stays its title; 31: a Word table with a numbered caption above takes it, not the next table's below it (丰南's 表1/表2); a column of units headed 备注 is one (迁安), a PDF row may end in it, and a label with digits (12355咨询) is no figure; 30: a Markdown list item under a heading naming one unit ("### 第1名 迁安市") opens with the heading; 29: a caption listing several units (单位:名、个、万小时) gives none to the cells, and a unit line under a table's caption keeps the caption; a merged header's unit goes to the columns under it; a count in brackets is no unit (其他乡镇(9个)); a table of people reads each row as unit, post and name, then what they won; 28: a leading column of groups (学科类别 merged down over its 学院) leaves the row named by the next column, the group opening the row (its 小计 named by it); 27: a column headed 单位 is a column of units only when its cells are units (not 蜀山区); 26: a PDF's running header or footer is kept only where it first stands; 25: a portal's sidebar (id/class side…, related…) and a block under a 相关新闻/推荐阅读 heading are not the article, summaries included; 24: a rank column headed 全市排名 (or 综合排名) names its row by the next column; 23: a report's 落款 date line under its prose is a paragraph; 22: a table led by a column of ranks is named by its next column (吉首市排名1;吉首市…); 21: a header unit with a note after it, (名,截至6月底); 20: a table header merged over columns that names only a year is kept over them; 19: a document number alone over the title is no title; 18: a portal's footer lines naming its owner and ICP number are read wherever they stand,
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
    def of(cls, settings: Settings) -> "Limits":
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
        return _docx_lines(data, path.name, limits.docx_xml_bytes), ""
    if suffix == ".pdf":
        from .pdf import pdf_lines  # here: pdf.py raises this module's LoadError

        return pdf_lines(data, path.name, limits.pdf_pages), ""
    if suffix == ".xlsx":
        from .xlsx import xlsx_lines

        _check_zip(data, path.name, limits.docx_xml_bytes, msg.NOT_XLSX)  # a zip of XML, as a .docx: bounded alike
        return xlsx_lines(data, path.name), ""
    if suffix == ".pptx":
        from .pptx import pptx_lines

        _check_zip(data, path.name, limits.docx_xml_bytes, msg.NOT_PPTX)
        return pptx_lines(data, path.name), ""
    text = decode(data)
    if suffix in (".html", ".htm"):
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


def html_lines(text: str) -> tuple[list[str], str]:
    import lxml.html
    from lxml import etree

    # lxml refuses str input that declares an encoding; XHTML pages start with one. The text is decoded already.
    text = re.sub(r"^\s*<\?xml[^>]*\?>", "", text, count=1)
    try:
        root = lxml.html.document_fromstring(text)
    except (etree.ParserError, ValueError):
        raise LoadError(msg.BAD_HTML) from None
    title = " ".join(root.xpath("string(//title)").split())
    for element in root.xpath("//" + " | //".join(_CODE_TAGS)):
        element.drop_tree()
    site = _site_lines(root)  # before the page's header and footer go: staff ask who runs the site, its ICP number
    charts_as_tables(root)  # an inline <svg> chart's bars: a table, not an icon to drop
    div_tables(root)  # a table laid out with <div>s: its rows, not a paragraph per cell
    for element in root.xpath("//" + " | //".join(_DROP_TAGS)):
        element.drop_tree()
    _drop_side_blocks(root)
    body = _article_root(root)
    lines: list[str] = []
    grids = {t: table_grids.html_grid(t) for t in body.iter("table") if not t.xpath(".//table")}
    grids = {t: g for t, g in grids.items() if tables.is_data_table(g) or tables.label_pairs(g)}  # 索引号:…
    inside = {e for t in grids for e in t.iterdescendants()}
    for element in body.iter():
        if element in grids:
            caption = " ".join(element.xpath("string(caption)").split())
            lines.extend([caption] if caption else [])  # a paragraph, as a Word table's caption is
            lines.extend(tables.lines_of(grids[element], lines, caption))
        if element not in inside and (pair := _figure_pair(element)):
            lines.append(pair)
            inside.update(element.iterdescendants())
            continue
        if element not in inside and element.tag == "dt" and (term := _term_line(element, inside)):
            lines.append(term)
            continue
        if element in inside or not isinstance(element.tag, str) or _has_block_child(element) \
                or not (element.tag in _BLOCK_TAGS or _text_div(element)):
            continue
        line = " ".join(element.text_content().split())
        if line and not _link_list(element, line):
            lines.append(line)
    if not lines:  # pages without block markup: fall back to the visible text
        lines = body.text_content().splitlines()
    lines.extend(line for line in site if line not in lines)  # after the article: clean.py keeps them as its site
    return lines, _page_title(root, title)


_SITE_LINE = re.compile(r"ICP[备证]|公网安备|版权所有\s*[:\uff1a]|(?:主办|承办|技术支持)(?:单位)?\s*[:\uff1a]|网站标识码")


# A portal's column beside the article, by its id or class (div.sidebar, div#side, ul.related-news, div.xgxw), and the
# heading of a block of other articles: their one-line summaries carry other places' and years' figures.
_SIDE_NAME = re.compile(r"(?:^|[\s_-])(?:side|sidebar|sidebox|aside|related|relate|recommend|xgxw|xgwz|tuijian|hotnews)"
                        r"(?:$|[\s_-])", re.I)
_SIDE_HEADING = re.compile(r"(?:相关|推荐|延伸|热点|热门|最新|图片|往期|精彩)(?:新闻|阅读|文章|链接|资讯|专题|推荐|回顾)|"
                           r"(?:新闻|点击|阅读)排行|猜你喜欢|上一篇|下一篇")


def _drop_side_blocks(root) -> None:
    """A side column or a block of other articles goes, unless it holds half the page's text: then it holds the
    article (a layout class "with-sidebar" on the content's wrapper)."""
    size = lambda e: len("".join(e.text_content().split()))  # noqa: E731
    page = size(root) or 1
    for element in list(root.iter()):
        if not isinstance(element.tag, str) or element.getparent() is None or element.tag in ("body", "html"):
            continue
        if _SIDE_NAME.search(f"{element.get('id', '')} {element.get('class', '')}") and size(element) < page / 2:
            element.drop_tree()
    for heading in list(root.iter("h2", "h3", "h4", "h5", "h6", "dt")):
        if heading.getparent() is not None and _SIDE_HEADING.fullmatch(" ".join(heading.text_content().split())):
            block = [heading, *heading.itersiblings()]  # the heading and the list under it
            if sum(map(size, block)) < page / 2:
                for element in block:
                    element.drop_tree()


def _site_lines(root) -> list[str]:
    """A portal's footer lines naming the site's owner, organiser and record numbers, wherever the page puts them
    (a <footer>, a div.footer outside the article's container)."""
    lines = []
    for element in root.iter(*_BLOCK_TAGS, "div", "span"):
        if _has_block_child(element) or (element.tag == "div" and not _text_div(element)):
            continue
        line = " ".join(element.text_content().split())
        if len(line) <= 200 and _SITE_LINE.search(line):
            lines.append(line)
    return list(dict.fromkeys(lines))


def _page_title(root, title: str) -> str:
    """The article's heading: the longest one the page's <title> repeats ("向海而兴…综述_湛江青年网", not the logo's
    <h1> 湛江青年网), else the first <h1>, else the <title>'s own part."""
    headings = [t for h in root.iter("h1", "h2", "h3") if len(t := " ".join(h.text_content().split())) >= 2]
    confirmed = [h for h in headings if h in title]
    h1 = " ".join(root.xpath("string(//h1)").split())
    return max(confirmed, key=len) if confirmed else h1 or title.split("_")[0].split("|")[0].strip()


def _article_root(root):
    for query in ("//article", "//main", "//*[@id='zoom']", "//body"):
        found = root.xpath(query)
        if found:
            return _with_header(max(found, key=lambda e: len(e.text_content())))
    return root


HEADER_CHARS = 300  # a container adding more text than this holds more than the article's title and meta line


def _with_header(body):
    """The content's container when it adds only the article's header: a portal's #zoom holds the text, and its
    title and meta line (发布时间/来源/作者: the article's date) stand just above it."""
    parent = body.getparent()
    if parent is None or parent.tag in ("body", "html"):
        return body
    extra = len(" ".join(parent.text_content().split())) - len(" ".join(body.text_content().split()))
    return parent if extra <= HEADER_CHARS else body


def _text_div(element) -> bool:
    """A <div> holding only text and inline markup: a portal's meta line (发布时间/来源/作者) is one, and it dates
    the article."""
    return element.tag == "div" and not any(isinstance(c.tag, str) and c.tag == "div" for c in element.iterdescendants())


def _figure_pair(element) -> str:
    """An infographic's item ("数说": <div class="num">0.92万</div><div class="txt">名青年志愿者在册</div>): a figure and
    its label in two blocks of their own, read as one line ("0.92万名青年志愿者在册"), or ""."""
    children = [c for c in element if isinstance(c.tag, str)]
    if len(children) != 2 or any(c.tag not in _BLOCK_TAGS and not _text_div(c) or _has_block_child(c) for c in children):
        return ""
    first, second = (" ".join(c.text_content().split()) for c in children)
    if not first or not second or len(first) > 12 or not table_grids.is_number(tables.norm(first)):
        return ""
    return first + ("" if re.match(r"[\u4e00-\u9fff“(（]", second) and not second[0].isdigit() else " ") + second


def _term_line(dt, inside: set) -> str:
    """A definition list's term and its descriptions as one line ("站点数量:14个"): apart, the figure had no label.
    The <dd>s read go into `inside`; "" when the term has none."""
    values = []
    for sibling in dt.itersiblings():
        if not isinstance(sibling.tag, str) or sibling.tag != "dd":
            break
        values.append(" ".join(sibling.text_content().split()))
        inside.update([sibling, *sibling.iterdescendants()])
    term = " ".join(dt.text_content().split())
    return f"{term}:{'、'.join(v for v in values if v)}" if term and any(values) else ""


def _has_block_child(element) -> bool:
    return any(isinstance(child.tag, str) and child.tag in _BLOCK_TAGS for child in element.iterdescendants())


def _link_list(element, line: str) -> bool:
    """Navigation-like blocks: most of their text is link text (related articles, font-size toggles)."""
    link_text = sum(len(" ".join(a.text_content().split())) for a in element.iter("a"))
    return link_text >= 0.5 * len(line)


# A task list's box: "- [x] 青马班开班" is done, "- [ ]" open; said in words, the mark alone says nothing to a reader.
_TASK = re.compile(r"^\[([ xX])\]\s*")
_MD_MARK = re.compile(r"^\s*(#{1,6}\s+|[-*+]\s+|\d+[.)]\s+|>\s*)")


# A heading that is one unit's name, with its rank before it: "第1名 迁安市", "路南区", "(三)丰南区"
_UNIT_HEADING = re.compile(r"(?:第[\d一二三四五六七八九十]{1,3}名\s*|[((][一二三四五六七八九十]{1,3}[))]\s*)?"
                           r"[\u4e00-\u9fff]{2,12}(?:区|县|市|镇|乡|街道|学院|旗|州|盟)")


def markdown_lines(text: str) -> list[str]:
    """One line per heading, list item or paragraph; soft-wrapped paragraph lines are joined; a pipe table's rows
    carry their headers (ingest/tables.py), as a Word table's do."""
    lines, raw_lines = _front_matter(text.splitlines())
    joinable = False
    body = ""  # a heading naming one unit ("### 第1名 迁安市"): the list items under it are its figures
    i = 0
    while i < len(raw_lines):
        if grid := table_grids.markdown_grid(raw_lines, i):
            lines += tables.lines_of(grid, [line.removeprefix("# ") for line in lines[-2:]])  # a heading: its text
            i += len(grid) + 1  # the header, its rule and the rows
            joinable = False
            continue
        if block := md_fences.fenced(raw_lines, i):
            lines += block[0]
            i += block[1]
            joinable = False
            continue
        stripped = raw_lines[i].strip()
        i += 1
        if not stripped:
            joinable = False
            continue
        marker = _MD_MARK.match(stripped)
        content = table_grids.strip_inline_md(stripped[marker.end():] if marker else stripped)
        content = _TASK.sub(lambda m: "[未完成]" if m.group(1) == " " else "[已完成]", content)
        if marker and marker.group(1).startswith("#"):
            body = content if len(marker.group(1).strip()) >= 2 and _UNIT_HEADING.fullmatch(content) else ""
            content = "# " + content  # keeps the heading recognisable as a title candidate
        elif body and marker and marker.group(1).strip() in "-*+":
            content = f"{body}:{content}"  # "- 综合得分95.8分…" names no unit: its heading's, as a table row would
        if joinable and not marker:
            lines[-1] += content
        else:
            lines.append(content)
        joinable = not marker
    return records.as_tables(lines)


_FRONT_FIELD = re.compile(r"([^:：\s][^:：]{0,15})\s*[:：]\s*(.*)")


def _front_matter(raw_lines: list[str]) -> tuple[list[str], list[str]]:
    """A YAML front matter's fields (文号, 会议时间, 主持人 …) as lines of their own, its title as a heading; then the
    lines after it. It had been joined into one line that began with "---" and was dropped as the title."""
    if not raw_lines or raw_lines[0].strip() != "---":
        return [], raw_lines
    end = next((i for i, line in enumerate(raw_lines[1:40], 1) if line.strip() in ("---", "...")), None)
    fields = [_FRONT_FIELD.fullmatch(line.strip()) for line in raw_lines[1:end or 1] if line.strip()]
    if end is None or not fields or not all(fields):
        return [], raw_lines
    return [f"# {value.strip()}" if key.strip().lower() == "title" else f"{key.strip()}:{value.strip()}"
            for key, value in (f.groups() for f in fields) if value.strip()], raw_lines[end + 1:]


def _docx_lines(data: bytes, name: str = "", xml_limit: int = Limits().docx_xml_bytes) -> list[str]:
    _check_zip(data, name, xml_limit)
    try:
        import docx
    except ImportError:
        raise LoadError(msg.NEEDS_DOCX) from None
    try:
        document = docx.Document(io.BytesIO(data))
    except Exception:  # python-docx raises many kinds for broken packages; their text means nothing to staff
        raise LoadError(msg.BAD_DOCX) from None
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    from .docx_text import Comments, Notes, Numbering, paragraph_lines, unwrap_controls

    unwrap_controls(document.element.body)
    lines: list[str] = []
    body, numbering, notes = list(document.element.body.iterchildren()), Numbering(document), Notes(document)
    comments = Comments(document)
    for i, element in enumerate(body):  # tables where they stand, between paragraphs
        if element.tag.endswith("}p"):
            lines.extend(paragraph_lines(element, document, numbering))
            lines.extend(_chart_lines(element, document, lines))
        elif element.tag.endswith("}tbl"):  # Word puts a caption ("表1 …") below its table as often as above
            below = Paragraph(body[i + 1], document).text if body[i + 1:] and body[i + 1].tag.endswith("}p") else ""
            above = next((line for line in reversed(lines) if line.strip()), "")
            # a numbered caption above is this table's; the one below is then the next table's (丰南's 表1, 表2)
            caption = "" if tables.numbered(above) else tables.numbered(below)
            table = Table(element, document)
            lines.extend(tables.lines_of(table_grids.docx_grid(table), lines, caption))
            lines.extend(_nested_lines(table, lines))
        lines.extend(notes.after(element))
        lines.extend(comments.after(element))
    return lines


def _chart_lines(element, document, before: list[str]) -> list[str]:
    """The charts a paragraph anchors (an embedded Word chart keeps its figures only in its chart part)."""
    from .charts import CHART, R_ID, chart_lines

    found = []
    for chart in element.iter(CHART):
        part = document.part.related_parts.get(chart.get(R_ID))
        if part is not None:
            found.extend(chart_lines(part.blob, before + found))
    return found


def _nested_lines(table, before: list[str]) -> list[str]:
    """Tables inside a table's cells (a cell's text leaves them out), each read as a table of its own after the
    outer one, its caption the outer cell's row and column: "表2…,青年驿站完成情况" over "洛龙区 | 4 | 11"."""
    from docx.oxml.ns import qn
    from docx.table import Table

    lines, seen, rows = [], set(), table.rows
    head = [cell.text.strip() for cell in rows[0].cells] if rows else []
    for row in rows:
        for j, cell in enumerate(row.cells):
            if cell._tc in seen:
                continue
            seen.add(cell._tc)
            for inner in cell._tc.iterchildren(qn("w:tbl")):
                label = next((t for c in row.cells if (t := c.text.strip()) and not t.isdigit()), "")  # not its 序号
                caption = label + (head[j] if j < len(head) and row is not rows[0] else "")
                lines.extend(tables.lines_of(table_grids.docx_grid(Table(inner, cell)), before + lines, caption))
    return lines


def _check_zip(data: bytes, name: str, xml_limit: int, not_zip: str = msg.NOT_DOCX) -> None:
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
