"""Uploads and downloads through a real HTTP server: `portal serve` (uvicorn) in a subprocess,
on the demo, with a plain HTTP client."""

from __future__ import annotations

import hashlib
import io
import json
import re
import socket
import threading
import zipfile
from pathlib import Path

import httpx

from tests import samples
from tests.casefile_support import PREFLIGHT, UPLOAD, bearer, multipart, path_of
from tests.test_cli import DEMO_LOGIN, server  # noqa: F401  (a fixture)

LOGIN = "mutation L($input: LoginInput!) { login(input: $input) { accessToken } }"
CASES = "{ cases(first: 50) { edges { node { id stage bundleLink { url } } } } }"
CLOSED = {"CLOSED", "DECLINED", "WITHDRAWN"}


def test_an_upload_and_its_download_work_over_http(server: tuple[str, Path]) -> None:  # noqa: F811
    base, _ = server
    with httpx.Client(base_url=base, timeout=10) as http:
        login = http.post("/graphql", json={"query": LOGIN, "variables": {"input": DEMO_LOGIN}})
        token = login.json()["data"]["login"]["accessToken"]
        cases = http.post("/graphql", json={"query": CASES}, headers=bearer(token)).json()
        case = next(
            e["node"] for e in cases["data"]["cases"]["edges"] if e["node"]["stage"] not in CLOSED
        )
        variables = {"input": {"caseId": case["id"], "visibility": "ALL_PARTIES", "file": None}}
        data, files = multipart(UPLOAD, variables, "Zähler März.png", samples.PNG)

        uploaded = http.post(
            "/graphql", data=data, files=files, headers={**bearer(token), **PREFLIGHT}
        )
        document = uploaded.json()["data"]["uploadDocument"]["document"]
        downloaded = http.get(path_of(document["downloadLink"]["url"]), headers=bearer(token))
        bundle = http.get(path_of(case["bundleLink"]["url"]), headers=bearer(token))
        refused = http.get(path_of(document["downloadLink"]["url"]))

    assert uploaded.status_code == 200, uploaded.text
    assert document["sha256"] == hashlib.sha256(samples.PNG).hexdigest()
    assert downloaded.status_code == 200
    assert downloaded.content == samples.PNG
    assert downloaded.headers["content-type"] == "image/png"
    assert downloaded.headers["x-content-type-options"] == "nosniff"
    assert downloaded.headers["content-disposition"] == (
        "attachment; filename=\"Zahler Marz.png\"; filename*=UTF-8''Z%C3%A4hler%20M%C3%A4rz.png"
    )
    archive = zipfile.ZipFile(io.BytesIO(bundle.content))
    assert any(n.endswith("/Zähler März.png") for n in archive.namelist())
    events = json.loads(archive.read("timeline.json"))["events"]
    assert events[-1]["kind"] == "document_uploaded"
    assert events[-1]["payload"]["sha256"] == document["sha256"]
    assert refused.status_code == 401


def test_an_oversize_upload_is_answered_before_it_is_sent(server: tuple[str, Path]) -> None:  # noqa: F811
    """Issue 16: a 30 MB upload gets its 413 from the declared length, and the server closes
    the connection instead of reading the rest, so the client stops sending it."""
    base, _ = server
    host, port = base.removeprefix("http://").rsplit(":", 1)
    declared = 30 << 20
    head = (
        f"POST /graphql HTTP/1.1\r\nHost: {host}\r\n"
        "Content-Type: multipart/form-data; boundary=b\r\n"
        f"Content-Length: {declared}\r\n\r\n"
    ).encode()
    sent = 0

    with socket.create_connection((host, int(port))) as sock:
        sock.sendall(head)

        def send_body() -> None:
            nonlocal sent
            chunk = b"0" * 65_536
            try:
                while sent < declared:
                    sent += sock.send(chunk[: declared - sent])
            except OSError:
                pass  # the server closed the connection: the client stops sending

        sender = threading.Thread(target=send_body)
        sender.start()
        answer = b""
        while b"\r\n\r\n" not in answer:
            answer += sock.recv(65_536)
        head_part, _, body_part = answer.partition(b"\r\n\r\n")
        length = int(re.search(rb"(?i)content-length: (\d+)", head_part)[1])  # type: ignore[index]
        while len(body_part) < length:
            body_part += sock.recv(65_536)
        # Kept open, the connection would take all 30 MB (read and dropped) before this ends.
        sender.join()

    status = head_part.partition(b"\r\n")[0]
    body = json.loads(body_part)
    assert status == b"HTTP/1.1 413 Request Entity Too Large"
    assert body["errors"][0]["extensions"]["code"] == "FILE_TOO_LARGE"
    assert body["errors"][0]["message"] == (
        "The file is too large: a document can be at most 25 MB."
    )
    assert sent < declared
