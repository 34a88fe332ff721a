"""Open the client filling the screen on a profile at one view, in a language, for the README's
screenshots and the layout checks at 1366x768 and at 200% scaling:

    ../shared/tools/shot docs/screenshots/zh-customers.png --size 1366x768 -- \\
        .venv/bin/python docs/screenshots/shoot_languages.py PROFILE zh_CN customers
    QT_SCALE_FACTOR=2 ../shared/tools/shot /tmp/zh-200.png --size 2732x1536 -- \\
        .venv/bin/python docs/screenshots/shoot_languages.py PROFILE zh_CN customers

Languages: zh_CN, en. Views: those of the navigation (dashboard, leads, customers,
contacts, deals, board, activities, ...), customer360 (the first customer), search (the
Ctrl+K box), about, settings. With --report, prints the labels and buttons too narrow
for their text (ui/layout_check.py) after the view has loaded.
"""
from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from PySide6.QtCore import QTimer  # noqa: E402

from app.queries import customers, listing  # noqa: E402
from app.store import Store  # noqa: E402
from ui import i18n  # noqa: E402
from ui.app import application, open_window  # noqa: E402


def main(profile: str, language: str, view: str, *flags: str) -> int:
    app = application()
    i18n.install(app, language)
    store = Store.open(profile)
    window = open_window(store)
    # The whole screen (no window manager under Xvfb to maximise it).
    window.setGeometry(app.primaryScreen().availableGeometry())
    window.show()
    dialog = None
    if view == "customer360":
        with store.read() as s:
            first = listing.list_ids(s, customers.LIST, params=listing.filter_params(store.actor().id), limit=1)
        window.show_view("customers")
        QTimer.singleShot(300, lambda: window.open_record("customer", first[0]))
    elif view == "search":
        window.show_view("customers")
        QTimer.singleShot(500, lambda: (window.search.start(), window.search.box.setText("华为")))
    elif view in ("about", "settings"):
        window.show_view("dashboard")
        from ui.about import AboutDialog
        from ui.settings_dialog import SettingsDialog

        dialog = (AboutDialog if view == "about" else SettingsDialog)(window)
        QTimer.singleShot(500, dialog.show)
    else:
        window.show_view(view)
    if "--report" in flags:
        from ui.layout_check import problems

        def report():
            found = problems(dialog if dialog is not None else window)
            print("\n".join(found) or "no layout problems", flush=True)
        QTimer.singleShot(3000, report)
    return app.exec()


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:]))
