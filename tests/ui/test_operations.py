"""Background reads finish in any order (they run in parallel). A screen that asks again
before the last answer came back gets the newest answer only: an older, slower one never
lands on top of it. The dictionary editor shows it with a real profile."""
from __future__ import annotations

import threading

from tests.ui.conftest import settle


def test_a_newer_read_under_the_same_key_drops_the_older_answer(ws, qtbot):
    release = threading.Event()
    got = []

    def slow(_session):
        release.wait(10)
        return "old"

    def fast(_session):
        return "new"

    key = (ws, "rows")
    ws.ops.query(slow, on_done=got.append, latest=key)
    ws.ops.query(fast, on_done=got.append, latest=key)
    qtbot.waitUntil(lambda: got == ["new"], timeout=5000)
    release.set()
    settle(qtbot, ws)
    assert got == ["new"]  # the slow, older answer arrived after and was dropped
    # Other keys, and reads without one, are independent.
    ws.ops.query(fast, on_done=got.append, latest=(ws, "other"))
    ws.ops.query(fast, on_done=got.append)
    settle(qtbot, ws)
    assert got == ["new", "new", "new"]


def test_without_a_key_the_slower_older_answer_would_win(ws, qtbot):
    """What the key prevents: the same two reads unkeyed deliver in finishing order."""
    release = threading.Event()
    got = []

    def slow(_session):
        release.wait(10)
        return "old"

    ws.ops.query(slow, on_done=got.append)
    ws.ops.query(lambda _s: "new", on_done=got.append)
    qtbot.waitUntil(lambda: got == ["new"], timeout=5000)
    release.set()
    settle(qtbot, ws)
    assert got == ["new", "old"]


def test_switching_vocabularies_quickly_shows_the_last_one_chosen(ws, qtbot, monkeypatch):
    """The entries of the first vocabulary are slow to read; the person has already
    picked another one: the editor ends on the one picked last."""
    from app.queries import vocabularies
    from ui.admin.dictionary_editor import DictionaryEditor

    real = vocabularies.entries
    release = threading.Event()

    def entries(session, vocabulary):
        if vocabulary == "industry":
            release.wait(10)
        return real(session, vocabulary)

    monkeypatch.setattr(vocabularies, "entries", entries)
    editor = DictionaryEditor(ws)
    qtbot.addWidget(editor)
    editor.show()
    editor.refresh()
    qtbot.waitUntil(lambda: editor.vocabularies.count() > 0, timeout=10000)
    editor.select_vocabulary("industry")
    editor.select_vocabulary("lead_source")
    qtbot.waitUntil(lambda: bool(editor.rows) and editor.rows[0]["vocabulary"] == "lead_source", timeout=10000)
    release.set()
    settle(qtbot, ws)
    assert editor.vocabulary() == "lead_source" and {r["vocabulary"] for r in editor.rows} == {"lead_source"}
