"""``dla-drafter``: the desktop program, and the letter engine on the command line.

    dla-drafter                      open the desktop program with a new draft
    dla-drafter DRAFT                open DRAFT in the desktop program
    dla-drafter COMMAND …            a command (``dla-drafter --help`` lists them)

Each command lives in its own module of this package (``render.py``, ``check.py`` …) with two
functions: ``add_parser(subparsers)`` declares its arguments and ``run(args) -> int`` does the
work by calling the same library functions the desktop program calls. Modules are found by
name, so adding a command is adding a file. Heavy imports stay inside ``run`` so that the
first line of ``--help`` or the window appears fast.

Errors go to stderr, one readable line each, in Thai (``--lang en`` for English); no output
file is ever left half-written.
"""

from __future__ import annotations

import argparse
import importlib
import pkgutil
import sys

from ._common import EXIT_ERRORS, EXIT_USAGE


def command_modules() -> list[str]:
    """Names of the command modules, in a stable order (``_`` modules are helpers)."""
    return sorted(m.name for m in pkgutil.iter_modules(__path__) if not m.name.startswith("_"))


def _parser(only: str | None = None) -> argparse.ArgumentParser:
    """The command line's parser; with ``only``, just that command's (a cold command does
    not import the other eleven modules and their imports: ~0.1 s of ``register issue``)."""
    parser = argparse.ArgumentParser(
        prog="dla-drafter",
        description="ร่างหนังสือราชการ / draft Thai official letters (PDF and DOCX)",
    )
    sub = parser.add_subparsers(dest="command", required=True)
    for name in [only] if only else command_modules():
        module = importlib.import_module(f"{__name__}.{name}")
        module.add_parser(sub)
    return parser


# Options of the desktop program itself (see ``ui/app.py``), not of a command.
GUI_OPTIONS = ("--smoke-test",)


def main(argv: list[str] | None = None) -> int:
    # A frozen Windows build starts merge workers by running this executable again; without
    # this call each worker would open the program instead of doing its rows.
    if getattr(sys, "frozen", False):  # does nothing unless frozen (and costs an import)
        import multiprocessing

        multiprocessing.freeze_support()
    utf8_output()
    argv = list(sys.argv[1:] if argv is None else argv)
    commands = command_modules()
    if not argv or argv[0] in GUI_OPTIONS or (
            argv[0] not in commands and not argv[0].startswith("-")):
        return open_window(argv)
    args = _parser(argv[0] if argv[0] in commands else None).parse_args(argv)
    try:
        return args.run(args)
    except KeyboardInterrupt:
        return EXIT_ERRORS


def utf8_output() -> None:
    """Write stdout and stderr as UTF-8, whatever the console's code page.

    Windows gives a redirected stdout (``> file``, a pipe) the ANSI code page — cp1252 on an
    English Windows, cp874 on a Thai one, whatever ``chcp`` says — and printing Thai or "×"
    there raises UnicodeEncodeError. A real console takes UTF-8 through the wide API anyway.
    Called before anything is printed, by every way in: commands, and the window's own
    messages (the windowed ``dla-drafter.exe`` has no streams at all: None).
    """
    for stream in (sys.stdout, sys.stderr):
        if hasattr(stream, "reconfigure"):
            stream.reconfigure(encoding="utf-8", errors="replace")


def open_window(argv: list[str]) -> int:
    """The desktop program with ``argv`` (draft files); the installed ``dla-drafter`` starts
    here directly, so a file it is given never reads as a command."""
    utf8_output()
    from ..ui.qt_libs import missing_message, missing_packages, uses_xcb

    if uses_xcb() and (absent := missing_packages()):
        print(missing_message(absent), file=sys.stderr)
        return EXIT_USAGE
    try:
        from ..ui.app import main as gui_main
    except ImportError as exc:  # the desktop part is missing from this installation
        print(f"ข้อผิดพลาด: เปิดหน้าต่างโปรแกรมไม่ได้ ({exc})", file=sys.stderr)
        _parser().print_help()
        return EXIT_USAGE
    return gui_main(argv)


if __name__ == "__main__":
    sys.exit(main())
