"""A cold command imports only what it needs (issue 15 item 6: cold ``render`` and
``register issue`` are timed from process start)."""

from __future__ import annotations

import ast
import subprocess
import sys

from dla_drafter.cli import command_modules, main


def test_a_command_builds_only_its_own_parser():
    probe = ("import sys, dla_drafter.cli as c\n"
             "c._parser('register').parse_args(['register', 'list'])\n"
             "print(sorted(m for m in sys.modules if m.startswith('dla_drafter.cli.')))\n"
             "print('multiprocessing' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True,
                         check=True, timeout=120).stdout.split("\n")
    loaded = set(ast.literal_eval(out[0]))
    assert "dla_drafter.cli.register" in loaded
    # the other commands (register uses review's numbering check) are not imported
    for other in ("check", "diff", "ecms", "extract", "merge", "render", "sign", "verify"):
        assert f"dla_drafter.cli.{other}" not in loaded, other
    assert out[1] == "False"


def test_help_still_lists_every_command(capsys):
    try:
        main(["--help"])
    except SystemExit as exc:
        assert exc.code == 0
    shown = capsys.readouterr().out
    assert all(name in shown for name in command_modules())


def test_the_engine_imports_no_web_client_and_no_key_serialization():
    """``xml.sax.saxutils`` pulled in urllib.request, http.client and email, and the
    reviewer's identity cryptography's key serialization: ~70 ms of every cold command
    that needed none of them."""
    probe = ("import sys, dla_drafter.pipeline, dla_drafter.render.pdf_archive, "
             "dla_drafter.review.identity, dla_drafter.review.printing\n"
             "print(sorted(m for m in ('urllib.request', 'http.client', 'xml.sax.saxutils', "
             "'cryptography.hazmat.primitives.serialization') if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True,
                         check=True, timeout=120)
    assert out.stdout.strip() == "[]"
