"""The main window: navigation, the workspace's pages, global search and the sync status bar."""
from __future__ import annotations

import logging

from PySide6.QtCore import QSettings, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QListWidget, QListWidgetItem, QMainWindow, QMessageBox, QSplitter, QStackedWidget,
)

from app.errors import DomainError
from ui.activities.page import ActivitiesPage
from ui.activities.reminders import Reminders
from ui.admin.page import AdminPage
from ui.conflicts.page import ConflictsPage
from ui.contacts.page import ContactsPage
from ui.customers.page import CustomersPage
from ui.customers.view360 import Customer360
from ui.dashboard.page import DashboardPage
from ui.deals.page import DealsPage
from ui.inbox.page import InboxPage
from ui.invoices.page import InvoicesPage
from ui.leads.page import LeadsPage
from ui.orders.page import OrdersPage
from ui.imports.menu import install_interchange_actions
from ui.menus import install_program_menus
from ui.products.page import ProductsPage
from ui.quality.page import QualityPage
from ui.quotes.page import QuotesPage
from ui.raci.page import ResponsibilitiesPage
from ui.reports.page import ReportsPage
from ui.search.indexer import SearchIndexer
from ui.search.popup import SearchPopup
from ui.sync_status import SyncStatusBar

log = logging.getLogger(__name__)
VIEW_ROLE = Qt.ItemDataRole.UserRole


class MainWindow(QMainWindow):
    """`sig_ready()` once the first view has its data (cold start measurement)."""

    sig_ready = Signal()

    def __init__(self, workspace, parent=None):
        super().__init__(parent)
        self.ws = workspace
        user = workspace.actor.display_name or workspace.actor.username
        self.setWindowTitle(self.tr("LTC Desk — %1").replace("%1", user))
        self.resize(1280, 800)

        self.nav = QListWidget(self)
        self.nav.setMinimumWidth(200)
        self.nav.setMaximumWidth(270)
        self.nav.setObjectName("navigation")
        self.nav.setStyleSheet("QListWidget#navigation { font-size: 14px; } "
                               "QListWidget#navigation::item { padding: 6px 8px; }")
        self.stack = QStackedWidget(self)
        splitter = QSplitter(self)
        splitter.addWidget(self.nav)
        splitter.addWidget(self.stack)
        splitter.setStretchFactor(1, 1)
        self.setCentralWidget(splitter)
        self.splitter = splitter

        self.dashboard = DashboardPage(workspace, self)
        self.leads = LeadsPage(workspace, self)
        self.customers = CustomersPage(workspace, self)
        self.contacts = ContactsPage(workspace, self)
        self.deals = DealsPage(workspace, self)
        self.activities = ActivitiesPage(workspace, self)
        self.inbox = InboxPage(workspace, self)
        self.quotes = QuotesPage(workspace, self)
        self.orders = OrdersPage(workspace, self)
        self.invoices = InvoicesPage(workspace, self)
        self.products = ProductsPage(workspace, self)
        self.responsibilities = ResponsibilitiesPage(workspace, self)
        self.reports = ReportsPage(workspace, self)
        self.pages = {"dashboard": self.dashboard, "leads": self.leads, "customers": self.customers,
                      "contacts": self.contacts, "deals": self.deals, "board": self.deals,
                      "activities": self.activities, "inbox": self.inbox, "quotes": self.quotes,
                      "orders": self.orders, "invoices": self.invoices, "products": self.products,
                      "responsibilities": self.responsibilities, "reports": self.reports}
        entries = [("dashboard", self.tr("Dashboard")), ("reports", self.tr("Reports")), ("inbox", self.tr("Inbox")),
                   ("leads", self.tr("Leads")), ("customers", self.tr("Customers")), ("contacts", self.tr("Contacts")),
                   ("deals", self.tr("Deals")), ("board", self.tr("Pipeline board")),
                   ("activities", self.tr("Activities and tasks")), ("quotes", self.tr("Quotes")),
                   ("orders", self.tr("Orders")), ("invoices", self.tr("Invoices and payments")),
                   ("products", self.tr("Products and price list")),
                   ("responsibilities", self.tr("Responsibilities (RACI)"))]
        for key, label in entries:
            self._add_nav(key, label)
            if self.stack.indexOf(self.pages[key]) < 0:
                self.stack.addWidget(self.pages[key])
        separator = QListWidgetItem("")
        separator.setFlags(Qt.ItemFlag.NoItemFlags)
        self.nav.addItem(separator)
        # The sync desk: everyone sees their own conflicts and the data's quality; admins
        # decide the queue and run users, devices, the dictionary and merges.
        self.conflicts = ConflictsPage(workspace, self)
        self.quality = QualityPage(workspace, self)
        desk = [("conflicts", self.tr("Conflicts"), self.conflicts), ("quality", self.tr("Data quality"), self.quality)]
        if workspace.actor.role == "admin":
            self.admin = AdminPage(workspace, self)
            self.admin.sig_show.connect(self.show_view)
            desk.append(("admin", self.tr("Administration"), self.admin))
        for key, label, page in desk:
            self._add_nav(key, label)
            self.pages[key] = page
            self.stack.addWidget(page)
            if hasattr(page, "sig_open"):
                page.sig_open.connect(self.open_record)
        self.quality.sig_show.connect(self.show_view)
        self.detail = None
        self.current_view = "dashboard"
        self.nav.currentItemChanged.connect(lambda item, _prev: item and item.data(VIEW_ROLE)
                                            and self.show_view(item.data(VIEW_ROLE)))
        for page in (self.customers, self.contacts, self.leads, self.deals, self.dashboard, self.inbox, self.quotes,
                     self.orders, self.invoices, self.reports):
            page.sig_open.connect(self.open_record)
        self.dashboard.sig_show.connect(self.show_view)

        self.search = SearchPopup(workspace, self)
        self.search.sig_open.connect(self.open_record)
        search_action = QAction(self.tr("Search…"), self)
        search_action.setShortcut(QKeySequence("Ctrl+K"))
        search_action.setShortcutContext(Qt.ShortcutContext.ApplicationShortcut)
        search_action.triggered.connect(self.search.start)
        self.addAction(search_action)
        self.program_actions = install_program_menus(self)
        self.interchange_actions = install_interchange_actions(self)
        toolbar = self.addToolBar(self.tr("Main"))
        toolbar.setObjectName("mainToolbar")
        toolbar.setMovable(False)
        toolbar.addAction(search_action)

        self.sync_bar = SyncStatusBar(workspace, self)
        self.statusBar().addPermanentWidget(self.sync_bar)
        self.indexer = SearchIndexer(workspace, self)
        self.indexer.sig_progress.connect(self._index_progress)
        self.indexer.sig_progress.connect(lambda remaining: remaining or self._settle())
        self.reminders = Reminders(workspace, self)
        self.reminders.sig_due.connect(self._remind)
        workspace.ops.sig_error.connect(self._error)
        self._ready = False
        self.dashboard.sig_loaded.connect(self._first_data)
        for page in (self.leads, self.customers, self.contacts, self.activities, self.deals.list_page):
            page.list.model.sig_loaded.connect(lambda *_: self._first_data())

    def _settle(self) -> None:
        from ui.app import settle_memory

        settle_memory()

    def _first_data(self) -> None:
        if not self._ready:
            self._ready = True
            self.sig_ready.emit()
            # Records written while the client was closed (a seed, an import) get indexed now.
            self.indexer.run()
            from ui.app import settle_memory

            settle_memory()

    def _add_nav(self, key: str, label: str) -> None:
        item = QListWidgetItem(label)
        item.setData(VIEW_ROLE, key)
        self.nav.addItem(item)

    # -- views ----------------------------------------------------------------------
    def show_view(self, key: str, filter_key: str | None = None) -> None:
        """Show a navigation view (optionally a list with one of its saved filters)."""
        page = self.pages.get(key)
        if page is None:
            return
        self._close_detail()
        self.current_view = key
        self.stack.setCurrentWidget(page)
        for i in range(self.nav.count()):
            if self.nav.item(i).data(VIEW_ROLE) == key and self.nav.currentRow() != i:
                self.nav.blockSignals(True)
                self.nav.setCurrentRow(i)
                self.nav.blockSignals(False)
        if key == "board":
            self.deals.show_board()
        elif key == "deals":
            self.deals.tabs.setCurrentIndex(0)
        if hasattr(page, "start"):
            page.start(filter_key or None)

    def open_record(self, entity: str, record_id: str) -> None:
        """Show a record: a customer's 360; a deal, contact or lead in its editor; a quote,
        order, change request, invoice or payment in its screen."""
        if entity == "customer":
            self._close_detail()
            self.detail = Customer360(self.ws, record_id, self)
            self.detail.sig_back.connect(lambda: self.show_view(self.current_view))
            self.detail.sig_open.connect(self.open_record)
            self.stack.addWidget(self.detail)
            self.stack.setCurrentWidget(self.detail)
        elif entity == "deal":
            self.deals.edit(record_id)
        elif entity == "contact":
            self.contacts.edit(record_id)
        elif entity == "lead":
            self.leads.edit(record_id)
        elif entity == "quote":
            self.quotes.edit(record_id)
        elif entity == "order":
            self.orders.edit(record_id)
        elif entity == "change_request":
            self.orders.open_change_request(record_id)
        elif entity == "invoice":
            self.invoices.open_invoice(record_id)
        elif entity == "payment":
            self.invoices.open_payment(record_id)

    def _close_detail(self) -> None:
        if self.detail is not None:
            self.stack.removeWidget(self.detail)
            self.detail.deleteLater()
            self.detail = None

    # -- notices --------------------------------------------------------------------
    def _index_progress(self, remaining: int) -> None:
        if remaining:
            self.statusBar().showMessage(self.tr("Indexing for search: %n record(s) to go", "", remaining))
        else:
            self.statusBar().clearMessage()

    def _remind(self, tasks: list) -> None:
        lines = "\n".join(f"• {t['subject']}" + (f" ({t['customer_name']})" if t.get("customer_name") else "")
                          for t in tasks)
        box = QMessageBox(QMessageBox.Icon.Information, self.tr("Task due"), lines, QMessageBox.StandardButton.Ok, self)
        box.setObjectName("reminder")
        box.setModal(False)
        box.show()
        self.statusBar().showMessage(self.tr("%n task(s) due now", "", len(tasks)), 10000)

    def _error(self, exc) -> None:
        if isinstance(exc, DomainError):
            self.statusBar().showMessage(exc.message, 10000)
            return
        box = QMessageBox(QMessageBox.Icon.Warning, self.tr("Something went wrong"),
                          self.tr("The operation failed: %1").replace("%1", str(exc)), QMessageBox.StandardButton.Ok,
                          self)
        box.setModal(False)
        box.show()

    # -- settings -------------------------------------------------------------------
    def restore(self) -> None:
        """Size, position and the last view from QSettings."""
        settings = QSettings()
        geometry = settings.value("window/geometry")
        if geometry is not None:
            self.restoreGeometry(geometry)
        self._fit_screen(center=geometry is None)
        state = settings.value("window/state")
        if state is not None:
            self.restoreState(state)
        splitter = settings.value("window/splitter")
        if splitter is not None:
            self.splitter.restoreState(splitter)
        view = settings.value("window/view", "dashboard")
        self.show_view(view if view in self.pages else "dashboard")

    def _fit_screen(self, *, center: bool) -> None:
        """Never larger than the screen's free area (a size saved on a big monitor must
        still show the status bar on a 1366x768 laptop); centred on the first start."""
        screen = self.screen() or QApplication.primaryScreen()
        if screen is None:
            return
        area = screen.availableGeometry()
        frame = self.frameGeometry().size() - self.geometry().size()
        width = min(self.width(), area.width() - frame.width())
        height = min(self.height(), area.height() - frame.height())
        if (width, height) != (self.width(), self.height()):
            self.resize(width, height)
            center = True
        if center:
            self.move(area.x() + (area.width() - width - frame.width()) // 2,
                      area.y() + (area.height() - height - frame.height()) // 2)

    def closeEvent(self, event) -> None:
        settings = QSettings()
        settings.setValue("window/geometry", self.saveGeometry())
        settings.setValue("window/state", self.saveState())
        settings.setValue("window/splitter", self.splitter.saveState())
        settings.setValue("window/view", self.current_view)
        self.reminders.timer.stop()
        super().closeEvent(event)
