"""The local and database storage backends: content under generated names, streamed in chunks
both ways, nothing left behind by a rejected or failed upload, and nothing orphaned when the
backend changes (the s3 backend: tests/test_casefiles_s3.py)."""

from __future__ import annotations

import contextlib
import hashlib
import io
import uuid
import zipfile
from collections.abc import Awaitable
from pathlib import Path
from typing import Any

import httpx
import pytest
from tortoise.transactions import in_transaction

from portal.app import create_app
from portal.casefiles import services
from portal.casefiles.errors import CaseFileError
from portal.casefiles.links import LinkKind, issue_link, link_path
from portal.casefiles.models import Document, DocumentChunk
from portal.casefiles.storage import (
    CHUNK_BYTES,
    DatabaseStorage,
    LocalStorage,
    StorageError,
    new_key,
    storage_of,
)
from portal.cases.models import DisputeCase
from portal.settings import Settings
from portal.timeline.models import TimelineEvent, Visibility
from tests import samples
from tests.casefile_support import bearer
from tests.factories import Factory, actor_for, quick_world
from tests.test_api_support import token_for

BIG_TEXT = ("Line of a long statement, with ümlauts and 中文.\n" * 60_000).encode()


def _files(root: Path) -> list[Path]:
    return sorted(p for p in root.rglob("*") if p.is_file())


async def _read_all(storage: LocalStorage | DatabaseStorage, key: str) -> list[bytes]:
    return [chunk async for chunk in storage.read(key)]


@pytest.mark.parametrize("kind", ["local", "database"])
async def test_a_file_of_several_chunks_goes_in_and_comes_out_whole(
    kind: str, db: str, tmp_path: Path
) -> None:
    storage = LocalStorage(tmp_path) if kind == "local" else DatabaseStorage()
    key = new_key()

    await storage.save(key, io.BytesIO(BIG_TEXT))
    chunks = await _read_all(storage, key)
    await storage.delete(key)

    assert len(BIG_TEXT) > 2 * CHUNK_BYTES
    assert [len(c) for c in chunks[:-1]] == [CHUNK_BYTES] * (len(chunks) - 1)
    assert b"".join(chunks) == BIG_TEXT
    with pytest.raises(StorageError):
        await _read_all(storage, key)
    assert await DocumentChunk.all().count() == 0
    assert _files(tmp_path) == []


async def test_a_key_that_is_not_generated_is_refused(tmp_path: Path) -> None:
    storage = LocalStorage(tmp_path)

    with pytest.raises(StorageError):
        await storage.save("../../etc/passwd", io.BytesIO(b"x"))
    assert _files(tmp_path) == []


async def test_the_database_backend_keeps_an_upload_in_the_database_only(
    factory: Factory, settings: Settings
) -> None:
    w = await quick_world(factory)
    case = await w.new_case()
    actor = await actor_for(w.complainant)
    storage = DatabaseStorage()

    document = await services.upload_document(
        storage,
        actor,
        case.id,
        services.IncomingFile("statement.txt", io.BytesIO(BIG_TEXT)),
        Visibility.ALL_PARTIES,
        max_bytes=settings.document_max_bytes,
    )
    chunks = await _read_all(storage, document.storage_key)

    assert document.sha256 == hashlib.sha256(BIG_TEXT).hexdigest()
    assert await DocumentChunk.filter(storage_key=document.storage_key).count() == len(chunks)
    assert b"".join(chunks) == BIG_TEXT


@pytest.mark.parametrize("kind", ["local", "database"])
async def test_an_upload_that_fails_after_storing_leaves_no_content_and_no_row(
    kind: str, factory: Factory, settings: Settings, tmp_path: Path
) -> None:
    w = await quick_world(factory)
    case = await w.new_case()
    actor = await actor_for(w.complainant)
    storage = LocalStorage(tmp_path) if kind == "local" else DatabaseStorage()
    before = await TimelineEvent.filter(case_id=case.id).count()

    async def closed_meanwhile(request: dict[str, object], create: services.Create) -> object:
        # The case closes between the checks and the write: the write must refuse it.
        await DisputeCase.filter(id=case.id).update(stage="withdrawn")
        return await create()

    with pytest.raises(CaseFileError) as refused:
        await services.upload_document(
            storage,
            actor,
            case.id,
            services.IncomingFile("claim.pdf", io.BytesIO(samples.PDF)),
            Visibility.ALL_PARTIES,
            max_bytes=settings.document_max_bytes,
            once=closed_meanwhile,  # type: ignore[arg-type]
        )

    assert refused.value.code == "CASE_CLOSED"
    assert await Document.all().count() == 0
    assert await DocumentChunk.all().count() == 0
    assert _files(tmp_path) == []
    assert await TimelineEvent.filter(case_id=case.id).count() == before


class _RolledBack(Exception):
    pass


async def test_an_upload_that_loses_an_idempotency_race_leaves_no_content(
    factory: Factory, settings: Settings, tmp_path: Path
) -> None:
    w = await quick_world(factory)
    case = await w.new_case()
    actor = await actor_for(w.complainant)
    storage = LocalStorage(tmp_path)

    def upload(once: services.Once = services.direct) -> Awaitable[Document]:
        return services.upload_document(
            storage,
            actor,
            case.id,
            services.IncomingFile("claim.pdf", io.BytesIO(samples.PDF)),
            Visibility.ALL_PARTIES,
            max_bytes=settings.document_max_bytes,
            once=once,
        )

    winner = await upload()

    async def lost_race(request: dict[str, Any], create: services.Create) -> uuid.UUID:
        # This request wrote its rows, then the same key's first request committed first:
        # its rows roll back and the winner's document is the answer.
        with contextlib.suppress(_RolledBack):
            async with in_transaction():
                await create()
                raise _RolledBack
        return winner.id

    answer = await upload(lost_race)

    assert answer.id == winner.id
    assert await Document.all().count() == 1
    assert _files(tmp_path) == [storage.path(winner.storage_key)]


async def test_a_change_of_backend_orphans_nothing(factory: Factory, settings: Settings) -> None:
    """Issue 19: documents stored before PORTAL_DOCUMENT_STORAGE changed are read from where
    they are; new ones go to the new backend."""
    w = await quick_world(factory)
    case = await w.new_case()
    actor = await actor_for(w.complainant)
    moved = Settings(**{**settings.__dict__, "document_storage": "database"})
    before = await services.upload_document(
        storage_of(settings),
        actor,
        case.id,
        services.IncomingFile("claim.pdf", io.BytesIO(samples.PDF)),
        Visibility.ALL_PARTIES,
        max_bytes=settings.document_max_bytes,
    )
    after = await services.upload_document(
        storage_of(moved),
        actor,
        case.id,
        services.IncomingFile("photo.png", io.BytesIO(samples.PNG)),
        Visibility.ALL_PARTIES,
        max_bytes=settings.document_max_bytes,
    )
    on_database = create_app(moved, manage_orm=False)
    token = await token_for(on_database, w.complainant)
    reader = await on_database.state.auth.authenticate(token)
    downloads = {}
    async with httpx.AsyncClient(
        transport=httpx.ASGITransport(app=on_database), base_url="http://testserver"
    ) as http:
        for document in (before, after):
            link = issue_link(
                on_database.state.auth.issuer, reader, LinkKind.DOCUMENT, document.id, 60
            )
            response = await http.get(
                link_path(LinkKind.DOCUMENT, link.token), headers=bearer(token)
            )
            downloads[document.filename] = (response.status_code, response.content)
        link = issue_link(on_database.state.auth.issuer, reader, LinkKind.BUNDLE, case.id, 60)
        bundle = await http.get(link_path(LinkKind.BUNDLE, link.token), headers=bearer(token))

    assert (before.storage_backend, after.storage_backend) == ("local", "database")
    assert await DocumentChunk.filter(storage_key=before.storage_key).count() == 0
    assert downloads == {"claim.pdf": (200, samples.PDF), "photo.png": (200, samples.PNG)}
    assert bundle.status_code == 200
    archive = zipfile.ZipFile(io.BytesIO(bundle.content))
    assert sorted(
        archive.read(n) for n in archive.namelist() if n.startswith("documents/")
    ) == sorted([samples.PDF, samples.PNG])
