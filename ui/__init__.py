"""The desktop client (PySide6). Only main.py imports this package."""
