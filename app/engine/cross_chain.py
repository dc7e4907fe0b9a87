"""A rank chained into another figure: "在岗西部计划志愿者最多的县,2025年新发展团员多少名?". The rank is asked on
its own ("在岗西部计划志愿者最多的是哪个县?"); the place it names is put into the figure question ("宁蒗县2025年新发展
团员多少名?"), and the answer is that figure, the winner said and both cited. Either part unanswered leaves the
question to the other paths.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from ingest.schema import Answer

from .cross_also import distinct

_KIND = r"县\(区\)|县(?:市)?区|县|区|市|镇|街道|乡镇"
_CHAIN = re.compile(rf"^(?P<what>[^,,??]{{2,40}}?)(?P<most>最多|最高|最少|最低|最大|最小)的(?:那个|那一个|那)?"
                    rf"(?P<kind>{_KIND})[,,](?P<then>[^,,]{{2,40}}?(?:多少|几)[^,,]{{0,8}})$")


@dataclass(frozen=True)
class Chain:
    rank: str  # "在岗西部计划志愿者最多的是哪个县?"
    then: str  # "2025年新发展团员多少名?": asked of the rank's winner
    kind: str


def split(question: str) -> Chain | None:
    m = _CHAIN.match(question.strip().rstrip("??"))
    if m is None:
        return None
    return Chain(f"{m['what']}{m['most']}的是哪个{m['kind']}?", m["then"].rstrip("??") + "?", m["kind"])


def then_question(chain: Chain, winner: str) -> str:
    return f"{winner}{chain.then}"


def combine(question: str, chain: Chain, winner: str, rank: Answer, figure: Answer) -> Answer | None:
    """The figure of the rank's winner, the rank's citation after the figure's."""
    if not (rank.found and figure.found and figure.value):
        return None
    said = f"{figure.value}。{chain.rank.rstrip('?')}:{winner};{then_question(chain, winner).rstrip('?')}:{figure.value}。"
    return Answer(question, said, figure.value, True, distinct(figure.citations[:1] + rank.citations[:1]))
