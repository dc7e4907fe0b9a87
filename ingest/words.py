"""jieba with its dictionary read from a memory-mapped table instead of loaded whole into each process.

jieba loads its 580k-entry prefix dictionary (its marshal cache: ~0.7 s of CPU) on the first cut, and
jieba.posseg parses dict.txt again for the word tags on import (~0.3 s): together a third of a cold
`youthqa ask`, which segments a few hundred characters. Here both tables are written once per machine (like
jieba's own cache, in the temp dir) as one file: an open-addressing hash table over the words' UTF-8 bytes,
with each word's frequency and tag, memory-mapped by every process; a lookup reads a few of its pages. The
values are jieba's own (the file is made from its loaded dictionaries), so every cut is the same as jieba's.
Only jieba's default dictionary is mapped: a process that has loaded it already, or another dictionary,
keeps it.
"""
from __future__ import annotations

import io
import json
import mmap
import os
import struct
import sys
import tempfile
import threading
from functools import lru_cache
from array import array
from pathlib import Path
from zlib import crc32

_MAGIC = b"YQJIEBA1"
_HEADER = struct.Struct("=8sqqqqq")  # magic, words, slots, total, blob bytes, tag-list bytes
_MEMO = 200_000  # looked-up words remembered per process (the few a question's texts hold)
_lock = threading.Lock()


def _path() -> Path:
    import jieba

    dict_file = Path(jieba.__file__).parent / "dict.txt"
    stamp = dict_file.stat().st_size if dict_file.exists() else 0
    return Path(tempfile.gettempdir()) / f"youthqa-jieba-{jieba.__version__}-{stamp}.table"


def write(path: Path, freq: dict, total: int, tags: dict) -> None:
    """The table file of jieba's prefix dictionary (freq, total) and word tags; atomic."""
    words = list(freq) + [w for w in tags if w not in freq]
    encoded = [w.encode("utf-8", "surrogatepass") for w in words]
    tag_list = sorted(set(tags.values()))
    tag_index = {t: i for i, t in enumerate(tag_list)}
    if len(tag_list) > 254:
        raise ValueError("too many word tags")
    slots = 1 << max(4, (2 * len(words)).bit_length())  # load factor <= 0.5
    mask = slots - 1
    table = [0] * slots
    for i, b in enumerate(encoded):
        h = crc32(b) & mask
        while table[h]:
            h = (h + 1) & mask
        table[h] = i + 1
    offsets, at = [0], 0
    for b in encoded:
        at += len(b)
        offsets.append(at)
    tags_json = json.dumps(tag_list, ensure_ascii=False).encode()
    body = io.BytesIO()
    body.write(_HEADER.pack(_MAGIC, len(words), slots, total, at, len(tags_json)))
    body.write(array("q", offsets).tobytes())  # native order: the file is this machine's
    body.write(array("q", (freq.get(w, 0) for w in words)).tobytes())
    body.write(array("i", table).tobytes())
    body.write(bytes(tag_index[tags[w]] if w in tags else 255 for w in words))
    body.write(b"".join(encoded))
    body.write(tags_json)
    tmp = path.with_suffix(f".{os.getpid()}.tmp")
    tmp.write_bytes(body.getvalue())
    tmp.replace(path)  # another process reads the old file or the whole new one


class Table:
    """The mapped file: index(word) -> its row or -1; freq and tag of a row."""

    def __init__(self, path: Path):
        with path.open("rb") as fh:
            self.mm = mmap.mmap(fh.fileno(), 0, access=mmap.ACCESS_READ)
        magic, n, slots, self.total, blob, tag_bytes = _HEADER.unpack_from(self.mm, 0)
        if magic != _MAGIC:
            raise ValueError(f"not a word table: {path}")
        view, at = memoryview(self.mm), _HEADER.size
        self.offsets = view[at:at + 8 * (n + 1)].cast("q")
        at += 8 * (n + 1)
        self.freqs = view[at:at + 8 * n].cast("q")
        at += 8 * n
        self.slots = view[at:at + 4 * slots].cast("i")
        at += 4 * slots
        self.tag_of = view[at:at + n]
        at += n
        self.blob = at
        self.tags = json.loads(bytes(view[at + blob:at + blob + tag_bytes]))
        if at + blob + tag_bytes != len(self.mm):
            raise ValueError(f"truncated word table: {path}")
        self.mask = slots - 1
        self.memo: dict[str, int] = {}

    def index(self, word: str) -> int:
        found = self.memo.get(word)
        if found is not None:
            return found
        b = word.encode("utf-8", "surrogatepass")
        h, mask, slots, offsets, mm, base = crc32(b) & self.mask, self.mask, self.slots, self.offsets, self.mm, self.blob
        while True:
            i = slots[h]
            if not i:
                found = -1
                break
            i -= 1
            if mm[base + offsets[i]:base + offsets[i + 1]] == b:
                found = i
                break
            h = (h + 1) & mask
        if len(self.memo) >= _MEMO:
            self.memo.clear()
        self.memo[word] = found
        return found


class Freq:
    """jieba's Tokenizer.FREQ (word or prefix -> frequency) read from a Table; add_word's entries kept aside."""

    def __init__(self, table: Table):
        self.table, self.added = table, {}

    def __contains__(self, word) -> bool:
        return word in self.added or self.table.index(word) >= 0

    def __getitem__(self, word):
        if word in self.added:
            return self.added[word]
        i = self.table.index(word)
        if i < 0:
            raise KeyError(word)
        return self.table.freqs[i]

    def get(self, word, default=None):
        if word in self.added:
            return self.added[word]
        i = self.table.index(word)
        return default if i < 0 else self.table.freqs[i]

    def __setitem__(self, word, value) -> None:
        self.added[word] = value


class Tags:
    """jieba.posseg's word_tag_tab (word -> part-of-speech tag) read from a Table."""

    def __init__(self, table: Table):
        self.table, self.added = table, {}

    def get(self, word, default=None):
        if word in self.added:
            return self.added[word]
        i = self.table.index(word)
        t = 255 if i < 0 else self.table.tag_of[i]
        return default if t == 255 else self.table.tags[t]

    def __getitem__(self, word):
        found = self.get(word, None)
        if found is None:
            raise KeyError(word)
        return found

    def __contains__(self, word) -> bool:
        return self.get(word, None) is not None

    def __setitem__(self, word, value) -> None:
        self.added[word] = value

    def update(self, other) -> None:
        self.added.update(other)


_table: Table | None = None


def _mapped() -> Table | None:
    """The machine's table, written first if missing (from jieba's dictionaries, loaded whole this once);
    None when this process should use jieba as it is (its dictionary loaded already, or another one)."""
    global _table
    import jieba

    if _table is not None:
        return _table
    if jieba.dt.initialized or jieba.dt.dictionary != jieba.DEFAULT_DICT or jieba.dt.user_word_tag_tab:
        return None
    path = _path()
    try:
        _table = Table(path)
        return _table
    except (OSError, ValueError, struct.error):
        pass
    import jieba.posseg

    jieba.dt.check_initialized()
    try:
        write(path, jieba.dt.FREQ, jieba.dt.total, jieba.posseg.dt.word_tag_tab)
    except OSError:
        pass
    return None  # this process has loaded jieba's dictionaries: it keeps them


def jieba():
    """The jieba module, its default dictionary mapped (see the module's docstring)."""
    import jieba as module

    if module.dt.initialized:
        return module
    with _lock:
        table = _mapped()
        if table is not None and not module.dt.initialized:
            with module.dt.lock:
                module.dt.FREQ, module.dt.total = Freq(table), table.total
                module.dt.initialized = True
                module.default_logger.debug("Mapping prefix dict from %s (youthqa)", _path())
    return module


def posseg():
    """jieba.posseg, its word tags mapped: imported without parsing dict.txt when the table is there."""
    if "jieba.posseg" in sys.modules:
        return sys.modules["jieba.posseg"]
    module = jieba()
    with _lock:
        if "jieba.posseg" in sys.modules:
            return sys.modules["jieba.posseg"]
        if _table is None or not isinstance(module.dt.FREQ, Freq):
            import jieba.posseg as pos

            return pos
        module.dt.get_dict_file = lambda: io.BytesIO()  # its import reads the tags from it: none
        try:
            import jieba.posseg as pos
        finally:
            del module.dt.get_dict_file
        pos.dt.word_tag_tab = Tags(_table)
        return pos


# -- pinyin ----------------------------------------------------------------------------------------
_PINYIN_LINES = 100_000  # past this many remembered texts the file starts over
_pinyin: dict | None = None


def _pinyin_file() -> Path | None:
    import importlib.util

    spec = importlib.util.find_spec("pypinyin")
    if spec is None or not spec.origin:
        return None
    stat = Path(spec.origin).stat()
    return Path(tempfile.gettempdir()) / f"youthqa-pinyin-{stat.st_size}-{int(stat.st_mtime)}.jsonl"


_PINYIN_FILE = _pinyin_file()


def _lazy_pinyin(text: str) -> list[str]:
    """pypinyin.lazy_pinyin(text), remembered per machine: importing pypinyin loads its phrase dictionary (0.3-0.7 s
    of CPU, most of it in one json.loads holding the GIL, and 56 MB), which the views of a changed report paid on
    every start and on the first catch-up (app/engine/scope.py, app/engine/retrieve.py). Texts met before are read
    from a JSON-lines file in the temp dir (keyed by the installed pypinyin), the others computed by pypinyin and
    added. A miss reads what other processes appended first: ingest leaves the new titles' pinyin there."""
    global _pinyin
    if _pinyin is None:
        _pinyin = {}
        _read_pinyin()
    found = _pinyin.get(text)
    if found is None and _read_pinyin():
        found = _pinyin.get(text)
    if found is None:
        from pypinyin import lazy_pinyin as compute

        found = _pinyin[text] = compute(text)
        try:
            mode = "w" if len(_pinyin) > _PINYIN_LINES else "a"
            with _PINYIN_FILE.open(mode, encoding="utf-8") as fh:  # one short line a write: appends do not interleave
                fh.write(json.dumps([text, found], ensure_ascii=False) + "\n")
        except OSError:
            pass
    return list(found)


_pinyin_read = 0  # bytes of the memo file read so far


def _read_pinyin() -> bool:
    """Add the memo file's lines past what was read -> whether there were any (the file started over: all again)."""
    global _pinyin_read
    try:
        with _PINYIN_FILE.open("rb") as fh:
            if fh.seek(0, 2) < _pinyin_read:
                _pinyin_read = 0
            fh.seek(_pinyin_read)
            data = fh.read()
    except OSError:
        return False
    data = data[: data.rfind(b"\n") + 1]  # a line still being written is read next time
    _pinyin_read += len(data)
    for line in data.decode("utf-8", "replace").splitlines():
        try:
            key, value = json.loads(line)
            _pinyin[key] = value
        except (ValueError, TypeError):
            continue  # a line cut short by a crash
    return bool(data)


lazy_pinyin = _lazy_pinyin if _PINYIN_FILE is not None else None  # None: pypinyin is not installed


@lru_cache(maxsize=20_000)
def tagged(text: str) -> tuple:
    """jieba.posseg's cut of text (pairs with .word and .flag), remembered: the same clauses are read for names
    question after question (~1 ms a clause), and the dictionary never changes in a process (no add_word)."""
    return tuple(posseg().cut(text))
