"""Leads screens."""
