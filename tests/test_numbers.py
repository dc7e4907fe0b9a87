
import pytest

# No pytest config sets pythonpath yet; make "app" importable from any working directory.

from app.engine.numbers import (
    UNITS,
    Quantity,
    chinese_to_int,
    find_quantities,
    parse_quantity,
    same_quantity,
)


@pytest.mark.parametrize(
    "text, value, unit, qualifier, surface",
    [
        ("8.1万", 81000.0, "", "", "8.1万"),
        ("8.1万名", 81000.0, "名", "", "8.1万名"),
        ("6.91亿元", 691000000.0, "元", "", "6.91亿元"),
        ("69100万元", 691000000.0, "元", "", "69100万元"),
        ("230.8万元", 2308000.0, "元", "", "230.8万元"),
        ("20357人", 20357.0, "人", "", "20357人"),
        ("2100余名", 2100.0, "名", "余", "2100余名"),
        ("近800名", 800.0, "名", "近", "近800名"),
        ("约4.84亿元", 484000000.0, "元", "约", "约4.84亿元"),
        ("逾500人", 500.0, "人", "逾", "逾500人"),
        ("超过1.09万个", 10900.0, "个", "超过", "超过1.09万个"),
        ("10处以上", 10.0, "处", "以上", "10处以上"),
        ("30人左右", 30.0, "人", "左右", "30人左右"),
        ("不少于120场次", 120.0, "场次", "不少于", "不少于120场次"),
        ("300万人次以上", 3000000.0, "人次", "以上", "300万人次以上"),
        ("4万余人", 40000.0, "人", "余", "4万余人"),
        ("4万多人", 40000.0, "人", "多", "4万多人"),
        ("10余万人", 100000.0, "人", "余", "10余万人"),
        ("1.2万多名", 12000.0, "名", "多", "1.2万多名"),
        ("12000多名", 12000.0, "名", "多", "12000多名"),
        ("3 万余人", 30000.0, "人", "余", "3 万余人"),
        ("110 余场次", 110.0, "场次", "余", "110 余场次"),
        ("3千人", 3000.0, "人", "", "3千人"),
        ("1,234人", 1234.0, "人", "", "1,234人"),
        ("２０３５７人", 20357.0, "人", "", "２０３５７人"),
        ("１，２３４元", 1234.0, "元", "", "１，２３４元"),
        ("200%", 200.0, "%", "", "200%"),
        ("超过200%", 200.0, "%", "超过", "超过200%"),
        ("200%以上", 200.0, "%", "以上", "200%以上"),
        ("２．３５％", 2.35, "%", "", "２．３５％"),
        ("百分之二十", 20.0, "%", "", "百分之二十"),
        ("两万多", 20000.0, "", "多", "两万多"),
        ("九名", 9.0, "名", "", "九名"),
        ("一百名", 100.0, "名", "", "一百名"),
        ("十四", 14.0, "", "", "十四"),
        ("三年", 3.0, "年", "", "三年"),
        ("一亿五千万元", 150000000.0, "元", "", "一亿五千万元"),
        ("二〇二一年", 2021.0, "年", "", "二〇二一年"),
        ("第37个", 37.0, "个", "", "37个"),
        ("2021年", 2021.0, "年", "", "2021年"),
        ("3个月", 3.0, "个月", "", "3个月"),
        ("1237小时", 1237.0, "小时", "", "1237小时"),
        ("180周年", 180.0, "周年", "", "180周年"),
        ("3千米", 3.0, "千米", "", "3千米"),
    ],
)
def test_parse_quantity(text, value, unit, qualifier, surface):
    q = parse_quantity(text)
    assert q is not None
    assert (q.value, q.unit, q.qualifier, q.text) == (value, unit, qualifier, surface)
    assert text[q.start : q.end] == q.text


@pytest.mark.parametrize(
    "text",
    [
        "",
        "一是发挥团干部的引领攻坚作用",
        "二是发挥团员青年的生力军作用",
        "举办一批青年文化活动",
        "按照市委平安铜川建设统一安排",
        "落实“一体四翼”工作格局",
        "惠及万人",
        "唯一的办法",
        "“十四五”规划",  # a plan name, not 145
        "五四青年节",
        "七八个人",  # "seven or eight", not 78
        "qz_jindu_20190622.jpg",
        "abc123",
    ],
)
def test_no_quantity(text):
    assert find_quantities(text) == []
    assert parse_quantity(text) is None


def _spans(text):
    return [(q.text, q.value, q.unit, q.qualifier) for q in find_quantities(text)]


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "“志愿汇”管理平台注册志愿者20357人,下设青少年心理健康教育、禁毒普法等140支专项服务队伍",
            [("20357人", 20357.0, "人", ""), ("140支", 140.0, "支", "")],
        ),
        ("覆盖影响青少年3 万余人", [("3 万余人", 30000.0, "人", "余")]),
        ("累计开展心理辅导、法律宣讲进校园活动 110 余场次", [("110 余场次", 110.0, "场次", "余")]),
        (
            "为510名贫困大学生提供230.8万元的资助",
            [("510名", 510.0, "名", ""), ("230.8万元", 2308000.0, "元", "")],
        ),
        ("在8月12日召开", [("8月", 8.0, "月", ""), ("12日", 12.0, "日", "")]),
        (
            "系统中登记志愿团体122个、志愿项目18个,记录服务时数1237小时。",
            [("122个", 122.0, "个", ""), ("18个", 18.0, "个", ""), ("1237小时", 1237.0, "小时", "")],
        ),
        (
            "全年安排活动不少于120场次,惠及单身青年1500人次以上",
            [("不少于120场次", 120.0, "场次", "不少于"), ("1500人次以上", 1500.0, "人次", "以上")],
        ),
        ("发挥共青团参与社会治理3支核心队伍作用", [("3支", 3.0, "支", "")]),
        ("招募的青年志愿者累计近800名，散发资料９０００余份", [
            ("近800名", 800.0, "名", "近"), ("９０００余份", 9000.0, "份", "余")]),
    ],
)
def test_find_quantities_in_sentences(text, expected):
    found = find_quantities(text)
    assert [(q.text, q.value, q.unit, q.qualifier) for q in found] == expected
    for q in found:
        assert text[q.start : q.end] == q.text


def test_offsets_follow_the_source_when_normalisation_changes_width():
    text = "注册志愿者２０３５７人，队伍１４０支"
    found = find_quantities(text)
    assert [(q.start, q.end) for q in found] == [(5, 11), (14, 18)]
    assert [text[q.start : q.end] for q in found] == ["２０３５７人", "１４０支"]


def test_chinese_decimals_and_a_plan_s_figure():
    """"完成年度计划一千名的百分之九十八点四" (blind set 47's 商河, in Chinese numerals): 1000名 and 98.4%, not 98%."""
    found = find_quantities("完成年度计划一千名的百分之九十八点四")
    assert [(q.value, q.unit) for q in found] == [(1000.0, "名"), (98.4, "%")]
    assert [q.value for q in find_quantities("一点五万名")] == [15000.0]
    assert find_quantities("整齐划一的队伍") == []


def test_ids_and_file_names_do_not_crash():
    found = find_quantities("1629106025219934.png 黔ICP备12003456号 20190305093512_8841.jpg")
    assert [q.value for q in found] == [1629106025219934.0, 12003456.0]


@pytest.mark.parametrize(
    "a, b, expected",
    [
        ("2.1万", "21000", True),
        ("2.1万人", "21000", True),
        ("2100余名", "2100余", True),
        ("2100余名", "2100名", True),
        ("20357人", "20357", True),
        ("20357人", "20358人", False),
        ("6.91亿元", "69100万元", True),
        ("6.91亿元", "6.91亿", True),
        ("20万元", "200000元", True),
        ("122个", "122场次", False),
        ("近800名", "800名", True),
        ("近800名", "近800人", True),
        ("9名", "九名", True),
        ("100名", "一百名", True),
        ("9名", "9人", True),
        ("32840人次", "32840人", False),
        ("4万余人", "40000余人", True),
        ("4万余人", "4万多人", True),
        ("超过200%", "200%以上", True),
        ("超过200%", "200%", True),
        ("2100余名", "近2100名", False),
        ("约30人", "30人左右", True),
        ("不少于120场次", "120场", True),
        ("12000多名", "1.2万多名", True),
        ("52.874万人", "528740人", True),
        ("近53万人", "528740人", False),
        ("第37个", "37", True),
        ("北方民族大学", "北方民族大学", False),
        ("", "0", False),
    ],
)
def test_same_quantity(a, b, expected):
    assert same_quantity(a, b) is expected
    assert same_quantity(b, a) is expected


@pytest.mark.parametrize(
    "run, value",
    [
        ("十", 10), ("十四", 14), ("二十", 20), ("一百零五", 105), ("两万", 20000),
        ("十万", 100000), ("一亿五千万", 150000000), ("一万亿", 10**12), ("二〇二一", 2021),
        ("三四", None), ("十四五", None),
    ],
)
def test_chinese_to_int(run, value):
    assert chinese_to_int(run) == value


def test_units_are_longest_first_and_cover_the_common_words():
    assert [len(u) for u in UNITS] == sorted((len(u) for u in UNITS), reverse=True)
    for unit in ("人", "名", "个", "场次", "人次", "家", "所", "期", "元", "%", "支", "处", "倍"):
        assert unit in UNITS
    assert "批" not in UNITS


def test_quantity_is_frozen():
    q = parse_quantity("20357人")
    assert isinstance(q, Quantity)
    with pytest.raises(AttributeError):
        q.value = 1.0


def test_a_circled_footnote_mark_is_no_figure():
    """Blind set 54's 附表1 keeps its marks (宝鸡高新区①, 市直及驻宝高校②): "②" was read as the figure 2."""
    assert [q.text for q in find_quantities("市直及驻宝高校②“返家乡”岗位—;合计③新发展团员15256名")] == ["15256名"]


def test_a_temperature_below_zero_is_a_negative_figure_in_degrees():
    """Blind set 55 wrote the cold three ways (零下31°C, -31°C, 零下三十一度): each is -31 °C, the minus sign and 零下
    kept in the figure; a minus elsewhere (同比-5.2%) and a range's hyphen (2020-2024年) read as they were."""
    for text in ("零下31°C", "最低气温为-31°C。", "零下三十一度", "为−31℃"):
        [q] = find_quantities(text)
        assert (q.value, q.unit) == (-31.0, "°C") and q.text.startswith(("零下", "-", "−")), text
    assert [(q.value, q.unit) for q in find_quantities("同比-5.2%")] == [(5.2, "%")]
    assert [q.value for q in find_quantities("2020-2024年")] == [2020.0, 2024.0]


def test_the_digits_of_a_code_are_no_figure():
    """Blind set 59: "马骁的手机号是多少" was answered 2025, from his form's 编号LYWS-2025-04."""
    assert find_quantities("编号LYWS-2025-04;") == []
    assert find_quantities("PM2.5浓度,ISO9001认证") == []
    assert [q.text for q in find_quantities("举办5G论坛3场,APP用户12万人")] == ["3场", "12万人"]


def test_a_list_items_number_and_a_time_of_day_are_no_figures():
    """Blind set 60: "市财政局批了多少专项经费" was answered 3, the number of the note "3.县区配套资金…"; "12355服务台有多少个
    坐席" 8, the hour of 8:30."""
    assert find_quantities("3.县区配套资金由各县区团委向同级财政申请") == []
    assert find_quantities(" (1)全体志愿者;1、全市") == []
    assert find_quantities("人工值守时间由8:30—17:30延长至8:30—22:00") == []
    assert [q.text for q in find_quantities("The livestream drew 386,000. 其中5)增长3.5%")] == ["386,000", "5", "3.5%"]


def test_capital_numerals_and_the_yuan_sign_are_sums_of_money():
    """A contract writes each sum in 大写 with the figure after it: 肆拾捌万陆仟元整(¥486,000.00)."""
    found = find_quantities("本合同总价为人民币肆拾捌万陆仟元整(¥486,000.00),履约保证金玖仟柒佰贰拾元")
    assert [(q.text, q.value, q.unit) for q in found] == [
        ("肆拾捌万陆仟元", 486000.0, "元"), ("¥486,000.00", 486000.0, "元"), ("玖仟柒佰贰拾元", 9720.0, "元")]


def test_a_spans_first_month_a_codes_serial_an_idiom_and_a_town_are_no_figures():
    """Blind set 64: "1—10月完成" had offered 1 for a fee asked, "TM2026-009所属" 9所, "一座难求" 一座 and "八家子镇"
    八家 for questions no report answers."""
    assert [q.text for q in find_quantities("青年夜校学员1—10月完成1086人次")] == ["10月", "1086人次"]
    assert find_quantities("TM2026-009所属团组织凉水镇团委") == []
    assert find_quantities("热门课程“一座难求”") == [] and find_quantities("八家子镇青年夜校") == []
    assert [q.text for q in find_quantities("三家企业和三个子项目")] == ["三家", "三个"]


def test_the_parts_of_a_date_written_with_slashes_dots_or_dashes_are_no_figures():
    """Blind set 64's export: "入团仪式日期2026/11/28" had offered 11 for how many joined in that batch."""
    assert [q.text for q in find_quantities("TM2026-022入团仪式日期2026/11/28;TM2026-022人数3")] == ["3"]
    assert find_quantities("2026.4.28,新团员集体宣誓;2025-05-04") == []
    assert [q.text for q in find_quantities("发放2026.4万元,增长12.5%")] == ["2026.4万元", "12.5%"]


def test_the_internets_w_and_k_are_wan_and_qian():
    """Blind set 65's 新媒体 月报 counts as the internet writes them (数据口径: w = 万, k = 千): 68.4w, 3.2k, 10w+."""
    assert [(q.text, q.value) for q in find_quantities("总播放量68.4w,粉丝3.2k。")] == [("68.4w", 684000.0), ("3.2k", 3200.0)]
    ten = find_quantities("10w+作品1条")[0]
    assert (ten.value, ten.qualifier) == (100000.0, "+")
    assert same_quantity("15.6w", "15.6万")
    assert find_quantities("5km跑") == [] and find_quantities("G20峰会") == []  # a unit's letter, a code: no figure

