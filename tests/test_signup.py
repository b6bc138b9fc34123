"""Issue 14: sign-up, claiming an account made for you, and the first administrator, over
GraphQL, with the mail delivered to a real SMTP server (the development mail sink)."""

from __future__ import annotations

import asyncio
import re
from collections.abc import AsyncIterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from email.message import EmailMessage
from pathlib import Path

import httpx
import pytest

from portal.accounts.errors import AccountError
from portal.accounts.models import Locale, Membership, Role, SetupToken, User
from portal.accounts.signup import (
    Profile,
    announce_setup,
    create_first_admin,
    issue_setup_token,
)
from portal.complaints.models import Complaint
from portal.complaints.services import record_complaint
from portal.notifications.worker import Worker
from portal.settings import Settings
from tests.factories import (
    Factory,
    RunningSink,
    actor_for,
    deliver_all,
    gql,
    mail_settings,
    quick_world,
    start_mailsink,
)

PROFILE = "userErrors { field code } challenge expiresIn"
SIGN_UP = f"""
mutation S($input: SignUpInput!) {{ signUp(input: $input) {{ {PROFILE} }} }}
"""
FIRST_ADMIN = f"""
mutation S($input: SignUpFirstAdminInput!) {{ signUpFirstAdmin(input: $input) {{ {PROFILE} }} }}
"""
SIGN_IN = """
mutation SignIn($challenge: String!, $code: String!) {
  signInWithCode(input: {challenge: $challenge, code: $code}) {
    accessToken
    viewer { user { email displayName locale timeZone claimPending } roles { role } }
    userErrors { code }
  }
}
"""
REQUEST = """
mutation R($email: String!) { requestSignInCode(input: {email: $email}) { challenge } }
"""
CLAIM = """
mutation C($input: ClaimAccountInput!) {
  claimAccount(input: $input) {
    viewer { user { displayName locale timeZone claimPending } } userErrors { field code }
  }
}
"""
PREFERENCES = """
mutation P($input: UpdateMyPreferencesInput!) {
  updateMyPreferences(input: $input) {
    viewer { user { locale timeZone } } userErrors { field code }
  }
}
"""
CODE = re.compile(r"(?:is|是) (\d{6})\b")


@dataclass
class Mail:
    sink: RunningSink
    worker: Worker

    async def deliver(self) -> list[EmailMessage]:
        """Deliver what is queued; the mails that arrived since the last call."""
        before = len(self.sink.sink.received)
        await deliver_all(self.worker)
        return list(self.sink.sink.received[before:])


def text_of(mail: EmailMessage) -> str:
    part = mail.get_body(preferencelist=("plain",))
    assert isinstance(part, EmailMessage)
    return str(part.get_content())


def code_in(mail: EmailMessage) -> str:
    found = CODE.search(text_of(mail))
    assert found, text_of(mail)
    return found.group(1)


@pytest.fixture
async def mail(settings: Settings, db: str, tmp_path: Path) -> AsyncIterator[Mail]:
    running = await start_mailsink(tmp_path)
    try:
        yield Mail(running, Worker(mail_settings(settings, running.port)))
    finally:
        await running.stop()


def person(email: str, **changes: str) -> dict[str, dict[str, str]]:
    data = {
        "email": email,
        "displayName": "Wei Zhang",
        "language": "ZH_HANS",
        "timeZone": "Asia/Shanghai",
        **changes,
    }
    return {"input": data}


async def sign_up(client: httpx.AsyncClient, email: str, **changes: str) -> dict[str, object]:
    body = (await gql(client, SIGN_UP, person(email, **changes))).json()
    return body["data"]["signUp"]  # type: ignore[no-any-return]


async def sign_in(client: httpx.AsyncClient, challenge: object, code: str) -> dict[str, object]:
    body = (await gql(client, SIGN_IN, {"challenge": challenge, "code": code})).json()
    return body["data"]["signInWithCode"]  # type: ignore[no-any-return]


async def test_a_consumer_signs_up_with_the_code_mailed_to_them(
    client: httpx.AsyncClient, mail: Mail
) -> None:
    asked = await sign_up(client, " Wei.Zhang@Example.org ")
    [arrived] = await mail.deliver()
    signed_in = await sign_in(client, asked["challenge"], code_in(arrived))

    assert asked["userErrors"] == []
    assert arrived["To"] == "wei.zhang@example.org"
    assert "注册" in text_of(arrived)  # in the language chosen
    assert signed_in["userErrors"] == []
    assert signed_in["viewer"] == {
        "user": {
            "email": "wei.zhang@example.org",
            "displayName": "Wei Zhang",
            "locale": "ZH_HANS",
            "timeZone": "Asia/Shanghai",
            "claimPending": False,
        },
        "roles": [],
    }
    assert await User.all().count() == 1


async def test_no_account_is_created_without_the_code(
    client: httpx.AsyncClient, mail: Mail
) -> None:
    asked = await sign_up(client, "wei@example.org")
    await mail.deliver()

    wrong = await sign_in(client, asked["challenge"], "000000")
    if wrong["userErrors"] == []:  # the one-in-a-million right guess
        pytest.skip("guessed the code")
    assert wrong["userErrors"] == [{"code": "INVALID_CODE"}]
    assert await User.all().count() == 0


async def test_two_sign_ups_at_once_for_one_address_make_one_account(
    client: httpx.AsyncClient, mail: Mail
) -> None:
    first, second = await asyncio.gather(
        sign_up(client, "Twice@Example.org", displayName="First"),
        sign_up(client, "twice@example.org", displayName="Second"),
    )
    arrived = await mail.deliver()
    codes = {m["Message-ID"]: code_in(m) for m in arrived}
    assert len(codes) == 2
    # Each challenge's own code: try both codes on both (a wrong one spends a guess only).
    results = await asyncio.gather(
        *(
            sign_in(client, asked["challenge"], code)
            for asked in (first, second)
            for code in codes.values()
        )
    )

    signed_in = [r for r in results if r["userErrors"] == []]
    assert len(signed_in) == 2
    assert {r["viewer"]["user"]["email"] for r in signed_in} == {"twice@example.org"}  # type: ignore[index]
    assert await User.filter(email="twice@example.org").count() == 1
    assert await User.all().count() == 1


async def test_an_address_with_an_account_gets_the_same_answer_and_a_sign_in_mail(
    client: httpx.AsyncClient, mail: Mail, factory: Factory
) -> None:
    owner = await factory.user(email="owner@example.org")
    fresh = await sign_up(client, "someone-new@example.org")
    taken = await sign_up(client, "OWNER@example.org", displayName="Intruder")
    arrived = {m["To"]: m for m in await mail.deliver()}
    signed_in = await sign_in(client, taken["challenge"], code_in(arrived["owner@example.org"]))

    assert taken["userErrors"] == fresh["userErrors"] == []
    assert set(taken) == set(fresh)
    assert taken["expiresIn"] == fresh["expiresIn"]
    assert isinstance(taken["challenge"], str)
    assert "has one already" in text_of(arrived["owner@example.org"])
    # The owner signs in to their own account, which the sign-up did not change.
    assert signed_in["viewer"]["user"]["email"] == owner.email  # type: ignore[index]
    assert signed_in["viewer"]["user"]["displayName"] == owner.display_name  # type: ignore[index]
    assert await User.filter(email="owner@example.org").count() == 1
    assert (await User.get(id=owner.id)).display_name == owner.display_name


def test_a_name_has_the_limit_the_web_form_counts() -> None:
    from portal.accounts.signup import MAX_NAME
    from portal.complaints.services import MAX_NAME as RECORDED_NAME

    assert MAX_NAME == RECORDED_NAME  # frontend/src/design/limits.ts `name`


@pytest.mark.parametrize(
    ("changes", "error"),
    [
        (
            {"timeZone": "Mars/Olympus_Mons"},
            {"field": ["input", "timeZone"], "code": "INVALID_TIME_ZONE"},
        ),
        ({"timeZone": "utc"}, {"field": ["input", "timeZone"], "code": "INVALID_TIME_ZONE"}),
        ({"displayName": "   "}, {"field": ["input", "displayName"], "code": "REQUIRED"}),
        ({"displayName": "x" * 201}, {"field": ["input", "displayName"], "code": "TOO_LONG"}),
        ({"email": "not-an-address"}, {"field": ["input", "email"], "code": "INVALID_EMAIL"}),
    ],
)
async def test_bad_sign_up_input_gets_a_coded_error_and_no_mail(
    client: httpx.AsyncClient, mail: Mail, changes: dict[str, str], error: dict[str, object]
) -> None:
    changes = {"email": "ok@example.org", **changes}
    answer = await sign_up(client, changes.pop("email"), **changes)

    assert answer["userErrors"] == [error]
    assert answer["challenge"] is None
    assert await mail.deliver() == []


async def test_preferences_change_the_language_and_a_valid_time_zone_only(
    client: httpx.AsyncClient, factory: Factory
) -> None:
    from tests.factories import login

    user = await factory.user()
    token = (await login(client, user))["accessToken"]

    bad = await gql(client, PREFERENCES, {"input": {"timeZone": "Europe/Atlantis"}}, token)
    good = await gql(
        client, PREFERENCES, {"input": {"language": "ZH_HANS", "timeZone": "Europe/Paris"}}, token
    )
    only_language = await gql(client, PREFERENCES, {"input": {"language": "EN"}}, token)

    assert bad.json()["data"]["updateMyPreferences"]["userErrors"] == [
        {"field": ["input", "timeZone"], "code": "INVALID_TIME_ZONE"}
    ]
    assert good.json()["data"]["updateMyPreferences"]["viewer"]["user"] == {
        "locale": "ZH_HANS",
        "timeZone": "Europe/Paris",
    }
    assert only_language.json()["data"]["updateMyPreferences"]["viewer"]["user"] == {
        "locale": "EN",
        "timeZone": "Europe/Paris",
    }


# --- claiming an account an agent's recording made ---------------------------------------


async def test_a_recorded_complainant_claims_the_account_and_nothing_else_is_attached(
    client: httpx.AsyncClient, mail: Mail, factory: Factory
) -> None:
    w = await quick_world(factory)
    agent = await actor_for(w.agent)
    data = {"subject": "Rude engineer", "description": "He shouted.", "channel": "phone"}
    recorded = await record_complaint(
        agent,
        w.organisation.id,
        {**data, "complainant_email": "erika@example.org", "complainant_name": "E. M."},
    )
    # A second recording for an address that has an account: no claim offered, nothing moved.
    known = await record_complaint(
        agent,
        w.organisation.id,
        {**data, "complainant_email": w.complainant.email, "complainant_name": "Someone"},
    )
    invitations = {m["To"]: text_of(m) for m in await mail.deliver()}
    claim_link = re.search(r"https?://\S+/claim#email=\S+", invitations["erika@example.org"])

    asked = (await gql(client, REQUEST, {"email": "erika@example.org"})).json()
    [code_mail] = await mail.deliver()
    session = await sign_in(
        client, asked["data"]["requestSignInCode"]["challenge"], code_in(code_mail)
    )
    token = str(session["accessToken"])
    claim = {"displayName": "Erika Muster", "language": "EN", "timeZone": "Europe/Berlin"}
    bad = await gql(client, CLAIM, {"input": {**claim, "timeZone": "Berlin"}}, token)
    claimed = await gql(client, CLAIM, {"input": claim}, token)

    assert claim_link is not None
    assert claim_link.group(0).endswith("#email=erika@example.org")
    assert "/claim" not in invitations[w.complainant.email]
    assert session["viewer"]["user"]["claimPending"] is True  # type: ignore[index]
    assert bad.json()["data"]["claimAccount"]["userErrors"] == [
        {"field": ["input", "timeZone"], "code": "INVALID_TIME_ZONE"}
    ]
    assert claimed.json()["data"]["claimAccount"] == {
        "viewer": {
            "user": {
                "displayName": "Erika Muster",
                "locale": "EN",
                "timeZone": "Europe/Berlin",
                "claimPending": False,
            }
        },
        "userErrors": [],
    }
    # Claiming attaches nothing: the recorded complaint still waits for its confirmation,
    # and the one recorded for the other address stays with that address's account.
    assert (await Complaint.get(id=recorded.id)).confirmed_at is None
    assert (await Complaint.get(id=known.id)).complainant_id == w.complainant.id
    assert await Complaint.filter(complainant__email="erika@example.org").count() == 1
    assert (await User.get(id=w.complainant.id)).claim_pending is False


async def test_signing_up_with_an_address_an_agent_recorded_claims_that_account(
    client: httpx.AsyncClient, mail: Mail, factory: Factory
) -> None:
    w = await quick_world(factory)
    recorded = await record_complaint(
        await actor_for(w.agent),
        w.organisation.id,
        {
            "subject": "Late",
            "description": "D",
            "channel": "letter",
            "complainant_email": "li@example.org",
            "complainant_name": "L.",
        },
    )
    await mail.deliver()
    asked = await sign_up(client, "li@example.org", displayName="Li Na")
    [code_mail] = await mail.deliver()
    signed_in = await sign_in(client, asked["challenge"], code_in(code_mail))

    user = await User.get(email="li@example.org")
    assert signed_in["viewer"]["user"]["displayName"] == "Li Na"  # type: ignore[index]
    assert (user.id, user.claim_pending, user.time_zone) == (
        recorded.complainant_id,
        False,
        "Asia/Shanghai",
    )
    assert (await Complaint.get(id=recorded.id)).confirmed_at is None
    assert await User.filter(email="li@example.org").count() == 1


# --- the first administrator ---------------------------------------------------------------


def admin_input(token: str, email: str = "root@example.org") -> dict[str, object]:
    return {
        "input": {
            "setupToken": token,
            "email": email,
            "displayName": "Ada Admin",
            "language": "EN",
            "timeZone": "Europe/London",
        }
    }


async def first_admin(
    client: httpx.AsyncClient, token: str, email: str = "root@example.org"
) -> dict[str, object]:
    body = (await gql(client, FIRST_ADMIN, admin_input(token, email))).json()
    return body["data"]["signUpFirstAdmin"]  # type: ignore[no-any-return]


async def test_the_setup_link_makes_the_first_admin_once(
    client: httpx.AsyncClient, mail: Mail, settings: Settings
) -> None:
    printed: list[str] = []
    url = await announce_setup(settings, echo=printed.append)
    assert url is not None
    assert url in "\n".join(printed)
    token = url.split("#token=", 1)[1]

    asked = await first_admin(client, token)
    [arrived] = await mail.deliver()
    signed_in = await sign_in(client, asked["challenge"], code_in(arrived))
    again = await first_admin(client, token, "second@example.org")

    assert asked["userErrors"] == []
    assert "first administrator" in text_of(arrived)
    assert signed_in["userErrors"] == []
    assert signed_in["viewer"]["roles"] == [{"role": "ADMIN"}]  # type: ignore[index]
    assert again["userErrors"] == [{"field": ["input", "setupToken"], "code": "SETUP_LINK_INVALID"}]
    assert await Membership.filter(role=Role.ADMIN).count() == 1
    # Only a keyed hash is kept; once an admin exists, no new link is printed.
    assert await SetupToken.filter(token_hash=token).count() == 0
    assert await announce_setup(settings, echo=printed.append) is None


async def test_a_setup_link_stops_working_when_it_expires_or_an_admin_exists(
    client: httpx.AsyncClient, mail: Mail, settings: Settings
) -> None:
    expired = await issue_setup_token(settings, datetime.now(UTC) - timedelta(hours=2))
    live = await issue_setup_token(settings)
    other = await issue_setup_token(settings)
    assert expired
    assert live
    assert other

    refused = await first_admin(client, expired)
    garbage = await first_admin(client, "x" * 43)
    # Two setups started with two links: the first completed spends the other.
    asked_live = await first_admin(client, live)
    asked_other = await first_admin(client, other, "other@example.org")
    arrived = {m["To"]: code_in(m) for m in await mail.deliver()}
    done = await sign_in(client, asked_live["challenge"], arrived["root@example.org"])
    late = await sign_in(client, asked_other["challenge"], arrived["other@example.org"])

    invalid = [{"field": ["input", "setupToken"], "code": "SETUP_LINK_INVALID"}]
    assert refused["userErrors"] == garbage["userErrors"] == invalid
    assert done["userErrors"] == []
    assert late["userErrors"] == [{"code": "SETUP_LINK_INVALID"}]
    assert await Membership.filter(role=Role.ADMIN).count() == 1
    assert await User.filter(email="other@example.org").count() == 0


async def test_portal_init_makes_the_first_admin_and_only_while_there_is_none(db: str) -> None:
    profile = Profile.checked("Ada", Locale.EN, "UTC")

    admin = await create_first_admin("Ada@Example.org", profile, None)
    with pytest.raises(AccountError) as refused:
        await create_first_admin("eve@example.org", profile, None)

    assert (admin.email, admin.password_hash) == ("ada@example.org", "")
    assert refused.value.code.value == "ADMIN_EXISTS"
    assert await User.filter(email="eve@example.org").count() == 0
