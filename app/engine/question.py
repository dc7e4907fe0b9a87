"""What a question asks for: its type, the unit a figure must carry, its content terms, years."""
from __future__ import annotations

import re
from dataclasses import dataclass

from . import derive, fields
from .asked_units import ENGLISH_SUBJECT as _ENGLISH_SUBJECT
from .asked_units import MONEY, PEOPLE, units as _units  # noqa: F401  (re-exported)
from .people import ROLES
from .retrieve import normalise_query

# A report's document number (文号: 烟团发〔2025〕7号), or its site's record number (ICP备案号), is a name, however it
# is asked ("文号是多少?").
ASKS_NUMBER = re.compile(r"文号|发文字号|备案号|(?i:icp)|公网安备|\b(?:document|reference|file|record) (?:number|no\.?)")
# Checked in order; the first match decides.
_TYPES = (
    ("name", ASKS_NUMBER.pattern),
    ("date", r"哪天|哪一天|何时|什么时候|哪一年|哪年|几月|几号|什么时间|日期|\bwhen\b|what year|which year|what date"),
    # an organisation asked: "推进会的承办单位", "协办单位是谁", "返家乡岗位指标牵头部室" (blind set 54), not a count of them
    ("entity", r"^(?!.*(?:多少|几|哪[些几两三四五六七八九十]|分别))[^?？]*(?:单位|部门|部室|机构)(?:是谁|是哪个?|是什么|是啥)?[?？]?$"),
    # a role's name however asked: "常务副组长叫什么名字" (blind set 39), not "项目叫什么名字"
    ("person", r"谁|哪位|(书记|负责人|创始人|主任|会长|局长|部长|记者|主席|[组队校院社站团]长|委员|辅导员|带头人|发起人)"
               r"(?:的名字)?(叫|是)(?:什么|啥)|\bwho\b"
               # keywords ending in a role: "枣阳孵化园负责人", "邳州会议记录人" (blind set 53)
               r"|^(?!.*(?:多少|几|哪|是什么))[^?？]*(?:负责人|记录人|主持人|联系人|召集人|书记|主任|部长)[?？]?$"),
    ("list", r"哪[几两三四五六七八九十]|分别是|有哪些"),
    ("numeric", r"多少|几(?!乎|等奖)|多大|\bhow (many|much)\b|\bwhat (?:(?:was|were|is|are) the )?(total|number|amount|percentage)\b|达到.{0,3}[?？]?$"
                r"|\bwhat\b.*\b(?:target|goal|quota)s?\b(?! (?:group|area|audience))"  # "What is Ordos's 2025 target for…?"
                r"|(?<![什哪])(?:总数|人数|个数|数量|总量|总额|金额|数|额|率|比例|占比)[?？]?$"  # "2023年宿迁注册青年志愿者总数"
                r"|(?<=[\u4e00-\u9fff]{2})目标[?？]?$"),  # "藏大下学年新发展团员目标?"
    ("name", r"全称|名称|叫什么|叫啥|啥名|几等奖|什么名字|以什么为主题|主题是什么|\bwhat is the name\b|\bcalled\b"),
    ("open", r"哪些工作|做了什么|做了哪些|如何|怎样|怎么|介绍|情况|\bwhat did\b|\bhow did\b|\bdescribe\b"),
    ("entity", r"哪[所家个位些两几]|什么|哪里|哪儿|\bwhich\b|\bwhat\b|\bwhere\b"),
)
# Phrases that carry the question's form, not its content; removed before matching passages.
_STOP = re.compile(
    r"请问|一下|多少|几|几个|第几|第几个|是谁|谁|哪|哪一|哪一年|哪一天|哪所|哪家|哪个|哪位|哪些|哪两|哪几|哪里|哪儿|哪天|哪年|什么|怎么|如何|吗|呢|吧|"
    r"是|有|了|的|在|和|与|及|这次|这个|那个|该|其|都|也|还|共|总共|一共|到底|目前|现在|叫|达到|为|今年|分别|先后|"
    r"总数|数量|数目|星期|礼拜|"  # "团组织总数多少": the count asked, which "青年之家总数达到209个" shares
    r"表格|附表|表中|表里|表内|表上|数据表|完成表")  # "通报附表里…", "华农表中…": where staff saw it, no word of the row
_SUBJECT = re.compile(r"(?:多少|几)\s*(?:万|亿)?\s*(?:人次|场次|[个名人所家期场次项条笔份篇处支位户座件本届队种类张])?([\u4e00-\u9fff]{2,8}?)(?:[??,,。]|$|的|是|有|呢|吗|参加|参与|到场)")
_SUBJECT_BEFORE = re.compile(r"([\u4e00-\u9fff]{2,8}?)(?:是|有|达到|为|达)?多少[??]?$")
_CJK_TAIL = re.compile(r"[\u4e00-\u9fff]+$")
_CJK_WORDS = re.compile(r"[\u4e00-\u9fff]+")
# What a keyword query measures of the thing it names: "少先队员 人数", "青年之家 数量", "新发展团员 较2020年 增长".
_MEASURE_WORD = re.compile(r"(?:人数|数量|总数|个数|规模|多少|增长|增幅|增长率|同比|变化|情况|占比|比例|较|比|截至|截止|年底|年末|计划|目标)")
_MEASURE_END = re.compile(r"(?<=[\u4e00-\u9fff]{2})(?:人数|数量|总数|个数|规模|增长率|增幅|占比|比例|完成率)$")
_LEADING_SCOPE = re.compile(r"^(?:去年|今年|当年|上年|明年|年底|年末|年|月底|月)")
_VERBS = frozenset("参加 参与 到场 出席 报名 受益 注册 获得 参会 签约 覆盖 完成 举办 开展".split())
_CJK_RUN = re.compile(r"[\u4e00-\u9fff]{2,}")
_YEAR = re.compile(r"((?:19|20)\d{2})\s*年?")
_CJK = re.compile(r"[\u4e00-\u9fff]")


@dataclass(frozen=True)
class Question:
    text: str
    english: bool
    kind: str  # numeric | date | person | name | entity | list | open
    units: frozenset  # acceptable units for a numeric answer; empty = any
    terms: tuple[str, ...]  # content words (Chinese) and English words
    years: tuple[str, ...]
    subject: str = ""  # the thing a numeric question counts, "" when it names none
    part: str = ""  # the group a count is narrowed to: "其中女性有多少?" -> 女性
    places: tuple[str, ...] = ()  # Chinese names of places an English question names ("Tongchuan" -> "铜川")
    scope: object = None  # app.engine.scope.Scope: the places and years it names, set against a knowledge base (app/api.py)
    followup: bool = False  # made standalone from a follow-up and the turns before it (app/engine/followup.py)
    weekday: bool = False  # 星期几 asked: a day's date, its weekday worked out (app/engine/derive.py)
    days: bool = False  # 多少天 asked: a span of dates may give it, both ends counted


def analyse(raw: str) -> Question:
    text = normalise_query(raw)
    lower = text.lower()
    english = is_english(text)
    weekday = bool(derive.WEEKDAY_ASKED.search(text))
    kind = "date" if weekday else (next((name for name, pattern in _TYPES if re.search(pattern, lower)), None)
                                   or _keywords_kind(text, english))
    words = _words(text)  # one jieba cut serves the terms and the part
    # keywords ask as "…是多少" would: the thing counted is the last noun ("希望工程资助学生": students, not money)
    asked = lower if english or _ASKING.search(text) else f"{_TRAILING_YEAR.sub('', lower)}是多少"  # …项目数2023
    return Question(text, english, kind, _units(asked, english) if kind == "numeric" else frozenset(),
                    _terms(text, words), tuple(dict.fromkeys(_YEAR.findall(text))),
                    _subject(text) if kind == "numeric" else "", _part(text, words), weekday=weekday,
                    days=kind == "numeric" and bool(derive.DAYS_ASKED.search(lower)))


# A question written as keywords ("婺源注册志愿者", "江财志愿服务时长总共"): staff look a figure up so, unless the
# words end on a name (备案号, 地址), on the one that ranks first (…最少的学院) or on who (…奖章的是).
_TRAILING_YEAR = re.compile(r"\s*(?:(?:19|20)\d{2}|\d{2})\s*年?(?:度)?$")  # a year ending keywords is their scope
_ASKING = re.compile(r"多少|几|吗|什么|哪|谁|是否|怎么|如何|怎样|呢|[?？]")
_NAMED_TAIL = re.compile(r"(?:号|电话|地址|来源|名称|标题|栏目|网址|邮箱|项目|作品|主题|口号|名单|的是)$")
_GRADE_TAIL = re.compile(r"(?:等次|等级|荣誉|称号|荣誉称号)$")  # "和平考评等次": the grade's name ("优秀")
_ROLE_TAIL = re.compile(f"(?:{'|'.join(ROLES)}|指导老师|领队|获得者)$")  # "高原湖泊…预警系统 负责人": who
_WHO_TAIL = re.compile(r"(?:姓名|名字|人名|责任编辑|编辑|作者|联系人|报告人|记者|通讯员)$")  # "兰州团市委书记 姓名", "通报联系人"
_COUNT_TAIL = re.compile(r"(?:数|数量|量|额|率|次|时长|资金|经费|名单|时间|日期)$")  # "团市委书记 调研 次数": a figure
_RANKED_TAIL = re.compile(r"最[多少高低大小早晚][的]?[\u4e00-\u9fff()（）、]{1,10}$")


def _keywords_kind(text: str, english: bool) -> str:
    if english or _ASKING.search(text):
        return "open"
    if _RANKED_TAIL.search(text):
        return "entity"
    if _ROLE_TAIL.search(text.rstrip("。.")) or _WHO_TAIL.search(text.rstrip("。.")):
        return "person"
    tokens = text.split()
    if len(tokens) > 1 and any(_ROLE_TAIL.search(t) for t in tokens[:-1]) and not _COUNT_TAIL.search(tokens[-1]):
        return "person"  # "临夏团州委书记 全省抗震救灾先进个人", "金塔县委常委 宣传部部长 植树活动": who
    if _GRADE_TAIL.search(text.rstrip("。.")):
        return "name"
    return "open" if _NAMED_TAIL.search(text.rstrip("。.")) else "numeric"


def is_english(text: str) -> bool:
    """Mostly Latin letters: "How many volunteers did 铜川 register?" is English, "铜川12355 APP" is not."""
    return len(re.findall(r"[a-zA-Z]", text)) > 2 * len(_CJK.findall(text))


_DIVISION_END = frozenset("县区市州旗盟")
_RUNS_ON = frozenset("委直级城长")
_ASK_MEASURE = re.compile(r"(?:几|多少)[\u4e00-\u9fff]")  # "几名", "多少名": the question's form, no content
_FUNCTION_CHARS = frozenset("了的地得着过把被将对向从于以而又再就才要会能可让使给跟同这那些个名人所位")
_ENGLISH_STOP = frozenset("the and are was were did does how many much what which who when where with from for has have had its their this that into about".split())


def _words(text: str) -> list[str]:
    """jieba's cut, no word across the end of a division's name: "玉龙县有多少团员" had cut 玉龙|县有 (崇明区|新, 紫云县|
    格凸), and 县有 no report says; a committee's or an office's name runs on (团邵阳市委, 县直机关, 市级, 县城, 市长)."""
    from ingest.words import jieba as mapped

    from .scope import find

    edges = sorted({m.end for m in find(text) if not m.institution and len(m.surface) > len(m.place.short)
                    and text[m.end - 1] in _DIVISION_END and text[m.end:m.end + 1] not in _RUNS_ON} - {len(text)})
    return [word for a, b in zip([0, *edges], [*edges, len(text)]) if a < b for word in mapped().lcut(text[a:b])]


def _terms(text: str, words: list[str]) -> tuple[str, ...]:
    """Content words (jieba's cut), plus English words; question-form and function words removed."""
    joined = _joined_singles(words)
    words = [w for w in words if _CJK.match(w) and not _STOP.fullmatch(w) and w not in _FUNCTION_CHARS
             and not _ASK_MEASURE.fullmatch(w)]
    # Single characters left over are mostly noise ("时", "日"); keep them only when nothing else is left.
    words = [w for w in words if len(w) > 1] + joined if any(len(w) > 1 for w in words) else words
    words += [w for w in re.findall(r"[a-z]{3,}", text.lower()) if w not in _ENGLISH_STOP]
    words += [n for n in re.findall(r"\d+(?:\.\d+)?", text) if not _YEAR.fullmatch(n)]
    lettered = _LETTERED.findall(text)  # "C类几个": jieba cuts C|类 (B|类有), and neither piece is a term
    words = [w for w in words if not any(w[0] == term[1] and term[0] + w in text for term in lettered)] + lettered
    return tuple(dict.fromkeys(words + fields.asked_labels(text)))


_LETTERED = re.compile(r"(?<![A-Za-z])[A-Z][类级档等型组](?![A-Za-z])")


def _joined_singles(words: list[str]) -> list[str]:
    """One-character words that make a word together, which jieba cut apart and the terms would drop as noise:
    "加 分 多少" and "加 了 几分" are 加分 (a 通报's column), "扣 了 多少 分" 扣分."""
    from ingest.words import jieba

    known = jieba().dt.FREQ  # only a word of jieba's dictionary: not "年新" (2024年新发展) or "搞场" (搞了几场)
    out = []
    for i, word in enumerate(words[:-1]):
        if not _single(word) or word in _NOT_JOINED:
            continue
        rest = words[i + 1:]
        if _single(rest[0]) and len(rest) > 1 and rest[1] in ("多少", "几"):
            out.append(word + rest[0])  # "加 分 多少": what is asked
        elif rest[0] == "了" and len(rest) > 1 and (m := _ASKED_NOUN.fullmatch("".join(rest[1:3]))) \
                and m.group(1) not in _CLASSIFIERS:
            out.append(word + m.group(1))  # the question's last word: "扣了多少分?", not "接了多少来遵…"
    return [w for w in out if known.get(w)]


def _single(word: str) -> bool:
    return len(word) == 1 and bool(_CJK.match(word)) and word not in _FUNCTION_CHARS and not _STOP.fullmatch(word)


_ASKED_NOUN = re.compile(r"(?:几|多少)([\u4e00-\u9fff])[?？呢]?")
_CLASSIFIERS = frozenset("个名人位场次门期项支所家间条批届天年月件把只户元")  # 开了几场: a count, no noun
_NOT_JOINED = frozenset("年月日最更多")  # 2024年|新, 最|多: a date's or a superlative's, no content


# What a count is narrowed to ends where the question goes on: a verb, 有/占/是, or the question word.
_PART_END = r"(?=(?:的)?(?:有|占|是|为|多少|几|帮助|资助|参加|参与|注册|获得|服务|报名|来自|受|被|共|累计))"
_PART = re.compile(rf"其中(?P<part>[^,,??]{{1,8}}?)(?:{_PART_END}|(?=[??]?$))")  # "…录取了多少其中女性?": a follow-up's
_GROUP = re.compile(rf"(?:的)?(?P<group>(?![有多几])[^,,??]{{1,8}}?){_PART_END}")
# no group: a rank or a bare verb ("考核中排第几", "竞赛中获得几项"), a superlative or a sum ("各县区中注册志愿者最少")
_NO_GROUP = re.compile(r"(?:排名?|位列|位居|名列|居|获得?)了?第?|.*(?:最多|最少|最高|最低|合计|总计)")
_AMONG = ("中", "里", "当中", "之中", "里面", "里头", "里边", "中间")  # 里面: a locative word of its own
_YEAR_END = re.compile(r"\d年$")
_PLACE_END = frozenset("省市县区镇乡村州旗这那哪心家城夜手")
_GENDER = re.compile(r"(?<![妇少儿])(女|男)(?:性|生|的|子|团员|青年|大学生|干部|党员|职工|创业者|志愿者|队员|代表|教师|学生)")


def _part(text: str, words: list[str]) -> str:
    """What a count is narrowed to: 其中女性, or a group among a whole ("学生里女生", "干部中女性"). jieba's cut
    tells the locative 中/里 (a word of its own) from 高中, 集中, 年中 (inside a word)."""
    if m := _PART.search(text):
        return m.group("part")
    for i, word in enumerate(words[1:-1], start=1):
        if not (_CJK.match(words[i - 1][-1]) and words[i - 1] != "年" and not _YEAR_END.search(words[i - 1])) \
                or words[i - 1] in _DOCUMENT or words[i - 1].endswith(("通报", "报告")):
            continue
        if word in _AMONG and (m := _group("".join(words[i + 1:]))):
            return m.group("group")
        if len(word) == 2 and word[0] in _AMONG and (m := _group(word[1] + "".join(words[i + 1:]))):
            return m.group("group")  # jieba cut 团员|中女|团员: the locative is inside a word of its own
        if len(word) == 2 and word[1] in _AMONG and word[0] not in _PLACE_END \
                and (m := _group("".join(words[i + 1:]))):
            return m.group("group")  # 咨询师|里|女性 cut 心理咨询|师里|女性; 县里 is a place, not a whole
    gender = _GENDER.search(text)  # "青创贷扶持的女性创业者": a sex narrows whatever it counts
    return "女性" if gender and gender.group(1) == "女" else "男性" if gender else ""


# No group, only the verb or copula after a locative: "社会组织里建了多少个团组织" (where they were built), "在通报里是多少"
_NO_GROUP_WORD = re.compile(r"[\u4e00-\u9fff]{0,2}了|是|有|为|共|累计|一共|总共|合计")
# A document is no whole a count is narrowed from: "在通报里", "表里", "报告中"
_DOCUMENT = frozenset(("通报", "报告", "表", "表格", "附表", "文中", "文件", "总结", "材料", "附件", "新闻", "报道", "文章"))


def _group(text: str) -> re.Match | None:
    m = _GROUP.match(text)
    group = m.group("group") if m else ""
    return m if m and not _NO_GROUP.fullmatch(group) and not _NO_GROUP_WORD.fullmatch(group) else None


def _subject(text: str) -> str:
    """What a count is of: '注册了多少志愿者' -> '志愿者', '多少名留守儿童' -> '留守儿童'."""
    english = _ENGLISH_SUBJECT.search(text.lower())
    if english:  # "How many left-behind children ..." -> 留守儿童; a Chinese name given inline wins
        from .glossary import chinese_terms

        inline = _CJK_RUN.search(english.group(1))
        terms = chinese_terms(english.group(1))
        return inline.group() if inline else terms[0] if terms else ""
    m = _SUBJECT.search(text)
    if m and m.group(1) not in _VERBS:  # "多少人参加" counts people, not "参加"
        return m.group(1)
    m = _SUBJECT_BEFORE.search(text)  # "不良贷款率是多少?" names its subject before the question word
    if m:
        return _bare_subject(_CJK_TAIL.search(text, 0, m.end(1)).group())
    if _ASKING.search(text):
        return ""
    # keywords ("抚州青年之家", "南宁 少先队员 人数"): the last words that are neither a measure nor the scope
    for words in reversed(_CJK_WORDS.findall(text)):
        if not _MEASURE_WORD.fullmatch(words) and (bare := _bare_subject(_MEASURE_END.sub("", words))):
            return bare
    return ""


def _bare_subject(words: str) -> str:
    """"24年希望工程募集了" -> "希望工程募集": without the scope before it (a year's 年, a place) or 了 after."""
    from .scope import find

    words = words.rsplit("的", 1)[-1]
    for m in reversed(find(words)):
        words = words[:m.start] + words[m.end:]
    words = _LEADING_SCOPE.sub("", words).removesuffix("了")
    return words[-6:] if len(words) >= 2 else ""
