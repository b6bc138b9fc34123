"""Issue 13 F1 and F5: who is a party to a complaint and a case, and who may make them one.

F1: only the complainant names a representative, and never someone of the other side.
F5: recording a complaint for an address reveals nothing of an existing account.
"""

from __future__ import annotations

import sqlite3
import uuid
from pathlib import Path
from typing import Any

import asyncpg
import httpx
import pytest
from starlette.applications import Starlette

from portal.accounts.models import Role, User
from portal.api.node import to_global_id
from portal.casefiles.services import post_message
from portal.cases.checks import conflicted_representatives
from portal.cases.errors import CaseError
from portal.cases.models import CaseParticipant, DisputeCase
from portal.cases.states import Stage
from portal.complaints.models import Complaint, ComplaintStatus
from portal.complaints.services import record_complaint, refer_complaint
from portal.notifications.models import OutboxMessage
from portal.timeline.models import TimelineEvent, Visibility
from tests.factories import Factory, World, actor_for, bare, quick_world
from tests.process_support import portal
from tests.test_api_support import call, filed, gid, token_for

REFER = """
mutation R($input: ReferComplaintInput!) {
  referComplaint(input: $input) {
    case { id representative { displayName } }
    userErrors { field code message }
  }
}
"""
NOT_ALLOWED = {
    "field": ["input", "representativeId"],
    "code": "REPRESENTATIVE_NOT_ALLOWED",
    "message": "Only the complainant names a representative, and never someone who works for "
    "the organisation or the provider.",
}


def refer_input(w: World, complaint: Complaint, representative: User) -> dict[str, Any]:
    return {
        "input": {
            "complaintId": gid(complaint),
            "providerId": to_global_id("Provider", w.provider.id),
            "method": "MEDIATION",
            "unresolvedReason": "Refused.",
            "representativeId": to_global_id("User", representative.id),
        }
    }


async def nothing_referred(complaint: Complaint) -> bool:
    return (
        (await Complaint.get(id=complaint.id)).status is ComplaintStatus.RECEIVED
        and not await DisputeCase.filter(complaint_id=complaint.id).exists()
        and await CaseParticipant.all().count() == 0
        and await TimelineEvent.all().count() == 0
    )


# --- F1: naming a representative ------------------------------------------------------------


async def test_an_organisations_agent_cannot_make_itself_or_anyone_the_representative(
    client: httpx.AsyncClient, app: Starlette, factory: Factory
) -> None:
    # Given Maria's complaint, as the review found it: the agent refers it naming itself.
    w = await quick_world(factory)
    complaint = await filed(w)
    stranger = await factory.user()
    client_token = (
        await client.post(
            "/oauth/token",
            data={"grant_type": "client_credentials"},
            auth=await _credentials(factory, w),
        )
    ).json()["access_token"]

    answers = [
        await call(client, token, REFER, refer_input(w, complaint, named))
        for token, named in [
            (await token_for(app, w.agent), w.agent),
            (await token_for(app, w.manager), stranger),
            (client_token, stranger),
            (await token_for(app, w.caseworker), w.caseworker),
        ]
    ]

    staff = [a["data"]["referComplaint"] for a in answers[:3]]
    assert staff == [{"case": None, "userErrors": [NOT_ALLOWED]}] * 3
    # The provider's caseworker may not even see the complaint: exactly like a missing one.
    assert [e["code"] for e in answers[3]["data"]["referComplaint"]["userErrors"]] == ["NOT_FOUND"]
    assert await nothing_referred(complaint)


async def _credentials(factory: Factory, w: World) -> tuple[str, str]:
    created = await factory.service_account(Role.ORG_AGENT, organisation=w.organisation)
    return created.account.client_id, created.client_secret


async def test_the_complainant_may_not_name_anyone_of_the_other_side(factory: Factory) -> None:
    w = await quick_world(factory)
    complaint = await filed(w)
    people = Factory(factory.settings, passwords=False)
    admin = await people.user(Role.ADMIN)
    everywhere = await people.user(Role.AUDITOR)
    other_side = [
        w.agent,
        w.manager,
        w.auditor,
        w.caseworker,
        w.neutral,
        admin,
        everywhere,
        w.complainant,
    ]
    maria = await actor_for(w.complainant)

    codes = []
    for named in other_side:
        with pytest.raises(CaseError) as refused:
            await refer_complaint(maria, complaint.id, _referral(w, named))
        codes.append((refused.value.code, refused.value.field))

    assert codes == [("REPRESENTATIVE_NOT_ALLOWED", "representative_id")] * len(other_side)
    assert await nothing_referred(complaint)


async def test_the_complainant_names_someone_working_elsewhere_who_then_acts_for_her(
    client: httpx.AsyncClient, app: Starlette, factory: Factory
) -> None:
    # An adviser who is an agent of another organisation is no one of this case's sides.
    w = await quick_world(factory)
    complaint = await filed(w)
    adviser = await factory.user(Role.ORG_AGENT, organisation=await factory.organisation())

    named = await call(
        client, await token_for(app, w.complainant), REFER, refer_input(w, complaint, adviser)
    )
    seen = await call(
        client, await token_for(app, adviser), "{ cases { edges { node { viewerRoles } } } }"
    )

    assert named["data"]["referComplaint"]["userErrors"] == []
    assert named["data"]["referComplaint"]["case"]["representative"] == {
        "displayName": adviser.display_name
    }
    assert seen["data"]["cases"]["edges"] == [{"node": {"viewerRoles": ["REPRESENTATIVE"]}}]


def _referral(w: World, named: User) -> dict[str, Any]:
    return {
        "provider_id": w.provider.id,
        "method": "mediation",
        "unresolved_reason": "Refused.",
        "representative_id": named.id,
    }


CASE = """
query C($id: ID!) {
  case(id: $id) {
    stage viewerRoles availableActions
    messages { edges { node { body visibility } } }
  }
}
"""
WITHDRAW = """
mutation W($input: WithdrawCaseInput!) {
  withdrawCase(input: $input) { case { stage } userErrors { code } }
}
"""


async def test_staff_made_representative_before_the_fix_act_only_as_staff(
    client: httpx.AsyncClient, app: Starlette, factory: Factory
) -> None:
    # Given a row written before the fix: the organisation's agent as Maria's representative.
    w = await quick_world(factory)
    case = await w.new_case()
    await CaseParticipant.create(case_id=case.id, user_id=w.agent.id, role="representative")
    await post_message(
        await actor_for(w.complainant), case.id, "I would accept 50", Visibility.CAUCUS_COMPLAINANT
    )
    await post_message(await actor_for(w.complainant), case.id, "Hello all", Visibility.ALL_PARTIES)
    agent = await token_for(app, w.agent)
    case_gid = to_global_id("DisputeCase", case.id)

    seen = await call(client, agent, CASE, {"id": case_gid})
    withdrawn = await call(client, agent, WITHDRAW, {"input": {"caseId": case_gid}})

    assert seen["data"]["case"] == {
        "stage": "REFERRED",
        "viewerRoles": ["ORGANISATION"],
        "availableActions": [],
        "messages": {"edges": [{"node": {"body": "Hello all", "visibility": "ALL_PARTIES"}}]},
    }
    # As staff, the agent may withdraw only where the scheme lets the organisation do so.
    assert withdrawn["data"]["withdrawCase"] == {
        "case": None,
        "userErrors": [{"code": "WITHDRAWAL_NOT_ALLOWED"}],
    }
    assert (await DisputeCase.get(id=case.id)).stage is Stage.REFERRED


async def test_representatives_holding_a_role_on_the_other_side_are_reported(
    factory: Factory,
) -> None:
    w = await quick_world(factory)
    first, second = await w.new_case(), await w.new_case()
    admin = await Factory(factory.settings, passwords=False).user(Role.ADMIN)
    adviser = await Factory(factory.settings, passwords=False).user()
    for case_id, user_id in [
        (first.id, w.agent.id),
        (first.id, adviser.id),
        (second.id, w.neutral.id),
        (second.id, admin.id),
    ]:
        await CaseParticipant.create(case_id=case_id, user_id=user_id, role="representative")

    found = [f.line() for f in await conflicted_representatives()]

    assert found == [
        f"representative-conflict: case {first.reference} ({first.id}): representative "
        f"{w.agent.id} holds org_agent in organisation:{w.organisation.id}",
        *sorted(
            [
                f"representative-conflict: case {second.reference} ({second.id}): representative "
                f"{w.neutral.id} holds neutral in provider:{w.provider.id}",
                f"representative-conflict: case {second.reference} ({second.id}): representative "
                f"{admin.id} holds admin in installation",
            ],
            key=lambda line: line.split("representative ")[1],
        ),
    ]
    # Reported, not removed.
    assert await CaseParticipant.filter(role="representative").count() == 4


FIND_AGENT_ON_A_CASE = """
SELECT c.id, c.reference, m.user_id FROM dispute_case c
JOIN membership m ON m.organisation_id = c.organisation_id AND m.role = 'org_agent'
ORDER BY c.reference, m.user_id LIMIT 1
"""
ADD_REPRESENTATIVE = (
    "INSERT INTO case_participant (id, case_id, user_id, role, created_at) "
    "VALUES ({}, {}, {}, 'representative', CURRENT_TIMESTAMP)"
)


async def _make_agent_a_representative(env: dict[str, str]) -> tuple[str, str, str]:
    """As a database written before the fix may hold: returns (case id, reference, agent id)."""
    new_id = str(uuid.uuid4())
    url = env.get("PORTAL_DATABASE_URL")
    if url is None:
        with sqlite3.connect(Path(env["PORTAL_DATA_DIR"]) / "parley.sqlite3") as db:
            case_id, reference, user_id = db.execute(FIND_AGENT_ON_A_CASE).fetchone()
            db.execute(ADD_REPRESENTATIVE.format("?", "?", "?"), (new_id, case_id, user_id))
        return str(case_id), reference, str(user_id)
    connection = await asyncpg.connect(url.replace("postgres://", "postgresql://", 1))
    try:
        case_id, reference, user_id = await connection.fetchrow(FIND_AGENT_ON_A_CASE)
        await connection.execute(
            ADD_REPRESENTATIVE.format("$1", "$2", "$3"), uuid.UUID(new_id), case_id, user_id
        )
    finally:
        await connection.close()
    return str(case_id), reference, str(user_id)


async def test_portal_check_and_migrate_report_staff_representatives_and_keep_them(
    cli_env: dict[str, str],
) -> None:
    assert portal(cli_env, "demo").returncode == 0
    clean = portal(cli_env, "check")
    case_id, reference, agent_id = await _make_agent_a_representative(cli_env)

    checked = portal(cli_env, "check")
    migrated = portal(cli_env, "migrate")

    assert (clean.returncode, clean.stdout) == (0, "No findings.\n")
    line = (
        f"warning: representative-conflict: case {reference} ({case_id}): representative "
        f"{agent_id} holds org_agent in organisation:"
    )
    assert checked.returncode == 1
    assert checked.stdout.startswith(line), checked.stdout
    assert "1 representative(s) also hold a role on the other side" in checked.stdout
    assert migrated.returncode == 0, migrated.stderr
    assert line in migrated.stdout
    assert portal(cli_env, "check").returncode == 1  # reported again: nothing was deleted


# --- F5: recording a complaint for an address -----------------------------------------------

RECORD = """
mutation R($input: RecordComplaintInput!) {
  recordComplaint(input: $input) {
    complaint { id reference status channel confirmedAt complainant { displayName isViewer } }
    userErrors { field code message }
  }
}
"""
COMPLAINT = "query C($id: ID!) { node(id: $id) { ... on Complaint { %s } } }"
SEEN = "confirmedAt complainant { displayName isViewer } dispute { reference }"
CONFIRM = """
mutation C($input: ConfirmComplaintInput!) {
  confirmComplaint(input: $input) {
    complaint { confirmedAt complainant { displayName isViewer } }
    userErrors { field code message }
  }
}
"""


def record_input(w: World, email: str, name: str = "Someone Calling") -> dict[str, Any]:
    return {
        "input": {
            "organisationId": to_global_id("Organisation", w.organisation.id),
            "complainantEmail": email,
            "complainantName": name,
            "channel": "PHONE",
            "subject": "Rude engineer",
            "description": "Told on the phone.",
        }
    }


def without_ids(payload: dict[str, Any]) -> dict[str, Any]:
    complaint = payload["complaint"]
    return {**payload, "complaint": {**complaint, "id": None, "reference": None}}


async def test_recording_for_an_address_with_an_account_reveals_nothing_of_it(
    client: httpx.AsyncClient, app: Starlette, factory: Factory
) -> None:
    # Given the installation's admin, and an agent of an organisation she has nothing to do with.
    w = await quick_world(factory)
    robin = await factory.user(Role.ADMIN, email="admin@parley.example")
    await User.filter(id=robin.id).update(display_name="Robin Admin")
    agent = await token_for(app, w.agent)

    known = await call(client, agent, RECORD, record_input(w, "ADMIN@parley.example "))
    unknown = await call(client, agent, RECORD, record_input(w, "nobody@example.org"))
    no_name = [
        await call(client, agent, RECORD, record_input(w, email, name=" "))
        for email in ("admin@parley.example", "nobody-else@example.org")
    ]
    read = await call(
        client, agent, COMPLAINT % SEEN, {"id": known["data"]["recordComplaint"]["complaint"]["id"]}
    )
    listed = await call(
        client, agent, "{ complaints { edges { node { complainant { displayName } } } } }"
    )

    # The same answer either way, with the name the agent typed, never the account's.
    assert without_ids(known["data"]["recordComplaint"]) == without_ids(
        unknown["data"]["recordComplaint"]
    )
    assert known["data"]["recordComplaint"] == {
        "complaint": {
            **known["data"]["recordComplaint"]["complaint"],
            "status": "RECEIVED",
            "channel": "PHONE",
            "confirmedAt": None,
            "complainant": {"displayName": "Someone Calling", "isViewer": False},
        },
        "userErrors": [],
    }
    assert read["data"]["node"] == {
        "confirmedAt": None,
        "complainant": {"displayName": "Someone Calling", "isViewer": False},
        "dispute": None,
    }
    assert "Robin" not in str([known, unknown, read, listed])
    assert (
        bare(no_name[0])
        == bare(no_name[1])
        == {
            "data": {
                "recordComplaint": {
                    "complaint": None,
                    "userErrors": [
                        {
                            "field": ["input", "complainantName"],
                            "code": "REQUIRED",
                            "message": "`complainant_name` is required.",
                        }
                    ],
                }
            }
        }
    )
    # The complaint is the account's, and its owner is told by mail, as a new address is.
    mine = await Complaint.get(complainant_id=robin.id)
    assert (mine.complainant_name, mine.confirmed_at) == ("Someone Calling", None)
    mails = await OutboxMessage.filter(kind="complaint_recorded").order_by("created_at")
    assert [(m.recipient, m.context["name"]) for m in mails] == [
        ("admin@parley.example", "Robin Admin"),
        ("nobody@example.org", "Someone Calling"),
    ]
    assert not await User.exists(email="nobody-else@example.org")


async def test_a_recorded_complaint_is_referred_by_the_organisation_only_once_confirmed(
    client: httpx.AsyncClient, app: Starlette, factory: Factory
) -> None:
    w = await quick_world(factory)
    agent = await token_for(app, w.agent)
    maria = await token_for(app, w.complainant)
    recorded = await call(client, agent, RECORD, record_input(w, w.complainant.email))
    complaint_id = recorded["data"]["recordComplaint"]["complaint"]["id"]
    refer = {
        "input": {
            "complaintId": complaint_id,
            "providerId": to_global_id("Provider", w.provider.id),
            "method": "MEDIATION",
            "unresolvedReason": "Refused.",
        }
    }
    refer_query = REFER.replace("representative { displayName }", "reference")

    too_early = await call(client, agent, refer_query, refer)
    unchanged = await Complaint.get()
    by_agent = await call(client, agent, CONFIRM, {"input": {"complaintId": complaint_id}})
    seen_by_owner = await call(client, maria, COMPLAINT % SEEN, {"id": complaint_id})
    confirmed = await call(client, maria, CONFIRM, {"input": {"complaintId": complaint_id}})
    seen_by_agent = await call(client, agent, COMPLAINT % SEEN, {"id": complaint_id})
    referred = await call(client, agent, refer_query, refer)

    assert too_early["data"]["referComplaint"] == {
        "case": None,
        "userErrors": [
            {
                "field": None,
                "code": "COMPLAINANT_NOT_CONFIRMED",
                "message": "The complainant has not confirmed this recorded complaint yet; it "
                "can be referred once they do, or by them.",
            }
        ],
    }
    assert (unchanged.status, unchanged.confirmed_at) == (ComplaintStatus.RECEIVED, None)
    assert [e["code"] for e in by_agent["data"]["confirmComplaint"]["userErrors"]] == ["FORBIDDEN"]
    assert seen_by_owner["data"]["node"]["complainant"] == {
        "displayName": w.complainant.display_name,
        "isViewer": True,
    }
    assert confirmed["data"]["confirmComplaint"]["userErrors"] == []
    assert confirmed["data"]["confirmComplaint"]["complaint"]["confirmedAt"] is not None
    assert seen_by_agent["data"]["node"]["complainant"] == {
        "displayName": w.complainant.display_name,
        "isViewer": False,
    }
    assert referred["data"]["referComplaint"]["userErrors"] == []


async def test_the_complainant_referring_a_recorded_complaint_confirms_it(
    factory: Factory,
) -> None:
    w = await quick_world(factory)
    recorded = await record_complaint(
        await actor_for(w.agent),
        w.organisation.id,
        {
            "channel": "letter",
            "complainant_email": w.complainant.email,
            "complainant_name": "M.",
            "subject": "Meter",
            "description": "Wrong reads.",
        },
    )

    case = await refer_complaint(
        await actor_for(w.complainant),
        recorded.id,
        {"provider_id": w.provider.id, "method": "mediation", "unresolved_reason": "No."},
    )

    complaint = await Complaint.get(id=recorded.id)
    assert complaint.status is ComplaintStatus.REFERRED
    assert complaint.confirmed_at == complaint.referred_at == case.created_at


async def test_staff_made_representative_before_the_fix_get_no_complainant_side_mail(
    factory: Factory,
) -> None:
    w = await quick_world(factory)
    adviser = await Factory(factory.settings, passwords=False).user()
    case = await w.new_case(representative_id=adviser.id)
    await CaseParticipant.create(case_id=case.id, user_id=w.agent.id, role="representative")

    await post_message(
        await actor_for(w.complainant), case.id, "I would accept 50", Visibility.CAUCUS_COMPLAINANT
    )

    mailed = await OutboxMessage.filter(kind="case_file_added").values_list("recipient", flat=True)
    assert mailed == [adviser.email]


async def test_a_neutral_made_representative_before_the_fix_does_not_see_the_case(
    client: httpx.AsyncClient, app: Starlette, factory: Factory
) -> None:
    # The provider's neutral, not appointed, named representative on a case of that provider.
    w = await quick_world(factory)
    case = await w.new_case()
    await CaseParticipant.create(case_id=case.id, user_id=w.neutral.id, role="representative")
    neutral = await token_for(app, w.neutral)

    listed = await call(client, neutral, "{ cases { edges { node { reference } } } }")
    one = await call(
        client,
        neutral,
        "query C($id: ID!) { case(id: $id) { reference } }",
        {"id": to_global_id("DisputeCase", case.id)},
    )

    assert listed["data"]["cases"]["edges"] == []
    assert bare(one) == {"data": {"case": None}}  # as a missing case (issue 18: null, no error)
