"""Issue 13: sign-in protection that does not become a lock-out weapon (F3, F4, deliverable 4),
and over-long e-mail addresses at sign-in (F8). No secret in the log (F7): test_log_secrets.py.

Clients come from chosen addresses (httpx's ASGI transport sets the client address), so an
attacker's address and the owner's are told apart as in production."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from typing import Any

import httpx
import pytest
from starlette.applications import Starlette

from portal.accounts.models import LoginFailure, Session
from portal.app import create_app
from portal.auth.codes import normalise_code
from portal.auth.throttle import address_key
from portal.notifications import mail
from portal.notifications.models import OutboxMessage, SignInCode
from portal.settings import Settings
from tests.factories import (
    LOGIN,
    PASSWORD,
    Factory,
    gql,
)

ATTACKER = "203.0.113.66"
OWNER = "198.51.100.7"
REQUEST_CODE = """
mutation R($email: String!) {
  requestSignInCode(input: {email: $email}) { challenge userErrors { field code } }
}
"""
SIGN_IN = """
mutation S($challenge: String!, $code: String!) {
  signInWithCode(input: {challenge: $challenge, code: $code}) {
    accessToken refreshToken userErrors { field code }
  }
}
"""
WRONG = "not the password"


@pytest.fixture
def clients(app: Starlette, db: str) -> Callable[[str], httpx.AsyncClient]:
    """A client of the suite's app from a given address."""
    return lambda address: _client_at(app, address)


def _client_at(app: Starlette, address: str) -> httpx.AsyncClient:
    transport = httpx.ASGITransport(app=app, client=(address, 40000))
    return httpx.AsyncClient(transport=transport, base_url="http://testserver")


def small_app(settings: Settings, **limits: int) -> Starlette:
    return create_app(dataclasses.replace(settings, **limits), manage_orm=False)


async def login_as(client: httpx.AsyncClient, email: str, password: str) -> dict[str, Any]:
    response = await gql(client, LOGIN, {"input": {"email": email, "password": password}})
    assert response.status_code == 200, response.text
    payload: dict[str, Any] = response.json()["data"]["login"]
    return payload


def codes_of(payload: dict[str, Any]) -> list[str]:
    return [e["code"] for e in payload["userErrors"]]


async def ask_code(client: httpx.AsyncClient, email: str) -> dict[str, Any]:
    response = await gql(client, REQUEST_CODE, {"email": email})
    assert response.status_code == 200, response.text
    payload: dict[str, Any] = response.json()["data"]["requestSignInCode"]
    return payload


async def code_sign_in(client: httpx.AsyncClient, challenge: str, code: str) -> dict[str, Any]:
    response = await gql(client, SIGN_IN, {"challenge": challenge, "code": code})
    assert response.status_code == 200, response.text
    payload: dict[str, Any] = response.json()["data"]["signInWithCode"]
    return payload


async def last_code(email: str) -> str:
    message = await OutboxMessage.filter(recipient=email).order_by("-created_at").first()
    assert message is not None
    return str(message.context["code"])


# --- F3: one credential check per request --------------------------------------------------


async def test_thirty_aliased_logins_in_one_request_check_one_password(
    client: httpx.AsyncClient, factory: Factory
) -> None:
    user = await factory.user()
    aliases = " ".join(
        f'a{n}: login(input: {{email: "{user.email}", password: "{WRONG}"}}) '
        "{ accessToken userErrors { code } }"
        for n in range(30)
    )

    response = await gql(client, f"mutation {{ {aliases} }}")

    data = response.json()["data"]
    answers = [data[f"a{n}"]["userErrors"][0]["code"] for n in range(30)]
    assert answers == ["INVALID_CREDENTIALS"] + ["ONE_CREDENTIAL_PER_REQUEST"] * 29
    assert all(data[f"a{n}"]["accessToken"] is None for n in range(30))
    # One password checked, one failure recorded: the account is far from its limit.
    assert await LoginFailure.filter(email=user.email).count() == 1


async def test_a_request_takes_one_sign_in_step_whatever_the_mutation(
    client: httpx.AsyncClient, factory: Factory
) -> None:
    user = await factory.user()
    query = f"""
    mutation {{
      code: requestSignInCode(input: {{email: "{user.email}"}}) {{
        challenge userErrors {{ code }}
      }}
      right: login(input: {{email: "{user.email}", password: "{PASSWORD}"}}) {{
        accessToken userErrors {{ code }}
      }}
      guess: signInWithCode(input: {{challenge: "x", code: "123456"}}) {{ userErrors {{ code }} }}
    }}
    """

    data = (await gql(client, query)).json()["data"]

    assert data["code"]["userErrors"] == []
    assert data["right"] == {
        "accessToken": None,
        "userErrors": [{"code": "ONE_CREDENTIAL_PER_REQUEST"}],
    }
    assert data["guess"]["userErrors"] == [{"code": "ONE_CREDENTIAL_PER_REQUEST"}]
    assert await Session.filter(user_id=user.id).count() == 0


async def test_checks_per_address_are_limited_and_other_addresses_go_on(
    settings: Settings, db: str, factory: Factory
) -> None:
    app = small_app(settings, sign_in_address_max_checks=3)
    user = await factory.user()
    integration = await factory.service_account(organisation=await factory.organisation())
    form = {
        "grant_type": "client_credentials",
        "client_id": integration.account.client_id,
        "client_secret": integration.client_secret,
    }

    async with _client_at(app, ATTACKER) as attacker, _client_at(app, OWNER) as owner:
        allowed = [codes_of(await login_as(attacker, user.email, PASSWORD)) for _ in range(3)]
        refused = await login_as(attacker, user.email, PASSWORD)
        token_refused = await attacker.post("/oauth/token", data=form)
        elsewhere = await login_as(owner, user.email, PASSWORD)
        token_elsewhere = await owner.post("/oauth/token", data=form)

    assert allowed == [[], [], []]
    assert refused["userErrors"] == [
        {
            "field": None,
            "code": "RATE_LIMITED",
            "message": "Too many sign-in attempts from your network address; "
            "try again in a minute.",
        }
    ]
    assert token_refused.status_code == 429
    assert token_refused.headers["retry-after"] == "60"
    assert token_refused.json()["error"] == "slow_down"
    assert codes_of(elsewhere) == []
    assert token_elsewhere.status_code == 200
    assert await Session.filter(user_id=user.id).count() == 4


# --- F4: slow the attacker, not the owner --------------------------------------------------


async def test_failed_logins_do_not_lock_out_the_owner_who_proves_the_mailbox(
    clients: Callable[[str], httpx.AsyncClient], factory: Factory, settings: Settings
) -> None:
    admin = await factory.user()
    async with clients(ATTACKER) as attacker, clients(OWNER) as owner:
        for _ in range(settings.login_max_failures):
            assert codes_of(await login_as(attacker, admin.email, WRONG)) == ["INVALID_CREDENTIALS"]

        locked = await login_as(owner, admin.email, PASSWORD)
        asked = await ask_code(owner, admin.email)
        signed = await code_sign_in(owner, asked["challenge"], await last_code(admin.email))
        password_again = await login_as(owner, admin.email, PASSWORD)

    assert codes_of(locked) == ["SIGN_IN_CODE_REQUIRED"]
    assert locked["accessToken"] is None
    assert asked["userErrors"] == []
    assert signed["userErrors"] == []
    assert signed["accessToken"]
    assert codes_of(password_again) == []
    assert await LoginFailure.filter(email=admin.email).count() == 0
    assert await Session.filter(user_id=admin.id).count() == 2


async def test_an_attacker_cannot_spend_the_owners_sign_in_codes(
    clients: Callable[[str], httpx.AsyncClient], factory: Factory, settings: Settings
) -> None:
    owner_user = await factory.user(password=None)
    async with clients(ATTACKER) as attacker, clients(OWNER) as owner:
        spent = [
            (await ask_code(attacker, owner_user.email))["userErrors"]
            for _ in range(settings.sign_in_code_max_requests + 1)
        ]
        mine = await ask_code(owner, owner_user.email)
        signed = await code_sign_in(owner, mine["challenge"], await last_code(owner_user.email))

    assert spent[:-1] == [[]] * settings.sign_in_code_max_requests
    assert spent[-1] == [{"field": ["input", "email"], "code": "RATE_LIMITED"}]
    assert mine["userErrors"] == []
    assert signed["userErrors"] == []


async def test_an_address_with_too_many_failures_is_stopped_for_every_account(
    settings: Settings, db: str, factory: Factory
) -> None:
    app = small_app(settings, sign_in_address_max_failures=3)
    people = [await factory.user() for _ in range(4)]

    async with _client_at(app, ATTACKER) as attacker, _client_at(app, OWNER) as owner:
        failed = [codes_of(await login_as(attacker, p.email, WRONG)) for p in people[:3]]
        stopped = await login_as(attacker, people[3].email, PASSWORD)
        owner_in = await login_as(owner, people[3].email, PASSWORD)

    assert failed == [["INVALID_CREDENTIALS"]] * 3
    assert stopped["userErrors"] == [
        {
            "field": None,
            "code": "RATE_LIMITED",
            "message": "Too many failed sign-ins from your network address; try again later.",
        }
    ]
    assert codes_of(owner_in) == []
    # The stopped attempt checked nothing: no failure for the fourth account.
    assert await LoginFailure.filter(email=people[3].email).count() == 0


async def test_code_requests_are_limited_per_address_and_per_account(
    settings: Settings, db: str, factory: Factory
) -> None:
    app = small_app(
        settings, sign_in_code_address_max_requests=2, sign_in_code_account_max_requests=3
    )
    people = [await factory.user(password=None) for _ in range(3)]
    addresses = ["192.0.2.1", "192.0.2.2", "192.0.2.3", "192.0.2.4"]

    async with _client_at(app, ATTACKER) as attacker:
        per_address = [(await ask_code(attacker, p.email))["userErrors"] for p in people]
    per_account = []
    for address in addresses:
        async with _client_at(app, address) as someone:
            per_account.append((await ask_code(someone, people[0].email))["userErrors"])

    refused = [{"field": ["input", "email"], "code": "RATE_LIMITED"}]
    assert per_address == [[], [], refused]
    # people[0] had one code from the attacker: two more addresses reach the account's three.
    assert per_account == [[], [], refused, refused]
    assert await SignInCode.filter(email=people[0].email).count() == 3
    assert await SignInCode.filter(email=people[2].email).count() == 0


async def test_a_code_typed_with_spaces_or_dashes_works_and_garbage_is_no_guess(
    client: httpx.AsyncClient, factory: Factory
) -> None:
    user = await factory.user(password=None)
    asked = await ask_code(client, user.email)
    code = await last_code(user.email)
    challenge = asked["challenge"]

    garbage = [
        await code_sign_in(client, challenge, typed) for typed in ("abcdef", "12345", "1" * 100)
    ]
    row = await SignInCode.get(email=user.email)
    spaced = await code_sign_in(client, challenge, f" {code[:3]} - {code[3:]} ")

    assert [codes_of(g) for g in garbage] == [["INVALID_CODE"]] * 3
    assert row.failed_attempts == 0
    assert spaced["userErrors"] == []
    full_width = "".join(chr(0xFF10 + int(d)) for d in "123456")
    assert normalise_code(f"{full_width[:3]} {full_width[3:]}") == "123456"
    assert normalise_code("123\u2013456") == "123456"
    assert normalise_code("12345a") is None


def test_an_ipv6_client_counts_per_64_and_a_mapped_ipv4_as_itself() -> None:
    assert address_key("2001:db8:1:2:aaaa::1") == address_key("2001:db8:1:2:ffff::9")
    assert address_key("2001:db8:1:2::1") == "2001:db8:1:2::/64"
    assert address_key("2001:db8:1:3::1") != address_key("2001:db8:1:2::1")
    assert address_key("::ffff:192.0.2.1") == "192.0.2.1"
    assert address_key(None) == "unknown"


# --- deliverable 4: the code stays out of the subject ----------------------------------------


@pytest.mark.parametrize("locale", ["en", "zh-Hans"])
def test_the_sign_in_mail_has_the_code_in_its_body_not_its_subject(locale: str) -> None:
    rendered = mail.render(
        mail.MailKind.SIGN_IN_CODE.value, locale, {"code": "482913", "minutes": 10}
    )

    assert "482913" not in rendered.subject
    assert "Parley" in rendered.subject
    assert "482913" in rendered.text
    assert "482913" in rendered.html


# --- F8: over-long and malformed addresses at sign-in -----------------------------------------


@pytest.mark.parametrize(
    "email",
    ["a" * 250 + "@example.org", "no-at-sign", "two@@example.org"],
    ids=["over-254", "no-at", "two-at"],
)
async def test_a_bad_address_at_sign_in_is_a_coded_user_error(
    client: httpx.AsyncClient, email: str
) -> None:
    logged = await login_as(client, email, WRONG)
    asked = await ask_code(client, email)

    assert logged["userErrors"] == [
        {
            "field": ["input", "email"],
            "code": "INVALID_EMAIL",
            "message": "That is not an e-mail address.",
        }
    ]
    assert asked["userErrors"] == [{"field": ["input", "email"], "code": "INVALID_EMAIL"}]
    assert await LoginFailure.all().count() == 0
    assert await SignInCode.all().count() == 0


async def test_an_over_long_challenge_or_code_is_a_coded_user_error(
    client: httpx.AsyncClient,
) -> None:
    long_challenge = await code_sign_in(client, "x" * 100_000, "123456")
    long_code = await code_sign_in(client, "x", "1" * 100_000)

    assert long_challenge["userErrors"] == [{"field": None, "code": "INVALID_CODE"}]
    assert long_code["userErrors"] == [{"field": None, "code": "INVALID_CODE"}]
