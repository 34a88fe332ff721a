"""Search screens."""
