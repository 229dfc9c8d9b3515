"""Build the DOCX templates in ``templates/`` (Jinja inside Word files, rendered by docxtpl).

Run ``uv run python scripts/build_templates.py`` after changing a style or the structure; the
output is byte-for-byte reproducible (fixed zip timestamps and core properties), and a test
checks that the committed template equals what this script builds.

Why generate the template in code rather than keep a hand-made Word file: every number in it
(margins, indents, tab stops, sizes, the header distance that puts the ครุฑ 1.5 cm from the top)
comes from the layout profile the typesetter uses, so the DOCX and the PDF cannot drift apart;
and a diff of this script says what changed, where a binary .docx says nothing. An office that
wants another look still edits the styles in Word — in the template or in any letter.

The structure (see templates/README.md):

* styles.xml: docDefaults with the Thai font on all four font slots, 16 pt on ``w:sz`` and
  ``w:szCs`` (no ``w:lang w:bidi``: WPS Writer misdraws ำ with it there; the styles carry
  ``w:bidi="th-TH"``); one named style per part ("DLA Body", "DLA Label" …): "DLA Normal"
  names the font, the others change only size, weight or colour, and the runs carry none
  of these, so restyling in Word works;
* document.xml: one ``{%p for b in blocks %}`` loop; each kind of block is a ``{%p if %}``
  branch holding the paragraphs (or a borderless table) of that block, with its style;
* first-page header: the ครุฑ (inline picture, 3 cm) in a borderless table with the urgency
  mark and the file-copy note; other pages' header: the page number ``- PAGE -`` in Thai
  digits (the writer types each page's number into a header of its own, see
  ``render/docx_pages.py``; this field is what Word shows on a page added by editing);
  footers: the secrecy mark;
* settings.xml: ``w:embedTrueTypeFonts`` (the writer embeds the fonts) and
  ``w:saveSubsetFonts``.

Two templates come out: ``external.docx`` (หนังสือภายนอก, and the stamped letter, order and
announcement, whose blocks have their own branches in the same body) and ``memo.docx``
(บันทึกข้อความ): the same styles and body, but page one's header holds the small ครุฑ at the
left with the title "บันทึกข้อความ" centred on its line.
"""

from __future__ import annotations

import argparse
import io
import sys
import zipfile
from datetime import datetime
from pathlib import Path
from xml.sax.saxutils import escape

import docx
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml import OxmlElement, parse_xml
from docx.oxml.ns import nsdecls, qn

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from dla_drafter.render import docx_writer as dw  # noqa: E402
from dla_drafter.render.docx_units import cm_to_twips, pt_to_half_points  # noqa: E402
from dla_drafter.settings import DEFAULT_DOCX_FONT  # noqa: E402

P = dw.PROFILE
FONT = DEFAULT_DOCX_FONT
RED = P.mark_color.lstrip("#").upper()
FIXED_TIME = datetime(2025, 1, 1)  # core properties: reproducible output
ZIP_TIME = (1980, 1, 1, 0, 0, 0)
NS = nsdecls("w", "r", "wp", "a", "pic")

TEXT_WIDTH = cm_to_twips(P.text_width)  # 9071 twips, 16 cm
CENTRE = cm_to_twips(P.text_width / 2)
SPACE_BEFORE = round(P.space_before_part_pt * 20)  # twentieths of a point
BODY = pt_to_half_points(P.font_size_pt)
SMALL = pt_to_half_points(dw.SMALL_SIZE_PT)
MEMO_LABEL = pt_to_half_points(dw.MEMO_LABEL_SIZE_PT)
MEMO_TITLE = pt_to_half_points(dw.MEMO_TITLE_SIZE_PT)
KINDS = ("external", "memo")  # the templates written; other kinds use external.docx
# the stamp note's line is centred in the seal's room, which starts at the agency name's line
# and is the seal's diameter high (as typeset: name line, note, then the date)
STAMP_NOTE_BEFORE = P.stamp_diameter / 2 - 1.5 * P.line_pitch
# A page with a continuation word has a footer tall enough that its top (where the word's
# line starts) is the text area's last line: continuation line + this gap + the secrecy line
# (empty when the letter is not secret) end at the footer distance from the paper's foot.
CONTINUATION_AFTER_CM = (P.page_height - dw.FOOTER_DISTANCE_CM - P.bottom_limit
                         - dw.SECRECY_LINE_CM)


def cm(value: float) -> int:
    return cm_to_twips(value)


# --- XML pieces ---------------------------------------------------------------------------

def rpr(size: int = BODY) -> str:
    """The base run properties ("DLA Normal" and the document defaults), in schema order:
    the font on all four slots (Thai is a complex script: Word takes ``w:cs``), the size on
    ``w:sz`` and ``w:szCs``, Thai language."""
    parts = []
    parts.append(f'<w:rFonts w:ascii="{FONT}" w:hAnsi="{FONT}" w:eastAsia="{FONT}" '
                 f'w:cs="{FONT}"/>')
    parts.append(f'<w:sz w:val="{size}"/><w:szCs w:val="{size}"/>')
    parts.append('<w:lang w:bidi="th-TH"/>')
    return "<w:rPr>" + "".join(parts) + "</w:rPr>"


def props(size: int | None = None, bold: bool = False, color: str | None = None) -> str:
    """What a DLA style changes from "DLA Normal" (size, bold, colour) and nothing else: the
    font is named once, in "DLA Normal" and the document defaults, so changing the font there
    changes it everywhere (the writer puts the office's font in those two places)."""
    parts = []
    if bold:
        parts.append("<w:b/><w:bCs/>")
    if color:
        parts.append(f'<w:color w:val="{color}"/>')
    if size is not None:
        parts.append(f'<w:sz w:val="{size}"/><w:szCs w:val="{size}"/>')
    return "<w:rPr>" + "".join(parts) + "</w:rPr>"


def run(text: str, char_style: str | None = None) -> str:
    """A run with no direct formatting: its font, size and boldness come from its paragraph's
    style (and ``char_style``), so an office that restyles "DLA Body" sees every body run
    follow. The writer marks runs holding Thai ``<w:cs/>`` (complex script) after filling."""
    props = f'<w:rPr><w:rStyle w:val="{char_style}"/></w:rPr>' if char_style else ""
    return f'<w:r>{props}<w:t xml:space="preserve">{escape(text)}</w:t></w:r>'


def tab_run() -> str:
    return "<w:r><w:tab/></w:r>"


def para(style: str, *runs: str, ppr: str = "") -> str:
    return f'<w:p><w:pPr><w:pStyle w:val="{style}"/>{ppr}</w:pPr>{"".join(runs)}</w:p>'


def tag(jinja: str) -> str:
    """A paragraph holding only a paragraph-level Jinja tag; docxtpl removes the paragraph."""
    return para(dw.S_NORMAL, run(jinja))


def table(caption: str, widths: list[int], rows: str, jc: str = "left",
          first_cell_right_margin: int = 0) -> str:
    """A borderless fixed-layout table whose cell text starts exactly at the column edges."""
    borders = "".join(f'<w:{side} w:val="nil"/>' for side in
                      ("top", "left", "bottom", "right", "insideH", "insideV"))
    margins = "".join(f'<w:{side} w:w="0" w:type="dxa"/>' for side in
                      ("top", "left", "bottom", "right"))
    grid = "".join(f'<w:gridCol w:w="{w}"/>' for w in widths)
    return (f'<w:tbl><w:tblPr><w:tblW w:w="{sum(widths)}" w:type="dxa"/>'
            f'<w:jc w:val="{jc}"/><w:tblInd w:w="0" w:type="dxa"/>'
            f'<w:tblBorders>{borders}</w:tblBorders><w:tblLayout w:type="fixed"/>'
            f'<w:tblCellMar>{margins}</w:tblCellMar>'
            f'<w:tblLook w:val="0000" w:firstRow="0" w:lastRow="0" w:firstColumn="0" '
            f'w:lastColumn="0" w:noHBand="0" w:noVBand="0"/>'
            f'<w:tblCaption w:val="{caption}"/></w:tblPr>'
            f'<w:tblGrid>{grid}</w:tblGrid>{rows}</w:tbl>')


def cell(width: int, *content: str, right_margin: int = 0, valign: str = "top") -> str:
    mar = (f'<w:tcMar><w:right w:w="{right_margin}" w:type="dxa"/></w:tcMar>'
           if right_margin else "")
    return (f'<w:tc><w:tcPr><w:tcW w:w="{width}" w:type="dxa"/>{mar}'
            f'<w:vAlign w:val="{valign}"/></w:tcPr>{"".join(content)}</w:tc>')


def row(*cells: str) -> str:
    return f'<w:tr><w:trPr><w:cantSplit/></w:trPr>{"".join(cells)}</w:tr>'


def labelled_paragraph(style: str) -> str:
    """Label + two spaces + value, and the amount after a tab flush at the right margin."""
    return para(style, run("{{ item.text }}"), run("{%r if item.amount %}"), tab_run(),
                run("{{ item.amount }}"), run("{%r endif %}"))


def twentieths(cm_value: float) -> int:
    """A length in cm as twentieths of a point (w:spacing's unit)."""
    return round(cm_value / 2.54 * 72 * 20)


def memo_label(text: str) -> str:
    """A memo head label: 20 pt bold, through its character style."""
    return run(text, dw.S_MEMO_LABEL)


# --- the body -----------------------------------------------------------------------------

def body_xml() -> str:
    agency_x = cm(dw.AGENCY_BLOCK_X_CM)
    heading = table(dw.T_HEADING, [agency_x, TEXT_WIDTH - agency_x], row(
        cell(agency_x, para(dw.S_NUMBER, run("{{ b.number }}")),
             right_margin=cm(dw.AGENCY_NUMBER_GAP_CM)),
        cell(TEXT_WIDTH - agency_x,
             tag("{%p for line in b.agency_lines %}"),
             para(dw.S_AGENCY, run("{{ line }}")),
             tag("{%p endfor %}")),
    ))
    qr_w = cm(P.qr_size + dw.QR_COLUMN_GAP_CM)
    contact_qr = table(dw.T_CONTACT, [TEXT_WIDTH - qr_w, qr_w], row(
        cell(TEXT_WIDTH - qr_w,
             tag("{%p for line in b.lines %}"),
             para(dw.S_CONTACT, run("{{ line }}")),
             tag("{%p endfor %}")),
        cell(qr_w,
             para(dw.S_QR_CAPTION, run("{{ b.qr.caption }}")),
             para(dw.S_QR_IMAGE, run("{{ b.qr.image }}")),
             para(dw.S_QR_URL, run("{{ b.qr.url }}"))),
    ))
    role_w = cm(1.5 + dw.INITIALS_ROLE_GAP_CM)
    line_w = cm(dw.INITIALS_LINE_CM)
    initials = table(dw.T_INITIALS, [role_w, line_w], "".join((
        row(cell(role_w, tag("{%tr for r in b.rows %}")), cell(line_w, para(dw.S_INITIALS))),
        row(cell(role_w, para(dw.S_INITIALS, run("{{ r.role }}"))),
            cell(line_w, para(dw.S_INITIALS, run("{{ r.name }}"),
                              run("{%r if not r.name %}"), tab_run(),
                              run("{%r endif %}")))),
        row(cell(role_w, tag("{%tr endfor %}")), cell(line_w, para(dw.S_INITIALS))),
    )), jc="right")
    parts = [
        tag("{%p for b in blocks %}"),
        tag('{%p if b.kind == "heading" %}'),
        heading,
        tag('{%p elif b.kind == "date" %}'),
        para(dw.S_DATE, run("{{ b.text }}")),
        tag('{%p elif b.kind == "labelled" %}'),
        tag("{%p for item in b.entries %}"),
        tag("{%p if loop.first %}"),
        labelled_paragraph(dw.S_LABEL),
        tag("{%p else %}"),
        labelled_paragraph(dw.S_LABEL_ITEM),
        tag("{%p endif %}"),
        tag("{%p endfor %}"),
        tag('{%p elif b.kind == "memo_head" %}'),
        # each value ends with a tab whose dotted leader runs to the margin (or to วันที่)
        para(dw.S_MEMO_HEAD, memo_label("{{ b.agency.label }}"), run("{{ b.agency.value }}"),
             tab_run()),
        para(dw.S_MEMO_NUMBER, memo_label("{{ b.number.label }}"),
             run("{{ b.number.value }}"), tab_run(), memo_label("{{ b.date.label }}"),
             run("{{ b.date.value }}"), tab_run()),
        para(dw.S_MEMO_HEAD, memo_label("{{ b.subject.label }}"),
             run("{{ b.subject.value }}"), tab_run()),
        tag('{%p elif b.kind == "title" %}'),
        tag("{%p for line in b.lines %}"),
        tag("{%p if line.bold %}"),
        para(dw.S_TITLE, run("{{ line.text }}")),
        tag("{%p else %}"),
        para(dw.S_TITLE_LINE, run("{{ line.text }}")),
        tag("{%p endif %}"),
        tag("{%p endfor %}"),
        para(dw.S_TITLE_RULE, run("{{ b.rule }}")),
        tag('{%p elif b.kind == "issued" %}'),
        para(dw.S_ISSUED, run("{{ b.text }}")),
        tag('{%p elif b.kind == "stamp" %}'),
        para(dw.S_STAMP_AGENCY, run("{{ b.agency }}")),
        para(dw.S_STAMP_NOTE, run("{{ b.note }}")),
        para(dw.S_STAMP_DATE, run("{{ b.date }}")),
        tag('{%p elif b.kind == "paragraph" %}'),
        tag("{%p if b.closing %}"),
        para(dw.S_CLOSING, run("{{ b.text }}")),
        tag("{%p else %}"),
        para(dw.S_BODY, run("{{ b.text }}")),
        tag("{%p endif %}"),
        tag('{%p elif b.kind == "close" %}'),
        para(dw.S_CLOSE, run("{{ b.text }}")),
        tag('{%p elif b.kind == "signature" %}'),
        tag("{%p for line in b.lines %}"),
        para(dw.S_SIGNATURE, run("{{ line }}")),
        tag("{%p endfor %}"),
        tag('{%p elif b.kind == "contact" %}'),
        para(dw.S_CONTACT),  # one blank line between the signature and the contacts
        tag("{%p if b.qr %}"),
        contact_qr,
        tag("{%p else %}"),
        tag("{%p for line in b.lines %}"),
        para(dw.S_CONTACT, run("{{ line }}")),
        tag("{%p endfor %}"),
        tag("{%p endif %}"),
        tag('{%p elif b.kind == "copies" %}'),
        tag("{%p for line in b.lines %}"),
        tag("{%p if loop.first %}"),
        para(dw.S_COPIES_TO, run("{{ line }}")),
        tag("{%p else %}"),
        para(dw.S_COPIES_TO_ITEM, run("{{ line }}")),
        tag("{%p endif %}"),
        tag("{%p endfor %}"),
        tag('{%p elif b.kind == "initials" %}'),
        para(dw.S_TABLE_GAP),  # tables touching each other would merge into one in Word
        initials,
        tag('{%p elif b.kind == "recipients" %}'),
        para(dw.S_LIST_TITLE, run("{{ b.title }}")),
        tag("{%p for name in b.names %}"),
        para(dw.S_LIST_ITEM, run("{{ name }}")),
        tag("{%p endfor %}"),
        tag("{%p endif %}"),
        tag("{%p endfor %}"),
    ]
    return "".join(parts)


# --- headers and footers ------------------------------------------------------------------

def secrecy_line() -> str:
    """The secrecy mark on top of every page, in the header's flow. Its line has an exact
    height so that the writer can shorten the header distance by just that much and keep the
    ครุฑ and the page number where they belong (see docx_writer.SECRECY_LINE_CM)."""
    return "".join((
        tag("{%p if secrecy %}"),
        para(dw.S_SECRECY, run("{{ secrecy }}")),
        tag("{%p endif %}"),
    ))


def first_header_xml() -> str:
    """Page one's top: a borderless three-column table the width of the text, so the ครุฑ is
    centred on the text area, the urgency mark sits at the left level with its foot and the
    file-copy note at the right level with its head — in flow, as Word and LibreOffice both
    lay out tables in headers the same way (frames and floating shapes they do not)."""
    side = cm((P.text_width - dw.TOP_MARKS_MIDDLE_CM) / 2)
    middle = TEXT_WIDTH - 2 * side
    marks = table(dw.T_TOP_MARKS, [side, middle, side], row(
        cell(side, para(dw.S_URGENCY_LINE, run("{{ urgency }}", dw.S_URGENCY)),
             valign="bottom"),
        cell(middle, para(dw.S_EMBLEM, run("{{ emblem }}"))),
        cell(side, para(dw.S_FILE_COPY, run("{{ file_copy_note }}"))),
    ))
    return secrecy_line() + marks + para(dw.S_HEADER_END)


def memo_header_xml() -> str:
    """Page one of a memo: a borderless three-column table the width of the text — the ครุฑ
    (1.5 cm) at the left, the title centred on the text area in the middle column (symmetric
    side columns), and at the right the file-copy note (top) and the urgency mark, on a line
    exactly as high as the ครุฑ so that its foot is level with the ครุฑ's."""
    side = cm((P.text_width - P.memo_head_column) / 2)
    middle = TEXT_WIDTH - 2 * side
    marks = table(dw.T_MEMO_TOP, [side, middle, side], row(
        cell(side, para(dw.S_MEMO_EMBLEM, run("{{ emblem }}"))),
        cell(middle, para(dw.S_MEMO_TITLE, run("{{ memo_title }}")),
             valign="bottom"),
        cell(side,
             tag("{%p if file_copy_note %}"),
             para(dw.S_FILE_COPY, run("{{ file_copy_note }}")),
             tag("{%p endif %}"),
             tag("{%p if urgency or not file_copy_note %}"),
             para(dw.S_MEMO_URGENCY_LINE, run("{{ urgency }}", dw.S_URGENCY)),
             tag("{%p endif %}")),
    ))
    return secrecy_line() + marks + para(dw.S_HEADER_END)


def page_number_xml() -> str:
    """Pages 2, 3 …: ``- PAGE -`` centred. The number's digits come from the section's
    w:pgNumType (thaiNumbers), not from a ``\\* ThaiArabic`` switch: Word honours both, but
    LibreOffice shows ThaiArabic as Thai *letters* (ข, ค) and ignores thaiNumbers (2, 3)."""
    def field(kind: str) -> str:
        return f'<w:r><w:fldChar w:fldCharType="{kind}"/></w:r>'

    return secrecy_line() + para(
        dw.S_PAGE_NUMBER,
        run("- "),
        field("begin"),
        '<w:r><w:instrText xml:space="preserve"> PAGE </w:instrText></w:r>',
        field("separate"),
        run("๒"),
        field("end"),
        run(" -"),
    )


def footer_xml() -> str:
    return para(dw.S_SECRECY, run("{{ secrecy }}"))


def fill_story(element, xml: str) -> None:
    """Replace the content of a header/footer element with ``xml`` (a run of paragraphs)."""
    for child in list(element):
        element.remove(child)
    holder = parse_xml(f"<w:body {NS}>{xml}</w:body>")
    for child in list(holder):
        element.append(child)


# --- styles -------------------------------------------------------------------------------

def style(style_id: str, name: str, ppr: str = "", run_props: str | None = None,
          based_on: str | None = None, kind: str = "paragraph",
          next_style: str | None = None) -> str:
    based = f'<w:basedOn w:val="{based_on}"/>' if based_on else ""
    nxt = f'<w:next w:val="{next_style}"/>' if next_style else ""
    r = run_props if run_props is not None else ""
    p = f"<w:pPr>{ppr}</w:pPr>" if ppr else ""
    return (f'<w:style w:type="{kind}" w:customStyle="1" w:styleId="{style_id}">'
            f'<w:name w:val="{name}"/>{based}{nxt}<w:qFormat/>{p}{r}</w:style>')


def spacing(before: int = 0, after: int = 0) -> str:
    return f'<w:spacing w:before="{before}" w:after="{after}" w:line="240" w:lineRule="auto"/>'


def tabs(*stops: tuple[str, int, str | None]) -> str:
    inner = "".join(
        f'<w:tab w:val="{val}" w:pos="{pos}"' + (f' w:leader="{leader}"' if leader else "")
        + "/>" for val, pos, leader in stops)
    return f"<w:tabs>{inner}</w:tabs>"


def styles_xml() -> str:
    mark = RED
    urgency = pt_to_half_points(P.urgency_size_pt)
    secrecy = pt_to_half_points(P.secrecy_size_pt)
    date_x = cm(P.date_x_from_margin)
    n = dw.S_NORMAL
    defs = [
        # Word's own defaults, so every paragraph not ours still gets the Thai font and size
        '<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/>'
        f"<w:qFormat/><w:pPr>{spacing()}</w:pPr></w:style>",
        '<w:style w:type="character" w:default="1" w:styleId="DefaultParagraphFont">'
        '<w:name w:val="Default Paragraph Font"/><w:uiPriority w:val="1"/><w:semiHidden/>'
        "<w:unhideWhenUsed/></w:style>",
        '<w:style w:type="table" w:default="1" w:styleId="TableNormal">'
        '<w:name w:val="Normal Table"/><w:uiPriority w:val="99"/><w:semiHidden/>'
        '<w:unhideWhenUsed/><w:tblPr><w:tblInd w:w="0" w:type="dxa"/><w:tblCellMar>'
        '<w:top w:w="0" w:type="dxa"/><w:left w:w="108" w:type="dxa"/>'
        '<w:bottom w:w="0" w:type="dxa"/><w:right w:w="108" w:type="dxa"/>'
        "</w:tblCellMar></w:tblPr></w:style>",
        '<w:style w:type="numbering" w:default="1" w:styleId="NoList">'
        '<w:name w:val="No List"/><w:uiPriority w:val="99"/><w:semiHidden/>'
        "<w:unhideWhenUsed/></w:style>",
        # ours
        style(n, "DLA Normal", f"<w:widowControl/>{spacing()}", rpr(), based_on="Normal"),
        style(dw.S_EMBLEM, "DLA Emblem", '<w:jc w:val="center"/>', based_on=n),
        style(dw.S_URGENCY_LINE, "DLA Urgency Line", "", based_on=n),
        style(dw.S_URGENCY, "DLA Urgency", "", props(urgency, True, mark), kind="character"),
        style(dw.S_FILE_COPY, "DLA File Copy", '<w:jc w:val="right"/>', based_on=n),
        style(dw.S_SECRECY, "DLA Secrecy",
              f'<w:spacing w:before="0" w:after="0" w:line="{dw.SECRECY_LINE_TWENTIETHS}" '
              'w:lineRule="exact"/><w:jc w:val="center"/>', props(secrecy, True, mark),
              based_on=n),
        style(dw.S_TABLE_GAP, "DLA Table Gap",
              f'<w:spacing w:before="0" w:after="0" w:line="{SPACE_BEFORE}" '
              'w:lineRule="exact"/>', based_on=n),
        style(dw.S_HEADER_END, "DLA Header End",
              '<w:spacing w:before="0" w:after="0" w:line="20" w:lineRule="exact"/>',
              based_on=n),
        style(dw.S_PAGE_NUMBER, "DLA Page Number", '<w:jc w:val="center"/>', based_on=n),
        # the next page's first word on the text area's last line (in the footer, which the
        # writer makes tall enough to end the page's text one line higher, as the PDF does)
        style(dw.S_CONTINUATION, "DLA Continuation",
              f'<w:spacing w:before="0" w:after="{twentieths(CONTINUATION_AFTER_CM)}" '
              f'w:line="{round(P.line_pitch_pt * 20)}" w:lineRule="exact"/>'
              '<w:jc w:val="right"/>', based_on=n),
        # the paragraph that carries a page's section break when no text paragraph can
        style(dw.S_SECTION_BREAK, "DLA Section Break",
              '<w:spacing w:before="0" w:after="0" w:line="20" w:lineRule="exact"/>',
              based_on=n),
        # URLs and e-mail addresses: printed like the text around them, as in the PDF; an
        # office that wants them blue and underlined changes this style
        '<w:style w:type="character" w:styleId="Hyperlink"><w:name w:val="Hyperlink"/>'
        '<w:basedOn w:val="DefaultParagraphFont"/><w:uiPriority w:val="99"/>'
        '<w:unhideWhenUsed/><w:rPr><w:color w:val="auto"/><w:u w:val="none"/></w:rPr>'
        "</w:style>",
        style(dw.S_NUMBER, "DLA Number", "", based_on=n),
        style(dw.S_AGENCY, "DLA Agency", "", based_on=n),
        style(dw.S_DATE, "DLA Date",
              tabs(("left", date_x + cm(P.blank_day_width), None))
              + f'<w:ind w:left="{date_x}"/>', based_on=n),
        style(dw.S_LABEL, "DLA Label", tabs(("right", TEXT_WIDTH, None))
              + spacing(SPACE_BEFORE), based_on=n, next_style=dw.S_LABEL_ITEM),
        style(dw.S_LABEL_ITEM, "DLA Label Item", spacing(), based_on=dw.S_LABEL),
        style(dw.S_BODY, "DLA Body", spacing(SPACE_BEFORE)
              + f'<w:ind w:firstLine="{cm(P.first_line_indent)}"/>'
              + '<w:jc w:val="thaiDistribute"/>', based_on=n, next_style=dw.S_BODY),
        style(dw.S_CLOSING, "DLA Closing", "<w:keepNext/>", based_on=dw.S_BODY,
              next_style=dw.S_CLOSE),
        # the part of a body paragraph that the PDF carries over to the next page: the writer
        # splits the paragraph there (each page is a section of its own, see docx_pages)
        style(dw.S_BODY_CONTINUED, "DLA Body Continued", spacing()
              + '<w:ind w:firstLine="0"/>', based_on=dw.S_BODY, next_style=dw.S_BODY),
        style(dw.S_CLOSE, "DLA Close", "<w:keepNext/>" + spacing(SPACE_BEFORE)
              + f'<w:ind w:left="{date_x}"/>', based_on=n, next_style=dw.S_SIGNATURE),
        style(dw.S_SIGNATURE, "DLA Signature", '<w:keepNext/><w:jc w:val="center"/>',
              based_on=n),
        style(dw.S_CONTACT, "DLA Contact", "", based_on=n),
        style(dw.S_QR_CAPTION, "DLA QR Caption", '<w:keepNext/><w:jc w:val="center"/>',
              props(SMALL), based_on=n),
        style(dw.S_QR_IMAGE, "DLA QR Image", '<w:keepNext/><w:jc w:val="center"/>',
              based_on=n),
        style(dw.S_QR_URL, "DLA QR URL", '<w:jc w:val="center"/>', props(SMALL), based_on=n),
        style(dw.S_COPIES_TO, "DLA Copies To", spacing(SPACE_BEFORE), based_on=n,
              next_style=dw.S_COPIES_TO_ITEM),
        style(dw.S_COPIES_TO_ITEM, "DLA Copies To Item", spacing(), based_on=dw.S_COPIES_TO),
        # keepNext on every row keeps the grid together on one page
        style(dw.S_INITIALS, "DLA Initials", "<w:keepNext/>"
              + tabs(("right", cm(dw.INITIALS_LINE_CM) - 20, dw.DOTTED_LEADER_TAB)),
              props(SMALL), based_on=n),
        style(dw.S_LIST_TITLE, "DLA List Title", '<w:pageBreakBefore/>'
              + spacing(0, SPACE_BEFORE) + '<w:jc w:val="center"/>',
              props(bold=True), based_on=n, next_style=dw.S_LIST_ITEM),
        style(dw.S_LIST_ITEM, "DLA List Item", '<w:ind w:left="567"/>', based_on=n),
        # บันทึกข้อความ [S]: 29 pt bold title on an exact 35 pt line; 20 pt bold labels whose
        # values end with a dotted leader to the right margin (ที่: to the วันที่ label)
        style(dw.S_MEMO_EMBLEM, "DLA Memo Emblem", "", based_on=n),
        style(dw.S_MEMO_TITLE, "DLA Memo Title",
              f'<w:spacing w:before="0" w:after="0" w:line="{round(P.memo_title_line_pt * 20)}" '
              'w:lineRule="exact"/><w:jc w:val="center"/>', props(MEMO_TITLE, True),
              based_on=n),
        style(dw.S_MEMO_LABEL, "DLA Memo Label", "", props(MEMO_LABEL, True), kind="character"),
        style(dw.S_MEMO_HEAD, "DLA Memo Head", tabs(("right", TEXT_WIDTH, dw.DOTTED_LEADER_TAB)),
              based_on=n),
        style(dw.S_MEMO_NUMBER, "DLA Memo Number",
              tabs(("left", cm(P.memo_date_label_x_from_margin), dw.DOTTED_LEADER_TAB),
                   ("right", TEXT_WIDTH, dw.DOTTED_LEADER_TAB)), based_on=n),
        style(dw.S_MEMO_URGENCY_LINE, "DLA Memo Urgency Line",
              f'<w:spacing w:before="0" w:after="0" w:line="{twentieths(P.memo_emblem_height)}" '
              'w:lineRule="exact"/><w:jc w:val="right"/>', based_on=n),
        # หนังสือประทับตรา: the agency's name, the seal's room (the red note in its middle)
        # and the date, centred where a signature would be
        style(dw.S_STAMP_AGENCY, "DLA Stamp Agency", "<w:keepNext/>"
              + spacing(round(P.stamp_lines_before * P.line_pitch_pt * 20))
              + '<w:jc w:val="center"/>', based_on=n, next_style=dw.S_STAMP_NOTE),
        style(dw.S_STAMP_NOTE, "DLA Stamp Note", "<w:keepNext/>"
              + spacing(twentieths(STAMP_NOTE_BEFORE),
                        twentieths(P.stamp_diameter - 2 * P.line_pitch - STAMP_NOTE_BEFORE))
              + '<w:jc w:val="center"/>', props(color=RED), based_on=n,
              next_style=dw.S_STAMP_DATE),
        style(dw.S_STAMP_DATE, "DLA Stamp Date", '<w:jc w:val="center"/>', based_on=n),
        # คำสั่ง / ประกาศ: the centred title, kept with the body's first lines
        style(dw.S_TITLE, "DLA Title", '<w:keepNext/><w:jc w:val="center"/>', props(bold=True),
              based_on=n, next_style=dw.S_TITLE_LINE),
        style(dw.S_TITLE_LINE, "DLA Title Line", '<w:keepNext/><w:jc w:val="center"/>',
              based_on=n),
        style(dw.S_TITLE_RULE, "DLA Title Rule", '<w:keepNext/><w:jc w:val="center"/>',
              based_on=n, next_style=dw.S_BODY),
        style(dw.S_ISSUED, "DLA Issued", "<w:keepNext/>"
              + spacing(round(P.issued_space_before_pt * 20))
              + f'<w:ind w:left="{date_x}"/>', based_on=n, next_style=dw.S_SIGNATURE),
    ]
    doc_defaults = (
        f"<w:docDefaults><w:rPrDefault>{rpr()}</w:rPrDefault>"
        f"<w:pPrDefault><w:pPr>{spacing()}</w:pPr></w:pPrDefault></w:docDefaults>"
    )
    # the run defaults carry lang val/eastAsia, as Word writes, but no w:bidi: WPS Writer
    # draws ำ (SARA AM) wrongly when docDefaults say th-TH; every run and style says it instead
    doc_defaults = doc_defaults.replace(
        '<w:lang w:bidi="th-TH"/>', '<w:lang w:val="en-US" w:eastAsia="en-US"/>', 1)
    return f"<w:styles {NS}>{doc_defaults}{''.join(defs)}</w:styles>"


# --- the document -------------------------------------------------------------------------

def build(kind: str = "external") -> bytes:
    """The template's bytes (reproducible)."""
    document = docx.Document()
    package = document.part.package
    # drop what the default python-docx template carries and a letter does not need: the
    # 430 KB stylesWithEffects copy, numbering, customXml and the thumbnail (size = speed)
    for rid, rel in list(document.part.rels.items()):
        if rel.reltype.rsplit("/", 1)[-1] in ("stylesWithEffects", "numbering", "customXml"):
            document.part.drop_rel(rid)
    for rid, rel in list(package.rels.items()):
        if rel.reltype == RT.THUMBNAIL:
            package.rels.pop(rid)

    styles = document.styles.element
    new_styles = parse_xml(styles_xml())
    for child in list(styles):
        styles.remove(child)
    for child in list(new_styles):
        styles.append(child)

    settings = document.settings.element
    compat = settings.find(qn("w:compat"))
    for setting in compat.findall(qn("w:compatSetting")):
        if setting.get(qn("w:name")) == "compatibilityMode":
            setting.set(qn("w:val"), "15")  # Word 2013+ layout, no compatibility mode banner
    # the fonts travel inside every letter (docx_fonts embeds them): Word keeps them on save
    # (only the characters used, as the writer embeds them)
    for name in ("embedTrueTypeFonts", "saveSubsetFonts"):
        _insert_setting(settings, name)
    lang = settings.find(qn("w:themeFontLang"))
    lang.attrib.pop(qn("w:eastAsia"), None)
    lang.set(qn("w:bidi"), "th-TH")

    section = document.sections[0]
    sect = section._sectPr
    pg_sz = sect.find(qn("w:pgSz"))
    pg_sz.set(qn("w:w"), str(dw.PAGE_WIDTH_TWIPS))
    pg_sz.set(qn("w:h"), str(dw.PAGE_HEIGHT_TWIPS))
    margins = sect.find(qn("w:pgMar"))
    for attr, value in (("top", cm(P.margin_top_continuation)), ("right", cm(P.margin_right)),
                        ("bottom", cm(P.margin_bottom)), ("left", cm(P.margin_left)),
                        ("header", cm(P.emblem_top)), ("footer", cm(dw.FOOTER_DISTANCE_CM)),
                        ("gutter", 0)):
        margins.set(qn(f"w:{attr}"), str(value))
    for attr in ("w:rsidR", "w:rsidRPr", "w:rsidSect"):
        sect.attrib.pop(qn(attr), None)
    section.different_first_page_header_footer = True
    # page numbers: Thai digits in the section too, for readers that ignore the field switch
    pg_num = OxmlElement("w:pgNumType")
    pg_num.set(qn("w:fmt"), "thaiNumbers")
    sect.find(qn("w:cols")).addprevious(pg_num)

    fill_story(section.first_page_header._element,
               memo_header_xml() if kind == "memo" else first_header_xml())
    fill_story(section.header._element, page_number_xml())
    fill_story(section.first_page_footer._element, footer_xml())
    fill_story(section.footer._element, footer_xml())

    body = document.element.body
    for child in list(body):
        if child.tag != qn("w:sectPr"):
            body.remove(child)
    holder = parse_xml(f"<w:body {NS}>{body_xml()}</w:body>")
    for child in list(holder):
        sect.addprevious(child)

    font_table = next(r.target_part for r in document.part.rels.values()
                      if r.reltype == RT.FONT_TABLE)
    entry = (f'<w:font w:name="{FONT}"><w:charset w:val="DE"/><w:family w:val="swiss"/>'
             '<w:pitch w:val="variable"/></w:font></w:fonts>')
    font_table._blob = font_table.blob.replace(b"</w:fonts>", entry.encode("utf-8"))

    props = document.core_properties
    props.title = f"DLA Drafter: {kind} letter template"
    props.author = "DLA Drafter"
    props.comments = "Generated by scripts/build_templates.py; edit the DLA styles in Word."
    props.created = props.modified = FIXED_TIME
    props.last_modified_by = "DLA Drafter"
    props.revision = 1

    raw = io.BytesIO()
    document.save(raw)
    return _reproducible_zip(raw.getvalue())


# The leading children of w:settings in schema order (Word refuses other orders).
_SETTINGS_ORDER = (
    "writeProtection", "view", "zoom", "removePersonalInformation", "removeDateAndTime",
    "doNotDisplayPageBoundaries", "displayBackgroundShape", "printPostScriptOverText",
    "printFractionalCharacterWidth", "printFormsData", "embedTrueTypeFonts",
    "embedSystemFonts", "saveSubsetFonts", "saveFormsData", "mirrorMargins")


def _insert_setting(settings, name: str) -> None:
    """An empty ``w:<name>`` switched on, at its schema place among the settings."""
    if settings.find(qn(f"w:{name}")) is not None:
        return
    rank = _SETTINGS_ORDER.index(name)
    element = OxmlElement(f"w:{name}")
    for child in settings:
        local = child.tag.rsplit("}", 1)[-1]
        if local not in _SETTINGS_ORDER[:rank + 1]:
            child.addprevious(element)
            return
    settings.append(element)


def _reproducible_zip(data: bytes) -> bytes:
    """The same archive with fixed timestamps, so the build is byte-for-byte repeatable."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as zin, zipfile.ZipFile(out, "w") as zout:
        for item in zin.infolist():
            info = zipfile.ZipInfo(item.filename, ZIP_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            info.create_system = 3  # Unix, as the committed files: Windows' zipfile says 0
            zout.writestr(info, zin.read(item.filename))
    return out.getvalue()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--out", type=Path, default=ROOT / "templates",
                        help="folder to write the templates to (default: templates/)")
    args = parser.parse_args(argv)
    args.out.mkdir(parents=True, exist_ok=True)
    for kind in KINDS:
        target = args.out / f"{kind}.docx"
        target.write_bytes(build(kind))
        print(f"wrote {target}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
