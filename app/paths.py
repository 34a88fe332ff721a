"""Where a profile's data lives: the user's data directory, never next to the program."""
from __future__ import annotations

import os
import sys
from pathlib import Path

import platformdirs

APP_NAME = "LTC Desk"


def data_root() -> Path:
    return Path(os.environ.get("LTC_DATA_DIR") or platformdirs.user_data_path(APP_NAME, appauthor=False))


def default_profile_dir() -> Path:
    return data_root() / "profiles" / "default"


def log_dir() -> Path:
    return Path(os.environ.get("LTC_LOG_DIR") or platformdirs.user_log_path(APP_NAME, appauthor=False))


def resource_root() -> Path:
    """The folder holding resources/ (fonts, translations, mappings, icons): the source
    tree, or the bundle's own folder when running frozen (PyInstaller sets sys._MEIPASS)."""
    frozen = getattr(sys, "_MEIPASS", None)
    return Path(frozen) if frozen else Path(__file__).resolve().parents[1]


def resource_path(*parts: str) -> Path:
    """A path under resources/, e.g. resource_path("translations", "ltc_zh_CN.qm")."""
    return resource_root().joinpath("resources", *parts)
