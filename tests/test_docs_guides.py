"""The user guides exist in English and Simplified Chinese with the same pages, each with the
same sections (the same headings at the same levels, in the same order) and tables of the
same shape, so a translation cannot fall a section behind; their links lead somewhere."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

GUIDES = Path(__file__).resolve().parent.parent / "docs" / "guides"
LANGUAGES = ("en", "zh-Hans")
PAGES = ("consumers.md", "neutrals.md", "organisations.md")


def headings(page: Path) -> list[int]:
    return [len(m.group(1)) for m in re.finditer(r"^(#{1,6}) \S", page.read_text(), re.M)]


def table_rows(page: Path) -> list[int]:
    """The number of rows of each table, in order."""
    counts: list[int] = []
    previous = False
    for line in page.read_text().splitlines():
        row = line.startswith("|")
        if row and not previous:
            counts.append(0)
        if row:
            counts[-1] += 1
        previous = row
    return counts


def test_each_language_has_the_same_pages() -> None:
    for language in LANGUAGES:
        assert sorted(p.name for p in (GUIDES / language).glob("*.md")) == sorted(PAGES)


@pytest.mark.parametrize("page", PAGES)
def test_a_page_has_the_same_sections_and_tables_in_every_language(page: str) -> None:
    english, chinese = (GUIDES / language / page for language in LANGUAGES)

    assert headings(english) == headings(chinese)
    assert headings(english).count(2) >= 5  # task sections, not one long text
    assert table_rows(english) == table_rows(chinese)


@pytest.mark.parametrize("language", LANGUAGES)
def test_relative_links_of_the_guides_lead_to_files(language: str) -> None:
    for page in (GUIDES / language).glob("*.md"):
        for target in re.findall(r"\]\((?!https?:)([^)#]+)", page.read_text()):
            assert (page.parent / target).resolve().exists(), (page.name, target)
