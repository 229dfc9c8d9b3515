"""Prove the installed build: ``uv run python packaging/test_frozen.py [--build]``.

Not part of ``uv run pytest`` (it lives outside ``tests/``) because building takes a minute or
more; run it before a release and after changing the spec, the hooks or what the program
loads at run time. It uses ``dist/dla-drafter/`` (building it first when absent, or always
with ``--build``) and checks, as a clerk's machine would see it:

1. the bundle is copied into a folder with a Thai name and spaces, and run from there;
2. ``dla-drafter-cli --help`` lists every command module of the source tree (the frozen
   importer must answer ``pkgutil.iter_modules``);
3. every example draft, copied into a Thai-named folder, renders to PDF and DOCX with the
   frozen ``dla-drafter-cli render``, and the text a reader gets out of them (``pdftotext``,
   python-docx) is identical to what the unfrozen ``python -m dla_drafter render`` makes;
4. ``dla-drafter-cli check`` accepts each example, and names the field of a broken draft;
5. the frozen desktop program opens its window offscreen, and on a real X server (Xvfb) when
   ``xvfb-run`` is there, typesets the first preview and quits by itself (``--smoke-test``);
6. the clerk's guide and every image it shows are in the bundle (Help renders them).

Every frozen run has HOME and the XDG folders in an empty temporary folder, no PYTHONPATH,
and — where ``unshare -n`` works (Linux, as root) — no network at all: the program must need
none. Prints one line per check and ``N passed, N failed``; exits 1 if any failed.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "packaging"))

import build  # noqa: E402 - the sibling script, for the folder layout and the build itself

EXAMPLES = sorted((ROOT / "examples").glob("*.dladraft.json"))
THAI_FOLDER = "โปรแกรม ร่างหนังสือ"
THAI_DRAFTS = "งานสารบรรณ ๒๕๖๙"
TIMEOUT = 300


def clean_env(home: Path) -> dict[str, str]:
    """A user with nothing: empty home and XDG folders, no Python settings, offscreen Qt."""
    env = {k: v for k, v in os.environ.items()
           if not k.startswith(("PYTHON", "VIRTUAL_ENV", "XDG_", "DLA_DRAFTER_", "QT_"))}
    env.update(HOME=str(home), XDG_CONFIG_HOME=str(home / ".config"),
               XDG_DATA_HOME=str(home / ".local/share"), XDG_CACHE_HOME=str(home / ".cache"),
               XDG_RUNTIME_DIR=str(home / "run"), QT_QPA_PLATFORM="offscreen",
               LANG="C.UTF-8")
    (home / "run").mkdir(mode=0o700, parents=True, exist_ok=True)
    return env


def no_network_prefix() -> list[str]:
    """``unshare -n`` (an empty network namespace) when this machine allows it."""
    unshare = shutil.which("unshare")
    if sys.platform.startswith("linux") and unshare:
        probe = subprocess.run([unshare, "-n", "true"], capture_output=True)
        if probe.returncode == 0:
            return [unshare, "-n"]
    return []


def run(command: list[str], env: dict[str, str], cwd: Path) -> subprocess.CompletedProcess:
    return subprocess.run(command, env=env, cwd=cwd, capture_output=True, text=True,
                          encoding="utf-8", errors="replace", timeout=TIMEOUT)


def pdf_text(path: Path) -> str:
    return subprocess.run(["pdftotext", "-layout", "-enc", "UTF-8", str(path), "-"],
                          capture_output=True, text=True, encoding="utf-8", check=True).stdout


def docx_text(path: Path) -> str:
    """Body paragraphs, table cells, headers and footers: all a reader of the DOCX sees."""
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


class Checks:
    def __init__(self) -> None:
        self.passed = 0
        self.failed = 0

    def check(self, name: str, test: Callable[[], str | None]) -> None:
        """``test`` returns None when all is well, else what went wrong."""
        try:
            problem = test()
        except Exception as exc:  # a crash of the check is a failure, with its reason
            problem = f"{type(exc).__name__}: {exc}"
        if problem is None:
            self.passed += 1
            print(f"ok    {name}", flush=True)
        else:
            self.failed += 1
            print(f"FAIL  {name}\n      {problem.strip()[:2000]}", flush=True)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--build", action="store_true", help="build dist/ first, even if present")
    parser.add_argument("--keep", action="store_true", help="keep the temporary folder")
    args = parser.parse_args(argv)
    if args.build or not build.APP.is_dir():
        if build.build() != 0:
            print("0 passed, 1 failed")
            return 1
    else:
        build.report()

    top = Path(tempfile.mkdtemp(prefix="dla-frozen-"))
    checks = Checks()
    try:
        app = top / THAI_FOLDER / "dla-drafter"
        shutil.copytree(build.APP, app, symlinks=True)
        exe = build.executables(app)
        home = top / "home"
        home.mkdir()
        env = clean_env(home)
        jail = no_network_prefix()
        print(f"bundle copied to {app}; network: {'none (unshare -n)' if jail else 'present'}")
        drafts = top / THAI_DRAFTS
        drafts.mkdir()
        frozen_out, source_out = top / "frozen", top / "source"
        frozen_out.mkdir()
        source_out.mkdir()

        def help_lists_commands() -> str | None:
            sys.path.insert(0, str(ROOT))
            from dla_drafter.cli import command_modules

            result = run([*jail, str(exe["cli"]), "--help"], env, top)
            if result.returncode != 0:
                return f"exit {result.returncode}: {result.stderr}"
            missing = [c for c in command_modules() if c not in result.stdout]
            return f"commands missing from --help: {missing}\n{result.stdout}" if missing else None

        checks.check("dla-drafter-cli --help lists every command", help_lists_commands)

        for example in EXAMPLES:
            draft = drafts / example.name
            shutil.copy2(example, draft)
            stem = example.name.removesuffix(".dladraft.json")

            def render_identical(draft: Path = draft, stem: str = stem) -> str | None:
                frozen = [frozen_out / f"{stem}.pdf", frozen_out / f"{stem}.docx"]
                source = [source_out / f"{stem}.pdf", source_out / f"{stem}.docx"]
                result = run([*jail, str(exe["cli"]), "render", str(draft),
                              "-o", str(frozen[0]), "-o", str(frozen[1])], env, top)
                if result.returncode != 0:
                    return f"frozen render exit {result.returncode}: {result.stderr}"
                reference = run([sys.executable, "-m", "dla_drafter", "render", str(draft),
                                 "-o", str(source[0]), "-o", str(source[1])],
                                {**env, "PYTHONPATH": str(ROOT)}, ROOT)
                if reference.returncode != 0:
                    return f"unfrozen render exit {reference.returncode}: {reference.stderr}"
                if result.stdout.replace(str(frozen_out), "") != reference.stdout.replace(
                        str(source_out), ""):
                    return f"different report:\n{result.stdout}\n{reference.stdout}"
                frozen_pdf, source_pdf = pdf_text(frozen[0]), pdf_text(source[0])
                if not frozen_pdf.strip():
                    return "the frozen PDF has no text"
                if frozen_pdf != source_pdf:
                    return "PDF text differs:\n" + frozen_pdf[:600] + "\n---\n" + source_pdf[:600]
                if docx_text(frozen[1]) != docx_text(source[1]):
                    return "DOCX text differs"
                return None

            checks.check(f"render {example.name}: PDF and DOCX text as unfrozen",
                         render_identical)

            def check_accepts(draft: Path = draft) -> str | None:
                result = run([*jail, str(exe["cli"]), "check", str(draft)], env, top)
                return None if result.returncode == 0 else (
                    f"exit {result.returncode}: {result.stderr}")

            checks.check(f"check {example.name}", check_accepts)

        def check_names_field() -> str | None:
            broken = drafts / "เสีย.dladraft.json"
            data = json.loads(EXAMPLES[0].read_text(encoding="utf-8"))
            data["date"]["month"] = 13
            broken.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
            result = run([*jail, str(exe["cli"]), "check", str(broken)], env, top)
            if result.returncode == 0:
                return "a broken draft passed the check"
            if "Traceback" in result.stderr or "ข้อผิดพลาด" not in result.stderr or (
                    "เดือน" not in result.stderr):
                return f"no clear Thai message:\n{result.stderr}"
            return None

        checks.check("check names the problem of a broken draft in Thai", check_names_field)

        def gui_smoke_test() -> str | None:
            draft = drafts / EXAMPLES[0].name
            result = run([*jail, str(exe["gui"]), "--smoke-test", str(draft)], env, top)
            if result.returncode != 0 or result.stdout.strip().splitlines()[-1:] != ["ok"]:
                return f"exit {result.returncode}\n{result.stdout}\n{result.stderr}"
            return None

        checks.check("dla-drafter --smoke-test opens the window and its preview offscreen",
                     gui_smoke_test)

        xvfb = shutil.which("xvfb-run")
        if xvfb and sys.platform.startswith("linux"):

            def gui_on_x11() -> str | None:
                """A real X11 window: the xcb plugin and the X libraries the bundle carries."""
                draft = drafts / EXAMPLES[0].name
                result = run([xvfb, "-a", *jail, str(exe["gui"]), "--smoke-test", str(draft)],
                             {**env, "QT_QPA_PLATFORM": "xcb"}, top)
                if result.returncode != 0 or result.stdout.strip().splitlines()[-1:] != ["ok"]:
                    return f"exit {result.returncode}\n{result.stdout}\n{result.stderr}"
                return None

            checks.check("dla-drafter --smoke-test opens a real X11 window (Xvfb)", gui_on_x11)
        else:
            print("skip  X11 window: xvfb-run not found")

        def guide_with_its_images() -> str | None:
            """Help shows the guide inside the program, screenshots included."""
            sys.path.insert(0, str(ROOT))
            from dla_drafter.paths import GUIDE_NAME, guide_images

            bundled = app / "_internal" / "docs"
            wanted = [GUIDE_NAME] + [p.name for p in guide_images(ROOT / "docs" / GUIDE_NAME)]
            missing = [name for name in wanted if not (bundled / name).is_file()]
            return f"missing from {bundled}: {missing}" if missing else None

        checks.check("the bundle carries the clerk's guide and every image it shows",
                     guide_with_its_images)

        def nothing_written_outside_home() -> str | None:
            strays = [p for p in (top / THAI_FOLDER).rglob("*")
                      if p.is_file() and not (build.APP / p.relative_to(app)).exists()]
            return f"files written into the program folder: {strays}" if strays else None

        checks.check("the program folder is left unchanged", nothing_written_outside_home)
    finally:
        if args.keep:
            print(f"kept {top}")
        else:
            shutil.rmtree(top, ignore_errors=True)
    print(f"{checks.passed} passed, {checks.failed} failed")
    return 1 if checks.failed else 0


if __name__ == "__main__":
    sys.exit(main())
