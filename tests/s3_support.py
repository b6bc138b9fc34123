"""A real S3-compatible server for the `s3` storage tests: moto's standalone server (PyPI
`moto[server]`), started once per test session as a process of its own on a free port. Each
test gets a bucket of its own, so nothing one test stores is seen by another."""

from __future__ import annotations

import contextlib
import subprocess
import sys
import uuid
from collections.abc import Iterator
from pathlib import Path

from portal.casefiles.storage import S3Config, S3Storage
from tests.live_support import free_port
from tests.process_support import answers, stop, wait_until

ACCESS_KEY = "parley-tests"
SECRET_KEY = "parley-tests-secret-key"
REGION = "eu-west-1"
# S3's own floor for a part (but the last): the tests upload files of several parts.
PART_BYTES = 5 << 20


@contextlib.contextmanager
def moto_server(log: Path) -> Iterator[str]:
    """The server's endpoint URL while it runs."""
    port = free_port()
    with log.open("ab") as out:
        process = subprocess.Popen(
            [sys.executable, "-m", "moto.server", "-H", "127.0.0.1", "-p", str(port)],
            stdout=out,
            stderr=subprocess.STDOUT,
        )
    url = f"http://127.0.0.1:{port}"
    try:
        wait_until(answers(f"{url}/moto-api/", 500), process, "moto's server not started", log)
        yield url
    finally:
        stop(process)


def config(endpoint: str, bucket: str, **changes: object) -> S3Config:
    values: dict[str, object] = {
        "bucket": bucket,
        "region": REGION,
        "endpoint_url": endpoint,
        "prefix": "documents/",
        "access_key_id": ACCESS_KEY,
        "secret_access_key": SECRET_KEY,
        "path_style": True,
        "part_bytes": PART_BYTES,
    }
    return S3Config(**(values | changes))  # type: ignore[arg-type]


async def new_bucket(endpoint: str) -> str:
    """A bucket of its own for one test."""
    name = f"parley-{uuid.uuid4().hex[:16]}"
    storage = S3Storage(config(endpoint, name))
    async with storage._client() as client:
        await client.create_bucket(
            Bucket=name, CreateBucketConfiguration={"LocationConstraint": REGION}
        )
    return name


async def object_keys(storage: S3Storage) -> list[str]:
    """Every key under the storage's prefix."""
    keys: list[str] = []
    async with storage._client() as client:
        pages = client.get_paginator("list_objects_v2").paginate(
            Bucket=storage.config.bucket, Prefix=storage.config.prefix
        )
        async for page in pages:
            keys.extend(item["Key"] for item in page.get("Contents", []))
    return sorted(keys)
