"""ASGI middleware: request ids with an access log line, masked 500s, and the request body cap."""

from __future__ import annotations

import logging
import re
import time
import uuid

from starlette.datastructures import MutableHeaders
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from portal import metrics
from portal.api.errors import INTERNAL, MASKED_MESSAGE, UNAVAILABLE, UNAVAILABLE_MESSAGE
from portal.api.view import error_response, response_media_type
from portal.dbclients.faults import RETRY_AFTER_SECONDS, is_connection_lost
from portal.lengths import plain_size
from portal.logs import log_line, reset_request_id, set_request_id

log = logging.getLogger("portal.http")

_CLIENT_REQUEST_ID = re.compile(r"^[A-Za-z0-9._-]{8,64}$")
REQUEST_TOO_LARGE = "REQUEST_TOO_LARGE"
FILE_TOO_LARGE = "FILE_TOO_LARGE"


class RequestIdMiddleware:
    """Takes a sane `X-Request-ID` from the client or makes one; logs one line per request
    and counts it in the metrics (portal.metrics; HTTP only, a WebSocket is no request).

    An exception nobody handled is logged with its traceback and answered with a masked JSON
    500 carrying the request id, the same shape as a masked GraphQL error.
    """

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] not in ("http", "websocket"):
            await self.app(scope, receive, send)
            return
        given = dict(scope["headers"]).get(b"x-request-id", b"").decode("latin-1")
        request_id = given if _CLIENT_REQUEST_ID.match(given) else uuid.uuid4().hex
        token = set_request_id(request_id)
        counted = metrics.request_started() if scope["type"] == "http" else None
        started = time.perf_counter()
        status = 0

        async def send_with_id(message: Message) -> None:
            nonlocal status
            if message["type"] == "http.response.start":
                status = message["status"]
                MutableHeaders(scope=message)["X-Request-ID"] = request_id
            await send(message)

        try:
            await self.app(scope, receive, send_with_id)
        except Exception as exc:
            if scope["type"] != "http" or status:
                raise  # too late to answer: the response has started, or it is a WebSocket
            accept = dict(scope["headers"]).get(b"accept", b"").decode("latin-1")
            if is_connection_lost(exc):
                # Issue 13 D3: a lost database connection is worth a retry, not a bug report.
                log.warning(
                    "database unavailable (request %s): %r",
                    request_id,
                    exc,
                    extra={"request_id": request_id},
                )
                response = error_response(
                    503,
                    UNAVAILABLE,
                    UNAVAILABLE_MESSAGE,
                    {"Retry-After": str(RETRY_AFTER_SECONDS)},
                    media_type=response_media_type(accept),
                    retryAfter=RETRY_AFTER_SECONDS,
                    requestId=request_id,
                )
                await response(scope, receive, send_with_id)
                return
            log.exception(
                "unhandled error (request %s)", request_id, extra={"request_id": request_id}
            )
            response = error_response(
                500,
                INTERNAL,
                MASKED_MESSAGE,
                media_type=response_media_type(accept),
                requestId=request_id,
            )
            await response(scope, receive, send_with_id)
        finally:
            log_line(
                log,
                "%s %s %s",
                (scope.get("method", "WS"), loggable_path(scope["path"]), status),
                request_id=request_id,
                status=status,
                duration_ms=round((time.perf_counter() - started) * 1000, 2),
            )
            if counted is not None:
                metrics.request_finished(counted, scope["path"], status)
            reset_request_id(token)


# Paths whose last segment is a long-lived credential (a calendar feed's token: calendar
# applications send no header), which the log must not hold in clear.
SECRET_PATHS = ("/calendar/",)


def loggable_path(path: str) -> str:
    """The request path as the log writes it: a credential in the path replaced by `…`."""
    for prefix in SECRET_PATHS:
        if path.startswith(prefix):
            return prefix + "…"
    return path


class _OverLimit(Exception):
    """Raised into the application's read of a streamed upload at the first byte over."""


class BodyLimitMiddleware:
    """Refuses request bodies over `max_bytes` with 413, before the application reads them.

    Multipart bodies (uploads) may reach `max_upload_bytes` instead (the largest file,
    `max_file_bytes`, and room for the other parts); one that declares its length is refused
    from that declaration alone when it is over (nothing of the body is read), and they
    are passed on as they arrive rather than held in memory. A body without a declared length
    (chunked) is counted as it streams and refused at the first byte over. The refusals are
    GraphQL-style JSON errors with a code and the limit in plain words (`REQUEST_TOO_LARGE`,
    `FILE_TOO_LARGE`, with the limits in bytes in `extensions`); the HTTP server then closes
    the connection rather than read the rest (portal.web.request_head).
    """

    def __init__(
        self, app: ASGIApp, max_bytes: int, max_upload_bytes: int = 0, max_file_bytes: int = 0
    ) -> None:
        self.app = app
        self.max_bytes = max_bytes
        self.max_upload_bytes = max_upload_bytes
        self.max_file_bytes = max_file_bytes or max_upload_bytes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        headers = dict(scope["headers"])
        declared = headers.get(b"content-length")
        if self.max_upload_bytes and headers.get(b"content-type", b"").lower().startswith(
            b"multipart/form-data"
        ):
            await self._upload(scope, receive, send, declared)
            return
        if declared is not None and (not declared.isdigit() or int(declared) > self.max_bytes):
            await self._too_large(scope, receive, send)
            return
        chunks: list[bytes] = []
        size = 0
        while True:
            message = await receive()
            if message["type"] == "http.disconnect":
                return
            chunk = message.get("body", b"")
            size += len(chunk)
            if size > self.max_bytes:
                await self._too_large(scope, receive, send)
                return
            chunks.append(chunk)
            if not message.get("more_body", False):
                break
        body = b"".join(chunks)
        delivered = False

        async def replay() -> Message:
            nonlocal delivered
            if delivered:
                return await receive()
            delivered = True
            return {"type": "http.request", "body": body, "more_body": False}

        await self.app(scope, replay, send)

    async def _upload(
        self, scope: Scope, receive: Receive, send: Send, declared: bytes | None
    ) -> None:
        if declared is not None and not declared.isdigit():
            await self._refuse(
                scope,
                receive,
                send,
                400,
                "BAD_REQUEST",
                "The Content-Length header is not a number of bytes.",
            )
            return
        if declared is not None and int(declared) > self.max_upload_bytes:
            await self._file_too_large(scope, receive, send)
            return
        # A declared length: the server holds the body to it; counting here keeps that true
        # whatever server runs the app. None declared (chunked): counted as it streams, and
        # refused at the first byte over the cap.
        limit, size = (self.max_upload_bytes if declared is None else int(declared)), 0
        started = False

        async def counted() -> Message:
            nonlocal size
            message = await receive()
            size += len(message.get("body", b""))
            if size > limit:
                if declared is None:
                    raise _OverLimit
                return {"type": "http.disconnect"}
            return message

        async def watched(message: Message) -> None:
            nonlocal started
            started = started or message["type"] == "http.response.start"
            await send(message)

        try:
            await self.app(scope, counted, watched)
        except _OverLimit:
            if started:  # the application answered before reading it all: nothing to add
                return
            await self._file_too_large(scope, receive, send)

    async def _too_large(self, scope: Scope, receive: Receive, send: Send) -> None:
        await self._refuse(
            scope,
            receive,
            send,
            413,
            REQUEST_TOO_LARGE,
            f"The request is too large: this address takes at most {plain_size(self.max_bytes)}.",
            maxRequestBytes=self.max_bytes,
        )

    async def _file_too_large(self, scope: Scope, receive: Receive, send: Send) -> None:
        await self._refuse(
            scope,
            receive,
            send,
            413,
            FILE_TOO_LARGE,
            f"The file is too large: a document can be at most {plain_size(self.max_file_bytes)}.",
            maxFileBytes=self.max_file_bytes,
            maxRequestBytes=self.max_upload_bytes,
        )

    async def _refuse(
        self,
        scope: Scope,
        receive: Receive,
        send: Send,
        status: int,
        code: str,
        message: str,
        **extensions: int,
    ) -> None:
        accept = dict(scope["headers"]).get(b"accept", b"").decode("latin-1")
        response = error_response(
            status, code, message, None, media_type=response_media_type(accept), **extensions
        )
        # The rest of the body is not read (portal.web.request_head): the connection ends after
        # this answer, and saying so keeps a client from sending its next request on it.
        response.headers["connection"] = "close"
        await response(scope, receive, send)
