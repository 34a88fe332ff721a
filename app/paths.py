"""Where a profile's data lives: the user's data directory, never next to the program."""
from __future__ import annotations

import os
from pathlib import Path

import platformdirs

APP_NAME = "LTC Desk"


def data_root() -> Path:
    return Path(os.environ.get("LTC_DATA_DIR") or platformdirs.user_data_path(APP_NAME, appauthor=False))


def default_profile_dir() -> Path:
    return data_root() / "profiles" / "default"


def log_dir() -> Path:
    return Path(os.environ.get("LTC_LOG_DIR") or platformdirs.user_log_path(APP_NAME, appauthor=False))
