"""The `portal` command: serve, worker, mailsink, migrate, check, demo, init, createuser,
createclient, export-schema, provider-simulator, retry-dead-letters, verify-bundle, settings,
documents migrate, retention, privacy."""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import getpass
import sys
import uuid
from collections.abc import Sequence
from pathlib import Path

from portal.accounts.models import Role
from portal.notifications.models import Channel
from portal.settings import (
    STORAGE_BACKENDS,
    Settings,
    SettingsError,
    load_settings,
    settings_markdown,
)

SCHEMA_PATH = Path("graphql/schema.graphql")


def _step(message: str) -> None:
    print(f"  - {message}", flush=True)


def _progress(event: str, app_label: str, name: str) -> None:
    print(f"  - {event.replace('_', ' ')} {app_label}.{name}", flush=True)


async def _migrate(settings: Settings) -> None:
    from portal.db import migrate

    print(f"Migrating {_redacted(settings.db_url)}", flush=True)
    await migrate(settings.db_url, progress=_progress)


def _redacted(url: str) -> str:
    head, sep, tail = url.rpartition("@")
    if not sep:
        return url
    scheme, _, _credentials = head.partition("://")
    return f"{scheme}://***@{tail}"


async def _report_checks(settings: Settings) -> int:
    """Print what `portal.cases.checks` finds; returns how many findings."""
    from portal.cases.checks import conflicted_representatives
    from portal.db import database

    async with database(settings):
        found = await conflicted_representatives()
    for finding in found:
        print(f"warning: {finding.line()}", flush=True)
    if found:
        print(
            f"{len(found)} representative(s) also hold a role on the other side of their case "
            "(issue 13 F1): they no longer act as representatives there; review each with "
            "the complainant. Nothing was changed.",
            flush=True,
        )
    return len(found)


def cmd_migrate(settings: Settings, args: argparse.Namespace) -> int:
    asyncio.run(_migrate(settings))
    print("Migrations applied.")
    # Data written before a rule existed is reported, not deleted (issue 13 F1).
    asyncio.run(_report_checks(settings))
    return 0


def cmd_check(settings: Settings, args: argparse.Namespace) -> int:
    """Exit 1 when a check finds something, so a deployment pipeline can stop on it."""
    found = asyncio.run(_report_checks(settings))
    if not found:
        print("No findings.")
    return 1 if found else 0


def cmd_demo(settings: Settings, args: argparse.Namespace) -> int:
    if settings.production:
        # Issue 13 F11: the demo's accounts share a published password, the admin's included.
        print(
            "error: `portal demo` is refused in production (PORTAL_ENV=production): it creates "
            "accounts whose password is published, an admin among them. Create real accounts "
            "with `portal createuser`.",
            file=sys.stderr,
        )
        return 2
    from portal.cases.clocks import use_sandbox
    from portal.db import database
    from portal.demo import DEMO_PASSWORD, seed_demo

    # The demo's stories happened over months: their clocks keep real days, in a sandbox too
    # (sandbox days would make every one of them lapse at once); new cases get sandbox days.
    use_sandbox(None)

    async def run() -> None:
        await _migrate(settings)
        print("Seeding the demo", flush=True)
        async with database(settings):
            people = await seed_demo(_step)
        print(f"\nDemo sign-ins (password for all: {DEMO_PASSWORD}):")
        for person in people:
            role = person.role.value if person.role else "consumer"
            print(f"  {person.email:34} {role}")

    asyncio.run(run())
    return 0


def cmd_serve(settings: Settings, args: argparse.Namespace) -> int:
    import uvicorn

    from portal.app import create_app, map_large_blocks, tune_gc_for_serving
    from portal.logs import configure_logging
    from portal.web.request_head import server_options

    configure_logging(settings.log_level, settings.log_json)
    mailsink = settings.data_path / "mail" if args.mailsink else None
    app = create_app(settings, mailsink=mailsink)
    tune_gc_for_serving()
    map_large_blocks()
    print(f"Parley on http://{settings.host}:{settings.port}/graphql", flush=True)
    uvicorn.run(
        app,
        host=settings.host,
        port=settings.port,
        log_config=None,
        proxy_headers=True,
        server_header=False,
        **server_options(settings),
    )
    return 0


def cmd_createuser(settings: Settings, args: argparse.Namespace) -> int:
    from portal.accounts.errors import AccountError
    from portal.accounts.models import Organisation, Provider
    from portal.accounts.services import create_user, grant_role
    from portal.db import database

    password = args.password or getpass.getpass("Password: ")

    async def run() -> int:
        async with database(settings):
            organisation = (
                await Organisation.get_or_none(slug=args.organisation)
                if args.organisation
                else None
            )
            provider = await Provider.get_or_none(slug=args.provider) if args.provider else None
            if (args.organisation and organisation is None) or (args.provider and provider is None):
                print("error: no such organisation or provider", file=sys.stderr)
                return 2
            try:
                user = await create_user(args.email, args.name or args.email, password)
                if args.role:
                    await grant_role(
                        user, Role(args.role), organisation=organisation, provider=provider
                    )
            except AccountError as exc:
                print(f"error: {exc.code.value}: {exc.message}", file=sys.stderr)
                return 2
        print(f"Created {user.email}" + (f" ({args.role})" if args.role else ""))
        return 0

    return asyncio.run(run())


def cmd_init(settings: Settings, args: argparse.Namespace) -> int:
    """Issue 14: the first administrator, from the console (which proves the operator)."""
    from portal.accounts.errors import AccountError
    from portal.accounts.models import Locale
    from portal.accounts.signup import Profile, admin_exists, create_first_admin
    from portal.db import database

    async def exists() -> bool:
        async with database(settings):
            return await admin_exists()

    if asyncio.run(exists()):
        print(
            "error: ADMIN_EXISTS: the installation has an administrator already; "
            "they grant roles from /admin/organisations.",
            file=sys.stderr,
        )
        return 2
    interactive = sys.stdin.isatty()
    email = args.email or (
        input("E-mail address of the first administrator: ") if interactive else ""
    )
    name = args.name or (input("Their name: ") if interactive else "")
    password = None
    if args.password:
        from portal.auth.passwords import MIN_PASSWORD_LENGTH

        password = getpass.getpass(f"Password (at least {MIN_PASSWORD_LENGTH} characters): ")
    if not email or not name:
        print("error: REQUIRED: give --email and --name", file=sys.stderr)
        return 2
    try:
        profile = Profile.checked(name, Locale(args.language), args.time_zone)
    except AccountError as exc:
        print(f"error: {exc.code.value}: {exc.message}", file=sys.stderr)
        return 2

    async def run() -> int:
        async with database(settings):
            try:
                user = await create_first_admin(email, profile, password)
            except AccountError as exc:
                print(f"error: {exc.code.value}: {exc.message}", file=sys.stderr)
                return 2
        sign_in = f"{settings.public_url.rstrip('/')}/sign-in"
        how = "the password you set" if password else "a one-time code mailed to that address"
        print(f"Created the first administrator: {user.email}")
        print(f"Sign in at {sign_in} with {how}; then open /admin.")
        return 0

    return asyncio.run(run())


def cmd_disableclient(settings: Settings, args: argparse.Namespace) -> int:
    """Every request checks that its client is active, so a token already issued stops too."""
    from portal.accounts.models import ServiceAccount
    from portal.accounts.services import disable_service_account
    from portal.db import database

    async def run() -> int:
        async with database(settings):
            account = await ServiceAccount.get_or_none(client_id=args.client_id)
            if account is not None:
                await disable_service_account(account)
        if account is None:
            print(f"error: NOT_FOUND: no integration client {args.client_id!r}", file=sys.stderr)
            return 2
        print(f"disabled: {args.client_id} (its tokens are refused from now on)")
        return 0

    return asyncio.run(run())


def cmd_rotateclient(settings: Settings, args: argparse.Namespace) -> int:
    """A new secret; the old one still gets tokens for PORTAL_CLIENT_SECRET_OVERLAP seconds."""
    from portal.accounts.errors import AccountError
    from portal.accounts.models import ServiceAccount
    from portal.accounts.services import rotate_service_account_secret
    from portal.db import database

    async def run() -> int:
        async with database(settings):
            account = await ServiceAccount.get_or_none(client_id=args.client_id)
            if account is None:
                print(
                    f"error: NOT_FOUND: no integration client {args.client_id!r}", file=sys.stderr
                )
                return 2
            try:
                rotated = await rotate_service_account_secret(
                    account, settings.secret_key, settings.client_secret_overlap
                )
            except AccountError as exc:
                print(f"error: {exc.code.value}: {exc.message}", file=sys.stderr)
                return 2
        until = rotated.account.previous_secret_until
        print(f"client_id:     {rotated.account.client_id}")
        print(f"client_secret: {rotated.client_secret}   (shown once; store it now)")
        print(f"old secret:    {'valid until ' + until.isoformat() if until else 'refused now'}")
        return 0

    return asyncio.run(run())


def cmd_createclient(settings: Settings, args: argparse.Namespace) -> int:
    from portal.accounts.errors import AccountError
    from portal.accounts.models import Organisation, Provider
    from portal.accounts.services import create_service_account
    from portal.auth.policy import Scope
    from portal.db import database

    async def run() -> int:
        async with database(settings):
            organisation = (
                await Organisation.get_or_none(slug=args.organisation)
                if args.organisation
                else None
            )
            provider = await Provider.get_or_none(slug=args.provider) if args.provider else None
            try:
                created = await create_service_account(
                    args.name,
                    Role(args.role),
                    settings.secret_key,
                    organisation=organisation,
                    provider=provider,
                    scopes=None if args.scope is None else [Scope(s) for s in args.scope],
                )
            except AccountError as exc:
                print(f"error: {exc.code.value}: {exc.message}", file=sys.stderr)
                return 2
        print(f"client_id:     {created.account.client_id}")
        print(f"client_secret: {created.client_secret}   (shown once; store it now)")
        print(f"scopes:        {created.account.scopes}")
        return 0

    return asyncio.run(run())


def cmd_export_schema(settings: Settings, args: argparse.Namespace) -> int:
    from portal.api.schema import schema_sdl

    target = Path(args.output)
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(schema_sdl(settings))
    print(f"Wrote {target}")
    return 0


def cmd_clocks(settings: Settings, args: argparse.Namespace) -> int:
    from portal.cases.services import run_clock_job
    from portal.complaints.clocks import run_complaint_clock_job
    from portal.db import database

    async def run() -> int:
        async with database(settings):
            return await run_clock_job() + await run_complaint_clock_job()

    print(f"Handled {asyncio.run(run())} lapsed clocks.")
    return 0


def cmd_documents_migrate(settings: Settings, args: argparse.Namespace) -> int:
    """Move every document to one backend (portal.casefiles.relocation); exit 1 when any
    could not be moved, 2 when the target cannot be used at all."""
    from portal.casefiles.relocation import Move, move_documents
    from portal.casefiles.storage import StorageError, storage_of
    from portal.db import database

    tty = sys.stdout.isatty()
    last = [0.0]

    def progress(move: Move) -> None:
        # One line rewritten in a terminal; otherwise a line every 100 documents and the last.
        if tty:
            print(f"\r{move.progress_line()}", end="", flush=True)
        elif move.done - last[0] >= 100 or move.done == move.total:
            last[0] = move.done
            print(move.progress_line(), flush=True)

    async def run() -> Move:
        async with database(settings):
            return await move_documents(
                storage_of(settings), args.to, dry_run=args.dry_run, progress=progress
            )

    try:
        move = asyncio.run(run())
    except StorageError as exc:
        print(f"\nerror: {exc}", file=sys.stderr)
        return 2
    if tty:
        print()
    print(move.summary())
    if settings.document_storage != args.to:
        print(
            f"note: PORTAL_DOCUMENT_STORAGE is `{settings.document_storage}`: new documents "
            f"still go there. Set it to `{args.to}` (and restart) to keep them in one place."
        )
    return 1 if move.failures else 0


def cmd_retention(settings: Settings, args: argparse.Namespace) -> int:
    """Issue 19: redact the personal data of every closed case (and complaint never referred)
    past its retention period; delete expired subject-access exports."""
    from portal.casefiles.storage import storage_of
    from portal.db import database
    from portal.privacy.retention import run_retention

    async def run() -> int:
        async with database(settings):
            done = await run_retention(storage_of(settings), dry_run=args.dry_run)
        verb = "Would redact" if args.dry_run else "Redacted"
        print(f"{verb} {len(done.cases)} case(s), {len(done.complaints)} complaint(s).")
        for reference in done.cases + done.complaints:
            print(f"  - {reference}")
        if done.counts:
            print("  " + ", ".join(f"{key}: {value}" for key, value in done.counts.items()))
        deleted = "would delete" if args.dry_run else "deleted"
        print(f"Expired exports {deleted}: {done.exports_deleted}.")
        return 0

    return asyncio.run(run())


def cmd_privacy_export(settings: Settings, args: argparse.Namespace) -> int:
    """Issue 19: a subject-access export for a person who asked on paper, made by an admin."""
    from datetime import UTC, datetime

    from portal.accounts.external import acting_as
    from portal.accounts.models import User
    from portal.auth.keys import load_keyset
    from portal.casefiles.storage import storage_of
    from portal.db import database
    from portal.privacy.errors import PrivacyError
    from portal.privacy.export import request_data_export

    async def run() -> bytes | None:
        async with database(settings):
            admin = await User.get_or_none(email=args.admin.strip().lower())
            person = await User.get_or_none(email=args.email.strip().lower())
            if admin is None or person is None:
                print("error: no account with that e-mail address", file=sys.stderr)
                return None
            try:
                export = await request_data_export(
                    await acting_as(admin),
                    person.id,
                    datetime.now(UTC),
                    storage_of(settings),
                    load_keyset(settings),
                )
            except PrivacyError as exc:
                print(f"error: {exc.message} ({exc.code})", file=sys.stderr)
                return None
            print(f"Export {export.id}: {export.size} bytes, SHA-256 {export.sha256}.")
            return bytes(export.content)

    content = asyncio.run(run())
    if content is None:
        return 2
    Path(args.output).write_bytes(content)
    print(f"Wrote {args.output}.")
    return 0


def cmd_docs(settings: Settings, args: argparse.Namespace) -> int:
    from portal.cases.diagram import stages_page

    if args.page == "events":
        from portal.timeline.eventdocs import write

        written = write(Path("."))
        print(f"Wrote {written[0]} and {len(written) - 1} schemas in {written[1].parent}")
        return 0
    target = Path(args.output)
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(stages_page(), encoding="utf-8")
    print(f"Wrote {target}")
    return 0


def cmd_worker(settings: Settings, args: argparse.Namespace) -> int:
    import signal

    from portal.auditing import runs as audit_runs
    from portal.db import database
    from portal.logs import configure_logging
    from portal.notifications.worker import Worker

    configure_logging(settings.log_level, settings.log_json)

    async def run() -> None:
        stop = asyncio.Event()
        loop = asyncio.get_running_loop()
        for signum in (signal.SIGTERM, signal.SIGINT):
            # Finish the batch in hand, then stop: nothing is left claimed until its lease ends.
            loop.add_signal_handler(signum, stop.set)
        async with database(settings):
            worker = Worker(settings)
            if args.once:
                await worker.schedule()
                while await worker.deliver_due():
                    pass
                await audit_runs.work_all(worker.name, worker.clock())
            else:
                print(f"Outbox worker {worker.name}", flush=True)
                await worker.run(stop)

    asyncio.run(run())
    return 0


def cmd_retry_dead_letters(settings: Settings, args: argparse.Namespace) -> int:
    """Issue 13 D4: after an outage, every dead letter (or those of one channel, or that died
    since a moment) back in the queue at once, instead of one `retryDeadLetter` per row."""
    from datetime import UTC, datetime

    from portal.api.instants import utc
    from portal.db import database
    from portal.notifications.outbox import retry_dead_letters

    since = None
    if args.since:
        try:
            since = utc(datetime.fromisoformat(args.since), "since")
        except ValueError:  # not ISO 8601, or InvalidInstant: no offset, out of range
            print("error: --since is an ISO 8601 instant with a UTC offset", file=sys.stderr)
            return 2
    ids = None
    if args.id:
        try:
            ids = [uuid.UUID(raw) for raw in args.id]
        except ValueError:
            print("error: --id takes an outbox message's UUID", file=sys.stderr)
            return 2

    async def run() -> int:
        async with database(settings):
            return await retry_dead_letters(
                datetime.now(UTC),
                channel=Channel(args.channel) if args.channel else None,
                since=since,
                ids=ids,
            )

    count = asyncio.run(run())
    print(f"{count} dead letter{'' if count == 1 else 's'} back in the queue.")
    return 0


def cmd_mailsink(settings: Settings, args: argparse.Namespace) -> int:
    from portal.notifications.mailsink import MailSink, serve_mailsink

    folder = Path(args.folder) if args.folder else settings.data_path / "mail"

    async def run() -> None:
        server = await serve_mailsink(
            MailSink(folder, brief=args.brief), settings.smtp_host, settings.smtp_port
        )
        print(
            f"Mail sink on {settings.smtp_host}:{settings.smtp_port}, keeping mail in {folder}",
            flush=True,
        )
        async with server:
            await server.serve_forever()

    with contextlib.suppress(KeyboardInterrupt):
        asyncio.run(run())
    return 0


def cmd_provider_simulator(settings: Settings, args: argparse.Namespace) -> int:
    import os

    import uvicorn

    from portal.demo import simulated
    from portal.logs import configure_logging
    from portal.web.request_head import server_options
    from providers.simulator import Simulator, SimulatorConfig, create_app

    verify = args.verify_secret or os.environ.get("PARLEY_SIMULATOR_VERIFY_SECRET", "")
    sign = args.sign_secret or os.environ.get("PARLEY_SIMULATOR_SIGN_SECRET", "")
    if not (verify and sign):
        if settings.production:
            print("error: give --verify-secret and --sign-secret (or the env)", file=sys.stderr)
            return 2
        # The demo's provider (portal demo seeds SimSettle with these).
        verify, sign = verify or simulated.OUTBOUND_SECRET, sign or simulated.INBOUND_SECRET
        print("Provider simulator with the demo's secrets (SimSettle)", flush=True)
    configure_logging(settings.log_level, settings.log_json)
    config = SimulatorConfig(
        parley_url=args.parley_url or settings.public_url,
        verify_secret=verify,
        sign_secret=sign,
        delay=args.delay,
    )
    print(
        f"Provider simulator on http://{args.host}:{args.port}/parley, answering "
        f"{config.parley_url} after {config.delay} s",
        flush=True,
    )
    uvicorn.run(
        create_app(Simulator(config)),
        host=args.host,
        port=args.port,
        log_config=None,
        server_header=False,
        **server_options(settings),
    )
    return 0


def _jwks(settings: Settings, source: str | None) -> dict[str, object]:
    """The JWKS to check a signature with: a file, a URL (the installation's
    `/.well-known/jwks.json`), or this installation's own keys."""
    import json

    if source is None:
        from portal.auth.keys import load_keyset

        return load_keyset(settings).jwks()
    if source.startswith(("https://", "http://")):
        import httpx

        response = httpx.get(source, timeout=10.0, follow_redirects=False)
        response.raise_for_status()
        loaded = response.json()
    else:
        loaded = json.loads(Path(source).read_text(encoding="utf-8"))
    if not isinstance(loaded, dict):
        raise ValueError(f"{source}: not a JWK Set")
    return loaded


def cmd_verify_bundle(settings: Settings, args: argparse.Namespace) -> int:
    """Exit 0 when the bundle holds, 1 when a check fails, 2 when it cannot be read."""
    import httpx

    from portal.casefiles.bundle_check import check_bundle, read_bundle

    try:
        members = read_bundle(Path(args.file), args.max_size)
        jwks = _jwks(settings, args.jwks)
    except (ValueError, OSError, httpx.HTTPError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    report = check_bundle(members, jwks)
    for line in report.lines():
        print(line)
    print(
        "The bundle holds."
        if report.ok
        else f"The bundle does NOT hold: {len(report.problems)} problem(s)."
    )
    return 0 if report.ok else 1


def cmd_settings(settings: Settings, args: argparse.Namespace) -> int:
    sys.stdout.write(settings_markdown())
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="portal", description="Parley dispute portal")
    sub = parser.add_subparsers(dest="command", required=True)
    serve = sub.add_parser("serve", help="serve the portal (uvicorn) and the outbox worker")
    serve.add_argument(
        "--mailsink",
        action="store_true",
        help="also run the development mail sink on PORTAL_SMTP_HOST:PORTAL_SMTP_PORT",
    )
    serve.set_defaults(func=cmd_serve)
    sub.add_parser("migrate", help="apply database migrations").set_defaults(func=cmd_migrate)
    sub.add_parser("demo", help="migrate and seed demo data").set_defaults(func=cmd_demo)
    sub.add_parser(
        "check", help="report data that breaks a rule added later (exit 1 when any)"
    ).set_defaults(func=cmd_check)
    init = sub.add_parser(
        "init",
        help="create the first administrator (asks in a terminal; or give the options)",
    )
    init.add_argument("--email", default="")
    init.add_argument("--name", default="")
    init.add_argument("--language", default="en", choices=["en", "zh-Hans"])
    init.add_argument("--time-zone", default="UTC", help="an IANA name, such as Europe/Paris")
    init.add_argument(
        "--password",
        action="store_true",
        help="also ask for a password (for an installation that sends no mail)",
    )
    init.set_defaults(func=cmd_init)
    user = sub.add_parser("createuser", help="create a person's account")
    user.add_argument("email")
    user.add_argument("--name", default="")
    user.add_argument("--password", help="omit to be asked")
    user.add_argument("--role", choices=[r.value for r in _roles()])
    user.add_argument("--organisation", help="organisation slug, for organisation roles")
    user.add_argument("--provider", help="provider slug, for provider roles")
    user.set_defaults(func=cmd_createuser)
    client = sub.add_parser("createclient", help="create an integration client (OAuth 2.0)")
    client.add_argument("name")
    client.add_argument("--role", required=True, choices=[r.value for r in _roles()])
    client.add_argument("--organisation")
    client.add_argument("--provider")
    client.add_argument(
        "--scope",
        action="append",
        choices=_scopes(),
        help="an OAuth scope its tokens may be granted (repeat for more; all three if none)",
    )
    client.set_defaults(func=cmd_createclient)
    disable = sub.add_parser(
        "disableclient", help="disable an integration client: its tokens stop working at once"
    )
    disable.add_argument("client_id")
    disable.set_defaults(func=cmd_disableclient)
    rotate = sub.add_parser(
        "rotateclient",
        help="rotate an integration client's secret (the old one works for the overlap)",
    )
    rotate.add_argument("client_id")
    rotate.set_defaults(func=cmd_rotateclient)
    export = sub.add_parser("export-schema", help="write graphql/schema.graphql")
    export.add_argument("--output", default=str(SCHEMA_PATH))
    export.set_defaults(func=cmd_export_schema)
    sub.add_parser("clocks", help="handle lapsed clocks once (for cron)").set_defaults(
        func=cmd_clocks
    )
    documents = sub.add_parser("documents", help="document storage")
    documents_sub = documents.add_subparsers(dest="documents_command", required=True)
    relocate = documents_sub.add_parser(
        "migrate",
        help="move every document (every version) to one storage backend, each SHA-256 "
        "checked; resumable",
    )
    relocate.add_argument("--to", required=True, choices=list(STORAGE_BACKENDS))
    relocate.add_argument(
        "--dry-run", action="store_true", help="read and check every document, move nothing"
    )
    relocate.set_defaults(func=cmd_documents_migrate)
    retention = sub.add_parser(
        "retention", help="data protection: redact personal data past its retention period"
    )
    retention_sub = retention.add_subparsers(dest="retention_command", required=True)
    retention_run = retention_sub.add_parser(
        "run", help="redact closed cases past their scheme's retention period (for cron)"
    )
    retention_run.add_argument(
        "--dry-run", action="store_true", help="list what would be redacted; change nothing"
    )
    retention_run.set_defaults(func=cmd_retention)
    privacy = sub.add_parser("privacy", help="data protection requests made on paper")
    privacy_sub = privacy.add_subparsers(dest="privacy_command", required=True)
    export_data = privacy_sub.add_parser(
        "export", help="a person's subject-access export (GDPR Art. 15), as a zip file"
    )
    export_data.add_argument("email", help="the person's e-mail address")
    export_data.add_argument("--admin", required=True, help="the acting admin's e-mail address")
    export_data.add_argument("--output", required=True, help="where to write the zip file")
    export_data.set_defaults(func=cmd_privacy_export)
    docs = sub.add_parser(
        "docs",
        help="write docs/stages.md from the case and complaint transition tables, or "
        "(`docs events`) docs/events.md and docs/events/schemas/ from the event catalogue",
    )
    docs.add_argument("page", nargs="?", choices=("stages", "events"), default="stages")
    docs.add_argument("--output", default="docs/stages.md")
    docs.set_defaults(func=cmd_docs)
    worker = sub.add_parser("worker", help="deliver the outbox (mail, webhooks), run reminders")
    worker.add_argument("--once", action="store_true", help="deliver what is due, then exit")
    worker.set_defaults(func=cmd_worker)
    retry = sub.add_parser(
        "retry-dead-letters",
        help="send dead letters again (after an outage), each with a fresh set of attempts",
    )
    retry.add_argument("--channel", choices=[c.value for c in Channel])
    retry.add_argument("--since", help="only those that died at or after this ISO 8601 instant")
    retry.add_argument("--id", action="append", help="only this outbox message (repeatable)")
    retry.set_defaults(func=cmd_retry_dead_letters)
    sink = sub.add_parser("mailsink", help="a development SMTP server that keeps every mail")
    sink.add_argument("--folder", help="where mails are kept (default: {data_dir}/mail)")
    sink.add_argument("--brief", action="store_true", help="print only recipients and subjects")
    sink.set_defaults(func=cmd_mailsink)
    sim = sub.add_parser(
        "provider-simulator",
        help="a reference external provider speaking the webhook protocol (for tests, demos)",
    )
    sim.add_argument("--host", default="127.0.0.1")
    sim.add_argument("--port", type=int, default=8100)
    sim.add_argument("--delay", type=float, default=1.0, help="seconds before each answer")
    sim.add_argument("--parley-url", default="", help="default: PORTAL_PUBLIC_URL")
    sim.add_argument(
        "--verify-secret",
        default="",
        help="the secret Parley signs with (env PARLEY_SIMULATOR_VERIFY_SECRET)",
    )
    sim.add_argument(
        "--sign-secret",
        default="",
        help="the secret callbacks are signed with (env PARLEY_SIMULATOR_SIGN_SECRET)",
    )
    sim.set_defaults(func=cmd_provider_simulator)
    check = sub.add_parser(
        "verify-bundle",
        help="check a case bundle offline: signature, SHA-256 sums, chain, message digests",
    )
    check.add_argument("file", help="the bundle (zip)")
    check.add_argument(
        "--jwks",
        help="the JWK Set to check the signature with: a file or a URL (default: this "
        "installation's keys)",
    )
    check.add_argument(
        "--max-size",
        type=int,
        help="refuse a zip that unpacks to more bytes than this, before reading it "
        "(default: 1 GiB)",
    )
    check.set_defaults(func=cmd_verify_bundle)
    sub.add_parser("settings", help="print the settings table (Markdown)").set_defaults(
        func=cmd_settings
    )
    return parser


def _roles() -> list[Role]:
    return list(Role)


def _scopes() -> list[str]:
    from portal.auth.policy import SCOPES

    return [s.value for s in SCOPES]


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        settings = load_settings()
    except SettingsError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    from portal.cases.clocks import use_sandbox
    from portal.db import DatabaseUnavailable

    use_sandbox(settings.sandbox_day)

    try:
        return int(args.func(settings, args))
    except (DatabaseUnavailable, SettingsError) as exc:
        # SettingsError: what is checked only when used (the signing key file).
        print(f"error: {exc}", file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())
