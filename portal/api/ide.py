"""The GraphQL IDE's page policy (Issue 13 F10; the IDE is served in development only)."""

from __future__ import annotations

import base64
import hashlib
import re

_INLINE_SCRIPT = re.compile(r"<script>(.*?)</script>", re.S)


def ide_headers(html: str) -> dict[str, str]:
    """The GraphQL IDE's page (development only): its scripts from unpkg.com, pinned by
    integrity in strawberry's page, and its inline script by hash; nothing may frame it.
    GraphiQL sets inline styles as it draws, hence `'unsafe-inline'` for styles only."""
    hashes = " ".join(
        "'sha256-" + base64.b64encode(hashlib.sha256(body.encode()).digest()).decode() + "'"
        for body in _INLINE_SCRIPT.findall(html)
    )
    policy = (
        f"default-src 'none'; script-src {hashes} https://unpkg.com; "
        "style-src 'unsafe-inline' https://unpkg.com; img-src 'self' data:; "
        "font-src https://unpkg.com data:; connect-src 'self'; base-uri 'none'; "
        "form-action 'none'; frame-ancestors 'none'"
    )
    return {
        "Content-Security-Policy": policy,
        "X-Frame-Options": "DENY",
        "Referrer-Policy": "no-referrer",
        "Cache-Control": "no-cache",
    }
