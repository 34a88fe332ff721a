"""Invoices and payments: the invoice list, the payment list (recording and allocating are
finance's), receivables with their aging and the collections list, in four tabs."""
from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QTabWidget, QVBoxLayout, QWidget

from app.queries import invoices as invoice_queries
from app.queries import payments as payment_queries
from ui.invoices.allocation import AllocationDialog
from ui.invoices.collections import CollectionsView
from ui.invoices.editors import invoice_editor, payment_editor
from ui.invoices.receivables import ReceivablesView
from ui.invoices.view import InvoiceView
from ui.records.page import ListPage
from ui.roles import is_finance


class InvoicesPage(QWidget):
    """`sig_open(entity, id)` for records shown elsewhere (a customer, an order, a quote)."""

    sig_open = Signal(str, str)

    def __init__(self, workspace, parent=None):
        super().__init__(parent)
        self.ws = workspace
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.tabs = QTabWidget(self)
        self.invoices = ListPage(workspace, invoice_queries.LIST, self.tr("Invoices"), self)
        self.invoices.add_button(self.tr("New invoice…"), self.new_invoice)
        self.invoices.add_button(self.tr("Open"), lambda: self.open_invoice(self.invoices.list.current_id()),
                                 needs_selection=True)
        self.payments = ListPage(workspace, payment_queries.LIST, self.tr("Payments"), self)
        self.record_button = self.payments.add_button(self.tr("Record payment…"), self.record_payment)
        self.allocate_button = self.payments.add_button(
            self.tr("Allocate…") if is_finance(workspace) else self.tr("Open"),
            lambda: self.open_payment(self.payments.list.current_id()), needs_selection=True)
        # Recording a payment is finance's: a rep is not offered it.
        self.record_button.setVisible(is_finance(workspace))
        self.receivables = ReceivablesView(workspace, self)
        self.collections = CollectionsView(workspace, self)
        self.tabs.addTab(self.invoices, self.tr("Invoices"))
        self.tabs.addTab(self.payments, self.tr("Payments"))
        self.tabs.addTab(self.receivables, self.tr("Receivables"))
        self.tabs.addTab(self.collections, self.tr("Collections"))
        layout.addWidget(self.tabs)
        self.invoices.list.sig_open.connect(self.open_invoice)
        self.payments.list.sig_open.connect(self.open_payment)
        for view in (self.receivables, self.collections):
            view.sig_open.connect(self._route)
        self.tabs.currentChanged.connect(lambda _i: self._start_tab())

    def start(self, filter_key: str | None = None) -> None:
        if filter_key in ("receivables", "collections", "payments"):
            self.tabs.setCurrentWidget(getattr(self, filter_key))
            filter_key = None
        self._start_tab(filter_key)

    def _start_tab(self, filter_key: str | None = None) -> None:
        current = self.tabs.currentWidget()
        if current in (self.invoices, self.payments):
            current.start(filter_key)
        else:
            current.start()

    def _route(self, entity: str, record_id: str) -> None:
        if entity == "invoice":
            self.open_invoice(record_id)
        elif entity == "payment":
            self.open_payment(record_id)
        else:
            self.sig_open.emit(entity, record_id)

    # -- records ------------------------------------------------------------------------
    def open_invoice(self, invoice_id: str | None):
        if not invoice_id:
            return None
        view = InvoiceView(self.ws, invoice_id, self)
        view.sig_open.connect(self._route)
        view.finished.connect(lambda _r: view.deleteLater())
        view.open()
        return view

    def open_payment(self, payment_id: str | None):
        if not payment_id:
            return None
        dialog = AllocationDialog(self.ws, payment_id, self)
        dialog.finished.connect(lambda _r: dialog.deleteLater())
        dialog.open()
        return dialog

    def new_invoice(self):
        dialog = invoice_editor(self.ws, self)
        dialog.sig_saved.connect(lambda inv: self.open_invoice(inv["id"]))
        dialog.open()
        return dialog

    def record_payment(self):
        dialog = payment_editor(self.ws, self)
        dialog.sig_saved.connect(lambda payment: self.open_payment(payment["id"]))
        dialog.open()
        return dialog
