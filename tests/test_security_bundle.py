"""Attacks on `portal verify-bundle` with hostile zips and forged signatures: each fails with a
clear message and its exit code (2: not a bundle it will read; 1: a check fails), never a
traceback, never a write outside, never a zip unpacked into memory past its limit."""

from __future__ import annotations

import base64
import hashlib
import json
import zipfile
from pathlib import Path

import jwt
import pytest

from portal.auth.keys import load_keyset
from portal.casefiles.bundle import MANIFEST, SIGNATURE
from portal.casefiles.bundle_check import MAX_UNPACKED_BYTES, read_bundle
from portal.casefiles.signing import SignatureInvalid, sign_manifest, verify_manifest
from portal.cli import main
from portal.settings import Settings

# A name that would land outside any folder it was unpacked to (it never is).
ABSOLUTE = "/var/tmp/parley-escaped.txt"  # noqa: S108
MANIFEST_BYTES = hashlib.sha256(b"x").hexdigest().encode() + b"  a.json\n"


def _jwks(settings: Settings, tmp_path: Path) -> list[str]:
    (tmp_path / "jwks.json").write_text(json.dumps(load_keyset(settings).jwks()))
    return ["--jwks", str(tmp_path / "jwks.json")]


def _detached(token: str) -> str:
    header, _payload, signature = token.split(".")
    return f"{header}..{signature}"


def test_a_zip_bomb_is_refused_before_it_is_unpacked(
    settings: Settings, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bomb = tmp_path / "bomb.zip"
    with zipfile.ZipFile(bomb, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("timeline.json", b"\0" * 20_000_000)  # about 20 kB packed
    assert bomb.stat().st_size < 100_000

    code = main(["verify-bundle", str(bomb), "--max-size", "10000000", *_jwks(settings, tmp_path)])

    assert code == 2
    err = capsys.readouterr().err
    assert "unpacks to 20000000 bytes, more than 10000000" in err
    assert "Traceback" not in err
    assert MAX_UNPACKED_BYTES == 2**30  # the default, as --help says


def test_a_member_stating_less_than_it_unpacks_to_is_refused(tmp_path: Path) -> None:
    """The directory's stated size bounds what is read: a member that unpacks to more fails
    its CRC (zipfile stops at the stated size) instead of filling memory."""
    liar = tmp_path / "liar.zip"
    with zipfile.ZipFile(liar, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("timeline.json", b"\0" * 5_000_000)
    raw = bytearray(liar.read_bytes())
    stated = (5_000_000).to_bytes(4, "little")
    small = (1_000).to_bytes(4, "little")
    # The local header and the central directory both say 5 MB; make both say 1 kB.
    assert raw.count(stated) == 2
    raw = bytearray(bytes(raw).replace(stated, small))
    liar.write_bytes(bytes(raw))

    with pytest.raises(ValueError, match="not a readable zip"):
        read_bundle(liar)


def test_duplicate_names_and_paths_that_climb_out_are_refused_and_nothing_is_written(
    settings: Settings, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    twice = tmp_path / "twice.zip"
    with zipfile.ZipFile(twice, "w") as archive:
        archive.writestr(MANIFEST, MANIFEST_BYTES)
        with pytest.warns(UserWarning, match="Duplicate name"):
            archive.writestr(MANIFEST, b"")
    climbing = tmp_path / "inner" / "climbing.zip"
    climbing.parent.mkdir()
    with zipfile.ZipFile(climbing, "w") as archive:
        for name in ("../../escaped.txt", ABSOLUTE, "a.json"):
            archive.writestr(name, b"x")
        archive.writestr(MANIFEST, MANIFEST_BYTES + MANIFEST_BYTES)  # a name listed twice
        archive.writestr(SIGNATURE, b"not a signature")
    jwks = _jwks(settings, tmp_path)
    before = sorted(p.name for p in tmp_path.rglob("*"))

    code_twice = main(["verify-bundle", str(twice), *jwks])
    err = capsys.readouterr().err
    code_climbing = main(["verify-bundle", str(climbing), *jwks])
    out = capsys.readouterr().out

    assert code_twice == 2
    assert "two members of the same name" in err
    assert code_climbing == 1
    assert "FAILED: ../../escaped.txt: in the zip, not in the manifest" in out
    assert f"FAILED: {ABSOLUTE}: in the zip, not in the manifest" in out
    assert "FAILED: MANIFEST.sha256.jws: not a detached compact JWS" in out
    assert sorted(p.name for p in tmp_path.rglob("*")) == before
    assert not Path(ABSOLUTE).exists()


def test_a_manifest_that_is_not_utf8_is_a_failed_check(
    settings: Settings, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    latin = tmp_path / "latin.zip"
    with zipfile.ZipFile(latin, "w") as archive:
        archive.writestr(MANIFEST, b"\xff\xfe  caf\xe9.json\n")
        archive.writestr(SIGNATURE, b"\xff")

    code = main(["verify-bundle", str(latin), *_jwks(settings, tmp_path)])

    out = capsys.readouterr().out
    assert code == 1
    assert f"FAILED: {MANIFEST} is not UTF-8 text" in out


def test_forged_signatures_are_refused_by_name(settings: Settings) -> None:
    keys = load_keyset(settings)
    jwks = keys.jwks()
    public = jwks["keys"][0]
    good = sign_manifest(MANIFEST_BYTES, keys)
    verify_manifest(MANIFEST_BYTES, good, jwks)
    unsigned = _detached(
        jwt.api_jws.encode(
            MANIFEST_BYTES, None, algorithm="none", headers={"kid": keys.signing_kid}
        )
    )
    # HS256 keyed with the public key's bytes (the classic algorithm confusion).
    confused = _detached(
        jwt.api_jws.encode(
            MANIFEST_BYTES,
            base64.urlsafe_b64decode(public["x"] + "=="),
            algorithm="HS256",
            headers={"kid": keys.signing_kid},
        )
    )
    stranger = jwt.api_jws.encode(
        MANIFEST_BYTES, keys.signing_key, algorithm="EdDSA", headers={"kid": "not-ours"}
    )

    refusals = {}
    for name, jws, keyset in (
        ("none", unsigned, jwks),
        ("hs256", confused, jwks),
        ("kid", _detached(stranger), jwks),
        ("keys-not-a-list", good, {"keys": 5}),
        ("no-keys", good, {}),
    ):
        with pytest.raises(SignatureInvalid) as refused:
            verify_manifest(MANIFEST_BYTES, jws, keyset)
        refusals[name] = str(refused.value)

    assert refusals == {
        "none": "algorithm 'none' is not EdDSA",
        "hs256": "algorithm 'HS256' is not EdDSA",
        "kid": "the JWKS has no key 'not-ours'",
        "keys-not-a-list": "the JWKS has no list of keys",
        "no-keys": "the JWKS has no list of keys",
    }
