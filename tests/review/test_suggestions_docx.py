"""A DOCX back from Word as suggestions: tracked changes (written here as Word writes them,
raw OOXML) and edits made without Track Changes (python-docx), through ``review import-docx``
as two people, and the hostile-file discipline."""

from __future__ import annotations

import copy
import io
import json
import zipfile
from pathlib import Path

import docx
from docx.oxml.ns import qn
from lxml import etree

from dla_drafter import pipeline
from dla_drafter.model.draftio import letter_from_dict, load_draft, save_draft
from dla_drafter.review import suggestions as sg
from dla_drafter.review.docx_tracked import suggestions_from_docx
from dla_drafter.settings import RenderSettings

ROOT = Path(__file__).resolve().parents[2]
MEMO = ROOT / "examples" / "memo-2569.dladraft.json"
SETTINGS = RenderSettings(use_system_th_sarabun=False)
SUPERVISOR, CLERK = "นางสาวศรีสุดา ใจดี", "นางสาวสมศรี ใจดี"
SECOND_REFERENCE = "หนังสือกรมส่งเสริมการปกครองท้องถิ่น ที่ มท 0816.3/ว 999 ลงวันที่ 1 กรกฎาคม 2564"
W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
W_R, W_T, W_RPR = qn("w:r"), qn("w:t"), qn("w:rPr")


def export(letter) -> bytes:
    return pipeline.make_outputs(letter, ["x.docx"], SETTINGS, comments=False).first("docx")


def with_document(data: bytes, change) -> bytes:
    """``data`` with its word/document.xml changed by ``change(root)``, re-zipped as Word
    would save it (every other part as it was)."""
    source = zipfile.ZipFile(io.BytesIO(data))
    root = etree.fromstring(source.read("word/document.xml"))
    change(root)
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            if info.filename == "word/document.xml":
                target.writestr(info.filename, etree.tostring(
                    root, xml_declaration=True, encoding="UTF-8", standalone=True))
            else:
                target.writestr(info, source.read(info))
    return out.getvalue()


def _run(rpr, text: str, tag: str = "t") -> etree._Element:
    run = etree.Element(W_R)
    run.set(f"{{{W}}}rsidR", "00B2417C")
    if rpr is not None:
        run.append(etree.fromstring(etree.tostring(rpr)))
    t = etree.SubElement(run, f"{{{W}}}{tag}")
    t.text = text
    t.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
    return run


def track(root, word: str, new: str, author: str, change_id: int, after: str = "") -> None:
    """As Word writes a tracked edit: the run holding ``word`` (or, with ``word`` empty, the
    point right after ``after``) is cut into runs, the old word wrapped in ``w:del``
    (``w:delText``) and the new text in ``w:ins``, each with ``w:id``, ``w:author`` and
    ``w:date``."""
    needle = word or after
    t = next(t for t in root.iter(W_T) if t.text and needle in t.text)
    run = t.getparent()
    rpr = run.find(W_RPR)
    text = t.text
    at = text.index(needle) + (len(after) if not word else 0)
    end = at + len(word)
    pieces = [_run(rpr, text[:at])] if text[:at] else []
    stamp = {f"{{{W}}}id": str(change_id), f"{{{W}}}author": author,
             f"{{{W}}}date": "2026-12-03T10:15:00Z"}
    if word:
        deletion = etree.Element(f"{{{W}}}del", stamp)
        deletion.append(_run(rpr, word, "delText"))
        pieces.append(deletion)
    if new:
        insertion = etree.Element(f"{{{W}}}ins", {**stamp, f"{{{W}}}id": str(change_id + 1)})
        insertion.append(_run(rpr, new))
        pieces.append(insertion)
    if text[end:]:
        pieces.append(_run(rpr, text[end:]))
    for piece in pieces:
        run.addprevious(piece)
    run.getparent().remove(run)


def word_tracked_docx(letter) -> bytes:
    def change(root):
        track(root, "กรุงเทพมหานคร", "", SUPERVISOR, 901)  # a Thai word deleted mid-paragraph
        track(root, "", "เร่งด่วน ", "นายสมปอง ดีงาม", 903, after="ขออนุมัติ")  # subject
        track(root, "ลงนาม", "ลงนามรับรอง", SUPERVISOR, 905)  # a word replaced (del + ins)
    return with_document(export(letter), change)


def test_word_tracked_changes_import_as_suggestions_on_their_fields():
    letter = load_draft(MEMO)
    assert "ลงนาม" in "".join(letter.body)
    original = (letter.subject, list(letter.body))
    data = word_tracked_docx(letter)
    done = suggestions_from_docx(letter, data, author="someone else")
    assert done.tracked and len(done.added) == 3 and done.unplaced == []
    assert (letter.subject, letter.body) == original  # suggestions, not edits
    got = sorted((s.field, s.old, s.new, s.author) for s in sg.suggestions_of(letter))
    assert got == sorted([
        ("body[1]", "กรุงเทพมหานคร", "", SUPERVISOR),
        ("subject", "", "เร่งด่วน ", "นายสมปอง ดีงาม"),
        ("body[3]", "ลงนาม", "ลงนามรับรอง", SUPERVISOR),
    ])
    assert {s.at for s in sg.suggestions_of(letter)} == {"2026-12-03T10:15:00+00:00"}
    # placed exactly: accepting all gives the letter Word shows with the changes accepted
    sg.accept_all(letter, CLERK)
    assert letter.subject == original[0].replace("ขออนุมัติ", "ขออนุมัติเร่งด่วน ", 1)
    body = "\n".join(original[1]).replace("กรุงเทพมหานคร", "", 1).replace(
        "ลงนาม", "ลงนามรับรอง", 1)
    assert "\n".join(letter.body) == body


def test_importing_the_same_file_twice_adds_nothing():
    letter = load_draft(MEMO)
    data = word_tracked_docx(letter)
    assert len(suggestions_from_docx(letter, data, "x").added) == 3
    again = suggestions_from_docx(letter, data, "x")
    assert (again.added, again.known) == ([], 3)
    sg.accept_all(letter, CLERK)  # decided ones count too
    third = suggestions_from_docx(letter, data, "x")
    assert third.added == [] and len(sg.suggestions_of(letter)) == 3


def test_our_own_tracked_changes_come_back_as_the_same_suggestions():
    letter = load_draft(MEMO)
    sg.add_suggestion(letter, "body[1]", "กรุงเทพมหานคร", "จังหวัดเชียงใหม่", SUPERVISOR,
                      at="2026-12-01T09:00:00+00:00")
    sg.add_suggestion(letter, "subject", "", "ด่วน ", SUPERVISOR, offset=0)
    data = pipeline.make_outputs(letter, ["x.docx"], SETTINGS).first("docx")
    done = suggestions_from_docx(letter, data, "x")
    assert (done.added, done.known, done.unplaced) == ([], 2, [])


def two_references():
    data = json.loads((ROOT / "examples" / "circular-2565-eef.dladraft.json").read_text("utf-8"))
    return letter_from_dict({**data, "references": [*data["references"], SECOND_REFERENCE]})


def edited_in_word(data: bytes) -> bytes:
    """Edited as Word edits without Track Changes: a word changed in a run of body[0], the
    second reference line deleted."""
    document = docx.Document(io.BytesIO(data))
    run = next(r for p in document.paragraphs for r in p.runs if "เป็นต้นมา นั้น" in r.text)
    run.text = run.text.replace("เป็นต้นมา นั้น", "เป็นต้นมาแล้ว นั้น")
    line = next(p for p in document.paragraphs if "ว ๙๙๙" in p.text)
    line._element.getparent().remove(line._element)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def test_a_docx_edited_without_track_changes_gives_a_suggestion_per_changed_field():
    letter = two_references()
    before = (list(letter.body), list(letter.references))
    done = suggestions_from_docx(letter, edited_in_word(export(letter)), SUPERVISOR)
    assert not done.tracked and len(done.added) == 2
    found = sorted((s.field, s.old, s.new, s.author) for s in sg.suggestions_of(letter))
    # word granularity: the word แล้ว was added (not "เป็นต้นมา" retyped)
    assert found == [("body[0]", "", "แล้ว", SUPERVISOR),
                     ("references[1]", SECOND_REFERENCE, "", SUPERVISOR)]
    assert (letter.body, letter.references) == before[0:2]
    sg.accept_all(letter, CLERK)
    assert letter.body[0] == before[0][0].replace("เป็นต้นมา นั้น", "เป็นต้นมาแล้ว นั้น")
    assert letter.references == [before[1][0], ""]


def test_import_docx_on_the_command_line_as_two_people(reviewers, tmp_path):
    """draft → DOCX → edited as Word would (a word changed in the body, a reference line
    deleted) → ``review import-docx`` by the clerk → two suggestions on the right fields;
    the supervisor's Word tracked changes come back with the supervisor's name."""
    clerk = reviewers["clerk"]
    letter = two_references()
    draft = tmp_path / "eef.dladraft.json"
    save_draft(letter, draft)
    plain = tmp_path / "edited.docx"
    plain.write_bytes(edited_in_word(export(letter)))
    result = clerk.run("review", "import-docx", str(draft), str(plain), "--author", SUPERVISOR,
                       "--lang", "en")
    assert result.returncode == 0, result.stderr
    assert "imported 2 suggestion(s)" in result.stdout
    status = clerk.status(draft)
    assert sorted((s["field"], s["author"], s["state"]) for s in status["suggestions"]) == [
        ("body[0]", SUPERVISOR, "open"), ("references[1]", SUPERVISOR, "open")]
    saved = draft.read_bytes()
    again = clerk.run("review", "import-docx", str(draft), str(plain), "--lang", "en")
    assert again.returncode == 0 and "imported 0 suggestion(s)" in again.stdout
    assert draft.read_bytes() == saved  # nothing added, nothing written

    memo = tmp_path / "memo.dladraft.json"
    memo.write_bytes(MEMO.read_bytes())
    tracked = tmp_path / "tracked.docx"
    tracked.write_bytes(word_tracked_docx(load_draft(MEMO)))
    result = clerk.run("review", "import-docx", str(memo), str(tracked))
    assert result.returncode == 0, result.stderr
    authors = sorted(s["author"] for s in clerk.status(memo)["suggestions"])
    assert authors == sorted([SUPERVISOR, SUPERVISOR, "นายสมปอง ดีงาม"])


def test_a_hostile_docx_is_refused_with_a_message_and_nothing_is_written(reviewers, tmp_path):
    clerk = reviewers["clerk"]
    draft = tmp_path / "memo.dladraft.json"
    draft.write_bytes(MEMO.read_bytes())
    before = draft.read_bytes()
    good = export(load_draft(MEMO))
    source = zipfile.ZipFile(io.BytesIO(good))
    dtd = io.BytesIO()
    with zipfile.ZipFile(dtd, "w") as target:
        for info in source.infolist():
            data = source.read(info)
            if info.filename == "word/document.xml":
                data = data.replace(b"?>", b'?><!DOCTYPE x [<!ENTITY a "aaaa">]>', 1)
            target.writestr(info, data)
    cases = {"dtd.docx": dtd.getvalue(), "text.docx": b"not a zip at all"}
    for name, data in cases.items():
        path = tmp_path / name
        path.write_bytes(data)
        result = clerk.run("review", "import-docx", str(draft), str(path), "--lang", "en")
        assert result.returncode != 0, name
        assert "Traceback" not in result.stderr and result.stderr.strip(), result.stderr
        assert draft.read_bytes() == before


def test_a_tracked_paragraph_deletion_and_insertion():
    """A reference line deleted whole with Track Changes empties its field (typed digits
    kept); a paragraph typed in with Track Changes has no field and is listed, not lost."""
    letter = two_references()

    def change(root):
        line = next(p for p in root.iter(qn("w:p"))
                    if "ว ๙๙๙" in "".join(t.text or "" for t in p.iter(W_T)))
        for run in [r for r in line.iter(W_R)]:
            for t in run.iter(W_T):
                t.tag = qn("w:delText")
            wrapper = etree.Element(qn("w:del"), {qn("w:id"): "700", qn("w:author"): SUPERVISOR,
                                                  qn("w:date"): "2026-12-03T10:15:00Z"})
            run.addprevious(wrapper)
            wrapper.append(run)
        added = etree.Element(qn("w:p"))
        insertion = etree.SubElement(added, qn("w:ins"), {
            qn("w:id"): "701", qn("w:author"): SUPERVISOR, qn("w:date"): "2026-12-03T10:16:00Z"})
        insertion.append(_run(None, "ย่อหน้าใหม่ที่พิมพ์เพิ่ม"))
        line.addnext(added)

    done = suggestions_from_docx(letter, with_document(export(letter), change), "x")
    assert [(s.field, s.old, s.new) for s in sg.suggestions_of(letter)] == [
        ("references[1]", SECOND_REFERENCE, "")]
    assert [(u.author, u.new) for u in done.unplaced] == [
        (SUPERVISOR, "ย่อหน้าใหม่ที่พิมพ์เพิ่ม")]
    assert any("ย่อหน้าใหม่ที่พิมพ์เพิ่ม" in line for line in done.lines("en"))


def test_plain_edits_are_by_the_files_last_editor_without_author(reviewers, tmp_path):
    clerk = reviewers["clerk"]
    letter = two_references()
    draft = tmp_path / "eef.dladraft.json"
    save_draft(letter, draft)
    document = docx.Document(io.BytesIO(edited_in_word(export(letter))))
    document.core_properties.last_modified_by = "ผอ.กศ. สมปอง"
    path = tmp_path / "edited.docx"
    document.save(str(path))
    result = clerk.run("review", "import-docx", str(draft), str(path))
    assert result.returncode == 0, result.stderr
    assert {s["author"] for s in clerk.status(draft)["suggestions"]} == {"ผอ.กศ. สมปอง"}


def test_tracked_changes_on_a_draft_the_clerk_edited_since_the_export():
    """The changes are placed on the draft inside the DOCX and found again in the draft as
    it is now: moved text is followed; words the clerk changed meanwhile make an outdated
    suggestion (added, and said so), never one on the wrong words."""
    letter = load_draft(MEMO)
    data = word_tracked_docx(letter)
    letter.body[1] = "(แก้ไขแล้ว) " + letter.body[1]  # the deleted word moved
    letter.body[3] = letter.body[3].replace("ลงนาม", "ลงชื่อ")  # the replaced word is gone
    done = suggestions_from_docx(letter, data, "x")
    assert len(done.added) == 3
    [outdated] = done.outdated
    assert sg.find_suggestion(letter, outdated).field == "body[3]"
    moved = next(s for s in sg.suggestions_of(letter) if s.field == "body[1]")
    start, end = sg.where(letter, moved)
    assert letter.body[1][start:end] == "กรุงเทพมหานคร"
    assert letter.body[1].index("กรุงเทพมหานคร") == start
    assert any("outdated" in line for line in done.lines("en"))


def test_comments_next_to_tracked_changes_still_round_trip(tmp_path):
    """A paragraph with a tracked change no longer reads as the letter printed it (Word
    counts inserted text, not deleted): the comments import places its comments on the
    text with the changes rejected, so exporting and importing again adds nothing and
    loses nothing."""
    from dla_drafter.review.actions import add_comment
    from dla_drafter.review.docx_import import import_docx_comments

    letter = load_draft(MEMO)
    add_comment(letter, "body[1]", "กรุงเทพมหานคร", "ที่ไหน", SUPERVISOR)
    add_comment(letter, "body[1]", letter.body[1][-30:], "ท้ายย่อหน้า", SUPERVISOR)
    sg.add_suggestion(letter, "body[1]", "กรุงเทพมหานคร", "จังหวัดเชียงใหม่", SUPERVISOR)
    sg.add_suggestion(letter, "body[1]", "", "ก่อน ", SUPERVISOR, offset=0)
    path = tmp_path / "both.docx"
    path.write_bytes(pipeline.make_outputs(letter, ["x.docx"], SETTINGS).first("docx"))
    comments = import_docx_comments(letter, path)
    assert (comments.imported, comments.duplicates, comments.unmatched) == ([], 2, [])
    edits = suggestions_from_docx(letter, path.read_bytes(), "x")
    assert (edits.added, edits.known, edits.unplaced) == ([], 2, [])


def many_insertions(count: int) -> bytes:
    """The memo's DOCX with ``count`` one-letter tracked insertions by two authors in turn
    (so none joins the one before) at the end of the paragraph of body[1]."""
    def change(root):
        t = next(t for t in root.iter(W_T) if t.text and "กรุงเทพมหานคร" in t.text)
        run = t.getparent()
        for n in range(count):
            insertion = etree.Element(qn("w:ins"), {
                qn("w:id"): str(5000 + n), qn("w:author"): "AB"[n % 2],
                qn("w:date"): "2026-12-03T10:15:00Z"})
            insertion.append(_run(None, "ก"))
            run.addnext(insertion)
            run = insertion
    return with_document(export(load_draft(MEMO)), change)


def test_a_file_with_very_many_tracked_changes_is_read_fast_or_refused():
    import time

    from dla_drafter.render.docx_draft import DocxDraftError
    from dla_drafter.render.docx_tracked import MAX_CHANGES

    letter = load_draft(MEMO)
    started = time.perf_counter()
    done = suggestions_from_docx(letter, many_insertions(MAX_CHANGES), "x")
    elapsed = time.perf_counter() - started
    assert len(done.added) == 1 and done.known == MAX_CHANGES - 1  # the same edit, one place
    assert elapsed < 20, f"{elapsed:.1f} s for {MAX_CHANGES:,} changes"
    before = copy.deepcopy(letter.extra)
    try:
        suggestions_from_docx(letter, many_insertions(MAX_CHANGES + 1), "x")
    except DocxDraftError as exc:
        assert "tracked changes" in exc.message("en")
    else:
        raise AssertionError("more than MAX_CHANGES tracked changes must be refused")
    assert letter.extra == before  # refused before anything was added


def test_our_own_suggestion_with_arabic_digits_is_known_though_word_shows_thai_digits():
    letter = load_draft(MEMO)  # prints Thai digits
    assert letter.digits == "thai"
    sg.add_suggestion(letter, "body[1]", "กรุงเทพมหานคร", "ห้อง 350 กรุงเทพฯ", SUPERVISOR)
    data = pipeline.make_outputs(letter, ["x.docx"], SETTINGS).first("docx")
    assert "ห้อง ๓๕๐ กรุงเทพฯ".encode() in zipfile.ZipFile(io.BytesIO(data)).read(
        "word/document.xml")
    done = suggestions_from_docx(letter, data, "x")
    assert (done.added, done.known) == ([], 1)


def test_tracked_changes_and_plain_edits_in_one_file_each_come_once():
    """A supervisor who turned Track Changes on half-way: the tracked changes come with
    their authors, the plain edit by ``author``, and no tracked change twice."""
    letter = load_draft(MEMO)
    document = docx.Document(io.BytesIO(word_tracked_docx(letter)))
    run = next(r for p in document.paragraphs for r in p.runs if "ดังกล่าว" in r.text)
    run.text = run.text.replace("ดังกล่าว", "นี้", 1)
    out = io.BytesIO()
    document.save(out)
    done = suggestions_from_docx(letter, out.getvalue(), CLERK)
    assert done.tracked and len(done.added) == 4, done.lines("en")
    plain = [s for s in sg.suggestions_of(letter) if s.author == CLERK]
    assert [(s.field, s.old, s.new) for s in plain] == [("body[2]", "ดังกล่าว", "นี้")]


def test_opening_a_docx_edited_in_word_gives_the_draft_with_two_suggestions(tmp_path):
    """Issue 16's done-when: draft → DOCX → edited by a program as Word would (a word changed
    in the body, a reference deleted) → open (File → Open, ``extract``) → two suggestions on
    the right fields, by the file's last editor; the draft itself as it was exported."""
    from dla_drafter.model.draftio import letter_to_dict

    letter = two_references()
    document = docx.Document(io.BytesIO(edited_in_word(export(letter))))
    document.core_properties.last_modified_by = SUPERVISOR
    out = io.BytesIO()
    document.save(out)
    opened = pipeline.draft_from_letter(out.getvalue(), "edited.docx")
    found = sorted((s.field, s.old, s.new, s.author, s.state)
                   for s in sg.suggestions_of(opened))
    assert found == [("body[0]", "", "แล้ว", SUPERVISOR, "open"),
                     ("references[1]", SECOND_REFERENCE, "", SUPERVISOR, "open")]
    mine = letter_to_dict(opened)
    mine.pop("review")
    assert mine == letter_to_dict(letter)
    # an untouched DOCX opens as the draft alone
    plain = pipeline.draft_from_letter(export(letter), "x.docx")
    assert "review" not in letter_to_dict(plain)
