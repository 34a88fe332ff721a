"""Activities screens."""
