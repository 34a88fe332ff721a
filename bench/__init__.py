"""Benchmarks against the performance budgets of DESIGN.md (results go to bench/results/)."""
