"""Take docs/register-window.png and docs/sign-dialog.png under Xvfb, for the clerk's guide.

    uv run python scripts/screenshot_register.py [-o docs]

Runs itself again inside ``xvfb-run`` (as ``scripts/screenshot.py`` does) with settings and
the register in a temporary folder: four example letters are numbered into a fresh SQLite
register (one of them later cancelled, one number reserved), the register window is grabbed,
then one letter is signed through the sign dialog with a throw-away test certificate (made
with ``tests/signing_ca.py``) and the dialog, showing the check of the signature, is grabbed.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import sys
from pathlib import Path

from xvfb_shot import rerun_under_xvfb

ROOT = Path(__file__).resolve().parents[1]
SIZE = (1440, 900)


def outside(args: argparse.Namespace) -> int:
    return rerun_under_xvfb(__file__, SIZE, ["-o", str(args.output)])


def fill_register(folder: Path) -> list[Path]:
    """Copies of the examples, numbered into the default register on dates this year."""
    from dla_drafter.model.draftio import load_draft, save_draft
    from dla_drafter.register.drafts import issue_draft
    from dla_drafter.register.store import Details, open_store

    today = dt.date.today()
    drafts = []
    with open_store() as store:
        for index, example in enumerate(sorted((ROOT / "examples").glob("*.dladraft.json"))):
            letter = load_draft(example)
            letter.number.serial = None
            if not letter.number.code:
                letter.number.code = "มท 0816.3"
            path = folder / example.name
            save_draft(letter, path)
            day = max(1, today.day - 6 + 2 * index)
            issue_draft(store, path, date=today.replace(day=min(day, today.day)))
            drafts.append(path)
        issued = store.entries()
        store.cancel(issued[1].number, "พิมพ์เลขซ้ำกับหนังสือที่ส่งทางไปรษณีย์",
                     year=issued[1].year)
        store.reserve(issued[0].code, issued[0].circular,
                      details=Details(subject="รายงานผลการเบิกจ่ายงบประมาณ ไตรมาสที่ 1"))
    return drafts


def inside(args: argparse.Namespace) -> int:
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from dla_drafter.app_settings import AppConfig
    from dla_drafter.ui.app import make_app
    from dla_drafter.ui.main_window import MainWindow

    sys.path.insert(0, str(ROOT / "tests"))
    from signing_ca import PASSPHRASE, make_pki

    tmp = Path(os.environ["SHOT_TMP"])
    out = Path(args.output)
    out.mkdir(parents=True, exist_ok=True)
    drafts = fill_register(tmp)
    key = tmp / "ผู้ลงนาม.p12"
    key.write_bytes(make_pki().p12())

    app = make_app()
    window = MainWindow(AppConfig.load())
    window.resize(*SIZE)
    window.move(0, 0)
    window.show()
    circular = next(p for p in drafts if "circular-2565-eef" in p.name)
    if not window.open_path(circular, ask=False):
        return 1
    register = window.register_menu.open_register()
    register.resize(1280, 560)
    register.move(60, 80)

    def wait(condition, then) -> None:
        if condition():
            QTimer.singleShot(400, then)
        else:
            QTimer.singleShot(100, lambda: wait(condition, then))

    def grab_register() -> None:
        QApplication.processEvents()
        register.table.selectRow(len(register.model.entries) - 1)
        QApplication.processEvents()
        image = register.grab()
        image.save(str(out / "register-window.png"))
        print(f"register-window.png: {image.width()}×{image.height()}, "
              f"{len(register.model.entries)} entries")
        register.close()
        sign()

    dialog = window.register_menu.sign_dialog()

    def sign() -> None:
        dialog.move(200, 120)
        dialog.show()
        dialog.f_p12.setText(str(key))
        dialog.f_pass.setText(PASSPHRASE)
        dialog.f_reason.setText("อนุมัติ")
        dialog.sign()
        wait(lambda: not dialog.busy, grab_sign)

    def grab_sign() -> None:
        QApplication.processEvents()
        image = dialog.grab()
        image.save(str(out / "sign-dialog.png"))
        print(f"sign-dialog.png: {image.width()}×{image.height()}: {dialog.result.text()!r}")
        window.doc.undo_stack.setClean()
        dialog.close()
        window.close()
        app.quit()

    wait(lambda: not register.busy and register.model.entries, grab_register)
    return app.exec()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("-o", "--output", default=str(ROOT / "docs"))
    parser.add_argument("--inside", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    return inside(args) if args.inside else outside(args)


if __name__ == "__main__":
    sys.exit(main())
