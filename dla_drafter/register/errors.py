"""What can go wrong with the register, in words a clerk can act on (Thai) and in English.

Every failure of the register reaches the caller as one :class:`RegisterError` with a stable
``code`` (for the program's window and for tests) and a message in both languages, never a
driver's traceback. The database's own text is kept in ``detail`` for the IT unit.
"""

from __future__ import annotations

_MESSAGES: dict[str, tuple[str, str]] = {
    "unreachable": (
        "ติดต่อฐานข้อมูลทะเบียนหนังสือส่งไม่ได้ ({where}): ตรวจการเชื่อมต่อเครือข่าย"
        "หรือแจ้งผู้ดูแลระบบ ยังไม่ได้ออกเลขใด ๆ",
        "cannot reach the register database ({where}): check the network or ask IT; "
        "no number was issued",
    ),
    "connection_lost": (
        "การเชื่อมต่อกับฐานข้อมูลทะเบียนหนังสือส่งขาดระหว่างบันทึก: ไม่มีการออกเลขและไม่มีสิ่งใด"
        "ถูกบันทึก ทะเบียนและไฟล์ร่างคงเดิม ลองใหม่อีกครั้งเมื่อเชื่อมต่อได้",
        "the connection to the register database was lost while saving: no number was "
        "issued and nothing was recorded; register and draft are unchanged; try again when "
        "connected",
    ),
    "busy": (
        "ฐานข้อมูลทะเบียน ({where}) ถูกเครื่องอื่นใช้อยู่นานเกินไป: ยังไม่ได้ออกเลข ลองใหม่อีกครั้ง",
        "the register database ({where}) stayed busy too long: no number was issued; "
        "try again",
    ),
    "bad_url": (
        "ที่อยู่ฐานข้อมูลทะเบียนไม่ถูกต้อง: {where} (ใช้ sqlite:///… หรือ postgresql://…)",
        "invalid register database URL: {where} (use sqlite:///… or postgresql://…)",
    ),
    "too_new": (
        "ฐานข้อมูลทะเบียนสร้างด้วยโปรแกรมรุ่นใหม่กว่า (รุ่นโครงสร้าง {where}): "
        "ปรับรุ่นโปรแกรมก่อนใช้งาน",
        "the register database was made by a newer version of the program (schema "
        "{where}): update the program first",
    ),
    "unknown_number": (
        "ไม่พบเลขที่ {where} ในทะเบียนหนังสือส่ง",
        "number {where} is not in the register",
    ),
    "bad_number": (
        "อ่านเลขที่หนังสือไม่ได้: {where} (ตัวอย่าง มท 0816.3/15 หรือ มท 0816.3/ว 15)",
        "cannot read the letter number: {where} (e.g. มท 0816.3/15 or มท 0816.3/ว 15)",
    ),
    "already_cancelled": (
        "เลขที่ {where} ถูกยกเลิกแล้ว ใช้ซ้ำไม่ได้",
        "number {where} was cancelled and cannot be used again",
    ),
    "already_issued": (
        "เลขที่ {where} ออกให้หนังสือแล้ว",
        "number {where} has already been issued",
    ),
    "not_reserved": (
        "เลขที่ {where} ไม่ได้อยู่ในสถานะจองเลข",
        "number {where} is not a reserved number",
    ),
    "wrong_year": (
        "เลขที่ {where} จองไว้ในปี พ.ศ. อื่น: เลขทะเบียนเริ่มใหม่ทุกปี ใช้ข้ามปีไม่ได้",
        "number {where} was reserved in another year: serials start again each year",
    ),
    "no_code": (
        "ยังไม่ได้กรอก{field}: ออกเลขไม่ได้",
        "the {field} is empty: cannot issue a number",
    ),
    "no_reason": (
        "ต้องระบุเหตุผลที่ยกเลิกเลข",
        "a reason is needed to cancel a number",
    ),
    "serial_in_draft": (
        "ร่างนี้มี{field} {where} อยู่แล้วแต่ไม่ใช่เลขที่จองไว้: ลบเลขออกจากร่างก่อนออกเลขใหม่",
        "this draft already has a {field} {where} that is not a reserved number: clear it "
        "before issuing a new one",
    ),
    "bad_date": (
        "วันที่ไม่ถูกต้อง: {where} (ใช้ ปปปป-ดด-วว เช่น 2026-12-02 หรือ 2569-12-02)",
        "invalid date: {where} (use YYYY-MM-DD, e.g. 2026-12-02 or 2569-12-02)",
    ),
    "draft_write": (
        "เขียนเลขลงไฟล์ร่างไม่ได้ ({where}): ไม่มีการออกเลข",
        "cannot write the number into the draft ({where}): no number was issued",
    ),
    "database": (
        "ฐานข้อมูลทะเบียนแจ้งข้อผิดพลาด: {where}",
        "the register database reported an error: {where}",
    ),
}


def _field(name: str, lang: int) -> str:
    from ..fields import FIELD_NAMES

    return FIELD_NAMES.get(name, (name, name))[lang]


class RegisterError(Exception):
    """A register operation that did not happen; nothing of it was recorded.

    ``code`` is one of the keys above; ``where`` is the number, URL or date concerned;
    ``field`` the draft field (a key of ``fields.FIELD_NAMES``) when one is at fault.
    """

    def __init__(self, code: str, where: str = "", *, field: str = "", detail: str = "") -> None:
        self.code = code
        self.where = where
        self.field = field
        self.detail = detail
        super().__init__(self.message("en"))

    def message(self, lang: str = "th") -> str:
        index = 1 if lang == "en" else 0
        template = _MESSAGES[self.code][index]
        return template.format(where=self.where, field=_field(self.field, index) if self.field
                               else "")

    @property
    def message_th(self) -> str:
        return self.message("th")

    @property
    def message_en(self) -> str:
        return self.message("en")
