"""Passwordless sign-in with a one-time e-mail code, and dead letters for admins, over GraphQL."""

from __future__ import annotations

import httpx

from portal.accounts.models import Role, Session
from portal.api.node import to_global_id
from portal.notifications.mail import MailKind
from portal.notifications.models import Channel, OutboxMessage, OutboxStatus, SignInCode
from portal.notifications.outbox import enqueue, now
from tests.factories import Factory, gql, login

REQUEST = """
mutation Request($email: String!) {
  requestSignInCode(input: {email: $email}) { challenge expiresIn userErrors { field code } }
}
"""
SIGN_IN = """
mutation SignIn($challenge: String!, $code: String!) {
  signInWithCode(input: {challenge: $challenge, code: $code}) {
    accessToken refreshToken viewer { user { email } } userErrors { code }
  }
}
"""
DEAD = """
{ deadLetters(first: 10) { edges { node { id kind recipient status lastError
    attemptLog { number outcome detail } } } } }
"""
RETRY = """
mutation Retry($id: ID!) {
  retryDeadLetter(input: {id: $id}) { message { status attempts } userErrors { code } }
}
"""


async def _request(client: httpx.AsyncClient, email: str) -> dict[str, object]:
    body = (await gql(client, REQUEST, {"email": email})).json()
    return body["data"]["requestSignInCode"]  # type: ignore[no-any-return]


async def _sign_in(client: httpx.AsyncClient, challenge: object, code: str) -> dict[str, object]:
    variables = {"challenge": challenge, "code": code}
    return (await gql(client, SIGN_IN, variables)).json()["data"]["signInWithCode"]  # type: ignore[no-any-return]


async def test_a_consumer_signs_in_with_the_code_from_the_mail_once(
    client: httpx.AsyncClient, factory: Factory
) -> None:
    consumer = await factory.user(password=None)
    asked = await _request(client, consumer.email.upper())
    mail = await OutboxMessage.get(kind=MailKind.SIGN_IN_CODE.value)
    code = str(mail.context["code"])

    wrong = await _sign_in(client, asked["challenge"], "000000" if code != "000000" else "111111")
    right = await _sign_in(client, asked["challenge"], code)
    again = await _sign_in(client, asked["challenge"], code)

    assert asked["userErrors"] == []
    assert asked["expiresIn"] == 600
    assert mail.recipient == consumer.email
    assert len(code) == 6
    assert wrong["userErrors"] == [{"code": "INVALID_CODE"}]
    assert wrong["accessToken"] is None
    assert right["userErrors"] == []
    assert right["viewer"] == {"user": {"email": consumer.email}}
    assert again["userErrors"] == [{"code": "INVALID_CODE"}]
    assert await Session.filter(user_id=consumer.id, method="email_code").count() == 1


async def test_an_unknown_address_gets_the_same_answer_and_no_mail(
    client: httpx.AsyncClient, db: str
) -> None:
    asked = await _request(client, "nobody@example.org")

    assert asked["userErrors"] == []
    assert isinstance(asked["challenge"], str)
    assert await OutboxMessage.all().count() == 0
    assert (await _sign_in(client, asked["challenge"], "123456"))["userErrors"] == [
        {"code": "INVALID_CODE"}
    ]


async def test_codes_are_rate_limited_per_address_and_guesses_per_code(
    client: httpx.AsyncClient, factory: Factory
) -> None:
    consumer = await factory.user(password=None)
    answers = [await _request(client, consumer.email) for _ in range(6)]
    first = answers[0]["challenge"]
    code = str(
        (await OutboxMessage.filter(kind="sign_in_code").order_by("created_at").first()).context[
            "code"
        ]
    )  # type: ignore[union-attr]

    for guess in range(5):
        await _sign_in(client, first, f"{guess:06d}" if f"{guess:06d}" != code else "999999")
    after_guesses = await _sign_in(client, first, code)

    assert [a["userErrors"] for a in answers[:5]] == [[]] * 5
    assert answers[5]["userErrors"] == [{"field": ["input", "email"], "code": "RATE_LIMITED"}]
    assert await SignInCode.filter(email=consumer.email).count() == 5
    assert after_guesses["userErrors"] == [{"code": "INVALID_CODE"}]
    assert await Session.filter(user_id=consumer.id).count() == 0


async def test_an_admin_sees_a_dead_letter_and_retries_it_and_nobody_else_can(
    client: httpx.AsyncClient, factory: Factory
) -> None:
    admin = await factory.user(Role.ADMIN)
    organisation = await factory.organisation()
    manager = await factory.user(Role.ORG_MANAGER, organisation=organisation)
    row = await enqueue(Channel.EMAIL, "case_closed", "gone@example.org", {}, at=now())
    await OutboxMessage.filter(id=row.id).update(
        status=OutboxStatus.DEAD, attempts=8, last_error="550 no"
    )
    gid = to_global_id("OutboxMessage", row.id)
    admin_token = (await login(client, admin))["accessToken"]
    manager_token = (await login(client, manager))["accessToken"]

    hidden = (await gql(client, DEAD, token=manager_token)).json()
    refused = (await gql(client, RETRY, {"id": gid}, manager_token)).json()
    unchanged = await OutboxMessage.get(id=row.id)
    seen = (await gql(client, DEAD, token=admin_token)).json()
    retried = (await gql(client, RETRY, {"id": gid}, admin_token)).json()
    twice = (await gql(client, RETRY, {"id": gid}, admin_token)).json()

    assert hidden["errors"][0]["extensions"]["code"] == "FORBIDDEN"
    assert refused["data"]["retryDeadLetter"]["userErrors"] == [{"code": "FORBIDDEN"}]
    assert (unchanged.status, unchanged.attempts) == (OutboxStatus.DEAD, 8)
    nodes = [e["node"] for e in seen["data"]["deadLetters"]["edges"]]
    assert [(n["id"], n["recipient"], n["lastError"]) for n in nodes] == [
        (gid, "gone@example.org", "550 no")
    ]
    assert retried["data"]["retryDeadLetter"] == {
        "message": {"status": "PENDING", "attempts": 0},
        "userErrors": [],
    }
    assert twice["data"]["retryDeadLetter"]["userErrors"] == [{"code": "NOT_A_DEAD_LETTER"}]
