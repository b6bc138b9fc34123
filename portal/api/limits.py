"""Request limits enforced while validating: depth and aliases, and a parser cache.

Depth and aliases are counted by our own validation rule rather than strawberry's
`QueryDepthLimiter` and `MaxAliasesLimiter`: those walk a fragment again at every spread, so a
few hundred bytes of fragments spreading each other twice cost 2^n steps and stall the event
loop. Here every fragment is measured once, so validation stays linear in the document size.
"""

from __future__ import annotations

import contextlib
import functools
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from graphql import (
    BREAK,
    ASTValidationRule,
    DocumentNode,
    FieldNode,
    FragmentDefinitionNode,
    FragmentSpreadNode,
    GraphQLError,
    InlineFragmentNode,
    OperationDefinitionNode,
    SelectionSetNode,
    ValidationRule,
    parse,
)
from strawberry.extensions import SchemaExtension


@dataclass(frozen=True)
class _Size:
    depth: int
    aliases: int


class _Measure:
    """Depth and alias count of selection sets, each fragment measured once.

    Depth counts nested selection sets: `{ viewer { kind } }` is 1. Introspection fields
    (`__schema`, `__type`) do not count towards depth, as in strawberry's limiter, so the IDE can
    load the schema where introspection is on. Aliases count every aliased field, a fragment once
    per spread. Unknown and cyclic fragments count as empty; other rules report them.
    """

    def __init__(self, document: DocumentNode) -> None:
        self.fragments: dict[str, FragmentDefinitionNode] = {}
        for definition in document.definitions:
            if isinstance(definition, FragmentDefinitionNode):
                self.fragments.setdefault(definition.name.value, definition)
        self.sizes: dict[str, _Size] = {}
        self._measure_fragments()

    def _measure_fragments(self) -> None:
        # Post-order over the spread graph with an explicit stack: a chain of many fragments
        # must not exhaust Python's recursion limit.
        done = self.sizes
        on_path: set[str] = set()
        for root in self.fragments:
            if root in done:
                continue
            stack: list[tuple[str, Iterator[str]]] = [(root, iter(self._spreads(root)))]
            on_path.add(root)
            while stack:
                name, pending = stack[-1]
                child = next(pending, None)
                if child is None:
                    stack.pop()
                    on_path.discard(name)
                    done[name] = self.size(self.fragments[name].selection_set)
                elif child in self.fragments and child not in done and child not in on_path:
                    on_path.add(child)
                    stack.append((child, iter(self._spreads(child))))

    def _spreads(self, name: str) -> list[str]:
        found: list[str] = []
        todo: list[SelectionSetNode] = [self.fragments[name].selection_set]
        while todo:
            for selection in todo.pop().selections:
                if isinstance(selection, FragmentSpreadNode):
                    found.append(selection.name.value)
                elif (
                    isinstance(selection, (FieldNode, InlineFragmentNode))
                    and selection.selection_set is not None
                ):
                    todo.append(selection.selection_set)
        return found

    def size(self, selection_set: SelectionSetNode | None) -> _Size:
        """Nesting within one definition is at most 200 (graphql-core's parser limit)."""
        if selection_set is None:
            return _Size(0, 0)
        depth = aliases = 0
        for selection in selection_set.selections:
            if isinstance(selection, FieldNode):
                inner = self.size(selection.selection_set)
                aliases += inner.aliases + (1 if selection.alias else 0)
                if selection.selection_set is not None and not selection.name.value.startswith(
                    "__"
                ):
                    depth = max(depth, 1 + inner.depth)
            elif isinstance(selection, InlineFragmentNode):
                inner = self.size(selection.selection_set)
                depth, aliases = max(depth, inner.depth), aliases + inner.aliases
            elif isinstance(selection, FragmentSpreadNode):
                # Missing from `sizes`: unknown, or part of a cycle.
                spread = self.sizes.get(selection.name.value, _Size(0, 0))
                depth, aliases = max(depth, spread.depth), aliases + spread.aliases
        return _Size(depth, aliases)


def limit_rule(max_depth: int, max_aliases: int) -> type[ASTValidationRule]:
    """One validation rule for the depth and alias limits of every operation in a document."""

    class RequestLimits(ValidationRule):
        def enter_document(self, node: DocumentNode, *_: Any) -> Any:
            measure = _Measure(node)
            for operation in node.definitions:
                if not isinstance(operation, OperationDefinitionNode):
                    continue
                name = operation.name.value if operation.name else "anonymous"
                size = measure.size(operation.selection_set)
                if size.depth > max_depth:
                    self.report_error(
                        GraphQLError(
                            f"'{name}' exceeds maximum operation depth of {max_depth}.",
                            operation,
                            extensions={"code": "DEPTH_LIMIT_EXCEEDED"},
                        )
                    )
                if size.aliases > max_aliases:
                    self.report_error(
                        GraphQLError(
                            f"'{name}' uses {size.aliases} aliases. Allowed: {max_aliases}.",
                            operation,
                            extensions={"code": "ALIAS_LIMIT_EXCEEDED"},
                        )
                    )
            return BREAK

    return RequestLimits


@functools.lru_cache(maxsize=256)
def cached_parse(query: str, **options: Any) -> DocumentNode:
    return parse(query, **options)


class CachedParser(SchemaExtension):
    """strawberry's `ParserCache`, except that a document that fails to parse is left to
    strawberry, which reports it inside the operation, where `PublicErrors` gives it a code.
    (`ParserCache` raises from its hook, past every extension's error handling.)"""

    def on_parse(self) -> Iterator[None]:
        context = self.execution_context
        if context.query and context.graphql_document is None:
            with contextlib.suppress(Exception):
                context.graphql_document = cached_parse(context.query, **context.parse_options)
        yield
