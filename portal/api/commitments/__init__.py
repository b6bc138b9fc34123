"""GraphQL for ISO 10001 commitments: the published words, the manager's changes, the measures."""
