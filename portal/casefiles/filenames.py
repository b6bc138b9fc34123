"""The names uploaders give their files: checked on the way in, encoded safely on the way out.

A name is kept only as a label. Files are stored under generated names (storage.py), so a
name can never reach the file system; it is still refused when it carries a path, control
characters or bidirectional overrides, so that what another party sees is what was sent
(OWASP File Upload cheat sheet: restrict the name's characters and length).
"""

from __future__ import annotations

import re
import unicodedata
from urllib.parse import quote

from portal.casefiles.errors import CaseFileError
from portal.lengths import at_most

MAX_FILENAME_LENGTH = 255  # characters, as most file systems allow

# Unicode categories refused anywhere in a name: controls (C0, C1, DEL), format characters
# (bidirectional overrides such as U+202E that make `cod.exe` look like `exe.doc`),
# surrogates, private use and unassigned code points.
_REFUSED_CATEGORIES = frozenset({"Cc", "Cf", "Cs", "Co", "Cn"})
_WINDOWS_RESERVED = re.compile(r"^(CON|PRN|AUX|NUL|COM[1-9]|LPT[1-9])(\..*)?$", re.IGNORECASE)


def checked_filename(raw: str | None, field: str = "file") -> str:
    """The uploader's name in NFC, or a CaseFileError saying what is wrong with it."""
    name = unicodedata.normalize("NFC", raw or "")
    if not name.strip():
        raise CaseFileError("INVALID_FILENAME", "The file needs a name.", field)
    at_most(name, MAX_FILENAME_LENGTH, field, CaseFileError, label="The file name")
    if "/" in name or "\\" in name:
        raise CaseFileError("INVALID_FILENAME", "A file name cannot contain a path.", field)
    if any(unicodedata.category(c) in _REFUSED_CATEGORIES for c in name):
        raise CaseFileError(
            "INVALID_FILENAME", "A file name cannot contain control characters.", field
        )
    if name != name.strip() or name.startswith(".") or name.endswith("."):
        raise CaseFileError(
            "INVALID_FILENAME",
            "A file name cannot start or end with a space or a dot.",
            field,
        )
    if _WINDOWS_RESERVED.match(name):
        raise CaseFileError("INVALID_FILENAME", "That name is reserved by Windows.", field)
    return name


def extension_of(name: str) -> str:
    """`.pdf` for `Bill March.PDF`; empty when the name has none."""
    stem, dot, ext = name.rpartition(".")
    return f".{ext.lower()}" if dot and stem else ""


def _ascii_fallback(name: str) -> str:
    """For clients without RFC 5987 support: letters folded to ASCII, the rest `_`; a stem
    with nothing left becomes `document`, and the extension is kept."""
    ext = extension_of(name)
    stem = name[: len(name) - len(ext)] if ext else name

    def fold(text: str) -> str:
        ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
        return re.sub(r"[^A-Za-z0-9._ ()+-]", "_", ascii_text)

    return (fold(stem).strip(" ._") or "document") + fold(ext)


def content_disposition(name: str) -> str:
    """`attachment` with both parameters of RFC 6266 section 4.3: a plain ASCII `filename`
    (quoted, no `"` or `\\` left) and `filename*` in RFC 5987 UTF-8 percent-encoding."""
    encoded = quote(name, safe="!#$&+-.^_`|~")
    return f"attachment; filename=\"{_ascii_fallback(name)}\"; filename*=UTF-8''{encoded}"
