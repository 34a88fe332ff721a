"""Deals screens."""
