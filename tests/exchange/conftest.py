"""Fixtures for the e-CMS tests: a numbered, dated letter, its PDF (made once), an agency
profile with e-CMS codes, and validation against the repository's XSD with lxml alone."""

from __future__ import annotations

from pathlib import Path

import pytest
from ecms_helpers import EXAMPLE, letter_dict  # noqa: F401


@pytest.fixture
def letter():
    from dla_drafter.model.draftio import letter_from_dict

    return letter_from_dict(letter_dict())


@pytest.fixture(scope="session")
def letter_pdf() -> bytes:
    """The letter's PDF as ``render`` makes it (bundled font), made once per run."""
    from dla_drafter import pipeline
    from dla_drafter.model.draftio import letter_from_dict
    from dla_drafter.settings import RenderSettings

    made = pipeline.make_outputs(letter_from_dict(letter_dict()), ["letter.pdf"],
                                 RenderSettings(use_system_th_sarabun=False))
    return made.first("pdf")


@pytest.fixture
def profile():
    """The bundled DLA profile with this office's e-CMS codes (made up for the tests)."""
    from dla_drafter.app_settings import EcmsIdentity, read_profile_file
    from dla_drafter.paths import resource

    profile = read_profile_file(resource("profiles", "dla.json"))
    profile.ecms = EcmsIdentity(ministry_code="15", department_code="15008")
    return profile


@pytest.fixture
def sender(profile):
    from dla_drafter.exchange import sender_party

    return sender_party(profile)


@pytest.fixture(scope="session")
def p12_file(tmp_path_factory) -> Path:
    """A signer's PKCS#12 file from the tests' own PKI (tests/signing_ca.py)."""
    from signing_ca import make_pki

    path = tmp_path_factory.mktemp("keys") / "signer.p12"
    path.write_bytes(make_pki().p12())
    return path
