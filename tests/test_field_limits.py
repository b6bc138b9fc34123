"""Issue 16: a value over a limit is refused naming its field and the limit, in words and as
numbers (`UserError.limit`, `UserError.actual`), through one check (`portal.lengths`)."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import httpx
from starlette.applications import Starlette

from portal.api.node import to_global_id
from portal.casefiles.services import MAX_MESSAGE_LENGTH
from portal.cases.inputs import MAX_TEXT
from portal.complaints.services import MAX_SUBJECT
from portal.lengths import plain_size, too_long
from portal.notifications.destinations import MAX_URL_LENGTH
from portal.notifications.services import MAX_DESCRIPTION
from tests.factories import Factory, build_world, gql, login, quick_world
from tests.test_api_support import call, case_id, token_for

ROOT = Path(__file__).resolve().parents[1]
ERRORS = "userErrors { field code message limit actual }"
FILE = f"mutation M($input: FileComplaintInput!) {{ fileComplaint(input: $input) {{ {ERRORS} }} }}"
CREATE_HOOK = (
    "mutation M($input: CreateWebhookSubscriptionInput!) { createWebhookSubscription"
    f"(input: $input) {{ {ERRORS} }} }}"
)
POST = f"mutation M($input: PostMessageInput!) {{ postMessage(input: $input) {{ {ERRORS} }} }}"


def test_the_wording_names_the_limit_and_the_size_with_separators() -> None:
    assert too_long("Description", 10_000, 12_034) == (
        "Description is longer than 10,000 characters (12,034)."
    )
    assert [plain_size(n) for n in (1000, 65_536, 1 << 20, 26_214_400, 1_572_864)] == [
        "1,000 bytes",
        "64 KB",
        "1 MB",
        "25 MB",
        "1.5 MB",
    ]


async def test_a_too_long_complaint_names_its_field_and_the_limit(
    client: httpx.AsyncClient, app: Starlette, factory: Factory
) -> None:
    w = await quick_world(factory)
    token = await token_for(app, w.complainant)
    base = {
        "organisationId": to_global_id("Organisation", w.organisation.id),
        "subject": "Meter read wrongly",
        "description": "The bill assumes twice my usage.",
    }

    long_subject = await call(
        client, token, FILE, {"input": {**base, "subject": "s" * (MAX_SUBJECT + 3)}}
    )
    long_description = await call(
        client, token, FILE, {"input": {**base, "description": "d" * (MAX_TEXT + 1)}}
    )

    assert long_subject["data"]["fileComplaint"]["userErrors"] == [
        {
            "field": ["input", "subject"],
            "code": "TOO_LONG",
            "message": f"Subject is longer than {MAX_SUBJECT:,} characters ({MAX_SUBJECT + 3:,}).",
            "limit": MAX_SUBJECT,
            "actual": MAX_SUBJECT + 3,
        }
    ]
    assert long_description["data"]["fileComplaint"]["userErrors"] == [
        {
            "field": ["input", "description"],
            "code": "TOO_LONG",
            "message": "Description is longer than 20,000 characters (20,001).",
            "limit": MAX_TEXT,
            "actual": MAX_TEXT + 1,
        }
    ]


async def test_a_too_long_message_names_its_body_and_the_limit(
    client: httpx.AsyncClient, app: Starlette, factory: Factory
) -> None:
    w = await quick_world(factory)
    case = await w.new_case()
    token = await token_for(app, w.complainant)
    body = "m" * (MAX_MESSAGE_LENGTH + 10)

    refused = await call(
        client,
        token,
        POST,
        {"input": {"caseId": case_id(case), "body": body, "visibility": "ALL_PARTIES"}},
    )

    errors: list[dict[str, Any]] = refused["data"]["postMessage"]["userErrors"]
    assert [(e["field"], e["code"], e["limit"], e["actual"]) for e in errors] == [
        (["input", "body"], "TOO_LONG", MAX_MESSAGE_LENGTH, MAX_MESSAGE_LENGTH + 10)
    ]
    assert errors[0]["message"] == "The message is longer than 20,000 characters (20,010)."


def test_every_length_refusal_goes_through_the_one_check() -> None:
    # Nothing but portal.lengths raises TOO_LONG (the API's enum names the code only), so each
    # such refusal names its field and limit the same way.
    raising = re.compile(r"[\"']TOO_LONG[\"']")
    found = [
        path.relative_to(ROOT).as_posix()
        for path in (ROOT / "portal").rglob("*.py")
        if raising.search(path.read_text(encoding="utf-8"))
    ]
    assert sorted(found) == ["portal/api/errors.py", "portal/lengths.py"]


async def test_a_too_long_webhook_url_or_description_names_its_field_and_the_limit(
    client: httpx.AsyncClient, factory: Factory
) -> None:
    w = await build_world(factory)
    token = (await login(client, w.manager))["accessToken"]
    base = {
        "organisationId": to_global_id("Organisation", w.organisation.id),
        "url": "https://example.org/hook",
        "eventKinds": ["case_referred"],
    }
    long_url = "https://example.org/" + "p" * MAX_URL_LENGTH

    answers = [
        (await gql(client, CREATE_HOOK, {"input": {**base, **change}}, token)).json()
        for change in ({"url": long_url}, {"description": "d" * (MAX_DESCRIPTION + 1)})
    ]

    assert [
        [
            (e["field"], e["code"], e["message"], e["limit"], e["actual"])
            for e in a["data"]["createWebhookSubscription"]["userErrors"]
        ]
        for a in answers
    ] == [
        [
            (
                ["input", "url"],
                "TOO_LONG",
                too_long("The URL", MAX_URL_LENGTH, len(long_url)),
                MAX_URL_LENGTH,
                len(long_url),
            )
        ],
        [
            (
                ["input", "description"],
                "TOO_LONG",
                too_long("Description", MAX_DESCRIPTION, MAX_DESCRIPTION + 1),
                MAX_DESCRIPTION,
                MAX_DESCRIPTION + 1,
            )
        ],
    ]
