"""Dashboards: the standard LTC metrics as charts (QtCharts), filters, drill-down, quotas."""
