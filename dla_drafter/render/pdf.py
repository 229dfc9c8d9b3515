"""PDF back end: writes Pages as a PDF whose text copies and searches exactly.

Why not ``QPdfWriter``: its text layer maps a glyph back to text only through the font's cmap,
so every glyph that the font substitutes (the small and shifted tone marks of ที่, ญี่ปุ่น,
ปั้น; the nikhahit ligature of น้ำ) copies out as nothing (measured: ที่ → ที, น้ำ → นา).

What a reader sees and what a program reads are written as two layers, as scanned-and-OCRed
PDFs do, because no single glyph stream serves both: the shaped glyphs of Thai put marks at
offsets that text extractors (poppler, pdfminer) read out of order or on a line of their own,
and a decomposed vowel draws two glyphs for one character.

* The visible layer paints the shaped glyphs — exactly those ``typeset.fonts`` positions for
  the Qt painter — each glyph's outline defined once per file as a form XObject.
* The text layer writes the line in logical order, in invisible text mode (``3 Tr``), one
  code per grapheme cluster whose ToUnicode is the whole cluster and whose width is the
  cluster's advance, with the justification as character spacing (see ``_text_units``).
  Copy and search in poppler (Evince, Okular, pdftotext), PDFium (Chrome, Edge), MuPDF,
  pdfplumber and pypdf give every line exactly, and selection boxes sit on the visible words.

Small files: every stream is compressed (but the XMP metadata), the font is cut down to the
glyphs the text layer uses (``render.font_subset``, renumbered through the CIDToGIDMap), the
bundled ครุฑ is vector paths (``render.emblem``; an office's black emblem a 1-bit mask), and
the objects that are not streams go in one compressed object stream. A one-page letter is
~59 KB.

Every file is PDF/UA-1 — the text layer is marked content in a structure tree that follows
the letter (``render.pdf_tags``), everything else an artifact, links annotated — and, unless
``RenderSettings.pdf_a`` is off, PDF/A-3b (``render.pdf_archive``); it carries the clerk's
draft as an associated file (``render.pdf_embed``).
"""

from __future__ import annotations

import bisect
import hashlib
import struct
import threading
import uuid
import zlib
from collections import OrderedDict
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from ..settings import RenderSettings
from ..text.graphemes import clusters
from ..typeset.fonts import PT_PER_CM, FontFace, FontSet, ShapedLine
from ..typeset.pages import ImageBox, Marker, Page, Pages, QRBox, Rule, TextLine, Watermark
from ..typeset.watermark import marker_label_origin
from .emblem import bundled_paths, is_bundled
from .font_subset import subset_font
from .glyph_paths import compressed_outline, glyph_outline
from .pdf_archive import OUTPUT_CONDITION, PRODUCER, PdfMeta, pdf_date, srgb_icc, xmp_packet
from .pdf_embed import EMBED_NAME, embedded_file
from .pdf_tags import EMBLEM_ALT, Elem, Tagger

EMBLEM_DPI = 600


def _num(v: float) -> str:
    s = f"{v:.3f}".rstrip("0").rstrip(".")
    return s if s not in ("", "-0") else "0"


def _color(hex_color: str) -> tuple[float, float, float]:
    h = hex_color.lstrip("#")
    return tuple(int(h[i:i + 2], 16) / 255 for i in (0, 2, 4))  # type: ignore[return-value]


def _pdf_text_string(text: str) -> bytes:
    """A PDF text string in UTF-16BE with BOM, hex-encoded (safe for any character)."""
    return b"<feff" + text.encode("utf-16-be").hex().encode() + b">"


_font_cache: dict[str, dict[str, int]] = {}
_font_cache_lock = threading.Lock()
_subset_cache: OrderedDict[tuple, tuple[bytes, int, str, dict]] = OrderedDict()
_SUBSET_CACHE_SIZE = 64


def _font_info(face: FontFace) -> dict[str, int]:
    """Font descriptor values (per 1000 units), once per face."""
    key = str(face.path) + str(face.size_factor)
    with _font_cache_lock:
        if key not in _font_cache:
            k = 1000 / face.upem
            head = face.hb_face.reference_table("head").data
            x_min, y_min, x_max, y_max = struct.unpack(">hhhh", head[36:44])
            os2 = face.hb_face.reference_table("OS/2").data
            cap = struct.unpack(">h", os2[88:90])[0] if len(os2) >= 90 else 0
            _font_cache[key] = {
                "x_min": round(x_min * k), "y_min": round(y_min * k),
                "x_max": round(x_max * k), "y_max": round(y_max * k),
                "ascent": round(face.ascender * k), "descent": round(face.descender * k),
                "cap": round(cap * k) or 700,
            }
        return _font_cache[key]


def _font_program(face: FontFace, units: frozenset[tuple[int, int]]
                  ) -> tuple[bytes, int, str, dict[tuple[int, int], int]]:
    """(compressed program, its length, subset tag, glyph id of each unit) of ``face`` cut
    down to the text layer's units, each a (glyph, advance): a unit whose advance is not its
    glyph's own gets a widened glyph (see ``font_subset.subset_font``).

    A clerk re-exporting a letter uses the same glyphs again, so the subset is kept."""
    key = (str(face.path) + str(face.size_factor), units)
    with _font_cache_lock:
        found = _subset_cache.get(key)
        if found is not None:
            _subset_cache.move_to_end(key)
            return found
    import hashlib

    gids = {gid for gid, _advance in units}
    widened = {(gid, advance) for gid, advance in units if advance != face.glyph_advance(gid)}
    program, new_id, extra_id = subset_font(face.data, gids, widened)
    glyph_of = {(gid, advance): extra_id.get((gid, advance), new_id.get(gid, 0))
                for gid, advance in units}
    digest = hashlib.sha1(repr(sorted(units)).encode()).digest()
    tag = "".join(chr(ord("A") + b % 26) for b in digest[:6])  # ISO 32000-1, 9.6.4
    value = (zlib.compress(program, 9), len(program), tag, glyph_of)
    with _font_cache_lock:
        _subset_cache[key] = value
        if len(_subset_cache) > _SUBSET_CACHE_SIZE:
            _subset_cache.popitem(last=False)
    return value


class _FaceCodes:
    """Character codes of one face, shared by every PDF this process writes: a code per
    (glyph, text, advance) of a text-layer unit (see ``_text_units``). Stable codes let a
    line's operators be cached across exports (a clerk exports, edits one paragraph, exports
    again: only that paragraph is written anew)."""

    def __init__(self) -> None:
        self.codes: dict[tuple[int, str, int], int] = {}
        self.by_code: dict[int, tuple[int, str, int]] = {}
        self.lock = threading.Lock()

    def code(self, gid: int, text: str, advance: int) -> int:
        key = (gid, text, advance)
        code = self.codes.get(key)
        if code is None:
            with self.lock:
                code = self.codes.get(key)
                if code is None:
                    code = len(self.codes) + 1  # code 0 stays .notdef
                    if code > 0xFFFF:
                        raise ValueError("too many distinct characters for one font")
                    self.codes[key] = code
                    self.by_code[code] = key
        return code


_face_codes: dict[str, _FaceCodes] = {}


# A letter uses a few hundred codes; a long session could in time fill the 65 535 codes of a
# font. Past this many a new builder starts afresh (with the caches that hold codes), so no
# export ever runs out while it writes.
_CODES_RENEW_AT = 60000


def _codes_for(face: FontFace) -> _FaceCodes:
    key = str(face.path) + str(face.size_factor)
    with _font_cache_lock:
        registry = _face_codes.get(key)
        if registry is None or len(registry.codes) > _CODES_RENEW_AT:
            if registry is not None:  # what was written with the old codes goes too
                _line_cache.clear()
                _font_data_cache.clear()
            registry = _face_codes[key] = _FaceCodes()
        return registry


@dataclass(frozen=True)
class _LineOps:
    """A text line's operators relative to its origin, independent of where it stands:
    ``visible`` the glyph outlines; ``units`` the text layer, one (grapheme index, x and
    advance in font units, TJ fragment) per unit, so that the line can be written as
    several marked runs (a link, the text around it); ``spacing`` the ``Tc`` in points and
    ``spacing_units`` the same in font units."""

    visible: str
    units: tuple[tuple[int, int, int, str], ...]
    spacing: float
    spacing_units: float
    gids: frozenset[int]
    codes: frozenset[int]

    def tj(self, first: int, stop: int) -> str:
        """The ``TJ`` of the units of graphemes ``first`` … ``stop - 1``."""
        parts = "".join(frag for g, _x, _a, frag in self.units if first <= g < stop)
        return f"[{parts.replace('><', '')}] TJ" if parts else ""

    def extent(self, first: int, stop: int) -> tuple[float, float]:
        """Left and right of graphemes ``first`` … ``stop - 1`` on the page's line, in font
        units from the line's origin (with the justification's spacing)."""
        xs = [(x + g * self.spacing_units, x + g * self.spacing_units + a)
              for g, x, a, _f in self.units if first <= g < stop]
        return (min(a for a, _ in xs), max(b for _, b in xs)) if xs else (0.0, 0.0)


_line_cache: OrderedDict[tuple, _LineOps] = OrderedDict()
_LINE_CACHE_SIZE = 5000


@dataclass
class _FontUse:
    face: FontFace
    name: str
    registry: _FaceCodes
    codes: set[int] = field(default_factory=set)
    gids: set[int] = field(default_factory=set)

    @property
    def form_prefix(self) -> str:
        """Names of this face's glyph forms: ``/R123`` (regular), ``/B123`` (bold)."""
        return self.name[1:]

    @property
    def bbox(self) -> bytes:
        """Form XObject dictionary entries for this face's glyphs (box in font units)."""
        u = self.face.upem
        return b"/Subtype/Form/BBox[%d %d %d %d]" % (-u, -u, 2 * u, 2 * u)


class _Objects:
    def __init__(self) -> None:
        self.bodies: list[bytes | None] = []

    def reserve(self) -> int:
        self.bodies.append(None)
        return len(self.bodies)

    def set(self, num: int, body: bytes) -> None:
        self.bodies[num - 1] = body

    def add(self, body: bytes) -> int:
        num = self.reserve()
        self.set(num, body)
        return num

    def stream(self, data: bytes, extra: bytes = b"", compress: bool = True,
               level: int = 6) -> int:
        if compress:
            data = zlib.compress(data, level)
            extra += b" /Filter /FlateDecode"
        return self.add(b"<< /Length %d%s >>\nstream\n" % (len(data), extra) + data
                        + b"\nendstream")


@dataclass(frozen=True)
class _Pixels:
    """An office emblem ready for an image XObject: ``kind`` is ``"stencil"`` (all black:
    ``data`` a compressed 1-bit mask), ``"rgb"`` (compressed RGB, ``alpha`` compressed 8-bit
    alpha or empty when opaque), ``"gray-jpeg"`` / ``"rgb-jpeg"`` (the file's own JPEG)."""

    kind: str
    width: int
    height: int
    data: bytes
    alpha: bytes = b""


_image_cache: dict[tuple[str, float, int], _Pixels] = {}
_CACHE_MAGIC = b"DLAEMB3\n"


def _disk_cache_file(key: tuple[str, float, int]) -> Path | None:
    try:
        import hashlib

        from platformdirs import user_cache_dir

        digest = hashlib.sha1(repr(key).encode("utf-8")).hexdigest()
        return Path(user_cache_dir("dla-drafter", appauthor=False)) / "emblem" / digest
    except Exception:  # no cache folder on this machine: decode every time
        return None


def _read_disk_cache(file: Path | None) -> _Pixels | None:
    try:
        if file is None or not file.exists():
            return None
        data = file.read_bytes()
        if not data.startswith(_CACHE_MAGIC):
            return None
        kind_len, w, h, n = struct.unpack(">BIII", data[8:21])
        kind = data[21:21 + kind_len].decode("ascii")
        body = data[21 + kind_len:]
        return _Pixels(kind, w, h, body[:n], body[n:])
    except (OSError, struct.error, UnicodeDecodeError):
        return None


def _write_disk_cache(file: Path | None, value: _Pixels) -> None:
    if file is None:
        return
    kind = value.kind.encode("ascii")
    try:
        from ..atomic import atomic_write_bytes

        file.parent.mkdir(parents=True, exist_ok=True)
        atomic_write_bytes(file, _CACHE_MAGIC + struct.pack(">BIII", len(kind), value.width,
                                                            value.height, len(value.data))
                           + kind + value.data + value.alpha)
    except OSError:
        pass  # the cache only saves time


def _stencil(alpha: bytes, width: int, height: int) -> bytes:
    """1-bit rows of an image mask (0 paints, ISO 32000-1 8.9.6.2): ink where alpha ≥ 50 %."""
    table = bytes(48 if a >= 128 else 49 for a in range(256))  # "0" / "1"
    pad = b"1" * (-width % 8)
    out = bytearray()
    for row in range(height):
        bits = alpha[row * width:(row + 1) * width].translate(table) + pad
        out += int(bits, 2).to_bytes(len(bits) // 8, "big")
    return bytes(out)


def _emblem_pixels(settings: RenderSettings, height_cm: float) -> _Pixels:
    """An office's own emblem file as image data (the bundled ครุฑ is drawn as paths, see
    ``PdfBuilder._image``).

    An emblem all in black needs no colour and no shades: a 1-bit mask prints as sharp as the
    printer can. A coloured emblem keeps its colours and its smooth edge; a JPEG goes in as
    it is. Decoding a PNG in Python (``render.raster``) or rendering an SVG with Qt takes
    a moment, so the result is kept in memory and in the user's cache folder, keyed by the
    file and its mtime."""
    from .emblem import emblem_raster
    from .emblem_meta import emblem_file

    px = round(height_cm / 2.54 * EMBLEM_DPI)
    path = emblem_file(settings)
    key = (str(path.resolve()), path.stat().st_mtime if path.exists() else 0.0, px)
    if key in _image_cache:
        return _image_cache[key]
    cache_file = _disk_cache_file(key)
    value = _read_disk_cache(cache_file)
    if value is None:
        image = emblem_raster(settings, px)
        w, h = image.width, image.height
        if image.jpeg:
            value = _Pixels("gray-jpeg" if image.components == 1 else "rgb-jpeg", w, h,
                            image.jpeg)
        elif image.rgb.count(0) == len(image.rgb):
            value = _Pixels("stencil", w, h, zlib.compress(_stencil(image.alpha, w, h), 9))
        else:
            opaque = image.alpha.count(255) == len(image.alpha)
            value = _Pixels("rgb", w, h, zlib.compress(image.rgb, 9),
                            b"" if opaque else zlib.compress(image.alpha, 9))
        if not image.jpeg:
            _write_disk_cache(cache_file, value)
    _image_cache[key] = value
    return value


@lru_cache(maxsize=1)
def _emblem_streams() -> tuple[bytes, ...]:
    """The bundled ครุฑ's paths as compressed form XObject content, once per process (21 KB
    of operators take 13 ms to compress)."""
    drawing = bundled_paths()
    fill = "f*" if drawing.even_odd else "f"
    return tuple(zlib.compress(f"{ops} {fill}".encode("ascii"), 9) for ops in drawing.paths)


def _num_fine(v: float) -> str:
    s = f"{v:.5f}".rstrip("0").rstrip(".")
    return s if s not in ("", "-0") else "0"


def _text_units(face: FontFace, text: str,
                shaped: ShapedLine) -> list[tuple[str, int, int, int]]:
    """(text, x, advance, grapheme index) of each unit of the text layer, in font units: one
    per grapheme cluster, so that the units tile the line with no gap and no overlap.

    Viewers' extractors group characters into words by position: poppler starts a new word
    when a character begins within a tenth of the font size of the previous one (so a zero
    width mark, and the letter after it, broke the word and default-mode pdftotext wrote
    ``ส่ ง``), and every engine reads a gap as a space. A unit that is the whole cluster
    (ToUnicode maps its code to ที่, three characters) with the cluster's own advance as its
    width, and the justification's spacing as the line's character spacing ``Tc`` (applied
    once per glyph, that is once per cluster, exactly as the visible layer spreads them),
    puts every cluster where it is drawn and leaves no gap inside a word. A cluster the font
    draws as part of its neighbour's glyph (the ligature ฤๅ: ๅ is a spacing vowel, not a
    mark, and a cluster of its own) shares that glyph's advance, in logical order. A run of
    spaces (the signature's ``(      )``, room left for a number) is one unit, so poppler
    keeps it inside the line instead of splitting the line into two columns there."""
    graphemes = clusters(text)
    own = {g.grapheme for g in shaped.glyphs}
    spans: list[list[int]] = []
    for index in range(len(graphemes)):
        if spans and index not in own:
            spans[-1].append(index)
        else:
            spans.append([index])
    units = []
    for number, span in enumerate(spans):
        start = shaped.grapheme_x[span[0]]
        end = (shaped.grapheme_x[spans[number + 1][0]] if number + 1 < len(spans)
               else shaped.advance)
        total = max(0, end - start)
        if len(span) == 1:
            units.append((graphemes[span[0]], start, total, span[0]))
            continue
        nominal = [sum(face.glyph_advance(face.nominal_glyph(c)) for c in graphemes[i])
                   for i in span]
        widths = nominal[:-1] + [total - sum(nominal[:-1])]
        if widths[-1] < 0:
            widths = [total // len(span)] * (len(span) - 1)
            widths.append(total - sum(widths))
        x = start
        for index, width in zip(span, widths, strict=True):
            units.append((graphemes[index], x, width, index))
            x += width
    return _join_spaces(units) if "  " in text else units


# MuPDF before 1.22 (Debian 12's) ignores a ToUnicode entry of more than 8 characters.
_MAX_RUN = 8


def _join_spaces(units: list[tuple[str, int, int, int]]) -> list[tuple[str, int, int, int]]:
    """Runs of two or more space units as units of 2 to ``_MAX_RUN`` spaces each."""
    out: list[tuple[str, int, int, int]] = []
    i = 0
    while i < len(units):
        j = i
        while j < len(units) and units[j][0] == " ":
            j += 1
        if j - i < 2:
            out.append(units[i])
            i += 1
            continue
        count = j - i
        chunks = -(-count // _MAX_RUN)
        for c in range(chunks):
            size = count // chunks + (1 if c < count % chunks else 0)
            run = units[i:i + size]
            out.append((" " * size, run[0][1], sum(u[2] for u in run), run[0][3]))
            i += size
    return out


_inked: dict[str, dict[int, bool]] = {}  # face → glyph id → it has an outline (bounded
# by the font's glyph count, like glyph_paths' own outline cache)


def _inked_glyphs(face: FontFace) -> dict[int, bool]:
    """Which glyphs of ``face`` draw something, filled in as they are met (a dictionary
    lookup per glyph instead of glyph_paths' keyed lookup, on the hot path of every line)."""
    key = str(face.path) + str(face.size_factor)
    found = _inked.get(key)
    if found is None:
        found = _inked.setdefault(key, {})
    return found


def _line_ops(use: _FontUse, line: TextLine, space_after: bool = False) -> _LineOps | None:
    """The two layers of one line (see the module docstring), cached per text and spacing.

    ``space_after`` ends the text layer with a space: for a label whose value stands on the
    same baseline further right (เรื่อง, เรียน, ที่ … วันที่), which MuPDF would otherwise
    read run together with it (``เรื่องโครงการ``)."""
    face = use.face
    key = (use.name, str(face.path), face.size_factor, line.text, line.size_pt,
           round(line.letter_spacing_cm, 9), space_after)
    cached = _line_cache.get(key)
    if cached is not None:
        _line_cache.move_to_end(key)
        return cached
    shaped = face.shape(line.text)
    if not shaped.glyphs:
        return None
    unit = line.size_pt / face.upem  # points per font unit
    spacing = line.letter_spacing_cm * PT_PER_CM
    spacing_units = spacing / unit
    prefix = use.form_prefix
    # visible layer: the shaped glyphs' outlines, in whole font units, each moved from the
    # one before (a form XObject leaves the matrix as it found it); the caller wraps q … Q
    visible: list[str] = []
    draw = visible.append
    gids = set()
    last_x = last_y = 0
    inked = _inked_glyphs(face)
    for gid, glyph_x, y, _text, grapheme in shaped.glyphs:
        has_ink = inked.get(gid)
        if has_ink is None:
            has_ink = inked[gid] = glyph_outline(face, gid) is not None
        if has_ink:
            gids.add(gid)
            x = round(glyph_x + grapheme * spacing_units) if spacing_units else glyph_x
            draw(f"1 0 0 1 {x - last_x} {y - last_y} cm/{prefix}{gid} Do")
            last_x, last_y = x, y
    # text layer: one code per grapheme cluster, in logical order, at the cluster's place
    k = 1000 / face.upem
    items = []
    codes = set()
    pen = 0.0  # where the next unit goes without adjustment, in font units less spacing
    units = _text_units(face, line.text, shaped)
    if space_after:
        units.append((" ", shaped.advance, face.glyph_advance(face.nominal_glyph(" ")),
                      len(clusters(line.text))))
    known = use.registry.codes  # (gid, text, advance) → code, read without the lock
    nominal = face.nominal_glyph
    for number, (text, x, advance, grapheme) in enumerate(units):
        # Tc spaces units; the visible layer spaces graphemes: they differ after a run
        target = x + (grapheme - number) * spacing_units
        fragment = ""
        if abs(target - pen) > 0.01:
            fragment = f" {_num((pen - target) * k)} "
            pen = target
        key = (nominal(text[0]), text, advance)
        code = known.get(key) or use.registry.code(*key)
        codes.add(code)
        items.append((grapheme, x, advance, f"{fragment}<{code:04x}>"))
        pen += advance
    ops = _LineOps("\n".join(visible), tuple(items), spacing, spacing_units,
                   frozenset(gids), frozenset(codes))
    _line_cache[key] = ops
    if len(_line_cache) > _LINE_CACHE_SIZE:
        _line_cache.popitem(last=False)
    return ops


def _followed_lines(page: Page) -> set[int]:
    """ids of the text lines that another line follows on the same baseline (a label and
    its value, the number and the date), which end their text layer with a space."""
    lines = [it for it in page.items if isinstance(it, TextLine) and it.text.strip()]
    by_baseline: dict[float, list[TextLine]] = {}
    for line in lines:
        by_baseline.setdefault(round(line.y, 2), []).append(line)
    followed = set()
    for row in by_baseline.values():
        for line in row:
            end = line.x + line.width_cm
            if not line.text.endswith(" ") and any(other.x >= end - 1e-6 for other in row
                                                   if other is not line):
                followed.add(id(line))
    return followed


_font_data_cache: OrderedDict[tuple, tuple[bytes, int, str, bytes, bytes, bytes]] = \
    OrderedDict()


def _font_data(use: _FontUse) -> tuple[bytes, int, str, bytes, bytes, bytes]:
    """(compressed program, its length, subset tag, compressed CIDToGIDMap, compressed
    ToUnicode, /W entries) for the codes ``use`` wrote, kept for a re-export that writes the
    same codes."""
    face = use.face
    key = (str(face.path) + str(face.size_factor), frozenset(use.codes))
    with _font_cache_lock:
        found = _font_data_cache.get(key)
        if found is not None:
            _font_data_cache.move_to_end(key)
            return found
    codes = sorted(use.codes)
    entries = [(code, use.registry.by_code[code]) for code in codes]
    units = frozenset((gid, advance) for _code, (gid, _text, advance) in entries)
    program, length, tag, glyph_of = _font_program(face, units)
    gid_map = bytearray(2 * (codes[-1] + 1 if codes else 1))
    k = 1000 / face.upem
    widths = []
    for code, (gid, _text, advance) in entries:
        glyph = glyph_of[(gid, advance)]
        gid_map[2 * code] = glyph >> 8
        gid_map[2 * code + 1] = glyph & 0xFF
        widths.append(f"{code} [{_num(advance * k)}]")
    value = (program, length, tag, zlib.compress(bytes(gid_map), 6),
             zlib.compress(PdfBuilder.cmap(entries), 6), " ".join(widths).encode())
    with _font_cache_lock:
        _font_data_cache[key] = value
        if len(_font_data_cache) > _SUBSET_CACHE_SIZE:
            _font_data_cache.popitem(last=False)
    return value


class PdfBuilder:
    """Builds one PDF document from Pages."""

    def __init__(self, fonts: FontSet, settings: RenderSettings, title: str = "", *,
                 meta: PdfMeta | None = None, embed: bytes | None = None) -> None:
        self.fonts = fonts
        self.settings = settings
        self.meta = meta or PdfMeta(title=title)
        self.title = self.meta.title
        self.embed = embed
        self.objects = _Objects()
        self.uses: dict[str, _FontUse] = {}
        self.images: dict[str, int] = {}
        self.emblem_forms: list[tuple[str, int]] = []
        self.glyph_forms: dict[tuple[str, int], tuple[str, int] | None] = {}
        self.tags = Tagger()
        self.page_annots: list[list[int]] = []  # annotation indices of each page

    def _font(self, bold: bool) -> _FontUse:
        face = self.fonts.face(bold)
        name = "FB" if bold else "FR"
        if name not in self.uses:
            self.uses[name] = _FontUse(face, name, _codes_for(face))
        return self.uses[name]

    # -- content ------------------------------------------------------------------------
    def _glyph_form(self, use: _FontUse, gid: int) -> None:
        """Write the outline of ``gid`` once per file as a form XObject (``/R123``)."""
        key = (use.name, gid)
        if key not in self.glyph_forms:
            data = compressed_outline(use.face, gid)
            self.glyph_forms[key] = None if data is None else (
                f"{use.form_prefix}{gid}", self.objects.add(
                    b"<<%s/Filter/FlateDecode/Length %d>>\nstream\n" % (use.bbox, len(data))
                    + data + b"\nendstream"))

    def _text(self, out: list[str], line: TextLine, page_h: float,
              space_after: bool = False) -> None:
        """Both layers of a line: the outlines as an artifact, the text layer as marked runs
        of its structure element (a link on the line a run of its own, with its annotation);
        a page number or continuation word wholly an artifact."""
        use = self._font(line.bold)
        ops = _line_ops(use, line, space_after)
        if ops is None:
            return
        for gid in ops.gids - use.gids:
            self._glyph_form(use, gid)
        use.gids |= ops.gids
        use.codes |= ops.codes
        unit = line.size_pt / use.face.upem
        x0 = line.x * PT_PER_CM
        y0 = (page_h - line.y) * PT_PER_CM
        r, g, b = _color(line.color)
        artifact = self.tags.is_artifact(line)
        out.append("/Artifact <</Type /Pagination>> BDC" if artifact else "/Artifact BMC")
        out.append(f"q {r:.3f} {g:.3f} {b:.3f} rg {unit:.6f} 0 0 {unit:.6f} {x0:.2f} {y0:.2f} cm")
        out.append(ops.visible)
        out.append("Q" if artifact else "Q EMC")
        out.append(f"BT 3 Tr /{use.name} {line.size_pt:g} Tf 1 0 0 1 {x0:.2f} {y0:.2f} Tm "
                   f"{_num_fine(ops.spacing)} Tc")
        if artifact:
            out.append(ops.tj(0, len(line.text) + 2))
            out.append("ET EMC")
            return
        starts = _grapheme_starts(line.text)
        runs = self.tags.line(line)
        for n, run in enumerate(runs):
            first = _grapheme_at(starts, run.start, len(line.text))
            stop = (_grapheme_at(starts, run.end, len(line.text)) if n < len(runs) - 1
                    else len(starts) + 1)
            out.append(f"/{run.tag} <</MCID {run.mcid}>> BDC {ops.tj(first, stop)} EMC")
            if run.link is not None:
                left, right = ops.extent(first, stop)
                rect = (x0 + left * unit, y0 - 0.3 * line.size_pt, x0 + right * unit,
                        y0 + 0.85 * line.size_pt)
                self.page_annots[-1].append(self.tags.annotation(run.link, rect))
        out.append("ET")

    def _outlines(self, bold: bool, text: str) -> str:
        """The glyph outlines of ``text`` at the origin, in font units, with no text layer:
        for marks that are not the letter's words (the watermark, the review markers), so
        copy and search still give exactly the letter."""
        use = self._font(bold)
        ops = []
        last_x = last_y = 0
        for glyph in use.face.shape(text).glyphs:
            if glyph_outline(use.face, glyph.gid) is None:
                continue
            self._glyph_form(use, glyph.gid)
            use.gids.add(glyph.gid)
            ops.append(f"1 0 0 1 {glyph.x - last_x} {glyph.y - last_y} cm/{use.form_prefix}"
                       f"{glyph.gid} Do")
            last_x, last_y = glyph.x, glyph.y
        return "\n".join(ops)

    def _watermark(self, out: list[str], mark: Watermark, page_h: float) -> None:
        import math

        a = math.radians(mark.angle_deg)
        cos, sin = math.cos(a), math.sin(a)
        unit = mark.size_pt / self.fonts.face(True).upem
        r, g, b = _color(mark.color)
        out.append(f"/Artifact BMC q {_num(r)} {_num(g)} {_num(b)} rg {cos:.5f} {sin:.5f} "
                   f"{-sin:.5f} {cos:.5f} {_num(mark.cx * PT_PER_CM)} "
                   f"{_num((page_h - mark.cy) * PT_PER_CM)} cm 1 0 0 1 "
                   f"{_num(-mark.width_cm / 2 * PT_PER_CM)} "
                   f"{_num(-mark.baseline_cm * PT_PER_CM)} cm {unit:.6f} 0 0 {unit:.6f} 0 0 cm")
        out.append(self._outlines(True, mark.text))
        out.append("Q EMC")

    def _marker(self, out: list[str], marker: Marker, page_h: float) -> None:
        # a circle from four Bézier arcs (k = 0.5523 the usual quarter-circle constant)
        rad = marker.diameter / 2 * PT_PER_CM
        cx, cy = marker.x * PT_PER_CM, (page_h - marker.y) * PT_PER_CM
        k = 0.5523 * rad
        r, g, b = _color(marker.color)
        out.append(
            f"/Artifact BMC q 1 g {_num(r)} {_num(g)} {_num(b)} RG 0.8 w {_num(cx + rad)} "
            f"{_num(cy)} m "
            f"{_num(cx + rad)} {_num(cy + k)} {_num(cx + k)} {_num(cy + rad)} {_num(cx)} "
            f"{_num(cy + rad)} c {_num(cx - k)} {_num(cy + rad)} {_num(cx - rad)} {_num(cy + k)}"
            f" {_num(cx - rad)} {_num(cy)} c {_num(cx - rad)} {_num(cy - k)} {_num(cx - k)} "
            f"{_num(cy - rad)} {_num(cx)} {_num(cy - rad)} c {_num(cx + k)} {_num(cy - rad)} "
            f"{_num(cx + rad)} {_num(cy - k)} {_num(cx + rad)} {_num(cy)} c b Q")
        x, y, label = marker_label_origin(marker, self.fonts)
        unit = marker.size_pt / self.fonts.face(True).upem
        out.append(f"q {_num(r)} {_num(g)} {_num(b)} rg {unit:.6f} 0 0 {unit:.6f} "
                   f"{_num(x * PT_PER_CM)} {_num((page_h - y) * PT_PER_CM)} cm")
        out.append(self._outlines(True, label))
        out.append("Q EMC")

    def _image(self, out: list[str], box: ImageBox, page_h: float) -> None:
        """The ครุฑ, a figure with its alternative text: the bundled drawing as vector paths
        (one form XObject per distinct path, the mirrored half drawn through a matrix), an
        office's file as an image."""
        mcid = self.tags.figure(EMBLEM_ALT)
        out.append(f"/Figure <</MCID {mcid}>> BDC")
        x, top = box.x * PT_PER_CM, (page_h - box.y) * PT_PER_CM
        w, h = box.width * PT_PER_CM, box.height * PT_PER_CM
        if is_bundled(self.settings):
            drawing = bundled_paths()
            if not self.emblem_forms:
                for n, data in enumerate(_emblem_streams()):
                    self.emblem_forms.append((f"EmP{n}", self.objects.add(
                        b"<< /Type /XObject /Subtype /Form /BBox [0 0 %s %s] /Filter"
                        b" /FlateDecode /Length %d >>\nstream\n" % (
                            _num(drawing.width).encode(), _num(drawing.height).encode(),
                            len(data)) + data + b"\nendstream")))
            # the SVG's units, y down, onto the box
            out.append(f"q 0 g {_num_fine(w / drawing.width)} 0 0 "
                       f"{_num_fine(-h / drawing.height)} {_num(x)} {_num(top)} cm")
            for index, matrix in drawing.draw:
                out.append("q " + " ".join(_num(v) for v in matrix)
                           + f" cm /EmP{index} Do Q")
            out.append("Q EMC")
            return
        if box.name not in self.images:
            pixels = _emblem_pixels(self.settings, box.height)
            head = b"<< /Type /XObject /Subtype /Image /Width %d /Height %d" % (
                pixels.width, pixels.height)
            if pixels.kind == "stencil":  # all black: painted in the fill colour (black)
                body = head + b" /ImageMask true /BitsPerComponent 1 /Filter /FlateDecode"
            elif pixels.kind.endswith("jpeg"):
                space = b"/DeviceGray" if pixels.kind == "gray-jpeg" else b"/DeviceRGB"
                body = head + b" /ColorSpace %s /BitsPerComponent 8 /Filter /DCTDecode" % space
            else:
                body = head + b" /ColorSpace /DeviceRGB /BitsPerComponent 8 /Filter /FlateDecode"
                if pixels.alpha:
                    smask = self.objects.add(
                        b"<< /Type /XObject /Subtype /Image /Width %d /Height %d /ColorSpace "
                        b"/DeviceGray /BitsPerComponent 8 /Filter /FlateDecode /Length %d >>\n"
                        b"stream\n" % (pixels.width, pixels.height, len(pixels.alpha))
                        + pixels.alpha + b"\nendstream")
                    body += b" /SMask %d 0 R" % smask
            self.images[box.name] = self.objects.add(
                body + b" /Length %d >>\nstream\n" % len(pixels.data) + pixels.data
                + b"\nendstream")
        out.append(f"q 0 g {_num(w)} 0 0 {_num(h)} {_num(x)} {_num(top - h)} cm"
                   f" /Im_{box.name} Do Q EMC")

    def _qr(self, out: list[str], box: QRBox, page_h: float) -> None:
        """The QR code, a figure whose alternative text is the URL it holds (printed under
        it: the typesetter gives both the same source, ``qr.url``)."""
        n = len(box.modules)
        cell = box.size / n * PT_PER_CM
        left = box.x * PT_PER_CM
        top = (page_h - box.y) * PT_PER_CM
        url = next((it.text for it in self._page.items if isinstance(it, TextLine)
                    and it.source == box.source), "") if box.source else ""
        mcid = self.tags.figure(url or "QR code")
        out.append(f"/Figure <</MCID {mcid}>> BDC q 0 0 0 rg")
        for r, row in enumerate(box.modules):
            c = 0
            while c < n:
                if row[c]:
                    start = c
                    while c < n and row[c]:
                        c += 1
                    out.append(f"{_num(left + start * cell)} {_num(top - (r + 1) * cell)} "
                               f"{_num((c - start) * cell)} {_num(cell)} re")
                else:
                    c += 1
        out.append("f Q EMC")

    @staticmethod
    def _rule(out: list[str], rule: Rule, page_h: float) -> None:
        r, g, b = _color(rule.color)
        dash = "[0.8 1.6] 0 d 1 J" if rule.dotted else "[] 0 d"
        out.append(f"/Artifact BMC q {_num(r)} {_num(g)} {_num(b)} RG {_num(rule.width_pt)} w "
                   f"{dash} {_num(rule.x1 * PT_PER_CM)} {_num((page_h - rule.y1) * PT_PER_CM)} "
                   f"m {_num(rule.x2 * PT_PER_CM)} {_num((page_h - rule.y2) * PT_PER_CM)} l S Q "
                   "EMC")

    def _page_content(self, page: Page) -> bytes:
        self.tags.begin_page()
        self.page_annots.append([])
        self._page = page
        out: list[str] = []
        if page.watermark is not None:  # first: behind the letter's ink
            self._watermark(out, page.watermark, page.height)
        followed = _followed_lines(page)
        for item in page.items:
            if isinstance(item, TextLine):
                self._text(out, item, page.height, id(item) in followed)
            elif isinstance(item, ImageBox):
                self._image(out, item, page.height)
            elif isinstance(item, QRBox):
                self._qr(out, item, page.height)
            elif isinstance(item, Rule):
                self._rule(out, item, page.height)
        for marker in page.markers:  # last: over the line they point at
            self._marker(out, marker, page.height)
        return "\n".join(out).encode("ascii")

    # -- fonts --------------------------------------------------------------------------
    def _font_objects(self, use: _FontUse) -> int:
        info = _font_info(use.face)
        program, length, tag, gid_map, to_unicode_data, widths = _font_data(use)
        objs = self.objects
        file_num = objs.add(b"<< /Length %d /Length1 %d /Filter /FlateDecode >>\nstream\n"
                            % (len(program), length) + program + b"\nendstream")
        ps = (tag + "+" + use.face.postscript_name).encode("ascii", "replace")
        descriptor = objs.add(
            b"<< /Type /FontDescriptor /FontName /%s /Flags 32 /FontBBox [%d %d %d %d]"
            b" /ItalicAngle 0 /Ascent %d /Descent %d /CapHeight %d /StemV 80"
            b" /FontFile2 %d 0 R >>"
            % (ps, info["x_min"], info["y_min"], info["x_max"], info["y_max"], info["ascent"],
               info["descent"], info["cap"], file_num))
        cid_to_gid = objs.add(b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(gid_map)
                              + gid_map + b"\nendstream")
        to_unicode = objs.add(b"<< /Length %d /Filter /FlateDecode >>\nstream\n"
                              % len(to_unicode_data) + to_unicode_data + b"\nendstream")
        cid_font = objs.add(
            b"<< /Type /Font /Subtype /CIDFontType2 /BaseFont /%s /CIDSystemInfo << /Registry"
            b" (Adobe) /Ordering (Identity) /Supplement 0 >> /FontDescriptor %d 0 R /DW 0"
            b" /W [%s] /CIDToGIDMap %d 0 R >>"
            % (ps, descriptor, widths, cid_to_gid))
        return objs.add(
            b"<< /Type /Font /Subtype /Type0 /BaseFont /%s /Encoding /Identity-H"
            b" /DescendantFonts [%d 0 R] /ToUnicode %d 0 R >>" % (ps, cid_font, to_unicode))

    @staticmethod
    def cmap(entries: list[tuple[int, tuple[int, str, int]]]) -> bytes:
        lines = [
            "/CIDInit /ProcSet findresource begin", "12 dict begin", "begincmap",
            "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def",
            "/CMapName /Adobe-Identity-UCS def", "/CMapType 2 def",
            "1 begincodespacerange", "<0000> <FFFF>", "endcodespacerange",
        ]
        mapped = [(code, text) for code, (_gid, text, _advance) in entries if text]
        for start in range(0, len(mapped), 100):
            chunk = mapped[start:start + 100]
            lines.append(f"{len(chunk)} beginbfchar")
            lines.extend(f"<{code:04x}> <{text.encode('utf-16-be').hex()}>"
                         for code, text in chunk)
            lines.append("endbfchar")
        lines += ["endcmap", "CMapName currentdict /CMap defineresource pop", "end", "end"]
        return "\n".join(lines).encode("ascii")

    # -- document -----------------------------------------------------------------------
    def build(self, pages: Pages) -> bytes:
        objs = self.objects
        catalog = objs.reserve()
        pages_num = objs.reserve()
        page_nums = []
        contents = []
        for page in pages.pages:
            contents.append(objs.stream(self._page_content(page)))
            page_nums.append(objs.reserve())
        # a face only drawn as outlines (a watermark in bold on a letter with no bold text)
        # needs no font object
        font_refs = {use.name: self._font_objects(use) for use in self.uses.values()
                     if use.codes}
        fonts_dict = b" ".join(b"/%s %d 0 R" % (name.encode(), num)
                               for name, num in font_refs.items())
        images_dict = b" ".join(b"/Im_%s %d 0 R" % (name.encode(), num)
                                for name, num in self.images.items())
        images_dict += b"".join(b" /%s %d 0 R" % (name.encode(), num)
                                for name, num in self.emblem_forms)
        forms = b" ".join(b"/%s %d 0 R" % (entry[0].encode(), entry[1])
                          for entry in self.glyph_forms.values() if entry)
        resources = objs.add(b"<< /Font << %s >> /XObject << %s %s >> >>" % (
            fonts_dict, images_dict, forms))
        tree = _StructTree(objs, self.tags, page_nums, len(pages.pages))
        annots = tree.annotations()
        for index, (page, num, content) in enumerate(zip(pages.pages, page_nums, contents,
                                                         strict=True)):
            refs = b" ".join(b"%d 0 R" % annots[i] for i in self.page_annots[index])
            extra = b" /Annots [%s] /Tabs /S" % refs if refs else b""
            objs.set(num, b"<< /Type /Page /Parent %d 0 R /MediaBox [0 0 %s %s] /Resources"
                     b" %d 0 R /Contents %d 0 R /StructParents %d%s >>" % (
                         pages_num, _num(page.width * PT_PER_CM).encode(),
                         _num(page.height * PT_PER_CM).encode(), resources, content, index,
                         extra))
        kids = b" ".join(b"%d 0 R" % n for n in page_nums)
        objs.set(pages_num, b"<< /Type /Pages /Kids [%s] /Count %d >>" % (kids, len(page_nums)))
        meta = self.meta
        pdfa = self.settings.pdf_a
        document_id = _document_id(objs, meta)
        metadata = objs.add(b"<< /Type /Metadata /Subtype /XML /Length %d >>\nstream\n"
                            % len(xmp := xmp_packet(meta, str(document_id), pdfa)) + xmp
                            + b"\nendstream")
        entries = [b"/Type /Catalog /Pages %d 0 R /Lang %s" % (
                       pages_num, _pdf_text_string(meta.lang)),
                   b"/MarkInfo << /Marked true >> /ViewerPreferences << /DisplayDocTitle true >>",
                   b"/StructTreeRoot %d 0 R /Metadata %d 0 R" % (tree.root(), metadata)]
        if pdfa:
            icc = zlib.compress(srgb_icc(), 9)
            profile = objs.add(b"<< /N 3 /Filter /FlateDecode /Length %d >>\nstream\n"
                               % len(icc) + icc + b"\nendstream")
            entries.append(
                b"/OutputIntents [<< /Type /OutputIntent /S /GTS_PDFA1 /OutputConditionIdentifier"
                b" (%s) /Info (%s) /DestOutputProfile %d 0 R >>]" % (
                    OUTPUT_CONDITION.encode(), OUTPUT_CONDITION.encode(), profile))
        if self.embed is not None:
            spec = embedded_file(objs, self.embed, meta.created)
            entries.append(b"/Names << /EmbeddedFiles << /Names [%s %d 0 R] >> >> /AF [%d 0 R]"
                           % (_pdf_text_string(EMBED_NAME), spec, spec))
        objs.set(catalog, b"<< %s >>" % b" ".join(entries))
        date = pdf_date(meta.created).encode()
        # the title for programs that read only the information dictionary; subject and
        # author are in the XMP metadata only (PDF/A asks that the two agree, not that both
        # hold everything), which saves the bytes a one-page letter has not to spare
        info_entries = [b"/Title %s" % _pdf_text_string(meta.title)]
        info = objs.add(b"<< %s /Producer (%s) /Creator (%s) /CreationDate (%s) /ModDate (%s)"
                        b" >>" % (b" ".join(info_entries), PRODUCER.encode(), PRODUCER.encode(),
                                  date, date))
        return _serialise(objs, catalog, info, document_id.bytes)


def _grapheme_starts(text: str) -> list[int]:
    """Character offset where each grapheme cluster of ``text`` starts."""
    starts = []
    pos = 0
    for cluster in clusters(text):
        starts.append(pos)
        pos += len(cluster)
    return starts


def _grapheme_at(starts: list[int], offset: int, length: int) -> int:
    """Index of the grapheme cluster that holds character ``offset`` of a text of
    ``length`` characters whose clusters start at ``starts`` (their count at the end)."""
    return len(starts) if offset >= length else bisect.bisect_right(starts, offset) - 1


def _document_id(objs: _Objects, meta: PdfMeta) -> uuid.UUID:
    """A document ID from the content and the moment: the same letter exported twice gets
    two IDs (they are two files), as PDF's ``/ID`` intends."""
    digest = hashlib.md5(usedforsecurity=False)
    digest.update(meta.created.isoformat().encode())
    for body in objs.bodies:
        digest.update(body or b"")
    return uuid.UUID(bytes=digest.digest())


class _StructTree:
    """The structure tree's objects (``StructTreeRoot``, the elements, the parent tree) and
    the link annotations, written from the ``Tagger``'s elements."""

    def __init__(self, objs: _Objects, tags: Tagger, page_nums: list[int], npages: int
                 ) -> None:
        self.objs = objs
        self.tags = tags
        self.page_nums = page_nums
        self.npages = npages
        self.root_num = objs.reserve()
        self.nums: dict[int, int] = {}  # id(elem) → object number
        self._annots: list[int] = [objs.reserve() for _ in tags.annots]

    def annotations(self) -> list[int]:
        """Object numbers of the link annotations, written with their elements."""
        for index, (page, link, rect) in enumerate(self.tags.annots):
            uri = link.alt or ""
            self.objs.set(self._annots[index], (
                b"<< /Type /Annot /Subtype /Link /Rect [%s] /Border [0 0 0] /F 4 /P %d 0 R"
                b" /StructParent %d /Contents %s /A << /Type /Action /S /URI /URI %s >> >>" % (
                    " ".join(_num(v) for v in rect).encode(), self.page_nums[page],
                    self.npages + index, _pdf_text_string(uri), _pdf_byte_string(uri))))
        return self._annots

    def root(self) -> int:
        objs = self.objs
        for elem in _walk(self.tags.root):
            self.nums[id(elem)] = objs.reserve()
        for elem in _walk(self.tags.root):
            self._write(elem)
        parent_tree = []
        for page, elems in enumerate(self.tags.mcids):
            refs = b" ".join(b"%d 0 R" % self.nums[id(e)] for e in elems)
            parent_tree.append(b"%d [%s]" % (page, refs))
        for index, (_page, link, _rect) in enumerate(self.tags.annots):
            parent_tree.append(b"%d %d 0 R" % (self.npages + index, self.nums[id(link)]))
        tree = objs.add(b"<< /Nums [%s] >>" % b" ".join(parent_tree))
        objs.set(self.root_num, b"<< /Type /StructTreeRoot /K %d 0 R /ParentTree %d 0 R"
                 b" /ParentTreeNextKey %d >>" % (self.nums[id(self.tags.root)], tree,
                                                 self.npages + len(self.tags.annots)))
        return self.root_num

    def _write(self, elem: Elem) -> None:
        pages = elem.pages()
        home = pages[0] if pages else None
        kids = []
        for kid in elem.kids:
            if isinstance(kid, Elem):
                kids.append(b"%d 0 R" % self.nums[id(kid)])
            elif kid[0] == "annot":
                kids.append(b"<< /Type /OBJR /Obj %d 0 R /Pg %d 0 R >>" % (
                    self._annots[kid[1]], self.page_nums[kid[2]]))
            elif kid[0] == home:
                kids.append(b"%d" % kid[1])
            else:
                kids.append(b"<< /Type /MCR /Pg %d 0 R /MCID %d >>" % (
                    self.page_nums[kid[0]], kid[1]))
        parent = (self.nums[id(elem.parent)] if elem.parent is not None else self.root_num)
        body = b"<< /S /%s /P %d 0 R" % (elem.role.encode(), parent)  # /Type is optional
        if home is not None:
            body += b" /Pg %d 0 R" % self.page_nums[home]
        if elem.alt is not None:
            body += b" /Alt %s" % _pdf_text_string(elem.alt)
        self.objs.set(self.nums[id(elem)], body + b" /K [%s] >>" % b" ".join(kids))


def _walk(elem: Elem):
    yield elem
    for kid in elem.kids:
        if isinstance(kid, Elem):
            yield from _walk(kid)


def _pdf_byte_string(text: str) -> bytes:
    """A PDF string of ASCII bytes (a URI is 7-bit ASCII: anything else percent-encoded)."""
    from urllib.parse import quote

    safe = quote(text, safe="!#$&'()*+,/:;=?@[]~%-._")
    return b"(" + safe.encode("ascii").replace(b"\\", b"\\\\").replace(
        b"(", b"\\(").replace(b")", b"\\)") + b")"


def _serialise(objs: _Objects, root: int, info: int, file_id: bytes) -> bytes:
    """The file: streams as objects of their own, every other object (pages, fonts, the
    catalogue) packed into one compressed object stream, and a compressed cross-reference
    stream (PDF 1.5) instead of the 20-bytes-a-line table: a few kilobytes less a letter.
    The trailer's ``/ID`` is ``file_id`` twice (a new file: both halves equal)."""
    out = bytearray(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")
    count = len(objs.bodies)
    packed_num = count + 1
    xref_num = count + 2
    entries: list[tuple[int, int, int]] = [(0, 0, 0xFFFF)]
    packed_heads = []
    packed_bodies = bytearray()
    for num, raw in enumerate(objs.bodies, 1):
        body = raw or b"null"
        if b"\nstream\n" in body:
            if body.endswith(b"\r\nendstream"):
                # data ending in CR: with the usual LF after it, readers (and PDF/A's
                # Length check) take CR LF for the end of line and the data one byte short
                body = body[:-len(b"\nendstream")] + b"\r\nendstream"
            entries.append((1, len(out), 0))
            out += b"%d 0 obj\n" % num + body + b"\nendobj\n"
        else:
            entries.append((2, packed_num, len(packed_heads)))
            packed_heads.append(b"%d %d" % (num, len(packed_bodies)))
            packed_bodies += body + b"\n"
    head = b" ".join(packed_heads) + b"\n"
    data = zlib.compress(head + bytes(packed_bodies), 9)
    entries.append((1, len(out), 0))
    out += (b"%d 0 obj\n<< /Type /ObjStm /N %d /First %d /Filter /FlateDecode /Length %d >>"
            b"\nstream\n" % (packed_num, len(packed_heads), len(head), len(data))
            + data + _eol(data) + b"endstream\nendobj\n")
    xref_at = len(out)
    entries.append((1, xref_at, 0))
    table = zlib.compress(b"".join(struct.pack(">BIH", *entry) for entry in entries), 9)
    hex_id = file_id.hex().encode()
    out += (b"%d 0 obj\n<< /Type /XRef /Size %d /W [1 4 2] /Root %d 0 R /Info %d 0 R"
            b" /ID [<%s> <%s>] /Filter /FlateDecode /Length %d >>\nstream\n" % (
                xref_num, len(entries), root, info, hex_id, hex_id, len(table))
            + table + _eol(table) + b"endstream\nendobj\nstartxref\n%d\n%%%%EOF\n" % xref_at)
    return bytes(out)


def _eol(data: bytes) -> bytes:
    """The end of line between a stream's data and ``endstream``: CR LF after data that ends
    in CR, which a reader would otherwise take, with the LF, for the end of line (and the
    data for one byte shorter than its ``/Length``)."""
    return b"\r\n" if data.endswith(b"\r") else b"\n"


def render_pdf(pages: Pages, fonts: FontSet, settings: RenderSettings, title: str = "", *,
               meta: PdfMeta | None = None, embed: bytes | None = None) -> bytes:
    """The PDF file of ``pages``, as bytes: this module never writes a file (the caller
    writes through ``pipeline.write_outputs``, all or none).

    PDF/A-3b unless ``settings.pdf_a`` is off, and PDF/UA-1 always (tagged, titled, Thai).
    ``meta`` is what the file says about itself (default: just ``title``); ``embed`` the
    draft to carry inside as ``letter.dladraft.json`` (``render.pdf_embed``)."""
    return PdfBuilder(fonts, settings, title, meta=meta, embed=embed).build(pages)
