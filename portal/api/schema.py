"""The schema, assembled from one class per domain, with the request limits from settings."""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

import strawberry
from graphql import GraphQLError, GraphQLSchema, print_schema
from strawberry.extensions import AddValidationRules, DisableIntrospection, SchemaExtension
from strawberry.schema.config import StrawberryConfig
from strawberry.types import ExecutionContext

from portal.api.accesslog.queries import AccessLogQueries
from portal.api.accounts.clients import IntegrationClientMutations, IntegrationClientQueries
from portal.api.accounts.queries import DirectoryQueries
from portal.api.accounts.signup import SignUpMutations
from portal.api.accounts.team import TeamMutations, TeamQueries
from portal.api.accounts.types import (
    Organisation,
    Provider,
    ServiceAccount,
    User,
    Viewer,
    viewer_of,
)
from portal.api.admin.mutations import AdminMutations
from portal.api.admin.queries import AdminQueries
from portal.api.auditing.resolvers import AuditMutations, AuditQueries
from portal.api.auth.codes import SignInCodeMutations
from portal.api.auth.mutations import AuthMutations
from portal.api.casefiles.mutations import CaseFileMutations
from portal.api.casefiles.queries import CaseFileQueries
from portal.api.casefiles.types import Document, Message
from portal.api.cases.automated import AutomatedReviewMutations, AutomatedReviewQueries
from portal.api.cases.mutations import CaseMutations
from portal.api.cases.queries import CaseQueries
from portal.api.cases.records import Offer
from portal.api.cases.representatives import RepresentativeMutations, RepresentativeQueries
from portal.api.cases.subscriptions import CaseSubscriptions
from portal.api.cases.types import DisputeCase
from portal.api.characters import StringCharacters
from portal.api.commitments.mutations import CommitmentMutations
from portal.api.commitments.queries import CommitmentQueries
from portal.api.complaints.mutations import ComplaintMutations
from portal.api.complaints.queries import ComplaintQueries
from portal.api.complaints.types import Complaint
from portal.api.context import Info
from portal.api.directory.adapters import ProviderAdapterMutations
from portal.api.directory.mutations import DirectoryMutations
from portal.api.documents import Documents, LimitedParser
from portal.api.errors import PublicErrors
from portal.api.feedback.mutations import FeedbackMutations
from portal.api.feedback.queries import FeedbackQueries
from portal.api.fees.mutations import FeeMutations
from portal.api.fees.queries import FeeQueries
from portal.api.groups.mutations import CaseGroupMutations
from portal.api.groups.queries import CaseGroupQueries
from portal.api.idempotency import make_idempotent
from portal.api.limits import limit_rule
from portal.api.node import NodeQueries
from portal.api.notifications.mutations import NotificationMutations
from portal.api.notifications.queries import NotificationQueries
from portal.api.notifications.types import OutboxMessage, WebhookDelivery, WebhookSubscription
from portal.api.privacy.operations import PrivacyMutations, PrivacyQueries
from portal.api.scopes import ScopeCheck
from portal.api.sessions.mutations import SessionMutations
from portal.api.sessions.queries import SessionQueries
from portal.api.sessions.types import CaseSession
from portal.settings import Settings

log = logging.getLogger("portal.api")


@strawberry.type(
    description="Every read: cases and their files, complaints, the directory, reports, "
    "accounts and `node(id:)` for any object by its global ID. Each answers only what the "
    "caller may see."
)
class Query(
    CaseQueries,
    RepresentativeQueries,
    AutomatedReviewQueries,
    CaseFileQueries,
    TeamQueries,
    ComplaintQueries,
    DirectoryQueries,
    FeedbackQueries,
    CommitmentQueries,
    CaseGroupQueries,
    FeeQueries,
    NotificationQueries,
    IntegrationClientQueries,
    AdminQueries,
    AuditQueries,
    AccessLogQueries,
    PrivacyQueries,
    SessionQueries,
    NodeQueries,
):
    @strawberry.field(description="Who is making this request.")
    async def viewer(self, info: Info) -> Viewer:
        return await viewer_of(info)


@strawberry.type(
    description="Every change. Each mutation takes an `idempotencyKey`, answers a payload with "
    "the changed object and `userErrors`, and refuses what the caller may not do exactly as "
    "it answers a missing object."
)
class Mutation(
    AuthMutations,
    SignInCodeMutations,
    SignUpMutations,
    ComplaintMutations,
    CaseMutations,
    RepresentativeMutations,
    AutomatedReviewMutations,
    TeamMutations,
    CaseFileMutations,
    DirectoryMutations,
    ProviderAdapterMutations,
    FeedbackMutations,
    CommitmentMutations,
    CaseGroupMutations,
    FeeMutations,
    NotificationMutations,
    IntegrationClientMutations,
    AdminMutations,
    AuditMutations,
    PrivacyMutations,
    SessionMutations,
):
    pass


@strawberry.type(
    description="Live streams over the WebSocket at `/graphql` (graphql-transport-ws): a "
    "case's events, and the installation-wide event feed."
)
class Subscription(CaseSubscriptions):
    pass


class PortalSchema(strawberry.Schema):
    def __init__(self, *args: Any, documents: Documents, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        # Shared by the view, the WebSocket handler and `LimitedParser`: one cache per schema,
        # since a document is cached only once validated against this schema.
        self.documents = documents

    def process_errors(
        self, errors: list[GraphQLError], execution_context: ExecutionContext | None = None
    ) -> None:
        """strawberry logs every error, the client's too, at ERROR level with the variables in
        the message (passwords included). `PublicErrors` logs the unexpected ones, with their
        traceback and the request id; the client's mistakes are not the server's to log."""


Extension = Callable[[], SchemaExtension] | type[SchemaExtension]


def documents_for(settings: Settings) -> Documents:
    return Documents(
        max_bytes=settings.graphql_max_query_bytes,
        max_tokens=settings.graphql_max_tokens,
        max_field_comparisons=settings.graphql_max_field_comparisons,
        cache_bytes=settings.graphql_document_cache_bytes,
    )


def extensions_for(settings: Settings, documents: Documents) -> list[Extension]:
    """The extensions every request runs through, limits from settings."""
    # Built once: validation reads the same rule classes on every request.
    rules = [
        limit_rule(
            settings.graphql_max_depth, settings.graphql_max_aliases, settings.graphql_max_cost
        ),
        StringCharacters,
    ]
    extensions: list[Extension] = [
        PublicErrors,
        lambda: AddValidationRules(rules),
        # Size and token limits before the parse, and the cache of validated documents
        # (Issue 13 F2): in place of strawberry's MaxTokensLimiter, ParserCache and
        # ValidationCache, which parsed in full first and cached what did not validate.
        lambda: LimitedParser(documents),
        # OAuth scopes of integration clients' tokens (issue 18, 4).
        ScopeCheck,
    ]
    if not settings.introspection_enabled:
        extensions.append(DisableIntrospection)
    return extensions


def config_for(settings: Settings) -> StrawberryConfig:
    return StrawberryConfig(
        disable_field_suggestions=True,
        batching_config={"max_operations": settings.graphql_max_batch},
    )


def build_schema(settings: Settings) -> PortalSchema:
    documents = documents_for(settings)
    # Every mutation takes `idempotencyKey` and answers a repeat with its first answer.
    make_idempotent(Mutation)
    return PortalSchema(
        query=Query,
        mutation=Mutation,
        subscription=Subscription,
        types=[
            User,
            Organisation,
            Provider,
            ServiceAccount,
            DisputeCase,
            Complaint,
            Offer,
            Document,
            Message,
            OutboxMessage,
            WebhookSubscription,
            WebhookDelivery,
            CaseSession,
        ],
        extensions=extensions_for(settings, documents),
        config=config_for(settings),
        documents=documents,
    )


def schema_sdl(settings: Settings) -> str:
    graphql_schema: GraphQLSchema = build_schema(settings)._schema
    return print_schema(graphql_schema) + "\n"
