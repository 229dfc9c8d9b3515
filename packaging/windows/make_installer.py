"""Make the Windows installer from a Windows bundle: ``python packaging/windows/make_installer.py``.

Runs on Linux (Debian's ``nsis``) or Windows (NSIS 3 on PATH) with any Python 3.11+, standard
library only. It takes ``dist/dla-drafter/`` as built by ``packaging/build.py`` *with Windows
Python* (``dla-drafter.exe`` must be there), lists every file and folder of it for the
installer and, in reverse, for the uninstaller (which then removes exactly what was
installed, never anything else in the folder), and runs ``makensis`` on
``packaging/windows/installer.nsi``. Writes ``dist/windows/dla-drafter-setup-VERSION.exe``
and prints its size; exits non-zero when anything is wrong, including a bundle that holds
files that must never ship (the Wine stand-ins, see ``packaging/build.py``).
"""

from __future__ import annotations

import argparse
import re
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "packaging"))

import build  # noqa: E402 - the bundle's layout and its never-shipped files

SCRIPT = ROOT / "packaging" / "windows" / "installer.nsi"
GENERATED = build.WORK / "windows-installer"
OUT_DIR = ROOT / "dist" / "windows"


def version() -> str:
    text = (ROOT / "dla_drafter" / "__init__.py").read_text(encoding="utf-8")
    found = re.search(r'^__version__ = "(\d+\.\d+\.\d+)"', text, re.M)
    if not found:
        raise SystemExit("no x.y.z __version__ in dla_drafter/__init__.py")
    return found.group(1)


def installer_path(ver: str | None = None) -> Path:
    return OUT_DIR / f"dla-drafter-setup-{ver or version()}.exe"


def _checked(path: Path) -> str:
    """A path for the NSIS script; NSIS would read ``$`` and ``"`` in it as its own syntax."""
    text = str(path)
    if "$" in text or '"' in text:
        raise SystemExit(f"a bundle file name NSIS cannot take: {text}")
    return text


def file_lists(bundle: Path) -> tuple[str, str]:
    """(install commands, uninstall commands) for every file and folder of ``bundle``."""
    def target(folder: Path) -> str:
        parts = folder.relative_to(bundle).parts
        return "$INSTDIR" + "".join(f"\\{_checked(Path(part))}" for part in parts)

    install: list[str] = []
    remove: list[str] = []
    folders = sorted({p.parent for p in bundle.rglob("*") if p.is_file()} | {bundle},
                     key=lambda p: (len(p.parts), str(p)))
    for folder in folders:
        files = sorted(p for p in folder.iterdir() if p.is_file())
        if not files:
            continue
        install.append(f'SetOutPath "{target(folder)}"')
        for file in files:
            install.append(f'File "{_checked(file)}"')
            remove.append(f'Delete "{target(folder)}\\{_checked(Path(file.name))}"')
    install.append('SetOutPath "$INSTDIR"')
    for folder in sorted((p for p in bundle.rglob("*") if p.is_dir()),
                         key=lambda p: (-len(p.parts), str(p))):
        remove.append(f'RMDir "{target(folder)}"')  # deepest first; only empty ones go
    return "\n".join(install) + "\n", "\n".join(remove) + "\n"


def make(bundle: Path = build.APP, out: Path | None = None) -> Path:
    exe = bundle / "dla-drafter.exe"
    if not exe.is_file():
        raise SystemExit(f"no Windows bundle: {exe} is missing (build it with Windows Python: "
                         "packaging/windows/check.sh or packaging/build.py on Windows)")
    forbidden = build.forbidden_files(bundle)
    if forbidden:
        raise SystemExit("the bundle holds files that must never ship: "
                         + ", ".join(str(p) for p in forbidden))
    makensis = shutil.which("makensis")
    if makensis is None:
        raise SystemExit("makensis is missing (Debian: apt install nsis)")
    icon = build.ICON if build.ICON.is_file() else None
    if icon is None:
        raise SystemExit(f"no icon at {build.ICON}: run packaging/build.py first")
    ver = version()
    out = out or installer_path(ver)
    out.parent.mkdir(parents=True, exist_ok=True)
    GENERATED.mkdir(parents=True, exist_ok=True)
    install, remove = file_lists(bundle)
    (GENERATED / "files.nsh").write_text(install, encoding="utf-8-sig")
    (GENERATED / "uninstall.nsh").write_text(remove, encoding="utf-8-sig")
    size_kb = build.folder_size(bundle) // 1024
    command = [makensis, "-V2", "-INPUTCHARSET", "UTF8", f"-DVERSION={ver}",
               f"-DGENERATED={GENERATED}", f"-DICON={icon}", f"-DOUTFILE={out}",
               f"-DSIZE_KB={size_kb}", str(SCRIPT)]
    result = subprocess.run(command, capture_output=True, text=True, encoding="utf-8",
                            errors="replace")
    if result.returncode != 0 or not out.is_file():
        raise SystemExit(f"makensis failed (exit {result.returncode}):\n"
                         f"{result.stdout[-4000:]}\n{result.stderr[-4000:]}")
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--bundle", type=Path, default=build.APP)
    parser.add_argument("-o", "--output", type=Path)
    args = parser.parse_args(argv)
    out = make(args.bundle, args.output)
    mib = 1024 * 1024
    print(f"{out.relative_to(ROOT) if out.is_relative_to(ROOT) else out}: "
          f"{out.stat().st_size / mib:.1f} MiB "
          f"(program folder {build.folder_size(args.bundle) / mib:.1f} MiB)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
