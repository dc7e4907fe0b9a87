"""Raw lines to a Document: portal boilerplate out, title and date into metadata.

Portal pages put the article between a header (banner, breadcrumb, column name), a meta
line (更新时间/来源/点击数) and a footer (上一篇/下一篇, copyright, ICP). The title is the line
right before the meta line; everything above it is header.
"""
from __future__ import annotations

import hashlib
import re
from pathlib import Path

from .schema import Document
from .script import fold as fold_script
from .tables import fold
from .title import AT_MEETING, DAY, META, OWNER_LINE, RECEIVED, find_title, is_boilerplate, is_meta

# What a portal page says of its article (kept as its last paragraph), not of the site (ICP, 主办, 版权).
# ... and a 信息公开 block's fields (索引号, 文号, 成文日期, 答复类别): staff ask a reply's 文号 and category
_ARTICLE_META = re.compile(r"(?:(?:更新|发布|成文)(?:时间|日期)|来源|信息来源|作者|责任编辑|编辑|审核|审校|校对|供稿|点击数|点击|阅读|"
                           r"访问量|浏览次数|浏览|"
                           r"索引号|主题分类|发布机构|文号|答复类别|有效性|公开方式|公开时限)\s*[::]")
_SITE = re.compile(r"ICP|公网安备|版权|Copyright|©|主办|承办|技术支持|网站标识码")
ARTICLE_INFO = "文章信息:"
SITE_INFO = "网站信息:"
_SITE_NAME = re.compile(r"[\u4e00-\u9fff]{2,12}(?:网|网站|门户网站|官网|官方网站)")  # the site's name, as its logo says
_SITE_OWNER = re.compile(r"ICP|主办|承办|网站标识码|版权所有\s*[::]|技术支持\s*[::]")
# "(2025年1月16日)" or "(2024年1月18日在共青团西宁市第十五届委员会第五次全体会议上)" under a speech's title
_DAY = r"(?:19|20)\d{2}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日\s*(?:[((]\s*(?:星期|周)[一二三四五六日天]\s*[))]\s*)?"  # its weekday too
# "(2024年1月18日在…会议上)", or a subtitle "——2025年1月16日在共青团…全体(扩大)会议上"
_DATE_LINE = re.compile(rf"[((]\s*{_DAY}(?:{AT_MEETING})?\s*[))]|(?:—{{1,2}}|-{{2}})\s*{_DAY}在.{{2,60}}?上(?:的(?:工作)?(?:报告|讲话))?")
_ISSUED_LINE = re.compile(r"(?:(?:(?:19|20)\d{2}年)?第\d+期(?:\(总第\d+期\))?\s+)?[\u4e00-\u9fff()]{2,24}(?:\s*编)?\s+(?:19|20)\d{2}\s*(?:年\s*\d{1,2}\s*月\s*\d{1,2}\s*日|"
                          r"\.\d{1,2}\.\d{1,2})(?:印发|发布|编)?")  # issuer, date (2026年10月12日, 2026.10.12)
_SIGN_OFF = re.compile(DAY + r"(?:印发|发布)?")
# A date and a venue, nothing else: "2025年2月26日 哈尔滨音乐厅" (not a time, a weekday or a portal's meta)
_EXPORTED = re.compile(r"(?:导出|生成|打印|制表|填报|统计|编制)(?:时间|日期)\s*[::]")
_DATED_PLACE = re.compile(r"(?:19|20)\d{2}年\d{1,2}月\d{1,2}日\s*[\u4e00-\u9fff]{2,20}(?:厅|馆|堂|中心|会场|礼堂|广场|大厦|宾馆|酒店|"
                          r"会议室|报告厅|体育场|学院|大学|学校)")
_THOUSANDS = re.compile(r"(?<=\d),(?=\d{3}(?!\d))")
_FILED = re.compile(r"(?:填报|填表|制表|编制|报送|签订|签署|汇总|导出)日期\s*[::]\s*(\S+)")
# A 公众号 article's byline: "原创 苏雨桐 珠海共青团 2025年08月29日 20:30 广东" (its IP 属地 last)
_BYLINE = re.compile(r".{0,30}?(?:19|20)\d{2}年\d{1,2}月\d{1,2}日\s*\d{1,2}:\d{2}\s*[\u4e00-\u9fff]{0,6}")


def clean_document(lines: list[str], source: Path, title_hint: str = "") -> Document:
    written = [_normalise(line) for line in lines]
    lines = [fold_script(line) for line in written if line]  # a Traditional Chinese report read as simplified
    changed = {folded: line for folded, line in zip(lines, filter(None, written)) if folded != line}
    title_hint = fold_script(title_hint)
    chat = sum(bool(_MESSAGE_HEAD.fullmatch(line)) for line in lines) >= MIN_MESSAGES
    # an exported chat: its first line names it; its header lines (群名称, 群主) and message heads are content
    subject = _mail_subject(lines)  # an exported e-mail thread: its first message's subject names it
    title, body_start, header = (lines[0], 1, []) if chat else (subject, 0, []) if subject else find_title(lines, _normalise(title_hint))
    head = last = ""  # a chat message's time and sender, opening its first line; the last one's date
    portal = any(not OWNER_LINE.search(line) and is_boilerplate(line) for line in lines)
    kept, dropped = [], list(header)
    date = filed = ""
    meeting = _meeting_lines(lines)
    for at, line in enumerate(lines[body_start:], start=body_start):
        heading = line.startswith("# ")
        text = line[2:].strip() if heading else line
        if chat and _MESSAGE_HEAD.fullmatch(text):
            head, last = " ".join(text.split()), parse_date(text)  # the chat is dated by its last message
            continue
        if head:
            text, head = f"{head}:{text}", ""
        if kept and _SIGN_OFF.fullmatch(text) and RECEIVED.fullmatch(kept[-1]):  # "收文 2026-018号 / 2026年3月2日":
            kept[-1] += " " + text  # the day a receiving office stamped its copy, asked; not the report's date
        elif _SIGN_OFF.fullmatch(text) and any("。" in k for k in kept):  # the 落款 date under a report's sentences,
            # kept as its paragraph: staff ask it and check it against the line (a portal's header has no sentence)
            kept.append(text)
            date = date or parse_date(text)
        elif not portal and _DATED_PLACE.fullmatch(text):  # "2025年2月26日 哈尔滨音乐厅" under a speech's speaker:
            kept.append(text)  # where it was given is asked ("在哪开的"); the date dates the report
            date = date or parse_date(text)
        elif (is_meta(text) and at not in meeting and not chat) or is_boilerplate(text, portal) \
                or (chat and META.match(text)):  # a chat's 导出时间
            dropped.append(text)
            date = date or parse_date(text)
        elif text != title:
            kept.append(_stat_strip(text))
            if at in meeting:  # the meeting's day dates its 纪要
                date = date or parse_date(text)
            if _DATE_LINE.fullmatch(text) or (len(kept) <= 2 and (_ISSUED_LINE.fullmatch(text) or _BYLINE.fullmatch(text))):  # a speech's date,
                date = date or parse_date(text)  # under its title and speaker; "中国矿业大学团委 2024年11月20日"
            elif len(kept) <= 4 and _EXPORTED.match(text):  # a system export's "导出时间:2025-07-08 09:31:27"
                date = date or parse_date(text)
            elif m := _FILED.search(text):  # a form's "填报日期:2026年1月12日", wherever it stands: when nothing else dates it
                filed = filed or parse_date(m.group(1))
    date = (_mail_date(lines) if subject else "") or date or (last if chat else "") or filed \
        or next((parse_date(h) for h in header if parse_date(h)), "") \
        or _date_from_name(source.name)
    kept = captioned_items(kept)
    about = [line for line in dropped if _ARTICLE_META.search(line) and not _SITE.search(line)]
    if about and kept:  # a portal article's source, author, editor, time and views: staff ask them; last, so that
        kept.append(ARTICLE_INFO + ";".join(dict.fromkeys(about)))  # no paragraph's number moves
    site = [item for line in dropped if _SITE_NAME.fullmatch(line) or _SITE_OWNER.search(line)
            for item in _site_items(line)]
    if about and site:  # the site that published it, its owner and record number ("哪个网站发的", 主办单位, ICP)
        kept.append(SITE_INFO + ";".join(dict.fromkeys(site)))
    body = "\n".join(kept)
    return Document(
        doc_id=doc_id_for(source),
        source=source.name,
        title=title or source.stem,
        date=date,
        paragraphs=tuple(kept),
        content_hash=hashlib.sha256(body.encode()).hexdigest()[:16],
        dropped=tuple(dropped),
        originals=tuple(_as_written(p, changed) for p in kept) if changed else (),
    )


def _as_written(paragraph: str, changed: dict[str, str]) -> str:
    """A paragraph as its report writes it, from the lines folded (ingest/script.py keeps each character's place):
    each line it holds put back, or the part of the line it is; "" when nothing of it was folded."""
    written = paragraph
    for folded, line in changed.items():
        if folded in written:
            written = written.replace(folded, line)
        elif written == paragraph and paragraph in folded:  # a line cut short (_stat_strip)
            at = folded.index(paragraph)
            return line[at:at + len(paragraph)]
    return written if written != paragraph else ""


def captioned_items(paragraphs: list[str]) -> list[str]:
    """A list of names under the heading that says what they are ("一、授予11个团委“襄阳市五四红旗团委”称号" over
    "宜城市鄢城街道团工委", …): each item opens with its heading, as a table row with its caption, so that the
    item answers "宜城获红旗团委的是哪个单位" (its words are the heading's)."""
    out, i = list(paragraphs), 0
    while i < len(out):
        j = i + 1
        if _ANNOUNCES_LIST.search(out[i]) and len(out[i]) <= 60 and not out[i].startswith("附"):  # 附件:…名单 (the
            # lists are elsewhere; under it stand the 落款 and its date)
            while j < len(out) and _NAME_ITEM.fullmatch(out[j]) and not parse_date(out[j]):
                j += 1
        if j - i - 1 >= MIN_LISTED:
            caption = _NUMBERED_HEAD.sub("", out[i])
            out[i + 1:j] = [f"{caption},{item}" for item in out[i + 1:j]]
            i = j
        else:
            if i + 1 < len(out) and _caption_of_figures(out[i], out[i + 1]):
                out[i + 1] = f"{out[i]},{out[i + 1]}"
            i += 1
    return out


_FIGURE_ITEM = re.compile(r"[\u4e00-\u9fff]{2,12}\d+(?:\.\d+)?[名个人家项所支]、")


def _caption_of_figures(line: str, below: str) -> bool:
    """A caption over one paragraph listing figures by name ("附件1:2025年西部计划志愿者名额分配(按推荐单位)" over
    "临沂大学21名、临沂职业学院6名、兰山区5名、…"): what the figures count is only in the caption, which the list
    then opens with, as a table row with its caption."""
    return len(line) <= 60 and not re.search(r"[。;;!?!?]", line) and bool(_FIGURE_ITEM.match(below)) \
        and len(_FIGURE_ITEM.findall(below)) >= 4 and not _FIGURE_ITEM.match(line + "、")

MIN_LISTED = 3  # items under a heading before they are read as its list
_ANNOUNCES_LIST = re.compile(r"(?:称号|名单|如下)[::]?$")
_NAME_ITEM = re.compile(r"(?![一二三四五六七八九十]+、|[((][一二三四五六七八九十]+[))]|第[一二三四五六七八九十]+)"
                        r"(?:\d{1,2}[.、.]\s*)?[^。,,;;::!?!?]{2,40}")
_NUMBERED_HEAD = re.compile(r"^[一二三四五六七八九十]+、\s*")


def _site_items(line: str) -> list[str]:
    """A footer line's items, a clause each ("主办单位:共青团鸡西市委员会", "ICP备案号:黑ICP备12003456号-1"): the answer
    finder reads clauses, and one line held the owner, the organiser and the record number side by side."""
    items = [item for item in re.split(r"\s{2,}|\u3000+|\s(?=[\u4e00-\u9fff]{2,6}[::])", line.strip()) if item]
    return [f"ICP备案号:{item}" if re.match(r"[\u4e00-\u9fff]?ICP备", item) else item for item in items]


def doc_id_for(source: Path) -> str:
    return hashlib.sha1(str(source.resolve()).encode()).hexdigest()[:16]


def _normalise(line: str) -> str:
    # A thousands separator ("18,640人次") goes first: once NFKC has made every "，" a ",", clause splitting
    # would read "640人次" as a figure of its own. Only an ASCII comma is one; "，" stays a clause break.
    line = _THOUSANDS.sub("", line)
    # NFKC turns full-width digits/letters/punctuation into ASCII; keep CJK punctuation readable.
    line = fold(line).replace("\u3000", " ")
    line = _CN_DATE.sub(_arabic_date, line)
    line = " ".join(line.split())
    # "填表人:杨柏霖 审核:陈嘉豪 填报日期:2026年1月12日": each field a clause of its own (answers are cut clause by
    # clause: the 审核 asked was read out of the whole line)
    return _FIELD_GAP.sub(";", line) if _FIELDS_LINE.fullmatch(line) else line


_FIELD = r"[\u4e00-\u9fff]{1,6}[::]\S+"
_FIELDS_LINE = re.compile(rf"{_FIELD}(?:\s+{_FIELD})+")
_FIELD_GAP = re.compile(r"\s+(?=[\u4e00-\u9fff]{1,6}[::])")


# "二〇二五年一月八日", "二〇二四年工作总结": years written in Chinese numerals read as the years every later stage
# knows (scope, periods, facts); the thousands separator above is likewise gone from the quoted text.
_CN_DIGIT = {c: str(i) for i, c in enumerate("〇一二三四五六七八九")} | {"零": "0", "○": "0", "O": "0"}
_CN_DATE = re.compile(r"([一二][〇零○O一二三四五六七八九]{3})年(?:([一二三四五六七八九十]{1,2})月(?:([一二三四五六七八九十]{1,3})[日号])?)?")


def _arabic_date(m: re.Match) -> str:
    from app.engine.numbers import chinese_to_int  # the year is read digit by digit instead: 一九九八 has no place word

    year = "".join(_CN_DIGIT[c] for c in m.group(1))
    if not 1900 <= int(year) <= 2099:
        return m.group()
    month, day = (chinese_to_int(g) or 0 if g else None for g in m.group(2, 3))  # 0: malformed ("二三月")
    out = f"{year}年"
    if month is not None and 1 <= month <= 12:
        out += f"{month}月"
        if day is not None and 1 <= day <= 31:
            out += f"{day}{m.group()[-1]}"
        elif day is not None:
            return m.group()
    elif month is not None:
        return m.group()
    return out


_MAIL_FIELD = re.compile(r"(发件人|收件人|抄\s*送|主\s*题|时\s*间|附\s*件)\s*[::]\s*(.*)")
_REPLY = re.compile(r"^(?:(?:回复|答复|转发|Re|RE|Fw|FW|Fwd)\s*[::]\s*)+")


def _mail_subject(lines: list[str]) -> str:
    """An e-mail thread's subject, its first message's without 回复:/转发: ("" for no e-mail): a 发件人 and a 主题
    line among its first lines."""
    fields = [m for line in lines[:12] if (m := _MAIL_FIELD.fullmatch(line))]
    if not any(m[1] == "发件人" for m in fields):
        return ""
    subject = next((m[2] for m in fields if re.fullmatch(r"主\s*题", m[1])), "")
    return _REPLY.sub("", subject).strip()


def _mail_date(lines: list[str]) -> str:
    """The newest message's time: the thread's first 时间 line."""
    return next((parse_date(m[2]) for line in lines if (m := _MAIL_FIELD.fullmatch(line)) and m[1].startswith("时")), "")


def _stat_strip(line: str) -> str:
    """A page's strip of figures ("驿站 6个|上岗志愿者 386人|服务游客 12.3万人次") as clauses, one figure each."""
    items = [item.strip() for item in line.split("|")]
    if len(items) >= 3 and all(_STAT_ITEM.fullmatch(item) for item in items):
        return ";".join(items) + "。"
    return line


_STAT_ITEM = re.compile(r"[^\d|;;。]{1,14}?\s*[\d,.]+\s*[^\d\s|]{0,4}")


def _meeting_lines(lines: list[str]) -> set[int]:
    """A meeting's 时间 line beside its 地点, 主持, 参会 lines (a 纪要's head): what the meeting was, not a page's meta."""
    beside = [i for i, line in enumerate(lines) if _MEETING_KEY.match(line)]
    return {i for i, line in enumerate(lines) if _MEETING_TIME.match(line) and any(abs(i - j) <= 2 for j in beside)}


_MEETING_KEY = re.compile(r"(?:会议)?(?:地点|主持人?|参会人员|参会|参加人员|出席|列席|记录人?)\s*[::]")
_MEETING_TIME = re.compile(r"(?:会议)?(?:时间|日期)\s*[::]")


# A chat export's message head: "2024-09-25 08:56  杜若溪（团栾川县委）" (a portal's date line names no one after it)
_MESSAGE_HEAD = re.compile(r"(?:19|20)\d{2}[-/.]\d{1,2}[-/.]\d{1,2}\s+\d{1,2}:\d{2}(?::\d{2})?\s+[^\s:：,，。]{1,30}")
MIN_MESSAGES = 3


_DATE_PATTERNS = (
    re.compile(r"(?P<y>(19|20)\d{2})\s*[-/.年]\s*(?P<m>\d{1,2})\s*[-/.月]\s*(?P<d>\d{1,2})"),
    re.compile(r"(?<!\d)(?P<y>\d{2})年(?P<m>\d{1,2})月(?P<d>\d{1,2})日"),
)


def parse_date(text: str) -> str:
    """'更新时间:21年08月16日' -> '2021-08-16'; '2021-02-26 08:36', '2019年3月5日' likewise; '' if none."""
    for pattern in _DATE_PATTERNS:
        m = pattern.search(text)
        if m:
            year, month, day = int(m["y"]), int(m["m"]), int(m["d"])
            year += 2000 if year < 100 else 0
            if 1 <= month <= 12 and 1 <= day <= 31:
                return f"{year:04d}-{month:02d}-{day:02d}"
    return ""


def _date_from_name(name: str) -> str:
    return parse_date(name) if re.search(r"(19|20)\d{2}-\d{2}-\d{2}", name) else ""
