"""The draft inside the letter: every PDF carries the clerk's draft (PDF/A-3 associated file,
``letter.dladraft.json``), ``extract_draft_from_pdf`` gives the same draft back — also after
qpdf or pyHanko rewrote the file — and refuses everything else with a clear message."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import zlib
from pathlib import Path

import pytest
from exporting import pdf as make_pdf
from pypdf import PdfReader

from dla_drafter.fields import REVIEW_KEY
from dla_drafter.model.draftio import letter_to_dict, load_draft
from dla_drafter.render.pdf_embed import EMBED_NAME, EmbeddedDraftError, extract_draft_from_pdf
from dla_drafter.settings import RenderSettings

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = sorted((ROOT / "examples").glob("*.dladraft.json"))
SETTINGS = RenderSettings(use_system_th_sarabun=False)
QPDF = pytest.mark.skipif(shutil.which("qpdf") is None, reason="qpdf not installed")


@pytest.fixture(scope="module")
def memo_pdf() -> tuple[bytes, object]:
    letter = load_draft(ROOT / "examples" / "memo-2569.dladraft.json")
    return make_pdf(letter, SETTINGS)[0], letter


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.name.split(".")[0])
def test_draft_to_pdf_to_draft_is_the_same_draft(path):
    letter = load_draft(path)
    data, _pages = make_pdf(letter, SETTINGS)
    assert letter_to_dict(extract_draft_from_pdf(data)) == letter_to_dict(letter)


def test_the_draft_is_an_associated_source_file(memo_pdf):
    data, letter = memo_pdf
    import io

    reader = PdfReader(io.BytesIO(data))
    root = reader.trailer["/Root"]
    (spec,) = [ref.get_object() for ref in root["/AF"]]
    assert spec["/AFRelationship"] == "/Source"
    assert spec["/UF"] == spec["/F"] == EMBED_NAME
    names = root["/Names"]["/EmbeddedFiles"]["/Names"]
    assert names[0] == EMBED_NAME and names[1].get_object() == spec
    stream = spec["/EF"]["/F"].get_object()
    assert stream["/Subtype"] == "/application#2Fjson" or stream["/Subtype"] == \
        "/application/json"
    assert "/ModDate" in stream["/Params"]
    body = json.loads(stream.get_data())
    assert body["subject"] == letter.subject


def test_the_review_record_stays_out(memo_pdf):
    from dla_drafter.review import actions

    letter = load_draft(ROOT / "examples" / "memo-2569.dladraft.json")
    actions.add_comment(letter, "subject", letter.subject[:6], "ความเห็นลับของผู้ตรวจ",
                        "สมชาย ใจดี", "2026-12-02T02:15:00+00:00")
    assert letter.extra.get(REVIEW_KEY)
    for review in (False, True):
        data, _pages = make_pdf(letter, SETTINGS, review=review)
        back = extract_draft_from_pdf(data)
        assert REVIEW_KEY not in back.extra
        expected = letter_to_dict(letter)
        expected.pop(REVIEW_KEY)
        assert letter_to_dict(back) == expected


def test_the_plain_pdf_carries_the_draft_too(memo_pdf):
    _data, letter = memo_pdf
    plain, _ = make_pdf(letter, RenderSettings(use_system_th_sarabun=False, pdf_a=False))
    assert letter_to_dict(extract_draft_from_pdf(plain)) == letter_to_dict(letter)


# --- the same draft after another program rewrote the PDF --------------------------------

@QPDF
@pytest.mark.parametrize("options", [["--object-streams=disable"], ["--qdf"],
                                     ["--object-streams=generate", "--linearize"]],
                         ids=["tables", "qdf", "linearized"])
def test_a_pdf_rewritten_by_qpdf_still_gives_the_draft(memo_pdf, tmp_path, options):
    data, letter = memo_pdf
    source, target = tmp_path / "in.pdf", tmp_path / "out.pdf"
    source.write_bytes(data)
    subprocess.run(["qpdf", *options, str(source), str(target)], check=True)
    assert target.read_bytes() != data
    assert letter_to_dict(extract_draft_from_pdf(target.read_bytes())) == letter_to_dict(letter)


def test_an_incremental_update_still_gives_the_draft(memo_pdf):
    """pyHanko (as signing does) appends an update with its own cross-reference section."""
    import io

    from pyhanko.pdf_utils.generic import NameObject, TextStringObject
    from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter

    data, letter = memo_pdf
    writer = IncrementalPdfFileWriter(io.BytesIO(data))
    writer.root[NameObject("/Extra")] = TextStringObject("ต่อท้าย")
    writer.update_root()
    out = io.BytesIO()
    writer.write(out)
    updated = out.getvalue()
    assert updated.startswith(data) and len(updated) > len(data)
    assert letter_to_dict(extract_draft_from_pdf(updated)) == letter_to_dict(letter)


def test_a_broken_cross_reference_is_read_by_scanning(memo_pdf):
    data, letter = memo_pdf
    at = data.rindex(b"startxref")
    broken = data[:at] + b"startxref\n999999999\n%%EOF\n"
    assert letter_to_dict(extract_draft_from_pdf(broken)) == letter_to_dict(letter)


# --- refused, with the reason ------------------------------------------------------------

def _refused(data: bytes) -> EmbeddedDraftError:
    with pytest.raises(EmbeddedDraftError) as info:
        extract_draft_from_pdf(data)
    error = info.value
    assert error.message("th") and error.message("en")
    return error


def test_not_a_pdf():
    assert _refused(b"PK\x03\x04 a zip, not a PDF").code == "pdf-not-pdf"
    assert _refused(b"").code == "pdf-not-pdf"


def test_a_pdf_without_a_draft():
    from dla_drafter.register.export import register_pdf

    error = _refused(register_pdf([], settings=SETTINGS))
    assert error.code == "pdf-no-draft"
    assert "ไม่มีร่างหนังสือ" in error.message("th") and "no draft" in error.message("en")


def test_garbage_after_the_header():
    assert _refused(b"%PDF-1.7\n" + bytes(range(256)) * 40).code in ("pdf-unreadable",
                                                                   "pdf-no-draft")


def test_a_truncated_pdf(memo_pdf):
    data, _letter = memo_pdf
    for cut in (len(data) // 3, len(data) // 2):
        assert _refused(data[:cut]).code in ("pdf-unreadable", "pdf-no-draft")


def _with_embedded(payload: bytes) -> bytes:
    from dla_drafter.model.draftio import letter_from_dict
    from dla_drafter.pipeline import typeset_letter
    from dla_drafter.render.pdf import render_pdf
    from dla_drafter.typeset.fonts import fonts_for

    data = json.loads((ROOT / "examples" / "memo-2569.dladraft.json").read_text("utf-8"))
    pages = typeset_letter(letter_from_dict(data), SETTINGS)
    return render_pdf(pages, fonts_for(SETTINGS), SETTINGS, "x", embed=payload)


def test_a_draft_that_fails_validation_names_the_field():
    data = json.loads((ROOT / "examples" / "memo-2569.dladraft.json").read_text("utf-8"))
    data["date"]["month"] = 13
    error = _refused(_with_embedded(json.dumps(data, ensure_ascii=False).encode()))
    assert any(p.field == "date.month" or "date" in (p.field or "") for p in error.problems)
    assert "13" in error.message("en")
    assert _refused(_with_embedded(b"{not json")).problems


def test_a_huge_draft_stream_is_refused_while_it_inflates():
    """11 MB of spaces compress to 11 KB: the reader stops at the draft format's 10 MB
    limit instead of unpacking what a hostile file asks for."""
    payload = b"{" + b" " * (11 * 1024 * 1024) + b"}"
    data = _with_embedded(payload)
    assert len(data) < 200_000
    error = _refused(data)
    assert error.code == "pdf-draft-unreadable"
    assert "10 MB" in error.message("en")


@QPDF
def test_an_encrypted_pdf(memo_pdf, tmp_path):
    data, _letter = memo_pdf
    source, target = tmp_path / "in.pdf", tmp_path / "locked.pdf"
    source.write_bytes(data)
    subprocess.run(["qpdf", "--encrypt", "user", "owner", "256", "--", str(source),
                    str(target)], check=True)
    assert _refused(target.read_bytes()).code == "pdf-encrypted"


def test_a_deeply_nested_object_is_refused_not_a_crash():
    bomb = b"%PDF-1.7\n1 0 obj\n" + b"[" * 100_000 + b"\nendobj\ntrailer\n<< /Root 1 0 R >>\n"
    assert _refused(bomb).code in ("pdf-unreadable", "pdf-no-draft")


def test_a_flate_bomb_in_an_object_stream_is_refused():
    inner = zlib.compress(b" " * (80 * 1024 * 1024), 9)
    data = (b"%PDF-1.7\n1 0 obj\n<< /Type /ObjStm /N 1 /First 4 /Filter /FlateDecode /Length "
            + str(len(inner)).encode() + b" >>\nstream\n" + inner + b"\nendstream\nendobj\n"
            b"2 0 obj\n<< /Type /XRef /Size 3 /W [1 4 2] /Root 3 0 R /Length 0 >>\nstream\n"
            b"\nendstream\nendobj\nstartxref\n0\n%%EOF\n")
    _refused(data)


# --- the command line ------------------------------------------------------------------

def run_cli(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "dla_drafter", *args], capture_output=True,
                          text=True, encoding="utf-8", cwd=ROOT)


def test_extract_on_the_command_line(memo_pdf, tmp_path):
    data, letter = memo_pdf
    pdf, out = tmp_path / "memo.pdf", tmp_path / "memo.dladraft.json"
    pdf.write_bytes(data)
    result = run_cli("extract", str(pdf), "-o", str(out))
    assert result.returncode == 0, result.stderr
    assert letter_to_dict(load_draft(out)) == letter_to_dict(letter)
    again = run_cli("extract", str(pdf), "-o", str(out), "--lang", "en")
    assert again.returncode == 2 and "--force" in again.stderr
    assert run_cli("extract", str(pdf), "-o", str(out), "--force").returncode == 0
    text = tmp_path / "notes.txt"
    text.write_text("hello", encoding="utf-8")
    odd = run_cli("extract", str(text), "-o", str(tmp_path / "x.json"), "--lang", "en")
    assert odd.returncode == 2 and "not a PDF or DOCX letter" in odd.stderr
    assert "Traceback" not in odd.stderr + again.stderr
    assert not (tmp_path / "x.json").exists()


def test_extract_imports_no_qt(memo_pdf, tmp_path):
    data, _letter = memo_pdf
    pdf = tmp_path / "memo.pdf"
    pdf.write_bytes(data)
    code = ("import sys\nfrom dla_drafter.cli import main\n"
            f"main(['extract', {str(pdf)!r}, '-o', {str(tmp_path / 'out.json')!r}])\n"
            "print([m for m in sys.modules if m.startswith('PySide6')])")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            cwd=ROOT)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().splitlines()[-1] == "[]"


def test_the_initials_an_approval_prints_are_not_the_draft():
    """The PDF prints the approved row's name in the initials grid; the draft inside is the
    clerk's, with that row as the clerk left it and no review record."""
    import copy

    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

    from dla_drafter.review import actions
    from dla_drafter.review.integrity import Keyring, Reviewer, public_key_text

    key = Ed25519PrivateKey.generate()
    somchai = Reviewer("สมชาย", "ผู้อำนวยการกอง", "ผอ.กศ.")
    keyring = Keyring({public_key_text(key.public_key()): somchai})
    clerk = load_draft(ROOT / "examples" / "circular-2565-ipst.dladraft.json")
    letter = copy.deepcopy(clerk)
    actions.send_for_review(letter, by="ธุรการ")
    actions.approve_as(letter, somchai, key)
    data, pages = make_pdf(letter, SETTINGS, keyring)
    printed = [line.text for line in pages.lines() if line.source and
               line.source[0] == "initials"]
    assert "สมชาย" in printed  # the approval prints
    back = extract_draft_from_pdf(data)
    assert [(i.role, i.name) for i in back.initials] == \
        [(i.role, i.name) for i in clerk.initials]
    assert REVIEW_KEY not in back.extra
    assert letter_to_dict(back) == letter_to_dict(clerk)
