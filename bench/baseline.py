"""The hand-written SQL baseline: one statement per request builds the whole JSON response.

    python -m bench.baseline --port 8100 [--url postgres://postgres@127.0.0.1:5432/parley_bench]

A tiny Starlette app on an asyncpg pool, served by uvicorn like the portal, so the load runner
measures both the same way. Its responses have the shape of the GraphQL responses to the
queries in `bench.load` (same fields, enum names in upper case, global IDs, ISO instants), so
the portal and the baseline produce comparable bytes and can be compared field by field.

    POST /org-cases  {"organisation": "<uuid>"}            the organisation's 50 newest cases
    POST /case-page  {"case": "<uuid>", "user": "<uuid>"}  one case as its complainant sees it

Access is part of the statement (the organisation's cases; the case only if the user takes
part in it; the complainant's side sees all-party and complainant-caucus events), but there is
no token to check: this is the floor the performance budget measures the portal against.
"""

from __future__ import annotations

import argparse
import sys
import uuid
from collections.abc import AsyncIterator, Sequence
from contextlib import asynccontextmanager

import asyncpg
import orjson
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from bench.common import DEFAULT_URL, asyncpg_dsn

# The GraphQL type name inside global IDs: base64url("DisputeCase:<uuid>") without padding, as
# portal.api.node.to_global_id makes them.
CASE_TYPE = "DisputeCase"
# `timeline(first: 50)` pages the timeline oldest first (portal.api.cases.timeline); with 50
# events per case the latest 50 are the same events. "DESC" gives the latest 50 instead.
TIMELINE_ORDER = "ASC"


def global_id_sql(type_name: str, column: str) -> str:
    # encode(..., 'base64') wraps lines at 76 characters: drop the newlines too.
    raw = f"convert_to('{type_name}:' || {column}::text, 'UTF8')"
    return f"rtrim(translate(encode({raw}, 'base64'), E'+/\\n', '-_'), '=')"


# (a) The organisation's case list: its 50 newest cases with the complainant and the clocks,
# keyset order (created_at, id), one row more to tell whether there is a next page.
ORG_CASES_SQL = f"""
WITH page AS (
    SELECT c.id, c.reference, c.subject, c.stage, c.method, c.created_at, c.complainant_id
    FROM dispute_case c
    WHERE c.organisation_id = $1
    ORDER BY c.created_at DESC, c.id DESC
    LIMIT 51
), shown AS (
    SELECT * FROM page ORDER BY created_at DESC, id DESC LIMIT 50
)
SELECT json_build_object('data', json_build_object('cases', json_build_object(
    'edges', coalesce((
        SELECT json_agg(json_build_object('node', json_build_object(
            'id', {global_id_sql(CASE_TYPE, "p.id")},
            'reference', p.reference,
            'subject', p.subject,
            'stage', upper(p.stage),
            'method', upper(p.method),
            'createdAt', p.created_at,
            'complainant', json_build_object('displayName', u.display_name),
            'clocks', coalesce((
                SELECT json_agg(json_build_object(
                    'kind', upper(k.kind), 'dueAt', k.due_at, 'status', upper(k.status)
                ) ORDER BY k.started_at, k.id)
                FROM clock k WHERE k.case_id = p.id
            ), '[]')
        )) ORDER BY p.created_at DESC, p.id DESC)
        FROM shown p JOIN user_account u ON u.id = p.complainant_id
    ), '[]'),
    'pageInfo', json_build_object(
        'hasNextPage', (SELECT count(*) > 50 FROM page),
        'endCursor', (
            SELECT translate(encode(convert_to(s.created_at::text || '|' || s.id::text, 'UTF8'),
                                    'base64'), E'+/\\n', '-_')
            FROM shown s ORDER BY s.created_at, s.id LIMIT 1
        )
    )
)))::text
"""  # noqa: S608 (only fixed constants are interpolated)

# (b) The consumer's case page: the case, its complainant, clocks and 50 events the
# complainant's side may see (policy.READABLE_SCOPES); nothing unless the user takes part.
CASE_PAGE_SQL = f"""
SELECT json_build_object('data', json_build_object('case', (
    SELECT json_build_object(
        'id', {global_id_sql(CASE_TYPE, "c.id")},
        'reference', c.reference,
        'subject', c.subject,
        'stage', upper(c.stage),
        'method', upper(c.method),
        'complainant', json_build_object('displayName', u.display_name),
        'clocks', coalesce((
            SELECT json_agg(json_build_object(
                'kind', upper(k.kind), 'dueAt', k.due_at, 'status', upper(k.status),
                'responsible', upper(k.responsible)
            ) ORDER BY k.started_at, k.id)
            FROM clock k WHERE k.case_id = c.id
        ), '[]'),
        'timeline', json_build_object('edges', coalesce((
            SELECT json_agg(json_build_object('node', json_build_object(
                'sequence', e.sequence,
                'kind', e.kind,
                'occurredAt', e.occurred_at,
                'visibility', upper(e.visibility)
            )) ORDER BY e.sequence {TIMELINE_ORDER})
            FROM (
                SELECT sequence, kind, occurred_at, visibility FROM timeline_event
                WHERE case_id = c.id AND visibility IN ('all_parties', 'caucus_complainant')
                ORDER BY sequence {TIMELINE_ORDER}
                LIMIT 50
            ) e
        ), '[]'))
    )
    FROM dispute_case c JOIN user_account u ON u.id = c.complainant_id
    WHERE c.id = $1
      AND EXISTS (SELECT 1 FROM case_participant p WHERE p.case_id = c.id AND p.user_id = $2)
)))::text
"""  # noqa: S608 (only fixed constants are interpolated)

JSON = "application/json"


def _bad_request(message: str) -> Response:
    body = orjson.dumps({"errors": [{"message": message, "extensions": {"code": "BAD_REQUEST"}}]})
    return Response(body, status_code=400, media_type=JSON)


async def _uuids(request: Request, *names: str) -> list[uuid.UUID] | Response:
    try:
        body = orjson.loads(await request.body())
        return [uuid.UUID(body[name]) for name in names]
    except (orjson.JSONDecodeError, KeyError, TypeError, ValueError):
        return _bad_request(f"send a JSON object with {', '.join(names)} (UUIDs)")


def create_app(url: str, pool_size: int) -> Starlette:
    pool: asyncpg.Pool | None = None

    @asynccontextmanager
    async def lifespan(app: Starlette) -> AsyncIterator[None]:
        nonlocal pool
        pool = await asyncpg.create_pool(
            asyncpg_dsn(url),
            min_size=pool_size,
            max_size=pool_size,
            server_settings={"timezone": "UTC", "application_name": "parley-bench-baseline"},
        )
        try:
            yield
        finally:
            await pool.close()

    async def org_cases(request: Request) -> Response:
        ids = await _uuids(request, "organisation")
        if isinstance(ids, Response):
            return ids
        assert pool is not None
        return Response(await pool.fetchval(ORG_CASES_SQL, *ids), media_type=JSON)

    async def case_page(request: Request) -> Response:
        ids = await _uuids(request, "case", "user")
        if isinstance(ids, Response):
            return ids
        assert pool is not None
        return Response(await pool.fetchval(CASE_PAGE_SQL, *ids), media_type=JSON)

    async def healthz(request: Request) -> Response:
        assert pool is not None
        await pool.fetchval("SELECT 1")
        return Response(b'{"status":"ok"}', media_type=JSON)

    return Starlette(
        routes=[
            Route("/org-cases", org_cases, methods=["POST"]),
            Route("/case-page", case_page, methods=["POST"]),
            Route("/healthz", healthz, methods=["GET"]),
        ],
        lifespan=lifespan,
    )


def main(argv: Sequence[str] | None = None) -> int:
    import uvicorn

    parser = argparse.ArgumentParser(prog="python -m bench.baseline", description=__doc__)
    parser.add_argument("--url", default=DEFAULT_URL)
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=8100)
    parser.add_argument("--pool", type=int, default=10, help="database connections")
    args = parser.parse_args(argv)
    uvicorn.run(
        create_app(args.url, args.pool),
        host=args.host,
        port=args.port,
        log_level="warning",
        access_log=False,
        server_header=False,
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
