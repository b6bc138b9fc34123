"""Reading the record access log: `accessLog` for auditors and admins (scoped by
policy.access_log_filter), `viewer.accessLog` for the person whose records were read."""

from __future__ import annotations

from typing import Annotated

import strawberry

from portal.accesslog import reading
from portal.accesslog.reading import AccessLogFilter, AccessLogForbidden
from portal.api.accesslog.types import AccessLogFilterInput, AccessRecordEntry, RecordRead
from portal.api.context import Info
from portal.api.errors import PublicError
from portal.api.pagination import (
    After,
    Before,
    Connection,
    First,
    Last,
    Window,
    connection,
    newest_page,
    window,
)
from portal.feedback.errors import FeedbackError


class AccessLogRefused(PublicError):
    code = "FORBIDDEN"


class InvalidPeriod(PublicError):
    code = "INVALID_PERIOD"


async def own_access_log(info: Info, asked: Window) -> Connection[RecordRead]:
    """`viewer.accessLog`: the reads of the viewer's own records, newest first."""
    actor = info.context.require_actor()
    page = await newest_page(reading.reads_of_own_records(actor), asked)
    return connection(page, lambda r: RecordRead.of(r, actor.id))


@strawberry.type
class AccessLogQueries:
    @strawberry.field(
        description="Who read which records, newest first (at most 100 per page): for admins "
        "and installation auditors every read; for an organisation's or a provider's auditor "
        "the reads of its cases and reports. Anyone else gets FORBIDDEN; a `from` after "
        "`until` gets INVALID_PERIOD."
    )
    async def access_log(
        self,
        info: Info,
        filter: Annotated[
            AccessLogFilterInput | None,
            strawberry.argument(description="Only the reads that match every field given."),
        ] = None,
        first: First = None,
        after: After = None,
        last: Last = None,
        before: Before = None,
    ) -> Connection[AccessRecordEntry]:
        actor = info.context.require_actor()
        where = None
        if filter is not None:
            where = AccessLogFilter(
                filter.case_reference, filter.person, filter.action, filter.from_, filter.until
            )
        try:
            query = await reading.reviewable(actor, where)
        except AccessLogForbidden as exc:
            raise AccessLogRefused("The access log is for auditors and admins.") from exc
        except FeedbackError as exc:
            raise InvalidPeriod(exc.message) from exc
        page = await newest_page(query, window(first, after, last, before))
        labels = await reading.reader_labels(page.rows)
        return connection(page, lambda r: AccessRecordEntry.of(r, labels))
