"""ingest/records.py: a Markdown run of unit headings over label-value list items, read as the table it is."""
from ingest.markdown import markdown_lines
from ingest.records import pairs_of

NOTICE = """## 二、各区县考评结果

### 第1名　迁安市

- 综合得分95.8分，等次“优秀”，上年位次第2名
- 新发展团员2,416名（计划2,300名，完成率105.0%）；青年之家58个
- 迁安市首钢迁钢公司团委工作经验在全市推广。

### 第2名　路南区

- 综合得分95.1分，等次“优秀”，上年位次第1名
- 新发展团员2,152名（计划2,000名，完成率107.6%）；青年之家46个

### 第3名　丰南区

- 综合得分94.6分，等次“优秀”，上年位次第5名
- 新发展团员2,308名（计划2,200名，完成率104.9%）；青年之家52个

## 三、有关要求
"""


def test_unit_records_become_table_rows_and_remarks_stay():
    lines = markdown_lines(NOTICE)
    assert lines[1] == ("二、各区县考评结果,迁安市位次第1名;迁安市综合得分95.8分;迁安市等次优秀;迁安市上年位次第2名;"
                        "迁安市新发展团员2,416名;迁安市新发展团员计划2,300名;迁安市新发展团员完成率105.0%;迁安市青年之家58个。")
    assert lines[3].startswith("二、各区县考评结果,丰南区位次第3名;")
    assert lines[4] == "第1名\u3000迁安市:迁安市首钢迁钢公司团委工作经验在全市推广。"  # a remark, with its unit
    assert lines[5] == "# 三、有关要求"


def test_fewer_than_three_units_stay_list_items():
    two = NOTICE.split("### 第3名")[0]
    assert markdown_lines(two)[2] == "第1名\u3000迁安市:综合得分95.8分，等次“优秀”，上年位次第2名"


def test_pairs_of_an_item():
    assert pairs_of("新发展团员2,416名（计划2,300名，完成率105.0%）；青年之家58个") == {
        "新发展团员": "2,416名", "新发展团员计划": "2,300名", "新发展团员完成率": "105.0%", "青年之家": "58个"}
    assert pairs_of("12355咨询968人次") == {"12355咨询": "968人次"}
    assert pairs_of("迁安市首钢迁钢公司团委工作经验在全市推广。") is None
    assert pairs_of("滦南县新发展团员未完成年度计划，差4名。") is None


def test_records_of_field_lines_become_one_row_each():
    from ingest.records import field_tables

    lines = ["三、拟推荐人选", "【候选人1】", "姓　　名：段晨曦", "性　　别：男", "单位职务：合作社理事长", "",
             "【候选人2】", "姓　　名：霍佳怡", "性　　别：女", "单位职务：村党支部副书记", "主要事迹：培训讲解员35名。", "",
             "联系人：薛晓婷", "联系电话：0352-2046135", "电子邮箱：a@b.com"]
    rows = field_tables(lines)
    assert rows[0] == "三、拟推荐人选" and rows[-3:] == lines[-3:]  # one contact block is no table
    assert rows[1].startswith("三、拟推荐人选,段晨曦候选人1;段晨曦性别男;段晨曦单位职务合作社理事长")
    assert "霍佳怡单位职务村党支部副书记" in rows[2] and "霍佳怡主要事迹培训讲解员35名" in rows[2] and len(rows) == 6



def test_numbered_records_with_bracketed_fields_become_one_row_each():
    from ingest.records import field_tables

    lines = ["二、拟认定“2024年度湛江市青年岗位能手”(12名)",
             "1．何振邦〔男；1992年3月出生；宝钢湛江钢铁有限公司热轧厂作业长；推荐单位：湛江经开区团工委〕",
             "2．谭海燕〔女；1994年11月出生；湛江市中心人民医院主管护师；推荐单位：市卫生健康局团委〕",
             "3．陆志远〔男；1990年6月出生；湛江港桥吊司机；推荐单位：市国资委团工委〕",
             "公示期为2025年4月15日至4月21日。"]
    rows = field_tables(lines)
    assert rows[0] == lines[0] and rows[-1] == lines[-1] and len(rows) == 5
    assert rows[1] == ("二、拟认定“2024年度湛江市青年岗位能手”(12名),何振邦性别男;何振邦出生年月1992年3月;"
                       "何振邦单位职务宝钢湛江钢铁有限公司热轧厂作业长;何振邦推荐单位湛江经开区团工委。")
    collective = ["1．湛江港第二港埠分公司装卸二队〔推荐单位：市国资委团工委；青年职工38人，占职工总数的76.0%〕",
                  "2．湛江市图书馆少儿阅览部〔推荐单位：市文化广电旅游体育局团委；青年职工12人，占职工总数的66.7%〕"]
    assert field_tables(collective)[1].endswith("湛江市图书馆少儿阅览部青年职工12人,占职工总数的66.7%。")
    assert field_tables(lines[1:2]) == lines[1:2]  # one record alone stays a line
