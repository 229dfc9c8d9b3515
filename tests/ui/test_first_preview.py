"""The first preview of an opened draft is not held back (issue 13 item 12).

Measured by ``benchmarks/first_preview.py`` (open → painted, target ≤ 1 s). What made it slow
was work competing with the first typesetting: the engine loading only once the draft was
open, and the spell checker's dictionary (more CPU than the typesetting) loading at the same
moment. These tests pin the two causes down without timing anything.
"""

from __future__ import annotations

import sys
from typing import Any

import pytest


def test_warm_up_loads_the_engine_in_a_background_thread() -> None:
    from dla_drafter.text import wordbreak
    from dla_drafter.ui import warm_up

    thread = warm_up.start()
    assert thread.daemon and thread.name == "engine-warm-up"
    assert warm_up.start() is thread  # once per process
    thread.join(timeout=60)
    assert not thread.is_alive()
    assert "dla_drafter.pipeline" in sys.modules
    assert "dla_drafter.render.painter" in sys.modules
    assert wordbreak._DEFAULT is not None


@pytest.mark.parametrize(("argv", "expected"), [
    (["letter.dladraft.json"], ["warm-up", "window"]),  # a draft opened: its preview at once
    ([], ["window"]),  # a new letter: the window first, its own preview loads the engine
])
def test_main_warms_the_engine_up_before_the_window_when_a_draft_is_given(
        monkeypatch: pytest.MonkeyPatch, argv: list[str], expected: list[str]) -> None:
    from dla_drafter.ui import app, warm_up

    order: list[str] = []

    class Stop(Exception):
        pass

    def window(*_a: Any, **_k: Any) -> None:
        order.append("window")
        raise Stop

    monkeypatch.setattr(warm_up, "start", lambda: order.append("warm-up"))
    monkeypatch.setattr(app, "MainWindow", window)
    with pytest.raises(Stop):
        app.main(argv)
    assert order == expected


def test_spell_dictionary_waits_for_the_first_preview(
        make_window: Any, qtbot: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    """Before: the dictionary started loading as soon as the window's event loop ran."""
    from dla_drafter.ui import main_window
    from dla_drafter.ui.letter.preview import Typesetter, typeset
    from dla_drafter.ui.letter.spell import SpellChecker

    monkeypatch.setattr(main_window, "SPELL_FALLBACK_MS", 60_000)
    started: list[str] = []
    monkeypatch.setattr(SpellChecker, "start", lambda self: started.append("start"))
    # no pages yet: the typesetter is never asked
    monkeypatch.setattr(Typesetter, "request", lambda self, *a, **k: None)
    window = make_window()
    qtbot.wait(400)
    assert started == []
    pages = typeset(window.doc.snapshot(), None)
    window.preview.pages_changed.emit(pages)
    qtbot.waitUntil(lambda: started == ["start"], timeout=3000)
    window.preview.pages_changed.emit(pages)  # later previews do not start it again
    qtbot.wait(main_window.SPELL_AFTER_PAGES_MS + 100)
    assert started == ["start"]


def test_spell_dictionary_loads_even_when_no_preview_comes(
        make_window: Any, qtbot: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    from dla_drafter.ui import main_window
    from dla_drafter.ui.letter.preview import Typesetter
    from dla_drafter.ui.letter.spell import SpellChecker

    monkeypatch.setattr(main_window, "SPELL_FALLBACK_MS", 200)
    started: list[str] = []
    monkeypatch.setattr(SpellChecker, "start", lambda self: started.append("start"))
    monkeypatch.setattr(Typesetter, "request", lambda self, *a, **k: None)
    make_window()
    qtbot.waitUntil(lambda: started == ["start"], timeout=3000)


def test_spell_dictionary_loads_when_the_first_preview_fails(
        make_window: Any, qtbot: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    from dla_drafter.ui import main_window
    from dla_drafter.ui.letter.preview import Typesetter
    from dla_drafter.ui.letter.spell import SpellChecker

    monkeypatch.setattr(main_window, "SPELL_FALLBACK_MS", 60_000)
    started: list[str] = []
    monkeypatch.setattr(SpellChecker, "start", lambda self: started.append("start"))
    monkeypatch.setattr(Typesetter, "request", lambda self, *a, **k: None)
    window = make_window()
    window.preview.typesetter.failed.emit("RuntimeError: no fonts", 1)
    qtbot.waitUntil(lambda: started == ["start"], timeout=3000)
