#!/usr/bin/env python3
"""Independent checker for blind53: reads only reports/ and the three jsonl files (does not import src/)."""
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
        s = re.sub(r'<(/?)(p|div|h\d|li|tr|br|ul|title|caption|figcaption|nav|footer|header)[^>]*>', '\n', s)
        return H.unescape(re.sub(r'<[^>]+>', '', s))
    b = open(path, 'rb').read()
    if path.endswith('.txt'):
        try: return b.decode('utf-8')
        except UnicodeDecodeError: return b.decode('gb18030').replace('\r\n', '\n')
    return b.decode('utf-8')
TXT = {os.path.basename(p): text_of(p) for p in sorted(glob.glob(os.path.join(RD, '*')))}
SHORT = {'xuzhou_2024_tuanshiwei_quanhui_baogao.docx': '市委', 'tongshan_2024_tuanquwei_shuji_shuzhi_baogao.docx': '铜山',
         'pizhou_2025_tuanshiwei_shujibangonghui_jiyao.docx': '邳州', 'cumt_2024_tuanwei_sanxiaxiang_diaoyan_baogao.pdf': '矿大',
         'suining_2025_di2qi_gongzuo_jianbao.txt': '睢宁', 'xuzhou_2025_qingnian_chuangye_zhengce_wenda.txt': 'FAQ',
         'jiawang_2025_tuanquwei_wusi_news.html': '贾汪', 'xuzhou_2024_kaoping_tongbao.md': '通报'}
if sorted(TXT) != sorted(SHORT): err(f'report set {sorted(TXT)}')
BY = {v: k for k, v in SHORT.items()}
def T(short): return TXT[BY[short]]

# ---------- numbers ----------
CD = dict(zip('〇零一二两三四五六七八九', [0, 0, 1, 2, 2, 3, 4, 5, 6, 7, 8, 9]))
CNRE = r'[〇零一二两三四五六七八九十百千万]+'
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
        if rest.startswith('‰'): return v / 1000
        if rest.startswith('万'): return v * 10000
        if rest.startswith('亿'): return v * 100000000
        return v
    m = re.match(r'^千分之([零一二三四五六七八九十]+)点([零一二三四五六七八九]+)$', s)
    if m: return (Dd(cn_int(m.group(1))) + Dd('0.' + ''.join(str(CD[c]) for c in m.group(2)))) / 1000
    m = re.match(r'^(' + CNRE + r')[名个]?$', s)
    if m: return Dd(cn_int(m.group(1)))
    m = re.search(r'([一二两三四五六七八九十])成', s)
    if m: return Dd(cn_int(m.group(1))) / 10
    return None
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
    if x['id'] != f'b53-q{i:03d}': err(f'id order {x["id"]}')

NUMRE = r'\d[\d,]*(?:\.\d+)?'
def in_ev(a, ev):
    """answer string occurs in the evidence, allowing a unit suffix, comma-less form, 万/亿 expansion or Chinese numerals"""
    a2 = a.strip('“”《》')
    if a in ev or a2 in ev or a.replace(',', '') in ev.replace(',', ''): return True
    m = re.search(NUMRE, a)
    if m:
        n = m.group().replace(',', '')
        toks = [t.replace(',', '') for t in re.findall(NUMRE, ev)]
        if n in toks: return True
        v = value(a)
        if v is not None and any(value(t) == v for t in re.findall(NUMRE + r'[万亿%‰]?', ev)): return True
        return v is not None and any(Dd(cn_int(t)) == v for t in re.findall(CNRE, ev))
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
    if len(set(a)) != len(a): err(f'{where} repeated answer strings')
    if x['type'] == 'list':
        for p in (a[1:] if len(a) > 1 else a):
            if not in_ev(p, ev): err(f'{where} list item {p} not in evidence')
    elif x['type'] == 'numeric':
        if not in_ev(a[0], ev) and a[0] != '—': err(f'{where} answer0 {a[0]} not in evidence {ev}')
        if a[0] == '—' and '—' not in ev: err(f'{where} dash not in evidence')
        v0 = value(a[0])
        for o in a[1:]:
            vo = value(o)
            if v0 is not None and vo is not None and '万' in ev and vo == v0 * 10000: continue  # unit-less cell in a 万 column
            m = re.match(r'^(?:第|位列第)?([一二三四五六七八九十]+)$', o)
            if m and v0 is not None and Dd(cn_int(m.group(1))) == v0: continue  # 第二 for 2
            if vo is not None and v0 is not None and vo != v0 and not in_ev(o, ev): err(f'{where} variant {o} != {a[0]}')
            if vo is None and not in_ev(o, ev) and o not in a[0] and a[0] not in ('—',) and not re.search(r'[位次]', o): err(f'{where} variant {o} not supported')
    else:
        dg = lambda z: re.findall(r'\d+', z)
        ok = a[0].strip('“”《》') in ev or (x['type'] == 'date' and dg(a[0]) and all(int(n) in [int(m) for m in dg(ev)] for n in dg(a[0])))
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
raw = open(os.path.join(RD, BY['睢宁']), 'rb').read()
try: raw.decode('utf-8'); err('睢宁 txt is valid UTF-8 (should be GB18030)')
except UnicodeDecodeError: pass
if b'\r\n' not in raw or raw.replace(b'\r\n', b'').count(b'\n'): err('睢宁 txt not pure CRLF')
open(os.path.join(RD, BY['FAQ']), encoding='utf-8').read()
import docx
for s in ['市委', '铜山', '邳州']:
    if not docx.Document(os.path.join(RD, BY[s])).tables: err(f'{s} docx has no table')
d = docx.Document(os.path.join(RD, BY['市委']))
longlen = len(re.sub(r'\s', '', ''.join(p.text for p in d.paragraphs)))
if longlen < 3500: err(f'市委 only {longlen} non-space chars')
hs = open(os.path.join(RD, BY['贾汪']), encoding='utf-8').read()
for k in ['<nav', 'breadcrumb', '来源：', '发布时间：', '分享到', '相关新闻', '<footer', '<figcaption>图为', '<h3>', '上一篇', '责任编辑']:
    if k not in hs: err(f'html lacks {k}')
art = re.search(r'<div class="content">(.*?)</div>', hs, re.S).group(1)
for dec in ['青春护苗', '人才恳谈会', '春季班', '青春市集']:
    if dec in art: err(f'decoy {dec} inside article')

# ---------- report-level consistency ----------
def need(short, s):
    if s not in T(short): err(f'{short} lacks {s}')
def rows(short, first):
    return [l.split(' ') for l in T(short).split('\n') if l.split(' ')[0] == first]
# 市委 表1
U12 = ['鼓楼区', '云龙区', '贾汪区', '泉山区', '铜山区', '丰县', '沛县', '睢宁县', '邳州市', '新沂市', '徐州经开区', '市直及驻徐高校']
tab = {}
for u in U12 + ['合计']:
    r = rows('市委', u)
    if len(r) != 1 or len(r[0]) != 6: err(f'市委 表1 row {u} {r}'); continue
    tab[u] = [num(x) if x != '—' else Dd(0) for x in r[0][1:]]
for u, v in tab.items():
    if v[0] != v[1] + v[2]: err(f'市委 表1 {u} 合计 != 男+女')
for i in range(5):
    if sum(tab[u][i] for u in U12) != tab['合计'][i]: err(f'市委 表1 column {i} sum')
if rows('市委', '单位') != [['单位', '新发展团员（名）', '新发展团员（名）', '新发展团员（名）', '青年之家（个）', '青年之家（个）'], ['单位', '合计', '男', '女', '城镇', '农村']]: err('市委 two-row header')
for s in ['新发展团员19,655名', '其中女性10,787名，占54.9%，男性8,868名', '全市青年之家总数达到481个，其中城镇227个、农村254个',
          f'完成年度计划19,000名的{pct(19655, 19000)}%', '分别为18,742名和19,655名', '“青创贷”发放额分别为2.36亿元和2.87亿元', '扶持青年创业者分别为1,208人和1,476人']:
    need('市委', s)
if pct(10787, 19655) != Dd('54.9'): err('54.9')
if not (tab['铜山区'][3] + tab['铜山区'][4] == 63 and tab['铜山区'][0] == 2236 and tab['铜山区'][2] == 1218): err('表1 vs 铜山')
if not (tab['邳州市'][0] == 2318 and tab['邳州市'][3] == 18 and tab['邳州市'][4] == 47): err('表1 vs 邳州')
if not (tab['睢宁县'][0] == 1574 and tab['睢宁县'][2] == 832 and tab['睢宁县'][3] == 13 and tab['睢宁县'][4] == 36): err('表1 vs 睢宁')
if not (tab['贾汪区'][0] == 862 and tab['贾汪区'][2] == 457 and tab['贾汪区'][4] == 19 and sum(tab['贾汪区'][3:]) == 33): err('表1 vs 贾汪')
if max(U12[:-1], key=lambda u: tab[u][0]) != '邳州市' or min(U12, key=lambda u: tab[u][0]) != '徐州经开区': err('市委 居首/最少')
need('铜山', '新发展团员中女性1,218名'); need('铜山', '其中城镇22个、农村41个'); need('邳州', '其中城镇18个、农村47个')
need('睢宁', '其中城镇13个、农村36个'); need('贾汪', '全区青年之家达到33个，其中农村19个')
# 通报
tb = re.findall(r'^\| (\d+) \| (\S+) \| ([\d.]+) \| (\S+) \| (\S*)\s*\|$', T('通报'), re.M)
if [int(r[0]) for r in tb] != list(range(1, 12)): err(f'通报 ranks {tb}')
if [Dd(r[2]) for r in tb] != sorted([Dd(r[2]) for r in tb], reverse=True): err('通报 scores not descending')
prev = []
for r in tb:
    ch = r[3]; k = int(r[0])
    prev.append(k if ch == '—' else k + int(ch[1:]) if ch[0] == '↑' else k - int(ch[1:]))
if sorted(prev) != list(range(1, 12)): err(f'通报 previous ranks not a permutation {prev}')
up = {r[1]: int(r[3][1:]) for r in tb if r[3][0] == '↑'}
if max(up, key=up.get) != '贾汪区' or list(up.values()).count(max(up.values())) != 1: err('通报 进位最多')
rk = {r[1]: (int(r[0]), r[3]) for r in tb}
if rk['睢宁县'] != (4, '↑2'): err('睢宁 rank'); need('睢宁', '团县委位列第四，较上年前移两位')
if rk['贾汪区'] != (5, '↑3'): err('贾汪 rank'); need('贾汪', '贾汪区位列第五、较上年前进三位，进位幅度全市最大')
grades = []; cur = None
for r in tb:
    cur = r[4] or cur; grades.append(cur)
if grades != ['优秀'] * 4 + ['良好'] * 5 + ['合格'] * 2: err(f'通报 grades {grades}')
if '首次进入“优秀”等次' in T('睢宁') and grades[3] != '优秀': err('睢宁 优秀')
for cn, v in [('一万九千六百五十五', 19655), ('六十二万八千', 628000), ('四百八十一', 481)]:
    if cn not in T('通报') or cn_int(cn) != v: err(f'通报 Chinese numeral {cn}')
if sum(tab[u][0] for u in U12) != 19655: err('19655')
for s, u in [('新发展团员2,318名', '邳州'), ('新发展团员2,236名', '铜山'), ('青年之家65个', '邳州'), ('青年之家63个', '铜山'),
             ('发放5,280万元', '邳州'), ('发放4,160万元', '铜山'), ('发放2,860万元', '睢宁'), ('注册青年志愿者11.26万名', '邳州'), ('注册青年志愿者8.64万名', '铜山')]:
    need('通报', s); n = re.search(NUMRE, s).group()
    if n not in T(u): err(f'通报 {s} not in {u}')
# 铜山
t2 = [r for r in (l.split(' ') for l in T('铜山').split('\n')) if len(r) == 4 and r[0].isdigit()]
if [int(r[0]) for r in t2] != list(range(1, 11)) or [Dd(r[2]) for r in t2] != sorted([Dd(r[2]) for r in t2], reverse=True): err('铜山 表2 order')
pv = [int(r[0]) if r[3] == '—' else int(r[0]) + int(r[3][1:]) if r[3][0] == '↑' else int(r[0]) - int(r[3][1:]) for r in t2]
if len(set(pv)) != 10: err(f'铜山 表2 previous ranks clash {pv}')
need('铜山', f'分别完成当年计划的101.2%和{pct(2236, 2150)}%'); need('铜山', '新发展团员（名） 2,105 2,236 2,150')
need('铜山', '青年之家（个） 54 63 60'); need('铜山', '全区新建青年之家9个'); need('铜山', '比上年多发放580万元'); need('铜山', '“青创贷”发放（万元） 3,580 4,160 4,000')
if 4160 - 3580 != 580 or 63 - 54 != 9: err('铜山 arithmetic')
# 邳州
need('邳州', f'完成计划2,200名的{pct(2318, 2200)}%'); need('邳州', f'占全年计划2,400名的{pct(236, 2400)}%')
pt = [l.split(' ') for l in T('邳州').split('\n') if re.match(r'^\d ', l)]
if len(pt) != 8: err(f'邳州 分工表 rows {len(pt)}')
for p in ['李泽宇', '孟繁星', '程嘉怡', '蔡依诺', '韩梦瑶', '张可心']:
    if p not in T('邳州').split('附件')[0]: err(f'邳州 {p} not in minutes body')
# 矿大
ct = [l.split(' ') for l in T('矿大').split('\n')]
crow = re.findall(r'([\u4e00-\u9fa5]+学院|合计) (\d[\d,]*) (\d[\d,]*) (\d[\d,]*) (\d+) (\d+)', T('矿大'))
body = [r for r in crow if r[0] != '合计']; tot = [r for r in crow if r[0] == '合计']
if len(body) != 11 or len(tot) != 1: err(f'矿大 rows {len(body)}')
for r in crow:
    if num(r[1]) != num(r[2]) + num(r[3]): err(f'矿大 {r[0]} 合计')
for i in range(1, 6):
    if sum(num(r[i]) for r in body) != num(tot[0][i]): err(f'矿大 column {i}')
need('矿大', f'有效率{pct(3214, 3600)}%')
if Dd('46.5') + Dd('21.3') + Dd('13.8') + Dd('11.6') + Dd('6.8') != 100: err('矿大 themes')
if Dd('71.4') - Dd('38.2') != Dd('33.2'): err('矿大 33.2')
# 睢宁
need('睢宁', f'农村青年1,012名、城镇青年562名，农村青年占{pct(1012, 1574)}%')
if 1012 + 562 != 1574 or Dd('0.52') - Dd('0.36') != Dd('0.16'): err('睢宁 arithmetic')
for s in ['元宵节（农历正月十五，2月24日）', '清明节（4月4日）', '端午节（6月10日）', '七夕节（8月10日）', '中秋节（9月17日）', '重阳节（农历九月初九，10月11日）', '冬至（12月21日）']:
    need('睢宁', s)  # 2024 lunar calendar dates
need('市委', '春节（2月10日）')
# FAQ
pr = re.findall(r'^(XZ-2024-\d\d)｜(.+?)｜(.+?)｜(.+?)｜(.+?)｜([\d.]+)万元$', T('FAQ'), re.M)
if [p[0] for p in pr] != [f'XZ-2024-{i:02d}' for i in range(1, 15)]: err('FAQ codes')
tsum = sum(Dd(p[5]) for p in pr)
need('FAQ', f'以上14个项目共获扶持资金{tsum}万元，其中“青创贷”贴息项目{sum(p[4] == "青创贷贴息" for p in pr)}个')
need('FAQ', '1,476名青年创业者发放“青创贷”2.87亿元'); need('市委', '1,476人')
if (Dd(12685000) / 1476).quantize(Dd(1), ROUND_HALF_UP) != 8594: err('FAQ 8594')
# names across reports
for name, where in [('许慕白', {'睢宁', 'FAQ'}), ('李沐辰', {'贾汪', 'FAQ'}), ('王晓岚', {'邳州'}), ('孙一帆', {'铜山'}), ('葛昕然', {'市委'}), ('沈知远', {'矿大'})]:
    got = {SHORT[f] for f, t in TXT.items() if name in t}
    if got != where: err(f'{name} in {got}')
# unanswerable terms absent from every report
for p in ['淮海国际港务区', '八路镇', '双沟镇', '江庄镇', '单集镇', '黄集镇', 'XZ-2023', 'XZ-2024-15', 'XZ-2024-20', '2022年全', '2021年']:
    for f, t in TXT.items():
        if p in t: err(f'unanswerable term {p} occurs in {SHORT[f]}')

# ---------- cross ----------
def grab(rx, s):
    m = re.search(rx, s)
    if not m: err(f'cross grab {rx} in {s[:40]}'); return Dd(0)
    return value(m.group(1))
CHECK = {  # id: (labels, regexes, max/min)
    'cross53-01': (['邳州', '铜山'], [r'新发展团员([\d,]+名)', r'分别为2,105名和([\d,]+名)'], max),
    'cross53-02': (['邳州', '铜山'], [r'青年之家达到(\d+)个', r'总数达到(\d+)个'], max),
    'cross53-03': (['铜山', '邳州', '睢宁'], [r'发放([\d,]+万元)'] * 3, max),
    'cross53-04': (['铜山', '邳州', '贾汪'], [r'志愿者(?:达到)?([\d.]+万名)'] * 3, max),
    'cross53-05': (['全市', '睢宁'], [r'不良率控制在([\d.]+‰)', r'（([\d.]+‰)）'], min),
    'cross53-08': (['铜山', '邳州', '贾汪'], [r'新发展团员计划([\d,]+名)', r'全年计划([\d,]+名)', r'新发展团员(\d+名)'], max),
    'cross53-10': (['铜山', '睢宁'], [r'女性([\d,]+名)'] * 2, max),
    'cross53-11': (['铜山', '睢宁'], [r'农村(\d+个)'] * 2, max),
    'cross53-12': (['睢宁', '贾汪'], [r'^\| (\d+) \|'] * 2, min),
}
TOTALS = {'cross53-06': [r'分别为2,105名和([\d,]+名)', r'新发展团员([\d,]+名)', r'新发展团员([\d,]+名)', r'新发展团员(\d+名)'],
          'cross53-07': [r'总数达到(\d+个)', r'青年之家(\d+个)', r'青年之家达到(\d+个)'],
          'cross53-09': [r'新建青年之家(\d+个)', r'新建青年之家(\d+个)', r'新建青年之家(\d+个)']}
MENTION = {'cross53-13': '许慕白', 'cross53-14': '李沐辰', 'cross53-15': '潘安湖', 'cross53-16': '中国矿业大学'}
for c in CR:
    if set(c) != {'id', 'type', 'kind', 'question', 'answers', 'docs', 'evidence'} or c['type'] != 'cross': err(f'{c.get("id")} keys')
    if c['kind'] not in {'compare', 'rank', 'list', 'mention', 'trend', 'total'}: err(f'{c["id"]} kind')
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
        if got != sorted(c['answers']) or got != sorted(SHORT[d_] for d_ in c['docs']): err(f'{i} mention {got}')
    if c['kind'] == 'list':
        got = sorted(SHORT[f] for f, t in TXT.items() if '江苏省五四红旗团委' in t)
        if got != sorted(SHORT[d_] for d_ in c['docs']) or not all('江苏省五四红旗团委' in e for e in c['evidence']): err(f'{i} list')
    if c['kind'] == 'trend':
        ups = []
        for e in c['evidence']:
            m = re.search(r'分别为([\d.]+)亿元和([\d.]+)亿元', e) or re.search(r'([\d,]+) ([\d,]+) [\d,]+$', e)
            if m: ups.append(num(m.group(2)) > num(m.group(1)))
            m = re.search(r'降至([\d.]+)‰，比上年的([\d.]+)‰', e)
            if m: ups.append(Dd(m.group(1)) > Dd(m.group(2)))
        want = all(ups) if '增加' in c['answers'][0] else not any(ups)
        if not ups or not want: err(f'{i} trend {ups}')

# ---------- counts ----------
tc = collections.Counter(x['type'] for x in GOLD)
en = [x for x in GOLD if re.match(r'^[A-Za-z]', x['question'])]
print('reports:', len(TXT), dict(ext), '市委 non-space chars (paragraphs):', longlen)
print('gold:', len(GOLD), dict(tc.most_common()), f'unanswerable {tc["unanswerable"] / len(GOLD):.1%}')
print('english:', len(en), f'{len(en) / len(GOLD):.1%}', 'of them unanswerable', sum(x['type'] == 'unanswerable' for x in en))
pr_ = collections.Counter(SHORT.get(x['doc'], '(none)') for x in GOLD)
print('per report:', dict(pr_.most_common()))
tb_ = collections.defaultdict(collections.Counter)
for x in GOLD:
    if x['doc']: tb_[SHORT[x['doc']]][x['type']] += 1
for k in SHORT.values(): print('  ', k, dict(tb_[k].most_common()))
print('followups:', len(FU), 'conversations,', sum(len(c['turns']) for c in FU), 'turns', [len(c['turns']) for c in FU],
      'unanswerable turns', sum(t['type'] == 'unanswerable' for c in FU for t in c['turns']))
print('cross:', len(CR), dict(collections.Counter(c['kind'] for c in CR)))
if ERR:
    for e in ERR: print('ERROR', e)
    print(f'FAILED: {len(ERR)} errors'); sys.exit(1)
print('OK: all checks passed')
