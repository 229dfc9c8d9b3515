"""The clerk's PC, checked: install the Windows installer under Wine for a Thai user and use
the installed program as a clerk would (run by ``packaging/windows/check.sh``).

Linux side, standard library plus the project's dev group (python-docx, the test PKI). Needs
the installer (``dist/windows/dla-drafter-setup-VERSION.exe``), the environment of
``env.sh`` (the stand-in DLLs) and Wine. In a fresh Wine prefix whose user is ``สมชาย ใจดี``
(so the profile folder, %USERPROFILE% and %LOCALAPPDATA% are Thai, with a space):

1. ``setup.exe /S`` installs without administrator rights into %LOCALAPPDATA%\\Programs,
   with Start-menu and desktop shortcuts, the ``.dladraft`` file type and "Open with" for
   ``.json``, and nothing outside the user's profile;
2. the installed ``dla-drafter-cli.exe`` lists every command, and renders every example
   (saved as ``.dladraft``, one kept as ``.dladraft.json``, in a Thai folder of Documents)
   to PDF and DOCX whose text (``pdftotext -raw``, python-docx) equals the Linux build's;
3. a broken draft is named in Thai; Thai output survives ``chcp`` 874, 1252 and 65001 with
   stdout and stderr redirected to files and to a pipe, and a Thai ANSI code page;
4. a draft is saved and reopened (the register writes its number into it, review records an
   approval signed with the user's new key), a number is issued on the default SQLite register
   in the user's %LOCALAPPDATA%, exported as CSV (CRLF once) and printed into the PDF;
5. an exported PDF is signed with a PKCS#12 file and verified (and verified on Linux too);
6. the window opens offscreen and typesets its preview, also through the command Explorer
   runs on a double-click of a ``.dladraft``;
7. ``uninstall.exe /S`` removes the program, its shortcuts and registry entries, and every
   file of the user (drafts, settings, keys, register) is still there, byte for byte.

Prints one line per check, the time each step took, and ``N passed, N failed``.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "packaging"))
sys.path.insert(0, str(ROOT / "tests"))

import make_installer  # noqa: E402

CACHE = Path(os.environ.get("DLA_WINDOWS_CACHE", Path.home() / ".cache" / "dla-drafter-windows"))
WINE_SH = ROOT / "packaging" / "windows" / "wine.sh"
CLERK = "สมชาย ใจดี"
FOLDER = "งานสารบรรณ ๒๕๖๙"
EXAMPLES = sorted((ROOT / "examples").glob("*.dladraft.json"))
TIMEOUT = 600


class Clerk:
    """A Wine prefix of a Thai user, and running Windows programs in it."""

    def __init__(self, prefix: Path, home: Path) -> None:
        self.prefix = prefix
        self.env = {**os.environ, "DLA_WINDOWS_CACHE": str(CACHE), "WINEPREFIX": str(prefix),
                    "USER": CLERK, "LOGNAME": CLERK,
                    "HOME": str(home), "WINEDEBUG": "-all",
                    # no Mono/Gecko downloads; no menu entries written into the Linux desktop
                    "WINEDLLOVERRIDES": "mscoree,mshtml=;winemenubuilder.exe=d",
                    "QT_QPA_PLATFORM": "offscreen"}
        for name in ("CI", "DLA_DRAFTER_CONFIG_DIR", "DLA_DRAFTER_DATA_DIR", "PYTHONPATH"):
            self.env.pop(name, None)
        self.profile = prefix / "drive_c" / "users" / CLERK
        self.local = self.profile / "AppData" / "Local"
        self.program = self.local / "Programs" / "DLA Drafter"
        self.documents = self.profile / "Documents" / FOLDER
        self.user_data = self.local / "dla-drafter"

    def win(self, path: Path) -> str:
        """The Windows name of a file inside the prefix's C: drive."""
        inside = path.relative_to(self.prefix / "drive_c")
        return "C:\\" + "\\".join(inside.parts)

    def run(self, program: Path | str, *args: str, env: dict[str, str] | None = None,
            timeout: int = TIMEOUT) -> subprocess.CompletedProcess:
        exe = str(program)
        return subprocess.run(["bash", str(WINE_SH), "run", exe, *args],
                              env={**self.env, **(env or {})}, capture_output=True,
                              timeout=timeout, cwd=ROOT)

    def cli(self, *args: str, **kwargs) -> subprocess.CompletedProcess:
        return self.run(self.program / "dla-drafter-cli.exe", *args, **kwargs)

    def wait(self) -> None:
        subprocess.run(["wineserver", "--wait"], env=self.env, timeout=TIMEOUT)

    def reg_value(self, key: str, value: str | None = None) -> str | None:
        """A registry string value (``None``: the key's default) or None when absent.

        Read through ``reg export`` (a UTF-16 file): ``reg query`` prints in the console's
        code page, which turns the Thai profile folder into question marks."""
        out = self.profile / "AppData" / "Local" / "Temp" / "dla-reg.reg"
        out.parent.mkdir(parents=True, exist_ok=True)
        out.unlink(missing_ok=True)
        result = subprocess.run(["bash", str(WINE_SH), "run", "reg", "export", key,
                                 self.win(out), "/y"],
                                env=self.env, capture_output=True, timeout=TIMEOUT)
        if result.returncode != 0 or not out.is_file():
            return None
        text = out.read_bytes().decode("utf-16")
        head = f"[{key.replace('HKCU', 'HKEY_CURRENT_USER')}]".casefold()
        inside = False
        wanted = "@" if value is None else '"' + value.replace("\\", "\\\\") + '"'
        for line in text.splitlines():
            if line.startswith("["):
                inside = line.strip().casefold() == head
                continue
            if inside and line.startswith(wanted + "="):
                raw = line[len(wanted) + 1:]
                if raw.startswith('"') and raw.endswith('"'):
                    return raw[1:-1].replace('\\"', '"').replace("\\\\", "\\")
                return raw
        return None


def text_of(result: subprocess.CompletedProcess) -> str:
    return (result.stdout + result.stderr).decode("utf-8", "replace")


def pdf_text(path: Path) -> str:
    return subprocess.run(["pdftotext", "-raw", "-enc", "UTF-8", str(path), "-"],
                          capture_output=True, check=True).stdout.decode("utf-8")


def docx_text(path: Path) -> str:
    import docx

    document = docx.Document(str(path))
    lines = [p.text for p in document.paragraphs]
    for table in document.tables:
        for row in table.rows:
            lines.append(" | ".join(cell.text for cell in row.cells))
    for section in document.sections:
        for part in (section.header, section.footer):
            lines += [p.text for p in part.paragraphs]
    return "\n".join(lines)


def tree_digest(folder: Path) -> dict[str, str]:
    """Every file under ``folder`` with its SHA-256 (what must survive the uninstall)."""
    return {str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file()}


class Checks:
    def __init__(self) -> None:
        self.passed = 0
        self.failed = 0
        self.times: list[tuple[str, float]] = []

    def check(self, name: str, test: Callable[[], str | None]) -> bool:
        started = time.monotonic()
        try:
            problem = test()
        except Exception as exc:  # a crash of a check is its failure, with the reason
            problem = f"{type(exc).__name__}: {exc}"
        took = time.monotonic() - started
        self.times.append((name, took))
        if problem is None:
            self.passed += 1
            print(f"ok    {name}  ({took:.0f} s)", flush=True)
            return True
        self.failed += 1
        print(f"FAIL  {name}  ({took:.0f} s)\n      {problem.strip()[:3000]}", flush=True)
        return False


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--installer", type=Path, default=make_installer.installer_path())
    parser.add_argument("--keep", action="store_true", help="keep the prefix and files")
    args = parser.parse_args(argv)
    if not args.installer.is_file():
        print(f"no installer at {args.installer}\n0 passed, 1 failed")
        return 1
    work = Path(tempfile.mkdtemp(prefix="dla-clerk-"))
    clerk = Clerk(work / "prefix", work / "home")
    (work / "home").mkdir()
    checks = Checks()
    linux = work / "linux"
    linux.mkdir()
    state: dict[str, object] = {}
    try:
        def make_prefix() -> str | None:
            result = clerk.run("wineboot", "--init")
            clerk.wait()
            if not clerk.profile.is_dir():
                return f"no profile folder {clerk.profile}: {text_of(result)}"
            return None

        if not checks.check(f"a Wine prefix for the user {CLERK}", make_prefix):
            return 1

        def install() -> str | None:
            result = clerk.run(args.installer, "/S")
            clerk.wait()
            if result.returncode != 0:
                return f"setup exit {result.returncode}: {text_of(result)}"
            missing = [n for n in ("dla-drafter.exe", "dla-drafter-cli.exe", "uninstall.exe")
                       if not (clerk.program / n).is_file()]
            if missing:
                return f"not installed in {clerk.program}: {missing}"
            shortcuts = [clerk.profile / "AppData" / "Roaming" / "Microsoft" / "Windows"
                         / "Start Menu" / "Programs" / "DLA Drafter.lnk",
                         clerk.profile / "Desktop" / "DLA Drafter.lnk"]
            absent = [str(s) for s in shortcuts if not s.is_file()]
            if absent:
                return f"shortcuts missing: {absent}"
            machine = [p for p in (clerk.prefix / "drive_c" / "Program Files",
                                   clerk.prefix / "drive_c" / "Program Files (x86)")
                       if (p / "DLA Drafter").exists()]
            if machine:
                return f"installed outside the user's profile: {machine}"
            strays = [p.name for p in clerk.program.rglob("*")
                      if p.name.lower() in ("icuuc.dll", "bcryptprimitives.dll")]
            return f"Wine stand-ins installed: {strays}" if strays else None

        if not checks.check("setup.exe /S installs for this user, with both shortcuts", install):
            return 1

        def file_type() -> str | None:
            progid = clerk.reg_value(r"HKCU\Software\Classes\.dladraft")
            if progid != "DLADrafter.Draft":
                return f".dladraft is {progid!r}"
            command = clerk.reg_value(r"HKCU\Software\Classes\DLADrafter.Draft\shell\open\command")
            exe = clerk.win(clerk.program / "dla-drafter.exe")
            if command != f'"{exe}" "%1"':
                return f"open command {command!r}"
            state["open_command"] = command
            if clerk.reg_value(r"HKCU\Software\Classes\.json\OpenWithProgids",
                               "DLADrafter.Draft") is None:
                return ".json drafts are not offered 'Open with DLA Drafter'"
            if clerk.reg_value(r"HKCU\Software\Classes\.json") not in (None, ""):
                return ".json was taken from the clerk's editor"
            uninstall = clerk.reg_value(
                r"HKCU\Software\Microsoft\Windows\CurrentVersion\Uninstall\DLADrafter",
                "UninstallString")
            return None if uninstall else "no entry in Settings > Apps"

        checks.check(".dladraft is DLA Drafter's file type; .json offers it", file_type)

        def help_lists_commands() -> str | None:
            from dla_drafter.cli import command_modules

            result = clerk.cli("--help")
            out = text_of(result)
            missing = [c for c in command_modules() if c not in out]
            if result.returncode != 0 or missing:
                return f"exit {result.returncode}, missing {missing}: {out}"
            return None

        checks.check("dla-drafter-cli --help lists every command", help_lists_commands)

        clerk.documents.mkdir(parents=True, exist_ok=True)
        drafts: list[Path] = []
        for index, example in enumerate(EXAMPLES):
            stem = example.name.removesuffix(".dladraft.json")
            suffix = ".dladraft.json" if index == 0 else ".dladraft"  # both still open
            draft = clerk.documents / f"{stem} ร่าง{suffix}"
            shutil.copyfile(example, draft)
            drafts.append(draft)
        out = clerk.documents / "ส่งออก"
        out.mkdir()
        for draft in drafts:
            stem = draft.name.split(" ร่าง")[0]

            def render_same(draft: Path = draft, stem: str = stem) -> str | None:
                pdf, docx_file = out / f"{stem}.pdf", out / f"{stem}.docx"
                result = clerk.cli("render", clerk.win(draft), "-o", clerk.win(pdf),
                                   "-o", clerk.win(docx_file), "--bundled-font")
                if result.returncode != 0:
                    return f"exit {result.returncode}: {text_of(result)}"
                ref_pdf, ref_docx = linux / f"{stem}.pdf", linux / f"{stem}.docx"
                reference = subprocess.run(
                    [sys.executable, "-m", "dla_drafter", "render", str(draft), "-o",
                     str(ref_pdf), "-o", str(ref_docx), "--bundled-font"],
                    capture_output=True, cwd=ROOT, timeout=TIMEOUT)
                if reference.returncode != 0:
                    return f"Linux render failed: {text_of(reference)}"
                windows_text, linux_text = pdf_text(pdf), pdf_text(ref_pdf)
                if not windows_text.strip() or windows_text != linux_text:
                    return f"PDF text differs:\n{windows_text[:500]}\n---\n{linux_text[:500]}"
                if docx_text(docx_file) != docx_text(ref_docx):
                    return "DOCX text differs"
                return None

            checks.check(f"render {draft.name}: PDF and DOCX text as on Linux", render_same)

            def check_passes(draft: Path = draft) -> str | None:
                result = clerk.cli("check", clerk.win(draft))
                return None if result.returncode == 0 else text_of(result)

            checks.check(f"check {draft.name}", check_passes)

        broken = clerk.documents / "เสีย.dladraft"
        data = json.loads(EXAMPLES[0].read_text(encoding="utf-8"))
        data["date"]["month"] = 13
        broken.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")

        def broken_named_in_thai() -> str | None:
            result = clerk.cli("check", clerk.win(broken))
            message = result.stderr.decode("utf-8")
            if result.returncode != 1 or "ข้อผิดพลาด: เดือน: " not in message:
                return f"exit {result.returncode}: {message}"
            return "a traceback" if "Traceback" in message else None

        checks.check("check names the broken field in Thai", broken_named_in_thai)

        def console_code_pages() -> str | None:
            if not shutil.which("script"):
                return "script (util-linux) is needed for a real console"
            problems = []
            cli_exe = clerk.win(clerk.program / "dla-drafter-cli.exe")
            for codepage in (874, 1252, 65001):
                base = clerk.documents / f"cp{codepage}"
                bat = clerk.documents / f"cp{codepage}.bat"
                # cmd reads a .bat in the console's code page: the Thai paths come through
                # the environment, the file itself is ASCII.
                bat.write_bytes(
                    f"@chcp {codepage} >nul\r\n"
                    '@"%DLA_CLI%" check --verbose "%DLA_BROKEN%" > "%DLA_BASE%-out.txt" '
                    '2> "%DLA_BASE%-err.txt"\r\n'
                    # A pipe. Two Wine traps, not Windows behaviour: Wine's cmd makes a pipe
                    # out of a file in %TEMP%, which fails silently when %TEMP% is under a
                    # Thai user name (Windows uses an anonymous pipe), and it does not send
                    # stderr into a pipe with 2>&1. So an ASCII %TEMP% for this line, and
                    # the Thai goes through stdout: the help.
                    '@set "TEMP=%SystemRoot%\\Temp"\r\n@set "TMP=%SystemRoot%\\Temp"\r\n'
                    '@"%DLA_CLI%" check --help | find "verbose" '
                    '> "%DLA_BASE%-pipe.txt"\r\n'.encode("ascii"))
                env = {**clerk.env, "DLA_CLI": cli_exe, "DLA_BROKEN": clerk.win(broken),
                       "DLA_BASE": clerk.win(base)}
                result = subprocess.run(
                    ["script", "-qec", f"wine cmd /c '{clerk.win(bat)}'", "/dev/null"],
                    env=env, capture_output=True, timeout=TIMEOUT, stdin=subprocess.DEVNULL)
                for name, expected in (("err", "เดือน (date.month)"),
                                       ("pipe", "บอกตำแหน่งของช่องในไฟล์ร่าง")):
                    path = Path(f"{base}-{name}.txt")
                    try:
                        text = path.read_bytes().decode("utf-8")
                    except (OSError, UnicodeDecodeError) as exc:
                        problems.append(f"chcp {codepage} {name}: {exc} {text_of(result)[-300:]}")
                        continue
                    if expected not in text or "Traceback" in text:
                        problems.append(f"chcp {codepage} {name}: {text[:300]!r}")
            # Wine takes the ANSI code page from the Unix locale: th_TH.UTF-8 gives cp874. The
            # locale is compiled into a folder of our own (LOCPATH), so no root is needed;
            # its source comes with Debian's `locales` package.
            locales = Path(tempfile.mkdtemp(prefix="dla-locale-"))
            made = subprocess.run(["localedef", "-i", "th_TH", "-f", "UTF-8",
                                   str(locales / "th_TH.UTF-8")], capture_output=True, text=True)
            if made.returncode not in (0, 1) or not (locales / "th_TH.UTF-8").exists():
                problems.append("Thai ANSI code page: localedef th_TH.UTF-8 failed (apt install "
                                f"locales): {made.stderr[-200:]}")
            else:
                thai_ansi = clerk.cli("check", "--verbose", clerk.win(broken),
                                      env={"LOCPATH": str(locales), "LC_ALL": "th_TH.UTF-8"})
                if "เดือน (date.month)" not in thai_ansi.stderr.decode("utf-8", "replace"):
                    problems.append(f"Thai ANSI code page: {text_of(thai_ansi)[:300]}")
            return "\n".join(problems) or None

        checks.check("Thai output under chcp 874/1252/65001, to files and a pipe",
                     console_code_pages)

        numbered = drafts[1]  # a .dladraft

        def save_and_reopen() -> str | None:
            issued = clerk.cli("register", "issue", clerk.win(numbered))
            if issued.returncode != 0:
                return f"register issue: {text_of(issued)}"
            number = issued.stdout.decode("utf-8").strip().splitlines()[-1]
            state["number"] = number
            register = clerk.user_data / "register.sqlite3"
            if not register.is_file():
                return f"no register in the user's folder {clerk.user_data}"
            saved = json.loads(numbered.read_text(encoding="utf-8"))
            if not (saved.get("number") or {}).get("serial"):
                return f"the number is not in the saved draft: {saved.get('number')}"
            # approvals are signed as the user's identity (issue 12 item 7): set it first
            me = clerk.cli("review", "whoami", "--name", CLERK, "--position",
                           "ผู้อำนวยการกองส่งเสริมและพัฒนาการจัดการศึกษาท้องถิ่น",
                           "--abbreviation", "ผอ.กศ.")
            if me.returncode != 0:
                return f"review whoami: {text_of(me)}"
            for verb in (["review", "send"], ["review", "approve", "--role", "ผอ.กศ."]):
                result = clerk.cli(*verb, clerk.win(numbered))
                if result.returncode != 0:
                    return f"{' '.join(verb)}: {text_of(result)}"
            status = clerk.cli("review", "status", clerk.win(numbered), "--json")
            if status.returncode != 0:
                return f"review status: {text_of(status)}"
            record = json.dumps(json.loads(status.stdout.decode("utf-8")), ensure_ascii=False)
            if CLERK not in record:
                return f"the approval does not carry the Thai name: {text_of(status)}"
            reopened = clerk.cli("check", clerk.win(numbered))
            return None if reopened.returncode == 0 else f"reopen: {text_of(reopened)}"

        checks.check("save and reopen a .dladraft: register number, review approval",
                     save_and_reopen)

        def register_csv_and_pdf() -> str | None:
            csv_file = clerk.documents / "ทะเบียนส่ง.csv"
            exported = clerk.cli("register", "export", "-o", clerk.win(csv_file))
            if exported.returncode != 0:
                return text_of(exported)
            data = csv_file.read_bytes()
            if not data.startswith(b"\xef\xbb\xbf") or b"\r\r\n" in data or (
                    data.count(b"\r\n") != data.count(b"\n")):
                return f"CSV line ends: {data[:200]!r}"
            listed = clerk.cli("register", "list")
            number = str(state.get("number", ""))
            serial = re.search(r"(\d+)\s*$", number).group(1)
            if number not in text_of(listed):
                return f"register list lacks {number}: {text_of(listed)}"
            pdf = out / "ออกเลขแล้ว.pdf"
            result = clerk.cli("render", clerk.win(numbered), "-o", clerk.win(pdf))
            if result.returncode != 0:
                return text_of(result)
            from dla_drafter.text.digits import to_thai_digits

            text = pdf_text(pdf)
            printed = re.search(rf"ว\s*{to_thai_digits(serial)}(?!\d|[๐-๙])", text)
            return None if printed else f"no ว {serial} in the PDF:\n{text[:400]}"

        checks.check("register on SQLite in %LOCALAPPDATA%: CSV and the numbered PDF",
                     register_csv_and_pdf)

        def sign_and_verify() -> str | None:
            from signing_ca import PASSPHRASE, make_pki

            pki = make_pki()
            keys = clerk.documents / "ใบรับรอง"
            keys.mkdir()
            (keys / "ลายมือชื่อ.p12").write_bytes(pki.p12())
            (keys / "รหัสผ่าน.txt").write_text(PASSPHRASE + "\n", encoding="utf-8")
            (keys / "ca.pem").write_bytes(pki.root_pem())
            source, signed = out / "ออกเลขแล้ว.pdf", out / "ลงนามแล้ว.pdf"
            result = clerk.cli("sign", clerk.win(source), "-o", clerk.win(signed),
                               "--p12", clerk.win(keys / "ลายมือชื่อ.p12"), "--passphrase-file",
                               clerk.win(keys / "รหัสผ่าน.txt"), "--draft", clerk.win(numbered))
            if result.returncode != 0:
                return f"sign: {text_of(result)}"
            verified = clerk.cli("verify", clerk.win(signed), "--trust",
                                 clerk.win(keys / "ca.pem"))
            if verified.returncode != 0:
                return f"verify: {text_of(verified)}"
            on_linux = subprocess.run([sys.executable, "-m", "dla_drafter", "verify", str(signed),
                                       "--trust", str(keys / "ca.pem")],
                                      capture_output=True, cwd=ROOT, timeout=TIMEOUT)
            return None if on_linux.returncode == 0 else f"Linux verify: {text_of(on_linux)}"

        checks.check("sign with a .p12 in a Thai folder, verify (Windows and Linux)",
                     sign_and_verify)

        def window_offscreen() -> str | None:
            result = clerk.run(clerk.program / "dla-drafter.exe", "--smoke-test",
                               clerk.win(drafts[2]))
            return None if result.returncode == 0 else f"exit {result.returncode}"

        checks.check("the window opens offscreen and typesets the preview", window_offscreen)

        def double_click() -> str | None:
            command = str(state.get("open_command", ""))
            exe, placeholder = re.fullmatch(r'"([^"]+)" "(%1)"', command).groups()
            assert placeholder == "%1"
            result = clerk.run(exe, clerk.win(drafts[3]), "--smoke-test")
            return None if result.returncode == 0 else f"exit {result.returncode}"

        checks.check("a double-click on a .dladraft (Explorer's command) opens it",
                     double_click)

        user_files = {"Documents": tree_digest(clerk.documents),
                      "AppData/Local/dla-drafter": tree_digest(clerk.user_data)}

        def uninstall() -> str | None:
            if not any("signing-key" in name for name in user_files["AppData/Local/dla-drafter"]):
                return f"no key was made to keep: {sorted(user_files['AppData/Local/dla-drafter'])}"
            result = clerk.run(clerk.program / "uninstall.exe", "/S")
            clerk.wait()
            if result.returncode != 0:
                return f"uninstall exit {result.returncode}: {text_of(result)}"
            if clerk.program.exists():
                left = [str(p.relative_to(clerk.program)) for p in clerk.program.rglob("*")]
                return f"program folder left: {left[:20]}"
            for link in (clerk.profile / "Desktop" / "DLA Drafter.lnk",):
                if link.exists():
                    return f"shortcut left: {link}"
            if clerk.reg_value(r"HKCU\Software\Classes\DLADrafter.Draft") is not None:
                return "file type left in the registry"
            after = {"Documents": tree_digest(clerk.documents),
                     "AppData/Local/dla-drafter": tree_digest(clerk.user_data)}
            if after != user_files:
                lost = {k: sorted(set(user_files[k]) - set(after[k])) for k in user_files}
                return f"the user's files changed: lost {lost}"
            return None

        checks.check("uninstall removes the program and keeps every file of the user",
                     uninstall)
    finally:
        subprocess.run(["wineserver", "-k"], env=clerk.env, capture_output=True)
        if args.keep:
            print(f"kept {work}")
        else:
            shutil.rmtree(work, ignore_errors=True)
    print(f"{checks.passed} passed, {checks.failed} failed")
    return 1 if checks.failed else 0


if __name__ == "__main__":
    sys.exit(main())
