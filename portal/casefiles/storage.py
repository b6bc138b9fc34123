"""Where document content lives, under generated names: a directory under the data dir (the
embedded default), the database, or an S3-compatible object store (the last two are shared by
every instance of a scaled-out installation: ARCHITECTURE.md "Storage and scale-out").

`PORTAL_DOCUMENT_STORAGE` chooses where new documents go; each document records the backend
that holds it (`Document.storage_backend`), and reads and deletions go there. So a change of
the setting orphans nothing, and `portal documents migrate` (portal.casefiles.relocation)
moves the existing ones.

Nothing is served from any of them directly: every read goes through the authorising
download handler (QUALITY.md "Files"). Every backend streams, in both directions. No backend
is trusted with integrity: what is read is checked against the SHA-256 recorded at upload
(`read_checked`), whatever the store says of itself.
"""

from __future__ import annotations

import asyncio
import contextlib
import hashlib
import os
import re
import uuid
from collections.abc import AsyncIterator, Mapping
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any, BinaryIO, Protocol

from portal.casefiles.models import Document, DocumentChunk
from portal.settings import Settings

CHUNK_BYTES = 1 << 20
LOCAL = "local"
DATABASE = "database"
S3 = "s3"
BACKENDS = (LOCAL, DATABASE, S3)
_KEY = re.compile(r"^[0-9a-f]{32}$")


class StorageError(RuntimeError):
    """Stored content is missing or a key is not one this module made."""


def new_key() -> str:
    """A generated name: nothing of the uploader's name or of the case goes into it."""
    return uuid.uuid4().hex


def _checked(key: str) -> str:
    if not _KEY.match(key):
        raise StorageError(f"not a storage key: {key!r}")
    return key


class Storage(Protocol):
    # The backend's name, as `Document.storage_backend` records it.
    name: str
    # Whether content is written in the database, inside the caller's transaction (and so
    # rolled back with it); a file system backend writes before the transaction instead,
    # so that SQLite's one connection is not held while a file is copied.
    in_database: bool

    async def save(self, key: str, source: BinaryIO) -> None:
        """Store ``source`` (read from its start) under ``key``."""

    def read(self, key: str) -> AsyncIterator[bytes]:
        """The content, chunk by chunk."""

    async def delete(self, key: str) -> None:
        """Remove the content; nothing happens when there is none."""


class LocalStorage:
    """`{data_dir}/documents/ab/abcdef...`: outside any served folder, owner-only files."""

    name = LOCAL
    in_database = False

    def __init__(self, root: Path) -> None:
        self.root = root

    def path(self, key: str) -> Path:
        key = _checked(key)
        return self.root / key[:2] / key

    async def save(self, key: str, source: BinaryIO) -> None:
        await asyncio.to_thread(self._write, self.path(key), source)

    @staticmethod
    def _write(path: Path, source: BinaryIO) -> None:
        path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        partial = path.with_name(path.name + ".part")
        source.seek(0)
        try:
            fd = os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
            with os.fdopen(fd, "wb") as out:
                while chunk := source.read(CHUNK_BYTES):
                    out.write(chunk)
                out.flush()
                os.fsync(out.fileno())
            # Whole or not at all: a crash mid-write leaves a `.part`, never a short file.
            os.replace(partial, path)
        finally:
            partial.unlink(missing_ok=True)

    async def read(self, key: str) -> AsyncIterator[bytes]:
        path = self.path(key)
        try:
            handle = await asyncio.to_thread(path.open, "rb")
        except FileNotFoundError as exc:
            raise StorageError(f"no content stored under {key}") from exc
        try:
            while chunk := await asyncio.to_thread(handle.read, CHUNK_BYTES):
                yield chunk
        finally:
            handle.close()

    async def delete(self, key: str) -> None:
        path = self.path(key)
        await asyncio.to_thread(path.unlink, missing_ok=True)
        # What a crash in the middle of a write left (a move that is run again rewrites it).
        await asyncio.to_thread(path.with_name(path.name + ".part").unlink, missing_ok=True)


class DatabaseStorage:
    """Chunks of at most CHUNK_BYTES in `document_chunk`. Written inside the caller's
    transaction, so a rolled-back upload leaves no chunk behind."""

    name = DATABASE
    in_database = True

    async def save(self, key: str, source: BinaryIO) -> None:
        _checked(key)
        source.seek(0)
        seq = 0
        while chunk := source.read(CHUNK_BYTES):
            await DocumentChunk.create(storage_key=key, seq=seq, data=chunk)
            seq += 1

    async def read(self, key: str) -> AsyncIterator[bytes]:
        _checked(key)
        seq = 0
        while True:
            rows = (
                await DocumentChunk.filter(storage_key=key, seq=seq)
                .limit(1)
                .values_list("data", flat=True)
            )
            if not rows:
                if seq == 0:
                    raise StorageError(f"no content stored under {key}")
                return
            yield bytes(rows[0])
            seq += 1

    async def delete(self, key: str) -> None:
        await DocumentChunk.filter(storage_key=_checked(key)).delete()


@dataclass(frozen=True)
class S3Config:
    bucket: str
    region: str
    endpoint_url: str = ""
    prefix: str = ""
    access_key_id: str = ""
    secret_access_key: str = field(default="", repr=False)
    path_style: bool = False
    part_bytes: int = 8 << 20

    @classmethod
    def of(cls, settings: Settings) -> S3Config:
        return cls(
            bucket=settings.s3_bucket,
            region=settings.s3_region,
            endpoint_url=settings.s3_endpoint_url,
            prefix=settings.s3_prefix,
            access_key_id=settings.s3_access_key_id,
            secret_access_key=settings.s3_secret_access_key,
            path_style=settings.s3_path_style,
            part_bytes=settings.s3_part_bytes,
        )


class S3Storage:
    """Objects `{prefix}{key}` in one bucket of an S3-compatible store, through aiobotocore
    (botocore's maintained asyncio port: the same signing, retries and endpoint rules as the
    AWS SDKs). A document of `part_bytes` or more is uploaded in parts, one part in memory at a
    time, and an upload that fails is aborted so no parts are left billed; reads stream.

    The store's own checksums are not relied on (many S3-compatible servers do not compute
    the newer ones): content is checked against its SHA-256 by the reader (`read_checked`)."""

    name = S3
    in_database = False

    def __init__(self, config: S3Config) -> None:
        from aiobotocore.session import get_session

        self.config = config
        self._session = get_session()

    def object_key(self, key: str) -> str:
        return self.config.prefix + _checked(key)

    def _client(self) -> Any:
        from aiobotocore.config import AioConfig

        c = self.config
        options: dict[str, Any] = {
            "region_name": c.region,
            "config": AioConfig(
                s3={"addressing_style": "path" if c.path_style else "auto"},
                # Checksums only where the API requires them: S3-compatible servers differ
                # in the newer ones, and the content's SHA-256 is checked on every read.
                request_checksum_calculation="when_required",
                response_checksum_validation="when_required",
                retries={"mode": "standard", "max_attempts": 3},
            ),
        }
        if c.endpoint_url:
            options["endpoint_url"] = c.endpoint_url
        if c.access_key_id:
            options["aws_access_key_id"] = c.access_key_id
            options["aws_secret_access_key"] = c.secret_access_key
        return self._session.create_client("s3", **options)

    def _failed(self, exc: Exception, key: str) -> StorageError:
        code = _error_code(exc)
        where = f"s3://{self.config.bucket}/{self.config.prefix}{key}"
        if code in {"NoSuchKey", "404", "NotFound"}:
            return StorageError(f"no content stored under {key} ({where} does not exist)")
        if code == "NoSuchBucket":
            return StorageError(f"the bucket {self.config.bucket!r} does not exist")
        return StorageError(f"{where}: {code or type(exc).__name__}: {exc}")

    async def save(self, key: str, source: BinaryIO) -> None:
        name = self.object_key(key)
        bucket, size = self.config.bucket, self.config.part_bytes
        source.seek(0)
        part = await asyncio.to_thread(source.read, size)
        try:
            async with self._client() as client:
                if len(part) < size:
                    await client.put_object(Bucket=bucket, Key=name, Body=part)
                    return
                await self._multipart(client, name, source, part)
        except StorageError:
            raise
        except Exception as exc:
            raise self._failed(exc, key) from exc

    async def _multipart(self, client: Any, name: str, source: BinaryIO, part: bytes) -> None:
        bucket = self.config.bucket
        started = await client.create_multipart_upload(Bucket=bucket, Key=name)
        upload_id = started["UploadId"]
        parts: list[dict[str, Any]] = []
        try:
            while part:
                number = len(parts) + 1
                sent = await client.upload_part(
                    Bucket=bucket, Key=name, UploadId=upload_id, PartNumber=number, Body=part
                )
                parts.append({"PartNumber": number, "ETag": sent["ETag"]})
                part = await asyncio.to_thread(source.read, self.config.part_bytes)
            await client.complete_multipart_upload(
                Bucket=bucket, Key=name, UploadId=upload_id, MultipartUpload={"Parts": parts}
            )
        except BaseException:
            # The upload's own failure is what is reported; a store that cannot abort either
            # is left to the bucket's lifecycle rule (docs/operations.md).
            with contextlib.suppress(Exception):
                await asyncio.shield(
                    client.abort_multipart_upload(Bucket=bucket, Key=name, UploadId=upload_id)
                )
            raise

    async def read(self, key: str) -> AsyncIterator[bytes]:
        name = self.object_key(key)
        async with self._client() as client:
            try:
                answer = await client.get_object(Bucket=self.config.bucket, Key=name)
            except Exception as exc:
                raise self._failed(exc, key) from exc
            async with answer["Body"] as body:
                while chunk := await body.read(CHUNK_BYTES):
                    yield chunk

    async def delete(self, key: str) -> None:
        name = self.object_key(key)
        try:
            async with self._client() as client:
                await client.delete_object(Bucket=self.config.bucket, Key=name)
        except Exception as exc:
            if _error_code(exc) not in {"NoSuchKey", "404", "NotFound"}:
                raise self._failed(exc, key) from exc


def _error_code(exc: Exception) -> str:
    response = getattr(exc, "response", None)
    if isinstance(response, dict):
        return str(response.get("Error", {}).get("Code", ""))
    return ""


class DocumentStore:
    """The backends of an installation behind one `Storage`: new content goes to the one the
    settings choose; a read or a deletion goes to the backend the document's row names (a key
    without a row, an upload not yet committed or rolled back, is the writer's)."""

    def __init__(self, backends: Mapping[str, Storage], writer: str) -> None:
        self._backends = dict(backends)
        self.writer = self.backend(writer)
        self.name = self.writer.name
        self.in_database = self.writer.in_database

    def backend(self, name: str) -> Storage:
        found = self._backends.get(name)
        if found is None:
            if name == S3:
                raise StorageError("the `s3` backend needs PORTAL_S3_BUCKET (and its settings)")
            raise StorageError(f"no storage backend named {name!r}")
        return found

    async def holder(self, key: str) -> Storage:
        names = await Document.filter(storage_key=_checked(key)).values_list(
            "storage_backend", flat=True
        )
        return self.backend(str(names[0])) if names else self.writer

    async def save(self, key: str, source: BinaryIO) -> None:
        await self.writer.save(key, source)

    async def read(self, key: str) -> AsyncIterator[bytes]:
        storage = await self.holder(key)
        async for chunk in storage.read(key):
            yield chunk

    async def delete(self, key: str) -> None:
        await (await self.holder(key)).delete(key)

    def read_document(self, document: Document) -> AsyncIterator[bytes]:
        """A document's content from the backend that holds it, checked (`read_checked`)."""
        storage = self.backend(document.storage_backend)
        return read_checked(storage, document.storage_key, document.sha256, document.size)


async def read_checked(storage: Storage, key: str, sha256: str, size: int) -> AsyncIterator[bytes]:
    """The content, checked against its recorded SHA-256 and size: the last chunk is held back
    until the whole was hashed, so a reader never receives all of an altered file; on a
    mismatch StorageError is raised instead of the last chunk."""
    digest = hashlib.sha256()
    total = 0
    held: bytes | None = None
    async for chunk in storage.read(key):
        if held is not None:
            yield held
        digest.update(chunk)
        total += len(chunk)
        held = chunk
    if total != size or digest.hexdigest() != sha256:
        raise StorageError(f"stored content under {key} does not match its SHA-256")
    if held is not None:
        yield held


@cache
def backends_for(data_dir: str, s3: S3Config | None) -> dict[str, Storage]:
    found: dict[str, Storage] = {
        LOCAL: LocalStorage(Path(data_dir).resolve() / "documents"),
        DATABASE: DatabaseStorage(),
    }
    if s3 is not None:
        found[S3] = S3Storage(s3)
    return found


def storage_of(settings: Settings) -> DocumentStore:
    s3 = S3Config.of(settings) if settings.s3_bucket else None
    return DocumentStore(backends_for(settings.data_dir, s3), settings.document_storage)
