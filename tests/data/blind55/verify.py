#!/usr/bin/env python3
"""Independent checker for blind55. Reads only reports/ and the three jsonl files."""
import os, re, json, glob, collections, datetime, html as H
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
        s = re.sub(r'<(/?)(p|div|h\d|li|tr|br|ul|ol|title|nav|footer|aside|dt|dd|dl)\b[^>]*>', '\n', s)
        return H.unescape(re.sub(r'<[^>]+>', '', s))
    b = open(path, 'rb').read()
    if path.endswith('.txt'):
        try: return b.decode('utf-8')
        except UnicodeDecodeError: return b.decode('gb18030').replace('\r\n', '\n')
    return b.decode('utf-8')

FW = str.maketrans('０１２３４５６７８９．％＋－', '0123456789.%+-')
def norm(s):
    """whitespace removed, full-width digits/signs made half-width, markdown bold and table pipes dropped"""
    return re.sub(r'\s+', '', s.translate(FW)).replace('**', '')

def load_texts():
    return {os.path.basename(p): text_of(p) for p in sorted(glob.glob(os.path.join(RD, '*')))}

SHORT = {'市': 'haerbin_2024_tuanshiwei_quanhui_gongzuo_baogao.docx', '讲': 'haerbin_2025_yadonghui_zhiyuan_biaozhang_jianghua.docx',
         '细': 'haerbin_2025_quxian_tuangongzuo_kaohe_xize.docx', '工': 'heu_2025_yadonghui_zhiyuan_fuwu_diaoyan_baogao.pdf',
         '尚': 'shangzhi_2025_di6zhou_bingxueji_zhiyuan_zhoubao.txt', '五': 'wuchang_2025_fanjiaxiang_baoming_tongzhi.txt',
         '道': 'daoli_2025_bingcheng_nuanxin_yizhan_news.html', '账': 'haerbin_2025_zhongdian_renwu_taizhang.md'}
TITLES = {'市': ['凝聚冰城青春力量　在服务龙江全面振兴中勇挑重担'], '讲': ['在第九届亚冬会城市志愿服务总结表彰会上的讲话', '亚冬会城市志愿服务总结表彰会上的讲话'],
          '细': ['2025年度区县（市）共青团工作考核细则'], '工': ['哈尔滨工程大学学生参与亚冬会冰雪志愿服务情况调研报告'],
          '尚': ['尚志共青团冰雪季志愿服务统计周报'], '五': ['关于开展2025年暑期大学生“返家乡”社会实践活动的报名通知'],
          '道': ['道里区：14个“冰城暖心驿站”守护中央大街'], '账': ['共青团哈尔滨市委2025年重点工作任务推进台账']}
# key terms of unanswerable gold questions: each question must contain one; each must be absent from every report
ABSENT = ['齐齐哈尔', '牡丹江', '大庆', '佳木斯', '绥化', '鸡西', '伊春', '鹤岗', '七台河', '黑河', '2019年', '18年', '2018年', '团青比', '不良率',
          '黑龙江大学', '东北农业大学', '哈尔滨商业大学', '哈尔滨医科大学', '博士生', '第8周', '第4周', '门票', '3号驿站', '2号驿站', '少先队员',
          '青年夜校', '香坊区团委书记', '团南岗区委书记', '松北区团委书记', '团委副书记', '价格', '雪乡', '镜泊湖', '扎龙', '漠河', '2009年',
          '冬奥会', '团省委书记', '黑龙江省', '2026年团员发展计划', '2026年注册志愿者', '少先队工作', '尚志团市委书记', '五常团市委书记', '录取率',
          '研究生岗位', '哈尔滨工业大学受访者', '东北林业大学调研', '大一', '平均年龄', '道外区亚冬会', '点赞', '心理咨询师', '一季度活动场次',
          '机关编制', '一季度募款', '抖音', '依兰县新发展团员女', '宾县团员发展完成率', '巴彦县2023年', '方正县团员发展差', '延寿县考核',
          '2024年考核排名', '阿城区考核', '平房区青马班', '双城区12355', '道里区希望工程', '南岗区青创贷', '松北区河小青', '木兰县西部计划', '挂职干部名单']
EN_ABSENT = {'Qiqihar': '齐齐哈尔', '2019': '2019', 'Heilongjiang University': '黑龙江大学', 'ticket price': '门票', 'secretary of Xiangfang': '香坊区团委书记',
             'Jingpo Lake': '镜泊湖', 'non-performing': '不良率', 'PhD': '博士生', 'Young Pioneers': '少先队员', '2026 target': '2026年团员发展计划',
             'week 8': '第8周', 'secretary of Wuchang': '五常团市委书记'}

CD = dict(zip('〇零一二两三四五六七八九', [0, 0, 1, 2, 2, 3, 4, 5, 6, 7, 8, 9]))
def cn_int(s):
    """Chinese numeral to int; a trailing digit after 万/千/百 is the next lower unit (spoken 四万三千八 = 43800)"""
    total, sec, num, last = 0, 0, 0, 1
    for ch in s:
        if ch in CD: num = CD[ch]
        elif ch == '十': sec += (num or 1) * 10; num = 0; last = 10
        elif ch == '百': sec += num * 100; num = 0; last = 100
        elif ch == '千': sec += num * 1000; num = 0; last = 1000
        elif ch == '万': total += (sec + num) * 10000; sec = num = 0; last = 10000
    return total + sec + num * (last // 10 if last > 10 else 1)
def value(s):
    s = s.translate(FW).replace(',', '')
    if s.startswith('零下'):
        v = value(s[2:])
        return -v if v is not None else None
    m = re.match(r'^(\d+)/(\d+)$', s)
    if m: return D(m.group(1)) / D(m.group(2))
    m = re.search(r'[-+]?\d+(?:\.\d+)?', s)
    if m:
        v = D(m.group()); rest = s[m.end():]
        if rest.startswith('%'): return v / 100
        if rest.startswith('万'): return v * 10000
        if rest.startswith('亿'): return v * 100000000
        return v
    m = re.search(r'([一二两三四五六七八九十])成', s)
    if m: return D(cn_int(m.group(1))) / 10
    m = re.search(r'([一二三四五六七八九十])分之([一二三四五六七八九十])', s)
    if m: return D(cn_int(m.group(2))) / D(cn_int(m.group(1)))
    m = re.match(r'^[零一二两三四五六七八九十百千万]+', s)
    if m and not s.startswith('零下'): return D(cn_int(m.group()))
    return None
def bare(s):
    m = re.search(r'\d+(?:\.\d+)?', s.translate(FW).replace(',', ''))
    return D(m.group()) if m else None
def pct(a, b, nd=1): return (D(a) / D(b) * 100).quantize(D(10) ** -nd, ROUND_HALF_UP)
def num(s): return D(s.translate(FW).replace(',', ''))

def in_ev(a, ev):
    n_ev = norm(ev).replace(',', '')
    if norm(a).replace(',', '') in n_ev: return True
    v = value(a)
    if v is None: return False
    toks = re.findall(r'[-+]?\d+(?:\.\d+)?[万亿%]?', ev.translate(FW).replace(',', ''))
    if any(value(t) == v for t in toks): return True
    b = bare(a)
    return b is not None and any(bare(t) == b for t in toks)
def variant_ok(o, a0, ev):
    if in_ev(o, ev) or norm(o) in norm(a0): return True
    v0, vo = value(a0), value(o)
    if v0 is not None and vo is not None and v0 != 0 and abs(vo / v0 - 1) < D('0.0001'): return True
    if v0 is None or vo is None: return False
    return vo == v0 or bare(o) == bare(a0) or vo == v0 * 10000 or vo * 10000 == v0

YESNO = {'没有', '是', '能', '已完成', '不承担'}

def main():
    TXT = load_texts()
    T = {k: TXT.get(v, '') for k, v in SHORT.items()}
    if sorted(TXT) != sorted(SHORT.values()): err(f'report set {sorted(TXT)}')
    def need(s, x):
        if norm(x) not in norm(T[s]): err(f'{s} lacks {x}')
    def row(s, first):
        r = [l.split() for l in T[s].split('\n') if l.split()[:1] == [first]]
        if len(r) != 1: err(f'{s} row {first}: {len(r)} matches'); return None
        return r[0]
    # ---------------- declared computations (answer not written in the text) ----------------
    R1 = {u: row('市', u) for u in ['道里区', '南岗区', '道外区', '平房区', '松北区', '香坊区', '呼兰区', '阿城区', '双城区', '依兰县', '方正县',
                                  '宾县', '巴彦县', '木兰县', '通河县', '延寿县', '尚志市', '五常市', '市直及驻哈高校', '全市合计']}
    newv = lambda u: num(R1[u][1].split('（')[0])
    Y = {y: row('市', f'{y}年') for y in range(2020, 2025)}
    ST = {u: row('讲', u) for u in ['道里区', '南岗区', '道外区', '香坊区', '松北区', '平房区', '阿城区', '呼兰区', '双城区', '尚志市', '其他县（市）', '合计']}
    RB = {r[0]: r for r in (l.split() for l in T['细'].split('\n')) if r and r[0].isdigit() and len(r) >= 5}
    LK = {r[0]: r for r in (l.split() for l in T['工'].split('\n')) if len(r) == 5 and all(re.match(r'^\d+\.\d$', x) for x in r)}
    lines = T['工'].split('\n')
    LKR = {}
    for i, l in enumerate(lines):
        if re.match(r'^[\d.]+$', l.strip()) and i >= 2 and not re.match(r'^[\d.]+$', lines[i - 1].strip()):
            LKR[lines[i - 2].strip()] = [D(x) for x in lines[i:i + 5]]
    sem = datetime.date(2025, 2, 24)
    week = lambda n: (sem + datetime.timedelta(days=7 * (n - 1)), sem + datetime.timedelta(days=7 * n - 1))
    w3, w4 = week(3)[0], week(4)[1]
    fmt = lambda d: f'{d.month}月{d.day}日'
    COMPUTED = {
        '道里和南岗新发展团员加起来多少': f'{newv("道里区") + newv("南岗区"):,}名',
        '南岗比道里多发展多少团员': f'{newv("南岗区") - newv("道里区")}名',
        '9个区的返家乡岗位一共多少': f'{sum(num(R1[u][4]) for u in list(R1)[:9]):,}个',
        '18个区县（市）新发展团员合计': f'{sum(newv(u) for u in list(R1)[:18]):,}名',
        '希望工程24年比23年多募了多少': f'{num(Y[2024][5]) - num(Y[2023][5])}万元',
        '12355咨询量24年比20年多了多少人次': f'{num(Y[2024][4]) - num(Y[2020][4]):,}人次',
        '南岗和松北站点加起来几个': f'{num(ST["南岗区"][1]) + num(ST["松北区"][1])}个',
        '道里区上岗志愿者比道外多多少人': f'{num(ST["道里区"][2]) - num(ST["道外区"][2])}人',
        '组织部负责的考核项目一共多少分': f'{sum(int(r[2]) for r in RB.values() if r[-1] == "组织部")}分',
        '按三分之一算优秀最多几个': f'{18 // 3}个',
        '岗位安排满意合计多少': f'{sum(LKR["岗位安排"][:2])}%',
        '防寒装备不满意加起来多少': f'{sum(LKR["防寒装备"][3:])}%',
        '参加过赛会服务的受访者里约多少人愿意继续参加': f'约{int(D(474) * D("0.703"))}人',
        '寻人寻物比上周多了几起': f'{57 - 23}起',
        '返家乡补贴最多能拿多少': f'{80 * 20:,}元', '最多能拿多少': f'{80 * 20:,}元',
        '实践10天能拿多少补贴': f'{80 * 10}元',
        '道里驿站志愿者来自街道社区的有多少': f'{2180 - 1306}名',
        '讲师团还差多少场完成全年目标': f'{1500 - 686}场',
        '驿站改造还剩几个没完成': f'{30 - 18}个',
        '台账里一共有几项任务已完成': f'{T["账"].count("- [x]") - 1}项',
        '台账一共列了多少项任务': f'{T["账"].count("- [x]") + T["账"].count("- [ ]") - 2}项',
        '讲话中提到的下一步想法有几点': '三点',
        '问卷调查是哪几天做的': f'{fmt(w3)}至{fmt(w4)}',
    }
    need('讲', '第一，队伍不能散'); need('讲', '第二，站点不能撤'); need('讲', '第三，经验要留下来')
    if '第四，' in T['讲']: err('speech has a 第四')
    need('道', '组织2,180名城市志愿者'); need('五', '按每人每天80元标准发放，最长不超过20天'); need('账', '上半年已完成686场')
    # ---------------- jsonl ----------------
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
        if x['id'] != f'b55-q{i:03d}': err(f'id order {x["id"]}')
    used = set()
    def check(x, where, gold=True):
        if set(x) != {'id', 'question', 'answers', 'doc', 'evidence', 'type'}: err(f'{where} keys {sorted(x)}'); return
        if x['type'] not in TYPES: err(f'{where} type {x["type"]}'); return
        if x['type'] == 'unanswerable':
            if x['answers'] or x['doc'] != '' or x['evidence'] != '': err(f'{where} unanswerable with content')
            if gold:
                keys = [k for k in ABSENT if k in x['question']] + [v for k, v in EN_ABSENT.items() if k in x['question']]
                if not keys: err(f'{where} unanswerable without a declared key term: {x["question"]}')
                for k in keys:
                    for fn, t in TXT.items():
                        if norm(k) in norm(t): err(f'{where} key {k} occurs in {fn}')
            return
        if x['doc'] not in TXT: err(f'{where} unknown doc {x["doc"]}'); return
        ev, a = x['evidence'], x['answers']
        if not ev or norm(ev) not in norm(TXT[x['doc']]): err(f'{where} evidence not in doc: {ev[:60]}'); return
        if not a or len(set(a)) != len(a): err(f'{where} empty/repeated answers'); return
        q = x['question']
        if q in COMPUTED:
            used.add(q)
            if norm(a[0]).replace(',', '') != norm(COMPUTED[q]).replace(',', ''): err(f'{where} computed {a[0]} != {COMPUTED[q]}')
            return
        if a[0] in YESNO and norm(a[0]) not in norm(ev):  # a yes/no or status gloss: the next answer must be verbatim in the evidence
            if len(a) < 2 or not any(norm(o) in norm(ev) for o in a[1:]): err(f'{where} gloss {a[0]} without a verbatim alternative')
            return
        if x['type'] == 'list':
            for p in (a[1:] if len(a) > 1 else a):
                if not in_ev(p, ev): err(f'{where} list item {p} not in evidence')
        elif x['type'] == 'numeric':
            if not in_ev(a[0], ev): err(f'{where} answer {a[0]} not in evidence {ev[:80]}')
            for o in a[1:]:
                if re.match(r'^[A-Za-z\u4e00-\u9fff（）“”]+$', o) and value(o) is None: continue
                if not variant_ok(o, a[0], ev): err(f'{where} variant {o} vs {a[0]}')
        else:
            if norm(a[0]) not in norm(ev): err(f'{where} answer {a[0]} not in evidence {ev[:80]}')
    for x in GOLD: check(x, x['id'])
    for c in FU:
        if set(c) != {'id', 'corpus', 'turns'} or c['corpus'] != 'reports': err(f'{c["id"]} keys/corpus')
        if not 5 <= len(c['turns']) <= 8: err(f'{c["id"]} has {len(c["turns"])} turns')
        if not any(t['type'] == 'unanswerable' for t in c['turns']): err(f'{c["id"]} lacks an unanswerable turn')
        for j, t in enumerate(c['turns'], 1):
            if t['id'] != f'{c["id"]}-t{j}': err(f'{t["id"]} order')
            check(t, t['id'], gold=False)
    if not 8 <= len(FU) <= 10: err(f'{len(FU)} conversations')
    for k in set(COMPUTED) - used: err(f'computed question not used: {k}')
    # ---------------- cross ----------------
    CROSS_EXPECT = {
        '2024年返家乡岗位，五常比尚志多多少个？': str(260 - 200) + '个',
        '道里、尚志两地24年新发展团员加起来多少？': f'{1486 + 912:,}名',
        '道里和尚志的亚冬会城市志愿服务站点一共几个？': f'{14 + 6}个',
        '全市注册志愿者25年目标52万，到6月底还差多少？': f'{D("52") - D("51.12")}万名',
        '注册青年志愿者从24年底到25年6月底变化多少？': f'增加{D("51.12") - num(Y[2024][2])}万名',
        '第十期和第十一期青马骨干班学员各多少，多了几名？': f'152名和160名，多{160 - 152}名',
        '道里驿站的上岗志愿者和尚志累计上岗志愿者哪个多，多多少？': '道里',
    }
    KINDS = {'compare', 'rank', 'list', 'total', 'mention', 'trend'}
    for c in CR:
        w = c['id']
        if set(c) != {'id', 'type', 'kind', 'question', 'answers', 'docs', 'evidence'} or c['type'] != 'cross': err(f'{w} keys'); continue
        if c['kind'] not in KINDS: err(f'{w} kind {c["kind"]}')
        if len(c['docs']) != len(c['evidence']) or len(set(c['docs'])) < 2: err(f'{w} docs/evidence')
        for d, e in zip(c['docs'], c['evidence']):
            if d not in TXT or norm(e) not in norm(TXT[d]): err(f'{w} evidence not in {d}: {e[:50]}')
        if c['kind'] in ('mention', 'list') and '报告' in c['question'] or c['kind'] == 'mention':
            short = {v: k for k, v in SHORT.items()}
            for d in c['docs']:
                if not any(t in c['answers'] for t in TITLES[short[d]]): err(f'{w} title of {d} missing from answers')
            for a in c['answers']:
                if not any(a in TITLES[s] for s in TITLES): err(f'{w} answer {a} is not a report title')
            # the mentioned term must occur in exactly the listed docs
            term = re.search(r'提到了?(.+?)[？?]', c['question']).group(1)
            has = sorted(fn for fn, t in TXT.items() if term in t.translate(FW))
            if has != sorted(c['docs']): err(f'{w} term {term} occurs in {has}')
        if c['question'] in CROSS_EXPECT and norm(CROSS_EXPECT[c['question']]) not in norm(c['answers'][0]): err(f'{w} expected {CROSS_EXPECT[c["question"]]}')
    if not 15 <= len(CR) <= 20: err(f'{len(CR)} cross questions')
    # ---------------- formats ----------------
    ext = collections.Counter(f.rsplit('.', 1)[1] for f in TXT)
    if ext != collections.Counter({'docx': 3, 'txt': 2, 'pdf': 1, 'html': 1, 'md': 1}): err(f'formats {ext}')
    raw = open(os.path.join(RD, SHORT['尚']), 'rb').read()
    try: raw.decode('utf-8'); err('尚志 txt is valid UTF-8 (should be GB18030)')
    except UnicodeDecodeError: pass
    if b'\r\n' not in raw or raw.replace(b'\r\n', b'').count(b'\n'): err('尚志 txt not pure CRLF')
    if re.search(r'[0-9]', T['尚'].replace(',', '')): err('尚志 txt has half-width digits')
    open(os.path.join(RD, SHORT['五']), encoding='utf-8').read()
    import docx
    for s in ['市', '讲', '细']:
        if not docx.Document(os.path.join(RD, SHORT[s])).tables: err(f'{s} docx has no table')
    d = docx.Document(os.path.join(RD, SHORT['市']))
    nch = len(re.findall(r'[\u4e00-\u9fff]', ''.join(p.text for p in d.paragraphs)))
    if nch < 3500: err(f'市 long report has only {nch} Chinese characters')
    if b'STSong-Light' not in open(os.path.join(RD, SHORT['工']), 'rb').read(): err('pdf font')
    hs = open(os.path.join(RD, SHORT['道']), encoding='utf-8').read()
    for k in ['<nav', 'breadcrumb', '来源：', '发布时间：', '相关新闻', '<footer', '责任编辑', '上一篇', '<dl class="factbox">', '图为']:
        if k not in hs: err(f'html lacks {k}')
    art = re.search(r'<div class="content">(.*?)</div>', hs, re.S).group(1)
    for dec in ['冰雪大世界设立8个', '红马甲', '萧红故居', '航空青年', '春风行动']:
        if dec in art: err(f'decoy {dec} inside article')
        if dec not in hs: err(f'decoy {dec} missing')
    # ---------------- consistency ----------------
    U19 = list(R1)[:19]
    for i, lab in [(2, '青年之家'), (3, '志愿者'), (4, '返家乡')]:
        s = sum(num(R1[u][i]) for u in U19 if R1[u][i] != '—')
        if s != num(R1['全市合计'][i]): err(f'表2 {lab} sum {s} != {R1["全市合计"][i]}')
    tot = sum(newv(u) for u in U19)
    if tot != newv('全市合计'): err(f'表2 new sum {tot}')
    shs = D(0)
    for u in U19:
        sh = D(re.search(r'（([\d.]+)%）', R1[u][1]).group(1)); shs += sh
        if sh != pct(newv(u), tot): err(f'表2 share {u}')
    if shs == 100: err('shares sum to exactly 100 but the note says otherwise')
    need('市', f'全年新发展团员{tot:,}名，完成年度计划21,800名的{pct(tot, 21800)}%，比2023年多发展{tot - num(Y[2023][1]):,}名')
    need('市', f'全市青年之家总数达到{R1["全市合计"][2]}个，比上年新建{num(R1["全市合计"][2]) - num(Y[2023][3])}个')
    need('市', f'注册青年志愿者达到{R1["全市合计"][3]}万名，比上年底增加{num(R1["全市合计"][3]) - num(Y[2023][2])}万名')
    need('市', f'寒暑假共提供实践岗位{num(R1["全市合计"][4]):,}个')
    if [Y[2024][i] for i in (1, 2, 3)] != [f'{tot:,}', R1['全市合计'][3], R1['全市合计'][2]]: err('表1 2024 row vs 表2 合计')
    need('市', f'12355青少年服务台全年接听咨询{Y[2024][4]}人次'); need('市', f'希望工程全年募集资金{Y[2024][5]}万元'); need('市', f'累计募款{Y[2024][6]}万元')
    cum = D(0)
    for y in range(2020, 2025):
        cum += num(Y[y][5])
        if num(Y[y][6]) != cum: err(f'表1 cumulative {y}')
    top = sorted(list(R1)[:18], key=lambda u: -num(R1[u][4]))[:2]
    if top != ['南岗区', '道里区']: err(f'返家乡 top2 {top}')
    if min(list(R1)[:18], key=newv) != '木兰县' or min(list(R1)[:18], key=lambda u: num(R1[u][2])) != '木兰县': err('木兰 minima')
    if max(list(R1)[:18], key=newv) != '南岗区' or max(list(R1)[:18], key=lambda u: num(R1[u][3])) != '南岗区': err('南岗 maxima')
    need('市', '其中高校学员64名、企业青年38名、农村青年22名、机关事业单位青年28名'); assert 64 + 38 + 22 + 28 == 152
    need('市', '驻哈高校选派赛会志愿者5,960名，其中哈尔滨工程大学1,850名、哈尔滨工业大学2,120名、东北林业大学980名，其余高校1,010名')
    if 1850 + 2120 + 980 + 1010 != 5960: err('赛会志愿者 parts')
    # speech table
    s_sta = sum(num(ST[u][1]) for u in list(ST)[:-1]); s_vol = sum(num(ST[u][2]) for u in list(ST)[:-1]); s_hr = sum(num(ST[u][3]) for u in list(ST)[:-1])
    if (s_sta, s_vol, s_hr) != tuple(num(x) for x in ST['合计'][1:4]): err('speech table sums')
    for u, r in ST.items():
        if num(r[4]) != (num(r[3]) / num(r[2])).quantize(D('0.1'), ROUND_HALF_UP): err(f'人均 {u}')
    if max(list(ST)[:-1], key=lambda u: num(ST[u][4])) != '尚志市': err('人均 max')
    if max(list(ST)[:-1], key=lambda u: num(ST[u][1])) != '南岗区': err('站点 max')
    need('市', f'设立城市志愿服务站点{s_sta}个，城市志愿者累计服务时长{s_hr:,}小时'); need('市', f'择优招募城市志愿者{s_vol:,}名')
    need('讲', '一万二千三百六十名城市志愿者，守在八十六个站点上'); assert cn_int('一万二千三百六十') == s_vol and cn_int('八十六') == s_sta
    need('讲', '四万三千八百人'); need('市', '报名人数达4.38万人'); need('讲', '百分之九十二点四'); need('市', '青年占92.4%')
    need('讲', '零下三十一度'); need('市', '零下31℃'); need('尚', '为-31℃'); need('道', '零下29℃'); need('讲', '提供服务四十八万六千人次'); need('市', '48.6万人次')
    # 道里 across reports
    need('道', f'=上岗志愿者 {ST["道里区"][2]}人'.lstrip('=')) if False else None
    for k, v in [('站点数量', ST['道里区'][1] + '个'), ('上岗志愿者', ST['道里区'][2] + '人'), ('服务时长', ST['道里区'][3] + '小时')]: need('道', k + v)
    need('道', f'2024年道里区新发展团员{R1["道里区"][1].split("（")[0]}名，建成青年之家{R1["道里区"][2]}个，注册青年志愿者{R1["道里区"][3]}万名')
    need('讲', '受表彰的站点里，道里区有四个')
    # 尚志 across reports
    need('尚', f'全市{ST["尚志市"][1]}个城市志愿服务站点'); need('尚', f'冰雪季累计上岗志愿者{ST["尚志市"][2]}人')
    need('尚', f'全市新发展团员{newv("尚志市")}名，青年之家{R1["尚志市"][2]}个，注册青年志愿者{R1["尚志市"][3]}万名，提供“返家乡”岗位{R1["尚志市"][4]}个')
    for a, b, c in [(412, 236, '74.6'), (D('3.86'), D('1.52'), '153.9'), (8652, 4318, '100.4')]:
        if str(pct(D(a) - D(b), b)) != c: err(f'尚志 环比 {a}/{b}')
        need('尚', f'周环比+{c}%')
    if D('1.48') + D('0.96') + D('0.62') + D('0.80') != D('3.86'): err('尚志 stations sum')
    # 五常
    need('五', f'我市共提供“返家乡”社会实践岗位{R1["五常市"][4]}个'); need('五', '（党政机关岗位60个、企事业单位岗位90个、社会组织岗位40个、乡镇（街道）岗位110个），比上年增加40个')
    if 60 + 90 + 40 + 110 != 300 or 300 - num(R1['五常市'][4]) != 40: err('五常 岗位')
    if datetime.date(2025, 7, 3).weekday() != 3: err('7月3日 is not 星期四')
    if (datetime.date(2025, 8, 15) - datetime.date(2025, 7, 7)).days + 1 < 20: err('实践期 shorter than 20 days')
    # calendar: ISO weeks and 农历
    for wk, a, b in [(5, (1, 27), (2, 2)), (6, (2, 3), (2, 9)), (7, (2, 10), (2, 16))]:
        da, db = datetime.date(2025, *a), datetime.date(2025, *b)
        if da.isocalendar()[1:] != (wk, 1) or db.isocalendar()[1:] != (wk, 7): err(f'ISO week {wk}')
        need('尚', f'第{wk}周'); need('尚', f'{a[0]}月{a[1]}日—{b[0]}月{b[1]}日')
    LUN = {(1, 27): '腊月二十八', (2, 2): '正月初五', (2, 3): '正月初六', (2, 9): '正月十二', (2, 7): '正月初十', (2, 12): '正月十五'}
    try:
        from lunardate import LunarDate
        names = '初一 初二 初三 初四 初五 初六 初七 初八 初九 初十 十一 十二 十三 十四 十五 十六 十七 十八 十九 二十 廿一 廿二 廿三 廿四 廿五 廿六 廿七 廿八 廿九 三十'.split()
        for (m, dd), lab in LUN.items():
            l = getattr(LunarDate, 'from_solar_date', None)(2025, m, dd)
            mon = {12: '腊月', 1: '正月'}[l.month]
            day = names[l.day - 1].replace('廿', '二十') if l.day > 20 else names[l.day - 1]
            if mon + day != lab: err(f'农历 {m}/{dd}: {mon}{day} != {lab}')
        if getattr(LunarDate, 'from_solar_date', None)(2024, 12, 21).month != 11: err('冬至 month')
    except ImportError:
        print('(lunardate not installed: 农历 check skipped)')
    for lab in LUN.values(): need('尚', lab)
    if (datetime.date(2025, 3, 10), datetime.date(2025, 3, 23)) != (w3, w4): err('teaching weeks')
    # 考核细则
    if sum(int(r[2]) for r in RB.values()) != 100 or len(RB) != 12: err('rubric points')
    need('细', '基础分合计 100'); need('细', '全市18个区县（市）团委')
    # survey
    for k, r in LKR.items():
        if sum(r) != 100: err(f'Likert {k} sums to {sum(r)}')
    sat = {k: sum(r[:2]) for k, r in LKR.items()}
    order = sorted(sat, key=lambda k: -sat[k])
    if order[:2] != ['总体评价', '岗前培训'] or order[-1] != '交通接驳': err(f'satisfaction order {order}')
    need('工', f'总体评价（{sat["总体评价"]}%），其次是岗前培训（{sat["岗前培训"]}%）'); need('工', f'合计达{sum(LKR["交通接驳"][3:])}%')
    if sum(LKR['交通接驳'][3:]) <= max(sum(r[3:]) for k, r in LKR.items() if k != '交通接驳'): err('交通接驳 not the least satisfied')
    need('工', f'有效率{pct(1260, 1320)}%'); need('工', f'474名参加过亚冬会赛会志愿服务，占{pct(474, 1260)}%')
    if 735 + 525 != 1260 or 1008 + 252 != 1260 or D('37.6') + D('21.4') + D('41.0') != 100: err('survey parts')
    need('工', f'比参加前的意愿调查（58.9%）提高{D("70.3") - D("58.9")}个百分点')
    # 台账 / 决算
    need('账', f'1—6月新发展9,864名，完成{pct(9864, 22500)}%'); need('市', '2025年全市新发展团员计划22,500名'); need('市', '注册青年志愿者突破52万名')
    need('账', '第十一期全市青马工程骨干班开班'); need('市', '举办第十一期全市青马工程骨干班，学员160名')
    tb = ta = D(0)
    for l in T['账'].split('\n'):
        c = [x.strip().strip('*') for x in l.strip('|').split('|')]
        if len(c) == 5 and re.match(r'^[\d.]+$', c[1]):
            b, a = D(c[1]), D(c[2])
            if c[0] == '合计':
                if (b, a) != (tb, ta): err('决算 合计')
            else:
                tb += b; ta += a
            if c[3] != f'{pct(a, b)}%' or D(c[4]) != b - a: err(f'决算 row {c[0]}')
    need('账', f'结余资金{tb - ta}万元')
    need('账', '完成时间：2月26日'); need('讲', '2025年2月26日'); need('账', '完成时间：3月20日'); need('细', '2025年3月20日')
    print(f'gold {len(GOLD)} (unanswerable {sum(x["type"] == "unanswerable" for x in GOLD)}, English {sum(bool(re.match(r"^[A-Za-z]", x["question"])) for x in GOLD)}), '
          f'followups {len(FU)} / {sum(len(c["turns"]) for c in FU)} turns, cross {len(CR)}')
    print(f'{len(ERR)} errors')
    for e in ERR: print(' -', e)

if __name__ == '__main__':
    main()
