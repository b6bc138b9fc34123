"""What an upload may be, for clients to check a file before sending it (issue 16).

Read from what the server enforces: the size settings the body cap and the content check
apply (portal.app, portal.casefiles.services) and the allow-list of types the content is
sniffed against (portal.casefiles.sniffing.ALLOWED); nothing is restated here.
"""

from __future__ import annotations

import strawberry

from portal.api.context import Info
from portal.casefiles.services import UPLOAD_OVERHEAD
from portal.casefiles.sniffing import ALLOWED


@strawberry.type(description="What one upload may be: its size and its types.")
class UploadLimits:
    max_file_bytes: int = strawberry.field(
        description="The largest document one upload may carry, in bytes; a larger one is "
        "refused with `FILE_TOO_LARGE` (HTTP 413 before its body is read, when the whole "
        "request is over `maxRequestBytes`)."
    )
    max_request_bytes: int = strawberry.field(
        description="The largest multipart upload request, in bytes: the file and room for "
        "the operation and its headers."
    )
    max_unpacked_bytes: int = strawberry.field(
        description="What a DOCX, XLSX or ODT may unpack to, in all, in bytes "
        "(`ARCHIVE_TOO_LARGE`)."
    )
    accepted_types: list[str] = strawberry.field(
        description="The media types accepted, as the content shows them (not the name)."
    )
    accepted_extensions: list[str] = strawberry.field(
        description="The file name extensions accepted, with their dot (`.pdf`); a name's "
        "extension must be one of its content's type (`TYPE_MISMATCH`)."
    )


@strawberry.type
class CaseFileQueries:
    @strawberry.field(
        description="What an upload may be (size, types): for checking a file before it is "
        "sent. Public: the same for everyone."
    )
    def upload_limits(self, info: Info) -> UploadLimits:
        settings = info.context.settings
        return UploadLimits(
            max_file_bytes=settings.document_max_bytes,
            max_request_bytes=settings.document_max_bytes + UPLOAD_OVERHEAD,
            max_unpacked_bytes=settings.document_max_unpacked_bytes,
            accepted_types=[t.content_type for t in ALLOWED],
            accepted_extensions=[e for t in ALLOWED for e in t.extensions],
        )
