"""Merge goes out through the one way out: each row's files are what ``render`` makes of that
row's letter (the printable letter, approvals in the grid, in the PDF and the DOCX alike), and
no row writes over a signed PDF."""

from __future__ import annotations

import copy
import json
from pathlib import Path

from docx import Document
from exporting import export
from mergehelpers import pdf_pages
from signing_ca import PASSPHRASE, make_pki

from dla_drafter import pipeline, signing
from dla_drafter.app_settings import AppConfig
from dla_drafter.merge import Row, Table, merge
from dla_drafter.merge.fields import merge_letter
from dla_drafter.model.draftio import letter_from_dict
from dla_drafter.review import actions, identity

ROOT = Path(__file__).resolve().parents[2]
APPROVER = "ทดสอบ อนุมัติ"


def approved_template():
    """The IPST circular (a file copy with an initials grid) approved by this PC's own key;
    the typist's row is a merge field — the grid is not content, so the approval stays valid
    in every merged letter."""
    data = json.loads((ROOT / "examples" / "circular-2565-ipst.dladraft.json")
                      .read_text(encoding="utf-8"))
    letter = letter_from_dict(copy.deepcopy(data))
    letter.initials[-1].name = "«ผู้พิมพ์»"
    identity.save_identity(identity.Identity(APPROVER, "", letter.initials[0].role))
    actions.send_for_review(letter, by="สมศรี")  # approvals count with their history only
    actions.approve_as(letter, identity.load_identity().reviewer(), identity.signing_key())
    return letter


def docx_lines(path: Path) -> list[str]:
    document = Document(str(path))
    lines = [p.text for p in document.paragraphs]
    for table in document.tables:
        lines += [cell.text for row in table.rows for cell in row.cells]
    return lines


def test_a_merged_row_is_what_render_makes_of_that_letter(tmp_path):
    template = approved_template()
    keyring = AppConfig.load().keyring()
    table = Table(["ผู้พิมพ์"], [Row(2, {"ผู้พิมพ์": "สมศรี"}), Row(3, {"ผู้พิมพ์": "สมใจ"})])
    out = tmp_path / "merged"
    summary = merge(template, table, out, ("pdf", "docx"), "«ผู้พิมพ์»", keyring=keyring,
                    workers=1)
    assert summary.ok, [p.message() for p in summary.problems]
    for typist in ("สมศรี", "สมใจ"):
        letter = merge_letter(template, {"ผู้พิมพ์": typist})
        assert pipeline.print_state(letter, keyring).approved
        alone = tmp_path / typist
        alone.mkdir()
        export(letter, alone / "letter.pdf", keyring=keyring)
        export(letter, alone / "letter.docx", keyring=keyring)
        merged_pdf = pdf_pages(out / f"{typist}.pdf")
        assert merged_pdf == pdf_pages(alone / "letter.pdf")
        assert APPROVER in "".join(merged_pdf) and typist in "".join(merged_pdf)
        merged_docx = docx_lines(out / f"{typist}.docx")
        assert merged_docx == docx_lines(alone / "letter.docx")
        assert any(APPROVER in line for line in merged_docx)  # the DOCX prints it too


def test_merge_never_writes_over_a_signed_pdf(tmp_path):
    template = approved_template()
    out = tmp_path / "merged"
    out.mkdir()
    pki = make_pki()
    key = signing.load_pkcs12_data(pki.p12(), PASSPHRASE)
    first = merge_letter(template, {"ผู้พิมพ์": "สมศรี"})
    unsigned = pipeline.make_outputs(first, ["x.pdf"]).first("pdf")
    signed = out / "สมศรี.pdf"
    signed.write_bytes(signing.sign_pdf(unsigned, key, None))
    before = signed.read_bytes()
    table = Table(["ผู้พิมพ์"], [Row(2, {"ผู้พิมพ์": "สมศรี"}), Row(3, {"ผู้พิมพ์": "สมใจ"})])
    summary = merge(template, table, out, ("pdf", "docx"), "«ผู้พิมพ์»", workers=1)
    assert summary.failed_rows == [2]
    (problem,) = summary.failures
    assert "ลงนามแล้ว" in problem.message("th")
    assert signed.read_bytes() == before  # the signed letter is untouched, byte for byte
    assert not (out / "สมศรี.docx").exists()  # all or none: the row wrote nothing
    assert (out / "สมใจ.pdf").exists() and (out / "สมใจ.docx").exists()
