"""The DOCX package as bytes, with the big parts that every letter shares deflated once.

python-docx saves through ``zipfile``, which deflates every part on every save. Most of a
letter's DOCX is the same in every letter of a process: the two embedded font faces
(``docx_fonts``, ~48 KB each), the emblem (~80 KB), and a dozen small parts (styles, theme,
settings, font table, headers, relationships) that only change with the template or the
office's font. Deflating them again was a third of a warm DOCX export's CPU time (issue 15,
item 6: ≤ 10 ms per one-page DOCX). This module writes the package itself (the parts in
python-docx's own order: content types, package relationships, then each part and its
relationships) as a plain ZIP, and keeps the deflated bytes and CRC of recent parts in a
small bounded cache (item 7: every cache is bounded — by entries and by bytes), keyed by
the part's bytes, so a part that changes is deflated anew; a part too large to be worth
keeping (a long draft) is deflated and forgotten.

The ZIP is the simplest one readers agree on: no ZIP64 (a letter is far below 4 GB and
65,535 parts), no data descriptors, deflate at zlib's default level (as ``zipfile``),
and every entry dated 1980-01-01, the ZIP epoch, as Word itself writes — so the same
letter gives the same bytes.
"""

from __future__ import annotations

import struct
import threading
import zlib
from collections import OrderedDict
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

from docx.opc.oxml import CT_Relationships
from docx.opc.package import OpcPackage
from docx.opc.packuri import CONTENT_TYPES_URI, PACKAGE_URI, PackURI
from docx.opc.pkgwriter import _ContentTypesItem
from docx.opc.rel import Relationships

#: a part larger than this is deflated and forgotten (a long draft, a big office emblem)
CACHE_MAX_PART_BYTES = 512 * 1024
#: how many deflated parts are remembered: a letter's ~25 parts, of which a handful change
#: from letter to letter, for a template or two and a font or two
CACHE_ENTRIES = 96
#: and how many bytes (the parts and their deflated copies) at most
CACHE_MAX_BYTES = 8 * 1024 * 1024

_DOS_DATE = (0 << 9) | (1 << 5) | 1  # 1980-01-01
_DOS_TIME = 0
_VERSION = 20  # 2.0: deflate
_cache: OrderedDict[bytes, tuple[bytes, int]] = OrderedDict()
_cache_bytes = 0
_lock = threading.Lock()


def _deflate(blob: bytes) -> bytes:
    compressor = zlib.compressobj(zlib.Z_DEFAULT_COMPRESSION, zlib.DEFLATED, -15)
    return compressor.compress(blob) + compressor.flush()


def deflated(blob: bytes) -> tuple[bytes, int]:
    """(raw deflate stream, CRC-32) of ``blob``; remembered unless it is very large."""
    global _cache_bytes
    if len(blob) > CACHE_MAX_PART_BYTES:
        return _deflate(blob), zlib.crc32(blob)
    with _lock:
        hit = _cache.get(blob)
        if hit is not None:
            _cache.move_to_end(blob)
            return hit
    made = _deflate(blob), zlib.crc32(blob)
    with _lock:
        if blob not in _cache:
            _cache[blob] = made
            _cache_bytes += len(blob) + len(made[0])
        while len(_cache) > CACHE_ENTRIES or _cache_bytes > CACHE_MAX_BYTES:
            old, (data, _crc) = _cache.popitem(last=False)
            _cache_bytes -= len(old) + len(data)
    return made


def zip_bytes(entries: Iterable[tuple[str, bytes]]) -> bytes:
    """A ZIP archive of ``entries`` (member name, bytes), every member deflated, in order."""
    out = bytearray()
    central = bytearray()
    count = 0
    for name, blob in entries:
        raw_name = name.encode("utf-8")
        data, crc = deflated(blob)
        flags = 0 if raw_name.isascii() else 0x0800  # bit 11: the name is UTF-8
        offset = len(out)
        out += struct.pack("<IHHHHHIIIHH", 0x04034B50, _VERSION, flags, zlib.DEFLATED,
                           _DOS_TIME, _DOS_DATE, crc, len(data), len(blob), len(raw_name), 0)
        out += raw_name
        out += data
        central += struct.pack("<IHHHHHHIIIHHHHHII", 0x02014B50, _VERSION, _VERSION, flags,
                               zlib.DEFLATED, _DOS_TIME, _DOS_DATE, crc, len(data),
                               len(blob), len(raw_name), 0, 0, 0, 0, 0, offset)
        central += raw_name
        count += 1
    if count > 0xFFFF or len(out) + len(central) > 0xFFFFFFFF:
        raise ValueError("DOCX package too large for a plain ZIP")
    start = len(out)
    out += central
    out += struct.pack("<IHHHHIIH", 0x06054B50, 0, 0, count, count, len(central), start, 0)
    return bytes(out)


def package_bytes(package: OpcPackage) -> bytes:
    """The package as a DOCX file's bytes: what ``OpcPackage.save`` writes, member for
    member and in the same order, with the large shared parts deflated once."""
    parts = list(package.parts)
    for part in parts:
        part.before_marshal()

    def entries() -> Iterable[tuple[str, bytes]]:
        types = tuple((str(part.partname), part.content_type) for part in parts)
        yield CONTENT_TYPES_URI.membername, _content_types_xml(types)
        yield PACKAGE_URI.rels_uri.membername, rels_xml(package.rels)
        for part in parts:
            yield part.partname.membername, part.blob
            if len(part.rels):
                yield part.partname.rels_uri.membername, rels_xml(part.rels)

    return zip_bytes(entries())


@lru_cache(maxsize=16)  # bounded: the few sets of parts letters have
def _content_types_xml(types: tuple[tuple[str, str], ...]) -> bytes:
    """``[Content_Types].xml`` of parts (partname, content type), as python-docx writes it."""
    return _ContentTypesItem.from_parts(
        [_TypedName(PackURI(name), kind) for name, kind in types]).blob


@dataclass(frozen=True)
class _TypedName:
    """What ``_ContentTypesItem`` reads of a part."""

    partname: PackURI
    content_type: str


def rels_xml(rels: Relationships) -> bytes:
    """A ``.rels`` member's XML, as python-docx writes it (``Relationships.xml``), made
    once per distinct set of relationships: most are the same in every letter, and
    python-docx makes each target's relative path with ``posixpath.relpath``."""
    key = tuple((rel.rId, rel.reltype,
                 rel.target_ref if rel.is_external else str(rel.target_part.partname),
                 rel.is_external) for rel in rels.values())
    return _rels_xml(rels._baseURI, key)


@lru_cache(maxsize=64)  # bounded: a letter has five or six relationship sets
def _rels_xml(base: str, entries: tuple[tuple[str, str, str, bool], ...]) -> bytes:
    element = CT_Relationships.new()
    for rid, reltype, target, external in entries:
        element.add_rel(rid, reltype, target if external else PackURI(target).relative_ref(base),
                        external)
    return element.xml


def clear_cache() -> None:
    """Forget the remembered deflated parts (benchmarks measure a first export with it)."""
    global _cache_bytes
    with _lock:
        _cache.clear()
        _cache_bytes = 0


__all__ = ["CACHE_ENTRIES", "CACHE_MAX_BYTES", "CACHE_MAX_PART_BYTES", "clear_cache", "deflated",
           "package_bytes", "rels_xml", "zip_bytes"]
