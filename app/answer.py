"""Extractive answers: the clause that answers the question, its key value, and the citation.

No figure is ever produced that is not in a cited paragraph: values are cut out of the text.
A question whose content the best passages do not cover is refused (found=False).
"""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from ingest.schema import Answer, Citation

from . import conflict
from .lists import NUMERALS, enumerated, following_items
from .numbers import find_quantities
from .question import PEOPLE, Question
from .retrieve import Passage

# Refuse when the best passage covers less than this share of the question's content (idf-weighted).
MIN_COVERAGE = 0.62
MIN_COVERAGE_SUBJECT = 0.25
MIN_COVERAGE_LOOSE = 0.40  # which/what questions are paraphrased more freely than figures
MIN_DENSE = 0.20  # English questions: least question/clause similarity to answer
_UNIT_ALIAS = {"名": "人", "位": "人", "场次": "场", "次": "场"}
_CLAUSE = re.compile(r"[^,,;;。!?!?:]+[,,;;。!?!?:]*")
_SENTENCE = re.compile(r"[^。!?!?;;]+[。!?!?;;]*[”’」)]*")
_DATE = re.compile(r"(?:(?:19|20)\d{2}年)?\d{1,2}月(?:\d{1,2}日)?(?:上午|下午|晚上)?|(?:19|20)\d{2}年(?:\d{1,2}月)?")
_QUOTED = re.compile(r"《[^》]{2,60}》(?:《[^》]{2,60}》)*|“[^”]{2,40}”")
_ORG = re.compile(r"[\u4e00-\u9fff]{2,16}?(?:大学|学院|学校|中学|小学|协会|服务社|社|基金会|中心|委员会|团[省市区县]委|省委|市委|区委|局|厅|部|院|馆|站|公司|银行)")
_ENGLISH_ROLES = ((r"\bdeputy secretary\b", "副书记"), (r"(?<!deputy )\bsecretary\b", "书记"),
                  (r"\b(in charge|head|director|leader)\b", "负责人"), (r"\bfounder\b", "创始人"),
                  (r"\bchair(man|person)?\b", "主席"), (r"\breporter\b", "记者"))
_TOP_N = re.compile(r"[一二三四五六七八九十百]+大(?=[\u4e00-\u9fff])")
_ASKS_ORG = re.compile(r"哪[个家所](?:机构|单位|高校|大学|学校|组织|部门|协会)|哪家|哪所")
_HEAD = re.compile(r"(?:什么|哪个|哪项)([\u4e00-\u9fff]{1,3}?)[??]?$")
_COUNT = re.compile(r"哪([两二三四五六七八九])[个项类方面层次]")  # "由哪三个层次构成?"
_ROLES = ("书记", "负责人", "创始人", "主任", "会长", "局长", "部长", "主席", "记者", "老先生", "代表")


@dataclass(frozen=True)
class Candidate:
    score: float
    passage: Passage
    clause: tuple[int, int]
    value: str
    coverage: float  # idf-weighted share of the question's terms in the passage and its neighbours
    similarity: float = 0.0  # English questions: embedding similarity of question and clause


def clauses(text: str) -> list[tuple[int, int]]:
    return [m.span() for m in _CLAUSE.finditer(text) if m.group().strip()]


def extract(question: Question, passages: list[Passage], idf, similarity=None, context=None,
            doc_contains=None, paragraph_text=None, library: conflict.Library | None = None) -> Answer:
    """Pick the best (passage, clause, value); refuse when the evidence does not cover the question."""
    idf = functools.lru_cache(maxsize=None)(idf)  # the same few terms are weighed for every clause
    context = context or (lambda p: p.text)
    best_of = functools.partial(_best, question, idf=idf, similarity=similarity, context=context,
                                doc_contains=doc_contains)
    best = best_of(passages)
    if best is None:
        return refusal(question, passages)
    if question.kind == "list" and paragraph_text and (listed := _listed(question, best.passage, paragraph_text)):
        return listed
    if question.kind == "numeric":  # the same figure asked of the other reports about the same place
        found = conflict.readings(question, best, passages, best_of, context,
                                   lambda terms, text: _coverage(terms, text, idf), library)
        if len(found) > 1:
            return _disagreeing(question, found, passages)
    return _answer(question, best, passages)


def _best(question: Question, passages: list[Passage], idf, similarity, context, doc_contains) -> Candidate | None:
    """The best candidate among the passages, or None when it does not answer the question."""
    found = (c for c in _candidates(question, passages, idf, similarity, context) if not conflict.retracted(c))
    best = max(found, key=lambda c: c.score, default=None)
    if best is None or not _supported(question, best):
        return None
    if doc_contains and not all(doc_contains(best.passage.doc_id, place) for place in question.places):
        # "How many hours did Tongchuan volunteers log?" must not be answered from the Ningxia report.
        return None
    return best


def _listed(question: Question, p: Passage, paragraph_text) -> Answer | None:
    """"3支核心队伍分别是哪些?" about a paragraph whose items are the next paragraphs (一是…二是…三是…)."""
    items = following_items(p.doc_id, p.paragraph, paragraph_text)
    names = enumerated(question.text, p.text, items)
    if not names:
        return None
    value = "、".join(names)
    quotes = [_SENTENCE.match(text).group().strip() for _, text in items]
    text = f"{value}。原文:" + "".join(f"“{q}”" for q in quotes)
    cites = [Citation(p.source, p.title, p.date, p.paragraph, p.text, p.text, p.score)]
    cites += [Citation(p.source, p.title, p.date, n, t, q, p.score) for (n, t), q in zip(items, quotes)]
    return Answer(question.text, text, value, True, tuple(cites))


def _candidates(question: Question, passages: list[Passage], idf, similarity, context):
    top = passages[0].score if passages and passages[0].score else 1.0
    for passage in passages[:5]:
        # Reports narrate across paragraphs: the subject may be named one paragraph earlier.
        p_cov = _coverage(question.terms, passage.title + context(passage), idf)
        spans = clauses(passage.text)
        sims = _clause_sims(question, passage, spans, similarity) if question.english else None
        for i, span in enumerate(spans):
            # The clause itself counts most; its neighbours name the subject of a bare "1992年,".
            window = passage.text[spans[max(i - 1, 0)][0]: spans[min(i + 1, len(spans) - 1)][1]]
            clause = passage.text[span[0]:span[1]]
            c_cov = max(_coverage(question.terms, clause, idf), 0.8 * _coverage(question.terms, window, idf))
            base = 0.4 * p_cov + 0.4 * c_cov + 0.2 * passage.score / top
            sim = sims[i] if sims is not None else 0.0
            if sims is not None:
                base = 0.5 * base + 0.5 * sim
            before = passage.text[spans[max(i - 1, 0)][0]: span[1]]  # a count's subject comes before it
            for value, bonus in _values(question, passage.text, span, idf, before):
                yield Candidate(base + bonus, passage, span, value, p_cov, sim)


def _clause_sims(question, passage, spans, similarity):
    if similarity is None:
        return None
    return similarity(question.text, [passage.text[a:b] for a, b in spans])


def _values(question: Question, text: str, span: tuple[int, int], idf, window: str = ""):
    """(value, bonus) candidates inside a clause, by question type; ("", 0) where any clause will do."""
    clause = text[span[0]:span[1]]
    if question.kind == "numeric":
        subject = max(_partial(question.subject, clause), 0.9 * _partial(question.subject, window)) if question.subject else 1.0
        if subject < 0.5:
            return  # the clause counts something else ("2100余名爱心人士" for "多少留守儿童")
        for m in _TOP_N.finditer(clause):  # "评选十大平安青年卫士": 十大 counts the subject that follows
            following = clause[m.end():m.end() + len(question.subject) + 2]
            if question.subject and _partial(question.subject, following) >= 0.75:
                yield m.group(), 0.2 * subject
        for q in find_quantities(clause):
            if clause[q.end:q.end + 1] == "后" and not q.unit:
                continue  # "90后" is a generation, not a figure
            if _unit_fits(question, q.unit):
                before = clause[max(0, q.start - 10):q.start]
                # A bare figure ("粉丝6万") fits any unit, but a figure with the asked unit fits better.
                yield q.text.strip(), 0.1 * _coverage(question.terms, before, idf) + 0.2 * subject + 0.1 * bool(q.unit)
    elif question.kind == "date":
        day = re.search(r"哪天|哪一天|几号|几月几日", question.text)
        year = re.search(r"哪一?年|what year|which year", question.text.lower())
        for m in _DATE.finditer(clause):
            has_day = "日" in m.group()
            if (day and not has_day) or (year and "年" not in m.group()):
                continue
            yield m.group(), 0.05
    elif question.kind == "person":
        for name in _people(clause, question.text):
            yield name, 0.1
    elif question.kind == "name":
        found = [m.group().strip("“”") for m in _QUOTED.finditer(clause) if m.group().strip("“”《》") not in question.text]
        yield from ((v, 0.05) for v in found[:1])
        yield from _named(question, clause)
        yield "", 0.0
    elif question.kind in ("entity", "list"):
        orgs = [m.group() for m in _ORG.finditer(clause) if m.group() not in question.text]
        yield from ((v, 0.03) for v in orgs[:1])
        yield from _named(question, clause)
        if question.kind == "list" and re.search(r"、|和|及", clause):
            yield "", 0.15  # the enumeration a "哪两项/哪几个/分别是" question asks for
        elif not _ASKS_ORG.search(question.text):
            yield "", 0.0
    else:
        yield "", 0.0


def _named(question: Question, clause: str):
    """A quoted name the question points at: “1+3+X”行动 for "实施的是什么行动?", and for "由哪三个层次构成?"
    a quoted “中心—基础—补充” of three parts."""
    if head := _HEAD.search(question.text):
        yield from ((m.group(), 0.15) for m in re.finditer(r"“[^”]{1,30}”" + head.group(1), clause))
    if count := _COUNT.search(question.text):
        for m in _QUOTED.finditer(clause):
            if len(re.split(r"[—、-]+", m.group().strip("“”"))) == NUMERALS[count.group(1)]:
                yield m.group().strip("“”"), 0.35  # the count asked, in one quoted name: a strong sign


def _unit_fits(question: Question, unit: str) -> bool:
    if unit in ("年", "月", "日") and "年" not in question.units:
        return False  # dates are not counts
    if not question.units or (not unit and question.units <= PEOPLE):
        return True  # a bare figure can count people ("粉丝6万"), never money or a rate
    wanted = {_UNIT_ALIAS.get(u, u) for u in question.units}
    return _UNIT_ALIAS.get(unit, unit) in wanted


def _people(clause: str, question: str):
    """Names right after a role the question asks about ('团市委书记王娜', '负责人马希林')."""
    import jieba.posseg

    asked = re.findall(r"副?(?:" + "|".join(_ROLES) + ")", question)
    asked += [role for pattern, role in _ENGLISH_ROLES if re.search(pattern, question.lower())]
    roles = asked or list(_ROLES)
    for role in roles:
        for m in re.finditer(re.escape(role), clause):
            if role.startswith("副") is False and clause[max(0, m.start() - 1):m.start()] == "副":
                continue
            words = list(jieba.posseg.cut(clause[m.end():m.end() + 6]))
            if words and words[0].flag == "nr" and len(words[0].word) >= 2 and words[0].word not in question:
                yield words[0].word


def _partial(term: str, text: str) -> float:
    grams = _grams(term)
    return 1.0 if term in text else sum(g in text for g in grams) / len(grams) if len(term) > 2 else 0.0


def _coverage(terms, text: str, idf) -> float:
    """Share of the question's content, weighted by rarity, that a text contains.

    A word missing as a whole earns partial credit for its bigrams ("青年志愿者" vs "志愿者").
    """
    if not terms:
        return 0.0
    hit = total = 0.0
    for term in terms:
        grams = _grams(term)
        weight = sum(idf(g) for g in grams) / len(grams)
        total += weight
        hit += weight if term in text else weight * sum(g in text for g in grams) / len(grams) if len(term) > 2 else 0
    return hit / (total or 1.0)


def _grams(term: str) -> list[str]:
    if len(term) <= 2 or not "\u4e00" <= term[0] <= "\u9fff":
        return [term]
    return [term[i:i + 2] for i in range(len(term) - 1)]


def _supported(question: Question, best: Candidate) -> bool:
    passage = best.passage
    context = f"{passage.title} {passage.text} {passage.date}"
    if any(year not in context for year in question.years):
        return False  # a figure for another year is not an answer
    if question.kind in ("numeric", "date", "person") and not best.value:
        return False
    if question.english:  # terms are the Chinese glossary terms, when the question had any
        return best.similarity >= MIN_DENSE or (bool(question.terms) and best.coverage >= MIN_COVERAGE)
    if question.kind in ("entity", "name", "list", "open"):
        return best.coverage >= MIN_COVERAGE_LOOSE
    clause = passage.text[best.clause[0]:best.clause[1]]
    if question.subject and question.subject in clause:
        # The thing counted is named right next to the figure: wording elsewhere may differ freely.
        return best.coverage >= MIN_COVERAGE_SUBJECT
    return best.coverage >= MIN_COVERAGE


def _sentence(text: str, span: tuple[int, int]) -> tuple[int, int]:
    for m in _SENTENCE.finditer(text):
        if m.start() <= span[0] < m.end():
            return m.span()
    return span


def _answer(question: Question, best: Candidate, passages: list[Passage]) -> Answer:
    p = best.passage
    start, end = _sentence(p.text, best.clause)
    quote = p.text[start:end].strip()
    text = f"{best.value}。原文:“{quote}”" if best.value else quote
    if question.kind == "open":
        text = "\n".join(x.text for x in passages[:2])
    first = Citation(p.source, p.title, p.date, p.paragraph, p.text, quote, p.score)
    others = [_cite(x) for x in passages if (x.doc_id, x.paragraph) != (p.doc_id, p.paragraph)]
    return Answer(question.text, text, best.value, True, tuple([first] + others[:2]))


def _disagreeing(question: Question, found: list[Candidate], passages: list[Passage]) -> Answer:
    """Reports disagree: the newest figure, every figure with its report, each cited, newest first."""
    quotes = [x.passage.text[slice(*_sentence(x.passage.text, x.clause))].strip() for x in found]
    cites = [Citation(x.passage.source, x.passage.title, x.passage.date, x.passage.paragraph, x.passage.text, q,
                      x.passage.score, x.passage.origin) for x, q in zip(found, quotes)]
    shown = {(x.passage.doc_id, x.passage.paragraph) for x in found}
    others = [_cite(x) for x in passages if (x.doc_id, x.paragraph) not in shown]
    return Answer(question.text, conflict.summary(found, quotes), found[0].value, True, tuple(cites + others[:2]),
                  note=conflict.NOTE)


def refusal(question: Question, passages: list[Passage]) -> Answer:
    text = "资料中没有找到能回答这个问题的内容。" + ("以下是最接近的段落,供参考。" if passages else "知识库中还没有相关报告。")
    return Answer(question.text, text, "", False, tuple(_cite(p) for p in passages[:3]))


def _cite(p: Passage) -> Citation:
    return Citation(p.source, p.title, p.date, p.paragraph, p.text, "", p.score)
