"""Issue 15, deliverable 5: no mail prints a raw enum value. Every mail kind is rendered in both
languages with every value of every enum its context carries (method, clock, outcome kind,
decline ground, closure reason, channel, role, side, decision), and the text is searched for
the values as the code spells them (`arbitration_binding`, `outcome_rejected`)."""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator
from enum import StrEnum
from typing import Any

from portal.accounts.models import Locale, Role
from portal.cases.states import (
    CaseRole,
    ClockKind,
    ClosureReason,
    DeclineGround,
    Method,
    OutcomeKind,
    Party,
    Side,
    Stage,
)
from portal.cases.transitions import TRANSITIONS
from portal.complaints.models import Channel
from portal.notifications.mail import MailKind, render
from portal.notifications.models import ReceiptMoment
from portal.notifications.receipts import receipt_actions
from portal.notifications.steps import mail_kind
from tests.test_mail import CONTEXTS

ENUMS: tuple[type[StrEnum], ...] = (
    Method,
    OutcomeKind,
    ClosureReason,
    DeclineGround,
    ClockKind,
    Stage,
    CaseRole,
    Side,
    Party,
    Channel,
    Role,
    ReceiptMoment,
)
URL = re.compile(r"https?://\S+")
STEP_ACTIONS = [t.action for t in TRANSITIONS if t.tells and mail_kind(t) is MailKind.CASE_STEP]
# What a step's mail may find in its context (portal.notifications.steps), in every variant.
STEP: dict[str, Any] = {
    "amount": "80.00",
    "currency": "EUR",
    "offer_side": "organisation",
    "counter": True,
    "expires": "2026-12-20 10:00 UTC",
    "impartial": True,
    "upheld": False,
    "decision": "upheld",
    "neutral": "Dr. Lee",
    "next": [{"clock": "implementation", "due": "2027-01-20 10:00 UTC"}],
}


def _raw(text: str, locale: str) -> list[str]:
    """Enum values printed as such: in English those with an underscore (a plain word such as
    `award` is English too); in Chinese any of them."""
    words = set(re.findall(r"[a-z][a-z_]*[a-z]", URL.sub("", text)))
    values = {v.value for enum in ENUMS for v in enum}
    if locale == Locale.EN.value:
        values = {v for v in values if "_" in v}
    return sorted(words & values)


def _variants(kind: MailKind, context: dict[str, Any]) -> Iterator[dict[str, Any]]:
    """``context`` with each enum-valued entry taking each of its values in turn."""
    for method in Method:
        yield (
            {**context, "case": {**context["case"], "method": method.value}}
            if "case" in context
            else context
        )
    if kind is MailKind.OUTCOME_ISSUED:
        yield from ({**context, "outcome": k.value} for k in OutcomeKind)
    if kind is MailKind.CASE_CLOSED:
        yield from ({**context, "reason": r.value} for r in ClosureReason)
    if kind is MailKind.CASE_DECLINED:
        yield from ({**context, "ground": g.value} for g in DeclineGround)
    if kind is MailKind.COMPLAINT_RECORDED:
        yield from ({**context, "channel": c.value} for c in Channel)
    if kind is MailKind.STAFF_INVITATION:
        staff = (Role.ORG_AGENT, Role.ORG_MANAGER, Role.PROVIDER_CASEWORKER, Role.NEUTRAL)
        yield from ({**context, "role": r.value} for r in staff)
    if "clock" in context:
        for clock, binding in itertools.product(ClockKind, (True, False)):
            yield {**context, "clock": clock.value, "binding": binding}
    if kind is MailKind.HEAD_RECEIPT:
        yield from ({**context, "moment": m.value} for m in ReceiptMoment)
    if kind is MailKind.RECEIPT:
        for action, outcome in itertools.product(receipt_actions(), OutcomeKind):
            step = {**context["step"], "kind": outcome.value, "decision": "varied"}
            yield {**context, "action": action.value, "step": step}
    if kind is MailKind.CASE_STEP:
        parties = ("complainant", "representative", "organisation", "provider", "neutral")
        for action, you, by in itertools.product(STEP_ACTIONS, parties, parties):
            side = {"complainant": "complainant", "representative": "complainant"}
            yield {
                **context,
                **STEP,
                "action": action.value,
                "you": you,
                "your_side": side.get(you, "organisation" if you == "organisation" else None),
                "by": by,
                "by_side": side.get(by, "organisation" if by == "organisation" else None),
            }
        for clock, stage, decision in itertools.product(ClockKind, Stage, ("upheld", "varied")):
            for action in STEP_ACTIONS:
                yield {
                    **context,
                    **STEP,
                    "action": action.value,
                    "clock": clock.value,
                    "stage": stage.value,
                    "decision": decision,
                    "impartial": decision == "upheld",
                    "upheld": decision == "varied",
                }


def test_no_mail_prints_a_raw_enum_value_in_either_language() -> None:
    found: dict[str, list[str]] = {}
    rendered = 0
    for kind in MailKind:
        context = {
            **CONTEXTS[kind],
            "name": "Maria",
            "link": "http://127.0.0.1:8000/cases/RGlzcHV0ZUNhc2U6eA",
            "installation": "Parley",
            "invitation_link": "http://127.0.0.1:8000/invitations/accept#token=t",
        }
        for variant, locale in itertools.product(_variants(kind, context), Locale):
            mail = render(kind.value, locale.value, variant)
            rendered += 1
            for text in (mail.subject, mail.text, mail.html):
                raw = _raw(text, locale.value)
                if raw:
                    found.setdefault(f"{kind.value} {locale.value}", []).extend(raw)
    assert rendered > 1000
    assert found == {}


def test_the_check_finds_a_raw_value() -> None:
    assert _raw("Closed (outcome_rejected) by arbitration_binding", "en") == [
        "arbitration_binding",
        "outcome_rejected",
    ]
    assert _raw("已结案（award）", "zh-Hans") == ["award"]  # noqa: RUF001
    assert _raw("An award was issued. http://x/cases/in_person", "en") == []
