"""People's names in a clause, for 谁 questions: after a role word ("团市委书记 刘雅琴", "理事长为黄立新"), or where
jieba tags a name. jieba alone splits unknown names ("黄|立新", "周|启航") and tags words as names ("青少年", "红旗"),
so a name after a role is read as a surname plus one or two characters, and every candidate says whether it starts
with a common surname (a feature the answer model weighs).
"""
from __future__ import annotations

import re

ROLES = ("书记", "负责人", "创始人", "主任", "会长", "局长", "部长", "主席", "记者", "通讯员", "老先生", "代表",
         "理事长", "秘书长", "市长", "县长", "区长", "州长", "校长", "院长", "站长", "队长", "团长", "社长", "馆长",
         "处长", "科长", "所长", "董事长", "经理", "老师", "教师", "辅导员", "干事", "委员", "报告人",
         # trades an honour's citation names its winner by ("研发工程师张晓峰带领团队…获评长沙青年五四奖章")
         "工程师", "技术员", "研究员", "设计师", "医生", "民警", "教练",
         # a task force's and a meeting's people ("刘子涵任副组长", "联系人:郭明远", "召集人为田雨泽")
         "组长", "联系人", "召集人", "主持人")
# The most common single-character surnames (about nine in ten people) and the compound ones still in use.
SURNAMES = frozenset(
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何林高罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟"
    "谭陆汪范金石廖贾夏韦付傅方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤常温康施文牛樊葛"
    "邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕单季裴霍涂成苗谷盛曲翁冉骆蓝"
    "路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶解牟艾尤阳时穆农司卓古吉缪简车项连芦麦褚娄窦戚岑景党宫费卜冷晏席卫米柏宗瞿桂"
    "全佟应臧闵苟邬边卞姬师和仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩明佘池查麻苑迟邝"
    # rarer ones of the 百家姓 and of the south, whose characters seldom start a word (谌启航, 禤梓萌, 钮玥, 晁雨萌)
    "谌禤钮晁亓粟訾逯昝郗宓隗邴阚厍缑亢况郦雍芮羿储汲糜荀蔺胥璩濮扈冀郏蒯殳夔乜鞠竺逄郜蓟宦庾暨佴鄢笪揭旷眭"
    "嵇毋阎侍酆贲钭仝邸琚")
COMPOUND = ("欧阳", "司马", "上官", "诸葛", "东方", "皇甫", "尉迟", "公孙", "慕容", "长孙", "宇文", "司徒", "令狐", "夏侯")
# A name written with a dot between its parts, as Uyghur, Kazakh and transliterated names are ("阿依古丽·买买提"):
# jieba cuts it apart and no surname starts it. Where it starts and ends is read from the words around it.
# Names may hold rare characters of CJK Extension A (蒋䶮), outside jieba's and most patterns' range. As a pattern,
# for lines that are a name alone:
DOTTED = r"[\u3400-\u4dbf\u4e00-\u9fff]{2,6}[·•・‧][\u3400-\u4dbf\u4e00-\u9fff]{2,5}"
_DOT = re.compile(r"(?P<left>[\u3400-\u4dbf\u4e00-\u9fff]+)[·•・‧](?P<right>[\u3400-\u4dbf\u4e00-\u9fff]+)")
_AFTER_NAME = re.compile(r"同志|荣获|获评|获得|获|被|分别|兼任|担任|当选|出任|任|主持|出席|表示|介绍|说|带领|作|等|在|和|与|为|的")
_GAP = re.compile(r"[\s::]*(?:为|是|由)?[\s::]*")  # 理事长为黄立新, 书记: 王娜, 团市委书记 刘雅琴
_GIVEN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff]{1,2}")
# A roster line of a 表彰决定 or 名单: the name, a space, who they are ("吴晓雯　山东港口烟台港集团调度员").
_ROSTER = re.compile(rf"\s*(?P<name>{DOTTED}|[\u3400-\u4dbf\u4e00-\u9fff]{{2,4}})[ \u3000\t]+(?P<who>[\u4e00-\u9fff(（].{{1,60}})")


# A name elected or appointed to a role, written before it: ",罗清扬当选校团委书记", "由张伟担任团县委书记".
_ELECTED = re.compile(rf"(?:^|(?<=[,,。;;、:: ])|{'|'.join(f'(?<={r})' for r in ROLES)})由?(?P<name>[\u3400-\u4dbf\u4e00-\u9fff]{{2,4}}?)(?:当选为?|担任|出任|任)"
                      rf"[\u3400-\u4dbf\u4e00-\u9fff]{{0,10}}?(?P<role>{'|'.join(ROLES)})")


# A name after who they are and before what they did or won ("阆中市青年志愿者李卓然获评…", "米易县青年阿苏日哈获评…",
# "返乡青年苟建平依托电商平台…"): people nouns are no ROLES (a 青年 is no office), and names outside the common
# surnames (阿苏日哈) are read by where they stand.
_PEOPLE_NOUN = r"青年|志愿者|学生|大学生|研究生|教师|老师|民警|医生|护士|党员|团员|队员|农民|职工|工人|干部|选手|创业者|社工|村民|少年|儿童|" \
               r"牧民|藏医|传承人|宣讲员|讲解员|护林员"
# ...or a table row's next column header, glued to its row's name ("硕士研究生杨晨曦荣誉或奖项宁夏青年五四奖章")
_DEED = r"获评|荣获|获得|获|被评为|被授予|入选|当选|依托|带领|带动|创办|发起|表示|介绍|说|等|荣誉称号|荣誉或奖项|荣誉|奖项|" \
        r"级别|授予时间|[,,。;;、“(（]"
_COLUMN_WORDS = frozenset({"荣誉", "奖项", "级别"})
_NAMED_BY_DEED = re.compile(rf"(?:{_PEOPLE_NOUN})(?P<name>[\u3400-\u4dbf\u4e00-\u9fff]{{2,4}}?)(?={_DEED})")
_BEFORE_NAME = re.compile("|".join(ROLES) + "|" + _PEOPLE_NOUN + r"|[的县市区镇乡村州委局校院由为是和与]")
_NO_NAME = re.compile(r"[队会团委部组站社室所的和与及]$|^[的和与及在]|志愿|服务|青年|学生")


def surnamed(name: str) -> bool:
    return name[:2] in COMPOUND or name[:1] in SURNAMES


def dotted(name: str) -> bool:
    return bool(re.fullmatch(DOTTED, name))


def named(name: str) -> bool:
    """A person's name as a line alone may hold one: a common surname first, or two parts joined by a dot."""
    return surnamed(name) or dotted(name)


def dotted_names(text: str) -> list[tuple[str, int]]:
    """(name, offset) of each dotted name: its first part after the last role, people noun or place word before the
    dot ("团委书记古丽米拉·艾山": 古丽米拉), its second up to the next word that is not a name's (荣获, 分别, 、)."""
    found = []
    for m in _DOT.finditer(text):
        left, right = m["left"], m["right"]
        cut = max((e.end() for e in _BEFORE_NAME.finditer(left)), default=0)
        left = left[max(cut, len(left) - 6):]
        stop = _AFTER_NAME.search(right, 2)
        right = right[:stop.start()] if stop else right[:5]
        if len(left) >= 2 and len(right) >= 2:
            found.append((f"{left}{m.group()[len(m['left'])]}{right}", m.start("right") - 1 - len(left)))
    return found


def people(clause: str, question: str, asked_roles: list[str]):
    """(name, offset, after the role asked, after any role) for each name in the clause, in reading order."""
    from ingest.words import tagged as cut

    found: dict[int, tuple] = {}
    for role in dict.fromkeys(asked_roles + list(ROLES)):
        for m in re.finditer(re.escape(role), clause):
            if asked_roles and not role.startswith("副") and clause[max(0, m.start() - 1):m.start()] == "副":
                continue  # "副书记吴欣然" is no 书记 asked; with no role asked, a deputy is a person like any
            at = _GAP.match(clause, m.end()).end()
            name = next((n for n, start in dotted_names(clause[at:at + 14]) if start == 0), "") \
                or _long_name(clause[at:at + 8]) or _after_role(clause[at:at + 6], cut)
            if name and name not in question:
                found.setdefault(at, (name, at, role in asked_roles, True))
    for m in _ELECTED.finditer(clause):
        if surnamed(m["name"]) and m["name"] not in question:
            asked = any(role in m.group()[len(m["name"]):] for role in asked_roles)  # "刘子涵任副组长": 副组长 asked
            if asked or m.start("name") not in found:  # over the role before the name ("副书记刘子涵")
                found[m.start("name")] = (m["name"], m.start("name"), asked, True)
    for m in _NAMED_BY_DEED.finditer(clause):
        if not _NO_NAME.search(m["name"]) and m["name"] not in question and not _words(m["name"], cut):
            found.setdefault(m.start("name"), (m["name"], m.start("name"), False, True))
    for m in _BRACKETED.finditer(clause):  # "主持人:王晓岚(团市委书记)": the role asked, in brackets after the name
        if surnamed(m["name"]) and m["name"] not in question and any(
                role in m["who"] and (role.startswith("副") or "副" + role not in m["who"]) for role in asked_roles):
            found[m.start("name")] = (m["name"], m.start("name"), True, True)  # over a role before it
    if (label := _LABELLED.match(clause)) and (label["label"][:2] in question or label["label"][-2:] in question) \
            and surnamed(label["name"]) \
            and label["name"] not in question:  # "记录:张可心" for "会议记录人": the label asked
        found[label.start("name")] = (label["name"], label.start("name"), True, True)
    if (roster := roster_line(clause)) and (name := roster["name"]) not in question:
        asked = any(role in roster["who"] for role in asked_roles)
        if asked or roster.start("name") not in found:
            found[roster.start("name")] = (name, roster.start("name"), asked, True)
    # a quoted title is no one's name: jieba's 红旗 of "上海市五四红旗团委", the dot of "青年之声·书记面对面"
    quoted = [m.span() for m in _QUOTED.finditer(clause)]
    dots = [(name, start) for name, start in dotted_names(clause) if not any(a <= start < b for a, b in quoted)]
    for name, start in dots:
        if name not in question:
            found.setdefault(start, (name, start, False, False))
    dots = [(start, start + len(name)) for name, start in dots] + quoted
    at = 0
    for word in cut(clause):
        # jieba tags 荣获 nr after a name ("罗佳慧|荣获"): a deed is no name
        if word.flag.startswith("nr") and len(word.word) >= 2 and word.word not in question \
                and not re.fullmatch(_DEED, word.word) and not any(a <= at < b for a, b in dots) \
                and not _TOWN_NEXT.match(clause, at + len(word.word)) \
                and not _INSTITUTION_NEXT.match(clause, at + len(word.word)) \
                and not _common_word(word.word):  # 黎明职业大学, 仰恩大学: a name of one; 文明 of 文明引导: a word
            found.setdefault(at, (_whole_given(clause, at, word.word), at, False, False))
        at += len(word.word)
    spans = [(start, start + len(name)) for name, start, *_ in found.values()]
    # jieba's 海燕 inside 韦海燕 found after the role: one person, not two ("韦海燕、海燕" was a list of names)
    return [found[k] for k in sorted(found) if not _no_person(found[k][0]) and not any(
        a <= k and k + len(found[k][0]) <= b and b - a > len(found[k][0]) for a, b in spans)]


def _words(name: str, cut) -> bool:
    """Words of the dictionary, none a name: "团员教育评议、…" is no 团员 named 教育评议 (教育|评议); a name jieba does
    not know falls apart into single characters (刀|瑾|芃) or is read as places (阿苏|日哈) instead."""
    words = list(cut(name))
    return all(len(w.word) >= 2 and not w.flag.startswith(("nr", "ns")) for w in words)  # 阿苏|日哈 tagged ns


def _common_word(word: str) -> bool:
    """A word jieba tags a name but uses as a common one (文明 6,584 times in its corpus, 明白, 阳光, 道德): among the
    721 people of the gold sets the most frequent in jieba's dictionary is 庄严 (2,070)."""
    from ingest.words import jieba

    return (jieba().dt.FREQ.get(word) or 0) >= COMMON_WORD


COMMON_WORD = 3_000  # jieba frequency from which a word tagged a name is a common word's use
_QUOTED = re.compile(r"“[^“”]{1,30}”|《[^《》]{1,40}》")
_BRACKETED = re.compile(r"(?P<name>[\u4e00-\u9fff]{2,3})[(（](?P<who>[^()（）]{1,30})[)）]")
_LABELLED = re.compile(r"\s*(?P<label>[\u4e00-\u9fff]{2,5})[:：]\s*(?P<name>[\u4e00-\u9fff]{2,3})(?=[(（\s,,;;。]|$)")
_TOWN_NEXT = re.compile(r"街道|镇|乡(?!村)|社区")
_INSTITUTION_NEXT = re.compile(r"(?:职业|技术|师范|理工|医学|科技)?(?:大学|学院|学校|中学|小学|高校)|集团|公司|银行|实践|精神")
_NAME_END = re.compile(r"[\u4e00-\u9fff](?=[(（,,、。;;\s]|$)")


def _whole_given(clause: str, at: int, name: str) -> str:
    """jieba's "王梓|萱(…)": a surname and one character tagged a name, one more before a bracket or a stop is its
    last ("王梓萱(南海…博士研究生)")."""
    if len(name) == 2 and surnamed(name) and _NAME_END.match(clause, at + 2) and not _AFTER_NAME.match(clause, at + 2):
        return clause[at:at + 3]
    return name


def _no_person(name: str) -> bool:
    """A town or county read as a name (jieba tags 张江镇's 张江 a person's; "张江镇团委副书记吴欣然"), the verb 任/兼
    before a role ("一名副书记任常务副组长": jieba's 任常务), or a table's column word (荣誉 of 荣誉或奖项): no person."""
    if name in _COLUMN_WORDS:
        return True
    if name[:1] in "任兼" and any(role.startswith(name[1:]) or name[1:].startswith(role) for role in _ROLE_STARTS):
        return True
    return len(name) >= 3 and (name[-1] in "镇乡区县市省州" or name.endswith("街道"))


_ROLE_STARTS = (*ROLES, "常务", "成员", "组员", "组长", "副组长")


_SIGNED = re.compile(rf"\s*[\u3400-\u4dbf\u4e00-\u9fff]{{0,10}}(?:{'|'.join(ROLES)})[\s\u3000::]+(?P<name>{DOTTED}|[\u3400-\u4dbf\u4e00-\u9fff]{{2,4}})\s*")


# The issuer signing with its head in brackets: "共青团秀山土家族苗族自治县委员会(团县委书记杨承志)"
_SIGNED_BY = re.compile(rf"[\u4e00-\u9fff]{{2,30}}\s*[((]\s*[\u4e00-\u9fff]{{0,10}}(?:{'|'.join(ROLES)})[\s\u3000::]*"
                        rf"(?P<name>{DOTTED}|[\u3400-\u4dbf\u4e00-\u9fff]{{2,4}})\s*[))]\s*")


def signed_line(text: str) -> bool:
    """A role and a name alone on a line: a report's speaker under its title ("团市委书记　孙晓彤"), or its signer
    (its issuer, the head in brackets)."""
    m = _SIGNED.fullmatch(text) or _SIGNED_BY.fullmatch(text)
    return bool(m) and named(m["name"])


def roster_line(text: str) -> re.Match | None:
    """A name and who they are, as a 名单 lists people; a match with "name" and "who", else None."""
    m = _ROSTER.match(text)
    return m if m and named(m["name"]) else None


def _after_role(text: str, cut) -> str:
    words = list(cut(text))
    if not words:
        return ""
    first = words[0]
    placed = _PLACED_NAME.match(text)  # jieba's "亓梓|涵。", "禤|嘉|琪": the whole name, up to the clause's end

    def whole(name: str) -> str:
        return placed["name"] if placed and placed["name"].startswith(name) else name

    if placed and len(placed["name"]) == 4 and surnamed(placed["name"]) \
            and sum(c in _TRANSLITERATED for c in placed["name"]) < 3:  # "刘伟强调": a Han name is 2-3 long;
        placed = None  # 尕藏卓玛, 才让东智 (Tibetan), 沙玛阿依 (Yi: 沙 a surname too) run to 4

    if first.flag.startswith("nr") and 2 <= len(first.word) <= 4:  # nr, nrfg, nrt: jieba's name tags
        return whole(first.word)
    if (first.word in SURNAMES or first.word in COMPOUND) and len(words) > 1 and _GIVEN.fullmatch(words[1].word):
        return whole(first.word + words[1].word)  # jieba's "黄|立新": a surname and a given name it did not know
    # A name no surname list knows (刀瑾芃, 普翀, 者晞: Dai and Yi names), read by where it stands: two or three
    # characters between the role and what the person did, a title or the clause's end ("队长禤梓萌带领…").
    m = placed
    if not m or _NO_NAME.search(m["name"]) or _AFTER_NAME.match(m["name"]) or ROLE.search(m["name"]):
        return ""
    cuts = list(cut(m["name"]))  # a word of the dictionary (单位, 表示) is no name nobody knows
    # (jieba tags some Tibetan names ns: 尕藏卓玛; a place right after a role would end like one)
    word = cuts[0] if len(cuts) == 1 else None
    return "" if word and not (word.flag.startswith("nr") or word.flag == "ns" and word.word[-1] not in _PLACE_END) \
        else m["name"]


_PLACE_END = set("省市县区州盟旗镇乡村街道")
# Characters of Mongolian, Uyghur, Kazakh and Tibetan names written in Chinese without a dot (阿拉腾其其格, 额尔敦毕力格,
# 买买提江阿布拉): five to seven of them after a role up to the clause's end are one name, not words.
_TRANSLITERATED = set("阿巴拉尔克提买江娜格其日图雅乌兰敦毕力腾苏吐热合曼古丽米艾山努别沙肯依明西哈木吾帕孜塔扎卓玛次仁旦"
                      "增措央宗嘎布达朗洛桑顿珠德吉索南扎西加措白玛琼达瓦那钦呼和斯楞宝音乐额都赛罕特穆耶勒赫汗库尔班"
                      "伊买尼亚夏迪拉里孜吾斯曼尔汗")
_LONG_NAME = re.compile(r"(?P<name>[\u4e00-\u9fff]{5,7})(?=[,,。;;、()()\s]|$)")


def _long_name(text: str) -> str:
    m = _LONG_NAME.match(text)
    return m["name"] if m and sum(c in _TRANSLITERATED for c in m["name"]) >= len(m["name"]) - 1 else ""


_PLACED_NAME = re.compile(r"(?P<name>[^\W\d的了在和与及为是对将把从向由等各全该本][\u3400-\u4dbf\u4e00-\u9fff]{1,3}?)"
                          rf"(?=(?:{_AFTER_NAME.pattern}|教授|老师|先生|女士|同学)|[,,。;;()()、\s]|$)")


ROLE = re.compile(r"副?(?:" + "|".join(ROLES) + ")")  # a role as questions name it: 书记, 副书记


# "孙铭泽是什么职务?", "赵雨桐是干什么的?", "What is Li Wenbo's position?": the role written beside a name the question
# names, as the reports write it ("江源区团委书记孙铭泽获评…", "市委常委、宣传部部长李文博出席…").
ASKS_ROLE = re.compile(r"(?:什么|啥|哪个|何)(?:职务|职位|身份|岗位|头衔|工作)|干什么的|做什么的|担任(?:什么|何)|任什么职|"
                       r"(?:职务|职位|身份)是(?:什么|啥)|\b(?:position|title|role|job)\b", re.I)
_ROLE_END = set("记任长席委员师生工者主官手")  # 书记 主任 部长 主席 常委 委员 教师 医生 渔工 志愿者 农场主
_ROLE_LEAD = re.compile(r"^(?:由|其中|经|另有|以及|和|与|及|并|会上|会议|同时)")
_ROLE_BREAK = re.compile(r"[,,;;::。!?!?“”\"()()《》]")


def roles_of(clause: str, question: str) -> list[tuple[str, int]]:
    """(role, offset) for each name of the question found in the clause with a role written before it, or in
    parentheses after it; [] when the question asks no role."""
    if not ASKS_ROLE.search(question):
        return []
    names = {question[i:i + n] for n in (2, 3, 4) for i in range(len(question) - n + 1)}
    out = []
    for name in sorted((n for n in names if surnamed(n) and n in clause), key=len, reverse=True):
        at = clause.index(name)
        if any(a <= at < a + len(r) + len(name) for r, a in out):
            continue
        if m := re.match(r"[((]([^()()]{2,20})[))]", clause[at + len(name):]):
            out.append((m.group(1), at + len(name) + 1))
        elif role := _role_before(clause[:at]):
            out.append((role, at - len(role)))
    return out


def _role_before(text: str) -> str:
    """The role right before a name: back to a break, over 、 only while each piece ends as a role does."""
    text = _ROLE_BREAK.split(text)[-1]
    pieces = text.split("、")
    role = pieces.pop()
    while pieces and pieces[-1][-1:] in _ROLE_END:
        role = pieces.pop() + "、" + role
    role = _ROLE_LEAD.sub("", role)
    return role if 2 <= len(role) <= 24 and role[-1] in _ROLE_END else ""
