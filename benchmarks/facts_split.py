"""Facts extraction precision/recall (app/evaluation/figures.py) by part: corpus + practice2/A (developed on),
practice2/B split by report name, alphabetical: the first half developed on (B-dev), the second only measured
(B-check); practice3, ten new reports hand-checked by an annotator who never saw the code (its own figures file).
`--errors PART` prints that part's wrong facts and missed figures, to study them by class."""
from __future__ import annotations

import argparse
from pathlib import Path

from app.evaluation.figures import corpus_facts, extraction_scores, load_figures, same_figure

ROOT = Path(__file__).resolve().parent.parent
B = ROOT / "tests/data/practice2/B"
P3 = ROOT / "tests/data/practice3"
FIGURES = {"practice3": ROOT / "tests/data/facts/figures-practice3.jsonl"}  # other parts: figures.jsonl


def parts() -> dict[str, tuple[list[Path], set[str]]]:
    reports = sorted(p.name for p in B.iterdir() if p.name != "sources.tsv")
    half = len(reports) // 2
    a = [ROOT / "corpus", ROOT / "tests/data/practice2/A"]
    return {"corpus+A": (a, {p.name for f in a for p in f.iterdir()}),
            "B-dev": ([B / n for n in reports[:half]], set(reports[:half])),
            "B-check": ([B / n for n in reports[half:]], set(reports[half:])),
            "practice3": ([P3], {p.name for p in P3.iterdir()})}


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--errors", choices=["corpus+A", "B-dev", "B-check", "practice3"])
    args = ap.parse_args()
    for name, (paths, names) in parts().items():
        figures = load_figures(FIGURES.get(name, ROOT / "tests/data/facts/figures.jsonl"))
        found, gold = corpus_facts(paths), [f for f in figures if f["doc"] in names]
        s = extraction_scores(found, gold)
        print(f"{name:9} precision {s['precision']:.3f} recall {s['recall']:.3f} facts {s['facts']} figures {s['figures']}"
              f" place {_places(found, gold, args.errors == name)}")
        if name == args.errors:
            for f in s["wrong"]:
                print("  WRONG ", f.source, f.paragraph, f.figure, f.indicator, "|", f.quote[:80])
            for g in s["missed"]:
                print("  MISSED", g["doc"], g["value"], g["unit"], g["indicator"], "|", g["sentence"][:80])


def _places(found, gold, show: bool) -> str:
    """Of the hand-checked figures found that have a place, the share whose fact names it (either name in the other:
    湘西 / 湘西州); a side measure, the gold's places being written as the text has them."""
    pairs = [(x.fact, g) for g in gold if g.get("place") for x in found if same_figure(x, g)]
    pairs = list({id(g): (f, g) for f, g in pairs}.values())
    right = [f.place and (f.place in g["place"] or g["place"] in f.place) for f, g in pairs]
    for (f, g), ok in zip(pairs, right):
        if show and not ok:
            print("  PLACE ", f.source, f.figure, f.place, "gold", g["place"], "|", f.quote[:60])
    return f"{sum(right)}/{len(right)}"


if __name__ == "__main__":
    main()
