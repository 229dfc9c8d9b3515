"""Only valid approvals print into the initials grid of the file copy."""

from __future__ import annotations

import copy
from pathlib import Path

import pypdfium2
import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from docx import Document
from exporting import export

from dla_drafter.app_settings import AppConfig
from dla_drafter.model.draftio import load_draft
from dla_drafter.model.letter import STANDARD_INITIAL_ROLES
from dla_drafter.review import actions, identity
from dla_drafter.review.integrity import Keyring, Reviewer, public_key_text
from dla_drafter.review.printing import letter_for_print
from dla_drafter.review.status import review_problems

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"
KEY = Ed25519PrivateKey.generate()
KNOWN = Keyring({public_key_text(KEY.public_key()): Reviewer("สมชาย", "", "ผอ.กศ.")})


def approve(letter, role: str, name: str, key) -> None:
    """Sent for review, then approved: an approval counts only with its history."""
    actions.send_for_review(letter, by="สมศรี")
    actions.approve(letter, role, name, key)


@pytest.fixture
def ipst():
    """A file copy whose initials grid lists office abbreviations (ผอ.กศ. …)."""
    return load_draft(EXAMPLES / "circular-2565-ipst.dladraft.json")


def pdf_text(path: Path) -> str:
    """The text layer, as a reader's search finds it (pypdfium2: fast on glyph XObjects)."""
    pdf = pypdfium2.PdfDocument(path)
    try:
        return "\n".join(page.get_textpage().get_text_range() for page in pdf)
    finally:
        pdf.close()


def docx_text(path: Path) -> str:
    """Every paragraph of the document, table cells included, as Word shows them."""
    document = Document(str(path))
    parts = [p.text for p in document.paragraphs]
    for table in document.tables:
        parts += [cell.text for row in table.rows for cell in row.cells]
    return "\n".join(parts)


def rows(letter) -> list[tuple[str, str]]:
    return [(i.role, i.name) for i in letter.initials]


def test_a_valid_approval_fills_the_row_of_its_role(ipst):
    letter = copy.deepcopy(ipst)
    approve(letter, "ผอ.กศ.", "สมชาย", KEY)
    printed = letter_for_print(letter, KNOWN)
    assert ("ผอ.กศ.", "สมชาย") in rows(printed)
    assert len(printed.initials) == len(ipst.initials)
    assert rows(letter) == rows(ipst)  # the draft itself is not changed


def test_a_role_the_grid_lacks_gets_a_row_and_the_standard_rows_stay(memo):
    letter = copy.deepcopy(memo)
    letter.file_copy = True
    assert letter.initials == []
    keyring = Keyring({public_key_text(KEY.public_key()): Reviewer("สมศรี", "", "หน.ฝ.กศ.")})
    approve(letter, "หน.ฝ.กศ.", "สมศรี", KEY)
    printed = letter_for_print(letter, keyring)
    assert rows(printed) == [(r, "") for r in STANDARD_INITIAL_ROLES] + [("หน.ฝ.กศ.", "สมศรี")]


@pytest.mark.parametrize("why", ["stale", "unknown_key", "invalid"])
def test_any_other_approval_prints_nothing(ipst, why):
    letter = copy.deepcopy(ipst)
    key = KEY if why != "unknown_key" else Ed25519PrivateKey.generate()
    approve(letter, "ผอ.กศ.", "สมชาย", key)
    if why == "stale":
        letter.body[0] += " เพิ่ม"
    if why == "invalid":
        letter.extra["review"]["approvals"][0]["name"] = "สมหญิง"
    printed = letter_for_print(letter, KNOWN)
    assert rows(printed) == rows(ipst)
    [problem] = review_problems(letter, KNOWN)
    assert problem.code == f"approval-{why}" and "ช่องลงชื่อย่อ" in problem.message_th


def test_the_exported_pdf_shows_the_approver_only_while_valid(ipst, own_folders, settings,
                                                               tmp_path):
    """Through the one way out, with this PC's keyring (the user approving their own), and
    with no keyring: an approval counts only with a key the caller trusts."""
    letter = copy.deepcopy(ipst)
    identity.save_identity(identity.Identity("ทดสอบลงนาม", "", "ผอ.กศ."))
    actions.send_for_review(letter, by="สมศรี")
    actions.approve_as(letter, identity.load_identity().reviewer(), identity.signing_key())
    mine = AppConfig.load().keyring()
    untrusted = tmp_path / "untrusted.pdf"
    export(letter, untrusted, settings)
    assert "ทดสอบลงนาม" not in pdf_text(untrusted)
    pdf = tmp_path / "approved.pdf"
    export(letter, pdf, settings, mine)
    assert "ทดสอบลงนาม" in pdf_text(pdf)
    docx = tmp_path / "approved.docx"
    export(letter, docx, settings, mine)
    assert "ทดสอบลงนาม" in docx_text(docx)
    letter.subject += " (แก้ไข)"
    stale = tmp_path / "stale.pdf"
    export(letter, stale, settings, mine)
    text = pdf_text(stale)
    assert "ผอ.กศ." in text and "ทดสอบลงนาม" not in text
    export(letter, docx, settings, mine)
    text = docx_text(docx)
    assert "ผอ.กศ." in text and "ทดสอบลงนาม" not in text


def test_the_grid_prints_the_cards_name_in_the_cards_row(ipst):
    """Spacing aside, what prints is the trusted card's, not the approval's own text."""
    letter = copy.deepcopy(ipst)
    approve(letter, " ผอ.กศ. ", "สมชาย   ", KEY)
    assert ("ผอ.กศ.", "สมชาย") in rows(letter_for_print(letter, KNOWN))


def test_a_row_typed_by_hand_is_a_warning_unless_an_approval_fills_it(ipst):
    from dla_drafter.pipeline import export_problems

    letter = copy.deepcopy(ipst)
    letter.initials[1].name = "พิมพ์เอง"  # the ผอ.กศ. row
    letter.initials[4].name = "สมศรี"  # the จนท. row
    typed = [p for p in export_problems(letter, keyring=KNOWN) if p.code == "initials-typed"]
    assert [p.field for p in typed] == ["initials[1].name", "initials[4].name"]
    assert all(p.severity == "warning" for p in typed)
    assert "พิมพ์เอง" in typed[0].message("th") and "typed" in typed[0].message("en")
    approve(letter, "ผอ.กศ.", "สมชาย", KEY)  # a valid approval prints in that row instead
    typed = [p for p in export_problems(letter, keyring=KNOWN) if p.code == "initials-typed"]
    assert [p.field for p in typed] == ["initials[4].name"]
    letter.file_copy = False  # no grid prints: nothing to warn about
    assert not [p for p in export_problems(letter, keyring=KNOWN) if p.code == "initials-typed"]
