"""The units a question's figure may carry: "资助了多少高中生" counts people, "放了多少青创贷" money.

Read in order: a measure word after 多少/几; a share (占…多少, 比例); the noun nearest the question word (the
first one after it, else the last one before it: "希望工程资助的初中生多少" counts students, not the money
资助 also gives); any noun in the question. A people noun inside a thing's name (青年之家, 青年突击队) is no
person. Measured against the gold answers' own units (tests/test_question.py).
"""
from __future__ import annotations

import re

from .numbers import UNITS

PEOPLE = frozenset({"人", "名", "位"})
MONEY = frozenset({"元"})
PERCENT = frozenset({"%"})
POINTS = frozenset({"个", "百分点"})
GROWN = frozenset({"倍"})  # a rate's change: "提高3.2个百分点"
HOURS = frozenset({"小时"})
VISITS = PEOPLE | {"人次"}
# Things counted with a classifier: "多少个青年之家" is 21家 as well as 21个.
COUNT = frozenset({"个", "家", "所", "支", "项", "件", "套", "处", "座", "条", "批", "类", "种", "间", "期", "队", "笔", "张", "门"})
EVENTS = frozenset({"场", "次", "场次"})
CALLS = frozenset({"件", "个", "人次", "次", "通", "条", "例"})  # a hotline's calls and letters

# 家(?!庭): "多少家庭困难学生" counts students, not households.
UNIT_AFTER = re.compile(r"(?:多少|几)\s*(?:万|亿)?\s*(人次|场次|小时|个月|公里|千米|平方米|元|人|名|位|个|所|家(?!庭)|期|笔|份|篇|支|条|"
                        r"项(?!目)|门(?=课|课程|学科|专业|技能|功课)|处|场|次|岁|倍|天|户|座|件|本|届|队(?!员)|种(?!植|养|子)|类|张|套|亩|吨|批|间|对|分(?!之|钟))")
# A person: the noun, not a thing named after people (青年之家, 志愿者协会, 学生会, 人才驿站, 青年突击队).
_THING_AFTER = r"(?!人才驿|人才公寓|人才之家|之|号|单位|电商|店|商户|门店|网店|夜校|学校|驿|园|社|团|队|组|协|会|院|站|室|馆|宫|营|企业|讲堂|基地|中心|公寓|文明|突击|工作|联|创业贷|创业贴息|创业担保|创新创业|创业园|创业基地|创业孵化|创业项目|项目)"
PEOPLE_NOUNS = re.compile(
    r"(?:人数|志愿者|团员|学生|师生|青年|人才|干部|成员|会员|儿童|专家|人士|党员|老师|教师|群众|孩子|学子|队员|新生|毕业生|人员|选手|徒弟|学徒|技师|专科生|"
    r"职工|员工|游客|受众|少年|工匠|讲师|骨干|标兵|能手|传承人|女生|男生|女性|男性|名额|咨询师|律师|社工|医生|民警|辅导员|书记|委员|[高初]中生|研究生|本科生|[博硕]士生|[\u4e00-\u9fff]{2}者)" + _THING_AFTER +
    r"|\b(people|volunteers?|members?|students?|persons?)\b")
ENGLISH_PEOPLE = re.compile(r"\b(people|volunteers?|members?|students?|persons?|children|youths|young people|teenagers|"
                            r"cadres|experts|participants|entrepreneurs|graduates|listeners|audiences?|attendees)\b")
MONEY_NOUNS = re.compile(r"钱|学费|造价|租金|房租|工资|薪酬|报酬|价格|价款|总价|票价|保证金|押金|罚款|违约金|保额|保险金额|预算|决算|结余|列支|销售(?![员队])|资金|金额|总额|助学金|奖学金|慰问金|基金|捐款|捐赠|资助|奖金|经费|贷|放款|补贴|补助|贴息|投资|投入|投了|"
                         r"花了|花费|善款|筹款|募款|损失|收入|支出|费用|效益|消费|销售额|交易额|营业额|成交额|带货额|[^名]额(?=加|是|有|为|多|共|合|总|达)|产值|"
                         r"\b(money|funding|funds?|yuan|rmb|amount of loans?|donations?|budgets?|how much)\b")
PERCENT_NOUNS = re.compile(r"率|满意度|进度(?![表单]|汇总|统计)|比例|比重|占比|同比|环比|百分|增速|增幅|涨幅|降幅|占多少(?![万亿]?[人名个位家所])|\b(percent|percentage|rate|share|proportion)\b|"
                           r"\byear[- ]on[- ]year\b")
HOURS_NOUNS = re.compile(r"时长|小时|\bhours?\b|\b(?:service|volunteering|volunteer) (?:time|duration)\b")
VIEW_NOUNS = re.compile(r"浏览量|阅读量|点击量|播放量|观看量|访问量|浏览次数|\bviews\b")  # counted in 次 (blind set 23)
CALL_NOUNS = re.compile(r"受理|来电|来信|热线|电话|接听|咨询(?!师|志愿|员)|求助|个案|诉求")
# 完成计划的多少, 年度任务完成多少: a share of the plan
_SHARE = re.compile(r"占[^,,。;;??多]{0,12}(?:的)?(?:多少|几成)(?![万亿]?[人名个位家所])|百分之(?:几|多少)|几成|"
                    # a deadline's share of a plan: "9月底前发展团员要完成多少" (80%以上), asked with no unit
                    r"(?:底|末)前[^,,。;;??]{0,8}(?:要|需|须|应)?完成(?:全年任务的)?(?:多少|几成)$|"
                    r"(?:不高于|不低于|不超过|不少于|相当于)[^,,。;;??]{1,12}的(?:多少|几成)(?![万亿]?[人名个位家所])|"
                    r"(?:计划|目标|任务)的(?:多少|几成)|(?:计划|目标|任务)完成了?(?:多少|几成)")
_AGE = re.compile(r"多大年纪|多大岁数|平均年龄|多少岁|几岁|(?:年龄|年纪)多大|多大了|年龄[^,,。]{0,3}(?:上限|下限|要求|限制|放宽)")
# How long: "期限几年", "最长补多久", "要缴满多久" (a term, in 年, 个月 or 天, not the money it is a term of)
_DURATION = re.compile(r"多久|多长时间|多长期限|期限[^,,。]{0,4}?(?:几|多少|多长)|几年|几个月|几天|天数|多少天|\bhow (?:long|many (?:days|months|years))\b")
DURATIONS = frozenset({"年", "个月", "月", "天", "日", "周", "工作日", "个工作日", "小时"})
_VISIT_VERBS = re.compile(r"(?:服务|覆盖|接待|惠及|受益|参学|带动|上岗|走访|发动)了?"
                          r"(?:[\u4e00-\u9fff]{0,2}?(?:游客|群众|青少年|青年|学生|市民|居民|村民|儿童))?"
                          r"(?:合计|总计|共计|累计|一共|共)?$")  # 覆盖中小学生多少, 全年服务青年合计多少
# Activities counted per attendance (参学 12.6万人次, 培训团干部3150人次, 派出志愿者8400余人次), wherever the question names them.
_VISIT_WORDS = re.compile(r"人次|受众|参与|参加|参学|参赛|培训|轮训|派了|派出|派驻|选派|出动|入住|接待|上岗|吸引|游客|客流|走访|"  # a day's
                          # 游客 are counted in 人次 as often as in 人 (进山游客4.12万人次); students sent over years too
                          r"\b(?:train(?:ed|s)?|serve[ds]?|participat\w*|person-times|attendances?|attend(?:ed|ees?)|"
                          r"benefit(?:ed|ted|ing)?|beneficiar(?:y|ies)|"
                          r"took part|visitors?|tourists?)\b")
# A rank asked: 第三名, 第2位, or how far one moved ("排名比上年变了多少", "名次前进了几位": in 位, blind sets 36 and 43).
RANK_NAMED_LAST = r"(?:排名|名次|位次)[??]?$"  # a question ending in the rank column's name: "迁安2024年度考评位次"
_RANK = re.compile(rf"第几|排名(?:是)?多少|(?<![安编])排多少|{RANK_NAMED_LAST}|(?:升|降|进|退)了?(?:几|多少)个?(?:名次|位次)|(?:排名|名次|位次)[^,,。]{{0,6}}?(?:变|升|降|进|退|提)[^,,。]{{0,4}}?(?:多少|几)")
RANKS = frozenset({"名", "位"})
# Households counted ("带动多少种植户增收"), not people of a household (商户青年).
_HOUSEHOLDS = re.compile(r"(?:多少|几)[\u4e00-\u9fff]{1,3}户(?!籍|口|外|青年|团|人|员|群众|代表|职工)")
# A change asked after what is counted ("扶持项目较上年增减多少"): the thing's, whatever stands before it.
_CHANGE_TAIL = re.compile(r"(?:[较比](?:上年|去年|上一年|(?:19|20)\d{2}年)|同比)(?:增减|增加|减少|增长|下降|变化)?了?(?:是|有)?$")
_VERB_AFTER = re.compile(r"(?:是|为|被|要|会|能|在|已|还|都|也|获|得|(?:就业|参加|参与|报名|入选|通过|实现|上岗|考上|来自|属于)"
                         r"(?!青年|学生|生|者|人员|人))")
_NTH_YEAR = re.compile(r"第几\s*年")
_POINTS_TAKEN = re.compile(r"(?:扣|(?<![增追参施])加)了?(?:多少|几)分?[??]?$")
_TEMPERATURE = re.compile(r"气温|温度|(?:零下|零上)?(?:多少|几)度|\btemperatures?\b|\bdegrees?\b")
THINGS = re.compile(r"(?:成员|会员|参建|结对|共建)单位|之家|分队|作品|服务岗|夜校|驿站|阵地|站点|文明号|突击队|社团|协会|企业|主体|基地|中心|公寓|房源|工作室|服务站|学校|小学|组织|团支部|岗位|项目|奖项|团队|店铺|商户|门店|网店|"
                     r"产品|商品")  # "卖了多少农特产品": sold in 万元 or in 斤, not in the 青年 before it
_THING_ASKED = re.compile(rf"(?!产品|商品)(?:{THINGS.pattern})(?:个数|数量|总数|基数|数)?(?:是|有|为|一共|共有|共)?$")
# "资助学生数", "培训团干部人数": a count named at the end, with no 多少: its noun, not the verb (资助: money)
_COUNT_NAMED = re.compile(r"([\u4e00-\u9fff]{2,8}?)\s*(?:人数|数量|总数|数)[??]?$")
_HOW_MANY = re.compile(r"(?:多少|几)(.{0,8})")
# A change is asked as a share as often as in the figure's own unit: "比上年增长了多少" 6.6% or 386名.
# "比目标低了多少", "离30%的目标还差多少": a shortfall is a change too.
_CHANGE = re.compile(r"(?:增长|增加|上涨|涨|下降|降|减少|提高|提升|超出|超过|变化|多|低|差)了?(?:[^,,。;;多]{0,6}?)多少[??]?$")
_EVENT_NOUNS = re.compile(r"场次|场数|宣讲(?![团员分])")  # "宣讲场次", "沂蒙青年说宣讲数量": counted in 场, not the 青年 before it
_TERMS_NAMED = re.compile(r"期数")  # "青年夜校 期数": counted in 期
_SCORE_NOUNS = re.compile(r"得分|评分|分值|分数|打分|满分|总分|[加扣]分")  # "满意度得分": 93.4分, not a share
# A phone number is no count (热线电话号码: not 不少于4个 坐席); an area is in 平方米 or 亩; beds in 张.
_PHONE = re.compile(r"电话号码|联系电话|(?:热线|服务|咨询)?号码|电话是多少|\bphone number\b")
_AREA = re.compile(r"面积|\b(?:floor )?area\b(?! of)")
_BEDS = re.compile(r"床位|\bbeds?\b")
_NOUNS = ((_PHONE, frozenset({"号码"})), (_AREA, frozenset({"平方米", "亩", "公顷"})), (_BEDS, frozenset({"张", "个"})),
          (_TERMS_NAMED, frozenset({"期"})), (PERCENT_NOUNS, PERCENT), (_SCORE_NOUNS, frozenset({"分"})), (MONEY_NOUNS, MONEY),
          (HOURS_NOUNS, HOURS), (CALL_NOUNS, CALLS),
          (VIEW_NOUNS, frozenset({"次", "人次"})), (_EVENT_NOUNS, EVENTS), (PEOPLE_NOUNS, PEOPLE))
_ENGLISH_UNITS = (
    (re.compile(r"\b(attendances?|person-times|participations?|visits?)\b"), frozenset({"人次"})),
    (re.compile(r"\bhours?\b|\b(?:service|volunteering|volunteer) (?:time|duration)\b"), HOURS),  # not its volunteers
    (re.compile(r"\b(events?|sessions?|activities|times|talks?|lectures?|patrols?|visits? paid|seminars?|"
                r"symposi(?:a|ums?))\b"), EVENTS | {"期"}),  # "study sessions": 青年大学习's 期
    (_ARTICLES := re.compile(r"\barticles?\b|\bposts?\b(?=.*\b(?:publish\w*|wechat|weibo|online|social|media|account|pushed)\b)"),
     frozenset({"篇", "条"})),  # "posts" are jobs (岗位) unless the question speaks of publishing (篇, a 月报's 条)
)
# Things named as what a "how many" counts (its head noun only: "the Western Program" names no unit).
_ENGLISH_THINGS = re.compile(r"\b(posts?|positions?|jobs?|shops?|stores?|schools?|homes?|units?|clubs?|teams?|projects?|awards?|townships?|stations?|bases?|"
                             r"organi[sz]ations?|branches|centers?|centres?|houses?|matters?|programmes?|programs?|committees?)\b")
_ENGLISH_CHANGE = re.compile(r"\bby how much\b|\bhow much did .+? (?:grow|increase|rise|fall|drop|decrease|decline)\b")
MONEY_WORDS_EN = re.compile(r"\b(money|funding|funds?|yuan|rmb|loans?|donations?|raised|fundraising)\b")
ENGLISH_SUBJECT = re.compile(r"\bhow many ([^?]+?)\s+(?:did|do|does|are|were|is|was|have|has|had|live|in|on|for|were|"
                            r"took|found|got|won|joined|became|gave|made|held|"
                             r"under|by|from|at|across|with|[a-z]{3,}ed)\b")  # "…people attended the symposium"


_QUANTITY_OF = re.compile(r"(?:补贴|补助|助学金|奖学金|经费|资金|保险)(?:的)?数量")  # a budget line's 数量 (人·天, 人, 个)


# A training's figure asked with nobody named after it ("辅导员培训目标是多少"): its 期 as often as its 人次.
_TRAINING = re.compile(r"(?:培训|轮训)[\u4e00-\u9fff]{0,8}?(?:是|了|有)?(?:多少|几)[??]?$")
_SURVEYED = re.compile(r"调查|问卷|抽样|受访|\bsurvey")  # "抽样调查显示多少青年了解…": a share of those asked


def units(q: str, english: bool = False) -> frozenset:
    """q: the normalised, lower-cased question; english: question.is_english's reading of it."""
    found = _units(q, english)
    return found | PERCENT if found & PEOPLE and _SURVEYED.search(q) else found


def _units(q: str, english: bool = False) -> frozenset:
    if _QUANTITY_OF.search(q):  # "返家乡补贴数量是多少": how many it is paid for, not the money
        return COUNT | PEOPLE
    m = UNIT_AFTER.search(q)
    if m:
        return _measure(q, m)
    if _POINTS_TAKEN.search(q):  # "每低1个百分点扣多少": points taken, in 分 (not the 百分点 of the condition)
        return frozenset({"分"})
    if _TEMPERATURE.search(q):  # "最低气温多少度": in °C (numbers.TEMPERATURE), below zero as often
        return frozenset({"°C"})
    if _HOUSEHOLDS.search(q):  # "带动多少种植户增收": households, counted in 户
        return frozenset({"户"})
    if _NTH_YEAR.search(q):  # "连续第几年位列第一?": the year's ordinal, 第三年
        return frozenset({"年"})
    if _RANK.search(q):
        return RANKS
    if _AGE.search(q):
        return frozenset({"岁", "周岁"})
    if _DURATION.search(q):
        return DURATIONS
    if english:
        found = _english(q)
        return VISITS if found == PEOPLE and _visits(q) else found
    if _SHARE.search(q):  # "占比离30%的目标还差多少": a share's shortfall, in 个百分点 as often
        return PERCENT | POINTS if _CHANGE.search(q) else PERCENT
    found = _nearest(q)
    if found == PEOPLE and _visits(q):
        found = VISITS | ({"期"} if _TRAINING.search(q) else set())
    if found == PERCENT and _CHANGE.search(q):
        return PERCENT | POINTS  # 参学率提高了多少: 3.2个百分点
    return found | PERCENT | GROWN if found and _CHANGE.search(q) else found  # 增长1.5倍, as often as 150%


def _visits(q: str) -> bool:
    """Serving people is counted in visits as often as in people: 服务了多少游客 may be 12万人次."""
    m = _HOW_MANY.search(q)  # with no 多少, a question ending on the verb and whom it served ("…合计服务游客")
    before = (q[:m.start()] if m else q.rstrip("??")).removesuffix("是").removesuffix("有")  # "…服务游客是多少"
    return bool(_VISIT_WORDS.search(q) or _VISIT_VERBS.search(before))


def _measure(q: str, m: re.Match) -> frozenset:
    unit = m.group(1)
    if q.startswith(("名次", "位次"), m.end()):  # "降了几个名次": positions
        return RANKS
    if unit == "个" and q.startswith(("工作日", "月"), m.end()):  # "要几个工作日": a term
        return DURATIONS
    if unit == "个":  # a classifier for people and things alike: the noun counted tells which
        after = _noun_after(q[m.end():])
        if after is not None:
            return PEOPLE | {"个"} if after == PEOPLE else after
        before = _nearest_before(q[max(0, m.start() - 8):m.start()])
        if before == PEOPLE:
            return PEOPLE | {"个"}
        return COUNT if before or THINGS.search(q[:m.start()]) else COUNT | PEOPLE
    if unit in PEOPLE:  # "每期平均多少人参学": people counted per attendance, 24.7万人次 as often
        return VISITS if _VISIT_WORDS.search(q) else PEOPLE
    if unit in CALLS and CALL_NOUNS.match(q, m.end()):  # 多少条咨询, 多少件来信: a hotline's, counted either way
        return CALLS
    if unit in EVENTS:
        return EVENTS
    return frozenset({unit})


def _noun_after(span: str) -> frozenset | None:
    """PEOPLE or COUNT by the noun right after the measure word; None when none follows ("派了几个?")."""
    span = span.replace("的", "")
    if span[:1] == "人":  # 几个人
        return PEOPLE
    head = re.match(r"[\u4e00-\u9fff]{2,}", span)
    if not head or _VERB_AFTER.match(span):  # "有几个是补录的": no noun follows, the group before tells
        return None
    found = _first(head.group())
    return found if found in (PEOPLE, CALLS) else COUNT


def _first(span: str) -> frozenset:
    hits = [(m.start(), i, units) for i, (pattern, units) in enumerate(_NOUNS) for m in [pattern.search(span)] if m]
    return min(hits)[2] if hits else frozenset()


def _nearest_before(span: str) -> frozenset:
    hits = [(m.end(), -i, units) for i, (pattern, units) in enumerate(_NOUNS) for m in pattern.finditer(span)]
    return max(hits)[2] if hits else frozenset()


def _nearest(q: str) -> frozenset:
    """The noun right after 多少 ("资助了多少学生"), else the one right before it ("生活补贴是多少"), else any in
    the question, by a fixed order ("志愿者的补贴…" is money only when nothing nearer says otherwise)."""
    m = _HOW_MANY.search(q)
    if m and " " in q[:m.start()].strip() and (found := _last_named(q[:m.start()])) is not None:
        return found  # keywords, asked as "…是多少"
    if m:
        if _THING_ASKED.search(m.group(1).rstrip("??")) and not re.search(r"[了着过把被给帮让为]", m.group(1)):
            # "多少青年志愿服务岗": the posts, not the 青年 in their name (not "帮多少青年开了小吃门店": the young);
            return frozenset()  # a thing, whose unit its noun does not give (as "多少港澳青年创业项目")
        if not (found := _first(m.group(1))) and THINGS.search(m.group(1)):
            return frozenset()  # "多少港澳青年创业项目": a thing, whose unit the noun before (青年) does not give
        # "就业见习岗位是多少", "青创贷扶持项目数是多少" (keywords read so): the things named last, not a rate or 贷's money
        found = found or (COUNT if _THING_ASKED.search(q, 0, m.start()) else _nearest_before(q[:m.start()]))
        changed = _CHANGE_TAIL.sub("", q[:m.start()])  # "青年创业扶持项目较上年增减多少": the 项目's change,
        if found == PEOPLE and changed != q[:m.start()] and _THING_ASKED.search(changed):  # not the 青年 before them
            found = COUNT
        if found:
            return found
    elif (named := _COUNT_NAMED.search(q)) and _THING_ASKED.search(named.group(1)):
        return COUNT  # "留守儿童关爱阵地 数量": the places, not the children
    elif named and (found := _nearest_before(named.group(1))):
        return found
    for pattern, found in _NOUNS:
        if pattern.search(q):
            return found
    return frozenset()


_UNIT_WORD = frozenset(u for u in UNITS if re.fullmatch(r"[\u4e00-\u9fff]+", u) and u not in ("个", "年", "月", "日"))


def _last_named(q: str) -> frozenset | None:
    """Keywords ("向海青年 创新创业大赛 征集项目 截至6月底"): the last word naming a unit or a thing decides."""
    for word in reversed(re.sub(r"(?:是|有|为)$", "", q.strip()).split()):
        if word in _UNIT_WORD:  # "华宁县 柑橘 助农 销售 吨": the unit itself
            return PEOPLE if word in PEOPLE else frozenset({word})
        if _THING_ASKED.search(word):
            return COUNT
        if found := _nearest_before(word):
            return found
    return None


def _english(q: str) -> frozenset:
    """The units an English question's words name (empty for none)."""
    if re.search(r"\bpercentage points?\b", q):  # "by how many percentage points did … rise": 2.5个百分点
        return POINTS | PERCENT
    head = ENGLISH_SUBJECT.search(q)
    if head:  # "how many event volunteers": the last word names what is counted
        words = re.findall(r"[a-z-]+", re.sub(r"\(.*?\)", " ", head.group(1)))
        verb = next((i for i, w in enumerate(words) if i and w.endswith("ed")), len(words))
        words = words[:verb]  # "how many left-behind children received … under the hope project in …"
        if words and re.fullmatch(r"posts?", words[-1]):  # jobs (返家乡岗位), or articles where published
            return frozenset({"篇", "条"}) if _ARTICLES.search(q) else COUNT
        for pattern, found in _ENGLISH_UNITS + ((_ENGLISH_THINGS, COUNT), (ENGLISH_PEOPLE, PEOPLE)):
            if words and pattern.search(words[-1]):
                return found
    # a rate or a change year on year of money is a share: "By how much did … fundraising change year on year"
    if _ENGLISH_CHANGE.search(q) and not MONEY_WORDS_EN.search(q):  # "By how much did … volunteers grow"
        return PERCENT | (PEOPLE if ENGLISH_PEOPLE.search(q) else COUNT)
    for pattern, found in ((PERCENT_NOUNS, PERCENT), (MONEY_NOUNS, MONEY), *_ENGLISH_UNITS, (ENGLISH_PEOPLE, PEOPLE)):
        if pattern.search(q):
            return found
    return frozenset()
