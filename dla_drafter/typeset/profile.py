"""The layout profile: every number of the page, named, with its unit, in one place.

[S] = stated in the ระเบียบสำนักนายกรัฐมนตรีว่าด้วยงานสารบรรณ or its typing guide;
[P] = common practice in agency templates (``shared/spec/page-layout.md``). The [P] numbers are
fields an office may change; the DOCX writer reads the same profile so both outputs agree.
"""

from __future__ import annotations

from dataclasses import dataclass

from .pages import A4_HEIGHT_CM, A4_WIDTH_CM

# Word's "single" line spacing for TH SarabunPSK at 16 pt. Word spaces single lines by the
# font's Windows metrics: (usWinAscent + usWinDescent) / unitsPerEm × size. For TH SarabunPSK
# that sum is about 1.627 em (measured for shared/spec/platform-facts.md: ≈ 26 pt at 16 pt),
# far taller than Sarabun's own 1.30 em (1068 + 232 units: 20.8 pt), because the Thai font keeps
# room above and below for stacked vowels and tone marks. A fixed pitch of 16 × 1.627 = 26.0 pt
# (0.918 cm) makes a page hold the same number of lines as the office's Word document,
# whichever face we draw with.
TH_SARABUN_PSK_LINE_EM = 1.627


@dataclass(frozen=True)
class LayoutProfile:
    # paper and margins [S]/[P]
    page_width: float = A4_WIDTH_CM
    page_height: float = A4_HEIGHT_CM
    margin_left: float = 3.0  # [S]
    margin_right: float = 2.0  # [S]
    margin_bottom: float = 2.0  # [P]
    margin_top_continuation: float = 2.5  # [P] top of pages 2, 3 …
    # type
    font_size_pt: float = 16.0  # [S]
    line_pitch_pt: float = 16.0 * TH_SARABUN_PSK_LINE_EM  # see the note above
    space_before_part_pt: float = 6.0  # [S] before เรื่อง, เรียน, อ้างถึง, …, each paragraph
    # the emblem [S]
    emblem_height: float = 3.0
    emblem_top: float = 1.5
    # heading and date [P]
    agency_x_from_margin: float = 9.5  # the agency block's lines start here
    date_x_from_margin: float = 7.5  # 10.5 cm from the paper's left edge
    blank_day_width: float = 1.5  # room left for a blank day
    blank_serial_width: float = 2.0  # room after ที่ … /ว for the registry
    # body [S]
    first_line_indent: float = 2.5
    # Thai distributed justification adds at most this much per cluster gap [P]: past it a
    # line is left short, at its natural spacing, rather than spaced out (แ ล ะ ภ า พ)
    max_justify_gap_pt: float = 1.0
    label_gap: str = "  "  # label + two spaces + value [S]
    # marks [S]
    urgency_size_pt: float = 32.0
    secrecy_size_pt: float = 20.0
    mark_color: str = "#C00000"
    # signature [P]: blank lines left above ``(ชื่อเต็ม)`` for the pen (see signature_gap_lines)
    signature_blank_lines: int = 3
    # page numbers [S/P]
    page_number_top: float = 1.5  # top of the page number's line box
    # the continuation word (``/ คำแรก…``) at the foot right of every page but the last takes
    # the text area's last line, flush right, as offices type it in Word: the flow of such a
    # page stops this many lines higher [P]
    continuation_lines: int = 1
    # QR code [P]
    qr_size: float = 2.2
    # the file copy's initials grid: gap after the role, least length of a name's line [P]
    initials_gap: float = 0.2  # cm
    initials_line_width: float = 3.0  # cm
    # lines that must stay with the signature at a page break [P]
    keep_lines_with_close: int = 2
    # kinds without a คำลงท้าย (memo, stamped letter) centre the signature, and the stamped
    # letter its seal, where an external letter's default close would put it [P]
    signature_anchor_text: str = "ขอแสดงความนับถือ"

    # --- บันทึกข้อความ (memo) -----------------------------------------------------------
    memo_emblem_height: float = 1.5  # cm [S]
    memo_emblem_top: float = 1.5  # cm from the paper's top, at the left margin [P] (as [S] 3 cm)
    memo_title_size_pt: float = 29.0  # "บันทึกข้อความ", bold, centred on the text area [S]
    memo_title_line_pt: float = 35.0  # its line height, exactly [S]
    memo_label_size_pt: float = 20.0  # ส่วนราชการ / ที่ / วันที่ / เรื่อง, bold [S]
    # a head row holds a 20 pt label: Word's single line for it, as the body's 16 pt pitch [P]
    memo_label_line_pt: float = 20.0 * TH_SARABUN_PSK_LINE_EM
    memo_date_label_x_from_margin: float = 8.0  # cm: วันที่ near the middle of the line [P]
    memo_leader_gap: float = 0.2  # cm between the ที่ leader's end and the วันที่ label [P]
    memo_leader_drop: float = 0.1  # cm: the dotted leader this far under the baseline [P]
    memo_leader_width_pt: float = 0.8  # the leader's dots [P]
    memo_head_column: float = 8.0  # cm: the title's column in the DOCX header, centred [P]
    # an urgent memo's file-copy note: its baseline this far above the ครุฑ's top, in the
    # top margin, because the urgency takes the corner beside the title [P]
    memo_note_raise: float = 0.3  # cm

    # --- หนังสือประทับตรา (stamped letter) ------------------------------------------------
    # ตราชื่อส่วนราชการ: outer circle 4.5 cm (ระเบียบงานสารบรรณ ข้อ ๗๒) [S]; its room starts at
    # the agency name's line and the date follows it
    stamp_diameter: float = 4.5  # cm [S]
    stamp_lines_before: int = 1  # blank lines between the body and the agency's name [P]

    # --- คำสั่ง / ประกาศ (order, announcement) ---------------------------------------------
    issued_space_before_pt: float = 16.0 * TH_SARABUN_PSK_LINE_EM  # one blank line [P]

    @property
    def text_left(self) -> float:
        return self.margin_left

    @property
    def text_right(self) -> float:
        return self.page_width - self.margin_right

    @property
    def text_width(self) -> float:
        return self.text_right - self.text_left

    @property
    def text_centre(self) -> float:
        """x of the middle of the text area (the ครุฑ and centred lines stand on it)."""
        return self.text_left + self.text_width / 2

    @property
    def line_pitch(self) -> float:
        """Line pitch in cm."""
        return self.line_pitch_pt / 72.0 * 2.54

    @property
    def max_justify_gap(self) -> float:
        """``max_justify_gap_pt`` in cm."""
        return self.max_justify_gap_pt / 72.0 * 2.54

    @property
    def space_before(self) -> float:
        return self.space_before_part_pt / 72.0 * 2.54

    @property
    def bottom_limit(self) -> float:
        """Lowest y a line box may reach."""
        return self.page_height - self.margin_bottom

    @property
    def date_x(self) -> float:
        return self.margin_left + self.date_x_from_margin

    @property
    def agency_x(self) -> float:
        return self.margin_left + self.agency_x_from_margin

    @property
    def memo_date_label_x(self) -> float:
        return self.margin_left + self.memo_date_label_x_from_margin

    @property
    def memo_label_pitch(self) -> float:
        """A memo head row's height in cm."""
        return self.memo_label_line_pt / 72.0 * 2.54

    @property
    def memo_title_pitch(self) -> float:
        """The memo title's line height in cm."""
        return self.memo_title_line_pt / 72.0 * 2.54

    def signature_gap_lines(self, e_saraban: bool) -> int:
        """Blank lines between the คำลงท้าย and the signer's name line.

        The e-saraban variant has none. The issue (8, item 7) states the rule: ระเบียบงาน
        สารบรรณ (ฉบับที่ ๔) พ.ศ. ๒๕๖๔ lets a typed name replace the handwritten signature in
        an identity-verified สารบรรณอิเล็กทรอนิกส์ system, so no room is left for a pen; the
        amendment's text is not in ``shared/spec``, so this follows the issue's words: the name
        line comes directly under the close, the position lines after it as usual."""
        return 0 if e_saraban else self.signature_blank_lines

    @property
    def issued_space_before(self) -> float:
        return self.issued_space_before_pt / 72.0 * 2.54


DEFAULT_PROFILE = LayoutProfile()
