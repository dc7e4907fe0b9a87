#!/usr/bin/env python3
"""Independent checker for blind59 (洛阳).

Reads only reports/ and the three jsonl files (stdlib + python-docx, pypdf, openpyxl, lunardate); imports nothing from src/.
It re-extracts the text of every report on its own, then checks
  * formats and the new layouts (nested Word tables, caption-only chart figures, one form per PDF page, GB18030 chat export
    with re-posted 接龙 lists, 处理笺 with 批示 chain, <ul>/<li>/<strong> article, Markdown <br> cells, one xlsx sheet per
    county with cell comments, bilingual paragraphs),
  * that every evidence string occurs in its report (whitespace-normalised) and every answer is supported by it,
  * every weekday and 农历 fact (written in the reports or asked), every computed value (sums, ranks, shares, differences),
  * agreement between reports, and that the key term of every unanswerable question occurs in no report,
  * the cross-report items (mentions are recomputed over all reports, the others from the extracted tables).
"""
import os, re, sys, json, zipfile, datetime, html as H
from decimal import Decimal as Dec, ROUND_HALF_UP

BASE = os.path.dirname(os.path.abspath(__file__))
RD = os.path.join(BASE, 'reports')
ERR = []


def err(m):
    ERR.append(m)


# ============================================================ extraction (independent of src/)
def docx_text(path):
    import docx
    d = docx.Document(path)
    out = [p.text for p in d.paragraphs]
    for t in d.tables:
        for r in t.rows:
            out.append(' '.join(c.text for c in r.cells))
            for c in r.cells:
                for nt in c.tables:  # tables nested inside a cell
                    for nr in nt.rows:
                        out.append(' '.join(x.text for x in nr.cells))
    return '\n'.join(out)


def xlsx_text(path):
    import openpyxl
    wb = openpyxl.load_workbook(path)
    out = []
    for ws in wb.worksheets:
        out.append(f'工作表：{ws.title}')
        for row in ws.iter_rows():
            cells = [str(c.value) for c in row if c.value is not None]
            if cells:
                out.append(' '.join(cells))
        for row in ws.iter_rows():
            for c in row:
                if c.comment:
                    out.append(f'批注（{c.coordinate}）：{c.comment.text}')
    return '\n'.join(out)


def html_text(s):
    s = re.sub(r'<(style|script)\b.*?</\1>', '', s, flags=re.S)
    s = re.sub(r'</t[dh]>', ' ', s)
    s = re.sub(r'<(/?)(p|div|h\d|li|tr|br|ul|ol|title|nav|footer|aside|header|article|table|form|section)\b[^>]*>', '\n', s)
    return H.unescape(re.sub(r'<[^>]+>', '', s))


def text_of(path):
    if path.endswith('.docx'):
        return docx_text(path)
    if path.endswith('.pdf'):
        from pypdf import PdfReader
        return '\n'.join(pg.extract_text() for pg in PdfReader(path).pages)
    if path.endswith('.html'):
        return html_text(open(path, encoding='utf-8').read())
    if path.endswith('.xlsx'):
        return xlsx_text(path)
    b = open(path, 'rb').read()
    try:
        return b.decode('utf-8')
    except UnicodeDecodeError:
        return b.decode('gb18030').replace('\r\n', '\n')


def norm(s):
    return re.sub(r'\s+', '', s).replace('**', '').replace('|', '')


SHORT = {'市': 'luoyang_2025_tuanshiwei_quanwei_gongzuo_baogao.docx',
         '章': 'luoyang_2025_wusi_jiangzhang_tuijian_shenpibiao.pdf',
         '栾': 'luanchuan_2024_guoqing_yizhan_jielong_qunliao.txt',
         '偃': 'yanshi_2025_qingnian_yexiao_jingfei_qingshi_chulijian.txt',
         '花': 'luoyang_2025_mudan_wenhuajie_zhiyuan_news.html',
         '夜': 'luoyang_2025_qingnian_yexiao_qiujiban_kaiban_qingkuang.md',
         '梦': 'luoyang_2025_xiwanggongcheng_yuanmeng_taizhang.xlsx',
         '英': 'luoyang_2024_heluo_yingcai_dasai_bilingual_news.docx'}
KEY = {v: k for k, v in SHORT.items()}
TITLE = {'市': '扛牢青春使命　奋力谱写洛阳青年工作新篇章',
         '章': '2025年“洛阳青年五四奖章”候选人推荐审批表',
         '栾': '栾川青年志愿者骨干群聊天记录（国庆“青春驿站”志愿者接龙）',
         '偃': '关于申请2025年偃师区“青年夜校”专项经费的请示',
         '花': '8,636名青年志愿者“花”式服务2025牡丹文化节',
         '夜': '洛阳市2025年青年夜校秋季班开班情况',
         '梦': '2025年希望工程·圆梦行动资助情况台账',
         '英': '2024“河洛英才”青年创新创业大赛总决赛在洛阳落幕'}
# default year for month-day dates without a year
DOC_YEAR = {'市': 2025, '章': 2025, '栾': 2024, '偃': 2025, '花': 2025, '夜': 2025, '梦': 2025, '英': 2024}

# key terms of unanswerable questions: every unanswerable question contains one; none occurs in any report
ABSENT = ['2020年', '2022年河洛英才', '2023年全市', '2023年国庆', '2023年青年夜校', '2024 recruitment target', '2024年圆梦行动',
          '2024年牡丹文化节', '2024年青年夜校秋季班', '2026年河洛英才', '2027年', 'Kaifeng', 'Party secretary of Luoyang',
          'Red Scarf Medal in 2024', 'White Horse Temple', 'Zhengzhou', 'attended the plenary', 'in 2022', 'monthly rent',
          'secretary of the Youth League committee of Henan University', 'teams did Luoyang Normal University send', 'tuition',
          '三门峡', '上届河洛英才大赛收到', '不良率', '付晓冉排在', '伊滨区', '伊川县2025年三下乡', '保额', '副主席', '午餐标准', '南阳',
          '吉利区', '哪个平台直播', '团偃师区委书记', '团栾川县委书记', '团西工区委书记', '培训花了多少经费', '夜间心理热线什么时候开通',
          '委员出席', '孟津区2024年', '宜阳县秋季班', '宣传部部长叫什么', '小学叫什么名字', '少先队员比上年', '居民', '嵩县2024年',
          '工资', '平顶山', '床位', '应天门驿站接待', '开封', '徒弟的名字', '志愿服务项目大赛的金奖项目都有', '总指挥', '总经理', '手机号',
          '接待了多少游客', '接线员', '撤回的消息说了什么', '春季班实际报名', '服装', '樱桃种植管理课由谁授课', '每间希望小屋的建设标准',
          '汝阳县青年夜校', '河南科技大学团委书记', '洛宁县秋季班', '洛阳师范学院团委书记', '洛阳理工学院团委书记', '济源', '涧西区2023年',
          '涧西区青年驿站2025年接待', '游客总量', '焦作', '白马寺', '租金标准', '站长', '纪念馆全年接待', '统战联络部',
          '脱贫家庭学生的资助金额', '获赞', '西工区圆梦行动', '许昌', '评审委员会主任', '评审标准', '郑州', '铜奖项目名单',
          '银奖项目有哪些', '高新区青年夜校', '龙门石窟景区的志愿者有多少']
# unanswerable follow-up turns: question -> key term (also absent from every report)
FOLLOW_ABSENT = {'那平顶山呢？': '平顶山', '2020年呢？': '2020年', '那白马寺呢？': '白马寺', '其中女性多少？': '女性'}

# translations / paraphrases: answer variant -> literal form in the evidence
ALIAS = {'Kong Linghan': '孔令晗', 'Du Ruoxi': '杜若溪', 'Qiao Yutong': '乔雨桐', 'Ma Xiao': '马骁', 'Wen Jiaqi': '温佳琪',
         'Bai Ruolin': '白若琳', 'Jianxi District': '涧西区', 'Jianxi': '涧西区', 'Luanchuan County': '栾川县', 'Luanchuan': '栾川县',
         'Xigong and Yanshi': '西工区、偃师区', 'June 2000': '2000年6月', 'Friday': '星期五', 'Sunday': '星期日', '半年': '6个月',
         '不算': '不计入', '十项': '“十项实事”', '河南科技大学团委': '共青团河南科技大学委员会', '团栾川县委': '共青团栾川县委员会',
         '团洛宁县委': '共青团洛宁县委员会', '团瀍河回族区委': '共青团洛阳市瀍河回族区委员会',
         'the third floor of the county Youth Home': '县青年之家三楼', 'nearly 40 percent': '近四成',
         '黄河和洛河一带': 'theregionaroundtheYellowRiverandtheLuoRiver',
         '洛阳理工学院开元校区': 'KaiyuanCampusofLuoyangInstituteofScienceandTechnology',
         'Japan, France, Kazakhstan and Pakistan': '日本、法国、哈萨克斯坦、巴基斯坦',
         '日本、法国、哈萨克斯坦、巴基斯坦': 'Japan,France,KazakhstanandPakistan',
         'one year': '1年', '偃师区自筹': '区里自筹', '栾川县人民医院': '县人民医院', '瀍东社区': '东关街道瀍东社区',
         '共青团河南科技大学委员会': '共青团河南科技大学委员会', 'about 7,200': '7,200名左右'}

ALIAS.update({'十五届五次全会': '第十五届委员会第五次全体（扩大）会议', '县人民医院急诊科': '我们急诊科',
              '栾川一高': '栾川县第一高级中学团委', '理论学习+基层挂职+课题研究': '理论学习＋基层挂职＋课题研究'})
REV = {}
for _k, _v in ALIAS.items():
    REV.setdefault(_v, []).append(_k)

CN = dict(zip('〇零一二两三四五六七八九', [0, 0, 1, 2, 2, 3, 4, 5, 6, 7, 8, 9]))
CNUM = '〇零一二三四五六七八九十'
WD = '一二三四五六日'
EN_WD = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday']
MON = {m: i for i, m in enumerate(['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September',
                                   'October', 'November', 'December'], 1)}


def cn_int(s):
    total, sec, num = 0, 0, 0
    for ch in s:
        if ch in CN:
            num = CN[ch]
        elif ch == '十':
            sec += (num or 1) * 10; num = 0
        elif ch == '百':
            sec += num * 100; num = 0
        elif ch == '千':
            sec += num * 1000; num = 0
        elif ch == '万':
            total += (sec + num) * 10000; sec = num = 0
    return total + sec + num


def full_dates(s, year):
    """every full or month-day date in s (Arabic, ISO, Chinese-numeral and English forms) as datetime.date"""
    out = []
    s2 = s.replace('—', '-')
    for y, m, d in re.findall(r'(\d{4})-(\d{1,2})-(\d{1,2})', s2):
        out.append(datetime.date(int(y), int(m), int(d)))
    ys = re.findall(r'(\d{4})年', s2)
    y0 = int(ys[0]) if ys else year
    for y, m, d in re.findall(r'(?:(\d{4})年)?(?<![\d.])(\d{1,2})月(\d{1,2})日', s2):
        out.append(datetime.date(int(y) if y else y0, int(m), int(d)))
    for y, m, d in re.findall(rf'([{CNUM}]{{4}})年([{CNUM}]{{1,2}})月([{CNUM}]{{1,3}})日', s2):
        out.append(datetime.date(int(''.join(str(CN[c]) for c in y)), cn_int(m), cn_int(d)))
    for mo, d, y in re.findall(r'(' + '|'.join(MON) + r') (\d{1,2}),? (\d{4})', s):
        out.append(datetime.date(int(y), MON[mo], int(d)))
    return out


def weekday_ok(a, ev, year):
    m = re.fullmatch(r'(?:星期|周)([一二三四五六日天])', a)
    if m:
        want = WD.index(m.group(1).replace('天', '日'))
    elif a in EN_WD:
        want = EN_WD.index(a)
    else:
        return None
    return any(d.weekday() == want for d in full_dates(ev, year))


def value(s):
    s = s.replace(',', '')
    m = re.search(r'[-+]?\d+(?:\.\d+)?', s)
    if not m:
        return None
    v = Dec(m.group())
    rest = s[m.end():]
    if rest.startswith('%'):
        return v / 100
    if rest.startswith('万'):
        return v * 10000
    if rest.startswith('亿'):
        return v * 100000000
    if rest.startswith(' million'):
        return v * 1000000
    return v


def tokens(ev):
    e = ev.replace(',', '')
    out = [value(t) for t in re.findall(r'[-+]?\d+(?:\.\d+)?(?:%|万|亿| million)?', e)]
    if '（万元）' in ev:  # table cell whose unit is in the row header
        out += [x * 10000 for x in out]
    return out


def ans_ok(a, ev, year, depth=0):
    n_ev = norm(ev).replace(',', '')
    a0 = ALIAS.get(a, a)
    for x in [a, a0] + REV.get(a, []):
        if norm(x).replace(',', '') in n_ev:
            return True
    m = re.fullmatch(r'([\d,.]+)(\S+)', a0)
    if m and f'（{m.group(2)}）' in ev and re.search(rf'(?<![\d.]){re.escape(m.group(1).replace(",", ""))}(?![\d.])', ev.replace(',', '')):
        return True
    w = weekday_ok(a0, ev, year)
    if w is not None:
        return w
    da = full_dates(a0, year)
    if da:
        return set(da) <= set(full_dates(ev, year))
    parts = [x for x in re.split(r'[、；，]|和| and |, ', a0) if x]
    if len(parts) > 1 and depth == 0:
        return all(ans_ok(x, ev, year, 1) for x in parts)
    if len(re.findall(r'\d+(?:\.\d+)?', a0.replace(',', ''))) != 1:
        return False
    v = value(a0)
    return v is not None and v in tokens(ev)


def pct(a, b, nd=1):
    return (Dec(a) / Dec(b) * 100).quantize(Dec(10) ** -nd, ROUND_HALF_UP)


def num(s):
    return Dec(str(s).replace(',', '').strip())


def is_en(q):
    return bool(re.match(r'^[A-Za-z]', q))


def has_val(answers, v):
    for a in answers:
        x = value(ALIAS.get(a, a))
        if x is not None and x == Dec(v):
            return True
    return False


def lunar_str(d):
    from lunardate import LunarDate
    ld = LunarDate.from_solar_date(d.year, d.month, d.day)
    names = ['正', '二', '三', '四', '五', '六', '七', '八', '九', '十', '冬', '腊']
    days = ['初一', '初二', '初三', '初四', '初五', '初六', '初七', '初八', '初九', '初十', '十一', '十二', '十三', '十四', '十五',
            '十六', '十七', '十八', '十九', '二十', '廿一', '廿二', '廿三', '廿四', '廿五', '廿六', '廿七', '廿八', '廿九', '三十']
    return f'{names[ld.month - 1]}月{days[ld.day - 1]}'


# ============================================================ main
def main():
    import docx
    from pypdf import PdfReader
    import openpyxl
    from lunardate import LunarDate
    P = {k: os.path.join(RD, v) for k, v in SHORT.items()}
    files = sorted(os.listdir(RD))
    if files != sorted(SHORT.values()):
        err(f'report set {files}')
    T = {k: text_of(p) for k, p in P.items()}
    NT = {k: norm(v) for k, v in T.items()}

    def need(k, x):
        if norm(x) not in NT[k]:
            err(f'{k} lacks {x!r}')

    # ------------------------------------------------------------ formats
    exts = sorted(os.path.splitext(f)[1] for f in SHORT.values())
    if len(set(exts)) < 6:
        err(f'formats {exts}')
    raw = open(P['栾'], 'rb').read()
    try:
        raw.decode('utf-8'); err('栾 must be GB18030, not UTF-8')
    except UnicodeDecodeError:
        pass
    open(P['偃'], encoding='utf-8').read()
    for k in SHORT:
        if norm(TITLE[k]) not in NT[k]:
            err(f'title of {k} not in its text')

    # ------------------------------------------------------------ 市 (long docx): nested tables, caption-only figures
    d1 = docx.Document(P['市'])
    paras1 = [p.text for p in d1.paragraphs]
    nch = len(re.findall(r'[\u4e00-\u9fff]', ''.join(paras1)))
    if nch < 3500:
        err(f'long report: only {nch} Chinese characters in paragraphs')
    t1 = [[c.text for c in r.cells] for r in d1.tables[0].rows]
    if t1[-1][0] != '全市合计' or len(t1) != 18:
        err('市 表1 shape')
    body = t1[1:-1]
    for j in range(1, 6):
        if sum(num(r[j]) for r in body) != num(t1[-1][j]):
            err(f'市 表1 column {j}')
    C1 = {r[0]: [num(x) for x in r[1:]] for r in body}
    CNT = [u for u in C1 if u not in ('洛阳高新区', '市直及驻洛高校')]
    if len(CNT) != 14:
        err('市 表1 must hold 14 counties/districts')
    TOT = [num(x) for x in t1[-1][1:]]
    need('市', f'全市共有团员{t1[-1][1]}名'); need('市', f'全年新发展团员{t1[-1][2]}名'); need('市', f'全市青年之家达到{t1[-1][3]}个')
    need('市', f'征集岗位{t1[-1][5]}个')
    if (TOT[3] / 10000).quantize(Dec('0.1'), ROUND_HALF_UP) != Dec('54.0'):
        err('市 54.0万 志愿者')
    need('市', '全市注册青年志愿者达到54.0万人')
    if pct(TOT[1], 6800) != Dec('103.5'):
        err('市 103.5%')
    # nested tables inside 表2 cells: their facts are not in the outer cell text
    t2 = d1.tables[1]
    nested = [(i, c) for i, r in enumerate(t2.rows) for c in r.cells if c.tables]
    if len(nested) != 2:
        err(f'市 表2 must hold 2 nested tables, found {len(nested)}')
    NEST = {}
    for i, c in nested:
        rows = [[x.text for x in r.cells] for r in c.tables[0].rows]
        NEST[t2.rows[i].cells[1].text] = rows
        for r in rows[1:]:
            if ' '.join(r) in c.text or any(x in c.text for x in r[1:] if len(x) > 2):
                err(f'市 nested table facts leak into the outer cell: {r}')
    YZ = {r[0]: (int(r[1]), int(r[2])) for r in NEST['青年驿站'][1:-1]}
    if sum(v[0] for v in YZ.values()) != 12 or sum(v[1] for v in YZ.values()) != 36 or NEST['青年驿站'][-1][1:] != ['12', '36']:
        err('市 驿站 nested sums')
    need('市', '全年新建青年驿站12个，全市累计达到36个'); need('市', '新建青年驿站10个，总数达到46个')
    if 36 + 10 != 46:
        err('市 驿站 2026 target')
    YX = {r[0]: [num(x) for x in r[1:]] for r in NEST['青年夜校'][1:-1]}
    if YX['春季班'][1] + YX['秋季班'][1] != 75 or YX['春季班'][2] + YX['秋季班'][2] != 4040:
        err('市 夜校 nested sums')
    need('市', '春季班、秋季班共开设课程75门，学员4,040人')
    # the chart is an image; its figures live only in the caption
    if len(d1.inline_shapes) != 1:
        err('市 needs one inline chart image')
    cap = [p for p in paras1 if p.startswith('图1')]
    SER = {int(y): num(v) for y, v in re.findall(r'(\d{4})年：([\d,]+)', cap[0])} if cap else {}
    if sorted(SER) != [2021, 2022, 2023, 2024, 2025] or SER[2025] != TOT[1]:
        err(f'市 图1 caption series {SER}')
    for y in (2021, 2022, 2023, 2024):
        v = f'{int(SER[y]):,}'
        if sum(p.count(v) for p in paras1) != 1 or any(v in ' '.join(r) for r in t1):
            err(f'市 {v} must occur only in the 图1 caption')
    ip = paras1.index(cap[0])
    if '<a:blip' not in d1.paragraphs[ip - 1]._p.xml and 'graphic' not in d1.paragraphs[ip - 1]._p.xml:
        err('市 caption must follow the chart image')
    if min(y for y in SER if SER[y] > 7000) != 2025:
        err('市 首次突破7,000名')
    for y, m, d, w in [(2026, 1, 16, 4), (2025, 4, 4, 4), (2025, 3, 5, 2), (2026, 2, 17, 1)]:
        if datetime.date(y, m, d).weekday() != w:
            err(f'市 weekday {y}-{m}-{d}')
    if LunarDate(2026, 1, 1).to_solar_date() != datetime.date(2026, 2, 17):
        err('市 2026 春节')
    rank_new = sorted(CNT, key=lambda u: -C1[u][1])
    for j in range(5):
        vals = sorted((C1[u][j] for u in CNT), reverse=True)
        if vals[0] == vals[1] or vals[-1] == vals[-2]:
            err(f'市 表1 column {j} extremes must be unique')
    mins = [u for u in CNT if C1[u][2] == min(C1[x][2] for x in CNT)]
    if len(mins) != 1:
        err('市 青年之家 minimum must be unique')

    # ------------------------------------------------------------ 章 (PDF, one filled-in form per page)
    pdf = PdfReader(P['章'])
    FORMS = []
    for pg in pdf.pages:
        t = norm(pg.extract_text())
        if t.count('姓名') != 1 or not t.startswith(norm(TITLE['章'])):
            err('章 each page must hold exactly one form under the title')
        m = re.search(r'编号：(LYWS-2025-\d\d)姓名(\S+?)性别(.)出生年月(\d{4})年(\d+)月民族(\S+?)政治面貌(\S+?)学历(\S+?)工作单位及职务'
                      r'(\S+?)推荐单位(\S+?)主要事迹.*?推荐单位意见.*?（盖章）(\d{4})年(\d+)月(\d+)日团市委审核意见', t)
        if not m:
            err('章 form fields'); continue
        FORMS.append(dict(no=m.group(1), name=m.group(2), sex=m.group(3), birth=(int(m.group(4)), int(m.group(5))),
                          nation=m.group(6), party=m.group(7), rec=m.group(10),
                          rdate=datetime.date(int(m.group(11)), int(m.group(12)), int(m.group(13)))))
    if len(FORMS) != 5 or len(pdf.pages) != 5:
        err(f'章 forms {len(FORMS)}')
    if datetime.date(2025, 4, 10).weekday() != 3 or T['章'].count('二〇二五年四月十日') != 5:
        err('章 审核 date')
    youngest = max(FORMS, key=lambda f: f['birth'])['name']
    oldest = min(FORMS, key=lambda f: f['birth'])['name']
    women = sum(1 for f in FORMS if f['sex'] == '女')
    hui = [f['name'] for f in FORMS if f['nation'] != '汉族']
    nonparty = [f['name'] for f in FORMS if '党员' not in f['party']]
    first_rec = min(FORMS, key=lambda f: f['rdate'])['rec']
    born2000 = [f['name'] for f in FORMS if f['birth'][0] >= 2000]
    county_rec = [f['name'] for f in FORMS if re.search(r'(县|区)委员会$', f['rec'])]
    if len(hui) != 1 or len(nonparty) != 1 or len(born2000) != 1 or len({f['birth'] for f in FORMS}) != 5:
        err('章 unique answers')
    if len({f['rdate'] for f in FORMS}) != 5:
        err('章 recommendation dates must differ')

    # ------------------------------------------------------------ 栾 (chat export with re-posted 接龙)
    t3 = T['栾']
    blocks = t3.split('#接龙')
    if len(blocks) - 1 < 15:
        err('栾 needs the 接龙 re-posted after every entry')
    ENT3 = re.findall(r'^(\d+)\. (\S+) (\S+) (\d+)人 (\S+?)(?:（(\S+)）)?$', blocks[-1].split('——')[0], re.M)
    ids = [int(e[0]) for e in ENT3]
    if ids != list(range(1, 17)):
        err(f'栾 final list {ids}')
    total3 = sum(int(e[3]) for e in ENT3)
    by3 = {}
    for e in ENT3:
        by3[e[4]] = by3.get(e[4], 0) + int(e[3])
    need('栾', f'共{len(ENT3)}个单位报名{total3}人，比计划多{total3 - 96}人：老君山{by3["老君山"]}人、鸡冠洞{by3["鸡冠洞"]}人、重渡沟{by3["重渡沟"]}人')
    need('栾', '共需志愿者96名：老君山48名、鸡冠洞24名、重渡沟24名')
    if 48 + 24 + 24 != 96 or total3 != 104:
        err('栾 totals')
    first8 = ENT3[:8]
    need('栾', f'目前已报名8个单位{sum(int(e[3]) for e in first8)}人')
    j8 = sum(int(e[3]) for e in first8 if e[4] == '鸡冠洞')
    need('栾', f'鸡冠洞只报了{j8}人，还差{24 - j8}人')
    if '9. 县职业教育中心团委 郜子涵 10人 鸡冠洞' not in t3 or ENT3[8][3] != '6':
        err('栾 the 职教中心 change 10 -> 6 must show in the earlier re-posts only')
    towns = sum(int(e[3]) for e in ENT3 if re.search(r'[镇乡]团委$', e[1]))
    if LunarDate(2024, 9, 9).to_solar_date() != datetime.date(2024, 10, 11):
        err('栾 重阳节 2024')
    if datetime.date(2024, 9, 27).weekday() != 4 or datetime.date(2024, 9, 29).weekday() != 6:
        err('栾 weekdays')

    # ------------------------------------------------------------ 偃 (处理笺 + 请示)
    t4 = T['偃']
    items4 = re.findall(r'（[一二三四五]）(\S+?)：(\S+?)＝([\d.]+)万元', t4)
    if len(items4) != 5:
        err('偃 cost items')
    tot4 = Dec(0)
    for name, formula, amt in items4:
        s = Dec(0)
        for term in formula.split('＋'):
            nums = [Dec(x) * (10000 if u == '万元' else 1) for x, u in re.findall(r'([\d.]+)(万元|元|门|课时|处|套|人次)', term)]
            prod = Dec(1)
            for x in nums:
                prod *= x
            s += prod
        if s / 10000 != Dec(amt):
            err(f'偃 cost item {name}: {s} vs {amt}')
        tot4 += Dec(amt)
    need('偃', f'全年所需经费共计{tot4.normalize()}万元')
    m = re.search(r'申请团市委补助(\d+)万元，其余([\d.]+)万元', t4)
    if not m or Dec(m.group(1)) + Dec(m.group(2)) != tot4:
        err('偃 ask + self = total')
    ASK4 = Dec(m.group(1)) if m else Dec(0)
    m = re.search(r'建议补助(\d+)万元（春季班(\d+)万元、秋季班(\d+)万元）', t4)
    if not m or int(m.group(2)) + int(m.group(3)) != int(m.group(1)):
        err('偃 6 + 9 = 15')
    GRANT4 = Dec(m.group(1)) if m else Dec(0)
    if LunarDate(2025, 1, 16).to_solar_date() != datetime.date(2025, 2, 13):
        err('偃 正月十六')
    if datetime.date(2025, 3, 8).weekday() != 5 or datetime.date(2025, 2, 10).weekday() != 0:
        err('偃 weekdays')
    if '计划开设课程12门（春季班、秋季班各6门）' not in t4:
        err('偃 12 = 6 + 6')

    # ------------------------------------------------------------ 花 (html: article body is one <ul> of <li>, figures in <strong>)
    h = open(P['花'], encoding='utf-8').read()
    art = re.search(r'<div class="art-body">(.*?)</div>', h, re.S).group(1)
    if '<p' in art or art.count('<li>') < 15 or art.count('<strong>') < 25 or not art.strip().startswith('<ul'):
        err('花 article layout')
    YZ5 = {p: int(n) for p, n in re.findall(r'<li>([^<]+)<strong>(\d+)个</strong></li>', art)}
    if sum(YZ5.values()) != 42 or len(YZ5) != 7:
        err(f'花 驿站 {YZ5}')
    need('花', '共设立“青春驿站”42个'); need('市', '设立“青春驿站”42个')
    if not (8600 <= 5214 + 2187 + 1235 == 8636 < 8700):
        err('花 8,636 vs 8,600余')
    need('花', '其中驻洛高校学生5,214名、机关企事业单位青年2,187名、社会青年1,235名'); need('市', '组织8,600余名青年志愿者')
    if (datetime.date(2025, 5, 5) - datetime.date(2025, 4, 1)).days + 1 != 35:
        err('花 35 days')
    need('花', '为期35天的2025中国洛阳牡丹文化节（4月1日至5月5日）')

    # ------------------------------------------------------------ 夜 (markdown table with <br> cells)
    rows6 = re.findall(r'^\| (\d+) \| (\S+) \| (\S+) \| (\S+) \| (\d+) \| (\d+) \| (\d+)月(\d+)日（星期(.)） \|$', T['夜'], re.M)
    R6 = {}
    for r in rows6:
        pts, cs = r[2].split('<br>'), r[3].split('<br>')
        if len(cs) != int(r[4]):
            err(f'夜 course count {r[1]}')
        dte = datetime.date(2025, int(r[6]), int(r[7]))
        R6[r[1]] = dict(pts=pts, cs=cs, n=int(r[5]), date=dte)
    if len(R6) != 11 or sum('<br>' in r[3] for r in rows6) < 10:
        err('夜 rows')
    c6 = sum(len(v['cs']) for v in R6.values()); s6 = sum(v['n'] for v in R6.values()); p6 = sum(len(v['pts']) for v in R6.values())
    need('夜', f'| 合计 | 11个 | {p6}个 | — | {c6} | {s6:,} | — |')
    need('夜', f'共设教学点{p6}个，开设课程{c6}门，报名学员{s6:,}人')
    if [YX['秋季班'][0], YX['秋季班'][1], YX['秋季班'][2]] != [len(R6), c6, s6]:
        err('夜 totals must equal 市 表2 秋季班 row')
    uniq6 = len({c for v in R6.values() for c in v['cs']})
    with_course = lambda c: '、'.join(u for u in R6 if c in R6[u]['cs'])

    # ------------------------------------------------------------ 梦 (xlsx: one sheet per county, comments)
    wb = openpyxl.load_workbook(P['梦'])
    SH = {}
    SHTXT = {}
    for ws in wb.worksheets[1:]:
        vals = {r[0]: r[1] for r in ws.iter_rows(min_row=3, values_only=True)}
        SH[ws.title] = vals
        SHTXT[ws.title] = xlsx_text_sheet(ws)
        for r in ws.iter_rows(values_only=True):
            for c in r:
                if c is not None and ws.title in str(c):
                    err(f'梦 county name {ws.title} must occur only as the sheet name')
        amt = (Dec(vals['其中：本科（人）']) * 5000 + Dec(vals['其中：专科（高职）（人）']) * 3000) / 10000
        if amt != Dec(str(vals['资助金额（万元）'])):
            err(f'梦 amount {ws.title}')
        if vals['其中：本科（人）'] + vals['其中：专科（高职）（人）'] != vals['审核通过（人）']:
            err(f'梦 本科+专科 {ws.title}')
    if len(SH) != 9:
        err('梦 9 county sheets')
    ncom = sum(1 for ws in wb.worksheets for r in ws.iter_rows() for c in r if c.comment)
    if ncom != 4:
        err('梦 comments')
    pass7 = sum(v['审核通过（人）'] for v in SH.values())
    amt7 = sum(Dec(str(v['资助金额（万元）'])) for v in SH.values())
    need('市', f'资助家庭困难大学新生{pass7:,}名'); need('市', f'发放助学金{amt7}万元')
    if SH['伊川县']['申请人数（人）'] - SH['伊川县']['审核通过（人）'] != 17 + 6:
        err('梦 伊川 23 = 17 + 6')
    for u in SH:
        if u not in C1:
            err(f'梦 sheet {u} is not a 表1 unit')

    # ------------------------------------------------------------ 英 (bilingual press release)
    d8 = docx.Document(P['英'])
    ps8 = [p.text for p in d8.paragraphs if p.text.strip()]
    zh = [p for p in ps8 if re.search(r'[\u4e00-\u9fff]', p) and not re.search(r'[A-Za-z]{4,}', p)]
    en = [p for p in ps8 if not re.search(r'[\u4e00-\u9fff]', p)]
    if len(zh) < 7 or len(en) < 8:
        err('英 bilingual paragraphs')
    for r in d8.tables[0].rows[1:]:
        for c in r.cells[1:]:
            if len(c.paragraphs) != 2:
                err('英 table cells must hold a Chinese and an English paragraph')
    pairs = [('612个', '612 entries'), ('2,340人', '2,340 young people'), ('18个省', '18 provincial-level'), ('30个项目晋级', '30 projects'),
             ('洛阳本地项目19个', '19 of them'), ('15人评审团', '15-member'), ('12家投资机构', '12 investment institutions'),
             ('3,650万元', 'RMB 36.5 million'), ('1,860万元', 'RMB 18.6 million'), ('21个项目', 'to 21 projects'), ('120万元', 'RMB 1.2 million')]
    for a, b in pairs:
        need('英', a); need('英', b)
    if 5 * 10 + 10 * 4 + 15 * 2 != 120 or Dec('3650') * 10000 != Dec('36.5') * 1000000:
        err('英 prize / investment arithmetic')
    if '386,000' in ''.join(zh) or '38.6万' in T['英']:
        err('英 the livestream figure must be English-only')
    G8 = [[c.text for c in r.cells] for r in d8.tables[0].rows[1:]]
    if len(G8) != 5:
        err('英 5 gold awards')
    need('章', '186户'); need('英', '带动186户种植户增收')

    # ------------------------------------------------------------ weekdays written anywhere
    for k, t in T.items():
        for m in re.finditer(r'(?:(\d{4})年)?(\d{1,2})月(\d{1,2})日（星期([一二三四五六日])）', t):
            y = int(m.group(1)) if m.group(1) else DOC_YEAR[k]
            if datetime.date(y, int(m.group(2)), int(m.group(3))).weekday() != WD.index(m.group(4)):
                err(f'{k} weekday {m.group(0)}')

    # ------------------------------------------------------------ computed answers
    SPECIAL = {
        '2024年洛阳团员月均参学率大概是多少': (Dec('96.2') - Dec('2.3')) / 100,
        '2025年新团员比计划多发展了多少名': TOT[1] - 6800,
        '25年新团员里14至18周岁学生大约有多少人': (TOT[1] * Dec('0.824')).quantize(Dec(1), ROUND_HALF_UP),
        '伊川比孟津多发展了多少团员': C1['伊川县'][1] - C1['孟津区'][1],
        '洛龙区和涧西区的注册志愿者加起来有多少': C1['洛龙区'][3] + C1['涧西区'][3],
        '七个县（新安、宜阳、洛宁、伊川、嵩县、栾川、汝阳）新发展团员一共多少':
            sum(C1[u][1] for u in ['新安县', '宜阳县', '洛宁县', '伊川县', '嵩县', '栾川县', '汝阳县']),
        '偃师区新发展团员在14个县区中排第几': Dec(rank_new.index('偃师区') + 1),
        '市直及驻洛高校团员占全市团员的比例是多少': pct(C1['市直及驻洛高校'][0], TOT[0]) / 100,
        '2025年比2024年多发展了多少团员': SER[2025] - SER[2024],
        '2021到2025五年全市一共发展了多少团员': sum(SER.values()),
        '25年新发展团员同比增长了百分之多少': pct(SER[2025] - SER[2024], SER[2024]) / 100,
        '2024年三会两制一课录入率是多少': (Dec('97.8') - Dec('1.6')) / 100,
        '2024年底全市青年之家有多少个': TOT[2] - 24,
        '2024年团费收缴率是多少': (Dec('99.1') - Dec('0.7')) / 100,
        '2024年底洛阳有多少个青年驿站': Dec(36 - 12),
        '除了科大、洛师、洛理，其他单位一共派了多少西部计划志愿者': Dec(186 - 72 - 41 - 38),
        '12355非心理健康类的来电有多少': (Dec('2.94') - Dec('1.28')) * 10000,
        '秋季班比春季班少开了几门课': YX['春季班'][1] - YX['秋季班'][1],
        '2024年希望工程大约募集了多少善款': (Dec('1046.5') / Dec('1.152')).quantize(Dec('0.1'), ROUND_HALF_UP) * 10000,
        '2024年底之前累计建成多少间希望小屋': Dec(386 - 120),
        '五四奖章推荐审批表一共有几位候选人': Dec(len(FORMS)),
        '五四奖章候选人中有几位女性': Dec(women),
        '各乡镇团委一共报了多少人': Dec(towns),
        '老君山最终报名人数比需求多几个': Dec(by3['老君山'] - 48),
        '洛阳钼业是第几个接龙的': Dec([int(e[0]) for e in ENT3 if e[1] == '洛阳钼业团委'][0]),
        '青少年发展部建议的补助比偃师申请的少多少': (ASK4 - GRANT4) * 10000,
        '建议补助占偃师全年经费测算的比例大约多少': pct(GRANT4, tot4) / 100,
        '从收文到团市委书记批示隔了几天': Dec((datetime.date(2025, 2, 13) - datetime.date(2025, 2, 10)).days),
        '不算教学点改造，偃师夜校其他经费一共多少': (tot4 - Dec('13.0')) * 10000,
        '直播设备一共要花多少钱': Dec(2) * Dec('2.8') * 10000,
        '王城公园和国花园一共有几个驿站': Dec(YZ5['王城公园'] + YZ5['中国国花园']),
        '驻洛高校学生占上岗志愿者的比例大约是多少': pct(5214, 8636) / 100,
        '2025年初到这篇新闻发布，文化节以外的时间新注册了多少志愿者': Dec(13400 - 6120),
        '秋季班去掉重复的，一共有多少种不同的课程': Dec(uniq6),
        '五个城区（老城、西工、瀍河、涧西、洛龙）秋季班报名学员一共多少':
            Dec(sum(R6[u]['n'] for u in ['老城区', '西工区', '瀍河回族区', '涧西区', '洛龙区'])),
        '9个县区圆梦行动审核通过的一共多少人': Dec(pass7),
        '9个县区资助金额加起来是多少': amt7 * 10000,
        '嵩县申请人的审核通过率是多少': pct(SH['嵩县']['审核通过（人）'], SH['嵩县']['申请人数（人）']) / 100,
        '9个县区受资助的女生一共多少': Dec(sum(v['其中：女生（人）'] for v in SH.values())),
        '偃师区有多少人申请了但没通过': Dec(SH['偃师区']['申请人数（人）'] - SH['偃师区']['审核通过（人）']),
        '5个金奖项目里创业组有几个': Dec(sum(1 for r in G8 if r[3].startswith('创业组'))),
        '银奖奖金一共发了多少': Dec(10 * 4 * 10000),
        '进入总决赛的外地项目有几个': Dec(30 - 19),
        '平均每个参赛项目有几名青年': (Dec(2340) / 612).quantize(Dec('0.1'), ROUND_HALF_UP),
    }
    ENT = {
        '14个县（市、区）里25年新发展团员最多的是哪个': rank_new[0],
        '不算高新区和市直，哪个县区注册志愿者最多': max(CNT, key=lambda u: C1[u][3]),
        'Which of the 14 counties and districts had the most registered volunteers in 2025?': max(CNT, key=lambda u: C1[u][3]),
        '14个县区里注册志愿者最少的是哪个': min(CNT, key=lambda u: C1[u][3]),
        '14个县区里青年之家最少的是哪个': min(CNT, key=lambda u: C1[u][2]),
        '哪个县区的返家乡岗位最少（不含高新区）': min(CNT, key=lambda u: C1[u][4]),
        '全市新发展团员哪一年第一次超过6,000名': f'{min(y for y in SER if SER[y] > 6000)}年',
        '全市新发展团员哪一年首次突破7,000名': f'{min(y for y in SER if SER[y] > 7000)}年',
        '哪个区25年新建青年驿站最多': max(YZ, key=lambda u: YZ[u][0]),
        '五位候选人里谁最年轻': youngest, 'Who is the youngest of the five candidates?': youngest,
        '候选人里年龄最大的是谁': oldest, 'Who is the only candidate of Hui ethnicity?': hui[0],
        '哪位候选人不是党员（含预备党员）': nonparty[0], '哪个推荐单位最早签署推荐意见': first_rec,
        '候选人中谁是2000年以后出生的': born2000[0], '哪几位候选人是县（区）团委推荐的': '、'.join(county_rec),
        '接龙里报名人数最多的是哪两个单位': '、'.join(e[1] for e in ENT3 if int(e[3]) == max(int(x[3]) for x in ENT3)),
        '报名去重渡沟的有哪几个单位': '、'.join(e[1] for e in ENT3 if e[4] == '重渡沟'),
        '哪个地方设的青春驿站最多': max(YZ5, key=YZ5.get),
        '驿站数量排第二的是哪里': sorted(YZ5, key=lambda p: -YZ5[p])[1],
        '哪个县区秋季班开课最多': max(R6, key=lambda u: len(R6[u]['cs'])),
        '秋季班报名学员最少的是哪个县': min(R6, key=lambda u: R6[u]['n']),
        '秋季班最晚开班的是哪个县': max(R6, key=lambda u: R6[u]['date']),
        '哪些县区开了唐三彩彩绘课': with_course('唐三彩彩绘'),
        '开了短视频剪辑课的县区有哪些': with_course('短视频剪辑'),
        'Which districts offer Baduanjin (八段锦) classes?': with_course('八段锦'),
        '9月12日开班的是哪两个区': '、'.join(u for u in R6 if R6[u]['date'] == datetime.date(2025, 9, 12)),
        '只设了一个教学点的有哪几个县区': '、'.join(u for u in R6 if len(R6[u]['pts']) == 1),
        '哪个县审核通过的人数最多': max(SH, key=lambda u: SH[u]['审核通过（人）']),
        'Which county paid out the least grant money?': min(SH, key=lambda u: SH[u]['资助金额（万元）']),
        '哪个县的脱贫家庭受助学生最多': max(SH, key=lambda u: SH[u]['其中：脱贫家庭（含监测对象）学生（人）']),
        '哪个县最早发放助学金': min(SH, key=lambda u: SH[u]['发放日期']),
    }
    s5 = sorted(YZ5.values())
    if s5[-1] == s5[-2] or s5[-2] == s5[-3]:
        err('花 station ranks must be unique')
    # calendar answers computed here (weekday of one named date, 农历 <-> 公历, relative dates)
    CAL = {
        '牡丹文化节开幕那天是星期几': '星期' + WD[datetime.date(2025, 4, 1).weekday()],
        '牡丹文化节闭幕那天是星期几': '星期' + WD[datetime.date(2025, 5, 5).weekday()],
        '2025年谷雨那天是农历几月几': lunar_str(datetime.date(2025, 4, 20)),
        '春季班开班那天是农历几月几': lunar_str(datetime.date(2025, 3, 8)),
        '偃师春季班启动报名的那天是公历几月几日': '{0.year}年{0.month}月{0.day}日'.format(LunarDate(2025, 1, 16).to_solar_date()),
        '洛钼的饮用水哪天送到青年之家': '{0.year}年{0.month}月{0.day}日'.format(datetime.date(2024, 9, 28) + datetime.timedelta(days=1)),
        '团市委审核意见签署那天是星期几': '星期' + WD[datetime.date(2025, 4, 10).weekday()],
    }
    if lunar_str(datetime.date(2024, 10, 11)) != '九月初九':
        err('重阳 lunar')
    need('栾', '10月11日（农历九月初九）重阳节')
    need('偃', '元宵节后（农历正月十六）启动春季班报名')
    SHEET_EN = {'Song County': '嵩县', 'Yichuan': '伊川县'}

    def check_q(qq, where):
        qt, ans, doc, ev, typ = qq['question'], qq['answers'], qq['doc'], qq['evidence'], qq['type']
        if typ == 'unanswerable':
            if ans or doc is not None or ev != '':
                err(f'{where}: unanswerable item must have answers [], doc null, evidence ""')
            ks = [k for k in ABSENT if k in qt]
            if qt in FOLLOW_ABSENT:
                ks.append(FOLLOW_ABSENT[qt])
            if not ks:
                err(f'{where}: unanswerable without a key term: {qt}')
            for k in ks:
                for kk, t in NT.items():
                    if norm(k) in t:
                        err(f'{where}: key term {k!r} occurs in {kk}')
            return
        if doc not in KEY:
            err(f'{where}: unknown doc {doc}'); return
        k = KEY[doc]
        if not ev or norm(ev) not in NT[k]:
            err(f'{where}: evidence not in {k}: {ev[:60]!r}')
        if not ans:
            err(f'{where}: no answers')
        if k == '梦':  # a county's figure must come from that county's sheet
            cs = [u for u in SH if u in qt or u[:-1] in qt] + [v for e, v in SHEET_EN.items() if e in qt]
            if len(set(cs)) == 1 and qt not in SPECIAL and qt not in ENT and norm(ev) not in norm(SHTXT[cs[0]]):
                err(f'{where}: evidence not in sheet {cs[0]}')
        yr = DOC_YEAR[k]
        if qt in SPECIAL:
            if not has_val(ans, SPECIAL[qt]):
                err(f'{where}: computed {SPECIAL[qt]} not among {ans}')
            return
        if qt in ENT:
            if ENT[qt] not in [ALIAS.get(a, a) for a in ans]:
                err(f'{where}: computed {ENT[qt]!r} not among {ans}')
            return
        if qt in CAL:
            if CAL[qt] not in ans:
                err(f'{where}: calendar {CAL[qt]} not among {ans}')
            return
        for a in ans:
            if not ans_ok(a, ev, yr):
                err(f'{where}: answer {a!r} not supported by evidence {ev[:60]!r}')

    # ------------------------------------------------------------ gold
    gold = [json.loads(l) for l in open(os.path.join(BASE, 'gold.jsonl'), encoding='utf-8')]
    ids = [g['id'] for g in gold]
    if len(set(ids)) != len(ids) or len({g['question'] for g in gold}) != len(gold):
        err('gold ids/questions not unique')
    if not 550 <= len(gold) <= 750:
        err(f'gold size {len(gold)}')
    for g in gold:
        if set(g) != {'id', 'question', 'answers', 'doc', 'evidence', 'type'}:
            err(f'{g["id"]} keys')
        check_q(g, g['id'])
    used = {k for g in gold if g['type'] == 'unanswerable' for k in ABSENT if k in g['question']}
    if set(ABSENT) - used:
        err(f'unused ABSENT keys {set(ABSENT) - used}')
    fus = [json.loads(l) for l in open(os.path.join(BASE, 'followups.jsonl'), encoding='utf-8')]
    allq = {g['question'] for g in gold} | {t['question'] for c in fus for t in c['turns']}
    for qq in list(SPECIAL) + list(ENT) + list(CAL):
        if qq not in allq:
            err(f'SPECIAL/ENT/CAL question not in any set: {qq}')
    docs_used = {g['doc'] for g in gold if g['doc']}
    if docs_used != set(SHORT.values()):
        err('every report needs questions')

    # ------------------------------------------------------------ followups
    nturn = 0
    for c in fus:
        if set(c) != {'id', 'corpus', 'turns'}:
            err(f'{c["id"]} keys')
        if not 4 <= len(c['turns']) <= 7:
            err(f'{c["id"]} turns')
        for t in c['turns']:
            nturn += 1
            check_q(t, t['id'])

    # ------------------------------------------------------------ cross
    cross = [json.loads(l) for l in open(os.path.join(BASE, 'cross.jsonl'), encoding='utf-8')]
    for c in cross:
        cid = c['id']
        if set(c) != {'id', 'type', 'kind', 'question', 'answers', 'docs', 'evidence'}:
            err(f'{cid} keys')
        ks = [KEY.get(d) for d in c['docs']]
        if None in ks or len(set(ks)) < 2:
            err(f'{cid}: needs at least two known docs')
        for e in c['evidence']:
            if not any(norm(e) in NT[k] for k in ks if k):
                err(f'{cid}: evidence not in its docs: {e[:50]!r}')
        for k in ks:
            if k and not any(norm(e) in NT[k] for e in c['evidence']):
                err(f'{cid}: no evidence from {k}')
        if any('、' in a and a not in TITLE.values() for a in c['answers']):
            err(f'{cid}: joined answer string')
    CX = {c['question']: c for c in cross}

    def cx(qq):
        if qq not in CX:
            err(f'cross question missing: {qq}'); return None
        return CX[qq]['answers']
    MENTION = {'哪些报告提到了付晓冉？': '付晓冉', '哪些材料提到了乔雨桐？': '乔雨桐', '哪些报告提到了“瀍东青年之家”？': '瀍东青年之家',
               '哪些报告提到了洛阳钼业？': '洛阳钼业', '哪些报告提到了二里头？': '二里头', '哪些报告提到了中信重工？': '中信重工',
               '哪些报告提到了应天门？': '应天门', '哪些材料提到了杜若溪？': '杜若溪'}
    for qq, term in MENTION.items():
        want = [TITLE[k] for k in SHORT if term in NT[k]]
        got = cx(qq)
        if got is not None and sorted(got) != sorted(want):
            err(f'mention {term}: {got} vs {want}')
        if got is not None and sorted(KEY[d] for d in CX[qq]['docs']) != sorted(k for k in SHORT if term in NT[k]):
            err(f'mention {term}: docs')
    yan_plan = int(re.search(r'秋季班各(\d+)门', T['偃']).group(1))
    top7 = max(SH, key=lambda u: SH[u]['审核通过（人）'])
    top6 = max(R6, key=lambda u: R6[u]['n'])
    rec_units = {'共青团栾川县委员会': '栾川县', '共青团洛阳市瀍河回族区委员会': '瀍河回族区', '共青团洛宁县委员会': '洛宁县'}
    if {f['rec'] for f in FORMS if f['name'] in county_rec} != set(rec_units):
        err('章 county recommenders')
    gold_units = [r[2].split('\n')[0] for r in G8]
    chk = [
        ('偃师区青年夜校秋季班：请示里计划开几门课，实际开了几门？', [f'{yan_plan}门', f'{len(R6["偃师区"]["cs"])}门']),
        ('“河洛英才”大赛报名项目：2024年和2025年分别是多少？', ['612个', '786个']),
        ('牡丹文化节上岗的青年志愿者，全委会报告和团市委网站新闻分别是怎么写的？', ['8,600余名', f'{5214 + 2187 + 1235:,}名']),
        ('圆梦行动审核通过人数最多的那个县，2025年新发展了多少团员？', [f'{int(C1[top7][1])}名']),
        ('秋季班报名学员最多的县区，表1里注册志愿者有多少？', [f'{int(C1[top6][3]):,}名']),
        ('五四奖章候选人里由县（区）团委推荐的三位，所在的三个县区中哪个青年之家最多？',
         [max(rec_units.values(), key=lambda u: C1[u][2])]),
        ('台账里9个县（区）审核通过的人数加起来，和全委会报告说的圆梦行动资助人数一致吗？是多少？',
         ['一致' if f'资助家庭困难大学新生{pass7:,}名' in T['市'] else '不一致', f'{pass7:,}名']),
        ('2025年青年夜校春季班和秋季班一共开了多少门课？', [f'{int(YX["春季班"][1]) + c6}门']),
        ('付晓冉的志愿服务队：推荐表说由多少名本地青年组成，国庆接龙报了几人？',
         [re.search(r'组建由(\d+)名本地青年', T['章']).group(1) + '名', [e for e in ENT3 if e[2] == '付晓冉'][0][3] + '人']),
        ('全委会报告里选派西部计划志愿者的三所高校，哪些有项目获得2024河洛英才金奖？',
         [u for u in ['河南科技大学', '洛阳理工学院', '洛阳师范学院'] if u in gold_units]),
        ('嵩县圆梦行动审核通过的人数和嵩县秋季班报名学员，哪个多？',
         ['圆梦行动审核通过的人数' if SH['嵩县']['审核通过（人）'] > R6['嵩县']['n'] else '秋季班报名学员']),
        ('偃师青年夜校：2024年试办时报名学员多少，2025年秋季班报名学员多少？', ['263人', f'{R6["偃师区"]["n"]}人']),
    ]
    need('英', '参赛项目612个'); need('市', '2025年大赛报名项目786个，比上年的612个增长28.4%')
    if pct(786 - 612, 612) != Dec('28.4'):
        err('市 28.4%')
    for qq, want in chk:
        got = cx(qq)
        if got is not None and [norm(x).replace(',', '') for x in got] != [norm(x).replace(',', '') for x in want]:
            err(f'cross computed {qq}: {got} vs {want}')
    done = set(MENTION) | {qq for qq, _ in chk}
    for qq in CX:
        if qq not in done:
            err(f'cross item not recomputed: {qq}')
    if not 15 <= len(cross) <= 20:
        err('cross size')

    # ------------------------------------------------------------ summary
    n_un = sum(1 for g in gold if g['type'] == 'unanswerable')
    n_en = sum(1 for g in gold if is_en(g['question']))
    print(f'reports: {len(T)} ({", ".join(sorted(set(exts)))}); long report {nch} Chinese characters in paragraphs')
    print(f'gold: {len(gold)} questions, {n_un} unanswerable ({n_un / len(gold):.1%}), {n_en} English ({n_en / len(gold):.1%})')
    print(f'followups: {len(fus)} conversations, {nturn} turns')
    print(f'cross: {len(cross)} ({", ".join(sorted({c["kind"] for c in cross}))})')
    if ERR:
        print(f'{len(ERR)} errors:')
        for e in ERR:
            print('  ' + e)
        sys.exit(1)
    print('verify.py: all checks passed')


def xlsx_text_sheet(ws):
    out = [f'工作表：{ws.title}']
    for row in ws.iter_rows():
        cells = [str(c.value) for c in row if c.value is not None]
        if cells:
            out.append(' '.join(cells))
    for row in ws.iter_rows():
        for c in row:
            if c.comment:
                out.append(f'批注（{c.coordinate}）：{c.comment.text}')
    return '\n'.join(out)


if __name__ == '__main__':
    main()
