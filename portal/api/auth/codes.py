"""Passwordless sign-in over GraphQL: requestSignInCode, then signInWithCode."""

from __future__ import annotations

import strawberry

from portal.api.auth.mutations import (
    RefreshTokenDelivery,
    SessionPayload,
    _error,
    _session_payload,
    remember_device,
)
from portal.api.context import Info
from portal.api.errors import UserError, UserErrorCode
from portal.api.inputs import mutations
from portal.auth import codes
from portal.auth.errors import AuthError


@strawberry.input(description="Asking for a one-time sign-in code by mail.")
class RequestSignInCodeInput:
    email: str = strawberry.field(
        description="The account's sign-in address; the answer is the same whether or not an "
        "account has it."
    )


@strawberry.input(description="Signing in with the one-time code from the mail.")
class SignInWithCodeInput:
    challenge: str = strawberry.field(description="From `requestSignInCode`.")
    code: str = strawberry.field(description="The six digits from the e-mail.")
    refresh_token_delivery: RefreshTokenDelivery = strawberry.field(
        default=RefreshTokenDelivery.BODY,
        description="Where the refresh token goes; BODY when left out.",
    )


@strawberry.type(description="The challenge to send back with the code, or why none was issued.")
class SignInCodePayload:
    challenge: str | None = strawberry.field(
        default=None,
        description="Pass it to `signInWithCode` with the code. Given for any well-formed "
        "address, whether or not it has an account; only an account gets the mail.",
    )
    expires_in: int | None = strawberry.field(default=None, description="Seconds.")
    user_errors: list[UserError] = strawberry.field(
        default_factory=list, description="Why it was refused; empty on success."
    )


@mutations
@strawberry.type
class SignInCodeMutations:
    @strawberry.mutation(
        description="Mail a one-time sign-in code to this address (single use, short-lived, "
        "rate-limited per address)."
    )
    async def request_sign_in_code(
        self, info: Info, input: RequestSignInCodeInput
    ) -> SignInCodePayload:
        auth = info.context.auth
        try:
            challenge = await codes.request_code(auth, input.email, info.context.sign_in_attempt())
        except AuthError as exc:
            error = UserError(
                field=["input", "email"], code=UserErrorCode(exc.code.value), message=exc.message
            )
            return SignInCodePayload(user_errors=[error])
        return SignInCodePayload(challenge=challenge, expires_in=auth.settings.sign_in_code_ttl)

    @strawberry.mutation(description="Sign in with the code from `requestSignInCode`'s mail.")
    async def sign_in_with_code(self, info: Info, input: SignInWithCodeInput) -> SessionPayload:
        try:
            tokens = await codes.sign_in_with_code(
                info.context.auth, input.challenge, input.code, info.context.sign_in_attempt()
            )
        except AuthError as exc:
            return _error(exc)
        remember_device(info, tokens)
        return await _session_payload(info, tokens, input.refresh_token_delivery)
