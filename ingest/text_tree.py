"""A tree drawn with box-drawing characters in a plain-text report (├─ │ └─): an organisation chart whose branches each
carry their figures ("├─ 学校团组织 38个(团员6512名)", then "│ ├─ 古蔺中学团委(团员2146名)" under it). Each branch is read
as a line of its own without the drawing, which no question words and which had glued the figures to "│". A branch
names itself; leading it with its parent's name ("学校团组织:古蔺中学团委…") had made the child's figure answer what
was asked of the parent (古蔺学校团组织团员多少: 2146, not 6512)."""
from __future__ import annotations

import re

# a branch mark, then a name (not a ruled table's border: ├────┼────┤)
_BRANCH = re.compile(r"^[\s│┃|]*[├└┣┗+`][─━\-—]+\s*(?P<text>[^\s\u2500-\u257f].*)$")


def tree_lines(lines: list[str]) -> list[str]:
    return [m["text"].strip() if (m := _BRANCH.match(line)) else line for line in lines]
