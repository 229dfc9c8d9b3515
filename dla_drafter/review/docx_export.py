"""The open comments of a draft as Word comments, for the DOCX export (no Qt).

Each open comment is anchored on the characters that print its quote (found through
:func:`~.docx_fields.field_spans`, so the Thai digits of the printout do not matter). A
comment whose quote is no longer in its field (the clerk changed the words) is anchored on
the whole field, with :data:`OUTDATED_NOTE` as its last line. Resolved comments are not
exported. A comment on a field that does not print (``number.code``, ``date.day`` …) has no
characters to hang on and is left out; :func:`word_comments` returns those too.

Replies become Word's own threaded replies (Word 2013 and later show them under the comment;
a reader that knows no threads shows them as further comments on the same words).
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from dla_drafter.model.letter import Letter
from dla_drafter.render.docx_comments import WordComment, WordReply

from .actions import locate_comment, record_of
from .diff import field_texts
from .docx_fields import field_spans
from .integrity import letter_snapshot
from .record import Comment

OUTDATED_NOTE = "(ข้อความที่อ้างถึงถูกแก้ไขแล้ว)"


# Titles written before a Thai name (longest first): not part of the initials.
NAME_TITLES = ("ว่าที่ร้อยตรี", "นางสาว", "น.ส.", "ดร.", "นาง", "นาย")


def initials_of(name: str) -> str:
    """Word shows a comment's initials in its margin: the first letter of the given name
    and the surname, after a title (``นางสาวศรีสุดา ใจดี`` → ``ศจ``); a Thai leading vowel is
    skipped (``เกศินี`` → ``ก``)."""
    name = name.strip()
    for title in NAME_TITLES:
        if name.startswith(title) and name[len(title):].strip():
            name = name[len(title):].strip()
            break
    letters = []
    for word in name.split()[:2]:
        letter = next((ch for ch in word if ch not in "เแโใไ"), word[0])
        letters.append(letter)
    return "".join(letters)


def parse_time(text: str) -> datetime | None:
    """A record's ISO 8601 time, or None when it is not one (Word then gets no date)."""
    try:
        return datetime.fromisoformat(text) if text else None
    except ValueError:
        return None


def word_comments(
    letter: Letter, paragraphs: Sequence[str]
) -> tuple[list[WordComment], list[Comment]]:
    """The open comments placed in a document whose body paragraphs read ``paragraphs``, and
    the open comments that could not be placed (their field does not print)."""
    if all(comment.resolved for comment in record_of(letter).comments):
        return [], []  # nothing to place: the printed fields need not be found (issue 15)
    placed, unplaced = placed_comments(letter, paragraphs)
    return [word for _, word in placed], unplaced


def placed_comments(
    letter: Letter, paragraphs: Sequence[str], *, resolved: bool = False
) -> tuple[list[tuple[Comment, WordComment]], list[Comment]]:
    """Each open comment (with ``resolved``, every comment) with the Word comment the export
    makes of it, and those that cannot be placed. The Word import uses the pairs to know a
    comment that comes back from the export, wherever it hangs (on its quote, or on the whole
    field when its quote is "" or was edited away)."""
    spans = field_spans(letter, paragraphs)
    texts = field_texts(letter_snapshot(letter))
    placed: list[tuple[Comment, WordComment]] = []
    unplaced: list[Comment] = []
    for comment in record_of(letter).comments:
        if comment.resolved and not resolved:
            continue
        span = spans.get(comment.field)
        if span is None:
            unplaced.append(comment)
            continue
        text = comment.text
        where = locate_comment(letter, comment, texts)
        if where is None:
            start, end = span.start, span.end
            text = f"{text}\n{OUTDATED_NOTE}"
        else:
            to_printed = span.field.to_printed
            start = span.start + to_printed[where[0]]
            end = span.start + to_printed[where[1]]
            if start >= end:  # a quote of only spaces or invisible characters
                start, end = span.start, span.end
        placed.append((comment, WordComment(
            span.paragraph, start, end, text, comment.author, initials_of(comment.author),
            parse_time(comment.at),
            tuple(WordReply(r.text, r.author, initials_of(r.author), parse_time(r.at))
                  for r in comment.replies))))
    return placed, unplaced
