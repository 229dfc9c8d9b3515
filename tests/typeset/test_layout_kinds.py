"""Where the parts of a memo, a stamped letter, an order and an announcement land, in cm, as
``shared/spec/page-layout.md`` says ("บันทึกข้อความ (memo)" and "Other kinds")."""

from __future__ import annotations

import pytest

from dla_drafter.model.draftio import letter_from_dict as letter_from
from dla_drafter.pipeline import typeset_letter
from dla_drafter.typeset.pages import ImageBox, Rule, TextLine, item_bounds
from dla_drafter.typeset.profile import DEFAULT_PROFILE as P

LABELS = ("ส่วนราชการ", "ที่", "วันที่", "เรื่อง")
THAI_DIGITS = set("๐๑๒๓๔๕๖๗๘๙")
PT_CM = 2.54 / 72


def lines_of(pages, part, index=None):
    return [it for page in pages.pages for it in page.items if isinstance(it, TextLine)
            and it.source and it.source[0] == part and (index is None or it.source[1] == index)]


def page_of(pages, item):
    return next(p for p in pages.pages if item in p.items)


def centre(line: TextLine) -> float:
    return line.x + line.width_cm / 2


@pytest.fixture
def memo(memo_dict, settings):
    return typeset_letter(letter_from(memo_dict), settings)


@pytest.fixture
def order(order_dict, settings):
    return typeset_letter(letter_from(order_dict), settings)


@pytest.fixture
def stamped(stamped_dict, settings):
    return typeset_letter(letter_from(stamped_dict), settings)


@pytest.fixture
def external_signature_centre(eef_dict, settings) -> float:
    """Where the external letter centres its signature (under ขอแสดงความนับถือ)."""
    pages = typeset_letter(letter_from(eef_dict), settings)
    return centre(lines_of(pages, "complimentary_close")[0])


# --- บันทึกข้อความ -------------------------------------------------------------------------

def test_memo_emblem_is_1_5cm_high_at_the_top_left(memo):
    [emblem] = [it for page in memo.pages for it in page.items if isinstance(it, ImageBox)]
    assert emblem.height == pytest.approx(1.5)
    assert emblem.x == pytest.approx(3.0)
    assert emblem.y == pytest.approx(1.5)
    assert page_of(memo, emblem).number == 1


def test_memo_title_29pt_bold_centred_on_the_emblems_line(memo):
    [title] = [it for it in memo.pages[0].items if isinstance(it, TextLine)
               and it.text == "บันทึกข้อความ"]
    assert title.size_pt == 29 and title.bold
    assert centre(title) == pytest.approx(11.0, abs=1e-6)
    assert P.memo_title_line_pt == 35.0
    # its 35 pt line box stands on the ครุฑ's foot: the title is on the ครุฑ's line
    line_top = 3.0 - 35 * PT_CM
    assert line_top < title.y < 3.0
    assert title.y - line_top == pytest.approx(35 * PT_CM * 0.70)


def head_labels(pages) -> dict[str, TextLine]:
    return {it.text: it for it in pages.pages[0].items if isinstance(it, TextLine)
            and it.text in LABELS and it.size_pt == P.memo_label_size_pt}


def test_memo_labels_20pt_bold_ที่_and_วันที่_on_one_line(memo):
    labels = head_labels(memo)
    assert set(labels) == set(LABELS)
    for label in labels.values():
        assert label.size_pt == 20 and label.bold
    for name in ("ส่วนราชการ", "ที่", "เรื่อง"):
        assert labels[name].x == pytest.approx(3.0)
    assert labels["วันที่"].y == pytest.approx(labels["ที่"].y)
    assert labels["วันที่"].x == pytest.approx(3.0 + 8.0)  # near the middle of the 16 cm
    assert labels["ส่วนราชการ"].y < labels["ที่"].y < labels["เรื่อง"].y
    assert labels["ส่วนราชการ"].y > 3.0  # under the ครุฑ's line


def test_memo_values_16pt_on_dotted_leaders_to_the_right_margin(memo):
    labels = head_labels(memo)
    page = memo.pages[0]
    leaders = [it for it in page.items if isinstance(it, Rule)]
    assert leaders and all(r.dotted for r in leaders), "dotted leaders, no solid rule"
    assert all(r.y1 == pytest.approx(r.y2) for r in leaders)
    head_bottom = labels["เรื่อง"].y + 2 * P.line_pitch
    values = [it for it in page.items if isinstance(it, TextLine) and it.y < head_bottom
              and it.source and it.source[0] in ("agency.name", "owner_unit", "contact.phone",
                                                 "number.code", "date.day", "date.month",
                                                 "subject") and it.text not in LABELS]
    assert values
    for value in values:
        assert value.size_pt == 16 and not value.bold
        under = [r for r in leaders if r.x1 <= value.x + 1e-6 and r.x2 >= value.x
                 + value.width_cm - 1e-6 and 0 < r.y1 - value.y < 0.3]
        assert len(under) == 1, value.text
    number = labels["ที่"]
    for rule in leaders:
        on_number_line = rule.y1 == pytest.approx(number.y + P.memo_leader_drop)
        if on_number_line and rule.x1 < labels["วันที่"].x:  # stops short of วันที่
            assert rule.x2 == pytest.approx(labels["วันที่"].x - P.memo_leader_gap)
        else:
            assert rule.x2 == pytest.approx(19.0)
    # the first value starts two spaces after its label; the leader starts with the value
    agency = lines_of(memo, "agency.name")
    value = next(it for it in agency if it.text != "ส่วนราชการ")
    label = labels["ส่วนราชการ"]
    assert value.y == pytest.approx(label.y)
    assert value.x > label.x + label.width_cm
    assert any(r.x1 == pytest.approx(value.x) for r in leaders)


def test_memo_agency_value_joins_agency_owner_unit_and_phone(memo):
    head = [it for it in memo.pages[0].items if isinstance(it, TextLine)
            and it.source and it.source[0] in ("agency.name", "owner_unit", "contact.phone")
            and it.text != "ส่วนราชการ"]
    rows: dict[float, str] = {}
    for it in sorted(head, key=lambda it: (it.y, it.x)):  # a piece ends with its space
        rows[round(it.y, 6)] = rows.get(round(it.y, 6), "") + it.text
    assert all(not row.endswith(" ") for row in rows.values())
    text = " ".join(rows.values())
    assert text == ("กองส่งเสริมและพัฒนาการจัดการศึกษาท้องถิ่น (กลุ่มงานส่งเสริมการจัดการศึกษาท้องถิ่น) "
                    "โทร. ๐ ๒๒๔๑ ๙๐๐๐ ต่อ ๕๓๑๒")
    # each piece names its field, so a click goes to the agency, the unit or the phone
    assert {it.source for it in head} == {("agency.name", None), ("owner_unit", 0),
                                          ("contact.phone", None)}
    # a wrapped value hangs under its first character
    first_line_y = min(it.y for it in head)
    value_x = min(it.x for it in head if it.y == first_line_y)
    assert all(it.x >= value_x - 1e-6 for it in head)
    assert any(it.x == pytest.approx(value_x) for it in head if it.y > first_line_y)


def test_memo_date_and_number_values(memo, memo_dict, settings):
    assert [it.text for it in lines_of(memo, "number.code") if it.text != "ที่"] == [
        "มท ๐๘๑๖.๓/๒๔๕๗"]
    date = [it.text for it in lines_of(memo, "date.day") + lines_of(memo, "date.month")
            if it.text != "วันที่"]
    assert "".join(date) == "๒๐ พฤศจิกายน ๒๕๖๙"
    # a blank day leaves room before the month, on the dotted leader
    memo_dict["date"]["day"] = None
    blank = typeset_letter(letter_from(memo_dict), settings)
    label = head_labels(blank)["วันที่"]
    [month] = [it for it in lines_of(blank, "date.month") if it.text != "วันที่"]
    dated = next(it for it in lines_of(memo, "date.day") if it.text != "วันที่")
    assert month.text == "พฤศจิกายน ๒๕๖๙"
    assert month.x == pytest.approx(dated.x + P.blank_day_width)
    assert month.y == pytest.approx(label.y)
    leader = next(it for it in blank.pages[0].items if isinstance(it, Rule)
                  and it.x1 > label.x and it.y1 == pytest.approx(label.y + P.memo_leader_drop))
    assert leader.x1 == pytest.approx(dated.x) and leader.x2 == pytest.approx(19.0)


def test_memo_salutation_body_and_signature_without_a_close(memo, external_signature_centre):
    subject_bottom = max(it.y for it in lines_of(memo, "subject"))
    [salutation] = lines_of(memo, "salutation")
    [addressee] = lines_of(memo, "addressee")
    assert salutation.text == "เรียน" and salutation.x == pytest.approx(3.0)
    assert addressee.text == "อธิบดีกรมส่งเสริมการปกครองท้องถิ่น"
    assert salutation.y - subject_bottom == pytest.approx(P.line_pitch + 6 * PT_CM)
    assert not lines_of(memo, "complimentary_close")
    assert not [it for it in memo.lines() if it.text.startswith("ขอแสดงความนับถือ")]
    for index in range(4):
        body = lines_of(memo, "body", index)
        assert body[0].x == pytest.approx(3.0 + 2.5)
        assert all(line.x == pytest.approx(3.0) for line in body[1:])
        for line in body[:-1]:
            assert line.letter_spacing_cm > 0
            assert line.x + line.width_cm == pytest.approx(19.0, abs=1e-6)
    [closing] = lines_of(memo, "closing")
    assert closing.x == pytest.approx(5.5)
    [name] = lines_of(memo, "signer.name")
    [position] = lines_of(memo, "signer.position")
    assert name.text == "(นางสาวศิริพร ใจดีงาม)"
    for line in (name, position):  # where the external letter centres its signature
        assert centre(line) == pytest.approx(external_signature_centre, abs=1e-6)
    assert name.y - closing.y == pytest.approx(4 * P.line_pitch)  # three blank lines
    assert not lines_of(memo, "agency.address")


def test_memo_every_line_names_its_field(memo):
    sources = {it.source for it in memo.lines()}
    for expected in [("kind", None), ("agency.name", None), ("owner_unit", 0),
                     ("contact.phone", None), ("number.code", None), ("date.day", None),
                     ("date.month", None), ("subject", None), ("salutation", None),
                     ("addressee", None), ("body", 0), ("body", 3), ("closing", None),
                     ("signer.name", None), ("signer.position", 0)]:
        assert expected in sources, expected
    assert all(it.source for it in memo.lines())


@pytest.mark.parametrize("paragraphs", range(1, 12))
def test_memo_signature_never_alone_on_a_page(memo_dict, settings, paragraphs):
    base = memo_dict["body"][1]
    memo_dict["body"] = [base[: 60 + 41 * k] for k in range(paragraphs)]
    pages = typeset_letter(letter_from(memo_dict), settings)
    name = lines_of(pages, "signer.name")[0]
    page = page_of(pages, name)
    body_lines = [it for it in page.items if isinstance(it, TextLine) and it.source
                  and it.source[0] in ("body", "closing")]
    assert len(body_lines) >= 2
    assert page_of(pages, lines_of(pages, "signer.position")[-1]) is page


def test_memo_marks_page_numbers_and_extras(memo_dict, settings):
    memo_dict.update(urgency="ด่วนที่สุด", secrecy="ลับ", file_copy=True,
                     copies_to=["กองคลัง"], qr={"url": "https://bit.ly/3I4Rmeo"})
    memo_dict["contact"]["email"] = "saraban@dla.go.th"
    memo_dict["body"] = memo_dict["body"] * 3
    pages = typeset_letter(letter_from(memo_dict), settings)
    [urgency] = lines_of(pages, "urgency")
    assert urgency.bold and urgency.size_pt >= 32 and urgency.color.upper() == "#C00000"
    assert urgency.x + urgency.width_cm == pytest.approx(19.0)  # the ครุฑ has the left
    assert urgency.y < head_labels(pages)["ส่วนราชการ"].y
    [note] = lines_of(pages, "file_copy")
    assert note.text == "(สำเนาคู่ฉบับ)" and note.x + note.width_cm == pytest.approx(19.0)
    for page in pages.pages:
        marks = [it for it in page.items if isinstance(it, TextLine)
                 and it.source == ("secrecy", None)]
        assert len(marks) == 2
    assert len(pages) >= 2
    for page in pages.pages[1:]:
        [number] = [it for it in page.items if isinstance(it, TextLine)
                    and it.source == ("page_number", None)]
        assert centre(number) == pytest.approx(11.0)
    # the phone is in the head; the e-mail still prints at the bottom, with สำเนาส่ง and QR
    assert lines_of(pages, "contact.email") and not [
        it for it in lines_of(pages, "contact.phone") if it.y > 8.0]
    assert lines_of(pages, "copies_to") and lines_of(pages, "qr.url")
    assert lines_of(pages, "initials")
    assert_inside_the_page(pages)


def assert_inside_the_page(pages) -> None:
    for page in pages.pages:
        boxes = []
        for item in page.items:
            left, top, right, bottom = item_bounds(item)
            secrecy = isinstance(item, TextLine) and item.source == ("secrecy", None)
            assert left >= 3.0 - 1e-6 or secrecy, item
            assert right <= 19.0 + 1e-6, item
            assert top >= 0.5 or secrecy, item
            if isinstance(item, TextLine) and not secrecy:
                assert item.y <= P.bottom_limit
                boxes.append((item, left, right))
        for n, (a, a_left, a_right) in enumerate(boxes):  # no text over text on its line
            for b, b_left, b_right in boxes[n + 1:]:
                if a.y == pytest.approx(b.y):
                    assert min(a_right, b_right) - max(a_left, b_left) <= 1e-6, (a.text, b.text)


def test_memo_stays_on_the_page(memo):
    assert len(memo) == 1
    assert_inside_the_page(memo)


# --- หนังสือประทับตรา --------------------------------------------------------------------

def test_stamped_head_is_the_external_letters(stamped):
    [emblem] = [it for it in stamped.pages[0].items if isinstance(it, ImageBox)]
    assert emblem.height == pytest.approx(3.0)
    assert centre_of_box(emblem) == pytest.approx(11.0)
    number = lines_of(stamped, "number.code")[0]
    agency = lines_of(stamped, "agency.name")[0]
    assert number.text == "ที่ มท ๐๘๑๖.๓/๒๔๕๗" and number.x == pytest.approx(3.0)
    assert agency.y == pytest.approx(number.y) and agency.x == pytest.approx(P.agency_x)


def centre_of_box(box: ImageBox) -> float:
    return box.x + box.width / 2


def test_stamped_ถึง_instead_of_a_salutation_and_no_close(stamped):
    [label, value] = lines_of(stamped, "addressee")
    assert label.text == "ถึง" and label.x == pytest.approx(3.0)
    assert value.text == "สำนักงานส่งเสริมการปกครองท้องถิ่นจังหวัดทุกจังหวัด"
    assert value.y == pytest.approx(label.y) and value.x > label.x + label.width_cm
    address = lines_of(stamped, "agency.address")[-1]
    assert label.y > address.y
    assert not lines_of(stamped, "salutation")
    assert not lines_of(stamped, "complimentary_close")
    assert not lines_of(stamped, "signer.name") and not lines_of(stamped, "signer.position")
    assert not [it for it in stamped.lines() if it.text.startswith(("เรียน", "ขอแสดงความนับถือ"))]
    assert not lines_of(stamped, "subject")  # the regulation's stamped letter has no เรื่อง


def test_stamped_agency_name_centred_under_the_body_then_the_seal_then_the_date(
        stamped, external_signature_centre):
    last_body = max(lines_of(stamped, "body"), key=lambda it: it.y)
    sealed = [it for it in lines_of(stamped, "agency.name") if it.y > last_body.y]
    name, note = sealed
    assert name.text == "กรมส่งเสริมการปกครองท้องถิ่น"
    assert centre(name) == pytest.approx(external_signature_centre, abs=1e-6)
    assert name.y > last_body.y + P.line_pitch  # a blank line after the body
    assert note.text == "(ตราประทับ)" and note.color.upper() == "#C00000"
    assert centre(note) == pytest.approx(centre(name), abs=1e-6)
    [date] = lines_of(stamped, "date.month")
    assert date.text == "๒๐ พฤศจิกายน ๒๕๖๙"
    assert centre(date) == pytest.approx(centre(name), abs=1e-6)
    # the seal's room: its diameter from the name's line down to the date's line
    assert date.y - name.y == pytest.approx(P.stamp_diameter)
    assert name.y < note.y < date.y
    unit = lines_of(stamped, "owner_unit", 0)[0]
    assert unit.x == pytest.approx(3.0) and unit.y > date.y
    assert lines_of(stamped, "contact.phone")[0].y > unit.y
    assert_inside_the_page(stamped)


# --- คำสั่ง and ประกาศ ----------------------------------------------------------------------

def test_order_title_centred_under_the_emblem(order):
    [emblem] = [it for it in order.pages[0].items if isinstance(it, ImageBox)]
    assert emblem.height == pytest.approx(3.0) and emblem.y == pytest.approx(1.5)
    assert centre_of_box(emblem) == pytest.approx(11.0)
    title = lines_of(order, "agency.name")
    number = lines_of(order, "number.serial")
    subject = lines_of(order, "subject")
    assert [t.text for t in title] == ["คำสั่งกรมส่งเสริมการปกครองท้องถิ่น"]
    assert title[0].bold
    assert [n.text for n in number] == ["ที่ ๓๒๑/๒๕๖๙"]
    assert [s.text for s in subject] == [
        "เรื่อง แต่งตั้งคณะทำงานขับเคลื่อนการพัฒนาคุณภาพการจัดการศึกษาท้องถิ่น", "-----------------"]
    head = [title[0], number[0], *subject]
    for line in head:
        assert centre(line) == pytest.approx(11.0, abs=1e-6)
    ys = [line.y for line in head]
    assert ys == sorted(ys)
    assert 4.5 < title[0].y < 4.5 + P.line_pitch  # the first line under the ครุฑ
    body = lines_of(order, "body", 0)
    assert body[0].y > subject[-1].y and body[0].x == pytest.approx(5.5)
    for line in body[:-1]:
        assert line.x + line.width_cm == pytest.approx(19.0, abs=1e-6)


def test_order_issued_on_at_the_date_x_then_the_signature(order):
    [issued] = lines_of(order, "date.month")
    assert issued.text == "สั่ง ณ วันที่ ๒๐ พฤศจิกายน พ.ศ. ๒๕๖๙"
    assert set(issued.text) & THAI_DIGITS and not set(issued.text) & set("0123456789")
    assert issued.x == pytest.approx(10.5)
    [closing] = lines_of(order, "closing")
    assert closing.text == "ทั้งนี้ ตั้งแต่บัดนี้เป็นต้นไป"
    assert issued.y - closing.y == pytest.approx(P.line_pitch + P.issued_space_before)
    [name] = lines_of(order, "signer.name")
    [position] = lines_of(order, "signer.position")
    for line in (name, position):
        assert centre(line) == pytest.approx(centre(issued), abs=1e-6)
    assert name.y - issued.y == pytest.approx(4 * P.line_pitch)
    assert page_of(order, name) is page_of(order, issued)
    for part in ("salutation", "addressee", "complimentary_close", "owner_unit"):
        assert not lines_of(order, part), part
    assert_inside_the_page(order)


def test_order_blank_serial_and_day_leave_room(order_dict, settings):
    order_dict["number"]["serial"] = None
    order_dict["date"]["day"] = None
    pages = typeset_letter(letter_from(order_dict), settings)
    ที่, year = lines_of(pages, "number.serial")
    assert (ที่.text, year.text) == ("ที่", "/๒๕๖๙")
    assert year.x - (ที่.x + ที่.width_cm) >= P.blank_serial_width
    assert (ที่.x + year.x + year.width_cm) / 2 == pytest.approx(11.0, abs=0.1)
    prefix, month = lines_of(pages, "date.month")
    assert prefix.text == "สั่ง ณ วันที่" and prefix.x == pytest.approx(10.5)
    assert month.text == "พฤศจิกายน พ.ศ. ๒๕๖๙"
    assert month.x - (prefix.x + prefix.width_cm) >= P.blank_day_width
    [name] = lines_of(pages, "signer.name")
    assert centre(name) == pytest.approx((prefix.x + month.x + month.width_cm) / 2, abs=1e-6)


def test_announcement_has_no_number_and_is_issued_as_ประกาศ(order_dict, settings):
    order_dict["kind"] = "announcement"
    pages = typeset_letter(letter_from(order_dict), settings)
    [title] = lines_of(pages, "agency.name")
    assert title.text == "ประกาศกรมส่งเสริมการปกครองท้องถิ่น" and title.bold
    assert centre(title) == pytest.approx(11.0, abs=1e-6)
    assert not lines_of(pages, "number.serial") and not lines_of(pages, "number.code")
    subject = lines_of(pages, "subject")
    assert subject[0].text.startswith("เรื่อง ") and subject[0].y > title.y
    [issued] = lines_of(pages, "date.month")
    assert issued.text == "ประกาศ ณ วันที่ ๒๐ พฤศจิกายน พ.ศ. ๒๕๖๙"
    assert issued.x == pytest.approx(10.5)
    [name] = lines_of(pages, "signer.name")
    assert centre(name) == pytest.approx(centre(issued), abs=1e-6)
    assert not lines_of(pages, "complimentary_close") and not lines_of(pages, "addressee")


@pytest.mark.parametrize("paragraphs", range(1, 12))
def test_order_date_and_signature_never_alone(order_dict, settings, paragraphs):
    base = order_dict["body"][0]
    order_dict["body"] = [base[: 50 + 43 * k] for k in range(paragraphs)]
    pages = typeset_letter(letter_from(order_dict), settings)
    [issued] = lines_of(pages, "date.month")
    page = page_of(pages, issued)
    assert len([it for it in page.items if isinstance(it, TextLine) and it.source
                and it.source[0] in ("body", "closing")]) >= 2
    assert page_of(pages, lines_of(pages, "signer.position")[-1]) is page
