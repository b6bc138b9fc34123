"""The case vocabulary of portal.cases.states as GraphQL enums, and the actions people take.

`strawberry.enum` registers each domain enum as it is, so the API cannot drift from the domain.
"""

from __future__ import annotations

from enum import StrEnum

from portal.accounts.models import Locale as _Locale
from portal.api.enums import described_enum
from portal.cases.states import (
    AppointmentStatus,
    AutomatedReviewStatus,
    AutomatedReviewVerdict,
    AutomatedRule,
    Calendar,
    CaseRole,
    ClockHold,
    ClockKind,
    ClockStatus,
    ClosureReason,
    DeclineGround,
    Method,
    MethodFamily,
    OfferStatus,
    OutcomeKind,
    Party,
    ReviewDecision,
    Side,
    Stage,
)
from portal.cases.transitions import TABLE, TRANSITIONS, Action, ClockObligation
from portal.complaints.models import Channel, ComplaintStatus
from portal.feedback.states import QuestionKind, Respondent, RootCause, SurveyStatus
from portal.timeline.models import Visibility

described_enum(
    Stage,
    name="CaseStage",
    description="A stage of a dispute case (ISO 10003 7).",
    values={
        Stage.REFERRED: "Referred to the provider (ISO 10003 7.2, 7.3): the dispute notice is "
        "received; the provider accepts or declines it before its acceptance clock ends.",
        Stage.DECLINED: "Declined by the provider on a ground of `DeclineGround`, with reasons "
        "(ISO 10003 7.3). Final.",
        Stage.ACCEPTED: "Accepted (ISO 10003 7.3): the parties are notified and the complainant "
        "is asked to consent to the method.",
        Stage.AWAITING_RESPONSE: "The organisation states its position (ISO 10003 7.4), then the "
        "complainant may reply.",
        Stage.FILE_REVIEW: "The provider appoints the neutral and completes the file (ISO 10003 "
        "7.4); the parties may object to the neutral.",
        Stage.IN_RESOLUTION: "The method runs (ISO 10003 7.5): offers between the parties, or the "
        "neutral working towards an outcome.",
        Stage.OUTCOME_PROPOSED: "An outcome is issued and the parties consider it within the "
        "reflection clock (ISO 10003 7.5).",
        Stage.UNDER_REVIEW: "A party asked for a review of a binding award; the provider decides.",
        Stage.IMPLEMENTATION: "The organisation carries the outcome out and the complainant "
        "confirms it or reports it not done (ISO 10003 7.6).",
        Stage.CLOSED: "Closed, with a `ClosureReason` (ISO 10003 7.7). Final.",
        Stage.WITHDRAWN: "Withdrawn by the complainant (at any stage before an outcome is "
        "agreed) or by the organisation where the scheme allows it. Final.",
    },
)
described_enum(
    Method,
    name="ResolutionMethod",
    description="A dispute-resolution method (ISO 10003 Annex A).",
    values={
        Method.NEGOTIATION: "The parties negotiate between themselves through offers, with no "
        "neutral; facilitative.",
        Method.MEDIATION: "A mediator helps the parties reach their own settlement; facilitative.",
        Method.CONCILIATION: "A conciliator helps the parties and may propose a settlement; "
        "facilitative.",
        Method.OMBUDSMAN_RECOMMENDATION: "An ombudsman recommends an outcome the parties may "
        "accept or reject; advisory.",
        Method.EXPERT_OPINION: "An expert gives an opinion the parties may accept or reject; "
        "advisory.",
        Method.ARBITRATION_BINDING: "An arbitrator decides, and the award binds both parties; "
        "determinative (a review may be asked for).",
        Method.ARBITRATION_NON_BINDING: "An arbitrator decides, and each party may accept or "
        "reject the award; determinative.",
    },
)
described_enum(
    MethodFamily,
    description="How much the neutral decides: facilitative, advisory or determinative.",
    values={
        MethodFamily.FACILITATIVE: "The parties reach the outcome themselves, helped or not.",
        MethodFamily.ADVISORY: "A neutral recommends an outcome; the parties choose to accept it.",
        MethodFamily.DETERMINATIVE: "A neutral decides the outcome.",
    },
)
described_enum(
    CaseRole,
    description="Who an actor is on one case; it decides which actions they may take.",
    values={
        CaseRole.COMPLAINANT: "The person who filed the complaint behind the case.",
        CaseRole.REPRESENTATIVE: "Someone the complainant invited to act for them on this case.",
        CaseRole.ORGANISATION: "An agent or manager of the case's organisation, or one of its "
        "integration clients.",
        CaseRole.PROVIDER: "A caseworker of the case's provider.",
        CaseRole.NEUTRAL: "The neutral appointed to this case.",
        CaseRole.AUDITOR: "An auditor: reads the case, takes no step on it.",
        CaseRole.ADMIN: "An installation admin.",
        CaseRole.SYSTEM: "The clock job: a clock ran out.",
    },
)
described_enum(
    DeclineGround,
    description="EU ADR Directive Art. 5(4): the only grounds on which a provider may decline "
    "a dispute.",
    values={
        DeclineGround.NOT_RAISED_WITH_ORGANISATION: "The complainant did not first try to "
        "resolve it with the organisation (Art. 5(4)(a)).",
        DeclineGround.FRIVOLOUS_OR_VEXATIOUS: "The dispute is frivolous or vexatious "
        "(Art. 5(4)(b)).",
        DeclineGround.ALREADY_DECIDED_ELSEWHERE: "Another provider or a court is dealing with it "
        "or has dealt with it (Art. 5(4)(c)).",
        DeclineGround.OUT_OF_SCOPE: "The kind of dispute is outside the scheme.",
        DeclineGround.TIME_BARRED: "Brought later than the scheme allows after the complaint to "
        "the organisation (Art. 5(4)(e)); never less than one year.",
        DeclineGround.VALUE_OUTSIDE_LIMITS: "The value claimed is below or above the scheme's "
        "thresholds (Art. 5(4)(d)).",
        DeclineGround.SERIOUSLY_IMPAIRS_OPERATION: "Dealing with it would seriously impair the "
        "provider's operation (Art. 5(4)(f)).",
    },
)
described_enum(
    ClosureReason,
    description="Why a case closed (ISO 10003 7.7).",
    values={
        ClosureReason.RESOLVED: "The outcome was implemented: the complainant confirmed it, or "
        "the provider found it done.",
        ClosureReason.OUTCOME_REJECTED: "A party rejected the outcome.",
        ClosureReason.ORGANISATION_REFUSED: "The organisation refused to take part, explicitly or "
        "by silence where the scheme counts silence as refusal.",
        ClosureReason.DISCONTINUED: "The provider discontinued the case, with reasons.",
        ClosureReason.CONSENT_NOT_GIVEN: "The complainant's consent clock ran out without consent.",
        ClosureReason.NOT_SETTLED: "A negotiation's time ran out without a settlement.",
        ClosureReason.OUTCOME_NOT_ACCEPTED: "A non-binding outcome was left unaccepted until its "
        "reflection clock ended.",
        ClosureReason.NOT_IMPLEMENTED: "The organisation did not carry the outcome out.",
    },
)
described_enum(
    ClockKind,
    description="What a clock times: one per step with a deadline.",
    values={
        ClockKind.ACCEPTANCE: "The provider accepts or declines the dispute.",
        ClockKind.CONSENT: "The complainant consents to the method.",
        ClockKind.RESPONSE: "The organisation states its position.",
        ClockKind.REPLY: "The complainant may reply to the organisation's position.",
        ClockKind.OBJECTION: "The parties may object to the appointed neutral.",
        ClockKind.OUTCOME: "The neutral issues an outcome (or the parties settle, in negotiation).",
        ClockKind.REFLECTION: "The parties accept or reject the outcome.",
        ClockKind.REVIEW: "The provider decides a requested review of an award.",
        ClockKind.IMPLEMENTATION: "The organisation carries the outcome out.",
        ClockKind.CONFIRMATION: "The complainant confirms the implementation, or reports it not "
        "done.",
        ClockKind.CLOSURE: "The provider closes a case whose implementation was escalated to it.",
    },
)
described_enum(
    ClockStatus,
    description="Where a clock stands.",
    values={
        ClockStatus.RUNNING: "Still running: its step has not been taken and its due time has not "
        "passed.",
        ClockStatus.MET: "Its step was taken before the due time.",
        ClockStatus.MISSED: "The due time passed without the step.",
        ClockStatus.STOPPED: "Stopped because the case ended another way.",
    },
)
described_enum(
    ClockHold,
    description="Why a running clock is paused: a hold in force on its case. While paused, "
    "its time does not count toward its due date and it cannot run out.",
    values={
        ClockHold.FEES: "The case waits at the stage its scheme names until its fees are paid "
        "or waived.",
    },
)
described_enum(
    Calendar,
    name="ClockCalendar",
    description="How a clock counts days.",
    values={
        Calendar.CALENDAR_DAYS: "Every day counts.",
        Calendar.WORKING_DAYS: "Days other than weekends and the public holidays of the "
        "scheme's country.",
    },
)
described_enum(
    Party,
    name="ResponsibleParty",
    description="Who must act before a clock ends.",
    values={
        Party.PROVIDER: "The provider's caseworkers.",
        Party.ORGANISATION: "The organisation.",
        Party.COMPLAINANT: "The complainant (or their representative).",
        Party.NEUTRAL: "The appointed neutral.",
        Party.PARTIES: "Either party: the complainant's side and the organisation.",
    },
)
described_enum(
    ClockObligation,
    description="What a clock is to whoever it names.",
    values={
        ClockObligation.DUTY: "The responsible party must act by the due date; later is their "
        "delay.",
        ClockObligation.WINDOW: "The time in which a right may be used (such as objecting to the "
        "neutral); its end is nobody's failure and never makes a case overdue.",
    },
)
described_enum(
    AppointmentStatus,
    description="Where a neutral's appointment stands.",
    values={
        AppointmentStatus.AWAITING_DECLARATION: "Appointed; the neutral has yet to declare "
        "their impartiality.",
        AppointmentStatus.OBJECTION_WINDOW: "Declared impartial; the parties may object until "
        "the objection clock ends.",
        AppointmentStatus.OBJECTED: "A party objected; the provider decides.",
        AppointmentStatus.CONFIRMED: "Confirmed: the neutral acts on the case.",
        AppointmentStatus.REMOVED: "Ended: an objection upheld, a conflict declared, a recusal, "
        "or removed by the provider.",
    },
)
described_enum(
    ReviewDecision,
    description="The provider's decision on a review of a binding award.",
    values={
        ReviewDecision.UPHELD: "The award stands as issued.",
        ReviewDecision.VARIED: "A new award replaces it (the outcome's summary and amount).",
    },
)
described_enum(
    OfferStatus,
    description="Where an offer between the parties stands.",
    values={
        OfferStatus.OPEN: "Made and awaiting the other party's answer.",
        OfferStatus.ACCEPTED: "Accepted: it becomes the settlement.",
        OfferStatus.REJECTED: "Rejected by the other party.",
        OfferStatus.COUNTERED: "Answered by a counter-offer.",
        OfferStatus.WITHDRAWN: "Withdrawn by the party who made it.",
        OfferStatus.EXPIRED: "Its expiry time passed unanswered.",
    },
)
described_enum(
    OutcomeKind,
    description="What kind of outcome a case reached.",
    values={
        OutcomeKind.SETTLEMENT: "Agreed between the parties: an accepted offer.",
        OutcomeKind.PROPOSED_SETTLEMENT: "A mediator's or conciliator's proposal.",
        OutcomeKind.RECOMMENDATION: "An ombudsman's recommendation or an expert's opinion.",
        OutcomeKind.AWARD: "An arbitrator's award.",
    },
)
described_enum(
    Side,
    description="The complainant's side or the organisation's.",
    values={
        Side.COMPLAINANT: "The complainant and their representatives.",
        Side.ORGANISATION: "The organisation: its agents, managers and integration clients.",
    },
)
described_enum(
    Visibility,
    description="Who may read an event, message or document.",
    values={
        Visibility.ALL_PARTIES: "Everyone on the case: both sides, the provider and the neutral.",
        Visibility.CAUCUS_COMPLAINANT: "A private session: the neutral and the complainant's side.",
        Visibility.CAUCUS_ORGANISATION: "A private session: the neutral and the organisation.",
        Visibility.NEUTRAL_ONLY: "The neutral (and the provider's caseworkers).",
        Visibility.ORGANISATION_INTERNAL: "The organisation's own people only.",
        Visibility.PROVIDER_INTERNAL: "The provider's caseworkers and the neutral only.",
    },
)
described_enum(
    Channel,
    name="ComplaintChannel",
    description="How a complaint reached the organisation (ISO 10002 7.2).",
    values={
        Channel.WEB: "Filed by the complainant in the portal or through the API.",
        Channel.EMAIL: "By e-mail, recorded by staff.",
        Channel.PHONE: "By telephone, recorded by staff.",
        Channel.LETTER: "By post, recorded by staff.",
        Channel.IN_PERSON: "In person, recorded by staff.",
    },
)
described_enum(
    ComplaintStatus,
    description="Where a complaint stands (ISO 10002 7.2 to 7.9).",
    values={
        ComplaintStatus.RECEIVED: "Received (7.2); not yet acknowledged.",
        ComplaintStatus.ACKNOWLEDGED: "Acknowledged to the complainant (7.4).",
        ComplaintStatus.ASSESSED: "Assessed and under investigation (7.5, 7.6).",
        ComplaintStatus.RESPONDED: "The organisation's decision was sent (7.7).",
        ComplaintStatus.CLOSED: "Closed (7.9).",
        ComplaintStatus.REFERRED: "Unresolved and taken to external dispute resolution (7.8): a "
        "dispute case exists.",
    },
)
described_enum(
    RootCause,
    description="ISO 10002 8.3: the category of a complaint's cause, for finding systemic and "
    "recurring problems.",
    values={
        RootCause.PRODUCT_DEFECT: "A fault in a product.",
        RootCause.SERVICE_FAILURE: "A service not delivered as promised.",
        RootCause.BILLING_ERROR: "A wrong charge, bill or refund.",
        RootCause.DELIVERY: "Late, lost or wrong delivery.",
        RootCause.CONTRACT_TERMS: "The contract's terms, or how they were applied.",
        RootCause.COMMUNICATION: "Missing, wrong or unclear information.",
        RootCause.STAFF_CONDUCT: "How staff behaved.",
        RootCause.POLICY: "The organisation's policy itself.",
        RootCause.NO_FAULT_FOUND: "Investigated; no fault of the organisation found.",
        RootCause.OTHER: "None of the above.",
    },
)
described_enum(
    QuestionKind,
    name="SurveyQuestionKind",
    description="How a survey question is answered.",
    values={
        QuestionKind.SCALE: "A number from 1 (very dissatisfied) to 5 (very satisfied).",
        QuestionKind.YES_NO: "Yes or no.",
        QuestionKind.TEXT: "Free text.",
    },
)
described_enum(
    Respondent,
    name="SurveyRespondent",
    description="Whose view a survey asks (ISO 10004 7.3).",
    values={
        Respondent.COMPLAINANT: "The complainant.",
        Respondent.ORGANISATION: "The organisation.",
    },
)
described_enum(
    SurveyStatus,
    description="Where a satisfaction survey stands.",
    values={
        SurveyStatus.OPEN: "Sent and not yet answered; its link works until it expires.",
        SurveyStatus.ANSWERED: "Answered; it takes no second answer.",
        SurveyStatus.EXPIRED: "Its link expired unanswered.",
    },
)
# Registered here, beside the other enums, for the types on both sides of an import cycle
# (accounts' User.locale, the directory's `texts(language:)`).
described_enum(
    _Locale,
    description="A language the portal's texts, notices and mails are written in.",
    values={
        _Locale.EN: "English (`en`).",
        _Locale.ZH_HANS: "Chinese in simplified script (`zh-Hans`).",
    },
)
Locale = _Locale


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
    REVERSE_AUTOMATED_DECISION = Action.REVERSE_AUTOMATED_DECISION.value


described_enum(
    CaseAction,
    description="An action a person may take on a case: the transition table's rows, less "
    "those only the clock job takes. `availableActions` lists those the viewer may take now.",
    values={member: TABLE[Action(member.value)].summary for member in CaseAction},
)

# The table is the source: an action added to it without a member here fails at import.
_PERSON_ACTIONS = {t.action.value for t in TRANSITIONS if not t.system}
if {a.value for a in CaseAction} != _PERSON_ACTIONS:  # pragma: no cover
    raise RuntimeError(f"CaseAction differs from the transition table: {_PERSON_ACTIONS}")

# Issue 20, 3: the rules that decide automatically (the clock job's rows of the table), and
# where a person's review of one stands.
described_enum(
    AutomatedRule,
    description="A rule of the transition table that takes a step automatically, without a "
    "person (the clock job's rows): named as the row's action.",
    values={member: TABLE[Action(member.value)].summary for member in AutomatedRule},
)
described_enum(
    AutomatedReviewStatus,
    description="Where a person's review of an automated step stands.",
    values={
        AutomatedReviewStatus.PENDING: "Asked for; a provider caseworker has not decided it.",
        AutomatedReviewStatus.UPHELD: "Decided: the automated step stands.",
        AutomatedReviewStatus.REVERSED: "Decided: the automated step was reversed through the "
        "transition table, and the case is back where it was before it.",
    },
)
described_enum(
    AutomatedReviewVerdict,
    description="What a provider caseworker decides on a review of an automated step.",
    values={
        AutomatedReviewVerdict.UPHELD: "The step stands (`AUTOMATED_DECISION_UPHELD`).",
        AutomatedReviewVerdict.REVERSED: "The step is reversed through the transition table "
        "(`REVERSE_AUTOMATED_DECISION`): the case is back where it was before it "
        "(`AUTOMATED_DECISION_REVERSED`).",
    },
)
