"""docs/integrator-guide.md runs: every GraphQL example under graphql/examples/ is sent to a
live server with its variables file and the right actor's token, in the guide's order, and
answers without errors or userErrors; the guide's shell and Python blocks are extracted and
executed (curl against the live server, the Python in this process)."""

from __future__ import annotations

import asyncio
import contextlib
import dataclasses
import json
import os
import re
import shlex
import shutil
import sys
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import httpx
import jwt
import pytest
import uvicorn
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from portal.accounts.models import Role
from portal.accounts.services import create_service_account
from portal.api.errors import UserErrorCode
from portal.api.node import from_global_id, to_global_id
from portal.app import create_app
from portal.cases.models import DisputeCase, Offer
from portal.cases.services import Action
from portal.cases.transitions import TABLE
from portal.cli import build_parser
from portal.demo.installation import DEMO_ORGANISATION
from portal.notifications.outbox import RetrySchedule
from portal.notifications.worker import Worker
from portal.settings import Settings, load_settings
from portal.timeline.catalogue import EventKind
from tests.factories import Factory, World, deliver_all, mail_settings, quick_world, start_mailsink
from tests.live_support import free_port
from tests.samples import PDF
from tests.test_api_support import CONSENT, token_for

ROOT = Path(__file__).resolve().parent.parent
GUIDE = ROOT / "docs" / "integrator-guide.md"
EXAMPLES = ROOT / "graphql" / "examples"
FENCE = re.compile(r"^```(\w*)[ \t]*([\w-]*)[ \t]*\n(.*?)^```[ \t]*$", re.M | re.S)
EXECUTED = {"createclient", "token", "verify_token", "query", "upload", "subscribe", "webhook"}
EXECUTED |= {"schema_diff", "demo", "access_token", "first_query", "openapi"}
EXECUTED |= {"discover", "revoke"}  # issue 18, 4: tests/test_client_scopes.py


def guide() -> str:
    return GUIDE.read_text()


def blocks(language: str) -> list[tuple[str, str]]:
    """(name, body) of the guide's fenced blocks in ``language``, in page order."""
    return [(name, body) for lang, name, body in FENCE.findall(guide()) if lang == language]


def block(name: str) -> str:
    found = [body for lang in ("sh", "python") for n, body in blocks(lang) if n == name]
    assert len(found) == 1, f"the guide has {len(found)} blocks named {name!r}"
    return found[0]


def example(name: str) -> str:
    return (EXAMPLES / f"{name}.graphql").read_text()


def variables(name: str, **overrides: Any) -> dict[str, Any]:
    """The example's variables file with ``overrides`` (``input__caseId`` is
    ``input.caseId``) put in; each overridden key must be in the file already."""
    values: dict[str, Any] = json.loads((EXAMPLES / f"{name}.variables.json").read_text())
    for path, value in overrides.items():
        *parents, leaf = path.split("__")
        target = values
        for key in parents:
            target = target[key]
        assert leaf in target, f"{name}.variables.json has no {path.replace('__', '.')}"
        target[leaf] = value
    return values


def no_user_errors(data: dict[str, Any]) -> None:
    for field, value in data.items():
        if isinstance(value, dict) and "userErrors" in value:
            assert value["userErrors"] == [], (field, value["userErrors"])


# --- the page and the files agree --------------------------------------------------------------


def test_the_guide_references_every_example_file_and_only_files_that_exist() -> None:
    referenced = set(re.findall(r"graphql/examples/([\w.-]+\.(?:graphql|json))", guide()))
    files = {p.name for p in EXAMPLES.iterdir()}

    assert referenced - files == set(), "referenced but missing"
    assert files - referenced == set(), "in graphql/examples/ but not in the guide"
    documents = {p.stem for p in EXAMPLES.glob("*.graphql")}
    assert {p.name.removesuffix(".variables.json") for p in EXAMPLES.glob("*.json")} == documents


def test_each_example_shown_in_the_guide_is_the_file_itself() -> None:
    shown = {}
    for _name, body in blocks("graphql"):
        first = body.splitlines()[0]
        assert first.startswith("# graphql/examples/"), f"a GraphQL block not from a file: {first}"
        shown[first.removeprefix("# graphql/examples/")] = body

    assert set(shown) == {p.name for p in EXAMPLES.glob("*.graphql")}
    for filename, body in shown.items():
        assert body == (EXAMPLES / filename).read_text(), filename


def test_every_shell_and_python_block_of_the_guide_is_executed_here() -> None:
    names = [name for lang in ("sh", "python") for name, _ in blocks(lang)]

    assert "" not in names, "a shell or Python block without a name is never run"
    assert sorted(names) == sorted(EXECUTED)


def test_the_user_error_table_lists_every_code_of_the_enum() -> None:
    table = (
        guide().split("<!-- user-error-codes:begin -->")[1].split("<!-- user-error-codes:end")[0]
    )
    listed = re.findall(r"^\| `(\w+)` \|", table, re.M)

    assert len(listed) == len(set(listed))
    assert set(listed) == {code.value for code in UserErrorCode}


def createclient_argv() -> list[str]:
    """The guide's `portal createclient ...` command line, up to its redirection."""
    (line,) = [ln for ln in block("createclient").splitlines() if " createclient " in ln]
    return shlex.split(line.split(">")[0])


def test_the_createclient_command_is_one_the_cli_accepts_for_the_demos_organisation() -> None:
    """Issue 18: the guide's first command named an organisation the demo does not have, and
    a `portal` that is not on the PATH of a fresh clone."""
    argv = createclient_argv()

    args = build_parser().parse_args(argv[1:])

    assert argv[0] == ".venv/bin/portal"  # where `./run demo` installs it
    assert (args.command, args.role, args.organisation) == (
        "createclient",
        Role.ORG_AGENT.value,
        DEMO_ORGANISATION,
    )


def test_the_demo_block_serves_on_the_port_the_other_blocks_use() -> None:
    demo = block("demo").splitlines()
    port = re.fullmatch(r"export PORTAL_PORT=(\d+)", demo[0])

    assert port is not None
    assert port.group(1) != "8000"
    assert demo[1:] == ["./run demo"]
    assert f"PARLEY_URL=http://127.0.0.1:{port.group(1)}" in block("createclient")
    assert load_settings({"PORTAL_PORT": port.group(1)}).issuer == (
        f"http://127.0.0.1:{port.group(1)}"
    )


def test_the_people_steps_the_guide_lists_are_the_stage_tables() -> None:
    """Issue 18: "Offers ... are people's steps" said more than the access rules do."""
    listed = guide().split("<!-- people-steps:begin -->")[1].split("<!-- people-steps:end")[0]

    assert set(re.findall(r"`([A-Z_]+)`", listed)) == {
        action.name for action, transition in TABLE.items() if transition.by_person
    }


def test_the_retry_schedule_the_guide_gives_is_the_default() -> None:
    """Issue 18: the guide gave a base delay where the first retry came at a random part of it;
    it gives the schedule, and says each wait is lengthened by up to a fifth."""
    shown = guide().split("<!-- retry-schedule:begin -->")[1].split("<!-- retry-schedule:end")[0]
    units = {"s": 1, "min": 60, "h": 3600}
    waits = tuple(
        float(number) * units[unit] for number, unit in re.findall(r"(\d+) (s|min|h)\b", shown)
    )
    schedule = RetrySchedule(load_settings({}).outbox_retry_schedule)

    assert waits == schedule.waits
    assert "lengthened by up to a fifth" in guide()
    low, high = schedule.wait(1), schedule.wait(1) * 1.2
    assert all(low <= schedule.delay(1) <= high for _ in range(200))


def test_the_schema_diff_snippet_names_breaking_and_risky_changes() -> None:
    changes = exec_block("schema_diff")["schema_changes"]
    sdl = (ROOT / "graphql" / "schema.graphql").read_text()
    # The field with its description, if it has one.
    described = r'(  """(?:(?!""").)*"""\n)?  unresolvedReason: String!\n'
    without_field = re.sub(described, "", sdl, count=1, flags=re.DOTALL)
    more_stages = sdl.replace("enum CaseStage {\n", "enum CaseStage {\n  PAUSED\n", 1)

    assert changes(sdl, sdl) == []
    assert any(c.startswith("BREAKING FIELD_REMOVED") for c in changes(sdl, without_field))
    assert changes(sdl, more_stages) == [
        "RISKY VALUE_ADDED_TO_ENUM: Enum value CaseStage.PAUSED was added."
    ]


# --- the examples, in the guide's order, against a live server ---------------------------------


@dataclasses.dataclass
class Live:
    base: str
    app: Starlette
    settings: Settings
    http: httpx.AsyncClient

    async def run(self, name: str, token: str, **overrides: Any) -> dict[str, Any]:
        response = await self.http.post(
            "/graphql",
            json={"query": example(name), "variables": variables(name, **overrides)},
            headers={"Authorization": f"Bearer {token}"},
        )
        assert response.status_code == 200, response.text
        body: dict[str, Any] = response.json()
        assert "errors" not in body, (name, body["errors"])
        no_user_errors(body["data"])
        data: dict[str, Any] = body["data"]
        return data

    async def shell(self, name: str, cwd: Path, **env: str) -> dict[str, Any]:
        process = await asyncio.create_subprocess_exec(
            "bash",
            "-euo",
            "pipefail",
            "-c",
            block(name),
            cwd=cwd,
            env={"PATH": os.environ["PATH"], "PARLEY_URL": self.base, **env},
            stdout=asyncio.subprocess.PIPE,
            stderr=asyncio.subprocess.PIPE,
        )
        out, err = await process.communicate()
        assert process.returncode == 0, err.decode()
        answer: dict[str, Any] = json.loads(out)
        return answer


@contextlib.asynccontextmanager
async def uvicorn_serving(app: Starlette, port: int, lifespan: str) -> AsyncIterator[None]:
    server = uvicorn.Server(
        uvicorn.Config(app, host="127.0.0.1", port=port, log_config=None, lifespan=lifespan)
    )
    task = asyncio.create_task(server.serve())
    try:
        while not server.started:
            assert not task.done(), "uvicorn stopped before it started"
            await asyncio.sleep(0.02)
        yield
    finally:
        server.should_exit = True
        await task


@pytest.fixture
async def live(db: str, settings: Settings) -> AsyncIterator[Live]:
    """The portal under uvicorn, its public URL (the token issuer) being where it listens."""
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    configured = dataclasses.replace(settings, public_url=base, webhook_allow_private=True)
    app = create_app(configured, manage_orm=False)
    async with (
        uvicorn_serving(app, port, "on"),
        httpx.AsyncClient(base_url=base, timeout=10) as http,
    ):
        yield Live(base=base, app=app, settings=configured, http=http)


@dataclasses.dataclass
class Hooks:
    """A webhook receiver whose handling is the guide's `receive`."""

    receive: Any
    verification_error: type[Exception]
    events: list[dict[str, Any]] = dataclasses.field(default_factory=list)
    raw: list[tuple[bytes, dict[str, str]]] = dataclasses.field(default_factory=list)
    duplicates: int = 0

    async def endpoint(self, request: Request) -> Response:
        body, headers = await request.body(), dict(request.headers)
        try:
            event = self.receive(body, headers)
        except self.verification_error:
            return Response(status_code=400)
        self.raw.append((body, headers))
        if event is None:
            self.duplicates += 1
        else:
            self.events.append(event)
        return Response(status_code=204)


def exec_block(name: str) -> dict[str, Any]:
    """Run the guide's Python block ``name`` as a module; its globals."""
    namespace: dict[str, Any] = {"__name__": f"guide_{name}"}
    code = compile(block(name), f"docs/integrator-guide.md:{name}", "exec")
    exec(code, namespace)  # noqa: S102 (the guide's own code, which is what this file tests)
    return namespace


def exec_live_block(name: str, monkeypatch: pytest.MonkeyPatch, base: str) -> dict[str, Any]:
    """As a reader runs it: from the repository root, with PARLEY_URL set."""
    monkeypatch.setenv("PARLEY_URL", base)
    monkeypatch.chdir(ROOT)
    return exec_block(name)


def workdir(tmp_path: Path, **variables_files: dict[str, Any]) -> Path:
    """A copy of graphql/examples/ with the variables an integrator would have put in."""
    examples = tmp_path / "graphql" / "examples"
    shutil.copytree(EXAMPLES, examples, dirs_exist_ok=True)
    for name, values in variables_files.items():
        (examples / f"{name.replace('_', '-')}.variables.json").write_text(json.dumps(values))
    return tmp_path


async def case_row(gid: str) -> DisputeCase:
    return await DisputeCase.get(id=from_global_id(gid)[1])


async def test_the_guide_runs_a_dispute_from_complaint_to_implementation(
    live: Live, factory: Factory, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    w: World = await quick_world(factory)
    w.organisation.slug = build_parser().parse_args(createclient_argv()[1:]).organisation
    await w.organisation.save(update_fields=["slug"])
    org_client = await create_service_account(
        "Acme CRM", Role.ORG_AGENT, live.settings.secret_key, organisation=w.organisation
    )
    provider_client = await factory.service_account(Role.PROVIDER_CASEWORKER, provider=w.provider)
    organisation_id = to_global_id("Organisation", w.organisation.id)

    # Tokens through /oauth/token with the guide's curl, verified with the guide's PyJWT code.
    def credentials(created: Any) -> dict[str, str]:
        return {"CLIENT_ID": created.account.client_id, "CLIENT_SECRET": created.client_secret}

    issued = await live.shell("token", tmp_path, **credentials(org_client))
    assert (issued["token_type"], issued["expires_in"]) == ("Bearer", 900)
    org = issued["access_token"]
    provider = (await live.shell("token", tmp_path, **credentials(provider_client)))["access_token"]
    verify = exec_live_block("verify_token", monkeypatch, live.base)["verify"]
    claims = await asyncio.to_thread(verify, org)
    assert claims["sub"] == f"svc:{org_client.account.id}"
    with pytest.raises(jwt.PyJWTError):
        await asyncio.to_thread(verify, org[:-2] + ("AA" if org[-2:] != "AA" else "BB"))
    consumer = await token_for(live.app, w.complainant)
    manager = await token_for(live.app, w.manager)

    # A manager subscribes a receiver that handles deliveries with the guide's code; it
    # starts at the end, when the worker delivers what the steps below queued.
    hook_port = free_port()
    hook_url = f"http://127.0.0.1:{hook_port}/hooks"
    subscribed = await live.run(
        "create-webhook-subscription",
        manager,
        input__organisationId=organisation_id,
        input__url=hook_url,
    )
    monkeypatch.setenv("PARLEY_WEBHOOK_SECRET", subscribed["createWebhookSubscription"]["secret"])
    handler = exec_live_block("webhook", monkeypatch, live.base)
    hooks = Hooks(handler["receive"], handler["WebhookVerificationError"])
    receiver = Starlette(routes=[Route("/hooks", hooks.endpoint, methods=["POST"])])

    # File, record and refer.
    filed = await live.run("file-complaint", consumer, input__organisationId=organisation_id)
    complaint_id = filed["fileComplaint"]["complaint"]["id"]
    again = await live.run("file-complaint", consumer, input__organisationId=organisation_id)
    assert again["fileComplaint"]["complaint"]["id"] == complaint_id  # the idempotency key
    recorded = await live.run("record-complaint", org, input__organisationId=organisation_id)
    assert recorded["recordComplaint"]["complaint"]["channel"] == "PHONE"
    referred = await live.run(
        "refer-complaint",
        org,
        input__complaintId=complaint_id,
        input__providerId=to_global_id("Provider", w.provider.id),
    )
    case_id = referred["referComplaint"]["case"]["id"]
    assert referred["referComplaint"]["case"]["stage"] == "REFERRED"
    accepted = await live.run("accept-case", provider, input__caseId=case_id)
    assert accepted["acceptCase"]["case"]["stage"] == "ACCEPTED"
    # Repeated with its key (a lost answer): the first answer; without a key: refused.
    repeated = await live.run("accept-case", provider, input__caseId=case_id)
    assert repeated["acceptCase"]["case"]["stage"] == "ACCEPTED"
    again_accepted = await live.http.post(
        "/graphql",
        json={
            "query": example("accept-case"),
            "variables": variables("accept-case", input__caseId=case_id, key=None),
        },
        headers={"Authorization": f"Bearer {provider}"},
    )
    assert [e["code"] for e in again_accepted.json()["data"]["acceptCase"]["userErrors"]] == [
        "ACTION_NOT_AVAILABLE"
    ]
    case = await w.act(
        w.complainant,
        await case_row(case_id),
        Action.GIVE_CONSENT,
        **{
            "understands_legal_effect": CONSENT["understandsLegalEffect"],
            "understands_right_to_withdraw": CONSENT["understandsRightToWithdraw"],
        },
    )
    other = await w.act(w.caseworker, await w.new_case(), Action.ACCEPT)
    await w.act(
        w.complainant,
        other,
        Action.GIVE_CONSENT,
        understands_legal_effect=True,
        understands_right_to_withdraw=True,
    )

    # Pagination: two cases await the organisation's response, one per page.
    first = (await live.run("list-cases", org, first=1))["cases"]
    assert first["pageInfo"]["hasNextPage"] is True
    second = (await live.run("list-cases", org, first=1, after=first["pageInfo"]["endCursor"]))[
        "cases"
    ]
    assert second["pageInfo"]["hasNextPage"] is False
    paged = {e["node"]["id"] for page in (first, second) for e in page["edges"]}
    assert paged == {case_id, to_global_id("DisputeCase", other.id)}

    # Catching up: the organisation's feed holds both cases' events; from its end, nothing.
    feed = (await live.run("event-feed", org))["events"]
    assert feed["edges"]
    assert feed["pageInfo"]["hasNextPage"] is False
    end = feed["pageInfo"]["endCursor"]
    caught_up = (await live.run("event-feed", org, after=end))["events"]
    assert caught_up["edges"] == []
    assert caught_up["pageInfo"]["endCursor"] == end

    # Answer, upload evidence with the guide's curl, complete the file.
    answered = await live.run("answer-dispute", org, input__caseId=case_id)
    assert answered["submitResponse"]["case"]["stage"] == "FILE_REVIEW"
    cwd = workdir(tmp_path, upload_evidence=variables("upload-evidence", input__caseId=case_id))
    (cwd / "bank-statement.pdf").write_bytes(PDF)
    uploaded = await live.shell("upload", cwd, TOKEN=org)
    assert "errors" not in uploaded, uploaded
    assert uploaded["data"]["uploadDocument"]["userErrors"] == []
    document = uploaded["data"]["uploadDocument"]["document"]
    assert (document["filename"], document["contentType"]) == (
        "bank-statement.pdf",
        "application/pdf",
    )
    await w.act(w.complainant, await case_row(case_id), Action.SUBMIT_REPLY, reply="Still wrong.")
    completed = await live.run("complete-file", provider, input__caseId=case_id)
    assert completed["completeFile"]["case"]["stage"] == "IN_RESOLUTION"

    # The parties settle (people's steps); the organisation implements.
    case = await case_row(case_id)
    case = await w.act(w.complainant, case, Action.MAKE_OFFER, amount="110.00", terms="Refund")
    offer = await Offer.get(case_id=case.id)
    await w.act(w.agent, case, Action.ACCEPT_OFFER, offer_id=offer.id)
    implemented = await live.run("implement-outcome", org, input__caseId=case_id)
    assert implemented["recordImplementation"]["case"]["implementedAt"] is not None

    # The guide's subscriber gets the whole timeline from the start, then stops here.
    follow = exec_live_block("subscribe", monkeypatch, live.base)["follow"]
    head = (await case_row(case_id)).last_sequence
    streamed: list[dict[str, Any]] = []

    async def read() -> None:
        async for event in follow(case_id, org, variables("case-events")["afterSequence"]):
            streamed.append(event)
            if event["sequence"] == head:
                return

    await asyncio.wait_for(read(), 10)
    assert [e["sequence"] for e in streamed] == list(range(1, head + 1))
    assert "IMPLEMENTATION_RECORDED" in [e["kind"] for e in streamed]
    await w.act(w.complainant, await case_row(case_id), Action.CONFIRM_IMPLEMENTATION)

    # Follow the case (the guide's curl, then the example page by page) and verify it.
    cwd = workdir(tmp_path, follow_case=variables("follow-case", id=case_id))
    shown = (await live.shell("query", cwd, TOKEN=org))["data"]["case"]
    assert shown["stage"] == "CLOSED"
    assert [e["node"]["filename"] for e in shown["documents"]["edges"]] == ["bank-statement.pdf"]
    page = (await live.run("follow-case", org, id=case_id, events=3))["case"]["timeline"]
    rest = await live.run("follow-case", org, id=case_id, after=page["pageInfo"]["endCursor"])
    sequences = [e["node"]["sequence"] for e in page["edges"]]
    sequences += [e["node"]["sequence"] for e in rest["case"]["timeline"]["edges"]]
    assert sequences == [e["node"]["sequence"] for e in shown["timeline"]["edges"]]
    verified = await live.run("verify-timeline", org, caseId=case_id, receipt=shown["timelineHead"])
    assert verified["verifyTimeline"] == {
        "ok": True,
        "result": "INTACT",
        "length": shown["timelineHead"]["sequence"],
        "headHash": shown["timelineHead"]["hash"],
        "firstBrokenSequence": None,
    }

    # The subscription's deliveries, verified by the guide's receiver; a replay is a duplicate.
    sink = await start_mailsink(tmp_path / "mail")
    async with uvicorn_serving(receiver, hook_port, "off"):
        try:
            await deliver_all(Worker(mail_settings(live.settings, sink.port)))
        finally:
            await sink.stop()
        assert hooks.events, "no delivery reached the receiver"
        body, received = hooks.raw[0]
        headers = {k: v for k, v in received.items() if k.startswith(("webhook-", "content-type"))}
        async with httpx.AsyncClient() as plain:
            replay = await plain.post(hook_url, content=body, headers=headers)
            forged = await plain.post(
                hook_url, content=body.replace(b"}", b" }", 1), headers=headers
            )
    assert (replay.status_code, hooks.duplicates) == (204, 1)
    assert forged.status_code == 400
    # The subscription names EventKind values; a delivery's `type` is the stored kind.
    kinds = variables("create-webhook-subscription")["input"]["kinds"]
    assert {e["type"] for e in hooks.events} == {EventKind[kind].value for kind in kinds}
    assert all(e["data"]["case"]["id"].startswith("RGlzcHV0ZUNhc2U6") for e in hooks.events)

    # The organisation's own client reads the subscription's delivery log (issue 18).
    subscription_id = subscribed["createWebhookSubscription"]["subscription"]["id"]
    logged = (await live.run("webhook-delivery-log", org, id=subscription_id))["node"]
    attempts = [a for e in logged["deliveries"]["edges"] for a in e["node"]["attempts"]]
    assert {e["node"]["status"] for e in logged["deliveries"]["edges"]} == {"DELIVERED"}
    assert {a["responseStatus"] for a in attempts} == {204}


async def test_a_newcomer_runs_the_first_commands_on_another_port(
    db: str, settings: Settings, factory: Factory, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Issue 18: from a fresh clone, on a port that is not 8000, the guide's commands in order
    (create a client with the `portal` of `.venv`, get a token into `$TOKEN`, ask who you are,
    list the HTTP endpoints) work as written, and the token verifies with the guide's code
    against the issuer the port gives, PORTAL_PUBLIC_URL unset."""
    port = free_port()
    configured = load_settings(
        {"PORTAL_PORT": str(port)},
        data_dir=settings.data_dir,
        database_url=settings.database_url,
        log_json=False,
        smtp_port=9,
    )
    organisation = await factory.organisation()
    organisation.slug = DEMO_ORGANISATION
    await organisation.save(update_fields=["slug"])
    shown = re.fullmatch(r"export PORTAL_PORT=(\d+)", block("demo").splitlines()[0])
    assert shown is not None
    # A fresh clone after `./run demo`: the repository's files, and `.venv` with Parley in it.
    (tmp_path / ".venv").symlink_to(Path(sys.prefix), target_is_directory=True)
    shutil.copytree(EXAMPLES, tmp_path / "graphql" / "examples")
    names = ("createclient", "access_token", "first_query", "openapi")
    script = "\n".join(f"echo '--- {n}'\n{block(n)}" for n in names)
    env = {
        "PATH": os.environ["PATH"],
        "HOME": str(tmp_path),
        "PORTAL_DATA_DIR": configured.data_dir,
        "PORTAL_DATABASE_URL": configured.db_url,
        "PORTAL_LOG_JSON": "false",
    }

    app = create_app(configured, manage_orm=False)
    async with uvicorn_serving(app, port, "on"):
        process = await asyncio.create_subprocess_exec(
            "bash",
            "-euo",
            "pipefail",
            "-c",
            script.replace(shown.group(1), str(port)) + '\necho "--- token"\necho "$TOKEN"',
            cwd=tmp_path,
            env=env,
            stdout=asyncio.subprocess.PIPE,
            stderr=asyncio.subprocess.PIPE,
        )
        out, err = await process.communicate()
        assert process.returncode == 0, err.decode()
        parts = dict(part.split("\n", 1) for part in out.decode().split("--- ")[1:])
        verify = exec_live_block("verify_token", monkeypatch, f"http://127.0.0.1:{port}")["verify"]
        claims = await asyncio.to_thread(verify, parts["token"].strip())

    assert parts["createclient"].startswith("client_id:     parley_")
    assert json.loads(parts["first_query"])["data"]["viewer"] == {
        "kind": "SERVICE_ACCOUNT",
        "sandbox": False,
        "serviceAccount": {"name": "Acme CRM"},
    }
    assert claims["iss"] == f"http://127.0.0.1:{port}"
    assert claims["sub"].startswith("svc:")
    assert {"/oauth/token", "/openapi.json"} <= set(parts["openapi"].split())
    assert not (tmp_path / "client.txt").exists()
