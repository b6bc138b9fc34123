"""A bound on every request head, kept by the HTTP server (issue 13, follow-up: header size).

uvicorn's httptools protocol has no limit on the request line and headers: httptools joins a
header's pieces as they arrive, so one 100 MB `X-A:` header was read to its end (12 s, answered
200), and four connections streaming 300 MB headers took the server from 266 MB to 1.5 GB.
`h11_max_incomplete_event_size` only binds uvicorn's other parser.

`RequestHeadLimit` is uvicorn's httptools protocol that counts the bytes of each request's head
(request line and headers, from the end of the previous request) and feeds the parser no more
than `max_head_bytes` of them: the first byte over is answered `431 Request Header Fields Too
Large` with the portal's error body (`HEADERS_TOO_LARGE`) and the connection closes. A head
is held at most to the limit plus one read (bytes that followed the previous request in the
read that ended it). More header fields than `max_headers` are refused the same way. A WebSocket
upgrade is a request like any other: its head is bound before the upgrade.
"""

from __future__ import annotations

import json
from asyncio import TimerHandle
from typing import Any, ClassVar

import httptools
from uvicorn.protocols.http.httptools_impl import STATUS_LINE, HttpToolsProtocol

from portal.lengths import plain_size
from portal.settings import Settings

HEADERS_TOO_LARGE = "HEADERS_TOO_LARGE"
# After the refusal, what the client still sends is read and dropped, for this long and up to
# this much, so the client reads the 431 instead of a reset (a close with unread data sends
# RST); nginx calls it lingering close. The client's own close ends it sooner.
LINGER_SECONDS = 2.0
LINGER_BYTES = 1_048_576


class _TooManyHeaders(Exception):
    """Raised inside the parser's callback to stop it at the field over the limit."""


class RequestHeadLimit(HttpToolsProtocol):
    max_head_bytes: ClassVar[int] = 65_536
    max_headers: ClassVar[int] = 100

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        # A connection opens with a request head; each request's head starts where the
        # previous request ended (on_message_complete).
        self._in_head = True
        self._head_bytes = 0
        self._header_count = 0
        self._refused = False
        self._dropped = 0
        self._linger: TimerHandle | None = None

    def data_received(self, data: bytes) -> None:
        if self._refused:
            self._dropped += len(data)  # the refusal drains meanwhile (LINGER_SECONDS)
            if self._dropped > LINGER_BYTES:
                self.transport.close()
            return
        self._unset_keepalive_if_required()
        while data:
            if self._in_head:
                limit = self.max_head_bytes
                room = limit - self._head_bytes
                if room <= 0:
                    self._refuse(
                        f"The request line and headers are larger than {plain_size(limit)}."
                    )
                    return
                # The parser never holds more of a head than the limit: it is fed the room
                # left, and the rest only once the head has ended within it.
                piece, data = data[:room], data[room:]
                self._head_bytes += len(piece)
            else:
                piece, data = data, b""
            self._feed(piece)
            if self._refused or self.transport.is_closing():
                return
            if self.transport.get_protocol() is not self:
                return  # upgraded: the WebSocket protocol has the connection now

    def _feed(self, piece: bytes) -> None:
        """uvicorn's `data_received` for one piece, with the header count's refusal."""
        try:
            self.parser.feed_data(piece)
        except httptools.HttpParserError as error:
            if isinstance(error.__context__, _TooManyHeaders):
                self._refuse(f"The request has more than {self.max_headers} header fields.")
                return
            msg = "Invalid HTTP request received."
            self.logger.warning(msg)
            self.send_400_response(msg)
        except httptools.HttpParserUpgrade:
            if self._should_upgrade():
                self.handle_websocket_upgrade()
            else:
                self._unsupported_upgrade_warning()

    def on_message_begin(self) -> None:
        self._header_count = 0
        super().on_message_begin()

    def on_header(self, name: bytes, value: bytes) -> None:
        self._header_count += 1
        if self._header_count > self.max_headers:
            raise _TooManyHeaders
        super().on_header(name, value)

    def on_headers_complete(self) -> None:
        self._in_head = False
        super().on_headers_complete()

    def on_message_complete(self) -> None:
        super().on_message_complete()
        # Per request: a keep-alive connection's next head counts from zero.
        self._in_head, self._head_bytes = True, 0

    def connection_lost(self, exc: Exception | None) -> None:
        if self._linger is not None:
            self._linger.cancel()
        super().connection_lost(exc)

    def _refuse(self, message: str) -> None:
        self._refused = True
        self.logger.warning("Request refused with 431: %s", message)
        if self.cycle is not None and not self.cycle.response_complete:
            # A pipelined head behind an answer still being written: a 431 now would reach
            # the client before that answer. It goes out in full, then the connection closes.
            self.cycle.keep_alive = False
            return
        body = json.dumps(
            {"errors": [{"message": message, "extensions": {"code": HEADERS_TOO_LARGE}}]},
            separators=(",", ":"),
        ).encode()
        response = [STATUS_LINE[431]]
        for name, value in self.server_state.default_headers:
            response += [name, b": ", value, b"\r\n"]
        response += [
            b"content-type: application/json\r\n",
            b"content-length: %d\r\n" % len(body),
            b"x-content-type-options: nosniff\r\n",
            b"connection: close\r\n\r\n",
            body,
        ]
        self.transport.write(b"".join(response))
        self._close_lingering()

    def on_response_complete(self) -> None:
        """Issue 16: the application answered before the request's body had arrived (a 413
        for an upload over the limit, refused from its Content-Length): the rest of the body
        is not read. uvicorn would keep the connection and read (and drop) every byte the
        client still sends, 30 MB of a 30 MB upload, before the client looks at the answer;
        instead the connection closes, so the client stops sending and reads the answer."""
        cycle = self.cycle
        if cycle is not None and cycle.more_body and not self.transport.is_closing():
            self.server_state.total_requests += 1
            self._refused = True  # what still comes is dropped unparsed, as after a 431
            self.flow.resume_reading()  # reading may be paused on a full body buffer
            self._close_lingering()
            return
        super().on_response_complete()

    def _close_lingering(self) -> None:
        """Half-close after the answer, read and drop what the client still sends for
        LINGER_SECONDS or LINGER_BYTES, then close (so the client reads the answer rather
        than a reset)."""
        if self.transport.can_write_eof():
            self.transport.write_eof()
            self._linger = self.loop.call_later(LINGER_SECONDS, self.transport.close)
        else:  # TLS: no half-close
            self.transport.close()


def head_limited(head_bytes: int, headers: int) -> type[RequestHeadLimit]:
    """`RequestHeadLimit` with these limits (uvicorn builds its protocols from a class)."""

    class Limited(RequestHeadLimit):
        max_head_bytes = head_bytes
        max_headers = headers

    return Limited


def server_options(settings: Settings) -> dict[str, Any]:
    """The keywords of `uvicorn.run` that bound request heads: the protocol above, and the
    same byte limit for h11 should the server ever be switched to that parser."""
    return {
        "http": head_limited(settings.max_request_head_bytes, settings.max_request_headers),
        "h11_max_incomplete_event_size": settings.max_request_head_bytes,
    }
