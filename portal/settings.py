"""Every setting of Parley, read once from ``PORTAL_*`` environment variables.

The README's configuration table is generated from ``SETTINGS`` (``portal settings --markdown``)
and a test keeps the two in step, so a setting cannot exist without its documentation.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Mapping
from dataclasses import dataclass, fields
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

DEV_SECRET_KEY = "dev-only-secret-key-change-me-in-production-000000"
# A secret that says it is an example, or is one the docs show (docs/operations.md, the
# README), is known to everyone who read them: production refuses it. Compared without case
# or punctuation, so `change-me`, `CHANGE_ME` and `changeme` are one.
PLACEHOLDER_MARKERS = ("changeme", "example", "placeholder", "replaceme")
PLACEHOLDER_SECRETS = frozenset({"secret", "password", "pass"})
ENVIRONMENTS = ("development", "production")
METRICS_TOKEN_MIN_LENGTH = 32
# none: plain SMTP; starttls: upgrade after connecting; tls: implicit TLS from the first byte.
SMTP_SECURITY = ("none", "starttls", "tls")


# Settings that gave way to others: set, they are refused rather than silently ignored.
REPLACED = {
    # Issue 13 D4: an exponential backoff capped at an hour gave up within about an hour.
    "PORTAL_OUTBOX_RETRY_BASE": "PORTAL_OUTBOX_RETRY_SCHEDULE",
    "PORTAL_OUTBOX_RETRY_MAX": "PORTAL_OUTBOX_RETRY_SCHEDULE",
}


class SettingsError(ValueError):
    """A setting is missing, malformed or unsafe for the chosen environment."""


@dataclass(frozen=True)
class Setting:
    field: str
    parse: Callable[[str], Any]
    default: Any
    help: str

    @property
    def env(self) -> str:
        return "PORTAL_" + self.field.upper()


def _bool(raw: str) -> bool:
    value = raw.strip().lower()
    if value in {"1", "true", "yes", "on"}:
        return True
    if value in {"0", "false", "no", "off"}:
        return False
    raise ValueError(f"expected a boolean, got {raw!r}")


def _positive_int(raw: str) -> int:
    value = int(raw)
    if value <= 0:
        raise ValueError(f"expected a positive integer, got {raw!r}")
    return value


def _non_negative_int(raw: str) -> int:
    value = int(raw)
    if value < 0:
        raise ValueError(f"expected zero or more, got {raw!r}")
    return value


def _positive_float(raw: str) -> float:
    value = float(raw)
    if not value > 0:
        raise ValueError(f"expected a positive number, got {raw!r}")
    return value


def _waits(raw: str) -> tuple[float, ...]:
    waits = tuple(_positive_float(part) for part in raw.split(",") if part.strip())
    if not waits:
        raise ValueError("expected one or more positive numbers of seconds, comma-separated")
    return waits


def _smtp_security(raw: str) -> str:
    value = raw.strip().lower()
    if value not in SMTP_SECURITY:
        raise ValueError(f"expected one of {', '.join(SMTP_SECURITY)}, got {raw!r}")
    return value


def _str(raw: str) -> str:
    return raw.strip()


STORAGE_BACKENDS = ("local", "database", "s3")
# S3 refuses a multipart upload part under 5 MiB (but the last).
S3_MIN_PART_BYTES = 5 << 20


def _storage(raw: str) -> str:
    value = raw.strip().lower()
    if value not in STORAGE_BACKENDS:
        raise ValueError(f"expected one of {', '.join(STORAGE_BACKENDS)}, got {raw!r}")
    return value


def _part_bytes(raw: str) -> int:
    value = _positive_int(raw)
    if value < S3_MIN_PART_BYTES:
        raise ValueError(f"expected at least {S3_MIN_PART_BYTES} (5 MiB), got {raw!r}")
    return value


def _origins(raw: str) -> tuple[str, ...]:
    return tuple(o.strip() for o in raw.split(",") if o.strip())


SETTINGS: tuple[Setting, ...] = (
    Setting(
        "env",
        _str,
        "development",
        "`development` or `production`. Production refuses development keys and secrets "
        "and example ones, and turns the GraphQL IDE and introspection off.",
    ),
    Setting(
        "data_dir",
        _str,
        "./var",
        "Directory for the SQLite database, the generated signing key and local documents.",
    ),
    Setting(
        "database_url",
        _str,
        "",
        "`sqlite:///path/parley.db` or "
        "`postgres://user:pass@host:5432/db?minsize=2&maxsize=20`. Empty: "
        "`sqlite://{data_dir}/parley.sqlite3`.",
    ),
    Setting(
        "frontend_dir",
        _str,
        "./frontend/dist",
        "The built web portal (`npm run build` in `frontend/`) that `portal serve` serves at "
        "`/`. Missing: `/` answers as before (the GraphQL IDE in development).",
    ),
    Setting("host", _str, "127.0.0.1", "Address `portal serve` binds to."),
    Setting("port", _positive_int, 8000, "Port `portal serve` listens on."),
    Setting(
        "public_url",
        _str,
        "",
        "The portal's external base URL, used as the token issuer and in links. Empty: "
        "`http://127.0.0.1:{port}`, following `PORTAL_PORT` (production needs it set).",
    ),
    Setting(
        "secret_key",
        _str,
        DEV_SECRET_KEY,
        "Key (at least 32 bytes) for the keyed hashes "
        "of refresh tokens and client secrets. Required in production.",
    ),
    Setting(
        "jwt_private_key",
        _str,
        "",
        "PEM of the Ed25519 signing key, or `@/path/key.pem`. "
        "Empty in development: a key is generated in `{data_dir}/keys/`. Required in "
        "production.",
    ),
    Setting(
        "jwt_previous_public_keys",
        _str,
        "",
        "`@/path` of PEM public keys, still "
        "published in the JWKS and accepted, during a key rotation.",
    ),
    Setting("jwt_audience", _str, "parley", "The `aud` of access tokens."),
    Setting("access_token_ttl", _positive_int, 900, "Access token lifetime, seconds."),
    Setting(
        "refresh_token_ttl",
        _positive_int,
        1_209_600,
        "Refresh token lifetime, seconds (rotated on every use).",
    ),
    Setting(
        "refresh_reuse_grace",
        _non_negative_int,
        30,
        "Seconds after a refresh token is spent during which presenting it again is taken as a "
        "lost answer (a reload cut the response short) rather than a stolen copy: the session "
        "rotates once more instead of ending, provided the token it was rotated into is unused.",
    ),
    Setting(
        "session_max_age",
        _positive_int,
        2_592_000,
        "Longest a sign-in lasts through refreshes, seconds.",
    ),
    Setting(
        "login_max_failures",
        _positive_int,
        10,
        "Failed password sign-ins for one account within the window after which its password "
        "is only accepted once its owner signed in with a one-time code from their mailbox.",
    ),
    Setting(
        "login_failure_window",
        _positive_int,
        900,
        "The window of the failure and sign-in code limits, seconds.",
    ),
    Setting(
        "sign_in_address_max_checks",
        _positive_int,
        30,
        "Password, sign-in code and client secret checks one client address may ask for "
        "within `sign_in_address_window` (an IPv6 address counts per /64).",
    ),
    Setting(
        "sign_in_address_window",
        _positive_int,
        60,
        "The window for `sign_in_address_max_checks`, seconds.",
    ),
    Setting(
        "sign_in_address_max_failures",
        _positive_int,
        20,
        "Failed checks from one client address within `login_failure_window` after which "
        "the address is refused every check until the window slides on.",
    ),
    Setting("graphql_ide", _bool, True, "Serve GraphiQL at `/graphql` (always off in production)."),
    Setting(
        "graphql_introspection", _bool, True, "Allow introspection (always off in production)."
    ),
    Setting("graphql_max_depth", _positive_int, 12, "Deepest selection a query may nest."),
    Setting(
        "graphql_max_aliases",
        _positive_int,
        30,
        "Aliases per operation, counted through fragments.",
    ),
    Setting(
        "graphql_max_cost",
        _positive_int,
        10_000,
        "Estimated objects one operation may load: nested pages multiply (docs/limits.md).",
    ),
    Setting(
        "graphql_max_tokens",
        _positive_int,
        3000,
        "Lexical tokens (comments included) per document, counted before it is parsed.",
    ),
    Setting(
        "graphql_max_query_bytes",
        _positive_int,
        65_536,
        "Size of one GraphQL document (the `query` text), bytes, checked before it is read.",
    ),
    Setting(
        "graphql_max_field_comparisons",
        _positive_int,
        # The published selection of every event payload (portal.timeline.eventdocs) makes
        # about 3,100 (each type's `caseId` with every other's): it must fit, with room for
        # more kinds. 19,740 took 176 ms to validate on a loaded two-core machine: 5,000,
        # about 45 ms at worst, and a document is validated once (its cache).
        5000,
        "Comparisons of same-named fields that validating one document may take (fields "
        "repeated in a selection set, through fragments), counted before validation runs.",
    ),
    Setting(
        "graphql_document_cache_bytes",
        _positive_int,
        262_144,
        "Query text the cache of validated documents holds at most, bytes (its parsed "
        "documents take about 60 times that in memory).",
    ),
    Setting("graphql_max_batch", _positive_int, 10, "Operations per batched request."),
    Setting(
        "graphql_compiled",
        _bool,
        True,
        "Answer the compiled operations of the web portal (`Cases`, `CasePage`, `CaseTimeline`, "
        "`CaseFile`) with SQL that builds the JSON, on PostgreSQL (portal.api.compiled); off: "
        "strawberry answers every operation.",
    ),
    Setting(
        "rate_limit_client_points",
        _positive_int,
        20_000,
        "Cost points in the rate-limit bucket of one OAuth client (docs/limits.md).",
    ),
    Setting(
        "rate_limit_client_restore",
        _positive_int,
        1_000,
        "Cost points a second restored to an OAuth client's bucket.",
    ),
    Setting(
        "rate_limit_person_points",
        _positive_int,
        20_000,
        "Cost points in the rate-limit bucket of one person (their tokens and the web portal).",
    ),
    Setting(
        "rate_limit_person_restore",
        _positive_int,
        1_000,
        "Cost points a second restored to a person's bucket.",
    ),
    Setting(
        "rate_limit_address_points",
        _positive_int,
        10_000,
        "Cost points in the rate-limit bucket of one client address without a token (an IPv6 "
        "address counts per /64).",
    ),
    Setting(
        "rate_limit_address_restore",
        _positive_int,
        500,
        "Cost points a second restored to a client address's bucket.",
    ),
    Setting(
        "rate_limit_report_cost",
        _positive_int,
        100,
        "Cost points one `/reports/` download takes from its bucket.",
    ),
    Setting(
        "rate_limit_instances",
        _positive_int,
        1,
        "Serving processes the rate-limit budgets are split between: each process keeps its "
        "own buckets, of 1/n of every budget and restore rate (docs/limits.md).",
    ),
    Setting(
        "graphql_max_subscriptions",
        _positive_int,
        20,
        "Subscriptions one WebSocket connection may hold open at once.",
    ),
    Setting(
        "max_request_bytes",
        _positive_int,
        1_048_576,
        "Largest request body on JSON endpoints, bytes.",
    ),
    Setting(
        "max_request_head_bytes",
        _positive_int,
        65_536,
        "Largest request line and headers of one request, bytes, counted as they arrive: "
        "one byte more is answered 431 and the connection closed.",
    ),
    Setting(
        "max_request_headers",
        _positive_int,
        100,
        "Header fields one request may carry; more are answered 431.",
    ),
    Setting(
        "document_max_bytes",
        _positive_int,
        26_214_400,
        "Largest document one upload may carry, bytes (25 MB).",
    ),
    Setting(
        "document_max_unpacked_bytes",
        _positive_int,
        104_857_600,
        "Largest total a zip-based document (DOCX, XLSX, ODT) may unpack to, bytes (100 MB); "
        "more, a part compressed over 100 to 1, or an archive inside, and the upload is "
        "refused.",
    ),
    Setting(
        "document_storage",
        _storage,
        "local",
        "Where new documents are kept: `local` (under `{data_dir}/documents/`), `database` "
        "(in the database, shared by several instances on PostgreSQL) or `s3` (an "
        "S3-compatible object store, `PORTAL_S3_*`). Each document records where it is, so "
        "a change moves nothing and orphans nothing: `portal documents migrate --to` moves "
        "the existing ones.",
    ),
    Setting(
        "s3_endpoint_url",
        _str,
        "",
        "Endpoint of the S3-compatible store (`https://s3.example.net`, a MinIO or Ceph "
        "address); empty: AWS S3 in `PORTAL_S3_REGION`.",
    ),
    Setting("s3_bucket", _str, "", "Bucket that holds the documents (required for `s3`)."),
    Setting("s3_region", _str, "us-east-1", "Region of the bucket (signing region)."),
    Setting(
        "s3_prefix",
        _str,
        "documents/",
        "Prefix of every object's key in the bucket (a bucket may be shared).",
    ),
    Setting(
        "s3_access_key_id",
        _str,
        "",
        "Access key; empty (with the secret empty too): the usual AWS credential chain "
        "(`AWS_*` variables, shared config, the instance's role).",
    ),
    Setting("s3_secret_access_key", _str, "", "Secret of `PORTAL_S3_ACCESS_KEY_ID`."),
    Setting(
        "s3_path_style",
        _bool,
        False,
        "Address the bucket in the path (`endpoint/bucket/key`) rather than as a host name "
        "(`bucket.endpoint/key`); most self-hosted stores need it.",
    ),
    Setting(
        "s3_part_bytes",
        _part_bytes,
        8_388_608,
        "Size of each part of a multipart upload, bytes (at least 5 MiB); a document of "
        "this size or more is uploaded in parts, a smaller one in one request.",
    ),
    Setting(
        "download_link_ttl",
        _positive_int,
        300,
        "Lifetime of a signed download link (a document or a case bundle), seconds.",
    ),
    Setting(
        "clock_interval",
        _non_negative_int,
        60,
        "Seconds between runs of the clock job inside `portal serve` (0: off, run "
        "`portal clocks` from cron instead).",
    ),
    Setting(
        "allowed_origins",
        _origins,
        (),
        "Comma-separated browser origins allowed to "
        "open GraphQL WebSockets and make CORS requests.",
    ),
    Setting(
        "systemic_issue_threshold",
        _positive_int,
        3,
        "Closed complaints with one root cause in a management review's period that make "
        "it a systemic issue (ISO 10002 8.3).",
    ),
    Setting(
        "worker_in_serve",
        _bool,
        True,
        "Run the outbox worker (mail, webhooks, reminders, clocks) inside `portal serve`; "
        "off when `portal worker` processes do it.",
    ),
    Setting(
        "worker_poll_interval",
        _positive_float,
        1.0,
        "Seconds an idle outbox worker waits before looking for work again.",
    ),
    Setting("worker_batch", _positive_int, 20, "Outbox rows a worker claims at a time."),
    Setting(
        "outbox_lease",
        _positive_int,
        120,
        "Seconds a claimed outbox row stays with its worker; after that (a crashed worker) "
        "another worker takes it again.",
    ),
    Setting(
        "outbox_max_attempts",
        _positive_int,
        8,
        "Delivery attempts before an outbox row becomes a dead letter.",
    ),
    Setting(
        "outbox_retry_schedule",
        _waits,
        (5.0, 300.0, 1800.0, 7200.0, 18000.0, 36000.0, 36000.0),
        "Comma-separated seconds to wait after each failed delivery attempt before the next "
        "(the first attempt is immediate; the last wait repeats while attempts remain), each "
        "lengthened by up to a fifth at random. The default is Standard Webhooks' schedule: "
        "8 attempts over about 27.6 hours, so a day-long mail or webhook outage loses nothing.",
    ),
    Setting(
        "reminder_days",
        _non_negative_int,
        3,
        "Days before a clock's due date that its responsible party gets a reminder (0: none).",
    ),
    Setting(
        "session_reminder_hours",
        _non_negative_int,
        24,
        "Hours before a scheduled session or hearing that those taking part get a reminder "
        "(0: none).",
    ),
    Setting("smtp_host", _str, "127.0.0.1", "SMTP server for outgoing mail."),
    Setting("smtp_port", _positive_int, 1025, "SMTP port (1025: the `portal mailsink` default)."),
    Setting(
        "smtp_security",
        _smtp_security,
        "none",
        "`none`, `starttls` (upgrade after connecting) or `tls` (implicit TLS).",
    ),
    Setting("smtp_username", _str, "", "SMTP login user; empty: no login."),
    Setting("smtp_password", _str, "", "SMTP login password."),
    Setting(
        "smtp_ca_file",
        _str,
        "",
        "PEM file of the certificate authorities to trust for the SMTP server; empty: the "
        "system's.",
    ),
    Setting("smtp_timeout", _positive_float, 15.0, "Seconds before an SMTP conversation fails."),
    Setting(
        "mail_from",
        _str,
        "Parley <no-reply@parley.localhost>",
        "The From of every mail Parley sends.",
    ),
    Setting(
        "representative_invitation_days",
        _positive_int,
        14,
        "Days a complainant's invitation to act as their representative can be accepted.",
    ),
    Setting(
        "staff_invitation_days",
        _positive_int,
        7,
        "Days a manager's invitation to join their organisation's or provider's team can be "
        "accepted.",
    ),
    Setting(
        "sign_in_code_ttl",
        _positive_int,
        600,
        "Seconds a one-time sign-in code stays valid.",
    ),
    Setting(
        "setup_link_ttl",
        _positive_int,
        3600,
        "Seconds the one-time setup link `portal serve` prints while the installation has no "
        "admin stays valid (a new one is printed at every start until an admin exists).",
    ),
    Setting(
        "sign_in_code_max_requests",
        _positive_int,
        5,
        "Sign-in codes one client address may ask for one e-mail address within "
        "`login_failure_window` (others asking do not spend the owner's).",
    ),
    Setting(
        "sign_in_code_address_max_requests",
        _positive_int,
        20,
        "Sign-in codes one client address may ask for, all e-mail addresses together, "
        "within `login_failure_window`.",
    ),
    Setting(
        "sign_in_code_account_max_requests",
        _positive_int,
        20,
        "Sign-in codes one e-mail address may be sent, from all client addresses together, "
        "within `login_failure_window`.",
    ),
    Setting(
        "sign_in_device_ttl",
        _positive_int,
        15_552_000,
        "Seconds a device cookie (set by every sign-in) lifts its account's sign-in limits "
        "for that browser.",
    ),
    Setting(
        "sign_in_device_max_failures",
        _positive_int,
        10,
        "Failed checks (and codes past the account's limit) one device cookie may take within "
        "`login_failure_window` before it lifts nothing until the window slides on.",
    ),
    Setting(
        "webhook_allow_private",
        _bool,
        False,
        "Allow webhook and provider URLs on private, loopback and link-local addresses "
        "(development only: production refuses to start with it).",
    ),
    Setting("webhook_timeout", _positive_float, 10.0, "Seconds a webhook receiver has to answer."),
    Setting(
        "webhook_secret_overlap",
        _non_negative_int,
        86400,
        "Seconds after a webhook secret rotation during which deliveries carry a signature "
        "with the old secret too, so receivers can switch without losing any (0: at once).",
    ),
    Setting(
        "client_secret_overlap",
        _non_negative_int,
        86400,
        "Seconds after an integration client's secret is rotated during which the old secret "
        "still gets tokens beside the new one (0: at once).",
    ),
    Setting(
        "provider_answer_link_ttl",
        _positive_int,
        1_209_600,
        "Lifetime of the signed link an e-mail provider answers a case through, seconds; "
        "each mail about the case carries a fresh one.",
    ),
    Setting(
        "payment_card_adapter",
        _str,
        "",
        "The payment adapter fee invoices are paid by card through (issue 20): `simulator`, "
        "or a plug-in's name from the `parley.payments` entry points; empty: no card "
        "payments, the provider's staff record payments.",
    ),
    Setting(
        "payment_callback_secret",
        _str,
        "",
        "Standard Webhooks secret (`whsec_` + base64) the card processor signs its callbacks "
        "to `/payments/{adapter}/callbacks` with; empty: callbacks are refused.",
    ),
    Setting(
        "payment_checkout_url",
        _str,
        "",
        "The card processor's checkout address: for `simulator`, the simulated processor's "
        "`/checkouts` (providers.payments.processor), which Parley asks to open each "
        "checkout; empty: the simulator opens them itself.",
    ),
    Setting(
        "metrics_token",
        _str,
        "",
        "Bearer token a Prometheus scraper sends to `/metrics` (at least 32 characters); "
        "empty: `/metrics` is off (404).",
    ),
    Setting(
        "sandbox",
        _bool,
        False,
        "Development sandbox: every day of a scheme's or an organisation's clock lasts "
        "`PORTAL_SANDBOX_DAY_SECONDS` instead (working days count like calendar days), and the "
        "clock job runs at least every sixth of that, so a whole dispute runs in minutes "
        '(docs/integrator-guide.md, "The sandbox"). Refused in production.',
    ),
    Setting(
        "sandbox_day_seconds",
        _positive_int,
        60,
        "With `PORTAL_SANDBOX`: how many seconds one clock day lasts.",
    ),
    Setting("log_level", _str, "INFO", "Log level."),
    Setting("log_json", _bool, True, "Structured JSON logs (one object per line)."),
)


@dataclass(frozen=True)
class Settings:
    env: str
    data_dir: str
    database_url: str
    frontend_dir: str
    host: str
    port: int
    public_url: str
    secret_key: str
    jwt_private_key: str
    jwt_previous_public_keys: str
    jwt_audience: str
    access_token_ttl: int
    refresh_token_ttl: int
    refresh_reuse_grace: int
    session_max_age: int
    login_max_failures: int
    login_failure_window: int
    sign_in_address_max_checks: int
    sign_in_address_window: int
    sign_in_address_max_failures: int
    graphql_ide: bool
    graphql_introspection: bool
    graphql_max_depth: int
    graphql_max_aliases: int
    graphql_max_cost: int
    graphql_max_tokens: int
    graphql_max_query_bytes: int
    graphql_max_field_comparisons: int
    graphql_document_cache_bytes: int
    graphql_max_batch: int
    graphql_compiled: bool
    graphql_max_subscriptions: int
    rate_limit_client_points: int
    rate_limit_client_restore: int
    rate_limit_person_points: int
    rate_limit_person_restore: int
    rate_limit_address_points: int
    rate_limit_address_restore: int
    rate_limit_report_cost: int
    rate_limit_instances: int
    max_request_bytes: int
    max_request_head_bytes: int
    max_request_headers: int
    document_max_bytes: int
    document_max_unpacked_bytes: int
    document_storage: str
    s3_endpoint_url: str
    s3_bucket: str
    s3_region: str
    s3_prefix: str
    s3_access_key_id: str
    s3_secret_access_key: str
    s3_path_style: bool
    s3_part_bytes: int
    download_link_ttl: int
    clock_interval: int
    allowed_origins: tuple[str, ...]
    systemic_issue_threshold: int
    worker_in_serve: bool
    worker_poll_interval: float
    worker_batch: int
    outbox_lease: int
    outbox_max_attempts: int
    outbox_retry_schedule: tuple[float, ...]
    reminder_days: int
    session_reminder_hours: int
    smtp_host: str
    smtp_port: int
    smtp_security: str
    smtp_username: str
    smtp_password: str
    smtp_ca_file: str
    smtp_timeout: float
    mail_from: str
    representative_invitation_days: int
    staff_invitation_days: int
    sign_in_code_ttl: int
    setup_link_ttl: int
    sign_in_code_max_requests: int
    sign_in_code_address_max_requests: int
    sign_in_code_account_max_requests: int
    sign_in_device_ttl: int
    sign_in_device_max_failures: int
    webhook_allow_private: bool
    webhook_timeout: float
    webhook_secret_overlap: int
    client_secret_overlap: int
    provider_answer_link_ttl: int
    payment_card_adapter: str
    payment_callback_secret: str
    payment_checkout_url: str
    metrics_token: str
    sandbox: bool
    sandbox_day_seconds: int
    log_level: str
    log_json: bool

    @property
    def production(self) -> bool:
        return self.env == "production"

    @property
    def data_path(self) -> Path:
        return Path(self.data_dir)

    @property
    def db_url(self) -> str:
        if self.database_url:
            return self.database_url
        return f"sqlite://{(self.data_path / 'parley.sqlite3').resolve()}"

    @property
    def issuer(self) -> str:
        return self.public_url.rstrip("/")

    @property
    def sandbox_day(self) -> int | None:
        """Seconds one clock day lasts in the development sandbox; None outside it."""
        return self.sandbox_day_seconds if self.sandbox else None

    @property
    def clock_job_interval(self) -> int:
        """Seconds between clock job runs: `clock_interval`, and in the sandbox often enough
        that a clock of one sandbox day lapses within a sixth of it."""
        if self.sandbox and self.clock_interval:
            return min(self.clock_interval, max(1, self.sandbox_day_seconds // 6))
        return self.clock_interval

    @property
    def ide_enabled(self) -> bool:
        return self.graphql_ide and not self.production

    @property
    def introspection_enabled(self) -> bool:
        return self.graphql_introspection and not self.production


def load_settings(environ: Mapping[str, str] | None = None, **overrides: Any) -> Settings:
    """Read and validate every setting; raise ``SettingsError`` naming each bad one."""
    env = os.environ if environ is None else environ
    values: dict[str, Any] = {}
    problems: list[str] = []
    for setting in SETTINGS:
        raw = env.get(setting.env)
        if raw is None:
            values[setting.field] = setting.default
            continue
        try:
            values[setting.field] = setting.parse(raw)
        except ValueError as exc:
            problems.append(f"{setting.env}: {exc}")
    values.update(overrides)
    if not values.get("public_url") and isinstance(values.get("port"), int):
        # Issue 18: the issuer and every link follow the port the portal listens on.
        values["public_url"] = f"http://127.0.0.1:{values['port']}"
    for old, new in REPLACED.items():
        if old in env:
            problems.append(f"{old}: no longer read; set {new} instead")
    if values["env"] not in ENVIRONMENTS:
        problems.append(f"PORTAL_ENV: must be one of {', '.join(ENVIRONMENTS)}")
    if values["metrics_token"] and len(values["metrics_token"]) < METRICS_TOKEN_MIN_LENGTH:
        problems.append(
            f"PORTAL_METRICS_TOKEN: at least {METRICS_TOKEN_MIN_LENGTH} characters "
            "(make one with `openssl rand -hex 32`)"
        )
    if len(values["secret_key"].encode()) < 32:
        problems.append("PORTAL_SECRET_KEY: must be at least 32 bytes")
    if values["document_storage"] == "s3" and not values["s3_bucket"]:
        problems.append("PORTAL_S3_BUCKET: required when PORTAL_DOCUMENT_STORAGE is `s3`")
    if bool(values["s3_access_key_id"]) != bool(values["s3_secret_access_key"]):
        problems.append("PORTAL_S3_ACCESS_KEY_ID, PORTAL_S3_SECRET_ACCESS_KEY: set both or neither")
    if values["env"] == "production":
        problems.extend(_production_problems(values))
    if problems:
        raise SettingsError("invalid settings:\n  " + "\n  ".join(problems))
    assert {f.name for f in fields(Settings)} == set(values)
    return Settings(**values)


def _production_problems(values: Mapping[str, Any]) -> list[str]:
    problems = []
    if values["secret_key"] == DEV_SECRET_KEY:
        problems.append("PORTAL_SECRET_KEY: the development secret is refused in production")
    elif is_placeholder(values["secret_key"]):
        problems.append(
            "PORTAL_SECRET_KEY: an example value is refused in production "
            "(make one with `openssl rand -hex 32`)"
        )
    if is_placeholder(values["metrics_token"]):
        problems.append("PORTAL_METRICS_TOKEN: an example value is refused in production")
    if is_placeholder(values["s3_secret_access_key"]):
        problems.append("PORTAL_S3_SECRET_ACCESS_KEY: an example value is refused in production")
    if is_placeholder(values["smtp_password"]):
        problems.append("PORTAL_SMTP_PASSWORD: an example value is refused in production")
    if is_placeholder(_url_password(values["database_url"]) or ""):
        problems.append("PORTAL_DATABASE_URL: an example password is refused in production")
    if not values["jwt_private_key"]:
        problems.append("PORTAL_JWT_PRIVATE_KEY: production needs a signing key of its own")
    if not str(values["public_url"]).startswith("https://"):
        problems.append("PORTAL_PUBLIC_URL: production needs an https:// URL")
    if values["sandbox"]:
        problems.append(
            "PORTAL_SANDBOX: refused in production (it shortens every clock to minutes)"
        )
    if values["webhook_allow_private"]:
        # Issue 13 F6: it lets signed webhooks reach the portal's own network (loopback, the
        # cloud's metadata address, internal services).
        problems.append(
            "PORTAL_WEBHOOK_ALLOW_PRIVATE: refused in production (webhooks and provider "
            "endpoints must be public addresses)"
        )
    return problems


def is_placeholder(secret: str) -> bool:
    folded = "".join(c for c in secret.lower() if c.isalnum())
    return folded in PLACEHOLDER_SECRETS or any(m in folded for m in PLACEHOLDER_MARKERS)


def _url_password(url: str) -> str | None:
    try:
        return urlsplit(url).password
    except ValueError:
        return None  # the database driver reports a malformed URL


def settings_markdown() -> str:
    rows = ["| variable | default | meaning |", "| --- | --- | --- |"]
    for s in SETTINGS:
        default = (
            ",".join(f"{v:g}" if isinstance(v, float) else str(v) for v in s.default)
            if isinstance(s.default, tuple)
            else s.default
        )
        if isinstance(default, bool):
            default = str(default).lower()
        shown = f"`{default}`" if default != "" else "(empty)"
        if s.field == "secret_key":
            shown = "a development value"
        rows.append(f"| `{s.env}` | {shown} | {s.help} |")
    return "\n".join(rows) + "\n"
