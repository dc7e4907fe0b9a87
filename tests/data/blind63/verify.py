#!/usr/bin/env python3
"""Independent checker for blind63 (丽江).

Uses only the standard library + pypdf, openpyxl and lunardate; imports nothing from src/. It re-extracts every
report with its own code and checks
  * the layouts: docx 表1-1/表1-2 (one wide table split by columns, same row labels, 斜线表头 corner cell with a
    w:tl2br border and two paragraphs 指标/单位); PDF with a diagonal watermark, running header and footer on every
    page and a ■/□ checkbox table; long-format (tidy) xlsx with autofilter; pptx with group-shape KPI cards, a table
    and a hidden slide (show="0"); html with a years-as-rows <th scope="row"> table and <ruby>; Markdown with
    🟢/🟡/🔴 status cells; a GB18030/CRLF SRT-style subtitle script; a UTF-8-BOM CSV with multi-line quoted cells;
  * every evidence string occurs (whitespace ignored) in its report and contains the answer (or the answer is
    recomputed for the DERIVED questions);
  * table sums, rates, cross-report equalities, Chinese-numeral figures in the subtitles, 农历 dates (lunardate),
    every “M月D日（星期Z）” weekday;
  * unanswerable keys (in their question, in no report), shares, follow-ups and cross answers (recomputed);
  * a mutation test: mutated copies of two reports in a mkdtemp scratch dir must fail; the dir is deleted.
Prints the counts and OK, exits 0 when everything holds.
"""
import os, re, sys, io, csv, json, zipfile, datetime, html, shutil, tempfile, posixpath
from collections import Counter
from xml.etree import ElementTree as ET

BASE = os.path.dirname(os.path.abspath(__file__))
R = {
    'r1': 'lijiang_2025_tuanshiwei_quanwei_kuoda_gongzuo_baogao.docx',
    'r2': 'lijiang_2025_wuxing_qingnianzhijia_pingding_yanshou.pdf',
    'r3': 'lijiang_2025_xianqu_fenjidu_shuju_mingxi.xlsx',
    'r4': 'lijiang_2025_fanjiaxiang_xibujihua_huibao.pptx',
    'r5': 'ninglang_2026_xiangcun_zhenxing_qingchun_xingdong_news.html',
    'r6': 'yongsheng_2025_zhongdian_renwu_duban_taizhang.md',
    'r7': 'lijiang_2025_qingchun_lijiang_xuanchuanpian_zimugao.txt',
    'r8': 'gucheng_2025_zhiyuan_fuwu_xiangmu_daochu.csv',
}
YEAR = {'r1': 2026, 'r2': 2025, 'r3': 2025, 'r4': 2025, 'r5': 2026, 'r6': 2025, 'r7': 2026, 'r8': 2025}
UNITS = ['古城区', '玉龙纳西族自治县', '永胜县', '华坪县', '宁蒗彝族自治县', '市直机关和“两新”组织', '驻丽高校']
COUNTIES = UNITS[:5]
PPT_LABEL = ['古城区', '玉龙县', '永胜县', '华坪县', '宁蒗县', '市直单位', '驻丽高校']

ABSENT = ['大理', '昆明', '玉溪', '保山', '曲靖', '普洱', '迪庆', '怒江', '楚雄', '红河', '西双版纳', '文山', '昭通', '德宏',
          'Dali', 'Kunming', 'Yuxi', 'Baoshan', 'Chuxiong', "Pu'er", 'Qujing',
          '2019年', '2020年', '2027年', '2028年', '2018年', '2017年', 'in 2020', 'in 2024', '2019 recruitment',
          '古城区团区委书记', '团华坪县委书记', '团玉龙县委书记', '少工委主任', '市长', '秘书长', '丽江师范学院团委书记',
          '丽江文化旅游学院团委书记', 'secretary of Huaping', 'secretary of Gucheng', 'mayor', '民宿行业团工委书记',
          '女团员', '少数民族团员', '不良率', '团费收缴', '建筑面积', '部门预算', '学费', '邮箱', '门票', '生活补贴',
          'non-performing', 'female League members', 'tuition', 'phone number', 'volunteers paid',
          '一季度新建', '华坪县12355', '一季度少先队员', '驻丽高校青年夜校学员', '玉龙县青创贷', '古城区希望工程',
          '西部计划志愿者里女生', '第八期', '第十一期', '拉市海青年之家', '老君山青年之家', '复评得了', '站长',
          '点赞', '制作花了', '获得什么奖', '表彰了几个人', '中心镇青年之家管理员', '芒果青年之家管理员', '月均服务', '平均年龄多少',
          '研究生', '2026年西部计划志愿者在宁蒗', '2024年返家乡', '2024年全市青年夜校', '2024年团干部轮训', '彝族年',
          '工作人员有多少', 'Q1 2026', 'Lashihai', '床位', '少先队辅导员一共', '多少名团干部', '保险费', '古城区少先队员']
FOLLOW_ABSENT = {'那大理呢？': '大理', '2026年一季度呢？': '2026年一季度', '2020年呢？': '2020年', 'And in Kunming?': 'Kunming',
                 '拉市海青年之家呢？': '拉市海青年之家', '保险费多少？': '保险费', '那玉溪呢？': '玉溪'}
WEEK = '一二三四五六日'
NW = '{http://schemas.openxmlformats.org/wordprocessingml/2006/main}'
NA = '{http://schemas.openxmlformats.org/drawingml/2006/main}'
NR = '{http://schemas.openxmlformats.org/officeDocument/2006/relationships}'
NP = '{http://schemas.openxmlformats.org/presentationml/2006/main}'
NPR = '{http://schemas.openxmlformats.org/package/2006/relationships}'


# ============================================================ extraction (own code)
def wtext(el):
    return ''.join(t.text or '' for t in el.iter(NW + 't'))


def docx_parts(path):
    """(body paragraphs, tables as lists of rows of cells (cell = list of paragraph texts), full text)."""
    z = zipfile.ZipFile(path)
    body = ET.fromstring(z.read('word/document.xml')).find(NW + 'body')
    paras, tables, lines = [], [], []
    for el in body:
        if el.tag == NW + 'p':
            paras.append(wtext(el)); lines.append(paras[-1])
        elif el.tag == NW + 'tbl':
            rows = []
            for tr in el.findall(NW + 'tr'):
                cells = [[wtext(p) for p in tc.findall(NW + 'p')] for tc in tr.findall(NW + 'tc')]
                rows.append(cells)
                lines.append(' '.join('\n'.join(c) for c in cells))
            tables.append((el, rows))
    return paras, tables, '\n'.join(lines)


def part_rels(z, part):
    folder, name = posixpath.split(part)
    rp = f'{folder}/_rels/{name}.rels'
    if rp not in z.namelist():
        return {}
    return {r.get('Id'): posixpath.normpath(posixpath.join(folder, r.get('Target')))
            for r in ET.fromstring(z.read(rp)).iter(NPR + 'Relationship')}


def ptext(txbody):
    return '\n'.join(''.join(t.text or '' for t in p.iter(NA + 't')) for p in txbody.findall(NA + 'p'))


def pptx_slides(path):
    z = zipfile.ZipFile(path)
    prel = part_rels(z, 'ppt/presentation.xml')
    out = []
    for sid in ET.fromstring(z.read('ppt/presentation.xml')).find(NP + 'sldIdLst'):
        sp = prel[sid.get(NR + 'id')]
        root = ET.fromstring(z.read(sp))
        tree = root.find(f'{NP}cSld/{NP}spTree')
        texts, groups, tables = [], [], []

        def walk(node, into):
            for shp in node:
                if shp.tag == NP + 'sp' and shp.find(NP + 'txBody') is not None:
                    into.append(ptext(shp.find(NP + 'txBody')))
                elif shp.tag == NP + 'grpSp':
                    g = []
                    walk(shp, g)
                    groups.append(g)
                    into.extend(g)
                elif shp.tag == NP + 'graphicFrame':
                    tbl = shp.find(f'.//{NA}tbl')
                    if tbl is not None:
                        rows = [' '.join(''.join(t.text or '' for t in tc.iter(NA + 't')) for tc in tr.findall(NA + 'tc')) for tr in tbl.findall(NA + 'tr')]
                        tables.append(rows)
                        into.append('\n'.join(rows))
        walk(tree, texts)
        notes = ''
        for target in part_rels(z, sp).values():
            if 'notesSlide' in target:
                for shp in ET.fromstring(z.read(target)).iter(NP + 'sp'):
                    ph = shp.find(f'{NP}nvSpPr/{NP}nvPr/{NP}ph')
                    if ph is not None and ph.get('type') == 'body':
                        notes = ptext(shp.find(NP + 'txBody'))
        out.append(dict(texts=texts, groups=groups, tables=tables, notes=notes, hidden=root.get('show') == '0'))
    return out


def xlsx_rows(path):
    import openpyxl
    wb = openpyxl.load_workbook(path)
    return {ws.title: [[c for c in r] for r in ws.iter_rows(values_only=True)] for ws in wb.worksheets}, wb


def untag(raw):
    raw = re.sub(r'(?is)<(script|style)\b.*?</\1>', '', raw)
    return html.unescape(re.sub(r'(?s)<[^>]+>', '\n', raw))


def md_text(raw):
    out = []
    for line in raw.split('\n'):
        s = line.strip()
        if s.startswith('|'):
            cells = [c.strip() for c in s.strip('|').split('|')]
            if all(re.fullmatch(r':?-+:?', c) for c in cells):
                continue
            out.append(' '.join(cells))
        else:
            out.append(line)
    return '\n'.join(out)


def extract(path):
    ext = path.rsplit('.', 1)[1]
    if ext == 'docx':
        return docx_parts(path)[2]
    if ext == 'pptx':
        return '\n'.join('\n'.join(s['texts']) + '\n' + s['notes'] for s in pptx_slides(path))
    if ext == 'xlsx':
        sheets, _ = xlsx_rows(path)
        out = []
        for name, rows in sheets.items():
            out.append(f'【{name}】')
            for r in rows:
                cells = [str(c) for c in r if c not in (None, '')]
                if cells:
                    out.append(' '.join(cells))
        return '\n'.join(out)
    if ext == 'pdf':
        from pypdf import PdfReader
        return '\n'.join(p.extract_text() for p in PdfReader(path).pages)
    raw = open(path, 'rb').read()
    if ext == 'csv':
        return '\n'.join(' '.join(r) for r in csv.reader(io.StringIO(raw.decode('utf-8-sig'), newline='')))
    if ext == 'txt':
        return raw.decode('gb18030')
    raw = raw.decode('utf-8')
    if ext == 'md':
        return md_text(raw)
    return untag(raw)


def norm(s):
    return re.sub(r'\s+', '', s)


def num(s):
    return float(str(s).replace(',', '').lstrip('+'))


def pct(a, b):
    return f'{a / b * 100 + 1e-9:.1f}%'


CN = {'零': 0, '一': 1, '二': 2, '两': 2, '三': 3, '四': 4, '五': 5, '六': 6, '七': 7, '八': 8, '九': 9}
CU = {'十': 10, '百': 100, '千': 1000}


def cn2num(s):
    """Chinese numeral (up to 万) → int; 一千二百四十 = 1240, 一百二十三万五千 = 1235000."""
    total, sec, d = 0, 0, 0
    for ch in s:
        if ch in CN:
            d = CN[ch]
        elif ch in CU:
            sec += (d or 1) * CU[ch]; d = 0
        elif ch == '万':
            total += (sec + d) * 10000; sec = d = 0
        else:
            raise ValueError(s)
    return total + sec + d


# ============================================================ checks
def check_all(rd, errs):
    def need(cond, m):
        if not cond:
            errs.append(m)

    P = {k: os.path.join(rd, f) for k, f in R.items()}
    TX = {k: extract(p) for k, p in P.items()}
    NT = {k: norm(v) for k, v in TX.items()}
    info = {}

    # ---------------- R1 docx: two column-split tables with a diagonal corner cell
    paras, tables, _ = docx_parts(P['r1'])
    need(len(tables) == 2, f'r1 tables {len(tables)}')
    T = []
    for el, rows in tables:
        corner = rows[0][0]
        tc0 = el.find(NW + 'tr').find(NW + 'tc')
        need(corner == ['指标', '单位'] and tc0.find(f'{NW}tcPr/{NW}tcBorders/{NW}tl2br') is not None, 'r1 diagonal header cell')
        T.append({r[0][0]: [num(c[0].rstrip('%')) for c in r[1:]] for r in rows[1:]})
    t11, t12 = T
    need(list(t11) == UNITS + ['全市合计'] and list(t12) == list(t11), 'r1 the two tables share the row labels')
    for t, ncol in ((t11, 4), (t12, 5)):
        for ci in range(ncol):
            need(abs(sum(t[u][ci] for u in UNITS) - t['全市合计'][ci]) < 1e-6, f'r1 table column {ci} sum')
    for un in UNITS + ['全市合计']:
        need(f'{t11[un][3] / t11[un][2] * 100 + 1e-9:.1f}' == f'{t11[un][4]:.1f}', f'r1 完成率 {un}')
    tot1, tot2 = t11['全市合计'], t12['全市合计']
    nr1 = NT['r1']
    need(f'全年发展新团员{int(tot1[3]):,}名，完成年度计划{int(tot1[2]):,}名的{pct(tot1[3], tot1[2])}' in nr1, 'r1 prose 发展')
    need(f'全市共有团员{int(tot1[0]):,}名、基层团组织{int(tot1[1]):,}个' in nr1, 'r1 prose 团员/组织')
    below = [u for u in UNITS if t11[u][3] < t11[u][2]]
    need(below == ['永胜县'] and f'除永胜县少发展{int(t11["永胜县"][2] - t11["永胜县"][3])}名外' in nr1, f'r1 below plan {below}')
    best = max(COUNTIES, key=lambda u: t11[u][3] / t11[u][2])
    need(best == '华坪县' and f'华坪县计划完成率{t11["华坪县"][4]:.1f}%，居各县（区）首位' in nr1, 'r1 best rate')
    need(f'总数达到{int(tot2[0])}个' in nr1 and f'全市注册青年志愿者{int(tot2[1]):,}名，全年志愿服务时长{tot2[2]:.1f}万小时' in nr1, 'r1 prose 青年之家/志愿者')
    need(max(UNITS, key=lambda u: t12[u][2]) == '古城区' and f'古城区全年志愿服务时长达{t12["古城区"][2]:.1f}万小时，居全市首位' in nr1, 'r1 时长 max')
    need(f'全年开办青年夜校{int(tot2[4])}期' in nr1 and f'征集“返家乡”社会实践岗位{int(tot2[3])}个' in nr1, 'r1 夜校/返家乡 totals')
    need(f'驻丽高校发展新团员{int(t11["驻丽高校"][3]):,}名' in nr1 and t11['驻丽高校'][3] * 3 > tot1[3], 'r1 高校 > 1/3')
    need(max(COUNTIES, key=lambda u: t12[u][4]) == '古城区' and f'古城区开班{int(t12["古城区"][4])}期' in nr1, 'r1 夜校 max')
    need('纳西族38名、彝族31名、其他少数民族28名' in nr1 and 38 + 31 + 28 == 97 and '少数民族学员97名' in nr1, 'r1 青马 97')
    need('评定五星级7个、四星级4个' in nr1 and '12个“青年之家”参评' in nr1, 'r1 星级')
    # typed headings and body length
    need(any(p.startswith('一、') for p in paras) and any(p.startswith('（一）') for p in paras) and any(p.startswith('1.') for p in paras), 'r1 typed headings')
    body = [p for p in paras[4:] if not p.startswith('表1-') and not p.startswith('注：')]
    nch = len(re.findall(r'[\u4e00-\u9fff]', ''.join(body)))
    need(nch >= 3500, f'r1 body {nch} chars')
    info['r1 chars'] = nch

    # ---------------- R2 PDF
    from pypdf import PdfReader
    pages = [p.extract_text() for p in PdfReader(P['r2']).pages]
    need(len(pages) == 2, 'r2 pages')
    for i, pg in enumerate(pages, 1):
        need(pg.count('内部资料　注意保存') == 1 and '丽江共青团·基层组织建设' in pg and f'第 {i} 页　共 2 页' in pg, f'r2 watermark/header/footer page {i}')
    t1 = re.findall(r'(?m)^\s*(\d{1,2})\n(\S+[区县])\n(\S+)\n([\d.,]+万?人次)\n(\d+)\n(\d+\.\d)\n(五星级|四星级|不予评定)', pages[0])
    need(len(t1) == 12 and [int(r[0]) for r in t1] == list(range(1, 13)), f'r2 table 1 rows {len(t1)}')
    yj = {r[2]: dict(county=r[1], serve=(num(r[3][:-3]) * 10000 if '万' in r[3] else num(r[3][:-2])), act=int(r[4]), score=float(r[5]), res=r[6]) for r in t1}
    for n, d in yj.items():
        exp = '五星级' if d['score'] >= 90 else '四星级' if d['score'] >= 80 else '不予评定'
        need(d['res'] == exp, f'r2 rating rule {n}')
    cnt = Counter(d['res'] for d in yj.values())
    need(cnt == Counter({'五星级': 7, '四星级': 4, '不予评定': 1}) and '评定五星级7个、四星级4个，1个不予评定' in NT['r2'], f'r2 counts {cnt}')
    need(f'合计{sum(d["serve"] for d in yj.values()) / 10000:.2f}万人次' in NT['r2'], 'r2 服务人次 total')
    need(f'平均得分{sum(d["score"] for d in yj.values()) / 12 + 1e-9:.1f}分' in NT['r2'], 'r2 average')
    top = max(yj, key=lambda n: yj[n]['score'])
    need(top == max(yj, key=lambda n: yj[n]['serve']) == '大研街道“古城青年之家”' and f'得分最高的是{top}（{yj[top]["score"]}分）' in NT['r2'], 'r2 top')
    five = Counter(d['county'] for d in yj.values() if d['res'] == '五星级')
    need(five == Counter({'古城区': 2, '宁蒗县': 2, '玉龙县': 1, '永胜县': 1, '华坪县': 1}), f'r2 five-star by county {five}')
    t2 = re.findall(r'(?m)^\s*(\d{1,2})\n(\S+)\n([■□])\n([■□])\n([■□])\n([■□])\n([■□])', pages[1])
    need(len(t2) == 12 and [r[1] for r in t2] == list(yj), 'r2 checkbox table rows')
    ck = {r[1]: ''.join(r[2:]) for r in t2}
    need(sorted(n for n in ck if ck[n] == '■■■■■') == sorted(n for n in yj if yj[n]['res'] == '五星级'), 'r2 all-■ ⇔ 五星级')
    for n in ck:
        need((ck[n][2] == '■') == (yj[n]['act'] >= 4), f'r2 活动≥4 box {n}')
    need(sum(c[4] == '□' for c in ck.values()) == 3 and sum(c[0] == '□' for c in ck.values()) == 2, 'r2 □ counts')
    need('力争五星级总数达到12个' in NT['r2'] and '新增五星级“青年之家”5个' in NT['r2'] and 7 + 5 == 12, 'r2 2026 target')
    need('以95分获评五星级' in NT['r5'] and yj['永宁镇“泸沽湖青年之家”']['score'] == 95.0, 'r2/r5 泸沽湖 95')
    info['yj'] = yj
    heads = re.search(r'序号\n青年之家\n(.+)\n(.+)\n(.+)\n(.+)\n(.+)\n1\n', pages[1])
    need(heads is not None, 'r2 checkbox header')
    info['ck_miss'] = {n: [heads.group(i + 1) for i in range(5) if ck[n][i] == '□'] for n in ck}

    # ---------------- R3 xlsx long format
    sheets, wb = xlsx_rows(P['r3'])
    ws = wb['数据明细']
    need(ws.auto_filter.ref and ws.auto_filter.ref.startswith('A2:G'), 'r3 autofilter')
    need(sheets['数据明细'][1] == ('序号', '县（区）', '季度', '指标', '数值', '单位', '备注') or
         list(sheets['数据明细'][1]) == ['序号', '县（区）', '季度', '指标', '数值', '单位', '备注'], 'r3 header')
    data = [r for r in sheets['数据明细'][2:] if r[0] is not None]
    need(len(data) == 80 and [r[0] for r in data] == list(range(1, 81)), 'r3 rows')
    X = {}
    for r in data:
        X[(r[1], r[2], r[3])] = r[4]
    need(len(X) == 80, 'r3 unique keys')
    for c in COUNTIES:
        need(sum(X[(c, q, '新发展团员')] for q in ('一季度', '二季度', '三季度', '四季度')) == t11[c][3], f'r3/r1 团员 {c}')
        need(sum(X[(c, q, '青年夜校开班')] for q in ('一季度', '二季度', '三季度', '四季度')) == t12[c][4], f'r3/r1 夜校 {c}')
    kc = sum(v for k, v in X.items() if k[2] == '青年夜校开班')
    ks = sum(v for k, v in X.items() if k[2] == '青年夜校学员')
    need(f'其中五个县（区）开班{kc}期、学员{ks:,}人次' in nr1, f'r3/r1 五县区 {kc}/{ks}')
    need(kc + t12['市直机关和“两新”组织'][4] + t12['驻丽高校'][4] == tot2[4], 'r3 + 市直 + 高校 = 146')
    need('填表人 杨雪梅' in TX['r3'] and '审核人 赵婉清' in TX['r3'], 'r3 说明 sheet')
    info['X'] = X

    # ---------------- R4 pptx
    slides = pptx_slides(P['r4'])
    need(len(slides) == 8 and [s['hidden'] for s in slides].count(True) == 1, 'r4 slides / one hidden')
    hid = [s for s in slides if s['hidden']][0]
    ht = '\n'.join(hid['texts'])
    sch = re.findall(r'^([^\d，]+?)(\d+)名$', ht, re.M)
    need(len(sch) == 6 and sum(int(v) for _, v in sch) == 866, f'r4 hidden school sum {sch}')
    vis = norm('\n'.join('\n'.join(s['texts']) + s['notes'] for s in slides if not s['hidden'])) + ''.join(NT[k] for k in NT if k != 'r4')
    for fact in ('女生512名', '少数民族学生389名', '丽江师范学院164名', '省外高校260名'):
        need(fact in norm(ht) and fact not in vis, f'r4 hidden-only fact {fact}')
    groups = [g for s in slides for g in s['groups']]
    need(len(groups) == 4 and all(len(g) == 2 for g in groups), 'r4 group cards')
    cards = {g[1]: g[0] for g in groups}
    tbl = [t for s in slides for t in s['tables']]
    need(len(tbl) == 1, 'r4 one table')
    F = {}
    for row in tbl[0][1:]:
        p = row.split(' ')
        F[p[0]] = [int(num(x)) for x in p[1:4]] + [p[4]]
    need(list(F) == PPT_LABEL + ['合计'], f'r4 table labels {list(F)}')
    for lab, un in zip(PPT_LABEL, UNITS):
        need(F[lab][0] == t12[un][3], f'r4/r1 岗位 {lab}')
    for lab in F:
        need(pct(F[lab][2], F[lab][0]) == F[lab][3], f'r4 rate {lab}')
    for ci in range(3):
        need(sum(F[l][ci] for l in PPT_LABEL) == F['合计'][ci], f'r4 column {ci}')
    need(cards['征集“返家乡”岗位'] == f'{F["合计"][0]}个' and cards['报名大学生'] == f'{F["合计"][1]:,}人' and
         cards['实际上岗'] == f'{F["合计"][2]}人' and cards['岗位使用率'] == F['合计'][3], 'r4 cards vs table')
    need(max(PPT_LABEL, key=lambda l: F[l][2] / F[l][0]) == '古城区' == max(PPT_LABEL, key=lambda l: F[l][0]), 'r4 古城 max')
    need(f'{F["合计"][1]:,}名大学生报名，{F["合计"][2]}名上岗，岗位使用率{F["合计"][3]}' in nr1, 'r4/r1 返家乡 prose')
    m = re.findall(r'党政机关(\d+)个、企业(\d+)个、社区（村）(\d+)个', NT['r4'])
    need(m and sum(map(int, m[0])) == F['合计'][0], 'r4 岗位 types sum')
    need(f'{F["合计"][1] / F["合计"][0]:.1f}倍' == '1.4倍' and '1.4倍' in NT['r4'], 'r4 1.4倍')
    xb = re.findall(r'宁蒗县(\d+)名、永胜县(\d+)名、华坪县(\d+)名、玉龙县(\d+)名、古城区(\d+)名', NT['r4'])
    need(xb and sum(map(int, xb[0])) == 152 and '在岗西部计划志愿者152名' in NT['r4'] and '全市在岗西部计划志愿者152名' in nr1, 'r4 西部计划 152')
    need(int(xb[0][0]) == max(map(int, xb[0])) and '其中服务宁蒗县46名' in nr1, 'r4/r1 宁蒗 46')
    need('全国项目52名、地方项目22名' in NT['r4'] and '新招募西部计划志愿者74名' in nr1 and 52 + 22 == 74, 'r4 74')
    need('留丽就业38名，留丽率达到50%' in NT['r4'] and '期满的76名' in NT['r4'] and pct(38, 76) == '50.0%', 'r4 留丽率')
    info['F'] = F
    info['XB'] = dict(zip(['宁蒗县', '永胜县', '华坪县', '玉龙县', '古城区'], map(int, xb[0])))

    # ---------------- R5 html
    raw5 = open(P['r5'], encoding='utf-8').read()
    need(raw5.count('<th scope="row">') == 5 and '<ruby>' in raw5 and '<rt>' in raw5 and 'class="nav"' in raw5 and 'class="footer"' in raw5, 'r5 layout')
    rows5 = re.findall(r'<tr><th scope="row">(\d{4})年</th><td>([\d,]+)</td><td>([\d,]+)</td><td>(\d+)</td><td>([\d,]+|—)</td></tr>', raw5)
    need([r[0] for r in rows5] == ['2021', '2022', '2023', '2024', '2025'], 'r5 years as rows')
    NL = {int(r[0]): [int(num(x)) if x != '—' else None for x in r[1:]] for r in rows5}
    need(NL[2022][3] is None and '2022年火把节未举办集中活动' in NT['r5'], 'r5 2022 —')
    need(f'累计发展新团员{sum(v[0] for v in NL.values()):,}名' in NT['r5'] and f'培育青年致富带头人{sum(v[2] for v in NL.values())}名' in NT['r5'], 'r5 five-year sums')
    need(f'由{NL[2021][1]:,}名增至{NL[2025][1]:,}名' in NT['r5'], 'r5 lead 志愿者')
    need(NL[2025][0] == t11['宁蒗彝族自治县'][3] and NL[2025][1] == t12['宁蒗彝族自治县'][1], 'r5/r1 宁蒗 2025')
    need(f'其中宁蒗县{NL[2025][2]}名' in nr1 and f'2025年全县新培育青年致富带头人{NL[2025][2]}名' in NT['r5'], 'r5/r1 致富带头人')
    need(f'组织{NL[2025][3]:,}人次青年志愿者' in NT['r5'], 'r5 火把节 3,460')
    need(all(NL[y][0] < NL[y + 1][0] and NL[y][1] < NL[y + 1][1] for y in range(2021, 2025)), 'r5 rising series')
    info['NL'] = NL

    # ---------------- R6 markdown status table
    raw6 = open(P['r6'], encoding='utf-8').read()
    rows6 = re.findall(r'^\| (\d+) \| (.+?) \| (\S+) \| (\S+) \| ([\d.]+)% \| (🟢|🟡|🔴) \| (\S+) \|$', raw6, re.M)
    need(len(rows6) == 12, f'r6 rows {len(rows6)}')
    YS = {}
    for r in rows6:
        a, b = num(re.match(r'[\d,.]+', r[2]).group()), num(re.match(r'[\d,.]+', r[3]).group())
        p = float(r[4])
        need(f'{b / a * 100 + 1e-9:.1f}' == r[4], f'r6 progress {r[1]}')
        exp = '🟢' if p >= 100 else '🟡' if p >= 80 else '🔴'
        need(r[5] == exp, f'r6 status {r[1]}')
        YS[r[1]] = (a, b, r[5], r[6])
    sc = Counter(v[2] for v in YS.values())
    need(f'🟢 {sc["🟢"]}项、🟡 {sc["🟡"]}项、🔴 {sc["🔴"]}项' in raw6 and sc == Counter({'🟢': 6, '🟡': 3, '🔴': 3}), f'r6 汇总 {sc}')
    need(YS['新发展团员'][:2] == (t11['永胜县'][2], t11['永胜县'][3]), 'r6/r1 团员')
    need(YS['注册青年志愿者'][1] == t12['永胜县'][1] and YS['青年夜校开班'][1] == t12['永胜县'][4] and YS['“返家乡”岗位征集'][1] == t12['永胜县'][3], 'r6/r1 志愿者/夜校/返家乡')
    need(f'缺口{YS["希望工程募集资金"][0] - YS["希望工程募集资金"][1]:.1f}万元' in NT['r6'], 'r6 希望工程缺口')
    need(f'缺口{int(YS["团干部轮训"][0] - YS["团干部轮训"][1])}人次' in NT['r6'] and f'剩余{int(YS["12355“青春护航”进校园"][0] - YS["12355“青春护航”进校园"][1])}场' in NT['r6'], 'r6 缺口')
    need('全年发展428名，较目标少2名' in NT['r6'], 'r6 少2名')
    info['YS'] = YS

    # ---------------- R7 subtitles
    raw7 = open(P['r7'], 'rb').read()
    need(b'\r\n' in raw7 and raw7.count(b'\n') == raw7.count(b'\r\n'), 'r7 CRLF')
    try:
        raw7.decode('utf-8'); need(False, 'r7 must not be UTF-8')
    except UnicodeDecodeError:
        pass
    t7 = raw7.decode('gb18030')
    cues = re.findall(r'(?m)^(\d+)\r\n(\d\d):(\d\d):(\d\d),(\d{3}) --> (\d\d):(\d\d):(\d\d),(\d{3})\r\n(.+)$', t7)
    need([int(c[0]) for c in cues] == list(range(1, len(cues) + 1)) and len(cues) == 46, f'r7 cues {len(cues)}')
    tt = [((int(c[1]) * 3600 + int(c[2]) * 60 + int(c[3])) * 1000 + int(c[4]), (int(c[5]) * 3600 + int(c[6]) * 60 + int(c[7])) * 1000 + int(c[8])) for c in cues]
    need(all(a < b for a, b in tt) and all(tt[i][1] <= tt[i + 1][0] for i in range(len(tt) - 1)), 'r7 timecodes monotonic')
    mm = re.search(r'片长：(\d+)分(\d+)秒', t7)
    need(mm and tt[-1][1] == (int(mm.group(1)) * 60 + int(mm.group(2))) * 1000, 'r7 last cue = 片长')
    cn = {}
    for pat, key in [(r'新发展团员([一二三四五六七八九十百千万零两]+)名，', '发展'), (r'([一二三四五六七八九十百千万零两]+)期青年夜校', '夜校'),
                     (r'([一二三四五六七八九十百千万零两]+)个“青年之家”', '青年之家'), (r'([一二三四五六七八九十百千万零两]+)个“返家乡”岗位', '岗位'),
                     (r'迎来了([一二三四五六七八九十百千万零两]+)名', '上岗'), (r'([一二三四五六七八九十百千万零两]+)名西部计划', '西部'),
                     (r'募集资金([一二三四五六七八九十百千万零两]+)万元', '希望工程'), (r'帮助([一二三四五六七八九十百千万零两]+)名困难学生', '资助'),
                     (r'倾听([一二三四五六七八九十百千万零两]+)次求助', '12355'), (r'将发展新团员([一二三四五六七八九十百千万零两]+)名', '2026发展'),
                     (r'志愿服务([一二三四五六七八九十百千万零两]+)小时', '时长'), (r'全年上岗([一二三四五六七八九十百千万零两]+)人次', '护古城'),
                     (r'([一二三四五六七八九十百千万零两]+)人次青年志愿者守护', '火把节'), (r'卖出芒果([一二三四五六七八九十百千万零两]+)吨', '芒果')]:
        m = re.search(pat, t7)
        need(m is not None, f'r7 pattern {key}')
        cn[key] = cn2num(m.group(1)) if m else -1
    need(cn['发展'] == tot1[3] and cn['夜校'] == tot2[4] and cn['青年之家'] == tot2[0] and cn['岗位'] == F['合计'][0] and cn['上岗'] == F['合计'][2], 'r7/r1/r4 figures')
    need(cn['西部'] == 152 and cn['希望工程'] == 486 and '希望工程全年募集资金486万元' in nr1 and cn['资助'] == 1240 and '资助困难学生1,240名' in nr1, 'r7/r1 西部/希望工程')
    need(cn['12355'] == 2436 and '2,436件' in nr1 and cn['2026发展'] == 3100 and '全年发展新团员3,100名' in nr1, 'r7/r1 12355/2026')
    need(cn['时长'] == round(tot2[2] * 10000) and cn['护古城'] == 15200 and '上岗1.52万人次' in nr1, 'r7/r1 时长/护古城')
    need(cn['火把节'] == NL[2025][3] and cn['芒果'] == 1860 and '带动销售芒果1,860吨' in nr1, 'r7/r5 火把节, 芒果')
    need('八万两千余名' in t7 and 82000 <= tot2[1] < 83000, 'r7 八万两千余名')
    need('四万七千七百余名' in t7 and 47700 <= tot1[0] < 47800, 'r7 四万七千七百余名')
    info['cues'] = tt

    # ---------------- R8 csv
    raw8 = open(P['r8'], 'rb').read()
    need(raw8.startswith(b'\xef\xbb\xbf'), 'r8 BOM')
    rows8 = list(csv.reader(io.StringIO(raw8.decode('utf-8-sig'), newline='')))
    need(rows8[0][0] == '项目编号' and len(rows8) == 15 and all(len(r) == 12 for r in rows8), 'r8 shape')
    need(sum('\n' in r[11] for r in rows8[1:]) == 14 and b'\r\n' in raw8, 'r8 multi-line cells + CRLF rows')
    for r in rows8[1:]:
        rec, on, hrs = int(r[7]), int(r[8]), int(num(r[9]))
        need(on <= rec and hrs % on == 0, f'r8 {r[0]} 上岗/时长')
        need(r[5] <= r[6] and r[0].startswith('LJGC2025'), f'r8 {r[0]} dates/code')
    C8 = {r[0]: r for r in rows8[1:]}
    need(max(C8.values(), key=lambda r: int(num(r[9])))[0] == 'LJGC2025009', 'r8 max hours')
    need(C8['LJGC2025012'][5] == '2025-10-01' and C8['LJGC2025012'][6] == '2025-10-08' and '双节8天' in NT['r8'], 'r8 双节 8 days')
    info['C8'] = C8

    # ---------------- 农历 dates
    from lunardate import LunarDate
    need(LunarDate(2025, 2, 8).to_solar_date() == datetime.date(2025, 3, 7) and C8['LJGC2025002'][5] == '2025-03-07', 'r8 三朵节 = 二月初八')
    info['torch'] = LunarDate(2025, 6, 24).to_solar_date()
    info['torch_leap'] = LunarDate(2025, 6, 24, True).to_solar_date()
    info['zhuanshan'] = LunarDate(2025, 7, 25).to_solar_date()
    need('2025年恰逢农历闰六月' in NT['r5'], 'r5 闰六月')

    # ---------------- weekdays
    nwd = 0
    for k, t in TX.items():
        for m in re.finditer(r'(?:(\d{4})年)?(?<!\d)(\d{1,2})月(\d{1,2})日（星期(.)）', t):
            y = int(m.group(1)) if m.group(1) else YEAR[k]
            w = WEEK[datetime.date(y, int(m.group(2)), int(m.group(3))).weekday()]
            need(w == m.group(4), f'{k}: weekday {m.group(0)} should be {w}')
            nwd += 1
    need(nwd >= 9, f'weekday dates {nwd}')
    info['weekday dates'] = nwd
    info.update(t11=t11, t12=t12)
    return NT, info


# ============================================================ gold / followups / cross
def derived(info):
    t, tl, zs = info['torch'], info['torch_leap'], info['zhuanshan']
    return {
        '2025年火把节是公历几月几号': f'{t.month}月{t.day}日',
        'What is the Gregorian date of the 2025 Torch Festival?': f'{t.month}月{t.day}日',
        '2025年火把节那天星期几': '星期' + WEEK[t.weekday()],
        '火把节回望摄影展是公历哪天': f'{tl.month}月{tl.day}日',
        '2025年转山节是公历哪天': f'{zs.month}月{zs.day}日',
        '三朵节志愿服务那天是农历几月几': '二月初八',
        '黄山街道青年之家哪项没达标': info['ck_miss']['黄山街道青年之家'][0],
        '芒果青年之家哪项指标没达到': info['ck_miss']['荣将镇“芒果青年之家”'][0],
    }


def check_sets(NT, info, errs):
    def need(cond, m):
        if not cond:
            errs.append(m)
    byname = {f: k for k, f in R.items()}
    alln = ''.join(NT.values())
    used = set()
    DER = derived(info)

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
        if q['question'] in DER:
            need(q['answers'][0] == DER[q['question']], f'{where}: derived answer {q["answers"][0]} vs {DER[q["question"]]}')
        elif q['type'] == 'list':
            need(all(norm(a) in ev for a in q['answers']), f'{where}: list item missing')
        else:
            m = re.search(r'\d[\d,]*(?:\.\d+)?', q['answers'][0])
            if m:   # the answer's figure must be in the evidence (units may sit in a header or caption)
                need(m.group() in ev or m.group().replace(',', '') in ev, f'{where}: figure of {q["answers"][0]} not in evidence')
            else:
                need(any(norm(a) in ev for a in q['answers']), f'{where}: answer not in evidence {q["answers"]}')
        for a in q['answers']:
            m = re.match(r'^(约|近|超过|不少于|突破|\+)?([\d,]+(?:\.\d+)?)', a)
            if m and ',' in m.group(2):
                need((m.group(1) or '') + m.group(2).replace(',', '') + a[m.end():] in q['answers'], f'{where}: comma-less form missing for {a}')

    gold = [json.loads(l) for l in open(os.path.join(BASE, 'gold.jsonl'), encoding='utf-8')]
    need([q['id'] for q in gold] == [f'b63-q{i:03d}' for i in range(1, len(gold) + 1)], 'gold ids')
    need(550 <= len(gold) <= 750, 'gold count')
    need(len(set(q['question'] for q in gold)) == len(gold), 'duplicate questions')
    need(all(q['type'] in ('numeric', 'date', 'name', 'person', 'entity', 'list', 'unanswerable') for q in gold), 'types')
    for q in gold:
        check_q(q, q['id'])
    G = {q['question']: q for q in gold}
    t11, t12, yj, X = info['t11'], info['t12'], info['yj'], info['X']
    exp = {'哪个县区团员最多': max(COUNTIES, key=lambda u: t11[u][0]),
           '五个县区里青年之家最少的是哪个': min(COUNTIES, key=lambda u: t12[u][0]),
           '注册青年志愿者最多的单位是哪个': max(UNITS, key=lambda u: t12[u][1]),
           'Which Youth Home scored highest in the 2025 star rating?': max(yj, key=lambda n: yj[n]['score']),
           '服务时长最多的志愿项目是哪个': max(info['C8'].values(), key=lambda r: int(num(r[9])))[1]}
    for qq, a in exp.items():
        need(qq in G and G[qq]['answers'][0] == a, f'rank answer {qq} -> {a}')
    nun = sum(q['type'] == 'unanswerable' for q in gold)
    nen = sum(not re.search(r'[\u4e00-\u9fff]', q['question']) for q in gold)
    need(0.12 <= nun / len(gold) <= 0.15, f'unanswerable share {nun / len(gold):.3f}')
    need(0.09 <= nen / len(gold) <= 0.12, f'English share {nen / len(gold):.3f}')
    per = Counter(byname.get(q['doc'], '-') for q in gold)
    need(all(per[k] >= 40 for k in R), f'per-report counts {per}')

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
        need(x['type'] == 'cross' and len(set(x['docs'])) >= 2 and len(x['docs']) == len(x['evidence']), f'{x["id"]}: docs')
        need(x['question'].count('？') == 1, f'{x["id"]}: one ask')
        for d, e in zip(x['docs'], x['evidence']):
            need(norm(e) in NT[byname[d]], f'{x["id"]}: evidence {e[:40]}')
        if x['kind'] == 'mention':
            name = x['question'][len('哪些材料提到了'):-1]
            found = [R[k] for k in sorted(NT) if norm(name) in NT[k]]
            need(found == x['docs'] == x['answers'], f'{x["id"]}: mention recomputed {found}')
    need(set(x['kind'] for x in cross) == {'compare', 'rank', 'gap', 'list', 'total', 'mention', 'trend'}, 'cross kinds')
    A = {x['id']: x['answers'] for x in cross}
    NL, F, YS, XB = info['NL'], info['F'], info['YS'], info['XB']
    nl = '宁蒗彝族自治县'
    need(A['cross63-01'][0] == f'{int(t11[nl][3]) - NL[2021][0]}名', 'cross01')
    need(A['cross63-02'][0] == f'{int(t12[nl][1]) - NL[2024][1]:,}名', 'cross02')
    kc = sum(v for k, v in X.items() if k[2] == '青年夜校开班')
    need(A['cross63-03'][0] == ('一致' if f'其中五个县（区）开班{kc}期' in NT['r1'] else '不一致'), 'cross03')
    need(A['cross63-04'][0] == f'{1000 - F["合计"][0]}个' and '岗位1,000个' in NT['r1'], 'cross04')
    need(A['cross63-05'][0] == ('一致' if YS['注册青年志愿者'][1] == t12['永胜县'][1] else '不一致'), 'cross05')
    need(A['cross63-06'][0] == ('一致' if YS['新发展团员'][1] == t11['永胜县'][3] else '不一致'), 'cross06')
    top = max(yj, key=lambda n: yj[n]['score'])
    need(yj[top]['county'] == '古城区' and A['cross63-07'][0] == f'{int(t11["古城区"][3])}名', 'cross07')
    need(A['cross63-11'][0] == f'{F["合计"][2] + 74}人', 'cross11')
    need(A['cross63-12'][0] == f'{int(t11[nl][3]) - NL[2024][0]}名', 'cross12')
    need(A['cross63-13'][0] == ('一致' if 82000 <= t12['全市合计'][1] < 83000 else '不一致'), 'cross13')
    need(A['cross63-14'][0] == f'{16000 - 15200}人次', 'cross14')
    need(max(XB, key=XB.get) == '宁蒗县' and A['cross63-15'][0] == f'{int(t11[nl][3])}名', 'cross15')
    two = sorted(c for c, n in Counter(d['county'] for d in yj.values() if d['res'] == '五星级').items() if n == 2)
    full = {'古城区': '古城区', '宁蒗县': nl}
    need(two == ['古城区', '宁蒗县'] and A['cross63-16'] == [f'{int(t12[full[c]][0])}个' for c in ('古城区', '宁蒗县')], 'cross16')
    need(A['cross63-17'][0] == f'{74 + 80}名', 'cross17')
    need(A['cross63-18'][0] == ('一致' if yj['永宁镇“泸沽湖青年之家”']['score'] == 95.0 and '以95分' in NT['r5'] else '不一致'), 'cross18')
    return dict(gold=len(gold), types=dict(Counter(q['type'] for q in gold)), per=dict(per), english=nen, unanswerable=nun,
                followups=(len(fus), nt, nfu), cross=(len(cross), dict(Counter(x['kind'] for x in cross))))


def mutation_test():
    d = tempfile.mkdtemp(prefix='b63mut.')
    try:
        for f in R.values():
            shutil.copy(os.path.join(BASE, 'reports', f), d)
        # 1) 古城区 实际发展 436 -> 437 inside the docx table only
        p = os.path.join(d, R['r1'])
        zin = zipfile.ZipFile(p); items = {n: zin.read(n) for n in zin.namelist()}; zin.close()
        items['word/document.xml'] = items['word/document.xml'].replace('<w:t>436</w:t>'.encode(), '<w:t>437</w:t>'.encode(), 1)
        with zipfile.ZipFile(p, 'w', zipfile.ZIP_DEFLATED) as zout:
            for n, b in items.items():
                zout.writestr(n, b)
        # 2) one service-hours figure in the csv
        c = os.path.join(d, R['r8'])
        raw = open(c, 'rb').read().replace('20,592'.encode(), '20,593'.encode(), 1)
        open(c, 'wb').write(raw)
        errs = []
        try:
            check_all(d, errs)
        except Exception as e:  # a crash on mutated data also counts as detection
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
    print(f'reports: {len(R)} (.docx .pdf .xlsx .pptx .html .md .txt .csv); long report {info["r1 chars"]} Chinese characters in body paragraphs; '
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
