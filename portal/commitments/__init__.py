"""ISO 10001: an organisation's code-of-conduct commitments (models, services, measures)."""
