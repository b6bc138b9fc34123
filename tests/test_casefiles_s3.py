"""The `s3` storage backend against a real S3-compatible server (moto's, tests/s3_support.py):
large files go up in parts and come back whole, uploads and downloads of the portal go through
it, and what the store lost or altered is a clear error, never a silently different file."""

from __future__ import annotations

import hashlib
import io
import os
from collections.abc import AsyncIterator
from pathlib import Path

import httpx
import pytest
from starlette.applications import Starlette

from portal.accounts.models import User
from portal.app import create_app
from portal.casefiles import services
from portal.casefiles.links import LinkKind, issue_link, link_path
from portal.casefiles.models import Document
from portal.casefiles.storage import S3Storage, StorageError, new_key, storage_of
from portal.settings import Settings, SettingsError, load_settings
from portal.timeline.models import Visibility
from tests import samples
from tests.casefile_support import bearer
from tests.factories import Factory, actor_for, quick_world
from tests.s3_support import ACCESS_KEY, PART_BYTES, REGION, SECRET_KEY, config, new_bucket
from tests.s3_support import object_keys as stored_keys
from tests.test_api_support import token_for

# Over two parts of 5 MiB: three requests of a multipart upload.
LARGE = os.urandom(PART_BYTES * 2 + 12_345)
LARGE_TEXT = ("Statement of account, line by line: ümlauts and 中文.\n" * 200_000).encode()


@pytest.fixture
async def s3(s3_endpoint: str) -> S3Storage:
    return S3Storage(config(s3_endpoint, await new_bucket(s3_endpoint)))


async def _read(storage: S3Storage, key: str) -> bytes:
    return b"".join([chunk async for chunk in storage.read(key)])


async def _etag(storage: S3Storage, key: str) -> str:
    async with storage._client() as client:
        head = await client.head_object(Bucket=storage.config.bucket, Key=storage.object_key(key))
    return str(head["ETag"]).strip('"')


async def test_a_large_file_goes_up_in_parts_and_comes_back_whole(s3: S3Storage) -> None:
    key = new_key()

    await s3.save(key, io.BytesIO(LARGE))

    assert await _read(s3, key) == LARGE
    # A multipart object's ETag ends in its number of parts; the store computed nothing else
    # the tests rely on.
    assert (await _etag(s3, key)).endswith("-3")
    assert await stored_keys(s3) == [f"documents/{key}"]


async def test_a_small_file_is_one_request_and_a_deletion_removes_it(s3: S3Storage) -> None:
    key = new_key()

    await s3.save(key, io.BytesIO(samples.PDF))
    etag = await _etag(s3, key)
    await s3.delete(key)
    await s3.delete(key)  # nothing there: nothing happens

    assert etag == hashlib.md5(samples.PDF, usedforsecurity=False).hexdigest()
    assert await stored_keys(s3) == []


async def test_a_missing_object_is_a_clear_error(s3: S3Storage) -> None:
    key = new_key()

    with pytest.raises(StorageError, match=rf"no content stored under {key} \(s3://.*does not"):
        await _read(s3, key)


async def test_a_bucket_that_does_not_exist_is_named(s3_endpoint: str) -> None:
    storage = S3Storage(config(s3_endpoint, "parley-no-such-bucket"))

    with pytest.raises(StorageError, match="the bucket 'parley-no-such-bucket' does not exist"):
        await storage.save(new_key(), io.BytesIO(samples.PDF))


def test_the_s3_backend_needs_its_bucket(tmp_path: Path) -> None:
    with pytest.raises(SettingsError, match="PORTAL_S3_BUCKET: required"):
        load_settings({"PORTAL_DOCUMENT_STORAGE": "s3", "PORTAL_DATA_DIR": str(tmp_path)})
    with pytest.raises(SettingsError, match="set both or neither"):
        load_settings({"PORTAL_S3_ACCESS_KEY_ID": "AKIA", "PORTAL_DATA_DIR": str(tmp_path)})
    with pytest.raises(SettingsError, match="at least 5242880"):
        load_settings({"PORTAL_S3_PART_BYTES": "1048576", "PORTAL_DATA_DIR": str(tmp_path)})


@pytest.fixture
async def on_s3(
    settings: Settings, s3_endpoint: str, db: str
) -> AsyncIterator[tuple[httpx.AsyncClient, Starlette, Settings]]:
    """The app with `PORTAL_DOCUMENT_STORAGE=s3`, on a bucket of its own."""
    chosen = Settings(
        **{
            **settings.__dict__,
            "document_storage": "s3",
            "s3_endpoint_url": s3_endpoint,
            "s3_bucket": await new_bucket(s3_endpoint),
            "s3_region": REGION,
            "s3_access_key_id": ACCESS_KEY,
            "s3_secret_access_key": SECRET_KEY,
            "s3_path_style": True,
            "s3_part_bytes": PART_BYTES,
        }
    )
    app = create_app(chosen, manage_orm=False)
    transport = httpx.ASGITransport(app=app)
    async with httpx.AsyncClient(transport=transport, base_url="http://testserver") as client:
        yield client, app, chosen


async def _uploaded(
    factory: Factory, settings: Settings, filename: str, content: bytes
) -> tuple[User, Document]:
    """A complainant's upload to a new case through the installation's storage."""
    w = await quick_world(factory)
    case = await w.new_case()
    document = await services.upload_document(
        storage_of(settings),
        await actor_for(w.complainant),
        case.id,
        services.IncomingFile(filename, io.BytesIO(content)),
        Visibility.ALL_PARTIES,
        max_bytes=settings.document_max_bytes,
    )
    return w.complainant, document


async def _download(
    client: httpx.AsyncClient, app: Starlette, user: User, document: Document
) -> httpx.Response:
    """The document through its download link, as ``user``."""
    token = await token_for(app, user)
    reader = await app.state.auth.authenticate(token)
    link = issue_link(app.state.auth.issuer, reader, LinkKind.DOCUMENT, document.id, 60)
    return await client.get(link_path(LinkKind.DOCUMENT, link.token), headers=bearer(token))


async def test_an_upload_is_stored_in_s3_and_downloaded_from_it(
    on_s3: tuple[httpx.AsyncClient, Starlette, Settings], factory: Factory
) -> None:
    client, app, settings = on_s3
    s3 = storage_of(settings).backend("s3")
    assert isinstance(s3, S3Storage)

    user, document = await _uploaded(factory, settings, "statement.txt", LARGE_TEXT)
    downloaded = await _download(client, app, user, document)

    assert document.storage_backend == "s3"
    assert await stored_keys(s3) == [f"documents/{document.storage_key}"]
    parts = -(-len(LARGE_TEXT) // PART_BYTES)
    assert parts > 1
    assert (await _etag(s3, document.storage_key)).endswith(f"-{parts}")
    assert downloaded.status_code == 200
    assert downloaded.content == LARGE_TEXT
    assert document.sha256 == hashlib.sha256(LARGE_TEXT).hexdigest()

    # Gone from the store behind the portal's back: an error answer, not a cut-off file.
    await s3.delete(document.storage_key)
    missing = await _download(client, app, user, document)

    assert missing.status_code == 500
    assert missing.json()["errors"][0]["extensions"]["code"] == "INTERNAL_SERVER_ERROR"


async def test_content_the_store_altered_is_never_delivered_whole(
    on_s3: tuple[httpx.AsyncClient, Starlette, Settings], factory: Factory
) -> None:
    client, app, settings = on_s3
    store = storage_of(settings)
    user, document = await _uploaded(factory, settings, "claim.pdf", samples.PDF)
    altered = samples.PDF.replace(b"Catalog", b"Catalof")
    await store.backend("s3").save(document.storage_key, io.BytesIO(altered))

    with pytest.raises(StorageError, match="does not match its SHA-256"):
        b"".join([chunk async for chunk in store.read_document(document)])
    refused = await _download(client, app, user, document)

    assert refused.status_code == 500
    assert altered not in refused.content
