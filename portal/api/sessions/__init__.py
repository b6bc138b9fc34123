"""Sessions and hearings over GraphQL (issue 20, 1)."""
