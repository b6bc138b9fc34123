"""Forged, altered and misused access tokens at /graphql: each attack is refused with 401 and
changes nothing.

Every forged token names a real, signed-in victim (`sub`, `sid`) and is sent with the `logout`
mutation, so a token that got through would end the victim's session: the victim's session
still working afterwards shows that the refused request changed nothing.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import itertools
import json
import time
import uuid
from datetime import UTC, datetime, timedelta
from typing import Any

import httpx
import jwt
import pytest
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from starlette.applications import Starlette

from portal.accounts.models import Session, User
from portal.auth.tokens import TokenIssuer, TokenKind
from tests.factories import answer, gql
from tests.test_auth_flow import (
    LOGOUT,
    VIEWER,
    SignedIn,
    assert_unauthenticated,
    auth_state,
    session_id_of,
    viewer_email,
)

DROP = object()
_people = itertools.count(1)


def _b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


def _unb64(segment: str) -> bytes:
    return base64.urlsafe_b64decode(segment + "=" * (-len(segment) % 4))


def issuer_of(app: Starlette) -> TokenIssuer:
    issuer: TokenIssuer = app.state.auth.issuer
    return issuer


def claims_for(issuer: TokenIssuer, victim: SignedIn, **changes: Any) -> dict[str, Any]:
    """The claims of a good access token of ``victim``; a value of DROP leaves the claim out."""
    now = int(time.time())
    claims: dict[str, Any] = {
        "iss": issuer.issuer,
        "aud": issuer.audience,
        "sub": str(victim.user.id),
        "sid": str(victim.session_id),
        "iat": now,
        "exp": now + 300,
        "jti": uuid.uuid4().hex,
        "typ": "access",
    }
    for name, value in changes.items():
        if value is DROP:
            claims.pop(name)
        else:
            claims[name] = value
    return claims


def sign_eddsa(
    claims: dict[str, Any],
    key: Ed25519PrivateKey,
    *,
    kid: str | None,
    typ: str = "at+jwt",
) -> str:
    headers: dict[str, Any] = {"typ": typ}
    if kid is not None:
        headers["kid"] = kid
    return jwt.encode(claims, key, algorithm="EdDSA", headers=headers)


def sign_manually(header: dict[str, Any], claims: dict[str, Any], sign: Any) -> str:
    """A compact JWS built by hand, for algorithms PyJWT refuses to produce this way."""
    signing_input = (
        _b64(json.dumps(header, separators=(",", ":")).encode())
        + "."
        + _b64(json.dumps(claims, separators=(",", ":")).encode())
    )
    return signing_input + "." + _b64(sign(signing_input.encode()))


async def open_session(app: Starlette) -> SignedIn:
    """A signed-in person, through the real AuthService but without argon2: a code-only account
    (no password), as after a one-time e-mail code. Password sign-in is tested elsewhere."""
    n = next(_people)
    user = await User.create(email=f"token-test-{n}@example.org", display_name=f"Token {n}")
    tokens = await app.state.auth.start_session(user, method="email_code")
    assert tokens.refresh_token is not None
    return SignedIn(
        user=user,
        access_token=tokens.access_token,
        refresh_token=tokens.refresh_token,
        session_id=session_id_of(tokens.access_token),
    )


@pytest.fixture
async def victim(app: Starlette, db: str) -> SignedIn:
    return await open_session(app)


async def assert_refused_and_nothing_changed(
    client: httpx.AsyncClient, victim: SignedIn, token: str
) -> None:
    before = await auth_state()

    response = await gql(client, LOGOUT, token=token)

    assert_unauthenticated(response)
    assert await auth_state() == before
    assert (await Session.get(id=victim.session_id)).revoked_at is None
    assert await viewer_email(client, victim.access_token) == victim.user.email


# --- the control: the forging helpers make tokens the app accepts ---------------------------


async def test_a_token_forged_with_the_real_key_and_good_claims_is_accepted(
    client: httpx.AsyncClient, app: Starlette, victim: SignedIn
) -> None:
    issuer = issuer_of(app)
    token = sign_eddsa(
        claims_for(issuer, victim), issuer.keys.signing_key, kid=issuer.keys.signing_kid
    )

    response = await gql(client, LOGOUT, token=token)

    # Were the attacks below not refused, this is what each of them would do.
    assert answer(response) == {"data": {"logout": {"revoked": True, "userErrors": []}}}
    assert (await Session.get(id=victim.session_id)).revoked_reason == "logout"


# --- the attacks -----------------------------------------------------------------------------


@pytest.mark.parametrize("alg", ["none", "None", "NONE", "nOnE"])
async def test_alg_none_is_refused(
    client: httpx.AsyncClient, app: Starlette, victim: SignedIn, alg: str
) -> None:
    issuer = issuer_of(app)
    header = {"alg": alg, "typ": "at+jwt", "kid": issuer.keys.signing_kid}
    token = sign_manually(header, claims_for(issuer, victim), lambda _: b"")

    await assert_refused_and_nothing_changed(client, victim, token)


async def test_alg_none_made_by_pyjwt_is_refused(
    client: httpx.AsyncClient, app: Starlette, victim: SignedIn
) -> None:
    issuer = issuer_of(app)
    token = jwt.encode(
        claims_for(issuer, victim),
        "",
        algorithm="none",
        headers={"typ": "at+jwt", "kid": issuer.keys.signing_kid},
    )

    await assert_refused_and_nothing_changed(client, victim, token)


@pytest.mark.parametrize("secret_form", ["raw", "pem", "jwks_x"])
async def test_hs256_signed_with_the_public_key_is_refused(
    client: httpx.AsyncClient, app: Starlette, victim: SignedIn, secret_form: str
) -> None:
    issuer = issuer_of(app)
    public = issuer.keys.signing_key.public_key()
    jwks = (await client.get("/.well-known/jwks.json")).json()
    secret = {
        "raw": public.public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw),
        "pem": public.public_bytes(
            serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo
        ),
        "jwks_x": jwks["keys"][0]["x"].encode(),
    }[secret_form]
    header = {"alg": "HS256", "typ": "at+jwt", "kid": issuer.keys.signing_kid}
    token = sign_manually(
        header,
        claims_for(issuer, victim),
        lambda data: hmac.new(secret, data, hashlib.sha256).digest(),
    )

    await assert_refused_and_nothing_changed(client, victim, token)


async def test_hs256_made_by_pyjwt_with_the_jwks_x_as_secret_is_refused(
    client: httpx.AsyncClient, app: Starlette, victim: SignedIn
) -> None:
    issuer = issuer_of(app)
    x = (await client.get("/.well-known/jwks.json")).json()["keys"][0]["x"]
    token = jwt.encode(
        claims_for(issuer, victim),
        x,
        algorithm="HS256",
        headers={"typ": "at+jwt", "kid": issuer.keys.signing_kid},
    )

    await assert_refused_and_nothing_changed(client, victim, token)


@pytest.mark.parametrize("audience", ["parley-admin", "parle", "", ["other"]])
async def test_wrong_audience_is_refused(
    client: httpx.AsyncClient, app: Starlette, victim: SignedIn, audience: str | list[str]
) -> None:
    issuer = issuer_of(app)
    token = sign_eddsa(
        claims_for(issuer, victim, aud=audience),
        issuer.keys.signing_key,
        kid=issuer.keys.signing_kid,
    )

    await assert_refused_and_nothing_changed(client, victim, token)


@pytest.mark.parametrize(
    "iss",
    [
        "https://evil.example",
        # A part of the real issuer: PyJWT 2.10.0 accepted these (CVE-2024-53861).
        "http://127.0.0.1:800",
        "127.0.0.1",
        "",
    ],
)
async def test_wrong_issuer_is_refused(
    client: httpx.AsyncClient, app: Starlette, victim: SignedIn, iss: str
) -> None:
    issuer = issuer_of(app)
    assert issuer.issuer == "http://127.0.0.1:8000"
    token = sign_eddsa(
        claims_for(issuer, victim, iss=iss), issuer.keys.signing_key, kid=issuer.keys.signing_kid
    )

    await assert_refused_and_nothing_changed(client, victim, token)


async def test_expired_token_is_refused(
    client: httpx.AsyncClient, app: Starlette, victim: SignedIn
) -> None:
    # Issued by the real issuer, correct in every way but lifetime: it ended 60 s ago,
    # past the 30 s clock leeway.
    token = issuer_of(app).issue(
        TokenKind.ACCESS, str(victim.user.id), -60, sid=str(victim.session_id)
    )

    await assert_refused_and_nothing_changed(client, victim, token)


async def test_token_issued_in_the_future_is_refused(
    client: httpx.AsyncClient, app: Starlette, victim: SignedIn
) -> None:
    issuer = issuer_of(app)
    now = int(time.time())
    token = sign_eddsa(
        claims_for(issuer, victim, iat=now + 3600, exp=now + 7200),
        issuer.keys.signing_key,
        kid=issuer.keys.signing_kid,
    )

    await assert_refused_and_nothing_changed(client, victim, token)


async def test_tampered_payload_with_another_subject_is_refused(
    client: httpx.AsyncClient, app: Starlette, victim: SignedIn
) -> None:
    # The attacker holds a real token of their own and rewrites it to name the victim.
    attacker = await open_session(app)
    header, payload, signature = attacker.access_token.split(".")
    claims = json.loads(_unb64(payload))
    claims["sub"] = str(victim.user.id)
    claims["sid"] = str(victim.session_id)
    token = ".".join([header, _b64(json.dumps(claims).encode()), signature])

    await assert_refused_and_nothing_changed(client, victim, token)
    assert await viewer_email(client, attacker.access_token) == attacker.user.email


async def test_tampered_payload_keeping_the_session_but_changing_the_subject_is_refused(
    client: httpx.AsyncClient, app: Starlette, victim: SignedIn
) -> None:
    attacker = await open_session(app)
    header, payload, signature = attacker.access_token.split(".")
    claims = json.loads(_unb64(payload))
    claims["sub"] = str(victim.user.id)
    token = ".".join([header, _b64(json.dumps(claims).encode()), signature])

    await assert_refused_and_nothing_changed(client, victim, token)


@pytest.mark.parametrize("kid", ["unknown-key-id", "", "../../keys/dev-signing-key.pem", None])
async def test_unknown_or_missing_kid_is_refused(
    client: httpx.AsyncClient, app: Starlette, victim: SignedIn, kid: str | None
) -> None:
    issuer = issuer_of(app)
    token = sign_eddsa(claims_for(issuer, victim), issuer.keys.signing_key, kid=kid)

    await assert_refused_and_nothing_changed(client, victim, token)


async def test_token_signed_by_another_ed25519_key_with_the_real_kid_is_refused(
    client: httpx.AsyncClient, app: Starlette, victim: SignedIn
) -> None:
    issuer = issuer_of(app)
    token = sign_eddsa(
        claims_for(issuer, victim), Ed25519PrivateKey.generate(), kid=issuer.keys.signing_kid
    )

    await assert_refused_and_nothing_changed(client, victim, token)


@pytest.mark.parametrize("kind", [TokenKind.DOWNLOAD, TokenKind.SURVEY, TokenKind.LOGIN_CODE])
async def test_token_of_another_kind_is_refused(
    client: httpx.AsyncClient, app: Starlette, victim: SignedIn, kind: TokenKind
) -> None:
    token = issuer_of(app).issue(kind, str(victim.user.id), 300, sid=str(victim.session_id))

    await assert_refused_and_nothing_changed(client, victim, token)


@pytest.mark.parametrize("typ_claim", ["download", "refresh", "", DROP])
async def test_access_header_with_another_typ_claim_is_refused(
    client: httpx.AsyncClient, app: Starlette, victim: SignedIn, typ_claim: object
) -> None:
    # The header says access token; the claim says otherwise (or nothing): both must agree.
    issuer = issuer_of(app)
    token = sign_eddsa(
        claims_for(issuer, victim, typ=typ_claim),
        issuer.keys.signing_key,
        kid=issuer.keys.signing_kid,
    )

    await assert_refused_and_nothing_changed(client, victim, token)


@pytest.mark.parametrize("header_typ", ["JWT", "parley-download+jwt", ""])
async def test_access_claims_with_another_typ_header_are_refused(
    client: httpx.AsyncClient, app: Starlette, victim: SignedIn, header_typ: str
) -> None:
    issuer = issuer_of(app)
    token = sign_eddsa(
        claims_for(issuer, victim),
        issuer.keys.signing_key,
        kid=issuer.keys.signing_kid,
        typ=header_typ,
    )

    await assert_refused_and_nothing_changed(client, victim, token)


@pytest.mark.parametrize("claim", ["jti", "exp", "iat", "iss", "aud", "sub", "sid"])
async def test_token_missing_a_required_claim_is_refused(
    client: httpx.AsyncClient, app: Starlette, victim: SignedIn, claim: str
) -> None:
    issuer = issuer_of(app)
    token = sign_eddsa(
        claims_for(issuer, victim, **{claim: DROP}),
        issuer.keys.signing_key,
        kid=issuer.keys.signing_kid,
    )

    await assert_refused_and_nothing_changed(client, victim, token)


@pytest.mark.parametrize(
    ("claim", "value"),
    [("sub", 12345), ("sub", "not-a-uuid"), ("sid", "not-a-uuid"), ("exp", "tomorrow")],
)
async def test_token_with_a_malformed_claim_is_refused(
    client: httpx.AsyncClient, app: Starlette, victim: SignedIn, claim: str, value: object
) -> None:
    issuer = issuer_of(app)
    token = sign_eddsa(
        claims_for(issuer, victim, **{claim: value}),
        issuer.keys.signing_key,
        kid=issuer.keys.signing_kid,
    )

    await assert_refused_and_nothing_changed(client, victim, token)


async def test_token_naming_another_users_session_is_refused(
    client: httpx.AsyncClient, app: Starlette, victim: SignedIn
) -> None:
    # Even correctly signed, `sub` and `sid` must belong together.
    other = await open_session(app)
    issuer = issuer_of(app)
    token = sign_eddsa(
        claims_for(issuer, victim, sid=str(other.session_id)),
        issuer.keys.signing_key,
        kid=issuer.keys.signing_kid,
    )

    await assert_refused_and_nothing_changed(client, victim, token)


@pytest.mark.parametrize(
    "token", ["garbage", "a.b.c", "eyJhbGciOiJFZERTQSJ9.e30.", "Bearer x", "x" * 5000]
)
async def test_malformed_token_is_refused(
    client: httpx.AsyncClient, victim: SignedIn, token: str
) -> None:
    before = await auth_state()

    response = await client.post(
        "/graphql", json={"query": LOGOUT}, headers={"Authorization": f"Bearer {token}"}
    )

    assert_unauthenticated(response)
    assert await auth_state() == before


async def test_access_token_stops_working_after_the_session_max_age(
    client: httpx.AsyncClient, victim: SignedIn
) -> None:
    # The access token itself is still within its 15 minutes; the sign-in is not.
    await Session.filter(id=victim.session_id).update(
        expires_at=datetime.now(UTC) - timedelta(seconds=1)
    )
    before = await auth_state()

    response = await gql(client, LOGOUT, token=victim.access_token)

    assert_unauthenticated(response)
    assert await auth_state() == before


async def test_without_a_token_the_viewer_is_unauthenticated_but_not_401(
    client: httpx.AsyncClient,
) -> None:
    response = await gql(client, VIEWER)

    assert response.status_code == 200
    assert answer(response) == {
        "data": None,
        "errors": [
            {
                "message": "Sign in to do this.",
                "locations": [{"line": 1, "column": 3}],
                "path": ["viewer"],
                "extensions": {"code": "UNAUTHENTICATED"},
            }
        ],
    }
