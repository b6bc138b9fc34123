"""`portal documents migrate`: a populated store moved between every pair of backends (local,
database, s3 on moto's server), every version of every document, with every SHA-256 matching
after each move and nothing left behind where it was; an interrupted move finished by the next
run; altered content refused, not copied."""

from __future__ import annotations

import hashlib
import io
from collections.abc import Callable
from pathlib import Path

import pytest

from portal.casefiles import services
from portal.casefiles.models import Document, DocumentChunk
from portal.casefiles.relocation import Move, move_documents
from portal.casefiles.storage import (
    DATABASE,
    LOCAL,
    S3,
    DatabaseStorage,
    DocumentStore,
    LocalStorage,
    S3Storage,
    storage_of,
)
from portal.settings import Settings
from portal.timeline.models import Visibility
from tests import samples
from tests.factories import Factory, actor_for, quick_world
from tests.process_support import portal, portal_env
from tests.s3_support import PART_BYTES, config, new_bucket, object_keys

# Several database chunks and, on S3, several parts.
LONG_TEXT = ("Account statement, line after line: ümlauts, 中文.\n" * 120_000).encode()
assert len(LONG_TEXT) > PART_BYTES


@pytest.fixture
async def stores(tmp_path: Path, s3_endpoint: str) -> dict[str, DocumentStore]:
    """The three backends, each store writing to one of them (reads follow the rows)."""
    s3 = S3Storage(config(s3_endpoint, await new_bucket(s3_endpoint)))
    backends = {
        LOCAL: LocalStorage(tmp_path / "documents"),
        DATABASE: DatabaseStorage(),
        S3: s3,
    }
    return {name: DocumentStore(backends, name) for name in backends}


async def _populate(factory: Factory, settings: Settings, stores: dict[str, DocumentStore]) -> None:
    """Two cases with documents in every backend, one of them in three versions: 9 rows."""
    w = await quick_world(factory)
    actor = await actor_for(w.complainant)
    files = [
        ("claim.pdf", samples.PDF, LOCAL),
        ("photo.png", samples.PNG, DATABASE),
        ("statement.txt", LONG_TEXT, S3),
        ("ledger.csv", samples.CSV, DATABASE),
        ("notes.txt", samples.TEXT, LOCAL),
    ]
    for files_of_case in (files, files[1::2]):
        case = await w.new_case()
        for name, content, backend in files_of_case:
            await services.upload_document(
                stores[backend],
                actor,
                case.id,
                services.IncomingFile(name, io.BytesIO(content)),
                Visibility.ALL_PARTIES,
                max_bytes=settings.document_max_bytes,
            )
    first = await Document.filter(filename="claim.pdf").order_by("created_at").first()
    assert first is not None
    for backend, text in ((S3, b"second"), (DATABASE, b"third")):
        first = await services.supersede_document(
            stores[backend],
            actor,
            first.id,
            services.IncomingFile("claim.txt", io.BytesIO(b"Version " + text + b" of the claim")),
            max_bytes=settings.document_max_bytes,
        )


def _recorder(lines: list[str]) -> Callable[[Move], None]:
    return lambda move: lines.append(move.progress_line())


async def _contents(store: DocumentStore) -> dict[str, str]:
    """Every document's SHA-256 as read back (and checked) from where its row says."""
    found = {}
    for document in await Document.all():
        digest = hashlib.sha256()
        async for chunk in store.read_document(document):
            digest.update(chunk)
        assert digest.hexdigest() == document.sha256, document.filename
        found[str(document.id)] = digest.hexdigest()
    return found


async def _left_in(name: str, store: DocumentStore, root: Path) -> int:
    """How many documents' content a backend holds."""
    if name == LOCAL:
        return len([p for p in (root / "documents").rglob("*") if p.is_file()])
    if name == DATABASE:
        return len(await DocumentChunk.all().distinct().values_list("storage_key", flat=True))
    s3 = store.backend(S3)
    assert isinstance(s3, S3Storage)
    return len(await object_keys(s3))


async def test_a_populated_store_moves_between_every_pair_of_backends(
    factory: Factory, settings: Settings, stores: dict[str, DocumentStore], tmp_path: Path
) -> None:
    await _populate(factory, settings, stores)
    store = stores[LOCAL]
    documents = await Document.all().count()
    before = await _contents(store)
    assert {d.storage_backend for d in await Document.all()} == {LOCAL, DATABASE, S3}
    assert documents == 9

    # From the mixed store to local, then through every ordered pair:
    # local>database>s3>local>s3>database>local.
    for target in (LOCAL, DATABASE, S3, LOCAL, S3, DATABASE, LOCAL):
        lines: list[str] = []
        move = await move_documents(store, target, progress=_recorder(lines))

        assert move.failures == [], target
        assert await Document.exclude(storage_backend=target).count() == 0
        assert await Document.filter(storage_moved_from__isnull=False).count() == 0
        assert await _contents(store) == before, target
        for other in (LOCAL, DATABASE, S3):
            held = await _left_in(other, store, tmp_path)
            assert held == (documents if other == target else 0), (target, other)
        assert lines[-1] == move.progress_line()
        assert lines[-1].startswith(f"{move.total}/{move.total} documents moved to {target}")

    again = await move_documents(store, LOCAL)
    assert (again.moved, again.already) == (0, documents)


async def test_a_dry_run_reads_and_checks_everything_and_moves_nothing(
    factory: Factory, settings: Settings, stores: dict[str, DocumentStore]
) -> None:
    await _populate(factory, settings, stores)
    store = stores[LOCAL]
    rows = {d.id: d.storage_backend for d in await Document.all()}

    move = await move_documents(store, S3, dry_run=True)

    assert {d.id: d.storage_backend for d in await Document.all()} == rows
    assert move.moved == sum(1 for b in rows.values() if b != S3)
    assert move.summary().startswith(f"Dry run: {move.moved} document(s) would move to s3")


async def test_an_interrupted_move_is_finished_by_the_next_run(
    factory: Factory, settings: Settings, stores: dict[str, DocumentStore], tmp_path: Path
) -> None:
    await _populate(factory, settings, stores)
    store = stores[LOCAL]
    database, local = store.backend(DATABASE), store.backend(LOCAL)
    on_local = await Document.filter(storage_backend=LOCAL).order_by("id")
    # Cut off half-way through a copy: a short copy in the target, the row not yet switched.
    await database.save(on_local[0].storage_key, io.BytesIO(b"%PDF-1.4\n"))
    # Cut off after the switch, before the old copy was deleted.
    copied = on_local[1]
    async for chunk in local.read(copied.storage_key):
        await DocumentChunk.create(storage_key=copied.storage_key, seq=0, data=chunk)
        assert copied.size == len(chunk)
    await Document.filter(id=copied.id).update(storage_backend=DATABASE, storage_moved_from=LOCAL)
    before = {str(d.id): d.sha256 for d in await Document.all()}

    move = await move_documents(store, DATABASE)

    assert move.failures == []
    assert move.leftovers_deleted == 1
    assert await _contents(store) == before
    assert await _left_in(LOCAL, store, tmp_path) == 0
    assert await Document.filter(storage_moved_from__isnull=False).count() == 0


async def test_altered_content_is_not_copied_and_stays_where_it_is(
    factory: Factory, settings: Settings, stores: dict[str, DocumentStore], tmp_path: Path
) -> None:
    await _populate(factory, settings, stores)
    store = stores[LOCAL]
    victim = await Document.filter(storage_backend=LOCAL).order_by("id").first()
    assert victim is not None
    local = store.backend(LOCAL)
    assert isinstance(local, LocalStorage)
    path = local.path(victim.storage_key)
    path.write_bytes(path.read_bytes()[:-1] + b"!")

    move = await move_documents(store, S3)

    assert [document_id for document_id, _ in move.failures] == [str(victim.id)]
    assert move.remaining == 1
    assert "uploaded elsewhere" not in move.summary()
    assert "does not match its SHA-256" in move.failures[0][1]
    assert "NOT moved" in move.summary()
    assert (await Document.get(id=victim.id)).storage_backend == LOCAL
    assert path.exists()
    assert await Document.exclude(storage_backend=S3).count() == 1


async def test_the_command_moves_with_a_progress_line_and_a_summary(
    factory: Factory, settings: Settings
) -> None:
    w = await quick_world(factory)
    case = await w.new_case()
    actor = await actor_for(w.complainant)
    store = storage_of(settings)  # the tests' data folder, `local`
    for name, content in (("claim.pdf", samples.PDF), ("photo.png", samples.PNG)):
        await services.upload_document(
            store,
            actor,
            case.id,
            services.IncomingFile(name, io.BytesIO(content)),
            Visibility.ALL_PARTIES,
            max_bytes=settings.document_max_bytes,
        )
    env = portal_env(settings)

    dry = portal(env, "documents", "migrate", "--to", "database", "--dry-run")
    moved = portal(env, "documents", "migrate", "--to", "database")
    unknown = portal(env, "documents", "migrate", "--to", "tape")
    no_bucket = portal(env, "documents", "migrate", "--to", "s3")

    assert dry.returncode == 0, dry.stderr
    assert "2/2 documents checked to database" in dry.stdout
    assert "Dry run: 2 document(s) would move to database" in dry.stdout
    assert moved.returncode == 0, moved.stderr
    assert "2/2 documents moved to database" in moved.stdout
    assert "Moved 2 document(s) to database" in moved.stdout
    assert "note: PORTAL_DOCUMENT_STORAGE is `local`" in moved.stdout
    assert await Document.filter(storage_backend=DATABASE).count() == 2
    assert await _contents(store) == {str(d.id): d.sha256 for d in await Document.all()}
    assert unknown.returncode == 2
    assert "invalid choice: 'tape'" in unknown.stderr
    assert no_bucket.returncode == 2
    assert "error: the `s3` backend needs PORTAL_S3_BUCKET" in no_bucket.stderr
