"""Settings: interface language and the agency profiles an office fills in once.

A profile holds what goes on every letter of an office (name, address, code, contacts,
default signer and owner unit) and its rendering choices (the DOCX font name, its own emblem
image). Profiles can be exported to a file and imported on another machine.
"""

from __future__ import annotations

import copy
from pathlib import Path

from PySide6.QtCore import QSize, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QListWidget,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from dla_drafter.app_settings import (
    AgencyProfile,
    AppConfig,
    SignerPreset,
    read_profile_file,
    write_profile_file,
)
from dla_drafter.ui.i18n import tr
from dla_drafter.ui.letter.widgets import GrowingPlainText, lines_value

DIALOG_HEIGHT = 640  # fits a 1366×768 screen with its taskbar and the title bar


class _ShortScrollArea(QScrollArea):
    """A scroll area that asks for less height than Qt's default (24 lines of text): with
    the tabs above and the buttons below, the settings dialog then opens within a
    1366×768 screen; it still grows with the dialog when there is room."""

    def sizeHint(self) -> QSize:  # noqa: N802 (Qt's name)
        hint = super().sizeHint()
        return QSize(hint.width(), min(hint.height(), 20 * self.fontMetrics().height()))


class SettingsDialog(QDialog):
    """Edits a copy of the config; the caller keeps it only when the dialog is accepted."""

    def __init__(self, config: AppConfig, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(tr("ตั้งค่า"))
        self.config = copy.deepcopy(config)
        self._current = -1
        self.resize(940, DIALOG_HEIGHT)
        outer = QVBoxLayout(self)
        top = QFormLayout()
        self.language = QComboBox()
        self.language.addItem("ไทย", "th")
        self.language.addItem("English", "en")
        self.language.setCurrentIndex(1 if self.config.language == "en" else 0)
        self.language.setToolTip(tr("ภาษาของเมนูและแบบฟอร์ม (มีผลเมื่อเปิดโปรแกรมครั้งถัดไป)"))
        top.addRow(tr("ภาษาของโปรแกรม"), self.language)
        from dla_drafter.ui.register.url_field import RegisterUrlField

        self.register_url = RegisterUrlField(self.config.register_url)
        top.addRow(tr("ฐานข้อมูลทะเบียนหนังสือส่ง"), self.register_url)
        outer.addLayout(top)

        body = QHBoxLayout()
        left = QVBoxLayout()
        self.list = QListWidget()
        self.list.setObjectName("profileList")
        self.list.setToolTip(tr("โปรไฟล์ส่วนราชการ"))
        # Profile names are long ("สำนักงานส่งเสริมการปกครองท้องถิ่นจังหวัด…"): wrap them
        # rather than cut them off behind a sideways scroll bar.
        self.list.setWordWrap(True)
        self.list.setTextElideMode(Qt.TextElideMode.ElideNone)
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.list.setResizeMode(QListWidget.ResizeMode.Adjust)
        self.list.setMinimumWidth(240)
        self.list.currentRowChanged.connect(self._select)
        left.addWidget(self.list, 1)
        for label, slot in (
            (tr("โปรไฟล์ใหม่"), self._new),
            (tr("ลบโปรไฟล์"), self._delete),
            (tr("นำเข้าโปรไฟล์…"), self.import_dialog),
            (tr("ส่งออกโปรไฟล์…"), self.export_dialog),
        ):
            button = QPushButton(label)
            button.clicked.connect(slot)
            left.addWidget(button)
        body.addLayout(left, 2)

        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.f_profile = QLineEdit()
        self.f_name = QLineEdit()
        self.f_address = GrowingPlainText(2, 4)
        self.f_code = QLineEdit()
        self.f_phone = QLineEdit()
        self.f_fax = QLineEdit()
        self.f_email = QLineEdit()
        self.f_owner = GrowingPlainText(1, 3)
        self.f_signer = QLineEdit()
        self.f_position = GrowingPlainText(2, 4)
        self.f_font = QComboBox()
        self.f_font.setEditable(True)
        self.f_font.addItems(["TH SarabunPSK", "TH SarabunIT๙", "TH Sarabun New", "Sarabun"])
        self.f_emblem = QLineEdit()
        emblem_row = QHBoxLayout()
        emblem_row.addWidget(self.f_emblem, 1)
        browse = QPushButton(tr("เลือก…"))
        browse.clicked.connect(self._browse_emblem)
        emblem_row.addWidget(browse)
        emblem_holder = QWidget()
        emblem_holder.setLayout(emblem_row)
        emblem_row.setContentsMargins(0, 0, 0, 0)
        self.f_emblem.setToolTip(tr("ภาพตราครุฑของส่วนราชการ (SVG หรือ PNG) ว่างไว้ใช้ภาพที่มากับโปรแกรม"))
        self.f_font.setToolTip(tr("ชื่อแบบอักษรที่เขียนลงในแฟ้ม DOCX (Word ใช้แบบอักษรในเครื่อง)"))
        self.f_continuation = QCheckBox(tr("พิมพ์คำต่อหน้า (/ คำแรก…) ท้ายทุกหน้า ยกเว้นหน้าสุดท้าย"))
        self.f_watermark = QCheckBox(tr("พิมพ์คำว่า \"ร่าง\" บนหนังสือที่ยังไม่ได้รับอนุมัติ"))
        # This office in the e-CMS exchange (``dla-drafter ecms``): codes from the e-CMS
        # organisation list, and the person named as sender (empty: the letter's signer).
        self.f_ecms_ministry = QLineEdit()
        self.f_ecms_department = QLineEdit()
        self.f_ecms_given = QLineEdit()
        self.f_ecms_family = QLineEdit()
        self.f_ecms_job = QLineEdit()
        for box in (self.f_ecms_ministry, self.f_ecms_department):
            box.setPlaceholderText(tr("ตัวเลขตามบัญชีหน่วยงาน e-CMS"))
        for box in (self.f_ecms_given, self.f_ecms_family, self.f_ecms_job):
            box.setPlaceholderText(tr("ว่างไว้ใช้ผู้ลงนามในหนังสือ"))
        self.f_profile.textEdited.connect(self._renamed)
        presets_holder = self._build_presets()
        for label, widget in (
            ("ชื่อโปรไฟล์", self.f_profile),
            ("ชื่อส่วนราชการ", self.f_name),
            ("ที่ตั้ง", self.f_address),
            ("รหัสหนังสือ (เช่น มท 0816.3)", self.f_code),
            ("โทร.", self.f_phone),
            ("โทรสาร", self.f_fax),
            ("ไปรษณีย์อิเล็กทรอนิกส์", self.f_email),
            ("ส่วนราชการเจ้าของเรื่อง", self.f_owner),
            ("ผู้ลงนามเริ่มต้น", self.f_signer),
            ("ตำแหน่งผู้ลงนาม", self.f_position),
            ("แบบอักษรใน DOCX", self.f_font),
            ("ภาพตราครุฑ", emblem_holder),
            ("คำต่อหน้า", self.f_continuation),
            ("ลายน้ำร่าง", self.f_watermark),
            ("ผู้ลงนามที่ใช้บ่อย", presets_holder),
            ("รหัสกระทรวง (e-CMS)", self.f_ecms_ministry),
            ("รหัสกรม (e-CMS)", self.f_ecms_department),
            ("ชื่อผู้ส่ง (e-CMS)", self.f_ecms_given),
            ("นามสกุลผู้ส่ง (e-CMS)", self.f_ecms_family),
            ("ตำแหน่งผู้ส่ง (e-CMS)", self.f_ecms_job),
        ):
            form.addRow(tr(label), widget)
        right = QWidget()
        right.setLayout(form)
        # the profile's fields scroll inside the dialog: all of them were 870 px tall, more
        # than a 1366×768 office laptop shows (issue 12 item 9)
        scroll = _ShortScrollArea()
        scroll.setObjectName("profileFields")
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setWidget(right)
        scroll.setMinimumWidth(right.minimumSizeHint().width()
                               + scroll.verticalScrollBar().sizeHint().width())
        body.addWidget(scroll, 5)
        # the profile's fields, and its reviewers (whose approvals count on this PC)
        from dla_drafter.ui.settings.reviewers import ReviewersTab

        self.tabs = QTabWidget()
        profile_page = QWidget()
        profile_page.setLayout(body)
        self.tabs.addTab(profile_page, tr("โปรไฟล์"))
        self.reviewers_tab = ReviewersTab()
        reviewers_scroll = _ShortScrollArea()
        reviewers_scroll.setWidgetResizable(True)
        reviewers_scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        reviewers_scroll.setWidget(self.reviewers_tab)
        self.tabs.addTab(reviewers_scroll, tr("ผู้ตรวจ"))
        self._reviewers_page = reviewers_scroll
        outer.addWidget(self.tabs, 1)

        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        outer.addWidget(buttons)
        self._fill_list()

    def show_reviewers(self) -> None:
        """Open on the reviewers tab (its page scrolls: the tab widget holds the scroll area)."""
        self.tabs.setCurrentWidget(self._reviewers_page)

    # --- frequent signers of the profile ---

    def _build_presets(self) -> QWidget:
        """The profile's frequent signers: a list, add/remove, and the selected one's fields."""
        holder = QWidget()
        grid = QVBoxLayout(holder)
        grid.setContentsMargins(0, 0, 0, 0)
        row = QHBoxLayout()
        self.presets = QListWidget()
        self.presets.setObjectName("presetList")
        self.presets.setWordWrap(True)
        self.presets.setMaximumHeight(96)
        self.presets.currentRowChanged.connect(self._select_preset)
        row.addWidget(self.presets, 1)
        buttons = QVBoxLayout()
        self.preset_add = QPushButton(tr("เพิ่มผู้ลงนาม"))
        self.preset_add.clicked.connect(self._add_preset)
        self.preset_remove = QPushButton(tr("ลบผู้ลงนาม"))
        self.preset_remove.clicked.connect(self._remove_preset)
        buttons.addWidget(self.preset_add)
        buttons.addWidget(self.preset_remove)
        buttons.addStretch(1)
        row.addLayout(buttons)
        grid.addLayout(row)
        fields = QFormLayout()
        self.p_label = QLineEdit()
        self.p_label.setPlaceholderText(tr("ชื่อที่แสดงในรายการ เช่น รองอธิบดี (ปฏิบัติราชการแทน)"))
        self.p_name = QLineEdit()
        self.p_position = GrowingPlainText(2, 4)
        self.p_position.setToolTip(tr("ตำแหน่ง หนึ่งบรรทัดต่อบรรทัด รวมบรรทัดปฏิบัติราชการแทน"))
        fields.addRow(tr("ชื่อในรายการ"), self.p_label)
        fields.addRow(tr("ชื่อผู้ลงนาม"), self.p_name)
        fields.addRow(tr("ตำแหน่ง"), self.p_position)
        grid.addLayout(fields)
        self.p_label.textEdited.connect(self._preset_edited)
        self.p_name.textEdited.connect(self._preset_edited)
        self.p_position.textChanged.connect(self._preset_edited)
        return holder

    def _profile(self) -> AgencyProfile | None:
        row = self._current
        return self.config.profiles[row] if 0 <= row < len(self.config.profiles) else None

    def _preset(self) -> SignerPreset | None:
        profile = self._profile()
        row = self.presets.currentRow()
        if profile is None or not 0 <= row < len(profile.signer_presets):
            return None
        return profile.signer_presets[row]

    @staticmethod
    def _preset_title(preset: SignerPreset) -> str:
        first = preset.position[0] if preset.position else ""
        return preset.label or preset.name or first or tr("(ผู้ลงนาม)")

    def _fill_presets(self, select: int = 0) -> None:
        profile = self._profile()
        presets = profile.signer_presets if profile is not None else []
        self.presets.blockSignals(True)
        self.presets.clear()
        for preset in presets:
            self.presets.addItem(self._preset_title(preset))
        self.presets.blockSignals(False)
        self.presets.setCurrentRow(min(select, len(presets) - 1) if presets else -1)
        self._select_preset(self.presets.currentRow())

    def _select_preset(self, _row: int) -> None:
        preset = self._preset()
        for widget in (self.p_label, self.p_name, self.p_position, self.preset_remove):
            widget.setEnabled(preset is not None)
        for widget in (self.p_label, self.p_name, self.p_position):
            widget.blockSignals(True)
        self.p_label.setText(preset.label if preset else "")
        self.p_name.setText(preset.name if preset else "")
        self.p_position.setPlainText("\n".join(preset.position) if preset else "")
        for widget in (self.p_label, self.p_name, self.p_position):
            widget.blockSignals(False)

    def _preset_edited(self, *_: object) -> None:
        """Every keystroke goes into the preset, and its row in the list follows at once."""
        preset = self._preset()
        if preset is None:
            return
        preset.label = self.p_label.text().strip()
        preset.name = self.p_name.text().strip()
        preset.position = lines_value(self.p_position.toPlainText())
        item = self.presets.currentItem()
        if item is not None:
            item.setText(self._preset_title(preset))

    def _add_preset(self) -> None:
        profile = self._profile()
        if profile is None:
            return
        profile.signer_presets.append(SignerPreset())
        self._fill_presets(select=len(profile.signer_presets) - 1)
        self.p_label.setFocus(Qt.FocusReason.OtherFocusReason)

    def _remove_preset(self) -> None:
        profile = self._profile()
        row = self.presets.currentRow()
        if profile is None or not 0 <= row < len(profile.signer_presets):
            return
        del profile.signer_presets[row]
        self._fill_presets(select=row)

    def _renamed(self, _text: str) -> None:
        """A new profile name shows in the list while it is typed, not only after OK."""
        self._store()
        self._mark_active()

    # --- list ---

    def _fill_list(self, select: str | None = None) -> None:
        self.list.blockSignals(True)
        self.list.clear()
        for profile in self.config.profiles:
            label = profile.profile_name
            if profile.profile_name == self.config.active_profile:
                label += "  ✓"
            self.list.addItem(label)
        self.list.blockSignals(False)
        names = [p.profile_name for p in self.config.profiles]
        target = select or self.config.active_profile
        row = names.index(target) if target in names else 0
        self._current = -1
        self.list.setCurrentRow(row)
        self._select(row)

    def _select(self, row: int) -> None:
        self._store()
        self._current = row
        if not 0 <= row < len(self.config.profiles):
            return
        p = self.config.profiles[row]
        self.f_profile.setText(p.profile_name)
        self.f_name.setText(p.name)
        self.f_address.setPlainText("\n".join(p.address))
        self.f_code.setText(p.number_code)
        self.f_phone.setText(p.phone)
        self.f_fax.setText(p.fax)
        self.f_email.setText(p.email)
        self.f_owner.setPlainText("\n".join(p.owner_unit))
        self.f_signer.setText(p.signer_name)
        self.f_position.setPlainText("\n".join(p.signer_position))
        self.f_font.setEditText(p.docx_font)
        self.f_emblem.setText(p.emblem_path)
        self.f_continuation.setChecked(p.continuation_word)
        self.f_watermark.setChecked(p.draft_watermark)
        self.f_ecms_ministry.setText(p.ecms.ministry_code)
        self.f_ecms_department.setText(p.ecms.department_code)
        self.f_ecms_given.setText(p.ecms.given_name)
        self.f_ecms_family.setText(p.ecms.family_name)
        self.f_ecms_job.setText(p.ecms.job_title)
        self.config.active_profile = p.profile_name
        self._mark_active()
        self._fill_presets()
        self.reviewers_tab.set_profile(p)

    def _mark_active(self) -> None:
        for i, p in enumerate(self.config.profiles):
            item = self.list.item(i)
            if item is not None:
                active = p.profile_name == self.config.active_profile
                item.setText(p.profile_name + ("  ✓" if active else ""))

    def _store(self) -> None:
        """Copy the fields back into the profile being edited."""
        row = self._current
        if not 0 <= row < len(self.config.profiles):
            return
        p = self.config.profiles[row]
        was_active = p.profile_name == self.config.active_profile
        p.profile_name = self.f_profile.text().strip() or p.profile_name or tr("โปรไฟล์ใหม่")
        p.name = self.f_name.text()
        p.address = lines_value(self.f_address.toPlainText())
        p.number_code = self.f_code.text()
        p.phone = self.f_phone.text()
        p.fax = self.f_fax.text()
        p.email = self.f_email.text()
        p.owner_unit = lines_value(self.f_owner.toPlainText())
        p.signer_name = self.f_signer.text()
        p.signer_position = lines_value(self.f_position.toPlainText())
        p.docx_font = self.f_font.currentText().strip() or "TH SarabunPSK"
        p.emblem_path = self.f_emblem.text().strip()
        p.continuation_word = self.f_continuation.isChecked()
        p.draft_watermark = self.f_watermark.isChecked()
        from dla_drafter.exchange.outbound import organization_code

        p.ecms.ministry_code = organization_code(self.f_ecms_ministry.text())
        p.ecms.department_code = organization_code(self.f_ecms_department.text())
        p.ecms.given_name = self.f_ecms_given.text().strip()
        p.ecms.family_name = self.f_ecms_family.text().strip()
        p.ecms.job_title = self.f_ecms_job.text().strip()
        if was_active:
            self.config.active_profile = p.profile_name

    def _new(self) -> None:
        self._store()
        base = tr("โปรไฟล์ใหม่")
        names = {p.profile_name for p in self.config.profiles}
        name, n = base, 2
        while name in names:
            name, n = f"{base} {n}", n + 1
        self.config.profiles.append(AgencyProfile(profile_name=name))
        self._current = -1
        self._fill_list(select=name)
        self.f_profile.setFocus(Qt.FocusReason.OtherFocusReason)

    def _delete(self) -> None:
        row = self.list.currentRow()
        if len(self.config.profiles) <= 1 or not 0 <= row < len(self.config.profiles):
            return
        del self.config.profiles[row]
        self._current = -1
        self.config.active_profile = self.config.profiles[0].profile_name
        self._fill_list()

    def _browse_emblem(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, tr("ภาพตราครุฑ"), "", tr("ภาพ (*.svg *.png *.jpg *.jpeg);;ทุกแฟ้ม (*)"))
        if path:
            self.f_emblem.setText(path)

    # --- import / export ---

    def import_dialog(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, tr("นำเข้าโปรไฟล์…"), "", tr("โปรไฟล์ (*.json);;ทุกแฟ้ม (*)"))
        if path:
            self.import_profile(Path(path))

    def import_profile(self, path: Path) -> AgencyProfile | None:
        try:
            profile = read_profile_file(path)
        except ValueError as exc:
            QMessageBox.warning(self, tr("นำเข้าไม่ได้"), str(exc))
            return None
        self._store()
        names = [p.profile_name for p in self.config.profiles]
        if profile.profile_name in names:
            self.config.profiles[names.index(profile.profile_name)] = profile
        else:
            self.config.profiles.append(profile)
        self._current = -1
        self.config.active_profile = profile.profile_name
        self._fill_list(select=profile.profile_name)
        return profile

    def export_dialog(self) -> None:
        self._store()
        profile = self.current_profile()
        if profile is None:
            return
        path, _ = QFileDialog.getSaveFileName(
            self, tr("ส่งออกโปรไฟล์…"), f"{profile.profile_name}.json",
            tr("โปรไฟล์ (*.json)"))
        if path:
            self.export_profile(Path(path))

    def export_profile(self, path: Path) -> bool:
        self._store()
        profile = self.current_profile()
        if profile is None:
            return False
        try:
            write_profile_file(profile, path)
        except OSError as exc:
            QMessageBox.warning(self, tr("ส่งออกไม่ได้"), str(exc))
            return False
        return True

    def current_profile(self) -> AgencyProfile | None:
        row = self.list.currentRow()
        return self.config.profiles[row] if 0 <= row < len(self.config.profiles) else None

    def ecms_code_problem(self) -> tuple[QLineEdit, str] | None:
        """An e-CMS code that is not 1–10 digits (Thai digits are fine): the box and why."""
        from dla_drafter.exchange.outbound import organization_code

        for box, name in ((self.f_ecms_ministry, tr("รหัสกระทรวง (e-CMS)")),
                          (self.f_ecms_department, tr("รหัสกรม (e-CMS)"))):
            code = organization_code(box.text())
            if code and not (code.isascii() and code.isdigit() and len(code) <= 10):
                return box, tr("{name}: ต้องเป็นตัวเลข ๑–๑๐ หลักตามบัญชีหน่วยงาน e-CMS "
                               "(พิมพ์ไว้ \u201c{v}\u201d)", name=name, v=box.text().strip())
        return None

    def accept(self) -> None:
        if self.register_url.problem():
            QMessageBox.warning(self, tr("ตั้งค่า"), self.register_url.problem())
            return
        if (bad := self.ecms_code_problem()) is not None:
            box, why = bad
            QMessageBox.warning(self, tr("ตั้งค่า"), why)
            box.setFocus()
            return
        self.config.register_url = self.register_url.value()
        self._store()
        self.config.language = self.language.currentData()
        super().accept()


__all__ = ["SettingsDialog", "SignerPreset"]
