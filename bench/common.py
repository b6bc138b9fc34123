"""What the generator, the baseline and the load runner share: URLs, sign-ins, where files go."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

BENCH_DIR = Path(__file__).resolve().parent
DATA_DIR = BENCH_DIR / ".data"

DEFAULT_URL = "postgres://postgres@127.0.0.1:5432/parley_bench"

# Every account the load run signs in with has this password (one argon2 hash, reused).
BENCH_PASSWORD = "parley-bench-2026"
# The consumer whose newest case the case-page read opens.
COMPLAINANT_EMAIL = "complainant@bench.example"


def agent_email(slug: str) -> str:
    """The organisation agent of the organisation ``slug``."""
    return f"agent@{slug}.example"


# The organisation the case-list read is measured for: the largest one.
LIST_ORGANISATION = "northwind"


def asyncpg_dsn(url: str) -> str:
    """``url`` without its query: Tortoise reads ``?minsize=..&maxsize=..``, asyncpg would take
    them for server settings."""
    parts = urlsplit(url)
    return urlunsplit(parts._replace(query="", fragment=""))


def database_name(url: str) -> str:
    name = urlsplit(url).path.lstrip("/")
    if not name:
        raise SystemExit(f"no database name in {url}")
    return name


def maintenance_dsn(url: str) -> str:
    """The same server's ``postgres`` database, to drop and create the bench database from."""
    parts = urlsplit(url)
    return urlunsplit(parts._replace(path="/postgres", query="", fragment=""))


def with_database(url: str, name: str) -> str:
    return urlunsplit(urlsplit(url)._replace(path=f"/{name}"))
