"""Keeping Python's garbage collector out of the clerk's keystrokes.

A running window holds tens of thousands of objects that live as long as it — modules, Qt
wrappers, the speller's word counts (50,000 tracked objects measured after the spelling
dictionary is loaded); each full collection walks them all (~26 ms, and 100–400 ms while the
spelling dictionary was PyThaiNLP's trie of half a million nodes), landing inside whichever
keystroke tripped it. Once they are loaded the heap is frozen (``gc.freeze``): what exists
then is never walked again, and collections see only what typing creates. Objects made later
are collected as always.
"""

from __future__ import annotations

import gc


def settle() -> None:
    """Collect the young garbage, then freeze what is left: called once the long-lived data
    (the spelling dictionary) is loaded. Cheap (no full collection), safe to call again."""
    gc.collect(1)
    gc.freeze()
