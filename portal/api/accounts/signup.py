"""Issue 14 over GraphQL: signUp and signUpFirstAdmin (each finished by signInWithCode),
claimAccount and updateMyPreferences."""

from __future__ import annotations

from datetime import UTC, datetime

import strawberry

from portal.accounts import signup
from portal.accounts.errors import AccountError
from portal.accounts.models import Locale as LocaleValue
from portal.accounts.models import User
from portal.api.accounts.types import Viewer, viewer_of
from portal.api.cases.enums import Locale
from portal.api.context import Info
from portal.api.errors import UserError, UserErrorCode, user_error
from portal.api.inputs import mutations
from portal.auth import codes
from portal.auth.actor import ActorKind
from portal.auth.errors import AuthError, AuthErrorCode
from portal.auth.services import sign_in_email


@strawberry.input(description="A new complainant account: a confirmation mail goes to `email`.")
class SignUpInput:
    email: str = strawberry.field(
        description="The address to sign in with; it must receive the confirmation mail."
    )
    display_name: str = strawberry.field(description="How the person is addressed.")
    language: Locale = strawberry.field(
        description="The language of the person's mails and portal."
    )
    time_zone: str = strawberry.field(description="An IANA name: `Europe/Paris`, `UTC`.")


@strawberry.input(
    description="The installation's first administrator, through the setup link `portal init` "
    "printed."
)
class SignUpFirstAdminInput:
    setup_token: str = strawberry.field(
        description="From the setup link `portal serve` prints while there is no admin."
    )
    email: str = strawberry.field(description="The administrator's sign-in address.")
    display_name: str = strawberry.field(description="How the administrator is addressed.")
    language: Locale = strawberry.field(description="The language of their mails and portal.")
    time_zone: str = strawberry.field(description="An IANA time zone name: `Europe/Paris`, `UTC`.")


@strawberry.input(
    description="Completing an account made for someone when staff recorded their complaint."
)
class ClaimAccountInput:
    display_name: str = strawberry.field(description="How the person is addressed.")
    language: Locale = strawberry.field(description="The language of their mails and portal.")
    time_zone: str = strawberry.field(description="An IANA time zone name: `Europe/Paris`, `UTC`.")


@strawberry.input(
    description="The signed-in person's own preferences; a field left out stays as it is."
)
class UpdateMyPreferencesInput:
    language: Locale | None = strawberry.field(
        default=None, description="The language of their mails and portal."
    )
    time_zone: str | None = strawberry.field(
        default=None, description="An IANA time zone name: `Europe/Paris`, `UTC`."
    )


@strawberry.type(description="The confirmation challenge of a sign-up, or why it was refused.")
class SignUpPayload:
    challenge: str | None = strawberry.field(
        default=None,
        description="Pass it to `signInWithCode` with the code from the mail. The same answer "
        "whether or not the address has an account (its owner is mailed a sign-in code).",
    )
    expires_in: int | None = strawberry.field(default=None, description="Seconds.")
    user_errors: list[UserError] = strawberry.field(
        default_factory=list, description="Why it was refused; empty on success."
    )


@strawberry.type(description="The signed-in account after the change, or why it was refused.")
class AccountPayload:
    viewer: Viewer | None = strawberry.field(
        default=None, description="The account as it now is; null when refused."
    )
    user_errors: list[UserError] = strawberry.field(
        default_factory=list, description="Why it was refused; empty on success."
    )


def _auth_error(exc: AuthError, field: str) -> UserError:
    return user_error(exc.code.value, exc.message, field)


def _account_error(exc: AccountError) -> UserError:
    return user_error(exc.code.value, exc.message, exc.field, limit=exc.limit, actual=exc.actual)


def _profile(input: SignUpInput | SignUpFirstAdminInput | ClaimAccountInput) -> signup.Profile:
    return signup.Profile.checked(input.display_name, LocaleValue(input.language), input.time_zone)


def _person(info: Info) -> UserError | None:
    actor = info.context.require_actor()
    if actor.kind is not ActorKind.USER:
        return user_error(
            UserErrorCode.FORBIDDEN.value, "Only a person has an account's preferences."
        )
    return None


@mutations
@strawberry.type
class SignUpMutations:
    @strawberry.mutation(
        description="Create an account: mails a one-time code to the address; "
        "`signInWithCode` with it creates the account and signs in. An address that has an "
        "account gets the same answer, and its owner a sign-in code (nothing else changes)."
    )
    async def sign_up(self, info: Info, input: SignUpInput) -> SignUpPayload:
        auth = info.context.auth
        try:
            sign_in_email(input.email)
            profile = _profile(input)
            challenge = await codes.request_code(
                auth, input.email, info.context.sign_in_attempt(), sign_up=profile.stored()
            )
        except AuthError as exc:
            return SignUpPayload(user_errors=[_auth_error(exc, "email")])
        except AccountError as exc:
            return SignUpPayload(user_errors=[_account_error(exc)])
        return SignUpPayload(challenge=challenge, expires_in=auth.settings.sign_in_code_ttl)

    @strawberry.mutation(
        description="The installation's first administrator, from the one-time setup link: "
        "mails a code to the address; `signInWithCode` with it makes that account the admin "
        "(once, while no admin exists) and signs in."
    )
    async def sign_up_first_admin(self, info: Info, input: SignUpFirstAdminInput) -> SignUpPayload:
        auth = info.context.auth
        at = datetime.now(UTC)
        try:
            sign_in_email(input.email)
            profile = _profile(input)
            token = await signup.valid_setup_token(auth.settings, input.setup_token, at)
            challenge = await codes.request_code(
                auth,
                input.email,
                info.context.sign_in_attempt(),
                at,
                sign_up={**profile.stored(), "setup_token_id": str(token.id)},
            )
        except AuthError as exc:
            field = "setup_token" if exc.code is AuthErrorCode.SETUP_LINK_INVALID else "email"
            return SignUpPayload(user_errors=[_auth_error(exc, field)])
        except AccountError as exc:
            return SignUpPayload(user_errors=[_account_error(exc)])
        return SignUpPayload(challenge=challenge, expires_in=auth.settings.sign_in_code_ttl)

    @strawberry.mutation(
        description="Make an account that someone else made for you (an agent recording "
        "your complaint, an invitation) yours: your name, language and time zone. Sign in "
        "with a one-time code first; complaints recorded for you still wait for "
        "`confirmComplaint`."
    )
    async def claim_account(self, info: Info, input: ClaimAccountInput) -> AccountPayload:
        refused = _person(info)
        if refused:
            return AccountPayload(user_errors=[refused])
        try:
            profile = _profile(input)
        except AccountError as exc:
            return AccountPayload(user_errors=[_account_error(exc)])
        user = await User.get(id=info.context.require_actor().id)
        await signup.apply_profile(user, profile)
        info.context.loaders.user.prime(user.id, user, force=True)
        return AccountPayload(viewer=await viewer_of(info))

    @strawberry.mutation(
        description="The signed-in person's language (of the portal and their mail) and time "
        "zone; what is left out stays."
    )
    async def update_my_preferences(
        self, info: Info, input: UpdateMyPreferencesInput
    ) -> AccountPayload:
        refused = _person(info)
        if refused:
            return AccountPayload(user_errors=[refused])
        actor = info.context.require_actor()
        language = LocaleValue(input.language) if input.language is not None else None
        try:
            user = await signup.update_preferences(actor.id, language, input.time_zone)
        except AccountError as exc:
            return AccountPayload(user_errors=[_account_error(exc)])
        info.context.loaders.user.prime(actor.id, user, force=True)
        return AccountPayload(viewer=await viewer_of(info))
