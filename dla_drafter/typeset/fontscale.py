"""Make the bundled Sarabun draw at TH SarabunPSK's size.

The regulation's "16 pt" means 16 pt of TH SarabunPSK, whose glyphs are small for their em:
Cadson Demak's Sarabun (the ``fontpkg-sarabun`` package, made for the web) is the same design
drawn about 1.53 times larger in its em. Drawn at 16 pt it sets lines a third longer than the
office's Word does, so letters break and paginate differently from the clerk's template.

Calibration: the body lines of ``shared/samples/circular-2565-eef.txt`` (set by Word in
TH SarabunPSK 16 pt, 16 cm measure) fit when Sarabun's widths are multiplied by 0.644–0.684;
0.655 satisfies 11 of the 13 full lines (the other two differ by Word's own breaking). So the
bundled face is loaded with its ``unitsPerEm`` raised from 1000 to 1000 / 0.655 = 1527: every
outline, advance and metric scales uniformly, and "16 pt" everywhere — HarfBuzz widths, the
Qt painter, the PDF's font size — means the size the clerk knows. An installed TH Sarabun font
is used as it is.
"""

from __future__ import annotations

import struct

SARABUN_TO_TH_SARABUN_PSK = 0.655


def _checksum(data: bytes) -> int:
    padded = data + b"\0" * (-len(data) % 4)
    return sum(struct.unpack(f">{len(padded) // 4}I", padded)) & 0xFFFFFFFF


def scale_units_per_em(font: bytes, factor: float) -> bytes:
    """A copy of a TrueType/OpenType font whose glyphs draw ``factor`` times as large
    (``unitsPerEm`` divided by ``factor``), with the table and file checksums made right."""
    num_tables = struct.unpack(">H", font[4:6])[0]
    out = bytearray(font)
    head_offset = head_length = None
    for i in range(num_tables):
        entry = 12 + 16 * i
        tag = font[entry:entry + 4]
        if tag == b"head":
            head_offset, head_length = struct.unpack(">II", font[entry + 8:entry + 16])
            head_entry = entry
    if head_offset is None or head_length is None:
        raise ValueError("font has no head table")
    upem = struct.unpack(">H", font[head_offset + 18:head_offset + 20])[0]
    new_upem = round(upem / factor)
    if not 16 <= new_upem <= 16384:
        raise ValueError(f"unitsPerEm {new_upem} out of range")
    struct.pack_into(">H", out, head_offset + 18, new_upem)
    struct.pack_into(">I", out, head_offset + 8, 0)  # checkSumAdjustment, recomputed below
    head = bytes(out[head_offset:head_offset + head_length])
    struct.pack_into(">I", out, head_entry + 4, _checksum(head))
    adjustment = (0xB1B0AFBA - _checksum(bytes(out))) & 0xFFFFFFFF
    struct.pack_into(">I", out, head_offset + 8, adjustment)
    return bytes(out)
