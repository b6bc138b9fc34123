"""Headers every response carries (Issue 13 F9, F10).

`X-Content-Type-Options: nosniff` on everything, so no browser reads a JSON answer (or a
download) as a page or a script. In production, `Strict-Transport-Security`: the portal is
served over https (`PORTAL_PUBLIC_URL` must say so), and a browser that has seen it once will
not be talked into plain http. Subdomains are left out: they may be other services'.
"""

from __future__ import annotations

from starlette.datastructures import MutableHeaders
from starlette.types import ASGIApp, Message, Receive, Scope, Send

HSTS = "max-age=31536000"
NOSNIFF = "nosniff"


class SecurityHeadersMiddleware:
    def __init__(self, app: ASGIApp, production: bool) -> None:
        self.app = app
        self.production = production

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = MutableHeaders(scope=message)
                headers.setdefault("X-Content-Type-Options", NOSNIFF)
                if self.production:
                    headers.setdefault("Strict-Transport-Security", HSTS)
            await send(message)

        await self.app(scope, receive, send_with_headers)
