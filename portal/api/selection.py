"""Which fields a request selects below the current one, read from the parsed document.

A list resolver uses it to fetch, for the whole page at once, only what the client asked
for. It reads the raw AST (fields, inline fragments, named fragments) rather than strawberry's
`selected_fields`, which converts the whole selection on every call. A directive such as
`@skip` is ignored: a field it skips is still counted, so the worst case is one fetch too many.
"""

from __future__ import annotations

from collections.abc import Iterable

from graphql import (
    FieldNode,
    FragmentDefinitionNode,
    FragmentSpreadNode,
    InlineFragmentNode,
    SelectionSetNode,
)

from portal.api.context import Info


def _fields(
    selection_sets: Iterable[SelectionSetNode | None],
    fragments: dict[str, FragmentDefinitionNode],
) -> list[FieldNode]:
    found: list[FieldNode] = []
    todo = [s for s in selection_sets if s is not None]
    seen: set[str] = set()
    while todo:
        for selection in todo.pop().selections:
            if isinstance(selection, FieldNode):
                found.append(selection)
            elif isinstance(selection, InlineFragmentNode):
                todo.append(selection.selection_set)
            elif isinstance(selection, FragmentSpreadNode):
                name = selection.name.value
                fragment = fragments.get(name)
                if fragment is not None and name not in seen:
                    seen.add(name)
                    todo.append(fragment.selection_set)
    return found


def selected(info: Info, *path: str) -> set[str]:
    """The names of the fields selected at ``path`` below the current field: for a
    connection, `selected(info, "edges", "node")` are the fields asked of each node."""
    raw = info._raw_info
    fragments = raw.fragments
    fields = list(raw.field_nodes)
    for name in path:
        fields = [
            f for f in _fields((f.selection_set for f in fields), fragments) if f.name.value == name
        ]
    return {f.name.value for f in _fields((f.selection_set for f in fields), fragments)}
