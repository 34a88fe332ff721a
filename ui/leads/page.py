"""The leads list with the lead flow: qualify, disqualify with a reason, convert."""
from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QInputDialog, QLineEdit

from app.queries import leads as lead_queries
from app.services import leads as lead_services
from ui.leads.convert_dialog import ConvertDialog
from ui.leads.editor import lead_editor
from ui.records.page import ListPage


class LeadsPage(ListPage):
    sig_open = Signal(str, str)

    def __init__(self, workspace, parent=None):
        super().__init__(workspace, lead_queries.LIST, self.tr("Leads"), parent)
        self.add_button(self.tr("New lead"), self.new_lead)
        self.add_button(self.tr("Qualify"), self.qualify, needs_selection=True)
        self.add_button(self.tr("Disqualify…"), self.disqualify, needs_selection=True)
        self.add_button(self.tr("Convert…"), self.convert, needs_selection=True)
        self.list.sig_open.connect(self.edit)

    def new_lead(self):
        dialog = lead_editor(self.ws, self)
        dialog.open()
        return dialog

    def edit(self, lead_id: str) -> None:
        self.ws.ops.query(lead_queries.lead, lead_id, on_done=lambda r: r and lead_editor(self.ws, self, r).open())

    def qualify(self) -> None:
        for lead_id in self.list.selected_ids():
            self.ws.ops.service(lead_services.qualify, lead_id)

    def disqualify(self) -> None:
        ids = self.list.selected_ids()
        if not ids:
            return
        reason, ok = QInputDialog.getText(self, self.tr("Disqualify"), self.tr("Why is this lead disqualified?"),
                                          QLineEdit.EchoMode.Normal, "")
        if ok and reason.strip():
            for lead_id in ids:
                self.ws.ops.service(lead_services.disqualify, lead_id, reason.strip())

    def convert(self) -> None:
        lead_id = self.list.current_id() or next(iter(self.list.selected_ids()), None)
        if lead_id:
            self.ws.ops.query(lead_queries.conversion_candidates, lead_id, on_done=self._show_convert)

    def _show_convert(self, found: dict):
        if not found["lead"]:
            return None
        dialog = ConvertDialog(self.ws, found["lead"], found["matches"], self)
        dialog.sig_converted.connect(lambda r: self.sig_open.emit("customer", r["customer"]["id"]))
        dialog.open()
        self.convert_dialog = dialog
        return dialog
