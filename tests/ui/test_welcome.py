"""First run: work offline, or connect through an injected sign-in callable."""
from __future__ import annotations

from app.errors import DomainError
from tests.ui.conftest import settle


def test_choosing_offline_closes_the_welcome(qtbot):
    from ui.welcome import WelcomeDialog

    dialog = WelcomeDialog(None)
    qtbot.addWidget(dialog)
    dialog.show()
    assert not dialog.connect_button.isEnabled()
    with qtbot.waitSignal(dialog.sig_choice) as choice:
        dialog.offline_button.click()
    assert choice.args == ["offline"] and not dialog.isVisible()


def test_connect_signs_in_off_the_gui_thread_and_shows_a_refusal(store, ws, qtbot):
    import threading

    from ui.welcome import WelcomeDialog

    calls = []

    def connect(url, user, password):
        calls.append((url, user, password, threading.current_thread() is threading.main_thread()))
        if password != "right":
            raise DomainError("wrong user name or password")

    dialog = WelcomeDialog(connect, ops=ws.ops)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.url.setText("https://ltc.example")
    dialog.user.setText("rep1")
    dialog.password.setText("wrong")
    dialog.connect_button.click()
    settle(qtbot, ws)
    assert dialog.error.isVisible() and "wrong user name" in dialog.error.text()
    dialog.password.setText("right")
    with qtbot.waitSignal(dialog.sig_choice) as choice:
        dialog.connect_button.click()
    assert choice.args == ["connected"]
    assert [c[:3] for c in calls] == [("https://ltc.example", "rep1", "wrong"), ("https://ltc.example", "rep1", "right")]
    assert not any(c[3] for c in calls)
