"""Checks of our PDFs that several test files share: where the ครุฑ's ink is, and whether a
PDF passes PDF/A-3b and PDF/UA-1 (``page-validation``, a Rust validator with Python
bindings: no Java).

``conftest.py`` can run the conformance check on every PDF any test makes
(``pytest --validate-pdf`` or ``DLA_VALIDATE_PDF=1``): the writer's ``build`` is wrapped so a
PDF that fails a rule fails the test that made it.
"""

from __future__ import annotations

import json
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PT = 72 / 2.54
PROFILES = ("3b", "ua1")


def failures(data: bytes | Path, profiles=PROFILES) -> list[str]:
    """``profile rule: message`` of every failed rule (one line per rule), [] when the PDF
    conforms to every profile."""
    import page

    out = []
    for profile in profiles:
        if isinstance(data, Path):
            report = page.validate_pdf(str(data), profile=profile)
        else:
            report = page.validate_pdf_bytes(bytes(data), profile=profile)
        seen = set()
        for failure in report.failures:
            if failure.rule_id not in seen:
                seen.add(failure.rule_id)
                out.append(f"{profile} {failure.rule_id}: {failure.message}")
        if not report.is_compliant and not seen:
            out.append(f"{profile}: not compliant")
    return out


def assert_conforms(data: bytes | Path, profiles=PROFILES) -> None:
    found = failures(data, profiles)
    assert not found, "\n".join(found[:20])


def emblem_extent() -> tuple[float, float, float, float]:
    """(left, top, right, bottom) of the bundled ครุฑ's ink as fractions of its box."""
    drawing = json.loads((ROOT / "resources" / "emblem" / "garuda.paths.json")
                         .read_text(encoding="utf-8"))
    _x, _y, w, h = drawing["viewbox"]
    xs, ys = [], []
    for (index, (a, b, c, d, e, f)) in drawing["draw"]:
        tokens = drawing["paths"][index].split()
        for i in range(0, len(tokens)):
            if tokens[i] in ("m", "l"):
                x, y = float(tokens[i - 2]), float(tokens[i - 1])
                xs.append(a * x + c * y + e)
                ys.append(b * x + d * y + f)
    return min(xs) / w, min(ys) / h, max(xs) / w, max(ys) / h


def emblem_ink_cm(pdf_page, below_cm: float, left_of_cm: float = 21.0
                  ) -> tuple[float, float, float, float]:
    """(left, top, right, bottom) in cm of the paths a pdfplumber page draws above
    ``below_cm`` from the top and left of ``left_of_cm`` (the ครุฑ: the text's glyph
    outlines are lower, or right of a memo's small ครุฑ)."""
    curves = [c for c in pdf_page.curves
              if c["bottom"] < below_cm * PT and c["x1"] < left_of_cm * PT]
    assert curves, "no ครุฑ drawn"
    return (min(c["x0"] for c in curves) / PT, min(c["top"] for c in curves) / PT,
            max(c["x1"] for c in curves) / PT, max(c["bottom"] for c in curves) / PT)


def expected_ink_cm(x: float, y: float, height: float, aspect: float | None = None
                    ) -> tuple[float, float, float, float]:
    """Where the ink of the bundled ครุฑ placed in the box at (``x``, ``y``) cm, ``height``
    tall, should be."""
    drawing = json.loads((ROOT / "resources" / "emblem" / "garuda.paths.json")
                         .read_text(encoding="utf-8"))
    _vx, _vy, w, h = drawing["viewbox"]
    width = height * (aspect if aspect is not None else w / h)
    left, top, right, bottom = emblem_extent()
    return x + left * width, y + top * height, x + right * width, y + bottom * height


def structure(path: Path) -> list[tuple[int, str, str, str]]:
    """The structure tree of a PDF in reading order, as a screen reader walks it: one
    (depth, type, alternative text, text) per element, the text being all it reads (its
    own marked content and its kids', in order). Read with pypdf (the tree, MCR and OBJR
    kids included) and pdfplumber (each marked-content id's characters)."""
    import pdfplumber
    from pypdf import PdfReader
    from pypdf.generic import DictionaryObject, IndirectObject

    reader = PdfReader(path)
    pages = {page.indirect_reference.idnum: n for n, page in enumerate(reader.pages)}
    text: dict[tuple[int, int], str] = {}
    with pdfplumber.open(path) as pdf:
        for n, page in enumerate(pdf.pages):
            for char in page.chars:
                if char.get("mcid") is not None:
                    key = (n, char["mcid"])
                    text[key] = text.get(key, "") + char["text"]
    out: list[tuple[int, str, str, str]] = []

    def walk(elem: DictionaryObject, depth: int) -> str:
        page = elem.raw_get("/Pg") if "/Pg" in elem else None
        home = pages.get(page.idnum) if isinstance(page, IndirectObject) else None
        kids = elem.get("/K")
        kids = kids if isinstance(kids, list) else [kids] if kids is not None else []
        at = len(out)
        alt = elem.get("/Alt")
        out.append((depth, str(elem["/S"])[1:], str(alt) if alt is not None else "", ""))
        read = ""
        for kid in kids:
            if isinstance(kid, int):
                read += text.get((home, kid), "")
                continue
            kid_obj = kid.get_object()
            kind = kid_obj.get("/Type")
            if kind == "/MCR":
                read += text.get((pages[kid_obj.raw_get("/Pg").idnum], kid_obj["/MCID"]), "")
            elif kind != "/OBJR":
                read += walk(kid_obj, depth + 1)
        out[at] = (*out[at][:3], read)
        return read

    root = reader.trailer["/Root"]["/StructTreeRoot"]
    top = root["/K"]
    for elem in top if isinstance(top, list) else [top]:
        walk(elem.get_object(), 0)
    return out


def structure_listing(path: Path) -> str:
    """``structure`` as indented lines (for a reader, and for the integrator's note)."""
    lines = []
    for depth, kind, alt, text in structure(path):
        shown = " ".join(text.split())
        extra = f" [alt: {alt}]" if alt else ""
        lines.append(f"{'  ' * depth}{kind}{extra}{': ' + shown if shown else ''}")
    return "\n".join(lines)
