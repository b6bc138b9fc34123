"""Uploading documents through the GraphQL multipart request spec, and downloading them
through signed links: content checks, storage, the timeline, versions, and every refusal
leaving no stored file and no row."""

from __future__ import annotations

import hashlib
import io
import zipfile
from collections.abc import AsyncIterator
from datetime import datetime

import httpx
import pytest
from starlette.applications import Starlette

from portal.app import create_app
from portal.casefiles.links import LinkKind, issue_link, link_path
from portal.casefiles.models import Document
from portal.casefiles.services import UPLOAD_OVERHEAD
from portal.settings import Settings
from portal.timeline.models import TimelineEvent
from tests import samples
from tests.casefile_support import (
    PREFLIGHT,
    SUPERSEDE,
    UPLOAD,
    bearer,
    case_file_state,
    download,
    multipart,
    raw_multipart,
    send_file,
    stored_files,
    upload,
    upload_raw,
    uploaded,
)
from tests.factories import Factory, quick_world
from tests.test_api_support import case_id, token_for


async def test_every_allowed_type_is_stored_as_its_content_says_and_downloads_intact(
    client: httpx.AsyncClient, app: Starlette, factory: Factory, settings: Settings
) -> None:
    w = await quick_world(factory)
    case = await w.new_case()
    token = await token_for(app, w.complainant)
    files_before = len(stored_files(settings))

    for name, (content, media_type) in samples.ALLOWED.items():
        document = await uploaded(client, token, case_id(case), name, content)
        response = await download(client, token, document["downloadLink"]["url"])

        assert (document["filename"], document["contentType"]) == (name, media_type)
        assert document["size"] == len(content)
        assert document["sha256"] == hashlib.sha256(content).hexdigest()
        assert response.status_code == 200
        assert response.content == content
        assert response.headers["content-type"].split(";")[0] == media_type
        assert response.headers["x-content-type-options"] == "nosniff"
        assert response.headers["content-disposition"] == (
            f"attachment; filename=\"{name}\"; filename*=UTF-8''{name}"
        )
        assert response.headers["cache-control"] == "private, no-store"
    assert len(stored_files(settings)) == files_before + len(samples.ALLOWED)


async def test_an_upload_is_on_the_timeline_with_its_hash_in_its_scope(
    client: httpx.AsyncClient, app: Starlette, factory: Factory
) -> None:
    w = await quick_world(factory)
    case = await w.new_case()
    token = await token_for(app, w.agent)

    document = await uploaded(
        client, token, case_id(case), "memo.pdf", samples.PDF, visibility="ORGANISATION_INTERNAL"
    )
    event = await TimelineEvent.filter(case_id=case.id).order_by("-sequence").first()
    row = await Document.get()

    assert event is not None
    assert (event.kind, event.visibility.value, event.actor_role) == (
        "document_uploaded",
        "organisation_internal",
        "organisation",
    )
    assert event.payload == {
        "document_id": str(row.id),
        "lineage_id": str(row.id),
        "version": 1,
        "filename": "memo.pdf",
        "sha256": hashlib.sha256(samples.PDF).hexdigest(),
        "size": len(samples.PDF),
        "content_type": "application/pdf",
    }
    assert document["visibility"] == "ORGANISATION_INTERNAL"
    # The stored name is generated: nothing of the uploader's name reaches the disk.
    assert len(row.storage_key) == 32
    assert "memo" not in row.storage_key


async def test_a_non_latin_name_is_kept_and_sent_back_safely_encoded(
    client: httpx.AsyncClient, app: Starlette, factory: Factory
) -> None:
    w = await quick_world(factory)
    case = await w.new_case()
    token = await token_for(app, w.complainant)
    name = "账单 März (final).pdf"

    document = await uploaded(client, token, case_id(case), name, samples.PDF)
    response = await download(client, token, document["downloadLink"]["url"])

    assert document["filename"] == name
    assert response.headers["content-disposition"] == (
        'attachment; filename="Marz (final).pdf"; '
        "filename*=UTF-8''%E8%B4%A6%E5%8D%95%20M%C3%A4rz%20%28final%29.pdf"
    )


@pytest.mark.parametrize(
    ("filename", "content", "code"),
    [
        ("invoice.pdf", samples.ELF, "UNSUPPORTED_TYPE"),
        ("invoice.pdf", samples.EXE, "UNSUPPORTED_TYPE"),
        ("letter.docx", samples.DOCM, "UNSUPPORTED_TYPE"),
        ("archive.docx", samples.PLAIN_ZIP, "UNSUPPORTED_TYPE"),
        ("statement.exe", samples.PDF, "TYPE_MISMATCH"),
        ("statement", samples.PDF, "TYPE_MISMATCH"),
        ("table.csv", b"one line of prose\n", "TYPE_MISMATCH"),
        ("mail.eml", b"no headers here\n", "TYPE_MISMATCH"),
        ("notes.txt", b"text with a \x00 byte", "UNSUPPORTED_TYPE"),
        ("notes.txt", "Latin-1: M\xe4rz".encode("latin-1"), "UNSUPPORTED_TYPE"),
        ("empty.pdf", b"", "EMPTY_FILE"),
        ("x" * 252 + ".pdf", samples.PDF, "TOO_LONG"),
        (".pdf", samples.PDF, "INVALID_FILENAME"),
        ("bill\u202efdp.exe", samples.PDF, "INVALID_FILENAME"),
        ("bill\x07.pdf", samples.PDF, "INVALID_FILENAME"),
        ("bill\x1b[2J.pdf", samples.PDF, "INVALID_FILENAME"),
        ("bill\x7f.pdf", samples.PDF, "INVALID_FILENAME"),
        ("CON.pdf", samples.PDF, "INVALID_FILENAME"),
    ],
)
async def test_a_bad_upload_is_refused_and_leaves_nothing_behind(
    client: httpx.AsyncClient,
    app: Starlette,
    factory: Factory,
    settings: Settings,
    filename: str,
    content: bytes,
    code: str,
) -> None:
    w = await quick_world(factory)
    case = await w.new_case()
    token = await token_for(app, w.complainant)
    before = await case_file_state(case, settings)

    payload = await upload_raw(client, token, case_id(case), filename, content)

    assert payload["document"] is None
    assert [(e["code"], e["field"]) for e in payload["userErrors"]] == [(code, ["input", "file"])]
    assert await case_file_state(case, settings) == before


async def test_a_name_with_a_path_is_refused_however_the_client_sends_it(
    client: httpx.AsyncClient, app: Starlette, factory: Factory, settings: Settings
) -> None:
    w = await quick_world(factory)
    case = await w.new_case()
    token = await token_for(app, w.complainant)
    before = await case_file_state(case, settings)

    codes = []
    for name in ("../../etc/passwd.pdf", "..\\..\\boot.pdf", "/abs/path.pdf", "a/b.pdf"):
        payload = await upload(client, token, case_id(case), name, samples.PDF)
        codes.append([e["code"] for e in payload["userErrors"]])

    assert codes == [["INVALID_FILENAME"]] * 4
    assert await case_file_state(case, settings) == before


@pytest.fixture
async def small_cap_client(settings: Settings, db: str) -> AsyncIterator[httpx.AsyncClient]:
    """The app with a 1,000-byte document cap."""
    small = create_app(
        Settings(**{**settings.__dict__, "document_max_bytes": 1000}), manage_orm=False
    )
    transport = httpx.ASGITransport(app=small)
    async with httpx.AsyncClient(transport=transport, base_url="http://testserver") as c:
        c.app = small  # type: ignore[attr-defined]
        yield c


async def test_an_oversize_upload_is_refused_and_leaves_nothing_behind(
    small_cap_client: httpx.AsyncClient, factory: Factory, settings: Settings
) -> None:
    w = await quick_world(factory)
    case = await w.new_case()
    token = await token_for(small_cap_client.app, w.complainant)  # type: ignore[attr-defined]
    before = await case_file_state(case, settings)
    just_over = samples.PDF + b"%" * (1001 - len(samples.PDF))
    far_over = b"%PDF-1.4\n" + b"0" * (4 << 20)

    payload = await upload(small_cap_client, token, case_id(case), "big.pdf", just_over)
    refused = await send_file(
        small_cap_client,
        token,
        UPLOAD,
        {"caseId": case_id(case), "visibility": "ALL_PARTIES"},
        "huge.pdf",
        far_over,
    )
    at_cap = await upload(small_cap_client, token, case_id(case), "ok.pdf", just_over[:1000])

    assert payload["userErrors"] == [
        {
            "field": ["input", "file"],
            "code": "FILE_TOO_LARGE",
            "message": "The file is too large: a document can be at most 1,000 bytes.",
        }
    ]
    # Far over: refused by the body cap before the request is read at all, in plain words.
    assert refused.status_code == 413
    assert refused.json()["errors"] == [
        {
            "message": "The file is too large: a document can be at most 1,000 bytes.",
            "extensions": {
                "code": "FILE_TOO_LARGE",
                "maxFileBytes": 1000,
                "maxRequestBytes": 1000 + UPLOAD_OVERHEAD,
            },
        }
    ]
    assert at_cap["userErrors"] == []
    after = await case_file_state(case, settings)
    assert after[0] == before[0] + 1
    assert len(after[-1]) == len(before[-1]) + 1


async def test_uploads_need_the_preflight_header_and_a_multipart_file(
    client: httpx.AsyncClient, app: Starlette, factory: Factory, settings: Settings
) -> None:
    w = await quick_world(factory)
    case = await w.new_case()
    token = await token_for(app, w.complainant)
    before = await case_file_state(case, settings)
    data, files = multipart(
        UPLOAD,
        {"input": {"caseId": case_id(case), "visibility": "ALL_PARTIES", "file": None}},
        "a.pdf",
        samples.PDF,
    )

    no_header = await client.post("/graphql", data=data, files=files, headers=bearer(token))
    as_json = await client.post(
        "/graphql",
        json={
            "query": UPLOAD,
            "variables": {
                "input": {"caseId": case_id(case), "visibility": "ALL_PARTIES", "file": "x"}
            },
        },
        headers=bearer(token),
    )

    assert no_header.status_code == 400
    assert no_header.json()["errors"][0]["extensions"]["code"] == "PREFLIGHT_HEADER_REQUIRED"
    errors = as_json.json()["data"]["uploadDocument"]["userErrors"]
    assert [e["code"] for e in errors] == ["UPLOAD_REQUIRED"]
    assert await case_file_state(case, settings) == before


async def test_an_upload_to_a_foreign_case_or_scope_is_refused_and_changes_nothing(
    client: httpx.AsyncClient, app: Starlette, factory: Factory, settings: Settings
) -> None:
    w = await quick_world(factory)
    case = await w.new_case()
    stranger = await factory.user()
    before = await case_file_state(case, settings)

    foreign = await upload(
        client, await token_for(app, stranger), case_id(case), "a.pdf", samples.PDF
    )
    caucus = await upload(
        client,
        await token_for(app, w.complainant),
        case_id(case),
        "a.pdf",
        samples.PDF,
        visibility="ORGANISATION_INTERNAL",
    )
    auditor = await upload(
        client, await token_for(app, w.auditor), case_id(case), "a.pdf", samples.PDF
    )

    assert [(e["code"], e["field"]) for e in foreign["userErrors"]] == [
        ("NOT_FOUND", ["input", "caseId"])
    ]
    assert [(e["code"], e["field"]) for e in caucus["userErrors"]] == [
        ("SCOPE_NOT_ALLOWED", ["input", "visibility"])
    ]
    assert [e["code"] for e in auditor["userErrors"]] == ["SCOPE_NOT_ALLOWED"]
    assert await case_file_state(case, settings) == before


async def test_an_upload_with_an_idempotency_key_is_stored_once(
    client: httpx.AsyncClient, app: Starlette, factory: Factory, settings: Settings
) -> None:
    w = await quick_world(factory)
    case = await w.new_case()
    token = await token_for(app, w.complainant)
    files_before = len(stored_files(settings))

    first = await uploaded(client, token, case_id(case), "a.pdf", samples.PDF, idempotencyKey="k1")
    again = await uploaded(client, token, case_id(case), "a.pdf", samples.PDF, idempotencyKey="k1")
    other = await upload(client, token, case_id(case), "b.pdf", samples.PDF, idempotencyKey="k1")

    assert first["id"] == again["id"]
    assert [e["code"] for e in other["userErrors"]] == ["IDEMPOTENCY_KEY_REUSED"]
    assert await Document.all().count() == 1
    assert len(stored_files(settings)) == files_before + 1


async def test_a_new_version_supersedes_and_keeps_the_history(
    client: httpx.AsyncClient, app: Starlette, factory: Factory
) -> None:
    w = await quick_world(factory)
    case = await w.new_case()
    token = await token_for(app, w.complainant)
    first = await uploaded(client, token, case_id(case), "claim.pdf", samples.PDF)
    newer = samples.PDF.replace(b"Catalog", b"Catalog2")

    response = await send_file(
        client, token, SUPERSEDE, {"documentId": first["id"]}, "claim-v2.pdf", newer
    )
    payload = response.json()["data"]["supersedeDocument"]
    again = await send_file(
        client, token, SUPERSEDE, {"documentId": first["id"]}, "claim-v3.pdf", newer
    )
    old = await download(client, token, first["downloadLink"]["url"])
    event = await TimelineEvent.filter(case_id=case.id).order_by("-sequence").first()

    assert payload["userErrors"] == []
    document = payload["document"]
    assert (document["version"], document["filename"], document["visibility"]) == (
        2,
        "claim-v2.pdf",
        "ALL_PARTIES",
    )
    assert [(v["version"], v["sha256"]) for v in document["versions"]] == [
        (1, hashlib.sha256(samples.PDF).hexdigest()),
        (2, hashlib.sha256(newer).hexdigest()),
    ]
    assert document["versions"][0]["supersededAt"] is not None
    assert [e["code"] for e in again.json()["data"]["supersedeDocument"]["userErrors"]] == [
        "ALREADY_SUPERSEDED"
    ]
    assert old.content == samples.PDF  # the history stays readable
    assert event is not None
    assert event.kind == "document_superseded"
    assert event.payload["supersedes_id"] == event.payload["lineage_id"]


async def test_the_other_side_cannot_replace_a_document(
    client: httpx.AsyncClient, app: Starlette, factory: Factory, settings: Settings
) -> None:
    w = await quick_world(factory)
    case = await w.new_case()
    first = await uploaded(
        client, await token_for(app, w.complainant), case_id(case), "claim.pdf", samples.PDF
    )
    before = await case_file_state(case, settings)

    response = await send_file(
        client,
        await token_for(app, w.agent),
        SUPERSEDE,
        {"documentId": first["id"]},
        "x.pdf",
        samples.PDF,
    )

    errors = response.json()["data"]["supersedeDocument"]["userErrors"]
    assert [(e["code"], e["field"]) for e in errors] == [("FORBIDDEN", ["input", "documentId"])]
    assert await case_file_state(case, settings) == before


async def test_a_download_link_needs_its_own_actor_and_expires(
    client: httpx.AsyncClient, app: Starlette, factory: Factory
) -> None:
    w = await quick_world(factory)
    case = await w.new_case()
    token = await token_for(app, w.complainant)
    document = await uploaded(client, token, case_id(case), "claim.pdf", samples.PDF)
    url = document["downloadLink"]["url"]
    row = await Document.get()
    expired = issue_link(
        app.state.auth.issuer, await _session_actor(app, token), LinkKind.DOCUMENT, row.id, -60
    )
    access_as_link = f"/files/documents/{token}"

    anonymous = await download(client, None, url)
    agent = await download(client, await token_for(app, w.agent), url)  # may read it, not his link
    later = await client.get(link_path(LinkKind.DOCUMENT, expired.token), headers=bearer(token))
    swapped = await client.get(access_as_link, headers=bearer(token))
    forged = await client.get(path_for_bundle(url), headers=bearer(token))

    assert anonymous.status_code == 401
    assert anonymous.json()["errors"][0]["extensions"]["code"] == "UNAUTHENTICATED"
    assert agent.status_code == 404
    assert agent.json()["errors"][0]["extensions"]["code"] == "NOT_FOUND"
    assert later.status_code == 410
    assert later.json()["errors"][0]["extensions"]["code"] == "LINK_EXPIRED"
    assert swapped.status_code == 404  # an access token is not a download link
    assert forged.status_code == 404  # a document link is not a bundle link
    assert datetime.fromisoformat(document["downloadLink"]["expiresAt"]).tzinfo is not None


def path_for_bundle(url: str) -> str:
    return url.split("/files/documents/", 1)[1].join(["/files/bundles/", ""])


async def _session_actor(app: Starlette, token: str):  # type: ignore[no-untyped-def]
    return await app.state.auth.authenticate(token)


async def test_the_bundle_holds_the_documents_the_timeline_and_a_manifest(
    client: httpx.AsyncClient, app: Starlette, factory: Factory
) -> None:
    w = await quick_world(factory)
    case = await w.new_case()
    token = await token_for(app, w.complainant)
    await uploaded(client, token, case_id(case), "claim.pdf", samples.PDF)
    await uploaded(client, token, case_id(case), "payments.csv", samples.CSV)
    body = (
        await client.post(
            "/graphql",
            json={
                "query": "query Q($id: ID!) { case(id: $id) { bundleLink { url } } }",
                "variables": {"id": case_id(case)},
            },
            headers=bearer(token),
        )
    ).json()

    response = await download(client, token, body["data"]["case"]["bundleLink"]["url"])
    archive = zipfile.ZipFile(io.BytesIO(response.content))
    manifest = archive.read("MANIFEST.sha256").decode().splitlines()

    assert response.status_code == 200
    assert response.headers["content-type"] == "application/zip"
    assert response.headers["x-content-type-options"] == "nosniff"
    rows = await Document.all().order_by("created_at", "id")
    assert archive.namelist() == [
        f"documents/{rows[0].lineage_id}/v1/claim.pdf",
        f"documents/{rows[1].lineage_id}/v1/payments.csv",
        "timeline.json",
        "messages.json",
        # Where each document came from: the case's own, or shared into it from a group.
        "documents.json",
        "MANIFEST.sha256",
        "MANIFEST.sha256.jws",
    ]
    for line in manifest:
        digest, name = line.split("  ")
        assert hashlib.sha256(archive.read(name)).hexdigest() == digest
    assert len(manifest) == 5
    timeline = archive.read("timeline.json")
    assert b'"document_uploaded"' in timeline
    assert b'"hash"' in timeline


async def test_an_upload_without_a_declared_length_is_counted_as_it_streams(
    small_cap_client: httpx.AsyncClient, factory: Factory, settings: Settings
) -> None:
    w = await quick_world(factory)
    case = await w.new_case()
    token = await token_for(small_cap_client.app, w.complainant)  # type: ignore[attr-defined]
    before = await case_file_state(case, settings)
    input = {"caseId": case_id(case), "visibility": "ALL_PARTIES", "file": None}
    small, content_type = raw_multipart(UPLOAD, {"input": input}, "a.pdf", samples.PDF)
    big, _ = raw_multipart(UPLOAD, {"input": input}, "b.pdf", b"%PDF-1.4\n" + b"0" * (8 << 20))
    big_chunks = [big[i : i + 65_536] for i in range(0, len(big), 65_536)]
    pulled = 0

    async def chunked(body: bytes) -> AsyncIterator[bytes]:
        yield body

    async def streamed() -> AsyncIterator[bytes]:
        nonlocal pulled
        for chunk in big_chunks:
            pulled += 1
            yield chunk

    headers = {**bearer(token), **PREFLIGHT, "Content-Type": content_type}
    stored = await small_cap_client.post("/graphql", content=chunked(small), headers=headers)
    after_small = await case_file_state(case, settings)
    refused = await small_cap_client.post("/graphql", content=streamed(), headers=headers)

    assert "content-length" not in refused.request.headers
    assert stored.json()["data"]["uploadDocument"]["userErrors"] == []
    assert after_small[0] == before[0] + 1
    assert refused.status_code == 413
    assert refused.json()["errors"][0]["extensions"]["code"] == "FILE_TOO_LARGE"
    assert refused.json()["errors"][0]["message"] == (
        "The file is too large: a document can be at most 1,000 bytes."
    )
    # Refused at the first chunk over the cap (1,000 bytes and 2 MB for the other parts),
    # not after the 8 MB.
    assert pulled < len(big_chunks)
    assert await case_file_state(case, settings) == after_small


async def test_the_upload_limits_are_public_and_the_ones_enforced(
    client: httpx.AsyncClient, settings: Settings
) -> None:
    query = (
        "{ uploadLimits { maxFileBytes maxRequestBytes maxUnpackedBytes acceptedTypes "
        "acceptedExtensions } }"
    )
    response = await client.post("/graphql", json={"query": query})

    limits = response.json()["data"]["uploadLimits"]
    assert limits["maxFileBytes"] == settings.document_max_bytes
    assert limits["maxRequestBytes"] == settings.document_max_bytes + UPLOAD_OVERHEAD
    assert limits["maxUnpackedBytes"] == settings.document_max_unpacked_bytes
    # Every sample the upload tests store is of an accepted type and extension.
    for name, (_, media_type) in samples.ALLOWED.items():
        assert media_type in limits["acceptedTypes"]
        assert "." + name.rsplit(".", 1)[-1].lower() in limits["acceptedExtensions"]
    assert "application/zip" not in limits["acceptedTypes"]
    assert ".exe" not in limits["acceptedExtensions"]
