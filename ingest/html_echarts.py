"""An ECharts chart's figures read as the table it draws.

Government portals publish data with ECharts: the page holds an empty <div> and a <script> whose setOption({...})
carries the figures (a dataset's rows, or a category axis with a series per measure; a pie's name/value pairs).
The prose names a few; the rest exist only in the script, which the page reader drops. Each chart becomes an HTML
table in its <div>, captioned by its title, so its rows read as any table's (ingest/tables.py).
"""
from __future__ import annotations

import json
import re

_INIT = re.compile(r"echarts\.init\(\s*document\.getElementById\(\s*['\"]([^'\"]+)['\"]\s*\)")
_SET = re.compile(r"\.setOption\(\s*\{")
_TITLE = re.compile(r"\btitle\s*:\s*\{[^{}]*?\btext\s*:\s*(['\"])(.*?)\1")
_STRING = re.compile(r"'((?:[^'\\]|\\.)*)'")
_KEY = re.compile(r"([{,]\s*)([A-Za-z_$][\w$]*)\s*:")
_TRAILING = re.compile(r",\s*([\]}])")
_UNIT_END = re.compile(r"[(（][^()（）]{1,4}[)）]$")
MAX_CODE = 200_000  # a script this long is a library, not a chart's options


def echarts_tables(root) -> None:
    """Put a <table> of each ECharts chart's figures into the element it is drawn in (after it when none is found)."""
    from lxml import etree, html

    for script in list(root.iter("script")):
        code = script.text or ""
        if "setOption" not in code or "echarts" not in code or len(code) > MAX_CODE:
            continue
        targets = _INIT.findall(code)
        for n, option in enumerate(_options(code)):
            title, rows = _chart(option)
            if len(rows) < 3:  # a header and two rows at least
                continue
            table = html.Element("table")
            if title:
                caption = etree.SubElement(table, "caption")
                caption.text = title
            for row in rows:
                tr = etree.SubElement(table, "tr")
                for cell in row:
                    etree.SubElement(tr, "td").text = cell
            found = root.xpath("//*[@id=$id]", id=targets[n]) if n < len(targets) else []
            if found:
                found[0].append(table)
            else:
                script.addnext(table)


def _options(code: str) -> list[str]:
    """The object literal of each setOption(...) call, braces balanced (strings skipped)."""
    out = []
    for m in _SET.finditer(code):
        if (end := _closing(code, m.end() - 1)) is not None:
            out.append(code[m.end() - 1:end + 1])
    return out


def _closing(code: str, start: int) -> int | None:
    """Where the bracket opening at `start` closes."""
    depth, quote, i = 0, "", start
    while i < len(code):
        c = code[i]
        if quote:
            if c == "\\":
                i += 1
            elif c == quote:
                quote = ""
        elif c in "'\"":
            quote = c
        elif c in "[{":
            depth += 1
        elif c in "]}":
            depth -= 1
            if depth == 0:
                return i
        i += 1
    return None


def _value(option: str, key: str, opener: str = "["):
    """The literal after `key:` (an array by default), read as JSON, or None."""
    m = re.search(rf"\b{key}\s*:\s*\{opener}", option)
    if m is None or (end := _closing(option, m.end() - 1)) is None:
        return None
    return _literal(option[m.end() - 1:end + 1])


def _literal(text: str):
    text = _STRING.sub(lambda m: json.dumps(m.group(1).replace("\\'", "'")), text)
    text = _TRAILING.sub(r"\1", _KEY.sub(r'\1"\2":', text))
    try:
        return json.loads(text.replace("undefined", "null"))
    except ValueError:
        return None


def _chart(option: str) -> tuple[str, list[list[str]]]:
    """(title, rows with a header first) of a chart's options; no rows when it holds no figures it can be read by."""
    title = m.group(2) if (m := _TITLE.search(option)) else ""
    source = _value(option, "source")
    if isinstance(source, list) and source and all(isinstance(r, list) for r in source) \
            and all(isinstance(c, str) for c in source[0]):
        return title, [[_cell(c) for c in row] for row in source]
    series = _value(option, "series")
    series = [series] if isinstance(series, dict) else series if isinstance(series, list) else []
    series = [s for s in series if isinstance(s, dict) and isinstance(s.get("data"), list)]
    pairs = [d for s in series[:1] for d in s["data"] if isinstance(d, dict) and "name" in d and "value" in d]
    if pairs:  # a pie: name/value pairs
        return title, [["", series[0].get("name") or title]] + [[_cell(d["name"]), _cell(d["value"])] for d in pairs]
    categories = _axis(option, "xAxis") or _axis(option, "yAxis")
    series = [s for s in series if len(s["data"]) == len(categories)]
    if not categories or not series:
        return title, []
    unit = m.group() if (m := _UNIT_END.search(title)) else ""  # "…新增注册青年志愿者（名）": the series' unit
    header = [""] + [_with_unit(str(s.get("name") or title), unit) for s in series]
    return title, [header] + [[_cell(c)] + [_cell(s["data"][i]) for s in series] for i, c in enumerate(categories)]


def _axis(option: str, name: str) -> list:
    """A category axis's labels (its object, or the first of a list of them)."""
    axis = _value(option, name, "{") or _value(option, name)
    axis = axis[0] if isinstance(axis, list) and axis and isinstance(axis[0], dict) else axis
    data = axis.get("data") if isinstance(axis, dict) else None
    return data if isinstance(data, list) and all(isinstance(c, (str, int)) for c in data) else []


def _with_unit(name: str, unit: str) -> str:
    return name if not unit or _UNIT_END.search(name) else name + unit


def _cell(value) -> str:
    if isinstance(value, dict):
        value = value.get("value", "")
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return "" if value is None else str(value)
