"""ingest/docx_text.py: Word's own list numbers and text boxes, on documents python-docx writes."""
from __future__ import annotations

import io

import pytest

from ingest.word import docx_lines as _docx_lines

docx = pytest.importorskip("docx")


def _restart(document) -> int:
    """A new list instance of List Number's list, restarting at 1 (as Word does for a second list)."""
    numbering = document.part.numbering_part.element
    style_num = document.styles["List Number"].element.pPr.numPr.numId.val
    new = numbering.add_num(numbering.num_having_numId(style_num).abstractNumId.val)
    new.add_lvlOverride(ilvl=0).add_startOverride(1)
    return new.numId


def _numbered(document, text: str, num_id: int | None = None):
    paragraph = document.add_paragraph(text, style="List Number")
    if num_id is not None:
        num_pr = paragraph._p.get_or_add_pPr().get_or_add_numPr()
        num_pr.get_or_add_ilvl().val = 0
        num_pr.get_or_add_numId().val = num_id


def _lines(document) -> list[str]:
    data = io.BytesIO()
    document.save(data)
    return _docx_lines(data.getvalue(), "t.docx")


def test_word_list_numbers_are_read_and_a_list_that_restarts_counts_from_one():
    document = docx.Document()
    document.add_paragraph("一、金奖(2个)")
    for text in ("“石窟微光”项目(团云冈区委)", "“黄花地里的青春”项目(团云州区委)"):
        _numbered(document, text)
    document.add_paragraph("二、银奖(3个)")
    second = _restart(document)
    for text in ("“古城墙下的守护”项目", "“恒山云梯”项目", "“长城边的课堂”项目"):
        _numbered(document, text, second)
    document.add_paragraph("没有编号的一段。")
    assert _lines(document) == ["一、金奖(2个)", "1.“石窟微光”项目(团云冈区委)", "2.“黄花地里的青春”项目(团云州区委)",
                                "二、银奖(3个)", "1.“古城墙下的守护”项目", "2.“恒山云梯”项目", "3.“长城边的课堂”项目",
                                "没有编号的一段。"]


def test_a_text_box_is_read_after_the_paragraph_it_is_anchored_in():
    from docx.oxml import parse_xml
    from docx.oxml.ns import nsdecls

    document = docx.Document()
    document.add_paragraph("表彰如下。")
    box = "".join(f"<w:p><w:r><w:t>{t}</w:t></w:r></w:p>" for t in ("评审说明", "决赛于2025年5月24日举行,评审专家9名。"))
    anchor = document.add_paragraph()
    anchor._p.append(parse_xml(f'<w:r {nsdecls("w")} xmlns:v="urn:schemas-microsoft-com:vml"><w:pict><v:rect>'
                               f"<v:textbox><w:txbxContent>{box}</w:txbxContent></v:textbox></v:rect></w:pict></w:r>"))
    document.add_paragraph("特此决定。")
    assert [line for line in _lines(document) if line] == ["表彰如下。", "评审说明", "决赛于2025年5月24日举行,评审专家9名。",
                                                            "特此决定。"]


def test_a_text_box_stored_with_its_fallback_copy_is_read_once_and_a_number_label_keeps_off_a_figure():
    """Blind set 66's 专栏: Word writes a text box twice, a DrawingML one in mc:Choice and a VML copy in mc:Fallback for
    older readers; both had been read, every figure twice. A list label before a year ("1." + "2027年…") had read as
    the figure 1.2027."""
    from docx.oxml import parse_xml
    from docx.oxml.ns import nsdecls

    document = docx.Document()
    box = "<w:txbxContent><w:p><w:r><w:t>全年开设春季班132期。</w:t></w:r></w:p></w:txbxContent>"
    anchor = document.add_paragraph()
    anchor._p.append(parse_xml(
        f'<w:r {nsdecls("w")} xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
        'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" '
        'xmlns:v="urn:schemas-microsoft-com:vml"><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing>'
        f"<wps:txbx>{box}</wps:txbx></w:drawing></mc:Choice><mc:Fallback><w:pict><v:rect><v:textbox>{box}"
        "</v:textbox></v:rect></w:pict></mc:Fallback></mc:AlternateContent></w:r>"))
    _numbered(document, "2027年护河队扩充至30支。")
    assert [line for line in _lines(document) if line] == ["全年开设春季班132期。", "1. 2027年护河队扩充至30支。"]


def _with_notes(document, notes: dict[str, str]) -> bytes:
    """The document saved with a footnotes part holding `notes` (id -> text), as Word writes one."""
    import zipfile

    data = io.BytesIO()
    document.save(data)
    w = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
    body = "".join(f'<w:footnote w:id="{i}"><w:p><w:r><w:footnoteRef/></w:r><w:r><w:t xml:space="preserve"> {t}</w:t>'
                   f"</w:r></w:p></w:footnote>" for i, t in notes.items())
    separator = '<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>'
    out = io.BytesIO()
    with zipfile.ZipFile(data) as src, zipfile.ZipFile(out, "w") as dst:
        for item in src.infolist():
            content = src.read(item.filename)
            if item.filename == "word/_rels/document.xml.rels":
                content = content.replace(b"</Relationships>", (
                    '<Relationship Id="rIdNotes" Target="footnotes.xml" Type="http://schemas.openxmlformats.org/'
                    'officeDocument/2006/relationships/footnotes"/></Relationships>').encode())
            elif item.filename == "[Content_Types].xml":
                content = content.replace(b"</Types>", (
                    '<Override PartName="/word/footnotes.xml" ContentType="application/vnd.openxmlformats-'
                    'officedocument.wordprocessingml.footnotes+xml"/></Types>').encode())
            dst.writestr(item, content)
        dst.writestr("word/footnotes.xml", f'<w:footnotes {w}>{separator}{body}</w:footnotes>')
    return out.getvalue()


def _referring(document, text: str, note: str, cell=None):
    from docx.oxml import parse_xml
    from docx.oxml.ns import nsdecls

    paragraph = cell.paragraphs[0] if cell is not None else document.add_paragraph()
    paragraph.add_run(text)
    paragraph._p.append(parse_xml(f'<w:r {nsdecls("w")}><w:footnoteReference w:id="{note}"/></w:r>'))


def test_footnotes_are_read_after_what_refers_to_them():
    document = docx.Document()
    _referring(document, "全年提供“返家乡”岗位1,826个。", "2")
    table = document.add_table(rows=2, cols=2)
    table.cell(0, 0).text, table.cell(0, 1).text = "县区", "注册志愿者(人)"
    _referring(document, "霞山区", "1", table.cell(1, 0))
    table.cell(1, 1).text = "46208"
    document.add_paragraph("特此报告。")
    lines = _docx_lines(_with_notes(document, {"1": "数据来源于“i志愿”系统。", "2": "含驻湛高校提供的岗位500个。"}),
                        "t.docx")
    assert lines[:2] == ["全年提供“返家乡”岗位1,826个。", "注1:含驻湛高校提供的岗位500个。"]  # numbered as referred to
    assert lines[-2:] == ["注2:数据来源于“i志愿”系统。", "特此报告。"]  # after the table that refers to it


def test_content_controls_are_read_and_a_form_field_is_no_table_caption():
    """Blind set 61's 立项汇总表: 填报人 and the table's 负责人 and 资助 cells were Word content controls (w:sdt), which
    python-docx's paragraph and cell text leave out; the 填报日期 field above the table had become every row's
    caption. A control still showing its placeholder holds nothing."""
    from docx.oxml import parse_xml

    w = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'

    def control(text: str, placeholder: bool = False) -> str:
        shown = "<w:showingPlcHdr/>" if placeholder else ""
        return f'<w:sdt {w}><w:sdtPr><w:text/>{shown}</w:sdtPr><w:sdtContent><w:r><w:t>{text}</w:t></w:r></w:sdtContent></w:sdt>'

    document = docx.Document()
    document.add_paragraph("联系电话:")._p.append(parse_xml(control("单击此处输入文字", placeholder=True)))
    filed = document.add_paragraph("填报日期:")
    filed._p.append(parse_xml(control("2025年6月20日")))
    table = document.add_table(rows=3, cols=3)
    for j, text in enumerate(("团队", "负责人", "资助(元)")):
        table.cell(0, j).text = text
    for i, (team, lead, money) in enumerate((("“湾区青研”调研团", "李思远", "6000"), ("“海岛守望”支教队", "郑可欣", "8000")), 1):
        table.cell(i, 0).text = team
        for j, text in ((1, lead), (2, money)):
            paragraph = table.cell(i, j).paragraphs[0]._p
            paragraph.append(parse_xml(control(text)))
    lines = _lines(document)
    assert lines[:2] == ["联系电话:", "填报日期:2025年6月20日"]
    assert lines[2] == "“湾区青研”调研团负责人李思远;“湾区青研”调研团资助6000元。"  # no "填报日期…," caption
