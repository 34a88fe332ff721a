"""The language of the client: chosen in Settings (System, 中文, English) or, by default,
the system's; the product's translations and Qt's own (standard dialogs, context menus)
installed before the first window, and the matching locale made the default for
numbers, money and dates.

A change of language takes effect at the next start: widgets are built translated.
"""
from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QSettings, QTranslator

from app.paths import resource_path

log = logging.getLogger(__name__)

LANGUAGE_KEY = "ui/language"
SYSTEM, CHINESE, ENGLISH = "system", "zh_CN", "en"
CHOICES = (SYSTEM, CHINESE, ENGLISH)
TRANSLATIONS = ("translations",)
PRODUCT_CATALOGUE = "ltc"
QT_CATALOGUES = ("qtbase",)

# Translators must outlive their installation (Qt keeps a pointer only).
_installed: list[QTranslator] = []


def chosen_language() -> str:
    """The Settings choice: "system", "zh_CN" or "en"."""
    value = QSettings().value(LANGUAGE_KEY, SYSTEM)
    return value if value in CHOICES else SYSTEM


def set_chosen_language(choice: str) -> None:
    if choice not in CHOICES:
        raise ValueError(f"unknown language choice {choice!r}")
    QSettings().setValue(LANGUAGE_KEY, choice)


def locale_for(choice: str, system: QLocale | None = None) -> QLocale:
    """The locale a choice means: Chinese (China), English (the system's own English
    variant if it is English, else United States), or the system's locale."""
    system = system or QLocale.system()
    if choice == CHINESE:
        return QLocale("zh_CN")
    if choice == ENGLISH:
        if system.language() == QLocale.Language.English:
            return system
        return QLocale("en_US")
    return system


def is_chinese(locale: QLocale) -> bool:
    return locale.language() == QLocale.Language.Chinese


def catalogue_path(name: str = PRODUCT_CATALOGUE, language: str = CHINESE) -> Path:
    """Where a compiled catalogue (.qm) ships: resources/translations/<name>_<language>.qm."""
    return resource_path(*TRANSLATIONS, f"{name}_{language}.qm")


def qt_catalogue(name: str, language: str) -> Path | None:
    """Qt's own catalogue (qtbase_zh_CN.qm): from Qt's translations folder, else the copy in resources."""
    file = f"{name}_{language}.qm"
    for folder in (Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)), resource_path(*TRANSLATIONS)):
        if (folder / file).is_file():
            return folder / file
    return None


def load_translator(path: Path | str) -> QTranslator | None:
    """A translator loaded from a .qm file, or None when it is missing or unreadable."""
    translator = QTranslator()
    if not translator.load(str(path)):
        return None
    return translator


def install(app: QCoreApplication | None = None, choice: str | None = None) -> QLocale:
    """Install the translators for `choice` (default: the Settings choice) and make its
    locale the default; returns that locale. Chinese of any region gets the Simplified
    Chinese catalogue (the only one shipped); any other language stays English."""
    app = app or QCoreApplication.instance()
    for old in _installed:
        app.removeTranslator(old)
    _installed.clear()
    locale = locale_for(choice or chosen_language())
    QLocale.setDefault(locale)
    if is_chinese(locale):
        found = [catalogue_path()] + [qt_catalogue(name, CHINESE) for name in QT_CATALOGUES]
        for path in found:
            translator = load_translator(path) if path else None
            if translator is None:
                log.warning("translation catalogue %s is missing; those texts stay in English", path)
                continue
            app.installTranslator(translator)
            _installed.append(translator)
    log.info("language %s (locale %s), %d catalogue(s)", choice or chosen_language(), locale.name(),
             len(_installed))
    return locale
