"""The schema diff against the previous release (issue 18, deliverable 7): every breaking change
graphql-core finds between graphql/releases/<newest>.graphql and graphql/schema.graphql is listed
in docs/schema-changelog.md, in the unreleased section, by its schema coordinate."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from graphql import (
    BreakingChange,
    BreakingChangeType,
    DangerousChange,
    GraphQLSchema,
    build_schema,
    find_breaking_changes,
    find_dangerous_changes,
)

ROOT = Path(__file__).resolve().parents[1]
RELEASES = ROOT / "graphql" / "releases"
CURRENT = ROOT / "graphql" / "schema.graphql"
CHANGELOG = ROOT / "docs" / "schema-changelog.md"
UNRELEASED_HEADING = re.compile(r"^## Unreleased\b.*$", re.MULTILINE)

# graphql-core's description of each kind of change, and the coordinate it names.
_COORDINATES: list[tuple[re.Pattern[str], str]] = [
    (
        re.compile(r"^(?P<t>\w+)\.(?P<f>\w+) arg (?P<a>\w+) (?:was removed|has changed)"),
        "{t}.{f}({a}:)",
    ),
    (
        re.compile(r"^A required arg (?P<a>\w+) on (?P<t>\w+)\.(?P<f>\w+) was added"),
        "{t}.{f}({a}:)",
    ),
    (re.compile(r"^A required field (?P<f>\w+) on input type (?P<t>\w+) was added"), "{t}.{f}"),
    (re.compile(r"^(?P<v>\w+) was removed from enum type (?P<t>\w+)"), "{t}.{v}"),
    (re.compile(r"^(?P<m>\w+) was removed from union type (?P<t>\w+)"), "{t}"),
    (re.compile(r"^(?P<t>\w+) no longer implements interface (?P<i>\w+)"), "{t}"),
    (re.compile(r"^(?P<t>\w+)\.(?P<f>\w+) (?:was removed|changed type)"), "{t}.{f}"),
    (re.compile(r"^(?:Standard scalar )?(?P<t>\w+) (?:was removed|changed from)"), "{t}"),
    # Dangerous changes.
    (re.compile(r"^(?P<v>\w+) was added to enum type (?P<t>\w+)"), "{t}.{v}"),
    (re.compile(r"^(?P<m>\w+) was added to union type (?P<t>\w+)"), "{t}"),
    (
        re.compile(r"^An optional arg (?P<a>\w+) on (?P<t>\w+)\.(?P<f>\w+) was added"),
        "{t}.{f}({a}:)",
    ),
    (re.compile(r"^An optional field (?P<f>\w+) on input type (?P<t>\w+) was added"), "{t}.{f}"),
    (
        re.compile(r"^(?P<t>\w+)\.(?P<f>\w+) arg (?P<a>\w+) has changed defaultValue"),
        "{t}.{f}({a}:)",
    ),
    (re.compile(r"^(?P<i>\w+) added to interfaces implemented by (?P<t>\w+)"), "{t}"),
]
_DIRECTIVE_CHANGES = {
    BreakingChangeType.DIRECTIVE_REMOVED,
    BreakingChangeType.DIRECTIVE_ARG_REMOVED,
    BreakingChangeType.REQUIRED_DIRECTIVE_ARG_ADDED,
    BreakingChangeType.DIRECTIVE_REPEATABLE_REMOVED,
    BreakingChangeType.DIRECTIVE_LOCATION_REMOVED,
}


def previous_release() -> Path:
    releases = sorted(RELEASES.glob("*.graphql"))
    assert releases, "graphql/releases/ holds no previous release to compare against"
    return releases[-1]


def load(path: Path) -> GraphQLSchema:
    return build_schema(path.read_text(encoding="utf-8"))


def coordinate(change: BreakingChange | DangerousChange) -> str:
    """The schema coordinate a change names (``Type.field``, ``Type.field(arg:)``,
    ``Enum.VALUE``, ``Type``; ``@directive`` for directive changes)."""
    if change.type in _DIRECTIVE_CHANGES:
        names = re.findall(r"\b\w+\b", change.description)
        return "@" + (
            names[-1] if change.type != BreakingChangeType.DIRECTIVE_REMOVED else names[0]
        )
    for pattern, template in _COORDINATES:
        match = pattern.match(change.description)
        if match:
            return template.format(**match.groupdict())
    raise AssertionError(f"no coordinate known for: {change.description}")


def unreleased_section() -> str:
    text = CHANGELOG.read_text(encoding="utf-8")
    start = UNRELEASED_HEADING.search(text)
    assert start, f"{CHANGELOG.name} has no `## Unreleased` section"
    following = re.search(r"^## ", text[start.end() :], re.MULTILINE)
    return text[start.end() : start.end() + following.start()] if following else text[start.end() :]


def listed_coordinates(section: str) -> set[str]:
    """Coordinates in backticks at the start of a bullet (`- `Type.field`: ...`)."""
    return set(re.findall(r"^\s*[-*] +`([^`]+)`", section, re.MULTILINE))


def test_previous_release_is_a_valid_schema() -> None:
    schema = load(previous_release())
    assert schema.query_type is not None


@pytest.mark.parametrize(
    ("description", "expected"),
    [
        ("Query.node changed type from Node! to Node.", "Query.node"),
        ("Query.cases arg first has changed type from Int to Int!.", "Query.cases(first:)"),
        ("A required arg reason on Mutation.closeCase was added.", "Mutation.closeCase(reason:)"),
        ("A required field key on input type CaseInput was added.", "CaseInput.key"),
        ("CLOSED was removed from enum type CaseStage.", "CaseStage.CLOSED"),
        ("Offer was removed from union type Item.", "Item"),
        ("Offer no longer implements interface Node.", "Offer"),
        ("Provider.adapter was removed.", "Provider.adapter"),
        ("Currency was removed.", "Currency"),
        ("Currency changed from a Scalar type to an Enum type.", "Currency"),
    ],
)
def test_every_kind_of_change_names_its_coordinate(description: str, expected: str) -> None:
    change = BreakingChange(BreakingChangeType.FIELD_CHANGED_KIND, description)
    assert coordinate(change) == expected


def test_every_breaking_change_is_in_the_changelog() -> None:
    previous = previous_release()
    changes = find_breaking_changes(load(previous), load(CURRENT))
    listed = listed_coordinates(unreleased_section())
    missing = sorted(
        f"{coordinate(change)}  ({change.description})"
        for change in changes
        if coordinate(change) not in listed
    )
    assert not missing, (
        f"breaking changes against graphql/releases/{previous.name} that docs/schema-changelog.md "
        "does not list under `## Unreleased` (a bullet starting with the coordinate in backticks, "
        "under your branch's `### <branch>` heading, saying what a client changes; where the old "
        "element can stay, keep it deprecated instead):\n" + "\n".join(missing)
    )


def test_every_dangerous_change_names_its_coordinate() -> None:
    # Not required in the changelog (see its policy), but each must be nameable so that a bullet
    # can cite it; a message graphql-core words differently fails here first.
    for change in find_dangerous_changes(load(previous_release()), load(CURRENT)):
        assert coordinate(change)
