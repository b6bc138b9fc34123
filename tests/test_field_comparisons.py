"""Issue 13, found by the review after F2: a document far inside the size and token limits that
repeats one field hundreds of times made validation's overlap rule take about a second. The
comparisons it would make are counted first, against `graphql_max_field_comparisons`."""

from __future__ import annotations

from pathlib import Path

import httpx
from graphql import parse

from portal.api.overlap import field_comparisons
from portal.settings import load_settings
from tests.factories import answer

ROOT = Path(__file__).resolve().parents[1]
BUDGET = load_settings({}).graphql_max_field_comparisons


def nested(repeats: int, chain: list[str]) -> str:
    """``repeats`` copies of each field of ``chain`` at every level: `{ a { b } a { b } }`."""
    inner = "__typename " * repeats
    for field in reversed(chain):
        inner = f"{field} {{ {inner}}} " * repeats
    return "{ " + inner + "}"


async def test_a_field_repeated_hundreds_of_times_is_refused_before_validation(
    client: httpx.AsyncClient,
) -> None:
    # The review's document: 9.7 KB, 2,982 tokens, under both earlier limits.
    query = "{ " + "viewer{kind} " * 745 + "}"

    response = await client.post("/graphql", json={"query": query})

    assert response.status_code == 400
    body = response.json()
    assert "data" not in body
    assert [e["extensions"]["code"] for e in body["errors"]] == ["FIELD_COMPARISON_LIMIT_EXCEEDED"]
    assert f"more than {BUDGET} comparisons" in body["errors"][0]["message"]


async def test_repeats_that_multiply_through_nesting_are_refused_too(
    client: httpx.AsyncClient,
) -> None:
    # Four copies at each of four levels: 2,046 tokens, a third of a second of validation.
    query = nested(4, ["viewer", "user", "memberships"])

    response = await client.post("/graphql", json={"query": query})

    assert response.status_code == 400
    assert response.json()["errors"][0]["extensions"]["code"] == "FIELD_COMPARISON_LIMIT_EXCEEDED"


async def test_a_field_selected_again_through_fragments_still_runs(
    client: httpx.AsyncClient,
) -> None:
    query = """
      query Q { __typename ...A ...B ... on Query { __typename } }
      fragment A on Query { __typename }
      fragment B on Query { __typename ...A }
    """

    response = await client.post("/graphql", json={"query": query, "operationName": "Q"})

    assert response.status_code == 200, response.text
    assert answer(response) == {"data": {"__typename": "Query"}}


def test_comparisons_are_counted_as_the_overlap_rule_makes_them() -> None:
    assert field_comparisons(parse("{ viewer { kind } }"), BUDGET) == 0
    # One pair of `viewer`, then their one pair of `kind`.
    assert field_comparisons(parse("{ viewer { kind } viewer { kind } }"), BUDGET) == 2
    # Three `kind` through an inline fragment and a spread: three pairs.
    three = "{ viewer { kind ... on Viewer { kind } ...K } } fragment K on Viewer { kind }"
    assert field_comparisons(parse(three), BUDGET) == 3
    # Past the budget the count stops: None.
    assert field_comparisons(parse("{ " + "__typename " * 100 + "}"), 10) is None


def test_every_document_the_portal_and_the_guides_send_is_far_inside_the_budget() -> None:
    folders = (ROOT / "graphql" / "operations", ROOT / "graphql" / "examples")
    documents = sorted(path for folder in folders for path in folder.glob("*.graphql"))
    assert documents
    counts = {path.name: field_comparisons(parse(path.read_text()), BUDGET) for path in documents}

    # 5% at most: the case page's timeline selects fields on each of the event payload union's
    # types (issue 18), whose same-named fields are compared pairwise (47 comparisons).
    assert all(count is not None and count <= BUDGET // 20 for count in counts.values()), counts
