"""The admin's conflict queue: open conflicts with filters (kind, entity, user, device,
age) and counts per kind; the selected conflict opens in the view for its kind; many
can be decided at once with one rule; decided ones are kept in a history tab with who
decided what and when. Everything goes through the server's conflict API; a decision
is a new version every client pulls."""
from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView, QComboBox, QHBoxLayout, QLabel, QLineEdit, QPushButton, QSplitter, QTableView, QTabWidget,
    QVBoxLayout, QWidget,
)

from app.queries import sync_problems
from sync import admin as sync_admin
from sync import admin_conflicts
from sync.protocol import CONFLICT_KINDS
from ui import formatting, remote
from ui.conflicts.bulk import BulkDialog
from ui.conflicts.delete_view import DeleteConflictView
from ui.conflicts.field_view import FieldConflictView
from ui.conflicts.merge_view import MergeView
from ui.conflicts.orphan_view import OrphanConflictView
from ui.conflicts.wording import entity_name, field_name, kind_name, ref_pairs, resolution_text
from ui.records.dict_model import DictTableModel

# A queue of thousands is worked with the filters: the list holds the oldest open ones
# (they have waited longest) and the history the latest decisions.
OPEN_SHOWN = 1000
HISTORY_SHOWN = 200

AGES = ((None, QT_TRANSLATE_NOOP("ConflictQueue", "Any age")),
        (1, QT_TRANSLATE_NOOP("ConflictQueue", "Older than an hour")),
        (24, QT_TRANSLATE_NOOP("ConflictQueue", "Older than a day")),
        (24 * 7, QT_TRANSLATE_NOOP("ConflictQueue", "Older than a week")))


def table(model, parent) -> QTableView:
    view = QTableView(parent)
    view.setModel(model)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setAlternatingRowColors(True)
    view.verticalHeader().hide()
    view.horizontalHeader().setStretchLastSection(True)
    return view


class ConflictQueue(QWidget):
    """`sig_loaded()` after each refresh has its rows; `sig_resolved(conflict_id)` after a
    decision the server accepted; `sig_open(entity, id)` to show a record."""

    sig_loaded = Signal()
    sig_resolved = Signal(str)
    sig_open = Signal(str, str)

    def __init__(self, workspace, parent=None):
        super().__init__(parent)
        self.ws = workspace
        self.conflicts: list[dict] = []
        self.resolved: list[dict] = []
        self.labels: dict[tuple[str, str], str] = {}
        self.detail_view: QWidget | None = None
        self._pending = 0
        self._counts_text = ""
        self._notes: dict[str, str] = {}
        self._latest = remote.Latest()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        head = QHBoxLayout()
        self.counts_label = QLabel(self)
        self.counts_label.setObjectName("counts")
        self.counts_label.setWordWrap(True)
        head.addWidget(self.counts_label, 1)
        self.bulk_button = QPushButton(self.tr("Decide selected…"), self)
        self.bulk_button.setObjectName("bulk")
        self.bulk_button.clicked.connect(self.open_bulk)
        self.scan_button = QPushButton(self.tr("Scan for duplicates"), self)
        self.scan_button.setObjectName("scan")
        self.scan_button.setToolTip(self.tr("Look on the server for likely duplicate customers, contacts and leads "
                                            "and put each new pair in this queue."))
        self.scan_button.clicked.connect(self.scan)
        refresh = QPushButton(self.tr("Refresh"), self)
        refresh.clicked.connect(self.refresh)
        for w in (self.bulk_button, self.scan_button, refresh):
            head.addWidget(w)
        layout.addLayout(head)

        filters = QHBoxLayout()
        self.kind = QComboBox(self)
        self.kind.setObjectName("kind_filter")
        self.kind.addItem(self.tr("All kinds"), "")
        for kind in CONFLICT_KINDS:
            self.kind.addItem(kind_name(kind), kind)
        self.entity = QComboBox(self)
        self.entity.addItem(self.tr("All records"), "")
        for entity in ("customer", "contact", "lead", "deal", "activity", "quote", "order", "invoice", "payment"):
            self.entity.addItem(entity_name(entity), entity)
        self.user = QComboBox(self)
        self.user.addItem(self.tr("Everyone"), "")
        self.device = QLineEdit(self)
        self.device.setPlaceholderText(self.tr("Device name"))
        self.device.setClearButtonEnabled(True)
        self.device.setMaximumWidth(180)
        self.age = QComboBox(self)
        for hours, text in AGES:
            self.age.addItem(QCoreApplication.translate("ConflictQueue", text), hours)
        for w in (self.kind, self.entity, self.user, self.age):
            w.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            w.setMinimumContentsLength(8)
        for w in (self.kind, self.entity, self.user, self.device, self.age):
            filters.addWidget(w)
        filters.addStretch(1)
        layout.addLayout(filters)
        for combo in (self.kind, self.entity, self.user, self.age):
            combo.currentIndexChanged.connect(lambda _i: self.refresh())
        self.device.editingFinished.connect(self.refresh)

        self.tabs = QTabWidget(self)
        layout.addWidget(self.tabs, 1)
        open_tab = QSplitter(Qt.Orientation.Vertical, self)
        self.model = DictTableModel([
            ("kind", self.tr("Kind"), lambda r: kind_name(r["kind"])),
            ("record", self.tr("Record"), self._record_text),
            ("about", self.tr("About"), self._about_text),
            ("user", self.tr("Raised by"), lambda r: r.get("user") or ""),
            ("device", self.tr("Device"), lambda r: r.get("device_name") or ""),
            ("created_at", self.tr("When"), lambda r: formatting.local_datetime(r.get("created_at"))),
        ], self)
        self.view = table(self.model, self)
        self.view.setObjectName("queue")
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.view.selectionModel().currentRowChanged.connect(lambda current, _p: self._selected(current.row()))
        open_tab.addWidget(self.view)
        self.detail = QWidget(self)
        self.detail_layout = QVBoxLayout(self.detail)
        self.detail_layout.setContentsMargins(0, 4, 0, 0)
        self.placeholder = QLabel(self.tr("Select a conflict to decide it."), self.detail)
        self.placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.detail_layout.addWidget(self.placeholder)
        open_tab.addWidget(self.detail)
        open_tab.setStretchFactor(0, 2)
        open_tab.setStretchFactor(1, 5)
        open_tab.setSizes([200, 520])  # the decision needs the room
        self.tabs.addTab(open_tab, self.tr("Open"))
        self.history_model = DictTableModel([
            ("kind", self.tr("Kind"), lambda r: kind_name(r["kind"])),
            ("record", self.tr("Record"), self._record_text),
            ("decision", self.tr("Decision"), resolution_text),
            ("resolved_by", self.tr("Decided by"), lambda r: self.labels.get(("user", r.get("resolved_by")), "")),
            ("resolved_at", self.tr("When"), lambda r: formatting.local_datetime(r.get("resolved_at"))),
            ("note", self.tr("Note"), lambda r: r.get("note") or ""),
            ("user", self.tr("Raised by"), lambda r: r.get("user") or ""),
        ], self)
        self.history_view = table(self.history_model, self)
        self.history_view.setObjectName("history")
        self.tabs.addTab(self.history_view, self.tr("History"))
        self.status = QLabel(self)
        self.status.setObjectName("status")
        self.status.setWordWrap(True)
        layout.addWidget(self.status)
        workspace.ops.query(sync_problems.users, on_done=self._users_arrived)

    # -- loading --------------------------------------------------------------------
    def filters(self) -> dict:
        return {"kind": self.kind.currentData() or None, "entity": self.entity.currentData() or None,
                "user": self.user.currentData() or None, "device": self.device.text().strip() or None,
                "min_age_hours": self.age.currentData()}

    def refresh(self) -> None:
        """Fetch the counts, the open conflicts (filtered) and the decided ones. A refresh
        started while another is on its way replaces it: the older answers are dropped."""
        self._pending = 3
        self._notes = {}
        filters = self.filters()
        current = self._latest.start()
        remote.call(self.ws, admin_conflicts.conflict_counts, on_done=current(self._counts_arrived),
                    on_error=current(self._failed), owner=self)
        remote.call(self.ws, admin_conflicts.list_conflicts, "open", **filters, limit=OPEN_SHOWN,
                    on_done=current(lambda rows: self._rows_arrived("open", rows, current)),
                    on_error=current(self._failed), owner=self)
        remote.call(self.ws, admin_conflicts.list_conflicts, "resolved", **filters, limit=HISTORY_SHOWN,
                    newest_first=True,
                    on_done=current(lambda rows: self._rows_arrived("resolved", rows, current)),
                    on_error=current(self._failed), owner=self)

    def _users_arrived(self, users: list[tuple[str, str]]) -> None:
        for user_id, username in users:
            self.labels[("user", user_id)] = username
            if self.user.findData(username) < 0:
                self.user.addItem(username, username)

    def _counts_arrived(self, counts: dict) -> None:
        parts = [f"{kind_name(k)} {n}" for k, n in counts["by_kind"].items()]
        self._counts_text = self.tr("%n open conflict(s)", "", counts["total"]) + " — " + " · ".join(parts)
        for i in range(1, self.kind.count()):
            kind = self.kind.itemData(i)
            self.kind.setItemText(i, f"{kind_name(kind)} ({counts['by_kind'].get(kind, 0)})")
        self._step()

    def _rows_arrived(self, status: str, rows: list[dict], current) -> None:
        pairs = [(c["entity"], c["record_id"]) for c in rows]
        pairs += [(c["entity"], cand["id"]) for c in rows for cand in c.get("candidates") or []]
        pairs += [(c["details"]["parent_entity"], c["details"]["parent_id"]) for c in rows
                  if c["kind"] == "orphan" and c.get("details", {}).get("parent_id")]
        pairs += [p for c in rows for p in ref_pairs(c["entity"], {
            f: [v for v in sides.values() if v] for f, sides in (c.get("fields") or {}).items()})]
        self.ws.ops.query(sync_problems.labels, pairs,
                          on_done=remote.guarded(self, current(lambda labels: self._labelled(status, rows, labels))))

    def _labelled(self, status: str, rows: list[dict], labels: dict) -> None:
        self.labels.update(labels)
        if status == "open" and len(rows) >= OPEN_SHOWN:
            self._notes["open"] = self.tr("Showing the %n oldest open conflict(s); narrow the list with the "
                                          "filters to reach the others.", "", len(rows))
        if status == "resolved" and len(rows) >= HISTORY_SHOWN:
            self._notes["resolved"] = self.tr("The history shows the latest %n decision(s).", "", len(rows))
        if status == "resolved":
            self.resolved = sorted(rows, key=lambda c: c.get("resolved_at") or "", reverse=True)
            self.history_model.set_rows(self.resolved)
        else:
            current = self._current_id()
            self.conflicts = rows
            self.model.set_rows(rows)
            ids = [c["id"] for c in rows]
            self.view.resizeColumnsToContents()
            if rows:
                self.view.selectRow(ids.index(current) if current in ids else 0)
            else:
                self._show_detail(None)
        self._step()

    def _step(self) -> None:
        self._pending -= 1
        if self._pending <= 0:
            # A list cut short says so beside the counts.
            self.counts_label.setText(" ".join([self._counts_text, *self._notes.values()]).strip())
            self.sig_loaded.emit()

    def _failed(self, exc) -> None:
        self.status.setText(exc.message)
        self._step()

    def _current_id(self) -> str | None:
        return self.detail_view.property("conflict_id") if self.detail_view is not None else None

    # -- texts ----------------------------------------------------------------------
    def _record_text(self, c: dict) -> str:
        label = self.labels.get((c["entity"], c["record_id"])) or c.get("record_name") or c["record_id"][:8]
        return f"{entity_name(c['entity'])}: {label}"

    def _about_text(self, c: dict) -> str:
        if c["kind"] == "duplicate":
            return ", ".join(cand.get("name") or cand["id"][:8] for cand in c.get("candidates") or [])
        return ", ".join(field_name(f) for f in c.get("fields") or {})

    # -- one conflict ---------------------------------------------------------------
    def _selected(self, row: int) -> None:
        if 0 <= row < len(self.conflicts):
            if self._current_id() != self.conflicts[row]["id"]:
                self._show_detail(self.conflicts[row])
        else:
            self._show_detail(None)

    def selected(self) -> list[dict]:
        rows = sorted({i.row() for i in self.view.selectionModel().selectedRows()})
        return [self.conflicts[r] for r in rows if r < len(self.conflicts)]

    def _show_detail(self, conflict: dict | None) -> None:
        if self.detail_view is not None:
            self.detail_layout.removeWidget(self.detail_view)
            self.detail_view.deleteLater()
            self.detail_view = None
        self.placeholder.setVisible(conflict is None)
        if conflict is None:
            return
        label = self.labels.get((conflict["entity"], conflict["record_id"])) or conflict.get("record_name") or ""
        kind = conflict["kind"]
        if kind == "field":
            view = FieldConflictView(self.ws, conflict, label, self.detail, labels=self.labels)
        elif kind in ("edit_delete", "delete_edit"):
            view = DeleteConflictView(self.ws, conflict, label, self.detail, labels=self.labels)
        elif kind == "orphan":
            details = conflict.get("details") or {}
            parent = self.labels.get((details.get("parent_entity"), details.get("parent_id")), "")
            view = OrphanConflictView(self.ws, conflict, label, parent, parent=self.detail)
        else:
            view = self._duplicate_view(conflict, label)
        if hasattr(view, "sig_decide"):
            view.sig_decide.connect(self.decide)
        view.setProperty("conflict_id", conflict["id"])
        self.detail_view = view
        self.detail_layout.addWidget(view)
        view.show()

    def _duplicate_view(self, conflict: dict, label: str) -> QWidget:
        host = QWidget(self.detail)
        box = QVBoxLayout(host)
        box.setContentsMargins(0, 0, 0, 0)
        candidates = conflict.get("candidates") or []
        reasons = ", ".join(field_name(r).lower() for r in (conflict.get("details") or {}).get("reasons", []))
        intro = QLabel(self.tr("%1 “%2” looks like an existing one (same %3). Merge them, or keep both.")
                       .replace("%1", entity_name(conflict["entity"]).capitalize())
                       .replace("%2", label or conflict["record_id"][:8]).replace("%3", reasons or "?"), host)
        intro.setWordWrap(True)
        box.addWidget(intro)
        picker = QComboBox(host)
        picker.setObjectName("candidate")
        for cand in candidates:
            picker.addItem(cand.get("name") or cand["id"][:8], cand["id"])
        picker.setVisible(len(candidates) > 1)
        box.addWidget(picker)
        host.merge_view = None

        def show(index: int) -> None:
            if host.merge_view is not None:
                box.removeWidget(host.merge_view)
                host.merge_view.deleteLater()
            candidate = picker.itemData(index)
            view = MergeView(self.ws, conflict["entity"], conflict["record_id"], candidate, keep_both=True,
                             titles=(self.tr("New: %1").replace("%1", label or conflict["record_id"][:8]),
                                     self.tr("Existing: %1").replace("%1", picker.itemText(index))), parent=host)
            view.setObjectName("merge_view")
            view.sig_merge.connect(lambda request: self.merge(conflict, request, view))
            view.sig_keep_both.connect(lambda: self.decide(conflict["id"], {
                "keep_both": True, **({"note": view.note.text().strip()} if view.note.text().strip() else {})}))
            host.merge_view = view
            box.addWidget(view, 1)
            view.show()

        picker.currentIndexChanged.connect(show)
        if candidates:
            show(0)
        host.show_error = lambda text: host.merge_view and host.merge_view.show_error(text)
        return host

    # -- deciding -------------------------------------------------------------------
    def decide(self, conflict_id: str, body: dict) -> None:
        view = self.detail_view
        remote.call(self.ws, sync_admin.resolve_conflict, conflict_id, body,
                    on_done=remote.guarded(self, lambda _r: self._decided(conflict_id)),
                    on_error=remote.guarded(view, lambda exc: view.show_error(exc.message)))

    def merge(self, conflict: dict, request: dict, view: MergeView) -> None:
        remote.call(self.ws, admin_conflicts.merge_records, request["entity"], request["survivor_id"],
                    request["loser_id"], fields=request["fields"], conflict_id=conflict["id"],
                    note=request.get("note"), on_done=remote.guarded(self, lambda _r: self._decided(conflict["id"])),
                    on_error=remote.guarded(view, lambda exc: view.show_error(exc.message)))

    def _decided(self, conflict_id: str) -> None:
        self.status.setText(self.tr("Decided. Every client gets the outcome on its next sync."))
        self._show_detail(None)
        self.sig_resolved.emit(conflict_id)
        remote.sync_soon(self.ws)
        self.refresh()

    def open_bulk(self) -> BulkDialog | None:
        chosen = self.selected()
        if not chosen:
            self.status.setText(self.tr("Select the conflicts to decide first (Ctrl or Shift to select several)."))
            return None
        dialog = BulkDialog(self.ws, chosen, self)
        dialog.sig_done.connect(lambda _result: self.refresh())
        dialog.open()
        return dialog

    def scan(self) -> None:
        self.scan_button.setEnabled(False)
        self.status.setText(self.tr("Scanning the server for likely duplicates…"))

        def done(result: dict) -> None:
            self.scan_button.setEnabled(True)
            self.status.setText(self.tr("%n new duplicate conflict(s) from %1 likely pair(s).", "",
                                        len(result["opened"])).replace("%1", str(result["pairs"])))
            self.refresh()

        def failed(exc) -> None:
            self.scan_button.setEnabled(True)
            self.status.setText(exc.message)

        remote.call(self.ws, admin_conflicts.scan_duplicates, on_done=done, on_error=failed, owner=self)
