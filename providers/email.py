"""The e-mail adapter: referral packs by mail, answers through a signed link without an account.

Parley mails the referral pack to the provider's address, through the outbox's mail path
(aiosmtplib, the installation's SMTP settings). The mail carries a signed, expiring link to a
small form in the portal where the provider accepts or declines, appoints a neutral, completes
the file, issues the outcome and closes the case. Case events that call for the provider's
next step are mailed too, each with a fresh link; the others are not worth a mail. The form's
fields are read here into the same provider events a webhook callback carries.
"""

from __future__ import annotations

from collections.abc import Sequence
from email.message import EmailMessage
from urllib.parse import parse_qs

from providers import wire
from providers.contract import (
    CallbackRefused,
    CaseEvent,
    DeliveryResult,
    InboundRequest,
    Outbound,
    ProviderConfig,
    ProviderEvent,
    ReferralPack,
    Withdrawal,
)

NAME = "email"
# The events after which the provider (or its neutral) has the next step.
NEXT_STEP = {
    "response_submitted": "The organisation has answered: appoint a neutral.",
    "neutral_confirmed": "The neutral is confirmed: complete the file when it is.",
    "objection_decided": "The objection is decided.",
    "conflict_declared": "The neutral declared a conflict: appoint another.",
    "file_completed": "The file is complete: the neutral issues the outcome.",
    "outcome_accepted": "A party accepted the outcome.",
    "outcome_rejected": "A party rejected the outcome.",
    "clock_missed": "A clock was missed on this case.",
}
FORM_FIELDS = (
    "ground",
    "reasons",
    "note",
    "disclosures",
    "summary",
    "amount",
    "currency",
    "reason",
)


def _mail(config: ProviderConfig, subject: str, lines: list[str]) -> EmailMessage:
    message = EmailMessage()
    message["To"] = config.email
    message["Subject"] = subject
    message.set_content("\n".join(lines) + "\n")
    return message


class EmailAdapter:
    name = NAME
    external = True
    callbacks = False
    answers_by_link = True

    async def refer(
        self, config: ProviderConfig, pack: ReferralPack, out: Outbound
    ) -> DeliveryResult:
        if not config.email:
            return DeliveryResult.permanent("the provider has no e-mail address")
        claimed = f"{pack.claimed_amount} {pack.currency}" if pack.claimed_amount else "none"
        lines = [
            f"A dispute was referred to {config.name}.",
            "",
            f"Reference: {pack.case.reference}",
            f"Subject: {pack.subject}",
            f"Method: {pack.method}",
            f"Language: {pack.language}",
            f"Organisation: {pack.organisation}",
            f"Complainant: {pack.complainant}",
            f"Amount claimed: {claimed}",
            f"Why it is unresolved: {pack.unresolved_reason}",
            f"Referred at: {pack.referred_at}",
            f"Accept or decline by: {pack.acceptance_due_at or 'no deadline'}",
            "",
            "Answer through this link (no account needed; it expires):",
            pack.answer_url,
        ]
        subject = f"New dispute {pack.case.reference}: {pack.subject}"
        return await out.send_mail(_mail(config, subject, lines))

    async def withdraw(
        self, config: ProviderConfig, withdrawal: Withdrawal, out: Outbound
    ) -> DeliveryResult:
        if not config.email:
            return DeliveryResult.permanent("the provider has no e-mail address")
        lines = [
            f"The complainant withdrew dispute {withdrawal.case.reference}.",
            f"Reason: {withdrawal.reason or 'none given'}",
        ]
        return await out.send_mail(
            _mail(config, f"Dispute {withdrawal.case.reference} withdrawn", lines)
        )

    async def deliver_event(
        self, config: ProviderConfig, event: CaseEvent, out: Outbound
    ) -> DeliveryResult:
        step = NEXT_STEP.get(event.kind)
        if step is None:
            return DeliveryResult.delivered(f"{event.kind}: no mail needed")
        if not config.email:
            return DeliveryResult.permanent("the provider has no e-mail address")
        lines = [
            f"Dispute {event.case.reference}: {step}",
            "",
            "Answer through this link (no account needed; it expires):",
            event.answer_url,
        ]
        return await out.send_mail(
            _mail(config, f"Dispute {event.case.reference}: {event.kind}", lines)
        )

    def parse_callback(
        self, config: ProviderConfig, request: InboundRequest
    ) -> Sequence[ProviderEvent]:
        """The answer form's fields (``application/x-www-form-urlencoded``), after Parley
        checked the link's token and the form's CSRF token."""
        try:
            form = {k: v[0] for k, v in parse_qs(request.body.decode(), max_num_fields=40).items()}
        except (UnicodeDecodeError, ValueError) as exc:
            raise CallbackRefused(400, "MALFORMED", "The form could not be read.") from exc
        submission = form.get("submission", "")
        if not submission:
            raise CallbackRefused(400, "MALFORMED", "The form has no submission id.")
        data: dict[str, object] = {k: form[k] for k in FORM_FIELDS if k in form}
        data["case"] = {"id": form.get("case", "")}
        data["isComplex"] = form.get("is_complex") == "on"
        if form.get("neutral_email"):
            email = form["neutral_email"].strip()
            data["neutral"] = {
                "externalId": f"email:{email.lower()}",
                "email": email,
                "name": form.get("neutral_name", ""),
            }
            if "impartial" in form:
                data["impartial"] = form["impartial"] == "yes"
        return [wire.provider_event(f"form:{submission}", form.get("action", ""), data)]
