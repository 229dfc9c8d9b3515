"""Where every part of the letter lands on the page, in cm, as the spec says."""

from __future__ import annotations

import pytest

from dla_drafter.model.draftio import letter_from_dict as letter_from
from dla_drafter.pipeline import typeset_letter
from dla_drafter.typeset.pages import ImageBox, QRBox, Rule, TextLine, item_bounds
from dla_drafter.typeset.profile import DEFAULT_PROFILE as P


def lines_of(pages, part, index=None):
    return [it for page in pages.pages for it in page.items if isinstance(it, TextLine)
            and it.source and it.source[0] == part and (index is None or it.source[1] == index)]


def page_of(pages, item):
    return next(p for p in pages.pages if item in p.items)


@pytest.fixture
def eef(eef_dict, settings):
    return typeset_letter(letter_from(eef_dict), settings)


@pytest.fixture
def ipst(ipst_dict, settings):
    return typeset_letter(letter_from(ipst_dict), settings)


def test_emblem_is_3cm_high_1_5cm_from_top_and_centred(eef):
    emblem = next(it for it in eef.pages[0].items if isinstance(it, ImageBox))
    assert emblem.height == pytest.approx(3.0)
    assert emblem.y == pytest.approx(1.5)
    assert emblem.x + emblem.width / 2 == pytest.approx(P.text_left + P.text_width / 2)
    assert not any(isinstance(it, ImageBox) for page in eef.pages[1:] for it in page.items)


def test_heading_number_left_agency_right_on_the_same_line(eef):
    number = lines_of(eef, "number.code")[0]
    agency = lines_of(eef, "agency.name")[0]
    assert number.text == "ที่ มท ๐๘๑๖.๓/ว"
    assert number.x == pytest.approx(3.0)
    assert agency.y == pytest.approx(number.y)
    assert agency.x == pytest.approx(P.agency_x)
    address = lines_of(eef, "agency.address")
    assert address[0].x == pytest.approx(agency.x)
    assert address[0].y == pytest.approx(agency.y + P.line_pitch)
    assert number.y > 1.5 + 3.0  # under the ครุฑ


def test_date_starts_10_5cm_from_the_edge_with_room_for_a_blank_day(eef, eef_dict, settings):
    date = lines_of(eef, "date.month")[0]
    assert date.text == "มิถุนายน ๒๕๖๕"
    assert date.x == pytest.approx(10.5 + P.blank_day_width)
    eef_dict["date"]["day"] = 16
    dated = lines_of(typeset_letter(letter_from(eef_dict), settings), "date.month")[0]
    assert dated.text == "๑๖ มิถุนายน ๒๕๖๕"
    assert dated.x == pytest.approx(10.5)
    address = lines_of(eef, "agency.address")[-1]
    assert date.y == pytest.approx(address.y + P.line_pitch)


def test_labelled_parts_hang_their_continuation_lines(ipst):
    subject = lines_of(ipst, "subject")
    label, first, *rest = subject
    assert label.text == "เรื่อง" and label.x == pytest.approx(3.0)
    assert rest, "the long subject wraps"
    assert all(line.x == pytest.approx(first.x) for line in rest)
    assert first.x > label.x + label.width_cm  # two spaces between label and value


def test_enclosure_amount_ends_flush_at_the_right_margin(ipst):
    amount = next(it for it in lines_of(ipst, "enclosures", 0) if it.text.startswith("จำนวน"))
    assert amount.text == "จำนวน ๑ ชุด"
    assert amount.x + amount.width_cm == pytest.approx(19.0, abs=1e-6)


def test_body_first_line_indent_and_justified_right_edge(eef):
    body = lines_of(eef, "body", 0)
    assert body[0].x == pytest.approx(3.0 + 2.5)
    assert all(line.x == pytest.approx(3.0) for line in body[1:])
    for line in body[:-1]:
        assert line.letter_spacing_cm > 0
        assert line.x + line.width_cm == pytest.approx(19.0, abs=1e-6)
    assert body[-1].letter_spacing_cm == 0
    assert body[-1].x + body[-1].width_cm < 19.0


def test_space_before_each_paragraph_is_6pt(eef):
    first_para = lines_of(eef, "body", 0)
    second = lines_of(eef, "body", 1)
    gap = second[0].y - first_para[-1].y
    same_page = page_of(eef, second[0]) is page_of(eef, first_para[-1])
    if same_page:
        assert gap == pytest.approx(P.line_pitch + 6 / 72 * 2.54)


def test_close_at_date_x_and_signature_centred_under_it(eef):
    close = lines_of(eef, "complimentary_close")[0]
    assert close.x == pytest.approx(10.5)
    centre = close.x + close.width_cm / 2
    name = lines_of(eef, "signer.name")[0]
    position = lines_of(eef, "signer.position")[0]
    for line in (name, position):
        assert line.x + line.width_cm / 2 == pytest.approx(centre, abs=1e-6)
    # three blank lines for the signature
    assert name.y - close.y == pytest.approx(4 * P.line_pitch)


def test_page_numbers_from_page_two(eef):
    assert len(eef) >= 2
    assert not lines_of(eef, "page_number") or page_of(eef, lines_of(eef, "page_number")[0]) \
        is not eef.pages[0]
    for page in eef.pages[1:]:
        number = [it for it in page.items if isinstance(it, TextLine)
                  and it.source == ("page_number", None)]
        assert len(number) == 1
        thai = "๐๑๒๓๔๕๖๗๘๙"[page.number] if page.number < 10 else None
        if thai:
            assert number[0].text == f"- {thai} -"
        assert number[0].x + number[0].width_cm / 2 == pytest.approx(11.0)
        assert 1.5 <= number[0].y <= 2.5


def test_nothing_overflows_the_page(eef, ipst):
    for pages in (eef, ipst):
        for page in pages.pages:
            for item in page.items:
                left, top, right, bottom = item_bounds(item)
                assert left >= 3.0 - 1e-6 or isinstance(item, TextLine) and \
                    item.source == ("secrecy", None)
                assert right <= 19.0 + 1e-6
                assert top >= 0.5
                if isinstance(item, TextLine) and item.source[0] not in ("secrecy",):
                    assert item.y <= P.bottom_limit


def is_qr(item) -> bool:
    return bool(getattr(item, "source", None)) and item.source[0].startswith("qr.")


def test_qr_code_sits_clear_of_every_other_part(ipst):
    last_letter_page = page_of(ipst, lines_of(ipst, "signer.name")[0])
    qr = [it for page in ipst.pages for it in page.items if isinstance(it, QRBox)]
    assert len(qr) == 1 and qr[0].size == pytest.approx(P.qr_size)
    page = page_of(ipst, qr[0])
    assert page.number >= last_letter_page.number
    boxes = [(it, item_bounds(it)) for it in page.items
             if not is_qr(it) and not isinstance(it, Rule)]
    qr_items = [it for it in page.items if is_qr(it)]
    assert len(qr_items) == 3  # caption, code, URL
    for q in qr_items:
        ql, qt, qr_, qb = item_bounds(q)
        for other, (ol, ot, orr, ob) in boxes:
            overlap = min(qr_, orr) - max(ql, ol) > 0 and min(qb, ob) - max(qt, ot) > 0
            assert not overlap, (q, other)
    caption, url = [it for it in qr_items if isinstance(it, TextLine)]
    assert caption.y < qr[0].y < url.y


def test_every_line_names_the_field_it_came_from(ipst):
    sources = {it.source for page in ipst.pages for it in page.items
               if isinstance(it, TextLine)}
    for expected in [("number.code", None), ("agency.name", None), ("agency.address", 0),
                     ("date.month", None), ("subject", None), ("salutation", None),
                     ("addressee", None), ("enclosures", 0), ("body", 0), ("body", 3),
                     ("closing", None), ("complimentary_close", None), ("signer.name", None),
                     ("signer.position", 0), ("owner_unit", 0), ("owner_unit", 1),
                     ("contact.phone", None), ("contact.fax", None), ("contact.email", None),
                     ("qr.caption", None), ("qr.url", None), ("initials", 0)]:
        assert expected in sources, expected


def test_file_copy_mark_and_initials_grid(ipst):
    first = ipst.pages[0]
    mark = [it for it in first.items if isinstance(it, TextLine) and it.text == "(สำเนาคู่ฉบับ)"]
    assert mark and mark[0].y < 3.0
    rows = lines_of(ipst, "initials")
    assert [r.text for r in rows] == ["ร.อสถ.", "ผอ.กศ.", "ผอ.กง.สศ.", "หน.ฝ.กศ.", "จนท."]
    page = page_of(ipst, rows[0])
    dotted = [it for it in page.items if isinstance(it, Rule) and it.dotted]
    assert len(dotted) == 5
    assert all(d.x2 == pytest.approx(19.0) for d in dotted)
    assert rows[-1].y <= P.bottom_limit
    assert page.number == page_of(ipst, lines_of(ipst, "signer.name")[0]).number or \
        page.number == page_of(ipst, lines_of(ipst, "signer.name")[0]).number + 1


def test_standard_initials_rows_when_none_given(ipst_dict, settings):
    ipst_dict["initials"] = []
    pages = typeset_letter(letter_from(ipst_dict), settings)
    assert [r.text for r in lines_of(pages, "initials")] == ["ร่าง", "พิมพ์", "ทาน", "ตรวจ"]


def test_a_long_name_in_the_initials_grid_stays_inside_the_text_area(ipst_dict, settings):
    long_name = ("นายสมศักดิ์ศรีสวัสดิ์ ประเสริฐวงศ์ตระกูลไทย (ผู้อำนวยการกองส่งเสริมและพัฒนา"
                 "การจัดการศึกษาท้องถิ่น กรมส่งเสริมการปกครองท้องถิ่น)")
    ipst_dict["initials"] = [{"role": "ร่าง", "name": long_name},
                             {"role": "ตรวจ", "name": "สช."}, {"role": "ทาน", "name": ""}]
    pages = typeset_letter(letter_from(ipst_dict), settings)
    rows = lines_of(pages, "initials")
    names = [r for r in rows if r.source == ("initials", 0)][1:]  # after the role
    assert "".join(r.text for r in names).replace(" ", "") == long_name.replace(" ", "")
    assert len(names) >= 2  # wrapped
    for item in rows:
        assert P.text_left - 1e-6 <= item.x and item.x + item.width_cm <= P.text_right + 1e-6
    # each row starts below the previous row's last line
    ys = [r.y for r in rows]
    assert ys == sorted(ys)
    page = page_of(pages, rows[0])
    [dotted] = [it for it in page.items if isinstance(it, Rule) and it.dotted]
    assert dotted.y1 > max(r.y for r in rows if r.source[1] == 1)


def test_distribution_list_on_its_own_pages(eef):
    title = lines_of(eef, "recipients.title")[0]
    names = lines_of(eef, "recipients.names")
    title_page = page_of(eef, title)
    signer_page = page_of(eef, lines_of(eef, "signer.name")[0])
    assert title_page.number > signer_page.number
    assert title.bold and title.x + title.width_cm / 2 == pytest.approx(11.0)
    assert names[0].text == "๑. ผู้ว่าราชการจังหวัดกระบี่"
    assert names[-1].text == "๗๖. ผู้ว่าราชการจังหวัดอุบลราชธานี"
    assert len(names) == 76


def test_urgency_and_secrecy_marks(eef_dict, settings):
    eef_dict["urgency"] = "ด่วนที่สุด"
    eef_dict["secrecy"] = "ลับ"
    pages = typeset_letter(letter_from(eef_dict), settings)
    urgency = lines_of(pages, "urgency")
    assert len(urgency) == 1 and urgency[0].bold and urgency[0].size_pt >= 32
    assert urgency[0].color.upper() in ("#C00000", "#FF0000")
    assert urgency[0].x == pytest.approx(3.0)
    assert urgency[0].y < lines_of(pages, "number.code")[0].y
    for page in pages.pages:
        marks = [it for it in page.items if isinstance(it, TextLine)
                 and it.source == ("secrecy", None)]
        assert len(marks) == 2 and marks[0].text == "ลับ" and marks[0].size_pt > 16
        assert min(m.y for m in marks) < 2.0 and max(m.y for m in marks) > 27.7
        assert all(m.x + m.width_cm / 2 == pytest.approx(10.5) for m in marks)


@pytest.mark.parametrize("paragraphs", range(1, 14))
def test_signature_never_alone_on_a_page(eef_dict, settings, paragraphs):
    """Whatever the body's length, the page with the คำลงท้าย also carries body lines."""
    base = eef_dict["body"][1]
    eef_dict["body"] = [base[: 60 + 37 * k] for k in range(paragraphs)]
    pages = typeset_letter(letter_from(eef_dict), settings)
    close = lines_of(pages, "complimentary_close")[0]
    page = page_of(pages, close)
    body_lines = [it for it in page.items if isinstance(it, TextLine) and it.source
                  and it.source[0] in ("body", "closing")]
    assert len(body_lines) >= 2
    signer = lines_of(pages, "signer.position")[-1]
    assert page_of(pages, signer) is page


def test_forty_page_body_paginates(eef_dict, settings):
    eef_dict["body"] = eef_dict["body"] * 90
    eef_dict["recipients"] = {}
    pages = typeset_letter(letter_from(eef_dict), settings)
    assert len(pages) >= 30
    numbers = [p.number for p in pages.pages]
    assert numbers == list(range(1, len(pages) + 1))


def test_an_installed_th_sarabun_font_is_drawn_with_unscaled(tmp_path):
    """When the office has TH Sarabun installed the letter is drawn with it, at its own size;
    otherwise the bundled Sarabun is scaled to TH SarabunPSK's size."""
    import shutil

    from dla_drafter.typeset.fonts import bundled_sarabun, find_th_sarabun, load_font_set
    from dla_drafter.typeset.fontscale import SARABUN_TO_TH_SARABUN_PSK

    regular, bold = bundled_sarabun()
    fonts_dir = tmp_path / "fonts" / "thai"
    fonts_dir.mkdir(parents=True)
    shutil.copy(regular, fonts_dir / "THSarabunNew.ttf")
    shutil.copy(bold, fonts_dir / "THSarabunNew Bold.ttf")
    assert find_th_sarabun([tmp_path / "fonts"]) == (fonts_dir / "THSarabunNew.ttf",
                                                      fonts_dir / "THSarabunNew Bold.ttf")
    installed = load_font_set(True, tmp_path / "fonts")
    assert installed.regular.path.name == "THSarabunNew.ttf"
    assert installed.bold.path.name == "THSarabunNew Bold.ttf"
    assert installed.regular.size_factor == 1.0
    bundled = load_font_set(False)
    assert bundled.regular.size_factor == SARABUN_TO_TH_SARABUN_PSK
    text = "กรมส่งเสริมการปกครองท้องถิ่น"
    assert bundled.regular.width_cm(text, 16) == pytest.approx(
        installed.regular.width_cm(text, 16) * SARABUN_TO_TH_SARABUN_PSK, rel=1e-3)
    assert find_th_sarabun([tmp_path / "nothing"]) is None


AFTER_THE_FLOW = {"initials", "page_number", "secrecy", "continuation", "qr.caption", "qr.url"}


@pytest.mark.parametrize("extra", range(0, 16))
def test_initials_grid_never_alone_on_a_page_nor_named_by_the_continuation_word(
        ipst_dict, settings, extra):
    """Issue 13 item 8: whatever the body's length, the page with the file copy's initials
    grid also carries lines of the letter, and no page's continuation word (``/ ร่าง…``)
    points at the grid (lengths 6–15 put the grid alone on page 3 before)."""
    base = ipst_dict["body"][0]
    ipst_dict["body"] = ipst_dict["body"] + [base[: 40 + 23 * extra]]
    pages = typeset_letter(letter_from(ipst_dict), settings)
    grid = lines_of(pages, "initials")
    page = page_of(pages, grid[0])
    assert all(page_of(pages, line) is page for line in grid)
    letter_parts = {it.source[0] for it in page.items
                    if getattr(it, "source", None)} - AFTER_THE_FLOW
    assert letter_parts, f"the grid stands alone on page {page.number}"
    roles = [row["role"] for row in ipst_dict["initials"]]
    for word in lines_of(pages, "continuation"):
        assert not any(word.text.startswith(f"/ {role}") for role in roles), word.text
    for number, each in enumerate(pages.pages[:-1], 1):
        bottom = max(item_bounds(it)[3] for it in each.items if not (
            getattr(it, "source", None) and it.source[0] == "secrecy"))
        assert bottom <= P.page_height - P.margin_bottom + 0.05, number
