"""ลงนาม: sign an exported letter as PAdES with the signer's PKCS#12 file, then verify it.

By default the dialog exports the open letter to ``<name>.pdf`` first and signs that into
``<name>-ลงนาม.pdf``, so the visible signature lands in the gap above the signer's name of
exactly the pages it was exported with. A PDF made earlier can be signed instead (visible
only when it was exported from this letter; the signing core checks the page count).
Numbering comes before signing: a letter without a serial asks first, and a signed PDF is
never written over (``pipeline.write_outputs`` refuses).

Loading the key, exporting, signing and verifying run in a worker thread: pyHanko's first
import takes a second or two. The passphrase lives only in the password box and the worker's
call; it is never saved.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from dla_drafter.ui import background
from dla_drafter.ui.i18n import language, tr
from dla_drafter.ui.letter.document import suggested_stem
from dla_drafter.ui.letter.problems import tell_blocking
from dla_drafter.ui.register import strings  # noqa: F401 - English strings
from dla_drafter.ui.register.issue_number import error_text

if TYPE_CHECKING:
    from dla_drafter.app_settings import AppConfig
    from dla_drafter.settings import RenderSettings
    from dla_drafter.ui.letter.document import Document

SIGNED_SUFFIX = "-ลงนาม"


def signed_name(pdf: Path) -> Path:
    """``หนังสือ.pdf`` → ``หนังสือ-ลงนาม.pdf`` beside it."""
    return pdf.with_name(f"{pdf.stem}{SIGNED_SUFFIX}.pdf")


@dataclass(frozen=True)
class SignOutcome:
    """What the worker did: the file signed, the one written, the box and the check."""

    source: Path
    target: Path
    visible: bool
    report: Any  # dla_drafter.signing.verify.Report
    register_note: str = ""  # whether the signed file's SHA-256 went into the register


def record_in_register(letter: Any, signed: Path, url: str | None) -> str:
    """Put the signed file's SHA-256 on the letter's line of the register (worker thread).

    The signed PDF is the letter as sent, so that is the file the register vouches for.
    Nothing is recorded, and nothing said, when the letter has no number or this PC has no
    register yet (a SQLite file that does not exist is not created for this); a failure is
    said in the result, never fatal: the file is signed either way.
    """
    import hashlib

    from dla_drafter.register.errors import RegisterError
    from dla_drafter.register.store import default_url, open_store

    serial = (letter.number.serial or "").strip()
    code = (letter.number.code or "").strip()
    if not serial or not code:
        return ""
    target = url or default_url()
    if target.startswith("sqlite:///") and not Path(target.removeprefix("sqlite:///")).exists():
        return ""
    number = f"{code}/{'ว ' if letter.number.circular else ''}{serial}"
    digest = hashlib.sha256(signed.read_bytes()).hexdigest()
    lang = "en" if language() == "en" else "th"
    try:
        with open_store(target) as store:
            entry = store.record_pdf(number, digest, year=letter.date.year or None)
    except RegisterError as exc:
        return tr("ยังไม่ได้บันทึกลงทะเบียน: {e}", e=exc.message(lang))
    return tr("บันทึกลายนิ้วมือ SHA-256 ของไฟล์ที่ลงนามไว้ในทะเบียนที่ {n} แล้ว", n=entry.number)


def thai_moment(moment: dt.datetime) -> str:
    """``๒ ธันวาคม ๒๕๖๙ เวลา ๐๙:๑๕ น.`` in this PC's time zone, as the stamp says it."""
    from dla_drafter.text.digits import to_thai_digits
    from dla_drafter.text.thaidate import ce_to_be, format_thai_date

    local = moment.astimezone()
    return (format_thai_date(local.day, local.month, ce_to_be(local.year))
            + " เวลา " + to_thai_digits(f"{local:%H:%M}") + " น.")


def report_text(report: Any) -> str:
    """The verification of the signed file, in the interface language."""
    th = language() != "en"
    if not report.signatures:
        return tr("ไม่พบลายมือชื่อในไฟล์")
    lines = []
    for sig in report.signatures:
        when = thai_moment(sig.signing_time) if sig.signing_time else "-"
        if sig.unchanged:  # the document; then the signer, which is a question of its own
            verdict = tr("ถูกต้อง เนื้อหาไม่ถูกแก้ไขหลังลงนาม")
            verdict += (tr(" ยืนยันตัวผู้ลงนามแล้ว") if sig.signer_verified else
                        " — " + "; ".join(sig.signer_problems("th" if th else "en")))
        else:
            verdict = tr("มีปัญหา: ") + "; ".join(sig.problems("th" if th else "en"))
        lines.append(tr("ลายมือชื่อของ {n} เมื่อ {t}: {v}", n=sig.signer_name or "-", t=when,
                        v=verdict))
    return "\n".join(lines)


class SignDialog(QDialog):
    """Choose the key, the passphrase, visible or not and the PDF; sign; show the check.

    ``doc`` is the letter to export and sign; ``config`` and ``render_settings`` give the
    settings now; ``blocking_problems`` returns the errors that block export (the dialog then
    says so and ``focus_field`` shows the first); ``status`` writes to the window's status bar.
    """

    def __init__(self, parent: QWidget, doc: Document, *, config: Callable[[], AppConfig],
                 render_settings: Callable[[], RenderSettings],
                 keyring: Callable[[], Any],
                 blocking_problems: Callable[[], list[Any]],
                 focus_field: Callable[[str], Any],
                 status: Callable[[str, int], None]) -> None:
        super().__init__(parent)
        self.doc = doc
        self.config = config
        self.render_settings = render_settings
        self.keyring = keyring  # whose approvals print in the letter it exports
        self.blocking_problems = blocking_problems
        self.focus_field = focus_field
        self.status = status
        self.setObjectName("signDialog")
        self.setWindowTitle(tr("ลงนามหนังสือ (ลายมือชื่ออิเล็กทรอนิกส์)"))
        self.resize(760, 0)
        self.busy = False
        self.outcome: SignOutcome | None = None

        outer = QVBoxLayout(self)
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.f_p12 = QLineEdit()
        self.f_p12.setPlaceholderText(tr("ไฟล์ .p12 หรือ .pfx ที่ได้จากผู้ออกใบรับรอง"))
        form.addRow(tr("ใบรับรองของผู้ลงนาม"), self._with_browse(self.f_p12, self._browse_p12))
        self.f_pass = QLineEdit()
        self.f_pass.setEchoMode(QLineEdit.EchoMode.Password)
        form.addRow(tr("รหัสผ่านของใบรับรอง"), self.f_pass)

        self.r_visible = QRadioButton(tr("แสดงลายมือชื่อในช่องลงนาม (เหนือชื่อผู้ลงนาม)"))
        self.r_invisible = QRadioButton(tr("ไม่แสดงบนหน้ากระดาษ (ตรวจได้ในโปรแกรมอ่าน PDF)"))
        self.r_visible.setChecked(True)
        looks = QButtonGroup(self)
        looks.addButton(self.r_visible)
        looks.addButton(self.r_invisible)
        column = QVBoxLayout()
        column.addWidget(self.r_visible)
        column.addWidget(self.r_invisible)
        form.addRow(tr("ลักษณะลายมือชื่อ"), self._holder(column))

        folder = doc.path.parent if doc.path else Path.home()
        stem = suggested_stem(doc.letter, doc.path)
        self.r_export = QRadioButton(tr("ส่งออกหนังสือที่เปิดอยู่เป็น PDF แล้วลงนาม"))
        self.r_existing = QRadioButton(tr("ลงนามไฟล์ PDF ที่ส่งออกไว้แล้ว"))
        self.r_export.setChecked(True)
        sources = QButtonGroup(self)
        sources.addButton(self.r_export)
        sources.addButton(self.r_existing)
        self.f_pdf = QLineEdit(str(folder / f"{stem}.pdf"))
        self.f_out = QLineEdit(str(signed_name(Path(self.f_pdf.text()))))
        self.f_pdf.textEdited.connect(self._follow_source)
        column = QVBoxLayout()
        column.addWidget(self.r_export)
        column.addWidget(self.r_existing)
        form.addRow(tr("PDF ที่จะลงนาม"), self._holder(column))
        form.addRow(tr("ไฟล์ PDF"), self._with_browse(self.f_pdf, self._browse_pdf))
        form.addRow(tr("บันทึกไฟล์ที่ลงนามเป็น"), self._with_browse(self.f_out, self._browse_out))
        self.f_reason = QLineEdit()
        self.f_reason.setPlaceholderText(tr("ไม่บังคับ เช่น อนุมัติ"))
        form.addRow(tr("เหตุผลการลงนาม"), self.f_reason)
        outer.addLayout(form)

        note = QLabel(tr("ออกเลขหนังสือก่อนลงนาม: ไฟล์ที่ลงนามแล้วแก้ไขไม่ได้ "
                         "โปรแกรมจะไม่ส่งออกทับไฟล์ที่ลงนามแล้ว"))
        note.setWordWrap(True)
        outer.addWidget(note)
        self.result = QLabel()
        self.result.setObjectName("signResult")
        self.result.setWordWrap(True)
        self.result.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        outer.addWidget(self.result)

        buttons = QHBoxLayout()
        buttons.addStretch(1)
        self.b_sign = QPushButton(tr("ลงนาม"))
        self.b_sign.setDefault(True)
        self.b_sign.clicked.connect(self.sign)
        close = QPushButton(tr("ปิด"))
        close.clicked.connect(self.reject)
        buttons.addWidget(self.b_sign)
        buttons.addWidget(close)
        outer.addLayout(buttons)

    # --- layout helpers ---

    @staticmethod
    def _holder(layout: Any) -> QWidget:
        layout.setContentsMargins(0, 0, 0, 0)
        widget = QWidget()
        widget.setLayout(layout)
        return widget

    def _with_browse(self, box: QLineEdit, slot: Any) -> QWidget:
        row = QHBoxLayout()
        row.addWidget(box, 1)
        button = QPushButton(tr("เลือก…"))
        button.clicked.connect(slot)
        row.addWidget(button)
        return self._holder(row)

    def _follow_source(self, text: str) -> None:
        if text.strip():
            self.f_out.setText(str(signed_name(Path(text.strip()))))

    def _browse_p12(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, tr("ใบรับรองของผู้ลงนาม"), self.f_p12.text(),
            tr("ใบรับรอง PKCS#12 (*.p12 *.pfx);;ทุกแฟ้ม (*)"))
        if path:
            self.f_p12.setText(path)

    def _browse_pdf(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, tr("PDF ที่จะลงนาม"), self.f_pdf.text(),
                                              "PDF (*.pdf)")
        if path:
            self.f_pdf.setText(path)
            self._follow_source(path)
            self.r_existing.setChecked(True)

    def _browse_out(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, tr("บันทึกไฟล์ที่ลงนามเป็น"),
                                              self.f_out.text(), "PDF (*.pdf)")
        if path:
            self.f_out.setText(path)

    # --- signing ---

    def _missing(self) -> str:
        """The first box that must be filled, named, or ""."""
        for box, name in ((self.f_p12, "ใบรับรองของผู้ลงนาม"), (self.f_pdf, "ไฟล์ PDF"),
                          (self.f_out, "บันทึกไฟล์ที่ลงนามเป็น")):
            if not box.text().strip():
                box.setFocus()
                return tr("ยังไม่ได้กรอกช่อง “{f}”", f=tr(name))
        return ""

    def sign(self) -> bool:
        """Start signing in the background; False when it did not start (the clerk told)."""
        if self.busy:
            return False
        missing = self._missing()
        if missing:
            QMessageBox.warning(self, tr("ลงนามไม่ได้"), missing)
            return False
        export_first = self.r_export.isChecked()
        if export_first:
            errors = self.blocking_problems()
            if errors:
                tell_blocking(self.parentWidget(), errors)
                self.focus_field(getattr(errors[0], "field", "subject"))
                return False
        letter = self.doc.snapshot()
        if not (letter.number.serial or "").strip():
            answer = QMessageBox.question(
                self, tr("ยังไม่ได้ออกเลข"),
                tr("หนังสือนี้ยังไม่มีเลขที่ ไฟล์ที่ลงนามแล้วจะแก้ไขไม่ได้อีก "
                   "ควรออกเลขหนังสือก่อน\n\nลงนามโดยไม่มีเลขที่หรือไม่?"),
                QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                QMessageBox.StandardButton.No)
            if answer != QMessageBox.StandardButton.Yes:
                return False
        source = Path(self.f_pdf.text().strip())
        target = Path(self.f_out.text().strip())
        p12 = Path(self.f_p12.text().strip())
        passphrase = self.f_pass.text()
        if not self._signer_agrees(letter, p12, passphrase):
            return False
        visible = self.r_visible.isChecked()
        reason = self.f_reason.text().strip() or None
        settings = self.render_settings()
        keyring = self.keyring()
        url = self.config().register_url.strip() or None
        office_cas = list(self.config().profile().trusted_ca_certificates)

        def work() -> SignOutcome:
            from dla_drafter import pipeline, signing

            key = signing.load_pkcs12_file(p12, passphrase)
            if export_first:  # through the one way out: refuses to overwrite a signed PDF
                made = pipeline.make_outputs(letter, [source], settings, keyring)
                pipeline.write_outputs(made.files)
                pages = made.pages
            else:
                pages = pipeline.typeset_letter(letter, settings, keyring) if visible else None
            signing.sign_file(source, target, key, pages if visible else None, reason=reason)
            try:  # the office's CAs (agency profile): whether the signer is verified
                roots = signing.certificates_from_pem(office_cas, tr("โปรไฟล์ส่วนราชการ"))
                bad_cas = ""
            except signing.SigningError as exc:  # signed all the same; said in the result
                roots, bad_cas = [], error_text(exc)
            report = signing.verify_pdf(target.read_bytes(), roots)
            note = "\n".join(n for n in (bad_cas, record_in_register(letter, target, url)) if n)
            return SignOutcome(source, target, visible, report, note)

        self.busy = True
        self.b_sign.setEnabled(False)
        self.setCursor(Qt.CursorShape.BusyCursor)
        self.result.setText(tr("กำลังลงนาม…"))
        background.run(self, work, self._done, self._failed)
        return True

    def _signer_agrees(self, letter: Any, p12: Path, passphrase: str) -> bool:
        """When the certificate's subject does not name the letter's signer, say both names
        and sign only if the clerk says so (:func:`~dla_drafter.review.guards.signer_guard`).
        A file that does not load is left to the signing itself to explain."""
        from dla_drafter import signing
        from dla_drafter.review.guards import signer_guard

        try:
            key = signing.load_pkcs12_file(p12, passphrase)
        except Exception:  # noqa: BLE001 - the worker loads it again and says why not
            return True
        problems = signer_guard(letter, key.name)
        if not problems:
            return True
        answer = QMessageBox.question(
            self, tr("ใบรับรองไม่ใช่ของผู้ลงนาม"),
            "\n".join(p.message(language()) for p in problems) + "\n\n"
            + tr("ลงนามด้วยใบรับรองนี้หรือไม่?"),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No)
        return answer == QMessageBox.StandardButton.Yes

    def _end(self) -> None:
        self.busy = False
        self.b_sign.setEnabled(True)
        self.unsetCursor()

    def _done(self, outcome: SignOutcome) -> None:
        self._end()
        self.outcome = outcome
        lines = [tr("ลงนามแล้ว: {p}", p=outcome.target), report_text(outcome.report)]
        if outcome.register_note:
            lines.append(outcome.register_note)
        self.result.setText("\n".join(lines))
        self.status(tr("ลงนามแล้ว: {p}", p=outcome.target), 10000)

    def _failed(self, exc: BaseException) -> None:
        self._end()
        text = error_text(exc)
        self.result.setText(text)
        QMessageBox.warning(self, tr("ลงนามไม่ได้"), text)
