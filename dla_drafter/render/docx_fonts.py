"""The letter's fonts inside the DOCX, so a PC without TH Sarabun shows the same lines.

A DOCX names its font; a PC that lacks it substitutes another, wider or narrower one, and
the address wraps, the amount column moves and the initials grid's labels break mid-word
(พิม/พ์). Word and LibreOffice both read fonts embedded in the file as Word writes them:
``word/fonts/fontN.odttf`` (the TrueType file with its first 32 bytes XOR-ed with a GUID
key, ECMA-376 part 1, 17.8.1), related from ``fontTable.xml`` whose ``w:font`` entry gets
``w:embedRegular``/``w:embedBold`` with that key, and ``w:embedTrueTypeFonts`` in
``settings.xml`` (the template carries it).

What is embedded is the face the typesetter measured the letter with (``typeset.fonts``):
an installed TH Sarabun as it is, or else the bundled Sarabun (SIL Open Font License 1.1,
which allows embedding and modified copies) already scaled to TH SarabunPSK's size. That
stand-in gets TH SarabunPSK's line height too — the ascent and descent of Word's single
line, 1.627 em (``typeset.profile``) — so "single" spacing is the PDF's 26 pt line pitch in
Word and in LibreOffice alike. The embedded face is named as the DOCX names its font
(``RenderSettings.docx_font``, "TH SarabunPSK" by default), since both programs find an
embedded font by its family name; its description says what it is. A PC that has the
office's own TH Sarabun may use that instead: the widths agree within about 1 %.

The font is cut to the Thai block, Basic Latin, Latin-1 and common punctuation (plus any
other character the letter uses), not just the letter's characters: a clerk who edits the
DOCX on a PC without the font can still type Thai in it. Each face is made once per
process (fontTools, ~0.1 s) and reused. A face whose licence forbids embedding
(``OS/2.fsType`` restricted) is left out.
"""

from __future__ import annotations

import hashlib
import io
import re
import threading
import uuid
from functools import lru_cache
from typing import Any

from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.part import Part
from docx.oxml.ns import qn
from lxml import etree

from ..typeset.fonts import FontFace, FontSet
from ..typeset.layout import BASELINE_RATIO
from ..typeset.profile import TH_SARABUN_PSK_LINE_EM

W_T = qn("w:t")
CT_OBFUSCATED_FONT = "application/vnd.openxmlformats-officedocument.obfuscatedFont"
# characters every embedded face keeps, whether the letter uses them or not
BASE_CHARS = frozenset(
    [chr(c) for c in range(0x20, 0x7F)] + [chr(c) for c in range(0xA0, 0x100)]
    + [chr(c) for c in range(0x0E01, 0x0E5C)] + [chr(c) for c in range(0x2010, 0x2028)]
    + [chr(c) for c in range(0x2030, 0x203B)] + ["\u20ac", "\u2122", "\u25cf"])
FSTYPE_RESTRICTED = 0x0002  # "Restricted License embedding": must not be embedded
FSTYPE_NO_SUBSET = 0x0100  # "No subsetting": embed the whole font or nothing
STAND_IN_NOTE = ("Sarabun (Cadson Demak, SIL Open Font License 1.1) scaled to TH SarabunPSK's "
                 "size and line height by DLA Drafter, embedded in this letter in place of "
                 "the font it names.")
_EMBED_ORDER = ("embedRegular", "embedBold", "embedItalic", "embedBoldItalic")
_lock = threading.Lock()


def obfuscate(font: bytes, key: str) -> bytes:
    """The ``.odttf`` bytes of ``font`` for the GUID ``key`` (``{XXXXXXXX-…}``): the first
    32 bytes XOR-ed with the key's 16 bytes, last byte first (applied twice it restores)."""
    digits = bytes.fromhex(key.strip("{}").replace("-", ""))[::-1]
    head = bytes(b ^ digits[i % 16] for i, b in enumerate(font[:32]))
    return head + font[32:]


def font_key(data: bytes) -> str:
    """A GUID made from the font's bytes: the same face gets the same key, so the output
    does not change from one export to the next."""
    return "{" + str(uuid.UUID(bytes=hashlib.sha256(data).digest()[:16])).upper() + "}"


def _postscript(family: str, style: str) -> str:
    """A PostScript name: printable ASCII without spaces (``TH SarabunIT๙`` → ``THSarabunIT``)."""
    plain = re.sub(r"[^A-Za-z0-9_.-]", "", family) or "DLAFont"
    return f"{plain}-{style}"[:63]


SARA_AM, NIKHAHIT, SARA_AA = 0x0E33, 0x0E4D, 0x0E32


def recompose_sara_am(font: Any) -> bool:
    """Give ``font`` (fontTools) a ligature NIKHAHIT + SARA AA → SARA AM in ``ccmp``.

    HarfBuzz (in LibreOffice, Chrome …) splits every ำ into ํ + า before the font's
    features run. LibreOffice's PDF export then maps the pair's text to the first glyph and
    nothing to the second, and keeps one mapping per glyph from its first use: when a
    letter's first ำ comes before its first plain า (สำเนาคู่ฉบับ, คำสั่ง …), every า of the
    PDF copies as nothing (PDF/UA's "glyph without Unicode mapping"). With the pair joined
    back into the font's own ำ glyph — which is what our PDF draws — ำ is one glyph mapped to
    ำ and า keeps its own. (After a tone mark, น้ำ, the pair stays apart, as it must.)
    Returns whether the ligature was added."""
    from fontTools.ttLib.tables import otTables as ot

    cmap = font.getBestCmap() or {}
    if "GSUB" not in font or not all(c in cmap for c in (SARA_AM, NIKHAHIT, SARA_AA)):
        return False
    gsub = font["GSUB"].table
    if gsub.LookupList is None or gsub.FeatureList is None:
        return False
    ligature = ot.Ligature()
    ligature.LigGlyph = cmap[SARA_AM]
    ligature.Component = [cmap[SARA_AA]]
    ligature.CompCount = 2
    subtable = ot.LigatureSubst()
    subtable.ligatures = {cmap[NIKHAHIT]: [ligature]}
    lookup = ot.Lookup()
    lookup.LookupType = 4
    lookup.LookupFlag = 0
    lookup.SubTable = [subtable]
    lookup.SubTableCount = 1
    gsub.LookupList.Lookup.append(lookup)  # last: after the font's own ccmp lookups
    gsub.LookupList.LookupCount = len(gsub.LookupList.Lookup)
    index = gsub.LookupList.LookupCount - 1
    added = False
    for record in gsub.FeatureList.FeatureRecord:
        if record.FeatureTag == "ccmp":
            record.Feature.LookupListIndex.append(index)
            record.Feature.LookupCount = len(record.Feature.LookupListIndex)
            added = True
    return added


@lru_cache(maxsize=16)
def _embeddable(data: bytes, stand_in: bool, family: str, bold: bool,
                extra: frozenset[str]) -> bytes | None:
    """The face cut, renamed and (for the stand-in) given TH SarabunPSK's line height."""
    from fontTools import subset
    from fontTools.ttLib import TTFont

    font = TTFont(io.BytesIO(data))
    os2 = font.get("OS/2")
    fs_type = os2.fsType if os2 is not None else 0
    if fs_type & FSTYPE_RESTRICTED:
        return None
    if stand_in:
        upem = font["head"].unitsPerEm
        ascent = round(upem * TH_SARABUN_PSK_LINE_EM * BASELINE_RATIO)
        descent = round(upem * TH_SARABUN_PSK_LINE_EM) - ascent
        hhea = font["hhea"]
        hhea.ascent, hhea.descent, hhea.lineGap = ascent, -descent, 0
        if os2 is not None:
            os2.sTypoAscender, os2.sTypoDescender, os2.sTypoLineGap = ascent, -descent, 0
            os2.usWinAscent, os2.usWinDescent = ascent, descent
        recompose_sara_am(font)
    style = "Bold" if bold else "Regular"
    name = font["name"]
    for name_id in (1, 2, 3, 4, 6, 16, 17):
        name.removeNames(nameID=name_id)
    name.setName(family, 1, 3, 1, 0x409)
    name.setName(style, 2, 3, 1, 0x409)
    name.setName(f"DLA Drafter: {family} {style}", 3, 3, 1, 0x409)
    name.setName(family if not bold else f"{family} Bold", 4, 3, 1, 0x409)
    name.setName(_postscript(family, style), 6, 3, 1, 0x409)
    if stand_in:
        name.removeNames(nameID=10)
        name.setName(STAND_IN_NOTE, 10, 3, 1, 0x409)
    if not fs_type & FSTYPE_NO_SUBSET:
        options = subset.Options()
        options.layout_features = ["*"]
        options.name_IDs = ["*"]
        options.name_languages = ["*"]
        options.name_legacy = True
        options.notdef_outline = True
        options.glyph_names = False
        options.drop_tables += ["DSIG"]
        cutter = subset.Subsetter(options)
        cutter.populate(text="".join(sorted(BASE_CHARS | extra)))
        cutter.subset(font)
    out = io.BytesIO()
    font.save(out)
    return out.getvalue()


def embeddable_face(face: FontFace, family: str, chars: frozenset[str] = frozenset(),
                    ) -> bytes | None:
    """The TrueType bytes to embed for ``face`` under the name ``family`` (None when its
    licence forbids embedding). ``chars`` are the letter's characters: those the face has
    beyond :data:`BASE_CHARS` are kept too."""
    extra = frozenset(ch for ch in chars - BASE_CHARS if face.nominal_glyph(ch))
    with _lock:
        return _embeddable(face.data, face.size_factor != 1.0, family, face.bold, extra)


def _document_chars(document: Any) -> frozenset[str]:
    chars: set[str] = set()
    roots = [document.element]
    for rel in document.part.rels.values():
        if not rel.is_external and hasattr(rel.target_part, "_element"):
            roots.append(rel.target_part._element)
    for root in roots:
        for t in root.iter(W_T):
            chars.update(t.text or "")
    return frozenset(chars)


def _font_table(document: Any) -> Any:
    for rel in document.part.rels.values():
        if rel.reltype == RT.FONT_TABLE and not rel.is_external:
            return rel.target_part
    return None


@lru_cache(maxsize=8)  # bounded: the faces of a font set or two
def _packed(data: bytes) -> tuple[str, bytes]:
    """(key, ``.odttf`` bytes) of a face: hashing and XOR-ing ~50 KB is the same work for
    every letter, and the same bytes object lets ``docx_zip`` find its deflated copy fast."""
    key = font_key(data)
    return key, obfuscate(data, key)


def embed_fonts(document: Any, fonts: FontSet, family: str) -> int:
    """Embed the regular and bold faces of ``fonts`` as ``family`` (the DOCX's font name);
    returns how many faces went in."""
    table_part = _font_table(document)
    if table_part is None:
        return 0
    root = etree.fromstring(table_part.blob)
    entry = next((f for f in root.findall(qn("w:font")) if f.get(qn("w:name")) == family), None)
    if entry is None:
        entry = etree.SubElement(root, qn("w:font"), {qn("w:name"): family})
    for old in [c for c in entry if etree.QName(c).localname in _EMBED_ORDER]:
        entry.remove(old)
    chars = _document_chars(document)
    package = document.part.package
    made = 0
    for tag, face in (("embedRegular", fonts.regular), ("embedBold", fonts.bold)):
        data = embeddable_face(face, family, chars)
        if data is None:
            continue
        key, odttf = _packed(data)
        partname = package.next_partname("/word/fonts/font%d.odttf")
        part = Part(partname, CT_OBFUSCATED_FONT, odttf, package)
        rid = table_part.relate_to(part, RT.FONT)
        etree.SubElement(entry, qn(f"w:{tag}"), {
            qn("r:id"): rid, qn("w:fontKey"): key, qn("w:subsetted"): "1"})
        made += 1
    table_part._blob = etree.tostring(root, xml_declaration=True, encoding="UTF-8",
                                      standalone=True)
    return made


__all__ = ["BASE_CHARS", "embed_fonts", "embeddable_face", "font_key", "obfuscate"]
