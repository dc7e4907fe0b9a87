#!/usr/bin/env python3
"""Independent checker for blind52: reads only reports/ and the three jsonl files (does not import src/)."""
import os, re, json, sys, glob, collections, html as H
from decimal import Decimal as Dd, ROUND_HALF_UP
BASE = os.path.dirname(os.path.abspath(__file__))
RD = os.path.join(BASE, 'reports')
ERR = []
def err(m): ERR.append(m)

# ---------- extraction ----------
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
        pages = []
        for pg in PdfReader(path).pages:
            t = pg.extract_text(extraction_mode='layout')
            pages.append(''.join(re.sub(r'\s+', ' ', l).strip() for l in t.split('\n')))
        return '\n'.join(pages)
    if path.endswith('.html'):
        s = open(path, encoding='utf-8').read()
        s = re.sub(r'</t[dh]>', ' ', s)
        s = re.sub(r'<(/?)(p|div|h\d|li|tr|br|ul|title|caption)[^>]*>', '\n', s)
        return H.unescape(re.sub(r'<[^>]+>', '', s))
    b = open(path, 'rb').read()
    if path.endswith('.txt'):
        try: return b.decode('utf-8')
        except UnicodeDecodeError: return b.decode('gb18030').replace('\r\n', '\n')
    return b.decode('utf-8')
TXT = {os.path.basename(p): text_of(p) for p in sorted(glob.glob(os.path.join(RD, '*')))}
SHORT = {'xiangyang_2024_tuanshiwei_quanhui_baogao.docx': '市委', 'fancheng_2024_tuanquwei_dashiji.docx': '樊城', 'yicheng_2024_tuanshiwei_gongzuo_zongjie.docx': '宜城',
         'zaoyang_2024_tuanshiwei_gongzuo_zongjie.pdf': '枣阳', 'xiangzhou_2024_tuanquwei_jidu_jianbao.txt': '襄州', 'hbuas_2024_tuanwei_zhiyuan_diaoyan_baogao.txt': '文理',
         'xiangcheng_2024_tuanquwei_news.html': '襄城', 'xiangyang_2025_wusi_biaozhang_jueding.md': '表彰'}
if sorted(TXT) != sorted(SHORT): err(f'report set {sorted(TXT)}')
BY = {v: k for k, v in SHORT.items()}

# ---------- numbers ----------
CD = dict(zip('〇零一二两三四五六七八九', [0, 0, 1, 2, 2, 3, 4, 5, 6, 7, 8, 9]))
def cn_int(s):
    total, sec, num = 0, 0, 0
    for ch in s:
        if ch in CD: num = CD[ch]
        elif ch == '十': sec += (num or 1) * 10; num = 0
        elif ch == '百': sec += num * 100; num = 0
        elif ch == '千': sec += num * 1000; num = 0
        elif ch == '万': total += (sec + num) * 10000; sec = num = 0
    return total + sec + num
def value(s):
    s = s.replace(',', '')
    m = re.search(r'-?\d+(?:\.\d+)?', s)
    if m:
        v = Dd(m.group()); rest = s[m.end():]
        if rest.startswith('%'): return v / 100
        if rest.startswith('万'): return v * 10000
        if rest.startswith('亿'): return v * 100000000
        return v
    m = re.search(r'([一二两三四五六七八九十])成', s)
    if m: return Dd(cn_int(m.group(1))) / 10
    return None
def num(s): return Dd(s.replace(',', ''))

# ---------- jsonl ----------
def load(fn):
    out = []
    for i, l in enumerate(open(os.path.join(BASE, fn), encoding='utf-8'), 1):
        try: out.append(json.loads(l))
        except Exception as e: err(f'{fn}:{i} invalid JSON {e}')
    return out
GOLD, FU, CR = load('gold.jsonl'), load('followups.jsonl'), load('cross.jsonl')
TYPES = {'numeric', 'date', 'name', 'person', 'entity', 'list', 'unanswerable'}
ids = [x['id'] for x in GOLD] + [c['id'] for c in FU] + [t['id'] for c in FU for t in c['turns']] + [x['id'] for x in CR]
for k, v in collections.Counter(ids).items():
    if v > 1: err(f'duplicate id {k}')
for k, v in collections.Counter(x['question'] for x in GOLD).items():
    if v > 1: err(f'duplicate question {k}')
for i, x in enumerate(GOLD, 1):
    if x['id'] != f'b52-q{i:03d}': err(f'id order {x["id"]}')

NUMRE = r'\d[\d,]*(?:\.\d+)?'
def in_ev(a, ev):
    """answer string occurs in the evidence, allowing a unit suffix, comma-less form or 万/亿 expansion"""
    a2 = a.strip('“”《》')
    if a in ev or a2 in ev or a.replace(',', '') in ev.replace(',', ''): return True
    m = re.search(NUMRE, a)
    if m:
        n = m.group().replace(',', '')
        toks = [t.replace(',', '') for t in re.findall(NUMRE, ev)]
        if n in toks: return True
        v = value(a)
        return v is not None and any(value(t) == v for t in re.findall(NUMRE + r'[万亿%]?', ev))
    v = value(a)
    if v is not None:
        return any(value(t) == v for t in re.findall(r'[一二两三四五六七八九十]成', ev))
    return False
def check_item(x, where):
    if set(x) != {'id', 'question', 'answers', 'doc', 'evidence', 'type'}: err(f'{where} keys {sorted(x)}')
    if x['type'] not in TYPES: err(f'{where} bad type {x["type"]}'); return
    if not x['question'].strip(): err(f'{where} empty question')
    if x['type'] == 'unanswerable':
        if x['answers'] or x['doc'] is not None or x['evidence'] is not None: err(f'{where} unanswerable with content')
        return
    if x['doc'] not in TXT: err(f'{where} unknown doc {x["doc"]}'); return
    ev, a = x['evidence'], x['answers']
    if not ev or ev not in TXT[x['doc']]: err(f'{where} evidence not verbatim: {ev}'); return
    if not a: err(f'{where} no answers'); return
    if x['type'] == 'list':
        for p in (a[1:] if len(a) > 1 else a):
            if not in_ev(p, ev): err(f'{where} list item {p} not in evidence')
    elif x['type'] == 'numeric':
        if not in_ev(a[0], ev): err(f'{where} answer0 {a[0]} not in evidence {ev}')
        v0 = value(a[0])
        for o in a[1:]:
            vo = value(o)
            if re.match(r'^[\d.,]+ (million|hours)', o): continue  # English rendering of the same figure
            if vo is not None and v0 is not None and vo != v0 and not in_ev(o, ev): err(f'{where} variant {o} != {a[0]}')
            if vo is None and not in_ev(o, ev) and o not in a[0]: err(f'{where} variant {o} not supported')
    else:
        dg = lambda z: re.findall(r'\d+', z)
        ok = a[0].strip('“”《》') in ev or (x['type'] == 'date' and dg(a[0]) and all(int(n) in [int(m) for m in dg(ev)] for n in dg(a[0])))
        if not ok: err(f'{where} answer0 {a[0]} not in evidence: {ev}')
for x in GOLD: check_item(x, x['id'])
for c in FU:
    if set(c) != {'id', 'corpus', 'turns'}: err(f'{c["id"]} keys')
    if not (5 <= len(c['turns']) <= 8): err(f'{c["id"]} has {len(c["turns"])} turns')
    if not any(t['type'] == 'unanswerable' for t in c['turns']): err(f'{c["id"]} has no unanswerable turn')
    for t in c['turns']: check_item(t, t['id'])

# ---------- report-level checks ----------
def need(short, s):
    if s not in TXT[BY[short]]: err(f'{short}: expected “{s}”')
def rows(short, first):
    out = {}
    for l in TXT[BY[short]].split('\n'):
        p = l.split(' ')
        if p[0] in first: out[p[0]] = p[1:]
    return out
# formats
raw = open(os.path.join(RD, BY['襄州']), 'rb').read()
try: raw.decode('utf-8'); err('襄州 decodes as UTF-8')
except UnicodeDecodeError: pass
if raw.count(b'\r\n') < 10 or raw.replace(b'\r\n', b'').count(b'\n'): err('襄州 not CRLF')
raw_h = open(os.path.join(RD, BY['襄城']), encoding='utf-8').read()
for tag in ['class="nav"', 'class="breadcrumb"', 'class="info"', '来源：', '发布时间：', 'class="share"', '相关新闻', 'class="footer"', '<table', '责任编辑']:
    if tag not in raw_h: err(f'html missing {tag}')
LEN = len(re.sub(r'\s', '', '\n'.join(__import__('docx').Document(os.path.join(RD, BY['市委'])).paragraphs[i].text for i in range(len(__import__('docx').Document(os.path.join(RD, BY['市委'])).paragraphs)))))
if LEN < 3500: err(f'市委 report paragraphs shorter than 3500 non-space chars: {LEN}')
for s, hs in [('市委', ['一、2024年工作回顾', '（一）坚持政治引领', '1．理论武装', '（1）“青马工程”', '①依托', '二、存在的问题和不足', '三、2025年工作打算']),
              ('宜城', ['二、问题与不足', '三、2025年工作打算']), ('枣阳', ['二、问题与不足', '三、2025年工作打算']),
              ('襄州', ['【第一季度】', '【第二季度】', '【第三季度】', '【第四季度】', '【全年小结】']),
              ('文理', ['A Survey on Volunteer Service', 'Keywords:']), ('枣阳', ['Communist Youth League Zaoyang Committee'])]:
    for h in hs: need(s, h)
# each report: a date line
for s, d in [('市委', '2025年1月16日'), ('樊城', '2025年1月8日'), ('宜城', '2025年1月20日'), ('枣阳', '2025年2月10日'), ('襄州', '2025年1月6日'),
             ('文理', '2024年12月18日'), ('襄城', '2025-03-06'), ('表彰', '2025年4月28日')]: need(s, d)
import docx
D1 = docx.Document(os.path.join(RD, BY['市委'])).tables[0]
r0 = [c.text for c in D1.rows[0].cells]; r1 = [c.text for c in D1.rows[1].cells]
if len(set(r0)) != 1 or not r0[0].startswith('表1') or set(r1) != {'单位：人、个'}: err('市委 表1 merged title / unit rows')
# 市委 表1
UN = ['襄城区', '樊城区', '襄州区', '枣阳市', '宜城市', '老河口市', '南漳县', '谷城县', '保康县', '东津新区', '高新区', '市直及高校']
T1 = {k: [int(x.replace(',', '')) for x in v] for k, v in rows('市委', UN + ['合计']).items() if len(v) == 4}
if len(T1) != 13: err(f'市委 表1 rows {len(T1)}')
for j in range(4):
    if sum(T1[u][j] for u in UN) != T1['合计'][j]: err(f'市委 表1 合计 col {j}')
tot = T1['合计']
need('市委', f'全年新发展团员{tot[1]:,}名'); need('市委', f'总数达到{tot[2]}个')
if (Dd(tot[1]) * 100 / 13600).quantize(Dd('0.1'), ROUND_HALF_UP) != Dd('103.8'): err('市委 完成率')
if 12056 + 13240 + tot[1] != 39409: err('市委 三年累计')
if round(tot[0] / 10000, 2) != 21.87 or round(tot[3] / 10000, 2) != 54.96: err('市委 万 figures')
if max(UN[:-1], key=lambda u: T1[u][1]) != '枣阳市' or min(UN, key=lambda u: T1[u][1]) != '东津新区': err('市委 max/min')
if sorted(u for u in UN if T1[u][2] < 15) != ['东津新区', '保康县']: err('市委 不足15个')
if (Dd(4126) * 100 / 3500).quantize(Dd('0.1'), ROUND_HALF_UP) != Dd('117.9'): err('返家乡 rate')
# unit reports agree with 市委 表1
for s, u, pats in [('樊城', '樊城区', ['全区新发展团员{1:,}名', '青年之家总数达到{2}个']), ('襄州', '襄州区', ['全区团员总数{0:,}名', '共发展团员{1:,}名', '总数达到{2}个', '注册青年志愿者达到{3:,}名']),
                   ('枣阳', '枣阳市', ['共有团员{0:,}名', '全年发展团员{1:,}名', '青年之家{2}个', '注册青年志愿者{3:,}名']), ('宜城', '宜城市', ['全市团员总数{0:,}名', '全年发展团员{1}名', '青年之家{2}个']),
                   ('襄城', '襄城区', ['共发展团员{1:,}名', '青年之家达到{2}个', '注册青年志愿者{3:,}名'])]:
    for p in pats: need(s, p.format(*T1[u]))
FT = rows('樊城', ['新发展团员（名）', '青年之家（个）', '注册志愿者（名）'])
for k, j in [('新发展团员（名）', 1), ('青年之家（个）', 2), ('注册志愿者（名）', 3)]:
    if int(FT[k][0].replace(',', '')) != T1['樊城区'][j]: err(f'樊城 table vs 市委 {k}')
# 樊城 同比 arrows
for l in TXT[BY['樊城']].split('\n'):
    m = re.match(r'^(\S+（\S+）) ([\d,.]+) ([\d,.]+) ([↑↓])([\d.]+)%$', l)
    if m:
        a, b = num(m.group(2)), num(m.group(3)); r = ((a - b) * 100 / b).quantize(Dd('0.1'), ROUND_HALF_UP)
        if ('↑' if r > 0 else '↓') != m.group(4) or abs(r) != Dd(m.group(5)): err(f'樊城 同比 {l}')
if len(re.findall(r'[↑↓]', TXT[BY['樊城']])) < 7: err('樊城 arrows')
# 樊城 大事记: one dated entry per paragraph, in order
days = re.findall(r'^(\d{1,2})月(\d{1,2})日　', TXT[BY['樊城']], re.M)
if len(days) < 15 or [(int(a), int(b)) for a, b in days] != sorted((int(a), int(b)) for a, b in days): err('樊城 timeline order')
# 宜城 合计* and footnote
YT = TXT[BY['宜城']]
yr = [l.split(' ') for l in YT.split('\n') if re.match(r'^\S+(镇|街道) [\d,]+ ', l)]
yt = [l.split(' ') for l in YT.split('\n') if l.startswith('合计* ')][0]
fn = re.search(r'团员总数([\d,]+)名、新发展团员(\d+)名、青年之家(\d+)个、志愿服务时长([\d,]+)小时、团干部培训(\d+)人次', YT).groups()
if len(yr) != 11: err(f'宜城 rows {len(yr)}')
for j in range(5):
    if sum(num(r[j + 1]) for r in yr) + num(fn[j]) != num(yt[j + 1]): err(f'宜城 合计* col {j}')
if not yt[0].endswith('*') or not YT.count('*合计数含'): err('宜城 footnote marker')
if num(yt[2]) != T1['宜城市'][1] or num(yt[1]) != T1['宜城市'][0] or num(yt[3]) != T1['宜城市'][2]: err('宜城 vs 市委')
if (Dd(836) * 100 / 800).quantize(Dd('0.1'), ROUND_HALF_UP) != Dd('104.5'): err('宜城 rate')
if max(yr, key=lambda r: num(r[2]))[0] != '鄢城街道': err('宜城 首位')
if sorted(r[0] for r in yr if num(r[1]) < 520) != ['板桥店镇', '王集镇']: err('宜城 不足520')
# 枣阳
if (Dd(1748) * 100 / 1700).quantize(Dd('0.1'), ROUND_HALF_UP) != Dd('102.8'): err('枣阳 rate')
if TXT[BY['枣阳']].count('刘嘉欣') != 3: err('枣阳 刘嘉欣 two projects + text')
# 襄州 quarters
XT = TXT[BY['襄州']]
qs = [int(x) for x in re.findall(r'季度(?:全区)?发展团员(\d+)名', XT)]
if len(qs) != 4 or sum(qs) != 1692 or max(qs) != qs[1]: err(f'襄州 quarters {qs}')
h = [int(x) for x in re.findall(r'季度受理(?:青少年)?咨询(\d+)人次', XT)]
if len(h) != 4 or sum(h) != 948: err(f'襄州 12355 {h}')
if not (Dd(1.25) <= Dd(h[2]) / h[1] < Dd(1.3)): err('襄州 近三成')
if (Dd(1692) * 100 / 1650).quantize(Dd('0.1'), ROUND_HALF_UP) != Dd('102.5'): err('襄州 rate')
# 文理 percentages
HT = TXT[BY['文理']]
for n, p in [(1238, '43.5'), (1608, '56.5'), (812, '28.5'), (764, '26.8'), (701, '24.6'), (569, '20.0'), (2382, '83.7')]:
    if (Dd(n) * 100 / 2846).quantize(Dd('0.1'), ROUND_HALF_UP) != Dd(p): err(f'文理 {n} {p}')
if 1238 + 1608 != 2846 or 812 + 764 + 701 + 569 != 2846: err('文理 sample sums')
if Dd('28.4') + Dd('49.7') + Dd('17.6') + Dd('4.3') != 100 or Dd('83.7') - Dd('74.6') != Dd('9.1'): err('文理 shares')
if (Dd(2846) * 100 / 3200).quantize(Dd('0.1'), ROUND_HALF_UP) != Dd('88.9'): err('文理 有效率')
# 襄城 html table
CT = TXT[BY['襄城']]
pr = [l.split() for l in CT.split('\n') if l.startswith('“') and re.search(r'\d{4}\.\d{2}', l)]
tr = [l.split() for l in CT.split('\n') if l.startswith('合计 —')][0]
if len(pr) != 6: err(f'襄城 rows {len(pr)}')
for j in (4, 5, 6):
    if sum(num(r[j]) for r in pr if r[j] != '—') != num(tr[j]): err(f'襄城 合计 col {j}')
need('襄城', f'累计招募青年志愿者{num(tr[4])}人'); need('襄城', f'服务时长{tr[5]}小时'); need('襄城', f'服务群众{tr[6]}人次')
if max(pr, key=lambda r: num(r[4]))[0] != '“岘山护绿”' or max((r for r in pr if r[6] != '—'), key=lambda r: num(r[6]))[0] != '“古城讲解”': err('襄城 max')
art, side = CT.split('相关新闻')[0], CT.split('相关新闻')[1]
for p in ['青年夜校春季班', '篮球联赛', '回访活动', '入住人数创新高']:
    if p in art or p not in side: err(f'decoy {p}')
# 表彰 stats table
BT = TXT[BY['表彰']]
cnt = [int(x) for x in re.findall(r'^## [一二三四五]、授予(\d+)', BT, re.M)]
lists = [len(re.findall(r'^- ', BT, re.M)), len(re.findall(r'^\d+\. ', BT, re.M)),
         len(re.search(r'## 三、.*?\n\n(.*?)\n', BT, re.S).group(1).split('）、')), len(re.search(r'## 四、.*?\n\n(.*?)\n', BT, re.S).group(1).split('）、')),
         len(re.findall(r'^\| \S{2,3} \| [男女] \|', BT, re.M))]
if cnt != lists: err(f'表彰 counts {cnt} vs lists {lists}')
srows = [l for l in BT.split('\n') if re.match(r'^\| (\S+) \| [\d—]', l)]
vals = [[0 if c.strip() == '—' else int(c) for c in l.strip('|').split('|')[1:]] for l in srows]
for v in vals:
    if sum(v[:5]) != v[5]: err(f'表彰 小计 {v}')
qq = re.search(r'^\| \*\*全市\*\* \| (.*) \|$', BT, re.M).group(1)
tt = [int(x.strip('* ')) for x in qq.split('|')]
if [sum(v[j] for v in vals) for j in range(6)] != tt or tt[:5] != cnt: err(f'表彰 全市 {tt}')
# people shared across reports
for p, where in [('赵一鸣', ['樊城', '表彰']), ('吴思源', ['襄州', '表彰']), ('韩雨萱', ['襄州', '表彰']), ('邱明轩', ['襄城', '表彰']), ('刘嘉欣', ['枣阳', '表彰']),
                 ('李晓菲', ['樊城', '表彰']), ('潘俊杰', ['襄州', '表彰']), ('谭宇辰', ['文理', '表彰'])]:
    if sorted(SHORT[f] for f, t in TXT.items() if p in t) != sorted(where): err(f'person {p}')
need('表彰', '带动农户73户'); need('襄州', '带动农户73户')
# unanswerable places / names absent from every report
for p in ['十堰', '鱼梁洲经开区', '鱼梁洲受表彰', '熊集镇', '余家湖', '东津镇', '双沟镇团员', '孙浩分管', '少先队辅导员', '青年岗位能手表彰', '襄阳职业技术学院注册', '襄阳马拉松志愿者']:
    for fn, t in TXT.items():
        if p in t: err(f'unanswerable term {p} occurs in {SHORT[fn]}')

# ---------- cross ----------
def last_value(s):
    v = re.findall(NUMRE + r'万?', s)[-1]
    x = num(v.rstrip('万'))
    return x * 10000 if v.endswith('万') else x
for c in CR:
    if set(c) != {'id', 'type', 'kind', 'question', 'answers', 'docs', 'evidence'}: err(f'{c.get("id")} keys')
    if len(c['docs']) != len(c['evidence']): err(f'{c["id"]} docs/evidence length')
    for d, e in zip(c['docs'], c['evidence']):
        if e not in TXT.get(d, ''): err(f'{c["id"]} evidence not in {d}: {e}')
    k = c['kind']
    if k in ('compare', 'rank'):
        vs = [last_value(e) for e in c['evidence']]
        best = min(vs) if ('最少' in c['question'] or '最低' in c['question']) else max(vs)
        if vs.count(best) > 1 or SHORT[c['docs'][vs.index(best)]] != c['answers'][0]: err(f'{c["id"]} winner vs {c["answers"]} {vs}')
    elif k == 'total':
        if sum(last_value(e) for e in c['evidence']) != value(c['answers'][0]): err(f'{c["id"]} total')
    elif k in ('list', 'trend'):
        for a in c['answers']:
            if not any(a in e for e in c['evidence']): err(f'{c["id"]} {a} not in evidence')
    elif k == 'mentions':
        term = re.search(r'“(.+?)”', c['question']).group(1)
        got = sorted(SHORT[fn] for fn, t in TXT.items() if term in t)
        if got != sorted(c['answers']) or sorted(SHORT[d] for d in c['docs']) != got: err(f'{c["id"]} mentions {got}')
    else: err(f'{c["id"]} bad kind {k}')

# ---------- stats ----------
tc = collections.Counter(x['type'] for x in GOLD)
en = [x for x in GOLD if re.match(r'[A-Za-z]', x['question'])]
dc = collections.Counter(SHORT[x['doc']] if x['doc'] else '(none)' for x in GOLD)
print('reports:', len(TXT), dict(collections.Counter(f.rsplit('.', 1)[1] for f in TXT)), '市委 non-space chars (paragraphs):', LEN)
print('gold:', len(GOLD), dict(tc.most_common()), f'unanswerable {tc["unanswerable"] / len(GOLD):.1%}')
print('english:', len(en), f'{len(en) / len(GOLD):.1%}', 'of them unanswerable', sum(x['type'] == 'unanswerable' for x in en))
print('per report:', dict(dc.most_common()))
print('followups:', len(FU), 'conversations,', sum(len(c['turns']) for c in FU), 'turns', [len(c['turns']) for c in FU],
      'unanswerable turns', sum(t['type'] == 'unanswerable' for c in FU for t in c['turns']))
print('cross:', len(CR), dict(collections.Counter(c['kind'] for c in CR)))
if ERR:
    for e in ERR: print('ERROR', e)
    print(f'FAILED: {len(ERR)} errors'); sys.exit(1)
print('OK: all checks passed')
