"""THE feature list of the answer choice: what the model (app/engine/answer_model.py) sees of one candidate.

A candidate is (retrieved passage, clause, value) from app/engine/answer.py. Every signal the hand-set rules
used is here as a number, and the model learns how much each counts (`make train`). Coverage is the
idf-weighted share of the question's content terms a text contains; a term missing as a whole earns
partial credit for its bigrams ("青年志愿者" vs "志愿者").
"""
from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from typing import Callable

from ingest.tables import CHOSEN_PARTS

from . import derive, periods
from .numbers import chinese_to_int, find_quantities, parse_quantity, stated_figures
from .people import ROLE, surnamed
from .cross_period import RUNNING, asked as asked_kind, asks_plan, plan_at, plan_section
from .coverage import coverage, grams_of, partial, term_weight, variants
from .asked_units import RANKS
from .fields import FIELD_LABEL, asked_item, asks_clock, item_fit
from .question import ASKS_NUMBER, Question
from .localities import LED_BY_PART, LOCALITY_AFTER, TOWN, TOWN_END, schools
from .retrieve import Passage
from .signals import (NEAR, distance, heading_months, in_order, items_named, month_at_value, months_asked, quarter_fit,
                      unit_fit, years_of)

KINDS = ("numeric", "date", "person", "name", "entity", "list", "open")
SOURCES = ("clause", "quantity", "top_n", "date", "person", "names", "quoted", "named", "counted", "org", "docdate", "docno", "role", "doctitle",
           "place", "ordinal", "meeting", "described", "field", "clock", "span", "listed")

FEATURES: tuple[str, ...] = (
    *(f"q_{k}" for k in KINDS), "q_english", "q_terms",   # question type; how many content terms it has
    "q_followup",                                          # written from a follow-up and its history (其中…呢?): its
                                                           # words are more than the report says the answer with
    "rank", "score", "score_rel", "top_doc",               # retrieval: rank 0-4, hybrid score, / the top, top's report
    "cov_clause", "cov_window", "cov_sentence",            # question terms in the clause, it ±1 clause, its sentence
    "cov_paragraph", "cov_context", "cov_title",           # ... the paragraph, paragraph ±1 + title, the title
    "cov_row",                                             # ... a table row's cells (a row asked by a cell other than
                                                           # its label: "汪子航的项目得了几分"); prose: the sentence
    "cov_near", "missing_max",                             # ±12 characters of the value; heaviest term the context lacks
    "part_asked", "part_lacks_clause", "part_lacks_window", "part_lacks_sentence",  # 其中女性: a part asked; how much
    "part_lacks_paragraph",                                # of it the clause, ±1, the sentence, the paragraph lack
                                                           # (女团员 of "新发展团员4105名,…,其中女性团员2176名": the
                                                           # clause tells the part's figure from the whole's; 0 when
                                                           # none asked: a part named is as good as none asked)
    "cov_doc", "unseen",                                   # terms anywhere in the report; terms in no report at all
    "places_asked", "places_in_doc", "places_in_context",  # places the question names: in the report, near the passage
    "edition_fit", "edition_other",                        # the edition asked (第四届, 第1期) is named in the passage or
                                                           # its title / only another of that kind is (第五届 大赛)
    "school_other",                                        # a school asked is not the one whose report it is, and
                                                           # the passage does not name it (黄山职业技术学院 asked of
                                                           # 黄山学院's 述职)
    "place_lacks_sentence",                                # ... those the title does not carry (翠屏区 in a 宜宾
                                                           # report) the paragraph lacks up to the value's sentence's
                                                           # end: the city's figure is no district's
    "part_led_unasked",                                    # the paragraph is one town's or college's ("塘川镇:…注册
                                                           # 志愿者1160名") and the question names none of it
    "whole_of_kb",                                         # 全市/全州 asked naming no place, and the passage's report
                                                           # is of a place holding another retrieved report's place
                                                           # (遵义's report, not 赤水's "全市青年之家达到14个")
    "unplaced_of_kb",                                      # ... no place, town or school asked at all: the same
                                                           # report ("青年大学习全年参学多少人次" of 遵义's KB)
    "unplaced_part_at_value",                              # ... and the place named at the value (or its row's
                                                           # caption) is a part of that report's ("铜山区…主要指标"
                                                           # rows for "希望工程募了多少钱" of 徐州's KB)
    "reason_row", "reason_cue",                            # 为什么/原因 asked, and the value is a table row's cell
                                                           # (rows give no reasons) / its sentence gives one (由于,
                                                           # 改由, 受…影响, a unit's item "(加2.0分)")
    "sub_place_lacks_sentence",                            # a part of the title's place asked (赤壁市, 茅坪镇 in a
                                                           # 咸宁/秭归 report) that the paragraph lacks up to there
    "place_at_value", "place_other_at_value",              # the place named nearest before the value in its
                                                           # sentence is one asked / another ("博兴县634名、滨城区598名")
    "years_asked", "years_in_passage", "years_in_clause",  # years the question names: in passage/title/date, in clause
    "similarity",                                          # English: question/clause embedding similarity
    *(f"v_{s}" for s in SOURCES),                          # how the value was found ("clause": the clause is the answer)
    "units_asked", "unit_asked", "unit_bare", "unit_other", "unit_time",  # a figure's unit against the asked one
    "unit_fits",                                           # ... as the old rule: a bare figure may count people
    "share_unasked",                                       # a percentage where no share, rate or change is asked
                                                           # (完成全年目标800名的44.0% for 全年目标是多少)
    "subject", "subject_clause", "subject_window", "subject_before", "subject_after",  # the counted noun; right
                                                           # before / after the value
    "term_distance", "value_pos", "values_in_clause", "values_in_sentence",
    "total_question", "total_value", "total_both",         # 累计/共/总/合计 asked, and right before the value
    "qualifier", "generation", "value_in_question",        # 余/近/超过; "90后"; a figure the question itself states
    "year_at_value", "year_other_at_value",                # the year nearest before the value (in its clause) is
                                                           # one asked / another ("2021年36751;2022年41208")
    "prior_fit", "prior_misfit",                           # 上年/较… before the value: the year before the
                                                           # report's is asked / not asked
    "period_fit", "period_misfit",                         # the value's year as read (its clause's, else its
                                                           # sentence's, else the report's period) asked / not
    "own_year_fit", "period_before_own",                   # the year the report is about is asked (厦门's 2024
                                                           # report for 24年, not the 2023 one's target for 2024);
                                                           # none asked and the value's is before the report's own
    "date_day", "date_year", "date_fit",                   # a date's parts against 哪天/哪一年
    "role_asked", "after_role", "surnamed",                # a name right after the role asked, after any role;
                                                           # it starts with a common surname (jieba tags 红旗 nr)
    "asks_org", "org_asked", "enumeration", "announces_items", "clause_len",  # 哪家机构 asked; this is an org
    "asks_document", "document_date",                      # the report's own date (落款, 印发, 这份通报是哪天…)
    "document_number", "header",                           # a 文号 asked, and this candidate is one; the value is
                                                           # read from the report's header, for what it asks (报告人)
                                                           # asked, and this candidate is it (the choice model
                                                           # compares a question's candidates: it needs the pair)
    "planned", "plan_fit", "plan_misfit",                  # a target (力争…, 计划…); and a target was asked (目标/计划,
                                                           # 明年); a figure reached where a target was asked
    "plan_actual",                                         # a target where what was done is asked (实际发展了多少)
    "running", "running_fit", "running_misfit",            # 累计/以来 before the value; one asked / a year's asked
    "clause_extra",                                        # the clause's words before the value the question lacks
                                                           # (a clause as the answer: all its words):
                                                           # "新发展团员905名" for 有多少名团员 (its 团员数16780名)
    "list_head_cover",                                     # a list item naming only its place ("松港街道64名;溪南镇
                                                           # 38名"): the question's topic in the item that names what
                                                           # the list counts ("松城街道发展团员86名")
    "clause_extra_after",                                  # ... after it, up to the list item's end: "58名少先队员获得
                                                           # 三星章" is no count of 少先队员 (its 现有少先队员21.3万名)
    "topic_clause", "topic_sentence",                      # coverage without the scope's terms (places, 截至/年底,
                                                           # 团市委/全市): "截至2023年底,全市共有团员16.94万名" carries
                                                           # its scope in the sentence, not the clause
    "topic_missing_sentence", "topic_missing_doc",         # the heaviest topic term the sentence (with the title) /
                                                           # the whole report lacks: 心理咨询类, 研究生 no report gives
    "subject_order",                                       # the counted noun's characters in order before the value:
                                                           # 新团员 in "新发展团员", not in "共有团员"
    "breakdown", "breakdown_total",                        # 其中 before the value in its sentence: a part's figure
                                                           # ("其中,泗城镇发展团员72名"); and a whole was asked (一共)
    "stock_misfit",                                        # a stock asked (团员总数, 现有) and the value's clause says
                                                           # what was added (新发展团员54名)
    "parts_sum", "parts_sum_fit", "parts_sum_misfit",      # the sum of parts listed before it ("以上6个乡镇合计…",
                                                           # a table's 合计 row), and the parts asked or not: the
                                                           # whole's own figure is 全市…, not its listed towns' sum
    "new_misfit",                                          # what was added asked (新吸收, 新发展了多少) and the value's
                                                           # clause says what there is (共有团员86420名)
    "change_unmet",                                        # a change asked and the value is a level, no change
                                                           # ("…多少,比上年底增加多少?" of a place whose report gives
                                                           # only its level: 15.7万名 is no increase)
    "delta", "delta_fit", "delta_misfit",                  # a change right before the value ("增加17700人", "增长13.8%")
                                                           # and a change asked (增加了多少, 同比) or a level asked: the
                                                           # 128500人 of "比上年的128500人增加17700人" is 2023's level
    "months_asked", "month_fit", "month_misfit",           # a month asked (截至7月, 一季度) and the one nearest before
                                                           # the value in its sentence ("截至7月20日,…") is it / another
                                                           # (else its heading's, its paragraph's, the title's)
    "month_unsaid",                                        # ... none of those names one: a year's figure for 一季度
    "quarter_misfit",                                      # 前三季度/上半年 asked and the value's nearest period word is
                                                           # one quarter (三季度发展471名), or the reverse
    "docdate_misfit",                                      # the report's own date, where the passage names another year
                                                           # ("2022年,…入选试点" asked 哪一年: 2022, not the report's)
    "honour", "honour_misfit",                             # the value's clause counts an honour (表彰…优秀共青团员五十名,
                                                           # 五四红旗团支部十个), and none was asked: 有多少个团支部 asks
                                                           # what there is, not how many were commended
    "beside",                                              # the passage is from a report beside the place's own
                                                           # (a city's 通报 row of a county that has its own report)
    "rank_cell_fit", "rank_cell_misfit",                   # a figure under a rank column ("…排名4" of a table row):
                                                           # a position asked (排第几), or another figure (资助多少:
                                                           # the row's 20000元, not its rank)
    "rank_fit", "rank_misfit",                             # a position asked (第一名是哪个, 最少的是哪个镇) and the
                                                           # one the sentence states right after the name ("民和县…
                                                           # 位列全市第一", "居全市首位"): the same / another
    "item_named", "item_other_named",                      # how much of the value's list item's label the question
                                                           # names ("其中玉山镇612名、昆山开发区538名" for 昆山开发区:
                                                           # 538名's), and the most of another item's in its sentence
                                                           # (the whole's 4386名 when a part is asked)
    "cov_after",                                           # question terms right after the value: "“…系统”项目获一等奖"
    "clause_named",                                        # a clause as the answer holds a quoted name, itself a
                                                           # candidate ("“变电站智能巡检机器人”项目摘得一等奖" for
                                                           # 一等奖是什么项目: the name, not the clause)
    "item_fit", "item_misfit",                             # a list position asked (第5个发言的) and the passage is that
                                                           # numbered item ("5.秦岭…") / another (fields.py)
    "field_label",                                         # a labelled field's value: the question's share in its label
                                                           # ("推进会的承办单位" of "承办单位:共青团眉县委员会")
    "clock_fit",                                           # a time of day ("9:45—10:15") and a time asked (几点, 什么时间)
    "span_fit", "span_misfit",                             # a date opening or closing a span ("5月6日至8日") and the
                                                           # end asked (闭幕, 截止, 开幕): the same end / the other
    "floor",                                               # a figure given as a floor (不少于6000人次, 不低于95%):
                                                           # a requirement or target, seldom what was done
    "revised_fit", "revised_misfit",                       # a value a change replaced or put in ("“5000名”改为“6000
                                                           # 名”", "调整为2名") and the one asked: before it (原稿,
                                                           # 修改前) / the one in force (any other question)
)
INDEX = {name: i for i, name in enumerate(FEATURES)}
_FLOOR = frozenset(("不少于", "不低于"))

# Terms that say where and when, which a report's scope or a sentence's head supplies for every clause.
_SCOPE_TERM = re.compile(r"^(?:截至|截止|年底|年初|年末|年中|全年|当年|今年|去年|明年|目前|现在|当前|上半年|下半年|年度|以来|期间|"
                         r"团[省市区县州]?委|共青团|全[省市区县州]|全校|[省市区县州])$")
_TOWN_AT = re.compile(TOWN)
_HEADINGS_BACK = 60  # paragraphs read back for the heading that dates a passage's part (a 季度通报's quarter)
# What there is, not what was added ("How many Youth Homes did Nankai have at the end of 2023?": 64, not the 8 new)
_STOCK = re.compile(r"总数|总量|现有|共有|目前有|一共有|\b(?:do|does|did)\b(?:(?!\bnew).){0,60}?\bhave\b|\bin total\b|"
                    r"\btotal number\b", re.I)
# A figure asked as of a date ("截至2024年底…有多少", "by the end of 2023"): what there is then, unless what was added
_AS_OF = re.compile(r"(?:截至|截止|到)[^,,。??]{0,10}?(?:底|末|\d日)|年[底末]|\bby the end of\b|\bas of\b", re.I)
_ASKS_NEW = re.compile(r"新(?:发展|吸收|增|建|注册|招募|组建|入团|加入)|(?:发展|吸收|招募)了?多少|\bnew(?:ly)?\b|\brecruit",
                       re.I)
# Words that say a figure is the whole place's, or all there is: no thing counted of their own.
_WHOLE_WORDS = re.compile(r"全[省市区县州旗盟校]|全地区|[本我][省市区县州校]|共有|现有|拥有|已有|共计|总计|合计|一共|共|达到|达")
_STOCK_AT = re.compile(r"共有|总数|现有|总量|累计|共计|总计")
_HONOUR_AT = re.compile(r"表彰|评选|评为|授予|获评|荣获|命名|获得者|先进集体|先进个人|(?<!推荐)优秀(?:共青)?团(?:员|干部)(?!入党|作为)|五四红旗|奖章|标兵|十佳|最美")
_ASKS_HONOUR = re.compile(r"表彰|评选|评为|授予|获评|荣获|获得|命名|优秀|先进|红旗|奖章|标兵|称号|十佳|最美|荣誉|奖|"
                          r"\b(?:awards?|awarded|honou?rs?|honou?red|outstanding|excellent|model|commend\w*)\b", re.I)
_ADDED = re.compile(r"新发展|新增|新建|新注册|新招募|新组建|全年发展")
_LED_TOWN = re.compile(r"(?P<town>[\u4e00-\u9fff]{1,4}?(?:镇|乡|街道))[::]")  # a paragraph led by its town (马镇:)
_WHOLE_SCHOOL = re.compile(r"全校|我校|本校|学校共|全体学生")
_DIVISION_ENDS = ("县", "区", "市", "州", "旗", "镇", "乡", "新区")
_TOWN_ENDS = ("街道", "镇", "乡")
_CELL_DONE = re.compile(r"完成|实际|实有|达成|获奖|情况")  # a table cell's header: the result, or the plan
_CELL_PLAN = re.compile(r"计划|目标|任务|预计")
_TOTAL_ROW = re.compile(r"\s*(?:合计|总计)")  # a table's total row (or a sentence of a total): the whole place's
_WHOLE_AT = re.compile(r"全(?:[市区县州省旗盟]|地区)(?![\u4e00-\u9fff]?(?:委|直|级))")  # 全区, not 全区委/全市直/全县级
_N = r"[\d一二两三四五六七八九十]+个?"
_PARTS = r"(?:乡镇|乡|镇|街道|县|区|县区|县市|县市区|县\(市\)|县\(市、区\)|县\(区\)|学院|院系|单位|地市|市州)"
# A sum of the parts listed before it: "以上6个乡镇合计…", "各县(市)合计", a table's "合计" row (after its caption).
_PARTS_SUM = re.compile(rf"(?:以上|上述|前述){_N}?[\u4e00-\u9fff()、]{{0,8}}?(?:合计|共计|总计|小计)|(?:^|[,,;;])\s*(?:合计|总计|小计)|"
                        rf"(?:各|{_N}){_PARTS}(?:合计|共计|总计|小计)")
# A change on a figure before ("比上年的128500人增加17700人", "增长13.8%"), and a question that asks one.
# (a table's 增减 column: "新发展团员(名)增减+259名"; a shortfall: "差82名未完成年度目标")
_DELTA_AT = re.compile(r"(?:(?:增加|增长|减少|下降|提高|提升|上升|降低|回落|(?<![至最])多|(?<![至最])少)了?(?:约|近|超过)?"
                       r"|(?:增减|增幅|变化|变动)[+＋\-−－]?|(?<![相偏])差)\s*$")
_ASKS_CHANGE = re.compile(r"(?:增加|增长|减少|下降|提高|提升|上升|降低|多|少|差)了?(?:多少|几|百分之|\d)|增幅|增速|增长率|涨|变化|"
                          r"同比|比上年|比去年|较上年|较去年|比\d{2,4}年|较\d{2,4}年|\b(?:increase|grow|growth|rise|more than)", re.I)
# The parts asked: "6个乡镇合计", "各县区加起来", "表中合计", "全校合计" (a table's total row).
_PARTS_ASKED = re.compile(rf"{_N}{_PARTS}|各{_PARTS}|以上|上述|合计|小计|加起来")
_ACTUAL = re.compile(r"实际|实有|\bactual(?:ly)?\b", re.I)
_TOTAL = re.compile(r"累计|一共|总共|共计|合计|总计|共|总")
_ASKS_DAY = re.compile(r"哪天|哪一天|几号|几月几日")
_ASKS_YEAR = re.compile(r"哪一?年|what year|which year")
# "工作报告在哪一天的会议上作的" (blind set 39): the day of any wording
# ... or the meeting a work report was given at ("全委会是星期几开的": the report's own date)
_ASKS_DOCUMENT = re.compile(r"落款|印发|发布|发出|成文|(?:通报|总结|报告|材料|稿子|文件|通知|文章|全委会|全会|全体会议)[^,,。]{0,4}"
                            r"(?:哪一?天|什么时候|何时|几月几[日号]|什么日子|星期几|周几)")
# A reason asked, and a sentence that gives one ("改由区科技局统一认定", "受学校集中咨询分流影响", "获评…(加2.0分)")
_ASKS_REASON = re.compile(r"为什么|为何|原因|因为什么|因为啥|因何|什么理由|怎么回事|\bwhy\b|\breasons?\b", re.I)
_REASON_AT = re.compile(r"因为|由于|原因|改由|调整为|受[^,,。;;]{0,16}影响|导致|所致|[(（][加扣]\d")
_FIGURE_DATE = re.compile(r"(?:19|20)\d{2}([.\-/])\d{1,2}(\1\d{1,2})?")
_ASKS_ORG = re.compile(r"哪[个家所](?:机构|单位|高校|大学|学校|组织|部门|协会|学院|院系|学部|团委|企业|公司|医院)|哪家|哪所")
_HAN = re.compile(r"[\u4e00-\u9fff]")
_NAMESAKE_TOWN = re.compile(TOWN_END)  # right after a county's name: the town named after it
_TOWN = re.compile(rf"^[年月]?({TOWN})")  # 茅坪镇, at a run's start once places are cut
_LIST_END = re.compile(r"[、,,;;::。]")
_ITEM = re.compile(r"[,,;;]")
# A list item that names only a place (or a college): what it counts is named by an item before it.
_PLACE_ONLY = re.compile(r"\s*(?:其中|其余|另有)?[\u4e00-\u9fff]{1,10}?(?:镇|乡|街道|县|区|市|州|旗|学院|社区|村|校区)\s*")
_FIRST_FIGURE = re.compile(r"\d")
_JOINED = re.compile(r"[、和与及,,]|以及")  # places listed together
SENTENCE = re.compile(r"[^。!?!?;;]+[。!?!?;;]*[”’」)]*")


EDITION = re.compile(r"第\s*([一二三四五六七八九十两\d]{1,4})\s*(届|期)")  # 第五届, 第1期: its number, its kind


def editions(text: str) -> set[tuple[int, str]]:
    """The numbered editions a text names: 第五届 → (5, 届), 第1期 → (1, 期)."""
    found = set()
    for m in EDITION.finditer(text):
        n = int(m.group(1)) if m.group(1).isdigit() else chinese_to_int(m.group(1))
        if n:
            found.add((n, m.group(2)))
    return found


@dataclass
class Env:
    """What the features of one question's candidates share: the question and per-passage signals."""

    question: Question
    passages: list[Passage]
    idf: Callable[[str], float]
    context: Callable[[Passage], str]
    doc_contains: Callable[[str, str], bool] | None = None
    announces: Callable[[Passage], bool] = lambda p: False
    places: tuple[str, ...] = ()
    paragraph_text: Callable[[str, int], str] | None = None  # a report's paragraph by number (dated headings)
    _passage: dict = field(default_factory=dict)
    _hits: dict = field(default_factory=dict)
    _mentions: dict = field(default_factory=dict)
    _sub: dict = field(default_factory=dict)  # passage title -> the parts of its place the question asks
    _filled: dict = field(default_factory=dict)  # (rank, clause span) -> its candidates' shared features
    _months: dict = field(default_factory=dict)  # rank -> the month its dated heading names (dated_months)
    _holds: dict = field(default_factory=dict)  # doc_id -> its report's places (report_places)
    _holds_others: dict = field(default_factory=dict)  # doc_id -> whether its place holds another report's (holds_others)
    _wholes: list | None = None  # the places of the retrieved reports holding another's (wholes)

    def __post_init__(self):
        q = self.question
        self.months = months_asked(q.text)
        self.base = [0.0] * len(FEATURES)
        for name, on in ((f"q_{q.kind}", True), ("q_english", q.english), ("q_followup", q.followup),
                         ("units_asked", bool(q.units)),
                         ("subject", bool(q.subject)), ("total_question", bool(_TOTAL.search(q.text))),
                         ("asks_org", bool(_ASKS_ORG.search(q.text))), ("years_asked", bool(q.years)),
                         ("asks_document", bool(_ASKS_DOCUMENT.search(q.text))),
                         ("places_asked", bool(self.places)), ("part_asked", bool(q.part)),
                         ("months_asked", bool(self.months))):
            self.base[INDEX[name]] = float(on)
        self.base[INDEX["q_terms"]] = min(len(q.terms), 10) / 10
        self.weights = {t: term_weight(t, self.idf) for t in q.terms}
        never = self.idf("\x00")  # the weight of a token no chunk contains
        unseen = sum(w * _share(grams_of(t), lambda g: self.idf(g) >= never) for t, w in self.weights.items())
        self.base[INDEX["unseen"]] = unseen / (sum(self.weights.values()) or 1.0)
        self.asks_day, self.asks_year = q.weekday or bool(_ASKS_DAY.search(q.text)), bool(_ASKS_YEAR.search(q.text.lower()))
        self.asks_number = bool(ASKS_NUMBER.search(q.text))
        self.stated = stated_figures(q.text)  # "1600多名…里女生": 1600余名 only repeats the question
        self.schools = tuple(name for *_, name in schools(q.text))  # the colleges and universities it names
        self.asks_plan = asks_plan(q.text)
        self.asked_item, self.asks_clock = asked_item(q.text), asks_clock(q.text)
        self.asks_end, self.asks_start = bool(derive.ENDS_ASKED.search(q.text)), bool(derive.STARTS_ASKED.search(q.text))
        self.asks_before = bool(derive.BEFORE_ASKED.search(q.text))
        self.asks_whole = not self.places and bool(_WHOLE_AT.search(q.text))  # 全市, naming no place (whole_of_kb)
        self.unplaced = not self.places and not self.schools and not self.asks_whole and not towns_asked(q.text)
        self.asks_reason = bool(_ASKS_REASON.search(q.text))
        self.asks_actual = bool(_ACTUAL.search(q.text))
        self.asks_kind = asked_kind(q.text, q.text, q.years)  # running, new, year or "" (cross_period.asked)
        asks_new = bool(_ASKS_NEW.search(q.text))
        # a year named asks that year's stock as well ("截至2023年底团员总数"); a flow asked ("全年新发展") does not
        self.asks_stock = self.asks_kind in ("", "year") and bool(_STOCK.search(q.text) or
                                                                  (_AS_OF.search(q.text) and not asks_new))
        self.asks_new = asks_new and not self.asks_stock
        self.asks_parts = bool(_PARTS_ASKED.search(q.text))
        self.asks_honour = bool(_ASKS_HONOUR.search(q.text))
        self.asks_change = bool(_ASKS_CHANGE.search(q.text))
        self.asked_position = position(q.text) if q.kind in ("entity", "name", "list", "person") else None
        self.asks_rank = bool(q.units & RANKS) or bool(_ASKS_RANK.search(q.text))
        # the last role named: "团长沙市委的副书记" reads 团长 first
        self.role_asked = roles[-1].group() if q.kind == "person" and (roles := list(ROLE.finditer(q.text))) else None
        self.asked_chars = set(q.text) | set("".join(q.terms))
        self.topic = tuple(t for t in q.terms if not _SCOPE_TERM.match(t)
                           and not any(t in p or p in t for p in self.places + self.schools))
        self.topic_weights = {t: self.weights[t] for t in self.topic}
        self.topic_top = max(self.topic_weights.values(), default=0.0) or 1.0

    def topic_coverage(self, text: str) -> float:
        return coverage(self.topic, text, self.idf, self.topic_weights) if self.topic else 0.0

    def topic_missing(self, holds) -> float:
        """The heaviest topic term `holds` says is absent, / the heaviest topic term."""
        return max((w for t, w in self.topic_weights.items() if not holds(t)), default=0.0) / self.topic_top

    def coverage(self, text: str) -> float:
        for name in self.namesakes:  # "长沙县实名注册志愿者" holds no 长沙 a question of the city asks
            if name in text:
                text = text.replace(name, "\x00" * len(name))
        if self.schools and _WHOLE_SCHOOL.search(text):  # "全校注册志愿者2.84万人" in 中南大学's report is 中南大学's
            text += " " + " ".join(self.schools)
        return coverage(self.question.terms, text, self.idf, self.weights)

    @cached_property
    def namesakes(self) -> tuple[str, ...]:
        """Other divisions whose names start with a place asked: 长沙县 and 长沙市 for 长沙 are two places; and the
        town or 街道 named after it, which no gazetteer lists (海淀街道 in 海淀区's table), unless asked."""
        from .gazetteer import table

        names, asked = table(), {m.place for m in self.asked}
        stems = {m.place.short for m in self.asked} | {m.surface for m in self.asked}  # Changsha is 长沙
        towns = tuple(stem + end for stem in stems for end in _TOWN_ENDS if stem + end not in self.question.text)
        return tuple(stem + end for stem in stems for end in _DIVISION_ENDS
                     if (hit := names.get(stem + end)) and hit[0] not in asked) + towns

    def dated_months(self, rank: int) -> list[int]:
        """The month the heading above the passage dates its part of the report to, read once a passage."""
        if rank not in self._months:
            p, read = self.passages[rank], self.paragraph_text
            above = (read(p.doc_id, n) for n in range(p.paragraph - 1, max(0, p.paragraph - _HEADINGS_BACK), -1))
            self._months[rank] = heading_months(above) if read else []
        return self._months[rank]

    @cached_property
    def editions(self) -> set[tuple[int, str]]:
        return editions(self.question.text)

    def _editions(self, p, around: str) -> dict:
        if not self.editions:
            return {"edition_fit": 0.0, "edition_other": 0.0}
        named = editions(around)
        fit = bool(self.editions & named)
        other = not fit and any(kind == k for _, kind in self.editions for _, k in named)
        return {"edition_fit": float(fit), "edition_other": float(other)}

    def _school_other(self, p) -> bool:
        own = [name for *_, name in schools(p.title)]
        return bool(self.schools and own) and not any(s in o or o in s for s in self.schools for o in own) \
            and not any(s in p.text for s in self.schools)

    def passage(self, rank: int) -> dict:
        """Signals of the passage at this rank, computed once."""
        if rank not in self._passage:
            p, top = self.passages[rank], self.passages[0]
            around = p.title + self.context(p)
            absent = [w for t, w in self.weights.items() if not any(v in around for v in variants(t))]
            years = f"{p.title} {p.text} {p.date} {p.period}"  # a report about 2024 speaks of 2024 throughout
            self._passage[rank] = {
                "rank": rank / 4, "score": p.score, "score_rel": p.score / (top.score or 1.0),
                "top_doc": float(p.doc_id == top.doc_id), "cov_paragraph": self.coverage(p.text),
                "cov_context": self.coverage(around), "cov_title": self.coverage(p.title),
                "missing_max": max(absent, default=0.0) / max(self.weights.values(), default=1.0),
                "places_in_doc": _share(self.places, lambda t: self.doc_contains(p.doc_id, t)) if self.doc_contains
                else _share(self.places, lambda t: t in around),
                "places_in_context": _share(self.places, lambda t: t in around),
                "school_other": float(self._school_other(p)),
                **self._editions(p, around),
                "cov_doc": sum(w for t, w in self.weights.items() if any(self.doc_contains(p.doc_id, v) for v in variants(t)))
                / (sum(self.weights.values()) or 1.0) if self.doc_contains else 0.0,
                "years_in_passage": _share(self.question.years, lambda y: y in years),
                "topic_missing_doc": self.topic_missing(lambda t: any(
                    self.doc_contains(p.doc_id, v) for v in variants(t))) if self.doc_contains else 0.0,
                "part_lacks_paragraph": _lacks(self.question.part, p.text),
                "announces_items": float(self.question.kind == "list" and self.announces(p)),
                "beside": float(p.beside),
            } | item_fit(self.asked_item, p.text)
            self._hits[rank] = [m.span() for t in self.question.terms for m in re.finditer(re.escape(t), p.text)]
        return self._passage[rank]

    @cached_property
    def named(self) -> list:
        """The gazetteer's places in the question (scope.Mention), an institution's place (青岛科技大学) included."""
        from .scope import find

        if self.question.english and self.question.scope is not None:  # "Shouguang": found by its pinyin (api)
            return list(self.question.scope.mentions)
        return find(self.question.text)

    def names_place(self, surface: str, text: str) -> bool:
        """Whether the text names the place asked as `surface`, as written or by its full name (海南州 in
        "共青团海南藏族自治州委": a title writes the full name of a prefecture staff shorten)."""
        if surface in text:
            return True
        return any(m.place.name in text for m in self.asked if m.surface == surface)

    @cached_property
    def asked(self) -> list:
        """The places the question asks of: those it names, not as part of an institution's name."""
        return [m for m in self.named if not m.institution]

    def report_places(self, rank: int) -> frozenset:
        """The places the passage's report is about: its title's and its focus city's."""
        p = self.passages[rank]
        if p.doc_id not in self._holds:
            from .scope import find

            self._holds[p.doc_id] = frozenset(m.place for m in find(f"{p.title} {p.focus}") if not m.institution)
        return self._holds[p.doc_id]

    def holds_others(self, rank: int) -> bool:
        """The passage's report is of a place that holds another retrieved report's place: the city's report among
        its counties' ("全市…" asked naming no place is the knowledge base's whole, not a 县级市's 全市)."""
        doc = self.passages[rank].doc_id
        if doc not in self._holds_others:  # once a report, not once a clause
            own = self._deepest(rank)  # 红花岗's "共青团遵义市红花岗区委员会" holds no 汇川
            self._holds_others[doc] = own is not None and any(
                (o := self._deepest(r)) is not None and o != own and o.within(own)
                for r, p in enumerate(self.passages) if p.doc_id != doc)
        return self._holds_others[doc]

    def wholes(self) -> list:
        """The places of the retrieved reports that hold another retrieved report's place (the knowledge base's
        whole: the city among its counties), found once."""
        if self._wholes is None:
            self._wholes = list(dict.fromkeys(self._deepest(r) for r in range(len(self.passages)) if self.holds_others(r)))
        return self._wholes

    def _deepest(self, rank: int):
        return max(self.report_places(rank), key=lambda p: p.level, default=None)

    def sub_places(self, rank: int) -> list[tuple[str, ...]]:
        """The names of each place asked that lies inside a place the passage's report is about (its title's, or
        the city of a "关于2024年全市…的通报" its file or text names: a county of the report's city, a town:
        镇/乡/街道), or [] for none."""
        title, focus = self.passages[rank].title, self.passages[rank].focus
        if (title, focus) not in self._sub:
            from .scope import find

            held = {m.place for m in find(f"{title} {focus}")}
            parts = [(m.surface, m.place.name, m.place.key) for m in self.asked
                     if m.place not in held and any(m.place.within(h) for h in held)]
            parts += [(t,) for t in towns(self.question.text, self.named) if t not in title]
            self._sub[title, focus] = parts
        return self._sub[title, focus]

    def clause(self, rank: int, span: tuple[int, int], window: str) -> dict:
        """Signals of one clause (and its sentence); _filled keeps them for all the clause's values."""
        q, text = self.question, self.passages[rank].text
        at = sentence_span(text, span)
        clause, sentence = text[span[0]:span[1]], _row_caption(text, at[0]) + text[slice(*at)]
        upto = text[:at[1]]  # "银川市金凤区民政局…。该局…注册了…": named before, carried on
        # a place the report is about (its title's, a portal's own city) needs no naming in the sentence
        below = [t for t in self.places if not self.names_place(t, self.passages[rank].title + self.passages[rank].focus)]
        parts = self.sub_places(rank)
        row, cov_sentence = _row_start(text) >= 0, self.coverage(sentence)
        found = {"cov_clause": self.coverage(clause), "cov_window": self.coverage(window),
                 "place_lacks_sentence": 1.0 - _share(below, lambda t: t in upto) if below else 0.0,
                 "sub_place_lacks_sentence": float(any(not any(f in upto for f in forms) for forms in parts)),
                 "part_led_unasked": float(bool(led := LED_BY_PART.match(text)) and led["name"] not in q.text),
                 "whole_of_kb": float(self.asks_whole and self.holds_others(rank)),
                 "unplaced_of_kb": float(self.unplaced and self.holds_others(rank)),
                 "reason_row": float(self.asks_reason and row),
                 "reason_cue": float(self.asks_reason and bool(_REASON_AT.search(sentence))),
                 "cov_sentence": cov_sentence,  # a table row's line is its paragraph, whose coverage is the passage's
                 "cov_row": self.passage(rank)["cov_paragraph"] if row else cov_sentence,
                 "topic_clause": self.topic_coverage(clause),
                 "topic_sentence": self.topic_coverage(sentence),
                 "topic_missing_sentence": self.topic_missing(
                     lambda t: partial(t, sentence + self.passages[rank].title) >= 0.5),
                 "years_in_clause": _share(q.years, lambda y: y in clause),
                 "clause_len": min(len(clause), 80) / 80, "enumeration": float(bool(re.search(r"、|和|及", clause)))}
        if q.kind == "numeric":
            found["values_in_sentence"] = min(len(find_quantities(sentence)), 10) / 10
        if q.part:
            found |= {"part_lacks_clause": _lacks(q.part, clause), "part_lacks_window": _lacks(q.part, window),
                      "part_lacks_sentence": _lacks(q.part, sentence)}
        if q.subject:
            found |= {"subject_clause": partial(q.subject, clause), "subject_window": partial(q.subject, window)}
        return found


def towns_asked(text: str) -> bool:
    """Whether a question names a town (马镇 too: one character and 镇, which TOWN leaves to paragraphs it leads)."""
    return bool(towns(text)) or bool(_ONE_CHAR_TOWN.search(text))


_ONE_CHAR_TOWN = re.compile(r"(?<![\u4e00-\u9fff])[\u4e00-\u9fff]镇(?![街村长级域])|^[\u4e00-\u9fff]镇")


def towns(text: str, mentions: list | None = None) -> list[str]:
    """Towns a question names ("固始段集镇", "秭归2024年茅坪镇"): no gazetteer holds them; 乡镇团委 names none.
    mentions: the text's places (scope.find), when the caller has them."""
    from .scope import find

    for m in reversed(find(text) if mentions is None else mentions):
        text = text[:m.start] + " " + text[m.end:]
    return [m.group(1) for run in re.findall(r"[\u4e00-\u9fff]+", text) if (m := _TOWN.match(run))]


def _filled(env: Env, rank: int, span: tuple[int, int], window: str) -> list[float]:
    """The question's, the passage's and the clause's features, set once for all the clause's candidates."""
    key = (rank, span)
    if key not in env._filled:
        out = list(env.base)
        for group in (env.passage(rank), env.clause(rank, span, window)):
            for name, value in group.items():
                out[INDEX[name]] = value
        env._filled[key] = out
    return env._filled[key]


def vector(env: Env, rank: int, span: tuple[int, int], window: str, cand) -> list[float]:
    """The feature vector of one candidate. cand has .value, .source, .start (offset of the value in the
    paragraph, -1 for none), .unit, .qualifier, .role_asked, .after_role, .similarity, .position, .count."""
    q, text = env.question, env.passages[rank].text
    out = list(_filled(env, rank, span, window))
    at = cand.start if cand.start >= 0 else span[0]
    end = at + len(cand.value) if cand.start >= 0 else span[1]
    found = {
        "cov_near": env.coverage(text[max(0, at - NEAR):end + NEAR]), "similarity": cand.similarity,
        f"v_{cand.source}": 1.0, "term_distance": distance(env._hits[rank], at, end),
        "org_asked": float(cand.source == "org") * out[INDEX["asks_org"]],
        "value_pos": cand.position, "values_in_clause": min(cand.count, 5) / 5,
        "qualifier": float(bool(cand.qualifier)), "floor": float(cand.qualifier in _FLOOR),
        "role_asked": float(cand.role_asked),
        "after_role": float(cand.after_role), "surnamed": float(cand.source == "person" and surnamed(cand.value)),
        "value_in_question": float(_echoes(env, cand)),
        # a clause as the answer: what it says beyond the question ("举办第五届“金城杯”…大赛" only repeats it)
        "clause_extra": _extra(env, text[span[0]:at] if cand.start >= 0 else text[span[0]:span[1]]),
        "list_head_cover": _list_head_cover(env, text, at) if cand.source == "quantity" else 0.0,
        "clause_extra_after": _extra(env, _LIST_END.split(text[end:span[1]])[0]) if cand.start >= 0 else 0.0,
        "planned": float(planned := cand.source == "quantity" and _planned(text, at, env.passages[rank].section)),
        "plan_fit": float(planned and env.asks_plan),
        "plan_misfit": float(cand.source == "quantity" and not planned and env.asks_plan),
        "plan_actual": float(planned and env.asks_actual),
    }
    if cand.source == "quantity" and cand.start >= 0 and _RANK_CELL.search(text, max(0, at - 6), at):
        found["rank_cell_fit" if env.asks_rank else "rank_cell_misfit"] = 1.0
    sentence = sentence_span(text, span)
    begin = sentence[0]
    # a table row's caption ("表1 2024年各区县…,") dates each of its cells, as a sentence's year its figures
    found |= years_of(q, env.passages[rank], text[span[0]:at], _line_caption(text, begin) + text[begin:at])
    found |= month_at_value(env.months, text[begin:at], lambda: env.dated_months(rank), text[:begin],
                            env.passages[rank].title)
    found |= _place_at_value(env, rank, begin, at)
    found |= quarter_fit(q.text, text[begin:at])
    found |= _school_at_value(env, text[begin:at])
    if cand.start >= 0 and (side := derive.revision_side(text, at, end)):
        fits = (side == "old") == env.asks_before
        found |= {"revised_fit": float(fits), "revised_misfit": float(not fits)}
    if q.subject:  # the counted noun right against the figure: "注册志愿者20357人", "2100余名爱心人士"; a list
        reach = len(q.subject) + 2  # separator ends the item before ("359个行政村、72个社区": 行政村 is not 72's)
        before, after = _LIST_END.split(text[max(0, at - reach):at])[-1], _LIST_END.split(text[end:end + reach])[0]
        found |= {"subject_before": partial(q.subject, before), "subject_after": partial(q.subject, after),
                  "subject_order": in_order(q.subject, text[span[0]:at])}
    if cand.source == "quantity":
        found |= unit_fit(q, cand.unit, text, end)
        found["total_value"] = float(bool(_TOTAL.search(text[max(0, at - 8):at])))
        found["total_both"] = found["total_value"] * out[INDEX["total_question"]]
        found["breakdown"] = float("其中" in text[begin:at])
        found["breakdown_total"] = found["breakdown"] * out[INDEX["total_question"]]
        delta = bool(_DELTA_AT.search(text[max(0, at - 6):at]))
        found |= {"delta": float(delta), "delta_fit": float(delta and env.asks_change),
                  "delta_misfit": float(delta and not env.asks_change),
                  "change_unmet": float(env.asks_change and not delta and cand.unit != "%")}
        summed = bool(_PARTS_SUM.search(text[begin:at]))
        found |= {"parts_sum": float(summed), "parts_sum_fit": float(summed and env.asks_parts),
                  "parts_sum_misfit": float(summed and not env.asks_parts)}
        running = bool(RUNNING.search(text[span[0]:at]))
        found |= {"running": float(running), "running_fit": float(running and env.asks_kind == "running"),
                  "running_misfit": float(running and env.asks_kind in ("new", "year")),
                  "stock_misfit": float(env.asks_stock and bool(_ADDED.search(text[span[0]:at]))),
                  "new_misfit": float(env.asks_new and bool(_STOCK_AT.search(text[span[0]:at]))
                                      and not _ADDED.search(text[span[0]:at]))}
        honour = bool(_HONOUR_AT.search(text[span[0]:at]))
        found |= {"honour": float(honour), "honour_misfit": float(honour and not env.asks_honour)}
    if cand.source in ("date", "docdate"):
        figures = _FIGURE_DATE.fullmatch(cand.value)  # 1996.08, 2024-12-31: a year, and a day with three parts
        day, year = "日" in cand.value or bool(figures and figures[2]), "年" in cand.value or bool(figures)
        found["document_date"] = float(cand.source == "docdate") * out[INDEX["asks_document"]]
        if side := derive.span_side(text, at) if cand.start >= 0 else "":
            asked = "end" if env.asks_end else "start" if env.asks_start else ""
            found |= {"span_fit": float(side == asked), "span_misfit": float(bool(asked) and side != asked)}
        found |= {"date_day": float(day), "date_year": float(year),
                  "date_fit": float((day or not env.asks_day) and (year or not env.asks_year))}
        if cand.source == "docdate":  # "2022年,呼和浩特市入选…试点": the passage dates what it says itself (a year
            # other than the report's own, its title's or its period's: a 2025 report's "2024年" is what it reviews)
            named = periods.years(text[slice(*sentence)])
            p = env.passages[rank]
            own = periods.years(f"{p.title} {p.period}年 {p.date[:4]}年")
            found["docdate_misfit"] = float(bool(named - own))
    if cand.source == "docno":
        found["document_number"] = float(env.asks_number)
    found["header"] = float(bool(cand.held))
    if cand.held:  # the header line holding the value is its clause ("共青团太原市小店区委员会书记 武静怡"), not the
        # passage's first one, which the question's words rarely fill
        found["cov_clause"] = found["cov_near"] = env.coverage(cand.held[1])
    if cand.source == "clause":
        found["clause_named"] = float(bool(_QUOTED_NAME.search(text, *span)))
    elif cand.source == "field" and (label := FIELD_LABEL.search(text, max(0, at - 12), at)):
        found["field_label"] = env.coverage(label.group(1))
    elif cand.source == "clock":
        found["clock_fit"] = float(env.asks_clock)
    if cand.start >= 0:
        found |= items_named(text, sentence, at, env.question.text)
        found["cov_after"] = env.coverage(text[end:min(end + NEAR, sentence[1])])
    if env.asked_position and cand.start >= 0 and cand.source not in ("quantity", "date", "docdate"):
        stated = position(text[end:sentence_span(text, (end, end))[1]][:_POSITION_REACH])
        found |= {"rank_fit": float(stated == env.asked_position),
                  "rank_misfit": float(stated is not None and stated != env.asked_position)}
    for name, value in found.items():
        out[INDEX[name]] = float(value)
    return out


_RANK_CELL = re.compile(r"(?:排名|名次|位次|排序)第?$")
_ASKS_RANK = re.compile(r"第几|排名|名次|位次|\brank", re.I)
_QUOTED_NAME = re.compile(r"“[^“”]{2,40}”|《[^《》]{2,40}》")


def _extra(env: Env, before: str) -> float:
    """Share of the Chinese characters from the clause's start to the value that the question does not use, the
    words that only say the whole of the report's place has it left out ("全市共有团员16.94万名" for "无锡有多少团员?")."""
    chars = _HAN.findall(_WHOLE_WORDS.sub("", before))
    return sum(c not in env.asked_chars for c in chars) / len(chars) if chars else 0.0


def _list_head_cover(env: Env, text: str, at: int) -> float:
    """For a value whose list item names only a place, the topic coverage of the nearest item before it that names
    more ("分乡镇看,松城街道发展团员86名,居全县首位;松港街道64名;…溪南镇38名": 38名 counts 发展团员); else 0."""
    items = _ITEM.split(text[:at])
    if len(items) < 2 or not _PLACE_ONLY.fullmatch(items[-1]):
        return 0.0
    for item in reversed(items[-12:-1]):
        m = _FIRST_FIGURE.search(item)
        if m and item[:m.start()].strip() and not _PLACE_ONLY.fullmatch(item[:m.start()]):  # (",居全县首位" names none)
            return env.topic_coverage(item)
    return 0.0


def _echoes(env: Env, cand) -> bool:
    value = cand.value.strip("“”") if cand.value else ""
    if not value or value in env.question.text:
        return bool(value)
    figure = parse_quantity(value) if cand.source == "quantity" else None
    return figure is not None and round(figure.value, 6) in env.stated


def _place_at_value(env: Env, rank: int, begin: int, at: int) -> dict:
    """Whether the place named nearest before the value, in its sentence, is one the question asks."""
    if not env.places and not env.unplaced and not env.asks_whole:
        return {}
    if rank not in env._mentions:
        from .scope import find

        env._mentions[rank] = [m for m in find(env.passages[rank].text) if not m.institution]
    near = [m for m in env._mentions[rank] if begin <= m.start and m.end <= at]
    text = env.passages[rank].text
    if not env.places:
        return _unplaced_part(env, rank, near, text, begin)
    total = not near and _total_row(text, begin)
    if not near and not total and (caption := _row_caption(text, begin)):
        near = [m for m in env._mentions[rank] if m.end < len(caption)]  # the caption's place is every cell's
    towns = list(_TOWN_AT.finditer(text, begin, at))
    if towns and (not near or towns[-1].start() >= near[-1].end):  # "莞城街道发展团员186名": the town's, below the city
        town = towns[-1].group()  # may start one character early ("在虎门镇"): its name is the last 3 (4: 莞城街道)
        fit = any(town[i:] in env.question.text for i in range(len(town) - (4 if town.endswith("街道") else 3) + 1))
        return {"place_at_value": float(fit), "place_other_at_value": float(not fit)}
    if not near and (led := _LED_TOWN.match(text)):  # "马镇:全年新发展团员17名": the paragraph is the town's
        fit = led["town"] in env.question.text
        return {"place_at_value": float(fit), "place_other_at_value": float(not fit)}
    whole = [m for m in _WHOLE_AT.finditer(text, begin, at) if not near or m.start() >= near[-1].end]
    if total:
        whole = [True]  # "…完成情况,合计新发展团员12874名;合计实名注册志愿者186.4万人": the row of all the parts
    if whole and any(env.names_place(p, env.passages[rank].title + env.passages[rank].focus) for p in env.places):
        # "全年全区新发展团员236名": the report's place (its title's, or its focus city's), which the question asks
        fit = not towns_asked(env.question.text)
        return {"place_at_value": float(fit), "place_other_at_value": float(not fit)}
    if not near:
        return {}
    last = _respective(near, text, at) or near[-1]
    # the place itself, not a name: 荆州区 (short name 荆州) is not the 荆州 a question asks
    fit = any(last.place == m.place for m in env.asked) or last.surface in env.places
    if fit and (part := LOCALITY_AFTER.match(text, last.end)):  # "菏泽高新区3916名" is a zone's, not 菏泽's
        fit = part.group() in env.question.text
    elif fit and (town := _NAMESAKE_TOWN.match(text, last.end)):  # "岫岩镇发展团员58名" is the town's, not 岫岩县's
        fit = last.surface + town.group() in env.question.text
    return {"place_at_value": float(fit), "place_other_at_value": float(not fit)}


def _unplaced_part(env: Env, rank: int, near: list, text: str, begin: int) -> dict:
    """A question naming no place (or only 全市), asked of a knowledge base one of whose retrieved reports holds the
    others' places: whether the value is a part's (its sentence or its row's caption names a place inside that whole:
    渭滨区's row for "2024年全市新发展团员多少" of 宝鸡's KB)."""
    if not near and (caption := _row_caption(text, begin)):
        near = [m for m in env._mentions[rank] if m.end < len(caption)]
    wholes = env.wholes()
    return {"unplaced_part_at_value": float(bool(wholes) and any(m.place.within(w) for m in near for w in wholes))}


def _planned(text: str, at: int, section: str) -> bool:
    """A target, not a result: a table row's cell says which by its own header ("新发展团员2024年计划6,800名;新发展团员
    2024年完成7,152名", below a 2025 plan's heading); prose by its words and its section's heading."""
    if (comma := _row_start(text)) > 0:
        cell = text[max(comma, *(text.rfind(c, 0, at) for c in ";;")) + 1:at]
        for says in (cell, text[:comma]):  # the cell's header, else the caption's ("…指标完成情况")
            done, plan = bool(_CELL_DONE.search(says)), bool(_CELL_PLAN.search(says))
            if done != plan:
                return plan
    return plan_at(text, at) or plan_section(section)


def _row_start(text: str) -> int:
    """Where a table row's cells start (after its caption's comma), when every cell repeats the row's header; -1 in
    prose."""
    comma = _caption_comma(text)
    starts, _ = _sentences(text)
    label = text[comma + 1:comma + 3]
    if comma < 2 or len(starts) < 2 or not all(text.startswith(label, a) for a in starts[1:]):
        return -1
    return comma + 1


def _line_caption(text: str, start: int) -> str:
    """The caption of a table row's line ("附:表1 2024年各区县…主要指标,屯溪区…;黄山区…") for a cell after the first, its
    bodies as columns or not; "" for the first cell (its sentence holds it) or a paragraph with no such caption."""
    comma = _caption_comma(text)
    if comma <= 0 or comma > 40 or start <= comma or ";" in text[:comma] or ";" not in text[comma:]:
        return ""
    return text[:comma + 1]


def _caption_comma(text: str) -> int:
    """The first comma (either width) after the paragraph's first character; -1 for none."""
    return min((i for i in (text.find(","), text.find(",")) if i > 0), default=-1)


# A position: 第N(名/位), a ranking table's 排名N, 首位/榜首/第一名 (1), or the last (末位/垫底/倒数第一; 最少/最低 asked of a place).
_POSITION_NTH = re.compile(r"(?:第|排名第?|名列第?)([一二三四五六七八九十]|\d{1,2})(?!\d)(?:名|位)?|(首位|榜首|头名|冠军)|"
                           r"(末位|垫底|倒数第一|最后一名)")
_POSITION_SUPER = re.compile(r"最(?:多|高|大|好|快)|(最(?:少|低|小|差|慢))")
_POSITION_REACH = 24  # characters after the name within its sentence: "民和县团委综合得分96.3分,位列全市第一"


def _position(m: re.Match) -> int | str | None:
    if m.group(1):
        return chinese_to_int(m.group(1)) if not m.group(1).isdigit() else int(m.group(1))
    return 1 if m.group(2) else "last"


def position(text: str) -> int | str | None:
    """The position a which-question asks ("考核第一名是哪个" 1, "排名第三的县" 3, "最少的是哪个镇" last), or the one a
    sentence states right after a name ("…,位列全市第一", "居全市首位", "排名垫底")."""
    if m := _POSITION_NTH.search(text):
        return _position(m)
    if m := _POSITION_SUPER.search(text):
        return "last" if m.group(1) else 1
    return None


def deputy_misfit(env: Env, before: str) -> bool:
    """The role written right before a person is the deputy of the one asked, or the one asked of a deputy asked:
    "铜川团市委副书记是谁?" is not answered by "团市委书记王娜"."""
    if env.role_asked is None:
        return False
    written = list(ROLE.finditer(before))
    if not written:
        return False
    # Or a town's or college's deputy for the report's own league committee's asked (blind set 39: "海口团市委副书记是谁?"
    # and "美兰区演丰镇团委副书记陈雅琪").
    lower = _OWN_COMMITTEE.search(env.question.text) and _LOWER_COMMITTEE.search(before, 0, written[-1].start())
    # Or the city's (团市委书记) for a district's or county's asked (blind set 55: "香坊区团委书记是谁").
    higher = _COUNTY_COMMITTEE.search(env.question.text) and _CITY_COMMITTEE.search(before, 0, written[-1].start())
    return bool(lower or higher) or written[-1].group().startswith("副") != env.role_asked.startswith("副")


_COUNTY_COMMITTEE = re.compile(r"[\u4e00-\u9fff]{1,6}[区县旗](?:团委|团工委)|团[\u4e00-\u9fff]{0,6}[区县旗]委")  # 团西工区委 too
_CITY_COMMITTEE = re.compile(r"(?:团[市省州]委|[市省]团委)$")
_OWN_COMMITTEE = re.compile(r"团[省市区县州]委|[省市区县州]团委|校团委")
_LOWER_COMMITTEE = re.compile(r"(?:镇|乡|街道|社区|村|学院|院系|团支部|园区|企业|公司|中学|小学)(?:团委|团工委|团总支|团支部)?$")


def _total_row(text: str, begin: int) -> bool:
    """Whether the sentence (a row's cell) at `begin` is a total's; the first cell after its row's caption. Not a
    table of chosen parts ("重点街道(镇)…", "部分区县…"): its 合计 sums only the rows shown."""
    comma = _caption_comma(text)
    if comma > 0 and CHOSEN_PARTS.search(text, 0, comma):
        return False
    return bool(_TOTAL_ROW.match(text, comma + 1 if 0 <= begin < comma else begin))


def _school_at_value(env: Env, before: str) -> dict:
    """A college named nearest before the value (a table row's "财经学院团支部51个") is the place at the value: the
    question's when it names that college, another's when it names another or only the university."""
    named = schools(before)
    if not named:
        return {}
    college = named[-1][2]
    fit = college in env.question.text or any(college in s or s.endswith(college) for s in env.schools)
    return {"place_at_value": float(fit), "place_other_at_value": float(not fit)}


def _respective(near: list, text: str, at: int):
    """"宝丰县、叶县分别发展团员438名和415名": the place a value pairs with, by order, where places listed together
    are followed by 分别 and as many figures; None otherwise."""
    last = near[-1]
    word = text.find("分别", last.end, at)
    if word < 0 or word - last.end > 12:
        return None
    listed = [last]
    for m in reversed(near[:-1]):
        if not _JOINED.fullmatch(text[m.end:listed[0].start]):
            break
        listed.insert(0, m)
    end = sentence.end() if (sentence := SENTENCE.match(text, at)) else len(text)
    figures = [q.start + word for q in find_quantities(text[word:end]) if q.unit not in ("年", "月", "日")]
    if len(listed) < 2 or len(figures) < len(listed) or at not in figures[:len(listed)]:
        return None
    return listed[figures.index(at)]


def _row_caption(text: str, start: int) -> str:
    """A table row's caption, for each cell after the first ("2021-2023年各县注册志愿者人数,望都县2021年2050人;望都县
    2023年2300人。": the caption says what every cell counts); "" in prose or the first cell."""
    cells = _row_start(text)
    if cells < 0 or start < cells or not text.startswith(text[cells:cells + 2], start):
        return ""
    return text[:cells]


def sentence_span(text: str, span: tuple[int, int]) -> tuple[int, int]:
    """The sentence a span starts in (the span itself when no sentence holds it)."""
    starts, spans = _sentences(text)
    i = bisect_right(starts, span[0]) - 1
    return spans[i] if i >= 0 and span[0] < spans[i][1] else span


@lru_cache(maxsize=256)
def _sentences(text: str) -> tuple[list[int], list[tuple[int, int]]]:
    """A paragraph's sentences, found once: every candidate of it asks (~3 times each)."""
    spans = [m.span() for m in SENTENCE.finditer(text)]
    return [a for a, _ in spans], spans


def _lacks(part: str, text: str) -> float:
    return 1.0 - partial(part, text) if part else 0.0


def _share(items, test) -> float:
    return sum(1 for x in items if test(x)) / len(items) if items else 0.0
