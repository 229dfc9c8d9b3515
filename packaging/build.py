"""Build the installable one-folder program: ``uv run python packaging/build.py``.

Runs PyInstaller with ``packaging/dla-drafter.spec`` from the project root and leaves
``dist/dla-drafter/`` with ``dla-drafter`` (desktop) and ``dla-drafter-cli`` (command line)
— ``.exe`` on Windows. Prints the folder's size and its biggest parts, because the bundle must
stay lean; exits non-zero when anything fails. The same command works on Linux and Windows
(see ``packaging/README.md``).

Before PyInstaller runs, the program icon is made from ``resources/icons/app.svg`` into
``build/dla-drafter.ico`` with Qt (Windows shows it for the .exe and its shortcuts).
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SPEC = ROOT / "packaging" / "dla-drafter.spec"
# DLA_DRAFTER_DIST / DLA_DRAFTER_WORK (relative to the project, or absolute) keep a second
# platform's build apart: packaging/windows/check.sh builds Windows into dist/windows/.
DIST = ROOT / os.environ.get("DLA_DRAFTER_DIST", "dist")
WORK = ROOT / os.environ.get("DLA_DRAFTER_WORK", "build")
APP = DIST / "dla-drafter"
ICON = WORK / "dla-drafter.ico"
ICON_PX = 256  # Windows scales it down for smaller views


def executables(folder: Path = APP) -> dict[str, Path]:
    """The two programs of a built folder, by role."""
    suffix = ".exe" if sys.platform == "win32" else ""
    return {"gui": folder / f"dla-drafter{suffix}", "cli": folder / f"dla-drafter-cli{suffix}"}


def make_icon(svg: Path = ROOT / "resources" / "icons" / "app.svg", out: Path = ICON) -> bool:
    """Render the SVG icon into a 256-pixel .ico with Qt; False (and a note) if it fails:
    the build then goes on with PyInstaller's default icon."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QGuiApplication, QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    app = QGuiApplication.instance() or QGuiApplication([])  # noqa: F841 - Qt needs it
    renderer = QSvgRenderer(str(svg))
    if not renderer.isValid():
        print(f"note: cannot read {svg}; building without an icon", file=sys.stderr)
        return False
    out.parent.mkdir(parents=True, exist_ok=True)
    image = QImage(ICON_PX, ICON_PX, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    renderer.render(painter)
    painter.end()
    if not image.save(str(out), "ICO"):
        print("note: Qt cannot write .ico here; building without an icon", file=sys.stderr)
        return False
    return True


def remove_dangling_links(folder: Path = APP) -> list[Path]:
    """Linux: PyInstaller links each Qt library into ``_internal/``; for the libraries the spec
    leaves out (QtPdf, QtNetwork, EGLFS) those links point at nothing. Remove them."""
    dangling = [p for p in folder.rglob("*") if p.is_symlink() and not p.exists()]
    for link in dangling:
        link.unlink()
    return dangling


# Parts of Windows itself, and the Wine test environment's stand-ins for them
# (packaging/windows/): never in a bundle a clerk installs.
NEVER_BUNDLED = {"icuuc.dll", "bcryptprimitives.dll", "sitecustomize.py", "sitecustomize.pyc"}


def forbidden_files(folder: Path = APP) -> list[Path]:
    """Files of :data:`NEVER_BUNDLED` inside a built folder (there must be none)."""
    return sorted(p for p in folder.rglob("*") if p.name.lower() in NEVER_BUNDLED)


def folder_size(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file() and not p.is_symlink())


def biggest_parts(folder: Path, count: int = 12) -> list[tuple[int, str]]:
    """The largest files and folders two levels down (what to look at to keep it lean)."""
    parts: list[tuple[int, str]] = []
    internal = folder / "_internal"
    for top in (folder, internal):
        if not top.is_dir():
            continue
        for child in top.iterdir():
            if child == internal or child.is_symlink():  # Linux: links into PySide6/Qt/lib
                continue
            size = folder_size(child) if child.is_dir() else child.stat().st_size
            parts.append((size, str(child.relative_to(folder))))
    return sorted(parts, reverse=True)[:count]


def report(folder: Path = APP) -> None:
    mib = 1024 * 1024
    print(f"{folder.relative_to(ROOT)}: {folder_size(folder) / mib:.1f} MiB")
    for size, name in biggest_parts(folder):
        print(f"  {size / mib:7.1f} MiB  {name}")


def build(clean: bool = True) -> int:
    make_icon()
    command = [sys.executable, "-m", "PyInstaller", "--noconfirm", "--distpath", str(DIST),
               "--workpath", str(WORK), str(SPEC)]
    if clean:
        command.insert(3, "--clean")
    print("+", " ".join(command), flush=True)
    result = subprocess.run(command, cwd=ROOT, env={**os.environ, "DLA_DRAFTER_ICON": str(ICON)})
    if result.returncode != 0:
        print(f"PyInstaller failed (exit {result.returncode})", file=sys.stderr)
        return result.returncode
    removed = remove_dangling_links()
    if removed:
        print(f"removed {len(removed)} links to left-out libraries: "
              + ", ".join(p.name for p in removed))
    missing = [str(p) for p in executables().values() if not p.is_file()]
    if missing:
        print("build incomplete, missing: " + ", ".join(missing), file=sys.stderr)
        return 1
    forbidden = forbidden_files()
    if forbidden:
        print("the bundle holds files that must never ship: "
              + ", ".join(str(p.relative_to(APP)) for p in forbidden), file=sys.stderr)
        return 1
    report()
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Build dist/dla-drafter/ with PyInstaller")
    parser.add_argument("--no-clean", action="store_true",
                        help="reuse PyInstaller's cache in build/ (faster rebuilds)")
    parser.add_argument("--size-only", action="store_true",
                        help="only print the size of an existing dist/dla-drafter/")
    args = parser.parse_args(argv)
    if args.size_only:
        if not APP.is_dir():
            print(f"no build at {APP}", file=sys.stderr)
            return 1
        report()
        return 0
    return build(clean=not args.no_clean)


if __name__ == "__main__":
    sys.exit(main())
