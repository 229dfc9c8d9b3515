"""A text box's extra selections come from several painters at once: the merge fields'
background (``ui/merge/fields.py``) and the review's comment and change marks
(``ui/review/marks.py``). ``QTextEdit.setExtraSelections`` replaces the whole list, so each
painter that called it wiped the other's marks. Each painter owns a named layer here instead,
and the box shows all layers together, in the order of their names (the field background
under the review marks)."""

from __future__ import annotations

import weakref
from collections.abc import Iterable
from typing import Any

from PySide6.QtGui import QTextCharFormat, QTextCursor
from PySide6.QtWidgets import QTextEdit, QWidget

_LAYERS: weakref.WeakKeyDictionary[QWidget, dict[str, list[Any]]] = weakref.WeakKeyDictionary()


def set_layer(widget: QWidget, name: str, selections: Iterable[Any]) -> None:
    """Replace ``widget``'s selections of layer ``name``; the other layers stay."""
    layers = _LAYERS.setdefault(widget, {})
    selections = list(selections)
    if not selections and not layers.get(name):
        return  # nothing was there and nothing comes: leave the box alone
    layers[name] = selections
    widget.setExtraSelections([s for key in sorted(layers) for s in layers[key]])


def span_selection(widget: Any, start: int, end: int, fmt: QTextCharFormat) -> Any:
    """An extra selection painting characters ``start:end`` of ``widget``'s text with ``fmt``
    (positions past the end are clamped: the text may have changed since they were found)."""
    selection = QTextEdit.ExtraSelection()
    cursor = QTextCursor(widget.document())
    length = max(0, widget.document().characterCount() - 1)
    cursor.setPosition(min(start, length))
    cursor.setPosition(min(end, length), QTextCursor.MoveMode.KeepAnchor)
    selection.cursor = cursor
    selection.format = fmt
    return selection
