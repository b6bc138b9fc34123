"""Per-request DataLoaders: one SQL statement per relation per request, whatever the page size."""

from __future__ import annotations

import uuid
from collections import defaultdict
from collections.abc import Awaitable, Callable, Sequence
from functools import cached_property
from typing import Any, TypeVar

from strawberry.dataloader import DataLoader
from tortoise.models import Model

from portal.accounts.models import Membership, Organisation, Provider, ServiceAccount, User
from portal.api.casefiles.loaders import UnreadKey, unread_counts
from portal.api.cases import loaders as case_loaders
from portal.api.cases.loaders import CaseAccess, TimelinePage
from portal.api.complaints.loaders import (
    ClockState,
    cases_by_complaint,
    clocks_by_complaint,
    steps_by_complaint,
)
from portal.api.directory import loaders as directory_loaders
from portal.automated.models import AutomatedDecision, AutomatedReview
from portal.cases.duties import DueDuty, due_duties
from portal.cases.engine import now
from portal.cases.extensions import Extension
from portal.cases.models import (
    CaseParticipant,
    Clock,
    Consent,
    DisputeCase,
    NeutralAppointment,
    Objection,
    Offer,
    Outcome,
    Scheme,
)
from portal.complaints.models import Complaint, ComplaintStep
from portal.directory.models import NeutralProfile, ProviderProfile
from portal.feedback.models import SurveyInvitation
from portal.fees.models import FeeInvoice

M = TypeVar("M", bound=Model)


def by_id(model: type[M]) -> Callable[[list[uuid.UUID]], Awaitable[Sequence[M | None]]]:
    async def load(ids: list[uuid.UUID]) -> Sequence[M | None]:
        rows = {row.pk: row for row in await model.filter(id__in=ids)}
        return [rows.get(i) for i in ids]

    return load


async def _memberships_by_user(user_ids: list[uuid.UUID]) -> list[list[Membership]]:
    grouped: dict[uuid.UUID, list[Membership]] = defaultdict(list)
    for row in await Membership.filter(user_id__in=user_ids).order_by("created_at"):
        grouped[row.user_id].append(row)
    return [grouped[i] for i in user_ids]


class Loaders:
    """The request's loaders, each made on first use: a request that reads no cases builds
    none of the case loaders."""

    def __init__(self) -> None:
        # What the actor is on each case, worked out once per case per request (the roles
        # come from rows the loaders below fetch; see portal.api.cases.access).
        self.case_access: dict[uuid.UUID, CaseAccess] = {}

    @cached_property
    def automated_by_event(self) -> DataLoader[int, AutomatedDecision | None]:
        """Issue 20, 3: the automated decision a timeline event records, if any."""

        async def load(ids: list[int]) -> list[AutomatedDecision | None]:
            rows = {r.event_id: r for r in await AutomatedDecision.filter(event_id__in=ids)}
            return [rows.get(i) for i in ids]

        return DataLoader(load)

    @cached_property
    def automated_review_by_decision(self) -> DataLoader[uuid.UUID, AutomatedReview | None]:
        async def load(ids: list[uuid.UUID]) -> list[AutomatedReview | None]:
            rows = {r.decision_id: r for r in await AutomatedReview.filter(decision_id__in=ids)}
            return [rows.get(i) for i in ids]

        return DataLoader(load)

    @cached_property
    def user(self) -> DataLoader[uuid.UUID, User | None]:
        return DataLoader(by_id(User))

    @cached_property
    def organisation(self) -> DataLoader[uuid.UUID, Organisation | None]:
        return DataLoader(by_id(Organisation))

    @cached_property
    def provider(self) -> DataLoader[uuid.UUID, Provider | None]:
        return DataLoader(by_id(Provider))

    @cached_property
    def service_account(self) -> DataLoader[uuid.UUID, ServiceAccount | None]:
        return DataLoader(by_id(ServiceAccount))

    @cached_property
    def memberships_by_user(self) -> DataLoader[uuid.UUID, list[Membership]]:
        return DataLoader(_memberships_by_user)

    @cached_property
    def complaint(self) -> DataLoader[uuid.UUID, Complaint | None]:
        return DataLoader(by_id(Complaint))

    @cached_property
    def complaint_steps(self) -> DataLoader[uuid.UUID, list[ComplaintStep]]:
        return DataLoader(steps_by_complaint)

    @cached_property
    def complaint_clocks(self) -> DataLoader[uuid.UUID, list[ClockState]]:
        """Each complaint's clocks and which are late, as of the request's first use."""
        at = now()

        async def load(ids: list[uuid.UUID]) -> list[list[ClockState]]:
            return await clocks_by_complaint(ids, at)

        return DataLoader(load)

    @cached_property
    def case(self) -> DataLoader[uuid.UUID, DisputeCase | None]:
        return DataLoader(by_id(DisputeCase))

    @cached_property
    def case_by_reference(self) -> DataLoader[str, DisputeCase | None]:
        return DataLoader(case_loaders.cases_by_reference)

    @cached_property
    def case_by_complaint(self) -> DataLoader[uuid.UUID, DisputeCase | None]:
        return DataLoader(cases_by_complaint)

    @cached_property
    def offer(self) -> DataLoader[uuid.UUID, Offer | None]:
        return DataLoader(by_id(Offer))

    @cached_property
    def participants_by_case(self) -> DataLoader[uuid.UUID, list[CaseParticipant]]:
        return DataLoader(case_loaders.participants_by_case)

    @cached_property
    def appointments_by_case(self) -> DataLoader[uuid.UUID, list[NeutralAppointment]]:
        return DataLoader(case_loaders.appointments_by_case)

    @cached_property
    def objections_by_appointment(self) -> DataLoader[uuid.UUID, list[Objection]]:
        return DataLoader(case_loaders.objections_by_appointment)

    @cached_property
    def clocks_by_case(self) -> DataLoader[uuid.UUID, list[Clock]]:
        return DataLoader(case_loaders.clocks_by_case)

    @cached_property
    def due_duties_by_case(self) -> DataLoader[uuid.UUID, list[DueDuty]]:
        """Each case's owed duty clocks, soonest first, as of the request's first use."""
        at = now()

        async def load(ids: list[uuid.UUID]) -> list[list[DueDuty]]:
            found = await due_duties(ids, at)
            return [found.get(i, []) for i in ids]

        return DataLoader(load)

    @cached_property
    def offers_by_case(self) -> DataLoader[uuid.UUID, list[Offer]]:
        return DataLoader(case_loaders.offers_by_case)

    @cached_property
    def outcomes_by_case(self) -> DataLoader[uuid.UUID, list[Outcome]]:
        return DataLoader(case_loaders.outcomes_by_case)

    @cached_property
    def consents_by_case(self) -> DataLoader[uuid.UUID, list[Consent]]:
        return DataLoader(case_loaders.consents_by_case)

    @cached_property
    def fee_invoices_by_case(self) -> DataLoader[uuid.UUID, list[FeeInvoice]]:
        return DataLoader(case_loaders.fee_invoices_by_case)

    @cached_property
    def clock_extensions_by_case(self) -> DataLoader[uuid.UUID, dict[uuid.UUID, list[Extension]]]:
        return DataLoader(case_loaders.clock_extensions_by_case)

    @cached_property
    def timeline_page(self) -> DataLoader[TimelinePage, list[dict[str, Any]]]:
        return DataLoader(case_loaders.timeline_pages)

    @cached_property
    def provider_profile(self) -> DataLoader[uuid.UUID, ProviderProfile | None]:
        return DataLoader(directory_loaders.profiles_by_provider)

    @cached_property
    def scheme(self) -> DataLoader[uuid.UUID, Scheme | None]:
        return DataLoader(by_id(Scheme))

    @cached_property
    def schemes_by_provider(self) -> DataLoader[uuid.UUID, list[Scheme]]:
        return DataLoader(directory_loaders.schemes_by_provider)

    @cached_property
    def neutral_profile(self) -> DataLoader[tuple[uuid.UUID, uuid.UUID], NeutralProfile | None]:
        return DataLoader(directory_loaders.neutral_profiles)

    @cached_property
    def unread_counts(self) -> DataLoader[UnreadKey, int]:
        return DataLoader(unread_counts)

    @cached_property
    def survey_invitations_by_case(self) -> DataLoader[uuid.UUID, list[SurveyInvitation]]:
        from portal.api.feedback.loaders import invitations_by_case

        return DataLoader(invitations_by_case)

    def __getitem__(self, name: str) -> Any:
        return getattr(self, name)
