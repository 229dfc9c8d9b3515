"""DOCX back end: a Composition written through a Word template an office can restyle.

Why a template (docxtpl: Jinja inside a Word file) instead of building the file in code: the
look of a letter lives in named Word styles inside ``templates/<kind>.docx`` ("DLA Body",
"DLA Label", "DLA Signature" …). An office that wants 6 pt more after a paragraph, another
colour for the urgency mark or a different date position opens the template (or any letter
we produced) in Word, changes the style once, and every part that uses it follows. The
template's body is one Jinja loop over the blocks with paragraph-level tags (``{%p … %}``);
see ``templates/README.md`` for its structure and ``scripts/build_templates.py`` for how it
is generated.

What docxtpl cannot express is filled in after it renders, here, with lxml:

* geometry that depends on the text of *this* letter: the hanging indent under a label's
  value (label width + two spaces), the centre of the signature under the คำลงท้าย, the
  column widths of the heading, contact/QR and initials tables;
* ``<w:cs/>`` on every run holding Thai, as Word marks them, and nothing else on a run: the
  font (all four slots), the sizes (``w:sz`` *and* ``w:szCs``: Thai is a complex script, Word
  takes its face from ``w:cs`` and its size from ``w:szCs``) and boldness come from the
  styles — "DLA Normal" names the font, the other DLA styles change size or weight only — so
  changing "DLA Body" in Word changes every body run. ``w:bidi="th-TH"`` is in the styles,
  never in the template's ``docDefaults`` (WPS Writer then draws ำ wrongly);
* the office's font name (``RenderSettings.docx_font``) in the styles and the font table,
  and the page-number format (Thai or Arabic digits) from the composition.

Then the file gets what a template cannot hold (each in a module of its own): the PDF's
pages as sections with their typed page numbers and continuation words (``docx_pages``),
hyperlinks for URLs and e-mail addresses (``docx_links``), the fonts embedded
(``docx_fonts``) and the draft as a custom XML part (``docx_draft``).

Widths are measured with the same faces the typesetter uses (``typeset.fonts``: an installed
TH Sarabun, else the bundled Sarabun scaled to TH SarabunPSK's size), so the DOCX hangs and
centres its lines where the PDF does. Word does its own Thai line breaking: text is written as
composed, with invisible characters (ZWSP, ZWNJ, ZWJ, soft hyphen, BOM …) removed.
"""

from __future__ import annotations

import copy
import io
import re
import struct
import threading
import zlib
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from functools import lru_cache
from pathlib import Path
from typing import Any

from docx.image.image import Image
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.package import Unmarshaller
from docx.opc.part import PartFactory, XmlPart
from docx.opc.pkgreader import PackageReader
from docx.oxml.ns import qn
from docx.oxml.shape import CT_Inline
from docx.package import Package
from docx.shared import Cm
from docxtpl import DocxTemplate, InlineImage
from jinja2 import Environment
from lxml import etree

from ..compose.blocks import (
    Addressed,
    ComplimentaryClose,
    Composition,
    ContactBlock,
    CopiesTo,
    DateLine,
    Emblem,
    Heading,
    InitialsGrid,
    IssuedOn,
    Labelled,
    LabelledItem,
    MemoHead,
    Paragraph,
    QRBlock,
    RecipientsList,
    Signature,
    StampArea,
    TitleBlock,
    TitleLine,
    TopMarks,
)
from ..paths import templates_dir
from ..settings import DEFAULT_DOCX_FONT, DocxFontError, RenderSettings, docx_font_problem
from ..text.digits import apply_digits
from ..text.graphemes import clusters
from ..text.invisible import XML_ILLEGAL, strip_invisible
from ..typeset.anchors import signature_centre
from ..typeset.fonts import fonts_for
from ..typeset.layout import typeset
from ..typeset.pages import Pages
from ..typeset.profile import DEFAULT_PROFILE, LayoutProfile
from ..typeset.qr import qr_modules
from .docx_comments import (
    LazyTexts,
    WordComment,
    add_comments,
    body_paragraphs,
    paragraph_text,
)
from .docx_tracked import ChangeSource
from .docx_units import cm_to_twips

# --- geometry: one place, named with units ------------------------------------------------
# The DOCX follows the same layout profile as the typeset engine (typeset.layout reads
# DEFAULT_PROFILE too), so both outputs put every part at the same x.
PROFILE: LayoutProfile = DEFAULT_PROFILE

# The agency name/address block's lines start this far right of the left margin. The typeset
# engine uses the same default (LayoutProfile.agency_x_from_margin, 9.5 cm).
AGENCY_BLOCK_X_CM: float = PROFILE.agency_x_from_margin

EMU_PER_CM = 360000
PAGE_WIDTH_TWIPS = 11906  # A4 21.0 cm, as Word writes it
PAGE_HEIGHT_TWIPS = 16838  # A4 29.7 cm
BODY_SIZE_PT: float = PROFILE.font_size_pt  # 16 pt [S]
SMALL_SIZE_PT: float = PROFILE.font_size_pt - 2  # QR caption/URL, initials (as typeset)
EMBLEM_DPI = 600  # the ครุฑ's PNG resolution: crisp at print size, ≈ 709 px tall
QR_PIXELS_PER_MODULE = 10  # Word smooths scaled images; whole pixels keep module edges sharp
QR_QUIET_MODULES = 2  # inside the 2.2 cm image; nothing is printed beside the code anyway
# The secrecy mark's line at the top of every page has this exact height; when a letter is
# secret the header starts that much higher, so the ครุฑ still starts 1.5 cm from the top
# (the mark's baseline lands ≈ 1.05 cm from the top, as typeset draws it).
SECRECY_LINE_CM = 1.15  # ≈ Word's single line for TH SarabunPSK at 20 pt (20 × 1.627 pt)
SECRECY_LINE_TWENTIETHS = round(SECRECY_LINE_CM / 2.54 * 72 * 20)
TOP_MARKS_MIDDLE_CM = 5.0  # the ครุฑ's column in page one's header table (room for wide emblems)
FOOTER_DISTANCE_CM = 0.35  # bottom secrecy mark's baseline ≈ 0.75 cm above the paper's edge
QR_COLUMN_GAP_CM = 0.5  # between the contact lines and the QR column (typeset's clearance)
INITIALS_ROLE_GAP_CM = 0.2  # between a role and its dotted line (as typeset)
INITIALS_LINE_CM = 3.0  # length of the dotted line for initials (as typeset)
AGENCY_NUMBER_GAP_CM = 0.3  # the ที่ column ends this far before the agency block (as typeset)

DOTTED_LEADER_TAB = "dot"

# Word and python-docx limit a core property (the document's title) to 255 characters.
CORE_PROPERTY_MAX_CHARS = 255

# --- style ids (scripts/build_templates.py defines the styles; names are "DLA Body" …) -----
S_NORMAL = "DLANormal"
S_EMBLEM = "DLAEmblem"
S_URGENCY_LINE = "DLAUrgencyLine"
S_URGENCY = "DLAUrgency"  # character style
S_HEADER_END = "DLAHeaderEnd"
S_TABLE_GAP = "DLATableGap"
S_FILE_COPY = "DLAFileCopy"
S_SECRECY = "DLASecrecy"
S_PAGE_NUMBER = "DLAPageNumber"
S_NUMBER = "DLANumber"
S_AGENCY = "DLAAgency"
S_DATE = "DLADate"
S_LABEL = "DLALabel"
S_LABEL_ITEM = "DLALabelItem"
S_BODY = "DLABody"
S_CLOSING = "DLAClosing"
S_CLOSE = "DLAClose"
S_SIGNATURE = "DLASignature"
S_CONTACT = "DLAContact"
S_QR_CAPTION = "DLAQRCaption"
S_QR_IMAGE = "DLAQRImage"
S_QR_URL = "DLAQRURL"
S_COPIES_TO = "DLACopiesTo"
S_COPIES_TO_ITEM = "DLACopiesToItem"
S_INITIALS = "DLAInitials"
S_LIST_TITLE = "DLAListTitle"
S_LIST_ITEM = "DLAListItem"
S_BODY_CONTINUED = "DLABodyContinued"  # a body paragraph's part on the next page
S_CONTINUATION = "DLAContinuation"  # the next page's first word, in the footer
S_SECTION_BREAK = "DLASectionBreak"  # a one-point paragraph carrying a page's section break
S_HYPERLINK = "Hyperlink"  # Word's own name for the links' character style
# the other kinds of letter
S_MEMO_EMBLEM = "DLAMemoEmblem"
S_MEMO_TITLE = "DLAMemoTitle"
S_MEMO_LABEL = "DLAMemoLabel"  # character style: ส่วนราชการ / ที่ / วันที่ / เรื่อง
S_MEMO_HEAD = "DLAMemoHead"  # ส่วนราชการ and เรื่อง rows
S_MEMO_NUMBER = "DLAMemoNumber"  # the ที่ + วันที่ row
S_MEMO_URGENCY_LINE = "DLAMemoUrgencyLine"
S_STAMP_AGENCY = "DLAStampAgency"
S_STAMP_NOTE = "DLAStampNote"
S_STAMP_DATE = "DLAStampDate"
S_TITLE = "DLATitle"
S_TITLE_LINE = "DLATitleLine"
S_TITLE_RULE = "DLATitleRule"
S_ISSUED = "DLAIssued"

# Table captions (w:tblCaption, Word's alt-text title) name the template's tables.
T_TOP_MARKS = "DLA Top Marks"
T_HEADING = "DLA Heading"
T_CONTACT = "DLA Contact and QR"
T_INITIALS = "DLA Initials"
T_MEMO_TOP = "DLA Memo Top"

HANGING_STYLES = (S_LABEL, S_LABEL_ITEM, S_COPIES_TO, S_COPIES_TO_ITEM, S_MEMO_HEAD)
# paragraphs centred about a per-letter x by symmetric indents (the signature's centre)
CENTRED_STYLES = (S_SIGNATURE, S_STAMP_AGENCY, S_STAMP_NOTE, S_STAMP_DATE)
# paragraphs with per-letter tab stops (room for a blank day after a measured label)
TAB_STYLES = (S_MEMO_NUMBER, S_ISSUED)
MEMO_LABEL_SIZE_PT: float = PROFILE.memo_label_size_pt
MEMO_TITLE_SIZE_PT: float = PROFILE.memo_title_size_pt
EMBLEM_ALT_TEXT = "ตราครุฑ"


def _schema_order(names: str) -> dict[str, int]:
    return {qn(f"w:{name}"): rank for rank, name in enumerate(names.split())}


# Child order of w:rPr and w:pPr in the schema: Word rejects files whose children are out of
# order, so elements added here are inserted at their place.
_RPR_ORDER = _schema_order(
    "rStyle rFonts b bCs i iCs caps smallCaps strike dstrike outline shadow emboss imprint "
    "noProof snapToGrid vanish webHidden color spacing w kern position sz szCs highlight u "
    "effect bdr shd fitText vertAlign rtl cs em lang eastAsianLayout specVanish oMath"
)
_PPR_ORDER = _schema_order(
    "pStyle keepNext keepLines pageBreakBefore framePr widowControl numPr suppressLineNumbers "
    "pBdr shd tabs suppressAutoHyphens kinsoku wordWrap overflowPunct topLinePunct autoSpaceDE "
    "autoSpaceDN bidi adjustRightInd snapToGrid spacing ind contextualSpacing mirrorIndents "
    "suppressOverlap jc textDirection textAlignment textboxTightWrap outlineLvl divId "
    "cnfStyle rPr sectPr pPrChange"
)
_TCPR_ORDER = _schema_order(
    "cnfStyle tcW gridSpan hMerge vMerge tcBorders shd noWrap tcMar textDirection tcFitText "
    "vAlign hideMark"
)

W_R, W_T, W_P, W_PPR, W_RPR = qn("w:r"), qn("w:t"), qn("w:p"), qn("w:pPr"), qn("w:rPr")
W_VAL, W_BIDI, W_RSTYLE = qn("w:val"), qn("w:bidi"), qn("w:rStyle")
W_RFONTS, W_SZ, W_SZCS = qn("w:rFonts"), qn("w:sz"), qn("w:szCs")
W_B, W_BCS, W_LANG = qn("w:b"), qn("w:bCs"), qn("w:lang")
W_CS = qn("w:cs")
_THAI = re.compile("[\u0e00-\u0e7f]")


def clean_text(text: str) -> str:
    """The text as Word should store it: invisible characters and control codes removed
    (ZWSP and friends would make Word break Thai lines in odd places and foil searching)."""
    return XML_ILLEGAL.sub("", strip_invisible(text))


# --- measuring ----------------------------------------------------------------------------

def text_width_cm(text: str, settings: RenderSettings, size_pt: float = BODY_SIZE_PT,
                  bold: bool = False) -> float:
    """Natural width of ``text`` as the typesetter measures it (TH Sarabun if installed, else
    Sarabun scaled to TH SarabunPSK's size — the widths Word gets with the office's font)."""
    fonts = fonts_for(settings)
    return fonts.face(bold).measure_cm(text, size_pt)


# --- images -------------------------------------------------------------------------------

_emblem_lock = threading.Lock()
_emblem_cache: dict[tuple[str, float, int], bytes] = {}


def _emblem_png(settings: RenderSettings) -> bytes:
    """PNG of the ครุฑ at print resolution, encoded once per emblem file version."""
    from .emblem import emblem_png
    from .emblem_meta import emblem_file

    path = emblem_file(settings)
    try:
        mtime = Path(path).stat().st_mtime
    except OSError:
        mtime = -1.0  # emblem_png raises the clear "file not found" error
    height_px = round(PROFILE.emblem_height / 2.54 * EMBLEM_DPI)
    key = (str(path), mtime, height_px)
    with _emblem_lock:
        data = _emblem_cache.get(key)
        if data is None:
            data = emblem_png(settings, height_px)
            _emblem_cache.clear()
            _emblem_cache[key] = data
        return data


def _png_chunk(kind: bytes, data: bytes) -> bytes:
    return (struct.pack(">I", len(data)) + kind + data
            + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF))


def qr_matrix(url: str) -> tuple[tuple[bool, ...], ...]:
    """Dark modules of the QR code for ``url`` (the layout's code, quiet zone included)."""
    return qr_modules(url, QR_QUIET_MODULES)


@lru_cache(maxsize=32)
def qr_png(url: str) -> bytes:
    """A 1-bit PNG of the QR code, drawn module by module (no imaging library needed)."""
    matrix = qr_matrix(url)
    scale = QR_PIXELS_PER_MODULE
    size = len(matrix) * scale
    raw = bytearray()
    for row in matrix:
        bits = "".join(("0" if dark else "1") * scale for dark in row)  # 0 = black
        bits += "1" * (-len(bits) % 8)
        line = b"\x00" + int(bits, 2).to_bytes(len(bits) // 8, "big")
        raw += line * scale
    ihdr = struct.pack(">IIBBBBB", size, size, 1, 0, 0, 0, 0)
    return (b"\x89PNG\r\n\x1a\n" + _png_chunk(b"IHDR", ihdr)
            + _png_chunk(b"IDAT", zlib.compress(bytes(raw), 9)) + _png_chunk(b"IEND", b""))


@lru_cache(maxsize=8)  # bounded: the emblem or two and the recent QR codes
def _docx_image(data: bytes) -> Image:
    """python-docx's ``Image`` of an image's bytes (its header read), made once per image;
    it is read-only, so letters share it. python-docx would read it anew for every letter
    and take the SHA-1 of it and of every image already in the package (~80 KB for the
    ครุฑ) to find a duplicate; :class:`_Picture` compares the bytes instead."""
    return Image.from_blob(data)


class _Picture(InlineImage):
    """docxtpl's inline image, given the image's bytes, put in with a shared
    :func:`_docx_image`: what ``StoryPart.new_pic_inline`` does, without reading the
    image and hashing it again for every letter. An image already in the package (the
    same bytes) is related again rather than stored twice, as python-docx does."""

    def __init__(self, tpl: DocxTemplate, data: bytes, width: Any = None,
                 height: Any = None) -> None:
        super().__init__(tpl, None, width, height)
        self.data = data

    def _insert_image(self) -> str:
        part = self.tpl.current_rendering_part
        image = _docx_image(self.data)
        images = part.package.image_parts
        image_part = next((p for p in images if p.blob == image.blob), None)
        if image_part is None:
            image_part = images._add_image_part(image)
        rid = part.relate_to(image_part, RT.IMAGE)
        cx, cy = image.scaled_dimensions(self.width, self.height)
        inline = CT_Inline.new_pic_inline(part.next_id, rid, image.filename, cx, cy)
        return (f"</w:t></w:r><w:r><w:drawing>{inline.xml}</w:drawing></w:r><w:r>"
                '<w:t xml:space="preserve">')


# --- the template -------------------------------------------------------------------------

def template_path(kind: str) -> Path:
    """``templates/<kind>.docx``; kinds without a template of their own use the external
    letter's, whose body has a branch for every block (a memo's page one differs in the
    header, so it has ``memo.docx``)."""
    folder = templates_dir()
    own = folder / f"{kind}.docx"
    return own if own.is_file() else folder / "external.docx"


@dataclass(frozen=True)
class _TemplateParts:
    """A template file read and parsed once (per version): what every letter starts from.

    Unzipping the template, reading its relationships and parsing its XML parts was a
    third of a letter's DOCX time, the same work for every letter. ``reader`` keeps the
    parts' bytes and relationships; ``xml`` each XML part's class and parsed element, which
    is never handed out, only copied (a deep copy is twice as fast as parsing), so no letter
    can change another's; ``body_source`` the body as docxtpl renders it (serialised and
    patched): the document part itself starts as a copy of its root with an empty body,
    because rendering replaces the body whole."""

    reader: PackageReader
    xml: dict[str, tuple[type, etree._Element]]
    body_source: str


@lru_cache(maxsize=8)  # bounded: one per template file (a kind or two) and its version
def _template_parts(path: str, mtime: float) -> _TemplateParts:
    reader = PackageReader.from_file(io.BytesIO(Path(path).read_bytes()))
    package = Package()
    Unmarshaller.unmarshal(reader, package, PartFactory)
    xml = {str(part.partname): (type(part), part._element) for part in package.iter_parts()
           if isinstance(part, XmlPart)}
    main = package.main_document_part
    tpl = _Template(path)
    body_source = tpl.patch_xml(tpl.xml_to_string(main.element.body))
    shell = copy.deepcopy(main.element)
    for child in list(shell.body):
        shell.body.remove(child)
    xml[str(main.partname)] = (type(main), shell)
    return _TemplateParts(reader, xml, body_source)


def _open_template(path: Path) -> _Template:
    """The template at ``path`` with a fresh python-docx ``Document``: what
    ``DocxTemplate(path)`` opens, its parts made anew from :func:`_template_parts`."""
    parts = _template_parts(str(path), path.stat().st_mtime)

    def part_of(partname: Any, content_type: str, reltype: str, blob: bytes,
                package: Any) -> Any:
        known = parts.xml.get(partname)
        if known is None:
            return PartFactory(partname, content_type, reltype, blob, package)
        part_class, element = known
        return part_class(partname, content_type, copy.deepcopy(element), package)

    package = Package()
    Unmarshaller.unmarshal(parts.reader, package, part_of)
    tpl = _Template(path)
    tpl.docx = package.main_document_part.document  # docxtpl's init_docx keeps it
    tpl.body_source = parts.body_source
    return tpl


class _CachingEnvironment(Environment):
    """Jinja environment that compiles each template source once: docxtpl compiles the body
    and every header on each render, which would be most of a one-page letter's time."""

    def __init__(self) -> None:
        super().__init__(autoescape=True)
        self._compiled: dict[str, Any] = {}
        self._lock = threading.Lock()

    def from_string(self, source, globals=None, template_class=None):  # noqa: A002
        if globals or template_class or not isinstance(source, str):
            return super().from_string(source, globals, template_class)
        with self._lock:
            hit = self._compiled.get(source)
            if hit is None:
                if len(self._compiled) > 64:
                    self._compiled.clear()
                hit = self._compiled[source] = super().from_string(source)
            return hit


_JINJA = _CachingEnvironment()
_patch_cache: dict[str, str] = {}
_patch_lock = threading.Lock()
#: bounded caches of what is the same for every letter of a template: a header's source
#: (its part's bytes → XML text) and each part's compiled Jinja template (patched source →
#: template); a template has five parts, so a few templates' versions fit
_SOURCE_CACHE_ENTRIES = 64
_source_cache: dict[bytes, str] = {}
_compiled_cache: dict[tuple[Environment, str], Any] = {}
#: a text (``w:t``) holding what docxtpl's ``resolve_listing`` turns into Word markup (tab,
#: bell, newline, form feed; a text holds no ``<``), and a paragraph as that function finds it
_LISTING_TEXT = re.compile(r"<w:t(?: [^>]*)?>[^<]*[\t\a\n\f]")
_PARAGRAPH = re.compile(r"<w:p(?: [^>]*)?>.*?</w:p>", re.DOTALL)
_FOOTNOTES_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml"


def _memo(cache: dict, key: Any, make: Callable[[], Any]) -> Any:
    """``cache[key]``, made by ``make`` on a miss; the cache is emptied when it is full, so
    it stays bounded (the keys are a handful of template sources, not per-letter text)."""
    with _patch_lock:
        hit = cache.get(key)
    if hit is None:
        hit = make()
        with _patch_lock:
            if len(cache) >= _SOURCE_CACHE_ENTRIES:
                cache.clear()
            cache[key] = hit
    return hit


class _Template(DocxTemplate):
    """docxtpl's template with the work that is the same for every letter done once per
    template source: its XML clean-up (a dozen regexes), the header and footer sources and
    the compiled Jinja templates; and the steps whose result is always the same here
    skipped (document properties without a tag, footnotes a template does not have, the
    listing markup of a text without a tab or line break). Each letter still renders its
    own context into its own copy of the parts."""

    body_source: str | None = None  # the template's body, patched (see _TemplateParts)

    def build_xml(self, context: dict[str, Any], jinja_env: Environment | None = None) -> str:
        """The body rendered from the template's patched body source, kept per template
        version (this document's own body is an empty copy, replaced by the result)."""
        if self.body_source is None:
            return super().build_xml(context, jinja_env)
        return self.render_xml_part(self.body_source, self.docx._part, context, jinja_env)

    def patch_xml(self, src_xml: str) -> str:
        return _memo(_patch_cache, src_xml, lambda: super(_Template, self).patch_xml(src_xml))

    def get_part_xml(self, part: Any) -> str:
        return _memo(_source_cache, part.blob,
                     lambda: super(_Template, self).get_part_xml(part))

    def render_xml_part(self, src_xml: str, part: Any, context: dict[str, Any],
                        jinja_env: Environment | None = None) -> str:
        """docxtpl's ``render_xml_part``, its template compiled once per source and its
        string work done with ``str.replace`` (the same replacements, as literal text)."""
        env = jinja_env or _JINJA
        template = _memo(_compiled_cache, (env, src_xml), lambda: env.from_string(
            src_xml.replace("<w:p>", "\n<w:p>").replace("<w:p ", "\n<w:p ")))
        self.current_rendering_part = part
        dst_xml = template.render(context)
        dst_xml = (dst_xml.replace("\n<w:p>", "<w:p>").replace("\n<w:p ", "<w:p ")
                   .replace("{_{", "{{").replace("}_}", "}}")
                   .replace("{_%", "{%").replace("%_}", "%}"))
        return self.resolve_listing(dst_xml)

    def resolve_listing(self, xml: str) -> str:
        """docxtpl's ``resolve_listing`` (a tab, line or page break in a text becomes Word
        markup), applied only to the paragraphs that have one in a text: the others come
        out of it unchanged, and its nested regexes over every paragraph cost more than
        the rest of rendering a header."""
        if not _LISTING_TEXT.search(xml):
            return xml
        resolve = super().resolve_listing
        return _PARAGRAPH.sub(
            lambda m: resolve(m.group(0)) if _LISTING_TEXT.search(m.group(0)) else m.group(0),
            xml)

    def render_properties(self, context: dict[str, Any],
                          jinja_env: Environment | None = None) -> None:
        """docxtpl's ``render_properties``: a property without a Jinja tag (ours hold none;
        the title is set after rendering) is set to itself, which is what rendering it
        gives, without compiling it (a line break goes through Jinja, which rewrites it)."""
        props = self.docx.core_properties
        env = jinja_env or _JINJA
        for name in ("author", "comments", "identifier", "language", "subject", "title"):
            initial = getattr(props, name)
            if "{" in initial or "\n" in initial or "\r" in initial:
                setattr(props, name, env.from_string(initial).render(context))
            else:
                setattr(props, name, initial)

    def render_footnotes(self, context: dict[str, Any],
                         jinja_env: Environment | None = None) -> None:
        if any(part.content_type == _FOOTNOTES_TYPE for part in self.docx.part.package.parts):
            super().render_footnotes(context, jinja_env)


# --- view model: the blocks as the template reads them -----------------------------------

@dataclass
class _Plan:
    """Per-letter geometry applied after docxtpl renders, in document order."""

    hanging: list[tuple[int, int]] = field(default_factory=list)  # (left, hanging) twips
    signature: list[tuple[int, int]] = field(default_factory=list)  # (left, right) twips
    tables: dict[str, list[list[int]]] = field(default_factory=dict)  # caption → col widths
    tabs: list[list[int]] = field(default_factory=list)  # extra left tab stops, twips


def _columns(plan: _Plan, caption: str, widths_cm: Iterable[float]) -> None:
    """Queue a table's column widths; the last column takes the rounding so that columns
    summing to the text width in cm sum to it exactly in twips too."""
    widths = list(widths_cm)
    twips = [cm_to_twips(w) for w in widths[:-1]]
    twips.append(cm_to_twips(sum(widths)) - sum(twips))
    plan.tables.setdefault(caption, []).append(twips)


def _context(composition: Composition, tpl: DocxTemplate, settings: RenderSettings,
             ) -> tuple[dict[str, Any], _Plan]:
    p = PROFILE
    plan = _Plan()
    gap = p.label_gap
    text_width = p.text_width

    def width(text: str, size: float = BODY_SIZE_PT, bold: bool = False) -> float:
        return text_width_cm(text, settings, size, bold)

    ctx: dict[str, Any] = {
        "blocks": [], "emblem": "", "urgency": "", "file_copy_note": "", "memo_title": "",
        "secrecy": clean_text(composition.secrecy or ""),
    }
    blocks: list[dict[str, Any]] = ctx["blocks"]
    # the typesetter's rule: under the คำลงท้าย or ``สั่ง ณ วันที่``, else the default close's
    close_centre = signature_centre(composition.blocks, lambda t: width(clean_text(t)), p)

    def centred(count: int) -> None:
        """Queue the indents that centre ``count`` paragraphs about the close's centre."""
        half = max(min(close_centre, text_width - close_centre), 0.5)
        left = max(close_centre - half, 0.0)
        right = max(text_width - close_centre - half, 0.0)
        plan.signature.extend([(cm_to_twips(left), cm_to_twips(right))] * count)

    def room(width_cm: float) -> str:
        """Spaces about ``width_cm`` wide: room in a centred line, where a tab cannot go."""
        return " " * max(round(width_cm / width(" ")), 1)

    def labelled(label: str, items: tuple[LabelledItem, ...]) -> dict[str, Any]:
        value_x = width(label + gap)
        entries = []
        for index, item in enumerate(items):
            number = f"{clean_text(item.number)} " if item.number else ""
            text_x = value_x + (width(number) if number else 0.0)
            lead = f"{clean_text(label)}{gap}" if index == 0 else ""
            entries.append({"text": f"{lead}{number}{clean_text(item.text)}",
                            "amount": clean_text(item.amount or "")})
            # continuation lines hang under the item's text (after its number), as typeset
            plan.hanging.append((cm_to_twips(text_x),
                                 cm_to_twips(text_x if index == 0 else text_x - value_x)))
        return {"kind": "labelled", "entries": entries}

    for block in composition.blocks:
        if isinstance(block, Emblem):
            png = _emblem_png(settings)
            ctx["emblem"] = _Picture(tpl, png, height=Cm(p.emblem_height))
            # the ครุฑ's column widens for an office's wide emblem image; still centred
            w_px, h_px = struct.unpack(">II", png[16:24])
            middle = min(max(TOP_MARKS_MIDDLE_CM, p.emblem_height * w_px / h_px + 0.2),
                         text_width)
            side = cm_to_twips((text_width - middle) / 2)
            plan.tables.setdefault(T_TOP_MARKS, []).append(
                [side, cm_to_twips(text_width) - 2 * side, side])
        elif isinstance(block, TopMarks):
            ctx["urgency"] = clean_text(block.urgency or "")
            ctx["file_copy_note"] = clean_text(block.file_copy_note or "")
        elif isinstance(block, Heading):
            number_col = AGENCY_BLOCK_X_CM
            _columns(plan, T_HEADING, (number_col, text_width - number_col))
            lines = [clean_text(x) for x in block.agency_lines] or [""]
            blocks.append({"kind": "heading", "number": clean_text(block.number),
                           "agency_lines": lines})
        elif isinstance(block, DateLine):
            # A blank day is a tab to the date x + the blank's width: the month lands where the
            # PDF puts it, and the clerk can write the day in before the tab.
            text = block.text if block.day else "\t" + block.month_year
            blocks.append({"kind": "date", "text": clean_text(text)})
        elif isinstance(block, Labelled):
            blocks.append(labelled(block.label, block.items))
        elif isinstance(block, Addressed):  # ถึง: laid out as a labelled part
            blocks.append(labelled(block.label, (LabelledItem(block.text),)))
        elif isinstance(block, MemoHead):
            ctx["emblem"] = _Picture(tpl, _emblem_png(settings),
                                     height=Cm(p.memo_emblem_height))
            ctx["memo_title"] = clean_text(block.title)
            rows = {}
            for name, row in (("agency", block.agency), ("number", block.number),
                              ("date", block.date), ("subject", block.subject)):
                value_x = width(row.label, MEMO_LABEL_SIZE_PT, True) + width(gap)
                text = clean_text(row.text)
                if name == "date":  # the ที่ + วันที่ row: room for a blank day
                    stops = []
                    if row.leave_room:  # a dotted tab to where the typeset value starts
                        stops.append(cm_to_twips(p.memo_date_label_x_from_margin + value_x
                                                 + p.blank_day_width))
                        text = "\t" + text
                    plan.tabs.append(stops)
                rows[name] = {"label": clean_text(row.label), "value": gap + text}
                if name in ("agency", "subject"):  # continuation lines hang under the value
                    plan.hanging.append((cm_to_twips(value_x), cm_to_twips(value_x)))
            blocks.append({"kind": "memo_head", **rows})
        elif isinstance(block, Paragraph):
            blocks.append({"kind": "paragraph", "closing": block.part == "closing",
                           "text": clean_text(block.text)})
        elif isinstance(block, ComplimentaryClose):
            blocks.append({"kind": "close", "text": clean_text(block.text)})
        elif isinstance(block, IssuedOn):
            prefix = clean_text(block.prefix)
            if block.day is None:  # room for the day: a tab to where typeset puts the month
                lead = width(prefix + " ")
                plan.tabs.append([cm_to_twips(p.date_x_from_margin + lead + p.blank_day_width)])
                text = f"{prefix} \t{clean_text(block.month_year)}"
            else:
                plan.tabs.append([])
                text = clean_text(block.text)
            blocks.append({"kind": "issued", "text": text})
        elif isinstance(block, Signature):
            lines = [""] * p.signature_gap_lines(block.e_saraban)
            lines.append(clean_text(block.name_line))
            lines += [clean_text(x) for x in block.positions]
            # centred under the คำลงท้าย: a centred paragraph whose indents are symmetric
            # about the close's centre (the ระเบียบ's "กึ่งกลางคำลงท้าย")
            centred(len(lines))
            blocks.append({"kind": "signature", "lines": lines})
        elif isinstance(block, StampArea):
            date = block.date
            date_text = clean_text(date.text) if date.day else (
                room(p.blank_day_width) + clean_text(date.month_year))
            centred(3)
            blocks.append({"kind": "stamp", "agency": clean_text(block.agency),
                           "note": clean_text(block.note), "date": date_text})
        elif isinstance(block, TitleBlock):
            blocks.append({"kind": "title", "rule": clean_text(block.rule),
                           "lines": [_title_line(line, room) for line in block.lines]})
        elif isinstance(block, ContactBlock):
            blocks.append({"kind": "contact", "lines": [clean_text(x) for x in block.lines],
                           "qr": None})
        elif isinstance(block, QRBlock):
            qr = {"caption": clean_text(block.caption), "url": clean_text(block.url),
                  "image": _Picture(tpl, qr_png(block.url),
                                    width=Cm(p.qr_size), height=Cm(p.qr_size))}
            if blocks and blocks[-1]["kind"] == "contact" and blocks[-1]["qr"] is None:
                blocks[-1]["qr"] = qr  # a column at the right of the contact lines
            else:
                blocks.append({"kind": "contact", "lines": [""], "qr": qr})
        elif isinstance(block, CopiesTo):
            value_x = cm_to_twips(width(block.label + gap))
            lines = [clean_text(x) for x in block.lines] or [""]
            lines[0] = f"{clean_text(block.label)}{gap}{lines[0]}"
            plan.hanging.append((value_x, value_x))
            plan.hanging.extend([(value_x, 0)] * (len(lines) - 1))
            blocks.append({"kind": "copies", "lines": lines})
        elif isinstance(block, InitialsGrid):
            rows = [{"role": clean_text(r), "name": clean_text(n)} for r, n in block.rows]
            role_w = max((width(r["role"], SMALL_SIZE_PT) for r in rows), default=1.0)
            _columns(plan, T_INITIALS, (role_w + INITIALS_ROLE_GAP_CM, INITIALS_LINE_CM))
            blocks.append({"kind": "initials", "rows": rows})
        elif isinstance(block, RecipientsList):
            blocks.append({"kind": "recipients", "title": clean_text(block.title),
                           "names": [clean_text(x) for x in block.names]})
    for b in blocks:
        if b["kind"] == "contact":
            qr_w = 0.0
            if b["qr"] is not None:
                qr_w = max(p.qr_size, width(b["qr"]["caption"], SMALL_SIZE_PT),
                           width(b["qr"]["url"], SMALL_SIZE_PT)) + QR_COLUMN_GAP_CM
            _columns(plan, T_CONTACT, (text_width - qr_w, qr_w) if qr_w else (text_width, 0))
            b["lines"] = b["lines"] or [""]
    return ctx, plan


def _title_line(line: TitleLine, room: Any) -> dict[str, Any]:
    """A centred title line; the room for a blank serial is spaces (a centred line has no
    tab stops to speak of)."""
    text = clean_text(line.text)
    if line.room_at is not None:
        left, right = clean_text(line.text[:line.room_at]), clean_text(line.text[line.room_at:])
        text = left + room(PROFILE.blank_serial_width) + right
    return {"text": text, "bold": line.bold}


# --- after rendering ----------------------------------------------------------------------

def _child(parent: etree._Element, tag: str, order: dict[str, int]) -> etree._Element:
    """The ``tag`` child of ``parent``, created at its schema position when missing."""
    found = parent.find(tag)
    if found is not None:
        return found
    element = parent.makeelement(tag, {})
    rank = order.get(tag, len(order))
    for index, sibling in enumerate(parent):
        if order.get(sibling.tag, -1) > rank:
            parent.insert(index, element)
            return element
    parent.append(element)
    return element


def _style_of(paragraph: etree._Element) -> str | None:
    ppr = paragraph.find(W_PPR)
    if ppr is None:
        return None
    style = ppr.find(qn("w:pStyle"))
    return style.get(W_VAL) if style is not None else None


def _first_child(parent: etree._Element, tag: str) -> etree._Element:
    """``w:pPr`` of a paragraph, ``w:tcPr`` of a cell: found, or created as the first child."""
    found = parent.find(tag)
    if found is None:
        found = parent.makeelement(tag, {})
        parent.insert(0, found)
    return found


def _apply_plan(body: etree._Element, plan: _Plan) -> None:
    """The per-letter indents, in document order (see ``_Plan``)."""
    hanging = iter(plan.hanging)
    signature = iter(plan.signature)
    tabs = iter(plan.tabs)
    for paragraph in body.iter(W_P):
        style = _style_of(paragraph)
        if style in HANGING_STYLES:
            left, hang = next(hanging)
            ind = _child(_first_child(paragraph, W_PPR), qn("w:ind"), _PPR_ORDER)
            ind.set(qn("w:left"), str(left))
            if hang:
                ind.set(qn("w:hanging"), str(hang))
        elif style in CENTRED_STYLES:
            left, right = next(signature)
            ind = _child(_first_child(paragraph, W_PPR), qn("w:ind"), _PPR_ORDER)
            ind.set(qn("w:left"), str(left))
            ind.set(qn("w:right"), str(right))
        if style in TAB_STYLES:
            stops = next(tabs, [])
            if stops:  # added to the style's stops; dotted, so the blank shows as a line
                holder = _child(_first_child(paragraph, W_PPR), qn("w:tabs"), _PPR_ORDER)
                for pos in stops:
                    etree.SubElement(holder, qn("w:tab"), {
                        qn("w:val"): "left", qn("w:pos"): str(pos),
                        qn("w:leader"): DOTTED_LEADER_TAB})
    # Word merges tables that touch into one, and wants a paragraph after a table that ends
    # the body: a small gap paragraph goes after any table not followed by a paragraph.
    for table in body.findall(qn("w:tbl")):
        after = table.getnext()
        if after is None or after.tag != W_P:
            gap = body.makeelement(W_P, {})
            etree.SubElement(etree.SubElement(gap, W_PPR), qn("w:pStyle")).set(W_VAL, S_TABLE_GAP)
            table.addnext(gap)


def _apply_tables(root: etree._Element, tables: dict[str, Iterator[list[int]]]) -> None:
    """Column widths of the captioned tables of ``root`` (grid, every cell, the total)."""
    for table in root.iter(qn("w:tbl")):
        caption = table.find(f"{qn('w:tblPr')}/{qn('w:tblCaption')}")
        if caption is None or caption.get(W_VAL) not in tables:
            continue
        widths = next(tables[caption.get(W_VAL)], None)
        if widths is None:
            continue
        for col, width in zip(table.find(qn("w:tblGrid")), widths, strict=False):
            col.set(qn("w:w"), str(width))
        for row in table.iter(qn("w:tr")):
            for cell, width in zip(row.findall(qn("w:tc")), widths, strict=False):
                tcw = _child(_first_child(cell, qn("w:tcPr")), qn("w:tcW"), _TCPR_ORDER)
                tcw.set(qn("w:w"), str(width))
                tcw.set(qn("w:type"), "dxa")
        total = table.find(f"{qn('w:tblPr')}/{qn('w:tblW')}")
        if total is not None:
            total.set(qn("w:w"), str(sum(widths)))
            total.set(qn("w:type"), "dxa")


def _is_empty_run(run: etree._Element) -> bool:
    children = [c for c in run if c.tag != W_RPR]
    return bool(children) and all(c.tag == W_T and not c.text for c in children)


def _normalise(root: etree._Element) -> None:
    """Mark every run holding Thai ``<w:cs/>`` (complex script), as Word marks them, and drop
    the empty runs docxtpl leaves behind. Nothing else goes on a run: the font, the size and
    boldness come from the paragraph's style (and a character style), so an office that
    changes "DLA Body" in Word changes every body run (see the module doc)."""
    for paragraph in list(root.iter(W_P)):
        for run in list(paragraph.iter(W_R)):
            if _is_empty_run(run):
                run.getparent().remove(run)
                continue
            if _holds_thai(run):
                rpr = run.find(W_RPR)
                if rpr is None:
                    rpr = run.makeelement(W_RPR, {})
                    run.insert(0, rpr)
                _child(rpr, W_CS, _RPR_ORDER)


def _holds_thai(run: etree._Element) -> bool:
    """Whether a run's text has a Thai character: Word marks such runs ``<w:cs/>`` (complex
    script) so that every reader, not only Word's own script detection, uses the ``w:cs``
    font and ``w:szCs`` size for them; Thai DOCX checkers flag Thai runs without it."""
    return any(t.text and _THAI.search(t.text) for t in run.iter(W_T))


_FONT_SLOTS = tuple(qn(f"w:{a}") for a in ("ascii", "hAnsi", "cs", "eastAsia"))
_THEME_SLOTS = tuple(qn(f"w:{a}") for a in
                     ("asciiTheme", "hAnsiTheme", "cstheme", "eastAsiaTheme", "hint"))


def _set_fonts(rfonts: etree._Element, font: str) -> None:
    """All four font slots: Word picks ``w:cs`` for Thai, ``w:ascii``/``w:hAnsi`` for Latin."""
    for attr in _THEME_SLOTS:
        rfonts.attrib.pop(attr, None)
    for attr in _FONT_SLOTS:
        rfonts.set(attr, font)


def _section(body: etree._Element, composition: Composition) -> None:
    """Page-number digits (w:pgNumType, read by the PAGE field) and, for a secret letter, the
    header distance shortened by the secrecy line so the ครุฑ stays 1.5 cm from the top."""
    thai = composition.digits == "thai"
    for sect in body.iter(qn("w:sectPr")):
        for fmt in sect.iter(qn("w:pgNumType")):
            fmt.set(qn("w:fmt"), "thaiNumbers" if thai else "decimal")
        margins = sect.find(qn("w:pgMar"))
        if margins is not None and composition.secrecy:
            header = cm_to_twips(PROFILE.emblem_top) - SECRECY_LINE_TWENTIETHS
            margins.set(qn("w:header"), str(max(header, 0)))


def _field_results(root: etree._Element, digits: str) -> None:
    """The PAGE field's cached result (shown until Word updates it) in the letter's digits."""
    state = None
    for element in root.iter(qn("w:fldChar"), W_T):
        if element.tag == qn("w:fldChar"):
            state = element.get(qn("w:fldCharType"))
        elif state == "separate" and element.text:
            element.text = apply_digits(element.text, "thai" if digits == "thai" else "arabic")


def _story_parts(tpl: DocxTemplate) -> list[Any]:
    """The header and footer parts of the rendered document."""
    parts = []
    for rel in tpl.docx.part.rels.values():
        if rel.reltype.endswith(("/header", "/footer")) and not rel.is_external:
            parts.append(rel.target_part)
    return parts


def _element(part: Any) -> etree._Element:
    return part._element  # XmlPart: docxtpl re-creates headers as plain XmlParts


def _retitle_fonts(tpl: DocxTemplate, font: str) -> None:
    """The office's font in the styles (docDefaults and every style) and the font table."""
    styles = tpl.docx.styles.element
    for rfonts in styles.iter(qn("w:rFonts")):
        _set_fonts(rfonts, font)
    if font == DEFAULT_DOCX_FONT:
        return
    for rel in tpl.docx.part.rels.values():
        if rel.reltype.endswith("/fontTable"):
            part = rel.target_part
            blob = part.blob.decode("utf-8")
            quoted = font.replace("&", "&amp;").replace('"', "&quot;").replace("<", "&lt;")
            part._blob = blob.replace(f'w:name="{DEFAULT_DOCX_FONT}"',
                                      f'w:name="{quoted}"').encode("utf-8")


def _alt_texts(root: etree._Element, describe: Any) -> None:
    """Alternative text of the pictures (read aloud by screen readers, shown by Word)."""
    for doc_pr in root.iter(qn("wp:docPr")):
        doc_pr.set("descr", describe(doc_pr))


def _subject(composition: Composition) -> str:
    """The subject, for the document's title (wherever the kind prints it)."""
    for block in composition.blocks:
        if isinstance(block, Labelled) and block.part == "subject" and block.items:
            return clean_text(block.items[0].text)
        if isinstance(block, MemoHead):
            return clean_text(block.subject.text)
        if isinstance(block, TitleBlock):
            for line in block.lines:
                if line.field == "subject":
                    return clean_text(line.text.removeprefix("เรื่อง").strip())
    return ""


def core_title(subject: str) -> str:
    """The subject as the document's title property, which holds at most 255 characters:
    a longer subject (it prints in full in the letter) is cut at a whole Thai character
    cluster, never between a consonant and its vowel or tone mark, and ends with "…"."""
    if len(subject) <= CORE_PROPERTY_MAX_CHARS:
        return subject
    kept = ""
    for cluster in clusters(subject):
        if len(kept) + len(cluster) > CORE_PROPERTY_MAX_CHARS - 1:
            break
        kept += cluster
    return kept.rstrip() + "…"


# --- the entry point ----------------------------------------------------------------------

CommentSource = Callable[[Sequence[str]], Sequence[WordComment]]


def _add_comments(tpl: DocxTemplate, comments: CommentSource) -> etree._Element | None:
    """Word comments from ``comments`` (given the body paragraphs' texts, see
    ``docx_comments``), added before the runs are normalised, so that the split halves of a
    run and the comments' own text get the Thai run properties too. Returns the comments
    part's element (None when no comment was added)."""
    document = tpl.docx
    texts = LazyTexts(lambda: [paragraph_text(p) for p in body_paragraphs(document)])
    wanted = list(comments(texts))
    if not wanted or not add_comments(document, wanted):
        return None
    return document.part._comments_part.element


def _filled(composition: Composition, settings: RenderSettings,
            comments: CommentSource | None = None) -> DocxTemplate:
    """The template filled with ``composition``: the text, the per-letter geometry, Word
    comments and the runs' complex-script marks — everything but the pages."""
    tpl = _open_template(template_path(composition.kind))
    context, plan = _context(composition, tpl, settings)
    tpl.render(context, jinja_env=_JINJA, autoescape=True)
    body = tpl.docx.element.body
    _apply_plan(body, plan)
    tables = {caption: iter(widths) for caption, widths in plan.tables.items()}
    _apply_tables(body, tables)
    comments_root = _add_comments(tpl, comments) if comments is not None else None
    _normalise(body)
    if comments_root is not None:
        _normalise(comments_root)
    _section(body, composition)
    qr_urls = [clean_text(b.url) for b in composition.blocks if isinstance(b, QRBlock)]
    _alt_texts(body, lambda _pr: f"QR Code: {qr_urls[0]}" if qr_urls else "")
    for part in _story_parts(tpl):
        root = _element(part)
        _normalise(root)
        _field_results(root, composition.digits)
        _apply_tables(root, tables)
        _alt_texts(root, lambda _pr: EMBLEM_ALT_TEXT)
    return tpl


def body_texts(composition: Composition, settings: RenderSettings | None = None) -> list[str]:
    """The text of every body paragraph (``docx_comments.paragraph_text``) of the DOCX this
    module makes of ``composition``, before its pages are laid out: what a reader of the
    file sees once the pages' splits are joined back (``docx_pages.join_continued``)."""
    tpl = _filled(composition, settings or RenderSettings())
    return [paragraph_text(p) for p in body_paragraphs(tpl.docx)]


def letter_pages(composition: Composition, settings: RenderSettings) -> Pages:
    """The typeset pages of ``composition``, as the PDF prints them (for a caller that has
    none at hand): the DOCX copies their page breaks, numbers and continuation words."""
    from .emblem_meta import emblem_file, image_aspect

    return typeset(composition, fonts_for(settings), PROFILE,
                   emblem_aspect=image_aspect(emblem_file(settings)),
                   continuation_word=settings.continuation_word)


def render_docx(composition: Composition, settings: RenderSettings | None = None,
                comments: CommentSource | None = None, *, pages: Pages | None = None,
                draft: bytes | None = None, tracked: ChangeSource | None = None) -> bytes:
    """The Word document of ``composition``, as bytes (this module never writes a file).

    ``comments``, when given, says which Word comments to anchor where: it is called with
    the text of every body paragraph (``docx_comments.paragraph_text``) and returns
    ``WordComment``s; the review package's ``docx_export.word_comments`` is the one used.
    ``pages`` are the letter's typeset pages (the PDF's; typeset here when None): each
    becomes a section with the PDF's page break, page number and continuation word
    (``docx_pages``). ``draft`` is the draft file's text (UTF-8) to carry inside the DOCX
    as a custom XML part (``docx_draft``); the caller leaves the review record out.
    ``tracked``, when given, says which Word tracked changes to write (``docx_tracked``:
    called with every body paragraph's text, pages joined); the review package's
    ``docx_tracked.word_changes`` gives the open suggestions."""
    from .docx_draft import add_draft_part
    from .docx_fonts import embed_fonts
    from .docx_links import add_hyperlinks
    from .docx_pages import paginate
    from .docx_tracked import add_tracked_changes
    from .docx_zip import package_bytes

    settings = settings or RenderSettings()
    font = settings.docx_font.strip() or DEFAULT_DOCX_FONT
    if (problem := docx_font_problem(font)) is not None:
        raise DocxFontError(problem)
    tpl = _filled(composition, settings, comments)
    document = tpl.docx
    add_hyperlinks(document)
    paginate(document, pages if pages is not None else letter_pages(composition, settings))
    if tracked is not None:  # after the pages: their breaks are found by the printed text
        add_tracked_changes(document, tracked)
    _retitle_fonts(tpl, font)
    embed_fonts(document, fonts_for(settings), font)
    if draft is not None:
        add_draft_part(document, draft)
    props = document.core_properties
    now = datetime.now(UTC).replace(microsecond=0, tzinfo=None)
    props.title = core_title(_subject(composition))
    props.created = props.modified = now
    props.last_modified_by = "DLA Drafter"
    # not tpl.save: docxtpl's picture replacement is unused here, and package_bytes deflates
    # the fonts and the emblem, the same in every letter, once per process
    return package_bytes(document.part.package)


__all__ = [
    "AGENCY_BLOCK_X_CM",
    "CommentSource",
    "CORE_PROPERTY_MAX_CHARS",
    "clean_text",
    "core_title",
    "qr_matrix",
    "qr_png",
    "render_docx",
    "template_path",
    "text_width_cm",
]
