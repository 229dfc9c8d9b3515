"""The PDF is small and well formed: every stream compressed (but the XMP metadata, which
PDF/A wants readable as it is), the font cut down to the glyphs used (ids unchanged), the
bundled ครุฑ vector paths and an office's black emblem a sharp 1-bit mask, ``qpdf --check``
clean."""

from __future__ import annotations

import copy
import io
import re
import shutil
import subprocess

import pymupdf
import pytest
from exporting import export
from fontTools.ttLib import TTFont
from pypdf import PdfReader

from dla_drafter.model.draftio import letter_from_dict
from dla_drafter.render.font_subset import subset_font
from dla_drafter.typeset.fonts import load_font_set

PT = 72 / 2.54


@pytest.fixture
def one_page_pdf(eef_dict, settings, tmp_path):
    """The one-page letter of ``benchmarks/engine.py``."""
    data = copy.deepcopy(eef_dict)
    data["body"] = data["body"][:1]
    data["references"] = []
    data["recipients"] = {}
    path = tmp_path / "one.pdf"
    pages = export(letter_from_dict(data), path, settings)
    assert len(pages) == 1
    return path


def test_a_one_page_letter_is_at_most_60_kb(one_page_pdf):
    assert one_page_pdf.stat().st_size <= 60_000


def test_every_stream_is_flate_compressed(one_page_pdf):
    with pymupdf.open(one_page_pdf) as doc:
        streams = [x for x in range(1, doc.xref_length()) if doc.xref_is_stream(x)]
        assert len(streams) > 50  # content, glyph forms, font, ToUnicode, ครุฑ …
        metadata = [x for x in streams if doc.xref_get_key(x, "Type") == ("name", "/Metadata")]
        assert len(metadata) == 1
        for xref in streams:
            if xref not in metadata:
                assert doc.xref_get_key(xref, "Filter") == ("name", "/FlateDecode"), xref


@pytest.mark.skipif(shutil.which("qpdf") is None, reason="qpdf not installed")
def test_qpdf_check_is_clean(one_page_pdf, eef_dict, settings, tmp_path):
    three = tmp_path / "three.pdf"
    eef_dict["body"] = eef_dict["body"] * 2
    eef_dict["recipients"] = {}
    export(letter_from_dict(eef_dict), three, settings)
    for path in (one_page_pdf, three):
        result = subprocess.run(["qpdf", "--check", str(path)], capture_output=True, text=True)
        assert result.returncode == 0, result.stdout + result.stderr
        assert "No syntax or stream encoding errors found" in result.stdout
        assert "WARNING" not in result.stdout + result.stderr


def _embedded_font(path):
    """(BaseFont, the font program, {code: (glyph id in the program, text of the code)})."""
    reader = PdfReader(path)
    font = next(iter(reader.pages[0]["/Resources"]["/Font"].values())).get_object()
    cid_font = font["/DescendantFonts"][0].get_object()
    program = cid_font["/FontDescriptor"].get_object()["/FontFile2"].get_object().get_data()
    cid_to_gid = cid_font["/CIDToGIDMap"].get_object().get_data()
    cmap = font["/ToUnicode"].get_object().get_data().decode("ascii")
    texts = {int(code, 16): bytes.fromhex(text).decode("utf-16-be")
             for code, text in re.findall(r"<([0-9a-f]{4})> <([0-9a-f]+)>", cmap)}
    codes = {code: (int.from_bytes(cid_to_gid[2 * code:2 * code + 2], "big"), text)
             for code, text in texts.items()}
    return str(font["/BaseFont"]), TTFont(io.BytesIO(program)), codes


def test_the_font_is_a_subset_of_the_glyphs_the_text_uses(one_page_pdf):
    base_font, font, codes = _embedded_font(one_page_pdf)
    whole = TTFont(io.BytesIO(load_font_set(use_system=False).regular.data))
    assert re.fullmatch(r"/[A-Z]{6}\+Sarabun-Regular", base_font)  # the subset tag
    assert 30 < len(codes) < 300
    assert font["maxp"].numGlyphs < 2 * len(codes) < whole["maxp"].numGlyphs
    assert font["head"].unitsPerEm == whole["head"].unitsPerEm  # the size scaling is kept
    assert "GPOS" not in font and "GSUB" not in font
    glyf, names = font["glyf"], font.getGlyphOrder()
    whole_glyf, whole_cmap = whole["glyf"], whole.getBestCmap()
    for code, (gid, text) in codes.items():
        # each code draws its cluster's first character's glyph, exactly, with the
        # cluster's advance (a widened glyph: one component, that glyph)
        glyph = glyf[names[gid]]
        original = whole_glyf[whole_cmap[ord(text[0])]]
        if glyph.isComposite() and not original.isComposite():
            assert len(glyph.components) == 1
            glyph = glyf[glyph.components[0].glyphName]
        assert glyph.numberOfContours == original.numberOfContours, (code, text)
        if original.numberOfContours > 0:
            assert glyph.getCoordinates(glyf)[0] == original.getCoordinates(whole_glyf)[0]


def test_a_composite_glyph_keeps_its_components():
    data = load_font_set(use_system=False).regular.data
    whole = TTFont(io.BytesIO(data))
    aacute, space = whole.getGlyphID("Aacute"), whole.getGlyphID(whole.getBestCmap()[32])
    components = [whole.getGlyphID(c.glyphName) for c in whole["glyf"]["Aacute"].components]
    program, new_id, widened = subset_font(data, {aacute}, {(aacute, 2000), (space, 3 * 400)})
    sub = TTFont(io.BytesIO(program))
    glyf, names = sub["glyf"], sub.getGlyphOrder()  # no glyph names in the subset: by id
    assert sorted(new_id) == sorted({0, space, aacute, *components})  # nothing else
    assert sub["maxp"].numGlyphs == len(new_id) + 2
    assert glyf[names[new_id[aacute]]].isComposite()
    for gid in components:
        assert glyf[names[new_id[gid]]].numberOfContours > 0, gid
    assert glyf[names[new_id[0]]].numberOfContours > 0  # .notdef
    wide = glyf[names[widened[(aacute, 2000)]]]
    assert [c.glyphName for c in wide.components] == [names[new_id[aacute]]]
    assert sub["hmtx"][names[widened[(aacute, 2000)]]][0] == 2000
    assert sub["hmtx"][names[widened[(space, 1200)]]][0] == 1200
    assert glyf[names[widened[(space, 1200)]]].numberOfContours == 0


@pytest.mark.skipif(shutil.which("pdffonts") is None, reason="poppler-utils not installed")
def test_pdffonts_shows_the_font_embedded_subset_with_tounicode(one_page_pdf):
    out = subprocess.run(["pdffonts", str(one_page_pdf)], capture_output=True, text=True,
                         check=True).stdout
    rows = [line.split() for line in out.splitlines()[2:] if line.strip()]
    assert rows
    for row in rows:
        assert "Sarabun" in row[0]
        assert row[-5:-2] == ["yes", "yes", "yes"], row  # emb sub uni


def test_the_bundled_emblem_is_vector_paths_drawn_twice_from_one_form(one_page_pdf):
    """The ครุฑ as paths (sharp at any printer's resolution, no image) from the resource
    ``scripts/build_emblem.py`` makes: the mirrored half is the same form drawn through a
    mirror matrix, so it is stored once, in less room than the 600 dpi mask it replaced
    (12 KB)."""
    with pymupdf.open(one_page_pdf) as doc:
        assert doc[0].get_images(full=True) == []
        forms = [x for x in range(1, doc.xref_length()) if doc.xref_is_stream(x)
                 and doc.xref_get_key(x, "BBox") == ("array", "[0 0 200 210]")]
        assert len(forms) == 1
        assert len(doc.xref_stream_raw(forms[0])) < 8_000
        content = doc[0].read_contents().decode("latin-1")
    assert re.search(r"q 1 0 0 1 0 0 cm /EmP0 Do Q\s+q -1 0 0 1 200 0 cm /EmP0 Do Q", content)


def test_an_office_black_emblem_is_a_1_bit_mask(eef_dict, tmp_path):
    """An office's own black-on-transparent PNG (decoded without Qt) prints as a 1-bit mask
    at its own resolution: no colour, no shades, a few kilobytes."""
    from PIL import Image, ImageDraw

    from dla_drafter.settings import RenderSettings

    image = Image.new("LA", (600, 640), (0, 0))
    ImageDraw.Draw(image).ellipse((20, 20, 580, 620), fill=(0, 255))
    png = tmp_path / "office.png"
    image.save(png)
    eef_dict["recipients"] = {}
    path = tmp_path / "office.pdf"
    export(letter_from_dict(eef_dict), path, RenderSettings(use_system_th_sarabun=False,
                                                            emblem_path=png))
    with pymupdf.open(path) as doc:
        images = doc[0].get_images(full=True)
        assert len(images) == 1
        xref, smask, width, height, bpc = images[0][:5]
        assert (width, height, bpc, smask) == (600, 640, 1, 0)
        assert doc.xref_get_key(xref, "ImageMask") == ("bool", "true")
        assert doc.xref_get_key(xref, "Interpolate") == ("null", "null")  # PDF/A: none
        assert len(doc.xref_stream_raw(xref)) < 5_000


def test_a_long_session_that_fills_the_codes_starts_afresh(eef_dict, settings, tmp_path):
    """Codes are shared by every PDF a process writes; near the 65 535 a font can have, the
    next export starts a new set (and forgets the lines written with the old one) instead of
    failing with "too many distinct characters"."""
    from dla_drafter.render import pdf
    from dla_drafter.typeset.fonts import fonts_for

    eef_dict["recipients"] = {}
    export(letter_from_dict(eef_dict), tmp_path / "first.pdf", settings)
    face = fonts_for(settings).regular
    registry = pdf._codes_for(face)
    n = 0
    while len(registry.codes) < 65_530:  # as many clusters as a very long session could see
        registry.code(n % 700, "ก", n)
        n += 1
    paragraph = "ฃ๊ ฅ๋ ฆ์ ฌ๎ QWXZ ๛ " * 3 + "ข้อความที่ไม่เคยเขียนมาก่อน"
    eef_dict["body"] = [paragraph]
    path = tmp_path / "after.pdf"
    export(letter_from_dict(eef_dict), path, settings)
    assert pdf._codes_for(face) is not registry
    assert len(pdf._codes_for(face).codes) < 1000
    text = "".join(page.extract_text() for page in PdfReader(path).pages)
    assert "".join(paragraph.split()) in "".join(text.split())


def test_stream_data_ending_in_cr_keeps_its_length(monkeypatch, eef_dict, settings):
    """Compressed data may end in CR (one letter in 76 of a merge did, in its
    cross-reference stream): the writer then ends the line with CR LF, so that readers and
    PDF/A's length check do not take the CR for part of the end of line."""
    import zlib as real_zlib

    from dla_drafter.render import pdf as writer

    class Zlib:  # every compressed stream ends in CR: its data, then a stored CR
        @staticmethod
        def compress(data, level=6):
            return real_zlib.compress(data, level) + b"\r"

    monkeypatch.setattr(writer, "zlib", Zlib)
    eef_dict["recipients"] = {}
    data = writer.render_pdf(*_typeset(eef_dict, settings), settings, "x")
    for match in re.finditer(rb"\n(\d+) 0 obj\n<<(.*?)>>\nstream\n", data, re.S):
        length = int(re.search(rb"/Length (\d+)", match.group(2)).group(1))
        end = match.end() + length
        assert data[end:end + 11] in (b"\r\nendstream", b"\nendstream\n"), match.group(1)
        if data[end - 1:end] == b"\r":
            assert data[end:end + 2] == b"\r\n"
    from pdf_checks import failures

    assert not [f for f in failures(data, ("3b",)) if "LENGTH" in f]


def _typeset(eef_dict, settings):
    from dla_drafter.pipeline import typeset_letter
    from dla_drafter.typeset.fonts import fonts_for

    return typeset_letter(letter_from_dict(eef_dict), settings), fonts_for(settings)
