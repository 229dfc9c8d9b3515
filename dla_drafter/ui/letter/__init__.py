"""The letter being written: its document and undo history, the form, the live preview,
the problems panel and the spelling marks. Knows nothing of the other groups."""
