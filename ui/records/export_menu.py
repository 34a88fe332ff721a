"""Exporting a list: the rows to CSV or XLSX (formula-like cells escaped by the shared
writer), customers and contacts to vCard, activities and tasks to iCalendar.

`formats(entity)` says what a list offers; `write(session, fmt, spec, ids, path, ...)`
runs in the background and returns a line for the status bar.
"""
from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from app.exports import ical, vcard
from app.queries import export

translate = QCoreApplication.translate
# format -> file suffix
FORMATS = {"csv": "csv", "xlsx": "xlsx", "vcard": "vcf", "ical": "ics"}
CARDS = ("customer", "contact")
CALENDAR = ("activity",)


def formats(entity: str) -> list[str]:
    """The formats a list of `entity` exports to, in menu order."""
    out = ["csv", "xlsx"]
    if entity in CARDS:
        out.append("vcard")
    if entity in CALENDAR:
        out.append("ical")
    return out


def menu_text(fmt: str) -> str:
    return {"csv": translate("ExportMenu", "CSV…"), "xlsx": translate("ExportMenu", "Excel workbook (XLSX)…"),
            "vcard": translate("ExportMenu", "Address cards (vCard)…"),
            "ical": translate("ExportMenu", "Calendar (iCalendar)…")}[fmt]


def file_filter(fmt: str) -> str:
    return {"csv": translate("ExportMenu", "CSV files (*.csv)"),
            "xlsx": translate("ExportMenu", "Excel workbooks (*.xlsx)"),
            "vcard": translate("ExportMenu", "vCard files (*.vcf)"),
            "ical": translate("ExportMenu", "iCalendar files (*.ics)")}[fmt]


def format_of(path: str, default: str = "csv") -> str:
    """The format a file name asks for by its suffix."""
    suffix = str(path).rsplit(".", 1)[-1].lower() if "." in str(path) else ""
    return next((fmt for fmt, ext in FORMATS.items() if ext == suffix), default)


def with_suffix(path: str, fmt: str) -> str:
    ext = FORMATS[fmt]
    return path if path.lower().endswith("." + ext) else f"{path}.{ext}"


def write(session, fmt: str, spec, ids: list[str], path: str, *, columns=None, labels=None, dictionary=None) -> str:
    """Write `ids` of `spec`'s list to `path` in `fmt`; returns what was written, as a
    sentence for the status bar. Runs in the background (a read session)."""
    if fmt in ("csv", "xlsx"):
        n = export.export_rows(session, spec, ids, path, columns=columns, labels=labels)
        return translate("ExportMenu", "%n row(s) exported to %1", "", n).replace("%1", path)
    if fmt == "vcard":
        if spec.entity == "contact":
            n = vcard.export_vcards(session, path, contact_ids=ids)
        else:
            n = vcard.export_vcards(session, path, customer_ids=ids, dictionary=dictionary)
        return translate("ExportMenu", "%n address card(s) exported to %1", "", n).replace("%1", path)
    if fmt == "ical":
        result = ical.export_calendar(session, path, ids=ids)
        return calendar_message(result, path)
    raise ValueError(f"unknown export format {fmt!r}")


def calendar_message(result, path: str) -> str:
    text = translate("ExportMenu", "%n calendar entry(ies) exported to %1", "", result.events + result.todos) \
        .replace("%1", path)
    if result.skipped:
        text += " " + translate("ExportMenu", "(%n without a date left out)", "", result.skipped)
    return text


def write_customer(session, fmt: str, customer_id: str, path: str, *, dictionary=None) -> str:
    """One customer's card with its contacts' (vcard), or its activities and tasks (ical)."""
    if fmt == "vcard":
        n = vcard.export_vcards(session, path, customer_ids=[customer_id], dictionary=dictionary)
        return translate("ExportMenu", "%n address card(s) exported to %1", "", n).replace("%1", path)
    return calendar_message(ical.export_calendar(session, path, customer_id=customer_id), path)


def customer_export_button(workspace, customer_id: str, parent):
    """The customer 360's Export button: the customer and its contacts as vCard, its
    activities and tasks as iCalendar. `button.export(fmt, path)` runs one directly."""
    from PySide6.QtWidgets import QFileDialog, QMenu, QToolButton

    button = QToolButton(parent)
    button.setText(translate("ExportMenu", "Export"))
    button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
    menu = QMenu(button)

    def export(fmt: str, path: str | None = None):
        if not path:
            path, _ = QFileDialog.getSaveFileName(parent, translate("ExportMenu", "Export"),
                                                  f"customer.{FORMATS[fmt]}", file_filter(fmt))
            if not path:
                return None
            path = with_suffix(path, fmt)
        window = parent.window()
        return workspace.ops.query(write_customer, fmt, customer_id, path, dictionary=workspace.dictionary,
                                   on_done=lambda text: window.statusBar().showMessage(text, 6000)
                                   if hasattr(window, "statusBar") else None)

    menu.addAction(translate("ExportMenu", "Customer and contacts (vCard)…"), lambda: export("vcard"))
    menu.addAction(translate("ExportMenu", "Activities and tasks (iCalendar)…"), lambda: export("ical"))
    button.setMenu(menu)
    button.export = export
    return button
