"""File > Settings: the language (System, 中文, English; it applies at the next start) and
the colour scheme (System, Light, Dark; it applies at once)."""
from __future__ import annotations

from PySide6.QtCore import QLocale
from PySide6.QtWidgets import (
    QApplication, QComboBox, QDialog, QDialogButtonBox, QFormLayout, QLabel, QVBoxLayout,
)

from ui import i18n, palette


class SettingsDialog(QDialog):
    """`language_changed` is True after an accepted dialog changed the language."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("settingsDialog")
        self.setWindowTitle(self.tr("Settings"))
        self.language_changed = False
        self.language = QComboBox(self)
        system = QLocale.system()
        self.language.addItem(self.tr("System (%1)").replace("%1", system.nativeLanguageName() or system.name()),
                              i18n.SYSTEM)
        # Each language is named in itself, so a user can find theirs whatever is showing.
        self.language.addItem("中文（简体）", i18n.CHINESE)
        self.language.addItem("English", i18n.ENGLISH)
        self.language.setCurrentIndex(max(0, self.language.findData(i18n.chosen_language())))
        self.theme = QComboBox(self)
        for label, choice in ((self.tr("System"), palette.SYSTEM), (self.tr("Light"), palette.LIGHT),
                              (self.tr("Dark"), palette.DARK)):
            self.theme.addItem(label, choice)
        self.theme.setCurrentIndex(max(0, self.theme.findData(palette.chosen_theme())))
        note = QLabel(self.tr("A new language takes effect the next time LTC Desk starts."), self)
        note.setWordWrap(True)
        form = QFormLayout()
        form.addRow(self.tr("Language"), self.language)
        form.addRow(self.tr("Appearance"), self.theme)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(note)
        layout.addWidget(buttons)
        self.setMinimumWidth(380)

    def accept(self) -> None:
        language = self.language.currentData()
        self.language_changed = language != i18n.chosen_language()
        i18n.set_chosen_language(language)
        theme = self.theme.currentData()
        if theme != palette.chosen_theme():
            palette.set_chosen_theme(theme)
            palette.apply(QApplication.instance(), theme)
        super().accept()
