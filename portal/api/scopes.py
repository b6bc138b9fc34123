"""OAuth scopes at the GraphQL endpoint (issue 18, 4): an integration client's token is used
only for what its scopes allow, decided per root field by `policy.scope_needed` and
`policy.has_scope`.

An operation with a root field the token's scopes do not cover is refused whole, before any
resolver runs (a mutation is never half done): one `INSUFFICIENT_SCOPE` error naming the scope
and the fields that need it. People hold no scopes; their requests pass untouched.
"""

from __future__ import annotations

from collections.abc import Iterator

from graphql import (
    DocumentNode,
    ExecutionResult,
    FieldNode,
    FragmentDefinitionNode,
    FragmentSpreadNode,
    InlineFragmentNode,
    OperationDefinitionNode,
    SelectionSetNode,
)
from graphql.utilities import get_operation_ast
from starlette.responses import JSONResponse
from strawberry.extensions import SchemaExtension
from strawberry.types.graphql import OperationType

from portal.api.errors import PublicError
from portal.api.view import JSON, error_response
from portal.auth import policy
from portal.auth.actor import Actor


class InsufficientScope(PublicError):
    """RFC 6750 3.1 `insufficient_scope`, as a GraphQL error."""

    code = "INSUFFICIENT_SCOPE"


def _root_fields(selections: SelectionSetNode, document: DocumentNode) -> Iterator[str]:
    fragments = {
        d.name.value: d for d in document.definitions if isinstance(d, FragmentDefinitionNode)
    }
    pending, seen = [selections], set[str]()
    while pending:
        for selection in pending.pop().selections:
            if isinstance(selection, FieldNode):
                yield selection.name.value
            elif isinstance(selection, InlineFragmentNode):
                pending.append(selection.selection_set)
            elif isinstance(selection, FragmentSpreadNode):
                name = selection.name.value
                if name in fragments and name not in seen:
                    seen.add(name)
                    pending.append(fragments[name].selection_set)


def missing_scope(
    actor: Actor, operation: OperationDefinitionNode, document: DocumentNode
) -> InsufficientScope | None:
    """The error for the first scope the operation needs and the token lacks; None when the
    token covers every root field."""
    kind = operation.operation.value
    lacking: dict[policy.Scope, list[str]] = {}
    for field in _root_fields(operation.selection_set, document):
        needed = policy.scope_needed(kind, field)
        if needed is not None and not policy.has_scope(actor, needed):
            lacking.setdefault(needed, []).append(field)
    if not lacking:
        return None
    scope, fields = next(iter(lacking.items()))
    return InsufficientScope(
        f"The access token lacks the `{scope.value}` scope that {', '.join(fields)} needs: "
        f"ask /oauth/token for it (the client must hold it).",
        scope=scope.value,
        fields=fields,
    )


class ScopeCheck(SchemaExtension):
    """Refuses an operation a client's token has no scope for, before execution."""

    def on_execute(self) -> Iterator[None]:
        context = self.execution_context
        actor = getattr(context.context, "actor", None)
        document = context.graphql_document
        if actor is not None and actor.scopes is not None and document is not None:
            operation = get_operation_ast(document, context.operation_name)
            error = missing_scope(actor, operation, document) if operation else None
            if error is not None:
                if context.operation_type is OperationType.SUBSCRIPTION:
                    # The subscription path runs no stored result: a raised error is answered.
                    raise error
                context.result = ExecutionResult(data=None, errors=[error])
        yield


INSUFFICIENT_SCOPE_MESSAGE = "The access token lacks the `{}` scope this needs."


def rest_refusal(actor: Actor, scope: policy.Scope, media_type: str = JSON) -> JSONResponse | None:
    """A REST route's answer to a token without ``scope``: 403 with RFC 6750 3.1's
    `WWW-Authenticate: Bearer error="insufficient_scope"`; None when the token has it."""
    if policy.has_scope(actor, scope):
        return None
    challenge = f'Bearer realm="parley", error="insufficient_scope", scope="{scope.value}"'
    return error_response(
        403,
        InsufficientScope.code,
        INSUFFICIENT_SCOPE_MESSAGE.format(scope.value),
        {"WWW-Authenticate": challenge},
        media_type=media_type,
        scope=scope.value,
    )
