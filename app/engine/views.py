"""Document-level views stored with each lexical base: the reports' scopes (app/engine/scope.py).

Working out a report's places and years reads its whole text, so it is done when a base is written (and for
the reports changed since, from the chunks the catch-up read anyway), never for every report in every process.

    python -m app.engine.views merge INDEX COLLECTION FOLDER [--unless-newer-than=T]   # by ingest/lexsync.py
"""
from __future__ import annotations

import sys


def extra(texts: dict[str, str], metas: dict[str, dict]) -> dict:
    """What a base stores beside its BM25: the catalogue of its reports."""
    from .retrieve import _romanise
    from .catalogue import Catalogue

    return {"catalogue": Catalogue(texts, metas).to_json(), "romanised": _romanise(m["title"] for m in metas.values())}


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
