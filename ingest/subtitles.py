"""A subtitle script (SRT: a cue's number, its time code, its text) as running text.

A 宣传片's 字幕稿 cuts its narration into cues of a few words ("旁白:新发展团员三千零八十一名," / "旁白:四万七千七百余名
团员在这里扎根、成长。"), each under a number and a time code that are no words of the report: read cue by cue, a
figure stood a paragraph away from what it counts. The cues of one speaker run on until one ends its sentence; the
time codes and numbers go.
"""
from __future__ import annotations

import re

_TIME_CODE = re.compile(r"\d{1,2}:\d{2}:\d{2}[,.]\d{1,3}\s*-->\s*\d{1,2}:\d{2}:\d{2}[,.]\d{1,3}.*")
_SPEAKER = re.compile(r"(?P<who>[^:\uff1a,\uff0c。]{1,12})[:\uff1a]\s*")
_SENTENCE_END = re.compile(r"[。!?\uff01\uff1f…][”’」)\uff09]*$")
MIN_CUES = 3  # time codes before a text is read as a subtitle script


def is_subtitles(lines: list[str]) -> bool:
    return sum(1 for line in lines if _TIME_CODE.fullmatch(line.strip())) >= MIN_CUES


def subtitle_lines(lines: list[str]) -> list[str]:
    """The script's lines with its cues joined into sentences: the header lines above the first cue stay as they
    are; a cue's speaker ("旁白:") opens its paragraph once."""
    out: list[str] = []
    speaker, running = None, False  # the paragraph's speaker, and whether its last cue left a sentence open
    for i, raw in enumerate(lines):
        line = raw.strip()
        if _TIME_CODE.fullmatch(line) or (line.isdigit() and i + 1 < len(lines)
                                          and _TIME_CODE.fullmatch(lines[i + 1].strip())):
            continue
        if not line:
            continue
        m = _SPEAKER.match(line)
        who, text = (m["who"], line[m.end():]) if m else (None, line)
        if running and out and who == speaker:
            out[-1] += text
        else:
            out.append(line)
            speaker = who
        running = not _SENTENCE_END.search(line) and not line.endswith((":", "\uff1a"))
    return out
