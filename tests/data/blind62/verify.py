#!/usr/bin/env python3
"""Independent checker for blind62 (泉州).

Uses only the standard library + pypdf and openpyxl; imports nothing from src/. It re-extracts every report and checks
  * the layouts: Word chart part (word/charts/chart1.xml, cached values + title, values absent from the prose),
    pptx deck (titles, bullets, a table shape, a chart part, speaker notes holding facts found nowhere else),
    GBK CSV (real .csv, header, 序号, quoted thousands, 合计 row), an all-Traditional-Chinese txt,
    inline-<svg> bar chart (bar widths ∝ values, values only in <text>), PDF with a 目录 whose page numbers
    match the body pages + running header/footer, Markdown with a raw HTML <table> (rowspan/colspan),
    xlsx pivot-like cross tab with 单位：千元;
  * every evidence string occurs (whitespace ignored) in its report and contains the answer (or, for the few
    DERIVED answers, the answer is recomputed);
  * sums, totals, percentages inside and across reports; every “M月D日（星期Z）” weekday;
  * unanswerable keys (in their question, in no report), follow-ups and cross items (mentions and computed
    answers recomputed);
  * a mutation test: a mutated copy of the reports in a mkdtemp scratch dir must fail; the dir is deleted.
Prints the counts and OK, exits 0 when everything holds.
"""
import os, re, sys, io, csv, json, zipfile, datetime, html, shutil, tempfile, posixpath
from collections import Counter
from xml.etree import ElementTree as ET

BASE = os.path.dirname(os.path.abspath(__file__))
R = {
    'r1': 'quanzhou_2025_tuanshiwei_quanwei_gongzuo_baogao.docx',
    'r2': 'quanzhou_2025_qingnian_fazhan_xing_chengshi_huibao.pptx',
    'r3': 'quanzhou_2025_qingchuangdai_tiexi_taizhang.csv',
    'r4': 'quanzhou_2025_quanjin_qingnian_jiaoliuji_jiyao.txt',
    'r5': 'quanzhou_2025_sanxiaxiang_zongshu.html',
    'r6': 'quanzhou_2025_qingnian_zhiyuan_fuwu_fazhan_baogao.pdf',
    'r7': 'quanzhou_2026_qingma_gongcheng_peixun_jihua.md',
    'r8': 'quanzhou_2025_xiwang_gongcheng_zijin_toushi.xlsx',
}
YEAR = {'r1': 2025, 'r2': 2025, 'r3': 2025, 'r4': 2025, 'r5': 2025, 'r6': 2025, 'r7': 2026, 'r8': 2025}
UNITS = ['鲤城区', '丰泽区', '洛江区', '泉港区', '石狮市', '晋江市', '南安市', '惠安县', '安溪县', '永春县', '德化县',
         '泉州台商投资区', '泉州开发区']

ABSENT = ["厦门", "漳州", "福州", "莆田", "宁德", "龙岩", "三明", "南平", "Xiamen", "Zhangzhou", "Fuzhou", "Putian", "2023年",
          "2022年", "2019年", "2021年", "2028年", "2020年", "2027年", "2023", "2022", "团晋江市委书记", "团石狮市委书记",
          "团鲤城区委书记", "校长", "市长", "秘书长", "少工委主任", "站长", "会长", "台长", "行长", "主持人", "会计", "mayor",
          "president of Huaqiao", "组织部部长", "黎明职业大学团委书记", "League secretary of Jinjiang", "电话", "床位", "面积",
          "利率", "贴息比例", "平均年龄", "学费", "女队员", "奖金", "门票", "每月补贴", "保险费", "船票", "出席委员", "青年人口",
          "编制", "平均天数", "夜校教师", "经费总额", "每间", "心理咨询师", "不良率", "邮编", "党员", "interest rate",
          "phone number", "beds", "average age", "prize money", "季度新发展团员", "上半年", "晋江市2024年团员", "金门县团员",
          "金门青年中女性", "台湾本岛", "来电", "企业岗位", "2024年希望工程", "泉州纺织服装职业学院", "泉州轻工职业学院", "第9期",
          "队长", "序号25", "德化县青年人才驿站", "youth population", "晋江市青年夜校学员", "安溪县2025年新建",
          "永春县团员发展计划2026"]
FOLLOW_ABSENT = {'那厦门呢？': '厦门', '2023年呢？': '2023年', '利率呢？': '利率', '其中台湾本岛青年多少？': '台湾本岛',
                 '女队员有多少？': '女队员', '2027年呢？': '2027年'}
WEEK = '一二三四五六日'

# namespaces
NW = '{http://schemas.openxmlformats.org/wordprocessingml/2006/main}'
NC = '{http://schemas.openxmlformats.org/drawingml/2006/chart}'
NA = '{http://schemas.openxmlformats.org/drawingml/2006/main}'
NR = '{http://schemas.openxmlformats.org/officeDocument/2006/relationships}'
NP = '{http://schemas.openxmlformats.org/presentationml/2006/main}'
NPR = '{http://schemas.openxmlformats.org/package/2006/relationships}'


# ============================================================ extraction (own code)
def part_rels(z, part):
    folder, name = posixpath.split(part)
    rp = f'{folder}/_rels/{name}.rels'
    if rp not in z.namelist():
        return {}
    out = {}
    for r in ET.fromstring(z.read(rp)).iter(NPR + 'Relationship'):
        out[r.get('Id')] = posixpath.normpath(posixpath.join(folder, r.get('Target')))
    return out


def chart_lines(xml):
    """title, then per series: name and 'category value' pairs from the cached strings."""
    root = ET.fromstring(xml)
    lines = []
    title = root.find(f'{NC}chart/{NC}title')
    if title is not None:
        lines.append(''.join(t.text or '' for t in title.iter(NA + 't')))
    for ser in root.iter(NC + 'ser'):
        tx = ser.find(NC + 'tx')
        if tx is not None:
            lines.append(''.join(v.text or '' for v in tx.iter(NC + 'v')))
        cat = {p.get('idx'): p.findtext(NC + 'v') for p in ser.find(NC + 'cat').iter(NC + 'pt')}
        val = {p.get('idx'): p.findtext(NC + 'v') for p in ser.find(NC + 'val').iter(NC + 'pt')}
        lines += [f'{cat[i]} {val.get(i, "")}' for i in sorted(cat, key=int)]
    return lines


def docx_text(path, with_charts=True):
    z = zipfile.ZipFile(path)
    rel = part_rels(z, 'word/document.xml')
    body = ET.fromstring(z.read('word/document.xml')).find(NW + 'body')
    lines = []
    for el in body:
        if el.tag == NW + 'p':
            lines.append(''.join(t.text or '' for t in el.iter(NW + 't')))
            if with_charts:
                for ch in el.iter(NC + 'chart'):
                    lines += chart_lines(z.read(rel[ch.get(NR + 'id')]))
        elif el.tag == NW + 'tbl':
            for tr in el.iter(NW + 'tr'):
                lines.append(' '.join('\n'.join(''.join(t.text or '' for t in p.iter(NW + 't')) for p in tc.iter(NW + 'p'))
                                      for tc in tr.findall(NW + 'tc')))
    return '\n'.join(lines)


def pptx_slides(path):
    """list of (shape_texts, chart_texts, notes) per slide."""
    z = zipfile.ZipFile(path)
    prel = part_rels(z, 'ppt/presentation.xml')
    ids = ET.fromstring(z.read('ppt/presentation.xml')).find(NP + 'sldIdLst')
    out = []
    for sid in ids:
        sp = prel[sid.get(NR + 'id')]
        srel = part_rels(z, sp)
        tree = ET.fromstring(z.read(sp)).find(f'{NP}cSld/{NP}spTree')
        texts, charts, tables = [], [], []
        for shp in tree:
            if shp.tag == NP + 'sp' and shp.find(NP + 'txBody') is not None:
                texts.append('\n'.join(''.join(t.text or '' for t in p.iter(NA + 't')) for p in shp.find(NP + 'txBody').findall(NA + 'p')))
            elif shp.tag == NP + 'graphicFrame':
                tbl = shp.find(f'.//{NA}tbl')
                if tbl is not None:
                    rows = [' '.join(''.join(t.text or '' for t in tc.iter(NA + 't')) for tc in tr.findall(NA + 'tc')) for tr in tbl.findall(NA + 'tr')]
                    texts.append('\n'.join(rows))
                    tables.append(rows)
                for ch in shp.iter(NC + 'chart'):
                    cl = '\n'.join(chart_lines(z.read(srel[ch.get(NR + 'id')])))
                    texts.append(cl)
                    charts.append(cl)
        notes = ''
        for target in srel.values():
            if 'notesSlide' in target:
                for shp in ET.fromstring(z.read(target)).iter(NP + 'sp'):
                    ph = shp.find(f'{NP}nvSpPr/{NP}nvPr/{NP}ph')
                    if ph is not None and ph.get('type') == 'body':
                        notes = '\n'.join(''.join(t.text or '' for t in p.iter(NA + 't')) for p in shp.find(NP + 'txBody').findall(NA + 'p'))
        out.append(dict(texts=texts, charts=charts, tables=tables, notes=notes))
    return out


def pptx_text(path):
    lines = []
    for s in pptx_slides(path):
        lines += s['texts']
        if s['notes']:
            lines.append(s['notes'])
    return '\n'.join(lines)


def fmt_cell(v, nf):
    if isinstance(v, str):
        return v
    if nf == '#,##0.0':
        return f'{v:,.1f}'
    return str(int(v)) if float(v).is_integer() else str(v)


def xlsx_text(path):
    import openpyxl
    wb = openpyxl.load_workbook(path)
    out = []
    for ws in wb.worksheets:
        out.append(f'【{ws.title}】')
        for row in ws.iter_rows():
            cells = [fmt_cell(x.value, x.number_format) for x in row if x.value is not None]
            if cells:
                out.append(' '.join(cells))
    return '\n'.join(out)


def untag(raw):
    raw = re.sub(r'(?is)<(script|style)\b.*?</\1>', '', raw)
    return html.unescape(re.sub(r'(?s)<[^>]+>', '\n', raw))


def extract(path):
    ext = path.rsplit('.', 1)[1]
    if ext == 'docx':
        return docx_text(path)
    if ext == 'pptx':
        return pptx_text(path)
    if ext == 'xlsx':
        return xlsx_text(path)
    if ext == 'pdf':
        from pypdf import PdfReader
        return '\n'.join(p.extract_text() for p in PdfReader(path).pages)
    raw = open(path, 'rb').read()
    if ext == 'csv':
        return '\n'.join(' '.join(r) for r in csv.reader(io.StringIO(raw.decode('gbk'), newline='')))
    raw = raw.decode('utf-8-sig')
    return untag(raw) if ext in ('html', 'md') else raw


def norm(s):
    return re.sub(r'\s+', '', s)


def num(s):
    return float(s.replace(',', '').lstrip('+'))


def pct(a, b):
    return f'{a / b * 100 + 1e-9:.1f}%'


# ============================================================ checks
def check_all(rd, errs, full=True):
    def need(cond, m):
        if not cond:
            errs.append(m)

    P = {k: os.path.join(rd, f) for k, f in R.items()}
    TX = {k: extract(p) for k, p in P.items()}
    NT = {k: norm(v) for k, v in TX.items()}
    info = {}

    # ---------------- R1 docx: table, prose, embedded chart
    z = zipfile.ZipFile(P['r1'])
    names = z.namelist()
    need('word/charts/chart1.xml' in names, 'r1: no word/charts/chart1.xml')
    doc = z.read('word/document.xml').decode()
    need('<c:chart ' in doc and 'drawingml/2006/chart' in doc, 'r1: chart not referenced from document.xml')
    ct = z.read('[Content_Types].xml').decode()
    need('drawingml.chart+xml' in ct, 'r1: chart content type')
    plain = docx_text(P['r1'], with_charts=False)          # what a w:t-only extractor sees
    cl = chart_lines(z.read('word/charts/chart1.xml'))
    ctitle = cl[0]
    chart = {}
    for line in cl[2:]:
        u, v = line.rsplit(' ', 1)
        chart[u] = int(v)
    need(list(chart) == UNITS, f'r1 chart categories {list(chart)}')
    need(ctitle == '2025年各县（市、区）青年夜校开班数（期）' and ctitle not in plain, 'r1: chart title must exist only in the chart')
    nplain = norm(plain)
    for u, v in chart.items():
        for s in (u, u[:2]):
            need(f'{s}{v}期' not in nplain and f'{s}开班{v}' not in nplain, f'r1: chart value {u} {v} repeated in prose')
    need(not re.search(r'(?<![\d,.])94(?![\d,.])', plain.replace('94.', '')), 'r1: 晋江 chart value 94 appears in the w:t text')
    # table
    t1 = {}
    for line in plain.split('\n'):
        m = re.match(r'^(\S+) ([\d,]+) ([\d,]+) ([\d,]+) (\d+) ([\d,]+) ([\d,]+)$', line.strip())
        if m:
            t1[m.group(1)] = [int(num(x)) for x in m.groups()[1:]]
    need(len(t1) == 15 and '全市合计' in t1, f'r1 table rows {len(t1)}')
    units = [u for u in t1 if u != '全市合计']
    tot = t1.get('全市合计', [0] * 6)
    for ci in range(6):
        need(sum(t1[u][ci] for u in units) == tot[ci], f'r1 表1 column {ci} sum')
    below = [u for u in units if t1[u][2] < t1[u][1]]
    need(below == ['永春县'] and t1['永春县'][1] - t1['永春县'][2] == 6 and '除永春县少发展6名' in NT['r1'], f'r1 below plan {below}')
    need(max(units, key=lambda u: t1[u][2]) == '晋江市' and max(units, key=lambda u: t1[u][3]) == '晋江市', 'r1 晋江 max')
    need(f'全年发展新团员{tot[2]:,}名' in NT['r1'] and f'完成年度计划{tot[1]:,}名的{pct(tot[2], tot[1])}' in NT['r1'], 'r1 prose 发展/完成率')
    need(f'全市共有团员{tot[0]:,}名' in NT['r1'] and f'全市{tot[0] / 10000:.1f}万名团员' in NT['r1'], 'r1 prose 团员')
    need(f'全市累计建成“青年之家”{tot[3]}个' in NT['r1'] and f'其中晋江市{t1["晋江市"][3]}个' in NT['r1'], 'r1 prose 青年之家')
    need(f'征集“返家乡”岗位{tot[5]:,}个' in NT['r1'] and f'全市注册青年志愿者达到{tot[4]:,}名' in NT['r1'], 'r1 prose 返家乡/志愿者')
    need(f'泉州开发区仅有“青年之家”{t1["泉州开发区"][3]}个' in NT['r1'], 'r1 开发区 6')
    ysum = sum(chart.values())
    need(f'全年开设夜校课程{ysum}期' in NT['r1'], 'r1 chart sum vs prose')
    need(max(chart, key=chart.get) == '晋江市' and min(chart, key=chart.get) == '泉州开发区', 'r1 chart extremes')
    need(sorted(chart, key=chart.get, reverse=True)[:2] == ['晋江市', '南安市'], 'r1 chart top two')
    b = plain[:plain.find('表1　2025年')] + plain[plain.find('（三）坚持服务大局'):]
    body = '\n'.join(l for l in b.split('\n') if not l.startswith('注：'))
    nch = len(re.findall(r'[\u4e00-\u9fff]', body))
    need(nch >= 3500, f'r1 body only {nch} Chinese characters')
    info['r1 chars'] = nch

    # ---------------- R2 pptx
    slides = pptx_slides(P['r2'])
    need(8 <= len(slides) <= 12, f'r2 slide count {len(slides)}')
    need(sum(1 for s in slides if s['notes']) >= 8, 'r2 notes')
    need(sum(len(s['tables']) for s in slides) == 1 and sum(len(s['charts']) for s in slides) == 1, 'r2 one table, one chart')
    tbl = [s['tables'][0] for s in slides if s['tables']][0]
    T2 = {}
    for row in tbl[1:]:
        p = row.split(' ')
        T2[p[0]] = [num(x) for x in p[1:]]
        need(T2[p[0]][1] - T2[p[0]][0] == T2[p[0]][2], f'r2 增减 {p[0]}')
    chtxt = [s['charts'][0] for s in slides if s['charts']][0].split('\n')
    ser, Q = None, {}
    for line in chtxt[1:]:
        if ' ' not in line:
            ser = line; Q[ser] = []
        else:
            Q[ser].append(int(line.split(' ')[1]))
    need(sum(Q['2024年']) == T2['驿站入住（人次）'][0] and sum(Q['2025年']) == T2['驿站入住（人次）'][1], 'r2 quarters vs table')
    need(max(range(4), key=lambda i: Q['2025年'][i]) == 2, 'r2 Q3 peak')
    nonchart = norm('\n'.join(t for s in slides for t in s['texts'] if t not in s['charts']) + ''.join(s['notes'] for s in slides))
    for v in Q['2025年'] + Q['2024年']:
        need(f'{v:,}' not in nonchart and str(v) not in nonchart, f'r2 chart value {v} repeated outside the chart')
    notes_all = [s['notes'] for s in slides if s['notes']]
    others = ''.join(NT[k] for k in NT if k != 'r2') + norm('\n'.join(t for s in slides for t in s['texts']))
    for fact in ('实到33家', '62.4%', '27.3%', '41.8%', '1,482人次', '68.5%', '1分钟内报满', '约4,600万元', '620套', '2,035份', '800万元', '150万元'):
        need(any(fact in norm(n) for n in notes_all) and fact not in others, f'r2 notes-only fact {fact}')
    m = re.search(r'(\d+)项重点任务完成(\d+)项，完成率([\d.]+%)', NT['r2'])
    need(m and pct(int(m.group(2)), int(m.group(1))) == m.group(3), 'r2 完成率')
    need(T2['青年之家（个）'][1] == tot[3] and f'较上年新增{int(T2["青年之家（个）"][2])}个' in NT['r1'], 'r2/r1 青年之家')
    need(T2['青年夜校（期）'][1] == ysum and f'比上年增加{int(T2["青年夜校（期）"][2])}期' in NT['r1'], 'r2/r1 夜校')
    a, b2 = T2['12355服务（人次）'][:2]
    need(f'全年服务{int(b2):,}人次，同比增长{pct(b2 - a, a)}' in NT['r1'], 'r2/r1 12355')
    need(f'免费住宿{int(T2["驿站入住（人次）"][1]):,}人次' in NT['r1'] and f'总数达到{int(T2["青年人才驿站（个）"][1])}个' in NT['r1'], 'r2/r1 驿站')
    need(f'募集青年见习岗位{int(T2["青年见习岗位（个）"][1]):,}个' in NT['r1'], 'r2/r1 见习')
    need('7月单月入住1,482人次' in NT['r2'] and 1482 < Q['2025年'][2], 'r2 July within Q3')

    # ---------------- R3 CSV (GBK)
    raw3 = open(P['r3'], 'rb').read()
    try:
        raw3.decode('utf-8'); need(False, 'r3 should not be UTF-8')
    except UnicodeDecodeError:
        pass
    need(b'\r\n' in raw3 and re.search(rb'"\d{1,3}(,\d{3})+"', raw3) is not None, 'r3 CRLF / quoted thousands')
    rows = list(csv.reader(io.StringIO(raw3.decode('gbk'), newline='')))
    need(rows[0][0] == '序号' and rows[-1][0] == '合计', 'r3 header / 合计')
    data = rows[1:-1]
    need([r[0] for r in data] == [str(i) for i in range(1, len(data) + 1)], 'r3 序号')
    loan = sum(int(num(r[8])) for r in data)
    tx = sum(int(num(r[11])) for r in data)
    need(int(num(rows[-1][8])) == loan and int(num(rows[-1][11])) == tx, 'r3 合计')
    paid = [r for r in data if r[12] == '已拨付']
    need(f'全年审核通过贴息项目{len(data)}个、带动贷款{loan // 10000}万元，核定贴息{tx:,}元，其中已拨付{len(paid)}个项目、{sum(int(num(r[11])) for r in paid):,}元' in NT['r1'], 'r3/r1 贴息')
    need(min(data, key=lambda r: num(r[8]))[2] == '骆诗涵' and max(data, key=lambda r: r[4])[2] == '骆诗涵', 'r3 smallest / youngest')
    need([r[2] for r in data if r[12] != '已拨付'] == ['粘雅雯', '戴明轩'], 'r3 unpaid')
    info['r3 rows'] = len(data)

    # ---------------- R4 Traditional Chinese
    t4 = TX['r4']
    simp_only = '团这们区县为发员动会与岛门间乡学记东华侨协议组织经书龙时广场实见过联业纪闻语说读资审带报参营赛军队览园体两'
    bad = sorted(set(ch for ch in t4 if ch in simp_only))
    need(not bad, f'r4 simplified characters present: {bad}')
    need(all(x in t4 for x in ('團', '紀要', '金門', '協會', '參與')), 'r4 traditional forms')
    acts = re.findall(r'（[一二三四五]）(\S+)　(\d+)　(\d+)　(\d+)', t4)
    need(len(acts) == 5 and all(int(a[1]) + int(a[2]) == int(a[3]) for a in acts), 'r4 activity rows')
    qz, jm = sum(int(a[1]) for a in acts), sum(int(a[2]) for a in acts)
    need(re.search(rf'合計　{qz}　{jm}　{qz + jm}', t4) is not None, 'r4 合計')
    need(f'泉州青年參與{qz}人次、金門青年參與{jm}人次，合計{qz + jm}人次' in NT['r4'], 'r4 prose')
    need(f'系列活动5场，两地青年参与{qz + jm}人次，其中金门青年{jm}人次' in NT['r1'] and len(acts) == 5, 'r4/r1 泉金')
    need([a[0] for a in acts if int(a[2]) > int(a[1])] == ['閩南文化青年論壇'], 'r4 only the forum has more Kinmen youth')
    for a in acts:
        m = re.search(rf'{a[0]}。.*?泉州青年(\d+)人、金門青年(\d+)人', NT['r4'])
        need(m and (m.group(1), m.group(2)) == (a[1], a[2]), f'r4 prose vs table {a[0]}')

    # ---------------- R5 html + svg
    raw5 = open(P['r5'], encoding='utf-8').read()
    svg = re.search(r'(?s)<svg.*?</svg>', raw5)
    need(svg is not None, 'r5 svg')
    sv = svg.group(0)
    bars = re.findall(r'<text[^>]*text-anchor="end"[^>]*>([^<]+)</text>\s*<rect[^>]*width="(\d+)"[^>]*/>\s*<text[^>]*>(\d+)</text>', sv)
    need(len(bars) == 10, f'r5 bars {len(bars)}')
    need(all(int(w) == 6 * int(v) for _, w, v in bars), 'r5 bar widths ∝ values')
    outside = norm(untag(raw5.replace(sv, '')))
    for name, _, v in bars:
        need(f'{name}{v}' not in outside and f'{v}支' not in outside.replace('268支', '').replace('40支', '').replace('30支', ''), f'r5 svg value {name} {v} in prose')
    sx = sum(int(v) for _, _, v in bars)
    need(f'社会实践团队{sx}支' in NT['r5'] and f'社会实践团队{sx}支' in NT['r1'], 'r5/r1 三下乡 total')
    need(max(bars, key=lambda b_: int(b_[2]))[0] == '华侨大学' and '华侨大学组建的团队数量最多' in NT['r1'], 'r5/r1 max school')
    need(min(bars, key=lambda b_: int(b_[2]))[0] == '泉州海洋职业学院', 'r5 min school')
    need('参与学生4,126名，其中市级重点团队40支' in NT['r5'] and '参与学生4,126名，其中市级重点团队40支' in NT['r1'], 'r5/r1 students')

    # ---------------- R6 PDF
    from pypdf import PdfReader
    pages = [p.extract_text() for p in PdfReader(P['r6']).pages]
    need(len(pages) >= 4, 'r6 pages')
    toc = re.findall(r'([一二三四五六]、\S+)\s*\.{10,}\s*(\d+)', pages[0])
    need(len(toc) == 6 and '目' in pages[0], f'r6 TOC {toc}')
    for h, pg in toc:
        on = [i + 1 for i, p in enumerate(pages) if i > 0 and re.search(r'(^|\n)\s*' + re.escape(h) + r'\s*\n', p)]
        need(on == [int(pg)], f'r6 TOC page {h}: {pg} vs {on}')
    for i, p in enumerate(pages[1:], start=2):
        need(p.count('泉州市青年志愿服务发展报告（2025）') >= 1 and f'— {i} —' in p, f'r6 header/footer on page {i}')
    need('— 1 —' not in pages[0], 'r6 cover has no footer')
    cells = re.findall(r'(\S+?)\n(\d[\d,]*)\n(\d[\d,]*)\n(\d+\.\d)', TX['r6'])
    vol = {c_[0]: (int(num(c_[1])), int(num(c_[2])), float(c_[3])) for c_ in cells}
    need(len(vol) == 15, f'r6 table rows {len(vol)}')
    vu = [u for u in vol if u != '全市合计']
    for ci in range(3):
        need(abs(sum(vol[u][ci] for u in vu) - vol['全市合计'][ci]) < 0.05, f'r6 column {ci}')
    need(max(vu, key=lambda u: vol[u][2]) == '晋江市' and f'晋江市服务时长{vol["晋江市"][2]}万小时，居各地首位' in NT['r6'], 'r6 max')
    need(f'全年志愿服务时长{vol["全市合计"][2]:.1f}万小时，登记志愿服务组织{vol["全市合计"][0]:,}个' in NT['r1'], 'r6/r1 时长/组织')
    need(f'全市注册青年志愿者{tot[4]:,}名' in NT['r6'], 'r6/r1 志愿者')
    m = re.search(r'注册青年志愿者人均服务([\d.]+)小时', NT['r6'])
    need(m and f'{vol["全市合计"][2] * 10000 / tot[4]:.1f}' == m.group(1), 'r6 人均')
    need('全市在岗西部计划志愿者163名，其中2025年新招募86名' in NT['r6'] and '新招募西部计划志愿者86名' in NT['r1'], 'r6/r1 西部计划')
    need('1.9万人次' in NT['r6'] and '提供志愿服务1.9万人次' in NT['r1'], 'r6/r1 大型活动')

    # ---------------- R7 markdown with raw html table
    raw7 = open(P['r7'], encoding='utf-8').read()
    need('<table>' in raw7 and 'rowspan="3"' in raw7 and 'colspan="3"' in raw7 and '|---' not in raw7, 'r7 raw html table')
    trs = re.findall(r'<tr>(.*?)</tr>', raw7)
    qm, group = [], None
    for tr in trs[1:]:
        tds = re.findall(r'<td[^>]*>(.*?)</td>', tr)
        tds = [re.sub(r'<[^>]+>', '', x) for x in tds]
        if tds[0] == '合计':
            total7 = int(tds[1]); continue
        if len(tds) == 7:
            group = tds[0]; tds = tds[1:]
        qm.append([group] + tds)
    need(len(qm) == 8 and sum(int(r[3]) for r in qm) == total7, 'r7 table sum')
    gs = Counter()
    for r in qm:
        gs[r[0]] += int(r[3])
    need(f'其中高校学员{gs["高校班"]}名、青年干部{gs["青年干部班"]}名、社会青年{gs["社会青年班"]}名、少先队辅导员{gs["少先队辅导员班"]}名' in NT['r7'], 'r7 group sums vs prose')
    need(f'培训班{len(qm)}期，培训学员{total7}名' in NT['r7'] and f'培训班{len(qm)}期、培训学员{total7}名' in NT['r1'], 'r7/r1 青马 2026')
    need(max(qm, key=lambda r: int(r[3]))[1] == '第6期' and [g for g, n in Counter(r[0] for r in qm).items() if n == 1] == ['少先队辅导员班'], 'r7 max / single-class group')
    need([r[1] for r in qm if r[6] == '中共泉州市委党校'] == ['第4期', '第5期'], 'r7 党校 classes')

    # ---------------- R8 xlsx pivot
    import openpyxl
    wb = openpyxl.load_workbook(P['r8'])
    ws = wb['透视汇总']
    need(ws['A2'].value == '单位：千元' and ws['A5'].value == '行标签' and ws['A4'].value.startswith('求和项'), 'r8 pivot layout')
    piv = {}
    for row in ws.iter_rows(min_row=6, values_only=True):
        if row[0]:
            piv[row[0]] = [x or 0 for x in row[1:6]]
    pu = [u for u in piv if u != '总计']
    for u in pu:
        need(abs(sum(piv[u][:4]) - piv[u][4]) < 1e-6, f'r8 row {u}')
    for ci in range(5):
        need(abs(sum(piv[u][ci] for u in pu) - piv['总计'][ci]) < 1e-6, f'r8 column {ci}')
    need(f'全年拨付希望工程资助资金{piv["总计"][4] / 10:.2f}万元' in NT['r1'], 'r8/r1 千元 → 万元')
    need(max(pu, key=lambda u: piv[u][4]) == '晋江市', 'r8 max')
    need(piv['安溪县'][4] > max(piv['永春县'][4], piv['德化县'][4]) and piv['永春县'][4] > piv['德化县'][4], 'r8 山区县')
    need(set(pu) == set(UNITS) | {'市本级'}, 'r8 units')
    need(abs(piv['总计'][1] * 1000 / 228 - 6000) < 1e-6, 'r8 希望小屋 1,368千元 / 228间 = 6,000元')

    # ---------------- weekdays
    nwd = 0
    for k, t in TX.items():
        for m in re.finditer(r'(?:(\d{4})年)?(?<!\d)(\d{1,2})月(\d{1,2})日（星期(.)）', t):
            y = int(m.group(1)) if m.group(1) else YEAR[k]
            w = WEEK[datetime.date(y, int(m.group(2)), int(m.group(3))).weekday()]
            need(w == m.group(4), f'{k}: weekday {m.group(0)} should be {w}')
            nwd += 1
    need(nwd >= 20, f'weekday dates {nwd}')
    info['weekday dates'] = nwd
    info.update(chart=chart, t1=t1, T2=T2, Q=Q, vol=vol, piv=piv, qm=qm, total7=total7, acts=acts, data=data, tot=tot)
    return NT, info


# ============================================================ gold / followups / cross
DERIVED = {   # question -> function(NT) giving the first answer
    '2024年青年大学习团员参学率是多少': lambda NT: (lambda m: f'{float(m.group(1)) - float(m.group(2)):.1f}%')(
        re.search(r'团员参学率达到([\d.]+)%，比上年提高([\d.]+)个百分点', NT['r1'])),
    '2025年青年发展型城市专项经费是多少': lambda NT: (lambda m: f'{int(m.group(1)) - int(m.group(2))}万元')(
        re.search(r'专项经费(\d+)万元，比2025年增加(\d+)万元', NT['r2'])),
    '2024年底全市注册青年志愿者有多少名': lambda NT: (lambda m: f'{int(num(m.group(1))) - int(num(m.group(2))):,}名')(
        re.search(r'全市注册青年志愿者([\d,]+)名，比上年底增加([\d,]+)名', NT['r6'])),
}


def check_sets(NT, info, errs):
    def need(cond, m):
        if not cond:
            errs.append(m)
    byname = {f: k for k, f in R.items()}
    alln = ''.join(NT.values())
    used = set()

    def check_q(q, where):
        if q['type'] == 'unanswerable':
            ks = [k for k in ABSENT if k in q['question']] + ([FOLLOW_ABSENT[q['question']]] if q['question'] in FOLLOW_ABSENT else [])
            need(ks and q['answers'] == [] and q['doc'] is None and q['evidence'] == '', f'{where}: unanswerable without key {q["question"]}')
            used.update(ks)
            return
        k = byname.get(q['doc'])
        need(k is not None, f'{where}: doc {q["doc"]}')
        ev = norm(q['evidence'])
        need(ev and ev in NT.get(k, ''), f'{where}: evidence not in {q["doc"]}: {q["evidence"][:60]}')
        need(bool(q['answers']), f'{where}: no answers')
        if q['question'] in DERIVED:
            need(q['answers'][0] == DERIVED[q['question']](NT), f'{where}: derived answer {q["answers"][0]}')
        elif q['type'] == 'list':
            need(all(norm(a) in ev for a in q['answers']), f'{where}: list item missing')
        else:
            need(any(norm(a) in ev for a in q['answers']), f'{where}: answer not in evidence {q["answers"]}')
        for a in q['answers']:
            m = re.match(r'^(约|近|超过|不少于|\+)?([\d,]+(?:\.\d+)?)', a)
            if m and ',' in m.group(2):
                need((m.group(1) or '') + m.group(2).replace(',', '') + a[m.end():] in q['answers'], f'{where}: comma-less form missing for {a}')

    gold = [json.loads(l) for l in open(os.path.join(BASE, 'gold.jsonl'), encoding='utf-8')]
    need([q['id'] for q in gold] == [f'b62-q{i:03d}' for i in range(1, len(gold) + 1)], 'gold ids')
    need(550 <= len(gold) <= 750, 'gold count')
    need(len(set(q['question'] for q in gold)) == len(gold), 'duplicate questions')
    for q in gold:
        check_q(q, q['id'])
    G = {q['question']: q for q in gold}
    # rank/extreme answers recomputed from the parsed reports
    ch, piv, vol = info['chart'], info['piv'], info['vol']
    exp = {'哪个县（市、区）青年夜校开班最多': max(ch, key=ch.get), '夜校开班最少的是哪个地方': min(ch, key=ch.get),
           '希望工程资金总计最多的是哪个地方': max((u for u in piv if u != '总计'), key=lambda u: piv[u][4]),
           '志愿服务时长最多的是哪个县（市、区）': max((u for u in vol if u != '全市合计'), key=lambda u: vol[u][2]),
           '台账里贷款金额最小的是谁': min(info['data'], key=lambda r: num(r[8]))[2],
           '青创贷申请人里年纪最小的是谁': max(info['data'], key=lambda r: r[4])[2],
           '青马培训名额最多的是哪一期': max(info['qm'], key=lambda r: int(r[3]))[1]}
    for qq, a in exp.items():
        need(qq in G and G[qq]['answers'][0] == a, f'rank answer {qq} -> {a}')
    nun = sum(q['type'] == 'unanswerable' for q in gold)
    nen = sum(not re.search(r'[\u4e00-\u9fff]', q['question']) for q in gold)
    need(0.11 <= nun / len(gold) <= 0.15, f'unanswerable share {nun / len(gold):.3f}')
    need(0.08 <= nen / len(gold) <= 0.13, f'English share {nen / len(gold):.3f}')
    per = Counter(byname.get(q['doc'], '-') for q in gold)
    need(0.25 <= per['r1'] / len(gold) <= 0.30, f'r1 share {per["r1"] / len(gold):.3f}')
    need(all(per[k] >= 40 for k in R), f'per-report counts {per}')

    fus = [json.loads(l) for l in open(os.path.join(BASE, 'followups.jsonl'), encoding='utf-8')]
    nt = nfu = 0
    for c in fus:
        need(c['corpus'] == 'reports', 'followup corpus')
        for t in c['turns']:
            check_q(t, t['id']); nt += 1
            nfu += t['type'] == 'unanswerable'
    need(8 <= len(fus) <= 10 and 40 <= nt <= 55, f'followup counts {len(fus)}/{nt}')
    for key in ABSENT + list(FOLLOW_ABSENT.values()):
        need(norm(key) not in alln, f'ABSENT key {key} occurs in a report')
    for key in ABSENT:
        need(key in used, f'ABSENT key {key} unused')

    cross = [json.loads(l) for l in open(os.path.join(BASE, 'cross.jsonl'), encoding='utf-8')]
    need(15 <= len(cross) <= 20, 'cross count')
    for x in cross:
        need(x['type'] == 'cross' and len(set(x['docs'])) >= 2 and len(x['docs']) == len(x['evidence']), f'{x["id"]}: docs')
        for d, e in zip(x['docs'], x['evidence']):
            need(norm(e) in NT[byname[d]], f'{x["id"]}: evidence {e[:40]}')
        if x['kind'] == 'mention':
            name = x['question'][len('哪些材料提到了'):-1]
            found = [R[k] for k in sorted(NT) if norm(name) in NT[k]]
            need(found == x['docs'] and len(x['answers']) == len(found), f'{x["id"]}: mention recomputed {found}')
    A = {x['id']: x['answers'] for x in cross}
    T2, t1, tot = info['T2'], info['t1'], info['tot']
    need(A['cross62-01'][0] == f'{info["total7"] - 412}名', 'cross01')
    need(A['cross62-02'][0] == f'{30 - int(T2["青年人才驿站（个）"][0])}个', 'cross02')
    need(A['cross62-03'][0] == f'{6000 - int(T2["青年见习岗位（个）"][0]):,}个', 'cross03')
    a, b = T2['12355服务（人次）'][:2]
    need(A['cross62-04'] == [f'{int(a):,}人次', f'{int(b):,}人次', pct(b - a, a)], 'cross04')
    need(A['cross62-05'][:2] == [f'{int(T2["青年之家（个）"][0])}个', f'{tot[3]}个'], 'cross05')
    need(A['cross62-06'][:2] == [DERIVED['2024年底全市注册青年志愿者有多少名'](NT), f'{tot[4]:,}名'], 'cross06')
    need(A['cross62-07'][:2] == [f'{int(T2["青年夜校（期）"][0])}期', f'{sum(ch.values())}期'], 'cross07')
    need(t1['晋江市'][5] > t1['南安市'][5] and piv['晋江市'][4] > piv['南安市'][4] and A['cross62-08'][0] == '晋江市', 'cross08')
    need(ch['德化县'] > ch['永春县'] and piv['永春县'][4] > piv['德化县'][4], 'cross09')
    need(abs(piv['总计'][4] / 10 - float(re.search(r'希望工程资助资金([\d.]+)万元', NT['r1']).group(1))) < 1e-9 and A['cross62-10'][0] == '一致', 'cross10')
    need(f'核定贴息{sum(int(num(r[11])) for r in info["data"]):,}元' in NT['r1'] and A['cross62-11'][0] == '一致', 'cross11')
    jm = sum(int(x[2]) for x in info['acts'])
    need(620 > jm and A['cross62-12'][0] == '台湾青少年研学团', 'cross12')
    big = sorted(set(r[1] for r in info['data'] if num(r[8]) == 300000))
    need(big == sorted(['晋江市', '石狮市', '德化县', '南安市']) and max(big, key=lambda u: ch[u]) == A['cross62-13'][0], 'cross13')
    need(max(['安溪县', '永春县', '德化县'], key=lambda u: vol[u][2]) == A['cross62-14'][0] == max(['安溪县', '永春县', '德化县'], key=lambda u: piv[u][4]), 'cross14')
    need(A['cross62-16'][0] == f'{412 + info["total7"]}名', 'cross16')
    return dict(gold=len(gold), types=dict(Counter(q['type'] for q in gold)), per=dict(per), english=nen, unanswerable=nun,
                followups=(len(fus), nt, nfu), cross=(len(cross), dict(Counter(x['kind'] for x in cross))))


def mutation_test():
    d = tempfile.mkdtemp(prefix='b62mut.')
    try:
        for f in R.values():
            shutil.copy(os.path.join(BASE, 'reports', f), d)
        # 1) change 晋江's cached chart value 94 -> 49 inside the docx chart part
        p = os.path.join(d, R['r1'])
        zin = zipfile.ZipFile(p); items = {n: zin.read(n) for n in zin.namelist()}; zin.close()
        items['word/charts/chart1.xml'] = items['word/charts/chart1.xml'].replace(b'<c:v>94</c:v>', b'<c:v>49</c:v>', 1)
        with zipfile.ZipFile(p, 'w', zipfile.ZIP_DEFLATED) as zout:
            for n, b in items.items():
                zout.writestr(n, b)
        # 2) change one loan amount in the GBK csv
        c = os.path.join(d, R['r3'])
        raw = open(c, 'rb').read().decode('gbk').replace('"150,000",24,2025-03-20', '"160,000",24,2025-03-20', 1)
        open(c, 'wb').write(raw.encode('gbk'))
        errs = []
        check_all(d, errs, full=False)
        return errs
    finally:
        shutil.rmtree(d)
        assert not os.path.exists(d)


def main():
    errs = []
    NT, info = check_all(os.path.join(BASE, 'reports'), errs)
    summary = check_sets(NT, info, errs)
    merrs = mutation_test()
    if not merrs:
        errs.append('mutation test: mutated reports passed')
    if errs:
        print('\n'.join(errs[:80]))
        print(f'FAILED ({len(errs)})')
        sys.exit(1)
    print(f'reports: {len(R)} (.docx .pptx .csv .txt .html .pdf .md .xlsx); long report {info["r1 chars"]} Chinese characters in body paragraphs; '
          f'{info["weekday dates"]} weekday dates checked')
    print(f'gold: {summary["gold"]} questions {summary["types"]}')
    print(f'  per report: {summary["per"]}')
    print(f'  English {summary["english"]} ({summary["english"] / summary["gold"]:.1%}), unanswerable {summary["unanswerable"]} '
          f'({summary["unanswerable"] / summary["gold"]:.1%})')
    print(f'followups: {summary["followups"][0]} conversations, {summary["followups"][1]} turns ({summary["followups"][2]} unanswerable)')
    print(f'cross: {summary["cross"][0]} {summary["cross"][1]}')
    print(f'mutation test: {len(merrs)} failures detected as expected (e.g. {merrs[0]}); scratch dir removed')
    print('OK')


if __name__ == '__main__':
    main()
