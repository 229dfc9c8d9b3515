"""`dla-drafter render`: PDF and DOCX in one call, one readable line per error, all outputs
or none."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from docx import Document
from pypdf import PdfReader

from .helpers import EXAMPLE, run, write


def test_render_pdf_and_docx_in_one_call(tmp_path):
    pdf, docx = tmp_path / "letter.pdf", tmp_path / "letter.docx"
    result = run("render", str(EXAMPLE), "-o", str(pdf), "-o", str(docx), "--bundled-font")
    assert result.returncode == 0, result.stderr
    assert len(PdfReader(pdf).pages) >= 2
    text = "\n".join(p.text for p in Document(str(docx)).paragraphs)
    assert "โครงการพัฒนาครูและโรงเรียนเพื่อยกระดับคุณภาพการศึกษาอย่างต่อเนื่อง" in text
    assert sorted(p.name for p in tmp_path.iterdir()) == ["letter.docx", "letter.pdf"]


@pytest.mark.parametrize("content", ["{not json", "[1, 2]", "", "\x00\x01"])
def test_broken_files_never_give_a_traceback(tmp_path, content):
    out = tmp_path / "out.pdf"
    result = run("render", str(write(tmp_path, content)), "-o", str(out))
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert result.stderr.count("\n") >= 1
    assert not out.exists()


def test_unknown_output_type_and_unwritable_folder(tmp_path):
    bad = run("render", str(EXAMPLE), "-o", str(tmp_path / "letter.odt"))
    assert bad.returncode == 2
    assert ".odt" in bad.stderr and "Traceback" not in bad.stderr
    missing = tmp_path / "no" / "such" / "folder" / "letter.pdf"
    result = run("render", str(EXAMPLE), "-o", str(missing), "--bundled-font")
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert "letter.pdf" in result.stderr
    assert not missing.parent.exists()


def test_characters_the_font_lacks_are_reported_by_field(tmp_path):
    data = json.loads(EXAMPLE.read_text(encoding="utf-8"))
    data["subject"] = "ประชุมสัมมนา 😀 中文"
    data["recipients"] = {}
    out = tmp_path / "odd.pdf"
    result = run("render", str(write(tmp_path, data)), "-o", str(out), "--bundled-font")
    assert result.returncode == 0, result.stderr
    lines = [ln for ln in result.stderr.splitlines() if "U+1F600" in ln]
    assert len(lines) == 1
    assert lines[0].startswith("คำเตือน: เรื่อง: ")
    assert "U+4E2D" in lines[0] and "U+6587" in lines[0]
    assert out.exists()


def test_a_missing_or_broken_emblem_file_is_a_clear_error(tmp_path):
    out = tmp_path / "letter.pdf"
    missing = run("render", str(EXAMPLE), "-o", str(out), "--emblem",
                  str(tmp_path / "no-such-garuda.png"), "--bundled-font")
    assert missing.returncode == 1
    assert "Traceback" not in missing.stderr
    assert "ไม่พบไฟล์ภาพตราครุฑ" in missing.stderr and "no-such-garuda.png" in missing.stderr
    assert not out.exists()
    broken = tmp_path / "garuda.png"
    broken.write_text("not an image", encoding="utf-8")
    result = run("render", str(EXAMPLE), "-o", str(tmp_path / "letter.docx"), "--emblem",
                 str(broken), "--lang", "en")
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert "cannot read the emblem image" in result.stderr
    assert not (tmp_path / "letter.docx").exists()


def test_an_office_emblem_png_is_used(tmp_path):
    from PySide6.QtGui import QColor, QImage

    image = QImage(90, 100, QImage.Format.Format_ARGB32)
    image.fill(QColor("#1040a0"))
    png = tmp_path / "office-garuda.png"
    assert image.save(str(png))
    out = tmp_path / "letter.pdf"
    result = run("render", str(EXAMPLE), "-o", str(out), "--emblem", str(png),
                 "--bundled-font")
    assert result.returncode == 0, result.stderr
    import pdfplumber

    with pdfplumber.open(out) as pdf:
        emblem = pdf.pages[0].images[0]
    width_cm = (emblem["x1"] - emblem["x0"]) / (72 / 2.54)
    height_cm = (emblem["bottom"] - emblem["top"]) / (72 / 2.54)
    assert height_cm == pytest.approx(3.0, abs=0.01)
    assert width_cm == pytest.approx(2.7, abs=0.01)  # the office image's own proportions


# --- bad input stops before any file is written; several outputs: all or none ------------

def _draft_with(tmp_path: Path, change) -> Path:
    data = json.loads(EXAMPLE.read_text(encoding="utf-8"))
    change(data)
    path = tmp_path / "draft.dladraft.json"
    path.write_text(json.dumps(data, ensure_ascii=True), encoding="utf-8")
    return path


@pytest.mark.parametrize(("change", "extra", "field"), [
    (lambda d: d.update(subject=d["subject"] + "\ufffe"), [], "เรื่อง: "),
    (lambda d: d.update(qr={"url": "https://x.go.th/\uffff"}), [], "ลิงก์ของ QR Code: "),
    (lambda d: d.update(qr={"url": "https://x.go.th/" + "a" * 2400}), [], "ลิงก์ของ QR Code: "),
    (lambda d: d.update(format="dla-drafter/letter@" + "7" * 4301), [], "รูปแบบไฟล์: "),
    (lambda d: d.update({"future\ud800": 1}), [], "future\\ud800"),
    (lambda d: None, ["--docx-font", "TH Sarabun\x01PSK"], "docx_font"),
], ids=["fffe-subject", "ffff-qr", "qr-too-long", "format-digits", "surrogate-key", "font"])
def test_bad_input_names_the_field_and_writes_no_file(tmp_path, change, extra, field):
    pdf, docx_out = tmp_path / "letter.pdf", tmp_path / "letter.docx"
    result = run("render", str(_draft_with(tmp_path, change)), "-o", str(pdf), "-o",
                 str(docx_out), "--bundled-font", *extra)
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    errors = [ln for ln in result.stderr.splitlines() if ln.startswith("ข้อผิดพลาด: ")]
    assert any(field in ln for ln in errors), result.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == ["draft.dladraft.json"]


def test_a_subject_over_255_characters_renders_both_outputs(tmp_path):
    long_subject = "โครงการพัฒนาครูและโรงเรียนเพื่อยกระดับคุณภาพการศึกษาอย่างต่อเนื่อง " * 5
    draft = _draft_with(tmp_path, lambda d: d.update(subject=long_subject.strip()))
    pdf, docx_out = tmp_path / "letter.pdf", tmp_path / "letter.docx"
    result = run("render", str(draft), "-o", str(pdf), "-o", str(docx_out), "--bundled-font")
    assert result.returncode == 0, result.stderr
    assert len(Document(str(docx_out)).core_properties.title) <= 255
    assert PdfReader(pdf).metadata.title == long_subject.strip()


def test_render_writes_all_outputs_or_none(tmp_path):
    """The .docx target is a folder: today the PDF was written and the DOCX failed; now the
    existing PDF keeps its old bytes and no temporary file stays."""
    pdf, docx_out = tmp_path / "letter.pdf", tmp_path / "letter.docx"
    pdf.write_bytes(b"the PDF of yesterday")
    docx_out.mkdir()
    result = run("render", str(EXAMPLE), "-o", str(pdf), "-o", str(docx_out), "--bundled-font")
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert "letter.docx" in result.stderr and "ไม่ได้เขียนไฟล์ใดเลย" in result.stderr
    assert pdf.read_bytes() == b"the PDF of yesterday"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["letter.docx", "letter.pdf"]
    assert list(docx_out.iterdir()) == []


def test_the_same_output_twice_is_a_usage_error(tmp_path):
    out = tmp_path / "letter.pdf"
    result = run("render", str(EXAMPLE), "-o", str(out), "-o", str(out), "--bundled-font")
    assert result.returncode == 2 and "Traceback" not in result.stderr
    assert not out.exists()
