"""`portal mailsink`: a development SMTP server that keeps and shows every mail it receives.

It stores each mail as an `.eml` file and prints who it is for and its subject (and, unless
told to be brief, its text part), so the demo's mails are there to read without a real mail
server. Never for production: it accepts mail for anyone from anyone.
"""

from __future__ import annotations

import asyncio
import email.policy
import itertools
import logging
import ssl
from collections.abc import Callable
from dataclasses import dataclass, field
from email.message import EmailMessage
from email.parser import BytesParser
from pathlib import Path
from typing import Any

from aiosmtpd.smtp import SMTP, Envelope, Session


def _print_now(line: str) -> None:
    # Flushed: the listing shows each mail as it arrives, also through a pipe (`| tee`).
    print(line, flush=True)


@dataclass
class MailSink:
    """The aiosmtpd handler: keeps what arrives in ``folder`` and in ``received``."""

    folder: Path
    echo: Callable[[str], object] = _print_now
    brief: bool = False
    # Addresses answered with a permanent 550 (to try dead letters against a real server).
    refuse: frozenset[str] = frozenset()
    received: list[EmailMessage] = field(default_factory=list)
    _numbers: itertools.count[int] = field(default_factory=lambda: itertools.count(1))

    async def handle_RCPT(
        self, server: SMTP, session: Session, envelope: Envelope, address: str, options: Any
    ) -> str:
        if address.lower() in self.refuse:
            return "550 5.1.1 No such mailbox here"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server: SMTP, session: Session, envelope: Envelope) -> str:
        raw = envelope.original_content or b""
        parsed = BytesParser(policy=email.policy.default).parsebytes(raw)
        assert isinstance(parsed, EmailMessage)
        self.received.append(parsed)
        self.folder.mkdir(parents=True, exist_ok=True)
        path = self.folder / f"{next(self._numbers):05d}.eml"
        path.write_bytes(raw)
        # Unfolded: a folded subject keeps the fold's whitespace (a subject of about 70
        # characters goes on a line of its own, after a bare `Subject:`).
        subject = " ".join(str(parsed["Subject"] or "").split())
        self.echo(f"mail to {', '.join(envelope.rcpt_tos)}: {subject}  [{path}]")
        if not self.brief:
            body = parsed.get_body(preferencelist=("plain",))
            if body is not None:
                self.echo("    " + body.get_content().strip().replace("\n", "\n    ") + "\n")
        return "250 Message accepted"


async def serve_mailsink(
    sink: MailSink,
    host: str,
    port: int,
    *,
    implicit_tls: ssl.SSLContext | None = None,
    **smtp: Any,
) -> asyncio.Server:
    """Listen on ``host``:``port`` in the running loop (port 0: any free one), with TLS from
    the first byte when ``implicit_tls`` is given. ``smtp`` goes to aiosmtpd's SMTP
    (tls_context for STARTTLS, require_starttls, authenticator, ...)."""
    # The sink's own listing says what arrived; aiosmtpd's log of every SMTP line (about a dozen
    # INFO records per mail) would bury it. Its warnings and errors still show.
    logging.getLogger("mail.log").setLevel(logging.WARNING)
    loop = asyncio.get_running_loop()
    return await loop.create_server(
        lambda: SMTP(sink, enable_SMTPUTF8=True, **smtp), host=host, port=port, ssl=implicit_tls
    )
