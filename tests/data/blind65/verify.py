#!/usr/bin/env python3
"""Independent checker for blind65 (榆林).

Uses only the standard library + pypdf and openpyxl; imports nothing from src/. It re-extracts every report with its
own code and checks
  * the layouts: a docx whose header/footer parts hold facts found nowhere else, Heading-style headings that carry
    figures and grey-shaded table rows explained by a legend; a scanned-style PDF (page images + invisible OCR text
    layer in text render mode 3, red seal, recipient's 收文章); an xlsx Excel table (ListObject) with structured-reference
    calculated columns, a SUBTOTAL totals row, a SUMIFS summary sheet and numbers/dates displayed through [DBNum2] /
    [DBNum1] formats; a pptx with a SmartArt diagram (ppt/diagrams/data1.xml) and picture alt text; an html portal
    page whose county and month figures exist only in ECharts <script> options; a Markdown 简报 with GitHub alert
    call-outs and a ```diff 修订说明; a UTF-16LE (BOM, CRLF) txt with w/k counts; a UTF-8 csv with a merged two-row
    header;
  * every evidence string occurs (whitespace ignored) in its report's extracted text and contains the answer;
  * sums, rates, shares, formula results, cross-report equalities, weekdays and the 农历 date;
  * unanswerable keys (in their question, in no report), shares of unanswerable / English, follow-ups, cross answers;
  * a mutation test: mutated copies of reports in a mkdtemp scratch dir must fail; the dir is deleted.
Prints the counts and OK, exits 0 when everything holds.  `python verify.py dump` prints every extracted text.
"""
import os, re, sys, io, csv, json, zipfile, datetime, html, shutil, tempfile, posixpath
from collections import Counter
from xml.etree import ElementTree as ET

BASE = os.path.dirname(os.path.abspath(__file__))
R = {
    'r1': 'yulin_2025_tuanshiwei_quanwei_gongzuo_baogao.docx',
    'r2': 'yulin_2026_mubiao_renwu_xiada_tongzhi_saomiaojian.pdf',
    'r3': 'yulin_2026_yuanmeng_xingdong_zhuxuejin_taizhang.xlsx',
    'r4': 'shenmu_2026_fanjiaxiang_shijian_huibao.pptx',
    'r5': 'yulin_2026_1-10yue_qingnian_zhiyuan_shuju_fabu.html',
    'r6': 'yulinxueyuan_2026_sanxiaxiang_jianbao_di2qi.md',
    'r7': 'suide_2026_10yue_xinmeiti_yunying_yuebao.txt',
    'r8': 'dingbian_2026_1-10yue_tuanjian_shuju_duibi.csv',
}
TITLE = {'r1': '全委会工作报告', 'r2': '目标任务下达通知', 'r3': '圆梦行动助学金台账', 'r4': '神木返家乡汇报',
         'r5': '青年志愿服务数据发布', 'r6': '榆林学院三下乡简报', 'r7': '绥德新媒体运营月报', 'r8': '定边团建数据对比表'}
YEAR = {'r1': 2026, 'r2': 2026, 'r3': 2026, 'r4': 2026, 'r5': 2026, 'r6': 2026, 'r7': 2026, 'r8': 2026}
C12 = ['榆阳区', '横山区', '神木市', '府谷县', '靖边县', '定边县', '绥德县', '米脂县', '佳县', '吴堡县', '清涧县', '子洲县']
UNITS = C12 + ['市直机关和“两新”组织', '驻榆高校']
WEEK = '一二三四五六日'
NW = '{http://schemas.openxmlformats.org/wordprocessingml/2006/main}'
NA = '{http://schemas.openxmlformats.org/drawingml/2006/main}'
NR = '{http://schemas.openxmlformats.org/officeDocument/2006/relationships}'
NP = '{http://schemas.openxmlformats.org/presentationml/2006/main}'
NPR = '{http://schemas.openxmlformats.org/package/2006/relationships}'
NDG = '{http://schemas.openxmlformats.org/drawingml/2006/diagram}'
NX = '{http://schemas.openxmlformats.org/spreadsheetml/2006/main}'

ABSENT = []  # see README "ABSENT"
ABSENT += ['延安', '西安', '咸阳', '宝鸡', '渭南', '汉中', '安康', '商洛', '铜川', '包头', '银川',
           "Yan'an", "Xi'an", 'Xianyang', 'Baoji', 'Hanzhong', 'Baotou', 'Yinchuan']
ABSENT += ['2021年', '2022年', '2023年', '2024年', '2027年底', 'in 2023', 'in 2024', '2025年上半年', '2025年一季度', '2026年全年', '11月份', '12月份', '第三期', '第七期']
ABSENT += ['团佳县委书记', '团吴堡县委书记', '团神木市委书记', '团定边县委书记', '团绥德县委书记', '团榆阳区委书记',
           '榆林职业技术学院团委书记', '榆林学院党委书记', '市长', '少工委主任', 'mayor',
           'secretary of Jiaxian', 'secretary of Dingbian', '团横山区委书记']
ABSENT += ['女团员', '团费', '建筑面积', '部门预算', '门票', '邮箱', '床位', '平均年龄', '保险金额', '满意度',
           'female', 'budget', 'e-mail', 'average age', 'tuition',
           '微博粉丝', '视频号点赞', '抖音评论', '定仙墕镇青年之家面积', '敬老院名称',
           '横山区12355', '神木市12355', '佳县12355', '府谷县青年夜校开班', '靖边县返家乡上岗',
           '寒假批次上岗', '实践补贴总额', '二郎山景区服务游客', '锦界镇岗位', '国能神东岗位数',
           '夜校学员就业', '西部计划志愿者里女生', '马拉松完赛', '红石峡游客总量',
           '榆阳区服务时长同比', '市直机关新增服务时长', '驻榆高校志愿服务项目',
           '三下乡经费', '获奖团队名单', '品种', '义诊人数', '榆林职业技术学院三下乡团队', '企业定向资助金额', '研究生新生', '第三批',
           '贺圈镇团员里', '安边镇发展计划', '定边街道团支部书记', '新兴领域团工委书记',
           '县属中学团员里初中生', '杨井镇2024']
FOLLOW_ABSENT = {'那府谷首批是哪天上岗的？': '府谷首批'}
I_MEM, I_PLAN, I_ACT, I_RATE, I_HOME, I_VOL, I_FJX = range(7)   # columns of r1 表1


# ============================================================ extraction (own code)
def wtext(el):
    return ''.join(t.text or '' for t in el.iter(NW + 't'))


def part_rels(z, part):
    folder, name = posixpath.split(part)
    rp = f'{folder}/_rels/{name}.rels'
    if rp not in z.namelist():
        return {}
    return {r.get('Id'): (r.get('Type').rsplit('/', 1)[1], posixpath.normpath(posixpath.join(folder, r.get('Target'))))
            for r in ET.fromstring(z.read(rp)).iter(NPR + 'Relationship')}


def docx_parts(path):
    z = zipfile.ZipFile(path)
    body = ET.fromstring(z.read('word/document.xml')).find(NW + 'body')
    paras, tables, lines, hf = [], [], [], []
    for el in body:
        if el.tag == NW + 'p':
            paras.append(el); lines.append(wtext(el))
        elif el.tag == NW + 'tbl':
            rows = []
            for tr in el.findall(NW + 'tr'):
                rows.append(tr.findall(NW + 'tc'))
                lines.append(' '.join(wtext(tc) for tc in rows[-1]))
            tables.append(rows)
    for typ, tgt in part_rels(z, 'word/document.xml').values():
        if typ in ('header', 'footer'):
            root = ET.fromstring(z.read(tgt))
            for p in root.iter(NW + 'p'):
                t = wtext(p)
                if t.strip():
                    hf.append((typ, t, p))
    return paras, tables, '\n'.join(lines + [t for _, t, _ in hf]), hf


def ptext(txbody, ns=NA):
    return '\n'.join(''.join(t.text or '' for t in p.iter(NA + 't')) for p in txbody.findall(NA + 'p'))


def pptx_slides(path):
    z = zipfile.ZipFile(path)
    prel = part_rels(z, 'ppt/presentation.xml')
    out = []
    for sid in ET.fromstring(z.read('ppt/presentation.xml')).find(NP + 'sldIdLst'):
        sp = prel[sid.get(NR + 'id')][1]
        root = ET.fromstring(z.read(sp))
        rels = part_rels(z, sp)
        texts, tables, alts, smart = [], [], [], []
        for shp in root.find(f'{NP}cSld/{NP}spTree'):
            if shp.tag == NP + 'sp' and shp.find(NP + 'txBody') is not None:
                texts.append(ptext(shp.find(NP + 'txBody')))
            elif shp.tag == NP + 'pic':
                d = shp.find(f'{NP}nvPicPr/{NP}cNvPr').get('descr')
                if d:
                    alts.append(d)
            elif shp.tag == NP + 'graphicFrame':
                tbl = shp.find(f'.//{NA}tbl')
                if tbl is not None:
                    rows = [[''.join(t.text or '' for t in tc.iter(NA + 't')) for tc in tr.findall(NA + 'tc')] for tr in tbl.findall(NA + 'tr')]
                    tables.append(rows)
                    texts.append('\n'.join(' '.join(r) for r in rows))
                rid = shp.find(f'.//{NDG}relIds')
                if rid is not None:
                    dm = ET.fromstring(z.read(rels[rid.get(NR + 'dm')][1]))
                    for pt in dm.iter(NDG + 'pt'):
                        if pt.get('type', 'node') == 'node':
                            smart.append(ptext(pt.find(NDG + 't')))
        notes = ''
        for typ, target in rels.values():
            if typ == 'notesSlide':
                for shp in ET.fromstring(z.read(target)).iter(NP + 'sp'):
                    ph = shp.find(f'{NP}nvSpPr/{NP}nvPr/{NP}ph')
                    if ph is not None and ph.get('type') == 'body':
                        notes = ptext(shp.find(NP + 'txBody'))
        out.append(dict(texts=texts, tables=tables, alts=alts, smart=smart, notes=notes))
    return out


CAP = '零壹贰叁肆伍陆柒捌玖'
LOW = '〇一二三四五六七八九'


def cap_int(n):
    """Excel [DBNum2] rendering of a non-negative integer (below 1亿)."""
    if n == 0:
        return '零'

    def sec(v):
        s, zero = '', False
        for i, u in ((3, '仟'), (2, '佰'), (1, '拾'), (0, '')):
            d = v // 10 ** i % 10
            if d:
                if zero and s:
                    s += '零'
                s += CAP[d] + u; zero = False
            else:
                zero = True
        return s
    hi, lo = divmod(n, 10000)
    if not hi:
        return sec(lo)
    return sec(hi) + '万' + (('零' if lo < 1000 else '') + sec(lo) if lo else '')


def low_num(n):
    if n < 10:
        return LOW[n]
    t, u = divmod(n, 10)
    return ('' if t == 1 else LOW[t]) + '十' + (LOW[u] if u else '')


def xl_display(v, fmt):
    fmt = fmt or 'General'
    if v is None:
        return ''
    if isinstance(v, datetime.datetime):
        if '[DBNum1]' in fmt:
            return ''.join(LOW[int(c)] for c in str(v.year)) + '年' + low_num(v.month) + '月' + low_num(v.day) + '日'
        return v.strftime('%Y-%m-%d')
    if isinstance(v, (int, float)):
        if '[DBNum2]' in fmt:
            suffix = ''.join(re.findall(r'"([^"]*)"', fmt))
            return cap_int(int(round(v))) + suffix
        if '%' in fmt:
            return f'{v * 100 + 1e-9:.1f}%'
        if fmt.startswith('#,##0'):
            return f'{int(round(v)):,}'
        if float(v) == int(v):
            return str(int(v))
    return str(v)


def xlsx_load(path):
    import openpyxl
    return openpyxl.load_workbook(path, data_only=True), openpyxl.load_workbook(path, data_only=False)


def xlsx_rows(wv):
    out = {}
    for ws in wv.worksheets:
        rows = []
        for row in ws.iter_rows():
            cells = [xl_display(c.value, c.number_format) for c in row]
            cells = [c for c in cells if c != '']
            if cells:
                rows.append(' '.join(cells))
        out[ws.title] = rows
    return out


def pdf_pages(path):
    from pypdf import PdfReader
    rd = PdfReader(path)
    return [p.extract_text() for p in rd.pages], rd


def csv_rows(raw):
    return list(csv.reader(io.StringIO(raw.decode('utf-8'), newline='')))


def html_text(raw):
    raw = re.sub(r'(?is)<style\b.*?</style>', '', raw)
    return html.unescape(re.sub(r'(?s)<[^>]+>', '\n', raw))


def extract(path):
    ext = path.rsplit('.', 1)[1]
    if ext == 'docx':
        return docx_parts(path)[2]
    if ext == 'pptx':
        return '\n'.join('\n'.join(s['texts'] + s['smart'] + s['alts']) + '\n' + s['notes'] for s in pptx_slides(path))
    if ext == 'xlsx':
        wv, _ = xlsx_load(path)
        return '\n'.join(f'【{k}】\n' + '\n'.join(v) for k, v in xlsx_rows(wv).items())
    if ext == 'pdf':
        return '\n'.join(pdf_pages(path)[0])
    raw = open(path, 'rb').read()
    if ext == 'csv':
        return '\n'.join(' '.join(c for c in r if c) for r in csv_rows(raw) if any(r))
    if ext == 'txt':
        return raw.decode('utf-16')
    raw = raw.decode('utf-8')
    if ext == 'md':
        return raw
    return html_text(raw)


def norm(s):
    return re.sub(r'\s+', '', s)


def num(s):
    return float(str(s).replace(',', '').rstrip('%'))


def pct(a, b):
    return f'{a / b * 100 + 1e-9:.1f}%'


if __name__ == '__main__' and len(sys.argv) > 1 and sys.argv[1] == 'dump':
    for k, f in R.items():
        print(f'=================== {k} {f}')
        print(extract(os.path.join(BASE, 'reports', f)))
    sys.exit(0)


CNNUM = {'〇': 0, '零': 0, '一': 1, '二': 2, '两': 2, '三': 3, '四': 4, '五': 5, '六': 6, '七': 7, '八': 8, '九': 9}


def cn_date(s):
    """二〇二六年二月二十六日 -> date"""
    m = re.fullmatch(r'([〇一二三四五六七八九]{4})年([一二三四五六七八九十]+)月([一二三四五六七八九十]+)日', s)
    y = int(''.join(str(CNNUM[c]) for c in m.group(1)))

    def small(t):
        if '十' in t:
            a, b = t.split('十')
            return (CNNUM[a] if a else 1) * 10 + (CNNUM[b] if b else 0)
        return CNNUM[t]
    return datetime.date(y, small(m.group(2)), small(m.group(3)))


# ============================================================ xlsx formula evaluator (structured references)
def col2n(c):
    n = 0
    for ch in c:
        n = n * 26 + ord(ch) - 64
    return n


def n2col(n):
    s = ''
    while n:
        n, r = divmod(n - 1, 26); s = chr(65 + r) + s
    return s


class Book:
    def __init__(self, wv, wf):
        self.wv, self.wf = wv, wf
        self.tables = {}
        for ws in wf.worksheets:
            for t in ws.tables.values():
                name = t.displayName
                a, b = t.ref.split(':')
                ca, ra = re.match(r'([A-Z]+)(\d+)', a).groups(); cb, rb = re.match(r'([A-Z]+)(\d+)', b).groups()
                cols = [c.name for c in t.tableColumns]
                self.tables[name] = dict(sheet=ws.title, c0=col2n(ca), r0=int(ra), r1=int(rb), cols=cols, tot=t.totalsRowCount or 0, obj=t)

    def val(self, sheet, ref):
        return self.wv[sheet][ref].value

    def column(self, tname, col):
        t = self.tables[tname]
        c = n2col(t['c0'] + t['cols'].index(col))
        return [self.val(t['sheet'], f'{c}{r}') for r in range(t['r0'] + 1, t['r1'] - t['tot'] + 1)]

    def eval(self, f, sheet, row):
        f = f.lstrip('=')
        m = re.fullmatch(r'(\w+)\[\[#This Row\],\[([^\]]+)\]\]\*\1\[\[#This Row\],\[([^\]]+)\]\]', f)
        if m:
            t = self.tables[m.group(1)]
            g = lambda col: self.val(t['sheet'], f'{n2col(t["c0"] + t["cols"].index(col))}{row}')
            return g(m.group(2)) * g(m.group(3))
        m = re.fullmatch(r'(\w+)\[\[#This Row\],\[([^\]]+)\]\]', f)
        if m:
            t = self.tables[m.group(1)]
            return self.val(t['sheet'], f'{n2col(t["c0"] + t["cols"].index(m.group(2)))}{row}')
        m = re.fullmatch(r'SUBTOTAL\(109,(\w+)\[([^\]]+)\]\)', f)
        if m:
            return sum(v or 0 for v in self.column(m.group(1), m.group(2)))
        m = re.fullmatch(r'SUMIFS\((\w+)\[([^\]]+)\],(.*)\)', f)
        if m:
            tname, target = m.group(1), m.group(2)
            crit = re.findall(r'(\w+)\[([^\]]+)\],(\$?[A-Z]+\$?\d+|"[^"]*")', m.group(3))
            vals = self.column(tname, target)
            keep = [True] * len(vals)
            for _, ccol, cv in crit:
                want = cv.strip('"') if cv.startswith('"') else self.val(sheet, cv.replace('$', ''))
                keep = [k and x == want for k, x in zip(keep, self.column(tname, ccol))]
            return sum(v for v, k in zip(vals, keep) if k)
        m = re.fullmatch(r'SUM\(([A-Z]+)(\d+):([A-Z]+)(\d+)\)', f)
        if m:
            return sum(self.val(sheet, f'{m.group(1)}{r}') or 0 for r in range(int(m.group(2)), int(m.group(4)) + 1))
        m = re.fullmatch(r'([A-Z]+\d+)\+([A-Z]+\d+)', f)
        if m:
            return self.val(sheet, m.group(1)) + self.val(sheet, m.group(2))
        m = re.fullmatch(r'([A-Z]+\d+)/\$([A-Z]+)\$(\d+)', f)
        if m:
            return self.val(sheet, m.group(1)) / self.val(sheet, f'{m.group(2)}{m.group(3)}')
        raise ValueError(f)


# ============================================================ checks
def check_all(rd, errs):
    def need(cond, m):
        if not cond:
            errs.append(m)
    P = {k: os.path.join(rd, f) for k, f in R.items()}
    TX = {k: extract(p) for k, p in P.items()}
    NT = {k: norm(v) for k, v in TX.items()}
    info = {}

    # ---------------- r1 docx: header/footer facts, headings with figures, shaded rows
    paras, tables, _, hf = docx_parts(P['r1'])
    ptx = [wtext(p) for p in paras]
    body_all = norm('\n'.join(ptx))
    head = [t for typ, t, _ in hf if typ == 'header']
    foot = [t for typ, t, _ in hf if typ == 'footer']
    need(any('会议文件之三' in t for t in head), 'r1 header text')
    need(any('2026年1月14日印发（共印180份）' in t for t in foot), 'r1 footer text')
    need(all(s not in body_all for s in ('文件之三', '共印180份', '1月14日印发')), 'r1 header/footer facts leak into the body')
    fp = [p for typ, _, p in hf if typ == 'footer'][0]
    need(' PAGE ' in ''.join(x.text or '' for x in fp.iter(NW + 'instrText')), 'r1 footer PAGE field')
    sty = lambda p: (p.find(f'{NW}pPr/{NW}pStyle').get(NW + 'val') if p.find(f'{NW}pPr/{NW}pStyle') is not None else '')
    h1 = [wtext(p) for p in paras if sty(p) in ('Heading1', '1')]
    h2 = [wtext(p) for p in paras if sty(p) in ('Heading2', '2')]
    need(len(h1) == 2 and len(h2) >= 8, f'r1 heading styles {len(h1)} {len(h2)}')
    need(sum(bool(re.search(r'\d', h)) for h in h2) >= 6, 'r1 figures in headings')
    need(len(tables) == 1, 'r1 one table')
    rows = tables[0]
    t1 = {}
    shaded = []
    for tr in rows[1:]:
        cells = [wtext(tc) for tc in tr]
        t1[cells[0]] = cells[1:]
        fills = [tc.find(f'{NW}tcPr/{NW}shd') for tc in tr]
        if all(f is not None and f.get(NW + 'fill') == 'D9D9D9' for f in fills):
            shaded.append(cells[0])
        else:
            need(all(f is None for f in fills), f'r1 partial shading in {cells[0]}')
    need(list(t1) == UNITS + ['全市合计'], f'r1 rows {list(t1)}')
    V = {u: [None if x == '—' else num(x) for x in t1[u]] for u in t1}
    for ci in (0, 1, 2, 4, 5, 6):
        need(abs(sum(V[u][ci] or 0 for u in UNITS) - V['全市合计'][ci]) < 1e-6, f'r1 column {ci} sum')
    for u in t1:
        need(t1[u][3] == pct(V[u][2], V[u][1]), f'r1 rate {u}')
    below = [u for u in UNITS if V[u][2] < V[u][1]]
    need(shaded == below == ['吴堡县', '清涧县'], f'r1 shaded rows {shaded} vs below plan {below}')
    T = V['全市合计']
    nr1 = NT['r1']
    need('1.灰色底纹行为未完成年度团员发展计划的单位' in nr1, 'r1 shading legend')
    need(f'全年发展新团员{int(T[2]):,}名，完成年度计划{int(T[1]):,}名的{pct(T[2], T[1])}' in nr1, 'r1 prose 发展')
    need(any(f'全年发展团员{int(T[2]):,}名，完成计划的{pct(T[2], T[1])}' in h for h in h2), 'r1 heading 发展')
    need(any(f'{int(T[I_FJX]):,}名大学生“返家乡”上岗' in h for h in h2), 'r1 heading 返家乡')
    need(any(f'注册青年志愿者达到{T[I_VOL] / 10000:.1f}万名' in h for h in h2), 'r1 heading 志愿者 (rounded)')
    need(f'全市共有团员{int(T[0]):,}名、基层团组织4,186个' in nr1, 'r1 prose 团员')
    need(f'其中驻榆高校发展{int(V["驻榆高校"][2]):,}名，占全市新发展团员的{pct(V["驻榆高校"][2], T[2])}' in nr1, 'r1 高校 share')
    need(f'榆阳区团员{int(V["榆阳区"][0]):,}名，占全市团员总数的{pct(V["榆阳区"][0], T[0])}，规模最大' in nr1
         and max(C12, key=lambda u: V[u][0]) == '榆阳区', 'r1 榆阳 share / largest county')
    rates = {u: V[u][2] / V[u][1] for u in C12}
    need(max(rates, key=rates.get) == '神木市' and f'神木市计划完成率{pct(V["神木市"][2], V["神木市"][1])}，在各县（市、区）中最高' in nr1, 'r1 best county rate')
    need(f'其中吴堡县少发展{int(V["吴堡县"][1] - V["吴堡县"][2])}名、清涧县少发展{int(V["清涧县"][1] - V["清涧县"][2])}名' in nr1, 'r1 shortfalls')
    need(f'全市总数达到{int(T[I_HOME])}个，其中榆阳区{int(V["榆阳区"][I_HOME])}个，数量最多' in nr1 and max(UNITS, key=lambda u: V[u][I_HOME]) == '榆阳区', 'r1 青年之家')
    need(f'全市注册青年志愿者{int(T[I_VOL]):,}名' in nr1, 'r1 志愿者 prose')
    need(f'实际上岗大学生{int(T[I_FJX]):,}名，岗位使用率{pct(T[I_FJX], 1460)}，其中寒假上岗316名、暑期上岗927名' in nr1 and 316 + 927 == T[I_FJX], 'r1 返家乡')
    need('资助困难大学新生512名（本科304名、高职208名）' in nr1 and '发放助学金214.4万元' in nr1 and 304 * 5000 + 208 * 3000 == 2144000, 'r1 圆梦 2025')
    need('招收学员150名，其中高校学生62名、农村青年38名、企业青年50名' in nr1 and 62 + 38 + 50 == 150, 'r1 青马')
    need('全年发展新团员5,200名，其中各县（市、区）3,540名、市直机关和“两新”组织420名、驻榆高校1,240名' in nr1 and 3540 + 420 + 1240 == 5200, 'r1 2026 targets')
    need(f'新建“青年之家”16个，总数达到{int(T[I_HOME]) + 16}个' in nr1, 'r1 140 = 124 + 16')
    sal = ptx.index('各位委员、同志们：')
    body = [t for p, t in zip(paras[sal:], ptx[sal:]) if not t.startswith('表1') and not t.startswith('注：')]
    nch = len(re.findall(r'[\u4e00-\u9fff]', ''.join(body)))
    need(nch >= 3500, f'r1 body {nch} Chinese characters')
    info.update(r1chars=nch, t1=V)

    # ---------------- r2 scanned PDF: images + invisible text layer
    pages, rd2 = pdf_pages(P['r2'])
    need(len(pages) == 3, 'r2 pages')
    for i, pg in enumerate(rd2.pages):
        imgs = list(pg.images)
        need(len(imgs) == 1, f'r2 page {i + 1} has one page image')
        cs = pg.get_contents().get_data().decode('latin-1')
        need('3 Tr' in cs and cs.index('Do') < cs.index('3 Tr'), f'r2 page {i + 1}: OCR text (render mode 3) over the image')
    t2 = '\n'.join(pages)
    tgt = {}
    for c in C12 + ['合计']:
        m = re.search(rf'(?m)^{c} ([\d,]+) (\d+) ([\d,]+) ([\d,]+) (\d+)$', t2)
        need(m is not None, f'r2 row {c}')
        tgt[c] = [int(num(x)) for x in m.groups()] if m else [0] * 5
    for i in range(5):
        need(sum(tgt[c][i] for c in C12) == tgt['合计'][i], f'r2 column {i}')
    nr2 = NT['r2']
    need(f'全年全市发展团员5,200名，其中各县（市、区）{tgt["合计"][0]:,}名、市直机关和“两新”组织420名、驻榆高校1,240名' in nr2
         and tgt['合计'][0] + 420 + 1240 == 5200, 'r2 5,200 split')
    need(f'新建“青年之家”16个，其中市直1个' in nr2 and tgt['合计'][1] + 1 == 16, 'r2 16 = 15 + 1')
    need(f'其中各县（市、区）{tgt["合计"][2] / 10000:.2f}万名' in nr2, 'r2 2.02万 = table total')
    need(f'征集大学生“返家乡”社会实践岗位1,500个，其中市直及驻榆高校120个' in nr2 and tgt['合计'][3] + 120 == 1500, 'r2 返家乡 1,500')
    need(f'其中各县（市、区）{tgt["合计"][4]}期' in nr2, 'r2 夜校 173')
    sign = cn_date(re.search(r'([〇一二三四五六七八九]{4}年[一二三四五六七八九十]+月[一二三四五六七八九十]+日)', t2).group(1))
    need(sign == datetime.date(2026, 2, 26) and '2026年2月26日印发' in nr2, 'r2 Chinese-numeral date = 印发 date')
    need(datetime.date(2026, 3, 2) > sign and '收文2026-018号2026年3月2日' in nr2, 'r2 收文 after issue')
    need(all(tgt[c][0] >= info['t1'][c][2] or c in ('清涧县',) for c in C12), 'r2 targets not below 2025 actuals (except 清涧)')
    info['tgt'] = tgt

    # ---------------- r3 xlsx: ListObject, structured refs, DBNum formats
    wv, wf = xlsx_load(P['r3'])
    bk = Book(wv, wf)
    need(list(bk.tables) == ['圆梦台账'] and bk.tables['圆梦台账']['tot'] == 1, 'r3 one Excel table with a totals row')
    tobj = bk.tables['圆梦台账']['obj']
    calc = {c.name: (c.calculatedColumnFormula.attr_text if c.calculatedColumnFormula is not None else None) for c in tobj.tableColumns}
    need(calc['资助金额'] == '圆梦台账[[#This Row],[资助人数]]*圆梦台账[[#This Row],[资助标准]]' and calc['金额大写'] == '圆梦台账[[#This Row],[资助金额]]', 'r3 calculated columns')
    nf = 0
    for ws in wf.worksheets:
        for row in ws.iter_rows():
            for c in row:
                if isinstance(c.value, str) and c.value.startswith('='):
                    v = bk.eval(c.value, ws.title, c.row)
                    cached = wv[ws.title][c.coordinate].value
                    need(cached is not None and abs(v - cached) < 1e-6, f'r3 formula {ws.title}!{c.coordinate} {c.value} = {v} vs cached {cached}')
                    nf += 1
    need(nf >= 80, f'r3 formulas {nf}')
    led = wv['助学台账']
    caps = dates = 0
    ledger = []
    for r in range(4, 28):
        cat, n, std, amt = led[f'C{r}'].value, led[f'D{r}'].value, led[f'E{r}'].value, led[f'F{r}'].value
        need(std == {'本科': 5000, '高职（专科）': 3000}[cat], f'r3 standard row {r}')
        g = led[f'G{r}']
        need('[DBNum2]' in g.number_format and xl_display(g.value, g.number_format) == cap_int(amt) + '元整', f'r3 capitals row {r}')
        caps += 1
        h = led[f'H{r}']
        need('[DBNum1]' in h.number_format and isinstance(h.value, datetime.datetime), f'r3 DBNum1 date row {r}')
        dates += 1
        ledger.append((led[f'B{r}'].value, cat, n, amt, h.value.date(), led[f'I{r}'].value))
    tot_n, tot_amt = led['D28'].value, led['F28'].value
    need(led['A28'].value == '合计' and xl_display(led['G28'].value, led['G28'].number_format) == '贰佰伍拾陆万捌仟元整', 'r3 totals row capitals')
    need(tot_n == sum(x[2] for x in ledger) == 616 and tot_amt == sum(x[3] for x in ledger) == 2568000, 'r3 totals')
    late = sorted({x[0] for x in ledger if x[4] == datetime.date(2026, 9, 3)})
    need(late == ['吴堡县', '子洲县'] and all(x[1] == '高职（专科）' for x in ledger if x[4] == datetime.date(2026, 9, 3)), f'r3 9月3日 补拨 {late}')
    need('吴堡县、子洲县高职（专科）批次因申请材料补正，于9月3日补拨' in NT['r3'], 'r3 说明 5')
    sm = wv['分县汇总']
    shares = [sm[f'F{r}'].value for r in range(4, 16)]
    need(abs(sum(shares) - 1) < 1e-9 and sum(float(xl_display(s, '0.0%')[:-1]) for s in shares) != 100.0, 'r3 shares: exact sum 1, displayed sum ≠ 100.0 (rounding)')
    need(tot_n >= 600 and '资助困难大学新生不少于600名' in NT['r1'], 'r3/r1 target 600')
    info['r3'] = dict(n=tot_n, amt=tot_amt, formulas=nf, by=dict((sm[f'A{r}'].value, sm[f'E{r}'].value) for r in range(4, 16)))

    # ---------------- r4 pptx: SmartArt + alt text
    sl = pptx_slides(P['r4'])
    smart = [t for s in sl for t in s['smart']]
    alts = [a for s in sl for a in s['alts']]
    shape_text = norm('\n'.join('\n'.join(s['texts']) + s['notes'] for s in sl))
    need(len(smart) == 4 and len(alts) == 2, f'r4 smartart {len(smart)} alts {len(alts)}')
    z4 = zipfile.ZipFile(P['r4'])
    need({'ppt/diagrams/data1.xml', 'ppt/diagrams/layout1.xml', 'ppt/diagrams/drawing1.xml'} <= set(z4.namelist()), 'r4 diagram parts')
    for s in ('首批上岗196名', '7月6日', '评选优秀实践生30名', '6月21日—7月3日'):
        need(norm(s) in norm('\n'.join(smart)) and norm(s) not in shape_text, f'r4 {s} only in SmartArt')
    for s in ('32名返家乡大学生', '1,600余人次'):
        need(any(s in a for a in alts) and norm(s) not in shape_text, f'r4 {s} only in alt text')
    tab = sl[3]['tables'][0]
    cat = {r[0]: [int(r[1]), int(r[2]), r[3]] for r in tab[1:]}
    need(sum(v[0] for k, v in cat.items() if k != '合计') == cat['合计'][0] == 268 and sum(v[1] for k, v in cat.items() if k != '合计') == cat['合计'][1] == 252, 'r4 table sums')
    need(all(v[2] == pct(v[1], 252) for k, v in cat.items() if k != '合计'), 'r4 shares')
    nr4 = NT['r4']
    need(f'征集岗位268个，完成团榆林市委下达任务{tgt["神木市"][3]}个的{pct(268, tgt["神木市"][3])}' in nr4, 'r4/r2 神木 返家乡 target')
    need(f'上岗人数较去年的{int(info["t1"]["神木市"][I_FJX])}名增长{pct(252 - info["t1"]["神木市"][I_FJX], info["t1"]["神木市"][I_FJX])}' in nr4, 'r4/r1 2025 上岗')
    need('实际上岗252名，上岗率94.0%' in nr4 and pct(252, 268) == '94.0%' and '报名人数比岗位数多出144人' in nr4 and 412 - 268 == 144, 'r4 rates')
    need('征集岗位268个' in norm(smart[0]) and '报名大学生412人' in norm(smart[1]), 'r4 SmartArt = slide figures')

    # ---------------- r5 html: figures only in <script>
    raw5 = open(P['r5'], encoding='utf-8').read()
    need('<table' not in raw5.lower(), 'r5 has no <table>')
    scripts = '\n'.join(re.findall(r'(?s)<script>(.*?)</script>', raw5))
    outside = norm(html_text(re.sub(r'(?s)<script>.*?</script>', '', raw5)))
    vol = {c: (int(a), float(b)) for c, a, b in re.findall(r"\['(\S+?)', (\d+), ([\d.]+)\]", scripts)}
    need(list(vol) == C12, f'r5 dataset rows {list(vol)}')
    months = [int(x) for x in re.search(r"name: '新增注册志愿者'.*?data: \[([\d, ]+)\]", scripts).group(1).split(',')]
    mlabels = re.findall(r"'(\d+)月'", scripts)
    need(len(months) == 10 and mlabels == [str(i) for i in range(1, 11)], 'r5 month series')
    for c in C12:
        if c not in ('榆阳区', '神木市', '靖边县'):
            need(f'{vol[c][0]:,}' not in outside and str(vol[c][0]) not in outside, f'r5 {c} figure outside the script')
    nr5 = NT['r5']
    new_total = sum(v[0] for v in vol.values()) + 1236 + 3018
    need(sum(months) == new_total and f'较2025年底增加{new_total:,}名' in nr5, 'r5 county + 市直 + 高校 = months = prose')
    need(f'全市注册青年志愿者达到{int(info["t1"]["全市合计"][I_VOL]) + new_total:,}名' in nr5, 'r5/r1 269,400 = 244,810 + 24,590')
    top3 = sorted(C12, key=lambda c: -vol[c][0])[:3]
    need('新增注册志愿者最多的是' + '、'.join(f'{c}（{vol[c][0]:,}名）' for c in top3) in nr5, 'r5 top three')
    done = [c for c in C12 if vol[c][0] >= tgt[c][2]]
    need('、'.join(done) + '3个县（市、区）已提前完成全年新增任务' in nr5 and len(done) == 3, f'r5/r2 done {done}')
    need(months.index(max(months)) == 6 and months.index(min(months)) == 1 and '7月受暑期' in nr5, 'r5 7月 peak, 2月 lowest')
    need(raw5.count('>政务公开<') >= 4, 'r5 navigation repeated')
    info['vol'] = vol

    # ---------------- r6 md: call-outs, diff block, heading figures
    t6 = TX['r6']
    for kind in ('NOTE', 'TIP', 'WARNING', 'IMPORTANT'):
        need(f'> [!{kind}]' in t6, f'r6 call-out {kind}')
    trows = re.findall(r'(?m)^\| (\S+?) \| (\d+) \| ([\d,]+) \| (.+?) \|$', t6)
    sx = {r[0]: (int(r[1]), int(num(r[2]))) for r in trows}
    need(list(sx)[:12] == C12 and '合计' in sx, 'r6 table rows')
    need(sum(sx[c][0] for c in C12) == sx['合计'][0] == 88 and sum(sx[c][1] for c in C12) == sx['合计'][1] == 1054, 'r6 table sums')
    need(f'## 一、{sx["合计"][0]}支团队奔赴全市12个县（市、区）' in t6, 'r6 heading figure')
    m = re.search(r'## 四、形成调研报告(\d+)篇，获各级媒体报道(\d+)次', t6)
    need(m and f'形成调研报告{m.group(1)}篇' in t6.split('## 四')[1] and f'媒体报道{m.group(2)}次' in t6.split('## 四')[1], 'r6 heading 四 = body')
    diff = re.search(r'```diff\n(.*?)\n```', t6, re.S).group(1).split('\n')
    minus = [l for l in diff if l.startswith('- ')]
    plus = [l for l in diff if l.startswith('+ ')]
    need(len(minus) == len(plus) == 2, 'r6 diff lines')
    outside6 = t6.replace(re.search(r'```diff\n.*?\n```', t6, re.S).group(0), '')
    for s in ('86支', '1,026名', '38.6万元'):
        need(s in '\n'.join(minus) and s not in outside6, f'r6 old value {s} only on a - line')
    need(f'团队{sx["合计"][0]}支，参与学生{sx["合计"][1]:,}名' in plus[0] and '41.2万元' in plus[1] and '销售额41.2万元' in outside6, 'r6 + lines = body')
    need('补充立项了2支院级团队' in t6 and sx['合计'][0] - 86 == 2 and '院级团队72支' in t6 and 88 - 16 == 72, 'r6 88 = 86 + 2, 72 = 88 − 16')
    info['sx'] = sx

    # ---------------- r7 txt: UTF-16LE, CRLF, w/k counts
    raw7 = open(P['r7'], 'rb').read()
    need(raw7[:2] == b'\xff\xfe', 'r7 UTF-16LE BOM')
    t7 = raw7[2:].decode('utf-16-le')
    need(t7.count('\n') == t7.count('\r\n') > 20, 'r7 CRLF')
    need('共发布作品86条（微信公众号34篇、视频号22条、抖音30条），总阅读（播放）量68.4w' in t7 and 34 + 22 + 30 == 86, 'r7 86 works')
    reads = [float(x) for x in re.findall(r'总(?:阅读|播放)([\d.]+)w', t7)[:3]]
    need(abs(sum(reads) - 68.4) < 1e-9, f'r7 platform reads {reads}')
    need(round((896 + 1100 + 1200) / 1000, 1) == 3.2 and '矩阵新增粉丝3.2k' in t7, 'r7 new fans 3.2k')
    sd = int(info['t1']['绥德县'][I_VOL]) + vol['绥德县'][0]
    need(f'全县注册青年志愿者{sd:,}名（约{sd / 10000:.2f}w），本年新增{vol["绥德县"][0]:,}名' in t7, 'r7 = r1 + r5 (绥德 志愿者)')
    try:
        import lunardate
        cy = lunardate.LunarDate(2026, 9, 9).to_solar_date()
        need(cy == datetime.date(2026, 10, 18) and '重阳节（农历九月初九，10月18日）' in t7, 'r7 重阳 date')
        info['lunar'] = True
    except ImportError:
        info['lunar'] = False

    # ---------------- r8 csv: merged two-row header
    raw8 = open(P['r8'], 'rb').read()
    need(not raw8.startswith(b'\xef\xbb\xbf') and b'\r' not in raw8, 'r8 UTF-8 without BOM, LF')
    rows8 = csv_rows(raw8)
    need(rows8[1][:5] == ['单位', '新发展团员（名）', '', '', '团员总数（名）'] and rows8[2][1:4] == ['2025年1—10月', '2026年1—10月', '同比增长'], 'r8 two-row header')
    data8 = {r[0]: r for r in rows8[3:] if r[0] and not r[0].startswith(('说明', '制表'))}
    units8 = [u for u in data8 if u != '合计']
    iv = lambda s: None if s == '—' else int(num(s))
    for ci in (1, 2, 4, 5, 7):
        need(sum(iv(data8[u][ci]) or 0 for u in units8) == iv(data8['合计'][ci]), f'r8 column {ci}')
    for u in list(units8) + ['合计']:
        r = data8[u]
        a, b = iv(r[1]), iv(r[2])
        need(r[3] == ('—' if a == 0 else f'{(b - a) / a * 100 + (1e-9 if b >= a else -1e-9):.1f}%'), f'r8 同比 {u}')
        c, d = iv(r[4]), iv(r[5])
        need(r[6] == ('—' if c is None else (f'+{d - c}' if d > c else str(d - c))), f'r8 增减 {u}')
    tot8 = data8['合计']
    need(iv(tot8[4]) == info['t1']['定边县'][0], 'r8/r1 定边 团员 6,926')
    need(iv(tot8[7]) == info['t1']['定边县'][I_HOME] + tgt['定边县'][1], 'r8 = r1 + r2 (青年之家 11 = 10 + 1)')
    need(iv(tot8[1]) <= info['t1']['定边县'][2], 'r8 2025年1—10月 ≤ 2025 全年')
    info['r8'] = dict(a=iv(tot8[1]), b=iv(tot8[2]), c=iv(tot8[4]), d=iv(tot8[5]), h=iv(tot8[7]))

    # ---------------- weekdays
    nwd = 0
    for k, t in TX.items():
        for m in re.finditer(r'(?:(\d{4})年)?(?<!\d)(\d{1,2})月(\d{1,2})日（星期(.)）', t):
            y = int(m.group(1)) if m.group(1) else YEAR[k]
            w = WEEK[datetime.date(y, int(m.group(2)), int(m.group(3))).weekday()]
            need(w == m.group(4), f'{k}: weekday {m.group(0)} should be {w}')
            nwd += 1
    need(nwd >= 1, 'weekday dates')
    info['weekdays'] = nwd
    return NT, info


# ============================================================ gold / followups / cross
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
        if q['type'] == 'list':
            need(all(norm(a) in ev for a in q['answers']), f'{where}: list item missing')
        else:
            m = re.search(r'\d[\d,]*(?:\.\d+)?', q['answers'][0])
            if m:
                need(m.group() in ev or m.group().replace(',', '') in ev, f'{where}: figure of {q["answers"][0]} not in evidence')
            else:
                need(any(norm(a) in ev for a in q['answers']) or q['answers'][0] in ('星期日',), f'{where}: answer not in evidence {q["answers"]}')
        for a in q['answers']:
            m = re.search(r'\d{1,3}(?:,\d{3})+', a)
            if m:
                bare = m.group().replace(',', '')
                need(any(bare in b for b in q['answers']), f'{where}: comma-less form missing for {a}')

    gold = [json.loads(l) for l in open(os.path.join(BASE, 'gold.jsonl'), encoding='utf-8')]
    need([q['id'] for q in gold] == [f'b65-q{i:03d}' for i in range(1, len(gold) + 1)], 'gold ids')
    need(550 <= len(gold) <= 750, f'gold count {len(gold)}')
    need(len(set(q['question'] for q in gold)) == len(gold), 'duplicate questions')
    need(all(q['type'] in ('numeric', 'date', 'name', 'person', 'entity', 'list', 'unanswerable') for q in gold), 'types')
    for q in gold:
        check_q(q, q['id'])
    G = {q['question']: q for q in gold}
    t1, tgt, vol, sx = info['t1'], info['tgt'], info['vol'], info['sx']
    exp = {'哪个县（市、区）团员最多': max(C12, key=lambda u: t1[u][0]),
           '表1里团员总数最多的是哪个单位': max(UNITS, key=lambda u: t1[u][0]),
           '十二个县市区里团员最少的是哪个': min(C12, key=lambda u: t1[u][0]),
           '表1里青年之家最少的单位是哪个': min(UNITS, key=lambda u: t1[u][I_HOME]),
           '哪个单位团员发展完成率最高': max(UNITS, key=lambda u: t1[u][2] / t1[u][1]),
           '除了榆阳区，哪个县市注册志愿者最多': max([u for u in C12 if u != '榆阳区'], key=lambda u: t1[u][I_VOL]),
           '表1里完成率最低的是哪个县': min(C12, key=lambda u: t1[u][2] / t1[u][1]),
           '哪个县市区今年发展团员任务最重': max(C12, key=lambda c: tgt[c][0]),
           '分解表里哪个县团员发展任务最少': min(C12, key=lambda c: tgt[c][0]),
           '哪个县区资助金额最多': max(info['r3']['by'], key=info['r3']['by'].get),
           '哪个县1—10月新增注册志愿者最少': min(C12, key=lambda c: vol[c][0]),
           '除了榆阳和神木，哪个县市区服务时长最长': max([c for c in C12 if c not in ('榆阳区', '神木市')], key=lambda c: vol[c][1]),
           '哪个县区的三下乡团队最多': max(C12, key=lambda c: sx[c][0])}
    for qq, a in exp.items():
        need(qq in G and G[qq]['answers'][0] == a, f'rank answer {qq} -> {a}')
    nun = sum(q['type'] == 'unanswerable' for q in gold)
    nen = sum(not re.search(r'[\u4e00-\u9fff]', q['question']) for q in gold)
    need(0.12 <= nun / len(gold) <= 0.15, f'unanswerable share {nun / len(gold):.3f}')
    need(0.09 <= nen / len(gold) <= 0.12, f'English share {nen / len(gold):.3f}')
    per = Counter(byname.get(q['doc'], '-') for q in gold)
    need(all(per[k] >= 25 for k in R), f'per-report counts {per}')

    fus = [json.loads(l) for l in open(os.path.join(BASE, 'followups.jsonl'), encoding='utf-8')]
    nt = nfu = 0
    for c in fus:
        need(c['corpus'] == 'reports' and 4 <= len(c['turns']) <= 7, f'{c["id"]}: corpus/turns')
        need([t['id'] for t in c['turns']] == [f'{c["id"]}-t{j}' for j in range(1, len(c['turns']) + 1)], f'{c["id"]}: turn ids')
        for t in c['turns']:
            check_q(t, t['id']); nt += 1
            nfu += t['type'] == 'unanswerable'
        need(any(t['type'] == 'unanswerable' for t in c['turns']), f'{c["id"]}: no unanswerable turn')
    need(8 <= len(fus) <= 10, f'followup count {len(fus)}')
    need(any(all(not re.search(r'[\u4e00-\u9fff]', t['question']) for t in c['turns']) for c in fus), 'no English conversation')
    for key in ABSENT + list(FOLLOW_ABSENT.values()):
        need(norm(key) not in alln, f'ABSENT key {key} occurs in a report')
    for key in ABSENT:
        need(key in used, f'ABSENT key {key} unused')

    cross = [json.loads(l) for l in open(os.path.join(BASE, 'cross.jsonl'), encoding='utf-8')]
    need(15 <= len(cross) <= 20, 'cross count')
    for x in cross:
        need(x['type'] == 'cross' and len(x['docs']) == len(x['evidence']), f'{x["id"]}: docs')
        need(x['question'].count('？') == 1, f'{x["id"]}: one ask')
        for d, e in zip(x['docs'], x['evidence']):
            need(norm(e) in NT[byname[d]], f'{x["id"]}: evidence {e[:40]}')
        if x['kind'] == 'mention':
            name = x['question'][len('哪些材料提到了'):-1]
            found = [k for k in R if norm(name) in NT[k]]
            need([R[k] for k in found] == x['docs'] and [TITLE[k] for k in found] == x['answers'], f'{x["id"]}: mention recomputed {found}')
        else:
            need(len(set(x['docs'])) >= 2, f'{x["id"]}: needs two reports')
    need(set(x['kind'] for x in cross) == {'compare', 'rank', 'gap', 'list', 'total', 'mention', 'trend'}, 'cross kinds')
    A = {x['id']: x['answers'] for x in cross}
    r8, r3 = info['r8'], info['r3']
    yn = lambda c: '一致' if c else '不一致'
    need(A['cross65-01'][:2] == [yn(r8['c'] == t1['定边县'][0]), f'{int(t1["定边县"][0]):,}名'], 'cross01')
    need(A['cross65-02'][0] == f'{r8["h"] - int(t1["定边县"][I_HOME])}个', 'cross02')
    need(A['cross65-03'][0] == f'{tgt["定边县"][0] - r8["b"]}名', 'cross03')
    need(A['cross65-04'][0] == yn(tgt['合计'][0] + 420 + 1240 == 5200), 'cross04')
    need(A['cross65-05'][0] == f'{268 - tgt["神木市"][3]}个', 'cross05')
    need(A['cross65-06'][0] == f'{252 - int(t1["神木市"][I_FJX])}名', 'cross06')
    need(A['cross65-07'][0] == f'{r3["n"] - 600}名', 'cross07')
    need(A['cross65-08'][0] == f'{r3["n"] - 512}名', 'cross08')
    need(A['cross65-09'][0] == f'{(r3["amt"] - 2144000) / 10000:.1f}万元', 'cross09')
    need(A['cross65-10'][0] == f'{sum(v[0] for v in vol.values()) + 1236 + 3018:,}名', 'cross10')
    need(A['cross65-11'][0] == f'{vol["榆阳区"][0] - tgt["榆阳区"][2]}名', 'cross11')
    need(A['cross65-12'][0] == f'{tgt["绥德县"][2] - vol["绥德县"][0]}名', 'cross12')
    need(A['cross65-13'][0] == yn(int(t1['绥德县'][I_VOL]) + vol['绥德县'][0] == 13416), 'cross13')
    top = max(C12, key=lambda c: vol[c][0])
    need(A['cross65-14'][0] == f'{r3["by"][top]:,}元', 'cross14')
    need(A['cross65-15'] == [c for c in C12 if t1[c][2] < t1[c][1] and c in ('清涧县', '子洲县')], 'cross15')
    need(A['cross65-16'][0] == f'{int(t1["定边县"][2]) - r8["a"]}名', 'cross16')
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


MUTATIONS = {
    'docx: 定边县 团员 6,926 → 6,962 in 表1 (合计 unchanged)':
        lambda d: rezip(os.path.join(d, R['r1']), 'word/document.xml', '<w:t>6,926</w:t>'.encode(), '<w:t>6,962</w:t>'.encode()),
    'xlsx: cached 资助人数 of 榆阳区 本科 54 → 55 (formulas keep old results)':
        lambda d: rezip(os.path.join(d, R['r3']), 'xl/worksheets/sheet1.xml', b'<c r="D4" s="4"><v>54</v>', b'<c r="D4" s="4"><v>55</v>'),
    'html: 清涧县 574 → 547 inside the ECharts dataset':
        lambda d: retext(os.path.join(d, R['r5']), "['清涧县', 574, 8.6]", "['清涧县', 547, 8.6]"),
    'csv: 砖井镇 2026年1—10月 21 → 22':
        lambda d: retext(os.path.join(d, R['r8']), '砖井镇,18,21,', '砖井镇,18,22,'),
}


def mutation_test():
    results = {}
    d = tempfile.mkdtemp(prefix='b65mut.')
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
    errs = []
    NT, info = check_all(os.path.join(BASE, 'reports'), errs)
    summary = check_sets(NT, info, errs)
    mres = mutation_test()
    for name, me in mres.items():
        if not me:
            errs.append(f'mutation test: "{name}" passed unnoticed')
    if errs:
        print('\n'.join(errs[:80]))
        print(f'FAILED ({len(errs)})')
        sys.exit(1)
    print(f'reports: {len(R)} (.docx .pdf .xlsx .pptx .html .md .txt .csv); long report {info["r1chars"]} Chinese characters in body paragraphs; '
          f'{info["r3"]["formulas"]} xlsx formulas re-evaluated; {info["weekdays"]} weekday date(s) checked; 农历 check {"done" if info["lunar"] else "skipped (no lunardate)"}')
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
