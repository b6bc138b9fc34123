"""A case full of one person's data, and a search of every table for it (issue 19, D)."""

from __future__ import annotations

import io
from dataclasses import dataclass
from datetime import datetime

from tortoise import Tortoise

from portal.accounts.models import User
from portal.casefiles import services
from portal.casefiles.storage import storage_of
from portal.cases.models import DisputeCase
from portal.cases.services import Action
from portal.feedback.models import SatisfactionRecord, SurveyInvitation
from portal.feedback.states import QuestionKind, Respondent
from portal.settings import Settings
from portal.timeline.models import Visibility
from tests import samples
from tests.factories import Factory, World, actor_for, quick_world
from tests.test_api_support import in_file_review

NAME = "Wilhelmina Quarrington"
EMAIL = "wilhelmina.quarrington@example.org"
# What the complainant wrote, each where only their side (or everyone) may read it.
OWN_CAUCUS = "Between us: the meter was read by my neighbour Quarrington-7731."
TO_ALL = "I attach the bill of March, account 4471-QUARRINGTON."
REPLY = "The bill is still wrong, says Quarrington-reply."
COMMENT = "The mediator was patient with Quarrington-survey."
# What the organisation said among itself and to the neutral: never the complainant's to see.
OTHER_CAUCUS = "Org caucus: we could offer 60 EUR to Quarrington, no more."
ORG_INTERNAL = "Internal: Quarrington-internal has complained before."
DOCUMENT = samples.PDF.replace(b"<< /Type /Catalog >>", b"<< /Type /Catalog /Title (QRTN-DOC) >>")
# In the database (the document's content is in the storage, checked there).
PERSONAL = (NAME, EMAIL, OWN_CAUCUS, TO_ALL, REPLY, COMMENT)


@dataclass
class Populated:
    world: World
    case: DisputeCase
    person: User


async def populated(factory: Factory, settings: Settings, *, close: bool = True) -> Populated:
    """One case of a complainant named NAME with every kind of record naming them: complaint,
    case texts, messages in both caucuses, a document, a survey answer; closed by default."""
    w = await quick_world(factory)
    await User.filter(id=w.complainant.id).update(display_name=NAME, email=EMAIL)
    w.complainant = await User.get(id=w.complainant.id)
    case = await w.new_case(unresolved_reason=f"{NAME} was refused a refund.")
    case = await in_file_review(w, case)
    case = await w.act(w.complainant, case, Action.SUBMIT_REPLY, reply=REPLY)
    complainant, agent = await actor_for(w.complainant), await actor_for(w.agent)
    await services.post_message(complainant, case.id, OWN_CAUCUS, Visibility.CAUCUS_COMPLAINANT)
    await services.post_message(complainant, case.id, TO_ALL, Visibility.ALL_PARTIES)
    await services.post_message(agent, case.id, OTHER_CAUCUS, Visibility.CAUCUS_ORGANISATION)
    await services.post_message(agent, case.id, ORG_INTERNAL, Visibility.ORGANISATION_INTERNAL)
    await services.upload_document(
        storage_of(settings),
        complainant,
        case.id,
        services.IncomingFile("quarrington-bill.pdf", io.BytesIO(DOCUMENT)),
        Visibility.ALL_PARTIES,
        max_bytes=settings.document_max_bytes,
    )
    if close:
        case = await w.act(w.caseworker, case, Action.CLOSE, reason="discontinued", note="Ended.")
        await _survey(case, w.complainant, case.closed_at or case.stage_changed_at)
    return Populated(world=w, case=case, person=w.complainant)


async def _survey(case: DisputeCase, person: User, at: datetime) -> None:
    # Closing the case invited the complainant (the default survey); they answer it.
    invitation = await SurveyInvitation.get(case_id=case.id, recipient_id=person.id)
    await SurveyInvitation.filter(id=invitation.id).update(answered_at=at)
    await SatisfactionRecord.create(
        invitation=invitation,
        case=case,
        organisation_id=case.organisation_id,
        provider_id=case.provider_id,
        method=case.method,
        respondent=Respondent.COMPLAINANT,
        question="said",
        kind=QuestionKind.TEXT,
        comment=COMMENT,
        answered_at=at,
    )


async def found_in_database(*needles: str, skip: frozenset[str] = frozenset()) -> dict[str, str]:
    """Every table (but those in ``skip``) read whole; the tables each needle is found in."""
    found: dict[str, str] = {}
    for app in Tortoise.apps.values():
        for model in app.values():
            table = model._meta.db_table
            if table in skip:
                continue
            rows = str(await model.all().values()).lower()
            for needle in needles:
                if needle.lower() in rows:
                    found.setdefault(needle, table)
    return found
