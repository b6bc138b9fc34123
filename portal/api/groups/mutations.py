"""Linking cases and running groups over GraphQL: each resolver authenticates, calls one
service of portal.groups.services, and maps its refusals to userErrors."""

from __future__ import annotations

import uuid
from collections.abc import Awaitable, Callable
from decimal import Decimal
from typing import Any, TypeVar

import strawberry

from portal.api.context import Info
from portal.api.errors import UserError, user_error
from portal.api.groups.types import CaseGroup, CaseLink, GroupMembership
from portal.api.inputs import mutations
from portal.api.loaders import Loaders
from portal.api.node import decode_id
from portal.auth.actor import Actor
from portal.cases.errors import CaseError
from portal.codes import Currency
from portal.groups import services

# What an ID that names nothing (malformed, or of another type) becomes: it matches no row.
_NOTHING = uuid.UUID(int=0)
FOREIGN = " A case or group you may not see is reported exactly like a missing one (`NOT_FOUND`)."


def _pk(value: str, type_name: str) -> uuid.UUID:
    return decode_id(value, type_name) or _NOTHING


def _errors(exc: CaseError) -> list[UserError]:
    return [user_error(exc.code, exc.message, exc.field, limit=exc.limit, actual=exc.actual)]


T = TypeVar("T")


async def _step(
    info: Info, payload: Callable[..., T], field: str, work: Callable[[Actor], Awaitable[Any]]
) -> T:
    """One group step: authenticate, do ``work`` (one service call, mapped to the API's
    object), and answer its refusal as userErrors; fresh loaders after a change."""
    actor = info.context.require_actor()
    try:
        done = await work(actor)
    except CaseError as exc:
        return payload(user_errors=_errors(exc))
    info.context.loaders = Loaders()
    return payload(**{field: done})


@strawberry.input(description="Two related cases to link, with the reason.")
class LinkCasesInput:
    case_id: strawberry.ID = strawberry.field(description="Global ID of one case.")
    other_case_id: strawberry.ID = strawberry.field(
        description="Global ID of the other: same organisation, same provider."
    )
    reason: str = strawberry.field(
        description=f"Why they are related (the same cause); required, at most "
        f"{services.MAX_REASON} characters."
    )


@strawberry.type(description="The link, or why it was refused.")
class LinkCasesPayload:
    link: CaseLink | None = strawberry.field(
        default=None, description="The link as seen from `caseId`; null when refused."
    )
    user_errors: list[UserError] = strawberry.field(
        default_factory=list, description="Why it was refused; empty on success."
    )


@strawberry.input(description="A lead case and linked cases whose complainants are asked.")
class AskGroupConsentInput:
    lead_case_id: strawberry.ID = strawberry.field(description="Global ID of the lead case.")
    case_ids: list[strawberry.ID] = strawberry.field(
        description=f"Global IDs of the cases linked to the lead; at least one, at most "
        f"{services.MAX_GROUP_CASES - 1}."
    )


@strawberry.input(description="The group to form.")
class FormCaseGroupInput:
    group_id: strawberry.ID = strawberry.field(description="Global ID of the group.")


@strawberry.input(description="A complainant's answer for one case asked into a group.")
class AnswerGroupConsentInput:
    group_id: strawberry.ID = strawberry.field(description="Global ID of the group.")
    case_id: strawberry.ID = strawberry.field(description="Global ID of your case in it.")
    consents: bool = strawberry.field(
        description="True: run the case in the group; false: it runs alone."
    )


@strawberry.input(description="Withdrawing a complainant's consent for one case.")
class WithdrawGroupConsentInput:
    group_id: strawberry.ID = strawberry.field(description="Global ID of the group.")
    case_id: strawberry.ID = strawberry.field(description="Global ID of your case in it.")


@strawberry.input(description="A member case's document to share with the group.")
class ShareGroupDocumentInput:
    group_id: strawberry.ID = strawberry.field(description="Global ID of the group.")
    document_id: strawberry.ID = strawberry.field(
        description="Global ID of the current version of a document of a member case."
    )


@strawberry.input(description="The one outcome proposed to every member of a group.")
class ProposeGroupOutcomeInput:
    group_id: strawberry.ID = strawberry.field(description="Global ID of the group.")
    summary: str = strawberry.field(description="What is decided or proposed, in short.")
    reasons: str = strawberry.field(
        description="The reasons for it (EU ADR Art. 9(1)(c)); required."
    )
    amount: Decimal | None = strawberry.field(
        default=None, description="The amount it proposes to each member; none without money."
    )
    currency: Currency | None = strawberry.field(
        default=None, description="The currency of `amount`; each case's own when left out."
    )


@strawberry.type(description="The group, or why the step was refused.")
class CaseGroupPayload:
    group: CaseGroup | None = strawberry.field(
        default=None, description="The group as it stands after the step; null when refused."
    )
    user_errors: list[UserError] = strawberry.field(
        default_factory=list, description="Why it was refused; empty on success."
    )


@strawberry.type(description="The case's place in the group, or why the answer was refused.")
class GroupMembershipPayload:
    membership: GroupMembership | None = strawberry.field(
        default=None, description="The consent as now recorded; null when refused."
    )
    user_errors: list[UserError] = strawberry.field(
        default_factory=list, description="Why it was refused; empty on success."
    )


@mutations
@strawberry.type
class CaseGroupMutations:
    @strawberry.mutation(
        description="Link two related cases (same organisation, same provider, same cause), "
        "with the reason; the link is symmetric and recorded, provider-internal, on both "
        "timelines. The provider's caseworkers (`FORBIDDEN` for others on the case); "
        "`CASES_NOT_RELATED` across organisations, `ALREADY_LINKED`, `SAME_CASE`." + FOREIGN
    )
    async def link_cases(self, info: Info, input: LinkCasesInput) -> LinkCasesPayload:
        case_id = _pk(input.case_id, "DisputeCase")

        async def work(actor: Actor) -> CaseLink:
            row = await services.link_cases(
                actor, case_id, _pk(input.other_case_id, "DisputeCase"), input.reason
            )
            return CaseLink.of(row, row.other_id if row.case_id == case_id else row.case_id)

        return await _step(info, LinkCasesPayload, "link", work)

    @strawberry.mutation(
        description="Propose a group of a lead case and cases linked to it: each complainant "
        "is asked to consent (EU ADR Directive as amended: cases are bundled only with it), on "
        "their case's timeline. The provider's caseworkers; `NOT_LINKED` for a case not linked "
        "to the lead, `ALREADY_IN_GROUP` for one asked into another open group." + FOREIGN
    )
    async def ask_group_consent(self, info: Info, input: AskGroupConsentInput) -> CaseGroupPayload:
        async def work(actor: Actor) -> CaseGroup:
            cases = [_pk(c, "DisputeCase") for c in input.case_ids]
            lead = _pk(input.lead_case_id, "DisputeCase")
            return CaseGroup.from_row(await services.ask_consent(actor, lead, cases))

        return await _step(info, CaseGroupPayload, "group", work)

    @strawberry.mutation(
        description="Answer the provider's request: consent to your case being run in the "
        "group, or refuse (it then runs alone). The complainant or their representative, in "
        "person. Consent given after the group was formed joins it; once the group's outcome "
        "is proposed nothing changes (`GROUP_OUTCOME_PROPOSED`)." + FOREIGN
    )
    async def answer_group_consent(
        self, info: Info, input: AnswerGroupConsentInput
    ) -> GroupMembershipPayload:
        async def work(actor: Actor) -> GroupMembership:
            group, case = _pk(input.group_id, "CaseGroup"), _pk(input.case_id, "DisputeCase")
            found = await services.answer_consent(actor, group, case, input.consents)
            return GroupMembership.of(found.member)

        return await _step(info, GroupMembershipPayload, "membership", work)

    @strawberry.mutation(
        description="Withdraw your consent before the group's outcome is proposed: your case "
        "leaves the group and its shared documents, and runs alone (`NO_CONSENT_TO_WITHDRAW` "
        "without a standing consent)." + FOREIGN
    )
    async def withdraw_group_consent(
        self, info: Info, input: WithdrawGroupConsentInput
    ) -> GroupMembershipPayload:
        async def work(actor: Actor) -> GroupMembership:
            group, case = _pk(input.group_id, "CaseGroup"), _pk(input.case_id, "DisputeCase")
            return GroupMembership.of((await services.withdraw_consent(actor, group, case)).member)

        return await _step(info, GroupMembershipPayload, "membership", work)

    @strawberry.mutation(
        description="Form the group of the cases whose complainants consented: the lead's and "
        "at least one other (`CONSENT_MISSING`). Recorded on every member's timeline. The "
        "provider's caseworkers." + FOREIGN
    )
    async def form_case_group(self, info: Info, input: FormCaseGroupInput) -> CaseGroupPayload:
        async def work(actor: Actor) -> CaseGroup:
            return CaseGroup.from_row(await services.form(actor, _pk(input.group_id, "CaseGroup")))

        return await _step(info, CaseGroupPayload, "group", work)

    @strawberry.mutation(
        description="Share a member case's document with the formed group: it is listed in "
        "every member's case file, in the scope it was posted in, to whoever reads that scope "
        "there. Not a caucus document (`SCOPE_NOT_ALLOWED`). The provider's caseworkers." + FOREIGN
    )
    async def share_group_document(
        self, info: Info, input: ShareGroupDocumentInput
    ) -> CaseGroupPayload:
        async def work(actor: Actor) -> CaseGroup:
            group = _pk(input.group_id, "CaseGroup")
            await services.share_document(actor, group, _pk(input.document_id, "Document"))
            return CaseGroup.from_row(await services.group_for(actor, group))

        return await _step(info, CaseGroupPayload, "group", work)

    @strawberry.mutation(
        description="Propose one outcome to every member of the formed group, through each "
        "member's own `issueOutcome` step (the neutral appointed to each): all members or "
        "none, a refusal naming the case. Each complainant then accepts or rejects it on "
        "their own case." + FOREIGN
    )
    async def propose_group_outcome(
        self, info: Info, input: ProposeGroupOutcomeInput
    ) -> CaseGroupPayload:
        data = {
            "summary": input.summary,
            "reasons": input.reasons,
            "amount": input.amount,
            "currency": input.currency,
        }

        async def work(actor: Actor) -> CaseGroup:
            group = _pk(input.group_id, "CaseGroup")
            return CaseGroup.from_row(await services.propose_outcome(actor, group, data))

        return await _step(info, CaseGroupPayload, "group", work)
