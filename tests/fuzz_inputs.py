"""Generated GraphQL operations for every Query and Mutation field of graphql/schema.graphql,
valid and invalid, with hypothesis-graphql (issue 13, deliverable 7).

Generation is separate from sending: the operations come out as a plain, reproducible list (a
fixed seed, no example database, no shrinking), which the suite's live test and bench/fuzz.py
both send to a running `portal serve`. The same seed and the same IDs give the same list.
"""

from __future__ import annotations

import string
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass, replace
from functools import cache
from pathlib import Path
from typing import Any

import graphql
from hypothesis import HealthCheck, Phase, given, seed, settings
from hypothesis import strategies as st
from hypothesis.configuration import set_hypothesis_home_dir
from hypothesis.errors import InvalidArgument
from hypothesis_graphql import Mode, from_schema, nodes

SCHEMA_PATH = Path(__file__).resolve().parent.parent / "graphql" / "schema.graphql"

# Hypothesis caches Unicode tables (and nothing else here: no example database) under its home
# directory, `.hypothesis/` in the working directory by default: keep it out of the repository.
set_hypothesis_home_dir(Path(tempfile.gettempdir()) / "parley-hypothesis")

# Values a careful attacker tries first, mixed into hypothesis' own strings.
ODD_STRINGS = (
    "",
    " ",
    "\x00",
    "a\x00b@example.org",
    "x" * 300 + "@example.org",  # over 254 characters (RFC 5321)
    # Real demo accounts, but none the fuzz run signs in as: failed logins may lock them.
    "tom@consumer.example",
    "li.na@consumer.example",
    "ü" * 5000,
    "' OR 1=1 --",
    "%s%s%n",
    "\u202e\ufeff\u200b",
    "😀" * 100,
    "../../etc/passwd",
    "https://127.0.0.1/hook",
    "http://2130706433/",
    "9" * 400,
)
ODD_INTS = (0, -1, 1, 50, 100, 101, 1000, 2**31 - 1, -(2**31))
# Out of GraphQL's Int range: the server must refuse them as bad input.
OUT_OF_RANGE_INTS = (2**31, 2**53 + 1, 10**30, -(10**30))
ODD_DATETIMES = (
    "2026-01-01T00:00:00Z",
    "2026-06-30T12:00:00+02:00",
    "2026-06-30T12:00:00",
    "0001-01-01T00:00:00+14:00",
    "9999-12-31T23:59:59-14:00",
    "9999-12-31T23:59:59Z",
    "2026-02-30T00:00:00Z",
    "yesterday",
    "",
    "2026-01-01T00:00:00\x00Z",
)
ODD_DATES = ("2026-01-01", "0001-01-01", "9999-12-31", "2026-13-01", "1.1.2026", "")
ODD_DECIMALS = ("0", "-0", "0.01", "-5", "1e400", "NaN", "Infinity", "-Infinity", "9" * 60, "x")


@dataclass(frozen=True)
class Operation:
    """One generated GraphQL request body; ``field`` is the root field it was generated for."""

    field: str
    valid: bool
    query: str
    variables: dict[str, Any] | None = None

    def body(self) -> dict[str, Any]:
        if self.variables is None:
            return {"query": self.query}
        return {"query": self.query, "variables": self.variables}


@cache
def load_schema() -> graphql.GraphQLSchema:
    return graphql.build_schema(SCHEMA_PATH.read_text())


def root_fields() -> list[str]:
    """Every Query and Mutation field of the published schema."""
    schema = load_schema()
    assert schema.query_type is not None
    assert schema.mutation_type is not None
    return [*schema.query_type.fields, *schema.mutation_type.fields]


def _json_value() -> st.SearchStrategy[graphql.ValueNode]:
    leaves = st.one_of(
        st.none().map(lambda _: nodes.Null),
        st.booleans().map(nodes.Boolean),
        st.integers().map(nodes.Int),
        st.text(max_size=20).map(nodes.String),
    )
    return st.recursive(
        leaves,
        lambda inner: st.one_of(
            st.lists(inner, max_size=4).map(lambda items: graphql.ListValueNode(values=items)),
            st.dictionaries(
                st.text(string.ascii_letters, min_size=1, max_size=8), inner, max_size=4
            ).map(
                lambda d: nodes.Object(
                    [
                        graphql.ObjectFieldNode(name=graphql.NameNode(value=k), value=v)
                        for k, v in d.items()
                    ]
                )
            ),
        ),
        max_leaves=10,
    )


def scalar_strategies(ids: Sequence[str]) -> dict[str, st.SearchStrategy[graphql.ValueNode]]:
    """Strategies for the schema's scalars: real object IDs of the running server, edge values
    and arbitrary text, valid and not."""
    text = st.text(st.characters(codec="utf-8", exclude_categories=["Cs"]), max_size=40)
    # Mostly real IDs (three times in four): a random one is only ever NOT_FOUND.
    real = st.sampled_from(sorted(ids)) if ids else text
    id_values = st.one_of(real, real, real, text)
    return {
        "ID": id_values.map(nodes.String),
        "String": st.one_of(text, st.sampled_from(ODD_STRINGS)).map(nodes.String),
        "Int": st.one_of(
            st.integers(-3, 120), st.sampled_from(ODD_INTS), st.sampled_from(OUT_OF_RANGE_INTS)
        ).map(nodes.Int),
        "DateTime": st.one_of(
            st.sampled_from(ODD_DATETIMES),
            st.datetimes().map(lambda d: d.isoformat() + "Z"),
            text,
        ).map(nodes.String),
        "Date": st.one_of(st.sampled_from(ODD_DATES), st.dates().map(str), text).map(nodes.String),
        "Decimal": st.one_of(
            st.sampled_from(ODD_DECIMALS), st.decimals(places=2, allow_nan=False).map(str), text
        ).map(nodes.String),
        "JSON": _json_value(),
        "Upload": st.one_of(st.just(nodes.Null), text.map(nodes.String)),
    }


def with_variables(query: str) -> tuple[str, dict[str, Any]]:
    """``query`` with each root field argument sent as a variable of the argument's declared
    type: variable values take another path through the scalars than literals do."""
    schema = load_schema()
    document = graphql.parse(query)
    (operation,) = document.definitions
    assert isinstance(operation, graphql.OperationDefinitionNode)
    root = schema.get_root_type(operation.operation)
    assert root is not None
    definitions: list[graphql.VariableDefinitionNode] = []
    variables: dict[str, Any] = {}
    selections = []
    for selection in operation.selection_set.selections:
        if not isinstance(selection, graphql.FieldNode) or selection.name.value not in root.fields:
            selections.append(selection)
            continue
        declared = root.fields[selection.name.value].args
        arguments = []
        for argument in selection.arguments or ():
            spec = declared.get(argument.name.value)
            if spec is None:  # an invalid operation's unknown argument stays literal
                arguments.append(argument)
                continue
            name = f"v{len(definitions)}"
            variable = graphql.VariableNode(name=graphql.NameNode(value=name))
            definitions.append(
                graphql.VariableDefinitionNode(
                    variable=variable, type=graphql.parse_type(str(spec.type))
                )
            )
            variables[name] = graphql.value_from_ast_untyped(argument.value)
            arguments.append(graphql.ArgumentNode(name=argument.name, value=variable))
        selections.append(replace(selection, arguments=tuple(arguments)))
    operation = replace(
        operation,
        variable_definitions=tuple(definitions),
        selection_set=replace(operation.selection_set, selections=tuple(selections)),
    )
    return graphql.print_ast(operation), variables


def with_user_errors(query: str) -> str:
    """``query`` with `userErrors { field code }` selected in each mutation payload that has
    them: a run then shows how far its requests got (bench/fuzz.py counts the codes)."""
    schema = load_schema()
    document = graphql.parse(query)
    (operation,) = document.definitions
    assert isinstance(operation, graphql.OperationDefinitionNode)
    root = schema.get_root_type(operation.operation)
    if root is None or operation.operation != graphql.OperationType.MUTATION:
        return query
    wanted = graphql.parse("{ userErrors { field code } }").definitions[0]
    assert isinstance(wanted, graphql.OperationDefinitionNode)
    selections = []
    for selection in operation.selection_set.selections:
        spec = (
            root.fields.get(selection.name.value)
            if isinstance(selection, graphql.FieldNode)
            else None
        )
        payload = graphql.get_named_type(spec.type) if spec else None
        if (
            isinstance(selection, graphql.FieldNode)
            and isinstance(payload, graphql.GraphQLObjectType)
            and "userErrors" in payload.fields
            and selection.selection_set is not None
        ):
            inner = (*selection.selection_set.selections, *wanted.selection_set.selections)
            selection = replace(
                selection, selection_set=replace(selection.selection_set, selections=inner)
            )
        selections.append(selection)
    operation = replace(
        operation, selection_set=replace(operation.selection_set, selections=tuple(selections))
    )
    return graphql.print_ast(operation)


def generate(ids: Sequence[str], per_field: int, run_seed: int) -> list[Operation]:
    """``per_field`` valid and ``per_field`` invalid operations for every root field (fewer
    when hypothesis finds no way to break a field); every other operation sends its arguments
    as variables."""
    schema = load_schema()
    scalars = scalar_strategies(ids)
    found: list[Operation] = []
    for field in root_fields():
        for valid in (True, False):
            mode = Mode.POSITIVE if valid else Mode.NEGATIVE
            strategy = from_schema(schema, fields=[field], custom_scalars=scalars, mode=mode)
            try:
                drawn = _draw(strategy, field, valid, per_field, run_seed)
                found.extend(replace(op, query=with_user_errors(op.query)) for op in drawn)
            except InvalidArgument:
                # No argument to break (`uploadLimits`, `logout`, `startAuditRun`...): only valid
                # operations exist.
                assert not valid, field
    return [
        Operation(op.field, op.valid, *with_variables(op.query)) if i % 2 else op
        for i, op in enumerate(found)
    ]


def _draw(
    strategy: st.SearchStrategy[str], field: str, valid: bool, count: int, run_seed: int
) -> list[Operation]:
    drawn: list[Operation] = []

    @seed(run_seed)
    @settings(
        max_examples=count,
        database=None,  # nothing written to .hypothesis/, the same list every run
        deadline=None,
        phases=[Phase.generate],
        suppress_health_check=list(HealthCheck),
        derandomize=False,
    )
    @given(strategy)
    def collect(query: str) -> None:
        drawn.append(Operation(field, valid, query))

    collect()
    return drawn[:count]
