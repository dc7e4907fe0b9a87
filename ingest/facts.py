"""Figures of a report as facts: what is counted, how many, where and when, with the sentence that says so.

"注册志愿者20357人" gives (注册志愿者, 20357, 人); "组织动员2万余名青年志愿者" gives (青年志愿者, 20000, 名, 余): the
indicator (ingest/fact_indicator.py) is the noun after a measure word when there is one, else the words before
the figure. The place is
the one the sentence names before the figure (a county in a table row), else the report's own (its title, file
name, or the place its text names most: app/engine/scope.py). Years, dates, ordinals, durations, ages,
anniversaries and distances are not figures (the rules of tests/data/facts/README.md).

Figures and places are read by app.engine.numbers (through ingest/fact_numbers.py) and app.engine.scope, two leaf modules with no app imports:
ingest otherwise never imports app/, and these are imported lazily so that it still loads without it.
"""
from __future__ import annotations

import re
from dataclasses import replace

from app.engine.gazetteer import county_leading
from app.engine.localities import LED_BY_PART as _LED_BY_PART, LOCAL_PART, LOCALITY_AFTER, TOWN_END, TOWN_OR_COLLEGE

from .clean import SITE_INFO
from .fact_indicator import before_words, indicator_of, names_nothing
from .fact_years import PERIOD, changed_from, compared_with, move_of, period_of, then_year, without_comparisons, year_for
from .fact_numbers import figures
from .schema import Document, Fact
from .tables import CHOSEN_PARTS

# Raise when what extract_facts reads changes: an index whose facts another version extracted reads its reports
# again once, on the next ingest (ingest/pipeline.py). 2: a zone after the city (菏泽高新区) is its own place;
# 3: a county whose short name is an everyday word is read by its full name (解放区); 4: divisions named since
# cpca's table (潞州区, gazetteer.renamed); a part named after 其中, or a place before a year's figure (全年…), is
# not carried to the next sentence; 5: a target section's figures carry its heading as their period (三、2024年工作安排),
# a district named as its city (荆州区 in 荆州's report) is read by its full name; 6: a figure's year is the last one
# named before it, not the latest (a 2024 caption over a 2023 column), and facts are stored per report; 7: a report
# whose title names one year (2024年度…完成情况的通报, sent in 2025) dates its undated figures by it; 8: only a title
# giving an account of that year (…情况/统计/数据), not an award's year (荣获…2020年度…先进集体).
# 9: a town, street or college leading a row's indicator is the fact's place (乳城镇, 莞城街道, 农学院).
# 10: a clause summing the parts speaks for the report's place; 11: a college named with 与 whole (计算机与软件学院);
# 12: a place listed with others (平陆县、垣曲县等) names no later sentence's figures; 13: a bare name opening a
# town's (朝阳镇 in 辉南县) is no place, a paragraph led by a town's or college's name and a colon is its figures,
# a bare 全市总数 counts the thing the figure before it counts; 14: a portal's site paragraph gives no facts;
# 15: figures listed after 分别 count what the first of them counts; 16: a county's short name after punctuation or
# a year is a place (2023年谯城、涡阳), a zone leading a row is its place (示范区团员数6318名), a total after what
# was added counts the thing ("“青年之家”新增32个,累计达到186个"); 17: 分 is a score's unit (综合得分93.2分);
# 18: a "2024年度…考核结果的通报" reports 2024's figures, 互助县 is a place; 19: 平安区 in 平安区新发展团员.
# 20: peoples named without 族 in an autonomous division (伊犁哈萨克自治州 is 伊犁); 21: a figure moving from one
# year to another ("从2020年底的58.3万人增长到2024年底的102.6万人") counts one thing in each year; 22: ",其中2024年底
# 为31.6万人" restates it for a year, "其中2024年招募131名" recruits what the figure before did; 23: "8期共712名" counts
# what the 8期 does, an honour given (…称号授予293个团组织) is counted; 24: a county of the report's city that the
# gazetteer leaves out (城关区: 兰州's and 拉萨's) leading a row is its place; 25: "由上年的38个增加到52个" is one thing
# in two years, an appendix's "新发展团员:3126名(上年2784名)" its label's in this year and the one before, and an
# appendix heading (附件:2024年…) dates what follows it, not the plan section before it; 29: a plan table's cell
# counts its row's label ("新发展团员2024年完成7,152名": 新发展团员, not 完成), its 完成 column a result; 30: the 合计
# row of a table of chosen parts (重点街道(镇), 部分区县) is no place's; 31: a section naming no year under a part
# heading (第二部分 2025年工作要点) is the part's year's, and its figures plans when the part is one; 35: a figure
# after 分别 naming nothing of its own counts what the one before it counts (a two-year report's second year); 36: a
# brief's bracketed part (【年度回顾】2024年…) dates the sections under it; 37: a news title's "2024年度综合考评…" dates
# its figures (都江堰's page of 2025); 38: "完成年度计划3,000名的105.4%" is the done thing's 计划完成率.
FACTS_VERSION = 47  # 47: 门 is a unit (开设课程12门), a code's digits, a list item's number (3.县区…) and a time of day (8:30) are no figure; 46: a move from a year named to a figure of none (由2024年底的23.46万名增加到24.12万名) counts one thing in each year; 45: a year after a bullet leads its paragraph (◆2024年全年:…截至年底…5.38万名); 44: a title whose year's work is awarded after it (2024年度工作获评…) dates its figures to that year; 43: a temperature below zero is a negative figure in °C (零下31°C, -31°C, 零下三十一度); 42: an erratum's wrong figure (“…964名”有误,应为“946名”) is no fact; 41: 周岁 and 工作日 are units (35周岁, 15个工作日); 40: a table row's caption year is its cells' (2023年…基础数据,稻地镇…); 39: a county name several counties share read as the title's (和平区); a figure compared (比去年同期的1312名) counts what the last one of its unit counts
_SENTENCE = re.compile(r"[^。!?;!?;\n]+[。!?;!?;]?")
_NOT_FIGURES = frozenset("月 日 年 周年 个月 天 周 岁 公里 千米 米 平方米".split())  # dates, durations, ages, distances
_LARGE = re.compile(r"[万亿]")
_CN_DIGITS = "一二三四五六七八九十"
_NAMED_SESSION = re.compile(r"[一二三四五六七八九十]中全会|全国|中央|全运")


def extract_facts(doc: Document) -> list[Fact]:
    """Every figure of every paragraph (table rows included: ingest/tables.py renders them as text). Places and
    figures are found once per paragraph (the report's scope is made from the same places): 2.4 ms a report."""
    from app.engine import catalogue, scope
    from app.engine.cross_period import plan_section

    titled = catalogue._title_names([doc.title])
    in_title = tuple(m.place for m in scope.find(doc.title, titled))  # settles 和平区 (沈阳's) in the text
    named = [scope.find(p, titled, in_title) for p in doc.paragraphs]
    report_place, report_year = _report_scope(doc, catalogue, titled, [m.place for ms in named for m in ms])
    school = scope.schools(doc.title)
    if school:  # a university's report: its figures are the university's (the places it names are where it sends)
        report_place = scope.school_place(school[0][2])
    facts: list[Fact] = []
    section = 0  # the year of the numbered section a paragraph is in ("三、2025年工作安排": its targets are 2025's)
    plan = ""  # the heading of a section of targets: its figures are plans, not results (cross_period.planned)
    part = (0, "")  # the year and plan heading of the part the sections stand in ("第二部分 2025年工作要点")
    for number, (paragraph, mentions) in enumerate(zip(doc.paragraphs, named), start=1):
        if paragraph.startswith(SITE_INFO):  # a portal's 邮编, ICP and visitor counts are no figures of its article
            continue
        heading = scope.section_year(paragraph)
        if scope.part_heading(paragraph):  # "第二部分 2025年工作要点": its sections naming no year are the part's
            part = (scope.one_year(scope.years(paragraph)), paragraph.strip() if plan_section(paragraph) else "")
            heading = part[0]
        elif heading is None and _APPENDIX.match(paragraph):  # "附件:2024年…主要工作指标完成情况" after the 2025 plan
            heading = scope.one_year(scope.years(paragraph))
        if heading is not None:
            section = heading or part[0]
            plan = paragraph.strip() if plan_section(paragraph) else "" if heading else part[1]
        made = _paragraph_facts(paragraph, number, [m for m in mentions if not m.institution], doc,
                                report_place, section or report_year, scope)
        facts.extend(replace(f, period=f.period or plan) if plan and not _done_cell(f.quote) else f for f in made)
    return facts


_DONE_CELL = re.compile(r"(?:完成|实际|实有)[\d.,]+")


def _done_cell(quote: str) -> bool:
    """A table cell of what was done ("新发展团员2024年完成7,152名;") under a caption or heading of targets (附表:
    …完成情况及2025年目标): a result, not a plan."""
    return bool(_DONE_CELL.search(quote.rsplit(",", 1)[-1].rsplit(",", 1)[-1]))


# "本刊第2期中“全年新发展团员964名”有误,应为“946名”": the quoted figure is the wrong one
_CORRECTED = re.compile(r"“[^“”]{1,40}”(?=\s*(?:有误|错误|系误|不准确|应为|更正为))")
_APPENDIX = re.compile(r"附(?:件|表)\s*\d*\s*[::]?[^。;;]{0,40}$")


def _paragraph_facts(paragraph: str, number: int, mentions: list, doc: Document, report_place,
                     report_year: int, scope) -> list[Fact]:
    # "三台县": a figure inside a place's name is none
    wrong = [m.span() for m in _CORRECTED.finditer(paragraph)]  # an erratum's figure "有误, 应为…" is no fact
    quantities = [q for q in figures(paragraph) if _is_figure(q, paragraph)
                  and not any(m.start <= q.start < m.end for m in mentions)
                  and not any(a <= q.start < b for a, b in wrong)]
    out: list[Fact] = []
    led = _LED_BY_PART.match(paragraph)  # a paragraph of one town's or college's figures, its name and a colon first
    lead_year = int(scope.lead_year(paragraph) or 0)
    for span in _SENTENCE.finditer(paragraph) if quantities else ():
        start, end = span.span()
        inside = [q for q in quantities if start <= q.start < end]
        if not inside:
            continue
        sentence = span.group().strip()
        # "比2022年增长31%": 2022 is not the sentence's year; nor is 2023 a table row's, whose caption says "2021—2023年"
        own = PERIOD.sub(lambda m: " " * len(m.group()), without_comparisons(paragraph[start:end]))
        years, period = sorted(scope.years(own)), period_of(sentence)
        made: list[Fact] = []  # this sentence's facts, the last one being what a comparison compares with
        restated: set[int] = set()  # ids of made facts that restate another year's figure
        step = None  # (indicator, year) of the figure a "从2020年底的X增长到2024年底的Y" goes to
        for k, q in enumerate(inside):
            head = paragraph[start:q.start]
            moved = move_of(paragraph, start, q, inside[k + 1] if k + 1 < len(inside) else None,
                            year_for(own[:q.start - start], years) or lead_year or report_year)
            trend = moved[:2] if moved else step  # (indicator, year) of either end of the move
            compared = None if trend else then_year(head, made[-1].year) if made else None
            base = None if trend else \
                changed_from(head, [f for f in out + made if id(f) not in restated], inside, q, start)
            # what "比去年同期的1312名" compares with: the last figure of its unit ("发展团员1436名"), not the share between
            indicator = trend[0] if trend else compared_with(made, q).indicator if compared is not None \
                else base.indicator if base else indicator_of(paragraph, q, *_around(quantities, q))
            if compared is None and not base and not trend and (not indicator or indicator in paragraph[start:q.start]):
                indicator = _as_before(paragraph, q, start, mentions, out + made) or indicator  # not a noun after it
            before = inside[k - 1] if k else None
            respective = _respectively(paragraph, mentions, q, start, inside, report_place)
            if made and before and respective and _LISTED_ON.search(head) and before.unit == q.unit \
                    and _LIST_GAP.fullmatch(paragraph[before.end:q.start]):  # places listed, then their figures:
                indicator = made[-1].indicator  # "临清市、莘县、冠县新发展团员分别为712名、684名、651名": one indicator
            listed = not indicator and made and before and before.unit == q.unit and "分别" in head \
                and _LIST_GAP.fullmatch(paragraph[before.end:q.start])
            if listed:  # "2023年、2024年全区分别新发展团员2691名、2834名": 2834 counts it too, for 2024
                indicator = made[-1].indicator
            if not indicator:
                continue
            if made and _VERB_OF.fullmatch(indicator) and made[-1].indicator.startswith(indicator):
                indicator = made[-1].indicator  # "累计招募西部计划志愿者628名,其中2024年招募131名": what it recruited
            if (bare := _BARE_TOTAL.fullmatch(indicator)) and made:  # "新建青年之家8个,全市总数达到95个"
                indicator = (bare["whole"] or "") + _NEW_VERB.sub("", made[-1].indicator) + bare["total"]
            place = respective or (made[-1].place if listed else "") or \
                _place(mentions, q, start, end, report_place, paragraph[start:end], paragraph[:start])
            indicator = _unplaced(indicator, mentions)
            indicator = _unzoned(indicator, place)
            if report_place is not None and not report_place.code:
                place = report_place.short
            if local := _local_part(indicator, place, paragraph[start:q.start]):  # "乳城镇发展团员62名": the town's
                place, indicator = local
            elif (county := county_leading(indicator, report_place)) and len(indicator) > len(county.name) + 1:
                place, indicator = county.name, indicator[len(county.name):]  # 兰州's table row "城关区新发展团员1426名"
            elif led and report_place is not None and place == report_place.key:  # "朝阳镇:…注册青年志愿者1526名"
                place = _whole_name(led["name"], "")
            if place and (chosen := _CHOSEN.match(paragraph)) and _SUMMED.match(paragraph, max(start, chosen.end())):
                place = ""  # the 合计 of a table of chosen parts (重点街道(镇), 部分区县) is no place's figure
            year = trend[1] if trend else compared if compared is not None \
                else year_for(own[:q.start - start], years) or lead_year or report_year
            step = (indicator, moved[2]) if moved else None
            made.append(Fact(indicator, q.value, q.unit, q.qualifier, q.text, place, year, period, doc.doc_id,
                             doc.source, doc.title, doc.date, number, sentence, doc.origin))
            if compared is not None:
                restated.add(id(made[-1]))
        out.extend(made)
    return out


# A table row's caption naming chosen parts ("2024年重点街道(镇)团建主要指标完成情况,", "…部分区县…情况,").
_CHOSEN = re.compile(rf"[^,,;;。]{{0,40}}?(?:{CHOSEN_PARTS.pattern})[^,,;;。]{{0,40}}?[,,]")
_SUMMED = re.compile(r"\s*(?:合计|总计)")
# A town, street or college leading what a row counts: no gazetteer lists it, and the rows of a table of them are
# its parts (cross.answer ranks them). A gazetteer's place right before 镇/街道 is the town named like it (洛阳镇).
_ROW_REST = r"(?P<rest>[\u4e00-\u9fff\"“”]{2,})$"
_LOCAL = re.compile(f"(?P<name>{LOCAL_PART.pattern}){_ROW_REST}")
# Figures listed after 分别 ("…分别为712名、684名、651名") count one thing: the first one's.
_LISTED_ON = re.compile(r"分别(?:为|是|达到|达|有)")  # not "分别比2022年增长18.2%和23.5%": two things
_LIST_GAP = re.compile(r"\s*(?:、|和|及|与)\s*")
# A total named by nothing but itself counts what the figure before it in the sentence counts, all of it.
_BARE_TOTAL = re.compile(r"(?P<whole>全[市县区省州校])?(?P<total>总数|总量)")
_VERB_OF = re.compile(r"[\u4e00-\u9fff]{1,2}")  # a bare verb ("招募"), no thing of its own
_NEW_VERB = re.compile(r"^(?:新建成|新建|新增|新发展|新注册|建成)")
_NAMESAKE_TOWN = re.compile(f"(?:{TOWN_END}){_ROW_REST}")


def _local_part(indicator: str, place: str, before: str = "") -> tuple[str, str] | None:
    """(part, what it counts) when the indicator starts with a town, street or college; else None.
    before: the sentence up to the figure, where a college's name may begin before the indicator does."""
    if m := _NAMESAKE_TOWN.match(indicator):
        return place + indicator[:m.start("rest")], m["rest"]
    m = _LOCAL.match(indicator)
    if not m and indicator[:1] in "“\"《" and (at := before.rfind(indicator)) > 0:  # 林学院“青马工程”学员36名: the
        named = _PART_BEFORE.search(before[:at])                                   # quote began the indicator
        return (_whole_name(named["name"], before[:named.end()]), indicator) if named else None
    if not m or m["name"].startswith(("全", "各", "本", "该")) or m["rest"][:1] in "和与及":
        return None  # "经开区和北海经济开发区254名": both
    return _whole_name(m["name"], before), m["rest"]


_PART_BEFORE = re.compile(rf"(?:^|[,,;;::、。])(?P<name>(?![全各本该]){TOWN_OR_COLLEGE.pattern})$")


# "石油与天然气工程学院", "计算机与软件学院": a college named with 与, whose indicator starts after it (at 天然气, or
# at 工程学院). Not "校团委与软件学院…": an organisation before 与 is another party.
_WITH_NAME = re.compile(r"[\u4e00-\u9fff]{2,6}(?<![委会部局校处])与[\u4e00-\u9fff]{1,8}?(?:学院|学部|书院)")
_CLAUSE_START = re.compile(r".*[,,;;::、。]")


def _whole_name(name: str, before: str) -> str:
    if not name.endswith(("学院", "学部", "书院")) or (at := before.rfind(name)) < 0:
        return name
    head = before[:at + len(name)]
    clause = head[m.end():] if (m := _CLAUSE_START.match(head)) else head
    return clause if _WITH_NAME.fullmatch(clause) else name


_CLAUSE_MARK = re.compile(r"[,,;;::、]")
_TOTAL_ROW = re.compile(r"全[市县省区州旗](?:合计|总计)")


def _unplaced(indicator: str, mentions: list) -> str:
    """What is counted without the place leading it: a table row's "迎江区见习留用" counts 见习留用 (its place is
    the fact's place), so the rows of one column read as one indicator whatever their place's name."""
    for surface in sorted({m.surface for m in mentions}, key=len, reverse=True):
        if indicator.startswith(surface) and len(indicator) > len(surface) + 1:
            return indicator[len(surface):]
    total = _TOTAL_ROW.match(indicator)
    return indicator[total.end():] if total and len(indicator) > total.end() + 1 else indicator


def _unzoned(indicator: str, place: str) -> str:
    """"菏泽高新区团员总数" of 菏泽高新区 counts 团员总数, as its sibling rows do: the end of the place's name that
    starts the indicator (_unplaced removed the gazetteer's part) goes too."""
    for n in range(len(place) - 1, 1, -1):
        if indicator.startswith(place[-n:]):
            return indicator[n:]
    return indicator


def _as_before(paragraph: str, q, start: int, mentions: list, before: list) -> str:
    """A figure whose clause names only a place and verbs ("其中,大理市开展98场", "南康区7.3万人") counts what the
    figure before it in its paragraph counts; the first of a table row's cells, what the caption before the row's
    place names ("各县注册青年志愿者人数,涪城区2021年52316人"). "" when the clause names more, or no place (with none,
    "其中2023年新建61个", the held-out part lost a figure). The report's whole-area word opening the clause is its
    place ("新建“青年之家”46个,全市累计建成268个", a table's "全市合计2022年239317人")."""
    head = paragraph[start:q.start]
    clause_start = start + max((m.end() for m in _CLAUSE_MARK.finditer(head)), default=0)
    places = [m for m in mentions if clause_start <= m.start and m.end <= q.start]
    rest = "".join(" " if any(m.start <= i < m.end for m in places) else c
                   for i, c in enumerate(paragraph[clause_start:q.start], clause_start))
    whole = _WHOLE_AREA.match(rest)
    if whole:
        rest = rest[whole.end():]
    same = before and paragraph[start:].lstrip().startswith(before[-1].quote)  # a figure before it in its sentence
    running = same and _RUNNING.match(rest)  # "“青年之家”新增32个,累计达到186个"
    if not (places or whole or running) or not names_nothing(_YEARS_IN.sub(" ", rest)):
        return ""
    if before and (whole or running) and same:  # a total after what was added counts the thing, not the adding
        if grown := _GROWN.fullmatch(before[-1].indicator):
            return _subject(before[-1].quote, grown)
        if (new := _ADDED.match(before[-1].indicator)) and len(before[-1].indicator) - new.end() >= 2:
            return before[-1].indicator[new.end():]  # "新增团员1200名,累计达到3万名"
    return before[-1].indicator if before else before_words(paragraph, places[0].start if places else
                                                            clause_start + whole.start())


def _subject(sentence: str, grown) -> str:
    """What was added ("“青年之家”全年新增25个"): the name quoted before the verb, else the indicator as it was."""
    if grown["name"]:
        return grown["name"]
    quoted = _QUOTED_NAME.findall(sentence[:sentence.find(grown["verb"])] if grown["verb"] in sentence else "")
    return quoted[-1] if quoted else grown.group()


_ADDED = re.compile(r"^(?:[一二三四五六七八九十]是)?(?:新建成|新建|新增|新发展|新注册|新援建|新招募|新组建|建成)")
_RUNNING = re.compile(r"\s*(?:累计|总数|总量|总计|合计)")
_GROWN = re.compile(r"(?:[“\"](?P<name>[^”\"]{2,12})[”\"])?(?P<verb>新增|新建成|新建|建成|新发展)")
_QUOTED_NAME = re.compile(r"[“\"]([^”\"]{2,12})[”\"]")


_WHOLE_AREA = re.compile(r"\s*全[市县省区州旗]")


_YEARS_IN = re.compile(r"(?:19|20)\d{2}\s*年(?:度|底|末|初)?")


def _around(quantities: list, q) -> tuple:
    i = quantities.index(q)
    return (quantities[i - 1] if i else None), (quantities[i + 1] if i + 1 < len(quantities) else None)


_LIST_JOIN = re.compile(r"^\s*(?:、|和|与|及|,|,)?\s*$")
_CLAUSE_END = re.compile(r"[,,;;。]")
_SENTENCE_END = re.compile(r"[;;。!?!?]")


def _respectively(paragraph: str, mentions: list, q, start: int, inside: list, report=None) -> str:
    """"修水县、都昌县分别达到22个和20个": the n-th figure after 分别 is the n-th place of the list just before it,
    when the counts agree ("" otherwise; the nearest place before a figure would give both to 都昌)."""
    at = paragraph.rfind("分别", start, q.start)
    if at < 0:
        return ""
    listed = []
    for m in sorted((m for m in mentions if start <= m.start and m.end <= at), key=lambda m: -m.start):
        # "修水县、都昌县团员分别", "中站区、马村区受…影响,新发展团员分别为": words, even clauses, before 分别
        gap = paragraph[m.end:listed[0].start if listed else at]
        if not (_LIST_JOIN.match(gap) if listed else not _SENTENCE_END.search(gap)):
            break
        listed.insert(0, m)
    figures = [x for x in inside if at < x.start and not _CLAUSE_END.search(paragraph, at, x.start)]
    if len(listed) < 2 or len(figures) != len(listed) or q not in figures:
        return ""
    return _label(listed[figures.index(q)].place, report)


# A clause that sums its parts ("各县(市、区)共发展团员1228名", "各乡镇合计…") speaks for the report's place.
_ALL_PARTS = re.compile(r"各(?:县|区|市|乡|镇|街道|学院|单位)[\u4e00-\u9fff()()、]{0,8}?(?:共|合计|总计|累计)")


# Where people come from is not where the figure is: "报名的应届毕业生来自北京、上海、山东等地,报名人数达5.2万余名".
_ORIGINS = re.compile(r"(?:来自|从)[\u4e00-\u9fff、]+?等")


def _place(mentions: list, q, start: int, end: int, report, sentence: str, before_text: str = "") -> str:
    """The place its sentence names last before the figure, else first after it, else the one its paragraph named
    last before the sentence ("在各地之中,银川市金凤区……。该局……4万余人"), else the report's (not a place named
    where people come from, "来自北京、上海、山东等地") (report: its Place or
    None). A place the report's own lies within is not the figure's ("依托“志愿四川”平台……" in 绵阳's report), and
    a sentence that speaks for the report's whole area ("全州……1.5万余名") is the report's, whatever came before."""
    origins = [m.span() for m in _ORIGINS.finditer(sentence)]
    # A programme's name quoting a place outside the report's own (“天山青年志愿行”计划 in 昌吉's news: 天山 is
    # Urumqi's district, or the mountains); its own or one of its parts' (“淮安·七师手拉手夏令营”) is the figure's.
    quoted = [m.span() for m in _QUOTED.finditer(sentence)] if report else []
    mentions = [m for m in mentions if m.place == report or m.place.within(report)
                or not any(a <= m.start - start < b for a, b in quoted)]
    zone = [m for m in mentions if start <= m.start and m.end <= q.start]
    if zone and (part := LOCALITY_AFTER.match(sentence, zone[-1].end - start)):  # "菏泽高新区团员总数3916名":
        return zone[-1].surface + part.group()  # the zone's, not the city's, though the city is the report's
    mentions = [m for m in mentions if not (report and report.within(m.place))
                and not any(a <= m.start - start < b for a, b in origins)]
    before = [m for m in mentions if start <= m.start and m.end <= q.start]
    # "…长白朝鲜族自治县132名,各县(市、区)共发展团员1228名,市直单位发展140名": from the sum of the parts on, the
    # figures are the whole's, not the last part's.
    if report and _ALL_PARTS.search(sentence, before[-1].end - start if before else 0, q.start - start):
        return report.key
    # The places after "其中" are the parts a figure is broken into ("全州注册青年志愿者17.8万人,其中延吉市6.2万人"):
    # none of them is the whole figure's place.
    # ...and only in the figure's own clause: "力争新发展团员2400名,…,在泾源县、彭阳县新建…服务站3个" is 固原's.
    after = [m for m in mentions if q.start <= m.start < end and "其中" not in sentence[q.end - start:m.start - start]
             and not re.search(r"[,,;;]", sentence[q.end - start:m.start - start])]
    # A part named after 其中 in an earlier sentence ("…55.2%;其中郾城区募集见习岗位1040个。协调…4280万元") was a
    # breakdown of that sentence's figure: the next sentence is the whole's again.
    # Nor does one of a list of places where something was done ("在平陆县、垣曲县等沿黄区域植树…。选派西部计划志愿者
    # 94名"): the next sentence is not about 垣曲.
    earlier = [m for m in mentions if m.end <= start and "其中" not in _own_sentence(before_text, m.start)
               and not _listed(before_text, m)] if not _YEARLONG.search(sentence[:q.start - start]) else []
    if report and not before and report.whole[0] in sentence:
        if report.whole[0] in sentence[:q.start - start]:  # "全州…17.8万人": the figure speaks for the whole area
            return report.key
        earlier = []
    found = before[-1] if before else after[0] if after else earlier[-1] if earlier else None
    return _label(found.place, report) if found else report.key if report else ""


_QUOTED = re.compile(r"“[^“”]{1,30}”|《[^《》]{1,40}》")


def _listed(text: str, m) -> bool:
    """The mention is one of places listed together (平陆县、垣曲县等)."""
    return text[m.start - 1:m.start] == "、" or text[m.end:m.end + 1] in ("、", "等")


def _label(place, report) -> str:
    """A place's key (its short name unless that reads as another place), or its full name where that is the
    report's (荆州区 in 荆州's report is not 荆州)."""
    return place.name if report and place != report and place.key == report.key else place.key


# A year's figure ("召陵区…居各县区首位。…12355青少年服务台全年接听…5214个") is the report's, not the place a
# sentence before named; a story's next sentence ("柳城县…。一支25人的巡讲团…") goes on about that place.
_YEARLONG = re.compile(r"全年|年内|全[市县区省州]")


def _own_sentence(text: str, at: int) -> str:
    """The text of the sentence that reaches offset `at`, up to it: to its 。!?, not its ; (a list of parts goes on
    past a ;, "其中A区…;B区…")."""
    return text[max(text.rfind("。", 0, at), text.rfind("!", 0, at), text.rfind("?", 0, at)) + 1:at]


def _is_figure(q, text: str) -> bool:
    """A count or an amount. Not a year (2021年, 2024届), a date (8月16日), an ordinal (第3期), a duration, age,
    anniversary or distance (三年来, 18岁, 100周年, 42公里), a name (十九届六中全会), a bare code (12355), nor the
    article-like 一 (一场活动); a figure with 万/亿 and no unit counts ("粉丝6万")."""
    if q.unit in _NOT_FIGURES or (not q.unit and not _LARGE.search(q.text)):
        return False
    if q.value == 1 and not re.search(r"\d", q.text):
        return False
    if q.unit == "届" and (1900 <= q.value <= 2100 or _NAMED_SESSION.match(text, q.end)):
        return False
    before, after = text[max(0, q.start - 1):q.start], text[q.end:q.end + 1]
    vague = before == "数" and q.text[:1] in _CN_DIGITS  # 数十名; but 总数11184名 is a figure
    return before != "第" and not vague and not (after and after in _CN_DIGITS)  # 第3期, “七个一”


def _report_scope(doc: Document, catalogue, titled: dict, in_text: list) -> tuple[str, int]:
    """The report's own place (a scope.Place, None when none) and year, as app/engine/scope.py decides them."""
    meta = {"title": doc.title, "date": doc.date, "source": doc.source}
    text = "\n".join(doc.paragraphs)
    report = catalogue.report_of(meta, text, titled, in_text)
    focus = sorted(report.focus, key=lambda p: (-p.level, p.code))  # the most specific: 铜川 before 陕西
    # ...unless that is one of several parts of another: a 州团委's news naming its five counties is the 州's.
    parts = [p for p in focus if p.level == focus[0].level] if focus else []
    if len(parts) >= 2 and (whole := next((w for w in focus if all(p.within(w) for p in parts)), None)):
        focus = [whole]
    # 共青团天心区委2021年度工作总结, published in 2022: its figures are 2021's (but 2020年度平安建设 is an award's year);
    # so are those of a 2022 work meeting that 总结2021年工作.
    dated = int(doc.date[:4]) if re.match(r"\d{4}", doc.date) else max(report.main_years, default=0)  # title, file name
    # "关于2024年度全市共青团重点工作完成情况的通报", sent in January 2025: its table's figures are 2024's (but not
    # "铜川团市委荣获…2020年度平安建设工作先进集体": an award's year, its figures the date's).
    # An award after the year is the year's work's ("张家港团市委2024年度工作获评…优秀"): its figures are that year's.
    account = _ACCOUNT_TITLE.search(doc.title)
    return (focus[0] if focus else None), catalogue.report_period(doc.title, text) or \
        (int(account.group(1)) if account and not _AWARD_TITLE.search(doc.title[:account.start()]) else dated)


_ACCOUNT_TITLE = re.compile(r"((?:19|20)\d{2})\s*年度?[^,,。]{0,20}?(?:情况|统计|数据|考核|考评|测评|评估|工作)")  # 2024年度…考核结果的通报, 昌平团区委2024年工作交出青春答卷
_AWARD_TITLE = re.compile(r"荣获|获评|表彰|授予|先进")
