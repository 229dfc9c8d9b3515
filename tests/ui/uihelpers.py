"""Helpers for the GUI tests: typing Thai, waiting for the preview, example letters."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QWidget

from dla_drafter.model.letter import Agency, Enclosure, Letter, LetterDate, Number, Signer
from dla_drafter.text.thaidate import today_be


def type_text(widget: QWidget, text: str) -> None:
    """Type any text (Thai included) as key events; QTest.keyClicks handles ASCII only."""
    widget.setFocus()
    for ch in text:
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(
                widget, QKeyEvent(kind, Qt.Key.Key_unknown, Qt.KeyboardModifier.NoModifier, ch)
            )


def wait_preview(qtbot: Any, window: Any, timeout: int = 8000) -> Any:
    """Wait until the preview shows the document's current state; returns its Pages."""
    window.preview.refresh_now()
    qtbot.waitUntil(
        lambda: window.preview.pages is not None and window.preview.is_current(), timeout=timeout
    )
    return window.preview.pages


def page_texts(pages: Any) -> list[str]:
    return [line.text for line in pages.lines()]


def example_letter(paragraphs: int = 2) -> Letter:
    """A complete external letter with no errors (a circular to provincial governors)."""
    body = [
        "ตามที่กรมส่งเสริมการปกครองท้องถิ่นได้ขอความร่วมมือจังหวัดแจ้งองค์กรปกครองส่วนท้องถิ่น"
        "ที่มีสถานศึกษาในสังกัดเข้าร่วมโครงการพัฒนาครูและโรงเรียนเพื่อยกระดับคุณภาพการศึกษา"
        "อย่างต่อเนื่อง ความละเอียดแจ้งแล้ว นั้น",
        "กรมส่งเสริมการปกครองท้องถิ่นขอเรียนว่า ได้คัดเลือกสถานศึกษาที่เข้าร่วมโครงการ รุ่นที่ 2 "
        "จำนวน 120 แห่ง จึงขอความร่วมมือจังหวัดแจ้งองค์กรปกครองส่วนท้องถิ่นที่เกี่ยวข้องทราบ "
        "และแจ้งสถานศึกษาในสังกัดดำเนินการตามรายละเอียดปรากฏตามสิ่งที่ส่งมาด้วย",
    ]
    while len(body) < paragraphs:
        body.append(body[len(body) % 2])
    return Letter(
        number=Number(code="มท 0816.3", circular=True, serial=None),
        agency=Agency(name="กรมส่งเสริมการปกครองท้องถิ่น",
                      address=["ถนนนครราชสีมา เขตดุสิต", "กทม. 10300"]),
        date=LetterDate(day=None, month=today_be().month, year=today_be().year),
        subject="โครงการพัฒนาครูและโรงเรียนเพื่อยกระดับคุณภาพการศึกษาอย่างต่อเนื่อง รุ่นที่ 2",
        addressee="ผู้ว่าราชการจังหวัด ทุกจังหวัด",
        enclosures=[Enclosure(text="รายชื่อสถานศึกษาที่เข้าร่วมโครงการ", amount="1 ชุด")],
        body=body[:paragraphs],
        closing="จึงเรียนมาเพื่อโปรดพิจารณา",
        signer=Signer(name="", position=["อธิบดีกรมส่งเสริมการปกครองท้องถิ่น"]),
        owner_unit=["กองส่งเสริมและพัฒนาการจัดการศึกษาท้องถิ่น"],
    )


class ModalAnswer:
    """Click a button of the next modal dialog, by its text; remembers what the box showed.

    For dialogs the program builds itself (``exec()`` on a QMessageBox), which the static
    function fixtures in conftest cannot answer. Polls until the box is up, so it works
    whenever the test triggers it. Kept alive until it has answered (Qt's timer does not
    hold on to the Python object, and a test need not keep it).
    """

    _waiting: list[ModalAnswer] = []

    def __init__(self, button_text: str) -> None:
        self.button_text = button_text
        self.texts: list[str] = []
        self.message = ""
        ModalAnswer._waiting.append(self)
        self._poll()

    def _poll(self) -> None:
        from PySide6.QtCore import QTimer
        from PySide6.QtWidgets import QAbstractButton, QMessageBox

        if self not in ModalAnswer._waiting:
            return  # the test that set it up is over
        box = QApplication.activeModalWidget()
        if box is None:
            QTimer.singleShot(10, self._poll)
            return
        ModalAnswer._waiting.remove(self)
        buttons = box.findChildren(QAbstractButton)
        self.texts = [b.text() for b in buttons if b.isVisible()]
        if isinstance(box, QMessageBox):
            self.message = box.text()
        for button in buttons:
            if button.text().replace("&", "") == self.button_text:
                button.click()
                return
        box.reject()  # not there: close the box so the test fails on its assertion
