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

# graphql-core 3.3 names the coordinate in each change's description; these find it.
_CONTAINER = re.compile(r"(?:union type|implemented by) (\w+)")
_MEMBER = re.compile(r"@\w+(?:\(\w+:\))?|\b[_A-Za-z]\w*\.\w+(?:\(\w+:\))?")
_TYPE = re.compile(r"^(?:Standard scalar )?(\w+) (?:was|changed|no longer)")


def previous_release() -> Path:
    releases = sorted(RELEASES.glob("*.graphql"))
    assert releases, "graphql/releases/ holds no previous release to compare against"
    return releases[-1]


def load(path: Path) -> GraphQLSchema:
    return build_schema(path.read_text(encoding="utf-8"))


def coordinate(change: BreakingChange | DangerousChange) -> str:
    """The schema coordinate a change names (``Type``, ``Type.field``, ``Type.field(arg:)``,
    ``Enum.VALUE``, ``@directive``, ``@directive(arg:)``); for a union member or an
    interface, the union or the implementing type."""
    for pattern in (_CONTAINER, _MEMBER, _TYPE):
        found = pattern.search(change.description)
        if found:
            return found.group(found.lastindex or 0)
    raise AssertionError(f"no coordinate known for: {change.description}")


def unreleased_section() -> str:
    text = CHANGELOG.read_text(encoding="utf-8")
    start = UNRELEASED_HEADING.search(text)
    assert start, f"{CHANGELOG.name} has no `## Unreleased` section"
    following = re.search(r"^## ", text[start.end() :], re.MULTILINE)
    return text[start.end() : start.end() + following.start()] if following else text[start.end() :]


def listed_coordinates(section: str) -> set[str]:
    """Coordinates in backticks at the start of a bullet (`- `Type.field`: ...`)."""
    return set(re.findall(r"^\s*[-*] +(?:\*\*)?`([^`]+)`", section, re.MULTILINE))


def test_previous_release_is_a_valid_schema() -> None:
    schema = load(previous_release())
    assert schema.query_type is not None


@pytest.mark.parametrize(
    ("description", "expected"),
    [
        ("Field Query.node changed type from Node! to Node.", "Query.node"),
        ("Argument Query.cases(first:) has changed type from Int to Int!.", "Query.cases(first:)"),
        (
            "A required argument Mutation.closeCase(reason:) was added.",
            "Mutation.closeCase(reason:)",
        ),
        ("A required field CaseInput.key was added.", "CaseInput.key"),
        ("Enum value CaseStage.CLOSED was removed.", "CaseStage.CLOSED"),
        ("Offer was removed from union type Item.", "Item"),
        ("Offer no longer implements interface Node.", "Offer"),
        ("Field Provider.adapter was removed.", "Provider.adapter"),
        ("Currency was removed.", "Currency"),
        ("Currency changed from a Scalar type to an Enum type.", "Currency"),
        ("Standard scalar Float was removed because it is not referenced.", "Float"),
        ("Directive @live was removed.", "@live"),
        ("Argument @live(if:) was removed.", "@live(if:)"),
        ("Node added to interfaces implemented by Scheme.", "Scheme"),
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
