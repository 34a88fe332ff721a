"""Activities and tasks: the list, logging, tasks with due dates (overdue in red)."""
from __future__ import annotations

from app.queries import activities as activity_queries
from app.services import activities as activity_services
from ui.activities.log_dialog import log_activity_dialog, task_dialog
from ui.records.page import ListPage


class ActivitiesPage(ListPage):
    def __init__(self, workspace, parent=None):
        super().__init__(workspace, activity_queries.LIST, self.tr("Activities and tasks"), parent)
        self.add_button(self.tr("Log activity"), self.log)
        self.add_button(self.tr("New task"), self.new_task)
        self.add_button(self.tr("Mark done"), self.mark_done, needs_selection=True)
        self.list.sig_open.connect(self.edit)

    def log(self):
        dialog = log_activity_dialog(self.ws, self)
        dialog.open()
        return dialog

    def new_task(self):
        dialog = task_dialog(self.ws, self)
        dialog.open()
        return dialog

    def mark_done(self) -> None:
        for activity_id in self.list.selected_ids():
            self.ws.ops.service(activity_services.complete, activity_id)

    def edit(self, activity_id: str) -> None:
        def show(record):
            if record and record["kind"] == "task":
                task_dialog(self.ws, self, record=record).open()

        self.ws.ops.query(activity_queries.activity, activity_id, on_done=show)
