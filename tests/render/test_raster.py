"""An office's PNG emblem decoded without Qt or Pillow (``render.raster``): every colour
type, bit depth, transparency and Adam7 interlacing gives the pixels Pillow gives; damaged
and hostile files are refused with ``ValueError``."""

from __future__ import annotations

import io
import random
import struct
import zlib

import pytest
from PIL import Image

from dla_drafter.render.raster import MAX_PIXELS, check_png, decode_png, jpeg_info


def _pillow_rgba(data: bytes) -> tuple[bytes, bytes]:
    image = Image.open(io.BytesIO(data)).convert("RGBA")
    raw = image.tobytes()
    rgb = bytearray(len(raw) // 4 * 3)
    rgb[0::3], rgb[1::3], rgb[2::3] = raw[0::4], raw[1::4], raw[2::4]
    return bytes(rgb), raw[3::4]


def _noise(mode: str, size=(37, 23), **info) -> bytes:
    rng = random.Random(7)
    image = Image.new(mode, size)
    bands = len(image.getbands())
    if mode == "1":
        image.putdata([rng.choice((0, 255)) for _ in range(size[0] * size[1])])
    elif mode == "I;16":
        image = Image.frombytes("I;16", size, bytes(rng.randrange(256)
                                                    for _ in range(size[0] * size[1] * 2)))
    elif mode == "P":
        image.putpalette([rng.randrange(256) for _ in range(16 * 3)])
        image.putdata([rng.randrange(16) for _ in range(size[0] * size[1])])
    else:
        image.frombytes(bytes(rng.randrange(256) for _ in range(size[0] * size[1] * bands)))
    buffer = io.BytesIO()
    image.save(buffer, "PNG", **info)
    return buffer.getvalue()


@pytest.mark.parametrize("mode,info", [
    ("L", {}), ("LA", {}), ("RGB", {}), ("RGBA", {}), ("1", {}), ("I;16", {}),
    ("P", {}), ("P", {"bits": 4}), ("P", {"transparency": 3}), ("L", {"transparency": 40}),
    ("RGB", {"transparency": (10, 20, 30)}),
], ids=lambda v: str(v))
def test_every_colour_type_and_depth_decodes_as_pillow_does(mode, info):
    data = _noise(mode, **info)
    image = decode_png(data)
    rgb, alpha = _pillow_rgba(data)
    if mode == "I;16":  # Pillow clips 16-bit gray to 255; a PNG reader keeps the high byte
        samples = Image.open(io.BytesIO(data)).tobytes()  # little-endian 16-bit
        gray = samples[1::2]
        rgb = bytes(v for g in gray for v in (g, g, g))
    assert (image.width, image.height) == (37, 23)
    assert image.rgb == rgb
    assert image.alpha == alpha


def _chunk(kind: bytes, body: bytes) -> bytes:
    return struct.pack(">I", len(body)) + kind + body + struct.pack(
        ">I", zlib.crc32(kind + body) & 0xFFFFFFFF)


def _png(width: int, height: int, colour: int, depth: int, rows: bytes,
         interlace: int = 0, extra: bytes = b"") -> bytes:
    return (b"\x89PNG\r\n\x1a\n"
            + _chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, depth, colour, 0, 0,
                                          interlace))
            + extra + _chunk(b"IDAT", zlib.compress(rows)) + _chunk(b"IEND", b""))


def test_adam7_interlacing_and_16_bit_rgba():
    """Pillow cannot write these: our own encoder, pixels known."""
    width, height = 11, 9
    pixels = [[(x * 20, y * 25, (x * y) % 256, 255 - x) for x in range(width)]
              for y in range(height)]
    passes = ((0, 0, 8, 8), (4, 0, 8, 8), (0, 4, 4, 8), (2, 0, 4, 4), (0, 2, 2, 4),
              (1, 0, 2, 2), (0, 1, 1, 2))
    rows = b""
    for x0, y0, dx, dy in passes:
        for y in range(y0, height, dy):
            line = [pixels[y][x] for x in range(x0, width, dx)]
            if line:  # 16 bits a sample, big-endian: the high byte is the value
                rows += b"\0" + b"".join(struct.pack(">4H", *(v * 257 for v in p)) for p in line)
    image = decode_png(_png(width, height, 6, 16, rows, interlace=1))
    flat = [p for row in pixels for p in row]
    assert image.rgb == bytes(v for p in flat for v in p[:3])
    assert image.alpha == bytes(p[3] for p in flat)


def test_every_filter_type_is_undone():
    width, height = 8, 5
    raw_rows = [bytes((x * 31 + y * 17) % 256 for x in range(width * 3)) for y in range(height)]
    prev = bytes(width * 3)
    out = b""
    for kind, row in enumerate(raw_rows):  # None, Sub, Up, Average, Paeth
        filtered = bytearray()
        for i, value in enumerate(row):
            a = row[i - 3] if i >= 3 else 0
            b = prev[i]
            c = prev[i - 3] if i >= 3 else 0
            p = a + b - c
            paeth = a if abs(p - a) <= abs(p - b) and abs(p - a) <= abs(p - c) else (
                b if abs(p - b) <= abs(p - c) else c)
            predictor = (0, a, b, (a + b) // 2, paeth)[kind]
            filtered.append((value - predictor) % 256)
        out += bytes([kind]) + filtered
        prev = row
    image = decode_png(_png(width, height, 2, 8, out))
    assert image.rgb == b"".join(raw_rows)


def test_damaged_and_hostile_files_are_refused():
    good = _noise("RGB")
    cases = {
        "not a png": b"GIF89a....",
        "bad crc": good[:30] + bytes([good[30] ^ 0xFF]) + good[31:],
        "truncated": good[: len(good) // 2],
        "no end": good[:-12],
        "huge": _png(100_000, 100_000, 2, 8, b"\0"),
        "short data": _png(50, 50, 2, 8, b"\0" * 10),
        "bad filter": _png(2, 1, 0, 8, b"\x09\0\0"),
        "bad depth": _png(2, 1, 2, 4, b"\0\0\0"),
        "palette missing": _png(2, 1, 3, 8, b"\0\0\0"),
    }
    for name, data in cases.items():
        with pytest.raises(ValueError):
            decode_png(data)
        with pytest.raises(ValueError):
            check_png(data)
        assert name  # each case refused
    assert MAX_PIXELS < 100_000 * 100_000


def test_an_inflation_bomb_is_cut_at_what_the_header_needs():
    bomb = _png(10, 10, 0, 8, b"\0" * 50_000_000)
    image = decode_png(bomb)  # 10 × 10 read, the rest never inflated
    assert len(image.rgb) == 300


def test_jpeg_size_and_components():
    for mode, components in (("L", 1), ("RGB", 3), ("CMYK", 4)):
        buffer = io.BytesIO()
        Image.new(mode, (64, 48)).save(buffer, "JPEG")
        info = jpeg_info(buffer.getvalue())
        assert (info.width, info.height, info.components) == (64, 48, components)
    with pytest.raises(ValueError):
        jpeg_info(b"\xff\xd8\xff\xe0\x00")
    with pytest.raises(ValueError):
        jpeg_info(b"not a jpeg")
