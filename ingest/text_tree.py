"""A tree drawn with box-drawing characters in a plain-text report (├─ │ └─): an organisation chart whose branches each
carry their figures ("├─ 学校团组织 38个(团员6512名)", then "│ ├─ 古蔺中学团委(团员2146名)" under it). Each branch is read
as a line of its own without the drawing, a branch below the first level led by its parent's name ("学校团组织:古蔺中学
团委(团员2146名)"): the drawing said whose part it is, and "古蔺中学团委" alone names no parent."""
from __future__ import annotations

import re

# a branch mark, then a name (not a ruled table's border: ├────┼────┤)
_BRANCH = re.compile(r"^(?P<indent>[\s│┃|]*)[├└┣┗+`][─━\-—]+\s*(?P<text>[^\s\u2500-\u257f].*)$")
_NAME_END = re.compile(r"\s+\d|[(（]")  # the branch's name ends where its figures start


def tree_lines(lines: list[str]) -> list[str]:
    out, stack = [], []  # stack: (column of the branch mark, name) of the branches above
    for line in lines:
        m = _BRANCH.match(line)
        if not m:
            stack = [] if line.strip() and not line.lstrip().startswith(("│", "┃")) else stack
            out.append(line)
            continue
        at, text = len(m["indent"]), m["text"].strip()
        while stack and stack[-1][0] >= at:
            stack.pop()
        out.append(f"{stack[-1][1]}:{text}" if stack else text)
        stack.append((at, _NAME_END.split(text)[0].strip()))
    return out
