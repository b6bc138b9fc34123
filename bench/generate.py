"""Generate the benchmark database on PostgreSQL: realistic dispute cases with valid timelines.

    python -m bench.generate                     # parley_bench: 10,000 cases x 50 events
    python -m bench.generate --cases 500 --events 20 --url postgres://postgres@127.0.0.1:5432/parley_bench_small

The database named in the URL is dropped (with FORCE) and created anew, migrated with
`portal.db.migrate`, then bulk loaded with COPY (asyncpg `copy_records_to_table`), never through
the ORM. Every timeline is hash-chained exactly as `portal.timeline.services.append` chains it,
and `DisputeCase.last_sequence`/`head_hash` hold each chain's head; a sample of cases is checked
with `portal.timeline.services.verify` at the end.

The data is deterministic for a given --seed, apart from the instants: cases are placed
relative to the moment of generation, so running clocks fall due in the near future.
"""

from __future__ import annotations

import argparse
import asyncio
import hashlib
import random
import sys
import time
import uuid
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from decimal import Decimal
from typing import Any

import asyncpg
import orjson

from bench.common import (
    BENCH_PASSWORD,
    COMPLAINANT_EMAIL,
    DEFAULT_URL,
    LIST_ORGANISATION,
    agent_email,
    asyncpg_dsn,
    database_name,
    maintenance_dsn,
)
from portal.accounts.models import Locale, Role
from portal.auth.passwords import hash_password
from portal.cases.events import EventKind
from portal.cases.states import (
    Calendar,
    CaseRole,
    ClockKind,
    ClockStatus,
    ClosureReason,
    DeclineGround,
    Method,
    OutcomeKind,
    Party,
    Side,
    Stage,
)
from portal.complaints.models import Channel, ComplaintStatus
from portal.timeline.chain import GENESIS, ChainLink, payload_digest, text_digest
from portal.timeline.models import Visibility

DAY = timedelta(days=1)

# --- the fixed world: organisations, providers, schemes ------------------------------------


@dataclass(frozen=True)
class OrgSpec:
    slug: str
    name: str
    country: str
    sector: str
    weight: float  # share of the cases
    schemes: tuple[str, ...]  # scheme keys it takes part in


@dataclass(frozen=True)
class SchemeSpec:
    key: str
    provider: str
    name: str
    country: str
    policy: dict[str, dict[str, Any]]


PROVIDERS = (
    ("fairsettle", "FairSettle Mediation and Arbitration", "DE"),
    ("ombudsnord", "Financial Ombudsman Nord", "NL"),
)

SCHEMES = (
    SchemeSpec(
        "energy",
        "fairsettle",
        "Energy and telecoms ADR scheme",
        "DE",
        {
            "acceptance": {"days": 21, "calendar": "calendar_days"},
            "response": {"days": 30, "calendar": "calendar_days"},
            "objection": {"days": 7, "calendar": "working_days"},
        },
    ),
    SchemeSpec(
        "travel",
        "fairsettle",
        "Travel and consumer goods scheme",
        "IE",
        {"response": {"days": 28, "calendar": "calendar_days"}},
    ),
    SchemeSpec(
        "finance",
        "ombudsnord",
        "Financial services scheme",
        "NL",
        {
            "acceptance": {"days": 15, "calendar": "working_days"},
            "outcome": {"days": 90, "calendar": "calendar_days"},
        },
    ),
)

ORGANISATIONS = (
    OrgSpec("northwind", "Northwind Energy", "DE", "energy", 0.34, ("energy",)),
    OrgSpec("helios", "Helios Telecom", "NL", "telecom", 0.24, ("energy", "travel")),
    OrgSpec("ostsee", "Ostsee Bank", "DE", "finance", 0.18, ("finance",)),
    OrgSpec("skylark", "Skylark Airways", "IE", "travel", 0.14, ("travel",)),
    OrgSpec("meridian", "Meridian Insurance", "FR", "insurance", 0.10, ("finance", "travel")),
)

DEFAULT_CLOCKS: dict[ClockKind, tuple[int, Calendar, Party]] = {
    ClockKind.ACCEPTANCE: (21, Calendar.CALENDAR_DAYS, Party.PROVIDER),
    ClockKind.RESPONSE: (30, Calendar.CALENDAR_DAYS, Party.ORGANISATION),
    ClockKind.OBJECTION: (7, Calendar.WORKING_DAYS, Party.PARTIES),
    ClockKind.OUTCOME: (90, Calendar.CALENDAR_DAYS, Party.NEUTRAL),
    ClockKind.REFLECTION: (14, Calendar.CALENDAR_DAYS, Party.PARTIES),
    ClockKind.REVIEW: (30, Calendar.CALENDAR_DAYS, Party.PROVIDER),
    ClockKind.IMPLEMENTATION: (28, Calendar.CALENDAR_DAYS, Party.ORGANISATION),
}

SUBJECTS = {
    "energy": (
        "Back-billing after meter exchange",
        "Estimated bills for fourteen months",
        "Final bill after moving out is wrong",
        "Direct debit raised without notice",
        "Supply switched without consent",
        "Smart meter readings not used",
    ),
    "telecom": (
        "Broadband speed below the contract minimum",
        "Early termination fee charged after a move",
        "Roaming charges despite an EU tariff",
        "Line fault not repaired for six weeks",
        "Number not ported as agreed",
    ),
    "finance": (
        "Card fraud refund refused",
        "Mortgage overpayment not applied",
        "Account closed without explanation",
        "Transfer to the wrong IBAN not recalled",
        "Overdraft fees after a bank error",
    ),
    "travel": (
        "Flight cancelled, compensation refused",
        "Lost luggage claim ignored",
        "Refund voucher forced instead of cash",
        "Downgraded seat on a long-haul flight",
        "Delay over three hours not compensated",
    ),
    "insurance": (
        "Water damage claim rejected",
        "Travel insurance claim delayed",
        "Premium raised at renewal without notice",
        "Car repair done with non-original parts",
        "Claim settled below the valuation",
    ),
}

SENTENCES = (
    "I have attached the bills from March to June.",
    "We reviewed the account history and found two manual adjustments.",
    "Please confirm whether the meter was read on the day of the exchange.",
    "The customer called us on three occasions, recorded in the notes.",
    "I still have not received the refund that was promised in writing.",
    "Our records show the payment was returned by the bank on the 14th.",
    "Could both parties send their documents by the end of next week?",
    "The terms and conditions in force at the time are attached.",
    "I would accept a partial refund if the fee is waived.",
    "We are prepared to offer a goodwill gesture without admission of liability.",
    "The engineer's report does not mention any fault at the property.",
    "Ich habe die Unterlagen noch einmal geprüft und hänge sie an.",
    "我已经提交了所有的收据，请确认收到。",  # noqa: RUF001
    "The delay was caused by air traffic control restrictions, according to the operator.",
    "Please note my new postal address for any correspondence.",
)

FIRST_NAMES = (
    "Maria", "Tom", "Amara", "Jonas", "Priya", "Lucía", "Chen", "Sam", "Robin", "Fatima",
    "Lukas", "Sofia", "Mateo", "Aisha", "Noah", "Emma", "Oliver", "Mia", "Elif", "Jan",
    "Zofia", "Kwame", "Hannah", "Louis", "Ingrid", "Giulia", "Sven", "Niamh", "Pedro", "Yara",
)  # fmt: skip
LAST_NAMES = (
    "Rossi", "Becker", "Okafor", "Weber", "Raman", "Fernández", "Wei", "Whitfield", "Müller",
    "Schmidt", "Dubois", "Jansen", "de Vries", "Kowalski", "Murphy", "O'Brien", "Novak",
    "Yilmaz", "Haddad", "Nielsen", "García", "Ferreira", "Larsen", "Costa", "Mensah",
)  # fmt: skip
CJK_NAMES = ("李娜", "王伟", "张敏", "刘洋", "陈静", "杨帆", "赵磊", "黄婷")

CHANNELS = (Channel.WEB, Channel.EMAIL, Channel.PHONE, Channel.LETTER, Channel.IN_PERSON)
CHANNEL_WEIGHTS = (55, 25, 12, 6, 2)
METHODS = (
    Method.MEDIATION,
    Method.OMBUDSMAN_RECOMMENDATION,
    Method.CONCILIATION,
    Method.NEGOTIATION,
    Method.EXPERT_OPINION,
    Method.ARBITRATION_BINDING,
    Method.ARBITRATION_NON_BINDING,
)
METHOD_WEIGHTS = (30, 20, 10, 10, 10, 10, 10)

# The stage a case is in, by its age in days: older cases have come further.
STAGE_BY_AGE: tuple[tuple[float, tuple[tuple[Stage, int], ...]], ...] = (
    (
        7,
        (
            (Stage.REFERRED, 55),
            (Stage.ACCEPTED, 25),
            (Stage.DECLINED, 5),
            (Stage.AWAITING_RESPONSE, 15),
        ),
    ),
    (
        30,
        (
            (Stage.REFERRED, 8),
            (Stage.ACCEPTED, 12),
            (Stage.DECLINED, 7),
            (Stage.AWAITING_RESPONSE, 45),
            (Stage.FILE_REVIEW, 25),
            (Stage.WITHDRAWN, 3),
        ),
    ),
    (
        90,
        (
            (Stage.AWAITING_RESPONSE, 8),
            (Stage.FILE_REVIEW, 17),
            (Stage.IN_RESOLUTION, 50),
            (Stage.OUTCOME_PROPOSED, 12),
            (Stage.DECLINED, 4),
            (Stage.WITHDRAWN, 5),
            (Stage.CLOSED, 4),
        ),
    ),
    (
        180,
        (
            (Stage.IN_RESOLUTION, 28),
            (Stage.OUTCOME_PROPOSED, 17),
            (Stage.UNDER_REVIEW, 5),
            (Stage.IMPLEMENTATION, 20),
            (Stage.CLOSED, 25),
            (Stage.WITHDRAWN, 5),
        ),
    ),
    (
        10_000,
        (
            (Stage.IN_RESOLUTION, 3),
            (Stage.IMPLEMENTATION, 4),
            (Stage.CLOSED, 85),
            (Stage.WITHDRAWN, 8),
        ),
    ),
)

# The path through the lifecycle; each stage starts the clock beside it (if any).
LADDER: tuple[tuple[Stage, ClockKind | None], ...] = (
    (Stage.REFERRED, ClockKind.ACCEPTANCE),
    (Stage.ACCEPTED, None),
    (Stage.AWAITING_RESPONSE, ClockKind.RESPONSE),
    (Stage.FILE_REVIEW, ClockKind.OBJECTION),
    (Stage.IN_RESOLUTION, ClockKind.OUTCOME),
    (Stage.OUTCOME_PROPOSED, ClockKind.REFLECTION),
    (Stage.UNDER_REVIEW, ClockKind.REVIEW),
    (Stage.IMPLEMENTATION, ClockKind.IMPLEMENTATION),
)
LADDER_INDEX = {stage: i for i, (stage, _) in enumerate(LADDER)}

# Which stage a case with a given reason to close ended from.
CLOSED_FROM: tuple[tuple[ClosureReason, Stage, int], ...] = (
    (ClosureReason.RESOLVED, Stage.IMPLEMENTATION, 60),
    (ClosureReason.OUTCOME_REJECTED, Stage.OUTCOME_PROPOSED, 20),
    (ClosureReason.ORGANISATION_REFUSED, Stage.AWAITING_RESPONSE, 12),
    (ClosureReason.DISCONTINUED, Stage.IN_RESOLUTION, 8),
)

# --- table columns ---------------------------------------------------------------------------

USER_COLUMNS = (
    "id", "email", "display_name", "locale", "password_hash", "is_active", "created_at",
    "last_login_at",
)  # fmt: skip
MEMBERSHIP_COLUMNS = (
    "id", "role", "scope", "created_at", "organisation_id", "provider_id", "user_id",
)  # fmt: skip
COMPLAINT_COLUMNS = (
    "id", "reference", "organisation_id", "complainant_id", "recorded_by_id", "channel",
    "subject", "description", "remedy_sought", "status", "received_at", "acknowledged_at",
    "assessed_at", "assessment", "responded_at", "response", "closed_at", "closure_note",
    "referred_at", "unresolved_reason", "outcome", "remedy_granted", "root_cause", "created_at",
)  # fmt: skip
CASE_COLUMNS = (
    "id", "reference", "complaint_id", "organisation_id", "provider_id", "scheme_id",
    "complainant_id", "subject", "method", "claimed_amount", "currency", "language",
    "unresolved_reason", "is_complex", "stage", "stage_changed_at", "decline_ground",
    "decline_reasons", "organisation_position", "responded_at", "file_completed_at",
    "implementation_evidence", "implemented_at", "implementation_confirmed_at",
    "closure_reason", "closure_note", "withdrawal_reason", "closed_at", "last_sequence",
    "head_hash", "created_at",
)  # fmt: skip
PARTICIPANT_COLUMNS = ("id", "case_id", "user_id", "role", "created_at")
CLOCK_COLUMNS = (
    "id", "case_id", "kind", "responsible", "calendar", "days", "started_at", "due_at",
    "status", "ended_at", "extensions",
)  # fmt: skip
EVENT_COLUMNS = (
    "case_id", "sequence", "kind", "occurred_at", "actor_id", "actor_role", "visibility",
    "payload", "payload_digest", "prev_hash", "hash",
)  # fmt: skip
# The case file (the web portal's CaseFile page): one row per message_posted and
# document_uploaded event, with the event's scope, author and instant, as
# portal.casefiles.services writes them (the chain covers them: portal.timeline.coverage).
MESSAGE_COLUMNS = (
    "id", "case_id", "visibility", "author_id", "author_role", "body", "created_at",
)  # fmt: skip
DOCUMENT_COLUMNS = (
    "id", "case_id", "visibility", "lineage_id", "version", "filename", "content_type", "size",
    "sha256", "storage_key", "uploaded_by_id", "uploader_role", "created_at",
)  # fmt: skip


def log(message: str) -> None:
    print(message, flush=True)


# --- the people and the fixed rows -----------------------------------------------------------


@dataclass
class Org:
    id: uuid.UUID
    spec: OrgSpec
    agents: list[uuid.UUID] = field(default_factory=list)
    links: list[tuple[uuid.UUID, uuid.UUID]] = field(default_factory=list)  # (provider, scheme)


@dataclass
class World:
    now: datetime
    password_hash: str
    orgs: list[Org] = field(default_factory=list)
    providers: dict[uuid.UUID, str] = field(default_factory=dict)
    schemes: dict[uuid.UUID, SchemeSpec] = field(default_factory=dict)
    caseworkers: dict[uuid.UUID, list[uuid.UUID]] = field(default_factory=dict)
    neutrals: dict[uuid.UUID, list[uuid.UUID]] = field(default_factory=dict)
    representatives: list[uuid.UUID] = field(default_factory=list)
    rows: dict[str, list[tuple[Any, ...]]] = field(default_factory=dict)

    def add(self, table: str, row: tuple[Any, ...]) -> None:
        self.rows.setdefault(table, []).append(row)


def person_name(rng: random.Random) -> tuple[str, Locale]:
    if rng.random() < 0.06:
        return rng.choice(CJK_NAMES), Locale.ZH_HANS
    return f"{rng.choice(FIRST_NAMES)} {rng.choice(LAST_NAMES)}", Locale.EN


def build_world(rng: random.Random, now: datetime, password_hash: str) -> World:
    world = World(now=now, password_hash=password_hash)
    opened = now - timedelta(days=900)
    provider_ids = {}
    for slug, name, country in PROVIDERS:
        pid = uuid.UUID(int=rng.getrandbits(128), version=4)
        provider_ids[slug] = pid
        world.providers[pid] = slug
        world.add("provider", (pid, slug, name, country, opened))
    scheme_ids = {}
    for spec in SCHEMES:
        sid = uuid.UUID(int=rng.getrandbits(128), version=4)
        scheme_ids[spec.key] = sid
        world.schemes[sid] = spec
        world.add(
            "scheme",
            (sid, provider_ids[spec.provider], spec.name, spec.country,
             orjson.dumps(spec.policy).decode(), True, opened),
        )  # fmt: skip

    def staff(email: str, name: str, role: Role, org: uuid.UUID | None, prov: uuid.UUID | None):
        uid = uuid.UUID(int=rng.getrandbits(128), version=4)
        world.add("user_account", (uid, email, name, Locale.EN.value, password_hash, True,
                                   opened, None))  # fmt: skip
        scope = f"organisation:{org}" if org else f"provider:{prov}"
        world.add(
            "membership",
            (uuid.UUID(int=rng.getrandbits(128), version=4), role.value, scope, opened, org,
             prov, uid),
        )  # fmt: skip
        return uid

    for spec in ORGANISATIONS:
        org = Org(id=uuid.UUID(int=rng.getrandbits(128), version=4), spec=spec)
        world.orgs.append(org)
        world.add("organisation", (org.id, spec.slug, spec.name, spec.country, opened))
        for n in range(3):
            email = agent_email(spec.slug) if n == 0 else f"agent{n + 1}@{spec.slug}.example"
            name, _ = person_name(rng)
            org.agents.append(staff(email, name, Role.ORG_AGENT, org.id, None))
        name, _ = person_name(rng)
        staff(f"manager@{spec.slug}.example", name, Role.ORG_MANAGER, org.id, None)
        for key in spec.schemes:
            sid = scheme_ids[key]
            pid = provider_ids[world.schemes[sid].provider]
            if any(p == pid for p, _ in org.links):
                continue  # one scheme per provider and organisation
            org.links.append((pid, sid))
            world.add(
                "organisation_provider",
                (uuid.UUID(int=rng.getrandbits(128), version=4), org.id, pid, sid),
            )
    for slug, pid in provider_ids.items():
        world.caseworkers[pid] = []
        world.neutrals[pid] = []
        for n in range(4):
            name, _ = person_name(rng)
            email = f"caseworker{n + 1 if n else ''}@{slug}.example"
            world.caseworkers[pid].append(staff(email, name, Role.PROVIDER_CASEWORKER, None, pid))
        for n in range(8):
            name, _ = person_name(rng)
            world.neutrals[pid].append(
                staff(f"neutral{n + 1}@{slug}.example", name, Role.NEUTRAL, None, pid)
            )
    # Advisers of a consumer advice centre, who represent some complainants.
    for n in range(40):
        uid = uuid.UUID(int=rng.getrandbits(128), version=4)
        name, locale = person_name(rng)
        world.representatives.append(uid)
        world.add("user_account", (uid, f"adviser{n + 1}@advice-centre.example", name,
                                   locale.value, "", True, opened, None))  # fmt: skip
    return world


def assign_complainants(
    rng: random.Random, world: World, n_cases: int
) -> tuple[list[uuid.UUID], uuid.UUID]:
    """One complainant per case, about 15% of them repeat complainants; the known
    complainant (who signs in during the load run) owns cases 0, 1 and 2."""
    known = uuid.UUID(int=rng.getrandbits(128), version=4)
    world.add("user_account", (known, COMPLAINANT_EMAIL, "Maria Rossi", Locale.EN.value,
                               world.password_hash, True, world.now - 500 * DAY, None))  # fmt: skip
    owners: list[uuid.UUID] = []
    people: list[uuid.UUID] = [known]
    for i in range(n_cases):
        if i < 3:
            owners.append(known)
            continue
        if rng.random() < 0.15 and len(people) > 1:
            owners.append(rng.choice(people[1:]))
            continue
        uid = uuid.UUID(int=rng.getrandbits(128), version=4)
        name, locale = person_name(rng)
        joined = world.now - timedelta(days=rng.uniform(1, 800))
        # Consumers sign in with one-time codes: no password.
        world.add("user_account", (uid, f"consumer{len(people)}@mail.example", name,
                                   locale.value, "", True, joined, None))  # fmt: skip
        people.append(uid)
        owners.append(uid)
    return owners, known


# --- one case ------------------------------------------------------------------------------


@dataclass
class Batch:
    complaints: list[tuple[Any, ...]] = field(default_factory=list)
    cases: list[tuple[Any, ...]] = field(default_factory=list)
    participants: list[tuple[Any, ...]] = field(default_factory=list)
    clocks: list[tuple[Any, ...]] = field(default_factory=list)
    events: list[tuple[Any, ...]] = field(default_factory=list)
    messages: list[tuple[Any, ...]] = field(default_factory=list)
    documents: list[tuple[Any, ...]] = field(default_factory=list)
    max_reference: dict[str, int] = field(default_factory=dict)


def weighted(rng: random.Random, pairs: Sequence[tuple[Any, int]]) -> Any:
    return rng.choices([p[0] for p in pairs], weights=[p[1] for p in pairs])[0]


def pick_stage(rng: random.Random, age_days: float, method: Method) -> Stage:
    for limit, pairs in STAGE_BY_AGE:
        if age_days < limit:
            stage: Stage = weighted(rng, pairs)
            break
    if stage is Stage.UNDER_REVIEW and not method.binding:
        stage = Stage.IMPLEMENTATION
    return stage


def path_to(rng: random.Random, stage: Stage, method: Method) -> tuple[list[Stage], Any]:
    """The stages a case went through to reach ``stage``, and its closure reason if closed."""
    reason: Any = None
    if stage is Stage.DECLINED:
        last = Stage.REFERRED
    elif stage is Stage.WITHDRAWN:
        last = rng.choice((Stage.ACCEPTED, Stage.AWAITING_RESPONSE, Stage.IN_RESOLUTION))
    elif stage is Stage.CLOSED:
        reason, last = weighted(rng, [((r, s), w) for r, s, w in CLOSED_FROM])
    else:
        last = stage
    path = []
    for step, _ in LADDER:
        if step is Stage.UNDER_REVIEW and last is not Stage.UNDER_REVIEW:
            continue
        if step is Stage.FILE_REVIEW and not method.needs_neutral and last is not step:
            continue  # unassisted negotiation goes straight to resolution
        path.append(step)
        if step is last:
            break
    if stage in (Stage.DECLINED, Stage.WITHDRAWN, Stage.CLOSED):
        path.append(stage)
    return path, reason


def clock_for(
    kind: ClockKind, scheme: SchemeSpec, started: datetime
) -> tuple[int, Calendar, Party, datetime]:
    days, calendar, party = DEFAULT_CLOCKS[kind]
    override = scheme.policy.get(kind.value)
    if override:
        days, calendar = override["days"], Calendar(override["calendar"])
    span = days * 7 / 5 if calendar is Calendar.WORKING_DAYS else days
    return days, calendar, party, started + timedelta(days=span)


def nominal_days(stage: Stage, scheme: SchemeSpec) -> float:
    """How long a stage usually lasts: the calendar span of the clock it starts."""
    kind = LADDER[LADDER_INDEX[stage]][1] if stage in LADDER_INDEX else None
    if kind is None:
        return 6.0  # waiting for the complainant's consent
    days, calendar, _party = DEFAULT_CLOCKS[kind]
    override = scheme.policy.get(kind.value)
    if override:
        days, calendar = override["days"], Calendar(override["calendar"])
    return days * 7 / 5 if calendar is Calendar.WORKING_DAYS else float(days)


def text(rng: random.Random, sentences: int) -> str:
    return " ".join(rng.choice(SENTENCES) for _ in range(sentences))


def new_id(rng: random.Random) -> uuid.UUID:
    return uuid.UUID(int=rng.getrandbits(128), version=4)


@dataclass
class Actors:
    complainant: uuid.UUID
    representative: uuid.UUID | None
    agent: uuid.UUID
    caseworker: uuid.UUID
    neutral: uuid.UUID | None


E = EventKind
# The events that mark entering a stage, (kind, actor role): seen by all parties, as the
# engine records them.
MILESTONES: dict[Stage, tuple[tuple[EventKind, str], ...]] = {
    Stage.REFERRED: ((E.CASE_REFERRED, "complainant"),),
    Stage.ACCEPTED: ((E.CASE_ACCEPTED, "provider"),),
    Stage.AWAITING_RESPONSE: ((E.CONSENT_GIVEN, "complainant"),),
    Stage.FILE_REVIEW: ((E.RESPONSE_SUBMITTED, "organisation"), (E.NEUTRAL_APPOINTED, "provider")),
    Stage.IN_RESOLUTION: (
        (E.IMPARTIALITY_DECLARED, "neutral"),
        (E.NEUTRAL_CONFIRMED, "provider"),
        (E.FILE_COMPLETED, "provider"),
    ),
    Stage.OUTCOME_PROPOSED: ((E.OUTCOME_ISSUED, "neutral"),),
    Stage.UNDER_REVIEW: ((E.REVIEW_REQUESTED, "organisation"),),
    Stage.IMPLEMENTATION: ((E.OUTCOME_ACCEPTED, "complainant"),),
    Stage.DECLINED: ((E.CASE_DECLINED, "provider"),),
    Stage.WITHDRAWN: ((E.CASE_WITHDRAWN, "complainant"),),
    Stage.CLOSED: ((E.CASE_CLOSED, "provider"),),
}
# What happened just before a case closed, by the reason it closed.
CLOSING: dict[ClosureReason, tuple[tuple[EventKind, str], ...]] = {
    ClosureReason.RESOLVED: (
        (E.IMPLEMENTATION_RECORDED, "organisation"),
        (E.IMPLEMENTATION_CONFIRMED, "complainant"),
    ),
    ClosureReason.OUTCOME_REJECTED: ((E.OUTCOME_REJECTED, "complainant"),),
    ClosureReason.ORGANISATION_REFUSED: ((E.ORGANISATION_SILENT, "system"),),
    ClosureReason.DISCONTINUED: (),
}
CLOCK_ENDED = {
    ClockStatus.MET: E.CLOCK_MET,
    ClockStatus.MISSED: E.CLOCK_MISSED,
    ClockStatus.STOPPED: E.CLOCK_STOPPED,
}

# The rest of a case's 50 events: messages (internal notes are messages in an internal scope),
# documents and offers, each with the scope a party would give it: (kind, actor role,
# visibility), weight. Every message and document is also a row of the case file
# (MESSAGE_COLUMNS, DOCUMENT_COLUMNS) that its event names, as the portal writes them.
MESSAGE = E.MESSAGE_POSTED.value
DOCUMENT = E.DOCUMENT_UPLOADED.value
FILLERS: tuple[tuple[tuple[str, str, str], int], ...] = (
    ((MESSAGE, "complainant", "all_parties"), 22),
    ((MESSAGE, "organisation", "all_parties"), 18),
    ((MESSAGE, "provider", "all_parties"), 8),
    ((MESSAGE, "neutral", "all_parties"), 8),
    ((MESSAGE, "complainant", "caucus_complainant"), 5),
    ((MESSAGE, "neutral", "caucus_complainant"), 4),
    ((MESSAGE, "organisation", "caucus_organisation"), 5),
    ((MESSAGE, "neutral", "caucus_organisation"), 4),
    ((DOCUMENT, "complainant", "all_parties"), 8),
    ((DOCUMENT, "organisation", "all_parties"), 6),
    ((MESSAGE, "organisation", "organisation_internal"), 4),
    ((MESSAGE, "provider", "provider_internal"), 4),
    ((MESSAGE, "neutral", "neutral_only"), 1),
    ((E.OFFER_MADE.value, "organisation", "all_parties"), 2),
    ((E.OFFER_REJECTED.value, "complainant", "all_parties"), 1),
)
# The key under which payload_for hands a message's text to its row (never stored).
BODY = "_body"
FILLER_KINDS = [f[0] for f in FILLERS]
FILLER_WEIGHTS = [f[1] for f in FILLERS]
ALL_PARTIES = Visibility.ALL_PARTIES.value


def actor_of(role: str, actors: Actors) -> uuid.UUID | None:
    if role == "complainant":
        return actors.complainant
    if role == "organisation":
        return actors.agent
    if role == "provider":
        return actors.caseworker
    if role == "neutral":
        return actors.neutral or actors.caseworker
    return None  # the clock job


def payload_for(kind: str, role: str, rng: random.Random, ctx: dict[str, Any]) -> dict[str, Any]:
    """A payload as the engine stores it for ``kind`` (portal.cases.events._plain: enums by
    value, instants in ISO 8601, amounts as strings), with every field the event catalogue
    (portal.timeline.catalogue) requires of the kind: the portal presents each payload by its
    kind's definition, and `check_event` holds every generated event to it."""
    if kind == MESSAGE:
        # As portal.timeline.coverage.message_payload: the text itself is the message row's.
        body = text(rng, rng.randint(1, 4))
        return {
            "message_id": str(new_id(rng)),
            "reply_to_id": None,
            "text_digest": text_digest(body),
            BODY: body,
        }
    if kind == DOCUMENT:
        # As portal.casefiles.services._file_payload for a first version.
        document = str(new_id(rng))
        name = rng.choice(("invoice", "contract", "letter", "photo", "statement", "receipt"))
        return {
            "document_id": document,
            "lineage_id": document,
            "version": 1,
            "filename": f"{name}-{rng.randint(1, 99)}.pdf",
            "sha256": hashlib.sha256(rng.randbytes(16)).hexdigest(),
            "size": rng.randint(20_000, 4_000_000),
            "content_type": "application/pdf",
        }
    side = Side.ORGANISATION.value if role == "organisation" else Side.COMPLAINANT.value
    if kind in (E.OFFER_MADE, E.OFFER_REJECTED, E.OFFER_ACCEPTED):
        offer = {"offer_id": str(new_id(rng))}
        if kind == E.OFFER_REJECTED:
            return offer
        amount = str(Decimal(rng.randint(1_000, 200_000)) / 100)
        if kind == E.OFFER_ACCEPTED:
            return {**offer, "amount": amount, "currency": "EUR"}
        return {**offer, "side": side, "amount": amount, "currency": "EUR",
                "terms": text(rng, 1)}  # fmt: skip
    if kind == E.CASE_REFERRED:
        return {
            "complaint": ctx["complaint"],
            "method": ctx["method"],
            "claimed_amount": ctx["amount"],
            "currency": "EUR",
            "unresolved_reason": "The organisation's final response did not resolve it.",
        }
    if kind == E.CASE_ACCEPTED:
        return {"is_complex": ctx["is_complex"]}
    if kind == E.CASE_DECLINED:
        return {"ground": ctx["decline_ground"], "reasons": text(rng, 2)}
    if kind == E.CONSENT_GIVEN:
        return {
            "method": ctx["method"],
            "legal_effect": "The outcome does not bind you unless you accept it.",
            "language": "en",
            "right_to_withdraw": True,
            "bound": ctx["binding"],
        }
    if kind == E.RESPONSE_SUBMITTED:
        return {"position": text(rng, 3)}
    if kind in (E.NEUTRAL_APPOINTED, E.NEUTRAL_CONFIRMED):
        return {"neutral_id": str(ctx["neutral"])}
    if kind == E.IMPARTIALITY_DECLARED:
        return {"impartial": True}
    if kind == E.OUTCOME_ISSUED:
        return {
            "outcome_id": ctx["outcome"],
            "kind": ctx["outcome_kind"],
            "binding": ctx["binding"],
            "summary": text(rng, 2),
            "reasons": text(rng, 2),
            "amount": ctx["amount"],
            "currency": "EUR",
        }
    if kind == E.OUTCOME_ACCEPTED:
        return {"side": side, "outcome_id": ctx["outcome"]}
    if kind in (E.OUTCOME_REJECTED, E.REVIEW_REQUESTED):
        return {"side": side, "reasons": text(rng, 2)}
    if kind == E.IMPLEMENTATION_RECORDED:
        return {"evidence": "Refund paid, bank statement attached."}
    if kind == E.ORGANISATION_SILENT:
        return {"recorded_as": "refusal"}
    if kind == E.CASE_CLOSED:
        return {"reason": ctx["closure_reason"] or None}
    if kind == E.CASE_WITHDRAWN:
        return {"side": side, "reason": "Settled directly with the organisation."}
    return {}


def make_case(
    i: int,
    rng: random.Random,
    world: World,
    complainant: uuid.UUID,
    n_events: int,
    out: Batch,
    forced: tuple[float, Stage] | None = None,
) -> None:
    now = world.now
    org = rng.choices(world.orgs, weights=[o.spec.weight for o in world.orgs])[0]
    if forced is not None:
        org = next(o for o in world.orgs if o.spec.slug == LIST_ORGANISATION)
    provider_id, scheme_id = rng.choice(org.links)
    scheme = world.schemes[scheme_id]
    method: Method = rng.choices(METHODS, weights=METHOD_WEIGHTS)[0]
    if forced is not None:
        age_days, stage = forced
        method = Method.MEDIATION
    else:
        # More recent cases are denser (a growing service), spread over two years.
        age_days = 730 * rng.random() ** 1.4 + rng.uniform(0.01, 0.5)
        stage = pick_stage(rng, age_days, method)
    path, reason = path_to(rng, stage, method)
    terminal = stage in (Stage.DECLINED, Stage.WITHDRAWN, Stage.CLOSED)
    # Days spent in each stage left behind: mostly within its clock, sometimes over it; the
    # stage the case is in has run part of its clock. A case that could not have come this
    # far in its age is compressed; an active one that would have is made younger.
    spent = [nominal_days(step, scheme) * rng.uniform(0.15, 1.08) for step in path[:-1]]
    current = 0.0 if terminal else nominal_days(path[-1], scheme) * rng.uniform(0.05, 1.12)
    total = sum(spent) + current
    if total > age_days * 0.97:
        scale = age_days * 0.97 / total
        spent = [d * scale for d in spent]
        current *= scale
    elif not terminal:
        age_days = total + rng.uniform(0.01, 0.3)
    created = now - timedelta(days=age_days)
    entered = [created]
    for days in spent:
        entered.append(entered[-1] + timedelta(days=days))
    # The last activity: the closure, or a little before now.
    end = entered[-1] if terminal else entered[-1] + timedelta(days=current)
    end = min(end, now - timedelta(minutes=rng.uniform(1, 600)))
    end = max(end, entered[-1])

    case_id = new_id(rng)
    complaint_id = new_id(rng)
    year = created.year
    subject = rng.choice(SUBJECTS[org.spec.sector])
    amount = Decimal(rng.randint(2_000, 900_000)) / 100
    reference = f"DR-{year}-{i + 1:06d}"
    complaint_ref = f"CMP-{year}-{i + 1:06d}"
    out.max_reference[f"DR-{year}"] = max(out.max_reference.get(f"DR-{year}", 0), i + 1)
    out.max_reference[f"CMP-{year}"] = max(out.max_reference.get(f"CMP-{year}", 0), i + 1)
    neutral = rng.choice(world.neutrals[provider_id]) if method.needs_neutral else None
    actors = Actors(
        complainant=complainant,
        representative=rng.choice(world.representatives) if rng.random() < 0.05 else None,
        agent=rng.choice(org.agents),
        caseworker=rng.choice(world.caseworkers[provider_id]),
        neutral=neutral,
    )

    # The complaint the organisation handled before the dispute (ISO 10002).
    received = created - timedelta(days=rng.uniform(30, 120))
    acknowledged = received + timedelta(days=rng.uniform(0.2, 3))
    assessed = acknowledged + timedelta(days=rng.uniform(3, 15))
    responded = assessed + timedelta(days=rng.uniform(2, 20))
    referred = created - timedelta(hours=rng.uniform(1, 72))
    channel = rng.choices(CHANNELS, weights=CHANNEL_WEIGHTS)[0]
    outcome = ""
    if stage is Stage.CLOSED:
        outcome = reason.value
    out.complaints.append(
        (complaint_id, complaint_ref, org.id, complainant,
         actors.agent if channel in (Channel.PHONE, Channel.LETTER, Channel.IN_PERSON) else None,
         channel.value, subject, text(rng, 3), "A refund of the amount charged.",
         ComplaintStatus.REFERRED.value, received, acknowledged, assessed,
         "Assessed as a billing complaint.", responded, text(rng, 2), None, "", referred,
         "The customer does not accept the final response.", outcome, "", "", received)
    )  # fmt: skip

    # Timeline events, first those that mark the stages entered and the way out.
    ctx = {
        "complaint": complaint_ref,
        "scheme": scheme.name,
        "method": method.value,
        "binding": method.binding,
        "amount": str(amount),
        "neutral": neutral,
        "outcome_kind": OutcomeKind.issued_for(method).value,
        "decline_ground": rng.choice(list(DeclineGround)).value,
        "closure_reason": reason.value if reason else "",
        "is_complex": rng.random() < 0.1,
        "outcome": str(new_id(rng)),
    }
    # (instant, kind, actor role, visibility, payload or None to make one)
    planned: list[tuple[datetime, str, str, str, dict[str, Any] | None]] = []
    first_role: dict[Stage, str] = {}
    for step, at in zip(path, entered, strict=True):
        marks = MILESTONES[step]
        if step is Stage.CLOSED and reason is not None:
            marks = CLOSING[reason] + marks
        if neutral is None:  # unassisted negotiation: the parties settle by themselves
            marks = tuple(
                (E.OFFER_ACCEPTED, "complainant") if k is E.OUTCOME_ISSUED else (k, r)
                for k, r in marks
                if r != "neutral" or k is E.OUTCOME_ISSUED
            )
            marks = tuple(
                m for m in marks if m[0] not in (E.NEUTRAL_APPOINTED, E.NEUTRAL_CONFIRMED)
            )
        if marks:
            first_role[step] = marks[0][1]
        for n, (kind, role) in enumerate(marks):
            planned.append((at + timedelta(seconds=n + 1), kind.value, role, ALL_PARTIES, None))

    # Clocks: one per stage entered that starts one, with its timeline events; the case
    # keeps the last 1 to 3 of them.
    clocks: list[tuple[Any, ...]] = []
    timed = [(s, t) for s, t in zip(path, entered, strict=True) if s in LADDER_INDEX]
    for n, (step, started) in enumerate(timed):
        clock_kind = LADDER[LADDER_INDEX[step]][1]
        if clock_kind is None or (clock_kind is ClockKind.OBJECTION and neutral is None):
            continue
        days, calendar, party, due = clock_for(clock_kind, scheme, started)
        is_last = n == len(timed) - 1
        acted_by = first_role.get(path[min(n + 1, len(path) - 1)], "provider")
        if not is_last:
            status, ended = ClockStatus.MET, timed[n + 1][1]
            if ended > due:
                status = ClockStatus.MISSED
        elif not terminal:
            # Past due: the clock job has marked it missed.
            status, ended = (ClockStatus.MISSED, due) if due < now else (ClockStatus.RUNNING, None)
        elif stage is Stage.CLOSED and reason is ClosureReason.ORGANISATION_REFUSED:
            status, ended = ClockStatus.MISSED, due
        elif stage is Stage.DECLINED or reason is ClosureReason.RESOLVED:
            status, ended = ClockStatus.MET, end
        else:
            status, ended = ClockStatus.STOPPED, end
        extensions = 1 if rng.random() < 0.04 else 0
        clocks.append(
            (new_id(rng), case_id, clock_kind.value, party.value, calendar.value, days, started,
             due, status.value, ended, extensions)
        )  # fmt: skip
        started_role = first_role.get(step, "system")
        planned.append(
            (started + timedelta(seconds=30), E.CLOCK_STARTED.value, started_role, ALL_PARTIES,
             {"clock": clock_kind.value, "responsible": party.value, "due_at": due.isoformat(),
              "days": days, "calendar": calendar.value})
        )  # fmt: skip
        if ended is not None:
            role = "system" if status is ClockStatus.MISSED else acted_by
            planned.append(
                (ended + timedelta(seconds=20), CLOCK_ENDED[status].value, role, ALL_PARTIES,
                 {"clock": clock_kind.value, "due_at": due.isoformat(),
                  "responsible": party.value})
            )  # fmt: skip
    keep = rng.randint(1, 3)
    out.clocks.extend(clocks[-keep:])

    # Then messages, documents, notes and offers, spread over the case's life.
    planned.sort(key=lambda item: item[0])
    planned = planned[:n_events]
    span = (end - created).total_seconds()
    for kind, role, scope in rng.choices(
        FILLER_KINDS, weights=FILLER_WEIGHTS, k=n_events - len(planned)
    ):
        if role == "neutral" and neutral is None:
            role, scope = "provider", ALL_PARTIES
        at = created + timedelta(seconds=rng.uniform(60, max(span, 120)))
        planned.append((at, kind, role, scope, None))
    planned.sort(key=lambda item: item[0])

    prev = GENESIS
    last_at = created
    for sequence, (at, kind, role, scope, given) in enumerate(planned, start=1):
        at = max(at, last_at + timedelta(milliseconds=1))
        last_at = at
        actor = actor_of(role, actors)
        if role == "complainant" and actors.representative and rng.random() < 0.3:
            actor, role = actors.representative, CaseRole.REPRESENTATIVE.value
        payload = given if given is not None else payload_for(kind, role, rng, ctx)
        body = payload.pop(BODY, None)  # a message's text: its row's, not the event's
        digest = payload_digest(payload)
        link = ChainLink(
            case_id=case_id,
            sequence=sequence,
            kind=kind,
            occurred_at=at,
            actor_id=actor,
            actor_role=role,
            visibility=Visibility(scope).value,
            payload_digest=digest,
            prev_hash=prev,
        )
        event_hash = link.hash()
        if kind == MESSAGE:
            assert actor is not None
            assert body is not None
            out.messages.append(
                (uuid.UUID(payload["message_id"]), case_id, scope, actor, role, body, at)
            )
        elif kind == DOCUMENT:
            assert actor is not None
            document = uuid.UUID(payload["document_id"])
            out.documents.append(
                (document, case_id, scope, document, payload["version"], payload["filename"],
                 payload["content_type"], payload["size"], payload["sha256"], document.hex,
                 actor, role, at)
            )  # fmt: skip
        out.events.append(
            (case_id, sequence, kind, at, actor, role, scope, orjson.dumps(payload).decode(),
             digest, prev, event_hash)
        )  # fmt: skip
        prev = event_hash

    changed = entered[-1]
    stage_past = set(path)
    org_responded = Stage.FILE_REVIEW in stage_past or Stage.IN_RESOLUTION in stage_past
    resolved = reason is ClosureReason.RESOLVED

    def entry(s: Stage) -> datetime | None:
        return entered[path.index(s)] if s in stage_past else None

    out.cases.append(
        (case_id, reference, complaint_id, org.id, provider_id, scheme_id, complainant,
         subject, method.value, amount, "EUR", "en",
         "The organisation's final response did not resolve it.", ctx["is_complex"],
         stage.value, changed,
         ctx["decline_ground"] if stage is Stage.DECLINED else None,
         text(rng, 1) if stage is Stage.DECLINED else "",
         text(rng, 3) if org_responded else "",
         entry(Stage.FILE_REVIEW) or entry(Stage.IN_RESOLUTION),
         entry(Stage.IN_RESOLUTION),
         "Refund paid, bank statement attached." if resolved else "",
         end - timedelta(days=rng.uniform(1, 10)) if resolved else None,
         end if resolved else None,
         reason.value if reason else None,
         text(rng, 1) if stage is Stage.CLOSED else "",
         "Settled directly with the organisation." if stage is Stage.WITHDRAWN else "",
         end if terminal else None,
         len(planned), prev if planned else "", created)
    )  # fmt: skip
    out.participants.append((new_id(rng), case_id, complainant, "complainant", created))
    if actors.representative:
        out.participants.append(
            (new_id(rng), case_id, actors.representative, "representative", created)
        )


def build_batch(
    seed: int,
    index: int,
    start: int,
    stop: int,
    world: World,
    owners: list[uuid.UUID],
    n_events: int,
) -> Batch:
    rng = random.Random(f"{seed}/{index}")
    out = Batch()
    for i in range(start, stop):
        forced = None
        if i == 0:
            forced = (41.5, Stage.IN_RESOLUTION)  # the known complainant's newest case
        elif i in (1, 2):
            forced = (200.0 + 200 * i, Stage.CLOSED)
        make_case(i, rng, world, owners[i], n_events, out, forced)
    return out


# --- the database ---------------------------------------------------------------------------


async def recreate_database(url: str, force: bool) -> None:
    name = database_name(url)
    if "bench" not in name and not force:
        raise SystemExit(
            f"refusing to drop the database {name!r}: its name does not contain 'bench' "
            "(pass --force to drop it anyway)"
        )
    conn = await asyncpg.connect(maintenance_dsn(url))
    try:
        await conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        await conn.execute(f'CREATE DATABASE "{name}"')
    finally:
        await conn.close()


async def check_columns(conn: asyncpg.Connection, table: str, columns: Iterable[str]) -> None:
    """Fail clearly when the schema has a required column this generator does not fill."""
    rows = await conn.fetch(
        "SELECT column_name, is_nullable, column_default FROM information_schema.columns "
        "WHERE table_schema = 'public' AND table_name = $1",
        table,
    )
    have = {r["column_name"] for r in rows}
    given = set(columns)
    if unknown := given - have:
        raise SystemExit(f"{table}: the schema has no column(s) {sorted(unknown)}")
    missing = [
        r["column_name"]
        for r in rows
        if r["column_name"] not in given
        and r["is_nullable"] == "NO"
        and r["column_default"] is None
    ]
    if missing:
        raise SystemExit(f"{table}: required column(s) {missing} are not generated; update bench")


async def copy(
    conn: asyncpg.Connection, table: str, columns: Sequence[str], rows: list[tuple[Any, ...]]
) -> None:
    if rows:
        await conn.copy_records_to_table(table, records=rows, columns=list(columns))


async def load_batch(conn: asyncpg.Connection, batch: Batch) -> None:
    async with conn.transaction():
        await copy(conn, "complaint", COMPLAINT_COLUMNS, batch.complaints)
        await copy(conn, "dispute_case", CASE_COLUMNS, batch.cases)
        await copy(conn, "case_participant", PARTICIPANT_COLUMNS, batch.participants)
        await copy(conn, "clock", CLOCK_COLUMNS, batch.clocks)
        await copy(conn, "timeline_event", EVENT_COLUMNS, batch.events)
        await copy(conn, "message", MESSAGE_COLUMNS, batch.messages)
        await copy(conn, "document", DOCUMENT_COLUMNS, batch.documents)


FIXED_TABLES = {
    "provider": ("id", "slug", "name", "country", "created_at"),
    "scheme": (
        "id",
        "provider_id",
        "name",
        "country",
        "clock_policy",
        "silence_is_refusal",
        "created_at",
    ),
    "organisation": ("id", "slug", "name", "country", "created_at"),
    "organisation_provider": ("id", "organisation_id", "provider_id", "scheme_id"),
    "user_account": USER_COLUMNS,
    "membership": MEMBERSHIP_COLUMNS,
}
BATCH_TABLES = {
    "complaint": COMPLAINT_COLUMNS,
    "dispute_case": CASE_COLUMNS,
    "case_participant": PARTICIPANT_COLUMNS,
    "clock": CLOCK_COLUMNS,
    "timeline_event": EVENT_COLUMNS,
    "message": MESSAGE_COLUMNS,
    "document": DOCUMENT_COLUMNS,
}


# (table, column): the reads look rows up by this column, so an index must lead with it.
READ_INDEXES = (("clock", "case_id"),)


async def ensure_read_indexes(conn: asyncpg.Connection, add: bool) -> None:
    """Warn about, and unless told otherwise add, indexes the two reads need that the
    migrations do not create. Without one on clock(case_id) every case's clocks are a
    sequential scan, and the hand-written baseline falls from about a thousand requests per
    second to a few dozen: it would no longer be the baseline the performance budget means."""
    for table, column in READ_INDEXES:
        covered = await conn.fetchval(
            """
            SELECT count(*) > 0 FROM pg_index i
            JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = i.indkey[0]
            WHERE i.indrelid = $1::regclass AND a.attname = $2
            """,
            table,
            column,
        )
        if covered:
            continue
        if not add:
            log(f"  WARNING: no index leads with {table}({column}); measuring without one")
            continue
        await conn.execute(f'CREATE INDEX "bench_{table}_{column}" ON "{table}" ("{column}")')
        log(
            f"  WARNING: the migrations create no index on {table}({column}); added "
            f"bench_{table}_{column} for the benchmark (--no-extra-indexes to leave it out)"
        )


async def verify_sample(url: str, sample: int, seed: int) -> None:
    """Check a sample of chains with the portal's own verifier (through the ORM)."""
    from tortoise import Tortoise

    from portal.api.cases.loaders import EVENT_COLUMNS
    from portal.api.cases.timeline import TimelineEvent as TimelineApiEvent
    from portal.api.cases.timeline import UnverifiableEvent
    from portal.cases.models import DisputeCase
    from portal.db import tortoise_config
    from portal.timeline.models import TimelineEvent
    from portal.timeline.services import name_break, verify

    await Tortoise.init(config=tortoise_config(url))
    try:
        ids = await DisputeCase.all().order_by("id").values_list("id", flat=True)
        rng = random.Random(seed)
        chosen = rng.sample(list(ids), min(sample, len(ids)))
        # And always the known complainant's cases, which the load run reads.
        chosen += await DisputeCase.filter(complainant__email=COMPLAINANT_EMAIL).values_list(
            "id", flat=True
        )
        bad = []
        unreadable: list[tuple[str, int, str]] = []
        for case_id in chosen:
            case = await DisputeCase.get(id=case_id)
            result = await verify(case)
            if not result.ok:
                broken = await name_break(case, result.first_broken_sequence or 0)
                bad.append((case.reference, broken.sequence, broken.reason.value))
            # Every event as the portal's timeline reads it (kind, role, scope, payload).
            for row in await TimelineEvent.filter(case_id=case_id).values(*EVENT_COLUMNS):
                try:
                    TimelineApiEvent.from_values(row).payload()
                except UnverifiableEvent:
                    unreadable.append((case.reference, row["sequence"], row["kind"]))
        if bad:
            raise SystemExit(f"hash chain broken in {len(bad)} case(s): {bad[:5]}")
        if unreadable:
            raise SystemExit(
                f"{len(unreadable)} event(s) the event catalogue does not describe: "
                f"{unreadable[:5]}"
            )
        log(
            f"  verified {len(chosen)} timelines with portal.timeline.services.verify and read "
            "every event of them as the portal's timeline does: all intact"
        )
    finally:
        await Tortoise.close_connections()


async def generate(args: argparse.Namespace) -> None:
    from portal.db import migrate

    url: str = args.url
    started = time.perf_counter()

    def elapsed() -> str:
        return f"{time.perf_counter() - started:6.1f} s"

    log(f"Recreating {database_name(url)} on {maintenance_dsn(url).rsplit('/', 1)[0]}")
    await recreate_database(url, args.force)
    log(f"[{elapsed()}] migrating with portal.db.migrate")
    await migrate(url)

    rng = random.Random(args.seed)
    now = datetime.now(UTC).replace(microsecond=0)
    password_hash = hash_password(BENCH_PASSWORD)
    world = build_world(rng, now, password_hash)
    owners, _known = assign_complainants(rng, world, args.cases)

    conn = await asyncpg.connect(asyncpg_dsn(url))
    try:
        # A throwaway database: no need to wait for the WAL on every commit.
        await conn.execute("SET synchronous_commit = off")
        for table, columns in {**FIXED_TABLES, **BATCH_TABLES}.items():
            await check_columns(conn, table, columns)
        async with conn.transaction():
            for table, columns in FIXED_TABLES.items():
                await copy(conn, table, columns, world.rows.get(table, []))
        log(
            f"[{elapsed()}] {len(world.orgs)} organisations, {len(world.providers)} providers, "
            f"{len(world.schemes)} schemes, {len(world.rows['user_account'])} users"
        )

        size = args.batch
        bounds = [
            (n, s, min(s + size, args.cases)) for n, s in enumerate(range(0, args.cases, size))
        ]
        references: dict[str, int] = {}
        done_cases = done_events = 0

        def build(n: int, s: int, e: int) -> Batch:
            return build_batch(args.seed, n, s, e, world, owners, args.events)

        # Build the next batch in a thread while PostgreSQL takes in the current one.
        pending = asyncio.create_task(asyncio.to_thread(build, *bounds[0])) if bounds else None
        for k in range(len(bounds)):
            assert pending is not None
            batch = await pending
            if k + 1 < len(bounds):
                pending = asyncio.create_task(asyncio.to_thread(build, *bounds[k + 1]))
            await load_batch(conn, batch)
            for key, value in batch.max_reference.items():
                references[key] = max(references.get(key, 0), value)
            done_cases += len(batch.cases)
            done_events += len(batch.events)
            log(
                f"[{elapsed()}] cases {done_cases:>7,}/{args.cases:,}   "
                f"events {done_events:>9,}   clocks +{len(batch.clocks):,}"
            )

        await conn.executemany(
            "INSERT INTO reference_counter (key, value) VALUES ($1, $2)",
            sorted(references.items()),
        )
        await ensure_read_indexes(conn, args.extra_indexes)
        log(f"[{elapsed()}] VACUUM ANALYZE")
        await conn.execute("VACUUM (ANALYZE)")
        counts = {
            t: await conn.fetchval(f'SELECT count(*) FROM "{t}"')  # noqa: S608 (fixed names)
            for t in ("user_account", "complaint", "dispute_case", "case_participant", "clock",
                      "timeline_event")
        }  # fmt: skip
        heads_ok = await conn.fetchval(
            """
            SELECT count(*) = 0 FROM dispute_case c
            LEFT JOIN LATERAL (
                SELECT e.sequence, e.hash FROM timeline_event e
                WHERE e.case_id = c.id ORDER BY e.sequence DESC LIMIT 1
            ) h ON true
            WHERE c.last_sequence <> coalesce(h.sequence, 0)
               OR c.head_hash <> coalesce(h.hash, '')
            """
        )
        size_text = await conn.fetchval(
            "SELECT pg_size_pretty(pg_database_size(current_database()))"
        )
    finally:
        await conn.close()
    if not heads_ok:
        raise SystemExit("some case's last_sequence/head_hash does not match its timeline")
    log(f"[{elapsed()}] rows: " + ", ".join(f"{t} {n:,}" for t, n in counts.items()))
    log(f"  every case's last_sequence and head_hash match its last event; database {size_text}")
    if args.verify:
        await verify_sample(url, args.verify, args.seed)
    log(f"Done in {elapsed().strip()}.")
    log(f"Sign-ins (password {BENCH_PASSWORD}):")
    for org in world.orgs:
        log(f"  {agent_email(org.spec.slug):34} org_agent of {org.spec.name}")
    log(f"  {COMPLAINANT_EMAIL:34} complainant (owns 3 cases)")


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m bench.generate", description=__doc__.split("\n")[0]
    )
    parser.add_argument(
        "--url", default=DEFAULT_URL, help=f"database to (re)create, default {DEFAULT_URL}"
    )
    parser.add_argument("--cases", type=int, default=10_000)
    parser.add_argument("--events", type=int, default=50, help="timeline events per case")
    parser.add_argument("--batch", type=int, default=1_000, help="cases per COPY batch")
    parser.add_argument("--seed", type=int, default=2026)
    parser.add_argument("--verify", type=int, default=25, help="timelines to verify (0: none)")
    parser.add_argument(
        "--force", action="store_true", help="drop a database without 'bench' in its name"
    )
    parser.add_argument(
        "--no-extra-indexes",
        dest="extra_indexes",
        action="store_false",
        help="do not add the indexes the reads need and the migrations lack (clock.case_id)",
    )
    args = parser.parse_args(argv)
    if args.cases < 3 or args.events < 1:
        parser.error("at least 3 cases and 1 event per case")
    asyncio.run(generate(args))
    return 0


if __name__ == "__main__":
    sys.exit(main())
