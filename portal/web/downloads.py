"""The authorising download handler: documents and case bundles, through signed links.

A request needs both a link (portal.casefiles.links) and the access token of the actor it
was issued to; the document or case is then checked against the actor again, as it stands
now (a neutral removed since the link was made gets nothing). Content is streamed from the
storage backend as an attachment, never rendered: `Content-Disposition: attachment` with the
original name encoded per RFC 6266/5987, `X-Content-Type-Options: nosniff`, and a CSP that
blocks everything in case a browser shows it anyway (OWASP File Upload cheat sheet).
"""

from __future__ import annotations

import logging
import tempfile
import uuid
from collections.abc import AsyncIterator
from datetime import UTC, datetime
from typing import IO

from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import JSONResponse, Response, StreamingResponse
from starlette.routing import Route

from portal.accesslog.models import AccessAction
from portal.accesslog.services import RouteRead, Target, record_access
from portal.api.scopes import rest_refusal
from portal.api.view import bearer_token, error_response
from portal.auth import policy
from portal.auth.actor import Actor
from portal.auth.policy import Scope
from portal.auth.services import AuthService
from portal.auth.tokens import InvalidToken
from portal.casefiles import services
from portal.casefiles.bundle import write_bundle
from portal.casefiles.errors import DocumentNotFound
from portal.casefiles.filenames import content_disposition
from portal.casefiles.links import ROUTES, LinkKind, LinkRefused, verify_link
from portal.casefiles.storage import storage_of
from portal.cases.errors import CaseError, CaseNotFound
from portal.fees.services import invoice_document
from portal.privacy.models import DataExport
from portal.settings import Settings

log = logging.getLogger("portal.downloads")

JSON = "application/json"
_SAFE_HEADERS = {
    "X-Content-Type-Options": "nosniff",
    "Cache-Control": "private, no-store",
    "Content-Security-Policy": "default-src 'none'; sandbox",
    "Referrer-Policy": "no-referrer",
}
_SPOOL_BYTES = 1 << 20
_CHUNK = 1 << 16


class _Refusal(Exception):
    def __init__(self, response: JSONResponse) -> None:
        self.response = response


def _refuse(status: int, code: str, message: str, **headers: str) -> _Refusal:
    response = error_response(status, code, message, headers or None, media_type=JSON)
    response.headers.update(_SAFE_HEADERS)
    return _Refusal(response)


def _not_found() -> _Refusal:
    return _refuse(404, "NOT_FOUND", "Not found.")


async def _authorised(
    request: Request, auth: AuthService, kind: LinkKind
) -> tuple[Actor, uuid.UUID]:
    token = bearer_token(request)
    if token is None:
        raise _refuse(
            401,
            "UNAUTHENTICATED",
            "Send your access token with the link.",
            **{"WWW-Authenticate": "Bearer"},
        )
    try:
        actor = await auth.authenticate(token)
    except InvalidToken as exc:
        log.info("access token refused: %s", exc.reason)
        raise _refuse(
            401,
            "UNAUTHENTICATED",
            "The access token is invalid or expired.",
            **{"WWW-Authenticate": 'Bearer error="invalid_token"'},
        ) from exc
    if refused := rest_refusal(actor, Scope.READ):
        raise _Refusal(refused)
    try:
        object_id = verify_link(auth.issuer, request.path_params["link"], kind, actor)
    except LinkRefused as exc:
        log.info("download link refused: %s", exc.reason)
        if exc.expired:
            raise _refuse(410, "LINK_EXPIRED", "The link has expired: ask for a new one.") from exc
        # Invalid, or someone else's: exactly like a missing object.
        raise _not_found() from exc
    return actor, object_id


def casefile_routes(auth: AuthService, settings: Settings) -> list[Route]:
    storage = storage_of(settings)

    async def document(request: Request) -> Response:
        try:
            actor, object_id = await _authorised(request, auth, LinkKind.DOCUMENT)
            found, access = await services.document_access(actor, object_id)
        except _Refusal as refusal:
            return refusal.response
        except DocumentNotFound:
            return _not_found().response
        if found.redacted_at is not None:
            return _refuse(
                410,
                "CONTENT_REDACTED",
                "The document's content was removed under the retention rules or an erasure; "
                "its record and SHA-256 remain on the case.",
            ).response
        await record_access(
            RouteRead(request, actor),
            AccessAction.DOCUMENT_DOWNLOAD,
            case=access.case,
            target=Target("Document", str(found.id)),
            roles=access.roles,
        )
        headers = {
            **_SAFE_HEADERS,
            "Content-Disposition": content_disposition(found.filename),
            "Content-Length": str(found.size),
            "ETag": f'"{found.sha256}"',
        }
        # The first chunk is read before the answer starts: content that is missing from its
        # backend is an error answer (logged with the backend's reason), not a cut-off file.
        content = await _started(storage.read_document(found))
        return StreamingResponse(content, media_type=found.content_type, headers=headers)

    async def bundle(request: Request) -> Response:
        try:
            actor, object_id = await _authorised(request, auth, LinkKind.BUNDLE)
            found = await services.case_access(actor, object_id)
        except _Refusal as refusal:
            return refusal.response
        except CaseNotFound:
            return _not_found().response
        await record_access(
            RouteRead(request, actor),
            AccessAction.BUNDLE_DOWNLOAD,
            case=found.case,
            target=Target("CaseBundle", str(found.case.id)),
            roles=found.roles,
        )
        spool = tempfile.SpooledTemporaryFile(max_size=_SPOOL_BYTES)  # noqa: SIM115
        try:
            await write_bundle(storage, found, spool, auth.issuer.keys)
            size = spool.tell()
        except BaseException:
            spool.close()
            raise
        headers = {
            **_SAFE_HEADERS,
            "Content-Disposition": content_disposition(f"{found.case.reference}-bundle.zip"),
            "Content-Length": str(size),
        }
        return StreamingResponse(_drain(spool), media_type="application/zip", headers=headers)

    async def data_export(request: Request) -> Response:
        """Issue 19: a subject-access export, for its person (or the admin who made it)."""
        try:
            actor, object_id = await _authorised(request, auth, LinkKind.DATA_EXPORT)
        except _Refusal as refusal:
            return refusal.response
        found = await DataExport.get_or_none(id=object_id)
        if (
            found is None
            or found.expires_at <= datetime.now(UTC)
            or not policy.may_download_export(actor, found.user_id, found.requested_by_id)
        ):
            return _not_found().response
        await record_access(
            RouteRead(request, actor),
            AccessAction.SUBJECT_ACCESS_EXPORT,
            target=Target("User", str(found.user_id)),
        )
        headers = {
            **_SAFE_HEADERS,
            "Content-Disposition": content_disposition(
                f"parley-data-export-{found.created_at:%Y-%m-%d}.zip"
            ),
            "ETag": f'"{found.sha256}"',
        }
        return Response(bytes(found.content), media_type="application/zip", headers=headers)

    async def fee_invoice(request: Request) -> Response:
        """Issue 20: a fee invoice as a PDF, for whoever may read the invoice."""
        try:
            actor, object_id = await _authorised(request, auth, LinkKind.FEE_INVOICE)
            content, found = await invoice_document(actor, object_id)
        except _Refusal as refusal:
            return refusal.response
        except CaseError:
            return _not_found().response
        headers = {
            **_SAFE_HEADERS,
            "Content-Disposition": content_disposition(f"{found.invoice.number}.pdf"),
        }
        return Response(content, media_type="application/pdf", headers=headers)

    return [
        Route(ROUTES[LinkKind.FEE_INVOICE], fee_invoice, methods=["GET"]),
        Route(ROUTES[LinkKind.DOCUMENT], document, methods=["GET"]),
        Route(ROUTES[LinkKind.BUNDLE], bundle, methods=["GET"]),
        Route(ROUTES[LinkKind.DATA_EXPORT], data_export, methods=["GET"]),
    ]


async def _started(content: AsyncIterator[bytes]) -> AsyncIterator[bytes]:
    first = await anext(content, b"")

    async def rest() -> AsyncIterator[bytes]:
        yield first
        async for chunk in content:
            yield chunk

    return rest()


async def _drain(spool: IO[bytes]) -> AsyncIterator[bytes]:
    try:
        spool.seek(0)
        while chunk := await run_in_threadpool(spool.read, _CHUNK):
            yield chunk
    finally:
        spool.close()
