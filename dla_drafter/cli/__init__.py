"""``dla-drafter``: the desktop program, and the letter engine on the command line.

    dla-drafter                      open the desktop program with a new draft
    dla-drafter DRAFT                open DRAFT (an existing file) in the desktop program
    dla-drafter COMMAND …            a command (``dla-drafter --help`` lists them)

Anything else — a mistyped command, a file that is not there — is an error that lists the
commands (exit 2): a script must never find itself waiting on a window it did not ask for.

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
import gc
import importlib
import os
import pkgutil
import sys
from pathlib import Path
from typing import NoReturn

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
    if not argv or argv[0] in GUI_OPTIONS:
        return open_window(argv)
    first = argv[0]
    if first not in commands and not first.startswith("-"):
        # an existing file opens in the window; anything else is a mistyped command
        return open_window(argv) if _is_file(first) else unknown_command(first, _lang_of(argv))
    args = _parser(first if first in commands else None).parse_args(argv)
    try:
        return args.run(args)
    except KeyboardInterrupt:
        return EXIT_ERRORS


#: Set by ``open_window``: the window ends the ordinary way, a command with ``exit_now``.
_window_opened = False
#: The collector's first threshold during a command (see ``entry``).
COMMAND_GC_THRESHOLD = 20_000


def entry() -> NoReturn:
    """The program's way in (the ``dla-drafter`` script, ``python -m dla_drafter``, the
    installed ``dla-drafter-cli``): ``main``, then the process ends.

    A command ends with :func:`exit_now`: its files are written and closed, and what is left
    is the interpreter taking apart every module and object one by one — ~70 ms of a cold
    ``render`` (the word breaker's dictionary is a quarter of a million strings), a sixth of
    the time a clerk's script waits (issue 15 item 6). The window ends the ordinary way
    (Qt's own clean-up). ``main`` itself never exits, so tests call it in process.
    """
    global _window_opened
    _window_opened = False
    # A command imports the engine and loads its dictionary: ~300,000 objects made at once
    # that all live to the end. At the default threshold (700 new objects) the collector ran
    # ~430 times over them and found nothing: ~100 ms of a cold render on a loaded machine
    # (issue 15 item 6). It still runs — every 20,000 — for a long merge or import.
    gc.set_threshold(COMMAND_GC_THRESHOLD, 10, 10)
    try:
        code = main()
    except SystemExit as exc:  # argparse's usage errors and --help
        code = exc.code if isinstance(exc.code, int) else (0 if exc.code is None else 1)
        if exc.code is not None and not isinstance(exc.code, int):
            print(exc.code, file=sys.stderr)
    except BrokenPipeError:  # ``dla-drafter … | head``: the reader left; not our error
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())  # so the final flush does not raise again
        code = EXIT_ERRORS
    if _window_opened:
        sys.exit(code)
    exit_now(code)


def exit_now(code: int) -> NoReturn:
    """End the process now: the ``atexit`` handlers (temporary folders, logging) run and
    the output streams are flushed — everything an ordinary exit does that anyone sees —
    but the interpreter's teardown of its objects is skipped (``os._exit``)."""
    import atexit

    atexit._run_exitfuncs()
    for stream in (sys.stdout, sys.stderr):
        try:
            if stream is not None:
                stream.flush()
        except (OSError, ValueError):  # a closed pipe: nothing more can be said there
            code = code or EXIT_ERRORS
    os._exit(code)


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


def _is_file(word: str) -> bool:
    try:
        return Path(word).is_file()
    except (OSError, ValueError):  # a name the system cannot hold is no file
        return False


def _lang_of(argv: list[str]) -> str:
    """``--lang en`` anywhere in ``argv`` (the commands' own option), else Thai."""
    for index, arg in enumerate(argv):
        if arg == "--lang=en" or (arg == "--lang" and argv[index + 1:index + 2] == ["en"]):
            return "en"
    return "th"


def unknown_command(word: str, lang: str = "th") -> int:
    """``dla-drafter WORD`` where WORD is neither a command nor an existing file: say so and
    list the commands (exit 2), instead of opening a window that a script would then wait on
    forever. A word that looks like a file name is reported as a file not found."""
    import difflib

    commands = command_modules()
    looks_like_file = any(sep in word for sep in ("/", "\\")) or Path(word).suffix != ""
    shown = word if looks_like_file or len(word) <= 80 else word[:79] + "…"
    close = difflib.get_close_matches(word, commands, n=1, cutoff=0.6)
    if lang == "th":
        print(f"ข้อผิดพลาด: ไม่พบไฟล์ {shown} และไม่มีคำสั่งชื่อนี้" if looks_like_file
              else f"ข้อผิดพลาด: ไม่รู้จักคำสั่ง \"{shown}\"", file=sys.stderr)
        if close:
            print(f"หมายถึง \"{close[0]}\" หรือไม่", file=sys.stderr)
        print(f"คำสั่งที่มี: {', '.join(commands)}", file=sys.stderr)
        print("ดูรายละเอียด: dla-drafter --help หรือ dla-drafter คำสั่ง --help", file=sys.stderr)
        print("เปิดหน้าต่างโปรแกรม: dla-drafter หรือ dla-drafter ไฟล์ร่าง", file=sys.stderr)
    else:
        print(f"error: no file {shown}, and no command of that name" if looks_like_file
              else f"error: unknown command \"{shown}\"", file=sys.stderr)
        if close:
            print(f"did you mean \"{close[0]}\"?", file=sys.stderr)
        print(f"commands: {', '.join(commands)}", file=sys.stderr)
        print("details: dla-drafter --help or dla-drafter COMMAND --help", file=sys.stderr)
        print("the desktop program: dla-drafter or dla-drafter DRAFT", file=sys.stderr)
    return EXIT_USAGE


def open_window(argv: list[str]) -> int:
    """The desktop program with ``argv`` (draft files); the installed ``dla-drafter`` starts
    here directly, so a file it is given never reads as a command."""
    global _window_opened
    _window_opened = True
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
    entry()
