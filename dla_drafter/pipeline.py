"""The letter engine's front door: draft → composition → pages → PDF / DOCX.

The CLI and the GUI call only these functions, so a letter comes out the same from both.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

from .compose import compose
from .model.letter import Letter
from .problems import Problem
from .render.emblem_meta import emblem_file, image_aspect
from .settings import RenderSettings
from .typeset.fonts import fonts_for
from .typeset.layout import typeset
from .typeset.pages import Pages
from .typeset.profile import DEFAULT_PROFILE, LayoutProfile


def emblem_aspect(settings: RenderSettings) -> float:
    """Width/height of the emblem without Qt (typesetting runs in worker threads)."""
    return image_aspect(emblem_file(settings))


def printable(letter: Letter) -> Letter:
    """The letter as it prints: valid review approvals in the initials grid (``review``)."""
    from .review.printing import letter_for_print

    return letter_for_print(letter)


def is_approved(letter: Letter, keyring=None) -> bool:
    """Whether ``letter`` is approved for the final print: its review record says
    ``approved`` and it has approvals, every one of them valid (``review.actions.
    approval_statuses``; ``keyring`` None means this PC's keys).

    *Every*, not *any*: an approval that is stale (the letter changed after it was given),
    invalid or from an unknown key means what prints is not what was approved, so the page
    must still say ร่าง. A letter without a review record has not been approved."""
    from .review.actions import approval_statuses, record_of
    from .review.integrity import Keyring

    if record_of(letter).state != "approved":
        return False
    if not approval_statuses(letter, Keyring()):
        return False
    if keyring is None:
        from .review.identity import user_keyring

        keyring = user_keyring()
    return all(status == "valid" for _a, status in approval_statuses(letter, keyring))


def typeset_letter(
    letter: Letter,
    settings: RenderSettings | None = None,
    profile: LayoutProfile = DEFAULT_PROFILE,
) -> Pages:
    """Pages of ``letter``: pure Python, no Qt, safe in a worker thread. With the setting
    ``draft_watermark`` every page of a letter not approved carries "ร่าง" (``is_approved``)."""
    settings = settings or RenderSettings()
    fonts = fonts_for(settings)
    pages = typeset(compose(printable(letter)), fonts, profile,
                    emblem_aspect=emblem_aspect(settings),
                    continuation_word=settings.continuation_word)
    if settings.draft_watermark and not is_approved(letter):
        from .typeset.watermark import add_watermark

        add_watermark(pages, fonts)
    return pages


def export_pdf(letter: Letter, path: Path, settings: RenderSettings | None = None,
               profile: LayoutProfile = DEFAULT_PROFILE) -> Pages:
    """Typeset and write ``letter`` to ``path``; refuses (SignedPdfError) to overwrite a
    signed PDF, because numbering and edits come before signing, never after."""
    from .render.pdf import write_pdf
    from .signing.detect import refuse_signed

    refuse_signed(path)
    settings = settings or RenderSettings()
    pages = typeset_letter(letter, settings, profile)
    write_pdf(pages, fonts_for(settings), Path(path), settings, title=letter.subject)
    return pages


def docx_comments(letter: Letter):
    """What anchors the draft's open review comments as Word comments (``render_docx``'s
    ``comments``): a supervisor who works in Word sees them in the margin."""
    from .review.docx_export import word_comments

    return lambda paragraphs: word_comments(letter, paragraphs)[0]


def export_docx(letter: Letter, path: Path, settings: RenderSettings | None = None,
                comments: bool = True) -> None:
    """The letter as a Word document; ``comments`` adds the open review comments."""
    from .render.docx_writer import write_docx

    write_docx(compose(printable(letter)), Path(path), settings or RenderSettings(),
               docx_comments(letter) if comments else None)


def pdf_bytes(letter: Letter, settings: RenderSettings | None = None,
              profile: LayoutProfile = DEFAULT_PROFILE) -> tuple[bytes, Pages]:
    """The PDF file's bytes and the pages, in memory: for writing several outputs all or
    none (``atomic.atomic_write_all``), where nothing may touch the disk until all are made."""
    from .render.pdf import pdf_bytes as render_pdf

    settings = settings or RenderSettings()
    pages = typeset_letter(letter, settings, profile)
    return render_pdf(pages, fonts_for(settings), settings, title=letter.subject), pages


def review_pdf_bytes(letter: Letter, settings: RenderSettings | None = None,
                     profile: LayoutProfile = DEFAULT_PROFILE) -> tuple[bytes, Pages]:
    """The review PDF for a supervisor who reviews on paper (``review.paper``): each page of
    the letter as it prints (with the watermark when the setting is on), numbered markers at
    the commented lines, and after it the open comments on that page; then "ความเห็นอื่น"."""
    from .render.pdf import pdf_bytes as render_pdf
    from .review.paper import review_pages

    settings = settings or RenderSettings()
    fonts = fonts_for(settings)
    pages = review_pages(letter, typeset_letter(letter, settings, profile), fonts, profile)
    title = f"ความเห็นของผู้ตรวจ: {letter.subject}"
    return render_pdf(pages, fonts, settings, title=title), pages


def docx_bytes(letter: Letter, settings: RenderSettings | None = None,
               comments: bool = True) -> bytes:
    """The DOCX file's bytes, in memory (see :func:`pdf_bytes`); as :func:`export_docx`."""
    import io

    from .render.docx_writer import render_docx

    stream = io.BytesIO()
    render_docx(compose(printable(letter)), settings or RenderSettings(),
                docx_comments(letter) if comments else None).save(stream)
    return stream.getvalue()


def write_outputs(files: Mapping[Path, bytes]) -> None:
    """Write every output made in memory, or none (``atomic.atomic_write_all``); never over a
    signed PDF (SignedPdfError), because a signed letter is never changed afterwards."""
    from .atomic import atomic_write_all
    from .signing.detect import refuse_signed

    for path in files:
        refuse_signed(path)
    atomic_write_all(files)


def glyph_problems(pages: Pages, settings: RenderSettings | None = None) -> list[Problem]:
    """Warnings for characters the drawing font has no glyph for (an emoji, Chinese, a
    symbol pasted from elsewhere): they would print as empty boxes. Each names its field."""
    fonts = fonts_for(settings or RenderSettings())
    missing: dict[str, set[str]] = {}
    for line in pages.lines():
        face = fonts.face(line.bold)
        absent = face.missing_chars(line.text)
        if absent and line.source:
            part, index = line.source
            field = part if index is None else f"{part}[{index}]"
            missing.setdefault(field, set()).update(absent)
    problems = []
    for field, chars in missing.items():
        shown = " ".join(sorted(chars))
        codes = ", ".join(f"U+{ord(c):04X}" for c in sorted(chars))
        problems.append(Problem(
            field, "missing-glyph", "warning",
            f"แบบอักษรไม่มีตัวอักษร {shown} ({codes}) จะพิมพ์เป็นช่องว่าง ควรลบหรือพิมพ์ใหม่",
            f"the font has no glyph for {shown} ({codes}); it would print as an empty box",
        ))
    return problems
