"""Reading feedback: the survey behind a link (no login), the management review, the public
transparency report, a case's fairness report, an organisation's survey policy."""

from __future__ import annotations

from datetime import date
from typing import Annotated

import strawberry

from portal.accesslog.models import AccessAction
from portal.accesslog.services import Target, record_access
from portal.api.context import Info
from portal.api.errors import PublicError
from portal.api.feedback.reports import FairnessReport, TransparencyReport
from portal.api.feedback.types import ManagementReview, Survey, SurveyPolicy
from portal.api.node import decode_id
from portal.cases.engine import now
from portal.feedback import fairness, review, surveys, transparency
from portal.feedback.errors import FeedbackError, Forbidden
from portal.feedback.periods import Period
from portal.feedback.transparency import DisclosureOrder


class FeedbackRefused(PublicError):
    """A feedback service's refusal, with its code (`FORBIDDEN`, `SURVEY_LINK_INVALID`, ...)."""

    def __init__(self, error: FeedbackError) -> None:
        super().__init__(error.message, code=error.code)


@strawberry.type
class FeedbackQueries:
    @strawberry.field(
        description="The survey a personal link opens; no sign-in. A link that is tampered "
        "with, of another kind, or for no survey is refused with `SURVEY_LINK_INVALID`."
    )
    async def survey(
        self,
        info: Info,
        token: Annotated[
            str, strawberry.argument(description="The token from the personal survey link.")
        ],
    ) -> Survey:
        try:
            view = await surveys.open_survey(info.context.auth.issuer, token, at=now())
        except FeedbackError as exc:
            raise FeedbackRefused(exc) from exc
        return Survey.of(view)

    @strawberry.field(
        description="ISO 10003 8.4: an organisation's figures for `[from, until)` (UTC "
        "dates). For its managers, its auditors and admins; anyone else gets `FORBIDDEN`."
    )
    async def management_review(
        self,
        info: Info,
        organisation_id: Annotated[
            strawberry.ID,
            strawberry.argument(description="Global ID of the organisation reviewed."),
        ],
        from_: Annotated[
            date,
            strawberry.argument(
                name="from", description="Start of the period, inclusive (UTC day)."
            ),
        ],
        until: Annotated[
            date, strawberry.argument(description="End of the period, exclusive (UTC day).")
        ],
    ) -> ManagementReview:
        actor = info.context.require_actor()
        pk = decode_id(organisation_id, "Organisation")
        try:
            if pk is None:
                raise Forbidden()
            found = await review.management_review(
                actor,
                pk,
                Period.of_dates(from_, until),
                systemic_threshold=info.context.settings.systemic_issue_threshold,
            )
        except FeedbackError as exc:
            raise FeedbackRefused(exc) from exc
        await record_access(
            info.context,
            AccessAction.REPORT_READ,
            target=Target("ManagementReview", str(found.organisation_id)),
            organisation_id=found.organisation_id,
        )
        return ManagementReview.of(found)

    @strawberry.field(
        description="A provider's public annual (or quarterly) report, by its slug; no "
        "sign-in. The case-level disclosure is sorted by `orderBy` and paged by `first` "
        f"(at most {transparency.MAX_PAGE}) and `offset`."
    )
    async def transparency_report(
        self,
        info: Info,
        provider: Annotated[str, strawberry.argument(description="The provider's slug.")],
        year: Annotated[int, strawberry.argument(description="The calendar year reported on.")],
        quarter: Annotated[
            int | None,
            strawberry.argument(
                description="1 to 4 for one quarter; the whole year when left out."
            ),
        ] = None,
        order_by: Annotated[
            DisclosureOrder,
            strawberry.argument(
                description="How the case-level disclosure `cases` is sorted; by end date when "
                "left out."
            ),
        ] = DisclosureOrder.ENDED_ON,
        descending: Annotated[
            bool,
            strawberry.argument(description="Sort `cases` from the highest; false when left out."),
        ] = False,
        first: Annotated[
            int,
            strawberry.argument(
                description="At most this many rows of `cases`, 1 to 500; 100 when left out."
            ),
        ] = 100,
        offset: Annotated[
            int,
            strawberry.argument(description="How many rows of `cases` to skip; 0 when left out."),
        ] = 0,
    ) -> TransparencyReport:
        try:
            found = await transparency.transparency_report(
                provider,
                Period.of_year(year, quarter),
                order=order_by,
                descending=descending,
                first=first,
                offset=offset,
            )
        except FeedbackError as exc:
            raise FeedbackRefused(exc) from exc
        await record_access(
            info.context, AccessAction.REPORT_READ, target=Target("TransparencyReport", provider)
        )
        return TransparencyReport.of(found)

    @strawberry.field(
        description="The fairness view of a case, for anyone with a role on it. A case you "
        "may not see is reported exactly like one that does not exist (NOT_FOUND)."
    )
    async def fairness_report(
        self,
        info: Info,
        case_id: Annotated[
            strawberry.ID, strawberry.argument(description="Global ID of the case.")
        ],
    ) -> FairnessReport:
        actor = info.context.require_actor()
        pk = decode_id(case_id, "DisputeCase")
        try:
            if pk is None:
                raise fairness.CaseNotVisible()
            found = await fairness.fairness_report(actor, pk)
        except FeedbackError as exc:
            raise FeedbackRefused(exc) from exc
        return FairnessReport.of(found)

    @strawberry.field(
        description="An organisation's survey (the defaults until it sets its own); for its "
        "managers and admins."
    )
    async def survey_policy(
        self,
        info: Info,
        organisation_id: Annotated[
            strawberry.ID, strawberry.argument(description="Global ID of the organisation.")
        ],
    ) -> SurveyPolicy:
        actor = info.context.require_actor()
        pk = decode_id(organisation_id, "Organisation")
        if pk is None or not surveys.may_configure_surveys(actor, pk):
            raise FeedbackRefused(Forbidden())
        return SurveyPolicy.of(await surveys.survey_policy(pk))
