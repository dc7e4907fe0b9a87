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

# A bare 时间/日期 only where no word runs into it: "完成时间:5月12日" (a 台账's item), "会议时间:…" are the text's own.
_META_KEYS = r"(更新时间|发布时间|发布日期|(?<![\u4e00-\u9fff])(?:时间|日期)|来源|信息来源|点击数|点击|阅读|访问量|浏览次数|浏览|作者)"
_META = re.compile(_META_KEYS + r"\s*[::]")
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
_AT_MEETING = r"在[^()()]{2,60}?上(?:的(?:工作)?(?:报告|讲话))?"
# "(2024年1月18日在…会议上)", or a subtitle "——2025年1月16日在共青团…全体(扩大)会议上"
_DATE_LINE = re.compile(rf"[((]\s*{_DAY}(?:{_AT_MEETING})?\s*[))]|(?:—{{1,2}}|-{{2}})\s*{_DAY}在.{{2,60}}?上(?:的(?:工作)?(?:报告|讲话))?")
_ISSUED_LINE = re.compile(r"[\u4e00-\u9fff()]{2,24}(?:\s*编)?\s+(?:19|20)\d{2}\s*(?:年\s*\d{1,2}\s*月\s*\d{1,2}\s*日|"
                          r"\.\d{1,2}\.\d{1,2})(?:印发|发布|编)?")  # issuer, date (2026年10月12日, 2026.10.12)
_SIGN_OFF = re.compile(r"(?:19|20)\d{2}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日(?:印发|发布)?")
# A date and a venue, nothing else: "2025年2月26日 哈尔滨音乐厅" (not a time, a weekday or a portal's meta)
_EXPORTED = re.compile(r"(?:导出|生成|打印|制表|填报|统计|编制)(?:时间|日期)\s*[::]")
_DATED_PLACE = re.compile(r"(?:19|20)\d{2}年\d{1,2}月\d{1,2}日\s*[\u4e00-\u9fff]{2,20}(?:厅|馆|堂|中心|会场|礼堂|广场|大厦|宾馆|酒店|"
                          r"会议室|报告厅|体育场|学院|大学|学校)")
_THOUSANDS = re.compile(r"(?<=\d),(?=\d{3}(?!\d))")
_FILED = re.compile(r"(?:填报|填表|制表|编制|报送|签订|签署|汇总)日期\s*[::]\s*(\S+)")
# A 公众号 article's byline: "原创 苏雨桐 珠海共青团 2025年08月29日 20:30 广东" (its IP 属地 last)
_BYLINE = re.compile(r".{0,30}?(?:19|20)\d{2}年\d{1,2}月\d{1,2}日\s*\d{1,2}:\d{2}\s*[\u4e00-\u9fff]{0,6}")
_DATE_FIRST = re.compile(r"^\d{2,4}[-/.年]\d{1,2}[-/.月]\d{1,2}")
_BOILERPLATE = [re.compile(p) for p in (
    r"欢迎(您)?(来到|访问|光临)", r"您(现在|当前)?的?位置", r"^(当前)?位置\s*[::]", r"今天是\s*[::]",
    r"^上一篇", r"^下一篇", r"^(相关(文章|新闻|阅读)|推荐阅读|热门文章)",
    r"版权所有|Copyright|©|ICP备|ICP证|公网安备",
    r"^分享到", r"^【?(打印|关闭|收藏|返回顶部)", r"^[((【\[]?\s*(责任编辑|编辑|编者|供稿|审核|校对)\s*[::]",
    r"^[((]\s*记者\s", r"^[_\-=—*·]{5,}$", r"^\S+\.(png|jpe?g|gif|bmp|webp|svg)$",
    r"^(点击数|阅读|浏览)[::]?\s*\d+$",
)]


def clean_document(lines: list[str], source: Path, title_hint: str = "") -> Document:
    written = [_normalise(line) for line in lines]
    lines = [fold_script(line) for line in written if line]  # a Traditional Chinese report read as simplified
    changed = {folded: line for folded, line in zip(lines, filter(None, written)) if folded != line}
    title_hint = fold_script(title_hint)
    chat = sum(bool(_MESSAGE_HEAD.fullmatch(line)) for line in lines) >= MIN_MESSAGES
    # an exported chat: its first line names it; its header lines (群名称, 群主) and message heads are content
    subject = _mail_subject(lines)  # an exported e-mail thread: its first message's subject names it
    title, body_start, header = (lines[0], 1, []) if chat else (subject, 0, []) if subject else _find_title(lines, title_hint)
    head = last = ""  # a chat message's time and sender, opening its first line; the last one's date
    portal = any(not _OWNER_LINE.search(line) and _is_boilerplate(line) for line in lines)
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
        if _SIGN_OFF.fullmatch(text) and any("。" in k for k in kept):  # the 落款 date under a report's sentences,
            # kept as its paragraph: staff ask it and check it against the line (a portal's header has no sentence)
            kept.append(text)
            date = date or parse_date(text)
        elif not portal and _DATED_PLACE.fullmatch(text):  # "2025年2月26日 哈尔滨音乐厅" under a speech's speaker:
            kept.append(text)  # where it was given is asked ("在哪开的"); the date dates the report
            date = date or parse_date(text)
        elif (_is_meta(text) and at not in meeting and not chat) or _is_boilerplate(text, portal) \
                or (chat and _META.match(text)):  # a chat's 导出时间
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


def _find_title(lines: list[str], hint: str) -> tuple[str, int, list[str]]:
    """(title, index of the first body line, header lines dropped above the title)."""
    title, start, header = _title_line(lines, hint)
    subtitle = _subtitle(lines[start]) if title and start < len(lines) and not _KIND_WORD.search(title) else ""
    if subtitle:
        # A slogan over its subtitle ("凝心聚力勇担当 / ——共青团平顶山市…会议工作报告"): the subtitle says whose
        # report it is. It stays a paragraph too, so that paragraph numbers do not move.
        title = title + ("" if _SUBTITLE.match(subtitle) else "——") + subtitle
    return title, start, header


def _subtitle(line: str) -> str:
    """A report's subtitle ("——在共青团…会议上的工作报告", or that line as a heading of its own), else ""."""
    text = line[2:].strip() if line.startswith("# ") else line
    fits = len(text) <= 60 and "。" not in text and _KIND_WORD.search(text)
    return text if fits and (line.startswith("# ") or _SUBTITLE.match(text) or text.startswith("在")) else ""


def _title_line(lines: list[str], hint: str) -> tuple[str, int, list[str]]:
    official = _official_title(lines)
    if official:
        return official
    for i, line in enumerate(lines[:15]):
        if line.startswith("# "):
            return line[2:].strip(), i + 1, lines[:i]
    hint = _normalise(hint)
    if hint in lines[:15] and not _banner(lines, lines.index(hint)):  # HTML: the <h1> wherever the page puts it
        i = lines.index(hint)
        return hint, i + 1, lines[:i]
    for i, line in enumerate(lines[1:15], start=1):
        if _is_meta(line) and not _is_boilerplate(lines[i - 1]) and not _is_meta(lines[i - 1]) \
                and _chars(lines[i + 1:]) > _chars(lines[:i - 1]) and not any(map(_prose, lines[:i - 1])):
            # A portal's meta line opens the article; a short report's sign-off date ("共青团阜阳市委员会 /
            # 2024年12月6日") closes it, with the whole report above: that is no header to drop.
            if not _META.search(line) and _title_like(lines[0]) and (i == 2 or _speech_head(lines[:i])
                                                                       or _PRESENTER.match(lines[i - 1])):
                # A bare date two lines down dates a report under its title and issuer, no portal: the first
                # line is the title ("南平市青少年发展基金会2024年度工作报告 / 南平市青少年发展基金会 / 2025年3月15日");
                # so does one under a speech's subtitle and speaker ("…工作报告 / ——在…会议上 / 校团委书记 曾思源").
                return lines[0], 1, []
            return lines[i - 1], i, lines[: i - 1]
    if hint:
        return hint, 0, []
    if lines and _title_like(lines[0]):
        return lines[0], 1, []
    return "", 0, []


def _speech_head(lines: list[str]) -> bool:
    """A report's title, its subtitle and its speaker, nothing else: "宜春学院团委2024年工作报告 / ——在共青团…会议上 /
    校团委书记 曾思源" (the speaker had been taken for the title, the title dropped as a header)."""
    return len(lines) == 3 and bool(_KIND_WORD.search(lines[0]) or _SPEECH.search(lines[0])) and len(lines[1]) <= 80 \
        and "。" not in lines[1] and bool(_SUBTITLE.match(lines[1]) or re.match(_AT_MEETING, lines[1])
                                          or _TRANSCRIPT_NOTE.fullmatch(lines[1])) \
        and len(lines[2]) <= _SPEAKER_CHARS and not re.search(r"[,,。;;::!?!?]", lines[2])


_SPEAKER_CHARS = 24
# Who presents a deck or gives a report, on its title slide or page: never its title (a 汇报 deck's "青春返家乡 建功新丽江 /
# 2025年…工作汇报 / 汇报人:团市委副书记 杨志远 / 2025年12月26日" had taken the presenter for its title).
# A byline of organisation, post and name ("共青团延吉市委 副书记 朴成俊") says the same without the word.
_PRESENTER = re.compile(r"(?:汇报人|报告人|主讲人|发言人|宣讲人)\s*[::]|"
                        r"(?:共青团|团)\S{1,12}?(?:委员会|委)\s+\S{0,6}?(?:书记|部长|主任|常委)\s+[\u4e00-\u9fff·]{2,5}$")
_SPEECH = re.compile(r"(?:讲话|致辞|发言)$")  # "在…表彰会上的讲话"
_TRANSCRIPT_NOTE = re.compile(r"[((][^()()]{2,30}[))]")  # "(根据录音整理,未经本人审阅)" under a speech's title


def _official_title(lines: list[str]) -> tuple[str, int, list[str]] | None:
    """A red-header document ("共青团扬州市委员会文件 / 扬团发〔2025〕6号 / 关于表彰…的 / …决定", or the issuer alone
    over the number: "共青团泰安市委员会 / 泰团通〔2025〕3号 / 关于…的通报"): its title is the subject after the
    document number, wrapped over up to three lines; the header lines stay in the text."""
    if len(lines) >= 2 and len(lines[0]) <= 24 and _DOC_NUMBER.search(lines[0]) and _title_like(lines[1]):
        if len(lines) >= 3 and ISSUER.fullmatch(lines[1]) and lines[2].startswith("关于") and _DOC_KIND.search(lines[2]):
            return lines[1] + lines[2], 0, []  # "延边团发〔2026〕9号 / 共青团…委员会 / 关于开展…的通知": the subject too
        return lines[1], 0, []  # "兰团发〔2025〕2号 / 共青团兰州市委员会2024年工作总结…": the number is no title
    if len(lines) < 3 or not (lines[0].endswith("文件") or ISSUER.fullmatch(lines[0])):
        return None
    if ISSUER.fullmatch(lines[0]) and lines[1].startswith("关于") and _DOC_KIND.search(lines[1]):
        return lines[0] + lines[1], 0, []  # "共青团大庆市委员会 / 关于2024年全市共青团工作情况的报告": no number
    if ISSUER.fullmatch(lines[0]) and len(lines[1]) <= 40 and _KIND_WORD.search(lines[1]) \
            and not re.search(r"[。,,;;]", lines[1]):
        return lines[0] + lines[1], 0, []  # "共青团三明市委 / 2024年工作总结和2025年工作计划": the subject under its issuer
    # Joint issuers, a line each, over the number ("共青团湛江市委员会 / 湛江市教育局 / 湛江市水务局 / 湛团联〔2025〕11号")
    joint = next((i for i in range(1, min(len(lines), 6)) if not _AGENCY.fullmatch(lines[i])), len(lines))
    numbered = [i for i in (1, 2, joint) if i < len(lines) and _DOC_NUMBER.search(lines[i])]
    if not numbered:
        return None
    start = numbered[0] + 1
    while start < len(lines) and _RULE.fullmatch(lines[start]):  # the red header's rule, typed as dashes
        start += 1
    for end in range(start, min(start + 3, len(lines))):
        if _DOC_KIND.search(lines[end]):
            return "".join(lines[start:end + 1]), 0, []
    return None


ISSUER = re.compile(r"(?:中国)?共青团[\u4e00-\u9fff]{1,16}(?:委员会|工作委员会)(?:办公室)?|[\u4e00-\u9fff]{2,20}(?:团委|团工委|基金会)"
                     r"|(?:中国)?共青团[\u4e00-\u9fff]{1,12}?[省市县区州旗]委")
_AGENCY = re.compile(r"(?:中国)?(?:共青团)?[\u4e00-\u9fff]{2,20}(?:委员会|工作委员会|局|厅|办公室|委|中心|协会|联合会|学会|团委|基金会)")
_DOC_NUMBER = re.compile(r"[〔\[(]\s*(?:19|20)\d{2}\s*[〕\])]\s*\d+\s*号$")
_RULE = re.compile(r"[-—–_=＝━─~～\s]{3,}")
_DOC_KIND = re.compile(r"(决定|通知|通报|意见|办法|方案|报告|批复|纪要|公告|规划|细则)$")


_SUBTITLE = re.compile(r"^[—－-]{1,2}\s*\S")
_KIND_WORD = re.compile(r"报告|总结|通报|通知|决定|计划|思路|要点|综述|纪要|简报")


def _banner(lines: list[str], i: int) -> bool:
    """The page's <h1>/<title> is the site's name ("日照共青团"), over its breadcrumb, not the article's title."""
    return i + 1 < len(lines) and _is_boilerplate(lines[i + 1])


def _title_like(line: str) -> bool:
    long_subject = len(line) <= 80 and line.startswith("关于") and bool(_SUBJECT_KIND.search(line))  # "关于…拟表彰对象的公示"
    return bool(line) and (len(line) <= 40 or long_subject) and line[-1] not in "。!?;:!?;:" and not _is_boilerplate(line)


_SUBJECT_KIND = re.compile(r"的(?:决定|通知|通报|意见|办法|方案|报告|批复|纪要|公告|公示|请示|函)$")


def _prose(line: str) -> bool:
    """A sentence of running text: a portal's header (banner, menu, breadcrumb) has none, so a date line under
    prose is a sign-off (a 表彰决定 signed above its 附件 lists), not the meta line that opens an article."""
    return len(line) >= 40 and "。" in line


def _chars(lines: list[str]) -> int:
    return sum(map(len, lines))


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


def _is_meta(line: str) -> bool:
    if len(line) > 100 or "。" in line:
        return False
    return bool(_META.search(line) or (_DATE_FIRST.match(line) and len(line) < 40 and not _DATED_ITEMS.search(line)))


# Dated items one after another ("2026.3.14 春季班开班；2026.9.12 秋季班开班"): a timeline, no portal's date line.
_DATED_ITEMS = re.compile(r"^\d{2,4}[-/.年]\d{1,2}[-/.月]\d{1,2}日?\s*[\u4e00-\u9fff]{2,}[^;；]*[;；]\s*\d{1,4}[-/.年月]")


def _is_boilerplate(line: str, portal: bool = True) -> bool:
    if _OWNER_LINE.search(line) and len(line) < 120:
        return portal or bool(_SITE_MARK.search(line))
    return any(p.search(line) for p in _BOILERPLATE) and len(line) < 120


# A site's owner in its footer ("主办:共青团济宁市委员会"), or a meeting's in a report ("主办单位:共青团宝鸡市委员会、…。
# 承办单位:…"): the footer's when the page has a portal's furniture (上一篇, 分享到…) or the line names the site too.
_OWNER_LINE = re.compile(r"^(主办|承办|技术支持)(单位)?\s*[::]")
_SITE_MARK = re.compile(r"ICP|公网安备|版权|Copyright|©|技术支持|网站|地址\s*[::]|电话\s*[::]")


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
