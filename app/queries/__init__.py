"""Read queries for the screens and reports: plain functions over a session (or a raw
connection) returning dicts and tuples. Sorting, filtering and paging happen in SQL."""
