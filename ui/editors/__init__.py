"""Record editors: one dialog class driven by field lists, validating with the shared rules."""
