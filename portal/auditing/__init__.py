"""Audits (ISO 10003 8.3 and 8.4, issue 19 part E): bulk chain verification runs, findings
against cases with their follow-up, and a report per period."""
