"""A document whose content retention or an erasure removed (issue 19, `redacted_at`): its
record stays, its download says the content is gone (410, not a server error), and the case's
bundle is still made without it and still verifies offline."""

from __future__ import annotations

import io
import zipfile
from datetime import UTC, datetime

import httpx
from starlette.applications import Starlette

from portal.accesslog.models import AccessAction, AccessRecord
from portal.auth.keys import load_keyset
from portal.casefiles.bundle import write_bundle
from portal.casefiles.bundle_check import check_bundle
from portal.casefiles.models import Document
from portal.casefiles.services import case_access
from portal.casefiles.storage import storage_of
from portal.cases.models import DisputeCase
from portal.ids import decode_id
from portal.settings import Settings
from tests import samples
from tests.casefile_support import bearer, path_of, uploaded
from tests.factories import Factory, actor_for, gql, quick_world
from tests.test_api_support import case_id, token_for


async def test_a_redacted_document_answers_410_and_its_bundle_still_verifies(
    client: httpx.AsyncClient, app: Starlette, factory: Factory, settings: Settings
) -> None:
    w = await quick_world(factory)
    case = await w.new_case()
    token = await token_for(app, w.complainant)
    kept = await uploaded(client, token, case_id(case), "bill.png", samples.PNG)
    gone = await uploaded(client, token, case_id(case), "letter.png", samples.PNG)
    storage = storage_of(settings)
    row = await Document.get(id=decode_id(gone["id"], "Document"))
    await storage.delete(row.storage_key)  # as retention removes it
    await Document.filter(id=row.id).update(redacted_at=datetime.now(UTC))

    answer = await client.get(path_of(gone["downloadLink"]["url"]), headers=bearer(token))
    still = await client.get(path_of(kept["downloadLink"]["url"]), headers=bearer(token))

    shown = await gql(
        client,
        "query N($id: ID!) { node(id: $id) { ... on Document { redactedAt sha256 } } }",
        {"id": gone["id"]},
        token=token,
    )
    assert shown.json()["data"]["node"]["redactedAt"] is not None
    assert shown.json()["data"]["node"]["sha256"] == gone["sha256"]
    assert answer.status_code == 410
    assert answer.json()["errors"][0]["extensions"]["code"] == "CONTENT_REDACTED"
    assert still.status_code == 200
    # A refused read is no read: only the served download is in the access log.
    downloads = await AccessRecord.filter(action=AccessAction.DOCUMENT_DOWNLOAD).count()
    assert downloads == 1

    out = io.BytesIO()
    found = await case_access(await actor_for(w.complainant), case.id)
    await write_bundle(storage, found, out, load_keyset(settings))
    with zipfile.ZipFile(out) as archive:
        members = {n: archive.read(n) for n in archive.namelist()}
    names = [n for n in members if n.startswith("documents/")]
    assert [n.rsplit("/", 1)[1] for n in names] == ["bill.png"]
    report = check_bundle(members, load_keyset(settings).jwks())
    assert report.ok, report.lines()
    assert (await DisputeCase.get(id=case.id)).head_hash
