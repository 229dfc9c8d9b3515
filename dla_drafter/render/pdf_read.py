"""Just enough of a PDF reader to find a file embedded in a PDF, without Qt or pyHanko.

``extract_draft_from_pdf`` (``render.pdf_embed``) must read the letters this program wrote
and the same letters after another program touched them: signed by pyHanko (an incremental
update with its own cross-reference section), re-saved by qpdf or a viewer (objects moved
into object streams, tables instead of streams). So this reads what ISO 32000 allows for
that: cross-reference tables and streams with their ``/Prev`` chains, object streams, and
Flate with PNG predictors; a file whose cross-reference is broken is read by scanning for
its objects, as viewers do. pyHanko's reader would do, but importing it costs about a
second and a half.

Every limit a hostile file could push on is bounded: the nesting of arrays and dictionaries,
the bytes a stream may inflate to, the number of cross-reference sections followed.
Anything unreadable raises ``PdfReadError`` (a ``ValueError``).
"""

from __future__ import annotations

import re
import zlib
from dataclasses import dataclass

MAX_DEPTH = 64
MAX_SECTIONS = 64
#: What one internal stream (a cross-reference or object stream) may inflate to.
MAX_INTERNAL_STREAM = 64 * 1024 * 1024

_WS = b"\x00\t\n\x0c\r "
_DELIM = b"()<>[]{}/%"
_NUMBER = re.compile(rb"[+-]?(?:\d+\.?\d*|\.\d+)")
_OBJ_AT = re.compile(rb"(\d+)\s+(\d+)\s+obj\b")


class PdfReadError(ValueError):
    """The bytes are not a PDF this reader can follow."""


class Name(str):
    """A PDF name (``/Type`` is ``Name("Type")``)."""


@dataclass(frozen=True)
class Ref:
    num: int
    gen: int


@dataclass
class Stream:
    dict: dict
    raw: bytes


class _Parser:
    def __init__(self, data: bytes, pos: int = 0) -> None:
        self.data = data
        self.pos = pos

    def skip(self) -> None:
        data, n = self.data, len(self.data)
        while self.pos < n:
            c = data[self.pos]
            if c in _WS:
                self.pos += 1
            elif c == 0x25:  # % comment
                while self.pos < n and data[self.pos] not in b"\r\n":
                    self.pos += 1
            else:
                return

    def token(self) -> bytes:
        self.skip()
        data, start = self.data, self.pos
        if start >= len(data):
            raise PdfReadError("unexpected end of file")
        c = data[start:start + 1]
        if data.startswith((b"<<", b">>"), start):
            self.pos += 2
            return data[start:start + 2]
        if c in b"[]{}()<>/":
            self.pos += 1
            return c
        while self.pos < len(data) and data[self.pos] not in _WS and \
                data[self.pos] not in _DELIM:
            self.pos += 1
        return data[start:self.pos]

    def value(self, depth: int = 0):
        if depth > MAX_DEPTH:
            raise PdfReadError("objects nested too deeply")
        tok = self.token()
        if tok == b"<<":
            out = {}
            while True:
                self.skip()
                if self.data.startswith(b">>", self.pos):
                    self.pos += 2
                    return out
                key = self.value(depth + 1)
                if not isinstance(key, Name):
                    raise PdfReadError("a dictionary key is not a name")
                out[str(key)] = self.value(depth + 1)
        if tok == b"[":
            items = []
            while True:
                self.skip()
                if self.data.startswith(b"]", self.pos):
                    self.pos += 1
                    return items
                items.append(self.value(depth + 1))
        if tok == b"/":
            start = self.pos
            while self.pos < len(self.data) and self.data[self.pos] not in _WS and \
                    self.data[self.pos] not in _DELIM:
                self.pos += 1
            raw = re.sub(rb"#([0-9A-Fa-f]{2})", lambda m: bytes([int(m.group(1), 16)]),
                         self.data[start:self.pos])
            return Name(raw.decode("latin-1"))
        if tok == b"(":
            return self._literal()
        if tok == b"<":
            end = self.data.find(b">", self.pos)
            if end < 0:
                raise PdfReadError("unterminated hex string")
            digits = re.sub(rb"\s", b"", self.data[self.pos:end])
            self.pos = end + 1
            if len(digits) % 2:
                digits += b"0"
            try:
                return bytes.fromhex(digits.decode("ascii"))
            except ValueError as exc:
                raise PdfReadError("bad hex string") from exc
        if tok in (b"true", b"false"):
            return tok == b"true"
        if tok == b"null":
            return None
        if _NUMBER.fullmatch(tok):
            if b"." in tok:
                return float(tok)
            number = int(tok)
            save = self.pos
            try:  # an indirect reference: "12 0 R"
                gen = self.token()
                if gen.isdigit() and self.token() == b"R":
                    return Ref(number, int(gen))
            except PdfReadError:
                pass
            self.pos = save
            return number
        raise PdfReadError(f"unexpected token {tok[:20]!r}")

    def _literal(self) -> bytes:
        data = self.data
        out = bytearray()
        depth = 1
        i = self.pos
        escapes = {ord("n"): b"\n", ord("r"): b"\r", ord("t"): b"\t", ord("b"): b"\b",
                   ord("f"): b"\f", ord("("): b"(", ord(")"): b")", ord("\\"): b"\\"}
        while i < len(data):
            c = data[i]
            if c == 0x5C and i + 1 < len(data):  # backslash
                nxt = data[i + 1]
                if nxt in escapes:
                    out += escapes[nxt]
                    i += 2
                elif 0x30 <= nxt <= 0x37:
                    octal = re.match(rb"[0-7]{1,3}", data[i + 1:i + 4]).group()
                    out.append(int(octal, 8) & 0xFF)
                    i += 1 + len(octal)
                elif nxt in b"\r\n":
                    i += 3 if data[i + 1:i + 3] == b"\r\n" else 2
                else:
                    i += 1
                continue
            if c == 0x28:
                depth += 1
            elif c == 0x29:
                depth -= 1
                if depth == 0:
                    self.pos = i + 1
                    return bytes(out)
            out.append(c)
            i += 1
        raise PdfReadError("unterminated string")


def _inflate(raw: bytes, limit: int) -> bytes:
    inflater = zlib.decompressobj()
    try:
        out = inflater.decompress(raw, limit + 1)
    except zlib.error as exc:
        raise PdfReadError(f"damaged compressed stream: {exc}") from exc
    if len(out) > limit:
        raise PdfReadError("a stream inflates past the limit")
    return out


def decode(stream: Stream, limit: int) -> bytes:
    """The stream's data, Flate (with PNG predictors) or unfiltered; at most ``limit``
    bytes, else ``PdfReadError``."""
    filters = stream.dict.get("Filter")
    filters = [filters] if isinstance(filters, Name) else list(filters or [])
    params = stream.dict.get("DecodeParms")
    params = params[0] if isinstance(params, list) and params else params
    data = stream.raw
    for name in filters:
        if name not in ("FlateDecode", "Fl"):
            raise PdfReadError(f"unsupported stream filter {name}")
        data = _inflate(data, limit)
    if not filters and len(data) > limit:
        raise PdfReadError("a stream is larger than the limit")
    predictor = params.get("Predictor", 1) if isinstance(params, dict) else 1
    if isinstance(predictor, int) and predictor >= 10:
        from .raster import _unfilter

        columns = params.get("Columns", 1)
        colors = params.get("Colors", 1)
        bits = params.get("BitsPerComponent", 8)
        if not all(isinstance(v, int) and v > 0 for v in (columns, colors, bits)):
            raise PdfReadError("bad predictor parameters")
        row = (columns * colors * bits + 7) // 8
        rows = len(data) // (row + 1)
        try:
            data = bytes(_unfilter(data, 0, row, rows, max(1, colors * bits // 8)))
        except (ValueError, IndexError) as exc:
            raise PdfReadError("bad predictor data") from exc
    return data


class PdfDocument:
    """The objects of a PDF, read on demand; ``trailer`` merges every section's trailer
    (newest first wins)."""

    def __init__(self, data: bytes) -> None:
        head = data.find(b"%PDF-", 0, 1024)
        if head < 0:
            raise PdfReadError("not a PDF file")
        self.data = data
        self.offsets: dict[int, int] = {}  # object number → byte offset
        self.in_stream: dict[int, tuple[int, int]] = {}  # number → (object stream, index)
        self.trailer: dict = {}
        self._cache: dict[int, object] = {}
        self._streams: dict[int, tuple[list[int], bytes, int, list[int]]] = {}
        try:
            self._read_xref()
        except (PdfReadError, IndexError, ValueError, KeyError, TypeError):
            self._scan()
        if "Root" not in self.trailer:
            self._scan()

    # -- cross-reference ---------------------------------------------------------------
    def _read_xref(self) -> None:
        at = self.data.rfind(b"startxref")
        if at < 0:
            raise PdfReadError("no startxref")
        pos = int(_Parser(self.data, at + 9).token())
        seen = set()
        for _ in range(MAX_SECTIONS):
            if pos in seen or not 0 <= pos < len(self.data):
                break
            seen.add(pos)
            parser = _Parser(self.data, pos)
            parser.skip()
            if self.data.startswith(b"xref", parser.pos):
                trailer = self._xref_table(parser)
            else:
                trailer = self._xref_stream(parser)
            for key, value in trailer.items():
                self.trailer.setdefault(key, value)
            extra = trailer.get("XRefStm")  # a hybrid file's stream section
            if isinstance(extra, int) and extra not in seen:
                seen.add(extra)
                self._xref_stream(_Parser(self.data, extra))
            pos = trailer.get("Prev")
            if not isinstance(pos, int):
                break

    def _xref_table(self, parser: _Parser) -> dict:
        parser.token()  # xref
        while True:
            tok = parser.token()
            if tok == b"trailer":
                trailer = parser.value()
                if not isinstance(trailer, dict):
                    raise PdfReadError("bad trailer")
                return trailer
            start, count = int(tok), int(parser.token())
            for n in range(count):
                offset, _gen, kind = parser.token(), parser.token(), parser.token()
                if kind == b"n":
                    self.offsets.setdefault(start + n, int(offset))
                elif kind != b"f":
                    raise PdfReadError("bad cross-reference entry")

    def _xref_stream(self, parser: _Parser) -> dict:
        num, _gen, keyword = parser.token(), parser.token(), parser.token()
        if keyword != b"obj" or not num.isdigit():
            raise PdfReadError("no cross-reference at startxref")
        stream = self._stream_at(parser)
        if not isinstance(stream, Stream) or stream.dict.get("Type") != "XRef":
            raise PdfReadError("not a cross-reference stream")
        widths = stream.dict.get("W")
        size = stream.dict.get("Size", 0)
        index = stream.dict.get("Index", [0, size])
        if not (isinstance(widths, list) and len(widths) == 3
                and all(isinstance(w, int) and 0 <= w <= 8 for w in widths)):
            raise PdfReadError("bad cross-reference stream widths")
        table = decode(stream, MAX_INTERNAL_STREAM)
        step = sum(widths)
        pos = 0
        for first, count in zip(index[0::2], index[1::2], strict=False):
            for n in range(count):
                if pos + step > len(table):
                    break
                fields = []
                for w in widths:
                    fields.append(int.from_bytes(table[pos:pos + w], "big") if w else None)
                    pos += w
                kind = 1 if widths[0] == 0 else fields[0]
                if kind == 1:
                    self.offsets.setdefault(first + n, fields[1])
                elif kind == 2:
                    self.in_stream.setdefault(first + n, (fields[1], fields[2] or 0))
        return stream.dict

    def _scan(self) -> None:
        """Find every ``n g obj`` in the file (a broken cross-reference): later ones win,
        as in an updated file; the trailer from the last ``trailer`` or XRef stream."""
        self.offsets.clear()
        self.in_stream.clear()
        for m in _OBJ_AT.finditer(self.data):
            self.offsets[int(m.group(1))] = m.start()
        for m in re.finditer(rb"trailer\s*<<", self.data):
            try:
                trailer = _Parser(self.data, m.end() - 2).value()
            except PdfReadError:
                continue
            if isinstance(trailer, dict):
                self.trailer.update(trailer)
        if "Root" not in self.trailer:
            for num in list(self.offsets):
                try:
                    obj = self.get(Ref(num, 0))
                except PdfReadError:
                    continue
                if isinstance(obj, Stream) and obj.dict.get("Type") == "XRef":
                    self.trailer.update(obj.dict)
                    break
                if isinstance(obj, Stream) and obj.dict.get("Type") == "ObjStm":
                    self._index_object_stream(num)
        if "Root" not in self.trailer:
            for num in list(self.offsets) + list(self.in_stream):
                try:
                    obj = self.get(Ref(num, 0))
                except PdfReadError:
                    continue
                if isinstance(obj, dict) and obj.get("Type") == "Catalog":
                    self.trailer["Root"] = Ref(num, 0)
                    break
        if "Root" not in self.trailer:
            raise PdfReadError("no document catalog")

    def _index_object_stream(self, num: int) -> None:
        numbers, _data, _first = self._object_stream(num)
        for index, n in enumerate(numbers):
            self.in_stream.setdefault(n, (num, index))

    # -- objects -------------------------------------------------------------------------
    def _stream_at(self, parser: _Parser):
        value = parser.value()
        save = parser.pos
        if isinstance(value, dict) and parser.token() == b"stream":
            pos = parser.pos
            if self.data.startswith(b"\r\n", pos):
                pos += 2
            elif self.data[pos:pos + 1] in (b"\n", b"\r"):
                pos += 1
            length = value.get("Length")
            if isinstance(length, Ref):
                length = self.get(length)
            end = pos + length if isinstance(length, int) and length >= 0 else -1
            if end < 0 or end > len(self.data) or \
                    self.data.find(b"endstream", end, end + 32) < 0:
                end = self.data.find(b"endstream", pos)  # a wrong /Length: trust the keyword
                if end < 0:
                    raise PdfReadError("unterminated stream")
                while end > pos and self.data[end - 1] in b"\r\n":
                    end -= 1
            return Stream(value, self.data[pos:end])
        parser.pos = save
        return value

    def _object_stream(self, num: int) -> tuple[list[int], bytes, int]:
        if num not in self._streams:
            stream = self._direct(num)
            if not isinstance(stream, Stream) or stream.dict.get("Type") != "ObjStm":
                raise PdfReadError(f"object {num} is not an object stream")
            data = decode(stream, MAX_INTERNAL_STREAM)
            first, count = stream.dict.get("First"), stream.dict.get("N")
            if not isinstance(first, int) or not isinstance(count, int):
                raise PdfReadError("bad object stream")
            head = _Parser(data[:first])
            pairs = [(int(head.token()), int(head.token())) for _ in range(count)]
            self._streams[num] = ([n for n, _ in pairs], data, first, [o for _, o in pairs])
        numbers, data, first, _offsets = self._streams[num]
        return numbers, data, first

    def _direct(self, num: int):
        offset = self.offsets.get(num)
        if offset is None:
            raise PdfReadError(f"object {num} is missing")
        parser = _Parser(self.data, offset)
        head = parser.token(), parser.token(), parser.token()
        if head[2] != b"obj" or int(head[0]) != num:
            raise PdfReadError(f"object {num} is not where the cross-reference says")
        return self._stream_at(parser)

    def get(self, value):
        """``value`` with an indirect reference followed (anything else as it is)."""
        if not isinstance(value, Ref):
            return value
        num = value.num
        if num in self._cache:
            return self._cache[num]
        self._cache[num] = None  # a reference cycle reads as null
        if num in self.offsets:
            obj = self._direct(num)
        elif num in self.in_stream:
            stream_num, index = self.in_stream[num]
            numbers, data, first = self._object_stream(stream_num)
            offsets = self._streams[stream_num][3]
            if index >= len(numbers) or numbers[index] != num:
                if num not in numbers:
                    raise PdfReadError(f"object {num} is missing from its object stream")
                index = numbers.index(num)
            obj = _Parser(data, first + offsets[index]).value()
        else:
            obj = None
        self._cache[num] = obj
        return obj

    @property
    def root(self) -> dict:
        root = self.get(self.trailer.get("Root"))
        if not isinstance(root, dict):
            raise PdfReadError("no document catalog")
        return root

    @property
    def encrypted(self) -> bool:
        return self.trailer.get("Encrypt") is not None
