"""E-mail: Jinja2 templates in English and Simplified Chinese, and sending with aiosmtplib.

Each kind has one template per locale (``templates/<locale>/<kind>.txt``) holding a `subject`
and a `body` block in plain text. The text part is that body; the HTML part is the same body,
escaped, in ``templates/layout.html``. One text to translate per kind and language, and the two
parts cannot say different things.
"""

from __future__ import annotations

import ssl
from dataclasses import dataclass
from datetime import UTC, datetime, tzinfo
from email.message import EmailMessage
from email.utils import formataddr, formatdate, parseaddr
from enum import StrEnum
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import aiosmtplib
import jinja2
import markupsafe

from portal.accounts.models import Locale
from portal.cases.transitions import Action
from portal.settings import Settings

TEMPLATES = Path(__file__).parent / "templates"


class MailKind(StrEnum):
    """Every mail Parley sends (issue 5; ISO 10003 7.3: parties are notified "as soon as")."""

    COMPLAINT_ACKNOWLEDGED = "complaint_acknowledged"
    COMPLAINT_RECORDED = "complaint_recorded"  # issue 13 F5: an agent recorded one for you
    # Issue 15: the complaint table's `tells` (portal.notifications.complaint_mails).
    COMPLAINT_ANSWERED = "complaint_answered"  # the decision and answer, the way to ADR
    COMPLAINT_CLOSED = "complaint_closed"
    COMPLAINT_CLOCK_MISSED = "complaint_clock_missed"  # to the organisation's managers
    COMPLAINT_RESPONSE_OVERDUE = "complaint_response_overdue"  # to the complainant: go to ADR
    CASE_REFERRED = "case_referred"
    CASE_ACCEPTED = "case_accepted"
    CASE_DECLINED = "case_declined"
    ACTION_NEEDED = "action_needed"  # a duty clock started: it is the recipient's turn
    WINDOW_OPEN = "window_open"  # a window for a right started or ends soon: "You may ... until"
    CLOCK_REMINDER = "clock_reminder"
    CLOCK_MISSED = "clock_missed"
    CASE_FILE_ADDED = "case_file_added"  # a new message or document the recipient may read
    OUTCOME_ISSUED = "outcome_issued"
    IMPLEMENTATION_DUE = "implementation_due"
    CASE_CLOSED = "case_closed"
    SIGN_IN_CODE = "sign_in_code"
    SIGN_UP_CODE = "sign_up_code"  # issue 14: a sign-up's (or the first admin's) code
    SURVEY_REMINDER = "survey_reminder"  # ISO 10004: the one reminder of an unanswered survey
    # Issue 16: to whoever took a step that cannot be undone; one template per action
    # (`receipt_<action>.txt`), chosen by the context's `action`.
    RECEIPT = "receipt"
    # Issue 19: the case's chain head, to every party, when an outcome is issued or accepted
    # and when the case closes (portal.notifications.receipts.mail_head); kept on the account.
    HEAD_RECEIPT = "head_receipt"
    # Issue 15: a step of a case, to those its transition row `tells`; one template per
    # action (`step_<action>.txt`), chosen by the context's `action` (portal.notifications.steps).
    CASE_STEP = "case_step"
    # The complainant asks the recipient to act for them; the link is minted at delivery.
    REPRESENTATIVE_INVITATION = "representative_invitation"
    # A manager asks the recipient to join their team; the link is minted at delivery too.
    STAFF_INVITATION = "staff_invitation"
    # Issue 19: an admin's decision on the recipient's erasure request (GDPR Art. 17).
    ERASURE_DECIDED = "erasure_decided"
    # Issue 20, 1: sessions and hearings (portal.sessions.mails); the scheduled, moved and
    # cancelled ones carry an RFC 5545 .ics made at delivery (`calendar` in the context).
    SESSION_PROPOSED = "session_proposed"
    SESSION_SCHEDULED = "session_scheduled"
    SESSION_MOVED = "session_moved"
    SESSION_CANCELLED = "session_cancelled"
    SESSION_REMINDER = "session_reminder"
    # Issue 20: the provider asks the complainant's side to consent to a group of cases.
    GROUP_CONSENT_ASKED = "group_consent_asked"
    # Issue 20, 2 and 3: fees, and a person's review of an automated step, to those the
    # access policy names (portal.notifications.policy_mails).
    FEE_INVOICE_ISSUED = "fee_invoice_issued"
    FEE_WAIVER_REQUESTED = "fee_waiver_requested"
    FEE_WAIVER_DECIDED = "fee_waiver_decided"
    FEE_PAYMENT_RECORDED = "fee_payment_recorded"
    AUTOMATED_REVIEW_REQUESTED = "automated_review_requested"
    AUTOMATED_DECISION_UPHELD = "automated_decision_upheld"


def _env(autoescape: bool) -> jinja2.Environment:
    return jinja2.Environment(
        loader=jinja2.FileSystemLoader(TEMPLATES),
        # The text part is plain text, never HTML: escaping is for the HTML environment only.
        autoescape=autoescape,  # noqa: S701
        undefined=jinja2.StrictUndefined,  # a missing value is a bug, not an empty line
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=False,
    )


_TEXT = _env(autoescape=False)
_HTML = _env(autoescape=True)


@dataclass(frozen=True)
class RenderedMail:
    subject: str
    text: str
    html: str


def locale_of(value: str) -> str:
    return value if value in {loc.value for loc in Locale} else Locale.EN.value


def instant_text(instant: datetime, zone: str) -> str:
    """An instant as a mail shows it: the reader's own clock, and the zone's name, so that
    nobody has to guess whose time it is (issue 15: `2026-12-20 18:00 Asia/Shanghai`)."""
    try:
        tz: tzinfo = ZoneInfo(zone)
    except (ValueError, ZoneInfoNotFoundError):
        tz, zone = UTC, "UTC"
    return f"{instant.astimezone(tz):%Y-%m-%d %H:%M} {zone}"


def in_zone(value: Any, zone: str) -> Any:
    """``value`` (a mail's context) with every instant in it written out for a reader in
    ``zone``: callers put instants in a context, and the text is made per recipient."""
    if isinstance(value, datetime):
        return instant_text(value, zone)
    if isinstance(value, dict):
        return {k: in_zone(v, zone) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [in_zone(v, zone) for v in value]
    return value


def template_of(kind: str, context: dict[str, Any]) -> str:
    """The template's name (under ``templates/<locale>/``): the kind's own, or for a receipt
    and a case step the one of the context's action (an action, never a path)."""
    name = MailKind(kind).value
    if name in (MailKind.RECEIPT, MailKind.CASE_STEP):
        prefix = "receipt" if name == MailKind.RECEIPT else "step"
        return f"{prefix}_{Action(context['action']).value}"
    return name


def _block(
    env: jinja2.Environment, locale: str, kind: str, block: str, context: dict[str, Any]
) -> str:
    template = env.get_template(f"{locale}/{kind}.txt")
    # The locale's shared wording (clock names, the signature), as `words.*`: a block
    # rendered on its own does not see the template's top-level imports.
    words = env.get_template(f"{locale}/_words.txt").module
    return "".join(template.blocks[block](template.new_context({**context, "words": words})))


def render(kind: str, locale: str, context: dict[str, Any]) -> RenderedMail:
    """The subject, text and HTML of one mail; raises jinja2 errors for a broken template."""
    lang, name = locale_of(locale), template_of(kind, context)
    plain = {**context, "html": False}
    subject = " ".join(_block(_TEXT, lang, name, "subject", plain).split())
    text = _block(_TEXT, lang, name, "body", plain).strip()
    # `html`: the shared wording writes a link as an anchor (`words.open_case`).
    escaped = _block(_HTML, lang, name, "body", {**context, "html": True})
    # `escaped` came out of the autoescaping environment: every value in it is escaped already.
    paragraphs = [
        markupsafe.Markup(p.strip())  # noqa: S704
        for p in escaped.split("\n\n")
        if p.strip()
    ]
    # A case mail's body links to the case itself (`path`); any other mail ends with the
    # portal's address.
    link = None if context.get("path") else context.get("link")
    html = _HTML.get_template("layout.html").render(
        subject=subject, paragraphs=paragraphs, lang=lang, link=link
    )
    return RenderedMail(subject=subject, text=text + "\n", html=html)


def installation_name(settings: Settings) -> str:
    """Who writes the mails of the installation itself (accounts, invitations to a team):
    the name its mails come from."""
    return parseaddr(settings.mail_from)[0].strip() or "Parley"


def at_delivery(context: dict[str, Any], settings: Settings) -> dict[str, Any]:
    """A stored context with what is known only where mail is sent: the portal's address
    (`link`: into the case, for a case mail's `path`) and the installation's name."""
    link = settings.public_url.rstrip("/") + str(context.get("path", ""))
    return {**context, "link": link, "installation": installation_name(settings)}


def message_id(outbox_id: str, settings: Settings) -> str:
    """Stable per outbox row: a resent row carries the same id, so duplicates show."""
    domain = urlsplit(settings.public_url).hostname or "parley.localhost"
    return f"<{outbox_id}@{domain}>"


def build_message(
    outbox_id: str, recipient: str, mail: RenderedMail, settings: Settings
) -> EmailMessage:
    message = EmailMessage()
    message["Message-ID"] = message_id(outbox_id, settings)
    message["Date"] = formatdate(usegmt=True)
    message["From"] = settings.mail_from
    message["To"] = formataddr(parseaddr(recipient))
    message["Subject"] = mail.subject
    # Automated: no out-of-office replies (RFC 3834).
    message["Auto-Submitted"] = "auto-generated"
    message.set_content(mail.text)
    message.add_alternative(mail.html, subtype="html")
    return message


class MailFailure(Exception):
    """A failed send; ``permanent`` for a 5xx answer, which no retry will change."""

    def __init__(self, detail: str, *, permanent: bool) -> None:
        super().__init__(detail)
        self.permanent = permanent


def tls_context(settings: Settings) -> ssl.SSLContext:
    context = ssl.create_default_context(cafile=settings.smtp_ca_file or None)
    context.minimum_version = ssl.TLSVersion.TLSv1_2
    return context


async def send(message: EmailMessage, settings: Settings) -> str:
    """Hand ``message`` to the SMTP server; returns its answer, raises MailFailure."""
    security = settings.smtp_security
    try:
        _, answer = await aiosmtplib.send(
            message,
            hostname=settings.smtp_host,
            port=settings.smtp_port,
            use_tls=security == "tls",
            start_tls=security == "starttls",
            # The system's trust store (or the configured authorities): never an unverified TLS.
            tls_context=tls_context(settings) if security != "none" else None,
            username=settings.smtp_username or None,
            password=settings.smtp_password or None,
            timeout=settings.smtp_timeout,
        )
    except aiosmtplib.SMTPRecipientsRefused as exc:
        codes = [r.code for r in exc.recipients]
        detail = "; ".join(f"{r.code} {r.message}" for r in exc.recipients)
        raise MailFailure(detail, permanent=all(500 <= c < 600 for c in codes)) from exc
    except aiosmtplib.SMTPResponseException as exc:
        raise MailFailure(f"{exc.code} {exc.message}", permanent=500 <= exc.code < 600) from exc
    except (aiosmtplib.SMTPException, ssl.SSLError, OSError, TimeoutError) as exc:
        # Connection refused, TLS failure, timeout: the server may be back later. A bad
        # certificate during STARTTLS raises ssl.SSLCertVerificationError (STACK-NOTES).
        raise MailFailure(f"{type(exc).__name__}: {exc}", permanent=False) from exc
    return answer
