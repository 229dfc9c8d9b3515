"""Each page of the PDF is a section of the DOCX: its break, its number, its continuation word.

Read from the produced file (lxml on the zip's parts) and compared with the typeset pages
the PDF is drawn from, so a DOCX that paginates differently from the PDF fails here even
where LibreOffice is not installed (``test_docx_libreoffice`` checks what it lays out).
"""

from __future__ import annotations

import io
import json
import re
import zipfile
from pathlib import Path

import docx
import pytest
from lxml import etree

from dla_drafter import pipeline
from dla_drafter.model.draftio import letter_from_dict
from dla_drafter.render import docx_writer as dw
from dla_drafter.render.docx_pages import page_marks
from dla_drafter.render.docx_split import join_continued
from dla_drafter.settings import RenderSettings
from dla_drafter.text.digits import apply_digits

ROOT = Path(__file__).resolve().parents[2]
W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
SETTINGS = RenderSettings(use_system_th_sarabun=False)


def w(tag: str) -> str:
    return f"{{{W}}}{tag}"


def example(name: str, **changes):
    data = json.loads((ROOT / "examples" / f"{name}.dladraft.json").read_text("utf-8"))
    data.update(changes)
    return letter_from_dict(data)


class Made:
    """A letter made as PDF pages and DOCX, the DOCX's parts parsed."""

    def __init__(self, letter, settings: RenderSettings = SETTINGS) -> None:
        made = pipeline.make_outputs(letter, ["x.pdf", "x.docx"], settings)
        self.pages = made.pages
        self.data = made.first("docx")
        with zipfile.ZipFile(io.BytesIO(self.data)) as z:
            self.raw = {n: z.read(n) for n in z.namelist()}
        self.body = etree.fromstring(self.raw["word/document.xml"]).find(w("body"))
        rels = etree.fromstring(self.raw["word/_rels/document.xml.rels"])
        self.targets = {r.get("Id"): "word/" + r.get("Target") for r in rels}

    def sections(self) -> list[etree._Element]:
        return list(self.body.iter(w("sectPr")))

    def story(self, sect: etree._Element, kind: str, kind_type: str) -> etree._Element | None:
        for ref in sect.findall(w(f"{kind}Reference")):
            if ref.get(w("type")) == kind_type:
                return etree.fromstring(self.raw[self.targets[ref.get(f"{{{R}}}id")]])
        return None


def text(element: etree._Element) -> str:
    return "".join(t.text or "" for t in element.iter(w("t")))


def style(paragraph: etree._Element) -> str | None:
    s = paragraph.find(f"{w('pPr')}/{w('pStyle')}")
    return s.get(w("val")) if s is not None else None


@pytest.fixture(scope="module")
def ipst() -> Made:
    return Made(example("circular-2565-ipst"))


@pytest.fixture(scope="module")
def eef() -> Made:
    return Made(example("circular-2565-eef"))


def test_one_section_per_pdf_page(ipst, eef):
    for made in (ipst, eef):
        sections = made.sections()
        assert len(sections) == len(made.pages) >= 4
        assert sections[0].find(w("titlePg")) is not None  # the ครุฑ page
        assert all(s.find(w("titlePg")) is None for s in sections[1:])
        # every section starts a new page and keeps the page geometry
        for s in sections:
            assert s.find(w("type")) is None or s.find(w("type")).get(w("val")) == "nextPage"
            assert s.find(w("pgMar")).get(w("left")) == sections[-1].find(w("pgMar")).get(
                w("left"))


def test_each_page_has_its_number_typed_as_the_pdf_prints_it(ipst):
    marks = page_marks(ipst.pages)
    for number, (sect, mark) in enumerate(zip(ipst.sections(), marks, strict=True), start=1):
        if number == 1:
            first = ipst.story(sect, "header", "first")
            assert not re.search(r"- [๐-๙]+ -", text(first))
            continue
        header = ipst.story(sect, "header", "default")
        [paragraph] = [p for p in header.iter(w("p")) if style(p) == dw.S_PAGE_NUMBER]
        thai = str(number).translate(str.maketrans("0123456789", "๐๑๒๓๔๕๖๗๘๙"))
        assert text(paragraph) == mark.number == f"- {thai} -"
        assert not list(header.iter(w("instrText")))  # typed, not a PAGE field


def test_arabic_digit_letters_number_their_pages_in_arabic():
    made = Made(example("circular-2565-eef", digits="arabic"))
    header = made.story(made.sections()[1], "header", "default")
    assert "- 2 -" in text(header)


def test_the_continuation_word_is_in_the_footer_of_every_page_but_the_last(eef):
    marks = page_marks(eef.pages)
    assert marks[0].continuation == "/ ครู…"
    for number, (sect, mark) in enumerate(zip(eef.sections(), marks, strict=True), start=1):
        footer = eef.story(sect, "footer", "first" if number == 1 else "default")
        lines = [p for p in footer.iter(w("p")) if style(p) == dw.S_CONTINUATION]
        if mark.continuation:
            assert [text(p) for p in lines] == [mark.continuation]
            assert footer.index(lines[0]) == 0  # on top: the text area's last line
        else:
            assert lines == []
    # its line: the footer is tall enough that the word stands on the text area's last line
    styles = etree.fromstring(eef.raw["word/styles.xml"])
    spacing = styles.find(f".//{w('style')}[@{w('styleId')}='{dw.S_CONTINUATION}']"
                          f"/{w('pPr')}/{w('spacing')}")
    after_cm = int(spacing.get(w("after"))) / 20 / 72 * 2.54
    line_cm = int(spacing.get(w("line"))) / 20 / 72 * 2.54
    foot = 29.7 - dw.FOOTER_DISTANCE_CM  # the footer's last line ends here
    assert foot - dw.SECRECY_LINE_CM - after_cm - line_cm == pytest.approx(
        27.7 - dw.PROFILE.line_pitch, abs=0.01)


def test_a_paragraph_carried_over_is_split_where_the_pdfs_page_ends(eef):
    paragraphs = list(eef.body.iter(w("p")))
    [continued] = [p for p in paragraphs if style(p) == dw.S_BODY_CONTINUED]
    first_part = continued.getprevious()
    assert first_part.find(f"{w('pPr')}/{w('sectPr')}") is not None  # page one ends there
    assert text(continued).startswith("ครู ให้ความสำคัญ")  # page two's first line in the PDF
    assert text(first_part).rstrip().endswith("และ")
    joined = copy_of(eef.body)
    assert join_continued(joined) == 1
    whole = [text(p) for p in joined.iter(w("p")) if "กรมส่งเสริมการปกครองท้องถิ่นขอเรียนว่า" in
             text(p)]
    assert len(whole) == 1 and whole[0].endswith("รายละเอียดปรากฏตามสิ่งที่ส่งมาด้วย")


def copy_of(element: etree._Element) -> etree._Element:
    return etree.fromstring(etree.tostring(element))


def test_the_distribution_list_starts_its_own_pages_without_an_empty_one(ipst):
    title = next(p for p in ipst.body.iter(w("p")) if style(p) == dw.S_LIST_TITLE)
    assert title.find(f"{w('pPr')}/{w('pageBreakBefore')}").get(w("val")) == "0"
    before = title.getprevious()
    assert before.find(f"{w('pPr')}/{w('sectPr')}") is not None


def test_a_one_page_letter_is_one_section():
    made = Made(example("memo-2569"))
    assert len(made.pages) == 1 and len(made.sections()) == 1
    assert not [p for p in made.body.iter(w("p")) if style(p) == dw.S_BODY_CONTINUED]


def test_without_continuation_words_the_pages_are_still_the_pdfs():
    settings = RenderSettings(use_system_th_sarabun=False, continuation_word=False)
    made = Made(example("circular-2565-eef"), settings)
    assert len(made.sections()) == len(made.pages)
    for sect in made.sections():
        for kind_type in ("first", "default"):
            footer = made.story(sect, "footer", kind_type)
            if footer is not None:
                assert not [p for p in footer.iter(w("p")) if style(p) == dw.S_CONTINUATION]


def test_python_docx_opens_the_paginated_file(ipst):
    document = docx.Document(io.BytesIO(ipst.data))
    assert len(document.sections) == len(ipst.pages)
    assert document.sections[1].header.paragraphs[-1].text == "- ๒ -"


def test_a_paragraph_over_three_pages_is_split_twice_in_order():
    data = json.loads((ROOT / "examples" / "circular-2565-eef.dladraft.json").read_text("utf-8"))
    long = " ".join([data["body"][1]] * 5)
    made = Made(letter_from_dict({**data, "body": [data["body"][0], long]}))
    assert len(made.sections()) == len(made.pages) >= 5
    parts = [p for p in made.body.iter(w("p")) if style(p) == dw.S_BODY_CONTINUED]
    assert len(parts) >= 2
    joined = copy_of(made.body)
    join_continued(joined)
    texts = [text(p) for p in joined.iter(w("p"))]
    assert apply_digits(long, "thai") in texts  # whole again, in order
    # each part starts where a PDF page starts
    starts = {line for page in made.pages.pages[1:] for line in
              [min((it for it in page.items if getattr(it, "source", None) == ("body", 1)),
                   key=lambda it: it.y, default=None)] if line is not None}
    assert {text(p)[:20] for p in parts} <= {line.text[:20] for line in starts}


def test_a_memo_over_two_pages_keeps_its_own_first_page():
    data = json.loads((ROOT / "examples" / "memo-2569.dladraft.json").read_text("utf-8"))
    made = Made(letter_from_dict({**data, "body": data["body"] * 3}))
    sections = made.sections()
    assert len(sections) == len(made.pages) == 2
    first = made.story(sections[0], "header", "first")
    assert "บันทึกข้อความ" in text(first)
    assert text(made.story(sections[1], "header", "default")).endswith("- ๒ -")


def test_a_link_carried_over_to_the_next_page_stays_a_link_on_both():
    from dla_drafter.render.docx_split import split_paragraph, text_of

    paragraph = etree.fromstring(
        f'<w:p xmlns:w="{W}" xmlns:r="{R}"><w:pPr><w:pStyle w:val="DLABody"/></w:pPr>'
        '<w:r><w:t xml:space="preserve">ส่งทางอีเมล </w:t></w:r>'
        '<w:hyperlink r:id="rId9"><w:r><w:rPr><w:rStyle w:val="Hyperlink"/></w:rPr>'
        '<w:t>tpipst@proj.ipst.ac.th</w:t></w:r></w:hyperlink>'
        '<w:r><w:t xml:space="preserve"> ภายในวันที่ ๒๙</w:t></w:r></w:p>')
    body = etree.Element(w("body"))
    body.append(paragraph)
    before = text_of(paragraph)
    at = before.index("@proj")
    after = split_paragraph(paragraph, at)
    assert text_of(paragraph) == "ส่งทางอีเมล tpipst"
    assert text_of(after) == "@proj.ipst.ac.th ภายในวันที่ ๒๙"
    links = [link.get(f"{{{R}}}id") for p in (paragraph, after) for link in p.iter(w("hyperlink"))]
    assert links == ["rId9", "rId9"]
    assert style(after) == dw.S_BODY_CONTINUED
    assert join_continued(body) == 1 and text_of(paragraph) == before
