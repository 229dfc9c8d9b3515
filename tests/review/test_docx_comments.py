"""Review comments in Word: the DOCX export carries the open ones, a DOCX back brings them in.

The files are opened as a reader would: python-docx's own comment list and the document XML
(what text lies between a comment's range marks), and LibreOffice converting the file.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import zipfile
from copy import deepcopy
from pathlib import Path

import docx
import pytest
from docx.oxml.ns import qn
from exporting import export
from lxml import etree

from dla_drafter.model.draftio import load_draft, save_draft
from dla_drafter.render.docx_split import join_continued
from dla_drafter.review import actions
from dla_drafter.review.diff import field_texts
from dla_drafter.review.docx_export import OUTDATED_NOTE
from dla_drafter.review.docx_import import DocxImportError, import_docx_comments
from dla_drafter.review.integrity import letter_snapshot
from dla_drafter.text.digits import apply_digits

ROOT = Path(__file__).resolve().parents[2]
EEF = ROOT / "examples" / "circular-2565-eef.dladraft.json"
HEAD, DIRECTOR, CLERK = "นางสาวศรีสุดา ใจดี", "นายสมชาย ตั้งใจ", "นางเกศินี รักงาน"
BODY1_QUOTE = "ในปีงบประมาณ พ.ศ. 2565"  # in the middle of body[1]; prints with Thai digits
BODY1_PRINTED = "ในปีงบประมาณ พ.ศ. ๒๕๖๕"


def fresh():
    return load_draft(EEF)


@pytest.fixture
def reviewed():
    """The EEF circular with comments on the subject (with replies), in the middle of a Thai
    body paragraph, on an enclosure, and a resolved one."""
    letter = fresh()
    subject = actions.add_comment(letter, "subject", "โครงการพัฒนาครู", "ชื่อโครงการยาวไป",
                                  HEAD, "2026-11-30T09:15:00+00:00")
    actions.reply_to_comment(letter, subject, "ใช้ชื่อตามหนังสืออนุมัติ", CLERK,
                             "2026-11-30T10:00:00+00:00")
    actions.reply_to_comment(letter, subject, "ตกลง", HEAD, "2026-11-30T10:30:00+00:00")
    actions.add_comment(letter, "body[1]", BODY1_QUOTE, "ตรวจสอบปีงบประมาณ", DIRECTOR,
                        "2026-11-30T11:00:00+00:00")
    actions.add_comment(letter, "enclosures[0].text", "สถานศึกษา", "แนบรายชื่อเป็นไฟล์ Excel ด้วย",
                        HEAD, "2026-11-30T11:05:00+00:00")
    done = actions.add_comment(letter, "closing", "พิจารณา", "แก้แล้ว", HEAD)
    actions.set_resolved(letter, done)
    return letter


def anchored_texts(path: Path) -> dict[int, str]:
    """Comment id → the text between its commentRangeStart and commentRangeEnd, read from
    document.xml in document order (independently of the code under test)."""
    body = docx.Document(str(path)).element.body
    open_ids: set[int] = set()
    texts: dict[int, str] = {}
    for element in body.iter():
        if element.tag == qn("w:commentRangeStart"):
            open_ids.add(int(element.get(qn("w:id"))))
        elif element.tag == qn("w:commentRangeEnd"):
            open_ids.discard(int(element.get(qn("w:id"))))
        elif element.tag == qn("w:t"):
            for cid in open_ids:
                texts[cid] = texts.get(cid, "") + (element.text or "")
    return texts


def threads(path: Path) -> dict[int, int]:
    """Reply's comment id → the id of the comment it answers, read from the package's
    commentsExtended.xml and the w14:paraId of each comment's last paragraph."""
    w14 = "{http://schemas.microsoft.com/office/word/2010/wordml}paraId"
    w15 = "{http://schemas.microsoft.com/office/word/2012/wordml}"
    with zipfile.ZipFile(path) as z:
        comments = etree.fromstring(z.read("word/comments.xml"))
        extended = etree.fromstring(z.read("word/commentsExtended.xml"))
        assert "commentsExtended" in z.read("[Content_Types].xml").decode()
        assert "commentsExtended.xml" in z.read("word/_rels/document.xml.rels").decode()
    by_para = {c.findall(qn("w:p"))[-1].get(w14): int(c.get(qn("w:id")))
               for c in comments.findall(qn("w:comment"))}
    return {by_para[e.get(f"{w15}paraId")]: by_para[e.get(f"{w15}paraIdParent")]
            for e in extended.iter(f"{w15}commentEx") if e.get(f"{w15}paraIdParent")}


def exported(letter, tmp_path: Path, name: str = "letter.docx") -> Path:
    path = tmp_path / name
    export(letter, path)
    return path


def word_comments(path: Path) -> list[tuple[str, str, str]]:
    """(author, text, anchored text) of every comment, as python-docx reads them."""
    anchored = anchored_texts(path)
    return [(c.author, c.text, anchored.get(c.comment_id, ""))
            for c in docx.Document(str(path)).comments]


def as_triples(letter) -> set[tuple[str, str, str]]:
    return {(c.field, c.quote, c.text) for c in actions.record_of(letter).comments}


def test_open_comments_are_word_comments_on_their_exact_text(reviewed, tmp_path):
    path = exported(reviewed, tmp_path)
    comments = word_comments(path)
    assert comments == [
        (HEAD, "ชื่อโครงการยาวไป", "โครงการพัฒนาครู"),
        (CLERK, "ใช้ชื่อตามหนังสืออนุมัติ", "โครงการพัฒนาครู"),  # replies: on the same words
        (HEAD, "ตกลง", "โครงการพัฒนาครู"),
        (DIRECTOR, "ตรวจสอบปีงบประมาณ", BODY1_PRINTED),
        (HEAD, "แนบรายชื่อเป็นไฟล์ Excel ด้วย", "สถานศึกษา"),
    ]  # the resolved one is not exported
    # Word's threads: the two replies point at the subject's comment in commentsExtended.xml
    assert threads(path) == {1: 0, 2: 0}
    document = docx.Document(str(path))
    first = next(iter(document.comments))
    assert first.initials == "ศจ"
    assert first.timestamp.isoformat() == "2026-11-30T09:15:00+00:00"
    # the quote sits in the middle of its paragraph, which otherwise reads as before (once
    # the part the writer carried over to page two is joined back, as readers do)
    join_continued(document.element.body)
    body1 = next(p for p in document.paragraphs if BODY1_PRINTED in p.text)
    assert body1.text == apply_digits(reviewed.body[1].strip(), "thai")
    assert 0 < body1.text.index(BODY1_PRINTED) < len(body1.text) - len(BODY1_PRINTED)


def test_the_letter_reads_the_same_with_or_without_comments(reviewed, tmp_path):
    with_comments = docx.Document(str(exported(reviewed, tmp_path)))
    plain = tmp_path / "plain.docx"
    export(reviewed, plain, comments=False)
    without = docx.Document(str(plain))
    assert len(list(without.comments)) == 0
    assert [p.text for p in with_comments.paragraphs] == [p.text for p in without.paragraphs]


def test_split_runs_and_the_comments_keep_the_thai_run_properties(reviewed, tmp_path):
    document = docx.Document(str(exported(reviewed, tmp_path)))
    parts = [document.element.body, document.part._comments_part.element]
    thai_runs = 0
    for root in parts:
        for run in root.iter(qn("w:r")):
            text = "".join(t.text or "" for t in run.iter(qn("w:t")))
            if any("\u0e00" <= ch <= "\u0e7f" for ch in text):
                thai_runs += 1
                rpr = run.find(qn("w:rPr"))
                tags = [child.tag for child in rpr]
                assert qn("w:cs") in tags, text
                # the font and size come from the styles (no direct formatting on runs, so
                # an office can restyle them): the document defaults name the Thai font
                assert rpr.find(qn("w:rFonts")) is None and rpr.find(qn("w:szCs")) is None
    assert thai_runs > 20
    defaults = document.styles.element.find(f"{qn('w:docDefaults')}/{qn('w:rPrDefault')}")
    assert defaults.find(f"{qn('w:rPr')}/{qn('w:rFonts')}").get(qn("w:cs")) == "TH SarabunPSK"


def test_a_comment_whose_quote_was_edited_away_hangs_on_the_whole_field(tmp_path):
    letter = fresh()
    actions.add_comment(letter, "subject", "รุ่นที่ 2", "รุ่นที่เท่าไร", HEAD)
    letter.subject = letter.subject.replace("รุ่นที่ 2", "รุ่นที่สอง")
    [(author, text, anchored)] = word_comments(exported(letter, tmp_path))
    assert text == f"รุ่นที่เท่าไร\n{OUTDATED_NOTE}"
    assert anchored == letter.subject.strip()


def test_export_then_import_into_a_draft_without_comments_gives_the_same_comments(
    reviewed, tmp_path
):
    path = exported(reviewed, tmp_path)
    clean = fresh()
    summary = import_docx_comments(clean, path)
    assert len(summary.imported) == 3 and summary.replies == 2 and not summary.unmatched
    open_ones = {(c.field, c.quote, c.text) for c in actions.record_of(reviewed).comments
                 if not c.resolved}
    assert as_triples(clean) == open_ones
    by_field = {c.field: c for c in actions.record_of(clean).comments}
    assert by_field["body[1]"].quote == BODY1_QUOTE  # the draft's digits again
    assert by_field["body[1]"].author == DIRECTOR
    assert by_field["body[1]"].at == "2026-11-30T11:00:00+00:00"
    assert [(r.author, r.text) for r in by_field["subject"].replies] == [
        (CLERK, "ใช้ชื่อตามหนังสืออนุมัติ"), (HEAD, "ตกลง")]
    # offsets point at the quote, so the desktop program highlights the right words
    for comment in actions.record_of(clean).comments:
        assert actions.locate_comment(clean, comment) is not None


def test_importing_twice_or_into_the_original_adds_nothing(reviewed, tmp_path):
    path = exported(reviewed, tmp_path)
    before = len(actions.record_of(reviewed).comments)
    summary = import_docx_comments(reviewed, path)
    assert summary.imported == [] and summary.replies == 0
    assert summary.duplicates == 5  # three comments, two replies
    assert len(actions.record_of(reviewed).comments) == before
    clean = fresh()
    import_docx_comments(clean, path)
    again = import_docx_comments(clean, path)
    assert again.imported == [] and len(actions.record_of(clean).comments) == 3


def test_a_reply_written_in_word_joins_the_comment_it_answers(reviewed, tmp_path):
    """The supervisor answers the clerk's exported comment in Word; importing the file back
    adds the answer to that comment, not a new comment."""
    answered = load_draft(EEF)
    answered.extra = deepcopy(reviewed.extra)
    body1 = next(c for c in actions.record_of(answered).comments if c.field == "body[1]")
    actions.reply_to_comment(answered, body1.id, "ปีงบประมาณถูกต้องแล้ว", DIRECTOR,
                             "2026-12-01T08:00:00+00:00")
    summary = import_docx_comments(reviewed, exported(answered, tmp_path))
    assert summary.imported == [] and summary.replies == 1
    assert "นำเข้าคำตอบ 1 รายการ" in summary.lines("th")
    after = next(c for c in actions.record_of(reviewed).comments if c.field == "body[1]")
    assert [(r.author, r.text, r.at) for r in after.replies] == [
        (DIRECTOR, "ปีงบประมาณถูกต้องแล้ว", "2026-12-01T08:00:00+00:00")]


def mark_done_in_word(path: Path, text: str, out: Path) -> None:
    """What Word's "Resolve" does to a comment: w15:done="1" on its commentsExtended entry."""
    w14 = "{http://schemas.microsoft.com/office/word/2010/wordml}paraId"
    w15 = "{http://schemas.microsoft.com/office/word/2012/wordml}"
    with zipfile.ZipFile(path) as z:
        parts = {name: z.read(name) for name in z.namelist()}
    comments = etree.fromstring(parts["word/comments.xml"])
    target = next(c for c in comments.findall(qn("w:comment"))
                  if "".join(c.itertext()) == text).findall(qn("w:p"))[-1].get(w14)
    extended = etree.fromstring(parts["word/commentsExtended.xml"])
    for entry in extended.iter(f"{w15}commentEx"):
        if entry.get(f"{w15}paraId") == target:
            entry.set(f"{w15}done", "1")
    parts["word/commentsExtended.xml"] = etree.tostring(extended, xml_declaration=True,
                                                        encoding="UTF-8", standalone=True)
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in parts.items():
            z.writestr(name, data)


def test_a_comment_resolved_in_word_is_resolved_in_the_draft(reviewed, tmp_path):
    returned = tmp_path / "returned.docx"
    mark_done_in_word(exported(reviewed, tmp_path), "ตรวจสอบปีงบประมาณ", returned)
    summary = import_docx_comments(reviewed, returned)
    assert summary.imported == [] and summary.resolved == 1
    resolved = {c.field for c in actions.record_of(reviewed).comments if c.resolved}
    assert resolved == {"body[1]", "closing"}  # the closing's was resolved before
    assert import_docx_comments(reviewed, returned).resolved == 0  # once is enough
    clean = fresh()  # into a draft without the comments: added, and resolved
    import_docx_comments(clean, returned)
    assert {c.field for c in actions.record_of(clean).comments if c.resolved} == {"body[1]"}


def test_a_supervisors_word_comment_lands_on_the_right_field(tmp_path):
    letter = fresh()
    path = exported(letter, tmp_path)
    # the supervisor, in Word: a comment on the whole of the first body paragraph, one on
    # two words of the reference, and one on the date line (no field of the draft)
    document = docx.Document(str(path))
    body0 = next(p for p in document.paragraphs if p.text.startswith("ตามที่กรม"))
    document.add_comment(body0.runs, text="ย่อหน้านี้ยาวเกินไป", author=DIRECTOR, initials="สต")
    reference = next(p for p in document.paragraphs if p.text.startswith("อ้างถึง"))
    run = reference.runs[0]
    start = run.text.index("ที่ มท")
    head_text, tail = run.text[:start], run.text[start:]
    run.text = head_text
    quoted = reference.add_run(tail[: len("ที่ มท ๐๘๑๖.๓/ว ๑๗๕๐")])
    reference.add_run(tail[len(quoted.text):])
    document.add_comment(quoted, text="ตรวจเลขที่หนังสือ", author=DIRECTOR)
    date = next(p for p in document.paragraphs if p.text.strip() == "มิถุนายน ๒๕๖๕")
    document.add_comment(date.runs[-1], text="ลงวันที่ด้วย", author=DIRECTOR)
    returned = tmp_path / "returned.docx"
    document.save(str(returned))

    summary = import_docx_comments(letter, returned)
    assert len(summary.imported) == 2
    assert [(u.author, u.text) for u in summary.unmatched] == [(DIRECTOR, "ลงวันที่ด้วย")]
    assert "ลงวันที่ด้วย" in "\n".join(summary.lines("th"))
    comments = {c.field: c for c in actions.record_of(letter).comments}
    assert comments["body[0]"].quote == letter.body[0].strip()
    assert comments["body[0]"].text == "ย่อหน้านี้ยาวเกินไป"
    assert comments["body[0]"].author == DIRECTOR
    assert comments["references[0]"].quote == "ที่ มท 0816.3/ว 1750"  # as typed
    assert letter.references[0][comments["references[0]"].offset:].startswith("ที่ มท 0816")


def test_a_file_that_is_not_a_docx_is_a_clear_error(tmp_path):
    letter = fresh()
    with pytest.raises(DocxImportError) as error:
        import_docx_comments(letter, EEF)
    assert "ไม่ใช่ไฟล์ Word" in error.value.message("th")
    with pytest.raises(DocxImportError):
        import_docx_comments(letter, tmp_path / "missing.docx")
    assert actions.record_of(letter).comments == ()


def test_review_import_docx_command_prints_the_summary_and_saves(reviewed, tmp_path, capsys):
    from dla_drafter.cli import main

    path = exported(reviewed, tmp_path)
    draft = tmp_path / "copy.dladraft.json"
    save_draft(fresh(), draft)
    assert main(["review", "import-docx", str(draft), str(path)]) == 0
    assert "นำเข้าความเห็น 3 รายการ" in capsys.readouterr().out
    assert len(actions.record_of(load_draft(draft)).comments) == 3
    assert main(["review", "import-docx", str(draft), str(path), "--lang", "en"]) == 0
    out = capsys.readouterr().out
    assert "imported 0 comment(s)" in out and "skipped 5" in out
    assert main(["review", "import-docx", str(draft), str(tmp_path / "none.docx")]) == 1
    assert len(actions.record_of(load_draft(draft)).comments) == 3


def test_libreoffice_opens_the_commented_docx_and_keeps_the_comments(reviewed, tmp_path):
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        if os.environ.get("CI"):
            pytest.fail("soffice is missing: .ci/run installs libreoffice-writer-nogui")
        pytest.skip("LibreOffice (soffice) is not installed here; CI installs it")
    path = exported(reviewed, tmp_path)
    profile = (tmp_path / "lo-profile").as_uri()
    out = tmp_path / "lo"
    for target in ("pdf", "docx:MS Word 2007 XML"):
        result = subprocess.run(
            [soffice, f"-env:UserInstallation={profile}", "--headless", "--convert-to", target,
             "--outdir", str(out), str(path)],
            capture_output=True, text=True, timeout=240,
        )  # fmt: skip
        assert result.returncode == 0, result.stderr
    assert (out / "letter.pdf").stat().st_size > 10_000
    # what LibreOffice understood of the comments, written back as Word: the same anchors
    assert sorted(word_comments(out / "letter.docx")) == sorted(word_comments(path))
    clean = fresh()
    summary = import_docx_comments(clean, out / "letter.docx")
    assert not summary.unmatched
    # LibreOffice 7.4 writes no commentsExtended.xml: the replies come back as comments on
    # the same words of the same field
    subject = {(c.quote, c.text) for c in actions.record_of(clean).comments
               if c.field == "subject"}
    assert subject == {("โครงการพัฒนาครู", "ชื่อโครงการยาวไป"),
                       ("โครงการพัฒนาครู", "ใช้ชื่อตามหนังสืออนุมัติ"), ("โครงการพัฒนาครู", "ตกลง")}
    assert {(c.field, c.quote, c.text) for c in actions.record_of(clean).comments
            if c.field != "subject"} == {
        ("body[1]", BODY1_QUOTE, "ตรวจสอบปีงบประมาณ"),
        ("enclosures[0].text", "สถานศึกษา", "แนบรายชื่อเป็นไฟล์ Excel ด้วย")}


@pytest.mark.parametrize("example", ["memo-2569", "order-2569"])
def test_the_other_kinds_round_trip_their_own_heads(example, tmp_path):
    """A memo prints the subject and the owner unit in its head rows, an order its subject
    in the centred title: comments there still go to Word and back to their fields."""
    path = ROOT / "examples" / f"{example}.dladraft.json"
    letter = load_draft(path)
    for field in ("subject", "body[0]", "owner_unit[0]", "signer.position[0]"):
        words = field_texts(letter_snapshot(letter)).get(field, "").strip()
        if words:
            actions.add_comment(letter, field, words[-8:], f"ดู {field}", HEAD)
    word = exported(letter, tmp_path)
    assert len(word_comments(word)) == len(actions.record_of(letter).comments) >= 3
    clean = load_draft(path)
    assert not import_docx_comments(clean, word).unmatched
    assert as_triples(clean) == as_triples(letter)


def test_the_number_and_the_salutation_take_comments_too(tmp_path):
    """ที่ prints the code after its label in the heading table, เรียน before the addressee:
    a comment on either is anchored there and comes back to its own field."""
    letter = fresh()
    actions.add_comment(letter, "number.code", "0816.3", "รหัสหน่วยงานถูกไหม", HEAD)
    actions.add_comment(letter, "salutation", "เรียน", "ใช้กราบเรียน", HEAD)
    word = exported(letter, tmp_path)
    assert [(text, anchored) for _, text, anchored in word_comments(word)] == [
        ("รหัสหน่วยงานถูกไหม", "๐๘๑๖.๓"), ("ใช้กราบเรียน", "เรียน")]
    clean = fresh()
    import_docx_comments(clean, word)
    assert as_triples(clean) == as_triples(letter)
