"""Keeping Python's garbage collector out of the clerk's keystrokes.

The spelling dictionary (PyThaiNLP's trie: a node and a dict per letter of 62,000 words) and
the speller's word counts are about half a million objects the collector would otherwise walk
in every full collection — 100–400 ms, landing inside whichever keystroke tripped it (measured
in ``benchmarks/gui_latency.py --review``: the three worst keys of sixty were full
collections). They live as long as the program, so once they are loaded the heap is frozen
(``gc.freeze``): what exists then is never walked again, and collections see only what typing
creates. Objects made later are collected as always.
"""

from __future__ import annotations

import gc


def settle() -> None:
    """Collect the young garbage, then freeze what is left: called once the long-lived data
    (the spelling dictionary) is loaded. Cheap (no full collection), safe to call again."""
    gc.collect(1)
    gc.freeze()
