"""The gold sets about reports, each with the folder of reports it asks about: one list that training, the
near-miss generator and the training data's hash all read, so joining a blind set is one edit here."""
from __future__ import annotations

LAST_PRACTICE = 65  # tests/data/practice3 … practice{LAST_PRACTICE}, one per blind set joined

REPORT_SETS: tuple[tuple[str, str], ...] = (
    ("practice", "corpus"), ("tongchuan", "corpus"), ("heldout", "corpus"),
    ("practice2-a", "tests/data/practice2/A"), ("practice2-b", "tests/data/practice2/B"),
    *((f"practice{n}", f"tests/data/practice{n}") for n in range(3, LAST_PRACTICE + 1)),
)
# Gold files whose items each name their own reports folder (near misses, conversations, refusals).
SELF_NAMED: tuple[tuple[str, None], ...] = (("nearmiss", None), ("followups", None), ("unanswerable", None))


def folders(sets) -> list[str]:
    """The reports folders of `sets`, each once, in order."""
    return list(dict.fromkeys(corpus for _, corpus in sets if corpus))
