"""Word files from strangers (issue 13, item 3): ``review import-docx`` refuses what is not a
letter's DOCX with a message naming the file, the part and the numbers — before reading it,
in little memory — and does the rest in time linear in the file.

Every hostile file here is a real DOCX of the EEF circular, exported by the program, then
changed the way an attacker or a broken tool would change it.
"""

from __future__ import annotations

import importlib.util
import io
import json
import os
import re
import subprocess
import sys
import zipfile
from collections.abc import Callable
from pathlib import Path

import exporting
import pytest

from dla_drafter.model.draftio import letter_to_dict, load_draft, save_draft
from dla_drafter.review import actions, docx_import
from dla_drafter.review.docx_import import DocxImportError, import_docx_comments

ROOT = Path(__file__).resolve().parents[2]
EEF = ROOT / "examples" / "circular-2565-eef.dladraft.json"
HEAD = "นางสาวศรีสุดา ใจดี"


def bench():
    """``benchmarks/docx_import.py``: its DOCX with N Word comments and its zip bomb."""
    spec = importlib.util.spec_from_file_location("docx_import_bench",
                                                  ROOT / "benchmarks" / "docx_import.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def commented() -> object:
    letter = load_draft(EEF)
    actions.add_comment(letter, "subject", "โครงการพัฒนาครู", "ชื่อโครงการยาวไป", HEAD,
                        "2026-11-30T09:15:00+00:00")
    return letter


def rewrite(data: bytes, changes: dict[str, Callable[[bytes], bytes]]) -> bytes:
    """The DOCX ``data`` with the named parts passed through their functions."""
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            part = source.read(info.filename)
            if info.filename in changes:
                part = changes[info.filename](part)
            target.writestr(info.filename, part)
    return out.getvalue()


def refused(tmp_path: Path, data: bytes, code: str) -> DocxImportError:
    """Importing ``data`` is refused with ``code``, naming the file; the draft is unchanged."""
    path = tmp_path / "returned.docx"
    path.write_bytes(data)
    letter = load_draft(EEF)
    before = letter_to_dict(letter)
    with pytest.raises(DocxImportError) as caught:
        import_docx_comments(letter, path)
    assert caught.value.code == code, caught.value.describe()
    assert str(path) in caught.value.message("th") and str(path) in caught.value.message("en")
    assert letter_to_dict(letter) == before
    return caught.value


@pytest.fixture(scope="module")
def exported() -> bytes:
    return exporting.docx(commented())


# --------------------------------------------------------------------------- sizes


def test_a_part_compressed_like_a_zip_bomb_is_refused_with_its_ratio(tmp_path, exported):
    def padded(xml: bytes) -> bytes:
        return xml.replace(b"<w:body>", b"<w:body>" + b" " * (3 * 1024 * 1024), 1)

    error = refused(tmp_path, rewrite(exported, {"word/document.xml": padded}), "docx-bomb")
    message = error.message("th")
    assert "word/document.xml" in message and "เท่า" in message
    assert re.search(r"บีบอัดไว้ [\d,]+ เท่า", message)


def test_the_one_gib_bomb_is_refused_at_once_in_little_memory(tmp_path, exported):
    """The issue's file: ~1.1 MB expanding to 1 GiB, once read to 2.15 GB of memory. Now the
    central directory refuses it; the peak is the program's own (measured in a child)."""
    path = tmp_path / "bomb.docx"
    path.write_bytes(bench().bomb(exported, 1.0))
    assert path.stat().st_size < 2 * 1024 * 1024
    draft = tmp_path / "letter.dladraft.json"
    save_draft(load_draft(EEF), draft)
    child = (
        "import json, sys, time\n"
        "from dla_drafter.model.draftio import load_draft\n"
        "from dla_drafter.review.docx_import import import_docx_comments\n"
        "letter = load_draft(sys.argv[1])\n"
        "started = time.perf_counter()\n"
        "try:\n"
        "    import_docx_comments(letter, sys.argv[2])\n"
        "    code = 'imported'\n"
        "except Exception as exc:\n"
        "    code = getattr(exc, 'code', type(exc).__name__)\n"
        "seconds = time.perf_counter() - started\n"
        "status = open('/proc/self/status').read()\n"
        "peak = int(status.split('VmHWM:')[1].split()[0]) / 1024\n"
        "print(json.dumps({'code': code, 'seconds': seconds, 'peak_mb': peak}))\n"
    )
    if not Path("/proc/self/status").exists():
        pytest.skip("needs /proc to read the child's peak memory")
    done = subprocess.run([sys.executable, "-c", child, str(draft), str(path)],
                          capture_output=True, text=True, timeout=120,
                          env=dict(os.environ, QT_QPA_PLATFORM="offscreen"))
    result = json.loads(done.stdout.strip().splitlines()[-1])
    assert result["code"] == "docx-too-large"
    assert result["seconds"] < 2
    assert result["peak_mb"] < 300


def test_sizes_that_lie_are_not_believed(tmp_path, exported):
    """The central directory says the document is 1,000 bytes; it inflates to 3 MiB. The
    reader stops at the declared size and the file is damaged, not read on."""
    data = rewrite(exported, {"word/document.xml":
                              lambda xml: xml + b"<!--" + b"x" * (3 * 1024 * 1024) + b"-->"})
    data = bytearray(data)
    name = b"word/document.xml"
    for signature, size_at in ((b"PK\x03\x04", 22), (b"PK\x01\x02", 24)):
        at = data.find(signature)
        while at >= 0:
            name_at = at + (30 if signature == b"PK\x03\x04" else 46)
            if data[name_at:name_at + len(name)] == name:
                data[at + size_at:at + size_at + 4] = (1000).to_bytes(4, "little")
            at = data.find(signature, at + 4)
    error = refused(tmp_path, bytes(data), "docx-not-word")
    assert "ไม่ใช่ไฟล์ Word" in error.message("th")


def _set_header_bits(data: bytes, local: tuple[int, int], central: tuple[int, int]) -> bytes:
    """Change a field of every local and central header: (offset, value) for each."""
    data = bytearray(data)
    for signature, (offset, value) in ((b"PK\x03\x04", local), (b"PK\x01\x02", central)):
        at = data.find(signature)
        while at >= 0:
            data[at + offset] = value(data[at + offset]) if callable(value) else value
            at = data.find(signature, at + 4)
    return bytes(data)


def test_encrypted_parts_are_a_damaged_file_not_a_traceback(tmp_path, exported):
    encrypted = _set_header_bits(exported, (6, lambda b: b | 1), (8, lambda b: b | 1))
    refused(tmp_path, encrypted, "docx-not-word")


def test_a_broken_deflate_stream_is_a_damaged_file_not_a_traceback(tmp_path, exported):
    data = bytearray(exported)
    at = data.find(b"word/document.xml") + len(b"word/document.xml") + 20
    data[at:at + 40] = b"\xff" * 40
    refused(tmp_path, bytes(data), "docx-not-word")


def test_an_archive_of_thousands_of_parts_is_refused_before_listing_them(tmp_path, exported):
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as target:
        source = zipfile.ZipFile(io.BytesIO(exported))
        for info in source.infolist():
            target.writestr(info.filename, source.read(info.filename))
        for n in range(docx_import.MAX_PARTS + 1):
            target.writestr(f"junk/{n}", b"")
    error = refused(tmp_path, out.getvalue(), "docx-too-many-parts")
    assert f"{docx_import.MAX_PARTS + 1 + len(source.infolist()):,}" in error.message("th")


def test_the_total_size_is_checked_too(tmp_path, exported, monkeypatch):
    total = sum(i.file_size for i in zipfile.ZipFile(io.BytesIO(exported)).infolist())
    monkeypatch.setattr(docx_import, "MAX_TOTAL_BYTES", total - 1)
    error = refused(tmp_path, exported, "docx-too-large")
    assert "ขนาดรวม" in error.message("th")


# --------------------------------------------------------------------------- XML


DTD = (b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
       b'<!DOCTYPE w:comments [<!ENTITY xxe "evil">]>\n')
EXTERNAL = (b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            b'<!DOCTYPE w:comments [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>\n')


def _body_of(xml: bytes) -> bytes:
    return xml[xml.index(b"<w:comments"):]


def _entity_in_comment(xml: bytes) -> bytes:
    return xml.replace("ชื่อโครงการยาวไป".encode(), b"X&xxe;Y", 1)


@pytest.mark.parametrize("head", [DTD, EXTERNAL], ids=["internal", "external-entity"])
def test_a_dtd_is_refused_rather_than_text_dropped(tmp_path, exported, head):
    """``X&xxe;Y`` once imported as "X": the entity was not resolved and its text lost."""
    change = {"word/comments.xml": lambda xml: head + _entity_in_comment(_body_of(xml))}
    error = refused(tmp_path, rewrite(exported, change), "docx-dtd")
    assert "word/comments.xml" in error.message("th") and "DTD" in error.message("th")


def test_an_undeclared_entity_is_a_damaged_file(tmp_path, exported):
    change = {"word/comments.xml": _entity_in_comment}
    error = refused(tmp_path, rewrite(exported, change), "docx-damaged")
    assert "word/comments.xml" in error.message("th")


def test_a_dtd_in_the_document_itself_is_refused(tmp_path, exported):
    def with_dtd(xml: bytes) -> bytes:
        return xml.replace(b"?>", b'?>\n<!DOCTYPE w:document [<!ENTITY a "a">]>', 1)

    refused(tmp_path, rewrite(exported, {"word/document.xml": with_dtd}), "docx-dtd")


@pytest.mark.parametrize("kind", ["comments", "commentsExtended"])
def test_comments_kept_outside_the_file_are_refused_not_followed(tmp_path, kind):
    letter = commented()
    actions.reply_to_comment(letter, actions.record_of(letter).comments[0].id, "ตกลง", "ข")
    data = exporting.docx(letter)

    def external(rels: bytes) -> bytes:
        pattern = rb'(<Relationship [^>]*Type="[^"]*/' + kind.encode() + rb'"[^>]*?)(/?>)'
        changed, count = re.subn(
            pattern, lambda m: re.sub(rb'Target="[^"]*"',
                                      b'Target="http://evil.example/c.xml" TargetMode="External"',
                                      m.group(1)) + m.group(2), rels)
        assert count == 1
        return changed

    error = refused(tmp_path, rewrite(data, {"word/_rels/document.xml.rels": external}),
                    "docx-external")
    assert "http://evil.example/c.xml" in error.message("th")


@pytest.mark.parametrize(("part", "pattern"), [
    ("word/comments.xml", rb'(<w:comment [^>]*w:id=")0(")'),
    ("word/document.xml", rb'(<w:commentRangeStart w:id=")0(")'),
    ("word/document.xml", rb'(<w:commentRangeEnd w:id=")0(")'),
], ids=["comment", "range-start", "range-end"])
def test_a_comment_id_that_is_not_a_number_is_a_damaged_file(tmp_path, exported, part,
                                                              pattern):
    def bad_id(xml: bytes) -> bytes:
        changed, count = re.subn(pattern, rb"\1abc\2", xml, count=1)
        assert count == 1
        return changed

    error = refused(tmp_path, rewrite(exported, {part: bad_id}), "docx-bad-id")
    assert "abc" in error.message("th") and part in error.message("th")


def test_a_comment_id_given_twice_is_a_damaged_file(tmp_path):
    letter = commented()
    actions.add_comment(letter, "body[0]", "ตามที่", "ข้อสอง", HEAD)
    data = exporting.docx(letter)

    def twice(xml: bytes) -> bytes:
        return re.sub(rb'(<w:comment [^>]*w:id=")1(")', rb"\g<1>0\2", xml, count=1)

    error = refused(tmp_path, rewrite(data, {"word/comments.xml": twice}), "docx-bad-id")
    assert "ซ้ำ" in error.message("th")


# --------------------------------------------------------------------------- comments


def test_a_whole_field_comment_comes_back_once(tmp_path):
    """Exported on the whole field (quote ""), imported back: the same comment, not a new
    one; also an outdated one and an ordinary one."""
    letter = load_draft(EEF)
    actions.add_comment(letter, "subject", "", "ทั้งเรื่อง", HEAD)
    actions.add_comment(letter, "body[0]", "", "ทั้งย่อหน้า", HEAD)
    actions.add_comment(letter, "closing", "พิจารณา", "เปลี่ยนคำ", HEAD)
    actions.add_comment(letter, "references[0]", "มท", "ตรวจ", HEAD)
    letter.closing = letter.closing.replace("พิจารณา", "ทราบ")
    path = tmp_path / "returned.docx"
    path.write_bytes(exporting.docx(letter))
    summary = import_docx_comments(letter, path)
    assert summary.imported == [] and summary.duplicates == 4
    assert len(actions.record_of(letter).comments) == 4


def test_the_same_comment_twice_in_one_file_is_added_once(tmp_path, exported):
    def doubled(xml: bytes) -> bytes:
        start = xml.index(b"<w:comment ")
        end = xml.index(b"</w:comment>") + len(b"</w:comment>")
        copy = re.sub(rb'w:id="0"', b'w:id="7"', xml[start:end], count=1)
        return xml[:end] + copy + xml[end:]

    def anchored_twice(xml: bytes) -> bytes:
        xml = xml.replace(b'<w:commentRangeStart w:id="0"/>',
                          b'<w:commentRangeStart w:id="0"/><w:commentRangeStart w:id="7"/>', 1)
        return xml.replace(b'<w:commentRangeEnd w:id="0"/>',
                           b'<w:commentRangeEnd w:id="0"/><w:commentRangeEnd w:id="7"/>', 1)

    path = tmp_path / "returned.docx"
    path.write_bytes(rewrite(exported, {"word/comments.xml": doubled,
                                        "word/document.xml": anchored_twice}))
    letter = load_draft(EEF)
    summary = import_docx_comments(letter, path)
    assert len(summary.imported) == 1 and summary.duplicates == 1
    assert [c.text for c in actions.record_of(letter).comments] == ["ชื่อโครงการยาวไป"]


def test_more_comments_than_a_draft_holds_is_refused_with_the_count(tmp_path):
    data = bench().with_comments(exporting.docx(load_draft(EEF), comments=False), 2300)
    error = refused(tmp_path, data, "docx-too-many-comments")
    message = error.message("en")
    count = int(re.search(r"has ([\d,]+) new comments", message).group(1).replace(",", ""))
    assert count > 2000 and "2,000" in message


def test_the_import_reads_the_letter_a_fixed_number_of_times(tmp_path, monkeypatch):
    """Linear, not quadratic: the draft's letter and record are read the same number of
    times for 40 comments as for 400 (each read once was the square of the count)."""
    import dla_drafter.review.integrity as integrity

    calls = {"letter": 0, "record": 0}
    to_dict, read_record = integrity.letter_to_dict, actions.read_record

    def counted_to_dict(letter):
        calls["letter"] += 1
        return to_dict(letter)

    def counted_record(raw):
        calls["record"] += 1
        return read_record(raw)

    monkeypatch.setattr(integrity, "letter_to_dict", counted_to_dict)
    monkeypatch.setattr(actions, "read_record", counted_record)
    base = exporting.docx(load_draft(EEF), comments=False)
    seen = []
    for count in (40, 400):
        path = tmp_path / f"c{count}.docx"
        path.write_bytes(bench().with_comments(base, count))
        letter = load_draft(EEF)
        calls.update(letter=0, record=0)
        summary = import_docx_comments(letter, path)
        assert len(summary.imported) > count * 0.9
        seen.append(dict(calls))
    assert seen[0] == seen[1]


def test_the_command_line_refuses_a_bomb_and_keeps_the_draft(tmp_path, exported, capsys):
    from dla_drafter.cli import main

    draft = tmp_path / "letter.dladraft.json"
    save_draft(load_draft(EEF), draft)
    before = draft.read_bytes()
    path = tmp_path / "bomb.docx"
    path.write_bytes(rewrite(exported, {"word/document.xml": lambda xml: xml.replace(
        b"<w:body>", b"<w:body>" + b" " * (3 * 1024 * 1024), 1)}))
    assert main(["review", "import-docx", str(draft), str(path)]) == 1
    err = capsys.readouterr().err
    assert err.startswith("ข้อผิดพลาด: ") and "Traceback" not in err
    assert draft.read_bytes() == before


def test_the_command_line_saves_a_reply_to_a_comment_already_there(tmp_path, capsys):
    """A reply written in Word to an exported comment is the only change: it is saved."""
    from dla_drafter.cli import main

    letter = commented()
    draft = tmp_path / "letter.dladraft.json"
    save_draft(letter, draft)
    answered = load_draft(draft)
    actions.reply_to_comment(answered, actions.record_of(answered).comments[0].id,
                             "ใช้ชื่อตามหนังสืออนุมัติ", "นางเกศินี รักงาน")
    path = tmp_path / "returned.docx"
    path.write_bytes(exporting.docx(answered))
    assert main(["review", "import-docx", str(draft), str(path)]) == 0
    assert "นำเข้าคำตอบ 1 รายการ" in capsys.readouterr().out
    [comment] = actions.record_of(load_draft(draft)).comments
    assert [r.text for r in comment.replies] == ["ใช้ชื่อตามหนังสืออนุมัติ"]
