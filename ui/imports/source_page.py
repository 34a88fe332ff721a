"""The wizard's first page: what to import. One CSV or XLSX file into an entity (its
encoding detected, or chosen: UTF-8, UTF-8 with BOM, GBK/GB18030; the sheet of a
workbook), or a folder of files with a mapping set (the directory form)."""
from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QButtonGroup, QComboBox, QFileDialog, QFormLayout, QHBoxLayout, QLabel, QLineEdit, QPushButton, QRadioButton,
    QTableView, QVBoxLayout, QWidget, QWizardPage,
)

from app.errors import DomainError
from app.imports import mapping as mappings
from app.imports.encodings import label as encoding_label
from app.imports.readers import read_table
from app.paths import resource_path
from ui.records.dict_model import DictTableModel

ENTITIES = ("customer", "contact", "lead", "deal", "activity", "product", "quota")
ENCODINGS = (None, "utf-8", "utf-8-sig", "gb18030")
PREVIEW_ROWS = 5


def shipped_sets() -> list[tuple[str, Path]]:
    """(name, path) of the mapping sets that come with the program (resources/mappings)."""
    out = []
    for path in sorted(resource_path("mappings").glob("*/set.json")):
        try:
            out.append((mappings.load(path).name, path))
        except DomainError:
            continue
    return out


class SourcePage(QWizardPage):
    def __init__(self, wizard):
        super().__init__(wizard)
        self.wiz = wizard
        self.table = None          # the file read (app.imports.readers.Table)
        self.mapping_set = None    # the set for a folder
        self._sheets_of = None     # the file the sheet list belongs to
        self.problem = ""
        self.setTitle(self.tr("What to import"))
        self.setSubTitle(self.tr("A CSV or Excel file into one kind of record, or a folder of files with a mapping "
                                 "set that says which file goes where."))
        layout = QVBoxLayout(self)
        self.file_choice = QRadioButton(self.tr("One file (CSV or Excel .xlsx)"), self)
        self.folder_choice = QRadioButton(self.tr("A folder of files with a mapping set (e.g. a CRM export)"), self)
        self.file_choice.setChecked(True)
        group = QButtonGroup(self)
        group.addButton(self.file_choice)
        group.addButton(self.folder_choice)
        layout.addWidget(self.file_choice)
        self.file_box = QWidget(self)
        form = QFormLayout(self.file_box)
        self.path = QLineEdit(self.file_box)
        browse = QPushButton(self.tr("Choose…"), self.file_box)
        browse.clicked.connect(self.choose_file)
        row = QHBoxLayout()
        row.addWidget(self.path, 1)
        row.addWidget(browse)
        form.addRow(self.tr("File"), row)
        self.entity = QComboBox(self.file_box)
        names = {"customer": self.tr("Customers"), "contact": self.tr("Contacts"), "lead": self.tr("Leads"),
                 "deal": self.tr("Deals"), "activity": self.tr("Activities and tasks"),
                 "product": self.tr("Products"), "quota": self.tr("Sales quotas")}
        for entity in ENTITIES:
            self.entity.addItem(names[entity], entity)
        form.addRow(self.tr("Import into"), self.entity)
        self.encoding = QComboBox(self.file_box)
        names = {None: self.tr("Detect automatically"), "utf-8": "UTF-8", "utf-8-sig": self.tr("UTF-8 with BOM"),
                 "gb18030": "GBK / GB18030"}
        for code in ENCODINGS:
            self.encoding.addItem(names[code], code)
        form.addRow(self.tr("Encoding"), self.encoding)
        self.sheet = QComboBox(self.file_box)
        form.addRow(self.tr("Sheet"), self.sheet)
        layout.addWidget(self.file_box)
        layout.addWidget(self.folder_choice)
        self.folder_box = QWidget(self)
        form2 = QFormLayout(self.folder_box)
        self.folder = QLineEdit(self.folder_box)
        browse2 = QPushButton(self.tr("Choose…"), self.folder_box)
        browse2.clicked.connect(self.choose_folder)
        row2 = QHBoxLayout()
        row2.addWidget(self.folder, 1)
        row2.addWidget(browse2)
        form2.addRow(self.tr("Folder"), row2)
        self.set_choice = QComboBox(self.folder_box)
        for name, path in shipped_sets():
            self.set_choice.addItem(name, str(path))
        self.set_choice.addItem(self.tr("Another mapping set file…"), "")
        form2.addRow(self.tr("Mapping set"), self.set_choice)
        layout.addWidget(self.folder_box)
        self.info = QLabel(self)
        self.info.setWordWrap(True)
        layout.addWidget(self.info)
        self.preview = DictTableModel([], self)
        self.preview_view = QTableView(self)
        self.preview_view.setModel(self.preview)
        self.preview_view.verticalHeader().hide()
        layout.addWidget(self.preview_view, 1)

        self.file_choice.toggled.connect(lambda _on: self._kind_changed())
        self.path.editingFinished.connect(self.read)
        self.encoding.currentIndexChanged.connect(lambda _i: self.read())
        self.sheet.activated.connect(lambda _i: self.read())
        self.entity.currentIndexChanged.connect(lambda _i: self.completeChanged.emit())
        self.folder.editingFinished.connect(self.read)
        self.set_choice.activated.connect(lambda _i: self._set_chosen())
        self._kind_changed()

    # -- what the rest of the wizard reads ----------------------------------------------
    @property
    def directory(self) -> bool:
        return self.folder_choice.isChecked()

    def chosen_entity(self) -> str:
        return self.entity.currentData()

    def chosen_encoding(self) -> str | None:
        return self.encoding.currentData()

    def chosen_sheet(self) -> str | None:
        return self.sheet.currentText() or None if self.table is not None and self.table.format == "xlsx" else None

    # -- choosing -------------------------------------------------------------------------
    def choose_file(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("File to import"), "",
                                              self.tr("Tables (*.csv *.txt *.tsv *.xlsx);;All files (*)"))
        if path:
            self.set_file(path)

    def set_file(self, path: str | Path, entity: str | None = None, encoding: str | None = None):
        """Choose a file (and what it holds, and its encoding); returns the read task."""
        self.file_choice.setChecked(True)
        if entity:
            self.entity.setCurrentIndex(self.entity.findData(entity))
        self.encoding.blockSignals(True)
        self.encoding.setCurrentIndex(max(0, self.encoding.findData(encoding)))
        self.encoding.blockSignals(False)
        self.path.setText(str(path))
        return self.read()

    def choose_folder(self) -> None:
        path = QFileDialog.getExistingDirectory(self, self.tr("Folder to import"))
        if path:
            self.set_folder(path)

    def set_folder(self, path: str | Path, mapping_set: str | Path | None = None):
        """Choose a folder (and its mapping set file); returns the read task."""
        self.folder_choice.setChecked(True)
        if mapping_set:
            index = self.set_choice.findData(str(mapping_set))
            if index < 0:
                self.set_choice.insertItem(0, Path(mapping_set).parent.name, str(mapping_set))
                index = 0
            self.set_choice.setCurrentIndex(index)
        self.folder.setText(str(path))
        return self.read()

    def _set_chosen(self) -> None:
        if not self.set_choice.currentData():
            path, _ = QFileDialog.getOpenFileName(self, self.tr("Mapping set"), "", self.tr("Mapping sets (*.json)"))
            if not path:
                self.set_choice.setCurrentIndex(0)
                return
            self.set_choice.insertItem(0, Path(path).name, path)
            self.set_choice.setCurrentIndex(0)
        self.read()

    def _kind_changed(self) -> None:
        self.file_box.setEnabled(not self.directory)
        self.folder_box.setEnabled(self.directory)
        self.read()

    # -- reading ------------------------------------------------------------------------
    def read(self):
        """Read the chosen file (its header and rows) or the folder's mapping set, in the
        background; the page is complete once that worked."""
        self.table, self.mapping_set, self.problem = None, None, ""
        self.preview.set_rows([])
        self.completeChanged.emit()
        if self.directory:
            folder, set_path = self.folder.text().strip(), self.set_choice.currentData()
            if not folder or not set_path:
                self.info.setText("")
                return None
            self.info.setText(self.tr("Reading the mapping set…"))
            return self.wiz.ws.ops.submit(_check_folder, folder, set_path, on_done=self._folder_read,
                                          on_error=self._unreadable)
        path = self.path.text().strip()
        if not path:
            self.info.setText("")
            return None
        self.info.setText(self.tr("Reading the file…"))
        # The sheet chosen belongs to the workbook read before; another file starts on its first.
        sheet = (self.sheet.currentText() or None) if self._sheets_of == path else None
        return self.wiz.ws.ops.submit(_read_file, path, self.chosen_encoding(), sheet,
                                      on_done=lambda result: self._file_read(*result), on_error=self._unreadable)

    def _file_read(self, table, sheets: list[str]) -> None:
        if str(table.path) != self.path.text().strip():
            return  # another file was chosen meanwhile
        self.table = table
        self._sheets_of = str(table.path)
        self.sheet.blockSignals(True)
        self.sheet.clear()
        if table.format == "xlsx":
            self.sheet.addItems(sheets)
            self.sheet.setCurrentText(table.sheet)
        self.sheet.blockSignals(False)
        self.sheet.setEnabled(table.format == "xlsx")
        self.encoding.setEnabled(table.format == "csv")
        found = encoding_label(table.encoding) if table.encoding else table.format.upper()
        self.info.setText(self.tr("%1 · %n row(s) · columns: %2", "", len(table.rows))
                          .replace("%1", found).replace("%2", ", ".join(table.columns)))
        self.preview.columns = [(c, c, None) for c in table.columns]
        self.preview.set_rows([dict(zip(table.columns, row)) for row in table.rows[:PREVIEW_ROWS]])
        self.preview_view.resizeColumnsToContents()
        self.completeChanged.emit()

    def _folder_read(self, mapping_set) -> None:
        self.mapping_set = mapping_set
        self.info.setText(self.tr("%1: %n file(s) in order", "", len(mapping_set.steps)).replace("%1", mapping_set.name)
                          + "\n" + (mapping_set.description or ""))
        self.preview.columns = [("step", self.tr("Step"), None), ("file", self.tr("File"), None),
                                ("entity", self.tr("Records"), None)]
        self.preview.set_rows([{"step": s.name, "file": s.file, "entity": s.mapping.entity} for s in mapping_set.steps])
        self.completeChanged.emit()

    def _unreadable(self, exc) -> None:
        self.problem = exc.message if isinstance(exc, DomainError) else str(exc)
        self.info.setText("⚠ " + self.problem)
        self.completeChanged.emit()

    def isComplete(self) -> bool:
        if self.directory:
            return self.mapping_set is not None
        return self.table is not None and bool(self.chosen_entity())

    def validatePage(self) -> bool:
        return self.isComplete()  # Next (or a caller's next()) waits for what the page needs


def _check_folder(folder: str, set_path: str):
    """The mapping set, once the folder is known to hold its files (FileProblem if not)."""
    from app.imports import ImportSource

    return ImportSource.for_directory(folder, set_path).mapping


def _read_file(path: str, encoding: str | None, sheet: str | None):
    """(the table, the workbook's sheet names or []) of a file (runs in the background)."""
    table = read_table(path, encoding=encoding, sheet=sheet)
    if table.format != "xlsx":
        return table, []
    from openpyxl import load_workbook

    with open(path, "rb") as handle:
        book = load_workbook(handle, read_only=True)
        try:
            return table, list(book.sheetnames)
        finally:
            book.close()
