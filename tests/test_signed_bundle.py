"""Issue 19, deliverable 2: the case bundle holds the messages too, and its manifest is signed
by the installation's key published in the JWKS; `portal verify-bundle` checks it offline
(signature, every SHA-256, the chain inside, the message digests) and fails after any single
byte of any member changes, the signature included."""

from __future__ import annotations

import base64
import dataclasses
import hashlib
import io
import json
import uuid
import zipfile
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import httpx
import orjson
import pytest
from starlette.applications import Starlette

from portal.auth.keys import load_keyset
from portal.casefiles.bundle import MANIFEST, MESSAGES, SIGNATURE, TIMELINE, write_bundle
from portal.casefiles.bundle_check import check_bundle
from portal.casefiles.models import Message
from portal.casefiles.services import case_access, post_message
from portal.casefiles.signing import SignatureInvalid, sign_manifest, verify_manifest
from portal.casefiles.storage import storage_of
from portal.cases.events import EventKind
from portal.cases.models import DisputeCase
from portal.cli import main
from portal.ids import global_id
from portal.settings import Settings
from portal.timeline.models import TimelineEvent, Visibility
from portal.timeline.services import append, erase_payload
from tests import samples
from tests.casefile_support import bearer, download, uploaded
from tests.factories import Factory, World, actor_for, quick_world
from tests.test_api_support import case_id, token_for
from tests.test_docs_operations import sh

BUNDLE_LINK = "query Q($id: ID!) { case(id: $id) { bundleLink { url } } }"


async def _filed(w: World) -> DisputeCase:
    """A case with a document, a message to all parties and one the complainant may not read."""
    case = await w.new_case()
    await post_message(
        await actor_for(w.complainant), case.id, "Billed twice.", Visibility.ALL_PARTIES
    )
    await post_message(
        await actor_for(w.agent),
        case.id,
        "Internal: check the ledger.",
        Visibility.ORGANISATION_INTERNAL,
    )
    return case


async def _bundle(settings: Settings, w: World, case: DisputeCase) -> dict[str, bytes]:
    out = io.BytesIO()
    found = await case_access(await actor_for(w.complainant), case.id)
    await write_bundle(storage_of(settings), found, out, load_keyset(settings))
    with zipfile.ZipFile(out) as archive:
        return {n: archive.read(n) for n in archive.namelist()}


async def test_a_downloaded_bundle_verifies_offline_against_the_published_jwks(
    client: httpx.AsyncClient,
    app: Starlette,
    factory: Factory,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    w = await quick_world(factory)
    case = await _filed(w)
    token = await token_for(app, w.complainant)
    await uploaded(client, token, case_id(case), "claim.pdf", samples.PDF)
    link = (
        await client.post(
            "/graphql",
            json={"query": BUNDLE_LINK, "variables": {"id": case_id(case)}},
            headers=bearer(token),
        )
    ).json()
    response = await download(client, token, link["data"]["case"]["bundleLink"]["url"])
    jwks = (await client.get("/.well-known/jwks.json")).content
    (tmp_path / "bundle.zip").write_bytes(response.content)
    (tmp_path / "jwks.json").write_bytes(jwks)

    code = main(
        ["verify-bundle", str(tmp_path / "bundle.zip"), "--jwks", str(tmp_path / "jwks.json")]
    )
    out = capsys.readouterr().out

    assert code == 0, out
    assert "The bundle holds." in out
    archive = zipfile.ZipFile(io.BytesIO(response.content))
    assert archive.namelist()[-2:] == [MANIFEST, SIGNATURE]
    messages = json.loads(archive.read(MESSAGES))["messages"]
    # The complainant's bundle: their message with its text; the internal one not at all.
    assert [m["body"] for m in messages] == ["Billed twice."]
    timeline = json.loads(archive.read(TIMELINE))
    assert len(timeline["events"]) + len(timeline["withheld"]) == timeline["head"]["sequence"]
    assert timeline["withheld"]
    assert "kind" not in timeline["withheld"][0]
    assert b"ledger" not in response.content
    header = json.loads(_b64(archive.read(SIGNATURE).split(b".")[0]))
    assert header["alg"] == "EdDSA"
    assert header["kid"] in {k["kid"] for k in json.loads(jwks)["keys"]}


def _b64(part: bytes) -> bytes:
    return base64.urlsafe_b64decode(part + b"=" * (-len(part) % 4))


async def test_any_single_byte_changed_in_any_member_fails_the_check(
    settings: Settings, factory: Factory
) -> None:
    w = await quick_world(factory)
    case = await _filed(w)
    members = await _bundle(settings, w, case)
    jwks = load_keyset(settings).jwks()
    assert check_bundle(members, jwks).ok, check_bundle(members, jwks).lines()

    for name, content in members.items():
        for position in range(len(content)):
            changed = bytearray(content)
            changed[position] ^= 0x01
            report = check_bundle({**members, name: bytes(changed)}, jwks)
            assert not report.ok, (name, position)
    # A member added, or one taken away, fails too.
    assert not check_bundle({**members, "extra.txt": b"x"}, jwks).ok
    for name in members:
        assert not check_bundle({k: v for k, v in members.items() if k != name}, jwks).ok


async def test_a_bundle_signed_by_another_key_or_checked_against_another_jwks_fails(
    settings: Settings, factory: Factory, tmp_path: Path
) -> None:
    w = await quick_world(factory)
    members = await _bundle(settings, w, await _filed(w))
    other = load_keyset(dataclasses.replace(settings, data_dir=str(tmp_path)))
    manifest, jws = members[MANIFEST], members[SIGNATURE].decode()

    verify_manifest(manifest, jws, load_keyset(settings).jwks())
    with pytest.raises(SignatureInvalid):
        verify_manifest(manifest, jws, other.jwks())
    with pytest.raises(SignatureInvalid):
        verify_manifest(manifest, sign_manifest(manifest, other), load_keyset(settings).jwks())
    with pytest.raises(SignatureInvalid):
        verify_manifest(manifest + b"\n", jws, load_keyset(settings).jwks())


async def _resigned(
    settings: Settings, members: dict[str, bytes], name: str, content: bytes
) -> dict[str, bytes]:
    """``members`` with one member replaced and the manifest re-hashed and re-signed by the
    installation's own key: what only the checks past the signature can catch."""

    lines = [
        f"{hashlib.sha256(content).hexdigest()}  {n}" if n == name else line
        for line in members[MANIFEST].decode().splitlines()
        for n in [line.split("  ", 1)[1]]
    ]
    manifest = ("\n".join(lines) + "\n").encode()
    keys = load_keyset(settings)
    return {
        **members,
        name: content,
        MANIFEST: manifest,
        SIGNATURE: sign_manifest(manifest, keys).encode(),
    }


async def test_a_message_text_is_held_against_the_digest_the_chain_recorded(
    settings: Settings, factory: Factory
) -> None:
    """The `text_digest` of a `message_posted` payload (part A of issue 19) is checked when it
    is there: a text altered in the database after it was posted fails the bundle, even with a
    manifest re-signed by the installation; a redacted message has no text and passes."""
    w = await quick_world(factory)
    case = await _filed(w)
    at = datetime.now(UTC)
    row = await DisputeCase.get(id=case.id)
    message = await Message.create(
        case_id=case.id,
        visibility=Visibility.ALL_PARTIES,
        author_id=w.complainant.id,
        author_role="complainant",
        body="The refund was 120 EUR.",
        created_at=at,
    )

    digest = hashlib.sha256(message.body.encode()).hexdigest()
    await append(
        row,
        EventKind.MESSAGE_POSTED.value,
        at=at,
        actor_id=w.complainant.id,
        actor_role="complainant",
        visibility=Visibility.ALL_PARTIES,
        payload={"message_id": str(message.id), "reply_to_id": None, "text_digest": digest},
    )
    await row.save(update_fields=["last_sequence", "head_hash"])
    jwks = load_keyset(settings).jwks()

    intact = check_bundle(await _bundle(settings, w, case), jwks)
    await Message.filter(id=message.id).update(body="The refund was 12 EUR.")
    altered = check_bundle(await _bundle(settings, w, case), jwks)
    await Message.filter(id=message.id).update(body="", redacted_at=at)
    redacted_members = await _bundle(settings, w, case)
    redacted = check_bundle(redacted_members, jwks)
    members = await _bundle(settings, w, case)
    listed = orjson.loads(members[MESSAGES])
    listed["messages"][0]["body"] = "Billed three times."
    forged = check_bundle(await _resigned(settings, members, MESSAGES, orjson.dumps(listed)), jwks)

    assert intact.ok, intact.lines()
    assert any("2 held against the chain" in line for line in intact.checked), intact.checked
    assert [p for p in altered.problems] == [
        # messages.json names a message by its global ID, as the API does (issue 18)
        f"{MESSAGES}: message {global_id('Message', message.id)}: its text is not the one the "
        "chain recorded"
    ]
    assert redacted.ok, redacted.lines()
    assert [m["body"] for m in orjson.loads(redacted_members[MESSAGES])["messages"]][-1] is None
    assert any("its text is not its digest" in p for p in forged.problems)


async def test_a_chain_altered_inside_a_resigned_bundle_is_named_by_its_sequence(
    settings: Settings, factory: Factory
) -> None:
    w = await quick_world(factory)
    members = await _bundle(settings, w, await _filed(w))
    timeline: dict[str, Any] = orjson.loads(members[TIMELINE])
    timeline["events"][1]["actor_role"] = "neutral"
    second = timeline["events"][1]["sequence"]
    jwks = load_keyset(settings).jwks()

    report = check_bundle(
        await _resigned(settings, members, TIMELINE, orjson.dumps(timeline)), jwks
    )

    assert report.problems == [f"{TIMELINE}: the chain breaks at sequence {second}"]


async def test_a_message_no_event_of_a_whole_chain_records_fails_the_check(
    settings: Settings, factory: Factory
) -> None:
    """A message slipped into a re-signed bundle, whose digest no event of the (intact) chain
    records, is named: the chain covers every message's text, posted or anchored (0023)."""
    w = await quick_world(factory)
    members = await _bundle(settings, w, await _filed(w))
    listed: dict[str, Any] = orjson.loads(members[MESSAGES])
    body = "I never agreed to this."
    slipped = str(uuid.uuid4())
    listed["messages"].append(
        {"id": slipped, "body": body, "text_digest": hashlib.sha256(body.encode()).hexdigest()}
    )
    jwks = load_keyset(settings).jwks()

    report = check_bundle(await _resigned(settings, members, MESSAGES, orjson.dumps(listed)), jwks)

    assert report.problems == [
        f"{MESSAGES}: message {slipped}: no event of the chain records its digest"
    ]


async def test_verify_bundle_exits_1_with_the_problem_and_2_for_what_is_not_a_bundle(
    settings: Settings, factory: Factory, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    w = await quick_world(factory)
    members = await _bundle(settings, w, await _filed(w))
    (tmp_path / "jwks.json").write_text(json.dumps(load_keyset(settings).jwks()))
    changed = bytearray(members[TIMELINE])
    changed[10] ^= 0x01
    with zipfile.ZipFile(tmp_path / "bad.zip", "w") as archive:
        for name, content in {**members, TIMELINE: bytes(changed)}.items():
            archive.writestr(name, content)
    (tmp_path / "not.zip").write_bytes(b"PK\x03\x04 not a zip")
    jwks = ["--jwks", str(tmp_path / "jwks.json")]

    bad = main(["verify-bundle", str(tmp_path / "bad.zip"), *jwks])
    bad_out = capsys.readouterr().out
    unreadable = main(["verify-bundle", str(tmp_path / "not.zip"), *jwks])
    unreadable_err = capsys.readouterr().err

    assert bad == 1
    assert f"FAILED: {TIMELINE}: its SHA-256 is not the manifest's" in bad_out
    assert "does NOT hold" in bad_out
    assert unreadable == 2
    assert "not a readable zip" in unreadable_err


async def test_the_documented_offline_check_with_standard_tools_passes_and_fails_as_it_should(
    settings: Settings, factory: Factory, tmp_path: Path
) -> None:
    """docs/operations.md: unzip, sha256sum, openssl and python3 alone check a real bundle;
    the same commands fail on a bundle whose manifest was changed, or whose chain was."""
    w = await quick_world(factory)
    members = await _bundle(settings, w, await _filed(w))
    jwks = json.dumps(load_keyset(settings).jwks())

    def folder(name: str, bundle: dict[str, bytes]) -> Path:
        where = tmp_path / name
        where.mkdir()
        (where / "jwks.json").write_text(jwks)
        with zipfile.ZipFile(where / "bundle.zip", "w") as archive:
            for member, content in bundle.items():
                archive.writestr(member, content)
        return where

    good = folder("good", members)
    await sh("verify_bundle_offline", good)
    await sh("verify_bundle_chain", good / "checked")

    manifest = bytearray(members[MANIFEST])
    manifest[0] ^= 0x01  # the first digest's first digit: a manifest no longer signed
    unsigned = folder("unsigned", {**members, MANIFEST: bytes(manifest)})
    with pytest.raises(AssertionError, match="verify_bundle_offline"):
        await sh("verify_bundle_offline", unsigned)
    jws = members[SIGNATURE].decode()
    middle = len(jws) - 40  # inside the signature's part
    forged = jws[:middle] + ("B" if jws[middle] == "A" else "A") + jws[middle + 1 :]
    resigned = folder("forged", {**members, SIGNATURE: forged.encode()})
    with pytest.raises(AssertionError, match="verify_bundle_offline"):
        await sh("verify_bundle_offline", resigned)
    timeline: dict[str, Any] = orjson.loads(members[TIMELINE])
    timeline["events"][0]["kind"] = "case_closed"
    rechained = folder(
        "rechained", await _resigned(settings, members, TIMELINE, orjson.dumps(timeline))
    )
    await sh("verify_bundle_offline", rechained)  # signed by the installation: sums and JWS hold
    with pytest.raises(AssertionError, match="the chain breaks at sequence 1"):
        await sh("verify_bundle_chain", rechained / "checked")


async def test_an_erased_payload_leaves_the_bundle_verifiable(
    settings: Settings, factory: Factory
) -> None:
    """Retention or an erasure empties a payload (its digest stays): the chain inside the
    bundle still holds, with nothing of what the payload said."""
    w = await quick_world(factory)
    case = await _filed(w)
    event = await TimelineEvent.get(case_id=case.id, sequence=1)
    await erase_payload(event.id, datetime.now(UTC))

    members = await _bundle(settings, w, case)
    report = check_bundle(members, load_keyset(settings).jwks())

    assert report.ok, report.lines()
    assert orjson.loads(members[TIMELINE])["events"][0]["payload"].keys() == {"_erased"}
