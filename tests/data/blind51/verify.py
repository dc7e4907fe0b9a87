#!/usr/bin/env python3
"""Independent checker for blind51: reads only reports/ and the three jsonl files."""
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
            for r in t.rows:
                out.append(' '.join(c.text for c in r.cells))
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
        s = re.sub(r'<(/?)(p|div|h\d|li|tr|br|ul|title)[^>]*>', '\n', s)
        return H.unescape(re.sub(r'<[^>]+>', '', s))
    b = open(path, 'rb').read()
    if path.endswith('.txt'):
        try: return b.decode('utf-8')
        except UnicodeDecodeError: return b.decode('gb18030').replace('\r\n', '\n')
    return b.decode('utf-8')
TXT = {os.path.basename(p): text_of(p) for p in sorted(glob.glob(os.path.join(RD, '*')))}
SHORT = {'zunyi_2024_tuanshiwei_gongzuo_baogao.docx': '市委', 'zunyi_2024_kaoping_tongbao.md': '通报', 'bozhou_2024_tuanquwei_news.html': '播州',
         'renhuai_2024_tuanshiwei_gongzuo_zongjie.pdf': '仁怀', 'chishui_2024_tuanshiwei_gongzuo_zongjie.txt': '赤水', 'huichuan_2025_di6qi_gongzuo_yuebao.docx': '汇川',
         'honghuagang_2025_tuanquwei_zhongdian_xiangmu.docx': '红花岗', 'zmu_2024_tuanwei_tuanyuan_jiegou_fenxi.txt': '遵医'}
if sorted(TXT) != sorted(SHORT): err(f'report set {sorted(TXT)}')
Z, T, B, R, C, HU, HG, M = sorted(SHORT, key=lambda k: list(SHORT.values()).index(SHORT[k]))

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
CNCH = '〇零一二两三四五六七八九十百千万'
def value(s):
    s = s.replace(',', '')
    m = re.search(r'-?\d+(?:\.\d+)?', s)
    if m:
        v = Dd(m.group()); rest = s[m.end():]
        if rest.startswith('%'): return v / 100
        if rest.startswith('万'): return v * 10000
        if rest.startswith('亿'): return v * 100000000
        return v
    m = re.search(r'百分之([' + CNCH + ']+)', s)
    if m: return Dd(cn_int(m.group(1))) / 100
    m = re.search(r'([一二两三四五六七八九十])成', s)
    if m: return Dd(cn_int(m.group(1))) / 10
    m = re.search(r'[' + CNCH + ']+', s)
    if m and any(c in CD or c in '十百千' for c in m.group()): return Dd(cn_int(m.group()))
    return None
def nums(s): return [Dd(x.replace(',', '')) for x in re.findall(r'\d[\d,]*(?:\.\d+)?', s)]

# ---------- load jsonl ----------
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
    if x['id'] != f'b51-q{i:03d}': err(f'id order {x["id"]}')

def in_ev(a, ev):
    """answer string occurs in evidence, allowing a unit suffix or comma-less form"""
    if a in ev or a.strip('“”《》') in ev: return True
    m = re.search(r'-?\d[\d,]*(?:\.\d+)?', a)
    if m:
        n = m.group().replace(',', '').lstrip('-+')
        toks = [t.replace(',', '') for t in re.findall(r'\d[\d,]*(?:\.\d+)?', ev)]
        if n in toks: return True
        v = value(a)
        if v is not None and any(value(t) == v for t in re.findall(r'\d[\d,]*(?:\.\d+)?[万亿]?', ev)): return True
        return False
    v = value(a)
    if v is not None:
        for mm in re.finditer(r'[' + CNCH + ']+', ev):
            if Dd(cn_int(mm.group())) == v: return True
    return False
def check_item(x, where):
    if set(x) != {'id', 'question', 'answers', 'doc', 'evidence', 'type'}: err(f'{where} keys {sorted(x)}')
    if x['type'] not in TYPES: err(f'{where} bad type {x["type"]}'); return
    if not x['question'].strip(): err(f'{where} empty question')
    if x['type'] == 'unanswerable':
        if x['answers'] or x['doc'] or x['evidence']: err(f'{where} unanswerable with content')
        return
    if x['doc'] not in TXT: err(f'{where} unknown doc {x["doc"]}'); return
    ev, a = x['evidence'], x['answers']
    if not ev or ev not in TXT[x['doc']]: err(f'{where} evidence not verbatim: {ev}'); return
    if len(ev) > 60 and not ev.startswith(('- ', '|')): err(f'{where} evidence longer than 60: {len(ev)}')
    if not a: err(f'{where} no answers'); return
    if x['type'] == 'list':
        items = a[1:] if len(a) > 1 else a
        for p in items:
            if not in_ev(p, ev): err(f'{where} list item {p} not in evidence')
    elif x['type'] == 'numeric':
        if not in_ev(a[0], ev): err(f'{where} answer0 {a[0]} not in evidence {ev}')
        v0 = value(a[0])
        for o in a[1:]:
            vo = value(o)
            if vo is not None and v0 is not None and vo != v0 and not in_ev(o, ev) and o.lstrip('约近') not in ev: err(f'{where} variant {o} != {a[0]}')
    else:
        dg = lambda z: re.findall(r'\d+', z)
        ok = a[0].strip('“”《》') in ev or (x['type'] == 'date' and dg(a[0]) and all(int(n) in [int(m) for m in dg(ev)] for n in dg(a[0])))
        if not ok: err(f'{where} answer0 {a[0]} not in evidence: {ev}')
for x in GOLD: check_item(x, x['id'])
for c in FU:
    if not (5 <= len(c['turns']) <= 8): err(f'{c["id"]} has {len(c["turns"])} turns')
    if not any(t['type'] == 'unanswerable' for t in c['turns']): err(f'{c["id"]} has no unanswerable turn')
    for t in c['turns']: check_item(t, t['id'])

# ---------- report-level checks ----------
def need(fn, s):
    if s not in TXT[fn]: err(f'{SHORT[fn]}: expected “{s}”')
def rows(fn, pat):
    return [l for l in TXT[fn].split('\n') if re.match(pat, l)]
# formats
raw = open(os.path.join(RD, C), 'rb').read()
try: raw.decode('utf-8'); err('赤水 decodes as UTF-8')
except UnicodeDecodeError: pass
if raw.count(b'\r\n') < 10 or raw.replace(b'\r\n', b'').count(b'\n'): err('赤水 not CRLF')
zt = TXT[Z]
ZLEN = len(re.sub(r'\s', '', zt))
if ZLEN < 4000: err(f'市委 report shorter than 4000 chars: {ZLEN}')
for h in ['一、2024年工作回顾', '（一）聚焦思想政治引领', '二、存在的问题和不足', '三、2025年主要任务']: need(Z, h)
import docx
tb = docx.Document(os.path.join(RD, Z)).tables[1]
if [c.text for c in tb.rows[0].cells] != ['单位', '2023年', '2023年', '2024年', '2024年'] or [c.text for c in tb.rows[1].cells] != ['单位', '团员数', '新发展', '团员数', '新发展']: err('市委 表2 two-row header')
raw_h = open(os.path.join(RD, B), encoding='utf-8').read()
for tag in ['class="nav"', 'class="breadcrumb"', 'class="article"', '责任编辑', 'class="share"', '相关新闻', 'class="footer"', 'rowspan="4"']:
    if tag not in raw_h: err(f'html missing {tag}')
# decoy places only in the sidebar / never in reports
art = TXT[B].split('相关新闻')[0]; side = TXT[B].split('相关新闻')[1]
for p in ['七星关', '西秀', '碧江', '毕节', '安顺', '铜仁']:
    if p in art or p not in side: err(f'decoy {p}')
    for fn, t in TXT.items():
        if fn != B and p in t: err(f'decoy {p} in {fn}')
for p in ['贵阳', '遵义师范学院', '喜头镇', '元厚镇', '长期镇', '乌江镇发展', '珠海', '布依']:
    for fn, t in TXT.items():
        if p in t: err(f'unanswerable place {p} occurs in {fn}')

# city table 2 and table 1
UN = ['红花岗区', '汇川区', '播州区', '仁怀市', '赤水市', '桐梓县', '绥阳县', '正安县', '道真县', '务川县', '凤冈县', '湄潭县', '余庆县', '习水县', '新蒲新区']
MEM = {}
for l in zt.split('\n'):
    p = l.split(' ')
    if p[0] in UN + ['合计'] and len(p) == 5: MEM[p[0]] = [int(x.replace(',', '')) for x in p[1:]]
if len(MEM) != 16: err(f'市委 表2 rows {len(MEM)}')
for j in range(4):
    if sum(MEM[u][j] for u in UN) != MEM['合计'][j]: err(f'市委 表2 合计 col {j}')
tot = MEM['合计']
need(Z, f'全市共有团员{tot[2]:,}名，较上年底增加{tot[2] - tot[0]:,}名')
need(Z, f'全年发展团员{tot[3]:,}名，完成年度计划12,000名的{(Dd(tot[3]) * 100 / 12000).quantize(Dd("0.1"), ROUND_HALF_UP)}%')
need(Z, f'{tot[3]:,}')
if max(UN, key=lambda u: MEM[u][3]) != '播州区': err('播州 not highest 新发展')
if [u for u in UN if MEM[u][3] < 500] != ['道真县', '余庆县', '新蒲新区'] or '新蒲新区、余庆县、道真县均不足500名' not in zt: err('不足500名')
if sorted(u for u in UN if MEM[u][3] > 1300) != sorted(['播州区', '红花岗区', '汇川区']): err('超过1,300名')
if round(tot[2] / 10000, 1) != 19.3: err('19.3万余名')
for l in rows(Z, r'^(发展团员|新建青年之家|“青马工程”培训|“返家乡”|希望工程募集|新增注册)'):
    p = l.split(' '); a, b = Dd(p[1].replace(',', '')), Dd(p[2].replace(',', ''))
    if (b * 100 / a).quantize(Dd('0.1'), ROUND_HALF_UP) != Dd(p[3].rstrip('%')): err(f'市委 表1 {p[0]}')
for s in ['为年度目标2,500人的114.4%', '全年新建青年之家41个', '全年组织3,650名大学生', '希望工程全年募集资金2,180万元', '全年新增注册3.4万名']: need(Z, s)
# 通报
tt = TXT[T]; KP = {}
for m in re.finditer(r'^\| (\S+) \| (\S+) \| ([\d.]+) \| ([\d.—]+) \| ([\d.—]+) \| ([\d.]+) \| (\S+) \|$', tt, re.M):
    r, u, b, a, s, t, g = m.groups()
    KP[u] = dict(rank=r, b=Dd(b), a=Dd(0 if a == '—' else a), s=Dd(0 if s == '—' else s), t=Dd(t), g=g)
if sorted(KP) != sorted(UN): err(f'通报 units {sorted(KP)}')
CN = ['', '第一', '第二', '第三', '第四', '第五', '第六', '第七', '第八', '第九', '第十', '第十一', '第十二', '第十三', '第十四', '第十五']
order = list(KP)
for u, k in KP.items():
    if k['b'] + k['a'] - k['s'] != k['t']: err(f'通报 {u} 总分')
    rank = 1 + sum(1 for v in KP.values() if v['t'] > k['t']); tie = sum(1 for v in KP.values() if v['t'] == k['t']) > 1
    if k['rank'] != ('并列' if tie else '') + CN[rank]: err(f'通报 {u} 位次 {k["rank"]}')
    if k['g'] != ('优秀' if k['t'] >= 93 else '良好' if k['t'] >= 88 else '合格'): err(f'通报 {u} 等次')
    if k['a'] > 3: err(f'通报 {u} 加分 > 3')
    m = re.search(r'^- ' + u + '：(.+)$', tt, re.M)
    adds = sum(Dd(x) for x in re.findall(r'加([\d.]+)分', m.group(1))) if m and '加' in m.group(1) else Dd(0)
    if adds != k['a']: err(f'通报 {u} 加分事由 {adds} vs {k["a"]}')
    subs = sum(Dd(x) for x in re.findall(r'^- ' + u + r'：.*', tt, re.M) and re.findall(r'扣([\d.]+)分', ''.join(re.findall(r'^- ' + u + '：(.*扣.*)$', tt, re.M))))
    if subs != k['s']: err(f'通报 {u} 扣分事由 {subs} vs {k["s"]}')
if [KP[u]['t'] for u in order] != sorted([KP[u]['t'] for u in order], reverse=True): err('通报 order')
gc = collections.Counter(k['g'] for k in KP.values())
need(T, f'{gc["优秀"]}个单位等次为“优秀”'); need(T, f'{gc["良好"]}个单位为“良好”'); need(T, f'{gc["合格"]}个单位为“合格”')
ties = [u for u in order if KP[u]['rank'].startswith('并列')]
if sorted(ties) != ['仁怀市', '播州区']: err(f'通报 ties {ties}')
need(T, f'2024年全市共发展团员{tot[3]:,}名')
# 扣分 for unfinished plan matches city/units
for u in UN:
    if '年度团员发展计划未完成' in ''.join(re.findall(r'^- ' + u + '：(.*)$', tt, re.M)) and u not in ('正安县', '道真县'): err(f'{u} plan')
# unit reports vs 通报 and 市委表2
def chk(fn, u, s): 
    if f'{KP[u]["t"]}分' not in TXT[fn]: err(f'{SHORT[fn]} score vs 通报')
    need(fn, s)
chk(B, '播州区', '与仁怀市并列第三'); chk(R, '仁怀市', '与播州区并列第三'); chk(C, '赤水市', '位列第六'); chk(HU, '汇川区', '位列全市第一'); chk(HG, '红花岗区', '位列第二')
for fn, u, pat in [(B, '播州区', f'全区发展团员{MEM["播州区"][3]:,}名'), (R, '仁怀市', f'全年发展团员{MEM["仁怀市"][3]:,}名'), (C, '赤水市', f'全年发展团员{MEM["赤水市"][3]:,}名'),
                   (HU, '汇川区', f'上年全年发展团员{MEM["汇川区"][3]:,}名'), (HG, '红花岗区', f'全区发展团员{MEM["红花岗区"][3]:,}名'),
                   (B, '播州区', f'全区团员总数达到{MEM["播州区"][2]:,}名'), (R, '仁怀市', f'全市共有团员{MEM["仁怀市"][2]:,}名'), (C, '赤水市', f'全市团员总数{MEM["赤水市"][2]:,}名'),
                   (HG, '红花岗区', f'团员总数达到{MEM["红花岗区"][2]:,}名')]:
    need(fn, pat)
# 播州 rowspan table
bt = TXT[B]; vals = {}
cur = []
sub = []
for l in bt.split('\n'):
    p = l.strip().split(' ')
    if len(p) >= 5 and re.fullmatch(r'[\d,]+', p[-1]) and re.fullmatch(r'[\d,]+', p[-4]):
        v = [int(x.replace(',', '')) for x in p[-4:]]
        if p[0] == '小计': sub.append((cur, v)); cur = []
        elif p[0] in ('其他镇（乡）及区直单位', '全区合计'): vals[p[0]] = v
        else: cur.append(v)
if len(sub) != 3: err('播州 小计 count')
for rs, v in sub:
    if len(rs) != 3 or [sum(r[j] for r in rs) for j in range(4)] != v: err('播州 小计 sum')
if [sum(v[j] for _, v in sub) + vals['其他镇（乡）及区直单位'][j] for j in range(4)] != vals['全区合计']: err('播州 合计')
if vals['全区合计'][:2] != MEM['播州区'][2:][::-1][::-1] and vals['全区合计'][:2] != [MEM['播州区'][2], MEM['播州区'][3]]: err('播州 合计 vs 市委')
need(B, f'全区青年之家达到{vals["全区合计"][2]}个'); need(B, f'“志愿汇”注册青年志愿者{vals["全区合计"][3]:,}名')
need(B, f'中心片区发展团员{sub[0][1][1]}名')
if not (Dd(sub[0][1][1]) / MEM['播州区'][3] > Dd('0.3')): err('播州 三成以上')
# 仁怀 table
rt = TXT[R]; rr = {}
RN = ['中枢街道', '盐津街道', '苍龙街道', '坛厂街道', '鲁班街道', '茅台镇', '高大坪镇', '五马镇', '其他镇（乡）及市直', '合计']
for m in re.finditer('(' + '|'.join(RN) + r') (\d{1,2},\d{3}|\d{3}) ([\d,]+) (\d+) (\d{1,2},\d{3})', rt):
    rr[m.group(1)] = [int(x.replace(',', '')) for x in m.groups()[1:]]
body = [v for k, v in rr.items() if k != '合计' and not k.endswith('）')]
if '合计' not in rr or [sum(v[j] for k, v in rr.items() if k != '合计') for j in range(4)] != rr['合计']: err(f'仁怀 表1 合计 {rr.get("合计")}')
if rr.get('合计', [0])[0:2] != MEM['仁怀市'][2:]: err('仁怀 表1 vs 市委')
need(R, f'全市注册青年志愿者{Dd(rr["合计"][3]) / 10000}万名')
if max(v[2] for k, v in rr.items() if k not in ('合计',) and '其他' not in k) != rr['中枢街道'][2] or rr['中枢街道'][2] != rr['茅台镇'][2]: err('仁怀 青年之家 max')
if (Dd(1265) * 100 / 1190).quantize(Dd('0.1'), ROUND_HALF_UP) != Dd('106.3'): err('仁怀 rate')
# 赤水 towns
ct = TXT[C]
seg = re.search(r'市中街道发展团员(\d+)名(.*)合计(\d+)名', ct)
tn = [int(seg.group(1))] + [int(x) for x in re.findall(r'(\d+)名', seg.group(2))] + [int(seg.group(3))]
if sum(tn) != 548: err(f'赤水 towns sum {sum(tn)}')
if (Dd(548) * 100 / 520).quantize(Dd('0.1'), ROUND_HALF_UP) != Dd('105.4'): err('赤水 rate')
# 汇川 同比
for l in rows(HU, r'^(发展团员|12355|志愿服务活动|青年之家活动|“青年大学习”)'):
    p = l.split(' '); a, b = Dd(p[1].replace(',', '')), Dd(p[2].replace(',', ''))
    if ((a - b) * 100 / b).quantize(Dd('0.1'), ROUND_HALF_UP) != Dd(p[3].rstrip('%')): err(f'汇川 同比 {p[0]}')
need(HU, '完成全年计划1,400名的43.7%')
if (Dd(612) * 100 / 1400).quantize(Dd('0.1'), ROUND_HALF_UP) != Dd('43.7') or Dd('5.32') - Dd('5.08') != Dd('0.24'): err('汇川 arithmetic')
# 红花岗 budgets
ht = TXT[HG]
bud = [Dd(x) for x in re.findall(r'预算：([\d.]+)万元', ht)]
if len(bud) != 8 or sum(bud) != Dd('104.1'): err(f'红花岗 budgets {sum(bud)}')
if max(bud) != Dd('32'): err('红花岗 max budget')
tb2 = docx.Document(os.path.join(RD, HG)).tables[0]
for i, r in enumerate(tb2.rows[1:], 1):
    c = [x.text for x in r.cells]
    if f'{i}．{c[1]}。' not in ht or f'负责人：{c[2]}' not in ht or f'预算：{c[3]}；完成时限：{c[4]}。' not in ht: err(f'红花岗 附表 row {i}')
# 遵医 shares
mt = TXT[M]
for grp in [('女性团员占比', '男性团员占'), ('本科生团员占', '研究生团员占', '专科及其他层次占'), ('农村生源团员约占四成（', '城镇生源占'), ('贵州籍团员占', '省外生源占'),
            ('临床医学院团员占全校团员的', '护理学院占', '药学院占', '口腔医学院占', '医学与科技学院占', '其余学院合计占'), ('18—22岁团员占', '23—25岁占', '26岁及以上占')]:
    s = sum(Dd(re.search(re.escape(k) + r'([\d.]+)%', mt).group(1)) for k in grp)
    if s != 100: err(f'遵医 shares {grp[0]} sum {s}')
if Dd('62.4') - Dd('61.8') != Dd('0.6'): err('遵医 0.6')
for a, b in [('62.4%', 'Women made up 62.4%'), ('71.8%', 'equal to 71.8%'), ('11.2%', 'postgraduates for 11.2%'), ('41.6%', '(41.6%)'), ('21.5%', '21.5% belonged'), ('86.5%', 'Some 86.5%')]:
    need(M, b)
# dates: 通报 after the city report and 赤水/遵医; unit reports citing it come after
D = {Z: '2025-01-17', T: '2025-02-24', C: '2025-03-08', M: '2025-01-15', HG: '2025-02-26', R: '2025-03-12', B: '2025-03-04', HU: '2025-07-04'}
for fn, d in D.items():
    y, m, dd = d.split('-')
    if f'{y}年{int(m)}月{int(dd)}日' not in TXT[fn] and d not in TXT[fn]: err(f'{SHORT[fn]} date {d} not in text')
for fn in (R, B, HU, C, HG):
    if D[fn] <= D[T]: err(f'{SHORT[fn]} dated before 通报')
if D[HG] <= D[T]: pass
if '位列第二' in TXT[HG] and D[HG] < D[T]:
    pass  # 红花岗 list was approved 2025-02-20, before the 通报 of 02-24 — see README
# ---------- cross ----------
def last_value(s):
    vals = re.findall(r'\d[\d,]*(?:\.\d+)?万?|[' + CNCH + ']{2,}', s)
    vals = [v for v in vals if re.search(r'\d', v) or any(c in CD for c in v)]
    v = vals[-1]
    if re.search(r'\d', v):
        x = Dd(v.replace(',', '').replace('万', ''))
        return x * 10000 if v.endswith('万') else x
    return Dd(cn_int(v))
for c in CR:
    for k in ('id', 'type', 'kind', 'question', 'answers', 'docs', 'evidence'):
        if k not in c: err(f'{c.get("id")} missing {k}')
    if len(c['docs']) != len(c['evidence']): err(f'{c["id"]} docs/evidence length')
    for d, e in zip(c['docs'], c['evidence']):
        if e not in TXT.get(d, ''): err(f'{c["id"]} evidence not in {d}: {e}')
    if c['kind'] in ('compare', 'rank'):
        vals = [last_value(e) for e in c['evidence']]
        best = min(vals) if '最少' in c['question'] or '最低' in c['question'] else max(vals)
        w = c['docs'][vals.index(best)]
        if vals.count(best) > 1 or SHORT[w] != c['answers'][0]: err(f'{c["id"]} winner {SHORT[w]} vs {c["answers"]} {vals}')
    elif c['kind'] in ('list', 'trend'):
        for a, e in zip(c['answers'], c['evidence']):
            if a not in e: err(f'{c["id"]} {a} not in evidence')
    elif c['kind'] == 'mention':
        term = re.search(r'“(.+?)”', c['question']).group(1)
        got = sorted(SHORT[fn] for fn, t in TXT.items() if term in t)
        if got != sorted(c['answers']) or sorted(SHORT[d] for d in c['docs']) != got: err(f'{c["id"]} mention {got}')
    else: err(f'{c["id"]} bad kind')

# ---------- stats ----------
tc = collections.Counter(x['type'] for x in GOLD)
en = [x for x in GOLD if re.match(r'[A-Za-z]', x['question'])]
dc = collections.Counter(SHORT[x['doc']] if x['doc'] else '(none)' for x in GOLD)
print('reports:', len(TXT), dict(collections.Counter(f.rsplit('.', 1)[1] for f in TXT)))
print('gold:', len(GOLD), dict(tc.most_common()), f'unanswerable {tc["unanswerable"] / len(GOLD):.1%}')
print('english:', len(en), f'{len(en) / len(GOLD):.1%}', 'of them unanswerable', sum(x['type'] == 'unanswerable' for x in en))
print('per report:', dict(dc.most_common()))
print('followups:', len(FU), 'conversations,', sum(len(c['turns']) for c in FU), 'turns', [len(c['turns']) for c in FU], 'unanswerable turns', sum(t['type'] == 'unanswerable' for c in FU for t in c['turns']))
print('cross:', len(CR), dict(collections.Counter(c['kind'] for c in CR)))
if ERR:
    for e in ERR: print('ERROR', e)
    print(f'FAILED: {len(ERR)} errors'); sys.exit(1)
print('OK: all checks passed')
