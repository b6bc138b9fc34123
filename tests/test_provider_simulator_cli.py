"""`portal provider-simulator` starts the reference provider: it verifies Parley's signature on
what it receives, with the secrets given in its environment."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import httpx

from providers import standard_webhooks, wire
from providers.contract import CaseRef, ReferralPack
from tests.process_support import STOP_CAP, answers, wait_until
from tests.provider_support import INBOUND, OUTBOUND, free_port
from tests.test_cli import ROOT
from tests.test_request_head import MB, OVER, head, refusal


def test_the_simulator_command_verifies_what_it_receives(tmp_path: Path) -> None:
    port = free_port()
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PORTAL_", "PARLEY_"))}
    env |= {
        "PORTAL_DATA_DIR": str(tmp_path),
        "PARLEY_SIMULATOR_VERIFY_SECRET": OUTBOUND,
        "PARLEY_SIMULATOR_SIGN_SECRET": INBOUND,
    }
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "portal.cli",
            "provider-simulator",
            "--port",
            str(port),
            "--delay",
            "30",
            "--parley-url",
            "http://127.0.0.1:9",
        ],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    base = f"http://127.0.0.1:{port}"
    pack = ReferralPack(
        case=CaseRef("RGlzcHV0ZUNhc2U6eA==", "DR-1"),
        provider="p",
        subject="s",
        method="mediation",
        language="en",
        organisation="o",
        complainant="c",
        unresolved_reason="r",
        claimed_amount=None,
        currency="EUR",
        referred_at="2026-12-03T09:00:00+00:00",
        acceptance_due_at=None,
        callback_url="",
    )
    body = wire.referral_body(pack)
    try:
        wait_until(answers(f"{base}/state", 600), process, "the simulator not started")
        wrong = standard_webhooks.signed_headers(INBOUND, "m1", int(time.time()), body, "t")
        right = standard_webhooks.signed_headers(OUTBOUND, "m2", int(time.time()), body, "t")
        assert httpx.post(f"{base}/parley", content=body, headers=wrong).status_code == 401
        assert httpx.post(f"{base}/parley", content=body, headers=right).status_code == 204
        assert httpx.get(f"{base}/state").json() == {"received": 1, "refused": 1, "sent": []}
        # The simulator is served like the portal, its request heads bound the same way.
        assert refusal(base, head(MB, target="/state")) == OVER
    finally:
        process.terminate()
        output = process.communicate(timeout=STOP_CAP)[0]
    assert OUTBOUND not in output
    assert INBOUND not in output
