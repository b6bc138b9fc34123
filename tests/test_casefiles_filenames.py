"""Uploaders' file names: what is refused, and how names go out in Content-Disposition."""

from __future__ import annotations

import pytest

from portal.casefiles.errors import CaseFileError
from portal.casefiles.filenames import checked_filename, content_disposition


@pytest.mark.parametrize(
    ("raw", "kept"),
    [
        ("Bill March.pdf", "Bill March.pdf"),
        ("заявление.pdf", "заявление.pdf"),
        ("账单.pdf", "账单.pdf"),
        ("a..b.pdf", "a..b.pdf"),
        ("Cafe\u0301.pdf", "Café.pdf"),  # stored in NFC
    ],
)
def test_a_good_name_is_kept(raw: str, kept: str) -> None:
    assert checked_filename(raw) == kept


@pytest.mark.parametrize(
    ("raw", "code"),
    [
        ("", "INVALID_FILENAME"),
        ("   ", "INVALID_FILENAME"),
        ("../x.pdf", "INVALID_FILENAME"),
        ("..", "INVALID_FILENAME"),
        ("C:\\x.pdf", "INVALID_FILENAME"),
        ("a\nb.pdf", "INVALID_FILENAME"),
        ("a\x00b.pdf", "INVALID_FILENAME"),
        ("a\u202eb.pdf", "INVALID_FILENAME"),
        ("a\u200bb.pdf", "INVALID_FILENAME"),
        (" a.pdf", "INVALID_FILENAME"),
        ("a.pdf.", "INVALID_FILENAME"),
        ("nul.txt", "INVALID_FILENAME"),
        ("é" * 256, "TOO_LONG"),
    ],
)
def test_a_bad_name_is_refused_with_its_code(raw: str, code: str) -> None:
    with pytest.raises(CaseFileError) as refused:
        checked_filename(raw)

    assert refused.value.code == code
    assert refused.value.field == "file"


@pytest.mark.parametrize(
    ("name", "header"),
    [
        ("claim.pdf", "attachment; filename=\"claim.pdf\"; filename*=UTF-8''claim.pdf"),
        (
            'say "hi"\\.txt',
            "attachment; filename=\"say _hi.txt\"; filename*=UTF-8''say%20%22hi%22%5C.txt",
        ),
        (
            "账单.pdf",
            "attachment; filename=\"document.pdf\"; filename*=UTF-8''%E8%B4%A6%E5%8D%95.pdf",
        ),
        (
            "naïve;x=1.csv",
            "attachment; filename=\"naive_x_1.csv\"; filename*=UTF-8''na%C3%AFve%3Bx%3D1.csv",
        ),
    ],
)
def test_content_disposition_carries_a_safe_ascii_name_and_the_exact_one(
    name: str, header: str
) -> None:
    assert content_disposition(name) == header
