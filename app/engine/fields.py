"""Four ways reports state what a question asks that no sentence says: an item of a numbered list ("第5个发言的是
什么组织": the paragraph "5.秦岭青年生态俱乐部…"), a labelled field ("承办单位:共青团眉县委员会", "邮政编码:721000")
a time of day ("9:45—10:15 团市委书记讲话", a 会议日程) and a contact (0759-3382156, an e-mail). The candidates and the features that weigh them read
these; the model learns how much they count."""
from __future__ import annotations

import re

from .numbers import chinese_to_int

# "第5个发言的", "名单里排第一个的", "第6项是什么", "第二条": the position in a list asked (not 第一名, a rank)
_ASKED_ITEM = re.compile(r"第\s*(\d{1,2}|[一二三四五六七八九十]{1,3})\s*(?:个|项|条|位|家|件|批|点|组|门|所|支)(?!月)")
# a numbered item opening its paragraph or row: "5.秦岭…", "5、", "(五)", "五、", a table's "序号5"
_ITEM_MARK = re.compile(r"^\s*(?:(\d{1,2})\s*[.、．](?!\d)|[((]\s*(\d{1,2}|[一二三四五六七八九十]{1,3})\s*[))]"
                        r"|([一二三四五六七八九十]{1,3})\s*、)|(?:^|[,;])[^,;]{0,30}?序号\s*(\d{1,3})(?!\d)")

# A phone number, e-mail or web address asked: not "接了多少电话" (a count of calls)
ASKS_CONTACT = re.compile(r"电话(?:号码?|是多少|多少|是什么|是啥)|打(?:什么|哪个)电话|联系(?:电话|方式)|手机号?(?:码|是)|"
                          r"(?:电子)?邮箱|电子邮件|e-?mail|\bphone\b|网址|传真", re.I)
CONTACT = re.compile(r"(?<![\d-])(?:0\d{2,3}\s*[-—－]\s*\d{7,8}(?:\s*[-—－转]\s*\d{1,5})?|1[3-9]\d{9}|400[-—]?\d{3}[-—]?\d{4})"
                     r"(?![\d-])|[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+|(?:https?://|www\.)[A-Za-z0-9./_?=&%#-]+")

# A label ending the clause before the value: "承办单位:", "现场联络:", "邮政编码:"
FIELD_LABEL = re.compile(r"([\u4e00-\u9fffA-Za-z]{2,8})\s*[::]\s*$")
# A time of day or a span of them: "8:30", "9:45—10:15", "14:30-16:30"
CLOCK = re.compile(r"(?<![\d:])(?:[01]?\d|2[0-3])[::][0-5]\d(?:\s*[—–\-~至到]{1,2}\s*(?:[01]?\d|2[0-3])[::][0-5]\d)?(?![\d:])")
_ASKS_CLOCK = re.compile(r"几点|几时|什么时间|哪个时间|时间段|时段|时间安排|\bwhat time\b|\bat what time\b", re.I)


# A record's field asked in everyday words ("何振邦在哪里工作?" of "何振邦单位职务宝钢…作业长"): the labels such
# fields carry in 公示 and 名单 (工作单位, 单位职务, 出生年月, 推荐单位…), added to the question's terms.
_ASKED_FIELDS = (
    (r"在哪(?:里|儿|个单位|家单位)?(?:工作|上班|任职|供职)|哪个单位的|做什么(?:工作|的)|干什么的|从事什么|什么工作"
     r"|在哪(?:个|所|家)(?:学校|医院|公司|企业)|当老师|任教", ("单位", "职务")),
    (r"什么(?:职务|职位|职称|岗位)|担任什么|任什么职|什么身份", ("职务", "职称")),
    (r"哪一?年出生|什么时候出生|出生于|哪年生|多大|年龄|生日|出生年月", ("出生年月", "出生")),
    (r"谁推荐|推荐的|推荐单位|哪个单位推荐|由哪.{0,3}推荐", ("推荐单位", "推荐")),
    (r"什么民族|哪个民族|哪一?族", ("民族",)),
    (r"男的?还是女的?|是男是女|性别", ("性别",)),
    (r"学历|什么文凭|毕业于", ("学历",)),
    (r"政治面貌|是不是党员|是否党员", ("政治面貌",)),
)
_FIELDS_ASKED = tuple((re.compile(pattern), labels) for pattern, labels in _ASKED_FIELDS)


def asked_labels(question: str) -> list[str]:
    """The field labels a question's everyday words ask for."""
    return [label for pattern, labels in _FIELDS_ASKED if pattern.search(question) for label in labels]


def _number(written: str) -> int | None:
    return int(written) if written.isdigit() else chinese_to_int(written)


def asked_item(question: str) -> int | None:
    """The list position a question asks, or None."""
    m = _ASKED_ITEM.search(question)
    return _number(m.group(1)) if m else None


def item_of(text: str) -> int | None:
    """The number a paragraph or table row opens with as a list item, or None."""
    m = _ITEM_MARK.search(text)
    return _number(next(g for g in m.groups() if g)) if m else None


def item_fit(asked: int | None, text: str) -> dict[str, float]:
    """item_fit: the passage is the item asked; item_misfit: it is another numbered item."""
    if asked is None:
        return {}
    number = item_of(text)
    return {"item_fit": float(number == asked), "item_misfit": float(number is not None and number != asked)}


def asks_clock(question: str) -> bool:
    return bool(_ASKS_CLOCK.search(question))


def field_value(clause: str) -> tuple[str, int] | None:
    """(value, offset) of a labelled field's value: the clause after its label, without its closing mark or an
    English gloss in brackets ("宝鸡市青年志愿者协会(Baoji Youth Volunteers Association,BYVA)")."""
    value = re.sub(r"[,,;;。!?!?::\s]+$", "", clause)
    value = re.sub(r"\s*[((][^()()]*[A-Za-z][^()()]*[))]$", "", value)
    start = len(clause) - len(clause.lstrip())
    value = value.strip()
    return (value, start) if 2 <= len(value) <= 60 else None


# What opens an inline list's first item: a verb or label before it ("开设课程", "包括", "西工区教学点")
_LIST_LEAD = re.compile(r".*?(?:包括|包含|涵盖|开设|设有|设在|分别为|分别是|依次为|为|是|有|:|:)(?:课程|项目|名称|内容|地点|单位)?")
_LABEL_WORD = re.compile(r"课程|项目|名称|内容|地点|教学点|单位|名单|人员|活动|岗位")


def listed_item(clause: str, asked: int | None, terms) -> tuple[str, int] | None:
    """(item, offset) of the item asked by its position in an inline list ("西工区开设课程短视频剪辑、咖啡拉花、八段锦"
    for 西工区的第二门课: 咖啡拉花); the first item is what follows the list's lead (a label, a verb, the question's
    words for it), None when nothing marks where it starts."""
    parts = clause.split("、")
    if asked is None or not 2 <= len(parts) or asked > len(parts):
        return None
    start = sum(len(p) + 1 for p in parts[:asked - 1])
    item = parts[asked - 1]
    if asked == 1:
        ends = [m.end() for m in [_LIST_LEAD.match(item)] if m] + [m.end() for m in _LABEL_WORD.finditer(item)]
        lead = max(ends + [item.find(t) + len(t) for t in terms if len(t) > 1 and t in item], default=0)
        if not lead:
            return None
        item, start = item[lead:], start + lead
    trimmed = re.sub(r"(?:等[\u4e00-\u9fff]{0,4})?[,,;;。.!?]*$", "", item.strip()) if asked == len(parts) else item.strip()
    start += len(item) - len(item.lstrip())
    return (trimmed, start) if 2 <= len(trimmed) <= 30 else None
