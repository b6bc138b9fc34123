"""A complaint's hash chain as GraphQL verifies it (issue 19, `portal.complaints.chain`)."""

from __future__ import annotations

import strawberry

from portal.api.complaints import enums as _complaint_enums  # noqa: F401  (registers them)
from portal.complaints.chain import ComplaintVerification as Verification
from portal.complaints.chain import StepBreakReason
from portal.complaints.states import ComplaintAction

strawberry.enum(StepBreakReason, description="Why a step of a complaint's chain no longer holds.")
for _value in StepBreakReason.__strawberry_definition__.values:  # type: ignore[attr-defined]
    _value.description = {
        StepBreakReason.STEP_MISSING: "No step is stored at this sequence: it was deleted, or "
        "the last steps were cut off.",
        StepBreakReason.STEP_ALTERED: "The step's fields, its place in the order or its hashes "
        "differ from what the chain holds.",
        StepBreakReason.TEXT_ALTERED: "The step's text no longer has the SHA-256 on the chain.",
    }[StepBreakReason(_value.value)]


@strawberry.type(
    description="The first step of a complaint's chain that no longer holds, named: its "
    "sequence, its action as stored, and why."
)
class ComplaintChainBreak:
    sequence: int = strawberry.field(description="The step's place on the chain, from 1.")
    action: ComplaintAction | None = strawberry.field(
        description="The action of the step stored there; null when no step is stored there "
        "or its action is not one the table knows."
    )
    reason: StepBreakReason = strawberry.field(description="Why it no longer holds.")


@strawberry.type(
    description="The result of recomputing a complaint's whole hash chain: each step covers "
    "its fields, the SHA-256 of its text and the step before."
)
class ComplaintVerification:
    ok: bool = strawberry.field(description="True when every step holds, up to the head.")
    length: int = strawberry.field(description="Steps stored.")
    head_hash: str = strawberry.field(description="The head the complaint records.")
    anchored: bool = strawberry.field(
        description="True for a complaint whose steps were taken before the chain existed and "
        "were chained when it was introduced (its first step then covers that anchoring)."
    )
    broken_step: ComplaintChainBreak | None = strawberry.field(
        description="The first step that no longer holds; null when the chain verifies."
    )

    @classmethod
    def of(cls, result: Verification, anchored: bool) -> ComplaintVerification:
        broken = result.broken
        action = None
        if broken is not None and broken.action in {a.value for a in ComplaintAction}:
            action = ComplaintAction(broken.action)
        return cls(
            ok=result.ok,
            length=result.length,
            head_hash=result.head_hash,
            anchored=anchored,
            broken_step=ComplaintChainBreak(
                sequence=broken.sequence, action=action, reason=broken.reason
            )
            if broken is not None
            else None,
        )
