"""The import wizard (CSV, XLSX, the directory form with decisions) and the import log."""
