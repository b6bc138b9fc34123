"""The case vocabulary of portal.cases.states as GraphQL enums, and the actions people take.

`strawberry.enum` registers each domain enum as it is, so the API cannot drift from the domain.
"""

from __future__ import annotations

from enum import StrEnum

import strawberry

from portal.accounts.models import Locale as _Locale
from portal.cases.states import (
    AppointmentStatus,
    Calendar,
    CaseRole,
    ClockKind,
    ClockStatus,
    ClosureReason,
    DeclineGround,
    Method,
    MethodFamily,
    OfferStatus,
    OutcomeKind,
    Party,
    Side,
    Stage,
)
from portal.cases.transitions import TRANSITIONS, Action, ClockObligation
from portal.complaints.models import Channel, ComplaintStatus
from portal.feedback.states import QuestionKind, Respondent, RootCause, SurveyStatus
from portal.timeline.models import Visibility

strawberry.enum(Stage, name="CaseStage", description="A stage of a dispute case (ISO 10003 7).")
strawberry.enum(Method, name="ResolutionMethod", description="ISO 10003 Annex A.")
strawberry.enum(MethodFamily, description="Facilitative, advisory or determinative.")
strawberry.enum(CaseRole, description="Who an actor is on one case.")
strawberry.enum(DeclineGround, description="EU ADR Art. 5(4): the grounds to decline.")
strawberry.enum(ClosureReason, description="Why a case closed (ISO 10003 7.7).")
strawberry.enum(ClockKind, description="What a clock times.")
strawberry.enum(ClockStatus)
strawberry.enum(Calendar, name="ClockCalendar", description="How a clock counts days.")
strawberry.enum(Party, name="ResponsibleParty", description="Who must act before a clock ends.")
strawberry.enum(
    ClockObligation,
    description="DUTY: the responsible party must act by the due date, later is their delay. "
    "WINDOW: the time in which a right may be used (such as objecting to the neutral); its end "
    "is nobody's failure and never makes a case overdue.",
)
strawberry.enum(AppointmentStatus, description="Where a neutral's appointment stands.")
strawberry.enum(OfferStatus)
strawberry.enum(OutcomeKind)
strawberry.enum(Side, description="The complainant's side or the organisation's.")
strawberry.enum(Visibility, description="Who may read an event, message or document.")
strawberry.enum(Channel, name="ComplaintChannel", description="ISO 10002 7.2.")
strawberry.enum(ComplaintStatus, description="ISO 10002 7.2 to 7.9.")
strawberry.enum(RootCause, description="ISO 10002 8.3: the category of a complaint's cause.")
strawberry.enum(QuestionKind, name="SurveyQuestionKind")
strawberry.enum(Respondent, name="SurveyRespondent", description="Whose view a survey asks.")
strawberry.enum(SurveyStatus)
# Registered here, beside the other enums, for the types on both sides of an import cycle
# (accounts' User.locale, the directory's `texts(language:)`).
Locale = strawberry.enum(_Locale, description="A supported language.")


@strawberry.enum(
    description="An action a person may take on a case: the transition table's rows, less "
    "those only the clock job takes."
)
class CaseAction(StrEnum):
    ACCEPT = Action.ACCEPT.value
    DECLINE = Action.DECLINE.value
    GIVE_CONSENT = Action.GIVE_CONSENT.value
    SUBMIT_RESPONSE = Action.SUBMIT_RESPONSE.value
    SUBMIT_REPLY = Action.SUBMIT_REPLY.value
    REFUSE_PARTICIPATION = Action.REFUSE_PARTICIPATION.value
    APPOINT_NEUTRAL = Action.APPOINT_NEUTRAL.value
    DECLARE_IMPARTIALITY = Action.DECLARE_IMPARTIALITY.value
    OBJECT_TO_NEUTRAL = Action.OBJECT_TO_NEUTRAL.value
    DECIDE_OBJECTION = Action.DECIDE_OBJECTION.value
    DISCLOSE_CIRCUMSTANCE = Action.DISCLOSE_CIRCUMSTANCE.value
    RECUSE = Action.RECUSE.value
    REMOVE_NEUTRAL = Action.REMOVE_NEUTRAL.value
    COMPLETE_FILE = Action.COMPLETE_FILE.value
    MAKE_OFFER = Action.MAKE_OFFER.value
    WITHDRAW_OFFER = Action.WITHDRAW_OFFER.value
    REJECT_OFFER = Action.REJECT_OFFER.value
    ACCEPT_OFFER = Action.ACCEPT_OFFER.value
    ISSUE_OUTCOME = Action.ISSUE_OUTCOME.value
    EXTEND_CLOCK = Action.EXTEND_CLOCK.value
    ACCEPT_OUTCOME = Action.ACCEPT_OUTCOME.value
    REJECT_OUTCOME = Action.REJECT_OUTCOME.value
    REQUEST_REVIEW = Action.REQUEST_REVIEW.value
    DECIDE_REVIEW = Action.DECIDE_REVIEW.value
    RECORD_IMPLEMENTATION = Action.RECORD_IMPLEMENTATION.value
    CONFIRM_IMPLEMENTATION = Action.CONFIRM_IMPLEMENTATION.value
    REPORT_NOT_IMPLEMENTED = Action.REPORT_NOT_IMPLEMENTED.value
    CLOSE = Action.CLOSE.value
    WITHDRAW = Action.WITHDRAW.value


# The table is the source: an action added to it without a member here fails at import.
_PERSON_ACTIONS = {t.action.value for t in TRANSITIONS if not t.system}
if {a.value for a in CaseAction} != _PERSON_ACTIONS:  # pragma: no cover
    raise RuntimeError(f"CaseAction differs from the transition table: {_PERSON_ACTIONS}")
