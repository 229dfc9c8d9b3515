"""PAdES signing and verification, judged by pyHanko's own validator and by what a reader sees."""

from __future__ import annotations

from io import BytesIO

import pytest
from pypdf import PdfReader
from pypdf.generic import ContentStream
from signing_ca import PASSPHRASE, SIGNER_NAME, make_pki

from dla_drafter import signing
from dla_drafter.signing.placement import POINTS_PER_CM
from dla_drafter.typeset.pages import TextLine, item_bounds


@pytest.fixture(scope="module")
def signed(exported, signer_key) -> bytes:
    box = signing.signature_box(exported.pages)
    return signing.sign_pdf(exported.data, signer_key, box, reason="อนุมัติ",
                            location="กรุงเทพมหานคร", page_count=len(exported.pages))


def pyhanko_status(data: bytes, roots):
    from pyhanko.pdf_utils.reader import PdfFileReader
    from pyhanko.sign.validation import validate_pdf_signature
    from pyhanko_certvalidator import ValidationContext

    reader = PdfFileReader(BytesIO(data))
    (embedded,) = reader.embedded_signatures
    context = ValidationContext(trust_roots=roots, allow_fetching=False)
    return embedded, validate_pdf_signature(embedded, context)


def asn1(cert):
    from dla_drafter.signing.keys import asn1_certificate

    return asn1_certificate(cert)


def test_pyhanko_reports_the_signature_intact_valid_and_trusted(signed, pki, exported):
    from pyhanko.sign.validation.status import SignatureCoverageLevel

    embedded, status = pyhanko_status(signed, [asn1(pki.root)])
    assert status.intact and status.valid and status.trusted
    assert status.bottom_line
    assert status.coverage == SignatureCoverageLevel.ENTIRE_FILE
    assert embedded.sig_object["/SubFilter"] == "/ETSI.CAdES.detached"
    # PAdES B-B: the signer certificate is bound by ESS signing-certificate-v2, and the time
    # is the dictionary's /M, not a CMS signingTime attribute
    signed_attrs = [a["type"].native for a in embedded.signer_info["signed_attrs"]]
    assert "signing_certificate_v2" in signed_attrs and "signing_time" not in signed_attrs
    assert "/M" in embedded.sig_object
    assert status.signing_cert.subject.native["common_name"] == SIGNER_NAME
    assert embedded.sig_object["/Reason"] == "อนุมัติ"
    # an incremental update: the exported letter's bytes are untouched at the start
    assert signed.startswith(exported.data)


def test_verify_pdf_reports_signer_time_and_trust(signed, pki):
    report = signing.verify_pdf(signed, [pki.root])
    assert report.ok and report.trust_checked
    (sig,) = report.signatures
    assert sig.signer_name == SIGNER_NAME
    assert sig.intact and sig.valid and sig.trusted and sig.pades
    assert not sig.modified_after
    assert sig.signing_time is not None
    assert sig.problems("th") == []


def test_without_trust_roots_the_signer_is_not_verified(signed):
    """A valid signature is not a known signer (issue 13 item 5): without a trusted CA the
    document checks out and the signer does not."""
    report = signing.verify_pdf(signed)
    assert not report.ok and not report.trust_checked
    assert report.unchanged and report.verdict == "unverified"
    (sig,) = report.signatures
    assert sig.trusted is None and sig.unchanged and not sig.signer_verified
    assert sig.document_problems("th") == []
    (why,) = sig.signer_problems("th")
    assert f"ใบรับรองอ้างว่าเป็นของ {SIGNER_NAME}" in why and "--trust" in why


def test_another_ca_is_not_trusted(signed):
    stranger = make_pki(root_name="Another CA")
    report = signing.verify_pdf(signed, [stranger.root])
    assert not report.ok
    assert report.signatures[0].trusted is False
    assert any("ผู้ออกใบรับรองที่เชื่อถือ" in p for p in report.signatures[0].problems("th"))


def test_a_byte_changed_after_signing_is_reported(signed, pki):
    start = signed.index(b"/Contents")  # a byte of the letter, inside the signed range
    tampered = bytearray(signed)
    offset = signed.index(b"BT", 0, start)
    tampered[offset + 3] ^= 0x01
    tampered = bytes(tampered)
    _embedded, status = pyhanko_status(tampered, [asn1(pki.root)])
    assert not status.intact and not status.bottom_line
    report = signing.verify_pdf(tampered, [pki.root])
    assert not report.ok
    assert not report.signatures[0].intact
    assert "แก้ไขหลังลงนาม" in report.signatures[0].problems("th")[0]


def test_a_damaged_signature_value_is_reported_not_raised(signed):
    at = signed.index(b"/Contents <") + len(b"/Contents <") + 8
    tampered = bytearray(signed)
    tampered[at] = ord("0") if tampered[at] != ord("0") else ord("1")
    report = signing.verify_pdf(bytes(tampered))
    assert not report.ok
    assert report.signatures[0].problems("en")


def test_content_appended_after_signing_is_reported(signed):
    from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
    from pyhanko.stamp import TextStamp, TextStampStyle

    writer = IncrementalPdfFileWriter(BytesIO(signed))
    TextStamp(writer, TextStampStyle(stamp_text="APPROVED")).apply(0, 100, 100)
    out = BytesIO()
    writer.write(out)
    report = signing.verify_pdf(out.getvalue())
    assert not report.ok
    (sig,) = report.signatures
    assert sig.intact and sig.modified_after
    assert "มีการแก้ไขไฟล์หลังลงนาม" in sig.problems("th")


def test_an_unsigned_pdf_has_no_signatures(exported):
    report = signing.verify_pdf(exported.data)
    assert report.signatures == [] and not report.ok


def test_not_a_pdf_is_a_clear_error(signer_key):
    with pytest.raises(signing.SigningError) as caught:
        signing.verify_pdf(b"hello")
    assert "PDF" in caught.value.message_th
    with pytest.raises(signing.SigningError):
        signing.sign_pdf(b"hello", signer_key, None)


def _name_line(pages):
    return next((page, item) for page in pages.pages for item in page.items
                if isinstance(item, TextLine) and item.source == ("signer.name", None))


def test_the_visible_box_lies_in_the_gap_above_the_name_line(exported):
    box = signing.signature_box(exported.pages)
    page, name = _name_line(exported.pages)
    assert box.page == page.number
    to_cm = 1 / POINTS_PER_CM
    left, right = box.left * to_cm, box.right * to_cm
    top, bottom = page.height - box.top * to_cm, page.height - box.bottom * to_cm
    assert 0 <= left < right <= page.width and 0 <= top < bottom <= page.height
    name_left, name_top, name_right, _ = item_bounds(name)
    assert bottom <= name_top  # above the name
    assert left <= name_left and name_right <= right  # as wide as the name at least
    for item in page.items:  # and over nothing else that is printed
        i_left, i_top, i_right, i_bottom = item_bounds(item)
        overlaps = i_left < right and left < i_right and i_top < bottom and top < i_bottom
        assert not overlaps, item


def test_the_widget_sits_in_the_box_and_shows_the_signer_in_thai(signed, exported):
    box = signing.signature_box(exported.pages)
    reader = PdfReader(BytesIO(signed))
    page = reader.pages[box.page - 1]
    widgets = [a.get_object() for a in page["/Annots"]]
    (widget,) = [w for w in widgets if w.get("/FT") == "/Sig"]
    assert [float(v) for v in widget["/Rect"]] == pytest.approx(list(box.rect), abs=0.01)
    texts = _actual_texts(widget["/AP"]["/N"].get_object(), reader)
    assert texts[0] == "ลงลายมือชื่ออิเล็กทรอนิกส์โดย"
    assert texts[1] == SIGNER_NAME
    assert texts[2].endswith(" น.") and "เวลา" in texts[2]
    fonts = _font_names(widget["/AP"]["/N"].get_object())
    assert fonts and all("Sarabun" in f for f in fonts)


def _actual_texts(xobject, reader) -> list[str]:
    """The /ActualText of every marked span in an appearance and the forms it draws: the text
    a reader copies or searches."""
    found = []
    for operands, operator in ContentStream(xobject, reader).operations:
        if operator == b"BDC" and len(operands) > 1 and "/ActualText" in operands[1]:
            found.append(str(operands[1]["/ActualText"]))
        if operator == b"Do":
            inner = xobject["/Resources"]["/XObject"][operands[0]].get_object()
            found += _actual_texts(inner, reader)
    return found


def _font_names(xobject) -> list[str]:
    resources = xobject.get("/Resources", {})
    names = [str(f.get_object()["/BaseFont"]) for f in resources.get("/Font", {}).values()]
    for inner in resources.get("/XObject", {}).values():
        names += _font_names(inner.get_object())
    return names


def test_the_appearance_prints_in_the_gap(signed, exported):
    """Ink appears inside the box after signing and nowhere else on the page changes."""
    np = pytest.importorskip("numpy")  # a dev-only library; the Windows test environment has none
    import pypdfium2 as pdfium

    box = signing.signature_box(exported.pages)

    def pixels(data: bytes):
        doc = pdfium.PdfDocument(data)
        doc.init_forms()  # a signature is a form field: drawn only with forms on
        page = doc[box.page - 1]
        image = page.render(scale=1.0, may_draw_forms=True).to_numpy()
        return np.asarray(image)[:, :, :3].min(axis=2)

    before, after = pixels(exported.data), pixels(signed)
    height = before.shape[0]
    rows = slice(int(height - box.top), int(height - box.bottom))
    cols = slice(int(box.left), int(box.right))
    assert (before[rows, cols] > 200).all()  # the gap was blank
    assert (after[rows, cols] < 100).sum() > 200  # and now holds the stamp's text
    outside = np.ones_like(before, dtype=bool)
    outside[rows, cols] = False
    assert (before[outside] == after[outside]).all()


def test_invisible_signature_has_no_box_and_validates(exported, signer_key, pki):
    data = signing.sign_pdf(exported.data, signer_key, None)
    reader = PdfReader(BytesIO(data))
    widgets = [a.get_object() for p in reader.pages for a in p.get("/Annots", [])]
    sig_widgets = [w for w in widgets if w.get("/FT") == "/Sig"]
    assert all(float(v) == 0 for w in sig_widgets for v in w["/Rect"])
    assert signing.verify_pdf(data, [pki.root]).ok


def test_a_second_signature_keeps_the_first_valid(signed, pki):
    other = make_pki(signer_name="นางสาวศิริพร ใจดีงาม")
    from dla_drafter.signing import load_pkcs12_data

    second = signing.sign_pdf(signed, load_pkcs12_data(other.p12(), PASSPHRASE), None)
    report = signing.verify_pdf(second, [pki.root, other.root])
    assert report.ok
    assert [s.signer_name for s in report.signatures] == [SIGNER_NAME, "นางสาวศิริพร ใจดีงาม"]


def test_an_ecdsa_key_signs_too(exported):
    other = make_pki(curve=True)
    key = signing.load_pkcs12_data(other.p12(), PASSPHRASE)
    data = signing.sign_pdf(exported.data, key, signing.signature_box(exported.pages))
    assert signing.verify_pdf(data, [other.root]).ok


def test_a_box_from_another_letter_is_refused(exported, signer_key):
    box = signing.signature_box(exported.pages)
    with pytest.raises(signing.SigningError) as caught:
        signing.sign_pdf(exported.data, signer_key, box, page_count=len(exported.pages) + 1)
    assert "ไฟล์ร่าง" in caught.value.message_th


def test_is_signed_pdf_tells_signed_from_unsigned(signed, exported, tmp_path):
    path = tmp_path / "signed.pdf"
    path.write_bytes(signed)
    assert signing.is_signed_pdf(path)
    assert not signing.is_signed_pdf(exported.pdf)
    assert not signing.is_signed_pdf(tmp_path / "missing.pdf")
    assert not signing.is_signed_pdf(tmp_path)


def test_bytes_added_after_the_signed_range_are_reported(signed):
    """pyHanko alone accepts junk after the last signed byte; a clerk must not."""
    assert signing.verify_pdf(signed + b"\r\n").unchanged  # a line end is harmless
    report = signing.verify_pdf(signed + b"% appended\n")
    assert not report.ok and report.signatures[0].modified_after


def test_a_changed_padding_byte_of_the_signature_is_reported(signed):
    """The reserved /Contents is padded with zeros outside the digest: changing one is an
    edit after signing even though the signature still parses."""
    start = signed.index(b"/Contents <") + len(b"/Contents <")
    end = signed.index(b">", start)
    at = end - 10  # well inside the zero padding
    assert signed[at:at + 1] == b"0"
    tampered = signed[:at] + b"1" + signed[at + 1:]
    report = signing.verify_pdf(tampered)
    assert not report.ok and report.signatures[0].modified_after


def test_sign_file_writes_a_visible_signature_and_guards_its_files(exported, signer_key, pki,
                                                                   tmp_path):
    source = tmp_path / "letter.pdf"
    source.write_bytes(exported.data)
    target = tmp_path / "letter-signed.pdf"
    box = signing.sign_file(source, target, signer_key, exported.pages, reason="อนุมัติ")
    assert box == signing.signature_box(exported.pages)
    assert signing.verify_pdf(target.read_bytes(), [pki.root]).ok
    assert source.read_bytes() == exported.data

    with pytest.raises(signing.SigningError) as same:
        signing.sign_file(source, source, signer_key)
    assert "ไฟล์ต้นฉบับ" in same.value.message_th
    signed_before = target.read_bytes()
    with pytest.raises(signing.SignedPdfError):
        signing.sign_file(source, target, signer_key)
    assert target.read_bytes() == signed_before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["letter-signed.pdf", "letter.pdf"]
    assert signing.sign_file(source, tmp_path / "invisible.pdf", signer_key) is None


def test_an_issuing_ca_from_the_p12_is_embedded_so_the_root_alone_is_enough(exported):
    """Thai CAs sign through an intermediate; the reader's trust list has only the root."""
    chained = make_pki(intermediate=True)
    key = signing.load_pkcs12_data(chained.p12(), PASSPHRASE)
    assert key.chain[0] == chained.intermediates[0]
    data = signing.sign_pdf(exported.data, key, None)
    _embedded, status = pyhanko_status(data, [asn1(chained.root)])
    assert status.trusted
    assert signing.verify_pdf(data, [chained.root]).ok


def test_trust_roots_load_from_pem_and_der_and_bad_files_say_so(pki, tmp_path):
    from cryptography.hazmat.primitives.serialization import Encoding

    pem, der, bad = tmp_path / "a.pem", tmp_path / "b.cer", tmp_path / "c.pem"
    pem.write_bytes(pki.root_pem())
    der.write_bytes(pki.root.public_bytes(Encoding.DER))
    bad.write_text("not a certificate", encoding="utf-8")
    assert signing.load_trust_roots([str(pem), str(der)]) == [pki.root, pki.root]
    with pytest.raises(signing.SigningError) as caught:
        signing.load_trust_roots([str(bad)])
    assert "ไม่ใช่ใบรับรอง" in caught.value.message_th and "c.pem" in caught.value.message_th


def test_a_signature_by_an_expired_certificate_says_expired(exported):
    """load_pkcs12 refuses expired keys; a key built around the check still cannot pass."""
    from dla_drafter.signing.keys import SignerKey

    old = make_pki(expired=True)
    key = SignerKey(old.signer_key, old.signer, (old.root,))
    data = signing.sign_pdf(exported.data, key, None)
    report = signing.verify_pdf(data, [old.root])
    assert not report.ok
    (sig,) = report.signatures
    assert sig.intact and sig.valid and sig.trusted is False
    assert any("หมดอายุ" in p for p in sig.problems("th"))


def test_an_empty_signature_field_is_not_a_signed_pdf(exported, tmp_path):
    """Forms from elsewhere may carry an unsigned field: that PDF may still be replaced."""
    from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
    from pyhanko.sign.fields import SigFieldSpec, append_signature_field

    writer = IncrementalPdfFileWriter(BytesIO(exported.data))
    append_signature_field(writer, SigFieldSpec("Empty", box=(100, 100, 200, 150)))
    out = BytesIO()
    writer.write(out)
    path = tmp_path / "form.pdf"
    path.write_bytes(out.getvalue())
    assert b"/FT /Sig" in out.getvalue() or b"/FT/Sig" in out.getvalue()
    assert not signing.is_signed_pdf(path)
    assert signing.verify_pdf(out.getvalue()).signatures == []
