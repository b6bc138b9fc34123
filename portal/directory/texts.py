"""A provider's published texts in the reader's language (issue 16, deliverable 5).

A provider writes its profile's texts in one language (`text_language`) and may give its own
translations of them (`translations`, by language and field). A reader gets each text in their
language where the provider gave one, and otherwise the text as written, marked with the
language it is in, so a page can say so (`lang`) rather than pass English off as Chinese.

Parley never machine-translates a provider's texts: fees and legal effect are the provider's
statements (EU ADR Art. 7(1)), and only the provider may say them in another language.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from portal.accounts.models import Locale
from portal.cases.inputs import text
from portal.directory.errors import DirectoryError
from portal.directory.models import ProviderProfile

# The profile's texts a provider may translate: what a party reads to choose and to consent.
TRANSLATABLE = (
    "summary",
    "dispute_types",
    "decision_basis",
    "preliminary_requirements",
    "fees",
    "legal_effect",
)
# Accept-Language primary tags (and Chinese script or region subtags) per supported language.
_SIMPLIFIED = {"zh-hans", "zh-cn", "zh-sg", "zh-my", "zh"}


@dataclass(frozen=True)
class LocalizedText:
    text: str
    language: str  # the BCP 47 tag of the language `text` is in
    translated: bool  # the provider's translation, not the text as written


def localized(profile: ProviderProfile, field: str, language: str | None) -> LocalizedText:
    """``field`` of ``profile`` in ``language`` when the provider translated it (and it is not
    empty), else as written, in the profile's own language."""
    original = str(getattr(profile, field))
    if language and language != profile.text_language:
        translated = (profile.translations or {}).get(language, {}).get(field, "")
        if translated:
            return LocalizedText(translated, language, True)
    return LocalizedText(original, profile.text_language, False)


def from_accept_language(header: str | None) -> str | None:
    """The supported language the reader prefers most, from an HTTP Accept-Language header."""
    if not header:
        return None
    ranked: list[tuple[float, int, str]] = []
    for index, part in enumerate(header.split(",")[:20]):
        tag, _, params = part.strip().partition(";")
        quality = 1.0
        if params.strip().startswith("q="):
            try:
                quality = float(params.strip()[2:])
            except ValueError:
                continue
        ranked.append((-quality, index, tag.strip().lower()))
    for negative_quality, _, tag in sorted(ranked):
        if negative_quality >= 0:
            continue  # q=0: "not this one"
        if tag.startswith("zh-hant") or tag in {"zh-tw", "zh-hk", "zh-mo"}:
            continue  # Traditional Chinese: not what Parley has
        if tag in _SIMPLIFIED or tag.startswith("zh-hans-"):
            return Locale.ZH_HANS.value
        if tag == "en" or tag.startswith("en-"):
            return Locale.EN.value
    return None


def read_translations(
    current: Mapping[str, Mapping[str, str]], given: Any
) -> dict[str, dict[str, str]]:
    """Apply ``given`` ({language: {field: text}}; a field left out stays, an empty text
    removes the translation) to ``current``; refuses a language Parley does not offer or a
    field that is not translatable, with the field at fault."""
    if not isinstance(given, Mapping):
        raise DirectoryError(
            "INVALID_INPUT", "`translations` is a map by language.", "translations"
        )
    merged = {lang: dict(fields) for lang, fields in current.items()}
    for language, fields in given.items():
        if language not in {loc.value for loc in Locale}:
            raise DirectoryError(
                "INVALID_CHOICE",
                f"`{language}` is not a language Parley offers "
                f"({', '.join(loc.value for loc in Locale)}).",
                "translations",
            )
        entry = merged.setdefault(language, {})
        for field, value in (fields or {}).items():
            if field not in TRANSLATABLE:
                raise DirectoryError(
                    "INVALID_INPUT",
                    f"`{field}` has no translation; these do: {', '.join(TRANSLATABLE)}.",
                    "translations",
                )
            if value is None:
                continue
            translated = text({field: value}, field, required=False)
            if translated:
                entry[field] = translated
            else:
                entry.pop(field, None)
        if not entry:
            merged.pop(language)
    return merged
