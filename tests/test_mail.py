"""Mail against a real SMTP server (aiosmtpd, `portal mailsink`'s handler): every kind in both
languages, stable Message-IDs, STARTTLS and implicit TLS with login, SMTP down then up, and a
5xx address dead-lettered without holding the others back."""

from __future__ import annotations

import datetime as dt
import ipaddress
import itertools
import re
import ssl
from pathlib import Path
from typing import Any

from aiosmtpd.smtp import AuthResult, LoginPassword
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID

from portal.notifications.mail import MailKind, message_id
from portal.notifications.models import Channel, DeliveryAttempt, OutboxMessage, OutboxStatus
from portal.notifications.outbox import enqueue, now
from portal.notifications.worker import Worker
from portal.settings import Settings
from tests.factories import deliver_all, mail_settings, start_mailsink

CASE = {"reference": "DR-2026-000042", "subject": "Billed twice <in March>", "method": "mediation"}
COMPLAINT = {"reference": "CMP-2026-000009", "subject": "Billed twice", "id": "Q29tcGxhaW50OjE"}
PATH = "/cases/RGlzcHV0ZUNhc2U6eA"
# What every case mail's context holds (derive.case_context).
ABOUT = {"case": CASE, "organisation": "Acme", "provider": "Fair ADR", "path": PATH}
# Issue 20: a session's mails (portal.sessions.mails), the scheduled ones with their .ics.
SESSION = {
    "kind": "mediation_meeting",
    "caucus": False,
    "agenda": "The refund <and its timing>.",
    "place": "Room 4, 1 Main Street",
    "link": "https://meet.example.org/parley-42",
    "minutes": 60,
}
CALENDAR = {
    "uid": "session-1b6f0e0c-4d4e-4a8c-9c56-2f1d3b0a7e11@parley",
    "sequence": 1,
    "starts_at": "2026-12-21T09:00:00+01:00",
    "minutes": 60,
    "summary": "DR-2026-000042: mediation meeting",
    "location": "Room 4, 1 Main Street",
    "description": "The refund.",
    "url": PATH,
    "cancelled": False,
}
ABOUT_SESSION = {**ABOUT, "session": SESSION, "zone": "Europe/Paris"}
SCHEDULED = {**ABOUT_SESSION, "starts": "2026-12-21 09:00 Europe/Paris", "reason": ""}
INVOICE = {
    "number": "FEE-2026-000001",
    "amount": "25.00",
    "currency": "EUR",
    "payer": "complainant",
    "status": "paid",
}
AUTOMATED_STEP = {"rule": "organisation_silent", "decided": "2026-12-01 10:00 UTC"}
CONTEXTS: dict[MailKind, dict[str, Any]] = {
    MailKind.COMPLAINT_ACKNOWLEDGED: {
        "complaint": {"reference": "CMP-2026-000007", "subject": "Billed twice"},
        "organisation": "Acme Utilities",
    },
    MailKind.COMPLAINT_RECORDED: {
        "complaint": {"reference": "CMP-2026-000008", "subject": "Rude engineer"},
        "organisation": "Acme Utilities",
        "channel": "phone",
    },
    MailKind.COMPLAINT_ANSWERED: {
        "complaint": COMPLAINT,
        "organisation": "Acme Utilities",
        "decision": "partly_upheld",
        "response": "We refund one of the two debits.",
        "escalate": True,
        "providers": ["Fair ADR"],
    },
    MailKind.COMPLAINT_CLOSED: {
        "complaint": COMPLAINT,
        "organisation": "Acme Utilities",
        "note": "Refunded.",
        "escalate": False,
        "providers": ["Fair ADR"],
    },
    MailKind.COMPLAINT_CLOCK_MISSED: {
        "complaint": COMPLAINT,
        "organisation": "Acme Utilities",
        "clock": "respond",
        "due": "2026-12-01 10:00 UTC",
        "automated": {"rule": "miss_respond"},
    },
    MailKind.COMPLAINT_RESPONSE_OVERDUE: {
        "complaint": COMPLAINT,
        "organisation": "Acme Utilities",
        "clock": "respond",
        "due": "2026-12-01 10:00 UTC",
        "providers": [],
        "automated": {"rule": "miss_respond"},
    },
    MailKind.CASE_REFERRED: ABOUT,
    MailKind.CASE_ACCEPTED: ABOUT,
    MailKind.CASE_DECLINED: {**ABOUT, "ground": "out_of_scope", "reasons": "Outside our scheme."},
    MailKind.ACTION_NEEDED: {**ABOUT, "clock": "response", "due": "2026-12-20 10:00 UTC"},
    MailKind.WINDOW_OPEN: {
        **ABOUT,
        "clock": "objection",
        "due": "2026-12-13 10:00 UTC",
        "binding": False,
    },
    MailKind.CLOCK_REMINDER: {**ABOUT, "clock": "outcome", "due": "2026-12-20 10:00 UTC"},
    MailKind.CLOCK_MISSED: {**ABOUT, "clock": "response", "due": "2026-12-01 10:00 UTC"},
    MailKind.CASE_FILE_ADDED: {**ABOUT, "item": "document", "filename": "bill.pdf"},
    MailKind.GROUP_CONSENT_ASKED: {**ABOUT, "group": "GRP-2026-000001"},
    MailKind.OUTCOME_ISSUED: {**ABOUT, "outcome": "recommendation"},
    MailKind.IMPLEMENTATION_DUE: {**ABOUT, "due": "2027-01-20 10:00 UTC"},
    MailKind.CASE_CLOSED: {**ABOUT, "reason": "resolved"},
    MailKind.SIGN_IN_CODE: {"code": "123456", "minutes": 10},
    MailKind.SIGN_UP_CODE: {"code": "123456", "minutes": 10, "setup": False},
    MailKind.RECEIPT: {
        **ABOUT,
        "action": "accept_offer",
        "role": "complainant",
        "when": "2026-12-06 16:00 UTC",
        "stage": "implementation",
        "binding": False,
        "family": "facilitative",
        "step": {"amount": "149.00", "currency": "EUR"},
        "next": [{"clock": "implementation", "due": "2027-01-05 16:00 UTC"}],
        "receipt": {"sequence": 12, "hash": "ab" * 32},
    },
    MailKind.HEAD_RECEIPT: {
        **ABOUT,
        "moment": "outcome_accepted",
        "when": "2026-12-06 16:00 UTC",
        "receipt": {"sequence": 12, "hash": "ab" * 32},
    },
    MailKind.SURVEY_REMINDER: {
        **ABOUT,
        "survey_link": "http://127.0.0.1:8000/survey#token=t",
    },
    MailKind.REPRESENTATIVE_INVITATION: {
        "case": CASE,
        "organisation": "Acme",
        "provider": "Fair ADR",
        "inviter": "Maria Lopez",
        "expires": "2026-12-20 10:00 UTC",
    },
    MailKind.STAFF_INVITATION: {
        "team": "Acme",
        "inviter": "Maria Lopez",
        "role": "org_agent",
        "expires": "2026-12-20 10:00 UTC",
    },
    MailKind.ERASURE_DECIDED: {
        "granted": False,
        "reasons": "A case of yours is still open.",
        "holds": [
            {
                "kind": "open_case",
                "reference": "DR-2026-000042",
                "reason": "DR-2026-000042 is still being handled.",
                "until": None,
            }
        ],
        "requested": "2026-12-01 10:00 UTC",
    },
    MailKind.SESSION_PROPOSED: {
        **ABOUT_SESSION,
        "slots": ["2026-12-21 09:00 Europe/Paris", "2026-12-22 14:00 Europe/Paris"],
    },
    MailKind.SESSION_SCHEDULED: {**SCHEDULED, "calendar": CALENDAR},
    MailKind.SESSION_MOVED: {**SCHEDULED, "reason": "The room is taken.", "calendar": CALENDAR},
    MailKind.SESSION_CANCELLED: {
        **SCHEDULED,
        "reason": "Both sides agreed.",
        "calendar": {**CALENDAR, "sequence": 2, "cancelled": True},
    },
    MailKind.SESSION_REMINDER: SCHEDULED,
    MailKind.FEE_INVOICE_ISSUED: {**ABOUT, "invoice": INVOICE},
    MailKind.FEE_WAIVER_REQUESTED: {**ABOUT, "invoice": INVOICE},
    MailKind.FEE_WAIVER_DECIDED: {
        **ABOUT,
        "invoice": INVOICE,
        "granted": False,
        "reasons": "No evidence of hardship.",
    },
    MailKind.FEE_PAYMENT_RECORDED: {**ABOUT, "invoice": INVOICE, "by_card": True},
    MailKind.AUTOMATED_REVIEW_REQUESTED: {**ABOUT, "automated_step": AUTOMATED_STEP},
    MailKind.AUTOMATED_DECISION_UPHELD: {
        **ABOUT,
        "automated_step": AUTOMATED_STEP,
        "reasons": "The answer never reached us.",
    },
    MailKind.CASE_STEP: {
        **ABOUT,
        "action": "extend_clock",
        "by": "provider",
        "by_side": None,
        "you": "complainant",
        "your_side": "complainant",
        "stage": "in_resolution",
        "binding": False,
        "outcome": "",
        "clock": "outcome",
        "days": 30,
        "reason": "An expert report is awaited.",
        "due": "2027-02-19 10:00 UTC",
        "previous_due": "2027-01-20 10:00 UTC",
        "next": [],
    },
}
CJK = re.compile(r"[\u4e00-\u9fff]")


async def _queue(kind: MailKind, locale: str, recipient: str) -> OutboxMessage:
    context = {**CONTEXTS[kind], "name": "Maria"}
    return await enqueue(Channel.EMAIL, kind.value, recipient, context, at=now(), locale=locale)


async def test_every_mail_kind_arrives_in_both_languages(
    db: str, settings: Settings, tmp_path: Path
) -> None:
    assert set(CONTEXTS) == set(MailKind)
    running = await start_mailsink(tmp_path)
    try:
        rows = {}
        for kind in MailKind:
            for locale in ("en", "zh-Hans"):
                rows[kind, locale] = await _queue(kind, locale, f"{kind.value}@example.org")
        await deliver_all(Worker(mail_settings(settings, running.port)))
    finally:
        await running.stop()

    arrived = {m["Message-ID"]: m for m in running.sink.received}
    assert len(running.sink.received) == 2 * len(MailKind)
    for (kind, locale), row in rows.items():
        mail = arrived[message_id(str(row.id), settings)]
        assert mail["To"] == f"{kind.value}@example.org"
        text = mail.get_body(preferencelist=("plain",)).get_content()
        html = mail.get_body(preferencelist=("html",)).get_content()
        assert bool(CJK.search(mail["Subject"])) is (locale == "zh-Hans"), (kind, mail["Subject"])
        assert bool(CJK.search(text)) is (locale == "zh-Hans")
        assert f'<html lang="{locale}">' in html
        if "path" in CONTEXTS[kind]:
            # Issue 15: every case mail links into the case, in both parts.
            link = f"{settings.public_url.rstrip('/')}{PATH}"
            assert link in text, kind
            assert f'<a href="{link}">' in html, kind
        if "case" in CONTEXTS[kind]:
            assert "DR-2026-000042" in mail["Subject"] + text
            # The text part is plain; the HTML part escapes what the case's parties wrote.
            assert "Billed twice <in March>" in text
            assert "Billed twice &lt;in March&gt;" in html
    assert await OutboxMessage.filter(status=OutboxStatus.DELIVERED).count() == 2 * len(MailKind)
    # The code is a credential: it is not kept once delivered.
    codes = await OutboxMessage.filter(kind=MailKind.SIGN_IN_CODE.value).values_list(
        "context", flat=True
    )
    assert codes == [{}, {}]
    sign_ups = await OutboxMessage.filter(kind=MailKind.SIGN_UP_CODE.value).values_list(
        "context", flat=True
    )
    assert sign_ups == [{}, {}]


async def test_smtp_down_then_up_delivers_everything_and_a_5xx_address_is_dead_lettered(
    db: str, settings: Settings, tmp_path: Path
) -> None:
    probe = await start_mailsink(tmp_path)
    port = probe.port
    await probe.stop()  # the server is down: its port is known and nobody listens
    worker = Worker(mail_settings(settings, port))
    good = [await _queue(MailKind.CASE_ACCEPTED, "en", f"p{i}@example.org") for i in range(5)]
    bad = await _queue(MailKind.CASE_ACCEPTED, "en", "nobody@example.org")

    for _ in range(3):
        await worker.deliver_due()
    waiting = await OutboxMessage.filter(status=OutboxStatus.PENDING).count()
    failures = await DeliveryAttempt.filter(outcome="retry").count()

    running = await start_mailsink(tmp_path, port=port, refuse=frozenset({"nobody@example.org"}))
    try:
        await deliver_all(worker)
    finally:
        await running.stop()

    assert waiting == 6
    assert failures >= 6
    assert sorted(m["To"] for m in running.sink.received) == sorted(g.recipient for g in good)
    dead = await OutboxMessage.get(id=bad.id)
    assert dead.status is OutboxStatus.DEAD
    assert dead.last_error.startswith("550 5.1.1")
    assert await OutboxMessage.filter(status=OutboxStatus.DELIVERED).count() == 5


async def test_retries_back_off_and_give_up_as_a_dead_letter(
    db: str, settings: Settings, tmp_path: Path
) -> None:
    probe = await start_mailsink(tmp_path)
    await probe.stop()
    worker = Worker(mail_settings(settings, probe.port, outbox_max_attempts=3))
    row = await _queue(MailKind.CASE_CLOSED, "en", "maria@example.org")

    await deliver_all(worker)

    stored = await OutboxMessage.get(id=row.id)
    attempts = await DeliveryAttempt.filter(message_id=row.id).order_by("id")
    assert stored.status is OutboxStatus.DEAD
    assert [a.outcome.value for a in attempts] == ["retry", "retry", "dead"]
    assert [a.number for a in attempts] == [1, 2, 3]
    assert "gave up after 3 attempts" in stored.last_error
    # No wait is shorter than the schedule's (0.05 s, then 0.1 s).
    gaps = [(b.started_at - a.finished_at).total_seconds() for a, b in itertools.pairwise(attempts)]
    assert gaps[0] >= 0.05
    assert gaps[1] >= 0.1


def _certificate(folder: Path) -> tuple[Path, Path]:
    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "parley test smtp")])
    start = dt.datetime.now(dt.UTC) - dt.timedelta(minutes=5)
    cert = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(start)
        .not_valid_after(start + dt.timedelta(days=1))
        .add_extension(
            x509.SubjectAlternativeName([x509.IPAddress(ipaddress.ip_address("127.0.0.1"))]),
            critical=False,
        )
        .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
        .sign(key, hashes.SHA256())
    )
    cert_path, key_path = folder / "cert.pem", folder / "key.pem"
    cert_path.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    key_path.write_bytes(
        key.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        )
    )
    return cert_path, key_path


class Login:
    def __init__(self) -> None:
        self.logins: list[str] = []

    def __call__(self, server: Any, session: Any, envelope: Any, mechanism: str, data: Any) -> Any:
        ok = isinstance(data, LoginPassword) and data.password == b"s3cret-password"
        if ok:
            self.logins.append(data.login.decode())
        return AuthResult(success=ok)


async def test_starttls_with_login_and_implicit_tls(
    db: str, settings: Settings, tmp_path: Path
) -> None:
    cert, key = _certificate(tmp_path)
    server_tls = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    server_tls.load_cert_chain(cert, key)
    login = Login()
    starttls = await start_mailsink(
        tmp_path / "a",
        tls_context=server_tls,
        require_starttls=True,
        auth_required=True,
        authenticator=login,
    )
    implicit = await start_mailsink(
        tmp_path / "b",
        implicit_tls=server_tls,
        # aiosmtpd cannot tell implicit TLS from none: it must not demand TLS for AUTH here.
        auth_require_tls=False,
        authenticator=login,
    )
    credentials = {
        "smtp_username": "parley",
        "smtp_password": "s3cret-password",
        "smtp_ca_file": str(cert),
    }
    try:
        first = await _queue(MailKind.CASE_ACCEPTED, "en", "a@example.org")
        await deliver_all(
            Worker(mail_settings(settings, starttls.port, smtp_security="starttls", **credentials))
        )
        second = await _queue(MailKind.CASE_CLOSED, "zh-Hans", "b@example.org")
        await deliver_all(
            Worker(mail_settings(settings, implicit.port, smtp_security="tls", **credentials))
        )
        # Without the authority that signed the server's certificate, nothing is sent.
        third = await _queue(MailKind.CASE_CLOSED, "en", "c@example.org")
        await Worker(
            mail_settings(settings, starttls.port, smtp_security="starttls", smtp_ca_file="")
        ).deliver_due()
    finally:
        await starttls.stop()
        await implicit.stop()

    assert [m["To"] for m in starttls.sink.received] == ["a@example.org"]
    assert [m["To"] for m in implicit.sink.received] == ["b@example.org"]
    assert login.logins == ["parley", "parley"]
    assert (await OutboxMessage.get(id=first.id)).status is OutboxStatus.DELIVERED
    assert (await OutboxMessage.get(id=second.id)).status is OutboxStatus.DELIVERED
    refused = await OutboxMessage.get(id=third.id)
    assert refused.status is OutboxStatus.PENDING
    assert "CERTIFICATE_VERIFY_FAILED" in refused.last_error
