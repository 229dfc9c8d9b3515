"""Fuzz the letter engine: load → check → PDF → DOCX, counting tracebacks.

    uv run python scripts/fuzz.py --cases 20000 --seed 1            # the full run
    uv run python scripts/fuzz.py --cases 300 --jobs 2 --json        # short, machine-readable
    uv run python scripts/fuzz.py --seed 1 --case 4711               # one case, with traceback
    uv run python scripts/fuzz.py --seed 1 --case 4711 --save out/   # and its draft as a file
    uv run python scripts/fuzz.py --word --cases 2000                # returned Word files

Each case is a draft file (bytes) generated from ``(seed, index)`` alone, so any case can be
run again by its number. Most are letters a clerk could have typed (every kind, urgency,
secrecy, digit mode, file copy, e-saraban, QR, distribution list, initials…), each then
damaged in one to three ways: strings at and past the 20,000-character limit, lists at and
past 2,000 items, control characters, invisible and bidi characters, emoji and other astral
characters, RTL text, XML and template syntax, values of the wrong type, impossible dates,
deep and wide unknown keys, damaged review records (wrong types, comments with offsets past
their field, control characters in a comment's text or author, unknown field paths, damaged
version deltas), approvals signed with the user's own key for hostile roles and names, and
byte-level damage to the JSON itself.

The rule checked is the one ``dla-drafter check`` promises: a draft the loader refuses is
refused with a ``DrafterError`` (never another exception); a draft whose ``check`` reports no
error makes a PDF, a review PDF (when it has a review record) and a DOCX without any
exception, and each output opens (the PDF's header and trailer, every XML part of the DOCX
parses). Anything else is a *crash*, counted by kind (stage, exception, the innermost frame
inside ``dla_drafter``). A case that takes more than ``--timeout`` seconds of CPU time is a
timeout.

``--word`` fuzzes ``review import-docx`` instead: a DOCX the program exported (a letter with
comments and replies), damaged as a stranger's file can be (XML bytes flipped, cut, spliced
with ids, entities and DTDs; parts dropped; an external relationship; encrypted or broken
zip members; a part of spaces compressed 1000:1). The rule: refused with a ``DrafterError``,
or imported — and then the draft still saves and exports.

The engine is called through :class:`Engine`, a small adapter over ``dla_drafter.pipeline``
through ``pipeline.make_outputs``, the one way out.
``tests/test_fuzz.py`` runs a few hundred cases of this harness on every test run.
"""

from __future__ import annotations

import argparse
import contextlib
import copy
import io
import json
import os
import random
import signal
import sys
import tempfile
import time
import traceback
import zipfile
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

# --------------------------------------------------------------------------- text pools

THAI_WORDS = (
    "กรมส่งเสริมการปกครองท้องถิ่น", "ขอความร่วมมือ", "จังหวัด", "โครงการ", "พัฒนา", "ครู",
    "โรงเรียน", "การศึกษา", "องค์กรปกครองส่วนท้องถิ่น", "ดำเนินการ", "ตามที่", "ได้รับ",
    "งบประมาณ", "ประจำปี", "พ.ศ.", "๒๕๖๙", "2569", "ระเบียบ", "สำนักนายกรัฐมนตรี", "ว่าด้วย",
    "งานสารบรรณ", "ทั้งนี้", "เพื่อ", "ให้", "แก่", "และ", "หรือ", "ที่", "ซึ่ง", "ใน", "การ",
    "ความ", "นายสมชาย ใจดี", "นางสาวศรีสุดา ใจงาม", "ผู้ว่าราชการจังหวัด", "อธิบดี", "๑", "๒๐",
    "ฤๅษี", "น้ำ", "ที่นั่ง", "กำหนด", "ภายใน", "วันที่", "๓๑", "มีนาคม", "https://www.dla.go.th",
    "saraban@dla.go.th", "0 2241 9000 ต่อ 5312", "(ตามบัญชีรายชื่อแนบท้าย)", "๑,๒๓๔.๕๐", "บาท",
)
CONTROL = [chr(i) for i in range(0x20)] + ["\x7f"] + [chr(i) for i in range(0x80, 0xA0)]
SEPARATORS = ["\u2028", "\u2029", "\u0085", "\u000b", "\u000c", "\r\n"]
NONCHARS = ["\ufffe", "\uffff", "\ud800", "\udfff", "\udbff"]
INVISIBLE = ["\u200b", "\u200c", "\u200d", "\u2060", "\ufeff", "\u00ad", "\u200e", "\u200f",
             "\u202a", "\u202b", "\u202c", "\u202d", "\u202e", "\u2066", "\u2067", "\u2068",
             "\u2069", "\u180e", "\u034f", "\u061c"]
ASTRAL = ["😀", "👨\u200d👩\u200d👧", "🇹🇭", "𝕏", "𠀀", "🙏🏽", "\U0010fffd", "\U000e0001",
          "👍\ufe0f", "\U0001f9d1\u200d\U0001f4bb"]
RTL = ["مرحبا بالعالم", "שלום עולם", "\u202eabc\u202c", "ا\u0651\u064e", "\u05d0\u05b8"]
MARKS = ["\u0e31", "\u0e48\u0e48\u0e48", "\u0e4c\u0e4c", "\u0301" * 40, "ก" + "\u0e49" * 30,
         "\u0e33\u0e33", "\u0e40\u0e40\u0e40", "ฤ\u0e45", "\u0e47\u0e34\u0e48"]
SYNTAX = ["<", ">", "&", "&amp;", "]]>", "<w:t>", "&xxe;", "<!DOCTYPE x>", "{{ 7*7 }}",
          "{% if x %}", "{#", "${x}", "%s", "\\", '"', "'", "«", "»", "«x»", "««", "«»",
          "/", "(", ")", "-", "๐", "\u00a0", "\u3000", " " * 50]
LONG_RUNS = ["a" * 3000, "ก" * 3000, "https://example.com/" + "x" * 2500,
             "๑" * 2000, ("ด่วน" * 800), "-" * 2000, "\u00a0" * 1000]

MAX_STRING = 20_000
MAX_ITEMS = 2_000

KINDS = ("external", "memo", "stamped", "order", "announcement")
URGENCIES = (None, "ด่วน", "ด่วนมาก", "ด่วนที่สุด")
SECRECIES = (None, "ลับ", "ลับมาก", "ลับที่สุด")
DIGITS = ("thai", "arabic", "as-typed")
SALUTATIONS = ("เรียน", "กราบเรียน", "นมัสการ", "ทูล", "")
CLOSES = ("ขอแสดงความนับถือ", "ขอแสดงความนับถืออย่างยิ่ง", "ขอนมัสการด้วยความเคารพ", "")


def sentence(rng: random.Random, words: int | None = None) -> str:
    count = words if words is not None else rng.randint(1, 12)
    glue = rng.choice(("", "", " "))
    return glue.join(rng.choice(THAI_WORDS) for _ in range(count))


def hostile_text(rng: random.Random) -> str:
    """A piece of text a clerk did not type: one family of trouble, mixed into Thai."""
    pool = rng.choice((CONTROL, SEPARATORS, NONCHARS, INVISIBLE, ASTRAL, RTL, MARKS, SYNTAX,
                       LONG_RUNS))
    pieces = [sentence(rng, rng.randint(0, 3))]
    for _ in range(rng.randint(1, 4)):
        pieces.append(rng.choice(pool))
        if rng.random() < 0.5:
            pieces.append(sentence(rng, rng.randint(0, 2)))
    text = "".join(pieces)
    return text[:MAX_STRING + 10]


def near_limit_text(rng: random.Random) -> str:
    length = rng.choice((MAX_STRING - 1, MAX_STRING, MAX_STRING + 1, rng.randint(5000, 19999)))
    unit = rng.choice(("ก", "กา ", "น้ำ", "a", " ", "ดำเนินการ", "😀"))
    text = (unit * (length // len(unit) + 1))[:length]
    return text


# --------------------------------------------------------------------------- letters


def base_letter(rng: random.Random) -> dict[str, Any]:
    """A letter a clerk could have typed (any kind, any options)."""
    kind = rng.choice(KINDS)
    letter: dict[str, Any] = {
        "format": "dla-drafter/letter@1",
        "kind": kind,
        "urgency": rng.choice(URGENCIES),
        "secrecy": rng.choice(SECRECIES),
        "file_copy": rng.random() < 0.3,
        "number": {"code": rng.choice(("มท 0816.3", "มท 0808.2/", "", "ศธ 04009", "มท ว")),
                   "circular": rng.random() < 0.4,
                   "serial": rng.choice((None, "1750", "ว 12", "", "๑๒๓"))},
        "agency": {"name": sentence(rng, 2),
                   "address": [sentence(rng, 3) for _ in range(rng.randint(0, 3))]},
        "date": {"day": rng.choice((None, rng.randint(1, 28))), "month": rng.randint(1, 12),
                 "year": rng.choice((2565, 2568, 2569, 2570))},
        "subject": sentence(rng, rng.randint(1, 15)),
        "salutation": rng.choice(SALUTATIONS),
        "addressee": rng.choice(("ผู้ว่าราชการจังหวัด", "ผู้ว่าราชการจังหวัด (ตามบัญชีรายชื่อแนบท้าย)",
                                 "อธิบดีกรมการปกครอง", "เจ้าอาวาสวัดสุทัศน์", "")),
        "references": [sentence(rng) for _ in range(rng.randint(0, 3))],
        "enclosures": [{"text": sentence(rng, 3), "amount": rng.choice(("๑ ชุด", "2 ฉบับ", ""))}
                       for _ in range(rng.randint(0, 3))],
        "body": [sentence(rng, rng.randint(3, 60)) for _ in range(rng.randint(1, 5))],
        "closing": rng.choice(("จึงเรียนมาเพื่อโปรดพิจารณา", "", "ทั้งนี้ ตั้งแต่บัดนี้เป็นต้นไป")),
        "complimentary_close": rng.choice(CLOSES),
        "signer": {"name": rng.choice(("นายสมชาย ใจดี", "", "(นายสมชาย ใจดี)")),
                   "position": [sentence(rng, 2) for _ in range(rng.randint(0, 3))]},
        "owner_unit": [sentence(rng, 2) for _ in range(rng.randint(0, 2))],
        "contact": {"phone": rng.choice(("0 2241 9000", "")), "fax": rng.choice(("", "0 2241")),
                    "email": rng.choice(("saraban@dla.go.th", "")),
                    "coordinator": rng.choice(("", "นางสาวสมศรี"))},
        "qr": {"url": rng.choice(("", "https://www.dla.go.th/a?b=1", "ftp://x", "ไม่ใช่ลิงก์")),
               "caption": rng.choice(("QR Code สิ่งที่ส่งมาด้วย", ""))},
        "copies_to": [sentence(rng, 2) for _ in range(rng.randint(0, 2))],
        "recipients": {"title": "บัญชีรายชื่อแนบท้าย",
                       "names": [sentence(rng, 2) for _ in range(rng.choice((0, 0, 3, 20)))]},
        "initials": [{"role": rng.choice(("ร่าง", "ตรวจ", "ผอ.กศ.")), "name": sentence(rng, 1)}
                     for _ in range(rng.randint(0, 3))],
        "digits": rng.choice(DIGITS),
    }
    if rng.random() < 0.15:
        letter["signer"]["e_saraban"] = True
    for key in list(letter):  # a file written by hand leaves optional keys out
        if key not in ("format", "date", "subject", "addressee", "body") and rng.random() < 0.05:
            del letter[key]
    return letter


Steps = tuple[str | int, ...]


def text_paths(data: Any, steps: Steps = ()) -> list[Steps]:
    """Where every string (and every list) inside ``data`` is, as key/index steps."""
    found: list[Steps] = []
    if isinstance(data, dict):
        for key, value in data.items():
            found += text_paths(value, (*steps, key))
    elif isinstance(data, list):
        if steps:
            found.append(steps)
        for index, value in enumerate(data):
            found += text_paths(value, (*steps, index))
    elif isinstance(data, str) and steps != ("format",):
        found.append(steps)
    return found


def string_paths(data: Any) -> list[Steps]:
    return [steps for steps in text_paths(data) if isinstance(get_at(data, steps), str)]


def spelled(steps: Steps) -> str:
    """Steps as a draft's field path (``body[2]``, ``enclosures[0].text``)."""
    out = ""
    for step in steps:
        out += f"[{step}]" if isinstance(step, int) else (f".{step}" if out else str(step))
    return out


def set_at(data: Any, steps: Steps, value: Any) -> None:
    for step in steps[:-1]:
        data = data[step]
    data[steps[-1]] = value


def get_at(data: Any, steps: Steps) -> Any:
    for step in steps:
        data = data[step]
    return data


# --------------------------------------------------------------------------- damage


def damage_strings(rng: random.Random, data: dict[str, Any]) -> str:
    paths = string_paths(data)
    if not paths:
        return "strings:none"
    path = rng.choice(paths)
    value = hostile_text(rng)
    set_at(data, path, value if rng.random() < 0.7 else get_at(data, path) + value)
    return "strings"


def damage_limits(rng: random.Random, data: dict[str, Any]) -> str:
    paths = string_paths(data)
    if paths and rng.random() < 0.6:
        set_at(data, rng.choice(paths), near_limit_text(rng))
        return "limits:string"
    key = rng.choice(("copies_to", "references", "owner_unit", "agency.address", "body",
                      "recipients.names", "enclosures", "initials"))
    count = rng.choice((MAX_ITEMS - 1, MAX_ITEMS, MAX_ITEMS + 1, rng.randint(50, 400)))
    if key in ("enclosures", "initials"):
        item: Any = ({"text": "ก", "amount": "๑"} if key == "enclosures"
                     else {"role": "ร", "name": "ช"})
        items = [dict(item) for _ in range(count)]
    else:
        items = [rng.choice(("ก", "ข้อ", "๑", "a b")) for _ in range(count)]
    if "." in key:
        outer, inner = key.split(".")
        data.setdefault(outer, {})
        if isinstance(data[outer], dict):
            data[outer][inner] = items
    else:
        data[key] = items
    return "limits:list"


WRONG_VALUES: tuple[Any, ...] = (None, True, False, 0, -1, 1.5, 10**30, "", "ก", [], ["x"], {},
                                 {"a": 1}, [None], [[]], 1e308, -0.0)


def wrong_value(rng: random.Random) -> Any:
    """One of :data:`WRONG_VALUES`, a copy: the lists and objects there are shared, and a
    later damage writing into one would change every case after it."""
    return copy.deepcopy(rng.choice(WRONG_VALUES))


def damage_types(rng: random.Random, data: dict[str, Any]) -> str:
    paths = text_paths(data) + [("date", "day"), ("date", "month"), ("date", "year"),
                                ("number", "circular"), ("file_copy",), ("number",), ("date",),
                                ("signer",), ("qr",), ("recipients",), ("kind",), ("digits",),
                                ("urgency",), ("secrecy",), ("signer", "e_saraban")]
    path = rng.choice(paths)
    with contextlib.suppress(KeyError, IndexError, TypeError):
        set_at(data, path, wrong_value(rng))
    return "types"


def damage_dates(rng: random.Random, data: dict[str, Any]) -> str:
    data["date"] = {
        "day": rng.choice((None, 0, 1, 29, 30, 31, 32, -5, 10**9)),
        "month": rng.choice((0, 1, 2, 12, 13, -1)),
        "year": rng.choice((2400, 2399, 2569, 2700, 2701, 2026, 0, 10**12)),
    }
    if rng.random() < 0.2:
        del data["date"][rng.choice(("day", "month", "year"))]
    return "dates"


def deep_value(rng: random.Random, depth: int) -> Any:
    value: Any = rng.choice(("ลึก", 1, None, True, "\x00", "\ud800"))
    for _ in range(depth):
        value = [value] if rng.random() < 0.5 else {"k": value}
    return value


def damage_unknown(rng: random.Random, data: dict[str, Any]) -> str:
    where: Any = data
    options = [k for k in ("number", "agency", "date", "signer", "contact", "qr", "recipients")
               if isinstance(data.get(k), dict)]
    if options and rng.random() < 0.5:
        where = data[rng.choice(options)]
    key = rng.choice(("x-future", "ข้อมูลใหม่", "", "\ud800", "a" * 500, "😀", "format2"))
    choice = rng.random()
    if choice < 0.4:
        value = deep_value(rng, rng.choice((5, 198, 199, 200, 201, 300)))
    elif choice < 0.7:
        value = {f"k{i}": [i, str(i)] for i in range(rng.choice((10, 1000, 2001)))}
    else:
        value = [wrong_value(rng) for _ in range(rng.choice((3, 2000, 2001)))]
    where[key] = value
    return "unknown"


# ---- review records

REVIEW_STATES = ("draft", "in_review", "returned", "approved", "ร่าง", None, 5)


def plausible_comment(rng: random.Random, data: dict[str, Any]) -> dict[str, Any]:
    """A comment as the program writes it, on a real field and quote."""
    paths = string_paths(data)
    steps = rng.choice(paths) if paths else ("subject",)
    value = get_at(data, steps) if paths else ""
    start = rng.randint(0, len(value)) if value else 0
    end = rng.randint(start, min(len(value), start + 30)) if value else 0
    return {"id": f"c{rng.getrandbits(32):08x}", "field": spelled(steps),
            "quote": value[start:end],
            "offset": start, "text": sentence(rng, 4), "author": "นางสาวศรีสุดา ใจดี",
            "at": "2026-12-01T10:20:00+00:00", "resolved": rng.random() < 0.2,
            "replies": [{"author": "นายสมชาย", "at": "2026-12-01T11:00:00+00:00",
                         "text": sentence(rng, 3)} for _ in range(rng.randint(0, 2))]}


def damage_comment(rng: random.Random, comment: dict[str, Any]) -> None:
    choice = rng.randrange(12)
    if choice == 0:
        comment["offset"] = rng.choice((-1, 10**6, 10**30, len(comment["quote"]) + 500, True,
                                        1.5, "3", None, 2**63))
    elif choice == 1:
        comment["offset"] = 10**5
        comment["quote"] = rng.choice(("", " ", "\u200b"))
    elif choice == 2:
        comment["text"] = hostile_text(rng)
    elif choice == 3:
        comment["text"] = rng.choice(CONTROL) + sentence(rng, 2) + rng.choice(CONTROL)
    elif choice == 4:
        comment["author"] = rng.choice((hostile_text(rng), rng.choice(CONTROL), "", "ก" * 5000,
                                        5, None))
    elif choice == 5:
        comment["field"] = rng.choice(("body[999]", "body[-1]", "", "x..y", "subject[0]",
                                       "review.comments[0].text", "number.code", "date.day",
                                       "initials[0].name", "format", "body", "kind", 7, None))
    elif choice == 6:
        comment["quote"] = rng.choice((hostile_text(rng), "\x00", 5, None))
    elif choice == 7:
        comment["replies"] = rng.choice(([{"text": rng.choice(CONTROL)}], ["x"], "x",
                                         [{"author": 5, "at": [], "text": hostile_text(rng)}],
                                         [{}], None))
    elif choice == 8:
        comment["at"] = rng.choice(("not a date", "2026-13-40T99:99", "", 5, "9999-12-31T23:59:59"
                                    "+14:00", "0001-01-01T00:00:00"))
    elif choice == 9:
        comment["resolved"] = rng.choice(("yes", 1, None, []))
    elif choice == 10:
        comment["id"] = rng.choice((5, None, "", "c" * 3000, "\x00"))
    else:
        comment.pop(rng.choice(("field", "quote", "text", "offset", "id", "replies")), None)


def damage_review(rng: random.Random, data: dict[str, Any]) -> str:
    choice = rng.random()
    if choice < 0.1:
        data["review"] = wrong_value(rng)
        return "review:type"
    review: dict[str, Any] = {"state": rng.choice(REVIEW_STATES), "versions": [],
                              "comments": [], "approvals": []}
    comments = [plausible_comment(rng, data) for _ in range(rng.randint(1, 6))]
    for comment in comments:
        if rng.random() < 0.6:
            damage_comment(rng, comment)
    review["comments"] = comments
    if rng.random() < 0.3:
        many = 400 if rng.random() < 0.1 else 1  # hundreds of comments: a costly case
        review["comments"] = rng.choice(("x", {"a": 1}, [1, "x", None, []], comments * many))
    if rng.random() < 0.3:
        snapshot = {k: v for k, v in data.items() if k not in ("format", "review")}
        versions: list[Any] = [{"event": "sent", "by": "ก", "at": "x", "content": snapshot}]
        versions.append(rng.choice((
            {"event": "returned", "changes": {"subject": "ใหม่"}},
            {"event": "returned", "list_changes": {"body": [0, {"new": "x"}, 99, True, "a"]}},
            {"event": "x", "changes": [], "removed": "body"},
            {"event": "sent", "list_changes": {"subject": [0]}},
            {"content": "not an object"}, 5, None,
        )))
        review["versions"] = rng.choice((versions, versions[1:], "x"))
    if rng.random() < 0.3:
        review["approvals"] = rng.choice(([{}], [{"role": 5, "name": None}], "x", [None],
                                          [{"role": "ตรวจ", "name": "ก", "at": "x",
                                            "content_sha256": "0" * 64,
                                            "public_key": "ed25519:AAAA", "signature": "!!"}]))
    if rng.random() < 0.2:
        review["x-future"] = deep_value(rng, rng.choice((3, 150)))
    data["review"] = review
    return "review"


HOSTILE_ROLES = ("ตรวจ", "ร่าง", "ผอ.กศ.", "", " ", "\x00", "ก\tข", "<&>", "😀", "ตรวจ\u200b",
                 "ก" * 3000, "\ufffe", "\u2028", "«x»", "{{ x }}")


def approvals_to_sign(rng: random.Random) -> list[tuple[str, str]]:
    return [(rng.choice(HOSTILE_ROLES), rng.choice(HOSTILE_ROLES + ("นางสาวศรีสุดา ใจดี",)))
            for _ in range(rng.randint(1, 3))]


# ---- bytes

def damage_bytes(rng: random.Random, raw: bytes) -> tuple[bytes, str]:
    choice = rng.randrange(11)
    if choice == 0 and raw:
        return raw[: rng.randrange(len(raw))], "bytes:truncated"
    if choice == 1 and raw:
        at = rng.randrange(len(raw))
        return raw[:at] + bytes([rng.randrange(256)]) + raw[at + 1:], "bytes:flipped"
    if choice == 2:
        return b"\xef\xbb\xbf" + raw, "bytes:bom"
    if choice == 3:
        return raw.decode("utf-8", "replace").encode("utf-16"), "bytes:utf16"
    if choice == 4:
        return raw.replace(b'"month": ', b'"month": NaN, "m2": ', 1), "bytes:nan"
    if choice == 5:
        return raw.replace(b'"year": ', b'"year": 1' + b"0" * 5000 + b', "y2": ', 1), "bytes:bigint"
    if choice == 6:
        return raw.replace(b"{", b'{"subject": 5, ', 1), "bytes:duplicate-key"
    if choice == 7:
        return rng.choice((b"[]", b"null", b'"x"', b"", b"   ", b"{}", b"[" * 100_000,
                           b"%PDF-1.7", b"PK\x03\x04" + raw[:50], b"\x00" * 100)), "bytes:other"
    if choice == 8:
        return raw + rng.choice((b"garbage", b"}", b"\x00")), "bytes:trailing"
    if choice == 9:
        return raw.replace(b'"dla-drafter/letter@1"', rng.choice(
            (b'"dla-drafter/letter@2"', b'"dla-drafter/letter@0"', b'"other"', b"1",
             b'"dla-drafter/letter@99999999999999999999"')), 1), "bytes:format"
    return raw.decode("utf-8", "replace").encode("cp874", "replace"), "bytes:tis620"


# --------------------------------------------------------------------------- cases


@dataclass
class Case:
    index: int
    families: tuple[str, ...]
    data: bytes
    watermark: bool = False


DAMAGE: tuple[tuple[str, float, Callable[[random.Random, dict[str, Any]], str]], ...] = (
    ("strings", 4.0, damage_strings),
    ("limits", 0.6, damage_limits),
    ("types", 1.5, damage_types),
    ("dates", 0.8, damage_dates),
    ("unknown", 0.8, damage_unknown),
    ("review", 3.0, damage_review),
)


def _serialise(rng: random.Random, data: Any) -> bytes:
    text = json.dumps(data, ensure_ascii=rng.random() < 0.2, indent=rng.choice((None, 2)))
    try:
        return text.encode("utf-8")
    except UnicodeEncodeError:  # a lone surrogate: escaped as a JSON file would hold it
        return json.dumps(data, ensure_ascii=True).encode("ascii")


def make_case(seed: int, index: int, signer: Callable[[dict[str, Any], list[tuple[str, str]]],
                                                      None] | None = None) -> Case:
    """Case ``index`` of run ``seed``: the same bytes every time."""
    rng = random.Random(f"dla-drafter-fuzz:{seed}:{index}")
    data = base_letter(rng)
    families: list[str] = []
    roll = rng.random()
    if roll >= 0.12:  # else: a plain letter, as typed
        names = [name for name, _, _ in DAMAGE]
        weights = [weight for _, weight, _ in DAMAGE]
        for _ in range(rng.choice((1, 1, 1, 2, 3))):
            name = rng.choices(names, weights)[0]
            function = next(f for n, _, f in DAMAGE if n == name)
            families.append(function(rng, data))
    if signer is not None and rng.random() < 0.08:
        signer(data, approvals_to_sign(rng))
        families.append("approvals")
    raw = _serialise(rng, data)
    if rng.random() < 0.06:
        raw, family = damage_bytes(rng, raw)
        families.append(family)
    return Case(index, tuple(families) or ("plain",), raw, watermark=rng.random() < 0.2)


# --------------------------------------------------------------------------- Word files

#: Pieces an attacker or a broken tool puts into a returned DOCX's XML.
WORD_TOKENS = (b'w:id="x"', b'w:id="-1"', b'w:id="99999999999"', b'w:id=""', b'w:id="0"',
               b'<w:commentRangeStart w:id="0"/>', b'<w:commentRangeEnd w:id="9"/>',
               b"&amp;", b"&xxe;", b"&#0;", b"&#xD800;", b"<![CDATA[x]]>", b"<!-- c -->",
               b"<?pi x?>", b"\xef\xbb\xbf", b'w15:paraIdParent="10000001"',
               b'w14:paraId="10000001"', b'<!DOCTYPE x [<!ENTITY xxe "x">]>',
               b'<w:t>\xe0\xb8\x81</w:t>', b"<w:r><w:t>X</w:t></w:r>", b"<w:p/>")


def _zip(parts: dict[str, bytes], method: int = zipfile.ZIP_DEFLATED) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", method) as archive:
        for name, data in parts.items():
            archive.writestr(name, data)
    return out.getvalue()


def make_word_case(seed: int, index: int, base: bytes) -> Case:
    """Word case ``index``: the exported DOCX ``base`` (a letter with comments and replies)
    damaged the way a stranger's file can be: XML bytes flipped, cut or spliced with ids,
    entities and DTDs; parts dropped or replaced; relationships made external; zip headers
    marked encrypted or given another method; the deflate stream broken; a part of spaces."""
    rng = random.Random(f"dla-drafter-fuzz-word:{seed}:{index}")
    source = zipfile.ZipFile(io.BytesIO(base))
    parts = {info.filename: source.read(info.filename) for info in source.infolist()}
    families: list[str] = []
    for _ in range(rng.choice((1, 1, 2, 3))):
        name = rng.choice(sorted(parts))
        data = bytearray(parts[name])
        roll = rng.random()
        if roll < 0.25 and data:
            for _ in range(rng.randint(1, 6)):
                data[rng.randrange(len(data))] = rng.randrange(256)
            families.append("word:flip")
        elif roll < 0.4:
            data = data[: rng.randrange(len(data) + 1)]
            families.append("word:cut")
        elif roll < 0.75:
            at = rng.randrange(len(data) + 1)
            data[at:at] = rng.choice(WORD_TOKENS)
            families.append("word:splice")
        elif roll < 0.85:
            data = bytearray(bytes(data).replace(b'Target="comments.xml"', (
                b'Target="http://evil.example/c.xml" TargetMode="External"'), 1))
            families.append("word:external")
        elif roll < 0.92:
            parts.pop(name)
            families.append("word:missing-part")
            continue
        else:
            data = bytearray(bytes(data).replace(b"<w:body>", b"<w:body>" + b" " * (
                rng.choice((1, 2, 4)) * 1024 * 1024), 1))
            families.append("word:ratio")
        parts[name] = bytes(data)
    raw = bytearray(_zip(parts, rng.choice((zipfile.ZIP_DEFLATED, zipfile.ZIP_STORED))))
    if rng.random() < 0.1 and raw:
        raw[rng.randrange(len(raw))] ^= 1 << rng.randrange(8)
        families.append("word:zip-bit")
    if rng.random() < 0.03:
        for signature, offset in ((b"PK\x03\x04", 6), (b"PK\x01\x02", 8)):
            at = raw.find(signature)
            while at >= 0:
                raw[at + offset] |= 1
                at = raw.find(signature, at + 4)
        families.append("word:encrypted")
    return Case(index, tuple(families), bytes(raw))


def run_word_case(case: Case, letter_text: bytes, engine: Engine) -> Outcome:
    """``review import-docx`` of the case into a fresh draft: refused with a
    ``DrafterError``, or imported — and then the draft still saves and exports."""
    from dla_drafter.model.draftio import dumps_draft, loads_draft
    from dla_drafter.problems import DrafterError
    from dla_drafter.review.docx_import import import_docx_comments

    outcome = Outcome(case.index, case.families, "made")
    letter = loads_draft(letter_text)
    with tempfile.TemporaryDirectory(prefix="dla-fuzz-word-") as folder:
        path = Path(folder) / "returned.docx"
        path.write_bytes(case.data)
        try:
            import_docx_comments(letter, path)
        except Exception as exc:
            # DocxImportError was no DrafterError before issue 13: still a refusal, so that
            # runs of older versions count like with like
            if isinstance(exc, DrafterError) or type(exc).__name__ == "DocxImportError":
                outcome.status = "refused"
                return outcome
            return _crash(outcome, "import-docx", exc)
    try:
        dumps_draft(letter)
        _check_docx(engine.data(engine.docx(letter)))
    except Exception as exc:  # what the import brought in, the draft and the writers keep
        return _crash(outcome, "after-import", exc)
    return outcome


# --------------------------------------------------------------------------- running


class CaseTimeout(BaseException):
    """A case ran longer than the limit (BaseException: no ``except Exception`` hides it)."""


class Engine:
    """The program's one way out (``pipeline.make_outputs``), one target at a time: what
    ``render`` and the window call, so the fuzz run meets every check the writers make."""

    def __init__(self) -> None:
        from dla_drafter import pipeline

        self.pipeline = pipeline

    def _make(self, target: str, letter: Any, settings: Any = None, **options: Any) -> bytes:
        made = self.pipeline.make_outputs(letter, [target], settings, **options)
        return made.first(Path(target).suffix[1:])

    def pdf(self, letter: Any, settings: Any = None) -> bytes:
        return self._make("letter.pdf", letter, settings)

    def review_pdf(self, letter: Any, settings: Any = None) -> bytes:
        return self._make("letter.pdf", letter, settings, review=True)

    def docx(self, letter: Any, settings: Any = None) -> bytes:
        return self._make("letter.docx", letter, settings)

    @staticmethod
    def data(result: bytes) -> bytes:
        return result


@dataclass
class Outcome:
    index: int
    families: tuple[str, ...]
    status: str  # refused | check-errors | made | crash | timeout
    stage: str = ""
    kind: str = ""
    detail: str = ""
    seconds: float = 0.0


def _frame(exc: BaseException) -> str:
    """The innermost frame inside dla_drafter (else the innermost at all), as file:line."""
    frames = traceback.extract_tb(exc.__traceback__)
    ours = [f for f in frames if "dla_drafter" in f.filename.replace("\\", "/")]
    frame = (ours or frames or [None])[-1]
    if frame is None:
        return "?"
    name = frame.filename.replace("\\", "/")
    name = name[name.find("dla_drafter"):] if "dla_drafter" in name else Path(name).name
    return f"{name}:{frame.lineno} ({frame.name})"


def _crash(outcome: Outcome, stage: str, exc: BaseException) -> Outcome:
    outcome.status = "harness-error" if stage == "harness" else "crash"
    outcome.stage = stage
    outcome.kind = f"{stage}: {type(exc).__name__} at {_frame(exc)}"
    outcome.detail = "".join(traceback.format_exception(exc))[-4000:]
    return outcome


def _check_pdf(data: bytes) -> None:
    if not data.startswith(b"%PDF-") or b"%%EOF" not in data[-2048:]:
        raise ValueError("the PDF has no header or no trailer")


def _check_docx(data: bytes) -> None:
    from lxml import etree

    parser = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=True)
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        bad = archive.testzip()
        if bad is not None:
            raise ValueError(f"the DOCX part {bad} is damaged")
        for name in archive.namelist():
            if name.endswith((".xml", ".rels")):
                etree.fromstring(archive.read(name), parser)


def run_case(case: Case, engine: Engine, keyring: Any) -> Outcome:
    """Load → check → (when check passes) PDF, review PDF, DOCX; what happened."""
    from dla_drafter.model.checks import check_letter
    from dla_drafter.model.draftio import loads_draft
    from dla_drafter.problems import DrafterError
    from dla_drafter.review.status import review_problems
    from dla_drafter.settings import RenderSettings

    outcome = Outcome(case.index, case.families, "made")
    try:
        letter = loads_draft(case.data)
    except DrafterError:
        outcome.status = "refused"
        return outcome
    except Exception as exc:
        return _crash(outcome, "load", exc)
    try:
        problems = list(check_letter(letter)) + list(review_problems(letter, keyring))
        for problem in problems:
            problem.message("th"), problem.message("en")
    except Exception as exc:
        return _crash(outcome, "check", exc)
    if any(p.is_error for p in problems):
        outcome.status = "check-errors"
        return outcome
    settings = RenderSettings(draft_watermark=case.watermark)
    stage = "pdf"
    try:
        _check_pdf(engine.data(engine.pdf(letter, settings)))
        if letter.extra.get("review") is not None:
            stage = "review-pdf"
            _check_pdf(engine.data(engine.review_pdf(letter, settings)))
        stage = "docx"
        _check_docx(engine.data(engine.docx(letter, settings)))
    except Exception as exc:  # DrafterError included: check said the letter was fine
        return _crash(outcome, stage, exc)
    return outcome


def _alarm(_signum: int, _frame: Any) -> None:
    raise CaseTimeout()


@dataclass
class Worker:
    """Per process: the engine, the user's key (for approvals) and the keyring; for Word
    cases, a letter with comments and replies and its exported DOCX."""

    engine: Engine
    keyring: Any
    signer: Callable[[dict[str, Any], list[tuple[str, str]]], None]
    word_letter: bytes = b""
    word_base: bytes = b""

    def word(self) -> tuple[bytes, bytes]:
        if not self.word_base:
            from dla_drafter.model.draftio import dumps_draft, letter_from_dict
            from dla_drafter.review import actions

            rng = random.Random("dla-drafter-fuzz-word-base")
            letter = letter_from_dict(base_letter(rng) | {"kind": "external"})
            self.word_letter = dumps_draft(letter).encode("utf-8")
            first = actions.add_comment(letter, "subject", "", "ทั้งเรื่อง", "นางสาวศรีสุดา ใจดี")
            actions.reply_to_comment(letter, first, "ตกลง", "นายสมชาย ใจดี")
            actions.add_comment(letter, "body[0]", letter.body[0][:6], "ตรวจคำนี้", "ผอ.")
            self.word_base = self.engine.data(self.engine.docx(letter))
        return self.word_letter, self.word_base


_WORKER: Worker | None = None


def worker() -> Worker:
    global _WORKER
    if _WORKER is None:
        from dla_drafter.app_settings import AppConfig
        from dla_drafter.model.draftio import letter_from_dict
        from dla_drafter.problems import DrafterError
        from dla_drafter.review.identity import signing_key
        from dla_drafter.review.integrity import content_hash, sign_approval

        key = signing_key()

        def sign(data: dict[str, Any], approvals: list[tuple[str, str]]) -> None:
            """Approvals signed with the user's own key: valid, so they print."""
            try:
                letter = letter_from_dict(json.loads(json.dumps(data)))
            except (DrafterError, ValueError, TypeError, RecursionError):
                return
            review = data.get("review")
            if not isinstance(review, dict):
                review = data["review"] = {"state": "approved"}
            if not isinstance(review.get("approvals"), list):
                review["approvals"] = []
            digest = content_hash(letter)
            for role, name in approvals:
                review["approvals"].append(
                    sign_approval(key, role, name, "2026-12-02T09:00:00+00:00", digest))

        _WORKER = Worker(Engine(), AppConfig.load().keyring(), sign)
    return _WORKER


def one(seed: int, index: int, timeout: float, word: bool = False) -> Outcome:
    w = worker()
    try:
        if word:
            letter_text, base = w.word()
            case = make_word_case(seed, index, base)
        else:
            case = make_case(seed, index, w.signer)
    except Exception as exc:  # the harness's own bug: reported, never taken for the engine's
        outcome = Outcome(index, ("?",), "harness-error")
        return _crash(outcome, "harness", exc)
    started = time.perf_counter()
    # The limit is on the process's CPU time (SIGPROF), not the clock's: on a machine shared
    # with other work a case must not time out because it waited for a core.
    use_alarm = timeout > 0 and hasattr(signal, "SIGPROF")
    if use_alarm:
        signal.signal(signal.SIGPROF, _alarm)
        signal.setitimer(signal.ITIMER_PROF, timeout)
    try:
        if word:
            outcome = run_word_case(case, letter_text, w.engine)
        else:
            outcome = run_case(case, w.engine, w.keyring)
    except CaseTimeout:
        outcome = Outcome(index, case.families, "timeout", kind="timeout")
    finally:
        if use_alarm:
            signal.setitimer(signal.ITIMER_PROF, 0)
    outcome.seconds = time.perf_counter() - started
    return outcome


def _one_star(job: tuple[int, int, float, bool]) -> Outcome:
    return one(*job)


def isolate_user_folders() -> tempfile.TemporaryDirectory:
    """The run's own config and data folders: the user's key, settings and drafts are not
    touched, and every worker process signs with the same throw-away key."""
    folder = tempfile.TemporaryDirectory(prefix="dla-fuzz-")
    os.environ["DLA_DRAFTER_CONFIG_DIR"] = str(Path(folder.name) / "config")
    os.environ["DLA_DRAFTER_DATA_DIR"] = str(Path(folder.name) / "data")
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    return folder


def run(seed: int, cases: range, jobs: int = 1, timeout: float = 60.0,
        progress: Callable[[int, Outcome], None] | None = None,
        word: bool = False) -> Iterator[Outcome]:
    """Every outcome of ``cases`` (in any order when ``jobs`` > 1); ``word``: Word files
    for ``review import-docx`` instead of drafts."""
    worker()  # makes the key before workers start, so all sign with the same one
    if jobs <= 1:
        for done, index in enumerate(cases, 1):
            outcome = one(seed, index, timeout, word)
            if progress is not None:
                progress(done, outcome)
            yield outcome
        return
    import multiprocessing

    context = multiprocessing.get_context("fork" if hasattr(os, "fork") else "spawn")
    with context.Pool(jobs, maxtasksperchild=500) as pool:
        jobs_list = [(seed, index, timeout, word) for index in cases]
        for done, outcome in enumerate(pool.imap_unordered(_one_star, jobs_list, 4), 1):
            if progress is not None:
                progress(done, outcome)
            yield outcome


@dataclass
class Report:
    seed: int
    cases: int
    seconds: float = 0.0
    peak_rss_mb: float = 0.0
    statuses: dict[str, int] = field(default_factory=dict)
    families: dict[str, int] = field(default_factory=dict)
    crashes: dict[str, list[int]] = field(default_factory=dict)
    slowest: list[tuple[int, float]] = field(default_factory=list)

    @property
    def tracebacks(self) -> int:
        return self.statuses.get("crash", 0)

    def lines(self) -> list[str]:
        out = [f"cases {self.cases}, seed {self.seed}, {self.seconds:.0f} s, "
               f"peak RSS {self.peak_rss_mb:.0f} MB"]
        out.append("outcomes: " + ", ".join(f"{k} {v}" for k, v in sorted(self.statuses.items())))
        out.append("damage: " + ", ".join(f"{k} {v}" for k, v in sorted(self.families.items())))
        out.append(f"tracebacks: {self.tracebacks} in {len(self.crashes)} kind(s)")
        for kind, indices in sorted(self.crashes.items(), key=lambda kv: -len(kv[1])):
            shown = ", ".join(str(i) for i in sorted(indices)[:8])
            out.append(f"  {len(indices):6d}  {kind}  (cases {shown})")
        if self.slowest:
            out.append("slowest: " + ", ".join(f"#{i} {s:.1f}s" for i, s in self.slowest))
        return out


def peak_rss_mb() -> float:
    """Peak resident memory of this process and its workers (0 where the system has no
    ``getrusage``: Windows)."""
    try:
        import resource
    except ImportError:
        return 0.0
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    scale = 1024 * 1024 if sys.platform == "darwin" else 1024  # bytes on macOS, KiB on Linux
    return max(own, children) / scale


def summarise(seed: int, outcomes: list[Outcome], seconds: float) -> Report:
    report = Report(seed, len(outcomes), seconds, peak_rss_mb())
    report.statuses = dict(Counter(o.status for o in outcomes))
    report.families = dict(Counter(f if f.startswith("word:") else f.split(":")[0]
                                   for o in outcomes for f in o.families))
    for o in outcomes:
        if o.status in ("crash", "timeout", "harness-error"):
            report.crashes.setdefault(o.kind, []).append(o.index)
    report.slowest = [(o.index, o.seconds)
                      for o in sorted(outcomes, key=lambda o: -o.seconds)[:5]]
    return report


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cases", type=int, default=1000)
    parser.add_argument("--start", type=int, default=0, help="first case number")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--jobs", type=int, default=1)
    parser.add_argument("--timeout", type=float, default=60.0,
                        help="seconds of CPU time per case")
    parser.add_argument("--case", type=int, help="run this one case and show its traceback")
    parser.add_argument("--save", type=Path, help="write each crashing case's draft here")
    parser.add_argument("--json", action="store_true", help="print the report as JSON")
    parser.add_argument("--word", action="store_true",
                        help="returned Word files for review import-docx instead of drafts")
    args = parser.parse_args(argv)
    folder = isolate_user_folders()
    try:
        if args.case is not None:
            cases = range(args.case, args.case + 1)
        else:
            cases = range(args.start, args.start + args.cases)
        started = time.perf_counter()
        outcomes: list[Outcome] = []

        def progress(done: int, outcome: Outcome) -> None:
            if outcome.status in ("crash", "timeout", "harness-error") and args.case is None:
                print(f"#{outcome.index} {outcome.kind}", file=sys.stderr, flush=True)
            if done % 500 == 0:
                print(f"… {done}/{len(cases)}", file=sys.stderr, flush=True)

        for outcome in run(args.seed, cases, args.jobs, args.timeout, progress, args.word):
            outcomes.append(outcome)
            if args.save is not None and outcome.status in ("crash", "timeout"):
                args.save.mkdir(parents=True, exist_ok=True)
                if args.word:
                    case = make_word_case(args.seed, outcome.index, worker().word()[1])
                    name = f"word-{outcome.index}.docx"
                else:
                    case = make_case(args.seed, outcome.index, worker().signer)
                    name = f"case-{outcome.index}.dladraft.json"
                (args.save / name).write_bytes(case.data)
        report = summarise(args.seed, outcomes, time.perf_counter() - started)
        if args.case is not None:
            outcome = outcomes[0]
            print(f"case {outcome.index}: {outcome.status} {outcome.families} "
                  f"{outcome.seconds:.2f} s")
            if outcome.detail:
                print(outcome.detail)
        elif args.json:
            data = asdict(report)
            data["tracebacks"] = report.tracebacks
            print(json.dumps(data, ensure_ascii=False, indent=1))
        else:
            print("\n".join(report.lines()))
        failed = ("crash", "timeout", "harness-error")
        return 1 if any(report.statuses.get(status) for status in failed) else 0
    finally:
        folder.cleanup()


if __name__ == "__main__":
    sys.exit(main())
