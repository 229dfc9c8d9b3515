"""A signed PDF is never changed afterwards: exporting over one is refused, byte for byte."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from exporting import export

from dla_drafter import signing

MEMO = Path(__file__).resolve().parents[2] / "examples" / "memo-2569.dladraft.json"


def run_cli(*args: str) -> subprocess.CompletedProcess:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    return subprocess.run([sys.executable, "-m", "dla_drafter", *args], capture_output=True,
                          text=True, env=env, timeout=180, encoding="utf-8")


@pytest.fixture
def signed_file(exported, signer_key, tmp_path):
    path = tmp_path / "signed.pdf"
    path.write_bytes(signing.sign_pdf(exported.data, signer_key, None))
    return path


def test_render_onto_a_signed_pdf_is_refused_and_leaves_it_unchanged(signed_file):
    before = signed_file.read_bytes()
    result = run_cli("render", str(MEMO), "-o", str(signed_file), "--bundled-font")
    assert result.returncode == 1
    assert "ลงนามแล้ว" in result.stderr and str(signed_file) in result.stderr
    assert "Traceback" not in result.stderr
    assert signed_file.read_bytes() == before
    assert sorted(p.name for p in signed_file.parent.iterdir()) == ["signed.pdf"]


def test_export_pdf_raises_an_oserror_with_both_messages(exported, signed_file, settings):
    from dla_drafter.model.draftio import load_draft_with_warnings

    letter, _ = load_draft_with_warnings(MEMO)
    with pytest.raises(OSError) as caught:
        export(letter, signed_file, settings)
    assert isinstance(caught.value, signing.SignedPdfError)
    assert "ลงนามแล้ว" in caught.value.message_th
    assert "signed PDF" in caught.value.message_en


def test_an_unsigned_pdf_is_still_overwritten(exported, settings, tmp_path):
    from dla_drafter.model.draftio import load_draft_with_warnings

    letter, _ = load_draft_with_warnings(MEMO)
    target = tmp_path / "old.pdf"
    target.write_bytes(exported.data)
    export(letter, target, settings)
    assert target.read_bytes()[:5] == b"%PDF-"
