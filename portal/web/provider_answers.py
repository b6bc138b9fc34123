"""The answer form of an e-mail provider: `GET|POST /providers/{slug}/answer?token=...`.

The link in the provider's mail carries a token of its own kind (TokenKind.PROVIDER_ANSWER),
bound to one case and one provider and expiring: it opens this form for that case and no
other door. The form is protected against cross-site requests by a double-submit token (a
SameSite=Strict cookie and a hidden field that must match) and carries a submission id that
the callback table de-duplicates, so a form sent twice is applied once. What it posts is read
by the e-mail adapter into the same provider events a webhook callback carries.
"""

from __future__ import annotations

import hmac
import secrets
import uuid
from datetime import UTC, datetime
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlencode

import jinja2
from starlette.requests import Request
from starlette.responses import HTMLResponse, Response
from starlette.routing import Route

from portal.accounts.models import Provider
from portal.auth.services import AuthService
from portal.auth.tokens import InvalidToken, TokenKind
from portal.cases.closing import closure_reasons
from portal.cases.engine import load_view
from portal.cases.models import DisputeCase
from portal.cases.states import CaseRole, DeclineGround
from portal.cases.transitions import Action, available_actions
from portal.ids import global_id
from portal.notifications.provider_callbacks import (
    CallbackRefused,
    InboundRequest,
    answers_by_link,
    receive_answer,
)
from portal.settings import Settings

CSRF_COOKIE = "parley_answer_csrf"
MAX_FORM_BYTES = 32 * 1024
# What the form offers, from the transition table: what a caseworker (or the neutral, for the
# outcome) may do at the case's stage now.
OFFERED = {
    Action.ACCEPT: "accepted",
    Action.DECLINE: "declined",
    Action.APPOINT_NEUTRAL: "neutral_appointed",
    Action.COMPLETE_FILE: "file_completed",
    Action.ISSUE_OUTCOME: "outcome_issued",
    Action.CLOSE: "closed",
}
HEADERS = {
    "Content-Security-Policy": "default-src 'none'; style-src 'unsafe-inline'; "
    "form-action 'self'; frame-ancestors 'none'; base-uri 'none'",
    "Referrer-Policy": "no-referrer",  # the link's token must not leak to another site
    "X-Frame-Options": "DENY",
    "X-Content-Type-Options": "nosniff",
    "Cache-Control": "no-store",
}

_PAGE = jinja2.Environment(
    loader=jinja2.FileSystemLoader(Path(__file__).parent / "templates"),
    autoescape=True,
    undefined=jinja2.StrictUndefined,
).get_template("provider_answer.html")
LABELS = {
    "accepted": "Accept the dispute",
    "declined": "Decline the dispute",
    "neutral_appointed": "Appoint a neutral",
    "file_completed": "Declare the file complete",
    "outcome_issued": "Issue the outcome",
    "closed": "Close the case",
}


def _page(status: int, title: str, **values: Any) -> HTMLResponse:
    context: dict[str, Any] = {
        "case": None,
        "message": "",
        "error": False,
        "offered": [],
        "token": "",
        "csrf": "",
        "submission": "",
        "labels": LABELS,
        "grounds": [g.value for g in DeclineGround],
        "reasons": [],
        **values,
    }
    return HTMLResponse(_PAGE.render(title=title, **context), status_code=status, headers=HEADERS)


def answer_routes(auth: AuthService, settings: Settings) -> list[Route]:
    secure = settings.public_url.startswith("https://")

    async def _opened(slug: str, token: str) -> tuple[Provider, DisputeCase]:
        try:
            claims = auth.issuer.verify(token, TokenKind.PROVIDER_ANSWER)
        except InvalidToken as exc:
            message = (
                "This link has expired: use the one in the latest mail."
                if exc.expired
                else ("This link is not valid.")
            )
            raise CallbackRefused(
                403, "LINK_EXPIRED" if exc.expired else "LINK_INVALID", message
            ) from exc
        provider = await Provider.get_or_none(slug=slug, id=claims.get("prv"))
        case = (
            await DisputeCase.get_or_none(id=uuid.UUID(claims["sub"]), provider_id=provider.id)
            if provider
            else None
        )
        if provider is None or case is None or not answers_by_link(provider):
            raise CallbackRefused(403, "LINK_INVALID", "This link is not valid.")
        return provider, case

    async def _form(
        status: int,
        provider: Provider,
        case: DisputeCase,
        token: str,
        message: str,
        error: bool,
        csrf: str = "",
    ) -> Response:
        view = await load_view(case, datetime.now(UTC))
        actions = available_actions(view, frozenset({CaseRole.PROVIDER, CaseRole.NEUTRAL}))
        # Kept while the page is used: a second tab, or a form sent twice, still matches.
        csrf = csrf or secrets.token_urlsafe(24)
        response = _page(
            status,
            f"{provider.name}: answer for a dispute",
            case={
                "reference": case.reference,
                "subject": case.subject,
                "method": case.method.value,
                "stage": case.stage.value,
            },
            offered=[OFFERED[a] for a in actions if a in OFFERED],
            # The reasons the provider may close with now (portal.cases.closing).
            reasons=[r.value for r in closure_reasons(view)],
            token=token,
            csrf=csrf,
            submission=uuid.uuid4().hex,
            message=message,
            error=error,
        )
        response.set_cookie(
            CSRF_COOKIE,
            csrf,
            httponly=True,
            samesite="strict",
            secure=secure,
            path=f"/providers/{provider.slug}/answer",
        )
        return response

    async def answer(request: Request) -> Response:
        slug = request.path_params["slug"]
        if request.method == "GET":
            token = request.query_params.get("token", "")
            try:
                provider, case = await _opened(slug, token)
            except CallbackRefused as exc:
                return _page(exc.status, "Answer a dispute", message=exc.message, error=True)
            return await _form(200, provider, case, token, "", False)
        raw = await request.body()
        if len(raw) > MAX_FORM_BYTES:
            return _page(413, "Answer a dispute", message="The form is too large.", error=True)
        fields = {k: v[0] for k, v in parse_qs(raw.decode("utf-8", "replace")).items()}
        token = fields.get("token", "")
        try:
            provider, case = await _opened(slug, token)
        except CallbackRefused as exc:
            return _page(exc.status, "Answer a dispute", message=exc.message, error=True)
        cookie = request.cookies.get(CSRF_COOKIE, "")
        if not cookie or not hmac.compare_digest(cookie, fields.get("csrf", "")):
            return _page(
                403,
                "Answer a dispute",
                message="The form expired or was sent from elsewhere: open the link again.",
                error=True,
            )
        case_gid = global_id("DisputeCase", case.id)
        inbound = InboundRequest(
            headers={k.lower(): v for k, v in request.headers.items()},
            # The case is the link's, whatever the form says.
            body=urlencode(
                {**{k: v for k, v in fields.items() if k != "case"}, "case": case_gid}
            ).encode(),
            received_at=datetime.now(UTC),
        )
        try:
            await receive_answer(provider, case, inbound)
        except CallbackRefused as exc:
            await case.refresh_from_db()
            return await _form(exc.status, provider, case, token, exc.message, True, cookie)
        await case.refresh_from_db()
        return await _form(200, provider, case, token, "Recorded. Thank you.", False, cookie)

    return [Route("/providers/{slug}/answer", answer, methods=["GET", "POST"])]
