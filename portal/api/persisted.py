"""Persisted operations (issue 17, 1): the web portal's documents in `graphql/operations/`,
registered at start-up and matched by SHA-256 hash or by exact text.

Each named operation is registered as the text the web portal's client sends for it: the
operation with every fragment it uses, printed by graphql-core (`operation_text`, which
`bench.load` sends too). A request names one by `extensions.persistedQuery.sha256Hash`
(Apollo's convention: `{"version": 1, "sha256Hash": "<hex>"}`), with or without its `query`,
or sends the text itself. Nothing else changes for a registered operation: it is read,
validated (once, then cached: portal.api.documents), costed, rate limited and scope-checked
exactly as any request, so a persisted operation and the same text sent in full get the same
answer, errors and `extensions` included. What the registry adds is that a compiled
executor (issue 17) will know which documents it may answer.

The registry is closed: a hash it does not hold, sent without a query, is refused with
PERSISTED_QUERY_NOT_FOUND (no registration from clients, so nobody can fill it).
"""

from __future__ import annotations

import functools
import hashlib
import logging
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from graphql import (
    DefinitionNode,
    DocumentNode,
    FieldNode,
    FragmentDefinitionNode,
    FragmentSpreadNode,
    OperationDefinitionNode,
    OperationType,
    parse,
    print_ast,
)
from graphql.language import REMOVE, Visitor, visit

log = logging.getLogger("portal.api")

# Where the web portal's documents are: beside the `portal` package in a checkout, or in a
# folder on the Python path (the Docker image copies them to /opt/parley/graphql/operations).
OPERATIONS_FOLDER = Path("graphql") / "operations"


def _operation_folders() -> Iterator[Path]:
    yield Path(__file__).resolve().parent.parent.parent / OPERATIONS_FOLDER
    for entry in sys.path:
        if entry:
            yield Path(entry) / OPERATIONS_FOLDER


@functools.cache
def operation_files() -> tuple[Path, ...]:
    """The `.graphql` files of the first operations folder found, in name order."""
    for folder in _operation_folders():
        files = sorted(folder.glob("*.graphql")) if folder.is_dir() else []
        if files:
            return tuple(files)
    log.warning("no graphql/operations folder found: no persisted operations")
    return ()


def _definitions(files: Iterable[Path]) -> list[DefinitionNode]:
    return [d for path in files for d in parse(path.read_text()).definitions]


def operation_text(
    operation: OperationDefinitionNode, fragments: dict[str, FragmentDefinitionNode]
) -> str:
    """The operation with every fragment it uses (transitively, first use first), printed."""
    used: dict[str, FragmentDefinitionNode] = {}
    names: list[str] = []

    class Spreads(Visitor):
        def enter_fragment_spread(self, node: FragmentSpreadNode, *_: Any) -> None:
            names.append(node.name.value)

    todo: list[DefinitionNode] = [operation]
    while todo:
        visit(todo.pop(), Spreads())
        for name in names:
            if name not in used:
                used[name] = fragments[name]
                todo.append(fragments[name])
        names.clear()
    return print_ast(DocumentNode(definitions=(operation, *used.values())))


class _WithoutTypenames(Visitor):
    def enter_field(self, node: FieldNode, *_: Any) -> Any:
        return REMOVE if node.name.value == "__typename" else None


def shape_of(document: DocumentNode) -> str:
    """``document`` printed without its `__typename` fields, the operation first and the
    fragments in name order. A client's cache adds `__typename` to every selection set (urql's
    document cache, which the web portal uses) and may order the fragments its own way: the
    document it sends still has the shape of the registered one."""
    stripped = visit(document, _WithoutTypenames())
    operations = [d for d in stripped.definitions if isinstance(d, OperationDefinitionNode)]
    fragments = sorted(
        (d for d in stripped.definitions if isinstance(d, FragmentDefinitionNode)),
        key=lambda d: d.name.value,
    )
    return print_ast(DocumentNode(definitions=(*operations, *fragments)))


def sha256_of(text: str) -> str:
    return hashlib.sha256(text.encode()).hexdigest()


@dataclass(frozen=True, slots=True)
class PersistedOperation:
    name: str
    kind: OperationType
    text: str
    sha256: str


class PersistedOperations:
    """The registered operations, by name, by hash and by text."""

    def __init__(self, operations: Iterable[PersistedOperation]) -> None:
        self.by_name = {op.name: op for op in operations}
        self.by_hash = {op.sha256: op for op in self.by_name.values()}
        self.by_text = {op.text: op for op in self.by_name.values()}

    @classmethod
    def load(cls, files: Iterable[Path] | None = None) -> PersistedOperations:
        definitions = _definitions(operation_files() if files is None else files)
        fragments = {d.name.value: d for d in definitions if isinstance(d, FragmentDefinitionNode)}
        operations = []
        for d in definitions:
            if isinstance(d, OperationDefinitionNode) and d.name is not None:
                text = operation_text(d, fragments)
                operations.append(
                    PersistedOperation(d.name.value, d.operation, text, sha256_of(text))
                )
        return cls(operations)

    def names(self) -> frozenset[str]:
        return frozenset(self.by_name)

    def matching(self, query: str) -> PersistedOperation | None:
        """The registered operation whose text is exactly ``query``."""
        return self.by_text.get(query)

    @functools.cached_property
    def by_shape(self) -> dict[str, PersistedOperation]:
        return {shape_of(parse(op.text)): op for op in self.by_name.values()}


@functools.cache
def registry() -> PersistedOperations:
    """The web portal's operations, read once per process."""
    return PersistedOperations.load()


class PersistedQueryError(Exception):
    """A `persistedQuery` extension the registry cannot honour, with its code."""

    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code = code
        self.message = message


def requested_hash(extensions: dict[str, Any] | None) -> str | None:
    """`extensions.persistedQuery.sha256Hash`, checked for shape; None when not sent."""
    if not extensions or "persistedQuery" not in extensions:
        return None
    persisted = extensions["persistedQuery"]
    digest = persisted.get("sha256Hash") if isinstance(persisted, dict) else None
    if (
        not isinstance(persisted, dict)
        or persisted.get("version", 1) != 1
        or not isinstance(digest, str)
        or len(digest) != 64
    ):
        raise PersistedQueryError(
            "BAD_REQUEST",
            '`extensions.persistedQuery` is `{"version": 1, "sha256Hash": "<64 hex digits>"}`.',
        )
    return digest.lower()


def resolve_query(query: object, extensions: dict[str, Any] | None) -> object:
    """The query text a request runs: its own, or the registered one its hash names."""
    digest = requested_hash(extensions)
    if digest is None:
        return query
    if query is None or query == "":
        found = registry().by_hash.get(digest)
        if found is None:
            raise PersistedQueryError(
                "PERSISTED_QUERY_NOT_FOUND",
                "No registered operation has this `sha256Hash`: send the `query` itself.",
            )
        return found.text
    if isinstance(query, str) and sha256_of(query) != digest:
        raise PersistedQueryError(
            "BAD_REQUEST", "`extensions.persistedQuery.sha256Hash` is not the SHA-256 of `query`."
        )
    return query
