"""Office decks and charts: ingest/pptx.py (slides, tables, charts, notes) and ingest/charts.py (a chart part's
cached values read as its table), in a deck and in a Word document; a .csv file read as a table."""
import io
from pathlib import Path

import pytest

from ingest.load import LoadError, load_file


def _deck(path: Path) -> Path:
    from pptx import Presentation
    from pptx.chart.data import CategoryChartData
    from pptx.enum.chart import XL_CHART_TYPE
    from pptx.util import Inches

    deck = Presentation()
    slide = deck.slides.add_slide(deck.slide_layouts[5])
    slide.shapes.title.text = "2025年泉州共青团工作汇报"
    slide.shapes.add_textbox(Inches(1), Inches(1.5), Inches(6), Inches(1)).text_frame.text = "全市新发展团员3,214名"
    table = slide.shapes.add_table(3, 3, Inches(1), Inches(3), Inches(6), Inches(1.5)).table
    for r, row in enumerate([["县区", "青年之家(个)", "注册志愿者(名)"], ["晋江市", "38", "52,614"], ["石狮市", "21", "18,305"]]):
        for c, text in enumerate(row):
            table.cell(r, c).text = text
    slide.notes_slide.notes_text_frame.text = "晋江市青年夜校开班46期。"
    chart_slide = deck.slides.add_slide(deck.slide_layouts[5])
    chart_slide.shapes.title.text = "返家乡实践"
    data = CategoryChartData()
    data.categories = ["鲤城区", "丰泽区"]
    data.add_series("上岗人数(人)", (126, 208))
    chart = chart_slide.shapes.add_chart(XL_CHART_TYPE.COLUMN_CLUSTERED, Inches(1), Inches(1.5), Inches(6), Inches(4),
                                         data).chart
    chart.has_title = True
    chart.chart_title.text_frame.text = "2025年各区返家乡上岗人数"
    deck.save(path)
    return path


def test_a_deck_reads_its_slides_tables_charts_and_notes(tmp_path):
    lines = load_file(_deck(tmp_path / "huibao.pptx"), 2**26).lines
    assert lines[:2] == ["2025年泉州共青团工作汇报", "全市新发展团员3,214名"]
    assert "2025年泉州共青团工作汇报,晋江市青年之家38个;晋江市注册志愿者52,614名。" in lines  # the slide's title its caption
    assert "备注:晋江市青年夜校开班46期。" in lines  # said only in the speaker notes
    assert "2025年各区返家乡上岗人数,丰泽区上岗人数208人。" in lines  # only the chart part holds 208


def test_a_word_chart_is_read_where_it_stands(tmp_path):
    import docx
    from docx.opc.constants import RELATIONSHIP_TYPE as RT
    from docx.opc.packuri import PackURI
    from docx.opc.part import Part
    from pptx import Presentation

    deck = Presentation(str(_deck(tmp_path / "d.pptx")))
    blob = next(s for s in deck.slides[1].shapes if s.has_chart).chart.part.blob
    document = docx.Document()
    document.add_paragraph("图1显示了各区返家乡上岗情况。")
    anchor = document.add_paragraph()
    part = Part(PackURI("/word/charts/chart1.xml"), "application/vnd.openxmlformats-officedocument.drawingml.chart+xml",
                blob, document.part.package)
    rid = document.part.relate_to(part, RT.CHART)
    anchor._p.append(docx.oxml.parse_xml(
        '<w:r xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:drawing>'
        '<c:chart xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" '
        f'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" r:id="{rid}"/>'
        '</w:drawing></w:r>'))
    document.add_paragraph("下一步继续扩大岗位供给。")
    path = tmp_path / "report.docx"
    document.save(path)
    lines = load_file(path, 2**26).lines
    at = lines.index("2025年各区返家乡上岗人数")
    assert [line for line in lines[:at] if line] == ["图1显示了各区返家乡上岗情况。"]  # in its place, between paragraphs
    assert lines[-1] == "下一步继续扩大岗位供给。"
    assert "2025年各区返家乡上岗人数,鲤城区上岗人数126人。" in lines[at:]


def test_a_broken_deck_gets_a_one_line_error(tmp_path):
    path = tmp_path / "坏的.pptx"
    path.write_bytes(b"not a zip")
    with pytest.raises(LoadError, match="PowerPoint"):
        load_file(path, 2**26)


def test_a_csv_file_is_a_table(tmp_path):
    path = tmp_path / "taizhang.csv"
    path.write_bytes("序号,县区,新发展团员（名）,注册志愿者（名）\n1,晋江市,\"1,024\",\"52,614\"\n2,石狮市,386,\"18,305\"\n"
                     "合计,,\"1,410\",\"70,919\"\n".encode("gb18030"))
    lines = load_file(path, 2**26).lines
    assert any("晋江市" in line and "1,024" in line and "52,614" in line for line in lines)
    assert any(line.startswith("合计") or "合计" in line and "70,919" in line for line in lines)


def test_a_decks_figure_cards_read_label_and_figure_and_its_presenter_is_no_title(tmp_path):
    """Blind set 63's 汇报 deck: four cards (a group of a figure box over a label box) in a row had read as a line of
    four figures, then a line of four labels; and the title slide's presenter was taken for the deck's title."""
    from pptx import Presentation
    from pptx.util import Inches

    from ingest.clean import clean_document

    deck = Presentation()
    first = deck.slides.add_slide(deck.slide_layouts[1])
    first.shapes.title.text = "青春返家乡　建功新丽江"
    first.placeholders[1].text_frame.text = "2025年丽江市“返家乡”工作汇报\n汇报人：团市委副书记　杨志远\n2025年12月26日"
    slide = deck.slides.add_slide(deck.slide_layouts[5])
    slide.shapes.title.text = "一、总体情况"
    for i, (figure, label) in enumerate([("900个", "征集“返家乡”岗位"), ("1,268人", "报名大学生"), ("866人", "实际上岗")]):
        group = slide.shapes.add_group_shape()
        group.shapes.add_textbox(Inches(1 + 3 * i), Inches(2), Inches(2), Inches(1)).text_frame.text = figure
        group.shapes.add_textbox(Inches(1 + 3 * i), Inches(3), Inches(2), Inches(1)).text_frame.text = label
    path = tmp_path / "huibao.pptx"
    deck.save(path)
    lines = load_file(path, 2**26).lines
    assert all(card in lines for card in ["征集“返家乡”岗位:900个", "报名大学生:1,268人", "实际上岗:866人"])
    assert clean_document(lines, path).title == "青春返家乡 建功新丽江"


def test_a_decks_review_comments_are_read_after_their_slide_and_a_byline_is_no_title(tmp_path):
    """Blind set 64's 夜校 deck: legacy slide comments (ppt/comments, commentAuthors) hold figures no text box has,
    and the title slide's "共青团延吉市委 副书记 朴成俊" had been taken for the deck's title."""
    from pptx import Presentation
    from pptx.opc.package import Part
    from pptx.opc.packuri import PackURI
    from pptx.util import Inches

    from ingest.clean import clean_document

    deck = Presentation()
    first = deck.slides.add_slide(deck.slide_layouts[6])
    for i, text in enumerate(["青春夜校　点亮延吉", "2026年延吉市青年夜校工作汇报", "共青团延吉市委　副书记　朴成俊", "2026年11月20日"]):
        first.shapes.add_textbox(Inches(1), Inches(1 + i), Inches(6), Inches(1)).text_frame.text = text
    slide = deck.slides.add_slide(deck.slide_layouts[5])
    slide.shapes.title.text = "二、各教学点开班情况"
    p = 'xmlns:p="http://schemas.openxmlformats.org/presentationml/2006/main"'
    rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
    authors = Part(PackURI("/ppt/commentAuthors.xml"), "application/vnd.openxmlformats-officedocument.presentationml."
                   "commentAuthors+xml", deck.part.package,
                   f'<p:cmAuthorLst {p}><p:cmAuthor id="0" name="郑雅琳" initials="ZYL" lastIdx="1" clrIdx="0"/>'
                   f'</p:cmAuthorLst>'.encode())
    comments = Part(PackURI("/ppt/comments/comment1.xml"), "application/vnd.openxmlformats-officedocument."
                    "presentationml.comments+xml", deck.part.package,
                    f'<p:cmLst {p}><p:cm authorId="0" idx="1"><p:pos x="10" y="10"/><p:text>秋季班415人次中含旁听学员63人次。'
                    f'</p:text></p:cm></p:cmLst>'.encode())
    deck.part.relate_to(authors, rel + "commentAuthors")
    slide.part.relate_to(comments, rel + "comments")
    path = tmp_path / "huibao.pptx"
    deck.save(path)
    lines = load_file(path, 2**26).lines
    assert "批注(郑雅琳):秋季班415人次中含旁听学员63人次。" in lines
    assert clean_document(lines, path).title == "青春夜校 点亮延吉"
