import pytest

from app.engine.asked_units import CALLS, COUNT
from app.engine.question import PEOPLE, analyse


@pytest.mark.parametrize("question, kind", [
    ("铜川的志愿汇平台注册了多少志愿者?", "numeric"),
    ("天心区2021年推报了几名市级青年岗位能手?", "numeric"),
    ("How many volunteers are registered in Tongchuan?", "numeric"),
    ("宁夏自治区民政厅社工处的负责人是谁?", "person"),
    ("出席活动的团济宁市委书记叫什么?", "person"),
    ("工作要点落实专班的常务副组长叫什么名字?", "person"),  # blind set 39: any 长 is a role
    ("这个服务项目叫什么名字?", "name"),
    ("希望工程是哪一年进入新疆的?", "date"),
    ("When was the loan programme launched?", "date"),
    ("培训班是在哪所高校举办的?", "entity"),
    ("三年行动计划全称是什么?", "name"),
    ("团市委做了哪些工作", "open"),
    ("阳曲县2023年度考评排第几", "numeric"),  # blind set 44: 几 ending the question unpunctuated
    ("煤矸石基新型建材项目在小店大赛拿了几等奖？", "name"),  # a grade is named, not counted
])
def test_question_kind(question, kind):
    assert analyse(question).kind == kind


@pytest.mark.parametrize("question, units", [
    ("注册了多少志愿者?", PEOPLE),
    ("发放了多少份禁毒宣传资料?", {"份"}),
    ("贷款总额是多少?", {"元"}),
    ("学习率达到多少?", {"%"}),
    ("开展宣讲多少场次?", {"场", "次", "场次"}),
    # Staff count people with 个: the noun before a closing 几个, or right after it, says what is counted.
    ("滨州2023年新团员里女生有几个", PEOPLE | {"个"}),
    ("西部计划志愿者里有几个研究生", PEOPLE | {"个"}),
    ("选派了几个人?", PEOPLE | {"个"}),
    ("新建了多少个青年之家?", COUNT),  # 21家 as well as 21个
    ("青年之家有几个？", COUNT),
    ("派了几个?", COUNT | PEOPLE),  # nothing says which
    ("How many Youth Homes did Shouguang have in 2023?", COUNT),  # "youth" names the home, not people
    ("How much did the business school class donate each school year?", {"元"}),
    ("How many left-behind children received services under the Hope Project in 2024?", PEOPLE),
    ("东营2024年希望工程资助的初中生多少", PEOPLE),  # the noun nearest 多少, not the 资助 before it
    ("宝塔区有多少青年之家？", frozenset()),  # a thing named after people is none
    ("南通江海青年创业贷2023年放了多少？", {"元"}),
    ("发放了多少青年创业贷款？", {"元"}),
    ("台州每名出征的西部计划志愿者拿到多少慰问金？", {"元"}),
    ("2024年镇江团员总数比上年末增长了多少？", PEOPLE | {"%", "倍"}),  # a change: a share, a multiple or the figure's own unit
    ("四川青基会资助的学生占全省受助人数的多少?", {"%"}),
    ("赣州2019年青年大学习的参学人次是多少？", PEOPLE | {"人次"}),
    ("安阳12355青少年服务台24年受理了多少来电来信？", CALLS),
    ("兰大莫高窟讲解志愿服务队有多少队员", PEOPLE),
    ("邯郸团市委机关干部平均多大年纪？", {"岁", "周岁"}),
    ("德清县青创贷扶持了几个人", PEOPLE | {"个"}),
    ("西宁24就业见习岗位", COUNT),  # keywords: the thing named last is counted, not a rate (blind set 29)
    ("西宁12355 2024接听量", CALLS),
])
def test_expected_units(question, units):
    assert analyse(question).units == frozenset(units)


def test_subject_terms_and_years():
    q = analyse("2019年以来清镇市共青团累计招募了多少名青年志愿者?")
    assert q.subject == "青年志愿者"
    assert q.years == ("2019",)
    assert "清镇市" in q.terms and "多少" not in q.terms


@pytest.mark.parametrize("question, years", [
    ("宿迁23年新发展了多少团员?", ("2023",)), ("那24年呢?", ("2024",)), ("23年度青年之家几个?", ("2023",)),
    ("希望工程在新疆开展27年来累计帮助了多少名学生?", ()), ("西部计划在重庆实施20年累计招募了多少名志愿者?", ()),
    ("近10年间注册了多少志愿者?", ()), ("12355 24年受理了多少件?", ("2024",)),
])
def test_short_years_read_whole_spans_of_years_not(question, years):
    assert analyse(question).years == years


def test_traditional_and_full_width_normalised():
    q = analyse("銅川的誌願匯平臺註冊了多少誌願者?")
    assert "铜川" in q.text and "?" in q.text


def test_settings_accept_strings_for_paths():
    from pathlib import Path

    from ingest import Settings

    assert Settings(index="some/dir").index == Path("some/dir")


def test_the_part_a_count_is_narrowed_to():
    from app.engine.question import analyse

    assert analyse("其中女性有多少?").part == "女性"
    assert analyse("泉州2024年西部计划最终录取了多少其中女性?").part == "女性"  # a follow-up as rewritten
    # A group among a whole, after a locative 中/里 that is a word of its own (blind set 6 wrote these).
    assert analyse("芜湖2023年希望工程资助的学生里女生有多少名?").part == "女生"
    assert analyse("岳阳2024年度优秀共青团干部中女性有多少名?").part == "女性"
    assert analyse("2023年榆林12355来电的青少年中女生占多少?").part == "女生"
    assert analyse("岳阳2024年度五四红旗团支部中高校团支部有几个?").part == "高校团支部"
    # 高中, 集中 and a year's 年中 narrow nothing.
    for question in ("芜湖高中生有多少团员?", "集中培训了多少人?", "2023年中有多少人参加?"):
        assert analyse(question).part == "", question
    # jieba glues the locative to the whole's last character (心理咨询|师里|女性, 报名的|人里|女生); 县里 is a place.
    assert analyse("汉中那58名签约心理咨询师里女性有几位?").part == "女性"
    assert analyse("日照2024年西部计划报名的人里女生有多少?").part == "女生"
    assert analyse("县里有多少团员?").part == ""


def test_a_sex_narrows_whatever_it_counts():
    """"女性创业者", "女团员": no locative, but a part a report's total does not answer (CV: 13 of them answered)."""
    from app.engine.question import analyse

    for question in ("2024年芜湖青年创业贷款里有多少发放给了女性创业者?", "淮北师大女团员有多少?",
                     "湖南获得创业小额贷款的36万名农村青年中,女青年有多少?", "咸阳圆梦行动资助的女生有多少"):
        assert analyse(question).part == "女性", question
    assert analyse("全市有多少妇女儿童之家?").part == ""


def test_a_document_number_is_a_name_however_it_is_asked():
    from app.engine.question import analyse

    for question in ("蚌埠这次表彰决定的文号是多少", "烟台这份表彰决定的文号是什么",
                     "What document number does the Changzhi League committee notice carry?"):
        assert analyse(question).kind == "name", question


def test_the_unit_asked_comes_from_the_noun_nearest_the_question_word():
    from app.engine.question import MONEY, PEOPLE, analyse

    assert analyse("资助了多少学生?").units == PEOPLE  # not 元 for 资助: the noun after 多少 counts
    assert analyse("泉州西部计划志愿者每月生活补贴是多少?").units == MONEY  # the noun before it, not 志愿者
    assert analyse("南平新援建的2所希望小学总投资多少?").units == MONEY
    assert analyse("2023年涪城区青年志愿服务时长是多少万小时?").units == {"小时"}
    assert analyse("全市志愿服务时长累计多少?").units == {"小时"}
    assert analyse("青少年中女生占多少?").units == {"%"} and analyse("女生占多少名?").units == PEOPLE
    # a report named as the 进度表 asks no progress share (blind set 64: 92.7% for "进度表里…开班数")
    assert "%" not in analyse("进度表里延吉的1—10月开班数是多少?").units
    assert analyse("延吉青年夜校开班完成进度是多少?").units == {"%"}


def test_the_units_asked_agree_with_the_gold_answers_units():
    """Every numeric gold question's parsed units against its accepted answers' own: the unit features are only
    as good as this reading (the 2,226 questions: 118 disagreed before the nearest-noun reading, 4 after; blind set
    17 brought 10 more, read by class: 家庭 is no measure word, 排第几 asks a rank, 参学/培训/上岗 count attendances,
    多少条咨询 a hotline's, 完成计划的多少 a share, a thing's head noun: 1 of 2,438 now). Blind set 20 brought 3: 任务完成多少
    and "change year on year" read as shares; left, the head noun after a 的 clause (多少考上大学的困难学生 read as 资助's 元).
    Blind set 21 brought 10, read by class: 青年创业贴息贷款 and 青年创新创业大赛 are things (no 青年 counted), 多少项目 has
    no measure word 项, a rate's change may be in 个百分点, English "by how much … grow" a change, not money. Blind set 22
    brought 2, read as a class: a rate's shortfall ("比目标低了多少", "离30%的目标还差多少") is a change, in 个百分点. Blind set
    23 brought 5, read by class: 浏览量/阅读量 count 次, an amount (带货额) is money, volunteers 派出 to events are counted
    per attendance (8,400余人次). Blind set 24 brought 3, read by class: 会员企业 counts firms (企业 after a person noun
    is a thing), 进度 is a rate (its change in 个百分点), an audience (受众) is counted per attendance. Blind set 28
    (keywords now read as numeric, their units as "…是多少" would) brought 7, read by class: 满意度 is a share, 场次 counts
    events, 服务游客 attendances, 变化多少 a change; left, 多少人参学 (its 27.6万人次). Blind set 30 brought 6, read as a
    class: a 夜校 is a thing (青年夜校 counted in 期, not its 青年), 期数 names its measure. Blind set 32 brought 2, read
    as a class: keywords ending on a unit ask in it ("华宁县 柑橘 助农 销售 吨"), a 青年创业担保贷款 is a thing. Blind set 36
    brought 3, left as they are: a rank's change asked in 几位 (名次前进了几位: 3个位次), people enrolled in a night school
    counted per attendance (1.2万人次), loans' young entrepreneurs counted as households (58户). Blind set 38 brought 2,
    read as a class: a 得分 is in 分 (满意度得分 93.4分, not a share), "(person-times)" asks attendances. Blind set 39
    brought 1, read as a class: 人数 names people whatever comes before it (青创贷带动就业人数, not money). Blind set 40
    brought 2, read as classes: 项目个数 counts the things, "percentage points" asks 个百分点. Blind set 41 brought 1, read
    as a class: 第几年 asks a year's ordinal (连续第三年), not a rank's 名. Blind set 42 brought 1, left as it is: pupils a
    campaign reached counted per attendance (护苗活动覆盖中小学生…万人次), as the night school's above. Blind set 43
    brought 2, one read as a class: how far a rank moved is in 位 (排名比上年变了多少); left:
    medals a campaign awarded asked in 个 and counted in 名 (红领巾奖章四星章). Blind sets 44 and 45 brought 3, read as
    classes: 种 before 植 is no measure word and households (种植户) are counted in 户, 经营主体 are things, patrols are
    counted as times. Blind set 46 brought 1, read as a class: the change of a thing counted ("扶持项目较上年增减多少") is
    the thing's, not the 青年 before it. Blind set 47 brought 2, left as they are: members a town fell short by asked
    in 个 (差几个没完成计划), volunteers a base received counted per attendance (人次) as before. Blind set 48 brought
    10, read as classes: contestants, a station's job seekers and volunteers on duty (参赛, 接待, 上岗) are counted per
    attendance too, spending (带动消费) in 元, teams and flats (创业团队, 公寓房源) are things; left: a funding target
    asked by 资助 and counted in 名, stall holders (摊主) counted in 个. Blind set 52 brought 12, read as classes: an
    alliance's 成员单位 are no people, a bed (床位) is counted in 张, 几个书记 are people, a growth may be 1.5倍, 降了多少 is
    a change, 吸引群众 and English listeners who attended are counted per attendance, seminars are events; left: forums
    held (a forum may be what students served: "served the 2024 Zhongguancun Forum"), a post
    (示范岗) asked after the 青年 it is named for, an alliance's members counted in 家 (in Chinese and English), a
    sample size asked with its share. Blind set 53 brought 11, read as classes: a term asked (多久, 期限几年, 几个工作日)
    is in 年, 个月 or 天, an age limit in 周岁 (a unit now, as 工作日), 降了几个名次 is positions, 贴息 and a budget are
    money; left: visitors to a festival counted per attendance (闹元宵现场有多少青年), a term's 满多久 read as money.
    Blind set 54 brought 6, read as classes: English "posts" are jobs (返家乡岗位, in 个) unless the question speaks of
    publishing, an alliance's shops (成员店铺) are things; left: how much of a product sold or of litter removed, read as
    money (386吨, 9.6吨). Blind set 55 brought 9, read as classes: 预算/决算/结余 are money, 能手 are people, 多久 may be
    in 小时, points taken (每低1个百分点扣多少) are in 分, a keyword question ending on whom it served (…合计服务游客)
    counts attendances, a temperature (多少度) is in °C; left: a rubric's condition asked by the points it earns
    (参学率多少得满分: 95%, 超计划多少以上不加分, 年增长不低于多少得6分), and with 预算 money, a share a budget may be
    changed by (调整预算超过多少要上常委会: 10%). Blind set 58 brought 3, read as classes: a team's 分队 are things (in 支), an
    insurance's 保额 is money; left: a target that is a rank (参学率目标: 进入全省前五名, read as a share). Blind set
    59 brought 4, read as classes: 徒弟, 学徒, 技师 and 专科生 are people (多少个徒弟, 受资助的专科生多少); left: people
    counted with 几个 after the group they are of (审核通过的人里有几个是补录的), fixed the session after: a verb right
    after 几个 names no noun, so the group before tells; 门 is the unit of courses (多少门课). Blind set 60 brought 8,
    read as classes: a budget line's 补贴/助学金 数量 is how many it pays for, not money; 宣讲 is counted in 场 and 师生
    are people; 作品 and 服务岗 are things (多少青年志愿服务岗: the posts, not the 青年 in their name); English "study
    sessions" are 期. Blind set 61 brought 10, read as classes (test_units_of_blind_set_61s_nouns): 人才驿站 are no
    people, a 基数 of a thing is the thing's count, "不高于…的多少" a share, 安排多少 no rank; English "students took
    up … posts" and "young people found … jobs" count the people. Blind set 62 brought 5, read as classes: 多少人参学 is
    counted per attendance too (人次), so are those 走访 or 覆盖 (覆盖中小学生多少), 成员单位 are things, and a survey's
    多少青年了解… is a share. Blind set 63 brought 6, read as classes: those served counted with 合计 after them (全年
    服务青年合计多少), those 轮训 or 发动 are counted per attendance too, and a training's figure with nobody named after
    it (辅导员培训目标是多少) may be its 期. Blind set 64 brought 3, one read as a class: a verb after 几个 names no noun
    (结业学员有几个就业了: the 学员 before it); left (2): English night-school participants counted per attendance (人次, as
    before), a plan's 完成了多少 asked of its members (团员发展完成了多少: 78.0%). Blind set 65 brought 3, read as classes:
    a deadline's 完成多少 is a share of the plan (9月底前发展团员要完成多少: 80%以上), posts published are 条 as often as 篇.
    Blind set 66 brought 1, left: a programme's 资助目标 asked bare (2026年圆梦行动资助目标: 不少于650名, read as money)."""
    import json
    from pathlib import Path

    from app.engine.numbers import parse_quantity
    from app.engine.signals import _ALIAS

    wrong, asked = [], 0
    for path in sorted((Path(__file__).parent / "data" / "gold").glob("*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            item = json.loads(line)
            first = item["turns"][0] if "turns" in item else item
            if first.get("type") != "numeric" or not first.get("answers"):
                continue
            units = {q.unit for q in map(parse_quantity, first["answers"]) if q and q.unit}
            want = {_ALIAS.get(u, u) for u in analyse(first["question"]).units}
            if units and want:
                asked += 1
                if not any(_ALIAS.get(u, u) in want or (u in PEOPLE and "人" in want) for u in units):
                    wrong.append(first["question"])
    assert asked > 2000 and len(wrong) <= 30, wrong


@pytest.mark.parametrize("question", ["大庆新发展团员中女团员多少?", "漯河24年新发展团员中女团员占多少?"])
def test_a_group_among_the_count_where_jieba_glues_the_locative_to_it(question):
    """jieba cuts 团员|中女|团员: the part asked (女团员) was missed, and a report without it answered its total."""
    assert analyse(question).part == "女团员"


def test_the_subject_before_the_question_word_drops_the_scope_before_it():
    assert analyse("舞阳县24年希望工程募集了多少？").subject == "希望工程募集"
    assert analyse("滨州高新区2024年新发展团员多少").subject == "新发展团员"
    assert analyse("截至2024年底朔州团员多少").subject == "团员"
    assert analyse("滨州去年青创贷发了多少？").subject == "青创贷发"


def test_an_english_service_time_asks_hours_not_its_volunteers():
    assert analyse("What was the total volunteer service time in Yichun in 2023?").units == frozenset({"小时"})


def test_a_target_asked_with_no_question_word_is_a_figure():
    assert analyse("藏大下学年新发展团员目标?").kind == "numeric"
    assert analyse("工作目标是什么?").kind == "entity"


@pytest.mark.parametrize("question, kind, subject", [
    ("婺源注册志愿者", "numeric", "注册志愿者"), ("抚州青年之家", "numeric", "青年之家"),
    ("上饶2024年志愿服务时长", "numeric", "志愿服务时长"), ("景德镇团市委办公地址", "open", ""),
    ("景德镇团市委网站备案号", "name", ""), ("志愿服务时长最少的学院", "entity", ""),
    ("高原湖泊蓝藻水华智能预警系统 负责人", "person", ""), ("勐海 团县委书记", "person", ""),
    # blind set 33: a name asked for, or a role keyword before what they did or won (not before a figure)
    ("兰州团市委书记 姓名", "person", ""), ("金塔植树新闻 责任编辑", "person", ""),
    ("临夏团州委书记 全省抗震救灾先进个人", "person", ""), ("团市委书记 调研 次数", "numeric", "次数"),
    # blind set 48: a contact or a reporter asked for, a grade's name (和平考评等次: 优秀, not a figure)
    ("考评通报联系人", "person", ""), ("新民这篇新闻的记者", "person", ""), ("和平考评等次", "name", ""),
    ("白若溪获得的荣誉", "name", "")])
def test_keywords_look_a_figure_up_unless_they_end_on_a_name_a_rank_or_a_role(question, kind, subject):
    """Blind set 28 wrote 115 of 415 questions as keywords ("婺源注册志愿者"): typed open, they were answered with a
    clause or refused (0.77 against 0.85 for the set)."""
    got = analyse(question)
    assert (got.kind, got.subject) == (kind, subject)


def test_a_short_year_before_duoshao_is_a_year():
    assert analyse("上饶少先队员24年多少万").years == ("2024",)
    assert analyse("24年发展团员比23年多了多少人？上饶").years == ("2024", "2023")
    assert analyse("实施14年多,累计资助多少人").years == ()


def test_a_keyword_querys_subject_is_its_last_words_that_are_no_measure():
    assert analyse("南宁 少先队员 人数").subject == "少先队员" and analyse("广西大学 团支部 数量").subject == "团支部"
    assert analyse("玉林 2024年新发展团员 较2020年 增长").subject == "新发展团员"
    assert analyse("北海 青年之家 数量 截至6月底").subject == "青年之家" and analyse("抚州青年之家").subject == "青年之家"


def test_colloquial_and_keyword_asks_for_a_person_or_a_name():
    """Blind set 53: "叫啥" asks a name as "叫什么" does; keywords ending in a role ask who holds it, unless they ask
    how many ("选配了多少名…副书记?")."""
    assert analyse("邳州团市委书记叫啥").kind == "person" and analyse("邳州会议记录人").kind == "person"
    assert analyse("邳州五四活动方案叫啥").kind == "name"
    assert analyse("选配了多少名乡镇团委专职副书记?").kind == "numeric"


def test_a_lettered_grade_is_a_term():
    """Blind set 54's 督查 table (A类/B类/C类 columns): jieba cuts "C类" into C|类 and neither piece was a term, so
    "眉县的C类几个" asked nothing but 眉县 and took the row's first figure."""
    assert "C类" in analyse("眉县的C类几个").terms
    assert analyse("陈仓区B类有几个").terms == ("陈仓", "B类")  # not jieba's 类有


@pytest.mark.parametrize("question, units", [
    ("青年夜校的学费是多少", {"元"}), ("希望小屋每间造价多少", {"元"}), ("市财政每年安排多少专项资金", {"元"}),
    ("驿站入住平均天数", {"天"}), ("青年之家总面积", {"平方米"}), ("香洲区人才驿站床位数", {"张"}),
    ("12355服务台的热线电话号码", {"号码"}), ("斗门2024年的青年人才驿站基数", {"个"}),
    ("青年保租房租金不高于市场租金的多少", {"%"}),
])
def test_units_of_blind_set_61s_nouns(question, units):
    """Blind set 61: fees, costs and rents are money; 天数 days; an area square metres; beds 张; a phone number no
    count at all (its 不少于4个 坐席 answered it); 人才驿站 no people; 安排多少 asks no rank (排多少); "不高于…的多少" a share."""
    assert units <= analyse(question).units


def test_no_term_runs_across_the_end_of_a_divisions_name():
    """Blind set 63: "玉龙县有多少团员" had the term 县有 (jieba's cut), which no report says, and was refused; 87 of
    the 63,705 gold questions had such a term (区新, 市新, 县格)."""
    assert analyse("玉龙县有多少团员").terms == ("玉龙", "团员")
    assert analyse("紫云县格凸青苗助学计划资助了多少学生？").terms[:2] == ("紫云", "格凸")
    assert "县直机关" in analyse("大竹县直机关及学校注册志愿者多少人").terms  # an office's name runs on
    assert "市长" in analyse("泉州市长在全委会上提了什么要求").terms
