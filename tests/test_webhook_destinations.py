"""Issue 13 F6: production refuses `PORTAL_WEBHOOK_ALLOW_PRIVATE=true`; every address a
webhook or provider URL stands for is checked (loopback, private, link-local, multicast,
reserved, unspecified, IPv4 inside IPv6, integer, octal and hex hosts), once per delivery, and
the connection goes to the address checked: a real HTTP (and HTTPS) receiver on 127.0.0.1
gets a request only when private addresses are allowed, under the URL's own host name."""

from __future__ import annotations

import asyncio
import dataclasses
import datetime as dt
import socket
import ssl
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx
import pytest
import uvicorn
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from portal.notifications.destinations import (
    PinnedTransport,
    UrlRefused,
    check_url,
    pinned_client,
)
from portal.notifications.models import Channel, OutboxMessage, OutboxStatus, WebhookSubscription
from portal.notifications.webhooks import new_secret
from portal.notifications.worker import Worker
from portal.settings import Settings, SettingsError, load_settings
from providers.http import DestinationRefused
from tests.factories import Factory, build_world
from tests.provider_support import allowing_private, make_external

PRODUCTION = {
    "PORTAL_ENV": "production",
    "PORTAL_SECRET_KEY": "x" * 64,
    "PORTAL_JWT_PRIVATE_KEY": "@/etc/parley/signing.pem",
    "PORTAL_PUBLIC_URL": "https://disputes.example.org",
}


@dataclass
class Receiver:
    hosts: list[str] = field(default_factory=list)

    async def endpoint(self, request: Request) -> Response:
        self.hosts.append(request.headers["host"])
        return Response(status_code=204)


@asynccontextmanager
async def receiving(**tls: Any) -> AsyncIterator[tuple[Receiver, int]]:
    """A real HTTP(S) receiver on 127.0.0.1 (uvicorn, in this loop)."""
    hook = Receiver()
    app = Starlette(routes=[Route("/hooks", hook.endpoint, methods=["POST"])])
    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    server = uvicorn.Server(uvicorn.Config(app, log_config=None, lifespan="off", **tls))
    task = asyncio.create_task(server.serve(sockets=[sock]))
    while not server.started:  # noqa: ASYNC110 (uvicorn offers no event for it)
        await asyncio.sleep(0.01)
    try:
        yield hook, int(sock.getsockname()[1])
    finally:
        server.should_exit = True
        await task
        sock.close()


def answering(table: dict[str, list[str]], calls: list[str] | None = None) -> Any:
    """A resolver answering from ``table`` (what a DNS server under an attacker's control
    answers), recording every question."""

    async def resolve(host: str, port: int) -> list[str]:
        if calls is not None:
            calls.append(host)
        return table[host]

    return resolve


# --- production --------------------------------------------------------------------------------


def test_production_refuses_to_start_with_private_webhook_addresses_allowed() -> None:
    with pytest.raises(SettingsError) as refused:
        load_settings({**PRODUCTION, "PORTAL_WEBHOOK_ALLOW_PRIVATE": "true"})

    assert "PORTAL_WEBHOOK_ALLOW_PRIVATE: refused in production" in str(refused.value)
    assert load_settings({**PRODUCTION, "PORTAL_WEBHOOK_ALLOW_PRIVATE": "false"}).production
    assert load_settings({"PORTAL_WEBHOOK_ALLOW_PRIVATE": "true"}).webhook_allow_private


# --- the check -------------------------------------------------------------------------------

REFUSED = {
    "http://127.0.0.1/h": "URL_NOT_ALLOWED",
    "http://localhost/h": "URL_NOT_ALLOWED",
    "http://[::1]/h": "URL_NOT_ALLOWED",
    "http://0.0.0.0/h": "URL_NOT_ALLOWED",
    "http://[::]/h": "URL_NOT_ALLOWED",
    "http://10.1.2.3/h": "URL_NOT_ALLOWED",
    "http://172.16.0.1/h": "URL_NOT_ALLOWED",
    "http://192.168.1.1/h": "URL_NOT_ALLOWED",
    "http://100.64.0.1/h": "URL_NOT_ALLOWED",  # shared address space (CGNAT)
    "http://169.254.169.254/latest": "URL_NOT_ALLOWED",  # cloud metadata
    "http://224.0.0.1/h": "URL_NOT_ALLOWED",
    "http://240.0.0.1/h": "URL_NOT_ALLOWED",  # reserved
    "http://255.255.255.255/h": "URL_NOT_ALLOWED",
    "http://[fe80::1]/h": "URL_NOT_ALLOWED",
    "http://[fc00::1]/h": "URL_NOT_ALLOWED",
    "http://[ff02::1]/h": "URL_NOT_ALLOWED",
    "http://[::ffff:127.0.0.1]/h": "URL_NOT_ALLOWED",  # IPv4-mapped
    "http://[::ffff:a01:203]/h": "URL_NOT_ALLOWED",  # 10.1.2.3, mapped
    "http://[2002:7f00:1::1]/h": "URL_NOT_ALLOWED",  # 6to4 around 127.0.0.1
    "http://[64:ff9b::a9fe:a9fe]/h": "URL_NOT_ALLOWED",  # NAT64 around 169.254.169.254
    "http://2130706433/h": "INVALID_URL",  # 127.0.0.1 as one integer
    "http://0x7f000001/h": "INVALID_URL",
    "http://0x7f.1/h": "INVALID_URL",
    "http://0177.0.0.1/h": "INVALID_URL",  # octal
    "http://127.1/h": "INVALID_URL",
    "http://user:pw@example.org/h": "INVALID_URL",
    "ftp://example.org/h": "INVALID_URL",
}


async def test_every_non_public_address_and_every_numeric_trick_is_refused() -> None:
    codes = {}
    for url in REFUSED:
        try:
            await check_url(url, allow_private=False)
        except UrlRefused as exc:
            codes[url] = exc.code

    assert codes == REFUSED
    await check_url("https://93.184.215.14/hooks", allow_private=False)
    await check_url("https://[2606:2800:21f:cb07:6820:80da:af6b:8b2c]/h", allow_private=False)


async def test_a_name_with_one_private_address_among_public_ones_is_refused() -> None:
    resolver = answering({"hooks.example.org": ["93.184.215.14", "10.0.0.7"]})

    with pytest.raises(UrlRefused) as refused:
        await check_url("https://hooks.example.org/h", allow_private=False, resolver=resolver)

    assert refused.value.code == "URL_NOT_ALLOWED"


# --- the connection goes where the check looked --------------------------------------------------


async def test_the_connection_goes_to_the_address_resolved_once_under_the_urls_host_name() -> None:
    calls: list[str] = []
    resolver = answering({"hooks.parley.test": ["127.0.0.1"]}, calls)
    async with (
        receiving() as (hook, port),
        pinned_client(allow_private=True, timeout=5, resolver=resolver) as client,
    ):
        # The system resolver knows no `.test` name: only the pinned address can be reached.
        answer = await client.post(f"http://hooks.parley.test:{port}/hooks", content=b"{}")

    assert answer.status_code == 204
    assert hook.hosts == [f"hooks.parley.test:{port}"]
    assert calls == ["hooks.parley.test"]  # resolved once, by the check itself
    assert answer.request.url.host == "hooks.parley.test"


async def test_a_rebinding_name_is_asked_once_and_the_answer_checked_is_the_one_used() -> None:
    """The name answers a public address to the first question and the receiver's loopback to
    every later one (DNS rebinding). The transport asks once and connects where that answer
    said; the receiver on loopback gets nothing. A name answering loopback first is refused
    before any connection."""
    calls: list[str] = []

    async def rebinding(host: str, port: int) -> list[str]:
        calls.append(host)
        return ["93.184.215.14"] if len(calls) == 1 else ["127.0.0.1"]

    async with (
        receiving() as (hook, port),
        pinned_client(allow_private=False, timeout=0.5, resolver=rebinding) as client,
    ):
        url = f"http://rebind.parley.test:{port}/hooks"
        # 93.184.215.14 is public: the request goes there, whatever answers (nothing on most
        # machines; a CI network's middlebox answered once), and never to the loopback
        # receiver. Refusing it would be the bug.
        try:
            await client.post(url, content=b"{}")
        except DestinationRefused:
            pytest.fail("the public first answer was refused")
        except httpx.TransportError:
            pass
        with pytest.raises(DestinationRefused):
            await client.post(url, content=b"{}")

    assert calls == ["rebind.parley.test", "rebind.parley.test"]  # once per request
    assert hook.hosts == []


def _tls_files(folder: Path, name: str) -> tuple[Path, Path]:
    key = ec.generate_private_key(ec.SECP256R1())
    subject = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, name)])
    start = dt.datetime.now(dt.UTC) - dt.timedelta(minutes=5)
    cert = (
        x509.CertificateBuilder()
        .subject_name(subject)
        .issuer_name(subject)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(start)
        .not_valid_after(start + dt.timedelta(days=1))
        .add_extension(x509.SubjectAlternativeName([x509.DNSName(name)]), critical=False)
        .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
        .sign(key, hashes.SHA256())
    )
    cert_path, key_path = folder / f"{name}.pem", folder / f"{name}.key"
    cert_path.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    key_path.write_bytes(
        key.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        )
    )
    return cert_path, key_path


async def test_https_to_a_pinned_address_checks_the_certificate_against_the_urls_name(
    tmp_path: Path,
) -> None:
    cert, key = _tls_files(tmp_path, "hooks.parley.test")
    trust = ssl.create_default_context(cafile=str(cert))
    resolver = answering({"hooks.parley.test": ["127.0.0.1"], "other.parley.test": ["127.0.0.1"]})
    async with (
        receiving(ssl_certfile=str(cert), ssl_keyfile=str(key)) as (hook, port),
        httpx.AsyncClient(
            transport=PinnedTransport(allow_private=True, resolver=resolver, verify=trust)
        ) as client,
    ):
        answer = await client.post(f"https://hooks.parley.test:{port}/hooks", content=b"{}")
        # The same address under a name the certificate does not carry: refused by TLS.
        with pytest.raises(httpx.ConnectError, match="CERTIFICATE_VERIFY_FAILED"):
            await client.post(f"https://other.parley.test:{port}/hooks", content=b"{}")

    assert answer.status_code == 204
    assert hook.hosts == [f"hooks.parley.test:{port}"]


# --- the worker --------------------------------------------------------------------------------


async def test_the_worker_delivers_nothing_to_loopback_in_any_spelling(
    factory: Factory, settings: Settings
) -> None:
    w = await build_world(factory)
    async with receiving() as (hook, port):
        for host in ("127.0.0.1", "localhost", "2130706433", "[::ffff:127.0.0.1]"):
            # Written straight into the table, as if it had passed an older check.
            await WebhookSubscription.create(
                organisation_id=w.organisation.id,
                url=f"http://{host}:{port}/hooks",
                event_kinds=["case_referred"],
                secret=new_secret(),
                created_at=dt.datetime.now(dt.UTC),
            )
        await w.new_case()
        await Worker(settings).deliver_due()

    rows = await OutboxMessage.filter(channel=Channel.WEBHOOK)
    assert hook.hosts == []
    assert len(rows) == 4
    assert {r.status for r in rows} == {OutboxStatus.DEAD}
    assert {r.last_error for r in rows} == {
        "The URL points to a private, loopback, link-local or otherwise non-public address.",
        "Write an IP address in dotted decimal, or use a name.",
    }


async def test_a_providers_endpoint_on_loopback_gets_nothing_and_with_private_allowed_it_does(
    factory: Factory, settings: Settings
) -> None:
    w = await build_world(factory)
    async with receiving() as (hook, port):
        await make_external(w, "webhook", endpoint_url=f"http://localhost:{port}/hooks")
        refused = await w.new_case()
        await Worker(dataclasses.replace(settings, clock_interval=0)).deliver_due()
        dead = await OutboxMessage.get(
            channel=Channel.PROVIDER, kind="referral", case_id=refused.id
        )
        delivered_case = await w.new_case()
        await Worker(allowing_private(settings)).deliver_due()
        delivered = await OutboxMessage.get(
            channel=Channel.PROVIDER, kind="referral", case_id=delivered_case.id
        )

    assert (dead.status, dead.last_error) == (
        OutboxStatus.DEAD,
        "The URL points to a private, loopback, link-local or otherwise non-public address.",
    )
    assert delivered.status is OutboxStatus.DELIVERED
    # The referral and the case's first events, all under the URL's own host name.
    assert set(hook.hosts) == {f"localhost:{port}"}
