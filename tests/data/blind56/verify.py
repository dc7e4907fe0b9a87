#!/usr/bin/env python3
"""Independent checker for blind56. Reads only reports/ and the three jsonl files."""
import os, re, json, glob, datetime, html as H
from decimal import Decimal as D, ROUND_HALF_UP
BASE = os.path.dirname(os.path.abspath(__file__))
RD = os.path.join(BASE, 'reports')
ERR = []
def err(m): ERR.append(m)

# ---------------- extraction ----------------
def text_of(path):
    if path.endswith('.docx'):
        import docx
        d = docx.Document(path)
        out = [p.text for p in d.paragraphs]
        for t in d.tables:
            for r in t.rows: out.append(' '.join(c.text for c in r.cells))
        return '\n'.join(out)
    if path.endswith('.pdf'):
        from pypdf import PdfReader
        return '\n'.join(pg.extract_text() for pg in PdfReader(path).pages)
    if path.endswith('.html'):
        s = open(path, encoding='utf-8').read()
        s = re.sub(r'</t[dh]>', ' ', s)
        s = re.sub(r'<(/?)(p|div|h\d|li|tr|br|ul|ol|title|nav|footer|aside)\b[^>]*>', '\n', s)
        return H.unescape(re.sub(r'<[^>]+>', '', s))
    b = open(path, 'rb').read()
    if path.endswith('.txt'):
        try: return b.decode('utf-8')
        except UnicodeDecodeError: return b.decode('gb18030').replace('\r\n', '\n')
    return b.decode('utf-8')

def norm(s):
    """whitespace removed; markdown bold and table pipes dropped"""
    return re.sub(r'\s+', '', s).replace('**', '').replace('|', '')

SHORT = {'市': 'huangshan_2024_tuanshiwei_quanwei_gongzuo_baogao.docx',
         '景': 'huangshan_fengjingqu_2025_guoqing_zhongqiu_zhiyuan_fuwu_zongjie.pdf',
         '歙': 'shexian_2025_tuanjian_jianbao_di4qi.txt',
         '休': 'xiuning_2025_qingyun_huizhou_chuangye_xiangmu_gongshi.docx',
         '区': 'huangshanqu_2025_shuqi_wangji_diaoduhui_jiyao.md',
         '学': 'hsu_2024_tuanwei_shuji_shuzhi_baogao.txt',
         '屯': 'tunxi_2025_laojie_qingchun_yizhan_wuyi_news.html',
         '徽': 'huangshan_2025_huiyun_qingchun_chuancheng_xingdong_yaodian.docx'}

# key terms of unanswerable items: each unanswerable question must contain one, and none may occur in any report
ABSENT = ['宣城', '池州', '绩溪', '婺源', '景德镇', '22年新发展', '2022年全市', '黟县团县委书记', '祁门县团县委书记', '徽州区团区委书记',
          '休宁团县委书记', '黄山职业技术学院团委书记', '黄山职院24年', '第九期青马班结业', '第八期青马班什么时候结业', '2024年国庆黄山风景区进山',
          '风景区24年国庆志愿者上岗', '光明顶岗位点负责人', '风景区团工委副书记', '汤口镇团委书记', '黄山区24年全年', '黄山区团区委24年考核',
          '太平湖镇青年之家', '歙县二季度', '歙县4月份', '深渡镇团委书记', '歙县团县委副书记', '三潭枇杷直播卖了', '徽州古城清明节当天',
          '休宁第10名', '现场答辩时间', '齐云山民宿项目书面', '休宁青耘徽州24年', '孙嘉木多大', '5月3日', '黎阳in巷驿站服务', '屯溪区24年五一',
          '夜游护航实际', '黄山学院在校生', '第十九届挑战杯省赛实际', '黄山学院23年', '去祁门县的', '第一届在哪', '第三届徽州青年文化节参加',
          '屯溪区徽韵青年工坊24年', '黄山区24年非遗', '徽州区24年非遗', '休宁县24年非遗', '全市24年新建徽韵', '团市委副书记', '团市委组织部部长',
          '少先队员23年', '12355在2023年', '先进性评价完成率', '专职化23年', '黟县新发展团员中女性', '祁门县返家乡参与', '歙县24年新建青年之家',
          '徽州区青年之家五星级', '风景区团工委团员总数', '黄山区上半年青年之家', '防溺水宣传实际', '黄山区7月调度会哪天', '青年人才驿站23年',
          '青年夜校23年', '黄山毛峰电商销售额', '鲍晨曦多大', '黄山区团员总数25年', '屯溪区23年注册志愿者', '祁门县25年返家乡', '黟县25年新发展',
          '徽州区25年团员发展计划', '宏村青春驿站']
EN_ABSENT = ['Xuancheng', 'Chizhou', 'Jixi', 'secretary of Yixian', '2024 National Day holiday', 'on-site defence score', 'students are enrolled',
             'second quarter of 2025', 'deputy secretary of the Huangshan municipal', '2024 May Day', 'Wuyuan', 'Jingdezhen']

# variants that are translations or romanisations (not literal in the Chinese evidence): variant -> literal form
ALIAS = {'Cheng Yutong': '程雨桐', 'Bao Chenxi': '鲍晨曦', 'Ye Qingyang': '叶清扬', 'Jiang Yuchen': '江雨辰', 'Xu Mubai': '许慕白',
         'Yao Muyang': '姚沐阳', 'Zhang Xinyi': '章心怡', 'third': '第3位', '3rd': '第3位', '235 million yuan': '2.35亿元',
         'eight days': '8天', '黄山学院': 'Huangshan University', 'more than 200': '200名以上', 'March 2022': '2022年3月',
         '12.7 hours': '12.7小时', '15 yuan': '15元', '20,000 yuan': '20,000.00', '5 working days': '5个工作日', '15:00': '下午3:00'}

CN = dict(zip('〇零一二两三四五六七八九', [0, 0, 1, 2, 2, 3, 4, 5, 6, 7, 8, 9]))
UP = dict(zip('零壹贰叁肆伍陆柒捌玖', range(10)))
def upper_int(s):
    """Chinese financial (uppercase) numerals: 壹拾陆万伍仟 -> 165000"""
    total, sec, num = 0, 0, 0
    for ch in s:
        if ch in UP: num = UP[ch]
        elif ch == '拾': sec += (num or 1) * 10; num = 0
        elif ch == '佰': sec += num * 100; num = 0
        elif ch == '仟': sec += num * 1000; num = 0
        elif ch == '万': total += (sec + num) * 10000; sec = num = 0
    return total + sec + num

MON = {m: i for i, m in enumerate(['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October',
                                   'November', 'December'], 1)}
def dates_in(s):
    """set of (month, day) and (year, month) mentioned in s, in any of the forms used"""
    out = set()
    s = s.replace('—', '-')
    for y, m, d in re.findall(r'(?:(\d{2,4})年)?(\d{1,2})月(\d{1,2})日', s): out.add((int(m), int(d)))
    for m, d in re.findall(r'(?<![\d.])(\d{1,2})月(\d{1,2})号', s): out.add((int(m), int(d)))
    for y, m, d in re.findall(r'(\d{4})[.-](\d{1,2})[.-](\d{1,2})', s): out.add((int(m), int(d)))
    for d, mo in re.findall(r'(\d{1,2}) (' + '|'.join(MON) + ')', s): out.add((MON[mo], int(d)))
    for mo, d in re.findall(r'(' + '|'.join(MON) + r') (\d{1,2})', s): out.add((MON[mo], int(d)))
    for m, d in re.findall(r'(?<![\d.])(\d{1,2})月(\d{1,2})日', s): out.add((int(m), int(d)))
    m = re.search(r'(\d{1,2})月(\d{1,2})日至(\d{1,2})日', s)
    if m: out.add((int(m.group(1)), int(m.group(3))))
    for y, m in re.findall(r'(\d{2,4})年(\d{1,2})月(?!\d)', s): out.add(('ym', int(y) % 100, int(m)))
    for y, m in re.findall(r'(\d{4})\.(\d{1,2})(?![.\d])', s): out.add(('ym', int(y) % 100, int(m)))
    return out

def value(s):
    s = s.replace(',', '')
    m = re.search(r'[零壹贰叁肆伍陆柒捌玖拾佰仟万]+元整', s)
    if m and not re.search(r'\d', s): return D(upper_int(m.group()[:-2]))
    m = re.search(r'[-+]?\d+(?:\.\d+)?', s)
    if not m: return None
    v = D(m.group()); rest = s[m.end():]
    if rest.startswith('%'): return v / 100
    if rest.startswith('万'): return v * 10000
    if rest.startswith('亿'): return v * 100000000
    if rest.startswith(' million'): return v * 1000000
    return v
def tokens(ev):
    e = ev.replace(',', '')
    out = [value(t) for t in re.findall(r'[-+]?\d+(?:\.\d+)?(?:%|万|亿)?', e)]
    out += [D(upper_int(t)) for t in re.findall(r'([零壹贰叁肆伍陆柒捌玖拾佰仟万]+)元整', e)]
    return out
def bare(s):
    m = re.search(r'\d+(?:\.\d+)?', s.replace(',', ''))
    return D(m.group()) if m else None
def rng(s): return re.sub(r'[—－至~]', '-', s)

def ans_ok(a, ev):
    a0 = ALIAS.get(a, a)
    n_ev = rng(norm(ev).replace(',', ''))
    if rng(norm(a0).replace(',', '')) in n_ev: return True
    if '和' in a0 and norm(a0).replace('和', '、') in n_ev: return True
    parts = [x for x in re.split(r'[、和]', a0) if x]
    if len(parts) > 1 and all(rng(norm(x)) in n_ev for x in parts): return True
    m = re.match(r'^(\d+[-—至]\d+)\D*$', a0)  # a range whose unit is in the table header
    if m and rng(m.group(1)) in n_ev: return True
    if a0 in ('星期五', '周五') and False: return True
    da = dates_in(a0)
    if da and da <= dates_in(ev): return True
    v = value(a0)
    if v is not None and not re.search(r'\d+[-—]\d+', a0):
        tk = tokens(ev)
        if v in tk: return True
        b = bare(a0)
        if b is not None and re.search(r'(?<![\d.])' + re.escape(str(b)) + r'(?![\d.])', ev.replace(',', '')): return True
    return False

def pct(a, b, nd=1): return (D(a) / D(b) * 100).quantize(D(10) ** -nd, ROUND_HALF_UP)
def num(s): return D(s.replace(',', ''))
WD = '一二三四五六日'
def wk(y, m, d): return '星期' + WD[datetime.date(y, m, d).weekday()]


def main():
    TXT = {os.path.basename(p): text_of(p) for p in sorted(glob.glob(os.path.join(RD, '*')))}
    if sorted(TXT) != sorted(SHORT.values()): err(f'report set {sorted(TXT)}')
    T = {k: TXT[v] for k, v in SHORT.items()}
    NT = {k: norm(v) for k, v in T.items()}
    def need(k, x):
        if norm(x) not in NT[k]: err(f'{k} lacks {x!r}')
    def line(k, first):
        r = [l.split() for l in T[k].split('\n') if l.split()[:1] == [first]]
        if len(r) != 1: err(f'{k} row {first}: {len(r)}'); return None
        return r[0]

    # ---------- formats ----------
    raw = open(os.path.join(RD, SHORT['歙']), 'rb').read()
    try: raw.decode('utf-8'); err('歙 txt should not be valid UTF-8')
    except UnicodeDecodeError: pass
    if b'\r\n' not in raw or raw.count(b'\n') != raw.count(b'\r\n'): err('歙 txt must be CRLF')
    if b'\r' in open(os.path.join(RD, SHORT['学']), 'rb').read(): err('学 txt must be LF')
    import docx
    d1 = docx.Document(os.path.join(RD, SHORT['市']))
    nch = len(re.findall(r'[\u4e00-\u9fff]', ''.join(p.text for p in d1.paragraphs)))
    if nch < 3500: err(f'long report only {nch} Chinese characters')
    from pypdf import PdfReader
    pages = [p.extract_text() for p in PdfReader(os.path.join(RD, SHORT['景'])).pages]
    for i, pg in enumerate(pages, 1):
        if f'第 {i} 页　共 {len(pages)} 页' not in pg or '志愿服务工作总结（内部资料）' not in pg: err(f'pdf page {i} header/footer')
    if not ('10月5日' in pages[0] and '10月6日' in pages[1] and '表1（续）' in pages[1] and pages[1].count('进山游客（万人次）') == 1):
        err('pdf 表1 must break after 10月5日 with the header repeated on page 2')

    # ---------- 市 表1 (transposed, grouped header) ----------
    U = ['屯溪区', '黄山区', '徽州区', '歙县', '休宁县', '黟县', '祁门县', '市直']
    hdr = [l.split() for l in T['市'].split('\n') if l.startswith('指标 ')]
    if hdr != [['指标'] + ['三区'] * 3 + ['四县'] * 4 + ['市直', '全市'], ['指标'] + U + ['全市']]: err(f'市 header {hdr}')
    M = line('市', '团员总数（名）'); N = line('市', '新发展团员（名）'); HM = line('市', '青年之家（个）')
    VO = line('市', '注册青年志愿者（万名）'); FJ = line('市', '“返家乡”岗位（个）')
    nv = [re.match(r'([\d,]+)（([+-]\d+)）', x).groups() for x in N[1:]]
    newv = [num(a) for a, _ in nv]; chg = [int(b) for _, b in nv]
    if sum(num(x) for x in M[1:9]) != num(M[9]) or num(M[9]) != 56200: err('市 团员总数 sum')
    if sum(newv[:8]) != newv[8] or sum(chg[:8]) != chg[8] or newv[8] != 3114 or chg[8] != 188: err('市 新发展 sums')
    if sum(int(x) for x in HM[1:9]) != int(HM[9]) or int(HM[9]) != 108: err('市 青年之家 sum')
    if sum(D(x) for x in VO[1:9]) != D(VO[9]) or D(VO[9]) != D('12.43'): err('市 志愿者 sum')
    if FJ[8] != '—' or sum(int(x) for x in FJ[1:8]) != int(FJ[9]) or int(FJ[9]) != 790: err('市 返家乡 sum')
    if pct(188, 3114 - 188) != D('6.4') or pct(1236, 3114) != D('39.7'): err('市 6.4% / 39.7%')
    if [U[i] for i in range(7) if chg[i] < 0] != ['徽州区', '祁门县']: err('市 decreases')
    top2 = sorted(range(7), key=lambda i: -newv[i])[:2]
    if [U[i] for i in top2] != ['歙县', '屯溪区'] or newv[3] != 462 or newv[0] != 418: err('市 top-2 新发展')
    if max(range(7), key=lambda i: int(HM[1 + i])) != 3 or min(range(7), key=lambda i: num(M[1 + i])) != 5: err('市 max/min')
    if max(range(7), key=lambda i: D(VO[1 + i])) != 0: err('市 志愿者 max')
    if [int(FJ[4]), int(FJ[1])] != [180, 160]: err('市 返家乡 歙县/屯溪')
    if D('14.26') - D('1.83') != D(VO[9]): err('市 注① 14.26 − 1.83')
    if pct(1012, 1236) != D('81.9'): err('市 81.9%')
    if (D('2.35') / D('1.02') - 1).quantize(D('0.1'), ROUND_HALF_UP) != D('1.3'): err('市 增长1.3倍')
    if D('97.3') - D('91.6') != D('5.7'): err('市 个百分点')
    if 30 + 24 + 22 + 20 != 96: err('市 青马')
    need('市', '全年新发展团员3,114名，较上年增加188名，增长6.4%'); need('市', '总数达到108个'); need('市', '寒暑假共提供实践岗位790个')
    need('市', '不含该部分，全市注册青年志愿者为12.43万名')

    # ---------- 景 PDF ----------
    DAYS = {}
    for l in T['景'].replace('\n', ' ').split('10月')[1:]:
        m = re.match(r'(\d)日 (星期.) ([\d.]+) (\d+) ([\d,]+)', l)
        if m: DAYS[int(m.group(1))] = m.groups()
    if sorted(DAYS) != list(range(1, 9)): err(f'景 days {sorted(DAYS)}')
    else:
        for dd, g in DAYS.items():
            if wk(2025, 10, dd) != g[1]: err(f'景 weekday 10月{dd}日')
        if sum(D(g[2]) for g in DAYS.values()) != D('30.86') or sum(int(g[3]) for g in DAYS.values()) != 3316 \
                or sum(num(g[4]) for g in DAYS.values()) != 266710: err('景 表1 sums')
        if max(DAYS, key=lambda x: D(DAYS[x][2])) != 2 or max(DAYS, key=lambda x: int(DAYS[x][3])) != 2 \
                or min(DAYS, key=lambda x: int(DAYS[x][3])) != 8: err('景 峰值')
        if int(DAYS[2][3]) != 465: err('景 单日最多465')
    need('景', '合计 — 30.86 3,316 266,710')
    if (D(266710) / 8).quantize(D(1), ROUND_HALF_UP) != 33339: err('景 日均')
    if ((D(266710) / 8) / (D(215100) / 7) * 100 - 100).quantize(D('0.1'), ROUND_HALF_UP) != D('8.5'): err('景 8.5%')
    if 236 + 158 + 142 + 76 != 612: err('景 612')
    try:
        from lunardate import LunarDate
        ld = LunarDate.from_solar_date(2025, 10, 6)
        if (ld.month, ld.day) != (8, 15): err('景 中秋 is not 八月十五')
    except ImportError:
        err('lunardate not installed')
    P = {}
    for l in T['景'].replace('\n', ' ').split(' '):
        pass
    flat = ' '.join(T['景'].split())
    for name in ['迎客松', '光明顶', '玉屏楼', '北海宾馆片区', '西海大峡谷', '云谷寺索道站', '慈光阁', '汤口换乘中心']:
        m = re.search(re.escape(name) + r' (\d+)-(\d+) (\d+) ', flat)
        if m: P[name] = [int(x) for x in m.groups()]
        else: err(f'景 表2 {name}')
    if P and ([sum(v[i] for v in P.values()) for i in range(3)] != [230, 295, 270] or '合计 230-295 270' not in flat): err('景 表2 sums')
    if P and (max(P, key=lambda k: P[k][2]) != '汤口换乘中心' or min(P, key=lambda k: P[k][2]) != '西海大峡谷'): err('景 表2 max/min')
    need('景', '48,600 visitors'); need('景', 'Huangshan University made up the largest group (236)')

    # ---------- 歙 简报 ----------
    bd = datetime.date(2025, 4, 7)
    if wk(2025, 4, 7) != '星期一': err('歙 date weekday')
    fri = bd - datetime.timedelta(days=bd.weekday() + 3)  # 上周五
    if (fri.month, fri.day) != (4, 4): err('歙 上周五')
    sat = fri + datetime.timedelta(days=1); yes = bd - datetime.timedelta(days=1)
    if (sat.month, sat.day) != (4, 5) or (yes.month, yes.day) != (4, 6) or (yes - fri).days + 1 != 3: err('歙 relative dates')
    if wk(2025, 4, 18) != '星期五': err('歙 本月18日')
    if pct(96, 480) != D('20.0') or 71 + 25 != 96: err('歙 一季度')
    if D('2.25') - D('2.18') != D('0.07'): err('歙 志愿者增量')
    if newv[3] != 462 or chg[3] != 41 or D(VO[4]) != D('2.18') or int(HM[4]) != 23 or int(FJ[4]) != 180: err('歙 ↔ 市 表1')
    need('歙', '2024年，全县新发展团员462名，比上年多41名'); need('歙', '全县现有青年之家23个'); need('歙', '较上年的180个增加20个')
    need('歙', '较2024年底的2.18万名增加0.07万名')
    for dstr in ['2025.3.5', '2025.3.12', '2025.3.21', '2025.3.29']: need('歙', dstr)

    # ---------- 休 公示 ----------
    rows = [l.split(' ') for l in T['休'].split('\n') if re.match(r'^[1-8] ', l)]
    sc = [D(r[4]) for r in rows]; amt = [num(r[5]) for r in rows]
    if len(rows) != 8 or sc != sorted(sc, reverse=True): err('休 ranking order')
    if sc[3] != sc[4] or not (D('91.5') > D('90.0')) or '孙嘉木' not in rows[3][2]: err('休 tie-break')
    if amt != [30000] * 2 + [20000] * 3 + [15000] * 3 or sum(amt) != 165000: err('休 amounts')
    if upper_int('壹拾陆万伍仟') != 165000 or upper_int('叁万') != 30000 or upper_int('贰万') != 20000 or upper_int('壹万伍仟') != 15000: err('休 大写')
    need('休', '合计（拟资助8项） 合计（拟资助8项） 合计（拟资助8项） 合计（拟资助8项） — 165,000')
    alt = line('休', '候补')
    if alt and D(alt[4]) >= sc[-1]: err('休 候补 score')
    wd = [datetime.date(2025, 5, x) for x in range(12, 17)]
    if any(x.weekday() > 4 for x in wd) or len(wd) != 5: err('休 5个工作日')

    # ---------- 区 纪要 ----------
    if wk(2025, 6, 27) != '星期五': err('区 weekday')
    need('区', '2025年6月27日（星期五）')
    if pct(118, 250) != D('47.2'): err('区 47.2%')
    if D('0.52') + D('3.9') != D('4.42') or D(5200) / 2 != D(39000) / 15: err('区 经费')
    if D(VO[2]) != D('1.42') or int(FJ[2]) != 120 or 130 - 120 != 10: err('区 ↔ 市 表1')
    if 2 + 10 != 12: err('区 岗位')

    # ---------- 学 述职 ----------
    if wk(2025, 1, 10) != '星期五': err('学 weekday')
    if 624 > 1012 or 624 > 1862: err('学 团员')
    need('学', '2024年国庆假期，选派学生志愿者208名'); need('景', '黄山学院学生志愿者236名')
    if not 236 >= 220: err('学 ↔ 景 220')

    # ---------- 屯 news ----------
    if pct(D('12.3') - D('10.4'), D('10.4')) != D('18.3') or (D(4920) / 386).quantize(D('0.1'), ROUND_HALF_UP) != D('12.7') \
            or 142 + 178 + 66 != 386: err('屯 arithmetic')
    for place in ['黟县', '祁门县', '徽州区']:
        body = T['屯'].split('相关新闻')[0]
        if place in body: err(f'屯 decoy place {place} in article body')

    # ---------- 徽 要点 ----------
    TG = {}
    for u in U[:7]:
        r = line('徽', u)
        if r:
            a, b = map(int, r[1].split('-')); lo, hi = map(int, r[3].split('-'))
            TG[u] = (a, b, int(r[2]), lo, hi)
    tot = line('徽', '合计')
    if [sum(v[i] for v in TG.values()) for i in range(5)] != [170, 205, 21, 265, 315] or tot[1:4] != ['170-205', '21', '265-315']: err('徽 sums')
    if 21 * 5000 != 105000 or D('10.5') + 12 + D('7.5') != 30 or upper_int('叁拾万') != 300000: err('徽 经费')
    if 170 + 30 != 200: err('徽 200')
    if min(TG, key=lambda u: TG[u][2]) != '黟县': err('徽 min 工坊')
    need('市', '培育徽州文化青年传承人200名以上'); need('徽', '全市培育徽州文化青年传承人200名以上')

    # ---------- derived answers (not written verbatim) ----------
    DER = {'简报说的清明节是几月几号': '4月4日', '清明志愿服务到哪天结束': '4月6日', '歙县清明假期客流最高是哪一天': '4月5日',
           '团员发展推进会那天星期几': wk(2025, 4, 18), '公示期最后一天是星期几': wk(2025, 5, 16), '述职那天星期几': wk(2025, 1, 10),
           '歙县团员发展推进会什么时候开': '4月18日',
           '青年之家最多的是哪个区县': U[max(range(7), key=lambda i: int(HM[1 + i]))],
           '哪个县团员最少': U[min(range(7), key=lambda i: num(M[1 + i]))],
           '注册志愿者最多的区县是哪个': U[max(range(7), key=lambda i: D(VO[1 + i]))]}
    DER_OK = {'4月4日': (fri.month, fri.day) == (4, 4), '4月6日': (yes.month, yes.day) == (4, 6), '4月5日': (sat.month, sat.day) == (4, 5),
              '4月18日': True}

    # ---------- gold ----------
    gold = [json.loads(l) for l in open(os.path.join(BASE, 'gold.jsonl'), encoding='utf-8')]
    ids = [g['id'] for g in gold]
    if ids != [f'b56-q{i:03d}' for i in range(1, len(gold) + 1)]: err('gold ids')
    if len(set(g['question'] for g in gold)) != len(gold): err('duplicate questions')
    allnorm = ''.join(NT.values())
    for t in ABSENT + EN_ABSENT:
        if norm(t) in allnorm: err(f'absent term occurs in a report: {t}')
    byfile = {v: k for k, v in SHORT.items()}
    def check_item(g, tag):
        if g['type'] == 'unanswerable':
            if g['answers'] or g['doc'] or g['evidence']: err(f'{tag} unanswerable fields')
            if not any(t in g['question'] for t in ABSENT + EN_ABSENT): err(f'{tag} unanswerable without absent key: {g["question"]}')
            return
        k = byfile.get(g['doc'])
        if not k: err(f'{tag} doc {g["doc"]}'); return
        if norm(g['evidence']) not in NT[k]: err(f'{tag} evidence not in {k}: {g["evidence"][:40]}')
        if not g['answers']: err(f'{tag} no answers')
        for a in g['answers']:
            if ans_ok(a, g['evidence']): continue
            q = g['question']
            if q in DER and (a == DER[q] or a in (DER[q].replace('星期', '周'), f'2025年{DER[q]}', '上周六', '本月18日', DER[q][:-1])) and DER_OK.get(DER[q], True):
                continue
            err(f'{tag} answer {a!r} not in evidence ({g["question"]})')
    for g in gold: check_item(g, g['id'])
    FU_UN = {'祁门23年青年之家呢？': '2023年青年之家 (only the 2024 table and the +/- of 新发展团员 are given)',
             '二季度呢？': '歙县 Q2 2025 (the 简报 is dated 4月7日)', '徽州区呢？24年参与多少人次': '徽州区 2024 pilot participants (only 歙县/屯溪/祁门/黟县 given)',
             '2022年呢？青年之家多少个': '2022 青年之家 (only 2024 totals and 13 new)'}
    un = sum(g['type'] == 'unanswerable' for g in gold)
    en = sum(1 for g in gold if not re.search(r'[\u4e00-\u9fff]', re.sub(r'\([^)]*\)|“[^”]*”|（[^）]*）', '', g['question'])))
    if not 550 <= len(gold) <= 750: err(f'gold size {len(gold)}')
    if not 0.10 <= un / len(gold) <= 0.14: err(f'unanswerable share {un}/{len(gold)}')
    if not 0.08 <= en / len(gold) <= 0.13: err(f'english share {en}/{len(gold)}')

    # ---------- follow-ups ----------
    fu = [json.loads(l) for l in open(os.path.join(BASE, 'followups.jsonl'), encoding='utf-8')]
    nturn = 0
    for i, c in enumerate(fu, 1):
        if c['id'] != f'fu56-{i:02d}' or c.get('corpus') != 'reports' or not 5 <= len(c['turns']) <= 8: err(f'fu {c["id"]} shape')
        for j, t in enumerate(c['turns'], 1):
            nturn += 1
            if t['id'] != f'{c["id"]}-t{j}': err(f'fu turn id {t["id"]}')
            if t['type'] == 'unanswerable' and t['question'] not in FU_UN: err(f'{t["id"]} unanswerable turn not declared')
            if t['type'] == 'unanswerable' and not t['answers'] and not t['doc'] and not t['evidence']: continue
            check_item(t, t['id'])
    # ---------- cross ----------
    cr = [json.loads(l) for l in open(os.path.join(BASE, 'cross.jsonl'), encoding='utf-8')]
    CROSS_CALC, MENTION = cross_calc(T, VO)
    for i, c in enumerate(cr, 1):
        if c['id'] != f'cross56-{i:02d}' or c['type'] != 'cross' or c['kind'] not in ('compare', 'rank', 'list', 'total', 'mention'): err(f'{c["id"]} shape')
        if len(c['docs']) < 2: err(f'{c["id"]} docs')
        for dname, e in zip(c['docs'], c['evidence']):
            k = byfile.get(dname)
            if not k or norm(e) not in NT[k]: err(f'{c["id"]} evidence not in {dname}: {e[:30]}')
        if len(c['docs']) != len(c['evidence']): err(f'{c["id"]} docs/evidence length')
        evall = ' '.join(c['evidence'])
        if c['id'] in MENTION:
            for term in MENTION[c['id']]:
                if not any(term in e for e in c['evidence']): err(f'{c["id"]} mention term {term} missing')
            for e in c['evidence']:
                if not any(term in e for term in MENTION[c['id']]): err(f'{c["id"]} evidence without a mention term')
        elif c['id'] in CROSS_CALC:
            exp = CROSS_CALC[c['id']]
            if not any(rng(norm(a)) == rng(norm(exp)) or a == exp for a in c['answers']): err(f'{c["id"]} computed {exp} not among answers')
        elif not ans_ok(c['answers'][0], evall): err(f'{c["id"]} answer {c["answers"][0]!r} not in evidence')

    print(f'gold {len(gold)} (unanswerable {un}, English {en}); follow-ups {len(fu)} conversations / {nturn} turns; cross {len(cr)}')
    if ERR:
        print(f'FAILED: {len(ERR)} problems'); [print(' -', e) for e in ERR[:80]]
        raise SystemExit(1)
    print('verify.py: all checks passed')


def cross_calc(T, VO):
    """answers of cross questions that are computed from two reports, and the terms that mention questions rest on"""
    g = lambda k, pat: D(re.search(pat, T[k]).group(1))
    sx24, sx25 = g('歙', r'较上年的(\d+)个'), g('歙', r'计划征集岗位(\d+)个')
    hs24, hs25 = g('区', r'比上年的(\d+)个'), g('区', r'提供“返家乡”岗位(\d+)个')
    hsu24, hsu25 = g('学', r'选派学生志愿者(\d+)名'), g('景', r'黄山学院学生志愿者(\d+)名')
    v_tx, v_sx, v_hs, v_hz = D(VO[1]), g('歙', r'注册青年志愿者([\d.]+)万名'), g('区', r'注册青年志愿者([\d.]+)万名'), D(VO[3])
    calc = {
        'cross56-01': '歙县' if sx24 > hs24 else '黄山区',
        'cross56-02': f'{sx25 - hs25}个',
        'cross56-03': f'{sx25 + hs25}个',
        'cross56-04': f'{hsu25 - hsu24}名',
        'cross56-06': max([('屯溪区', v_tx), ('歙县', v_sx), ('黄山区', v_hs)], key=lambda x: x[1])[0],
        'cross56-09': '黄山区' if v_hs > v_hz else '徽州区',
        'cross56-10': '黄山风景区' if g('景', r'10月2日进山游客([\d.]+)万') > g('屯', r'5月2日服务游客([\d.]+)万') else '屯溪区',
        'cross56-11': str(pct(g('学', r'其中2024年发展(\d+)名'), D(re.search(r'全年发展团员([\d,]+)名', T['市']).group(1).replace(',', '')))) + '%',
    }
    if hsu25 < g('学', r'选派黄山风景区志愿者不少于(\d+)名'): calc['cross56-05'] = '未达到'
    mention = {'cross56-12': ['黄山区团委', '吴佳禾'], 'cross56-13': ['外语志愿服务队'], 'cross56-14': ['祁门红茶'],
               'cross56-15': ['汪书恒（黄山学院', '江雨辰'], 'cross56-16': ['汤口镇'], 'cross56-18': ['1.83万名', '不含黄山风景区团工委']}
    return calc, mention


if __name__ == '__main__':
    main()
