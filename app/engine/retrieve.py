"""Hybrid retrieval: BM25 (weighted high) + dense search in Chroma + a document prior.

Scores are blended after normalising each to [0, 1]. The document prior is BM25 over whole
documents: a place or organisation named in the question (铜川, 团市委) is rare across reports,
so it lifts the paragraphs of the reports about it even when the paragraph itself never names
the place ("注册志愿者20357人" does not say 铜川). The lexical index is the node's on-disk base plus
the reports changed since (ingest/lexsync.py), caught up in a background thread; paragraph texts are
read from Chroma when a passage needs them.
"""
from __future__ import annotations

import json
import re
import unicodedata
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, replace
from pathlib import Path

import numpy as np

from ingest.lexstate import State
from ingest.lexsync import Follower
from ingest.script import fold

from .coverage import JARGON, WRITTEN_AS
from .people import roster_line, signed_line
from .periods import SECTION, part_heading, years
from .report_lines import paragraphs
from .scope import SCOPE_VERSION

_LATIN = re.compile(r"[A-Za-z]{3,}")
_PUNCT = re.compile(r"[。,,;;!?!?:：]")
HEADING_CHARS = 40
PARAGRAPHS_HELD = 4096  # paragraph texts remembered per state
PART_CHARS = 40  # a part heading's length at most ("第二部分  2025年工作要点")
WEIGHTS = {"lexical": 0.55, "dense": 0.25, "doc": 0.20}
DENSE_K = 50
DENSE_THREADS = 4  # searches whose dense side can run at once (one per question in flight)
REFRESH_SECONDS = 1.0  # how often to read the change log for reports another process changed
# An embedded index has no other writer while this process holds its lock, and its own writes call refresh():
# polling it each second cost answers 2.5x (bench-query at 10k: p50 56 ms against 23 ms), so only the drift check
# and a finished merge are looked for, rarely.
EMBEDDED_REFRESH_SECONDS = 60.0


@dataclass(frozen=True)
class Passage:
    """A retrieved paragraph with its best chunk."""

    doc_id: str
    source: str
    title: str
    date: str
    paragraph: int
    text: str  # the whole paragraph
    chunk: str  # the best-matching chunk inside it
    score: float
    origin: str = ""  # which upload (DocRecord.origin); "" from the command line or an older index
    section: str = ""  # the heading of the part it stands in ("三、2025年工作安排"), "" when none is near above
    period: str = ""  # the one year its report is about (scope.Report.main_years), "" when it is about several
    focus: str = ""  # the places its report is about (scope.Report.focus), their names and short names
    beside: bool = False  # from a report that covers the place asked beside its own (a city's 通报 of a county)


# Staff write years short ("宿迁23年新入团的", "那24年呢?"); reports write them whole. A span of years is no year:
# "实施14年累计", "开展27年来", "近10年间".
_SHORT_YEAR = re.compile(r"(?<![\d.%])(?<!实施)(?<!开展)(?<!成立)(?<!坚持)(?<!连续)(?<!持续)(?<!历时)(?<![满近第])"
                         r"([123]\d)(?=年(?!来|以来|累计|间|内|代|级|前|后|多(?![少了])|余|之|中|里|时|的时))")

# After 到/截至 a short year is a year even before 累计: "到24年累计多少".
_TO_SHORT_YEAR = re.compile(r"(?<=到|至|止)([123]\d)(?=年)")


def normalise_query(text: str) -> str:
    text = " ".join(unicodedata.normalize("NFKC", text).split())
    if not any("\u4e00" <= ch <= "\u9fff" for ch in text):
        return text
    text = _FIRST_MONTHS.sub(_months_span, fold(text))  # "前十个月": the span reports write, 1—10月
    return _SHORT_YEAR.sub(r"20\1", _TO_SHORT_YEAR.sub(r"20\1", text))


_FIRST_MONTHS = re.compile(r"前([一二三四五六七八九]|十[一二]?|1[0-2]|[1-9])个月")


def _months_span(m: re.Match) -> str:
    from .numbers import chinese_to_int

    n = int(m.group(1)) if m.group(1).isdigit() else chinese_to_int(m.group(1))
    return f"1—{n}月" if n and 2 <= n <= 12 else m.group()


class HybridRetriever:
    def __init__(self, store, embedder, cache_dir=None):
        from .views import merge_command

        self.store, self.embedder = store, embedder
        folder = Path(cache_dir or store.settings.index / "cache") / f"lexical-{store.settings.collection}-s{SCOPE_VERSION}"
        # A child process reading an embedded index would hold its lock against the uploads of this one.
        child = merge_command(folder, store.settings) if store.settings.server_mode else None
        self.follower = Follower(store, folder, _extra, child)
        self.follower.decorate = _decorate
        self._held: tuple = (None, {})  # (state, {(doc_id, paragraph): [(chunk id, text)]})
        self._written: tuple = (None, {})  # (state, {doc_id: {paragraph: text as written}}) of reports read from Traditional Chinese
        self._parts_held: tuple = (None, {})  # (state, {doc_id: ([(paragraph, part heading)], [(paragraph, section)])})
        self._pool = ThreadPoolExecutor(DENSE_THREADS, thread_name_prefix="youthqa-dense")  # threads start when used

    # -- the lexical state: the last one applied; a background thread catches up ------------------
    def index(self) -> State:
        state = self.follower.current()
        self.follower.start(REFRESH_SECONDS if self.store.settings.server_mode else EMBEDDED_REFRESH_SECONDS)
        return state

    def close(self) -> None:
        self.follower.stop()
        self._pool.shutdown(wait=False)

    def warm(self) -> State:
        """Open (or build) the lexical index, its views and the encoder before the first question."""
        state = self.index()
        self.embedder.embed_query("预热")
        return state

    def expand(self, query: str) -> tuple[str, tuple[str, ...]]:
        """English place names to the Chinese in report titles ('Tongchuan' -> '铜川'): (query, places)."""
        from .glossary import chinese_terms

        romanised = self.index().romanised
        places = tuple(dict.fromkeys(romanised[w] for w in re.findall(r"[a-z]+", query.lower()) if w in romanised))
        extra = places + ((chinese_terms(query, self.rarity) + self.spelled(query)) if _LATIN.search(query) else ())
        extra += tuple(forms[0] for word, forms in (JARGON | WRITTEN_AS).items() if word in query and forms[0] not in query)
        return (f"{query} {' '.join(extra)}" if extra else query), places

    def spelled(self, query: str) -> tuple[str, ...]:
        """The names an English question spells in pinyin, as the reports write them ("Wen Jiaqi": 温佳琪)."""
        from .glossary import english_word
        from .pinyin_names import chinese

        state = self.index()
        return chinese(query, state.characters, state.uses, english_word, state.idf)

    def rarity(self, term: str) -> float | None:
        """A word's idf (its rarest bigram's) across the reports; None when no report uses it."""
        return self.index().rarity(term)

    def doc_contains(self, doc_id: str, term: str) -> bool:
        return self.index().contains(doc_id, term)

    def refresh(self) -> None:
        """This process just changed the contents: apply its log entries now (the caller is the writer)."""
        self.follower.catch_up()

    def search(self, query: str, k: int = 5, doc_ids: set[str] | None = None, part=None,
               naming: tuple[str, ...] = ()) -> list[Passage]:
        """part: whether a paragraph's text is one part's (a town's, "威远镇:…"), when the question asks the whole:
        the lowest of them leaves its place to the best other paragraph not chosen (the county's own "全年全县…",
        longer, crowded out by its towns' short paragraphs, each dense in the words asked). naming: only
        paragraphs holding one of these words (a county asked of a city's table, whose other rows crowded it out)."""
        state = self.index()
        if not len(state):
            return []
        query = self.expand(normalise_query(query))[0]
        return self._paragraphs(state, self._blend(query, state, doc_ids), k, part, naming)

    def search_beside(self, query: str, k: int, doc_ids: set[str], beside: set[str], k_beside: int,
                      part=None) -> tuple[list[Passage], list[Passage]]:
        """search() over doc_ids, and the best k_beside paragraphs of the reports `beside`, from one scoring."""
        state = self.index()
        if not len(state):
            return [], []
        score = self._blend(self.expand(normalise_query(query))[0], state, None)
        return (self._paragraphs(state, score if doc_ids is None else score * state.mask(doc_ids), k, part),
                self._paragraphs(state, score * state.mask(beside), k_beside, part))

    def _blend(self, query: str, state: State, doc_ids) -> np.ndarray:
        # The Chroma query waits on the network (the GIL let go): it runs beside the lexical scores. The encoder
        # runs first, here: its tokenizer is Python, and on the thread it fought the scores for the GIL (-1 ms).
        asked = self._pool.submit(self.store.query, self.embedder.embed_query(query), min(DENSE_K, len(state)))
        lexical, prior = _unit(state.scores(query)), state.prior(query)
        mask = state.mask(doc_ids) if doc_ids is not None else None
        dense = np.zeros(state.size(), dtype=np.float32)
        hits = asked.result()
        if hits:
            sims = np.array([s for _, s in hits], dtype=np.float32)
            low, high = float(sims.min()), float(sims.max())
            for (chunk_id, sim) in hits:
                pos = state.position(chunk_id)
                if pos is not None:
                    dense[pos] = (sim - low) / (high - low) if high > low else 1.0
        score = WEIGHTS["lexical"] * lexical + WEIGHTS["dense"] * dense + WEIGHTS["doc"] * prior
        if mask is not None:
            score = score * mask
        return score

    def _paragraphs(self, state: State, score: np.ndarray, k: int, part=None, naming: tuple[str, ...] = ()) -> list[Passage]:
        head, scored = min(max(4 * k, 20), len(score)), int(np.count_nonzero(score > 0))
        ranked = self._ranked(state, score, head, naming)
        while len(ranked) < k and head < scored:  # the head was one line repeated (or named none): read further
            head = min(4 * head, len(score))
            ranked = self._ranked(state, score, head, naming)
        chosen = ranked[:k]
        led = [c for c in chosen if part(self._text(state, c[1]))] if part is not None else []
        whole = next((c for c in ranked[k:] if not part(self._text(state, c[1]))), None) if led else None
        if whole:
            chosen = [c for c in chosen if c is not led[-1]] + [whole]
        passages = []
        for pos, (doc_id, number) in chosen:
            record, parts = state.record(doc_id), self._parts(state, (doc_id, number))
            chunk_id = state.chunk_id(pos)
            chunk = next((t for i, t in parts if i == chunk_id), "")
            passages.append(Passage(doc_id, record["source"], record["title"], record["date"], number,
                                    "".join(t for _, t in parts), chunk, round(float(score[pos]), 4),
                                    record.get("origin", ""), self._section(state, doc_id, number)))
        return passages

    def _ranked(self, state: State, score: np.ndarray, head: int, naming: tuple[str, ...] = ()) -> list[tuple[int, tuple]]:
        """The head's paragraphs, best first, one of each text a report repeats (a chat's 接龙 list re-posted with
        every reply filled the top five with one line): its last, the list as it stood in the end."""
        # Only the head of the ranking is read: partition first, sort the few (8 ms -> 1 ms at 100k chunks).
        top = np.argpartition(-score, head - 1)[:head]
        ranked, seen, texts = [], set(), {}
        for pos in top[np.argsort(-score[top], kind="stable")]:
            key = state.locate(int(pos))
            if key in seen or score[pos] <= 0:
                continue
            seen.add(key)
            text = self._text(state, key)
            if heading(text) or (naming and not any(n in text for n in naming)):  # a section heading holds no
                continue  # answer, its section does; its few words outranked them
            if (key[0], text) in texts:
                at = texts[key[0], text]
                ranked[at] = max(ranked[at], (int(pos), key), key=lambda c: c[1][1])
                continue
            texts[key[0], text] = len(ranked)
            ranked.append((int(pos), key))
        return ranked

    def _section(self, state: State, doc_id: str, number: int) -> str:
        """The heading a paragraph stands under, however far above (a 2026年重点工作安排 of six sub-sections held its
        last targets 14 paragraphs below it); a section naming no year is read with the part it is in ("第二部分
        2025年工作要点 一、强化思想引领")."""
        parts, sections = self._headings(state, doc_id)
        part = next(((n, t) for n, t in reversed(parts) if n < number), (0, ""))
        section = next(((n, t) for n, t in reversed(sections) if n < number), (0, ""))
        if part[0] >= section[0]:
            return part[1]
        return f"{part[1]} {section[1]}".strip() if part[1] and not years(section[1]) else section[1]

    def _headings(self, state: State, doc_id: str) -> tuple[list, list]:
        """A report's part headings and numbered section headings, (number, text) in order: found once per state."""
        if self._parts_held[0] is not state:
            self._parts_held = (state, {})
        held = self._parts_held[1]
        if doc_id not in held:
            texts = [(n, text.strip()) for n, text in paragraphs(doc_id, lambda d, n: "".join(t for _, t in state.paragraph(d, n)))]
            held[doc_id] = ([(n, t) for n, t in texts if len(t) <= PART_CHARS and part_heading(t)],
                            [(n, t) for n, t in texts if SECTION.fullmatch(t)])
        return held[doc_id]

    def _parts(self, state: State, key: tuple) -> list[tuple[str, str]]:
        """A paragraph's (chunk id, text), remembered per state: a question reads ~100 (sections, neighbours)."""
        if self._held[0] is not state or len(self._held[1]) > PARAGRAPHS_HELD:
            self._held = (state, {})
        held = self._held[1]
        if key not in held:
            held[key] = state.paragraph(*key)
        return held[key]

    def _text(self, state: State, key: tuple) -> str:
        return "".join(t for _, t in self._parts(state, key))

    def neighbourhood(self, passage: Passage) -> str:
        """The paragraph with the one before and after it, from the same report."""
        return "".join(self.paragraph(passage.doc_id, passage.paragraph + d) for d in (-1, 0, 1))

    def paragraph(self, doc_id: str, number: int) -> str:
        """The text of paragraph `number` of a report ("" past its end)."""
        return self._text(self.index(), (doc_id, number))

    def idf(self, token: str) -> float:
        """How rare a term is across chunks: a term no report contains weighs the most."""
        return self.index().idf(token)

    def as_written(self, answer):
        """The answer quoting a Traditional Chinese report as written (app/engine/as_written.py)."""
        from .as_written import restore

        state = self.index()
        folded = state.folded  # _decorate's, made before the state was swapped in: no pass over the reports here
        if not folded:
            return answer
        if self._written[0] is not state:
            self._written = (state, {})
        held = self._written[1]

        def originals_of(c) -> dict | None:
            for doc_id in folded.get(c.source, ()):
                record = state.record(doc_id)
                if (record["title"], record["date"]) == (c.title, c.date):
                    if doc_id not in held:
                        stored = self.store.document(doc_id)
                        held[doc_id] = {int(n): t for n, t in json.loads(stored.originals or "{}").items()} if stored else {}
                    return held[doc_id]
            return None

        return restore(answer, originals_of)

    def with_origins(self, answer, passages: list[Passage]):
        """The answer with each citation's origin: citations are made from passages without it (app.engine.answer,
        app.engine.llm), so find the passage of the report whose paragraph the citation quotes."""
        if not any(p.origin for p in passages):
            return answer

        def origin(c) -> str:
            same = [p for p in passages if (p.source, p.title, p.date) == (c.source, c.title, c.date)]
            quoted = next((p for p in same if self.paragraph(p.doc_id, c.paragraph) == c.text), None)
            return (quoted or same[0]).origin if same else c.origin

        return replace(answer, citations=tuple(replace(c, origin=origin(c)) for c in answer.citations))


def _extra(records):
    from .views import extra

    return extra(records)


def _decorate(state: State, store) -> None:
    """The document views a state answers with: the catalogue of report scopes, the romanised titles."""
    from .catalogue import Catalogue, romanise, towns_of

    segment, live = state.segment, state.documents()
    if not hasattr(segment, "views"):
        data = segment.extra() or {}
        segment.views = (Catalogue.decode(data.get("catalogue") or {"titled": {}, "reports": {}}),
                         data.get("romanised") or {})
    stored, romanised = segment.views
    state.catalogue = Catalogue.stored(stored, live, state.delta_texts(),
                                       lambda quote: {m["doc_id"] for *_, m in state.holding([quote])})
    fresh = romanise((state.record(d)["title"] for d in state.new_docs),
                     set().union(*map(towns_of, state.delta_texts().values()))) if state.new_docs else {}
    state.romanised = {**fresh, **romanised}
    state.folded = {}  # source -> doc_ids of the reports read from Traditional Chinese (app/engine/as_written.py)
    for doc_id, record in live.items():
        if record.get("script"):
            state.folded.setdefault(record["source"], []).append(doc_id)


def heading(text: str) -> bool:
    """A section heading: short, no punctuation, no figure (a sign-off line "共青团赣州市委 2021年1月18日" is not one:
    it dates the report). Skipped by retrieval: its words outranked the section's paragraphs (evidence hit@1 over
    512 gold questions 0.803 -> 0.820, hit@5 0.959 -> 0.969)."""
    short = len(text.strip()) <= HEADING_CHARS and not _PUNCT.search(text) and not re.search(r"\d", text)
    # "吴晓雯　山东港口烟台港集团调度员" is a person of a 名单, "团市委书记　孙晓彤" the report's speaker
    return short and not roster_line(text) and not signed_line(text)


def _unit(scores: np.ndarray) -> np.ndarray:
    top = float(scores.max()) if len(scores) else 0.0
    return (scores / top).astype(np.float32) if top > 0 else np.zeros(len(scores), dtype=np.float32)
