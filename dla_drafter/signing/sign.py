"""Sign a finished PDF as PAdES baseline B-B with pyHanko.

The signature is appended as an incremental update: the exported letter's bytes stay as
they were and the signature covers all of them, so any later change shows up in
:func:`dla_drafter.signing.verify.verify_pdf`. The visible appearance states the signer's name
(from the certificate) and the signing time in Thai; pyHanko's standard fonts have no Thai,
so its text is set in the bundled Sarabun through pyHanko's OpenType glyph accumulator
(HarfBuzz shaping, so marks sit on their base letters).
"""

from __future__ import annotations

import datetime as dt
import logging
import os
from io import BytesIO
from pathlib import Path
from typing import TYPE_CHECKING

from .errors import SigningError
from .keys import SignerKey
from .placement import SignatureBox

if TYPE_CHECKING:
    from ..typeset.pages import Pages

# pyHanko logs expected outcomes (no path to a trust root when none was given) as warnings
# with tracebacks; the reports say it in words, so keep them off a bare terminal. An app that
# configures logging still receives them.
logging.getLogger("pyhanko").addHandler(logging.NullHandler())
logging.getLogger("pyhanko_certvalidator").addHandler(logging.NullHandler())

APPEARANCE_TITLE = "ลงลายมือชื่ออิเล็กทรอนิกส์โดย"
APPEARANCE_FONT_PT = 12
APPEARANCE_LEADING_PT = 16


def appearance_text(signer_name: str, moment: dt.datetime) -> str:
    """The stamp's three lines: what it is, who signed, when (Thai date and digits)."""
    from ..text.digits import to_thai_digits
    from ..text.thaidate import ce_to_be, format_thai_date

    date = format_thai_date(moment.day, moment.month, ce_to_be(moment.year))
    clock = to_thai_digits(f"{moment:%H:%M}")
    return f"{APPEARANCE_TITLE}\n{signer_name}\n{date} เวลา {clock} น."


def _stamp_style():
    from pyhanko.pdf_utils import layout
    from pyhanko.pdf_utils.font.opentype import GlyphAccumulatorFactory
    from pyhanko.pdf_utils.text import TextBoxStyle
    from pyhanko.stamp import TextStampStyle

    from ..typeset.fonts import bundled_sarabun

    regular, _bold = bundled_sarabun()
    font = GlyphAccumulatorFactory(str(regular), font_size=APPEARANCE_FONT_PT,
                                   ot_script_tag="thai", ot_language_tag="THA ")
    middle = layout.AxisAlignment.ALIGN_MID
    return TextStampStyle(
        stamp_text="%(text)s",
        text_box_style=TextBoxStyle(font=font, font_size=APPEARANCE_FONT_PT,
                                    leading=APPEARANCE_LEADING_PT),
        border_width=0,
        inner_content_layout=layout.SimpleBoxLayoutRule(x_align=middle, y_align=middle),
    )


def _free_field_name(reader) -> str:
    from pyhanko.sign.fields import enumerate_sig_fields

    taken = {name for name, _value, _ref in enumerate_sig_fields(reader)}
    n = 1
    while f"Signature{n}" in taken:
        n += 1
    return f"Signature{n}"


def sign_pdf(
    data: bytes,
    signer: SignerKey,
    box: SignatureBox | None,
    *,
    reason: str | None = None,
    location: str | None = None,
    page_count: int | None = None,
) -> bytes:
    """``data`` (a PDF) signed by ``signer``: visible in ``box``, invisible when it is None.

    ``reason``/``location`` go into the signature dictionary (readers show them).
    ``page_count`` is how many pages the typeset letter that gave ``box`` has: a PDF with
    another count was not made from that letter, so the box would land in the wrong place.
    Raises :class:`SigningError` when ``data`` is not a readable PDF or does not fit ``box``.
    """
    from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
    from pyhanko.pdf_utils.misc import PdfError
    from pyhanko.sign import fields, signers

    if not data.lstrip()[:5] == b"%PDF-":
        raise SigningError("ไฟล์นี้ไม่ใช่ PDF", "this file is not a PDF")
    try:
        writer = IncrementalPdfFileWriter(BytesIO(data), strict=False)
        name = _free_field_name(writer.prev)
        pdf_pages = int(writer.root["/Pages"]["/Count"])
    except (PdfError, KeyError, ValueError, TypeError) as exc:
        raise SigningError(f"อ่านไฟล์ PDF ไม่ได้ ไฟล์อาจเสียหาย ({exc})",
                           f"cannot read the PDF; it may be damaged ({exc})") from exc
    if box is not None and page_count is not None and page_count != pdf_pages:
        raise SigningError(
            f"PDF มี {pdf_pages} หน้า แต่หนังสือจากไฟล์ร่างมี {page_count} หน้า "
            "ไฟล์ร่างที่ให้มาอาจไม่ใช่ของ PDF นี้ หรือใช้แบบอักษรคนละชุดกับตอนส่งออก",
            f"the PDF has {pdf_pages} pages but the letter from the draft has {page_count}; "
            "the draft may not be this PDF's, or it was exported with other fonts",
        )
    if box is not None and not 1 <= box.page <= pdf_pages:
        raise SigningError(
            f"ตำแหน่งลายมือชื่ออยู่หน้า {box.page} แต่ PDF มี {pdf_pages} หน้า "
            "ไฟล์ร่างที่ให้มาอาจไม่ใช่ของ PDF นี้",
            f"the signature box is on page {box.page} but the PDF has {pdf_pages} pages; "
            "the draft given may not be this PDF's",
        )
    if box is None:
        spec = fields.SigFieldSpec(name)
    else:
        spec = fields.SigFieldSpec(name, on_page=box.page - 1, box=box.rect)
    meta = signers.PdfSignatureMetadata(
        field_name=name,
        subfilter=fields.SigSeedSubFilter.PADES,
        md_algorithm="sha256",
        reason=reason,
        location=location,
    )
    pdf_signer = signers.PdfSigner(meta, signer.pyhanko_signer(), stamp_style=_stamp_style(),
                                   new_field_spec=spec)
    moment = dt.datetime.now().astimezone()
    out = BytesIO()
    try:
        pdf_signer.sign_pdf(writer, output=out,
                            appearance_text_params={"text": appearance_text(signer.name, moment)})
    except (PdfError, ValueError) as exc:
        raise SigningError(f"ลงนามไม่สำเร็จ: {exc}", f"signing failed: {exc}") from exc
    return out.getvalue()


def _same_file(a: Path, b: Path) -> bool:
    try:
        return os.path.samefile(a, b)
    except OSError:
        return a.resolve() == b.resolve()


def sign_file(
    source: str | os.PathLike[str],
    target: str | os.PathLike[str],
    signer: SignerKey,
    pages: Pages | None = None,
    *,
    reason: str | None = None,
    location: str | None = None,
) -> SignatureBox | None:
    """Sign the PDF at ``source`` into ``target``: what the CLI and the app's button call.

    ``pages`` are the typeset pages the PDF was exported from; with them the signature is
    visible in the gap above the signer's name, without them (or when the letter has no such
    gap) invisible. Returns the box used, or None for an invisible signature. ``target`` is
    written atomically and is never ``source`` itself nor another signed PDF; failures are
    :class:`SigningError` or, for the file system, :class:`OSError` with ``message_th``.
    """
    from ..atomic import atomic_write_bytes
    from .detect import refuse_signed
    from .placement import signature_box

    source, target = Path(source), Path(target)
    if target.exists() and _same_file(source, target):
        raise SigningError(
            f"ไฟล์ผลลัพธ์ {target} คือไฟล์ต้นฉบับ ใช้ชื่อไฟล์อื่น (ไม่เขียนทับต้นฉบับ)",
            f"the output {target} is the input file; choose another name (it is never "
            "overwritten)",
        )
    refuse_signed(target)
    try:
        data = source.read_bytes()
    except OSError as exc:
        why = exc.strerror or exc.__class__.__name__
        raise SigningError(f"อ่านไฟล์ {source} ไม่ได้ ({why})",
                           f"cannot read {source} ({why})") from exc
    box = signature_box(pages) if pages is not None else None
    signed = sign_pdf(data, signer, box, reason=reason, location=location,
                      page_count=len(pages) if pages is not None else None)
    atomic_write_bytes(target, signed)
    return box
