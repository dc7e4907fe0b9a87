"""What a figure counts (its indicator), as tests/data/facts/README.md has it: the shortest phrase in the text that
names what is counted. The noun after a measure word ("2万余名青年志愿者"), else the words before the figure in its
clause ("注册志愿者已达528740人"); a table row's header; the honour or post people were counted for.
"""
from __future__ import annotations

import re
from functools import lru_cache

from .fact_numbers import EXTRA_UNITS

_CLAUSE_END = re.compile(r"[,,、::()()“”\"《》]")
# Words between an indicator and its figure ("志愿者已达528740人"), taken off the indicator's end.
_LINK = frozenset("已经 已 累计 共计 总计 合计 共 达到 达 为 是 有 约 超过 逾 近 将近 接近 计 全年 增加 增长 增至 提高 已有 已达 已达到 达到了 低至 拿到 "
                  "提升 突破 至 到 了 的 将 在 将在 保持 保持在 分别 各 就 都 也 还 仅 仅仅 用 拿 提供 涉及".split())
# Where an indicator before its figure begins: after these words the rest names what is counted.
_LEAD = frozenset("其中 合计 总计 小计 截至 目前 今年 去年 全年 累计 共计 共 先后 已经 已 在 为 向 对 给 帮助 通过 依托 围绕 并 "
                  "等 将 把 被 让 使 从 于 中 后 前 里 上 下 就 也 还 又 再 并且 同时 此外 另外 其 该 这 那 即".split())
_EDGE = frozenset("名 个 家 所 位 支 项 场 次 期 篇 条 份 笔 处 的 了 和 与 及 是")  # a stray measure word or particle at either end
# After a measure word, the counted noun runs until a verb or function word starts the rest of the clause.
_AFTER_STOP = re.compile(r"(?:参与|参加|开展|进行|提供|获得|受益|实现|完成|共同|先后|投身|报名|在|和|及|与|等|为|到|"
                         r"次|以上|左右|走进|深入|奔赴|赴|到|就此|将|已|被|把|从|来自|用作|用于|作为)")
_TARGET = re.compile(r"的(?:目标|任务)")
_OF = "的"  # "50名家境贫寒的大学生": the noun after the last 的 is what is counted
_MEASURE = frozenset("名 个 家 所 位 支 项 场 次 期 篇 条 份 笔 处 户 座 件 本 册 届 队 台 辆 种 类 张 套 人 人次 场次".split()) | set(EXTRA_UNITS)
_PEOPLE = frozenset("名 人 位".split())
_PLACES_OF = frozenset("所 家".split())  # "20所高校的领导": the schools are counted, the rest is theirs
_JOINED = re.compile(r"(?:到场参加|参加会议|参加活动|参加|参与|出席|到场|(?:意向)?报名)")  # "51136人意向报名"
_PERSON = re.compile(r"(?:者|员|家|生|青年|干部|儿童|代表|群众|老师|教师|学子)$")
_QUOTES = "“\"「《"
# A measure word counts the noun after it ("2万余名青年志愿者"); money reads on too ("20万元贷款", "230.8万元的资助").
_AFTER_FIRST = _MEASURE | {"元"}
_MAX_INDICATOR = 12  # characters: longer runs are clauses, not names of a count
_CJK = re.compile(r"[\u4e00-\u9fff]+")
_CJK_LIST = re.compile(r"[\u4e00-\u9fff][\u4e00-\u9fff、]*")
_PARENTHESIS = re.compile(r"[((][^()()]*[))]")
_HONOUR = re.compile(r"[“”\"\u4e00-\u9fff]{0,10}?(?P<verb>被评为|被命名为|被授予|被确定为|被认定为|被推选为|获评|荣获|评为|担任|获得)(?P<what>[^,,。;;!?!?]+)")
# "全国五四红旗团委称号授予293个团组织": the honour named before the figure is what is counted
_HONOUR_BEFORE = re.compile(r"(?P<what>[“”\"\u4e00-\u9fff]{2,14}?)(?:荣誉)?称号(?:授予|颁给|颁授给)(?:了)?\s*$")
_TITLE_WORD = re.compile(r"(?:荣誉)?称号$|等$")
_ACTS = frozenset("组织 举办 举行 开展 开设 连续 成功 先后".split())  # verbs of organising, between a name and its count
# Words that name nothing counted: a clause of only these (and a place) before its figure says "as before, here".
_THEN = frozenset("另有 其中 还有".split())
_NAMES_NOTHING = _LINK | _LEAD | _ACTS | frozenset("另有 新建 新增 建成 一地 达到 累计 合计 共计 总计 分别 各 区 县 市 州 旗".split())  # 区: of 赣县区
_UNEVEN = re.compile(r"^不等的?")
_RANGE = re.compile(r"\s*[至到~\uff5e\-—]\s*")
_ROLE = re.compile(r"为(?P<what>[\u4e00-\u9fff“”]{2,14})(?=[,,。;;、]|$)")
_YEAR = re.compile(r"(?:19|20)\d{2}\s*年(?:度|底|末|初)?")  # a year is not part of what is counted
_COMPARED_YEAR = re.compile(r"[较比由从]\s*(?:19|20)\d{2}\s*年(?:度|底|末|初)?的?")  # nor the year compared with
_TAIL_PARENTHESIS = re.compile(r"[((][^()()]{1,8}[))]\s*$")
_THERE_ARE = re.compile(r"的(?:有|是)|包括|有")
_QUOTED_BEFORE = re.compile(r"“[^“”]{2,8}”$")
# A label and a colon right before the figure, at a line's or clause's start (an appendix's "2. 注册青年志愿者:10.16万人")
_LABEL = re.compile(r"(?:^|[,,;;。\s])(?:[((]?[一二三四五六七八九十\d]+[))、.．]\s*)?(?P<label>[^\d,,;;。::()()][^,,;;。::()()]{1,15})[::]\s*$")
_QUOTE_MARKS = re.compile(r"[“”\"]")
_SUMMED = re.compile(r"\s*(?:共计|合计|总计|累计|共|计)\s*")  # "培训乡村医生8期共712名": one training, two counts
_TOPIC_UNITS = frozenset("个 家 所 名 位 支 座 处".split())  # things and people, not events (场 次 期: the verb is counted)
_ADVERBS = frozenset("每年 每季度 重点 全部 逐步 累计 共 共计 已经 已 先后 新 再".split())
_SCALE_VERBS = frozenset("建成 扩充 扩大 扩展 增至 增加 控制 确定 招募 占 发展 壮大".split())  # the subject grows
_NOUN_VERBS = frozenset("组织 来电 坐席 服务 活动 培训 宣讲 咨询 帮扶 完成 孵化 实施 管理".split())  # jieba's v, here nouns
_PLACE_ENDS = tuple("区县市州旗盟镇乡村")
_AGENT = re.compile(r"(?:团[省市州县区旗]?委|团组织|青联|学联|少工委|基金会|青基会|我们|我市|我县|我区|各地|各级|全省|全市|全县|全区)$")
# A share of a plan done: "完成年度计划3,000名的105.4%", "完成全年任务的58.0%" (its indicator: what was planned + 计划完成率).
_DONE_OF = re.compile(r"完成(?:了)?(?:全年|年度|本年度|全年度)?(?:发展)?(?:计划|任务|目标)(?:数)?(?:[\d,.]+万?[\u4e00-\u9fff]?)?的\s*$")
_DONE_WHAT = re.compile(r"(?P<what>[\u4e00-\u9fff]{2,12})\s*[\d,.]+\s*万?[名个人家所项支]\s*[,;\uff0c\uff1b]?\s*$")  # what was done
_DONE_LEAD = re.compile(r"^(?:全[市县区省州校]|全年|今年|本年|一季度|上半年|共|累计|其中)+")
_NAMED_BEFORE = re.compile(r"[“\"](?P<name>[^”\"]{2,12})[”\"](?P<acts>[\u4e00-\u9fff]{1,6})$")


def indicator_of(text: str, q, previous=None, following=None) -> str:
    """What the figure q of this paragraph counts; previous, following: the figures around it, if any."""
    if header := _row_header(text, q):
        return header
    if q.unit == "%" and (done := _DONE_OF.search(text, 0, q.start)):  # "发展团员3,162名,完成年度计划3,000名的105.4%"
        counted = _DONE_WHAT.search(text, 0, done.start())
        counted = _DONE_LEAD.sub("", counted["what"]) if counted else ""
        return f"{counted}计划完成率" if 2 <= len(counted) <= _MAX_INDICATOR - 5 else "计划完成率"
    if honour := _honour(text, q):
        return honour
    clause = _CLAUSE_END.split(text[:q.start])[-1]
    if (given := _HONOUR_BEFORE.search(clause)) and len(given["what"].strip("“”\"")) >= 2:
        return given["what"].split("、")[-1]
    if following is not None and _RANGE.fullmatch(text, q.end, following.start):
        q = following  # "可获3000元至15000元不等的资助": both ends of a range count what follows the second
    if q.unit in _PEOPLE and (role := _ROLE.match(text, q.end)):  # "其中4人为研究生支教团成员"
        return role["what"]
    after = _after(text, q)
    if not after and (label := _LABEL.search(text, 0, q.start)):  # "1. 新发展团员:3126名(上年2784名)": the label's
        return _QUOTE_MARKS.sub("", label["label"]).strip()[:_MAX_INDICATOR + 2]
    if q.unit in _PEOPLE and (joined := _JOINED.match(text, q.end)) and not _PERSON.search(_before(text, q)):
        return joined.group()  # "600余人参加": what they did is the count (but "选派大学生志愿者175名参加": who)
    if previous is not None and previous.unit != q.unit and _SUMMED.fullmatch(text, previous.end, q.start) \
            and not (after and q.unit in _AFTER_FIRST):
        return _before(text, previous)
    if not after and (topic := _topic(text, q)):
        return topic
    if not after and (deed := _deed(text, q)):
        return deed
    found = after if after and q.unit in _AFTER_FIRST else _before(text, q) or after
    if not found and previous is not None and previous.end == q.start:  # "开展培训6期580人": both count the 培训
        return _before(text, previous)
    return found


def _topic(text: str, q) -> str:
    """A figure closing its clause right after a verb counts the clause's subject, named before the verb:
    "农村青年致富带头人协会已建成152个", "青年示范社每年重点扶持50个" (not "团市委共选派45名": who acts is not counted)."""
    if q.unit not in _TOPIC_UNITS or _CJK.match(text, q.end):
        return ""
    pairs = list(_tagged(_CLAUSE_END.split(text[:q.start])[-1].strip()))
    while pairs and pairs[-1][0] in _LINK:
        pairs.pop()
    if not pairs or pairs[-1][1] != "v" or pairs[-1][0] in _NOUN_VERBS:
        return ""
    verb = pairs.pop()[0]
    adverbs = 0
    while pairs and (pairs[-1][1] in ("d", "r") or pairs[-1][0] in _ADVERBS):
        pairs.pop()
        adverbs += 1
    if not (adverbs or verb in _SCALE_VERBS) or not pairs or pairs[-1][1][:1] != "n" or pairs[-1][1] == "ns":
        return ""
    run = [pairs.pop()[0]]
    while pairs and pairs[-1][1][:1] in "nlbatv" and pairs[-1][1] != "ns" and pairs[-1][0] not in _LEAD \
            and len(pairs[-1][0]) + sum(map(len, run)) <= _MAX_INDICATOR:
        run.insert(0, pairs.pop()[0])
    subject = "".join(run)
    if len(subject) < 2 or _AGENT.search(subject) or subject.endswith(_PLACE_ENDS) or names_nothing(subject):
        return ""
    return subject if q.unit not in _PEOPLE or _PERSON.search(subject) or subject.endswith(("标兵", "人")) else ""


def _deed(text: str, q) -> str:
    """People counted by nothing before them are counted by what they did after: "累计有9183名得到资助,13103名在团组织
    帮助下顺利就业", "另有2.4万人在线收看直播"."""
    head = text[:q.start]
    if q.unit not in _PEOPLE or head.rstrip().endswith(tuple(_QUOTES + "”」》")):
        return ""
    if not all(w in _LINK or w in _THEN for w in _words("".join(_CJK.findall(_CLAUSE_END.split(head)[-1])))):
        return ""
    run = _CJK.match(text, q.end)
    if not run or len(run.group()) > _MAX_INDICATOR:
        return ""
    word, flag = _tagged(run.group())[0]
    if flag[:1] not in "vdp" or (word in _LINK and flag != "p") or len(run.group()) < 2:
        return ""
    return "" if flag == "p" and _PERSON.search(run.group()) else run.group()


def names_nothing(words: str) -> bool:
    """Whether these words (a clause before a figure, its places and years taken out) name nothing counted:
    "其中,大理市开展98场", "南康区7.3万人", "其中2023年新建61个", "累计达到203个"."""
    return all(w in _NAMES_NOTHING for w in _words("".join(_CJK.findall(words))))


def before_words(text: str, end: int) -> str:
    """What the words ending at end name (a table's caption before a row's place): as for a figure there."""
    from types import SimpleNamespace

    return _before(text, SimpleNamespace(start=end))


def _row_header(text: str, q) -> str:
    """A cell that is only a figure, in a table row as text ("| 青年众创空间(…等) | 20家 |"): the row's first cell,
    its parenthesis (examples, a unit) left out. (ingest/tables.py writes docx/HTML rows as sentences instead.)"""
    if not text[:q.start].rstrip().endswith(("|", "|")):
        return ""
    row = text[text.rfind("||", 0, q.start) + 1:q.start]  # a markdown table's rows are joined by "||"
    first = next((c for c in re.split(r"[||]", row) if c.strip()), "")
    header = _PARENTHESIS.sub("", first).strip()
    return header if 2 <= len(header) <= _MAX_INDICATOR + 2 and header != text[q.start:q.end] else ""


def _honour(text: str, q) -> str:
    """The honour or post counted people or places hold: "2人被评为省级“乡村好青年”", "15所学校被命名为省级、市级红领巾
    法学院", "15人获得全国科学小院士称号", "28名“乡村好青年”担任村级团组织书记"."""
    m = _HONOUR.match(text, q.end)
    if not m or (m["verb"] == "获得" and not m["what"].endswith("称号")):
        return ""
    what = _TITLE_WORD.sub("", m["what"].split("、")[-1]).strip()
    return what if 2 <= len(what) <= _MAX_INDICATOR + 2 else ""  # + 2: quotes


def _after(text: str, q) -> str:
    """The noun right after the figure: "18个“青翼家园”", "16个区1453个社区", "3位企业家的认领资助"."""
    run = _CJK_LIST.match(text, q.end + (text[q.end:q.end + 1] in _QUOTES))
    if not run:
        return ""
    words = _UNEVEN.sub("", run.group())  # "3000元至15000元不等的资助"
    if words in _LINK:  # "8期共712名": the 共 sums, it is not counted
        return ""
    if _TARGET.match(words):  # "资助困难学生3000名以上的目标": a target counts what precedes it (not "25人的巡讲团")
        return ""
    if "、" in words and _OF not in words.rsplit("、", 1)[-1]:  # a list of nouns: the first is counted
        words = words.split("、", 1)[0]  # (but "50名家境贫寒、学业优秀的大学生": the noun after 的)
    words = _AFTER_STOP.split(words, maxsplit=1)[0]
    if _OF in words:
        head, tail = words.rsplit(_OF, 1)
        words = head if (q.unit in _PEOPLE and _PERSON.search(head)) or q.unit in _PLACES_OF else \
            tail if len(tail) >= 2 else words
    alone = run.end() < len(text) and not _CJK.match(text, run.end())  # a one-character noun before a figure or stop
    return words[:_MAX_INDICATOR] if len(words) >= 2 or (words and alone and words == run.group()) else ""


_COLUMN = re.compile(r"计划|完成|目标|实际|实际完成|目标任务|任务|预计")


def _before(sentence: str, q) -> str:
    """The words just before the figure in its clause, link words ("已达") off the end, whole words only."""
    # "其中2023年新建61个", "营地(基地)29个", a table row's "“青年之家”(个)2023年121个"
    head = _TAIL_PARENTHESIS.sub("", _YEAR.sub(",", _COMPARED_YEAR.sub(",", sentence[:q.start])).rstrip(",, "))
    head = head.rstrip(_QUOTES + "”」》\" ")  # 打造示范性“青年之家”10处以上
    if (named := _NAMED_BEFORE.search(head)) and all(w in _ACTS or w in _LINK for w in _words(named["acts"])):
        return named["name"]  # "“青年大学习”累计组织30余期": what was organised is named, not the organising
    clauses = _CLAUSE_END.split(head)
    if len(clauses) > 1 and _COLUMN.fullmatch(clauses[-1].strip()):
        # a plan table's cell, "新发展团员2024年完成7,152名": its column says which figure, its row what is counted
        head = head[:len(head) - len(clauses[-1])].rstrip(",, ")
        clauses = _CLAUSE_END.split(head)
    runs = _CJK.findall(clauses[-1])
    words = list(_words(runs[-1])) if runs else []
    while words and words[-1] in _LINK:
        words.pop()
    if not words and len(clauses) > 1 and len(clauses[-1].strip()) <= 2:
        return _counted(head)  # "出席会议的有……代表,共136人"
    kept: list[str] = []
    for word in reversed(words):
        if word in _LEAD or len(word) + sum(map(len, kept)) > _MAX_INDICATOR:
            break
        kept.insert(0, word)
    while kept and kept[0] in _EDGE:
        kept.pop(0)
    text = "".join(kept)
    if kept == words and clauses[-1].lstrip().startswith(runs[-1] if runs else "\0") \
            and (quoted := _QUOTED_BEFORE.search(head, 0, len(head) - len(clauses[-1]))):
        text = quoted.group() + text  # "“青年之家”综合服务平台247个": the name belongs to what is counted
    return text if len(text) >= 2 else ""


def _counted(head: str) -> str:
    """What a bare total ("共136人") counts: what its sentence says there are (the words before 的有/包括/有), else
    what its clause before names."""
    from types import SimpleNamespace

    own = head[max(head.rfind(c) for c in "。!?;!?;") + 1:]
    there = list(_THERE_ARE.finditer(own))
    if there:
        return _before(head, SimpleNamespace(start=len(head) - len(own) + there[-1].start()))
    clause = max(head.rfind(c) for c in ",,")  # else the clause before: "“百年团史青年说”专栏,共15期"
    return _before(head, SimpleNamespace(start=clause)) if clause > len(head) - len(own) else ""


# jieba's cuts of the short runs before and after figures, remembered: the same ones recur across a report's
# sentences and across reports ("注册志愿者", "新发展团员"), and a cut costs ~0.1 ms. jieba's dictionary never
# changes in these processes (no add_word), so a remembered cut is the cut.
_CUTS = 50_000


@lru_cache(maxsize=_CUTS)
def _words(run: str) -> tuple[str, ...]:
    from ingest.words import jieba as mapped

    return tuple(mapped().lcut(run))


@lru_cache(maxsize=_CUTS)
def _tagged(text: str) -> tuple[tuple[str, str], ...]:
    """(word, part-of-speech tag) of jieba.posseg's cut without its HMM."""
    from ingest.words import posseg

    return tuple((w.word, w.flag) for w in posseg().cut(text, HMM=False))
