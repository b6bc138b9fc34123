"""The request head limit of `portal serve` (issue 13, follow-up: header size), over raw sockets
to a real server: httptools read any header to its end (a 100 MB `X-A:` was answered 200 after
12 s), so the request line and headers are now bound by `PORTAL_MAX_REQUEST_HEAD_BYTES` and
`PORTAL_MAX_REQUEST_HEADERS`, with a 431 `HEADERS_TOO_LARGE` before the head is read further."""

from __future__ import annotations

import base64
import contextlib
import json
import socket
import time
from collections.abc import Iterator
from typing import BinaryIO
from urllib.parse import urlsplit

import httpx
import pytest

from portal.settings import Settings
from tests.process_support import serving

MB = 1_048_576


@pytest.fixture(scope="module")
def server(db: str, settings: Settings, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    log = tmp_path_factory.mktemp("request-head") / "serve.log"
    with serving(settings, log, PORTAL_WORKER_IN_SERVE="false", PORTAL_CLOCK_INTERVAL="0") as url:
        yield url


def head(size: int = 0, target: str = "/healthz", fields: bytes = b"") -> bytes:
    """A GET whose request line and headers (the final empty line included) are ``size``
    bytes long, padded with an `X-A` header; without ``size``, as short as it comes."""
    start = b"GET " + target.encode() + b" HTTP/1.1\r\nHost: 127.0.0.1\r\n" + fields
    if not size:
        return start + b"\r\n"
    padding = size - len(start) - len(b"X-A: \r\n\r\n")
    assert padding >= 0
    return start + b"X-A: " + b"a" * padding + b"\r\n\r\n"


@contextlib.contextmanager
def connection(url: str) -> Iterator[tuple[socket.socket, BinaryIO]]:
    address = urlsplit(url)
    with (
        socket.create_connection((address.hostname, address.port), timeout=30) as sock,
        sock.makefile("rb") as reader,
    ):
        yield sock, reader


def answer(reader: BinaryIO) -> tuple[int, dict[str, str], bytes]:
    """One HTTP/1.1 response with a Content-Length: status, headers, body."""
    status = int(reader.readline().split()[1])
    headers: dict[str, str] = {}
    while (line := reader.readline()) not in (b"\r\n", b""):
        name, _, value = line.decode("latin-1").partition(":")
        headers[name.strip().lower()] = value.strip()
    return status, headers, reader.read(int(headers.get("content-length", "0")))


def answered(url: str, request: bytes) -> tuple[int, bytes]:
    """``request`` sent on a connection of its own: the status and body of the answer."""
    with connection(url) as (sock, reader):
        sock.sendall(request)
        status, _, body = answer(reader)
    return status, body


def read_refusal(reader: BinaryIO) -> str:
    """A 431 with the portal's error body, then the end of the connection; its message."""
    status, headers, body = answer(reader)
    assert status == 431
    assert headers["content-type"] == "application/json"
    assert headers["connection"] == "close"
    errors = json.loads(body)["errors"]
    assert [e["extensions"] for e in errors] == [{"code": "HEADERS_TOO_LARGE"}]
    assert reader.read() == b""
    message: str = errors[0]["message"]
    return message


def refusal(url: str, request: bytes) -> str:
    with connection(url) as (sock, reader):
        sock.sendall(request)
        return read_refusal(reader)


OVER = "The request line and headers are larger than 64 KB."


def test_a_head_of_exactly_the_limit_is_answered_and_one_byte_more_is_refused(
    server: str, settings: Settings
) -> None:
    assert settings.max_request_head_bytes == 65_536

    at_limit = answered(server, head(65_536))
    over = refusal(server, head(65_537))

    assert at_limit == (200, b'{"status":"ok"}')
    assert over == OVER


def test_a_megabyte_header_is_refused_and_the_server_answers_on(server: str) -> None:
    refused = refusal(server, head(MB))

    assert refused == OVER
    assert httpx.get(f"{server}/healthz", timeout=10).json() == {"status": "ok"}


def test_the_limit_counts_each_request_of_a_keep_alive_connection(
    server: str, settings: Settings
) -> None:
    # Each head is 60% of the limit; the two together are over it.
    size = settings.max_request_head_bytes * 6 // 10
    with connection(server) as (sock, reader):
        sock.sendall(head(size))
        first = answer(reader)
        sock.sendall(head(size))
        second = answer(reader)

    assert (first[0], second[0]) == (200, 200)
    assert "connection" not in first[1]


def test_a_slow_stream_of_header_bytes_is_refused_before_it_ends(
    server: str, settings: Settings
) -> None:
    # A head that never ends, sent a kilobyte at a time: the answer comes once the limit is
    # passed, while the head is still unfinished (no empty line was ever sent).
    with connection(server) as (sock, reader):
        sock.sendall(b"GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\nX-A: ")
        sent = 0
        while sent <= settings.max_request_head_bytes:
            sock.sendall(b"a" * 1024)
            sent += 1024
            time.sleep(0.001)
        refused = read_refusal(reader)

    assert refused == OVER


def test_more_header_fields_than_the_limit_are_refused(server: str, settings: Settings) -> None:
    assert settings.max_request_headers == 100
    # `Host` and these make 100 fields, then 101.
    fields = b"".join(b"X-%d: 1\r\n" % n for n in range(99))

    at_limit = answered(server, head(fields=fields))
    over = refusal(server, head(fields=fields + b"X-Last: 1\r\n"))

    assert at_limit[0] == 200
    assert over == "The request has more than 100 header fields."


def websocket_upgrade(fields: bytes = b"") -> bytes:
    key = base64.b64encode(b"0123456789abcdef")
    return head(
        target="/graphql",
        fields=b"Upgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Version: 13\r\n"
        b"Sec-WebSocket-Key: "
        + key
        + b"\r\nSec-WebSocket-Protocol: graphql-transport-ws\r\n"
        + fields,
    )


def test_a_websocket_upgrade_is_bound_by_the_same_limit(server: str) -> None:
    with connection(server) as (sock, reader):
        sock.sendall(websocket_upgrade())
        upgraded = reader.readline()
    refused = refusal(server, websocket_upgrade(b"X-A: " + b"a" * MB + b"\r\n"))

    assert upgraded == b"HTTP/1.1 101 Switching Protocols\r\n"
    assert refused == OVER
