"""A TrueType font cut down to the glyphs a PDF uses, glyph ids unchanged.

The PDF embeds the font for its invisible text layer (``render.pdf``): the whole Sarabun is
90 KB (43 KB compressed) in every file, though a letter uses some 80 of its 777 glyphs.
fontTools' subsetter takes ~27 ms a face, as long as writing the whole letter; this does the
one thing the PDF needs in well under a millisecond: the outlines of the glyphs not used
become empty, and the tables only shaping reads (GSUB, GPOS, GDEF, kern) or that name glyphs
(``post`` names, ``name``) are dropped. Glyph ids stay as they are, so the PDF's CIDToGIDMap
and widths need no remapping and the subset of the same glyphs is the same bytes.
"""

from __future__ import annotations

import struct

# What a PDF viewer reads from an embedded TrueType program (ISO 32000-1, 9.9): no cmap, as
# the PDF maps its codes to glyphs itself (CIDToGIDMap).
_KEEP_TABLES = (b"OS/2", b"cvt ", b"fpgm", b"glyf", b"head", b"hhea", b"hmtx",
                b"loca", b"maxp", b"post", b"prep")

# composite glyph flags (OpenType 'glyf' table)
_ARG_WORDS, _HAVE_SCALE, _MORE, _XY_SCALE, _TWO_BY_TWO = 0x1, 0x8, 0x20, 0x40, 0x80


def _checksum(data: bytes) -> int:
    padded = data + b"\0" * (-len(data) % 4)
    return sum(struct.unpack(f">{len(padded) // 4}I", padded)) & 0xFFFFFFFF


def _tables(font: bytes) -> dict[bytes, bytes]:
    count = struct.unpack(">H", font[4:6])[0]
    out = {}
    for i in range(count):
        tag, _sum, offset, length = struct.unpack(">4sIII", font[12 + 16 * i:28 + 16 * i])
        out[tag] = font[offset:offset + length]
    return out


def _components(glyph: bytes) -> list[int]:
    """Glyph ids a composite glyph is built from (none for a simple glyph)."""
    if len(glyph) < 10 or struct.unpack(">h", glyph[:2])[0] >= 0:
        return []
    found = []
    pos = 10
    while pos + 4 <= len(glyph):
        flags, gid = struct.unpack(">HH", glyph[pos:pos + 4])
        found.append(gid)
        pos += 4 + (4 if flags & _ARG_WORDS else 2)
        pos += 2 if flags & _HAVE_SCALE else 4 if flags & _XY_SCALE else \
            8 if flags & _TWO_BY_TWO else 0
        if not flags & _MORE:
            break
    return found


def subset_font(font: bytes, gids: set[int]) -> bytes:
    """``font`` (TrueType outlines) with only ``gids``, their components and .notdef drawn."""
    tables = _tables(font)
    if b"glyf" not in tables or b"loca" not in tables:
        return font  # CFF outlines: embed as it is
    head = bytearray(tables[b"head"])
    long_loca = struct.unpack(">h", head[50:52])[0] == 1
    num_glyphs = struct.unpack(">H", tables[b"maxp"][4:6])[0]
    loca = tables[b"loca"]
    if long_loca:
        offsets = struct.unpack(f">{num_glyphs + 1}I", loca[:4 * (num_glyphs + 1)])
    else:
        offsets = [2 * v for v in struct.unpack(f">{num_glyphs + 1}H",
                                                 loca[:2 * (num_glyphs + 1)])]
    glyf = tables[b"glyf"]
    keep: set[int] = set()
    todo = [0, *gids]
    while todo:
        gid = todo.pop()
        if gid in keep or not 0 <= gid < num_glyphs:
            continue
        keep.add(gid)
        todo.extend(_components(glyf[offsets[gid]:offsets[gid + 1]]))
    new_glyf = bytearray()
    new_offsets = []
    for gid in range(num_glyphs):
        new_offsets.append(len(new_glyf))
        if gid in keep:
            new_glyf += glyf[offsets[gid]:offsets[gid + 1]]
            new_glyf += b"\0" * (-len(new_glyf) % 4)
    new_offsets.append(len(new_glyf))
    if long_loca:
        new_loca = struct.pack(f">{num_glyphs + 1}I", *new_offsets)
    else:
        new_loca = struct.pack(f">{num_glyphs + 1}H", *(v // 2 for v in new_offsets))
    post = bytearray(tables.get(b"post", b"")[:32])
    if len(post) == 32:
        struct.pack_into(">I", post, 0, 0x00030000)  # format 3: no glyph names
    struct.pack_into(">I", head, 8, 0)  # checkSumAdjustment, set below
    tables.update({b"glyf": bytes(new_glyf), b"loca": new_loca, b"head": bytes(head)})
    if post:
        tables[b"post"] = bytes(post)
    kept = [(tag, tables[tag]) for tag in sorted(tables) if tag in _KEEP_TABLES]
    return _assemble(font[:4], kept)


def _assemble(version: bytes, tables: list[tuple[bytes, bytes]]) -> bytes:
    count = len(tables)
    power = 1
    while power * 2 <= count:
        power *= 2
    out = bytearray(version + struct.pack(">HHHH", count, power * 16, power.bit_length() - 1,
                                          count * 16 - power * 16))
    offset = 12 + 16 * count
    body = bytearray()
    head_at = None
    for tag, data in tables:
        if tag == b"head":
            head_at = offset + len(body)
        out += struct.pack(">4sIII", tag, _checksum(data), offset + len(body), len(data))
        body += data + b"\0" * (-len(data) % 4)
    out += body
    if head_at is not None:
        adjustment = (0xB1B0AFBA - _checksum(bytes(out))) & 0xFFFFFFFF
        struct.pack_into(">I", out, head_at + 8, adjustment)
    return bytes(out)
