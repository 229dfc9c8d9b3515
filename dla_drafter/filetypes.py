"""The draft file's name: the one home of its extensions.

A draft saved by this version is ``NAME.dladraft``. Windows takes only the text after the
*last* dot as a file's type, so the earlier ``NAME.dladraft.json`` was a ``.json`` file to
Explorer, which no installer can associate with the program without taking ``.json`` from the
clerk's editor; ``.dladraft`` is the program's own type, opened by a double-click. The content
is the same JSON (format ``dla-drafter/letter@1``), and both extensions open everywhere: the
command line, File → Open, recovery and merge.

Names are compared without regard to case, as Windows' file system does (``LETTER.DLADRAFT``).
"""

from __future__ import annotations

from pathlib import PurePath

DRAFT_SUFFIX = ".dladraft"
"""What this version saves: the program's own file type."""
LEGACY_DRAFT_SUFFIX = ".dladraft.json"
"""What earlier versions saved; still opened, never written for a new file."""
DRAFT_SUFFIXES = (DRAFT_SUFFIX, LEGACY_DRAFT_SUFFIX)
PROG_ID = "DLADrafter.Draft"
"""Windows' name of the file type (the installer registers it)."""


def draft_suffix_of(name: str | PurePath) -> str | None:
    """The draft extension ``name`` ends in, as written in the name; None if it has none."""
    text = name.name if isinstance(name, PurePath) else str(name)
    folded = text.casefold()
    for suffix in (LEGACY_DRAFT_SUFFIX, DRAFT_SUFFIX):  # the longer first
        if folded.endswith(suffix) and len(text) > len(suffix):
            return text[-len(suffix):]
    return None


def is_draft_name(name: str | PurePath) -> bool:
    """True for ``x.dladraft`` and ``x.dladraft.json`` (any case)."""
    return draft_suffix_of(name) is not None


def draft_stem(name: str | PurePath) -> str:
    """The name without its draft extension (``หนังสือ.dladraft`` → ``หนังสือ``); any other name
    loses its last suffix only, as ``Path.stem``."""
    text = name.name if isinstance(name, PurePath) else str(name)
    suffix = draft_suffix_of(text)
    return text[: -len(suffix)] if suffix else PurePath(text).stem


def with_draft_suffix(name: str) -> str:
    """``name`` as a draft file name: unchanged when it already is one (either extension, or a
    plain ``.json`` the clerk typed on purpose), else with ``.dladraft`` added."""
    if is_draft_name(name) or name.casefold().endswith(".json"):
        return name
    return name + DRAFT_SUFFIX


def dialog_patterns(*, include_json: bool = True) -> str:
    """The patterns of a file dialog's filter: ``*.dladraft *.dladraft.json [*.json]``."""
    patterns = [f"*{s}" for s in DRAFT_SUFFIXES]
    if include_json:
        patterns.append("*.json")
    return " ".join(patterns)
