"""Open the client at one of the cash screens, for screenshots, on a profile filled by
docs/screenshots/cash_profile.py (filled on first use):

    ../shared/tools/shot docs/screenshots/quote-editor.png -- .venv/bin/python docs/screenshots/shoot_cash.py PROFILE quote-editor

Views: quote-editor (as the rep); inbox, receivables, collections, order, invoice and
allocation (as finance); approvals (the manager's inbox); raci (as the administrator).
"""
from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from PySide6.QtCore import QTimer  # noqa: E402
from PySide6.QtWidgets import QDialog  # noqa: E402
from sqlalchemy import text  # noqa: E402

from app.store import Actor, Store  # noqa: E402
from ui.app import application, open_window  # noqa: E402

AS = {"quote-editor": "zhangwei", "inbox": "chenjing", "receivables": "chenjing", "order": "chenjing",
      "invoice": "chenjing", "allocation": "chenjing", "collections": "chenjing", "raci": "admin",
      "approvals": "wangjh"}


def act_as(store: Store, username: str) -> None:
    """Become the user `username` (or, for "admin", the profile's administrator)."""
    with store.read() as s:
        row = s.execute(text("SELECT id, username, role, display_name FROM users WHERE username = :u "
                             "OR (:u = 'admin' AND role = 'admin') ORDER BY created_at LIMIT 1"),
                        {"u": username}).mappings().one()
    store.set_actor(Actor(row["id"], row["username"], row["role"], row["display_name"]))


def main(profile: str, view: str) -> int:
    if not (Path(profile) / "ltc.sqlite").exists():
        from cash_profile import fill

        fill(profile)
    app = application()
    store = Store.open(profile)
    act_as(store, AS[view])
    window = open_window(store)
    window.resize(1440, 870)
    window.move(0, 0)
    window.show()
    if view == "quote-editor":
        window.show_view("quotes")
        with store.read() as s:
            quote_id = s.execute(text("SELECT id FROM quotes WHERE revision = 2 ORDER BY created_at LIMIT 1")).scalar()

        def open_quote():
            editor = window.quotes.edit(quote_id)
            # Without a window manager a dialog has no frame: let it fill the screen instead.
            editor.move(0, 0)
            editor.resize(1440, 900)

        QTimer.singleShot(600, open_quote)
    elif view == "inbox":
        window.show_view("inbox")
    elif view in ("order", "invoice", "allocation"):
        sql = {"order": "SELECT id FROM orders WHERE number = 'SO-2026-031'",
               "invoice": "SELECT id FROM invoices WHERE number IS NOT NULL ORDER BY total_minor DESC LIMIT 1",
               "allocation": "SELECT id FROM payments ORDER BY amount_minor DESC LIMIT 1"}[view]
        with store.read() as s:
            record_id = s.execute(text(sql)).scalar()
        entity = {"allocation": "payment"}.get(view, view)

        def open_it():
            window.open_record(entity, record_id)
            for dialog in window.findChildren(QDialog):
                if dialog.isVisible():
                    dialog.move(0, 0)
                    dialog.resize(1440, 900)

        QTimer.singleShot(600, open_it)
    elif view == "collections":
        window.show_view("invoices", "collections")
    elif view == "raci":
        window.show_view("responsibilities")
    elif view == "approvals":
        window.show_view("inbox")
    elif view == "receivables":
        window.show_view("invoices", "receivables")
        page = window.invoices.receivables
        page.sig_loaded.connect(lambda: page.customers_view.setCurrentIndex(page.customers.index(0, 0)))
    return app.exec()


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:]))
