"""Fees and waivers over GraphQL (issue 20, deliverable 2)."""
