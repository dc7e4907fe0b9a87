"""The contract between pipeline stages: small frozen dataclasses, nothing else."""
from __future__ import annotations

from dataclasses import asdict, dataclass, field


@dataclass(frozen=True)
class Document:
    """A cleaned report: its article paragraphs in reading order, title and date as metadata."""

    doc_id: str
    source: str  # file name as the user knows it
    title: str
    date: str  # ISO yyyy-mm-dd, or "" when the report has none
    paragraphs: tuple[str, ...]
    content_hash: str
    dropped: tuple[str, ...] = ()  # boilerplate lines removed by cleaning, for audit and tests
    origin: str = ""  # "" from the command line; "上传 2026-11-30 14:02" for a web upload (who, when)
    # A paragraph written in Traditional Chinese as written, its folded reading in paragraphs ("" where they are
    # the same; () when every one is): what a citation quotes (ingest/script.py)
    originals: tuple[str, ...] = ()


@dataclass(frozen=True)
class Chunk:
    """A piece of one paragraph; never crosses a paragraph boundary."""

    chunk_id: str
    doc_id: str
    source: str
    title: str
    date: str
    paragraph: int  # 1-based, over the cleaned article paragraphs
    start: int  # character offsets inside the paragraph
    end: int
    text: str
    origin: str = ""  # its Document's

    def embedding_text(self) -> str:
        # The title gives a short chunk its context ("which city, which programme").
        return f"{self.title}\n{self.text}" if self.title else self.text


@dataclass(frozen=True)
class Citation:
    source: str
    title: str
    date: str
    paragraph: int
    text: str  # the whole paragraph
    quote: str  # the span that supports the answer
    score: float
    origin: str = ""  # which upload the paragraph comes from: two files of one name tell apart

    def label(self) -> str:
        parts = [self.title or self.source, self.date, f"第{self.paragraph}段", self.origin]
        return " · ".join(p for p in parts if p)


@dataclass(frozen=True)
class Answer:
    question: str
    text: str
    value: str  # the key value ("20357人"), "" when the answer is a passage or a refusal
    found: bool
    citations: tuple[Citation, ...] = ()  # only paragraphs that support the answer, the answering one first
    timings: dict = field(default_factory=dict)
    note: str = ""  # e.g. why an LLM answer was replaced
    passages: tuple[Citation, ...] = ()  # everything retrieved, in rank order: the side panel, a refusal's nearest

    def to_dict(self) -> dict:
        return asdict(self)


@dataclass(frozen=True)
class Fact:
    """One figure of one report, with what it counts and where it stands (ingest/facts.py)."""

    indicator: str  # what is counted, as written: 注册青年志愿者, 资助贫困大学生, 青年之家
    value: float  # 万/亿 folded, Chinese numerals read: "2万余名" -> 20000.0
    unit: str  # "人", "名", "个", "元", "%", ...
    qualifier: str  # 余/多/近/超过/约...: 超过10万 is not 10万; "" when exact
    figure: str  # the figure as written: "2万余名"
    place: str  # the place it is about: named in the sentence, else the report's (short name: 铜川)
    year: int  # the year it is for: named in the sentence, else the report's date; 0 unknown
    period: str  # a span the sentence names ("2016—2020年"), "" when none
    doc_id: str
    source: str
    title: str
    date: str
    paragraph: int  # 1-based, as Citation.paragraph
    quote: str  # the sentence that states it
    origin: str = ""  # its Document's

    def embedding_text(self) -> str:
        return self.indicator

    def label(self) -> str:
        """The figure with its unit: "240家以上" already has one (the unit before its qualifier)."""
        return self.figure if self.unit in self.figure else f"{self.figure}{self.unit}"

    def to_dict(self) -> dict:
        return asdict(self)
