"""The application icon, from the PNG sizes rendered out of resources/icons/ltc-desk.svg."""
from __future__ import annotations

from functools import cache

from PySide6.QtGui import QIcon

from app.paths import resource_path

SIZES = (16, 24, 32, 48, 64, 128, 256, 512)


@cache
def app_icon() -> QIcon:
    """The LTC Desk icon at every rendered size (empty if the resources are missing)."""
    icon = QIcon()
    for size in SIZES:
        path = resource_path("icons", f"ltc-desk-{size}.png")
        if path.is_file():
            icon.addFile(str(path))
    return icon
