"""The vocabulary of a dispute case: stages, methods, roles on a case, clocks and outcomes."""

from __future__ import annotations

from datetime import datetime
from enum import StrEnum


class Stage(StrEnum):
    """ISO 10003 clause 7, as stages of one case (DOMAIN.md "The case lifecycle")."""

    REFERRED = "referred"  # 7.2/7.3: dispute notice received by the provider
    DECLINED = "declined"  # 7.3: terminal, with a ground
    ACCEPTED = "accepted"  # 7.3: parties notified; waiting for the complainant's consent
    AWAITING_RESPONSE = "awaiting_response"  # 7.4: the organisation states its position
    FILE_REVIEW = "file_review"  # 7.4: provider appoints the neutral and completes the file
    IN_RESOLUTION = "in_resolution"  # 7.5: facilitative, advisory or determinative
    OUTCOME_PROPOSED = "outcome_proposed"  # 7.5: reflection period
    UNDER_REVIEW = "under_review"  # review of a binding award
    IMPLEMENTATION = "implementation"  # 7.6
    CLOSED = "closed"  # 7.7
    WITHDRAWN = "withdrawn"  # by the complainant at any stage; by the organisation where allowed


TERMINAL_STAGES = frozenset({Stage.DECLINED, Stage.CLOSED, Stage.WITHDRAWN})
ACTIVE_STAGES = frozenset(Stage) - TERMINAL_STAGES


class MethodFamily(StrEnum):
    FACILITATIVE = "facilitative"
    ADVISORY = "advisory"
    DETERMINATIVE = "determinative"


class Method(StrEnum):
    """ISO 10003 Annex A."""

    NEGOTIATION = "negotiation"
    MEDIATION = "mediation"
    CONCILIATION = "conciliation"
    OMBUDSMAN_RECOMMENDATION = "ombudsman_recommendation"
    EXPERT_OPINION = "expert_opinion"
    ARBITRATION_BINDING = "arbitration_binding"
    ARBITRATION_NON_BINDING = "arbitration_non_binding"

    @property
    def family(self) -> MethodFamily:
        if self in (Method.NEGOTIATION, Method.MEDIATION, Method.CONCILIATION):
            return MethodFamily.FACILITATIVE
        if self in (Method.OMBUDSMAN_RECOMMENDATION, Method.EXPERT_OPINION):
            return MethodFamily.ADVISORY
        return MethodFamily.DETERMINATIVE

    @property
    def binding(self) -> bool:
        return self is Method.ARBITRATION_BINDING

    @property
    def needs_neutral(self) -> bool:
        """Unassisted negotiation runs between the parties; every other method has a neutral."""
        return self is not Method.NEGOTIATION


class OutcomeKind(StrEnum):
    SETTLEMENT = "settlement"  # agreed between the parties (an accepted offer)
    PROPOSED_SETTLEMENT = "proposed_settlement"  # a mediator's or conciliator's proposal
    RECOMMENDATION = "recommendation"  # ombudsman or expert
    AWARD = "award"  # arbitrator

    @classmethod
    def issued_for(cls, method: Method) -> OutcomeKind:
        return {
            MethodFamily.FACILITATIVE: cls.PROPOSED_SETTLEMENT,
            MethodFamily.ADVISORY: cls.RECOMMENDATION,
            MethodFamily.DETERMINATIVE: cls.AWARD,
        }[method.family]


class CaseRole(StrEnum):
    """Who an actor is on one case; decides the transitions they may take."""

    COMPLAINANT = "complainant"
    REPRESENTATIVE = "representative"
    ORGANISATION = "organisation"  # an agent or manager of the case's organisation
    PROVIDER = "provider"  # a caseworker of the case's provider
    NEUTRAL = "neutral"  # the neutral appointed to this case
    AUDITOR = "auditor"
    ADMIN = "admin"
    SYSTEM = "system"  # the clock job


COMPLAINANT_SIDE = frozenset({CaseRole.COMPLAINANT, CaseRole.REPRESENTATIVE})
PARTY_ROLES = COMPLAINANT_SIDE | {CaseRole.ORGANISATION}


class Side(StrEnum):
    COMPLAINANT = "complainant"
    ORGANISATION = "organisation"


def side_of(role: CaseRole) -> Side | None:
    if role in COMPLAINANT_SIDE:
        return Side.COMPLAINANT
    if role is CaseRole.ORGANISATION:
        return Side.ORGANISATION
    return None


class DeclineGround(StrEnum):
    """EU ADR Directive Art. 5(4): the only grounds on which a provider may refuse a dispute."""

    NOT_RAISED_WITH_ORGANISATION = "not_raised_with_organisation"
    FRIVOLOUS_OR_VEXATIOUS = "frivolous_or_vexatious"
    ALREADY_DECIDED_ELSEWHERE = "already_decided_elsewhere"
    OUT_OF_SCOPE = "out_of_scope"
    TIME_BARRED = "time_barred"
    VALUE_OUTSIDE_LIMITS = "value_outside_limits"
    SERIOUSLY_IMPAIRS_OPERATION = "seriously_impairs_operation"


class ClosureReason(StrEnum):
    RESOLVED = "resolved"  # outcome implemented: confirmed, or so found by the provider
    OUTCOME_REJECTED = "outcome_rejected"
    ORGANISATION_REFUSED = "organisation_refused"  # explicitly, or by silence
    DISCONTINUED = "discontinued"  # by the provider, with reasons
    CONSENT_NOT_GIVEN = "consent_not_given"  # the consent clock ran out
    NOT_SETTLED = "not_settled"  # a negotiation's time ran out without a settlement
    OUTCOME_NOT_ACCEPTED = "outcome_not_accepted"  # a non-binding outcome left unaccepted
    NOT_IMPLEMENTED = "not_implemented"  # the organisation did not carry the outcome out


class ClockKind(StrEnum):
    ACCEPTANCE = "acceptance"  # provider accepts or declines
    CONSENT = "consent"  # complainant consents to the method
    RESPONSE = "response"  # organisation states its position
    REPLY = "reply"  # complainant may reply to the organisation's position
    OBJECTION = "objection"  # parties may object to the neutral
    OUTCOME = "outcome"  # neutral issues an outcome
    REFLECTION = "reflection"  # parties accept or reject
    REVIEW = "review"  # provider decides a review of an award
    IMPLEMENTATION = "implementation"  # organisation implements
    CONFIRMATION = "confirmation"  # complainant confirms the implementation, or reports it not done
    CLOSURE = "closure"  # provider closes a case whose implementation was escalated to it


class ClockStatus(StrEnum):
    RUNNING = "running"
    MET = "met"
    MISSED = "missed"
    STOPPED = "stopped"  # the case ended another way


class ClockHold(StrEnum):
    """Why a running clock is paused: a hold in force on its case (`transitions.HOLDS`).
    While paused its time does not count toward its due date, and the clock job leaves it."""

    FEES = "fees"  # the case waits at its scheme's stage until its fees are paid or waived


class Calendar(StrEnum):
    CALENDAR_DAYS = "calendar_days"
    WORKING_DAYS = "working_days"


class Party(StrEnum):
    """Who must act before a clock runs out."""

    PROVIDER = "provider"
    ORGANISATION = "organisation"
    COMPLAINANT = "complainant"
    NEUTRAL = "neutral"
    PARTIES = "parties"


class AppointmentStatus(StrEnum):
    AWAITING_DECLARATION = "awaiting_declaration"
    OBJECTION_WINDOW = "objection_window"
    OBJECTED = "objected"
    CONFIRMED = "confirmed"
    REMOVED = "removed"  # objection upheld, a conflict declared, recused, or removed


class OfferStatus(StrEnum):
    OPEN = "open"
    ACCEPTED = "accepted"
    REJECTED = "rejected"
    COUNTERED = "countered"
    WITHDRAWN = "withdrawn"
    EXPIRED = "expired"


class ReviewDecision(StrEnum):
    """The provider's decision on a review of a binding award (stored on the outcome)."""

    UPHELD = "upheld"
    VARIED = "varied"


class InvitationStatus(StrEnum):
    """A representative invitation (portal.cases.representatives); `expired` is never stored:
    a pending invitation past its expiry reads as expired."""

    PENDING = "pending"
    ACCEPTED = "accepted"
    REVOKED = "revoked"
    EXPIRED = "expired"

    @classmethod
    def at(cls, stored: InvitationStatus, expires_at: datetime, now: datetime) -> InvitationStatus:
        """Where an invitation stands at ``now``: a pending one past its expiry has expired.
        Every kind of invitation (a representative's, a staff member's) reads it so."""
        if stored is cls.PENDING and now >= expires_at:
            return cls.EXPIRED
        return stored

    def refusal(self) -> tuple[str, str] | None:
        """Why an invitation in this state cannot be answered (a code and a message), or None
        while it is pending; the same for every kind of invitation."""
        if self is InvitationStatus.EXPIRED:
            return "INVITATION_EXPIRED", "This invitation has expired; ask for a new one."
        if self is not InvitationStatus.PENDING:
            return "INVITATION_NOT_PENDING", "This invitation was already used or withdrawn."
        return None


class AutomatedRule(StrEnum):
    """Issue 20, 3: the rows of the transition table the clock job takes (`system=True`), each
    a rule that decides a step automatically; named as the row's action (a check in
    portal.cases.transitions keeps the two lists equal)."""

    CONSENT_LAPSED = "consent_lapsed"
    ORGANISATION_SILENT = "organisation_silent"
    CONFIRM_NEUTRAL = "confirm_neutral"
    NEGOTIATION_LAPSED = "negotiation_lapsed"
    AWARD_FINAL = "award_final"
    OUTCOME_NOT_ACCEPTED = "outcome_not_accepted"
    CONFIRMATION_LAPSED = "confirmation_lapsed"
    IMPLEMENTATION_LAPSED = "implementation_lapsed"
    OFFER_EXPIRED = "offer_expired"


class AutomatedReviewStatus(StrEnum):
    """Where a person's review of an automated decision stands (issue 20, 3)."""

    PENDING = "pending"  # asked for; a provider caseworker has not decided it
    UPHELD = "upheld"  # the caseworker kept the decision, with reasons
    REVERSED = "reversed"  # the caseworker reversed it through the transition table


class AutomatedReviewVerdict(StrEnum):
    """What a provider caseworker decides on a review of an automated step."""

    UPHELD = "upheld"  # the step stands
    REVERSED = "reversed"  # reversed through the transition table
