#!/usr/bin/env python3
"""Independent checker for blind54: reads only reports/ and the three jsonl files (does not import src/)."""
import os, re, json, sys, glob, collections, datetime, html as H
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
        s = re.sub(r'<(/?)(p|div|h\d|li|tr|br|ul|title|caption|figcaption|nav|footer|header|dt|dd)[^>]*>', '\n', s)
        return H.unescape(re.sub(r'<[^>]+>', '', s))
    b = open(path, 'rb').read()
    if path.endswith('.txt'):
        try: return b.decode('utf-8')
        except UnicodeDecodeError: return b.decode('gb18030').replace('\r\n', '\n')
    return b.decode('utf-8')
TXT = {os.path.basename(p): text_of(p) for p in sorted(glob.glob(os.path.join(RD, '*')))}
SHORT = {'baoji_2024_tuanshiwei_quanhui_baogao.docx': '市委', 'baoji_2025_qingnianzhijia_ducha_tongbao.docx': '督查',
         'baoji_2025_qingnian_zhiyuan_tuijinhui_huiyi_shouce.docx': '手册', 'fengxiang_2025_fanjiaxiang_zhuanxiang_xingdong_fangan.pdf': '凤翔',
         'meixian_2025_di3qi_gongzuo_xinxi.txt': '眉县', 'baoji_2025_wusi_biaozhang_gongshi.txt': '公示',
         'fengxian_2025_heixiaoqing_jialingjiang_news.html': '凤县', 'baoji_2025_tuanshiwei_gongzuo_yaodian.md': '要点'}
TITLE = {'市委': '第十五届委员会第六次全体（扩大）会议工作报告', '督查': '青年之家运行情况督查的通报', '手册': '青年志愿服务工作推进会', '凤翔': '大学生社会实践专项行动实施方案',
         '眉县': '眉县共青团工作信息', '公示': '拟表彰对象的公示', '凤县': '“河小青”牵手秦岭青年生态俱乐部守护嘉陵江源', '要点': '2025年工作要点'}
if sorted(TXT) != sorted(SHORT): err(f'report set {sorted(TXT)}')
BY = {v: k for k, v in SHORT.items()}
def T(s): return TXT[BY[s]]

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
    """numeric value of an answer: 万/亿 expanded, %/‰ as fractions, 成 as tenths"""
    s = s.replace(',', '')
    m = re.search(r'[-+]?\d+(?:\.\d+)?', s)
    if m:
        v = Dd(m.group()); rest = s[m.end():]
        if rest.startswith('%'): return v / 100
        if rest.startswith('‰'): return v / 1000
        if rest.startswith('万'): return v * 10000
        if rest.startswith('亿'): return v * 100000000
        return v
    m = re.search(r'([一二两三四五六七八九十])成', s)
    if m: return Dd(cn_int(m.group(1))) / 10
    return None
def bare(s):
    m = re.search(r'\d+(?:\.\d+)?', s.replace(',', ''))
    return Dd(m.group()) if m else None
def num(s): return Dd(s.replace(',', ''))
def pct(a, b, nd=1): return (Dd(a) / Dd(b) * 100).quantize(Dd(10) ** -nd, ROUND_HALF_UP)

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
    if x['id'] != f'b54-q{i:03d}': err(f'id order {x["id"]}')

def nc(s): return s.replace(',', '')
def in_ev(a, ev):
    if a in ev or nc(a) in nc(ev): return True
    v = value(a)
    if v is None: return False
    toks = re.findall(r'[-+]?\d[\d,]*(?:\.\d+)?[万亿%‰]?', ev)
    if any(value(t) == v for t in toks): return True
    return any(value(t) == v for t in re.findall(r'[一二两三四五六七八九十]成', ev))
def variant_ok(o, a0, ev):
    if in_ev(o, ev) or o in a0: return True
    v0, vo = value(a0), value(o)
    if v0 is None or vo is None: return False
    return vo == v0 or bare(o) == bare(a0) or vo == v0 * 10000 or (bare(o) is not None and bare(o) == v0)
QN = ['一季度', '二季度', '三季度', '四季度']
def quarter_ok(a, ev):
    """要点 表2: the quarter is known only from the column; the answer must be exactly the quarters marked ● (or the mark itself)"""
    p = [c.strip() for c in ev.strip('|').split('|')]
    if len(p) != 7 or not p[0].isdigit(): return False
    hot = [q for q, c in zip(QN, p[2:6]) if c == '●']
    items = a[1:] if len(a) > 1 and '、' in a[0] else a[:1]
    if a[0] in ('●', '○'): return a[0] in p[2:6]
    return [re.sub('^第', '', i) for i in items if re.sub('^第', '', i) in QN] == hot
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
    if len(set(a)) != len(a): err(f'{where} repeated answer strings')
    if x['type'] == 'list' and quarter_ok(a, ev): pass
    elif x['type'] == 'list':
        for p in (a[1:] if len(a) > 1 else a):
            if not in_ev(p, ev): err(f'{where} list item {p} not in evidence')
    elif x['type'] == 'numeric':
        if not in_ev(a[0], ev): err(f'{where} answer0 {a[0]} not in evidence {ev}')
        for o in a[1:]:
            if re.match(r'^[A-Za-z\u4e00-\u9fff（）]+$', o) and value(o) is None: continue  # word gloss such as 不设整改时限 / 没有
            if re.match(r'^第[一二三四五六七八九十\d]+个?$', o): continue
            if not variant_ok(o, a[0], ev): err(f'{where} variant {o} vs {a[0]}')
    else:
        dg = lambda z: re.findall(r'\d+', z)
        ok = a[0] in ev or quarter_ok(a, ev) or (x['type'] == 'date' and dg(a[0]) and all(int(n) in [int(m) for m in dg(ev)] for n in dg(a[0])))
        if not ok: err(f'{where} answer0 {a[0]} not in evidence: {ev}')
for x in GOLD: check_item(x, x['id'])
for c in FU:
    if set(c) != {'id', 'corpus', 'turns'} or c['corpus'] != 'reports': err(f'{c["id"]} keys/corpus')
    if not (5 <= len(c['turns']) <= 8): err(f'{c["id"]} has {len(c["turns"])} turns')
    if not any(t['type'] == 'unanswerable' for t in c['turns']): err(f'{c["id"]} has no unanswerable turn')
    for j, t in enumerate(c['turns'], 1):
        if t['id'] != f'{c["id"]}-t{j}': err(f'{t["id"]} order')
        check_item(t, t['id'])

# ---------- format checks ----------
ext = collections.Counter(f.rsplit('.', 1)[1] for f in TXT)
if ext != collections.Counter({'docx': 3, 'txt': 2, 'pdf': 1, 'html': 1, 'md': 1}): err(f'formats {ext}')
raw = open(os.path.join(RD, BY['眉县']), 'rb').read()
try: raw.decode('utf-8'); err('眉县 txt is valid UTF-8 (should be GB18030)')
except UnicodeDecodeError: pass
if b'\r\n' not in raw or raw.replace(b'\r\n', b'').count(b'\n'): err('眉县 txt not pure CRLF')
open(os.path.join(RD, BY['公示']), encoding='utf-8').read()
import docx
for s in ['市委', '督查', '手册']:
    if not docx.Document(os.path.join(RD, BY[s])).tables: err(f'{s} docx has no table')
d = docx.Document(os.path.join(RD, BY['市委']))
longlen = len(re.sub(r'\s', '', ''.join(p.text for p in d.paragraphs)))
if longlen < 3500: err(f'市委 only {longlen} non-space chars')
if 'STSong-Light' not in open(os.path.join(RD, BY['凤翔']), 'rb').read().decode('latin-1'): err('pdf font')
hs = open(os.path.join(RD, BY['凤县']), encoding='utf-8').read()
for k in ['<nav', 'breadcrumb', '来源：', '发布时间：', '分享到', '相关新闻', '<footer', '<figcaption>图为', '<h3>', '上一篇', '责任编辑', 'class="num"']:
    if k not in hs: err(f'html lacks {k}')
art = re.search(r'<div class="content">(.*?)\n</div>', hs, re.S).group(1)
for dec in ['青春护林', '青年夜校', '漆水河', '青春护苗', '人才恳谈会']:
    if dec in art: err(f'decoy {dec} inside article')
    if dec not in hs: err(f'decoy {dec} missing')

# ---------- report-level consistency ----------
def need(s, x):
    if x not in T(s): err(f'{s} lacks {x}')
def rows(s, first, sep=' '):
    return [l.split(sep) for l in T(s).split('\n') if l.split(sep)[0] == first]
U13 = ['渭滨区', '金台区', '陈仓区', '凤翔区', '岐山县', '扶风县', '眉县', '陇县', '千阳县', '麟游县', '凤县', '太白县', '宝鸡高新区']
# 市委 附表1
A1 = {}
for u in U13 + ['市直及驻宝高校', '合计']:
    key = u + {'宝鸡高新区': '①', '市直及驻宝高校': '②', '合计': '③'}.get(u, '')
    r = rows('市委', key)
    if len(r) != 1 or len(r[0]) != 6: err(f'附表1 row {u} {r}'); continue
    A1[u] = [num(x) if x != '—' else None for x in r[0][1:]]
for i in range(5):
    s = sum(A1[u][i] or 0 for u in U13 + ['市直及驻宝高校'])
    if s != A1['合计'][i]: err(f'附表1 column {i} sum {s} != {A1["合计"][i]}')
if A1['市直及驻宝高校'][4] is not None: err('市直 返家乡 should be —')
under = [u for u in U13 + ['市直及驻宝高校'] if A1[u][1] < A1[u][0]]
if under != ['麟游县', '太白县']: err(f'under plan {under}')
need('市委', f'麟游县、太白县完成率分别为{pct(306, 320)}%和{pct(172, 184)}%')
need('市委', f'全年新发展团员{A1["合计"][1]:,}名，完成年度计划{A1["合计"][0]:,}名的{pct(A1["合计"][1], A1["合计"][0])}%')
need('市委', f'全市总数达到{A1["合计"][2]}个'); need('市委', f'全市注册青年志愿者达到{A1["合计"][3]}万名'); need('市委', f'全市提供实践岗位{A1["合计"][4]:,}个')
top2 = sorted(U13, key=lambda u: -A1[u][4])[:2]
if top2 != ['陈仓区', '凤翔区'] or A1['陈仓区'][4] != 510 or A1['凤翔区'][4] != 480: err(f'返家乡 top2 {top2}')
need('市委', '陈仓区、凤翔区分别提供岗位510个和480个')
if A1['宝鸡高新区'][2] != 22 or A1['市直及驻宝高校'][2] != 14: err('高新 / 市直 青年之家'); need('市委', '其中宝鸡高新区22个、市直及驻宝高校14个')
# 市委 附表2
A2 = {}
for l in T('市委').split('\n'):
    m = re.match(r'^[\s　]*(?:其中：)?[\s　]*(学生|中学生|高校学生|非学生青年|农村青年|企业青年|机关事业单位青年|其他|合计) ([\d,]+) ([\d.]+) ([\d,]+)$', l)
    if m: A2[m.group(1)] = (num(m.group(2)), Dd(m.group(3)), num(m.group(4)))
if len(A2) != 9: err(f'附表2 rows {sorted(A2)}')
else:
    for k in (0, 2):
        if A2['中学生'][k] + A2['高校学生'][k] != A2['学生'][k]: err('附表2 学生 sum')
        if sum(A2[x][k] for x in ['农村青年', '企业青年', '机关事业单位青年', '其他']) != A2['非学生青年'][k]: err('附表2 非学生 sum')
        if A2['学生'][k] + A2['非学生青年'][k] != A2['合计'][k]: err('附表2 合计 sum')
    for x, parent in [('学生', '合计'), ('非学生青年', '合计'), ('中学生', '学生'), ('高校学生', '学生'), ('农村青年', '非学生青年'), ('企业青年', '非学生青年'), ('机关事业单位青年', '非学生青年'), ('其他', '非学生青年')]:
        if pct(A2[x][0], A2[parent][0]) != A2[x][1]: err(f'附表2 {x} share')
    if A2['合计'][0] != A1['合计'][1]: err('附表2 合计 != 附表1')
    need('市委', f'新发展团员中女性{A2["合计"][2]:,}名，占{pct(A2["合计"][2], A2["合计"][0])}%')
    need('市委', f'学生团员{A2["学生"][0]:,}名，占{A2["学生"][1]}%，其中中学生{A2["中学生"][0]:,}名，占学生团员的{A2["中学生"][1]}%')
# 督查
DC = {}
for u in U13 + ['合计']:
    r = rows('督查', u)
    if len(r) != 1 or len(r[0]) != 8: err(f'督查 row {u} {r}'); continue
    DC[u] = [int(x) for x in r[0][1:7]] + [r[0][7]]
for u in U13:
    v = DC[u]
    if v[2] + v[3] + v[4] != v[1]: err(f'督查 {u} A+B+C != 抽查')
    if v[0] != A1[u][2]: err(f'督查 {u} 青年之家 {v[0]} != 附表1 {A1[u][2]}')
    if (v[4] == 0) != (v[6] == '—'): err(f'督查 {u} 整改时限 vs C')
    if v[4] and v[6] != ('2025年4月30日前' if u == '陇县' else '2025年3月31日前'): err(f'督查 {u} 时限')
for i in range(6):
    if sum(DC[u][i] for u in U13) != DC['合计'][i]: err(f'督查 column {i}')
tot = DC['合计']
if tot[0] != A1['合计'][2] - A1['市直及驻宝高校'][2]: err('督查 381 != 395-14')
need('督查', f'13个县区的{tot[0]}个青年之家中随机抽取{tot[1]}个，抽查比例为{pct(tot[1], tot[0])}%')
need('督查', f'A类（示范）{tot[2]}个，占{pct(tot[2], tot[1])}%；B类（合格）{tot[3]}个，占{pct(tot[3], tot[1])}%；C类（需整改）{tot[4]}个，占{pct(tot[4], tot[1])}%')
m = re.search(r'督查共发现问题(\d+)条，其中阵地闲置类(\d+)条、活动不规范类(\d+)条、台账不全类(\d+)条、安全管理类(\d+)条', T('督查'))
if not m or int(m.group(1)) != tot[5] or sum(int(g) for g in m.groups()[1:]) != tot[5]: err('督查 problems 49')
if max(U13, key=lambda u: DC[u][5]) != '陇县' or max(U13, key=lambda u: DC[u][4]) != '陇县' or max(U13, key=lambda u: DC[u][2]) != '陈仓区': err('督查 陇县/陈仓 extremes')
for u in ['凤翔区', '宝鸡高新区']:
    if DC[u][4] != 0: err(f'{u} should have no C')
need('市委', f'抽查的{tot[1]}个青年之家中评定A类{tot[2]}个、C类{tot[4]}个')
# 手册
if datetime.date(2025, 3, 5).weekday() != 2: err('3月5日 not Wednesday')
need('手册', '2025年3月5日（星期三）')
sch = [l for l in T('手册').split('\n') if re.match(r'^\d{1,2}:\d\d—\d{1,2}:\d\d ', l)]
def mins(t): h, m_ = t.split(':'); return int(h) * 60 + int(m_)
spans = [tuple(mins(x) for x in l.split(' ')[0].split('—')) for l in sch]
for (a, b), (c, d_) in zip(spans[:7], spans[1:8]):
    if b != c: err(f'手册 schedule gap {b} {c}')
sp = [l for l in sch if '交流发言' in l][0]
n, per = re.search(r'（(\d+)个单位，每个不超过(\d+)分钟）', sp).groups()
a, b = spans[sch.index(sp)]
if int(n) * int(per) != b - a: err('手册 speeches do not fill their slot')
if len(re.findall(r'^\d．', T('手册'), re.M)) != int(n): err('手册 speaker count')
for s, u, i, v in [('全区注册青年志愿者5.86万名', '渭滨区', 3, '5.86'), ('全区注册青年志愿者5.47万名', '陈仓区', 3, '5.47'), ('2024年提供“返家乡”岗位510个', '陈仓区', 4, '510'),
                   ('全县志愿者注册人数2.96万名', '眉县', 3, '2.96'), ('带动凤县0.92万名青年志愿者', '凤县', 3, '0.92')]:
    need('手册', s)
    if Dd(v) != A1[u][i]: err(f'手册 {s} vs 附表1')
need('手册', '2025年青年志愿者注册数突破48万名'); need('市委', '注册青年志愿者突破48万名')
# 凤翔 PDF
fx = T('凤翔')
bud = re.findall(r'(实践补贴|意外伤害保险|岗前培训|宣传物料|优秀成果奖励) \S+ ([\d,]+) ([\d,]+) ([\d,]+)', fx)
if len(bud) != 5: err(f'凤翔 budget rows {bud}')
for name, q, p, amt in bud:
    if num(q) * num(p) != num(amt): err(f'凤翔 {name} qty*price')
btot = sum(num(x[3]) for x in bud)
if f'合计 — — — {btot:,}' not in fx or btot != 380000: err(f'凤翔 budget total {btot}')
if '经费预算共计38万元，其中区财政专项列支30万元，其余8万元' not in fx: err('凤翔 38=30+8')
need('凤翔', '实践补贴标准为每人600元，意外伤害保险每人30元')
jobs = re.findall(r'(党政机关类|企事业单位类|基层治理类|非遗与文旅类)(\d+)个，占([\d.]+)%', fx)
if len(jobs) != 4 or sum(int(j[1]) for j in jobs) != 520: err('凤翔 岗位 sum')
for j in jobs:
    if pct(j[1], 520) != Dd(j[2]): err(f'凤翔 {j[0]} share')
if int(bud[0][1].replace(',', '')) != 520: err('凤翔 补贴人数 != 520')
need('凤翔', f'全区共提供“返家乡”实践岗位{A1["凤翔区"][4]}个'); need('凤翔', f'全区新发展团员{A1["凤翔区"][1]:,}名')
# 眉县
MX = {}
for l in T('眉县').split('\n'):
    p = l.split('\t')
    if len(p) == 6 and p[0] != '指标': MX[p[0]] = p
if len(MX) != 5: err('眉县 table rows')
for k, p in MX.items():
    cur, prev, hb, ly, tb = num(p[1]), num(p[2]), p[3], num(p[4]), p[5]
    for base, got in [(prev, hb), (ly, tb)]:
        want = ((cur - base) / base * 100).quantize(Dd('0.1'), ROUND_HALF_UP)
        if Dd(got.rstrip('%')) != want or (want > 0) != got.startswith('+'): err(f'眉县 {k} {got} vs {want}')
if MX['新发展团员（名）'][1] != '48' or MX['新发展团员（名）'][2] != '21': err('眉县 monthly')
need('眉县', f'一季度累计新发展团员{19 + 21 + 48}名（1月19名、2月21名、3月48名），完成全年计划960名的{pct(88, 960)}%')
need('眉县', '全县志愿者注册人数2.98万名，较2024年底的2.96万名增加200名')
if (Dd('2.98') - Dd('2.96')) * 10000 != 200 or A1['眉县'][3] != Dd('2.96'): err('眉县 volunteers')
need('眉县', f'应为“{A1["眉县"][1]}名”'); need('眉县', f'青年之家{A1["眉县"][2]}个'); need('眉县', f'提供返家乡岗位{A1["眉县"][4]}个')
if '964' in T('市委') or T('眉县').count('964') != 1: err('964 only in the 更正')
# 公示
gs = T('公示')
m = re.search(r'公示期：(\d{4})年(\d+)月(\d+)日至(\d+)月(\d+)日（(\d+)个工作日）', gs)
d0, d1 = datetime.date(int(m.group(1)), int(m.group(2)), int(m.group(3))), datetime.date(int(m.group(1)), int(m.group(4)), int(m.group(5)))
wd = sum(1 for i in range((d1 - d0).days + 1) if (d0 + datetime.timedelta(i)).weekday() < 5)
if wd != int(m.group(6)): err(f'公示 working days {wd}')
ppl = re.findall(r'^(\d+)．(.+?)　([男女])，(\S+?)，(\d{4})年(\d+)月生', gs, re.M)
if len(ppl) != 10: err('公示 10 people')
STROKES = {'马': 3, '王': 4, '牛': 4, '白': 5, '刘': 6, '李': 7, '杨': 7, '赵': 9, '贾': 10, '韩': 12}
if [STROKES[p[1][0]] for p in ppl] != sorted(STROKES[p[1][0]] for p in ppl): err('公示 stroke order')
if max(ppl, key=lambda p: (int(p[4]), int(p[5])))[1] != '韩一鸣': err('youngest')
if [p[1] for p in ppl if p[3] != '汉族'] != ['马宁远']: err('回族')
tw = [l for l in gs.split('\n') if l.endswith('团委') and '、' in l][0].split('、')
zb = [l for l in gs.split('\n') if l.endswith('团支部') and '、' in l][0].split('、')
if len(tw) != 8 or len(zb) != 10: err('公示 TW/ZB counts')
need('公示', '拟表彰“宝鸡青年五四奖章”获得者10名、宝鸡市五四红旗团委8个、宝鸡市五四红旗团支部10个')
# 凤县 html
need('凤县', f'{A1["凤县"][3]}万\n\n名青年志愿者在册'); need('凤县', f'{A1["凤县"][4]}个\n\n2024年“返家乡”'); need('凤县', f'{A1["凤县"][2]}个\n\n青年之家')
if 180 - A1['凤县'][4] != 20: err('凤县 +20'); need('凤县', '提供“返家乡”实践岗位180个，比2024年增加20个')
# 要点 md
YD = {}
for l in T('要点').split('\n'):
    p = [x.strip() for x in l.strip('|').split('|')]
    if len(p) == 5 and p[0].isdigit(): YD[p[1]] = p
want = {'新发展团员（名）': (A1['合计'][1], '15,500', '全年新发展团员不少于15,500名'), '青年志愿者注册数（万名）': (A1['合计'][3], '48', '注册青年志愿者突破48万名'),
        '青年之家（个）': (A1['合计'][2], '420', '青年之家总数达到420个以上'), '“返家乡”实践岗位（个）': (A1['合计'][4], '4,200', '“返家乡”实践岗位不少于4,200个'),
        '希望工程筹集款物（万元）': (Dd('1426.8'), '1,500', '希望工程筹集款物不低于1,500万元'), '市级“青马工程”培训学员（名）': (Dd(360), '400', '举办市级青马班7期、培训学员400名')}
for k, (done, tgt, sent) in want.items():
    if k not in YD: err(f'要点 lacks {k}'); continue
    if num(YD[k][2]) != done or YD[k][3].lstrip('≥') != tgt: err(f'要点 {k} {YD[k]}')
    need('市委', sent)
if YD.get('12355咨询服务（万人次）', [0, 0, 0, '—'])[3] != '—' or num(YD['12355咨询服务（万人次）'][2]) * 10000 != 23600: err('要点 12355')
need('市委', '12355青少年服务台全年接听咨询2.36万人次')
tasks = {}
for l in T('要点').split('\n'):
    p = [x.strip() for x in l.strip('|').split('|')]
    if len(p) == 7 and p[0].isdigit(): tasks[p[1]] = p[2:6]
if tasks.get('“返家乡”大学生社会实践', [])[2:3] != ['●'] or tasks.get('“河小青”渭河护河行动', [''])[0] != '●': err('要点 quarters')
for q in tasks.values():
    if not all(c in ('●', '○', '') for c in q) or '●' not in q: err(f'要点 marks {q}')
if [k for k, q in tasks.items() if q[1] == '●' and q[2] == '●'] != ['市级“青马工程”培训班']: err('青马 two ● quarters')
need('要点', '其中二季度、三季度各办3期，一季度、四季度合计办1期')   # 3+3+1 = 7
need('市委', '举办市级青马班7期')
for s in ['要点', '市委', '手册', '眉县']: need(s, '渭河护河行动')
# people across reports
for name, where in [('贾若溪', {'手册', '公示', '凤县'}), ('牛嘉禾', {'眉县', '公示'}), ('贺嘉宁', {'市委', '手册'}), ('郭明远', {'督查', '手册', '公示'}),
                    ('雷思涵', {'手册', '眉县'}), ('权文博', {'凤翔'}), ('杨晨曦', {'凤县'}), ('宝鸡钛谷新材料有限公司', {'市委', '公示'}), ('马营镇', {'督查', '公示'})]:
    got = {SHORT[f] for f, t in TXT.items() if name in t}
    if got != where: err(f'{name} in {got}')
# unanswerable terms absent from every report
for p in ['杨凌', '咸阳', '汉中', '不良率', '第四组', '车牌', '2023年全市', '2022年', '优秀共青团干部', '18周岁以下', '参学率']:
    for f, t in TXT.items():
        if p in t: err(f'unanswerable term {p} occurs in {SHORT[f]}')

# ---------- cross ----------
def grab(rx, s):
    m = re.search(rx, s)
    if not m: err(f'cross grab {rx} in {s[:40]}'); return Dd(0)
    return value(m.group(1))
CHECK = {  # id: (labels, regexes, max/min)
    'cross54-01': (['凤翔', '眉县'], [r'新发展团员([\d,]+名)', r'应为“(\d+名)”'], max),
    'cross54-02': (['眉县', '凤县'], [r'底的([\d.]+万名)', r'^([\d.]+万)'], max),
    'cross54-03': (['凤翔', '眉县', '凤县'], [r'岗位(\d+个)', r'岗位(\d+个)', r'^(\d+个)'], max),
    'cross54-04': (['眉县', '凤县'], [r'青年之家(\d+个)', r'^(\d+个)'], max),
    'cross54-05': (['渭滨', '陈仓', '眉县'], [r'志愿者([\d.]+万名)', r'^陈仓区 \S+ \S+ \S+ ([\d.]+) ', r'底的([\d.]+万名)'], max),
    'cross54-06': (['凤翔', '凤县'], [r'不少于(\d+个)', r'岗位(\d+个)'], max),
    'cross54-15': (['陈仓', '凤翔', '眉县', '凤县'], [r'^陈仓区 (\d+)', r'^凤翔区 (\d+)', r'青年之家(\d+个)', r'^(\d+个)'], max),
}
TOTALS = {'cross54-07': [r'岗位(\d+个)', r'岗位(\d+个)', r'^(\d+个)'], 'cross54-08': [r'新发展团员([\d,]+名)', r'应为“(\d+名)”'],
          'cross54-09': [r'青年之家(\d+个)', r'^(\d+个)']}
MENTION = {'cross54-10': '贾若溪', 'cross54-11': '牛嘉禾', 'cross54-12': '宝鸡钛谷新材料有限公司', 'cross54-13': '马营镇', 'cross54-16': '渭河护河行动'}
for c in CR:
    if set(c) != {'id', 'type', 'kind', 'question', 'answers', 'docs', 'evidence'} or c['type'] != 'cross': err(f'{c.get("id")} keys')
    if c['kind'] not in {'compare', 'rank', 'list', 'mention', 'total'}: err(f'{c["id"]} kind')
    if len(c['docs']) != len(c['evidence']): err(f'{c["id"]} docs/evidence length')
    for d_, e in zip(c['docs'], c['evidence']):
        if e not in TXT.get(d_, ''): err(f'{c["id"]} evidence not in {d_}: {e}')
    i = c['id']
    if i in CHECK:
        labels, rxs, f = CHECK[i]
        vs = [grab(r, e) for r, e in zip(rxs, c['evidence'])]
        best = f(vs)
        if vs.count(best) > 1 or labels[vs.index(best)] != c['answers'][0]: err(f'{i} winner {vs} vs {c["answers"]}')
        if c['kind'] not in ('compare', 'rank'): err(f'{i} kind')
    if i in TOTALS:
        s = sum(grab(r, e) for r, e in zip(TOTALS[i], c['evidence']))
        if s != value(c['answers'][0]): err(f'{i} total {s}')
    if i in MENTION:
        got = sorted(SHORT[f] for f, t in TXT.items() if MENTION[i] in t)
        if sorted(TITLE[g] for g in got) != sorted(c['answers']) or got != sorted(SHORT[d_] for d_ in c['docs']): err(f'{i} mention {got}')
        for a in c['answers']:
            if not any(w in TXT[BY[k]][:400] for k, w in TITLE.items() if w == a): err(f'{i} title words {a} not in its report head')
    if c['kind'] == 'list':
        names = []
        for f, t in TXT.items():
            for m in re.finditer(r'([\u4e00-\u9fff]{4,})（([A-Z][A-Za-z -]+?)(?:，[A-Z]+)?）', t):
                names.append(m.group(2))
        if sorted(set(names) - {'Campus River Guardians'}) != sorted(re.search(r'（([A-Za-z -]+)）', a).group(1) for a in c['answers']): err(f'{i} english orgs {sorted(set(names))}')
        for a, e in zip(c['answers'], c['evidence']):
            if re.search(r'（([A-Za-z -]+)）', a).group(1) not in e: err(f'{i} {a} not in evidence')

# ---------- counts ----------
tc = collections.Counter(x['type'] for x in GOLD)
en = [x for x in GOLD if sum(c.isascii() for c in x['question']) > 0.7 * len(x['question'])]
print('reports:', len(TXT), dict(ext), '市委 non-space chars (paragraphs):', longlen)
print('gold:', len(GOLD), dict(tc.most_common()), f'unanswerable {tc["unanswerable"] / len(GOLD):.1%}')
print('english:', len(en), f'{len(en) / len(GOLD):.1%}', 'of them unanswerable', sum(x['type'] == 'unanswerable' for x in en))
pr_ = collections.Counter(SHORT.get(x['doc'], '(none)') for x in GOLD)
print('per report:', dict(pr_.most_common()))
print('followups:', len(FU), 'conversations,', sum(len(c['turns']) for c in FU), 'turns', [len(c['turns']) for c in FU],
      'unanswerable turns', sum(t['type'] == 'unanswerable' for c in FU for t in c['turns']),
      'english turns', sum(bool(re.match(r'^[A-Za-z]', t['question'])) for c in FU for t in c['turns']))
print('cross:', len(CR), dict(collections.Counter(c['kind'] for c in CR)))
if ERR:
    for e in ERR: print('ERROR', e)
    print(f'FAILED: {len(ERR)} errors'); sys.exit(1)
print('OK: all checks passed')
