"""The e-saraban variant on paper and in Word: the name line right under the close, no gap.

Positions come from the typeset ``Pages`` (cm) and are checked again in the PDF a reader opens
(pdfplumber) and in the DOCX Word opens (python-docx).
"""

from __future__ import annotations

import io
import json
from pathlib import Path

import docx
import pdfplumber
import pytest
from exporting import docx as docx_bytes
from exporting import pdf as pdf_bytes

from dla_drafter.model.draftio import letter_from_dict
from dla_drafter.pipeline import typeset_letter
from dla_drafter.typeset.pages import Pages, TextLine
from dla_drafter.typeset.profile import DEFAULT_PROFILE as P

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"
NAME = "นายประยูร รัตนเสนีย์"
PT_PER_CM = 72 / 2.54


def draft(example: str, e_saraban: bool, kind: str | None = None) -> dict:
    data = json.loads((EXAMPLES / f"{example}.dladraft.json").read_text(encoding="utf-8"))
    data["signer"]["name"] = NAME
    data["signer"]["e_saraban"] = e_saraban
    if kind:
        data["kind"] = kind
    return data


def signature_lines(pages: Pages) -> tuple[int, TextLine, TextLine, list[TextLine]]:
    """(page number, the line just above the name, the name, the position lines)."""
    for page in pages.pages:
        texts = sorted((it for it in page.items if isinstance(it, TextLine)), key=lambda t: t.y)
        for n, item in enumerate(texts):
            if item.source == ("signer.name", None):
                positions = [t for t in texts if t.source and t.source[0] == "signer.position"]
                return page.number, texts[n - 1], item, positions
    raise AssertionError("no name line")


# external letter, memo (no คำลงท้าย: the name follows the last line), order (สั่ง ณ วันที่),
# announcement (ประกาศ ณ วันที่): every kind with a signer
KINDS = [("circular-2565-eef", None, "complimentary_close"), ("memo-2569", None, "closing"),
         ("order-2569", None, "date.month"), ("order-2569", "announcement", "date.month")]


@pytest.mark.parametrize(("example", "kind", "above_source"), KINDS)
def test_the_name_sits_one_pitch_under_the_close_with_no_gap(settings, example, kind,
                                                            above_source):
    _, above, name, positions = signature_lines(
        typeset_letter(letter_from_dict(draft(example, True, kind)), settings))
    assert above.source[0] == above_source
    assert name.text == f"({NAME})"
    assert name.y - above.y == pytest.approx(P.line_pitch)
    assert positions and positions[0].y - name.y == pytest.approx(P.line_pitch)
    for a, b in zip(positions, positions[1:], strict=False):
        assert b.y - a.y == pytest.approx(P.line_pitch)
    # without the option the regulation's gap for a pen signature is there
    _, above, name, positions = signature_lines(
        typeset_letter(letter_from_dict(draft(example, False, kind)), settings))
    assert above.source[0] == above_source
    assert name.y - above.y == pytest.approx(P.line_pitch * (1 + P.signature_blank_lines))
    assert positions[0].y - name.y == pytest.approx(P.line_pitch)


def pdf_lines(data: bytes, page_number: int) -> list[tuple[float, str]]:
    """(top in cm, text) of each printed line of a page, top to bottom, as pdfplumber reads
    the file."""
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        page = pdf.pages[page_number - 1]
        words = page.extract_words(keep_blank_chars=True, y_tolerance=2)
    rows: dict[float, list[str]] = {}
    for word in words:
        top = round(word["top"] / PT_PER_CM, 1)
        rows.setdefault(top, []).append(word["text"])
    return sorted((top, " ".join(texts)) for top, texts in rows.items())


@pytest.mark.parametrize("e_saraban", [True, False])
def test_in_the_pdf_nothing_is_printed_between_the_close_and_the_name(settings, e_saraban):
    letter = letter_from_dict(draft("circular-2565-eef", e_saraban))
    data, pages = pdf_bytes(letter, settings)
    number, close, name, positions = signature_lines(pages)
    lines = pdf_lines(data, number)
    texts = [text for _, text in lines]
    i_close = next(i for i, t in enumerate(texts) if "ขอแสดงความนับถือ" in t)
    i_name = next(i for i, t in enumerate(texts) if NAME.split()[1] in t)
    assert i_name == i_close + 1  # the name is the very next printed line
    assert positions[0].text in texts[i_name + 1]
    gap = lines[i_name][0] - lines[i_close][0]
    lines_apart = 1 if e_saraban else 1 + P.signature_blank_lines
    assert gap == pytest.approx(P.line_pitch * lines_apart, abs=0.15)
    assert name.y - close.y == pytest.approx(P.line_pitch * lines_apart)


def docx_paragraphs(data: bytes) -> list[tuple[str, str]]:
    document = docx.Document(io.BytesIO(data))
    return [(p.style.name, p.text) for p in document.paragraphs]


@pytest.mark.parametrize(("example", "kind"), [("circular-2565-eef", None),
                                               ("memo-2569", None), ("order-2569", None)])
def test_the_docx_has_no_empty_gap_paragraphs_before_the_name(settings, example, kind):
    paragraphs = docx_paragraphs(docx_bytes(letter_from_dict(draft(example, True, kind)),
                                            settings))
    i_name = next(i for i, (_, t) in enumerate(paragraphs) if t == f"({NAME})")
    style, before = paragraphs[i_name - 1]
    assert before.strip(), "an empty paragraph stands between the close and the name"
    assert style != "DLA Signature"
    assert paragraphs[i_name][0] == "DLA Signature"
    assert paragraphs[i_name + 1][0] == "DLA Signature" and paragraphs[i_name + 1][1].strip()

    plain = docx_paragraphs(docx_bytes(letter_from_dict(draft(example, False, kind)), settings))
    i_name = next(i for i, (_, t) in enumerate(plain) if t == f"({NAME})")
    gap = plain[i_name - P.signature_blank_lines:i_name]
    assert gap == [("DLA Signature", "")] * P.signature_blank_lines
    assert plain[i_name - P.signature_blank_lines - 1][1].strip()
