"""THE feature list of the answer choice: what the model (app/engine/answer_model.py) sees of one candidate.

A candidate is (retrieved passage, clause, value) from app/engine/answer.py. Every signal the hand-set rules
used is here as a number, and the model learns how much each counts (`make train`). Coverage is the
idf-weighted share of the question's content terms a text contains; a term missing as a whole earns
partial credit for its bigrams ("青年志愿者" vs "志愿者").
"""
from __future__ import annotations

import re

from . import derive, periods
from .candidate_env import PARTS, PARTS_NUMBER, Env, share
from .coverage import grams_of, partial
from .cross_period import RUNNING
from .fields import FIELD_LABEL
from .numbers import parse_quantity
from .people import surnamed
from .signals import NEAR, distance, in_order, items_named, month_at_value, quarter_fit, unit_fit, years_of
from .value_context import (POSITION_REACH, is_target, line_caption, place_at_value, position, school_at_value,
                            sentence_span)

KINDS = ("numeric", "date", "person", "name", "entity", "list", "open")
SOURCES = ("clause", "quantity", "top_n", "date", "person", "names", "quoted", "named", "counted", "org", "docdate", "docno", "role", "doctitle",
           "place", "ordinal", "meeting", "described", "field", "clock", "span", "listed", "contact")

FEATURES: tuple[str, ...] = (
    *(f"q_{k}" for k in KINDS), "q_english", "q_terms",   # question type; how many content terms it has
    "q_followup",                                          # written from a follow-up and its history (其中…呢?): its
                                                           # words are more than the report says the answer with
    "q_role",                                              # a role asked (副书记是谁?): the answerable model reads
                                                           # whether any candidate stands after it (role_found)
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
    "contact_misfit",                                      # a phone number, e-mail or web address asked, and this
                                                           # is none (a clause, a count of 电话)
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
# Words that say a figure is the whole place's, or all there is: no thing counted of their own.
_WHOLE_WORDS = re.compile(r"全[省市区县州旗盟校]|全地区|[本我][省市区县州校]|共有|现有|拥有|已有|共计|总计|合计|一共|共|达到|达")
_STOCK_AT = re.compile(r"共有|总数|现有|总量|累计|共计|总计")
_HONOUR_AT = re.compile(r"表彰|评选|评为|授予|获评|荣获|命名|获得者|先进集体|先进个人|(?<!推荐)优秀(?:共青)?团(?:员|干部)(?!入党|作为)|五四红旗|奖章|标兵|十佳|最美")
_ADDED = re.compile(r"新发展|新增|新建|新注册|新招募|新组建|全年发展")
# A sum of the parts listed before it: "以上6个乡镇合计…", "各县(市)合计", a table's "合计" row (after its caption).
_PARTS_SUM = re.compile(rf"(?:以上|上述|前述){PARTS_NUMBER}?[\u4e00-\u9fff()、]{{0,8}}?(?:合计|共计|总计|小计)|(?:^|[,,;;])\s*(?:合计|总计|小计)|"
                        rf"(?:各|{PARTS_NUMBER}){PARTS}(?:合计|共计|总计|小计)")
# A change on a figure before ("比上年的128500人增加17700人", "增长13.8%"), and a question that asks one.
# (a table's 增减 column: "新发展团员(名)增减+259名"; a shortfall: "差82名未完成年度目标")
_DELTA_AT = re.compile(r"(?:(?:净增|净减|增加|增长|减少|下降|提高|提升|上升|降低|回落|(?<![至最])多|(?<![至最])少)了?(?:约|近|超过)?"
                       r"|(?:增减|增幅|变化|变动)[+＋\-−－]?|(?<![相偏])差)\s*$")
_TOTAL = re.compile(r"累计|一共|总共|共计|合计|总计|共|总")
# "工作报告在哪一天的会议上作的" (blind set 39): the day of any wording
# ... or the meeting a work report was given at ("全委会是星期几开的": the report's own date)
_ASKS_DOCUMENT = re.compile(r"落款|印发|发布|发出|成文|(?:通报|总结|报告|材料|稿子|文件|通知|文章|全委会|全会|全体会议)[^,,。]{0,4}"
                            r"(?:哪一?天|什么时候|何时|几月几[日号]|什么日子|星期几|周几)")
_FIGURE_DATE = re.compile(r"(?:19|20)\d{2}([.\-/])\d{1,2}(\1\d{1,2})?")
_ASKS_ORG = re.compile(r"哪[个家所](?:机构|单位|高校|大学|学校|组织|部门|协会|学院|院系|学部|团委|企业|公司|医院)|哪家|哪所")
_HAN = re.compile(r"[\u4e00-\u9fff]")
_LIST_END = re.compile(r"[、,,;;::。]")
_ITEM = re.compile(r"[,,;;]")
# A list item that names only a place (or a college): what it counts is named by an item before it.
_PLACE_ONLY = re.compile(r"\s*(?:其中|其余|另有)?[\u4e00-\u9fff]{1,10}?(?:镇|乡|街道|县|区|市|州|旗|学院|社区|村|校区)\s*")
_FIRST_FIGURE = re.compile(r"\d")


def question_row(env: Env) -> list[float]:
    """The question's own features, the same for all its candidates."""
    q, row = env.question, [0.0] * len(FEATURES)
    for name, on in ((f"q_{q.kind}", True), ("q_english", q.english), ("q_followup", q.followup),
                     ("q_role", env.role_asked is not None),
                     ("units_asked", bool(q.units)),
                     ("subject", bool(q.subject)), ("total_question", bool(_TOTAL.search(q.text))),
                     ("asks_org", bool(_ASKS_ORG.search(q.text))), ("years_asked", bool(q.years)),
                     ("asks_document", bool(_ASKS_DOCUMENT.search(q.text))),
                     ("places_asked", bool(env.places)), ("part_asked", bool(q.part)),
                     ("months_asked", bool(env.months))):
        row[INDEX[name]] = float(on)
    row[INDEX["q_terms"]] = min(len(q.terms), 10) / 10
    never = env.idf("\x00")  # the weight of a token no chunk contains
    unseen = sum(w * share(grams_of(t), lambda g: env.idf(g) >= never) for t, w in env.weights.items())
    row[INDEX["unseen"]] = unseen / (sum(env.weights.values()) or 1.0)
    return row


def _filled(env: Env, rank: int, span: tuple[int, int], window: str) -> list[float]:
    """The question's, the passage's and the clause's features, set once for all the clause's candidates."""
    key = (rank, span)
    if key not in env._filled:
        if None not in env._filled:
            env._filled[None] = question_row(env)
        out = list(env._filled[None])
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
        "planned": float(planned := cand.source == "quantity" and is_target(text, at, env.passages[rank].section,
                                                                              env.passages[rank].period)),
        "plan_fit": float(planned and env.asks_plan),
        "plan_misfit": float(cand.source == "quantity" and not planned and env.asks_plan),
        "plan_actual": float(planned and env.asks_actual),
        "contact_misfit": float(env.asks_contact and cand.source != "contact"),
    }
    if cand.source == "quantity" and cand.start >= 0 and _RANK_CELL.search(text, max(0, at - 6), at):
        found["rank_cell_fit" if env.asks_rank else "rank_cell_misfit"] = 1.0
    sentence = sentence_span(text, span)
    begin = sentence[0]
    # a table row's caption ("表1 2024年各区县…,") dates each of its cells, as a sentence's year its figures
    found |= years_of(q, env.passages[rank], text[span[0]:at], line_caption(text, begin) + text[begin:at])
    found |= month_at_value(env.months, text[begin:at], lambda: env.dated_months(rank), text[:begin],
                            env.passages[rank].title)
    found |= place_at_value(env, rank, begin, at)
    found |= quarter_fit(q.text, text[begin:at])
    found |= school_at_value(env, text[begin:at])
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
        stated = position(text[end:sentence_span(text, (end, end))[1]][:POSITION_REACH])
        found |= {"rank_fit": float(stated == env.asked_position),
                  "rank_misfit": float(stated is not None and stated != env.asked_position)}
    for name, value in found.items():
        out[INDEX[name]] = float(value)
    return out


_RANK_CELL = re.compile(r"(?:排名|名次|位次|排序)第?$")
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

