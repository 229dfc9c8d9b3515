"""The fonts inside the DOCX, read back as Word reads them, and the links.

The embedded faces are taken out of the produced file, de-obfuscated with the key from
``fontTable.xml`` exactly as ECMA-376 says (not with the writer's own function) and opened
with fontTools and HarfBuzz: their name, Thai coverage, line height and shaping are checked.
"""

from __future__ import annotations

import io
import json
import zipfile
from pathlib import Path

import docx
import pytest
import uharfbuzz as hb
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from fontTools.ttLib import TTFont
from lxml import etree

from dla_drafter import pipeline
from dla_drafter.model.draftio import letter_from_dict
from dla_drafter.render.docx_fonts import embeddable_face
from dla_drafter.render.docx_links import link_target
from dla_drafter.settings import RenderSettings
from dla_drafter.typeset.fonts import load_font_set
from dla_drafter.typeset.profile import TH_SARABUN_PSK_LINE_EM

ROOT = Path(__file__).resolve().parents[2]
W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"


def w(tag: str) -> str:
    return f"{{{W}}}{tag}"


def made(name: str = "circular-2565-ipst", font: str = "TH SarabunPSK") -> dict[str, bytes]:
    data = json.loads((ROOT / "examples" / f"{name}.dladraft.json").read_text("utf-8"))
    settings = RenderSettings(use_system_th_sarabun=False, docx_font=font)
    out = pipeline.make_outputs(letter_from_dict(data), ["x.docx"], settings).first("docx")
    with zipfile.ZipFile(io.BytesIO(out)) as z:
        return {n: z.read(n) for n in z.namelist()} | {"": out}


def embedded(raw: dict[str, bytes], family: str) -> dict[str, TTFont]:
    """The embedded faces of ``family``, de-obfuscated by the spec's rule."""
    table = etree.fromstring(raw["word/fontTable.xml"])
    rels = etree.fromstring(raw["word/_rels/fontTable.xml.rels"])
    targets = {r.get("Id"): "word/" + r.get("Target") for r in rels}
    entry = next(f for f in table.iter(w("font")) if f.get(w("name")) == family)
    faces = {}
    for element in entry:
        tag = etree.QName(element).localname
        if not tag.startswith("embed"):
            continue
        key = element.get(w("fontKey"))
        guid = bytes.fromhex(key.strip("{}").replace("-", ""))[::-1]
        data = bytearray(raw[targets[element.get(f"{{{R}}}id")]])
        for i in range(32):
            data[i] ^= guid[i % 16]
        faces[tag] = TTFont(io.BytesIO(bytes(data)))
    return faces


@pytest.fixture(scope="module")
def ipst() -> dict[str, bytes]:
    return made()


def test_the_regular_and_bold_faces_are_embedded_as_word_embeds_them(ipst):
    fonts = [n for n in ipst if n.startswith("word/fonts/")]
    assert sorted(fonts) == ["word/fonts/font1.odttf", "word/fonts/font2.odttf"]
    types = ipst["[Content_Types].xml"].decode()
    assert "application/vnd.openxmlformats-officedocument.obfuscatedFont" in types
    faces = embedded(ipst, "TH SarabunPSK")
    assert set(faces) == {"embedRegular", "embedBold"}
    settings = etree.fromstring(ipst["word/settings.xml"])
    assert settings.find(w("embedTrueTypeFonts")) is not None
    assert settings.find(w("saveSubsetFonts")) is not None
    names = [etree.QName(c).localname for c in settings][:6]
    assert names.index("embedTrueTypeFonts") < names.index("saveSubsetFonts")


def test_the_embedded_face_is_the_stand_in_named_as_the_docx_names_its_font(ipst):
    faces = embedded(ipst, "TH SarabunPSK")
    for tag, face in faces.items():
        names = face["name"]
        assert names.getDebugName(1) == "TH SarabunPSK"
        assert names.getDebugName(2) == ("Bold" if tag == "embedBold" else "Regular")
        assert "Sarabun" in names.getDebugName(10) and "Open Font License" in names.getDebugName(
            10)
        assert "Open Font License" in names.getDebugName(13)
        cmap = face.getBestCmap()
        assert all(c in cmap for c in range(0x0E01, 0x0E3B))  # every Thai letter and vowel
        assert all(c in cmap for c in range(0x0E40, 0x0E5C))
        assert all(c in cmap for c in range(0x20, 0x7F))
        # TH SarabunPSK's single line (1.627 em) on every metric Word or LibreOffice reads
        upem = face["head"].unitsPerEm
        hhea, os2 = face["hhea"], face["OS/2"]
        assert (hhea.ascent - hhea.descent) / upem == pytest.approx(TH_SARABUN_PSK_LINE_EM,
                                                                    abs=0.002)
        assert (os2.usWinAscent + os2.usWinDescent) / upem == pytest.approx(
            TH_SARABUN_PSK_LINE_EM, abs=0.002)
        assert hhea.lineGap == os2.sTypoLineGap == 0
        assert os2.fsType == 0  # installable: Word and LibreOffice may use it for editing
    # the stand-in's widths are the typesetter's: same advance for a Thai word
    regular = load_font_set(False).regular
    face = faces["embedRegular"]
    word = "ปกครองท้องถิ่น"
    cmap = face.getBestCmap()
    base = [c for c in word if ord(c) in cmap and unicode_is_base(c)]
    widths = sum(face["hmtx"][cmap[ord(c)]][0] for c in base) / face["head"].unitsPerEm
    ours = sum(regular.glyph_advance(regular.nominal_glyph(c)) for c in base) / regular.upem
    assert widths == pytest.approx(ours, rel=1e-6)


def unicode_is_base(ch: str) -> bool:
    import unicodedata

    return unicodedata.category(ch) == "Lo"


def test_sara_am_is_one_glyph_when_no_tone_mark_stands_between(ipst):
    """HarfBuzz splits ำ; the embedded face joins it back (ทำ → ท + ำ), so a PDF made from
    the DOCX maps ำ and า each to their own glyph (see docx_fonts.recompose_sara_am)."""
    face = embedded(ipst, "TH SarabunPSK")["embedRegular"]
    out = io.BytesIO()
    face.save(out)
    font = hb.Font(hb.Face(hb.Blob(out.getvalue())))
    cmap = face.getBestCmap()

    def glyphs(text: str) -> list[str]:
        buf = hb.Buffer()
        buf.add_str(text)
        buf.guess_segment_properties()
        hb.shape(font, buf, {})
        return [face.getGlyphName(i.codepoint) for i in buf.glyph_infos]

    assert glyphs("ทำ") == [cmap[0x0E17], cmap[0x0E33]]
    assert glyphs("คำสั่ง")[1] == cmap[0x0E33]
    assert cmap[0x0E32] in glyphs("น้ำ")  # after a tone mark the pair stays apart


def test_a_custom_docx_font_names_the_embedded_face():
    raw = made("memo-2569", font="TH SarabunIT๙")
    faces = embedded(raw, "TH SarabunIT๙")
    assert faces["embedRegular"]["name"].getDebugName(1) == "TH SarabunIT๙"
    assert faces["embedBold"]["name"].getDebugName(6) == "THSarabunIT-Bold"  # ASCII only


def test_a_face_whose_licence_forbids_embedding_is_left_out(tmp_path):
    regular = load_font_set(False).regular
    font = TTFont(io.BytesIO(regular.data))
    font["OS/2"].fsType = 0x0002  # restricted licence embedding
    out = io.BytesIO()
    font.save(out)

    class Face:
        data = out.getvalue()
        size_factor = 1.0
        bold = False

        @staticmethod
        def nominal_glyph(ch: str) -> int:
            return 1

    assert embeddable_face(Face(), "Restricted") is None  # type: ignore[arg-type]


# --- links --------------------------------------------------------------------------------

def test_urls_and_e_mail_addresses_are_hyperlinks(ipst):
    document = docx.Document(io.BytesIO(ipst[""]))
    body = document.element.body
    links = {}
    for link in body.iter(w("hyperlink")):
        rel = document.part.rels[link.get(f"{{{R}}}id")]
        assert rel.is_external and rel.reltype == RT.HYPERLINK
        shown = "".join(t.text or "" for t in link.iter(w("t")))
        links[shown] = rel.target_ref
        for run in link.iter(w("r")):
            assert run.find(f"{w('rPr')}/{w('rStyle')}").get(w("val")) == "Hyperlink"
    assert links == {
        "tpipst@proj.ipst.ac.th": "mailto:tpipst@proj.ipst.ac.th",
        "saraban@dla.go.th": "mailto:saraban@dla.go.th",
        "https://bit.ly/3I4Rmeo": "https://bit.ly/3I4Rmeo",
    }
    # the text reads exactly as before: nothing added around a link
    cells = [p.text for table in document.tables for row in table.rows for cell in row.cells
             for p in cell.paragraphs]
    assert "ไปรษณีย์อิเล็กทรอนิกส์ saraban@dla.go.th" in cells
    styles = etree.fromstring(ipst["word/styles.xml"])
    style = styles.find(f"{w('style')}[@{w('styleId')}='Hyperlink']")
    assert style.get(w("type")) == "character"
    assert style.find(f"{w('name')}").get(w("val")) == "Hyperlink"


@pytest.mark.parametrize(("shown", "target"), [
    ("saraban@dla.go.th", "mailto:saraban@dla.go.th"),
    ("mailto:saraban@dla.go.th", "mailto:saraban@dla.go.th"),
    ("https://bit.ly/3I4Rmeo", "https://bit.ly/3I4Rmeo"),
    ("bit.ly/3I4Rmeo", "https://bit.ly/3I4Rmeo"),
    ("www.dla.go.th", "https://www.dla.go.th"),
    ("ftp://files.dla.go.th/a", "ftp://files.dla.go.th/a"),
    ("https://example.com/a@b", "https://example.com/a@b"),
])
def test_link_targets(shown, target):
    assert link_target(shown) == target
