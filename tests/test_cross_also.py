"""app/engine/cross_also.py: a cross answer's figure cited from every report that states it."""
from __future__ import annotations

from ingest.schema import Answer, Citation, Fact

from app.engine import cross


def fact(figure: str, value: float, doc: str, paragraph: int, place: str = "大兴", year: int = 2024,
         indicator: str = "青年之家", date: str = "2025-03-06") -> Fact:
    return Fact(indicator, value, "个", "", figure, place, year, "", doc, f"{doc}.txt", f"{doc}的报告", date, paragraph,
                f"{place}{indicator}{figure}")


def test_a_figure_is_cited_from_each_report_that_states_it():
    own = fact("79个", 79, "daxing", 9, date="2025-07-08")
    city = fact("79个", 79, "beijing", 15)  # the 通报's row of the same figure
    other_year = fact("79个", 79, "beijing", 16, year=2023)
    other_place = fact("79个", 79, "beijing", 17, place="通州")
    weak = fact("79个", 79, "misc", 3)  # matched the question's indicator too weakly
    got = Answer("大兴青年之家2024年底有多少个?", "大兴:79个(2024年)", "79个", True,
                 (Citation("daxing.txt", "daxing的报告", "2025-07-08", 9, "…", "…", 1.0),))
    facts = [(own, 1.5), (city, 1.4), (other_year, 1.4), (other_place, 1.4), (weak, 0.5)]
    cited = [(c.source, c.paragraph) for c in cross.corroborated(got, facts, lambda d, p: f"{d}第{p}段").citations]
    assert cited == [("daxing.txt", 9), ("beijing.txt", 15)]
    assert cross.corroborated(got, [(own, 1.5)], lambda d, p: "").citations == got.citations


def test_a_paragraph_is_cited_once():
    from app.engine.cross_also import distinct

    one, other = (Citation("a.txt", "甲", "2025-01-06", 7, "…", q, 1.0) for q in ("2946名", "3214名"))
    third = Citation("b.txt", "乙", "2025-03-06", 11, "…", "3214名", 1.0)
    assert distinct([one, other, third, one]) == (one, third)
