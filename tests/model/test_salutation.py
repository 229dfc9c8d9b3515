"""The ภาคผนวก ๒ table: salutation and close from the addressee."""

from __future__ import annotations

import pytest

from dla_drafter.model.salutation import HIGH_OFFICES, expected_close, suggest


@pytest.mark.parametrize("office", HIGH_OFFICES)
def test_each_high_office_gets_krab_rian(office: str) -> None:
    suggestion = suggest(office)
    assert suggestion is not None
    assert (suggestion.salutation, suggestion.close) == ("กราบเรียน", "ขอแสดงความนับถืออย่างยิ่ง")
    assert suggestion.category == "high-office" and not suggestion.royal


def test_there_are_fourteen_high_offices() -> None:
    assert len(HIGH_OFFICES) == 14 and len(set(HIGH_OFFICES)) == 14


@pytest.mark.parametrize(
    "addressee",
    [
        "นายก รัฐมนตรี",  # spaces ignored
        " ประธานศาลฎีกา ",
        "นายกรัฐมนตรี (ผ่านเลขาธิการคณะรัฐมนตรี)",  # starts with the office
        "ผู้ตรวจการ\u200bแผ่นดิน",
    ],
)
def test_high_office_matching_ignores_spaces_and_what_follows(addressee: str) -> None:
    suggestion = suggest(addressee)
    assert suggestion is not None and suggestion.salutation == "กราบเรียน"


@pytest.mark.parametrize(
    "addressee",
    [
        "รัฐมนตรีว่าการกระทรวงมหาดไทย",  # ministers included
        "รองนายกรัฐมนตรี",
        "ผู้ว่าราชการจังหวัด (ตามรายชื่อแนบท้าย)",
        "ประธานกรรมการการเลือกตั้งประจำจังหวัดเชียงใหม่",  # not the national chairman
        "อธิบดีกรมส่งเสริมการปกครองท้องถิ่น",
        "หม่อมราชวงศ์สุขุมพันธุ์ บริพัตร",  # a commoner's title
        "นายกเทศมนตรีนครเชียงใหม่",
    ],
)
def test_everyone_else_gets_rian(addressee: str) -> None:
    suggestion = suggest(addressee)
    assert suggestion is not None
    assert (suggestion.salutation, suggestion.close) == ("เรียน", "ขอแสดงความนับถือ")
    assert suggestion.category == "general"


@pytest.mark.parametrize(
    ("addressee", "close", "category"),
    [
        ("สมเด็จพระพุฒาจารย์", "ขอนมัสการด้วยความเคารพอย่างยิ่ง", "monk-supreme"),
        ("สมเด็จพระราชาคณะ", "ขอนมัสการด้วยความเคารพอย่างยิ่ง", "monk-supreme"),
        ("รองสมเด็จพระราชาคณะ", "ขอนมัสการด้วยความเคารพอย่างยิ่ง", "monk-supreme"),
        ("พระราชาคณะ", "ขอนมัสการด้วยความเคารพอย่างสูง", "monk-senior"),
        ("พระธรรมปัญญาบดี", "ขอนมัสการด้วยความเคารพอย่างสูง", "monk-senior"),
        ("พระเทพวิสุทธิกวี", "ขอนมัสการด้วยความเคารพอย่างสูง", "monk-senior"),
        ("พระครูสุนทรธรรมโกวิท", "ขอนมัสการด้วยความเคารพ", "monk"),
        ("พระมหาสมชาย ฐานวุฑโฒ", "ขอนมัสการด้วยความเคารพ", "monk"),
        ("พระอธิการสมศักดิ์", "ขอนมัสการด้วยความเคารพ", "monk"),
        ("เจ้าอาวาสวัดพระธาตุดอยสุเทพ", "ขอนมัสการด้วยความเคารพ", "monk"),
    ],
)
def test_monks_get_namaskan_with_the_close_of_their_rank(
    addressee: str, close: str, category: str
) -> None:
    suggestion = suggest(addressee)
    assert suggestion is not None
    assert (suggestion.salutation, suggestion.close, suggestion.category) == (
        "นมัสการ",
        close,
        category,
    )
    assert not suggestion.royal


@pytest.mark.parametrize(
    "addressee",
    [
        "พระบาทสมเด็จพระเจ้าอยู่หัว",
        "สมเด็จพระเจ้าลูกเธอ เจ้าฟ้าพัชรกิติยาภา",
        "สมเด็จพระบรมราชชนนีพันปีหลวง",
        "สมเด็จพระนางเจ้าสุทิดา พัชรสุธาพิมลลักษณ พระบรมราชินี",
        "สมเด็จพระกนิษฐาธิราชเจ้า กรมสมเด็จพระเทพรัตนราชสุดาฯ สยามบรมราชกุมารี",
        "พระองค์เจ้าอทิตยาทรกิติคุณ",
        "หม่อมเจ้าหญิงก",
        "สมเด็จพระสังฆราช",
    ],
)
def test_royal_addressees_are_flagged_not_suggested(addressee: str) -> None:
    suggestion = suggest(addressee)
    assert suggestion is not None and suggestion.royal
    assert suggestion.salutation == "" and suggestion.close == ""


@pytest.mark.parametrize("addressee", ["", "   ", "\u200b"])
def test_blank_addressee_gives_no_suggestion(addressee: str) -> None:
    assert suggest(addressee) is None


def test_expected_close() -> None:
    assert expected_close("กราบเรียน") == {"ขอแสดงความนับถืออย่างยิ่ง"}
    assert expected_close(" เรียน ") == {"ขอแสดงความนับถือ"}
    assert expected_close("นมัสการ") == {
        "ขอนมัสการด้วยความเคารพอย่างยิ่ง",
        "ขอนมัสการด้วยความเคารพอย่างสูง",
        "ขอนมัสการด้วยความเคารพ",
    }
    assert expected_close("ถึง") == set()  # unknown: not checked
    assert expected_close("") == set()
