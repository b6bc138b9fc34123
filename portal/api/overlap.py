"""A budget for the work of graphql-core's `OverlappingFieldsCanBeMergedRule`, checked before
validation runs it.

The rule compares every pair of fields that share a response name in one selection set (through
inline fragments and fragment spreads), and for each pair, their sub-selections in the same way:
the work grows with the square of the repeats at every level, and multiplies through nesting. A
9.7 KB document of 745 `viewer { kind }`, far inside the token limit, held the event loop for
about a second (issue 13, found by the review after F2); four levels of four repeats, 2,000
tokens, a third of a second. Counting the comparisons the rule would make, and stopping at the
budget, costs at most the budget: a document that repeats fields that much is refused before
validation (`FIELD_COMPARISON_LIMIT_EXCEEDED`), whatever else it holds. Documents that select each
field once per selection set, as clients write them, make next to none.
"""

from __future__ import annotations

from graphql import (
    DocumentNode,
    FieldNode,
    FragmentDefinitionNode,
    FragmentSpreadNode,
    InlineFragmentNode,
    SelectionSetNode,
)

# Fields of one selection set by response name: the sub-selection of each (None for a leaf).
_Collected = dict[str, list[SelectionSetNode | None]]


class _OverBudget(Exception):
    pass


class _Comparisons:
    def __init__(self, document: DocumentNode, budget: int) -> None:
        self.fragments = {
            d.name.value: d for d in document.definitions if isinstance(d, FragmentDefinitionNode)
        }
        self.budget = budget
        self.count = 0
        self._collected: dict[int, _Collected] = {}
        self._within_done: set[int] = set()

    def charge(self, amount: int = 1) -> None:
        self.count += amount
        if self.count > self.budget:
            raise _OverBudget

    def collect(self, selection_set: SelectionSetNode) -> _Collected:
        """As the rule collects them: the set's fields, those of its inline fragments and of
        each fragment it spreads (once, however often spread; cycles are other rules')."""
        key = id(selection_set)
        found = self._collected.get(key)
        if found is not None:
            return found
        found = {}
        seen: set[str] = set()
        todo = [selection_set]
        while todo:
            for selection in todo.pop().selections:
                if isinstance(selection, FieldNode):
                    name = (selection.alias or selection.name).value
                    found.setdefault(name, []).append(selection.selection_set)
                elif isinstance(selection, InlineFragmentNode):
                    todo.append(selection.selection_set)
                elif isinstance(selection, FragmentSpreadNode):
                    fragment = self.fragments.get(selection.name.value)
                    if fragment is not None and fragment.name.value not in seen:
                        seen.add(fragment.name.value)
                        todo.append(fragment.selection_set)
        self._collected[key] = found
        return found

    def within(self, selection_set: SelectionSetNode | None) -> None:
        """Each selection set once (the rule, too, checks a set once for conflicts within)."""
        if selection_set is None or id(selection_set) in self._within_done:
            return
        self._within_done.add(id(selection_set))
        for subs in self.collect(selection_set).values():
            for i, first in enumerate(subs):
                for second in subs[i + 1 :]:
                    self.charge()
                    self.between(first, second)
            for sub in subs:
                self.within(sub)

    def between(self, first: SelectionSetNode | None, second: SelectionSetNode | None) -> None:
        if first is None or second is None or first is second:
            return
        others = self.collect(second)
        for name, subs in self.collect(first).items():
            for other in others.get(name, ()):
                for sub in subs:
                    self.charge()
                    self.between(sub, other)


def field_comparisons(document: DocumentNode, budget: int) -> int | None:
    """The comparisons of fields validation would make, or None past ``budget``."""
    comparisons = _Comparisons(document, budget)
    try:
        for definition in document.definitions:
            selection_set = getattr(definition, "selection_set", None)
            if isinstance(selection_set, SelectionSetNode):
                comparisons.within(selection_set)
    except _OverBudget:
        return None
    return comparisons.count
