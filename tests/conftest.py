"""Shared fixtures. Tests never touch the user's real config or cache folders and always
draw with the bundled Sarabun, so results do not depend on the fonts of the machine."""

from __future__ import annotations

import copy
import itertools
import json
import os
import sys
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"


def pytest_addoption(parser):
    parser.addoption("--validate-pdf", action="store_true",
                     help="check every PDF a test makes against PDF/A-3b and PDF/UA-1 "
                          "(also DLA_VALIDATE_PDF=1)")


@pytest.fixture(autouse=True)
def _validate_pdfs(request, monkeypatch):
    """With ``--validate-pdf``, every PDF the writer builds must pass PDF/A-3b (when the
    settings ask for PDF/A) and PDF/UA-1, or the test that made it fails."""
    if not (request.config.getoption("--validate-pdf") or os.environ.get("DLA_VALIDATE_PDF")):
        return
    from pdf_checks import assert_conforms

    from dla_drafter.render import pdf

    build = pdf.PdfBuilder.build

    def checked(self, pages):
        data = build(self, pages)
        assert_conforms(data, ("3b", "ua1") if self.settings.pdf_a else ("ua1",))
        return data

    monkeypatch.setattr(pdf.PdfBuilder, "build", checked)


@pytest.fixture(autouse=True)
def _private_dirs(tmp_path_factory, monkeypatch):
    """Cache and config folders of a test run live in a temporary folder."""
    base = tmp_path_factory.getbasetemp()
    monkeypatch.setenv("XDG_CACHE_HOME", str(base / "cache"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(base / "config"))
    monkeypatch.setenv("XDG_DATA_HOME", str(base / "data"))
    # Windows: platformdirs asks the shell for %LOCALAPPDATA% / %APPDATA% and ignores XDG_*.
    monkeypatch.setenv("WIN_PD_OVERRIDE_LOCAL_APPDATA", str(base / "localappdata"))
    monkeypatch.setenv("WIN_PD_OVERRIDE_APPDATA", str(base / "appdata"))


@pytest.fixture
def settings():
    from dla_drafter.settings import RenderSettings

    return RenderSettings(use_system_th_sarabun=False)


def example_dict(name: str) -> dict:
    return json.loads((EXAMPLES / f"{name}.dladraft.json").read_text(encoding="utf-8"))


@pytest.fixture
def eef_dict() -> dict:
    return copy.deepcopy(example_dict("circular-2565-eef"))


@pytest.fixture
def ipst_dict() -> dict:
    return copy.deepcopy(example_dict("circular-2565-ipst"))


@pytest.fixture
def memo_dict() -> dict:
    return copy.deepcopy(example_dict("memo-2569"))


@pytest.fixture
def order_dict() -> dict:
    return copy.deepcopy(example_dict("order-2569"))


@pytest.fixture
def stamped_dict() -> dict:
    """The memo turned into a หนังสือประทับตรา: to a province office, from the department."""
    memo_dict = copy.deepcopy(example_dict("memo-2569"))
    memo_dict.update(kind="stamped", addressee="สำนักงานส่งเสริมการปกครองท้องถิ่นจังหวัดทุกจังหวัด")
    memo_dict["agency"] = {"name": "กรมส่งเสริมการปกครองท้องถิ่น",
                           "address": ["ถนนนครราชสีมา เขตดุสิต กทม. ๑๐๓๐๐"]}
    memo_dict["owner_unit"] = ["กองส่งเสริมและพัฒนาการจัดการศึกษาท้องถิ่น"]
    memo_dict["body"] = memo_dict["body"][:2]
    memo_dict["closing"] = ""
    return memo_dict


def letter_from(data: dict):
    from dla_drafter.model.draftio import letter_from_dict

    return letter_from_dict(data)


@pytest.fixture(autouse=True, scope="session")
def _qt_application(qapp):
    """One QApplication for the whole run, made before any engine code could make a bare
    QGuiApplication (``render.qt_app.ensure_qt_app``) that widget tests cannot use."""
    return qapp


_databases = itertools.count(1)


@pytest.fixture(scope="session")
def pg_server():
    """A real PostgreSQL server for the session, started with Debian's initdb and pg_ctl (as
    the ``postgres`` user under root) on a loopback port in a temporary folder. Missing server
    binaries skip the test on a developer's machine and fail it in CI, which installs them."""
    from dla_drafter.register.testserver import PostgresServer

    if sys.platform == "win32":  # the Windows run (under Wine): no Debian server to start
        pytest.skip("the PostgreSQL test server runs Debian's initdb/pg_ctl: Linux only")
    try:
        server = PostgresServer()
    except FileNotFoundError as exc:
        if os.environ.get("CI"):
            pytest.fail(f"CI must test the register on PostgreSQL: {exc}")
        pytest.skip(f"PostgreSQL server binaries are not installed: {exc}")
    server.start()
    yield server
    server.cleanup()


@pytest.fixture
def pg_url(pg_server) -> str:
    """A new, empty database on the session's server."""
    if not pg_server.running():  # a test that stopped the server must not break the next
        pg_server.start()
    return pg_server.create_database(f"register_{os.getpid()}_{next(_databases)}")
