"""Which characters of a Word document print which draft field: one mapping, both directions.

The DOCX export anchors each open comment on the characters that print its quote; the import
of a DOCX that came back turns a Word comment's anchored characters into a field and a quote.
Both go through :func:`field_spans`, so a comment exported and imported again lands on the
same field and quote.

The mapping matches text, not positions in a template: the fields are taken in the order the
composition prints them (:func:`printed_fields`), and each is looked for in the document's
paragraphs from where the one before it was found. A template an office restyled, a label it
reworded or a paragraph it added does not break it; two fields with the same words (two
equal body paragraphs) still map to their own paragraphs, in order.

A field prints as its text stripped, with digits converted (``apply_digits`` keeps lengths)
and invisible characters removed (``clean_text``); :class:`PrintedField` keeps the offsets
between the typed and the printed text so a quote maps exactly both ways. No Qt.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from dla_drafter.compose import compose
from dla_drafter.compose.blocks import (
    Addressed,
    ComplimentaryClose,
    ContactBlock,
    CopiesTo,
    Heading,
    Labelled,
    MemoHead,
    Paragraph,
    QRBlock,
    RecipientsList,
    Signature,
    TitleBlock,
)
from dla_drafter.model.letter import Letter
from dla_drafter.render.docx_writer import clean_text
from dla_drafter.text.digits import apply_digits

from .diff import field_texts
from .integrity import letter_snapshot


@dataclass(frozen=True)
class PrintedField:
    """A field's typed text, its printed text, and where each typed character prints.

    ``to_printed[i]`` is the printed offset of typed offset ``i`` (``len(raw) + 1`` entries,
    so an end offset maps too); ``to_raw[j]`` the typed offset of printed offset ``j``."""

    field: str
    raw: str
    printed: str
    to_printed: tuple[int, ...]
    to_raw: tuple[int, ...]


@dataclass(frozen=True)
class FieldSpan:
    """Where a field prints: characters ``start:end`` of body paragraph ``paragraph``."""

    field: PrintedField
    paragraph: int
    start: int
    end: int


def printed_field(field: str, raw: str, digits: str) -> PrintedField:
    """``raw`` as it prints (stripped, digits, no invisible characters), with offset maps."""
    lead = len(raw) - len(raw.lstrip())
    stripped = raw.strip()
    converted = apply_digits(stripped, digits)
    if len(converted) != len(stripped):  # apply_digits keeps lengths; guard the maps anyway
        converted = stripped
    if clean_text(raw) == raw:  # nothing invisible (the usual case): the maps are offsets
        size, end = len(stripped), lead + len(stripped)
        return PrintedField(field, raw, converted,
                            (0,) * lead + tuple(range(size + 1)) + (size,) * (len(raw) - end),
                            (*range(lead, end), end if stripped else len(raw)))
    printed: list[str] = []
    to_printed: list[int] = []
    to_raw: list[int] = []
    for i, ch in enumerate(raw):
        to_printed.append(len(printed))
        j = i - lead
        if 0 <= j < len(stripped) and clean_text(ch) == ch:
            to_raw.append(i)
            printed.append(converted[j])
    to_printed.append(len(printed))
    to_raw.append(lead + len(stripped) if stripped else len(raw))
    return PrintedField(field, raw, "".join(printed), tuple(to_printed), tuple(to_raw))


def _kept(values: Sequence[str], path: str) -> list[str]:
    """Paths of the items compose prints (it leaves out blank ones)."""
    return [f"{path}[{i}]" for i, value in enumerate(values) if value.strip()]


def field_order(letter: Letter) -> list[str]:
    """The text fields of ``letter`` in the order its composition prints them."""
    order: list[str] = []
    for block in compose(letter).blocks:
        if isinstance(block, Heading):
            order += ["number.code", "agency.name",
                      *_kept(letter.agency.address, "agency.address")]
        elif isinstance(block, Labelled):
            if block.part == "subject":
                order.append("subject")
            elif block.part == "salutation":
                order += ["salutation", "addressee"]
            elif block.part == "references":
                order += _kept(letter.references, "references")
            elif block.part == "enclosures":
                for i, enclosure in enumerate(letter.enclosures):
                    if enclosure.text.strip():
                        order += [f"enclosures[{i}].text", f"enclosures[{i}].amount"]
        elif isinstance(block, Addressed):
            order.append("addressee")
        elif isinstance(block, MemoHead):
            for row in (block.agency, block.number, block.subject):
                for piece in row.value:
                    order.append(piece.field if piece.index is None
                                 else f"{piece.field}[{piece.index}]")
        elif isinstance(block, TitleBlock):
            order += [line.field for line in block.lines if line.field in ("agency.name",
                                                                           "subject")]
        elif isinstance(block, Paragraph):
            order.append("closing" if block.index is None else f"body[{block.index}]")
        elif isinstance(block, ComplimentaryClose):
            order.append("complimentary_close")
        elif isinstance(block, Signature):
            order += ["signer.name", *_kept(letter.signer.position, "signer.position")]
        elif isinstance(block, ContactBlock):
            order += [part if index is None else f"{part}[{index}]"
                      for part, index in block.fields]
        elif isinstance(block, QRBlock):
            order.append("qr.caption")
        elif isinstance(block, CopiesTo):
            order += _kept(letter.copies_to, "copies_to")
        elif isinstance(block, RecipientsList):
            order += ["recipients.title", *_kept(letter.recipients.names, "recipients.names")]
    return order


def printed_fields(letter: Letter) -> list[PrintedField]:
    """Every text field that prints, in print order, with its printed text."""
    texts = field_texts(letter_snapshot(letter))
    fields = []
    for path in field_order(letter):
        raw = texts.get(path)
        if raw:
            field = printed_field(path, raw, letter.digits)
            if field.printed:
                fields.append(field)
    return fields


def field_spans(letter: Letter, paragraphs: Sequence[str]) -> dict[str, FieldSpan]:
    """Where each printed field of ``letter`` is in a document whose body paragraphs read
    ``paragraphs`` (``docx_comments.paragraph_text`` of each): fields in print order, each
    searched from just after the one before. A field not found is left out."""
    spans: dict[str, FieldSpan] = {}
    at_paragraph, at_char = 0, 0
    for field in printed_fields(letter):
        if field.field in spans:
            continue
        for index in range(at_paragraph, len(paragraphs)):
            start = paragraphs[index].find(field.printed, at_char if index == at_paragraph
                                           else 0)
            if start >= 0:
                end = start + len(field.printed)
                spans[field.field] = FieldSpan(field, index, start, end)
                at_paragraph, at_char = index, end
                break
    return spans
