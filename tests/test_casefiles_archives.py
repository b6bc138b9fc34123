"""Issue 13 F11: a DOCX that inflates to 200 MB, and documents with an archive inside, were
stored and passed to the other party. Zip-based uploads (DOCX, XLSX, ODT) are now bounded by
their central directory (unpacked total, compression ratio, entry count), inflated once to
check what they really hold, and refused with a code when they hold an archive; nothing is
stored. The bombs are built in memory: 200 MB of zeros deflate to about 200 KB."""

from __future__ import annotations

import dataclasses
import io
import os
import zipfile
from collections.abc import AsyncIterator, Callable

import httpx
import pytest
from starlette.applications import Starlette

from portal.app import create_app
from portal.casefiles.sniffing import MAX_ENTRIES
from portal.settings import Settings
from tests import samples
from tests.casefile_support import case_file_state, upload, uploaded
from tests.factories import Factory, quick_world
from tests.test_api_support import case_id, token_for

DOCX_TYPES = (
    b'<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/'
    b'content-types"><Override PartName="/word/document.xml" ContentType="application/'
    b'vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>'
)


def docx(*extra: tuple[str, bytes], method: int = zipfile.ZIP_DEFLATED) -> bytes:
    """A minimal Word document with ``extra`` parts."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", method) as archive:
        archive.writestr("[Content_Types].xml", DOCX_TYPES)
        archive.writestr("word/document.xml", b"<w:document/>")
        archive.writestr("_rels/.rels", b"<r/>")
        for name, data in extra:
            archive.writestr(name, data)
    return out.getvalue()


def zeros(size: int) -> bytes:
    return bytes(size)


def with_declared_size(content: bytes, name: str, declared: int) -> bytes:
    """``content`` with the central directory and the local header lying about the size of
    ``name`` (so that it passes the declared checks) while its data inflates to the truth."""
    data = bytearray(content)
    archive = zipfile.ZipFile(io.BytesIO(content))
    entry = archive.getinfo(name)
    local = entry.header_offset
    data[local + 22 : local + 26] = declared.to_bytes(4, "little")
    central = content.index(b"PK\x01\x02")
    while True:  # the central directory record of `name`
        length = int.from_bytes(data[central + 28 : central + 30], "little")
        if bytes(data[central + 46 : central + 46 + length]) == name.encode():
            break
        central = content.index(b"PK\x01\x02", central + 4)
    data[central + 24 : central + 28] = declared.to_bytes(4, "little")
    return bytes(data)


@pytest.fixture
async def capped_client(settings: Settings, db: str) -> AsyncIterator[httpx.AsyncClient]:
    """The app with documents unpacking to at most 1 MiB."""
    capped = create_app(
        dataclasses.replace(settings, document_max_unpacked_bytes=1 << 20), manage_orm=False
    )
    transport = httpx.ASGITransport(app=capped)
    async with httpx.AsyncClient(transport=transport, base_url="http://testserver") as c:
        c.app = capped  # type: ignore[attr-defined]
        yield c


MB = 1024 * 1024


@pytest.mark.parametrize(
    ("name", "build", "code"),
    [
        (
            "bomb.docx",
            lambda: docx(("word/media/padding.xml", zeros(200 * MB))),
            "ARCHIVE_TOO_LARGE",
        ),
        # Under the total cap, but a thousand to one.
        ("ratio.docx", lambda: docx(("word/media/x.xml", zeros(8 * MB))), "ARCHIVE_TOO_LARGE"),
        (
            "parts.docx",
            lambda: docx(
                *((f"word/p{i}.xml", b"") for i in range(MAX_ENTRIES)), method=zipfile.ZIP_STORED
            ),
            "ARCHIVE_TOO_LARGE",
        ),
        ("nested.docx", lambda: docx(("word/embeddings/data.zip", samples.DOCX)), "NESTED_ARCHIVE"),
        # An archive under an innocent name is found by its first bytes.
        ("hidden.docx", lambda: docx(("word/media/image1.png", samples.DOCX)), "NESTED_ARCHIVE"),
        # A picture that is also an archive: zip readers find one by its end, whatever the
        # first bytes say (found by the review of issue 13).
        (
            "polyglot.docx",
            lambda: docx(("word/media/image1.png", samples.PNG + samples.DOCX)),
            "NESTED_ARCHIVE",
        ),
        (
            "gzip.docx",
            lambda: docx(("word/media/a.bin", b"\x1f\x8b\x08\x00rest")),
            "NESTED_ARCHIVE",
        ),
        # The directory says 1 KB; the data inflates to 150 MB: inflating stops at the declared
        # size and the checksum no longer holds.
        (
            "liar.docx",
            lambda: with_declared_size(
                docx(("word/big.xml", zeros(150 * MB))), "word/big.xml", 1024
            ),
            "UNSUPPORTED_TYPE",
        ),
    ],
    ids=[
        "200MB",
        "ratio",
        "entries",
        "nested-name",
        "nested-content",
        "zip-behind-a-picture",
        "gzip",
        "lying-size",
    ],
)
async def test_a_bomb_or_a_nested_archive_is_refused_and_nothing_is_stored(
    client: httpx.AsyncClient,
    app: Starlette,
    factory: Factory,
    settings: Settings,
    name: str,
    build: Callable[[], bytes],
    code: str,
) -> None:
    content = build()
    w = await quick_world(factory)
    case = await w.new_case()
    token = await token_for(app, w.complainant)
    before = await case_file_state(case, settings)

    payload = await upload(client, token, case_id(case), name, content)

    assert payload["document"] is None
    assert [(e["code"], e["field"]) for e in payload["userErrors"]] == [(code, ["input", "file"])]
    assert await case_file_state(case, settings) == before
    assert len(content) < settings.document_max_bytes


async def test_the_unpacked_total_is_the_setting(
    capped_client: httpx.AsyncClient, factory: Factory, settings: Settings
) -> None:
    w = await quick_world(factory)
    case = await w.new_case()
    token = await token_for(capped_client.app, w.complainant)  # type: ignore[attr-defined]
    random = os.urandom(600 * 1024)  # does not compress: only the total can refuse it

    over = await upload(
        capped_client, token, case_id(case), "over.docx", docx(("a.bin", random), ("b.bin", random))
    )
    under = await upload(capped_client, token, case_id(case), "under.docx", docx(("a.bin", random)))

    assert over["userErrors"] == [
        {
            "field": ["input", "file"],
            "code": "ARCHIVE_TOO_LARGE",
            "message": "The document unpacks too large: more than 1 MB in all.",
        }
    ]
    assert under["userErrors"] == []


async def test_ordinary_office_documents_still_upload(
    client: httpx.AsyncClient, app: Starlette, factory: Factory
) -> None:
    w = await quick_world(factory)
    case = await w.new_case()
    token = await token_for(app, w.complainant)
    # Real XML compresses well, though not a hundredfold: 2 MB of table rows.
    rows = b"".join(b"<row><c>%d</c><c>Refund of 120 EUR</c></row>" % i for i in range(45_000))

    names = []
    for name, content in [
        ("letter.docx", samples.DOCX),
        ("table.xlsx", samples.XLSX),
        ("big.docx", docx(("word/table.xml", rows), ("word/media/p.png", samples.PNG))),
    ]:
        names.append((await uploaded(client, token, case_id(case), name, content))["filename"])

    assert names == ["letter.docx", "table.xlsx", "big.docx"]
