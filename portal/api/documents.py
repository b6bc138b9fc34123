"""Reading a GraphQL document: the limits first, then the parse, and a cache of validated ones.

Issue 13 F2: a megabyte of `__typename` tokens was parsed in full (1-2.5 s) before its token
count was refused, and every document that parsed was cached, valid or not. Now a query is
measured before it is parsed: its size in bytes (`graphql_max_query_bytes`), then one pass of
graphql-core's lexer that stops at `graphql_max_tokens`. Only what passes both is parsed; what
parses has its field comparisons counted against `graphql_max_field_comparisons` before
validation may run the quadratic overlap rule (portal.api.overlap), and
only a document that validation accepted (depth, aliases, cost, introspection and the rest) is
cached, in a cache bounded by the bytes of query text it holds (`graphql_document_cache_bytes`),
not by a count of entries. The view, the WebSocket handler and the schema extension all read
documents through one `Documents`, so no path parses without the limits.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Iterator
from contextvars import ContextVar

from graphql import (
    DocumentNode,
    GraphQLError,
    GraphQLSyntaxError,
    NameNode,
    OperationDefinitionNode,
    OperationType,
    SelectionSetNode,
    Source,
    parse,
)
from graphql.language import Lexer, TokenKind
from strawberry.extensions import SchemaExtension

from portal.api.characters import variable_error
from portal.api.overlap import field_comparisons
from portal.lengths import plain_size


class DocumentRefused(GraphQLError):
    """A document refused before execution, with its code (and where known, its location)."""

    def __init__(self, code: str, message: str, error: GraphQLError | None = None) -> None:
        super().__init__(
            message,
            source=error.source if error else None,
            positions=error.positions if error else None,
            extensions={"code": code},
        )
        self.code = code


class DocumentCache:
    """Validated documents by query text, least recently used first out, holding at most
    ``max_bytes`` of query text (UTF-8) in all."""

    def __init__(self, max_bytes: int) -> None:
        self.max_bytes = max_bytes
        self.held = 0
        self._documents: OrderedDict[str, tuple[DocumentNode, int]] = OrderedDict()

    def __len__(self) -> int:
        return len(self._documents)

    def get(self, query: str) -> DocumentNode | None:
        entry = self._documents.get(query)
        if entry is None:
            return None
        self._documents.move_to_end(query)
        return entry[0]

    def put(self, query: str, document: DocumentNode) -> None:
        size = len(query.encode())
        if size > self.max_bytes or query in self._documents:
            return
        while self.held + size > self.max_bytes:
            _, (_, freed) = self._documents.popitem(last=False)
            self.held -= freed
        self._documents[query] = (document, size)
        self.held += size


class Documents:
    """The one way to a `DocumentNode` from a client's query text."""

    def __init__(
        self, max_bytes: int, max_tokens: int, cache_bytes: int, max_field_comparisons: int
    ) -> None:
        self.max_bytes = max_bytes
        self.max_tokens = max_tokens
        self.max_field_comparisons = max_field_comparisons
        self.cache = DocumentCache(cache_bytes)

    def read(self, query: str) -> DocumentNode | DocumentRefused:
        """The document (from the cache when validated before), or its refusal, returned
        rather than raised: an exception's traceback would tie the request (and its query
        text) into a reference cycle that only the collector's oldest generation frees."""
        refusal = self._oversized(query)
        if refusal is not None:
            return refusal
        cached = self.cache.get(query)
        if cached is not None:
            return cached
        refusal = self._overlong(query)
        if refusal is not None:
            return refusal
        try:
            # max_tokens again: the parse counts the same way, so it cannot run past the limit.
            document = parse(query, max_tokens=self.max_tokens)
        except GraphQLSyntaxError as exc:
            code = "TOKEN_LIMIT_EXCEEDED" if "tokens. Parsing aborted" in exc.message else None
            return DocumentRefused(code or "GRAPHQL_PARSE_FAILED", exc.message, exc)
        if field_comparisons(document, self.max_field_comparisons) is None:
            return DocumentRefused(
                "FIELD_COMPARISON_LIMIT_EXCEEDED",
                "The document repeats fields so often that validating it would take more than "
                f"{self.max_field_comparisons} comparisons. Select each field once per "
                "selection set.",
            )
        return document

    def parse(self, query: str) -> DocumentNode:
        """`read`, raising the refusal."""
        document = self.read(query)
        if isinstance(document, DocumentRefused):
            raise document
        return document

    def _oversized(self, query: str) -> DocumentRefused | None:
        # Characters first: no need to encode a megabyte to know it is over the limit.
        if len(query) > self.max_bytes or len(query.encode()) > self.max_bytes:
            return DocumentRefused(
                "QUERY_TOO_LARGE",
                f"The query is larger than {plain_size(self.max_bytes)}, the most allowed.",
            )
        return None

    def _overlong(self, query: str) -> DocumentRefused | None:
        """One pass of graphql-core's tokenizer that stops at the token limit. Comments count,
        as the parser counts them. Tokens are read one by one, not linked into the lexer's
        list, so each is freed as soon as it is counted."""
        lexer = Lexer(Source(query))
        count, position = 0, 0
        try:
            while True:
                token = lexer.read_next_token(position)
                if token.kind is TokenKind.EOF:
                    return None
                count += 1
                if count > self.max_tokens:
                    return DocumentRefused(
                        "TOKEN_LIMIT_EXCEEDED",
                        f"Document contains more than {self.max_tokens} tokens. Parsing aborted.",
                    )
                position = token.end
        except GraphQLSyntaxError:
            return None  # the parse reports it, with its location, within the same count


def operation_refusal(document: DocumentNode, name: str | None) -> DocumentRefused | None:
    try:
        operation_of(document, name)
    except DocumentRefused as refusal:
        return refusal.with_traceback(None)
    return None


def operation_of(document: DocumentNode, name: str | None) -> OperationDefinitionNode | None:
    """The operation a request runs. Issue 13 F12: several operations and no `operationName`
    is an error (GraphQL spec, GetOperation), not the first one. None when `name` matches none
    (reported by strawberry as before)."""
    operations = [d for d in document.definitions if isinstance(d, OperationDefinitionNode)]
    if name is None:
        if len(operations) > 1:
            raise DocumentRefused(
                "OPERATION_NAME_REQUIRED",
                f"The document holds {len(operations)} operations: "
                "name the one to run in `operationName`.",
            )
        return operations[0] if operations else None
    return next((o for o in operations if o.name and o.name.value == name), None)


# The document (or refusal) the view or the WebSocket handler read for the operation it is about
# to run, handed to `LimitedParser` so it is not read twice; set and reset around each execution.
READ_DOCUMENT: ContextVar[tuple[str, DocumentNode | DocumentRefused] | None] = ContextVar(
    "portal_read_document", default=None
)


def _stand_in(operation_name: str | None) -> DocumentNode:
    """A document strawberry can take the operation type of, for a refused request."""
    return DocumentNode(
        definitions=(
            OperationDefinitionNode(
                operation=OperationType.QUERY,
                name=NameNode(value=operation_name) if operation_name is not None else None,
                variable_definitions=(),
                directives=(),
                selection_set=SelectionSetNode(selections=()),
            ),
        )
    )


class LimitedParser(SchemaExtension):
    """The schema's parse and validation cache: documents through `Documents`, and a document
    whose validation found nothing into its cache (a cached one skips validation).

    A refusal is reported as the request's pre-execution error, on a stand-in document, rather
    than raised: strawberry keeps a raised error and its traceback in a reference cycle with
    the execution context, and so the query text, long after the answer went out."""

    def __init__(self, documents: Documents) -> None:
        self.documents = documents
        self.validated = False

    def on_parse(self) -> Iterator[None]:
        context = self.execution_context
        query = context.query
        # `operation_name` falls back to the first operation's name: the one the client sent
        # is kept apart.
        provided: str | None = getattr(context, "_provided_operation_name", None)
        if query and context.graphql_document is None:
            read = READ_DOCUMENT.get()
            found = read[1] if read is not None and read[0] == query else None
            if found is None:
                found = self.documents.read(query)
            # Issue 13 F8: strings in the variables, before anything reaches a resolver.
            refusal = variable_error(context.variables)
            if isinstance(found, DocumentRefused):
                refusal = found
            else:
                self.validated = found is self.documents.cache.get(query)
                refusal = refusal or operation_refusal(found, provided)
                context.graphql_document = found
            if refusal is not None:
                context.graphql_document = _stand_in(provided)
                context.pre_execution_errors = [refusal]
                self.validated = False
        yield

    def on_validate(self) -> Iterator[None]:
        context = self.execution_context
        if self.validated:
            context.pre_execution_errors = []  # strawberry then skips validation
        yield
        document = context.graphql_document
        if not self.validated and context.pre_execution_errors == [] and document is not None:
            self.documents.cache.put(context.query or "", document)
