"""Places no gazetteer lists: towns and zones written after their county or city ("固始段集镇", "菏泽高新区") and the
universities a text names ("共青团江南大学委员会"). Re-exported by app/engine/scope.py.
"""
from __future__ import annotations

import functools
import re

# The one shape of a town, township or street no gazetteer lists (段集镇, 莞城街道, 小河乡, 乳城镇), read by questions,
# passages, facts and follow-ups alike: two to four characters before its ending. Not 乡镇/村镇, 城镇 as a word (县城镇,
# 在城镇; 乳城镇 is a name), 三下乡, 返家乡, 返乡/回乡/故乡/老乡, 全镇/各乡/每个街道/本镇/该镇 (all of them); not 镇街
# (towns and streets together: "东莞试点镇街" names no town 试点镇; nor does 街镇: "万州重点街镇"), 镇村, 镇长, 镇级, 镇域, 乡村;
# nor 哪个镇, 哪些乡, 6个镇.
_TOWN_OR_TOWNSHIP = r"镇(?![街村镇长级域])|乡(?![村镇])"
TOWN_END = f"{_TOWN_OR_TOWNSHIP}|街道"
TOWN = (rf"[\u4e00-\u9fff]{{2,4}}?(?:(?<![全各每本该个些])街道|"
        rf"(?<![乡村下家全各每本该返回故老同异他个些街])(?<![县市区在和与及的对向是]城)(?:{_TOWN_OR_TOWNSHIP}))")
COLLEGE = r"[\u4e00-\u9fff]{1,10}?(?<![全各每本该])(?:学院|学部|书院)"  # a row's college (文学院, 教育学部)
TOWN_OR_COLLEGE = re.compile(f"{TOWN}|{COLLEGE}")
# A paragraph of one town's or college's figures, its name and a colon first ("威远镇:新发展团员96名…").
LED_BY_PART = re.compile(rf"^(?:[((]?[一二三四五六七八九十\d]+[))、.]\s*)?(?P<name>{TOWN_OR_COLLEGE.pattern})[::]")
# A town, street or zone written right after its county or city ("固始段集镇", "滨州高新区"): no gazetteer has them.
ZONES = ("高新区", "经开区", "经济技术开发区", "经济开发区", "开发区")
LOCALITY_AFTER = re.compile(f"{TOWN}|" + "|".join(ZONES))
# A zone a table counts beside the counties (商丘's 示范区, 城乡一体化示范区): a part of the report's place, as a town is.
ZONE = rf"[\u4e00-\u9fff]{{0,8}}?(?:示范区|{'|'.join(ZONES)}|产业集聚区)"
LOCAL_PART = re.compile(f"{TOWN}|{COLLEGE}|{ZONE}")
# A unit a city's tables count beside its districts, that no gazetteer holds: "横琴合作区呢?" after 香洲区's figure
SIBLING_ZONE = re.compile(rf"{ZONE}|[\u4e00-\u9fff]{{0,8}}?(?:合作区|新区|港区|试验区|科技园|工业园|产业园|园区)|市直(?:单位)?|直属单位")


def zones(place: str) -> list[str]:
    """The zones a place may have, as facts name them ("菏泽高新区"): a city's parts beside its counties."""
    return [place + zone for zone in ZONES]


def localities(text: str, mentions) -> tuple[str, ...]:
    """The towns and zones a question names after a place, or first of all ("小河镇有几个青年之家?"); a passage
    answers it only where it names them too."""
    after = [m.group() for x in mentions if (m := LOCALITY_AFTER.match(text, x.end))]
    first = _TOWN_FIRST.match(text) if not mentions else None  # "参加清镇这次…" names 清镇, no town 参加清镇
    narrowed = [m.group("town") for m in _TOWN_NARROWED.finditer(text)]  # "…发展了多少团员,其中长春镇多少?"
    return tuple(dict.fromkeys(after + ([first.group("town")] if first else []) + narrowed))


# A town or a zone that opens a question, its county unsaid (not 全市各镇; 柳梧新区), or a part narrowed to.
_TOWN_FIRST = re.compile(rf"(?:那|那么)?(?P<town>(?![全各每])(?:{TOWN}|[\u4e00-\u9fff]{{2,4}}?(?:新区|示范区|{'|'.join(ZONES)})))")
_TOWN_NARROWED = re.compile(rf"其中(?P<town>(?![全各每]){TOWN})(?=[有是为占的多几]|$)")


_SCHOOL_END = re.compile(r"(?:大学|学院)(?!生|习|路|城|园区|梦|堂)")  # not 大学生, 青年大学习, 共筑大学梦
_SCHOOL_STOP = set("和与及的在是从向对那这该哪各每了少几个名、,,。;;::“”\"()（）")  # no 那张学院, 帮了多少大学(新生)
SCHOOL_CHARS = 8  # 中国科学技术 + 大学


def _named_with(text: str, start: int, before: int) -> int:
    """A college named with 与 starts before it ("计算机与软件学院"), unless a party stands there (校团委与…)."""
    if start - 1 <= before or text[start - 1] != "与":
        return start
    at = start - 1
    while at > before and start - 1 - at < 6 and "\u4e00" <= text[at - 1] <= "\u9fff" and text[at - 1] not in _SCHOOL_STOP:
        at -= 1
    return at if start - 1 - at >= 2 and text[start - 2] not in "委会部局校处" else start


def schools(text: str) -> list[tuple[int, int, str]]:
    """The universities and colleges a text names, as (start, end, name): "合肥工业大学", "江南大学" in
    "共青团江南大学委员会". Read back from 大学/学院 to the nearest break; no gazetteer lists them."""
    found = []
    for m in _SCHOOL_END.finditer(text):
        start, before = m.start(), found[-1][1] if found else 0  # not back into the school named before
        while start > before and m.start() - start < SCHOOL_CHARS and "\u4e00" <= text[start - 1] <= "\u9fff" \
                and text[start - 1] not in _SCHOOL_STOP:
            start -= 1
        if text.startswith("共青团", start):
            start += 3
        elif start and text.startswith("青团", start) and text[start - 1] == "共":  # 8 characters back: 中国科学技术大学
            start += 2
        if start and text[start - 1].isdigit() and (lead := _TIME_LEAD.match(text, start)):
            start = lead.end()  # "2023—2024学年长江大学": the school year is no part of the name
        elif lead := _RELATIVE_LEAD.match(text, start):
            start = lead.end()  # "上年遵义医科大学" (a follow-up's year, put first): neither
        start = _named_with(text, start, before) if m.group() == "学院" else start
        if m.start() - start >= 2 or (m.start() - start == 1 and m.group() == "学院" and text[start] in _ONE_CHAR):
            found.append((start, m.end(), text[start:m.end()]))
    return found


_TIME_LEAD = re.compile(r"(?:学年|年度|年底|年末|年初|年)(?:上半年|下半年|上学期|下学期|第[一二]学期)?")
_RELATIVE_LEAD = re.compile(r"(?:上一?年|去年|前年|今年|本年|当年|明年|次年|同年|上年度|本年度)(?:度|同期)?(?=[\u4e00-\u9fff]{2})")
_ONE_CHAR = set("文理工法商医农林艺美音体师")  # 文学院, 商学院, 法学院: colleges named by one character


# A university shortened as staff say it: 辽科大 (辽宁科技大学), 长大 (长江大学), 郑大 (郑州大学). Words that end in 大 and
# are no university's, whatever the reports hold.
_SHORT_SCHOOL = re.compile(r"[\u4e00-\u9fff]{1,3}大(?!学|会|赛|队|型|量|力|幅|于|约|多|部|批|中)")
_NOT_SCHOOL = frozenset("广大 重大 扩大 壮大 强大 最大 巨大 盛大 伟大 远大 较大 很大 更大 加大 放大 宏大 庞大 大大 全大 人大 十大 两大 三大 四大 五大 六大 七大 八大 九大 百大".split())


# Words between a place and 大学 that make it no name: "上饶资助大学新生" asks of students, not of a 上饶资助大学.
_VERBS_BEFORE = frozenset("资助 帮助 考上 考入 录取 培养 服务 走进 进入 支持 联合 携手 奖励 慰问 助力 结对 对接 选派 推荐 输送".split())


def universities(text: str) -> list[str]:
    """The universities a text names in full that jieba's dictionary knows as one word (东北农业大学, 北京大学) or as a
    place, a word and 大学 (西藏民族大学), or a place and a kind of university (内蒙古 师范大学, 桂林 理工大学), not a
    name read back over other words ("服务桂林理工大学", "新考上大学")
    nor a generic one (理工大学)."""
    from ingest.words import jieba as mapped

    from .scope import find

    cut, words = mapped().lcut(text), []
    for i, w in enumerate(cut):
        if not w.endswith("大学"):
            continue
        # 西藏 民族 大学; 内蒙古 师范大学 (a kind of university jieba holds as one word, its place before it)
        before = cut[max(0, i - 2):i] if w == "大学" else cut[i - 1:i] if len(w) == 4 and i else []
        while before and not _a_place(before[0], find):
            before = before[1:]
        if before and all(len(b) == 2 and b not in _VERBS_BEFORE and not _ASKING.search(b) for b in before[1:]):
            words.append("".join(before) + w)
        elif len(w) >= 4:
            words.append(w)
    return [w for w in dict.fromkeys(words) if len(w) >= 5 or any(m.start == 0 for m in find(w[:2]))]


_ASKING = re.compile(r"哪|什么|几")  # "万载哪个大学的实践团…": a question word, no part of a university's name


def _a_place(word: str, find) -> bool:
    m = find(word)
    return bool(m) and m[0].start == 0 and m[0].end == len(word)


_WHICH_COLLEGE = re.compile(r"哪(?:个|一个|些|几个)?(?:学院|院系|学部)")


def of_the_one_school(text: str, names) -> str:
    """A question over colleges that names no university ("哪个学院团员最少?") asks of the one university whose
    reports the knowledge base holds; with none or several it stays as asked."""
    universities = [n for n in names if n.endswith("大学")]
    if len(universities) != 1 or not _WHICH_COLLEGE.search(text) or any(s.endswith("大学") for *_, s in schools(text)):
        return text
    return universities[0] + text


def spelled_out(text: str, names) -> str:
    """The text with each university shortened as its first character and more of its name in order, ending in 大,
    written out as the one university among `names` (those the reports name) it can stand for."""
    def full(m: re.Match) -> str:
        word = m.group()
        for k in range(len(word) - 1):  # the longest first: 在辽科大, 辽科大, 科大
            short = word[k:]
            if short in _NOT_SCHOOL:
                continue
            fits = [n for n in names if n.endswith("大学") and n[0] == short[0] and _in_order(short[1:-1], n[1:-2])]
            if len(fits) == 1 and fits[0] not in text:
                return word[:k] + fits[0]
        return word
    text = _SHORT_SCHOOL.sub(full, text) if names and "大" in text else text
    return _two_characters(text, names) if names else text


def _two_characters(text: str, names) -> str:
    """A university shortened to its first character and one later character of its name (华农: 华南农业大学, 淮师:
    淮北师范大学), written out where one university among `names` fits. Not its first two characters: 华南 is a region."""
    for short, name in _abbreviations(tuple(names)).items():
        if short in text and name not in text:
            text = re.sub(re.escape(short) + "(?!大)", name, text)
    return text


@functools.lru_cache(maxsize=8)
def _abbreviations(names: tuple[str, ...]) -> dict[str, str]:
    """short -> university, for the shortenings only one of `names` fits (read on every question: made once)."""
    fits: dict[str, set] = {}
    for n in (n for n in names if n.endswith("大学")):
        for c in n[2:-2]:
            fits.setdefault(n[0] + c, set()).add(n)
        if (own := _PROVINCE_CHARACTER.get(n[:-2])) is not None:  # 西藏大学: 藏大
            fits.setdefault(own + "大", set()).add(n)
    return {short: next(iter(full)) for short, full in fits.items() if len(full) == 1}


# A province's university goes by the province's one-character name where it is not the first: 藏大, 川大, 蒙大.
_PROVINCE_CHARACTER = {"西藏": "藏", "四川": "川", "内蒙古": "蒙"}


def _in_order(chars: str, name: str) -> bool:
    at = 0
    for c in chars:
        at = name.find(c, at) + 1
        if not at:
            return False
    return True


_COLLEGE_WORD = re.compile(r"[\u4e00-\u9fff]+?(?:学院|院)")


def colleges_spelled_out(text: str, colleges) -> str:
    """A college shortened as its first character and more of its name in order (石工学院, 经管学院, 地科院: staff's
    words for 石油与天然气工程学院, 经济管理学院, 地球科学与技术学院), written out as the one among `colleges` (those the
    reports give figures of) it can stand for; a college named in full stays as it is."""
    def full(m: re.Match) -> str:
        word = m.group()
        for k in range(len(word) - 2):  # the longest first: 西南石油大学石工学院, …, 石工学院
            short = word[k:]
            if short in colleges:
                return word
            body = short[:-2] if short.endswith("学院") else short[:-1]
            fits = [n for n in colleges if len(body) >= 2 and n[0] == body[0] and _in_order(body[1:], n[1:-2])]
            if len(fits) == 1:
                return word[:k] + fits[0]
        return word
    return _COLLEGE_WORD.sub(full, text) if colleges else text


# The words English names of Chinese universities translate (Southwest Petroleum University: 西南石油大学); the others
# are pinyin (Lanzhou University, Zhejiang Gongshang University), matched against the name's own characters.
_SCHOOL_WORDS = {
    "north": ("北方", "华北", "北"), "south": ("南方", "华南", "南"), "east": ("华东", "东"), "west": ("西",),
    "northeast": ("东北",), "northwest": ("西北",), "southeast": ("东南",), "southwest": ("西南",),
    "central": ("中南", "华中", "中央", "中"), "normal": ("师范",), "teachers": ("师范",), "petroleum": ("石油",),
    "science": ("科学", "科技", "理"), "technology": ("科技", "技术", "理工", "工"), "agricultural": ("农业",),
    "agriculture": ("农业",), "forestry": ("林业",), "medical": ("医科", "医学", "医"), "medicine": ("医药", "医学"),
    "engineering": ("工程", "工业"), "industrial": ("工业",), "finance": ("财经", "金融"), "economics": ("经济",),
    "business": ("工商", "商业", "商"), "law": ("政法",), "political": ("政法",), "foreign": ("外国语",),
    "languages": ("外国语", "语言"), "minzu": ("民族",), "nationalities": ("民族",), "chemical": ("化工",),
    "mining": ("矿业",), "geosciences": ("地质",), "aeronautics": ("航空",), "maritime": ("海事",), "ocean": ("海洋",),
    "communication": ("传媒",), "arts": ("艺术",), "sport": ("体育",), "sports": ("体育",), "polytechnic": ("理工",),
    "vocational": ("职业",), "technical": ("技术",), "information": ("信息",), "electric": ("电力",),
    "university": ("大学",), "college": ("学院",), "institute": ("学院",), "scitech": ("科技", "理工"),
    "china": ("中国",),
}
_SKIPPED = frozenset("of and the for".split())
_ENGLISH_SCHOOL = re.compile(r"\b(?:(?:[A-Z][a-z]+|of|and|the|for)\s+){1,6}(?:University|College|Institute)\b"
                             r"(?:\s+of(?:\s+(?:[A-Z][a-z]+|and)){1,4})?")


def english_schools(text: str, names) -> str:
    """An English name of a university the reports name, written as the reports write it ("How many members does
    Southwest Petroleum University have?" -> 西南石油大学), where exactly one of `names` fits every word in order."""
    if not names or not _ENGLISH_SCHOOL.search(text):
        return text

    def chinese(m: re.Match) -> str:
        phrase = re.sub(r"science and technology", "scitech", m.group().lower())
        words = [w for w in re.findall(r"[a-z]+", phrase) if w not in _SKIPPED]
        fits = [n for n in names if _reads_as(words, n)]
        return fits[0] if len(fits) == 1 else m.group()
    return _ENGLISH_SCHOOL.sub(chinese, text)


def _reads_as(words: list[str], name: str) -> bool:
    """Each word is the next part of the name: a translation, or the pinyin of its next one to four characters."""
    from ingest.words import lazy_pinyin

    kinds = ("university", "college", "institute")
    words = [w for w in words if w not in kinds] + [w for w in words if w in kinds]  # 大学 comes last in Chinese
    at = 0
    for word in words:
        options = [c for c in _SCHOOL_WORDS.get(word, ()) if name.startswith(c, at)]
        if not options and word == "china":  # South China: 华南; China University of Petroleum: 中国…
            continue
        if not options and lazy_pinyin is not None:
            options = [name[at:at + k] for k in range(1, 5) if "".join(lazy_pinyin(name[at:at + k])) == word]
        if not options:
            return False
        at += len(max(options, key=len))
    return at == len(name)


# A place naming an award ("宁夏青年五四奖章", "江西省五四红旗团委"): the award's, no scope of the question.
AWARD_AFTER = re.compile(r"(?:省|市|自治区)?(?:青年五四奖章|五四红旗|十大杰出青年|优秀共青团|新长征突击手|青年岗位能手)")


_UNIVERSITY_LEAD = re.compile(r"^(?:其中|服务|考上|考入|进入|就读|报考|在|到|去|于|的|为|和|与|及)+")
_ENTERING = re.compile(r"考上|考入|考取|升入|上了")
_SCHOOL_OWN = re.compile(r"我校|全校|本校|校团委")  # a school's own page need not spell its name ("我校2014年度…")


def universities_asked(text: str) -> set[str]:
    """The universities a question names as its scope: not 其中大学新生, 新考上大学."""
    asked = {_UNIVERSITY_LEAD.sub("", name) for *_, name in schools(text) if name.endswith("大学")}
    return {name for name in asked if len(name) >= 4 and not _ENTERING.search(name)}


def of_universities(asked: set[str], passages: list) -> list:
    """A university the question names is its scope, as a place is: only a report of its own (its title) or a
    paragraph naming it answers. A university that a city's table note lists (北方民族大学 among 市直及驻银高校) is not
    answered with that city's, or another university's, figures (blind sets 39 and 40)."""
    if not asked:
        return passages
    return [p for p in passages if all(name in p.title or name in p.text for name in asked)
            or (_SCHOOL_OWN.search(p.title + p.text) and not any(s.endswith("大学") for *_, s in schools(p.title)))]
