"""Open the client at the Reports page or in the import wizard, for screenshots, on a profile
with the Maven set imported and a seed:

    .venv/bin/python main.py import --dir resources/demo/maven-crm --mapping resources/mappings/maven-crm/set.json \\
        --decisions resources/demo/maven-decisions.json --profile PROFILE
    .venv/bin/python main.py seed --customers 3000 --deals 6000 --activities 6000 --contacts 2000 --profile PROFILE
    ../shared/tools/shot docs/screenshots/dashboard-kpis.png --wait 12 -- \\
        .venv/bin/python docs/screenshots/shoot_insight.py PROFILE reports zh_CN
    ../shared/tools/shot docs/screenshots/import-wizard.png --wait 14 -- \\
        .venv/bin/python docs/screenshots/shoot_insight.py PROFILE import zh_CN

Views: reports (the dashboard as the profile's user sees it), import (the wizard on the Maven
folder, at its questions). Languages: zh_CN, en (default: the system's).
"""
from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from PySide6.QtCore import QTimer  # noqa: E402

from app.store import Store  # noqa: E402
from ui import i18n  # noqa: E402
from ui.app import application, open_window  # noqa: E402


def main(profile: str, view: str, language: str | None = None) -> int:
    app = application()
    if language:
        i18n.install(app, language)
    store = Store.open(profile)
    window = open_window(store)
    window.setGeometry(app.primaryScreen().availableGeometry())
    window.show()
    if view == "reports":
        window.show_view("reports")
    elif view == "import":
        from ui.imports.menu import open_import_wizard

        window.show_view("dashboard")

        def start():
            wizard = open_import_wizard(window)
            # Without a window manager a dialog has no frame: let it fill the screen instead.
            wizard.setGeometry(app.primaryScreen().availableGeometry())
            wizard.source_page.set_folder(ROOT / "resources" / "demo" / "maven-crm",
                                          ROOT / "resources" / "mappings" / "maven-crm" / "set.json")

            def answer_some():
                page = wizard.check_page
                if page.plan is None:
                    QTimer.singleShot(300, answer_some)
                    return
                # Two questions answered as a person would, the other still open; the problem rows shown.
                for row, (action, value) in zip(page.decisions.rows, (("map", "technology"), ("map", "GTX Pro"))):
                    row.answer_with(action, value)
                page.step.setCurrentText("opportunities")
                page.only_problems.setChecked(True)

            def forward():
                if wizard.currentPage() is wizard.check_page:
                    answer_some()
                    return
                if wizard.currentPage().isComplete():
                    wizard.next()
                QTimer.singleShot(300, forward)
            QTimer.singleShot(300, forward)
        QTimer.singleShot(300, start)
    return app.exec()


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:]))
