"""English youth-league vocabulary to the Chinese the reports use, for English questions.

The multilingual encoder bridges languages only loosely; BM25 cannot at all. Appending the
Chinese term of each known English phrase lets the lexical side and the answer finder match.
Longer phrases are listed first so "League member" wins over "League".
"""
from __future__ import annotations

import re

GLOSSARY = (
    ("communist youth league", "共青团"), ("youth league committee", "团委"), ("municipal league committee", "团市委"),
    ("league members", "团员"), ("league member", "团员"), ("league cadres", "团干部"), ("league branches", "团支部"),
    ("league branch", "团支部"), ("smart league", "智慧团建"), ("young pioneers", "少先队"), ("youth league", "共青团"),
    ("volunteer association", "志愿者协会"), ("volunteers", "志愿者"), ("volunteer", "志愿"), ("registered", "注册"),
    ("register", "注册"), ("hope project", "希望工程"), ("primary schools", "小学"), ("schools", "学校"),
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
    ("youth stations", "青春驿站"), ("safety", "平安"), ("games", "运动会"),
)
_PATTERNS = tuple((re.compile(rf"\b{re.escape(en)}\b", re.I), zh) for en, zh in GLOSSARY)


def chinese_terms(text: str) -> tuple[str, ...]:
    """The Chinese terms for the English phrases a question uses, in order, without repeats."""
    found, rest = [], text
    for pattern, zh in _PATTERNS:
        if pattern.search(rest):
            found.append(zh)
            rest = pattern.sub(" ", rest)  # "league members" must not also count as "league"
    return tuple(dict.fromkeys(found))
