#!/usr/bin/env python3
"""Independent checker for blind50: reads only reports/ and the three jsonl files."""
import os, re, json, sys, glob, collections, html as H
from decimal import Decimal, ROUND_HALF_UP
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
SHORT = {'yuanzhou': '袁州', 'fengcheng': '丰城', 'zhangshu': '樟树', 'gaoan': '高安', 'ycu': '宜春学院', 'wanzai': '万载', 'shanggao': '上高', 'yichun': '通报'}
def short(fn): return SHORT[fn.split('_')[0]]

# ---------- numbers ----------
CD = dict(zip('〇零一二两三四五六七八九', [0, 0, 1, 2, 2, 3, 4, 5, 6, 7, 8, 9]))
def cn_int(s):
    total, sec, num = 0, 0, 0
    for ch in s:
        if ch in CD: num = CD[ch]
        elif ch == '十': sec += (num or 1) * 10; num = 0
        elif ch == '百': sec += (num or 1) * 100; num = 0
        elif ch == '千': sec += (num or 1) * 1000; num = 0
        elif ch == '万': total += ((sec + num) or 1) * 10000; sec = num = 0
    return total + sec + num
def value(s):
    """numeric value of an answer form (万 scaled; % and 成 as fractions); None if none"""
    s = s.replace(',', '')
    m = re.search(r'-?\d+(?:\.\d+)?', s)
    if m:
        v = Decimal(m.group()); rest = s[m.end():]
        if rest.startswith('%'): return v / 100
        if rest.startswith('万') and not rest.startswith('万元'): return v * 10000
        return v
    m = re.search(r'([一二两三四五六七八九十])成', s)
    if m: return Decimal(cn_int(m.group(1))) / 10
    m = re.search(r'[一二两三四五六七八九十百千万]+', s)
    if m: return Decimal(cn_int(m.group()))
    return None
def digits(s): return re.sub(r'[^\d.]', '', s.replace(',', ''))
def nums(s): return [Decimal(x.replace(',', '')) for x in re.findall(r'\d[\d,]*(?:\.\d+)?', s)]

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
for x in GOLD:
    if not re.fullmatch(r'b50-q\d{3}', x['id']): err(f'bad id {x["id"]}')

CNWORD = {'第一': 1, '第二': 2, '第三': 3, '第四': 4, '第五': 5, '第六': 6, '第七': 7, '第八': 8, '第九': 9, '第十': 10, '两位': 2}
def check_item(x, where):
    if set(x) != {'id', 'question', 'answers', 'doc', 'evidence', 'type'}: err(f'{where} keys {sorted(x)}')
    if x['type'] not in TYPES: err(f'{where} bad type {x["type"]}'); return
    if x['type'] == 'unanswerable':
        if x['answers'] or x['doc'] or x['evidence']: err(f'{where} unanswerable with content')
        return
    if x['doc'] not in TXT: err(f'{where} unknown doc {x["doc"]}'); return
    ev, a = x['evidence'], x['answers']
    if not ev or ev not in TXT[x['doc']]: err(f'{where} evidence not verbatim: {ev}'); return
    if len(ev) > 60:
        # only a whole table row / list line may be longer (up to 80)
        if len(ev) > 80 or not any(l.strip(' -|').endswith(ev) and len(l.strip(' -|')) == len(ev) or l.strip() == ev for l in TXT[x['doc']].split('\n')):
            err(f'{where} evidence longer than 60 and not a whole row: {len(ev)}')
    if not a or len(set(a)) != len(a): err(f'{where} empty or duplicate answers'); return
    if x['type'] == 'numeric':
        a0 = a[0]
        if a0 not in ev and not (digits(a0) and digits(a0) in digits(ev)) and not any(w in a0 and w in ev for w in CNWORD):
            err(f'{where} answer0 {a0} not in evidence {ev}')
        v0 = value(a0) if a0 not in CNWORD else Decimal(CNWORD[a0])
        for o in a[1:]:
            if o in ev: continue
            vo = value(o)
            if o in CNWORD: vo = Decimal(CNWORD[o])
            if vo is None or v0 is None: continue
            ok = vo == v0 or (vo in nums(o) and v0 in nums(a0)) or any(vo == n for n in nums(a0)) or any(n in nums(ev) for n in nums(o))
            if not ok: err(f'{where} variant {o} ({vo}) != {a0} ({v0})')
    elif x['type'] == 'list':
        items = a[1:] if len(a) > 1 else a
        for p in items:
            if p not in ev: err(f'{where} list item {p} not in evidence')
    else:
        if not any(o in ev or o.strip('“”《》') in ev for o in a) and not any(w in ev for o in a for w in CNWORD if w in o):
            err(f'{where} no answer form in evidence: {a} / {ev}')
for x in GOLD: check_item(x, x['id'])
for c in FU:
    if set(c) != {'id', 'corpus', 'turns'} or c['corpus'] != 'reports': err(f'{c["id"]} bad keys/corpus')
    if not (5 <= len(c['turns']) <= 8): err(f'{c["id"]} has {len(c["turns"])} turns')
    for i, t in enumerate(c['turns'], 1):
        if t['id'] != f'{c["id"]}-t{i}': err(f'{t["id"]} bad turn id')
        check_item(t, t['id'])

# ---------- cities / places with no report ----------
ALL = '\n'.join(TXT.values())
for p in ['九江', '赣州', '萍乡', '新余', 'Jiujiang', 'Ganzhou']:
    if p in ALL and p not in ('萍乡', '新余'): err(f'no-report place {p} occurs in a report')
wz = TXT['wanzai_2024_tuanxianwei_news.html']
art = wz.split('相关链接')[0]; side = wz.split('相关链接')[1]
for p in ['芦溪', '分宜', '上栗']:
    if p in art: err(f'sidebar place {p} in article')
    if p not in side: err(f'sidebar place {p} missing from sidebar')
    for fn, t in TXT.items():
        if not fn.startswith('wanzai') and p in t: err(f'sidebar place {p} in {fn}')
for s in re.findall(r'<li><a href="/art[^>]*>([^<]*)</a>', open(os.path.join(RD, 'wanzai_2024_tuanxianwei_news.html'), encoding='utf-8').read()):
    if re.search(r'\d+(名|个|万|人次)', s): err(f'sidebar link with a figure: {s}')
raw_html = open(os.path.join(RD, 'wanzai_2024_tuanxianwei_news.html'), encoding='utf-8').read()
for tag in ['class="nav"', 'class="breadcrumb"', '当前位置', 'class="article"', '责任编辑', '分享到', '相关链接', 'class="footer"']:
    if tag not in raw_html: err(f'html missing {tag}')
# Q&A: figures only in answers
for para in re.findall(r'<p>(问：[^<]*)</p>', raw_html):
    if re.search(r'\d', re.sub(r'20\d\d年|12355', '', para)): err(f'question paragraph holds a figure: {para}')
if len(re.findall(r'<p>答：', raw_html)) < 8: err('html: fewer than 8 answers')

# ---------- encodings ----------
gb = open(os.path.join(RD, 'gaoan_2024_tuanshiwei_gongzuo_zongjie.txt'), 'rb').read()
try: gb.decode('utf-8'); err('高安 txt decodes as UTF-8')
except UnicodeDecodeError: pass
if b'\r\n' not in gb or gb.count(b'\n') != gb.count(b'\r\n'): err('高安 txt not CRLF')
u8 = open(os.path.join(RD, 'ycu_2024_tuanwei_gongzuo_baogao.txt'), 'rb').read()
u8.decode('utf-8')
if b'\r' in u8: err('宜春学院 txt has CR')

# ---------- 通报 ----------
tb = TXT['yichun_2024_kaoping_tongbao.md']
UN = {}
for m in re.finditer(r'^\| (\d+) \| (\S+) \| ([\d.]+) \| ([\d,]+)/([\d,]+) \| ([\d.]+)% \| (\d+) \| ([\d.]+) \| (\S+) \|$', tb, re.M):
    r, name, s, a, p, rt, h, v, ch = m.groups()
    d = 0 if ch == '持平' else (int(re.search(r'\d+', ch).group()) * (1 if ch.startswith('上升') else -1))
    UN[name] = dict(rank=int(r), score=Decimal(s), a=int(a.replace(',', '')), p=int(p.replace(',', '')), rate=Decimal(rt), h=int(h), v=Decimal(v), prev=int(r) + d)
if len(UN) != 10: err(f'通报 parsed {len(UN)} units')
def rate(a, p): return (Decimal(a) * 100 / Decimal(p)).quantize(Decimal('0.1'), ROUND_HALF_UP)
units = sorted(UN.items(), key=lambda kv: kv[1]['rank'])
if [u['rank'] for _, u in units] != list(range(1, 11)): err('通报 rank order')
if [u['score'] for _, u in units] != sorted([u['score'] for _, u in units], reverse=True) or len({u['score'] for _, u in units}) != 10: err('通报 scores not descending / ties')
if sorted(u['prev'] for _, u in units) != list(range(1, 11)): err('通报 implied 上年位次 not a permutation')
for n, u in units:
    if rate(u['a'], u['p']) != u['rate']: err(f'通报 rate {n}')
TA, TP, TH, TV = (sum(u[k] for _, u in units) for k in ('a', 'p', 'h', 'v'))
if f'| — | 合计 | — | {TA:,}/{TP:,} | {rate(TA, TP)}% | {TH} | {TV} | — |' not in tb: err('通报 合计 row')
if f'共发展团员{TA:,}名，完成年度计划{TP:,}名的{rate(TA, TP)}%；全市共建成青年之家{TH}个，注册青年志愿者{TV}万名' not in tb: err('通报 totals text')
def grade(s): return '优秀' if s >= 93 else '良好' if s >= 88 else '合格'
for g in ('优秀', '良好', '合格'):
    names = [n for n, u in units if grade(u['score']) == g]
    line = f'{g}等次（{len(names)}个）：' + '、'.join(f'{n}（{UN[n]["score"]}分）' for n in names)
    if line not in tb: err(f'通报 grade line {g}')
below = [n for n, u in units if u['a'] < u['p']]
for n in below:
    if f'{n}新发展团员未完成年度计划，差{UN[n]["p"] - UN[n]["a"]}名' not in tb: err(f'通报 差额 {n}')
if f'{len(units) - len(below)}个县（市、区）完成年度团员发展计划，' + '、'.join(below) not in tb: err('通报 below list')
ch = {n: u['prev'] - u['rank'] for n, u in units}
ups = [n for n, v in ch.items() if v == max(ch.values())]; dns = [n for n, v in ch.items() if v == min(ch.values())]
if len(ups) != 1 or f'{ups[0]}位次较上年上升{ch[ups[0]]}位，为全市进位最多' not in tb: err(f'通报 biggest rise {ups}')
if len(dns) != 1 or f'{dns[0]}位次较上年下降{-ch[dns[0]]}位，为全市退位最多' not in tb: err(f'通报 biggest fall {dns}')
def top(k): m = max(u[k] for _, u in units); return [n for n, u in units if u[k] == m]
if top('rate') != ['丰城市'] or top('score') != ['丰城市']: err('通报 丰城 not top in rate/score')
if not (top('a') == top('h') == top('v') == ['袁州区']): err('通报 袁州 not top in 实际/青年之家/志愿者')

# ---------- unit reports vs 通报 ----------
CNR = ['', '第一', '第二', '第三', '第四', '第五', '第六', '第七', '第八', '第九', '第十']
CNB = ['', '一位', '两位', '三位']
def need(fn, s):
    if s not in TXT[fn]: err(f'{short(fn)}: expected “{s}”')
YZ, FC, ZS, GA, YC, WZ, SG = sorted(TXT)[0:0] or ('yuanzhou_2024_tuanquwei_gongzuo_baogao.docx', 'fengcheng_2024_tuanshiwei_gongzuo_zongjie.docx', 'zhangshu_2025_shangbannian_gongzuo_zongjie.pdf',
    'gaoan_2024_tuanshiwei_gongzuo_zongjie.txt', 'ycu_2024_tuanwei_gongzuo_baogao.txt', 'wanzai_2024_tuanxianwei_news.html', 'shanggao_2025_qiansanjidu_gongzuo_jianbao.docx')
u = UN['袁州区']; need(YZ, f'袁州区以{u["score"]}分位列全市{CNR[u["rank"]]}（上年{CNR[u["prev"]]}）'); need(YZ, f'全年全区发展团员{u["a"]:,}名，完成年度计划{u["p"]:,}名的{u["rate"]}%'); need(YZ, f'全区青年之家达到{u["h"]}个')
u = UN['丰城市']; need(FC, f'丰城市以{u["score"]}分位列全市{CNR[u["rank"]]}，较上年前进{CNB[u["prev"] - u["rank"]]}'); need(FC, f'全市发展团员{u["a"]:,}名，完成年度计划{u["p"]:,}名的{u["rate"]}%'); need(FC, f'全市青年之家达到{u["h"]}个')
u = UN['樟树市']; need(ZS, f'樟树市得分{u["score"]}分，位列全市{CNR[u["rank"]]}（上年{CNR[u["prev"]]}），上升{u["prev"] - u["rank"]}位'); need(ZS, f'全市发展团员{u["a"]:,}名，完成年度计划{u["p"]:,}名的{u["rate"]}%'); need(ZS, f'全市青年之家{u["h"]}个')
u = UN['高安市']; need(GA, f'全年发展团员{u["a"]:,}名，完成年度计划{u["p"]:,}名的{u["rate"]}%'); need(GA, f'全市青年之家总数达到{u["h"]}个'); need(GA, f'在2023年度全市共青团工作综合考评中，高安市位列{CNR[u["prev"]]}名')
u = UN['万载县']; need(WZ, f'我们得了{u["score"]}分，排在全市{CNR[u["rank"]][1:] and CNR[u["rank"]]}'); need(WZ, f'和上一年的{CNR[u["prev"]]}名相比，后退了{CNB[u["rank"] - u["prev"]]}'); need(WZ, f'全年发展团员{u["a"]}名，完成年度计划{u["p"]}名的{u["rate"]}%'); need(WZ, f'全县青年之家达到{u["h"]}个')
u = UN['上高县']; need(SG, f'上高县得分{u["score"]}分，位列全市{CNR[u["rank"]]}，与上年持平'); need(SG, f'全县发展团员{u["a"]}名，完成计划{u["p"]}名的{u["rate"]}%'); need(SG, f'比去年底的{u["h"]}个增加')
if u['prev'] != u['rank']: err('上高 持平 but 通报 differs')
srt = sorted(UN, key=lambda n: -UN[n]['rate'])
if srt[1] != '上高县': err('上高 完成率 not second')
for fn, pat, name in ((YZ, r'（([\d.]+)万名）', '袁州区'), (FC, r'全市注册青年志愿者([\d.]+)万名', '丰城市'), (ZS, r'注册青年志愿者([\d.]+)万名。', '樟树市'),
                      (GA, r'注册青年志愿者([\d.]+)万名', '高安市'), (WZ, r'注册青年志愿者([\d.]+)万名', '万载县'), (SG, r'比去年底的([\d.]+)万名', '上高县')):
    m = re.search(pat, TXT[fn])
    if not m: err(f'{name} 志愿者 not found'); continue
    if Decimal(m.group(1)).quantize(Decimal('0.1'), ROUND_HALF_UP) != UN[name]['v']: err(f'{name} 志愿者 {m.group(1)} vs 通报 {UN[name]["v"]}')
for fn, s in ((YZ, '灵泉街道团工委获评全市“五四红旗团委”'), (FC, '剑光街道团工委被团宜春市委评为2024年度“五四红旗团委”'), (ZS, '福城街道团工委获评全市“五四红旗团委”'), (SG, '敖阳街道团工委获评全市“五四红旗团委”'),
              (ZS, '临江镇“药都青年之家”获评“示范青年之家”'), (YZ, '“湛郎青年之家”被团市委评为2024年度“示范青年之家”')):
    need(fn, s)
for s in ('丰城市剑光街道团工委', '袁州区灵泉街道团工委', '樟树市福城街道团工委', '上高县敖阳街道团工委', '樟树市临江镇“药都青年之家”', '袁州区湛郎街道“湛郎青年之家”', '万载县株潭镇花炮产业园团支部'):
    if s not in tb: err(f'通报 missing {s}')

# ---------- tables and arithmetic ----------
def trow(fn, first):
    for l in TXT[fn].split('\n'):
        if l.startswith(first + ' '): return l.split(' ')[1:]
    err(f'{short(fn)}: row {first} not found'); return []
def D(c): return Decimal(re.sub(r'[^\d.\-]', '', c))
# 袁州 transposed table: rows are indicators, last column = sum of the unit columns
yz = {k: trow(YZ, k) for k in ('团员数（名）', '发展计划（名）', '实际发展（名）', '青年之家（个）', '注册志愿者（名）')}
hdr = trow(YZ, '指标')
if len(hdr) != 8 or hdr[-1] != '全区': err('袁州 table header')
for k, r in yz.items():
    if sum(D(c) for c in r[:-1]) != D(r[-1]): err(f'袁州 表1 {k} total')
if yz['实际发展（名）'][-1] != '1,872' or yz['发展计划（名）'][-1] != '1,800' or yz['青年之家（个）'][-1] != '62' or yz['注册志愿者（名）'][-1] != '183,600': err('袁州 表1 vs text')
below_yz = [hdr[i] for i in range(7) if D(yz['实际发展（名）'][i]) < D(yz['发展计划（名）'][i])]
if below_yz != ['珠泉街道']: err(f'袁州 below plan {below_yz}')
streets = list(range(6))
for k in ('实际发展（名）', '注册志愿者（名）'):
    if max(streets, key=lambda i: D(yz[k][i])) != 0: err(f'袁州 灵泉 not top in {k}')
if Decimal('16.94') + Decimal('1.42') != Decimal('18.36') or 54 + 8 != 62 or 48 + 72 != 120 or 1540 + 612 + 528 != 2680: err('袁州 arithmetic')
if rate(2680, 2410) - 100 != Decimal('11.2'): pass
need(YZ, '实际发展团员158名，比计划少2名')
# 丰城 trend table
fc_rows = [l.split(' ') for l in TXT[FC].split('\n') if re.match(r'^\S+（\S+） [\d,.]+ [\d,.]+ [\d,.]+ [+-][\d.]+$', l)]
if len(fc_rows) != 8: err(f'丰城 table rows {len(fc_rows)}')
for r in fc_rows:
    a, b = D(r[2]), D(r[3])
    exp = ((b - a) * 100 / a).quantize(Decimal('0.1'), ROUND_HALF_UP)
    if Decimal(r[4]) != exp: err(f'丰城 增幅 {r[0]} {r[4]} vs {exp}')
fx = {r[0]: r for r in fc_rows}
if fx['新发展团员（名）'][2:4] != ['1,415', '1,688'] or fx['团员发展计划（名）'][3] != '1,600' or fx['青年之家（个）'][3] != '58' or fx['注册青年志愿者（万名）'][3] != '16.83': err('丰城 table vs text')
need(FC, f'由2023年的1,415名增至1,688名，增长{fx["新发展团员（名）"][4].lstrip("+")}%')
need(FC, f'同比增长{fx["注册青年志愿者（万名）"][4].lstrip("+")}%'); need(FC, f'1,912人次，同比增长{fx["12355咨询（人次）"][4].lstrip("+")}%')
need(FC, f'同比增加{58 - 50}个')
if rate(1415, 1380) != Decimal('102.5') or rate(1688, 1600) - rate(1415, 1380) != Decimal('3.0'): err('丰城 个百分点')
if 312 + 586 + 464 + 326 != 1688: err('丰城 quarters')
if rate(586, 312) - 100 != Decimal('87.8') or 100 - rate(326, 464) != Decimal('29.7'): err('丰城 环比')
need(FC, '环比增长87.8%'); need(FC, '环比下降29.7%')
# 樟树 value+unit table with 合计 at the bottom
zl = [l for l in TXT[ZS].split('\n')[0].split('人次') ]
zrows = re.findall(r'(\S+?) ([\d,]+)名 (\d+)个 (\d+)场 ([\d,]+)人次', TXT[ZS])
names = [r[0] for r in zrows]
if names[-1] != '合计' or len(zrows) != 9: err(f'樟树 table rows {names}')
else:
    for j in range(1, 5):
        if sum(D(r[j]) for r in zrows[:-1]) != D(zrows[-1][j]): err(f'樟树 表1 col {j}')
    if zrows[-1][1] != '736' or zrows[-1][2] != '7': err('樟树 合计 vs text')
if 248 + 488 != 736 or rate(736, 1320) != Decimal('55.8') or rate(736, 672) - 100 != Decimal('9.5') or rate(488, 248) - 100 != Decimal('96.8') or 44 + 7 != 51: err('樟树 arithmetic')
need(ZS, '比去年底增加7个'); need(ZS, '同比增长9.5%（去年同期672名）'); need(ZS, '环比增长96.8%')
if Decimal('11.24') + Decimal('0.54') != Decimal('11.78'): err('樟树 志愿者')
# 上高 quarter table
sg = {l.split(' ')[0]: l.split(' ')[1:] for l in TXT[SG].split('\n') if re.match(r'^\S+（\S+） [\d,]+ [\d,]+ [\d,]+ [\d,]+ [\d,]+ [\d.]+%$', l)}
if len(sg) != 6: err(f'上高 table rows {len(sg)}')
for k, r in sg.items():
    if D(r[0]) + D(r[1]) + D(r[2]) != D(r[3]): err(f'上高 1—9月 {k}')
    if rate(D(r[3]), D(r[4])) != D(r[5]): err(f'上高 进度 {k}')
t = sg['新发展团员（名）']
if t[:5] != ['128', '356', '214', '698', '800']: err('上高 table vs text')
if 100 - rate(214, 356) != Decimal('39.9') or rate(312, 274) - 100 != Decimal('13.9') or rate(698, 652) - 100 != Decimal('7.1') or rate(507, 462) - 100 != Decimal('9.7'): err('上高 环比/同比')
if sg['新建青年之家（个）'][3] != '4' or 30 + 4 != 34: err('上高 青年之家')
if sg['志愿服务活动（场）'][5] != '77.2%': err('上高 77.2%')
need(SG, '完成进度为77.2%'); need(SG, '三季度全县开展志愿服务活动312场')
if (Decimal('6.27') + Decimal('0.505')).quantize(Decimal('0.01'), ROUND_HALF_UP) != Decimal('6.78'): err('上高 志愿者')
if 800 - 698 != 102: err('上高 102')
need(SG, '集中发展102名')
# 宜春学院 fixed-width table
yr = re.findall(r'^(\S+)\s+(\d+)\s+([\d,]+)\s+(\d+)\s+([\d,]+)$', TXT[YC], re.M)
if yr[-1][0] != '合计' or len(yr) != 8: err(f'宜春学院 table rows {[r[0] for r in yr]}')
else:
    for j in range(1, 5):
        if sum(D(r[j]) for r in yr[:-1]) != D(yr[-1][j]): err(f'宜春学院 col {j}')
    tot = yr[-1]
    need(YC, f'全校共有团支部{tot[1]}个、团员{tot[2]}名，全年发展团员{tot[3]}名')
    if Decimal(tot[4].replace(',', '')) / 10000 != Decimal('26.8'): err('宜春学院 时长')
    med = [r for r in yr if r[0] == '医学院'][0]
    if not (Decimal('0.175') <= D(med[4]) / D(tot[4]) < Decimal('0.185')): err('宜春学院 18%左右')
    if max(yr[:-2], key=lambda r: int(r[3]))[0] != '医学院': err('宜春学院 top 学院')
# links
need(YC, '该项目同时获第四届袁州区青年创新创业大赛一等奖'); need(YZ, '宜春学院数学与计算机科学学院“智慧果园病虫害识别系统”项目获一等奖')
need(YZ, '黄子涵（宜春学院数学与计算机科学学院学生）'); need(YC, '数学与计算机科学学院，负责人黄子涵')
need(YC, '“花炮非遗新传”实践团15名学生于2024年7月赴万载县株潭镇'); need(YC, '文创作品32件'); need(WZ, '“花炮非遗新传”实践团就到了株潭镇，帮当地花炮企业设计了32件文创作品')
need(WZ, '这四个乡镇（街道）加起来占全县的三成多')
if not (Decimal('0.3') < Decimal(92 + 71 + 58 + 46) / 846 < Decimal('0.4')): err('万载 三成多')
if Decimal('7.08') - Decimal('0.61') <= 0: err('万载')
# 高安 phrasing
for s in ('3至5名', '近千名', '逾万人次', '两万余名', '2024年12月31日', '2024.12', '截至目前', '逾百万人次'):
    need(GA, s)
if 1084 + 245 != 1329 or 1208 + 138 != 1346: err('高安 arithmetic')
# dates: unit reports before the 通报 cite no 2024 rank
for fn in (GA, YC):
    if '2024年度' in TXT[fn] and '考评' in TXT[fn] and re.search(r'2024年度[^。]*考评', TXT[fn]): err(f'{short(fn)} cites 2024 考评 before the 通报')

# ---------- cross ----------
def last_value(s):
    v = re.findall(r'\d[\d,]*(?:\.\d+)?', s)[-1].replace(',', '')
    return Decimal(v)
for c in CR:
    if set(c) != {'id', 'type', 'kind', 'question', 'answers', 'docs', 'evidence'}: err(f'{c.get("id")} keys')
    if len(c['docs']) != len(c['evidence']): err(f'{c["id"]} docs/evidence length')
    for d, e in zip(c['docs'], c['evidence']):
        if e not in TXT.get(d, ''): err(f'{c["id"]} evidence not in {d}: {e}')
    if c['kind'] in ('compare', 'rank'):
        vals = [last_value(e) for e in c['evidence']]
        best = max(vals) if not c['question'].count('最少') and not c['question'].count('最低') and not c['question'].count('少？') else min(vals)
        w = c['docs'][vals.index(best)]
        if vals.count(best) > 1 or short(w) not in c['answers']: err(f'{c["id"]} winner {short(w)} vs {c["answers"]}')
    elif c['kind'] in ('list', 'trend'):
        for a, e in zip(c['answers'], c['evidence']):
            if a not in e: err(f'{c["id"]} {a} not in evidence')
    elif c['kind'] == 'mention':
        term = re.search(r'“(.+?)”', c['question']).group(1)
        got = sorted(short(fn) for fn, t in TXT.items() if term in t)
        if got != sorted(c['answers']) or sorted(short(d) for d in c['docs']) != got: err(f'{c["id"]} mention {got} vs {c["answers"]}')
    else: err(f'{c["id"]} bad kind')

# ---------- stats ----------
tc = collections.Counter(x['type'] for x in GOLD)
en = [x for x in GOLD if re.match(r'[A-Za-z]', x['question'])]
dc = collections.Counter(short(x['doc']) if x['doc'] else '(none)' for x in GOLD)
print('reports:', len(TXT), dict(collections.Counter(f.rsplit('.', 1)[1] for f in TXT)))
print('gold:', len(GOLD), dict(tc.most_common()), f'unanswerable {tc["unanswerable"] / len(GOLD):.1%}')
print('english:', len(en), f'{len(en) / len(GOLD):.1%}', 'of them unanswerable', sum(x['type'] == 'unanswerable' for x in en))
print('per report:', dict(dc.most_common()))
print('followups:', len(FU), 'conversations,', sum(len(c['turns']) for c in FU), 'turns', [len(c['turns']) for c in FU], 'unanswerable turns', sum(t['type'] == 'unanswerable' for c in FU for t in c['turns']))
print('cross:', len(CR), dict(collections.Counter(c['kind'] for c in CR)))
if not (550 <= len(GOLD) <= 750): err(f'gold count {len(GOLD)} outside 550–750')
if ERR:
    for e in ERR: print('ERROR', e)
    print(f'FAILED: {len(ERR)} errors'); sys.exit(1)
print('OK: all checks passed')
