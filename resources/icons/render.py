"""Render the application icon's PNG sizes (and the Windows .ico) from ltc-desk.svg:

    .venv/bin/python resources/icons/render.py

The PNGs are committed; run this again after editing the SVG.
"""
from __future__ import annotations

import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import Qt  # noqa: E402
from PySide6.QtGui import QGuiApplication, QImage, QPainter  # noqa: E402
from PySide6.QtSvg import QSvgRenderer  # noqa: E402

HERE = Path(__file__).resolve().parent
SOURCE = HERE / "ltc-desk.svg"
SIZES = (16, 24, 32, 48, 64, 128, 256, 512)


def render(size: int) -> QImage:
    image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    QSvgRenderer(str(SOURCE)).render(painter)
    painter.end()
    return image


def main() -> int:
    _app = QGuiApplication(sys.argv[:1])
    for size in SIZES:
        path = HERE / f"ltc-desk-{size}.png"
        if not render(size).save(str(path)):
            print(f"could not write {path}", file=sys.stderr)
            return 1
        print(path)
    ico = HERE / "ltc-desk.ico"
    if not render(256).save(str(ico)):
        print(f"could not write {ico}", file=sys.stderr)
        return 1
    print(ico)
    return 0


if __name__ == "__main__":
    sys.exit(main())
