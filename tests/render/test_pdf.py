"""The PDF as a reader checks it: text that copies exactly, embedded fonts, sizes and
positions in cm."""

from __future__ import annotations

import re
import shutil
import subprocess

import pdfplumber
import pytest
from exporting import export
from pdf_checks import emblem_ink_cm, expected_ink_cm
from pypdf import PdfReader

from dla_drafter.compose import compose
from dla_drafter.compose.blocks import Labelled, Paragraph
from dla_drafter.model.draftio import letter_from_dict as letter_from

PT = 72 / 2.54
HARD_WORDS = ["ที่", "ญี่ปุ่น", "น้ำ", "ท้องถิ่น", "ซึ่ง", "ปั้น", "ก๋วยเตี๋ยว", "ผู้ว่าราชการ"]


def squeeze(text: str) -> str:
    return "".join(text.split())


@pytest.fixture
def eef_pdf(eef_dict, settings, tmp_path):
    path = tmp_path / "eef.pdf"
    eef_dict["recipients"] = {}  # the list pages are checked in typeset tests; keep this fast
    letter = letter_from(eef_dict)
    pages = export(letter, path, settings)
    return path, letter, pages


def test_page_size_is_a4_and_fonts_are_embedded(eef_pdf):
    path, _letter, pages = eef_pdf
    reader = PdfReader(path)
    assert len(reader.pages) == len(pages)
    for page in reader.pages:
        assert float(page.mediabox.width) == pytest.approx(21.0 * PT, abs=0.01)
        assert float(page.mediabox.height) == pytest.approx(29.7 * PT, abs=0.01)
    fonts = reader.pages[0]["/Resources"]["/Font"]
    assert fonts
    for ref in fonts.values():
        font = ref.get_object()
        descendant = font["/DescendantFonts"][0].get_object()
        descriptor = descendant["/FontDescriptor"].get_object()
        assert "/FontFile2" in descriptor  # the font program is in the file
        assert "Sarabun" in str(font["/BaseFont"])
        assert "/ToUnicode" in font


def drop_continuation(text: str) -> str:
    return "\n".join(line for line in text.splitlines()
                     if not re.fullmatch(r"\s*/ \S+…\s*", line))


def test_extracted_text_equals_the_drafts_text(eef_pdf):
    path, letter, _pages = eef_pdf
    with pdfplumber.open(path) as pdf:
        # below the page numbers (- ๒ -) that interrupt a paragraph running over a page
        # and without the continuation word (/ คำแรก…) at the foot of each page but the last
        text = squeeze("".join(drop_continuation(
            page.crop((0, 2.3 * PT, page.width, page.height)).extract_text())
            for page in pdf.pages))
    pypdf_text = squeeze("".join(drop_continuation(p.extract_text())
                                 for p in PdfReader(path).pages))
    pypdf_text = pypdf_text.replace("-๒-", "").replace("-๓-", "")
    composition = compose(letter)
    parts = [b.text for b in composition.blocks if isinstance(b, Paragraph)]
    parts += [item.text for b in composition.blocks if isinstance(b, Labelled) for item in b.items]
    assert len(parts) >= 5
    for part in parts:
        assert squeeze(part) in text
        assert squeeze(part) in pypdf_text


@pytest.fixture
def hard_words_pdf(eef_dict, settings, tmp_path):
    eef_dict["body"] = [" ".join(HARD_WORDS) + " " + "".join(HARD_WORDS) * 3,
                        "น้ำท่วมที่ท้องถิ่นซึ่งผู้ว่าราชการจังหวัดไปญี่ปุ่นเพื่อปั้นก๋วยเตี๋ยวน้ำใส"]
    eef_dict["subject"] = "ที่ญี่ปุ่นน้ำท้องถิ่น ซึ่ง ปั้น ก๋วยเตี๋ยว ผู้ว่าราชการ"
    eef_dict["recipients"] = {}
    path = tmp_path / "hard.pdf"
    letter = letter_from(eef_dict)
    export(letter, path, settings)
    return path, letter


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler-utils not installed")
def test_pdftotext_gives_back_every_tone_mark(hard_words_pdf):
    path, letter = hard_words_pdf
    out = subprocess.run(["pdftotext", "-enc", "UTF-8", str(path), "-"], capture_output=True,
                         text=True, check=True).stdout
    for word in HARD_WORDS:
        assert word in out, word
    assert "ที่ญี่ปุ่นน้ำท้องถิ่น ซึ่ง ปั้น ก๋วยเตี๋ยว ผู้ว่าราชการ" in out
    flat = squeeze(out)
    for paragraph in letter.body:
        assert squeeze(paragraph) in flat


def test_pdfplumber_and_pypdf_give_back_every_tone_mark(hard_words_pdf):
    path, letter = hard_words_pdf
    with pdfplumber.open(path) as pdf:
        plumber = pdf.pages[0].extract_text()
    pypdf_text = PdfReader(path).pages[0].extract_text()
    for text in (plumber, pypdf_text):
        for word in HARD_WORDS:
            assert word in text, word
        assert "(cid:" not in text
        for paragraph in letter.body:
            assert squeeze(paragraph) in squeeze(text)


def test_positions_sizes_and_emblem_in_cm(eef_pdf):
    path, _letter, pages = eef_pdf
    with pdfplumber.open(path) as pdf:
        page = pdf.pages[0]
        # the ครุฑ is drawn as paths now (no image): its ink where its 3 cm box puts it,
        # 1.5 cm from the top, centred on the text area (11 cm)
        box = next(it for it in pages.pages[0].items if getattr(it, "name", "") == "emblem")
        assert (box.y, box.height) == (1.5, 3.0)
        assert (box.x + box.width / 2) == pytest.approx(11.0)
        ink = emblem_ink_cm(page, below_cm=4.6)
        expected = expected_ink_cm(box.x, box.y, box.height)
        assert ink == pytest.approx(expected, abs=0.01)
        words = page.extract_words(extra_attrs=["size", "fontname"])
        body_sizes = {round(w["size"], 1) for w in words}
        assert body_sizes == {16.0}
        lines = {}
        for char in page.chars:
            lines.setdefault(round(char["top"], 1), []).append(char)
    body_lines = [it for it in pages.pages[0].items if getattr(it, "source", None)
                  and it.source[0] == "body"]
    justified = [line for line in body_lines if line.letter_spacing_cm > 0]
    assert justified
    for line in justified:
        top = min(lines, key=lambda t: abs(t - (line.y * PT - 16 * 0.8)))
        chars = lines[top]
        assert min(c["x0"] for c in chars) / PT == pytest.approx(line.x, abs=0.02)
        # the last character's right edge: the justified line ends at the right margin
        assert max(c["x1"] for c in chars) / PT == pytest.approx(19.0, abs=0.05)
    indent = [line for line in body_lines if line.x > 3.1]
    assert indent and all(line.x == pytest.approx(5.5) for line in indent)


def test_writing_into_a_missing_folder_fails_cleanly(eef_dict, settings, tmp_path):
    target = tmp_path / "missing" / "out.pdf"
    with pytest.raises(OSError) as info:
        export(letter_from(eef_dict), target, settings)
    assert "missing" in str(info.value) or "out.pdf" in str(info.value)
    assert not target.parent.exists() or not any(target.parent.iterdir())


# --- บันทึกข้อความ ---------------------------------------------------------------------------

@pytest.fixture
def memo_pdf(settings, tmp_path):
    import json
    from pathlib import Path

    path = tmp_path / "memo.pdf"
    draft = Path(__file__).resolve().parents[2] / "examples" / "memo-2569.dladraft.json"
    letter = letter_from(json.loads(draft.read_text(encoding="utf-8")))
    pages = export(letter, path, settings)
    return path, letter, pages


def test_memo_title_labels_and_body_come_out_exactly(memo_pdf):
    path, letter, _pages = memo_pdf
    with pdfplumber.open(path) as pdf:
        page = pdf.pages[0]
        # a 20 pt label and its 16 pt value share a baseline; pdfplumber groups lines by the
        # glyphs' tops, which differ by (20 − 16) × the ascent ≈ 3.4 pt: just over its 3 pt
        text = page.extract_text(y_tolerance=4)
        words = page.extract_words(extra_attrs=["size"])
        ink = emblem_ink_cm(page, below_cm=3.1, left_of_cm=5.0)
    lines = text.splitlines()
    assert lines[0] == "บันทึกข้อความ"
    assert lines[1] == ("ส่วนราชการ กองส่งเสริมและพัฒนาการจัดการศึกษาท้องถิ่น "
                        "(กลุ่มงานส่งเสริมการจัดการศึกษาท้องถิ่น)")
    assert lines[2] == "โทร. ๐ ๒๒๔๑ ๙๐๐๐ ต่อ ๕๓๑๒"
    assert any(line.startswith("ที่ มท ๐๘๑๖.๓/๒๔๕๗") and line.endswith(
        "วันที่ ๒๐ พฤศจิกายน ๒๕๖๙") for line in lines)
    assert any(line.startswith("เรื่อง ขออนุมัติจัดโครงการ") for line in lines)
    assert "เรียน อธิบดีกรมส่งเสริมการปกครองท้องถิ่น" in lines
    flat = squeeze(text)
    for paragraph in [*letter.body, letter.closing, letter.subject]:
        assert squeeze(paragraph) in flat
    assert "ขอแสดงความนับถือ" not in text
    sizes = {w["text"]: round(w["size"], 1) for w in words}
    assert sizes["บันทึกข้อความ"] == 29.0
    for label in ("ส่วนราชการ", "ที่", "วันที่", "เรื่อง"):
        assert sizes[label] == 20.0, label
    assert sizes["เรียน"] == 16.0
    # the small ครุฑ: 1.5 cm high at the top left
    assert ink == pytest.approx(expected_ink_cm(3.0, 1.5, 1.5), abs=0.01)


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler-utils not installed")
def test_pdftotext_reads_each_memo_label_with_its_value(memo_pdf):
    path, _letter, _pages = memo_pdf
    out = subprocess.run(["pdftotext", "-enc", "UTF-8", str(path), "-"], capture_output=True,
                         text=True, check=True).stdout
    lines = [line for line in out.splitlines() if line.strip()]
    assert lines[:6] == [
        "บันทึกข้อความ",
        "ส่วนราชการ กองส่งเสริมและพัฒนาการจัดการศึกษาท้องถิ่น (กลุ่มงานส่งเสริมการจัดการศึกษาท้องถิ่น)",
        "โทร. ๐ ๒๒๔๑ ๙๐๐๐ ต่อ ๕๓๑๒",
        "ที่ มท ๐๘๑๖.๓/๒๔๕๗",
        "วันที่ ๒๐ พฤศจิกายน ๒๕๖๙",
        "เรื่อง ขออนุมัติจัดโครงการอบรมเชิงปฏิบัติการพัฒนาศักยภาพครูผู้สอนระดับปฐมวัย สังกัดองค์กรปกครอง",
    ]
