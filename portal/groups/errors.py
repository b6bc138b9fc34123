"""Expected refusals of links and groups: coded as case errors, shown as userErrors."""

from __future__ import annotations

from portal.cases.errors import CaseError


class GroupError(CaseError):
    pass


class GroupNotFound(GroupError):
    """Also what a group the actor may not see looks like."""

    def __init__(self) -> None:
        super().__init__("NOT_FOUND", "No such group.", "group_id")


def case_not_found(field: str) -> GroupError:
    return GroupError("NOT_FOUND", "No such case.", field)
