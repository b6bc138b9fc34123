"""The hand-written baseline: one SQL statement per request builds the whole JSON response.

    python -m bench.baseline --port 8100 --keys bench/.data/portal --issuer http://127.0.0.1:8000
        [--url postgres://postgres@127.0.0.1:5432/parley_bench]

A small Starlette app on an asyncpg pool, served by uvicorn like the portal, answering the web
portal's documents (graphql/operations/) as the best hand-written SQL would, so the load runner
measures both the same way:

    POST /cases          {"first": 50}        Cases: the organisation's newest cases
    POST /case-page      {"id": "<global id>"} CasePage
    POST /case-timeline  {"id": ..., "first": 50} CaseTimeline
    POST /case-file      {"id": ...}           CaseFile

It checks the session like the portal (issue 17: the first baseline trusted an organisation id
from the body and checked no token): the bearer token the portal issued is verified with the
portal's keys (`--keys`, its data folder), with the same cache of verified tokens
(`portal.auth.tokens.VerifiedTokens`), and the statement itself requires the token's live
session and active user, takes the organisations from the viewer's memberships and a case only
when the viewer takes part in it. No session: 401.

Its answers have the shape of the GraphQL responses (global IDs, upper-case enum names, ISO
instants), so they can be compared field by field, except for what the portal computes in
Python from its tables and the baseline does not restate (`NOT_COMPUTED`): the transition
table's actions and duties, the clock obligations, the method's family, the timeline's chain
check and the survey link. The baseline is lighter by those: a floor, not an equal.
"""

from __future__ import annotations

import argparse
import sys
import uuid
from collections.abc import AsyncIterator, Sequence
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

import asyncpg
import orjson
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from bench.common import DEFAULT_URL, asyncpg_dsn
from portal.auth.keys import load_keyset
from portal.auth.tokens import InvalidToken, TokenIssuer, TokenKind, VerifiedTokens
from portal.ids import decode_id
from portal.settings import load_settings

# What the portal computes in Python and this baseline leaves out of its answers; the load
# runner drops these keys from both answers before comparing them.
NOT_COMPUTED = frozenset(
    {
        "availableActions",
        "irreversibleActions",
        "viewerDuties",
        "viewerRights",
        "overdue",
        "nextDue",
        "whoMustAct",
        "obligation",
        "methodFamily",
        "binding",
        "surveyUrl",
        "verifyTimeline",
        "bindingMethodsOffered",
        "texts",
    }
)
ORGANISATION_ROLES = ("org_agent", "org_manager")
# policy.READABLE_SCOPES of the two roles the bench reads as.
ORGANISATION_SCOPES = ("all_parties", "caucus_organisation", "organisation_internal")
PARTY_SCOPES = ("all_parties", "caucus_complainant")


def gid(type_name: str, column: str) -> str:
    """portal.ids.global_id in SQL: base64url("<Type>:<uuid>") without padding. encode()
    wraps lines at 76 characters: drop the newlines too."""
    raw = f"convert_to('{type_name}:' || {column}::text, 'UTF8')"
    return f"rtrim(translate(encode({raw}, 'base64'), E'+/\\n', '-_'), '=')"


def nullable_gid(type_name: str, column: str) -> str:
    return f"CASE WHEN {column} IS NULL THEN NULL ELSE {gid(type_name, column)} END"


def scopes_sql(scopes: Sequence[str]) -> str:
    return "(" + ", ".join(f"'{s}'" for s in scopes) + ")"


# The viewer: the token's user, active, with the token's session live. $1 user, $2 session.
VIEWER = """
viewer AS (
    SELECT u.id FROM auth_session s JOIN user_account u ON u.id = s.user_id
    WHERE s.id = $2 AND u.id = $1 AND u.is_active
      AND s.revoked_at IS NULL AND s.expires_at > now()
)"""


def clocks_sql(case: str) -> str:
    return f"""coalesce((
        SELECT json_agg(json_build_object(
            'kind', upper(k.kind), 'responsible', upper(k.responsible),
            'calendar', upper(k.calendar), 'days', k.days, 'startedAt', k.started_at,
            'dueAt', k.due_at, 'status', upper(k.status), 'endedAt', k.ended_at,
            'extensions', k.extensions,
            'paused', k.status = 'running' AND k.paused_at IS NOT NULL,
            'pausedSince', CASE WHEN k.status = 'running' THEN k.paused_at END,
            'pausedFor', CASE WHEN k.status = 'running' THEN upper(k.paused_for) END
        ) ORDER BY k.started_at, k.id)
        FROM clock k WHERE k.case_id = {case}.id
    ), '[]')"""  # noqa: S608 (only fixed constants are interpolated)


def summary_sql(case: str, roles: str, scopes: Sequence[str]) -> str:
    """CaseSummary of the web portal, less NOT_COMPUTED; ``roles``: viewerRoles as SQL."""
    return f"""json_build_object(
        'id', {gid("DisputeCase", f"{case}.id")},
        'reference', {case}.reference,
        'subject', {case}.subject,
        'stage', upper({case}.stage),
        'method', upper({case}.method),
        'createdAt', {case}.created_at,
        'stageChangedAt', {case}.stage_changed_at,
        'viewerRoles', {roles},
        'unreadMessageCount', (
            SELECT count(*) FROM message m
            WHERE m.case_id = {case}.id AND m.visibility IN {scopes_sql(scopes)}
              AND m.author_id <> $1
              AND NOT EXISTS (
                  SELECT 1 FROM message_read r WHERE r.message_id = m.id AND r.reader_id = $1
              )
        ),
        'organisation', (
            SELECT json_build_object('id', {gid("Organisation", "o.id")}, 'name', o.name)
            FROM organisation o WHERE o.id = {case}.organisation_id
        ),
        'provider', (
            SELECT json_build_object('id', {gid("Provider", "pr.id")}, 'name', pr.name)
            FROM provider pr WHERE pr.id = {case}.provider_id
        ),
        'claimedAmount', CASE WHEN {case}.claimed_amount IS NULL THEN NULL ELSE
            json_build_object('amount', {case}.claimed_amount::text, 'currency', {case}.currency)
        END,
        'clocks', {clocks_sql(case)}
    )::jsonb"""  # noqa: S608 (only fixed constants are interpolated)


ORGANISATION_SUMMARY = summary_sql("p", "json_build_array('ORGANISATION')", ORGANISATION_SCOPES)
# Cases, as an organisation's staff member sees it: $3 first. Correlated subqueries per case,
# never a join of every user (the first baseline's list joined user_account whole).
CASES_SQL = f"""
WITH {VIEWER},
organisations AS (
    SELECT m.organisation_id FROM membership m JOIN viewer v ON v.id = m.user_id
    WHERE m.role IN {scopes_sql(ORGANISATION_ROLES)} AND m.organisation_id IS NOT NULL
),
page AS (
    SELECT c.* FROM organisations o CROSS JOIN LATERAL (
        SELECT * FROM dispute_case c WHERE c.organisation_id = o.organisation_id
        ORDER BY c.created_at DESC, c.id DESC LIMIT $3 + 1
    ) c
    ORDER BY c.created_at DESC, c.id DESC LIMIT $3 + 1
),
shown AS (SELECT * FROM page ORDER BY created_at DESC, id DESC LIMIT $3)
SELECT CASE WHEN EXISTS (SELECT 1 FROM viewer) THEN json_build_object('data', json_build_object(
    'cases', json_build_object(
        'edges', coalesce((
            SELECT json_agg(json_build_object('node', {ORGANISATION_SUMMARY})
                ORDER BY p.created_at DESC, p.id DESC)
            FROM shown p
        ), '[]'),
        'pageInfo', json_build_object(
            'hasNextPage', (SELECT count(*) > $3 FROM page),
            'endCursor', (
                SELECT translate(encode(convert_to(s.created_at::text || '|' || s.id::text,
                                                   'UTF8'), 'base64'), E'+/\\n', '-_')
                FROM shown s ORDER BY s.created_at, s.id LIMIT 1
            )
        )
    )
))::text END
"""  # noqa: S608 (only fixed constants are interpolated)

# The case $3, only when the viewer takes part in it (complainant or representative: the bench
# reads the case pages as a complainant).
PARTY_CASE = """
the_case AS (
    SELECT c.* FROM dispute_case c
    WHERE c.id = $3 AND EXISTS (
        SELECT 1 FROM case_participant p JOIN viewer v ON v.id = p.user_id WHERE p.case_id = c.id
    )
)"""
PARTY_ROLES = """coalesce((
    SELECT json_agg(upper(p.role) ORDER BY p.role) FROM case_participant p
    WHERE p.case_id = c.id AND p.user_id = $1
), '[]')"""


def participant_sql(user: str) -> str:
    return f"json_build_object('displayName', {user}.display_name, 'isViewer', {user}.id = $1)"


CASE_PAGE_SQL = f"""
WITH {VIEWER}, {PARTY_CASE}
SELECT CASE WHEN EXISTS (SELECT 1 FROM viewer) THEN json_build_object('data', json_build_object(
    'case', (
    SELECT {summary_sql("c", PARTY_ROLES, PARTY_SCOPES)} || json_build_object(
        'language', c.language,
        'unresolvedReason', c.unresolved_reason,
        'organisationPosition', c.organisation_position,
        'declineGround', upper(c.decline_ground),
        'declineReasons', c.decline_reasons,
        'implementationEvidence', c.implementation_evidence,
        'implementedAt', c.implemented_at,
        'implementationConfirmedAt', c.implementation_confirmed_at,
        'closureReason', upper(c.closure_reason),
        'closureNote', c.closure_note,
        'closedAt', c.closed_at,
        'timelineHead', json_build_object('sequence', c.last_sequence, 'hash', c.head_hash),
        'complainant', (SELECT {participant_sql("u")} FROM user_account u
                        WHERE u.id = c.complainant_id),
        'representative', (
            SELECT {participant_sql("u")} FROM case_participant p
            JOIN user_account u ON u.id = p.user_id
            WHERE p.case_id = c.id AND p.role = 'representative' LIMIT 1
        ),
        'complaint', (
            SELECT json_build_object('id', {gid("Complaint", "k.id")}, 'reference', k.reference)
            FROM complaint k WHERE k.id = c.complaint_id
        )
    )::jsonb || json_build_object(
        'provider', (
            SELECT json_build_object(
                'id', {gid("Provider", "pr.id")}, 'name', pr.name,
                'profile', (
                    SELECT json_build_object('legalEffect', pp.legal_effect)
                    FROM provider_profile pp WHERE pp.provider_id = pr.id
                )
            )
            FROM provider pr WHERE pr.id = c.provider_id
        ),
        'consents', coalesce((
            SELECT json_agg(json_build_object(
                'method', upper(cn.method),
                'understandsLegalEffect', cn.understands_legal_effect,
                'understandsRightToWithdraw', cn.understands_right_to_withdraw,
                'consentsToBeBound', cn.consents_to_be_bound,
                'givenAt', cn.given_at,
                'givenBy', {participant_sql("u")}
            ) ORDER BY cn.given_at, cn.id)
            FROM consent cn JOIN user_account u ON u.id = cn.given_by_id
            WHERE cn.case_id = c.id
        ), '[]'),
        'neutralAppointment', (
            SELECT json_build_object(
                'status', upper(a.status),
                'appointedAt', a.appointed_at,
                'neutral', json_build_object('displayName', u.display_name),
                'declaration', CASE WHEN a.declared_at IS NULL THEN NULL ELSE json_build_object(
                    'impartial', a.impartial, 'disclosures', a.disclosures,
                    'declaredAt', a.declared_at) END,
                'objections', coalesce((
                    SELECT json_agg(json_build_object(
                        'side', upper(ob.side), 'reasons', ob.reasons, 'raisedAt', ob.raised_at,
                        'upheld', ob.upheld, 'decisionReasons', ob.decision_reasons
                    ) ORDER BY ob.raised_at, ob.id)
                    FROM objection ob WHERE ob.appointment_id = a.id
                ), '[]')
            )
            FROM neutral_appointment a JOIN user_account u ON u.id = a.neutral_id
            WHERE a.case_id = c.id AND a.status <> 'removed'
            ORDER BY a.appointed_at DESC LIMIT 1
        ),
        'offers', coalesce((
            SELECT json_agg(json_build_object(
                'id', {gid("Offer", "f.id")}, 'side', upper(f.side),
                'amount', json_build_object('amount', f.amount::text, 'currency', f.currency),
                'terms', f.terms, 'expiresAt', f.expires_at, 'status', upper(f.status),
                'replyingTo', {nullable_gid("Offer", "f.replying_to_id")},
                'madeAt', f.made_at, 'decidedAt', f.decided_at
            ) ORDER BY f.made_at, f.id)
            FROM offer f WHERE f.case_id = c.id
        ), '[]'),
        'outcome', (
            SELECT json_build_object(
                'kind', upper(o.kind), 'summary', o.summary, 'reasons', o.reasons,
                'amount', CASE WHEN o.amount IS NULL THEN NULL ELSE
                    json_build_object('amount', o.amount::text, 'currency', o.currency) END,
                'issuedAt', o.issued_at,
                'acceptedByComplainantAt', o.accepted_by_complainant_at,
                'acceptedByOrganisationAt', o.accepted_by_organisation_at,
                'rejectedBy', upper(o.rejected_by), 'rejectionReasons', o.rejection_reasons,
                'rejectedAt', o.rejected_at, 'reviewRequestedBy', upper(o.review_requested_by),
                'reviewReasons', o.review_reasons,
                'reviewDecision', nullif(upper(o.review_decision), ''),
                'reviewDecisionReasons', o.review_decision_reasons
            )
            FROM outcome o WHERE o.case_id = c.id AND o.superseded_at IS NULL
            ORDER BY o.issued_at DESC LIMIT 1
        )
    )::jsonb
    FROM the_case c)
))::text END
"""  # noqa: S608 (only fixed constants are interpolated)

# CaseTimeline: $4 first, oldest first (portal.api.cases.timeline), in the viewer's scopes.
CASE_TIMELINE_SQL = f"""
WITH {VIEWER}, {PARTY_CASE},
events AS (
    SELECT e.sequence, e.kind, e.occurred_at, e.actor_role, e.visibility, e.payload, e.hash
    FROM the_case c JOIN timeline_event e ON e.case_id = c.id
    WHERE e.visibility IN {scopes_sql(PARTY_SCOPES)}
    ORDER BY e.sequence LIMIT $4 + 1
),
shown AS (SELECT * FROM events ORDER BY sequence LIMIT $4)
SELECT CASE WHEN EXISTS (SELECT 1 FROM viewer) THEN json_build_object('data', json_build_object(
    'case', (
        SELECT json_build_object(
            'id', {gid("DisputeCase", "c.id")},
            'timelineHead', json_build_object('sequence', c.last_sequence, 'hash', c.head_hash),
            'timeline', json_build_object(
                'edges', coalesce((
                    SELECT json_agg(json_build_object('node', json_build_object(
                        'sequence', e.sequence, 'kind', e.kind, 'occurredAt', e.occurred_at,
                        'actorRole', upper(e.actor_role), 'visibility', upper(e.visibility),
                        'payload', e.payload, 'hash', e.hash
                    )) ORDER BY e.sequence)
                    FROM shown e
                ), '[]'),
                'pageInfo', json_build_object(
                    'hasNextPage', (SELECT count(*) > $4 FROM events),
                    'endCursor', (SELECT max(sequence)::text FROM shown)
                )
            )
        )
        FROM the_case c
    )
))::text END
"""  # noqa: S608 (only fixed constants are interpolated)

# CaseFile: the newest 100 documents (current versions, with their lineage) and messages.
CASE_FILE_SQL = f"""
WITH {VIEWER}, {PARTY_CASE}
SELECT CASE WHEN EXISTS (SELECT 1 FROM viewer) THEN json_build_object('data', json_build_object(
    'case', (
        SELECT json_build_object(
            'id', {gid("DisputeCase", "c.id")},
            'viewerRoles', {PARTY_ROLES},
            'documents', json_build_object('edges', coalesce((
                SELECT json_agg(json_build_object('node', json_build_object(
                    'id', {gid("Document", "d.id")}, 'filename', d.filename,
                    'contentType', d.content_type, 'size', d.size, 'sha256', d.sha256,
                    'visibility', upper(d.visibility), 'version', d.version,
                    'createdAt', d.created_at, 'uploaderRole', upper(d.uploader_role),
                    'versions', (
                        SELECT json_agg(json_build_object(
                            'id', {gid("Document", "v.id")}, 'filename', v.filename,
                            'size', v.size, 'sha256', v.sha256, 'version', v.version,
                            'createdAt', v.created_at, 'supersededAt', v.superseded_at,
                            'uploaderRole', upper(v.uploader_role)
                        ) ORDER BY v.version)
                        FROM document v WHERE v.lineage_id = d.lineage_id
                    )
                )) ORDER BY d.created_at DESC, d.id DESC)
                FROM (
                    SELECT * FROM document
                    WHERE case_id = c.id AND visibility IN {scopes_sql(PARTY_SCOPES)}
                      AND superseded_at IS NULL
                    ORDER BY created_at DESC, id DESC LIMIT 100
                ) d
            ), '[]')),
            'messages', json_build_object('edges', coalesce((
                SELECT json_agg(json_build_object('node', json_build_object(
                    'id', {gid("Message", "m.id")}, 'body', m.body,
                    'visibility', upper(m.visibility), 'authorRole', upper(m.author_role),
                    'createdAt', m.created_at,
                    'replyToId', {nullable_gid("Message", "m.reply_to_id")},
                    'readByViewer', EXISTS (
                        SELECT 1 FROM message_read r WHERE r.message_id = m.id AND r.reader_id = $1
                    ),
                    'author', (SELECT {participant_sql("u")} FROM user_account u
                               WHERE u.id = m.author_id)
                )) ORDER BY m.created_at DESC, m.id DESC)
                FROM (
                    SELECT * FROM message
                    WHERE case_id = c.id AND visibility IN {scopes_sql(PARTY_SCOPES)}
                    ORDER BY created_at DESC, id DESC LIMIT 100
                ) m
            ), '[]'))
        )
        FROM the_case c
    )
))::text END
"""  # noqa: S608 (only fixed constants are interpolated)

JSON = "application/json"


def _error(status: int, code: str, message: str) -> Response:
    body = orjson.dumps({"errors": [{"message": message, "extensions": {"code": code}}]})
    return Response(body, status_code=status, media_type=JSON)


def create_app(url: str, pool_size: int, keys_dir: Path, issuer_url: str) -> Starlette:
    settings = load_settings(data_dir=str(keys_dir), public_url=issuer_url)
    issuer = TokenIssuer(
        keys=load_keyset(settings), issuer=settings.issuer, audience=settings.jwt_audience
    )
    tokens = VerifiedTokens(issuer, TokenKind.ACCESS)
    pool: asyncpg.Pool | None = None

    @asynccontextmanager
    async def lifespan(app: Starlette) -> AsyncIterator[None]:
        nonlocal pool
        pool = await asyncpg.create_pool(
            asyncpg_dsn(url),
            min_size=pool_size,
            max_size=pool_size,
            # As the portal's pool: no reset query after every statement.
            reset=_no_reset,
            server_settings={"timezone": "UTC", "application_name": "parley-bench-baseline"},
        )
        try:
            yield
        finally:
            await pool.close()

    async def answer(request: Request, sql: str, *args: Any) -> Response:
        header = request.headers.get("authorization", "")
        scheme, _, token = header.partition(" ")
        try:
            if scheme.lower() != "bearer":
                raise InvalidToken("no bearer token")
            claims = tokens.verify(token.strip())
            user, session = uuid.UUID(str(claims["sub"])), uuid.UUID(str(claims["sid"]))
        except (InvalidToken, KeyError, ValueError):
            return _error(401, "UNAUTHENTICATED", "The access token is invalid or expired.")
        assert pool is not None
        body = await pool.fetchval(sql, user, session, *args)
        if body is None:  # the statement found no live session
            return _error(401, "UNAUTHENTICATED", "The access token is invalid or expired.")
        return Response(body, media_type=JSON)

    async def arguments(request: Request) -> dict[str, Any]:
        try:
            body = orjson.loads(await request.body())
        except orjson.JSONDecodeError:
            return {}
        return body if isinstance(body, dict) else {}

    def case_id(given: dict[str, Any]) -> uuid.UUID | None:
        value = given.get("id")
        return decode_id(value, "DisputeCase") if isinstance(value, str) else None

    async def cases(request: Request) -> Response:
        given = await arguments(request)
        first = given.get("first", 50)
        if not isinstance(first, int) or not 0 <= first <= 100:
            return _error(400, "BAD_REQUEST", "first: 0 to 100")
        return await answer(request, CASES_SQL, first)

    def one_case(sql: str, paged: bool = False) -> Any:
        async def read(request: Request) -> Response:
            given = await arguments(request)
            case = case_id(given)
            if case is None:
                return _error(400, "BAD_REQUEST", "id: a DisputeCase id")
            if paged:
                first = given.get("first", 50)
                if not isinstance(first, int) or not 0 <= first <= 100:
                    return _error(400, "BAD_REQUEST", "first: 0 to 100")
                return await answer(request, sql, case, first)
            return await answer(request, sql, case)

        return read

    async def healthz(request: Request) -> Response:
        assert pool is not None
        await pool.fetchval("SELECT 1")
        return Response(b'{"status":"ok"}', media_type=JSON)

    return Starlette(
        routes=[
            Route("/cases", cases, methods=["POST"]),
            Route("/case-page", one_case(CASE_PAGE_SQL), methods=["POST"]),
            Route("/case-timeline", one_case(CASE_TIMELINE_SQL, paged=True), methods=["POST"]),
            Route("/case-file", one_case(CASE_FILE_SQL), methods=["POST"]),
            Route("/healthz", healthz, methods=["GET"]),
        ],
        lifespan=lifespan,
    )


async def _no_reset(connection: asyncpg.Connection) -> None:
    """asyncpg still rolls back an open transaction; nothing else is reset."""


def main(argv: Sequence[str] | None = None) -> int:
    import uvicorn

    parser = argparse.ArgumentParser(prog="python -m bench.baseline", description=__doc__)
    parser.add_argument("--url", default=DEFAULT_URL)
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=8100)
    parser.add_argument("--pool", type=int, default=10, help="database connections")
    parser.add_argument(
        "--keys", type=Path, required=True, help="the portal's data folder (its signing key)"
    )
    parser.add_argument("--issuer", required=True, help="the portal's PORTAL_PUBLIC_URL")
    args = parser.parse_args(argv)
    uvicorn.run(
        create_app(args.url, args.pool, args.keys, args.issuer),
        host=args.host,
        port=args.port,
        log_level="warning",
        access_log=False,
        server_header=False,
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
