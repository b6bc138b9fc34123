"""Administering an installation: organisations, providers, schemes, links, and the audit log."""
