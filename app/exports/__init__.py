"""Exports: lists to CSV and XLSX (formula-safe), customers and contacts to vCard 4.0,
activities and tasks to iCalendar. Plain functions over plain rows or a session."""
