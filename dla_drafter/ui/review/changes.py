"""การเปลี่ยนแปลง: the review panel's version picker and word diff.

Any two versions can be compared — each listed with who, when, what they did and their note
(:meth:`~dla_drafter.review.versions.VersionInfo.label`) — or a version with the letter as it
is now. The default is "changes since I last looked" (:func:`~dla_drafter.review.versions.
baseline_for`): for a supervisor the version they last returned, approved or commented on,
for the clerk the version they last sent. Someone who never acted on the draft starts from the
last version sent for review. The default follows the record (a new ส่งตรวจ moves the clerk's
baseline) until the user picks a version themselves; ``ตั้งแต่ที่ฉันดูล่าสุด`` goes back to it.

A split paragraph shows as a split, two joined as a merge and moved words as moved
(:func:`diff_html`): the diff engine's ``split``/``merged``/``moved`` kinds and its
``break``/``join``/``moved_out``/``moved_in`` pieces. Marks in the form and "next change" are
offered only when the newer side is the letter as it is now — the form shows no other version.
"""

from __future__ import annotations

import html
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QTextBrowser,
    QToolButton,
    QVBoxLayout,
)

from dla_drafter.ui.i18n import language, tr
from dla_drafter.ui.review.strings import register

register()

CURRENT = 0  # the "to" box's item for the letter as it is now (versions are 1, 2, …)
KIND_WORDS = {"added": "เพิ่ม", "removed": "ลบ", "split": "แยกย่อหน้า",
              "merged": "รวมย่อหน้า", "moved": "ย้าย"}


def diff_html(diff: Any, lang: str = "th") -> str:
    """The word diff as rich text: inserted words underlined in blue, deleted words struck
    through in red, a split's cut and a merge's join as ¶, moved words marked at both
    places, and each change headed by its field and kind (แยกย่อหน้า, รวมย่อหน้า, ย้าย)."""
    if not diff:
        return html.escape(tr("ไม่มีการเปลี่ยนแปลงระหว่างสองฉบับนี้"))
    parts = []
    for change in diff.fields:
        head = html.escape(change.label(lang))
        if change.kind in KIND_WORDS:
            head += f" <i>({html.escape(tr(KIND_WORDS[change.kind]))})</i>"
        text = []
        for op, piece in change.pieces:
            piece_html = html.escape(piece).replace("\n", "<br>")
            if op in ("break", "join"):  # a split's cut (a merge's join): a paragraph mark
                piece_html = "¶"
                op = "insert" if op == "break" else "delete"
            if op == "moved_out":
                text.append(f'<s style="color:#7c3aed; background:#efe7ff">{piece_html}</s>'
                            f'<sup style="color:#7c3aed">{html.escape(tr("ย้ายไป"))}</sup>')
            elif op == "moved_in":
                text.append(f'<u style="color:#7c3aed; background:#efe7ff">{piece_html}</u>'
                            f'<sup style="color:#7c3aed">{html.escape(tr("ย้ายมา"))}</sup>')
            elif op == "delete":
                text.append(f'<s style="color:#c00000; background:#ffd6d6">{piece_html}</s>')
            elif op == "insert":
                text.append(f'<u style="color:#1a56c4; background:#e3eeff">{piece_html}</u>')
            else:
                text.append(piece_html)
        parts.append(f"<p><b>{head}</b><br>{''.join(text)}</p>")
    return "".join(parts)


def default_from(record: Any, viewer: Any) -> tuple[int | None, Any]:
    """The version to compare from by default and why: (n, baseline) for "since I last
    looked", (n of the last version sent, None) for someone who never acted on the draft,
    (None, None) for a draft never sent."""
    from dla_drafter.review.versions import baseline_for, versions_of

    baseline = baseline_for(record, viewer) if viewer is not None else None
    if baseline is not None:
        return baseline.version.n, baseline
    sent = [v.n for v in versions_of(record) if v.action == "sent"]
    return (sent[-1], None) if sent else (None, None)


class ChangesBox(QGroupBox):
    """The picker (``from_box``, ``to_box``), the toggle that shows the diff
    (``compare_button``), ◀ ▶ (``prev_button``, ``next_button``), ``step_label`` and
    ``diff_view``. ``toggled()`` is called when the user changes what is compared, ``step(±1)``
    by ◀ ▶; the panel computes through :meth:`show_for`."""

    def __init__(self, toggled: Callable[[], None], step: Callable[[int], Any]) -> None:
        super().__init__(tr("การเปลี่ยนแปลง"))
        self.setObjectName("reviewChanges")
        self._toggled = toggled
        self.explicit_from: int | None = None  # None: the default ("since I last looked")
        self.to_n = CURRENT
        self.from_n: int | None = None  # what is compared now
        self.baseline: Any = None
        self._labels: tuple[str, ...] = ()
        lay = QVBoxLayout(self)
        lay.setSpacing(4)

        picker = QFormLayout()
        picker.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        picker.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        self.from_box = self._combo("reviewFrom", "ฉบับที่ใช้เทียบ (ฉบับเก่า)")
        self.from_box.activated.connect(self._picked_from)
        self.to_box = self._combo("reviewTo", "ฉบับที่นำมาเทียบ (ฉบับใหม่)")
        self.to_box.activated.connect(self._picked_to)
        picker.addRow(tr("จาก"), self.from_box)
        picker.addRow(tr("ถึง"), self.to_box)
        lay.addLayout(picker)
        since = QHBoxLayout()
        self.since_label = QLabel()
        self.since_label.setObjectName("reviewSince")
        self.since_label.setWordWrap(True)
        self.since_button = QToolButton()
        self.since_button.setObjectName("reviewSinceMine")
        self.since_button.setText(tr("ตั้งแต่ที่ฉันดูล่าสุด"))
        self.since_button.setToolTip(tr(
            "เทียบจากฉบับที่ท่านส่ง ส่งกลับ อนุมัติ หรือแสดงความเห็นครั้งล่าสุด ถึงฉบับปัจจุบัน"))
        self.since_button.clicked.connect(lambda _c=False: self.since_mine())
        since.addWidget(self.since_label, 1)
        since.addWidget(self.since_button, 0, Qt.AlignmentFlag.AlignTop)
        lay.addLayout(since)

        row = QHBoxLayout()
        self.compare_button = self._button("แสดงการเปลี่ยนแปลง", "reviewCompare",
                                           "แสดงคำที่เพิ่มและลบระหว่างสองฉบับที่เลือก")
        self.compare_button.setCheckable(True)
        self.compare_button.clicked.connect(lambda _c=False: self._toggled())
        self.prev_button = self._button("◀", "reviewPrev", "การเปลี่ยนแปลงก่อนหน้า")
        self.prev_button.clicked.connect(lambda _c=False: step(-1))
        self.next_button = self._button("▶", "reviewNext", "การเปลี่ยนแปลงถัดไป")
        self.next_button.clicked.connect(lambda _c=False: step(1))
        row.addWidget(self.compare_button, 1)
        row.addWidget(self.prev_button)
        row.addWidget(self.next_button)
        lay.addLayout(row)
        self.step_label = QLabel()
        self.step_label.setObjectName("reviewStep")
        self.step_label.setWordWrap(True)
        lay.addWidget(self.step_label)
        self.diff_view = QTextBrowser()
        self.diff_view.setObjectName("reviewDiff")
        lay.addWidget(self.diff_view, 1)

    @staticmethod
    def _combo(name: str, tip: str) -> QComboBox:
        box = QComboBox()
        box.setObjectName(name)
        box.setToolTip(tr(tip))
        # the labels are long (who, when, the note): the box stays as wide as the dock and
        # its list opens wide enough to read them, so nothing pushes the window sideways
        box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        box.setMinimumContentsLength(12)
        box.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        box.view().setTextElideMode(Qt.TextElideMode.ElideNone)
        box.view().setMinimumWidth(440)
        return box

    @staticmethod
    def _button(text: str, name: str, tip: str) -> QPushButton:
        button = QPushButton(tr(text))
        button.setObjectName(name)
        button.setToolTip(tr(tip))
        return button

    # --- choosing ---

    def reset(self) -> None:
        """Another draft: back to the default comparison, with the letter as it is now."""
        self.explicit_from = None
        self.to_n = CURRENT

    def since_mine(self) -> None:
        """ตั้งแต่ที่ฉันดูล่าสุด: the default comparison, shown."""
        self.reset()
        self.compare_button.setChecked(True)
        self._toggled()

    def choose(self, from_n: int | None, to_n: int = CURRENT) -> None:
        """Compare version ``from_n`` (None: the default) with ``to_n`` (0: now), shown."""
        self.explicit_from = from_n
        self.to_n = to_n
        self.compare_button.setChecked(True)
        self._toggled()

    def _picked_from(self, index: int) -> None:
        n = self.from_box.itemData(index)
        self.choose(int(n) if n is not None else None, self.to_n)

    def _picked_to(self, index: int) -> None:
        n = self.to_box.itemData(index)
        self.choose(self.explicit_from, int(n) if n is not None else CURRENT)

    @property
    def to_current(self) -> bool:
        """Whether the newer side is the letter as it is now (marks and steps need that)."""
        return self.to_n == CURRENT

    # --- showing ---

    @property
    def shows_versions(self) -> bool:
        """Whether the pickers hold a letter's versions (something to clear)."""
        return bool(self._labels)

    def _fill(self, versions: tuple[Any, ...]) -> None:
        lang = language()
        labels = tuple(v.label(lang) for v in versions)
        if labels == self._labels:
            return
        self._labels = labels
        for box in (self.from_box, self.to_box):
            box.blockSignals(True)
            box.clear()
        self.to_box.addItem(tr("ฉบับปัจจุบัน (ที่เปิดอยู่ รวมที่ยังไม่บันทึก)"), CURRENT)
        for version, label in zip(versions, labels, strict=True):
            self.from_box.addItem(label, version.n)
            self.from_box.setItemData(self.from_box.count() - 1, label,
                                      Qt.ItemDataRole.ToolTipRole)
            self.to_box.addItem(label, version.n)
            self.to_box.setItemData(self.to_box.count() - 1, label, Qt.ItemDataRole.ToolTipRole)
        for box in (self.from_box, self.to_box):
            box.blockSignals(False)

    def _select(self, box: QComboBox, n: int | None) -> None:
        index = box.findData(n) if n is not None else -1
        if box.currentIndex() != index:
            box.blockSignals(True)
            box.setCurrentIndex(index)
            box.blockSignals(False)
        box.setToolTip(box.currentText() or box.toolTip())

    def show_for(self, letter: Any, record: Any, viewer: Any) -> Any:
        """Fill the picker from ``record``, work out the versions to compare and, when the
        diff is shown, compute and show it. Returns the diff (None when not shown)."""
        from dla_drafter.review.versions import VersionError, compare_versions, versions_of

        versions = versions_of(record)
        self._fill(versions)
        last = len(versions)
        default_n, self.baseline = default_from(record, viewer)
        chosen = self.explicit_from if self.explicit_from is not None else default_n
        if chosen is not None and not 1 <= chosen <= last:
            chosen = default_n
        if self.to_n != CURRENT and not 1 <= self.to_n <= last:
            self.to_n = CURRENT
        self.from_n = chosen
        self._select(self.from_box, chosen)
        self._select(self.to_box, self.to_n)
        self.since_label.setText(self._since_text(default_n))
        self.since_button.setEnabled(default_n is not None and (
            self.explicit_from is not None or not self.to_current))
        for box in (self.from_box, self.to_box):
            box.setEnabled(bool(versions))
        if not self.compare_button.isChecked():
            self.diff_view.setHtml("")
            return None
        if chosen is None:
            self.diff_view.setHtml(html.escape(tr("หนังสือนี้ยังไม่เคยส่งตรวจ")))
            return None
        try:
            diff = compare_versions(record, letter, chosen,
                                    None if self.to_current else self.to_n)
        except VersionError as exc:
            self.diff_view.setHtml(html.escape(exc.message(language())))
            return None
        self.diff_view.setHtml(self._heading(chosen) + diff_html(diff, language()))
        return diff

    def _since_text(self, default_n: int | None) -> str:
        lang = language()
        if self.baseline is not None:
            return tr("ตั้งแต่ที่ฉันดูล่าสุด: {b}", b=self.baseline.describe(lang))
        if default_n is not None:
            return tr("ท่านยังไม่เคยดูร่างนี้: เทียบจากฉบับที่ส่งตรวจล่าสุด")
        return ""

    def _heading(self, from_n: int) -> str:
        from dla_drafter.text.digits import to_thai_digits

        def number(n: int) -> str:
            return to_thai_digits(n) if language() == "th" else str(n)

        to = tr("ฉบับปัจจุบัน") if self.to_current else tr("ฉบับที่ {n}", n=number(self.to_n))
        text = tr("จากฉบับที่ {a} ถึง{b}", a=number(from_n), b=to)
        return f'<p style="color:#4b5563">{html.escape(text)}</p>'


__all__ = ["CURRENT", "ChangesBox", "default_from", "diff_html"]
