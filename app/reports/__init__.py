"""Reports: the standard LTC metrics computed in SQL over the local copy, offline.
`kpis.compute` is the one entry the dashboard and the `report` command share."""
from app.reports.filters import FOCUS, ReportFilter, default_filter
from app.reports.kpis import METRICS, compute, compute_store, definitions, export, for_role, table

__all__ = ["FOCUS", "METRICS", "ReportFilter", "compute", "compute_store", "default_filter", "definitions", "export", "for_role",
           "table"]
