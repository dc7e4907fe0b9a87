#!/usr/bin/env python3
"""Independent checker for blind58.

Reads only reports/ and the three jsonl files (stdlib + python-docx, pypdf, openpyxl, lunardate).
It extracts the text of every report on its own (it does not import anything from src/), then checks
  * formats and layouts (GB18030, two-column PDF, Word footnotes/endnotes, html segments, md strike-through, xlsx),
  * that every evidence string occurs in its report (whitespace-normalised) and every answer is supported by it,
  * every weekday (written in the reports or asked), every computed value (ranks, sums, differences, shares),
  * agreement between reports, and that the key term of every unanswerable question occurs in no report,
  * the cross-report items (mentions are recomputed over all reports).
"""
import os, re, sys, json, glob, zipfile, datetime, html as H
from decimal import Decimal as Dec, ROUND_HALF_UP

BASE = os.path.dirname(os.path.abspath(__file__))
RD = os.path.join(BASE, 'reports')
ERR = []


def err(m):
    ERR.append(m)


# ============================================================ extraction (independent of src/)
W = '{http://schemas.openxmlformats.org/wordprocessingml/2006/main}'


def docx_notes(path, part):
    z = zipfile.ZipFile(path)
    name = f'word/{part}.xml'
    if name not in z.namelist():
        return []
    x = z.read(name).decode('utf-8')
    out = []
    for m in re.finditer(r'<w:(?:footnote|endnote) [^>]*w:id="(\d+)"[^>]*>(.*?)</w:(?:footnote|endnote)>', x, re.S):
        if int(m.group(1)) <= 0:
            continue
        out.append(H.unescape(''.join(re.findall(r'<w:t[^>]*>([^<]*)</w:t>', m.group(2)))).strip())
    return out


def text_of(path):
    if path.endswith('.docx'):
        import docx
        d = docx.Document(path)
        out = [p.text for p in d.paragraphs]
        for t in d.tables:
            for r in t.rows:
                out.append(' '.join(c.text for c in r.cells))
        out += docx_notes(path, 'footnotes') + docx_notes(path, 'endnotes')
        return '\n'.join(out)
    if path.endswith('.pdf'):
        from pypdf import PdfReader
        return '\n'.join(pg.extract_text() for pg in PdfReader(path).pages)
    if path.endswith('.html'):
        s = open(path, encoding='utf-8').read()
        s = re.sub(r'<style.*?</style>', '', s, flags=re.S)
        s = re.sub(r'</t[dh]>', ' ', s)
        s = re.sub(r'<(/?)(p|div|h\d|li|tr|br|ul|ol|title|nav|footer|aside|header|article|table|form)\b[^>]*>', '\n', s)
        return H.unescape(re.sub(r'<[^>]+>', '', s))
    if path.endswith('.xlsx'):
        import openpyxl
        wb = openpyxl.load_workbook(path)
        out = []
        for ws in wb.worksheets:
            for row in ws.iter_rows(values_only=True):
                cells = [str(c) for c in row if c is not None]
                if cells:
                    out.append(' '.join(cells))
        return '\n'.join(out)
    b = open(path, 'rb').read()
    try:
        return b.decode('utf-8')
    except UnicodeDecodeError:
        return b.decode('gb18030').replace('\r\n', '\n')


def norm(s):
    return re.sub(r'\s+', '', s).replace('**', '').replace('|', '')


SHORT = {'市': 'zhanjiang_2024_tuanshiwei_quanwei_gongzuo_baogao.docx',
         '奖': 'zhanjiang_2025_wusi_biaozhang_jueding.docx',
         '海': 'gdou_2025_shuqi_sanxiaxiang_zongjie.pdf',
         '闻': 'xuwen_2025_tuanxun_di3qi.txt',
         '公': 'zhanjiang_2025_qingnian_wenminghao_gongshi.txt',
         '更': 'zhanjiang_2025_qingnian_wenminghao_gongshi_gengzheng.md',
         '坡': 'potou_2025_nansandao_qingchun_yizhan_news.html',
         '溺': 'zhanjiang_2025_fangnishui_zhiyuan_xingdong_tongzhi.txt',
         '台': 'zhanjiang_2025_qingnianzhijia_taizhang.xlsx'}
KEY = {v: k for k, v in SHORT.items()}
TITLE = {'市': '奋楫向海担使命　青春建功新湛江',
         '奖': '关于表彰2024年度湛江市五四红旗团委（团支部）、优秀共青团员和优秀共青团干部的决定',
         '海': '广东海洋大学2025年暑期大学生“三下乡”社会实践活动工作总结',
         '闻': '徐闻团讯',
         '公': '2024年度湛江市青年文明号、青年岗位能手拟认定名单公示',
         '更': '关于《2024年度湛江市青年文明号、青年岗位能手拟认定名单公示》的更正公告',
         '坡': '南三岛“青春驿站”暑期服务游客12.6万人次',
         '溺': '关于开展2025年“青春护航·平安港城”暑期防溺水志愿服务行动的通知',
         '台': '湛江市青年之家运行情况台账（截至2025年6月30日）'}
# default year for month-day dates without a year (the 全委会 report reviews 2024)
DOC_YEAR = {k: 2025 for k in SHORT}
DOC_YEAR['市'] = 2024

# key terms of unanswerable questions: every unanswerable question contains one; none occurs in any report
ABSENT = ['2019年', '2022年湛江', '2023年度湛江市五四红旗', '2023年度湛江市青年文明号', '2023年暑期', '2024年一季度', '2024年暑期', '2024年暑期服务游客', '2025年国庆', '2025年湛江计划新建多少个少先队', 'Hainan', 'Lingnan Normal University joined', 'Maoming', 'default rate', 'drowning deaths', 'located in Xiashan', 'nominations were received', 'target for 2023', 'target for 2026', 'total budget', '三次全委会', '上任', '不良率', '东海岛青春驿站暑期', '主持', '主编', '五四奖章', '优秀少先队员', '党员', '入团的', '全市2023年', '几点到几点', '创建负责人', '单日最高', '参赛选手', '吴川市要设', '咨询师', '哪家机构', '团市委副书记', '团长', '团队负责人', '国庆假期服务了', '奖励多少钱', '奖金', '女生', '学历', '少先队员总数', '少工委委员', '岭南师范学院2025年三下乡', '岭南师范学院暑期派', '广西', '廉江2025年一季度', '建筑面积', '总经费', '指导老师', '春运驿站志愿者服务时长', '有多少奖金', '林晓彤是哪一年', '标兵', '派驻徐闻的团队里有几支国家级', '湛江科技学院团委书记', '灯塔公园驿站单独', '生活补贴', '男生', '省级青年文明号', '第2期', '第5项', '第二次更正', '签发的', '经开区返家乡吸纳', '经济损失', '经费预算', '结业', '茂名', '观看人数', '评审专家', '评审委员会有多少', '赤坎区团组织', '赤坎区多少经费', '赤坎区要设', '遂溪县青年夜校', '金奖项目都叫', '阳江', '雷州市12355', '雷州市2023年', '霞山区2024年青年驿站', '麻章区希望工程']

# romanisations / translations: variant -> literal form in the evidence
ALIAS = {'Huang Junfeng': '黄俊锋', 'Lianjiang': '廉江市', 'Xuwen': '徐闻县', 'Xuwen County': '徐闻县', 'Long Haiyan': '龙海燕',
         'Xian Yawen': '冼雅文', 'Zheng Haipeng': '郑海鹏', 'Lu Zhiyuan': '陆志远', 'Wu Jiayi': '吴嘉怡',
         'Jinshawan Seaside Park': '金沙湾滨海公园', 'Secretary of the Lianjiang Youth League Committee': '团廉江市委书记',
         '团市委书记': '共青团湛江市委员会书记', '广东海洋大学团委': '共青团广东海洋大学委员会', '团徐闻县委': '共青团徐闻县委员会',
         '十五届四次': '第十五届委员会第四次全体（扩大）会议', '团市委、市教育局、市水务局': '共青团湛江市委员会湛江市教育局湛江市水务局',
         '赤坎区和霞山区两区团委联合负责': '赤坎区、霞山区：金沙湾海滨浴场、观海长廊沿线，由两区团委联合负责',
         '青春助力“百千万工程”·向海图强勇担当': '青春助力‘百千万工程’·向海图强勇担当',
         '进入全省前五名': '参学率进入全省前五名', '全省前五': '全省前五名'}

CN = dict(zip('〇零一二两三四五六七八九', [0, 0, 1, 2, 2, 3, 4, 5, 6, 7, 8, 9]))


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


def cn_year(s):
    return int(''.join(str(CN[c]) for c in s))


MON = {m: i for i, m in enumerate(['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September',
                                   'October', 'November', 'December'], 1)}
CNUM = '〇零一二三四五六七八九十'


def full_dates(s, year):
    """datetime.date list for every full or month-day date in s (Arabic, ISO and Chinese-numeral forms)"""
    out = []
    s2 = s.replace('—', '-')
    for y, m, d in re.findall(r'(\d{4})-(\d{1,2})-(\d{1,2})', s2):
        out.append(datetime.date(int(y), int(m), int(d)))
    ys = re.findall(r'(\d{4})年', s2)
    y0 = int(ys[0]) if ys else year
    for y, m, d in re.findall(r'(?:(\d{4})年)?(?<![\d.])(\d{1,2})月(\d{1,2})日', s2):
        out.append(datetime.date(int(y) if y else y0, int(m), int(d)))
    for y, m, d in re.findall(rf'([{CNUM}]{{4}})年([{CNUM}]{{1,2}})月([{CNUM}]{{1,3}})日', s2):
        out.append(datetime.date(cn_year(y), cn_int(m), cn_int(d)))
    return out


def dates_in(s, year=2025):
    out = set()
    for d in full_dates(s, year):
        out.add((d.month, d.day))
    for d, mo in re.findall(r'(\d{1,2}) (' + '|'.join(MON) + ')', s):
        out.add((MON[mo], int(d)))
    for mo, d in re.findall(r'(' + '|'.join(MON) + r') (\d{1,2})(?![\d])', s):
        out.add((MON[mo], int(d)))
    for mo, y in re.findall(r'(?<!\d )(' + '|'.join(MON) + r') (\d{4})', s):
        out.add(('ym', int(y) % 100, MON[mo]))
    for y, m in re.findall(r'(\d{2,4})年(\d{1,2})月(?!\d)', s):
        out.add(('ym', int(y) % 100, int(m)))
    for y in re.findall(r'(\d{4})年(?!\d)', s):
        out.add(('y', int(y)))
    for y in re.findall(rf'([{CNUM}]{{4}})年', s):
        out.add(('y', cn_year(y)))
    return out


WD = '一二三四五六日'


def weekday_ok(a, ev, year):
    m = re.fullmatch(r'(?:星期|周)([一二三四五六日天])', a)
    if not m:
        return False
    want = WD.index(m.group(1).replace('天', '日'))
    return any(d.weekday() == want for d in full_dates(ev, year))


def value(s):
    s = s.replace(',', '')
    m = re.search(r'[-+]?\d+(?:\.\d+)?', s)
    if not m:
        m2 = re.search(r'[〇零一二两三四五六七八九十百千]+', s)
        return Dec(cn_int(m2.group())) if m2 else None
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
    out = [value(t) for t in re.findall(r'[-+]?\d+(?:\.\d+)?(?:%|万|亿)?', e)]
    out += [Dec(cn_int(t)) for t in re.findall(r'[〇零一二两三四五六七八九十百千]+', e)]
    return out


def rng(s):
    return re.sub(r'[—－至~]', '-', s)


def ans_ok(a, ev, year=2025, depth=0):
    n_ev = rng(norm(ev).replace(',', ''))
    a0 = ALIAS.get(a, a)
    for x in (a, a0):
        if rng(norm(x).replace(',', '')) in n_ev:
            return True
    if weekday_ok(a0, ev, year):
        return True
    parts = [x for x in re.split(r'[、；，和]', a0) if x]
    if len(parts) > 1 and depth == 0:
        return all(ans_ok(x, ev, year, 1) for x in parts)
    da = dates_in(a0, year)
    if da:
        return da <= dates_in(ev, year)
    if re.fullmatch(r'\d{1,2}:\d{2}.*', a0):
        return False
    v = value(a0)
    if len(re.findall(r'\d+(?:\.\d+)?', a0.replace(',', ''))) > 1:
        return False
    if v is not None and not re.search(r'\d+[-—]\d+', a0):
        if v in tokens(ev):
            return True
    return False


def pct(a, b, nd=1):
    return (Dec(a) / Dec(b) * 100).quantize(Dec(10) ** -nd, ROUND_HALF_UP)


def num(s):
    return Dec(str(s).replace(',', '').strip())


def is_en(q):
    return bool(re.match(r'^[A-Za-z]', q))


def has_val(answers, v):
    """some answer has numeric value v (Decimal)"""
    for a in answers:
        x = value(ALIAS.get(a, a))
        if x is not None and x == Dec(v):
            return True
    return False


# ============================================================ main
def main():
    import docx
    from pypdf import PdfReader
    import openpyxl
    P = {k: os.path.join(RD, v) for k, v in SHORT.items()}
    files = sorted(os.listdir(RD))
    if files != sorted(SHORT.values()):
        err(f'report set {files}')
    T = {k: text_of(p) for k, p in P.items()}
    NT = {k: norm(v) for k, v in T.items()}

    def need(k, x):
        if norm(x) not in NT[k]:
            err(f'{k} lacks {x!r}')

    def find(k, pat):
        m = re.search(pat, T[k].replace(',', ''))
        if not m:
            err(f'{k}: pattern {pat} not found')
            return None
        return m

    # ------------------------------------------------------------ formats and layouts
    exts = sorted(os.path.splitext(f)[1] for f in SHORT.values())
    if len(set(exts)) < 6:
        err(f'formats {exts}')
    raw = open(P['闻'], 'rb').read()
    try:
        raw.decode('utf-8'); err('闻 must be GB18030, not UTF-8')
    except UnicodeDecodeError:
        pass
    open(P['公'], encoding='utf-8').read(); open(P['溺'], encoding='utf-8').read()
    d1 = docx.Document(P['市'])
    nch = len(re.findall(r'[\u4e00-\u9fff]', ''.join(p.text for p in d1.paragraphs)))
    if nch < 3500:
        err(f'long report: only {nch} Chinese characters in paragraphs')
    # real Word footnotes / endnotes; their facts are not in the body
    fn = docx_notes(P['市'], 'footnotes')
    body1 = '\n'.join(p.text for p in d1.paragraphs) + '\n'.join(c.text for t in d1.tables for r in t.rows for c in r.cells)
    if len(fn) != 7:
        err(f'市 footnotes {len(fn)}')
    for x in ('62,418', '326个', '500个', '学生活动阵地18个', '8:00至20:00', '2024年12月25日', '9所驻湛高校', '2023年2月'):
        if x in body1 or x not in '\n'.join(fn):
            err(f'市 footnote-only fact {x}')
    docxml = zipfile.ZipFile(P['市']).read('word/document.xml').decode()
    if docxml.count('w:footnoteReference') != 7:
        err('市 footnote references')
    en = docx_notes(P['奖'], 'endnotes')
    d2 = docx.Document(P['奖'])
    body2 = '\n'.join(p.text for p in d2.paragraphs) + '\n'.join(c.text for t in d2.tables for r in t.rows for c in r.cells)
    if len(en) != 3 or '58.3%' in body2 or '4月14日' in body2:
        err('奖 endnotes')
    # two-column PDF
    pdf = PdfReader(P['海'])
    xs = []

    def vis(text, cm, tm, fd, fs):
        if re.search(r'[\u4e00-\u9fff]', text or ''):
            xs.append((cm[4] + tm[4], cm[5] + tm[5], text))
    pdf.pages[0].extract_text(visitor_text=vis)
    W0 = float(pdf.pages[0].mediabox.width)
    left = [x for x in xs if x[0] < W0 / 2 - 20 and x[1] < 500]
    right = [x for x in xs if x[0] > W0 / 2 + 5 and x[1] < 500]
    if len(left) < 20 or len(right) < 10:
        err(f'海 page 1 must be two-column: {len(left)} left / {len(right)} right lines')
    p1 = pdf.pages[0].extract_text()
    if '表1' not in p1 or p1.index('表1') > p1.index('一、基本情况'):
        err('海 表1 must sit full-width above the two columns of page 1')
    # html: segmented article, inline number spans, one sentence split across two segments
    h = open(P['坡'], encoding='utf-8').read()
    segs = re.findall(r'<div class="seg"[^>]*>(.*?)</div>', h)
    if len(segs) < 8 or h.count('class="num"') < 20:
        err('坡 segments / spans')
    seg_txt = [re.sub(r'<[^>]+>', '', s) for s in segs]
    if not any(s.endswith('，') for s in seg_txt):
        err('坡 needs a sentence split across two segments')
    # md strike-through correction of R5 values
    for old, new in (('46人', '64人'), ('56.1%', '78.0%'), ('博铺街道', '梅菉街道'), ('1995年8月', '1993年8月'), ('梁颖琪', '梁颖棋')):
        if f'~~{old}~~' not in T['更'] or f'**{new}**' not in T['更']:
            err(f'更 strike-through {old}->{new}')
        if old not in T['公'] or new in T['公']:
            err(f'公 must carry the uncorrected {old}')
    # xlsx merged title
    wb = openpyxl.load_workbook(P['台'])
    if not wb['汇总'].merged_cells.ranges:
        err('台 merged title row missing')

    # ------------------------------------------------------------ every weekday written in a report
    for k, t in T.items():
        for m in re.finditer(r'(?:(\d{4})年)?(\d{1,2})月(\d{1,2})日（星期([一二三四五六日])）', t):
            y = int(m.group(1)) if m.group(1) else DOC_YEAR[k]
            if datetime.date(y, int(m.group(2)), int(m.group(3))).weekday() != WD.index(m.group(4)):
                err(f'{k} weekday {m.group(0)}')

    # ------------------------------------------------------------ 市 table 1
    t1 = [[c.text for c in r.cells] for r in d1.tables[0].rows]
    body = t1[1:-1]
    if t1[-1][0] != '全市合计':
        err('市 表1 total row')
    for j in range(1, 7):
        if sum(num(r[j]) for r in body) != num(t1[-1][j]):
            err(f'市 表1 column {j}')
    C1 = {r[0]: [num(x) for x in r[1:]] for r in body}
    CNT = [u for u in C1 if u != '市直及驻湛高校']
    if len(CNT) != 10:
        err('市 表1 units')
    need('市', '全市共有团员201,360名'); need('市', '全年新发展团员6,280名'); need('市', '全市运行中的青年之家达到136个')
    need('市', '全市征集岗位2,860个'); need('市', '青年突击队268支'); need('市', '全市注册志愿者达到41.26万人')
    tot = [num(x) for x in t1[-1][1:]]
    if tot != [201360, 6280, 136, 412638, 2860, 268]:
        err(f'市 表1 totals {tot}')
    if (Dec(412638) / 10000).quantize(Dec('0.01'), ROUND_HALF_UP) != Dec('41.26'):
        err('市 41.26万')
    if pct(6280, 6000) != Dec('104.7'):
        err('市 104.7%')
    if C1['市直及驻湛高校'][0] < 62418:
        err('市 市直及驻湛高校 团员 must include the 62,418 university members')
    if C1['市直及驻湛高校'][4] != 326 + 500:
        err('市 返家乡 footnote 326+500')
    if sum(Dec(x) for x in ('71.4', '12.6', '9.8', '6.2')) != 100 or sum(Dec(x) for x in ('46.8', '21.5', '13.2', '18.5')) != 100:
        err('市 shares must sum to 100')
    for y, m, d, w in [(2025, 1, 17, 4), (2024, 5, 4, 5), (2024, 5, 30, 3), (2024, 9, 6, 4)]:
        if datetime.date(y, m, d).weekday() != w:
            err(f'市 weekday {y}-{m}-{d}')
    rank_new = sorted(CNT, key=lambda u: -C1[u][1])

    # ------------------------------------------------------------ 奖
    tabs2 = [[[c.text for c in r.cells] for r in t.rows] for t in d2.tables]
    ty_cells = [c for r in tabs2[0] for c in r if c]
    gb_cells = [c for r in tabs2[1] for c in r if c]
    if len(ty_cells) != 24 or len(gb_cells) != 16:
        err(f'奖 grids {len(ty_cells)} {len(gb_cells)}')
    if sum(1 for c in ty_cells if re.search(r'学生|本科生|研究生', c)) != 14 or pct(14, 24) != Dec('58.3'):
        err('奖 students 14 / 58.3%')
    paras2 = [p.text for p in d2.paragraphs]
    i1 = paras2.index('一、2024年度湛江市五四红旗团委（10个）'); i2 = paras2.index('二、2024年度湛江市五四红旗团支部（16个）')
    i3 = paras2.index('三、2024年度湛江市优秀共青团员（24名）')
    if i2 - i1 - 1 != 10 or i3 - i2 - 1 != 16:
        err('奖 list lengths')
    st = tabs2[2]
    v = lambda s: 0 if s == '/' else int(s)
    for j in range(1, 6):
        if sum(v(r[j]) for r in st[1:-1]) != v(st[-1][j]):
            err(f'奖 附表 column {j}')
    for r in st[1:]:
        if sum(v(c) for c in r[1:5]) != v(r[5]):
            err(f'奖 附表 row {r[0]}')
    if [v(x) for x in st[-1][1:5]] != [10, 16, 24, 16]:
        err('奖 附表 totals vs lists')
    if datetime.date(2025, 4, 28).weekday() != 0:
        err('奖 date')
    ST2 = {r[0]: r for r in st}

    # ------------------------------------------------------------ 海 (pdf tables: one cell per line)
    lines = [l.strip() for l in T['海'].split('\n') if l.strip()]

    def pdf_row(label, n):
        idx = [i for i, l in enumerate(lines) if l == label]
        if not idx:
            err(f'海 row {label} missing'); return None
        return lines[idx[0] + 1: idx[0] + 1 + n]
    th = ['理论宣讲', '科技支农助渔', '生态守护', '教育关爱', '乡村建设与产业调研', '文化传承']
    R3 = {u: pdf_row(u, 5) for u in th}
    tot3 = [l for i, l in enumerate(lines) if l == '合计']
    R3T = lines[lines.index('合计') + 1: lines.index('合计') + 4]
    for j in range(3):
        if sum(num(R3[u][j]) for u in th) != num(R3T[j]):
            err(f'海 表1 column {j}')
    if [num(x) for x in R3T] != [128, 1642, 236]:
        err('海 表1 totals vs prose')
    places = ['徐闻县', '雷州市', '湛江经开区', '遂溪县', '廉江市', '吴川市', '坡头区', '麻章区', '霞山区', '赤坎区', '湛江市外']
    i_t2 = lines.index('表2 派驻湛江市各县（市、区）团队和学生') if '表2 派驻湛江市各县（市、区）团队和学生' in lines else \
        [i for i, l in enumerate(lines) if l.startswith('表2')][0]
    sub = lines[i_t2:]
    R3b = {}
    for u in places + ['合计']:
        i = sub.index(u)
        R3b[u] = [num(sub[i + 1]), num(sub[i + 2])]
    for j in range(2):
        if sum(R3b[u][j] for u in places) != R3b['合计'][j] or R3b['合计'][j] != [128, 1642][j]:
            err(f'海 表2 column {j}')
    inner = [u for u in places if u != '湛江市外']
    if max(inner, key=lambda u: R3b[u][1]) != '徐闻县' or max(inner, key=lambda u: R3b[u][0]) != '徐闻县':
        err('海 徐闻 must lead 表2')
    need('海', '暑期派驻徐闻县的实践团队31支、学生418人'); need('海', '组建“向海青年讲师团”宣讲分队22支')
    if R3['理论宣讲'][0] != '22':
        err('海 宣讲 22')
    if (datetime.date(2025, 8, 25) - datetime.date(2025, 7, 5)).days + 1 != 52:
        err('海 52 days')

    # ------------------------------------------------------------ 闻
    YR = {}
    for y in range(2020, 2025):
        m = find('闻', rf'{y}年　新发展团员(\d+)名；青年之家(\d+)个；注册志愿者(\d+)人；(?:“返家乡”岗位(\d+)个；)?希望工程资助困难学生(\d+)名')
        if m:
            YR[y] = [int(m.group(1)), int(m.group(2)), int(m.group(3)), int(m.group(4)) if m.group(4) else None, int(m.group(5))]
    if YR[2024][:4] != [int(C1['徐闻县'][1]), int(C1['徐闻县'][2]), int(C1['徐闻县'][3]), int(C1['徐闻县'][4])]:
        err('闻 2024 line must equal 市 表1 徐闻县')
    if YR[2024][0] - YR[2020][0] != 116:
        err('闻 116')
    if any(YR[y + 1][0] <= YR[y][0] for y in range(2020, 2024)):
        err('闻 连年增长')
    need('闻', '2024年雷州市新发展团员642名，建成青年之家14个')
    if C1['雷州市'][1] != 642 or C1['雷州市'][2] != 14 or C1['廉江市'][2] != 4 + 7 + 5:
        err('闻 quoted 雷州/廉江 figures must equal 市 表1')
    if pct(86, 360) != Dec('23.9') or pct(62, 86) != Dec('72.1'):
        err('闻 shares')
    from lunardate import LunarDate
    if LunarDate(2025, 1, 1).to_solar_date() != datetime.date(2025, 1, 29):
        err('闻 大年初一')
    if (datetime.date(2025, 2, 22) - datetime.date(2025, 1, 14)).days + 1 != 40:
        err('闻 春运 40 days')

    # ------------------------------------------------------------ 公 / 更
    JT = re.findall(r'^(\d+)．([^〔]+)〔推荐单位：([^；]+)；青年职工(\d+)人，占职工总数的([\d.]+)%；创建周期：([^〕]+)〕', T['公'], re.M)
    NS = re.findall(r'^(\d+)．(\S+)〔([男女])；(\d{4})年(\d+)月出生；([^；]+)；推荐单位：([^〕]+)〕', T['公'], re.M)
    if len(JT) != 18 or len(NS) != 12:
        err(f'公 records {len(JT)} {len(NS)}')
    for r in JT:
        tot = round(int(r[3]) / (float(r[4]) / 100))
        if pct(r[3], tot) != Dec(r[4]):
            err(f'公 share {r[1]}')
    if round(46 / 0.561) != round(64 / 0.780):
        err('更 corrected share must keep the staff total')
    if (datetime.date(2025, 4, 21) - datetime.date(2025, 4, 15)).days + 1 != 7:
        err('公 7 days')
    JTc = {r[1]: int(r[3]) for r in JT}
    JTc['国网湛江供电局徐闻供电局输电运维班'] = 64
    NSc = {r[1]: (int(r[3]), int(r[4])) for r in NS}
    NSc['庞俊宇'] = (1993, 8)

    # ------------------------------------------------------------ 坡 / 溺
    if 96 + 58 + 114 != 268:
        err('坡 268')
    need('坡', '暑期共有268名青年志愿者上岗，其中广东海洋大学学生96名、岭南师范学院学生58名、坡头区本地青年114名')
    if datetime.date(2025, 7, 5) + datetime.timedelta(days=51 - 1) != datetime.date(2025, 8, 24):
        err('坡 51 days must end on 8月24日')
    SH = {u: int(p) for u, p in re.findall(r'([\u4e00-\u9fff（）]+?)(\d+)%', re.search(r'比例分配：(.*?)。', T['溺']).group(1))}
    SH = {u.lstrip('、'): p for u, p in SH.items()}
    if sum(SH.values()) != 100 or len(SH) != 11:
        err(f'溺 shares {SH}')
    QUOTA = {u: 4000 * p // 100 for u, p in SH.items()}
    need('溺', '全市招募防溺水志愿者4,000名，比2024年增加800名'); need('市', '招募志愿者3,200名')
    need('坡', '超额完成市里下达的360名任务')
    if QUOTA['坡头区'] != 360 or 3200 + 800 != 4000:
        err('溺 / 坡 / 市 quota agreement')
    if (datetime.date(2025, 8, 31) - datetime.date(2025, 7, 1)).days + 1 != 62:
        err('溺 62 days')

    # ------------------------------------------------------------ 台 (xlsx)
    ws = wb['汇总']
    XR = {r[1]: r for r in ws.iter_rows(min_row=3, values_only=True) if r[1]}
    for u, r in XR.items():
        if u == '全市合计':
            continue
        if r[2] + r[3] != r[4]:
            err(f'台 {u} 底数+新建')
        if Dec(r[2]) != C1[u][2]:
            err(f'台 {u} 2024年底数 must equal 市 表1')
    for j in range(2, 8):
        if sum(r[j] for u, r in XR.items() if u != '全市合计') != XR['全市合计'][j]:
            err(f'台 column {j}')

    # ------------------------------------------------------------ computed answers
    A = lambda *xs: set(xs)
    SPECIAL = {
        '2023年青创贷扶持了多少青年创业者': Dec(962 - 148),
        '12355学业就业类咨询大约多少人次': (Dec('2.14') * 10000 * Dec('0.215')).quantize(Dec(1), ROUND_HALF_UP),
        '24年新团员中学生大概有多少人': (Dec(6280) * Dec('0.714')).quantize(Dec(1), ROUND_HALF_UP),
        '2023年三会两制一课录入率是多少': (Dec('96.3') - Dec('4.1')) / 100,
        '廉江比雷州多发展了多少团员': C1['廉江市'][1] - C1['雷州市'][1],
        '赤坎和霞山的团员加起来有多少': C1['赤坎区'][0] + C1['霞山区'][0],
        '赤坎霞山以外的青年驿站有几家': Dec(14 - 10),
        '雷州新发展团员在10个县区里排第几': Dec(rank_new.index('雷州市') + 1),
        '这次表彰的集体和个人一共多少': Dec(v(ST2['合计'][5])),
        '海大暑期实践一共持续了多少天': Dec((datetime.date(2025, 8, 25) - datetime.date(2025, 7, 5)).days + 1),
        '海大派驻湛江市内各县区的学生一共多少': R3b['合计'][1] - R3b['湛江市外'][1],
        '2025年春运一共多少天': Dec(40),
        '徐闻还差多少名才完成今年团员发展计划': Dec(360 - 86),
        '徐闻2023年到2024年注册志愿者增加了多少人': Dec(YR[2024][2] - YR[2023][2]),
        '徐闻五年里新发展团员一共多少': Dec(sum(YR[y][0] for y in YR)),
        '徐闻2022年比2021年多发展了多少团员': Dec(YR[2022][0] - YR[2021][0]),
        '湛江港装卸二队职工总数大概多少人': Dec(round(38 / 0.76)),
        '拟认定的岗位能手中女性有几个': Dec(sum(1 for r in NS if r[2] == '女')),
        '湛江经开区团工委推荐了几个青年文明号集体': Dec(sum(1 for r in JT if r[2] == '湛江经开区团工委')),
        '更正后公示期总共多少天': Dec((datetime.date(2025, 4, 25) - datetime.date(2025, 4, 15)).days + 1),
        '南三岛驿站志愿者里大学生一共多少': Dec(96 + 58),
        '坡头防溺水志愿者超额完成了多少': Dec(386 - QUOTA['坡头区']),
        '南三岛暑期平均每天服务游客大约多少人次': (Dec(126000) / 51).quantize(Dec(1), ROUND_HALF_UP),
        '防溺水行动一共持续多少天': Dec(62),
        '遂溪和徐闻两地一共要招多少防溺水志愿者': Dec(QUOTA['遂溪县'] + QUOTA['徐闻县']),
        '截至25年6月底全市青年之家有多少个': Dec(XR['全市合计'][4]),
        '2025年上半年全市新建青年之家一共几个': Dec(XR['全市合计'][3]),
        '获评五四红旗团支部的中学一共几所': Dec(v(ST2['中学和中职学校'][2])),
    }
    for u in ('赤坎区', '霞山区', '雷州市', '廉江市', '吴川市', '湛江经开区', '市直及驻湛高校', '徐闻县'):
        pass
    QUOTA_Q = {'赤坎区要招多少名防溺水志愿者': '赤坎区', '霞山区防溺水志愿者任务多少名': '霞山区', '雷州要招多少防溺水志愿者': '雷州市',
               '廉江分到的防溺水志愿者任务是多少人': '廉江市', '吴川市防溺水志愿者招募任务': '吴川市', '经开区要招募多少防溺水志愿者': '湛江经开区',
               '市直及驻湛高校志愿者招募任务多少': '市直及驻湛高校', '徐闻县要招多少防溺水志愿者': '徐闻县',
               'How many anti-drowning volunteers should Lianjiang recruit?': '廉江市', '雷州防溺水志愿者25年要招多少': '雷州市',
               '霞山呢？': '霞山区', '坡头呢？': '坡头区'}
    for q, u in QUOTA_Q.items():
        SPECIAL[q] = Dec(QUOTA[u])
    top2 = sorted(SH, key=lambda u: -SH[u])[:2]
    ENT = {
        '10个县（市、区）里24年新发展团员最多的是哪个': rank_new[0],
        'Which county-level unit recruited the most new League members in 2024 (not counting the municipal/university row)?': rank_new[0],
        '24年新发展团员最少的县区是哪个': rank_new[-1],
        '县区里注册志愿者最多的是哪个': max(CNT, key=lambda u: C1[u][3]),
        '百千万突击队哪个县区最多': max(CNT, key=lambda u: C1[u][5]),
        '24年底青年之家最少的县区是哪个': min(CNT, key=lambda u: C1[u][2]),
        '哪类单位受表彰数量最多': max([r[0] for r in st[1:-1]], key=lambda u: v(ST2[u][5])),
        '哪个实践主题团队最多': max(th, key=lambda u: num(R3[u][0])),
        '哪个主题的参与学生最少': min(th, key=lambda u: num(R3[u][1])),
        '海大派到湛江各县区团队最少的是哪里': min(inner, key=lambda u: R3b[u][0]),
        '徐闻返家乡是哪一年开始有岗位的': f'{min(y for y in YR if YR[y][3])}年',
        'In which year did Xuwen first offer "Return Home" (返家乡) internship positions?': f'{min(y for y in YR if YR[y][3])}年',
        '徐闻注册志愿者哪一年第一次超过1万人': f'{min(y for y in YR if YR[y][2] > 10000)}年',
        '徐闻希望工程资助学生哪一年最多': f'{max(YR, key=lambda y: YR[y][4])}年',
        '青年职工占比最高的拟认定集体是哪个': max(JT, key=lambda r: float(r[4]))[1],
        '青年岗位能手里年龄最小的是谁': max(NSc, key=lambda n: NSc[n]),
        '岗位能手里最年长的是谁': min(NSc, key=lambda n: NSc[n]),
        '哪个区分到的防溺水志愿者任务最少': min(SH, key=lambda u: SH[u]),
        '防溺水志愿者任务比例最高的是哪两个县市': '、'.join(top2),
        '上半年哪个县（市、区）青年之家服务青少年人次最多（不含市直）': max([u for u in XR if u not in ('全市合计', '市直及驻湛高校')], key=lambda u: XR[u][6]),
        '湛江经开区团工委推荐了哪几位岗位能手': '、'.join(r[1] for r in NS if r[6] == '湛江经开区团工委'),
        '市直机关团工委推荐了哪些青年文明号集体': '、'.join(r[1] for r in JT if r[2] == '市直机关团工委'),
    }
    if sorted(SH.values(), reverse=True)[1] == sorted(SH.values(), reverse=True)[2]:
        err('溺 top-2 shares must be unique')
    if len({SH[u] for u in SH if SH[u] == min(SH.values())}) != 1 or list(SH.values()).count(min(SH.values())) != 1:
        err('溺 minimum share must be unique')

    def check_q(q, where):
        qt, ans, doc, ev, typ = q['question'], q['answers'], q['doc'], q['evidence'], q['type']
        if typ == 'unanswerable':
            if ans or doc is not None or ev != '':
                err(f'{where}: unanswerable item must have answers [], doc null, evidence ""')
            ks = [k for k in ABSENT if k in qt]
            if not ks and qt not in FOLLOW_ABSENT:
                err(f'{where}: unanswerable without a key term: {qt}')
            for k in ks + ([FOLLOW_ABSENT[qt]] if qt in FOLLOW_ABSENT else []):
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
        yr = DOC_YEAR[k]
        if qt in SPECIAL:
            if not has_val(ans, SPECIAL[qt]):
                err(f'{where}: computed {SPECIAL[qt]} not among {ans}')
            return
        if qt in ENT:
            if ENT[qt] not in [ALIAS.get(a, a) for a in ans]:
                err(f'{where}: computed {ENT[qt]!r} not among {ans}')
            return
        if any(re.fullmatch(r'(?:星期|周)[一二三四五六日天]', a) for a in ans):
            if not all(weekday_ok(ALIAS.get(a, a), ev, yr) for a in ans):
                err(f'{where}: weekday {ans} wrong for {ev!r}')
            return
        for a in ans:
            if not ans_ok(a, ev, yr):
                err(f'{where}: answer {a!r} not supported by evidence {ev[:60]!r}')

    # extra special questions whose answer is a date derived from the 农历
    LUNAR = {'郑海鹏去驿站慰问志愿者是公历哪天': LunarDate(2025, 1, 1).to_solar_date()}

    # ------------------------------------------------------------ gold
    gold = [json.loads(l) for l in open(os.path.join(BASE, 'gold.jsonl'), encoding='utf-8')]
    ids = [g['id'] for g in gold]
    if len(set(ids)) != len(ids) or len({g['question'] for g in gold}) != len(gold):
        err('gold ids/questions not unique')
    for g in gold:
        if set(g) != {'id', 'question', 'answers', 'doc', 'evidence', 'type'}:
            err(f'{g["id"]} keys')
        if g['question'] in LUNAR:
            d = LUNAR[g['question']]
            if f'{d.year}年{d.month}月{d.day}日' not in g['answers'] or '大年初一' not in g['evidence']:
                err(f'{g["id"]} lunar date')
            if norm(g['evidence']) not in NT[KEY[g['doc']]]:
                err(f'{g["id"]} evidence')
            continue
        check_q(g, g['id'])
    used_unans = {k for g in gold if g['type'] == 'unanswerable' for k in ABSENT if k in g['question']}
    if set(ABSENT) - used_unans:
        err(f'unused ABSENT keys {set(ABSENT) - used_unans}')
    for q in list(SPECIAL) + list(ENT):
        if q not in {g['question'] for g in gold} and q not in FOLLOW_Q:
            err(f'SPECIAL/ENT question not in any set: {q}')

    # ------------------------------------------------------------ followups
    fus = [json.loads(l) for l in open(os.path.join(BASE, 'followups.jsonl'), encoding='utf-8')]
    nturn = 0
    for c in fus:
        if set(c) != {'id', 'corpus', 'turns'}:
            err(f'{c["id"]} keys')
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

    def cx(q):
        if q not in CX:
            err(f'cross question missing: {q}'); return None
        return CX[q]['answers']
    MENTION = {'哪些报告提到了吴嘉怡？': '吴嘉怡', '哪些材料提到了“菠萝的海”？': '菠萝的海', '哪些报告提到了南三岛？': '南三岛',
               '哪些报告提到了“红树林守护者”？': '红树林守护者', '哪几份材料提到了超强台风“摩羯”？': '摩羯', '哪些报告提到了硇洲岛？': '硇洲岛'}
    for q, term in MENTION.items():
        want = [TITLE[k] for k in SHORT if term in NT[k]]
        got = cx(q)
        if got is not None and sorted(got) != sorted(want):
            err(f'mention {term}: {got} vs {want}')
        for k in SHORT:
            if term in NT[k] and norm(TITLE[k]) not in NT[k]:
                err(f'title of {k} not in its text')
    chk = [
        ('暑期防溺水志愿者，25年计划招募的比24年实际招募的多多少？', [f'{4000 - 3200}名']),
        ('防溺水劝导点，24年实际设立的和25年计划设立的，哪个多？', ['25年计划设立的' if 520 > 486 else '24年实际设立的']),
        ('坡头区25年招募的防溺水志愿者，达到通知按比例分给它的任务了吗？', ['达到了' if 386 >= QUOTA['坡头区'] else '没有']),
        ('徐闻新发展团员：2020年、2024年、2025年一季度分别是多少？', [f'{YR[2020][0]}名', f'{int(C1["徐闻县"][1])}名', '86名']),
        ('全市青年之家：24年底和25年6月底各有多少个？', [f'{int(t1[-1][3])}个', f'{XR["全市合计"][4]}个']),
        ('廉江市24年底有几个青年之家，其中五星级几个？', [f'{int(C1["廉江市"][2])}个', '4个']),
        ('海大三下乡派驻学生最多的那个县，24年新发展团员多少？', [f'{int(C1[max(inner, key=lambda u: R3b[u][1])][1])}名']),
        ('雷州市24年全年和25年一季度新发展团员加起来多少？', [f'{int(C1["雷州市"][1]) + 96}名']),
        ('南三岛驿站上岗的海大学生，和海大三下乡派驻坡头区的学生，哪个多？',
         ['南三岛青春驿站上岗的海大学生' if 96 > R3b['坡头区'][1] else '海大三下乡派驻坡头区的学生']),
        ('海大理论宣讲团队的主要实践地里，哪个县（市）24年注册志愿者最多？',
         [max(R3['理论宣讲'][3].split('、'), key=lambda u: C1[u][3])]),
        ('按更正后的数字，拟认定青年文明号集体中青年职工最多的是哪个？', [max(JTc, key=JTc.get)]),
        ('徐闻24年返家乡岗位，团讯五年回眸和全委会表1说的一致吗？是多少？',
         ['一致' if YR[2024][3] == C1['徐闻县'][4] else '不一致', f'{YR[2024][3]}个']),
        ('公示里推荐徐闻供电局输电运维班的那个团委，它的书记是谁？',
         [re.search(r'团县委书记(\S{3})', T['闻']).group(1)] if [r[2] for r in JT if r[1] == '国网湛江供电局徐闻供电局输电运维班'] == ['团徐闻县委'] else ['?']),
    ]
    for q, want in chk:
        got = cx(q)
        if got is not None and [norm(x).replace(',', '') for x in got] != [norm(x).replace(',', '') for x in want]:
            err(f'cross computed {q}: {got} vs {want}')
    done = set(MENTION) | {q for q, _ in chk}
    for q in CX:
        if q not in done:
            err(f'cross item not recomputed: {q}')

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


FOLLOW_ABSENT = {'那茂名呢？': '茂名', '2019年呢？': '2019年', '团赤坎区委书记呢？': '团赤坎区委书记', '其中女生多少？': '女生',
                 '其中女志愿者有多少？': '女志愿者'}
FOLLOW_Q = {'雷州防溺水志愿者25年要招多少', '霞山呢？', '坡头呢？'}

if __name__ == '__main__':
    main()
