"""ingest/pdf.py: a fillable form's values and an attachment's mark over its title."""
from __future__ import annotations

import io

from pypdf import PdfReader, PdfWriter
from pypdf.generic import ArrayObject, DictionaryObject, FloatObject, NameObject, TextStringObject

from ingest.load import load_file
from ingest.clean import clean_document
from tests.test_load import make_pdf


def _with_fields(pdf: bytes, fields: dict[str, str]) -> bytes:
    """The PDF with text fields filled on screen: the values stand in the fields (/V), none on the page."""
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(pdf)))
    page, refs = writer.pages[0], ArrayObject()
    for k, (label, value) in enumerate(fields.items()):
        widget = DictionaryObject({
            NameObject("/Type"): NameObject("/Annot"), NameObject("/Subtype"): NameObject("/Widget"),
            NameObject("/FT"): NameObject("/Tx"), NameObject("/T"): TextStringObject(f"f{k}"),
            NameObject("/TU"): TextStringObject(label), NameObject("/V"): TextStringObject(value),
            NameObject("/Rect"): ArrayObject([FloatObject(v) for v in (200, 700 - 20 * k, 400, 715 - 20 * k)])})
        refs.append(writer._add_object(widget))
    page[NameObject("/Annots")] = refs
    writer._root_object[NameObject("/AcroForm")] = DictionaryObject({NameObject("/Fields"): refs})
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def test_a_fillable_forms_values_are_read_with_their_labels_and_an_attachment_mark_is_no_title(tmp_path):
    """Blind set 66's 申报表: every value stood only in the form's fields (the page printed its labels and boxes), its
    title stood under "附件2" and over a printed field (推荐单位（盖章）：…), which had run on into it."""
    path = tmp_path / "shenbaobiao.pdf"
    path.write_bytes(_with_fields(make_pdf(cjk_lines=["附件2", "2025年度四川省五四红旗团委申报表",
                                                              "推荐单位（盖章）：共青团泸州市委员会", "申报单位", "团员总数（名）"]),
                                  {"申报单位": "共青团叙永县委员会", "团员总数（名）": "10,962"}))
    got = load_file(path, 10**7)
    assert "申报单位:共青团叙永县委员会" in got.lines and "团员总数（名）:10,962" in got.lines
    doc = clean_document(got.lines, path, got.title_hint)
    assert doc.title == "2025年度四川省五四红旗团委申报表"
