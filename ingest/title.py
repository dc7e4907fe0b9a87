"""Where a report's article starts and what it is called: a portal's header and meta line (更新时间/来源/点击数)
before the title, a red-header document's issuer and number over its subject, a speech's subtitle and speaker, a
deck's presenter; and which lines are a page's furniture (上一篇/下一篇, copyright, ICP) rather than the report's.
"""
from __future__ import annotations

import re

# A bare 时间/日期 only where no word runs into it: "完成时间:5月12日" (a 台账's item), "会议时间:…" are the text's own.
META_KEYS = r"(更新时间|发布时间|发布日期|(?<![\u4e00-\u9fff])(?:时间|日期)|来源|信息来源|点击数|点击|阅读|访问量|浏览次数|浏览|作者)"
META = re.compile(META_KEYS + r"\s*[::]")
AT_MEETING = r"在[^()()]{2,60}?上(?:的(?:工作)?(?:报告|讲话))?"

_DATE_FIRST = re.compile(r"^\d{2,4}[-/.年]\d{1,2}[-/.月]\d{1,2}")
_BOILERPLATE = [re.compile(p) for p in (
    r"欢迎(您)?(来到|访问|光临)", r"您(现在|当前)?的?位置", r"^(当前)?位置\s*[::]", r"今天是\s*[::]",
    r"^上一篇", r"^下一篇", r"^(相关(文章|新闻|阅读)|推荐阅读|热门文章)",
    r"版权所有|Copyright|©|ICP备|ICP证|公网安备",
    r"^分享到", r"^【?(打印|关闭|收藏|返回顶部)", r"^[((【\[]?\s*(责任编辑|编辑|编者|供稿|审核|校对)\s*[::]",
    r"^[((]\s*记者\s", r"^[_\-=—*·]{5,}$", r"^\S+\.(png|jpe?g|gif|bmp|webp|svg)$",
    r"^(点击数|阅读|浏览)[::]?\s*\d+$",
)]


def find_title(lines: list[str], hint: str) -> tuple[str, int, list[str]]:
    """(title, index of the first body line, header lines dropped above the title)."""
    if len(lines) > 1 and _ATTACHMENT.fullmatch(lines[0]):  # "附件2" over a form's title: the attachment's mark
        title, start, header = find_title(lines[1:], hint)
        return title, start + 1, [lines[0], *header]
    title, start, header = _title_line(lines, hint)
    subtitle = _subtitle(lines[start]) if title and start < len(lines) and not _KIND_WORD.search(title) else ""
    if subtitle:
        # A slogan over its subtitle ("凝心聚力勇担当 / ——共青团平顶山市…会议工作报告"): the subtitle says whose
        # report it is. It stays a paragraph too, so that paragraph numbers do not move.
        title = title + ("" if _SUBTITLE.match(subtitle) else "——") + subtitle
    return title, start, header


_ATTACHMENT = re.compile(r"附件\s*[\d一二三四五六七八九十]{0,3}\s*[::]?")


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
    if hint in lines[:15] and not _banner(lines, lines.index(hint)):  # HTML: the <h1> wherever the page puts it
        i = lines.index(hint)
        return hint, i + 1, lines[:i]
    for i, line in enumerate(lines[1:15], start=1):
        if is_meta(line) and not is_boilerplate(lines[i - 1]) and not is_meta(lines[i - 1]) \
                and _chars(lines[i + 1:]) > _chars(lines[:i - 1]) and not any(map(_prose, lines[:i - 1])):
            # A portal's meta line opens the article; a short report's sign-off date ("共青团阜阳市委员会 /
            # 2024年12月6日") closes it, with the whole report above: that is no header to drop.
            if not META.search(line) and _title_like(lines[0]) and (i == 2 or _speech_head(lines[:i])
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
        and "。" not in lines[1] and bool(_SUBTITLE.match(lines[1]) or re.match(AT_MEETING, lines[1])
                                          or _TRANSCRIPT_NOTE.fullmatch(lines[1])) \
        and len(lines[2]) <= _SPEAKER_CHARS and not re.search(r"[,,。;;::!?!?]", lines[2])


_SPEAKER_CHARS = 24
# Who presents a deck or gives a report, on its title slide or page: never its title (a 汇报 deck's "青春返家乡 建功新丽江 /
# 2025年…工作汇报 / 汇报人:团市委副书记 杨志远 / 2025年12月26日" had taken the presenter for its title).
# A byline of organisation, post and name ("共青团延吉市委 副书记 朴成俊") says the same without the word.
_PRESENTER = re.compile(r"(?:[^\s::]{2,20}\s+)?(?:汇报人|报告人|主讲人|发言人|宣讲人)\s*[::]|"
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
    # a receiving office's stamp on a scanned copy ("共青团…区委员会 / 收文 2026-018号 / 2026年3月2日"): not the subject
    if (stamp := next((i for i in range(start, min(start + 2, len(lines))) if RECEIVED.fullmatch(lines[i])), None)) is not None:
        start = stamp + 1 + bool(stamp + 1 < len(lines) and _DAY_LINE.fullmatch(lines[stamp + 1]))
    for end in range(start, min(start + 3, len(lines))):
        if _DOC_KIND.search(lines[end]):
            return "".join(lines[start:end + 1]), 0, []
    return None


ISSUER = re.compile(r"(?:中国)?共青团[\u4e00-\u9fff]{1,16}(?:委员会|工作委员会)(?:办公室)?|[\u4e00-\u9fff]{2,20}(?:团委|团工委|基金会)"
                     r"|(?:中国)?共青团[\u4e00-\u9fff]{1,12}?[省市县区州旗]委")
_AGENCY = re.compile(r"(?:中国)?(?:共青团)?[\u4e00-\u9fff]{2,20}(?:委员会|工作委员会|局|厅|办公室|委|中心|协会|联合会|学会|团委|基金会)")
_DOC_NUMBER = re.compile(r"[〔\[(]\s*(?:19|20)\d{2}\s*[〕\])]\s*\d+\s*号$")
_RULE = re.compile(r"[-—–_=＝━─~～\s]{3,}")
RECEIVED = re.compile(r"收文\s*\S{0,16}")
DAY = r"(?:19|20)\d{2}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日"  # a day written out: 2026年3月2日
_DAY_LINE = re.compile(DAY)
_DOC_KIND = re.compile(r"(决定|通知|通报|意见|办法|方案|报告|批复|纪要|公告|规划|细则)$")


_SUBTITLE = re.compile(r"^[—－-]{1,2}\s*\S")
_KIND_WORD = re.compile(r"报告|总结|通报|通知|决定|计划|思路|要点|综述|纪要|简报")


def _banner(lines: list[str], i: int) -> bool:
    """The page's <h1>/<title> is the site's name ("日照共青团"), over its breadcrumb, not the article's title."""
    return i + 1 < len(lines) and is_boilerplate(lines[i + 1])


def _title_like(line: str) -> bool:
    long_subject = len(line) <= 80 and line.startswith("关于") and bool(_SUBJECT_KIND.search(line))  # "关于…拟表彰对象的公示"
    return bool(line) and (len(line) <= 40 or long_subject) and line[-1] not in "。!?;:!?;:" and not is_boilerplate(line)


_SUBJECT_KIND = re.compile(r"的(?:决定|通知|通报|意见|办法|方案|报告|批复|纪要|公告|公示|请示|函)$")


def _prose(line: str) -> bool:
    """A sentence of running text: a portal's header (banner, menu, breadcrumb) has none, so a date line under
    prose is a sign-off (a 表彰决定 signed above its 附件 lists), not the meta line that opens an article."""
    return len(line) >= 40 and "。" in line


def _chars(lines: list[str]) -> int:
    return sum(map(len, lines))


def is_meta(line: str) -> bool:
    if len(line) > 100 or "。" in line:
        return False
    return bool(META.search(line) or (_DATE_FIRST.match(line) and len(line) < 40 and not _DATED_ITEMS.search(line)))


# Dated items one after another ("2026.3.14 春季班开班；2026.9.12 秋季班开班"): a timeline, no portal's date line.
_DATED_ITEMS = re.compile(r"^\d{2,4}[-/.年]\d{1,2}[-/.月]\d{1,2}日?\s*[\u4e00-\u9fff]{2,}[^;；]*[;；]\s*\d{1,4}[-/.年月]")


def is_boilerplate(line: str, portal: bool = True) -> bool:
    if OWNER_LINE.search(line) and len(line) < 120:
        return portal or bool(_SITE_MARK.search(line))
    return any(p.search(line) for p in _BOILERPLATE) and len(line) < 120


# A site's owner in its footer ("主办:共青团济宁市委员会"), or a meeting's in a report ("主办单位:共青团宝鸡市委员会、…。
# 承办单位:…"): the footer's when the page has a portal's furniture (上一篇, 分享到…) or the line names the site too.
OWNER_LINE = re.compile(r"^(主办|承办|技术支持)(单位)?\s*[::]")
_SITE_MARK = re.compile(r"ICP|公网安备|版权|Copyright|©|技术支持|网站|地址\s*[::]|电话\s*[::]")
