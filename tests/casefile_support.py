"""Helpers for the case-file tests: GraphQL multipart uploads, downloads through links, and
what a rejected request must leave alone (no row, no stored content)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import httpx

from portal.casefiles.models import Document, DocumentChunk, Message, MessageRead
from portal.cases.models import DisputeCase
from portal.settings import Settings
from portal.timeline.models import TimelineEvent

DOCUMENT_FIELDS = (
    "id filename contentType size sha256 visibility version uploaderRole supersededAt "
    "downloadLink { url expiresAt }"
)
UPLOAD = f"""
mutation U($input: UploadDocumentInput!) {{
  uploadDocument(input: $input) {{
    document {{ {DOCUMENT_FIELDS} }}
    userErrors {{ field code message }}
  }}
}}
"""
SUPERSEDE = f"""
mutation S($input: SupersedeDocumentInput!) {{
  supersedeDocument(input: $input) {{
    document {{ {DOCUMENT_FIELDS} versions {{ version sha256 supersededAt }} }}
    userErrors {{ field code message }}
  }}
}}
"""
POST = """
mutation P($input: PostMessageInput!) {
  postMessage(input: $input) {
    message { id body visibility authorRole replyToId readByViewer author { displayName } }
    userErrors { field code message }
  }
}
"""
PREFLIGHT = {"GraphQL-Require-Preflight": "1"}


def bearer(token: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"}


def multipart(
    query: str, variables: dict[str, Any], filename: str, content: bytes
) -> tuple[dict[str, str], dict[str, Any]]:
    """The GraphQL multipart request spec: `operations`, `map`, then the file part."""
    data = {
        "operations": json.dumps({"query": query, "variables": variables}),
        "map": json.dumps({"0": ["variables.input.file"]}),
    }
    return data, {"0": (filename, content, "application/octet-stream")}


async def send_file(
    client: httpx.AsyncClient,
    token: str,
    query: str,
    input: dict[str, Any],
    filename: str,
    content: bytes,
    headers: dict[str, str] | None = None,
) -> httpx.Response:
    data, files = multipart(query, {"input": {**input, "file": None}}, filename, content)
    return await client.post(
        "/graphql",
        data=data,
        files=files,
        headers={**bearer(token), **PREFLIGHT, **(headers or {})},
    )


def raw_multipart(
    query: str, variables: dict[str, Any], filename: str, content: bytes
) -> tuple[bytes, str]:
    """The same request built by hand, with the name as raw UTF-8 in the part's header (as
    some clients send it): httpx percent-encodes control characters, this does not."""
    boundary = "parley-test-boundary"
    operations = json.dumps({"query": query, "variables": variables})
    parts = [
        f'--{boundary}\r\nContent-Disposition: form-data; name="operations"\r\n\r\n'
        f"{operations}\r\n".encode(),
        f'--{boundary}\r\nContent-Disposition: form-data; name="map"\r\n\r\n'
        '{"0": ["variables.input.file"]}\r\n'.encode(),
        f'--{boundary}\r\nContent-Disposition: form-data; name="0"; filename="{filename}"\r\n'
        "Content-Type: application/octet-stream\r\n\r\n".encode()
        + content
        + b"\r\n",
        f"--{boundary}--\r\n".encode(),
    ]
    return b"".join(parts), f"multipart/form-data; boundary={boundary}"


async def upload_raw(
    client: httpx.AsyncClient, token: str, case_gid: str, filename: str, content: bytes
) -> dict[str, Any]:
    input = {"caseId": case_gid, "visibility": "ALL_PARTIES", "file": None}
    body, content_type = raw_multipart(UPLOAD, {"input": input}, filename, content)
    response = await client.post(
        "/graphql",
        content=body,
        headers={**bearer(token), **PREFLIGHT, "Content-Type": content_type},
    )
    assert response.status_code == 200, response.text
    payload: dict[str, Any] = response.json()["data"]["uploadDocument"]
    return payload


async def upload(
    client: httpx.AsyncClient,
    token: str,
    case_gid: str,
    filename: str,
    content: bytes,
    visibility: str = "ALL_PARTIES",
    **extra: Any,
) -> dict[str, Any]:
    """The `uploadDocument` payload (document and userErrors)."""
    input = {"caseId": case_gid, "visibility": visibility, **extra}
    response = await send_file(client, token, UPLOAD, input, filename, content)
    assert response.status_code == 200, response.text
    body = response.json()
    assert "errors" not in body, body
    payload: dict[str, Any] = body["data"]["uploadDocument"]
    return payload


async def uploaded(
    client: httpx.AsyncClient, token: str, case_gid: str, filename: str, content: bytes, **kw: Any
) -> dict[str, Any]:
    payload = await upload(client, token, case_gid, filename, content, **kw)
    assert payload["userErrors"] == [], payload
    document: dict[str, Any] = payload["document"]
    return document


def path_of(url: str) -> str:
    return urlsplit(url).path


async def download(client: httpx.AsyncClient, token: str | None, url: str) -> httpx.Response:
    return await client.get(path_of(url), headers=bearer(token) if token else {})


def stored_files(settings: Settings) -> list[Path]:
    root = Path(settings.data_dir).resolve() / "documents"
    return sorted(p for p in root.rglob("*") if p.is_file()) if root.exists() else []


async def case_file_state(case: DisputeCase, settings: Settings) -> tuple[Any, ...]:
    """What a refused request must leave exactly as it was."""
    row = await DisputeCase.get(id=case.id)
    return (
        await Document.all().count(),
        await DocumentChunk.all().count(),
        await Message.all().count(),
        await MessageRead.all().count(),
        await TimelineEvent.filter(case_id=case.id).count(),
        row.last_sequence,
        row.head_hash,
        stored_files(settings),
    )
