"""Whether a figure is a running total or this period's: "累计招募西部计划志愿者3.5万余名" against "今年新招募…2200余名".

A report states both in one paragraph, and the largest passing figure used to win, so a running total answered
"新派出的西部计划志愿者" and a year's figure answered "实施以来累计募集". The question says which it asks (新/今年/
new, or 累计/以来/先后/total); the clause that states a figure says which it is. A place's figure that agrees is
preferred (cross._best_per_place), and when no place is named, a figure that disagrees is no answer at all: a
place whose only figure is a running total has not said how many were new.
"""
from __future__ import annotations

import functools
import re

# "新" but not in a name: 新疆, 新区, 新时代, 新冠, 创新, 更新, 新媒体 are not "new this time".
_NEW = re.compile(r"(?<![创更革清])新(?![疆区时冠媒型闻])|今年|当年|本年|\bnew\b|\bnewly\b", re.I)
RUNNING = re.compile(r"累计|以来|先后|历年|总计|\bin total\b|\bcumulative(?:ly)?\b|\bso far\b|\bever\b", re.I)
_CLAUSE = re.compile(r"[,,;;。]")


# "年度发放额", "全年募集": the year's own figure, not the running total its sentence also states (question side only:
# a report's "全年" clause may still say 累计).
_ANNUAL = re.compile(r"年度(?!目标|计划|任务|考核|报告|总结|工作)|全年|当年|每年")


# What a year does, not what there is: a year's 资助/募集/发放/招募 is that year's flow, never the running total its
# sentence also states ("2024年资助困难学生3508名,截至年底累计资助5.2万名"); 建成/注册/有 are stocks, whose total as
# of that year is that year's figure.
_FLOW = re.compile(r"资助|募集|筹集|筹资|筹款|捐赠|发放|放款|招募|选派|派出|受理|接听|培训|开展|举办|援建")


def asked(question: str, indicator: str, years=()) -> str:
    """"running", "new", "year" or "" (either), from the question's indicator (places removed: 新疆) or its English;
    "year" when it names years and neither: a figure of those years, which a total since a start is not."""
    text = indicator + " " + (question if re.search(r"[A-Za-z]{3}", question) else "")
    if RUNNING.search(text):
        return "running"
    if _NEW.search(text) or _ANNUAL.search(question) or (years and _FLOW.search(indicator)):
        return "new"
    return "year" if years else ""


# A total counted from a start ("自成立以来累计募集资金2.36亿元", "自2003年实施以来累计选派"): no one year's figure.
# A total as of a date ("截至2024年4月底累计建成236个") is that date's, and a year asked may want it.
_SINCE = re.compile(r"以来|\bsince\b", re.I)


def stated(quote: str, figure: str) -> str:
    """"running" or "new" or "", from the clause of the quote that states the figure."""
    clause = next((c for c in _CLAUSE.split(quote) if figure and figure in c), "")
    if _YEAR_TOTAL.search(clause):  # "全年累计为1137名青年创业者发放…2.46亿元": the year's, added up over it
        return "new"
    if RUNNING.search(clause) or _STOCK.search(clause):
        return "running"
    return "new" if _NEW.search(clause) else ""


# A stock's total stated ("新建“青年之家”12个,全区总数达到58个"): no year's new ones (asked() leaves 总数 alone: "团员
# 总数是多少" asks a figure of either kind).
_STOCK = re.compile(r"总数|总量")


_YEAR_TOTAL = re.compile(r"(?:全年|年内|当年|本年|今年)(?:共)?累计")


def agrees(wanted: str, quote: str, figure: str) -> bool:
    """The figure is of the kind asked: a new one is anything but a running total (most figures do not say 新),
    a running total says so."""
    if not wanted:
        return True
    if wanted == "year":
        clause = next((c for c in _CLAUSE.split(quote) if figure and figure in c), "")
        return not (_SINCE.search(clause) or (_SINCE.search(quote.split(figure)[0]) and "累计" in clause))
    kind = stated(quote, figure)
    return kind != "running" if wanted == "new" else kind == "running"


# A target ("力争全市注册青年志愿者突破80万人", "将再新建…40个") is not a figure the report states as reached:
# a plan word in the clause that states it (西部计划 is a programme's name, not a plan).
_PLANNED = re.compile(r"力争|争取|预计|拟|(?<![部划])计划(?!生育|志愿)|将(?!近)|确保|目标")
# A plan word that opens a list governs the clauses after it ("力争新增注册青年志愿者10万人,发放青年创业贷款4亿元
# 以上", "重点做好以下工作:力争…;发放青年创业贷款6亿元以上") until the sentence ends or a clause says what was done.
# Only the strong ones: 将 also narrates the past ("团市委将…作为抓手,建成…").
_PLAN_OPENS = re.compile(r"力争|争取|预计|确保|目标(?!(?:任务)?完成)")  # not 团员发展目标完成率103.0%: what was done
# A paragraph that opens with what is to be done ("2025年,全市各级团组织要重点抓好以下工作:…;…达到180个;…"):
# every figure after its colon is a target, 达到 and 累计 included.
_PLAN_LEAD = re.compile(r"[^。::了]{0,60}(?:将|(?<![主重需只])要|拟|力争|争取|计划)[^。::了]{0,40}[::]")  # 了: 做了以下工作
_DONE = re.compile(r"已|累计|共计|完成|达到|实现|截至|先后")
_PLAN_CLAUSE = re.compile(r"[,,;;。::]")
# A question asks a target: 计划 only as a verb ("今年计划再建多少", "团员计划多少"); 西部计划, 扬帆计划, 苏北计划 are
# programmes. Next year's figure can only be a target ("乐山明年新发展团员多少?").
ASKS_PLAN = re.compile(r"目标|(?<!完成)任务(?=[定是为数]|多少|几)|打算|力争|预计|拟|(?<![部北帆])计划[再新要将于到完达建招发募开]|(?<![部北帆])计划(?:数|值|人数)?(?=多少|几|是|为)|(?<![部北帆])计划(?=[\u4e00-\u9fff]{1,2}多少)|明年|来年|下学年|下一学年|要达到|要突破|要实现|"
                       r"下一年|\b(?:plan|target|aim|goal)s?\b|\bnext year\b", re.I)
# "完成了年度目标的百分之几": how far a target was reached is a result, not the target
_REACHED = re.compile(r"完成了?(?:年度|全年)?(?:目标|计划)(?:任务)?(?:的|了)?|(?:目标|计划)(?:任务)?完成(?:率|情况|进度)")


# ... and in a fact's clause, the target's figure between: "完成年度目标6000名的104.1%", "完成全年计划的98.2%"
_REACHED_SHARE = re.compile(r"完成了?(?:年度|全年)?(?:目标|计划)(?:任务)?[\d.,，]*(?:万|亿)?[^\d,,;;。的]{0,2}的")


def asks_plan(text: str) -> bool:
    return bool(ASKS_PLAN.search(_REACHED.sub("", text)))


def planned(f, paragraph: str = "") -> bool:
    """The fact (ingest.schema.Fact) is a target: its clause of the quote says so, or a plan word earlier in its
    sentence (of the paragraph, when given: a quote ends at ";") with nothing done said between."""
    if not (paragraph and f.quote and f.quote in paragraph):
        paragraph = ""  # read in its quote alone: the same answer for every query that scores the fact (cached)
    return _planned(f.quote, f.figure, f.indicator, f.period, paragraph)


@functools.lru_cache(maxsize=65536)
def _planned(quote: str, figure: str, indicator: str, period: str, paragraph: str) -> bool:
    clause = next((c for c in _PLAN_CLAUSE.split(quote) if figure and figure in c), indicator)
    # "完成年度目标6000名的104.1%": how far a target was reached (its 104.1%; the 6000名 in it is the target still)
    clause = _REACHED_SHARE.sub(lambda m: m.group() if figure and figure in m.group() else "", clause)
    if _PLANNED.search(clause) or plan_section(period):  # a target section's heading (ingest/facts.py)
        return True
    text = paragraph or quote
    start = text.find(quote) if quote else 0
    at = text.find(figure, start) if figure else -1
    return at > 0 and (_opened(text[:at]) or _led(text[:at]))


# A report's part about what is to come: "三、2025年工作安排", "2024年工作思路", "下一步工作打算", "2025年主要任务" (not
# "重点任务完成情况").
_PLAN_SECTION = re.compile(r"安排|计划|打算|思路|要点|目标|展望|谋划|下一步|做好|抓好|(?:主要|重点)任务(?![^,,。]{0,6}完成)")


def plan_section(heading: str) -> bool:
    return bool(_PLAN_SECTION.search(heading))


def plan_at(text: str, at: int) -> bool:
    """The figure at offset `at` of a paragraph is a target (the same reading as `planned`, for a single answer)."""
    start = max((m.end() for m in _PLAN_CLAUSE.finditer(text, 0, at)), default=0)
    end = _PLAN_CLAUSE.search(text, at)
    return bool(_PLANNED.search(text[start:end.start() if end else len(text)])) or _opened(text[:at]) \
        or _led(text[:at])


def _led(before: str) -> bool:
    """The figure's sentence opens with a plan's lead ("2025年,团市委将重点做好以下工作:…"), wherever the sentence
    starts: a paragraph that first looks back ("2024年…取得了一定成绩…问题。") then lists its targets."""
    return bool(_PLAN_LEAD.match(before.rsplit("。", 1)[-1]))


def _opened(before: str) -> bool:
    """A plan word opens the sentence's list before the figure, and nothing done is said after it."""
    before = before.rsplit("。", 1)[-1]
    # "提前实现突破120万人的目标;全年…总时长2712万小时": a target reached opens no list of targets
    opens = [m for m in _PLAN_OPENS.finditer(before)
             if not _DONE.search(before[max(before.rfind(c, 0, m.start()) for c in ",,;;") + 1:m.start()])]
    if not opens:
        return False
    after = before[opens[-1].end():]  # its own clause says what is to be done ("力争…达到66000人"): the next ones not
    own = _PLAN_CLAUSE.search(after)
    return not _DONE.search(after[own.end():] if own else "")
