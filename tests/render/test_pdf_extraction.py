"""Copy and search in the viewers people use give every line of the letter exactly.

Each engine reads the PDF its own way: poppler (Evince, Okular, ``pdftotext`` in its default
and ``-raw`` modes), PDFium (Chrome's and Edge's viewer: the page's text and the text inside a
line's box), pdfplumber (pdfminer), pypdf, MuPDF (PyMuPDF's) and the system's older MuPDF.
The expected text of every line is known from the Pages the PDF was written from. Lines that
share a baseline (ที่ … and วันที่ …, the columns of the recipients' list) may come out as one
row, their texts separated by spaces.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest
from exporting import export

from dla_drafter.model.draftio import letter_from_dict
from dla_drafter.typeset.pages import Pages, TextLine

PT = 72 / 2.54

# A long paragraph whose lines are all justified by distributed letter spacing, with the
# characters that are hard for extractors: tone marks over upper vowels, SARA AM, ฤๅ and ฦๅ
# (spacing vowels that follow their letter), Latin words, Thai and Arabic digits.
LONG_PARAGRAPH = (
    "ด้วยกรมส่งเสริมการปกครองท้องถิ่นได้รับแจ้งจากสำนักงานคณะกรรมการการศึกษาขั้นพื้นฐานว่า"
    "ฤๅษีแห่งเมืองฦๅชาปั้นก๋วยเตี๋ยวน้ำใสให้ผู้ว่าราชการจังหวัดที่ญี่ปุ่นซึ่งเป็นท้องถิ่นห่างไกล "
    "เมื่อวันที่27 มกราคม 2565 ผ่านระบบ QR Code และ e-Service ของหน่วยงาน จึงขอให้องค์กร"
    "ปกครองส่วนท้องถิ่นทุกแห่งแจ้งสถานศึกษาในสังกัดทราบและถือปฏิบัติ โดยให้รายงานผลการ"
    "ดำเนินการภายในวันที่ ๓๑ มีนาคม ๒๕๖๕ พร้อมทั้งประชาสัมพันธ์ให้ผู้ปกครองนักเรียนทราบ"
    "โดยทั่วกัน ฤๅ ฦๅ ฤๅษี ทั้งนี้ ได้ส่งสำเนาหนังสือดังกล่าวมาพร้อมนี้แล้ว"
)

# Links of the kinds that broke copying (issue 13): a form link broken at its own hyphen
# (PDFium copied U+FFFE where the hyphen was, poppler dropped it), a drive link whose long
# id left the line before it 4.8 cm short, an e-mail address.
FORM_URL = "https://docs.google.com/forms/d/e/1FAIpQLSd-GGVX-G2PPq8xRkYvWmN3bT5/viewform"
DRIVE_URL = ("https://drive.google.com/file/d/1AbCdEfGhIjKlMnOpQrStUvWxYz0123456789abcdEFGH/"
             "view?usp=sharing")
EMAIL = "saraban-dla@dla.go.th"
LINKS = [FORM_URL, DRIVE_URL, EMAIL]
LINK_PARAGRAPHS = [
    f"ขอให้องค์กรปกครองส่วนท้อง {FORM_URL} ภายในวันที่ ๓๐ มิถุนายน ๒๕๖๕ "
    "หรือส่งทางไปรษณีย์อิเล็กทรอนิกส์",
    f"ขอให้องค์กรป {DRIVE_URL} ภายในวันที่ ๓๐ มิถุนายน ๒๕๖๕ หรือส่งทางไปรษณีย์อิเล็กทรอนิกส์ "
    f"{EMAIL} เพื่อรวบรวมต่อไป",
]

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"


def _letter(name: str, long_paragraph: bool = False, links: bool = False):
    import json

    data = json.loads((EXAMPLES / f"{name}.dladraft.json").read_text(encoding="utf-8"))
    data["recipients"] = {}
    if long_paragraph:
        data["body"] = [LONG_PARAGRAPH, LONG_PARAGRAPH.replace("27", "๒๗")]
    if links:
        data["body"] = LINK_PARAGRAPHS
    return letter_from_dict(data)


# --- the engines: each returns, per page, the lines of text it reads ----------------------

def _pdftotext(path: Path, raw: bool) -> list[list[str]]:
    args = ["pdftotext", "-enc", "UTF-8", *(["-raw"] if raw else []), str(path), "-"]
    out = subprocess.run(args, capture_output=True, text=True, check=True).stdout
    return [page.splitlines() for page in out.split("\f")]


def poppler_default(path: Path) -> list[list[str]]:
    return _pdftotext(path, raw=False)


def poppler_raw(path: Path) -> list[list[str]]:
    return _pdftotext(path, raw=True)


def pdfium_page_text(path: Path) -> list[list[str]]:
    import pypdfium2 as pdfium

    doc = pdfium.PdfDocument(str(path))
    try:
        return [page.get_textpage().get_text_range().replace("\r\n", "\n").split("\n")
                for page in doc]
    finally:
        doc.close()


def pdfplumber_text(path: Path) -> list[list[str]]:
    import pdfplumber

    with pdfplumber.open(path) as pdf:
        # 20 pt labels and their 16 pt values share a baseline: tops differ by ~3.4 pt
        return [page.extract_text(y_tolerance=4).splitlines() for page in pdf.pages]


def pypdf_text(path: Path) -> list[list[str]]:
    from pypdf import PdfReader

    return [page.extract_text().splitlines() for page in PdfReader(path).pages]


def mupdf_text(path: Path) -> list[list[str]]:
    import pymupdf

    with pymupdf.open(path) as doc:
        return [page.get_text().splitlines() for page in doc]


def mutool_text(path: Path) -> list[list[str]]:
    """The system's MuPDF (Debian 12: 1.21, as in zathura and older SumatraPDF), which takes
    a glyph's advance from the font program and ignores ToUnicode entries of 9+ characters."""
    result = subprocess.run(["mutool", "draw", "-F", "txt", "-o", "-", str(path)],
                            capture_output=True, text=True, check=True)
    assert "one to many" not in result.stderr, result.stderr
    return [page.splitlines() for page in result.stdout.split("\f")]


ENGINES: dict[str, Callable[[Path], list[list[str]]]] = {
    "poppler": poppler_default,
    "poppler -raw": poppler_raw,
    "pdfium": pdfium_page_text,
    "pdfplumber": pdfplumber_text,
    "pypdf": pypdf_text,
    "mupdf": mupdf_text,
    "mutool": mutool_text,
}

TOOLS = {"poppler": "pdftotext", "poppler -raw": "pdftotext", "mutool": "mutool"}


def _plain(text: str) -> str:
    """Runs of spaces as one: the signature's ``(      )`` is spaces a reader cannot count."""
    return " ".join(text.split())


def _rows(page_lines: list[TextLine]) -> dict[int, list[TextLine]]:
    """id of each line → the lines within 0.2 cm of its baseline, left to right."""
    return {id(line): sorted((other for other in page_lines if abs(other.y - line.y) < 0.2),
                             key=lambda t: t.x) for line in page_lines}


def _row_patterns(line: TextLine, row: list[TextLine]) -> list[str]:
    """The texts a row containing ``line`` may read as: every run of neighbours through it."""
    at = row.index(line)
    return [r"\s+".join(re.escape(_plain(t.text)) for t in row[i:j])
            for i in range(at + 1) for j in range(at + 1, len(row) + 1)]


def inexact_lines(pages: Pages, extracted: list[list[str]],
                  dehyphenates: bool = False) -> list[tuple[str, list[str]]]:
    """The lines of ``pages`` that the extraction does not give exactly: (expected text,
    the extracted lines of that page that begin or end like it) for each.

    ``dehyphenates``: poppler's default mode joins a line that ends in ``-`` to the line
    after it, dropping the ``-`` (it takes it for a hyphenated word), so the page number
    ``- ๒ -`` and the line after it are left out for it."""
    wrong = []
    for page, got in zip(pages.pages, extracted, strict=False):
        got = [_plain(g) for g in got]
        lines = [it for it in page.items if isinstance(it, TextLine) and it.text.strip()]
        if dehyphenates:
            skip = set()
            for before in (line for line in lines if line.text.endswith("-")):
                below = [line for line in lines if line.y > before.y + 0.2]
                skip |= {id(before)} | ({id(min(below, key=lambda t: t.y))} if below else set())
            lines = [line for line in lines if id(line) not in skip]
        rows = _rows(lines)
        for line in lines:
            text = _plain(line.text)
            if any(re.fullmatch(pattern, g) for pattern in _row_patterns(line, rows[id(line)])
                   for g in got):
                continue
            wrong.append((text, [g for g in got if g and (g[:4] == text[:4]
                                                          or g[-4:] == text[-4:])]))
    return wrong


def pdfium_bounded_inexact(path: Path, pages: Pages) -> list[tuple[str, str]]:
    """PDFium's text inside each line's box (what a selection over the line copies)."""
    import pypdfium2 as pdfium

    wrong = []
    doc = pdfium.PdfDocument(str(path))
    try:
        for page, pdf_page in zip(pages.pages, doc, strict=True):
            text_page = pdf_page.get_textpage()
            for line in page.items:
                if not isinstance(line, TextLine) or not line.text.strip():
                    continue
                base = (page.height - line.y) * PT
                # no margin: a value may start right where its label's trailing space ends
                got = text_page.get_text_bounded(
                    left=line.x * PT, right=(line.x + line.width_cm) * PT,
                    bottom=base - 0.2 * line.size_pt, top=base + 0.6 * line.size_pt)
                if _plain(got) != _plain(line.text):
                    wrong.append((line.text, got))
    finally:
        doc.close()
    return wrong


# --- the PDFs ------------------------------------------------------------------------------

CASES = {
    "eef": ("circular-2565-eef", False),
    "ipst": ("circular-2565-ipst", False),
    "long": ("circular-2565-eef", True),
    "memo": ("memo-2569", False),  # 20 pt labels beside 16 pt values
    "order": ("order-2569", False),
    "links": ("circular-2565-eef", "links"),
}


@pytest.fixture(scope="module")
def pdfs(tmp_path_factory) -> dict[str, tuple[Path, Pages]]:
    from dla_drafter.settings import RenderSettings

    settings = RenderSettings(use_system_th_sarabun=False)
    folder = tmp_path_factory.mktemp("extraction")
    out = {}
    for key, (name, variant) in CASES.items():
        path = folder / f"{key}.pdf"
        letter = _letter(name, variant is True, variant == "links")
        out[key] = path, export(letter, path, settings)
    return out


def test_the_long_paragraph_is_justified(pdfs):
    _path, pages = pdfs["long"]
    justified = [line for line in pages.lines() if line.source and line.source[0] == "body"
                 and line.letter_spacing_cm > 0]
    assert len(justified) >= 8
    assert any("ฤๅษี" in line.text for line in justified)


@pytest.mark.parametrize("engine", [
    pytest.param(name, marks=pytest.mark.skipif(
        name in TOOLS and shutil.which(TOOLS[name]) is None,
        reason=f"{TOOLS.get(name)} not installed"))
    for name in ENGINES])
def test_every_line_comes_out_exactly(pdfs, engine):
    failures = []
    total = 0
    for key, (path, pages) in pdfs.items():
        total += sum(1 for line in pages.lines() if line.text.strip())
        failures += [(key, *w) for w in inexact_lines(pages, ENGINES[engine](path),
                                                      dehyphenates=engine == "poppler")]
    assert not failures, f"{engine}: {total - len(failures)} of {total} exact; " + "\n".join(
        f"{key}: {expected!r} got {got!r}" for key, expected, got in failures[:15])


def test_pdfium_selection_of_each_line_copies_it_exactly(pdfs):
    failures = []
    for key, (path, pages) in pdfs.items():
        failures += [(key, *w) for w in pdfium_bounded_inexact(path, pages)]
    assert not failures, "\n".join(f"{key}: {expected!r} got {got!r}"
                                   for key, expected, got in failures[:15])


SEARCHED = ["ส่งเสริม", "ท้องถิ่น", "ที่", "น้ำ", "ฤๅษี", "QR Code", "วันที่ ๓๑", "ผู้ว่าราชการจังหวัด"]


def test_pdfium_search_finds_every_occurrence_on_the_lines(pdfs):
    """Find in Chrome and Edge (PDFium) finds a word as often as the page's lines hold it,
    justified lines and tone marks included; a phrase that runs from the end of one line to
    the start of the next is found too, as in the lines joined by a space."""
    import pypdfium2 as pdfium

    for key, (path, pages) in pdfs.items():
        doc = pdfium.PdfDocument(str(path))
        try:
            for number, page in enumerate(pages.pages):
                joined = " ".join(it.text for it in page.items if isinstance(it, TextLine))
                text_page = doc[number].get_textpage()
                for word in SEARCHED:
                    searcher = text_page.search(word)
                    found = 0
                    while searcher.get_next() is not None:
                        found += 1
                    assert found == joined.count(word), (key, number, word)
        finally:
            doc.close()


def test_the_links_break_inside_themselves_and_never_after_their_hyphen(pdfs):
    _path, pages = pdfs["links"]
    body = [line for line in pages.lines() if line.source and line.source[0] == "body"]
    assert any("GGVX" in line.text and FORM_URL not in line.text for line in body)
    for line in body:
        assert not line.text.endswith("-"), line.text
    for paragraph in (0, 1):  # no line left more than a sixth short (the measure ends 19 cm)
        lines = [line for line in body if line.source == ("body", paragraph)]
        for line in lines[:-1]:
            assert 19.0 - (line.x + line.width_cm) < (19.0 - line.x) / 6, line.text


@pytest.mark.parametrize("engine", [
    pytest.param(name, marks=pytest.mark.skipif(
        name in TOOLS and shutil.which(TOOLS[name]) is None,
        reason=f"{TOOLS.get(name)} not installed"))
    for name in ENGINES])
def test_every_url_and_email_copies_exactly(pdfs, engine):
    """Copy the lines a link runs over: the link comes back character for character (no
    U+FFFE for a hyphen, no hyphen dropped) once the line break is taken out."""
    path, _pages = pdfs["links"]
    text = "".join("".join(line.strip() for line in page) for page in ENGINES[engine](path))
    assert "\ufffe" not in text
    for link in LINKS:
        assert link in text, (engine, link)
