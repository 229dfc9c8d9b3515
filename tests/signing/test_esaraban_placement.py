"""With the e-saraban variant there is no gap above the name: the signature is invisible
rather than a box drawn over the คำลงท้าย or the name."""

from __future__ import annotations

import json
from io import BytesIO
from pathlib import Path

import pytest
from exporting import export
from pypdf import PdfReader

from dla_drafter import pipeline, signing
from dla_drafter.model.draftio import letter_from_dict
from dla_drafter.settings import RenderSettings

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"
SETTINGS = RenderSettings(use_system_th_sarabun=False)


def letter(example: str, e_saraban: bool):
    data = json.loads((EXAMPLES / f"{example}.dladraft.json").read_text(encoding="utf-8"))
    data["signer"]["name"] = "นายประยูร รัตนเสนีย์"
    data["signer"]["e_saraban"] = e_saraban
    return letter_from_dict(data)


@pytest.mark.parametrize("example", ["circular-2565-eef", "memo-2569", "order-2569"])
def test_signature_box_is_none_with_e_saraban_and_a_box_without(example):
    assert signing.signature_box(pipeline.typeset_letter(letter(example, True), SETTINGS)) is None
    box = signing.signature_box(pipeline.typeset_letter(letter(example, False), SETTINGS))
    assert box is not None and box.top > box.bottom


def test_signing_an_e_saraban_letter_gives_a_valid_invisible_signature(
        tmp_path, signer_key, pki):
    pdf = tmp_path / "e-saraban.pdf"
    pages = export(letter("memo-2569", True), pdf, SETTINGS)
    signed = tmp_path / "signed.pdf"
    assert signing.sign_file(pdf, signed, signer_key, pages) is None
    reader = PdfReader(BytesIO(signed.read_bytes()))
    widgets = [a.get_object() for p in reader.pages for a in p.get("/Annots", [])]
    sig_widgets = [w for w in widgets if w.get("/FT") == "/Sig"]
    assert sig_widgets and all(float(v) == 0 for w in sig_widgets for v in w["/Rect"])
    assert signing.verify_pdf(signed.read_bytes(), [pki.root]).ok
