"""Naming a representative by invitation (issue 16, 9): the complainant invites an address, the
invitee reads the link from a real mail, signs in with a code from another real mail, and
accepts; revoking, removing, expiry, single use, and what the complainant may not learn."""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta
from email.message import EmailMessage
from pathlib import Path
from typing import Any

import httpx
from starlette.applications import Starlette

from portal.accounts.models import User
from portal.cases.models import CaseParticipant, DisputeCase, RepresentativeInvitation
from portal.cases.services import Action
from portal.cases.states import CaseRole
from portal.notifications.models import OutboxMessage
from portal.settings import Settings
from portal.timeline.models import TimelineEvent
from tests.factories import (
    Factory,
    World,
    bare,
    delivered_mails,
    gql,
    mail_text,
    quick_world,
)
from tests.test_api_support import call, case_id, snapshot, token_for

LINK = re.compile(r"http://\S+/representative-invitation#token=([\w.-]+)")
CODE = re.compile(r"\b(\d{6})\b")

INVITE = """
mutation I($input: InviteRepresentativeInput!) {
  inviteRepresentative(input: $input) {
    invitation { id email status invitedAt expiresAt decidedAt }
    userErrors { field code message }
  }
}
"""
REVOKE = """
mutation R($input: RevokeRepresentativeInvitationInput!) {
  revokeRepresentativeInvitation(input: $input) {
    invitation { id status decidedAt } userErrors { field code }
  }
}
"""
REMOVE = """
mutation X($input: RemoveRepresentativeInput!) {
  removeRepresentative(input: $input) { case { id } userErrors { field code } }
}
"""
ACCEPT = """
mutation A($input: AcceptRepresentativeInvitationInput!) {
  acceptRepresentativeInvitation(input: $input) {
    case { id viewerRoles } userErrors { field code }
  }
}
"""
OPEN = """
query V($token: String!) {
  representativeInvitation(token: $token) {
    status caseReference organisationName inviterName addressMatches expiresAt
  }
}
"""
CASE = """
query C($id: ID!) {
  case(id: $id) {
    representative { displayName }
    representativeInvitations { email status }
  }
}
"""
REQUEST_CODE = """
mutation Q($email: String!) { requestSignInCode(input: {email: $email}) { challenge } }
"""
SIGN_IN = """
mutation S($challenge: String!, $code: String!) {
  signInWithCode(input: {challenge: $challenge, code: $code}) { accessToken userErrors { code } }
}
"""


def _to(mails: list[EmailMessage], address: str) -> list[str]:
    return [mail_text(m) for m in mails if str(m["To"]) == address]


async def _invite(
    client: httpx.AsyncClient, token: str, case: DisputeCase, email: str
) -> dict[str, Any]:
    body = await call(client, token, INVITE, {"input": {"caseId": case_id(case), "email": email}})
    assert "errors" not in body, body
    payload: dict[str, Any] = body["data"]["inviteRepresentative"]
    return payload


async def _revoke(client: httpx.AsyncClient, token: str, invited: dict[str, Any]) -> None:
    variables = {"input": {"invitationId": invited["invitation"]["id"]}}
    body = await call(client, token, REVOKE, variables)
    assert body["data"]["revokeRepresentativeInvitation"]["userErrors"] == [], body


async def _accept(client: httpx.AsyncClient, token: str, link_token: str) -> dict[str, Any]:
    body = await call(client, token, ACCEPT, {"input": {"token": link_token}})
    assert "errors" not in body, body
    payload: dict[str, Any] = body["data"]["acceptRepresentativeInvitation"]
    return payload


def _codes(payload: dict[str, Any]) -> list[str]:
    return [e["code"] for e in payload["userErrors"]]


async def _link_token(settings: Settings, tmp_path: Path, address: str) -> str:
    texts = _to(await delivered_mails(settings, tmp_path / "invitation"), address)
    [token] = [t for text in texts for t in LINK.findall(text)]
    return str(token)


async def _kinds(case: DisputeCase) -> list[tuple[str, str]]:
    rows = await TimelineEvent.filter(case_id=case.id, kind__startswith="representative")
    return [(r.kind, r.visibility.value) for r in sorted(rows, key=lambda r: r.sequence)]


async def test_an_address_without_an_account_accepts_through_the_mailed_link_once(
    client: httpx.AsyncClient, app: Starlette, factory: Factory, settings: Settings, tmp_path: Path
) -> None:
    w = await quick_world(factory)
    case = await w.new_case()
    complainant = await token_for(app, w.complainant)

    invited = await _invite(client, complainant, case, "Helper@Example.org")
    link_token = await _link_token(settings, tmp_path, "helper@example.org")
    # The invitee has never used Parley: they sign in with a code mailed to the address.
    challenge = (await gql(client, REQUEST_CODE, {"email": "helper@example.org"})).json()
    [code_mail] = _to(await delivered_mails(settings, tmp_path / "code"), "helper@example.org")
    [code] = CODE.findall(code_mail)
    signed_in = await gql(
        client,
        SIGN_IN,
        {"challenge": challenge["data"]["requestSignInCode"]["challenge"], "code": code},
    )
    helper = signed_in.json()["data"]["signInWithCode"]["accessToken"]
    opened = (await call(client, helper, OPEN, {"token": link_token}))["data"]
    accepted = await _accept(client, helper, link_token)
    again = await _accept(client, helper, link_token)
    seen = (await call(client, complainant, CASE, {"id": case_id(case)}))["data"]["case"]

    invitation = invited["invitation"]
    assert invited["userErrors"] == []
    assert (invitation["email"], invitation["status"], invitation["decidedAt"]) == (
        "helper@example.org",
        "PENDING",
        None,
    )
    expires = datetime.fromisoformat(invitation["expiresAt"])
    assert expires - datetime.fromisoformat(invitation["invitedAt"]) == timedelta(days=14)
    assert opened["representativeInvitation"] == {
        "status": "PENDING",
        "caseReference": case.reference,
        "organisationName": w.organisation.name,
        "inviterName": w.complainant.display_name,
        "addressMatches": True,
        "expiresAt": invitation["expiresAt"],
    }
    assert accepted == {
        "case": {"id": case_id(case), "viewerRoles": ["REPRESENTATIVE"]},
        "userErrors": [],
    }
    assert _codes(again) == ["INVITATION_NOT_PENDING"]
    assert seen["representative"] == {"displayName": "helper@example.org"}
    assert seen["representativeInvitations"] == [
        {"email": "helper@example.org", "status": "ACCEPTED"}
    ]
    assert await _kinds(case) == [
        ("representative_invited", "caucus_complainant"),
        ("representative_accepted", "all_parties"),
    ]


async def test_the_answer_is_the_same_for_a_staff_address_which_then_cannot_accept(
    client: httpx.AsyncClient, app: Starlette, factory: Factory, settings: Settings, tmp_path: Path
) -> None:
    w = await quick_world(factory)
    case = await w.new_case()
    complainant = await token_for(app, w.complainant)

    staff = await _invite(client, complainant, case, w.agent.email)
    link_token = await _link_token(settings, tmp_path, w.agent.email)
    await _revoke(client, complainant, staff)
    stranger = await _invite(client, complainant, case, "nobody-yet@example.org")
    await _revoke(client, complainant, stranger)

    def shape(payload: dict[str, Any]) -> tuple[Any, ...]:
        invitation = payload["invitation"]
        present = sorted(k for k, v in invitation.items() if v is not None)
        return tuple(present), invitation["status"], tuple(payload["userErrors"])

    assert shape(staff) == shape(stranger)
    # The revoked link is dead; a fresh one to the agent is refused at acceptance by the policy.
    await _invite(client, complainant, case, w.agent.email)
    fresh = await _link_token(settings, tmp_path / "again", w.agent.email)
    agent = await token_for(app, w.agent)
    before = await snapshot(case)
    revoked = await _accept(client, agent, link_token)
    refused = await _accept(client, agent, fresh)

    assert _codes(revoked) == ["INVITATION_NOT_PENDING"]
    assert _codes(refused) == ["REPRESENTATIVE_NOT_ALLOWED"]
    assert await snapshot(case) == before
    assert not await CaseParticipant.exists(case_id=case.id, role=CaseRole.REPRESENTATIVE.value)


async def test_a_link_works_only_for_its_address_before_it_expires_and_unaltered(
    client: httpx.AsyncClient, app: Starlette, factory: Factory, settings: Settings, tmp_path: Path
) -> None:
    w = await quick_world(factory)
    case = await w.new_case()
    invitee = await factory.user(password=None)
    other = await factory.user(password=None)
    complainant = await token_for(app, w.complainant)
    await _invite(client, complainant, case, invitee.email)
    link_token = await _link_token(settings, tmp_path, invitee.email)
    mine, theirs = await token_for(app, invitee), await token_for(app, other)

    wrong_address = await _accept(client, theirs, link_token)
    opened_by_other = (await call(client, theirs, OPEN, {"token": link_token}))["data"]
    tampered = await _accept(
        client, mine, link_token[:-2] + ("AA" if link_token[-2:] != "AA" else "BB")
    )
    unreadable = await call(client, mine, OPEN, {"token": "not-a-token"})
    await RepresentativeInvitation.filter(case_id=case.id).update(
        expires_at=datetime.now(UTC) - timedelta(minutes=1)
    )
    expired = await _accept(client, mine, link_token)
    listed = (await call(client, complainant, CASE, {"id": case_id(case)}))["data"]["case"]

    assert _codes(wrong_address) == ["INVITATION_FOR_ANOTHER_ADDRESS"]
    assert opened_by_other["representativeInvitation"]["addressMatches"] is False
    assert _codes(tampered) == ["INVITATION_INVALID"]
    assert unreadable["errors"][0]["extensions"]["code"] == "INVITATION_INVALID"
    assert _codes(expired) == ["INVITATION_EXPIRED"]
    assert listed["representativeInvitations"] == [{"email": invitee.email, "status": "EXPIRED"}]
    assert listed["representative"] is None


async def _represented(
    client: httpx.AsyncClient, app: Starlette, w: World, settings: Settings, tmp_path: Path
) -> tuple[DisputeCase, str, str]:
    """A case whose complainant's invitation was accepted: the case and both tokens."""
    case = await w.new_case()
    complainant = await token_for(app, w.complainant)
    helper = await Factory(settings, passwords=False).user(password=None)
    await _invite(client, complainant, case, helper.email)
    token = await token_for(app, helper)
    assert (await _accept(client, token, await _link_token(settings, tmp_path, helper.email)))[
        "userErrors"
    ] == []
    return case, complainant, token


async def test_only_the_complainant_in_person_invites_revokes_and_removes(
    client: httpx.AsyncClient, app: Starlette, factory: Factory, settings: Settings, tmp_path: Path
) -> None:
    w, elsewhere = await quick_world(factory), await quick_world(factory)
    case, complainant, representative = await _represented(client, app, w, settings, tmp_path)
    agent, stranger = await token_for(app, w.agent), await token_for(app, elsewhere.complainant)
    before = await snapshot(case)

    by_agent = await _invite(client, agent, case, "someone@example.org")
    by_representative = await _invite(client, representative, case, "someone@example.org")
    by_stranger = await _invite(client, stranger, case, "someone@example.org")
    second = await _invite(client, complainant, case, "someone@example.org")
    removal = {"input": {"caseId": case_id(case)}}
    removed_by_agent = (await call(client, agent, REMOVE, removal))["data"]["removeRepresentative"]
    unchanged = await snapshot(case)
    removed = (await call(client, complainant, REMOVE, removal))["data"]["removeRepresentative"]
    again = (await call(client, complainant, REMOVE, removal))["data"]["removeRepresentative"]
    lost = await call(client, representative, CASE, {"id": case_id(case)})

    assert _codes(by_agent) == ["FORBIDDEN"]
    assert _codes(by_representative) == ["FORBIDDEN"]
    assert [(e["field"], e["code"]) for e in by_stranger["userErrors"]] == [
        (["input", "caseId"], "NOT_FOUND")
    ]
    assert _codes(second) == ["REPRESENTATIVE_ALREADY_NAMED"]
    assert _codes(removed_by_agent) == ["FORBIDDEN"]
    assert unchanged == before
    assert removed == {"case": {"id": case_id(case)}, "userErrors": []}
    assert _codes(again) == ["NO_REPRESENTATIVE"]
    assert bare(lost) == {"data": {"case": None}}  # as a missing case (issue 18: null, no error)
    assert await _kinds(case) == [
        ("representative_invited", "caucus_complainant"),
        ("representative_accepted", "all_parties"),
        ("representative_removed", "all_parties"),
    ]


async def test_inviting_and_revoking_in_a_loop_stops_at_the_daily_limit(
    client: httpx.AsyncClient, app: Starlette, factory: Factory, settings: Settings, tmp_path: Path
) -> None:
    w = await quick_world(factory)
    case = await w.new_case()
    complainant = await token_for(app, w.complainant)

    answers = []
    for n in range(6):
        invited = await _invite(client, complainant, case, f"stranger{n}@example.org")
        answers.append(_codes(invited))
        if invited["invitation"]:
            revoke = {"input": {"invitationId": invited["invitation"]["id"]}}
            await call(client, complainant, REVOKE, revoke)
    # A day after the first one, there is room again.
    first = await RepresentativeInvitation.filter(email="stranger0@example.org").get()
    await RepresentativeInvitation.filter(id=first.id).update(
        created_at=first.created_at - timedelta(hours=24)
    )
    later = await _invite(client, complainant, case, "stranger6@example.org")
    mailed = await OutboxMessage.filter(recipient__startswith="stranger").count()

    assert answers == [[], [], [], [], [], ["INVITATION_LIMIT"]]
    assert later["userErrors"] == []
    # The refused one was never mailed.
    assert mailed == 6


async def test_one_pending_invitation_at_a_time_until_it_is_revoked(
    client: httpx.AsyncClient, app: Starlette, factory: Factory, settings: Settings, tmp_path: Path
) -> None:
    w = await quick_world(factory)
    case = await w.new_case()
    complainant = await token_for(app, w.complainant)

    first = await _invite(client, complainant, case, "first@example.org")
    link_token = await _link_token(settings, tmp_path, "first@example.org")
    second = await _invite(client, complainant, case, "second@example.org")
    revoke = {"input": {"invitationId": first["invitation"]["id"]}}
    revoked = (await call(client, complainant, REVOKE, revoke))["data"]
    revoked_again = (await call(client, complainant, REVOKE, revoke))["data"]
    third = await _invite(client, complainant, case, "second@example.org")
    self_invite = await _invite(client, complainant, case, w.complainant.email)
    not_an_address = await _invite(client, complainant, case, "not an address")
    first_account = await token_for(app, await User.get(email="first@example.org"))
    dead_link = await _accept(client, first_account, link_token)

    assert _codes(second) == ["INVITATION_PENDING"]
    assert revoked["revokeRepresentativeInvitation"]["invitation"]["status"] == "REVOKED"
    assert _codes(revoked_again["revokeRepresentativeInvitation"]) == ["INVITATION_NOT_PENDING"]
    assert third["userErrors"] == []
    assert _codes(self_invite) == ["REPRESENTATIVE_NOT_ALLOWED"]
    assert _codes(not_an_address) == ["INVALID_EMAIL"]
    assert _codes(dead_link) == ["INVITATION_NOT_PENDING"]
    assert await _kinds(case) == [
        ("representative_invited", "caucus_complainant"),
        ("representative_invitation_revoked", "caucus_complainant"),
        ("representative_invited", "caucus_complainant"),
    ]


async def test_the_mail_speaks_the_invitees_language_or_the_cases_and_names_the_inviter(
    client: httpx.AsyncClient, app: Starlette, factory: Factory, settings: Settings, tmp_path: Path
) -> None:
    w = await quick_world(factory)
    chinese = await w.new_case(language="zh-Hans")
    english = await w.new_case()
    complainant = await token_for(app, w.complainant)

    await _invite(client, complainant, chinese, "new-helper@example.org")
    await _invite(client, complainant, english, "new-helper@example.org")
    mails = [
        m
        for m in await delivered_mails(settings, tmp_path)
        if str(m["To"]) == "new-helper@example.org"
    ]

    by_case = {
        next(ref for ref in (chinese.reference, english.reference) if ref in str(m["Subject"])): m
        for m in mails
    }
    zh, en = by_case[chinese.reference], by_case[english.reference]
    assert "请您" in str(zh["Subject"])
    assert w.complainant.display_name in str(zh["Subject"])
    # The account the first invitation made is in the case's language, and keeps it.
    assert "请您" in str(en["Subject"])
    assert len(LINK.findall(mail_text(zh))) == len(LINK.findall(mail_text(en))) == 1
    assert (await User.get(email="new-helper@example.org")).locale.value == "zh-Hans"


async def test_nobody_joins_a_case_that_has_ended(
    client: httpx.AsyncClient, app: Starlette, factory: Factory, settings: Settings, tmp_path: Path
) -> None:
    w = await quick_world(factory)
    open_case, closed = await w.new_case(), await w.new_case()
    closed = await w.act(w.caseworker, closed, Action.CLOSE, reason="discontinued", note="Gone.")
    complainant = await token_for(app, w.complainant)
    invitee = await factory.user(password=None)
    await _invite(client, complainant, open_case, invitee.email)
    link_token = await _link_token(settings, tmp_path, invitee.email)
    await w.act(w.caseworker, open_case, Action.CLOSE, reason="discontinued", note="Gone.")
    before = await snapshot(open_case)

    on_closed = await _invite(client, complainant, closed, "late@example.org")
    accepted_late = await _accept(client, await token_for(app, invitee), link_token)

    assert _codes(on_closed) == ["CASE_CLOSED"]
    assert _codes(accepted_late) == ["CASE_CLOSED"]
    assert await snapshot(open_case) == before
    assert not await RepresentativeInvitation.exists(email="late@example.org")
