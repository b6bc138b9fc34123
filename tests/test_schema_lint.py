"""graphql-schema-linter over the published schema (issue 18, deliverable 7), with the rules of
frontend/.graphql-schema-linterrc: a description on every type, field, argument, input field and
enum value; the Relay connection, connection-argument and PageInfo specifications; and the
conventions the schema already keeps (enum values in capitals, camelCase input fields, used
types, capitalised type names, a reason on each deprecation)."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

from tests.test_frontend import FRONTEND, _needs_node

CONFIG = FRONTEND / ".graphql-schema-linterrc"
REQUIRED_RULES = {
    "types-have-descriptions",
    "fields-have-descriptions",
    "arguments-have-descriptions",
    "input-object-values-have-descriptions",
    "enum-values-have-descriptions",
    "relay-connection-types-spec",
    "relay-connection-arguments-spec",
    "relay-page-info-spec",
}


def test_the_linter_runs_the_rules_the_issue_names() -> None:
    config = json.loads(CONFIG.read_text(encoding="utf-8"))
    assert set(config["rules"]) >= REQUIRED_RULES
    assert [Path(FRONTEND, p).resolve() for p in config["schemaPaths"]] == [
        (FRONTEND.parent / "graphql" / "schema.graphql").resolve()
    ]


def test_the_schema_passes_graphql_schema_linter() -> None:
    _needs_node()
    done = subprocess.run(
        ["node_modules/.bin/graphql-schema-linter", "--format", "compact"],
        cwd=FRONTEND,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, (
        "graphql-schema-linter (rules in frontend/.graphql-schema-linterrc) reports:\n"
        + done.stdout[-20000:]
        + done.stderr[-2000:]
    )
