"""The letter engine's front door: draft → composition → pages → PDF / DOCX.

The CLI and the GUI call only these functions, so a letter comes out the same from both.
"""

from __future__ import annotations

from pathlib import Path

from .compose import compose
from .compose.blocks import Composition
from .model.letter import Letter
from .render.emblem_meta import emblem_file, image_aspect
from .settings import RenderSettings
from .typeset.fonts import FontSet, load_font_set
from .typeset.layout import typeset
from .typeset.pages import Pages
from .typeset.profile import DEFAULT_PROFILE, LayoutProfile


def fonts_for(settings: RenderSettings) -> FontSet:
    return load_font_set(settings.use_system_th_sarabun, settings.pdf_font_dir)


def emblem_aspect(settings: RenderSettings) -> float:
    """Width/height of the emblem without Qt (typesetting runs in worker threads)."""
    return image_aspect(emblem_file(settings))


def typeset_letter(
    letter: Letter,
    settings: RenderSettings | None = None,
    profile: LayoutProfile = DEFAULT_PROFILE,
) -> Pages:
    """Pages of ``letter``: pure Python, no Qt, safe in a worker thread."""
    settings = settings or RenderSettings()
    return typeset(compose(letter), fonts_for(settings), profile,
                   emblem_aspect=emblem_aspect(settings))


def export_pdf(letter: Letter, path: Path, settings: RenderSettings | None = None,
               profile: LayoutProfile = DEFAULT_PROFILE) -> Pages:
    from .render.pdf import write_pdf

    settings = settings or RenderSettings()
    pages = typeset_letter(letter, settings, profile)
    write_pdf(pages, fonts_for(settings), Path(path), settings, title=letter.subject)
    return pages


def composition_for_docx(letter: Letter) -> Composition:
    return compose(letter)


def export_docx(letter: Letter, path: Path, settings: RenderSettings | None = None) -> None:
    from .render.docx_writer import write_docx

    write_docx(compose(letter), Path(path), settings or RenderSettings())
