"""Issue 13 F11: `portal demo` seeds accounts with the published password (an admin among
them); in production it is refused with a clear message and exit code 2, and writes nothing."""

from __future__ import annotations

import os
from pathlib import Path

from tests.process_support import portal


def test_portal_demo_is_refused_in_production_and_touches_nothing(tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if not k.startswith("PORTAL_")}
    env |= {
        "PORTAL_ENV": "production",
        "PORTAL_DATA_DIR": str(tmp_path / "data"),
        "PORTAL_SECRET_KEY": "p" * 64,
        "PORTAL_JWT_PRIVATE_KEY": "@/etc/parley/signing.pem",
        "PORTAL_PUBLIC_URL": "https://disputes.example.org",
    }

    result = portal(env, "demo")

    assert result.returncode == 2
    assert result.stderr.startswith(
        "error: `portal demo` is refused in production (PORTAL_ENV=production)"
    )
    assert result.stdout == ""
    assert not (tmp_path / "data").exists()
