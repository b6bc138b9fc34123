"""OAuth 2.0 endpoints for integration clients and the browser's refresh cookie.

`/oauth/token` (RFC 6749): the `client_credentials` grant (4.4) for service accounts and the
`refresh_token` grant (6) for people, with RFC 6749 5.2 error responses. `/oauth/revoke`
(RFC 7009) ends a session. `/.well-known/jwks.json` publishes the verification keys and
`/.well-known/oauth-authorization-server` (RFC 8414) the endpoints, grants and scopes.
"""

from __future__ import annotations

import base64
import binascii
from urllib.parse import unquote_plus, urlsplit

from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

from portal.api.characters import FORBIDDEN
from portal.auth.errors import AuthError, AuthErrorCode
from portal.auth.keys import KeySet
from portal.auth.limits import attempt_from
from portal.auth.policy import SCOPES
from portal.auth.services import AuthService, IssuedTokens
from portal.auth.tokens import InvalidToken
from portal.settings import Settings
from portal.web.cookies import clear_refresh_cookie, refresh_cookie, set_refresh_cookie

_NO_STORE = {"Cache-Control": "no-store", "Pragma": "no-cache"}
FORM = "application/x-www-form-urlencoded"


def oauth_error(
    error: str, description: str, status: int = 400, headers: dict[str, str] | None = None
) -> JSONResponse:
    return JSONResponse(
        {"error": error, "error_description": description},
        status_code=status,
        headers={**_NO_STORE, **(headers or {})},
    )


def origin_of(url: str) -> str:
    """`scheme://host[:port]` of a URL, as a browser writes it in `Origin`."""
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}".lower()


def foreign_origin(request: Request, settings: Settings) -> str | None:
    """The request's `Origin` when it is another site's (Issue 13 F11); None when the request
    comes from the portal's own pages, an allowed origin, or no browser at all (a client that
    sends no `Origin`). The portal's own origin is its public URL's, or the one the request was
    sent to (`Host`): the development server proxies the API under its own origin."""
    origin = request.headers.get("origin")
    if origin is None:
        return None
    given = origin.strip().lower()
    allowed = {origin_of(settings.public_url), *(o.lower() for o in settings.allowed_origins)}
    host = request.headers.get("host", "").lower()
    if given in allowed or (host and urlsplit(given).netloc == host and given != "null"):
        return None
    return origin


def refuse_foreign_origin(request: Request, settings: Settings) -> Response | None:
    """403 for a cross-site request: the refresh cookie is `SameSite=Strict`, but a browser
    setting should not be all that stands between another site and a person's session. The
    body is an RFC 6749 5.2 error with the portal's code beside it."""
    if foreign_origin(request, settings) is None:
        return None
    body = {
        "error": "invalid_request",
        "error_description": "Requests from another site's pages are not accepted here.",
        "code": "ORIGIN_NOT_ALLOWED",
    }
    return JSONResponse(body, status_code=403, headers=_NO_STORE)


def _basic_credentials(request: Request) -> tuple[str, str] | None:
    scheme, _, value = request.headers.get("authorization", "").partition(" ")
    if scheme.lower() != "basic":
        return None
    try:
        decoded = base64.b64decode(value, validate=True).decode()
    except (binascii.Error, UnicodeDecodeError):
        return ("", "")
    client_id, _, secret = decoded.partition(":")
    # RFC 6749 2.3.1: both parts are form-urlencoded before being joined ("+" is a space).
    return unquote_plus(client_id), unquote_plus(secret)


def _token_response(tokens: IssuedTokens, include_refresh: bool) -> JSONResponse:
    body: dict[str, object] = {
        "access_token": tokens.access_token,
        "token_type": "Bearer",
        "expires_in": tokens.expires_in,
    }
    if include_refresh and tokens.refresh_token:
        body["refresh_token"] = tokens.refresh_token
    if tokens.scope is not None:
        # RFC 6749 5.1: the scopes granted, always, so a client never has to guess.
        body["scope"] = tokens.scope
    if tokens.refresh_expires_in is not None:
        # When the sign-in ends unless it is used again (the refresh token's lifetime, capped
        # by the session's): the web portal's timeout warning. RFC 6749 5.1 allows extra members.
        body["refresh_expires_in"] = tokens.refresh_expires_in
    return JSONResponse(body, headers=_NO_STORE)


def token_routes(auth: AuthService, keys: KeySet) -> list[Route]:
    async def token(request: Request) -> Response:
        if refused := refuse_foreign_origin(request, auth.settings):
            return refused
        if request.headers.get("content-type", "").split(";")[0].strip() != FORM:
            return oauth_error("invalid_request", f"Send the request as {FORM}.")
        form = await request.form()
        fields = {k: v for k, v in form.items() if isinstance(v, str)}
        basic = _basic_credentials(request) or ()
        if any(FORBIDDEN.search(value) for value in (*fields.values(), *basic)):
            # Issue 13 F8: PostgreSQL cannot store NUL; a client id holding one was a 500.
            return oauth_error("invalid_request", "A parameter holds a NUL or control character.")
        if any(len(form.getlist(k)) > 1 for k in form):
            return oauth_error("invalid_request", "A parameter was sent more than once.")
        grant = fields.get("grant_type")
        if grant == "client_credentials":
            return await _client_credentials(request, fields)
        if grant == "refresh_token":
            return await _refresh(request, fields)
        if not grant:
            return oauth_error("invalid_request", "grant_type is required.")
        return oauth_error("unsupported_grant_type", f"Grant {grant!r} is not supported.")

    async def _client_credentials(request: Request, fields: dict[str, str]) -> Response:
        basic = _basic_credentials(request)
        if basic is not None and ("client_id" in fields or "client_secret" in fields):
            return oauth_error("invalid_request", "Use one client authentication method.")
        client_id, secret = basic or (fields.get("client_id", ""), fields.get("client_secret", ""))
        # One client secret check per request, within the address's limits (Issue 13 F3).
        attempt = attempt_from(request.client.host if request.client else None)
        try:
            tokens = await auth.client_credentials(client_id, secret, attempt, fields.get("scope"))
        except AuthError as exc:
            if exc.code is AuthErrorCode.INVALID_SCOPE:
                # RFC 6749 5.2: a scope unknown, malformed, or beyond the client's own.
                return oauth_error("invalid_scope", exc.message)
            if exc.code is AuthErrorCode.RATE_LIMITED:
                # RFC 8628's `slow_down`, registered for OAuth: the same client, later.
                return oauth_error("slow_down", exc.message, 429, {"Retry-After": "60"})
            headers = {"WWW-Authenticate": 'Basic realm="parley"'} if basic else None
            return oauth_error("invalid_client", "Client authentication failed.", 401, headers)
        return _token_response(tokens, include_refresh=False)

    async def _refresh(request: Request, fields: dict[str, str]) -> Response:
        # RFC 6749 3.1: a parameter sent without a value counts as omitted, so an empty
        # refresh_token means the cookie, and the rotated token goes back into the cookie.
        from_cookie = not fields.get("refresh_token")
        presented = fields.get("refresh_token") or refresh_cookie(request)
        if not presented:
            return oauth_error("invalid_request", "refresh_token is required.")
        try:
            tokens = await auth.refresh(presented)
        except AuthError as exc:
            response = oauth_error("invalid_grant", exc.message)
            if from_cookie:
                clear_refresh_cookie(response, auth.settings)
            return response
        response = _token_response(tokens, include_refresh=not from_cookie)
        if from_cookie and tokens.refresh_token:
            set_refresh_cookie(response, tokens.refresh_token, auth.settings)
        return response

    async def revoke(request: Request) -> Response:
        if refused := refuse_foreign_origin(request, auth.settings):
            return refused
        form = (
            await request.form()
            if request.headers.get("content-type", "").startswith(FORM)
            else None
        )
        given = form.get("token") if form else None
        if isinstance(given, str) and given and _is_access_token(given):
            # RFC 7009 2.2.1: access tokens are not revoked one by one; they end on their own.
            return oauth_error(
                "unsupported_token_type",
                "Access tokens are not revoked: each ends after expires_in. Revoke the refresh "
                "token, or disable the integration client to refuse its tokens at once.",
            )
        presented = given if isinstance(given, str) and given else refresh_cookie(request)
        # RFC 7009 2.2: an unknown or already revoked token is still answered with 200.
        if presented:
            await auth.logout(presented, None)
        response = Response(status_code=200, headers=_NO_STORE)
        clear_refresh_cookie(response, auth.settings)
        return response

    def _is_access_token(token: str) -> bool:
        try:
            auth.verify_access_token(token)
        except InvalidToken:
            return False
        return True

    async def jwks(request: Request) -> Response:
        return JSONResponse(
            keys.jwks(),
            headers={"Cache-Control": "public, max-age=300"},
            media_type="application/jwk-set+json",
        )

    async def metadata(request: Request) -> Response:
        return JSONResponse(
            authorization_server_metadata(auth.settings),
            headers={"Cache-Control": "public, max-age=300"},
        )

    return [
        Route("/oauth/token", token, methods=["POST"]),
        Route("/oauth/revoke", revoke, methods=["POST"]),
        Route("/.well-known/jwks.json", jwks, methods=["GET"]),
        Route(METADATA_PATH, metadata, methods=["GET"]),
    ]


METADATA_PATH = "/.well-known/oauth-authorization-server"


def authorization_server_metadata(settings: Settings) -> dict[str, object]:
    """RFC 8414 2: what a client discovers from `METADATA_PATH`. Parley issues tokens without
    a browser redirect (no authorization endpoint): `client_credentials` for integration
    clients, `refresh_token` for the web portal's people. `response_types_supported` is
    required by RFC 8414: `none` (OAuth 2.0 Multiple Response Types), as no authorization
    endpoint answers with a code or a token."""
    issuer = settings.issuer
    return {
        "issuer": issuer,
        "token_endpoint": f"{issuer}/oauth/token",
        "revocation_endpoint": f"{issuer}/oauth/revoke",
        "jwks_uri": f"{issuer}/.well-known/jwks.json",
        "grant_types_supported": ["client_credentials", "refresh_token"],
        "token_endpoint_auth_methods_supported": ["client_secret_basic", "client_secret_post"],
        "revocation_endpoint_auth_methods_supported": ["none"],
        "scopes_supported": list(SCOPES),
        "response_types_supported": ["none"],
    }
