"""The wizard's second page: which column fills which field, what a value becomes, and
how an existing record is recognised (to update it instead of adding a duplicate).
Mappings can be saved under a name and used again; a folder's mapping set is shown."""
from __future__ import annotations

from PySide6.QtWidgets import (
    QAbstractItemView, QComboBox, QFileDialog, QHBoxLayout, QHeaderView, QLabel, QLineEdit, QPushButton, QTableView,
    QVBoxLayout, QWizardPage,
)

from app.errors import DomainError
from app.imports import mapping as mappings
from app.imports.mapping import Mapping, default_mapping
from app.rules.schema import entity_spec
from ui.imports.mapping_model import COLUMN, ColumnDelegate, MappingModel
from ui.imports.values_dialog import ValuesDialog, distinct_values
from ui.records.dict_model import DictTableModel


class MappingPage(QWizardPage):
    def __init__(self, wizard):
        super().__init__(wizard)
        self.wiz = wizard
        self.problem = ""
        self.setTitle(self.tr("Columns and values"))
        layout = QVBoxLayout(self)
        saved_row = QHBoxLayout()
        saved_row.addWidget(QLabel(self.tr("Use a saved mapping:"), self))
        self.saved = QComboBox(self)
        saved_row.addWidget(self.saved, 1)
        self.open_button = QPushButton(self.tr("Open a mapping file…"), self)
        self.open_button.clicked.connect(self.open_mapping_file)
        saved_row.addWidget(self.open_button)
        layout.addLayout(saved_row)
        self.model = MappingModel(self)
        self.view = QTableView(self)
        self.view.setModel(self.model)
        self.view.setItemDelegateForColumn(COLUMN, ColumnDelegate(self.model, self.view))
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.AllEditTriggers)
        self.view.verticalHeader().hide()
        self.view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        layout.addWidget(self.view, 1)
        actions = QHBoxLayout()
        self.values_button = QPushButton(self.tr("Map values…"), self)
        self.values_button.setToolTip(self.tr("Say what each value of the chosen field's column becomes"))
        self.values_button.clicked.connect(lambda: self.edit_values())
        actions.addWidget(self.values_button)
        actions.addStretch(1)
        actions.addWidget(QLabel(self.tr("Update the existing record with the same:"), self))
        self.match = QComboBox(self)
        self.match.setToolTip(self.tr("A row whose value here matches a record already in LTC Desk updates that "
                                      "record instead of adding a second one"))
        actions.addWidget(self.match)
        layout.addLayout(actions)
        save_row = QHBoxLayout()
        save_row.addWidget(QLabel(self.tr("Save this mapping as:"), self))
        self.save_name = QLineEdit(self)
        save_row.addWidget(self.save_name, 1)
        self.save_button = QPushButton(self.tr("Save"), self)
        self.save_button.clicked.connect(lambda: self.save_mapping())
        save_row.addWidget(self.save_button)
        layout.addLayout(save_row)
        self.steps = DictTableModel([("name", self.tr("Step"), None), ("file", self.tr("File"), None),
                                     ("entity", self.tr("Records"), None),
                                     ("fields", self.tr("Fields"), lambda r: ", ".join(r["fields"])),
                                     ("optional", self.tr("Optional"), lambda r: self.tr("yes") if r["optional"]
                                      else "")], self)
        self.steps_view = QTableView(self)
        self.steps_view.setModel(self.steps)
        self.steps_view.verticalHeader().hide()
        self.steps_view.horizontalHeader().setStretchLastSection(True)
        layout.addWidget(self.steps_view, 1)
        self.message = QLabel(self)
        self.message.setWordWrap(True)
        layout.addWidget(self.message)
        self.saved.activated.connect(lambda _i: self.use_saved(self.saved.currentData()))
        self.match.currentIndexChanged.connect(lambda _i: self._match_chosen())
        self.model.dataChanged.connect(lambda *_: self._mapping_changed())
        self.model.modelReset.connect(self._mapping_changed)
        self.file_widgets = (self.saved, self.open_button, self.view, self.values_button, self.match, self.save_name,
                             self.save_button)

    # -- entering the page -------------------------------------------------------------
    def initializePage(self) -> None:
        source = self.wiz.source_page
        directory = source.directory
        for w in self.file_widgets:
            w.setVisible(not directory)
        self.steps_view.setVisible(directory)
        if directory:
            self.setSubTitle(self.tr("The mapping set decides every column; its defects are put to you next."))
            self.steps.set_rows([{"name": s.name, "file": s.file, "entity": s.mapping.entity,
                                  "fields": list(s.mapping.fields), "optional": s.optional}
                                 for s in source.mapping_set.steps])
            return
        self.setSubTitle(self.tr("Columns named like fields are chosen for you. Double-click a cell to change it; "
                                 "* marks the fields a record needs."))
        entity, table = source.chosen_entity(), source.table
        if self.model.entity != entity or self.model.columns != table.columns:
            try:
                start = default_mapping(entity, table.columns)
            except DomainError:
                start = None
            self.model.set_mapping(entity, table.columns, start)
        self._fill_saved(entity)

    def _fill_saved(self, entity: str) -> None:
        self.saved.clear()
        self.saved.addItem(self.tr("(none: as chosen below)"), "")
        for item in mappings.saved(self.wiz.ws.store.profile_dir):
            if item["entity"] == entity:
                self.saved.addItem(item["name"], item["path"])

    def _mapping_changed(self) -> None:
        chosen = self.model.match_field
        self.match.blockSignals(True)
        self.match.clear()
        self.match.addItem(self.tr("(always add new records)"), "")
        for name in self.model.mapped():
            self.match.addItem(name, name)
        self.match.setCurrentIndex(max(0, self.match.findData(chosen or "")))
        self.match.blockSignals(False)
        self.completeChanged.emit()

    def _match_chosen(self) -> None:
        self.model.match_field = self.match.currentData() or None

    # -- saved mappings ----------------------------------------------------------------
    def use_saved(self, path: str | None) -> None:
        """Use a saved mapping (a file path), or start again from the columns' names."""
        table = self.wiz.source_page.table
        entity = self.wiz.source_page.chosen_entity()
        if not path:
            self.model.set_mapping(entity, table.columns, default_mapping(entity, table.columns))
            return
        try:
            loaded = mappings.load(path)
        except DomainError as exc:
            self._say(exc.message)
            return
        if not isinstance(loaded, Mapping) or loaded.entity != entity:
            self._say(self.tr("That mapping is not for this kind of record."))
            return
        missing = sorted(loaded.columns() - set(table.columns))
        self.model.set_mapping(entity, table.columns, loaded)
        self._say(self.tr("This file has no column %1 that the mapping reads.").replace("%1", ", ".join(missing))
                  if missing else self.tr("Mapping “%1” in use.").replace("%1", loaded.name or ""))
        self.save_name.setText(loaded.name or "")

    def open_mapping_file(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Mapping"), "", self.tr("Mappings (*.json)"))
        if path:
            self.use_saved(path)

    def save_mapping(self, name: str | None = None):
        """Save the mapping as edited under `name` (default: the name typed); returns the file."""
        name = (name or self.save_name.text()).strip()
        if not name:
            self._say(self.tr("Give the mapping a name to save it under."))
            return None
        try:
            path = mappings.save(self.wiz.ws.store.profile_dir, name, self.model.mapping(name))
        except DomainError as exc:
            self._say(exc.message)
            return None
        self._fill_saved(self.model.entity)
        self.saved.setCurrentIndex(max(0, self.saved.findData(str(path))))
        self._say(self.tr("Saved as “%1”; choose it next time under “Use a saved mapping”.").replace("%1", name))
        return path

    # -- values ---------------------------------------------------------------------------
    def edit_values(self, field: str | None = None) -> ValuesDialog | None:
        """Open the value map of `field` (default: the selected row's); returns the dialog."""
        if field is None:
            index = self.view.currentIndex()
            field = self.model.fields[index.row()] if index.isValid() else None
        rule = self.model.rules.get(field) if field else None
        spec = entity_spec(self.model.entity).fields.get(field) if field else None
        if rule is None or not rule.column or spec is None or not (spec.vocab or spec.choices):
            self._say(self.tr("Choose a field with a list of values (an industry, a status…) that is read from "
                              "a column."))
            return None
        sources = distinct_values(self.wiz.source_page.table, rule.column)
        dialog = ValuesDialog(self.wiz.ws, self.model.entity, field, sources, rule.values, self)
        dialog.accepted.connect(lambda: self.model.set_values(field, dialog.values()))
        dialog.open()
        return dialog

    # -- leaving the page -----------------------------------------------------------------
    def current_mapping(self) -> Mapping | None:
        try:
            return self.model.mapping(self.save_name.text().strip() or None)
        except DomainError as exc:
            self._say(exc.message)
            return None

    def _say(self, text: str) -> None:
        self.message.setText(text)

    def isComplete(self) -> bool:
        if self.wiz.source_page.directory:
            return True
        return bool(set(self.model.mapped()) - {"id"})

    def validatePage(self) -> bool:
        return self.wiz.source_page.directory or self.current_mapping() is not None
