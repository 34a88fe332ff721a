"""The data-quality view."""
