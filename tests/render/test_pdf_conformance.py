"""Archival and accessible letters: every example, the review PDF and the printed register
pass PDF/A-3b and PDF/UA-1 (``page-validation``, 0 failed rules), stay clean for
``qpdf --check``, and their structure tree reads the letter in order; URLs and e-mail
addresses are links.

``pytest --validate-pdf`` (or ``DLA_VALIDATE_PDF=1``) runs the same conformance check on
every PDF any other test makes (``conftest.py``).
"""

from __future__ import annotations

import datetime as dt
import io
import json
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from exporting import pdf as make_pdf
from pdf_checks import assert_conforms, failures, structure
from pypdf import PdfReader

from dla_drafter.model.draftio import letter_from_dict, load_draft
from dla_drafter.settings import RenderSettings

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = sorted((ROOT / "examples").glob("*.dladraft.json"))
SETTINGS = RenderSettings(use_system_th_sarabun=False)


def squeeze(text: str) -> str:
    return "".join(text.split())


@pytest.fixture(scope="module")
def example_pdfs(tmp_path_factory) -> dict[str, tuple[Path, object]]:
    folder = tmp_path_factory.mktemp("conformance")
    out = {}
    for path in EXAMPLES:
        letter = load_draft(path)
        data, _pages = make_pdf(letter, SETTINGS)
        target = folder / (path.name.split(".")[0] + ".pdf")
        target.write_bytes(data)
        out[path.name.split(".")[0]] = target, letter
    return out


def test_examples_are_found():
    assert len(EXAMPLES) >= 4


@pytest.mark.parametrize("name", [p.name.split(".")[0] for p in EXAMPLES])
def test_every_example_passes_pdf_a_3b_and_pdf_ua_1(example_pdfs, name):
    path, _letter = example_pdfs[name]
    assert_conforms(path)


def test_the_plain_pdf_option_is_not_pdf_a_but_still_accessible(eef_dict):
    eef_dict["recipients"] = {}
    letter = letter_from_dict(eef_dict)
    archival, _ = make_pdf(letter, SETTINGS)
    plain, _ = make_pdf(letter, RenderSettings(use_system_th_sarabun=False, pdf_a=False))
    assert failures(plain, ("ua1",)) == []
    assert failures(plain, ("3b",))  # no output intent, no PDF/A identification
    assert b"pdfaid:part" not in plain and b"<pdfaid:part>3</pdfaid:part>" in archival
    roots = [PdfReader(io.BytesIO(data)).trailer["/Root"] for data in (plain, archival)]
    assert "/OutputIntents" not in roots[0] and "/OutputIntents" in roots[1]
    assert "/StructTreeRoot" in roots[0] and "/AF" in roots[0]  # tagged, the draft inside
    assert len(plain) < len(archival)


def test_the_review_pdf_passes_too(tmp_path):
    from dla_drafter.review import actions

    letter = load_draft(ROOT / "examples" / "memo-2569.dladraft.json")
    actions.add_comment(letter, "subject", letter.subject[:6], "ตรวจชื่อโครงการอีกครั้ง",
                        "สมชาย ใจดี", "2026-12-02T02:15:00+00:00")
    actions.add_comment(letter, "body[0]", letter.body[0][:8], "ย่อหน้านี้ยาวไป", "สมหญิง รักงาน")
    data, pages = make_pdf(letter, SETTINGS, review=True)
    assert len(pages) >= 2  # the letter page and its comments page
    assert_conforms(data)
    reader = PdfReader(_write(tmp_path / "review.pdf", data))
    assert reader.metadata.title.startswith("ความเห็นของผู้ตรวจ")


def test_the_printed_register_passes_too(tmp_path):
    from dla_drafter.register.export import register_pdf
    from dla_drafter.register.store import Entry

    entries = [Entry(n, "มท ๐๘๑๖.๓", n % 2 == 0, 2569, n, "issued", dt.date(2026, 1, n),
                     subject=f"เรื่องที่ {n} ขอเชิญประชุม https://dla.go.th/a{n}",
                     signer="อธิบดี", from_unit="กศ.", addressee="ผู้ว่าราชการจังหวัด")
               for n in range(1, 12)]
    data = register_pdf(entries, settings=SETTINGS)
    assert_conforms(data)


@pytest.mark.skipif(shutil.which("qpdf") is None, reason="qpdf not installed")
def test_qpdf_check_is_clean_for_every_example(example_pdfs):
    for path, _letter in example_pdfs.values():
        result = subprocess.run(["qpdf", "--check", str(path)], capture_output=True, text=True)
        assert result.returncode == 0, result.stdout + result.stderr
        assert "WARNING" not in result.stdout + result.stderr


def _write(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path


# --- what a screen reader reads ---------------------------------------------------------

def test_the_metadata_says_title_language_and_shows_the_title(example_pdfs):
    path, letter = example_pdfs["circular-2565-ipst"]
    reader = PdfReader(path)
    root = reader.trailer["/Root"]
    assert root["/Lang"] == "th-TH"
    assert bool(root["/ViewerPreferences"]["/DisplayDocTitle"])
    assert bool(root["/MarkInfo"]["/Marked"])
    assert reader.metadata.title == letter.subject
    xmp = root["/Metadata"].get_object().get_data().decode("utf-8")
    assert f'<rdf:li xml:lang="x-default">{letter.subject}</rdf:li>' in xmp
    assert "<rdf:li>th-TH</rdf:li>" in xmp
    assert f"<rdf:li>{letter.agency.name}</rdf:li>" in xmp  # the author
    assert "<pdfuaid:part>1</pdfuaid:part>" in xmp
    assert "<pdfaid:part>3</pdfaid:part><pdfaid:conformance>B</pdfaid:conformance>" in xmp
    ids = reader.trailer["/ID"]
    assert len(ids) == 2 and len(ids[0].original_bytes) == 16 and ids[0] == ids[1]


def _expected_order(letter) -> list[tuple[str, str]]:
    """What a reader should meet, in order, from the draft itself (not from the pages):
    (structure type, the start of its text)."""
    from dla_drafter.text.digits import apply_digits

    def shown(text: str) -> str:
        return squeeze(apply_digits(text, letter.digits))[:12]

    out = [("Figure", ""), ("P", "ที่"), ("P", shown(letter.agency.name)), ("P", ""),
           ("H1", "เรื่อง" + shown(letter.subject)), ("P", "เรียน" + shown(letter.addressee))]
    for label, items in (("อ้างถึง", letter.references),
                         ("สิ่งที่ส่งมาด้วย", [e.text for e in letter.enclosures])):
        if items:
            out.append(("P", label))
            out += [("LBody", shown(item)) for item in items]
    out += [("P", shown(p)) for p in letter.body]
    if letter.closing:
        out.append(("P", shown(letter.closing)))
    out.append(("P", shown(letter.complimentary_close)))
    out += [("P", "("), *[("P", shown(p)) for p in letter.signer.position]]
    out += [("P", shown(u)) for u in letter.owner_unit]
    if letter.qr.url:
        out += [("P", shown(letter.qr.caption)), ("Figure", ""), ("Link", letter.qr.url)]
    if letter.recipients.names:  # printed with their numbers: ๑. ผู้ว่าราชการจังหวัดกระบี่
        out.append(("H2", shown(letter.recipients.title)))
        out += [("LBody", f"{apply_digits(str(n), letter.digits)}.{shown(name)}")
                for n, name in enumerate(letter.recipients.names[:3], 1)]
    return out


@pytest.mark.parametrize("name", ["circular-2565-ipst", "circular-2565-eef"])
def test_the_structure_tree_reads_the_letter_in_order(example_pdfs, name):
    path, letter = example_pdfs[name]
    tree = structure(path)
    assert tree[0][:2] == (0, "Document")
    found = [(kind, squeeze(text)) for _depth, kind, _alt, text in tree[1:]]
    at = 0
    for kind, start in _expected_order(letter):
        while at < len(found) and not (found[at][0] == kind and (
                found[at][1].startswith(start) or kind == "Link" and start in found[at][1])):
            at += 1
        assert at < len(found), f"{kind} {start!r} missing or out of order"
        at += 1
    # nothing of the letter is read twice, no page number or continuation word is read
    texts = [text for _d, kind, _a, text in tree if kind == "P"]
    assert not any(re.fullmatch(r"-\s*[๐-๙0-9]+\s*-", t.strip()) for t in texts)
    assert not any(t.strip().startswith("/ ") and t.strip().endswith("…") for t in texts)
    body = [squeeze(t) for _d, k, _a, t in tree if k == "P"]
    for paragraph in letter.body:  # a paragraph over a page break is one element
        from dla_drafter.text.digits import apply_digits

        assert squeeze(apply_digits(paragraph, letter.digits)) in body


def test_figures_have_alternative_text(example_pdfs):
    path, letter = example_pdfs["circular-2565-ipst"]
    figures = [(alt, text) for _d, kind, alt, text in structure(path) if kind == "Figure"]
    assert figures == [("ตราครุฑ", ""), (letter.qr.url, "")]


def test_lists_have_labels_and_bodies(tmp_path):
    data = json.loads((ROOT / "examples" / "circular-2565-eef.dladraft.json")
                      .read_text(encoding="utf-8"))
    data["references"] = ["หนังสือที่หนึ่ง", "หนังสือที่สอง"]
    data["recipients"] = {}
    pdf, _pages = make_pdf(letter_from_dict(data), SETTINGS)
    tree = structure(_write(tmp_path / "refs.pdf", pdf))
    at = next(n for n, (_d, k, _a, t) in enumerate(tree) if k == "P" and t.strip() == "อ้างถึง")
    lists = [(d, k, squeeze(t)) for d, k, _a, t in tree[at + 1:at + 8]]
    assert lists == [(1, "L", "๑.หนังสือที่หนึ่ง๒.หนังสือที่สอง"), (2, "LI", "๑.หนังสือที่หนึ่ง"),
                     (3, "Lbl", "๑."), (3, "LBody", "หนังสือที่หนึ่ง"),
                     (2, "LI", "๒.หนังสือที่สอง"), (3, "Lbl", "๒."),
                     (3, "LBody", "หนังสือที่สอง")]


def test_structure_listing_for_the_integrator(example_pdfs, tmp_path):
    """The listing the report quotes (``pdf_checks.structure_listing``): it starts as a
    screen reader starts the letter."""
    from pdf_checks import structure_listing

    path, _letter = example_pdfs["circular-2565-ipst"]
    listing = structure_listing(path).splitlines()
    assert listing[0].startswith("Document: (สำเนาคู่ฉบับ)")
    assert listing[1:3] == ["  Figure [alt: ตราครุฑ]", "  P: (สำเนาคู่ฉบับ)"]


# --- links ------------------------------------------------------------------------------

LINK_URL = "https://docs.google.com/forms/d/e/1FAIpQLSd-GGVX-G2PPq8xRkYvWmN3bT5/viewform"


def _link_letter(body_url: str = LINK_URL):
    data = json.loads((ROOT / "examples" / "circular-2565-ipst.dladraft.json")
                      .read_text(encoding="utf-8"))
    data["recipients"] = {}
    data["body"] = [
        f"ขอให้องค์กรปกครองส่วนท้อง {body_url} ภายในวันที่ ๓๐ มิถุนายน ๒๕๖๕ "
        "หรือส่งทางไปรษณีย์อิเล็กทรอนิกส์ "
        "saraban@dla.go.th เพื่อรวบรวมต่อไป"]
    return letter_from_dict(data)


def _annotations(path: Path) -> list[tuple[int, str, str, list[float]]]:
    reader = PdfReader(path)
    out = []
    for n, page in enumerate(reader.pages):
        for ref in page.get("/Annots") or []:
            annot = ref.get_object()
            assert annot["/Subtype"] == "/Link"
            assert annot["/F"] == 4  # printable (PDF/A)
            out.append((n, annot["/A"]["/URI"], annot["/Contents"],
                        [float(v) for v in annot["/Rect"]]))
    return out


def test_urls_and_email_addresses_are_link_annotations(tmp_path):
    letter = _link_letter()
    data, pages = make_pdf(letter, SETTINGS)
    path = _write(tmp_path / "links.pdf", data)
    assert_conforms(path)
    annots = _annotations(path)
    uris = [uri for _n, uri, _c, _r in annots]
    assert "mailto:saraban@dla.go.th" in uris
    assert uris.count(LINK_URL) >= 1
    assert "https://bit.ly/3I4Rmeo" in uris  # the QR code's printed URL
    for _n, uri, contents, _rect in annots:
        assert contents == uri  # PDF/UA: a link says where it goes
    # the link elements hold the printed text of the link
    links = [squeeze(text) for _d, kind, _a, text in structure(path) if kind == "Link"]
    assert LINK_URL in links and "saraban@dla.go.th" in links


def test_a_url_broken_over_two_lines_is_one_link_to_the_whole_url(tmp_path):
    letter = _link_letter()
    data, pages = make_pdf(letter, SETTINGS)
    body = [line for line in pages.lines() if line.source == ("body", 0)]
    parts = [line for line in body if any(piece in line.text for piece in ("docs.google",
                                                                            "viewform"))]
    assert len(parts) == 2, [line.text for line in body]  # the URL runs over a line break
    path = _write(tmp_path / "broken.pdf", data)
    annots = [a for a in _annotations(path) if a[1] == LINK_URL]
    assert len(annots) == 2  # one rectangle per line, both to the whole URL
    (_p1, _u1, _c1, first), (_p2, _u2, _c2, second) = annots
    assert first[1] > second[1]  # the second part is on the line below
    links = [(kind, squeeze(text)) for _d, kind, _a, text in structure(path) if kind == "Link"]
    assert ("Link", LINK_URL) in links  # one element, both parts


def test_render_plain_pdf_on_the_command_line_and_in_the_profile(tmp_path):
    import sys

    from dla_drafter.app_settings import AgencyProfile

    out = tmp_path / "plain.pdf"
    result = subprocess.run([sys.executable, "-m", "dla_drafter", "render",
                             str(ROOT / "examples" / "memo-2569.dladraft.json"), "-o", str(out),
                             "--bundled-font", "--plain-pdf"], capture_output=True, text=True,
                            cwd=ROOT)
    assert result.returncode == 0, result.stderr
    assert b"pdfaid" not in out.read_bytes()
    assert failures(out, ("ua1",)) == []
    assert AgencyProfile.from_dict({}).render_settings().pdf_a is True
    profile = AgencyProfile.from_dict({"pdf_a": False})
    assert profile.render_settings().pdf_a is False
    assert AgencyProfile.from_dict(profile.to_dict()).pdf_a is False
