"""The load run: the portal's GraphQL endpoint against the hand-written SQL baseline.

    python -m bench.load                                  # every read, portal and baseline
    python -m bench.load --reads cases-50,case-page       # some of them
    python -m bench.load --targets baseline               # the baseline alone
    python -m bench.load --scale 10000,100000             # p99 of the case page as data grows

The reads are the web portal's own documents, taken from graphql/operations/ with the fragments
they use (issue 17): `Cases` with 50 and 100 cases as an organisation's agent, and the three
requests of one case page as its complainant (`CasePage`, `CaseTimeline`, `CaseFile`).

Starts `portal serve` (on the bench database, data dir under bench/.data, the outbox worker and
the clock job off, /metrics on) and the baseline (`bench.baseline`, which checks the portal's
tokens and sessions) as subprocesses on free loopback ports, signs in through the `login`
mutation, checks one response of each read against the baseline's, then for each read and
target runs a warm-up and a measured run at a fixed concurrency and duration, with `wrk`
(apt-get install wrk) or, when it is missing, a slower Python client. Reports requests/s,
latency p50/p90/p99, the CPU the server and PostgreSQL spent per request, the SQL statements
per request (the portal's /metrics), the ratio portal/baseline and the peak RSS (VmHWM).
Results are also written to bench/.data/results/.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Sequence
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import asyncpg
import httpx
import orjson
from prometheus_client.parser import text_string_to_metric_families

from bench.baseline import NOT_COMPUTED
from bench.common import (
    BENCH_PASSWORD,
    COMPLAINANT_EMAIL,
    DATA_DIR,
    DEFAULT_URL,
    LIST_ORGANISATION,
    agent_email,
    asyncpg_dsn,
    database_name,
    with_database,
)
from portal.api.persisted import PersistedOperations

REPO_ROOT = Path(__file__).resolve().parent.parent


def log(message: str) -> None:
    print(message, flush=True)


# --- the GraphQL documents: the web portal's own ---------------------------------------------

OPERATIONS = REPO_ROOT / "graphql" / "operations"
LOGIN_MUTATION = (
    "mutation Login($email: String!, $password: String!) { "
    "login(input: {email: $email, password: $password}) { accessToken userErrors { code } } }"
)
# How the complainant finds the case the case-page reads open: their first (newest) case.
FIRST_CASE_QUERY = "query FirstCase { cases(first: 1) { edges { node { id } } } }"


@dataclass(frozen=True)
class Read:
    name: str
    operation: str  # in graphql/operations/
    reader: str  # "agent" (the organisation's list) or "complainant" (the case page)
    path: str  # the baseline's
    first: int | None = None


READS = {
    r.name: r
    for r in (
        Read("cases-5", "Cases", "agent", "/cases", 5),
        Read("cases-50", "Cases", "agent", "/cases", 50),
        Read("cases-100", "Cases", "agent", "/cases", 100),
        Read("case-page", "CasePage", "complainant", "/case-page"),
        Read("case-timeline", "CaseTimeline", "complainant", "/case-timeline", 50),
        Read("case-file", "CaseFile", "complainant", "/case-file"),
    )
}
DEFAULT_READS = ("cases-50", "cases-100", "case-page", "case-timeline", "case-file")
CASE_PAGE_READS = ("case-page", "case-timeline", "case-file")
TARGETS = ("portal", "baseline")
ACCEPT = "application/graphql-response+json, application/json;q=0.9"
METRICS_TOKEN = "bench-metrics-" + "0" * 32

# The performance budget (ARCHITECTURE.md, issue 17): the portal's share of the baseline's
# throughput, its p99 against the baseline's, its resident memory, and the case page's p99
# as the data grows tenfold.
BUDGET_RATIO = {"cases": 0.5, "case": 0.6}
BUDGET_P99_FACTOR = 2.0
BUDGET_RSS_MB = 150
BUDGET_SCALE_P99 = 1.3


def budget_ratio(read: str) -> float:
    return BUDGET_RATIO["cases" if read.startswith("cases") else "case"]


def document(operation: str) -> str:
    """The named operation of graphql/operations/ with every fragment it uses, as the web
    portal's client sends it: the text the portal registers as a persisted operation."""
    return PersistedOperations.load(sorted(OPERATIONS.glob("*.graphql"))).by_name[operation].text


# --- the servers ---------------------------------------------------------------------------


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@dataclass
class Server:
    name: str
    process: subprocess.Popen[bytes]
    base: str
    log_path: Path

    @property
    def pid(self) -> int:
        return self.process.pid

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(timeout=5)


def start_server(
    name: str, command: list[str], env: dict[str, str], port: int, cwd: Path = REPO_ROOT
) -> Server:
    log_path = DATA_DIR / f"{name}.log"
    log_path.parent.mkdir(parents=True, exist_ok=True)
    with log_path.open("wb") as out:
        process = subprocess.Popen(  # noqa: S603 (our own interpreter and module)
            command, cwd=cwd, env=env, stdout=out, stderr=subprocess.STDOUT
        )
    return Server(name, process, f"http://127.0.0.1:{port}", log_path)


def wait_ready(server: Server, path: str, timeout: float = 180.0) -> None:
    """Wait for ``path`` to answer 200; on any failure stop the server (a portal still
    importing when the deadline passed kept running, holding the database, after the run had
    given up). 180 s: on a 2-core machine under a load average of 15 the portal took over 60."""
    try:
        _wait_ready(server, path, timeout)
    except BaseException:
        server.stop()
        raise


def _wait_ready(server: Server, path: str, timeout: float) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if server.process.poll() is not None:
            tail = server.log_path.read_text(errors="replace")[-3000:]
            raise SystemExit(f"{server.name} exited ({server.process.returncode}):\n{tail}")
        try:
            if httpx.get(server.base + path, timeout=2).status_code == 200:
                return
        except httpx.HTTPError:
            pass
        time.sleep(0.2)
    raise SystemExit(f"{server.name} not ready after {timeout:.0f} s; see {server.log_path}")


def portal_database_url(url: str, pool: int) -> str:
    if urlsplit(url).query:
        return url  # the caller chose the pool settings
    return f"{url}?minsize={pool}&maxsize={pool}"


def start_portal(args: argparse.Namespace) -> Server:
    port = free_port()
    data_dir = DATA_DIR / "portal"
    data_dir.mkdir(parents=True, exist_ok=True)
    env = {
        **os.environ,
        "PORTAL_DATABASE_URL": portal_database_url(args.url, args.pool),
        "PORTAL_DATA_DIR": str(data_dir),
        "PORTAL_HOST": "127.0.0.1",
        "PORTAL_PORT": str(port),
        "PORTAL_PUBLIC_URL": f"http://127.0.0.1:{port}",
        "PORTAL_ACCESS_TOKEN_TTL": "3600",
        "PORTAL_LOG_LEVEL": args.portal_log_level,
        # Only the request path is measured: no outbox worker retrying mail against a closed
        # port, no clock job (issue 17); /metrics for the statements per request.
        "PORTAL_WORKER_IN_SERVE": "false",
        "PORTAL_CLOCK_INTERVAL": "0",
        "PORTAL_METRICS_TOKEN": METRICS_TOKEN,
        # Issue 18, 6: the rate limits run (their cost is measured) but never refuse the load.
        "PORTAL_RATE_LIMIT_PERSON_POINTS": str(10**12),
        "PORTAL_RATE_LIMIT_PERSON_RESTORE": str(10**12),
        "PORTAL_RATE_LIMIT_CLIENT_POINTS": str(10**12),
        "PORTAL_RATE_LIMIT_CLIENT_RESTORE": str(10**12),
    }
    root = REPO_ROOT
    if args.portal_root:
        # Another checkout's portal (the code before a change), on the same database.
        root = Path(args.portal_root).resolve()
        env["PYTHONPATH"] = str(root)
    server = start_server(
        "portal", [sys.executable, "-m", "portal.cli", "serve"], env, port, cwd=root
    )
    wait_ready(server, "/readyz")
    return server


def start_baseline(args: argparse.Namespace, portal: Server) -> Server:
    port = free_port()
    command = [
        sys.executable, "-m", "bench.baseline",
        "--url", args.url, "--port", str(port), "--pool", str(args.pool),
        "--keys", str(DATA_DIR / "portal"), "--issuer", portal.base,
    ]  # fmt: skip
    env = {k: v for k, v in os.environ.items() if not k.startswith("PORTAL_")}
    server = start_server("baseline", command, env, port)
    wait_ready(server, "/healthz")
    return server


def memory_mb(pid: int, field: str = "VmHWM") -> float | None:
    """VmHWM: the peak resident set since the process started; VmRSS: the current one."""
    try:
        status = Path(f"/proc/{pid}/status").read_text()
    except OSError:
        return None
    match = re.search(rf"^{field}:\s+(\d+) kB", status, re.MULTILINE)
    return int(match.group(1)) / 1024 if match else None


class RssSampler(threading.Thread):
    """The largest VmRSS seen while a run lasts, sampled every 200 ms."""

    def __init__(self, pid: int) -> None:
        super().__init__(daemon=True)
        self.pid = pid
        self.peak = 0.0
        self.halt = threading.Event()

    def run(self) -> None:
        while not self.halt.wait(0.2):
            self.peak = max(self.peak, memory_mb(self.pid, "VmRSS") or 0.0)

    def __enter__(self) -> RssSampler:
        self.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.halt.set()
        self.join()


CLOCK_TICKS = os.sysconf("SC_CLK_TCK")


def _stat(pid: int) -> list[str]:
    """The fields of ``/proc/<pid>/stat`` after the command name (empty: no such process)."""
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return []
    return stat[stat.rindex(")") + 2 :].split()


def _seconds(fields: list[str], children: bool = False) -> float:
    """User and system CPU in `_stat` fields: the process's own, or its ended children's."""
    if not fields:
        return 0.0
    first = 13 if children else 11
    return (int(fields[first]) + int(fields[first + 1])) / CLOCK_TICKS


def cpu_seconds(pid: int) -> float:
    """User and system CPU of one process."""
    return _seconds(_stat(pid))


def postgres_cpu_seconds(database: str) -> float:
    """User and system CPU of the PostgreSQL backends connected to ``database`` (the server is
    local; its process titles name the database), plus what the server's processes that ended
    have spent (the postmaster's children's time): parallel workers, whose titles name no
    database, and connections closed meanwhile. Other databases' live backends, which other
    work on the machine may keep busy, and the server's own background processes are left
    out; an ended process of another database is counted, so measure on a quiet machine."""
    total = 0.0
    stats: dict[int, list[str]] = {}
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            if (entry / "comm").read_text().strip() != "postgres":
                continue
            title = (entry / "cmdline").read_bytes().replace(b"\0", b" ").decode(errors="replace")
        except OSError:
            continue
        fields = stats[int(entry.name)] = _stat(int(entry.name))
        if fields and f" {database} " in f" {title} ":
            total += _seconds(fields)
    # The postmaster: the server process whose parent is no server process.
    for fields in stats.values():
        if fields and int(fields[1]) not in stats:
            total += _seconds(fields, children=True)
    return total


# --- what is requested ---------------------------------------------------------------------


@dataclass
class Request:
    read: str
    target: str
    url: str
    body: bytes
    headers: dict[str, str]


@dataclass
class Result:
    read: str
    target: str
    requests: int
    seconds: float
    rps: float
    p50_ms: float
    p90_ms: float
    p99_ms: float
    max_ms: float
    errors: int
    bytes_per_response: float
    app_cpu_ms: float | None = None  # per request
    db_cpu_ms: float | None = None  # per request
    rss_under_load_mb: float = 0.0  # the server's largest VmRSS during the measured run
    statements: float | None = None  # SQL statements per request
    compiled: float | None = None  # share of the requests the compiled executor answered
    extra: dict[str, Any] = field(default_factory=dict)


def gql(query: str, variables: dict[str, Any] | None = None, name: str | None = None) -> bytes:
    payload: dict[str, Any] = {"query": query}
    if variables:
        payload["variables"] = variables
    if name:
        payload["operationName"] = name
    return orjson.dumps(payload)


def post(url: str, body: bytes, headers: dict[str, str]) -> Any:
    response = httpx.post(
        url, content=body, headers={"Content-Type": "application/json", **headers}, timeout=30
    )
    try:
        data = response.json()
    except ValueError as exc:
        raise SystemExit(
            f"{url}: HTTP {response.status_code}, not JSON: {response.text[:300]}"
        ) from exc
    if response.status_code != 200 or data.get("errors"):
        text = json.dumps(data, ensure_ascii=False)
        raise SystemExit(f"{url}: HTTP {response.status_code}: {text[:800]}")
    return data


def login(portal: Server, email: str) -> str:
    data = post(
        portal.base + "/graphql",
        gql(LOGIN_MUTATION, {"email": email, "password": BENCH_PASSWORD}),
        {"Accept": ACCEPT},
    )
    payload = data["data"]["login"]
    if payload.get("userErrors") or not payload.get("accessToken"):
        raise SystemExit(f"login as {email} refused: {payload}; run `python -m bench.generate`?")
    return str(payload["accessToken"])


async def check_bench_data(url: str) -> None:
    conn = await asyncpg.connect(asyncpg_dsn(url))
    try:
        org = await conn.fetchval("SELECT id FROM organisation WHERE slug = $1", LIST_ORGANISATION)
        user = await conn.fetchval(
            "SELECT id FROM user_account WHERE email = $1", COMPLAINANT_EMAIL
        )
    finally:
        await conn.close()
    if org is None or user is None:
        raise SystemExit(f"{url} holds no bench data: run `python -m bench.generate` first")


def variables_of(read: Read, case_id: str) -> dict[str, Any]:
    given: dict[str, Any] = {} if read.reader == "agent" else {"id": case_id}
    if read.first is not None:
        given["first"] = read.first
    return given


def build_requests(
    portal: Server | None, baseline: Server | None, reads: Sequence[str], tokens: dict[str, str]
) -> list[Request]:
    """Each read for each target, as the same signed-in people (the portal's tokens)."""
    headers = {reader: {"Authorization": f"Bearer {token}"} for reader, token in tokens.items()}
    case_id = ""
    if any(READS[r].reader == "complainant" for r in reads):
        assert portal is not None
        first = post(
            portal.base + "/graphql",
            gql(FIRST_CASE_QUERY),
            {"Accept": ACCEPT, **headers["complainant"]},
        )
        edges = first["data"]["cases"]["edges"]
        if not edges:
            raise SystemExit(f"{COMPLAINANT_EMAIL} sees no case through `cases(first: 1)`")
        case_id = edges[0]["node"]["id"]
    requests = []
    for name in reads:
        read = READS[name]
        variables = variables_of(read, case_id)
        if portal is not None:
            body = gql(document(read.operation), variables, read.operation)
            requests.append(
                Request(
                    name,
                    "portal",
                    portal.base + "/graphql",
                    body,
                    {"Accept": ACCEPT, **headers[read.reader]},
                )
            )
        if baseline is not None:
            requests.append(
                Request(
                    name,
                    "baseline",
                    baseline.base + read.path,
                    orjson.dumps(variables),
                    headers[read.reader],
                )
            )
    return requests


_INSTANT = re.compile(r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?([+-]\d\d:\d\d|Z)$")


def _normal(value: Any) -> Any:
    if isinstance(value, str) and _INSTANT.match(value):
        return datetime.fromisoformat(value.replace("Z", "+00:00"))
    return value


def differences(a: Any, b: Any, path: str = "", limit: int = 8) -> list[str]:
    """Where two responses differ (instants compared as instants; cursors and what the
    baseline does not compute, `baseline.NOT_COMPUTED`, not compared)."""
    found: list[str] = []
    if isinstance(a, dict) and isinstance(b, dict):
        for key in sorted(set(a) | set(b)):
            if key == "endCursor" or key in NOT_COMPUTED:
                continue
            if key not in a or key not in b:
                found.append(f"{path}.{key}: only in {'baseline' if key in b else 'portal'}")
            else:
                found += differences(a[key], b[key], f"{path}.{key}", limit)
    elif isinstance(a, list) and isinstance(b, list):
        if len(a) != len(b):
            found.append(f"{path}: {len(a)} items in the portal, {len(b)} in the baseline")
        for n, (x, y) in enumerate(zip(a, b, strict=False)):
            found += differences(x, y, f"{path}[{n}]", limit)
    elif _normal(a) != _normal(b):
        found.append(f"{path}: portal {a!r}, baseline {b!r}")
    return found[:limit]


# --- the load -------------------------------------------------------------------------------

LUA = """
wrk.method = "POST"
wrk.body = [==[{body}]==]
{headers}
done = function(summary, latency, requests)
  local e = summary.errors
  io.write(string.format(
    "BENCH_RESULT %d %d %d %d %d %d %d %d %d %d %d %d\\n",
    summary.requests, summary.duration, summary.bytes,
    latency:percentile(50), latency:percentile(90), latency:percentile(99), latency.max,
    e.connect, e.read, e.write, e.status, e.timeout))
end
"""


def lua_script(request: Request) -> str:
    headers = {"Content-Type": "application/json", **request.headers}
    lines = "\n".join(f'wrk.headers["{k}"] = "{v}"' for k, v in headers.items())
    body = request.body.decode()
    if "]==]" in body:
        raise SystemExit("request body cannot be quoted for wrk")
    return LUA.format(body=body, headers=lines)


def run_wrk(request: Request, seconds: float, args: argparse.Namespace) -> dict[str, float]:
    with tempfile.NamedTemporaryFile("w", suffix=".lua", delete=False) as script:
        script.write(lua_script(request))
    try:
        command = [
            args.wrk, f"-t{args.threads}", f"-c{args.connections}", f"-d{max(1, round(seconds))}s",
            "--timeout", "30s", "-s", script.name, request.url,
        ]  # fmt: skip
        out = subprocess.run(  # noqa: S603 (wrk, with our arguments)
            command, capture_output=True, text=True, timeout=seconds + 60, check=False
        )
    finally:
        os.unlink(script.name)
    line = next((x for x in out.stdout.splitlines() if x.startswith("BENCH_RESULT ")), None)
    if out.returncode != 0 or line is None:
        raise SystemExit(f"wrk failed ({out.returncode}): {out.stdout[-2000:]}{out.stderr[-2000:]}")
    n = [int(x) for x in line.split()[1:]]
    return {
        "requests": n[0],
        "seconds": n[1] / 1e6,
        "bytes": n[2],
        "p50_ms": n[3] / 1000,
        "p90_ms": n[4] / 1000,
        "p99_ms": n[5] / 1000,
        "max_ms": n[6] / 1000,
        "errors": sum(n[7:12]),
    }


async def _python_load(request: Request, seconds: float, connections: int) -> dict[str, float]:
    latencies: list[float] = []
    errors = 0
    received = 0
    headers = {"Content-Type": "application/json", **request.headers}
    limits = httpx.Limits(max_connections=connections, max_keepalive_connections=connections)
    async with httpx.AsyncClient(limits=limits, timeout=10) as client:
        started = time.perf_counter()
        deadline = started + seconds

        async def worker() -> None:
            nonlocal errors, received
            while time.perf_counter() < deadline:
                t0 = time.perf_counter()
                try:
                    response = await client.post(request.url, content=request.body, headers=headers)
                    received += len(response.content)
                    if response.status_code != 200:
                        errors += 1
                except httpx.HTTPError:
                    errors += 1
                latencies.append(time.perf_counter() - t0)

        await asyncio.gather(*(worker() for _ in range(connections)))
        elapsed = time.perf_counter() - started
    latencies.sort()

    def pct(p: float) -> float:
        return (
            latencies[min(len(latencies) - 1, int(len(latencies) * p))] * 1000 if latencies else 0
        )

    return {
        "requests": len(latencies),
        "seconds": elapsed,
        "bytes": received,
        "p50_ms": pct(0.50),
        "p90_ms": pct(0.90),
        "p99_ms": pct(0.99),
        "max_ms": latencies[-1] * 1000 if latencies else 0,
        "errors": errors,
    }


def run_load(request: Request, seconds: float, args: argparse.Namespace) -> dict[str, float]:
    if args.client == "wrk":
        return run_wrk(request, seconds, args)
    return asyncio.run(_python_load(request, seconds, args.connections))


def statement_totals(server: Server, operation: str) -> tuple[float, float, float] | None:
    """The portal's running sum and count of SQL statements per request of ``operation``,
    and how many of those requests the compiled executor answered (its /metrics:
    `parley_graphql_operations_total{executor="compiled"}`); None when the portal has no
    /metrics (older code)."""
    try:
        response = httpx.get(
            server.base + "/metrics",
            headers={"Authorization": f"Bearer {METRICS_TOKEN}"},
            timeout=10,
        )
    except httpx.HTTPError:
        return None
    if response.status_code != 200:
        return None
    total = count = compiled = 0.0
    for family in text_string_to_metric_families(response.text):
        for sample in family.samples:
            if sample.labels.get("operation") != operation:
                continue
            if sample.name == "parley_graphql_request_sql_statements_sum":
                total += sample.value
            elif sample.name == "parley_graphql_request_sql_statements_count":
                count += sample.value
            elif (
                sample.name == "parley_graphql_operations_total"
                and sample.labels.get("executor") == "compiled"
            ):
                compiled += sample.value
    return total, count, compiled


def wait_idle(server: Server, limit: float = 120.0) -> None:
    """Wait until the server has finished what a run left in flight: wrk closes its
    connections when its time is up, but the server still answers the requests it holds, and
    a slow read's leftovers would otherwise run on into the next measurement."""
    deadline = time.monotonic() + limit
    while time.monotonic() < deadline:
        before = cpu_seconds(server.pid)
        time.sleep(0.5)
        if cpu_seconds(server.pid) - before < 0.03:
            return
    log(f"  {server.name} still busy after {limit:.0f} s")


def answered(server: Server) -> int:
    """GraphQL requests the portal answered, from its access log (for code without /metrics)."""
    try:
        text = server.log_path.read_text(errors="replace")
    except OSError:
        return 0
    return text.count('"message":"POST /graphql 200"')


def measure(request: Request, server: Server, args: argparse.Namespace) -> Result:
    if args.warmup > 0:
        run_load(request, args.warmup, args)
        wait_idle(server)
    operation = READS[request.read].operation
    before = statement_totals(server, operation) if request.target == "portal" else None
    logged = answered(server) if request.target == "portal" and before is None else None
    database = database_name(args.url)
    app0, db0 = cpu_seconds(server.pid), postgres_cpu_seconds(database)
    with RssSampler(server.pid) as rss:
        raw = run_load(request, args.duration, args)
    # What the run left in flight is finished, and its CPU counted, before the next run.
    wait_idle(server)
    app_cpu = cpu_seconds(server.pid) - app0
    db_cpu = postgres_cpu_seconds(database) - db0
    after = statement_totals(server, operation) if before is not None else None
    statements: float | None = 1.0 if request.target == "baseline" else None
    compiled: float | None = None
    count = max(1, int(raw["requests"]))
    served = count  # requests the CPU was spent on
    if before is not None and after is not None and after[1] > before[1]:
        statements = (after[0] - before[0]) / (after[1] - before[1])
        compiled = (after[2] - before[2]) / (after[1] - before[1])
        # The portal's own count: wrk's, and those that were still running when wrk stopped.
        served = int(after[1] - before[1])
    elif logged is not None:
        served = max(1, answered(server) - logged)
    return Result(
        read=request.read,
        target=request.target,
        requests=int(raw["requests"]),
        seconds=raw["seconds"],
        rps=raw["requests"] / raw["seconds"] if raw["seconds"] else 0.0,
        p50_ms=raw["p50_ms"],
        p90_ms=raw["p90_ms"],
        p99_ms=raw["p99_ms"],
        max_ms=raw["max_ms"],
        errors=int(raw["errors"]),
        bytes_per_response=raw["bytes"] / count,
        app_cpu_ms=app_cpu * 1000 / served,
        db_cpu_ms=db_cpu * 1000 / served,
        rss_under_load_mb=rss.peak,
        statements=statements,
        compiled=compiled,
    )


# --- the report -----------------------------------------------------------------------------


def report(results: list[Result], rss: dict[str, float | None], args: argparse.Namespace) -> None:
    log("")
    log(
        f"{args.connections} connections, {args.duration:g} s per run after {args.warmup:g} s "
        f"warm-up, client {args.client}, pool {args.pool}, database {database_name(args.url)}"
    )
    header = (
        f"{'read':13} {'target':9} {'req/s':>8} {'p50 ms':>8} {'p90 ms':>8} {'p99 ms':>8} "
        f"{'errors':>6} {'bytes':>7} {'app cpu':>8} {'db cpu':>7} {'stmts':>5} {'compiled':>8}"
    )
    log(header)
    log("-" * len(header))
    for r in results:
        statements = f"{r.statements:5.1f}" if r.statements is not None else "    -"
        compiled = f"{r.compiled:8.0%}" if r.compiled is not None else "       -"
        log(
            f"{r.read:13} {r.target:9} {r.rps:8.0f} {r.p50_ms:8.2f} {r.p90_ms:8.2f} "
            f"{r.p99_ms:8.2f} {r.errors:6d} {r.bytes_per_response:7.0f} "
            f"{r.app_cpu_ms or 0:6.2f}ms {r.db_cpu_ms or 0:5.2f}ms {statements} {compiled}"
        )
    log(
        "(cpu: milliseconds of CPU per request, in the server process and in all of PostgreSQL; "
        "stmts: SQL statements per request; compiled: the share answered by SQL that builds "
        "the JSON, portal.api.compiled)"
    )
    by = {(r.read, r.target): r for r in results}
    for read in args.reads:
        portal, baseline = by.get((read, "portal")), by.get((read, "baseline"))
        if not (portal and baseline and baseline.rps):
            continue
        ratio = portal.rps / baseline.rps
        p99 = portal.p99_ms / baseline.p99_ms if baseline.p99_ms else float("inf")
        ok = ratio >= budget_ratio(read) and p99 <= BUDGET_P99_FACTOR
        log(
            f"{read}: portal/baseline {ratio:.2f}x requests/s, p99 {p99:.2f}x  budget >= "
            f"{budget_ratio(read)}x, p99 <= {BUDGET_P99_FACTOR:g}x: {'met' if ok else 'NOT MET'}"
        )
    lists = {r.read: r.statements for r in results if r.target == "portal" and r.read in READS
             and READS[r.read].operation == "Cases" and r.statements is not None}  # fmt: skip
    if len(lists) > 1:
        same = len({round(v, 2) for v in lists.values()}) == 1
        shown = ", ".join(f"{k} {v:.1f}" for k, v in lists.items())
        log(f"statements per Cases request: {shown} ({'the same' if same else 'NOT the same'})")
    for name, value in rss.items():
        if value is None:
            continue
        note = ""
        if name == "portal":
            note = (
                f" (budget < {BUDGET_RSS_MB} MB: {'met' if value < BUDGET_RSS_MB else 'NOT MET'})"
            )
        under_load = max((r.rss_under_load_mb for r in results if r.target == name), default=0)
        log(
            f"{name}: peak RSS (VmHWM, since start) {value:.0f} MB{note}; "
            f"largest VmRSS while loaded {under_load:.0f} MB"
        )


def save(
    results: list[Result], rss: dict[str, float | None], args: argparse.Namespace, kind: str
) -> Path:
    folder = DATA_DIR / "results"
    folder.mkdir(parents=True, exist_ok=True)
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
    path = folder / f"{kind}-{stamp}.json"
    document = {
        "at": stamp,
        "settings": {k: v for k, v in vars(args).items() if k != "wrk"},
        "results": [asdict(r) for r in results],
        "peak_rss_mb": rss,
    }
    path.write_bytes(orjson.dumps(document, option=orjson.OPT_INDENT_2))
    return path


# --- the run --------------------------------------------------------------------------------


def run(args: argparse.Namespace) -> tuple[list[Result], dict[str, float | None]]:
    asyncio.run(check_bench_data(args.url))
    busy = os.getloadavg()[0]
    args.load_average_before = round(busy, 2)
    if busy > 0.5:
        log(f"Warning: load average {busy:.2f} before the run: something else is using the CPU")
    servers: dict[str, Server] = {}
    try:
        # The portal first, always: it signs the people in, and the baseline checks its tokens.
        log("Starting the portal (portal serve)")
        servers["portal"] = start_portal(args)
        tokens = {
            "agent": login(servers["portal"], agent_email(LIST_ORGANISATION)),
            "complainant": login(servers["portal"], COMPLAINANT_EMAIL),
        }
        if "baseline" in args.targets:
            log("Starting the baseline")
            servers["baseline"] = start_baseline(args, servers["portal"])
        requests = build_requests(servers["portal"], servers.get("baseline"), args.reads, tokens)

        # One request each first: a read that fails or answers errors is not worth timing.
        answers = {}
        for request in requests:
            answers[request.read, request.target] = post(request.url, request.body, request.headers)
            size = len(orjson.dumps(answers[request.read, request.target]))
            log(f"  checked {request.read:13} on the {request.target:8}: {size:,} bytes of JSON")
        for read in args.reads:
            if (read, "portal") in answers and (read, "baseline") in answers:
                diff = differences(answers[read, "portal"], answers[read, "baseline"])
                log(f"  {read}: " + ("same data" if not diff else "differs:"))
                for line in diff:
                    log(f"      {line}")

        results = []
        order = [r for read in args.reads for t in args.targets for r in requests
                 if r.read == read and r.target == t]  # fmt: skip
        for request in order:
            log(
                f"Loading {request.read} on the {request.target}: {args.warmup:g} s warm-up, "
                f"{args.duration:g} s measured"
            )
            results.append(measure(request, servers[request.target], args))
        rss = {
            name: memory_mb(server.pid) for name, server in servers.items() if name in args.targets
        }
    finally:
        for server in servers.values():
            server.stop()
    report(results, rss, args)
    log(f"Results written to {save(results, rss, args, 'load')}")
    return results, rss


def scale_run(args: argparse.Namespace, sizes: list[int]) -> None:
    """The case page's three reads on databases of each size (generated when missing, or
    always with --regenerate), and the growth of p99 from the smallest to the largest."""
    p99: dict[tuple[int, str, str], float] = {}
    base = args.url
    for size in sizes:
        url = with_database(base, f"{database_name(base)}_{size}")
        if args.regenerate or not asyncio.run(has_bench_data(url)):
            log(f"Generating {size:,} cases in {database_name(url)}")
            subprocess.run(  # noqa: S603 (our own interpreter and module)
                [sys.executable, "-m", "bench.generate", "--url", url, "--cases", str(size)],
                cwd=REPO_ROOT,
                check=True,
            )
        args.url = url
        results, _ = run(args)
        for r in results:
            p99[size, r.read, r.target] = r.p99_ms
    args.url = base
    log("")
    log(f"p99 in ms by size ({', '.join(f'{n:,}' for n in sizes)} cases):")
    smallest, largest = sizes[0], sizes[-1]
    for read in args.reads:
        for target in args.targets:
            row = [p99.get((n, read, target)) for n in sizes]
            if None in row:
                continue
            growth = row[-1] / row[0] if row[0] else float("inf")  # type: ignore[operator]
            verdict = ""
            if target == "portal" and read in CASE_PAGE_READS:
                ok = growth <= BUDGET_SCALE_P99
                verdict = f"  budget <= {BUDGET_SCALE_P99}x: {'met' if ok else 'NOT MET'}"
            shown = "  ".join(f"{v:8.2f}" for v in row)  # type: ignore[str-format]
            log(
                f"  {read:13} {target:9} {shown}   {largest:,}/{smallest:,}: {growth:.2f}x{verdict}"
            )


async def has_bench_data(url: str) -> bool:
    try:
        conn = await asyncpg.connect(asyncpg_dsn(url))
    except (OSError, asyncpg.PostgresError):
        return False
    try:
        return bool(await conn.fetchval("SELECT count(*) > 0 FROM dispute_case"))
    except asyncpg.PostgresError:
        return False
    finally:
        await conn.close()


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m bench.load", description=__doc__.split("\n")[0]
    )
    parser.add_argument("--url", default=DEFAULT_URL, help="the generated bench database")
    parser.add_argument(
        "--reads", default=",".join(DEFAULT_READS), help=f"any of {', '.join(READS)}"
    )
    parser.add_argument("--targets", default=",".join(TARGETS), help="portal,baseline")
    parser.add_argument("--connections", type=int, default=32)
    parser.add_argument("--threads", type=int, default=1, help="wrk threads")
    parser.add_argument("--duration", type=float, default=20.0, help="measured seconds per run")
    parser.add_argument("--warmup", type=float, default=3.0, help="warm-up seconds per run")
    parser.add_argument("--pool", type=int, default=10, help="database connections per server")
    parser.add_argument("--client", choices=("wrk", "python"), default=None)
    parser.add_argument("--portal-log-level", default="INFO")
    parser.add_argument(
        "--portal-root",
        default="",
        help="run the portal from this checkout instead (the code before a change); the bench "
        "and the baseline stay this checkout's",
    )
    parser.add_argument(
        "--scale",
        default="",
        help="comma-separated numbers of cases (10000,100000): run the case page's reads on a "
        "database of each size (<url's name>_<size>, generated when missing) and compare p99",
    )
    parser.add_argument(
        "--regenerate", action="store_true", help="with --scale: generate every database anew"
    )
    args = parser.parse_args(argv)
    args.reads = [r for r in args.reads.split(",") if r]
    args.targets = [t for t in args.targets.split(",") if t]
    if not set(args.reads) <= set(READS) or not args.reads:
        parser.error(f"--reads: choose from {', '.join(READS)}")
    if not set(args.targets) <= set(TARGETS) or not args.targets:
        parser.error(f"--targets: choose from {', '.join(TARGETS)}")
    if not 1 <= args.duration <= 300 or not 0 <= args.warmup <= 60:
        parser.error("--duration 1..300 s and --warmup 0..60 s: keep the load bounded")
    args.wrk = shutil.which("wrk")
    if args.client is None:
        args.client = "wrk" if args.wrk else "python"
    if args.client == "wrk" and not args.wrk:
        parser.error("wrk is not installed (apt-get install wrk)")
    if args.client == "python":
        log("Note: Python client (no wrk): it shares the CPU with the servers and costs more.")
    if args.scale:
        try:
            sizes = sorted({int(n) for n in args.scale.split(",") if n})
        except ValueError:
            parser.error("--scale: numbers of cases, comma-separated")
        if len(sizes) < 2:
            parser.error("--scale: at least two sizes")
        if args.reads == list(DEFAULT_READS):
            args.reads = list(CASE_PAGE_READS)
        scale_run(args, sizes)
        return 0
    run(args)
    return 0


if __name__ == "__main__":
    sys.exit(main())


def bare_portal(name: str, data_dir: Path, **env: str) -> Server:
    """`portal serve` on a fresh SQLite database in ``data_dir``, with no worker, clock job or
    web portal build: only the request path is measured. ``env`` adds PORTAL_* settings."""
    if data_dir.exists():
        shutil.rmtree(data_dir)
    data_dir.mkdir(parents=True)
    port = free_port()
    environment = {k: v for k, v in os.environ.items() if not k.startswith("PORTAL_")} | {
        "PORTAL_DATA_DIR": str(data_dir),
        "PORTAL_PORT": str(port),
        "PORTAL_PUBLIC_URL": f"http://127.0.0.1:{port}",
        "PORTAL_FRONTEND_DIR": str(data_dir / "no-frontend"),
        "PORTAL_CLOCK_INTERVAL": "0",
        "PORTAL_WORKER_IN_SERVE": "false",
        "PORTAL_LOG_LEVEL": "WARNING",
        **env,
    }
    subprocess.run(
        [sys.executable, "-m", "portal.cli", "migrate"],
        env=environment,
        check=True,
        capture_output=True,
    )
    return start_server(name, [sys.executable, "-m", "portal.cli", "serve"], environment, port)
