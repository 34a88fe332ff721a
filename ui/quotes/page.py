"""The quotes list: every revision of every deal's quote, opened in the quote editor."""
from __future__ import annotations

from PySide6.QtCore import Signal

from app.queries import quotes as quote_queries
from ui.quotes.deal_picker import DealPicker
from ui.quotes.editor import QuoteEditor
from ui.records.page import ListPage


class QuotesPage(ListPage):
    """`sig_open(entity, id)` asks the window to show a record (an order made here)."""

    sig_open = Signal(str, str)

    def __init__(self, workspace, parent=None):
        super().__init__(workspace, quote_queries.LIST, self.tr("Quotes"), parent)
        self.add_button(self.tr("New quote…"), self.new_quote)
        self.add_button(self.tr("Open"), lambda: self.edit(self.list.current_id()), needs_selection=True)
        self.list.sig_open.connect(self.edit)
        self.editors: list[QuoteEditor] = []

    def start(self, filter_key: str | None = None) -> None:
        super().start(filter_key or ("current" if not self._started else None))

    def new_quote(self, deal_id: str | None = None):
        """Ask which deal (unless given), then open an empty quote for it."""
        if deal_id:
            return self._editor(None, deal_id)
        picker = DealPicker(self.ws, self)
        picker.sig_picked.connect(lambda picked: self._editor(None, picked))
        picker.open()
        return picker

    def edit(self, quote_id: str | None):
        if quote_id:
            return self._editor(quote_id, None)
        return None

    def _editor(self, quote_id: str | None, deal_id: str | None) -> QuoteEditor:
        editor = QuoteEditor(self.ws, quote_id, deal_id=deal_id, parent=self)
        editor.sig_open.connect(self.sig_open)
        editor.finished.connect(lambda _r, e=editor: self._closed(e))
        self.editors.append(editor)
        editor.open()
        return editor

    def _closed(self, editor: QuoteEditor) -> None:
        if editor in self.editors:
            self.editors.remove(editor)
        editor.deleteLater()
