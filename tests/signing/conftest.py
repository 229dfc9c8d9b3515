"""Fixtures for the signing tests: one test PKI and one exported example letter per run."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pytest
from signing_ca import PASSPHRASE, Pki, make_pki

ROOT = Path(__file__).resolve().parent.parent.parent
MEMO = ROOT / "examples" / "memo-2569.dladraft.json"


@dataclass(frozen=True)
class Exported:
    draft: Path
    pdf: Path
    pages: object  # dla_drafter.typeset.pages.Pages

    @property
    def data(self) -> bytes:
        return self.pdf.read_bytes()


@pytest.fixture(scope="session")
def pki() -> Pki:
    return make_pki()


@pytest.fixture(scope="session")
def p12_file(pki, tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("keys") / "signer.p12"
    path.write_bytes(pki.p12())
    return path


@pytest.fixture(scope="session")
def root_pem(pki, tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("trust") / "root.pem"
    path.write_bytes(pki.root_pem())
    return path


@pytest.fixture(scope="session")
def signer_key(p12_file):
    from dla_drafter.signing import load_pkcs12_file

    return load_pkcs12_file(p12_file, PASSPHRASE)


@pytest.fixture(scope="session")
def exported(tmp_path_factory) -> Exported:
    """The memo example exported with the bundled Sarabun, as ``dla-drafter render`` does."""
    from exporting import export

    from dla_drafter.model.draftio import load_draft_with_warnings
    from dla_drafter.settings import RenderSettings

    letter, _warnings = load_draft_with_warnings(MEMO)
    pdf = tmp_path_factory.mktemp("export") / "memo.pdf"
    pages = export(letter, pdf, RenderSettings(use_system_th_sarabun=False))
    return Exported(MEMO, pdf, pages)
