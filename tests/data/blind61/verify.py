#!/usr/bin/env python3
"""Independent checker for blind61 (珠海).

Uses only the standard library + pypdf and openpyxl (python-docx only to show the content-control trap);
imports nothing from src/. It re-extracts every report and checks
  * the layouts (Word auto-numbering, vMerge/gridSpan table, content controls, hidden xlsx rows/sheet, WeChat
    article, <details> Q&A, Traditional Chinese + MOP/HK$ in the PDF, mermaid gantt, UTF-8-BOM/CRLF contract),
  * every evidence string occurs (whitespace ignored) in its report and contains the answer,
  * sums, totals, percentages and 大写 amounts inside and across reports,
  * every “M月D日（星期Z）” weekday,
  * unanswerable keys (in their question, in no report),
  * followups and cross items (mentions recomputed over all reports),
  * a mutation test: a mutated copy of the reports in a mktemp scratch dir must fail; the dir is deleted.
Prints OK and exits 0 when everything holds.
"""
import os, re, sys, json, zipfile, datetime, html, shutil, tempfile
from xml.etree import ElementTree as ET

BASE = os.path.dirname(os.path.abspath(__file__))
W = '{http://schemas.openxmlformats.org/wordprocessingml/2006/main}'

R = {
    'r1': 'zhuhai_2025_tuanshiwei_quanwei_gongzuo_baogao.docx',
    'r2': 'zhuhai_2025_qingnian_fazhan_xing_chengshi_zhibiao_jiance.xlsx',
    'r3': 'zhuhai_2025_fanjiaxiang_gongzhonghao_tuiwen.html',
    'r4': 'zhuhai_2025_qingnian_fazhan_xing_chengshi_xingdong_fangan_jiedu.html',
    'r5': 'zhuhai_2025_zhuao_qingnian_tongxinxing_zongjie.pdf',
    'r6': 'zhuhai_2025_fanjiaxiang_tuijin_jihua.md',
    'r7': 'zhuhai_2025_gaoxiao_sanxiaxiang_zhongdian_tuandui_lixiang.docx',
    'r8': 'zhuhai_2025_12355_fuwutai_yunying_caigou_hetong.txt',
}
YEAR = {'r1': 2025, 'r2': 2025, 'r3': 2025, 'r4': 2025, 'r5': 2025, 'r6': 2025, 'r7': 2025, 'r8': 2025}

ABSENT = ['中山市', '江门', '佛山', '东莞', '惠州', '肇庆', '深圳', '2023年', '2022年', '2019年', '2028年', '2021年',
          '团香洲区委书记', '团斗门区委书记', '团金湾区委书记', '校长', '市长', '站长', '秘书长', '少工委主任', '会计', '总经理',
          '主持人', '团工委书记', '秘書長', '电话', '奖金', '利率', '平均年龄', '床位', '面积', '航班', '邮编', '工资', '党员',
          '第三季度', '女队员', '门票', '团长', '学费', '心理咨询师', '融资额', '造价', '四星章', '酒店', '每天几小时', '保险费多少',
          '违约金上限', '出席委员', '选举', '发放总额', '平均天数', '在外就读总人数', 'mayor', 'Zhongshan', 'Shenzhen', '2023',
          'phone', 'prize money', 'beds', 'Jinwan District League committee', 'interest rate', 'principal', 'Guangzhou', '2022',
          'monthly rent', '2024年新发展团员', '2024年有多少澳门青年', '团高新区工委书记', '交通补贴']
FOLLOW_ABSENT = {'那中山市呢？': '中山市', '那2023年呢？': '2023年', '律师费呢？': '律师费', '其中女队员多少？': '女队员'}
WEEK = '一二三四五六日'


# ============================================================ extraction (own code)
def docx_text(path):
    z = zipfile.ZipFile(path)
    body = ET.fromstring(z.read('word/document.xml')).find(W + 'body')
    out = []

    def pt(p):
        return ''.join(t.text or '' for t in p.iter(W + 't'))

    def walk(el):
        for ch in el:
            if ch.tag == W + 'p':
                out.append(pt(ch))
            elif ch.tag == W + 'tbl':
                for tr in ch.iter(W + 'tr'):
                    out.append(' '.join('\n'.join(pt(p) for p in tc.iter(W + 'p')) for tc in tr.findall(W + 'tc')))
            elif ch.tag == W + 'sdt':
                walk(ch.find(W + 'sdtContent'))
    walk(body)
    return '\n'.join(out)


def cell_str(v, nf):
    if isinstance(v, str):
        return v
    if nf.endswith('%'):
        return f'{v * 100:.1f}%'
    if nf == '0.00':
        return f'{v:.2f}'
    if nf == '#,##0':
        return f'{v:,.0f}'
    return str(int(v)) if isinstance(v, float) and v.is_integer() else str(v)


def xlsx_text(path):
    import openpyxl
    wb = openpyxl.load_workbook(path)
    lines = []
    for ws in wb.worksheets:
        lines.append(f'【{ws.title}】')
        for row in ws.iter_rows():
            vs = [cell_str(c.value, c.number_format) for c in row if c.value is not None]
            if vs:
                lines.append(' '.join(vs))
    return '\n'.join(lines)


def extract(path):
    ext = path.rsplit('.', 1)[1]
    if ext == 'docx':
        return docx_text(path)
    if ext == 'xlsx':
        return xlsx_text(path)
    if ext == 'pdf':
        from pypdf import PdfReader
        return '\n'.join(p.extract_text() for p in PdfReader(path).pages)
    raw = open(path, 'rb').read().decode('utf-8-sig')
    if ext == 'html':
        raw = re.sub(r'(?is)<(script|style).*?</\1>', '', raw)
        return html.unescape(re.sub(r'(?s)<[^>]+>', '\n', raw))
    return raw


def norm(s):
    return re.sub(r'\s+', '', s)


def num(s):
    return float(s.replace(',', ''))


def pct(a, b):
    return f'{a / b * 100 + 1e-9:.1f}%'


# ============================================================ 大写 amounts
DIG = {'零': 0, '壹': 1, '贰': 2, '叁': 3, '肆': 4, '伍': 5, '陆': 6, '柒': 7, '捌': 8, '玖': 9}
UNIT = {'拾': 10, '佰': 100, '仟': 1000}


def daxie(s):
    s = s.replace('人民币', '').replace('元整', '')
    total, sec, d = 0, 0, 0
    for ch in s:
        if ch in DIG:
            d = DIG[ch]
        elif ch in UNIT:
            sec += (d or 1) * UNIT[ch]; d = 0
        elif ch == '万':
            total += (sec + d) * 10000; sec = d = 0
    return total + sec + d


# ============================================================ checks
def check_all(rd, errs, full=True):
    def err(m):
        errs.append(m)

    def need(cond, m):
        if not cond:
            err(m)
    TX = {k: extract(os.path.join(rd, f)) for k, f in R.items()}
    NT = {k: norm(v) for k, v in TX.items()}

    # ---------------- layouts
    z = zipfile.ZipFile(os.path.join(rd, R['r1']))
    doc = z.read('word/document.xml').decode()
    need(doc.count('<w:numPr>') >= 13, 'r1: Word numbering missing')
    need('chineseCounting' in z.read('word/numbering.xml').decode(), 'r1: numbering format')
    need('一、2025年主要工作回顾' not in NT['r1'] and '2025年主要工作回顾' in NT['r1'], 'r1: typed chapter number')
    need('w:vMerge' in doc and 'w:gridSpan' in doc, 'r1: merged table cells')
    body = TX['r1']
    i, j = body.find('表1'), body.find('坚持服务大局')
    nch = len(re.findall(r'[\u4e00-\u9fff]', body[:i] + body[j:]))
    need(nch >= 3500, f'r1: body only {nch} Chinese characters')
    z7 = zipfile.ZipFile(os.path.join(rd, R['r7']))
    d7 = z7.read('word/document.xml').decode()
    need(d7.count('<w:sdt>') >= 27, 'r7: content controls')
    try:
        import docx as _d
        t = _d.Document(os.path.join(rd, R['r7'])).tables[0]
        need(t.cell(1, 3).text == '' and '李思远' in NT['r7'], 'r7: sdt trap (python-docx cell.text should miss the leader)')
    except ImportError:
        pass
    import openpyxl
    wb = openpyxl.load_workbook(os.path.join(rd, R['r2']))
    need(wb['2024年基数'].sheet_state == 'hidden', 'r2: hidden sheet')
    ws = wb['监测表']
    hid = [r for r, d in ws.row_dimensions.items() if d.hidden]
    need(len(hid) == 2, f'r2: hidden rows {hid}')
    need(any('A3:A4' == str(m) for m in ws.merged_cells.ranges) and any(str(m) == 'B3:C3' for m in ws.merged_cells.ranges), 'r2: 2-level header')
    raw3 = open(os.path.join(rd, R['r3']), encoding='utf-8').read()
    need(raw3.count('<figcaption>') == 4 and '📌' in raw3 and '阅读原文' in raw3, 'r3: WeChat layout')
    raw4 = open(os.path.join(rd, R['r4']), encoding='utf-8').read()
    need(raw4.count('<details') == 10 and raw4.count('<summary>') == 10, 'r4: details Q&A')
    need('澳門濠江青年交流協會' in NT['r5'] and 'MOP' in NT['r5'] and 'HK$' in NT['r5'], 'r5: trad/MOP/HK$')
    raw6 = open(os.path.join(rd, R['r6']), encoding='utf-8').read()
    need('```mermaid' in raw6 and 'gantt' in raw6, 'r6: mermaid gantt')
    raw8 = open(os.path.join(rd, R['r8']), 'rb').read()
    need(raw8.startswith(b'\xef\xbb\xbf') and b'\r\n' in raw8 and raw8.count(b'\n') == raw8.count(b'\r\n'), 'r8: BOM/CRLF')

    # ---------------- 表1
    rows1 = {}
    for line in TX['r1'].split('\n'):
        m = re.match(r'^(?:\S+片区 )?\s*(\S+) ([\d,]+) ([\d,]+) ([\d,]+) (\d+) ([\d,]+) ([\d,]+)$', line.strip())
        if m:
            rows1[m.group(1)] = [int(num(x)) for x in m.groups()[1:]]
    need(len(rows1) == 10, f'r1 table rows {len(rows1)}')
    units = [u for u in rows1 if u != '全市合计']
    tot = rows1.get('全市合计', [0] * 6)
    for ci in range(6):
        need(sum(rows1[u][ci] for u in units) == tot[ci], f'r1 column {ci} sum')
    below = [u for u in units if rows1[u][2] < rows1[u][1]]
    need(below == ['高栏港区'] and rows1['高栏港区'][1] - rows1['高栏港区'][2] == 4, 'r1 below plan')
    need(f'全市共有团员{tot[0]:,}名' in NT['r1'] and f'全年发展新团员{tot[2]:,}名' in NT['r1'], 'r1 prose totals')
    need(f'完成年度计划{tot[1]:,}名的{pct(tot[2], tot[1])}' in NT['r1'], 'r1 完成率')
    need(f'征集岗位{tot[5]:,}个' in NT['r1'] and f'到{tot[3]}个' in NT['r1'], 'r1 返家乡/青年之家 prose')
    need(max(units, key=lambda u: rows1[u][3]) == '香洲区' and '其中香洲区38个，为各区最多' in NT['r1'], 'r1 most homes')
    need(tot[3] - 108 == 18 and '新增18个' in NT['r1'], 'r1 new homes')

    # ---------------- xlsx
    x25, x24, hiddenrows = {}, {}, {}
    sheet = None
    for line in TX['r2'].split('\n'):
        if line.startswith('【'):
            sheet = line; continue
        p = line.split(' ')
        if sheet == '【监测表】' and len(p) == 9 and not p[0].startswith('区'):
            (hiddenrows if p[0].startswith('\u3000') or '其中' in p[0] else x25)[p[0].strip()] = p[1:]
        if sheet == '【2024年基数】' and len(p) == 5 and not p[0].startswith('区'):
            x24[p[0]] = p[1:]
    need(len(x25) == 10 and len(x24) == 10 and len(hiddenrows) == 2, 'r2 rows')

    def v(s):
        return 0 if s == '—' else num(s.rstrip('%'))
    for ci in (2, 3, 4, 5, 6, 7):
        need(sum(v(x25[u][ci]) for u in x25 if u != '全市') == v(x25['全市'][ci]), f'r2 col {ci}')
    need(abs(sum(v(x25[u][0]) for u in x25 if u != '全市') - v(x25['全市'][0])) < 0.005, 'r2 population')
    for ci in range(4):
        need(sum(v(x24[u][ci]) for u in x24 if u != '全市') == v(x24['全市'][ci]), f'r2 2024 col {ci}')
    for u in units:
        need(int(v(x25[u][6])) == rows1[u][3], f'r2/r1 青年之家 {u}')
    for lab, base in (('其中：澳门居民青年', '横琴合作区'), ('其中：唐家湾镇', '高新区')):
        for ci in (0, 2, 3, 5, 6, 7):
            need(v(hiddenrows[lab][ci]) <= v(x25[base][ci]), f'r2 hidden {lab} <= {base}')
    need(f'全市参学' in NT['r1'], 'r1')
    need(x25['全市'][3] == '6,348' and '募集青年见习岗位6,348个' in NT['r1'], 'r2/r1 见习')
    need(x25['全市'][1] == '36.3%', 'r2 share')
    need(f'新增就业青年{round(v(x25["全市"][2]) / 10000, 2)}万人' in NT['r1'], 'r2/r1 就业')
    need(f'全市达到{int(v(x25["全市"][4]))}个' in NT['r1'] and f'免费住宿{x25["全市"][5]}人次' in NT['r1'], 'r2/r1 驿站')
    need(int(v(x25['全市'][4]) - v(x24['全市'][1])) == 3 and '新建青年人才驿站3个' in NT['r1'], 'r2 new inns')
    t12 = v(x25['全市'][7]); t12p = v(x24['全市'][3])
    need(f'服务7,842人次，同比增长{pct(t12 - t12p, t12p)}' in NT['r1'] and t12 == 7842, 'r2/r1 12355')
    need(int(v(x24['全市'][2])) == 108 and '青年之家108个' in NT['r4'], 'r2/r4 2024 homes')
    need(x24['全市'][0] == '5,667' and '见习岗位5,667个' in NT['r4'], 'r2/r4 2024 见习')
    need(int(v(x24['全市'][1])) == 15 and '青年人才驿站15个' in NT['r4'], 'r2/r4 2024 inns')

    # ---------------- md
    md = {}
    for line in TX['r6'].split('\n'):
        m = re.match(r'^\|\s*\**([^|*]+?)\**\s*\|\s*\**([\d,]+)\**\s*\|\s*\**(\d+)\**\s*\|\s*\**(\d+)\**\s*\|\s*\**(\d+)\**\s*\|$', line)
        if m:
            md[m.group(1)] = [int(num(x)) for x in m.groups()[1:]]
    need(len(md) == 10, 'r6 rows')
    for u, r in md.items():
        need(r[0] == sum(r[1:]), f'r6 row {u}')
        if u != '合计':
            need(r[0] == rows1[u][5], f'r6/r1 返家乡 {u}')
    for ci in range(4):
        need(sum(md[u][ci] for u in md if u != '合计') == md['合计'][ci], f'r6 col {ci}')
    need(f'党政机关岗位{md["合计"][1]}个、企业岗位{md["合计"][2]}个、社区（村）岗位{md["合计"][3]}个' in NT['r1'], 'r6/r1 岗位构成')
    need(md['斗门区'][3] / md['斗门区'][0] > 0.4 and f'在斗门区，{md["斗门区"][3]}个社区（村）岗位占全区岗位的四成以上' in NT['r3'], 'r6/r3 斗门')
    need(f'横琴合作区的{md["横琴合作区"][0]}个岗位中，{md["横琴合作区"][2]}个来自企业' in NT['r3'], 'r6/r3 横琴')
    need(f'在万山区，{md["万山区"][0]}名同学' in NT['r3'], 'r6/r3 万山')
    g = dict(re.findall(r'(\w+)\s*:\w\d, (\d{4}-\d\d-\d\d)', raw6))
    need('b1' not in g, 'regex')
    gd = re.findall(r':(\w\d), (\d{4}-\d\d-\d\d)', raw6)
    gd = dict(gd)
    need(gd.get('b1') == '2025-06-16' and '报名于6月16日（星期一）开始' in NT['r6'], 'r6 gantt vs prose (报名)')
    need(gd.get('c1') == '2025-07-05' and gd.get('c2') == '2025-07-07' and '7月7日（星期一）起集中上岗' in NT['r1'], 'r6 gantt vs r1')

    # ---------------- r3 figures
    need('最终1,652名' in NT['r3'] and '1,652名大学生于' in NT['r1'] and '3,426名' in NT['r3'] and '吸引3,426名大学生报名' in NT['r1'], 'r3/r1 返家乡')
    need(921 + 731 == 1652 == 1238 + 297 + 117 and '女生921名、男生731名' in NT['r3'] and '本科生1,238名，研究生297名，高职（专科）学生117名' in NT['r3'], 'r3 splits')
    need('2026年“返家乡”岗位预计达到2,000个' in NT['r3'] and '“返家乡”岗位2,000个' in NT['r1'], 'r3/r1 2026')
    need(683 <= md['香洲区'][0] + md['高新区'][0] + md['横琴合作区'][0], 'r3 首批')

    # ---------------- r7 teams
    teams = re.findall(r'(SX25-\d\d) (“[^”]+”\S+) (\S+) (\S+) (\S+) (\S+) (\d+) ([\d,]+)', TX['r7'])
    need(len(teams) == 12, 'r7 teams')
    P = sum(int(t[6]) for t in teams); M = sum(int(num(t[7])) for t in teams)
    need(f'合计 {P} {M:,}' in TX['r7'] and f'队员{P}人，资助经费合计{M:,}元（伍万捌仟元整）' in NT['r7'] and daxie('伍万捌仟元整') == M, 'r7 totals')
    need(f'立项市级重点团队{len(teams)}支、队员{P}名，资助经费{M / 10000:g}万元' in NT['r1'], 'r7/r1')
    mx = max(teams, key=lambda t: int(num(t[7])))
    need(mx[1] == '“海岛守望”支教队' and mx[2] == '中山大学珠海校区' and f'{mx[2]}{mx[1]}获资助{mx[7]}元，为单支团队最高' in NT['r1'], 'r7/r1 max')
    from collections import Counter
    two = sorted(s for s, n in Counter(t[2] for t in teams).items() if n == 2)
    need(two == sorted(['遵义医科大学珠海校区', '北京师范大学珠海校区', '中山大学珠海校区', '暨南大学珠海校区']), 'r7 two-team schools')

    # ---------------- r5 PDF
    acts = re.findall(r'(\d)\s*(\d+)月(\d+)日（星期(.)）\s*(\S+)\s*(\S+)\s*(\d+)\s*(\d+)', TX['r5'])
    need(len(acts) == 5, f'r5 acts {len(acts)}')
    zh = sum(int(a[6]) for a in acts); mo = sum(int(a[7]) for a in acts)
    need(re.search(rf'合计\s*{zh}\s*{mo}', TX['r5']) is not None, 'r5 合计')
    need(f'珠海青年{zh}人次、澳门青年{mo}人次' in NT['r5'] and f'澳门青年{mo}人次、珠海青年{zh}人次' in NT['r1'], 'r5/r1')
    need(57 + 35 == 92 and '澳门青年92名' in NT['r5'], 'r5 92')
    need(abs(15.9 + 10.9 + 1.8 - 28.6) < 1e-9 and '28.6万元' in NT['r5'], 'r5 经费')

    # ---------------- r8 contract
    amts = re.findall(r'(人民币[零壹贰叁肆伍陆柒捌玖拾佰仟万]+元整)（¥([\d,]+)\.00）', NT['r8'])
    need(len(amts) == 6, f'r8 amounts {len(amts)}')
    for dx, sm in amts:
        need(daxie(dx) == int(num(sm)), f'r8 大写 {dx} != {sm}')
    total = int(num(amts[0][1]))
    ps = [int(num(a[1])) for a in amts[1:4]]
    need(sum(ps) == total and ps == [total * 30 // 100, total * 40 // 100, total * 30 // 100], 'r8 installments')
    need(int(num(amts[4][1])) == total * 2 // 100 and int(num(amts[5][1])) == total * 5 // 1000, 'r8 bond/penalty')
    need('不少于6,000人次' in NT['r8'] and 7842 >= 6000, 'r8/r1')

    # ---------------- weekdays
    nwd = 0
    for k, t in TX.items():
        for m in re.finditer(r'(?:(\d{4})年)?(?<!\d)(\d{1,2})月(\d{1,2})日（星期(.)）', t):
            y = int(m.group(1)) if m.group(1) else YEAR[k]
            w = WEEK[datetime.date(y, int(m.group(2)), int(m.group(3))).weekday()]
            need(w == m.group(4), f'{k}: weekday {m.group(0)} should be {w}')
            nwd += 1
    need(nwd >= 15, f'weekday dates found: {nwd}')

    if not full:
        return NT

    # ---------------- gold
    gold = [json.loads(l) for l in open(os.path.join(BASE, 'gold.jsonl'), encoding='utf-8')]
    byname = {f: k for k, f in R.items()}
    alln = ''.join(NT.values())
    used = set()

    def check_q(q, where):
        if q['type'] == 'unanswerable':
            ks = [k for k in ABSENT if k in q['question']] + [v for kq, v in FOLLOW_ABSENT.items() if kq == q['question']]
            need(ks and q['answers'] == [] and q['doc'] is None, f'{where}: unanswerable without key {q["question"]}')
            used.update(ks)
            return
        k = byname.get(q['doc'])
        need(k is not None, f'{where}: doc'); ev = norm(q['evidence'])
        need(ev and ev in NT.get(k, ''), f'{where}: evidence not in {q["doc"]}: {q["evidence"]}')
        need(q['answers'], f'{where}: no answers')
        if q['type'] == 'list':
            need(all(norm(a) in ev for a in q['answers']), f'{where}: list item missing')
        else:
            need(any(norm(a) in ev for a in q['answers']), f'{where}: answer not in evidence {q["answers"]}')
        for a in q['answers']:
            m = re.match(r'^([\d,]+(?:\.\d+)?)', a)
            if m and ',' in m.group(1) and m.group(1).replace(',', '') + a[len(m.group(1)):] not in q['answers']:
                err(f'{where}: comma-less form missing for {a}')
    ids = [q['id'] for q in gold]
    need(ids == [f'b61-q{i:03d}' for i in range(1, len(gold) + 1)], 'gold ids')
    need(550 <= len(gold) <= 750, 'gold count')
    for q in gold:
        check_q(q, q['id'])
    nun = sum(q['type'] == 'unanswerable' for q in gold)
    nen = sum(not re.search(r'[\u4e00-\u9fff]', q['question']) for q in gold)
    need(0.11 <= nun / len(gold) <= 0.15, f'unanswerable share {nun / len(gold):.3f}')
    need(0.08 <= nen / len(gold) <= 0.13, f'English share {nen / len(gold):.3f}')
    # ---------------- followups
    fus = [json.loads(l) for l in open(os.path.join(BASE, 'followups.jsonl'), encoding='utf-8')]
    nt = 0
    for c in fus:
        for t in c['turns']:
            check_q(t, t['id']); nt += 1
    need(8 <= len(fus) <= 10 and 45 <= nt <= 60, 'followup counts')
    for key in ABSENT + list(FOLLOW_ABSENT.values()):
        need(norm(key) not in alln, f'ABSENT key {key} occurs in a report')
    for key in ABSENT:
        need(key in used, f'ABSENT key {key} unused')
    # ---------------- cross
    cross = [json.loads(l) for l in open(os.path.join(BASE, 'cross.jsonl'), encoding='utf-8')]
    need(15 <= len(cross) <= 20, 'cross count')
    for x in cross:
        need(len(set(x['docs'])) >= 2, f'{x["id"]}: fewer than 2 reports')
        for d, e in zip(x['docs'], x['evidence']):
            need(norm(e) in NT[byname[d]], f'{x["id"]}: evidence {e}')
        if x['kind'] == 'mention':
            name = x['question'][len('哪些材料提到了'):-1]
            found = [R[k] for k in sorted(NT) if norm(name) in NT[k]]
            need(found == x['docs'], f'{x["id"]}: mention recomputed {found}')
    A = {x['id']: x['answers'] for x in cross}
    need(A['cross61-06'][0] == f'{180 - tot[3]}个', 'cross06')
    need(A['cross61-07'][0] == f'{int(v(x25["全市"][3]) - v(x24["全市"][0]))}个', 'cross07')
    need(A['cross61-09'][0] == f'{int(t12) - 6000:,}人次', 'cross09')
    need(A['cross61-10'][2] == str(23 - 20) and A['cross61-11'][0] == f'{385 - 300}个', 'cross10/11')
    need(A['cross61-17'][0] == f'{2000 - md["合计"][0]}个', 'cross17')
    need(A['cross61-18'] == [f'{int(t12p):,}人次', f'{int(t12):,}人次', pct(t12 - t12p, t12p)], 'cross18')
    need(A['cross61-20'][0] == f'{600000 - tot[4]:,}名', 'cross20')
    return NT


def mutation_test():
    d = tempfile.mkdtemp(prefix='b61mut.')
    try:
        for f in R.values():
            shutil.copy(os.path.join(BASE, 'reports', f), d)
        # mutate 斗门区 实际 871 -> 817 in the docx table and a 岗位 figure in the md
        p = os.path.join(d, R['r1'])
        zin = zipfile.ZipFile(p); items = {n: zin.read(n) for n in zin.namelist()}; zin.close()
        items['word/document.xml'] = items['word/document.xml'].replace('>871<'.encode(), '>817<'.encode(), 1)
        with zipfile.ZipFile(p, 'w', zipfile.ZIP_DEFLATED) as zout:
            for n, b in items.items():
                zout.writestr(n, b)
        m = os.path.join(d, R['r6'])
        s = open(m, encoding='utf-8').read().replace('| 斗门区 | 236 |', '| 斗门区 | 263 |')
        open(m, 'w', encoding='utf-8').write(s)
        errs = []
        check_all(d, errs, full=False)
        return errs
    finally:
        shutil.rmtree(d)


def main():
    errs = []
    check_all(os.path.join(BASE, 'reports'), errs)
    merrs = mutation_test()
    if not merrs:
        errs.append('mutation test: mutated reports passed')
    else:
        print(f'mutation test: {len(merrs)} failures detected as expected (e.g. {merrs[0]}); scratch dir removed')
    if errs:
        print('\n'.join(errs[:60]))
        print(f'FAILED ({len(errs)})')
        sys.exit(1)
    print('OK')


if __name__ == '__main__':
    main()
