"""User administration (admins): accounts with their role, manager, team and the size of
their book; create one with an initial password, change role, manager or team, disable
or enable, set a password, and move one user's book to another. Changes reach every
client as `user` records; a moved book is evicted from one side and arrives on the
other on their next syncs."""
from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Signal
from PySide6.QtWidgets import (
    QCheckBox, QComboBox, QDialog, QDialogButtonBox, QFormLayout, QHBoxLayout, QLabel, QLineEdit, QPushButton,
    QVBoxLayout, QWidget,
)

from app.rules.states import ROLES
from sync import admin_users
from ui import remote
from ui.conflicts.field_view import ERROR_STYLE
from ui.conflicts.queue import table
from ui.records.dict_model import DictTableModel

ROLE_NAMES = {"rep": QT_TRANSLATE_NOOP("Roles", "Sales rep"), "manager": QT_TRANSLATE_NOOP("Roles", "Manager"),
              "finance": QT_TRANSLATE_NOOP("Roles", "Finance"), "admin": QT_TRANSLATE_NOOP("Roles", "Administrator")}


def role_name(role: str) -> str:
    return QCoreApplication.translate("Roles", ROLE_NAMES.get(role, role))


class AccountDialog(QDialog):
    """Create an account (with `account=None`) or edit one. `sig_saved(account)`."""

    sig_saved = Signal(dict)

    def __init__(self, workspace, users: list[dict], account: dict | None = None, parent=None):
        super().__init__(parent)
        self.ws = workspace
        self.account = account
        self.setWindowTitle(self.tr("Edit %1").replace("%1", account["username"]) if account else self.tr("New user"))
        self.setMinimumWidth(420)
        layout = QVBoxLayout(self)
        form = QFormLayout()
        self.username = QLineEdit(self)
        self.display_name = QLineEdit(account.get("display_name") or "" if account else "", self)
        self.role = QComboBox(self)
        for role in ROLES:
            self.role.addItem(role_name(role), role)
        self.manager = QComboBox(self)
        self.manager.addItem(self.tr("(none)"), None)
        for u in users:
            if u["role"] == "manager" and u["active"] and (account is None or u["id"] != account["id"]):
                self.manager.addItem(u["display_name"] or u["username"], u["id"])
        self.team = QLineEdit(self)
        self.password = QLineEdit(self)
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.active = QCheckBox(self.tr("may sign in"), self)
        if account is None:
            form.addRow(self.tr("User name"), self.username)
        form.addRow(self.tr("Display name"), self.display_name)
        form.addRow(self.tr("Role"), self.role)
        form.addRow(self.tr("Manager"), self.manager)
        form.addRow(self.tr("Team"), self.team)
        if account is None:
            form.addRow(self.tr("Initial password"), self.password)
            self.role.setCurrentIndex(self.role.findData("rep"))
        else:
            self.role.setCurrentIndex(self.role.findData(account["role"]))
            self.manager.setCurrentIndex(max(self.manager.findData(account.get("manager_id")), 0))
            self.team.setText(account.get("team") or "")
            self.active.setChecked(bool(account.get("active")))
            form.addRow(self.tr("Active"), self.active)
        layout.addLayout(form)
        self.message = QLabel(self)
        self.message.setStyleSheet(ERROR_STYLE)
        self.message.setWordWrap(True)
        self.message.hide()
        layout.addWidget(self.message)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel,
                                        self)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)

    def save(self) -> None:
        self.buttons.setEnabled(False)
        if self.account is None:
            remote.call(self.ws, admin_users.create_user, self.username.text().strip(), self.password.text(),
                        self.role.currentData(), display_name=self.display_name.text().strip() or None,
                        manager_id=self.manager.currentData(), team=self.team.text().strip() or None,
                        on_done=self._saved, on_error=self._failed)
            return
        current = {"display_name": self.display_name.text().strip() or None, "role": self.role.currentData(),
                   "manager_id": self.manager.currentData(), "team": self.team.text().strip() or None,
                   "active": self.active.isChecked()}
        changes = {k: v for k, v in current.items() if v != self.account.get(k)}
        if not changes:
            self.accept()
            return
        remote.call(self.ws, admin_users.update_user, self.account["id"], **changes, on_done=self._saved,
                    on_error=self._failed)

    def _saved(self, account: dict) -> None:
        self.buttons.setEnabled(True)
        self.sig_saved.emit(account)
        self.accept()

    def _failed(self, exc) -> None:
        self.buttons.setEnabled(True)
        self.message.setText(exc.message)
        self.message.show()


class UsersTab(QWidget):
    """`sig_changed()` after an account or a book changed."""

    sig_changed = Signal()

    def __init__(self, workspace, parent=None):
        super().__init__(parent)
        self.ws = workspace
        self.users: list[dict] = []
        layout = QVBoxLayout(self)
        buttons = QHBoxLayout()
        self.new_button = QPushButton(self.tr("New user…"), self)
        self.edit_button = QPushButton(self.tr("Edit…"), self)
        self.password_button = QPushButton(self.tr("Set password…"), self)
        refresh = QPushButton(self.tr("Refresh"), self)
        self.new_button.clicked.connect(self.new_user)
        self.edit_button.clicked.connect(self.edit_user)
        self.password_button.clicked.connect(self.set_password)
        refresh.clicked.connect(self.refresh)
        for b in (self.new_button, self.edit_button, self.password_button):
            buttons.addWidget(b)
        buttons.addStretch(1)
        buttons.addWidget(refresh)
        layout.addLayout(buttons)
        self.model = DictTableModel([
            ("username", self.tr("User name"), None),
            ("display_name", self.tr("Name"), None),
            ("role", self.tr("Role"), lambda u: role_name(u["role"])),
            ("manager", self.tr("Manager"), None),
            ("team", self.tr("Team"), None),
            ("active", self.tr("Active"), lambda u: self.tr("yes") if u["active"] else self.tr("disabled")),
            ("customers", self.tr("Customers"), lambda u: str(u["customers"])),
            ("leads", self.tr("Leads"), lambda u: str(u["leads"])),
        ], self, colour=lambda u: "" if u["active"] else "#888888")
        self.view = table(self.model, self)
        self.view.setObjectName("users")
        layout.addWidget(self.view, 1)
        move = QHBoxLayout()
        move_label = QLabel(self.tr("Move the selected user's book (customers with everything on them, leads) "
                                    "to:"), self)
        move_label.setWordWrap(True)
        move.addWidget(move_label, 1)
        self.move_target = QComboBox(self)
        self.move_target.setObjectName("move_target")
        self.move_target.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.move_target.setMinimumContentsLength(14)
        self.move_button = QPushButton(self.tr("Move book"), self)
        self.move_button.setObjectName("move_book")
        self.move_button.clicked.connect(self.move_book)
        move.addWidget(self.move_target)
        move.addWidget(self.move_button)
        layout.addLayout(move)
        self.password = QLineEdit(self)
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setPlaceholderText(self.tr("new password for the selected user"))
        self.password.setMaximumWidth(320)
        layout.addWidget(self.password)
        self.message = QLabel(self)
        self.message.setObjectName("message")
        self.message.setWordWrap(True)
        layout.addWidget(self.message)

    def refresh(self) -> None:
        remote.call(self.ws, admin_users.list_users, on_done=self._arrived, on_error=self._failed)

    def _arrived(self, users: list[dict]) -> None:
        self.users = users
        self.model.set_rows(users)
        self.view.resizeColumnsToContents()
        self.move_target.clear()
        for u in users:
            if u["active"] and u["role"] in ("rep", "manager"):
                self.move_target.addItem(f"{u['display_name'] or u['username']} ({u['username']})", u["id"])

    def _failed(self, exc) -> None:
        self.message.setStyleSheet(ERROR_STYLE)
        self.message.setText(exc.message)

    def _ok(self, text: str) -> None:
        self.message.setStyleSheet("")
        self.message.setText(text)
        self.sig_changed.emit()
        remote.sync_soon(self.ws)
        self.refresh()

    def selected(self) -> dict | None:
        row = self.view.currentIndex().row()
        return self.users[row] if 0 <= row < len(self.users) else None

    def select(self, username: str) -> None:
        for row, u in enumerate(self.users):
            if u["username"] == username:
                self.view.selectRow(row)

    def new_user(self) -> AccountDialog:
        dialog = AccountDialog(self.ws, self.users, None, self)
        dialog.sig_saved.connect(lambda a: self._ok(self.tr("%1 can sign in now.").replace("%1", a["username"])))
        dialog.open()
        return dialog

    def edit_user(self) -> AccountDialog | None:
        account = self.selected()
        if account is None:
            self.message.setText(self.tr("Select a user first."))
            return None
        dialog = AccountDialog(self.ws, self.users, account, self)
        dialog.sig_saved.connect(lambda a: self._ok(self.tr("%1 saved.").replace("%1", a["username"])))
        dialog.open()
        return dialog

    def set_password(self) -> None:
        account = self.selected()
        if account is None or not self.password.text():
            self.message.setText(self.tr("Select a user and type the new password first."))
            return
        remote.call(self.ws, admin_users.set_password, account["id"], self.password.text(),
                    on_done=lambda _r: (self.password.clear(), self._ok(self.tr("Password set."))),
                    on_error=self._failed, owner=self)

    def move_book(self) -> None:
        source, target = self.selected(), self.move_target.currentData()
        if source is None or not target:
            self.message.setText(self.tr("Select the user whose book moves, and who takes it."))
            return

        def done(result: dict) -> None:
            self._ok(self.tr("Moved %1 customer(s), %2 lead(s) and %3 deal(s); both sides see it on their next "
                             "sync.").replace("%1", str(result["customers"])).replace("%2", str(result["leads"]))
                     .replace("%3", str(result["deals"])))

        remote.call(self.ws, admin_users.reassign_book, source["id"], target, on_done=done, on_error=self._failed,
                    owner=self)
