"""The published GraphQL contract: graphql/schema.graphql is what the code serves, and graphql/
stays a folder of documents, never a Python package that would shadow graphql-core."""

from __future__ import annotations

from pathlib import Path

import graphql

from portal.api.schema import schema_sdl
from portal.settings import load_settings

ROOT = Path(__file__).resolve().parents[1]
GRAPHQL_DIR = ROOT / "graphql"
SCHEMA_FILE = GRAPHQL_DIR / "schema.graphql"
PYTHON_SUFFIXES = {".py", ".pyi", ".pyc", ".pyo", ".pyd", ".so"}


def test_schema_file_matches_the_code() -> None:
    # The defaults, as `./run export-schema` without PORTAL_* variables produces it.
    exported = schema_sdl(load_settings({}))
    assert SCHEMA_FILE.is_file(), "graphql/schema.graphql is missing: run `./run export-schema`"
    assert SCHEMA_FILE.read_text(encoding="utf-8") == exported, (
        "graphql/schema.graphql differs from the schema the code serves: run "
        "`./run export-schema` and commit the result (a change to the published contract)."
    )


def test_graphql_folder_holds_no_python() -> None:
    python = sorted(
        str(path.relative_to(ROOT))
        for path in GRAPHQL_DIR.rglob("*")
        if path.suffix in PYTHON_SUFFIXES
        or path.name.startswith("__init__")
        or path.name == "__pycache__"
    )
    assert python == [], (
        f"graphql/ must hold no Python ({python}): a `graphql` package at the repository root "
        "shadows graphql-core, the library strawberry imports as `graphql`."
    )


def test_graphql_import_is_graphql_core() -> None:
    assert graphql.__file__ is not None
    assert not Path(graphql.__file__).resolve().is_relative_to(GRAPHQL_DIR)
    assert hasattr(graphql, "specified_rules")
