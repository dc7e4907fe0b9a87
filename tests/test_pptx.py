"""ingest/pptx.py: a deck's auto-numbered items keep the numbers the slide shows."""
from __future__ import annotations

import io

import pytest

from ingest.load import load_file

pptx = pytest.importorskip("pptx")


def test_auto_numbered_items_read_with_their_numbers(tmp_path):
    """Blind set 66's 下一步打算: items numbered 1.–4. by PowerPoint (a:buAutoNum) hold no number in their text; a
    number before a year is kept off it ("1. 2027年…", not the figure 1.2027)."""
    from pptx.oxml.ns import qn

    deck = pptx.Presentation()
    slide = deck.slides.add_slide(deck.slide_layouts[5])
    frame = slide.shapes.add_textbox(0, 0, 100, 100).text_frame
    items = ["2027年护河队扩充至30支;", "建立“河小青”驿站2个;", "每年提供岗位不少于40个。"]
    frame.text = items[0]
    for text in items[1:]:
        frame.add_paragraph().text = text
    for para in frame.paragraphs:
        para._p.get_or_add_pPr().append(para._p.makeelement(qn("a:buAutoNum"), {"type": "arabicPeriod"}))
    frame.add_paragraph().text = "谢谢!"
    path = tmp_path / "huibao.pptx"
    deck.save(path)
    lines = load_file(path, 10**7).lines
    assert ["1. 2027年护河队扩充至30支;", "2.建立“河小青”驿站2个;", "3.每年提供岗位不少于40个。", "谢谢!"] == \
        [line for line in lines if line.endswith((";", "。", "!"))][-4:]
