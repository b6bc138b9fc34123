"""The typed context every resolver receives."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from starlette.requests import Request
from starlette.responses import Response
from starlette.websockets import WebSocket
from strawberry.types import Info as StrawberryInfo

from portal.api.errors import Unauthenticated
from portal.api.loaders import Loaders
from portal.auth import devices
from portal.auth.actor import Actor
from portal.auth.limits import SignInAttempt, attempt_from
from portal.auth.services import AuthService
from portal.settings import Settings
from portal.web.cookies import device_cookie


@dataclass
class Context:
    request: Request | WebSocket
    response: Response | WebSocket
    settings: Settings
    auth: AuthService
    actor: Actor | None
    loaders: Loaders = field(default_factory=Loaders)
    # The reads this request recorded in the access log (portal.accesslog): each once.
    recorded_reads: set[tuple[str, str, str]] = field(default_factory=set)
    # WebSocket connections only: strawberry stores the `connection_init` payload here, and the
    # access token it carried stays for re-checking the session at every live event.
    connection_params: dict[str, Any] | None = None
    access_token: str | None = None
    access_expires_at: datetime | None = None
    # Issue 13 F3: the one sign-in step this request (or WebSocket connection) may take.
    _sign_in: SignInAttempt | None = None

    def sign_in_attempt(self) -> SignInAttempt:
        if self._sign_in is None:
            client = self.request.client
            # Issue 13 F4: a browser that signed in before is not held by the account's limits.
            device = devices.read(self.settings.secret_key, device_cookie(self.request))
            self._sign_in = attempt_from(client.host if client else None, device)
        return self._sign_in

    def require_actor(self) -> Actor:
        if self.actor is None:
            raise Unauthenticated()
        return self.actor


Info = StrawberryInfo[Context, None]
