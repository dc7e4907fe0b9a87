"""What the previous answer names, for the follow-up after it: the place, town or college a pronoun stands for
("它有几个青年之家?" after 朝阳镇's figure), the person a 他/她 is ("她是什么职务?" after "谁主持的?"), and a rank's
winner, whose figure the next turn asks of ("汕头哪个区发展团员最多?" answered 潮阳区).
"""
from __future__ import annotations

import re

from . import scope
from .followup_edit import PART, TOWN, place_phrase
from .localities import COLLEGE, schools
from .people import surnamed

_YEARS = re.compile(r"(?:19|20)\d{2}年度?")
_WHICH_TEAM = re.compile(r"(?:哪|什么)[个支一]?(?:团队|实践团|服务队|队伍|宣讲团|突击队)")
# A rank asked ("…参学率最高的是哪个单位?"): a place named next asks that place's figure.
_POSITION = r"(?:排名?|位列|全[市县区省州]|考核|评估)?第[一二三四五六七八九十\d]+名?|(?:排名?|排在)?最后一?名?|倒数第[一二三\d]名?"
RANKED = re.compile(rf"^(?P<head>.+?)(?:最[高低多少大小]|{_POSITION})的?(?:是)?哪(?:个|家|所|里|一个)"
                    r"[\u4e00-\u9fff]{0,4}[??]?$")


# "它/该县…" after "哪个县区…最多?": the place the answer named.
_PRONOUN = re.compile(r"^(?P<lead>(?:那|那么)?(?:[一二三四]季度|第[一二三四]季度|上半年|下半年|全年|(?:19|20)\d{2}年|今年|去年)?)"
                      r"(?:它|其(?![中余他])|该(?:[县区市镇]|学院|学部|单位)|这个(?:[县区市镇]|地方|学院|学部|单位)?|"
                      r"那个(?:[县区市镇]|地方|学院|学部|单位))")
_ANSWER_HEAD = re.compile(r"^([\u4e00-\u9fff]{2,12}?)(?:。|,|\n|$)")
_QUOTED = re.compile(r"“[^“”]*”|《[^《》]*》")  # a project's or a book's name: its places are no scope ("三江并流区…")


# "她是什么职务?" after "谁主持的?": the person the answer named.
_HE_SHE = re.compile(r"^(?:那|那么)?(?:[他她](?!们)|这个人|这位|此人|该人|那个人|那位)")
_ASKED_WHO = re.compile(r"谁|哪位|\bwho\b", re.I)
# "…谁获得了宁夏青年五四奖章?", and a turn after it asking of that award with nothing named ("什么时候授予的?").
WHO_WON = re.compile(r"(?:是)?谁(?:获得|荣获|获评|获|被评为|入选)了?(?P<award>[^,,??]{2,30})[??]?$")
_PERSON_ASKED = re.compile(r"^(?P<head>.*?(?P<name>[\u4e00-\u9fff]{2,3}))(?:是|的)?(?:哪个|什么|哪所|哪家)(?:学院|身份|职务|单位|专业)")
_OF_THE_AWARD = re.compile(r"^(?:那|那么)?(?:是)?(?:什么时候|何时|哪一?年|几月|哪个月)")
_ROLES_ASKED = ("负责人", "项目负责人", "指导老师", "指导教师", "带头人", "创始人", "领队", "队长")


# "这个项目的负责人是谁?" / "负责人是谁?" after "…是哪个项目?": the project the answer named.
_THIS_PROJECT = re.compile(r"^(?:那|那么)?(?:这个|该|这一|此)(?:项目|作品)的?")
_BARE_WHO = re.compile(rf"^(?:那|那么)?(?:{'|'.join(_ROLES_ASKED)})(?:是谁|叫什么|是哪位)")
# "指导教师呢?" after "…项目的负责人是谁?", "负责人呢?" after "…二等奖的是什么项目?": that project's, who is asked.
_ROLE_THEN = re.compile(rf"^(?:那|那么)?(?P<role>{'|'.join(_ROLES_ASKED)})呢[??]?$")
# "它在武侯青创大赛拿了几等奖?" after the project's 负责人: the project.
_IT = re.compile(r"^(?:那|那么)?(?:它|该项目|这个项目)(?:的)?")
_ASKED_PROJECT = re.compile(r"哪(?:个|一个|些)?(?:项目|作品)|什么项目")
_PROJECT_ASKED_OF = re.compile(r"“[^“”]{2,40}”(?=项目)")  # a previous turn rewritten to ask of a named project
_PROJECT_ROW = re.compile(r"项目名称为(?P<name>[^,,;;。]{2,40})")
_FIRST_QUOTED = re.compile(r"“(?P<name>[^“”]{2,40})”")


# "哪个学院的?" after "…获得一等奖的是什么项目?": the college of the project the answer named
_WHOSE = re.compile(r"^(?:那|那么)?(?:是)?(?:哪个|哪所|哪家|什么)(?:学院|单位|学校|团队|院系|专业)的?(?:项目)?[??]?$")


def project_named(answer: str) -> str:
    """The project an answer names: a table row's 项目名称, else its first quoted name, else a short answer itself."""
    said = answer.split("原文")[0]
    if m := _PROJECT_ROW.search(said) or _FIRST_QUOTED.search(said):
        return f"“{m['name']}”"
    head = _ANSWER_HEAD.match(said.strip())
    return head.group(1) if head else ""


def _project(previous: str, answer: str) -> str:
    """The project a follow-up asks of: the one the previous question asked for (named by its answer), or the one
    it asked of ("“…”项目的负责人是谁?", whose answer names a person)."""
    if _ASKED_PROJECT.search(previous):
        return project_named(answer)
    return m.group() if (m := _PROJECT_ASKED_OF.search(previous)) else ""


# "这个团队去了哪里?" after "…实践团的指导老师是谁?": the team the previous question named.
_THIS_TEAM = re.compile(r"^(?:那|那么)?(?:这个|该|这支|此|这一)(?:团队|实践团|服务队|志愿服务队|队伍|宣讲团|突击队)的?")
_TEAM = re.compile(r"(?:“[^“”]{2,30}”[\u4e00-\u9fff]{0,6}?|[\u4e00-\u9fff]{2,16}?)(?:社会实践团|实践团|志愿服务队|服务队|宣讲团|突击队|团队)")


def named_by_answer(question: str, previous: str, answer: str) -> str:
    if (this := _THIS_NOUN.match(question)) and (named := named_before(previous, this["noun"])):
        return named + question[this.end():]  # "这个站本周服务多少游客" after "…亚布力站站长是谁": 亚布力站's
    if this := _THIS_TEAM.match(question):  # the team asked which one of is the answer's; else the one named
        said = answer.split("原文")[0] if _WHICH_TEAM.search(previous) else _YEARS.sub("", previous)
        if teams := _TEAM.findall(said):
            return teams[-1] + question[this.end():]
    asked_project = bool(_ASKED_PROJECT.search(previous) or _PROJECT_ASKED_OF.search(previous))
    this = _THIS_PROJECT.match(question)
    if (this or asked_project and (_BARE_WHO.match(question) or _WHOSE.match(question) or _ROLE_THEN.match(question)
                                   or _IT.match(question))) and (project := _project(previous, answer)):
        if this:
            return f"{project}项目的{question[this.end():]}"
        if _WHOSE.match(question):  # "哪个学院的?": "“…”项目是哪个学院的?"
            return f"{project}项目是{re.sub(r'^(?:那么|那)?是?', '', question)}"
        if role := _ROLE_THEN.match(question):
            return f"{project}项目的{role['role']}是谁?"
        if it := _IT.match(question):
            return f"{project}项目{question[it.end():]}"
        return f"{project}项目的{question}"
    if (award := WHO_WON.search(previous)) and _OF_THE_AWARD.match(question) and \
            (head := _ANSWER_HEAD.match(answer.strip())) and 2 <= len(head.group(1)) <= 4 and surnamed(head.group(1)):
        # "什么时候授予的?" after "宁夏大学谁获得了宁夏青年五四奖章?" (杨晨曦): of that person's award
        return f"{previous[:award.start()]}{head.group(1)}{award['award']}{question}"
    if _OF_THE_AWARD.match(question) and (person := _PERSON_ASKED.match(previous)) and surnamed(person["name"]):
        return f"{person['head']}{question}"  # "宁夏大学杨晨曦是哪个学院的?" then "什么时候授予的?": still of 杨晨曦
    if (he := _HE_SHE.match(question)) and _ASKED_WHO.search(previous) and \
            (head := _ANSWER_HEAD.match(answer.strip())) and 2 <= len(head.group(1)) <= 4 and surnamed(head.group(1)):
        return head.group(1) + question[he.end():]
    pronoun = _PRONOUN.match(question)
    lead = pronoun["lead"].removeprefix("那么").removeprefix("那") if pronoun else ""  # "二季度它的综合得分…"
    if pronoun and previous and not re.search(r"哪(?:个|里|家|所|一)", previous):
        rest = question[pronoun.end():].removeprefix("的")
        named = _parts_named(previous, pronoun.group()[-1])  # "这个学院新发展了多少?" after "…,其中医学院有多少?"
        if pronoun.group()[-1] in "它其" and (narrowed := PART.search(previous)):  # "它的目标呢?" after "其中宁围街道
            named = _parts_named(narrowed.group(), "镇") or _parts_named(narrowed.group(), "院")  # 多少?": the town's
        elif pronoun.group()[-1] in "它其":  # "它在哪个片区?" after "播州鸭溪镇发展了多少团员?": the town, not 播州
            named = _parts_named(previous, "镇")
        if not named and pronoun.group()[-1] == "院":  # the college a table row answering named ("学院为资源环境学院")
            named = _parts_named(_QUOTED.sub(" ", answer.split("原文")[0]), "院") or _parts_named(answer, "院")[-1:]
        if not named and _BARE_HOW_MANY.fullmatch(rest) and not lead:  # "它有多少?" after a rank (previous asks its
            return previous                              # winner's figure: of_winner): that question, its topic with it
        return lead + (named[-1] + rest if named else rest)  # else the scope carries ("它的注册志愿者…" after a town's)
    if not (pronoun and answer.strip() and previous):
        return question
    head = _ANSWER_HEAD.match(answer.strip())
    if head and (_PART_NAME.fullmatch(head.group(1)) or _PLACE_NAME.fullmatch(head.group(1)) or
                 ((named := scope.of_text(head.group(1)).mentions) and named[0].start == 0)):
        return lead + head.group(1) + question[pronoun.end():]
    # A sentence answering: "从表1可以看出,芗城区完成率最高,…": the first place it names the question did not
    said = _QUOTED.sub(lambda m: " " * len(m.group()), answer.strip().split("。")[0])
    new = [m for m in scope.of_text(said).mentions if m.place.short not in previous]
    return lead + said[new[0].start:new[0].end] + question[pronoun.end():] if new else question


_PART_NAME = re.compile(f"{TOWN.pattern}|{COLLEGE}")  # a town or a college the answer named (教育学部)
# A which-question answered with a place's name the gazetteer cannot place alone (江北区: 重庆's and 宁波's).
_PLACE_NAME = re.compile(r"[\u4e00-\u9fff]{1,8}(?:区|县|市|旗|州|盟)")
_BARE_HOW_MANY = re.compile(r"(?:的)?(?:有|是|共有|一共有?)?(?:多少|几)[个名人家所位项]?(?:呢)?[??]?")  # nothing counted of its own
_PART_LEAD = re.compile(r"^(?:其中|在|学院[为是::])")  # a table row's "学院为资源环境学院": the college


def _parts_named(text: str, kind: str) -> list[str]:
    """The colleges (kind 院) or towns (镇) a question names, in order: what "这个学院/该镇" points back to."""
    if kind == "院":
        return [_PART_LEAD.sub("", name) for *_, name in schools(text) if name.endswith("学院")]
    if kind == "镇":
        from .value_context import towns

        return [_PART_LEAD.sub("", name) for name in towns(text.replace("其中", "其中 "))]  # 其中红牌楼街道: no 中红…
    return []


_WHICH_PART = re.compile(r"哪(?:个|一个|家|所)?[\u4e00-\u9fff]{0,3}?(?:县市区|县市|县区|区县|乡镇|镇街|县|区|市|镇|乡|街道|学院|单位)"
                         r"|(?<=是)哪(?:个|一个|里)(?=[??]?$)"  # "县区团委考核第一名是哪个/哪里?": the parts named before
                         r"|(?<=[一二三四五六七八九十\d名位])是谁(?=[??]?$)")  # "区县考评第一是谁?"
# The facts' answer to a rank (ingest/messages.CROSS_RANK): "发展团员:五华县最多(共比较 8 个地方)。".
_RANK_HEAD = re.compile(r"^[^:\n]{1,40}:([\u4e00-\u9fff]{2,12}?)最[\u4e00-\u9fff]\(共比较")
_MOST = re.compile(rf"(?:的是)?(?:最(?:多|少|高|低|大|小|长|短)|{_POSITION})(?:的是)?")


def of_winner(previous: str, answer: str) -> str:
    """A rank over places answered with one ("汕头哪个区发展团员最多?" -> 潮阳区): the winner's figure asked
    ("汕头潮阳区发展团员多少?"), the scope a follow-up inherits; else the question as it was."""
    which = _WHICH_PART.search(previous)
    head = _RANK_HEAD.match(answer.strip()) or _ANSWER_HEAD.match(answer.strip())
    if not (which and head and _MOST.search(previous)):
        return previous
    winner = head.group(1)
    named = scope.of_text(winner).mentions
    whole_place = bool(named) and named[0].start == 0 and place_phrase(winner, named[0]) == winner
    if not (whole_place or TOWN.fullmatch(winner) or [s for *_, s in schools(winner)] == [winner]):
        return previous  # "泰山景区" is no place of the gazetteer's: the rank stays, as _swap reads it
    if rank := RANKED.match(previous):  # "乳源发展团员最少的是哪个镇?": after the place, before what is counted
        head_named = scope.of_text(rank["head"]).mentions
        at = len(place_phrase(rank["head"], head_named[0])) if head_named and head_named[0].start == 0 else 0
        return f"{rank['head'][:at]}{winner}{rank['head'][at:]}是多少?"
    text = previous[:which.start()] + winner + previous[which.end():]
    text = _MOST.sub("", text, count=1).rstrip("??")
    return text + ("?" if re.search(r"多少|几", text) else "多少?")


def person_of(asked: str, said: str, before: str) -> str:
    """The person a turn names, for a 他/她 turns later ("他是哪年出生的?" three turns after "赵一鸣获得了什么荣誉?"): the
    name answering a who-question, else a person's name the question leads with; else the one before."""
    if _ASKED_WHO.search(asked) and (head := _ANSWER_HEAD.match(said.strip())) and 2 <= len(head.group(1)) <= 4 \
            and surnamed(head.group(1)):
        return head.group(1)
    if (lead := _LED_BY_NAME.match(asked)) and surnamed(lead.group(1)) and _tagged_person(asked, lead.group(1)):
        return lead.group(1)
    return before


def of_person(question: str, person: str) -> str | None:
    """"他是哪年出生的?" as "赵一鸣是哪年出生的?", the person the conversation last named; None when it names none
    or the question is no such turn."""
    if not person or not (he := _HE_SHE.match(question)) or person in question:
        return None
    return person + question[he.end():]


_LED_BY_NAME = re.compile(r"^([\u4e00-\u9fff]{2,3})(?=获得|获评|荣获|获|是|的|负责|担任|被|在|现任)")


def _tagged_person(text: str, name: str) -> bool:
    """jieba tags the name as a person's (nr): 赵一鸣, not 樊城 (樊 is a surname too)."""
    from ingest.words import posseg

    return any(w == name and flag == "nr" for w, flag in posseg().lcut(text))


# "这个站", "该基地": the one the previous question named ("亚布力站"), not the place's whole
_NOUNS = r"驿站|站点|站|基地|服务队|突击队|班|营|中心"
_THIS_NOUN = re.compile(rf"^(?:那么|那)?(?:这个|这一|该)(?P<noun>{_NOUNS})")
NAMED_NOUN = re.compile(rf"(?<=[\u4e00-\u9fff]{{2}})(?:{_NOUNS})$")  # "亚布力镇站": a named one of these
_NOT_NAME = "里的在是了和与及中对从为把被向给跟这那哪个年月日"


def named_before(previous: str, noun: str) -> str:
    """The name the previous question gave a `noun` last ("尚志周报里亚布力站站长是谁" -> "亚布力站", "道里暖心驿站1号驿站…"
    -> "1号驿站"), or ""."""
    found = ""
    for m in re.finditer(noun, previous):
        if previous[:m.start()].endswith(noun):  # 站站长: the second is 站长's
            continue
        start = m.start()
        while start > 0 and m.start() - start < 8 and previous[start - 1] not in _NOT_NAME \
                and ("\u4e00" <= previous[start - 1] <= "\u9fff" or previous[start - 1].isdigit()):
            start -= 1
        if m.start() - start >= 2:
            found = previous[start:m.end()]
    return found
