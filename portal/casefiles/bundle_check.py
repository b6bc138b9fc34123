"""Checking a case bundle offline (`portal verify-bundle`): nothing here reads the database.

In order: the manifest's signature under the JWKS; that the manifest lists every member and
each member's SHA-256 holds; the timeline's hash chain, recomputed from the bundle alone
(withheld events linked by their hashes) up to the head it states; and each message's text
against its digest and against the digest the chain recorded when it was posted (the
`text_digest` of its latest event that names it). A redacted message has no text to compare;
its place on the chain is still checked (issue 19, "Shared ground").
"""

from __future__ import annotations

import hashlib
import uuid
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import orjson

from portal.casefiles.bundle import MANIFEST, MESSAGES, SIGNATURE, TIMELINE
from portal.casefiles.signing import SignatureInvalid, verify_manifest
from portal.ids import parse_global_id
from portal.timeline.chain import GENESIS, is_erased, link_of, payload_digest, text_digest


@dataclass
class BundleReport:
    """What was checked, and every problem found (none: the bundle holds)."""

    problems: list[str] = field(default_factory=list)
    checked: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems

    def lines(self) -> list[str]:
        return [f"ok: {c}" for c in self.checked] + [f"FAILED: {p}" for p in self.problems]


# What a bundle may hold before any member is read (the check keeps every member in memory):
# the sizes the zip's directory states, which bound what reading it yields (zipfile stops at
# the stated size, and a member whose bytes then fail their CRC is refused). A zip bomb of a
# few kilobytes stating gigabytes is refused without unpacking anything; `--max-size` lets a
# larger real bundle through.
MAX_UNPACKED_BYTES = 2**30
MAX_MEMBERS = 100_000


def read_bundle(path: Path, max_bytes: int | None = None) -> dict[str, bytes]:
    """Every member of the zip, by name; raises ValueError for what is not a readable zip
    (a member whose CRC no longer holds included), and for one that would unpack to more
    than ``max_bytes`` or hold more than MAX_MEMBERS members. Nothing is written anywhere:
    a member's name (`../x`, `/etc/x`) is only a key."""
    if max_bytes is None:
        max_bytes = MAX_UNPACKED_BYTES
    try:
        with zipfile.ZipFile(path) as archive:
            infos = archive.infolist()
            if len(infos) > MAX_MEMBERS:
                raise ValueError(f"the zip holds {len(infos)} members, more than {MAX_MEMBERS}")
            names = [info.filename for info in infos]
            if len(set(names)) != len(names):
                raise ValueError("the zip holds two members of the same name")
            stated = sum(info.file_size for info in infos)
            if stated > max_bytes:
                raise ValueError(
                    f"the zip unpacks to {stated} bytes, more than {max_bytes} "
                    "(--max-size raises the limit for a bundle that is that large)"
                )
            return {info.filename: archive.read(info) for info in infos}
    except (zipfile.BadZipFile, OSError, EOFError, NotImplementedError) as exc:
        raise ValueError(f"not a readable zip: {exc}") from exc


def check_bundle(members: dict[str, bytes], jwks: dict[str, Any]) -> BundleReport:
    report = BundleReport()
    manifest = members.get(MANIFEST)
    signature = members.get(SIGNATURE)
    if manifest is None or signature is None:
        report.problems.append(f"{MANIFEST} or {SIGNATURE} is missing")
        return report
    try:
        verify_manifest(manifest, signature.decode("ascii"), jwks)
        report.checked.append(f"{SIGNATURE}: the manifest is signed by a key of the JWKS")
    except (SignatureInvalid, UnicodeDecodeError) as exc:
        report.problems.append(f"{SIGNATURE}: {exc}")
    listed = _check_sums(members, manifest, report)
    timeline = _json(members, TIMELINE, listed, report)
    hashes: dict[int, dict[str, Any]] = {}
    before = len(report.problems)
    if timeline is not None:
        hashes = _check_chain(timeline, report)
    # Only a whole chain can say that no event records a message (a broken one stops early).
    whole = timeline is not None and len(report.problems) == before
    messages = _json(members, MESSAGES, listed, report)
    if messages is not None:
        _check_messages(messages, hashes, report, whole=whole)
    return report


def _check_sums(members: dict[str, bytes], manifest: bytes, report: BundleReport) -> set[str]:
    listed: set[str] = set()
    before = len(report.problems)
    try:
        lines = manifest.decode().splitlines()
    except UnicodeDecodeError:
        report.problems.append(f"{MANIFEST} is not UTF-8 text")
        return listed
    for line in lines:
        digest, sep, name = line.partition("  ")
        if not sep or len(digest) != 64:
            report.problems.append(f"{MANIFEST}: a line is not `<sha256>  <name>`: {line!r}")
            continue
        listed.add(name)
        content = members.get(name)
        if content is None:
            report.problems.append(f"{name}: listed in the manifest, missing from the zip")
        elif hashlib.sha256(content).hexdigest() != digest:
            report.problems.append(f"{name}: its SHA-256 is not the manifest's")
    unlisted = set(members) - listed - {MANIFEST, SIGNATURE}
    for name in sorted(unlisted):
        report.problems.append(f"{name}: in the zip, not in the manifest")
    if len(report.problems) == before:
        report.checked.append(f"{MANIFEST}: all {len(listed)} SHA-256 sums hold")
    return listed


def _json(
    members: dict[str, bytes], name: str, listed: set[str], report: BundleReport
) -> dict[str, Any] | None:
    if name not in members or name not in listed:
        report.problems.append(f"{name}: missing")
        return None
    try:
        value = orjson.loads(members[name])
    except orjson.JSONDecodeError as exc:
        report.problems.append(f"{name}: not JSON ({exc})")
        return None
    if not isinstance(value, dict):
        report.problems.append(f"{name}: not a JSON object")
        return None
    return value


def _uuid_of(value: str) -> uuid.UUID:
    """A bundle names objects by global ID (a bundle made before issue 18: by UUID); the chain
    hashed the UUIDs."""
    parsed = parse_global_id(value)
    return parsed[1] if parsed is not None else uuid.UUID(value)


def _check_chain(timeline: dict[str, Any], report: BundleReport) -> dict[int, dict[str, Any]]:
    """Recompute the chain; returns the readable events by sequence when it holds."""
    try:
        case_id = _uuid_of(str(timeline["case_id"]))
        head = timeline["head"]
        if not isinstance(head, dict):
            raise TypeError("the head is not an object")
        stated = {int(e["sequence"]): (e, True) for e in timeline["events"]}
        for w in timeline["withheld"]:
            if int(w["sequence"]) in stated:
                raise ValueError(f"sequence {w['sequence']} is listed twice")
            stated[int(w["sequence"])] = (w, False)
    except (KeyError, TypeError, ValueError, AttributeError) as exc:
        report.problems.append(f"{TIMELINE}: not a Parley timeline ({exc})")
        return {}
    prev = GENESIS
    for expected in range(1, len(stated) + 1):
        if expected not in stated:
            report.problems.append(f"{TIMELINE}: the chain breaks at sequence {expected} (missing)")
            return {}
        event, readable = stated[expected]
        try:
            intact = event["prev_hash"] == prev and isinstance(event["hash"], str)
            if readable:
                payload = event["payload"]
                intact = (
                    intact
                    and (is_erased(payload) or payload_digest(payload) == event["payload_digest"])
                    and link_of(case_id, event)[0].hash() == event["hash"]
                )
        except (KeyError, TypeError, ValueError, AttributeError, orjson.JSONEncodeError):
            intact = False
        if not intact:
            report.problems.append(f"{TIMELINE}: the chain breaks at sequence {expected}")
            return {}
        prev = event["hash"]
    if head != {"sequence": len(stated), "hash": prev}:
        report.problems.append(f"{TIMELINE}: the chain does not end at the head it states")
        return {}
    readable_events = {s: e for s, (e, r) in stated.items() if r}
    report.checked.append(
        f"{TIMELINE}: the chain of {len(stated)} events holds up to its head "
        f"({len(stated) - len(readable_events)} withheld from this reader)"
    )
    return readable_events


def _message_digests(payload: Any) -> list[dict[str, Any]]:
    """The message digests one event's payload records: `message_posted` names its message;
    `records_anchored` (migration 0023) lists the messages posted before the chain covered
    their text."""
    if not isinstance(payload, dict):
        return []
    if "message_id" in payload and "text_digest" in payload:
        return [payload]
    listed = payload.get("messages")
    if isinstance(listed, list):
        return [
            m for m in listed if isinstance(m, dict) and {"message_id", "text_digest"} <= set(m)
        ]
    return []


def _check_messages(
    messages: dict[str, Any],
    events: dict[int, dict[str, Any]],
    report: BundleReport,
    *,
    whole: bool,
) -> None:
    recorded: dict[str, str] = {}  # message id -> the digest its latest event records
    for sequence in sorted(events):
        for named in _message_digests(events[sequence]["payload"]):
            recorded[str(named["message_id"])] = str(named["text_digest"])
    found, before = 0, len(report.problems)
    try:
        listed = list(messages["messages"])
        for message in listed:
            ident, body, digest = message["id"], message["body"], message["text_digest"]
            key = str(_uuid_of(str(ident)))  # as the chain's payloads name it
            if body is None:
                continue  # redacted: no text to compare; its event is on the chain above
            if text_digest(body) != digest:
                report.problems.append(f"{MESSAGES}: message {ident}: its text is not its digest")
                continue
            if key not in recorded:
                if not whole:
                    continue
                report.problems.append(
                    f"{MESSAGES}: message {ident}: no event of the chain records its digest"
                )
                continue
            found += 1
            if recorded[key] != digest:
                report.problems.append(
                    f"{MESSAGES}: message {ident}: its text is not the one the chain recorded"
                )
    except (KeyError, TypeError, ValueError, AttributeError, UnicodeEncodeError) as exc:
        report.problems.append(f"{MESSAGES}: not a Parley message list ({exc})")
        return
    if len(report.problems) == before:
        report.checked.append(
            f"{MESSAGES}: {len(listed)} messages, each text its digest; {found} "
            "held against the chain's text digests"
        )
