"""The schema, assembled from one class per domain, with the request limits from settings."""

from __future__ import annotations

from collections.abc import Callable

import strawberry
from strawberry.extensions import (
    DisableIntrospection,
    MaxAliasesLimiter,
    MaxTokensLimiter,
    ParserCache,
    QueryDepthLimiter,
    SchemaExtension,
    ValidationCache,
)
from strawberry.schema.config import StrawberryConfig

from graphql import GraphQLSchema, print_schema
from portal.api.accounts.types import (
    Organisation,
    Provider,
    ServiceAccount,
    User,
    Viewer,
    viewer_of,
)
from portal.api.auth.mutations import AuthMutations
from portal.api.context import Info
from portal.api.errors import PublicErrors
from portal.api.node import Node, resolve_node
from portal.settings import Settings


@strawberry.type
class Query:
    @strawberry.field(description="Who is making this request.")
    async def viewer(self, info: Info) -> Viewer:
        return await viewer_of(info)

    @strawberry.field(
        description="Any object by its global ID. An object you may not see is "
        "reported exactly like one that does not exist."
    )
    async def node(self, info: Info, id: strawberry.ID) -> Node:
        return await resolve_node(info, id)  # type: ignore[no-any-return]


@strawberry.type
class Mutation(AuthMutations):
    pass


def build_schema(settings: Settings) -> strawberry.Schema:
    extensions: list[Callable[[], SchemaExtension] | type[SchemaExtension]] = [
        PublicErrors,
        lambda: MaxTokensLimiter(max_token_count=settings.graphql_max_tokens),
        lambda: QueryDepthLimiter(max_depth=settings.graphql_max_depth),
        lambda: MaxAliasesLimiter(max_alias_count=settings.graphql_max_aliases),
        lambda: ParserCache(maxsize=256),
        lambda: ValidationCache(maxsize=256),
    ]
    if not settings.introspection_enabled:
        extensions.append(DisableIntrospection)
    return strawberry.Schema(
        query=Query,
        mutation=Mutation,
        types=[User, Organisation, Provider, ServiceAccount],
        extensions=extensions,
        config=StrawberryConfig(
            disable_field_suggestions=True,
            batching_config={"max_operations": settings.graphql_max_batch},
        ),
    )


def schema_sdl(settings: Settings) -> str:
    graphql_schema: GraphQLSchema = build_schema(settings)._schema
    return print_schema(graphql_schema) + "\n"
