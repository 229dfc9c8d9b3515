"""Spelling marks in the body, suggestions in the context menu, the user's word list."""

from __future__ import annotations

from typing import Any

from uihelpers import type_text


def test_spelling_marks_and_add_to_word_list(qtbot: Any, window: Any, spell: Any) -> None:
    text = "การศึกษาของกาารศึกษ"
    spans = spell.misspelled(text)
    assert spans
    marked = [text[s: s + n] for s, n in spans]
    assert any("าร" in m or "ษ" in m for m in marked)
    type_text(window.form.lists["body"].editors[0], "สถ.จังหวัด")
    word = "ดลาดราฟเตอร์"
    assert spell.misspelled(word)
    window.form.add_word(word)
    assert spell.misspelled(word) == []
    assert word in spell.words_path.read_text(encoding="utf-8")


def test_one_letter_words_are_not_marked(spell: Any) -> None:
    for text in ("ประชุม ณ ห้องประชุมกรม", "ธ ทรงเป็นมิ่งขวัญ", "ฯพณฯ นายกรัฐมนตรี",
                 "เอกสาร ฯลฯ", "ประชุมณห้องประชุม"):
        assert spell.misspelled(text) == [], text


def _menu_at(window: Any, text: str, index: int) -> Any:
    """The body's context menu as a right-click at character ``index`` of ``text`` opens it."""
    editor = window.form.lists["body"].editors[0]
    type_text(editor, text)
    cursor = editor.textCursor()
    cursor.setPosition(index)
    pos = editor.cursorRect(cursor).center()
    cursor.clearSelection()
    editor.setTextCursor(cursor)
    return editor, window.form.paragraph_menu(editor, pos)


def test_spelling_suggestions_in_the_context_menu(qtbot: Any, window: Any, spell: Any) -> None:
    text = "โครงการพัฒนากาารศึกษา"
    start = text.index("กาาร")
    editor, menu = _menu_at(window, text, start + 3)
    actions = [a for a in menu.actions() if a.isVisible()]
    names = [a.objectName() for a in actions]
    suggestions = [a for a in actions if a.objectName() == "spellSuggestion"]
    assert suggestions and suggestions[0].text() == "การ"
    # one reading of the mistake: every suggestion replaces the same letters
    assert len({(g.start, g.end) for g in spell.suggestions(text, start + 3)}) == 1
    # suggestions first, then "add to word list", then Qt's edit commands
    assert names.index("spellSuggestion") < names.index("addWord") < names.index("edit-copy")
    suggestions[0].trigger()
    assert window.doc.letter.body[0] == "โครงการพัฒนาการศึกษา"
    assert spell.misspelled(window.doc.letter.body[0]) == []
    window.act_undo.trigger()
    assert window.doc.letter.body[0] == text
    menu.deleteLater()
    # over a word the dictionary knows: no suggestions and nothing to add
    _, menu = _menu_at(window, "", text.index("โครงการ") + 2)
    assert not [a for a in menu.actions() if a.objectName() in ("spellSuggestion", "addWord")]
    menu.deleteLater()


def test_the_loaded_dictionary_is_kept_out_of_garbage_collections(tmp_path: Any) -> None:
    """Once the spelling dictionary and the speller's counts are loaded, what the program
    holds is frozen (``ui/heap.py``): a full collection walking it took tens of ms, inside
    a keystroke. The dictionary itself is the line breaker's sorted list (no trie)."""
    import gc

    from dla_drafter.ui.letter.spell import SpellChecker

    before = gc.get_freeze_count()
    checker = SpellChecker(tmp_path / "words.txt")
    checker.load_now()
    assert checker.is_known("หนังสือ") and checker.is_known("ณ")
    assert gc.get_freeze_count() > before
    # what a full collection still walks: only what was made since
    assert len(gc.get_objects()) < 50_000


def test_a_loaded_dictionary_is_not_loaded_again(tmp_path: Any) -> None:
    """``start`` after ``load_now`` (the window's timer fires after a test or a benchmark
    loaded it) starts no second load: one was ~1 s of CPU taken from the keystrokes."""
    from dla_drafter.ui.letter.spell import SpellChecker

    checker = SpellChecker(tmp_path / "words.txt")
    checker.load_now()
    checker.start()
    assert checker._thread is None
