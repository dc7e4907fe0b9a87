#!/usr/bin/env python3
"""Validate figures.jsonl: each "sentence" must be a (whitespace-insensitive)
substring of its report's text, and the figure's number must appear in it.

Usage: python check.py [--dump DIR]   (stdlib + python-docx + pypdf)
"""
import html.parser
import json
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.abspath(os.path.join(HERE, "..", "..", ".."))
SEARCH_DIRS = [
    os.path.join(ROOT, "corpus"),
    os.path.join(ROOT, "tests", "data", "practice2", "A"),
    os.path.join(ROOT, "tests", "data", "practice2", "B"),
]
ALLOWED_QUALIFIERS = {"", "余", "多", "近", "超过", "约", "以上", "逾"}
REQUIRED = ["doc", "sentence", "value", "unit", "indicator", "qualifier",
            "year", "place", "para_start"]


class _Text(html.parser.HTMLParser):
    def __init__(self):
        super().__init__()
        self.parts = []
        self.skip = 0

    def handle_starttag(self, tag, attrs):
        if tag in ("script", "style"):
            self.skip += 1
        if tag in ("p", "br", "div", "tr", "li", "h1", "h2", "h3", "h4", "td", "th"):
            self.parts.append("\n")

    def handle_endtag(self, tag):
        if tag in ("script", "style") and self.skip:
            self.skip -= 1

    def handle_data(self, data):
        if not self.skip:
            self.parts.append(data)


def read_text(path):
    ext = path.rsplit(".", 1)[-1].lower()
    if ext == "docx":
        import docx
        d = docx.Document(path)
        out = [p.text for p in d.paragraphs]
        for t in d.tables:
            for row in t.rows:
                out.append("\t".join(c.text for c in row.cells))
        return "\n".join(out)
    if ext == "pdf":
        import pypdf
        r = pypdf.PdfReader(path)
        return "\n".join((pg.extract_text() or "") for pg in r.pages)
    raw = open(path, "rb").read()
    try:
        s = raw.decode("utf-8")
    except UnicodeDecodeError:
        s = raw.decode("gb18030")
    if ext in ("html", "htm"):
        p = _Text()
        p.feed(s)
        s = "".join(p.parts)
    return s


def find_doc(name):
    for d in SEARCH_DIRS:
        p = os.path.join(d, name)
        if os.path.exists(p):
            return p
    return None


def squash(s):
    return re.sub(r"\s+", "", s)


CN = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5,
      "六": 6, "七": 7, "八": 8, "九": 9}
CN_UNIT = {"十": 10, "百": 100, "千": 1000}


def cn_to_int(s):
    """Read a Chinese numeral (no 万/亿) like 三千 / 二十五 / 一百零八."""
    total, cur = 0, 0
    for ch in s:
        if ch in CN:
            cur = CN[ch]
        elif ch in CN_UNIT:
            total += (cur or 1) * CN_UNIT[ch]
            cur = 0
        else:
            return None
    return total + cur


def numbers_in(s):
    """All plausible values of number tokens in s (with 万/亿 folding)."""
    vals = set()
    s2 = s.replace(",", "").replace("，", "")
    for m in re.finditer(r"(\d+(?:\.\d+)?)\s*(万亿|亿|万)?", s2):
        base = float(m.group(1))
        vals.add(base)
        mult = {"万": 1e4, "亿": 1e8, "万亿": 1e12}.get(m.group(2) or "", 1)
        vals.add(base * mult)
        vals.add(base * 1e4)   # "x万元" unit folding when 万 sits in unit
    for m in re.finditer(r"([零〇一二两三四五六七八九十百千]*)(万|亿)?", s):
        if not m.group(0):
            continue
        v = cn_to_int(m.group(1)) if m.group(1) else 1   # 万名 / 破万 / 上万
        if m.group(1) == "" and not m.group(2):
            continue
        if v is None:
            continue
        mult = {"万": 1e4, "亿": 1e8}.get(m.group(2) or "", 1)
        vals.update({float(v), float(v * mult)})
    # "半" e.g. 一年半 is not a figure we use; skip
    return vals


def main():
    path = os.path.join(HERE, "figures.jsonl")
    errors = 0
    cache = {}
    docs, paras, n = set(), set(), 0
    with open(path, encoding="utf-8") as fh:
        for ln, line in enumerate(fh, 1):
            line = line.strip()
            if not line:
                continue
            try:
                rec = json.loads(line)
            except json.JSONDecodeError as e:
                print(f"line {ln}: bad JSON: {e}")
                errors += 1
                continue
            n += 1
            missing = [k for k in REQUIRED if k not in rec]
            if missing:
                print(f"line {ln}: missing fields {missing}")
                errors += 1
                continue
            doc = rec["doc"]
            if doc not in cache:
                p = find_doc(doc)
                cache[doc] = squash(read_text(p)) if p else None
            text = cache[doc]
            if text is None:
                print(f"line {ln}: report not found: {doc}")
                errors += 1
                continue
            docs.add(doc)
            paras.add((doc, rec["para_start"]))
            sent = squash(rec["sentence"])
            if sent not in text:
                print(f"line {ln}: sentence not in {doc}: {rec['sentence']!r}")
                errors += 1
            ps = squash(rec["para_start"])
            if ps not in text:
                print(f"line {ln}: para_start not in {doc}: {rec['para_start']!r}")
                errors += 1
            if rec["qualifier"] not in ALLOWED_QUALIFIERS:
                print(f"line {ln}: bad qualifier {rec['qualifier']!r}")
                errors += 1
            if not re.fullmatch(r"(\d{4})?", str(rec["year"])):
                print(f"line {ln}: bad year {rec['year']!r}")
                errors += 1
            v = rec["value"]
            if not isinstance(v, (int, float)) or isinstance(v, bool):
                print(f"line {ln}: value not a number: {v!r}")
                errors += 1
                continue
            if not any(abs(x - v) < 1e-6 * max(1, abs(v)) for x in numbers_in(rec["sentence"])):
                print(f"line {ln}: value {v} not found in sentence {rec['sentence']!r}")
                errors += 1
            # unit may be "" when the text writes no measure word (e.g. 粉丝6万)
            if not rec["indicator"]:
                print(f"line {ln}: empty indicator")
                errors += 1
    print(f"{n} figures, {len(docs)} reports, {len(paras)} paragraphs, {errors} errors")
    return 1 if errors else 0


if __name__ == "__main__":
    if len(sys.argv) == 3 and sys.argv[1] == "--dump":
        os.makedirs(sys.argv[2], exist_ok=True)
        for d in SEARCH_DIRS:
            for f in sorted(os.listdir(d)):
                if f.endswith(".tsv"):
                    continue
                with open(os.path.join(sys.argv[2], f + ".txt"), "w", encoding="utf-8") as out:
                    out.write(read_text(os.path.join(d, f)))
        sys.exit(0)
    sys.exit(main())
