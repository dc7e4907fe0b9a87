#!/usr/bin/env python3
"""Independent checker for blind57. Reads only reports/ and the three jsonl files (stdlib + python-docx, pypdf, lunardate)."""
import os, re, json, glob, datetime, html as H
from decimal import Decimal as D, ROUND_HALF_UP

BASE = os.path.dirname(os.path.abspath(__file__))
RD = os.path.join(BASE, 'reports')
ERR = []


def err(m):
    ERR.append(m)


W = '{http://schemas.openxmlformats.org/wordprocessingml/2006/main}'


# ============================================================ extraction
def text_of(path):
    if path.endswith('.docx'):
        import docx
        d = docx.Document(path)
        out = [p.text for p in d.paragraphs]
        for tb in d.element.body.iter(W + 'txbxContent'):          # text boxes (not in doc.paragraphs)
            for p in tb.iter(W + 'p'):
                out.append(''.join(t.text or '' for t in p.iter(W + 't')))
        for t in d.tables:
            for r in t.rows:
                out.append(' '.join(c.text for c in r.cells))
        return '\n'.join(out)
    if path.endswith('.pdf'):
        from pypdf import PdfReader
        return '\n'.join(pg.extract_text() for pg in PdfReader(path).pages)
    if path.endswith('.html'):
        s = open(path, encoding='utf-8').read()
        s = re.sub(r'</t[dh]>', ' ', s)
        s = re.sub(r'<(/?)(p|div|h\d|li|tr|br|ul|ol|title|nav|footer|aside|caption|header|article|thead|tbody|tfoot|table)\b[^>]*>',
                   '\n', s)
        return H.unescape(re.sub(r'<[^>]+>', '', s))
    b = open(path, 'rb').read()
    if path.endswith('.txt'):
        try:
            return b.decode('utf-8')
        except UnicodeDecodeError:
            return b.decode('gb18030').replace('\r\n', '\n')
    return b.decode('utf-8')


def norm(s):
    """whitespace (incl. U+3000) removed; markdown bold and table pipes dropped"""
    return re.sub(r'\s+', '', s).replace('**', '').replace('|', '')


SHORT = {'市': 'datong_2024_tuanshiwei_quanwei_gongzuo_baogao.docx',
         '奖': 'datong_2025_qingnian_zhiyuan_xiangmu_dasai_biaozhang_jueding.docx',
         '大': 'sxdtu_2025_shuqi_sanxiaxiang_shijian_zongjie.pdf',
         '灵': 'lingqiu_2025_tuanxun_di2qi.txt',
         '公': 'datong_2025_xiangshang_xiangshan_haoqingnian_gongshi.txt',
         '云': 'yungang_2025_qingchun_shouhu_shuqi_news.html',
         '纪': 'datong_2025_sanjidu_xianqu_tuanwei_shuji_lihui_jiyao.md',
         '统': 'datong_2024_gongqingtuan_tongji_gongbao.docx'}
KEY = {v: k for k, v in SHORT.items()}
TITLE = {'市': '凝心铸魂担使命　青春建功新大同', '奖': '关于表彰第五届大同市青年志愿服务项目大赛获奖项目和优秀组织单位的决定',
         '大': '山西大同大学2025年暑期大学生“三下乡”社会实践活动总结', '灵': '灵丘团讯',
         '公': '关于2025年度“大同市向上向善好青年”拟推荐人选的公示', '云': '云冈区“青春守护”志愿服务队暑期服务圆满收官',
         '纪': '2025年三季度县（区）团委书记工作例会纪要', '统': '2024年度大同市共青团组织和团员统计公报'}
DOC_YEAR = {k: 2025 for k in SHORT}

# key terms of unanswerable items: every unanswerable question contains one, and none occurs in any report
ABSENT = ['朔州', '忻州', '张家口', '乌兰察布', '应县', '怀仁', '右玉', '山阴', '蔚县', '阳原', '丰镇', '繁峙', '太原', '呼和浩特',
          '雁门关', '23年', '2023年', '22年', '2022年', '24年暑期三下乡', '24年暑期云冈', '第四届', '第1期', '2024年度向上向善',
          '二季度例会', '2026年新发展团员', '团市委副书记', '团浑源县委书记', '团天镇县委书记', '团平城区委书记', '团云冈区委书记',
          '团阳高县委书记', '团左云县委书记', '山西大同大学团委书记', '师专团委书记', '协会会长', '组织部部长', '纪念馆馆长',
          '健康乡村行团队的指导老师', '石窟微光项目的指导老师', '主编', '好青年评审专家', '观看人数', '不良率', '经费', '青马班结业',
          '实际上岗了', '活动场次', '3月份讲解', '资助的大学生', '去新疆的具体', '咨询员', '住宿收费', '男女比例', '团队里党员',
          '社员', '救援队有多少人', '手机号', '盏灯', '观众', '推进会是在哪开', '表态发言', '14到18周岁团员里女生', '大队委员',
          '青年夜校24年', '已经建了几个', '在校生', '煤炭职业技术学院团员', '导览一次多长', '排名变化', '经开区返家乡上半年',
          '左云县上半年注册志愿者', '天镇县青年之家活动', '广灵县希望小屋', '身高',
          'Shuozhou', 'Zhangjiakou', 'Xinzhou', 'summer 2023', 'deputy secretary of the Datong municipal', 'budget', 'viewers',
          'Yingxian', 'default rate', 'secretary of Hunyuan']

# translations / romanisations / paraphrases: variant -> literal form in the evidence
ALIAS = {'Qiao Wenbo': '乔文博', 'Qiao Yating': '乔雅婷', 'Yan Xiaofeng': '闫晓峰', 'Yang Zhenyu': '杨振宇', 'Wen Kexin': '温可馨',
         'Hunyuan': '浑源县', 'Hunyuan County': '浑源县', 'Hunyuan County Youth League Committee': '团浑源县委',
         'bronze': '铜奖', 'bronze award': '铜奖', 'Mongol': '蒙古族', 'Mongolian': '蒙古族', 'Excel': 'xlsx',
         '十六届五次': '第十六届委员会第五次', '晚8点到11点': '20:00至23:00', '下午2点半': '14:30', '1/3': '三分之一',
         '团市委组织部': '共青团大同市委员会组织部', '山西大同大学团委': '共青团山西大同大学委员会', '校团委': '共青团山西大同大学委员会',
         '团灵丘县委办公室': '共青团灵丘县委员会办公室', '61.285 million yuan': '6,128.5', '团市委和市青年志愿者协会': '共青团大同市委员会　　大同市青年志愿者协会'}

CN = dict(zip('〇零一二两三四五六七八九', [0, 0, 1, 2, 2, 3, 4, 5, 6, 7, 8, 9]))


def cn_int(s):
    """simple Chinese numerals up to 万: 十 -> 10, 二十一 -> 21, 三百一十二 -> 312"""
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


MON = {m: i for i, m in enumerate(['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September',
                                   'October', 'November', 'December'], 1)}


def dates_in(s):
    """set of (month, day) and ('ym', yy, m) in any of the forms used"""
    out = set()
    s = s.replace('—', '-')
    for m, d in re.findall(r'(?<![\d.])(\d{1,2})月(\d{1,2})日', s):
        out.add((int(m), int(d)))
    for y, m, d in re.findall(r'(\d{4})-(\d{1,2})-(\d{1,2})', s):
        out.add((int(m), int(d)))
    for d, mo in re.findall(r'(\d{1,2}) (' + '|'.join(MON) + ')', s):
        out.add((MON[mo], int(d)))
    for mo, d in re.findall(r'(' + '|'.join(MON) + r') (\d{1,2})(?!\d)', s):
        out.add((MON[mo], int(d)))
    for y, m in re.findall(r'(\d{2,4})年(\d{1,2})月(?!\d)', s):
        out.add(('ym', int(y) % 100, int(m)))
    for y in re.findall(r'(\d{4})年(?!\d)', s):
        out.add(('y', int(y)))
    return out


LM = {'正': 1, '一': 1, '二': 2, '三': 3, '四': 4, '五': 5, '六': 6, '七': 7, '八': 8, '九': 9, '十': 10, '冬': 11, '腊': 12}


def lunar_dates(s, year):
    """solar dates of 农历 dates written like 正月初六 / 正月十五 / 二月初二 (in the given lunar year)"""
    from lunardate import LunarDate
    out = []
    for mo, dy in re.findall(r'(正|十一|十二|冬|腊|[一二三四五六七八九十])月(初[一二三四五六七八九十]|十[一二三四五六七八九]?|二十[一二三四五六七八九]?|廿[一二三四五六七八九]|三十)', s):
        d = cn_int(dy.replace('初', '').replace('廿', '二十'))
        m = LM.get(mo, None) or cn_int(mo)
        out.append(LunarDate(year, m, d).to_solar_date())
    return out


def solar_full(s, year):
    """datetime.date objects for dates in s (year from the text, else the default)"""
    out = []
    s2 = s.replace('—', '-')
    for y, m, d in re.findall(r'(\d{4})-(\d{1,2})-(\d{1,2})', s2):
        out.append(datetime.date(int(y), int(m), int(d)))
    ys = re.findall(r'(\d{4})年', s2)
    y0 = int(ys[0]) if ys else year
    for y, m, d in re.findall(r'(?:(\d{4})年)?(?<![\d.])(\d{1,2})月(\d{1,2})日', s2):
        out.append(datetime.date(int(y) if y else y0, int(m), int(d)))
    return out


WD = '一二三四五六日'


def weekday_ok(a, ev, year):
    m = re.fullmatch(r'(?:星期|周)([一二三四五六日天])', a)
    if not m:
        return False
    want = WD.index(m.group(1).replace('天', '日'))
    days = solar_full(ev, year) + lunar_dates(ev, year)
    return any(d.weekday() == want for d in days)


def value(s):
    s = s.replace(',', '')
    m = re.search(r'[-+]?\d+(?:\.\d+)?', s)
    if not m:
        m2 = re.search(r'[〇零一二两三四五六七八九十百千]+', s)
        return D(cn_int(m2.group())) if m2 else None
    v = D(m.group())
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
    out += [D(cn_int(t)) for t in re.findall(r'[〇零一二两三四五六七八九十百千]+', e)]
    return out


def rng(s):
    return re.sub(r'[—－至~]', '-', s)


def ans_ok(a, ev, year=2025, depth=0):
    n_ev = rng(norm(ev).replace(',', ''))
    if rng(norm(a).replace(',', '')) in n_ev:
        return True
    a0 = ALIAS.get(a, a)
    if rng(norm(a0).replace(',', '')) in n_ev:
        return True
    if weekday_ok(a0, ev, year):
        return True
    parts = [x for x in re.split(r'[、；]', a0) if x]
    if len(parts) > 1 and depth == 0:
        return all(ans_ok(x, ev, year, 1) for x in parts)
    da = dates_in(a0)
    if da:
        if da <= dates_in(ev):
            return True
        sol = {(d.month, d.day) for d in lunar_dates(ev, year)} | {('y', d.year) for d in lunar_dates(ev, year)}
        if da <= sol:
            return True
        return False
    if re.fullmatch(r'\d{1,2}:\d{2}.*', a0):
        return False
    v = value(a0)
    if v is not None and not re.search(r'\d+[-—]\d+', a0):
        if v in tokens(ev):
            return True
        # a table cell whose unit sits in the header / unit column: the bare figure must stand alone in the row
        b = re.search(r'\d+(?:\.\d+)?', a0.replace(',', ''))
        if b and re.search(r'(?<![\d.])' + re.escape(b.group()) + r'(?![\d.])', ev.replace(',', '')):
            return True
    return False


def pct(a, b, nd=1):
    return (D(a) / D(b) * 100).quantize(D(10) ** -nd, ROUND_HALF_UP)


def num(s):
    return D(str(s).replace(',', ''))


def is_en(q):
    return bool(re.match(r'^[A-Za-z]', q))


# ============================================================ structured views of the reports
def docx_tables(path):
    import docx
    return [[[c.text for c in r.cells] for r in t.rows] for t in docx.Document(path).tables]


def docx_numbering(path):
    """{paragraph text: (list id, ordinal, list length)} for Word auto-numbered paragraphs (numbers are not in the text)"""
    import docx
    d = docx.Document(path)
    style_num = {}
    for st in d.styles:
        try:
            np_ = st.element.pPr.numPr if st.element.pPr is not None else None
        except AttributeError:
            np_ = None
        if np_ is not None and np_.numId is not None:
            style_num[st.name] = np_.numId.val
    seq = []
    for p in d.paragraphs:
        nid = None
        pPr = p._p.pPr
        if pPr is not None and pPr.numPr is not None and pPr.numPr.numId is not None:
            nid = pPr.numPr.numId.val
        elif p.style is not None and p.style.name in style_num:
            nid = style_num[p.style.name]
        if nid is not None:
            seq.append((nid, p.text))
    count, out = {}, {}
    for nid, t in seq:
        count[nid] = count.get(nid, 0) + 1
        out[t] = [nid, count[nid]]
    for t, v in out.items():
        v.append(count[v[0]])
    return out


def pdf_table(text, labels, ncols):
    """rows of the PDF tables: pypdf gives one cell per line"""
    lines = [l.strip() for l in text.split('\n')]
    rows = {}
    for lab in labels:
        idx = [i for i, l in enumerate(lines) if l == lab]
        if not idx:
            err(f'pdf row {lab} not found'); continue
        i = idx[-1]
        rows[lab] = lines[i + 1:i + 1 + ncols]
    return rows


def main():
    import docx
    from lunardate import LunarDate
    TXT = {os.path.basename(p): text_of(p) for p in sorted(glob.glob(os.path.join(RD, '*')))}
    if sorted(TXT) != sorted(SHORT.values()):
        err(f'report set {sorted(TXT)}')
    T = {k: TXT[v] for k, v in SHORT.items()}
    NT = {k: norm(v) for k, v in T.items()}

    def need(k, x):
        if norm(x) not in NT[k]:
            err(f'{k} lacks {x!r}')

    # ---------------------------------------------------------------- formats
    exts = sorted(os.path.splitext(f)[1] for f in SHORT.values())
    if exts.count('.docx') < 2 or '.pdf' not in exts or '.html' not in exts or '.md' not in exts or exts.count('.txt') != 2:
        err(f'formats {exts}')
    raw = open(os.path.join(RD, SHORT['灵']), 'rb').read()
    try:
        raw.decode('utf-8'); err('灵 txt should be GB18030, not UTF-8')
    except UnicodeDecodeError:
        pass
    if raw.count(b'\n') != raw.count(b'\r\n'):
        err('灵 txt must be CRLF')
    open(os.path.join(RD, SHORT['公']), encoding='utf-8').read()
    d1 = docx.Document(os.path.join(RD, SHORT['市']))
    nch = len(re.findall(r'[\u4e00-\u9fff]', ''.join(p.text for p in d1.paragraphs)))
    if nch < 3500:
        err(f'long report only {nch} Chinese characters in its paragraphs')
    from pypdf import PdfReader
    pdf = PdfReader(os.path.join(RD, SHORT['大']))
    if not (2 <= len(pdf.pages) <= 3):
        err('pdf pages')
    boxes = [(float(p.mediabox.width), float(p.mediabox.height)) for p in pdf.pages]
    if not (boxes[0][0] < boxes[0][1] and boxes[1][0] > boxes[1][1] and boxes[2][0] < boxes[2][1]):
        err(f'pdf page 2 must be landscape between portrait pages: {boxes}')
    if '表1' not in pdf.pages[1].extract_text() or '医学院' not in pdf.pages[1].extract_text():
        err('pdf 表1 must be on the landscape page')

    # ---------------------------------------------------------------- 市 全委会 表1 (header repeated as footer)
    t1 = docx_tables(os.path.join(RD, SHORT['市']))[0]
    if t1[0] != t1[-1] or t1[-2][0] != '全市合计' or t1[0][0] != '县（区）':
        err('市 表1 must end with 全市合计 followed by the repeated header row')
    body = t1[1:-2]
    U1 = [r[0] for r in body]
    for j in range(1, 6):
        if sum(num(r[j]) for r in body) != num(t1[-2][j]):
            err(f'市 表1 column {j} sum')
    tot = [num(x) for x in t1[-2][1:]]
    if tot != [105290, 5800, 90, 247436, 1100]:
        err(f'市 表1 totals {tot}')
    need('市', '全市全年新发展团员5,800名，完成年度计划5,600名的103.6%')
    if pct(5800, 5600) != D('103.6') or pct(2046, 5800) != D('35.3'):
        err('市 percentages')
    need('市', '全市共有团员105,290名'); need('市', '全市运行中的青年之家达到90个'); need('市', '“返家乡”社会实践岗位1,100个')
    if (D(247436) / 10000).quantize(D('0.1'), rounding='ROUND_DOWN') != D('24.7'):
        err('市 24.7万余')
    C1 = {r[0]: [num(x) for x in r[1:]] for r in body}
    counties = ['阳高县', '天镇县', '广灵县', '灵丘县', '浑源县', '左云县']
    if sorted(counties, key=lambda u: -C1[u][1])[:2] != ['浑源县', '灵丘县'] or max(U1, key=lambda u: C1[u][1]) != '市直及驻同高校':
        err('市 新发展 ranking')
    if max([u for u in U1 if u != '市直及驻同高校'], key=lambda u: C1[u][1]) != '平城区':
        err('市 平城 首位')
    num_r1 = docx_numbering(os.path.join(RD, SHORT['市']))
    if sorted(v[1] for v in num_r1.values()) != list(range(1, 11)):
        err('市 十件实事 must be 10 Word-numbered paragraphs')
    if any(re.match(r'^\s*(\d+|[一二三四五六七八九十]+)[．.、]', t) for t in num_r1):
        err('市 numbered paragraphs must not carry typed numbers')
    for y, m, d, w in [(2025, 1, 21, 1), (2024, 10, 12, 5)]:
        if datetime.date(y, m, d).weekday() != w:
            err(f'市 weekday {y}-{m}-{d}')

    # ---------------------------------------------------------------- 奖 表彰决定 (numbered lists, text box)
    pr2 = os.path.join(RD, SHORT['奖'])
    num_r2 = docx_numbering(pr2)
    lens = {}
    for t, (nid, k, n) in num_r2.items():
        lens[nid] = n
    if sorted(lens.values()) != [4, 5, 6, 8]:
        err(f'奖 numbered lists {sorted(lens.values())}')
    if not any('评审专家9名' in x for x in [''.join(t.text or '' for t in tb.iter(W + 't'))
                                         for tb in docx.Document(pr2).element.body.iter(W + 'txbxContent')]):
        err('奖 text box with 评审说明 missing')
    if '评审专家9名' in '\n'.join(p.text for p in docx.Document(pr2).paragraphs):
        err('奖 评审说明 must be only in the text box')
    A = docx_tables(pr2)[0][1:]
    for g, n in (('金奖', 4), ('银奖', 6), ('铜奖', 8)):
        rows = [r for r in A if r[0] == g]
        sc = [D(r[5]) for r in rows]
        if len(rows) != n or sc != sorted(sc, reverse=True) or [r[1] for r in rows] != [str(i) for i in range(1, n + 1)]:
            err(f'奖 {g} rows')
        for r in rows:
            need('奖', f'{r[2]}（{r[3]}）')
            if num_r2.get(f'{r[2]}（{r[3]}）', [0, 0])[1] != int(r[1]):
                err(f'奖 numbering of {r[2]}')
    if datetime.date(2025, 5, 24).weekday() != 5:
        err('奖 5月24日 weekday')
    AW = {r[2]: r for r in A}

    # ---------------------------------------------------------------- 大 PDF
    L3 = ['文学院', '历史与旅游文化学院', '外国语学院', '数学与统计学院', '化学与化工学院', '生命科学学院', '医学院', '煤炭工程学院',
          '美术学院', '教育科学与技术学院', '其他学院']
    P1 = pdf_table(pdf.pages[1].extract_text(), L3 + ['合计'], 9)
    for j in (0, 1, 2, 3, 5, 6, 7, 8):
        if sum(num(P1[u][j]) for u in L3) != num(P1['合计'][j]):
            err(f'大 表1 column {j} sum')
    if P1['合计'][4] != '—':
        err('大 表1 合计 天数 must be —')
    if [num(P1['合计'][j]) for j in (0, 1, 2, 3, 5, 6, 7, 8)] != [100, 1186, 746, 149, 61904, 40870, 2, 9]:
        err('大 表1 totals')
    if pct(746, 1186) != D('62.9') or pct(149, 1186) != D('12.6'):
        err('大 shares')
    if (datetime.date(2025, 8, 20) - datetime.date(2025, 7, 5)).days + 1 != 47:
        err('大 47天')
    L3b = ['灵丘县', '浑源县', '云州区', '天镇县', '广灵县', '阳高县', '左云县', '新荣区']
    P2 = pdf_table(pdf.pages[2].extract_text(), L3b + ['合计'], 4)
    for j in range(4):
        if sum(num(P2[u][j]) for u in L3b) != num(P2['合计'][j]):
            err(f'大 表2 column {j} sum')
    if max(L3b, key=lambda u: num(P2[u][0])) != '灵丘县' or max(L3b, key=lambda u: num(P2[u][2])) != '灵丘县':
        err('大 表2 灵丘 首位')
    need('大', '累计建成基地32个，其中2025年新建7个；累计派驻学生5,040人次，其中2025年派驻1,080人次')
    P3 = {u: P1[u] for u in L3}
    named = [u for u in L3 if u != '其他学院']
    if max(named, key=lambda u: num(P3[u][1])) != '文学院' or max(L3, key=lambda u: num(P3[u][6])) != '医学院':
        err('大 首位')
    if sorted(u for u in L3 if num(P3[u][4]) == min(num(P3[v][4]) for v in L3)) != ['数学与统计学院', '美术学院']:
        err('大 最短天数')

    # ---------------------------------------------------------------- 灵 简报 (box table, lunar dates)
    box = {}
    for l in T['灵'].split('\n'):
        l = l.strip('　 ')
        if l.startswith('│') and not l.startswith('│乡镇'):
            c = [x.strip() for x in l.strip('│').split('│')]
            box[c[0]] = [num(x) for x in c[1:]]
    towns = [u for u in box if u != '合计']
    if len(towns) != 13:
        err('灵 box rows')
    for j in range(4):
        if sum(box[u][j] for u in towns) != box['合计'][j]:
            err(f'灵 box column {j}')
    if box['合计'] != [5684, 54, 8, 300] or C1['灵丘县'][0] != 5684 or C1['灵丘县'][2] != 8:
        err('灵 ↔ 市 表1 (5,684 / 8)')
    if pct(54, 300) != D('18.0') or 118 + 194 != 312:
        err('灵 arithmetic')
    xiang = [u for u in towns if u != '县直单位']
    if max(xiang, key=lambda u: box[u][1]) != '武灵镇' or sorted(u for u in xiang if box[u][1] == 1) != sorted(['独峪乡', '下关乡']):
        err('灵 最多 / 滞后')
    for lun, sol in [((1, 6), (2, 3)), ((1, 15), (2, 12)), ((2, 2), (3, 1))]:
        s = LunarDate(2025, *lun).to_solar_date()
        if (s.month, s.day) != sol:
            err(f'灵 lunar {lun}')
    if '2月3日' in T['灵'] or '3月1日' in T['灵'] or '2月12日' in T['灵']:
        err('灵 lunar-only dates must not be given in the Gregorian calendar')
    if not any(c in T['灵'] for c in '┌┬┐├┼┤└┴┘'):
        err('灵 box-drawing table')

    # ---------------------------------------------------------------- 公 公示 (record blocks)
    blocks = re.split(r'【候选人\d+】', T['公'])[1:]
    PP = {}
    for b in blocks:
        f = dict(re.findall(r'^(.+?)：(.+)$', b, re.M))
        f = {k.replace('　', ''): v for k, v in f.items()}
        PP[f['姓名']] = f
    if len(PP) != 10:
        err('公 10 candidates')
    born = {k: tuple(int(x) for x in re.match(r'(\d{4})年(\d{1,2})月', v['出生年月']).groups()) for k, v in PP.items()}
    if max(born, key=born.get) != '温可馨' or min(born, key=born.get) != '刘泽楷' or min(born.values()) < (1990, 1):
        err('公 ages')
    if sum(1 for v in PP.values() if v['性别'] == '女') != 4 or [k for k, v in PP.items() if v['民族'] == '回族'] != ['贾思远']:
        err('公 gender / 回族')
    cats = {}
    for k, v in PP.items():
        cats.setdefault(v['类别'], []).append(k)
    if sorted(len(v) for v in cats.values()) != [2] * 5:
        err('公 5 categories × 2')
    if [datetime.date(2025, 8, d).weekday() for d in range(11, 16)] != [0, 1, 2, 3, 4]:
        err('公 5个工作日')

    # ---------------------------------------------------------------- 云 news (thead/tfoot table)
    src6 = open(os.path.join(RD, SHORT['云']), encoding='utf-8').read()
    if '<tfoot>' not in src6 or '<caption>' not in src6 or '附件下载' not in src6:
        err('云 tfoot / caption / 附件下载')
    trs = re.findall(r'<tr>(.*?)</tr>', src6, re.S)
    R6 = {}
    for tr in trs:
        c = [re.sub(r'<[^>]+>', '', x) for x in re.findall(r'<td>(.*?)</td>', tr)]
        if c:
            R6[c[0]] = [num(x) for x in c[1:]]
    pts = [u for u in R6 if u != '合计']
    for j in range(4):
        if sum(R6[u][j] for u in pts) != R6['合计'][j]:
            err(f'云 column {j}')
    if R6['合计'] != [482, 6748, 31746, 386472]:
        err('云 totals')
    if (D(31746) / 10000).quantize(D('0.01'), ROUND_HALF_UP) != D('3.17') or \
            (D(386472) / 10000).quantize(D('0.1'), ROUND_HALF_UP) != D('38.6') or 316 + 97 + 69 != 482:
        err('云 rounding / composition')
    if max(pts, key=lambda u: R6[u][0]) != '中部窟区（第5—13窟）' or max(pts, key=lambda u: R6[u][3]) != '中部窟区（第5—13窟）':
        err('云 中部窟区 首位')
    for m, d, w in [(7, 1, 1), (8, 31, 6), (8, 9, 5)]:
        if datetime.date(2025, m, d).weekday() != w:
            err(f'云 weekday {m}-{d}')
    if (datetime.date(2025, 8, 31) - datetime.date(2025, 7, 1)).days + 1 != 62:
        err('云 62天')
    art = T['云'].split('相关新闻')[0]
    for dec in ['得胜堡', '托管班']:
        if dec in art:
            err(f'云 decoy {dec} inside the article')

    # ---------------------------------------------------------------- 纪 md (front matter, nested lists)
    md = T['纪']
    if not md.startswith('---\n') or '文号: 同团纪〔2025〕7号' not in md.split('---')[1]:
        err('纪 YAML front matter')
    if not re.search(r'^    - ', md, re.M) or not re.search(r'^     - ', md, re.M):
        err('纪 nested lists')
    R7 = {}
    for l in md.split('\n'):
        if l.startswith('| ') and not l.startswith('| 县') and not l.startswith('| ---'):
            c = [x.strip() for x in l.strip('|').split('|')]
            R7[c[0]] = c[1:]
    u7 = [u for u in R7 if u != '小计']
    for u in u7:
        p_, d_, r_ = num(R7[u][0]), num(R7[u][1]), D(R7[u][2].rstrip('%'))
        if pct(d_, p_) != r_:
            err(f'纪 rate {u}')
    order = sorted(u7, key=lambda u: -D(R7[u][2].rstrip('%')))
    if [int(R7[u][3]) for u in order] != list(range(1, 12)) or order[0] != '浑源县' or order[-1] != '广灵县':
        err('纪 位次')
    if sum(num(R7[u][0]) for u in u7) != num(R7['小计'][0]) or sum(num(R7[u][1]) for u in u7) != num(R7['小计'][1]):
        err('纪 小计')
    if num(R7['小计'][0]) + 2100 != 6000 or num(R7['小计'][1]) + 1012 != 3012 or pct(3012, 6000) != D('50.2'):
        err('纪 totals vs 6,000 / 3,012')
    if num(R7['灵丘县'][0]) != box['合计'][3]:
        err('纪 灵丘 plan ↔ 灵 box')
    if 90 + 6 != 96 or 247436 + 6364 != 253800 or 58 + 4 != 62:
        err('纪 arithmetic')
    four = ['平城区', '云冈区', '新荣区', '云州区', '经开区']
    if sum(num(R7[u][1]) for u in four) != 1268 or sum(num(R7[u][1]) for u in u7 if u not in four) != 732:
        err('纪 1,268 / 732')
    if datetime.date(2025, 7, 10).weekday() != 3:
        err('纪 weekday')

    # ---------------------------------------------------------------- 统 统计公报
    t8 = docx_tables(os.path.join(RD, SHORT['统']))
    age = {r[0]: r[1:] for r in t8[0][1:]}
    if sum(num(age[a][0]) for a in age if a != '合计') != num(age['合计'][0]) or num(age['合计'][0]) != 105290:
        err('统 表2 sum')
    for a in age:
        if a != '合计' and pct(num(age[a][0]), 105290) != D(age[a][1]):
            err(f'统 表2 share {a}')
    S8 = {r[0]: r for r in t8[1][1:]}
    if S8['青年之家'][2:4] != ['90', '14'] or S8['希望小屋'][2:4] != ['218', '64'] or S8['注册志愿者'][2] != '247,436' \
            or S8['市级青年文明号'][3] != '48' or S8['“两新”组织团组织'][2:4] != ['412', '46'] or S8['西部计划志愿者'][3] != '58':
        err('统 表1 ↔ 市')
    if (D(523168) / 10000).quantize(D('0.1'), ROUND_HALF_UP) != D('52.3') or (D(18764) / 10000).quantize(D('0.1'), ROUND_HALF_UP) != D('1.9'):
        err('统 万 rounding')
    if 326 + 41 + 583 + 4862 != 5812 or pct(55418, 105290) != D('52.6') or pct(75606, 105290) != D('71.8') \
            or pct(4152, 5800) != D('71.6') or pct(3190, 5800) != D('55.0') or pct(1286, 105290) != D('1.2'):
        err('统 arithmetic')

    # ============================================================ questions
    def check_item(it, where):
        for k in ('id', 'question', 'answers', 'doc', 'evidence', 'type'):
            if k not in it:
                err(f'{where}: missing {k}')
                return
        if not it['answers']:
            if it['doc'] is not None or it['evidence'] != '' or it['type'] != 'unanswerable':
                err(f'{where}: unanswerable must have doc null, evidence "" and type unanswerable')
            if not any(t in it['question'] for t in ABSENT):
                err(f'{where}: unanswerable without key term: {it["question"]}')
            return
        if it['type'] not in ('numeric', 'date', 'name', 'person', 'entity', 'list'):
            err(f'{where}: type {it["type"]}')
        k = KEY.get(it['doc'])
        if k is None:
            err(f'{where}: doc {it["doc"]}')
            return
        if not it['evidence'] or norm(it['evidence']) not in NT[k]:
            err(f'{where}: evidence not in {k}: {it["evidence"][:60]!r}')
            return
        q = it['question']
        if q in SPECIAL:
            ok = SPECIAL[q](it)
            if ok is not True:
                err(f'{where}: special check failed: {q} ({ok})')
            return
        for a in it['answers']:
            if not ans_ok(a, it['evidence'], DOC_YEAR[k]):
                err(f'{where}: answer {a!r} not in evidence {it["evidence"][:50]!r}')

    def ordinal(q):
        m = re.search(r'第([0-9]+|[一二三四五六七八九十]+)', q)
        if m:
            return int(m.group(1)) if m.group(1).isdigit() else cn_int(m.group(1))
        for w, i in (('sixth', 6), ('third', 3), ('fifth', 5)):
            if w in q:
                return i
        return None

    def numbered(it):
        """Word-numbered item: the evidence paragraph's position in its list must match the question or the answers"""
        nb = num_r1 if KEY[it['doc']] == '市' else num_r2
        ev = it['evidence']
        if ev not in nb:
            return 'evidence is not a numbered paragraph'
        nid, k, n = nb[ev]
        q = it['question']
        if '第几' in q or 'which' in q.lower():
            return all(ordinal(a) == k or a == str(k) for a in it['answers']) or 'ordinal answers'
        want = n if ('最后' in q or 'last' in q) else ordinal(q)
        if want != k:
            return f'ordinal {want} != {k}'
        return all(norm(a) in norm(ev) for a in it['answers']) or 'answer text'

    def rank1(rows, key, col, mode, label_of=lambda a: a, keep=lambda u: True):
        def f(it):
            cand = [u for u in rows if keep(u)]
            best = (max if mode == 'max' else min)(cand, key=lambda u: num(rows[u][col]))
            return label_of(it['answers'][0]) in (best, best.split('（')[0]) or f'{best}'
        return f

    def in_list(table, pred, sep='、'):
        def f(it):
            want = sorted(u for u in table if pred(u))
            got = sorted(it['answers'][0].split(sep))
            return got == want or f'{want}'
        return f

    def count_eq(n_, *forms):
        def f(it):
            return all(value(a) == n_ for a in it['answers']) or f'count {n_}'
        return f

    def award_by(grade, pos=None, best=None):
        def f(it):
            rows = [r for r in A if grade is None or r[0] == grade]
            if pos is not None:
                r = [x for x in rows if x[1] == str(pos)][0]
            else:
                r = (max if best == 'max' else min)(rows, key=lambda x: D(x[5]))
            return (it['answers'][0] == r[2] and r[2] in it['evidence']) or r[2]
        return f

    C1all = {u: C1[u] for u in U1}
    SPECIAL = {
        # Word auto-numbering (numbers are not in the text)
        **{q: numbered for q in ['十件实事第三件是啥', '实事第5项是什么', '第七件实事讲的啥', '最后一件实事是什么', '平城青年夜校是第几件实事',
                                 '12355夜间热线是第几件实事', 'What is the sixth of the ten practical projects for 2025?']},
        # rankings inside one table
        '表1里团员数最少的是哪个县区': rank1(C1all, None, 0, 'min', lambda a: a),
        '注册志愿者最多的县区是哪个': rank1(C1all, None, 3, 'max', lambda a: a + '' if a.endswith('区') else a + '区'),
        '24年底青年之家最多的县是哪个': rank1(C1all, None, 2, 'max', lambda a: a if a.endswith('县') else a + '县', lambda u: u in counties),
        '24年返家乡岗位最少的是哪个单位': rank1(C1all, None, 4, 'min'),
        '表1中新发展团员最少的是哪个': rank1(C1all, None, 1, 'min'),
        '女生最多的学院是哪个': rank1(P3, None, 2, 'max'),
        '研究生参与最多的是哪个学院': rank1(P3, None, 3, 'max'),
        '平均实践天数最长的学院': rank1(P3, None, 4, 'max'),
        '团队数最少的学院': rank1(P3, None, 0, 'min'),
        '哪些学院有国家级重点团队': in_list(P3, lambda u: num(P3[u][7]) > 0),
        '25年没有新建基地的是哪两个县': in_list({u: P2[u] for u in L3b}, lambda u: num(P2[u][1]) == 0),
        '团员最少的乡是哪个': rank1(box, None, 0, 'min', keep=lambda u: u.endswith('乡')),
        '志愿者最少的点位是哪个': rank1(R6, None, 0, 'min', lambda a: a if '（' in a else a + '（第1—4窟）', lambda u: u != '合计'),
        '上半年完成率排第3的是哪个县区': lambda it: R7['平城区'][3] == '3' and it['answers'][0] == '平城区' or 'rank 3',
        '上半年团员发展完成率排第二的是哪个': lambda it: R7['灵丘县'][3] == '2' and it['answers'][0] == '灵丘县' or 'rank 2',
        '上半年完成率低于45%的有哪些单位': in_list({u: R7[u] for u in u7}, lambda u: D(R7[u][2].rstrip('%')) < 45),
        '团员人数最多的年龄段': lambda it: max([a for a in age if a != '合计'], key=lambda a: num(age[a][0])) == it['answers'][0] or 'age',
        '候选人里年纪最小的是谁': lambda it: max(born, key=born.get) == it['answers'][0] or 'youngest',
        'Who is the youngest candidate on the list?': lambda it: max(born, key=born.get) == it['answers'][0] or 'youngest',
        '年龄最大的候选人是谁': lambda it: min(born, key=born.get) == it['answers'][0] or 'oldest',
        '候选人里有几个女的': count_eq(sum(1 for v in PP.values() if v['性别'] == '女')),
        '回族的候选人是谁': lambda it: [k for k, v in PP.items() if v['民族'] == '回族'] == it['answers'] or '回族',
        '决赛得分最高的是哪个项目': award_by(None, best='max'),
        '铜奖里分最高的项目': award_by('铜奖', best='max'),
        '获奖项目里得分最低的是哪个': award_by(None, best='min'),
        '银奖第5个是什么项目': award_by('银奖', pos=5),
        '铜奖第3名是哪个': award_by('铜奖', pos=3),
        '金奖第二是哪个项目': award_by('金奖', pos=2),
        '团平城区委拿铜奖的是哪个项目': lambda it: [r[2] for r in A if r[0] == '铜奖' and r[3] == '团平城区委'] == it['answers'][:1] or 'pc',
        # counts of listed things
        '本期要目有几条': lambda it: it['evidence'].count('◎') == 5 and value(it['answers'][0]) == 5 or 'count',
        '青春守护暑期一共几个服务点位': count_eq(len(pts)),
        '青春守护收官那篇新闻有几个附件': lambda it: len(re.findall(r'<li><a href="/uploads/', src6)) == 3 and value(it['answers'][0]) == 3 or 'att',
        '好青年分几个类别': count_eq(len(cats)),
    }
    # answers like '58名' where the evidence is a table row (unit in the header) are covered by ans_ok's numeric check.

    gold = [json.loads(l) for l in open(os.path.join(BASE, 'gold.jsonl'), encoding='utf-8')]
    ids = [g['id'] for g in gold]
    if len(ids) != len(set(ids)):
        err('duplicate gold ids')
    for g in gold:
        check_item(g, g['id'])
    n_un = sum(1 for g in gold if not g['answers'])
    n_en = sum(1 for g in gold if is_en(g['question']))
    if not 550 <= len(gold) <= 750:
        err(f'gold count {len(gold)}')
    if not 0.12 <= n_un / len(gold) <= 0.15:
        err(f'unanswerable share {n_un / len(gold):.3f}')
    if not 0.10 <= n_en / len(gold) <= 0.12:
        err(f'English share {n_en / len(gold):.3f}')
    if len(set(g['question'] for g in gold)) != len(gold):
        err('duplicate gold questions')
    unused = set(SPECIAL) - {g['question'] for g in gold}
    if unused:
        err(f'SPECIAL checks that match no question: {sorted(unused)}')

    # ---------------------------------------------------------------- follow-ups
    fus = [json.loads(l) for l in open(os.path.join(BASE, 'followups.jsonl'), encoding='utf-8')]
    n_turn = 0
    fu_un = 0
    for c in fus:
        if c.get('corpus') != 'reports':
            err(f'{c["id"]} corpus')
        for t in c['turns']:
            n_turn += 1
            ids.append(t['id'])
            fu_un += not t['answers']
            check_item(t, t['id'])
    ids += [c['id'] for c in fus]
    if not 8 <= len(fus) <= 10 or not 40 <= n_turn <= 60 or fu_un < 1:
        err(f'followups {len(fus)} / {n_turn} / {fu_un}')

    # ---------------------------------------------------------------- cross
    cross = [json.loads(l) for l in open(os.path.join(BASE, 'cross.jsonl'), encoding='utf-8')]
    ids += [c['id'] for c in cross]
    if len(ids) != len(set(ids)):
        err('duplicate ids across files')
    if not 15 <= len(cross) <= 20:
        err(f'cross count {len(cross)}')

    def v_of(ev, pat):
        m = re.search(pat, ev.replace(',', ''))
        return D(m.group(1)) if m else None

    CROSS_CHECK = {
        '云冈青春守护，24年全年服务游客和25年暑期服务游客哪个多？':
            lambda c: v_of(c['evidence'][0], r'([\d.]+)万人次') > v_of(c['evidence'][1], r'([\d.]+)万人次') and '24年全年' in c['answers'][0],
        '灵丘县返家乡岗位，24年全年的和25年上半年已征集的比，哪个多？':
            lambda c: C1['灵丘县'][4] < v_of(c['evidence'][1], r'灵丘县(\d+)个') and '25年上半年' in c['answers'][0],
        '25年暑期，大同大学三下乡参与学生和云冈青春守护上岗志愿者，哪个人数多？':
            lambda c: v_of(c['evidence'][0], r'(\d+)人') > v_of(c['evidence'][1], r'(\d+)名') and '三下乡' in c['answers'][0],
        '云冈青春守护25年上半年和暑期服务游客加起来多少？':
            lambda c: v_of(c['evidence'][0], r'([\d.]+)万') + v_of(c['evidence'][1], r'([\d.]+)万') == value(c['answers'][0]) / 10000,
        '全委会定的25年新发展团员目标，上半年完成后还差多少？':
            lambda c: v_of(c['evidence'][0], r'([\d]+)名') - v_of(c['evidence'][1], r'(\d+)名') == value(c['answers'][0]),
        '大同大学实践基地累计派驻学生最多的那个县，24年新发展团员多少？':
            lambda c: max(L3b, key=lambda u: num(P2[u][2])) == '灵丘县' and C1['灵丘县'][1] == value(c['answers'][0]),
        '金奖项目里由县（区）团委申报的有三个，这三个县区24年注册志愿者哪个最多？':
            lambda c: [r[3] for r in A if r[0] == '金奖' and r[3].startswith('团')] == ['团云冈区委', '团云州区委', '团灵丘县委']
            and max(['云冈区', '云州区', '灵丘县'], key=lambda u: C1[u][3]) == '云冈区' and c['answers'][0] == '云冈区',
        '拿了优秀组织奖的三个县（区）团委，24年新发展团员分别多少？':
            lambda c: c['answers'][0] == '、'.join(f'{int(C1[u][1]):,}名' for u in ['平城区', '云州区', '灵丘县']),
    }
    for c in cross:
        cid = c['id']
        if c.get('type') != 'cross' or c.get('kind') not in ('compare', 'rank', 'list', 'total', 'mention', 'trend'):
            err(f'{cid} type/kind')
        ks = [KEY.get(d) for d in c['docs']]
        if None in ks or len(set(ks)) < 2:
            err(f'{cid} docs')
            continue
        for ev in c['evidence']:
            if not any(norm(ev) in NT[k] for k in ks):
                err(f'{cid} evidence not in its docs: {ev[:40]!r}')
        for k in ks:
            if not any(norm(ev) in NT[k] for ev in c['evidence']):
                err(f'{cid} no evidence for {k}')
        q = c['question']
        if q in CROSS_CHECK:
            try:
                if CROSS_CHECK[q](c) is not True:
                    err(f'{cid} computed answer mismatch')
            except Exception as e:  # noqa: BLE001
                err(f'{cid} check raised {e}')
        elif c['kind'] == 'mention' and q.startswith(('哪些报告提到了', '哪几份材料里出现了')):
            term = re.search(r'(?:提到了|出现了)(.+?)？', q).group(1)
            have = sorted(k for k in SHORT if term in T[k])
            if have != sorted(ks):
                err(f'{cid} mention {term}: reports {have} vs docs {sorted(ks)}')
            if not all(TITLE[k] in c['answers'][0] for k in ks):
                err(f'{cid} answer must list the titles')
        else:
            allev = '\n'.join(c['evidence'])
            for a in c['answers']:
                if not ans_ok(a, allev):
                    err(f'{cid} answer {a!r} not in evidence')

    # ---------------------------------------------------------------- absent key terms
    for t in ABSENT:
        for k in SHORT:
            if t in T[k] or norm(t) in NT[k]:
                err(f'absent term {t!r} occurs in {k}')

    print(f'reports: {len(TXT)} ({", ".join(sorted(set(exts)))}); long report {nch} Chinese characters in paragraphs')
    print(f'gold: {len(gold)} questions, {n_un} unanswerable ({n_un / len(gold):.1%}), {n_en} English ({n_en / len(gold):.1%})')
    print(f'followups: {len(fus)} conversations, {n_turn} turns ({fu_un} unanswerable)')
    print(f'cross: {len(cross)} ({", ".join(sorted(set(c["kind"] for c in cross)))})')
    if ERR:
        print(f'{len(ERR)} problem(s):')
        for e in ERR:
            print(' -', e)
        raise SystemExit(1)
    print('verify.py: all checks passed')


if __name__ == '__main__':
    main()
