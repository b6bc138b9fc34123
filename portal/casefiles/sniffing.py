"""What a file is, by its content (QUALITY.md "Files": the allow-list is checked by magic
bytes, not by the name).

Binary formats are recognised by puremagic (a maintained, pure-Python magic-number library);
the zip containers DOCX, XLSX and ODT are opened and their declared main part checked, since
every zip starts with the same bytes (and a macro-enabled or encrypted one is refused); text,
CSV and e-mail have no magic bytes, so they must decode as UTF-8 without control characters,
and CSV must parse as CSV and an e-mail must start with RFC 5322 headers. The name's extension
must then be one of the detected type's, so that a file opens as what it is.
"""

from __future__ import annotations

import codecs
import csv
import io
import re
import zipfile
from dataclasses import dataclass
from email.parser import BytesHeaderParser
from email.policy import compat32
from typing import BinaryIO

import puremagic

from portal.casefiles.errors import CaseFileError
from portal.casefiles.filenames import extension_of
from portal.lengths import plain_size


@dataclass(frozen=True)
class FileType:
    content_type: str
    label: str
    extensions: tuple[str, ...]


PDF = FileType("application/pdf", "a PDF document", (".pdf",))
PNG = FileType("image/png", "a PNG image", (".png",))
JPEG = FileType("image/jpeg", "a JPEG image", (".jpg", ".jpeg"))
WEBP = FileType("image/webp", "a WebP image", (".webp",))
TEXT = FileType("text/plain", "plain text", (".txt", ".text"))
CSV = FileType("text/csv", "a CSV table", (".csv",))
EML = FileType("message/rfc822", "an e-mail", (".eml",))
DOCX = FileType(
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "a Word document",
    (".docx",),
)
XLSX = FileType(
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "an Excel workbook",
    (".xlsx",),
)
ODT = FileType("application/vnd.oasis.opendocument.text", "an OpenDocument text", (".odt",))

ALLOWED = (PDF, PNG, JPEG, WEBP, TEXT, CSV, EML, DOCX, XLSX, ODT)
_BY_MAGIC = {t.content_type: t for t in (PDF, PNG, JPEG, WEBP)}
_TEXTUAL = {".csv": CSV, ".eml": EML}

HEAD_BYTES = 8192
_CHUNK = 1 << 16
# Zip containers (Issue 13 F11: a DOCX that inflated to 200 MB was stored and handed to the
# other party). The central directory's declarations are checked first, so a bomb is refused
# unopened; then every entry is inflated once, in bounded chunks, counting what it really holds.
MAX_ENTRIES = 10_000
# The unpacked total's cap is a setting (PORTAL_DOCUMENT_MAX_UNPACKED_BYTES); this default is
# for callers that name none.
DEFAULT_MAX_UNPACKED = 100 * 1024 * 1024
# Office XML compresses well, but not a thousandfold: an entry over a megabyte that unpacks
# to more than this many times its packed size is a bomb.
MAX_COMPRESSION_RATIO = 100
_RATIO_FROM_BYTES = 1 << 20
_MAX_PART = 1 << 20
# Archives have no place inside a document (an embedded workbook of a chart included): the
# other party's viewer would open them unchecked. By name, and by content.
_ARCHIVE_NAMES = (".zip", ".jar", ".7z", ".rar", ".gz", ".tgz", ".tar", ".bz2", ".xz", ".cab")
_ARCHIVE_MAGIC = (
    b"PK\x03\x04",
    b"PK\x05\x06",
    b"PK\x07\x08",
    b"\x1f\x8b\x08",
    b"7z\xbc\xaf\x27\x1c",
    b"Rar!\x1a\x07",
    b"BZh",
    b"\xfd7zXZ\x00",
    b"MSCF",
)
# A zip's end-of-central-directory record: 22 bytes and a comment of up to 65,535, at the end.
_EOCD = b"PK\x05\x06"
_EOCD_SIZE = 22
_EOCD_REACH = _EOCD_SIZE + 0xFFFF
_OOXML_MAIN = {
    b"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml": (
        DOCX,
        "word/document.xml",
    ),
    b"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml": (
        XLSX,
        "xl/workbook.xml",
    ),
}
# Control characters (C0, DEL, C1) that plain text never holds; tab, line feed, form feed
# and carriage return it may. A regular expression runs in C: a 25 MB file is checked in
# milliseconds where a Python loop over its characters takes seconds.
_CONTROL = re.compile("[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f]")


def unsupported(field: str) -> CaseFileError:
    allowed = ", ".join(t.label for t in ALLOWED)
    return CaseFileError("UNSUPPORTED_TYPE", f"Files must be one of: {allowed}.", field)


def detect(
    source: BinaryIO,
    filename: str,
    field: str = "file",
    *,
    max_unpacked: int = DEFAULT_MAX_UNPACKED,
) -> FileType:
    """The allowed type of ``source`` (seekable, read from the start) named ``filename``;
    CaseFileError UNSUPPORTED_TYPE, TYPE_MISMATCH, ARCHIVE_TOO_LARGE or NESTED_ARCHIVE
    otherwise. Blocking: run it in a thread."""
    source.seek(0)
    head = source.read(HEAD_BYTES)
    if head.startswith(b"PK\x03\x04"):
        found = _zip_container(source, field, max_unpacked)
    else:
        found = _by_magic(head) or _textual(source, filename, field)
    source.seek(0)
    if extension_of(filename) not in found.extensions:
        raise CaseFileError(
            "TYPE_MISMATCH",
            f"The content is {found.label}: name it with {' or '.join(found.extensions)}.",
            field,
        )
    return found


def _by_magic(head: bytes) -> FileType | None:
    try:
        matches = puremagic.magic_string(head)
    except puremagic.PureError:
        return None
    if not matches:
        return None
    best = max(m.confidence for m in matches)
    # Only the most confident readings count: a file that is something else first (an
    # executable with a PDF signature further in) is that something else.
    for match in matches:
        if match.confidence == best and match.mime_type in _BY_MAGIC:
            found = _BY_MAGIC[match.mime_type]
            if found is WEBP and head[8:12] != b"WEBP":
                return None
            return found
    return None


def _zip_container(source: BinaryIO, field: str, max_unpacked: int) -> FileType:
    try:
        archive = zipfile.ZipFile(source)
    except (zipfile.BadZipFile, ValueError, OSError) as exc:
        raise unsupported(field) from exc
    with archive:
        entries = archive.infolist()
        names = {e.filename for e in entries}
        _declared_bounds(entries, field, max_unpacked)
        if not entries or (
            any(e.flag_bits & 0x1 for e in entries)  # encrypted
            or any(n.lower().endswith("vbaproject.bin") for n in names)  # macros
        ):
            raise unsupported(field)
        found = _office_type(archive, entries, names, field)
        _inflated_bounds(archive, entries, field, max_unpacked)
        return found


def _too_large(field: str, why: str) -> CaseFileError:
    return CaseFileError("ARCHIVE_TOO_LARGE", f"The document unpacks too large: {why}.", field)


def _nested(field: str, name: str) -> CaseFileError:
    return CaseFileError(
        "NESTED_ARCHIVE",
        f"The document holds an archive ({name[:100]}); archives inside documents are refused.",
        field,
    )


def _declared_bounds(entries: list[zipfile.ZipInfo], field: str, max_unpacked: int) -> None:
    """What the central directory declares: entries, the unpacked total, each entry's ratio,
    and archive names; nothing is inflated yet."""
    if len(entries) > MAX_ENTRIES:
        raise _too_large(field, f"more than {MAX_ENTRIES} parts")
    if sum(e.file_size for e in entries) > max_unpacked:
        raise _too_large(field, f"more than {plain_size(max_unpacked)} in all")
    for entry in entries:
        if entry.file_size > _RATIO_FROM_BYTES and entry.file_size > MAX_COMPRESSION_RATIO * max(
            entry.compress_size, 1
        ):
            raise _too_large(field, f"a part compressed more than {MAX_COMPRESSION_RATIO} to 1")
        if entry.filename.lower().endswith(_ARCHIVE_NAMES):
            raise _nested(field, entry.filename)


def _inflated_bounds(
    archive: zipfile.ZipFile, entries: list[zipfile.ZipInfo], field: str, max_unpacked: int
) -> None:
    """Every entry inflated once, in chunks: the real total stays under the cap whatever the
    directory declared, the CRCs hold, and no entry is an archive by its first bytes."""
    total = 0
    for entry in entries:
        if entry.is_dir():
            continue
        try:
            with archive.open(entry) as part:
                head = part.read(8)
                if head.startswith(_ARCHIVE_MAGIC):
                    raise _nested(field, entry.filename)
                total += len(head)
                tail = head
                while chunk := part.read(_CHUNK):
                    total += len(chunk)
                    if total > max_unpacked:
                        raise _too_large(field, f"more than {plain_size(max_unpacked)} in all")
                    tail = (tail + chunk)[-_EOCD_REACH:]
                if _ends_in_zip(tail):
                    raise _nested(field, entry.filename)
        except (zipfile.BadZipFile, OSError, EOFError, NotImplementedError, ValueError) as exc:
            raise CaseFileError(
                "UNSUPPORTED_TYPE", "The file is a damaged archive.", field
            ) from exc


def _ends_in_zip(tail: bytes) -> bool:
    """Whether a zip reader would find an archive in a part whatever its first bytes say (a
    PNG with a zip appended is both): an end-of-central-directory record whose comment runs
    exactly to the part's end, as readers look for it from the end."""
    at = tail.rfind(_EOCD)
    while at != -1:
        if at + _EOCD_SIZE <= len(tail):
            comment = int.from_bytes(tail[at + 20 : at + 22], "little")
            if at + _EOCD_SIZE + comment == len(tail):
                return True
        at = tail.rfind(_EOCD, 0, at)
    return False


def _office_type(
    archive: zipfile.ZipFile, entries: list[zipfile.ZipInfo], names: set[str], field: str
) -> FileType:
    """ODT by its stored `mimetype`, DOCX and XLSX by their content types' main part."""
    first = entries[0]
    if first.filename == "mimetype" and first.compress_type == zipfile.ZIP_STORED:
        # ODF 1.2 part 3, 3.3: the first entry, stored, holds the media type.
        if (
            _part(archive, "mimetype") == ODT.content_type.encode()
            and {"content.xml", "META-INF/manifest.xml"} <= names
        ):
            return ODT
        raise unsupported(field)
    if "[Content_Types].xml" in names:
        types = _part(archive, "[Content_Types].xml")
        for main, (found, part) in _OOXML_MAIN.items():
            if main in types and part in names:
                return found
    raise unsupported(field)


def _part(archive: zipfile.ZipFile, name: str) -> bytes:
    try:
        with archive.open(name) as part:
            return part.read(_MAX_PART)
    except (zipfile.BadZipFile, OSError, KeyError, EOFError) as exc:
        raise CaseFileError("UNSUPPORTED_TYPE", "The file is a damaged archive.") from exc


def _textual(source: BinaryIO, filename: str, field: str) -> FileType:
    """UTF-8 text throughout (a BOM allowed), then CSV or e-mail by the name's extension."""
    source.seek(0)
    decoder = codecs.getincrementaldecoder("utf-8-sig")()
    head = ""
    try:
        while chunk := source.read(_CHUNK):
            text = decoder.decode(chunk)
            if _CONTROL.search(text):
                raise unsupported(field)
            if len(head) < HEAD_BYTES:
                head += text
        decoder.decode(b"", final=True)
    except UnicodeDecodeError as exc:
        raise unsupported(field) from exc
    found = _TEXTUAL.get(extension_of(filename), TEXT)
    if found is CSV and not _is_csv(head):
        raise CaseFileError("TYPE_MISMATCH", "The content is not a CSV table.", field)
    if found is EML and not _is_email(head):
        raise CaseFileError("TYPE_MISMATCH", "The content is not an e-mail message.", field)
    return found


def _is_csv(head: str) -> bool:
    """Rows of one width, more than one column (the head only: its last line may be cut)."""
    lines = head.splitlines()[:50]
    if len(head) >= HEAD_BYTES:
        lines = lines[:-1]
    try:
        widths = {len(row) for row in csv.reader(io.StringIO("\n".join(lines))) if row}
    except csv.Error:
        return False
    return len(widths) == 1 and widths.pop() > 1


def _is_email(head: str) -> bool:
    """RFC 5322 header fields first, among them From and one of Date, Subject, Message-ID."""
    headers, blank, _ = head.replace("\r\n", "\n").partition("\n\n")
    if not blank and len(head) < HEAD_BYTES:
        return False
    parsed = BytesHeaderParser(policy=compat32).parsebytes(headers.encode() + b"\n\n")
    if parsed.defects:
        return False
    keys = {k.lower() for k in parsed}
    return "from" in keys and bool(keys & {"date", "subject", "message-id"})
