"""Issue 13 F7 and deliverable 5: no password, code, token, keyed hash or secret in the log,
at any level: a whole lifecycle runs with every logger at DEBUG, then the log is searched for
each secret it made. Runs on both databases, like the suite."""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator, Iterator
from pathlib import Path

import httpx
import orjson
import pytest
from starlette.applications import Starlette

from portal.accounts.models import Provider, ServiceAccount, User
from portal.api.node import to_global_id
from portal.auth.tokens import keyed_hash
from portal.cases.services import Action
from portal.feedback.models import SurveyInvitation
from portal.feedback.surveys import survey_url
from portal.logs import DATABASE_LOGGERS, JsonFormatter, guard_database_loggers
from portal.notifications.models import SignInCode
from portal.notifications.worker import Worker
from portal.settings import Settings
from tests.factories import (
    PASSWORD,
    Factory,
    build_world,
    deliver_all,
    gql,
    mail_settings,
    start_mailsink,
)
from tests.test_security_signin import ask_code, code_sign_in, last_code, login_as


class Capture(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.DEBUG)
        self.setFormatter(JsonFormatter())
        self.lines: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.lines.append(self.format(record))


@pytest.fixture
def debug_log() -> Iterator[Capture]:
    """Every logger at DEBUG, the root's handler capturing all: as with PORTAL_LOG_LEVEL=DEBUG,
    and more (each named logger lowered too, as a careless operator might)."""
    capture = Capture()
    root = logging.getLogger()
    saved = {
        name: logger.level
        for name, logger in logging.root.manager.loggerDict.items()
        if isinstance(logger, logging.Logger)
    }
    root_level = root.level
    root.addHandler(capture)
    root.setLevel(logging.DEBUG)
    for name in saved:
        logging.getLogger(name).setLevel(logging.DEBUG)
    try:
        yield capture
    finally:
        root.removeHandler(capture)
        root.setLevel(root_level)
        for name, level in saved.items():
            logging.getLogger(name).setLevel(level)


@pytest.fixture
async def mailsink_port(tmp_path: Path) -> AsyncIterator[int]:
    running = await start_mailsink(tmp_path)
    try:
        yield running.port
    finally:
        await running.stop()


CREATE_WEBHOOK = """
mutation W($input: CreateWebhookSubscriptionInput!) {
  createWebhookSubscription(input: $input) { secret userErrors { code } }
}
"""
CONFIGURE_PROVIDER = """
mutation C($input: ConfigureProviderAdapterInput!) {
  configureProviderAdapter(input: $input) { outboundSecret inboundSecret userErrors { code } }
}
"""
REFRESH = """
mutation F($token: String!) {
  refreshSession(input: {refreshToken: $token}) { accessToken refreshToken userErrors { code } }
}
"""


def test_the_guarded_loggers_are_no_more_verbose_than_the_root() -> None:
    # The guard set these loggers to INFO when they had no level of their own: with the root
    # at WARNING, aiosmtpd's whole SMTP conversation (`mail.log`, at INFO) was still logged.
    capture = Capture()
    root = logging.getLogger()
    root_level = root.level
    root.addHandler(capture)
    root.setLevel(logging.WARNING)
    try:
        guard_database_loggers()  # as configure_logging does, after setting the root's level
        for name in DATABASE_LOGGERS:
            logging.getLogger(name).info("%s >> EHLO", name)
            logging.getLogger(name).warning("%s warns", name)
    finally:
        root.removeHandler(capture)
        root.setLevel(root_level)

    logged = [(r["logger"], r["message"]) for r in map(orjson.loads, capture.lines)]
    assert logged == [(name, f"{name} warns") for name in DATABASE_LOGGERS]


async def test_a_full_lifecycle_at_debug_logs_no_secret(
    debug_log: Capture,
    client: httpx.AsyncClient,
    app: Starlette,
    factory: Factory,
    settings: Settings,
    mailsink_port: int,
) -> None:
    key = settings.secret_key
    w = await build_world(factory)
    secrets: dict[str, str] = {"password": PASSWORD, "secret key": key}

    # Password sign-in, then refresh.
    signed = await login_as(client, w.manager.email, PASSWORD)
    refreshed = (await gql(client, REFRESH, {"token": signed["refreshToken"]})).json()["data"][
        "refreshSession"
    ]
    assert refreshed["userErrors"] == []
    for name, payload in (("login", signed), ("refresh", refreshed)):
        secrets[f"{name} access token"] = payload["accessToken"]
        secrets[f"{name} refresh token"] = payload["refreshToken"]
        secrets[f"{name} refresh hash"] = keyed_hash(key, payload["refreshToken"])
    secrets["password hash"] = (await User.get(id=w.manager.id)).password_hash

    # A one-time code: asked for, mailed (through a real SMTP server), used.
    asked = await ask_code(client, w.complainant.email)
    code = await last_code(w.complainant.email)
    secrets["code"] = code
    secrets["challenge"] = asked["challenge"]
    secrets["code hash"] = (await SignInCode.get(email=w.complainant.email)).code_hash
    await deliver_all(Worker(mail_settings(settings, mailsink_port)))
    by_code = await code_sign_in(client, asked["challenge"], code)
    assert by_code["userErrors"] == []
    secrets["code access token"] = by_code["accessToken"]
    secrets["code refresh token"] = by_code["refreshToken"]
    secrets["code refresh hash"] = keyed_hash(key, by_code["refreshToken"])

    # Client credentials.
    integration = await factory.service_account(organisation=w.organisation)
    issued = await client.post(
        "/oauth/token",
        data={
            "grant_type": "client_credentials",
            "client_id": integration.account.client_id,
            "client_secret": integration.client_secret,
        },
    )
    assert issued.status_code == 200, issued.text
    secrets["client secret"] = integration.client_secret
    secrets["client secret hash"] = (
        await ServiceAccount.get(id=integration.account.id)
    ).secret_hash
    secrets["client access token"] = issued.json()["access_token"]

    # A webhook subscription and a provider adapter, each with its whsec_ secret.
    manager = signed["accessToken"]
    webhook = (
        await gql(
            client,
            CREATE_WEBHOOK,
            {
                "input": {
                    "organisationId": to_global_id("Organisation", w.organisation.id),
                    "url": "https://93.184.215.14/parley",
                    "eventKinds": ["case_referred"],
                }
            },
            manager,
        )
    ).json()["data"]["createWebhookSubscription"]
    assert webhook["userErrors"] == []
    secrets["webhook secret"] = webhook["secret"]
    caseworker = (await login_as(client, w.caseworker.email, PASSWORD))["accessToken"]
    adapter = (
        await gql(
            client,
            CONFIGURE_PROVIDER,
            {
                "input": {
                    "providerId": to_global_id("Provider", w.provider.id),
                    "adapter": "EMAIL",
                    "email": "cases@provider.example",
                }
            },
            caseworker,
        )
    ).json()["data"]["configureProviderAdapter"]
    assert adapter["userErrors"] == []
    secrets["provider outbound secret"] = adapter["outboundSecret"]
    secrets["provider inbound secret"] = adapter["inboundSecret"]
    assert (await Provider.get(id=w.provider.id)).outbound_secret == adapter["outboundSecret"]

    # A survey link.
    case = await w.new_case()
    await w.act(w.caseworker, case, Action.CLOSE, reason="discontinued", note="Gone.")
    invitation = await SurveyInvitation.get(case_id=case.id)
    link = survey_url(invitation, app.state.auth.issuer, settings.public_url)
    secrets["survey token"] = link.split("#token=", 1)[1]

    logging.getLogger("tests.probe").debug("probe")
    log = "\n".join(debug_log.lines)
    # The capture worked: a DEBUG line of any logger, and the lifecycle's own lines, are there.
    assert '"message":"probe"' in log
    assert '"message":"delivery attempt delivered"' in log
    assert all(value for value in secrets.values())
    leaked = sorted(name for name, value in secrets.items() if value in log)
    assert leaked == []
