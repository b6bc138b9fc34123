"""Batch loads for case files: unread counts for a whole page of cases in one statement."""

from __future__ import annotations

import uuid
from collections import defaultdict
from dataclasses import dataclass

from tortoise.expressions import Subquery
from tortoise.functions import Count

from portal.casefiles.models import Message, MessageRead
from portal.timeline.models import Visibility


@dataclass(frozen=True)
class UnreadKey:
    reader_id: uuid.UUID
    case_id: uuid.UUID
    scopes: frozenset[Visibility]


async def unread_counts(keys: list[UnreadKey]) -> list[int]:
    """One statement per distinct (reader, scopes): usually one for a request."""
    groups: dict[tuple[uuid.UUID, frozenset[Visibility]], list[uuid.UUID]] = defaultdict(list)
    for key in keys:
        groups[(key.reader_id, key.scopes)].append(key.case_id)
    counts: dict[UnreadKey, int] = {}
    for (reader, scopes), case_ids in groups.items():
        found: dict[uuid.UUID, int] = {}
        if scopes:
            read = MessageRead.filter(reader_id=reader).values("message_id")
            rows = (
                await Message.filter(case_id__in=case_ids, visibility__in=list(scopes))
                .exclude(author_id=reader)
                .exclude(id__in=Subquery(read))
                .annotate(unread=Count("id"))
                .group_by("case_id")
                .values_list("case_id", "unread")
            )
            found = {uuid.UUID(str(case)): int(n) for case, n in rows}
        for case_id in case_ids:
            counts[UnreadKey(reader, case_id, scopes)] = found.get(case_id, 0)
    return [counts[key] for key in keys]
