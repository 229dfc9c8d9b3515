"""`dla-drafter extract`: the draft a letter's PDF or DOCX carries, as File → Open reads it."""

from __future__ import annotations

from dla_drafter.model.draftio import letter_to_dict, load_draft

from .helpers import EXAMPLE, run


def test_the_draft_comes_back_out_of_the_pdf_and_the_docx_alike(tmp_path):
    pdf, docx = tmp_path / "letter.pdf", tmp_path / "letter.docx"
    made = run("render", str(EXAMPLE), "-o", str(pdf), "-o", str(docx), "--bundled-font")
    assert made.returncode == 0, made.stderr
    original = letter_to_dict(load_draft(EXAMPLE))
    for letter in (pdf, docx):
        out = tmp_path / f"from-{letter.suffix[1:]}.dladraft.json"
        result = run("extract", str(letter), "-o", str(out))
        assert result.returncode == 0, result.stderr
        assert letter_to_dict(load_draft(out)) == original


def test_a_word_file_this_program_did_not_make_is_named_not_a_traceback(tmp_path):
    from docx import Document

    stranger = tmp_path / "stranger.docx"
    Document().save(str(stranger))
    result = run("extract", str(stranger), "-o", str(tmp_path / "x.dladraft.json"))
    assert result.returncode == 1
    assert "Traceback" not in result.stderr and "ข้อผิดพลาด" in result.stderr
    assert not (tmp_path / "x.dladraft.json").exists()
