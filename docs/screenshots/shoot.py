"""Open the client on a profile at one view, for screenshots:

    ../shared/tools/shot docs/screenshots/board.png -- .venv/bin/python docs/screenshots/shoot.py PROFILE board

Views: dashboard, customers, customer360 (a customer id, or the first by name), board, leads,
activities, search (the Ctrl+K box with a query).
"""
from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from PySide6.QtCore import QTimer  # noqa: E402

from app.queries import customers, listing  # noqa: E402
from app.store import Store  # noqa: E402
from ui.app import application, open_window  # noqa: E402


def main(profile: str, view: str, query: str = "") -> int:
    app = application()
    store = Store.open(profile)
    window = open_window(store)
    window.resize(1440, 870)
    window.move(0, 0)
    window.show()
    if view == "customer360":
        with store.read() as s:
            first = [query] if query else listing.list_ids(
                s, customers.LIST, params=listing.filter_params(store.actor().id), limit=1)
        window.show_view("customers")
        QTimer.singleShot(300, lambda: window.open_record("customer", first[0]))
    elif view == "search":
        window.show_view("customers")
        QTimer.singleShot(500, lambda: (window.search.start(), window.search.move(380, 120),
                                        window.search.box.setText(query or "华为")))
    else:
        window.show_view(view)
    return app.exec()


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:]))
