"""The DOCX as LibreOffice lays it out, on a PC without TH Sarabun, against our own PDF.

Every example and a circular-77-provinces-like letter (77 provinces in the distribution
list, the initials grid, a file copy) are made as PDF and DOCX by the one way out
(``pipeline.make_outputs``); LibreOffice converts all the DOCX files in one call, with a
fontconfig that offers a Latin-only font and nothing else — no Thai font at all — so every
Thai glyph it draws comes from the fonts embedded in the DOCX. Then a reader's view is
compared: the page count, each page's text, each page's first and last line, the page
numbers (``- ๒ -`` in Thai digits), the continuation words, the links. Two more copies show
the features matter: one whose "DLA Body" style was changed with python-docx (the body runs
follow), one whose embedded fonts were taken out (the Thai letters are lost).
"""

from __future__ import annotations

import io
import json
import os
import re
import shutil
import subprocess
import zipfile
from pathlib import Path

import docx
import pytest
from docx.oxml.ns import qn
from docx.shared import Pt

from dla_drafter import pipeline
from dla_drafter.model.draftio import letter_from_dict
from dla_drafter.settings import RenderSettings

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = ("circular-2565-eef", "circular-2565-ipst", "memo-2569", "order-2569")
PROVINCES_77 = "circular-77-provinces"
LONG = "long-paragraph"
RESTYLED = "restyled"
UNEMBEDDED = "unembedded"
SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")


def _letters() -> dict[str, object]:
    letters = {}
    for name in EXAMPLES:
        data = json.loads((ROOT / "examples" / f"{name}.dladraft.json").read_text("utf-8"))
        letters[name] = letter_from_dict(data)
    # the letter: 77 provinces in the distribution list, the initials grid, a file copy
    data = json.loads((ROOT / "examples" / "circular-2565-ipst.dladraft.json").read_text(
        "utf-8"))
    names = list(data["recipients"]["names"])
    names.append("ผู้ว่าราชการจังหวัดบึงกาฬ (สำเนา)")
    assert len(names) == 77
    data["recipients"]["names"] = names
    data["file_copy"] = True
    assert data["initials"]
    letters[PROVINCES_77] = letter_from_dict(data)
    # a body paragraph over three pages: split twice
    data = json.loads((ROOT / "examples" / "circular-2565-eef.dladraft.json").read_text(
        "utf-8"))
    data["body"] = [data["body"][0], " ".join([data["body"][1]] * 5)]
    letters[LONG] = letter_from_dict(data)
    return letters


def _latin_only_font(path: Path) -> None:
    """A font with Latin letters only (cut from the bundled Sarabun, renamed): LibreOffice
    needs one font to start; this one cannot draw a Thai letter."""
    from fontTools import subset
    from fontTools.ttLib import TTFont

    from dla_drafter.typeset.fonts import bundled_sarabun

    font = TTFont(str(bundled_sarabun()[0]))
    options = subset.Options()
    options.name_IDs = ["*"]
    cutter = subset.Subsetter(options)
    cutter.populate(unicodes=range(0x20, 0x7F))
    cutter.subset(font)
    names = font["name"]
    for name_id in (1, 3, 4, 6, 16, 17):
        names.removeNames(nameID=name_id)
    for name_id, value in ((1, "DLA Test Latin"), (3, "DLA Test Latin"),
                           (4, "DLA Test Latin"), (6, "DLATestLatin")):
        names.setName(value, name_id, 3, 1, 0x409)
    font.save(str(path))


def _fontconfig(folder: Path) -> Path:
    fonts = folder / "fonts"
    fonts.mkdir()
    _latin_only_font(fonts / "latin.ttf")
    conf = folder / "fonts.conf"
    conf.write_text(
        '<?xml version="1.0"?>\n<!DOCTYPE fontconfig SYSTEM "fonts.dtd">\n<fontconfig>\n'
        f"  <dir>{fonts}</dir>\n  <cachedir>{folder / 'cache'}</cachedir>\n</fontconfig>\n",
        encoding="utf-8")
    return conf


def _restyle_body(source: Path, target: Path) -> None:
    """What an office does in Word's Modify Style: "DLA Body" at 20 pt (Latin and Thai)."""
    document = docx.Document(str(source))
    style = document.styles["DLA Body"]
    style.font.size = Pt(20)
    rpr = style.element.get_or_add_rPr()
    size_cs = rpr.find(qn("w:szCs"))
    if size_cs is None:
        size_cs = rpr.makeelement(qn("w:szCs"), {})
        rpr.find(qn("w:sz")).addnext(size_cs)
    size_cs.set(qn("w:val"), "40")
    document.save(str(target))


def _unembed(source: Path, target: Path) -> None:
    """The same DOCX with its embedded fonts taken out (as before this change)."""
    with zipfile.ZipFile(source) as zin, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as z:
        for item in zin.infolist():
            if item.filename.startswith("word/fonts/"):
                continue
            data = zin.read(item.filename)
            if item.filename == "word/fontTable.xml":
                data = re.sub(rb"<w:embed(Regular|Bold)[^>]*/>", b"", data)
            elif item.filename == "word/_rels/fontTable.xml.rels":
                data = re.sub(rb"<Relationship [^>]*odttf\"/>", b"", data)
            z.writestr(item, data)


@pytest.fixture(scope="module")
def converted(tmp_path_factory) -> Path:
    """Every letter as our PDF (NAME.pdf) and as LibreOffice's PDF of our DOCX (lo/NAME.pdf)."""
    if SOFFICE is None:
        if os.environ.get("CI"):
            pytest.fail("soffice is missing: .ci/run installs libreoffice-writer-nogui")
        pytest.skip("LibreOffice (soffice) is not installed here; CI installs it")
    folder = tmp_path_factory.mktemp("libreoffice")
    settings = RenderSettings(use_system_th_sarabun=False)
    for name, letter in _letters().items():
        made = pipeline.make_outputs(letter, [folder / f"{name}.pdf", folder / f"{name}.docx"],
                                     settings)
        pipeline.write_outputs(made.files)
    _restyle_body(folder / "circular-2565-eef.docx", folder / f"{RESTYLED}.docx")
    _unembed(folder / "circular-2565-eef.docx", folder / f"{UNEMBEDDED}.docx")
    for copy_name in (RESTYLED, UNEMBEDDED):  # compared with the letter's own PDF
        shutil.copy(folder / "circular-2565-eef.pdf", folder / f"{copy_name}.pdf")
    conf = _fontconfig(folder)
    env = dict(os.environ, FONTCONFIG_FILE=str(conf), HOME=str(folder))
    # LibreOffice keeps a document's embedded fonts for the documents after it: the copy
    # without them goes first, while no TH SarabunPSK has been seen
    sources = sorted((str(p) for p in folder.glob("*.docx")),
                     key=lambda p: (Path(p).stem != UNEMBEDDED, p))
    result = subprocess.run(
        [SOFFICE, f"-env:UserInstallation={(folder / 'profile').as_uri()}", "--headless",
         "--convert-to", "pdf", "--outdir", str(folder / "lo"), *sources],
        capture_output=True, text=True, timeout=300, env=env)
    assert result.returncode == 0, result.stderr
    for source in sources:
        assert (folder / "lo" / (Path(source).stem + ".pdf")).is_file(), result.stderr
    return folder


@pytest.fixture(scope="module")
def installed(converted) -> Path:
    """LibreOffice's PDF of the letter *without* its embedded fonts on a PC that has the
    font installed (the stand-in the DOCX embeds, installed as TH SarabunPSK): the lines a PC
    with the font shows, to hold the embedded fonts' lines against."""
    folder = converted / "installed"
    fonts = folder / "fonts"
    fonts.mkdir(parents=True)
    _latin_only_font(fonts / "latin.ttf")
    with zipfile.ZipFile(converted / "circular-2565-eef.docx") as z:
        table = z.read("word/fontTable.xml").decode("utf-8")
        rels = z.read("word/_rels/fontTable.xml.rels").decode("utf-8")
        for tag, rid, key in re.findall(
                r'<w:(embed\w+) r:id="(\w+)" w:fontKey="(\{[0-9A-F-]+\})"', table):
            target = re.search(rf'Id="{rid}"[^>]*Target="([^"]+)"', rels).group(1)
            data = bytearray(z.read(f"word/{target}"))
            guid = bytes.fromhex(key.strip("{}").replace("-", ""))[::-1]
            for i in range(32):
                data[i] ^= guid[i % 16]
            (fonts / f"{tag}.ttf").write_bytes(bytes(data))
    conf = folder / "fonts.conf"
    conf.write_text(
        '<?xml version="1.0"?>\n<!DOCTYPE fontconfig SYSTEM "fonts.dtd">\n<fontconfig>\n'
        f"  <dir>{fonts}</dir>\n  <cachedir>{folder / 'cache'}</cachedir>\n</fontconfig>\n",
        encoding="utf-8")
    env = dict(os.environ, FONTCONFIG_FILE=str(conf), HOME=str(folder))
    result = subprocess.run(
        [SOFFICE, f"-env:UserInstallation={(folder / 'profile').as_uri()}", "--headless",
         "--convert-to", "pdf", "--outdir", str(folder), str(converted / f"{UNEMBEDDED}.docx")],
        capture_output=True, text=True, timeout=300, env=env)
    assert result.returncode == 0, result.stderr
    return folder / f"{UNEMBEDDED}.pdf"


# --- reading PDFs as a reader does ------------------------------------------------------

def page_texts(pdf: Path) -> list[str]:
    """The text of every page (pdftotext, layout kept so that each line is a line)."""
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True,
                          text=True, check=True).stdout
    return text.split("\f")[:-1]


def lines_of(page: str) -> list[str]:
    return [" ".join(line.split()) for line in page.splitlines() if line.strip()]


# pdftotext -layout closes up the narrow spaces of "- ๒ -" (ours and LibreOffice's alike)
PAGE_NUMBER = re.compile(r"- ?[๐-๙0-9]+ ?-")
CONTINUATION = re.compile(r"/ \S+…$")


def body_lines(page: str) -> list[str]:
    """A page's lines without its page number and continuation word."""
    return [line for line in lines_of(page)
            if not PAGE_NUMBER.fullmatch(line) and not CONTINUATION.fullmatch(line)]


def squash(text: str) -> str:
    """What a page says, whatever the line breaks: no white space, no dots (the initials
    grid's dotted lines are tab leaders in the DOCX and a drawn rule in our PDF) and no tone
    marks (pdftotext orders a tone mark of LibreOffice's PDF by its position, sometimes after
    the next letter: สิ่ง reads สิง่)."""
    return re.sub(r"[\s.\u0e48-\u0e4b]", "", text)


@pytest.fixture(scope="module")
def pairs(converted) -> dict[str, tuple[list[str], list[str]]]:
    names = [*EXAMPLES, PROVINCES_77, LONG, RESTYLED, UNEMBEDDED]
    return {name: (page_texts(converted / f"{name}.pdf"),
                   page_texts(converted / "lo" / f"{name}.pdf")) for name in names}


# --- the pages ----------------------------------------------------------------------------

@pytest.mark.parametrize("name", [*EXAMPLES, PROVINCES_77, LONG])
def test_libreoffice_makes_the_pdfs_pages(pairs, name):
    """The same pages, broken in the same places: each page says exactly what our PDF's page
    says; its first line starts and its last line ends where ours do (Word and LibreOffice
    break Thai lines with their own dictionaries, so a line may hold a word more or less),
    and the page number and continuation word are the PDF's, character for character."""
    ours, theirs = pairs[name]
    assert len(theirs) == len(ours), name
    for number, (mine, lo) in enumerate(zip(ours, theirs, strict=True), start=1):
        assert squash(lo) == squash(mine), (name, number)
        first_mine, first_lo = body_lines(mine)[0], body_lines(lo)[0]
        assert first_lo.startswith(first_mine) or first_mine.startswith(first_lo), (
            name, number, first_mine, first_lo)
        last_mine, last_lo = body_lines(mine)[-1], body_lines(lo)[-1]
        last_mine, last_lo = last_mine.rstrip(". "), last_lo.rstrip(". ")
        assert last_lo.endswith(last_mine) or last_mine.endswith(last_lo), (
            name, number, last_mine, last_lo)
        numbers = [line for line in lines_of(mine) if PAGE_NUMBER.fullmatch(line)]
        assert [line for line in lines_of(lo) if PAGE_NUMBER.fullmatch(line)] == numbers
        words = [line for line in lines_of(mine) if CONTINUATION.fullmatch(line)]
        assert [line for line in lines_of(lo) if CONTINUATION.fullmatch(line)] == words


def test_page_numbers_are_thai_digits_and_continuation_words_are_there(converted, pairs):
    """LibreOffice's own text of each page begins with the page number in Thai digits,
    ``- ๒ -`` (read in content order, which keeps its spaces)."""
    pdf = converted / "lo" / f"{PROVINCES_77}.pdf"
    count = len(pairs[PROVINCES_77][1])
    assert count >= 4
    for number in range(2, count + 1):
        text = subprocess.run(["pdftotext", "-raw", "-f", str(number), "-l", str(number),
                               str(pdf), "-"], capture_output=True, text=True, check=True)
        thai = str(number).translate(str.maketrans("0123456789", "๐๑๒๓๔๕๖๗๘๙"))
        assert lines_of(text.stdout)[0] == f"- {thai} -", number
    eef_ours, eef_lo = pairs["circular-2565-eef"]
    assert lines_of(eef_lo[0])[-1] == lines_of(eef_ours[0])[-1] == "/ ครู…"
    # the grid is on the last letter page, at the foot, as in the PDF: no page more
    assert "ผอ.กศ." in pairs[PROVINCES_77][1][1]


def test_the_embedded_fonts_draw_the_thai_without_th_sarabun(converted, pairs):
    """LibreOffice had no Thai font: the letters it drew came from the DOCX (its PDF embeds
    TH SarabunPSK, our stand-in), and without them the same file loses its Thai text."""
    fonts = subprocess.run(["pdffonts", str(converted / "lo" / "circular-2565-eef.pdf")],
                           capture_output=True, text=True, check=True).stdout
    assert "THSarabunPSK-Regular" in fonts and "THSarabunPSK-Bold" in fonts
    _ours, unembedded = pairs[UNEMBEDDED]
    plain = subprocess.run(["pdffonts", str(converted / "lo" / f"{UNEMBEDDED}.pdf")],
                           capture_output=True, text=True, check=True).stdout
    assert "THSarabunPSK" not in plain
    assert squash("".join(unembedded)) != squash("".join(pairs["circular-2565-eef"][1]))


def test_a_pc_without_the_font_shows_the_lines_of_a_pc_with_it(pairs, installed):
    """Line for line, page for page: LibreOffice with no Thai font, drawing from the fonts
    embedded in the DOCX, sets the same lines as LibreOffice with the font installed."""
    _ours, embedded = pairs["circular-2565-eef"]
    with_font = page_texts(installed)
    assert len(with_font) == len(embedded)
    for mine, theirs in zip(with_font, embedded, strict=True):
        assert lines_of(theirs) == lines_of(mine)


def test_restyling_dla_body_changes_the_body_and_nothing_else(converted):
    """"DLA Body" changed to 20 pt with python-docx: LibreOffice draws the body paragraphs
    at 20 pt (no run overrides the style), the subject line stays at 16 pt."""
    import pdfplumber

    def sizes(pdf: Path, needle: str) -> set[float]:
        """The font sizes of the line of page one that starts with ``needle``."""
        with pdfplumber.open(str(pdf)) as document:
            lines = document.pages[0].extract_text_lines()
            line = next(line for line in lines if line["text"].startswith(needle))
            return {round(c["size"]) for c in line["chars"] if c["text"].strip()}

    before = converted / "lo" / "circular-2565-eef.pdf"
    after = converted / "lo" / f"{RESTYLED}.pdf"
    assert sizes(before, "ตามที่กรมส่งเสริม") == {16}
    assert sizes(after, "ตามที่กรมส่งเสริม") == {20}
    assert sizes(after, "มิถุนายน") == {16}  # the date line is not "DLA Body"


def test_links_survive_libreoffices_pdf_export(converted):
    """The DOCX's hyperlinks become link annotations in LibreOffice's PDF, with the targets
    a click needs; the text still copies as printed."""
    from pypdf import PdfReader

    reader = PdfReader(str(converted / "lo" / "circular-2565-ipst.pdf"))
    uris = set()
    for page in reader.pages:
        for annotation in page.get("/Annots") or []:
            action = annotation.get_object().get("/A")
            if action is not None and "/URI" in action:
                uris.add(str(action["/URI"]))
    assert {"mailto:saraban@dla.go.th", "https://bit.ly/3I4Rmeo",
            "mailto:tpipst@proj.ipst.ac.th"} <= uris
    text = "".join(page_texts(converted / "lo" / "circular-2565-ipst.pdf"))
    assert "saraban@dla.go.th" in text and "https://bit.ly/3I4Rmeo" in text


def test_the_docx_made_for_libreoffice_still_opens_in_python_docx(converted):
    for name in [*EXAMPLES, PROVINCES_77]:
        document = docx.Document(str(converted / f"{name}.docx"))
        assert document.sections[0].different_first_page_header_footer
    data = (converted / f"{PROVINCES_77}.docx").read_bytes()
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        # a header part for each page after the first, each with its number typed in
        headers = [n for n in z.namelist() if re.fullmatch(r"word/header\d+\.xml", n)]
        assert len(headers) >= 2 + 4


@pytest.mark.parametrize("name", [*EXAMPLES, PROVINCES_77])
def test_every_glyph_of_libreoffices_pdf_copies_as_text(converted, name):
    """LibreOffice's PDF maps each glyph to the letters it draws. Before the embedded face
    joined ํ + า back into ำ, a letter whose first ำ came before its first plain า (สำเนา
    คู่ฉบับ, คำสั่ง) had every า of LibreOffice's PDF unmapped: pdfminer read "(cid:4)" and
    PDF/UA checkers failed the file (docx_fonts.recompose_sara_am)."""
    import pdfplumber

    with pdfplumber.open(str(converted / "lo" / f"{name}.pdf")) as document:
        unmapped = [c["text"] for page in document.pages for c in page.chars
                    if c["text"].startswith("(cid:")]
    assert unmapped == []
