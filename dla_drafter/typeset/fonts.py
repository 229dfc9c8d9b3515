"""Fonts: find the face to draw with, shape text with HarfBuzz, measure it in centimetres.

Why our own shaping instead of Qt's text engine: the line breaks and glyph positions must be
the same on Windows and Linux, and the PDF's text layer must map every glyph back to the text
(tone marks included). HarfBuzz (through ``uharfbuzz``) with the font *file* gives the same
glyphs and advances everywhere; every back end draws these glyphs at these positions.

The face is TH Sarabun (PSK, New or IT๙) when one is installed, because that is the national
font the regulation names and what the office's Word uses; otherwise the Sarabun fonts of the
``fontpkg-sarabun`` package, which share TH Sarabun's widths within about 1 %.
"""

from __future__ import annotations

import os
import sys
import threading
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import NamedTuple

import uharfbuzz as hb

from ..settings import RenderSettings
from ..text.graphemes import cluster_tuple
from .fontscale import SARABUN_TO_TH_SARABUN_PSK, scale_units_per_em

PT_PER_CM = 72.0 / 2.54

# Preferred installed families, best first, as (file-name prefix, bold suffixes).
_TH_SARABUN_PREFIXES = ("thsarabunpsk", "thsarabunnew", "thsarabunit")


SARA_AM, NIKHAHIT, SARA_AA = "\u0e33", "\u0e4d", "\u0e32"
_FEATURES = {"kern": True, "liga": True}


class ShapedGlyph(NamedTuple):
    """One glyph of a shaped line, in the order it is written out.

    ``x`` is the glyph's origin from the line's start and ``y`` its raise, in font units,
    before justification. ``text`` is what the glyph stands for in the PDF's text layer, and
    ``grapheme`` the index of its grapheme cluster (justification moves whole clusters).

    Within a grapheme the glyphs are ordered by ``x`` and the grapheme's characters are dealt
    out in logical order along them. Text extractors (poppler, pdfminer, pypdf) read a line by
    position and by content order; with both equal to the logical order, ที่ copies as ที่ and
    not as ท่ี, whatever offsets the font's mark positioning gives the vowel and the tone mark.

    A named tuple, not a dataclass: a new paragraph makes thousands of them, and a tuple is
    built several times faster than a frozen dataclass.
    """

    gid: int
    x: int
    y: int
    text: str
    grapheme: int


@dataclass(frozen=True)
class ShapedLine:
    """``grapheme_x[k]`` is where grapheme cluster k starts (pen position, font units)."""

    glyphs: tuple[ShapedGlyph, ...]
    advance: int
    grapheme_x: tuple[int, ...] = ()


def _deal(out: list[ShapedGlyph], group: list[tuple[int, int, int]], chars: str,
          grapheme: int) -> None:
    """The glyphs (x, y, gid) of one grapheme in x order, with its characters dealt out in
    logical order: one to each glyph, the rest to the last (see ``ShapedGlyph``)."""
    if len(group) == 1:
        x, y, gid = group[0]
        out.append(ShapedGlyph(gid, x, y, chars, grapheme))
        return
    group.sort(key=_x_of)  # stable: ties keep their order
    last = len(group) - 1
    for k, (x, y, gid) in enumerate(group):
        # one character to each glyph but the last, which takes the rest
        piece = chars[k:] if k == last else chars[k:k + 1]
        out.append(ShapedGlyph(gid, x, y, piece, grapheme))


def _x_of(placed: tuple[int, int, int]) -> int:
    return placed[0]


class FontFace:
    """A font file opened for shaping. Thread-safe: the GUI typesets in a worker thread.

    ``size_factor`` scales the face (see ``typeset.fontscale``): the bundled Sarabun is drawn
    at TH SarabunPSK's size so that "16 pt" means what it means in the office's Word."""

    def __init__(self, path: Path, bold: bool, size_factor: float = 1.0) -> None:
        self.path = Path(path)
        self.bold = bold
        self.size_factor = size_factor
        data = self.path.read_bytes()
        self.data = data if size_factor == 1.0 else scale_units_per_em(data, size_factor)
        face = hb.Face(hb.Blob(self.data))
        self.hb_face = face
        self._font = hb.Font(face)
        self.hb_font = self._font
        self.upem = face.upem
        extents = self._font.get_font_extents("ltr")
        self.ascender = extents.ascender
        self.descender = extents.descender
        self.family = face.get_name(1) or self.path.stem
        self.postscript_name = (face.get_name(6) or self.path.stem).replace(" ", "")
        self._sara_am = self._font.get_nominal_glyph(ord(SARA_AM))
        self._nikhahit = self._font.get_nominal_glyph(ord(NIKHAHIT))
        self._sara_aa = self._font.get_nominal_glyph(ord(SARA_AA))
        self._lock = threading.Lock()
        # bounded (benchmarks/memory.py): the words and lines of a few letters
        self._shape_cached = lru_cache(maxsize=2048)(self._shape)
        # HarfBuzz's output per line: the typesetter measures each line (an advance is all it
        # needs) and the PDF and the preview then draw it (glyphs): one HarfBuzz call for
        # both, and a DOCX, which draws nothing, never builds the glyph records
        self._raw_cached = lru_cache(maxsize=2048)(self._raw)
        # the line breaker measures every word of a new paragraph and draws none of them:
        # their advances alone (no glyph records) are a quarter of a full shaping's cost
        self._advance_cached = lru_cache(maxsize=4096)(self._advance)
        self._has_glyph: dict[str, bool] = {}  # character → the font draws it
        self._nominal: dict[str, int] = {}  # character → its cmap glyph (bounded by the cmap)

    def __repr__(self) -> str:
        return f"FontFace({self.path.name!r}, bold={self.bold})"

    def _raw(self, text: str) -> tuple[tuple[tuple[int, int, int, int, int], ...], int]:
        """HarfBuzz output as (gid, cluster, x_advance, x_offset, y_offset), and the sum
        of the advances."""
        buf = self._shaped_buffer(text)
        out = []
        pen = 0
        for info, pos in zip(buf.glyph_infos, buf.glyph_positions, strict=True):
            advance = pos.x_advance
            out.append((info.codepoint, info.cluster, advance, pos.x_offset, pos.y_offset))
            pen += advance
        return tuple(out), pen

    def _advance(self, text: str) -> int:
        """The advance of ``text`` in font units, as ``shape(text).advance`` (the merge of a
        lone SARA AM keeps the sum of the two advances it replaces)."""
        if not text:
            return 0
        return sum(pos.x_advance for pos in self._shaped_buffer(text).glyph_positions)

    def _shaped_buffer(self, text: str) -> hb.Buffer:
        """``text`` shaped by HarfBuzz with this face (monotone clusters, kerning and
        ligatures): what both a line's glyphs and a word's advance are read from."""
        buf = hb.Buffer()
        buf.add_str(text)
        buf.guess_segment_properties()
        buf.cluster_level = hb.BufferClusterLevel.MONOTONE_CHARACTERS
        with self._lock:
            hb.shape(self._font, buf, _FEATURES)
        return buf

    def _shape(self, text: str) -> ShapedLine:
        if not text:
            return ShapedLine((), 0)
        raw = self._raw_cached(text)[0]
        # A lone SARA AM is decomposed by the Thai shaper into nikhahit + sara aa: two glyphs
        # for one character, which no text layer can map exactly (pdfminer prints "(cid:n)"
        # for a glyph mapped to nothing). The font's own precomposed ำ draws the same shape
        # when no tone mark sits between, so use it there.
        if self._sara_am and SARA_AM in text:
            merged = []
            i = 0
            while i < len(raw):
                g = raw[i]
                if (i + 1 < len(raw) and g[0] == self._nikhahit and raw[i + 1][0] ==
                        self._sara_aa and g[1] == raw[i + 1][1] and text[g[1]] == SARA_AM
                        and (i + 2 >= len(raw) or raw[i + 2][1] != g[1])):
                    merged.append((self._sara_am, g[1], g[2] + raw[i + 1][2], 0, 0))
                    i += 2
                    continue
                merged.append(g)
                i += 1
            raw = merged
        grapheme_text = cluster_tuple(text)
        char_grapheme: list[int] = []
        for g_index, cluster in enumerate(grapheme_text):
            if len(cluster) == 1:
                char_grapheme.append(g_index)
            else:
                char_grapheme.extend([g_index] * len(cluster))
        last_char = len(text) - 1
        grapheme_x = [0] * len(grapheme_text)
        glyphs: list[ShapedGlyph] = []
        # glyphs of one grapheme come together (monotone clusters); each run is put in x
        # order (stable: ties keep HarfBuzz's order) and the grapheme's characters dealt out
        group: list[tuple[int, int, int]] = []  # (x, y, gid) of the current grapheme
        current = seen = -1
        pen = 0
        for gid, cluster, x_advance, x_offset, y_offset in raw:
            grapheme = char_grapheme[cluster if cluster < last_char else last_char]
            if grapheme != current:
                if group:
                    _deal(glyphs, group, grapheme_text[current], current)
                    group = []
                current = grapheme
                if grapheme > seen:  # monotone clusters: a grapheme's first glyph
                    seen = grapheme
                    grapheme_x[grapheme] = pen
            group.append((pen + x_offset, y_offset, gid))
            pen += x_advance
        if group:
            _deal(glyphs, group, grapheme_text[current], current)
        return ShapedLine(tuple(glyphs), pen, tuple(grapheme_x))

    def glyph_advance(self, gid: int) -> int:
        return self._font.get_glyph_h_advance(gid)

    def nominal_glyph(self, char: str) -> int:
        """The cmap glyph of one character (0, .notdef, when the font has none), kept: the
        PDF's text layer asks it for every cluster of every new line."""
        gid = self._nominal.get(char)
        if gid is None:
            gid = self._nominal[char] = self._font.get_nominal_glyph(ord(char)) or 0
        return gid

    def missing_chars(self, text: str) -> frozenset[str]:
        """The characters of ``text`` (spaces aside) this font has no glyph for. The window
        asks it of every line after every keystroke, before the new preview is painted, so
        each distinct character is looked up once (a letter's characters repeat)."""
        known = self._has_glyph
        absent = set()
        for ch in set(text):
            has = known.get(ch)
            if has is None:
                has = known[ch] = ch.isspace() or bool(self.nominal_glyph(ch))
            if not has:
                absent.add(ch)
        return frozenset(absent)

    def shape(self, text: str) -> ShapedLine:
        return self._shape_cached(text)

    def advance_units(self, text: str) -> int:
        """``shape(text).advance`` without the glyph records (the lone SARA AM merge keeps
        the sum of the advances it replaces)."""
        return self._raw_cached(text)[1] if text else 0

    def width_cm(self, text: str, size_pt: float) -> float:
        """Natural width of ``text`` (no justification spacing) in cm."""
        return self.advance_units(text) * size_pt / self.upem / PT_PER_CM

    def measure_cm(self, text: str, size_pt: float) -> float:
        """``width_cm`` for a text that is measured, not drawn (a word the line breaker
        weighs): the same number, without building the glyphs."""
        return self._advance_cached(text) * size_pt / self.upem / PT_PER_CM


@dataclass(frozen=True)
class PositionedGlyph:
    """A glyph at its place on the line, relative to the line's origin, in cm (y up)."""

    gid: int
    x: float
    y: float
    text: str


def position_glyphs(
    face: FontFace, text: str, size_pt: float, letter_spacing_cm: float = 0.0
) -> list[PositionedGlyph]:
    """Glyph positions of one line: every grapheme cluster after the first is pushed right by
    ``letter_spacing_cm`` times its index. All painters (Qt and PDF) call this, so they place
    every glyph at the same spot."""
    scale = size_pt / face.upem / PT_PER_CM
    return [
        PositionedGlyph(g.gid, g.x * scale + g.grapheme * letter_spacing_cm, g.y * scale,
                        g.text)
        for g in face.shape(text).glyphs
    ]


@dataclass(frozen=True)
class FontSet:
    """The regular and bold faces the letter is drawn with."""

    regular: FontFace
    bold: FontFace

    def face(self, bold: bool) -> FontFace:
        return self.bold if bold else self.regular

    @property
    def family(self) -> str:
        return self.regular.family


def system_font_dirs() -> list[Path]:
    home = Path.home()
    if sys.platform == "win32":
        windir = Path(os.environ.get("WINDIR", "C:/Windows"))
        local = Path(os.environ.get("LOCALAPPDATA", home / "AppData/Local"))
        return [windir / "Fonts", local / "Microsoft/Windows/Fonts"]
    if sys.platform == "darwin":
        return [Path("/Library/Fonts"), home / "Library/Fonts", Path("/System/Library/Fonts")]
    return [Path("/usr/share/fonts"), Path("/usr/local/share/fonts"),
            home / ".local/share/fonts", home / ".fonts"]


def _normalise(name: str) -> str:
    return name.lower().replace(" ", "").replace("_", "").replace("-", "")


def find_th_sarabun(dirs: list[Path] | None = None) -> tuple[Path, Path] | None:
    """(regular, bold) files of an installed TH Sarabun family, or None."""
    found: dict[str, dict[str, Path]] = {}
    for folder in dirs if dirs is not None else system_font_dirs():
        if not folder.is_dir():
            continue
        for root, _dirs, files in os.walk(folder):
            for file in files:
                if not file.lower().endswith(".ttf"):
                    continue
                stem = _normalise(file[:-4])
                for prefix in _TH_SARABUN_PREFIXES:
                    if stem.startswith(prefix):
                        rest = stem[len(prefix):].lstrip("๙9")
                        style = {"": "regular", "bold": "bold"}.get(rest)
                        if style:
                            found.setdefault(prefix, {})[style] = Path(root) / file
    for prefix in _TH_SARABUN_PREFIXES:
        styles = found.get(prefix, {})
        if "regular" in styles:
            return styles["regular"], styles.get("bold", styles["regular"])
    return None


def bundled_sarabun() -> tuple[Path, Path]:
    import fontpkg_sarabun

    files = Path(fontpkg_sarabun.ROOT) / "files"
    return files / "Sarabun-Regular.ttf", files / "Sarabun-Bold.ttf"


_font_sets: dict[tuple[str, str], FontSet] = {}
_resolved: dict[tuple[bool, str | None], FontSet] = {}
_font_lock = threading.Lock()


def load_font_set(use_system: bool = True, font_dir: Path | None = None) -> FontSet:
    """The faces to draw with, found and opened once per process (the search walks the
    system's font folders; every typesetting, preview repaint and export asks for them)."""
    request = (use_system, str(font_dir) if font_dir else None)
    found = _resolved.get(request)
    if found is not None:
        return found
    paths = None
    factor = 1.0
    if use_system:
        paths = find_th_sarabun([font_dir] if font_dir else None)
    if paths is None:
        paths = bundled_sarabun()
        factor = SARABUN_TO_TH_SARABUN_PSK
    key = (str(paths[0]), str(paths[1]))
    with _font_lock:
        if key not in _font_sets:
            _font_sets[key] = FontSet(FontFace(paths[0], False, factor),
                                      FontFace(paths[1], True, factor))
        _resolved[request] = _font_sets[key]
        return _font_sets[key]


def fonts_for(settings: RenderSettings) -> FontSet:
    """The faces a letter is drawn with under these settings (every back end asks here)."""
    return load_font_set(settings.use_system_th_sarabun, settings.pdf_font_dir)
