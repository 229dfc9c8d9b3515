"""Fixtures of the merge tests (helpers live in ``mergehelpers.py``)."""

from __future__ import annotations

import pytest
from mergehelpers import template_dict

from dla_drafter.model.draftio import letter_from_dict
from dla_drafter.settings import RenderSettings


@pytest.fixture(scope="session")
def render_settings() -> RenderSettings:
    return RenderSettings(use_system_th_sarabun=False)


@pytest.fixture
def template():
    return letter_from_dict(template_dict())
