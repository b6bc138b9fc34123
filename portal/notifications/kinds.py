"""What the outbox sends (`OutboxMessage.kind`): one closed set over its three channels.

A mail's kind is a MailKind; a webhook's, the timeline event kind it carries (or `ping`); a
row for a provider working outside Parley, what its adapter is asked to do. A mail and an
event can share a value (`case_referred`): the row's channel tells which.
"""

from __future__ import annotations

from enum import StrEnum

from portal.notifications.mail import MailKind
from portal.notifications.provider_outbox import CASE_EVENT, REFERRAL, WITHDRAWAL
from portal.notifications.webhooks import PING
from portal.timeline.catalogue import CATALOGUE, EventKind

MAIL_MEANINGS: dict[MailKind, str] = {
    MailKind.COMPLAINT_ACKNOWLEDGED: "The complaint was received and acknowledged.",
    MailKind.COMPLAINT_RECORDED: "An agent recorded a complaint for the recipient.",
    MailKind.COMPLAINT_ANSWERED: "The complaint's decision and answer, and the way to ADR.",
    MailKind.COMPLAINT_CLOSED: "The complaint was closed.",
    MailKind.COMPLAINT_CLOCK_MISSED: "A complaint clock ran out (to the managers).",
    MailKind.COMPLAINT_RESPONSE_OVERDUE: "The complaint went unanswered in time: go to ADR.",
    MailKind.CASE_REFERRED: "A dispute was referred.",
    MailKind.CASE_ACCEPTED: "The provider accepted the dispute.",
    MailKind.CASE_DECLINED: "The provider declined the dispute.",
    MailKind.ACTION_NEEDED: "A duty clock started: it is the recipient's turn.",
    MailKind.WINDOW_OPEN: "A window for a right started, or ends soon.",
    MailKind.CLOCK_REMINDER: "A clock the recipient must meet ends soon.",
    MailKind.CLOCK_MISSED: "A clock ran out.",
    MailKind.CASE_FILE_ADDED: "A message or document the recipient may read was added.",
    MailKind.OUTCOME_ISSUED: "An outcome was issued.",
    MailKind.IMPLEMENTATION_DUE: "The outcome must be implemented.",
    MailKind.CASE_CLOSED: "The case ended (with the survey link for the parties).",
    MailKind.SIGN_IN_CODE: "A one-time sign-in code.",
    MailKind.SIGN_UP_CODE: "A sign-up's (or the first admin's) one-time code.",
    MailKind.SURVEY_REMINDER: "The one reminder of an unanswered satisfaction survey.",
    MailKind.RECEIPT: "A receipt for a step that cannot be undone.",
    MailKind.HEAD_RECEIPT: "The case's chain head at a key moment, to every party.",
    MailKind.CASE_STEP: "A step of a case, to those its transition row tells.",
    MailKind.REPRESENTATIVE_INVITATION: "An invitation to represent a complainant.",
    MailKind.STAFF_INVITATION: "An invitation to join a team.",
    MailKind.ERASURE_DECIDED: "An admin's decision on the recipient's erasure request.",
    MailKind.SESSION_PROPOSED: "A session or hearing proposed: pick a slot or decline.",
    MailKind.SESSION_SCHEDULED: "A session or hearing scheduled, with its .ics invitation.",
    MailKind.SESSION_MOVED: "A scheduled session moved, with the updated .ics invitation.",
    MailKind.SESSION_CANCELLED: "A session cancelled (a scheduled one's .ics cancels it).",
    MailKind.SESSION_REMINDER: "A reminder before a scheduled session or hearing.",
    MailKind.GROUP_CONSENT_ASKED: "The provider asks whether the case may be run in a group "
    "with related cases (only with the complainant's consent).",
    MailKind.FEE_INVOICE_ISSUED: "A fee invoice was issued to the recipient's side.",
    MailKind.FEE_WAIVER_REQUESTED: "A party asked that its fee be waived (to the provider).",
    MailKind.FEE_WAIVER_DECIDED: "The provider decided the recipient's fee waiver request.",
    MailKind.FEE_PAYMENT_RECORDED: "A fee payment was recorded and the invoice settled.",
    MailKind.AUTOMATED_REVIEW_REQUESTED: "A party asked a person to review an automated step "
    "(to the provider).",
    MailKind.AUTOMATED_DECISION_UPHELD: "A person reviewed an automated step and kept it.",
}

PROVIDER_MEANINGS = {
    REFERRAL: "A provider working outside Parley: a case referred to it.",
    WITHDRAWAL: "A provider working outside Parley: a case withdrawn.",
    CASE_EVENT: "A provider working outside Parley: another event of its case.",
}


def _meanings() -> dict[str, str]:
    found: dict[str, list[str]] = {}
    for kind, meaning in MAIL_MEANINGS.items():
        found.setdefault(kind.value, []).append(f"Mail: {meaning}")
    for event in EventKind:
        found.setdefault(event.value, []).append(
            f"Webhook of the `{event.name}` event: {CATALOGUE[event].meaning}"
        )
    found[PING] = ["Webhook: a test ping of a subscription."]
    for value, meaning in PROVIDER_MEANINGS.items():
        found.setdefault(value, []).append(meaning)
    return {value: " Or, ".join(parts) for value, parts in found.items()}


MEANINGS = _meanings()
OutboxKind = StrEnum("OutboxKind", {value.upper(): value for value in MEANINGS})  # type: ignore[misc]
OutboxKind.__doc__ = "What an outbox row sends: a mail, a webhook or a provider's adapter call."
