"""`portal documents migrate --to BACKEND`: every document (every version) moved to one backend.

For each document not yet there, in order: its content is read from where its row says it is
and checked against its SHA-256 (a copy is never made of altered content); written to the
target (in its own transaction for `database`), read back from there and checked again; only
then does the row name the target, in a transaction that also notes the backend left behind
(`storage_moved_from`); then the old copy is deleted and the note cleared. Interrupted at any
point, a second run carries on: documents already moved are skipped, a copy made but not yet
recorded is written again, and an old copy not yet deleted is deleted first. The service may
keep running meanwhile: reads follow each row.

A redacted document has no content to move (retention or an erasure removed it): its row is
switched and whatever its old backend still holds of it is deleted.
"""

from __future__ import annotations

import hashlib
import tempfile
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import BinaryIO, cast

from tortoise.transactions import in_transaction

from portal.casefiles.models import Document
from portal.casefiles.storage import DocumentStore, Storage, StorageError

_SPOOL_BYTES = 4 << 20
_BATCH = 100


@dataclass
class Move:
    """What a run did (or, dry, would do)."""

    target: str
    dry_run: bool
    total: int = 0
    moved: int = 0
    bytes_moved: int = 0
    redacted: int = 0
    already: int = 0
    leftovers_deleted: int = 0
    # Still elsewhere when the run ended: the failures, and uploads to another backend that
    # came in during the run (PORTAL_DOCUMENT_STORAGE not yet switched).
    remaining: int = 0
    sources: dict[str, int] = field(default_factory=dict)
    failures: list[tuple[str, str]] = field(default_factory=list)

    @property
    def done(self) -> int:
        return self.moved + self.redacted + len(self.failures)

    def progress_line(self) -> str:
        verb = "checked" if self.dry_run else "moved"
        return (
            f"{self.done}/{self.total} documents {verb} to {self.target} "
            f"({_size(self.bytes_moved)}), {len(self.failures)} failed"
        )

    def summary(self) -> str:
        sources = ", ".join(f"{n} from {name}" for name, n in sorted(self.sources.items()))
        if self.dry_run:
            lines = [
                f"Dry run: {self.moved} document(s) would move to {self.target} "
                f"({_size(self.bytes_moved)}{'; ' + sources if sources else ''}); "
                "each one's content was read and matches its SHA-256.",
            ]
        else:
            lines = [
                f"Moved {self.moved} document(s) to {self.target} ({_size(self.bytes_moved)}"
                f"{'; ' + sources if sources else ''}); every copy matched its SHA-256 "
                "before its old copy was deleted.",
            ]
        if self.redacted:
            lines.append(f"{self.redacted} redacted document(s) (no content): row switched.")
        if self.leftovers_deleted:
            lines.append(
                f"{self.leftovers_deleted} old copy(ies) an interrupted run left were deleted."
            )
        lines.append(f"{self.already} document(s) were already in {self.target}.")
        if self.remaining > len(self.failures):
            lines.append(
                f"{self.remaining - len(self.failures)} document(s) uploaded elsewhere during "
                "the run are not in the target yet: run the command again."
            )
        if self.failures:
            lines.append(
                f"{len(self.failures)} document(s) NOT moved (they stay where they are, "
                "readable as before if their content is there):"
            )
            lines.extend(f"  {document_id}: {reason}" for document_id, reason in self.failures)
        return "\n".join(lines)


def _size(n: int) -> str:
    if n < 1024:
        return f"{n} bytes"
    units = ("KiB", "MiB", "GiB")
    value, index = n / 1024, 0
    while value >= 1024 and index < len(units) - 1:
        value, index = value / 1024, index + 1
    return f"{value:.1f} {units[index]}"


class _Mismatch(Exception):
    pass


async def move_documents(
    store: DocumentStore,
    target: str,
    *,
    dry_run: bool = False,
    progress: Callable[[Move], None] = lambda move: None,
) -> Move:
    """Move every document to ``target`` (see the module's notes); returns what was done."""
    into = store.backend(target)
    move = Move(target=target, dry_run=dry_run)
    if not dry_run:
        move.leftovers_deleted = await _delete_leftovers(store)
    move.total = await Document.exclude(storage_backend=target).count()
    move.already = await Document.filter(storage_backend=target).count()
    progress(move)
    after = None
    while True:
        query = Document.exclude(storage_backend=target).order_by("id").limit(_BATCH)
        if after is not None:
            query = query.filter(id__gt=after)
        batch = await query
        if not batch:
            break
        for document in batch:
            after = document.id
            await _move_one(store, into, document, move)
            progress(move)
    if not dry_run:
        move.remaining = await Document.exclude(storage_backend=target).count()
    return move


async def _delete_leftovers(store: DocumentStore) -> int:
    """Old copies of documents a run moved but was interrupted before it deleted them."""
    count = 0
    for document in await Document.filter(storage_moved_from__isnull=False):
        assert document.storage_moved_from is not None
        await store.backend(document.storage_moved_from).delete(document.storage_key)
        await Document.filter(id=document.id).update(storage_moved_from=None)
        count += 1
    return count


async def _move_one(store: DocumentStore, into: Storage, document: Document, move: Move) -> None:
    source_name = document.storage_backend
    try:
        source = store.backend(source_name)
        if document.redacted_at is not None:
            if not move.dry_run:
                await _switch(document, into, source)
            move.redacted += 1
            return
        with tempfile.SpooledTemporaryFile(max_size=_SPOOL_BYTES) as spooled:
            spool = cast(BinaryIO, spooled)
            await _copy_checked(source, document, spool)
            if not move.dry_run:
                await _write_checked(into, document, spool)
                await _switch(document, into, source)
    except (StorageError, _Mismatch) as exc:
        move.failures.append((str(document.id), str(exc)))
        return
    move.moved += 1
    move.bytes_moved += document.size
    move.sources[source_name] = move.sources.get(source_name, 0) + 1


async def _copy_checked(source: Storage, document: Document, out: BinaryIO) -> None:
    digest = hashlib.sha256()
    async for chunk in source.read(document.storage_key):
        digest.update(chunk)
        out.write(chunk)
    if digest.hexdigest() != document.sha256 or out.tell() != document.size:
        raise _Mismatch(
            f"its content in {source.name} does not match its SHA-256: not copied; "
            "restore it from a backup, then run the move again"
        )


async def _write_checked(into: Storage, document: Document, spool: BinaryIO) -> None:
    key = document.storage_key
    # A copy an interrupted run made (or half-made) is replaced, never trusted.
    await into.delete(key)
    if into.in_database:
        async with in_transaction():
            await into.save(key, spool)
    else:
        await into.save(key, spool)
    digest = hashlib.sha256()
    size = 0
    async for chunk in into.read(key):
        digest.update(chunk)
        size += len(chunk)
    if digest.hexdigest() != document.sha256 or size != document.size:
        await into.delete(key)
        raise _Mismatch(
            f"the copy read back from {into.name} does not match its SHA-256: removed, "
            "the document stays where it was"
        )


async def _switch(document: Document, into: Storage, source: Storage) -> None:
    async with in_transaction():
        switched = await Document.filter(id=document.id, storage_backend=source.name).update(
            storage_backend=into.name, storage_moved_from=source.name
        )
    if not switched:
        raise _Mismatch("its row changed meanwhile (another run?): left as it is now")
    await source.delete(document.storage_key)
    await Document.filter(id=document.id).update(storage_moved_from=None)
