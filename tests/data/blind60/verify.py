#!/usr/bin/env python3
"""Independent checker for blind60 (临沂).

Uses only the standard library + python-docx, pypdf, openpyxl, lunardate; imports nothing from src/.
Re-extracts the text of every report on its own and checks
  * formats and the new layouts (docx tracked changes + comments, PDF month grid with 农历 day labels, xlsx formula
    cells with cached values, 信息公开 metadata grid, Markdown bold group rows, CSV export, GB18030 e-mail thread),
  * every evidence string occurs (whitespace-normalised) in its report and every answer is supported by it
    (table cells are looked up by column, rankings / weekdays / 农历 / differences are recomputed),
  * arithmetic inside reports and agreement between reports,
  * that every unanswerable key occurs in its question and in no report,
  * followups and cross items (mentions recomputed over all reports).
Prints OK and exits 0 when everything holds.
"""
import os, re, sys, json, csv, io, zipfile, datetime, html as H
from decimal import Decimal as D, ROUND_HALF_UP
from xml.etree import ElementTree as ET

BASE = os.path.dirname(os.path.abspath(__file__))
RD = os.path.join(BASE, 'reports')
ERR = []


def err(m):
    ERR.append(m)


# ============================================================ extraction
W = '{http://schemas.openxmlformats.org/wordprocessingml/2006/main}'


def docx_text(path):
    """accepted view of the body (w:ins kept, w:del dropped), table rows as cells joined by a space,
    then one line per deletion / insertion and per comment"""
    z = zipfile.ZipFile(path)
    body = ET.fromstring(z.read('word/document.xml')).find(W + 'body')
    out, revs = [], []

    def para(p):
        txt = ''.join(t.text or '' for t in p.iter(W + 't'))
        for d in p.iter(W + 'del'):
            revs.append(f'删除（{d.get(W + "author")}）：' + ''.join(x.text or '' for x in d.iter(W + 'delText')))
        for d in p.iter(W + 'ins'):
            revs.append(f'插入（{d.get(W + "author")}）：' + ''.join(x.text or '' for x in d.iter(W + 't')))
        return txt

    for el in body:
        if el.tag == W + 'p':
            out.append(para(el))
        elif el.tag == W + 'tbl':
            for tr in el.iter(W + 'tr'):
                out.append(' '.join('\n'.join(para(p) for p in tc.findall(W + 'p')) for tc in tr.findall(W + 'tc')))
    out += revs
    if 'word/comments.xml' in z.namelist():
        for cm in ET.fromstring(z.read('word/comments.xml')).findall(W + 'comment'):
            out.append(f'批注（{cm.get(W + "author")}）：' + ''.join(x.text or '' for x in cm.iter(W + 't')))
    return '\n'.join(out)


def cellfmt(v, nf):
    if isinstance(v, bool) or not isinstance(v, (int, float)):
        return str(v)
    if nf.endswith('%'):
        return f'{v * 100:.1f}%'
    return {'0.00': f'{v:.2f}', '0.0': f'{v:.1f}', '#,##0': f'{v:,.0f}'}.get(nf, str(v))


def xlsx_text(path):
    import openpyxl
    wb = openpyxl.load_workbook(path, data_only=True)
    out = []
    for ws in wb.worksheets:
        out.append(f'工作表：{ws.title}')
        for row in ws.iter_rows():
            cells = [cellfmt(c.value, c.number_format) for c in row if c.value is not None]
            if cells:
                out.append(' '.join(cells))
    return '\n'.join(out)


def html_text(s):
    s = re.sub(r'<(style|script)\b.*?</\1>', '', s, flags=re.S)
    s = re.sub(r'</t[dh]>', ' ', s)
    s = re.sub(r'<(/?)(p|div|h\d|li|tr|br|ul|ol|title|nav|footer|header|article|table)\b[^>]*>', '\n', s)
    return H.unescape(re.sub(r'<[^>]+>', '', s))


def text_of(path):
    if path.endswith('.docx'):
        return docx_text(path)
    if path.endswith('.pdf'):
        from pypdf import PdfReader
        return '\n'.join(p.extract_text() for p in PdfReader(path).pages)
    if path.endswith('.xlsx'):
        return xlsx_text(path)
    if path.endswith('.html'):
        return html_text(open(path, encoding='utf-8').read())
    b = open(path, 'rb').read()
    try:
        return b.decode('utf-8')
    except UnicodeDecodeError:
        return b.decode('gb18030').replace('\r\n', '\n')


def norm(s):
    return re.sub(r'\s+', '', s).replace('**', '').replace('|', '')


SHORT = {'委': 'linyi_2025_tuanshiwei_quanwei_gongzuo_baogao.docx',
         '案': 'linyi_2026_fanjiaxiang_shijian_fangan_zhengqiuyijian.docx',
         '历': 'linyi_2025_7yue_shuqi_shijian_huodong_yueli.pdf',
         '预': 'linyi_2026_qingshaonian_fazhan_zhuanxiang_yusuan.xlsx',
         '提': 'linyi_2025_shizhengxie_0219hao_tian_dafu.html',
         '简': 'linyi_2025_shuqi_qingnian_yizhan_jianbao.md',
         '学': 'linyi_2025q2_qingniandaxuexi_canxue_tongji.txt',
         '邮': 'linyi_2025_xibujihua_chuzheng_tongzhi_youjian.txt'}
KEY = {v: k for k, v in SHORT.items()}
TITLE = {'委': '凝心聚力担使命　沂蒙青春再出发',
         '案': '2026年临沂市大学生“返家乡”社会实践活动实施方案（征求意见稿）',
         '历': '2025年7月全市共青团暑期社会实践重点活动月历',
         '预': '2026年团市委青少年发展专项经费预算明细表',
         '提': '关于市政协十四届四次会议第0219号提案的答复',
         '简': '临沂共青团工作简报（2025年第11期）',
         '学': '青年大学习2025年第二季度各县区参学情况统计',
         '邮': '关于做好2025年西部计划志愿者出征仪式有关工作的通知'}
TITLE_IN_DOC = {'简': '临沂共青团工作简报', '学': '青年大学习2025年第二季度各县区参学情况统计'}
DOC_YEAR = {'委': 2025, '案': 2026, '历': 2025, '预': 2026, '提': 2025, '简': 2025, '学': 2025, '邮': 2025}

# ------------------------------------------------------------ unanswerable keys
ABSENT = ['日照', '枣庄', '潍坊', '济宁', '泰安', '菏泽', 'Rizhao', 'Zaozhuang', '2021年', '2019年', '2023年返家乡', '2024年全市新发展',
          '2027年新发展', '组织部部长', '宣传部部长', '兰山区团委书记', '团沂水县委书记', '临沂职业学院团委书记', '校长', '团蒙阴县委书记',
          'Party secretary of Linyi', 'heads the Lanshan', '驻临高校参学率', '三季度大学习', '一季度全市参学率', '临港区青年驿站暑期',
          '夜间咨询', '心理驿站建设花', '界别', '委员的工作单位', '0218号', '女生', '服务期', '主持', '放弃的志愿者叫', '几辆',
          '2026年返家乡报名人数实际', '正式印发', '发放的银行', '奖金', '2027年专项经费', '决算', '审批人', '市财政局批', '授课老师', '讲话',
          '8月份有什么活动', '门票', '直播卖了多少钱', '地下大峡谷志愿服务来了', '站长', '住宿费', '床位', '销售额', '第10期',
          '2024年开了多少门课', '二等奖', '大赛奖金', '利率', '每间投入', '九曲街道有多少团员', '义堂镇团委书记', '纪念馆全年接待',
          '一共来了多少客商', '临沂大学有多少团员', '机关有多少人', '团支部总数', '少先队中队', '青年驿站叫什么名字', '暑期班招了多少学员',
          'female League members', 'salary', '2024 trade fair', 'hotel', '2025 budget total', 'Jinan', 'phone number', 'Q3 2025',
          '郯城县心理驿站哪天', '坐席', '委员出席', '哪年任书记', '分管什么工作', '电话是多少', '2024年西部计划', '聊城', '德州',
          '研究生支教团', 'chairs', 'in 2023']
FOLLOW_ABSENT = {'那日照呢？': '日照', '那2023年呢？': '2023年', '其中女生几个？': '女生', '夜间时段呢？': '夜间', '一等奖奖金多少？': '奖金'}

# translations / paraphrases: answer variant -> literal form in the evidence
ALIAS = {'Meng Xiaolin': '孟晓琳', 'Xing Jiahang': '邢嘉航', 'Han Wenbo': '韩文博', 'Liu Jianing': '刘佳宁', 'Hou Jiayin': '侯佳音',
         'Lü Siyuan': '吕思源', 'Lu Siyuan': '吕思源', 'Cheng Yiming': '程一鸣',
         'Lanshan District': '兰山区', 'Lanshan': '兰山区', 'Yishui County': '沂水县', 'Yishui': '沂水县', '兰山': '兰山区', '沂水': '沂水县',
         '兰陵': '兰陵县', '蒙阴': '蒙阴县', '河东': '河东区', '沂南': '沂南县', '高新区': '临沂高新区', '经开区': '临沂经开区', '临港区': '临沂临港区',
         '临大': '临沂大学', '临大团委': '临沂大学团委', '综保区': '临沂综合保税区', '十九届五次全会': '第十九届委员会第五次全体（扩大）会议',
         '第十九届第五次': '第十九届委员会第五次', '2025-2027年': '2025—2027年', '2025至2027年': '2025—2027年',
         '7月1日至8月31日': '7月1日~8月31日', '7月1日至7月10日': '7月1日—7月10日', '7月1日-7月10日': '7月1日—7月10日',
         '8:30-17:30': '8:30—17:30', '8:30-22:00': '8:30—22:00', '8:30 to 22:00': '8:30—22:00', '晚上10点': '22:00', '9点': '9:00',
         '青春临沂小程序': '“青春临沂”小程序', '单价乘数量除以10000': '单价×数量÷10000', '人天': '人·天',
         '不计': '不计入', '包含': '含', '没有青年驿站': '尚未建成青年驿站', '首次开展，无上年数据': '首次开展返家乡活动，无上年数据',
         '考上研究生': '考取研究生', 'admitted to graduate school': '考取研究生', 'was admitted to a postgraduate programme': '考取研究生',
         '不在': '未列入', '本组合计': '该组合计', '平邑县团委分管副书记': '分管副书记为颜子豪', '团平邑县委分管副书记': '分管副书记为颜子豪',
         '市委党校': '市委党校', 'the municipal Party school': '市委党校', 'Party School of the CPC Linyi Municipal Committee': '市委党校',
         'the leap sixth month': '闰六月', 'leap sixth month': '闰六月', '六月二十二': '六月廿二',
         '统一着西部计划志愿者服装': '统一着西部计划志愿者服装', '附件2_出征仪式流程.docx': '附件2_出征仪式流程.docx',
         '一季度未纳入统计': '一季度未纳入统计', '沂蒙圆梦助学金': '希望工程“沂蒙圆梦”助学金', '三下乡团队意外保险': '“三下乡”团队意外保险',
         '三下乡保险': '“三下乡”团队意外保险', '夜校课酬': '青年夜校课程课酬', 'RMB 80': '80元', '80 yuan': '80元',
         'June 15': '6月15日', 'July 16, 2025': '2025年7月16日', '11.5685 million yuan': '1156.85', 'No. 6': '6',
         '562,000': '56.2万', '18,600': '1.86万', '1156.85万元': '1156.85', '1,156.85万元': '1156.85'}
REV = {}
for _k, _v in ALIAS.items():
    REV.setdefault(_v, []).append(_k)
WD = '一二三四五六日'
EN_WD = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday']
LUNAR_DAY = ['初一', '初二', '初三', '初四', '初五', '初六', '初七', '初八', '初九', '初十', '十一', '十二', '十三', '十四', '十五',
             '十六', '十七', '十八', '十九', '二十', '廿一', '廿二', '廿三', '廿四', '廿五', '廿六', '廿七', '廿八', '廿九', '三十']
LUNAR_MON = ['正', '二', '三', '四', '五', '六', '七', '八', '九', '十', '冬', '腊']


def lunar_of(d):
    from lunardate import LunarDate
    ld = LunarDate.from_solar_date(d.year, d.month, d.day)
    return ('闰' if ld.isLeapMonth else '') + LUNAR_MON[ld.month - 1] + '月', LUNAR_DAY[ld.day - 1]


def value(s):
    s = s.replace(',', '')
    m = re.search(r'[-+]?\d+(?:\.\d+)?', s)
    if not m:
        return None
    v = D(m.group())
    rest = s[m.end():]
    if rest.startswith('%'):
        return v / 100
    if rest.startswith('万'):
        return v * 10000
    if rest.startswith('亿'):
        return v * 100000000
    if rest.startswith('千'):
        return v * 1000
    return v


def tokens(ev):
    e = ev.replace(',', '')
    return [value(t) for t in re.findall(r'[-+]?\d+(?:\.\d+)?(?:%|万|亿|千)?', e)]


def dates_in(s, year):
    out = []
    for y, m, d in re.findall(r'(\d{4})-(\d{2})-(\d{2})', s):
        out.append(datetime.date(int(y), int(m), int(d)))
    ys = re.findall(r'(\d{4})年', s)
    y0 = int(ys[0]) if ys else year
    for y, m, d in re.findall(r'(?:(\d{4})年)?(?<![\d.])(\d{1,2})月(\d{1,2})日', s):
        out.append(datetime.date(int(y) if y else y0, int(m), int(d)))
    MON = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December']
    for mo, d, y in re.findall(r'(' + '|'.join(MON) + r') (\d{1,2}),? (\d{4})', s):
        out.append(datetime.date(int(y), MON.index(mo) + 1, int(d)))
    for mo, d in re.findall(r'(' + '|'.join(MON) + r') (\d{1,2})(?!,? \d{4})', s):
        out.append(datetime.date(year, MON.index(mo) + 1, int(d)))
    return out


def ans_ok(a, ev, year, depth=0):
    n_ev = norm(ev).replace(',', '')
    for x in [a, ALIAS.get(a, a)] + REV.get(a, []):
        if norm(x).replace(',', '') in n_ev:
            return True
    a0 = ALIAS.get(a, a)
    m = re.fullmatch(r'(?:星期|周)([一二三四五六日])', a0)
    if m or a0 in EN_WD:
        want = WD.index(m.group(1)) if m else EN_WD.index(a0)
        ds = dates_in(ev, year)
        return bool(ds) and all(d.weekday() == want for d in ds[:1])
    da = dates_in(a0, year)
    if da:
        return set(da) <= set(dates_in(ev, year))
    if len(re.findall(r'\d+(?:\.\d+)?', a0.replace(',', ''))) != 1:
        return False
    v = value(a0)
    if v is None:
        return False
    tk = tokens(ev)
    return v in tk or -v in tk or (v in [t * 1000 for t in tk if t is not None]) or ('%' in a0 and v * 100 in tk)


def is_en(q):
    return bool(re.match(r'[A-Za-z]', q))


def num(s):
    return D(str(s).replace(',', '').replace('"', '').strip())


def r1d(x):
    return D(x).quantize(D('0.1'), ROUND_HALF_UP)


# ============================================================ main
def main():
    files = sorted(os.listdir(RD))
    if sorted(files) != sorted(SHORT.values()):
        err(f'reports/ holds {files}')
    TXT = {KEY[f]: text_of(os.path.join(RD, f)) for f in files}
    NT = {k: norm(v) for k, v in TXT.items()}
    exts = {os.path.splitext(f)[1] for f in files}
    if len(exts) < 6:
        err(f'only {len(exts)} formats')

    def need(k, s):
        if norm(s) not in NT[k]:
            err(f'{k}: expected text missing: {s}')

    # ---------------------------------------------------------------- format checks
    import docx as _docx, openpyxl
    raw8 = open(os.path.join(RD, SHORT['邮']), 'rb').read()
    try:
        raw8.decode('utf-8'); err('邮 is valid UTF-8, expected GB18030')
    except UnicodeDecodeError:
        pass
    if b'\r\n' not in raw8:
        err('邮 not CRLF')
    z = zipfile.ZipFile(os.path.join(RD, SHORT['案']))
    dx = z.read('word/document.xml').decode()
    if dx.count('<w:ins ') < 5 or dx.count('<w:del ') < 4 or 'word/comments.xml' not in z.namelist():
        err('案: tracked changes / comments missing')
    # python-docx's paragraph.text does not see w:ins runs: the accepted text needs the XML walk
    d2 = _docx.Document(os.path.join(RD, SHORT['案']))
    if any('6,000名' in p.text for p in d2.paragraphs):
        err('案: inserted text visible to python-docx paragraph.text (layout changed?)')
    wbf = openpyxl.load_workbook(os.path.join(RD, SHORT['预']))
    wbv = openpyxl.load_workbook(os.path.join(RD, SHORT['预']), data_only=True)
    nform = sum(1 for ws in wbf.worksheets for r in ws.iter_rows() for c in r if isinstance(c.value, str) and c.value.startswith('='))
    if nform < 30:
        err(f'预: only {nform} formula cells')
    for ws in wbf.worksheets:
        for r in ws.iter_rows():
            for c in r:
                if isinstance(c.value, str) and c.value.startswith('=') and wbv[ws.title][c.coordinate].value is None:
                    err(f'预: formula {ws.title}!{c.coordinate} without cached value')
    from pypdf import PdfReader
    if len(PdfReader(os.path.join(RD, SHORT['历'])).pages) != 2:
        err('历: expected 2 pages')

    # ---------------------------------------------------------------- 委 表1 (group rows above members)
    t1 = {}
    for l in TXT['委'].split('\n'):
        m = re.fullmatch(r'(\S+?)(（\d个）)? ([\d,]+) ([\d,]+) ([\d,]+) ([\d,]+) ([\d,]+)', l.strip())
        if m:
            t1[m.group(1)] = [int(num(x)) for x in m.groups()[2:]]
    groups = {'一、城区': ['兰山区', '罗庄区', '河东区'],
              '二、县域': ['沂南县', '郯城县', '沂水县', '兰陵县', '费县', '平邑县', '莒南县', '蒙阴县', '临沭县'],
              '三、功能区': ['临沂高新区', '临沂经开区', '临沂临港区']}
    lines1 = [l.strip() for l in TXT['委'].split('\n')]
    for g, mem in groups.items():
        if g not in t1:
            err(f'委 表1 group {g} missing'); continue
        gi = next(i for i, l in enumerate(lines1) if l.startswith(g))
        if [lines1[gi + 1 + j].split()[0] for j in range(len(mem))] != mem:
            err(f'委 表1: members of {g} not directly below the group row')
        for j in range(5):
            if sum(t1[n][j] for n in mem) != t1[g][j]:
                err(f'委 表1 {g} col {j}')
    units = sum(groups.values(), []) + ['市直及驻临高校']
    for j in range(5):
        if sum(t1[n][j] for n in units) != t1['全市合计'][j]:
            err(f'委 表1 total col {j}')
    T = t1['全市合计']
    need('委', f'全年新发展团员{T[1]:,}名，完成年度计划9,000名的{r1d(D(T[1]) / 9000 * 100)}%')
    need('委', f'全市团员总数达到{T[0]:,}名')
    need('委', f'注册青年志愿者{T[3]:,}名')
    need('委', f'建成青年之家{T[2]}个')
    need('委', f'募集岗位{T[4]:,}个，实际上岗2,118名，上岗率{r1d(D(2118) / T[4] * 100)}%')
    need('委', f'其中市直及驻临高校{t1["市直及驻临高校"][1]:,}名，占{r1d(D(t1["市直及驻临高校"][1]) / T[1] * 100)}%')
    need('委', f'城区三个区新发展团员{t1["一、城区"][1]:,}名，县域九个县{t1["二、县域"][1]:,}名，功能区{t1["三、功能区"][1]:,}名')
    cty = groups['二、县域']
    if max(cty, key=lambda n: t1[n][1]) != '兰陵县' or max(t1[n][2] for n in units[:-1]) != t1['兰山区'][2]:
        err('委: 兰陵 most new members among counties / 兰山 most 青年之家 claims')
    need('委', '春季班开设课程82门，学员3,260人；秋季班开设课程104门，学员4,170人。全年共开设课程186门，学员7,430人')
    if 82 + 104 != 186 or 3260 + 4170 != 7430:
        err('委 专栏 sums')
    need('委', '1.86万人次，同比增长8.8%')

    # ---------------------------------------------------------------- 简 md table
    t6 = {}
    for l in TXT['简'].split('\n'):
        cs = [c.strip() for c in l.strip().strip('|').split('|')]
        if len(cs) == 7 and cs[1] and re.fullmatch(r'\*?\*?\d', cs[1][:3].strip('*')[:1] or 'x'):
            t6[cs[0].strip('*')] = cs[1:]
    mem6 = [n for n in units[:-1] if n in t6]
    if len(mem6) != 14 or '临沂临港区' in t6:
        err(f'简 table units {mem6}')
    tot6 = t6['合计']
    if sum(int(t6[n][0]) for n in mem6) != int(tot6[0].strip('*')) or sum(D(t6[n][1]) for n in mem6) != D(tot6[1].strip('*')):
        err('简 table sums 驿站/接待')
    if sum(int(num(t6[n][2])) for n in mem6) != int(num(tot6[2].strip('*'))) or sum(int(num(t6[n][3])) for n in mem6) != int(num(tot6[3].strip('*'))):
        err('简 table sums 岗位/上岗')
    for n in mem6 + ['合计']:
        c = [x.strip('*') for x in t6[n]]
        if f'{r1d(num(c[3]) / num(c[2]) * 100)}%' != c[4]:
            err(f'简 上岗率 {n}')
        if n != '合计' and int(c[2]) != t1[n][4]:
            err(f'简 岗位 {n} differs from 委 表1')
    if int(tot6[0].strip('*')) != 35:
        err('简 35 驿站')
    need('委', '总数达到35个')
    up_all = int(num(tot6[3].strip('*'))) + 27 + 206
    if up_all != 2118:
        err(f'简 上岗 1,885 + 27 + 206 = {up_all} != 2,118')
    need('简', '全市返家乡实际上岗2,118名（含市直单位206名、临沂临港区27名），上岗率85.5%')
    if t1['临沂临港区'][4] != 31:
        err('临港 岗位 31')
    ch = {n: D(t6[n][5]) for n in mem6 if t6[n][5] != '—'}
    if max(ch, key=ch.get) != '蒙阴县' or sorted(n for n in ch if ch[n] < 0) != sorted(['临沭县', '河东区', '费县']):
        err('简 百分点 claims')
    if max(mem6, key=lambda n: D(t6[n][1])) != '兰山区':
        err('简 兰山 首位')
    if D('4.72') * 10 != D(tot6[1].strip('*')):
        err('简 4.72万 vs 47.2千')

    # ---------------------------------------------------------------- 学 CSV
    rows7 = [r for r in csv.reader(io.StringIO('\n'.join(l for l in TXT['学'].split('\n') if l and not l.startswith('#'))))]
    hdr7, data7 = rows7[0], rows7[1:]
    t7 = {r[1]: r for r in data7}
    mem7 = [r[1] for r in data7 if r[1] != '合计']
    for n in mem7:
        r = t7[n]
        avg = (num(r[3]) / 12).quantize(D(1), ROUND_HALF_UP)
        if avg != num(r[4]):
            err(f'学 期均 {n}')
        if r1d(num(r[4]) / num(r[2]) * 100) != D(r[5]):
            err(f'学 参学率 {n}')
    order = sorted(mem7, key=lambda n: -D(t7[n][5]))
    if len({t7[n][5] for n in mem7}) != len(mem7):
        err('学 tie in 参学率')
    for i, n in enumerate(order, 1):
        if int(t7[n][6]) != i:
            err(f'学 rank {n}')
    q1 = {n: int(t7[n][6]) + int(t7[n][7]) for n in mem7 if t7[n][7] != ''}
    if sorted(q1.values()) != list(range(1, 15)) or t7['临沂临港区'][7] != '':
        err(f'学 一季度 ranks not a permutation: {q1}')
    tt = t7['合计']
    for j in (2, 3, 4):
        if sum(num(t7[n][j]) for n in mem7) != num(tt[j]):
            err(f'学 合计 col {j}')
    if r1d(num(tt[4]) / num(tt[2]) * 100) != D(tt[5]):
        err('学 合计 rate')
    if datetime.date(2025, 4, 7) + datetime.timedelta(weeks=11) != datetime.date(2025, 6, 23) or datetime.date(2025, 6, 29).weekday() != 6:
        err('学 12 weekly periods 4月7日–6月29日')

    # ---------------------------------------------------------------- 预 xlsx
    ws = wbv['预算明细']; wf = wbf['预算明细']
    items = []
    for r in range(4, ws.max_row + 1):
        if isinstance(ws.cell(r, 1).value, int):
            p, qn, amt, sh = ws.cell(r, 3).value, ws.cell(r, 4).value, ws.cell(r, 6).value, ws.cell(r, 7).value
            items.append((ws.cell(r, 2).value, p, qn, amt, sh, ws.cell(r, 8).value))
            if abs(p * qn / 10000 - amt) > 1e-9:
                err(f'预 amount row {r}')
            if not str(wf.cell(r, 6).value).startswith('='):
                err(f'预 F{r} not a formula')
        elif ws.cell(r, 2).value == '合计':
            total = ws.cell(r, 6).value
    if abs(sum(i[3] for i in items) - total) > 1e-9 or abs(total - 1156.85) > 1e-9:
        err('预 total')
    for i in items:
        if abs(i[4] - i[3] / total) > 1e-9:
            err(f'预 share {i[0]}')
    if abs(items[0][3] - 288) > 1e-9 or 80 * 20 * 1800 != 2880000:
        err('预 返家乡 288')
    need('案', '按人均实践20天、1,800人测算，补贴资金约288万元')
    if items[0][2] != 20 * 1800:
        err('预 36,000 人·天 = 20 × 1,800')
    w2 = wbv['县区配套']
    pei = {}
    for r in range(4, w2.max_row + 1):
        n = w2.cell(r, 1).value
        qs = [w2.cell(r, c).value for c in range(2, 6)]
        pei[n] = (qs, w2.cell(r, 6).value)
        if abs(sum(qs) - w2.cell(r, 6).value) > 1e-9:
            err(f'预 配套 {n}')
        if n not in groups['一、城区'] + groups['二、县域']:
            err(f'预 配套 unit {n}')
    need('预', '编制日期：2025年12月22日（星期一）')

    # ---------------------------------------------------------------- 邮 GB18030
    m = re.search(r'附件1：[^\n]*\n>\s*(\S+。合计(\d+)名。)', TXT['邮'])
    xi = re.findall(r'([^、。]+?)(\d+)名', m.group(1).split('。')[0])
    xi = [(a.strip(), int(b)) for a, b in xi]
    if sum(b for _, b in xi) != int(m.group(2)) or int(m.group(2)) != 68 or len(xi) != 16:
        err('邮 附件1 sum')
    need('邮', '我县原分配出征志愿者3名，其中1名因考取研究生已书面申请放弃，实际出征2名')
    if dict(xi)['平邑县'] != 3 or 68 - 3 + 2 != 67:
        err('邮 平邑')
    need('邮', '全市出征志愿者相应调整为67名')
    need('委', '2025年西部计划招募志愿者67名，7月16日在临沂大学体育馆举行出征仪式')
    need('历', '西部计划志愿者出征仪式（ 临沂大学体育馆）')
    need('提', '比去年同期的0.74万人次增长12.2%')
    if r1d((D('0.83') / D('0.74') - 1) * 100) != D('12.2') or r1d((D('1.86') / D('1.71') - 1) * 100) != D('8.8'):
        err('12355 growth rates')
    need('委', '7月5日在临沂大学举行集中出征仪式')
    need('历', '5 十一 “三下乡”集中出征仪式（ 临沂大学）')

    # ---------------------------------------------------------------- 历 calendar grid: every day label = real 农历
    cal = re.findall(r'(?m)^(\d{1,2}) (\S+)$', TXT['历'].split('活动联系人')[0])
    days = [int(d) for d, _ in cal]
    if days != list(range(1, 32)):
        err(f'历 days {days}')
    for d, lab in cal:
        mo, dy = lunar_of(datetime.date(2025, 7, int(d)))
        want = mo if dy == '初一' else dy
        if lab != want:
            err(f'历 7月{d}日 label {lab} != {want}')
    if lunar_of(datetime.date(2025, 7, 25)) != ('闰六月', '初一'):
        err('历 闰六月初一')
    # every written X月Y日（星期Z）
    for k, t in TXT.items():
        for y, mth, d, w in re.findall(r'(?:(\d{4})年)?(\d{1,2})月(\d{1,2})日（星期([一二三四五六日])）', t):
            dt = datetime.date(int(y) if y else DOC_YEAR[k], int(mth), int(d))
            if WD[dt.weekday()] != w:
                err(f'{k}: {mth}月{d}日 is not 星期{w}')
    need('提', '今天是：2025年6月25日　星期三')
    if datetime.date(2025, 6, 25).weekday() != 2 or datetime.date(2026, 1, 9).weekday() != 4:
        err('weekday of 6-25 / 1-9')

    # ---------------------------------------------------------------- question checks
    def rank_val(spec):
        kind, table, unitset, col, mx = spec
        if table == 't1':
            vals = {n: D(t1[n][col]) for n in unitset}
        elif table == 't6':
            vals = {n: D(t6[n][col].strip('%').replace(',', '')) for n in unitset}
        elif table == 't7':
            vals = {n: D(t7[n][col].replace(',', '')) for n in unitset}
        else:
            vals = {n: D(str(pei[n][1])) for n in unitset}
        best = (max if mx else min)(vals, key=vals.get)
        if sorted(vals.values()).count(vals[best]) != 1:
            err(f'rank tie {spec}')
        return best

    C12 = units[:12]
    RANK = {
        '九个县里哪个县团员最多': ('', 't1', cty, 0, True), '县域里哪个县注册志愿者最多': ('', 't1', cty, 3, True),
        '哪个县青年之家最少': ('', 't1', cty, 2, False), '功能区里哪个新发展团员最多': ('', 't1', groups['三、功能区'], 1, True),
        '城区三个区里返家乡岗位最少的是哪个': ('', 't1', groups['一、城区'], 4, False),
        'Which of the nine counties has the most Youth Homes?': ('', 't1', cty, 2, True),
        '12个县区里哪个团员最少': ('', 't1', C12, 0, False),
        '哪个县区全年配套资金最多': ('', 'pei', list(pei), 0, True), '全年配套资金最少的是哪个县': ('', 'pei', list(pei), 0, False),
        'Which county plans the most matching funds for 2026?': ('', 'pei', list(pei), 0, True),
        '哪个县最少？': ('', 'pei', list(pei), 0, False),
        '暑期接待量最多的是哪个县区': ('', 't6', mem6, 1, True), '上岗率最高的是哪个县区': ('', 't6', mem6, 4, True),
        '驿站暑期接待最少的是哪个': ('', 't6', mem6, 1, False), '县域里上岗率最低的是哪个县': ('', 't6', cty, 4, False),
        '上岗率提升幅度全市最大的是哪个县': ('', 't6', [n for n in mem6 if t6[n][5] != '—'], 5, True),
        '二季度青年大学习参学率第一是哪个县': ('', 't7', mem7, 5, True), '二季度参学率最低的是哪个': ('', 't7', mem7, 5, False),
        '名次比一季度上升最多的是哪个': ('', 't7', list(q1), 7, True), '名次下降最多的是哪个区': ('', 't7', list(q1), 7, False),
        '城区三个区谁参学率最高': ('', 't7', groups['一、城区'], 5, True),
        'Which county had the largest cumulative participation in Q2?': ('', 't7', mem7, 3, True),
        '青年之家最多的县区是哪个': ('', 't1', C12, 2, True),
    }
    SECOND = {'Which unit ranked second in Q2 Youth Study participation?': order[1]}
    BUD = {i[0]: i for i in items}
    SPECIAL = {
        '去年同期学业压力类占比是多少': D('21.3') + D('1.6'), '去年同期心理类占比多少': D('46.5') - D('3.8'),
        '心理志愿者增加了多少名': 158 - 126, '报名截止推迟了几天': (datetime.date(2026, 6, 20) - datetime.date(2026, 6, 15)).days,
        '全省集中培训几天': (datetime.date(2025, 7, 21) - datetime.date(2025, 7, 17)).days + 1,
        '青马培训几天': (datetime.date(2025, 7, 18) - datetime.date(2025, 7, 14)).days + 1,
        '几天？': (datetime.date(2025, 7, 18) - datetime.date(2025, 7, 14)).days + 1,
        '有几个推荐单位': len(xi), '预算有几个项目': len(items), '配套资金表里列了几个县区': len(pei),
        '权益部承办的项目合计多少万': D(str(round(sum(i[3] for i in items if i[5] == '权益部'), 2))),
        '年底前还要在几个县建心理驿站': 12 - 7,
        '一季度排第几？': q1['蒙阴县'],
    }
    LISTSPEC = {
        '青少年发展部承办的预算项目有哪些': sorted(i[0] for i in items if i[5] == '青少年发展部'),
        '名额只有1名的有哪些单位': sorted(a for a, b in xi if b == 1),
        '还没有心理驿站的县有哪些': sorted(n for n in C12 if n not in ['兰山区', '罗庄区', '河东区', '沂水县', '兰陵县', '费县', '莒南县']),
        '上岗率较去年下降的有哪些县区': sorted(n for n in mem6 if t6[n][5].startswith('-')),
    }
    COMPLEMENT = {'还没有心理驿站的县有哪些'}  # the 12 counties minus those listed in the evidence
    MAXBUD = {'预算里哪一项金额最大': max(items, key=lambda i: i[3])[0], '预算里金额最少的是哪项': min(items, key=lambda i: i[3])[0]}
    # column lookup for table-row evidence
    COL1 = [('新发展', 1), ('发展', 1), ('new League members', 1), ('青年之家', 2), ('Youth Homes', 2), ('志愿者', 3), ('volunteers', 3),
            ('返家乡', 4), ('Return to Hometown', 4), ('团员', 0), ('League members', 0)]
    COL6 = [('比去年', 5), ('较去年', 5), ('同比', 5), ('Fei County', 5), ('上岗率', 4), ('placement rate', 4), ('上岗', 3), ('started work', 3),
            ('接待', 1), ('visits', 1), ('驿站', 0), ('Youth Stations', 0), ('岗位', 2)]
    COL7 = [('应学', 2), ('expected to study', 2), ('累计', 3), ('期均', 4), ('名次', 7), ('排', 6), ('rank', 6), ('参学率', 5), ('participation rate', 5)]
    COLP = [('一季度', 0), ('二季度', 1), ('三季度', 2), ('四季度', 3), ('全年', 4), ('一共', 4)]
    COLB = [('单价', 1), ('数量', 2), ('比例', 4), ('占比', 4), ('部门', 5), ('金额', 3), ('How much', 3), ('多少钱', 3)]
    EN_UNIT = {v: k for k, v in {'Lanshan District': '兰山区', 'Luozhuang District': '罗庄区', 'Hedong District': '河东区', 'Yinan County': '沂南县',
                                 'Tancheng County': '郯城县', 'Yishui County': '沂水县', 'Lanling County': '兰陵县', 'Fei County': '费县',
                                 'Pingyi County': '平邑县', 'Junan County': '莒南县', 'Mengyin County': '蒙阴县', 'Linshu County': '临沭县',
                                 'Linyi High-tech Zone': '临沂高新区', 'Linyi Economic Development Zone': '临沂经开区',
                                 'Linyi Lingang Zone': '临沂临港区'}.items()}

    CTX = []  # earlier turns of a conversation, latest first

    def pick(qn, spec):
        for text in [qn] + CTX:
            for kw, c in spec:
                if kw in text:
                    return c
        return None

    def table_cell(k, ev, qn):
        """(cell value as Decimal or str, multiplier set) if ev is one table row of a parsed table"""
        e = ev.strip()
        if k == '委':
            m = re.fullmatch(r'(\S+?)(（\d个）)? ([\d,]+) ([\d,]+) ([\d,]+) ([\d,]+) ([\d,]+)', e)
            if m:
                c = pick(qn, COL1)
                return None if c is None else D(t1[m.group(1)][c])
        if k == '简' and e.startswith('| ') and e.count('|') == 8 and '合计' not in e:
            n = e.split('|')[1].strip()
            c = pick(qn, COL6)
            if c is None:
                return None
            v = t6[n][c]
            return None if v == '—' else D(v.replace(',', '').replace('%', '')) / (100 if v.endswith('%') else 1) if c != 1 else D(v) * 1000
        if k == '学' and re.match(r'\d+,', e):
            r = next(csv.reader([e]))
            c = pick(qn, COL7)
            return None if c is None else (D(r[c].replace(',', '')) / (100 if c == 5 else 1) if r[c] else None)
        if k == '预':
            parts = e.split(' ')
            if parts[0] in pei:
                c = pick(qn, COLP)
                return None if c is None else D(str(pei[parts[0]][0][c] if c < 4 else pei[parts[0]][1]))
            if re.fullmatch(r'\d', parts[0]) and len(parts) >= 3 and parts[1] in BUD:
                c = pick(qn, COLB)
                if c is None:
                    return None
                v = BUD[parts[1]][c]
                return v if isinstance(v, str) else D(str(round(v, 6))).normalize()
        return None

    def aval(a):
        a0 = ALIAS.get(a, a)
        v = value(a0)
        if v is None:
            return None
        if '千人次' in a0:
            return v
        if re.search(r'\d%', a0):
            return v
        return v

    def check_q(qq, where, ALLQ):
        qn, ans, doc, ev, typ = qq['question'], qq['answers'], qq['doc'], qq['evidence'], qq['type']
        if typ == 'unanswerable' or doc is None:
            if ans or doc is not None or ev != '' or typ != 'unanswerable':
                err(f'{where}: malformed unanswerable')
            keys = [k for k in ABSENT if k in qn] + [v for kq, v in FOLLOW_ABSENT.items() if kq == qn]
            if not keys:
                err(f'{where}: unanswerable without ABSENT key: {qn}')
            return
        k = KEY.get(doc)
        if k is None:
            err(f'{where}: unknown doc {doc}'); return
        if norm(ev) not in NT[k]:
            err(f'{where}: evidence not in {k}: {ev[:60]}'); return
        if not ans:
            err(f'{where}: no answers'); return
        year = DOC_YEAR[k]
        # recomputed answers
        if qn in RANK or qn in SECOND:
            best = SECOND.get(qn) or rank_val(RANK[qn])
            if ALIAS.get(ans[0], ans[0]) != best:
                err(f'{where}: rank answer {ans[0]} != {best}')
            if best not in ev and norm(best) not in norm(ev):
                err(f'{where}: rank evidence lacks {best}')
            return
        if qn in MAXBUD:
            if ALIAS.get(ans[0], ans[0]) != MAXBUD[qn]:
                err(f'{where}: {ans[0]} != {MAXBUD[qn]}')
            return
        if qn in SPECIAL:
            v = D(str(SPECIAL[qn]))
            if not any(value(ALIAS.get(a, a)) is not None and (value(ALIAS.get(a, a)) == v or value(ALIAS.get(a, a)) * 100 == v) for a in ans):
                err(f'{where}: computed {v} not among {ans}')
            return
        if qn in LISTSPEC:
            if sorted(ans) != LISTSPEC[qn]:
                err(f'{where}: list {ans} != {LISTSPEC[qn]}')
            for a in ans:
                if norm(a) not in norm(ev) and qn not in COMPLEMENT:
                    err(f'{where}: list item {a} not in evidence')
            return
        # 历: weekday / 农历 from the grid day number
        if k == '历' and re.match(r'^\d{1,2} ', ev.strip()) and ev.strip().split()[1] in LUNAR_DAY + ['闰六月']:
            day = int(ev.split()[0])
            dt = datetime.date(2025, 7, day)
            mo, dy = lunar_of(dt)
            if any(w in qn for w in ['星期', '周几', 'day of the week']):
                want = {'星期' + WD[dt.weekday()], '周' + WD[dt.weekday()], EN_WD[dt.weekday()]}
                if not set(ans) <= want:
                    err(f'{where}: weekday {ans} vs {want}')
                return
            if '农历' in qn:
                want = {mo + dy, '农历' + mo + dy, '六月二十二' if mo + dy == '六月廿二' else ''}
                if not set(ans) <= want:
                    err(f'{where}: lunar {ans} vs {want}')
                return
            if re.search(r'哪天|几号|什么时候|哪日', qn) and ans[0].count('日'):
                if dates_in(ans[0], 2025)[0] != dt:
                    err(f'{where}: date {ans[0]} vs 7月{day}日')
                return
        if k == '历' and ('lunar month' in qn or '农历' in qn) and '25日' in ev:
            if not set(ALIAS.get(a, a) for a in ans) & {'闰六月', '闰六月初一', '农历闰六月初一'}:
                err(f'{where}: lunar month')
            return
        # relative date: 上月 in a letter dated 2025-06-18
        if qn == '上月指的是几月':
            if (datetime.date(2025, 6, 18).replace(day=1) - datetime.timedelta(days=1)).month != 5 or ans[0] != '5月':
                err(f'{where}: 上月')
            return
        cell = table_cell(k, ev, qn)
        if cell is not None and typ == 'numeric':
            for a in ans:
                a0 = ALIAS.get(a, a)
                if isinstance(cell, str):
                    if a0 not in (cell, '团市委' + cell):
                        err(f'{where}: {a} != cell {cell}')
                    continue
                if re.search(r'[上下]升|下降|持平|不变|^第|No\.', a0) and k == '学':
                    continue
                v = aval(a0)
                if v is None:
                    err(f'{where}: no value in {a}'); continue
                ok = v == cell or abs(v) == abs(cell) or v * 1000 == cell or v == cell * 1000
                if k == '预':  # 万元 columns; shares stored as exact fractions, shown to 0.1%
                    ok = ok or v == cell * 10000 or (cell < 1 and '%' in a0 and r1d(cell * 100) == v * 100)
                if k == '学' and '%' not in a0:
                    ok = ok or v == cell * 100
                if k == '简' and '千人次' not in a0 and '万人次' in a0:
                    ok = ok or v == cell
                if not ok:
                    err(f'{where}: {a} != cell {cell} ({qn})')
            return
        if cell is not None and typ == 'entity':
            for a in ans:
                if norm(ALIAS.get(a, a)) not in norm(ev) and a not in ('团市委' + str(cell),):
                    err(f'{where}: entity {a} not in row')
            return
        # generic: every answer supported by evidence
        for a in ans:
            if typ == 'list' and len(ans) > 1:
                if norm(ALIAS.get(a, a)) not in norm(ev):
                    err(f'{where}: list item {a} not in evidence')
                continue
            if not ans_ok(a, ev, year):
                err(f'{where}: answer {a!r} not supported by evidence {ev[:50]!r} ({qn})')

    gold = [json.loads(l) for l in open(os.path.join(BASE, 'gold.jsonl'), encoding='utf-8')]
    ids = [g['id'] for g in gold]
    if len(set(ids)) != len(ids) or not (550 <= len(gold) <= 750):
        err('gold ids / size')
    for g in gold:
        if set(g) != {'id', 'question', 'answers', 'doc', 'evidence', 'type'} or g['type'] not in ('numeric', 'date', 'name', 'person', 'entity', 'list', 'unanswerable'):
            err(f'{g["id"]}: keys/type')
        check_q(g, g['id'], gold)
    nun = sum(g['type'] == 'unanswerable' for g in gold)
    nen = sum(is_en(g['question']) for g in gold)
    from collections import Counter
    per = Counter(g['doc'] for g in gold if g['doc'])
    if not (0.11 <= nun / len(gold) <= 0.15) or not (0.08 <= nen / len(gold) <= 0.13):
        err(f'unanswerable {nun} / English {nen}')
    if max(per.values()) > 0.31 * len(gold) or len(per) != 8:
        err(f'per-report spread {per}')
    # ABSENT keys: in no report, each used by a question
    for key in ABSENT + list(FOLLOW_ABSENT.values()):
        for kk, t in TXT.items():
            if key in t or norm(key) in NT[kk]:
                err(f'ABSENT key {key} occurs in {kk}')
    for key in ABSENT:
        if not any(key in g['question'] for g in gold if g['type'] == 'unanswerable'):
            err(f'ABSENT key {key} unused')

    # ---------------------------------------------------------------- followups
    fus = [json.loads(l) for l in open(os.path.join(BASE, 'followups.jsonl'), encoding='utf-8')]
    if not (8 <= len(fus) <= 10):
        err('followups count')
    nfu_un = 0
    for c in fus:
        if c.get('corpus') != 'reports' or not (4 <= len(c['turns']) <= 7):
            err(f'{c["id"]}: shape')
        CTX.clear()
        for i, t in enumerate(c['turns'], 1):
            if t['id'] != f'{c["id"]}-t{i}':
                err(f'{t["id"]}: id')
            nfu_un += t['type'] == 'unanswerable'
            check_q(t, t['id'], gold)
            CTX.insert(0, t['question'])
        CTX.clear()
    # ---------------------------------------------------------------- cross
    crs = [json.loads(l) for l in open(os.path.join(BASE, 'cross.jsonl'), encoding='utf-8')]
    if not (15 <= len(crs) <= 20):
        err('cross count')
    CX = {
        '12355全年接听量，2025年比2024年增加了多少？': D('1.86') - D('1.71'),
        '全委会报告里的西部计划人数和最初通知里的招募人数差几名？': 68 - 67,
        '返家乡岗位：2026年目标比2025年全市实际多多少个？': 2800 - T[4],
        '兰山区全委会表里的团员数比二季度青年大学习应学团员多多少？': t1['兰山区'][0] - int(num(t7['兰山区'][2])),
        '预算表里青马培训的人数是第十期青马培训学员的几倍？': D(BUD['青马工程培训'][2]) / 120,
        '12355心理健康类咨询占比，2025年全年比1—5月低了多少？': D('46.5') - D('45.9'),
        '暑期驿站接待量占全年接待量的比例大约多少？': r1d(D('4.72') / D('9.86') * 100),
    }
    for c in crs:
        for d, e in zip(c['docs'] * 10, c['evidence']):
            pass
        for e in c['evidence']:
            if not any(norm(e) in NT[KEY[d]] for d in c['docs']):
                err(f'{c["id"]}: evidence not in its docs: {e[:40]}')
        if len(c['docs']) < 2:
            err(f'{c["id"]}: fewer than 2 docs')
        qn = c['question']
        if c['kind'] == 'mention':
            term = re.search(r'提到了(.+?)？|出现了(.+?)？|\((.+?)\)|（(.+?)）', qn)
            term = next(x for x in term.groups() if x)
            hits = sorted(k for k in TXT if term in TXT[k] or norm(term) in NT[k])
            if sorted(TITLE[KEY[d]] for d in c['docs']) != sorted(c['answers']) or sorted(KEY[d] for d in c['docs']) != hits:
                err(f'{c["id"]}: mention {term} -> {hits}')
            for k in hits:
                if norm(TITLE_IN_DOC.get(k, TITLE[k])) not in NT[k]:
                    err(f'{c["id"]}: title of {k} not recoverable')
        elif qn in CX:
            v = D(str(CX[qn]))
            if not any(value(a) is not None and value(a) == v or (value(a) is not None and value(a) * 100 == v) or
                       (value(a) is not None and value(a) == v * 1000 * 10) for a in c['answers']):
                err(f'{c["id"]}: computed {v} not in {c["answers"]}')
        elif '心理驿站的几个县' in qn:
            best = max(['沂水县', '兰陵县', '费县', '莒南县'], key=lambda n: t1[n][1])
            if c['answers'][0] != best:
                err(f'{c["id"]}: {best}')
        elif '还没有心理驿站的5个县' in qn:
            want = [n for n in ['沂南县', '郯城县', '平邑县', '蒙阴县', '临沭县'] if D(t7[n][5]) > 85]
            if c['answers'] != want:
                err(f'{c["id"]}: {want}')
        elif '返家乡补贴测算' in qn:
            if not (abs(BUD['大学生“返家乡”实践补贴'][3] - 288) < 1e-9):
                err(f'{c["id"]}: 288')
        elif '青年驿站总数' in qn:
            if int(tot6[0].strip('*')) != 35:
                err(f'{c["id"]}: 35')
        elif '西部计划名额最多的县区' in qn:
            cand = [(a, b) for a, b in xi if a in C12]
            b1 = max(cand, key=lambda x: x[1])[0]
            b2 = max(C12, key=lambda n: t1[n][4])
            if not (b1 == b2 == c['answers'][0]):
                err(f'{c["id"]}: {b1} {b2}')
        elif 'Yishui' in qn:
            if not (t1['沂水县'][4] == int(t6['沂水县'][2]) == 188):
                err(f'{c["id"]}: Yishui 188')
        else:
            err(f'{c["id"]}: cross item not recomputed')

    print(f'reports: {len(files)} ({", ".join(sorted(exts))}); long report '
          f'{len(re.findall(r"[一-鿿]", "".join(p.text for p in _docx.Document(os.path.join(RD, SHORT["委"])).paragraphs)))} Chinese characters in paragraphs')
    print(f'gold: {len(gold)} questions, {nun} unanswerable ({nun / len(gold):.1%}), {nen} English ({nen / len(gold):.1%})')
    print(f'followups: {len(fus)} conversations, {sum(len(c["turns"]) for c in fus)} turns ({nfu_un} unanswerable)')
    print(f'cross: {len(crs)} ({", ".join(sorted({c["kind"] for c in crs}))})')
    if ERR:
        for e in ERR[:60]:
            print('FAIL', e)
        print(f'{len(ERR)} problems')
        sys.exit(1)
    print('OK')


if __name__ == '__main__':
    main()
