"""Errors the API shows: expected ones as data (`userErrors`), the rest coded or masked.

Every error a client sees carries `extensions.code`. An exception that is neither a
`GraphQLError` nor a `PublicError` is a bug: the client gets `INTERNAL_SERVER_ERROR` and the
request id, the log gets the traceback under the same id. graphql-core's own complaints about
what a resolver returned (a null for a non-null field, a value a type cannot represent) are bugs
too, and are masked the same way.
"""

from __future__ import annotations

import logging
import re
from enum import StrEnum
from typing import Any

import strawberry
from graphql import GraphQLError
from starlette.responses import Response
from strawberry.extensions import MaskErrors

from portal.api.enums import described_enum
from portal.dbclients.faults import RETRY_AFTER_SECONDS, is_connection_lost
from portal.logs import current_request_id

log = logging.getLogger("portal.api")

MASKED_MESSAGE = "Unexpected error."
INTERNAL = "INTERNAL_SERVER_ERROR"
# Issue 13 D3: the database went away (a terminated connection, a failover, SQLite's lock held
# past the busy timeout); the request may succeed when retried. HTTP 503 with Retry-After.
UNAVAILABLE = "DATABASE_UNAVAILABLE"
UNAVAILABLE_MESSAGE = "The database is unavailable for a moment; retry the request."


class UserErrorCode(StrEnum):
    INVALID_CREDENTIALS = "INVALID_CREDENTIALS"
    RATE_LIMITED = "RATE_LIMITED"
    INVALID_REFRESH_TOKEN = "INVALID_REFRESH_TOKEN"
    INVALID_CODE = "INVALID_CODE"
    # Issue 16: a typed code that cannot be six digits, even without its separators; no guess.
    INVALID_CODE_FORMAT = "INVALID_CODE_FORMAT"
    # Sign-in limits (portal.auth.limits): a second sign-in step in one request; a password
    # on an account whose failures ask for a one-time code first.
    ONE_CREDENTIAL_PER_REQUEST = "ONE_CREDENTIAL_PER_REQUEST"
    SIGN_IN_CODE_REQUIRED = "SIGN_IN_CODE_REQUIRED"
    INVALID_INPUT = "INVALID_INPUT"
    # Accounts (a complaint recorded for someone without an account creates one).
    INVALID_EMAIL = "INVALID_EMAIL"
    EMAIL_TAKEN = "EMAIL_TAKEN"
    # Idempotent create mutations: a key reused for a different request.
    IDEMPOTENCY_KEY_REUSED = "IDEMPOTENCY_KEY_REUSED"
    # A repeat whose first answer carried a secret shown once (portal.api.idempotency).
    SECRET_NOT_REPEATED = "SECRET_NOT_REPEATED"
    # Complaints and cases (portal.cases.errors, the transition table's guards, handlers).
    ACTION_NOT_AVAILABLE = "ACTION_NOT_AVAILABLE"
    ALREADY_ANSWERED = "ALREADY_ANSWERED"
    ALREADY_CONFIRMED = "ALREADY_CONFIRMED"
    ALREADY_RECORDED = "ALREADY_RECORDED"
    ALREADY_REFERRED = "ALREADY_REFERRED"
    APPOINTMENT_ACTIVE = "APPOINTMENT_ACTIVE"
    BINDING_AWARD = "BINDING_AWARD"
    CLOCK_NOT_RUNNING = "CLOCK_NOT_RUNNING"
    COMPLAINANT_NOT_CONFIRMED = "COMPLAINANT_NOT_CONFIRMED"
    CONSENT_INCOMPLETE = "CONSENT_INCOMPLETE"
    CONSENT_TEXT_CHANGED = "CONSENT_TEXT_CHANGED"
    CONSENT_TO_BE_BOUND_REQUIRED = "CONSENT_TO_BE_BOUND_REQUIRED"
    EXTENSION_LIMIT = "EXTENSION_LIMIT"
    FORBIDDEN = "FORBIDDEN"
    IMPLEMENTATION_NOT_RECORDED = "IMPLEMENTATION_NOT_RECORDED"
    INVALID_AMOUNT = "INVALID_AMOUNT"
    INVALID_ANSWER = "INVALID_ANSWER"
    INVALID_CHOICE = "INVALID_CHOICE"
    INVALID_CURRENCY = "INVALID_CURRENCY"
    INVALID_DAYS = "INVALID_DAYS"
    INVALID_EXPIRY = "INVALID_EXPIRY"
    INVALID_LANGUAGE = "INVALID_LANGUAGE"
    INVALID_URL = "INVALID_URL"
    METHOD_NOT_OFFERED = "METHOD_NOT_OFFERED"
    NEUTRAL_NOT_AVAILABLE = "NEUTRAL_NOT_AVAILABLE"
    NEUTRAL_NOT_CONFIRMED = "NEUTRAL_NOT_CONFIRMED"
    NEUTRAL_NOT_ON_ROSTER = "NEUTRAL_NOT_ON_ROSTER"
    NOT_BINDING = "NOT_BINDING"
    NOT_FACILITATIVE = "NOT_FACILITATIVE"
    NOT_FOUND = "NOT_FOUND"
    NOTICE_NOT_ACKNOWLEDGED = "NOTICE_NOT_ACKNOWLEDGED"
    NOTICE_TEXT_CHANGED = "NOTICE_TEXT_CHANGED"
    NO_DECLARATION_DUE = "NO_DECLARATION_DUE"
    NO_NEUTRAL_FOR_METHOD = "NO_NEUTRAL_FOR_METHOD"
    NO_OBJECTION_PENDING = "NO_OBJECTION_PENDING"
    NO_OPEN_OFFER = "NO_OPEN_OFFER"
    OFFER_EXPIRED = "OFFER_EXPIRED"
    NO_OUTCOME = "NO_OUTCOME"
    NO_RUNNING_CLOCK = "NO_RUNNING_CLOCK"
    OBJECTION_WINDOW_CLOSED = "OBJECTION_WINDOW_CLOSED"
    OBJECTION_WINDOW_OPEN = "OBJECTION_WINDOW_OPEN"
    OVERALL_QUESTION_REQUIRED = "OVERALL_QUESTION_REQUIRED"
    ORGANISATION_NOT_FOUND = "ORGANISATION_NOT_FOUND"
    PROVIDER_NOT_AVAILABLE = "PROVIDER_NOT_AVAILABLE"
    REASONS_REQUIRED = "REASONS_REQUIRED"
    REFLECTION_PERIOD_OPEN = "REFLECTION_PERIOD_OPEN"
    REFLECTION_PERIOD_OVER = "REFLECTION_PERIOD_OVER"
    REPRESENTATIVE_NOT_ALLOWED = "REPRESENTATIVE_NOT_ALLOWED"
    REQUIRED = "REQUIRED"
    RESPONSE_CLOCK_RUNNING = "RESPONSE_CLOCK_RUNNING"
    # Issue 15: a way forward from every stage (the transition table's docstring).
    ALREADY_ESCALATED = "ALREADY_ESCALATED"
    CONFIRMATION_CLOCK_RUNNING = "CONFIRMATION_CLOCK_RUNNING"
    CONSENT_CLOCK_RUNNING = "CONSENT_CLOCK_RUNNING"
    IMPLEMENTATION_CLOCK_RUNNING = "IMPLEMENTATION_CLOCK_RUNNING"
    NOT_ESCALATED = "NOT_ESCALATED"
    NOT_NEGOTIATION = "NOT_NEGOTIATION"
    NO_APPOINTMENT = "NO_APPOINTMENT"
    OUTCOME_CLOCK_RUNNING = "OUTCOME_CLOCK_RUNNING"
    REPLY_WINDOW_CLOSED = "REPLY_WINDOW_CLOSED"
    REPLY_WINDOW_OPEN = "REPLY_WINDOW_OPEN"
    SILENCE_NOT_REFUSAL = "SILENCE_NOT_REFUSAL"
    WITHDRAWAL_NOT_ALLOWED = "WITHDRAWAL_NOT_ALLOWED"
    # Issue 13 D5: the case left the stage the caller named in `expectedStage`.
    STAGE_CHANGED = "STAGE_CHANGED"
    # Issue 20, 3: a person's review of an automated step (portal.automated).
    NO_AUTOMATED_REVIEW_PENDING = "NO_AUTOMATED_REVIEW_PENDING"
    AUTOMATED_DECISION_SUPERSEDED = "AUTOMATED_DECISION_SUPERSEDED"
    AUTOMATED_REVIEW_WINDOW_CLOSED = "AUTOMATED_REVIEW_WINDOW_CLOSED"
    AUTOMATED_REVIEW_EXISTS = "AUTOMATED_REVIEW_EXISTS"
    AUTOMATED_REVIEW_NOT_PENDING = "AUTOMATED_REVIEW_NOT_PENDING"

    # Surveys (portal.feedback.surveys).
    SURVEY_EXPIRED = "SURVEY_EXPIRED"
    SURVEY_LINK_INVALID = "SURVEY_LINK_INVALID"
    TOO_LONG = "TOO_LONG"
    # Case files (portal.casefiles.errors).
    ALREADY_SUPERSEDED = "ALREADY_SUPERSEDED"
    CASE_CLOSED = "CASE_CLOSED"
    EMPTY_FILE = "EMPTY_FILE"
    FILE_TOO_LARGE = "FILE_TOO_LARGE"
    INVALID_FILENAME = "INVALID_FILENAME"
    SCOPE_MISMATCH = "SCOPE_MISMATCH"
    SCOPE_NOT_ALLOWED = "SCOPE_NOT_ALLOWED"
    TYPE_MISMATCH = "TYPE_MISMATCH"
    UNSUPPORTED_TYPE = "UNSUPPORTED_TYPE"
    UPLOAD_REQUIRED = "UPLOAD_REQUIRED"
    # Issue 13 F11: zip-based documents that unpack too large, or hold an archive.
    ARCHIVE_TOO_LARGE = "ARCHIVE_TOO_LARGE"
    NESTED_ARCHIVE = "NESTED_ARCHIVE"
    # Events out (portal.notifications): webhooks and dead letters.
    URL_NOT_ALLOWED = "URL_NOT_ALLOWED"
    INVALID_EVENT_KIND = "INVALID_EVENT_KIND"
    SUBSCRIPTION_LIMIT = "SUBSCRIPTION_LIMIT"
    NOT_A_DEAD_LETTER = "NOT_A_DEAD_LETTER"
    # Representatives named by invitation (portal.cases.representatives).
    REPRESENTATIVE_ALREADY_NAMED = "REPRESENTATIVE_ALREADY_NAMED"
    NO_REPRESENTATIVE = "NO_REPRESENTATIVE"
    INVITATION_PENDING = "INVITATION_PENDING"
    INVITATION_LIMIT = "INVITATION_LIMIT"
    INVITATION_NOT_PENDING = "INVITATION_NOT_PENDING"
    INVITATION_INVALID = "INVITATION_INVALID"
    INVITATION_EXPIRED = "INVITATION_EXPIRED"
    INVITATION_FOR_ANOTHER_ADDRESS = "INVITATION_FOR_ANOTHER_ADDRESS"
    DELIVERY_IN_PROGRESS = "DELIVERY_IN_PROGRESS"
    # Linked and group cases (portal.groups, issue 20).
    SAME_CASE = "SAME_CASE"
    CASES_NOT_RELATED = "CASES_NOT_RELATED"
    GROUP_TOO_SMALL = "GROUP_TOO_SMALL"
    GROUP_TOO_LARGE = "GROUP_TOO_LARGE"
    NOT_LINKED = "NOT_LINKED"
    ALREADY_IN_GROUP = "ALREADY_IN_GROUP"
    GROUP_OUTCOME_PROPOSED = "GROUP_OUTCOME_PROPOSED"
    NO_CONSENT_TO_WITHDRAW = "NO_CONSENT_TO_WITHDRAW"
    GROUP_ALREADY_FORMED = "GROUP_ALREADY_FORMED"
    CONSENT_MISSING = "CONSENT_MISSING"
    GROUP_NOT_FORMED = "GROUP_NOT_FORMED"
    ALREADY_SHARED = "ALREADY_SHARED"
    # Integration clients (portal.accounts.clients).
    CLIENT_DISABLED = "CLIENT_DISABLED"
    # Teams (portal.accounts.team): a role the team does not offer, an address already on
    # it, and the manager a team always keeps.
    ROLE_SCOPE_MISMATCH = "ROLE_SCOPE_MISMATCH"
    ALREADY_MEMBER = "ALREADY_MEMBER"
    LAST_MANAGER = "LAST_MANAGER"
    # Issue 14: sign-up, claiming an account, the first admin (portal.accounts.signup).
    INVALID_TIME_ZONE = "INVALID_TIME_ZONE"
    SETUP_LINK_INVALID = "SETUP_LINK_INVALID"
    ADMIN_EXISTS = "ADMIN_EXISTS"
    # Provider adapters (portal.notifications.provider_config).
    UNKNOWN_ADAPTER = "UNKNOWN_ADAPTER"
    # Administration (portal.admin.services) and what retiring stops.
    ALREADY_LINKED = "ALREADY_LINKED"
    ALREADY_RETIRED = "ALREADY_RETIRED"
    INVALID_COUNTRY = "INVALID_COUNTRY"
    INVALID_SLUG = "INVALID_SLUG"
    ORGANISATION_RETIRED = "ORGANISATION_RETIRED"
    PROVIDER_RETIRED = "PROVIDER_RETIRED"
    SCHEME_IN_USE = "SCHEME_IN_USE"
    SCHEME_RETIRED = "SCHEME_RETIRED"
    SLUG_TAKEN = "SLUG_TAKEN"
    # Audits (issue 19 E, portal.auditing).
    AUDIT_RUN_ACTIVE = "AUDIT_RUN_ACTIVE"
    FINDING_CLOSED = "FINDING_CLOSED"
    # Issue 19, data protection (portal.privacy): an erasure a legal hold stops, a second
    # request while one awaits its decision, a decision on a request already decided.
    ERASURE_HELD = "ERASURE_HELD"
    ERASURE_ALREADY_REQUESTED = "ERASURE_ALREADY_REQUESTED"
    ALREADY_DECIDED = "ALREADY_DECIDED"
    # Issue 19 attack review: a person's subject-access exports are capped per day.
    EXPORT_LIMIT = "EXPORT_LIMIT"
    # Issue 20, 1: sessions and hearings (portal.sessions).
    SLOT_IN_PAST = "SLOT_IN_PAST"
    SESSION_NOT_PROPOSED = "SESSION_NOT_PROPOSED"
    SESSION_NOT_SCHEDULED = "SESSION_NOT_SCHEDULED"
    SESSION_NOT_OVER = "SESSION_NOT_OVER"
    # Issue 20, fees and waivers (portal.fees, the `fees_settled` guard).
    FEES_OUTSTANDING = "FEES_OUTSTANDING"
    INVOICE_SETTLED = "INVOICE_SETTLED"
    WAIVER_PENDING = "WAIVER_PENDING"
    WAIVER_DECIDED = "WAIVER_DECIDED"
    INVALID_FEE_BAND = "INVALID_FEE_BAND"
    PAYMENT_BY_STAFF_ONLY = "PAYMENT_BY_STAFF_ONLY"
    PAYMENT_REFUSED = "PAYMENT_REFUSED"
    PAYMENT_PROCESSOR_UNAVAILABLE = "PAYMENT_PROCESSOR_UNAVAILABLE"


# One description per code: what it means and what the client does; docs/integrator-guide.md's
# error table says the same for each.
_CODE_MEANINGS = {
    UserErrorCode.INVALID_CREDENTIALS: "Wrong e-mail or password.",
    UserErrorCode.RATE_LIMITED: (
        "Too many sign-in attempts or codes from this client address, or too many codes sent to "
        "this account; wait for the window to pass (a browser that signed in to the account "
        "before keeps a device cookie that the account's limits do not hold)."
    ),
    UserErrorCode.INVALID_REFRESH_TOKEN: "The refresh token is unknown, spent or expired.",
    UserErrorCode.INVALID_CODE: "The sign-in code is wrong, spent or expired.",
    UserErrorCode.INVALID_CODE_FORMAT: (
        "The typed sign-in code is not six digits, even without spaces, dashes and other "
        'separators (full-width digits count as digits); `field` is `["input", "code"]`. Not '
        "counted as a wrong guess."
    ),
    UserErrorCode.ONE_CREDENTIAL_PER_REQUEST: (
        "A request checks at most one credential (a password, a sign-in code, a code request): "
        "send each sign-in step in a request of its own, never as aliases or a batch."
    ),
    UserErrorCode.SIGN_IN_CODE_REQUIRED: (
        "The account had too many wrong passwords: sign in with a one-time code "
        "(`requestSignInCode`, then `signInWithCode`), which clears the lock."
    ),
    UserErrorCode.INVALID_INPUT: (
        "A value is malformed (an ID of the wrong type, an idempotency key of the wrong length, "
        "too many items)."
    ),
    UserErrorCode.INVALID_EMAIL: "Not an e-mail address Parley can store.",
    UserErrorCode.EMAIL_TAKEN: "An account with this e-mail exists.",
    UserErrorCode.IDEMPOTENCY_KEY_REUSED: (
        "The idempotency key was used before for a different request."
    ),
    UserErrorCode.SECRET_NOT_REPEATED: (
        "A repeat (same `idempotencyKey`) of an answer that carried a secret: secrets are shown "
        "once and not stored; the rest of the first answer is there."
    ),
    UserErrorCode.ACTION_NOT_AVAILABLE: (
        "The case's stage does not allow this action, or not for your role."
    ),
    UserErrorCode.ALREADY_ANSWERED: "This side has already answered (the outcome, the survey).",
    UserErrorCode.ALREADY_CONFIRMED: (
        "The complaint is confirmed already, which is why `availableActions` leaves `CONFIRM` "
        "out; `confirmComplaint` answers such a complaint unchanged rather than with this code."
    ),
    UserErrorCode.ALREADY_RECORDED: "The implementation is already recorded.",
    UserErrorCode.ALREADY_REFERRED: "The complaint is already referred.",
    UserErrorCode.APPOINTMENT_ACTIVE: "A neutral is already appointed.",
    UserErrorCode.BINDING_AWARD: "A binding award cannot be rejected; request a review instead.",
    UserErrorCode.CLOCK_NOT_RUNNING: "That clock is not running, so it cannot be extended.",
    UserErrorCode.COMPLAINANT_NOT_CONFIRMED: (
        "A complaint recorded by the organisation is referred once its complainant has confirmed "
        "it (or by the complainant)."
    ),
    UserErrorCode.CONSENT_INCOMPLETE: (
        "Consent needs both acknowledgements (legal effect, right to withdraw)."
    ),
    UserErrorCode.CONSENT_TEXT_CHANGED: (
        "The legal-effect text whose `legalEffectDigest` was sent is not the one in force for "
        "that `language` (`DisputeCase.consentText`): show the text again and resend its digest. "
        "Nothing was recorded."
    ),
    UserErrorCode.CONSENT_TO_BE_BOUND_REQUIRED: (
        "A binding method needs explicit consent to be bound."
    ),
    UserErrorCode.EXTENSION_LIMIT: "The clock has been extended as often as allowed.",
    UserErrorCode.FORBIDDEN: "Your role may not do this (on an object you may see).",
    UserErrorCode.IMPLEMENTATION_NOT_RECORDED: (
        "The implementation has to be recorded before it is confirmed, disputed, or the case "
        "closed as `RESOLVED`."
    ),
    UserErrorCode.INVALID_AMOUNT: "Not a decimal amount of zero or more with at most two decimals.",
    UserErrorCode.INVALID_ANSWER: "A survey answer does not fit its question.",
    UserErrorCode.INVALID_CHOICE: "Not one of the allowed values (a commitment's remedies, say).",
    UserErrorCode.INVALID_CURRENCY: "Not an ISO 4217 currency code.",
    UserErrorCode.INVALID_DAYS: (
        "A number of days outside the allowed range (a clock extension, a survey link's lifetime)."
    ),
    UserErrorCode.INVALID_EXPIRY: "An offer's expiry in the past, or without a time zone.",
    UserErrorCode.INVALID_LANGUAGE: (
        "A case language the provider does not offer, or a commitment's language that is not a "
        "BCP 47 tag (`en`, `zh-Hans`)."
    ),
    UserErrorCode.INVALID_URL: "Not an http(s) URL, carries credentials, or does not resolve.",
    UserErrorCode.METHOD_NOT_OFFERED: "The provider does not offer this method.",
    UserErrorCode.NEUTRAL_NOT_AVAILABLE: (
        "The neutral's mandate does not cover this method or has ended."
    ),
    UserErrorCode.NEUTRAL_NOT_CONFIRMED: (
        "The file cannot be completed before the neutral is confirmed."
    ),
    UserErrorCode.NEUTRAL_NOT_ON_ROSTER: "That person is not on the provider's roster.",
    UserErrorCode.NOT_BINDING: "Review is for binding awards only.",
    UserErrorCode.NOT_FACILITATIVE: (
        "Offers belong to facilitative methods (negotiation, mediation, conciliation)."
    ),
    UserErrorCode.NOT_FOUND: "The object does not exist, or you may not see it.",
    UserErrorCode.NOTICE_NOT_ACKNOWLEDGED: (
        "Accepting an outcome needs `acknowledgesNotice: true`: the party read "
        "`Outcome.acceptanceNotice` (EU ADR Art. 9(2)(b))."
    ),
    UserErrorCode.NOTICE_TEXT_CHANGED: (
        "The notice whose `noticeDigest` was sent is not the one in force for that `language`: "
        "show `Outcome.acceptanceNotice` again and resend its digest."
    ),
    UserErrorCode.NO_DECLARATION_DUE: "The neutral has no impartiality declaration pending.",
    UserErrorCode.NO_NEUTRAL_FOR_METHOD: "This method runs without a neutral.",
    UserErrorCode.NO_OBJECTION_PENDING: "There is no objection to decide.",
    UserErrorCode.NO_OPEN_OFFER: "There is no open offer to answer or withdraw.",
    UserErrorCode.OFFER_EXPIRED: (
        "The offer passed its `expiresAt`: it shows as `EXPIRED` and can no longer be accepted, "
        "rejected or countered."
    ),
    UserErrorCode.NO_OUTCOME: "There is no outcome to answer.",
    UserErrorCode.NO_RUNNING_CLOCK: "No clock is running on the case.",
    UserErrorCode.OBJECTION_WINDOW_CLOSED: "The window to object to the neutral has passed.",
    UserErrorCode.OBJECTION_WINDOW_OPEN: "The objection window is still open.",
    UserErrorCode.OVERALL_QUESTION_REQUIRED: "A survey needs its overall-satisfaction question.",
    UserErrorCode.ORGANISATION_NOT_FOUND: "No such organisation.",
    UserErrorCode.PROVIDER_NOT_AVAILABLE: (
        "The organisation does not take part in that provider's scheme."
    ),
    UserErrorCode.REASONS_REQUIRED: "This step needs reasons (a refusal, a rejection, a review).",
    UserErrorCode.REFLECTION_PERIOD_OPEN: "The reflection period has not ended yet.",
    UserErrorCode.REFLECTION_PERIOD_OVER: "The reflection period has ended.",
    UserErrorCode.REPRESENTATIVE_NOT_ALLOWED: (
        "Only the complainant names a representative, and never someone with a role in the case's"
        " organisation or provider, or an installation-wide one."
    ),
    UserErrorCode.REQUIRED: "A required value is missing or blank.",
    UserErrorCode.RESPONSE_CLOCK_RUNNING: "The organisation's response clock is still running.",
    UserErrorCode.ALREADY_ESCALATED: (
        "The implementation has already gone to the provider to decide."
    ),
    UserErrorCode.CONFIRMATION_CLOCK_RUNNING: (
        "The complainant's confirmation clock is still running (the clock job's step)."
    ),
    UserErrorCode.CONSENT_CLOCK_RUNNING: (
        "The complainant's consent clock is still running (the clock job's step)."
    ),
    UserErrorCode.IMPLEMENTATION_CLOCK_RUNNING: (
        "The organisation's implementation clock is still running (the clock job's step)."
    ),
    UserErrorCode.NOT_ESCALATED: (
        "`closeCase` with `NOT_IMPLEMENTED` needs the implementation to have gone to the provider"
        " (reported not done, or not confirmed or recorded in time); `DisputeCase.closureReasons`"
        " lists the reasons allowed now."
    ),
    UserErrorCode.NOT_NEGOTIATION: (
        "Only a negotiation closes when its time runs out (the clock job's step)."
    ),
    UserErrorCode.NO_APPOINTMENT: "No neutral is appointed: there is nobody to recuse or remove.",
    UserErrorCode.OUTCOME_CLOCK_RUNNING: (
        "The outcome clock is still running (the clock job's step)."
    ),
    UserErrorCode.REPLY_WINDOW_CLOSED: (
        "The complainant's window to reply to the organisation's position has ended, or they have"
        " replied."
    ),
    UserErrorCode.REPLY_WINDOW_OPEN: (
        "The file is complete once the complainant has replied to the organisation's position or "
        "the reply window has ended."
    ),
    UserErrorCode.SILENCE_NOT_REFUSAL: (
        "Under this scheme the organisation's silence is not a refusal (the clock job's step)."
    ),
    UserErrorCode.WITHDRAWAL_NOT_ALLOWED: (
        "The case's scheme does not let the organisation withdraw "
        "(`Scheme.organisationMayWithdraw`); before responding it may refuse to take part."
    ),
    UserErrorCode.STAGE_CHANGED: (
        "The case is no longer at the `expectedStage` you sent: someone else acted first. The "
        "message names the stage it is at; nothing was changed."
    ),
    UserErrorCode.NO_AUTOMATED_REVIEW_PENDING: (
        "No party's request for a review of an automated step is waiting for a decision "
        "(`REVERSE_AUTOMATED_DECISION` is taken through `decideAutomatedReview`)."
    ),
    UserErrorCode.AUTOMATED_DECISION_SUPERSEDED: (
        "The case has moved on since the automated step (another stage, or other clocks running):"
        " it can no longer be reversed; the review may still be upheld."
    ),
    UserErrorCode.AUTOMATED_REVIEW_WINDOW_CLOSED: (
        "The time to ask for a person's review of this automated step has ended "
        "(`AutomatedDecision.reviewDueAt`, the scheme's `automatedReviewDays`)."
    ),
    UserErrorCode.AUTOMATED_REVIEW_EXISTS: (
        "A review of this automated step has already been asked for (one per step, whichever side"
        " asks first)."
    ),
    UserErrorCode.AUTOMATED_REVIEW_NOT_PENDING: (
        "This review of an automated step has already been decided."
    ),
    UserErrorCode.SURVEY_EXPIRED: "The survey link has expired.",
    UserErrorCode.SURVEY_LINK_INVALID: (
        "The survey link is tampered with, of another kind, or for no survey."
    ),
    UserErrorCode.TOO_LONG: (
        "A text or URL longer than its limit (docs/limits.md): `field` names the input field, "
        "`limit` the most characters it takes and `actual` how many it had (Unicode code points);"
        " the message says the same in words."
    ),
    UserErrorCode.ALREADY_SUPERSEDED: "That document version has been replaced already.",
    UserErrorCode.CASE_CLOSED: (
        "The case is closed: its file takes no more documents or messages, and nobody new can "
        "join it."
    ),
    UserErrorCode.EMPTY_FILE: "The upload is empty.",
    UserErrorCode.FILE_TOO_LARGE: (
        "The upload is larger than `PORTAL_DOCUMENT_MAX_BYTES` (`limit`, in bytes; the query "
        "`uploadLimits` tells the limits before uploading). A request far over it is answered "
        "HTTP 413 with the same code before its body is read (docs/limits.md)."
    ),
    UserErrorCode.INVALID_FILENAME: "The file name is empty, too long or has control characters.",
    UserErrorCode.SCOPE_MISMATCH: (
        "A reply stays in the visibility scope of the message it answers."
    ),
    UserErrorCode.SCOPE_NOT_ALLOWED: "You may not write in that visibility scope.",
    UserErrorCode.TYPE_MISMATCH: (
        "The content is of another type than the file name's extension says."
    ),
    UserErrorCode.UNSUPPORTED_TYPE: "The content is not a type Parley accepts.",
    UserErrorCode.UPLOAD_REQUIRED: "The request carries no file where the input needs one.",
    UserErrorCode.ARCHIVE_TOO_LARGE: (
        "A DOCX, XLSX or ODT that unpacks to more than `PORTAL_DOCUMENT_MAX_UNPACKED_BYTES`, has "
        "more than 10,000 parts, or a part compressed more than 100 to 1 (docs/limits.md)."
    ),
    UserErrorCode.NESTED_ARCHIVE: (
        "A DOCX, XLSX or ODT with an archive inside (a .zip, or an embedded workbook); save what "
        "it shows as a PDF or picture instead."
    ),
    UserErrorCode.URL_NOT_ALLOWED: (
        "The webhook URL points to a private, loopback or link-local address."
    ),
    UserErrorCode.INVALID_EVENT_KIND: "Not a timeline event kind.",
    UserErrorCode.SUBSCRIPTION_LIMIT: (
        "The organisation has as many webhook subscriptions as allowed."
    ),
    UserErrorCode.NOT_A_DEAD_LETTER: "Only a dead letter can be retried.",
    UserErrorCode.REPRESENTATIVE_ALREADY_NAMED: (
        "Someone already acts for the complainant on this case: remove them first."
    ),
    UserErrorCode.NO_REPRESENTATIVE: "Nobody acts for the complainant on this case.",
    UserErrorCode.INVITATION_PENDING: (
        "An invitation to represent the complainant, or to join a team at that address, awaits an"
        " answer: revoke it before inviting again."
    ),
    UserErrorCode.INVITATION_LIMIT: (
        "The complainant has sent 5 representative invitations on the case in the last 24 hours: "
        "try again later."
    ),
    UserErrorCode.INVITATION_NOT_PENDING: (
        "The invitation was already accepted or revoked, or has expired."
    ),
    UserErrorCode.INVITATION_INVALID: (
        "The invitation link is tampered with, of another kind, or names no invitation."
    ),
    UserErrorCode.INVITATION_EXPIRED: (
        "The invitation passed its expiry (`PORTAL_REPRESENTATIVE_INVITATION_DAYS`, "
        "`PORTAL_STAFF_INVITATION_DAYS`)."
    ),
    UserErrorCode.INVITATION_FOR_ANOTHER_ADDRESS: (
        "Signed in with another address than the one the invitation was sent to."
    ),
    UserErrorCode.DELIVERY_IN_PROGRESS: (
        "`redeliverWebhookDelivery` on a delivery that is still queued, held or being sent: "
        "redeliver it once it has been delivered or has failed."
    ),
    UserErrorCode.SAME_CASE: ("`linkCases` names the same case twice."),
    UserErrorCode.CASES_NOT_RELATED: (
        "Only cases of the same organisation at the same provider can be linked."
    ),
    UserErrorCode.GROUP_TOO_SMALL: ("A group needs at least one case besides its lead."),
    UserErrorCode.GROUP_TOO_LARGE: ("A group holds at most 100 cases."),
    UserErrorCode.NOT_LINKED: (
        "A case asked into a group must be linked to its lead case first; the message names "
        "the cases."
    ),
    UserErrorCode.ALREADY_IN_GROUP: (
        "A case is already asked into, or a member of, another group whose outcome is not yet "
        "proposed."
    ),
    UserErrorCode.GROUP_OUTCOME_PROPOSED: (
        "The group's outcome has been proposed: consent can no longer be given or withdrawn, "
        "and no second outcome is proposed."
    ),
    UserErrorCode.NO_CONSENT_TO_WITHDRAW: (
        "The complainant's consent to the group does not stand (never given, refused or "
        "already withdrawn)."
    ),
    UserErrorCode.GROUP_ALREADY_FORMED: ("The group is already formed."),
    UserErrorCode.CONSENT_MISSING: (
        "A group is formed only when the lead case's complainant and at least one other have "
        "consented."
    ),
    UserErrorCode.GROUP_NOT_FORMED: (
        "Form the group before sharing documents or proposing its outcome."
    ),
    UserErrorCode.ALREADY_SHARED: ("The document is already shared with the group."),
    UserErrorCode.CLIENT_DISABLED: (
        "The integration client is disabled, for good: create a new one."
    ),
    UserErrorCode.ROLE_SCOPE_MISMATCH: (
        "The role does not fit the team or owner: `ORG_AGENT` or `ORG_MANAGER` for an "
        "organisation (its team, its integration clients); `PROVIDER_CASEWORKER` (and, for a "
        "team, `NEUTRAL`) for a provider (`Team.roles` lists a team's)."
    ),
    UserErrorCode.ALREADY_MEMBER: (
        "The address belongs to a member of the team already: change their role instead."
    ),
    UserErrorCode.LAST_MANAGER: (
        "The change would leave the team without a manager (`Team.managerRole`): make someone "
        "else a manager first."
    ),
    UserErrorCode.INVALID_TIME_ZONE: (
        "Not an IANA time zone name such as `Europe/Paris`, `Asia/Shanghai` or `UTC` (names are "
        "case-sensitive)."
    ),
    UserErrorCode.SETUP_LINK_INVALID: (
        "The first administrator's setup link was used, has expired (`PORTAL_SETUP_LINK_TTL`), or"
        " the installation has an administrator already."
    ),
    UserErrorCode.ADMIN_EXISTS: "`portal init`: the installation has an administrator already.",
    UserErrorCode.UNKNOWN_ADAPTER: (
        "No provider adapter of that name is installed (docs/providers.md)."
    ),
    UserErrorCode.ALREADY_LINKED: (
        "The organisation already takes part in that provider's scheme (docs/administration.md); "
        "`linkCases`: the two cases are already linked."
    ),
    UserErrorCode.ALREADY_RETIRED: "The organisation, provider, scheme or link is retired already.",
    UserErrorCode.INVALID_COUNTRY: "A country is an ISO 3166-1 alpha-2 code (`DE`, `FR`, ...).",
    UserErrorCode.INVALID_SLUG: (
        "A slug is 1 to 64 lower-case letters, digits and hyphens, not starting or ending with a "
        "hyphen."
    ),
    UserErrorCode.ORGANISATION_RETIRED: (
        "The organisation is retired: it takes no new complaints (and no new links)."
    ),
    UserErrorCode.PROVIDER_RETIRED: (
        "The provider is retired: it takes no new referrals (its cases run on)."
    ),
    UserErrorCode.SCHEME_IN_USE: (
        "An active link refers under this scheme: move or retire the link first."
    ),
    UserErrorCode.SCHEME_RETIRED: (
        "The scheme is retired or replaced by a newer version: use its current version."
    ),
    UserErrorCode.SLUG_TAKEN: "Another organisation (or provider) has that slug.",
    UserErrorCode.AUDIT_RUN_ACTIVE: (
        "The auditor's last verification run has not finished; start the next once it is done "
        "(`auditRun`)."
    ),
    UserErrorCode.FINDING_CLOSED: (
        "The audit finding is closed; it takes no more follow-up entries."
    ),
    UserErrorCode.ERASURE_HELD: (
        "`decideErasure` cannot grant: a legal hold stands (a case or complaint still open, or "
        "one within its retention period); the request's `holds` say which, why and until when. "
        "Refusing is possible."
    ),
    UserErrorCode.ERASURE_ALREADY_REQUESTED: (
        "This person already has an erasure request awaiting its decision."
    ),
    UserErrorCode.ALREADY_DECIDED: "The erasure request has been granted or refused already.",
    UserErrorCode.EXPORT_LIMIT: (
        "`requestDataExport`: three copies of the person's data were made within the last 24 "
        "hours (each stays downloadable for 30 days); `limit` and `actual` say so."
    ),
    UserErrorCode.SLOT_IN_PAST: (
        "A session's slot, or the time it moves to, is not in the future."
    ),
    UserErrorCode.SESSION_NOT_PROPOSED: (
        "The session's slots are no longer open: it was scheduled or cancelled (pick, "
        "decline and confirm need a proposed session)."
    ),
    UserErrorCode.SESSION_NOT_SCHEDULED: (
        "The session is not scheduled (moving and minuting need a scheduled one; "
        "cancelling, a proposed or scheduled one)."
    ),
    UserErrorCode.SESSION_NOT_OVER: (
        "`recordSessionMinute`: the session has not ended yet; record its minute after it."
    ),
    UserErrorCode.FEES_OUTSTANDING: (
        "The case waits at this stage until its fees are paid or waived (the scheme's fee "
        "schedule names the stage): see `caseFees`."
    ),
    UserErrorCode.INVOICE_SETTLED: "The fee invoice is paid or waived already.",
    UserErrorCode.WAIVER_PENDING: (
        "A waiver of this fee invoice already awaits the provider's decision."
    ),
    UserErrorCode.WAIVER_DECIDED: "The fee waiver has been granted or refused already.",
    UserErrorCode.INVALID_FEE_BAND: (
        "A fee band ends at or below where it starts, or two bands of one payer cover the same "
        "claim value."
    ),
    UserErrorCode.PAYMENT_BY_STAFF_ONLY: (
        "Card payments are not set up on this installation: the invoice is paid another way "
        "and the provider's staff record it."
    ),
    UserErrorCode.PAYMENT_REFUSED: (
        "The card processor refused to open a checkout for this invoice; starting again opens "
        "a new one."
    ),
    UserErrorCode.PAYMENT_PROCESSOR_UNAVAILABLE: (
        "The card processor did not answer. Retry `startFeePayment`: it asks again for the same "
        "checkout, so nothing is charged twice."
    ),
}
described_enum(
    UserErrorCode,
    description="Machine-readable codes of expected mutation failures, each in a `userErrors` "
    "entry with the input `field` it concerns.",
    values=_CODE_MEANINGS,
)


@strawberry.type(description="An expected failure of a mutation, for the user to act on.")
class UserError:
    field: list[str] | None = strawberry.field(
        description="Path to the input field at fault, when one is."
    )
    code: UserErrorCode = strawberry.field(description="What went wrong, for the client to act on.")
    message: str = strawberry.field(
        description="The same in English words, for a person; wording may change, `code` does not."
    )
    limit: int | None = strawberry.field(
        default=None,
        description="For a value over a limit (`TOO_LONG`, `FILE_TOO_LARGE`): the limit, in "
        "characters (Unicode code points) or bytes.",
    )
    actual: int | None = strawberry.field(
        default=None,
        description="For a value over a limit: its size in the limit's unit, when measured.",
    )


def camel(name: str) -> str:
    head, *rest = name.split("_")
    return head + "".join(part.title() for part in rest)


def user_error(
    code: str,
    message: str,
    field: str | None = None,
    *,
    limit: int | None = None,
    actual: int | None = None,
) -> UserError:
    """A service's expected failure as data; ``field`` is the service's (snake_case) name of
    the input field at fault, which the API's input types share; ``limit`` and ``actual`` for
    a refusal over a limit (portal.lengths)."""
    return UserError(
        field=["input", camel(field)] if field else None,
        code=UserErrorCode(code),
        message=message,
        limit=limit,
        actual=actual,
    )


class PublicError(GraphQLError):
    """An error meant for the client, with a stable `extensions.code`."""

    code = "BAD_REQUEST"

    def __init__(self, message: str, **extensions: Any) -> None:
        super().__init__(message, extensions={"code": self.code, **extensions})


class Unauthenticated(PublicError):
    code = "UNAUTHENTICATED"

    def __init__(self, message: str = "Sign in to do this.") -> None:
        super().__init__(message)


class NotFound(PublicError):
    """Also what a foreign object looks like: exactly like one that does not exist."""

    code = "NOT_FOUND"

    def __init__(self, message: str = "Not found.") -> None:
        super().__init__(message)


# graphql-core and strawberry report without codes; give each a stable one.
_CODES: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"exceeds maximum operation depth"), "DEPTH_LIMIT_EXCEEDED"),
    (re.compile(r"aliases found\. Allowed"), "ALIAS_LIMIT_EXCEEDED"),
    (re.compile(r"Document contains more than \d+ tokens"), "TOKEN_LIMIT_EXCEEDED"),
    (re.compile(r"^Syntax Error"), "GRAPHQL_PARSE_FAILED"),
    # Variable values the client sent (validation's "Variable '$x' is never used" is not one).
    (re.compile(r"^Variable '\$\w+' has invalid |^Variable values are nested"), "BAD_USER_INPUT"),
    (re.compile(r"^GraphQL introspection (has been|is) disabled"), "INTROSPECTION_DISABLED"),
)

# Pre-execution errors that wrap a scalar's own exception: the client's input was wrong.
_BAD_INPUT = re.compile(r"^(Variable '\$\w+' has invalid |Expected value of type |Expected type )")

# What graphql-core says when a resolver returned something the schema does not allow.
_BROKEN_RESULT = re.compile(
    r"^(Cannot return null for non-nullable field|Expected value of type|Abstract type|"
    r"Runtime Object type|Expected Iterable|.* cannot represent )"
)

# graphql-core suggests names ("Did you mean 'email'?"): a map of the schema for a stranger.
_SUGGESTION = re.compile(r"\s*Did you mean [^?]*\?")


def _code_for(error: GraphQLError) -> str:
    for pattern, code in _CODES:
        if pattern.search(error.message):
            return code
    return "GRAPHQL_VALIDATION_FAILED" if error.path is None else "BAD_REQUEST"


def _lost_connection(error: GraphQLError) -> bool:
    original = error.original_error
    return original is not None and is_connection_lost(original)


def is_unexpected(error: GraphQLError) -> bool:
    """Whether ``error`` is a bug to mask, rather than something the client should read."""
    if (error.extensions or {}).get("code") == INTERNAL:
        return False  # masked already
    original = error.original_error
    if _lost_connection(error):
        return False  # retryable, coded by `public_error`
    if isinstance(original, PublicError):
        return False
    if error.path is None:
        return (
            original is not None
            and not isinstance(original, GraphQLError)
            and not _BAD_INPUT.match(error.message)
        )
    if original is not None and not isinstance(original, GraphQLError):
        return True
    return bool(_BROKEN_RESULT.match(error.message))


def mask(error: GraphQLError) -> GraphQLError:
    """Log ``error`` with its traceback and the request id; return what the client may see."""
    request_id = current_request_id()
    where = ".".join(map(str, error.path or [])) or "request"
    log.error(
        "unexpected error in %s (request %s)",
        where,
        request_id,
        exc_info=error.original_error or error,
        extra={"request_id": request_id},
    )
    return GraphQLError(
        MASKED_MESSAGE,
        nodes=error.nodes,
        source=error.source,
        positions=error.positions,
        path=error.path,
        extensions={"code": INTERNAL, "requestId": request_id},
    )


def unavailable(error: GraphQLError) -> GraphQLError:
    """A lost database connection as the client may see it: retryable, with the request id."""
    request_id = current_request_id()
    log.warning(
        "database unavailable in %s (request %s): %r",
        ".".join(map(str, error.path or [])) or "request",
        request_id,
        error.original_error,
        extra={"request_id": request_id},
    )
    return GraphQLError(
        UNAVAILABLE_MESSAGE,
        nodes=error.nodes,
        source=error.source,
        positions=error.positions,
        path=error.path,
        extensions={
            "code": UNAVAILABLE,
            "retryAfter": RETRY_AFTER_SECONDS,
            "requestId": request_id,
        },
    )


def public_error(error: GraphQLError) -> GraphQLError:
    """``error`` as the client may see it: masked when unexpected, always coded, no hints."""
    if _lost_connection(error):
        return unavailable(error)
    if is_unexpected(error):
        return mask(error)
    if "Did you mean" in error.message:
        error.message = _SUGGESTION.sub("", error.message)
    if not (error.extensions or {}).get("code"):
        error.extensions = {**(error.extensions or {}), "code": _code_for(error)}
    return error


def public_errors(errors: list[GraphQLError]) -> list[GraphQLError]:
    return [public_error(e) for e in errors]


class PublicErrors(MaskErrors):
    """Masks unexpected exceptions and gives every remaining error a code."""

    def __init__(self) -> None:
        super().__init__(should_mask_error=is_unexpected, error_message=MASKED_MESSAGE)

    def _process_errors(self, errors: list[GraphQLError]) -> list[GraphQLError]:
        processed = public_errors(errors)
        if any((e.extensions or {}).get("code") == UNAVAILABLE for e in processed):
            # The whole request is worth retrying: say so in HTTP too (a WebSocket has no
            # status; its `next` carries the code).
            response = getattr(self.execution_context.context, "response", None)
            if isinstance(response, Response):
                response.status_code = 503
                response.headers["Retry-After"] = str(RETRY_AFTER_SECONDS)
        return processed
