"""The complainant's open survey link on their case, through one batched load per request."""

from __future__ import annotations

from portal.api.cases.loaders import grouped
from portal.api.context import Info
from portal.auth.actor import ActorKind
from portal.cases.engine import now
from portal.cases.models import DisputeCase
from portal.cases.states import Stage
from portal.feedback.models import SurveyInvitation
from portal.feedback.surveys import survey_url

invitations_by_case = grouped(SurveyInvitation, "case_id", "created_at")


async def open_survey_url(info: Info, case: DisputeCase) -> str | None:
    """The link when the viewer is the person invited and the survey is still open."""
    actor = info.context.actor
    if case.stage is not Stage.CLOSED or actor is None or actor.kind is not ActorKind.USER:
        return None
    invitations = await info.context.loaders.survey_invitations_by_case.load(case.id)
    at = now()
    mine = next((i for i in invitations if i.recipient_id == actor.id and i.is_open_at(at)), None)
    if mine is None:
        return None
    return survey_url(mine, info.context.auth.issuer, info.context.settings.public_url)
