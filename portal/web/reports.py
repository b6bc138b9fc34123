"""Report downloads: the management review (Bearer token, as for `/graphql`) and a provider's
public transparency report, each as JSON and as CSV.

`/reports/management-review.{json,csv}?organisation=<id or slug>&from=YYYY-MM-DD&until=...`
(the id as a UUID or a global ID)
`/reports/transparency/<provider slug>.{json,csv}?year=YYYY[&quarter=1-4][&order=...]`
(`&descending=true` reverses the order).
`/reports/audit.{json,csv}?from=YYYY-MM-DD&until=...`: the audit report (auditors; Bearer token).
"""

from __future__ import annotations

import logging
from datetime import date
from typing import Any

import orjson
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

from portal.accesslog.models import AccessAction
from portal.accesslog.services import RouteRead, Target, record_access
from portal.api.scopes import rest_refusal
from portal.api.view import bearer_token
from portal.auditing import report as audit_report
from portal.auditing.errors import AuditError
from portal.auth.actor import Actor
from portal.auth.policy import Scope
from portal.auth.services import AuthService
from portal.auth.tokens import InvalidToken
from portal.feedback import review, transparency
from portal.feedback.errors import FeedbackError
from portal.feedback.periods import Period
from portal.feedback.transparency import DisclosureOrder
from portal.ids import decode_id

log = logging.getLogger("portal.reports")

_STATUS = {"FORBIDDEN": 403, "NOT_FOUND": 404}


def _error(status: int, code: str, message: str, headers: dict[str, str] | None = None) -> Response:
    body = {"errors": [{"message": message, "extensions": {"code": code}}]}
    return JSONResponse(body, status_code=status, headers=headers)


def _refused(exc: FeedbackError | AuditError) -> Response:
    return _error(_STATUS.get(exc.code, 400), exc.code, exc.message)


def _download(body: Any, fmt: str, filename: str, *, private: bool) -> Response:
    headers = {
        "Content-Disposition": f'attachment; filename="{filename}.{fmt}"',
        "X-Content-Type-Options": "nosniff",
        "Cache-Control": "private, no-store" if private else "public, max-age=300",
    }
    if fmt == "csv":
        return Response(body, media_type="text/csv; charset=utf-8", headers=headers)
    return Response(orjson.dumps(body), media_type="application/json", headers=headers)


def _date(request: Request, name: str) -> date:
    try:
        return date.fromisoformat(request.query_params.get(name, ""))
    except ValueError:
        raise FeedbackError("INVALID_PERIOD", f"`{name}` is a date: YYYY-MM-DD.", name) from None


def _number(raw: str | None, name: str) -> int:
    if raw is None or not raw.isdigit() or len(raw) > 4:
        raise FeedbackError("INVALID_PERIOD", f"`{name}` is a number.", name)
    return int(raw)


def _organisation(raw: str) -> str:
    """The organisation as the review service takes it (its UUID or its slug); a global ID,
    as the GraphQL API gives it out, is accepted too (Issue 13 F8: it answered HTTP 500)."""
    pk = decode_id(raw, "Organisation")
    return str(pk) if pk is not None else raw


_FORMATS = ("json", "csv")
_REALM = 'Bearer realm="parley"'
_NO_FORMAT = "Reports come as .json or .csv."


def report_routes(auth: AuthService) -> list[Route]:
    async def signed_in(request: Request) -> Actor | Response:
        """The Bearer token's actor, or the 401 that says why there is none."""
        token = bearer_token(request)
        if token is None:
            return _error(
                401, "UNAUTHENTICATED", "Send a Bearer token.", {"WWW-Authenticate": _REALM}
            )
        try:
            actor = await auth.authenticate(token)
        except InvalidToken as exc:
            log.info("report token refused: %s", exc.reason)
            return _error(401, "UNAUTHENTICATED", "The access token is invalid or expired.")
        return rest_refusal(actor, Scope.READ) or actor

    async def management_review(request: Request) -> Response:
        actor = await signed_in(request)
        if isinstance(actor, Response):
            return actor
        fmt = request.path_params["format"]
        if fmt not in _FORMATS:
            return _error(404, "NOT_FOUND", _NO_FORMAT)
        try:
            period = Period.of_dates(_date(request, "from"), _date(request, "until"))
            found = await review.review_for(
                actor,
                _organisation(request.query_params.get("organisation", "")),
                period,
                systemic_threshold=auth.settings.systemic_issue_threshold,
            )
        except FeedbackError as exc:
            return _refused(exc)
        await record_access(
            RouteRead(request, actor),
            AccessAction.EXPORT,
            target=Target("ManagementReview", str(found.organisation_id)),
            organisation_id=found.organisation_id,
        )
        body = review.review_csv(found) if fmt == "csv" else review.review_document(found)
        name = f"management-review-{period.start.date()}-{period.end.date()}"
        return _download(body, fmt, name, private=True)

    async def audit(request: Request) -> Response:
        actor = await signed_in(request)
        if isinstance(actor, Response):
            return actor
        fmt = request.path_params["format"]
        if fmt not in _FORMATS:
            return _error(404, "NOT_FOUND", _NO_FORMAT)
        try:
            period = Period.of_dates(_date(request, "from"), _date(request, "until"))
            found = await audit_report.report_for(actor, period)
        except (FeedbackError, AuditError) as exc:
            return _refused(exc)
        await record_access(
            RouteRead(request, actor),
            AccessAction.EXPORT,
            target=Target("AuditReport", f"{period.start.date()}/{period.end.date()}"),
        )
        body = (
            audit_report.report_csv(found) if fmt == "csv" else audit_report.report_document(found)
        )
        name = f"audit-report-{period.start.date()}-{period.end.date()}"
        return _download(body, fmt, name, private=True)

    async def transparency_report(request: Request) -> Response:
        fmt = request.path_params["format"]
        slug = request.path_params["provider"]
        if fmt not in _FORMATS:
            return _error(404, "NOT_FOUND", _NO_FORMAT)
        quarter = request.query_params.get("quarter")
        try:
            year = _number(request.query_params.get("year"), "year")
            period = Period.of_year(year, None if quarter is None else _number(quarter, "quarter"))
            order = DisclosureOrder(request.query_params.get("order", "ended_on"))
        except ValueError:
            return _error(400, "INVALID_INPUT", "`order` is not one of the allowed orders.")
        except FeedbackError as exc:
            return _refused(exc)
        try:
            found = await transparency.transparency_report(
                slug,
                period,
                order=order,
                descending=request.query_params.get("descending") == "true",
                first=transparency.MAX_DOWNLOAD,
                limit=transparency.MAX_DOWNLOAD,
            )
        except FeedbackError as exc:
            return _refused(exc)
        await record_access(
            RouteRead(request, None), AccessAction.EXPORT, target=Target("TransparencyReport", slug)
        )
        body = (
            transparency.report_csv(found) if fmt == "csv" else transparency.report_document(found)
        )
        return _download(body, fmt, f"transparency-{slug}-{year}", private=False)

    formats = "{format:str}"
    return [
        Route(f"/reports/management-review.{formats}", management_review, methods=["GET"]),
        Route(f"/reports/audit.{formats}", audit, methods=["GET"]),
        Route(
            f"/reports/transparency/{{provider}}.{formats}", transparency_report, methods=["GET"]
        ),
    ]
