"""File → Open a PDF or DOCX this program made: the draft inside comes back as a new, unsaved
draft named after the letter (without its review record, which never leaves the draft
file); any other PDF/DOCX gets the clear message
and the open draft is kept."""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

import pytest
from uihelpers import example_letter

from dla_drafter.review.identity import save_identity

from .reviewhelpers import CLERK


@pytest.mark.parametrize("kind", ["pdf", "docx"])
def test_open_a_letter_this_program_made(make_window: Any, qtbot: Any, tmp_path: Path,
                                         dialogs: Any, kind: str) -> None:
    save_identity(CLERK)
    maker = make_window(letter=example_letter())
    maker.review.show()
    assert maker.review.send()
    made = maker.export(kind, tmp_path / f"หนังสือเวียน.{kind}")
    assert made, "export failed"

    window = make_window()
    dialogs.replies["getOpenFileName"] = (str(made[0]), "")
    window.open_dialog()
    letter = window.doc.letter
    assert letter.subject == maker.doc.letter.subject
    assert letter.body == maker.doc.letter.body
    assert window.doc.path is None  # a new draft: the PDF/DOCX is never written over
    assert window.windowTitle().startswith("หนังสือเวียน.dladraft")
    # the review record never travels inside an exported letter (render/pdf_embed.py)
    assert "review" not in letter.extra and window.review.state() == "draft"
    # the filter offered PDF and DOCX
    assert "*.pdf" in dialogs.calls[-1][1][3] and "*.docx" in dialogs.calls[-1][1][3]

    # saving asks where, suggesting the letter's name as a draft file
    target = tmp_path / "saved" / "หนังสือเวียน.dladraft"
    target.parent.mkdir()

    def save_where(_parent: Any, _title: str, start: str, _filter: str) -> tuple[str, str]:
        assert Path(start).name == "หนังสือเวียน.dladraft"
        return str(target), ""

    dialogs.replies["getSaveFileName"] = save_where
    assert window.save()
    assert window.doc.path == target.resolve() and target.exists()


def plain_pdf(path: Path) -> Path:
    from pypdf import PdfWriter

    writer = PdfWriter()
    writer.add_blank_page(width=595, height=842)
    buffer = io.BytesIO()
    writer.write(buffer)
    path.write_bytes(buffer.getvalue())
    return path


def plain_docx(path: Path) -> Path:
    import docx

    document = docx.Document()
    document.add_paragraph("หนังสือที่พิมพ์จาก Word")
    document.save(str(path))
    return path


@pytest.mark.parametrize("make", [plain_pdf, plain_docx, lambda p: (
    p.write_bytes(b"not a letter at all"), p)[1]])
def test_a_file_without_a_draft_says_so_and_keeps_the_draft(
        make_window: Any, tmp_path: Path, dialogs: Any, make: Any) -> None:
    window = make_window(letter=example_letter())
    before = window.doc.letter.subject
    suffix = ".docx" if make is plain_docx else ".pdf"
    path = make(tmp_path / f"อื่น{suffix}")
    dialogs.replies["warning"] = 0
    assert not window.open_path(path, ask=False)
    _name, (_parent, title, text, *_rest) = dialogs.calls[-1]
    assert title == "เปิดแฟ้มไม่ได้"
    assert path.name in text and "Traceback" not in text
    assert "ร่าง" in text  # says there is no draft inside, in Thai
    assert window.doc.letter.subject == before
