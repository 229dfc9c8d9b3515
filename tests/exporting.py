"""Tests' shorthand for the one way out (``pipeline.make_outputs`` then ``write_outputs``):
exactly what ``render`` does, one call per test instead of three lines."""

from __future__ import annotations

from pathlib import Path

from dla_drafter import pipeline


def export(letter, path, settings=None, keyring=None, **options):
    """Make ``path`` (.pdf or .docx) from ``letter`` and write it; the pages (PDF) or None."""
    made = pipeline.make_outputs(letter, [Path(path)], settings, keyring, **options)
    pipeline.write_outputs(made.files)
    return made.pages


def pdf(letter, settings=None, keyring=None, **options):
    """(PDF bytes, pages) in memory."""
    made = pipeline.make_outputs(letter, ["letter.pdf"], settings, keyring, **options)
    return made.first("pdf"), made.pages


def docx(letter, settings=None, keyring=None, **options):
    """DOCX bytes in memory (``comments=False``: without the review comments)."""
    made = pipeline.make_outputs(letter, ["letter.docx"], settings, keyring, **options)
    return made.first("docx")
