"""Open suggestions in the DOCX as real Word tracked changes (``w:ins`` / ``w:del``), read
by python-docx, our own reader and LibreOffice."""

from __future__ import annotations

import io
import json
import os
import re
import shutil
import subprocess
import zipfile
from datetime import UTC, datetime
from pathlib import Path

import docx
import pytest
from docx.oxml.ns import qn

from dla_drafter import pipeline
from dla_drafter.model.draftio import letter_from_dict, load_draft
from dla_drafter.render.docx_tracked import (
    TrackedChange,
    add_tracked_changes,
    logical_paragraphs,
    read_tracked,
)
from dla_drafter.review import suggestions as sg

ROOT = Path(__file__).resolve().parents[2]
MEMO = ROOT / "examples" / "memo-2569.dladraft.json"
SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")
HEAD, DIRECTOR = "นางสาวศรีสุดา ใจดี", "นายสมปอง ดีงาม"
W_INS, W_DEL, W_T, W_DEL_TEXT = qn("w:ins"), qn("w:del"), qn("w:t"), qn("w:delText")


def shown(paragraph, accept: bool) -> str:
    """A paragraph's text with every change accepted (or every change rejected), read from
    the XML as a reader of tracked changes does."""
    out = []
    for element in paragraph.iter(W_T, W_DEL_TEXT):
        inside = element.getparent().getparent()
        kind = inside.tag if inside is not None else None
        if kind == W_INS and not accept or kind == W_DEL and accept:
            continue
        out.append(element.text or "")
    return "".join(out)


def group_texts(document, accept: bool) -> list[str]:
    return ["".join(shown(p, accept) for p in group)
            for group in logical_paragraphs(document.element.body)]


def test_changes_go_on_exactly_their_characters_across_runs():
    document = docx.Document()
    paragraph = document.add_paragraph()
    for piece in ("ตามที่กรม", "ส่งเสริม", "การปกครองท้องถิ่น ได้ขอความร่วมมือ"):
        paragraph.add_run(piece)
    text = "ตามที่กรมส่งเสริมการปกครองท้องถิ่น ได้ขอความร่วมมือ"
    at = datetime(2026, 12, 1, 9, 0, tzinfo=UTC)
    start = text.index("กรมส่งเสริม")
    changes = [
        TrackedChange(0, start, start + len("กรมส่งเสริม"), "สำนัก", HEAD, at),  # two runs
        TrackedChange(0, len(text), len(text), " ด้วย", DIRECTOR, at),  # insertion at end
        TrackedChange(0, 0, len("ตามที่"), "", DIRECTOR, at),  # deletion at start
    ]
    seen: list[list[str]] = []
    assert add_tracked_changes(document, lambda texts: seen.append(texts) or changes) == 3
    assert seen == [[text]]
    [after] = group_texts(document, accept=True)
    assert after == "สำนักการปกครองท้องถิ่น ได้ขอความร่วมมือ ด้วย"
    assert group_texts(document, accept=False) == [text]  # rejected: the letter as printed
    # each change carries author, date and an id of its own
    marks = list(document.element.body.iter(W_INS, W_DEL))
    assert {m.get(qn("w:author")) for m in marks} == {HEAD, DIRECTOR}
    assert {m.get(qn("w:date")) for m in marks} == {"2026-12-01T09:00:00Z"}
    ids = [m.get(qn("w:id")) for m in marks]
    assert len(set(ids)) == len(ids)
    # our own reader gives the same changes back
    [read] = read_tracked(document.element.body)
    assert read.text == text
    assert [(c.start, c.end, c.new, c.author) for c in read.changes] == [
        (0, len("ตามที่"), "", DIRECTOR),
        (start, start + len("กรมส่งเสริม"), "สำนัก", HEAD),
        (len(text), len(text), " ด้วย", DIRECTOR),
    ]
    assert read.changes[0].at == at
    # python-docx (what a script reading the file sees) still opens it
    stream = io.BytesIO()
    document.save(stream)
    again = docx.Document(io.BytesIO(stream.getvalue()))
    assert len(again.paragraphs) == 1


def test_a_change_outside_its_paragraph_is_left_out():
    document = docx.Document()
    document.add_paragraph("abc")
    changes = [TrackedChange(0, 2, 9, "x", HEAD), TrackedChange(5, 0, 1, "x", HEAD),
               TrackedChange(0, 1, 1, "", HEAD)]
    assert add_tracked_changes(document, lambda _texts: changes) == 0
    assert list(document.element.body.iter(W_INS, W_DEL)) == []


def memo_with_suggestions():
    memo = load_draft(MEMO)
    ids = [
        sg.add_suggestion(memo, "body[1]", "กรุงเทพมหานคร", "จังหวัดเชียงใหม่", HEAD,
                          at="2026-12-01T09:00:00+00:00"),
        sg.add_suggestion(memo, "subject", "", "ด่วน ", DIRECTOR, offset=0,
                          at="2026-12-01T10:00:00+00:00"),
        sg.add_suggestion(memo, "body[0]", "เรื่องเดิม", "", DIRECTOR,
                          at="2026-12-01T10:00:00+00:00"),
    ]
    return memo, ids


def docx_of(letter, comments: bool = True) -> bytes:
    return pipeline.make_outputs(letter, ["letter.docx"], comments=comments).first("docx")


def test_the_export_carries_open_suggestions_and_prints_the_letter_without_them():
    memo, ids = memo_with_suggestions()
    clean = docx.Document(io.BytesIO(docx_of(load_draft(MEMO))))
    marked = docx.Document(io.BytesIO(docx_of(memo)))
    rejected = group_texts(marked, accept=False)
    assert rejected == group_texts(clean, accept=False)  # the letter as it prints
    accepted = "\n".join(group_texts(marked, accept=True))
    assert "จังหวัดเชียงใหม่" in accepted and "กรุงเทพมหานคร" not in accepted
    assert "เรื่องเดิม" not in accepted and "เรื่องเดิม" in "\n".join(rejected)
    authors = {(m.tag, m.get(qn("w:author")))
               for m in marked.element.body.iter(W_INS, W_DEL)}
    assert authors == {(W_DEL, HEAD), (W_INS, HEAD), (W_INS, DIRECTOR), (W_DEL, DIRECTOR)}
    # decided suggestions are not written; a clean copy has none
    sg.reject_suggestion(memo, ids[0], "clerk")
    again = docx.Document(io.BytesIO(docx_of(memo)))
    assert {m.get(qn("w:author")) for m in again.element.body.iter(W_INS, W_DEL)} == {DIRECTOR}
    plain = docx.Document(io.BytesIO(docx_of(memo, comments=False)))
    assert list(plain.element.body.iter(W_INS, W_DEL)) == []


def test_a_change_across_a_page_break_is_written_in_both_parts():
    data = json.loads((ROOT / "examples" / "circular-2565-eef.dladraft.json").read_text(
        "utf-8"))
    single = data["body"][1]
    data["body"] = [data["body"][0], " ".join([single] * 5)]
    letter = letter_from_dict(data)
    paragraph = letter.body[1]
    one = len(single) + 1
    old = paragraph[one:4 * one]  # copies 2 to 4: over a page break
    sg.add_suggestion(letter, "body[1]", old, "(ย่อ) ", HEAD, offset=one)
    marked = docx.Document(io.BytesIO(docx_of(letter)))
    groups = logical_paragraphs(marked.element.body)
    split = [g for g in groups if len(g) > 1]
    assert split, "the long paragraph should be cut by a page break"
    holders = [p for p in split[0] if list(p.iter(W_DEL))]
    assert len(holders) >= 2  # the deletion is in both parts of the paragraph
    clean = docx.Document(io.BytesIO(docx_of(letter_from_dict(data))))
    assert group_texts(marked, accept=False) == group_texts(clean, accept=False)
    accepted = "\n".join(group_texts(marked, accept=True))
    assert "(ย่อ) " in accepted
    assert accepted.count(single[:40]) == "\n".join(
        group_texts(clean, accept=True)).count(single[:40]) - 3


@pytest.mark.skipif(SOFFICE is None and not os.environ.get("CI"),
                    reason="LibreOffice (soffice) is not installed here; CI installs it")
def test_libreoffice_opens_the_docx_with_the_changes_tracked(tmp_path):
    assert SOFFICE is not None, "soffice is missing: .ci/run installs libreoffice-writer-nogui"
    memo, _ids = memo_with_suggestions()
    source = tmp_path / "memo.docx"
    source.write_bytes(docx_of(memo))
    result = subprocess.run(
        [SOFFICE, f"-env:UserInstallation={(tmp_path / 'profile').as_uri()}", "--headless",
         "--convert-to", "odt", "--outdir", str(tmp_path), str(source)],
        capture_output=True, text=True, timeout=300, env=dict(os.environ, HOME=str(tmp_path)))
    assert result.returncode == 0, result.stderr
    content = zipfile.ZipFile(tmp_path / "memo.odt").read("content.xml").decode("utf-8")
    [tracked] = re.findall(r"<text:tracked-changes.*?</text:tracked-changes>", content, re.S)
    regions = re.findall(r"<text:changed-region.*?</text:changed-region>", tracked, re.S)
    kinds = [(re.search(r"<text:(insertion|deletion)>", r).group(1),
              re.search(r"<dc:creator>(.*?)</dc:creator>", r).group(1)) for r in regions]
    assert sorted(kinds) == sorted([("deletion", HEAD), ("insertion", HEAD),
                                    ("insertion", DIRECTOR), ("deletion", DIRECTOR)])
    deleted = "".join(re.findall(r"<text:deletion>.*?</text:deletion>", tracked, re.S))
    assert "กรุงเทพมหานคร" in deleted and "เรื่องเดิม" in deleted
    assert "2026-12-01T09:00:00" in tracked
    # the inserted words are in the text itself (a deletion's words are only in its region)
    body = re.sub(r"<[^>]+>", "", content.split("</text:tracked-changes>")[1])
    assert "จังหวัดเชียงใหม่" in body and "ด่วน" in body and "กรุงเทพมหานคร" not in body


@pytest.mark.skipif(SOFFICE is None and not os.environ.get("CI"),
                    reason="LibreOffice (soffice) is not installed here; CI installs it")
def test_tracked_changes_saved_again_by_libreoffice_come_back_as_the_suggestions(tmp_path):
    """Another program's tracked changes: the DOCX saved again by LibreOffice (its own
    w:ins/w:del, its own runs) imports as the same suggestions on the same fields — into
    a copy of the draft without them, and as nothing new into the draft that has them."""
    from dla_drafter.review.docx_tracked import suggestions_from_docx

    assert SOFFICE is not None
    memo, _ids = memo_with_suggestions()
    source = tmp_path / "in.docx"
    source.write_bytes(docx_of(memo))
    result = subprocess.run(
        [SOFFICE, f"-env:UserInstallation={(tmp_path / 'profile').as_uri()}", "--headless",
         "--convert-to", "docx:MS Word 2007 XML", "--outdir", str(tmp_path / "lo"),
         str(source)],
        capture_output=True, text=True, timeout=300, env=dict(os.environ, HOME=str(tmp_path)))
    assert result.returncode == 0, result.stderr
    resaved = (tmp_path / "lo" / "in.docx").read_bytes()
    assert resaved != source.read_bytes()

    def edits(letter):
        return sorted((s.field, s.old, s.new, s.author) for s in sg.suggestions_of(letter))

    fresh = load_draft(MEMO)
    done = suggestions_from_docx(fresh, resaved, "x")
    assert done.tracked and len(done.added) == 3 and done.unplaced == []
    assert edits(fresh) == edits(memo)
    again = suggestions_from_docx(memo, resaved, "x")
    assert (again.added, again.known) == ([], 3)


def test_overlapping_suggestions_write_the_first_made_only():
    from dla_drafter.review.docx_tracked import word_changes

    memo = load_draft(MEMO)
    first = sg.add_suggestion(memo, "body[1]", "กรุงเทพมหานคร", "เชียงใหม่", HEAD)
    second = sg.add_suggestion(memo, "body[1]", "เทพ", "ธน", DIRECTOR,
                               offset=memo.body[1].index("กรุงเทพมหานคร") + 4)
    marked = docx.Document(io.BytesIO(docx_of(memo)))
    clean = docx.Document(io.BytesIO(docx_of(load_draft(MEMO))))
    assert group_texts(marked, accept=False) == group_texts(clean, accept=False)
    assert {m.get(qn("w:author")) for m in marked.element.body.iter(W_INS, W_DEL)} == {HEAD}
    texts = ["".join(shown(p, accept=False) for p in g)
             for g in logical_paragraphs(clean.element.body)]
    placed, unplaced = word_changes(memo, texts)
    assert len(placed) == 1 and [s.id for s in unplaced] == [second]
    assert sg.find_suggestion(memo, first).is_open
