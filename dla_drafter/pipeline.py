"""The letter engine's front door: draft → print state → pages → PDF / DOCX bytes → files.

One way in and one way out, so a letter comes out the same from the CLI, the window, merge
and signing:

* :func:`export_problems` — what to show before exporting (the regulation checks, why an
  approval does not print, a DOCX font that cannot be written), the same list everywhere;
* :func:`make_outputs` — from (letter, targets, settings, keyring) to ``{path: bytes}`` and
  the pages, in memory; the exporters below it return bytes and never write;
* :func:`write_outputs` — the one writer: the signed-PDF guard, then all or none.

The print state (the letter as it prints, approved or not) is worked out once per call with
the keyring the caller hands in (:func:`~dla_drafter.review.printing.print_state`); None means
no key is trusted. Nothing here reads the desktop program's settings file.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from .compose import compose
from .model.letter import Letter
from .problems import DrafterError, Problem, problem
from .render.emblem_meta import emblem_file, image_aspect
from .settings import RenderSettings
from .typeset.fonts import fonts_for
from .typeset.layout import typeset
from .typeset.pages import Pages
from .typeset.profile import DEFAULT_PROFILE, LayoutProfile

if TYPE_CHECKING:
    from .review.integrity import Keyring
    from .review.printing import PrintState

#: The formats an output path may end in, and what each makes.
FORMATS = {".pdf": "pdf", ".docx": "docx"}


def output_format(path: Path | str) -> str | None:
    """``"pdf"`` or ``"docx"`` from the file name's extension; None for any other."""
    return FORMATS.get(Path(path).suffix.lower())


def emblem_aspect(settings: RenderSettings) -> float:
    """Width/height of the emblem without Qt (typesetting runs in worker threads)."""
    return image_aspect(emblem_file(settings))


def print_state(letter: Letter, keyring: Keyring | None = None) -> PrintState:
    """The letter as it prints and whether it is approved (``review.printing``)."""
    from .review.printing import print_state as state_of

    return state_of(letter, keyring)


def typeset_letter(
    letter: Letter,
    settings: RenderSettings | None = None,
    keyring: Keyring | None = None,
    profile: LayoutProfile = DEFAULT_PROFILE,
    *,
    state: PrintState | None = None,
) -> Pages:
    """Pages of ``letter`` as it prints: pure Python, no Qt, safe in a worker thread. With
    the setting ``draft_watermark`` every page of a letter not approved carries "ร่าง".
    ``state`` is the print state when the caller has it already (else worked out here)."""
    settings = settings or RenderSettings()
    state = state or print_state(letter, keyring)
    fonts = fonts_for(settings)
    pages = typeset(compose(state.letter), fonts, profile,
                    emblem_aspect=emblem_aspect(settings),
                    continuation_word=settings.continuation_word)
    if settings.draft_watermark and not state.approved:
        from .typeset.watermark import add_watermark

        add_watermark(pages, fonts)
    return pages


def export_problems(letter: Letter, settings: RenderSettings | None = None,
                    keyring: Keyring | None = None,
                    targets: Iterable[Path | str] = ()) -> list[Problem]:
    """Everything to show before the letter is exported, errors first then warnings, the
    same for ``check``, ``render``, the window and each merged row: the regulation checks,
    why an approval does not print, names typed by hand into the initials grid, and a DOCX
    font name that cannot be written."""
    from .fields import REVIEW_KEY
    from .model.checks import check_letter
    from .review.guards import typed_initials
    from .settings import docx_font_problem

    problems = list(check_letter(letter))
    if letter.extra.get(REVIEW_KEY) is not None:
        from .review.integrity import Keyring as _Keyring
        from .review.status import review_problems

        problems += review_problems(letter, keyring or _Keyring())
    problems += typed_initials(letter, keyring)
    if any(output_format(t) == "docx" for t in targets):
        font = docx_font_problem((settings or RenderSettings()).docx_font)
        problems += [font] if font is not None else []
    return sorted(problems, key=lambda p: not p.is_error)


@dataclass
class Outputs:
    """What :func:`make_outputs` made: ``files`` (path → bytes, in the order asked), the
    letter's pages (None when only a DOCX was made) and warnings about them (a character the
    font cannot draw)."""

    files: dict[Path, bytes] = field(default_factory=dict)
    pages: Pages | None = None
    problems: list[Problem] = field(default_factory=list)

    def first(self, fmt: str) -> bytes:
        """The bytes of the first output of format ``fmt`` (``"pdf"`` or ``"docx"``)."""
        return next(data for path, data in self.files.items() if output_format(path) == fmt)


class OutputError(DrafterError):
    """An output that cannot be made (an unknown extension, the same file twice)."""


def make_outputs(
    letter: Letter,
    targets: Iterable[Path | str],
    settings: RenderSettings | None = None,
    keyring: Keyring | None = None,
    *,
    review: bool = False,
    comments: bool = True,
    pages: Pages | None = None,
    profile: LayoutProfile = DEFAULT_PROFILE,
) -> Outputs:
    """Every target's bytes, made in memory — nothing touches the disk, so the caller can
    write them all or none (:func:`write_outputs`).

    A ``.pdf`` is the letter as it prints (``review=True``: the review PDF for a supervisor
    who reviews on paper, each page followed by its open comments); a ``.docx`` is the same
    letter for Word with the open review comments as Word comments and the open suggestions
    as Word tracked changes (``comments=False``: a clean copy without them), laid out with
    the letter's pages (the PDF's page breaks, page numbers and continuation words). Both
    carry the draft inside (:func:`embedded_draft`).
    ``pages`` are the letter's pages when the caller typeset this very version already (the
    window's preview): they are used instead of typesetting again."""
    settings = settings or RenderSettings()
    paths = [Path(t) for t in targets]
    check_targets(paths)
    state = print_state(letter, keyring)
    out = Outputs()
    wants_pdf = any(output_format(p) == "pdf" for p in paths)
    letter_pages = None  # the letter's own pages: the PDF's, and the DOCX's page breaks
    if wants_pdf or any(output_format(p) == "docx" for p in paths):
        letter_pages = pages if pages is not None and not review else typeset_letter(
            letter, settings, profile=profile, state=state)
    if wants_pdf:
        out.pages = letter_pages
        out.problems = glyph_problems(out.pages, settings)
        if review:  # the review document: the letter's pages, each followed by its comments
            from .review.paper import review_pages

            out.pages = review_pages(letter, out.pages, fonts_for(settings), profile)
    embed = embedded_draft(letter)
    for path in paths:
        if output_format(path) == "pdf":
            title = f"ความเห็นของผู้ตรวจ: {letter.subject}" if review else letter.subject
            out.files[path] = _pdf(out.pages, settings, pdf_meta(state.letter, title, out.pages),
                                   embed)
        else:
            out.files[path] = _docx(letter, state, settings, comments, letter_pages, embed)
    return out


def check_targets(paths: Iterable[Path]) -> None:
    """Refuse (:class:`OutputError`) an output of unknown type or one named twice."""
    seen: set[Path] = set()
    for path in paths:
        if output_format(path) is None:
            raise OutputError.of(
                "output-type", f"ไม่รู้จักชนิดไฟล์ผลลัพธ์ {path}: ใช้ .pdf หรือ .docx",
                f"unknown output type {path}: use .pdf or .docx", path=path)
        key = path.resolve()
        if key in seen:
            raise OutputError.of("output-twice", f"ระบุไฟล์ผลลัพธ์ {path} ซ้ำ",
                                 f"the output {path} is given twice", path=path)
        seen.add(key)


def _pdf(pages: Pages, settings: RenderSettings, meta, embed: bytes | None) -> bytes:
    from .render.pdf import render_pdf

    return render_pdf(pages, fonts_for(settings), settings, meta=meta, embed=embed)


def embedded_draft(letter: Letter) -> bytes | None:
    """The draft a PDF (``render.pdf_embed``) and a DOCX (``render.docx_draft``) carry inside:
    the letter as the clerk drafted it — not the printable copy with approvals in its grid —
    without its review record (comments, approvals and keys stay in the office), as
    draft-file bytes; None when the letter would not save as a valid draft."""
    import json

    from .fields import REVIEW_KEY
    from .model.draftio import letter_to_dict

    data = letter_to_dict(letter)
    data.pop(REVIEW_KEY, None)
    try:
        key = json.dumps(data, ensure_ascii=False)
    except (TypeError, ValueError):
        return None
    return _valid_draft_bytes(key)


@lru_cache(maxsize=16)
def _valid_draft_bytes(key: str) -> bytes | None:
    """The saved-file bytes of a draft (validated as a save is), kept for a re-export."""
    import json

    from .model.draftio import dumps_draft, letter_from_dict
    from .problems import DraftError

    try:
        return dumps_draft(letter_from_dict(json.loads(key))).encode("utf-8")
    except DraftError:
        return None


def pdf_meta(letter: Letter, title: str, pages: Pages | None = None):
    """What the PDF says about itself: the title (เรื่อง), the printed number, date and
    addressee as its subject (read off page one), the agency as its author
    (``render.pdf_archive.PdfMeta``)."""
    from .render.pdf_archive import PdfMeta

    parts = []
    if pages is not None and pages.pages:
        for part in ("number.code", "date.month"):
            parts += [line.text.strip() for line in pages.pages[0].items
                      if getattr(line, "source", None) == (part, None) and line.text.strip()]
    if letter.addressee.strip():
        parts.append(f"{letter.salutation} {letter.addressee.strip()}")
    return PdfMeta(title=title, subject=" ".join(parts), author=letter.agency.name.strip())


def _docx(letter: Letter, state: PrintState, settings: RenderSettings,
          with_comments: bool, pages: Pages | None, draft: bytes | None) -> bytes:
    from .render.docx_writer import render_docx
    from .review.docx_export import word_comments
    from .review.docx_tracked import word_changes

    def comments(paragraphs):
        return word_comments(letter, paragraphs)[0]

    def tracked(paragraphs):  # open suggestions as Word tracked changes
        return word_changes(letter, paragraphs)[0]

    return render_docx(compose(state.letter), settings, comments if with_comments else None,
                       pages=pages, draft=draft, tracked=tracked if with_comments else None)


def draft_from_letter(data: bytes, name: str = "") -> Letter:
    """The draft an exported letter carries inside — a PDF's associated file
    (``render.pdf_embed``) or a DOCX's custom XML part (``render.docx_draft``) — read by its
    first bytes, not its name: File → Open and ``dla-drafter extract`` both come here.
    A DOCX edited in Word comes back with its edits (tracked or not) as suggestions on the
    draft (``review.docx_tracked``), by the file's last editor.
    Raises a ``DrafterError`` naming what is wrong (not a letter this program made, no draft
    inside, a hostile file)."""
    head = data[:1024]
    if b"%PDF-" in head:
        from .render.pdf_embed import extract_draft_from_pdf

        return extract_draft_from_pdf(data)
    if head.startswith(b"PK\x03\x04"):
        from .render.docx_draft import extract_draft_from_docx
        from .review.docx_tracked import docx_author, suggestions_from_docx

        letter = extract_draft_from_docx(data)
        suggestions_from_docx(letter, data, docx_author(data) or "Word")
        return letter
    where = f" {name}" if name else ""
    raise OutputError.of(
        "not-a-letter",
        f"ไฟล์{where} ไม่ใช่ PDF หรือ DOCX ของหนังสือที่โปรแกรมนี้สร้าง จึงไม่มีร่างหนังสืออยู่ข้างใน",
        f"{name or 'the file'} is not a PDF or DOCX letter made by this program, so it "
        "carries no draft")


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
    from .fields import format_path

    fonts = fonts_for(settings or RenderSettings())
    missing: dict[str, set[str]] = {}
    for line in pages.lines():
        face = fonts.face(line.bold)
        absent = face.missing_chars(line.text)
        if absent and line.source:
            part, index = line.source
            path = format_path([part] if index is None else [part, index])
            missing.setdefault(path, set()).update(absent)
    return [missing_glyph_problem(path, chars) for path, chars in missing.items()]


def missing_glyph_problem(path: str, chars: Iterable[str]) -> Problem:
    """The warning for characters of field ``path`` the font cannot draw (also used by the
    merge's row check, which looks at a row's values before anything is typeset)."""
    ordered = sorted(set(chars))
    shown = " ".join(ordered)
    codes = ", ".join(f"U+{ord(c):04X}" for c in ordered)
    return problem(
        "missing-glyph",
        f"แบบอักษรไม่มีตัวอักษร {shown} ({codes}) จะพิมพ์เป็นช่องว่าง ควรลบหรือพิมพ์ใหม่",
        f"the font has no glyph for {shown} ({codes}); it would print as an empty box",
        path, "warning")
