"""``dla-drafter merge`` end to end, as a clerk runs it: ``python -m dla_drafter merge …``."""

from __future__ import annotations

import json
import os
import subprocess
import sys

from mergehelpers import (
    PROVINCES,
    amount,
    csv_bytes,
    docx_text,
    expected_texts,
    pdf_pages,
    pdf_text,
    squeeze,
    template_dict,
)


def run(*args: str) -> subprocess.CompletedProcess:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    return subprocess.run([sys.executable, "-m", "dla_drafter", "merge", *args],
                          capture_output=True, text=True, env=env, timeout=300,
                          encoding="utf-8")


def draft(tmp_path):
    path = tmp_path / "หนังสือเวียน.dladraft.json"
    path.write_text(json.dumps(template_dict(), ensure_ascii=False), encoding="utf-8")
    return path


def test_merge_command_reports_a_bad_row_and_makes_the_others(tmp_path):
    rows = [[str(i + 1), PROVINCES[i], amount(i)] for i in range(10)]
    rows[3][2] = ""  # file row 5: no amount
    data = tmp_path / "ข้อมูล.csv"
    data.write_bytes(csv_bytes(rows, "cp874"))
    out = tmp_path / "ออก"
    result = run(str(draft(tmp_path)), "--data", str(data), "-o", str(out),
                 "--format", "pdf,docx", "--name", "หนังสือ-{n}-«จังหวัด»",
                 "--combined", str(tmp_path / "รวม.pdf"), "--bundled-font")
    assert result.returncode == 1, result.stderr
    assert result.stderr.strip().splitlines() == [
        'ข้อผิดพลาด: แถวที่ ๕ คอลัมน์ "งบประมาณ": ข้อความ ย่อหน้าที่ ๒: '
        "ไม่มีข้อมูลในคอลัมน์นี้"]
    assert result.stdout.strip().splitlines()[-1] == "สร้างหนังสือแล้ว ๙ ฉบับ จาก ๑๐ แถว"
    assert "Traceback" not in result.stderr
    made = sorted(p.name for p in out.iterdir())
    assert made == sorted(f"หนังสือ-{i + 1}-{PROVINCES[i]}.{ext}" for i in range(10) if i != 3
                          for ext in ("pdf", "docx"))
    for i in (0, 9):
        stem = out / f"หนังสือ-{i + 1}-{PROVINCES[i]}"
        for text in (pdf_text(stem.with_suffix(".pdf")), docx_text(stem.with_suffix(".docx"))):
            for expected in expected_texts(PROVINCES[i], amount(i)):
                assert squeeze(expected) in text
    combined = pdf_pages(tmp_path / "รวม.pdf")
    assert len(combined) == 18
    assert f"ผู้ว่าราชการจังหวัด{PROVINCES[4]}" in combined[6]  # letter 4 of 9 starts on page 7


def test_merge_command_exit_0_and_english_messages(tmp_path):
    data = tmp_path / "data.csv"
    data.write_bytes(csv_bytes([["1", "ตาก", "100"], ["2", "น่าน", "200"]], "utf-8", bom=True))
    result = run(str(draft(tmp_path)), "--data", str(data), "-o", str(tmp_path / "out"),
                 "--bundled-font", "--lang", "en")
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().splitlines()[-1] == "made 2 letters from 2 rows"
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == ["หนังสือ-1.pdf",
                                                                    "หนังสือ-2.pdf"]


def test_merge_command_refuses_what_cannot_work_in_one_line(tmp_path):
    data = tmp_path / "data.csv"
    data.write_bytes(csv_bytes([["1", "ตาก"]], header=["ลำดับ", "จังหวัด"]))
    result = run(str(draft(tmp_path)), "--data", str(data), "-o", str(tmp_path / "out"))
    assert result.returncode == 1
    assert result.stderr.strip().splitlines() == [
        'ข้อผิดพลาด: คอลัมน์ "งบประมาณ": ข้อความ ย่อหน้าที่ ๒: '
        'ไม่มีคอลัมน์ "งบประมาณ" ในตารางข้อมูล']
    assert not (tmp_path / "out").exists()
    missing = run(str(draft(tmp_path)), "--data", str(tmp_path / "none.xlsx"), "-o", "x")
    assert missing.returncode == 1 and "ไม่พบไฟล์" in missing.stderr
    usage = run(str(draft(tmp_path)), "--data", str(data), "--format", "odt", "-o", "x")
    assert usage.returncode == 2 and "odt" in usage.stderr
    assert "Traceback" not in result.stderr + missing.stderr + usage.stderr
