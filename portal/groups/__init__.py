"""Linked and group cases (issue 20, deliverable 4)."""
