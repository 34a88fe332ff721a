"""Administration: users and books, devices, the data dictionary, duplicates."""
