"""Take the review screenshots at 1366×768 under Xvfb:

    uv run python scripts/screenshot_review.py [-o docs]

Like ``scripts/screenshot.py`` (runs itself again inside ``xvfb-run`` with temporary
settings folders), on the first example letter given a review record by the same verbs the
panel's buttons call:

* ``review-panel.png`` — sent, two comments (one answered and resolved), a valid approval;
* ``review-returned.png`` — the clerk opens a returned draft: who, when, the note and the
  checklist of open comments (one ticked);
* ``review-versions.png`` — the supervisor's เทียบฉบับ tab: the version picker and "since I last
  looked" after the clerk split a paragraph and sent again;
* ``review-untrusted.png`` — approved by a key this PC does not trust: the header and the
  "เชื่อถือผู้ตรวจนี้…" offer;
* ``review-reviewers.png`` — Settings › ผู้ตรวจ with a trusted card and its fingerprint.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from xvfb_shot import rerun_under_xvfb

ROOT = Path(__file__).resolve().parents[1]
SIZE = (1366, 768)
REVIEWER = ("นางสมศรี ตรวจละเอียด", "ผู้อำนวยการกองส่งเสริมการศึกษา", "ผอ.กศ.")
CLERK = ("นายสมชาย ร่างดี", "นักวิชาการศึกษา", "นวก.")


def outside(args: argparse.Namespace) -> int:
    return rerun_under_xvfb(__file__, SIZE, ["-o", str(args.output)])


def be(who: tuple[str, str, str]) -> None:
    from dla_drafter.review.identity import Identity, save_identity

    save_identity(Identity(*who))


def letters() -> list[tuple[str, tuple[str, str, str], object]]:
    """(file name, whose PC it is, the letter with its review record), in shooting order."""
    import copy

    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

    from dla_drafter.model.draftio import load_draft
    from dla_drafter.review import actions
    from dla_drafter.review.identity import signing_key

    be(REVIEWER)
    own_key = signing_key()
    reviewer, clerk = REVIEWER[0], CLERK[0]
    base = load_draft(sorted((ROOT / "examples").glob("*.dladraft.json"))[0])
    body = base.body[0]
    words = [w for w in body.split() if len(w) > 6]

    panel = copy.deepcopy(base)
    actions.send_for_review(panel, clerk)
    first = actions.add_comment(panel, "body[0]", words[0][:12], "ควรระบุเลขที่หนังสือที่อ้างถึง",
                                reviewer)
    actions.add_comment(panel, "subject", panel.subject[:10], "เรื่องยาวเกินไป ขอให้กระชับ",
                        reviewer)
    actions.reply_to_comment(panel, first, "เพิ่มเลขที่แล้ว", clerk)
    actions.set_resolved(panel, first)
    actions.approve(panel, "ผอ.กศ.", reviewer, own_key)

    returned = copy.deepcopy(base)
    actions.send_for_review(returned, clerk)
    actions.add_comment(returned, "body[0]", words[0][:12],
                              "ควรระบุเลขที่และวันที่ของหนังสือที่อ้างถึง", reviewer)
    actions.add_comment(returned, "subject", returned.subject[:10],
                        "เรื่องยาวเกินไป ขอให้กระชับ", reviewer)
    if len(returned.body) > 1:
        actions.add_comment(returned, "body[1]", returned.body[1].split()[0][:10],
                            "แยกย่อหน้าตรงนี้", reviewer)
    actions.return_for_changes(returned, "แก้ตามความเห็นทั้งสามข้อ แล้วส่งตรวจใหม่", reviewer)

    versions = copy.deepcopy(returned)
    versions.body[0] = versions.body[0].replace(
        words[0][:12], words[0][:12] + " ที่ มท 0816.3/ว 1234", 1)
    cut = versions.body[-1].find(" ", len(versions.body[-1]) // 2)
    if cut > 0:
        last = versions.body[-1]
        versions.body[-1:] = [last[:cut], last[cut + 1:]]
    actions.send_for_review(versions, clerk)

    untrusted = copy.deepcopy(versions)
    actions.approve(untrusted, "ผอ.กศ.", reviewer, Ed25519PrivateKey.generate())
    return [("review-panel.png", REVIEWER, panel),
            ("review-returned.png", CLERK, returned),
            ("review-versions.png", REVIEWER, versions),
            ("review-untrusted.png", CLERK, untrusted)]


def reviewers_dialog() -> object:
    """Settings open on ผู้ตรวจ, trusting the reviewer's card."""
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

    from dla_drafter.app_settings import AppConfig
    from dla_drafter.review.cards import make_card
    from dla_drafter.review.integrity import Reviewer
    from dla_drafter.ui.settings.dialog import SettingsDialog

    config = AppConfig.load()
    config.profile().trust(make_card(Reviewer(REVIEWER[0], REVIEWER[1], REVIEWER[2]),
                                     Ed25519PrivateKey.generate()))
    config.profile().trust(make_card(Reviewer("นายวิชัย ตรวจทาน", "หัวหน้าฝ่ายบริหารงานทั่วไป",
                                              "หน.ฝ."), Ed25519PrivateKey.generate()))
    dialog = SettingsDialog(config)
    dialog.show_reviewers()
    dialog.reviewers_tab.list.setCurrentRow(0)
    return dialog


def inside(args: argparse.Namespace) -> int:
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from dla_drafter.app_settings import AppConfig
    from dla_drafter.ui.app import make_app
    from dla_drafter.ui.main_window import MainWindow

    app = make_app()
    app.setQuitOnLastWindowClosed(False)  # one window after the other
    todo = letters()
    out = Path(args.output)
    out.mkdir(parents=True, exist_ok=True)

    def save(widget: object, name: str) -> None:
        image = widget.grab()  # type: ignore[attr-defined]
        image.save(str(out / name))
        print(f"{out / name}: {image.width()}×{image.height()}")

    def settings_shot() -> None:
        dialog = reviewers_dialog()
        dialog.show()  # type: ignore[attr-defined]

        def grab() -> None:
            QApplication.processEvents()
            save(dialog, "review-reviewers.png")
            dialog.close()  # type: ignore[attr-defined]
            app.quit()

        QTimer.singleShot(600, grab)

    def next_shot() -> None:
        if not todo:
            settings_shot()
            return
        name, who, letter = todo.pop(0)
        be(who)
        window = MainWindow(AppConfig.load(), letter=letter)
        window.resize(*SIZE)
        window.move(0, 0)
        window.show()
        window.review._on_replaced()  # as if just opened: the banner, "since I last looked"
        if name == "review-panel.png":
            window.review.comment_list.setCurrentRow(1)
            window.review.jump_to_comment()
        elif name == "review-returned.png":
            from PySide6.QtCore import Qt

            checklist = window.review.banner.checklist
            checklist.item(0).setCheckState(Qt.CheckState.Checked)  # the first one fixed
            QApplication.processEvents()
            checklist.setCurrentRow(1)
            window.review.banner.go_to_current()
        elif name == "review-versions.png":
            window.review.compare(None)
            window.review.changes.from_box.showPopup()

        def grab() -> None:
            if not (window.preview.pages is not None and window.preview.is_current()):
                QTimer.singleShot(200, grab)
                return
            QApplication.processEvents()
            window.form.horizontalScrollBar().setValue(0)
            QApplication.processEvents()
            if name == "review-versions.png":  # the picker's list is a window of its own
                from PySide6.QtGui import QGuiApplication

                image = QGuiApplication.primaryScreen().grabWindow(0, 0, 0, *SIZE)
                image.save(str(out / name))
                print(f"{out / name}: {image.width()}×{image.height()}")
                window.review.changes.from_box.hidePopup()
            else:
                save(window, name)
            window.doc.undo_stack.setClean()
            window.close()
            QTimer.singleShot(100, next_shot)

        QTimer.singleShot(1500, grab)

    QTimer.singleShot(100, next_shot)
    return app.exec()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("-o", "--output", default=str(ROOT / "docs"))
    parser.add_argument("--inside", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    return inside(args) if args.inside else outside(args)


if __name__ == "__main__":
    sys.exit(main())
