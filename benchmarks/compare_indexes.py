"""Whether two knowledge bases hold the same records: every collection's ids, documents and metadatas exactly,
embeddings within a float tolerance. For a change that must not alter what ingest stores (issue 11's throughput
work): ingest the same reports with the old code and the new into two indexes, then

    python benchmarks/compare_indexes.py OLD_INDEX NEW_INDEX

Run both ingests with one PYTHONHASHSEED (e.g. 0): a report record's scope lists its places in a frozenset's
order, which moves with the hash seed (the same places either way). The change log's ids end in a random tag
per run, which is left out.
"""
from __future__ import annotations

import re
import sys
from pathlib import Path

import numpy as np

TOLERANCE = 1e-5  # the encoder's rows may differ in the last bits with how texts were batched


def records(client, name: str) -> dict:
    got = client.get_collection(name).get(include=["documents", "metadatas", "embeddings"])
    untag = (lambda i: re.sub(r"-[0-9a-f]{8}$", "", i)) if name.endswith("-changes") else (lambda i: i)
    return {untag(i): (d, m, e) for i, d, m, e in zip(got["ids"], got["documents"], got["metadatas"], got["embeddings"])}


def compare(old: dict, new: dict) -> tuple[bool, str]:
    both = [i for i in old if i in new]
    documents = sum(old[i][0] != new[i][0] for i in both)
    metadatas = sum(old[i][1] != new[i][1] for i in both)
    drift = max((float(np.max(np.abs(np.asarray(old[i][2]) - np.asarray(new[i][2])))) for i in both), default=0.0)
    same = old.keys() == new.keys() and not documents and not metadatas and drift < TOLERANCE
    return same, (f"{len(old):6d} records, ids {'same' if old.keys() == new.keys() else 'DIFFER'}, "
                  f"{documents} documents and {metadatas} metadatas differ, max |embedding diff| {drift:.1e}")


def main(argv=None) -> int:
    import chromadb
    from chromadb.config import Settings

    paths = (argv or sys.argv[1:])[:2]
    if missing := [p for p in paths if not (Path(p) / "chroma.sqlite3").is_file()]:
        print(f"not a knowledge base: {', '.join(missing)}")  # an empty client on a mistyped path would compare equal
        return 2
    old, new = (chromadb.PersistentClient(path=p, settings=Settings(anonymized_telemetry=False)) for p in paths)
    names = sorted(c.name for c in old.list_collections())
    if names != sorted(c.name for c in new.list_collections()):
        print("the indexes have different collections")
        return 1
    equal = True
    for name in names:
        same, line = compare(records(old, name), records(new, name))
        equal &= same
        print(f"{name:28s} {line}  {'OK' if same else 'DIFFERENT'}")
    print("EQUAL" if equal else "NOT EQUAL")
    return 0 if equal else 1


if __name__ == "__main__":
    sys.exit(main())
