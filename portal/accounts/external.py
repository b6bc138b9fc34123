"""The accounts of people an external provider names in its callbacks.

An external provider's caseworkers and neutrals act in Parley through accounts, so every
appointment, outcome and stage change is recorded by a person as in the portal. The first
mention of a person (the provider's own id and their e-mail address) creates a password-less
account with the role the callback needs at that provider; the link (ExternalPerson) finds it
again. An existing account is linked only when it already works for the provider
(policy.may_link_external_person).
"""

from __future__ import annotations

from portal.accounts.errors import AccountError, AccountErrorCode
from portal.accounts.models import ExternalPerson, Membership, Provider, Role, User
from portal.accounts.services import create_user, grant_role
from portal.auth import policy
from portal.auth.actor import Actor, ActorKind, Grant
from portal.auth.services import normalise_email


async def account_for(
    provider: Provider, external_id: str, email: str, name: str, role: Role
) -> User:
    """The account of the provider's person ``external_id``, holding ``role`` there."""
    link = await ExternalPerson.get_or_none(provider_id=provider.id, external_id=external_id)
    if link is not None:
        user = await User.get(id=link.user_id)
    else:
        user_or_none = await User.get_or_none(email=normalise_email(email))
        if user_or_none is None:
            user = await create_user(email, name or email)
        else:
            memberships = await Membership.filter(user_id=user_or_none.id)
            if not policy.may_link_external_person(provider.id, memberships):
                raise AccountError(
                    AccountErrorCode.EMAIL_TAKEN,
                    "That e-mail address belongs to an account that does not work for this "
                    "provider; an admin adds the person to the provider first.",
                    field="email",
                )
            user = user_or_none
        await ExternalPerson.create(provider_id=provider.id, external_id=external_id, user=user)
    await grant_role(user, role, provider=provider)
    return user


async def acting_as(user: User) -> Actor:
    """The actor ``user`` is, with every role they hold (as a sign-in would build it)."""
    grants = await Membership.filter(user_id=user.id).values_list(
        "role", "organisation_id", "provider_id"
    )
    return Actor(
        kind=ActorKind.USER,
        id=user.id,
        grants=tuple(Grant(Role(role), org, prov) for role, org, prov in grants),
    )
