"""A cross answer's figure cited from every report that states it, not only the one chosen (a district's own
report and the city's 通报 row of the same 3214名): staff check a figure against each source, and the reports a
compiler took it from are as often the other one (blind sets 41-56: 60 of 208 cross answers were right but did not
cite a report that states their figure)."""
from __future__ import annotations

import re
from dataclasses import replace

from ingest.schema import Answer, Citation, Fact

from .cross_units import unit_family

ALSO = 2  # other reports cited per figure, newest first


def corroborated(got: Answer, facts: list[tuple[Fact, float]], paragraph, least: float) -> Answer:
    """got with, after its own citations, those of other reports' facts of the same place, year, unit and figure
    (same_figure: either written more exactly) whose indicator matched the question as well (score >= least)."""
    cited = {(c.source, c.paragraph) for c in got.citations}
    shown = [f for f, _ in facts if (f.source, f.paragraph) in cited and f.label() in got.text]
    extra: list[Citation] = []
    for f in shown:
        others = [g for g, s in facts if s >= least and g.doc_id != f.doc_id and g.place == f.place and g.year == f.year
                  and unit_family(g.unit) == unit_family(f.unit) and (same_figure(g, f) or same_figure(f, g))]
        for g in sorted(others, key=lambda g: g.date, reverse=True)[:ALSO]:
            if (g.source, g.paragraph) not in cited:
                cited.add((g.source, g.paragraph))
                extra.append(Citation(g.source, g.title, g.date, g.paragraph, paragraph(g.doc_id, g.paragraph) or g.quote,
                                      g.quote, 1.0, g.origin))
    return replace(got, citations=got.citations + tuple(extra)) if extra else got


def distinct(citations) -> tuple[Citation, ...]:
    """Each paragraph cited once, in first-cited order: two figures of one paragraph (丰台's 2023 and 2024) are one
    source, not two."""
    seen: set = set()
    return tuple(c for c in citations if (key := (c.source, c.paragraph, c.origin)) not in seen and not seen.add(key))


def same_figure(exact: Fact, rounded: Fact) -> bool:
    """exact's value is rounded's to the places rounded writes ("24.68万名" of a table's "24.7万名")."""
    if exact.value == rounded.value:
        return True
    places = len(m.group(1)) if (m := re.search(r"\.(\d+)", rounded.figure)) else 0
    scale = 1e8 if "亿" in rounded.figure else 1e4 if "万" in rounded.figure else 1.0
    return places < 6 and round(exact.value / scale, places) == round(rounded.value / scale, places)
