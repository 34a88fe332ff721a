"""Shared list machinery: a table model over ids with a page cache, the list view with
its column chooser, saved filters and CSV export."""
