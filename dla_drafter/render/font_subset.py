"""A TrueType font cut down to the glyphs a PDF uses.

The PDF embeds the font for its invisible text layer (``render.pdf``): the whole Sarabun is
90 KB (43 KB compressed) in every file, though a letter uses some 60 of its 777 glyphs.
fontTools' subsetter takes ~27 ms a face, as long as writing the whole letter; this does the
one thing the PDF needs in well under a millisecond: only the glyphs used (with .notdef and
the components of composite glyphs) are kept, renumbered in their old order, and only the
tables a PDF viewer reads are written (no shaping tables, no cmap, no glyph names). The PDF
maps its codes to the new ids through its CIDToGIDMap, and takes widths from its own /W.
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


def subset_font(font: bytes, gids: set[int], widened: set[tuple[int, int]] = frozenset()
                ) -> tuple[bytes, dict[int, int], dict[tuple[int, int], int]]:
    """``font`` (TrueType outlines) with only ``gids``, their components and .notdef; the
    new id of each kept glyph; and for each (glyph, advance) of ``widened`` the id of a glyph
    added after them that draws that glyph with that advance.

    Widened glyphs are for the PDF's text layer, where one glyph stands for a whole cluster
    (จำ, a run of spaces): some extractors (MuPDF before 1.22) take a glyph's advance from
    the font program, not from the PDF's /W, and read the rest of the cluster as a gap.
    Each is a one-component composite (16 bytes), or empty for an empty glyph (a space).
    A font with CFF outlines is returned whole, ids as they are, with no widened glyphs."""
    tables = _tables(font)
    if b"glyf" not in tables or b"loca" not in tables:
        return font, {gid: gid for gid in gids | {0}}, {}
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
    todo = [0, *gids, *(gid for gid, _advance in widened)]
    while todo:
        gid = todo.pop()
        if gid in keep or not 0 <= gid < num_glyphs:
            continue
        keep.add(gid)
        todo.extend(_components(glyf[offsets[gid]:offsets[gid + 1]]))
    order = sorted(keep)
    new_id = {gid: index for index, gid in enumerate(order)}
    hhea = bytearray(tables[b"hhea"])
    metrics_count = struct.unpack(">H", hhea[34:36])[0]
    hmtx = tables[b"hmtx"]
    new_glyf = bytearray()
    new_offsets = []
    new_hmtx = bytearray()
    for gid in order:
        new_offsets.append(len(new_glyf))
        new_glyf += _renumbered(glyf[offsets[gid]:offsets[gid + 1]], new_id)
        new_glyf += b"\0" * (-len(new_glyf) % 4)
        advance_at = 4 * min(gid, metrics_count - 1)
        lsb_at = 4 * gid + 2 if gid < metrics_count else \
            4 * metrics_count + 2 * (gid - metrics_count)
        new_hmtx += hmtx[advance_at:advance_at + 2] + hmtx[lsb_at:lsb_at + 2]
    extra_id = {}
    for gid, advance in sorted(widened):
        if not 0 <= gid < num_glyphs:
            continue
        extra_id[(gid, advance)] = len(new_offsets)
        new_offsets.append(len(new_glyf))
        base = glyf[offsets[gid]:offsets[gid + 1]]
        if len(base) >= 10:
            new_glyf += struct.pack(">h", -1) + base[2:10] + struct.pack(
                ">HHbb", 0x0002, new_id[gid], 0, 0)  # ARGS_ARE_XY_VALUES, at (0, 0)
            new_glyf += b"\0" * (-len(new_glyf) % 4)
        lsb_at = 4 * gid + 2 if gid < metrics_count else \
            4 * metrics_count + 2 * (gid - metrics_count)
        new_hmtx += struct.pack(">H", max(0, min(advance, 0xFFFF))) + hmtx[lsb_at:lsb_at + 2]
    count = len(new_offsets)
    new_offsets.append(len(new_glyf))
    if long_loca:
        new_loca = struct.pack(f">{len(new_offsets)}I", *new_offsets)
    else:
        new_loca = struct.pack(f">{len(new_offsets)}H", *(v // 2 for v in new_offsets))
    struct.pack_into(">H", hhea, 34, count)
    maxp = bytearray(tables[b"maxp"])
    struct.pack_into(">H", maxp, 4, count)
    if extra_id and len(maxp) >= 32:  # a widened composite adds one level of components
        elements, depth = struct.unpack(">HH", maxp[28:32])
        struct.pack_into(">HH", maxp, 28, max(elements, 1), depth + 1)
    struct.pack_into(">I", head, 8, 0)  # checkSumAdjustment, set below
    tables.update({b"glyf": bytes(new_glyf), b"loca": new_loca, b"head": bytes(head),
                   b"hhea": bytes(hhea), b"maxp": bytes(maxp), b"hmtx": bytes(new_hmtx)})
    post = bytearray(tables.get(b"post", b"")[:32])
    if len(post) == 32:
        struct.pack_into(">I", post, 0, 0x00030000)  # format 3: no glyph names
        tables[b"post"] = bytes(post)
    else:
        tables.pop(b"post", None)
    kept = [(tag, tables[tag]) for tag in sorted(tables) if tag in _KEEP_TABLES]
    return _assemble(font[:4], kept), new_id, extra_id


def _renumbered(glyph: bytes, new_id: dict[int, int]) -> bytes:
    """A composite glyph's component ids changed to the subset's (a simple glyph as it is)."""
    if len(glyph) < 10 or struct.unpack(">h", glyph[:2])[0] >= 0:
        return glyph
    out = bytearray(glyph)
    pos = 10
    while pos + 4 <= len(out):
        flags, gid = struct.unpack(">HH", out[pos:pos + 4])
        struct.pack_into(">H", out, pos + 2, new_id[gid])
        pos += 4 + (4 if flags & _ARG_WORDS else 2)
        pos += 2 if flags & _HAVE_SCALE else 4 if flags & _XY_SCALE else \
            8 if flags & _TWO_BY_TWO else 0
        if not flags & _MORE:
            break
    return bytes(out)


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
