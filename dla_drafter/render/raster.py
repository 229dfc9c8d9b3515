"""PNG and JPEG files read without Qt or Pillow, for an office's own emblem image.

The command line's PDF path must not start Qt (it costs most of a cold ``render``), and
Pillow is not shipped (``packaging/dla-drafter.spec``), so an office's PNG is decoded here
with ``zlib`` — every colour type, bit depth and Adam7 interlacing of the PNG standard — and
a JPEG is not decoded at all: the PDF carries it as it is (``DCTDecode``), which needs only
its size and number of components from the frame header.

Hostile files are refused with ``ValueError`` (the caller turns it into the clerk's
"cannot read the emblem image" message): bad signatures and CRCs, truncated data, and
images whose pixels would not fit in ``MAX_PIXELS``.
"""

from __future__ import annotations

import struct
import zlib
from dataclasses import dataclass

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
#: An emblem of 8000 × 5000 pixels is already far more than 600 dpi at 3 cm; a file asking
#: for more is refused before any memory is taken for it.
MAX_PIXELS = 40_000_000

_CHANNELS = {0: 1, 2: 3, 3: 1, 4: 2, 6: 4}
_DEPTHS = {0: (1, 2, 4, 8, 16), 2: (8, 16), 3: (1, 2, 4, 8), 4: (8, 16), 6: (8, 16)}
# Adam7: (x start, y start, x step, y step) of each pass
_ADAM7 = ((0, 0, 8, 8), (4, 0, 8, 8), (0, 4, 4, 8), (2, 0, 4, 4), (0, 2, 2, 4), (1, 0, 2, 2),
          (0, 1, 1, 2))


@dataclass(frozen=True)
class PngHeader:
    width: int
    height: int
    depth: int
    colour_type: int
    interlaced: bool


@dataclass(frozen=True)
class RgbaImage:
    """8-bit pixels: ``rgb`` (3 bytes a pixel) and ``alpha`` (1 byte a pixel), row by row."""

    width: int
    height: int
    rgb: bytes
    alpha: bytes


def _chunks(data: bytes):
    if not data.startswith(PNG_SIGNATURE):
        raise ValueError("not a PNG file")
    pos = len(PNG_SIGNATURE)
    while pos + 12 <= len(data):
        length, kind = struct.unpack(">I4s", data[pos:pos + 8])
        body = data[pos + 8:pos + 8 + length]
        if len(body) != length or pos + 12 + length > len(data):
            raise ValueError("truncated PNG chunk")
        (crc,) = struct.unpack(">I", data[pos + 8 + length:pos + 12 + length])
        if zlib.crc32(kind + body) & 0xFFFFFFFF != crc:
            raise ValueError(f"bad CRC in PNG chunk {kind!r}")
        yield kind, body
        if kind == b"IEND":
            return
        pos += 12 + length
    raise ValueError("PNG file without an end")


def png_header(data: bytes) -> PngHeader:
    """The IHDR of a PNG, checked (signature, CRC, a known colour type and depth, size)."""
    for kind, body in _chunks(data):
        if kind != b"IHDR" or len(body) != 13:
            raise ValueError("PNG file without a header")
        width, height, depth, colour, compression, filters, interlace = struct.unpack(
            ">IIBBBBB", body)
        if colour not in _DEPTHS or depth not in _DEPTHS[colour]:
            raise ValueError(f"unknown PNG colour type {colour} / depth {depth}")
        if compression or filters or interlace > 1:
            raise ValueError("unknown PNG compression, filter or interlace method")
        if not width or not height or width * height > MAX_PIXELS:
            raise ValueError(f"PNG size {width} × {height} is not usable")
        return PngHeader(width, height, depth, colour, bool(interlace))
    raise ValueError("empty PNG file")


def check_png(data: bytes) -> PngHeader:
    """The header of a PNG whose every chunk is intact, whose image data inflates, whose
    rows all name a known filter and which has the palette its colour type needs: what
    Word needs to show it, without undoing the filters (Python is slow at that)."""
    header = png_header(data)
    kinds = [kind for kind, _body in _chunks(data)]
    if header.colour_type == 3 and b"PLTE" not in kinds:
        raise ValueError("palette PNG without a palette")
    idat = b"".join(body for kind, body in _chunks(data) if kind == b"IDAT")
    raw = _inflate(idat, _raw_size(header))
    for pos in _row_starts(header):
        if raw[pos] > 4:
            raise ValueError(f"unknown PNG filter {raw[pos]}")
    return header


def _row_starts(h: PngHeader) -> list[int]:
    """Offsets of each row's filter byte in the inflated image data."""
    bits = _CHANNELS[h.colour_type] * h.depth
    passes = _ADAM7 if h.interlaced else ((0, 0, 1, 1),)
    starts, pos = [], 0
    for x0, y0, dx, dy in passes:
        w = (h.width - x0 + dx - 1) // dx
        rows = (h.height - y0 + dy - 1) // dy
        if not w or not rows:
            continue
        row_bytes = (w * bits + 7) // 8
        for _ in range(rows):
            starts.append(pos)
            pos += 1 + row_bytes
    return starts


def _raw_size(h: PngHeader) -> int:
    bits = _CHANNELS[h.colour_type] * h.depth
    if not h.interlaced:
        return h.height * (1 + (h.width * bits + 7) // 8)
    total = 0
    for x0, y0, dx, dy in _ADAM7:
        w = (h.width - x0 + dx - 1) // dx
        rows = (h.height - y0 + dy - 1) // dy
        if w and rows:
            total += rows * (1 + (w * bits + 7) // 8)
    return total


def _inflate(idat: bytes, size: int) -> bytes:
    """The image data, refusing a stream that inflates past what the header needs."""
    inflater = zlib.decompressobj()
    try:
        raw = inflater.decompress(idat, size + 1)
    except zlib.error as exc:
        raise ValueError(f"damaged PNG image data: {exc}") from exc
    if len(raw) < size:
        raise ValueError("PNG image data ends early")
    return raw[:size]


def _unfilter(raw: bytes, pos: int, row_bytes: int, rows: int, bpp: int) -> bytearray:
    """Undo PNG's per-row filters (None, Sub, Up, Average, Paeth)."""
    out = bytearray(rows * row_bytes)
    prev = bytearray(row_bytes)
    for y in range(rows):
        kind = raw[pos]
        line = bytearray(raw[pos + 1:pos + 1 + row_bytes])
        pos += 1 + row_bytes
        if kind == 1:
            for i in range(bpp, row_bytes):
                line[i] = (line[i] + line[i - bpp]) & 0xFF
        elif kind == 2:
            line = bytearray((a + b) & 0xFF for a, b in zip(line, prev, strict=True))
        elif kind == 3:
            for i in range(row_bytes):
                left = line[i - bpp] if i >= bpp else 0
                line[i] = (line[i] + ((left + prev[i]) >> 1)) & 0xFF
        elif kind == 4:
            for i in range(row_bytes):
                a = line[i - bpp] if i >= bpp else 0
                b = prev[i]
                c = prev[i - bpp] if i >= bpp else 0
                p = a + b - c
                pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                predictor = a if pa <= pb and pa <= pc else (b if pb <= pc else c)
                line[i] = (line[i] + predictor) & 0xFF
        elif kind != 0:
            raise ValueError(f"unknown PNG filter {kind}")
        out[y * row_bytes:(y + 1) * row_bytes] = line
        prev = line
    return out


def _samples(rows: bytearray, width: int, height: int, depth: int, channels: int) -> bytes:
    """8-bit samples, row by row (16-bit keeps its high byte; 1/2/4-bit ones are unpacked,
    gray scaled up to 0–255 by the caller where it is gray)."""
    if depth == 8:
        return bytes(rows)
    if depth == 16:
        return bytes(rows[0::2])
    per_byte = 8 // depth
    row_bytes = (width * depth + 7) // 8
    mask = (1 << depth) - 1
    table = [bytes((b >> (8 - depth * (k + 1))) & mask for k in range(per_byte))
             for b in range(256)]
    out = bytearray()
    for y in range(height):
        row = b"".join(table[b] for b in rows[y * row_bytes:(y + 1) * row_bytes])
        out += row[:width * channels]
    return bytes(out)


def decode_png(data: bytes) -> RgbaImage:
    """Every pixel of a PNG as 8-bit RGB and alpha (``ValueError`` for a file that is not
    a readable PNG)."""
    h = check_png(data)
    palette = b""
    trns = None
    idat = []
    for kind, body in _chunks(data):
        if kind == b"PLTE":
            palette = body
        elif kind == b"tRNS":
            trns = body
        elif kind == b"IDAT":
            idat.append(body)
    channels = _CHANNELS[h.colour_type]
    raw = _inflate(b"".join(idat), _raw_size(h))
    bits = channels * h.depth
    bpp = max(1, bits // 8)
    if not h.interlaced:
        row_bytes = (h.width * bits + 7) // 8
        samples = _samples(_unfilter(raw, 0, row_bytes, h.height, bpp), h.width, h.height,
                           h.depth, channels)
    else:
        full = bytearray(h.width * h.height * channels)
        pos = 0
        for x0, y0, dx, dy in _ADAM7:
            w = (h.width - x0 + dx - 1) // dx
            rows = (h.height - y0 + dy - 1) // dy
            if not w or not rows:
                continue
            row_bytes = (w * bits + 7) // 8
            part = _samples(_unfilter(raw, pos, row_bytes, rows, bpp), w, rows, h.depth,
                            channels)
            pos += rows * (1 + row_bytes)
            for r in range(rows):
                y = y0 + r * dy
                for c in range(channels):
                    full[(y * h.width + x0) * channels + c:(y + 1) * h.width * channels:
                         dx * channels] = part[r * w * channels + c:(r + 1) * w * channels:
                                               channels]
        samples = bytes(full)
    return _to_rgba(h, samples, palette, trns)


def _to_rgba(h: PngHeader, samples: bytes, palette: bytes, trns: bytes | None) -> RgbaImage:
    n = h.width * h.height
    rgb = bytearray(n * 3)
    if h.colour_type == 3:
        if not palette or len(palette) % 3:
            raise ValueError("palette PNG without a usable palette")
        entries = len(palette) // 3
        if max(samples, default=0) >= entries:
            raise ValueError("PNG pixel outside its palette")
        for c in range(3):
            table = bytes(palette[i * 3 + c] if i < entries else 0 for i in range(256))
            rgb[c::3] = samples.translate(table)
        alphas = bytes((trns[i] if trns and i < len(trns) else 255) for i in range(256))
        return RgbaImage(h.width, h.height, bytes(rgb), samples.translate(alphas))
    if h.colour_type in (0, 4):
        step = 2 if h.colour_type == 4 else 1
        gray = samples[0::step]
        if h.depth < 8:  # 1-, 2- and 4-bit gray spread over 0–255
            scale = 255 // ((1 << h.depth) - 1)
            gray = gray.translate(bytes(min(255, v * scale) for v in range(256)))
        rgb[0::3] = rgb[1::3] = rgb[2::3] = gray
        if h.colour_type == 4:
            return RgbaImage(h.width, h.height, bytes(rgb), samples[1::2])
        alpha = bytes(b"\xff" * n)
        if trns and len(trns) == 2:  # one gray value is transparent
            key = struct.unpack(">H", trns)[0]
            key = key >> 8 if h.depth == 16 else key * (255 // ((1 << h.depth) - 1))
            alpha = gray.translate(bytes(0 if v == key else 255 for v in range(256)))
        return RgbaImage(h.width, h.height, bytes(rgb), alpha)
    step = 4 if h.colour_type == 6 else 3
    for c in range(3):
        rgb[c::3] = samples[c::step]
    if h.colour_type == 6:
        return RgbaImage(h.width, h.height, bytes(rgb), samples[3::4])
    alpha = b"\xff" * n
    if trns and len(trns) == 6:  # one RGB colour is transparent
        key = bytes(v >> 8 if h.depth == 16 else v for v in struct.unpack(">HHH", trns))
        alpha = bytes(0 if rgb[i * 3:i * 3 + 3] == key else 255 for i in range(n))
    return RgbaImage(h.width, h.height, bytes(rgb), alpha)


@dataclass(frozen=True)
class JpegInfo:
    width: int
    height: int
    components: int
    adobe: bool  # an Adobe APP14 marker (its CMYK is stored inverted)


def jpeg_info(data: bytes) -> JpegInfo:
    """Size and components of a JPEG from its frame header (``ValueError`` when it has
    none or is cut short before it)."""
    if data[:2] != b"\xff\xd8":
        raise ValueError("not a JPEG file")
    i = 2
    adobe = False
    while i + 4 <= len(data):
        if data[i] != 0xFF:
            raise ValueError("damaged JPEG file")
        marker = data[i + 1]
        if marker == 0xFF:  # fill byte
            i += 1
            continue
        if marker in (0xD8, 0x01) or 0xD0 <= marker <= 0xD7:
            i += 2
            continue
        (length,) = struct.unpack(">H", data[i + 2:i + 4])
        if length < 2 or i + 2 + length > len(data):
            raise ValueError("truncated JPEG file")
        if marker == 0xEE and data[i + 4:i + 9] == b"Adobe":
            adobe = True
        if marker in (0xC0, 0xC1, 0xC2):
            depth, height, width, components = struct.unpack(">BHHB", data[i + 4:i + 10])
            if depth != 8 or not width or not height or components not in (1, 3, 4):
                raise ValueError("unusual JPEG (not 8-bit gray, RGB or CMYK)")
            if width * height > MAX_PIXELS:
                raise ValueError(f"JPEG size {width} × {height} is not usable")
            return JpegInfo(width, height, components, adobe)
        if marker in (0xD9, 0xDA):
            break
        i += 2 + length
    raise ValueError("JPEG file without a frame header")
