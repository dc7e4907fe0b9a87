#!/usr/bin/env python3
"""Independent checker for blind66 (泸州).

Uses only the standard library + pypdf and openpyxl; imports nothing from src/.  It re-extracts every report with its
own code and checks
  * the layouts: a docx with a DrawingML text box stored as mc:AlternateContent (wps Choice + VML Fallback, the text
    box text must be read once, not twice), tab-stop dot-leader lines and tables whose header row repeats on every
    page (w:tblHeader; the 36-row 附件 table cannot fit on one page); a PDF whose values live only in AcroForm text
    fields (/V, NeedAppearances) plus a 附表 printed rotated 90° on a portrait page (rows rebuilt from glyph positions);
    an xlsx with collapsed row-outline groups (SUBTOTAL summary rows above hidden detail rows) and data-validation
    drop-down lists; a pptx whose table continues over two slides (合计 only on the second) and auto-numbered bullets
    (a:buAutoNum); an html page whose tables sit in tab panels hidden with display:none, with <thead> colspan/rowspan
    and <th scope=row>; Markdown definition lists; a txt tree diagram (├─ └─); a CSV with BOM, a `sep=;` line,
    semicolon delimiter and quoted cells holding ';' and a line break;
  * every evidence string occurs (whitespace ignored) in its report's extracted text and contains the answer;
  * sums, rates, shares, subtotal formulas, cross-report equalities and weekdays;
  * unanswerable keys (in their question, in no report), shares of unanswerable / English, follow-ups, cross answers;
  * a mutation test: mutated copies of reports in a mkdtemp scratch dir must fail; the dir is deleted.
Prints the counts and OK, exits 0 when everything holds.  `python verify.py dump` prints every extracted text.
"""
import os, re, sys, io, csv, json, zipfile, datetime, shutil, tempfile, posixpath
from collections import Counter, defaultdict
from html.parser import HTMLParser
from xml.etree import ElementTree as ET

BASE = os.path.dirname(os.path.abspath(__file__))
R = {
    'r1': 'luzhou_2025_tuanshiwei_quanwei_gongzuo_baogao.docx',
    'r2': 'xuyong_2026_wusi_hongqi_tuanwei_shenbaobiao.pdf',
    'r3': 'luzhou_2026_qingnian_yexiao_kaiban_taizhang.xlsx',
    'r4': 'naxi_2026_qingchun_huhe_zhiyuan_huibao.pptx',
    'r5': 'luzhou_2026_1-10yue_qingnianzhijia_yunying_shuju.html',
    'r6': 'luzhou_2026_tuanshiwei_shujibangonghui_jiyao_di11qi.md',
    'r7': 'gulin_2026_tuanxun_di6qi.txt',
    'r8': 'hejiang_2026_9-11yue_zhiyuanhui_huodong_daochu.csv',
}
TITLE = {'r1': '全委会工作报告', 'r2': '叙永五四红旗团委申报表', 'r3': '青年夜校开班台账', 'r4': '纳溪青春护河汇报',
         'r5': '青年之家运营数据发布', 'r6': '书记办公会议纪要', 'r7': '古蔺团讯', 'r8': '合江志愿汇活动导出'}
C7 = ['江阳区', '龙马潭区', '纳溪区', '泸县', '合江县', '叙永县', '古蔺县']
UNITS = C7 + ['市直机关和“两新”组织', '驻泸高校']
WEEK = '一二三四五六日'
NW = '{http://schemas.openxmlformats.org/wordprocessingml/2006/main}'
NMC = '{http://schemas.openxmlformats.org/markup-compatibility/2006}'
NWPS = '{http://schemas.microsoft.com/office/word/2010/wordprocessingShape}'
NV = 'urn:schemas-microsoft-com:vml'
NA = '{http://schemas.openxmlformats.org/drawingml/2006/main}'
NR = '{http://schemas.openxmlformats.org/officeDocument/2006/relationships}'
NP = '{http://schemas.openxmlformats.org/presentationml/2006/main}'
NPR = '{http://schemas.openxmlformats.org/package/2006/relationships}'

ABSENT = ['宜宾', '自贡', '内江', '乐山', '眉山', '遵义', '毕节', '绵阳', '重庆', '成都', '达州', '南充', 'Yibin', 'Zigong', 'Chongqing', 'Chengdu',
          '2024年', '2022年', '2021年', '2020年', '2026年上半年', '2025年一季度', '12月份', 'in 2024', 'in 2022', '2027年底',
          '团江阳区委书记', '团龙马潭区委书记', '团纳溪区委书记', '团合江县委书记', '团古蔺县委书记', '团泸县县委书记', '西南医科大学团委书记',
          '市长', '少工委主任', '组织部部长', '宣传部部长', 'mayor', 'secretary of Hejiang', 'secretary of Gulin',
          '女团员', '团费', '建筑面积', '门票', '邮箱', '床位', '平均年龄', '满意度', '预算', '保险金额', 'female', 'budget', 'e-mail', 'average age',
          '叙永县12355', '江阳区返家乡上岗', '龙马潭区2025年青年夜校', '古蔺县青马班', '护河行动经费', '几架无人机', '护河队员里女生', '完赛人数',
          '授课老师', '课时', '名选手', '二等奖', '渡口接待游客', '郎酒集团青年职工', '活动经费', '评审得分', '古蔺中学有多少学生', '房费', '接通率',
          '服务人次同比', '学费', '龙马潭区志愿服务时长', '西部计划志愿者里女生', '白节河有多长', '产业园面积', '第六项议定事项', 'pass rate',
          'kilograms', '外地游客', '合江县青年夜校2025年', '龙马潭区护河队', '江阳区2026年发展团员任务', '纳溪区2026年青年之家新建计划',
          '古蔺县2025年志愿服务时长', '实践补贴标准', 'register in 2026', 'phone number of the Naxi']
FOLLOW_ABSENT = {'2024年呢？': '2024年', '其中女队员多少？': '女队员', '2024年的呢？': '2024年', '团古蔺县委书记是谁？': '团古蔺县委书记',
                 '合江马拉松完赛人数多少？': '完赛人数', '买无人机花了多少钱？': '无人机花了多少钱', '11月份呢？': '11月份',
                 '其中女生多少？': '西部计划志愿者里女生', 'What about their insurance budget?': 'budget'}


def norm(s):
    return re.sub(r'\s+', '', s)


def num(s):
    return float(str(s).replace(',', '').rstrip('%'))


def pct(a, b):
    return f'{a / b * 100 + 1e-9:.1f}%'


# ============================================================ extraction (own code)
def w_text(el, skip_txbx=True):
    """text of a w:p as a reader sees it: w:t, w:tab -> tab, no mc:Fallback copy, text boxes excluded."""
    out = []

    def walk(e):
        if e.tag == NMC + 'Fallback':
            return
        if skip_txbx and e.tag == NW + 'txbxContent':
            return
        if e.tag == NW + 't':
            out.append(e.text or '')
        elif e.tag == NW + 'tab' and e.get(NW + 'val') is None:
            out.append('\t')
        for ch in e:
            walk(ch)
    walk(el)
    return ''.join(out)


def docx_extract(path):
    z = zipfile.ZipFile(path)
    root = ET.fromstring(z.read('word/document.xml'))
    body = root.find(NW + 'body')
    lines, paras, tables, boxes, leaders = [], [], [], [], []
    for el in body:
        if el.tag == NW + 'p':
            t = w_text(el)
            paras.append(t); lines.append(t.replace('\t', ' '))
            if el.find(f'{NW}pPr/{NW}tabs/{NW}tab[@{NW}leader="dot"]') is not None:
                leaders.append(tuple(t.split('\t')))
            # text boxes: DrawingML (Choice) and VML (Fallback) copies
            choice = [''.join(p2.itertext()) for ch in el.iter(NMC + 'Choice') for tx in ch.iter(NW + 'txbxContent') for p2 in tx.findall(NW + 'p')]
            fall = [''.join(p2.itertext()) for fb in el.iter(NMC + 'Fallback') for tx in fb.iter(NW + 'txbxContent') for p2 in tx.findall(NW + 'p')]
            if choice:
                boxes.append((choice, fall, el.find(f'.//{NWPS}wsp') is not None))
                lines.extend(choice)
        elif el.tag == NW + 'tbl':
            rows = []
            for tr in el.findall(NW + 'tr'):
                cells = [w_text(tc) for tc in tr.findall(NW + 'tc')]
                hdr = tr.find(f'{NW}trPr/{NW}tblHeader') is not None
                rows.append((cells, hdr))
                lines.append(' '.join(cells))
            tables.append(rows)
    return dict(lines=lines, paras=paras, tables=tables, boxes=boxes, leaders=leaders)


def pdf_extract(path):
    from pypdf import PdfReader
    rd = PdfReader(path)
    p1 = rd.pages[0].extract_text()
    fields = []
    af = rd.trailer['/Root'].get('/AcroForm')
    need_app = bool(af and af.get_object().get('/NeedAppearances'))
    for a in rd.pages[0].get('/Annots', []):
        a = a.get_object()
        if a.get('/FT') == '/Tx':
            fields.append((str(a['/T']), str(a.get('/TU', '')), str(a.get('/V', '')), a.get('/AP') is None))
    glyphs = []

    def vis(text, cm, tm, fd, fs):
        if text.strip():
            x = cm[0] * tm[4] + cm[2] * tm[5] + cm[4]
            y = cm[1] * tm[4] + cm[3] * tm[5] + cm[5]
            glyphs.append((text.strip(), round(x, 1), round(y, 1), (round(cm[0], 3), round(cm[1], 3))))
    rd.pages[1].extract_text(visitor_text=vis)
    rotated = [g for g in glyphs if g[3] == (0.0, 1.0)]
    upright = [g for g in glyphs if g[3] != (0.0, 1.0)]
    rows = defaultdict(list)
    for t, x, y, _ in rotated:                     # reader's row = one device x (baseline), cells ordered by device y
        rows[round(x)].append((y, t))
    p2rows = [[t for _, t in sorted(v)] for k, v in sorted(rows.items())]
    lines = p1.split('\n') + [f'{tu} {v}' for _, tu, v, _ in fields] + [' '.join(r) for r in p2rows] + [g[0] for g in upright]
    return dict(lines=lines, fields=fields, p2rows=p2rows, need_app=need_app, n_rot=len(rotated), n_up=len(upright), p1=p1)


def xl_disp(v, fmt):
    if v is None:
        return ''
    if isinstance(v, (int, float)) and not isinstance(v, bool):
        if fmt and fmt.startswith('#,##0'):
            return f'{int(round(v)):,}'
        return str(int(v)) if float(v) == int(v) else str(v)
    return str(v)


def xlsx_extract(path):
    import openpyxl
    wf = openpyxl.load_workbook(path)
    wv = openpyxl.load_workbook(path, data_only=True)
    lines, info = [], {}
    for ws in wf.worksheets:
        wsv = wv[ws.title]
        for row in ws.iter_rows():
            cells = []
            for c in row:
                d = xl_disp(wsv[c.coordinate].value, c.number_format)
                if d != '':
                    cells.append(d)
            if cells:
                lines.append(' '.join(cells))
        for dv in ws.data_validations.dataValidation:
            lines.append(f'{dv.formula1.strip(chr(34))}')
            if dv.prompt:
                lines.append(dv.prompt)
    info['wf'], info['wv'] = wf, wv
    return dict(lines=lines, **info)


def pptx_extract(path):
    z = zipfile.ZipFile(path)

    def rels(part):
        folder, name = posixpath.split(part)
        rp = f'{folder}/_rels/{name}.rels'
        return {r.get('Id'): posixpath.normpath(posixpath.join(folder, r.get('Target'))) for r in ET.fromstring(z.read(rp)).iter(NPR + 'Relationship')}
    prel = rels('ppt/presentation.xml')
    slides = []
    for sid in ET.fromstring(z.read('ppt/presentation.xml')).find(NP + 'sldIdLst'):
        root = ET.fromstring(z.read(prel[sid.get(NR + 'id')]))
        texts, tables, numbered = [], [], []
        for shp in root.find(f'{NP}cSld/{NP}spTree'):
            if shp.tag == NP + 'sp' and shp.find(NP + 'txBody') is not None:
                paras, k = [], 0
                for p in shp.find(NP + 'txBody').findall(NA + 'p'):
                    t = ''.join(x.text or '' for x in p.iter(NA + 't'))
                    auto = p.find(f'{NA}pPr/{NA}buAutoNum')
                    if auto is not None:
                        k += 1
                        numbered.append((k, t))
                        t = f'{k}. {t}'
                    paras.append(t)
                texts.append('\n'.join(paras))
            elif shp.tag == NP + 'graphicFrame':
                tbl = shp.find(f'.//{NA}tbl')
                if tbl is not None:
                    rows = [[''.join(x.text or '' for x in tc.iter(NA + 't')) for tc in tr.findall(NA + 'tc')] for tr in tbl.findall(NA + 'tr')]
                    tables.append(rows)
                    texts.append('\n'.join(' '.join(c for c in r if c) for r in rows))
        slides.append(dict(texts=texts, tables=tables, numbered=numbered))
    return dict(lines=[t for s in slides for t in s['texts']], slides=slides)


class H(HTMLParser):
    BLOCK = {'p', 'div', 'li', 'tr', 'h1', 'h2', 'h3', 'h4', 'caption', 'table', 'ul', 'thead', 'tbody', 'form'}

    def __init__(self):
        super().__init__()
        self.buf, self.skip = [], 0
        self.tables, self.cur, self.row, self.cell = [], None, None, None
        self.panels, self.panel = {}, None

    def handle_starttag(self, tag, a):
        a = dict(a)
        if tag in ('script', 'style', 'head'):
            self.skip += 1
        if tag in self.BLOCK:
            self.buf.append('\n')
        if tag == 'div' and 'tab-panel' in (a.get('class') or ''):
            self.panel = a.get('id'); self.panels[self.panel] = a.get('style', '')
        if tag == 'table':
            self.cur = dict(panel=self.panel, rows=[], caption='')
        if tag == 'tr':
            self.row = []
        if tag in ('td', 'th'):
            self.cell = [tag, a.get('scope'), int(a.get('colspan', 1)), int(a.get('rowspan', 1)), '']

    def handle_endtag(self, tag):
        if tag in ('script', 'style', 'head'):
            self.skip -= 1
        if tag in ('td', 'th'):
            self.row.append(self.cell); self.buf.append(' '); self.cell = None
        if tag == 'tr':
            self.cur['rows'].append(self.row)
        if tag == 'table':
            self.tables.append(self.cur); self.cur = None
        if tag in self.BLOCK:
            self.buf.append('\n')

    def handle_data(self, d):
        if self.skip:
            return
        self.buf.append(d)
        if self.cell is not None:
            self.cell[4] += d


def html_extract(raw):
    h = H()
    h.feed(raw)
    text = ''.join(h.buf)
    lines = [re.sub(r'[ \t]+', ' ', l).strip() for l in text.split('\n')]
    return dict(lines=[l for l in lines if l], tables=h.tables, panels=h.panels)


def csv_extract(raw):
    has_bom = raw.startswith(b'\xef\xbb\xbf')
    s = raw.decode('utf-8-sig')
    first, rest = s.split('\r\n', 1)
    rows = list(csv.reader(io.StringIO(rest, newline=''), delimiter=';'))
    lines = [' '.join(c for c in r if c) for r in rows]
    return dict(lines=lines, rows=rows, bom=has_bom, sep=first, crlf=s.count('\r\n'))


def extract(path):
    ext = path.rsplit('.', 1)[1]
    raw = open(path, 'rb').read()
    if ext == 'docx':
        return docx_extract(path)
    if ext == 'pdf':
        return pdf_extract(path)
    if ext == 'xlsx':
        return xlsx_extract(path)
    if ext == 'pptx':
        return pptx_extract(path)
    if ext == 'html':
        return html_extract(raw.decode('utf-8'))
    if ext == 'csv':
        return csv_extract(raw)
    return dict(lines=raw.decode('utf-8').split('\n'))


# ============================================================ report checks
def check_all(rd, errs):
    def need(cond, m):
        if not cond:
            errs.append(m)
    E = {k: extract(os.path.join(rd, f)) for k, f in R.items()}
    NT = {k: norm('\n'.join(e['lines'])) for k, e in E.items()}
    info = {'weekdays': 0}
    # ---------------- r1
    e1 = E['r1']
    t1 = {}
    tab1, tab2 = e1['tables']
    for cells, _ in tab1[1:]:
        t1[cells[0]] = cells[1:]
    need(list(t1) == UNITS + ['全市合计'], 'r1 表1 units')
    for j in (0, 1, 2, 4, 5, 6, 7):
        col = [num(t1[u][j]) for u in UNITS if t1[u][j] != '—']
        need(sum(col) == num(t1['全市合计'][j]), f'r1 表1 column {j} sum')
    for u in UNITS + ['全市合计']:
        need(pct(num(t1[u][2]), num(t1[u][1])) == t1[u][3], f'r1 完成率 {u}')
    below = [u for u in UNITS if num(t1[u][2]) < num(t1[u][1])]
    need(below == ['泸县', '古蔺县'], f'r1 below plan {below}')
    need(tab1[0][1] and tab2[0][1] and not any(h for _, h in tab1[1:]) and not any(h for _, h in tab2[1:]), 'r1 tblHeader only on the header rows')
    need(len(tab2) == 37 and [c[0] for c, _ in tab2[1:]] == [str(i) for i in range(1, 37)], 'r1 附件 36 rows')
    cnt = Counter(c[2] for c, _ in tab2[1:])
    for u in UNITS:
        need(cnt.get(u, 0) == int(t1[u][5]), f'r1 名录 count {u} vs 表1 当年新建')
    need(len(e1['boxes']) == 1 and e1['boxes'][0][0] == e1['boxes'][0][1] and e1['boxes'][0][2], 'r1 text box Choice/Fallback')
    box = '\n'.join(e1['boxes'][0][0])
    joined_paras = '\n'.join(e1['paras'])
    need('春季班132期' not in joined_paras, 'r1 text box text leaks into body paragraphs')
    m = re.search(r'春季班(\d+)期、秋季班(\d+)期', box)
    need(m and int(m.group(1)) + int(m.group(2)) == 286, 'r1 text box 132 + 154 = 286')
    L = dict(e1['leaders'])
    need(len(e1['leaders']) == 8, 'r1 dot-leader lines')
    tot = t1['全市合计']
    need(L.get('新发展团员') == f'{tot[2]}名（完成年度计划的{tot[3]}）', 'r1 leader 团员')
    need(L.get('新建“青年之家”') == f'{tot[5]}个（全市总数{tot[4]}个）', 'r1 leader 青年之家')
    need(L.get('注册青年志愿者', '').startswith(tot[6] + '名'), 'r1 leader 志愿者')
    need(L.get('“返家乡”实践岗位', '').startswith(tot[7] + '个'), 'r1 leader 返家乡')
    body = norm(joined_paras)
    need(f'全年新发展团员{tot[2]}名，完成年度计划{tot[1]}名的{tot[3]}' in body, 'r1 prose = 表1 totals')
    need(f'其中驻泸高校发展{t1["驻泸高校"][2]}名，占全市新发展总数的{pct(num(t1["驻泸高校"][2]), num(tot[2]))}' in body, 'r1 高校 share')
    need(f'全市共有团员{tot[0]}名，其中驻泸高校{t1["驻泸高校"][0]}名' in body, 'r1 团员 total')
    need(f'江阳区发展团员{t1["江阳区"][2]}名' in body and max(C7, key=lambda c: num(t1[c][2])) == '江阳区', 'r1 江阳 top')
    need(f'泸县、古蔺县分别完成计划的{t1["泸县"][3]}和{t1["古蔺县"][3]}' in body, 'r1 泸县/古蔺 rates')
    need(f'实际上岗1,438名，上岗率{pct(1438, num(tot[7]))}' in body and f'征集寒暑期实践岗位{tot[7]}个' in body, 'r1 返家乡')
    need(f'江阳区提供岗位{t1["江阳区"][7]}个' in body and max(C7, key=lambda c: num(t1[c][7])) == '江阳区', 'r1 返家乡 江阳 first')
    need('新生628名' in body and 436 + 192 == 628 and 436 * 5000 + 192 * 3000 == 2756000 and '275.6万元' in body, 'r1 圆梦')
    need(f'全市总数达到{tot[4]}个' in body and f'新建“青年之家”{tot[5]}个' in body, 'r1 青年之家 prose')
    need(f'注册青年志愿者达到{tot[6]}名' in body, 'r1 志愿者 prose')
    need('4,600名，其中七个县（区）2,660名、市直机关和“两新”组织240名、驻泸高校1,700名' in body and 2660 + 240 + 1700 == 4600, 'r1 2026 团员 split')
    need(f'到年底总数达到{int(tot[4]) + 30}个' in body, 'r1 2026 青年之家 target')
    nchars = sum(len(re.findall(r'[\u4e00-\u9fff]', p)) for p in e1['paras'])
    need(nchars >= 3500, f'r1 chars {nchars}')
    info['r1chars'] = nchars
    info['t1'] = t1
    # ---------------- r2
    e2 = E['r2']
    F = {tu: v for _, tu, v, _ in e2['fields']}
    need(e2['need_app'] and all(noap for *_, noap in e2['fields']) and len(e2['fields']) == 17, 'r2 AcroForm fields / NeedAppearances')
    for _, tu, v, _ in e2['fields']:
        need(norm(v) not in norm(e2['p1']), f'r2 field value {v[:10]} also printed on the page')
    need(e2['n_up'] == 1 and e2['n_rot'] > 100, f'r2 page 2 rotated text {e2["n_rot"]}/{e2["n_up"]}')
    rows2 = {r[0]: r[1:] for r in e2['p2rows'] if len(r) == 7}
    need(len(rows2) == 16, f'r2 rotated rows {len(rows2)}')
    units2 = [u for u in rows2 if u not in ('单位', '合计')]
    for j in range(6):
        need(sum(num(rows2[u][j]) for u in units2) == num(rows2['合计'][j]), f'r2 附表 column {j}')
    xy = t1['叙永县']
    need(F['团员总数（名）'] == rows2['合计'][1] == xy[0], 'r2 团员 = 附表 = r1')
    need(F['基层团组织（个）'] == rows2['合计'][0], 'r2 团组织')
    need(F['2025年发展团员（名）'] == rows2['合计'][2] == xy[2], 'r2 发展')
    need(F['完成年度计划'] == pct(num(xy[2]), num(xy[1])) == xy[3], 'r2 完成率')
    need(F['青年之家（个）'] == rows2['合计'][3] == xy[4], 'r2 青年之家')
    need(F['注册青年志愿者（名）'] == rows2['合计'][4] == xy[6], 'r2 志愿者')
    sj = F['主要事迹']
    need(f'青年夜校{rows2["合计"][5]}期' in sj and f'新建青年之家{xy[5]}个' in sj and f'岗位{xy[7]}个' in sj, 'r2 事迹 = 附表 / r1')
    need(F['县委意见日期'] == '2026年3月12日' and F['团市委审核日期'] == '2026年3月16日' and '填表日期：2026年3月10日' in e2['p1'], 'r2 dates order')
    zero = [u for u in units2 if rows2[u][3] == '0']
    need(zero == ['两河镇', '落卜镇', '麻城镇'], f'r2 no 青年之家 {zero}')
    info['r2'] = dict(F=F, rows=rows2)
    # ---------------- r3
    e3 = E['r3']
    wf, wv = e3['wf'], e3['wv']
    ws, wsv = wf['开班台账'], wv['开班台账']
    need(ws.sheet_properties.outlinePr.summaryBelow is False, 'r3 summaryBelow')
    sub_rows, det_rows, total_row = [], [], None
    det_group, cur_group = {}, None
    nform = 0
    for r in range(4, ws.max_row + 1):
        b = ws.cell(r, 2).value
        if isinstance(b, str) and b.endswith('小计'):
            sub_rows.append(r); cur_group = b[:-2]
        elif b == '全市合计':
            total_row = r
        elif ws.cell(r, 6).value is not None and ws.cell(r, 3).value:
            det_rows.append(r); det_group[r] = cur_group
    for r in det_rows:
        need(ws.row_dimensions[r].outlineLevel == 1 and ws.row_dimensions[r].hidden, f'r3 detail row {r} outline/hidden')
    for r in sub_rows + [total_row]:
        need(not ws.row_dimensions[r].outlineLevel and not ws.row_dimensions[r].hidden, f'r3 summary row {r}')
    for r in sub_rows + [total_row]:
        for col in 'FGH':
            f = ws[f'{col}{r}'].value
            m = re.fullmatch(r'=SUBTOTAL\(9,([A-Z])(\d+):([A-Z])(\d+)\)', f or '')
            need(m is not None, f'r3 formula {col}{r}')
            if not m:
                continue
            nform += 1
            s = sum(wsv[f'{col}{k}'].value or 0 for k in range(int(m.group(2)), int(m.group(4)) + 1)
                    if not str(ws[f'{col}{k}'].value).startswith('=SUBTOTAL'))
            need(s == wsv[f'{col}{r}'].value, f'r3 SUBTOTAL {col}{r} = {s} vs cached {wsv[f"{col}{r}"].value}')
    dvs = {str(dv.sqref): dv.formula1.strip('"').split(',') for dv in ws.data_validations.dataValidation}
    cats = [v for k, v in dvs.items() if k.startswith('D')][0]
    stats = [v for k, v in dvs.items() if k.startswith('I')][0]
    need(all(ws.cell(r, 4).value in cats for r in det_rows) and all(ws.cell(r, 9).value in stats for r in det_rows), 'r3 values within validation lists')
    used = {ws.cell(r, 4).value for r in det_rows}
    need([c for c in cats if c not in used] == ['心理健康'], 'r3 unused category')
    need([c for c in stats if c not in {ws.cell(r, 9).value for r in det_rows}] == ['已取消'], 'r3 unused status')
    for r in det_rows:
        st, bm, jy = ws.cell(r, 9).value, ws.cell(r, 7).value, ws.cell(r, 8).value
        need((st == '待开班') == (bm == 0) and (st == '已结业') == (jy > 0), f'r3 status row {r}')
        need((st == '待开班') == (ws.cell(r, 5).value == '冬季班'), f'r3 冬季班 row {r}')
    tot3 = [wsv[f'{c}{total_row}'].value for c in 'FGH']
    winter = sum(ws.cell(r, 6).value for r in det_rows if ws.cell(r, 9).value == '待开班')
    info['r3'] = dict(tot=tot3, winter=winter, open=tot3[0] - winter, formulas=nform,
                      sub={ws.cell(r, 2).value[:-2]: [wsv[f'{c}{r}'].value for c in 'FGH'] for r in sub_rows})
    need('全年目标：全市开班不少于320期' in NT['r3'] and '青年夜校开班不少于320期' in NT['r1'], 'r3 target = r1')
    # ---------------- r4
    s4 = E['r4']['slides']
    ta, tb = s4[2]['tables'][0], s4[3]['tables'][0]
    need(ta[0] == tb[0], 'r4 header repeated on both slides')
    body_rows = ta[1:] + tb[1:-1]
    need([r[0] for r in body_rows] == [str(i) for i in range(1, 13)], 'r4 rows 1-12 across two slides')
    last = tb[-1]
    need(last[0] == '合计' and all(r[0] != '合计' for r in ta), 'r4 合计 only on slide 2')
    for j in (2, 3, 4):
        need(sum(int(r[j]) for r in body_rows) == int(last[j]), f'r4 column {j}')
    need(abs(sum(float(r[5]) for r in body_rows) - float(last[5])) < 1e-6, 'r4 垃圾 sum')
    jd = sum(1 for r in body_rows if r[1].endswith('街道')); zh = sum(1 for r in body_rows if r[1].endswith('镇'))
    s2 = norm(s4[1]['texts'][1])
    need(f'组建护河志愿服务队{last[2]}支、队员{last[3]}名，覆盖{jd}个街道、{zh}个镇' in s2, 'r4 slide 2 = table totals')
    need(f'累计开展巡河{last[4]}次，清理河道垃圾{last[5]}吨' in s2, 'r4 巡河/垃圾')
    nxv = t1['纳溪区'][6]
    need(f'由2025年底的{nxv}名增至28,120名，净增{28120 - int(num(nxv)):,}名' in s2, 'r4 志愿者 = r1 纳溪')
    one = [r[1] for r in body_rows if r[2] == '1']
    need('、'.join(one) + '各仅1支护河队' in norm('\n'.join(s4[5]['texts'])), f'r4 one-team towns {one}')
    need([k for k, _ in s4[5]['numbered']] == [1, 2, 3, 4], 'r4 buAutoNum list')
    info['r4'] = dict(rows={r[1]: r for r in body_rows}, tot=last)
    # ---------------- r5
    e5 = E['r5']
    need(e5['panels'] == {'tab-county': 'display:block', 'tab-month': 'display:none', 'tab-type': 'display:none'}, f'r5 panels {e5["panels"]}')
    tc, tm, tt = e5['tables']
    need(tc['rows'][0][0][3] == 2 and tc['rows'][0][1][2] == 2 and tc['rows'][0][2][2] == 2, 'r5 thead rowspan/colspan')
    zj = {r[0][4]: [num(c[4]) for c in r[1:]] for r in tc['rows'][2:] if r[0][1] == 'row'}
    need(all(r[0][0] == 'th' and r[0][1] == 'row' for r in tc['rows'][2:]), 'r5 th scope=row')
    for j in range(4):
        need(sum(zj[u][j] for u in zj if u != '合计') == zj['合计'][j], f'r5 county column {j}')
    for c in C7:
        need(zj[c][0] == num(t1[c][4]), f'r5 2025年底 {c} = r1')
    need(zj['市直及驻泸高校'][0] == num(t1['市直机关和“两新”组织'][4]) + num(t1['驻泸高校'][4]), 'r5 市直+高校 = r1')
    months = [[num(c[4]) for c in r[1:]] for r in tm['rows'][1:-1]]
    need(len(months) == 10 and sum(m[0] for m in months) == zj['合计'][2] and sum(m[1] for m in months) == zj['合计'][3], 'r5 months sum')
    types = {r[0][4]: (num(r[1][4]), r[2][4]) for r in tt['rows'][1:-1]}
    need(sum(v for v, _ in types.values()) == zj['合计'][2], 'r5 types sum')
    for k, (v, p) in types.items():
        need(pct(v, zj['合计'][2]) == p, f'r5 share {k}')
    p5 = norm('\n'.join(e5['lines']))
    need(f'总数达到{int(zj["合计"][1])}个，较2025年底的{int(zj["合计"][0])}个增加{int(zj["合计"][1] - zj["合计"][0])}个，距离全年161个的目标还差{161 - int(zj["合计"][1])}个' in p5, 'r5 prose totals')
    top = max(C7, key=lambda c: zj[c][2])
    need(top == max(C7, key=lambda c: zj[c][3]) and f'{top}开展活动{int(zj[top][2]):,}场、服务青年{int(zj[top][3]):,}人次' in p5, 'r5 top county')
    need(f'单月开展活动{int(max(m[0] for m in months)):,}场' in p5 and months.index(max(months, key=lambda m: m[0])) == 9, 'r5 10月 peak')
    need(round(zj['合计'][3] / 10000, 1) == 24.6 and '服务青年24.6万人次' in p5, 'r5 24.6万')
    need(max(types, key=lambda k: types[k][0]) == '志愿服务' and sorted(types, key=lambda k: -types[k][0])[1] == '思想引领', 'r5 type ranking prose')
    need(f'纳溪区新增青年之家{int(zj["纳溪区"][1] - zj["纳溪区"][0])}个，总数达到{int(zj["纳溪区"][1])}个' in p5, 'r5 纳溪')
    info['r5'] = dict(zj=zj, months=months, types=types)
    # ---------------- r8
    e8 = E['r8']
    need(e8['bom'] and e8['sep'] == 'sep=;' and e8['crlf'] >= 18, 'r8 BOM / sep= / CRLF')
    hdr, recs = e8['rows'][0], [r for r in e8['rows'][1:] if r[0].startswith('HJ')]
    tot8 = [r for r in e8['rows'] if r[0] == '合计'][0]
    need(len(recs) == 15 and all(len(r) == 12 for r in e8['rows']), 'r8 15 records x 12 fields')
    for j in (7, 8, 9):
        need(sum(int(r[j]) for r in recs) == int(tot8[j]), f'r8 column {hdr[j]}')
    for r in recs:
        s = datetime.datetime.fromisoformat(r[5]); e = datetime.datetime.fromisoformat(r[6])
        per = 8 * ((e.date() - s.date()).days + 1) if '每天每人8小时' in r[11] else (e - s).seconds / 3600
        need(int(r[9]) == round(int(r[8]) * per), f'r8 hours {r[0]}')
        need((r[10] == '进行中') == (int(r[9]) == 0), f'r8 status {r[0]}')
    need(any(';' in c for r in recs for c in r) and any('\n' in c for r in recs for c in r), 'r8 quoted ; and line break')
    info['r8'] = dict(recs=recs, tot=tot8)
    # ---------------- r7
    t7 = '\n'.join(E['r7']['lines'])
    tree = [l for l in E['r7']['lines'] if re.match(r'^[│ ]*[├└]─ ', l)]
    parsed = []
    for l in tree:
        lvl = 1 if re.match(r'^[├└]─ ', l) else 2
        m = re.search(r'─ (\S+?)(?: (\d+)个)?（团员([\d,]+)名）', l)
        parsed.append((lvl, m.group(1), int(m.group(2) or 1), int(m.group(3).replace(',', ''))))
    top7 = re.search(r'共青团古蔺县委员会（团员([\d,]+)名，基层团组织(\d+)个）', t7)
    l1 = [p for p in parsed if p[0] == 1]
    need(sum(p[3] for p in l1) == int(top7.group(1).replace(',', '')) and sum(p[2] for p in l1) == int(top7.group(2)), 'r7 tree level 1 sums')
    for i, p in enumerate(parsed):
        if p[0] == 1:
            kids = []
            for q in parsed[i + 1:]:
                if q[0] == 1:
                    break
                kids.append(q)
            if kids:
                need(sum(q[3] for q in kids) == p[3] and sum(q[2] for q in kids) == p[2], f'r7 tree children of {p[1]}')
    need(tree[-1].startswith('└─') and all(not l.startswith('└─') for l in tree[:-1] if re.match(r'^[├└]', l)), 'r7 tree last branch')
    n7 = norm(t7)
    g25 = t1['古蔺县'][0]
    need(f'较2025年底的{g25}名净增{int(top7.group(1).replace(",", "")) - int(num(g25))}名' in n7, 'r7 净增 = r1 古蔺')
    m = re.search(r'全县发展团员(\d+)名，完成全年任务(\d+)名的([\d.]+%)，其中学校团组织发展(\d+)名、乡镇（街道）团委发展(\d+)名、非公企业和社会组织团组织发展(\d+)名', n7)
    need(m and int(m.group(1)) == sum(int(m.group(i)) for i in (4, 5, 6)) and pct(int(m.group(1)), int(m.group(2))) == m.group(3), 'r7 发展 split')
    need(m and f'还需发展团员{int(m.group(2)) - int(m.group(1))}名' in n7, 'r7 还需')
    info['r7'] = dict(fz=int(m.group(1)) if m else 0, tgt=int(m.group(2)) if m else 0, members=int(top7.group(1).replace(',', '')))
    # ---------------- r6
    n6 = NT['r6']
    r3i = info['r3']
    need(f'已开班{r3i["open"]}期，完成全年不少于320期目标的{pct(r3i["open"], 320)}' in n6, 'r6 夜校 = r3')
    need(f'冬季班{r3i["winter"]}期陆续开班，全年预计达到{r3i["tot"][0]}期' in n6 and f'冬季班共{r3i["winter"]}期' in n6, 'r6 冬季班 = r3')
    winter_groups = sorted({det_group[r] for r in det_rows if ws.cell(r, 9).value == '待开班'})
    need('分布在江阳区、合江县、古蔺县和市本级' in n6 and winter_groups == sorted(['江阳区', '合江县', '古蔺县', '市本级']), f'r6 冬季班 places {winter_groups}')
    need(f'全市共有青年之家{int(zj["合计"][1])}个，距离全年161个的目标还差{161 - int(zj["合计"][1])}个' in n6, 'r6 青年之家 = r5')
    need(f'发布活动{len(recs)}场，记录服务时长{int(tot8[9]):,}小时' in n6, 'r6 合江 = r8')
    mar = [r for r in recs if '马拉松' in r[1]][0]
    need(f'“四川合江马拉松”赛道服务{mar[9]}小时' in n6, 'r6 马拉松 = r8')
    need(f'古蔺县1—10月发展团员{info["r7"]["fz"]}名，完成全年任务{info["r7"]["tgt"]}名的{pct(info["r7"]["fz"], info["r7"]["tgt"])}' in n6, 'r6 古蔺 = r7')
    need('比2025年的76名增加4名' in n6 and '西部计划志愿者76名' in NT['r1'] and 80 - 76 == 4, 'r6 西部计划 = r1')
    need('合江县衣物募集活动的服务时长于12月5日统一核定' in n6 and any('12月5日统一核定' in r[11] for r in recs), 'r6 衣物募集 = r8')
    # ---------------- weekdays in all reports
    for k, e in E.items():
        for mm in re.finditer(r'(?:(\d{4})年)?(\d{1,2})月(\d{1,2})日（星期([一二三四五六日])）', '\n'.join(e['lines'])):
            y = int(mm.group(1) or 2026)
            d = datetime.date(y, int(mm.group(2)), int(mm.group(3)))
            need(WEEK[d.weekday()] == mm.group(4), f'{k} weekday {mm.group(0)}')
            info['weekdays'] += 1
    return NT, E, info


# ============================================================ gold / followups / cross
def check_sets(NT, E, info, errs):
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
        for part in q['evidence'].split('\n'):       # several table rows: each row is an exact span
            need(norm(part) and norm(part) in NT.get(k, ''), f'{where}: evidence not in {q["doc"]}: {part[:60]}')
        need(bool(q['answers']), f'{where}: no answers')
        if q['type'] == 'list':
            need(all(norm(a) in ev for a in q['answers']), f'{where}: list item missing')
        else:
            m = re.search(r'\d[\d,]*(?:\.\d+)?', q['answers'][0])
            if m:
                need(m.group() in ev or m.group().replace(',', '') in ev, f'{where}: figure of {q["answers"][0]} not in evidence')
            else:
                need(any(norm(a) in ev for a in q['answers']) or q['answers'][0] in ('星期六', '星期四', '星期日', '心理健康', '10月', '12月12日至12月19日'),
                     f'{where}: answer not in evidence {q["answers"]}')
        for a in q['answers']:
            m = re.search(r'\d{1,3}(?:,\d{3})+', a)
            if m:
                bare = m.group().replace(',', '')
                need(any(bare in b for b in q['answers']), f'{where}: comma-less form missing for {a}')

    gold = [json.loads(l) for l in open(os.path.join(BASE, 'gold.jsonl'), encoding='utf-8')]
    need([q['id'] for q in gold] == [f'b66-q{i:03d}' for i in range(1, len(gold) + 1)], 'gold ids')
    need(550 <= len(gold) <= 750, f'gold count {len(gold)}')
    need(len(set(q['question'] for q in gold)) == len(gold), 'duplicate questions')
    need(all(set(q) == {'id', 'question', 'answers', 'doc', 'evidence', 'type'} for q in gold), 'gold keys')
    need(all(q['type'] in ('numeric', 'date', 'person', 'entity', 'list', 'unanswerable') for q in gold), 'types')
    for q in gold:
        check_q(q, q['id'])
    G = {q['question']: q for q in gold}
    t1, zj = info['t1'], info['r5']['zj']
    rows2, r4rows, recs = info['r2']['rows'], info['r4']['rows'], info['r8']['recs']
    n = lambda s: num(s)
    exp = {'表1里哪个县区团员最多': max(C7, key=lambda u: n(t1[u][0])),
           '七个县区里团员最少的是哪个': min(C7, key=lambda u: n(t1[u][0])),
           '表1里团员发展完成率最高的单位是哪个': max(UNITS, key=lambda u: n(t1[u][2]) / n(t1[u][1])),
           '哪个县完成率最低': min(UNITS, key=lambda u: n(t1[u][2]) / n(t1[u][1])),
           '哪个县区注册青年志愿者最多': max(C7, key=lambda u: n(t1[u][6])),
           '县区里青年之家最少的是哪个': min(C7, key=lambda u: n(t1[u][4])),
           '叙永哪个乡镇团员最多': max([u for u in rows2 if u not in ('单位', '合计', '县直机关', '县属学校')], key=lambda u: n(rows2[u][1])),
           '叙永附表里团员最少的单位': min([u for u in rows2 if u not in ('单位', '合计')], key=lambda u: n(rows2[u][1])),
           '哪个县区夜校开班期数最多': max([g for g in info['r3']['sub'] if g != '市本级'], key=lambda g: info['r3']['sub'][g][0]),
           '纳溪哪个镇街护河队员最多': max(r4rows, key=lambda u: int(r4rows[u][3])),
           '哪个镇街清理垃圾最多': max(r4rows, key=lambda u: float(r4rows[u][5])),
           '纳溪护河队员最少的镇是哪个': min(r4rows, key=lambda u: int(r4rows[u][3])),
           '哪个月青年之家活动最少': f'{min(range(10), key=lambda i: info["r5"]["months"][i][0]) + 1}月',
           '哪类活动最多': max(info['r5']['types'], key=lambda k: info['r5']['types'][k][0]),
           '合江哪场活动服务时长最长': max(recs, key=lambda r: int(r[9]))[1],
           '合江哪个活动参与人数最多': max(recs, key=lambda r: int(r[8]))[1]}
    for qq, a in exp.items():
        need(qq in G and G[qq]['answers'][0] == a, f'rank answer {qq} -> {a} (gold {G.get(qq, {}).get("answers")})')
    ties = sorted(g for g in info['r3']['sub'] if g != '市本级' and info['r3']['sub'][g][0] == min(v[0] for k, v in info['r3']['sub'].items() if k != '市本级'))
    need(sorted(G['哪些县区夜校开班期数最少']['answers']) == ties, 'rank tie 夜校')
    over = [r[1] for r in recs if int(r[8]) > int(r[7])]
    need(G['哪些活动实际参与人数超过了招募人数']['answers'] == over, 'r8 over list')
    nun = sum(q['type'] == 'unanswerable' for q in gold)
    nen = sum(not re.search(r'[\u4e00-\u9fff]', q['question']) for q in gold)
    need(0.12 <= nun / len(gold) <= 0.15, f'unanswerable share {nun / len(gold):.3f}')
    need(0.09 <= nen / len(gold) <= 0.12, f'English share {nen / len(gold):.3f}')
    per = Counter(byname.get(q['doc'], '-') for q in gold)
    need(all(per[k] >= 25 for k in R), f'per-report counts {per}')

    fus = [json.loads(l) for l in open(os.path.join(BASE, 'followups.jsonl'), encoding='utf-8')]
    nt = nfu = 0
    for c in fus:
        need(set(c) == {'id', 'corpus', 'turns'} and c['corpus'] == 'reports' and 4 <= len(c['turns']) <= 7, f'{c["id"]}: corpus/turns')
        need([t['id'] for t in c['turns']] == [f'{c["id"]}-t{j}' for j in range(1, len(c['turns']) + 1)], f'{c["id"]}: turn ids')
        for t in c['turns']:
            check_q(t, t['id']); nt += 1
            nfu += t['type'] == 'unanswerable'
        need(any(t['type'] == 'unanswerable' for t in c['turns']), f'{c["id"]}: no unanswerable turn')
    need(8 <= len(fus) <= 10 and 40 <= nt <= 60, f'followup count {len(fus)} / {nt}')
    need(any(all(not re.search(r'[\u4e00-\u9fff]', t['question']) for t in c['turns']) for c in fus), 'no English conversation')
    for key in ABSENT + list(FOLLOW_ABSENT.values()):
        need(norm(key) not in alln and key.lower() not in alln.lower(), f'ABSENT key {key} occurs in a report')
    for key in ABSENT:
        need(key in used, f'ABSENT key {key} unused')

    cross = [json.loads(l) for l in open(os.path.join(BASE, 'cross.jsonl'), encoding='utf-8')]
    need(15 <= len(cross) <= 20, 'cross count')
    for x in cross:
        need(x['type'] == 'cross' and len(x['docs']) == len(x['evidence']), f'{x["id"]}: docs')
        need(x['question'].count('？') == 1, f'{x["id"]}: one ask')
        for d, e in zip(x['docs'], x['evidence']):
            for part in e.split('\n'):
                need(norm(part) in NT[byname[d]], f'{x["id"]}: evidence {part[:40]}')
        if x['kind'] == 'mention':
            name = x['question'][len('哪些材料提到了'):-1]
            found = [k for k in R if norm(name) in NT[k]]
            need([R[k] for k in found] == x['docs'] and [TITLE[k] for k in found] == x['answers'], f'{x["id"]}: mention recomputed {found}')
        else:
            need(len(set(x['docs'])) >= 2, f'{x["id"]}: needs two reports')
    need(set(x['kind'] for x in cross) == {'compare', 'rank', 'gap', 'list', 'total', 'mention', 'trend'}, 'cross kinds')
    A = {x['id']: x['answers'] for x in cross}
    F = info['r2']['F']
    yn = lambda c: '一致' if c else '不一致'
    need(A['cross66-01'][:2] == [yn(F['团员总数（名）'] == t1['叙永县'][0]), t1['叙永县'][0] + '名'], 'cross01')
    need(A['cross66-02'][0] == yn(rows2['合计'][3] == t1['叙永县'][4]), 'cross02')
    need(A['cross66-03'][0] == f'{int(zj["江阳区"][1] - n(t1["江阳区"][4]))}个', 'cross03')
    need(A['cross66-04'][0] == f'{int(zj["合计"][1] - n(t1["全市合计"][4]))}个', 'cross04')
    need(A['cross66-05'][0] == f'{int(n(t1["全市合计"][4])) + 30 - int(zj["合计"][1])}个', 'cross05')
    need(A['cross66-06'][0] == f'{info["r7"]["members"] - int(n(t1["古蔺县"][0]))}名', 'cross06')
    need(A['cross66-07'][0] == yn('由2025年底的26,745名' in NT['r4'] and t1['纳溪区'][6] == '26,745'), 'cross07')
    need(A['cross66-08'][0] == f'{info["r3"]["tot"][0] - 286}期', 'cross08')
    need(A['cross66-09'][0] == f'{info["r3"]["tot"][0] - 320}期', 'cross09')
    need(A['cross66-10'][0] == yn(f'{int(info["r8"]["tot"][9]):,}小时' in NT['r6']), 'cross10')
    need(A['cross66-11'][0] == yn(info['r3']['open'] == 308), 'cross11')
    need(A['cross66-12'][0] == yn(f'古蔺县1—10月发展团员{info["r7"]["fz"]}名' in NT['r6']), 'cross12')
    need(A['cross66-13'][0] == ('古蔺县' if n(t1['古蔺县'][0]) > n(F['团员总数（名）']) else '叙永县'), 'cross13')
    need(A['cross66-14'][0] == f'{80 - 76}名', 'cross14')
    need(A['cross66-15'] == [f'{u}{int(zj[u][1])}个' for u in C7 if n(t1[u][2]) < n(t1[u][1])], 'cross15')
    need(A['cross66-16'][0] == f'{int(zj["叙永县"][1] + zj["古蔺县"][1]) + 2}个', 'cross16')
    return dict(gold=len(gold), types=dict(Counter(q['type'] for q in gold)), per=dict(per), english=nen, unanswerable=nun,
                followups=(len(fus), nt, nfu), cross=(len(cross), dict(Counter(x['kind'] for x in cross))))


# ============================================================ mutation test
def rezip(path, part, old, new):
    zin = zipfile.ZipFile(path)
    items = {n: zin.read(n) for n in zin.namelist()}
    zin.close()
    assert old in items[part], (part, old)
    items[part] = items[part].replace(old, new, 1)
    with zipfile.ZipFile(path, 'w', zipfile.ZIP_DEFLATED) as z:
        for n, b in items.items():
            z.writestr(n, b)


def retext(path, old, new):
    raw = open(path, 'rb').read()
    assert old.encode('utf-8') in raw, old
    open(path, 'wb').write(raw.replace(old.encode('utf-8'), new.encode('utf-8'), 1))


def pdf_field(path, name, new):
    from pypdf import PdfReader, PdfWriter
    from pypdf.generic import NameObject, TextStringObject
    w = PdfWriter(clone_from=PdfReader(path))
    for a in w.pages[0]['/Annots']:
        a = a.get_object()
        if a['/T'] == name:
            a[NameObject('/V')] = TextStringObject(new)
    with open(path, 'wb') as f:
        w.write(f)


MUTATIONS = {
    'docx: 合江县 团员 13,548 → 13,584 in 表1 (合计 unchanged)':
        lambda d: rezip(os.path.join(d, R['r1']), 'word/document.xml', '<w:t>13,548</w:t>'.encode(), '<w:t>13,584</w:t>'.encode()),
    'pdf: AcroForm field 团员总数 10,962 → 10,926':
        lambda d: pdf_field(os.path.join(d, R['r2']), 'tuanyuan', '10,926'),
    'xlsx: cached 开班期数 of 街舞 26 → 27 (SUBTOTAL results keep old values)':
        lambda d: rezip(os.path.join(d, R['r3']), 'xl/worksheets/sheet1.xml', b'<v>26</v>', b'<v>27</v>'),
    'html: 古蔺县 活动 731 → 713 inside the hidden-tab table':
        lambda d: retext(os.path.join(d, R['r5']), '<td>731</td>', '<td>713</td>'),
    'csv: 赛道服务 参与 116 → 118':
        lambda d: retext(os.path.join(d, R['r8']), ';120;116;812;', ';120;118;812;'),
}


def mutation_test():
    results = {}
    d = tempfile.mkdtemp(prefix='b66mut.')
    try:
        for name, fn in MUTATIONS.items():
            for f in R.values():
                shutil.copy(os.path.join(BASE, 'reports', f), d)
            fn(d)
            errs = []
            try:
                check_all(d, errs)
            except Exception as e:
                errs.append(f'exception {e!r}')
            results[name] = errs
    finally:
        shutil.rmtree(d)
        assert not os.path.exists(d)
    return results


def main():
    if len(sys.argv) > 1 and sys.argv[1] == 'dump':
        for k, f in R.items():
            print(f'=================== {k} {f}')
            print('\n'.join(extract(os.path.join(BASE, 'reports', f))['lines']))
        return
    errs = []
    NT, E, info = check_all(os.path.join(BASE, 'reports'), errs)
    summary = check_sets(NT, E, info, errs)
    mres = mutation_test()
    for name, me in mres.items():
        if not me:
            errs.append(f'mutation test: "{name}" passed unnoticed')
    if errs:
        print('\n'.join(errs[:80]))
        print(f'FAILED ({len(errs)})')
        sys.exit(1)
    print(f'reports: {len(R)} (.docx .pdf .xlsx .pptx .html .md .txt .csv); long report {info["r1chars"]} Chinese characters in body paragraphs; '
          f'{info["r3"]["formulas"]} xlsx SUBTOTAL formulas re-evaluated; {info["weekdays"]} weekday date(s) checked')
    print(f'gold: {summary["gold"]} questions {summary["types"]}')
    print(f'  per report: {summary["per"]}')
    print(f'  English {summary["english"]} ({summary["english"] / summary["gold"]:.1%}), unanswerable {summary["unanswerable"]} '
          f'({summary["unanswerable"] / summary["gold"]:.1%})')
    print(f'followups: {summary["followups"][0]} conversations, {summary["followups"][1]} turns ({summary["followups"][2]} unanswerable)')
    print(f'cross: {summary["cross"][0]} {summary["cross"][1]}')
    for name, me in mres.items():
        print(f'mutation "{name}": {len(me)} failure(s), e.g. {me[0]}')
    print('mutation scratch dir removed')
    print('OK')


if __name__ == '__main__':
    main()
