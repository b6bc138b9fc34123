"""A test-only Tortoise app whose migrations make SQLite rebuild a table (test_migrations.py)."""
