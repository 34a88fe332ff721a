"""Log files: a rotating file per program part in the user's log directory, every line
passed through a filter that blanks out anything that looks like a secret.

The code never logs tokens or passwords; the filter is defence in depth against
libraries (HTTP debug logs, exception texts that quote a request) doing it for us.
"""
from __future__ import annotations

import logging
import logging.handlers
import re
import sys
from pathlib import Path

from app.paths import log_dir

MAX_BYTES = 2 * 1024 * 1024
BACKUPS = 5
FILE_FORMAT = "%(asctime)s %(levelname)s %(name)s [%(threadName)s]: %(message)s"
CONSOLE_FORMAT = "%(levelname)s %(name)s: %(message)s"
REDACTED = "[redacted]"

_SECRET_NAMES = r"(?:password|passwd|passphrase|pwd|secret|token|access_token|refresh_token|api_key|apikey)"
_PATTERNS = (
    # Authorization: Bearer abc, in a header dump or a dict repr
    re.compile(r"(?i)(\bbearer\s+)[A-Za-z0-9._~+/=-]{8,}"),
    # scheme://user:password@host in a database or proxy URL
    re.compile(r"(\b[a-z][a-z0-9+.-]*://[^\s:/@]+:)[^\s@/]+(?=@)"),
    # "password": "x", 'token': 'x', password='x' (JSON, dict reprs, keyword arguments)
    re.compile(r"""(?i)(["']?\b\w*""" + _SECRET_NAMES + r"""\b["']?\s*[:=]\s*)(["'])(?:\\.|(?!\2).)*\2"""),
    # password=x in query strings and form bodies, token: x in plain text
    re.compile(r"(?i)(\b\w*" + _SECRET_NAMES + r"\b\s*[:=]\s*)(?![\"'\s])[^\s&,;)}\]]+"),
    # LTC_PASSWORD in a dumped environment
    re.compile(r"(?i)(LTC_PASSWORD\s*[:=]\s*)\S+"),
)


def redact(text: str) -> str:
    """`text` with every value that looks like a bearer token or a password blanked out."""
    for pattern in _PATTERNS:
        if pattern.groups >= 2:
            text = pattern.sub(lambda m: m.group(1) + m.group(2) + REDACTED + m.group(2), text)
        else:
            text = pattern.sub(lambda m: m.group(1) + REDACTED, text)
    return text


class RedactSecrets(logging.Filter):
    """A handler filter: the record's message (arguments merged in) and its traceback
    text are redacted before any handler formats them."""

    def filter(self, record: logging.LogRecord) -> bool:
        try:
            message = record.getMessage()
        except Exception:  # noqa: BLE001 - a bad format string still gets logged, as it is
            message = str(record.msg)
        record.msg, record.args = redact(message), None
        if record.exc_info and not record.exc_text:
            record.exc_text = logging.Formatter().formatException(record.exc_info)
        if record.exc_text:
            record.exc_text = redact(record.exc_text)
        if record.stack_info:
            record.stack_info = redact(record.stack_info)
        return True


def setup_logging(name: str, *, level: int = logging.INFO, console_level: int | None = logging.WARNING,
                  folder: Path | None = None) -> Path | None:
    """Send this process's logs to `<log dir>/<name>.log` (rotating, BACKUPS x MAX_BYTES) and,
    from `console_level`, to stderr; both redacted. Replaces the root logger's handlers.
    Returns the log file's path, or None when the folder cannot be written (stderr only)."""
    folder = Path(folder) if folder else log_dir()
    handlers: list[logging.Handler] = []
    path: Path | None = folder / f"{name}.log"
    try:
        folder.mkdir(parents=True, exist_ok=True)
        file_handler = logging.handlers.RotatingFileHandler(path, maxBytes=MAX_BYTES, backupCount=BACKUPS,
                                                            encoding="utf-8", delay=True)
        file_handler.setFormatter(logging.Formatter(FILE_FORMAT))
        file_handler.setLevel(level)
        handlers.append(file_handler)
    except OSError:
        path = None
    if console_level is not None or path is None:
        console = logging.StreamHandler(sys.stderr)
        console.setFormatter(logging.Formatter(CONSOLE_FORMAT))
        console.setLevel(console_level if console_level is not None else logging.WARNING)
        handlers.append(console)
    secrets = RedactSecrets()
    for handler in handlers:
        handler.addFilter(secrets)
    logging.basicConfig(level=min(level, console_level or level), handlers=handlers, force=True)
    # Migrations announce every step at INFO; one line per upgrade is enough.
    logging.getLogger("alembic").setLevel(max(level, logging.WARNING))
    return path


def current_log_file() -> Path | None:
    """The file the root logger writes to now, if any."""
    for handler in logging.getLogger().handlers:
        if isinstance(handler, logging.FileHandler):
            return Path(handler.baseFilename)
    return None
