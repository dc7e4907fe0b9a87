"""Document-level views stored with each lexical base: the reports' scopes (app/engine/scope.py).

Working out a report's places and years reads its whole text, so it is done when a base is written (and for
the reports changed since, from the chunks the catch-up read anyway), never for every report in every process.

    python -m app.engine.views merge INDEX COLLECTION FOLDER [--unless-newer-than=T]   # by ingest/lexsync.py
"""
from __future__ import annotations

import re
import sys


def extra(records) -> "Views":
    """What a base stores beside its BM25, for a knowledge base with these report records (ingest/store.py)."""
    return Views(records)


class Views:
    """The catalogue of a base's reports (and their romanised titles): each report's scope as its record keeps
    it (catalogue.stored_scope), worked out only for the reports without one or whose text or title names a
    place known from another report's title; in both cases as soon as the base's reader has the report."""

    def __init__(self, records):
        from .catalogue import Places, _title_names

        self.titles = frozenset(r.title for r in records)  # the records'; the chunks say at the end (result)
        self.titled = _title_names(sorted(self.titles))
        self.stored = {r.doc_id: r.scope for r in records if getattr(r, "scope", "")}
        self.reports: dict = {}
        self.towns: set[str] = set()  # romanised for English questions ("Mudu town")
        self._place = Places()
        names = sorted(self.titled, key=len, reverse=True)
        self._naming = re.compile("|".join(map(re.escape, names))) if names else None

    def add(self, doc_id: str, meta: dict, text: str) -> None:
        from .catalogue import _remembered_report, read_scope, towns_of

        self.towns |= towns_of(text)

        meta = {k: meta.get(k) or "" for k in ("title", "date", "source")}
        found = read_scope(self.stored[doc_id], self._place) if doc_id in self.stored and not (
            self._naming and (self._naming.search(meta["title"]) or self._naming.search(text)
                              or _ENGLISH.search(text))) else None
        self.reports[doc_id] = found or _remembered_report(meta, text, self.titled)

    def result(self, metas: dict[str, dict], text_of) -> dict:
        """{catalogue, romanised} of the reports in metas ({doc_id: title, source, date}, in base order)."""
        from .catalogue import Catalogue, romanise

        if frozenset(m["title"] for m in metas.values()) == self.titles:
            catalogue = Catalogue({}, metas, self.titled, {d: self.reports[d] for d in metas})
        else:  # chunks without a record (a writer killed midway): their titles name places too
            catalogue = Catalogue({d: text_of(d) for d in metas}, metas)
        return {"catalogue": catalogue.to_json(),
                "romanised": romanise((m["title"] for m in metas.values()), self.towns)}


_ENGLISH = re.compile(r"[A-Z][a-z]")  # scope.find reads English place names too, title names' pinyin among them


def merge_command(folder, settings) -> list[str]:
    return [sys.executable, "-m", "app.engine.views", "merge", str(settings.index), settings.collection, str(folder)]


def main(argv: list[str]) -> int:
    from ingest.lexsync import merge_main
    from ingest.settings import Settings
    from ingest.store import Store

    since = [float(a.split("=", 1)[1]) for a in argv if a.startswith("--unless-newer-than=")]
    _, index, collection, folder = [a for a in argv if not a.startswith("--")]
    return merge_main(folder, lambda: Store.open(Settings.from_env(index=index, collection=collection)), extra,
                      since[0] if since else None)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
