"""ลงนาม through the dialog: a test CA and .p12 made here, the real export, pyHanko signing
and validation, and the export guard that keeps a signed PDF as it is."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from signing_ca import PASSPHRASE, SIGNER_NAME, Pki, make_pki
from uihelpers import example_letter

from dla_drafter.model.draftio import save_draft

WAIT_MS = 60_000


@pytest.fixture(scope="module")
def pki() -> Pki:
    return make_pki()


@pytest.fixture
def p12(pki: Pki, tmp_path: Path) -> Path:
    path = tmp_path / "ผู้ลงนาม.p12"
    path.write_bytes(pki.p12())
    return path


def dialog_for(qtbot: Any, window: Any, p12: Path, passphrase: str = PASSPHRASE) -> Any:
    dialog = window.register_menu.sign_dialog()
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.f_p12.setText(str(p12))
    dialog.f_pass.setText(passphrase)
    return dialog


def sign(qtbot: Any, dialog: Any) -> None:
    dialog.b_sign.click()
    qtbot.waitUntil(lambda: not dialog.busy, timeout=WAIT_MS)


def signature_widgets(pdf: Path) -> list[tuple[int, list[float]]]:
    """(page number, /Rect) of every signature widget in the file."""
    from pypdf import PdfReader

    found = []
    for number, page in enumerate(PdfReader(pdf).pages, start=1):
        for annot in page.get("/Annots") or []:
            annot = annot.get_object()
            if annot.get("/FT") == "/Sig" or annot.get("/Parent", {}).get("/FT") == "/Sig":
                found.append((number, [float(v) for v in annot["/Rect"]]))
    return found


def test_sign_exports_then_signs_visibly_and_pyhanko_validates(
        qtbot: Any, numbered: Any, p12: Path, pki: Pki, tmp_path: Path) -> None:
    from pyhanko.pdf_utils.reader import PdfFileReader
    from pyhanko.sign.validation import validate_pdf_signature
    from pyhanko_certvalidator import ValidationContext

    from dla_drafter.signing.keys import asn1_certificate

    dialog = dialog_for(qtbot, numbered, p12)
    assert dialog.f_pdf.text() == str(tmp_path / "หนังสือ.pdf")
    assert dialog.f_out.text() == str(tmp_path / "หนังสือ-ลงนาม.pdf")
    assert dialog.f_pass.echoMode() == dialog.f_pass.EchoMode.Password
    sign(qtbot, dialog)
    signed = tmp_path / "หนังสือ-ลงนาม.pdf"
    assert dialog.outcome is not None and dialog.outcome.target == signed
    assert (tmp_path / "หนังสือ.pdf").exists()  # the letter was exported first
    with signed.open("rb") as handle:
        reader = PdfFileReader(handle)
        (sig,) = reader.embedded_signatures
        context = ValidationContext(trust_roots=[asn1_certificate(pki.root)])
        status = validate_pdf_signature(sig, context)
    assert status.intact and status.valid and status.trusted
    assert status.signing_cert.subject.native["common_name"] == SIGNER_NAME
    (page, rect), = signature_widgets(signed)
    assert rect[2] - rect[0] > 50 and rect[3] - rect[1] > 20  # a visible box, in points
    text = dialog.result.text()
    assert "ลงนามแล้ว" in text and SIGNER_NAME in text and "ถูกต้อง" in text
    # no CA in the office's profile: the document is fine, the signer is not verified
    assert "ยืนยันตัวผู้ลงนามไม่ได้" in text and f"อ้างว่าเป็นของ {SIGNER_NAME}" in text


def test_the_profile_s_trusted_ca_verifies_the_signer_in_the_result(
        qtbot: Any, numbered: Any, p12: Path, pki: Pki) -> None:
    numbered.config.profile().trusted_ca_certificates = [pki.root_pem().decode("ascii")]
    dialog = dialog_for(qtbot, numbered, p12)
    sign(qtbot, dialog)
    text = dialog.result.text()
    assert "ถูกต้อง เนื้อหาไม่ถูกแก้ไขหลังลงนาม ยืนยันตัวผู้ลงนามแล้ว" in text
    assert "ยืนยันตัวผู้ลงนามไม่ได้" not in text


def test_export_over_the_signed_pdf_is_refused_with_a_message(
        qtbot: Any, numbered: Any, p12: Path, dialogs: Any, tmp_path: Path) -> None:
    dialog = dialog_for(qtbot, numbered, p12)
    sign(qtbot, dialog)
    signed = dialog.outcome.target
    before = signed.read_bytes()
    dialogs.replies["warning"] = 0
    assert numbered.export("pdf", signed) == []
    (_, args), = [c for c in dialogs.calls if c[0] == "warning"]
    assert "ลงนามแล้ว" in args[2] and str(signed) in args[2]
    # signing once more into the same file is refused too, and says why
    sign(qtbot, dialog)
    assert "ลงนามแล้ว" in dialogs.calls[-1][1][2]
    assert signed.read_bytes() == before


def test_invisible_signature_has_no_box_on_the_page(
        qtbot: Any, numbered: Any, p12: Path, pki: Pki) -> None:
    from dla_drafter import signing

    dialog = dialog_for(qtbot, numbered, p12)
    dialog.r_invisible.setChecked(True)
    sign(qtbot, dialog)
    signed = dialog.outcome.target
    assert all(rect[2] - rect[0] == 0 and rect[3] - rect[1] == 0
               for _page, rect in signature_widgets(signed))
    report = signing.verify_pdf(signed.read_bytes(), [pki.root])
    assert report.ok and report.signatures[0].signer_name == SIGNER_NAME


def test_sign_an_existing_pdf(qtbot: Any, numbered: Any, p12: Path, tmp_path: Path,
                              pki: Pki) -> None:
    from dla_drafter import signing

    earlier = tmp_path / "ส่งออกไว้.pdf"
    assert numbered.export("pdf", earlier) == [earlier]
    dialog = dialog_for(qtbot, numbered, p12)
    dialog.r_existing.setChecked(True)
    dialog.f_pdf.setText(str(earlier))
    dialog._follow_source(str(earlier))
    sign(qtbot, dialog)
    signed = tmp_path / "ส่งออกไว้-ลงนาม.pdf"
    assert dialog.outcome.target == signed
    assert signing.verify_pdf(signed.read_bytes(), [pki.root]).ok
    assert len(signature_widgets(signed)) == 1
    assert not (tmp_path / "หนังสือ.pdf").exists()  # nothing else exported


def test_wrong_passphrase_is_a_thai_message_and_nothing_is_written(
        qtbot: Any, numbered: Any, p12: Path, dialogs: Any, tmp_path: Path) -> None:
    dialog = dialog_for(qtbot, numbered, p12, passphrase="ผิด")
    dialogs.replies["warning"] = 0
    sign(qtbot, dialog)
    (_, args), = [c for c in dialogs.calls if c[0] == "warning"]
    assert args[1] == "ลงนามไม่ได้" and "รหัสผ่าน" in args[2]
    assert dialog.outcome is None
    assert not (tmp_path / "หนังสือ-ลงนาม.pdf").exists()


def test_an_unnumbered_letter_asks_first(
        qtbot: Any, numbered: Any, p12: Path, dialogs: Any, tmp_path: Path) -> None:
    from PySide6.QtWidgets import QMessageBox

    numbered.doc.set_field("number.serial", None)
    dialog = dialog_for(qtbot, numbered, p12)
    dialogs.replies["question"] = QMessageBox.StandardButton.No
    assert dialog.sign() is False
    assert "ยังไม่มีเลขที่" in dialogs.calls[-1][1][2]
    assert not (tmp_path / "หนังสือ.pdf").exists()


def test_an_empty_key_box_is_named(qtbot: Any, numbered: Any, dialogs: Any) -> None:
    dialog = numbered.register_menu.sign_dialog()
    qtbot.addWidget(dialog)
    dialogs.replies["warning"] = 0
    assert dialog.sign() is False
    assert "ใบรับรองของผู้ลงนาม" in dialogs.calls[-1][1][2]


def test_signing_a_numbered_letter_records_the_signed_pdf_in_the_register(
        qtbot: Any, make_window: Any, p12: Path, tmp_path: Path) -> None:
    import hashlib

    from dla_drafter.register.drafts import issue_draft
    from dla_drafter.register.store import Store

    url = "sqlite:///" + (tmp_path / "register.sqlite3").as_posix()
    path = tmp_path / "หนังสือ.dladraft.json"
    letter = example_letter()
    letter.signer.name = "(นายสมชาย ใจดี)"
    save_draft(letter, path)
    with Store(url) as store:
        number = issue_draft(store, path).number
    window = make_window()
    assert window.open_path(path, ask=False)
    window.config.register_url = url
    dialog = dialog_for(qtbot, window, p12)
    sign(qtbot, dialog)
    signed = dialog.outcome.target
    with Store(url) as store:
        entry = store.get(number)
    assert entry.pdf_sha256 == hashlib.sha256(signed.read_bytes()).hexdigest()
    assert f"ทะเบียนที่ {number}" in dialog.result.text()


def test_a_number_typed_by_hand_without_a_register_creates_none(
        qtbot: Any, numbered: Any, p12: Path, tmp_path: Path) -> None:
    from dla_drafter.register.store import default_url

    dialog = dialog_for(qtbot, numbered, p12)
    sign(qtbot, dialog)
    assert dialog.outcome.register_note == ""
    assert not Path(default_url().removeprefix("sqlite:///")).exists()
