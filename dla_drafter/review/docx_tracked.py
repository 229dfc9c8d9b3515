"""Suggestions ↔ Word tracked changes: the open suggestions into the DOCX export, and a
DOCX's tracked changes (or its plain edits) back into suggestions (no Qt).

Export (:func:`word_changes`): each open suggestion is placed on the characters that print
its old words (:func:`~.docx_fields.field_spans`, the mapping the Word comments use), its new
words printed as the letter prints text (digits, no invisible characters). The DOCX prints
the letter *without* the suggestions applied; the tracked change shows the suggested edit.
An outdated suggestion, or one on a field that does not print, is not written (it is listed
for the caller).

Import (:func:`suggestions_from_docx`): Word's tracked changes — the supervisor edited with
Track Changes on — each become a suggestion on the field that printed the characters it
changes (author and date from Word); a DOCX edited *without* Track Changes is compared, field
by field, with the draft it carries (:func:`~.docx_edits.docx_field_edits`), and each changed
stretch of words is a suggestion by ``author``. Importing the same file again adds nothing:
a suggestion already in the record that makes the same edit at the same place, in any state,
is not added twice.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from dla_drafter.model.letter import Letter
from dla_drafter.render.docx_tracked import TrackedChange, TrackedParagraph
from dla_drafter.render.docx_writer import clean_text
from dla_drafter.text.digits import apply_digits

from .docx_export import parse_time
from .docx_fields import field_spans
from .suggestions import Suggestion, locate, open_suggestions


def _printed(text: str, digits: str) -> str:
    cleaned = clean_text(text)
    try:
        return apply_digits(cleaned, digits)
    except ValueError:
        return cleaned


def word_changes(letter: Letter, paragraphs: Sequence[str]
                 ) -> tuple[list[TrackedChange], list[Suggestion]]:
    """The open suggestions placed in a document whose logical body paragraphs read
    ``paragraphs``, as tracked changes, and the open ones that could not be placed
    (outdated, or on a field that does not print)."""
    suggestions = open_suggestions(letter)
    if not suggestions:
        return [], []
    spans = field_spans(letter, paragraphs)
    placed: list[TrackedChange] = []
    unplaced: list[Suggestion] = []
    for suggestion in suggestions:
        span = spans.get(suggestion.field)
        where = locate(span.field.raw, suggestion) if span is not None else None
        if span is None or where is None:
            unplaced.append(suggestion)
            continue
        to_printed = span.field.to_printed
        start = span.start + to_printed[where[0]]
        end = span.start + to_printed[where[1]]
        new = _printed(suggestion.new, letter.digits)
        if start == end and not new:
            unplaced.append(suggestion)  # only invisible characters change: nothing shows
            continue
        placed.append(TrackedChange(span.paragraph, start, end, new, suggestion.author,
                                    parse_time(suggestion.at)))
    return placed, unplaced


@dataclass
class SuggestionImport:
    """What an import found: the ids added, how many were there already, and the changes
    that could not be tied to a field (with the paragraph text around them)."""

    added: list[str] = field(default_factory=list)
    known: int = 0
    unplaced: list[str] = field(default_factory=list)


__all__ = ["SuggestionImport", "TrackedParagraph", "word_changes"]
