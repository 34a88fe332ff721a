"""The contacts list across customers."""
from __future__ import annotations

from PySide6.QtCore import Signal

from app.queries import contacts as contact_queries
from ui.customers.editor import contact_editor
from ui.records.page import ListPage


class ContactsPage(ListPage):
    sig_open = Signal(str, str)

    def __init__(self, workspace, parent=None):
        super().__init__(workspace, contact_queries.LIST, self.tr("Contacts"), parent)
        self.add_button(self.tr("New contact"), self.new_contact)
        self.list.sig_open.connect(self.edit)

    def new_contact(self):
        dialog = contact_editor(self.ws, self)
        dialog.open()
        return dialog

    def edit(self, contact_id: str) -> None:
        self.ws.ops.query(contact_queries.contact, contact_id,
                          on_done=lambda r: r and contact_editor(self.ws, self, r).open())
