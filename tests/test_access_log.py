"""The access log: one line per request, with its id, status and duration (issue 17: made
without the caller look-up that neither log format shows)."""

from __future__ import annotations

import logging

import httpx
import orjson
import pytest

from portal.logs import JsonFormatter


async def test_one_json_line_per_request_with_its_id_status_and_duration(
    client: httpx.AsyncClient, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.INFO, logger="portal.http")
    response = await client.get("/healthz", headers={"X-Request-ID": "access-log-0001"})
    assert response.status_code == 200

    (record,) = [r for r in caplog.records if r.name == "portal.http"]
    assert record.getMessage() == "GET /healthz 200"
    line = orjson.loads(JsonFormatter().format(record))
    assert line.pop("time")
    assert isinstance(line.pop("duration_ms"), float)
    assert line == {
        "level": "info",
        "logger": "portal.http",
        "message": "GET /healthz 200",
        "request_id": "access-log-0001",
        "status": 200,
    }


async def test_no_line_when_the_level_is_above_info(
    client: httpx.AsyncClient, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.WARNING, logger="portal.http")
    await client.get("/healthz")
    assert [r for r in caplog.records if r.name == "portal.http"] == []
