"""Customers screens."""
