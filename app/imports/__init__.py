"""Importing CSV and XLSX files through the shared rules and the services.

readers (encodings, CSV/XLSX) -> mapping (columns to fields) -> plan (values, references,
decisions, validation; nothing written) -> commit (services, all or nothing or valid
rows) -> log. `engine` is the entry point for the wizard and the command line.
"""
from app.imports.commit import ALL_OR_NOTHING, MODES, VALID_ROWS
from app.imports.decisions import Decision, load_answers, parse_answers, template
from app.imports.engine import ImportPlan, ImportResult, ImportSource, commit_import, plan_import, run_import
from app.imports.errors import Cancelled, FileProblem, MappingProblem

__all__ = ["ALL_OR_NOTHING", "VALID_ROWS", "MODES", "Decision", "ImportPlan", "ImportResult", "ImportSource",
           "Cancelled", "FileProblem", "MappingProblem", "commit_import", "load_answers", "parse_answers",
           "plan_import", "run_import", "template"]
