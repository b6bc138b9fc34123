"""Where document content lives, under generated names, chosen by `PORTAL_DOCUMENT_STORAGE`:
a directory under the data dir (the embedded default) or the database (shared by every
instance of a scaled-out installation: ARCHITECTURE.md "Storage and scale-out").

Nothing is served from either place directly: every read goes through the authorising
download handler (QUALITY.md "Files"). Both backends stream, in both directions.
"""

from __future__ import annotations

import asyncio
import os
import re
import uuid
from collections.abc import AsyncIterator
from functools import cache
from pathlib import Path
from typing import BinaryIO, Protocol

from portal.casefiles.models import DocumentChunk
from portal.settings import Settings

CHUNK_BYTES = 1 << 20
LOCAL = "local"
DATABASE = "database"
BACKENDS = (LOCAL, DATABASE)
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
        await asyncio.to_thread(self.path(key).unlink, missing_ok=True)


class DatabaseStorage:
    """Chunks of at most CHUNK_BYTES in `document_chunk`. Written inside the caller's
    transaction, so a rolled-back upload leaves no chunk behind."""

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


@cache
def storage_for(backend: str, data_dir: str) -> Storage:
    if backend == DATABASE:
        return DatabaseStorage()
    return LocalStorage(Path(data_dir).resolve() / "documents")


def storage_of(settings: Settings) -> Storage:
    return storage_for(settings.document_storage, settings.data_dir)
