"""The DOCX as Word reads it: page geometry, the ครุฑ, Thai run properties, styles, the text.

Every check opens the produced file (python-docx / lxml on the zip's XML parts), so a test
fails when the file Word would open is wrong, whatever the writer's code looks like.
"""

from __future__ import annotations

import importlib.util
import io
import os
import re
import stat
import zipfile
from dataclasses import replace
from pathlib import Path

import docx
import pytest
import qrcode
import qrcode.constants
from lxml import etree

from dla_drafter import pipeline
from dla_drafter.atomic import AtomicWriteError
from dla_drafter.compose.blocks import (
    Block,
    ComplimentaryClose,
    Composition,
    ContactBlock,
    CopiesTo,
    DateLine,
    Emblem,
    Heading,
    InitialsGrid,
    Labelled,
    LabelledItem,
    Paragraph,
    QRBlock,
    RecipientsList,
    Signature,
    TopMarks,
)
from dla_drafter.render import docx_writer as dw
from dla_drafter.render import docx_zip
from dla_drafter.render.docx_writer import render_docx
from dla_drafter.settings import RenderSettings

ROOT = Path(__file__).resolve().parents[2]
W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
NS = {
    "w": W,
    "wp": "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing",
    "a": "http://schemas.openxmlformats.org/drawingml/2006/main",
    "pic": "http://schemas.openxmlformats.org/drawingml/2006/picture",
    "r": "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
}
EMU_PER_CM = 360000
INVISIBLE = "\u200b\u200c\u200d\u00ad\ufeff\u2060"


def w(tag: str) -> str:
    return f"{{{W}}}{tag}"


def twips(cm: float) -> int:
    return round(cm * 1440 / 2.54)


# --- a realistic letter: shared/samples/circular-2565-eef.txt, digits as compose prints -----

BODY_1 = (
    "ตามที่กรมส่งเสริมการปกครองท้องถิ่นได้ขอความร่วมมือจังหวัดแจ้งองค์กรปกครองส่วนท้องถิ่น"
    "ที่มีโรงเรียนในสังกัดและได้รับการคัดเลือกเข้าร่วมโครงการพัฒนาครูและโรงเรียนเพื่อยกระดับ"
    "คุณภาพการศึกษาอย่างต่อเนื่อง รุ่นที่ ๒ เพื่อให้เกิดการพัฒนาโรงเรียนทั้งระบบ (Whole School "
    "Approach) ทั้งด้านการบริหารจัดการ และการจัดการเรียนการสอนในชั้นเรียนในโรงเรียนขนาดกลาง"
    "ที่มีเด็กด้อยโอกาส และยกระดับคุณภาพโรงเรียน เพื่อลดความเหลื่อมล้ำ ในพื้นที่เป้าหมาย ๔๓ จังหวัด "
    "โดยเริ่มดำเนินการตั้งแต่ปีงบประมาณ พ.ศ. ๒๕๖๓ เป็นต้นมา นั้น"
)
BODY_2 = (
    "กรมส่งเสริมการปกครองท้องถิ่นขอเรียนว่า การดำเนินโครงการพัฒนาครูและโรงเรียนเพื่อยกระดับ"
    "คุณภาพการศึกษาอย่างต่อเนื่อง รุ่นที่ ๒ ในปีงบประมาณ พ.ศ. ๒๕๖๕ กองทุนเพื่อความเสมอภาคทาง"
    "การศึกษาได้สนับสนุนงบประมาณดำเนินโครงการต่อเนื่องเป็นปีที่ ๓ โดยมีหลักการเพื่อพัฒนาโรงเรียน"
    "ทั้งระบบ (Whole School Approach) ภายใต้การสนับสนุนของโค้ชหรือพี่เลี้ยง เพื่อพัฒนาผู้บริหาร"
    "สถานศึกษาให้เป็นผู้นำการเปลี่ยนแปลงขององค์กร เสริมสร้างสมรรถนะของครูผู้สอนให้สามารถจัด"
    "การสอนแบบ Active Learning เพื่อพัฒนาทักษะในศตวรรษที่ ๒๑ ของผู้เรียนซึ่งจะเป็นประโยชน์ต่อ"
    "การพัฒนาคุณภาพผู้เรียนโดยตรง ขอความร่วมมือจังหวัดกำกับดูแลองค์กรปกครองส่วนท้องถิ่นที่มี"
    "โรงเรียนเข้าร่วมโครงการ พิจารณาให้ความสำคัญในการดำเนินการตามโครงการดังกล่าวอย่างต่อเนื่อง "
    "รายละเอียดปรากฏตามสิ่งที่ส่งมาด้วย"
)
QR_URL = "https://bit.ly/3I4Rmeo"


def eef_composition(*, urgency: str | None = None, file_copy: bool = False,
                    secrecy: str | None = None, copies: bool = False,
                    recipients: bool = True, two_enclosures: bool = False,
                    digits: str = "thai") -> Composition:
    """The EEF circular of June 2565 as compose would print it, with optional extras."""
    blocks: list[Block] = [Emblem()]
    if urgency or file_copy:
        blocks.append(TopMarks(urgency, "(สำเนาคู่ฉบับ)" if file_copy else None))
    enclosures = (LabelledItem("รายชื่อสถานศึกษาที่เข้าร่วมโครงการ", None, "จำนวน ๑ ชุด"),)
    if two_enclosures:
        enclosures = (
            LabelledItem("รายชื่อสถานศึกษาที่เข้าร่วมโครงการ", "๑.", "จำนวน ๑ ชุด"),
            LabelledItem("สำเนาหนังสือสถาบันส่งเสริมการสอนวิทยาศาสตร์และเทคโนโลยี ที่ ศธ ๕๓๐๖.๓/๓๓๖๗ "
                         "ลงวันที่ ๒๑ มิถุนายน ๒๕๖๕", "๒.", "จำนวน ๒ แผ่น"),
        )
    blocks += [
        Heading("ที่ มท ๐๘๑๖.๓/ว", True,
                ("กรมส่งเสริมการปกครองท้องถิ่น", "ถนนนครราชสีมา กทม. ๑๐๓๐๐")),
        DateLine(None, "มิถุนายน ๒๕๖๕"),
        Labelled("subject", "เรื่อง", (LabelledItem(
            "โครงการพัฒนาครูและโรงเรียนเพื่อยกระดับคุณภาพการศึกษาอย่างต่อเนื่อง รุ่นที่ ๒"),)),
        Labelled("salutation", "เรียน",
                 (LabelledItem("ผู้ว่าราชการจังหวัด (ตามรายชื่อแนบท้าย)"),)),
        Labelled("references", "อ้างถึง", (LabelledItem(
            "หนังสือกรมส่งเสริมการปกครองท้องถิ่น ที่ มท ๐๘๑๖.๓/ว ๑๗๕๐ ลงวันที่ ๑๖ มิถุนายน ๒๕๖๓"),)),
        Labelled("enclosures", "สิ่งที่ส่งมาด้วย", enclosures),
        Paragraph("body", BODY_1, 0),
        Paragraph("body", BODY_2, 1),
        Paragraph("closing", "จึงเรียนมาเพื่อโปรดพิจารณา"),
        ComplimentaryClose("ขอแสดงความนับถือ"),
        Signature("(นายประยูร รัตนเสนีย์)", ("อธิบดีกรมส่งเสริมการปกครองท้องถิ่น",)),
        ContactBlock((
            "กองส่งเสริมและพัฒนาการจัดการศึกษาท้องถิ่น",
            "กลุ่มงานส่งเสริมการจัดการศึกษาท้องถิ่น",
            "โทร. ๐-๒๒๔๑-๙๐๐๐ ต่อ ๕๓๑๒",
            "โทรสาร ๐-๒๒๔๑-๙๐๒๑-๓ ต่อ ๒๑๘",
            "ไปรษณีย์อิเล็กทรอนิกส์ saraban@dla.go.th",
        )),
        QRBlock("QR Code สิ่งที่ส่งมาด้วย", QR_URL),
    ]
    if copies:
        blocks.append(CopiesTo("สำเนาส่ง", (
            "ผู้อำนวยการสำนักงานส่งเสริมการปกครองท้องถิ่นจังหวัดทุกจังหวัด",
            "กองทุนเพื่อความเสมอภาคทางการศึกษา")))
    if file_copy:
        blocks.append(InitialsGrid((("ร่าง", ""), ("พิมพ์", ""), ("ทาน", "สมศรี"), ("ตรวจ", ""))))
    if recipients:
        blocks.append(RecipientsList("บัญชีรายชื่อแนบท้าย", (
            "๑. ผู้ว่าราชการจังหวัดกระบี่", "๒. ผู้ว่าราชการจังหวัดกาญจนบุรี",
            "๓. ผู้ว่าราชการจังหวัดกาฬสินธุ์")))
    return Composition(tuple(blocks), "external", secrecy, digits)


def full_composition(**extra) -> Composition:
    return eef_composition(urgency="ด่วนที่สุด", file_copy=True, secrecy="ลับ", copies=True,
                           two_enclosures=True, **extra)


@pytest.fixture
def settings() -> RenderSettings:
    return RenderSettings(use_system_th_sarabun=False)


# --- reading the produced file ------------------------------------------------------------

class Docx:
    """The XML parts of a produced .docx, parsed, with the lookups the tests need."""

    def __init__(self, path: Path, join: bool = True) -> None:
        """``join``: put the paragraphs split at page ends back together (as every reader of
        the letter's paragraphs does, ``docx_pages.join_continued``)."""
        self.path = path
        with zipfile.ZipFile(path) as z:
            self.raw = {name: z.read(name) for name in z.namelist()}
        self.document = etree.fromstring(self.raw["word/document.xml"])
        self.body = self.document.find(w("body"))
        # every page is a section of its own (render/docx_pages.py): the first section is
        # page one's, with the ครุฑ header and the template's headers and footers
        self.sections = list(self.body.iter(w("sectPr")))
        self.sect = self.sections[0]
        if join:
            from dla_drafter.render.docx_split import join_continued

            join_continued(self.body)
        self.styles_root = etree.fromstring(self.raw["word/styles.xml"])
        self.styles = {s.get(w("styleId")): s for s in self.styles_root.iter(w("style"))}
        rels = etree.fromstring(self.raw["word/_rels/document.xml.rels"])
        self.targets = {r.get("Id"): "word/" + r.get("Target") for r in rels}

    def story(self, kind: str, hdr_type: str) -> etree._Element:
        """A header/footer part by its sectPr reference (kind "header"/"footer")."""
        ref = next(r for r in self.sect.findall(w(f"{kind}Reference"))
                   if r.get(w("type")) == hdr_type)
        return etree.fromstring(self.raw[self.targets[ref.get(f"{{{NS['r']}}}id")]])

    def stories(self) -> list[etree._Element]:
        return [self.document] + [etree.fromstring(v) for k, v in self.raw.items()
                                  if re.fullmatch(r"word/(header|footer)\d+\.xml", k)]

    def style_chain(self, style_id: str | None) -> list[etree._Element]:
        chain = []
        while style_id and style_id in self.styles and len(chain) < 20:
            chain.append(self.styles[style_id])
            based = self.styles[style_id].find(w("basedOn"))
            style_id = based.get(w("val")) if based is not None else None
        return chain

    def run_prop(self, run: etree._Element, tag: str) -> etree._Element | None:
        """The run property ``tag`` as Word resolves it: the run's own, its character
        style's, its paragraph style's (basedOn chains followed), the document defaults."""
        rpr = run.find(w("rPr"))
        if rpr is not None and rpr.find(w(tag)) is not None:
            return rpr.find(w(tag))
        chains = []
        char_style = rpr.find(w("rStyle")) if rpr is not None else None
        if char_style is not None:
            chains.append(self.style_chain(char_style.get(w("val"))))
        paragraph = next(run.iterancestors(w("p")))
        style = paragraph.find(f"{w('pPr')}/{w('pStyle')}")
        chains.append(self.style_chain(style.get(w("val")) if style is not None else None))
        for chain in chains:
            for s in chain:
                found = s.find(f"{w('rPr')}/{w(tag)}")
                if found is not None:
                    return found
        return self.styles_root.find(
            f"{w('docDefaults')}/{w('rPrDefault')}/{w('rPr')}/{w(tag)}")

    def ppr(self, paragraph: etree._Element, tag: str) -> etree._Element | None:
        """The effective paragraph property ``tag``: direct, else from the style chain."""
        direct = paragraph.find(f"{w('pPr')}/{w(tag)}")
        if direct is not None:
            return direct
        style = paragraph.find(f"{w('pPr')}/{w('pStyle')}")
        for s in self.style_chain(style.get(w("val")) if style is not None else None):
            found = s.find(f"{w('pPr')}/{w(tag)}")
            if found is not None:
                return found
        return None

    def ppr_attr(self, paragraph: etree._Element, tag: str, attr: str) -> str | None:
        """One attribute of a paragraph property, resolved attribute by attribute (Word merges
        w:ind and w:spacing of a paragraph with its style's)."""
        direct = paragraph.find(f"{w('pPr')}/{w(tag)}")
        if direct is not None and direct.get(w(attr)) is not None:
            return direct.get(w(attr))
        style = paragraph.find(f"{w('pPr')}/{w('pStyle')}")
        for s in self.style_chain(style.get(w("val")) if style is not None else None):
            found = s.find(f"{w('pPr')}/{w(tag)}")
            if found is not None and found.get(w(attr)) is not None:
                return found.get(w(attr))
        return None

    def paragraphs(self, root: etree._Element | None = None) -> list[etree._Element]:
        return list((root if root is not None else self.body).iter(w("p")))

    def by_style(self, style_id: str, root: etree._Element | None = None,
                 ) -> list[etree._Element]:
        return [p for p in self.paragraphs(root) if style_of(p) == style_id]

    def with_text(self, needle: str) -> etree._Element:
        return next(p for p in self.paragraphs() if needle in text_of(p))


def style_of(paragraph: etree._Element) -> str | None:
    s = paragraph.find(f"{w('pPr')}/{w('pStyle')}")
    return s.get(w("val")) if s is not None else None


def text_of(paragraph: etree._Element) -> str:
    out = []
    for el in paragraph.iter(w("t"), w("tab")):
        out.append("\t" if el.tag == w("tab") else (el.text or ""))
    return "".join(out)


def write_docx(composition: Composition, path: Path, settings: RenderSettings,
               comments=None) -> None:
    """The DOCX writer's bytes through the one way out (``pipeline.write_outputs``)."""
    pipeline.write_outputs({Path(path): render_docx(composition, settings, comments)})


def produce(tmp_path: Path, composition: Composition, settings: RenderSettings,
            name: str = "letter.docx") -> Docx:
    path = tmp_path / name
    write_docx(composition, path, settings)
    return Docx(path)


@pytest.fixture
def letter(tmp_path, settings) -> Docx:
    return produce(tmp_path, eef_composition(), settings)


@pytest.fixture
def full(tmp_path, settings) -> Docx:
    return produce(tmp_path, full_composition(), settings, "full.docx")


# --- the template -------------------------------------------------------------------------

def test_committed_template_is_what_the_build_script_makes():
    spec = importlib.util.spec_from_file_location("build_templates",
                                                  ROOT / "scripts" / "build_templates.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    assert module.build("external") == (ROOT / "templates" / "external.docx").read_bytes()


def test_template_opens_in_python_docx_and_names_its_styles():
    document = docx.Document(str(ROOT / "templates" / "external.docx"))
    names = {s.name for s in document.styles}
    for name in ("DLA Normal", "DLA Body", "DLA Closing", "DLA Label", "DLA Label Item",
                 "DLA Date", "DLA Close", "DLA Signature", "DLA Contact", "DLA Urgency",
                 "DLA Secrecy", "DLA Page Number", "DLA List Title", "DLA List Item",
                 "DLA QR Caption", "DLA QR URL", "DLA Copies To", "DLA Initials"):
        assert name in names


# --- page geometry ------------------------------------------------------------------------

def test_a4_page_and_margins(letter):
    size = letter.sect.find(w("pgSz"))
    assert int(size.get(w("w"))) / 1440 * 2.54 == pytest.approx(21.0, abs=0.01)
    assert int(size.get(w("h"))) / 1440 * 2.54 == pytest.approx(29.7, abs=0.01)
    margins = letter.sect.find(w("pgMar"))

    def cm(attr: str) -> float:
        return int(margins.get(w(attr))) / 1440 * 2.54

    assert cm("left") == pytest.approx(3.0, abs=0.005)
    assert cm("right") == pytest.approx(2.0, abs=0.005)
    assert cm("bottom") == pytest.approx(2.0, abs=0.005)
    assert cm("top") == pytest.approx(2.5, abs=0.005)  # continuation pages
    assert cm("header") == pytest.approx(1.5, abs=0.005)  # page one: the ครุฑ's top edge
    assert letter.sect.find(w("titlePg")) is not None  # a different first page


def _emblem(d: Docx) -> tuple[etree._Element, etree._Element]:
    header = d.story("header", "first")
    drawing = header.find(".//wp:inline", NS)
    assert drawing is not None, "the ครุฑ is an inline picture in page one's header"
    return header, drawing


def test_emblem_is_3_cm_high_with_its_top_1_5_cm_from_the_paper_edge(letter):
    header, inline = _emblem(letter)
    extent = inline.find("wp:extent", NS)
    assert int(extent.get("cy")) / EMU_PER_CM == pytest.approx(3.0, abs=0.001)
    assert 1.5 < int(extent.get("cx")) / EMU_PER_CM < 4.5  # the emblem's own proportions
    # the picture sits in the first row of the header's first block, with nothing above it:
    first_block = header[0]
    assert first_block.tag == w("tbl")
    cell = inline.getparent()
    while cell.tag != w("tc"):
        cell = cell.getparent()
    assert cell.getparent() is first_block.find(w("tr"))
    margins = first_block.find(f"{w('tblPr')}/{w('tblCellMar')}/{w('top')}")
    assert margins.get(w("w")) == "0"
    paragraph = next(inline.iterancestors(w("p")))
    assert letter.ppr_attr(paragraph, "spacing", "before") in (None, "0")
    header_cm = int(letter.sect.find(w("pgMar")).get(w("header"))) / 1440 * 2.54
    assert header_cm == pytest.approx(1.5, abs=0.005)
    # centred on the text area: the middle column's centre is the text area's centre
    widths = [int(c.get(w("w"))) for c in first_block.find(w("tblGrid"))]
    assert len(widths) == 3
    assert widths[0] + widths[1] / 2 == pytest.approx(twips(16.0) / 2, abs=1)
    assert letter.ppr(paragraph, "jc").get(w("val")) == "center"


def test_an_offices_own_emblem_file_is_used_and_stays_centred(tmp_path):
    svg = tmp_path / "wide-emblem.svg"
    svg.write_text('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 200 100" '
                   'width="200" height="100"><rect x="10" y="10" width="180" height="80" '
                   'fill="#000"/></svg>', encoding="utf-8")
    d = produce(tmp_path, eef_composition(recipients=False),
                RenderSettings(emblem_path=svg, use_system_th_sarabun=False))
    header, inline = _emblem(d)
    extent = inline.find("wp:extent", NS)
    assert int(extent.get("cy")) / EMU_PER_CM == pytest.approx(3.0, abs=0.001)
    assert int(extent.get("cx")) / EMU_PER_CM == pytest.approx(6.0, abs=0.05)
    widths = [int(c.get(w("w"))) for c in header.find(f"{w('tbl')}/{w('tblGrid')}")]
    assert widths[1] >= twips(6.0)  # the ครุฑ's column makes room for it
    assert sum(widths) == twips(16.0)
    assert widths[0] == widths[2]  # and it stays centred on the text area


def test_secret_letter_keeps_the_emblem_at_1_5_cm(full):
    header, inline = _emblem(full)
    secrecy = header.find(w("p"))  # the mark's line comes first, with an exact height
    assert text_of(secrecy) == "ลับ"
    spacing = full.ppr(secrecy, "spacing")
    assert spacing.get(w("lineRule")) == "exact"
    line_twips = int(spacing.get(w("line")))  # twentieths of a point = twips
    header_twips = int(full.sect.find(w("pgMar")).get(w("header")))
    assert (header_twips + line_twips) / 1440 * 2.54 == pytest.approx(1.5, abs=0.005)
    assert header.index(secrecy) < header.index(next(inline.iterancestors(w("tbl"))))


# --- Thai run properties ------------------------------------------------------------------

DIRECT_LOOK = ("rFonts", "sz", "szCs", "b", "bCs", "color")


def assert_thai_runs(d: Docx, font: str) -> int:
    """Every run of the letter takes its font and size from the styles (no direct font or
    size on a run, so restyling works) and resolves to ``font`` on all four slots, a size on
    both ``w:sz`` and ``w:szCs``, bold on both or neither, Thai language; Thai runs are
    marked ``<w:cs/>``."""
    count = 0
    for root in d.stories():
        for run in root.iter(w("r")):
            if not any(t.text for t in run.iter(w("t"))):
                continue  # field characters, tabs, drawings: nothing to draw in a font
            count += 1
            rpr = run.find(w("rPr"))
            direct = [etree.QName(c).localname for c in rpr] if rpr is not None else []
            assert not set(direct) & set(DIRECT_LOOK), (direct, etree.tostring(run))
            fonts = d.run_prop(run, "rFonts")
            for slot in ("ascii", "hAnsi", "cs", "eastAsia"):
                assert fonts.get(w(slot)) == font, (slot, etree.tostring(run))
            sz, sz_cs = d.run_prop(run, "sz"), d.run_prop(run, "szCs")
            assert sz is not None and sz_cs is not None
            assert sz.get(w("val")) == sz_cs.get(w("val"))
            if root.tag != w("comments"):
                assert d.run_prop(run, "lang").get(w("bidi")) == "th-TH"
            assert (d.run_prop(run, "b") is None) == (d.run_prop(run, "bCs") is None)
            if THAI.search("".join(t.text or "" for t in run.iter(w("t")))):
                assert "cs" in direct, etree.tostring(run, encoding="unicode")
    return count


THAI = re.compile("[\u0e00-\u0e7f]")


def test_every_run_holding_thai_is_marked_complex_script(full):
    """A Thai DOCX checker flags every Thai run without ``<w:cs/>``; Latin-only runs (the
    e-mail address, a tab) are not marked, as Word writes them."""
    thai, latin = 0, []
    for root in full.stories():
        for run in root.iter(w("r")):
            text = "".join(t.text or "" for t in run.iter(w("t")))
            marked = run.find(f"{w('rPr')}/{w('cs')}") is not None
            if THAI.search(text):
                thai += 1
                assert marked, etree.tostring(run, encoding="unicode")
            elif text.strip():
                latin.append((text, marked))
    assert thai > 30
    assert (QR_URL, False) in latin
    # the schema puts w:rStyle first and w:cs after w:szCs, before w:lang: Word refuses
    # other orders
    order = ("rStyle", "rFonts", "b", "bCs", "sz", "szCs", "cs", "lang")
    for run in full.body.iter(w("r")):
        rpr = run.find(w("rPr"))
        tags = [etree.QName(c).localname for c in rpr] if rpr is not None else []
        assert tags == sorted(tags, key=order.index), tags


def test_runs_take_font_and_size_from_the_styles(full):
    """No run repeats the font or the size: "DLA Normal" names the font on all four slots
    and 16 pt on w:sz and w:szCs, and every body run resolves to them through its style."""
    assert assert_thai_runs(full, "TH SarabunPSK") > 50
    body_runs = [r for r in full.with_text(BODY_1[:20]).iter(w("r"))]
    assert all(full.run_prop(r, "szCs").get(w("val")) == "32" for r in body_runs)
    assert all(r.find(f"{w('rPr')}/{w('rFonts')}") is None for r in body_runs)
    normal = full.styles[dw.S_NORMAL].find(w("rPr"))
    assert normal.find(w("rFonts")).get(w("cs")) == "TH SarabunPSK"
    assert normal.find(w("szCs")).get(w("val")) == "32"
    # the other DLA styles change size or weight only: the font is named in one place
    for style_id, style in full.styles.items():
        if style_id.startswith("DLA") and style_id != dw.S_NORMAL:
            assert style.find(f"{w('rPr')}/{w('rFonts')}") is None, style_id


def test_styles_carry_the_thai_defaults_too(letter):
    styles = etree.fromstring(letter.raw["word/styles.xml"])
    defaults = styles.find(f"{w('docDefaults')}/{w('rPrDefault')}/{w('rPr')}")
    fonts = defaults.find(w("rFonts"))
    assert {fonts.get(w(s)) for s in ("ascii", "hAnsi", "cs", "eastAsia")} == {"TH SarabunPSK"}
    assert not [a for a in fonts.attrib if a.endswith("Theme") or a.endswith("theme")]
    assert defaults.find(w("sz")).get(w("val")) == defaults.find(w("szCs")).get(w("val")) == "32"
    # no w:bidi="th-TH" in docDefaults: WPS Writer draws ำ wrongly with it there; the styles
    # (and every run) say th-TH instead
    assert defaults.find(w("lang")).get(w("bidi")) is None
    normal = styles.find(f"{w('style')}[@{w('styleId')}='{dw.S_NORMAL}']")
    assert normal.find(f"{w('rPr')}/{w('lang')}").get(w("bidi")) == "th-TH"


def test_a_custom_font_appears_everywhere_instead(tmp_path):
    font = "TH SarabunIT๙"
    d = produce(tmp_path, full_composition(),
                RenderSettings(docx_font=font, use_system_th_sarabun=False))
    assert_thai_runs(d, font)
    for name, data in d.raw.items():
        if name.endswith(".xml"):
            text = data.decode("utf-8")
            assert "TH SarabunPSK" not in text, name
    for name in ("word/styles.xml", "word/fontTable.xml"):
        assert font in d.raw[name].decode("utf-8")
    # the body names no font at all: the styles do, so the office's font is in one place
    assert b"rFonts" not in d.raw["word/document.xml"]


# --- paragraphs ---------------------------------------------------------------------------

def test_body_and_closing_paragraphs_are_thai_distributed_with_a_2_5_cm_indent(letter):
    paragraphs = [letter.with_text(BODY_1[:30]), letter.with_text(BODY_2[:30]),
                  letter.with_text("จึงเรียนมาเพื่อโปรดพิจารณา")]
    for p in paragraphs:
        assert letter.ppr(p, "jc").get(w("val")) == "thaiDistribute"
        assert int(letter.ppr_attr(p, "ind", "firstLine")) == pytest.approx(1417, abs=1)
        assert letter.ppr_attr(p, "ind", "left") in (None, "0")
        assert letter.ppr_attr(p, "spacing", "before") == "120"  # 6 pt
    assert letter.ppr(paragraphs[-1], "keepNext") is not None  # closing stays with the close


def test_labelled_parts_hang_under_the_value(letter, settings):
    for label, start in (("เรื่อง", "เรื่อง  โครงการ"), ("เรียน", "เรียน  ผู้ว่า"),
                         ("อ้างถึง", "อ้างถึง  หนังสือ"),
                         ("สิ่งที่ส่งมาด้วย", "สิ่งที่ส่งมาด้วย  รายชื่อ")):
        p = letter.with_text(start)
        assert text_of(p).startswith(start)
        value_x = dw.text_width_cm(label + "  ", settings)
        assert 0.5 < value_x < 2.5
        assert int(letter.ppr_attr(p, "ind", "left")) == pytest.approx(twips(value_x), abs=1)
        assert int(letter.ppr_attr(p, "ind", "hanging")) == pytest.approx(twips(value_x), abs=1)
        assert letter.ppr_attr(p, "spacing", "before") == "120"


def test_numbered_enclosures_each_end_with_their_amount_at_the_right_margin(full, settings):
    first = full.with_text("สิ่งที่ส่งมาด้วย  ๑. รายชื่อ")
    second = full.with_text("๒. สำเนาหนังสือ")
    value_x = dw.text_width_cm("สิ่งที่ส่งมาด้วย  ", settings)
    number_w = dw.text_width_cm("๒. ", settings)
    assert int(full.ppr_attr(second, "ind", "left")) == pytest.approx(
        twips(value_x + number_w), abs=1)
    assert int(full.ppr_attr(second, "ind", "hanging")) == pytest.approx(twips(number_w), abs=1)
    assert full.ppr_attr(second, "spacing", "before") == "0"
    for p, amount in ((first, "จำนวน ๑ ชุด"), (second, "จำนวน ๒ แผ่น")):
        stops = full.ppr(p, "tabs")
        right = [t for t in stops if t.get(w("val")) == "right"]
        assert [int(t.get(w("pos"))) for t in right] == [twips(16.0)]
        children = [c for r in p.iter(w("r")) for c in r if c.tag in (w("t"), w("tab"))]
        assert children[-2].tag == w("tab")
        assert children[-1].text == amount


def test_date_and_close_start_7_5_cm_from_the_margin(letter, settings):
    date = letter.with_text("มิถุนายน ๒๕๖๕")
    assert text_of(date) == "\tมิถุนายน ๒๕๖๕"  # blank day: a tab leaves room for it
    assert int(letter.ppr_attr(date, "ind", "left")) == twips(7.5)
    stops = [int(t.get(w("pos"))) for t in letter.ppr(date, "tabs")]
    assert stops == [twips(7.5 + 1.5)]
    close = letter.with_text("ขอแสดงความนับถือ")
    assert int(letter.ppr_attr(close, "ind", "left")) == twips(7.5)
    assert letter.ppr(close, "keepNext") is not None


def test_a_date_with_its_day_is_written_plainly(tmp_path, settings):
    composition = eef_composition()
    blocks = tuple(DateLine("๑๖", "มิถุนายน ๒๕๖๕") if isinstance(b, DateLine) else b
                   for b in composition.blocks)
    d = produce(tmp_path, replace(composition, blocks=blocks), settings)
    assert text_of(d.with_text("มิถุนายน ๒๕๖๕")) == "๑๖ มิถุนายน ๒๕๖๕"


def test_signature_is_centred_under_the_close(letter, settings):
    lines = letter.by_style(dw.S_SIGNATURE)
    assert [text_of(p) for p in lines] == ["", "", "", "(นายประยูร รัตนเสนีย์)",
                                           "อธิบดีกรมส่งเสริมการปกครองท้องถิ่น"]
    centre = 7.5 + dw.text_width_cm("ขอแสดงความนับถือ", settings) / 2
    for p in lines:
        assert letter.ppr(p, "jc").get(w("val")) == "center"
        left = int(letter.ppr_attr(p, "ind", "left"))
        right = int(letter.ppr_attr(p, "ind", "right"))
        assert (left + twips(16.0) - right) / 2 == pytest.approx(twips(centre), abs=2)


def test_heading_puts_the_number_left_and_the_agency_block_at_a_common_x(letter):
    table = letter.body.find(w("tbl"))
    assert table.find(f"{w('tblPr')}/{w('tblCaption')}").get(w("val")) == dw.T_HEADING
    widths = [int(c.get(w("w"))) for c in table.find(w("tblGrid"))]
    assert widths == [twips(dw.AGENCY_BLOCK_X_CM), twips(16.0) - twips(dw.AGENCY_BLOCK_X_CM)]
    borders = table.find(f"{w('tblPr')}/{w('tblBorders')}")
    assert {b.get(w("val")) for b in borders} == {"nil"}
    mar = table.find(f"{w('tblPr')}/{w('tblCellMar')}/{w('left')}")
    assert mar.get(w("w")) == "0"
    left, right = table.find(w("tr")).findall(w("tc"))
    assert [text_of(p) for p in left.iter(w("p"))] == ["ที่ มท ๐๘๑๖.๓/ว"]
    assert [text_of(p) for p in right.iter(w("p"))] == [
        "กรมส่งเสริมการปกครองท้องถิ่น", "ถนนนครราชสีมา กทม. ๑๐๓๐๐"]


def test_contacts_at_the_left_and_the_qr_code_beside_them(letter, settings):
    table = next(t for t in letter.body.iter(w("tbl")) if t.find(
        f"{w('tblPr')}/{w('tblCaption')}").get(w("val")) == dw.T_CONTACT)
    left, right = table.find(w("tr")).findall(w("tc"))
    assert [text_of(p) for p in left.iter(w("p"))][0] == "กองส่งเสริมและพัฒนาการจัดการศึกษาท้องถิ่น"
    assert [text_of(p) for p in right.iter(w("p"))] == ["QR Code สิ่งที่ส่งมาด้วย", "", QR_URL]
    inline = right.find(".//wp:inline", NS)
    extent = inline.find("wp:extent", NS)
    assert int(extent.get("cx")) / EMU_PER_CM == pytest.approx(2.2, abs=0.001)
    assert int(extent.get("cy")) / EMU_PER_CM == pytest.approx(2.2, abs=0.001)
    widths = [int(c.get(w("w"))) for c in table.find(w("tblGrid"))]
    assert sum(widths) == twips(16.0)
    assert widths[1] >= twips(2.2)


def _png_pixels(data: bytes) -> tuple[int, list[bytes]]:
    """Width and rows of a 1-bit greyscale PNG (the writer's own format), decoded by hand."""
    import struct
    import zlib

    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    pos, idat, size = 8, b"", 0
    while pos < len(data):
        length, kind = struct.unpack(">I4s", data[pos:pos + 8])
        chunk = data[pos + 8:pos + 8 + length]
        if kind == b"IHDR":
            size, height, depth, colour = struct.unpack(">IIBB", chunk[:10])
            assert (size, depth, colour) == (height, 1, 0)
        elif kind == b"IDAT":
            idat += chunk
        pos += 12 + length
    raw = zlib.decompress(idat)
    stride = (size + 7) // 8 + 1
    rows = [raw[i * stride:(i + 1) * stride] for i in range(size)]
    assert all(r[0] == 0 for r in rows)  # filter type None
    return size, [r[1:] for r in rows]


def test_qr_image_encodes_the_url_with_error_correction_m(letter):
    table_cell = letter.body.find(".//wp:inline/..", NS)
    assert table_cell is not None
    media = [name for name in letter.raw if name.startswith("word/media/")]
    qr_images = [letter.raw[n] for n in media if letter.raw[n][12:16] == b"IHDR"
                 and letter.raw[n][24:26] == b"\x01\x00"]
    assert len(qr_images) == 1
    size, rows = _png_pixels(qr_images[0])
    expected = qrcode.QRCode(error_correction=qrcode.constants.ERROR_CORRECT_M, border=0)
    expected.add_data(QR_URL)
    expected.make(fit=True)
    matrix = expected.get_matrix()
    modules = len(matrix) + 2 * dw.QR_QUIET_MODULES
    scale = size // modules
    assert scale * modules == size

    def dark(x: int, y: int) -> bool:
        return not (rows[y][x // 8] >> (7 - x % 8)) & 1

    quiet = dw.QR_QUIET_MODULES
    for my in range(modules):
        for mx in range(modules):
            inside = quiet <= mx < modules - quiet and quiet <= my < modules - quiet
            want = matrix[my - quiet][mx - quiet] if inside else False
            assert dark(mx * scale + scale // 2, my * scale + scale // 2) == want


def test_copies_to_hangs_under_its_first_line(full, settings):
    first = full.with_text("สำเนาส่ง  ผู้อำนวยการ")
    [second] = full.by_style(dw.S_COPIES_TO_ITEM)
    assert text_of(second) == "กองทุนเพื่อความเสมอภาคทางการศึกษา"
    value_x = twips(dw.text_width_cm("สำเนาส่ง  ", settings))
    assert int(full.ppr_attr(first, "ind", "hanging")) == pytest.approx(value_x, abs=1)
    assert int(full.ppr_attr(second, "ind", "left")) == pytest.approx(value_x, abs=1)
    assert full.ppr_attr(second, "ind", "hanging") is None


def test_initials_grid_is_a_borderless_table_at_the_right_with_dotted_lines(full, settings):
    table = next(t for t in full.body.iter(w("tbl")) if t.find(
        f"{w('tblPr')}/{w('tblCaption')}").get(w("val")) == dw.T_INITIALS)
    # floating where the PDF sets it: its right edge on the right margin (19 cm)
    place = table.find(f"{w('tblPr')}/{w('tblpPr')}")
    assert (place.get(w("horzAnchor")), place.get(w("vertAnchor"))) == ("page", "page")
    width = int(table.find(f"{w('tblPr')}/{w('tblW')}").get(w("w")))
    assert int(place.get(w("tblpX"))) + width == pytest.approx(twips(19.0), abs=3)
    pages = dw.letter_pages(full_composition(), settings)
    grid = [it for page in pages.pages for it in page.items
            if getattr(it, "source", None) and it.source[0] == "initials"]
    assert int(place.get(w("tblpX"))) == pytest.approx(twips(min(it.x for it in grid)), abs=3)
    assert {b.get(w("val")) for b in table.find(f"{w('tblPr')}/{w('tblBorders')}")} == {"nil"}
    rows = [[text_of(p) for p in tc.iter(w("p"))] for tc in table.iter(w("tc"))]
    assert rows == [["ร่าง"], ["\t"], ["พิมพ์"], ["\t"], ["ทาน"], ["สมศรี"], ["ตรวจ"], ["\t"]]
    dotted = full.ppr(full.by_style(dw.S_INITIALS)[1], "tabs")[0]
    assert (dotted.get(w("val")), dotted.get(w("leader"))) == ("right", "dot")


def test_tables_never_touch(tmp_path, settings):
    """Word (and LibreOffice) merge tables with no paragraph between them into one table:
    contacts + QR directly followed by the initials grid must stay two tables."""
    c = eef_composition(file_copy=True, recipients=False)
    d = produce(tmp_path, c, settings)
    tables = d.body.findall(w("tbl"))
    assert [t.find(f"{w('tblPr')}/{w('tblCaption')}").get(w("val")) for t in tables] == [
        dw.T_HEADING, dw.T_CONTACT, dw.T_INITIALS]
    for table in tables:
        assert table.getnext().tag == w("p")


def test_distribution_list_starts_a_new_page(letter):
    paragraphs = letter.paragraphs()
    title = letter.with_text("บัญชีรายชื่อแนบท้าย")
    assert style_of(title) == dw.S_LIST_TITLE
    assert letter.ppr(title, "pageBreakBefore") is not None
    assert letter.ppr(title, "jc").get(w("val")) == "center"
    index = paragraphs.index(title)
    assert index > paragraphs.index(letter.with_text("ไปรษณีย์อิเล็กทรอนิกส์"))
    assert [text_of(p) for p in paragraphs[index + 1:]] == [
        "๑. ผู้ว่าราชการจังหวัดกระบี่", "๒. ผู้ว่าราชการจังหวัดกาญจนบุรี",
        "๓. ผู้ว่าราชการจังหวัดกาฬสินธุ์"]


# --- marks and page numbers ---------------------------------------------------------------

def test_page_number_from_page_two_in_thai_digits(letter):
    header = letter.story("header", "default")
    instr = "".join(t.text for t in header.iter(w("instrText")))
    assert instr.split()[0] == "PAGE"
    kinds = [f.get(w("fldCharType")) for f in header.iter(w("fldChar"))]
    assert kinds == ["begin", "separate", "end"]
    number = next(p for p in header.iter(w("p")) if style_of(p) == dw.S_PAGE_NUMBER)
    assert text_of(number) == "- ๒ -"
    assert letter.ppr(number, "jc").get(w("val")) == "center"
    assert letter.sect.find(w("pgNumType")).get(w("fmt")) == "thaiNumbers"
    first = letter.story("header", "first")
    assert not list(first.iter(w("instrText")))  # no page number on page one


def test_page_numbers_follow_arabic_digits(tmp_path, settings):
    d = produce(tmp_path, eef_composition(digits="arabic"), settings)
    assert d.sect.find(w("pgNumType")).get(w("fmt")) == "decimal"
    number = next(p for p in d.story("header", "default").iter(w("p"))
                  if style_of(p) == dw.S_PAGE_NUMBER)
    assert text_of(number) == "- 2 -"


def test_urgency_is_red_bold_32_pt_at_the_top_left(full):
    header = full.story("header", "first")
    run = next(r for r in header.iter(w("r")) if "".join(
        t.text or "" for t in r.iter(w("t"))) == "ด่วนที่สุด")
    rpr = run.find(w("rPr"))
    assert rpr.find(w("rStyle")).get(w("val")) == dw.S_URGENCY
    assert full.run_prop(run, "sz").get(w("val")) == full.run_prop(run, "szCs").get(
        w("val")) == "64"
    assert full.run_prop(run, "b") is not None and full.run_prop(run, "bCs") is not None
    color = full.styles[dw.S_URGENCY].find(f"{w('rPr')}/{w('color')}").get(w("val"))
    assert color.upper() == "C00000"
    cell = next(run.iterancestors(w("tc")))
    # the left column, level with the ครุฑ's foot
    assert cell.getparent().findall(w("tc")).index(cell) == 0
    assert cell.find(f"{w('tcPr')}/{w('vAlign')}").get(w("val")) == "bottom"
    note = next(p for p in header.iter(w("p")) if text_of(p) == "(สำเนาคู่ฉบับ)")
    assert full.ppr(note, "jc").get(w("val")) == "right"


def test_secrecy_mark_is_red_larger_and_centred_at_top_and_bottom_of_every_page(full):
    stories = [full.story(kind, t) for kind in ("header", "footer") for t in ("first",
                                                                             "default")]
    for story in stories:
        marks = [p for p in story.iter(w("p")) if style_of(p) == dw.S_SECRECY]
        assert [text_of(p) for p in marks] == ["ลับ"]
        run = marks[0].find(w("r"))
        assert int(full.run_prop(run, "szCs").get(w("val"))) > 32
        assert full.run_prop(run, "bCs") is not None
        assert full.ppr(marks[0], "jc").get(w("val")) == "center"
    color = full.styles[dw.S_SECRECY].find(f"{w('rPr')}/{w('color')}").get(w("val"))
    assert color.upper() == "C00000"


def test_no_marks_when_the_letter_has_none(letter):
    for story in (letter.story("header", "first"), letter.story("footer", "default")):
        assert not any(text_of(p) for p in story.iter(w("p")) if style_of(p) == dw.S_SECRECY)
    first = letter.story("header", "first")
    assert [text_of(p) for p in first.iter(w("p")) if text_of(p)] == []


# --- the text -----------------------------------------------------------------------------

def expected_texts(c: Composition) -> list[str]:
    """The printed text of every block, as the DOCX must hold it (empty lines left out)."""
    out: list[str] = []
    for b in c.blocks:
        if isinstance(b, Heading):
            out += [b.number, *b.agency_lines]
        elif isinstance(b, DateLine):
            out.append(b.text if b.day else "\t" + b.month_year)
        elif isinstance(b, Labelled):
            for i, item in enumerate(b.items):
                lead = b.label + "  " if i == 0 else ""
                number = item.number + " " if item.number else ""
                amount = "\t" + item.amount if item.amount else ""
                out.append(lead + number + item.text + amount)
        elif isinstance(b, Paragraph | ComplimentaryClose):
            out.append(b.text)
        elif isinstance(b, Signature):
            out += [b.name_line, *b.positions]
        elif isinstance(b, ContactBlock):
            out += list(b.lines)
        elif isinstance(b, QRBlock):
            out += [b.caption, b.url]
        elif isinstance(b, CopiesTo):
            out += [b.label + "  " + b.lines[0], *b.lines[1:]]
        elif isinstance(b, InitialsGrid):
            for role, name in b.rows:
                out += [role, name or "\t"]
        elif isinstance(b, RecipientsList):
            out += [b.title, *b.names]
    return out


@pytest.mark.parametrize("make", [eef_composition, full_composition])
def test_document_text_is_the_composition_text(tmp_path, settings, make):
    composition = make()
    d = produce(tmp_path, composition, settings)
    texts = [t for t in (text_of(p) for p in d.paragraphs()) if t]
    assert texts == expected_texts(composition)
    body = "".join(texts)
    assert "๒๕๖๕" in body and "2565" not in body  # Thai digits exactly as composed


def test_no_invisible_characters_anywhere(tmp_path, settings):
    dirty = eef_composition(urgency="ด่วน\u200bที่สุด", secrecy="ลับ\ufeff")
    blocks = []
    for b in dirty.blocks:
        if isinstance(b, Paragraph):
            b = replace(b, text=b.text.replace("โรงเรียน", "โรง\u200bเรียน\u00ad"))
        elif isinstance(b, Heading):
            b = replace(b, agency_lines=tuple("\u200d" + x + "\u200c" for x in b.agency_lines))
        blocks.append(b)
    d = produce(tmp_path, replace(dirty, blocks=tuple(blocks)), settings)
    for name, data in d.raw.items():
        if name.endswith(".xml"):
            text = data.decode("utf-8")
            for ch in INVISIBLE:
                assert ch not in text, (name, hex(ord(ch)))
    texts = [t for t in (text_of(p) for p in d.paragraphs()) if t]
    assert texts == expected_texts(eef_composition())


def test_clerk_text_with_xml_characters_is_escaped(tmp_path, settings):
    c = eef_composition(recipients=False)
    blocks = tuple(replace(b, text='ค่า <ก> & "ข" {{ x }} {% y %}') if isinstance(b, Paragraph)
                   and b.part == "closing" else b for b in c.blocks)
    d = produce(tmp_path, replace(c, blocks=blocks), settings)
    assert d.with_text("ค่า <ก>").xpath("string()") == 'ค่า <ก> & "ข" {{ x }} {% y %}'


def test_a_minimal_composition_still_makes_a_valid_letter(tmp_path, settings):
    c = Composition((Heading("ที่", True, ()), Paragraph("body", "ข้อความ", 0),
                     Signature("(" + " " * 40 + ")", ())))
    d = produce(tmp_path, c, settings)
    assert [text_of(p) for p in d.paragraphs() if text_of(p)] == [
        "ที่", "ข้อความ", "(" + " " * 40 + ")"]
    assert not list(d.story("header", "first").iter(f"{{{NS['wp']}}}inline"))  # no ครุฑ block
    docx.Document(str(d.path))


def test_composed_example_draft_writes(tmp_path, settings, eef_dict):
    from dla_drafter.compose import compose
    from dla_drafter.model.draftio import letter_from_dict

    composition = compose(letter_from_dict(eef_dict))
    d = produce(tmp_path, composition, settings)
    texts = [t for t in (text_of(p) for p in d.paragraphs()) if t]
    assert texts == [t for t in expected_texts(composition) if t.strip()]
    document = docx.Document(str(d.path))  # python-docx reads it back
    assert document.sections[0].different_first_page_header_footer


# --- writing safely -----------------------------------------------------------------------

def test_missing_folder_raises_a_clear_error_and_writes_nothing(tmp_path, settings):
    target = tmp_path / "no such folder" / "letter.docx"
    with pytest.raises(AtomicWriteError) as info:
        write_docx(eef_composition(), target, settings)
    assert "letter.docx" in str(info.value)
    assert not target.parent.exists()


def test_a_file_in_place_of_the_folder_raises_and_writes_nothing(tmp_path, settings):
    blocker = tmp_path / "not a folder"
    blocker.write_bytes(b"x")
    with pytest.raises(AtomicWriteError):
        write_docx(eef_composition(), blocker / "letter.docx", settings)
    assert blocker.read_bytes() == b"x"
    assert [p.name for p in tmp_path.iterdir()] == ["not a folder"]


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0,
                    reason="needs POSIX permissions that apply (not root)")
def test_unwritable_folder_raises_and_leaves_no_file(tmp_path, settings):
    folder = tmp_path / "locked"
    folder.mkdir()
    folder.chmod(stat.S_IRUSR | stat.S_IXUSR)
    try:
        with pytest.raises(AtomicWriteError):
            write_docx(eef_composition(), folder / "letter.docx", settings)
        assert list(folder.iterdir()) == []
    finally:
        folder.chmod(stat.S_IRWXU)


def test_failure_while_saving_keeps_the_old_file_and_leaves_no_temporary(
        tmp_path, settings, monkeypatch):
    target = tmp_path / "letter.docx"
    target.write_bytes(b"the clerk's previous export")

    def broken_zip(entries):
        next(iter(entries))  # half way through the package
        raise OSError(28, "No space left on device")

    # the package is zipped by docx_zip (not docxtpl's save): break it there
    monkeypatch.setattr(docx_zip, "zip_bytes", broken_zip)
    with pytest.raises(OSError):
        write_docx(eef_composition(), target, settings)
    assert target.read_bytes() == b"the clerk's previous export"
    assert [p.name for p in tmp_path.iterdir()] == ["letter.docx"]


def test_output_is_a_valid_zip_with_every_part_parsable(letter):
    with zipfile.ZipFile(letter.path) as z:
        assert z.testzip() is None
        for name in z.namelist():
            if name.endswith((".xml", ".rels")):
                etree.fromstring(z.read(name))
    document = docx.Document(io.BytesIO(letter.path.read_bytes()))
    assert document.sections[0].page_width.cm == pytest.approx(21.0, abs=0.01)


# --- the other kinds: บันทึกข้อความ, คำสั่ง, หนังสือประทับตรา -----------------------------------

def example_composition(name: str, **changes) -> Composition:
    import json

    from dla_drafter.compose import compose
    from dla_drafter.model.draftio import letter_from_dict

    data = json.loads((ROOT / "examples" / f"{name}.dladraft.json").read_text(encoding="utf-8"))
    for key, value in changes.items():
        if isinstance(value, dict):
            data.setdefault(key, {}).update(value)
        else:
            data[key] = value
    return compose(letter_from_dict(data))


@pytest.fixture
def memo(tmp_path, settings) -> Docx:
    return produce(tmp_path, example_composition("memo-2569"), settings, "memo.docx")


@pytest.fixture
def order(tmp_path, settings) -> Docx:
    return produce(tmp_path, example_composition("order-2569"), settings, "order.docx")


def run_text(run: etree._Element) -> str:
    return "".join(t.text or "" for t in run.iter(w("t")))


def runs_text(paragraph: etree._Element) -> str:
    """The paragraph's printed text, tabs as \\t (tab stop definitions in w:pPr excluded)."""
    return "".join("\t" if c.tag == w("tab") else (c.text or "")
                   for r in paragraph.iter(w("r")) for c in r if c.tag in (w("t"), w("tab")))


def test_committed_memo_template_is_what_the_build_script_makes():
    spec = importlib.util.spec_from_file_location("build_templates",
                                                  ROOT / "scripts" / "build_templates.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    assert module.build("memo") == (ROOT / "templates" / "memo.docx").read_bytes()
    document = docx.Document(str(ROOT / "templates" / "memo.docx"))
    names = {s.name for s in document.styles}
    for name in ("DLA Memo Title", "DLA Memo Label", "DLA Memo Head", "DLA Memo Number",
                 "DLA Title", "DLA Title Line", "DLA Title Rule", "DLA Issued",
                 "DLA Stamp Agency", "DLA Stamp Note", "DLA Stamp Date"):
        assert name in names


def test_each_kind_picks_its_template():
    assert dw.template_path("memo").name == "memo.docx"
    for kind in ("external", "stamped", "order", "announcement"):
        assert dw.template_path(kind).name == "external.docx"


def test_memo_emblem_1_5_cm_at_the_left_and_title_29_pt_bold_centred(memo):
    header, inline = _emblem(memo)
    extent = inline.find("wp:extent", NS)
    assert int(extent.get("cy")) / EMU_PER_CM == pytest.approx(1.5, abs=0.001)
    table = header.find(w("tbl"))
    assert table.find(f"{w('tblPr')}/{w('tblCaption')}").get(w("val")) == dw.T_MEMO_TOP
    cells = table.find(w("tr")).findall(w("tc"))
    assert next(inline.iterancestors(w("tc"))) is cells[0]  # the left column
    emblem_paragraph = next(inline.iterancestors(w("p")))
    assert memo.ppr(emblem_paragraph, "jc") is None  # left aligned, at the margin
    [title] = [p for p in cells[1].iter(w("p")) if text_of(p)]
    assert text_of(title) == "บันทึกข้อความ"
    assert style_of(title) == dw.S_MEMO_TITLE
    assert memo.ppr(title, "jc").get(w("val")) == "center"
    line = memo.ppr(title, "spacing")
    assert (line.get(w("line")), line.get(w("lineRule"))) == ("700", "exact")  # 35 pt
    for run in title.iter(w("r")):
        assert memo.run_prop(run, "sz").get(w("val")) == memo.run_prop(run, "szCs").get(
            w("val")) == "58"
        assert memo.run_prop(run, "b") is not None and memo.run_prop(run, "bCs") is not None
    style_rpr = memo.styles[dw.S_MEMO_TITLE].find(w("rPr"))
    assert style_rpr.find(w("szCs")).get(w("val")) == "58"
    widths = [int(c.get(w("w"))) for c in table.find(w("tblGrid"))]
    assert sum(widths) == twips(16.0) and widths[0] == widths[2]  # centred on the text
    assert memo.story("header", "default").find(f".//{w('instrText')}") is not None


def test_memo_labels_20_pt_bold_and_dotted_leaders_at_16_cm(memo, settings):
    head = memo.by_style(dw.S_MEMO_HEAD) + memo.by_style(dw.S_MEMO_NUMBER)
    assert [style_of(p) for p in memo.paragraphs() if style_of(p) in (
        dw.S_MEMO_HEAD, dw.S_MEMO_NUMBER)] == [dw.S_MEMO_HEAD, dw.S_MEMO_NUMBER,
                                                dw.S_MEMO_HEAD]
    labels = [r for p in head for r in p.iter(w("r"))
              if r.find(f"{w('rPr')}/{w('rStyle')}") is not None]
    assert sorted(run_text(r) for r in labels) == sorted(["ส่วนราชการ", "ที่", "วันที่", "เรื่อง"])
    for run in labels:
        rpr = run.find(w("rPr"))
        assert rpr.find(w("rStyle")).get(w("val")) == dw.S_MEMO_LABEL
        assert memo.run_prop(run, "sz").get(w("val")) == memo.run_prop(run, "szCs").get(
            w("val")) == "40"
        assert memo.run_prop(run, "b") is not None and memo.run_prop(run, "bCs") is not None
    label_style = memo.styles[dw.S_MEMO_LABEL]
    assert label_style.get(w("type")) == "character"
    assert label_style.find(f"{w('rPr')}/{w('szCs')}").get(w("val")) == "40"
    assert label_style.find(f"{w('rPr')}/{w('bCs')}") is not None
    values = [run_text(r) for p in head for r in p.iter(w("r")) if r not in labels]
    assert all(run_text(r) for r in labels)
    assert "  มท ๐๘๑๖.๓/๒๔๕๗" in values and "  ๒๐ พฤศจิกายน ๒๕๖๙" in values
    for p in head:  # every value ends with a tab to a dotted leader
        last = [c for r in p.iter(w("r")) for c in r if c.tag in (w("t"), w("tab"))][-1]
        assert last.tag == w("tab")
        stops = {(t.get(w("val")), int(t.get(w("pos"))), t.get(w("leader")))
                 for t in memo.ppr(p, "tabs")}
        assert ("right", twips(16.0), "dot") in stops
    [number] = memo.by_style(dw.S_MEMO_NUMBER)
    stops = {(t.get(w("val")), int(t.get(w("pos"))), t.get(w("leader")))
             for t in memo.ppr(number, "tabs")}
    assert ("left", twips(8.0), "dot") in stops  # the ที่ leader runs to วันที่
    text = text_of(number)
    assert text.startswith("ที่  มท") and "\tวันที่  ๒๐ พฤศจิกายน" in text
    # a wrapped ส่วนราชการ hangs under its value (the label's width at 20 pt + two spaces)
    agency = memo.by_style(dw.S_MEMO_HEAD)[0]
    value_x = dw.text_width_cm("ส่วนราชการ", settings, 20, True) + dw.text_width_cm("  ", settings)
    assert int(memo.ppr_attr(agency, "ind", "left")) == pytest.approx(twips(value_x), abs=1)
    assert int(memo.ppr_attr(agency, "ind", "hanging")) == pytest.approx(twips(value_x), abs=1)
    assert text_of(agency) == ("ส่วนราชการ  กองส่งเสริมและพัฒนาการจัดการศึกษาท้องถิ่น "
                               "(กลุ่มงานส่งเสริมการจัดการศึกษาท้องถิ่น) โทร. ๐ ๒๒๔๑ ๙๐๐๐ ต่อ ๕๓๑๒\t")


def test_memo_blank_day_is_a_dotted_tab_where_typeset_starts_the_month(tmp_path, settings):
    d = produce(tmp_path, example_composition("memo-2569", date={"day": None}), settings)
    [number] = d.by_style(dw.S_MEMO_NUMBER)
    assert runs_text(number) == "ที่  มท ๐๘๑๖.๓/๒๔๕๗\tวันที่  \tพฤศจิกายน ๒๕๖๙\t"
    value_x = (8.0 + dw.text_width_cm("วันที่", settings, 20, True)
               + dw.text_width_cm("  ", settings))
    direct = number.find(f"{w('pPr')}/{w('tabs')}")
    [stop] = direct.findall(w("tab"))
    assert (stop.get(w("val")), stop.get(w("leader"))) == ("left", "dot")
    assert int(stop.get(w("pos"))) == pytest.approx(twips(value_x + 1.5), abs=1)


def test_memo_has_no_close_and_signs_where_the_external_letter_does(memo, settings):
    assert not memo.by_style(dw.S_CLOSE)
    assert not any("ขอแสดงความนับถือ" in text_of(p) for p in memo.paragraphs())
    salutation = memo.with_text("เรียน  อธิบดี")
    assert style_of(salutation) == dw.S_LABEL
    assert memo.ppr_attr(salutation, "spacing", "before") == "120"  # 6 pt
    lines = memo.by_style(dw.S_SIGNATURE)
    assert [text_of(p) for p in lines][3:] == [
        "(นางสาวศิริพร ใจดีงาม)", "ผู้อำนวยการกองส่งเสริมและพัฒนาการจัดการศึกษาท้องถิ่น"]
    centre = 7.5 + dw.text_width_cm("ขอแสดงความนับถือ", settings) / 2
    for p in lines:
        left = int(memo.ppr_attr(p, "ind", "left"))
        right = int(memo.ppr_attr(p, "ind", "right"))
        assert (left + twips(16.0) - right) / 2 == pytest.approx(twips(centre), abs=2)
    body = memo.with_text("๑. เรื่องเดิม")
    assert memo.ppr(body, "jc").get(w("val")) == "thaiDistribute"
    assert int(memo.ppr_attr(body, "ind", "firstLine")) == pytest.approx(1417, abs=1)
    assert_thai_runs(memo, "TH SarabunPSK")
    document = docx.Document(str(memo.path))
    assert document.core_properties.title.startswith("ขออนุมัติจัดโครงการ")


def test_memo_text_is_the_composition_text(memo):
    texts = [t for t in (text_of(p) for p in memo.paragraphs()) if t]
    assert texts[:4] == [
        "ส่วนราชการ  กองส่งเสริมและพัฒนาการจัดการศึกษาท้องถิ่น (กลุ่มงานส่งเสริมการจัดการศึกษาท้องถิ่น) "
        "โทร. ๐ ๒๒๔๑ ๙๐๐๐ ต่อ ๕๓๑๒\t",
        "ที่  มท ๐๘๑๖.๓/๒๔๕๗\tวันที่  ๒๐ พฤศจิกายน ๒๕๖๙\t",
        "เรื่อง  ขออนุมัติจัดโครงการอบรมเชิงปฏิบัติการพัฒนาศักยภาพครูผู้สอนระดับปฐมวัย "
        "สังกัดองค์กรปกครองส่วนท้องถิ่น ประจำปีงบประมาณ พ.ศ. ๒๕๗๐\t",
        "เรียน  อธิบดีกรมส่งเสริมการปกครองท้องถิ่น",
    ]
    assert texts[-1] == "ผู้อำนวยการกองส่งเสริมและพัฒนาการจัดการศึกษาท้องถิ่น"


def test_memo_marks_go_to_the_right_of_the_title(tmp_path, settings):
    c = replace(example_composition("memo-2569", urgency="ด่วนที่สุด", file_copy=True),
                secrecy="ลับ")
    d = produce(tmp_path, c, settings)
    header = d.story("header", "first")
    table = header.find(w("tbl"))
    right = table.find(w("tr")).findall(w("tc"))[2]
    assert [text_of(p) for p in right.iter(w("p"))] == ["(สำเนาคู่ฉบับ)", "ด่วนที่สุด"]
    urgency = right.findall(w("p"))[-1]
    assert d.ppr(urgency, "jc").get(w("val")) == "right"
    [secrecy] = [p for p in header.iter(w("p")) if style_of(p) == dw.S_SECRECY]
    assert text_of(secrecy) == "ลับ" and header.index(secrecy) < header.index(table)
    assert_thai_runs(d, "TH SarabunPSK")


def test_order_title_centred_bold_then_issued_on_and_signature(order, settings):
    assert dw.template_path("order").name == "external.docx"
    _header, inline = _emblem(order)  # the ครุฑ centred, 3 cm, as the external letter
    assert int(inline.find("wp:extent", NS).get("cy")) / EMU_PER_CM == pytest.approx(3.0)
    [title] = order.by_style(dw.S_TITLE)
    assert text_of(title) == "คำสั่งกรมส่งเสริมการปกครองท้องถิ่น"
    assert order.ppr(title, "jc").get(w("val")) == "center"
    for run in title.iter(w("r")):
        assert order.run_prop(run, "b") is not None and order.run_prop(run, "bCs") is not None
        assert order.run_prop(run, "szCs").get(w("val")) == "32"
    lines = order.by_style(dw.S_TITLE_LINE)
    assert [text_of(p) for p in lines] == [
        "ที่ ๓๒๑/๒๕๖๙", "เรื่อง แต่งตั้งคณะทำงานขับเคลื่อนการพัฒนาคุณภาพการจัดการศึกษาท้องถิ่น"]
    [rule] = order.by_style(dw.S_TITLE_RULE)
    assert text_of(rule) == "-----------------"
    for p in [title, *lines, rule]:
        assert order.ppr(p, "jc").get(w("val")) == "center"
        assert order.ppr(p, "keepNext") is not None
    [issued] = order.by_style(dw.S_ISSUED)
    assert text_of(issued) == "สั่ง ณ วันที่ ๒๐ พฤศจิกายน พ.ศ. ๒๕๖๙"
    assert int(order.ppr_attr(issued, "ind", "left")) == twips(7.5)
    before = int(order.ppr_attr(issued, "spacing", "before"))  # one blank line (26 pt)
    assert before == round(16 * 1.627 * 20)
    assert order.ppr(issued, "keepNext") is not None
    paragraphs = order.paragraphs()
    signature = order.by_style(dw.S_SIGNATURE)
    assert paragraphs.index(issued) < paragraphs.index(signature[0])
    assert paragraphs.index(rule) < paragraphs.index(order.with_text("เพื่อให้การขับเคลื่อน"))
    centre = 7.5 + dw.text_width_cm(text_of(issued), settings) / 2
    for p in signature:
        left = int(order.ppr_attr(p, "ind", "left"))
        right = int(order.ppr_attr(p, "ind", "right"))
        assert (left + twips(16.0) - right) / 2 == pytest.approx(twips(centre), abs=2)
    assert [text_of(p) for p in signature][3:] == ["(นายวิชัย ประเสริฐศักดิ์)",
                                                    "อธิบดีกรมส่งเสริมการปกครองท้องถิ่น"]
    for style in (dw.S_LABEL, dw.S_CLOSE, dw.S_CONTACT, dw.S_NUMBER, dw.S_DATE):
        assert not order.by_style(style), style
    assert_thai_runs(order, "TH SarabunPSK")
    assert docx.Document(str(order.path)).core_properties.title.startswith("แต่งตั้งคณะทำงาน")


def test_order_blank_day_and_serial_leave_room(tmp_path, settings):
    c = example_composition("order-2569", date={"day": None}, number={"serial": None})
    d = produce(tmp_path, c, settings)
    [issued] = d.by_style(dw.S_ISSUED)
    assert runs_text(issued) == "สั่ง ณ วันที่ \tพฤศจิกายน พ.ศ. ๒๕๖๙"
    [stop] = issued.find(f"{w('pPr')}/{w('tabs')}").findall(w("tab"))
    lead = dw.text_width_cm("สั่ง ณ วันที่ ", settings)
    assert int(stop.get(w("pos"))) == pytest.approx(twips(7.5 + lead + 1.5), abs=1)
    number = d.by_style(dw.S_TITLE_LINE)[0]
    assert re.fullmatch(r"ที่ {10,}/๒๕๖๙", text_of(number))


def test_stamped_letter_addressed_with_ถึง_and_sealed(tmp_path, settings):
    c = example_composition("memo-2569", kind="stamped", agency={
        "name": "กรมส่งเสริมการปกครองท้องถิ่น", "address": ["ถนนนครราชสีมา กทม. ๑๐๓๐๐"]})
    d = produce(tmp_path, c, settings)
    to = d.with_text("ถึง  อธิบดี")
    assert style_of(to) == dw.S_LABEL
    value_x = dw.text_width_cm("ถึง  ", settings)
    assert int(d.ppr_attr(to, "ind", "hanging")) == pytest.approx(twips(value_x), abs=1)
    assert not d.by_style(dw.S_CLOSE) and not d.by_style(dw.S_SIGNATURE)
    agency, note, date = (d.by_style(s)[0] for s in (dw.S_STAMP_AGENCY, dw.S_STAMP_NOTE,
                                                     dw.S_STAMP_DATE))
    assert [text_of(p) for p in (agency, note, date)] == [
        "กรมส่งเสริมการปกครองท้องถิ่น", "(ตราประทับ)", "๒๐ พฤศจิกายน ๒๕๖๙"]
    paragraphs = d.paragraphs()
    assert paragraphs.index(agency) < paragraphs.index(note) < paragraphs.index(date)
    assert paragraphs.index(date) < paragraphs.index(d.with_text("กลุ่มงานส่งเสริม"))
    color = d.styles[dw.S_STAMP_NOTE].find(f"{w('rPr')}/{w('color')}").get(w("val"))
    assert color.upper() == "C00000"
    centre = 7.5 + dw.text_width_cm("ขอแสดงความนับถือ", settings) / 2
    for p in (agency, note, date):
        assert d.ppr(p, "jc").get(w("val")) == "center"
        left, right = int(d.ppr_attr(p, "ind", "left")), int(d.ppr_attr(p, "ind", "right"))
        assert (left + twips(16.0) - right) / 2 == pytest.approx(twips(centre), abs=2)
    # the seal's room: name line + note's spacing and line = the seal's 4.5 cm diameter
    spacing = d.ppr(note, "spacing")
    room = int(spacing.get(w("before"))) + int(spacing.get(w("after"))) + 2 * 16 * 1.627 * 20
    assert room / 20 / 72 * 2.54 == pytest.approx(4.5, abs=0.01)
    assert_thai_runs(d, "TH SarabunPSK")


# --- input that used to break the writer after the PDF was written (issue 6, item 16) ------

def test_a_subject_over_255_characters_is_written_whole_and_titled_short(tmp_path, settings):
    subject = "ขออนุมัติโครงการพัฒนาครูและโรงเรียนเพื่อยกระดับคุณภาพการศึกษาอย่างต่อเนื่อง " * 5
    subject = subject.strip()
    assert len(subject) > 255
    composition = eef_composition()
    blocks = [Labelled("subject", "เรื่อง", (LabelledItem(subject),))
              if isinstance(b, Labelled) and b.part == "subject" else b
              for b in composition.blocks]
    path = tmp_path / "long.docx"
    write_docx(replace(composition, blocks=tuple(blocks)), path, settings)
    document = docx.Document(str(path))
    title = document.core_properties.title
    assert len(title) <= 255 and title.endswith("…")
    assert subject.startswith(title[:-1])
    # the letter itself carries the whole subject
    assert subject in "".join(p.text for p in document.paragraphs)


def test_core_title_never_splits_a_thai_cluster():
    subject = "ก" * 253 + "ที่" + "ข" * 10  # 253 + ท + ี + ่: the cut falls inside "ที่"
    title = dw.core_title(subject)
    assert len(title) <= 255
    assert title == "ก" * 253 + "…"  # "ที่" kept whole or not at all
    assert dw.core_title("สั้น") == "สั้น"


def test_noncharacters_never_reach_the_xml(tmp_path, settings):
    """Validation refuses U+FFFE/U+FFFF on the field; the writer still never breaks on them
    (the subject goes into the title property, the QR URL into the picture's alt text)."""
    composition = eef_composition()
    subject = "โครงการ\ufffeพัฒนาครู"
    blocks = []
    for b in composition.blocks:
        if isinstance(b, Labelled) and b.part == "subject":
            b = Labelled("subject", "เรื่อง", (LabelledItem(subject),))
        elif isinstance(b, QRBlock):
            b = QRBlock(b.caption, QR_URL + "\uffff")
        blocks.append(b)
    d = produce(tmp_path, replace(composition, blocks=tuple(blocks)), settings)
    assert docx.Document(str(d.path)).core_properties.title == "โครงการพัฒนาครู"
    alt = [pr.get("descr") for pr in d.body.iter(f"{{{NS['wp']}}}docPr")]
    assert f"QR Code: {QR_URL}" in alt


def test_a_control_character_in_the_font_name_is_a_clear_error_and_writes_nothing(tmp_path):
    from dla_drafter.settings import DocxFontError

    path = tmp_path / "letter.docx"
    with pytest.raises(DocxFontError) as info:
        write_docx(eef_composition(), path,
                   RenderSettings(docx_font="TH Sarabun\x01PSK", use_system_th_sarabun=False))
    assert info.value.problems[0].field == "docx_font"
    assert "U+0001" in str(info.value) and "แบบอักษร" in str(info.value)
    assert list(tmp_path.iterdir()) == []
