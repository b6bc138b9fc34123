"""Short-lived signed download links: a token kind of their own (`typ` download), so a link
can never be replayed as an access token, nor the reverse (QUALITY.md "Tokens").

A link names one document or one case bundle and the actor it was issued to. The download
handler also requires that actor's own access token: a link copied into a log, a browser
history or another person's hands opens nothing for anyone else.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from enum import StrEnum

from portal.auth.actor import Actor, ActorKind
from portal.auth.tokens import InvalidToken, TokenIssuer, TokenKind


class LinkKind(StrEnum):
    DOCUMENT = "document"
    BUNDLE = "bundle"
    DATA_EXPORT = "data_export"  # issue 19: a subject-access export (portal.privacy.export)
    FEE_INVOICE = "fee_invoice"  # issue 20: a fee invoice as a PDF (portal.fees)


# Where the download handler (portal.web.downloads) serves each kind of link.
ROUTES = {
    LinkKind.DOCUMENT: "/files/documents/{link}",
    LinkKind.BUNDLE: "/files/bundles/{link}",
    LinkKind.DATA_EXPORT: "/files/exports/{link}",
    LinkKind.FEE_INVOICE: "/files/invoices/{link}",
}


def link_path(kind: LinkKind, token: str) -> str:
    return ROUTES[kind].replace("{link}", token)


class LinkRefused(Exception):
    def __init__(self, reason: str, *, expired: bool = False) -> None:
        super().__init__(reason)
        self.reason = reason
        self.expired = expired


@dataclass(frozen=True)
class Link:
    token: str
    expires_at: datetime


def issue_link(
    issuer: TokenIssuer, actor: Actor, kind: LinkKind, object_id: uuid.UUID, ttl: int
) -> Link:
    claims: dict[str, str] = {"act": actor.kind.value, "what": kind.value, "obj": str(object_id)}
    if actor.session_id is not None:
        claims["sid"] = str(actor.session_id)
    token = issuer.issue(TokenKind.DOWNLOAD, str(actor.id), ttl, **claims)
    # Whole seconds, as the token's `exp` claim is.
    at = datetime.now(UTC).replace(microsecond=0)
    return Link(token=token, expires_at=at + timedelta(seconds=ttl))


def verify_link(issuer: TokenIssuer, token: str, kind: LinkKind, actor: Actor) -> uuid.UUID:
    """The object the link names, when it is a valid link of ``kind`` issued to ``actor``."""
    try:
        claims = issuer.verify(token, TokenKind.DOWNLOAD)
    except InvalidToken as exc:
        raise LinkRefused(exc.reason, expired=exc.expired) from exc
    if claims.get("what") != kind.value:
        raise LinkRefused("a link of another kind")
    session = str(actor.session_id) if actor.session_id is not None else None
    if (
        claims["sub"] != str(actor.id)
        or claims.get("act") != actor.kind.value
        or (actor.kind is ActorKind.USER and claims.get("sid") != session)
    ):
        raise LinkRefused("issued to someone else")
    try:
        return uuid.UUID(str(claims.get("obj")))
    except ValueError as exc:
        raise LinkRefused("no object") from exc
