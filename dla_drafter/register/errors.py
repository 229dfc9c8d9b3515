"""What can go wrong with the register, in words a clerk can act on (Thai) and in English.

Every failure of the register reaches the caller as one :class:`RegisterError` with a stable
``code`` (for the program's window and for tests) and a message in both languages, never a
driver's traceback. The database's own text is kept in ``detail`` for the IT unit. A
RegisterError is a :class:`~dla_drafter.problems.DrafterError` of one problem, so the window's
problems panel, merge and the CLI read it like every other error (``problems``,
``message(lang)``); a problem in a draft field names it (``field``), others have none.
"""

from __future__ import annotations

from ..problems import DrafterError, Problem

_MESSAGES: dict[str, tuple[str, str]] = {
    "unreachable": (
        "ติดต่อฐานข้อมูลทะเบียนหนังสือส่งไม่ได้ ({where}): ตรวจการเชื่อมต่อเครือข่าย"
        "หรือแจ้งผู้ดูแลระบบ ยังไม่ได้ออกเลขใด ๆ",
        "cannot reach the register database ({where}): check the network or ask IT; "
        "no number was issued",
    ),
    "connection_lost": (
        "การเชื่อมต่อกับฐานข้อมูลทะเบียนหนังสือส่งขาดระหว่างบันทึก: ไม่มีการออกเลขลงไฟล์ร่าง "
        "ลองใหม่อีกครั้งเมื่อเชื่อมต่อได้ (หากทะเบียนบันทึกเลขไว้ทันก่อนขาด ร่างนี้จะได้เลขเดิม "
        "ไม่ใช่เลขใหม่)",
        "the connection to the register database was lost while saving: no number was "
        "written into the draft; try again when connected (if the register recorded a number "
        "before the connection was lost, this draft gets that same number, never a new one)",
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
        "ยังไม่ได้กรอก: ออกเลขไม่ได้",
        "empty: cannot issue a number",
    ),
    "no_reason": (
        "ต้องระบุเหตุผลที่ยกเลิกเลข",
        "a reason is needed to cancel a number",
    ),
    "serial_in_draft": (
        "ร่างนี้มีเลข {where} อยู่แล้วแต่ไม่ใช่เลขที่จองไว้: ลบเลขออกจากร่างก่อนออกเลขใหม่",
        "this draft already has the number {where}, which is not a reserved number: clear it "
        "before issuing a new one",
    ),
    "bad_date": (
        "วันที่ไม่ถูกต้อง: {where} (ใช้ ปปปป-ดด-วว เช่น 2026-12-02 หรือ 2569-12-02)",
        "invalid date: {where} (use YYYY-MM-DD, e.g. 2026-12-02 or 2569-12-02)",
    ),
    "draft_write": (
        "{why}: ยังไม่มีการออกเลข",
        "{why}; no number was issued",
    ),
    "draft_write_pending": (
        "ทะเบียนออกเลข {where} ให้ร่างนี้แล้ว แต่เขียนเลขลงไฟล์ร่างไม่ได้ ({why}) แก้ปัญหาของไฟล์"
        "แล้วออกเลขร่างนี้อีกครั้ง ร่างจะได้เลขเดิม ไม่ใช่เลขใหม่",
        "the register issued {where} for this draft but the number could not be written into "
        "the draft file ({why}); fix the file's problem and issue this draft again: it gets "
        "the same number, not a new one",
    ),
    "database": (
        "ฐานข้อมูลทะเบียนแจ้งข้อผิดพลาด: {where}",
        "the register database reported an error: {where}",
    ),
}


class RegisterError(DrafterError):
    """A register operation that did not happen; nothing of it was recorded (except where the
    message says otherwise: ``draft_write_pending``).

    ``code`` is one of the keys above; ``where`` is the number, URL or date concerned;
    ``field`` the draft field (a path of ``fields.FIELD_NAMES``) when one is at fault, else "";
    ``detail`` the database's own words; ``why`` (Thai, English) the cause of a failed file
    write, for the messages that say it.
    """

    def __init__(self, code: str, where: str = "", *, field: str = "", detail: str = "",
                 why: tuple[str, str] = ("", "")) -> None:
        th, en = _MESSAGES[code]
        super().__init__([Problem(field or None, code, "error",
                                  th.format(where=where, why=why[0]),
                                  en.format(where=where, why=why[1]))])
        self.where = where
        self.field = field
        self.detail = detail
