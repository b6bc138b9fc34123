"""Running a team (issue 14, 4): a manager invites by e-mail (the link read from a real mail),
the invitee signs in with a code from another real mail and accepts; expiry, single use,
revocation, role changes that hold from the next request, the manager a team always keeps,
and who may do any of it."""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import httpx
from starlette.applications import Starlette

from portal.accounts.models import Membership, Role, StaffInvitation, User
from portal.admin.models import AdminAuditEntry
from portal.api.node import to_global_id
from portal.notifications.models import OutboxMessage
from portal.settings import Settings
from tests.factories import (
    Factory,
    delivered_mails,
    forged_signature,
    gql,
    mail_text,
    quick_world,
)
from tests.test_api_support import call, token_for

LINK = re.compile(r"http://\S+/invitations/accept#token=([\w.-]+)")
CODE = re.compile(r"\b(\d{6})\b")

TEAM = """
query T($id: ID!) {
  team(ownerId: $id) {
    kind name roles managerRole viewerManages
    members { id userId displayName email role }
    invitations { id email role status }
  }
}
"""
INVITE = """
mutation I($input: InviteStaffInput!) {
  inviteStaff(input: $input) {
    invitation { id email role status invitedAt expiresAt decidedAt }
    userErrors { field code message }
  }
}
"""
REVOKE = """
mutation R($input: RevokeStaffInvitationInput!) {
  revokeStaffInvitation(input: $input) { invitation { id status } userErrors { field code } }
}
"""
ACCEPT = """
mutation A($input: AcceptStaffInvitationInput!) {
  acceptStaffInvitation(input: $input) { member { role email } userErrors { field code } }
}
"""
OPEN = """
query V($token: String!) {
  staffInvitation(token: $token) { status kind teamName role inviterName addressMatches }
}
"""
CHANGE = """
mutation C($input: ChangeMemberRoleInput!) {
  changeMemberRole(input: $input) { member { id role } userErrors { field code } }
}
"""
REMOVE = """
mutation X($input: RemoveMemberInput!) {
  removeMember(input: $input) { removedMemberId userErrors { field code } }
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
INBOX = "query { complaints(first: 5) { edges { node { id } } } }"


async def _link_token(settings: Settings, tmp_path: Path, address: str) -> str:
    mails = [m for m in await delivered_mails(settings, tmp_path) if str(m["To"]) == address]
    [token] = [t for m in mails for t in LINK.findall(mail_text(m))]
    return str(token)


def _codes(payload: dict[str, Any]) -> list[str]:
    return [e["code"] for e in payload["userErrors"]]


async def _invite(
    client: httpx.AsyncClient, token: str, owner: str, email: str, role: str = "ORG_AGENT"
) -> dict[str, Any]:
    body = await call(
        client, token, INVITE, {"input": {"ownerId": owner, "email": email, "role": role}}
    )
    assert "errors" not in body, body
    payload: dict[str, Any] = body["data"]["inviteStaff"]
    return payload


async def _accept(client: httpx.AsyncClient, token: str, link_token: str) -> dict[str, Any]:
    body = await call(client, token, ACCEPT, {"input": {"token": link_token}})
    assert "errors" not in body, body
    payload: dict[str, Any] = body["data"]["acceptStaffInvitation"]
    return payload


async def _team(client: httpx.AsyncClient, token: str, owner: str) -> dict[str, Any]:
    return await call(client, token, TEAM, {"id": owner})


async def test_a_new_address_joins_through_the_mailed_link_once_and_sees_the_inbox(
    client: httpx.AsyncClient, app: Starlette, factory: Factory, settings: Settings, tmp_path: Path
) -> None:
    w = await quick_world(factory)
    org = to_global_id("Organisation", w.organisation.id)
    manager = await token_for(app, w.manager)

    invited = await _invite(client, manager, org, "New.Agent@Example.org")
    stored = await OutboxMessage.filter(recipient="new.agent@example.org").values_list(
        "context", flat=True
    )
    link_token = await _link_token(settings, tmp_path / "invite", "new.agent@example.org")
    # Never used Parley: the invitee signs in with a code mailed to the invited address.
    challenge = (await gql(client, REQUEST_CODE, {"email": "new.agent@example.org"})).json()
    code_mails = await delivered_mails(settings, tmp_path / "code")
    [code] = [c for m in code_mails for c in CODE.findall(mail_text(m))]
    signed_in = await gql(
        client,
        SIGN_IN,
        {"challenge": challenge["data"]["requestSignInCode"]["challenge"], "code": code},
    )
    agent = signed_in.json()["data"]["signInWithCode"]["accessToken"]
    inbox_before = await call(client, agent, INBOX)
    opened = (await call(client, agent, OPEN, {"token": link_token}))["data"]
    accepted = await _accept(client, agent, link_token)
    again = await _accept(client, agent, link_token)
    inbox_after = await call(client, agent, INBOX)
    team = (await _team(client, manager, org))["data"]["team"]

    invitation = invited["invitation"]
    assert invited["userErrors"] == []
    assert (invitation["email"], invitation["role"], invitation["status"]) == (
        "new.agent@example.org",
        "ORG_AGENT",
        "PENDING",
    )
    expires = datetime.fromisoformat(invitation["expiresAt"])
    assert expires - datetime.fromisoformat(invitation["invitedAt"]) == timedelta(days=7)
    # The outbox names the invitation, never a token.
    assert [sorted(c) for c in stored] == [
        ["expires", "inviter", "role", "staff_invitation_id", "team"]
    ]
    assert link_token not in str(stored)
    assert opened["staffInvitation"] == {
        "status": "PENDING",
        "kind": "ORGANISATION",
        "teamName": w.organisation.name,
        "role": "ORG_AGENT",
        "inviterName": w.manager.display_name,
        "addressMatches": True,
    }
    assert accepted == {
        "member": {"role": "ORG_AGENT", "email": "new.agent@example.org"},
        "userErrors": [],
    }
    assert _codes(again) == ["INVITATION_NOT_PENDING"]
    assert inbox_before["data"]["complaints"]["edges"] == []
    assert "errors" not in inbox_after
    assert ("new.agent@example.org", "ORG_AGENT") in {
        (m["email"], m["role"]) for m in team["members"]
    }
    assert team["invitations"] == [
        {
            "id": invitation["id"],
            "email": "new.agent@example.org",
            "role": "ORG_AGENT",
            "status": "ACCEPTED",
        }
    ]
    assert (team["kind"], team["managerRole"], team["viewerManages"]) == (
        "ORGANISATION",
        "ORG_MANAGER",
        True,
    )
    assert sorted(team["roles"]) == ["ORG_AGENT", "ORG_MANAGER"]
    # Who let whom into the team is in the admin audit log: the invitation by the manager,
    # the joining by the invitee (a refused second acceptance leaves nothing).
    log = await AdminAuditEntry.all().order_by("created_at")
    assert [(e.action, e.actor_label, e.before, (e.after or {}).get("role")) for e in log] == [
        ("team.invite", w.manager.email, None, "org_agent"),
        ("team.join", "new.agent@example.org", None, "org_agent"),
    ]
    assert {e.after["email"] for e in log if e.after} == {"new.agent@example.org"}


async def test_links_expire_are_single_use_revocable_and_for_their_address_only(
    client: httpx.AsyncClient, app: Starlette, factory: Factory, settings: Settings, tmp_path: Path
) -> None:
    w = await quick_world(factory)
    org = to_global_id("Organisation", w.organisation.id)
    manager = await token_for(app, w.manager)
    late, revoked_one, other = [await factory.user(password=None) for _ in range(3)]

    await _invite(client, manager, org, late.email)
    late_link = await _link_token(settings, tmp_path / "late", late.email)
    to_revoke = await _invite(client, manager, org, revoked_one.email)
    revoked_link = await _link_token(settings, tmp_path / "revoked", revoked_one.email)
    revoke = {"input": {"invitationId": to_revoke["invitation"]["id"]}}
    revoked = (await call(client, manager, REVOKE, revoke))["data"]["revokeStaffInvitation"]
    revoked_again = (await call(client, manager, REVOKE, revoke))["data"]
    wrong_address = await _accept(client, await token_for(app, other), late_link)
    tampered = await _accept(client, await token_for(app, late), forged_signature(late_link))
    unreadable = await call(client, await token_for(app, late), OPEN, {"token": "nope"})
    await StaffInvitation.filter(email=late.email).update(
        expires_at=datetime.now(UTC) - timedelta(minutes=1)
    )
    expired = await _accept(client, await token_for(app, late), late_link)
    dead = await _accept(client, await token_for(app, revoked_one), revoked_link)
    re_invited = await _invite(client, manager, org, revoked_one.email)
    team = (await _team(client, manager, org))["data"]["team"]

    assert revoked == {
        "invitation": {"id": to_revoke["invitation"]["id"], "status": "REVOKED"},
        "userErrors": [],
    }
    assert _codes(revoked_again["revokeStaffInvitation"]) == ["INVITATION_NOT_PENDING"]
    assert _codes(wrong_address) == ["INVITATION_FOR_ANOTHER_ADDRESS"]
    assert _codes(tampered) == ["INVITATION_INVALID"]
    assert unreadable["errors"][0]["extensions"]["code"] == "INVITATION_INVALID"
    assert _codes(expired) == ["INVITATION_EXPIRED"]
    assert _codes(dead) == ["INVITATION_NOT_PENDING"]
    assert re_invited["userErrors"] == []
    assert {(i["email"], i["status"]) for i in team["invitations"]} == {
        (late.email, "EXPIRED"),
        (revoked_one.email, "REVOKED"),
        (revoked_one.email, "PENDING"),
    }
    assert not await Membership.exists(user_id__in=[late.id, revoked_one.id, other.id])


async def test_the_answer_is_the_same_whether_or_not_the_address_has_an_account(
    client: httpx.AsyncClient, app: Starlette, factory: Factory, settings: Settings
) -> None:
    w = await quick_world(factory)
    org = to_global_id("Organisation", w.organisation.id)
    manager = await token_for(app, w.manager)

    known = await _invite(client, manager, org, w.complainant.email)
    unknown = await _invite(client, manager, org, "nobody-yet@example.org")
    pending = await _invite(client, manager, org, "nobody-yet@example.org")
    member = await _invite(client, manager, org, w.agent.email)
    wrong_role = await _invite(client, manager, org, "x@example.org", role="NEUTRAL")
    not_an_address = await _invite(client, manager, org, "not an address")

    def shape(payload: dict[str, Any]) -> tuple[Any, ...]:
        invitation = payload["invitation"]
        present = sorted(k for k, v in invitation.items() if v is not None)
        return tuple(present), invitation["status"], tuple(payload["userErrors"])

    assert shape(known) == shape(unknown)
    assert _codes(pending) == ["INVITATION_PENDING"]
    assert _codes(member) == ["ALREADY_MEMBER"]
    assert _codes(wrong_role) == ["ROLE_SCOPE_MISMATCH"]
    assert _codes(not_an_address) == ["INVALID_EMAIL"]
    assert (await User.get(email="nobody-yet@example.org")).password_hash == ""


async def test_a_role_change_holds_from_the_next_request_and_the_last_manager_stays(
    client: httpx.AsyncClient, app: Starlette, factory: Factory
) -> None:
    w = await quick_world(factory)
    org = to_global_id("Organisation", w.organisation.id)
    manager = await token_for(app, w.manager)
    agent = await token_for(app, w.agent)
    members = {
        m["email"]: m for m in (await _team(client, manager, org))["data"]["team"]["members"]
    }
    agent_member, manager_member = members[w.agent.email]["id"], members[w.manager.email]["id"]

    as_agent = await _invite(client, agent, org, "someone@example.org")
    demote_last = (
        await call(
            client, manager, CHANGE, {"input": {"memberId": manager_member, "role": "ORG_AGENT"}}
        )
    )["data"]["changeMemberRole"]
    remove_last = (await call(client, manager, REMOVE, {"input": {"memberId": manager_member}}))[
        "data"
    ]["removeMember"]
    promoted = (
        await call(
            client, manager, CHANGE, {"input": {"memberId": agent_member, "role": "ORG_MANAGER"}}
        )
    )["data"]["changeMemberRole"]
    # The same access token, next request: the agent now runs the team.
    as_manager = await _invite(client, agent, org, "someone@example.org")
    team_seen = (await _team(client, agent, org))["data"]["team"]
    # Now the first manager may step down, and the new one may remove them.
    stepped_down = (
        await call(
            client, manager, CHANGE, {"input": {"memberId": manager_member, "role": "ORG_AGENT"}}
        )
    )["data"]["changeMemberRole"]
    no_longer = await _invite(client, manager, org, "other@example.org")
    removed = (await call(client, agent, REMOVE, {"input": {"memberId": manager_member}}))["data"][
        "removeMember"
    ]
    gone = await _team(client, manager, org)
    self_last = (await call(client, agent, REMOVE, {"input": {"memberId": agent_member}}))["data"][
        "removeMember"
    ]

    assert _codes(as_agent) == ["FORBIDDEN"]
    assert _codes(demote_last) == ["LAST_MANAGER"]
    assert _codes(remove_last) == ["LAST_MANAGER"]
    assert promoted == {"member": {"id": agent_member, "role": "ORG_MANAGER"}, "userErrors": []}
    assert as_manager["userErrors"] == []
    assert team_seen["viewerManages"] is True
    assert stepped_down["userErrors"] == []
    assert _codes(no_longer) == ["FORBIDDEN"]
    assert removed == {"removedMemberId": manager_member, "userErrors": []}
    # No role left in the organisation: its team is not there for them any more.
    assert gone["errors"][0]["extensions"]["code"] == "NOT_FOUND"
    assert _codes(self_last) == ["LAST_MANAGER"]
    # Every change that went through is audited, with the role before and after; the refused
    # ones (last manager, not a manager) are not.
    log = await AdminAuditEntry.all().order_by("created_at")
    assert [
        (
            e.action,
            e.actor_label,
            (e.before or {}).get("email"),
            (e.before or {}).get("role"),
            (e.after or {}).get("role"),
        )
        for e in log
    ] == [
        ("team.change_role", w.manager.email, w.agent.email, "org_agent", "org_manager"),
        ("team.invite", w.agent.email, None, None, "org_agent"),
        ("team.change_role", w.manager.email, w.manager.email, "org_manager", "org_agent"),
        ("team.remove", w.agent.email, w.manager.email, "org_agent", None),
    ]


async def test_only_managers_and_admins_run_a_team_and_foreign_ids_are_not_found(
    client: httpx.AsyncClient, app: Starlette, factory: Factory, settings: Settings, tmp_path: Path
) -> None:
    w, elsewhere = await quick_world(factory), await quick_world(factory)
    org = to_global_id("Organisation", w.organisation.id)
    provider = to_global_id("Provider", w.provider.id)
    admin = await factory.user(Role.ADMIN)
    tokens = {
        who: await token_for(app, user)
        for who, user in {
            "agent": w.agent,
            "caseworker": w.caseworker,
            "neutral": w.neutral,
            "complainant": w.complainant,
            "other_manager": elsewhere.manager,
            "admin": admin,
        }.items()
    }

    org_answers = {
        who: _codes(await _invite(client, token, org, f"{who}-org@example.org"))
        for who, token in tokens.items()
    }
    provider_answers = {
        who: _codes(await _invite(client, token, provider, f"{who}-p@example.org", role="NEUTRAL"))
        for who, token in tokens.items()
    }
    not_an_owner = await _invite(
        client, tokens["admin"], to_global_id("User", w.agent.id), "x@example.org"
    )
    foreign_team = await _team(client, tokens["other_manager"], org)
    agent_team = (await _team(client, tokens["agent"], org))["data"]["team"]
    neutral_joins = await _link_token(settings, tmp_path, "caseworker-p@example.org")
    roster_before = await Membership.filter(provider_id=w.provider.id, role=Role.NEUTRAL).count()
    joined = await _accept(
        client,
        await token_for(app, await User.get(email="caseworker-p@example.org")),
        neutral_joins,
    )
    roster_after = await Membership.filter(provider_id=w.provider.id, role=Role.NEUTRAL).count()

    assert org_answers == {
        "agent": ["FORBIDDEN"],
        "caseworker": ["NOT_FOUND"],
        "neutral": ["NOT_FOUND"],
        "complainant": ["NOT_FOUND"],
        "other_manager": ["NOT_FOUND"],
        "admin": [],
    }
    # A provider's team is run by its caseworkers, who keep its profile and roster too.
    assert provider_answers == {
        "agent": ["NOT_FOUND"],
        "caseworker": [],
        "neutral": ["FORBIDDEN"],
        "complainant": ["NOT_FOUND"],
        "other_manager": ["NOT_FOUND"],
        "admin": [],
    }
    assert _codes(not_an_owner) == ["NOT_FOUND"]
    assert foreign_team["errors"][0]["extensions"]["code"] == "NOT_FOUND"
    # Members see the team, not its invitations.
    assert agent_team["viewerManages"] is False
    assert agent_team["invitations"] == []
    assert joined == {
        "member": {"role": "NEUTRAL", "email": "caseworker-p@example.org"},
        "userErrors": [],
    }
    assert roster_after == roster_before + 1
