"""The Starlette application: routes, middleware, and the lifespan (ORM, outbox worker)."""

from __future__ import annotations

import asyncio
import contextlib
import ctypes
import gc
import logging
import sys
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path

from starlette.applications import Starlette
from starlette.middleware import Middleware
from starlette.middleware.cors import CORSMiddleware
from starlette.requests import Request
from starlette.responses import JSONResponse, RedirectResponse, Response
from starlette.routing import Route, WebSocketRoute
from tortoise.contrib.starlette import RegisterTortoise

from portal.api.schema import build_schema
from portal.api.view import PortalGraphQL
from portal.auth.keys import load_keyset
from portal.auth.services import AuthService
from portal.auth.tokens import TokenIssuer
from portal.casefiles.services import UPLOAD_OVERHEAD
from portal.cases.clock_runner import run_periodically
from portal.cases.clocks import use_sandbox
from portal.db import tortoise_config
from portal.metrics import metrics_routes
from portal.notifications.mailsink import MailSink, serve_mailsink
from portal.notifications.worker import Worker
from portal.settings import Settings, load_settings
from portal.timeline import live
from portal.web import event_schemas, health, openapi, payment_callbacks, provider_callbacks
from portal.web.calendar_feed import calendar_routes
from portal.web.characters import UrlCharacterMiddleware
from portal.web.compression import CompressedResponses
from portal.web.downloads import casefile_routes
from portal.web.headers import SecurityHeadersMiddleware
from portal.web.middleware import BodyLimitMiddleware, RequestIdMiddleware
from portal.web.oauth import token_routes
from portal.web.provider_answers import answer_routes
from portal.web.ratelimit import RateLimits, RestRateLimitMiddleware
from portal.web.reports import report_routes
from portal.web.spa import built, spa_routes

log = logging.getLogger("portal.app")

# The collector's first generation runs after every 700 allocations by default: a 50-case
# page allocates hundreds of thousands of short-lived objects (freed by reference counting
# anyway), so the cyclic collector ran many times per request and took ~20% of its CPU. A
# larger first generation, and freezing the objects built at start-up (modules, the schema)
# out of the older generations' scans, keep it in check; memory stays bounded because
# request garbage is acyclic and freed at once (bench/README.md).
GC_THRESHOLDS = (5_000, 10, 10)
# How long `portal serve` lets its worker finish the round in hand when it stops.
SHUTDOWN_GRACE_SECONDS = 5.0


def tune_gc_for_serving() -> None:
    """Once, in a serving process, after the app is built: what is alive then lives long."""
    gc.collect()
    gc.freeze()
    gc.set_threshold(*GC_THRESHOLDS)


# glibc's malloc maps a block of 128 KiB or more on its own and unmaps it when it is freed, but
# it raises that threshold to the size of every such block freed, up to 32 MiB. After the first
# sign-in, the 19 MiB of each argon2 check therefore came from its worker thread's heap and
# stayed resident: +24 MB for a serving process once two people signed in (issue 17's memory
# line, bench/README.md). A threshold set once stays where it is set.
M_MMAP_THRESHOLD = -3
MMAP_THRESHOLD_BYTES = 1024 * 1024


def map_large_blocks() -> bool:
    """Once, in a serving process: blocks of 1 MiB or more are mapped on their own and given
    back to the system when freed (each such block then costs a mapping and its page faults;
    responses and upload parts are smaller). False outside Linux, and where the C library is
    not glibc (no `mallopt`, or musl's, which does nothing)."""
    if not sys.platform.startswith("linux"):
        return False
    try:
        mallopt = ctypes.CDLL(None).mallopt
    except (OSError, AttributeError, TypeError):
        return False
    mallopt.argtypes = (ctypes.c_int, ctypes.c_int)
    return bool(mallopt(M_MMAP_THRESHOLD, MMAP_THRESHOLD_BYTES))


async def _start_mailsink(settings: Settings, folder: Path) -> asyncio.Server:
    """The development mail sink, in the serving process, where the worker sends the mail."""
    sink = MailSink(folder, brief=True)
    server = await serve_mailsink(sink, settings.smtp_host, settings.smtp_port)
    print(
        f"Mail sink on {settings.smtp_host}:{settings.smtp_port}: every mail is listed here "
        f"and kept in {folder}",
        flush=True,
    )
    return server


async def _announce_setup(settings: Settings) -> None:
    """Issue 14: while the installation has no admin, print a one-time setup link."""
    from tortoise.exceptions import BaseORMException

    from portal.accounts.signup import announce_setup

    try:
        await announce_setup(settings, echo=lambda line: print(line, flush=True))
    except BaseORMException as exc:  # not migrated yet: `portal migrate` says what to do
        log.warning("no setup link: %s", exc)


def create_app(
    settings: Settings | None = None, *, manage_orm: bool = True, mailsink: Path | None = None
) -> Starlette:
    """Build the app. ``manage_orm=False`` leaves the ORM to the caller (the test fixtures);
    ``mailsink``: also run the development mail sink, keeping mail in that folder."""
    settings = settings or load_settings()
    use_sandbox(settings.sandbox_day)
    keys = load_keyset(settings)
    issuer = TokenIssuer(keys=keys, issuer=settings.issuer, audience=settings.jwt_audience)
    auth = AuthService(settings=settings, issuer=issuer)
    rate_limits = RateLimits(settings)
    graphql = PortalGraphQL(build_schema(settings), settings, auth, rate_limits)

    frontend = Path(settings.frontend_dir)

    async def api_home(request: Request) -> Response:
        return JSONResponse(
            {
                "name": "Parley",
                "graphql": "/graphql",
                "jwks": "/.well-known/jwks.json",
                "openapi": openapi.OPENAPI_PATH,
                "sandbox": settings.sandbox,
            }
        )

    async def home(request: Request) -> Response:
        # Without a built web portal, `/` leads to the API (the IDE in development).
        if settings.ide_enabled:
            return RedirectResponse("/graphql")
        return await api_home(request)

    @asynccontextmanager
    async def lifespan(app: Starlette) -> AsyncIterator[None]:
        # Wrapped, not passed as `lifespan=` directly: RegisterTortoise enables the global
        # context fallback that requests in other tasks need (STACK-NOTES, Tortoise 1.x).
        if not manage_orm:
            async with live.listening(settings.db_url):
                yield
            return
        async with (
            RegisterTortoise(app, config=tortoise_config(settings.db_url)),
            live.listening(settings.db_url),
        ):
            sink = await _start_mailsink(settings, mailsink) if mailsink else None
            await _announce_setup(settings)
            stop = asyncio.Event()
            tasks: list[asyncio.Task[None]] = []
            if settings.worker_in_serve:
                # The worker also runs the clock job, every `clock_interval` seconds.
                tasks.append(asyncio.create_task(Worker(settings).run(stop)))
            elif settings.clock_job_interval:
                tasks.append(asyncio.create_task(run_periodically(settings.clock_job_interval)))
            try:
                yield
            finally:
                stop.set()
                # The worker finishes the round in hand and stops by itself: cancelled in the
                # middle of a statement, a task can leave its pooled connection acquired, and
                # closing the pool then waits for it (10 s in Tortoise) before terminating.
                if tasks and settings.worker_in_serve:
                    await asyncio.wait(tasks, timeout=SHUTDOWN_GRACE_SECONDS)
                for task in tasks:
                    # Rows a cancelled delivery held come back when their lease runs out.
                    task.cancel()
                    with contextlib.suppress(asyncio.CancelledError):
                        await task
                if sink is not None:
                    sink.close()
                    await sink.wait_closed()

    middleware = [
        # Outermost: even a masked 500 carries nosniff, and HSTS in production.
        Middleware(SecurityHeadersMiddleware, production=settings.production),
        Middleware(RequestIdMiddleware),
        Middleware(UrlCharacterMiddleware),
        Middleware(
            BodyLimitMiddleware,
            max_bytes=settings.max_request_bytes,
            max_upload_bytes=settings.document_max_bytes + UPLOAD_OVERHEAD,
            max_file_bytes=settings.document_max_bytes,
        ),
    ]
    if settings.allowed_origins:
        middleware.append(
            Middleware(
                CORSMiddleware,
                allow_origins=list(settings.allowed_origins),
                allow_methods=["GET", "POST"],
                allow_headers=["Authorization", "Content-Type"],
                # A browser client may read its budget (docs/limits.md).
                expose_headers=["RateLimit", "RateLimit-Policy", "Retry-After"],
                allow_credentials=True,
            )
        )

    # The reports' cost points and `RateLimit` fields (GraphQL's are the view's: they need
    # the operation's cost).
    middleware.append(
        Middleware(
            RestRateLimitMiddleware,
            limits=rate_limits,
            auth=auth,
            cost=settings.rate_limit_report_cost,
        )
    )
    # Innermost: what the routes answer is compressed; the refusals above are small.
    middleware.append(Middleware(CompressedResponses))

    app = Starlette(
        routes=[
            Route("/api", api_home, methods=["GET"]),
            *([] if built(frontend) else [Route("/", home, methods=["GET"])]),
            # No `methods=`: the view answers every method itself, with a coded error where refused.
            Route("/graphql", graphql),
            WebSocketRoute("/graphql", graphql),
            *token_routes(auth, keys),
            *casefile_routes(auth, settings),
            *health.routes,
            *openapi.routes,
            *event_schemas.routes,
            *metrics_routes(settings),
            *report_routes(auth),
            *provider_callbacks.routes,
            *payment_callbacks.routes,
            *answer_routes(auth, settings),
            *calendar_routes(settings),
            # Last: the web portal's client routes take whatever path is left.
            *spa_routes(frontend),
        ],
        middleware=middleware,
        lifespan=lifespan,
    )
    app.state.settings = settings
    app.state.auth = auth
    app.state.rate_limits = rate_limits
    return app
