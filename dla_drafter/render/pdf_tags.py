"""The PDF's logical structure (PDF/UA-1): which part of the letter each piece of content is,
in reading order, and the links.

The page items carry where they came from (``TextLine.source``: ``("body", 2)``,
``("subject", None)`` …, and ``TextLine.role`` for a list item's number), so the structure
follows the letter, not the page: เรื่อง is a heading, each body paragraph one ``P`` even
across a page break, อ้างถึง and สิ่งที่ส่งมาด้วย lists (``L`` / ``LI`` / ``Lbl`` / ``LBody``),
the ครุฑ and the QR code figures with alternative text, page numbers and the continuation
word artifacts. Lines of the same part that follow each other join one element.

Only the text layer is marked content (an MCID per run of a line); the visible glyph
outlines, rules, the watermark and the review markers are artifacts, so a screen reader and
"save as text" read each character once, in logical order.

URLs and e-mail addresses (``text.digits.link_spans``, over the joined lines of a part, so a
URL broken over two lines is one link) become ``Link`` elements over their runs, each line's
part with its own link annotation.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache

from ..text.digits import link_spans
from ..typeset.pages import Source, TextLine

#: Parts printed as headings.
HEADINGS = {"subject": 1, "recipients.title": 2}
#: Parts whose items are a list: the label line (index None) is a paragraph before it.
LISTS = {"references", "enclosures", "recipients.names"}
#: Parts that are not the letter's content: repeated on every page, or a hint for the reader.
ARTIFACTS = {"page_number", "continuation"}
#: Parts read as one paragraph with another (เรียน with its addressee): part → the part
#: whose element they join. (An agency's address lines are paragraphs of their own: joined
#: to its name they would read run together, ท้องถิ่นถนน….)
JOINED = {"addressee": "salutation"}
#: Parts whose lines are one paragraph whatever their index.
WHOLE = {"copies_to", "agency.name"}

EMBLEM_ALT = "ตราครุฑ"


@dataclass
class Elem:
    """A structure element; ``kids`` are elements, ``(page, mcid)`` marked content, or
    ``("annot", number, page)`` link annotations (``number`` an index into the builder's
    annotations)."""

    role: str
    parent: Elem | None = None
    kids: list = field(default_factory=list)
    alt: str | None = None
    key: object = None

    def add(self, kid: Elem) -> Elem:
        kid.parent = self
        self.kids.append(kid)
        return kid

    def pages(self) -> list[int]:
        """Pages of this element's content, first first (its ``/Pg``)."""
        out = []
        for kid in self.kids:
            if isinstance(kid, Elem):
                out += kid.pages()
            elif isinstance(kid, tuple) and kid and kid[0] == "annot":
                out.append(kid[2])
            else:
                out.append(kid[0])
        return out


@dataclass(frozen=True)
class Run:
    """A run of one line's text layer: ``start`` … ``end`` characters of ``line.text``,
    marked content ``mcid`` tagged ``tag``; ``link`` when the run is (part of) a link (its
    target is the element's ``alt``, known once the link's last line is read)."""

    start: int
    end: int
    mcid: int
    tag: str
    link: Elem | None = None


@lru_cache(maxsize=4096)
def _spans(text: str) -> tuple[tuple[int, int], ...]:
    """``link_spans`` of a line, cached (a re-export meets the same lines again); a text
    with no dot holds no URL or e-mail address."""
    return tuple(link_spans(text)) if "." in text else ()


def link_target(text: str) -> str:
    """The URI a printed URL or e-mail address opens."""
    if "@" in text and "/" not in text and ":" not in text:
        return "mailto:" + text
    if "://" in text or text.lower().startswith(("mailto:", "tel:")):
        return text
    return "https://" + text


def _key(source: Source | None, serial: int) -> tuple[object, str]:
    """(element key, structure type) of a line: lines of equal keys that follow each other
    join one element."""
    if source is None:
        return ("line", serial), "P"
    part, index = source
    part = JOINED.get(part, part)
    if part in HEADINGS:
        return (part,), f"H{HEADINGS[part]}"
    if part in LISTS and index is not None:
        return (part, index), "LI"
    if part in WHOLE:
        return (part,), "P"
    return (part, index), "P"


class Tagger:
    """Collects the structure while the pages are written: ``line`` gives the marked runs of
    a text line, ``figure`` the MCID of an image or QR code; ``root`` is the tree."""

    def __init__(self) -> None:
        self.root = Elem("Document")
        self.page = -1
        self.mcids: list[list[Elem]] = []  # per page: element of each MCID
        self.annots: list[tuple[int, Elem, tuple[float, float, float, float]]] = []
        self._current: Elem | None = None
        self._key: object = None
        self._list: Elem | None = None
        self._serial = 0
        self._headings: set[int] = set()
        self._secrecy_seen = False
        self._open: dict[int, tuple[str, Elem]] = {}  # a link going on to the next line

    # -- pages ---------------------------------------------------------------------------
    def begin_page(self) -> None:
        self.page += 1
        self.mcids.append([])

    def _mcid(self, elem: Elem) -> int:
        mcids = self.mcids[self.page]
        mcids.append(elem)
        elem.kids.append((self.page, len(mcids) - 1))
        return len(mcids) - 1

    # -- what a line is ------------------------------------------------------------------
    def is_artifact(self, line: TextLine) -> bool:
        if line.source is None:
            return False
        part = line.source[0]
        if part == "secrecy":  # printed top and bottom of every page: read once
            seen, self._secrecy_seen = self._secrecy_seen, True
            return seen
        return part in ARTIFACTS

    def _element_for(self, line: TextLine) -> Elem:
        """The element a line's text belongs to (made when a new part starts)."""
        self._serial += 1
        key, role = _key(line.source, self._serial)
        if key == self._key and self._current is not None:
            return self._current
        self._key = key
        if role == "LI":
            part = key[0]
            if self._list is None or self._list.key != part:
                self._list = self.root.add(Elem("L", key=part))
            item = self._list.add(Elem("LI", key=key))
            self._current = item
            return item
        self._list = None
        if role.startswith("H"):
            level = int(role[1:])
            while level > 1 and level - 1 not in self._headings:
                level -= 1  # a heading never skips a level (H2 with no H1 before it)
            self._headings.add(level)
            role = f"H{level}"
        self._current = self.root.add(Elem(role, key=key))
        return self._current

    def line(self, line: TextLine) -> list[Run]:
        """The marked runs of ``line``'s text layer, in order: the text of its element,
        and each link on it as a run of its own."""
        elem = self._element_for(line)
        target = elem
        if elem.role == "LI":
            kind = "Lbl" if line.role == "Lbl" else "LBody"
            last = elem.kids[-1] if elem.kids else None
            fits = isinstance(last, Elem) and last.role == kind
            target = last if fits else elem.add(Elem(kind))
        runs: list[Run] = []
        pos = 0
        for start, end, link in self._line_links(elem, line):
            if start > pos:
                runs.append(Run(pos, start, self._mcid(target), target.role))
            if link.parent is None:
                target.add(link)
            runs.append(Run(start, end, self._mcid(link), "Link", link))
            pos = end
        if pos < len(line.text) or not runs:
            runs.append(Run(pos, len(line.text), self._mcid(target), target.role))
        return runs

    def _line_links(self, elem: Elem, line: TextLine) -> list[tuple[int, int, Elem]]:
        """(start, end, Link element) of the links on ``line``. A line that ends inside a
        word (``TextLine.joins_next``: a URL cut where it has no space) leaves its last
        link open, and the element's next line continues it: one link, one target."""
        text = line.text
        out: list[tuple[int, int, Elem]] = []
        pos = 0
        opened = self._open.pop(id(elem), None)
        if opened is not None:
            before, link = opened
            whole = next((e for s, e in _spans(before + text) if s == 0), 0)
            if whole > len(before):
                pos = whole - len(before)
                link.alt = link_target(before + text[:pos])
                out.append((0, pos, link))
        for s, e in _spans(text[pos:]):
            out.append((pos + s, pos + e, Elem("Link", alt=link_target(text[pos + s:pos + e]))))
        if line.joins_next and out and not any(ch.isspace() for ch in text[out[-1][1]:]):
            s, _e, link = out[-1]
            before = opened[0] if opened is not None and s == 0 and out[0][2] is link else ""
            self._open[id(elem)] = (before + text[s:], link)
        return out

    def figure(self, alt: str) -> int:
        """A figure of its own (the ครุฑ, the QR code) with its alternative text."""
        self._key = None
        self._list = None
        elem = self.root.add(Elem("Figure", alt=alt))
        return self._mcid(elem)

    def annotation(self, link: Elem, rect: tuple[float, float, float, float]) -> int:
        """Register a link annotation on the current page; its index in ``annots``."""
        self.annots.append((self.page, link, rect))
        index = len(self.annots) - 1
        link.kids.append(("annot", index, self.page))
        return index
