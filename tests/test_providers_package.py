"""The providers package stands alone: it imports nothing from portal, its adapters come from
a registry that third-party packages extend through the `parley.providers` entry points, and
its Standard Webhooks signatures agree with the reference implementation."""

from __future__ import annotations

import ast
import time
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
from standardwebhooks import Webhook

from providers import registry, standard_webhooks
from providers.contract import ProviderAdapter

PROVIDERS = Path(__file__).resolve().parent.parent / "providers"


def _imports(path: Path) -> Iterator[str]:
    for node in ast.walk(ast.parse(path.read_text(), str(path))):
        if isinstance(node, ast.Import):
            yield from (alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            yield node.module


def test_nothing_in_providers_imports_portal() -> None:
    files = sorted(PROVIDERS.rglob("*.py"))
    assert len(files) >= 9
    offending = {
        f"{path.relative_to(PROVIDERS)}: {name}"
        for path in files
        for name in _imports(path)
        if name == "portal" or name.startswith("portal.")
    }
    assert offending == set()


def test_the_built_in_adapters_are_registered_and_declared_as_entry_points() -> None:
    from importlib.metadata import entry_points

    declared = {p.name: p.value for p in entry_points(group=registry.GROUP)}
    assert declared["inportal"] == "providers.inportal:InPortalAdapter"
    assert declared["webhook"] == "providers.webhook:WebhookAdapter"
    assert declared["email"] == "providers.email:EmailAdapter"
    adapters = registry.adapters()
    assert {"inportal", "webhook", "email"} <= set(adapters)
    assert all(isinstance(a, ProviderAdapter) for a in adapters.values())
    assert [adapters[n].external for n in ("inportal", "webhook", "email")] == [False, True, True]
    with pytest.raises(registry.UnknownAdapter):
        registry.get("carrier-pigeon")


THIRD_PARTY = """
from providers.contract import DeliveryResult

class AcmeAdapter:
    name = "acme"
    external = True
    callbacks = False
    answers_by_link = False

    async def refer(self, config, pack, out):
        return DeliveryResult.delivered("acme")

    async def withdraw(self, config, withdrawal, out):
        return DeliveryResult.delivered("acme")

    async def deliver_event(self, config, event, out):
        return DeliveryResult.delivered("acme")

    def parse_callback(self, config, request):
        return []

class Broken:
    name = "broken"
"""


def test_a_third_party_package_adds_an_adapter_through_the_entry_point_group(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "acme_parley.py").write_text(THIRD_PARTY)
    dist = tmp_path / "acme_parley-1.0.dist-info"
    dist.mkdir()
    (dist / "METADATA").write_text("Metadata-Version: 2.1\nName: acme-parley\nVersion: 1.0\n")
    (dist / "entry_points.txt").write_text(
        "[parley.providers]\nacme = acme_parley:AcmeAdapter\nbroken = acme_parley:Broken\n"
    )
    monkeypatch.syspath_prepend(str(tmp_path))
    registry.adapters.cache_clear()
    try:
        adapters = registry.adapters()
        assert adapters["acme"].name == "acme"
        assert "broken" not in adapters  # not an adapter: logged and left out
        assert "webhook" in adapters
    finally:
        registry.adapters.cache_clear()


def test_signatures_agree_with_the_reference_implementation_both_ways() -> None:
    secret = standard_webhooks.new_secret()
    body = b'{"type":"accepted","data":{"case":{"id":"x"}}}'
    now = int(time.time())
    ours = standard_webhooks.signed_headers(secret, "msg_1", now, body, "test")
    assert Webhook(secret).verify(body, ours)["type"] == "accepted"
    theirs = Webhook(secret).sign("msg_2", datetime.fromtimestamp(now, UTC), body.decode())
    headers = {"webhook-id": "msg_2", "webhook-timestamp": str(now), "webhook-signature": theirs}
    assert standard_webhooks.verify(secret, headers, body, now) == "msg_2"
    # One changed byte of the raw body, and the signature no longer holds.
    with pytest.raises(standard_webhooks.SignatureRefused) as refused:
        standard_webhooks.verify(secret, headers, body.replace(b"x", b"y"), now)
    assert refused.value.code == "BAD_SIGNATURE"
