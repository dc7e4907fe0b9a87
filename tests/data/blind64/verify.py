#!/usr/bin/env python3
"""Independent checker for blind64 (延边).

Uses only the standard library + pypdf and openpyxl; imports nothing from src/. It re-extracts every report with its
own code and checks
  * the layouts: docx 表1 whose 全州合计 row is made of Word formula fields (=SUM(ABOVE), cached results); a UTF-8-BOM
    CRLF Chinese–Korean bilingual notice; an html table built only from CSS-grid <div>s; an xlsx whose 汇总 sheet holds
    cross-sheet and 3-D formulas (='延吉市'!E4, =SUM('延吉市:安图县'!E4)) with cached values; a pptx with a merged
    two-row table header and legacy slide comments; a Markdown 简报 with text bar charts (█); a PDF with sticky-note
    annotations; a GB18030 csv with two stacked blocks and ="…" text guards;
  * every evidence string occurs (whitespace ignored) in its report's extracted text and contains the answer (or the
    answer is recomputed for the DERIVED questions);
  * sums, rates, shares, bar lengths, formula results, cross-report equalities, weekdays;
  * unanswerable keys (in their question, in no report), shares of unanswerable / English, follow-ups, cross answers;
  * a mutation test: mutated copies of reports in a mkdtemp scratch dir must fail; the dir is deleted.
Prints the counts and OK, exits 0 when everything holds.
"""
import os, re, sys, io, csv, json, zipfile, datetime, html, shutil, tempfile, posixpath
from collections import Counter
from xml.etree import ElementTree as ET

BASE = os.path.dirname(os.path.abspath(__file__))
R = {
    'r1': 'yanbian_2025_tuanzhouwei_quanwei_gongzuo_baogao.docx',
    'r2': 'yanbian_2026_qingchun_hubian_tongzhi_zhaohan.txt',
    'r3': 'hunchun_2026_qingchun_hubian_zongshu_news.html',
    'r4': 'yanbian_2026_1-10yue_xianshi_jindu_tongji.xlsx',
    'r5': 'yanji_2026_qingnian_yexiao_huibao.pptx',
    'r6': 'helong_2026_disanji_gongzuo_jianbao.md',
    'r7': 'dunhua_2026_shangbannian_zongjie_songshengao.pdf',
    'r8': 'tumen_2026_tuanyuan_fazhan_zhihuituanjian_daochu.csv',
}
YEAR = {'r1': 2025, 'r2': 2026, 'r3': 2026, 'r4': 2026, 'r5': 2026, 'r6': 2026, 'r7': 2026, 'r8': 2026}
C8 = ['延吉市', '图们市', '敦化市', '珲春市', '龙井市', '和龙市', '汪清县', '安图县']
UNITS = C8 + ['州直机关和“两新”组织', '驻州高校']
WEEK = '一二三四五六日'
NW = '{http://schemas.openxmlformats.org/wordprocessingml/2006/main}'
NA = '{http://schemas.openxmlformats.org/drawingml/2006/main}'
NR = '{http://schemas.openxmlformats.org/officeDocument/2006/relationships}'
NP = '{http://schemas.openxmlformats.org/presentationml/2006/main}'
NPR = '{http://schemas.openxmlformats.org/package/2006/relationships}'

ABSENT = []  # filled below (see README "ABSENT")
ABSENT += ['长春', '吉林市', '四平', '辽源', '通化', '白山市', '松原', '白城', '哈尔滨', '牡丹江',
           'Changchun', 'Siping', 'Tonghua', 'Baicheng', 'Songyuan', 'Liaoyuan', 'Harbin']
ABSENT += ['2020年', '2021年', '2022年', '2023年', '2028年', '2024年', 'in 2023', 'in 2024', '2027年上半年', '2025年一季度',
           '2025年1—10月', '2026年全年实际', '2026年12月', '11月份新发展', '珲春今年返家乡岗位使用率']
ABSENT += ['团图们市委书记', '团汪清县委书记', '团安图县委书记', '团龙井市委书记', '延边大学团委书记', '州长', '少工委主任',
           '秘书长', 'mayor', 'secretary of Wangqing', 'secretary of Tumen', '延边职业技术学院团委书记', '团和龙市委副书记',
           '团珲春市委副书记', '青年发展部部长']
ABSENT += ['女团员', '朝鲜族团员', '团费', '建筑面积', '部门预算', '门票', '学费', '邮箱', '床位', '平均年龄', '保险金额',
           'female League members', 'tuition', 'budget', 'e-mail', 'average age', '满意度调查谁做的',
           '安图县12355', '龙井市青年夜校学员满意度', '汪清县志愿服务时长', '图们市12355', '敦化市12355全年',
           '防川景区服务点志愿者里女生', '长岭子口岸服务点朝鲜族', '夜校老师工资', '课时费', '获奖名单', '第十一期青马',
           '光东村青年之家面积', '龙城镇青年夜校', '依兰镇教学点学员', '小营镇教学点开班', '雁鸣湖镇12355', '延吉市12355',
           '月宫街道团支部书记', '石岘镇团委书记', '凉水镇青年之家', '图们江广场能容纳', '直播电商课程学员就业',
           '日语志愿者', '志愿者补助标准', '伽倻琴老师', '延吉市西部计划', '驻州高校青年之家新建', '和龙市返家乡岗位数',
           '敦化市团员总数2026', '珲春口岸服务点男', '退役军人导师名单', '网络播放量2024', '苹果梨销售量', '黑木耳产量']


# ============================================================ extraction (own code)
def wtext(el):
    return ''.join(t.text or '' for t in el.iter(NW + 't'))


def docx_parts(path):
    z = zipfile.ZipFile(path)
    body = ET.fromstring(z.read('word/document.xml')).find(NW + 'body')
    paras, tables, lines = [], [], []
    for el in body:
        if el.tag == NW + 'p':
            paras.append(wtext(el)); lines.append(paras[-1])
        elif el.tag == NW + 'tbl':
            rows = []
            for tr in el.findall(NW + 'tr'):
                rows.append([tc for tc in tr.findall(NW + 'tc')])
                lines.append(' '.join(wtext(tc) for tc in rows[-1]))
            tables.append(rows)
    return paras, tables, '\n'.join(lines)


def part_rels(z, part):
    folder, name = posixpath.split(part)
    rp = f'{folder}/_rels/{name}.rels'
    if rp not in z.namelist():
        return {}
    return {r.get('Id'): (r.get('Type').rsplit('/', 1)[1], posixpath.normpath(posixpath.join(folder, r.get('Target'))))
            for r in ET.fromstring(z.read(rp)).iter(NPR + 'Relationship')}


def ptext(txbody):
    return '\n'.join(''.join(t.text or '' for t in p.iter(NA + 't')) for p in txbody.findall(NA + 'p'))


def pptx_slides(path):
    z = zipfile.ZipFile(path)
    prel = part_rels(z, 'ppt/presentation.xml')
    authors = {}
    for typ, tgt in prel.values():
        if typ == 'commentAuthors':
            authors = {a.get('id'): a.get('name') for a in ET.fromstring(z.read(tgt)).iter(NP + 'cmAuthor')}
    out = []
    for sid in ET.fromstring(z.read('ppt/presentation.xml')).find(NP + 'sldIdLst'):
        sp = prel[sid.get(NR + 'id')][1]
        root = ET.fromstring(z.read(sp))
        texts, tables = [], []
        for shp in root.find(f'{NP}cSld/{NP}spTree'):
            if shp.tag == NP + 'sp' and shp.find(NP + 'txBody') is not None:
                texts.append(ptext(shp.find(NP + 'txBody')))
            elif shp.tag == NP + 'graphicFrame':
                tbl = shp.find(f'.//{NA}tbl')
                if tbl is not None:
                    rows = []
                    for tr in tbl.findall(NA + 'tr'):
                        cells = []
                        for tc in tr.findall(NA + 'tc'):
                            if tc.get('hMerge') == '1' or tc.get('vMerge') == '1':
                                continue   # covered by a merged cell: not visible
                            cells.append(''.join(t.text or '' for t in tc.iter(NA + 't')))
                        rows.append(cells)
                    tables.append((tbl, rows))
                    texts.append('\n'.join(' '.join(r) for r in rows))
        notes, comments = '', []
        for typ, target in part_rels(z, sp).values():
            if typ == 'notesSlide':
                for shp in ET.fromstring(z.read(target)).iter(NP + 'sp'):
                    ph = shp.find(f'{NP}nvSpPr/{NP}nvPr/{NP}ph')
                    if ph is not None and ph.get('type') == 'body':
                        notes = ptext(shp.find(NP + 'txBody'))
            if typ == 'comments':
                for cm in ET.fromstring(z.read(target)).iter(NP + 'cm'):
                    comments.append((authors.get(cm.get('authorId')), cm.get('dt'), cm.find(NP + 'text').text))
        out.append(dict(texts=texts, tables=tables, notes=notes, comments=comments))
    return out


def xl_display(v, fmt):
    if v is None:
        return ''
    if isinstance(v, (int, float)) and '%' in (fmt or ''):
        return f'{v * 100 + 1e-9:.1f}%'
    if isinstance(v, float) and v == int(v):
        return str(int(v))
    return str(v)


def xlsx_load(path):
    import openpyxl
    wv = openpyxl.load_workbook(path, data_only=True)
    wf = openpyxl.load_workbook(path, data_only=False)
    return wv, wf


def pdf_pages(path):
    from pypdf import PdfReader
    out = []
    for p in PdfReader(path).pages:
        anns = []
        for a in p.get('/Annots', []) or []:
            a = a.get_object()
            if a.get('/Subtype') == '/Text':
                anns.append((str(a.get('/T')), str(a.get('/Contents'))))
        out.append((p.extract_text(), anns))
    return out


def csv_rows(raw):
    rows = []
    for r in csv.reader(io.StringIO(raw.decode('gb18030'), newline='')):
        rows.append([re.sub(r'^="(.*)"$', r'\1', c) for c in r])
    return rows


def extract(path):
    ext = path.rsplit('.', 1)[1]
    if ext == 'docx':
        return docx_parts(path)[2]
    if ext == 'pptx':
        return '\n'.join('\n'.join(s['texts']) + '\n' + s['notes'] + '\n' + '\n'.join(f'{c[0]}：{c[2]}' for c in s['comments']) for s in pptx_slides(path))
    if ext == 'xlsx':
        wv, _ = xlsx_load(path)
        out = []
        for ws in wv.worksheets:
            out.append(f'【{ws.title}】')
            for row in ws.iter_rows():
                cells = [xl_display(c.value, c.number_format) for c in row]
                cells = [c for c in cells if c != '']
                if cells:
                    out.append(' '.join(cells))
        return '\n'.join(out)
    if ext == 'pdf':
        return '\n'.join(t + '\n' + '\n'.join(f'{w}：{c}' for w, c in a) for t, a in pdf_pages(path))
    raw = open(path, 'rb').read()
    if ext == 'csv':
        return '\n'.join(' '.join(r) for r in csv_rows(raw) if any(r))
    if ext == 'txt':
        return raw.decode('utf-8-sig')
    raw = raw.decode('utf-8')
    if ext == 'md':
        return raw
    raw = re.sub(r'(?is)<(script|style)\b.*?</\1>', '', raw)
    return html.unescape(re.sub(r'(?s)<[^>]+>', '\n', raw))


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

FOLLOW_ABSENT = {'里面女生几个？': '女生'}
TITLE = {'r1': '全委会工作报告', 'r2': '青春护边通知', 'r3': '珲春护边综述', 'r4': '县市进度统计表', 'r5': '延吉青年夜校汇报',
         'r6': '和龙共青团工作简报', 'r7': '敦化上半年工作总结', 'r8': '图们智慧团建导出'}
CNNUM = {'一': 1, '二': 2, '两': 2, '三': 3, '四': 4, '五': 5, '六': 6, '七': 7, '八': 8, '九': 9}


def cn2num(s):
    total, d = 0, 0
    for ch in s:
        if ch in CNNUM:
            d = CNNUM[ch]
        elif ch in '十百千':
            total += (d or 1) * {'十': 10, '百': 100, '千': 1000}[ch]; d = 0
        elif ch == '万':
            total = (total + d) * 10000; d = 0
    return total + d


# ============================================================ formula evaluator for the xlsx (cross-sheet and 3-D refs)
def col2n(c):
    n = 0
    for ch in c:
        n = n * 26 + ord(ch) - 64
    return n


def eval_formula(f, sheet, wv, order):
    f = f.lstrip('=')

    def cell(sh, ref):
        v = wv[sh][ref].value
        return float(v or 0)

    def rng(sh, a, b):
        ca, ra = re.match(r'([A-Z]+)(\d+)', a).groups(); cb, rb = re.match(r'([A-Z]+)(\d+)', b).groups()
        return sum(cell(sh, f'{chr(64 + ci)}{r}') for ci in range(col2n(ca), col2n(cb) + 1) for r in range(int(ra), int(rb) + 1))
    m = re.fullmatch(r"SUM\('([^':]+):([^']+)'!([A-Z]+\d+)\)", f)
    if m:
        i, j = order.index(m.group(1)), order.index(m.group(2))
        return sum(cell(s, m.group(3)) for s in order[i:j + 1])
    m = re.fullmatch(r'SUM\(([A-Z]+\d+):([A-Z]+\d+)\)', f)
    if m:
        return rng(sheet, m.group(1), m.group(2))
    m = re.fullmatch(r"'([^']+)'!([A-Z]+\d+)", f)
    if m:
        return cell(m.group(1), m.group(2))
    m = re.fullmatch(r'([A-Z]+\d+)/([A-Z]+\d+)', f)
    if m:
        return cell(sheet, m.group(1)) / cell(sheet, m.group(2))
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

    # ---------------- r1 docx: 表1 with =SUM(ABOVE) field results
    paras, tables, _ = docx_parts(P['r1'])
    need(len(tables) == 1, 'r1 one table')
    rows = tables[0]
    t1 = {wtext(r[0]): [num(wtext(c)) for c in r[1:]] for r in rows[1:]}
    need(list(t1) == UNITS + ['全州合计'], f'r1 row labels {list(t1)}')
    totrow = rows[-1]
    for ci in range(1, 8):
        tc = totrow[ci]
        instr = ''.join(x.text or '' for x in tc.iter(NW + 'instrText'))
        kinds = [x.get(NW + 'fldCharType') for x in tc.iter(NW + 'fldChar')]
        need('=SUM(ABOVE)' in instr and kinds == ['begin', 'separate', 'end'], f'r1 合计 col {ci} is not a SUM(ABOVE) field')
        need(abs(sum(t1[u][ci - 1] for u in UNITS) - t1['全州合计'][ci - 1]) < 1e-6, f'r1 cached field result col {ci}')
    T = t1['全州合计']
    nr1 = NT['r1']
    need(f'全年发展新团员{int(T[3]):,}名，完成年度计划{int(T[2]):,}名的{pct(T[3], T[2])}' in nr1, 'r1 prose 发展')
    need(f'全州共有团员{int(T[0]):,}名、基层团组织{int(T[1]):,}个' in nr1, 'r1 prose 团员/组织')
    below = [u for u in UNITS if t1[u][3] < t1[u][2]]
    need(below == ['和龙市'] and f'除和龙市少发展{int(t1["和龙市"][2] - t1["和龙市"][3])}名外' in nr1, f'r1 below plan {below}')
    rates = {u: t1[u][3] / t1[u][2] for u in C8}
    best = max(rates, key=rates.get)
    need(best == '安图县' and sorted(rates.values())[-1] > sorted(rates.values())[-2] and f'安图县计划完成率{pct(t1["安图县"][3], t1["安图县"][2])}' in nr1, 'r1 best rate')
    need(f'驻州高校发展新团员{int(t1["驻州高校"][3]):,}名，占全州新发展团员的{pct(t1["驻州高校"][3], T[3])}' in nr1, 'r1 高校 share')
    need(f'其中延吉市团员{int(t1["延吉市"][0]):,}名，占全州团员总数的{pct(t1["延吉市"][0], T[0])}' in nr1, 'r1 延吉 share')
    need(f'全州总数达到{int(T[4])}个，其中延吉市{int(t1["延吉市"][4])}个，数量最多' in nr1 and max(UNITS, key=lambda u: t1[u][4]) == '延吉市', 'r1 青年之家')
    need(f'全州全年开办青年夜校{int(T[6])}期' in nr1 and f'其中延吉市开班{int(t1["延吉市"][6])}期' in nr1, 'r1 夜校')
    need(f'全州注册青年志愿者达到{int(T[5]):,}名' in nr1, 'r1 志愿者')
    need('招收学员120名，其中朝鲜族学员46名，占学员总数的38.3%' in nr1 and pct(46, 120) == '38.3%', 'r1 青马 share')
    need('征集岗位1,150个，实际上岗大学生986名，岗位使用率85.7%' in nr1 and pct(986, 1150) == '85.7%', 'r1 返家乡 rate')
    need('新建“青年之家”15个，全州总数达到132个' in nr1 and T[4] + 15 == 132, 'r1 2026 青年之家 target')
    need('全年发展新团员3,600名，其中各县（市）2,150名、州直机关和“两新”组织320名、驻州高校1,130名' in nr1 and 2150 + 320 + 1130 == 3600, 'r1 2026 targets add up')
    need('在珲春、图们、龙井、和龙、安图5个沿边县（市）' in nr1, 'r1 5 沿边县市')
    need(any(p.startswith('一、') for p in paras) and any(p.startswith('（一）') for p in paras) and any(p.startswith('1.') for p in paras), 'r1 headings')
    body = [p for p in paras[4:] if not p.startswith('表1') and not p.startswith('注：')]
    nch = len(re.findall(r'[\u4e00-\u9fff]', ''.join(body)))
    need(nch >= 3500, f'r1 body {nch} chars')
    info['r1 chars'] = nch
    info['t1'] = t1

    # ---------------- r2 bilingual notice
    raw2 = open(P['r2'], 'rb').read()
    need(raw2.startswith(b'\xef\xbb\xbf') and raw2.count(b'\n') == raw2.count(b'\r\n'), 'r2 BOM + CRLF')
    t2 = TX['r2']
    need(re.search(r'[\uac00-\ud7a3]', t2) is not None and '（조선문）' in t2, 'r2 Korean part')
    qcn = {c: int(n) for c, n in re.findall(r'(\S{2}[市县])(\d+)名', t2.split('（조선문）')[0].split('各县（市）名额为：')[1].split('。')[0])}
    KO = {'연길시': '延吉市', '도문시': '图们市', '돈화시': '敦化市', '훈춘시': '珲春市', '룡정시': '龙井市', '화룡시': '和龙市', '왕청현': '汪清县', '안도현': '安图县'}
    qko = {KO[a]: int(n) for a, n in re.findall(r'(\S+[시현]) (\d+)명', t2.split('（조선문）')[1])}
    need(list(qcn) == C8 and qcn == qko, f'r2 quotas Chinese == Korean {qcn} {qko}')
    need(sum(qcn.values()) == 300 and '全州共选派大学生志愿者300名' in t2 and '대학생자원봉사자 300명' in t2, 'r2 300')
    need(max(qcn, key=qcn.get) == '珲春市' and '“青春护边”暑期志愿服务选派大学生志愿者300名' in nr1, 'r2/r1 300, 珲春 max')
    need('김은희' in t2.split('（조선문）')[1] and '김은희' not in t2.split('（조선문）')[0], 'r2 Korean-only contact')
    info['quota'] = qcn

    # ---------------- r3 html grid
    raw3 = open(P['r3'], encoding='utf-8').read()
    need('<table' not in raw3 and 'display:grid' in raw3 and raw3.count('class="g-row') == 9, 'r3 div grid, no <table>')
    grid = re.findall(r'<div class="g-row">(.*?)</div>\n', raw3)
    hc = {}
    for g in grid:
        cells = re.findall(r'<div class="g-c[^"]*">([^<]*)</div>', g + '</div>')
        hc[cells[0]] = [int(num(x)) for x in cells[1:]]
    need(len(hc) == 7, f'r3 rows {len(hc)}')
    for n, (vol, days, hrs, ppl) in hc.items():
        need(vol * days * 4 == hrs, f'r3 hours rule {n}')
    tv, th, tp = (sum(v[i] for v in hc.values()) for i in (0, 2, 3))
    nr3 = NT['r3']
    need(f'合计{tv}—{th:,}{tp:,}' in nr3 and f'实际选派大学生志愿者{tv}名' in nr3 and f'累计服务时长{th:,}小时，服务群众{tp:,}人次' in nr3, 'r3 totals')
    fc = hc['防川景区服务点']
    need(f'暑期服务游客{fc[3] / 10000:.2f}万人次，占全部服务人次的{pct(fc[3], tp)}' in nr3 and max(hc, key=lambda n: hc[n][3]) == '防川景区服务点', 'r3 防川 share')
    need(f'朝鲜族志愿者39名，占{pct(39, tv)}' in nr3, 'r3 朝鲜族 share')
    d = datetime.date(2026, 8, 31) - datetime.date(2026, 7, 18)
    need(hc['长岭子口岸服务点'][1] == d.days + 1, 'r3 长岭子 days from 7月18日')
    need(f'承担了全州最多的{qcn["珲春市"]}名志愿者任务' in nr3, 'r3/r2 60')
    info['hc'] = hc

    # ---------------- r4 xlsx: formulas with cached values
    wv, wf = xlsx_load(P['r4'])
    order = wv.sheetnames
    need(order[0] == '汇总' and order[1:9] == C8 and order[9] == '填表说明', f'r4 sheets {order}')
    nform = 0
    for ws in wf.worksheets:
        for row in ws.iter_rows():
            for cl in row:
                if isinstance(cl.value, str) and cl.value.startswith('='):
                    cached = wv[ws.title][cl.coordinate].value
                    need(cached is not None, f'r4 no cached value {ws.title}!{cl.coordinate}')
                    if cached is not None:
                        need(abs(eval_formula(cl.value, ws.title, wv, order) - float(cached)) < 1e-9, f'r4 formula {ws.title}!{cl.coordinate}')
                    nform += 1
    need(any(isinstance(c.value, str) and c.value.startswith("=SUM('延吉市:安图县'!") for c in wf['汇总'][13]), 'r4 3-D reference row')
    need(nform == 8 * 7 + 8 * 9 + 9 + 8, f'r4 formulas {nform}')
    info['formulas'] = nform
    XV = {}
    for cty in C8:
        for r in range(4, 11):
            XV[(wv[cty][f'B{r}'].value, cty)] = (wv[cty][f'D{r}'].value, wv[cty][f'E{r}'].value)
    need('州直机关和“两新”组织（年度目标320名）、驻州高校（年度目标1,130名）' in NT['r4'] and
         sum(XV[('新发展团员', c)][0] for c in C8) + 320 + 1130 == 3600, 'r4/r1 3,600 target')
    need(sum(XV[('青年夜校开班', c)][0] for c in C8) + 0 <= 400, 'r4 夜校 targets')
    info['XV'] = XV

    # ---------------- r5 pptx
    sl = pptx_slides(P['r5'])
    tbl, trows = sl[2]['tables'][0]
    tcs = list(tbl.iter(NA + 'tc'))
    need(tcs[0].get('rowSpan') == '2' and tcs[1].get('gridSpan') == '2' and sum(tc.get('hMerge') == '1' for tc in tcs) >= 3, 'r5 merged two-row header')
    yj = {r[0]: [int(num(x)) for x in r[1:]] for r in trows[2:]}
    for n, v in yj.items():
        need(v[0] + v[2] == v[4] and v[1] + v[3] == v[5], f'r5 row sums {n}')
    for i in range(6):
        need(sum(yj[n][i] for n in yj if n != '合计') == yj['合计'][i], f'r5 column {i}')
    tq, tp5 = yj['合计'][4], yj['合计'][5]
    nr5 = NT['r5']
    need(f'全年开班{tq}期，完成年度目标110期的{pct(tq, 110)}' in nr5 and f'参加学员{tp5:,}人次' in nr5, 'r5 prose')
    need(XV[('青年夜校开班', '延吉市')] == (110, tq) and XV[('青年夜校学员', '延吉市')][1] == tp5, 'r5/r4 延吉 夜校')
    need('含延边大学教学点16期' in NT['r4'] and yj['延边大学'][4] == 16, 'r5/r4 延边大学 16期')
    courses = re.findall(r'(\S+)　(\d+)期（占([\d.]+)%）', '\n'.join(sl[3]['texts']))
    need(len(courses) == 7 and sum(int(k) for _, k, _ in courses) == tq and all(pct(int(k), tq) == s + '%' for _, k, s in courses), 'r5 courses')
    cms = [c for s in sl for c in s['comments']]
    need(len(cms) == 2 and {c[0] for c in cms} == {'郑雅琳', '崔英浩'}, f'r5 comments {cms}')
    need('秋季班415人次中含旁听学员63人次，正式学员352人次' in nr5 and yj['延边大学'][3] == 415 == 63 + 352, 'r5 comment 415')
    info['yj'] = yj

    # ---------------- r6 md bar charts
    t6 = TX['r6']
    blocks = re.findall(r'```text\n(.*?)\n```', t6, re.S)
    need(len(blocks) == 2, 'r6 two chart blocks')
    b1 = [re.match(r'(\S+?)　*\s+(█+) ([\d,]+)$', l).groups() for l in blocks[0].split('\n')]
    b2 = [re.match(r'(\S+?)　*\s+(█+) ([\d,]+)$', l).groups() for l in blocks[1].split('\n')]
    need(all(len(b) == int(num(v)) for _, b, v in b1), 'r6 chart 1 bar = value')
    need(all(len(b) == int(num(v) / 200 + 0.5) for _, b, v in b2), 'r6 chart 2 bar = value/200')
    s1, s2 = sum(int(num(v)) for _, _, v in b1), sum(int(num(v)) for _, _, v in b2)
    need(f'全市1—9月新发展团员{s1}名，完成年度目标150名的{pct(s1, 150)}' in t6 and f'合计{s2:,}小时' in t6 and f'第四季度力争发展新团员{150 - s1}名' in t6, 'r6 totals')
    need(XV[('新发展团员', '和龙市')][0] == 150 and XV[('新发展团员', '和龙市')][1] - s1 == 11 and '10月发展11名' in NT['r4'], 'r6/r4 和龙 10月')
    need(XV[('青年夜校开班', '和龙市')][1] >= 17, 'r6/r4 夜校')
    need(f'和龙市{qcn["和龙市"]}名大学生志愿者' in t6, 'r6/r2 35')
    info['hl'] = s1

    # ---------------- r7 pdf annotations
    pages = pdf_pages(P['r7'])
    anns = [a for _, al in pages for a in al]
    need(len(anns) == 3 and all(w == '张立新' for w, _ in anns), f'r7 annotations {anns}')
    need(all(norm(c) not in norm(''.join(t for t, _ in pages)) for _, c in anns), 'r7 annotation text not in page text')
    t7 = pages[0][0]
    dh = {}
    for m in re.finditer(r'(?m)^(\S+?(?:街道|镇|学校))\n(\d+)\n(\d+)\n([\d,]+)\n(\d+)$', t7):
        dh[m.group(1)] = [int(num(m.group(i))) for i in range(2, 6)]
    m = re.search(r'(?m)^合计\n(\d+)\n(\d+)\n([\d,]+)\n(\d+)$', t7)
    need(len(dh) == 9 and m is not None, f'r7 table rows {len(dh)}')
    tot7 = [int(num(m.group(i))) for i in range(1, 5)] if m else [0] * 4
    for i in range(4):
        need(sum(v[i] for v in dh.values()) == tot7[i], f'r7 column {i}')
    nr7 = NT['r7']
    need(f'上半年全市新发展团员{tot7[0]}名，占全年目标400名的{pct(tot7[0], 400)}' in nr7 and XV[('新发展团员', '敦化市')][0] == 400, 'r7 share / r4 target')
    need(f'上半年开办青年夜校{tot7[1]}期' in nr7 and tot7[1] + 19 == XV[('青年夜校开班', '敦化市')][1] and '全年合计40期' in nr7, 'r7 21+19 = 40 = r4')
    need(f'全市共有“青年之家”{tot7[3]}个' in nr7 and tot7[3] == t1['敦化市'][4] + XV[('新建青年之家', '敦化市')][1], 'r7 17 = 15 + 2')
    low = sorted(n for n, v in dh.items() if v[0] < 13)
    need(low == ['雁鸣湖镇', '黄泥河镇'] and '雁鸣湖镇、黄泥河镇上半年发展均不足13名' in nr7, f'r7 不足13名 {low}')
    need(f'敦化市承担{qcn["敦化市"]}名志愿者任务' in nr7, 'r7/r2 25')
    info['dh'] = tot7

    # ---------------- r8 csv
    raw8 = open(P['r8'], 'rb').read()
    try:
        raw8.decode('utf-8'); need(False, 'r8 must be GB18030, not UTF-8')
    except UnicodeDecodeError:
        pass
    need(raw8.count(b'\n') == raw8.count(b'\r\n') and raw8.count(b'="TM2026-') == 22, 'r8 CRLF and ="…" guards')
    rows8 = csv_rows(raw8)
    blank = [i for i, r in enumerate(rows8) if not any(r)]
    need(len(blank) == 2, 'r8 two blank separator lines (stacked blocks)')
    org = {r[0]: [int(x) for x in r[1:4]] for r in rows8[2:blank[0]]}
    need(all(sum(v[i] for k, v in org.items() if k != '合计') == org['合计'][i] for i in range(3)), 'r8 block 1 合计')
    bat = [r for r in rows8[blank[0] + 3:blank[1]]]
    need([int(r[0]) for r in bat] == list(range(1, len(bat) + 1)) and len(bat) == 22, 'r8 batches numbered')
    per = Counter()
    for r in bat:
        per[r[2]] += int(r[4])
    need(all(per[k] == v[2] for k, v in org.items() if k != '合计'), 'r8 batches per org = 本年发展')
    dt = lambda s: datetime.date(*map(int, s.split('/')))
    to_oct = sum(int(r[4]) for r in bat if dt(r[3]) <= datetime.date(2026, 10, 31))
    need(to_oct == XV[('新发展团员', '图们市')][1], f'r8/r4 up to October {to_oct}')
    need(all(dt(bat[i][3]) <= dt(bat[i + 1][3]) for i in range(len(bat) - 1)), 'r8 batches in date order')
    info['tm'] = (org['合计'], to_oct)

    # ---------------- weekdays
    nwd = 0
    for k, t in TX.items():
        for m in re.finditer(r'(?:(\d{4})年)?(?<!\d)(\d{1,2})月(\d{1,2})日（星期(.)）', t):
            y = int(m.group(1)) if m.group(1) else YEAR[k]
            w = WEEK[datetime.date(y, int(m.group(2)), int(m.group(3))).weekday()]
            need(w == m.group(4), f'{k}: weekday {m.group(0)} should be {w}')
            nwd += 1
    need(nwd >= 3, f'weekday dates {nwd}')
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
                need(any(norm(a) in ev for a in q['answers']) or q['answers'][0] in ('星期日', '星期二', '星期五'), f'{where}: answer not in evidence {q["answers"]}')
        for a in q['answers']:
            m = re.search(r'\d{1,3}(?:,\d{3})+', a)
            if m:
                bare = m.group().replace(',', '')
                need(any(bare in b for b in q['answers']), f'{where}: comma-less form missing for {a}')

    gold = [json.loads(l) for l in open(os.path.join(BASE, 'gold.jsonl'), encoding='utf-8')]
    need([q['id'] for q in gold] == [f'b64-q{i:03d}' for i in range(1, len(gold) + 1)], 'gold ids')
    need(550 <= len(gold) <= 750, f'gold count {len(gold)}')
    need(len(set(q['question'] for q in gold)) == len(gold), 'duplicate questions')
    need(all(q['type'] in ('numeric', 'date', 'name', 'person', 'entity', 'list', 'unanswerable') for q in gold), 'types')
    for q in gold:
        check_q(q, q['id'])
    G = {q['question']: q for q in gold}
    t1, XV, hc, yj = info['t1'], info['XV'], info['hc'], info['yj']
    exp = {'哪个县市团员最多': max(C8, key=lambda u: t1[u][0]),
           '八个县市里团员最少的是哪个': min(C8, key=lambda u: t1[u][0]),
           '表1里青年之家最少的县市是哪个': min(C8, key=lambda u: t1[u][4]),
           '除了延吉，哪个县市注册志愿者最多': max([u for u in C8 if u != '延吉市'], key=lambda u: t1[u][5]),
           '团员发展进度最快的县市': max(C8, key=lambda u: XV[('新发展团员', u)][1] / XV[('新发展团员', u)][0]),
           '团员发展进度最慢的是哪个': min(C8, key=lambda u: XV[('新发展团员', u)][1] / XV[('新发展团员', u)][0]),
           '哪个县市返家乡上岗超过目标最多': max(C8, key=lambda u: XV[('“返家乡”上岗大学生', u)][1] - XV[('“返家乡”上岗大学生', u)][0]),
           '珲春哪个服务点志愿者最少': min(hc, key=lambda n: hc[n][0]),
           '延吉哪个教学点开班最多': max([n for n in yj if n != '合计'], key=lambda n: yj[n][4]),
           '延吉哪个教学点学员人次最少': min([n for n in yj if n != '合计'], key=lambda n: yj[n][5])}
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
        need(c['corpus'] == 'reports' and 5 <= len(c['turns']) <= 7, f'{c["id"]}: corpus/turns')
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
            need(len(set(x['docs'])) >= 2 or x['kind'] == 'list', f'{x["id"]}: needs two reports')
    need(set(x['kind'] for x in cross) == {'compare', 'rank', 'gap', 'list', 'total', 'mention', 'trend'}, 'cross kinds')
    A = {x['id']: x['answers'] for x in cross}
    q = info['quota']
    need(A['cross64-01'][0] == f'{int(t1["延吉市"][3]) - XV[("新发展团员", "延吉市")][1]}名', 'cross01')
    need(A['cross64-02'][0] == f'{sum(q.values()) - 240}名' and '共选派240名大学生志愿者' in NT['r1'], 'cross02')
    need(A['cross64-03'][0] == f'{sum(v[0] for v in hc.values()) - q["珲春市"]}名', 'cross03')
    need(A['cross64-04'][0] == ('一致' if yj['合计'][4] == XV[('青年夜校开班', '延吉市')][1] else '不一致'), 'cross04')
    need(A['cross64-05'][0] == ('一致' if yj['合计'][5] == XV[('青年夜校学员', '延吉市')][1] else '不一致'), 'cross05')
    need(A['cross64-06'][0] == ('一致' if yj['延边大学'][4] == 16 else '不一致'), 'cross06')
    need(A['cross64-07'][0] == f'{info["tm"][0][2] - XV[("新发展团员", "图们市")][1]}名', 'cross07')
    need(A['cross64-08'][0] == f'{XV[("新发展团员", "和龙市")][1] - info["hl"]}名', 'cross08')
    need(A['cross64-09'][0] == f'{XV[("新发展团员", "敦化市")][1] - info["dh"][0]}名', 'cross09')
    need(A['cross64-10'][0] == ('一致' if XV[('新发展团员', '敦化市')][0] == 400 else '不一致'), 'cross10')
    need(A['cross64-11'][:2] == [('一致' if sum(XV[("新发展团员", c)][0] for c in C8) + 320 + 1130 == 3600 else '不一致'), '3,600名'], 'cross11')
    need(A['cross64-12'][0] == f'{info["dh"][3] - int(t1["敦化市"][4])}个', 'cross12')
    need(A['cross64-13'][0] == f'{info["tm"][0][0] - int(t1["图们市"][0])}名', 'cross13')
    top = max(q, key=q.get)
    need(A['cross64-14'][0] == f'{int(t1[top][0]):,}名', 'cross14')
    need(A['cross64-15'][0] == ('一致' if info['dh'][1] + 19 == XV[('青年夜校开班', '敦化市')][1] else '不一致'), 'cross15')
    need(A['cross64-16'] == [c for c in C8 if q[c] == 30], 'cross16')
    return dict(gold=len(gold), types=dict(Counter(q['type'] for q in gold)), per=dict(per), english=nen, unanswerable=nun,
                followups=(len(fus), nt, nfu), cross=(len(cross), dict(Counter(x['kind'] for x in cross))))


def mutation_test():
    d = tempfile.mkdtemp(prefix='b64mut.')
    try:
        for f in R.values():
            shutil.copy(os.path.join(BASE, 'reports', f), d)
        # 1) 延吉市 实际发展 668 -> 669 in the docx table only (the field's cached 合计 stays 3,565)
        p = os.path.join(d, R['r1'])
        zin = zipfile.ZipFile(p); items = {n: zin.read(n) for n in zin.namelist()}; zin.close()
        items['word/document.xml'] = items['word/document.xml'].replace('<w:t>668</w:t>'.encode(), '<w:t>669</w:t>'.encode(), 1)
        with zipfile.ZipFile(p, 'w', zipfile.ZIP_DEFLATED) as zout:
            for n, b in items.items():
                zout.writestr(n, b)
        # 2) one batch size in the GB18030 csv
        c = os.path.join(d, R['r8'])
        raw = open(c, 'rb').read().replace('2026/10/30,5,'.encode('gb18030'), '2026/10/30,6,'.encode('gb18030'), 1)
        open(c, 'wb').write(raw)
        errs = []
        try:
            check_all(d, errs)
        except Exception as e:
            errs.append(f'exception {e!r}')
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
    print(f'reports: {len(R)} (.docx .txt .html .xlsx .pptx .md .pdf .csv); long report {info["r1 chars"]} Chinese characters in body paragraphs; '
          f'{info["formulas"]} xlsx formulas re-evaluated; {info["weekdays"]} weekday dates checked')
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
