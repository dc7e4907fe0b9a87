"""A web page's article lines: the page's own furniture (navigation, sidebars, footers) dropped, its site's owner and
ICP number kept after the article, its tables read with their headers (ingest/tables.py)."""
from __future__ import annotations

import re

from . import messages as msg
from . import table_grids, tables
from .html_divgrid import div_tables
from .html_echarts import echarts_tables
from .html_svg import charts_as_tables
from .load import LoadError

_CODE_TAGS = ("script", "style")  # never text: dropped before a portal's site lines are read
_DROP_TAGS = ("nav", "header", "footer", "aside", "form", "noscript",
              "iframe", "select", "button", "input", "template", "svg")
_BLOCK_TAGS = {"p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "td", "th", "blockquote", "pre",
               "dd", "dt", "figcaption", "caption", "summary"}

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
    echarts_tables(root)  # a chart a <script> draws (ECharts): its figures, before the scripts go
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
                        r"(?:$|[\s_-])", re.IGNORECASE)
_SIDE_HEADING = re.compile(r"(?:相关|推荐|延伸|热点|热门|最新|图片|往期|精彩)(?:新闻|阅读|文章|链接|资讯|专题|推荐|回顾)|"
                           r"(?:新闻|点击|阅读)排行|猜你喜欢|上一篇|下一篇")


def _drop_side_blocks(root) -> None:
    """A side column or a block of other articles goes, unless it holds half the page's text: then it holds the
    article (a layout class "with-sidebar" on the content's wrapper)."""
    size = lambda e: len("".join(e.text_content().split()))
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
