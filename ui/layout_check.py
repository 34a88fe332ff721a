"""Layout problems a translation brings: text cut off, widgets on top of each other, and
English left over on a Chinese screen.

`problems(window)` looks at what is visible now and describes, one line each: labels,
buttons and check boxes narrower than their text; navigation items, tab titles and
column headers whose text is elided; sibling widgets in one layout that overlap; a
window whose minimum size does not fit its screen. The tests run it over every view in
Chinese at 1366x768; docs/screenshots/shoot_languages.py --report prints it on a real
screen (and at 200% scaling).
"""
from __future__ import annotations

from PySide6.QtWidgets import (
    QAbstractButton, QCheckBox, QHeaderView, QLabel, QListWidget, QRadioButton, QStackedWidget, QTabBar, QWidget,
)

# Pixels of slack before a shortfall counts (rounding, styles' own margins).
SLACK = 2


def _name(widget: QWidget) -> str:
    text = ""
    if isinstance(widget, (QLabel, QAbstractButton)):
        text = widget.text()
    name = widget.objectName() or type(widget).__name__
    parent = widget.parentWidget()
    owner = type(parent).__name__ if parent is not None else ""
    return f"{name} in {owner}" + (f" {text[:40]!r}" if text else "")


def _visible(widget: QWidget) -> bool:
    return widget.isVisible() and widget.width() > 0 and widget.height() > 0


def _cut_text(widget: QWidget) -> str | None:
    if isinstance(widget, QLabel):
        has_picture = widget.pixmap() is not None and not widget.pixmap().isNull()
        if widget.wordWrap() or not widget.text() or has_picture:
            return None
        need = widget.sizeHint().width()
    elif isinstance(widget, (QAbstractButton, QCheckBox, QRadioButton)):
        if not widget.text():
            return None
        need = widget.sizeHint().width()
    else:
        return None
    if widget.width() + SLACK < need:
        return f"cut off: {_name(widget)} is {widget.width()} px wide, its text needs {need} px"
    return None


def _elided_items(widget: QWidget) -> list[str]:
    out = []
    if isinstance(widget, QListWidget) and widget.objectName() == "navigation":
        room = widget.viewport().width()
        for i in range(widget.count()):
            item = widget.item(i)
            need = widget.visualItemRect(item).x() + widget.fontMetrics().horizontalAdvance(item.text())
            if item.text() and need > room + SLACK:
                out.append(f"elided: navigation item {item.text()!r} needs {need} px of {room}")
    elif isinstance(widget, QTabBar) and not widget.elideMode().name == "ElideNone":
        for i in range(widget.count()):
            if widget.tabRect(i).width() + SLACK < widget.tabSizeHint(i).width() and widget.isTabVisible(i):
                out.append(f"elided: tab {widget.tabText(i)!r} in {_name(widget.parentWidget() or widget)}")
    elif isinstance(widget, QHeaderView) and widget.orientation().name == "Horizontal":
        model = widget.model()
        if model is None:
            return out
        metrics = widget.fontMetrics()
        for section in range(widget.count()):
            if widget.isSectionHidden(section) or widget.sectionSize(section) == 0:
                continue
            text = str(model.headerData(section, widget.orientation()) or "")
            # Header text gets the style's margins and, on the sorted column, the sort arrow.
            need = metrics.horizontalAdvance(text) + 16 + (14 if widget.sortIndicatorSection() == section else 0)
            if text and widget.sectionSize(section) + SLACK < need:
                out.append(f"elided: column {text!r} is {widget.sectionSize(section)} px, needs {need} px")
    return out


def _overlaps(parent: QWidget) -> list[str]:
    layout = parent.layout()
    if layout is None or isinstance(parent, QStackedWidget):
        return []
    children = [w for w in parent.findChildren(QWidget, options=_direct()) if _visible(w) and layout.indexOf(w) >= 0]
    out = []
    for i, first in enumerate(children):
        for second in children[i + 1:]:
            shared = first.geometry().intersected(second.geometry())
            if shared.width() > SLACK and shared.height() > SLACK:
                out.append(f"overlap: {_name(first)} and {_name(second)}")
    return out


def _direct():
    from PySide6.QtCore import Qt

    return Qt.FindChildOption.FindDirectChildrenOnly


# Latin words a Chinese screen may show: names of formats, standards and the product.
KEPT_WORDS = {"CSV", "PDF", "RACI", "LTC", "Desk", "Qt", "PySide6", "Python", "Markdown", "DSO", "VAT", "MIT",
              "LGPL", "Apache", "WenQuanYi", "Micro", "Hei", "English", "E-mail", "Ctrl", "Shift", "Linux"}


def _screen_texts(window: QWidget) -> list[tuple[str, str]]:
    """(where, text) of the interface text visible in `window`: labels, buttons, tabs,
    column headers, choices, placeholders, group titles and navigation items."""
    from PySide6.QtWidgets import QComboBox, QGroupBox, QLineEdit

    out = []
    for widget in [window, *window.findChildren(QWidget)]:
        if not _visible(widget):
            continue
        where = _name(widget).split(" '")[0]
        if isinstance(widget, (QLabel, QAbstractButton)):
            out += [(where, widget.text()), (where, widget.toolTip())]
        elif isinstance(widget, QLineEdit):
            out.append((where, widget.placeholderText()))
        elif isinstance(widget, QComboBox):
            out += [(where, widget.itemText(i)) for i in range(widget.count())]
        elif isinstance(widget, QTabBar):
            out += [(where, widget.tabText(i)) for i in range(widget.count())]
        elif isinstance(widget, QGroupBox):
            out.append((where, widget.title()))
        elif isinstance(widget, QHeaderView) and widget.orientation().name == "Horizontal" and widget.model():
            out += [(where, str(widget.model().headerData(i, widget.orientation()) or ""))
                    for i in range(widget.count())]
        elif isinstance(widget, QListWidget) and widget.objectName() == "navigation":
            out += [(where, widget.item(i).text()) for i in range(widget.count())]
    return out


def english_left(window: QWidget, kept: set[str] | frozenset = frozenset()) -> list[str]:
    """Interface text in `window` still showing English words (beyond KEPT_WORDS and
    `kept`, e.g. the user's name): in a Chinese session, text nobody translated."""
    import re

    found = []
    for where, text in _screen_texts(window):
        plain = re.sub(r"<[^>]+>|&\w+;|https?://\S+|\S+@\S+", " ", text or "")
        # Acronyms and codes (CNY, CSV, DSO) read the same in Chinese.
        words = [w for w in re.findall(r"[A-Za-z][A-Za-z-]{2,}", plain)
                 if w not in KEPT_WORDS | set(kept) and not w.isupper()]
        if words:
            found.append(f"English: {plain.strip()[:80]!r} ({where})")
    return list(dict.fromkeys(found))


def problems(window: QWidget) -> list[str]:
    """What is cut off or overlapping in `window` as it is shown now (empty when nothing is)."""
    found: list[str] = []
    screen = window.screen()
    if screen is not None and window.isWindow():
        room, need = screen.availableGeometry().size(), window.minimumSizeHint()
        if need.width() > room.width() or need.height() > room.height():
            found.append(f"too big: {_name(window)} needs at least {need.width()}x{need.height()}, "
                         f"the screen has {room.width()}x{room.height()}")
    for widget in [window, *window.findChildren(QWidget)]:
        if not _visible(widget):
            continue
        cut = _cut_text(widget)
        if cut:
            found.append(cut)
        found += _elided_items(widget)
        found += _overlaps(widget)
    return list(dict.fromkeys(found))
